//! Survey answers: NPS (0-10), CSAT (1-5), CES (1-7) and confidence in reaching the goal (1-10),
//! with the follow-up the owner did.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::stored_enum::stored_enum;
use super::check::Check;
use super::text;
use crate::error::Result;

stored_enum!(SurveyKind { Nps = "nps", Csat = "csat", Ces = "ces", Confidence = "confidence" });

impl SurveyKind {
    pub fn scale(self) -> std::ops::RangeInclusive<i64> {
        match self {
            Self::Nps => 0..=10,
            Self::Csat => 1..=5,
            Self::Ces => 1..=7,
            Self::Confidence => 1..=10,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SurveyAnswer {
    pub id: i64,
    pub client_id: i64,
    pub stakeholder_id: Option<i64>,
    pub kind: SurveyKind,
    pub score: i64,
    pub answered_on: NaiveDate,
    pub comment: String,
    pub followed_up_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, Type)]
pub struct SurveyAnswerInput {
    pub stakeholder_id: Option<i64>,
    pub kind: SurveyKind,
    pub score: String,
    pub answered_on: String,
    pub comment: String,
    pub followed_up_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyAnswerFields {
    pub stakeholder_id: Option<i64>,
    pub kind: SurveyKind,
    pub score: i64,
    pub answered_on: NaiveDate,
    pub comment: String,
    pub followed_up_on: Option<NaiveDate>,
}

impl SurveyAnswerInput {
    pub fn validate(&self) -> Result<SurveyAnswerFields> {
        let mut c = Check::default();
        let fields = self.fields(&mut c);
        c.first(fields)
    }

    /// The fields with every one checked into `c` (stand-ins where a field failed).
    pub fn fields(&self, c: &mut Check) -> SurveyAnswerFields {
        let label = match self.kind {
            SurveyKind::Nps => "NPS score",
            SurveyKind::Csat => "CSAT score",
            SurveyKind::Ces => "CES score",
            SurveyKind::Confidence => "Confidence score",
        };
        let answered_on = c.field(text::date("answered_on", "Answered on", &self.answered_on));
        let followed_up_on = c.field(text::optional_date("followed_up_on", "Followed up on", &self.followed_up_on));
        c.rule(|| text::not_before("followed_up_on", "The follow-up cannot come before the answer.", answered_on, followed_up_on));
        SurveyAnswerFields {
            stakeholder_id: self.stakeholder_id,
            kind: self.kind,
            score: c.field(text::whole("score", label, &self.score, self.kind.scale())),
            answered_on,
            comment: c.field(text::text("comment", "Comment", &self.comment, 0, 2_000)),
            followed_up_on,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_must_fit_the_survey_scale() {
        let mut input = SurveyAnswerInput {
            stakeholder_id: None,
            kind: SurveyKind::Csat,
            score: "6".into(),
            answered_on: "2026-09-01".into(),
            comment: "".into(),
            followed_up_on: "".into(),
        };
        let err = input.validate().unwrap_err();
        assert_eq!(err.field.as_deref(), Some("score"));
        assert!(err.message.contains("between 1 and 5"), "{}", err.message);
        input.kind = SurveyKind::Nps;
        assert_eq!(input.validate().unwrap().score, 6);
    }
}
