//! The TypeScript bindings in ui/src are generated from the Rust commands. This test fails when
//! the checked-in file is stale (a command or type changed without regenerating), and rewrites
//! it when run with UPDATE_BINDINGS=1.

use std::path::Path;

#[test]
fn checked_in_bindings_match_the_commands() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked_in = root.join(clientwell_app::BINDINGS_PATH);
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("bindings.ts");
    clientwell_app::export_bindings(&fresh).unwrap();
    let fresh = std::fs::read_to_string(&fresh).unwrap();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&checked_in, &fresh).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&checked_in).unwrap_or_default();
    assert!(
        current == fresh,
        "{} is stale: a command or one of its types changed. Regenerate it with \
         `UPDATE_BINDINGS=1 cargo test --test bindings` and commit the result.",
        clientwell_app::BINDINGS_PATH
    );
}

/// The words and limits the screens show come from the core (`clientwell_core::words`): the
/// checked-in `ui/src/words.ts` must be what the core generates now.
#[test]
fn checked_in_words_match_the_core() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/words.ts");
    let fresh = clientwell_core::words::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(current == fresh, "ui/src/words.ts is stale: a word or a limit changed in the core. Regenerate it with `UPDATE_BINDINGS=1 cargo test --test bindings` and commit the result.");
}
