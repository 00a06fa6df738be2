//! A small W3C WebDriver client over tauri-driver: just what the E2E tests use, with a timeout
//! on every wait so a broken app fails the test instead of hanging it.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
const WAIT: Duration = Duration::from_secs(20);

/// tauri-driver, stopped with SIGTERM on drop so WebKitWebDriver releases its port.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub fn start(data_dir: &Path, port: u16) -> Driver {
        let child = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &(port + 1).to_string()])
            .env("CLIENTWELL_DATA_DIR", data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver is installed (cargo install tauri-driver --locked)");
        let driver = Driver { child, port };
        let deadline = Instant::now() + WAIT;
        while ureq::get(&driver.url("/status")).call().is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not start on port {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }

    pub fn session(&self, application: &Path) -> Session<'_> {
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "wry",
            "tauri:options": { "application": application }
        } } });
        let response: Value = ureq::post(&self.url("/session"))
            .timeout(Duration::from_secs(60))
            .send_json(caps)
            .expect("a WebDriver session starts the app")
            .into_json()
            .expect("a JSON answer");
        let id = response["value"]["sessionId"].as_str().expect("a session id").to_owned();
        Session { driver: self, id }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
    }
}

pub struct Session<'d> {
    driver: &'d Driver,
    id: String,
}

pub struct Element(String);

impl Session<'_> {
    fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        let url = self.driver.url(&format!("/session/{}{}", self.id, path));
        match ureq::post(&url).timeout(Duration::from_secs(30)).send_json(body) {
            Ok(r) => r.into_json::<Value>().map(|v| v["value"].clone()).map_err(|e| e.to_string()),
            Err(ureq::Error::Status(code, r)) => Err(format!("{code}: {}", r.into_string().unwrap_or_default())),
            Err(e) => Err(e.to_string()),
        }
    }

    fn get(&self, path: &str) -> Result<Value, String> {
        let url = self.driver.url(&format!("/session/{}{}", self.id, path));
        match ureq::get(&url).timeout(Duration::from_secs(30)).call() {
            Ok(r) => r.into_json::<Value>().map(|v| v["value"].clone()).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    fn find_now(&self, xpath: &str) -> Option<Element> {
        let found = self.post("/element", json!({ "using": "xpath", "value": xpath }));
        if std::env::var_os("E2E_DEBUG").is_some() {
            eprintln!("find {xpath} -> {found:?}");
        }
        let found = found.ok()?;
        found[ELEMENT_KEY].as_str().map(|id| Element(id.to_owned()))
    }

    /// Waits for the element at `xpath` to exist.
    pub fn find(&self, xpath: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(element) = self.find_now(xpath) {
                return element;
            }
            if Instant::now() > deadline {
                let _ = self.screenshot("timeout");
                panic!("nothing matched {xpath} within {WAIT:?}; page text: {}", self.page_text());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until no screen says it is still loading (`aria-busy="true"`): each screen marks
    /// itself ready once drawn, so a click lands where the button will stay.
    pub fn wait_ready(&self) {
        let deadline = Instant::now() + WAIT;
        while self.find_now("//*[@aria-busy='true']").is_some() {
            if Instant::now() > deadline {
                let _ = self.screenshot("busy");
                panic!("a screen was still loading after {WAIT:?}; page text: {}", self.page_text());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn click(&self, xpath: &str) {
        self.wait_ready();
        let Element(id) = self.find(xpath);
        // WebKit's driver clicks where the element is without scrolling a panel's own scroll area
        // far enough: an element at the window's bottom edge took the click on nothing. Centre it.
        // Then wait until its box is the same on two frames in a row: a part that loads after
        // the screen said it was ready (an image, a card's own data) may still push it.
        let settle = "const [el, done] = arguments; el.scrollIntoView({ block: 'center', inline: 'nearest' });
            let last = '', frames = 0;
            const tick = () => { const r = el.getBoundingClientRect(); const box = [r.x, r.y, r.width, r.height].join();
              if (box === last || ++frames > 120) { done(''); } else { last = box; requestAnimationFrame(tick); } };
            requestAnimationFrame(tick);";
        let _ = self.post("/execute/async", json!({ "script": settle, "args": [{ ELEMENT_KEY: id }] }));
        self.wait_ready();
        self.post(&format!("/element/{id}/click"), json!({})).expect("click");
    }

    pub fn type_into(&self, xpath: &str, text: &str) {
        let Element(id) = self.find(xpath);
        self.post(&format!("/element/{id}/value"), json!({ "text": text })).expect("typing");
    }

    /// Runs `js` in the page and returns what it returns, as text.
    pub fn script(&self, js: &str) -> String {
        self.post("/execute/sync", json!({ "script": js, "args": [] }))
            .ok()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .unwrap_or_default()
    }

    /// The page's text once every screen says it is drawn (no `aria-busy="true"` left): what
    /// a person would read, not a frame still loading.
    pub fn settled_text(&self) -> String {
        self.wait_ready();
        self.page_text()
    }

    pub fn page_text(&self) -> String {
        self.post("/execute/sync", json!({ "script": "return document.body.innerText", "args": [] }))
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// Saves a PNG of the window under target/e2e-screenshots/ for a person to look at.
    pub fn screenshot(&self, name: &str) -> Option<std::path::PathBuf> {
        use base64_decode::decode;
        let data = self.get("/screenshot").ok()?;
        let bytes = decode(data.as_str()?)?;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).ok()?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).ok()?;
        Some(path)
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = ureq::delete(&self.driver.url(&format!("/session/{}", self.id))).call();
    }
}

/// Standard base64, enough for screenshots, so the tests need no extra crate.
mod base64_decode {
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let value = |c: u8| -> Option<u32> {
            Some(match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => return None,
            } as u32)
        };
        let clean: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
        let mut out = Vec::with_capacity(clean.len() * 3 / 4);
        for chunk in clean.chunks(4) {
            let mut n = 0u32;
            for (i, &c) in chunk.iter().enumerate() {
                n |= value(c)? << (18 - 6 * i);
            }
            let bytes = n.to_be_bytes();
            out.extend_from_slice(&bytes[1..chunk.len()]);
        }
        Some(out)
    }
}
