//! Migrations on real files: from an empty database and from every earlier schema, data survives.
use archdrill_store::{migrate, migrate_to, schema_version, Store, StoreError, MIGRATIONS};
use rusqlite::{params, Connection};

/// Writes rows that are valid at `version`, so upgrading past it must carry them along.
fn seed(conn: &Connection, version: usize) {
    if version >= 1 {
        conn.execute(
            "INSERT INTO notes (question_id, body, updated_at) VALUES ('sg-vs-nacl', 'my note', 1)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('theme', 'dark')",
            [],
        )
        .unwrap();
    }
    if version >= 2 {
        conn.execute(
            "INSERT INTO review_log (id, card_id, reviewed_at, day, rating, duration_ms)
             VALUES ('01J0000000000000000000000A', 'q:sg-vs-nacl', ?1, 19675, 3, 42000)",
            params![1_700_000_000_000_i64],
        )
        .unwrap();
    }
}

#[test]
fn an_empty_database_reaches_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
    let mode: String = Connection::open(dir.path().join("archdrill.db"))
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn every_earlier_schema_upgrades_with_its_data() {
    for from in 0..MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archdrill.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate_to(&mut conn, from).unwrap();
            assert_eq!(schema_version(&conn).unwrap(), from as i64);
            seed(&conn, from);
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            MIGRATIONS.len() as i64,
            "from {from}"
        );
        if from >= 1 {
            assert_eq!(store.note("sg-vs-nacl").unwrap().unwrap().body, "my note");
            assert_eq!(store.setting("theme").unwrap().as_deref(), Some("dark"));
        }
        if (1..5).contains(&from) {
            // Notes and settings from before the change log become its first changes, so they export.
            let kinds: Vec<_> = store
                .changes()
                .unwrap()
                .into_iter()
                .map(|c| c.kind)
                .collect();
            assert_eq!(kinds.len(), 2, "from {from}: {kinds:?}");
        }
        if from >= 2 {
            let ids = store.reviewed_card_ids().unwrap();
            assert!(ids.contains("q:sg-vs-nacl"), "from {from}: reviews survive");
        }
        // Running migrations again is a no-op.
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), MIGRATIONS.len() as i64);
    }
}

#[test]
fn a_database_from_a_newer_app_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archdrill.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    match Store::open(&path) {
        Err(StoreError::NewerSchema { found: 999, .. }) => {}
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("a newer schema must not be opened"),
    }
    let conn = Connection::open(&path).unwrap();
    assert_eq!(schema_version(&conn).unwrap(), 999);
}
