//! A retainer's hours month by month: included, carried over from the month before when the
//! contract lets unused hours roll over, used, and what is over or left.
//!
//! The roll-over rule is the contract's `UnusedHours::NextMonth`: the hours of a month not used
//! can be used in the next month only. Carried hours are used first (they lapse sooner), so the
//! hours carried out of a month are never more than that month's own included hours. A month
//! whose hours were not recorded carries nothing: what was left is unknown, and guessing would
//! be a claim.

use super::contract::{Contract, ContractKind, UnusedHours};
use super::growth::HoursUsed;
use super::month::Month;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthHours {
    pub month: Month,
    /// Hundredths of an hour included by the retainers covering the month's last day.
    pub included: i64,
    /// Hundredths carried in from the month before (0 unless that month's rule rolls over).
    pub carried_in: i64,
    /// Hundredths recorded as used, when recorded.
    pub used: Option<i64>,
    /// The rule of the month's retainer (the latest started one when several cover it).
    pub rule: UnusedHours,
}

impl MonthHours {
    /// What could be used this month: its own hours and the ones carried in.
    pub fn available(&self) -> i64 {
        self.included.saturating_add(self.carried_in)
    }

    /// The unused hours this month hands to the next one under its rule (never more than its
    /// own included hours, since carried hours are used first).
    fn carried_out(&self) -> i64 {
        match (self.rule, self.used) {
            (UnusedHours::NextMonth, Some(used)) => {
                let own_used = used.saturating_sub(self.carried_in).max(0);
                self.included.saturating_sub(own_used).max(0)
            }
            _ => 0,
        }
    }
}

/// The retainer's hours for one month, before any carry.
fn month_alone(contracts: &[Contract], used: &[HoursUsed], month: Month) -> MonthHours {
    let day = month.last_day();
    let covering: Vec<&Contract> = contracts.iter().filter(|c| c.kind == ContractKind::Retainer && c.covers(day) && c.included_hundredths > 0).collect();
    let included = covering.iter().fold(0i64, |sum, c| sum.saturating_add(c.included_hundredths));
    let rule = covering.iter().max_by_key(|c| (c.start_date, c.id)).map_or(UnusedHours::NotAgreed, |c| c.unused_hours);
    MonthHours { month, included, carried_in: 0, used: used.iter().find(|h| h.month == month).map(|h| h.hundredths), rule }
}

/// Each of `months` (in order) with its carry worked out from the first month any retainer with
/// included hours began.
pub fn month_by_month(contracts: &[Contract], used: &[HoursUsed], months: &[Month]) -> Vec<MonthHours> {
    let Some(last) = months.iter().max().copied() else { return Vec::new() };
    let first_retainer = contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Retainer && c.included_hundredths > 0)
        .map(|c| Month::of(c.start_date))
        .min();
    let mut all = Vec::new();
    if let Some(mut month) = first_retainer {
        let mut carry = 0;
        while month <= last {
            let mut this = month_alone(contracts, used, month);
            this.carried_in = if this.included > 0 { carry } else { 0 };
            carry = this.carried_out();
            all.push(this);
            month = month.next();
        }
    }
    months
        .iter()
        .map(|m| all.iter().find(|h| h.month == *m).cloned().unwrap_or_else(|| month_alone(contracts, used, *m)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn retainer(start: &str, included: i64, rule: UnusedHours) -> Contract {
        Contract {
            id: 1,
            client_id: 1,
            kind: ContractKind::Retainer,
            service_line: String::new(),
            monthly_cents: 100_000,
            fixed_cents: 0,
            start_date: start.parse::<NaiveDate>().unwrap(),
            end_date: None,
            renewal_date: None,
            notice_days: 0,
            included_hundredths: included,
            unused_hours: rule,
        }
    }

    fn used(month: u32, hundredths: i64) -> HoursUsed {
        HoursUsed { id: 0, client_id: 1, month: Month { year: 2026, month }, hundredths }
    }

    fn months(from: u32, to: u32) -> Vec<Month> {
        (from..=to).map(|month| Month { year: 2026, month }).collect()
    }

    #[test]
    fn unused_hours_roll_into_the_next_month_only_and_are_used_first() {
        // 20 h a month from January. Jan uses 15 (5 left, carried), Feb uses 22 (5 carried used
        // first, 17 of its own: 3 left), Mar uses 30 (3 carried + 20: 7 over, nothing left).
        let contracts = [retainer("2026-01-01", 2_000, UnusedHours::NextMonth)];
        let hours = month_by_month(&contracts, &[used(1, 1_500), used(2, 2_200), used(3, 3_000), used(4, 1_000)], &months(2, 4));
        let carried: Vec<i64> = hours.iter().map(|h| h.carried_in).collect();
        assert_eq!(carried, vec![500, 300, 0]);
        assert_eq!(hours[0].available(), 2_500);
        assert_eq!(hours[2].available(), 2_000);
    }

    #[test]
    fn a_month_never_carries_more_than_its_own_hours() {
        // Jan uses nothing: 20 carried. Feb uses 5 (from the 20 carried): its own 20 carry on,
        // not 35.
        let contracts = [retainer("2026-01-01", 2_000, UnusedHours::NextMonth)];
        let hours = month_by_month(&contracts, &[used(1, 0), used(2, 500)], &months(2, 3));
        assert_eq!((hours[0].carried_in, hours[1].carried_in), (2_000, 2_000));
    }

    #[test]
    fn lapsing_or_unstated_rules_and_unrecorded_months_carry_nothing() {
        for rule in [UnusedHours::Lapse, UnusedHours::NotAgreed] {
            let contracts = [retainer("2026-01-01", 2_000, rule)];
            let hours = month_by_month(&contracts, &[used(1, 500)], &months(2, 2));
            assert_eq!(hours[0].carried_in, 0, "{rule:?}");
            assert_eq!(hours[0].rule, rule);
        }
        let contracts = [retainer("2026-01-01", 2_000, UnusedHours::NextMonth)];
        let hours = month_by_month(&contracts, &[used(2, 500)], &months(2, 3));
        assert_eq!((hours[0].carried_in, hours[0].used, hours[1].carried_in), (0, Some(500), 1_500));
    }

    #[test]
    fn months_before_any_retainer_have_nothing_included() {
        let contracts = [retainer("2026-03-01", 2_000, UnusedHours::NextMonth)];
        let hours = month_by_month(&contracts, &[used(1, 500)], &months(1, 3));
        assert_eq!(hours.iter().map(|h| (h.included, h.carried_in)).collect::<Vec<_>>(), vec![(0, 0), (0, 0), (2_000, 0)]);
        assert_eq!(hours[0].used, Some(500));
    }
}
