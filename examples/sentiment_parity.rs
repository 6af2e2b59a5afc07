//! Parity on tests/data/vader_reference.jsonl (vaderSentiment 3.3.2 output) of presslens and of
//! the crates.io ports `vader_sentiment` 0.1.1 and `vader-parity` 0.1.0.
//!
//!     cargo run --release --example sentiment_parity

use presslens::sentiment::{py_round, Analyzer};

#[derive(serde::Deserialize)]
struct Row {
    text: String,
    neg: f64,
    neu: f64,
    pos: f64,
    compound: f64,
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/vader_reference.jsonl"
    );
    let data = std::fs::read_to_string(path).expect("tests/data/vader_reference.jsonl");
    let rows: Vec<Row> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("row"))
        .collect();
    let exact = |r: &Row, s: [f64; 4]| {
        [r.neg, r.neu, r.pos, r.compound]
            .iter()
            .zip(s)
            .all(|(a, b)| a.to_bits() == b.to_bits() || (*a == 0.0 && b == 0.0))
    };

    let ours = Analyzer::default_ref();
    let bad_ours = rows
        .iter()
        .filter(|r| {
            let s = ours.polarity_scores(&r.text);
            !exact(r, [s.neg, s.neu, s.pos, s.compound])
        })
        .count();

    let vs = vader_sentiment::SentimentIntensityAnalyzer::new();
    let mut bad_vs = 0;
    let mut bad_vs_compound = 0;
    let mut worst: f64 = 0.0;
    for r in &rows {
        let s = vs.polarity_scores(&r.text);
        let g = |k: &str| s.get(k).copied().unwrap_or(f64::NAN);
        // The crate does not round; round as vaderSentiment does before comparing.
        let got = [
            py_round(g("neg"), 3),
            py_round(g("neu"), 3),
            py_round(g("pos"), 3),
            py_round(g("compound"), 4),
        ];
        if got[3].to_bits() != r.compound.to_bits() && !(got[3] == 0.0 && r.compound == 0.0) {
            bad_vs_compound += 1;
        }
        if !exact(r, got) {
            bad_vs += 1;
            worst = worst.max((got[3] - r.compound).abs());
        }
    }

    let vp = vader_parity::SentimentIntensityAnalyzer::new();
    let bad_vp = rows
        .iter()
        .filter(|r| {
            let s = vp.polarity_scores(&r.text);
            !exact(r, [s.neg, s.neu, s.pos, s.compound])
        })
        .count();

    let n = rows.len();
    println!("reference rows: {n} (vaderSentiment 3.3.2; -0.0 counts as 0.0 here)");
    println!("presslens              mismatches: {bad_ours}");
    println!("vader_sentiment 0.1.1  mismatches: {bad_vs} (after rounding like vaderSentiment; max |compound diff| {worst:.4})");
    println!("vader_sentiment 0.1.1  compound mismatches: {bad_vs_compound}");
    println!("vader-parity 0.1.0     mismatches: {bad_vp}");
}
