//! Anki's collection in its schema 11 layout, the one every Anki since 2.1 imports (newer ones
//! upgrade it on import): five tables, with the note types, decks and deck options as JSON in the
//! single `col` row. The JSON carries every key Anki's schema 11 reader requires.
use crate::ids::stable_id;
use crate::notes::Kind;
use serde_json::{json, Value};

pub const SCHEMA: &str = "
CREATE TABLE col (
    id integer primary key, crt integer not null, mod integer not null, scm integer not null,
    ver integer not null, dty integer not null, usn integer not null, ls integer not null,
    conf text not null, models text not null, decks text not null, dconf text not null,
    tags text not null
);
CREATE TABLE notes (
    id integer primary key, guid text not null, mid integer not null, mod integer not null,
    usn integer not null, tags text not null, flds text not null, sfld integer not null,
    csum integer not null, flags integer not null, data text not null
);
CREATE TABLE cards (
    id integer primary key, nid integer not null, did integer not null, ord integer not null,
    mod integer not null, usn integer not null, type integer not null, queue integer not null,
    due integer not null, ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null, odid integer not null,
    flags integer not null, data text not null
);
CREATE TABLE revlog (
    id integer primary key, cid integer not null, usn integer not null, ease integer not null,
    ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
    type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

/// The collection's schema version: 11 is the JSON-in-`col` layout.
pub const VERSION: i64 = 11;

/// Anki's own default deck and deck options, which every collection has.
const DEFAULT_DECK: i64 = 1;
const DEFAULT_CONF: i64 = 1;

pub const PARENT_DECK: &str = "Archdrill";
pub const QUESTION_DECK: &str = "Archdrill::Questions";
pub const DIAGRAM_DECK: &str = "Archdrill::Diagrams";

pub const QUESTION_FIELDS: [&str; 4] = ["Prompt", "Answer", "Key points", "Example"];
pub const DIAGRAM_FIELDS: [&str; 3] = ["Prompt", "Diagram", "Description"];

/// The note type's name, which Anki shows in its browser; its id is derived from it.
pub fn notetype_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Question => "Archdrill question",
        Kind::Diagram => "Archdrill diagram",
    }
}

pub fn notetype_id(kind: Kind) -> i64 {
    stable_id("notetype", notetype_name(kind))
}

pub fn deck_id(name: &str) -> i64 {
    stable_id("deck", name)
}

pub fn deck_of(kind: Kind) -> i64 {
    deck_id(match kind {
        Kind::Question => QUESTION_DECK,
        Kind::Diagram => DIAGRAM_DECK,
    })
}

/// Readable on a phone, in Anki's night mode too (the diagram PNGs have their own light
/// background, so they stay legible on a dark card).
const CSS: &str = ".card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; \
line-height: 1.45; color: black; background-color: white; max-width: 46em; margin: 0 auto; }
.nightMode.card, .nightMode .card, .night_mode .card { color: #e8e8e8; background-color: #1e1e1e; }
.prompt { font-size: 1.15em; font-weight: 600; }
h3 { font-size: 1em; margin: 1.2em 0 0.3em; }
pre { white-space: pre-wrap; background: rgba(127,127,127,0.12); padding: 0.6em; border-radius: 4px; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 0.2em 0.5em; }";

/// Front and back of each note type's one card.
fn templates(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Question => (
            r#"<div class="prompt">{{Prompt}}</div>"#,
            "{{FrontSide}}\n<hr id=answer>\n{{Answer}}\n<h3>Key points</h3>\n{{Key points}}\n\
             {{#Example}}<h3>Example</h3>\n{{Example}}{{/Example}}",
        ),
        Kind::Diagram => (
            r#"<div class="prompt">{{Prompt}}</div>"#,
            "{{FrontSide}}\n<hr id=answer>\n{{Diagram}}\n<p>{{Description}}</p>",
        ),
    }
}

fn notetype(kind: Kind, now: i64) -> Value {
    let names: &[&str] = match kind {
        Kind::Question => &QUESTION_FIELDS,
        Kind::Diagram => &DIAGRAM_FIELDS,
    };
    let fields: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({"name": name, "ord": ord, "sticky": false, "rtl": false,
                   "font": "Arial", "size": 20, "media": []})
        })
        .collect();
    let (qfmt, afmt) = templates(kind);
    json!({
        "id": notetype_id(kind),
        "name": notetype_name(kind),
        "type": 0,
        "mod": now,
        "usn": -1,
        "sortf": 0,
        "did": deck_of(kind),
        "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": qfmt, "afmt": afmt,
                   "bqfmt": "", "bafmt": "", "did": null}],
        "flds": fields,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        // The one card needs the prompt (field 0): Anki makes no card for a note without it.
        "req": [[0, "all", [0]]],
        "tags": [],
        "vers": [],
    })
}

/// The `models` column: both note types by id.
pub fn models(now: i64) -> Value {
    let mut all = serde_json::Map::new();
    for kind in [Kind::Question, Kind::Diagram] {
        all.insert(notetype_id(kind).to_string(), notetype(kind, now));
    }
    Value::Object(all)
}

fn deck(id: i64, name: &str, desc: &str, now: i64) -> Value {
    json!({
        "id": id, "name": name, "desc": desc, "mod": now, "usn": -1, "dyn": 0, "conf": DEFAULT_CONF,
        "collapsed": false, "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
    })
}

/// The `decks` column: Anki's Default deck, and ours (the parent is listed so that Anki does not
/// have to invent it).
pub fn decks(now: i64) -> Value {
    let mut all = serde_json::Map::new();
    all.insert(
        DEFAULT_DECK.to_string(),
        deck(DEFAULT_DECK, "Default", "", now),
    );
    for (name, desc) in [
        (PARENT_DECK, "Interview questions and architecture diagrams exported from Archdrill."),
        (QUESTION_DECK, "One card per question: the prompt, then the model answer and the points an interviewer listens for."),
        (DIAGRAM_DECK, "One card per diagram: draw or explain it, then compare with the picture."),
    ] {
        let id = deck_id(name);
        all.insert(id.to_string(), deck(id, name, desc, now));
    }
    Value::Object(all)
}

/// The `dconf` column: Anki's default options, which our decks use (importing does not replace a
/// learner's own options unless they ask it to).
pub fn deck_options(now: i64) -> Value {
    json!({
        DEFAULT_CONF.to_string(): {
            "id": DEFAULT_CONF, "name": "Default", "mod": now, "usn": -1, "dyn": false,
            "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true,
            "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0],
                    "order": 1, "perDay": 20},
            "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
                    "hardFactor": 1.2},
            "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0},
        }
    })
}

/// The `conf` column: collection settings, pointing at our question deck and note type;
/// `next_pos` is the due position the next new card would get.
pub fn config(next_pos: i64) -> Value {
    let deck = deck_of(Kind::Question);
    json!({
        "activeDecks": [deck], "curDeck": deck, "curModel": notetype_id(Kind::Question),
        "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true,
        "addToCur": true, "sortType": "noteFld", "sortBackwards": false, "nextPos": next_pos,
        "schedVer": 2,
    })
}
