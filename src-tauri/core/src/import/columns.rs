//! The columns each kind of import reads, documented once: the import dialog, the CLI's
//! `help import`, the README and the downloadable templates all come from this table.

use serde::Serialize;
use specta::Type;

use crate::book::stored_enum::stored_enum;

stored_enum!(ImportKind {
    Clients = "clients",
    Contracts = "contracts",
    Stakeholders = "stakeholders",
    Kpis = "kpis",
    KpiValues = "kpi_values",
    Touchpoints = "touchpoints",
    Invoices = "invoices",
    SurveyAnswers = "survey_answers",
    Hours = "hours",
    Milestones = "milestones",
    Deliverables = "deliverables",
    Issues = "issues",
    Opportunities = "opportunities",
    Risks = "risks",
    Testimonials = "testimonials",
    Referrals = "referrals",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
    pub help: &'static str,
    pub example: &'static str,
}

const fn req(name: &'static str, help: &'static str, example: &'static str) -> Column {
    Column { name, required: true, help, example }
}

const fn opt(name: &'static str, help: &'static str, example: &'static str) -> Column {
    Column { name, required: false, help, example }
}

const CLIENT: Column = req("client", "The client's name, exactly as in Clientwell (any case).", "Harbour Bakery");

const CLIENTS_COLUMNS: &[Column] = &[
    req("name", "The client's name.", "Harbour Bakery"),
    opt("status", "prospect, onboarding, active, paused or ended (default active).", "active"),
    opt("goal", "Their primary goal, in their words.", "More weekday pre-orders"),
    req("start_date", "When the work started.", "2025-03-01"),
    opt("notes", "Internal notes (never shown to the client).", ""),
    opt("cadence_days", "Days between value check-ins.", "14"),
    opt("owner", "Who at the studio looks after them.", "Mia"),
    opt("fiscal_year_start", "Month their fiscal year starts, 1-12 (default 1).", "4"),
];

const CONTRACTS_COLUMNS: &[Column] = &[
    CLIENT,
    req("kind", "retainer or project.", "retainer"),
    req("value", "Monthly value of a retainer, or total of a project.", "2,500.00"),
    req("start_date", "First day of service.", "2025-03-01"),
    opt("end_date", "Last day of service, if set.", ""),
    opt("renewal_date", "When it renews.", "2026-02-28"),
    opt("notice_days", "Notice period in days.", "30"),
    opt("included_hours", "Hours included a month (retainers).", "20"),
    opt("unused_hours", "What happens to hours not used in a month: next_month (they roll over to the next month), lapse, or not_agreed (say nothing). Blank keeps what the app has.", "next_month"),
    opt("service_line", "The service, e.g. SEO.", "SEO & content"),
];

const STAKEHOLDERS_COLUMNS: &[Column] = &[
    CLIENT,
    req("name", "The person's name.", "Ana Ribeiro"),
    opt("role", "day_to_day, champion, executive_sponsor, finance or other (default day_to_day).", "finance"),
    opt("email", "Email address.", "ana@example.com"),
    opt("phone", "Phone number.", ""),
    opt("is_primary", "yes if they are the main contact.", "no"),
];

const KPIS_COLUMNS: &[Column] = &[
    CLIENT,
    req("name", "The KPI's name.", "Qualified leads a month"),
    opt("unit", "Unit shown after values.", "leads"),
    opt("direction", "up if more is better, down if less is better (default up).", "up"),
    req("baseline", "Value at the start.", "20"),
    req("target", "Value to reach.", "40"),
    req("baseline_date", "Date of the baseline.", "2025-03-01"),
    req("target_date", "Date to reach the target by.", "2026-02-28"),
    opt("value_per_unit", "What one unit is worth to the client (money).", "150"),
    opt("worth_counts", "monthly if the worth counts every month the improvement lasts (leads a month), once if it counts one time (default monthly).", "monthly"),
    opt("share", "Share of the improvement the studio may claim, in percent: one number or a range (default 100).", "50-80"),
    opt("below_baseline_counts", "yes if months below the baseline count against the value (default no).", "no"),
];

const KPI_VALUES_COLUMNS: &[Column] = &[
    CLIENT,
    req("kpi", "The KPI's name, as in Clientwell.", "Qualified leads a month"),
    req("measured_on", "Date of the value.", "2025-10-31"),
    req("value", "The measured value.", "27"),
    opt("note", "A note about the value.", ""),
];

const TOUCHPOINTS_COLUMNS: &[Column] = &[
    CLIENT,
    req("kind", "call, meeting, email, message, qbr or other.", "call"),
    req("happened_on", "Date.", "2025-11-02"),
    opt("summary", "What was said or agreed.", "Monthly check-in"),
    opt("client_replied", "yes or no.", "no"),
    opt("attended", "yes or no.", "yes"),
    opt("rescheduled", "yes or no.", "no"),
    opt("no_show", "yes or no.", "no"),
    opt("reply_days", "Days they took to reply.", ""),
    opt("with", "Who at the client it was with: a person's name, as in Clientwell.", "Ana Ribeiro"),
];

const INVOICES_COLUMNS: &[Column] = &[
    CLIENT,
    req("number", "Invoice number, unique in the book.", "2025-041"),
    req("issued_on", "Issue date.", "2025-10-01"),
    req("due_on", "Due date.", "2025-10-31"),
    opt("paid_on", "Payment date, if paid.", "2025-10-28"),
    opt("void", "yes if cancelled.", "no"),
    req("description", "What this line is for.", "October retainer"),
    req("amount", "Amount of this line.", "2,500.00"),
    opt("kpi", "The KPI this line works toward (its name), if any.", ""),
];

const SURVEY_ANSWERS_COLUMNS: &[Column] = &[
    CLIENT,
    req("kind", "nps (0-10), csat (1-5) or ces (1-7).", "nps"),
    req("score", "The score given.", "9"),
    req("answered_on", "Date of the answer.", "2025-09-01"),
    opt("comment", "Their comment.", ""),
    opt("followed_up_on", "When you followed up.", ""),
    opt("stakeholder", "Name of the person who answered.", "Ana Ribeiro"),
];

const HOURS_COLUMNS: &[Column] = &[
    CLIENT,
    req("month", "The month worked: 2026-10, 10/2026 or any date in it.", "2026-10"),
    req("hours", "Hours worked for them that month (from your time tracker).", "12.5"),
];

const MILESTONES_COLUMNS: &[Column] = &[
    CLIENT,
    req("title", "What was delivered or reached.", "First campaign live"),
    req("due_on", "When it was due.", "2025-04-15"),
    opt("done_on", "When it was done, if it is.", "2025-04-10"),
    opt("first_value", "yes for the milestone that marks their first meaningful result (time to first value); one per client.", "yes"),
];

const DELIVERABLES_COLUMNS: &[Column] = &[
    CLIENT,
    req("title", "What was delivered.", "Landing page redesign"),
    req("delivered_on", "The day it was delivered.", "2026-09-08"),
    opt("kpi", "The KPI it works toward, by name, if any (blank: none). Files without this column keep the link made in the app.", "Online orders a week"),
];

const ISSUES_COLUMNS: &[Column] = &[
    CLIENT,
    req("opened_on", "The day the client raised it.", "2026-10-02"),
    req("summary", "What went wrong, in a line (internal: never in a report).", "Newsletter went out with last month's prices"),
    opt("tag", "billing, quality, deadline, scope or other (default other).", "quality"),
    opt("closed_on", "The day it was put right, if it is.", "2026-10-05"),
];

const OPPORTUNITIES_COLUMNS: &[Column] = &[
    CLIENT,
    req("title", "The idea or proposal.", "Add paid social"),
    req("opened_on", "When it came up.", "2026-09-15"),
    opt("kind", "upsell, cross_sell, new_project, price_increase or other (default other).", "cross_sell"),
    opt("stage", "idea, proposed, won or lost (default idea).", "proposed"),
    opt("value", "What it would be worth, if known.", "1,500.00"),
    opt("closed_on", "When it was won or lost.", ""),
    opt("show_client", "yes to show it in the client's QBR (default no).", "no"),
];

const RISKS_COLUMNS: &[Column] = &[
    CLIENT,
    req("title", "What could go wrong (internal unless shown to the client).", "Their marketing lead leaves in January"),
    req("raised_on", "When it came up.", "2026-11-02"),
    opt("mitigation", "What we do about it.", "A hand-over call with her successor"),
    opt("owner", "Who at the studio does it.", "Mia"),
    opt("closed_on", "When it no longer applies.", ""),
    opt("show_client", "yes to show it, with its mitigation, in the client's QBR (default no).", "no"),
];

const TESTIMONIALS_COLUMNS: &[Column] = &[
    CLIENT,
    req("asked_on", "When you asked for it.", "2026-10-01"),
    opt("received_on", "When they gave it, if they did.", "2026-10-09"),
    opt("quote", "Their words.", "They doubled our weekday orders."),
];

const REFERRALS_COLUMNS: &[Column] = &[
    req("client", "The client who was introduced, as in Clientwell (any case).", "Lumen Dental Group"),
    req("referred_by", "The client who introduced them.", "Harbour Bakery"),
    req("referred_on", "When they were introduced.", "2026-05-20"),
];

impl ImportKind {
    pub fn title(self) -> &'static str {
        match self {
            Self::Clients => "Clients",
            Self::Contracts => "Contracts and retainers",
            Self::Stakeholders => "People at each client",
            Self::Kpis => "KPIs",
            Self::KpiValues => "KPI values",
            Self::Touchpoints => "Touchpoints",
            Self::Invoices => "Invoices",
            Self::SurveyAnswers => "Survey answers",
            Self::Hours => "Hours used",
            Self::Milestones => "Milestones",
            Self::Deliverables => "Deliverables",
            Self::Issues => "Issues and complaints",
            Self::Opportunities => "Opportunities",
            Self::Risks => "Risks (the account plan)",
            Self::Testimonials => "Testimonials",
            Self::Referrals => "Referrals (who introduced a client)",
        }
    }

    /// How rows find the record they update instead of adding a duplicate.
    pub fn matching(self) -> &'static str {
        match self {
            Self::Clients => "A row updates the client with the same name; other rows add clients.",
            Self::Contracts => "A row updates the client's contract of the same kind starting on the same day.",
            Self::Stakeholders => "A row updates the person with the same name at that client.",
            Self::Kpis => "A row updates the client's KPI with the same name.",
            Self::KpiValues => "A row updates the value of that KPI on that date.",
            Self::Touchpoints => "A row updates the touchpoint of the same kind, date and summary.",
            Self::Invoices => "One row per invoice line; rows with the same number make one invoice, which replaces an invoice with that number.",
            Self::SurveyAnswers => "A row updates the answer of the same survey, date and person.",
            Self::Milestones => "A row updates the client's milestone with the same title; the one marked first value takes the mark from any other.",
            Self::Hours => "Rows for the same client and month are added up (a time report lists entries); the total replaces the hours recorded for that month.",
            Self::Deliverables => "A row updates the client's deliverable with the same title delivered the same day.",
            Self::Issues => "A row updates the client's issue opened the same day with the same summary.",
            Self::Opportunities => "A row updates the client's opportunity with the same title.",
            Self::Risks => "A row updates the client's risk with the same title.",
            Self::Testimonials => "A row updates the client's testimonial asked for the same day.",
            Self::Referrals => "A client is introduced once: a row updates who introduced them and when.",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Self::Clients => CLIENTS_COLUMNS,
            Self::Contracts => CONTRACTS_COLUMNS,
            Self::Stakeholders => STAKEHOLDERS_COLUMNS,
            Self::Kpis => KPIS_COLUMNS,
            Self::KpiValues => KPI_VALUES_COLUMNS,
            Self::Touchpoints => TOUCHPOINTS_COLUMNS,
            Self::Invoices => INVOICES_COLUMNS,
            Self::SurveyAnswers => SURVEY_ANSWERS_COLUMNS,
            Self::Hours => HOURS_COLUMNS,
            Self::Milestones => MILESTONES_COLUMNS,
            Self::Deliverables => DELIVERABLES_COLUMNS,
            Self::Issues => ISSUES_COLUMNS,
            Self::Opportunities => OPPORTUNITIES_COLUMNS,
            Self::Risks => RISKS_COLUMNS,
            Self::Testimonials => TESTIMONIALS_COLUMNS,
            Self::Referrals => REFERRALS_COLUMNS,
        }
    }

    /// A CSV template: the header row and one example row.
    pub fn template(self) -> String {
        let cols = self.columns();
        let line = |cells: Vec<&str>| cells.iter().map(|c| super::export::csv_cell(c)).collect::<Vec<_>>().join(",");
        format!("{}\n{}\n", line(cols.iter().map(|c| c.name).collect()), line(cols.iter().map(|c| c.example).collect()))
    }
}

/// The plain-text documentation of every import kind (for `clientwell help import`).
pub fn documentation() -> String {
    let mut out = String::from(
        "Import files are CSV (comma, semicolon or tab separated, UTF-8) or Excel .xlsx (first sheet).\n\
         The first row names the columns, in any order and any case. Dates: 2026-03-31, 31/03/2026,\n\
         31.03.2026 (or 03/31/2026 with --month-first). Amounts: 1,234.50 / 1.234,50 / €1,234.50.\n\
         Yes/no columns accept yes, no, true, false, 1, 0, x. A file with any bad row imports nothing.\n\
         Columns not needed are left out. Files exported by these tools are read as they come\n\
         (--source NAME, else told from the header); the columns chosen are remembered for the\n\
         next file with the same header, and --mapping NAME uses them by name:\n",
    );
    out.push_str(&super::sources::Source::listing());
    for kind in ImportKind::ALL {
        out.push_str(&format!("\n{} ({}): {}\n", kind.title(), kind.as_str(), kind.matching()));
        for c in kind.columns() {
            out.push_str(&format!("  {:<18} {}{}\n", c.name, if c.required { "required. " } else { "" }, c.help));
        }
    }
    out
}

/// One kind of import as the app's dialog explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct KindDoc {
    pub kind: ImportKind,
    pub title: String,
    /// How rows find the record they update.
    pub matching: String,
    pub columns: Vec<Column>,
}

pub fn kinds() -> Vec<KindDoc> {
    ImportKind::ALL.iter().map(|&kind| KindDoc { kind, title: kind.title().to_owned(), matching: kind.matching().to_owned(), columns: kind.columns().to_vec() }).collect()
}
