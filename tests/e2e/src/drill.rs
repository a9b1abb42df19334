//! Label drills and mock interviews driven as a learner would, and the rows they leave behind.

use crate::{App, Driver, Res};
use fantoccini::key::Key;

/// Matches a label drill's slots once its stage is drawn and ready to take labels.
pub const LABEL_STAGE: &str = "[data-testid='drill-stage'] svg [data-slot]";

impl App {
    /// Puts `label` on `slot` by keyboard only (Enter on the bank's label, Enter on the slot) and
    /// waits until the stage shows it placed there.
    pub async fn place_by_keys(&self, label: &str, slot: &str) -> Res {
        let enter = Key::Enter.to_string();
        self.wait_css(&format!("[data-testid='bank-label'][data-label='{label}']"))
            .await?
            .send_keys(&enter)
            .await?;
        self.wait_css(&format!("[data-slot='{slot}']"))
            .await?
            .send_keys(&enter)
            .await?;
        self.wait_css(&format!(
            "[data-testid='placed'][data-label='{label}'][data-slot-of='{slot}']"
        ))
        .await?;
        Ok(())
    }

    /// Presses Enter on a drill's Check button and returns the score it then shows ("75%").
    pub async fn check_by_keys(&self) -> Res<String> {
        self.wait_testid("drill-check")
            .await?
            .send_keys(&Key::Enter.to_string())
            .await?;
        self.wait_text("drill-score", |t| t.ends_with('%')).await
    }

    /// Sets up a mock interview on the Mock screen (level button `mock-level-<level>`, `questions`
    /// typed into the count box), starts it and waits for its countdown.
    pub async fn start_mock(&self, level: &str, questions: usize) -> Res {
        self.click("nav-mock").await?;
        self.click(&format!("mock-level-{level}")).await?;
        let count = self.wait_testid("mock-count").await?;
        count.clear().await?;
        count.send_keys(&questions.to_string()).await?;
        self.click("mock-start").await?;
        self.wait_text("mock-timer", |t| t.contains(':')).await?;
        Ok(())
    }
}

impl Driver {
    /// The scores of a drill's stored attempts, oldest first (None while the file is busy).
    pub fn drill_scores(&self, drill: &str) -> Option<Vec<f64>> {
        let db = self.db().ok()?;
        let mut stmt = db
            .prepare("SELECT score FROM drill_attempts WHERE drill_id = ?1 ORDER BY attempted_at")
            .ok()?;
        let rows = stmt.query_map([drill], |r| r.get(0)).ok()?;
        rows.collect::<Result<Vec<f64>, _>>().ok()
    }

    /// A value from the settings table, if the app has stored one under `key`.
    pub fn setting(&self, key: &str) -> Option<String> {
        let db = self.db().ok()?;
        db.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get::<_, String>(0)
        })
        .ok()
    }
}
