//! Clientwell's core: everything the app knows, without the app.
//!
//! The Tauri shell and the `clientwell` CLI are thin adapters over the functions here; the core
//! never depends on tauri, webkit or the UI.

pub mod bench;
pub mod book;
pub mod client_page;
pub mod demo;
pub mod error;
pub mod health;
pub mod import;
pub mod metrics;
pub mod output;
pub mod paths;
pub mod report;
pub mod review;
pub mod service;
pub mod store;
pub mod updates;
pub mod words;

pub use error::{Error, ErrorKind, Result};
pub use store::Store;
