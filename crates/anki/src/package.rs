//! The `.apkg` file: a zip of `collection.anki2`, the `media` map (`{"0": "file name", …}`) and
//! the media files under those numbers.
use crate::collection;
use crate::error::AnkiError;
use crate::notes::{Media, Note};
use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// Writes the package to `path` through a temporary file beside it, renamed at the end, so a
/// failed export never leaves a half-written package under the chosen name. Returns its size.
pub fn write(path: &Path, notes: &[Note], media: &[Media], now: i64) -> Result<u64, AnkiError> {
    check_unique(notes, media)?;
    let dir = tempfile::tempdir().map_err(|e| AnkiError::io(&std::env::temp_dir(), e))?;
    let db = dir.path().join("collection.anki2");
    collection::write(&db, notes, now)?;
    let tmp = temp_path(path);
    let written = write_zip(&tmp, &db, media).and_then(|()| {
        std::fs::rename(&tmp, path).map_err(|e| AnkiError::io(path, e))?;
        std::fs::metadata(path)
            .map(|m| m.len())
            .map_err(|e| AnkiError::io(path, e))
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Anki keys notes by guid and media by name: two of either would lose one.
fn check_unique(notes: &[Note], media: &[Media]) -> Result<(), AnkiError> {
    let mut guids = HashSet::new();
    if let Some(n) = notes.iter().find(|n| !guids.insert(n.guid.as_str())) {
        return Err(AnkiError::Duplicate {
            what: "guid",
            value: n.guid.clone(),
        });
    }
    let mut names = HashSet::new();
    if let Some(m) = media.iter().find(|m| !names.insert(m.name.as_str())) {
        return Err(AnkiError::Duplicate {
            what: "media file name",
            value: m.name.clone(),
        });
    }
    Ok(())
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

fn write_zip(tmp: &Path, db: &Path, media: &[Media]) -> Result<(), AnkiError> {
    let io = |e| AnkiError::io(tmp, e);
    let zip_err = |e| AnkiError::zip(tmp, e);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    // PNG is compressed already: stored as it is, it costs no time to pack or unpack.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(BufWriter::new(File::create(tmp).map_err(io)?));

    zip.start_file("collection.anki2", deflated)
        .map_err(zip_err)?;
    let mut collection = File::open(db).map_err(|e| AnkiError::io(db, e))?;
    std::io::copy(&mut collection, &mut zip).map_err(io)?;

    let map: serde_json::Map<String, serde_json::Value> = media
        .iter()
        .enumerate()
        .map(|(i, m)| (i.to_string(), m.name.clone().into()))
        .collect();
    zip.start_file("media", deflated).map_err(zip_err)?;
    zip.write_all(serde_json::Value::Object(map).to_string().as_bytes())
        .map_err(io)?;
    for (i, m) in media.iter().enumerate() {
        zip.start_file(i.to_string(), stored).map_err(zip_err)?;
        zip.write_all(&m.bytes).map_err(io)?;
    }
    let file = zip
        .finish()
        .map_err(zip_err)?
        .into_inner()
        .map_err(|e| io(e.into_error()))?;
    // Durable before it is renamed into place: a crash never leaves a named but empty package.
    file.sync_all().map_err(io)
}
