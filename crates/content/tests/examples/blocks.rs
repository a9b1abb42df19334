//! Fenced code blocks out of a question file, with the line each starts on, found by the same
//! CommonMark parser the app renders with, so a fence inside a list or a longer fence counts exactly
//! as the learner sees it.
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone)]
pub struct Block {
    pub file: String,
    /// The fence's line (1-based) in the file.
    pub fence_line: usize,
    /// The language tag: the info string's first word, lower-cased; empty when the fence has none.
    pub lang: String,
    pub text: String,
}

impl Block {
    /// The file line of line `n` (1-based) inside the block.
    pub fn file_line(&self, n: usize) -> usize {
        self.fence_line + n.max(1)
    }

    /// The file line of the first block line containing `needle`; the fence line when none does.
    /// JSON values carry no positions, so schema problems are placed on the text that names them.
    pub fn line_of(&self, needle: &str) -> usize {
        self.text
            .lines()
            .position(|l| l.contains(needle))
            .map_or(self.fence_line, |i| self.file_line(i + 1))
    }
}

pub fn extract(file: &str, text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = Some(Block {
                    file: file.to_string(),
                    fence_line: line_at(text, range.start),
                    lang: info.split_whitespace().next().unwrap_or("").to_lowercase(),
                    text: String::new(),
                });
            }
            Event::Text(t) => {
                if let Some(b) = open.as_mut() {
                    b.text.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_carry_their_language_and_fence_line() {
        let md = "+++\nid = \"x\"\n+++\n\n## Example\n\n```bash\necho hi\n```\n\n- item\n\n  ~~~JSON extra\n  {}\n  ~~~\n\n    indented code is not fenced\n";
        let blocks = extract("content/x/x.md", md);
        assert_eq!(blocks.len(), 2);
        assert_eq!((blocks[0].lang.as_str(), blocks[0].fence_line), ("bash", 7));
        assert_eq!(blocks[0].text, "echo hi\n");
        assert_eq!(blocks[0].file_line(1), 8);
        assert_eq!(
            (blocks[1].lang.as_str(), blocks[1].fence_line),
            ("json", 13)
        );
        assert_eq!(blocks[1].text, "{}\n");
        assert_eq!(blocks[1].line_of("{}"), 14);
        assert_eq!(blocks[1].line_of("absent"), 13);
    }
}
