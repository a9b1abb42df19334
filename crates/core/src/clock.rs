//! Time. The app handle reads the time through a `Clock` it is given at open, so tests (and
//! anything replaying a day) fix the time instead of depending on the wall clock: a test of
//! "today" must not fail because it runs at 23:55 UTC.
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Wall-clock time in unix milliseconds (0 if the clock is before 1970, which it never is in practice).
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// `YYYY-MM-DD HH:MM` in UTC, for the command line.
pub fn utc_datetime(unix_ms: i64) -> String {
    archdrill_study::datetime_string(archdrill_study::Now::utc(unix_ms))
}

/// Where the app handle reads the time: the system clock, or one a test controls.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> i64 + Send + Sync>);

impl Clock {
    /// The wall clock: what the app and the CLI use.
    pub fn system() -> Clock {
        Clock(Arc::new(now_ms))
    }

    /// Always `unix_ms`.
    pub fn fixed(unix_ms: i64) -> Clock {
        Clock(Arc::new(move || unix_ms))
    }

    /// Whatever `f` says, e.g. a test's clock it moves forward by hand.
    pub fn from_fn(f: impl Fn() -> i64 + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(f))
    }

    pub fn now_ms(&self) -> i64 {
        (self.0)()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clock({})", self.now_ms())
    }
}
