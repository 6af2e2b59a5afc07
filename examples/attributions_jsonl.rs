//! Predict attributions for a JSON-lines file of articles (`{"doc_id", "text", ...}` per line,
//! `.gz` not supported: pipe through `zcat`) and print one prediction line per article in the
//! format of newsdev's `score_attributions.py`, with Python `str` offsets.
//!
//!     cargo run --release --example attributions_jsonl < ../shared/newsdev/attributions_dev.jsonl > pred.jsonl
//!
//! The Python route (`scripts/score_attributions_newsdev.py`) is the supported one; this
//! example scores the Rust core before the bindings are built.

use std::io::{BufRead, Write};

use presslens::offsets::CharIndex;
use presslens::{attributions, segment, Span};
use serde_json::{json, Value};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(doc) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let text = doc["text"].as_str().unwrap_or("");
        let found = attributions::extract(text, &segment::split(text));
        let ix = CharIndex::new(text);
        let pair = |s: Option<Span>| match s {
            Some(s) => {
                let (a, b) = ix.span(s);
                (json!(a), json!(b))
            }
            None => (Value::Null, Value::Null),
        };
        let preds: Vec<Value> = found
            .attributions
            .iter()
            .map(|a| {
                let (cs, ce) = pair(Some(a.content));
                let (ss, se) = pair(a.source);
                let (qs, qe) = pair(a.cue);
                json!({
                    "content_start": cs, "content_end": ce,
                    "source_start": ss, "source_end": se,
                    "source_text": a.source.map(|s| s.of(text)),
                    "speaker": a.speaker,
                    "cue_start": qs, "cue_end": qe,
                    "type": a.kind.as_str(),
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "{}",
            json!({"doc_id": doc["doc_id"], "attributions": preds})
        );
    }
}
