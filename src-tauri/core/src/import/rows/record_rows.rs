//! Rows of a client's delivery record: milestones (and which one marks first value).

use super::*;
use crate::book::activity::MilestoneInput;

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
