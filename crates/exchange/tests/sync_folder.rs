//! Two data folders syncing through a folder that a (simulated) sync engine copies between two
//! computers: files arrive late, in any order, cut mid-line, and sometimes shorter than before.
mod common;

use archdrill_exchange::{decode, sync_once, Decoded};
use archdrill_store::{OwnRecord, Store};
use archdrill_study::Rating;
use common::*;
use std::collections::HashSet;
use std::path::Path;

use archdrill_domain::SplitMix64;

/// One device: its database, its view of the shared folder, the reviews it made.
struct Device {
    _dir: tempfile::TempDir,
    store: Store,
    view: tempfile::TempDir,
    made: HashSet<String>,
}

impl Device {
    fn new() -> Device {
        let dir = tempfile::tempdir().unwrap();
        Device {
            store: Store::open_in(dir.path()).unwrap(),
            _dir: dir,
            view: tempfile::tempdir().unwrap(),
            made: HashSet::new(),
        }
    }

    fn id(&mut self) -> String {
        archdrill_exchange::device_id(&mut self.store, T0).unwrap()
    }

    fn sync(&mut self, now: i64) -> archdrill_exchange::SyncReport {
        let report = sync_once(&mut self.store, self.view.path(), now).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        report
    }

    /// One thing a learner does.
    fn act(&mut self, rng: &mut SplitMix64, now: i64, may_undo: bool) {
        let q = ["s3-basics", "vpc-tiers", "iam-roles", "sqs-fanout"][rng.below(4) as usize];
        match rng.below(10) {
            0..=5 => {
                let rating = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy]
                    [rng.below(4) as usize];
                let id = review(&mut self.store, &format!("q:{q}"), rating, now);
                self.made.insert(id);
            }
            6 if may_undo => {
                let _ = archdrill_study::undo_last(&mut self.store, archdrill_study::Now::utc(now));
            }
            6 | 7 => self
                .store
                .save_note(q, &format!("note {}", rng.below(1000)), now)
                .unwrap(),
            _ => self.store.set_bookmark(q, rng.below(2) == 0, now).unwrap(),
        }
    }
}

/// The sync engine copies `from`'s own file into `to`'s view: the first `cut` bytes of it when given
/// (a copy in progress, or an older version), else all of it.
fn copy(from: &mut Device, to: &Device, cut: Option<&mut SplitMix64>) {
    let name = format!("{}.jsonl", from.id());
    let Ok(bytes) = std::fs::read(from.view.path().join(&name)) else {
        return;
    };
    let n = cut.map_or(bytes.len(), |rng| {
        rng.below(bytes.len() as u64 + 1) as usize
    });
    std::fs::write(to.view.path().join(name), &bytes[..n]).unwrap();
}

fn own_review_ids(view: &Path, device: &str) -> HashSet<String> {
    let text = std::fs::read_to_string(view.join(format!("{device}.jsonl"))).unwrap_or_default();
    assert!(text.is_empty() || text.ends_with('\n'));
    text.lines()
        .filter_map(|l| match decode(l.as_bytes()) {
            Decoded::Record(OwnRecord::Review(r)) => Some(r.id),
            _ => None,
        })
        .collect()
}

/// Runs one seeded history; returns (reviews, undos, changes) at the end.
fn run(seed: u64) -> (usize, usize, usize) {
    let mut rng = SplitMix64::new(seed);
    let (mut a, mut b) = (Device::new(), Device::new());
    let mut now = T0;
    for _round in 0..6 {
        for _ in 0..rng.below(12) {
            now += 1 + rng.below(120_000) as i64;
            if rng.below(2) == 0 {
                a.act(&mut rng, now, false);
            } else {
                b.act(&mut rng, now, true);
            }
        }
        // The two devices and the engine, in a random order.
        let mut steps = [0, 1, 2, 3];
        for i in (1..steps.len()).rev() {
            steps.swap(i, rng.below(i as u64 + 1) as usize);
        }
        for step in steps {
            now += 1;
            match step {
                0 => drop(a.sync(now)),
                1 => drop(b.sync(now)),
                2 => copy(&mut a, &b, Some(&mut rng)),
                _ => copy(&mut b, &a, Some(&mut rng)),
            }
        }
    }
    // The engine catches up: a complete copy each way, then each device syncs.
    for _ in 0..2 {
        now += 1;
        a.sync(now);
        b.sync(now);
        copy(&mut a, &b, None);
        copy(&mut b, &a, None);
    }
    a.sync(now + 1);
    b.sync(now + 1);

    let (da, db) = (dump(&a.store, KEYS), dump(&b.store, KEYS));
    assert_eq!(da.reviews, db.reviews, "seed {seed}");
    assert_eq!(da.undos, db.undos, "seed {seed}");
    assert_eq!(da.changes, db.changes, "seed {seed}");
    assert_eq!(da.notes, db.notes, "seed {seed}");
    assert_eq!(da.bookmarks, db.bookmarks, "seed {seed}");
    assert_eq!(da.states, db.states, "seed {seed}");
    assert_eq!(da.reviews.len(), a.made.len() + b.made.len());
    // Each device's file holds what it made, never what it merged.
    let (ida, idb) = (a.id(), b.id());
    assert_eq!(own_review_ids(a.view.path(), &ida), a.made, "seed {seed}");
    assert_eq!(own_review_ids(b.view.path(), &idb), b.made, "seed {seed}");
    (da.reviews.len(), da.undos.len(), da.changes.len())
}

#[test]
fn two_devices_end_with_the_same_history_whatever_the_sync_engine_does() {
    let mut total = (0, 0, 0);
    for seed in 1..=12 {
        let (r, u, c) = run(seed);
        total = (total.0 + r, total.1 + u, total.2 + c);
    }
    // The seeds do exercise every kind of record.
    assert!(total.0 > 100 && total.1 > 3 && total.2 > 30, "{total:?}");
}

#[test]
fn torn_bad_newer_and_foreign_lines_and_files_are_handled_without_stopping() {
    let mut a = Device::new();
    let peer = archdrill_domain::new_ulid(T0);
    let path = a.view.path().join(format!("{peer}.jsonl"));
    let mut source = Device::new();
    let r1 = review(&mut source.store, "q:s3-basics", Rating::Good, T0);
    let r2 = review(&mut source.store, "q:vpc-tiers", Rating::Easy, T0 + 1);
    let lines: Vec<Vec<u8>> = source
        .store
        .own_records_after(0, 100)
        .unwrap()
        .iter()
        .map(|(_, r)| archdrill_exchange::encode(r).unwrap())
        .collect();
    let newer = br#"{"v":2,"type":"review","data":{"something":"else"}}"#;
    let mut file = lines[0].clone();
    file.extend_from_slice(b"{\"v\":1,\"type\":\"review\",\"data\":{\"id\":\"nope\"}}\n");
    file.extend_from_slice(newer);
    file.push(b'\n');
    file.extend_from_slice(&lines[1][..20]); // torn: the engine is still copying
    std::fs::write(&path, &file).unwrap();
    std::fs::write(a.view.path().join("notes.txt"), b"not a change file").unwrap();
    std::fs::write(a.view.path().join("not-a-ulid.jsonl"), b"{}\n").unwrap();

    let first = sync_once(&mut a.store, a.view.path(), T0 + 10).unwrap();
    assert_eq!((first.lines_read, first.reviews_added), (3, 1));
    assert_eq!(first.problems.len(), 2, "{:?}", first.problems);
    let shown = path.display().to_string();
    assert!(
        first.problems[0].starts_with(&format!("{shown}:2: ")),
        "{:?}",
        first.problems
    );
    assert!(
        first.problems[1].starts_with(&format!("{shown}:3: "))
            && first.problems[1].contains("newer")
    );
    assert!(a.store.review(&r1).unwrap().is_some());

    // The rest of the torn line arrives: only it is read, and nothing is reported twice.
    file.extend_from_slice(&lines[1][20..]);
    std::fs::write(&path, &file).unwrap();
    let second = sync_once(&mut a.store, a.view.path(), T0 + 20).unwrap();
    assert_eq!((second.lines_read, second.reviews_added), (1, 1));
    assert!(second.problems.is_empty(), "{:?}", second.problems);
    assert!(a.store.card_state("q:vpc-tiers").unwrap().is_some());
    assert!(a.store.review(&r2).unwrap().is_some());

    // Replaced by a shorter file with other content: read again from the start, harmlessly.
    std::fs::write(&path, &lines[1]).unwrap();
    let third = sync_once(&mut a.store, a.view.path(), T0 + 30).unwrap();
    assert_eq!((third.lines_read, third.reviews_added), (1, 0));
    // Replaced by a file of the same length that differs where the last read ended.
    let mut same_len = lines[0].clone();
    same_len.resize(lines[1].len(), b' ');
    *same_len.last_mut().unwrap() = b'\n';
    std::fs::write(&path, &same_len).unwrap();
    let fourth = sync_once(&mut a.store, a.view.path(), T0 + 40).unwrap();
    assert_eq!(fourth.lines_read, 1, "{fourth:?}");
    assert_eq!(a.store.review_log_len().unwrap(), 2);
}
