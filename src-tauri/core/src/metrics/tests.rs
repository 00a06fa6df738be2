use chrono::NaiveDate;

use super::*;
use crate::book::contract::{Contract, ContractKind};
use crate::book::{Client, ClientStatus, SuccessPlan};

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(super) fn client(id: i64, contracts: &[(&str, Option<&str>, i64)]) -> ClientData {
    let client = Client {
            id,
            name: format!("Client {id}"),
            status: ClientStatus::Active,
            goal: String::new(),
            start_date: d(contracts.first().map_or("2025-01-01", |c| c.0)),
            notes: String::new(),
            archived_at: None,
            plan: SuccessPlan { cadence_days: None, owner: String::new(), recap: String::new(), fiscal_year_start: 1, annual_budget_cents: None },
            created_at: String::new(),
            updated_at: String::new(),
    };
    ClientData {
        contracts: contracts
            .iter()
            .enumerate()
            .map(|(i, (start, end, monthly))| Contract {
                id: id * 10 + i as i64,
                client_id: id,
                kind: ContractKind::Retainer,
                service_line: String::new(),
                monthly_cents: *monthly,
                fixed_cents: 0,
                start_date: d(start),
                end_date: end.map(d),
                renewal_date: None,
                notice_days: 30,
                included_hundredths: 0,
                unused_hours: crate::book::contract::UnusedHours::NotAgreed,
            })
            .collect(),
        ..ClientData::new(client)
    }
}

pub(super) fn q3() -> Period {
    Period::parse("period", "2026-Q3", 1).unwrap()
}

/// DOMAIN.md: 40 clients at the start of the quarter, 42 at the end, 6 of them new → 36
/// retained → retention 90 %, churn 10 %.
#[test]
fn the_worked_example_of_logo_retention() {
    let mut book = Vec::new();
    for i in 0..36 {
        book.push(client(i, &[("2025-01-01", None, 100_000)]));
    }
    for i in 36..40 {
        book.push(client(i, &[("2025-01-01", Some("2026-08-15"), 100_000)]));
    }
    for i in 40..46 {
        book.push(client(i, &[("2026-08-01", None, 50_000)]));
    }
    let m = portfolio(&book, &q3(), d("2026-11-26"), 3, 0);
    assert_eq!((m.start_clients, m.end_clients, m.new_clients), (40, 42, 6));
    assert_eq!((m.logo_retention.part, m.logo_retention.whole), (36, 40));
    assert_eq!(m.logo_retention.value, Some(0.9));
    assert_eq!(m.logo_churn.value, Some(0.1));
    assert_eq!(m.churned_cents, 400_000);
    assert_eq!(m.nrr, Some(0.9));
}

#[test]
fn revenue_movements_add_up_and_grr_ignores_expansion() {
    let book = vec![
        client(1, &[("2025-01-01", None, 100_000), ("2026-08-01", None, 50_000)]), // expands by 500
        client(2, &[("2025-01-01", Some("2026-07-31"), 200_000), ("2026-08-01", None, 150_000)]), // contracts by 500
        client(3, &[("2025-01-01", Some("2026-08-31"), 100_000)]), // churns
        client(4, &[("2026-09-01", None, 300_000)]), // new: not in the cohort
    ];
    let m = portfolio(&book, &q3(), d("2026-11-26"), 3, 0);
    assert_eq!((m.mrr_start_cents, m.cohort_mrr_end_cents, m.mrr_end_cents), (400_000, 300_000, 600_000));
    assert_eq!((m.expansion_cents, m.contraction_cents, m.churned_cents), (50_000, 50_000, 100_000));
    assert_eq!(m.mrr_start_cents + m.expansion_cents - m.contraction_cents - m.churned_cents, m.cohort_mrr_end_cents);
    assert_eq!(m.nrr, Some(0.75));
    assert_eq!(m.grr, Some(250_000.0 / 400_000.0));
    // Revenue churn: 500 contracted + 1,000 churned of 4,000 at the start.
    assert_eq!(m.revenue_churn, Some(150_000.0 / 400_000.0));
    assert_eq!(m.arpa_cents, 200_000);
}

#[test]
fn nps_counts_each_respondent_once_with_their_latest_answer() {
    use crate::book::survey::{SurveyAnswer, SurveyKind};
    let answer = |id, client_id, who: Option<i64>, on: &str, score| SurveyAnswer { id, client_id, stakeholder_id: who, kind: SurveyKind::Nps, score, answered_on: d(on), comment: String::new(), followed_up_on: None };
    let mut a = client(1, &[("2025-01-01", None, 1)]);
    a.survey_answers = vec![answer(1, 1, Some(7), "2026-07-01", 3), answer(2, 1, Some(7), "2026-09-01", 10), answer(3, 1, Some(8), "2026-08-01", 8)];
    let mut b = client(2, &[("2025-01-01", None, 1)]);
    b.survey_answers = vec![answer(4, 2, None, "2026-08-01", 2), answer(5, 2, None, "2026-10-05", 10)];
    let m = portfolio(&[a, b], &q3(), d("2026-11-26"), 3, 0);
    assert_eq!((m.nps.promoters, m.nps.passives, m.nps.detractors, m.nps.responses), (1, 1, 1, 3));
    assert_eq!(m.nps.score, Some(0));
}

#[test]
fn no_data_is_none_never_zero() {
    let m = portfolio(&[], &q3(), d("2026-11-26"), 3, 0);
    assert_eq!((m.logo_retention.value, m.nrr, m.nps.score, m.ces, m.median_ttfv_days), (None, None, None, None, None));
    assert!(m.lifetime.projected_cents.is_none() && m.lifetime.method.starts_with("Not enough history"));
}

#[test]
fn periods_parse_in_every_form_and_step_back() {
    let p = Period::parse("period", "2026-10", 1).unwrap();
    assert_eq!((p.start, p.end, p.label.as_str()), (d("2026-10-01"), d("2026-11-01"), "October 2026"));
    assert_eq!(Period::parse("period", "2026-q3", 1).unwrap().previous().start, d("2026-04-01"));
    assert_eq!(Period::parse("period", "2026", 1).unwrap().end, d("2027-01-01"));
    let custom = Period::parse("period", "2026-01-10..2026-01-20", 1).unwrap();
    assert_eq!(custom.previous().start, d("2025-12-31"));
    for bad in ["2026-13", "soon", "2026-02-01..2026-01-01"] {
        assert_eq!(Period::parse("period", bad, 1).unwrap_err().field.as_deref(), Some("period"), "{bad}");
    }
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn arb_book() -> impl Strategy<Value = Vec<ClientData>> {
        // Up to 12 clients, each with up to 3 retainers starting and ending around the period.
        let contract = (0i64..400, proptest::option::of(0i64..400), 0i64..500_000);
        proptest::collection::vec(proptest::collection::vec(contract, 0..3), 0..12).prop_map(|clients| {
            clients
                .into_iter()
                .enumerate()
                .map(|(i, contracts)| {
                    let base = d("2026-05-01");
                    let owned: Vec<(String, Option<String>, i64)> = contracts
                        .into_iter()
                        .map(|(s, len, m)| {
                            let start = base + chrono::Days::new(s as u64);
                            (start.to_string(), len.map(|l| (start + chrono::Days::new(l as u64)).to_string()), m)
                        })
                        .collect();
                    let refs: Vec<(&str, Option<&str>, i64)> = owned.iter().map(|(s, e, m)| (s.as_str(), e.as_deref(), *m)).collect();
                    client(i as i64, &refs)
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn nps_stays_within_its_range_for_any_answers(scores in proptest::collection::vec((0i64..=10, proptest::option::of(0i64..4)), 0..40)) {
            use crate::book::survey::{SurveyAnswer, SurveyKind};
            let mut c = client(1, &[("2025-01-01", None, 1)]);
            c.survey_answers = scores.iter().enumerate().map(|(i, (score, who))| SurveyAnswer { id: i as i64, client_id: 1, stakeholder_id: *who, kind: SurveyKind::Nps, score: *score, answered_on: d("2026-08-01") + chrono::Days::new(i as u64), comment: String::new(), followed_up_on: None }).collect();
            let m = portfolio(&[c], &q3(), d("2026-11-26"), 3, 0);
            if let Some(nps) = m.nps.score {
                prop_assert!((-100..=100).contains(&nps));
            }
            prop_assert_eq!(m.nps.promoters + m.nps.passives + m.nps.detractors, m.nps.responses);
            prop_assert!(m.nps.responses <= 5, "each respondent once");
        }

        #[test]
        fn revenue_identity_and_bounds_hold_for_any_book(book in arb_book()) {
            let m = portfolio(&book, &q3(), d("2026-11-26"), 3, 0);
            prop_assert_eq!(m.mrr_start_cents + m.expansion_cents - m.contraction_cents - m.churned_cents, m.cohort_mrr_end_cents);
            prop_assert_eq!(m.logo_retention.part + m.logo_churn.part, m.start_clients);
            if let (Some(r), Some(c)) = (m.logo_retention.value, m.logo_churn.value) {
                prop_assert!((r + c - 1.0).abs() < 1e-12, "retention + churn = 1");
            }
            if let Some(grr) = m.grr {
                prop_assert!((0.0..=1.0).contains(&grr));
                prop_assert!(m.nrr.unwrap_or(0.0) >= grr - 1e-12);
            }
        }
    }
}

#[test]
fn the_view_compares_with_the_previous_period_and_trends_twelve_months() {
    let book = vec![client(1, &[("2025-01-01", None, 100_000)]), client(2, &[("2026-06-15", None, 50_000)])];
    let v = portfolio_view(&book, &q3(), d("2026-11-26"), 3, 0, &|c| if c.client.id == 1 { Segment::Champion } else { Segment::Steady }, &|_, _| crate::health::Band::Unknown);
    assert_eq!(v.previous.period.start, d("2026-04-01"));
    assert_eq!(v.trend.len(), 12);
    assert_eq!((v.trend[0].label.as_str(), v.trend[11].label.as_str()), ("Oct", "Sep"));
    assert_eq!((v.trend[7].mrr_cents, v.trend[8].mrr_cents), (100_000, 150_000), "May, then June with the new client");
}

#[test]
fn groups_split_the_book_by_segment_service_and_tenure() {
    let mut old = client(1, &[("2023-01-01", None, 100_000)]);
    old.contracts[0].service_line = "SEO".into();
    let answer = |id, client_id, kind, score| crate::book::survey::SurveyAnswer { id, client_id, stakeholder_id: None, kind, score, answered_on: d("2026-08-10"), comment: String::new(), followed_up_on: None };
    old.survey_answers = vec![answer(1, 1, crate::book::survey::SurveyKind::Nps, 10), answer(2, 1, crate::book::survey::SurveyKind::Csat, 5)];
    let mut young = client(2, &[("2026-06-15", None, 50_000)]);
    young.survey_answers = vec![answer(3, 2, crate::book::survey::SurveyKind::Nps, 3), answer(4, 2, crate::book::survey::SurveyKind::Csat, 2)];
    let v = portfolio_view(&[old, young], &q3(), d("2026-11-26"), 3, 0, &|c| if c.client.id == 1 { Segment::Champion } else { Segment::Steady }, &|_, _| crate::health::Band::Unknown);
    let find = |dim: &str, group: &str| v.groups.iter().find(|g| g.dimension == dim && g.group == group).unwrap_or_else(|| panic!("{dim}/{group} in {:?}", v.groups));
    assert_eq!(find("Segment", "Champion").mrr_end_cents, 100_000);
    assert_eq!(find("Service", "SEO").clients, 1);
    assert_eq!(find("Service", "No service line").mrr_end_cents, 50_000);
    assert_eq!(find("Client for", "Over 2 years").clients, 1);
    assert_eq!(find("Client for", "Under 6 months").clients, 1);
    // NPS and CSAT per group: the champion promotes and is satisfied, the newcomer neither.
    assert_eq!((find("Segment", "Champion").nps.score, find("Segment", "Steady").nps.score), (Some(100), Some(-100)));
    assert_eq!((find("Service", "SEO").csat.part, find("Service", "SEO").csat.whole, find("Service", "No service line").csat.part), (1, 1, 0));
}

#[test]
fn the_referral_rate_is_the_share_of_new_clients_referred() {
    use crate::book::referral::Referral;
    let old = client(1, &[("2025-01-01", None, 100_000)]);
    let mut referred = client(2, &[("2026-08-01", None, 50_000)]);
    referred.referrals = vec![Referral { id: 1, from_client_id: 1, from_client: "Client 1".into(), to_client_id: 2, to_client: "Client 2".into(), referred_on: d("2026-07-20") }];
    let walk_in = client(3, &[("2026-09-01", None, 50_000)]);
    let m = portfolio(&[old, referred, walk_in], &q3(), d("2026-11-26"), 3, 0);
    assert_eq!((m.referral_rate.part, m.referral_rate.whole), (1, 2));
}

#[test]
fn fiscal_quarters_and_the_other_worked_examples() {
    let fy = Period::parse("period", "2027-Q2", 4).unwrap();
    assert_eq!((fy.start, fy.end, fy.label.as_str()), (d("2026-07-01"), d("2026-10-01"), "Q2 FY2027"));
    // 50 clients at the start, 5 lost → churn 10 %.
    let mut book: Vec<ClientData> = (0..45).map(|i| client(i, &[("2025-01-01", None, 1)])).collect();
    book.extend((45..50).map(|i| client(i, &[("2025-01-01", Some("2026-08-31"), 1)])));
    let m = portfolio(&book, &q3(), d("2026-11-26"), 3, 0);
    assert_eq!(m.logo_churn.value, Some(0.1));
    // $2,000 a year (in cents a month) for 15 years, minus $1,500 acquisition cost.
    assert_eq!(projected_value(2_000_00, 15.0, 1_500_00), 2_850_000, "the annual form: 2,000 × 15 − 1,500 = 28,500");
}
