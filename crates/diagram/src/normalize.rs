//! One canonical form for names, so "NAT GW", "nat-gateway" and "NAT Gateways" compare equal. Used for
//! typed recall answers and also as the identity of bank labels (two "NAT gateway" cards are the same
//! answer). Both sides of every comparison go through `key`, so the table only has to be consistent.

/// Single-word abbreviations learners type, expanded to words.
const WORDS: &[(&str, &str)] = &[
    ("gw", "gateway"),
    ("gws", "gateway"),
    ("igw", "internet gateway"),
    ("natgw", "nat gateway"),
    ("sg", "security group"),
    ("sgs", "security group"),
    ("nacl", "network acl"),
    ("alb", "application load balancer"),
    ("nlb", "network load balancer"),
    ("elb", "elastic load balancer"),
    ("lb", "load balancer"),
    ("db", "database"),
    ("az", "availability zone"),
    ("azs", "availability zone"),
    ("asg", "auto scaling group"),
    ("autoscaling", "auto scaling"),
    ("tgw", "transit gateway"),
    ("vpce", "vpc endpoint"),
    ("dlq", "dead letter queue"),
    ("deadletter", "dead letter"),
    ("r53", "route 53"),
    ("route53", "route 53"),
    ("ddb", "dynamodb"),
    ("k8s", "kubernetes"),
    ("ci", "continuous integration"),
];

/// Long service names, contracted to the acronym everyone uses.
const PHRASES: &[(&[&str], &str)] = &[
    (&["access", "control", "list"], "acl"),
    (&["relational", "database", "service"], "rds"),
    (&["simple", "queue", "service"], "sqs"),
    (&["simple", "notification", "service"], "sns"),
    (&["simple", "storage", "service"], "s3"),
    (&["elastic", "compute", "cloud"], "ec2"),
    (&["key", "management", "service"], "kms"),
    (&["elastic", "container", "registry"], "ecr"),
    (&["elastic", "container", "service"], "ecs"),
    (&["dynamo", "db"], "dynamodb"),
    (&["dynamo", "database"], "dynamodb"),
    (&["cloud", "front"], "cloudfront"),
    (&["cloud", "watch"], "cloudwatch"),
];

/// Words that carry no meaning in an answer.
const FILLER: &[&str] = &["amazon", "aws", "the", "a", "an"];

/// The canonical form of a name: lowercase words, abbreviations expanded, service names contracted,
/// punctuation and filler words dropped, a plural `s` removed.
pub fn key(text: &str) -> String {
    let spaced: String = text
        .to_lowercase()
        .replace(['&', '+'], " and ")
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = Vec::new();
    for w in spaced.split_whitespace() {
        match WORDS.iter().find(|(short, _)| *short == w) {
            Some((_, long)) => words.extend(long.split(' ')),
            None => words.push(w),
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((phrase, short)) = PHRASES.iter().find(|(p, _)| words[i..].starts_with(p)) {
            out.push(short.to_string());
            i += phrase.len();
            continue;
        }
        if !FILLER.contains(&words[i]) {
            out.push(singular(words[i]).to_string());
        }
        i += 1;
    }
    out.join(" ")
}

fn singular(w: &str) -> &str {
    match w.strip_suffix('s') {
        Some(stem) if w.len() > 3 && !stem.ends_with('s') => stem,
        _ => w,
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn spellings_of_one_name_agree() {
        let same = |a: &str, b: &str| assert_eq!(key(a), key(b), "{a:?} vs {b:?}");
        same("NAT GW", "nat gateway");
        same("NAT-Gateway", "NAT gateways");
        same("IGW", "Internet Gateway");
        same("App SG", "app security group");
        same("ALB", "Application Load Balancer");
        same("Amazon RDS", "Relational Database Service");
        same("the DLQ", "dead-letter queue");
        same("Route53", "Route 53");
        same("  SQS   queue ", "Simple Queue Service queue");
        same("Network ACL", "NACL");
        same("Network access control list", "nacl");
        same("DynamoDB global table", "Dynamo DB global tables");
    }

    #[test]
    fn different_names_stay_different() {
        assert_ne!(key("NAT gateway"), key("Internet gateway"));
        assert_ne!(key("RDS primary"), key("RDS standby"));
        assert_ne!(key("ALB"), key("NLB"));
        assert_eq!(key("   "), "");
        assert_eq!(key("?!"), "");
    }
}
