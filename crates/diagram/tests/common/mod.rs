//! A small but complete spec shared by the validation, grading and property tests: a two-AZ grid with
//! mirrored NAT gateways and databases, and one drill of each kind.
#![allow(dead_code)]
use archdrill_diagram::Library;

pub const SPEC: &str = r#"[diagram]
id = "t"
title = "Test VPC"

[[group]]
id = "vpc"
kind = "vpc"
label = "VPC"

[grid]
in = "vpc"

[[az]]
id = "a"
label = "AZ a"

[[az]]
id = "b"
label = "AZ b"

[[tier]]
id = "pub"
label = "Public"
kind = "public"

[[tier]]
id = "data"
label = "Data"
kind = "data"

[[subnet]]
id = "pub-a"
az = "a"
tier = "pub"

[[subnet]]
id = "pub-b"
az = "b"
tier = "pub"

[[subnet]]
id = "data-a"
az = "a"
tier = "data"

[[subnet]]
id = "data-b"
az = "b"
tier = "data"

[[node]]
id = "lb"
kind = "load-balancer"
label = "Load balancer"
aliases = ["ALB"]
in = "pub"

[[node]]
id = "nat-a"
kind = "nat-gateway"
label = "NAT gateway"
in = "pub-a"

[[node]]
id = "nat-b"
kind = "nat-gateway"
label = "NAT gateway"
in = "pub-b"

[[node]]
id = "db-1"
kind = "database"
label = "DB primary"
aliases = ["primary database"]
in = "data-a"

[[node]]
id = "db-2"
kind = "database"
label = "DB standby"
in = "data-b"

[[edge]]
from = "lb"
to = "db-1"
label = "5432"

[[drill]]
id = "t-label"
kind = "label"
title = "Label it"
instructions = "Drag labels."
blanks = ["nat-a", "nat-b", "db-1", "db-2"]
distractors = ["Bastion host"]
interchangeable = [["db-1", "db-2"]]

[[drill.misconception]]
slot = "db-1"
label = "NAT gateway"
feedback = "A NAT in a data subnet has no way out."

[[drill]]
id = "t-place"
kind = "place"
title = "Place it"
instructions = "Drag cards into subnets."
items = ["nat-a", "nat-b", "db-1", "db-2"]
zones = ["pub-a", "pub-b", "data-a", "data-b"]
distractors = ["CDN"]
interchangeable = [["data-a", "data-b"]]

[[drill.misconception]]
slot = "data-a"
label = "NAT gateway"
feedback = "Data subnets have no internet route."

[[drill]]
id = "t-order"
kind = "order"
title = "Order it"
instructions = "Put them in order."
steps = ["lb", "nat-a", "db-1", "db-2"]

[[drill.misconception]]
slot = "lb"
label = "DB primary"
feedback = "Requests reach the load balancer first."

[[drill]]
id = "t-recall"
kind = "recall"
title = "Recall it"
instructions = "Type the names."
blanks = ["lb", "db-1"]

[[drill.accept]]
slot = "db-1"
answers = ["writer"]
"#;

pub fn load(files: &[(&str, &str)]) -> Library {
    Library::from_sources(
        files
            .iter()
            .map(|(f, t)| (f.to_string(), t.to_string()))
            .collect(),
    )
}

pub fn lib() -> Library {
    let lib = load(&[("diagrams/t.toml", SPEC)]);
    assert!(lib.problems().is_empty(), "{:?}", lib.problems());
    lib
}

/// 1-based line of the first line containing `needle` (after `after` lines).
pub fn line_of(text: &str, needle: &str) -> u32 {
    line_after(text, needle, 0)
}

pub fn line_after(text: &str, needle: &str, after: u32) -> u32 {
    text.lines()
        .enumerate()
        .skip(after as usize)
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i as u32 + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in the spec"))
}
