//! The client book's domain types and the rules their inputs must follow.
//! Everything here is plain data: no SQL, no I/O.

pub mod client;
pub mod currency;
pub mod studio;
pub mod text;

pub use client::{Client, ClientInput, ClientStatus};
pub use studio::{PaperSize, Studio, StudioInput};
