//! This week's moments: a few records dated just before "today", added after the history is
//! written (and without its random stream, so the rest of the book is unchanged), so that the
//! demo's weekly review shows every kind of item the playbook has: a win to ask after, a fix to
//! check, a client slipping this week, an amber client nobody has heard from, and a client
//! still waiting for a first result.

use chrono::{Days, NaiveDate};
use rusqlite::{params, Transaction};

use super::history::Archetype;
use crate::error::Result;

fn ago(today: NaiveDate, days: u64) -> String {
    (today - Days::new(days)).to_string()
}

/// An NPS answer, from the client's main contact.
const ANSWER: &str = "INSERT INTO survey_answer (client_id, stakeholder_id, kind, score, answered_on, comment, created_at)
    SELECT ?1, (SELECT id FROM stakeholder WHERE client_id = ?1 ORDER BY is_primary DESC, id LIMIT 1), 'nps', 4, ?2, ?3, ?4";

/// Our messages to the client in the last `days` went unanswered.
fn unanswered_since(tx: &Transaction<'_>, id: i64, today: NaiveDate, days: u64) -> Result<()> {
    tx.prepare_cached("UPDATE touchpoint SET client_replied = 0, attended = 0 WHERE client_id = ?1 AND happened_on > ?2")?.execute(params![id, ago(today, days)])?;
    Ok(())
}

/// `clients` is each client's id and archetype, in the order they were written.
pub fn write(tx: &Transaction<'_>, clients: &[(i64, Archetype)], today: NaiveDate, now: &str) -> Result<()> {
    let nth = |archetype: Archetype, n: usize| clients.iter().filter(|(_, a)| *a == archetype).nth(n).map(|(id, _)| *id);
    if let Some(id) = nth(Archetype::Healthy, 0) {
        // A win four days ago: the moment to ask for a referral or a testimonial.
        tx.prepare_cached("INSERT INTO milestone (client_id, title, due_on, done_on, first_value, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)")?
            .execute(params![id, "Spring campaign live", ago(today, 6), ago(today, 4), now])?;
    }
    if let Some(id) = nth(Archetype::Healthy, 1) {
        // A fix made nine days ago that nobody has checked with them since.
        unanswered_since(tx, id, today, 9)?;
        tx.prepare_cached("INSERT INTO complaint (client_id, opened_on, closed_on, tag, summary, created_at) VALUES (?1, ?2, ?3, 'quality', ?4, ?5)")?
            .execute(params![id, ago(today, 20), ago(today, 9), "The newsletter went out with a broken booking link", now])?;
    }
    if let Some(id) = nth(Archetype::Healthy, 2) {
        // A poor answer two days ago turns a green client amber this week.
        tx.prepare_cached(ANSWER)?
            .execute(params![id, ago(today, 2), "The last two reports came late.", now])?;
    }
    if let Some(id) = nth(Archetype::Healthy, 5) {
        // A poor answer two and a half weeks ago turned them amber, and nobody has spoken with
        // them since (our messages went unanswered): amber to follow through.
        unanswered_since(tx, id, today, 17)?;
        tx.prepare_cached("DELETE FROM survey_answer WHERE client_id = ?1 AND kind = 'nps' AND answered_on > ?2")?.execute(params![id, ago(today, 17)])?;
        tx.prepare_cached(ANSWER)?
            .execute(params![id, ago(today, 17), "Good work, but we rarely hear how it is going.", now])?;
    }
    if let Some(id) = nth(Archetype::Drifting, 2) {
        // Months in, and the first visible result has not landed.
        tx.prepare_cached("UPDATE milestone SET done_on = NULL WHERE client_id = ?1 AND first_value = 1")?.execute(params![id])?;
    }
    // Most steady clients' finance contact and sponsor were spoken with this quarter; the
    // drifting, the unhappy and the amber one above were not (the review names who to call).
    let amber = nth(Archetype::Healthy, 5);
    for &(id, archetype) in clients {
        if !matches!(archetype, Archetype::Healthy | Archetype::Project | Archetype::LatePayer) || Some(id) == amber {
            continue;
        }
        for (role, days, kind, what) in [("finance", 40, "meeting", "Budget review"), ("executive_sponsor", 55, "call", "Priorities for next quarter")] {
            tx.prepare_cached(
                "INSERT INTO touchpoint (client_id, kind, happened_on, summary, client_replied, attended, stakeholder_id, created_at)
                 SELECT ?1, ?2, ?3, ?4 || ' with ' || name, 1, 1, id, ?5 FROM stakeholder WHERE client_id = ?1 AND role = ?6 ORDER BY id LIMIT 1",
            )?
            .execute(params![id, kind, ago(today, days), what, now, role])?;
        }
    }
    Ok(())
}
