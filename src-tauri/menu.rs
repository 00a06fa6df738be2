//! The native menu bar. On a Mac the first menu is the app's own ("Clientwell": About
//! Clientwell, Settings… at ⌘,, Services, Hide, Quit), as every Mac app has it; on Windows and
//! Linux, File ends with Quit and About is under Help. The layout is a plain list
//! ([`plan`]), so both platforms' menus are checked by tests on any machine. Items that act on
//! the app's screens send their id to the window as a "menu" event; the UI handles them (so
//! every action still goes through the typed commands).

use tauri::menu::{AboutMetadata, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{App, Emitter, Runtime};

/// The screens, by the ids the UI listens for (ui/src/menu.ts), with their shortcuts.
pub const ITEMS: &[(&str, &str, Option<&str>)] = &[
    ("go:review", "This week's review", Some("CmdOrCtrl+1")),
    ("go:clients", "Clients", Some("CmdOrCtrl+2")),
    ("go:portfolio", "Portfolio", Some("CmdOrCtrl+3")),
    ("go:reports", "Reports", Some("CmdOrCtrl+4")),
    ("go:settings", "Settings", Some("CmdOrCtrl+,")),
    ("find", "Find a client…", Some("CmdOrCtrl+K")),
];

/// One entry of a menu: an item of ours (id, text, shortcut), or one the system provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Item(&'static str, &'static str, Option<&'static str>),
    Separator,
    About,
    Services,
    Hide,
    HideOthers,
    ShowAll,
    Quit,
    CloseWindow,
    Minimize,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    SelectAll,
    Fullscreen,
}

/// The menus, in order, for a Mac (`mac`) or for Windows and Linux.
pub fn plan(mac: bool) -> Vec<(&'static str, Vec<Entry>)> {
    use Entry::*;
    let screen = |id: &str| ITEMS.iter().find(|(i, _, _)| *i == id).map(|&(i, t, k)| Item(i, t, k));
    let screens: Vec<Entry> = ITEMS.iter().filter(|(id, _, _)| !mac || *id != "go:settings").map(|&(i, t, k)| Item(i, t, k)).collect();
    let (find, pages) = screens.split_last().map_or((None, &screens[..]), |(last, rest)| (Some(*last), rest));
    let mut view: Vec<Entry> = pages.to_vec();
    view.extend([Separator]);
    view.extend(find);
    view.extend([Separator, Fullscreen]);
    let mut file = vec![Item("backup", "Back up now", None), Item("calendar", "Add dates to my calendar…", None), Separator, CloseWindow];
    let edit = vec![Undo, Redo, Separator, Cut, Copy, Paste, SelectAll];
    let data = Item("go:settings", "Where is my data?", None);
    if mac {
        // Settings… lives in the app menu at ⌘, (Apple's Human Interface Guidelines).
        let settings = screen("go:settings").map(|e| match e {
            Item(id, _, keys) => Item(id, "Settings…", keys),
            other => other,
        });
        let mut app = vec![About, Separator];
        app.extend(settings);
        app.extend([Separator, Services, Separator, Hide, HideOthers, ShowAll, Separator, Quit]);
        vec![("Clientwell", app), ("File", file), ("Edit", edit), ("View", view), ("Window", vec![Minimize, CloseWindow]), ("Help", vec![data])]
    } else {
        file.push(Quit);
        vec![("File", file), ("Edit", edit), ("View", view), ("Help", vec![data, Separator, About])]
    }
}

pub fn install<R: Runtime>(app: &App<R>) -> tauri::Result<()> {
    let about = AboutMetadata {
        name: Some("Clientwell".into()),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        comments: Some("Customer success for small studios. Your client book stays on this computer.".into()),
        ..Default::default()
    };
    let mut bar = MenuBuilder::new(app);
    for (title, entries) in plan(cfg!(target_os = "macos")) {
        let mut menu = SubmenuBuilder::new(app, title);
        for entry in entries {
            menu = match entry {
                Entry::Item(id, text, keys) => {
                    let builder = MenuItemBuilder::with_id(id, text);
                    let item = match keys {
                        Some(k) => builder.accelerator(k).build(app)?,
                        None => builder.build(app)?,
                    };
                    menu.item(&item)
                }
                Entry::Separator => menu.separator(),
                Entry::About => menu.about(Some(about.clone())),
                Entry::Services => menu.services(),
                Entry::Hide => menu.hide(),
                Entry::HideOthers => menu.hide_others(),
                Entry::ShowAll => menu.show_all(),
                Entry::Quit => menu.quit(),
                Entry::CloseWindow => menu.close_window(),
                Entry::Minimize => menu.minimize(),
                Entry::Undo => menu.undo(),
                Entry::Redo => menu.redo(),
                Entry::Cut => menu.cut(),
                Entry::Copy => menu.copy(),
                Entry::Paste => menu.paste(),
                Entry::SelectAll => menu.select_all(),
                Entry::Fullscreen => menu.fullscreen(),
            };
        }
        bar = bar.item(&menu.build()?);
    }
    app.set_menu(bar.build()?)?;
    app.on_menu_event(|handle, event| {
        let _ = handle.emit("menu", event.id().0.as_str());
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(menu: &[Entry]) -> Vec<(&'static str, &'static str, Option<&'static str>)> {
        menu.iter().filter_map(|e| if let Entry::Item(i, t, k) = e { Some((*i, *t, *k)) } else { None }).collect()
    }

    #[test]
    fn a_mac_has_the_app_menu_with_about_settings_at_cmd_comma_and_quit() {
        let menus = plan(true);
        let titles: Vec<&str> = menus.iter().map(|(t, _)| *t).collect();
        assert_eq!(titles, ["Clientwell", "File", "Edit", "View", "Window", "Help"]);
        let app = &menus[0].1;
        assert_eq!(app.first(), Some(&Entry::About));
        assert_eq!(app.last(), Some(&Entry::Quit));
        assert!(app.contains(&Entry::Hide) && app.contains(&Entry::Services));
        assert_eq!(items(app), [("go:settings", "Settings…", Some("CmdOrCtrl+,"))]);
        assert!(menus[1..].iter().all(|(_, m)| !m.contains(&Entry::Quit) && !m.contains(&Entry::About)), "Quit and About only in the app menu");
    }

    #[test]
    fn windows_and_linux_quit_from_file_and_find_about_under_help() {
        let menus = plan(false);
        let titles: Vec<&str> = menus.iter().map(|(t, _)| *t).collect();
        assert_eq!(titles, ["File", "Edit", "View", "Help"]);
        assert_eq!(menus[0].1.last(), Some(&Entry::Quit));
        assert_eq!(menus[3].1.last(), Some(&Entry::About));
        assert!(items(&menus[2].1).contains(&("go:settings", "Settings", Some("CmdOrCtrl+,"))));
    }

    #[test]
    fn every_screen_is_reachable_once_and_no_shortcut_is_taken_twice() {
        for mac in [true, false] {
            let all: Vec<_> = plan(mac).iter().flat_map(|(_, m)| items(m)).collect();
            for (id, _, _) in ITEMS {
                assert_eq!(all.iter().filter(|(i, _, k)| i == id && k.is_some()).count(), 1, "{id} with its shortcut, once (mac: {mac})");
            }
            let mut keys: Vec<&str> = all.iter().filter_map(|(_, _, k)| *k).collect();
            let count = keys.len();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), count, "a shortcut used twice (mac: {mac})");
            // The system's own: ⌘Q, ⌘W, ⌘H, ⌘M, ⌘Z, ⌘X, ⌘C, ⌘V, ⌘A are never ours.
            assert!(keys.iter().all(|k| !["Q", "W", "H", "M", "Z", "X", "C", "V", "A"].iter().any(|s| *k == format!("CmdOrCtrl+{s}"))));
        }
    }
}
