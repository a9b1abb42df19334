//! axe-core (the npm package in ui/node_modules) run inside the real webview.

use crate::{App, Res};
use std::path::Path;

/// Which violations a test cares about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AxeImpact {
    /// Every violation, minor ones included.
    All,
    /// Only those axe rates serious or critical.
    SeriousOrCritical,
}

impl App {
    /// Runs axe on the page as it is and returns "rule (impact): targets" for each violation of
    /// the chosen impact. axe is injected once per page: a second call reuses it.
    pub async fn axe_violations(&self, impact: AxeImpact) -> Res<Vec<String>> {
        self.load_axe().await?;
        let filter = match impact {
            AxeImpact::All => "",
            AxeImpact::SeriousOrCritical => {
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            }
        };
        let script = format!(
            "const done = arguments[arguments.length - 1];
            axe.run(document, {{ resultTypes: ['violations'] }})
              .then(r => done(r.violations{filter}
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
              .catch(e => done(['axe failed: ' + e]));"
        );
        let out = self.client.execute_async(&script, vec![]).await?;
        // Anything but a list of strings is itself reported, so a broken run cannot pass as clean.
        Ok(out
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_else(|| vec![format!("unexpected axe result {out}")]))
    }

    async fn load_axe(&self) -> Res {
        let present = self
            .client
            .execute("return typeof window.axe === 'object'", vec![])
            .await?;
        if present == serde_json::Value::Bool(true) {
            return Ok(());
        }
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: {e} (run npm install in ui/; cargo xtask test does)",
                path.display()
            )
        })?;
        self.client
            .execute(&format!("{source}\nreturn true;"), vec![])
            .await?;
        Ok(())
    }
}
