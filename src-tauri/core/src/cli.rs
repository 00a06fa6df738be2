//! Argument parsing and output for the `clientwell` binary. Each subcommand calls one core
//! function and prints its result; no business rules live here.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use clientwell_core::book::{PaperSize, StudioInput};
use clientwell_core::{book, demo, paths, Error, Result, Store};

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
        Command::Demo { seed, as_of } => {
            let today = match as_of {
                Some(text) => book::text::date("as_of", "--as-of", &text)?,
                None => chrono::Local::now().date_naive(),
            };
            let mut store = Store::open(&book_path(cli.db, paths::demo_path)?)?;
            let summary = demo::seed(&mut store, seed, today)?;
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
