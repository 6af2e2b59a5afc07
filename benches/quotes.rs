use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn articles() -> String {
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
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench(c: &mut Criterion) {
    let text = articles();
    let sentences = presslens::segment::split(&text);
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("analyze/five_articles", |b| {
        b.iter(|| presslens::quotes::analyze(black_box(&text), black_box(&sentences)))
    });
    g.bench_function("split+analyze/five_articles", |b| {
        b.iter(|| {
            let s = presslens::segment::split(black_box(&text));
            presslens::quotes::analyze(&text, &s)
        })
    });
    let hostile = "“".repeat(20_000);
    g.bench_function("analyze/20k_unmatched_marks", |b| {
        b.iter(|| presslens::quotes::analyze(black_box(&hostile), &[]))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
