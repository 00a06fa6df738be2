//! The updater against a release server on 127.0.0.1, with a key pair made for this run only
//! (never committed, never the release key): the app finds the newer version, takes the
//! installer signed with the key it trusts, and refuses one changed after signing or signed by
//! another key.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use base64::Engine;
use clientwell_core::ErrorKind;
use serde_json::json;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};

use super::{fetch_verified, UpdateOffer, Updates};
use tauri::Manager;

const INSTALLER: &[u8] = b"the installer of Clientwell 9.9.9";

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

struct Keys {
    pk: minisign::PublicKey,
    sk: minisign::SecretKey,
}

impl Keys {
    fn new() -> Keys {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("a key pair");
        Keys { pk: pair.pk, sk: pair.sk }
    }

    /// The public key as `tauri.conf.json` carries it: the key file's text, in base64.
    fn public(&self) -> String {
        b64(&self.pk.to_box().expect("public key box").to_string())
    }

    /// A signature as the release job's `.sig` files carry it.
    fn sign(&self, bytes: &[u8]) -> String {
        let signature = minisign::sign(Some(&self.pk), &self.sk, std::io::Cursor::new(bytes), Some("file:clientwell"), None)
            .expect("signed");
        b64(&signature.to_string())
    }
}

/// The manifest's key for this machine, as the updater looks it up (`linux-x86_64`, ...).
fn platform() -> String {
    let os = match std::env::consts::OS {
        "macos" => "darwin",
        other => other,
    };
    format!("{os}-{}", std::env::consts::ARCH)
}

/// Serves `latest.json` and two installers (the signed one and a copy changed after signing)
/// until the test ends; answers the port.
fn release_server(signature: String) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().expect("its address").port();
    let base = format!("http://127.0.0.1:{port}");
    let manifest = |file: &str| {
        json!({
            "version": "9.9.9",
            "notes": "Reports open faster.",
            "pub_date": "2026-12-01T09:00:00Z",
            "platforms": { platform(): { "url": format!("{base}/{file}"), "signature": signature } }
        })
        .to_string()
    };
    let (good, tampered) = (manifest("clientwell.tar.gz"), manifest("tampered.tar.gz"));
    // A release with installers for other computers only (a Linux copy when only macOS and
    // Windows are in the manifest).
    let elsewhere = json!({ "version": "9.9.9", "platforms": { "plan9-mips": { "url": format!("{base}/x"), "signature": "x" } } }).to_string();
    let mut changed = INSTALLER.to_vec();
    changed[4] ^= 1;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // The rest of the request's head, up to its blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("");
            let (status, body): (&str, &[u8]) = match path {
                "/latest.json" => ("200 OK", good.as_bytes()),
                "/tampered.json" => ("200 OK", tampered.as_bytes()),
                "/elsewhere.json" => ("200 OK", elsewhere.as_bytes()),
                "/clientwell.tar.gz" => ("200 OK", INSTALLER),
                "/tampered.tar.gz" => ("200 OK", &changed),
                _ => ("404 Not Found", b""),
            };
            let mut out = &stream;
            let _ = write!(out, "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = out.write_all(body);
        }
    });
    port
}

/// The app with the updater as `lib.rs` installs it, configured like `tauri.conf.json` but
/// trusting `pubkey` and asking the local server (plain http is allowed for 127.0.0.1 here only).
fn app(pubkey: &str, port: u16, manifest: &str) -> tauri::App<MockRuntime> {
    let mut context = mock_context(noop_assets());
    context.config_mut().plugins.0.insert(
        "updater".into(),
        json!({
            "pubkey": pubkey,
            "endpoints": [format!("http://127.0.0.1:{port}/{manifest}")],
            "dangerousInsecureTransportProtocol": true
        }),
    );
    mock_builder().plugin(tauri_plugin_updater::Builder::new().build()).build(context).expect("the app starts")
}

/// The app's update state, as `lib.rs` registers it at setup.
fn finder(app: &tauri::App<MockRuntime>) -> tauri::State<'_, Updates> {
    Updates::manage(app.handle());
    app.state::<Updates>()
}

#[test]
fn the_app_finds_a_newer_version_and_installs_only_what_the_release_key_signed() {
    let keys = Keys::new();
    let port = release_server(keys.sign(INSTALLER));
    let app = app(&keys.public(), port, "latest.json");
    tauri::async_runtime::block_on(async {
        let update = finder(&app).find().await.expect("the server answered").expect("9.9.9 is newer than 0.1.0");
        let offer = UpdateOffer::of(&update);
        assert_eq!((offer.version.as_str(), offer.current_version.as_str()), ("9.9.9", "0.1.0"));
        assert_eq!(offer.notes.as_deref(), Some("Reports open faster."));
        assert_eq!(offer.published.as_deref(), Some("2026-12-01"));
        let bytes = fetch_verified(&update).await.expect("the signed installer is accepted");
        assert_eq!(bytes, INSTALLER);
    });
}

#[test]
fn an_installer_changed_after_signing_is_refused() {
    let keys = Keys::new();
    let port = release_server(keys.sign(INSTALLER));
    let app = app(&keys.public(), port, "tampered.json");
    tauri::async_runtime::block_on(async {
        let update = finder(&app).find().await.expect("the server answered").expect("an update is offered");
        let err = fetch_verified(&update).await.expect_err("a changed installer must not pass");
        assert_eq!(err.kind, ErrorKind::Incompatible, "{}", err.message);
        assert!(err.message.contains("not signed by Clientwell's release key"), "{}", err.message);
    });
}

#[test]
fn an_installer_signed_by_another_key_is_refused() {
    let (trusted, other) = (Keys::new(), Keys::new());
    let port = release_server(other.sign(INSTALLER));
    let app = app(&trusted.public(), port, "latest.json");
    tauri::async_runtime::block_on(async {
        let update = finder(&app).find().await.expect("the server answered").expect("an update is offered");
        let err = fetch_verified(&update).await.expect_err("another key's signature must not pass");
        assert_eq!(err.kind, ErrorKind::Incompatible, "{}", err.message);
    });
}

#[test]
fn the_shipped_config_trusts_one_key_and_asks_only_over_https() {
    let config: serde_json::Value =
        serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json is JSON");
    let updater = &config["plugins"]["updater"];
    let key = base64::engine::general_purpose::STANDARD
        .decode(updater["pubkey"].as_str().expect("a public key"))
        .expect("the key is base64");
    let key = String::from_utf8(key).expect("the key is text");
    assert!(key.starts_with("untrusted comment: minisign public key"), "{key}");
    let endpoints = updater["endpoints"].as_array().expect("endpoints");
    assert!(!endpoints.is_empty() && endpoints.iter().all(|e| e.as_str().is_some_and(|e| e.starts_with("https://"))));
    assert!(updater.get("dangerousInsecureTransportProtocol").is_none(), "plain http only in tests");
    assert_eq!(config["bundle"]["createUpdaterArtifacts"], true, "the release job signs the installers");
}

#[test]
fn no_published_manifest_means_no_update_and_another_computers_release_says_where_to_get_it() {
    let keys = Keys::new();
    let port = release_server(keys.sign(INSTALLER));
    tauri::async_runtime::block_on(async {
        // A release published without update signatures has no latest.json: nothing to offer.
        let missing = app(&keys.public(), port, "missing.json");
        assert!(finder(&missing).find().await.expect("not an error").is_none());
        let elsewhere = app(&keys.public(), port, "elsewhere.json");
        let Err(err) = finder(&elsewhere).find().await else { panic!("no installer for this computer, so an error") };
        assert_eq!(err.kind, ErrorKind::NotFound, "{}", err.message);
        assert!(err.message.contains("releases page"), "{}", err.message);
    });
}
