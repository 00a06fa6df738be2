//! Thin adapters from IPC to the core: one core call each, no rules of their own.

pub mod backups;
pub mod book;
pub mod branding;
pub mod clients;
pub mod data;
pub mod records;
pub mod reports;
pub mod review;
pub mod studio;
