//! The one "weakest topics" rule: per topic, the share of what was measured (rubric points ticked
//! over points asked, or mean coverage), lowest first, unmeasured last, ties in topic order. The
//! mock view, the mock's Markdown report and the dashboard all rank topics with it.
use crate::mock::{ticked, Mock};
use archdrill_domain::Topic;
use serde::Serialize;
use specta::Type;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Orders two shares weakest first; `None` (nothing measured) after every known share.
pub fn weaker_share(a: Option<f64>, b: Option<f64>) -> Ordering {
    let known = |s: Option<f64>| s.unwrap_or(f64::INFINITY);
    known(a).total_cmp(&known(b))
}

/// A topic's rubric coverage within one mock.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MockTopic {
    pub topic: Topic,
    pub ticked: u32,
    pub total: u32,
    pub questions: u32,
}

impl MockTopic {
    /// Points ticked over points asked (`total` is never 0 in a list from `weakest_topics`).
    pub fn share(&self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.ticked) / f64::from(self.total))
    }
}

/// Per-topic coverage of a mock's graded answers that have a rubric, weakest first (ties in topic
/// order). `topic_of` finds a question's topic; answers to questions it does not know are skipped.
pub fn weakest_topics(mock: &Mock, topic_of: impl Fn(&str) -> Option<Topic>) -> Vec<MockTopic> {
    let mut by_topic: BTreeMap<Topic, MockTopic> = BTreeMap::new();
    for a in mock
        .answers
        .iter()
        .filter(|a| a.graded && a.points_total > 0)
    {
        let Some(topic) = topic_of(&a.question_id) else {
            continue;
        };
        let t = by_topic.entry(topic).or_insert(MockTopic {
            topic,
            ticked: 0,
            total: 0,
            questions: 0,
        });
        t.ticked = t.ticked.saturating_add(ticked(a));
        t.total = t.total.saturating_add(a.points_total);
        t.questions += 1;
    }
    let mut out: Vec<MockTopic> = by_topic.into_values().collect();
    // BTreeMap order is topic order and the sort is stable: ties stay in topic order.
    out.sort_by(|a, b| weaker_share(a.share(), b.share()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock::{MockAnswer, MockLevel, MockSettings};

    fn answer(id: &str, points: &[u32], total: u32, graded: bool) -> MockAnswer {
        MockAnswer {
            question_id: id.into(),
            seconds_used: 60,
            points: points.to_vec(),
            points_total: total,
            answer: None,
            shown_at: Some(1.0),
            answered_at: Some(2.0),
            graded,
        }
    }

    fn mock(answers: Vec<MockAnswer>) -> Mock {
        Mock {
            id: "01HZZZZZZZZZZZZZZZZZZZZZZZ".into(),
            started_at: 0.0,
            finished_at: None,
            settings: MockSettings {
                level: MockLevel::Mixed,
                topics: vec![],
                question_count: 5,
                minutes_per_answer: 5,
            },
            answers,
        }
    }

    /// Question ids name their topic's position in `Topic::ALL`: "q0" is the first topic.
    fn topic_of(id: &str) -> Option<Topic> {
        Topic::ALL
            .get(id.strip_prefix('q')?.parse::<usize>().ok()?)
            .copied()
    }

    #[test]
    fn lowest_share_first_ties_in_topic_order() {
        let m = mock(vec![
            answer("q0", &[0, 1, 2], 4, true), // 3/4
            answer("q1", &[0], 4, true),       // 1/4 ...
            answer("q1", &[0, 1, 2], 4, true), // ... then 4/8 = 1/2
            answer("q2", &[0, 1], 4, true),    // 1/2, ties with q1's topic
            answer("q3", &[], 4, false),       // ungraded: left out
            answer("q9x", &[], 4, true),       // unknown question: left out
            answer("q3", &[], 0, true),        // no rubric: left out
        ]);
        let got = weakest_topics(&m, topic_of);
        let order: Vec<(Topic, u32, u32, u32)> = got
            .iter()
            .map(|t| (t.topic, t.ticked, t.total, t.questions))
            .collect();
        let [t0, t1, t2] = [Topic::ALL[0], Topic::ALL[1], Topic::ALL[2]];
        let mut tied = [(t1, 4, 8, 2), (t2, 2, 4, 1)];
        tied.sort_by_key(|t| t.0);
        assert_eq!(order, [tied[0], tied[1], (t0, 3, 4, 1)]);
    }

    #[test]
    fn ticks_beyond_the_rubric_count_as_the_whole_rubric() {
        let got = weakest_topics(&mock(vec![answer("q0", &[0, 1, 2, 3], 2, true)]), topic_of);
        assert_eq!((got[0].ticked, got[0].total), (2, 2));
        assert_eq!(got[0].share(), Some(1.0));
    }

    #[test]
    fn unmeasured_shares_go_last() {
        assert_eq!(weaker_share(Some(0.9), None), Ordering::Less);
        assert_eq!(weaker_share(None, Some(0.0)), Ordering::Greater);
        assert_eq!(weaker_share(Some(0.2), Some(0.5)), Ordering::Less);
        assert_eq!(weaker_share(None, None), Ordering::Equal);
    }
}
