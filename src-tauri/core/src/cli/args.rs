//! The `clientwell` command line as clap reads it: subcommands, their options and help texts.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use clientwell_core::{demo, import};

#[derive(Parser)]
#[command(name = "clientwell", version, about = "Clientwell's client book from the command line")]
pub struct Cli {
    /// The book file to use (default: the app's own book, or the demo book for `demo`).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// End a client's work and say why: results, price, budget_cut, in_house, other_studio,
    /// relationship, project_ended or other. Contracts still running after the last day end on it.
    End {
        /// The client's number or name.
        client: String,
        #[arg(long)]
        reason: String,
        /// The last day of work (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Your exit notes (internal: never in a client document).
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// Import a CSV or Excel (.xlsx) file, all or nothing. `clientwell help import` lists the
    /// kinds and their columns.
    #[command(after_long_help = import::documentation())]
    Import {
        /// What the file holds (clients, contracts, stakeholders, kpis, kpi_values, touchpoints,
        /// invoices, survey_answers or hours), then the file. With --source or --mapping the
        /// kind can be left out: `clientwell import --source xero invoices.csv`.
        #[arg(num_args = 1..=2, value_names = ["KIND", "FILE"], required = true)]
        what: Vec<String>,
        /// Check the file and say what would change, without writing anything.
        #[arg(long)]
        preview: bool,
        /// The tool the file was exported from (see `clientwell help import`); default: told
        /// from the file's header.
        #[arg(long)]
        source: Option<String>,
        /// Column choices saved by an earlier import of another tool's file, by name.
        #[arg(long)]
        mapping: Option<String>,
        /// Read 03/04/2026 as March 4 (default: as the file's own dates show, else as the app's
        /// date format).
        #[arg(long, conflicts_with = "day_first")]
        month_first: bool,
        /// Read 03/04/2026 as 3 April.
        #[arg(long)]
        day_first: bool,
        /// A name in the file that is one of the book's clients, kept as another name for them:
        /// --alias "Harbour Bakery Ltd=Harbour Bakery" (repeatable).
        #[arg(long, value_name = "NAME=CLIENT")]
        alias: Vec<String>,
        /// For files without payment dates (Xero's and QuickBooks' exports): count a paid
        /// invoice as paid on its due date. Remembered with the columns.
        #[arg(long)]
        paid_on_due_date: bool,
        /// For a file of daily figures (GA4, Search Console, Shopify): the client whose KPI they
        /// are. Only whole months are written.
        #[arg(long, requires = "kpi")]
        client: Option<String>,
        /// The KPI the figures are for (with --client).
        #[arg(long, requires = "client")]
        kpi: Option<String>,
        /// The column the figures come from (default: the one the KPI's name holds, else the
        /// first beside the dates).
        #[arg(long)]
        column: Option<String>,
        /// How a month is made from the days: sum or average (default: average for rates and
        /// positions, sum otherwise).
        #[arg(long, value_name = "sum|average")]
        month: Option<String>,
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
        weeks: u32,
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
pub enum ReportCommand {
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
        /// Write the 16:9 slides for the meeting instead of the written pre-read.
        #[arg(long)]
        deck: bool,
    },
    /// What a client's agreed results are worth to date, with every input (as on the QBR).
    Value {
        /// The client's number or name.
        #[arg(long)]
        client: String,
        /// Count up to (not including) this day (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Print the computation as JSON: each KPI's months, gains, share and invested amounts.
        #[arg(long)]
        json: bool,
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
    /// The month's close: every current client's summary and the QBRs of the quarters the month
    /// ends, with what each is missing, whether it was reviewed and sent, and to whom it goes.
    ToSend {
        #[arg(long, value_name = "MONTH")]
        month: Option<String>,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum By {
    Segment,
    ServiceLine,
    Tenure,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Paper {
    A4,
    Letter,
}
