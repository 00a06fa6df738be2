//! Rows that add to a client's history: KPI values, touchpoints, survey answers, hours.

use super::*;

pub fn kpi_value(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let kpi_name = cells.get("kpi");
    let kpi_id = match &found {
        Some((client_id, client)) => c.field(kpi_for(cx, *client_id, client, &kpi_name).map(Some)),
        None => None,
    };
    let f = MeasurementInput { measured_on: cells.date("measured_on", cx), value: cells.get("value"), note: cells.get("note") }.fields(&mut c);
    let (Some((_, client)), Some(kpi_id), f) = c.done((found, kpi_id, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, value, note FROM kpi_measurement WHERE kpi_id = ?1 AND measured_on = ?2",
        vec![Value::Integer(kpi_id), Value::Text(iso(f.measured_on))],
    )?;
    let new = vec![Value::Real(f.value), text_value(&f.note)];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        kpis::upsert_measurement(cx.tx, kpi_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    Ok((result, format!("{client}: {kpi_name} on {}", f.measured_on)))
}

/// The client's person named in `column` (any case), None when it is empty.
fn person_for(cx: &Ctx<'_>, client_id: i64, client: &str, cells: &Cells<'_>, column: &str) -> Result<Option<i64>> {
    let person = cells.get(column);
    if person.is_empty() {
        return Ok(None);
    }
    let id: Option<i64> = cx
        .tx
        .prepare_cached("SELECT id FROM stakeholder WHERE client_id = ?1 AND name_key(name) = name_key(?2)")?
        .query_row(rusqlite::params![client_id, person], |r| r.get(0))
        .optional()?;
    id.map(Some).ok_or_else(|| Error::validation(column, format!("{client} has no person called '{person}' (import people first).")))
}

pub fn touchpoint(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let stakeholder_id = match &found {
        Some((client_id, client)) => c.field(person_for(cx, *client_id, client, cells, "with")),
        None => None,
    };
    let input = TouchpointInput {
        kind: c.field(choice("kind", &cells.get("kind"), None, TouchpointKind::ALL, TouchpointKind::as_str).map(Some)).unwrap_or(TouchpointKind::Call),
        happened_on: cells.date("happened_on", cx),
        summary: cells.get("summary"),
        client_replied: c.field(yes_no("client_replied", &cells.get("client_replied"), false)),
        attended: c.field(yes_no("attended", &cells.get("attended"), false)),
        rescheduled: c.field(yes_no("rescheduled", &cells.get("rescheduled"), false)),
        no_show: c.field(yes_no("no_show", &cells.get("no_show"), false)),
        reply_days: cells.get("reply_days"),
        stakeholder_id,
    };
    let f = input.fields(&mut c);
    let (Some((client_id, client)), f) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, client_replied, attended, rescheduled, no_show, reply_days, stakeholder_id FROM touchpoint
         WHERE client_id = ?1 AND happened_on = ?2 AND kind = ?3 AND summary = ?4",
        vec![Value::Integer(client_id), Value::Text(iso(f.happened_on)), text_value(f.kind.as_str()), text_value(&f.summary)],
    )?;
    let flag = |b: bool| Value::Integer(i64::from(b));
    let new = vec![flag(f.client_replied), flag(f.attended), flag(f.rescheduled), flag(f.no_show), opt_int(f.reply_days), opt_int(f.stakeholder_id)];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        activity::upsert_touchpoint(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    Ok((result, format!("{client}: {} on {}", f.kind.as_str(), f.happened_on)))
}

pub fn survey_answer(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let stakeholder_id = match &found {
        Some((client_id, client)) => c.field(person_for(cx, *client_id, client, cells, "stakeholder")),
        None => None,
    };
    let input = SurveyAnswerInput {
        stakeholder_id,
        kind: c.field(choice("kind", &cells.get("kind"), None, SurveyKind::ALL, SurveyKind::as_str).map(Some)).unwrap_or(SurveyKind::Nps),
        score: cells.get("score"),
        answered_on: cells.date("answered_on", cx),
        comment: cells.get("comment"),
        followed_up_on: cells.date("followed_up_on", cx),
    };
    let f = input.fields(&mut c);
    let (Some((client_id, client)), f) = c.done((found, f))? else { return Err(missing_client()) };
    let existing = find(
        cx.tx,
        "SELECT id, score, comment, followed_up_on FROM survey_answer
         WHERE client_id = ?1 AND kind = ?2 AND answered_on = ?3 AND stakeholder_id IS ?4",
        vec![Value::Integer(client_id), text_value(f.kind.as_str()), Value::Text(iso(f.answered_on)), opt_int(f.stakeholder_id)],
    )?;
    let new = vec![Value::Integer(f.score), text_value(&f.comment), opt_text(f.followed_up_on.map(iso))];
    let result = outcome(&existing, &new);
    if result != Outcome::Unchanged {
        surveys::upsert(cx.tx, client_id, existing.map(|e| e.0), &f, cx.now)?;
    }
    Ok((result, format!("{client}: {} {} on {}", f.kind.as_str(), f.score, f.answered_on)))
}

pub fn hours(cx: &mut Ctx<'_>, cells: &Cells<'_>) -> RowResult {
    let mut c = Check::default();
    let found = c.field(client_for(cx, cells).map(Some));
    let read = HoursInput { month: month(&cells.get("month"), cx.day_first), hours: cells.get("hours") }.fields(&mut c);
    let (Some((client_id, client)), Some((month, hundredths))) = c.done((found, read))? else { return Err(missing_client()) };
    let earlier = cx.hours_written.get(&(client_id, month.key())).copied().unwrap_or(0);
    let hundredths = hundredths.checked_add(earlier).ok_or_else(|| vec![Error::validation("hours", "Too many hours for one month.")])?;
    cx.hours_written.insert((client_id, month.key()), hundredths);
    let existing = find(cx.tx, "SELECT id, hundredths FROM hours_used WHERE client_id = ?1 AND month = ?2", vec![Value::Integer(client_id), Value::Text(month.key())])?;
    let result = outcome(&existing, &[Value::Integer(hundredths)]);
    if result != Outcome::Unchanged {
        growth::upsert_hours(cx.tx, client_id, month, hundredths)?;
    }
    // A time report's entries are added up into one row ("entries" says how many).
    let entries = match cells.get("entries").parse::<u32>() {
        Ok(n) if n > 1 => format!(" (from {n} time entries)"),
        _ => String::new(),
    };
    Ok((result, format!("{client}: {} hours in {}{entries}", money::plain(hundredths, 2), month.label())))
}
