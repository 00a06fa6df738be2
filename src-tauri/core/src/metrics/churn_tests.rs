use super::*;
use crate::book::ending::Ending;
use crate::book::survey::SurveyAnswer;
use crate::metrics::tests::{client, d, q3};

fn ended(mut c: ClientData, on: &str, reason: EndReason) -> ClientData {
    c.ending = Some(Ending { client_id: c.client.id, ended_on: d(on), reason, notes: "internal".into() });
    c.client.status = crate::book::ClientStatus::Ended;
    c
}

fn nps(c: &mut ClientData, score: i64, on: &str) {
    let id = c.survey_answers.len() as i64 + 1;
    c.survey_answers.push(SurveyAnswer { id, client_id: c.client.id, stakeholder_id: None, kind: SurveyKind::Nps, score, answered_on: d(on), comment: String::new(), followed_up_on: None });
}

/// Q3 2026 loses A (budget cut), B (no reason recorded) and C (budget cut), and G (price), who
/// started in July; E left in December 2025, inside the twelve months; F left before them; D stays.
fn book() -> Vec<ClientData> {
    let mut a = ended(client(1, &[("2025-01-01", Some("2026-08-15"), 100_000)]), "2026-08-15", EndReason::BudgetCut);
    nps(&mut a, 3, "2026-06-01");
    nps(&mut a, 9, "2026-09-01"); // after they left: not counted
    let b = client(2, &[("2025-07-01", Some("2026-09-29"), 100_000)]);
    let c = ended(client(3, &[("2024-01-01", Some("2026-08-31"), 200_000)]), "2026-08-31", EndReason::BudgetCut);
    let mut d_ = client(4, &[("2024-01-01", None, 300_000)]);
    nps(&mut d_, 10, "2026-09-10");
    let e = ended(client(5, &[("2025-02-01", Some("2025-12-31"), 50_000)]), "2025-12-31", EndReason::Results);
    let f = ended(client(6, &[("2024-01-01", Some("2025-06-30"), 50_000)]), "2025-06-30", EndReason::Price);
    let g = ended(client(7, &[("2026-07-15", Some("2026-09-01"), 80_000)]), "2026-09-01", EndReason::Price);
    vec![a, b, c, d_, e, f, g]
}

fn band_on(c: &ClientData, day: NaiveDate) -> Band {
    match c.client.id {
        1 if day == d("2026-07-16") => Band::Red, // 30 days before 15 Aug
        3 if day == d("2026-08-01") => Band::Amber,
        4 if day == d("2026-09-30") => Band::Green,
        1 | 3 | 4 => panic!("health asked on the wrong day: {day} for {}", c.client.id),
        _ => Band::Unknown,
    }
}

#[test]
fn every_client_who_left_in_the_period_is_counted_under_its_reason() {
    let book = book();
    let refs: Vec<&ClientData> = book.iter().collect();
    let churn = churn(&refs, &q3(), d("2026-11-26"), 3, &band_on);
    let portfolio = super::super::portfolio(&book, &q3(), d("2026-11-26"), 3, 0);
    assert_eq!((churn.lost, churn.lost_from_start), (4, 3), "G started and left within the quarter");
    assert_eq!(churn.lost_from_start, portfolio.logo_churn.part, "those who were clients on the first day are logo churn's count");
    let rows: Vec<(Option<EndReason>, &str, Vec<&str>, i64)> =
        churn.reasons.iter().map(|r| (r.reason, r.label.as_str(), r.clients.iter().map(String::as_str).collect(), r.mrr_cents)).collect();
    assert_eq!(
        rows,
        vec![
            (Some(EndReason::BudgetCut), "Their budget was cut", vec!["Client 1", "Client 3"], 300_000),
            // One client each: a reason given comes before one not recorded.
            (Some(EndReason::Price), "Price", vec!["Client 7"], 80_000),
            (None, "Not recorded yet", vec!["Client 2"], 100_000),
        ]
    );
    assert_eq!(churn.reasons.iter().map(|r| r.clients.len() as u32).sum::<u32>(), churn.lost);
}

#[test]
fn the_years_lost_clients_are_set_against_the_kept_ones() {
    let book = book();
    let refs: Vec<&ClientData> = book.iter().collect();
    let c = churn(&refs, &q3(), d("2026-11-26"), 3, &band_on).compared;
    assert_eq!((c.since, c.until), (d("2025-10-01"), d("2026-09-30")));
    // Lost: G 2 months, E 11, B 15, A 19, C 32 (F left before the twelve months).
    assert_eq!((c.lost.clients, c.lost.median_tenure_months), (5, Some(15)));
    assert_eq!((c.kept.clients, c.kept.median_tenure_months), (1, Some(33)));
    assert_eq!((c.lost.mean_nps_answer, c.lost.nps_answers), (Some(3.0), 1), "A's answer after leaving is not theirs to count");
    assert_eq!((c.kept.mean_nps_answer, c.kept.nps_answers), (Some(10.0), 1));
    // A was red and C amber a month before they left; B's, E's and G's could not be judged.
    assert_eq!((c.lost.amber_or_red.part, c.lost.amber_or_red.whole), (2, 2));
    assert_eq!((c.kept.amber_or_red.part, c.kept.amber_or_red.whole), (0, 1));
    assert_eq!(c.lost.paid_on_time.whole, 0, "no invoices: no figure, never 0 %");
}

#[test]
fn the_owners_last_day_places_the_loss_and_a_client_who_came_back_has_no_reason() {
    // The project ended on 30 Jun, but the owner says the work went on until 15 Aug: a Q3 loss.
    let late = ended(client(1, &[("2025-01-01", Some("2026-06-30"), 100_000)]), "2026-08-15", EndReason::ProjectEnded);
    let refs = vec![&late];
    let found = churn(&refs, &q3(), d("2026-11-26"), 3, &|_, _| Band::Unknown);
    assert_eq!((found.lost, found.lost_from_start, found.reasons[0].reason), (1, 0, Some(EndReason::ProjectEnded)));
    // Ended once, back as a client, then lapsed: the old reason is not theirs any more.
    let mut back = ended(client(2, &[("2025-01-01", Some("2026-08-31"), 100_000)]), "2025-06-30", EndReason::Price);
    back.client.status = crate::book::ClientStatus::Active;
    let refs = vec![&back];
    assert_eq!(churn(&refs, &q3(), d("2026-11-26"), 3, &|_, _| Band::Unknown).reasons[0].reason, None);
}

#[test]
fn a_period_that_lost_nobody_lists_no_reasons() {
    let book = vec![client(1, &[("2024-01-01", None, 100_000)])];
    let refs: Vec<&ClientData> = book.iter().collect();
    let churn = churn(&refs, &q3(), d("2026-11-26"), 3, &|_, _| Band::Green);
    assert_eq!((churn.lost, churn.reasons.len(), churn.compared.lost.clients, churn.compared.lost.median_tenure_months), (0, 0, 0, None));
}
