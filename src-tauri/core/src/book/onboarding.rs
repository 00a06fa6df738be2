//! The onboarding and offboarding checklists: each client's copy of the studio's template for
//! the list, ticked off as done.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::stored_enum::stored_enum;
use super::text;
use crate::error::{Error, Result};

stored_enum!(
    /// Onboarding: while the goal is agreed and the work set up. Offboarding: when a client
    /// ends (handover, final invoice, the exit talk).
    Checklist { Onboarding = "onboarding", Offboarding = "offboarding" }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ChecklistItem {
    pub id: i64,
    pub client_id: i64,
    pub title: String,
    pub done_on: Option<NaiveDate>,
}

/// The template as the owner edits it: one step per line.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct ChecklistTemplateInput {
    pub steps: String,
}

impl ChecklistTemplateInput {
    /// The steps, trimmed, blank lines dropped: between 1 and 30 steps of up to 200 characters.
    pub fn validate(&self) -> Result<Vec<String>> {
        let steps: Vec<String> = self.steps.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        if steps.is_empty() {
            return Err(Error::validation("steps", "Write at least one step, one per line."));
        }
        if steps.len() > 30 {
            return Err(Error::validation("steps", format!("{} steps: keep the checklist to at most 30.", steps.len())));
        }
        steps.into_iter().enumerate().map(|(i, s)| text::text("steps", &format!("Step {}", i + 1), &s, 1, 200)).collect()
    }
}
