//! Loading and validating banks: the shipped one (target ≤ 20 ms) and a generated 10,000-question one
//! (target ≤ 300 ms). `cargo bench -p archdrill-content`
use archdrill_content::{synthetic, Bank};
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::HashSet;
use std::hint::black_box;

fn shipped(c: &mut Criterion) {
    let diagrams: HashSet<String> = HashSet::new();
    c.bench_function("load_shipped_bank", |b| {
        b.iter(|| black_box(Bank::load(None, &diagrams)))
    });
}

fn generated(c: &mut Criterion) {
    let diagrams: HashSet<String> = HashSet::new();
    let mut group = c.benchmark_group("load_generated");
    group.sample_size(20);
    group.bench_function("10000_questions", |b| {
        b.iter_batched(
            || synthetic::bank_sources(10_000),
            |sources| black_box(Bank::from_sources(sources, &diagrams)),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, shipped, generated);
criterion_main!(benches);
