//! The native menu bar: File, Edit, View, Help with the usual items and shortcuts. Items that
//! act on the app's screens send their id to the window as a "menu" event; the UI handles them
//! (so every action still goes through the typed commands).

use tauri::menu::{AboutMetadata, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{App, Emitter, Runtime};

/// The ids the UI listens for (ui/src/menu.ts).
pub const ITEMS: &[(&str, &str, Option<&str>)] = &[
    ("go:review", "This week's review", Some("CmdOrCtrl+1")),
    ("go:clients", "Clients", Some("CmdOrCtrl+2")),
    ("go:portfolio", "Portfolio", Some("CmdOrCtrl+3")),
    ("go:reports", "Reports", Some("CmdOrCtrl+4")),
    ("go:settings", "Settings", Some("CmdOrCtrl+,")),
    ("find", "Find a client…", Some("CmdOrCtrl+K")),
];

pub fn install<R: Runtime>(app: &App<R>) -> tauri::Result<()> {
    let item = |id: &str, text: &str, keys: Option<&str>| {
        let builder = MenuItemBuilder::with_id(id, text);
        match keys {
            Some(k) => builder.accelerator(k).build(app),
            None => builder.build(app),
        }
    };
    let backup = item("backup", "Back up now", None)?;
    let calendar = item("calendar", "Add dates to my calendar…", None)?;
    let file = SubmenuBuilder::new(app, "File").items(&[&backup, &calendar]).separator().close_window().quit().build()?;
    let edit = SubmenuBuilder::new(app, "Edit").undo().redo().separator().cut().copy().paste().select_all().build()?;
    let mut view = SubmenuBuilder::new(app, "View");
    let views = ITEMS.iter().map(|(id, text, keys)| item(id, text, *keys)).collect::<tauri::Result<Vec<_>>>()?;
    for (i, v) in views.iter().enumerate() {
        if i == views.len() - 1 {
            view = view.separator();
        }
        view = view.item(v);
    }
    let view = view.separator().fullscreen().build()?;
    let data = item("go:settings", "Where is my data?", None)?;
    let about = AboutMetadata {
        name: Some("Clientwell".into()),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        comments: Some("Customer success for small studios. Your client book stays on this computer.".into()),
        ..Default::default()
    };
    let help = SubmenuBuilder::new(app, "Help").item(&data).separator().about(Some(about)).build()?;
    app.set_menu(MenuBuilder::new(app).items(&[&file, &edit, &view, &help]).build()?)?;
    app.on_menu_event(|handle, event| {
        let _ = handle.emit("menu", event.id().0.as_str());
    });
    Ok(())
}
