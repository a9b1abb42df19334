//! Drives the real, built Archdrill binary: tauri-driver fronts WebKitWebDriver, which starts the app
//! with a throwaway data folder. `cargo xtask test` builds the app and sets the environment:
//! ARCHDRILL_APP (the binary), TAURI_DRIVER, NATIVE_DRIVER and DISPLAY (an Xvfb screen).

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod axe;
mod drill;
mod page;
pub use axe::AxeImpact;
pub use drill::LABEL_STAGE;
pub use page::{local_day, now_ms, DAY_MS};

pub type Res<T = ()> = Result<T, Box<dyn std::error::Error>>;

const WAIT: Duration = Duration::from_secs(20);

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the end-to-end tests through `cargo xtask test`")
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("the loopback interface has a free port")
}

/// One tauri-driver process, bound to one data folder (the app inherits the driver's environment).
pub struct Driver {
    child: Child,
    port: u16,
    pub data_dir: PathBuf,
}

impl Driver {
    pub fn start(data_dir: &Path) -> Res<Driver> {
        let port = free_port();
        let native_port = free_port();
        let mut cmd = Command::new(env("TAURI_DRIVER"));
        // Its own process group, so Drop can stop tauri-driver together with the WebKitWebDriver
        // and app it starts: killing tauri-driver alone leaves those running, one set per test.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let child = cmd
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .args(["--native-driver", &env("NATIVE_DRIVER")])
            .env("ARCHDRILL_DATA_DIR", data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()?;
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if start.elapsed() > Duration::from_secs(15) {
                return Err("tauri-driver did not listen within 15 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Driver {
            child,
            port,
            data_dir: data_dir.to_path_buf(),
        })
    }

    /// Starts the app (a new WebDriver session) and waits for its first screen.
    pub async fn launch(&self) -> Res<App> {
        self.launch_until("nav-home").await
    }

    /// Starts the app and waits for the element with this test id (a blocked start has no nav).
    pub async fn launch_until(&self, testid: &str) -> Res<App> {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": env("ARCHDRILL_APP") }),
        );
        let client = ClientBuilder::rustls()?
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        let app = App { client };
        app.wait_testid(testid).await?;
        Ok(app)
    }

    /// The app's SQLite file, opened read-only the way any other program would.
    pub fn db(&self) -> Res<rusqlite::Connection> {
        Ok(rusqlite::Connection::open_with_flags(
            self.data_dir.join("archdrill.db"),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )?)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null()) // the group may already be gone
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A running app window.
pub struct App {
    pub client: Client,
}

impl App {
    pub async fn quit(self) -> Res {
        self.client.close().await?;
        Ok(())
    }

    pub async fn wait_css(&self, css: &str) -> Res<Element> {
        Ok(self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await?)
    }

    pub async fn wait_testid(&self, id: &str) -> Res<Element> {
        self.wait_css(&format!("[data-testid='{id}']")).await
    }

    pub async fn click(&self, id: &str) -> Res {
        self.wait_testid(id).await?.click().await?;
        Ok(())
    }

    pub async fn text(&self, id: &str) -> Res<String> {
        Ok(self.wait_testid(id).await?.text().await?)
    }

    /// Waits until the element's text satisfies `ok` (the UI updates asynchronously).
    pub async fn wait_text(&self, id: &str, ok: impl Fn(&str) -> bool) -> Res<String> {
        let start = Instant::now();
        loop {
            let t = self.text(id).await?;
            if ok(&t) {
                return Ok(t);
            }
            if start.elapsed() > WAIT {
                return Err(format!("{id} still shows {t:?} after {WAIT:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Scrolls an element to the middle of the window, as a person would before dragging to it.
    pub async fn scroll_to(&self, el: &Element) -> Res {
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'})",
                vec![serde_json::to_value(el)?],
            )
            .await?;
        Ok(())
    }

    /// Saves a PNG of the window under tests/e2e/artifacts/ for people to look at.
    pub async fn screenshot(&self, name: &str) -> Res {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
        std::fs::create_dir_all(&dir)?;
        std::fs::write(
            dir.join(format!("{name}.png")),
            self.client.screenshot().await?,
        )?;
        Ok(())
    }
    /// Opens a drill from the Drills screen and waits until `ready` (a CSS selector) is there.
    pub async fn open_drill(&self, id: &str, ready: &str) -> Res {
        self.click("nav-drills").await?;
        self.wait_css(&format!("[data-testid='drill-link'][data-id='{id}']"))
            .await?
            .click()
            .await?;
        self.wait_css(ready).await?;
        Ok(())
    }

    /// Presses the pointer on `from`, moves a little (so the UI sees a drag, not a click), moves to
    /// `to` and releases.
    pub async fn drag(&self, from: Element, to: Target) -> Res {
        let to = match to {
            Target::Element(element) => PointerAction::MoveToElement {
                element,
                duration: Some(Duration::from_millis(150)),
                x: 0.0,
                y: 0.0,
            },
            Target::Point(x, y) => PointerAction::MoveTo {
                duration: Some(Duration::from_millis(150)),
                x,
                y,
            },
        };
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: from,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveBy {
                duration: Some(Duration::from_millis(50)),
                x: 12.0,
                y: 12.0,
            })
            .then(to)
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(actions).await?;
        Ok(())
    }

    /// Clicks the middle of the first shape of an SVG group, as a pointer would (WebKitWebDriver
    /// cannot click an SVG group itself). The backend redraws the canvas after every change, so
    /// an element found just before a redraw can go stale: it is then found again.
    pub async fn click_svg(&self, css: &str) -> Res {
        let mut tries = 0;
        loop {
            let el = self.wait_css(&format!("{css} rect")).await?;
            match self.press_on(el).await {
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::StaleElementReference
                        && tries < 20 =>
                {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                other => return Ok(other?),
            }
        }
    }

    /// Scrolls to the element and presses and releases the pointer on its middle.
    async fn press_on(&self, el: Element) -> Result<(), fantoccini::error::CmdError> {
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'})",
                vec![serde_json::to_value(&el).map_err(fantoccini::error::CmdError::Json)?],
            )
            .await?;
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: el,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(actions).await
    }

    /// Focuses the element as Tab would, then presses a key on it (WebKitWebDriver cannot send
    /// keys to an SVG group itself). The element is looked up inside the page's script rather than
    /// held as a WebDriver reference: a drawing the app has just redrawn would make that stale.
    pub async fn key_on(&self, css: &str, key: char) -> Res {
        self.wait_css(css).await?;
        let focus = "const el = document.querySelector(arguments[0]); \
                     if (!el) return false; \
                     el.scrollIntoView({block: 'center'}); el.focus(); return true;";
        let start = Instant::now();
        while self.client.execute(focus, vec![css.into()]).await? != serde_json::json!(true) {
            if start.elapsed() > Duration::from_secs(10) {
                return Err(format!("{css} could not be focused within 10 s").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        press(self, key).await
    }
}

/// Where a drag ends: on an element's centre, or at a point of the viewport.
pub enum Target {
    Element(Element),
    Point(f64, f64),
}

/// Polls `f` until it returns Some or the wait runs out (for rows the app writes).
pub async fn eventually<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> Res<T> {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return Ok(v);
        }
        if start.elapsed() > WAIT {
            return Err(format!("timed out waiting for {what}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Process ids of running copies of the app under test (matched by executable path).
pub fn app_pids() -> Vec<u32> {
    let Ok(app) = std::fs::canonicalize(env("ARCHDRILL_APP")) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == app))
        .collect()
}

/// Presses and releases one key on whatever has focus, as a person would.
pub async fn press(app: &App, key: char) -> Res {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    app.client.perform_actions(keys).await?;
    Ok(())
}

/// Waits until the attribute of the element with this test id satisfies `ok`.
pub async fn wait_attr(app: &App, id: &str, attr: &str, ok: impl Fn(&str) -> bool) -> Res<String> {
    let start = Instant::now();
    loop {
        let v = app
            .wait_testid(id)
            .await?
            .attr(attr)
            .await?
            .unwrap_or_default();
        if ok(&v) {
            return Ok(v);
        }
        if start.elapsed() > Duration::from_secs(20) {
            return Err(format!("{id}[{attr}] is still {v:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn card_id(app: &App) -> Res<String> {
    wait_attr(app, "review-card", "data-card-id", |v| !v.is_empty()).await
}

/// Reveals the answer with Space, ticks points with letters, rates with a digit, and waits for the
/// next card (or the done state). Returns the card's id.
pub async fn review(app: &App, letters: &str, rating: char) -> Res<String> {
    let id = card_id(app).await?;
    press(app, ' ').await?;
    app.wait_testid("review-answer").await?;
    for (k, letter) in letters.chars().enumerate() {
        press(app, letter).await?;
        if !app.wait_checked(&format!("rubric-point-{k}"), true).await? {
            return Err(format!("{letter} did not tick point {k}").into());
        }
    }
    press(app, rating).await?;
    wait_attr(app, "review-card", "data-card-id", |v| v != id).await?;
    Ok(id)
}
