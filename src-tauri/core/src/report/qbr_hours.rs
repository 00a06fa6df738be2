//! The QBR's retainer hours: each month's included hours (and those carried over, when the
//! contract lets unused hours roll over) against the hours recorded, and the contract's rule for
//! unused hours in words — only when the owner set one.

use super::qbr::HoursRow;
use super::qbr_words::{hours_difference, hours_text};
use crate::book::contract::UnusedHours;
use crate::book::quarter::Quarter;
use crate::book::records::ClientData;
use crate::book::retainer_hours::month_by_month;

/// The quarter's rows and the rule sentence (None when the contract states no rule).
pub(super) fn hours(data: &ClientData, q: Quarter) -> (Vec<HoursRow>, Option<String>) {
    let months = month_by_month(&data.contracts, &data.hours_used, &q.months());
    let rolls_over = months.iter().any(|m| m.rule == UnusedHours::NextMonth);
    let rows = months
        .iter()
        .filter(|m| m.included > 0 || m.used.is_some())
        .map(|m| HoursRow {
            month: m.month.label(),
            included: hours_text(m.included),
            carried: if rolls_over { hours_text(m.carried_in) } else { String::new() },
            used: m.used.map_or_else(|| "not recorded".to_owned(), hours_text),
            difference: m.used.filter(|_| m.included > 0).map_or_else(String::new, |u| hours_difference(u, m.available())),
        })
        .collect();
    let rule = months.iter().rev().find(|m| m.included > 0).map(|m| m.rule).and_then(|rule| match rule {
        UnusedHours::NotAgreed => None,
        UnusedHours::Lapse => Some("As the contract says, hours not used in a month lapse at its end.".to_owned()),
        UnusedHours::NextMonth => Some(
            "As the contract says, hours not used in a month roll over to the next month only; hours carried over are used first."
                .to_owned(),
        ),
    });
    (rows, rule)
}

#[cfg(test)]
mod tests {
    use super::super::qbr_tests::{notes, quarterly, today, Q};
    use super::super::tests::{brand, studio, text_of_pages};
    use super::*;
    use crate::book::growth::HoursUsed;
    use crate::book::month::Month;
    use crate::book::PaperSize;

    fn with_rule(rule: UnusedHours) -> ClientData {
        let mut data = quarterly();
        data.contracts[0].unused_hours = rule;
        let used = |id, month, hundredths| HoursUsed { id, client_id: 1, month: Month { year: 2026, month }, hundredths };
        data.hours_used = vec![used(1, 7, 1_500), used(2, 8, 2_350), used(3, 9, 1_800)];
        data
    }

    #[test]
    fn rolled_over_hours_are_shown_carried_and_counted_against_what_was_available() {
        let (rows, rule) = hours(&with_rule(UnusedHours::NextMonth), Q);
        // 20 h a month. July uses 15: 5 carried. August uses 23.5 of 25 (5 carried first, 18.5 of
        // its own): 1.5 carried. September uses 18 of 21.5.
        let seen: Vec<(&str, &str, &str)> = rows.iter().map(|h| (h.carried.as_str(), h.used.as_str(), h.difference.as_str())).collect();
        assert_eq!(seen, [("0 h", "15 h", "5 h fewer"), ("5 h", "23.5 h", "1.5 h fewer"), ("1.5 h", "18 h", "3.5 h fewer")]);
        assert!(rule.as_deref().unwrap_or_default().contains("roll over to the next month only"), "{rule:?}");

        let r = super::super::qbr::build(&studio(PaperSize::A4), &brand(), &with_rule(UnusedHours::NextMonth), &notes(), Q, today());
        let text = text_of_pages(&super::super::render_qbr(&r).unwrap().bytes).join(" ").replace(' ', "");
        assert!(text.contains("CARRIEDOVER") && text.contains("AGAINSTAVAILABLE") && text.contains("rollovertothenextmonthonly"), "{text}");
    }

    #[test]
    fn a_rule_the_contract_does_not_state_is_never_printed() {
        let (rows, rule) = hours(&with_rule(UnusedHours::NotAgreed), Q);
        assert_eq!(rule, None);
        assert!(rows.iter().all(|h| h.carried.is_empty()));
        assert_eq!(rows[1].difference, "3.5 h more");
        let r = super::super::qbr::build(&studio(PaperSize::A4), &brand(), &with_rule(UnusedHours::NotAgreed), &notes(), Q, today());
        let text = text_of_pages(&super::super::render_qbr(&r).unwrap().bytes).join(" ").replace(' ', "");
        assert!(!text.contains("CARRIEDOVER") && !text.contains("Asthecontractsays"), "{text}");

        let (_, rule) = hours(&with_rule(UnusedHours::Lapse), Q);
        assert!(rule.as_deref().unwrap_or_default().contains("lapse at its end"), "{rule:?}");
    }
}
