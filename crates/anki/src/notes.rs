//! Questions and diagrams as Anki notes: their fields as HTML, their tags and their guids.
//! Prompts, rubric points, titles and descriptions are plain text and are escaped; the answer and
//! the example are Markdown, rendered by the bank's own renderer, which shows raw HTML as text.
use archdrill_content::markdown_to_html;
use archdrill_diagram::Diagram;
use archdrill_domain::{Origin, Question};

/// Which note type a note uses: its fields, in order, are listed in `schema`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Prompt, Answer, Key points, Example.
    Question,
    /// Prompt, Diagram, Description.
    Diagram,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub guid: String,
    pub kind: Kind,
    /// HTML, one per field of the note type.
    pub fields: Vec<String>,
    /// The first field as Anki sees it with the HTML stripped: its sort field and checksum.
    pub sort_field: String,
    pub tags: Vec<String>,
}

/// A file the notes refer to by name (`<img src="…">`).
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The guid of a question's note. Our ids never change once published (content/README.md), so the
/// guid does not either, and Anki updates the note on the next import.
pub fn question_guid(id: &str) -> String {
    format!("archdrill:q:{id}")
}

pub fn diagram_guid(id: &str) -> String {
    format!("archdrill:d:{id}")
}

/// The PNG's file name in Anki's media folder, shared by every collection it lands in: prefixed
/// so it cannot take the name of a learner's own file.
pub fn media_name(diagram_id: &str) -> String {
    format!("archdrill-{diagram_id}.png")
}

pub fn question_note(q: &Question) -> Note {
    let mut tags = vec![
        "archdrill".to_string(),
        format!("topic::{}", q.topic.slug()),
        format!("level::{}", q.level.slug()),
    ];
    tags.extend(q.guides().iter().map(|g| format!("guide::{}", tag_word(g))));
    if let Origin::Pack(name) = &q.origin {
        tags.push(format!("pack::{}", tag_word(name)));
    }
    let example = q
        .example
        .as_deref()
        .map(markdown_to_html)
        .unwrap_or_default();
    Note {
        guid: question_guid(&q.id),
        kind: Kind::Question,
        fields: vec![
            escape(&q.prompt),
            field(&markdown_to_html(&q.answer)),
            key_points(&q.key_points),
            field(&example),
        ],
        sort_field: field(&q.prompt),
        tags,
    }
}

/// A diagram's note: the question on the front, the picture and its description on the back.
/// `questions` are the bank's, whose topics tag the diagrams their answers use.
pub fn diagram_note(d: &Diagram, questions: &[Question]) -> Note {
    let prompt = format!("Draw/explain: {}", d.title);
    let mut tags = vec!["archdrill".to_string(), "diagram".to_string()];
    for q in questions.iter().filter(|q| q.diagrams.contains(&d.id)) {
        push_new(&mut tags, format!("topic::{}", q.topic.slug()));
    }
    for source in &d.sources {
        // `NNN:Lx-y`: the guide is the part before the colon.
        let guide = source.split(':').next().unwrap_or(source);
        push_new(&mut tags, format!("guide::{}", tag_word(guide)));
    }
    Note {
        guid: diagram_guid(&d.id),
        kind: Kind::Diagram,
        fields: vec![
            escape(&prompt),
            format!(r#"<img src="{}">"#, escape(&media_name(&d.id))),
            escape(&d.description),
        ],
        sort_field: field(&prompt),
        tags,
    }
}

fn push_new(tags: &mut Vec<String>, tag: String) {
    if !tags.contains(&tag) {
        tags.push(tag);
    }
}

fn key_points(points: &[String]) -> String {
    let items: String = points
        .iter()
        .map(|p| format!("<li>{}</li>", escape(p)))
        .collect();
    format!("<ul>{items}</ul>")
}

/// Text made safe for a field: HTML's special characters as entities, and no 0x1f, which
/// separates the fields of a note in Anki's database.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\x1f' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// HTML from the Markdown renderer, with any 0x1f (the field separator) made a space.
fn field(html: &str) -> String {
    html.replace('\x1f', " ")
}

/// A tag is one word to Anki (spaces separate tags): anything but letters, digits, `-`, `_` and
/// `.` becomes `_`.
fn tag_word(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use archdrill_domain::{Level, Source, Topic};

    /// A loaded question with the fields under test replaced (not a struct literal, so that a
    /// field added to `Question` elsewhere needs no change here).
    fn question() -> Question {
        let bank = archdrill_content::Bank::load(None, &Default::default());
        let mut q = bank.questions()[0].clone();
        q.id = "sg-vs-nacl".into();
        q.prompt = "Security groups <vs> NACLs & \"why\"?".into();
        q.topic = Topic::Networking;
        q.level = Level::Mid;
        q.sources = vec![Source {
            guide: "002".into(),
            file: "002_x.txt".into(),
            first_line: 1,
            last_line: 2,
        }];
        q.key_points = vec!["Stateful <b>SG</b>".into(), "Stateless NACL".into()];
        q.answer = "**Bold** and <script>x</script>".into();
        q.example = None;
        q.origin = Origin::Pack("my pack".into());
        q
    }

    #[test]
    fn fields_are_escaped_html_and_tags_are_words() {
        let n = question_note(&question());
        assert_eq!(n.guid, "archdrill:q:sg-vs-nacl");
        assert_eq!(
            n.fields[0],
            "Security groups &lt;vs&gt; NACLs &amp; &quot;why&quot;?"
        );
        assert_eq!(n.sort_field, "Security groups <vs> NACLs & \"why\"?");
        assert!(
            n.fields[1].contains("<strong>Bold</strong>"),
            "{}",
            n.fields[1]
        );
        assert!(!n.fields[1].contains("<script"), "{}", n.fields[1]);
        assert_eq!(
            n.fields[2],
            "<ul><li>Stateful &lt;b&gt;SG&lt;/b&gt;</li><li>Stateless NACL</li></ul>"
        );
        assert_eq!(n.fields[3], "");
        assert_eq!(
            n.tags,
            [
                "archdrill",
                "topic::networking",
                "level::mid",
                "guide::002",
                "pack::my_pack"
            ]
        );
    }

    #[test]
    fn the_field_separator_never_reaches_a_field() {
        let mut q = question();
        q.prompt = "a\x1fb".into();
        q.answer = "c\x1fd".into();
        let n = question_note(&q);
        assert!(n.fields.iter().all(|f| !f.contains('\x1f')));
        assert_eq!(n.sort_field, "a b");
    }
}
