//! Green and growing: the moment to talk about more work. A healthy client with no open issue
//! is suggested for an expansion conversation when the book shows a reason — hours over the
//! retainer's included ones two months running, a KPI target reached before its date, or a new
//! need logged — and the item says which, so the owner walks in knowing why.

use chrono::NaiveDate;

use super::{ItemKind, NextStep, ReviewItem, Script};
use crate::book::contract::ContractKind;
use crate::book::growth::OpportunityStage;
use crate::book::month::Month;
use crate::book::records::ClientData;
use crate::book::text::{capitalised, short_date as short};
use crate::health::{Band, Health};

/// A target reached this recently still says "growing".
pub const REACHED_WITHIN_DAYS: i64 = 90;
/// A need logged this recently is new.
pub const NEW_NEED_DAYS: i64 = 60;

/// "12 h", "12.5 h", "12.25 h".
fn hours(hundredths: i64) -> String {
    let (whole, part) = (hundredths / 100, hundredths % 100);
    if part == 0 {
        format!("{whole} h")
    } else {
        format!("{}.{} h", whole, format!("{part:02}").trim_end_matches('0'))
    }
}

/// The retainers' included hours in `month` (those covering its last day), in hundredths.
fn included(data: &ClientData, month: Month) -> i64 {
    let day = month.last_day();
    data.contracts.iter().filter(|c| c.kind == ContractKind::Retainer && c.covers(day)).map(|c| c.included_hundredths).sum()
}

/// Why this client could take more work, in plain words; empty when the book shows no reason.
pub fn triggers(data: &ClientData, as_of: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();

    // The two last complete months, both over the included hours.
    let last = Month::of(as_of).previous();
    let months = [last.previous(), last];
    let over: Vec<(Month, i64, i64)> = months
        .iter()
        .filter_map(|m| {
            let used = data.hours_used.iter().find(|h| h.month == *m)?.hundredths;
            let inc = included(data, *m);
            (inc > 0 && used > inc).then_some((*m, used, inc))
        })
        .collect();
    if over.len() == 2 {
        let said: Vec<String> = over.iter().map(|(m, used, inc)| format!("{} in {} of {} included", hours(*used), m.label(), hours(*inc))).collect();
        out.push(format!("hours over the retainer two months running ({})", said.join("; ")));
    }

    for k in &data.kpis {
        let mut values: Vec<_> = data.measurements.iter().filter(|m| m.kpi_id == k.id && m.measured_on <= as_of).collect();
        values.sort_by_key(|m| m.measured_on);
        // Reached now, first reached before the target date and recently.
        let still = values.last().is_some_and(|m| k.reaches(m.value));
        let first = values.iter().find(|m| k.reaches(m.value) && m.measured_on > k.baseline_date);
        if let Some(m) = first.filter(|m| still && m.measured_on < k.target_date && (as_of - m.measured_on).num_days() <= REACHED_WITHIN_DAYS) {
            out.push(format!("{} reached its target on {}, before {}", k.name, short(m.measured_on), short(k.target_date)));
        }
    }

    for o in data.opportunities.iter().filter(|o| matches!(o.stage, OpportunityStage::Idea | OpportunityStage::Proposed)) {
        let age = (as_of - o.opened_on).num_days();
        if (0..=NEW_NEED_DAYS).contains(&age) {
            out.push(format!("a new need logged on {}: {}", short(o.opened_on), o.title));
        }
    }
    out
}

/// The expansion item for a green client with a reason and no open issue, once a quarter.
pub fn item(data: &ClientData, as_of: NaiveDate, now: &Health) -> Option<ReviewItem> {
    let open_issue = data.complaints.iter().any(|i| i.closed_on.is_none() && i.opened_on <= as_of);
    // A paused client is not the one to sell more work to.
    if now.band != Band::Green || open_issue || data.client.status == crate::book::ClientStatus::Paused {
        return None;
    }
    let reasons = triggers(data, as_of);
    if reasons.is_empty() {
        return None;
    }
    let c = &data.client;
    let quarter = crate::book::quarter::Quarter::containing(as_of, 1);
    // A KPI's name may begin the sentence.
    let reason = capitalised(&reasons.join("; "));
    Some(ReviewItem {
        key: format!("expansion:{}:{}", c.id, quarter.key()),
        kind: ItemKind::Expansion,
        client_id: c.id,
        client: c.name.clone(),
        urgency: 4,
        title: "Green and growing: talk about what comes next".into(),
        reason: format!("{reason}. A client who is getting results is the one to propose more to."),
        action_label: "Draft the opener".into(),
        next_step: NextStep::DraftMessage { script: Script::Expansion },
    })
}

#[cfg(test)]
#[path = "expansion_tests.rs"]
mod tests;
