//! Single-thread throughput of presslens sentiment on the reference texts (pure Rust).
//!
//!     cargo run --release --example sentiment_speed
//!
//! With `--once N`: one pass over the first N texts and nothing printed but the checksum, for
//! an instruction count (`valgrind --tool=callgrind target/release/examples/sentiment_speed
//! --once 2000`; subtract a `--once 0` run for the fixed cost of loading the texts). With
//! `--passes P` as well: P such passes, for CPU time on a loaded machine (`/usr/bin/time -f %U`,
//! minus a `--passes 0` run), which counts only the time the process ran. `--texts PATH`: the
//! texts of another JSON-lines file (a `text` field a line) instead of the reference texts.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let reference = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/vader_reference.jsonl"
    );
    let path = (args.iter().position(|x| x == "--texts"))
        .and_then(|k| args.get(k + 1))
        .map_or(reference, String::as_str);
    let data = std::fs::read_to_string(path).expect("a JSON-lines file of texts");
    let texts: Vec<String> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("row");
            v["text"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let a = presslens::sentiment::Analyzer::default_ref();
    if let Some(n) = args
        .iter()
        .position(|x| x == "--once")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse::<usize>().ok())
    {
        let passes = args
            .iter()
            .position(|x| x == "--passes")
            .and_then(|k| args.get(k + 1))
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1);
        let sink: f64 = (0..passes)
            .flat_map(|_| texts.iter().take(n))
            .map(|s| a.polarity_scores(s).compound)
            .sum();
        println!("checksum {sink:.4}");
        return;
    }
    let mut best = f64::INFINITY;
    let mut sink = 0.0;
    for _ in 0..7 {
        let t = Instant::now();
        for s in &texts {
            sink += a.polarity_scores(s).compound;
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let tokens: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    println!(
        "presslens (Rust, 1 thread): {:.0} texts/s, {:.1} ns/token (checksum {sink:.1})",
        texts.len() as f64 / best,
        best * 1e9 / tokens as f64
    );
}
