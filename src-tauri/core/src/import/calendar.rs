//! Calendar files (.ics, as Google Calendar, Outlook and Apple Calendar export them) read as
//! touchpoints: a meeting becomes a touchpoint of each client whose people are among its guests
//! or organiser — by their email, else by their email's domain when only one client has it.
//!
//! Each event is read once: the same UID (and occurrence) met again, in this file or in another
//! tool's export of the same invitation, keeps the version with the highest SEQUENCE, and the
//! touchpoint it makes is matched on its day, kind and summary, so importing it twice changes
//! nothing. Status and sequence say what happened: cancelled (STATUS, or Outlook's "Canceled: "
//! title) is a meeting not attended, a SEQUENCE above 0
//! is a meeting that was moved, a guest who declined did not attend. A meeting still to come, and
//! one with nobody from a client, is left out and counted. Times are read as written: a time in
//! UTC ("…Z") gives its UTC day. A weekly or daily repeat is read meeting by meeting up to today;
//! a rule beyond that (monthly, several weekdays) gives its first meeting only, and says so.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use icalendar::parser::{read_calendar, unfold, Component};

use super::people::{Known, People};
use super::prepare::{skip, Skipped};
use super::table::Table;
use crate::book::records::ClientData;
use crate::error::{Error, Result};

/// The columns the events are written into: the touchpoints import reads them.
pub const HEADERS: [&str; 7] = ["client", "kind", "happened_on", "summary", "attended", "rescheduled", "with"];

/// Whether the file is a calendar rather than a spreadsheet.
pub fn is_calendar(file_name: &str, bytes: &[u8]) -> bool {
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]);
    file_name.to_ascii_lowercase().ends_with(".ics") || start.trim_start_matches('\u{feff}').trim_start().to_ascii_uppercase().starts_with("BEGIN:VCALENDAR")
}

/// One event as the file gives it.
#[derive(Debug, Clone)]
struct Event {
    key: (String, String),
    sequence: i64,
    cancelled: bool,
    summary: String,
    start: NaiveDate,
    /// (email, declined)
    guests: Vec<(String, bool)>,
    rule: Option<String>,
    except: Vec<NaiveDate>,
}

fn text_value(raw: &str) -> String {
    raw.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\").trim().to_owned()
}

/// The day of a DATE or DATE-TIME value ("20261014", "20261014T093000Z").
fn day_of(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim().get(..8)?, "%Y%m%d").ok()
}

fn event(c: &Component<'_>) -> Option<Event> {
    let prop = |name: &str| c.find_prop(name).map(|p| p.val.as_str().to_owned());
    let start = day_of(&prop("DTSTART")?)?;
    let guests = c
        .properties
        .iter()
        .filter(|p| p.name.as_str().eq_ignore_ascii_case("ATTENDEE") || p.name.as_str().eq_ignore_ascii_case("ORGANIZER"))
        .filter_map(|p| {
            let value = p.val.as_str();
            let email = value.get(..7).filter(|s| s.eq_ignore_ascii_case("mailto:")).and_then(|_| value.get(7..)).unwrap_or(value);
            let declined = p.params.iter().any(|q| q.key.as_str().eq_ignore_ascii_case("PARTSTAT") && q.val.as_ref().is_some_and(|v| v.as_str().eq_ignore_ascii_case("DECLINED")));
            email.contains('@').then(|| (email.trim().to_owned(), declined))
        })
        .collect();
    let except = c
        .properties
        .iter()
        .filter(|p| p.name.as_str().eq_ignore_ascii_case("EXDATE"))
        .flat_map(|p| p.val.as_str().split(',').filter_map(day_of).collect::<Vec<_>>())
        .collect();
    // Outlook writes no STATUS: a cancelled meeting's title starts "Canceled: ".
    let title = prop("SUMMARY").map(|s| text_value(&s));
    let stripped = title.as_deref().and_then(|t| ["Canceled:", "Cancelled:"].iter().find_map(|p| t.get(..p.len()).filter(|h| h.eq_ignore_ascii_case(p)).and_then(|_| t.get(p.len()..))));
    let cancelled_by_title = stripped.is_some();
    let summary = stripped.map(|t| t.trim().to_owned()).or(title);
    Some(Event {
        key: (prop("UID").unwrap_or_default(), prop("RECURRENCE-ID").and_then(|r| day_of(&r)).map(|d| d.to_string()).unwrap_or_default()),
        sequence: prop("SEQUENCE").and_then(|s| s.trim().parse().ok()).unwrap_or(0),
        cancelled: cancelled_by_title || prop("STATUS").is_some_and(|s| s.trim().eq_ignore_ascii_case("CANCELLED")),
        summary: summary.filter(|s| !s.is_empty()).unwrap_or_else(|| "Meeting".to_owned()),
        start,
        guests,
        rule: prop("RRULE"),
        except,
    })
}

/// The days a repeating event met up to `today` (its first day alone when the rule is beyond
/// daily or weekly), and whether the rule was read in full.
fn days(e: &Event, today: NaiveDate) -> (Vec<NaiveDate>, bool) {
    let Some(rule) = &e.rule else { return (vec![e.start], true) };
    let parts: BTreeMap<String, String> = rule.split(';').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.trim().to_ascii_uppercase(), v.trim().to_ascii_uppercase())).collect();
    let step = match parts.get("FREQ").map(String::as_str) {
        Some("DAILY") => 1,
        Some("WEEKLY") => 7,
        _ => return (vec![e.start], false),
    };
    let weekday = e.start.weekday().to_string().get(..2).map(str::to_ascii_uppercase).unwrap_or_default();
    if parts.get("BYDAY").is_some_and(|d| d != &weekday) || parts.keys().any(|k| !["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"].contains(&k.as_str())) {
        return (vec![e.start], false);
    }
    let interval: u64 = parts.get("INTERVAL").and_then(|i| i.parse().ok()).filter(|i| *i > 0).unwrap_or(1);
    let count: usize = parts.get("COUNT").and_then(|c| c.parse().ok()).unwrap_or(usize::MAX);
    let until = parts.get("UNTIL").and_then(|u| day_of(u)).unwrap_or(today).min(today);
    let mut out = Vec::new();
    let mut day = e.start;
    let mut seen = 0;
    while seen < count && day <= until && out.len() < 1_000 {
        seen += 1;
        if !e.except.contains(&day) {
            out.push(day);
        }
        let Some(next) = day.checked_add_days(Days::new(step * interval)) else { break };
        day = next;
    }
    (out, true)
}


/// The calendar as rows of the touchpoints import (numbered by event), and what was left out.
pub fn read(bytes: &[u8], book: &[ClientData], today: NaiveDate) -> Result<(Table, Vec<Skipped>)> {
    let text = std::str::from_utf8(bytes).map_err(|_| Error::validation("file", "The calendar file is not UTF-8 text; export it again as .ics."))?;
    let unfolded = unfold(text.trim_start_matches('\u{feff}'));
    let calendar = read_calendar(&unfolded).map_err(|e| Error::validation("file", format!("The calendar file could not be read: {}", e.lines().next().unwrap_or("not iCalendar"))))?;
    let people = People::of(book);
    // The newest version of each event (and of each moved occurrence), in the file's order.
    let mut events: Vec<(usize, Event)> = Vec::new();
    let found = calendar.components.iter().filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"));
    let mut skipped = Vec::new();
    for (i, c) in found.enumerate() {
        let Some(e) = event(c) else {
            skip(&mut skipped, "An event without a start date", i + 1);
            continue;
        };
        match events.iter_mut().find(|(_, old)| !e.key.0.is_empty() && old.key == e.key) {
            Some(old) if old.1.sequence < e.sequence => *old = (i + 1, e),
            Some(_) => {}
            None => events.push((i + 1, e)),
        }
    }
    // A moved occurrence replaces the repeat's meeting on its original day.
    let moved: Vec<(String, String)> = events.iter().filter(|(_, e)| !e.key.1.is_empty()).map(|(_, e)| e.key.clone()).collect();
    let mut rows = Vec::new();
    for (number, e) in &events {
        let mut matched: Vec<(Known, bool)> = Vec::new();
        for (email, declined) in &e.guests {
            if let Some(k) = people.find(email) {
                match matched.iter_mut().find(|(m, _)| m.client == k.client) {
                    // A person found by name beats a domain match; anyone from the client attending counts.
                    Some((m, all_declined)) => {
                        if m.person.is_none() {
                            m.person = k.person;
                        }
                        *all_declined &= *declined;
                    }
                    None => matched.push((k, *declined)),
                }
            }
        }
        if matched.is_empty() {
            skip(&mut skipped, "Nobody from a client among its guests", *number);
            continue;
        }
        let (meetings, whole_rule) = days(e, today);
        if !whole_rule {
            skip(&mut skipped, "A repeat other than daily or weekly: only its first meeting is read", *number);
        }
        for day in meetings {
            if moved.iter().any(|(uid, on)| *uid == e.key.0 && e.key.1.is_empty() && *on == day.to_string()) {
                continue;
            }
            if day > today {
                skip(&mut skipped, "Still to come", *number);
                continue;
            }
            for (k, declined) in &matched {
                let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
                rows.push((*number, vec![
                    k.client.clone(),
                    "meeting".to_owned(),
                    day.to_string(),
                    e.summary.clone(),
                    yes_no(!e.cancelled && !declined),
                    yes_no(e.sequence > 0 && !e.cancelled),
                    k.person.clone().unwrap_or_default(),
                ]));
            }
        }
    }
    if rows.is_empty() {
        let left_out: Vec<String> = skipped.iter().map(|s| format!("{} ({})", s.reason.to_lowercase(), s.count)).collect();
        let why = if left_out.is_empty() { "it has no events".to_owned() } else { left_out.join(", ") };
        return Err(Error::validation("file", format!("No meeting in this calendar is with a client's people: {why}. Add their email addresses on the client's page, then import it again.")));
    }
    Ok((Table { headers: HEADERS.iter().map(|h| (*h).to_owned()).collect(), rows }, skipped))
}
