//! Contracts: retainers (a monthly value) and projects (a fixed value). A client's MRR on a day
//! is the sum of the monthly values of the retainers that cover that day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::stored_enum::stored_enum;
use super::check::Check;
use super::{money, text};
use crate::error::{Error, Result};

stored_enum!(ContractKind { Retainer = "retainer", Project = "project" });

stored_enum!(
    /// What the contract says about a retainer's hours not used in a month. NotAgreed: the
    /// documents state no rule (printing one would be a claim the owner never made). Lapse: they
    /// are gone at the month's end. NextMonth: they can be used the month after, then lapse.
    UnusedHours { NotAgreed = "not_agreed", Lapse = "lapse", NextMonth = "next_month" }
);

/// The last day to give notice on a renewal: `notice_days` before it (no notice: the day itself).
pub fn notice_deadline(renews: NaiveDate, notice_days: i64) -> NaiveDate {
    renews - chrono::Days::new(notice_days.max(0) as u64)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Contract {
    pub id: i64,
    pub client_id: i64,
    pub kind: ContractKind,
    pub service_line: String,
    /// Retainers: the monthly value in minor units (0 for projects).
    pub monthly_cents: i64,
    /// Projects: the fixed value in minor units (0 for retainers).
    pub fixed_cents: i64,
    pub start_date: NaiveDate,
    /// The last day of service, when known.
    pub end_date: Option<NaiveDate>,
    pub renewal_date: Option<NaiveDate>,
    pub notice_days: i64,
    /// Hours included per month, in hundredths of an hour.
    pub included_hundredths: i64,
    pub unused_hours: UnusedHours,
}

impl Contract {
    /// Whether the contract covers `day` (start and end are both days of service).
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start_date <= day && self.end_date.is_none_or(|end| day <= end)
    }

    /// This contract's share of the client's MRR on `day`.
    pub fn mrr_on(&self, day: NaiveDate) -> i64 {
        if self.kind == ContractKind::Retainer && self.covers(day) {
            self.monthly_cents
        } else {
            0
        }
    }
}

/// MRR of a client on `day`: the monthly values of their retainers covering that day.
pub fn mrr_on(contracts: &[Contract], day: NaiveDate) -> i64 {
    super::money::sum_cents(contracts.iter().map(|c| c.mrr_on(day)))
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct ContractInput {
    pub kind: ContractKind,
    pub service_line: String,
    /// The monthly (retainer) or fixed (project) value, as typed: "2,500" or "2.500,00".
    pub value: String,
    pub start_date: String,
    pub end_date: String,
    pub renewal_date: String,
    pub notice_days: String,
    pub included_hours: String,
    pub unused_hours: UnusedHours,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractFields {
    pub kind: ContractKind,
    pub service_line: String,
    pub monthly_cents: i64,
    pub fixed_cents: i64,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub renewal_date: Option<NaiveDate>,
    pub notice_days: i64,
    pub included_hundredths: i64,
    pub unused_hours: UnusedHours,
}

impl ContractInput {
    pub fn validate(&self, minor_digits: u8) -> Result<ContractFields> {
        let mut c = Check::default();
        let fields = self.fields(minor_digits, &mut c);
        c.first(fields)
    }

    /// The fields with every one checked into `c` (stand-ins where a field failed).
    pub fn fields(&self, minor_digits: u8, c: &mut Check) -> ContractFields {
        let label = match self.kind {
            ContractKind::Retainer => "Monthly value",
            ContractKind::Project => "Project value",
        };
        let value = c.field(money::parse_amount("value", label, &self.value, minor_digits));
        let start_date = c.field(text::date("start_date", "Start date", &self.start_date));
        let end_date = c.field(text::optional_date("end_date", "End date", &self.end_date));
        c.rule(|| text::not_before("end_date", "The end date is before the start date.", start_date, end_date));
        let renewal_date = c.field(text::optional_date("renewal_date", "Renewal date", &self.renewal_date));
        c.rule(|| text::not_before("renewal_date", "The renewal date is before the start date.", start_date, renewal_date));
        let notice_days = if self.notice_days.trim().is_empty() {
            0
        } else {
            c.field(text::whole("notice_days", "Notice period (days)", &self.notice_days, 0..=730))
        };
        let included_hundredths = if self.included_hours.trim().is_empty() {
            0
        } else {
            c.field(money::parse_hours("included_hours", "Included hours per month", &self.included_hours))
        };
        if self.kind == ContractKind::Project && included_hundredths > 0 {
            c.field::<()>(Err(Error::validation("included_hours", "Included hours per month apply to retainers only.")));
        }
        if self.unused_hours != UnusedHours::NotAgreed && included_hundredths == 0 {
            c.field::<()>(Err(Error::validation("unused_hours", "A rule for unused hours needs the hours included a month.")));
        }
        ContractFields {
            kind: self.kind,
            service_line: c.field(text::text("service_line", "Service line", &self.service_line, 0, 80)),
            monthly_cents: if self.kind == ContractKind::Retainer { value } else { 0 },
            fixed_cents: if self.kind == ContractKind::Project { value } else { 0 },
            start_date,
            end_date,
            renewal_date,
            notice_days,
            included_hundredths,
            unused_hours: self.unused_hours,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn retainer(monthly: i64, start: &str, end: Option<&str>) -> Contract {
        Contract {
            id: 1,
            client_id: 1,
            kind: ContractKind::Retainer,
            service_line: String::new(),
            monthly_cents: monthly,
            fixed_cents: 0,
            start_date: d(start),
            end_date: end.map(d),
            renewal_date: None,
            notice_days: 0,
            included_hundredths: 0,
            unused_hours: UnusedHours::NotAgreed,
        }
    }

    #[test]
    fn mrr_counts_retainers_covering_the_day_including_both_ends() {
        let contracts = [retainer(200_000, "2026-01-01", Some("2026-06-30")), retainer(50_000, "2026-03-01", None)];
        assert_eq!(mrr_on(&contracts, d("2025-12-31")), 0);
        assert_eq!(mrr_on(&contracts, d("2026-01-01")), 200_000);
        assert_eq!(mrr_on(&contracts, d("2026-06-30")), 250_000);
        assert_eq!(mrr_on(&contracts, d("2026-07-01")), 50_000);
    }

    #[test]
    fn projects_add_no_mrr() {
        let mut project = retainer(0, "2026-01-01", None);
        project.kind = ContractKind::Project;
        project.fixed_cents = 900_000;
        assert_eq!(project.mrr_on(d("2026-02-01")), 0);
    }

    fn input() -> ContractInput {
        ContractInput {
            kind: ContractKind::Retainer,
            service_line: "SEO".into(),
            value: "2.500,00".into(),
            start_date: "2026-01-01".into(),
            end_date: "".into(),
            renewal_date: "2026-12-31".into(),
            notice_days: "30".into(),
            included_hours: "12.5".into(),
            unused_hours: crate::book::contract::UnusedHours::NotAgreed,
        }
    }

    #[test]
    fn a_retainer_input_becomes_cents_and_hundredths() {
        let f = input().validate(2).unwrap();
        assert_eq!((f.monthly_cents, f.fixed_cents, f.included_hundredths, f.notice_days), (250_000, 0, 1_250, 30));
    }

    #[test]
    fn dates_out_of_order_name_the_later_field() {
        let mut bad = input();
        bad.end_date = "2025-12-31".into();
        assert_eq!(bad.validate(2).unwrap_err().field.as_deref(), Some("end_date"));
        let mut bad = input();
        bad.renewal_date = "2025-06-01".into();
        assert_eq!(bad.validate(2).unwrap_err().field.as_deref(), Some("renewal_date"));
    }

    #[test]
    fn a_rule_for_unused_hours_needs_included_hours() {
        let mut ok = input();
        ok.unused_hours = UnusedHours::NextMonth;
        assert_eq!(ok.validate(2).unwrap().unused_hours, UnusedHours::NextMonth);
        let mut bad = ok.clone();
        bad.included_hours = String::new();
        assert_eq!(bad.validate(2).unwrap_err().field.as_deref(), Some("unused_hours"));
    }

    #[test]
    fn projects_cannot_include_monthly_hours() {
        let mut bad = input();
        bad.kind = ContractKind::Project;
        assert_eq!(bad.validate(2).unwrap_err().field.as_deref(), Some("included_hours"));
    }
}
