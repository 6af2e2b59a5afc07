//! `cluster_quotes` on a few thousand synthetic quotes: real quotes from the gold fixtures,
//! edited copies of them (the same remark worded differently) and unrelated remarks.
//! `scripts/benchmark_cluster.py` measures the 10k / 100k / 1M sizes.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn real_quotes() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quotes_gold.jsonl");
    let data = std::fs::read_to_string(path).expect("tests/data/quotes_gold.jsonl");
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .flat_map(|doc| {
            doc["quotes"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|q| q["text"].as_str().map(str::to_string))
        })
        .collect()
}

/// Deterministic pseudo-random numbers (no rand dependency for a benchmark).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

const FILLER: &[&str] = &[
    "the", "council", "voted", "budget", "water", "school", "road", "we", "will", "never", "agree",
    "plan", "tax", "they", "said", "people", "deserve", "better", "than", "this", "harbor",
    "season", "report", "numbers", "clear", "tomorrow", "county", "shelter",
];

/// `n` quotes: a third edited copies of real quotes, the rest unrelated remarks with
/// long-tail words, so most quotes are singletons as in a real corpus.
fn synthetic(n: usize) -> Vec<String> {
    let real = real_quotes();
    let mut rng = Lcg(42);
    (0..n)
        .map(|i| {
            if i % 3 == 0 && !real.is_empty() {
                let base = &real[rng.next(real.len())];
                let mut words: Vec<String> = base.split_whitespace().map(str::to_string).collect();
                match rng.next(4) {
                    0 if words.len() > 3 => {
                        let k = rng.next(words.len());
                        words.remove(k);
                    }
                    1 => {
                        for w in &mut words {
                            *w = w.replace('’', "'").replace("there's", "there is");
                        }
                    }
                    2 => {
                        if let Some(w) = words.first_mut() {
                            *w = w.to_lowercase();
                        }
                    }
                    _ => {}
                }
                words.join(" ")
            } else {
                let len = 6 + rng.next(20);
                let mut s: Vec<String> = (0..len)
                    .map(|_| FILLER[rng.next(FILLER.len())].to_string())
                    .collect();
                s.push(format!("item{}", rng.next(n * 4)));
                s.join(" ")
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("compare");
    g.sample_size(10);
    for n in [1_000usize, 5_000] {
        let texts = synthetic(n);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("cluster_quotes/{n}"), |b| {
            b.iter(|| presslens::compare::cluster_quotes(black_box(&refs), None))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
