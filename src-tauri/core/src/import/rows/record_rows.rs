//! Rows of a client's delivery and growth record: milestones (and which one marks first value),
//! deliverables, issues, opportunities, the account plan's risks, testimonials and who introduced them.

use super::*;
use crate::book::activity::{ComplaintInput, ComplaintTag, DeliverableInput, MilestoneInput};
use crate::book::growth::{OpportunityInput, OpportunityKind, OpportunityStage, TestimonialInput};
use crate::book::risk::RiskInput;
use crate::store::referrals;

pub fn milestone(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let first_value = c.field(yes_no("first_value", &cells.get("first_value"), false));
    let input = MilestoneInput { title: cells.get("title"), due_on: cells.date("due_on", cx), done_on: cells.date("done_on", cx), first_value };
    let f = c.field(input.validate().map(Some));
    let (Some((client_id, client)), Some(f)) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, title, due_on, done_on, first_value FROM milestone WHERE client_id = ?1 AND name_key(title) = name_key(?2)",
        vec![Value::Integer(client_id), text_value(&f.title)],
    )?;
    let new = vec![text_value(&f.title), Value::Text(iso(f.due_on)), opt_text(f.done_on.map(iso)), Value::Integer(i64::from(f.first_value))];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        let id = existing.map(|e| e.0);
        if f.first_value {
            // One milestone marks first value: the row's takes the mark, as in the app's form.
            cx.tx
                .prepare_cached("UPDATE milestone SET first_value = 0 WHERE client_id = ?1 AND id IS NOT ?2")
                .and_then(|mut s| s.execute(rusqlite::params![client_id, id]))
                .map_err(Error::from)?;
        }
        activity::upsert_milestone(cx.tx, client_id, id, &f, cx.now)?;
    }
    let done = f.done_on.map_or_else(|| format!("due {}", f.due_on), |d| format!("done {d}"));
    let mark = if f.first_value { " · first value" } else { "" };
    Ok((result, format!("{client}: {} ({done}){mark}", f.title)))
}

/// A deliverable: matched by its title and day. The KPI it works toward is the file's `kpi`
/// column when the file has one (blank: none); a file without it keeps the link made in the app.
pub fn deliverable(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let input = DeliverableInput { title: cells.get("title"), delivered_on: cells.date("delivered_on", cx), kpi_id: None };
    let f = c.field(input.validate().map(Some));
    let kpi = cells.get("kpi");
    let kpi_id = match &found {
        Some((client_id, client)) if !kpi.trim().is_empty() => c.field(kpi_for(cx, *client_id, client, &kpi).map(Some)),
        _ => None,
    };
    let (Some((client_id, client)), Some(mut f)) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, title, delivered_on, kpi_id FROM deliverable WHERE client_id = ?1 AND name_key(title) = name_key(?2) AND delivered_on = ?3",
        vec![Value::Integer(client_id), text_value(&f.title), Value::Text(iso(f.delivered_on))],
    )?;
    f.kpi_id = match (cells.index.contains_key("kpi"), &existing) {
        (true, _) => kpi_id,
        (false, Some((_, old))) => match old.last() {
            Some(Value::Integer(id)) => Some(*id),
            _ => None,
        },
        (false, None) => None,
    };
    let new = vec![text_value(&f.title), Value::Text(iso(f.delivered_on)), opt_int(f.kpi_id)];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        activity::upsert_deliverable(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    let toward = if kpi.trim().is_empty() { String::new() } else { format!(" · for {}", kpi.trim()) };
    Ok((result, format!("{client}: {} (delivered {}){toward}", f.title, f.delivered_on)))
}

/// An issue or complaint: matched by the day it was opened and its summary.
pub fn issue(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let tag = c.field(choice("tag", &cells.get("tag"), Some(ComplaintTag::Other), ComplaintTag::ALL, ComplaintTag::as_str).map(Some)).unwrap_or(ComplaintTag::Other);
    let input = ComplaintInput { opened_on: cells.date("opened_on", cx), closed_on: cells.date("closed_on", cx), tag, summary: cells.get("summary") };
    let f = c.field(input.validate().map(Some));
    let (Some((client_id, client)), Some(f)) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, opened_on, closed_on, tag, summary FROM complaint WHERE client_id = ?1 AND opened_on = ?2 AND name_key(summary) = name_key(?3)",
        vec![Value::Integer(client_id), Value::Text(iso(f.opened_on)), text_value(&f.summary)],
    )?;
    let new = vec![Value::Text(iso(f.opened_on)), opt_text(f.closed_on.map(iso)), text_value(f.tag.as_str()), text_value(&f.summary)];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        activity::upsert_complaint(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    let state = f.closed_on.map_or_else(|| "open".to_owned(), |d| format!("closed {d}"));
    Ok((result, format!("{client}: {} issue opened {} ({state})", f.tag.as_str(), f.opened_on)))
}

/// An opportunity: matched by its title. Kind and stage default to other and idea; it is shown
/// to the client only when the file says so.
pub fn opportunity(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let kind = c.field(choice("kind", &cells.get("kind"), Some(OpportunityKind::Other), OpportunityKind::ALL, OpportunityKind::as_str).map(Some));
    let stage = c.field(choice("stage", &cells.get("stage"), Some(OpportunityStage::Idea), OpportunityStage::ALL, OpportunityStage::as_str).map(Some));
    let show_client = c.field(yes_no("show_client", &cells.get("show_client"), false));
    let input = OpportunityInput {
        kind: kind.unwrap_or(OpportunityKind::Other),
        title: cells.get("title"),
        value: cells.get("value"),
        stage: stage.unwrap_or(OpportunityStage::Idea),
        opened_on: cells.date("opened_on", cx),
        closed_on: cells.date("closed_on", cx),
        show_client,
    };
    let f = c.field(input.validate(cx.minor_digits).map(Some));
    let (Some((client_id, client)), Some(f)) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, kind, title, value_cents, stage, opened_on, closed_on, show_client FROM opportunity WHERE client_id = ?1 AND name_key(title) = name_key(?2)",
        vec![Value::Integer(client_id), text_value(&f.title)],
    )?;
    let new = vec![
        text_value(f.kind.as_str()),
        text_value(&f.title),
        Value::Integer(f.value_cents),
        text_value(f.stage.as_str()),
        Value::Text(iso(f.opened_on)),
        opt_text(f.closed_on.map(iso)),
        Value::Integer(i64::from(f.show_client)),
    ];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        growth::upsert_opportunity(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    let shown = if f.show_client { " · shown to the client" } else { "" };
    Ok((result, format!("{client}: {} ({}){shown}", f.title, f.stage.as_str())))
}

/// A risk of the account plan: matched by its title. Shown to the client only when the file says
/// so, and then only with its mitigation written (the same rule as the app's form).
pub fn risk(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let show_client = c.field(yes_no("show_client", &cells.get("show_client"), false));
    let input = RiskInput {
        title: cells.get("title"),
        mitigation: cells.get("mitigation"),
        owner: cells.get("owner"),
        raised_on: cells.date("raised_on", cx),
        closed_on: cells.date("closed_on", cx),
        show_client,
    };
    let f = c.field(input.validate().map(Some));
    let (Some((client_id, client)), Some(f)) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, title, mitigation, owner, raised_on, closed_on, show_client FROM account_risk WHERE client_id = ?1 AND name_key(title) = name_key(?2)",
        vec![Value::Integer(client_id), text_value(&f.title)],
    )?;
    let new = vec![
        text_value(&f.title),
        text_value(&f.mitigation),
        text_value(&f.owner),
        Value::Text(iso(f.raised_on)),
        opt_text(f.closed_on.map(iso)),
        Value::Integer(i64::from(f.show_client)),
    ];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        crate::store::risks::upsert_risk(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    let shown = if f.show_client { " · shown to the client" } else { "" };
    Ok((result, format!("{client}: risk “{}”{shown}", f.title)))
}

/// A testimonial: matched by the day it was asked for.
pub fn testimonial(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let input = TestimonialInput { asked_on: cells.date("asked_on", cx), received_on: cells.date("received_on", cx), quote: cells.get("quote") };
    let f = c.field(input.validate().map(Some));
    let (Some((client_id, client)), Some((asked, received, quote))) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, asked_on, received_on, quote FROM testimonial WHERE client_id = ?1 AND asked_on = ?2",
        vec![Value::Integer(client_id), Value::Text(iso(asked))],
    )?;
    let new = vec![Value::Text(iso(asked)), opt_text(received.map(iso)), text_value(&quote)];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        growth::upsert_testimonial(cx.tx, client_id, existing.map(|e| e.0), asked, received, &quote)?;
    }
    let state = received.map_or_else(|| format!("asked {asked}"), |d| format!("received {d}"));
    Ok((result, format!("{client}: testimonial {state}")))
}

/// Who introduced a client: one per client (the row's `client` is the one introduced).
pub fn referral(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let by = c.field(client_in(cx, cells, "referred_by").map(Some));
    let referred_on = c.field(text::date("referred_on", "Referred on", &cells.date("referred_on", cx)).map(Some));
    let (Some((client_id, client)), Some((by_id, by_name)), Some(referred_on)) = c.done((found, by, referred_on))? else { return Err(missing_client()) };
    if by_id == client_id {
        return Err(vec![Error::validation("referred_by", "A client cannot refer themselves.")]);
    }
    let existing = find(cx.tx, "SELECT id, from_client_id, referred_on FROM referral WHERE to_client_id = ?1", vec![Value::Integer(client_id)])?;
    let new = vec![Value::Integer(by_id), Value::Text(iso(referred_on))];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        referrals::upsert(cx.tx, existing.map(|e| e.0), by_id, client_id, referred_on)?;
    }
    Ok((result, format!("{client}: introduced by {by_name} on {referred_on}")))
}
