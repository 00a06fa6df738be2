//! The app on Tauri's mock runtime (no window, no webkit), for the tests that call commands the
//! way the UI does: arguments as JSON over the real IPC handling, answers and errors as JSON.
#![allow(dead_code)] // each test file uses its own part of this

use clientwell_app::{specta_builder, AppState, BookKind};
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

pub struct App {
    pub app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

/// The app with the book of `kind` in `dir` open.
pub fn app_in(dir: &std::path::Path, kind: BookKind) -> App {
    let app = mock_builder()
        .manage(AppState::new(dir.to_owned(), kind))
        .invoke_handler(specta_builder::<MockRuntime>().invoke_handler())
        .build(mock_context(noop_assets()))
        .expect("the mock app builds");
    clientwell_app::events::connect(&app, &specta_builder::<MockRuntime>());
    clientwell_app::updates::Updates::manage(app.handle());
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("a mock window");
    App { app, window }
}

impl App {
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    /// `call` that must succeed.
    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args.clone()).unwrap_or_else(|e| panic!("{cmd} {args}: {e}"))
    }

    /// What the app does on exit: close the book and let go of its lock.
    pub fn close(&self) {
        use tauri::Manager;
        self.app.state::<AppState>().close();
    }
}
