//! What a QBR is missing before it is sent: the preview lists it, the document leaves it out.

use super::qbr::QbrReport;

/// What the owner has not written or recorded yet, in plain words, for the preview to show before
/// saving: an unwritten section is left out of the document, never filled with a placeholder.
pub fn missing(r: &QbrReport) -> Vec<String> {
    let mut out = Vec::new();
    if r.working.trim().is_empty() {
        out.push("“What is working” is empty — write it in the review notes, or it is left out.".to_owned());
    }
    if r.not_working.trim().is_empty() {
        out.push("“What did not work” is empty — write it or leave it out: a review that names what fell short is easier to trust.".to_owned());
    }
    if r.adjust.trim().is_empty() {
        out.push("“What we adjust” is empty — write it in the review notes, or it is left out.".to_owned());
    }
    if r.kpis.is_empty() {
        out.push("No results are agreed yet — add KPIs on the client's page, or the results page says so.".to_owned());
    } else if r.value_tile.is_none() {
        out.push("No result has an agreed worth per unit — add one to a KPI to show the value to date.".to_owned());
    }
    if r.plan.is_empty() {
        out.push(format!("Nothing is planned for {} — add milestones due then.", r.next_quarter_label));
    }
    if r.renewal_tile.is_none() {
        out.push("No renewal date is recorded on a running contract.".to_owned());
    }
    out
}

/// What a monthly summary will show as missing, in the owner's words, before it is sent.
pub fn monthly_missing(s: &super::MonthlySummary) -> Vec<String> {
    let month = s.month.label();
    let mut out = Vec::new();
    if s.goal.trim().is_empty() {
        out.push("Their goal is not written down — add it on the client's page, or the page says so.".to_owned());
    }
    if s.kpis.is_empty() {
        out.push("No results are agreed yet — add KPIs on the client's page.".to_owned());
    }
    for k in s.kpis.iter().filter(|k| k.current.is_none()) {
        out.push(format!("No {month} figure for {} — record it, or the page asks them for it.", k.name));
    }
    if s.delivered.is_empty() {
        out.push(format!("Nothing is recorded as delivered in {month} — add what you delivered, or the page says nothing was."));
    }
    out
}
