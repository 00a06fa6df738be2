//! The book the app has open, shared by all commands.
//!
//! The app opens either the owner's own book or the demo studio's, both in the data folder
//! (`CLIENTWELL_DATA_DIR` overrides it). If the book cannot be opened (a newer version's file,
//! a full disk), the app still starts and shows that problem instead of a blank window.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use clientwell_core::book::Studio;
use clientwell_core::store::BookChange;
use clientwell_core::{demo, paths, Error, Result, Store};
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BookKind {
    /// The owner's own client book.
    Mine,
    /// The demo studio, kept in a separate file.
    Demo,
}

/// What the UI needs to decide between the welcome screen, the app, or a problem page.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AppStatus {
    pub book: BookKind,
    /// None until the studio has been set up.
    pub studio: Option<Studio>,
    /// The book file, shown in settings so the owner knows where their data is.
    pub book_path: String,
    /// Why the book could not be opened, if it could not.
    pub problem: Option<Error>,
    /// The error log, for when the owner asks for help.
    pub log_path: Option<String>,
}

struct OpenBook {
    kind: BookKind,
    path: PathBuf,
    store: Result<Store>,
    /// Keeps a second copy of the app from writing to the same book (see `paths::lock_book`).
    _lock: Option<paths::BookLock>,
    /// The day (UTC) of the last daily-backup check, so it runs once per day of use.
    backed_up_on: Option<chrono::NaiveDate>,
}

pub struct AppState {
    data_dir: PathBuf,
    book: Arc<Mutex<OpenBook>>,
    /// Set by "Stop" while a long job (the batch export) runs; outside the book's lock, so it
    /// can be set while the job holds it.
    stop: Arc<std::sync::atomic::AtomicBool>,
    /// Tells the window what a command's committed writes changed (set once the app is up).
    notify: Arc<OnceLock<Notify>>,
}

type Notify = Box<dyn Fn(BookChange) + Send + Sync>;

impl AppState {
    /// Opens the book of `kind` in `data_dir` (the OS app-data folder, or a test's temp dir).
    pub fn new(data_dir: PathBuf, kind: BookKind) -> AppState {
        let book = Arc::new(Mutex::new(open(&data_dir, kind)));
        keep_backing_up(Arc::downgrade(&book));
        AppState { data_dir, book, stop: Arc::default(), notify: Arc::default() }
    }

    /// The app's data folder: the books, and the choices kept per computer.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Where change signals go: the shell emits them to the window as one typed event.
    pub fn on_change(&self, notify: impl Fn(BookChange) + Send + Sync + 'static) {
        let _ = self.notify.set(Box::new(notify));
    }

    /// Runs `f` on the open book on a blocking thread, so the window never waits on the disk.
    /// A panic inside `f` becomes an internal error instead of taking the app down.
    pub async fn run<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T> + Send + 'static,
    {
        let book = Arc::clone(&self.book);
        let notify = Arc::clone(&self.notify);
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = book.lock().map_err(|_| Error::internal("The book was left in an unknown state by an earlier error; restart Clientwell."))?;
            let result = match &mut guard.store {
                // Caught here, inside the lock, so a bug in one command neither poisons the
                // book for the next ones nor takes the window down. The command's transaction
                // was rolled back as the panic unwound through it.
                Ok(store) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(store))).unwrap_or_else(|_| {
                    Err(Error::internal("Clientwell hit an unexpected error; nothing was saved. Please try again."))
                }),
                Err(problem) => Err(problem.clone()),
            };
            if let Err(e) = &result {
                crate::log::error(e);
            }
            // After every command, whatever it did: the writes it committed (or another
            // program's, seen through the book's version) are what the screens refresh from.
            if let Ok(store) = &guard.store {
                match store.take_changes() {
                    Ok(Some(change)) => tell(&notify, change),
                    Ok(None) => {}
                    Err(e) => crate::log::error(&e),
                }
            }
            result
        })
        .await
        .map_err(|_| Error::internal("Clientwell hit an unexpected error; nothing was saved. Please try again."))?
    }

    /// Closes the open book and opens the other one.
    pub async fn switch(&self, kind: BookKind) -> Result<AppStatus> {
        let book = Arc::clone(&self.book);
        let notify = Arc::clone(&self.notify);
        let data_dir = self.data_dir.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = book.lock().map_err(|_| Error::internal("Restart Clientwell to open another book."))?;
            // Let go of the open book (and its lock) before opening the next: it may be the same.
            *guard = closed(guard.kind, guard.path.clone());
            *guard = open(&data_dir, kind);
            daily_backup(&mut guard);
            if let Ok(store) = &guard.store {
                let _ = store.take_changes();
            }
            tell(&notify, BookChange::everything());
            Ok(status(&guard))
        })
        .await
        .map_err(|_| Error::internal("Clientwell hit an unexpected error while opening the book."))?
    }

    /// A fresh stop flag for a long job: cleared now, set by [`AppState::stop`].
    pub fn stop_flag(&self) -> Arc<std::sync::atomic::AtomicBool> {
        self.stop.store(false, std::sync::atomic::Ordering::SeqCst);
        Arc::clone(&self.stop)
    }

    /// Asks the running long job to stop after the file it is writing.
    pub fn stop(&self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// Closes the book and lets go of its lock (when the app exits).
    pub fn close(&self) {
        if let Ok(mut guard) = self.book.lock() {
            *guard = closed(guard.kind, guard.path.clone());
        }
    }

    pub async fn status(&self) -> Result<AppStatus> {
        let book = Arc::clone(&self.book);
        tauri::async_runtime::spawn_blocking(move || {
            let guard = book.lock().map_err(|_| Error::internal("Restart Clientwell."))?;
            Ok(status(&guard))
        })
        .await
        .map_err(|_| Error::internal("Clientwell hit an unexpected error."))?
    }
}

fn tell(notify: &OnceLock<Notify>, change: BookChange) {
    if let Some(notify) = notify.get() {
        notify(change);
    }
}

/// Today in the owner's time zone: the as-of date when none is given.
pub use clientwell_core::service::today;

fn open(data_dir: &Path, kind: BookKind) -> OpenBook {
    let path = data_dir.join(match kind {
        BookKind::Mine => paths::BOOK_FILE,
        BookKind::Demo => paths::DEMO_FILE,
    });
    let lock = match paths::lock_book(&path) {
        Ok(lock) => lock,
        Err(problem) => return OpenBook { store: Err(problem), ..closed(kind, path) },
    };
    let store = match kind {
        BookKind::Mine => Store::open(&path),
        BookKind::Demo => demo::open(&path, demo::DEFAULT_SEED, today()),
    };
    if let Err(e) = &store {
        crate::log::error(e);
    }
    OpenBook { kind, path, store, _lock: Some(lock), backed_up_on: None }
}

/// The daily backup runs on its own thread — right away, so it is done before the window has
/// loaded (85 ms for a 1,000-client book), then every hour to catch a new day — instead of
/// delaying the app's start or a command. It stops when the app's state is dropped.
fn keep_backing_up(book: std::sync::Weak<Mutex<OpenBook>>) {
    std::thread::spawn(move || loop {
        match book.upgrade() {
            Some(book) => {
                if let Ok(mut guard) = book.lock() {
                    daily_backup(&mut guard);
                }
            }
            None => return,
        }
        std::thread::sleep(std::time::Duration::from_secs(3600));
    });
}

fn closed(kind: BookKind, path: PathBuf) -> OpenBook {
    OpenBook { kind, path, store: Err(Error::internal("No book is open.")), _lock: None, backed_up_on: None }
}

/// The owner's book is backed up on the first day of use (at start, and again when the app is
/// left open past midnight). A failed backup is logged and never blocks the work.
fn daily_backup(book: &mut OpenBook) {
    let now = chrono::Utc::now();
    if book.kind != BookKind::Mine || book.backed_up_on == Some(now.date_naive()) {
        return;
    }
    if let Ok(store) = &book.store {
        book.backed_up_on = Some(now.date_naive());
        if let Err(e) = store.back_up_daily(now) {
            crate::log::error(&e);
        }
    }
}

fn status(book: &OpenBook) -> AppStatus {
    let (studio, problem) = match &book.store {
        Ok(store) => match store.studio() {
            Ok(studio) => (studio, None),
            Err(e) => (None, Some(e)),
        },
        Err(e) => (None, Some(e.clone())),
    };
    AppStatus {
        book: book.kind,
        studio,
        book_path: book.path.display().to_string(),
        problem,
        log_path: crate::log::path().map(|p| p.display().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_command_returns_an_error_and_the_next_command_still_works() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_owned(), BookKind::Mine);
        let err = tauri::async_runtime::block_on(state.run(|_store| -> Result<()> { panic!("a bug in a command") })).unwrap_err();
        assert_eq!(err.kind, clientwell_core::ErrorKind::Internal);
        let clients = tauri::async_runtime::block_on(state.run(|store| store.clients(true))).unwrap();
        assert!(clients.is_empty());
    }
}
