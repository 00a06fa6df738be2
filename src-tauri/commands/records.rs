//! The client page and every record on it. `id: None` adds a record, `Some(id)` edits it.

use clientwell_core::book::activity::*;
use clientwell_core::book::contract::{Contract, ContractInput};
use clientwell_core::book::ask::{Ask, AskInput, KpiNote, KpiNoteInput};
use clientwell_core::book::growth::{HoursInput, HoursUsed, Opportunity, OpportunityInput, Testimonial, TestimonialInput};
use clientwell_core::book::onboarding::{Checklist, ChecklistItem, ChecklistTemplateInput};
use clientwell_core::book::referral::{Referral, ReferralInput};
use clientwell_core::book::invoice::{Invoice, InvoiceInput};
use clientwell_core::book::kpi::{Kpi, KpiInput, Measurement, MeasurementInput};
use clientwell_core::book::stakeholder::{Stakeholder, StakeholderInput};
use clientwell_core::book::survey::{SurveyAnswer, SurveyAnswerInput};
use clientwell_core::book::{text, Client, SuccessPlanInput};
use clientwell_core::client_page::{self, ClientPage};
use clientwell_core::store::{Deleted, RecordRef};
use clientwell_core::book::risk::{Risk, RiskInput};
use clientwell_core::Error;
use tauri::State;

use crate::state::{today, AppState};

/// Everything about one client as of a day (YYYY-MM-DD; today when empty).
#[tauri::command]
#[specta::specta]
pub async fn client_page(state: State<'_, AppState>, id: i64, as_of: String) -> Result<ClientPage, Error> {
    let as_of = if as_of.is_empty() { today() } else { text::date("as_of", "As-of date", &as_of)? };
    state.run(move |store| client_page::client_page(store, id, as_of)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_success_plan(state: State<'_, AppState>, client_id: i64, input: SuccessPlanInput) -> Result<Client, Error> {
    state.run(move |store| store.save_success_plan(client_id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_stakeholder(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: StakeholderInput) -> Result<Stakeholder, Error> {
    state.run(move |store| store.save_stakeholder(client_id, id, &input, today())).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_contract(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: ContractInput) -> Result<Contract, Error> {
    state.run(move |store| store.save_contract(client_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_kpi(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: KpiInput) -> Result<Kpi, Error> {
    state.run(move |store| store.save_kpi(client_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_measurement(state: State<'_, AppState>, kpi_id: i64, id: Option<i64>, input: MeasurementInput) -> Result<Measurement, Error> {
    state.run(move |store| store.save_measurement(kpi_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_milestone(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: MilestoneInput) -> Result<Milestone, Error> {
    state.run(move |store| store.save_milestone(client_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_touchpoint(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: TouchpointInput) -> Result<Touchpoint, Error> {
    state.run(move |store| store.save_touchpoint(client_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_deliverable(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: DeliverableInput) -> Result<Deliverable, Error> {
    state.run(move |store| store.save_deliverable(client_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_invoice(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: InvoiceInput) -> Result<Invoice, Error> {
    state.run(move |store| store.save_invoice(client_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_complaint(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: ComplaintInput) -> Result<Complaint, Error> {
    state.run(move |store| store.save_complaint(client_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_survey_answer(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: SurveyAnswerInput) -> Result<SurveyAnswer, Error> {
    state.run(move |store| store.save_survey_answer(client_id, id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_record(state: State<'_, AppState>, record: RecordRef) -> Result<Deleted, Error> {
    state.run(move |store| store.delete_record(record)).await
}

/// Puts back a record deleted in the last 30 days (the token `delete_record` returned).
#[tauri::command]
#[specta::specta]
pub async fn undo_delete(state: State<'_, AppState>, token: i64) -> Result<(), Error> {
    state.run(move |store| store.undo_delete(token)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_opportunity(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: OpportunityInput) -> Result<Opportunity, Error> {
    state.run(move |store| store.save_opportunity(client_id, id, &input)).await
}

/// Adds or edits a risk of the client's account plan.
#[tauri::command]
#[specta::specta]
pub async fn save_risk(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: RiskInput) -> Result<Risk, Error> {
    state.run(move |store| store.save_risk(client_id, id, &input)).await
}

/// Records the hours used in a month (replacing that month's figure).
#[tauri::command]
#[specta::specta]
pub async fn save_hours(state: State<'_, AppState>, client_id: i64, input: HoursInput) -> Result<HoursUsed, Error> {
    state.run(move |store| store.save_hours(client_id, &input)).await
}

/// Records that this client referred another client.
#[tauri::command]
#[specta::specta]
pub async fn save_referral(state: State<'_, AppState>, client_id: i64, input: ReferralInput) -> Result<Referral, Error> {
    state.run(move |store| store.save_referral(client_id, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn checklist(state: State<'_, AppState>, client_id: i64, list: Checklist) -> Result<Vec<ChecklistItem>, Error> {
    state.run(move |store| store.checklist(client_id, list)).await
}

/// Gives the client a copy of the list's template (once).
#[tauri::command]
#[specta::specta]
pub async fn start_checklist(state: State<'_, AppState>, client_id: i64, list: Checklist) -> Result<Vec<ChecklistItem>, Error> {
    state.run(move |store| store.start_checklist(client_id, list)).await
}

/// Ticks a step done today, or clears it.
#[tauri::command]
#[specta::specta]
pub async fn set_step_done(state: State<'_, AppState>, client_id: i64, item_id: i64, done: bool) -> Result<Vec<ChecklistItem>, Error> {
    state.run(move |store| store.set_step_done(client_id, item_id, done.then(today))).await
}

#[tauri::command]
#[specta::specta]
pub async fn checklist_template(state: State<'_, AppState>, list: Checklist) -> Result<Vec<String>, Error> {
    state.run(move |store| store.checklist_template(list)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_checklist_template(state: State<'_, AppState>, list: Checklist, input: ChecklistTemplateInput) -> Result<Vec<String>, Error> {
    state.run(move |store| store.save_checklist_template(list, &input)).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_testimonial(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: TestimonialInput) -> Result<Testimonial, Error> {
    state.run(move |store| store.save_testimonial(client_id, id, &input)).await
}

/// Adds or edits what the studio needs from the client.
#[tauri::command]
#[specta::specta]
pub async fn save_ask(state: State<'_, AppState>, client_id: i64, id: Option<i64>, input: AskInput) -> Result<Ask, Error> {
    state.run(move |store| store.save_ask(client_id, id, &input)).await
}

/// Writes (or, with empty words, removes) why a result moved in a month or quarter.
#[tauri::command]
#[specta::specta]
pub async fn save_kpi_note(state: State<'_, AppState>, client_id: i64, kpi_id: i64, input: KpiNoteInput) -> Result<Vec<KpiNote>, Error> {
    state.run(move |store| store.save_kpi_note(client_id, kpi_id, &input)).await
}

/// The success plan as plain text, to copy into an email.
#[tauri::command]
#[specta::specta]
pub async fn plan_recap(state: State<'_, AppState>, client_id: i64) -> Result<String, Error> {
    state.run(move |store| plan_recap_text(store, client_id)).await
}

/// Saves the success plan as a text file where the owner chose in the save dialog.
#[tauri::command]
#[specta::specta]
pub async fn save_plan_recap(state: State<'_, AppState>, client_id: i64, path: String) -> Result<(), Error> {
    state.run(move |store| clientwell_core::output::save(Some(store.path()), std::path::Path::new(&path), plan_recap_text(store, client_id)?.as_bytes(), super::DIALOG_ASKED, "path")).await
}

fn plan_recap_text(store: &clientwell_core::Store, client_id: i64) -> Result<String, Error> {
    let studio = store.studio()?.map(|s| s.name).unwrap_or_default();
    Ok(client_page::plan_text(&store.client_data(client_id)?, &studio))
}
