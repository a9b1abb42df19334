//! A generator of large, valid, realistic-size banks for benchmarks and stress tests (the shipped bank
//! has 111 questions; the product must stay fast at 10,000). Deterministic for a given count.
use crate::BankSource;
use archdrill_domain::{Origin, SplitMix64, Topic};

const WORDS: &[&str] = &[
    "subnet",
    "gateway",
    "latency",
    "replica",
    "failover",
    "throughput",
    "partition",
    "queue",
    "topic",
    "lambda",
    "container",
    "cluster",
    "bucket",
    "policy",
    "role",
    "encryption",
    "key",
    "region",
    "zone",
    "cache",
    "index",
    "stream",
    "pipeline",
    "deploy",
    "rollback",
    "alarm",
    "metric",
    "budget",
    "cost",
    "network",
    "endpoint",
    "certificate",
    "origin",
    "edge",
    "scaling",
    "capacity",
    "snapshot",
    "backup",
    "restore",
    "quorum",
    "consistency",
    "durability",
    "availability",
    "tenant",
    "account",
    "boundary",
];

/// `count` question files in a pack named "synthetic", each about the size of a real bank answer.
pub fn bank_sources(count: usize) -> Vec<BankSource> {
    // The shared seeded generator: deterministic, so every bench run loads the same text.
    let mut rng = SplitMix64::new(0x9e37_79b9_7f4a_7c15);
    (0..count)
        .map(|i| {
            let mut sentence = |n: usize| -> String {
                (0..n)
                    .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let topic = Topic::ALL[i % Topic::ALL.len()].slug();
            let level = if i % 3 == 0 { "senior" } else { "mid" };
            let prompt = format!("How would you handle {} number {i}?", sentence(4));
            let answer: Vec<String> = (0..25).map(|_| format!("{}.", sentence(12))).collect();
            let follow = if i > 0 { format!("\"syn-{}\"", i - 1) } else { String::new() };
            let text = format!(
                "+++\nid = \"syn-{i}\"\nprompt = {prompt:?}\ntopic = \"{topic}\"\nlevel = \"{level}\"\n\
                 tags = [\"synthetic\"]\nsources = [\"002_synthetic.txt:{a}-{b}\"]\n\
                 key_points = [{k1:?}, {k2:?}, {k3:?}]\nfollow_ups = [{follow}]\ndiagrams = []\n+++\n\n\
                 ## Answer\n{answer}\n\n## What interviewers look for\n{look}\n\n\
                 ## Example\n```bash\naws ec2 describe-subnets --filters Name=tag:n,Values={i}\n```\n\n\
                 ## Common mistakes\n- {m1}\n- {m2}\n",
                a = i + 1,
                b = i + 40,
                k1 = sentence(6),
                k2 = sentence(6),
                k3 = sentence(6),
                answer = answer.join(" "),
                look = sentence(30),
                m1 = sentence(12),
                m2 = sentence(12),
            );
            BankSource {
                file: format!("synthetic/{topic}/syn-{i}.md"),
                text,
                origin: Origin::Pack("synthetic".into()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_banks_are_valid() {
        let bank = crate::Bank::from_sources(super::bank_sources(50), &Default::default());
        assert_eq!(bank.problems(), &[]);
        assert_eq!(bank.len(), 50);
        assert_eq!(bank.get("syn-7").unwrap().follow_ups, ["syn-6"]);
    }

    #[test]
    fn large_banks_parse_in_parallel_and_keep_file_order() {
        let mut sources = super::bank_sources(700);
        sources.push(super::bank_sources(1).remove(0)); // a duplicate id at the very end
        let bank = crate::Bank::from_sources(sources, &Default::default());
        assert_eq!(bank.len(), 700);
        let ids: Vec<&str> = bank.questions().iter().map(|q| q.id.as_str()).collect();
        let want: Vec<String> = (0..700).map(|i| format!("syn-{i}")).collect();
        assert_eq!(ids, want);
        assert_eq!(
            bank.problems().len(),
            1,
            "the later duplicate is the one reported"
        );
    }
}
