//! Files read into Clientwell's own columns before the usual import: a calendar becomes
//! touchpoints (`calendar`), a survey tool's responses survey answers (`responses`), an analytics
//! or shop tool's daily figures a KPI's monthly values (`metrics`). Any other file passes as it is.

use chrono::NaiveDate;

use super::metrics::{self, MetricAsk};
use super::prepare::Skipped;
use super::table::{self, Table};
use super::{calendar, responses, ImportKind, ImportOptions, Source};
use crate::error::Result;
use crate::store::Store;

pub struct Converted {
    pub table: Table,
    /// Some for a converted file: what the conversion left out.
    pub skipped: Option<Vec<Skipped>>,
    pub kind: ImportKind,
    pub options: ImportOptions,
    /// For daily figures: what the owner is asked (client, KPI, column, how a month is made).
    pub metric: Option<MetricAsk>,
}

pub fn convert(store: &Store, file_name: &str, bytes: &[u8], kind: ImportKind, options: ImportOptions, today: NaiveDate) -> Result<Converted> {
    // Once converted, the columns are Clientwell's own: no remembered or chosen mapping applies.
    let own = |options: ImportOptions, source: Source| ImportOptions { mapping: None, source: Some(source), ..options };
    if calendar::is_calendar(file_name, bytes) {
        table::check_size(bytes.len() as u64)?;
        let (table, skipped) = calendar::read(bytes, &store.book()?, today)?;
        return Ok(Converted { table, skipped: Some(skipped), kind: ImportKind::Touchpoints, options: own(options, Source::Calendar), metric: None });
    }
    let table = table::reheader(table::read(file_name, bytes)?);
    if let Some(tool) = responses::tool(&table.headers, options.source) {
        let (table, skipped) = responses::read(&table, tool, &store.book()?)?;
        return Ok(Converted { table, skipped: Some(skipped), kind: ImportKind::SurveyAnswers, options: own(options, tool), metric: None });
    }
    if let Some(tool) = metrics::tool(&table.headers, options.source) {
        let (table, skipped, ask) = metrics::read(&table, tool, options.metric.as_ref(), metrics::stated_range(bytes), &store.book()?)?;
        return Ok(Converted { table, skipped: Some(skipped), kind: ImportKind::KpiValues, options: own(options, tool), metric: Some(ask) });
    }
    Ok(Converted { table, skipped: None, kind, options, metric: None })
}
