//! One sync round against a folder another program keeps in step between computers: append what this
//! device made since last time to `<device-id>.jsonl`, then read what is new in every other
//! `<ulid>.jsonl` and merge it. The round has three steps so that the app holds its database only for
//! the first and the last: `plan` (settings and cursors), `gather` (reading files, no database), and
//! `finish` (append, merge, rebuild, in one transaction).
use crate::changefile::{encode, read_peer, PeerRead};
use crate::ExchangeError;
use archdrill_domain::{is_ulid, new_ulid};
use archdrill_store::{OwnCursor, OwnRecord, PeerCursor, Store};
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// This device's id, a ULID made on first use. Device-only: never exported or synced.
pub const DEVICE_KEY: &str = "local.device_id";
/// The sync folder's path.
pub const FOLDER_KEY: &str = "local.sync_folder";
/// The last round's time and problems, as JSON.
pub const LAST_KEY: &str = "local.sync_last";
/// Other devices' files read per round, at most.
const MAX_PEERS: usize = 1000;
/// Problems kept in a report; the rest are counted.
const MAX_PROBLEMS: usize = 100;
/// Outbox records fetched and appended per write.
const APPEND_BATCH: u32 = 10_000;

/// What a round needs from the database before reading files.
#[derive(Debug, Clone)]
pub struct Plan {
    pub folder: PathBuf,
    pub device: String,
    /// Cursors of the other devices' files found in the folder.
    pub peers: Vec<(String, PathBuf, Option<PeerCursor>)>,
}

/// What the files said.
#[derive(Debug)]
pub struct Gathered {
    pub reads: Vec<PeerRead>,
    pub problems: Vec<String>,
}

/// What a round did.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SyncReport {
    pub folder: String,
    pub device_id: String,
    /// Unix ms.
    pub at: i64,
    pub lines_written: usize,
    pub lines_read: usize,
    pub reviews_added: usize,
    pub undos_added: usize,
    pub changes_added: usize,
    pub attempts_added: usize,
    pub problems: Vec<String>,
}

/// This device's id, made (and kept) on first use.
pub fn device_id(store: &mut Store, now_ms: i64) -> Result<String, ExchangeError> {
    if let Some(id) = store.setting(DEVICE_KEY)?.filter(|id| is_ulid(id)) {
        return Ok(id);
    }
    let id = new_ulid(now_ms);
    store.set_setting(DEVICE_KEY, &id)?;
    Ok(id)
}

pub fn sync_folder(store: &Store) -> Result<Option<PathBuf>, ExchangeError> {
    Ok(store
        .setting(FOLDER_KEY)?
        .filter(|f| !f.is_empty())
        .map(PathBuf::from))
}

fn folder_key(folder: &Path) -> String {
    folder.display().to_string()
}

/// Lists the other devices' files and looks up how far each was read.
pub fn plan(store: &mut Store, folder: &Path, now_ms: i64) -> Result<Plan, ExchangeError> {
    let device = device_id(store, now_ms)?;
    let entries = std::fs::read_dir(folder).map_err(|e| ExchangeError::io(folder, e))?;
    let key = folder_key(folder);
    let mut peers = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".jsonl")) else {
            continue;
        };
        let is_file = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
        if !is_ulid(stem) || stem.eq_ignore_ascii_case(&device) || !is_file {
            continue;
        }
        if peers.len() == MAX_PEERS {
            break;
        }
        let cursor = store.peer_cursor(&key, stem)?;
        peers.push((stem.to_string(), entry.path(), cursor));
    }
    peers.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Plan {
        folder: folder.to_path_buf(),
        device,
        peers,
    })
}

/// Reads what is new in each other device's file. Touches no database.
pub fn gather(plan: &Plan) -> Gathered {
    let mut g = Gathered {
        reads: Vec::new(),
        problems: Vec::new(),
    };
    // What one round holds in memory is capped across files too; the rest is read next round.
    let mut budget = crate::changefile::MAX_READ_BYTES;
    for (device, path, cursor) in &plan.peers {
        if budget == 0 {
            break;
        }
        match read_peer(path, device, cursor.as_ref()) {
            Ok(read) => {
                budget = budget.saturating_sub(read.bytes);
                g.reads.push(read);
            }
            Err(e) => g
                .problems
                .push(format!("{}: cannot read: {e}", path.display())),
        }
    }
    g
}

/// Appends this device's new records, merges what was gathered, rebuilds card states when the log
/// or the settings changed, and records the round: all in one transaction.
pub fn finish(
    store: &mut Store,
    plan: &Plan,
    gathered: Gathered,
    now_ms: i64,
) -> Result<SyncReport, ExchangeError> {
    store.transact(|s| {
        let mut report = SyncReport {
            folder: folder_key(&plan.folder),
            device_id: plan.device.clone(),
            at: now_ms,
            ..SyncReport::default()
        };
        // Appended before the merge: if the transaction then fails, the cursor is not saved and the
        // same lines are appended again next round, which readers merge as the no-ops they are.
        report.lines_written = append_own(s, plan, &mut report.problems)?;
        let mut problems = gathered.problems;
        let settings_changed = merge(s, plan, gathered.reads, &mut report, &mut problems)?;
        if report.reviews_added + report.undos_added > 0 || settings_changed {
            archdrill_study::rebuild_states(s)?;
        }
        report.problems.append(&mut problems);
        if report.problems.len() > MAX_PROBLEMS {
            let more = report.problems.len() - MAX_PROBLEMS;
            report.problems.truncate(MAX_PROBLEMS);
            report.problems.push(format!("… and {more} more"));
        }
        let last = serde_json::json!({ "at": now_ms, "problems": report.problems });
        s.set_setting(LAST_KEY, &last.to_string())?;
        Ok(report)
    })
}

/// The whole round with the store held throughout (the CLI, tests, benchmarks).
pub fn sync_once(
    store: &mut Store,
    folder: &Path,
    now_ms: i64,
) -> Result<SyncReport, ExchangeError> {
    let plan = plan(store, folder, now_ms)?;
    let gathered = gather(&plan);
    finish(store, &plan, gathered, now_ms)
}

/// Merges every file's records, reviews before undos (an undo needs its review), without queueing
/// them for this device's own file. Returns whether a setting changed.
fn merge(
    s: &mut Store,
    plan: &Plan,
    reads: Vec<PeerRead>,
    report: &mut SyncReport,
    problems: &mut Vec<String>,
) -> Result<bool, ExchangeError> {
    let (mut reviews, mut undos, mut changes, mut attempts) = (vec![], vec![], vec![], vec![]);
    let mut cursors = HashMap::new();
    for read in reads {
        report.lines_read += read.lines;
        problems.extend(read.problems);
        for rec in read.records {
            match rec {
                OwnRecord::Review(r) => reviews.push(r),
                OwnRecord::Undo(u) => undos.push(u),
                OwnRecord::Change(c) => changes.push(c),
                OwnRecord::Attempt(a) => attempts.push(a),
            }
        }
        cursors.insert(read.device, read.cursor);
    }
    let key = folder_key(&plan.folder);
    s.with_peer_merge(|s| {
        report.reviews_added = s.merge_reviews(&reviews, |_| {})?;
        report.undos_added = s.merge_undos(&undos)?.0;
        report.changes_added = s.merge_changes(&changes)?;
        report.attempts_added = s.merge_attempts(&attempts)?;
        for (device, cursor) in &cursors {
            s.set_peer_cursor(&key, device, cursor)?;
        }
        Ok::<_, ExchangeError>(())
    })?;
    Ok(report.changes_added > 0
        && changes
            .iter()
            .any(|c| c.kind == archdrill_store::ChangeKind::Setting))
}

/// Appends the outbox past this folder's cursor to `<device>.jsonl`, fsync'd after each batch.
fn append_own(
    s: &mut Store,
    plan: &Plan,
    problems: &mut Vec<String>,
) -> Result<usize, ExchangeError> {
    let key = folder_key(&plan.folder);
    let path = plan.folder.join(format!("{}.jsonl", plan.device));
    let io = |e| ExchangeError::io(&path, e);
    let mut cursor = s.own_cursor(&key)?.unwrap_or_default();
    let len = std::fs::metadata(&path).map_or(0, |m| m.len());
    if (len as i64) < cursor.file_len {
        // Cut or replaced (a sync conflict, a restore): share everything again; readers merge by id.
        cursor = OwnCursor::default();
    }
    let mut file: Option<std::fs::File> = None;
    let mut written = 0;
    loop {
        let batch = s.own_records_after(cursor.written_seq, APPEND_BATCH)?;
        let Some(&(last, _)) = batch.last() else {
            break;
        };
        let mut buf = Vec::new();
        for (_, rec) in &batch {
            match encode(rec) {
                Ok(line) => buf.extend_from_slice(&line),
                Err(m) => problems.push(format!("{}: not shared: {m}", path.display())),
            }
        }
        let f = match file.as_mut() {
            Some(f) => f,
            None => file.insert(open_for_append(&path).map_err(io)?),
        };
        f.write_all(&buf).map_err(io)?;
        f.sync_all().map_err(io)?;
        written += batch.len();
        cursor.written_seq = last;
    }
    if let Some(f) = &file {
        cursor.file_len = f.metadata().map_err(io)?.len() as i64;
        s.set_own_cursor(&key, &cursor)?;
    }
    Ok(written)
}

/// Opens the own file for appending. A last line left torn (the app stopped mid-write) is closed
/// with a newline first, so the next line never joins it.
fn open_for_append(path: &Path) -> std::io::Result<std::fs::File> {
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)?;
    let len = f.metadata()?.len();
    if len > 0 {
        let mut last = [0u8];
        f.seek(SeekFrom::Start(len - 1))?;
        f.read_exact(&mut last)?;
        if last[0] != b'\n' {
            f.write_all(b"\n")?;
        }
    }
    Ok(f)
}
