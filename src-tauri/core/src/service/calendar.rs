//! The owner's calendar file (.ics) of every current client's dates (`review::calendar::due`).

use chrono::NaiveDate;
use icalendar::{Calendar, Component, Event, EventLike};

use crate::error::Result;
use crate::output::{self, Existing};
use crate::review::calendar::due;
use crate::store::Store;

/// Writes [`calendar`] to `path` (chosen by the owner) and returns how many events it holds.
pub fn save(store: &Store, as_of: NaiveDate, path: &std::path::Path, existing: Existing) -> Result<u32> {
    let (ics, events) = calendar(store, as_of)?;
    output::save(Some(store.path()), path, ics.as_bytes(), existing, "path")?;
    Ok(events)
}

/// Every current client's dates as one .ics file, and how many events it holds.
pub fn calendar(store: &Store, as_of: NaiveDate) -> Result<(String, u32)> {
    let studio = store.studio()?.map(|s| s.name).unwrap_or_else(|| "Clientwell".to_owned());
    let mut cal = Calendar::new();
    cal.name(&format!("{studio} — client renewals and check-ins"));
    let mut events = 0;
    for data in store.book()?.iter().filter(|d| d.is_current()) {
        for d in due(data, as_of) {
            cal.push(Event::new().uid(&format!("{}@clientwell", d.uid)).summary(&d.title).description(&d.detail).all_day(d.on).done());
            events += 1;
        }
    }
    Ok((cal.done().to_string(), events))
}

