//! The `survey_answer` table.

use rusqlite::{params, Row, Transaction};

use super::activity::prepare;
use super::records::require_owned;
use super::{date_at, day, enum_at, now_stamp, optional_date_at, optional_day, Store};
use crate::book::survey::{SurveyAnswer, SurveyAnswerFields, SurveyAnswerInput, SurveyKind};
use crate::error::Result;

const SELECT: &str = "SELECT id, client_id, stakeholder_id, kind, score, answered_on, comment, followed_up_on FROM survey_answer";

fn from_row(r: &Row<'_>) -> rusqlite::Result<SurveyAnswer> {
    Ok(SurveyAnswer {
        id: r.get(0)?,
        client_id: r.get(1)?,
        stakeholder_id: r.get(2)?,
        kind: enum_at(r, 3, SurveyKind::parse)?,
        score: r.get(4)?,
        answered_on: date_at(r, 5)?,
        comment: r.get(6)?,
        followed_up_on: optional_date_at(r, 7)?,
    })
}

impl Store {
    pub fn survey_answers(&self, client_id: i64) -> Result<Vec<SurveyAnswer>> {
        let mut stmt = self.read().prepare_cached(&format!("{SELECT} WHERE client_id = ?1 ORDER BY answered_on DESC, id DESC"))?;
        let rows = stmt.query_map([client_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn save_survey_answer(&mut self, client_id: i64, id: Option<i64>, input: &SurveyAnswerInput) -> Result<SurveyAnswer> {
        let f = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            prepare(tx, "survey_answer", "survey answer", client_id, id)?;
            if let Some(stakeholder) = f.stakeholder_id {
                require_owned(tx, "stakeholder", "stakeholder", stakeholder, client_id, Some("stakeholder_id"))?;
            }
            upsert(tx, client_id, id, &f, &now)
        })?;
        Ok(self.read().prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], from_row)?)
    }
}

pub(crate) fn upsert(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &SurveyAnswerFields, now: &str) -> Result<i64> {
    let (answered, followed) = (day(f.answered_on), optional_day(f.followed_up_on));
    if let Some(id) = id {
        tx.prepare_cached(
            "UPDATE survey_answer SET stakeholder_id = ?2, kind = ?3, score = ?4, answered_on = ?5, comment = ?6, followed_up_on = ?7 WHERE id = ?1",
        )?
        .execute(params![id, f.stakeholder_id, f.kind.as_str(), f.score, answered, f.comment, followed])?;
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO survey_answer (client_id, stakeholder_id, kind, score, answered_on, comment, followed_up_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![client_id, f.stakeholder_id, f.kind.as_str(), f.score, answered, f.comment, followed, now])?;
    Ok(tx.last_insert_rowid())
}
