//! The `checklist_template` and `checklist_item` tables, each row in one list (onboarding or
//! offboarding).

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::records::{require_client, require_owned};
use super::{day, optional_date_at, Store};
use crate::book::onboarding::{Checklist, ChecklistItem, ChecklistTemplateInput};
use crate::error::Result;

fn item_from_row(r: &Row<'_>) -> rusqlite::Result<ChecklistItem> {
    Ok(ChecklistItem { id: r.get(0)?, client_id: r.get(1)?, title: r.get(2)?, done_on: optional_date_at(r, 3)? })
}

impl Store {
    pub fn checklist_template(&self, list: Checklist) -> Result<Vec<String>> {
        let mut stmt = self.read().prepare_cached("SELECT title FROM checklist_template WHERE list = ?1 ORDER BY position, id")?;
        let rows = stmt.query_map([list.as_str()], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces the template; clients' checklists already started keep their own steps.
    pub fn save_checklist_template(&mut self, list: Checklist, input: &ChecklistTemplateInput) -> Result<Vec<String>> {
        let steps = input.validate()?;
        self.write(|tx| {
            tx.execute("DELETE FROM checklist_template WHERE list = ?1", [list.as_str()])?;
            for (i, step) in steps.iter().enumerate() {
                tx.execute("INSERT INTO checklist_template (position, title, list) VALUES (?1, ?2, ?3)", params![i as i64 + 1, step, list.as_str()])?;
            }
            Ok(())
        })?;
        Ok(steps)
    }

    pub fn checklist(&self, client_id: i64, list: Checklist) -> Result<Vec<ChecklistItem>> {
        let mut stmt = self.read().prepare_cached("SELECT id, client_id, title, done_on FROM checklist_item WHERE client_id = ?1 AND list = ?2 ORDER BY position, id")?;
        let rows = stmt.query_map(params![client_id, list.as_str()], item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Gives the client a copy of the template (once; a started checklist is left as it is).
    pub fn start_checklist(&mut self, client_id: i64, list: Checklist) -> Result<Vec<ChecklistItem>> {
        self.write(|tx| {
            require_client(tx, client_id)?;
            let started: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM checklist_item WHERE client_id = ?1 AND list = ?2)", params![client_id, list.as_str()], |r| r.get(0))?;
            if !started {
                tx.execute(
                    "INSERT INTO checklist_item (client_id, position, title, list) SELECT ?1, position, title, list FROM checklist_template WHERE list = ?2 ORDER BY position",
                    params![client_id, list.as_str()],
                )?;
            }
            Ok(())
        })?;
        self.checklist(client_id, list)
    }

    /// Ticks a step done on `on`, or clears it with None.
    pub fn set_step_done(&mut self, client_id: i64, item_id: i64, on: Option<NaiveDate>) -> Result<Vec<ChecklistItem>> {
        self.write(|tx| {
            require_owned(tx, "checklist_item", "checklist step", item_id, client_id, Some("item_id"))?;
            tx.execute("UPDATE checklist_item SET done_on = ?2 WHERE id = ?1", params![item_id, on.map(day)])?;
            tx.query_row("SELECT list FROM checklist_item WHERE id = ?1", [item_id], |r| r.get::<_, String>(0)).map_err(Into::into)
        })
        .map(|list| Checklist::parse(&list).unwrap_or(Checklist::Onboarding))
        .and_then(|list| self.checklist(client_id, list))
    }
}
