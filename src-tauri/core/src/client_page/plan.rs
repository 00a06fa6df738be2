//! The success plan as plain text the owner can copy into an email or save as a file for the
//! client: goal, how it is measured, milestones, cadence and the owner's written recap.
//! Client-facing, so it carries nothing internal (no notes, health or segment).

use std::fmt::Write;

use super::ClientData;
use crate::report::format;

pub fn plan_text(data: &ClientData, studio: &str) -> String {
    let c = &data.client;
    let mut out = String::new();
    let _ = writeln!(out, "Success plan — {}", c.name);
    let by = if c.plan.owner.is_empty() { studio.to_owned() } else { format!("{} ({studio})", c.plan.owner) };
    let _ = writeln!(out, "Prepared by {by}");
    let _ = writeln!(out, "\nYour goal, in your words\n{}", if c.goal.is_empty() { "(not written down yet)" } else { &c.goal });
    if !data.kpis.is_empty() {
        let _ = writeln!(out, "\nHow we will measure it");
        for k in &data.kpis {
            let unit = |v: f64| if k.unit.is_empty() { format::number(v) } else { format!("{} {}", format::number(v), k.unit) };
            let _ = writeln!(
                out,
                "• {}: from {} ({}) to {} by {}",
                k.name,
                unit(k.baseline),
                format::date(k.baseline_date),
                unit(k.target),
                format::date(k.target_date)
            );
        }
    }
    let mut milestones: Vec<_> = data.milestones.iter().collect();
    milestones.sort_by_key(|m| m.due_on);
    if !milestones.is_empty() {
        let _ = writeln!(out, "\nMilestones");
        for m in milestones {
            let when = match m.done_on {
                Some(done) => format!("done {}", format::date(done)),
                None => format!("due {}", format::date(m.due_on)),
            };
            let _ = writeln!(out, "• {} — {when}", m.title);
        }
    }
    if let Some(days) = c.plan.cadence_days {
        let _ = writeln!(out, "\nWe check in with you every {days} days.");
    }
    if !c.plan.recap.is_empty() {
        let _ = writeln!(out, "\n{}", c.plan.recap);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::activity::Milestone;
    use crate::book::kpi::{Direction, Kpi};

    fn d(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_plan_reads_goal_kpis_milestones_cadence_and_recap_but_no_internal_notes() {
        let mut data = ClientData::sample(1, "Harbour Bakery");
        data.client.goal = "More weekday orders".into();
        data.client.notes = "INTERNAL: thinks we are pricey".into();
        data.client.plan.owner = "Mia Fox".into();
        data.client.plan.recap = "We agreed to focus on lunch.".into();
        data.kpis = vec![Kpi {
            id: 1,
            client_id: 1,
            name: "Weekday orders".into(),
            unit: "orders".into(),
            direction: Direction::Up,
            baseline: 120.0,
            target: 1500.5,
            baseline_date: d("2026-01-05"),
            target_date: d("2026-12-31"),
            cents_per_unit: None,
            worth_counts: crate::book::kpi::WorthCounts::Monthly, share_low_pct: 100, share_high_pct: 100, below_baseline_counts: false,
        }];
        data.milestones = vec![
            Milestone { id: 2, client_id: 1, title: "Loyalty card".into(), due_on: d("2026-06-01"), done_on: None, first_value: false },
            Milestone { id: 1, client_id: 1, title: "Lunch page".into(), due_on: d("2026-02-01"), done_on: Some(d("2026-02-03")), first_value: true },
        ];
        let text = plan_text(&data, "Fox & Finch");
        assert!(text.starts_with("Success plan — Harbour Bakery\nPrepared by Mia Fox (Fox & Finch)\n"), "{text}");
        assert!(text.contains("• Weekday orders: from 120 orders (5 Jan 2026) to 1,500.5 orders by 31 Dec 2026"), "{text}");
        let lunch = text.find("Lunch page — done 3 Feb 2026").expect("done milestone");
        assert!(lunch < text.find("Loyalty card — due 1 Jun 2026").expect("due milestone"), "milestones in date order");
        assert!(text.contains("every 14 days") && text.ends_with("We agreed to focus on lunch.\n"));
        assert!(!text.contains("INTERNAL"));
    }
}
