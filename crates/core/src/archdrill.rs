use crate::api::*;
use archdrill_content::{markdown_to_html, Bank};
use archdrill_diagram::Library;
use archdrill_domain::{AppError, Origin, Problem, Question};
use archdrill_store::{SearchDoc, SearchIndex, Span, Store};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

const THEME_KEY: &str = "theme";
const MAX_NOTE_BYTES: usize = 64 * 1024;
const SEARCH_LIMIT: usize = 50;

/// The running app's state. Safe to share across threads: the store and the index sit behind locks
/// because a SQLite connection serves one caller at a time.
pub struct Archdrill {
    pub(crate) bank: Bank,
    pub(crate) library: Library,
    /// Built on the first search, so start-up never waits for it.
    pub(crate) search: Mutex<Option<SearchIndex>>,
    pub(crate) store: Mutex<Store>,
    pub(crate) data_dir: PathBuf,
    /// What start-up recovery did (a damaged database replaced), for the banner.
    pub(crate) recovery: Option<archdrill_store::Recovery>,
    /// Every card in study order, built once: the bank and the library do not change while the app
    /// runs (packs are read at open), and the Today queue would otherwise rebuild it on every call.
    pub(crate) deck: archdrill_study::Deck,
    pub(crate) clock: crate::Clock,
}

impl Archdrill {
    /// Opens the store in `data_dir` and loads the bank (compiled in, plus `<data_dir>/packs`).
    /// A damaged database is replaced by the newest good backup (see `recovery_notice`); only a
    /// database from a newer app and a folder that cannot be written are errors.
    pub fn open(data_dir: &Path) -> Result<Archdrill, AppError> {
        Archdrill::open_with_clock(data_dir, crate::Clock::system())
    }

    /// `open`, reading the time from `clock` instead of the wall clock (tests fix the time).
    pub fn open_with_clock(data_dir: &Path, clock: crate::Clock) -> Result<Archdrill, AppError> {
        let (store, recovery) = archdrill_store::open_or_recover(data_dir)?;
        let library = Library::load_embedded();
        let bank = Bank::load(Some(&data_dir.join("packs")), &library.diagram_ids());
        let deck = crate::study::build_deck(&bank, &library);
        Ok(Archdrill {
            bank,
            library,
            search: Mutex::new(None),
            store: Mutex::new(store),
            data_dir: data_dir.to_path_buf(),
            recovery,
            deck,
            clock,
        })
    }

    /// The time now, from the clock the handle was opened with.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions), so a
        // poisoned lock is still safe to use.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn problems(&self) -> Vec<Problem> {
        let mut all = self.bank.problems().to_vec();
        all.extend(self.library.problems().iter().cloned());
        all
    }

    /// `utc_offset_min` is the learner's offset from UTC: "due today" ends at their midnight.
    pub fn home(&self, utc_offset_min: i32) -> Result<HomeSummary, AppError> {
        let due_today = self.due_today(archdrill_study::Now::new(self.now_ms(), utc_offset_min))?;
        Ok(HomeSummary {
            question_count: self.bank.len() as u32,
            diagram_count: self.library.diagrams().count() as u32,
            drill_count: self.library.drills().count() as u32,
            due_today,
            problems: self.problems(),
            data_dir: self.data_dir.display().to_string(),
        })
    }

    pub fn theme(&self) -> Result<Theme, AppError> {
        Ok(Theme::parse(
            self.store().setting(THEME_KEY)?.as_deref().unwrap_or(""),
        ))
    }

    pub fn set_theme(&self, theme: Theme) -> Result<(), AppError> {
        Ok(self.store().set_setting(THEME_KEY, theme.as_str())?)
    }

    pub fn list_questions(&self, filter: &QuestionFilter) -> Result<Vec<QuestionRow>, AppError> {
        let marks = self.marks()?;
        Ok(self
            .bank
            .questions()
            .iter()
            .map(|q| marks.row(q))
            .filter(|r| keep(r, filter))
            .collect())
    }

    /// Ranks every match cheaply, filters, then reads back text only for the results shown.
    pub fn search(
        &self,
        query: &str,
        filter: &QuestionFilter,
    ) -> Result<Vec<SearchResult>, AppError> {
        let mut guard = self.search.lock().unwrap_or_else(|p| p.into_inner());
        let index = match guard.as_mut() {
            Some(index) => index,
            None => guard.insert(SearchIndex::build(
                self.bank.questions().iter().map(search_doc),
            )?),
        };
        let ranked = index.ranked(query, self.bank.len().max(1))?;
        let marks = self.marks()?;
        let questions = self.bank.questions();
        let mut rows = HashMap::new();
        let shown: Vec<usize> = ranked
            .into_iter()
            .filter(|&pos| {
                let row = marks.row(&questions[pos]);
                let keep = keep(&row, filter);
                if keep {
                    rows.insert(pos, row);
                }
                keep
            })
            .take(SEARCH_LIMIT)
            .collect();
        let hits = index.highlight(query, &shown)?;
        Ok(hits
            .into_iter()
            .filter_map(|h| {
                Some(SearchResult {
                    row: rows.remove(&h.position)?,
                    prompt: spans(h.prompt),
                    snippet: spans(h.snippet),
                })
            })
            .collect())
    }

    pub fn question(&self, id: &str) -> Result<QuestionView, AppError> {
        let q = self.get(id)?;
        let store = self.store();
        let note = store.note(id)?.map(|n| n.body).unwrap_or_default();
        let bookmarked = store.is_bookmarked(id)?;
        drop(store);
        Ok(QuestionView {
            id: q.id.clone(),
            prompt: q.prompt.clone(),
            topic: q.topic,
            level: q.level,
            tags: q.tags.clone(),
            sources: q.sources.clone(),
            key_points: q.key_points.clone(),
            follow_ups: q
                .follow_ups
                .iter()
                .filter_map(|f| self.bank.get(f))
                .map(|f| QuestionLink {
                    id: f.id.clone(),
                    prompt: f.prompt.clone(),
                })
                .collect(),
            diagrams: q.diagrams.clone(),
            answer_html: markdown_to_html(&q.answer),
            look_for_html: markdown_to_html(&q.look_for),
            example_html: q.example.as_deref().map(markdown_to_html),
            mistakes_html: markdown_to_html(&q.mistakes),
            note,
            bookmarked,
            pack: match &q.origin {
                Origin::Pack(name) => Some(name.clone()),
                Origin::Bank => None,
            },
        })
    }

    pub fn save_note(&self, id: &str, body: &str) -> Result<(), AppError> {
        self.get(id)?;
        if body.len() > MAX_NOTE_BYTES {
            return Err(AppError::invalid(
                "note",
                format!("a note holds at most {} KiB", MAX_NOTE_BYTES / 1024),
            ));
        }
        Ok(self.store().save_note(id, body, self.now_ms())?)
    }

    pub fn set_bookmark(&self, id: &str, on: bool) -> Result<(), AppError> {
        self.get(id)?;
        Ok(self.store().set_bookmark(id, on, self.now_ms())?)
    }

    pub(crate) fn get(&self, id: &str) -> Result<&Question, AppError> {
        self.bank
            .get(id)
            .ok_or_else(|| AppError::not_found("question", id))
    }

    fn marks(&self) -> Result<Marks, AppError> {
        let store = self.store();
        Ok(Marks {
            studied: store.reviewed_card_ids()?,
            bookmarked: store.bookmarked_ids()?,
            noted: store.noted_ids()?,
        })
    }
}

/// Per-question learner state used to decorate list rows.
struct Marks {
    studied: HashSet<String>,
    bookmarked: HashSet<String>,
    noted: HashSet<String>,
}

impl Marks {
    fn row(&self, q: &Question) -> QuestionRow {
        QuestionRow {
            summary: q.summary(),
            studied: self.studied.contains(&question_card(&q.id)),
            bookmarked: self.bookmarked.contains(&q.id),
            has_note: self.noted.contains(&q.id),
        }
    }
}

/// The card id under which a question is scheduled.
pub fn question_card(id: &str) -> String {
    format!("q:{id}")
}

fn keep(row: &QuestionRow, f: &QuestionFilter) -> bool {
    let s = &row.summary;
    f.topic.is_none_or(|t| s.topic == t)
        && f.level.is_none_or(|l| s.level == l)
        && f.guide.as_ref().is_none_or(|g| s.guides.contains(g))
        && match f.studied {
            StudiedFilter::Any => true,
            StudiedFilter::Studied => row.studied,
            StudiedFilter::NotStudied => !row.studied,
        }
        && (!f.bookmarked_only || row.bookmarked)
}

pub fn search_doc(q: &Question) -> SearchDoc<'_> {
    let mut body = String::with_capacity(q.answer.len() + q.mistakes.len() + 512);
    for part in [&q.answer, &q.look_for, &q.mistakes] {
        body.push_str(part);
        body.push('\n');
    }
    if let Some(e) = &q.example {
        body.push_str(e);
    }
    body.push('\n');
    body.push_str(&q.key_points.join("\n"));
    SearchDoc {
        id: &q.id,
        prompt: &q.prompt,
        body,
        tags: format!("{} {} {}", q.tags.join(" "), q.topic.slug(), q.level.slug()),
    }
}

fn spans(v: Vec<Span>) -> Vec<TextSpan> {
    v.into_iter()
        .map(|s| TextSpan {
            text: s.text,
            hit: s.hit,
        })
        .collect()
}
