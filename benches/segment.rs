use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;

fn articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("examples/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("article"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let arts = articles();
    let text = arts.join("\n\n");
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("split/five_articles", |b| {
        b.iter(|| presslens::segment::split(black_box(&text)))
    });
    g.bench_function("split+char_offsets/five_articles", |b| {
        b.iter(|| {
            let spans = presslens::segment::split(black_box(&text));
            presslens::offsets::char_spans_sorted(&text, &spans)
        })
    });
    g.finish();

    // The Rust side of split_sentences_batch: one task per article, 1 vs 2 threads.
    let corpus: Vec<&str> = arts.iter().map(String::as_str).cycle().take(500).collect();
    let bytes: usize = corpus.iter().map(|t| t.len()).sum();
    let mut g = c.benchmark_group("segment_batch");
    g.throughput(Throughput::Bytes(bytes as u64));
    for n in [1usize, 2] {
        g.bench_function(format!("threads={n}"), |b| {
            b.iter(|| {
                presslens::with_threads(Some(n), || {
                    corpus
                        .par_iter()
                        .map(|t| presslens::segment::split(t).len())
                        .sum::<usize>()
                })
            })
        });
    }
    g.finish();

    // Pathological inputs (1 MB each) stay linear.
    let mut g = c.benchmark_group("segment_worst_case");
    for (name, unit) in [
        ("quotes", "“"),
        ("dots", "."),
        ("mr", "Mr. "),
        ("word", "a"),
    ] {
        let t = unit.repeat(1_000_000 / unit.len());
        g.throughput(Throughput::Bytes(t.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| presslens::segment::split(black_box(&t)))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
