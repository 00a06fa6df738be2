//! Argument parsing and output for the `clientwell` binary. Each subcommand calls one core
//! function and prints its result; no business rules live here.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use clientwell_core::book::{PaperSize, StudioInput};
use clientwell_core::{book, client_page, demo, paths, Error, Result, Store};

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
            let store = Store::open(&book_path(cli.db, paths::book_path)?)?;
            let clients = store.clients(all)?;
            if json {
                let text = serde_json::to_string_pretty(&clients)
                    .map_err(|e| Error::internal(format!("Could not write JSON: {e}")))?;
                writeln!(out, "{text}")?;
            } else if clients.is_empty() {
                writeln!(out, "No clients yet. Add one in the app, or try `clientwell demo`.")?;
            } else {
                print_table(&mut out, &clients)?;
            }
        }
        Command::Client { client, json, as_of } => {
            let store = Store::open(&book_path(cli.db, paths::book_path)?)?;
            let found = store.find_client(&client)?;
            let page = client_page::client_page(&store, found.id, as_of_date(as_of)?)?;
            if json {
                let text = serde_json::to_string_pretty(&page)
                    .map_err(|e| Error::internal(format!("Could not write JSON: {e}")))?;
                writeln!(out, "{text}")?;
            } else {
                print_client(&mut out, &page)?;
            }
        }
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
