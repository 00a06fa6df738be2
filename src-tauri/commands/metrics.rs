//! Portfolio metrics and the clients table, for a period in the studio's fiscal year.

use clientwell_core::metrics::{self, MetricsSettings, MetricsSettingsInput, PeriodChoice, PortfolioView};
use clientwell_core::service::{self, ClientRow};
use clientwell_core::Error;
use tauri::State;

use crate::state::{today, AppState};

/// The clients table: every client with band, MRR, renewal, last contact and segment.
#[tauri::command]
#[specta::specta]
pub async fn client_table(state: State<'_, AppState>, include_archived: bool) -> Result<Vec<ClientRow>, Error> {
    state.run(move |store| service::client_table(store, today(), include_archived)).await
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
