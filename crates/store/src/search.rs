//! Full-text search over the bank with SQLite FTS5, in an in-memory database rebuilt at start-up (the
//! bank is compiled in, so there is nothing to keep on disk).
use crate::StoreError;
use rusqlite::{params, Connection};

/// What the index holds for one question.
pub struct SearchDoc<'a> {
    pub id: &'a str,
    pub prompt: &'a str,
    pub body: String,
    pub tags: String,
}

/// A run of text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub prompt: Vec<Span>,
    pub snippet: Vec<Span>,
}

/// A match, before its text is read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub rowid: i64,
    pub id: String,
}

pub struct SearchIndex {
    conn: Connection,
}

// Control characters never occur in content, so they can mark matches safely.
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

impl SearchIndex {
    pub fn build<'a>(
        docs: impl IntoIterator<Item = SearchDoc<'a>>,
    ) -> Result<SearchIndex, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        // Prefix indexes make the as-you-type prefix queries ("ca*") index lookups instead of scans;
        // the rank function is set once so `ORDER BY rank LIMIT n` takes FTS5's fast top-n path.
        conn.execute_batch(
            "CREATE VIRTUAL TABLE doc USING fts5(id UNINDEXED, prompt, body, tags,
                 tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
             INSERT INTO doc (doc, rank) VALUES ('rank', 'bm25(0.0, 8.0, 1.0, 3.0)');",
        )?;
        let tx = conn.transaction()?;
        {
            let mut insert =
                tx.prepare("INSERT INTO doc (id, prompt, body, tags) VALUES (?1, ?2, ?3, ?4)")?;
            for d in docs {
                insert.execute(params![d.id, d.prompt, d.body, d.tags])?;
            }
        }
        tx.commit()?;
        Ok(SearchIndex { conn })
    }

    /// Ids of the best matches, best first (prompt matches weigh most). Every word must match, each
    /// as a prefix, so results narrow as the learner types. Input is reduced to words: no FTS syntax
    /// reaches SQLite. Cheap: no text is read back.
    pub fn ranked(&self, query: &str, limit: usize) -> Result<Vec<Ranked>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, id FROM doc WHERE doc MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![fts, limit as i64], |r| {
            Ok(Ranked {
                rowid: r.get(0)?,
                id: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The highlighted prompt and a snippet of the body for the given matches, in the given order.
    pub fn highlight(&self, query: &str, matches: &[Ranked]) -> Result<Vec<Hit>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT highlight(doc, 1, char(1), char(2)), snippet(doc, 2, char(1), char(2), '…', 16)
             FROM doc WHERE doc MATCH ?1 AND rowid = ?2",
        )?;
        let mut hits = Vec::with_capacity(matches.len());
        for m in matches {
            let row = stmt.query_row(params![fts, m.rowid], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            });
            match row {
                Ok((prompt, snippet)) => hits.push(Hit {
                    id: m.id.clone(),
                    prompt: spans(&prompt),
                    snippet: spans(&snippet),
                }),
                Err(rusqlite::Error::QueryReturnedNoRows) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(hits)
    }

    /// The best `limit` matches, highlighted.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let ranked = self.ranked(query, limit)?;
        self.highlight(query, &ranked)
    }
}

/// `"word1"* AND "word2"*`, or None when the input has no words.
fn fts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(12)
        .map(|t| format!("\"{}\"*", t.to_lowercase()))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

fn spans(marked: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut hit = false;
    let mut cur = String::new();
    for c in marked.chars() {
        if c == OPEN || c == CLOSE {
            if !cur.is_empty() {
                out.push(Span {
                    text: std::mem::take(&mut cur),
                    hit,
                });
            }
            hit = c == OPEN;
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(Span { text: cur, hit });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        SearchIndex::build([
            SearchDoc {
                id: "nat",
                prompt: "What is a NAT gateway for?",
                body: "Outbound internet for private subnets.".into(),
                tags: "vpc".into(),
            },
            SearchDoc {
                id: "sqs",
                prompt: "SQS versus SNS",
                body: "Queues hold messages; a NAT is unrelated.".into(),
                tags: "messaging".into(),
            },
        ])
        .unwrap()
    }

    #[test]
    fn prompt_matches_rank_first_and_are_highlighted() {
        let hits = index().search("nat", 10).unwrap();
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].id, "nat");
        assert!(hits[0].prompt.iter().any(|s| s.hit && s.text == "NAT"));
    }

    #[test]
    fn prefixes_and_stems_match_and_syntax_is_inert() {
        let idx = index();
        assert_eq!(idx.search("subn", 10).unwrap()[0].id, "nat");
        assert_eq!(idx.search("queue", 10).unwrap()[0].id, "sqs");
        assert!(idx.search("\"unbalanced OR (", 10).is_ok());
        assert!(idx.search("   ", 10).unwrap().is_empty());
    }
}
