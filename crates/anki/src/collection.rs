//! The collection database (`collection.anki2`): the schema, the `col` row, and one note with one
//! new card per question and per diagram.
use crate::error::AnkiError;
use crate::ids::{checksum, Ids};
use crate::notes::Note;
use crate::schema;
use rusqlite::{params, Connection};
use std::collections::HashSet;
use std::path::Path;

/// Writes a new collection at `path` holding `notes`. `now` (unix seconds) is every object's
/// modification time: Anki updates an imported note it already has only when this is newer.
pub fn write(path: &Path, notes: &[Note], now: i64) -> Result<(), AnkiError> {
    let sql = |e| AnkiError::sqlite(path, e);
    let mut db = Connection::open(path).map_err(sql)?;
    db.execute_batch(schema::SCHEMA).map_err(sql)?;
    let tx = db.transaction().map_err(sql)?;
    insert_col(&tx, notes.len() as i64 + 1, now).map_err(sql)?;
    insert_notes(&tx, notes, now).map_err(sql)?;
    tx.commit().map_err(sql)?;
    db.close().map_err(|(_, e)| sql(e))
}

fn insert_col(db: &Connection, next_pos: i64, now: i64) -> rusqlite::Result<()> {
    let json = |v: serde_json::Value| v.to_string();
    db.execute(
        "INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags)
         VALUES (1, ?1, ?2, ?2, ?3, 0, 0, 0, ?4, ?5, ?6, ?7, '{}')",
        params![
            now,
            now * 1000,
            schema::VERSION,
            json(schema::config(next_pos)),
            json(schema::models(now)),
            json(schema::decks(now)),
            json(schema::deck_options(now)),
        ],
    )?;
    Ok(())
}

fn insert_notes(db: &Connection, notes: &[Note], now: i64) -> rusqlite::Result<()> {
    let mut note_ids = Ids::new("note");
    let mut card_ids = Ids::new("card");
    let mut add_note = db.prepare(
        "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
         VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
    )?;
    // A new card (type 0, queue 0) whose `due` is its position in the new queue: the bank's order.
    let mut add_card = db.prepare(
        "INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps,
                            lapses, left, odue, odid, flags, data)
         VALUES (?1, ?2, ?3, 0, ?4, -1, 0, 0, ?5, 0, 0, 0, 0, 0, 0, 0, 0, '')",
    )?;
    for (position, note) in notes.iter().enumerate() {
        let nid = note_ids.take(&note.guid);
        add_note.execute(params![
            nid,
            note.guid,
            schema::notetype_id(note.kind),
            now,
            tags_column(&note.tags),
            note.fields.join("\x1f"),
            note.sort_field,
            checksum(&note.sort_field),
        ])?;
        add_card.execute(params![
            card_ids.take(&note.guid),
            nid,
            schema::deck_of(note.kind),
            now,
            position as i64 + 1,
        ])?;
    }
    Ok(())
}

/// Anki's legacy tag column: space-separated, with a space at each end, no tag twice.
fn tags_column(tags: &[String]) -> String {
    let mut seen = HashSet::new();
    let unique: Vec<&str> = tags
        .iter()
        .map(String::as_str)
        .filter(|t| seen.insert(*t))
        .collect();
    format!(" {} ", unique.join(" "))
}

#[cfg(test)]
mod tests {
    use super::tags_column;

    #[test]
    fn tags_are_space_separated_and_padded() {
        let tags = ["archdrill", "level::mid", "archdrill"].map(String::from);
        assert_eq!(tags_column(&tags), " archdrill level::mid ");
    }
}
