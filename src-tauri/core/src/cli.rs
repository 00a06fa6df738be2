//! Argument parsing and output for the `clientwell` binary. Each subcommand calls one core
//! function and prints its result; no business rules live here.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use clientwell_core::book::{PaperSize, StudioInput};
use clientwell_core::import::{self, ImportKind, ImportOptions, ImportReport};
use clientwell_core::output::Existing;
use clientwell_core::{book, client_page, demo, health, metrics, paths, report, review, store, Error, ErrorKind, Result, Store};

#[derive(Parser)]
#[command(name = "clientwell", version, about = "Clientwell's client book from the command line")]
struct Cli {
    /// The book file to use (default: the app's own book, or the demo book for `demo`).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Set up a new book for your studio.
    Init {
        #[arg(long, value_name = "NAME")]
        studio: String,
        #[arg(long, value_name = "CODE")]
        currency: String,
        #[arg(long, value_enum, default_value_t = Paper::A4)]
        paper: Paper,
    },
    /// Create the demo studio in an empty book.
    Demo {
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
        /// How many clients (default 16).
        #[arg(long, default_value_t = demo::DemoSize::default().clients)]
        clients: usize,
        /// How many years of history (default 3).
        #[arg(long, default_value_t = demo::DemoSize::default().years)]
        years: u32,
        /// The day the demo treats as today (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// List the clients.
    Clients {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Include archived clients.
        #[arg(long)]
        all: bool,
    },
    /// Show one client's whole record (goal, KPIs, contracts, invoices, timeline...).
    Client {
        /// The client's number or name.
        client: String,
        /// Print JSON (the full record) instead of a summary.
        #[arg(long)]
        json: bool,
        /// The day to compute progress and lateness for (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Import a CSV or Excel (.xlsx) file, all or nothing. `clientwell help import` lists the
    /// kinds and their columns.
    #[command(after_long_help = import::documentation())]
    Import {
        /// What the file holds: clients, contracts, stakeholders, kpis, kpi_values, touchpoints,
        /// invoices or survey_answers.
        kind: String,
        file: PathBuf,
        /// Check the file and say what would change, without writing anything.
        #[arg(long)]
        preview: bool,
        /// Read 03/04/2026 as March 4 (default: 3 April).
        #[arg(long)]
        month_first: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Health as JSON: score, band and each signal (value, unknown or overridden) with its
    /// reason, and the weekly history. Every current client, or one with --client.
    Health {
        /// The client's number or name (default: every current client).
        #[arg(long)]
        client: Option<String>,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// How many weeks of history (default 12).
        #[arg(long, default_value_t = 12)]
        weeks: usize,
        /// JSON is the only output; accepted for scripts that pass it.
        #[arg(long)]
        json: bool,
    },
    /// Portfolio metrics as JSON for a period: 2026-10, 2026-Q3, 2026 or 2026-01-01..2026-04-01.
    Metrics {
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// Month the fiscal year starts, for quarters (default: the studio's setting).
        #[arg(long, value_name = "MONTH")]
        fiscal_year_start: Option<u32>,
        /// Only the breakdown by segment, service-line or tenure.
        #[arg(long, value_enum)]
        by: Option<By>,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// JSON is the only output; accepted for scripts that pass it.
        #[arg(long)]
        json: bool,
    },
    /// This week's review: what needs doing, most urgent first.
    Review {
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Print JSON instead of a list.
        #[arg(long)]
        json: bool,
    },
    /// Time the core work behind every screen and document on a generated book (use --release).
    Bench {
        /// How many clients the generated book has.
        #[arg(long, default_value_t = 1000)]
        clients: usize,
        #[arg(long, default_value_t = 5)]
        years: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Runs per measurement (the median is shown).
        #[arg(long, default_value_t = 15)]
        runs: u32,
    },
    /// Set how the studio's documents look: accent colour and logo.
    Brand {
        /// The accent colour, like #1f6f6b.
        #[arg(long, value_name = "COLOUR")]
        accent: Option<String>,
        /// A PNG or JPEG logo (at most 2 MB).
        #[arg(long, value_name = "FILE", conflicts_with = "no_logo")]
        logo: Option<PathBuf>,
        /// Remove the logo.
        #[arg(long)]
        no_logo: bool,
    },
    /// Write PDFs: `report monthly`, `report qbr` or `report batch`.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Write renewals, notice deadlines, check-ins and quarterly reviews due over the next year
    /// as an .ics file for any calendar app.
    Calendar {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file (or, for a batch, the files) if it already exists.
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Back up the book now (into the `backups` folder beside it).
    Backup,
    /// List the book's backups, newest first, with what each holds.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Replace the book with one of its backups (a file name from `backups`); the book as it is
    /// now is backed up first.
    Restore { file_name: String },
    /// Writes clients, KPI values and invoices in a loop, printing each one after its commit;
    /// the crash test kills it at random moments (tests/crash.rs).
    #[command(hide = true)]
    WriteLoop,
    /// Export one kind as CSV (same columns as the import), or `json` for the whole book.
    Export {
        /// clients, contracts, stakeholders, kpis, kpi_values, touchpoints, invoices,
        /// survey_answers, or json.
        kind: String,
        /// Where to write the file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace the file (or, for a batch, the files) if it already exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum ReportCommand {
    /// One client's one-page monthly results summary.
    Monthly {
        /// The client's number or name.
        #[arg(long)]
        client: String,
        /// The month (YYYY-MM; default: last month).
        #[arg(long, value_name = "MONTH")]
        month: Option<String>,
        /// The PDF to write (a folder gets "2026-10 Client — Monthly summary.pdf").
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Replace the file (or, for a batch, the files) if it already exists.
        #[arg(long)]
        force: bool,
        /// The day that decides which invoices are paid or overdue (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// One client's quarterly business review (QBR) report.
    Qbr {
        #[arg(long)]
        client: String,
        /// The client's fiscal quarter, like 2027-Q2 (default: the last complete one).
        #[arg(long, value_name = "QUARTER")]
        quarter: Option<String>,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Replace the file (or, for a batch, the files) if it already exists.
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Every current client's monthly summary into a folder, drawn on all cores.
    Batch {
        #[arg(long, value_name = "MONTH")]
        month: Option<String>,
        /// The folder to write into (must exist).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Replace the file (or, for a batch, the files) if it already exists.
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
}

fn run_report(store: &Store, command: ReportCommand, out: &mut impl Write) -> Result<()> {
    let month_of = |text: Option<String>, today: NaiveDate| match text {
        Some(text) => report::Month::parse("month", &text),
        None => Ok(report::Month::of(today).previous()),
    };
    match command {
        ReportCommand::Monthly { client, month, out: path, as_of, force } => {
            let found = store.find_client(&client)?;
            let today = as_of_date(as_of)?;
            let month = month_of(month, today)?;
            let path = if path.is_dir() { path.join(report::monthly_file_name(&found.name, month)) } else { path };
            let saved = report::save_monthly(store, found.id, month, today, &path, Existing::replace_if(force)).map_err(with_force_hint)?;
            writeln!(out, "Wrote {} ({} bytes)", saved.path, saved.size)?;
            warn_unprintable(&saved);
        }
        ReportCommand::Qbr { client, quarter, out: path, as_of, force } => {
            let found = store.find_client(&client)?;
            let today = as_of_date(as_of)?;
            let quarter = report::client_quarter(store, found.id, quarter.as_deref(), today)?;
            let path = if path.is_dir() { path.join(report::qbr_file_name(&found.name, quarter)) } else { path };
            let saved = report::save_qbr(store, found.id, quarter, today, &path, Existing::replace_if(force)).map_err(with_force_hint)?;
            writeln!(out, "Wrote {} ({} bytes)", saved.path, saved.size)?;
            warn_unprintable(&saved);
        }
        ReportCommand::Batch { month, out: folder, as_of, force } => {
            let today = as_of_date(as_of)?;
            let month = month_of(month, today)?;
            let started = std::time::Instant::now();
            let batch = report::save_monthly_batch(store, month, today, &folder, Existing::replace_if(force), &|_, _| true).map_err(with_force_hint)?;
            let bytes: u64 = batch.saved.iter().map(|s| u64::from(s.size)).sum();
            writeln!(out, "Wrote {} monthly summaries for {} into {} ({} KB, {} ms)", batch.saved.len(), month.label(), folder.display(), bytes / 1024, started.elapsed().as_millis())?;
            batch.saved.iter().for_each(warn_unprintable);
            for failed in &batch.failed {
                writeln!(out, "Not written: {} ({}): {}", failed.path, failed.client, failed.reason)?;
            }
            if !batch.failed.is_empty() {
                return Err(Error::storage(format!("{} of {} summaries could not be written; they are listed above.", batch.failed.len(), batch.failed.len() + batch.saved.len())));
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, ValueEnum)]
enum By {
    Segment,
    ServiceLine,
    Tenure,
}

#[derive(Clone, Copy, ValueEnum)]
enum Paper {
    A4,
    Letter,
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(())) => 0,
        Ok(Err(err)) => {
            eprintln!("clientwell: {}", err.message);
            if err.is_user_error() {
                1
            } else {
                2
            }
        }
        Err(_) => {
            eprintln!("clientwell: internal error (this is a bug)");
            2
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Init { studio, currency, paper } => {
            let mut store = Store::open(&book_path(cli.db, paths::book_path)?)?;
            if let Some(existing) = store.studio()? {
                return Err(Error::conflict(None, format!("This book is already set up for {}.", existing.name)));
            }
            let paper_size = match paper {
                Paper::A4 => PaperSize::A4,
                Paper::Letter => PaperSize::Letter,
            };
            let saved = store.save_studio(&StudioInput { name: studio, currency, paper_size })?;
            writeln!(out, "Set up {} ({}) in {}", saved.name, saved.currency, store.path().display())?;
        }
        Command::Demo { seed, clients, years, as_of } => {
            let today = as_of_date(as_of)?;
            let mut store = Store::open(&book_path(cli.db, paths::demo_path)?)?;
            let summary = demo::seed_sized(&mut store, seed, today, demo::DemoSize { clients, years })?;
            writeln!(out, "Created {} with {} clients in {}", summary.studio, summary.clients, store.path().display())?;
        }
        Command::Clients { json, all } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let clients = store.clients(all)?;
            if json {
                writeln!(out, "{}", to_json(&clients)?)?;
            } else if clients.is_empty() {
                writeln!(out, "No clients yet. Add one in the app, or try `clientwell demo`.")?;
            } else {
                print_table(&mut out, &clients)?;
            }
        }
        Command::Client { client, json, as_of } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let found = store.find_client(&client)?;
            let page = client_page::client_page(&store, found.id, as_of_date(as_of)?)?;
            if json {
                writeln!(out, "{}", to_json(&page)?)?;
            } else {
                print_client(&mut out, &page)?;
            }
        }
        Command::Import { kind, file, preview, month_first, json } => {
            let kind = import_kind(&kind)?;
            let mut store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let options = ImportOptions { day_first: !month_first };
            let report = import::import_path(&mut store, kind, &file, options, !preview, chrono::Local::now().date_naive(), &|_, _| true)?;
            if json {
                writeln!(out, "{}", to_json(&report)?)?;
            } else {
                print_import(&mut out, &report, preview)?;
            }
            if report.error_count > 0 {
                return Err(Error::validation("file", format!("{} row error(s): nothing was imported.", report.error_count)));
            }
        }
        Command::Health { client, as_of, weeks, json: _ } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let today = as_of_date(as_of)?;
            let settings = store.health_settings()?;
            let book = store.book()?;
            let chosen = match client {
                Some(c) => Some(store.find_client(&c)?.id),
                None => None,
            };
            let all: Vec<_> = book
                .iter()
                .filter(|d| chosen.map_or_else(|| review::is_current(d), |id| d.client.id == id))
                .map(|d| serde_json::json!({ "client_id": d.client.id, "client": d.client.name, "health": health::health(d, today, &settings), "history": health::history(d, today, weeks.clamp(1, 260), &settings) }))
                .collect();
            writeln!(out, "{}", to_json(&all)?)?;
        }
        Command::Metrics { period, fiscal_year_start, by, as_of, json: _ } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let starts = match fiscal_year_start {
                Some(m) if (1..=12).contains(&m) => m,
                Some(_) => return Err(Error::validation("fiscal_year_start", "--fiscal-year-start is a month from 1 to 12.")),
                None => store.metrics_settings()?.fiscal_year_start,
            };
            let view = review::portfolio(&store, &metrics::Period::parse("period", &period, starts)?, as_of_date(as_of)?)?;
            match by {
                None => writeln!(out, "{}", to_json(&view)?)?,
                Some(by) => {
                    let dimension = match by {
                        By::Segment => "Segment",
                        By::ServiceLine => "Service",
                        By::Tenure => "Client for",
                    };
                    writeln!(out, "{}", to_json(&view.groups.iter().filter(|g| g.dimension == dimension).collect::<Vec<_>>())?)?;
                }
            }
        }
        Command::Review { as_of, json } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let review = review::weekly_review(&store, as_of_date(as_of)?)?;
            if json {
                writeln!(out, "{}", to_json(&review)?)?;
            } else if review.items.is_empty() {
                writeln!(out, "Nothing needs you this week.")?;
            } else {
                for item in &review.items {
                    writeln!(out, "[{}] {} — {}: {} ({})", item.urgency, item.client, item.title, item.reason, item.action_label)?;
                }
            }
        }
        Command::Bench { clients, years, seed, runs } => {
            let dir = std::env::temp_dir().join(format!("clientwell-bench-{}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            let result = clientwell_core::bench::run(&dir, demo::DemoSize { clients, years }, seed, runs, chrono::Local::now().date_naive());
            let _ = std::fs::remove_dir_all(&dir);
            writeln!(out, "| work | median ms | runs |\n|---|---:|---:|")?;
            for t in result? {
                writeln!(out, "| {} | {:.2} | {} |", t.work, t.median_ms, t.runs)?;
            }
        }
        Command::Calendar { out: path, as_of, force } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let events = review::calendar::save(&store, as_of_date(as_of)?, &path, Existing::replace_if(force)).map_err(with_force_hint)?;
            writeln!(out, "Wrote {events} events to {}", path.display())?;
        }
        Command::Backup => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let made = store.back_up(store::BackupKind::Manual)?;
            writeln!(out, "Backed up {} clients to {}", made.client_count, store::backups_dir(store.path()).join(&made.file_name).display())?;
        }
        Command::Backups { json } => {
            let path = book_path(cli.db, paths::book_path)?;
            store::require_book(&path)?;
            let backups = store::list_backups(&path)?;
            if json {
                writeln!(out, "{}", to_json(&backups)?)?;
            } else if backups.is_empty() {
                writeln!(out, "No backups yet. `clientwell backup` makes one.")?;
            }
            for b in backups.iter().filter(|_| !json) {
                let held = match &b.problem {
                    Some(problem) => format!("cannot be restored: {problem}"),
                    None => format!("{} clients", b.client_count),
                };
                writeln!(out, "{}  {}  {}", b.made_at, b.file_name, held)?;
            }
        }
        Command::Restore { file_name } => {
            let mut store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let before = store.restore(&file_name)?;
            writeln!(out, "Restored {file_name}. The book as it was is in {}.", before.file_name)?;
        }
        Command::WriteLoop => write_loop(&mut Store::open_existing(&book_path(cli.db, paths::book_path)?)?, &mut out)?,
        Command::Brand { accent, logo, no_logo } => {
            let mut store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            if let Some(accent) = accent {
                store.save_accent(&book::branding::BrandingInput { accent })?;
            }
            if let Some(file) = logo {
                store.save_logo(&read_logo(&file)?)?;
            }
            if no_logo {
                store.clear_logo()?;
            }
            let (accent, logo) = store.branding_raw()?;
            writeln!(out, "Accent {accent}; {}", logo.map_or("no logo".to_owned(), |l| format!("logo of {} bytes", l.len())))?;
        }
        Command::Report(command) => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            run_report(&store, command, &mut out)?;
        }
        Command::Export { kind, out: path, force } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let kind = if kind == "json" { None } else { Some(import_kind(&kind)?) };
            import::export_to(&store, kind, &path, Existing::replace_if(force)).map_err(with_force_hint)?;
            writeln!(out, "Wrote {}", path.display())?;
        }
    }
    Ok(())
}

/// Text the documents' font cannot draw prints as '?': say which, never silently.
fn warn_unprintable(saved: &report::SavedReport) {
    for text in &saved.unprintable {
        eprintln!("Warning: {} has text the report font cannot print; its unsupported characters show as '?': \"{text}\"", saved.path);
    }
}

/// A file that is already there is replaced only with `--force`: say so where the app would ask.
fn with_force_hint(mut e: Error) -> Error {
    if e.kind == ErrorKind::Conflict && e.message.contains("agree to replace") {
        e.message.push_str(" Add --force to replace.");
    }
    e
}

fn read_logo(file: &std::path::Path) -> Result<Vec<u8>> {
    std::fs::read(file).map_err(|e| Error::validation("logo", format!("Could not read {}: {e}", file.display())))
}

fn import_kind(text: &str) -> Result<ImportKind> {
    ImportKind::parse(&text.to_lowercase()).ok_or_else(|| {
        let known: Vec<&str> = ImportKind::ALL.iter().map(|k| k.as_str()).collect();
        Error::validation("kind", format!("Unknown kind '{text}'; the kinds are: {}.", known.join(", ")))
    })
}

fn to_json(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::internal(format!("Could not write JSON: {e}")))
}

fn print_import(out: &mut impl Write, report: &ImportReport, preview: bool) -> Result<()> {
    for e in &report.errors {
        // Errors go to stdout with the report; the exit code and stderr say the import failed.
        writeln!(out, "row {}{}: {}", e.row, e.column.as_deref().map(|c| format!(", column {c}")).unwrap_or_default(), e.message)?;
    }
    if report.error_count as usize > report.errors.len() {
        writeln!(out, "... and {} more errors", report.error_count as usize - report.errors.len())?;
    }
    if report.error_count == 0 {
        let verb = if preview { "Would import" } else { "Imported" };
        writeln!(out, "{verb} {}: {} new, {} updated, {} unchanged", report.kind.as_str(), report.created, report.updated, report.unchanged)?;
    }
    Ok(())
}

fn as_of_date(text: Option<String>) -> Result<NaiveDate> {
    match text {
        Some(text) => book::text::date("as_of", "--as-of", &text),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

fn print_client(out: &mut impl Write, page: &client_page::ClientPage) -> Result<()> {
    let c = &page.client;
    writeln!(out, "{} ({}), client since {}", c.name, c.status.as_str(), c.start_date)?;
    writeln!(out, "Goal: {}", if c.goal.is_empty() { "(none yet)" } else { &c.goal })?;
    writeln!(out, "MRR on {}: {} (minor units)", page.as_of, page.mrr_cents)?;
    for k in &page.kpis {
        let latest = k.progress.latest.as_ref().map_or("no value yet".to_owned(), |m| format!("{} on {}", m.value, m.measured_on));
        writeln!(out, "KPI {}: baseline {}, target {} by {}; latest {latest}", k.kpi.name, k.kpi.baseline, k.kpi.target, k.kpi.target_date)?;
    }
    for item in &page.open_items {
        writeln!(out, "Open: {}", item.text)?;
    }
    Ok(())
}

fn book_path(given: Option<PathBuf>, default: fn() -> Result<PathBuf>) -> Result<PathBuf> {
    given.map_or_else(default, Ok)
}

fn print_table(out: &mut impl Write, clients: &[book::Client]) -> Result<()> {
    let width = clients.iter().map(|c| c.name.chars().count()).max().unwrap_or(0).max(4);
    writeln!(out, "{:<5} {:<width$} {:<10} {:<10} {}", "ID", "NAME", "STATUS", "START", "ARCHIVED")?;
    for c in clients {
        let start: NaiveDate = c.start_date;
        let archived = if c.archived_at.is_some() { "yes" } else { "" };
        writeln!(out, "{:<5} {:<width$} {:<10} {:<10} {}", c.id, c.name, c.status.as_str(), start, archived)?;
    }
    Ok(())
}

/// For the crash test: each record is printed only after the call that saved it returned, i.e.
/// after its transaction committed, so every printed line must survive a kill.
fn write_loop(store: &mut Store, out: &mut impl Write) -> Result<()> {
    use book::invoice::{InvoiceInput, InvoiceLineInput};
    use book::kpi::{Direction, KpiInput, MeasurementInput};
    use book::{ClientInput, ClientStatus};
    let start = store.clients(true)?.len();
    for i in start.. {
        let name = format!("Crash Client {i:06}");
        let client = store.create_client(&ClientInput {
            name: name.clone(),
            status: ClientStatus::Active,
            goal: "Survive".into(),
            start_date: "2026-01-01".into(),
            notes: String::new(),
        })?;
        writeln!(out, "client {name}")?;
        out.flush()?;
        let kpi = store.save_kpi(client.id, None, &KpiInput {
            name: "Orders".into(),
            unit: "orders".into(),
            direction: Direction::Up,
            baseline: "10".into(),
            target: "20".into(),
            baseline_date: "2026-01-01".into(),
            target_date: "2026-12-31".into(),
            value_per_unit: String::new(),
            worth_counts: book::kpi::WorthCounts::Monthly,
            share: String::new(),
            below_baseline_counts: false,
        })?;
        store.save_measurement(kpi.id, None, &MeasurementInput { measured_on: "2026-02-01".into(), value: format!("{}", i % 97), note: String::new() })?;
        writeln!(out, "value {name} {}", i % 97)?;
        out.flush()?;
        let number = format!("C-{i:06}");
        store.save_invoice(client.id, None, &InvoiceInput {
            number: number.clone(),
            issued_on: "2026-02-01".into(),
            due_on: "2026-03-01".into(),
            paid_on: String::new(),
            void: false,
            lines: vec![InvoiceLineInput { description: "Retainer".into(), amount: format!("{}.{:02}", 1000 + i, i % 100), kpi_id: None, deliverable_id: None }],
        })?;
        writeln!(out, "invoice {number} {}", 100_000 + i * 100 + i % 100)?;
        out.flush()?;
    }
    Ok(())
}
