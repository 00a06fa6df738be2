//! The `review_state` table: done and snoozed weekly review items.

use chrono::NaiveDate;
use rusqlite::params;

use super::{now_stamp, optional_date_at, optional_day, Store};
use crate::book::text;
use crate::error::{Error, Result};
use crate::book::item_state::ItemState;

impl Store {
    pub fn review_states(&self) -> Result<Vec<ItemState>> {
        let mut stmt = self.read().prepare_cached("SELECT key, done_on, snoozed_until FROM review_state")?;
        let rows = stmt.query_map([], |r| Ok(ItemState { key: r.get(0)?, done_on: optional_date_at(r, 1)?, snoozed_until: optional_date_at(r, 2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks an item done on `today`.
    pub fn mark_done(&mut self, key: &str, today: NaiveDate) -> Result<ItemState> {
        self.set_state(key, Some(today), None)
    }

    /// Hides an item until `until` (a day after `today`).
    pub fn snooze(&mut self, key: &str, until: &str, today: NaiveDate) -> Result<ItemState> {
        let until = text::date("until", "Snooze until", until)?;
        if until <= today {
            return Err(Error::validation("until", "Snooze until a day after today."));
        }
        self.set_state(key, None, Some(until))
    }

    /// Brings a done or snoozed item back.
    pub fn reopen(&mut self, key: &str) -> Result<()> {
        let key = text::text("key", "Item", key, 1, 200)?;
        self.write(|tx| Ok(tx.execute("DELETE FROM review_state WHERE key = ?1", [key])?)).map(|_| ())
    }

    fn set_state(&mut self, key: &str, done: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<ItemState> {
        let key = text::text("key", "Item", key, 1, 200)?;
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO review_state (key, done_on, snoozed_until, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET done_on = excluded.done_on, snoozed_until = excluded.snoozed_until, updated_at = excluded.updated_at",
            )?
            .execute(params![key, optional_day(done), optional_day(until), now_stamp()])?;
            Ok(())
        })?;
        Ok(ItemState { key, done_on: done, snoozed_until: until })
    }
}
