//! Black-box tests of the `clientwell` binary: arguments in, stdout/stderr and exit code out.

use std::path::Path;
use std::process::{Command, Output};

fn clientwell(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clientwell")).env("CLIENTWELL_DATA_DIR", data_dir).args(args).output().expect("the clientwell binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn init_then_clients_on_an_empty_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("studio.sqlite3");
    let db = db.to_str().unwrap();
    let init = clientwell(dir.path(), &["--db", db, "init", "--studio", "Fox & Finch", "--currency", "gbp"]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    assert!(stdout(&init).contains("Set up Fox & Finch (GBP)"));
    let list = clientwell(dir.path(), &["--db", db, "clients", "--json"]);
    assert_eq!(list.status.code(), Some(0));
    assert_eq!(stdout(&list).trim(), "[]");
    let again = clientwell(dir.path(), &["--db", db, "init", "--studio", "Other", "--currency", "EUR"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already set up for Fox & Finch"));
}

#[test]
fn a_bad_currency_is_a_user_error_naming_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let out = clientwell(dir.path(), &["init", "--studio", "Fox", "--currency", "EURO"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("'EURO' is not a currency"), "{}", stderr(&out));
}

#[test]
fn unknown_arguments_are_a_user_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = clientwell(dir.path(), &["clients", "--colour"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn demo_is_deterministic_and_listed_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        let db = dir.path().join(name);
        let db = db.to_str().unwrap();
        let made = clientwell(dir.path(), &["--db", db, "demo", "--seed", "3", "--as-of", "2026-11-25"]);
        assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
        let list = clientwell(dir.path(), &["--db", db, "clients", "--json", "--all"]);
        let clients: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        clients.as_array().unwrap().iter().map(|c| (c["name"].as_str().unwrap().to_owned(), c["start_date"].as_str().unwrap().to_owned())).collect::<Vec<_>>()
    };
    let first = run("a.sqlite3");
    assert!(first.len() >= 12);
    assert_eq!(first, run("b.sqlite3"));
}

#[test]
fn demo_without_db_writes_the_demo_book_not_the_real_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = clientwell(dir.path(), &["demo", "--as-of", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("demo.sqlite3").exists());
    assert!(!dir.path().join("clientwell.sqlite3").exists());
    let again = clientwell(dir.path(), &["demo"]);
    assert_eq!(again.status.code(), Some(1), "a second demo into a full book is refused");
}

#[test]
fn text_listing_shows_names_and_hides_archived_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let db = db.to_str().unwrap();
    clientwell(dir.path(), &["--db", db, "demo", "--as-of", "2026-11-25"]);
    let all = stdout(&clientwell(dir.path(), &["--db", db, "clients", "--all"]));
    let active = stdout(&clientwell(dir.path(), &["--db", db, "clients"]));
    assert!(all.starts_with("ID"));
    assert!(all.lines().count() >= active.lines().count());
    assert!(!active.contains(" yes"));
}

#[test]
fn one_client_by_name_or_number_with_its_whole_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let db = db.to_str().unwrap();
    clientwell(dir.path(), &["--db", db, "demo", "--as-of", "2026-11-25"]);
    let by_name = clientwell(dir.path(), &["--db", db, "client", "harbour bakery", "--json", "--as-of", "2026-11-25"]);
    assert_eq!(by_name.status.code(), Some(0), "{}", stderr(&by_name));
    let page: serde_json::Value = serde_json::from_slice(&by_name.stdout).unwrap();
    assert_eq!(page["client"]["name"], "Harbour Bakery");
    assert!(page["timeline"].as_array().is_some_and(|t| !t.is_empty()));
    let id = page["client"]["id"].to_string();
    let by_id = clientwell(dir.path(), &["--db", db, "client", &id, "--json", "--as-of", "2026-11-25"]);
    assert_eq!(by_id.stdout, by_name.stdout);
    let missing = clientwell(dir.path(), &["--db", db, "client", "Nobody Ltd"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("There is no client called 'Nobody Ltd'"));
}

#[test]
fn import_is_all_or_nothing_and_export_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite3");
    let db = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "init", "--studio", "Fox", "--currency", "EUR"]).status.code(), Some(0));

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,start_date\nGood Co,2025-01-01\nBad Co,31/02/2025\n").unwrap();
    let refused = clientwell(dir.path(), &["--db", db, "import", "clients", bad.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "a bad row is a user error");
    assert!(stdout(&refused).contains("row 3, column start_date"), "{}", stdout(&refused));
    assert!(stderr(&refused).contains("nothing was imported"));
    assert_eq!(stdout(&clientwell(dir.path(), &["--db", db, "clients", "--json"])).trim(), "[]", "nothing written");

    let good = dir.path().join("good.csv");
    std::fs::write(&good, "Name;Start Date;Goal\nGood Co;01.02.2025;More leads\nÉlan Studio;2025-03-01;\n").unwrap();
    let preview = clientwell(dir.path(), &["--db", db, "import", "clients", good.to_str().unwrap(), "--preview"]);
    assert_eq!(preview.status.code(), Some(0), "{}", stderr(&preview));
    assert!(stdout(&preview).contains("Would import clients: 2 new"));
    assert_eq!(stdout(&clientwell(dir.path(), &["--db", db, "clients", "--json"])).trim(), "[]", "a preview writes nothing");
    let imported = clientwell(dir.path(), &["--db", db, "import", "clients", good.to_str().unwrap()]);
    assert!(stdout(&imported).contains("Imported clients: 2 new, 0 updated, 0 unchanged"), "{}", stdout(&imported));

    let out = dir.path().join("clients.csv");
    let export = clientwell(dir.path(), &["--db", db, "export", "clients", "--out", out.to_str().unwrap()]);
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    let again = clientwell(dir.path(), &["--db", db, "import", "clients", out.to_str().unwrap()]);
    assert!(stdout(&again).contains("0 new, 0 updated, 2 unchanged"), "{}", stdout(&again));

    let unknown = clientwell(dir.path(), &["--db", db, "export", "widgets", "--out", out.to_str().unwrap()]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("Unknown kind 'widgets'"));
    let help = clientwell(dir.path(), &["help", "import"]);
    assert!(stdout(&help).contains("survey_answers"), "the kinds and columns are documented");
}

#[test]
fn report_writes_a_one_page_pdf_named_after_the_client() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "demo", "--as-of", "2026-11-26"]).status.code(), Some(0));
    let folder = dir.path().to_str().unwrap();
    let ok = clientwell(dir.path(), &["--db", db, "report", "monthly", "--client", "harbour bakery", "--month", "2026-10", "--out", folder, "--as-of", "2026-11-26"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let pdf = std::fs::read(dir.path().join("2026-10 Harbour Bakery — Monthly summary.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let batch_dir = dir.path().join("batch");
    std::fs::create_dir(&batch_dir).unwrap();
    let batch = clientwell(dir.path(), &["--db", db, "report", "batch", "--month", "2026-10", "--out", batch_dir.to_str().unwrap(), "--as-of", "2026-11-26"]);
    assert_eq!(batch.status.code(), Some(0), "{}", stderr(&batch));
    let written = std::fs::read_dir(&batch_dir).unwrap().count();
    assert!(written >= 10 && stdout(&batch).contains(&format!("Wrote {written} monthly summaries for October 2026")), "{}", stdout(&batch));
    let bad = clientwell(dir.path(), &["--db", db, "report", "monthly", "--client", "harbour bakery", "--month", "October", "--out", folder]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("'October' is not a month"), "{}", stderr(&bad));
}

#[test]
fn qbr_writes_the_last_complete_quarter_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "demo", "--as-of", "2026-11-26"]).status.code(), Some(0));
    let out = dir.path().join("qbr.pdf");
    let ok = clientwell(dir.path(), &["--db", db, "report", "qbr", "--client", "1", "--out", out.to_str().unwrap(), "--as-of", "2026-11-26"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    // --deck writes the 16:9 slides; given a folder, under their own name.
    let deck = clientwell(dir.path(), &["--db", db, "report", "qbr", "--client", "1", "--out", dir.path().to_str().unwrap(), "--as-of", "2026-11-26", "--deck"]);
    assert_eq!(deck.status.code(), Some(0), "{}", stderr(&deck));
    let slides = std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).find(|e| e.file_name().to_string_lossy().ends_with("QBR slides.pdf")).expect("the slides file");
    assert!(String::from_utf8_lossy(&std::fs::read(slides.path()).unwrap()).contains("/MediaBox[0 0 960.0"), "16:9");
    // The close of September: each current client's summary and the quarter's QBRs.
    let close = clientwell(dir.path(), &["--db", db, "report", "to-send", "--month", "2026-09", "--as-of", "2026-11-26"]);
    assert_eq!(close.status.code(), Some(0), "{}", stderr(&close));
    assert!(stdout(&close).starts_with("To send for September 2026:") && stdout(&close).contains("· QBR Q3 2026 · to review · to "), "{}", stdout(&close));
    let bad = clientwell(dir.path(), &["--db", db, "report", "qbr", "--client", "1", "--quarter", "2026-Q7", "--out", out.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("is not a quarter"), "{}", stderr(&bad));
}

#[test]
fn review_metrics_and_health_print_for_a_fixed_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "demo", "--as-of", "2026-11-26"]).status.code(), Some(0));
    let review = clientwell(dir.path(), &["--db", db, "review", "--as-of", "2026-11-26", "--json"]);
    assert_eq!(review.status.code(), Some(0), "{}", stderr(&review));
    let json: serde_json::Value = serde_json::from_slice(&review.stdout).unwrap();
    assert!(!json["items"].as_array().unwrap().is_empty());
    assert_eq!(stdout(&clientwell(dir.path(), &["--db", db, "review", "--as-of", "2026-11-26", "--json"])), stdout(&review), "reproducible for an as-of date");

    let metrics = clientwell(dir.path(), &["--db", db, "metrics", "--period", "2026-Q3", "--as-of", "2026-11-26"]);
    let json: serde_json::Value = serde_json::from_slice(&metrics.stdout).unwrap();
    let current = &json["current"];
    let part = current["logo_retention"]["part"].as_u64().unwrap() + current["logo_churn"]["part"].as_u64().unwrap();
    assert_eq!(part, current["start_clients"].as_u64().unwrap());
    assert!(json["groups"].as_array().unwrap().iter().any(|g| g["dimension"] == "Segment"));

    let health = clientwell(dir.path(), &["--db", db, "health", "--client", "1", "--as-of", "2026-11-26", "--weeks", "4", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&health.stdout).unwrap();
    assert_eq!(json[0]["history"].as_array().unwrap().len(), 4);
    let everyone = clientwell(dir.path(), &["--db", db, "health", "--as-of", "2026-11-26"]);
    let json: serde_json::Value = serde_json::from_slice(&everyone.stdout).unwrap();
    assert!(json.as_array().unwrap().len() >= 10, "every current client");
    let signals = json[0]["health"]["signals"].as_array().unwrap();
    assert!(signals.iter().all(|s| s["reason"].is_string() && s["overridden"].is_boolean()));

    let fiscal = clientwell(dir.path(), &["--db", db, "metrics", "--period", "2027-Q2", "--fiscal-year-start", "4", "--by", "segment", "--as-of", "2026-11-26", "--json"]);
    assert_eq!(fiscal.status.code(), Some(0), "{}", stderr(&fiscal));
    let groups: serde_json::Value = serde_json::from_slice(&fiscal.stdout).unwrap();
    assert!(groups.as_array().unwrap().iter().all(|g| g["dimension"] == "Segment"));
    let bad = clientwell(dir.path(), &["--db", db, "metrics", "--period", "later"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("is not a period"));
}

#[test]
fn calendar_backup_backups_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "demo", "--as-of", "2026-11-26"]).status.code(), Some(0));

    let ics = dir.path().join("dates.ics");
    let out = clientwell(dir.path(), &["--db", db, "calendar", "--as-of", "2026-11-26", "--out", ics.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&ics).unwrap();
    let events = text.matches("BEGIN:VEVENT").count();
    assert!(events > 10 && stdout(&out).contains(&format!("Wrote {events} events")), "{}", stdout(&out));

    let backup = clientwell(dir.path(), &["--db", db, "backup"]);
    assert_eq!(backup.status.code(), Some(0), "{}", stderr(&backup));
    let list = clientwell(dir.path(), &["--db", db, "backups", "--json"]);
    let backups: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    let manual = backups.as_array().unwrap().iter().find(|b| b["kind"] == "manual").expect("the manual backup is listed");
    assert!(manual["client_count"].as_u64().unwrap() >= 15);

    let restore = clientwell(dir.path(), &["--db", db, "restore", manual["file_name"].as_str().unwrap()]);
    assert_eq!(restore.status.code(), Some(0), "{}", stderr(&restore));
    assert!(stdout(&restore).contains("The book as it was is in"));
    let missing = clientwell(dir.path(), &["--db", db, "restore", "../elsewhere.sqlite3"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn report_value_prints_the_computation_with_its_inputs_so_it_can_be_redone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "demo", "--as-of", "2026-11-26"]).status.code(), Some(0));
    let clients: serde_json::Value = serde_json::from_str(&stdout(&clientwell(dir.path(), &["--db", db, "clients", "--json", "--all"]))).unwrap();
    let mut measured = 0;
    let mut unmeasured = 0;
    for c in clients.as_array().unwrap() {
        let id = format!("#{}", c["id"]);
        let run = clientwell(dir.path(), &["--db", db, "report", "value", "--client", &id, "--as-of", "2026-11-26", "--json"]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let v: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
        let kpis = v["kpis"].as_array().unwrap();
        if kpis.is_empty() {
            unmeasured += 1;
            assert_eq!(v["low_cents"], 0);
            continue;
        }
        measured += 1;
        let mut total = 0i64;
        for k in kpis {
            // Redo it from the printed inputs: the gains counted, times the worth, times the share.
            let units: f64 = k["counted"].as_array().unwrap().iter().map(|m| m["gain"].as_f64().unwrap()).sum();
            assert!((units - k["units"].as_f64().unwrap()).abs() < 1e-6, "{k}");
            let months_counted = k["counted"].as_array().unwrap().len().max(1) as f64;
            assert!((units / months_counted - k["average_gain"].as_f64().unwrap()).abs() < 1e-6, "{k}");
            let low = (units * k["per_unit_cents"].as_f64().unwrap() * k["share_low_pct"].as_f64().unwrap() / 100.0).round() as i64;
            assert_eq!(k["low_cents"].as_i64().unwrap(), low, "{k}");
            let months: Vec<&str> = k["counted"].as_array().unwrap().iter().map(|m| m["month"].as_str().unwrap()).collect();
            let mut distinct = months.clone();
            distinct.dedup();
            assert_eq!(months, distinct, "no month counted twice");
            total += low;
        }
        assert_eq!(v["low_cents"].as_i64().unwrap(), total);
        let text = clientwell(dir.path(), &["--db", db, "report", "value", "--client", &id, "--as-of", "2026-11-26"]);
        assert!(stdout(&text).contains("Value from "), "{}", stdout(&text));
    }
    assert!(measured > 0 && unmeasured > 0, "the demo shows both states: {measured} measured, {unmeasured} not");
}

#[test]
fn another_tools_export_is_read_with_source_then_remembered_by_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.sqlite3");
    let db = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "init", "--studio", "Brightline Studio", "--currency", "EUR"]).status.code(), Some(0));
    let clients = dir.path().join("clients.csv");
    std::fs::write(&clients, "name,start_date\nHarbour Bakery,2025-01-01\nCafé Łódź,2025-01-01\nÉcole Lumière,2025-01-01\n").unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "import", "clients", clients.to_str().unwrap()]).status.code(), Some(0));
    let xero = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/imports/xero-invoices.csv");
    let xero = xero.to_str().unwrap();

    let preview = clientwell(dir.path(), &["--db", db, "import", "--source", "xero", xero, "--preview"]);
    assert_eq!(preview.status.code(), Some(1), "paid invoices without a payment date are refused until the owner says how");
    assert!(stdout(&preview).contains("Read as: Xero invoices") && stdout(&preview).contains("no payment date"), "{}", stdout(&preview));
    let done = clientwell(dir.path(), &["--db", db, "import", "--source", "xero", xero, "--paid-on-due-date"]);
    assert_eq!(done.status.code(), Some(0), "{}{}", stdout(&done), stderr(&done));
    assert!(stdout(&done).contains("Imported invoices: 5 new"), "{}", stdout(&done));
    assert!(stdout(&done).contains("Left out: Draft invoices"), "{}", stdout(&done));
    // Next month: the same header, nothing to say.
    let again = clientwell(dir.path(), &["--db", db, "import", "invoices", xero]);
    assert!(stdout(&again).contains("Columns: as saved in 'Xero invoices'") && stdout(&again).contains("5 unchanged"), "{}", stdout(&again));
    let named = clientwell(dir.path(), &["--db", db, "import", "--mapping", "xero INVOICES", xero, "--preview"]);
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
    let unknown = clientwell(dir.path(), &["--db", db, "import", "--source", "sage", xero]);
    assert!(stderr(&unknown).contains("Unknown source 'sage'") && stderr(&unknown).contains("harvest"), "{}", stderr(&unknown));
    let help = clientwell(dir.path(), &["help", "import"]);
    assert!(stdout(&help).contains("xero") && stdout(&help).contains("Toggl Track"), "the sources are listed: {}", stdout(&help));
}

#[test]
fn ending_a_client_asks_why_and_the_portfolio_counts_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let db = db.to_str().unwrap();
    assert_eq!(clientwell(dir.path(), &["--db", db, "demo", "--as-of", "2026-11-26"]).status.code(), Some(0));
    let clients: serde_json::Value = serde_json::from_slice(&clientwell(dir.path(), &["--db", db, "clients", "--json"]).stdout).unwrap();
    let active = clients.as_array().unwrap().iter().find(|c| c["status"] == "active").unwrap();
    let name = active["name"].as_str().unwrap();

    let refused = clientwell(dir.path(), &["--db", db, "end", name, "--reason", "bored", "--on", "2026-11-20"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("Choose why they left"), "{}", stderr(&refused));

    let ended = clientwell(dir.path(), &["--db", db, "end", name, "--reason", "other_studio", "--on", "2026-11-20", "--notes", "Went with a bigger agency."]);
    assert_eq!(ended.status.code(), Some(0), "{}", stderr(&ended));
    assert!(stdout(&ended).contains("Moved to another studio (last day 20 Nov 2026)"), "{}", stdout(&ended));

    let metrics = clientwell(dir.path(), &["--db", db, "metrics", "--period", "2026-11", "--as-of", "2026-11-26"]);
    let json: serde_json::Value = serde_json::from_slice(&metrics.stdout).unwrap();
    let reasons = json["churn"]["reasons"].as_array().unwrap();
    let moved = reasons.iter().find(|r| r["reason"] == "other_studio").expect("the reason is counted in November");
    assert!(moved["clients"].as_array().unwrap().iter().any(|c| c == name));
    let counted: u64 = reasons.iter().map(|r| r["clients"].as_array().unwrap().len() as u64).sum();
    assert_eq!(counted, json["churn"]["lost"].as_u64().unwrap(), "every client who left is under a reason");
    assert_eq!(json["churn"]["lost_from_start"], json["current"]["logo_churn"]["part"], "those there on the 1st are the month's logo churn");
}
