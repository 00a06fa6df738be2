//! Every word the screens show for a stored value (a role, a stage, a band…) and the limits the
//! forms need, in one table the UI is generated from (`ui/src/words.ts`, written by the app's
//! bindings test), so a label cannot drift between Rust and TypeScript, and the documents and
//! the screens say the same thing. Words the documents use too come from the type's own
//! `label()` (bands, segments, KPI status, message scripts).

use serde::Serialize;

use crate::book::activity::{ComplaintTag, TouchpointKind};
use crate::book::contract::{ContractKind, UnusedHours};
use crate::book::ending::EndReason;
use crate::book::growth::{OpportunityKind, OpportunityStage};
use crate::book::invoice::InvoiceStatus;
use crate::book::kpi::{Direction, KpiStatus, WorthCounts};
use crate::book::onboarding::Checklist;
use crate::book::stakeholder::StakeholderRole;
use crate::book::survey::SurveyKind;
use crate::book::templates::Script;
use crate::book::ClientStatus;
use crate::client_page::TimelineKind;
use crate::health::lifecycle::Stage;
use crate::health::segment::Segment;
use crate::health::Band;
use crate::import::MonthFrom;
use crate::store::BackupKind;

/// The words for one stored value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Word {
    /// As the value crosses IPC (its serde name).
    pub value: String,
    pub label: &'static str,
    /// A longer explanation, for a tooltip or a form's hint.
    pub hint: Option<&'static str>,
}

/// The words of every value of one type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordTable {
    /// The name in TypeScript: `BAND` gives `BAND_WORDS` (and `BAND_HINTS`).
    pub name: &'static str,
    /// The type in the generated bindings.
    pub type_name: &'static str,
    pub words: Vec<Word>,
}

fn word<T: Serialize>(value: T, label: &'static str, hint: Option<&'static str>) -> Word {
    let value = serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    Word { value, label, hint }
}

/// A table of `$ty`, one line per variant; the `match` makes a new variant fail to compile
/// here until it has its words.
macro_rules! table {
    ($name:literal, $ty:ident { $($variant:ident => $label:expr $(, $hint:expr)?);+ $(;)? }) => {{
        fn _every_variant_has_words(v: $ty) {
            match v { $($ty::$variant => {}),+ }
        }
        WordTable { name: $name, type_name: stringify!($ty), words: vec![$(word($ty::$variant, $label, None $(.or(Some($hint)))?)),+] }
    }};
}

/// Every table, in the order the generated file lists them.
pub fn tables() -> Vec<WordTable> {
    vec![
        table!("STATUS", ClientStatus {
            Prospect => "Prospect", "Talking, not signed yet";
            Onboarding => "Onboarding", "Signed; agreeing the goal and the first results";
            Active => "Active", "Work under way";
            Paused => "Paused", "Work on hold, relationship kept";
            Ended => "Ended", "The engagement has ended";
        }),
        table!("END_REASON", EndReason {
            Results => EndReason::Results.label(), "The results we were hired for did not come, or not fast enough";
            Price => EndReason::Price.label(), "They found the work too expensive for what it gave";
            BudgetCut => EndReason::BudgetCut.label(), "Their budget went, whatever the results";
            InHouse => EndReason::InHouse.label(), "They hired someone to do it themselves";
            OtherStudio => EndReason::OtherStudio.label(), "They went to another studio or agency";
            Relationship => EndReason::Relationship.label(), "Trust or communication broke down";
            ProjectEnded => EndReason::ProjectEnded.label(), "The work was done as agreed";
            Other => EndReason::Other.label(), "Say more in the notes";
        }),
        table!("LIFECYCLE", Stage {
            Prospect => Stage::Prospect.label(), "Not signed yet";
            Onboarding => Stage::Onboarding.label(), "Signed, working toward the first result";
            FirstValue => Stage::FirstValue.label(), "The first result came in the last 90 days: make it a habit";
            Adoption => Stage::Adoption.label(), "In the work, results coming";
            RenewalWindow => Stage::RenewalWindow.label(), "Close to the last day to give notice (90 days before it, or as set in Settings → Weekly review): they are deciding";
            Advocate => Stage::Advocate.label(), "Introduced a client, gave a testimonial or would recommend you, in the last year";
            Ended => Stage::Ended.label(), "The work has ended";
        }),
        table!("BAND", Band {
            Green => Band::Green.label(), "Thriving: a good moment to ask for a referral or propose more work.";
            Amber => Band::Amber.label(), "Warning signs: check in this week.";
            Red => Band::Red.label(), "Real risk of losing them: plan a recovery call.";
            Unknown => Band::Unknown.label(), "Not enough records yet to judge.";
        }),
        table!("SEGMENT", Segment {
            Champion => Segment::Champion.label();
            Steady => Segment::Steady.label();
            AtRisk => Segment::AtRisk.label();
            Drain => Segment::Drain.label();
        }),
        table!("KPI_STATUS", KpiStatus {
            OnTrack => KpiStatus::OnTrack.label();
            Slipping => KpiStatus::Slipping.label();
            OffTrack => KpiStatus::OffTrack.label();
            NoData => KpiStatus::NoData.label();
        }),
        table!("SCRIPT", Script {
            ValueCheckIn => Script::ValueCheckIn.label();
            EarlyWarning => Script::EarlyWarning.label();
            QbrAgenda => Script::QbrAgenda.label();
            Renewal => Script::Renewal.label();
            ReferralAsk => Script::ReferralAsk.label();
            NpsFollowUp => Script::NpsFollowUp.label();
            PaymentReminder => Script::PaymentReminder.label();
            PaymentFirm => Script::PaymentFirm.label();
            Expansion => Script::Expansion.label();
            NpsRequest => Script::NpsRequest.label();
            CsatRequest => Script::CsatRequest.label();
        }),
        table!("INVOICE", InvoiceStatus { Open => "Open"; Overdue => "Overdue"; Paid => "Paid"; Void => "Void" }),
        table!("ROLE", StakeholderRole {
            DayToDay => "Day-to-day contact";
            Champion => "Champion";
            ExecutiveSponsor => "Executive sponsor";
            Finance => "Finance / CFO";
            Other => "Other";
        }),
        table!("TOUCHPOINT", TouchpointKind {
            Call => "Call";
            Meeting => "Meeting";
            Email => "Email";
            Message => "Message";
            Qbr => "Quarterly review (QBR)";
            Other => "Other";
        }),
        table!("COMPLAINT", ComplaintTag { Billing => "Billing"; Quality => "Quality"; Deadline => "Deadline"; Scope => "Scope"; Other => "Other" }),
        table!("SURVEY", SurveyKind {
            Nps => "NPS", "would recommend us (0–10)";
            Csat => "CSAT", "satisfied (1–5)";
            Ces => "CES", "easy to work with (1–7)";
            Confidence => "Confidence", "confident we will reach your goal (1–10)";
        }),
        table!("DIRECTION", Direction { Up => "it goes up"; Down => "it goes down" }),
        table!("WORTH_COUNTS", WorthCounts {
            Monthly => "every month the improvement lasts (leads, orders a month)";
            Once => "once (a cost saved once, a level reached)";
        }),
        table!("CHECKLIST", Checklist { Onboarding => "Onboarding checklist"; Offboarding => "Offboarding checklist" }),
        table!("MONTH_FROM", MonthFrom {
            Sum => "the days added up (visits, orders, sales)";
            Average => "the average of the days with figures (rates, positions)";
        }),
        table!("CONTRACT", ContractKind { Retainer => "Monthly retainer"; Project => "Project (fixed price)" }),
        table!("UNUSED_HOURS", UnusedHours {
            NotAgreed => "Not agreed (the reports say nothing)";
            Lapse => "They lapse at the end of each month";
            NextMonth => "They roll over to the next month";
        }),
        table!("OPPORTUNITY", OpportunityKind {
            Upsell => "More of the same work";
            CrossSell => "Another service";
            NewProject => "A new project";
            PriceIncrease => "A price review";
            Other => "Other";
        }),
        table!("STAGE", OpportunityStage { Idea => "Idea"; Proposed => "Proposed"; Won => "Won"; Lost => "Lost" }),
        table!("TIMELINE", TimelineKind {
            Touchpoint => "Contact";
            Deliverable => "Delivered";
            Invoice => "Invoice";
            Survey => "Survey";
            Complaint => "Issue";
            Milestone => "Milestone";
            Measurement => "KPI";
        }),
        table!("BACKUP", BackupKind {
            Daily => "Automatic (daily)";
            Manual => "Made by you";
            BeforeRestore => "Before a restore";
            BeforeUpdate => "Before an update";
        }),
    ]
}

/// Limits the core enforces that a form shows before the owner hits them, by TypeScript name.
pub fn limits() -> Vec<(&'static str, usize)> {
    vec![("kpisPerClient", crate::book::kpi::MAX_PER_CLIENT)]
}

/// The generated `ui/src/words.ts`.
pub fn typescript() -> String {
    let tables = tables();
    let mut types: Vec<&str> = tables.iter().map(|t| t.type_name).collect();
    types.sort_unstable();
    let mut out = String::from(
        "// Generated from src-tauri/core/src/words.rs — do not edit. Regenerate with\n\
         // `UPDATE_BINDINGS=1 cargo test --test bindings` (from src-tauri).\n",
    );
    out.push_str(&format!("import type {{ {} }} from \"./bindings\";\n", types.join(", ")));
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    for t in &tables {
        let pairs = |f: &dyn Fn(&Word) -> &str| t.words.iter().map(|w| format!("  {}: {},\n", quoted(&w.value), quoted(f(w)))).collect::<String>();
        out.push_str(&format!("\nexport const {}_WORDS: Record<{}, string> = {{\n{}}};\n", t.name, t.type_name, pairs(&|w| w.label)));
        if t.words.iter().all(|w| w.hint.is_some()) {
            out.push_str(&format!("\nexport const {}_HINTS: Record<{}, string> = {{\n{}}};\n", t.name, t.type_name, pairs(&|w| w.hint.unwrap_or(""))));
        }
    }
    out.push_str("\n/** Limits the core enforces, for forms to show before the owner reaches them. */\nexport const LIMITS = {\n");
    for (name, value) in limits() {
        out.push_str(&format!("  {name}: {value},\n"));
    }
    out.push_str("} as const;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_its_serde_name_and_a_label_once() {
        let mut names = std::collections::BTreeSet::new();
        for t in tables() {
            assert!(names.insert(t.name), "two tables are called {}: the generated TypeScript would not compile", t.name);
            let mut seen = std::collections::BTreeSet::new();
            for w in &t.words {
                assert!(!w.value.is_empty() && !w.label.is_empty(), "{}: {w:?}", t.name);
                assert!(seen.insert(w.value.clone()), "{} lists {} twice", t.name, w.value);
            }
        }
    }

    #[test]
    fn the_screens_and_the_documents_share_the_words_for_bands_and_kpi_status() {
        let ts = typescript();
        assert!(ts.contains("export const KPI_STATUS_WORDS: Record<KpiStatus, string> = {\n  \"on_track\": \"On track\","));
        assert!(ts.contains(&format!("\"unknown\": \"{}\"", Band::Unknown.label())));
        assert!(ts.contains("export const BAND_HINTS"));
        assert!(!ts.contains("export const SEGMENT_HINTS"), "only tables with a hint for every value get one");
        assert!(ts.contains(&format!("kpisPerClient: {}", crate::book::kpi::MAX_PER_CLIENT)));
    }
}
