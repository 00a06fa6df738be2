//! Exporting the book: each kind as CSV with exactly the columns its import reads (so an
//! export imports back unchanged), and the whole book as one JSON file.

use serde::Serialize;

use super::columns::ImportKind;
use crate::book::{money, Client, Studio};
use crate::book::records::ClientData;
use crate::error::{Error, Result};
use crate::store::{Store, SCHEMA_VERSION};

/// What a spreadsheet reads as the start of a formula: a cell beginning with one of these runs
/// as a formula when the file is opened ("=HYPERLINK(…)" in a client's goal).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty() && !fraction.is_empty() && whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit())
}

/// Escapes a text cell that a spreadsheet would run as a formula, as spreadsheet tools expect:
/// a leading apostrophe, which the spreadsheet shows as text and hides. A cell already starting
/// with an apostrophe before one of those characters (or another apostrophe) gets one more, so
/// [`unescape_formula`] gives back exactly what was exported. Amounts ("-5.00") stay numbers.
pub fn escape_formula(text: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = text.chars();
    let escape = match chars.next() {
        Some(c) if FORMULA_STARTS.contains(&c) => !is_plain_number(text),
        Some('\'') => chars.next().is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c)),
        _ => false,
    };
    if escape {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Reads an escaped cell back: the apostrophe [`escape_formula`] added is removed; any other
/// apostrophe ("'tis") is the owner's own and stays.
pub fn unescape_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c: char| c == '\'' || FORMULA_STARTS.contains(&c)) => rest,
        _ => text,
    }
}

/// Quotes a CSV cell when it holds a separator, a quote or a line break, after escaping a
/// formula ([`escape_formula`]).
pub fn csv_cell(text: &str) -> String {
    let text = &*escape_formula(text);
    if text.contains([',', ';', '"', '\n', '\r', '\t']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Minor units as a plain decimal ("2500.00"): exact, and read back by the importer.
fn hours(hundredths: i64) -> String {
    money::plain(hundredths, 2)
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}


pub fn export_csv(store: &Store, kind: ImportKind) -> Result<String> {
    let digits = store.minor_digits()?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for d in store.book()?.iter() {
        let client = d.client.name.clone();
        let person = |id: Option<i64>| d.person_name(id).unwrap_or_default().to_owned();
        let kpi_name = |id: Option<i64>| id.and_then(|id| d.kpis.iter().find(|k| k.id == id)).map(|k| k.name.clone()).unwrap_or_default();
        match kind {
            ImportKind::Clients => {
                let c: &Client = &d.client;
                rows.push(vec![
                    c.name.clone(),
                    c.status.as_str().into(),
                    c.goal.clone(),
                    c.start_date.to_string(),
                    c.notes.clone(),
                    opt(c.plan.cadence_days),
                    c.plan.owner.clone(),
                    c.plan.fiscal_year_start.to_string(),
                ]);
            }
            ImportKind::Contracts => {
                for k in &d.contracts {
                    let value = if k.kind == crate::book::contract::ContractKind::Retainer { k.monthly_cents } else { k.fixed_cents };
                    rows.push(vec![
                        client.clone(),
                        k.kind.as_str().into(),
                        money::plain(value, digits),
                        k.start_date.to_string(),
                        opt(k.end_date),
                        opt(k.renewal_date),
                        k.notice_days.to_string(),
                        if k.included_hundredths > 0 { hours(k.included_hundredths) } else { String::new() },
                        k.unused_hours.as_str().into(),
                        k.service_line.clone(),
                    ]);
                }
            }
            ImportKind::Stakeholders => {
                for s in &d.stakeholders {
                    rows.push(vec![client.clone(), s.name.clone(), s.role.as_str().into(), s.email.clone(), s.phone.clone(), yes(s.is_primary)]);
                }
            }
            ImportKind::Kpis => {
                for k in &d.kpis {
                    rows.push(vec![
                        client.clone(),
                        k.name.clone(),
                        k.unit.clone(),
                        k.direction.as_str().into(),
                        k.baseline.to_string(),
                        k.target.to_string(),
                        k.baseline_date.to_string(),
                        k.target_date.to_string(),
                        k.cents_per_unit.map(|c| money::plain(c, digits)).unwrap_or_default(),
                        k.worth_counts.as_str().into(),
                        if k.share_low_pct == k.share_high_pct { k.share_low_pct.to_string() } else { format!("{}-{}", k.share_low_pct, k.share_high_pct) },
                        yes(k.below_baseline_counts),
                    ]);
                }
            }
            ImportKind::KpiValues => {
                for m in &d.measurements {
                    let name = d.kpis.iter().find(|k| k.id == m.kpi_id).map(|k| k.name.clone()).unwrap_or_default();
                    rows.push(vec![client.clone(), name, m.measured_on.to_string(), m.value.to_string(), m.note.clone()]);
                }
            }
            ImportKind::Touchpoints => {
                for t in &d.touchpoints {
                    rows.push(vec![
                        client.clone(),
                        t.kind.as_str().into(),
                        t.happened_on.to_string(),
                        t.summary.clone(),
                        yes(t.client_replied),
                        yes(t.attended),
                        yes(t.rescheduled),
                        yes(t.no_show),
                        opt(t.reply_days),
                        person(t.stakeholder_id),
                    ]);
                }
            }
            ImportKind::Invoices => {
                for i in &d.invoices {
                    for line in &i.lines {
                        let kpi = line.kpi_id.and_then(|id| d.kpis.iter().find(|k| k.id == id)).map(|k| k.name.clone()).unwrap_or_default();
                        rows.push(vec![
                            client.clone(),
                            i.number.clone(),
                            i.issued_on.to_string(),
                            i.due_on.to_string(),
                            opt(i.paid_on),
                            yes(i.void),
                            line.description.clone(),
                            money::plain(line.amount_cents, digits),
                            kpi,
                        ]);
                    }
                }
            }
            ImportKind::SurveyAnswers => {
                for a in &d.survey_answers {
                    rows.push(vec![
                        client.clone(),
                        a.kind.as_str().into(),
                        a.score.to_string(),
                        a.answered_on.to_string(),
                        a.comment.clone(),
                        opt(a.followed_up_on),
                        person(a.stakeholder_id),
                    ]);
                }
            }
            ImportKind::Milestones => {
                for m in &d.milestones {
                    rows.push(vec![client.clone(), m.title.clone(), m.due_on.to_string(), opt(m.done_on), yes(m.first_value)]);
                }
            }
            ImportKind::Deliverables => {
                for x in &d.deliverables {
                    rows.push(vec![client.clone(), x.title.clone(), x.delivered_on.to_string(), kpi_name(x.kpi_id)]);
                }
            }
            ImportKind::Issues => {
                for x in &d.complaints {
                    rows.push(vec![client.clone(), x.opened_on.to_string(), x.summary.clone(), x.tag.as_str().into(), opt(x.closed_on)]);
                }
            }
            ImportKind::Opportunities => {
                for x in &d.opportunities {
                    let value = if x.value_cents > 0 { money::plain(x.value_cents, digits) } else { String::new() };
                    rows.push(vec![client.clone(), x.title.clone(), x.opened_on.to_string(), x.kind.as_str().into(), x.stage.as_str().into(), value, opt(x.closed_on), yes(x.show_client)]);
                }
            }
            ImportKind::Risks => {
                for x in &d.risks {
                    rows.push(vec![client.clone(), x.title.clone(), x.raised_on.to_string(), x.mitigation.clone(), x.owner.clone(), opt(x.closed_on), yes(x.show_client)]);
                }
            }
            ImportKind::Testimonials => {
                for x in &d.testimonials {
                    rows.push(vec![client.clone(), x.asked_on.to_string(), opt(x.received_on), x.quote.clone()]);
                }
            }
            ImportKind::Referrals => {
                // Each referral once: on the row of the client who was introduced.
                for x in d.referrals.iter().filter(|r| r.to_client_id == d.client.id) {
                    rows.push(vec![client.clone(), x.from_client.clone(), x.referred_on.to_string()]);
                }
            }
            ImportKind::Hours => {
                for h in &d.hours_used {
                    rows.push(vec![client.clone(), h.month.key(), hours(h.hundredths)]);
                }
            }
        }
    }
    let mut out = String::new();
    let header: Vec<String> = kind.columns().iter().map(|c| c.name.to_owned()).collect();
    for row in std::iter::once(header).chain(rows) {
        out.push_str(&row.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    Ok(out)
}

#[derive(Serialize)]
struct BookExport {
    format: &'static str,
    schema_version: u32,
    exported_at: String,
    studio: Option<Studio>,
    clients: Vec<ClientData>,
}

/// The whole book as one JSON document, for moving it elsewhere.
pub fn export_json(store: &Store) -> Result<String> {
    let book = BookExport {
        format: "clientwell-book",
        schema_version: SCHEMA_VERSION,
        exported_at: crate::store::now_stamp(),
        studio: store.studio()?,
        clients: store.book()?.as_ref().clone(),
    };
    serde_json::to_string_pretty(&book).map_err(|e| Error::internal(format!("The book could not be written as JSON: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_escaped_and_read_back_exactly() {
        for (text, exported) in [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1 call", "'+1 call"), ("-2 weeks", "'-2 weeks"), ("@mention", "'@mention"), ("'=x", "''=x"), ("''", "'''")] {
            assert_eq!(escape_formula(text), exported, "{text}");
            assert_eq!(unescape_formula(exported), text, "{exported}");
        }
        for text in ["-5.00", "+3", "-0.05", "'tis the season", "plain", "", "'"] {
            assert_eq!(escape_formula(text), text, "{text} is left as it is");
            assert_eq!(unescape_formula(text), text);
        }
    }

    #[test]
    fn cells_with_separators_are_quoted() {
        assert_eq!(csv_cell("Maple & Rye Café"), "Maple & Rye Café");
        assert_eq!(csv_cell("More, better"), "\"More, better\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
