//! The `kpi` and `kpi_measurement` tables.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::records::{require_client, require_owned};
use super::{date_at, day, enum_at, now_stamp, Store};
use crate::book::kpi::{Direction, WorthCounts, Kpi, KpiFields, KpiInput, Measurement, MeasurementFields, MeasurementInput, MAX_PER_CLIENT};
use crate::error::{Error, Result};

const COLUMNS: &str = "id, client_id, name, unit, direction, baseline, target, baseline_date, target_date, cents_per_unit, worth_counts, share_low_pct, share_high_pct, below_baseline_counts";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Kpi> {
    Ok(Kpi {
        id: r.get(0)?,
        client_id: r.get(1)?,
        name: r.get(2)?,
        unit: r.get(3)?,
        direction: enum_at(r, 4, Direction::parse)?,
        baseline: r.get(5)?,
        target: r.get(6)?,
        baseline_date: date_at(r, 7)?,
        target_date: date_at(r, 8)?,
        cents_per_unit: r.get(9)?,
        worth_counts: enum_at(r, 10, WorthCounts::parse)?,
        share_low_pct: r.get(11)?,
        share_high_pct: r.get(12)?,
        below_baseline_counts: r.get(13)?,
    })
}

fn measurement_from_row(r: &Row<'_>) -> rusqlite::Result<Measurement> {
    Ok(Measurement { id: r.get(0)?, kpi_id: r.get(1)?, measured_on: date_at(r, 2)?, value: r.get(3)?, note: r.get(4)? })
}

impl Store {
    pub fn kpis(&self, client_id: i64) -> Result<Vec<Kpi>> {
        let mut stmt =
            self.read().prepare_cached(&format!("SELECT {COLUMNS} FROM kpi WHERE client_id = ?1 ORDER BY position, id"))?;
        let rows = stmt.query_map([client_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// All values of all of a client's KPIs, oldest first.
    pub fn measurements(&self, client_id: i64) -> Result<Vec<Measurement>> {
        let mut stmt = self.read().prepare_cached(
            "SELECT m.id, m.kpi_id, m.measured_on, m.value, m.note FROM kpi_measurement m JOIN kpi k ON k.id = m.kpi_id
             WHERE k.client_id = ?1 ORDER BY m.measured_on, m.id",
        )?;
        let rows = stmt.query_map([client_id], measurement_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn save_kpi(&mut self, client_id: i64, id: Option<i64>, input: &KpiInput) -> Result<Kpi> {
        let fields = input.validate(self.minor_digits()?)?;
        let now = now_stamp();
        let id = self.write(|tx| {
            require_client(tx, client_id)?;
            match id {
                Some(id) => require_owned(tx, "kpi", "KPI", id, client_id, None)?,
                None => {
                    let count: i64 = tx.query_row("SELECT count(*) FROM kpi WHERE client_id = ?1", [client_id], |r| r.get(0))?;
                    if count >= MAX_PER_CLIENT as i64 {
                        return Err(Error::validation("name", format!("A success plan has at most {MAX_PER_CLIENT} KPIs; focus on the ones the client cares about most.")));
                    }
                }
            }
            upsert_kpi(tx, client_id, id, &fields, &now)
        })?;
        Ok(self.read().prepare_cached(&format!("SELECT {COLUMNS} FROM kpi WHERE id = ?1"))?.query_row([id], from_row)?)
    }

    /// Records a KPI value (id None) or corrects one. One value per KPI per day.
    pub fn save_measurement(&mut self, kpi_id: i64, id: Option<i64>, input: &MeasurementInput) -> Result<Measurement> {
        let fields = input.validate()?;
        let now = now_stamp();
        let id = self.write(|tx| {
            let kpi: Option<i64> = tx.prepare_cached("SELECT id FROM kpi WHERE id = ?1")?.query_row([kpi_id], |r| r.get(0)).optional()?;
            kpi.ok_or_else(|| Error::not_found(format!("There is no KPI number {kpi_id}.")))?;
            upsert_measurement(tx, kpi_id, id, &fields, &now)
        })?;
        Ok(self
            .read()
            .prepare_cached("SELECT id, kpi_id, measured_on, value, note FROM kpi_measurement WHERE id = ?1")?
            .query_row([id], measurement_from_row)?)
    }
}

pub(crate) fn upsert_kpi(tx: &Transaction<'_>, client_id: i64, id: Option<i64>, f: &KpiFields, now: &str) -> Result<i64> {
    // ?1 is the KPI's id for an update and its client's for an insert; the rest are the same.
    let values = params![
        id.unwrap_or(client_id),
        f.name,
        f.unit,
        f.direction.as_str(),
        f.baseline,
        f.target,
        day(f.baseline_date),
        day(f.target_date),
        f.cents_per_unit,
        now,
        f.worth_counts.as_str(),
        f.share_low_pct,
        f.share_high_pct,
        f.below_baseline_counts
    ];
    match id {
        Some(id) => {
            tx.prepare_cached(
                "UPDATE kpi SET name = ?2, unit = ?3, direction = ?4, baseline = ?5, target = ?6, baseline_date = ?7,
                 target_date = ?8, cents_per_unit = ?9, updated_at = ?10, worth_counts = ?11, share_low_pct = ?12,
                 share_high_pct = ?13, below_baseline_counts = ?14 WHERE id = ?1",
            )?
            .execute(values)?;
            Ok(id)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO kpi (client_id, name, unit, direction, baseline, target, baseline_date, target_date, cents_per_unit,
                   position, created_at, updated_at, worth_counts, share_low_pct, share_high_pct, below_baseline_counts)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT coalesce(max(position), 0) + 1 FROM kpi WHERE client_id = ?1), ?10, ?10,
                   ?11, ?12, ?13, ?14)",
            )?
            .execute(values)?;
            Ok(tx.last_insert_rowid())
        }
    }
}

pub(crate) fn upsert_measurement(tx: &Transaction<'_>, kpi_id: i64, id: Option<i64>, f: &MeasurementFields, now: &str) -> Result<i64> {
    let clash: Option<i64> = tx
        .prepare_cached("SELECT id FROM kpi_measurement WHERE kpi_id = ?1 AND measured_on = ?2 AND id IS NOT ?3")?
        .query_row(params![kpi_id, day(f.measured_on), id], |r| r.get(0))
        .optional()?;
    if clash.is_some() {
        return Err(Error::conflict(Some("measured_on"), format!("This KPI already has a value for {}; change that one instead.", f.measured_on)));
    }
    match id {
        Some(id) => {
            let changed = tx
                .prepare_cached("UPDATE kpi_measurement SET measured_on = ?3, value = ?4, note = ?5 WHERE id = ?1 AND kpi_id = ?2")?
                .execute(params![id, kpi_id, day(f.measured_on), f.value, f.note])?;
            if changed == 0 {
                return Err(Error::not_found(format!("This KPI has no value number {id}.")));
            }
            Ok(id)
        }
        None => {
            tx.prepare_cached("INSERT INTO kpi_measurement (kpi_id, measured_on, value, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")?
                .execute(params![kpi_id, day(f.measured_on), f.value, f.note, now])?;
            Ok(tx.last_insert_rowid())
        }
    }
}
