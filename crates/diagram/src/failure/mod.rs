//! Failure drills: a finished diagram and an event ("AZ A is lost"). The learner marks every
//! component that stops serving and answers "what happens next" questions (one option, or steps in
//! order). Graded per component and per question, with partial credit.
pub(crate) mod grade;
pub(crate) mod validate;

#[derive(Debug, Clone)]
pub(crate) struct Failure {
    pub event: String,
    /// Every node of the diagram, in reading order.
    pub components: Vec<Component>,
    /// Taken off per component marked that keeps serving.
    pub penalty: f64,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone)]
pub(crate) struct Component {
    /// Opaque id shown to the UI (`c1`…).
    pub id: String,
    pub node: String,
    pub label: String,
    pub aria: String,
    pub fails: bool,
    pub explain: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuestionKind {
    Choice,
    Order,
}

#[derive(Debug, Clone)]
pub(crate) struct Question {
    /// `q1`…
    pub id: String,
    pub prompt: String,
    pub kind: QuestionKind,
    /// Choice: in the author's order. Order: the steps, shuffled.
    pub options: Vec<Choice>,
    /// Order questions: option indexes in the right order.
    pub right_order: Vec<usize>,
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Choice {
    /// `o1`…
    pub id: String,
    pub text: String,
    pub right: bool,
    pub feedback: Option<String>,
}

impl Failure {
    pub fn component(&self, id: &str) -> Option<usize> {
        self.components.iter().position(|c| c.id == id)
    }

    pub fn question(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}
