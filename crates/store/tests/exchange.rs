//! The store's side of export, import and the sync folder: merges are unions by id, and only what
//! this device made (or imported) is queued for its own change file.
use archdrill_domain::new_ulid;
use archdrill_store::*;

const T0: i64 = 1_796_115_600_000;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    (dir, store)
}

fn rec(at: i64, card: &str) -> ReviewRecord {
    ReviewRecord {
        id: new_ulid(at),
        card_id: card.into(),
        reviewed_at: at,
        day: at / 86_400_000,
        rating: 3,
        duration_ms: 1_000,
        points: "[]".into(),
        points_total: 0,
        elapsed_days: None,
        answer: None,
    }
}

fn attempt(at: i64) -> DrillAttempt {
    DrillAttempt {
        id: new_ulid(at),
        drill_id: "fanout-1".into(),
        attempted_at: at,
        score: 0.5,
        rating: 2,
        duration_ms: 10,
        submission_json: "{}".into(),
        result_json: "{}".into(),
    }
}

fn outbox(s: &Store) -> Vec<OwnRecord> {
    s.own_records_after(0, 1000)
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

#[test]
fn merging_is_a_union_by_id_and_merging_twice_adds_nothing() {
    let (_d, mut s) = store();
    let reviews = vec![rec(T0, "q:a"), rec(T0 + 1, "q:b")];
    assert_eq!(s.merge_reviews(&reviews, |_| {}).unwrap(), 2);
    assert_eq!(s.merge_reviews(&reviews, |_| {}).unwrap(), 0);
    let mut changed = reviews[0].clone();
    changed.rating = 1;
    assert_eq!(
        s.merge_reviews(&[changed], |_| {}).unwrap(),
        0,
        "a known id is never replaced"
    );
    assert_eq!(s.review(&reviews[0].id).unwrap().unwrap().rating, 3);

    let undo = UndoMark {
        review_id: reviews[1].id.clone(),
        undone_at: T0 + 5,
    };
    assert_eq!(s.merge_undos(std::slice::from_ref(&undo)).unwrap(), (1, 0));
    assert_eq!(s.merge_undos(std::slice::from_ref(&undo)).unwrap(), (0, 0));
    assert_eq!(s.undo_marks().unwrap(), vec![undo]);

    let a = attempt(T0);
    assert_eq!(s.merge_attempts(&[a.clone(), a.clone()]).unwrap(), 1);
    assert_eq!(s.all_attempts().unwrap(), vec![a]);

    let mock = MockRecord {
        id: new_ulid(T0),
        started_at: T0,
        finished_at: None,
        level: "mid".into(),
        topics: "[]".into(),
        question_count: 1,
        minutes_per_answer: 3,
        answers: vec![],
    };
    assert_eq!(s.merge_mocks(std::slice::from_ref(&mock)).unwrap(), 1);
    let mut later = mock.clone();
    later.finished_at = Some(T0 + 9);
    assert_eq!(
        s.merge_mocks(&[later]).unwrap(),
        0,
        "a mock here is kept as it is"
    );
    assert_eq!(s.mocks().unwrap(), vec![mock]);
    assert_eq!(s.history_counts().unwrap(), [2, 1, 0, 1, 1]);
}

#[test]
fn a_large_merge_keeps_every_row_once_across_its_chunks() {
    let (_d, mut s) = store();
    // Over two chunks of many rows at once and a rest inserted one by one, with ids already known
    // and an id twice in one chunk.
    let mut rows: Vec<ReviewRecord> = (0..150).map(|i| rec(T0 + i, "q:many")).collect();
    assert_eq!(s.merge_reviews(&rows[40..60], |_| {}).unwrap(), 20);
    rows[10] = rows[3].clone();
    let mut heard = vec![];
    assert_eq!(s.merge_reviews(&rows, |n| heard.push(n)).unwrap(), 129);
    assert_eq!(heard, vec![150]);
    assert_eq!(s.review_log_len().unwrap(), 149);
    for r in &rows {
        assert_eq!(s.review(&r.id).unwrap().as_ref(), Some(r));
    }
    assert_eq!(s.merge_reviews(&rows, |_| {}).unwrap(), 0);
}

#[test]
fn an_undo_that_arrives_before_its_review_waits_for_it() {
    let (_d, mut s) = store();
    let r = rec(T0, "q:a");
    let undo = UndoMark {
        review_id: r.id.clone(),
        undone_at: T0 + 1,
    };
    assert_eq!(s.merge_undos(std::slice::from_ref(&undo)).unwrap(), (0, 1));
    assert!(s.undo_marks().unwrap().is_empty());
    s.merge_reviews(&[r], |_| {}).unwrap();
    assert_eq!(s.merge_undos(&[]).unwrap(), (1, 0));
    assert_eq!(s.undo_marks().unwrap(), vec![undo]);
}

#[test]
fn only_what_this_device_made_is_queued_for_its_own_file_in_order() {
    let (_d, mut s) = store();
    let mine = rec(T0, "q:a");
    s.import_reviews([mine.clone()]).unwrap();
    s.save_note("a", "mine", T0).unwrap();
    s.set_setting("local.device_id", "device only").unwrap();
    s.with_peer_merge(|s| {
        s.merge_reviews(&[rec(T0 + 1, "q:b")], |_| {})?;
        s.merge_attempts(&[attempt(T0 + 2)])?;
        Ok::<_, StoreError>(())
    })
    .unwrap();
    s.record_attempt(&attempt(T0 + 3)).unwrap();
    let queued = outbox(&s);
    assert_eq!(queued.len(), 3, "{queued:?}");
    assert_eq!(queued[0], OwnRecord::Review(mine));
    assert!(matches!(&queued[1], OwnRecord::Change(c) if c.key == "a"));
    assert!(matches!(&queued[2], OwnRecord::Attempt(a) if a.attempted_at == T0 + 3));
    let after_first = s.own_records_after(0, 1).unwrap()[0].0;
    assert_eq!(s.own_records_after(after_first, 1000).unwrap().len(), 2);
}

#[test]
fn a_failed_peer_merge_leaves_nothing_and_later_writes_are_queued_again() {
    let (_d, mut s) = store();
    let r: Result<(), StoreError> = s.with_peer_merge(|s| {
        s.merge_reviews(&[rec(T0, "q:a")], |_| {})?;
        Err(StoreError::Busy("the merge fails".into()))
    });
    assert!(r.is_err());
    assert_eq!(s.review_log_len().unwrap(), 0);
    s.import_reviews([rec(T0 + 1, "q:b")]).unwrap();
    assert_eq!(
        outbox(&s).len(),
        1,
        "the merging flag did not outlive its transaction"
    );
}

#[test]
fn history_from_before_the_sync_migration_is_queued_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrate_to(&mut conn, 5).unwrap();
        conn.execute(
            "INSERT INTO review_log (id, card_id, reviewed_at, day, rating, duration_ms)
             VALUES (?1, 'q:old', ?2, 1, 3, 0)",
            rusqlite::params![new_ulid(T0), T0],
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let queued = outbox(&s);
    assert!(
        matches!(&queued[..], [OwnRecord::Review(r)] if r.card_id == "q:old"),
        "{queued:?}"
    );
}

#[test]
fn cursors_are_kept_per_folder_and_device() {
    let (_d, mut s) = store();
    assert_eq!(s.own_cursor("/sync").unwrap(), None);
    let own = OwnCursor {
        written_seq: 7,
        file_len: 900,
    };
    s.set_own_cursor("/sync", &own).unwrap();
    assert_eq!(s.own_cursor("/sync").unwrap(), Some(own));
    assert_eq!(s.own_cursor("/elsewhere").unwrap(), None);
    let peer = PeerCursor {
        offset: 120,
        line: 3,
        tail_start: 80,
        tail_sha256: "ab".into(),
        reader_version: 1,
    };
    s.set_peer_cursor("/sync", "DEV", &peer).unwrap();
    assert_eq!(s.peer_cursor("/sync", "DEV").unwrap(), Some(peer));
    assert_eq!(s.peer_cursor("/sync", "OTHER").unwrap(), None);
}

#[test]
fn a_bulk_merge_queues_exactly_the_rows_it_added() {
    let (_d, mut s) = store();
    let known = rec(T0, "q:a");
    s.with_peer_merge(|s| s.merge_reviews(std::slice::from_ref(&known), |_| {}))
        .unwrap();
    let new = rec(T0 + 1, "q:b");
    s.transact(|s| {
        s.merge_reviews(&[known.clone(), new.clone()], |_| {})?;
        s.merge_attempts(&[attempt(T0 + 2)])
    })
    .unwrap();
    let queued = outbox(&s);
    assert_eq!(queued.len(), 2, "{queued:?}");
    assert_eq!(queued[0], OwnRecord::Review(new));
    assert!(matches!(&queued[1], OwnRecord::Attempt(_)));
}
