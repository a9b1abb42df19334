//! Schema checks for the JSON documents AWS itself would reject: IAM-style policies and Step
//! Functions state machines. Written here because no offline validator exists for either; they
//! follow the IAM policy grammar and the Amazon States Language specification.
use crate::blocks::Block;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// What a JSON block is, which decides the checks beyond parsing.
#[derive(Debug, PartialEq)]
pub enum JsonKind {
    CloudFormation,
    Policy,
    StateMachine,
    Plain,
}

pub fn kind(v: &Value) -> JsonKind {
    if is_cloudformation(v) {
        JsonKind::CloudFormation
    } else if v.get("Version").is_some() && v.get("Statement").is_some() {
        JsonKind::Policy
    } else if v.get("StartAt").is_some() && v.get("States").is_some() {
        JsonKind::StateMachine
    } else {
        JsonKind::Plain
    }
}

/// A template: `AWSTemplateFormatVersion`, or a top-level `Resources` of `AWS::` types (a snippet
/// that leaves out the version line is still a template cfn-lint can check).
pub fn is_cloudformation(v: &Value) -> bool {
    v.get("AWSTemplateFormatVersion").is_some()
        || v.get("Resources")
            .and_then(Value::as_object)
            .is_some_and(|r| {
                r.values().any(|res| {
                    res.get("Type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.starts_with("AWS::"))
                })
            })
}

const STATEMENT_KEYS: [&str; 9] = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

pub fn check_policy(b: &Block, v: &Value) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let Some(top) = v.as_object() else {
        return vec![(b.fence_line, "a policy must be a JSON object".into())];
    };
    for key in top.keys() {
        if !["Version", "Id", "Statement"].contains(&key.as_str()) {
            out.push((
                b.line_of(&format!("\"{key}\"")),
                format!("unknown policy element {key:?}"),
            ));
        }
    }
    match top.get("Version").and_then(Value::as_str) {
        Some("2012-10-17" | "2008-10-17") => {}
        other => out.push((
            b.line_of("\"Version\""),
            format!("Version must be \"2012-10-17\" or \"2008-10-17\", not {other:?}"),
        )),
    }
    let statements: Vec<&Value> = match &top["Statement"] {
        Value::Array(a) => a.iter().collect(),
        s @ Value::Object(_) => vec![s],
        _ => {
            out.push((
                b.line_of("\"Statement\""),
                "Statement must be an object or an array of objects".into(),
            ));
            Vec::new()
        }
    };
    for (i, s) in statements.into_iter().enumerate() {
        let at = s
            .get("Sid")
            .and_then(Value::as_str)
            .map_or(b.line_of("\"Statement\""), |sid| b.line_of(sid));
        for msg in check_statement(s) {
            out.push((at, format!("Statement[{i}]: {msg}")));
        }
    }
    out
}

fn check_statement(s: &Value) -> Vec<String> {
    let Some(s) = s.as_object() else {
        return vec!["a statement must be an object".into()];
    };
    let mut out: Vec<String> = s
        .keys()
        .filter(|k| !STATEMENT_KEYS.contains(&k.as_str()))
        .map(|k| format!("unknown statement element {k:?}"))
        .collect();
    match s.get("Effect").and_then(Value::as_str) {
        Some("Allow" | "Deny") => {}
        other => out.push(format!(
            "Effect must be \"Allow\" or \"Deny\", not {other:?}"
        )),
    }
    let has = |k: &str| s.contains_key(k);
    if has("Action") == has("NotAction") {
        out.push("needs exactly one of Action and NotAction".into());
    }
    for key in ["Action", "NotAction"] {
        if let Some(a) = s.get(key) {
            out.extend(check_actions(key, a));
        }
    }
    let resource = exactly_one(has("Resource"), has("NotResource"));
    let principal = exactly_one(has("Principal"), has("NotPrincipal"));
    if resource == Some(false) || principal == Some(false) {
        out.push(
            "Resource/NotResource and Principal/NotPrincipal are each one or the other".into(),
        );
    } else if resource.is_none() && principal.is_none() {
        out.push("needs Resource or NotResource (identity policy) or Principal or NotPrincipal (resource policy)".into());
    }
    if let Some(c) = s.get("Condition") {
        out.extend(check_condition(c));
    }
    out
}

/// Some(true) when exactly one is present, Some(false) when both, None when neither.
fn exactly_one(a: bool, b: bool) -> Option<bool> {
    (a || b).then_some(a != b)
}

fn check_actions(key: &str, a: &Value) -> Vec<String> {
    let items: Vec<&Value> = match a {
        Value::Array(list) if !list.is_empty() => list.iter().collect(),
        Value::String(_) => vec![a],
        _ => {
            return vec![format!(
                "{key} must be a string or a non-empty array of strings"
            )]
        }
    };
    items
        .into_iter()
        .filter(|v| !v.as_str().is_some_and(is_action))
        .map(|v| format!("{key} {v} is not \"service:Action\" or \"*\""))
        .collect()
}

/// `*`, or `service:Action` where the service is a lower-case prefix and the action may hold
/// wildcards (`s3:Get*`, `ec2:Describe?`).
pub fn is_action(a: &str) -> bool {
    if a == "*" {
        return true;
    }
    let Some((service, action)) = a.split_once(':') else {
        return false;
    };
    !service.is_empty()
        && service
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !action.is_empty()
        && action
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '*' || c == '?')
}

fn check_condition(c: &Value) -> Vec<String> {
    let Some(ops) = c.as_object() else {
        return vec!["Condition must be an object of operator -> object".into()];
    };
    ops.iter()
        .filter(|(_, keys)| !keys.is_object())
        .map(|(op, _)| format!("Condition operator {op:?} must map to an object of keys"))
        .collect()
}

const STATE_TYPES: [&str; 8] = [
    "Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map",
];

/// StartAt names a state, every state has a known Type, every transition target exists, and every
/// state that does not end the machine by its type says where to go next. Parallel branches and
/// Map item processors are machines of their own and are checked the same way.
pub fn check_state_machine(b: &Block, v: &Value) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    machine(b, v, "", &mut out);
    out
}

fn machine(b: &Block, v: &Value, scope: &str, out: &mut Vec<(usize, String)>) {
    let Some(states) = v.get("States").and_then(Value::as_object) else {
        out.push((
            b.line_of("\"States\""),
            format!("{scope}States must be an object"),
        ));
        return;
    };
    let names: HashSet<&str> = states.keys().map(String::as_str).collect();
    match v.get("StartAt").and_then(Value::as_str) {
        Some(s) if names.contains(s) => {}
        other => out.push((
            b.line_of("\"StartAt\""),
            format!("{scope}StartAt {other:?} names no state"),
        )),
    }
    for (name, state) in states {
        let at = b.line_of(&format!("\"{name}\""));
        let Some(state) = state.as_object() else {
            out.push((at, format!("{scope}state {name:?} must be an object")));
            continue;
        };
        for msg in check_state(state, &names) {
            out.push((at, format!("{scope}state {name:?}: {msg}")));
        }
        let inner = format!("{scope}{name} > ");
        for branch in state
            .get("Branches")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            machine(b, branch, &inner, out);
        }
        for key in ["ItemProcessor", "Iterator"] {
            if let Some(m) = state.get(key) {
                machine(b, m, &inner, out);
            }
        }
    }
}

fn check_state(state: &Map<String, Value>, names: &HashSet<&str>) -> Vec<String> {
    let mut out = Vec::new();
    let ty = state.get("Type").and_then(Value::as_str).unwrap_or("");
    if !STATE_TYPES.contains(&ty) {
        out.push(format!(
            "unknown Type {ty:?} (one of {})",
            STATE_TYPES.join(", ")
        ));
    }
    let mut targets: Vec<(&str, &Value)> = Vec::new();
    targets.extend(state.get("Next").map(|t| ("Next", t)));
    targets.extend(state.get("Default").map(|t| ("Default", t)));
    for (key, list) in [("Choices", "Choices[].Next"), ("Catch", "Catch[].Next")] {
        for item in state
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            targets.extend(item.get("Next").map(|t| (list, t)));
        }
    }
    for (key, t) in targets {
        if !t.as_str().is_some_and(|t| names.contains(t)) {
            out.push(format!("{key} {t} names no state"));
        }
    }
    let ends = state.get("End") == Some(&Value::Bool(true));
    let terminal_type = matches!(ty, "Choice" | "Succeed" | "Fail");
    if !terminal_type && state.contains_key("Next") == ends {
        out.push("needs exactly one of Next and \"End\": true".into());
    }
    if ty == "Choice" && !state.get("Choices").is_some_and(Value::is_array) {
        out.push("a Choice state needs a Choices array".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn block(v: &Value) -> Block {
        Block {
            file: "f.md".into(),
            fence_line: 10,
            lang: "json".into(),
            text: serde_json::to_string_pretty(v).unwrap(),
        }
    }

    #[test]
    fn a_sound_policy_passes_and_each_broken_rule_is_named() {
        let good = json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": ["s3:Get*", "kms:Decrypt"], "Resource": "*",
             "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}},
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]});
        assert_eq!(kind(&good), JsonKind::Policy);
        assert!(check_policy(&block(&good), &good).is_empty());
        let bad = json!({"Version": "2012-10-18", "Statement": {"Effect": "allow",
            "Action": "s3 GetObject", "NotAction": "*", "Condition": {"Bool": true}}});
        let msgs: Vec<String> = check_policy(&block(&bad), &bad)
            .into_iter()
            .map(|m| m.1)
            .collect();
        let text = msgs.join("\n");
        for part in [
            "Version must be",
            "Effect must be",
            "exactly one of Action",
            "\"s3 GetObject\"",
            "needs Resource",
            "\"Bool\"",
        ] {
            assert!(text.contains(part), "{part} missing from:\n{text}");
        }
    }

    #[test]
    fn state_machine_transitions_must_land_on_states() {
        let good = json!({"StartAt": "A", "States": {
            "A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "BooleanEquals": true, "Next": "B"}], "Default": "C"},
            "B": {"Type": "Parallel", "Branches": [{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}], "Next": "C"},
            "C": {"Type": "Succeed"}}});
        assert_eq!(kind(&good), JsonKind::StateMachine);
        assert!(check_state_machine(&block(&good), &good).is_empty());
        let bad = json!({"StartAt": "Nope", "States": {
            "A": {"Type": "Task", "Resource": "arn", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Gone"}]},
            "B": {"Type": "Loop", "Next": "A", "End": true},
            "C": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "Q"}}}]}}});
        let text: Vec<String> = check_state_machine(&block(&bad), &bad)
            .into_iter()
            .map(|m| m.1)
            .collect();
        let text = text.join("\n");
        for part in [
            "StartAt Some(\"Nope\")",
            "state \"A\": Catch[].Next \"Gone\"",
            "state \"A\": needs exactly one of Next",
            "unknown Type \"Loop\"",
            "state \"B\": needs exactly one",
            "C > state \"P\": Next \"Q\" names no state",
        ] {
            assert!(text.contains(part), "{part} missing from:\n{text}");
        }
    }

    #[test]
    fn templates_are_told_from_other_json() {
        assert_eq!(
            kind(&json!({"Resources": {"B": {"Type": "AWS::S3::Bucket"}}})),
            JsonKind::CloudFormation
        );
        assert_eq!(
            kind(&json!({"AWSTemplateFormatVersion": "2010-09-09"})),
            JsonKind::CloudFormation
        );
        assert_eq!(
            kind(&json!({"Resources": {"B": {"Type": "Custom"}}})),
            JsonKind::Plain
        );
        assert!(is_action("ec2:Describe?") && !is_action("S3:Get") && !is_action("s3:"));
    }
}
