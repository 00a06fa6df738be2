//! The work the demo studio delivered for each client, every few weeks since it started.

use chrono::NaiveDate;

use super::history::{add_days, Context};
use super::pools;
use crate::book::activity::DeliverableFields;
use crate::error::Result;
use crate::store::activity;

pub(super) fn write(cx: &mut Context<'_>, id: i64, start: NaiveDate, last_day: NaiveDate, kpi: Option<i64>) -> Result<()> {
    let mut day = add_days(start, cx.rng.between(10, 25));
    let mut recent: Vec<&str> = Vec::new();
    while day <= last_day {
        // Not a piece of work delivered in the last three (a quarter's), so a QBR never lists one twice.
        let drawn = cx.rng.below(pools::DELIVERABLES.len() as u64) as usize;
        let title = (0..pools::DELIVERABLES.len()).map(|k| pools::DELIVERABLES[(drawn + k) % pools::DELIVERABLES.len()]).find(|t| !recent.contains(t)).unwrap_or(pools::DELIVERABLES[drawn]);
        recent.push(title);
        recent.drain(..recent.len().saturating_sub(3));
        let f = DeliverableFields { title: title.to_string(), delivered_on: day, kpi_id: kpi };
        activity::upsert_deliverable(cx.tx, id, None, &f, cx.now)?;
        day = add_days(day, cx.rng.between(20, 40));
    }
    Ok(())
}

