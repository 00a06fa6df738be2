//! The `checklist_template` and `checklist_item` tables.

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::records::{require_client, require_owned};
use super::{day, optional_date_at, Store};
use crate::book::onboarding::{ChecklistItem, ChecklistTemplateInput};
use crate::error::Result;

fn item_from_row(r: &Row<'_>) -> rusqlite::Result<ChecklistItem> {
    Ok(ChecklistItem { id: r.get(0)?, client_id: r.get(1)?, title: r.get(2)?, done_on: optional_date_at(r, 3)? })
}

impl Store {
    pub fn checklist_template(&self) -> Result<Vec<String>> {
        let mut stmt = self.read().prepare_cached("SELECT title FROM checklist_template ORDER BY position, id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces the template; clients' checklists already started keep their own steps.
    pub fn save_checklist_template(&mut self, input: &ChecklistTemplateInput) -> Result<Vec<String>> {
        let steps = input.validate()?;
        self.write(|tx| {
            tx.execute("DELETE FROM checklist_template", [])?;
            for (i, step) in steps.iter().enumerate() {
                tx.execute("INSERT INTO checklist_template (position, title) VALUES (?1, ?2)", params![i as i64 + 1, step])?;
            }
            Ok(())
        })?;
        Ok(steps)
    }

    pub fn checklist(&self, client_id: i64) -> Result<Vec<ChecklistItem>> {
        self.rows("SELECT id, client_id, title, done_on FROM checklist_item WHERE client_id = ?1 ORDER BY position, id", client_id, item_from_row)
    }

    /// Gives the client a copy of the template (once; a started checklist is left as it is).
    pub fn start_checklist(&mut self, client_id: i64) -> Result<Vec<ChecklistItem>> {
        self.write(|tx| {
            require_client(tx, client_id)?;
            let started: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM checklist_item WHERE client_id = ?1)", [client_id], |r| r.get(0))?;
            if !started {
                tx.execute("INSERT INTO checklist_item (client_id, position, title) SELECT ?1, position, title FROM checklist_template ORDER BY position", [client_id])?;
            }
            Ok(())
        })?;
        self.checklist(client_id)
    }

    /// Ticks a step done on `on`, or clears it with None.
    pub fn set_step_done(&mut self, client_id: i64, item_id: i64, on: Option<NaiveDate>) -> Result<Vec<ChecklistItem>> {
        self.write(|tx| {
            require_owned(tx, "checklist_item", "checklist step", item_id, client_id, Some("item_id"))?;
            tx.execute("UPDATE checklist_item SET done_on = ?2 WHERE id = ?1", params![item_id, on.map(day)])?;
            Ok(())
        })?;
        self.checklist(client_id)
    }
}
