//! Crash safety with real processes: this test binary re-runs itself as a child that records reviews
//! (and undoes and rebuilds now and then) in a tight loop, and the parent SIGKILLs it at random
//! moments. After every kill the database must be intact, the cache must equal a replay of the log,
//! the log must only have grown, and every review the child saw `record_review` return for must be
//! in it.
mod common;

use archdrill_domain::SplitMix64;
use archdrill_store::Store;
use archdrill_study::*;
use common::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Set in the child to the data folder it writes to.
const CHILD_ENV: &str = "ARCHDRILL_STUDY_CRASH_CHILD_DIR";
const READY: &str = "CRASH-CHILD-READY";
const COMMITTED: &str = "CRASH-CHILD-COMMITTED ";
const KILLS: usize = 24;

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The child's body. In a normal test run the variable is unset and this passes at once.
#[test]
fn crash_child_writer() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open_in(std::path::Path::new(&dir)).unwrap();
    let mut rng = SplitMix64::new(now_ms() as u64 ^ u64::from(std::process::id()));
    println!("{READY}");
    for n in 0u64.. {
        let now = Now::new(now_ms(), [0, 60, -300][rng.below(3) as usize]);
        match rng.below(20) {
            0 | 1 => {
                undo_last(&mut store, now).unwrap();
            }
            2 if n % 5 == 0 => {
                rebuild_states(&mut store).unwrap();
            }
            _ => {
                let card = format!("q:c{}", rng.below(40));
                let out = record_review(&mut store, &input(&card, rating(&mut rng)), now).unwrap();
                // Stdout is line-buffered: this reaches the pipe only after record_review returned.
                println!("{COMMITTED}{}", out.review_id);
            }
        }
    }
}

#[test]
fn killed_writers_never_corrupt_or_lose_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut rng = SplitMix64::new(now_ms() as u64);
    let (mut last_len, mut last_undos, mut reported) = (0i64, 0i64, 0usize);
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["crash_child_writer", "--exact", "--nocapture"])
            .args(["--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child has opened the database and is writing.
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let ready = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.contains(READY));
        assert!(ready, "the child never started");
        // Collect the reviews it reports committed until its death closes the pipe.
        let reader = std::thread::spawn(move || {
            lines
                .map_while(Result::ok)
                .filter_map(|l| Some(l.split_once(COMMITTED)?.1.to_string()))
                .collect::<Vec<String>>()
        });
        std::thread::sleep(Duration::from_millis(5 + rng.below(120)));
        child.kill().unwrap(); // SIGKILL on Unix: no destructor, no rollback, no checkpoint.
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "round {round}: the child should have been killed"
        );
        let committed = reader.join().unwrap();

        let raw = rusqlite::Connection::open(dir.path().join(archdrill_store::DB_FILE)).unwrap();
        let check: String = raw
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        drop(raw);

        let mut store = Store::open_in(dir.path()).unwrap();
        let (len, undos) = (store.review_log_len().unwrap(), store.undo_count().unwrap());
        assert!(
            len >= last_len,
            "round {round}: the log shrank from {last_len} to {len}"
        );
        assert!(undos >= last_undos, "round {round}: undo marks shrank");
        for id in &committed {
            let found = store.review(id).unwrap();
            assert!(
                found.is_some(),
                "round {round}: committed review {id} is gone"
            );
        }
        let cached = store.all_card_states().unwrap();
        rebuild_states(&mut store).unwrap();
        assert_eq!(store.all_card_states().unwrap(), cached, "round {round}");
        (last_len, last_undos) = (len, undos);
        reported += committed.len();
    }
    assert!(
        last_len > KILLS as i64,
        "the children wrote too little: {last_len} rows"
    );
    assert!(reported > 0, "no review was reported committed");
    println!(
        "{KILLS} kills: {last_len} reviews ({reported} reported committed, all found), \
         {last_undos} undos, intact"
    );
}
