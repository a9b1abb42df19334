//! Full-text search over the bank with SQLite FTS5, in an in-memory database rebuilt at start-up (the
//! bank is compiled in, so there is nothing to keep on disk).
mod marks;

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
    /// The document's position in the order given to `SearchIndex::build`.
    pub position: usize,
    pub prompt: Vec<Span>,
    pub snippet: Vec<Span>,
}

pub struct SearchIndex {
    conn: Connection,
    /// (prompt, body) by position, for marking matches without asking SQLite for text.
    texts: Vec<(String, String)>,
}

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
        let mut texts = Vec::new();
        let tx = conn.transaction()?;
        {
            // rowid = position + 1, so results map back to the caller's docs without reading text.
            let mut insert = tx.prepare(
                "INSERT INTO doc (rowid, id, prompt, body, tags) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (i, d) in docs.into_iter().enumerate() {
                insert.execute(params![i as i64 + 1, d.id, d.prompt, d.body, d.tags])?;
                texts.push((d.prompt.to_string(), d.body));
            }
        }
        tx.commit()?;
        Ok(SearchIndex { conn, texts })
    }

    /// Positions (in the order the docs were given to `build`) of the matches, best first. Every
    /// word must match; the last one as a prefix, since it is still being typed. Input is reduced to
    /// words: no FTS syntax reaches SQLite.
    ///
    /// Ranking (bm25, prompt matches weighing most) costs a few µs per match, so a query matching
    /// more than `FULL_RANK_MAX` documents ranks only its prompt matches and lists the rest in bank
    /// order: a query that broad says little about relevance anyway, and it stays fast.
    pub fn ranked(&self, query: &str, limit: usize) -> Result<Vec<usize>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = limit as i64;
        if self.count(&fts)? <= FULL_RANK_MAX {
            return self.positions("ORDER BY rank LIMIT ?2", &fts, limit);
        }
        let in_prompt = format!("prompt : ({fts})");
        let mut out = if self.count(&in_prompt)? <= FULL_RANK_MAX {
            self.positions("ORDER BY rank LIMIT ?2", &in_prompt, limit)?
        } else {
            Vec::new()
        };
        let first: std::collections::HashSet<usize> = out.iter().copied().collect();
        let rest = self.positions("LIMIT ?2", &fts, limit + first.len() as i64)?;
        out.extend(rest.into_iter().filter(|p| !first.contains(p)));
        out.truncate(limit as usize);
        Ok(out)
    }

    fn count(&self, fts: &str) -> Result<i64, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT count(*) FROM doc WHERE doc MATCH ?1")?;
        Ok(stmt.query_row([fts], |r| r.get(0))?)
    }

    fn positions(&self, tail: &str, fts: &str, limit: i64) -> Result<Vec<usize>, StoreError> {
        let sql = format!("SELECT rowid FROM doc WHERE doc MATCH ?1 {tail}");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![fts, limit], |r| r.get::<_, i64>(0))?;
        rows.map(|r| Ok(r? as usize - 1)).collect()
    }

    /// The marked prompt and a snippet of the body for the given positions, in that order.
    pub fn highlight(&self, query: &str, positions: &[usize]) -> Result<Vec<Hit>, StoreError> {
        let terms = marks::words(query);
        Ok(positions
            .iter()
            .filter_map(|&pos| {
                let (prompt, body) = self.texts.get(pos)?;
                Some(Hit {
                    position: pos,
                    prompt: marks::mark(prompt, &terms),
                    snippet: marks::snippet(body, &terms, SNIPPET_WORDS),
                })
            })
            .collect())
    }

    /// The best `limit` matches, highlighted.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let ranked = self.ranked(query, limit)?;
        self.highlight(query, &ranked)
    }
}

const SNIPPET_WORDS: usize = 24;

/// Above this many matches, only prompt matches are ranked (see `SearchIndex::ranked`).
pub const FULL_RANK_MAX: i64 = 1500;

/// `"word1" AND "word2"*`, or None when the input has no words. Only the last word is a prefix (it is
/// the one still being typed); exact terms are much cheaper for FTS5 than prefix expansions.
fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(12)
        .map(str::to_lowercase)
        .collect();
    let (last, rest) = words.split_last()?;
    let mut terms: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    terms.push(format!("\"{last}\"*"));
    Some(terms.join(" AND "))
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
        assert_eq!(hits[0].position, 0);
        assert!(hits[0].prompt.iter().any(|s| s.hit && s.text == "NAT"));
    }

    #[test]
    fn prefixes_and_stems_match_and_syntax_is_inert() {
        let idx = index();
        assert_eq!(idx.search("subn", 10).unwrap()[0].position, 0);
        assert_eq!(idx.search("queue", 10).unwrap()[0].position, 1);
        assert!(idx.search("\"unbalanced OR (", 10).is_ok());
        assert!(idx.search("   ", 10).unwrap().is_empty());
    }

    #[test]
    fn broad_queries_put_prompt_matches_first_and_keep_every_match() {
        let n = FULL_RANK_MAX as usize + 200;
        let docs: Vec<(String, String)> = (0..n)
            .map(|i| {
                let prompt = if i % 500 == 7 {
                    "cache sizing"
                } else {
                    "other"
                };
                (format!("d{i}"), prompt.to_string())
            })
            .collect();
        let idx = SearchIndex::build(docs.iter().map(|(id, p)| SearchDoc {
            id,
            prompt: p,
            body: "a cache everywhere".into(),
            tags: String::new(),
        }))
        .unwrap();
        let ranked = idx.ranked("cache", n).unwrap();
        assert_eq!(ranked.len(), n, "every match is listed once");
        assert_eq!(&ranked[..4], &[7, 507, 1007, 1507], "prompt matches first");
        let unique: std::collections::HashSet<_> = ranked.iter().collect();
        assert_eq!(unique.len(), n);
    }
}
