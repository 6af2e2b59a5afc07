use super::*;

#[derive(serde::Deserialize)]
struct Row {
    set: String,
    text: String,
    neg: f64,
    neu: f64,
    pos: f64,
    compound: f64,
}

fn reference() -> Vec<Row> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/vader_reference.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("tests/data/vader_reference.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("reference row"))
        .collect()
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits()
}

#[test]
fn every_reference_row_matches_bit_for_bit() {
    let rows = reference();
    assert_eq!(rows.len(), 24_390);
    let a = Analyzer::default_ref();
    let mut bad = Vec::new();
    for r in &rows {
        let s = a.polarity_scores(&r.text);
        if !(same(s.neg, r.neg)
            && same(s.neu, r.neu)
            && same(s.pos, r.pos)
            && same(s.compound, r.compound))
        {
            bad.push((
                r.set.clone(),
                r.text.chars().take(80).collect::<String>(),
                s,
                r.compound,
            ));
        }
    }
    for b in bad.iter().take(10) {
        eprintln!("{b:?}");
    }
    assert_eq!(bad.len(), 0, "{} of {} rows differ", bad.len(), rows.len());
}

/// The batch path: one `Scorer` (the thread's buffers, looked up once) scores every reference
/// row, long and short, ASCII and not, in turn, bit for bit; a scorer asked for inside another
/// (the thread's buffers are taken) gets buffers of its own and the same scores.
#[test]
fn a_scorer_reusing_its_buffers_matches_every_reference_row() {
    let rows = reference();
    let a = Analyzer::default_ref();
    let bad = a.with_scorer(|outer| {
        (rows.iter().enumerate())
            .filter(|(k, r)| {
                let s = match k % 1000 {
                    0 => a.with_scorer(|inner| inner.polarity_scores(&r.text)),
                    _ => outer.polarity_scores(&r.text),
                };
                !(same(s.neg, r.neg)
                    && same(s.neu, r.neu)
                    && same(s.pos, r.pos)
                    && same(s.compound, r.compound))
            })
            .count()
    });
    assert_eq!(bad, 0, "{bad} of {} rows differ", rows.len());
}

#[test]
fn empty_and_whitespace_give_zeros() {
    let a = Analyzer::default_ref();
    for t in ["", " ", "\t\n", "\u{3000}\u{1c}"] {
        assert_eq!(a.polarity_scores(t), Scores::default());
    }
}

#[test]
fn known_values() {
    let a = Analyzer::default_ref();
    let s = a.polarity_scores("VADER is smart, handsome, and funny.");
    assert_eq!(
        s,
        Scores {
            neg: 0.0,
            neu: 0.254,
            pos: 0.746,
            compound: 0.8316
        }
    );
}

#[test]
fn long_but_text_is_linear_and_matches_short_rule() {
    // The >64-token path of the "but" rule must agree with the direct one.
    let a = Analyzer::default_ref();
    let text = "good bad great but awful nice good ".repeat(20);
    let toks_n = text.split_whitespace().count();
    assert!(toks_n > 64);
    let s = a.polarity_scores(&text);
    assert!(s.compound > -1.0 && s.compound <= 1.0);
    let mut sent_a: Vec<f64> = (0..toks_n).map(|i| ((i % 7) as f64) - 3.0).collect();
    let mut sent_b = sent_a.clone();
    // "but" at position 9.
    let bi = 9;
    let mut vals: Vec<(usize, f64)> = sent_a.iter().copied().enumerate().collect();
    but_check(bi, &mut vals);
    sent_a = vals.iter().map(|v| v.1).collect();
    // Direct simulation of Python's loop.
    for k in 0..toks_n {
        let v = sent_b[k];
        let si = sent_b.iter().position(|&x| x == v).unwrap_or(k);
        if si < bi {
            sent_b[si] = v * 0.5;
        } else if si > bi {
            sent_b[si] = v * 1.5;
        }
    }
    assert_eq!(sent_a, sent_b);
}

#[test]
fn lexicon_errors_name_source_line_and_reason() {
    let e = Analyzer::parse_lexicon("good\t1.9\nbad\tx\n", "my.txt").unwrap_err();
    assert!(
        e.message.contains("my.txt") && e.message.contains("line 2"),
        "{e}"
    );
    let e = Analyzer::parse_lexicon("good\n", "f").unwrap_err();
    assert!(e.message.contains("line 1"), "{e}");
    let e = Analyzer::parse_lexicon("x\tnan\n", "f").unwrap_err();
    assert!(e.message.contains("finite"), "{e}");
}

#[test]
fn update_lexicon_overrides() {
    let mut a = Analyzer::default_ref().clone();
    let before = a.polarity_scores("the zorblax was here");
    assert_eq!(before.compound, 0.0);
    a.update_lexicon(&[("zorblax".to_string(), 2.0)]);
    assert!(a.polarity_scores("the zorblax was here").compound > 0.0);
    assert_eq!(
        a.lexicon().len(),
        Analyzer::default_ref().lexicon().len() + 1
    );
}

#[test]
fn analyzer_is_sync() {
    fn is_sync<T: Sync + Send>() {}
    is_sync::<Analyzer>();
}

#[test]
fn python_case_semantics() {
    // U+0295 is Lowercase in Python 3.11 (Unicode 14) but not in newer Unicode.
    assert!(!py_isupper("A\u{295}"));
    assert!(py_isupper("ABC1"));
    assert!(!py_isupper("123"));
    assert!(!py_isupper("A\u{1C5}")); // title-case letter
    assert_eq!(py_lower("\u{A7CB}X"), "\u{A7CB}x");
    assert_eq!(py_lower("ΟΔΟΣ"), "οδος");
    let toks: Vec<&str> = PySplit::new("a\u{1c}b\u{a0}c\u{200b}d  e").collect();
    assert_eq!(toks, ["a", "b", "c\u{200b}d", "e"]);
}

#[test]
fn keys_longer_than_a_table_word_and_upper_case_tokens() {
    // Keys over 32 bytes live outside the inline table; both must be found from any case.
    let mut a = Analyzer::default_ref().clone();
    let long = format!("{}zorb", "a".repeat(40));
    a.update_lexicon(&[(long.clone(), 2.0), ("bigword".to_string(), -1.5)]);
    for text in [
        format!("the {} here", long.to_uppercase()),
        format!("the {long}. here"),
        format!("({long}) here"),
    ] {
        assert!(a.polarity_scores(&text).compound > 0.0, "{text}");
    }
    // « and » are not in string.punctuation: the token keeps them and matches nothing.
    assert_eq!(a.polarity_scores(&format!("«{long}» here")).compound, 0.0);
    assert!(a.polarity_scores("so BIGWORD!").compound < 0.0);
    assert!(a.polarity_scores("bigword").compound < 0.0);
    assert_eq!(a.polarity_scores("bigwordy").compound, 0.0);
}

/// Each token's record the way VADER makes it, one string operation at a time and sharing no
/// code with the scans: `str.split()`, `strip(string.punctuation)` (kept whole when that
/// leaves two characters or fewer), `lower()`, the lookup, `"n't" in`, `isupper()`.
fn oracle_tokens(a: &Analyzer, text: &str) -> Vec<Tok> {
    PySplit::new(text)
        .map(|raw| {
            let stripped = raw.trim_matches(|c: char| c.is_ascii_punctuation());
            let word = match stripped.chars().count() <= 2 {
                true => raw,
                false => stripped,
            };
            let lower = py_lower(word);
            let info = a.words.get(lower.as_bytes());
            let t = info.token(info.negate() || lower.contains("n't"), py_isupper(word));
            Tok {
                flags: t.flags,
                id: t.id,
            }
        })
        .collect()
}

/// The ASCII fast path (masks from one scan) and the general path (`str.split()`,
/// `strip(string.punctuation)`, `lower()` per token) give the same token records, and the
/// records VADER's string operations give ([`oracle_tokens`]).
fn same_tokens_both_paths(text: &str) {
    let a = Analyzer::default_ref();
    let (mut fast, mut slow) = (Scratch::default(), Scratch::default());
    let marks = a.tokens_ascii(text.as_bytes(), &mut fast);
    assert_eq!(marks.map(|m| m.apos), Some(text.contains('\'')), "{text:?}");
    assert_eq!(
        fast.toks[..fast.n_toks],
        oracle_tokens(a, text)[..],
        "{text:?}"
    );
    a.tokens_unicode(text, &mut slow);
    assert_eq!(fast.n_toks, slow.n_toks, "{text:?}");
    assert_eq!(
        fast.toks[..fast.n_toks],
        slow.toks[..slow.n_toks],
        "{text:?}"
    );
    assert_eq!(fast.lex(), slow.lex(), "{text:?}");
    assert_eq!(fast.flags_any, slow.flags_any, "{text:?}");
    assert_eq!(fast.flags_all, slow.flags_all, "{text:?}");
    // The first "but" and whether some but not all tokens are upper case, from the OR and
    // AND of the flags, as the token records themselves say.
    let toks = &fast.toks[..fast.n_toks];
    let but = toks.iter().position(|t| t.flags & table::BUT != 0);
    assert_eq!(fast.first_but(), but, "{text:?}");
    let n_upper = toks.iter().filter(|t| t.upper()).count();
    assert_eq!(
        fast.flags_any & table::UPPER != 0 && fast.flags_all & table::UPPER == 0,
        n_upper > 0 && n_upper < toks.len(),
        "{text:?}"
    );
    assert_eq!(
        marks.map(|m| (m.ep, m.qm)),
        Some(count_punct(text)),
        "{text:?}"
    );
}

#[test]
fn ascii_scan_matches_the_general_path_on_edge_cases() {
    let long = "x".repeat(70);
    for text in [
        "",
        "   ",
        "a",
        "Don't STOP!? ok... (no) \x01ctl\x01 tab\there\x0bvt\x1cfs",
        "'' ''' a' 'ab' 'abc' !!! ?? I'M NOT sure",
        &format!("{long} ,{long}, ..ab.. NOT!!"),
        "kind of GREAT, but not the shit; you're nOt bad",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa good",
        "12345 67 !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    ] {
        same_tokens_both_paths(text);
    }
}

#[test]
fn ascii_scan_matches_at_every_token_length_and_place() {
    // The scan reads a token's first 16 bytes as two words: lengths around 8 and 16, tokens
    // that end the text, stripped punctuation on either side, upper case and "n't" (looked for
    // only when the text has an apostrophe) all take different branches.
    for len in 1..=40 {
        let word: String = "Goodn'tGREATbadkindof".chars().cycle().take(len).collect();
        let lower = word.to_lowercase();
        let upper = word.to_uppercase();
        for w in [&word, &lower, &upper] {
            // One mark after a word ("said," "today.") has a path of its own.
            let marks = [("", ""), ("(", ")"), ("", "..."), ("\"", ""), ("''", "!?")];
            let one_after = [("", ","), ("", "'"), ("", "."), ("(", ","), ("", "!,")];
            for (pre, post) in marks.into_iter().chain(one_after) {
                let tok = format!("{pre}{w}{post}");
                for text in [
                    tok.clone(),
                    format!("a {tok}"),
                    format!("{tok} b"),
                    format!("x  {tok}\t{tok}  y"),
                    format!("it's {tok}"),
                    format!("{tok}\x01{tok} end"),
                ] {
                    same_tokens_both_paths(&text);
                }
            }
        }
    }
}

proptest::proptest! {
    #[test]
    fn ascii_scan_matches_the_general_path(
        text in "([a-zA-Z'!?.,;:()\\-]{0,12}|[ \t\n\x0b\x0c\r\x1c-\x1f\x01]{1,3}|NOT|n't|good|GREAT|but|kind of){0,40}"
    ) {
        same_tokens_both_paths(&text);
    }

    #[test]
    fn ascii_scan_matches_on_any_ascii(bytes in proptest::collection::vec(0u8..0x80, 0..300)) {
        let text = String::from_utf8(bytes).unwrap_or_default();
        same_tokens_both_paths(&text);
    }
}

#[test]
fn custom_words_of_every_length_are_found_in_any_case_on_both_paths() {
    // Keys of 1..=40 bytes live in four different tables (1-8, 9-16, 17-32, longer).
    let mut a = Analyzer::default_ref().clone();
    let words: Vec<String> = (1..=40)
        .map(|n| format!("{}q", &"zx".repeat(n)[..n - 1]))
        .collect();
    let entries: Vec<(String, f64)> = words.iter().map(|w| (w.clone(), 2.0)).collect();
    a.update_lexicon(&entries);
    for w in &words {
        for text in [
            format!("it was {w} here"),
            format!("it was {} here", w.to_uppercase()),
            // Stripping that leaves 2 bytes or fewer keeps the token whole (VADER's rule).
            match w.len() > 2 {
                true => format!("it was ({w}) here"),
                false => format!("it was {w} here"),
            },
            format!("it was {w} caf\u{e9}"),
            format!("it was {} caf\u{e9}", w.to_uppercase()),
        ] {
            assert!(a.polarity_scores(&text).compound > 0.0, "{text}");
        }
        // One byte more matches nothing ("qq" is a VADER word; "qj" is not).
        let near = format!("it was {w}j here");
        assert_eq!(a.polarity_scores(&near).compound, 0.0, "{near}");
    }
}

/// The word table against the `phf` crate, measured (the numbers are in `lexicon/word_table.rs`): every
/// lexicon word in a map the way `phf::Map` holds and searches it (`phf_generator` builds
/// what `phf_codegen` would write out at build time; a lookup is then `phf::Map::get`'s own
/// steps: SipHash-1-3 of the key bytes, the displacement, one entry, a byte comparison), and
/// both asked for every token of the reference texts, lower-cased and stripped as VADER does:
/// the table with the token as the scan holds it (one or two words, zero-padded), `phf` with
/// its bytes. Both must give the same answers; the time of each is printed, not asserted (for
/// instruction counts, run the test binary under callgrind: each lookup is a function).
#[test]
#[ignore = "a measurement: cargo test --release --lib word_table_against_phf -- --ignored --nocapture"]
fn word_table_against_phf() {
    let a = Analyzer::default_ref();
    let lexicon: Vec<(&[u8], f64)> = a
        .lexicon()
        .iter()
        .map(|(k, v)| (k.as_bytes(), *v))
        .collect();
    let keys: Vec<&[u8]> = lexicon.iter().map(|e| e.0).collect();
    let state = phf_generator::generate_hash(&keys);
    let entries: Vec<(&[u8], f64)> = state.map.iter().map(|&i| lexicon[i]).collect();
    let phf = PhfMap {
        key: state.key,
        disps: &state.disps,
        entries: &entries,
    };
    // Tokens of at most 16 bytes (all but a few hundred), in one buffer, with their words.
    let mut bytes = Vec::new();
    let mut tokens: Vec<(usize, usize, [u64; 2])> = Vec::new();
    for r in reference() {
        for raw in PySplit::new(&r.text) {
            let stripped = raw.trim_matches(|c: char| c.is_ascii_punctuation());
            let word = if stripped.chars().count() <= 2 {
                raw
            } else {
                stripped
            };
            let lower = py_lower(word).into_bytes();
            if lower.len() <= 16 {
                bytes.extend_from_slice(&lower);
                let words = crate::lexicon::word_table::words_of::<2>(&lower);
                tokens.push((bytes.len() - lower.len(), bytes.len(), words));
            }
        }
    }
    let mut found = 0;
    for &(s, e, w) in &tokens {
        let ours = table_lookup(&a.words, &w, e - s);
        assert_eq!(phf_lookup(&phf, &bytes[s..e]), ours, "{:?}", &bytes[s..e]);
        found += usize::from(ours.is_some());
    }
    assert!(found > tokens.len() / 20, "{found} of {}", tokens.len());
    let time = |get: &Lookup<'_>| {
        let mut best = f64::INFINITY;
        for _ in 0..15 {
            let start = std::time::Instant::now();
            let sum: f64 = tokens
                .iter()
                .filter_map(|(s, e, w)| get(*s, *e, std::hint::black_box(w)))
                .sum();
            std::hint::black_box(sum);
            best = best.min(start.elapsed().as_secs_f64());
        }
        best * 1e9 / tokens.len() as f64
    };
    let ours = time(&|s, e, w| table_lookup(&a.words, w, e - s));
    let theirs = time(&|s, e, _| phf_lookup(&phf, &bytes[s..e]));
    println!(
        "{} tokens ({found} lexicon words): word table {ours:.1} ns/lookup, phf {theirs:.1} \
         ns/lookup ({:.2}x)",
        tokens.len(),
        theirs / ours
    );
}

/// One lookup of a token in the timing loop of `word_table_against_phf`: its start and end in
/// the token buffer, its words.
type Lookup<'a> = dyn Fn(usize, usize, &[u64; 2]) -> Option<f64> + 'a;

/// A `phf::Map<&[u8], f64>` as `phf_codegen` writes it.
struct PhfMap<'a> {
    key: phf_shared::HashKey,
    disps: &'a [(u32, u32)],
    entries: &'a [(&'a [u8], f64)],
}

/// `phf::Map::get` (phf 0.13), step for step.
#[inline(never)]
fn phf_lookup(m: &PhfMap<'_>, w: &[u8]) -> Option<f64> {
    let hashes = phf_shared::hash(w, &m.key);
    let index = phf_shared::get_index(&hashes, m.disps, m.entries.len());
    let (k, v) = m.entries[index as usize];
    (k == w).then_some(v)
}

/// The word table's lookup as the scan makes it: the token's zero-padded words.
#[inline(never)]
fn table_lookup(t: &WordRecords, w: &[u64; 2], len: usize) -> Option<f64> {
    let info = match len <= 8 {
        true => t.get_short(w[0], len),
        false => t.get_medium(w, len),
    };
    (info.flags & table::IN_LEX != 0).then_some(info.valence)
}

/// A word's record with its key length is 16 bytes, so a one-word slot of the word table is
/// 24, as before the table was made generic (a third more cache for every lookup otherwise).
#[test]
fn word_record_is_16_bytes() {
    assert_eq!(std::mem::size_of::<table::Rec>(), 16);
}

/// A scan into buffers too small for its tokens (which `make_room` rules out) still counts
/// every token, says it did not fit, and fits once there is room for that count.
#[test]
fn token_writer_counts_past_its_room() {
    let word = Info {
        valence: 1.5,
        flags: table::IN_LEX,
        id: W::Other,
    };
    let mut sc = Scratch::default();
    sc.room_for(2);
    let counts = {
        let mut w = TokenWriter::new(&mut sc.toks[..2], &mut sc.lex[..2]);
        for _ in 0..3 {
            w.push(word);
        }
        w.finish()
    };
    assert_eq!((counts.toks, counts.lex), (3, 3));
    sc.toks.truncate(2);
    sc.lex.truncate(2);
    assert!(!sc.fits(&counts));
    sc.room_for(counts.toks);
    assert!(sc.fits(&counts));
    assert_eq!(sc.toks.len(), 3);
    assert_eq!(sc.lex.len(), 3);
}

/// Scores of `text` with and without the shortcuts that skip the rules (see `score_with`),
/// as bits.
fn both_ways(a: &Analyzer, text: &str, sc: &mut Scratch) -> [[u64; 4]; 2] {
    let bits = |s: Scores| [s.neg, s.neu, s.pos, s.compound].map(f64::to_bits);
    [
        bits(a.score_with::<true>(text, sc)),
        bits(a.score_with::<false>(text, sc)),
    ]
}

/// The shortcuts (a text with no token that stirs a rule; a word with none in its window)
/// give what every rule gives: for every three words in a row, alone and among fillers,
/// from every named word, lexicon words, boosters, negations and capitals, and on every
/// reference row.
#[test]
fn rule_shortcuts_equal_the_rules() {
    let a = Analyzer::default_ref();
    let mut sc = Scratch::default();
    let mut vocab: Vec<&str> = NAMED.iter().map(|&(w, _)| w).collect();
    vocab.extend([
        "good",
        "GOOD",
        "sad",
        "extremely",
        "slightly",
        "not",
        "isn't",
        "THE",
        "NO",
        "house",
        "But",
    ]);
    let mut seen = 0;
    for x in &vocab {
        for y in &vocab {
            for z in &vocab {
                for text in [
                    format!("{x} {y} {z}"),
                    format!("nice {x} {y} {z} and so on, all fine"),
                    format!("we {x} {y} {z} ok"),
                ] {
                    let [fast, full] = both_ways(a, &text, &mut sc);
                    assert_eq!(fast, full, "{text:?}");
                    seen += usize::from(fast != [0, 0, 0, 0]);
                }
            }
        }
    }
    assert!(seen > 0);
    for r in reference() {
        let [fast, full] = both_ways(a, &r.text, &mut sc);
        assert_eq!(fast, full, "{:?}", r.text);
    }
}

/// Every NEGATE word is a negated token in any case, on each scan path (ASCII text without
/// an apostrophe, with one, and non-ASCII text): the scans take the NEG flag of such a word
/// from the word table, and add it themselves only for "n't".
#[test]
fn negate_words_are_negated_tokens_on_every_path() {
    let a = Analyzer::default_ref();
    for &w in NEGATE {
        for word in [w.to_string(), w.to_uppercase()] {
            for text in [
                format!("so {word} good"),
                format!("it's {word} good"),
                format!("caf\u{e9} {word} good"),
            ] {
                let mut sc = Scratch::default();
                match sc.pad(text.as_bytes()) {
                    Some(marks) => a.tokens_padded(text.len(), marks.apos, &mut sc),
                    None => a.tokens_unicode(&text, &mut sc),
                }
                assert!(sc.toks[1].neg(), "{text:?}: {:?}", sc.toks[1]);
                assert!(!sc.toks[2].neg(), "{text:?}");
            }
        }
    }
}
