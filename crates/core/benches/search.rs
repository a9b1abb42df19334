//! Full-text search over a generated 10,000-question bank (target: ≤ 5 ms p95). Each query family is
//! measured on its own; the slowest family's time bounds the 95th percentile of a mixed workload.
//! `cargo bench -p archdrill-core --bench search`
use archdrill_content::{synthetic, Bank};
use archdrill_core::search_doc;
use archdrill_store::SearchIndex;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn search(c: &mut Criterion) {
    let bank = Bank::from_sources(synthetic::bank_sources(10_000), &Default::default());
    let mut group = c.benchmark_group("search_10000");
    group.sample_size(30);
    group.bench_function("build_index", |b| {
        b.iter(|| black_box(SearchIndex::build(bank.questions().iter().map(search_doc)).unwrap()))
    });
    let index = SearchIndex::build(bank.questions().iter().map(search_doc)).unwrap();
    for (name, query) in [
        ("common_word", "failover"),
        ("two_words", "replica failover"),
        ("short_prefix", "ca"),
        ("rare_phrase", "number 9999"),
        ("no_match", "kubernetes"),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(index.search(query, 50).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
