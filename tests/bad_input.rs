//! Every command that writes, sent every class of bad input through the real IPC: each must
//! answer with the typed validation error naming the field, and the book must be byte-for-byte
//! the same afterwards (compared as every row of every table).

mod common;

use clientwell_app::BookKind;
use serde_json::{json, Value};

/// Every row of every table, as text, read over a second connection: what "nothing changed"
/// is checked against.
fn snapshot(db: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let width = stmt.column_count();
        let found = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..width).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
                Ok(format!("{table}: {}", cells.join("|")))
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        rows.extend(found);
    }
    rows
}

const LONG: usize = 100_001;

/// Bad values for a required text field; `optional` text fields get all but the empty ones.
fn bad_text(required: bool) -> Vec<Value> {
    let mut bad = vec![json!("x".repeat(LONG)), json!("bell\u{7}ring"), json!("null\u{0}byte")];
    if required {
        bad.extend([json!(""), json!("   \n\t ")]);
    }
    bad
}

fn bad_date(required: bool) -> Vec<Value> {
    let mut bad = vec![json!("2026-02-30"), json!("31/12/2026"), json!("1899-12-31"), json!("2101-01-01"), json!("next tuesday")];
    if required {
        bad.push(json!(""));
    }
    bad
}

fn bad_money(required: bool) -> Vec<Value> {
    let mut bad = vec![json!("abc"), json!("1.2.3"), json!("12.3456"), json!("99999999999999999999"), json!("€€5")];
    if required {
        bad.push(json!(""));
    }
    bad
}

fn bad_number() -> Vec<Value> {
    vec![json!("lots"), json!("-5"), json!("1e999")]
}

struct Case {
    command: &'static str,
    /// The command's arguments, with the input under `input` (or `settings`).
    args: Value,
    /// field → bad values
    fields: Vec<(&'static str, Vec<Value>)>,
}

#[test]
fn every_bad_input_class_is_refused_with_the_field_named_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = common::app_in(dir.path(), BookKind::Mine);
    app.ok("save_studio", json!({ "input": { "name": "Fox & Finch", "currency": "EUR", "paper_size": "A4" } }));
    let client = |name: &str| json!({ "name": name, "status": "active", "goal": "More orders", "start_date": "2026-01-01", "notes": "" });
    let id = app.ok("create_client", json!({ "input": client("Harbour Bakery") }))["id"].clone();
    let other = app.ok("create_client", json!({ "input": client("Café Lumière") }))["id"].clone();
    let kpi = json!({ "name": "Orders", "unit": "orders", "direction": "up", "baseline": "10", "target": "20", "baseline_date": "2026-01-01", "target_date": "2026-12-31", "value_per_unit": "", "worth_counts": "monthly", "share": "", "below_baseline_counts": false });
    let kpi_id = app.ok("save_kpi", json!({ "clientId": id, "id": null, "input": kpi }))["id"].clone();
    let db = dir.path().join(clientwell_core::paths::BOOK_FILE);

    let for_client = |input: Value| json!({ "clientId": id, "id": null, "input": input });
    let cases = vec![
        Case {
            command: "save_studio",
            args: json!({ "input": { "name": "Fox & Finch", "currency": "EUR", "paper_size": "A4" } }),
            fields: vec![("name", bad_text(true)), ("currency", vec![json!("EURO"), json!(""), json!("€"), json!("XXX1")])],
        },
        Case {
            command: "create_client",
            args: json!({ "input": client("New Client") }),
            fields: vec![("name", bad_text(true)), ("goal", bad_text(false)), ("start_date", bad_date(true)), ("notes", bad_text(false))],
        },
        Case {
            command: "save_success_plan",
            args: json!({ "clientId": id, "input": { "cadence_days": "30", "owner": "Ana", "recap": "", "fiscal_year_start": 1, "annual_budget": "60,000" } }),
            fields: vec![
                ("cadence_days", vec![json!("0"), json!("366"), json!("weekly"), json!("-1")]),
                ("owner", bad_text(false)),
                ("recap", bad_text(false)),
                ("fiscal_year_start", vec![json!(0), json!(13)]),
                ("annual_budget", bad_money(false)),
            ],
        },
        Case {
            command: "save_stakeholder",
            args: for_client(json!({ "name": "Ana Silva", "role": "champion", "email": "ana@example.com", "phone": "", "is_primary": false, "changed_on": "" })),
            fields: vec![("name", bad_text(true)), ("email", vec![json!("not-an-email"), json!("a@"), json!("@b.com")]), ("phone", bad_text(false))],
        },
        Case {
            command: "save_contract",
            args: for_client(json!({ "kind": "retainer", "service_line": "SEO", "value": "2,500.00", "start_date": "2026-01-01", "end_date": "", "renewal_date": "2026-12-31", "notice_days": "30", "included_hours": "20", "unused_hours": "next_month" })),
            fields: vec![
                ("value", bad_money(true)),
                ("start_date", bad_date(true)),
                ("end_date", vec![json!("2025-01-01"), json!("2026-02-30")]),
                ("renewal_date", bad_date(false)),
                ("notice_days", bad_number()),
                ("included_hours", bad_number()),
                ("service_line", bad_text(false)),
            ],
        },
        Case {
            command: "save_kpi",
            args: for_client(kpi.clone()),
            fields: vec![
                ("name", bad_text(true)),
                ("baseline", vec![json!("ten"), json!(""), json!("NaN"), json!("inf")]),
                ("target", vec![json!("twenty"), json!(""), json!("5")]),
                ("target_date", bad_date(true)),
                ("value_per_unit", bad_money(false)),
                ("share", vec![json!("150"), json!("80-50"), json!("lots"), json!("-5")]),
            ],
        },
        Case {
            command: "save_measurement",
            args: json!({ "kpiId": kpi_id, "id": null, "input": { "measured_on": "2026-03-01", "value": "12", "note": "" } }),
            fields: vec![("measured_on", bad_date(true)), ("value", vec![json!("twelve"), json!(""), json!("NaN")]), ("note", bad_text(false))],
        },
        Case {
            command: "save_milestone",
            args: for_client(json!({ "title": "Launch", "due_on": "2026-04-01", "done_on": "", "first_value": false })),
            fields: vec![("title", bad_text(true)), ("due_on", bad_date(true)), ("done_on", bad_date(false))],
        },
        Case {
            command: "save_touchpoint",
            args: for_client(json!({ "kind": "call", "happened_on": "2026-03-01", "summary": "Monthly call", "client_replied": true, "attended": true, "rescheduled": false, "no_show": false, "reply_days": "", "stakeholder_id": null })),
            fields: vec![("happened_on", bad_date(true)), ("summary", bad_text(false)), ("reply_days", bad_number()), ("stakeholder_id", vec![json!(999_999)])],
        },
        Case {
            command: "save_deliverable",
            args: for_client(json!({ "title": "New landing page", "delivered_on": "2026-03-01", "kpi_id": null })),
            fields: vec![("title", bad_text(true)), ("delivered_on", bad_date(true)), ("kpi_id", vec![json!(999_999)])],
        },
        Case {
            command: "save_invoice",
            args: for_client(json!({ "number": "INV-1", "issued_on": "2026-03-01", "due_on": "2026-03-31", "paid_on": "", "void": false, "lines": [{ "description": "Retainer", "amount": "2,500.00", "kpi_id": null, "deliverable_id": null }] })),
            fields: vec![
                ("number", bad_text(true)),
                ("issued_on", bad_date(true)),
                ("due_on", vec![json!("2026-02-01"), json!("2026-02-30"), json!("")]),
                ("paid_on", bad_date(false)),
                ("lines", vec![json!([])]),
            ],
        },
        Case {
            command: "save_complaint",
            args: for_client(json!({ "opened_on": "2026-03-01", "closed_on": "", "tag": "quality", "summary": "Typos" })),
            fields: vec![("opened_on", bad_date(true)), ("closed_on", vec![json!("2026-02-01"), json!("2026-13-01")]), ("summary", bad_text(false))],
        },
        Case {
            command: "save_survey_answer",
            args: for_client(json!({ "stakeholder_id": null, "kind": "nps", "score": "9", "answered_on": "2026-03-01", "comment": "", "followed_up_on": "" })),
            fields: vec![
                ("score", vec![json!("11"), json!("-1"), json!("nine"), json!(""), json!("9.5")]),
                ("answered_on", bad_date(true)),
                ("comment", bad_text(false)),
                ("followed_up_on", bad_date(false)),
                ("stakeholder_id", vec![json!(999_999)]),
            ],
        },
        Case {
            command: "save_opportunity",
            args: for_client(json!({ "kind": "upsell", "title": "Add paid social", "value": "500", "stage": "idea", "opened_on": "2026-03-01", "closed_on": "", "show_client": false })),
            fields: vec![("title", bad_text(true)), ("value", bad_money(false)), ("opened_on", bad_date(true)), ("closed_on", bad_date(false))],
        },
        Case {
            command: "save_risk",
            args: for_client(json!({ "title": "Budget review", "mitigation": "Share the results early", "owner": "Ana", "raised_on": "2026-03-01", "closed_on": "", "show_client": true })),
            // A risk shown in the QBR must carry its mitigation; it cannot close before it was raised.
            fields: vec![
                ("title", bad_text(true)),
                ("mitigation", [bad_text(false), vec![json!(""), json!("  ")]].concat()),
                ("owner", bad_text(false)),
                ("raised_on", bad_date(true)),
                ("closed_on", [bad_date(false), vec![json!("2026-02-28")]].concat()),
            ],
        },
        Case {
            command: "save_hours",
            args: json!({ "clientId": id, "input": { "month": "2026-03", "hours": "12.5" } }),
            fields: vec![("month", vec![json!("2026-13"), json!("March"), json!("")]), ("hours", vec![json!("lots"), json!("-3"), json!("")])],
        },
        Case {
            command: "save_testimonial",
            args: for_client(json!({ "asked_on": "2026-03-01", "received_on": "", "quote": "" })),
            fields: vec![("asked_on", bad_date(true)), ("received_on", vec![json!("2026-02-01"), json!("2026-02-30")]), ("quote", bad_text(false))],
        },
        Case {
            command: "save_ask",
            args: for_client(json!({ "what": "Approve the copy", "who": "Ana Silva", "asked_on": "2026-03-01", "due_on": "2026-03-15", "if_late": "the launch moves", "done_on": "" })),
            fields: vec![
                ("what", [bad_text(true), vec![json!("two\nlines")]].concat()),
                ("who", bad_text(false)),
                ("asked_on", bad_date(true)),
                ("due_on", [bad_date(true), vec![json!("2026-02-28")]].concat()),
                ("if_late", [bad_text(false), vec![json!("a\rb")]].concat()),
                ("done_on", vec![json!("2026-02-01"), json!("2026-02-30")]),
            ],
        },
        Case {
            command: "save_kpi_note",
            args: json!({ "clientId": id, "kpiId": kpi_id, "input": { "period": "2026-03", "why": "The new page went live" } }),
            fields: vec![("period", vec![json!("March"), json!("2026-13"), json!("2026-Q5"), json!("")]), ("why", [bad_text(false), vec![json!("two\nlines")]].concat())],
        },
        Case {
            command: "save_referral",
            args: json!({ "clientId": id, "input": { "to_client_id": other, "referred_on": "2026-03-01" } }),
            fields: vec![("referred_on", bad_date(true)), ("to_client_id", vec![id.clone(), json!(999_999)])],
        },
        Case {
            command: "save_accent",
            args: json!({ "input": { "accent": "#1f6f6b" } }),
            fields: vec![("accent", vec![json!("red"), json!("#fff"), json!("#ffffff"), json!(""), json!("#12345g")])],
        },
        Case {
            command: "save_template",
            args: json!({ "script": "value_check_in", "input": { "subject": "{hello} — {client}", "body": "{hello}\n\n{progress}\n\n{signature}" } }),
            fields: vec![("subject", vec![json!("Hi {nonsense}"), json!("")]), ("body", vec![json!("Hi {unknown_field}"), json!("x".repeat(LONG))])],
        },
        Case {
            command: "save_override",
            args: json!({ "clientId": id, "input": { "signal": "payment", "score": 2, "reason": "Paid in advance", "expires_on": "2026-12-31" } }),
            fields: vec![("score", vec![json!(3)]), ("reason", bad_text(true)), ("expires_on", bad_date(true))],
        },
        Case {
            command: "save_qbr_notes",
            args: json!({ "clientId": id, "quarter": "2026-Q2", "input": { "working": "SEO", "not_working": "Flyers", "adjust": "Ads" } }),
            fields: vec![("working", vec![json!("x".repeat(LONG)), json!("bell\u{7}")]), ("not_working", vec![json!("x".repeat(LONG))]), ("adjust", vec![json!("x".repeat(LONG))])],
        },
        Case {
            command: "save_playbook_settings",
            args: json!({ "input": { "first_value_days": 30, "nps_every_days": 90, "renewal_lead_days": 90 } }),
            fields: vec![("first_value_days", vec![json!(0), json!(181), json!(-30)]), ("nps_every_days", vec![json!(29), json!(366)]), ("renewal_lead_days", vec![json!(13), json!(366)])],
        },
        // Last: its valid call ends the client.
        Case {
            command: "end_client",
            args: json!({ "id": id, "input": { "ended_on": "2026-11-30", "reason": "budget_cut", "notes": "" } }),
            fields: vec![("ended_on", [bad_date(true), vec![json!("2099-12-31")]].concat()), ("reason", vec![json!(""), json!("bored"), json!("Budget cut")]), ("notes", bad_text(false))],
        },
    ];

    let mut tried = 0;
    let mut failures = Vec::new();
    for case in &cases {
        // The valid input must be accepted (on a copy of the book's state we then restore by
        // deleting nothing: each case's valid call is made last, after its bad ones).
        for (field, values) in &case.fields {
            for value in values {
                let mut args = case.args.clone();
                let input = args.get_mut("input").unwrap_or_else(|| panic!("{} has an input", case.command));
                input[*field] = value.clone();
                let before = snapshot(&db);
                let answer = app.call(case.command, args);
                let after = snapshot(&db);
                tried += 1;
                let shown = value.as_str().map(|s| s.chars().take(20).collect::<String>()).unwrap_or_else(|| value.to_string());
                match answer {
                    Ok(_) => failures.push(format!("{} {field}={shown:?}: accepted", case.command)),
                    Err(e) => {
                        if e["kind"] != "validation" || e["field"] != json!(field) {
                            failures.push(format!("{} {field}={shown:?}: {e}", case.command));
                        }
                    }
                }
                if before != after {
                    failures.push(format!("{} {field}={shown:?}: the book changed", case.command));
                }
            }
        }
        app.call(case.command, case.args.clone()).unwrap_or_else(|e| panic!("{}: the valid input is refused: {e}", case.command));
    }
    eprintln!("{tried} bad inputs tried across {} commands", cases.len());
    assert!(tried >= 100, "only {tried} cases");
    assert!(failures.is_empty(), "{} of {tried} bad inputs were not refused as they should be:\n{}", failures.len(), failures.join("\n"));
}
