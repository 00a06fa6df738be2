//! The monthly summary's words: the verdict, the value line, the asks, the table's names.

use super::tests::{bakery, brand, d, studio, text_of, OCTOBER};
use super::*;
use crate::book::PaperSize;

#[test]
fn the_verdict_says_how_a_kpi_moved_as_a_person_would() {
    assert_eq!(monthly::movement(44.0, Some(44.0), "%"), "stayed at 44%");
    assert_eq!(monthly::movement(47.0, Some(44.0), "%"), "rose 3 points to 47%");
    assert_eq!(monthly::movement(45.0, Some(44.0), "%"), "rose 1 point to 45%");
    assert_eq!(monthly::movement(120.0, Some(125.5), "orders"), "fell by 5.5 to 120 orders");
    assert_eq!(monthly::movement(150.0, None, "orders"), "reached 150 orders");
}

#[test]
fn the_monthly_summary_states_the_value_to_date_only_when_a_result_has_an_agreed_worth() {
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &bakery(), OCTOBER, d("2026-11-26"));
    // 30 + 40 + 50 orders above the baseline in Aug–Oct (no figures before: nothing counted) × €12.
    assert_eq!(
        s.value.as_deref(),
        Some("Value from 1 Jan 2026 to 31 Oct 2026: €1,440.00; €2,500.00 invested, all of it in work tied to these results. At target, these results are worth €1,200.00 a month.")
    );
    let text = text_of(&render_monthly(&s).unwrap().bytes);
    assert!(text.replace(' ', "").contains("Valuefrom1Jan2026to31Oct2026:€1,440.00"), "{text}");

    let mut unpriced = bakery();
    unpriced.kpis[0].cents_per_unit = None;
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &unpriced, OCTOBER, d("2026-11-26"));
    assert_eq!(s.value, None, "no worth agreed: nothing is claimed");
    assert!(!text_of(&render_monthly(&s).unwrap().bytes).contains("Value from"));
}

#[test]
fn a_kpi_name_carries_its_unit_only_when_it_does_not_already_say_it() {
    assert_eq!(monthly::name_with_unit("Online orders a week", "orders"), "Online orders a week");
    assert_eq!(monthly::name_with_unit("Days to close the month", "days"), "Days to close the month");
    assert_eq!(monthly::name_with_unit("Website conversion rate", "%"), "Website conversion rate (%)");
    assert_eq!(monthly::name_with_unit("Weekday orders", ""), "Weekday orders");
    assert_eq!(monthly::name_with_unit("Visits", "visitors"), "Visits (visitors)");
}

#[test]
fn a_renewal_notice_day_ahead_within_two_months_is_asked_for_with_its_date() {
    let mut data = bakery();
    data.contracts = vec![crate::book::contract::Contract {
        id: 1,
        client_id: 1,
        kind: crate::book::contract::ContractKind::Retainer,
        service_line: String::new(),
        monthly_cents: 250_000,
        fixed_cents: 0,
        start_date: d("2026-01-01"),
        end_date: None,
        renewal_date: Some(d("2027-01-01")),
        notice_days: 30,
        included_hundredths: 0,
        unused_hours: crate::book::contract::UnusedHours::NotAgreed,
    }];
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-11-26"));
    let ask = s.asks.iter().find(|a| a.text.starts_with("Your decision on the renewal")).expect("the renewal is asked for");
    assert_eq!((ask.text.as_str(), ask.detail.as_str()), ("Your decision on the renewal of 1 Jan 2027", "notice by 2 Dec 2026"));
    // Once the day has passed there is nothing left to decide by it.
    let late = monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-12-03"));
    assert!(!late.asks.iter().any(|a| a.text.starts_with("Your decision")), "{:?}", late.asks);
}

#[test]
fn the_chart_marks_the_months_when_work_for_the_result_was_delivered() {
    let mut data = bakery();
    // Work tied to another result is not this chart's; work tied to none is the client's in general.
    data.deliverables.push(crate::book::activity::Deliverable { id: 2, client_id: 1, title: "Other KPI's work".into(), delivered_on: d("2026-08-05"), kpi_id: Some(99) });
    data.deliverables.push(crate::book::activity::Deliverable { id: 3, client_id: 1, title: "General work".into(), delivered_on: d("2026-06-05"), kpi_id: None });
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-11-26"));
    let months: Vec<String> = s.chart.as_ref().unwrap().delivered.iter().map(|m| m.key()).collect();
    assert_eq!(months, ["2026-06", "2026-10"]);
    let text = text_of(&render_monthly(&s).unwrap().bytes);
    assert!(text.contains("work delivered that month"), "the chart's key says what the marks are: {text}");
}

#[test]
fn the_verdict_names_the_same_month_a_year_earlier_when_it_was_recorded() {
    let mut data = bakery();
    data.measurements.push(crate::book::kpi::Measurement { id: 9, kpi_id: 10, measured_on: d("2025-10-31"), value: 95.0, note: String::new() });
    let s = monthly::build(&studio(PaperSize::A4), &brand(), &data, OCTOBER, d("2026-11-26"));
    assert!(s.headline.contains("(183 orders expected by the end of October; 95 orders in October 2025)."), "{}", s.headline);
}
