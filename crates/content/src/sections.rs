//! Splitting a question body into its `## ` sections.

/// The body sections in their required order; `required` false means the section may be left out.
pub(crate) const SECTIONS: [(&str, bool); 4] = [
    ("Answer", true),
    ("What interviewers look for", true),
    ("Example", false),
    ("Common mistakes", true),
];

pub(crate) struct Section {
    pub heading: String,
    pub line: u32,
    pub text: String,
}

/// Splits on level-two headings outside fenced code. Returns stray text before the first heading
/// (with its line) and the sections.
pub(crate) fn split(body: &str, first_line: u32) -> (Option<u32>, Vec<Section>) {
    let mut sections: Vec<Section> = Vec::new();
    let mut stray = None;
    let mut in_fence = false;
    for (i, line) in body.lines().enumerate() {
        let lineno = first_line + i as u32;
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if !in_fence {
            if let Some(h) = line.strip_prefix("## ") {
                sections.push(Section {
                    heading: h.trim().to_string(),
                    line: lineno,
                    text: String::new(),
                });
                continue;
            }
        }
        match sections.last_mut() {
            Some(s) => {
                s.text.push_str(line);
                s.text.push('\n');
            }
            None if !line.trim().is_empty() && stray.is_none() => stray = Some(lineno),
            None => {}
        }
    }
    for s in &mut sections {
        s.text = s.text.trim().to_string();
    }
    (stray, sections)
}
