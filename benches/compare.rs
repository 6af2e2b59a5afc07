//! `cluster_quotes` on a few thousand synthetic quotes (remarks made from the gold fixtures'
//! quotes, each quoted a few times with edits). `scripts/benchmark_compare.py` measures the
//! 10k / 100k / 1M sizes; here 1k vs 5k shows the growth at a glance, and `link_speakers` on
//! many different people who share a surname shows it is not quadratic.

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

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ven", "mar", "tik", "so", "ber", "gra", "dan", "ov", "ski", "ton", "ell", "ra",
    "mi", "zu", "pe", "hal", "dor", "in", "us", "ak", "le", "wen",
];

/// `n` quotes, as `scripts/benchmark_compare.py` makes them: distinct remarks from real quotes
/// with about half their words replaced (vocabulary of the quotes, a fifth long-tail names
/// and numbers), each quoted 1 to 8 times with the edits outlets make (a dropped word,
/// contractions, case), so there are many remarks of a few copies each, as in a corpus.
fn synthetic(n: usize) -> Vec<String> {
    let real = real_quotes();
    let vocab: Vec<String> = {
        let mut v: Vec<String> = real
            .iter()
            .flat_map(|q| q.split_whitespace().map(str::to_string))
            .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() >= 3)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let mut rng = Lcg(42);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let base = &real[rng.next(real.len())];
        let words: Vec<String> = base
            .split_whitespace()
            .map(|w| {
                if rng.next(2) == 0 {
                    w.to_string()
                } else if rng.next(5) == 0 {
                    if rng.next(3) == 0 {
                        (2 + rng.next(99_998)).to_string()
                    } else {
                        (0..2 + rng.next(3))
                            .map(|_| SYLLABLES[rng.next(SYLLABLES.len())])
                            .collect()
                    }
                } else {
                    vocab[rng.next(vocab.len())].clone()
                }
            })
            .collect();
        let copies = 1 + rng.next(8);
        for _ in 0..copies {
            let mut ws = words.clone();
            match rng.next(4) {
                0 if ws.len() > 3 => {
                    let k = rng.next(ws.len());
                    ws.remove(k);
                }
                1 => {
                    for w in &mut ws {
                        *w = w.replace('’', "'");
                    }
                }
                2 => {
                    if let Some(w) = ws.first_mut() {
                        *w = w.to_lowercase();
                    }
                }
                _ => {}
            }
            out.push(ws.join(" "));
        }
    }
    out.truncate(n);
    out
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
    // Many different people sharing one surname: candidate pairs come from first-name
    // indexes, so 10k -> 40k should grow about 4x, not 16x.
    for n in [10_000usize, 40_000] {
        let labels: Vec<String> = (0..n)
            .map(|i| {
                let l: String = (0..4u32)
                    .map(|k| char::from(b'a' + ((i / 26usize.pow(k)) % 26) as u8))
                    .collect();
                format!("{}{l} Smith", l.to_uppercase())
            })
            .collect();
        let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("link_speakers_one_surname/{n}"), |b| {
            b.iter(|| presslens::compare::names::link_speakers(black_box(&refs), None, None))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
