//! Every main screen drawn by a real browser (Debian's chromium, headless) in the light and the
//! dark theme, from answers recorded from the real commands on the demo studio: the built UI
//! page `ui/dist-screens/screens.html` (`npm run build:screens`) replaces Tauri's IPC with those
//! answers. Each screen must render its heading with no error on the page or in the console;
//! the PNGs go to target/ui-screenshots/ for a person to look at.
//!
//! Needs chromium, so it is `#[ignore]`d by a plain `cargo test` (listed as ignored, never as
//! passed) and runs with the end-to-end tests: `cargo test --test ui_screens -- --ignored`.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use clientwell_app::BookKind;
use serde_json::{json, Map, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The answers the screens ask for, recorded from the commands on the demo studio.
fn record_fixtures(data: &Path) -> (Value, i64) {
    let app = common::app_in(data, BookKind::Demo);
    let clients = app.ok("list_clients", json!({ "includeArchived": false }));
    let client = clients.as_array().unwrap().iter().find(|c| c["name"] == "Harbour Bakery").unwrap()["id"].as_i64().unwrap();
    let periods = app.ok("period_choices", json!({}));
    let period = periods[0]["value"].as_str().unwrap_or("2026-Q3").to_owned();
    let month = chrono::Local::now().date_naive().format("%Y-%m").to_string();
    let calls: Vec<(&str, Value)> = vec![
        ("app_status", json!({})),
        ("currencies", json!({})),
        ("weekly_review", json!({})),
        ("list_clients", json!({ "includeArchived": false })),
        ("current_clients", json!({})),
        ("client_table", json!({ "includeArchived": false })),
        ("client_page", json!({ "id": client, "asOf": "" })),
        ("client_health", json!({ "id": client })),
        ("checklist", json!({ "clientId": client, "list": "onboarding" })),
        ("period_choices", json!({})),
        ("portfolio", json!({ "period": period })),
        ("metrics_settings", json!({})),
        ("health_settings", json!({})),
        ("playbook_settings", json!({})),
        ("message_templates", json!({})),
        ("checklist_template", json!({ "list": "onboarding" })),
        ("branding", json!({})),
        ("import_kinds", json!({})),
        ("monthly_preview", json!({ "clientId": client, "month": month })),
        ("list_backups", json!({})),
        ("import_memory", json!({})),
        ("update_settings", json!({})),
        ("check_for_update", json!({ "atStart": true })),
        ("ui_painted", json!({})),
        ("display_settings", json!({})),
        ("locale_choices", json!({})),
    ];
    let mut fixtures = Map::new();
    for (cmd, args) in calls {
        fixtures.insert(cmd.to_owned(), app.ok(cmd, args));
    }
    (Value::Object(fixtures), client)
}

/// Serves `dir` and `fixtures.json` over HTTP on 127.0.0.1 (module scripts need http, not file:).
fn serve(dir: PathBuf, fixtures: String) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let path = request.split_whitespace().nth(1).unwrap_or("/").split('?').next().unwrap_or("/").to_owned();
            let (body, kind) = if path == "/fixtures.json" {
                (fixtures.clone().into_bytes(), "application/json")
            } else {
                let file = dir.join(path.trim_start_matches('/'));
                let kind = match file.extension().and_then(|e| e.to_str()) {
                    Some("js") => "text/javascript",
                    Some("css") => "text/css",
                    Some("html") => "text/html",
                    _ => "application/octet-stream",
                };
                (std::fs::read(&file).unwrap_or_default(), kind)
            };
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    port
}

fn chromium(args: &[&str]) -> std::process::Output {
    Command::new("chromium")
        .args(["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900", "--virtual-time-budget=10000"])
        .args(args)
        .output()
        .expect("chromium is installed (.ci/setup installs it)")
}

#[test]
#[ignore = "needs chromium: run `cargo test --test ui_screens -- --ignored` (the README's test command does)"]
fn every_main_screen_renders_in_a_real_browser_in_both_themes() {
    let dist = root().join("ui/dist-screens");
    assert!(dist.join("screens.html").exists(), "build the screenshot page first: (cd ui && npm run build:screens)");
    let data = tempfile::tempdir().unwrap();
    let (fixtures, client) = record_fixtures(data.path());
    let out = root().join("target/ui-screenshots");
    std::fs::create_dir_all(&out).unwrap();
    // Kept so a person can serve ui/dist-screens with them and look at a panel or state by hand.
    std::fs::write(out.join("fixtures.json"), fixtures.to_string()).unwrap();
    let port = serve(dist, fixtures.to_string());

    let screens = [
        ("review", String::new(), "This week"),
        ("clients", String::new(), "Clients"),
        ("clients", format!("&client={client}"), "Harbour Bakery"),
        ("portfolio", String::new(), "Portfolio"),
        ("reports", String::new(), "Reports"),
        ("settings", String::new(), "Settings"),
    ];
    let mut problems = Vec::new();
    for (area, extra, heading) in &screens {
        for dark in [false, true] {
            let url = format!("http://127.0.0.1:{port}/screens.html?area={area}{extra}");
            let theme: &[&str] = if dark { &["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] } else { &["--blink-settings=preferredColorScheme=1"] };
            let name = format!("{area}{}-{}", if extra.is_empty() { "" } else { "-client" }, if dark { "dark" } else { "light" });
            let shot = out.join(format!("{name}.png"));
            let mut args: Vec<&str> = theme.to_vec();
            let shot_arg = format!("--screenshot={}", shot.display());
            args.extend(["--enable-logging=stderr", "--v=0", &shot_arg, &url]);
            let run = chromium(&args);
            let console = String::from_utf8_lossy(&run.stderr);
            for line in console.lines().filter(|l| l.contains("CONSOLE") && (l.contains("Error") || l.contains("Uncaught") || l.contains("Warning: "))) {
                problems.push(format!("{name}: console: {line}"));
            }
            let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
            if size < 20_000 {
                problems.push(format!("{name}: the screenshot is missing or nearly blank ({size} bytes)"));
            }
            let mut dom_args: Vec<&str> = theme.to_vec();
            dom_args.extend(["--dump-dom", &url]);
            let dom = String::from_utf8_lossy(&chromium(&dom_args).stdout).into_owned();
            if !dom.contains(&format!(">{heading}</h1>")) {
                problems.push(format!("{name}: no “{heading}” heading in the page"));
            }
            for bad in ["No recorded answer", "could not", "banner--error", "Something went wrong"] {
                if dom.contains(bad) {
                    problems.push(format!("{name}: the page shows an error ({bad})"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
