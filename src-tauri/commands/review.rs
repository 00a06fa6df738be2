//! The weekly review, health and portfolio metrics: each a core call as of today.

use std::path::PathBuf;

use clientwell_core::health::{HealthOverride, HealthOverrideInput, HealthSettings, Signal};
use clientwell_core::metrics::{self, MetricsSettings, MetricsSettingsInput, PeriodChoice, PortfolioView};
use clientwell_core::review::{Draft, ItemState, Script, Template, TemplateInput};
use clientwell_core::service::{self, ClientHealth, ClientRow, WeeklyReview};
use clientwell_core::Error;
use tauri::State;

use crate::state::{today, AppState};

#[tauri::command]
#[specta::specta]
pub async fn weekly_review(state: State<'_, AppState>) -> Result<WeeklyReview, Error> {
    state.run(|store| service::weekly_review(store, today())).await
}

/// The clients table: every client with band, MRR, renewal, last contact and segment.
#[tauri::command]
#[specta::specta]
pub async fn client_table(state: State<'_, AppState>, include_archived: bool) -> Result<Vec<ClientRow>, Error> {
    state.run(move |store| service::client_table(store, today(), include_archived)).await
}

/// One client's health now and over the last 12 ISO weeks, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn client_health(state: State<'_, AppState>, id: i64) -> Result<ClientHealth, Error> {
    state.run(move |store| service::client_health(store, id, today(), 12)).await
}

/// Metrics for a period ("2026-10", "2026-Q3", "2026" or "2026-01-01..2026-04-01").
#[tauri::command]
#[specta::specta]
pub async fn portfolio(state: State<'_, AppState>, period: String) -> Result<PortfolioView, Error> {
    state.run(move |store| service::portfolio(store, &service::period(store, &period, None)?, today())).await
}

/// The periods to offer (last month, last quarter in the studio's fiscal year, this and last year).
#[tauri::command]
#[specta::specta]
pub async fn period_choices(state: State<'_, AppState>) -> Result<Vec<PeriodChoice>, Error> {
    state.run(|store| Ok(metrics::period_choices(today(), store.metrics_settings()?.fiscal_year_start))).await
}

#[tauri::command]
#[specta::specta]
pub async fn metrics_settings(state: State<'_, AppState>) -> Result<MetricsSettingsInput, Error> {
    state.run(|store| Ok(store.metrics_settings()?.form(store.minor_digits()?))).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_metrics_settings(state: State<'_, AppState>, input: MetricsSettingsInput) -> Result<MetricsSettings, Error> {
    state.run(move |store| store.save_metrics_settings(&input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn draft_message(state: State<'_, AppState>, client_id: i64, script: Script) -> Result<Draft, Error> {
    state.run(move |store| service::draft_message(store, client_id, script, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn mark_done(state: State<'_, AppState>, key: String) -> Result<ItemState, Error> {
    state.run(move |store| store.mark_done(&key, today())).await
}

/// Hides an item until `until` (YYYY-MM-DD).
#[tauri::command]
#[specta::specta]
pub async fn snooze(state: State<'_, AppState>, key: String, until: String) -> Result<ItemState, Error> {
    state.run(move |store| store.snooze(&key, &until, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn reopen(state: State<'_, AppState>, key: String) -> Result<(), Error> {
    state.run(move |store| store.reopen(&key)).await
}

#[tauri::command]
#[specta::specta]
pub async fn health_settings(state: State<'_, AppState>) -> Result<HealthSettings, Error> {
    state.run(|store| store.health_settings()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_health_settings(state: State<'_, AppState>, settings: HealthSettings) -> Result<HealthSettings, Error> {
    state.run(move |store| store.save_health_settings(settings)).await
}

/// Sets a health signal by hand, with a reason, until a date.
#[tauri::command]
#[specta::specta]
pub async fn save_override(state: State<'_, AppState>, client_id: i64, input: HealthOverrideInput) -> Result<HealthOverride, Error> {
    state.run(move |store| store.save_override(client_id, &input, today())).await
}

/// Goes back to the measured score of a signal.
#[tauri::command]
#[specta::specta]
pub async fn end_override(state: State<'_, AppState>, client_id: i64, signal: Signal) -> Result<(), Error> {
    state.run(move |store| store.end_override(client_id, signal, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn message_templates(state: State<'_, AppState>) -> Result<Vec<Template>, Error> {
    state.run(|store| store.templates()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_template(state: State<'_, AppState>, script: Script, input: TemplateInput) -> Result<Template, Error> {
    state.run(move |store| store.save_template(script, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn reset_template(state: State<'_, AppState>, script: Script) -> Result<Template, Error> {
    state.run(move |store| store.reset_template(script)).await
}

/// Writes renewals, notice deadlines, check-ins and quarterly reviews due over the next year as
/// an .ics file where the owner chose in the save dialog. Returns how many events it holds.
#[tauri::command]
#[specta::specta]
pub async fn save_calendar(state: State<'_, AppState>, path: String) -> Result<u32, Error> {
    state.run(move |store| service::save_calendar(store, today(), &PathBuf::from(path), super::DIALOG_ASKED)).await
}
