//! The append-only rule (enforced by SQLite itself) and the change log's last-writer-wins merge.
use archdrill_store::*;
use rusqlite::Connection;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

fn review(id: &str) -> ReviewRecord {
    ReviewRecord {
        id: id.into(),
        card_id: "q:a".into(),
        reviewed_at: 1,
        day: 0,
        rating: 3,
        duration_ms: 1,
        points: "[]".into(),
        points_total: 0,
        elapsed_days: None,
        answer: None,
    }
}

#[test]
fn the_review_log_and_undo_marks_refuse_update_and_delete() {
    let (dir, mut s) = store();
    s.import_reviews([review("01A")]).unwrap();
    s.set_setting("theme", "dark").unwrap();
    let raw = Connection::open(dir.path().join(DB_FILE)).unwrap();
    raw.execute(
        "INSERT INTO review_undo (review_id, undone_at) VALUES ('01A', 2)",
        [],
    )
    .unwrap();
    for sql in [
        "UPDATE review_log SET rating = 1",
        "DELETE FROM review_log",
        "UPDATE review_undo SET undone_at = 3",
        "DELETE FROM review_undo",
        "DELETE FROM change_log",
        "UPDATE change_log SET value = 'light'",
    ] {
        let err = raw.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(s.review_log_len().unwrap(), 1);
}

fn change(id: &str, at: i64, kind: ChangeKind, key: &str, value: Option<&str>) -> ChangeRecord {
    ChangeRecord {
        id: id.into(),
        at,
        kind,
        key: key.into(),
        value: value.map(Into::into),
    }
}

/// Notes, a bookmark set then taken off, and a setting changed twice in the same millisecond.
fn history() -> Vec<ChangeRecord> {
    vec![
        change("01", 10, ChangeKind::Note, "q1", Some("old")),
        change("02", 30, ChangeKind::Note, "q1", Some("newest")),
        change("03", 20, ChangeKind::Note, "q1", Some("middle")),
        change("04", 5, ChangeKind::Bookmark, "q2", Some("1")),
        change("05", 6, ChangeKind::Bookmark, "q2", None),
        change("06", 7, ChangeKind::Setting, "theme", Some("dark")),
        change("07", 7, ChangeKind::Setting, "theme", Some("light")), // same time: higher id wins
    ]
}

#[test]
fn merged_changes_give_the_same_state_in_any_order() {
    let all = history();
    let orders: [&[usize]; 3] = [
        &[0, 1, 2, 3, 4, 5, 6],
        &[6, 5, 4, 3, 2, 1, 0],
        &[2, 4, 0, 6, 1, 3, 5],
    ];
    for order in orders {
        let (_d, mut s) = store();
        for &i in order {
            assert!(s.merge_change(&all[i]).unwrap());
            assert!(!s.merge_change(&all[i]).unwrap(), "a known id is ignored");
        }
        assert_eq!(s.note("q1").unwrap().unwrap().body, "newest");
        assert!(!s.is_bookmarked("q2").unwrap());
        assert_eq!(s.setting("theme").unwrap().as_deref(), Some("light"));
        assert_eq!(s.changes().unwrap().len(), all.len());
    }
}

#[test]
fn a_local_edit_wins_over_a_merged_change_from_a_clock_that_runs_ahead() {
    let (_d, mut s) = store();
    s.merge_change(&change("01", 1_000, ChangeKind::Note, "q1", Some("theirs")))
        .unwrap();
    s.save_note("q1", "mine, later", 500).unwrap();
    assert_eq!(s.note("q1").unwrap().unwrap().body, "mine, later");
}

#[test]
fn device_settings_stay_out_of_the_change_log() {
    let (_d, mut s) = store();
    s.set_setting("local.sync_folder", "/tmp/x").unwrap();
    s.set_setting("theme", "dark").unwrap();
    s.set_setting("theme", "dark").unwrap(); // unchanged: no new change
    let keys: Vec<String> = s.changes().unwrap().into_iter().map(|c| c.key).collect();
    assert_eq!(keys, ["theme"]);
}

#[test]
fn a_batch_merge_ends_where_merging_one_by_one_does() {
    let mut all = history();
    all.extend([
        change("08", 8, ChangeKind::Note, "q9", Some("gone soon")),
        change("09", 9, ChangeKind::Note, "q9", None),
        change("10", 1, ChangeKind::Bookmark, "q3", Some("1")),
    ]);
    let state = |s: &Store| {
        (
            s.note("q1").unwrap().map(|n| (n.body, n.updated_at)),
            s.note("q9").unwrap(),
            s.is_bookmarked("q2").unwrap(),
            s.is_bookmarked("q3").unwrap(),
            s.setting("theme").unwrap(),
        )
    };
    let (_a, mut one) = store();
    for c in &all {
        one.merge_change(c).unwrap();
    }
    // In two batches, the second older than what is there (it must not win), then again (no-op).
    let (_b, mut batch) = store();
    assert_eq!(batch.merge_changes(&all[5..]).unwrap(), 5);
    assert_eq!(batch.merge_changes(&all[..5]).unwrap(), 5);
    assert_eq!(batch.merge_changes(&all).unwrap(), 0);
    assert_eq!(state(&batch), state(&one));
    assert_eq!(state(&one).0, Some(("newest".to_string(), 30)));
    // A local edit made before the batch, older than a merged change, loses to it; a newer one wins.
    let (_c, mut s) = store();
    s.save_note("q1", "mine", 25).unwrap();
    s.merge_changes(&all[..3]).unwrap();
    assert_eq!(s.note("q1").unwrap().unwrap().body, "newest");
    s.save_note("q1", "mine again", 40).unwrap();
    s.merge_changes(&[change("11", 35, ChangeKind::Note, "q1", Some("late"))])
        .unwrap();
    assert_eq!(s.note("q1").unwrap().unwrap().body, "mine again");
}

#[test]
fn a_large_batch_merge_ends_where_merging_one_by_one_does() {
    // 300 changes to 40 keys of each kind, at times that collide, in several runs of many rows at
    // once and a rest one by one; some ids come twice.
    let kinds = [ChangeKind::Note, ChangeKind::Bookmark, ChangeKind::Setting];
    let all: Vec<ChangeRecord> = (0..300u64)
        .map(|i| {
            let mix = i.wrapping_mul(2_654_435_761) % 1_000;
            let kind = kinds[(mix % 3) as usize];
            let key = format!("k{}", mix % 40);
            let value = match (kind, mix % 4) {
                (_, 0) => None,
                (ChangeKind::Bookmark, _) => Some("1".to_string()),
                _ => Some(format!("v{i}")),
            };
            let id = format!("{:02}", if i % 50 == 7 { i - 1 } else { i });
            ChangeRecord {
                id,
                at: (mix % 17) as i64,
                kind,
                key,
                value,
            }
        })
        .collect();
    let state = |s: &Store| {
        let keys = (0..40).map(|k| format!("k{k}"));
        keys.map(|k| {
            (
                s.note(&k).unwrap().map(|n| (n.body, n.updated_at)),
                s.is_bookmarked(&k).unwrap(),
                s.setting(&k).unwrap(),
            )
        })
        .collect::<Vec<_>>()
    };
    let (_a, mut one) = store();
    for c in &all {
        one.merge_change(c).unwrap();
    }
    let (_b, mut batch) = store();
    let added = batch.merge_changes(&all[150..]).unwrap() + batch.merge_changes(&all).unwrap();
    assert_eq!(added, one.changes().unwrap().len());
    assert_eq!(batch.changes().unwrap(), one.changes().unwrap());
    assert_eq!(state(&batch), state(&one));
    assert!(state(&one).iter().filter(|s| s.0.is_some()).count() > 5);
}
