//! Survey tools' response files (Typeform, Google Forms, Tally) read as survey answers: one row
//! per response, one column per question. Each question column is known by its words ("how
//! likely… recommend" is NPS, "satisfied" CSAT, "easy" CES, "confident" the confidence
//! question), the respondent by their email (one of a client's people, else a domain only that
//! client uses), the day by the tool's submission date. A blank answer is no answer (never 0); a
//! response from someone the book does not know is left out, counted and said.

use super::fields::header_key;
use super::people::People;
use super::prepare::{skip, Skipped};
use super::sources::Source;
use super::table::Table;
use crate::book::records::ClientData;
use crate::book::survey::SurveyKind;
use crate::error::{Error, Result};

/// The columns the answers are written into: the survey answers import reads them.
pub const HEADERS: [&str; 6] = ["client", "kind", "score", "answered_on", "comment", "stakeholder"];

/// The tool a header comes from, when it is a survey tool's response file.
pub fn tool(headers: &[String], said: Option<Source>) -> Option<Source> {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let has = |k: &str| keys.iter().any(|h| h == k);
    let asks = headers.iter().any(|h| question(h).is_some());
    match said {
        Some(s @ (Source::Typeform | Source::GoogleForms | Source::Tally)) => Some(s),
        Some(_) => None,
        None if has("submitdateutc") && has("networkid") => Some(Source::Typeform),
        None if has("submissionid") && has("submittedat") => Some(Source::Tally),
        None if keys.first().is_some_and(|k| k == "timestamp") && asks => Some(Source::GoogleForms),
        None => None,
    }
}

/// The kind of answer a question column holds, from its words.
fn question(header: &str) -> Option<SurveyKind> {
    let h = header.to_lowercase();
    if h.contains("recommend") {
        Some(SurveyKind::Nps)
    } else if h.contains("confident") {
        Some(SurveyKind::Confidence)
    } else if h.contains("satisf") {
        Some(SurveyKind::Csat)
    } else if h.contains("easy") || h.contains("effort") {
        Some(SurveyKind::Ces)
    } else {
        None
    }
}

/// A free-text question worth keeping as the answer's comment.
fn is_comment(header: &str) -> bool {
    let h = header.to_lowercase();
    h.ends_with('?') && question(header).is_none() && !h.contains("company") && !h.contains("email")
}

fn column(headers: &[String], keys: &[&str]) -> Option<usize> {
    keys.iter().find_map(|k| headers.iter().position(|h| header_key(h) == *k))
}

/// "2026/10/20 9:41:03 AM GMT+1" or "2026-11-03 09:03:50" → "2026-10-20"; a day-first or
/// month-first date is left for the usual date reading.
fn day(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or_default();
    let parts: Vec<&str> = first.split(['/', '-']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => first.to_owned(),
    }
}


/// The responses as rows of the survey answers import (each keeps its response's row number),
/// and what was left out.
pub fn read(table: &Table, source: Source, book: &[ClientData]) -> Result<(Table, Vec<Skipped>)> {
    let h = &table.headers;
    let email = column(h, &["email", "emailaddress", "youremail", "emailaddressoptional"]).or_else(|| h.iter().position(|x| x.to_lowercase().contains("email")));
    let date = match source {
        Source::Typeform => column(h, &["submitdateutc"]),
        Source::Tally => column(h, &["submittedat"]),
        _ => column(h, &["timestamp"]),
    };
    let (Some(email), Some(date)) = (email, date) else {
        let missing = if email.is_none() { "the respondent's email" } else { "the date of each response" };
        return Err(Error::validation("file", format!("This {} file has no column for {missing}: collect respondents' emails (or a hidden email field) and export again.", source.label())));
    };
    let questions: Vec<(usize, SurveyKind)> = h.iter().enumerate().filter_map(|(i, x)| question(x).map(|k| (i, k))).collect();
    if questions.is_empty() {
        return Err(Error::validation("file", "No question in this file reads as NPS (“how likely… recommend”), CSAT (“satisfied”), CES (“easy”) or confidence (“confident”)."));
    }
    let comment = h.iter().position(|x| is_comment(x));
    let people = People::of(book);
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for (row, values) in &table.rows {
        let cell = |i: usize| values.get(i).map(|v| v.trim()).unwrap_or_default();
        let Some(who) = people.find(cell(email)) else {
            skip(&mut skipped, "Answered by someone not in the book — add them to their client's people, then import again", *row);
            continue;
        };
        let mut note = comment.map(cell).unwrap_or_default().to_owned();
        let mut answered = false;
        for &(i, kind) in &questions {
            if cell(i).is_empty() {
                continue;
            }
            answered = true;
            // The response's comment goes with its first answer only, never repeated.
            rows.push((*row, vec![who.client.clone(), kind.as_str().to_owned(), cell(i).to_owned(), day(cell(date)), std::mem::take(&mut note), who.person.clone().unwrap_or_default()]));
        }
        if !answered {
            skip(&mut skipped, "No question answered", *row);
        }
    }
    Ok((Table { headers: HEADERS.iter().map(|x| (*x).to_owned()).collect(), rows }, skipped))
}
