//! The app's commands through Tauri's real IPC handling on the mock runtime (no window, no
//! webkit): arguments as the UI sends them, answers and errors as the UI receives them.

mod common;

use clientwell_app::BookKind;
use common::app_in;
use serde_json::{json, Value};

fn client_input(name: &str) -> Value {
    json!({ "name": name, "status": "active", "goal": "More weekday orders", "start_date": "2026-03-01", "notes": "" })
}

#[test]
fn a_new_book_has_no_studio_until_one_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    let status = app.call("app_status", json!({})).unwrap();
    assert_eq!(status["book"], "mine");
    assert_eq!(status["studio"], Value::Null);
    let saved = app.call("save_studio", json!({ "input": { "name": "Fox & Finch", "currency": "eur", "paper_size": "Letter" } })).unwrap();
    assert_eq!(saved, json!({ "name": "Fox & Finch", "currency": "EUR", "paper_size": "Letter" }));
    assert_eq!(app.call("app_status", json!({})).unwrap()["studio"]["name"], "Fox & Finch");
}

#[test]
fn clients_are_created_listed_edited_archived_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    let created = app.call("create_client", json!({ "input": client_input("Harbour Bakery") })).unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["start_date"], "2026-03-01");

    let mut edit = client_input("Harbour Bakery & Café");
    edit["status"] = json!("paused");
    let edited = app.call("update_client", json!({ "id": id, "input": edit })).unwrap();
    assert_eq!((edited["name"].as_str(), edited["status"].as_str()), (Some("Harbour Bakery & Café"), Some("paused")));

    app.call("archive_client", json!({ "id": id })).unwrap();
    assert_eq!(app.call("list_clients", json!({ "includeArchived": false })).unwrap(), json!([]));
    assert_eq!(app.call("list_clients", json!({ "includeArchived": true })).unwrap().as_array().unwrap().len(), 1);
    let restored = app.call("restore_client", json!({ "id": id })).unwrap();
    assert_eq!(restored["archived_at"], Value::Null);
    assert_eq!(app.call("get_client", json!({ "id": id })).unwrap()["name"], "Harbour Bakery & Café");
}

#[test]
fn errors_cross_ipc_as_the_tagged_shape_with_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    let mut bad = client_input("Harbour Bakery");
    bad["start_date"] = json!("31/02/2026");
    let err = app.call("create_client", json!({ "input": bad })).unwrap_err();
    assert_eq!(err["kind"], "validation");
    assert_eq!(err["field"], "start_date");
    assert!(err["message"].as_str().unwrap().contains("YYYY-MM-DD"));

    let missing = app.call("get_client", json!({ "id": 999 })).unwrap_err();
    assert_eq!((missing["kind"].as_str(), missing["field"].as_null()), (Some("not_found"), Some(())));

    app.call("create_client", json!({ "input": client_input("Harbour Bakery") })).unwrap();
    let clash = app.call("create_client", json!({ "input": client_input("HARBOUR BAKERY") })).unwrap_err();
    assert_eq!((clash["kind"].as_str(), clash["field"].as_str()), (Some("conflict"), Some("name")));
}

#[test]
fn the_book_is_still_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = app_in(dir.path(), BookKind::Mine);
        app.call("create_client", json!({ "input": client_input("Lumen Dental") })).unwrap();
        app.close();
    }
    let app = app_in(dir.path(), BookKind::Mine);
    let list = app.call("list_clients", json!({ "includeArchived": false })).unwrap();
    assert_eq!(list[0]["name"], "Lumen Dental");
}

#[test]
fn the_demo_studio_opens_beside_the_owners_book_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    app.call("create_client", json!({ "input": client_input("My Real Client") })).unwrap();
    let demo = app.call("open_demo_book", json!({})).unwrap();
    assert_eq!(demo["book"], "demo");
    assert_eq!(demo["studio"]["name"], "Brightside Studio");
    let demo_clients = app.call("list_clients", json!({ "includeArchived": true })).unwrap();
    assert!(demo_clients.as_array().unwrap().len() >= 12);
    assert!(demo_clients.as_array().unwrap().iter().all(|c| c["name"] != "My Real Client"));
    app.call("open_my_book", json!({})).unwrap();
    let mine = app.call("list_clients", json!({ "includeArchived": true })).unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1);
}

#[test]
fn a_book_that_cannot_be_opened_is_reported_not_crashed_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clientwell.sqlite3"), b"this is not a database at all, just text").unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    let status = app.call("app_status", json!({})).unwrap();
    assert!(status["problem"]["message"].as_str().is_some(), "{status}");
    let err = app.call("list_clients", json!({ "includeArchived": false })).unwrap_err();
    assert_eq!(err["kind"], status["problem"]["kind"]);
}

#[test]
fn kpi_values_and_touchpoints_show_on_the_client_page() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    let id = app.call("create_client", json!({ "input": client_input("Harbour Bakery") })).unwrap()["id"].as_i64().unwrap();
    let kpi = app
        .call(
            "save_kpi",
            json!({ "clientId": id, "id": null, "input": {
                "name": "Weekday orders", "unit": "orders", "direction": "up", "baseline": "100", "target": "200",
                "baseline_date": "2026-03-01", "target_date": "2027-02-28", "value_per_unit": "", "worth_counts": "monthly", "share": "", "below_baseline_counts": false } }),
        )
        .unwrap();
    let kpi_id = kpi["id"].as_i64().unwrap();
    let value = app.call("save_measurement", json!({ "kpiId": kpi_id, "id": null, "input": { "measured_on": "2026-10-31", "value": "150", "note": "" } })).unwrap();
    app.call(
        "save_touchpoint",
        json!({ "clientId": id, "id": null, "input": {
            "kind": "call", "happened_on": "2026-11-02", "summary": "October review", "client_replied": false,
            "attended": true, "rescheduled": false, "no_show": false, "reply_days": "" } }),
    )
    .unwrap();

    let page = app.call("client_page", json!({ "id": id, "asOf": "2026-11-25" })).unwrap();
    assert_eq!(page["kpis"][0]["progress"]["progress"], 0.5);
    assert_eq!(page["last_two_way_contact"], "2026-11-02");
    let titles: Vec<&str> = page["timeline"].as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Call", "Weekday orders: 150 orders"]);

    let deleted = app.call("delete_record", json!({ "record": { "kind": "measurement", "id": value["id"] } })).unwrap();
    let page = app.call("client_page", json!({ "id": id, "asOf": "2026-11-25" })).unwrap();
    assert_eq!(page["kpis"][0]["measurements"], json!([]));
    // Undo puts the value back as it was.
    app.call("undo_delete", json!({ "token": deleted["token"] })).unwrap();
    let page = app.call("client_page", json!({ "id": id, "asOf": "2026-11-25" })).unwrap();
    assert_eq!(page["kpis"][0]["measurements"][0], value);
}

#[test]
fn a_bad_as_of_date_is_a_validation_error() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    let id = app.call("create_client", json!({ "input": client_input("Harbour Bakery") })).unwrap()["id"].clone();
    let err = app.call("client_page", json!({ "id": id, "asOf": "yesterday" })).unwrap_err();
    assert_eq!((err["kind"].as_str(), err["field"].as_str()), (Some("validation"), Some("as_of")));
}

#[test]
fn the_monthly_summary_is_previewed_then_saved_where_the_owner_chose() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Demo);
    let clients = app.call("list_clients", json!({ "includeArchived": false })).unwrap();
    let bakery = clients.as_array().unwrap().iter().find(|c| c["name"] == "Harbour Bakery").unwrap()["id"].clone();

    let preview = app.call("monthly_preview", json!({ "clientId": bakery, "month": "2026-10" })).unwrap();
    assert_eq!(preview["file_name"], "2026-10 Harbour Bakery — Monthly summary.pdf");
    assert_eq!(preview["summary"]["client"], "Harbour Bakery");
    assert!(preview["summary"].get("notes").is_none(), "the client-facing type has no internal fields");

    let path = dir.path().join("summary.pdf");
    let saved = app.call("save_monthly_summary", json!({ "clientId": bakery, "month": "2026-10", "path": path })).unwrap();
    assert_eq!(saved["size"].as_u64().unwrap(), std::fs::metadata(&path).unwrap().len());

    let bad = app.call("monthly_preview", json!({ "clientId": bakery, "month": "13/2026" })).unwrap_err();
    assert_eq!((bad["kind"].as_str(), bad["field"].as_str()), (Some("validation"), Some("month")));
    let out = dir.path().join("batch");
    std::fs::create_dir(&out).unwrap();
    let batch = app.call("save_monthly_summaries", json!({ "month": "2026-10", "folder": out, "replace": false, "onProgress": "__CHANNEL__:7" })).unwrap();
    let saved = batch["saved"].as_array().unwrap().len();
    assert_eq!(saved, std::fs::read_dir(&out).unwrap().count());
    assert_eq!((batch["failed"].as_array().unwrap().len(), batch["not_started"].as_array().unwrap().len()), (0, 0));
    // The folder dialog does not ask about earlier files: the command refuses, naming them, until told to replace.
    let clash = app.call("save_monthly_summaries", json!({ "month": "2026-10", "folder": out, "replace": false, "onProgress": "__CHANNEL__:8" })).unwrap_err();
    assert_eq!((clash["kind"].as_str(), clash["field"].as_str()), (Some("conflict"), Some("folder")));
    let again = app.call("save_monthly_summaries", json!({ "month": "2026-10", "folder": out, "replace": true, "onProgress": "__CHANNEL__:9" })).unwrap();
    assert_eq!(again["saved"].as_array().unwrap().len(), saved);

    // Whatever the save dialog returned, the book itself is never written over.
    let book = dir.path().join("demo.sqlite3");
    assert!(book.is_file(), "the demo book is where the test expects it");
    let before = std::fs::read(&book).unwrap();
    for (command, args) in [
        ("save_monthly_summary", json!({ "clientId": bakery, "month": "2026-10", "path": book })),
        ("export_data", json!({ "kind": "clients", "path": book })),
        ("save_calendar", json!({ "path": book })),
        ("save_import_template", json!({ "kind": "clients", "path": book })),
    ] {
        let err = app.call(command, args).unwrap_err();
        assert_eq!(err["kind"], "validation", "{command}: {err}");
        assert!(err["message"].as_str().unwrap().contains("the client book itself"), "{command}: {err}");
    }
    assert_eq!(std::fs::read(&book).unwrap(), before);
}

#[test]
fn a_qbr_is_previewed_annotated_and_saved_for_the_clients_fiscal_quarter() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Demo);
    let clients = app.call("list_clients", json!({ "includeArchived": false })).unwrap();
    let id = clients[0]["id"].clone();

    let preview = app.call("qbr_preview", json!({ "clientId": id, "quarter": "" })).unwrap();
    let quarter = preview["quarter"].as_str().unwrap().to_owned();
    assert!(preview["file_name"].as_str().unwrap().ends_with(" — QBR.pdf"));
    assert_eq!(preview["report"]["pages"], Value::Null, "the preview is the report's data, not layout");

    let notes = app.call("save_qbr_notes", json!({ "clientId": id, "quarter": quarter, "input": { "working": "Search keeps climbing", "not_working": "", "adjust": "" } })).unwrap();
    assert_eq!(notes["working"], "Search keeps climbing");
    let again = app.call("qbr_preview", json!({ "clientId": id, "quarter": quarter })).unwrap();
    assert_eq!(again["report"]["working"], "Search keeps climbing");

    let path = dir.path().join("qbr.pdf");
    let saved = app.call("save_qbr_report", json!({ "clientId": id, "quarter": quarter, "path": path, "format": "report" })).unwrap();
    assert_eq!(saved["size"].as_u64().unwrap(), std::fs::metadata(&path).unwrap().len());
    // The slides: the same review on 16:9 pages, under their own file name.
    assert!(preview["slides_file_name"].as_str().unwrap().ends_with(" — QBR slides.pdf"));
    let slides = dir.path().join("slides.pdf");
    app.call("save_qbr_report", json!({ "clientId": id, "quarter": quarter, "path": slides, "format": "slides" })).unwrap();
    let pdf = std::fs::read(&slides).unwrap();
    assert!(String::from_utf8_lossy(&pdf).contains("/MediaBox[0 0 960.0"), "16:9 pages: 960 × 540 points");
    let bad = app.call("qbr_preview", json!({ "clientId": id, "quarter": "Q9" })).unwrap_err();
    assert_eq!((bad["kind"].as_str(), bad["field"].as_str()), (Some("validation"), Some("quarter")));
}

#[test]
fn opportunities_and_hours_are_saved_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    app.call("save_studio", json!({ "input": { "name": "Fox", "currency": "EUR", "paper_size": "A4" } })).unwrap();
    let id = app.call("create_client", json!({ "input": client_input("Harbour Bakery") })).unwrap()["id"].clone();
    let idea = json!({ "kind": "upsell", "title": "Paid social", "value": "1,200", "stage": "idea", "opened_on": "2026-10-01", "closed_on": "", "show_client": true });
    assert_eq!(app.call("save_opportunity", json!({ "clientId": id, "id": null, "input": idea })).unwrap()["value_cents"], 120_000);
    let hours = app.call("save_hours", json!({ "clientId": id, "input": { "month": "2026-10", "hours": "12.5" } })).unwrap();
    assert_eq!(hours["month"], json!({ "year": 2026, "month": 10 }));
    let page = app.call("client_page", json!({ "id": id, "asOf": "2026-11-01" })).unwrap();
    assert_eq!((page["opportunities"].as_array().unwrap().len(), page["hours_used"][0]["hundredths"].as_i64()), (1, Some(1250)));
    let bad = app.call("save_hours", json!({ "clientId": id, "input": { "month": "2026-10", "hours": "lots" } })).unwrap_err();
    assert_eq!(bad["field"], "hours");
    let other = app.call("create_client", json!({ "input": client_input("Lumen Dental") })).unwrap()["id"].clone();
    let referral = app.call("save_referral", json!({ "clientId": id, "input": { "to_client_id": other, "referred_on": "2026-10-02" } })).unwrap();
    assert_eq!(referral["to_client"], "Lumen Dental");
    let twice = app.call("save_referral", json!({ "clientId": id, "input": { "to_client_id": other, "referred_on": "2026-10-03" } })).unwrap_err();
    assert_eq!((twice["kind"].as_str(), twice["field"].as_str()), (Some("conflict"), Some("to_client_id")));

    let asked = app.call("save_testimonial", json!({ "clientId": id, "id": null, "input": { "asked_on": "2026-11-01", "received_on": "", "quote": "" } })).unwrap();
    assert_eq!(asked["received_on"], Value::Null);
    assert_eq!(app.call("client_page", json!({ "id": id, "asOf": "2026-11-26" })).unwrap()["testimonials"].as_array().unwrap().len(), 1);

    // An ask and why a result moved reach the client's document through the commands.
    let ask = json!({ "what": "Approve the loyalty card", "who": "Jonas", "asked_on": "2026-10-02", "due_on": "2099-12-01", "if_late": "", "done_on": "" });
    let saved = app.call("save_ask", json!({ "clientId": id, "id": null, "input": ask })).unwrap();
    assert_eq!(saved["due_on"], "2099-12-01");
    let kpi = json!({ "name": "Orders", "unit": "orders", "direction": "up", "baseline": "10", "target": "20", "baseline_date": "2026-01-01", "target_date": "2026-12-31", "value_per_unit": "", "worth_counts": "monthly", "share": "", "below_baseline_counts": false });
    let kpi_id = app.call("save_kpi", json!({ "clientId": id, "id": null, "input": kpi })).unwrap()["id"].clone();
    let notes = app.call("save_kpi_note", json!({ "clientId": id, "kpiId": kpi_id, "input": { "period": "2026-10", "why": "The new page went live" } })).unwrap();
    assert_eq!(notes.as_array().unwrap().len(), 1);
    let preview = app.call("monthly_preview", json!({ "clientId": id, "month": "2026-10" })).unwrap();
    assert_eq!(preview["summary"]["asks"][0]["text"], "Approve the loyalty card");
    assert_eq!(preview["summary"]["kpis"][0]["why"], "The new page went live");

    assert_eq!(app.call("checklist", json!({ "clientId": id, "list": "onboarding" })).unwrap(), json!([]));
    let steps = app.call("start_checklist", json!({ "clientId": id, "list": "onboarding" })).unwrap();
    let first = steps[0]["id"].clone();
    let ticked = app.call("set_step_done", json!({ "clientId": id, "itemId": first, "done": true })).unwrap();
    assert!(ticked[0]["done_on"].is_string());
    assert_eq!(app.call("save_checklist_template", json!({ "list": "offboarding", "input": { "steps": "" } })).unwrap_err()["field"], "steps");
}

#[test]
fn branding_is_saved_and_a_bad_logo_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    app.call("save_studio", json!({ "input": { "name": "Fox", "currency": "EUR", "paper_size": "A4" } })).unwrap();
    assert_eq!(app.call("branding", json!({})).unwrap(), json!({ "accent": "#1f6f6b", "logo_data_url": null }));
    assert_eq!(app.call("save_accent", json!({ "input": { "accent": "#8A1538" } })).unwrap()["accent"], "#8a1538");
    let pale = app.call("save_accent", json!({ "input": { "accent": "#ffffaa" } })).unwrap_err();
    assert_eq!(pale["field"], "accent");

    let logo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("icons/32x32.png");
    let saved = app.call("save_logo", json!({ "path": logo })).unwrap();
    assert!(saved["logo_data_url"].as_str().unwrap().starts_with("data:image/png;base64,"));
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    let refused = app.call("save_logo", json!({ "path": text })).unwrap_err();
    assert_eq!((refused["field"].as_str(), refused["message"].as_str()), (Some("logo"), Some("The logo must be a PNG or JPEG image.")));
    assert_eq!(app.call("clear_logo", json!({})).unwrap()["logo_data_url"], Value::Null);
}

#[test]
fn the_review_health_portfolio_and_drafts_answer_for_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Demo);
    let review = app.call("weekly_review", json!({})).unwrap();
    let items = review["items"].as_array().unwrap();
    assert!(!items.is_empty(), "the demo has things to do");
    let key = items[0]["key"].as_str().unwrap().to_owned();
    app.call("mark_done", json!({ "key": key })).unwrap();
    let after = app.call("weekly_review", json!({})).unwrap();
    assert_eq!(after["hidden"], 1);
    app.call("reopen", json!({ "key": key })).unwrap();
    let bad = app.call("snooze", json!({ "key": key, "until": "yesterday" })).unwrap_err();
    assert_eq!(bad["field"], "until");

    let id = items[0]["client_id"].clone();
    let health = app.call("client_health", json!({ "id": id })).unwrap();
    assert_eq!(health["history"].as_array().unwrap().len(), 12);
    assert_eq!(health["health"]["signals"].as_array().unwrap().len(), 4);

    let view = app.call("portfolio", json!({ "period": "2026-Q3" })).unwrap();
    assert_eq!(view["current"]["period"]["label"], "Q3 2026");
    assert_eq!(view["trend"].as_array().unwrap().len(), 12);
    assert_eq!(app.call("portfolio", json!({ "period": "someday" })).unwrap_err()["field"], "period");

    assert!(view["groups"].as_array().unwrap().iter().any(|g| g["dimension"] == "Segment" && !g["members"].as_array().unwrap().is_empty()));
    assert_eq!(app.call("save_metrics_settings", json!({ "input": { "fiscal_year_start": 4, "acquisition_cost": "1,500" } })).unwrap(), json!({ "fiscal_year_start": 4, "acquisition_cost_cents": 150_000 }));
    let choices = app.call("period_choices", json!({})).unwrap();
    assert!(choices[1]["value"].as_str().unwrap().contains("-Q"), "last quarter, in the studio's fiscal year");
    let fiscal = app.call("portfolio", json!({ "period": choices[1]["value"] })).unwrap();
    assert!(fiscal["current"]["period"]["label"].as_str().unwrap().contains("FY"));
    assert_eq!(app.call("save_metrics_settings", json!({ "input": { "fiscal_year_start": 13, "acquisition_cost": "" } })).unwrap_err()["field"], "fiscal_year_start");
    assert!(review["health"][0]["segment"].is_string());

    let set = app.call("save_override", json!({ "clientId": id, "input": { "signal": "payment", "score": 2, "reason": "Paid in full at our meeting", "expires_on": "2099-01-01" } })).unwrap();
    assert_eq!(set["score"], 2);
    let overridden = app.call("client_health", json!({ "id": id })).unwrap();
    let payment = overridden["health"]["signals"].as_array().unwrap().iter().find(|s| s["signal"] == "payment").unwrap().clone();
    assert_eq!(payment["overridden"], true);
    app.call("end_override", json!({ "clientId": id, "signal": "payment" })).unwrap();
    let settings = app.call("health_settings", json!({})).unwrap();
    assert_eq!(settings["green_eighths"], 7);
    let mut fewer = settings.clone();
    fewer["signals"] = json!(["payment"]);
    assert_eq!(app.call("save_health_settings", json!({ "settings": fewer })).unwrap()["signals"], json!(["payment"]));
    fewer["signals"] = json!([]);
    assert_eq!(app.call("save_health_settings", json!({ "settings": fewer })).unwrap_err()["field"], "signals");

    let draft = app.call("draft_message", json!({ "clientId": id, "script": "value_check_in" })).unwrap();
    assert!(draft["body"].as_str().unwrap().contains("Where we are:"));
    app.call("save_template", json!({ "script": "value_check_in", "input": { "subject": "Update for {client}", "body": "{hello}\nOur own words.\n{signature}" } })).unwrap();
    let mine = app.call("draft_message", json!({ "clientId": id, "script": "value_check_in" })).unwrap();
    assert!(mine["body"].as_str().unwrap().contains("Our own words.") && !mine["body"].as_str().unwrap().contains('{'));
    assert_eq!(app.call("message_templates", json!({})).unwrap().as_array().unwrap().len(), 11, "six messages, the two payment reminders, the expansion opener and the two survey questions");
    app.call("reset_template", json!({ "script": "value_check_in" })).unwrap();
}

#[test]
fn a_file_is_previewed_then_imported_and_the_book_exported() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    app.call("save_studio", json!({ "input": { "name": "Fox", "currency": "EUR", "paper_size": "A4" } })).unwrap();
    let kinds = app.call("import_kinds", json!({})).unwrap();
    assert_eq!(kinds.as_array().unwrap().len(), clientwell_core::import::ImportKind::ALL.len());
    let template = dir.path().join("clients-template.csv");
    app.call("save_import_template", json!({ "kind": "clients", "path": template })).unwrap();
    assert!(std::fs::read_to_string(&template).unwrap().starts_with("name,"));

    let file = dir.path().join("clients.csv");
    std::fs::write(&file, "name;start_date\nHarbour Bakery;01/02/2026\nBad Co;31/02/2026\n").unwrap();
    let refused = app.call("import_file", json!({ "kind": "clients", "path": file, "choices": { "dates": "day_first", "mapping": null, "aliases": [], "computer_locale": null }, "commit": true, "onProgress": "__CHANNEL__:7" })).unwrap();
    assert_eq!((refused["committed"].as_bool(), refused["errors"][0]["row"].as_u64()), (Some(false), Some(3)));
    std::fs::write(&file, "name;start_date\nHarbour Bakery;01/02/2026\n").unwrap();
    let preview = app.call("import_file", json!({ "kind": "clients", "path": file, "choices": { "dates": "day_first", "mapping": null, "aliases": [], "computer_locale": null }, "commit": false, "onProgress": "__CHANNEL__:7" })).unwrap();
    assert_eq!((preview["committed"].as_bool(), preview["created"].as_u64()), (Some(false), Some(1)));
    assert_eq!(app.call("list_clients", json!({ "includeArchived": false })).unwrap(), json!([]), "a preview writes nothing");
    let done = app.call("import_file", json!({ "kind": "clients", "path": file, "choices": { "dates": "day_first", "mapping": null, "aliases": [], "computer_locale": null }, "commit": true, "onProgress": "__CHANNEL__:7" })).unwrap();
    assert_eq!(done["committed"], true);

    // A file in other words is remembered; the owner sees it in Settings and can forget it.
    std::fs::write(&file, "Client;KPI name;Starting value;Goal;Since;By\nHarbour Bakery;Website sessions a month;1200;2000;01/01/2026;31/12/2026\n").unwrap();
    let kpis = app.call("import_file", json!({ "kind": "kpis", "path": file, "choices": { "dates": "day_first", "mapping": null, "aliases": [], "computer_locale": null }, "commit": true, "onProgress": "__CHANNEL__:7" })).unwrap();
    assert_eq!(kpis["committed"], true, "{kpis}");
    let memory = app.call("import_memory", json!({})).unwrap();
    let saved = memory["columns"][0]["name"].as_str().unwrap().to_owned();
    assert_eq!((memory["columns"].as_array().unwrap().len(), memory["columns"][0]["holds"].as_str()), (1, Some("KPIs")));
    assert_eq!(app.call("forget_import_columns", json!({ "name": saved })).unwrap()["columns"], json!([]));
    assert_eq!(app.call("forget_import_columns", json!({ "name": saved })).unwrap_err()["kind"], "not_found");
    // Daily figures: the client and KPI chosen in the dialog cross IPC with the file.
    let ga4 = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/imports/ga4-sessions.csv");
    let metric = json!({ "client": "Harbour Bakery", "kpi": "Website sessions a month", "column": "", "month": null });
    let months = app.call("import_file", json!({ "kind": "clients", "path": ga4, "choices": { "dates": null, "mapping": null, "aliases": [], "computer_locale": null, "metric": metric }, "commit": true, "onProgress": "__CHANNEL__:7" })).unwrap();
    assert_eq!((months["committed"].as_bool(), months["created"].as_u64(), months["metric"]["column"].as_str()), (Some(true), Some(1), Some("Sessions")), "{months}");

    let out = dir.path().join("book.json");
    app.call("export_data", json!({ "kind": null, "path": out })).unwrap();
    assert!(std::fs::read_to_string(&out).unwrap().contains("Harbour Bakery"));
    let missing = app.call("import_file", json!({ "kind": "clients", "path": dir.path().join("nope.csv"), "choices": { "dates": "day_first", "mapping": null, "aliases": [], "computer_locale": null }, "commit": false, "onProgress": "__CHANNEL__:7" })).unwrap_err();
    assert_eq!(missing["field"], "file");
}

#[test]
fn the_owners_book_is_backed_up_daily_and_can_be_restored_from_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    // Made on its own thread as the book opens: wait for it (briefly).
    let mut daily = app.call("list_backups", json!({})).unwrap();
    for _ in 0..50 {
        if !daily.as_array().unwrap().is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        daily = app.call("list_backups", json!({})).unwrap();
    }
    assert_eq!(daily.as_array().unwrap().len(), 1, "opening the book made today's backup");
    assert_eq!(daily[0]["kind"], "daily");

    app.call("create_client", json!({ "input": client_input("Harbour Bakery") })).unwrap();
    let manual = app.call("back_up_now", json!({})).unwrap();
    assert_eq!((manual["kind"].as_str(), manual["client_count"].as_i64()), (Some("manual"), Some(1)));
    app.call("create_client", json!({ "input": client_input("Late Addition") })).unwrap();

    let before = app.call("restore_backup", json!({ "fileName": manual["file_name"] })).unwrap();
    assert_eq!((before["kind"].as_str(), before["client_count"].as_i64()), (Some("before_restore"), Some(2)));
    let names: Vec<Value> = app.call("list_clients", json!({ "includeArchived": true })).unwrap().as_array().unwrap().iter().map(|c| c["name"].clone()).collect();
    assert_eq!(names, vec![json!("Harbour Bakery")]);

    let err = app.call("restore_backup", json!({ "fileName": "../clientwell.sqlite3" })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
}

#[test]
fn a_second_app_on_the_same_book_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let first = app_in(dir.path(), BookKind::Mine);
    first.call("create_client", json!({ "input": client_input("Harbour Bakery") })).unwrap();
    let second = app_in(dir.path(), BookKind::Mine);
    let status = second.call("app_status", json!({})).unwrap();
    assert_eq!(status["problem"]["kind"], "conflict");
    assert!(status["problem"]["message"].as_str().unwrap().contains("already open"));
    let err = second.call("create_client", json!({ "input": client_input("Second Writer") })).unwrap_err();
    assert_eq!(err["kind"], "conflict");
    assert_eq!(first.call("list_clients", json!({ "includeArchived": true })).unwrap().as_array().unwrap().len(), 1);
    // The demo book is a different file: the second window may still open it.
    assert_eq!(second.call("open_demo_book", json!({})).unwrap()["problem"], Value::Null);
}

#[test]
fn every_write_tells_the_window_what_it_changed_and_a_read_tells_it_nothing() {
    use clientwell_app::events::BookChanged;
    use tauri_specta::Event;
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Mine);
    let (send, heard) = std::sync::mpsc::channel::<Vec<String>>();
    BookChanged::listen(app.app.handle(), move |event| {
        let areas = event.payload.areas.iter().map(|a| serde_json::to_value(a).unwrap().as_str().unwrap().to_owned()).collect();
        let _ = send.send(areas);
    });
    let next = || heard.recv_timeout(std::time::Duration::from_secs(10)).expect("a BookChanged event");

    app.call("save_studio", json!({ "input": { "name": "Fox & Finch", "currency": "EUR", "paper_size": "A4" } })).unwrap();
    assert_eq!(next(), ["studio"]);
    let id = app.call("create_client", json!({ "input": client_input("Harbour Bakery") })).unwrap()["id"].as_i64().unwrap();
    assert_eq!(next(), ["clients"]);
    app.call(
        "save_touchpoint",
        json!({ "clientId": id, "id": null, "input": {
            "kind": "call", "happened_on": "2026-11-02", "summary": "October review", "client_replied": true,
            "attended": true, "rescheduled": false, "no_show": false, "reply_days": "" } }),
    )
    .unwrap();
    assert_eq!(next(), ["clients"], "the health card reads clients, so it refreshes");
    app.call("mark_done", json!({ "key": format!("checkin:{id}:2026-11-20") })).unwrap();
    assert_eq!(next(), ["review"]);

    // Reads and refused writes change nothing, so nothing is sent.
    app.call("client_page", json!({ "id": id, "asOf": "2026-11-25" })).unwrap();
    assert!(app.call("create_client", json!({ "input": client_input(" ") })).is_err());
    // The CLI writing to the same book is seen at the next command (the window asks on focus).
    let mut other = clientwell_core::Store::open(&dir.path().join("clientwell.sqlite3")).unwrap();
    other.create_client(&clientwell_core::book::ClientInput { name: "Lumen Dental".into(), status: clientwell_core::book::ClientStatus::Active, goal: String::new(), start_date: "2026-01-05".into(), notes: String::new() }).unwrap();
    app.call("check_for_changes", json!({})).unwrap();
    assert_eq!(next(), ["clients", "review", "settings", "studio"], "nothing was sent for the read or the refused write");
}

#[test]
fn the_month_close_lists_each_report_and_remembers_what_was_reviewed_and_sent() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path(), BookKind::Demo);
    let close = app.call("to_send", json!({ "month": "2026-09" })).unwrap();
    let rows = close["rows"].as_array().unwrap();
    let qbr = rows.iter().find(|r| r["kind"] == "qbr").expect("September closes a quarter");
    let (id, period) = (qbr["client_id"].clone(), qbr["period"].clone());
    let marked = app.call("mark_document", json!({ "clientId": id, "kind": "qbr", "period": period, "mark": "sent" })).unwrap();
    assert!(marked["sent_on"].is_string());
    let again = app.call("to_send", json!({ "month": "2026-09" })).unwrap();
    let row = again["rows"].as_array().unwrap().iter().find(|r| r["client_id"] == id && r["kind"] == "qbr").unwrap().clone();
    assert_eq!(row["sent_on"], marked["sent_on"]);
    let bad = app.call("mark_document", json!({ "clientId": id, "kind": "qbr", "period": "Q3", "mark": "sent" })).unwrap_err();
    assert_eq!((bad["kind"].as_str(), bad["field"].as_str()), (Some("validation"), Some("period")));
    let bad = app.call("to_send", json!({ "month": "September" })).unwrap_err();
    assert_eq!(bad["field"], "month");
}

#[test]
fn clientwell_looks_for_updates_only_with_the_owners_consent_kept_on_this_computer() {
    let dir = tempfile::tempdir().unwrap();
    let app = common::app_in(dir.path(), BookKind::Mine);
    let settings = app.ok("update_settings", json!({}));
    assert_eq!(settings["check_at_start"], false, "off until the owner agrees");
    assert_eq!(settings["current_version"], "0.1.0");
    // The window's check at start goes nowhere without consent, and records no check.
    assert_eq!(app.ok("check_for_update", json!({ "atStart": true })), Value::Null);
    assert_eq!(app.ok("update_settings", json!({}))["last_checked"], Value::Null);
    let agreed = app.ok("save_update_settings", json!({ "checkAtStart": true }));
    assert_eq!(agreed["check_at_start"], true);
    // Kept per computer beside the books, not in the book.
    let kept = std::fs::read_to_string(dir.path().join(clientwell_core::updates::PREFS_FILE)).unwrap();
    assert!(kept.contains("\"check_at_start\": true"), "{kept}");
    assert_eq!(common::app_in(dir.path(), BookKind::Demo).ok("update_settings", json!({}))["check_at_start"], true, "the same on the demo book");
    // A damaged file is named, gives no consent, and choosing again rewrites it.
    std::fs::write(dir.path().join(clientwell_core::updates::PREFS_FILE), "{ not json").unwrap();
    assert!(app.call("update_settings", json!({})).is_err());
    assert_eq!(app.ok("check_for_update", json!({ "atStart": true })), Value::Null);
    assert_eq!(app.ok("save_update_settings", json!({ "checkAtStart": false }))["check_at_start"], false);
    assert_eq!(app.ok("update_settings", json!({}))["check_at_start"], false);
}
