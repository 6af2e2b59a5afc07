//! Run one engine stage over a JSON-lines file of articles (`{"text": ...}` per line), for
//! profiling with callgrind or `perf` (the Python layer left out):
//!
//!     cargo build --release --example profile_pipeline
//!     valgrind --tool=callgrind target/release/examples/profile_pipeline attributions \
//!         < ../shared/newsdev/attributions_dev.jsonl
//!
//! Stages: `split`, `quotes` (split + quote analysis), `attributions` (split + attributions),
//! `tables` (one article's table rows, as `analyze` builds them). Prints a checksum so the
//! work is not optimised away. The stage runs twice over all the articles: a warm-up (the word
//! lists are built on first use), then the pass to measure, in `measured_pass`
//! (`valgrind --tool=callgrind --toggle-collect='profile_pipeline::measured_pass' …`).

use std::io::BufRead;

use presslens::{attributions, quotes, segment, tables};
use serde_json::Value;

fn main() {
    let stage = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "attributions".into());
    let texts: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<Value>(&l).ok())
        .filter_map(|d| d["text"].as_str().map(str::to_string))
        .collect();
    run_pass(&stage, &texts);
    let sum = measured_pass(&stage, &texts);
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{stage}: {} texts, {bytes} bytes, checksum {sum}",
        texts.len()
    );
}

/// The stage over every text; returns the checksum.
fn run_pass(stage: &str, texts: &[String]) -> usize {
    let mut sum = 0usize;
    for text in texts {
        sum += match stage {
            "split" => segment::split(text).len(),
            "quotes" => quotes::analyze(text, &segment::split(text)).quotes.len(),
            "attributions" => attributions::extract(text, &segment::split(text))
                .attributions
                .len(),
            "tables" => tables::analyze_doc(text).attributions.len(),
            other => {
                eprintln!("unknown stage {other:?}: split, quotes, attributions or tables");
                std::process::exit(2);
            }
        };
    }
    sum
}

#[inline(never)]
fn measured_pass(stage: &str, texts: &[String]) -> usize {
    run_pass(stage, texts)
}
