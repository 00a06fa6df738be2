//! The `client_ask` and `kpi_note` tables: what the studio needs from the client, and the
//! owner's words for why a result moved.

use rusqlite::{params, Row};

use super::activity::prepare;
use super::records::{require_client, require_owned};
use super::{date_at, day, now_stamp, optional_date_at, optional_day, Store};
use crate::book::ask::{Ask, AskInput, KpiNote, KpiNoteInput};
use crate::error::Result;

const ASK: &str = "SELECT id, client_id, what, who, asked_on, due_on, if_late, done_on FROM client_ask";
const NOTE: &str = "SELECT n.kpi_id, n.period, n.why FROM kpi_note n JOIN kpi k ON k.id = n.kpi_id";

fn ask_from_row(r: &Row<'_>) -> rusqlite::Result<Ask> {
    Ok(Ask { id: r.get(0)?, client_id: r.get(1)?, what: r.get(2)?, who: r.get(3)?, asked_on: date_at(r, 4)?, due_on: date_at(r, 5)?, if_late: r.get(6)?, done_on: optional_date_at(r, 7)? })
}

fn note_from_row(r: &Row<'_>) -> rusqlite::Result<KpiNote> {
    Ok(KpiNote { kpi_id: r.get(0)?, period: r.get(1)?, why: r.get(2)? })
}

impl Store {
    /// The client's asks, soonest due first.
    pub fn asks(&self, client_id: i64) -> Result<Vec<Ask>> {
        self.rows(&format!("{ASK} WHERE client_id = ?1 ORDER BY due_on, id"), client_id, ask_from_row)
    }

    pub fn save_ask(&mut self, client_id: i64, id: Option<i64>, input: &AskInput) -> Result<Ask> {
        let f = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "client_ask", "ask", client_id, id)?;
            let (asked, due, done) = (day(f.asked_on), day(f.due_on), optional_day(f.done_on));
            match id {
                Some(id) => {
                    tx.prepare_cached("UPDATE client_ask SET what = ?2, who = ?3, asked_on = ?4, due_on = ?5, if_late = ?6, done_on = ?7 WHERE id = ?1")?
                        .execute(params![id, f.what, f.who, asked, due, f.if_late, done])?;
                    Ok(id)
                }
                None => {
                    tx.prepare_cached("INSERT INTO client_ask (client_id, what, who, asked_on, due_on, if_late, done_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?
                        .execute(params![client_id, f.what, f.who, asked, due, f.if_late, done, now])?;
                    Ok(tx.last_insert_rowid())
                }
            }
        })?;
        self.one(&format!("{ASK} WHERE id = ?1"), id, ask_from_row)
    }

    /// The owner's words for why each of the client's results moved, every period.
    pub fn kpi_notes(&self, client_id: i64) -> Result<Vec<KpiNote>> {
        self.rows(&format!("{NOTE} WHERE k.client_id = ?1 ORDER BY n.kpi_id, n.period"), client_id, note_from_row)
    }

    /// Writes (or, with empty words, removes) why KPI `kpi_id` of the client moved in a period.
    pub fn save_kpi_note(&mut self, client_id: i64, kpi_id: i64, input: &KpiNoteInput) -> Result<Vec<KpiNote>> {
        let (period, why) = input.validate()?;
        let now = now_stamp();
        self.write(|tx| {
            require_client(tx, client_id)?;
            require_owned(tx, "kpi", "KPI", kpi_id, client_id, Some("kpi_id"))?;
            match &why {
                Some(why) => tx
                    .prepare_cached("INSERT INTO kpi_note (kpi_id, period, why, updated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (kpi_id, period) DO UPDATE SET why = excluded.why, updated_at = excluded.updated_at")?
                    .execute(params![kpi_id, period, why, now])?,
                None => tx.prepare_cached("DELETE FROM kpi_note WHERE kpi_id = ?1 AND period = ?2")?.execute(params![kpi_id, period])?,
            };
            Ok(())
        })?;
        self.kpi_notes(client_id)
    }
}
