//! What the QBR report says, assembled from a client's records for one fiscal quarter.
//!
//! Like the monthly summary, [`QbrReport`] is the report's only input and has no field for
//! internal data. Opportunities and risks appear only when the owner marked them "show the client".

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use super::format;
use super::qbr_words::{budget_share, on_track_sentence, pieces};
pub use super::qbr_checks::{missing, monthly_missing};
use super::monthly::{chart, kpi_row, with_unit, KpiChart, KpiRow, Line};
use crate::book::money::sum_cents;
use crate::book::contract::{Contract, ContractKind};
use crate::book::growth::{OpportunityStage, QbrNotes};
use crate::book::invoice::{Invoice, InvoiceStatus};
use crate::book::kpi::{Kpi, KpiStatus, Measurement};
use crate::book::quarter::Quarter;
use crate::book::stakeholder::StakeholderRole;
use crate::book::{PaperSize, Studio};
use crate::book::records::ClientData;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct MoneyRow {
    pub label: String,
    pub quarter: String,
    pub year: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LedgerRow {
    pub number: String,
    pub issued: String,
    pub due: String,
    /// "Paid 3 Oct 2026", "Open", "Overdue".
    pub status: String,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HoursRow {
    pub month: String,
    pub included: String,
    /// Hours carried over from the month before ("5 h"), or empty when the contract lets no
    /// hours roll over.
    pub carried: String,
    pub used: String,
    /// Against the hours available (included and carried): "4 h more", "12.5 h fewer", "as
    /// included", or empty when nothing was recorded.
    pub difference: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ValueRow {
    pub kpi: String,
    /// "each month (9)" or "once".
    pub counts: String,
    /// "+8 leads": the gain of an average month counted (monthly), or the gain (once). Never the
    /// months' gains added up, which for a weekly figure is not a number of anything.
    pub improvement: String,
    /// "€150.00 × 50–100%": the worth of a unit and the share claimed.
    pub per_unit: String,
    /// "€1,800.00–€3,600.00".
    pub value: String,
}

/// One agreed result on the first page's scoreboard: where it is, where it should be by now on the
/// straight line from baseline to target, and where it was a year before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ScoreRow {
    pub name: String,
    pub now: String,
    pub target: String,
    pub expected: String,
    /// The latest value by the same day a year earlier, when one was recorded.
    pub year_ago: Option<String>,
    pub status: String,
}

/// Everything the QBR report shows — and nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct QbrReport {
    pub studio: String,
    /// The studio's accent colour, "#1f6f6b".
    pub accent: String,
    /// The studio's logo (PNG or JPEG bytes); drawn, never sent to the UI.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
    pub paper: PaperSize,
    pub client: String,
    pub quarter: Quarter,
    /// "Q2 FY2027".
    pub quarter_label: String,
    /// "July – September 2026".
    pub quarter_span: String,
    pub summary: Vec<String>,
    pub goal: String,
    /// Previous = by the end of the last quarter, current = by the end of this one.
    pub kpis: Vec<KpiRow>,
    /// One chart per KPI over the previous and this quarter.
    pub charts: Vec<KpiChart>,
    pub delivered: Vec<Line>,
    pub working: String,
    pub not_working: String,
    pub adjust: String,
    pub next_quarter_label: String,
    pub plan: Vec<Line>,
    pub opportunities: Vec<Line>,
    /// Risks of the account plan the owner marked for the client, open during the quarter, each
    /// with what the studio does about it (a marked risk always has its mitigation).
    pub risks: Vec<Line>,
    /// What the studio needs from the client, open on the day the report is made: what, who,
    /// by when, and what slips if it is late.
    pub asks: Vec<Line>,
    pub invested_quarter: String,
    pub invested_year: String,
    /// "of a €62,400.00 budget (46%)": the year so far against the budget the client shared.
    pub budget: Option<String>,
    pub by_service_line: Vec<MoneyRow>,
    pub ledger: Vec<LedgerRow>,
    /// "Issued €9,600.00 · paid €6,400.00 · outstanding €3,200.00".
    pub ledger_totals: String,
    pub hours: Vec<HoursRow>,
    /// The contract's rule for unused hours in words, when it states one.
    pub hours_rule: Option<String>,
    pub value: Vec<ValueRow>,
    /// The value line: value to date against what was invested, or that value is not yet measured.
    pub value_summary: Option<String>,
    pub renewal: Option<String>,
    /// The renewal date and the last day to give notice, for the first page's tile.
    pub renewal_tile: Option<(String, String)>,
    /// The first page's scoreboard of every agreed result.
    pub scoreboard: Vec<ScoreRow>,
    /// "Value to 30 Sep 2026": the tile's label, naming the last day counted.
    pub value_label: String,
    /// Value to date for the first page's tile ("€1,800.00–€3,600.00"), when measured.
    pub value_tile: Option<String>,
    /// What the value is set against, under it ("vs €9,900.00 invested").
    pub value_against: Option<String>,
    /// "26 Nov 2026": the day the figures were read, printed on every page.
    pub as_of: String,
    pub footnotes: Vec<String>,
    pub contact: String,
}

/// The contract an invoice is attributed to: the one covering its issue day (retainers first),
/// else the client's earliest contract.
fn service_line_of<'a>(invoice: &Invoice, contracts: &'a [Contract]) -> &'a str {
    let covering = contracts.iter().filter(|c| c.covers(invoice.issued_on)).min_by_key(|c| (c.kind != ContractKind::Retainer, c.start_date));
    covering.or_else(|| contracts.iter().min_by_key(|c| c.start_date)).map_or("", |c| c.service_line.as_str())
}

fn invoiced(invoices: &[&Invoice], from: NaiveDate, to: NaiveDate) -> i64 {
    sum_cents(invoices.iter().filter(|i| from <= i.issued_on && i.issued_on < to).map(|i| i.total_cents()))
}


pub fn build(studio: &Studio, brand: &super::Brand, data: &ClientData, notes: &QbrNotes, q: Quarter, today: NaiveDate) -> QbrReport {
    let minor = crate::book::currency::minor_digits(&studio.currency);
    let money = |cents: i64| format::money(cents, &studio.currency, minor);
    let measurements_of = |kpi: &Kpi| -> Vec<&Measurement> { data.measurements.iter().filter(|m| m.kpi_id == kpi.id).collect() };
    // Each KPI's latest value by the end of this quarter, against its latest by the end of the last.
    let (by_end, by_start) = ((NaiveDate::MIN, q.end()), (NaiveDate::MIN, q.first_day()));
    let kpis: Vec<KpiRow> = data.kpis.iter().map(|k| KpiRow { why: super::monthly::why(data, k.id, &q.key()), ..kpi_row(k, &measurements_of(k), by_end, by_start, q.last_day()) }).collect();
    let asks = super::monthly::open_asks(data, today);
    let chart_months: Vec<_> = q.previous().months().into_iter().chain(q.months()).collect();
    let charts = data.kpis.iter().map(|k| chart(k, &measurements_of(k), chart_months.clone(), data)).collect();

    let mut delivered: Vec<_> = data.deliverables.iter().filter(|d| q.contains(d.delivered_on)).collect();
    delivered.sort_by_key(|d| (d.delivered_on, d.id));
    let delivered: Vec<Line> = delivered.iter().map(|d| Line { text: d.title.clone(), detail: format::date(d.delivered_on) }).collect();

    let next = q.next();
    let mut plan: Vec<_> = data.milestones.iter().filter(|m| m.done_on.is_none_or(|done| done >= q.end()) && m.due_on < next.end()).collect();
    plan.sort_by_key(|m| (m.due_on, m.id));
    let plan = plan.iter().map(|m| Line { text: m.title.clone(), detail: format!("due {}", format::date(m.due_on)) }).collect();
    let opportunities = data
        .opportunities
        .iter()
        .filter(|o| o.show_client && matches!(o.stage, OpportunityStage::Idea | OpportunityStage::Proposed))
        .map(|o| Line { text: o.title.clone(), detail: if o.value_cents > 0 { format!("about {}", money(o.value_cents)) } else { String::new() } })
        .collect();
    let risks = data
        .risks
        .iter()
        // Known by the day the report is made: a current quarter's report says nothing of later days.
        .filter(|r| r.show_client && r.raised_on <= today && r.open_during(q.first_day(), q.end()))
        .map(|r| {
            let who = if r.owner.trim().is_empty() { String::new() } else { format!(" ({})", r.owner.trim()) };
            let closed = r.closed_on.filter(|c| *c < q.end() && *c <= today).map_or(String::new(), |c| format!(" Resolved {}.", format::date(c)));
            Line { text: r.title.clone(), detail: format!("What we do: {}{who}.{closed}", r.mitigation.trim().trim_end_matches('.')) }
        })
        .collect();

    // Money: what was invoiced (void invoices count nowhere), by the contract's service line.
    let invoices: Vec<&Invoice> = data.invoices.iter().filter(|i| !i.void).collect();
    let year_start = q.year_first_day();
    let (quarter_total, year_total) = (invoiced(&invoices, q.first_day(), q.end()), invoiced(&invoices, year_start, q.end()));
    let mut lines: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for inv in invoices.iter().filter(|i| year_start <= i.issued_on && i.issued_on < q.end()) {
        let label = match service_line_of(inv, &data.contracts) {
            "" => "Other work".to_owned(),
            line => line.to_owned(),
        };
        let entry = lines.entry(label).or_default();
        entry.1 = entry.1.saturating_add(inv.total_cents());
        if q.contains(inv.issued_on) {
            entry.0 = entry.0.saturating_add(inv.total_cents());
        }
    }
    let by_service_line = lines.into_iter().map(|(label, (quarter, year))| MoneyRow { label, quarter: money(quarter), year: money(year) }).collect();

    let mut in_quarter: Vec<&&Invoice> = invoices.iter().filter(|i| q.contains(i.issued_on)).collect();
    in_quarter.sort_by_key(|i| (i.issued_on, i.number.clone()));
    let (mut paid, mut outstanding) = (0, 0);
    let ledger = in_quarter
        .iter()
        .map(|i| {
            let status = match (i.status_on(today), i.paid_on) {
                (InvoiceStatus::Paid, Some(on)) => {
                    paid = i.total_cents().saturating_add(paid);
                    format!("Paid {}", format::date(on))
                }
                (InvoiceStatus::Overdue, _) => {
                    outstanding = i.total_cents().saturating_add(outstanding);
                    "Overdue".to_owned()
                }
                _ => {
                    outstanding = i.total_cents().saturating_add(outstanding);
                    "Open".to_owned()
                }
            };
            LedgerRow { number: i.number.clone(), issued: format::date(i.issued_on), due: format::date(i.due_on), status, amount: money(i.total_cents()) }
        })
        .collect();
    let ledger_totals = format!("Issued {} · paid {} · outstanding {}", money(quarter_total), money(paid), money(outstanding));

    let (hours, hours_rule) = super::qbr_hours::hours(data, q);

    // Value to date: each result with an agreed worth, counted as agreed (see value.rs).
    let worth = super::value::value_to_date(data, q.end(), &studio.currency, minor);
    let range = |low: i64, high: i64| if low == high { money(low) } else { format!("{}–{}", money(low), money(high)) };
    let value: Vec<ValueRow> = worth
        .kpis
        .iter()
        .map(|k| ValueRow {
            kpi: k.kpi.clone(),
            counts: match k.counts {
                crate::book::kpi::WorthCounts::Monthly => format!("{} month{}", k.counted.len(), if k.counted.len() == 1 { "" } else { "s" }),
                crate::book::kpi::WorthCounts::Once => "once".to_owned(),
            },
            // One decimal: an average of whole readings; the method note keeps the exact sum.
            improvement: with_unit(&format::change((k.average_gain * 10.0).round() / 10.0), &k.unit),
            per_unit: format!("{} × {}", money(k.per_unit_cents), crate::book::kpi::share_text(k.share_low_pct, k.share_high_pct)),
            value: range(k.low_cents, k.high_cents),
        })
        .collect();
    let value_summary = super::value::value_sentence(&worth, &studio.currency, minor).or_else(|| {
        (!data.kpis.is_empty()).then(|| "Value is not yet measured: no result has an agreed worth per unit yet. The results and their progress above are the leading indicators.".to_owned())
    });

    // Who decides the renewal: the executive sponsor, else the finance contact, when recorded.
    let signer = [StakeholderRole::ExecutiveSponsor, StakeholderRole::Finance]
        .iter()
        .find_map(|role| data.stakeholders.iter().find(|s| s.role == *role))
        .map(|s| format!("{} ({})", s.name, if s.role == StakeholderRole::Finance { "finance" } else { "executive sponsor" }));
    let next_renewal = data
        .contracts
        .iter()
        .filter_map(|c| c.renewal_date.filter(|d| *d >= today && c.end_date.is_none_or(|end| end >= today)).map(|d| (d, c)))
        .min_by_key(|(d, _)| *d);
    let notice_by = next_renewal.map(|(date, c)| crate::book::contract::notice_deadline(date, c.notice_days));
    let renewal = next_renewal.map(|(date, c)| {
        let terms = if c.kind == ContractKind::Retainer { format!("{} a month", money(c.monthly_cents)) } else { money(c.fixed_cents) };
        let line = if c.service_line.is_empty() { String::new() } else { format!(" for {}", c.service_line) };
        let deadline = match notice_by {
            Some(by) if c.notice_days > 0 && by < today => format!(" The last day to give notice was {} ({} days before).", format::date(by), c.notice_days),
            Some(by) if c.notice_days > 0 => format!(" The last day to give notice is {} ({} days before).", format::date(by), c.notice_days),
            _ => String::new(),
        };
        // Who decides, from the roles on record; once the notice day has passed there is no
        // decision left to ask for.
        let who = match (&signer, notice_by) {
            (Some(s), Some(by)) if by >= today || c.notice_days == 0 => format!(" Decision on your side: {s}."),
            _ => String::new(),
        };
        format!("Your agreement{line} renews on {} ({terms}).{deadline}{who}", format::date(date))
    });
    let renewal_tile = next_renewal.zip(notice_by).map(|((date, c), by)| {
        let notice = match c.notice_days {
            0 => "no notice period".to_owned(),
            _ if by < today => format!("notice was due {}", format::date(by)),
            _ => format!("notice by {}", format::date(by)),
        };
        (format::date(date), notice)
    });

    // The first page's scoreboard: now, target, where the straight line is, a year ago.
    let year_ago_day = q.end().checked_sub_months(chrono::Months::new(12)).unwrap_or(q.first_day());
    let scoreboard = data
        .kpis
        .iter()
        .zip(&kpis)
        .map(|(k, row)| ScoreRow {
            name: super::monthly::name_with_unit(&k.name, &k.unit),
            now: row.current.clone().unwrap_or_else(|| "—".to_owned()),
            target: row.target.clone(),
            expected: row.expected.clone(),
            year_ago: super::monthly::latest_between(&measurements_of(k), NaiveDate::MIN, year_ago_day).filter(|_| k.baseline_date < year_ago_day).map(format::number),
            status: row.status.clone(),
        })
        .collect();

    let on_track = kpis.iter().filter(|r| r.status == KpiStatus::OnTrack.label()).count();
    let mut summary = Vec::new();
    if !kpis.is_empty() {
        summary.push(on_track_sentence(on_track, kpis.len(), &q.label()));
    }
    if let (Some(kpi), Some(row)) = (data.kpis.first(), kpis.first()) {
        match (&row.previous, &row.current) {
            (Some(before), Some(now)) if before == now => summary.push(format!("{} stayed at {} this quarter (target {}).", kpi.name, with_unit(now, &kpi.unit), with_unit(&row.target, &kpi.unit))),
            (Some(before), Some(now)) => summary.push(format!("{} moved from {} to {} this quarter (target {}; {} expected by now).", kpi.name, with_unit(before, &kpi.unit), with_unit(now, &kpi.unit), with_unit(&row.target, &kpi.unit), with_unit(&row.expected, &kpi.unit))),
            (None, Some(now)) => summary.push(format!("{} stands at {} (target {}).", kpi.name, with_unit(now, &kpi.unit), with_unit(&row.target, &kpi.unit))),
            _ => summary.push(format!("No figures for {} have been recorded yet.", kpi.name)),
        }
    }
    let year = if q.year_starts == 1 { "this year" } else { "this fiscal year" };
    let budget = data.client.plan.annual_budget_cents.map(|b| budget_share(year_total, b, &money));
    let of_budget = budget.as_ref().map_or_else(String::new, |b| format!(", {b}"));
    summary.push(format!("We delivered {} this quarter; you invested {} ({} so far {year}{of_budget}).", pieces(delivered.len()), money(quarter_total), money(year_total)));
    if let Some(r) = &renewal {
        summary.push(r.clone());
    }

    let footnotes = vec![
        "Results: the latest value recorded by the end of each quarter. Progress is the share of the way from the baseline to the target. Expected is where a straight line from the baseline to the target on its date stands at the quarter's end. On track: at most 10 points behind that line; slipping: 10 to 25 points behind; off track: more than 25 behind.".to_owned(),
        "Invested: invoices issued in the period (cancelled invoices excluded), attributed to the service of the contract running on the invoice date. The fiscal year starts on ".to_owned() + &format::date(year_start) + ".",
        "Value to date: for each result with an agreed worth per unit, the improvement over the baseline times that worth — every month it lasts for a monthly result, once for a level — times the share of the improvement agreed as the studio's; compared with the invoice lines for that result and all invoices since its baseline. An estimate agreed with you, not accounting.".to_owned(),
        "Hours: the hours included in the retainer for each month, and any carried over when the contract lets unused hours roll over, against the hours we recorded.".to_owned(),
    ];
    let footnotes = footnotes.into_iter().chain(worth.kpis.iter().map(|k| k.method.clone())).collect();
    let owner = data.client.plan.owner.trim();
    QbrReport {
        studio: studio.name.clone(),
        accent: brand.accent.clone(),
        logo: brand.logo.clone(),
        paper: studio.paper_size,
        client: data.client.name.clone(),
        quarter: q,
        quarter_label: q.label(),
        quarter_span: q.span(),
        summary,
        goal: data.client.goal.clone(),
        kpis,
        charts,
        delivered,
        working: notes.working.clone(),
        not_working: notes.not_working.clone(),
        adjust: notes.adjust.clone(),
        next_quarter_label: next.label(),
        plan,
        opportunities,
        risks,
        asks,
        invested_quarter: money(quarter_total),
        invested_year: money(year_total),
        budget,
        by_service_line,
        ledger,
        ledger_totals,
        hours,
        hours_rule,
        value,
        value_summary,
        renewal,
        renewal_tile,
        scoreboard,
        // Spaced, so a range too wide for its tile breaks at the dash, never inside a figure.
        value_label: format!("Value to {}", format::date(q.last_day())),
        value_tile: worth.measured().then(|| if worth.low_cents == worth.high_cents { money(worth.low_cents) } else { format!("{} – {}", money(worth.low_cents), money(worth.high_cents)) }),
        value_against: worth.measured().then(|| {
            let spend = if worth.invested_in_kpis_cents > 0 { worth.invested_in_kpis_cents } else { worth.invested_all_cents };
            format!("vs {} invested", money(spend))
        }),
        as_of: format::date(today),
        footnotes,
        contact: if owner.is_empty() { format!("Prepared by {}.", studio.name) } else { format!("Prepared by {owner}, {}.", studio.name) },
    }
}
