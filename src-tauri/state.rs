//! The book the app has open, shared by all commands.
//!
//! The app opens either the owner's own book or the demo studio's, both in the data folder
//! (`CLIENTWELL_DATA_DIR` overrides it). If the book cannot be opened (a newer version's file,
//! a full disk), the app still starts and shows that problem instead of a blank window.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use clientwell_core::book::Studio;
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
}

struct OpenBook {
    kind: BookKind,
    path: PathBuf,
    store: Result<Store>,
}

pub struct AppState {
    data_dir: PathBuf,
    book: Arc<Mutex<OpenBook>>,
}

impl AppState {
    /// Opens the book of `kind` in `data_dir` (the OS app-data folder, or a test's temp dir).
    pub fn new(data_dir: PathBuf, kind: BookKind) -> AppState {
        let book = open(&data_dir, kind);
        AppState { data_dir, book: Arc::new(Mutex::new(book)) }
    }

    /// Runs `f` on the open book on a blocking thread, so the window never waits on the disk.
    /// A panic inside `f` becomes an internal error instead of taking the app down.
    pub async fn run<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T> + Send + 'static,
    {
        let book = Arc::clone(&self.book);
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = book.lock().map_err(|_| Error::internal("The book was left in an unknown state by an earlier error; restart Clientwell."))?;
            match &mut guard.store {
                Ok(store) => f(store),
                Err(problem) => Err(problem.clone()),
            }
        })
        .await
        .map_err(|_| Error::internal("Clientwell hit an unexpected error; nothing was saved. Please try again."))?
    }

    /// Closes the open book and opens the other one.
    pub async fn switch(&self, kind: BookKind) -> Result<AppStatus> {
        let book = Arc::clone(&self.book);
        let data_dir = self.data_dir.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = book.lock().map_err(|_| Error::internal("Restart Clientwell to open another book."))?;
            *guard = open(&data_dir, kind);
            Ok(status(&guard))
        })
        .await
        .map_err(|_| Error::internal("Clientwell hit an unexpected error while opening the book."))?
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

/// Today in the owner's time zone: the as-of date when none is given.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn open(data_dir: &Path, kind: BookKind) -> OpenBook {
    let (path, store) = match kind {
        BookKind::Mine => {
            let path = data_dir.join(paths::BOOK_FILE);
            let store = Store::open(&path);
            (path, store)
        }
        BookKind::Demo => {
            let path = data_dir.join(paths::DEMO_FILE);
            let store = demo::open(&path, demo::DEFAULT_SEED, today());
            (path, store)
        }
    };
    OpenBook { kind, path, store }
}

fn status(book: &OpenBook) -> AppStatus {
    let (studio, problem) = match &book.store {
        Ok(store) => match store.studio() {
            Ok(studio) => (studio, None),
            Err(e) => (None, Some(e)),
        },
        Err(e) => (None, Some(e.clone())),
    };
    AppStatus { book: book.kind, studio, book_path: book.path.display().to_string(), problem }
}
