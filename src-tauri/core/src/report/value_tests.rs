use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::book::invoice::{Invoice, InvoiceLine};
use crate::book::kpi::{Kpi, Measurement};
use crate::book::{Client, ClientStatus, SuccessPlan};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Baseline 20 leads on 1 Jan 2026, target 40, €150 a lead.
fn leads(counts: WorthCounts, share: (i64, i64)) -> Kpi {
    Kpi {
        id: 1,
        client_id: 1,
        name: "Qualified leads".into(),
        unit: "leads".into(),
        direction: Direction::Up,
        baseline: 20.0,
        target: 40.0,
        baseline_date: d("2026-01-01"),
        target_date: d("2026-12-31"),
        cents_per_unit: Some(15_000),
        worth_counts: counts,
        share_low_pct: share.0,
        share_high_pct: share.1,
        below_baseline_counts: false,
    }
}

fn reading(id: i64, on: &str, value: f64) -> Measurement {
    Measurement { id, kpi_id: 1, measured_on: d(on), value, note: String::new() }
}

fn invoice(id: i64, on: &str, cents: i64, kpi: Option<i64>) -> Invoice {
    Invoice { id, client_id: 1, number: format!("F-{id}"), issued_on: d(on), due_on: d(on), paid_on: None, void: false, lines: vec![InvoiceLine { description: "Work".into(), amount_cents: cents, kpi_id: kpi, deliverable_id: None }] }
}

fn client(kpi: Kpi, measurements: Vec<Measurement>, invoices: Vec<Invoice>) -> ClientData {
    let c = Client {
        id: 1,
        name: "Lumen Dental".into(),
        status: ClientStatus::Active,
        goal: "More patients".into(),
        start_date: d("2026-01-01"),
        notes: String::new(),
        archived_at: None,
        plan: SuccessPlan { cadence_days: None, owner: String::new(), recap: String::new(), fiscal_year_start: 1, annual_budget_cents: None },
        created_at: String::new(),
        updated_at: String::new(),
    };
    ClientData { kpis: vec![kpi], measurements, invoices, ..ClientData::new(c) }
}

fn three_months() -> Vec<Measurement> {
    vec![reading(1, "2026-01-31", 26.0), reading(2, "2026-02-28", 28.0), reading(3, "2026-03-31", 30.0)]
}

#[test]
fn the_worked_example_a_flow_earns_its_worth_every_month_it_lasts() {
    // (26 – 20) + (28 – 20) + (30 – 20) = 24 leads × €150 × 50–100% = €1,800–€3,600.
    let v = value_to_date(&client(leads(WorthCounts::Monthly, (50, 100)), three_months(), vec![]), d("2026-04-01"), "EUR", 2);
    let k = &v.kpis[0];
    assert_eq!(k.units, 24.0);
    assert_eq!((k.low_cents, k.high_cents), (180_000, 360_000));
    assert_eq!((v.low_cents, v.high_cents), (180_000, 360_000));
    assert!(k.missing_months.is_empty());
    assert_eq!(
        k.method,
        "Qualified leads, each month since the baseline of 20 leads on 1 Jan 2026 (a month below the baseline counts as 0): (26 – 20) + (28 – 20) + (30 – 20) = 24 (each month's gain in leads, added up) × €150.00 a unit a month × 50–100% claimed = €1,800.00–€3,600.00."
    );
    // At target the result is worth (40 – 20) × €150 × 50–100% a month.
    assert_eq!((k.at_target_low_cents, k.at_target_high_cents), (150_000, 300_000));
}

#[test]
fn a_weekly_figure_valued_by_the_month_is_shown_as_an_average_gain_not_a_sum_of_orders() {
    // "Orders a week", worth €65 a month for each extra weekly order: the months' gains added up
    // (6 + 8 + 10 = 24) are order-weeks-per-month, not 24 orders; the average month gained 8.
    let mut orders = leads(WorthCounts::Monthly, (100, 100));
    (orders.name, orders.unit, orders.cents_per_unit) = ("Online orders a week".into(), "orders".into(), Some(6_500));
    let v = value_to_date(&client(orders, three_months(), vec![]), d("2026-04-01"), "EUR", 2);
    let k = &v.kpis[0];
    assert_eq!((k.units, k.average_gain), (24.0, 8.0));
    assert_eq!(k.low_cents, 24 * 6_500);
    assert!(k.method.contains("= 24 (each month's gain in orders, added up) × €65.00 a unit a month × 100% claimed = €1,560.00."), "{}", k.method);
    assert!(!k.method.contains("24 orders"), "the sum is never called a number of orders: {}", k.method);
    let once = value_to_date(&client(leads(WorthCounts::Once, (100, 100)), three_months(), vec![]), d("2026-04-01"), "EUR", 2);
    assert_eq!(once.kpis[0].average_gain, 10.0, "a level's one gain");
    assert!(once.kpis[0].method.contains("= 10 leads × €150.00 a unit × 100% claimed"), "{}", once.kpis[0].method);
}

#[test]
fn a_level_counts_once() {
    let v = value_to_date(&client(leads(WorthCounts::Once, (100, 100)), three_months(), vec![]), d("2026-04-01"), "EUR", 2);
    assert_eq!(v.kpis[0].units, 10.0, "the latest value, 30, against the baseline, 20");
    assert_eq!(v.low_cents, 150_000);
}

#[test]
fn a_month_is_counted_once_and_a_month_without_a_value_counts_nothing() {
    let mut readings = three_months();
    readings.push(reading(4, "2026-02-10", 50.0)); // earlier in February than its latest value
    readings.retain(|m| m.measured_on != d("2026-03-31"));
    readings.push(reading(5, "2026-05-31", 32.0));
    let v = value_to_date(&client(leads(WorthCounts::Monthly, (100, 100)), readings, vec![]), d("2026-06-01"), "EUR", 2);
    let k = &v.kpis[0];
    let months: Vec<&str> = k.counted.iter().map(|c| c.month.as_str()).collect();
    assert_eq!(months, ["2026-01", "2026-02", "2026-05"]);
    assert_eq!(k.units, 6.0 + 8.0 + 12.0, "February's latest value (28), not its earlier 50");
    assert_eq!(k.missing_months, ["2026-03", "2026-04"]);
    assert!(k.method.ends_with("No value was recorded for 2 months (the first March 2026), so they count nothing."), "{}", k.method);
}

#[test]
fn less_is_better_works_and_months_below_the_baseline_count_zero_unless_opted_in() {
    let mut cost = leads(WorthCounts::Monthly, (100, 100));
    (cost.direction, cost.baseline, cost.target, cost.unit) = (Direction::Down, 50.0, 30.0, "days".into());
    let readings = vec![reading(1, "2026-01-31", 45.0), reading(2, "2026-02-28", 55.0), reading(3, "2026-03-31", 40.0)];
    let v = value_to_date(&client(cost.clone(), readings.clone(), vec![]), d("2026-04-01"), "EUR", 2);
    assert_eq!(v.kpis[0].units, 5.0 + 0.0 + 10.0);
    assert!(v.kpis[0].method.contains("(50 – 45) + (50 – 55) + (50 – 40)"), "{}", v.kpis[0].method);
    cost.below_baseline_counts = true;
    let v = value_to_date(&client(cost, readings, vec![]), d("2026-04-01"), "EUR", 2);
    assert_eq!(v.kpis[0].units, 5.0 - 5.0 + 10.0);
}

#[test]
fn value_is_compared_with_what_was_invested_in_the_result_and_in_all_work() {
    let invoices = vec![invoice(1, "2026-01-15", 90_000, Some(1)), invoice(2, "2026-02-15", 50_000, None), invoice(3, "2025-12-01", 70_000, Some(1))];
    let v = value_to_date(&client(leads(WorthCounts::Monthly, (50, 100)), three_months(), invoices), d("2026-04-01"), "EUR", 2);
    assert_eq!(v.invested_in_kpis_cents, 90_000, "lines tied to the KPI since its baseline");
    assert_eq!(v.invested_all_cents, 140_000);
    assert_eq!(value_sentence(&v, "EUR", 2).unwrap(), "Value from 1 Jan 2026 to 31 Mar 2026: €1,800.00–€3,600.00, 2.0–4.0× the €900.00 invested in these results (€1,400.00 in all work).");
}

#[test]
fn when_value_does_not_yet_exceed_the_spend_the_page_says_what_was_invested_and_what_is_expected() {
    let invoices = vec![invoice(1, "2026-01-15", 990_000, Some(1))];
    let v = value_to_date(&client(leads(WorthCounts::Monthly, (50, 100)), three_months(), invoices), d("2026-04-01"), "EUR", 2);
    let line = value_sentence(&v, "EUR", 2).unwrap();
    assert_eq!(line, "Value from 1 Jan 2026 to 31 Mar 2026: €1,800.00–€3,600.00; €9,900.00 invested, all of it in work tied to these results. At target, these results are worth €1,500.00–€3,000.00 a month.");
    assert!(!line.contains("×") && !line.contains("for each"), "no discouraging ratio");
}

#[test]
fn with_no_invoice_line_tied_to_the_results_value_is_compared_with_all_the_work() {
    let invoices = vec![invoice(1, "2026-01-15", 40_000, None), invoice(2, "2026-02-15", 50_000, None)];
    let v = value_to_date(&client(leads(WorthCounts::Monthly, (50, 100)), three_months(), invoices), d("2026-04-01"), "EUR", 2);
    assert_eq!(value_sentence(&v, "EUR", 2).unwrap(), "Value from 1 Jan 2026 to 31 Mar 2026: €1,800.00–€3,600.00, 2.0–4.0× the €900.00 invested in all work.");
    let small = vec![invoice(1, "2026-01-15", 400_000, None)];
    let v = value_to_date(&client(leads(WorthCounts::Monthly, (50, 100)), three_months(), small), d("2026-04-01"), "EUR", 2);
    assert!(!value_sentence(&v, "EUR", 2).unwrap().contains('×'), "no multiple while the value is below the spend");
}

#[test]
fn without_an_agreed_worth_value_is_not_measured() {
    let mut kpi = leads(WorthCounts::Monthly, (100, 100));
    kpi.cents_per_unit = None;
    let v = value_to_date(&client(kpi, three_months(), vec![]), d("2026-04-01"), "EUR", 2);
    assert!(!v.measured());
    assert_eq!(value_sentence(&v, "EUR", 2), None);
}

proptest! {
    /// Whatever the readings, a month counts once, the low end never passes the high end, and
    /// adding a reading earlier in a month than that month's latest changes nothing.
    #[test]
    fn a_month_never_counts_twice_and_the_range_is_ordered(
        values in proptest::collection::vec((1u32..=28, 0u32..12, 0.0f64..100.0), 0..30),
        low in 0i64..=100,
        extra in 0.0f64..100.0,
    ) {
        let readings: Vec<Measurement> = values.iter().enumerate().map(|(i, (day, month, v))| reading(i as i64, &format!("2026-{:02}-{day:02}", month + 1), *v)).collect();
        let kpi = leads(WorthCounts::Monthly, (low, 100));
        let v = value_to_date(&client(kpi.clone(), readings.clone(), vec![]), d("2027-01-01"), "EUR", 2);
        let k = &v.kpis[0];
        let mut months: Vec<&str> = k.counted.iter().map(|c| c.month.as_str()).collect();
        months.dedup();
        prop_assert_eq!(months.len(), k.counted.len());
        prop_assert!(k.counted.len() + k.missing_months.len() == 12);
        prop_assert!(k.low_cents <= k.high_cents && k.low_cents >= 0);
        if let Some(first) = k.counted.first() {
            // A reading on the 1st of that month, before its latest (days 1..=28 are drawn; day 1 may tie).
            if first.measured_on.format("%d").to_string() != "01" {
                let mut more = readings.clone();
                more.push(reading(999, &format!("{}-01", first.month), extra));
                let again = value_to_date(&client(kpi, more, vec![]), d("2027-01-01"), "EUR", 2);
                prop_assert_eq!(again.kpis[0].units, k.units);
            }
        }
    }
}
