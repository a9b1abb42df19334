//! Markdown to HTML for the question view. Content is data, never code: raw HTML is shown as text,
//! links and images become plain text (the app is offline and must not navigate), and code blocks keep
//! their language as a class so the UI can highlight them.
use pulldown_cmark::{html, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

pub fn markdown_to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) => None,
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => {
            // Keep only a plain language word so the class attribute cannot carry anything else.
            let lang: String = lang
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '+')
                .collect();
            Some(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(
                lang.into(),
            ))))
        }
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::markdown_to_html;

    #[test]
    fn raw_html_and_script_are_escaped() {
        let html =
            markdown_to_html("Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn links_become_text_and_tables_render() {
        let html =
            markdown_to_html("[click](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(!html.contains("href"), "{html}");
        assert!(html.contains("click"));
        assert!(html.contains("<table>"), "{html}");
    }

    #[test]
    fn code_blocks_keep_a_clean_language_class() {
        let html = markdown_to_html("```bash\" onclick=\"x\naws s3 ls\n```\n");
        assert!(
            html.contains("class=\"language-bashonclickx\"") || html.contains("language-bash"),
            "{html}"
        );
        assert!(!html.contains("onclick=\""), "{html}");
    }
}
