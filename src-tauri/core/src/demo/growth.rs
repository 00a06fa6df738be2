//! The demo's hours used, expansion ideas, risks, QBR notes, asks and why results moved. They draw from their own generator
//! (seeded by the client's id), so adding them left the rest of the demo book unchanged.

use chrono::NaiveDate;
use rusqlite::{params, Transaction};

use super::history::Archetype;
use super::rng::Rng;
use crate::book::growth::{OpportunityFields, OpportunityKind, OpportunityStage};
use crate::book::month::Month;
use crate::book::quarter::Quarter;
use crate::book::risk::RiskFields;
use crate::error::Result;
use crate::store::growth;

pub struct Growth {
    pub client_id: i64,
    pub archetype: Archetype,
    pub start: NaiveDate,
    pub last_day: NaiveDate,
    pub retainer: bool,
    pub fiscal_year_start: u32,
}

pub fn write(tx: &Transaction<'_>, g: &Growth, seed: u64, today: NaiveDate, now: &str) -> Result<()> {
    let mut rng = Rng::new(seed ^ (g.client_id as u64).wrapping_mul(0x9E37_79B9));
    if g.retainer {
        let mut month = Month::of(g.start);
        while month.first_day() <= g.last_day {
            let hundredths = rng.between(12, 34) * 100 + rng.between(0, 3) * 25;
            tx.prepare_cached("INSERT INTO hours_used (client_id, month, hundredths) VALUES (?1, ?2, ?3)")?.execute(params![g.client_id, month.key(), hundredths])?;
            month = month.next();
        }
    }
    let ideas: &[(OpportunityKind, &str, OpportunityStage, bool)] = match g.archetype {
        Archetype::Healthy => &[
            (OpportunityKind::CrossSell, "Monthly email newsletter to past customers", OpportunityStage::Proposed, true),
            (OpportunityKind::Upsell, "Add paid social to the retainer", OpportunityStage::Won, false),
        ],
        Archetype::LatePayer | Archetype::Project => &[(OpportunityKind::NewProject, "Refresh of the booking flow", OpportunityStage::Idea, true)],
        Archetype::Drifting => &[(OpportunityKind::PriceIncrease, "Review the retainer price at renewal", OpportunityStage::Idea, false)],
        _ => &[],
    };
    for &(kind, title, stage, show_client) in ideas {
        let opened_on = today - chrono::Days::new(rng.between(20, 80) as u64);
        let closed_on = (stage == OpportunityStage::Won).then(|| today - chrono::Days::new(rng.between(1, 15) as u64));
        let f = OpportunityFields { kind, title: title.into(), value_cents: rng.between(8, 40) * 100_00, stage, opened_on, closed_on, show_client };
        growth::upsert_opportunity(tx, g.client_id, None, &f, now)?;
    }
    risks(tx, g, today, now)?;
    if matches!(g.archetype, Archetype::Healthy | Archetype::LatePayer) {
        let quarter = Quarter::containing(today, g.fiscal_year_start).previous();
        tx.prepare_cached("INSERT INTO qbr_note (client_id, quarter, working, not_working, adjust, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?.execute(params![
            g.client_id,
            quarter.key(),
            "The landing pages built around your goal convert best; search traffic keeps climbing month on month.",
            "The display ads brought visits but almost no enquiries: they cost a third of the budget for a tenth of the results.",
            "We move budget from the lowest-performing ads into content, and review the numbers with you every two weeks.",
            now
        ])?;
    }
    asks_and_reasons(tx, g, today, now)
}

/// What the studio waits for from some clients (open, late, or done) and, for the healthy
/// ones, the owner's words for why their first result moved last month and last quarter. No
/// random draws: the rest of the demo book stays as it was.
fn asks_and_reasons(tx: &Transaction<'_>, g: &Growth, today: NaiveDate, now: &str) -> Result<()> {
    let contact: String = tx
        .query_row("SELECT name FROM stakeholder WHERE client_id = ?1 ORDER BY is_primary DESC, id LIMIT 1", [g.client_id], |r| r.get(0))
        .unwrap_or_default();
    let day = |days: i64| today.checked_add_signed(chrono::Duration::days(days)).unwrap_or(today).to_string();
    let asks: &[(&str, i64, i64, &str, Option<i64>)] = match g.archetype {
        Archetype::Healthy => &[
            ("Approve next quarter's content calendar", -6, 9, "the first posts go out a week later", None),
            ("Share the website analytics login", -40, -30, "", Some(-33)),
        ],
        Archetype::LatePayer => &[("Confirm the new billing contact", -12, 5, "invoices keep going to the old address", None)],
        Archetype::Drifting => &[("Send last month's sales figures", -20, -6, "we cannot report progress on your goal", None)],
        _ => &[],
    };
    for &(what, asked, due, if_late, done) in asks {
        tx.prepare_cached("INSERT INTO client_ask (client_id, what, who, asked_on, due_on, if_late, done_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?
            .execute(params![g.client_id, what, contact, day(asked), day(due), if_late, done.map(day), now])?;
    }
    if g.archetype == Archetype::Healthy {
        // They shared their budget for the studio's work: a year of the retainer and a month more.
        tx.execute("UPDATE client SET annual_budget_cents = (SELECT max(monthly_cents) * 13 FROM contract WHERE client_id = ?1 AND monthly_cents > 0) WHERE id = ?1", [g.client_id])?;
        let kpi: Option<i64> = tx.query_row("SELECT id FROM kpi WHERE client_id = ?1 ORDER BY position, id LIMIT 1", [g.client_id], |r| r.get(0)).ok();
        let quarter = Quarter::containing(today, g.fiscal_year_start).previous();
        let month = Month::of(today).previous();
        for (period, why) in [(quarter.key(), "The new landing pages went live in the second month, and the search campaign was refocused on the pages that convert."), (month.key(), "The autumn campaign ran for the whole month.")] {
            if let Some(kpi) = kpi {
                tx.prepare_cached("INSERT INTO kpi_note (kpi_id, period, why, updated_at) VALUES (?1, ?2, ?3, ?4)")?.execute(params![kpi, period, why, now])?;
            }
        }
    }
    Ok(())
}

/// The account plan's risks: a healthy client's budget review, planned for and shared in last
/// quarter's QBR; a drifting client's quiet team, raised but with no plan yet (a review item).
fn risks(tx: &Transaction<'_>, g: &Growth, today: NaiveDate, now: &str) -> Result<()> {
    let last_quarter = Quarter::containing(today, g.fiscal_year_start).previous().first_day();
    let risk = match g.archetype {
        Archetype::Healthy => RiskFields {
            title: "Your marketing budget is reviewed in the new year".into(),
            mitigation: "We share the year's results with your finance team before the review".into(),
            owner: "Account lead".into(),
            raised_on: last_quarter + chrono::Days::new(14),
            closed_on: None,
            show_client: true,
        },
        Archetype::Drifting => RiskFields {
            title: "Fewer replies from their team since the summer".into(),
            mitigation: String::new(),
            owner: String::new(),
            raised_on: today - chrono::Days::new(10),
            closed_on: None,
            show_client: false,
        },
        _ => return Ok(()),
    };
    crate::store::risks::upsert_risk(tx, g.client_id, None, &risk, now).map(|_| ())
}
