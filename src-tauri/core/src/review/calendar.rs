//! The owner's calendar: renewals (with the notice deadline), check-ins due and quarterly reviews
//! due for every current client over the next year, as an iCalendar (.ics) file to import into
//! any calendar app. Written with the `icalendar` crate; each event has a stable UID, so
//! importing a newer file updates events instead of duplicating them.

use chrono::{Days, NaiveDate};
use icalendar::{Calendar, Component, Event, EventLike};

use super::is_current;
use super::items::QBR_DAYS;
use crate::client_page::{self, ClientData};
use crate::error::Result;
use crate::store::Store;

/// One dated thing to do, before it becomes an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub uid: String,
    pub on: NaiveDate,
    pub title: String,
    pub detail: String,
}

/// What falls due for one client between `as_of` and a year later (overdue check-ins and QBRs
/// are put on `as_of`, so they show today).
pub fn due(data: &ClientData, as_of: NaiveDate) -> Vec<Due> {
    let c = &data.client;
    let horizon = as_of + Days::new(366);
    let facts = client_page::facts(data, as_of);
    let mut out = Vec::new();
    if let Some(r) = facts.renewal.filter(|r| r.date <= horizon) {
        out.push(Due { uid: format!("renewal-{}-{}", c.id, r.date), on: r.date, title: format!("Renewal: {}", c.name), detail: format!("{}'s contract renews today.", c.name) });
        let deadline = r.date - Days::new(r.notice_days.max(0) as u64);
        if r.notice_days > 0 && deadline >= as_of {
            out.push(Due {
                uid: format!("notice-{}-{}", c.id, r.date),
                on: deadline,
                title: format!("Last day to agree {}'s renewal", c.name),
                detail: format!("{} days' notice before the renewal on {}.", r.notice_days, r.date.format("%-d %b %Y")),
            });
        }
    }
    if let Some(next) = facts.next_check_in {
        let on = next.max(as_of);
        out.push(Due { uid: format!("check-in-{}", c.id), on, title: format!("Check in with {}", c.name), detail: format!("Agreed rhythm: every {} days.", c.plan.cadence_days.unwrap_or_default()) });
    }
    let last_qbr = facts.last_qbr;
    let qbr = last_qbr.unwrap_or(facts.work_started) + Days::new(QBR_DAYS as u64);
    out.push(Due {
        uid: format!("qbr-{}", c.id),
        on: qbr.max(as_of),
        title: format!("Quarterly review with {}", c.name),
        detail: last_qbr.map_or("No quarterly review logged yet.".to_owned(), |d| format!("Last one on {}.", d.format("%-d %b %Y"))),
    });
    out
}

/// Writes [`calendar`] to `path` (chosen by the owner) and returns how many events it holds.
pub fn save(store: &Store, as_of: NaiveDate, path: &std::path::Path, existing: crate::output::Existing) -> Result<u32> {
    let (ics, events) = calendar(store, as_of)?;
    crate::output::save(Some(store.path()), path, ics.as_bytes(), existing, "path")?;
    Ok(events)
}

/// Every current client's dates as one .ics file, and how many events it holds.
pub fn calendar(store: &Store, as_of: NaiveDate) -> Result<(String, u32)> {
    let studio = store.studio()?.map(|s| s.name).unwrap_or_else(|| "Clientwell".to_owned());
    let mut cal = Calendar::new();
    cal.name(&format!("{studio} — client renewals and check-ins"));
    let mut events = 0;
    for data in store.book()?.iter().filter(|d| is_current(d)) {
        for d in due(data, as_of) {
            cal.push(Event::new().uid(&format!("{}@clientwell", d.uid)).summary(&d.title).description(&d.detail).all_day(d.on).done());
            events += 1;
        }
    }
    Ok((cal.done().to_string(), events))
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
