//! The client book's domain types and the rules their inputs must follow.
//! Everything here is plain data: no SQL, no I/O.

pub mod activity;
pub mod ask;
pub mod branding;
pub mod check;
pub mod client;
pub mod contract;
pub mod currency;
pub mod display;
pub mod ending;
pub mod invoice;
pub mod item_state;
pub mod kpi;
pub mod money;
pub mod onboarding;
pub mod overrides;
pub mod playbook;
pub mod month;
pub mod growth;
pub mod quarter;
pub mod records;
pub mod sending;
pub mod referral;
pub mod retainer_hours;
pub mod risk;
pub mod stakeholder;
pub(crate) mod stored_enum;
pub mod studio;
pub mod survey;
pub mod templates;
pub mod text;

pub use client::{Client, ClientInput, ClientStatus, SuccessPlan, SuccessPlanInput};
pub use studio::{PaperSize, Studio, StudioInput};
