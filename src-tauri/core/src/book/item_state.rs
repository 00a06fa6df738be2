//! What the owner did with a weekly-review item: done on a day, or snoozed until one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// What the owner did with an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ItemState {
    pub key: String,
    pub done_on: Option<NaiveDate>,
    pub snoozed_until: Option<NaiveDate>,
}

