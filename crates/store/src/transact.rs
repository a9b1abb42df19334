//! The unit of work: everything a command writes commits together or not at all (Anki's `transact`).
use crate::{outbox, Store, StoreError};

impl Store {
    /// Runs `f` inside one write transaction and commits when it returns `Ok`; on `Err`, or if `f`
    /// panics, nothing it wrote stays. Called inside another `transact`, it joins the outer unit, so
    /// store methods can use it for their own statements and still compose.
    ///
    /// The transaction is IMMEDIATE: it takes the write lock up front, so a second connection (the
    /// optimiser's, the CLI's) waits on the busy timeout instead of failing half-way with BUSY.
    pub fn transact<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(StoreError::from)?;
        let mut open = Open(Some(self));
        let result = unit(open.store(), f);
        let store = open.0.take().expect("taken once");
        match result {
            Ok(v) => match store.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(v),
                Err(e) => {
                    rollback(store);
                    Err(StoreError::from(e).into())
                }
            },
            Err(e) => {
                rollback(store);
                Err(e)
            }
        }
    }
}

/// The body of an outermost unit of work: `f`, then the sync outbox entries for the rows it added
/// (a peer merge inside `f` takes the marks while it runs: see outbox.rs).
fn unit<T, E: From<StoreError>>(
    store: &mut Store,
    f: impl FnOnce(&mut Store) -> Result<T, E>,
) -> Result<T, E> {
    store.outbox_marks = Some(outbox::marks(&store.conn)?);
    let out = f(store);
    let marks = store.outbox_marks.take();
    let out = out?;
    if let Some(marks) = marks {
        outbox::queue_since(&store.conn, &marks)?;
    }
    Ok(out)
}

/// Rolls back if dropped while still holding the store: a panic inside the unit of work.
struct Open<'a>(Option<&'a mut Store>);

impl Open<'_> {
    fn store(&mut self) -> &mut Store {
        self.0.as_deref_mut().expect("open until taken")
    }
}

impl Drop for Open<'_> {
    fn drop(&mut self) {
        if let Some(store) = self.0.take() {
            rollback(store);
            // Marks of a unit that panicked describe rows that were rolled back.
            store.outbox_marks = None;
        }
    }
}

fn rollback(store: &Store) {
    // A failed COMMIT (disk full) may already have rolled back; then there is nothing to undo.
    if !store.conn.is_autocommit() {
        let _ = store.conn.execute_batch("ROLLBACK");
    }
}

#[cfg(test)]
mod tests {
    use crate::{Store, StoreError};

    fn stop() -> StoreError {
        StoreError::Io {
            path: "test".into(),
            source: std::io::Error::other("the unit of work fails"),
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn an_error_rolls_back_everything_the_unit_wrote() {
        let (_d, mut s) = store();
        let r: Result<(), StoreError> = s.transact(|s| {
            s.set_setting("theme", "dark")?;
            s.set_setting("study.new_per_day", "5")?;
            Err(stop())
        });
        assert!(r.is_err());
        assert_eq!(s.setting("theme").unwrap(), None);
        assert_eq!(s.setting("study.new_per_day").unwrap(), None);
        assert!(s.conn.is_autocommit(), "no transaction left open");
    }

    #[test]
    fn nested_units_join_the_outer_one() {
        let (_d, mut s) = store();
        let r: Result<(), StoreError> = s.transact(|s| {
            s.transact(|s| s.set_setting("theme", "dark"))?;
            Err(stop())
        });
        assert!(r.is_err());
        assert_eq!(s.setting("theme").unwrap(), None);
        s.transact(|s| s.transact(|s| s.set_setting("theme", "light")))
            .unwrap();
        assert_eq!(s.setting("theme").unwrap().as_deref(), Some("light"));
    }

    #[test]
    fn a_panic_inside_the_unit_rolls_back() {
        let (_d, mut s) = store();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _: Result<(), StoreError> = s.transact(|s| {
                s.set_setting("theme", "dark")?;
                panic!("bug in a command")
            });
        }));
        assert!(caught.is_err());
        assert_eq!(s.setting("theme").unwrap(), None);
        assert!(s.conn.is_autocommit());
    }

    #[test]
    fn a_full_disk_is_a_typed_error_that_keeps_what_was_committed() {
        let (_d, mut s) = store();
        s.save_note("q1", "kept", 1).unwrap();
        // SQLite answers SQLITE_FULL when the file may not grow: the same error a full disk gives.
        let pages: i64 = s
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        s.conn
            .pragma_update(None, "max_page_count", pages + 1)
            .unwrap();
        let big = "x".repeat(64 * 1024);
        let err = s
            .transact(|s| {
                s.save_note("q2", &big, 2)?;
                s.save_note("q3", &big, 3)
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::DiskFull(_)), "{err:?}");
        assert!(s.conn.is_autocommit(), "rolled back");
        assert_eq!(s.note("q1").unwrap().unwrap().body, "kept");
        assert!(s.note("q2").unwrap().is_none(), "nothing half-written");
        let app: archdrill_domain::AppError = err.into();
        assert!(matches!(app, archdrill_domain::AppError::DiskFull { .. }));
        // Once there is room again, the same write goes through.
        s.conn
            .pragma_update(None, "max_page_count", 1_000_000)
            .unwrap();
        s.save_note("q2", &big, 4).unwrap();
        assert_eq!(s.note("q2").unwrap().unwrap().body.len(), big.len());
    }
}
