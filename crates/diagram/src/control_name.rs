//! The accessible names of the controls a drill draws (blanks, steps, drop zones, components).
//! WCAG 2.5.3 "label in name", as axe-core checks it: every word a control shows on screen must
//! appear in its name, contiguously and in the same order, so a speech-input user can say what
//! they see. The renderer knows what it shows (notes under a blank, a "drop here" hint, a badge),
//! so it composes the final name here from the short name the drill gives.

/// `name` with the words shown on a control woven in: right after `lead` (the part of the name
/// that is already shown first, such as "Blank 3" or a component's label), or at the end when
/// there is no lead. Commas separate the parts for a listener; punctuation does not count in the
/// comparison.
pub(crate) fn with_shown(name: &str, lead: Option<&str>, shown: &[&str]) -> String {
    let shown: Vec<&str> = shown
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if shown.is_empty() {
        return name.to_string();
    }
    let extra = shown.join(" ");
    let Some(lead) = lead.filter(|l| !l.is_empty()) else {
        return format!("{name}, {extra}");
    };
    match name.strip_prefix(lead) {
        Some("") => format!("{lead}, {extra}"),
        Some(rest) if rest.starts_with(':') || rest.starts_with(',') => {
            format!("{lead}, {extra}{rest}")
        }
        Some(rest) => format!("{lead}, {extra},{rest}"),
        // The name does not start with what is shown first: say the shown words first.
        None => format!("{lead}, {extra}, {name}"),
    }
}

/// The part of a slot's name up to its number ("Blank 3" of "Blank 3 in Subnet"), which the
/// slot shows in its badge before its notes.
pub(crate) fn numbered_lead(name: &str, number: usize) -> Option<&str> {
    let n = number.to_string();
    let at = name.match_indices(&n).map(|(i, _)| i).find(|&i| {
        let end = i + n.len();
        let before = name[..i].chars().next_back();
        let after = name[end..].chars().next();
        before.is_none_or(|c| !c.is_ascii_digit()) && after.is_none_or(|c| !c.is_ascii_digit())
    })?;
    Some(&name[..at + n.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_follow_the_number_of_a_blank() {
        let lead = numbered_lead("Blank 3 in Subnet", 3);
        assert_eq!(lead, Some("Blank 3"));
        assert_eq!(
            with_shown("Blank 3 in Subnet", lead, &["no rule", "needed"]),
            "Blank 3, no rule needed, in Subnet"
        );
        assert_eq!(
            with_shown("Blank 3: type its name", Some("Blank 3"), &["5%"]),
            "Blank 3, 5%: type its name"
        );
        assert_eq!(
            with_shown("Step 2", Some("Step 2"), &["retry"]),
            "Step 2, retry"
        );
    }

    #[test]
    fn a_number_inside_another_is_not_the_lead() {
        assert_eq!(numbered_lead("Blank 13", 1), None);
        assert_eq!(numbered_lead("Blank 13", 13), Some("Blank 13"));
    }

    #[test]
    fn hints_go_at_the_end_and_nothing_shown_changes_nothing() {
        assert_eq!(
            with_shown("Place in Data", None, &["drop here"]),
            "Place in Data, drop here"
        );
        assert_eq!(with_shown("Users", Some("Users"), &[]), "Users");
        assert_eq!(with_shown("Users", Some("Users"), &[" "]), "Users");
    }

    #[test]
    fn a_name_that_does_not_start_with_the_lead_gets_it_in_front() {
        assert_eq!(
            with_shown("Something else", Some("ALB"), &["port 443"]),
            "ALB, port 443, Something else"
        );
    }
}
