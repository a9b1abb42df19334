//! The mistakes a learner repeats, counted from their history: which wrong label went into which
//! slot of a drill, which labels they confuse with which, which design rules they break and which
//! failure questions they get wrong, and which rubric points of each topic they leave out in reviews.
//!
//! Pure: the caller reads the attempts and reviews (in one pass each, oldest first) and feeds them to
//! a [`MistakeTally`]; ids stay ids here and the caller turns them into names. Answers arrive with
//! their normalised key so that "NAT gateway" and "nat  Gateway" count as one mistake.
use archdrill_domain::Topic;
use std::collections::HashMap;

#[cfg(test)]
mod tests;

/// A label text as shown, with the key it compares by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub text: String,
    pub key: String,
}

/// One graded slot of an attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotOutcome {
    pub slot: String,
    /// Graded wrong (an empty slot is not wrong: nothing was put in it).
    pub wrong: bool,
    pub given: Vec<Answer>,
    pub expected: Vec<Answer>,
    pub reason: Option<String>,
}

/// One design rule of an attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleOutcome {
    pub rule: u32,
    pub passed: bool,
    pub level: String,
    pub message: String,
}

/// One failure-drill question of an attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionOutcome {
    pub question: String,
    pub right: bool,
    pub prompt: String,
    pub given: Vec<String>,
    pub expected: Vec<String>,
    pub feedback: Option<String>,
    pub explanation: Option<String>,
}

/// One checked attempt, not undone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttemptOutcome {
    pub drill_id: String,
    /// Unix ms.
    pub at: i64,
    /// Whether a wrong label in a one-answer slot pairs with that answer as "confused with" (label
    /// and recall drills; a place drill's zone or a failure drill's "stops serving" is no label).
    pub pairs: bool,
    pub slots: Vec<SlotOutcome>,
    pub rules: Vec<RuleOutcome>,
    pub questions: Vec<QuestionOutcome>,
}

/// One question review with a rubric, not undone.
#[derive(Debug, Clone, PartialEq)]
pub struct PointsReview {
    pub question_id: String,
    pub topic: Topic,
    /// Unix ms.
    pub at: i64,
    /// Rubric indexes ticked.
    pub ticked: Vec<u32>,
    /// The rubric's size then.
    pub total: u32,
}

/// A wrong label put in one slot of one drill, and how often.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotMistake {
    pub drill_id: String,
    pub slot: String,
    /// The label as last given.
    pub given: String,
    pub count: u32,
    pub last_seen: i64,
    /// The slot's right answers.
    pub expected: Vec<String>,
    /// The slots of the same drill where the label does belong (none for a distractor).
    pub belongs_in: Vec<String>,
    /// Why it is wrong, as graded: preferably from an attempt where it was the slot's only wrong
    /// label, so the text speaks of this label alone.
    pub reason: Option<String>,
    reason_alone: bool,
}

impl SlotMistake {
    /// Made at least twice: a habit rather than a slip.
    pub fn repeated(&self) -> bool {
        self.count >= 2
    }
}

/// One label given where another belonged, across drills.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfusedPair {
    pub given: String,
    pub expected: String,
    pub count: u32,
    pub last_seen: i64,
    /// The drills it happened in, first seen first.
    pub drills: Vec<String>,
}

/// A design rule broken, and how often.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleMiss {
    pub drill_id: String,
    pub rule: u32,
    pub level: String,
    /// The rule's message when it failed, as last shown.
    pub message: String,
    pub count: u32,
    pub last_seen: i64,
}

/// A failure-drill question answered wrong, and how often.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionMiss {
    pub drill_id: String,
    pub question: String,
    pub prompt: String,
    /// The last wrong answer.
    pub given: Vec<String>,
    pub expected: Vec<String>,
    pub feedback: Option<String>,
    pub explanation: Option<String>,
    pub count: u32,
    pub last_seen: i64,
}

/// A rubric point and how often it was left out of the reviews that had it.
#[derive(Debug, Clone, PartialEq)]
pub struct MissedPoint {
    pub question_id: String,
    pub point: u32,
    pub missed: u32,
    pub reviewed: u32,
    pub last_missed: i64,
}

/// The points most often missed in one topic.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPoints {
    pub topic: Topic,
    /// Misses over all of the topic's points, the ones cut by the limit included.
    pub missed: u32,
    pub points: Vec<MissedPoint>,
}

/// How many of each list [`MistakeTally::finish`] keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MistakeLimits {
    pub slots: usize,
    pub pairs: usize,
    pub checks: usize,
    pub points_per_topic: usize,
}

impl Default for MistakeLimits {
    fn default() -> Self {
        MistakeLimits {
            slots: 50,
            pairs: 20,
            checks: 30,
            points_per_topic: 5,
        }
    }
}

/// Everything counted, each list sorted by count, then the most recent first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mistakes {
    pub slots: Vec<SlotMistake>,
    pub pairs: Vec<ConfusedPair>,
    pub rules: Vec<RuleMiss>,
    pub questions: Vec<QuestionMiss>,
    pub points: Vec<TopicPoints>,
    /// How many attempts and rubric reviews were read.
    pub attempts: u32,
    pub reviews: u32,
}

/// Counts mistakes as attempts and reviews are fed to it, in any order.
#[derive(Debug, Default)]
pub struct MistakeTally {
    slots: HashMap<(String, String, String), SlotMistake>,
    pairs: HashMap<(String, String), ConfusedPair>,
    rules: HashMap<(String, u32), RuleMiss>,
    questions: HashMap<(String, String), QuestionMiss>,
    points: HashMap<(String, u32), (Topic, MissedPoint)>,
    attempts: u32,
    reviews: u32,
}

impl MistakeTally {
    pub fn new() -> MistakeTally {
        MistakeTally::default()
    }

    pub fn add_attempt(&mut self, a: &AttemptOutcome) {
        self.attempts += 1;
        for s in a.slots.iter().filter(|s| s.wrong) {
            let wrong: Vec<&Answer> = s
                .given
                .iter()
                .filter(|g| !s.expected.iter().any(|e| e.key == g.key))
                .collect();
            for g in &wrong {
                self.add_slot(a, s, g, wrong.len() == 1);
                if a.pairs && s.expected.len() == 1 {
                    self.add_pair(a, g, &s.expected[0]);
                }
            }
        }
        for r in a.rules.iter().filter(|r| !r.passed) {
            let e = self
                .rules
                .entry((a.drill_id.clone(), r.rule))
                .or_insert_with(|| RuleMiss {
                    drill_id: a.drill_id.clone(),
                    rule: r.rule,
                    level: r.level.clone(),
                    message: r.message.clone(),
                    count: 0,
                    last_seen: a.at,
                });
            e.count += 1;
            if a.at >= e.last_seen {
                e.last_seen = a.at;
                e.level.clone_from(&r.level);
                e.message.clone_from(&r.message);
            }
        }
        for q in a.questions.iter().filter(|q| !q.right) {
            self.add_question(a, q);
        }
    }

    fn add_slot(&mut self, a: &AttemptOutcome, s: &SlotOutcome, g: &Answer, alone: bool) {
        let key = (a.drill_id.clone(), s.slot.clone(), g.key.clone());
        let e = self.slots.entry(key).or_insert_with(|| SlotMistake {
            drill_id: a.drill_id.clone(),
            slot: s.slot.clone(),
            given: g.text.clone(),
            count: 0,
            last_seen: a.at,
            expected: Vec::new(),
            belongs_in: Vec::new(),
            reason: None,
            reason_alone: false,
        });
        e.count += 1;
        let newer = a.at >= e.last_seen;
        if newer {
            e.last_seen = a.at;
            e.given.clone_from(&g.text);
            e.expected = s.expected.iter().map(|x| x.text.clone()).collect();
            e.belongs_in = a
                .slots
                .iter()
                .filter(|o| o.slot != s.slot && o.expected.iter().any(|x| x.key == g.key))
                .map(|o| o.slot.clone())
                .collect();
        }
        // A reason that speaks of this label alone beats a newer one that lists several labels.
        let better = match (alone, e.reason_alone) {
            _ if e.reason.is_none() => true,
            (true, false) => true,
            (false, true) => false,
            _ => newer,
        };
        if s.reason.is_some() && better {
            e.reason.clone_from(&s.reason);
            e.reason_alone = alone;
        }
    }

    fn add_pair(&mut self, a: &AttemptOutcome, given: &Answer, expected: &Answer) {
        let key = (given.key.clone(), expected.key.clone());
        let e = self.pairs.entry(key).or_insert_with(|| ConfusedPair {
            given: given.text.clone(),
            expected: expected.text.clone(),
            count: 0,
            last_seen: a.at,
            drills: Vec::new(),
        });
        e.count += 1;
        if a.at >= e.last_seen {
            e.last_seen = a.at;
            e.given.clone_from(&given.text);
            e.expected.clone_from(&expected.text);
        }
        if !e.drills.contains(&a.drill_id) {
            e.drills.push(a.drill_id.clone());
        }
    }

    fn add_question(&mut self, a: &AttemptOutcome, q: &QuestionOutcome) {
        let key = (a.drill_id.clone(), q.question.clone());
        let e = self.questions.entry(key).or_insert_with(|| QuestionMiss {
            drill_id: a.drill_id.clone(),
            question: q.question.clone(),
            prompt: String::new(),
            given: Vec::new(),
            expected: Vec::new(),
            feedback: None,
            explanation: None,
            count: 0,
            last_seen: a.at,
        });
        e.count += 1;
        if a.at >= e.last_seen || e.prompt.is_empty() {
            e.last_seen = e.last_seen.max(a.at);
            e.prompt.clone_from(&q.prompt);
            e.given.clone_from(&q.given);
            e.expected.clone_from(&q.expected);
            e.feedback.clone_from(&q.feedback);
            e.explanation.clone_from(&q.explanation);
        }
    }

    /// Counts one review: every rubric point not ticked was missed. Ticks outside the rubric (a
    /// corrupt row) are ignored; a review without a rubric counts for nothing.
    pub fn add_review(&mut self, r: &PointsReview) {
        if r.total == 0 {
            return;
        }
        self.reviews += 1;
        for point in 0..r.total {
            let (_, e) = self
                .points
                .entry((r.question_id.clone(), point))
                .or_insert_with(|| {
                    let p = MissedPoint {
                        question_id: r.question_id.clone(),
                        point,
                        missed: 0,
                        reviewed: 0,
                        last_missed: 0,
                    };
                    (r.topic, p)
                });
            e.reviewed += 1;
            if !r.ticked.contains(&point) {
                e.missed += 1;
                e.last_missed = e.last_missed.max(r.at);
            }
        }
    }

    /// The lists, sorted and cut to `limits`.
    pub fn finish(self, limits: MistakeLimits) -> Mistakes {
        let mut slots: Vec<SlotMistake> = self.slots.into_values().collect();
        slots.sort_by(|a, b| {
            (b.count, b.last_seen)
                .cmp(&(a.count, a.last_seen))
                .then_with(|| {
                    (&a.drill_id, &a.slot, &a.given).cmp(&(&b.drill_id, &b.slot, &b.given))
                })
        });
        slots.truncate(limits.slots);
        let mut pairs: Vec<ConfusedPair> = self.pairs.into_values().collect();
        pairs.sort_by(|a, b| {
            (b.count, b.last_seen)
                .cmp(&(a.count, a.last_seen))
                .then_with(|| (&a.given, &a.expected).cmp(&(&b.given, &b.expected)))
        });
        pairs.truncate(limits.pairs);
        let mut rules: Vec<RuleMiss> = self.rules.into_values().collect();
        rules.sort_by(|a, b| {
            (b.count, b.last_seen)
                .cmp(&(a.count, a.last_seen))
                .then_with(|| (&a.drill_id, a.rule).cmp(&(&b.drill_id, b.rule)))
        });
        rules.truncate(limits.checks);
        let mut questions: Vec<QuestionMiss> = self.questions.into_values().collect();
        questions.sort_by(|a, b| {
            (b.count, b.last_seen)
                .cmp(&(a.count, a.last_seen))
                .then_with(|| (&a.drill_id, &a.question).cmp(&(&b.drill_id, &b.question)))
        });
        questions.truncate(limits.checks);
        Mistakes {
            slots,
            pairs,
            rules,
            questions,
            points: by_topic(self.points, limits.points_per_topic),
            attempts: self.attempts,
            reviews: self.reviews,
        }
    }
}

/// The points missed at least once, grouped by topic: per topic the most missed first (then the
/// largest share of its reviews, then the most recent miss); topics with the most misses first.
fn by_topic(points: HashMap<(String, u32), (Topic, MissedPoint)>, keep: usize) -> Vec<TopicPoints> {
    let mut topics: HashMap<Topic, Vec<MissedPoint>> = HashMap::new();
    for (topic, p) in points.into_values().filter(|(_, p)| p.missed > 0) {
        topics.entry(topic).or_default().push(p);
    }
    let mut out: Vec<TopicPoints> = topics
        .into_iter()
        .map(|(topic, mut points)| {
            let missed = points.iter().map(|p| p.missed).sum();
            points.sort_by(|a, b| {
                b.missed
                    .cmp(&a.missed)
                    // a/b > c/d as a*d > c*b, in integers so equal shares compare equal.
                    .then_with(|| {
                        (u64::from(b.missed) * u64::from(a.reviewed))
                            .cmp(&(u64::from(a.missed) * u64::from(b.reviewed)))
                    })
                    .then_with(|| b.last_missed.cmp(&a.last_missed))
                    .then_with(|| (&a.question_id, a.point).cmp(&(&b.question_id, b.point)))
            });
            points.truncate(keep);
            TopicPoints {
                topic,
                missed,
                points,
            }
        })
        .collect();
    out.sort_by(|a, b| b.missed.cmp(&a.missed).then_with(|| a.topic.cmp(&b.topic)));
    out
}
