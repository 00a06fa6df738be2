//! The owner's calendar: renewals (with the notice deadline), check-ins due and quarterly reviews
//! due for a client over the next year. `service::calendar` writes them as an iCalendar (.ics)
//! file with the `icalendar` crate; each event has a stable UID, so importing a newer file
//! updates events instead of duplicating them.

use chrono::{Days, NaiveDate};

use super::items::QBR_DAYS;
use crate::book::records::{self, ClientData};

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
    let facts = records::facts(data, as_of);
    let mut out = Vec::new();
    if let Some(r) = facts.renewal.filter(|r| r.date <= horizon) {
        out.push(Due { uid: format!("renewal-{}-{}", c.id, r.date), on: r.date, title: format!("Renewal: {}", c.name), detail: format!("{}'s contract renews today.", c.name) });
        let deadline = r.notice_by();
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

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
