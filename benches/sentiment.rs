//! presslens sentiment vs the crates.io ports, on the reference texts (one thread), and
//! presslens on a two-thread rayon pool (the core's own scaling, without Python).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn texts() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/vader_reference.jsonl"
    );
    let data = std::fs::read_to_string(path).expect("tests/data/vader_reference.jsonl");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("row");
            v["text"].as_str().unwrap_or_default().to_string()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let mut g = c.benchmark_group("sentiment");
    g.throughput(Throughput::Elements(texts.len() as u64));
    g.sample_size(10);

    let ours = presslens::sentiment::Analyzer::default_ref();
    g.bench_function("presslens", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(ours.polarity_scores(black_box(t)));
            }
        })
    });

    if let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(2).build() {
        use rayon::prelude::*;
        g.bench_function("presslens_2_threads", |b| {
            b.iter(|| {
                pool.install(|| {
                    texts
                        .par_iter()
                        .with_min_len(256)
                        .map(|t| ours.polarity_scores(black_box(t)).compound)
                        .sum::<f64>()
                })
            })
        });
    }

    let vs = vader_sentiment::SentimentIntensityAnalyzer::new();
    g.bench_function("vader_sentiment_0.1.1", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(vs.polarity_scores(black_box(t)));
            }
        })
    });

    let vp = vader_parity::SentimentIntensityAnalyzer::new();
    g.bench_function("vader_parity_0.1.0", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(vp.polarity_scores(black_box(t)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
