//! Reading and nudging the page: counts, lists of attributes and texts, checkboxes, the theme.

use crate::{App, Res};
use fantoccini::Locator;
use std::time::{Duration, Instant};

impl App {
    /// How many elements match `css` right now (no waiting).
    pub async fn count(&self, css: &str) -> Res<usize> {
        Ok(self.client.find_all(Locator::Css(css)).await?.len())
    }

    /// Waits until exactly `n` elements match `css` (the canvas redraws asynchronously).
    pub async fn wait_count(&self, css: &str, n: usize) -> Res {
        let start = Instant::now();
        loop {
            let found = self.count(css).await?;
            if found == n {
                return Ok(());
            }
            if start.elapsed() > Duration::from_secs(10) {
                return Err(format!("{css}: expected {n}, found {found}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The attribute `attr` of every element matching `css`, in document order ("" when absent).
    pub async fn attrs(&self, css: &str, attr: &str) -> Res<Vec<String>> {
        self.strings(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]) ?? '')",
            vec![serde_json::json!(css), serde_json::json!(attr)],
        )
        .await
    }

    /// The trimmed text of every element matching `css`, in document order.
    pub async fn texts(&self, css: &str) -> Res<Vec<String>> {
        self.strings(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())",
            vec![serde_json::json!(css)],
        )
        .await
    }

    async fn strings(&self, script: &str, args: Vec<serde_json::Value>) -> Res<Vec<String>> {
        let out = self.client.execute(script, args).await?;
        Ok(out
            .as_array()
            .ok_or("not a list")?
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect())
    }

    /// Whether the checkbox with this test id is ticked.
    pub async fn checked(&self, id: &str) -> Res<bool> {
        let el = self.wait_testid(id).await?;
        Ok(el.prop("checked").await?.as_deref() == Some("true"))
    }

    /// Waits up to 10 s for the checkbox with this test id to be ticked (`want` true) or not.
    /// Returns whether it got there, so a caller can word its own failure.
    pub async fn wait_checked(&self, id: &str, want: bool) -> Res<bool> {
        let start = Instant::now();
        while self.checked(id).await? != want {
            if start.elapsed() > Duration::from_secs(10) {
                return Ok(false);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(true)
    }

    /// Picks a theme in the header's select as a person would (the page hears a `change` event)
    /// and waits until the root element carries it.
    pub async fn set_theme(&self, theme: &str) -> Res {
        self.client
            .execute(
                "const s = document.querySelector(\"[data-testid='theme-select']\"); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![serde_json::json!(theme)],
            )
            .await?;
        self.wait_css(&format!(":root[data-theme='{theme}']"))
            .await?;
        Ok(())
    }

    /// Scrolls the first element matching `css` to the top of the window.
    pub async fn scroll_to_top(&self, css: &str) -> Res {
        let el = self.wait_css(css).await?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'start'})",
                vec![serde_json::to_value(&el)?],
            )
            .await?;
        Ok(())
    }

    /// Minutes the webview's local time is ahead of UTC (what the app's "today" is based on).
    pub async fn utc_offset_min(&self) -> Res<i64> {
        Ok(self
            .client
            .execute("return -new Date().getTimezoneOffset()", vec![])
            .await?
            .as_i64()
            .ok_or("no offset")?)
    }
}

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// The wall clock in Unix milliseconds, as the app stamps its rows.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_millis() as i64
}

/// The local day number (days since 1970-01-01) of a Unix-ms instant at this UTC offset.
pub fn local_day(ms: i64, offset_min: i64) -> i64 {
    (ms + offset_min * 60_000).div_euclid(DAY_MS)
}
