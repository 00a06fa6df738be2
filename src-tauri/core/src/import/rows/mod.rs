//! What each row of each kind does to the book: validate it through the same input types the
//! app uses, find the record it matches, and create, update or leave it.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Transaction};
use serde::Serialize;
use specta::Type;

use super::values::{choice, date, month, yes_no};
use crate::book::activity::{TouchpointInput, TouchpointKind};
use crate::book::contract::{ContractInput, ContractKind, UnusedHours};
use crate::book::kpi::{Direction, KpiInput, MeasurementInput, WorthCounts, MAX_PER_CLIENT};
use crate::book::stakeholder::{StakeholderInput, StakeholderRole};
use crate::book::survey::{SurveyAnswerInput, SurveyKind};
use crate::book::growth::HoursInput;
use crate::book::check::Check;
use crate::book::{money, text, ClientInput, ClientStatus, SuccessPlanInput};
use crate::error::{Error, Result};
use crate::store::{activity, clients, contracts, growth, kpis, stakeholders, surveys};

mod activity_rows;
mod record_rows;
pub use activity_rows::{hours, kpi_value, survey_answer, touchpoint};
pub use record_rows::{deliverable, issue, milestone, opportunity, referral, risk, testimonial};

/// What one row did, or every problem found in it.
pub type RowResult = std::result::Result<(Outcome, String), Vec<Error>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

pub struct Ctx<'a> {
    pub tx: &'a Transaction<'a>,
    pub now: &'a str,
    pub today: NaiveDate,
    pub minor_digits: u8,
    pub day_first: bool,
    /// Client ids and names by `name_key`, the other names the owner confirmed included.
    pub clients: HashMap<String, (i64, String)>,
    /// Clients by `company_key`, to suggest a match for a name the book does not know.
    pub similar: HashMap<String, (i64, String)>,
    /// Clients' people by email, to suggest the client of a row's email address.
    pub people: super::people::People,
    /// Names that matched no client but look like one, for the owner to confirm.
    pub suggestions: std::cell::RefCell<Vec<ClientSuggestion>>,
    /// Hours this import has written per (client, month): two spellings of one client's name
    /// (its own and another the owner confirmed) add up instead of replacing each other.
    pub hours_written: HashMap<(i64, String), i64>,
}

/// "Harbour Bakery Ltd" in the file looks like the book's Harbour Bakery: the owner may say it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ClientSuggestion {
    /// The name as the file writes it.
    pub written: String,
    pub client_id: i64,
    pub client: String,
    /// Why it looks like them, in plain words.
    pub reason: String,
    /// The rows that name it (the first few).
    pub rows: Vec<u32>,
}

/// One row's cells by column name.
pub struct Cells<'a> {
    pub values: &'a [String],
    pub index: &'a HashMap<&'static str, usize>,
}

impl Cells<'_> {
    pub fn get(&self, column: &str) -> String {
        self.index.get(column).and_then(|&i| self.values.get(i)).cloned().unwrap_or_default()
    }

    fn date(&self, column: &str, cx: &Ctx<'_>) -> String {
        date(&self.get(column), cx.day_first)
    }
}

fn text_value(s: &str) -> Value {
    Value::Text(s.to_owned())
}

fn opt_text(s: Option<String>) -> Value {
    s.map_or(Value::Null, Value::Text)
}

fn opt_int(n: Option<i64>) -> Value {
    n.map_or(Value::Null, Value::Integer)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Finds a record by `sql` (selecting its id, then its compared columns).
fn find(tx: &Transaction<'_>, sql: &str, key: Vec<Value>) -> Result<Option<(i64, Vec<Value>)>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let width = stmt.column_count();
    Ok(stmt
        .query_row(params_from_iter(key), |r| {
            let id: i64 = r.get(0)?;
            let values = (1..width).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((id, values))
        })
        .optional()?)
}

fn outcome(existing: &Option<(i64, Vec<Value>)>, new: &[Value]) -> Outcome {
    match existing {
        None => Outcome::Created,
        Some((_, old)) if old.as_slice() == new => Outcome::Unchanged,
        Some(_) => Outcome::Updated,
    }
}

/// After `Check::done` every lookup that gave no error found its record; this is the error for
/// the case that cannot happen, rather than a panic.
fn missing_client() -> Vec<Error> {
    vec![Error::internal("A row's client was neither found nor reported missing.")]
}

pub(super) fn client_for(cx: &Ctx<'_>, cells: &Cells<'_>) -> Result<(i64, String)> {
    client_in(cx, cells, "client")
}

/// The client a column names (the row's client, or another one such as who referred them).
pub(super) fn client_in(cx: &Ctx<'_>, cells: &Cells<'_>, column: &str) -> Result<(i64, String)> {
    let name = cells.get(column);
    if name.is_empty() {
        return Err(Error::validation(column, "The client's name is required."));
    }
    // Named as the book names the client; a file that spells it otherwise ("ÉCOLE LUMIÈRE")
    // is shown matching, so the preview says which client each row goes to.
    cx.clients
        .get(&crate::book::text::name_key(&name))
        .map(|(id, stored)| (*id, if *stored == name.trim() { stored.clone() } else { format!("{stored} (written “{}”)", name.trim()) }))
        .ok_or_else(|| unknown_client(cx, &name, column, &cells.get("client_email")))
}

/// The error for a name no client has, with the client it looks like when there is one: by a
/// name alike ("Harbour Bakery Ltd"), else by the row's email address at a web domain only that
/// client's people use.
fn unknown_client(cx: &Ctx<'_>, name: &str, column: &str, email: &str) -> Error {
    let name = name.trim();
    let alike = cx.similar.get(&crate::book::text::company_key(name)).map(|(id, client)| (*id, client.clone(), "the names are alike".to_owned()));
    let by_domain = || {
        let (client, domain) = cx.people.by_work_domain(email)?;
        let (id, stored) = cx.clients.get(&crate::book::text::name_key(&client))?;
        Some((*id, stored.clone(), format!("its email address is at {domain}, like {stored}'s people")))
    };
    let Some((id, client, reason)) = alike.or_else(by_domain) else {
        return Error::validation(column, format!("There is no client called '{name}' in this book (import clients first, or correct the name)."));
    };
    let mut suggestions = cx.suggestions.borrow_mut();
    if !suggestions.iter().any(|s| crate::book::text::name_key(&s.written) == crate::book::text::name_key(name)) {
        suggestions.push(ClientSuggestion { written: name.to_owned(), client_id: id, client: client.clone(), reason: reason.clone(), rows: Vec::new() });
    }
    Error::validation(column, format!("There is no client called '{name}'; it looks like {client} ({reason}). Say so in the preview and the file's name is kept as another name for them."))
}

pub fn client(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let input = ClientInput {
        name: cells.get("name"),
        status: c.field(choice("status", &cells.get("status"), Some(ClientStatus::Active), &ClientStatus::ALL, ClientStatus::as_str).map(Some)).unwrap_or(ClientStatus::Active),
        goal: cells.get("goal"),
        start_date: cells.date("start_date", cx),
        notes: cells.get("notes"),
    };
    let f = input.fields(&mut c);
    let fiscal = cells.get("fiscal_year_start");
    let fiscal_year_start = if fiscal.trim().is_empty() { 1 } else { c.field(text::whole("fiscal_year_start", "Fiscal year start", &fiscal, 1..=12).map(Some)).unwrap_or(1) };
    // The same client by name as `name_key` compares names (the map holds every client's key).
    let existing = match cx.clients.get(&crate::book::text::name_key(&f.name)) {
        Some(&(id, _)) => find(
            cx.tx,
            "SELECT id, status, goal, start_date, notes, cadence_days, owner, fiscal_year_start, name, plan_recap FROM client WHERE id = ?1",
            vec![Value::Integer(id)],
        )?,
        None => None,
    };
    let recap = match &existing {
        Some((_, old)) => match old.last() {
            Some(Value::Text(t)) => t.clone(),
            _ => String::new(),
        },
        None => String::new(),
    };
    let plan = SuccessPlanInput {
        cadence_days: cells.get("cadence_days"),
        owner: cells.get("owner"),
        recap: recap.clone(),
        fiscal_year_start,
        // Not an import column: read back from the book before the plan is written (below).
        annual_budget: String::new(),
    }
    .fields(cx.minor_digits, &mut c);
    let (f, plan) = c.done((f, plan))?;
    let new = vec![
        text_value(f.status.as_str()),
        text_value(&f.goal),
        Value::Text(iso(f.start_date)),
        text_value(&f.notes),
        opt_int(plan.cadence_days),
        text_value(&plan.owner),
        Value::Integer(plan.fiscal_year_start),
        text_value(&f.name),
        Value::Text(recap),
    ];
    let result = outcome(&existing, &new);
    let id = match (&existing, result) {
        (Some((id, _)), Outcome::Updated) => {
            clients::update(cx.tx, *id, &f, cx.now)?;
            *id
        }
        (Some((id, _)), _) => *id,
        (None, _) => clients::insert(cx.tx, &f, cx.now)?,
    };
    if result != Outcome::Unchanged {
        // The budget is not an import column: a client updated by a file keeps the one entered.
        let mut plan = plan;
        plan.annual_budget_cents = cx.tx.query_row("SELECT annual_budget_cents FROM client WHERE id = ?1", [id], |r| r.get(0)).map_err(|e| vec![Error::from(e)])?;
        clients::update_plan(cx.tx, id, &plan, cx.now)?;
    }
    cx.clients.insert(crate::book::text::name_key(&f.name), (id, f.name.clone()));
    Ok((result, f.name))
}

pub fn contract(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let input = ContractInput {
        kind: c.field(choice("kind", &cells.get("kind"), None, ContractKind::ALL, ContractKind::as_str).map(Some)).unwrap_or(ContractKind::Retainer),
        service_line: cells.get("service_line"),
        value: cells.get("value"),
        start_date: cells.date("start_date", cx),
        end_date: cells.date("end_date", cx),
        renewal_date: cells.date("renewal_date", cx),
        notice_days: cells.get("notice_days"),
        included_hours: cells.get("included_hours"),
        unused_hours: UnusedHours::NotAgreed,
    };
    // A blank rule keeps what the app holds (a file from another tool has no such column).
    let rule_cell = cells.get("unused_hours");
    let rule = if rule_cell.trim().is_empty() { None } else { c.field(choice("unused_hours", &rule_cell, None, UnusedHours::ALL, UnusedHours::as_str).map(Some)) };
    let input = ContractInput { unused_hours: rule.unwrap_or(UnusedHours::NotAgreed), ..input };
    let f = input.fields(cx.minor_digits, &mut c);
    let (Some((client_id, client)), mut f) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, service_line, monthly_cents, fixed_cents, end_date, renewal_date, notice_days, included_hundredths, unused_hours
         FROM contract WHERE client_id = ?1 AND kind = ?2 AND start_date = ?3",
        vec![Value::Integer(client_id), text_value(f.kind.as_str()), Value::Text(iso(f.start_date))],
    )?;
    if rule_cell.trim().is_empty() && f.included_hundredths > 0 {
        if let Some(Value::Text(kept)) = existing.as_ref().and_then(|(_, old)| old.last()) {
            f.unused_hours = UnusedHours::parse(kept).unwrap_or(UnusedHours::NotAgreed);
        }
    }
    let new = vec![
        text_value(&f.service_line),
        Value::Integer(f.monthly_cents),
        Value::Integer(f.fixed_cents),
        opt_text(f.end_date.map(iso)),
        opt_text(f.renewal_date.map(iso)),
        Value::Integer(f.notice_days),
        Value::Integer(f.included_hundredths),
        text_value(f.unused_hours.as_str()),
    ];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        contracts::upsert(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    Ok((result, format!("{client}: {} from {}", f.kind.as_str(), f.start_date)))
}

pub fn stakeholder(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let input = StakeholderInput {
        name: cells.get("name"),
        role: c.field(choice("role", &cells.get("role"), Some(StakeholderRole::DayToDay), StakeholderRole::ALL, StakeholderRole::as_str).map(Some)).unwrap_or(StakeholderRole::DayToDay),
        email: cells.get("email"),
        phone: cells.get("phone"),
        is_primary: c.field(yes_no("is_primary", &cells.get("is_primary"), false)),
        changed_on: String::new(),
    };
    let f = input.fields(&mut c);
    let (Some((client_id, client)), f) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, role, email, phone, is_primary FROM stakeholder WHERE client_id = ?1 AND name_key(name) = name_key(?2)",
        vec![Value::Integer(client_id), text_value(&f.name)],
    )?;
    let new = vec![text_value(f.role.as_str()), text_value(&f.email), text_value(&f.phone), Value::Integer(i64::from(f.is_primary))];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        let id = existing.map(|e| e.0);
        if f.is_primary {
            stakeholders::demote_primary(cx.tx, client_id, id, &f, cx.today)?;
        }
        stakeholders::upsert(cx.tx, client_id, id, &f, cx.now)?;
    }
    Ok((result, format!("{client}: {}", f.name)))
}

pub fn kpi(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let input = KpiInput {
        name: cells.get("name"),
        unit: cells.get("unit"),
        direction: c.field(choice("direction", &cells.get("direction"), Some(Direction::Up), Direction::ALL, Direction::as_str).map(Some)).unwrap_or(Direction::Up),
        baseline: cells.get("baseline"),
        target: cells.get("target"),
        baseline_date: cells.date("baseline_date", cx),
        target_date: cells.date("target_date", cx),
        value_per_unit: cells.get("value_per_unit"),
        worth_counts: c.field(choice("worth_counts", &cells.get("worth_counts"), Some(WorthCounts::Monthly), WorthCounts::ALL, WorthCounts::as_str).map(Some)).unwrap_or(WorthCounts::Monthly),
        share: cells.get("share"),
        below_baseline_counts: c.field(yes_no("below_baseline_counts", &cells.get("below_baseline_counts"), false)),
    };
    let f = input.fields(cx.minor_digits, &mut c);
    let (Some((client_id, client)), f) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, unit, direction, baseline, target, baseline_date, target_date, cents_per_unit, worth_counts, share_low_pct, share_high_pct, below_baseline_counts FROM kpi WHERE client_id = ?1 AND name_key(name) = name_key(?2)",
        vec![Value::Integer(client_id), text_value(&f.name)],
    )?;
    if existing.is_none() {
        let count: i64 = cx.tx.query_row("SELECT count(*) FROM kpi WHERE client_id = ?1", [client_id], |r| r.get(0)).map_err(Error::from)?;
        if count >= MAX_PER_CLIENT as i64 {
            return Err(Error::validation("name", format!("{client} already has {MAX_PER_CLIENT} KPIs, the most a success plan holds.")).into());
        }
    }
    let new = vec![
        text_value(&f.unit),
        text_value(f.direction.as_str()),
        Value::Real(f.baseline),
        Value::Real(f.target),
        Value::Text(iso(f.baseline_date)),
        Value::Text(iso(f.target_date)),
        opt_int(f.cents_per_unit),
        text_value(f.worth_counts.as_str()),
        Value::Integer(f.share_low_pct),
        Value::Integer(f.share_high_pct),
        Value::Integer(i64::from(f.below_baseline_counts)),
    ];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        kpis::upsert_kpi(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    Ok((result, format!("{client}: {}", f.name)))
}

pub(super) fn kpi_for(cx: &Ctx<'_>, client_id: i64, client: &str, name: &str) -> Result<i64> {
    let id: Option<i64> = cx
        .tx
        .prepare_cached("SELECT id FROM kpi WHERE client_id = ?1 AND name_key(name) = name_key(?2)")?
        .query_row(rusqlite::params![client_id, name.trim()], |r| r.get(0))
        .optional()?;
    id.ok_or_else(|| Error::validation("kpi", format!("{client} has no KPI called '{}' (import KPIs first).", name.trim())))
}

