//! The release pipeline's promises, checked on the files themselves (issue 17's bars): the release
//! workflow builds a universal macOS app and both Windows installers, the Linux job runs the same
//! script as CI, every certificate, key and password comes from repository secrets, and none is
//! in the repository.

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_release_builds_a_universal_mac_app_both_windows_installers_and_the_ci_deb() {
    let release = read(".github/workflows/release.yml");
    assert!(release.contains("--target universal-apple-darwin"), "a universal macOS build (Apple silicon and Intel)");
    assert!(release.contains("--bundles app,dmg"));
    assert!(release.contains("--bundles msi,nsis"), "Windows .msi and NSIS .exe");
    assert!(release.contains("bash .ci/package"), "the Linux job runs the script CI runs");
    assert!(read(".ci/test").contains("bash .ci/package"), "CI builds the .deb with that script");
    assert!(release.contains("includeUpdaterJson: true"), "the update manifest is published");
    let config = read("tauri.conf.json");
    assert!(config.contains(r#""installMode": "currentUser""#), "the NSIS installer needs no admin rights");
}

/// Every line that sets a signing variable takes its value from `secrets.` and nothing else.
#[test]
fn signing_reads_every_certificate_key_and_password_from_repository_secrets() {
    let release = read(".github/workflows/release.yml");
    let signing = ["APPLE_CERTIFICATE", "APPLE_PASSWORD", "APPLE_ID", "WINDOWS_CERTIFICATE", "TAURI_SIGNING_PRIVATE_KEY"];
    let mut seen = 0;
    for line in release.lines().map(str::trim) {
        let Some((name, value)) = line.split_once(':') else { continue };
        if signing.iter().any(|s| name.starts_with(s)) {
            seen += 1;
            let value = value.trim();
            assert!(
                value.starts_with("${{ secrets.") && value.ends_with("}}"),
                "{name} must come from a repository secret, not {value:?}"
            );
        }
    }
    assert!(seen >= 8, "the signing variables are passed to the jobs that sign ({seen} found)");
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), ".git" | "target" | "node_modules" | "dist" | "dist-screens") {
                walk(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

#[test]
fn no_signing_key_certificate_or_password_is_in_the_repository() {
    let mut files = Vec::new();
    walk(&repo(), &mut files);
    assert!(files.len() > 100, "the walk found the repository ({} files)", files.len());
    // The minisign/rsign secret-key headers in plain text and as the base64 Tauri stores them,
    // PEM private keys, and certificate bundles by extension.
    let needles = [
        "secret key\n",
        "rsign encrypted secret key",
        "minisign encrypted secret key",
        "dW50cnVzdGVkIGNvbW1lbnQ6IHJzaWduIGVuY3J5cHRlZCBzZWNyZXQga2V5",
        "-----BEGIN PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----",
    ];
    for file in files {
        let shown = file.strip_prefix(repo()).unwrap_or(&file).display().to_string();
        let ext = file.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        assert!(!["p12", "pfx", "key", "pem", "p8"].contains(&ext.as_str()), "{shown} looks like a key or certificate file");
        if shown.ends_with("release.rs") {
            continue; // this file names what it looks for
        }
        let Ok(text) = fs::read_to_string(&file) else { continue };
        for needle in needles {
            assert!(!text.contains(needle), "{shown} holds what looks like a private key ({needle:?})");
        }
    }
}
