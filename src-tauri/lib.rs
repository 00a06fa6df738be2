//! The Clientwell desktop app: a Tauri 2 shell over `clientwell_core`.
//!
//! This crate holds no business rules. Each command in `commands/` parses its arguments, calls
//! one core function on the open book (off the UI thread, see [`AppState::run`]) and returns
//! the result or the core's one error shape. The TypeScript bindings the UI calls are generated
//! from [`specta_builder`], the same builder the app registers its commands with.

mod commands;
pub mod events;
mod log;
mod menu;
mod startup;
mod state;
pub mod updates;

use std::path::Path;

use tauri::Manager;

pub use state::{AppState, AppStatus, BookKind};

/// Where the generated TypeScript bindings are checked in, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/bindings.ts";

const BINDINGS_HEADER: &str = "// Generated from the Rust commands by tauri-specta: do not edit by hand.\n\
// Long file: every command and type the UI may use, in one generated module.\n\
// Regenerate with `UPDATE_BINDINGS=1 cargo test --test bindings` after changing a command.";

/// Every command the UI may call, in one place for the app and the bindings export test.
pub fn specta_builder<R: tauri::Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        .commands(tauri_specta::collect_commands![
            commands::book::app_status,
            commands::book::ui_painted,
            commands::book::check_for_changes,
            commands::book::open_demo_book,
            commands::book::open_my_book,
            commands::studio::save_studio,
            commands::studio::currencies,
            commands::studio::locale_choices,
            commands::studio::display_settings,
            commands::studio::save_display_settings,
            commands::branding::branding,
            commands::branding::save_accent,
            commands::branding::save_logo,
            commands::branding::clear_logo,
            commands::clients::list_clients,
            commands::clients::current_clients,
            commands::clients::get_client,
            commands::clients::create_client,
            commands::clients::update_client,
            commands::clients::archive_client,
            commands::clients::end_client,
            commands::review::playbook_settings,
            commands::review::save_playbook_settings,
            commands::clients::restore_client,
            commands::data::import_kinds,
            commands::data::import_file,
            commands::data::save_import_template,
            commands::data::export_data,
            commands::data::import_memory,
            commands::data::forget_import_columns,
            commands::data::forget_other_name,
            commands::records::client_page,
            commands::records::save_success_plan,
            commands::records::plan_recap,
            commands::records::save_plan_recap,
            commands::records::save_stakeholder,
            commands::records::save_contract,
            commands::records::save_kpi,
            commands::records::save_measurement,
            commands::records::save_milestone,
            commands::records::save_touchpoint,
            commands::records::save_deliverable,
            commands::records::save_invoice,
            commands::records::save_complaint,
            commands::records::save_survey_answer,
            commands::records::delete_record,
            commands::records::undo_delete,
            commands::reports::monthly_preview,
            commands::reports::save_monthly_summary,
            commands::reports::save_monthly_summaries,
            commands::reports::stop_batch,
            commands::reports::qbr_preview,
            commands::reports::save_qbr_report,
            commands::reports::save_qbr_notes,
            commands::review::weekly_review,
            commands::metrics::client_table,
            commands::review::save_calendar,
            commands::health::client_health,
            commands::metrics::portfolio,
            commands::metrics::period_choices,
            commands::metrics::metrics_settings,
            commands::metrics::save_metrics_settings,
            commands::messages::draft_message,
            commands::messages::message_templates,
            commands::messages::save_template,
            commands::messages::reset_template,
            commands::review::mark_done,
            commands::review::snooze,
            commands::review::reopen,
            commands::health::health_settings,
            commands::health::save_health_settings,
            commands::health::save_override,
            commands::health::end_override,
            commands::records::save_opportunity,
            commands::records::save_risk,
            commands::records::save_hours,
            commands::records::save_referral,
            commands::records::save_testimonial,
            commands::records::save_ask,
            commands::records::save_kpi_note,
            commands::reports::to_send,
            commands::reports::mark_document,
            commands::reports::save_reviewed_documents,
            commands::records::checklist,
            commands::records::start_checklist,
            commands::records::set_step_done,
            commands::records::checklist_template,
            commands::records::save_checklist_template,
            commands::backups::list_backups,
            commands::backups::back_up_now,
            commands::backups::restore_backup,
            commands::backups::reveal_book,
            commands::updates::update_settings,
            commands::updates::save_update_settings,
            commands::updates::check_for_update,
            commands::updates::install_update,
        ])
        .events(tauri_specta::collect_events![events::BookChanged])
        // Ids and money (integer cents) are i64 in Rust; every value a studio can reach is far
        // below 2^53, so a JS number holds them exactly.
        .dangerously_cast_bigints_to_number()
        // Inputs and outputs are separate types already, so one TS type per Rust type is enough.
        .disable_serde_phases()
}

/// Writes the TypeScript bindings to `path`.
pub fn export_bindings(path: &Path) -> Result<(), String> {
    specta_builder::<tauri::Wry>()
        .export(specta_typescript::Typescript::default().header(BINDINGS_HEADER), path)
        .map_err(|e| format!("could not export the TypeScript bindings: {e}"))
}

pub fn run(demo: bool) {
    startup::mark_start();
    let data_dir = match clientwell_core::paths::data_dir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("Clientwell could not start: {}", e.message);
            std::process::exit(1);
        }
    };
    if let Ok(dir) = clientwell_core::paths::log_dir() {
        log::init(&dir);
    }
    let builder = specta_builder::<tauri::Wry>();
    let state = AppState::new(data_dir, if demo { BookKind::Demo } else { BookKind::Mine });
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // Remembers the window's size and position between runs.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        // Looks for new versions only when the owner asks or agreed to (commands/updates.rs).
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(state)
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            events::connect(app, &builder);
            updates::Updates::manage(app.handle());
            Ok(menu::install(app)?)
        })
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    handle.state::<AppState>().close();
                }
            })
        });
    if let Err(e) = result {
        eprintln!("Clientwell could not start: {e}");
        std::process::exit(1);
    }
}
