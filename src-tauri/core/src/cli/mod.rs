//! Argument parsing and output for the `clientwell` binary. Each subcommand calls one core
//! function (most often a `service` use case the app's commands call too) and prints its result;
//! no business rules live here.

mod args;
mod print;
mod report;
mod write_loop;

use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use clientwell_core::book::{PaperSize, StudioInput};
use clientwell_core::import::{self, DateOrder, ImportKind, ImportOptions, Source};
use clientwell_core::output::Existing;
use clientwell_core::{book, client_page, demo, paths, service, store, Error, Result, Store};

use args::{By, Cli, Command, Paper};
use print::{print_client, print_import, print_table, to_json};
use report::{run_report, with_force_hint};
use write_loop::write_loop;

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
        Command::End { client, reason, on, notes } => {
            let mut store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let found = store.find_client(&client)?;
            let ended_on = on.unwrap_or_else(|| service::today().format("%Y-%m-%d").to_string());
            store.end_client(found.id, &clientwell_core::book::ending::EndingInput { ended_on, reason, notes }, service::today())?;
            let ending = store.ending(found.id)?.ok_or_else(|| Error::internal("The ending was not kept."))?;
            writeln!(out, "Ended {}: {} (last day {})", found.name, ending.reason.label(), ending.ended_on.format("%-d %b %Y"))?;
        }
        Command::Import { what, preview, source, mapping, month_first, day_first, alias, paid_on_due_date, client, kpi, column, month, json } => {
            let (kind, file) = match what.as_slice() {
                [kind, file] => (import_kind(kind)?, PathBuf::from(file)),
                [file] if source.is_some() || mapping.is_some() || client.is_some() => (ImportKind::Clients, PathBuf::from(file)),
                _ => return Err(Error::validation("kind", "Say what the file holds (e.g. `clientwell import invoices file.csv`), or which tool it came from with --source.")),
            };
            let mut store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let computer = ["LC_ALL", "LC_TIME", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty() && s != "C" && s != "POSIX"));
            let options = ImportOptions {
                dates: if month_first { Some(DateOrder::MonthFirst) } else if day_first { Some(DateOrder::DayFirst) } else { None },
                usual: service::usual_date_order(&store, computer.as_deref())?,
                mapping: mapping.map(|name| import::mapping::named(&store, &name)).transpose()?,
                source: source.map(|s| import_source(&s)).transpose()?,
                aliases: alias.iter().map(|a| import_alias(&store, a)).collect::<Result<_>>()?,
                paid_on_due_date,
                metric: metric_choice(client, kpi, column, month)?,
            };
            let report = import::import_path(&mut store, kind, &file, options, !preview, service::today(), &|_, _| true)?;
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
            let chosen = match client {
                Some(c) => Some(store.find_client(&c)?.id),
                None => None,
            };
            writeln!(out, "{}", to_json(&service::health_of_book(&store, chosen, as_of_date(as_of)?, weeks)?)?)?;
        }
        Command::Metrics { period, fiscal_year_start, by, as_of, json: _ } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let view = service::portfolio(&store, &service::period(&store, &period, fiscal_year_start)?, as_of_date(as_of)?)?;
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
            let review = service::weekly_review(&store, as_of_date(as_of)?)?;
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
            let result = clientwell_core::bench::run(&dir, demo::DemoSize { clients, years }, seed, runs, service::today());
            let _ = std::fs::remove_dir_all(&dir);
            writeln!(out, "| work | median ms | runs |\n|---|---:|---:|")?;
            for t in result? {
                writeln!(out, "| {} | {:.2} | {} |", t.work, t.median_ms, t.runs)?;
            }
        }
        Command::Calendar { out: path, as_of, force } => {
            let store = Store::open_existing(&book_path(cli.db, paths::book_path)?)?;
            let events = service::save_calendar(&store, as_of_date(as_of)?, &path, Existing::replace_if(force)).map_err(with_force_hint)?;
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
                store.save_logo(&service::read_logo(&file)?)?;
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

fn import_kind(text: &str) -> Result<ImportKind> {
    ImportKind::parse(&text.to_lowercase()).ok_or_else(|| {
        let known: Vec<&str> = ImportKind::ALL.iter().map(|k| k.as_str()).collect();
        Error::validation("kind", format!("Unknown kind '{text}'; the kinds are: {}.", known.join(", ")))
    })
}

fn import_alias(store: &Store, text: &str) -> Result<import::ClientAlias> {
    let (written, client) = text.split_once('=').ok_or_else(|| Error::validation("alias", format!("Write --alias as NAME=CLIENT (the name in the file, then the client), not '{text}'.")))?;
    Ok(import::ClientAlias { written: written.trim().to_owned(), client_id: store.find_client(client.trim())?.id })
}

fn import_source(text: &str) -> Result<Source> {
    Source::parse(&text.trim().to_lowercase()).filter(|s| *s != Source::Clientwell).ok_or_else(|| {
        Error::validation("source", format!("Unknown source '{text}'; the tools Clientwell reads are:\n{}", Source::listing()))
    })
}

fn book_path(given: Option<PathBuf>, default: fn() -> Result<PathBuf>) -> Result<PathBuf> {
    given.map_or_else(default, Ok)
}

fn as_of_date(text: Option<String>) -> Result<chrono::NaiveDate> {
    service::as_of("as_of", "--as-of", text.as_deref())
}

/// `--client`, `--kpi`, `--column` and `--month` of an import of daily figures.
fn metric_choice(client: Option<String>, kpi: Option<String>, column: Option<String>, month: Option<String>) -> Result<Option<import::MetricChoice>> {
    let month = match month.as_deref() {
        None => None,
        Some(m) => Some(import::MonthFrom::parse(m).ok_or_else(|| Error::validation("month", format!("--month is sum or average, not '{m}'.")))?),
    };
    Ok(match (client, kpi) {
        (Some(client), Some(kpi)) => Some(import::MetricChoice { client, kpi, column: column.unwrap_or_default(), month }),
        _ => None,
    })
}
