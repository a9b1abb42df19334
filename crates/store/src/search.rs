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
        conn.execute_batch(
            "CREATE VIRTUAL TABLE doc USING fts5(id UNINDEXED, prompt, body, tags,
                 tokenize = 'porter unicode61 remove_diacritics 2');",
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

    /// Best matches first (prompt matches weigh most). Every word must match, each as a prefix, so
    /// results narrow as the learner types. Input is reduced to words: no FTS syntax reaches SQLite.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let terms: Vec<String> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .take(12)
            .map(|t| format!("\"{}\"*", t.to_lowercase()))
            .collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id,
                    highlight(doc, 1, char(1), char(2)),
                    snippet(doc, 2, char(1), char(2), '…', 16)
             FROM doc WHERE doc MATCH ?1
             ORDER BY bm25(doc, 0.0, 8.0, 1.0, 3.0) LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![terms.join(" AND "), limit as i64], |r| {
            Ok(Hit {
                id: r.get(0)?,
                prompt: spans(&r.get::<_, String>(1)?),
                snippet: spans(&r.get::<_, String>(2)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
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
