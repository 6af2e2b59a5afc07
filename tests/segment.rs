//! Sentence splitting against the gold fixtures, plus property tests.

use presslens::segment::{is_space, split};
use presslens::Span;
use proptest::prelude::*;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn sents(text: &str) -> Vec<&str> {
    split(text).iter().map(|s| s.of(text)).collect()
}

/// Byte offset of every code-point offset (gold offsets are Python str indexes).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn gold() -> Vec<(String, String, Vec<Span>)> {
    let raw = std::fs::read_to_string(format!("{ROOT}/tests/data/sentences_gold.jsonl")).unwrap();
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let doc = v["doc"].as_str().unwrap().to_string();
            let text = std::fs::read_to_string(format!("{ROOT}/examples/articles/{doc}")).unwrap();
            let bo = byte_offsets(&text);
            let spans = v["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    let s = p[0].as_u64().unwrap() as usize;
                    let e = p[1].as_u64().unwrap() as usize;
                    Span::new(bo[s], bo[e])
                })
                .collect();
            (doc, text, spans)
        })
        .collect()
}

#[test]
fn gold_span_f1() {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (doc, text, want) in gold() {
        let got = split(&text);
        let ws: std::collections::HashSet<_> = want.iter().collect();
        let gs: std::collections::HashSet<_> = got.iter().collect();
        for s in &got {
            if !ws.contains(s) {
                eprintln!("{doc} extra: {:?}", s.of(&text));
            }
        }
        for s in &want {
            if !gs.contains(s) {
                eprintln!("{doc} missed: {:?}", s.of(&text));
            }
        }
        tp += got.iter().filter(|s| ws.contains(s)).count();
        np += got.len();
        ng += want.len();
    }
    let p = tp as f64 / np as f64;
    let r = tp as f64 / ng as f64;
    let f1 = 2.0 * p * r / (p + r);
    eprintln!("gold: P={p:.4} R={r:.4} F1={f1:.4}");
    assert!(f1 >= 0.98, "F1 {f1}");
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn golden_rules() {
    let raw = std::fs::read_to_string(format!("{ROOT}/tests/data/golden_rules_en.json")).unwrap();
    let rules: Value = serde_json::from_str(&raw).unwrap();
    let mut pass = 0;
    let mut total = 0;
    for r in rules.as_array().unwrap() {
        total += 1;
        let text = r["text"].as_str().unwrap();
        let want: Vec<String> = r["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| norm(s.as_str().unwrap()))
            .collect();
        let got: Vec<String> = sents(text).into_iter().map(norm).collect();
        if got == want {
            pass += 1;
        } else {
            eprintln!("rule {} {}: got {:?}", r["id"], r["name"], got);
        }
    }
    eprintln!("golden rules: {pass}/{total}");
    assert!(pass >= 47, "{pass}/{total}");
}

/// The invariants every split must hold.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let spans = split(text);
    let mut last = 0;
    for s in &spans {
        prop_assert!(s.start >= last, "not sorted/disjoint: {:?}", spans);
        prop_assert!(s.end > s.start, "empty span");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = s.of(text);
        prop_assert!(
            !t.starts_with(is_space) && !t.ends_with(is_space),
            "untrimmed {t:?}"
        );
        // The gap before this span is whitespace only.
        prop_assert!(text[last..s.start].chars().all(is_space), "uncovered text");
        last = s.end;
    }
    prop_assert!(text[last..].chars().all(is_space), "uncovered tail");
    Ok(())
}

/// Strings built from the pieces the splitter reacts to.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        ".",
        "!",
        "?",
        "…",
        "...",
        ". . .",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\u{a0}",
        "\u{2028}",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        "Mr",
        "U.S",
        "a.m",
        "Inc",
        "No",
        "A",
        "I",
        "b",
        "The",
        "word",
        "Trump",
        "1",
        "2",
        "2.",
        "1)",
        "•",
        "⁃",
        "—",
        "--",
        "@x",
        "https://a.b/c",
        "ANCHORAGE, Alaska",
        "KYIV",
        "(AP)",
        "é",
        "😀",
        "\u{301}",
        "\u{1c}",
        "\t",
        "said",
        "asked",
        "Credit",
        "\u{fffd}",
        "$",
        "%",
        ",",
        ":",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_on_newsy_text(text in newsy()) {
        check_invariants(&text)?;
    }

    #[test]
    fn invariants_on_any_unicode(text in any::<String>()) {
        check_invariants(&text)?;
    }

    #[test]
    fn splitting_is_deterministic_and_local_to_lines(a in newsy(), b in newsy()) {
        // A line break is a hard boundary: the sentences of "a\nb" are those of a and of b.
        let joined = format!("{a}\n{b}");
        let want: Vec<String> = sents(&a).into_iter().chain(sents(&b)).map(String::from).collect();
        let got: Vec<String> = sents(&joined).into_iter().map(String::from).collect();
        prop_assert_eq!(got, want);
    }
}

/// Throughput of the Rust splitter alone: `cargo test --release --test segment -- --ignored
/// --nocapture` (the criterion bench in benches/segment.rs is the careful measurement).
#[test]
#[ignore]
fn throughput() {
    let text: String = gold()
        .into_iter()
        .map(|(_, t, _)| t)
        .collect::<Vec<_>>()
        .join("\n\n")
        .repeat(100);
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        n += split(&text).len();
    }
    let secs = t0.elapsed().as_secs_f64() / 5.0;
    eprintln!(
        "split: {:.1} MB/s ({} sentences)",
        text.len() as f64 / 1e6 / secs,
        n / 5
    );
    // The Rust side of split_sentences_batch: one task per article.
    use rayon::prelude::*;
    let arts: Vec<String> = gold().into_iter().map(|(_, t, _)| t).collect();
    let corpus: Vec<&str> = arts.iter().map(String::as_str).cycle().take(1000).collect();
    let mb = corpus.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let mut rates = vec![];
    for threads in [1usize, 2] {
        let t0 = std::time::Instant::now();
        for _ in 0..5 {
            presslens::with_threads(Some(threads), || {
                corpus.par_iter().map(|t| split(t).len()).sum::<usize>()
            });
        }
        let rate = mb * 5.0 / t0.elapsed().as_secs_f64();
        eprintln!("batch threads={threads}: {rate:.1} MB/s");
        rates.push(rate);
    }
    eprintln!(
        "rust batch scaling 2/1 threads: {:.2}x",
        rates[1] / rates[0]
    );
}

proptest! {
    #[test]
    fn char_spans_match_char_indices(text in newsy()) {
        let spans = split(&text);
        let got = presslens::offsets::char_spans_sorted(&text, &spans);
        let cp = |b: usize| text[..b].chars().count();
        let want: Vec<(usize, usize)> = spans.iter().map(|s| (cp(s.start), cp(s.end))).collect();
        prop_assert_eq!(got, want);
    }
}
