//! Spans scored from kept sentence tokens ([`KeptTokens`]) give bit for bit the scores of
//! their text scanned on its own.

use super::*;

fn bits(s: Scores) -> [u64; 4] {
    [s.neg, s.neu, s.pos, s.compound].map(f64::to_bits)
}

/// Every char boundary of `text`.
fn boundaries(text: &str) -> Vec<usize> {
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect()
}

/// Keep `sentences` of `text` and check every span between two char boundaries, alone and
/// as two parts joined, against a fresh scan of its text.
fn check_all_spans(text: &str, sentences: &[Span]) {
    let a = Analyzer::default_ref();
    let mut kept = KeptTokens::default();
    a.with_scorer(|sc| {
        for &s in sentences {
            let got = sc.sentence_scores(text, s, &mut kept);
            assert_eq!(bits(got), bits(a.polarity_scores(&text[s.start..s.end])));
        }
        let at = boundaries(text);
        for (x, &i) in at.iter().enumerate() {
            for &j in &at[x..] {
                let p = Span { start: i, end: j };
                let want = a.polarity_scores(&text[i..j]);
                let got = sc.parts_scores(text, &[p], &kept);
                assert_eq!(bits(got), bits(want), "{:?}", &text[i..j]);
                // Two parts: the span and the text's first sentence.
                let first = sentences[0];
                let joined = format!("{} {}", &text[i..j], &text[first.start..first.end]);
                let got = sc.parts_scores(text, &[p, first], &kept);
                assert_eq!(bits(got), bits(a.polarity_scores(&joined)), "{joined:?}");
            }
        }
    });
}

/// The sentences of `text`: the pieces between '|' marks (dropped from the text).
fn article(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    for (k, piece) in marked.split('|').enumerate() {
        if k % 2 == 1 {
            sentences.push(Span {
                start: text.len(),
                end: text.len() + piece.len(),
            });
        }
        text.push_str(piece);
    }
    (text, sentences)
}

#[test]
fn spans_inside_sentences_score_as_their_text() {
    // Curly marks glued to words, a cut word, caps, negation, "but", boosters, '!' and '?',
    // NBSP, an accented name, sentences with and without white space between them.
    let (text, sentences) = article(
        "|“We did NOT lose,” she said.| |He isn't very happy, but it was GOOD!!|\n\n\
         |Was it “kind of” great?| x |José said\u{a0}“terrible” things…|\
         |Glued:no gap.|",
    );
    check_all_spans(&text, &sentences);
}

#[test]
fn spans_near_emoji_score_as_their_text() {
    // A sentence with an emoji is not kept (its tokens are the descriptions'): spans in it and
    // across it are scanned.
    let (text, sentences) = article("|I love it 😀 really.| |They won “easily”.| |Sad 😢 news!|");
    check_all_spans(&text, &sentences);
}

/// Over every VADER reference text (emoji, accents, emoticons, every rule): the whole text,
/// and the text without its first or last character or both, scored from the kept tokens of
/// the text as one sentence, match a fresh scan.
#[test]
fn reference_texts_cut_at_either_end_score_as_their_text() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/vader_reference.jsonl"
    );
    let rows = std::fs::read_to_string(path).expect("tests/data/vader_reference.jsonl");
    let a = Analyzer::default_ref();
    let mut checked = 0;
    for line in rows.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("reference row");
        let text = row["text"].as_str().expect("text");
        let at = boundaries(text);
        let (Some(&second), Some(&last_but_one)) =
            (at.get(1), at.len().checked_sub(2).and_then(|k| at.get(k)))
        else {
            continue;
        };
        let whole = Span {
            start: 0,
            end: text.len(),
        };
        let mut kept = KeptTokens::default();
        a.with_scorer(|sc| {
            sc.sentence_scores(text, whole, &mut kept);
            for (i, j) in [
                (0, text.len()),
                (second, text.len()),
                (0, last_but_one),
                (second, last_but_one),
            ] {
                if i > j {
                    continue;
                }
                let got = sc.parts_scores(text, &[Span { start: i, end: j }], &kept);
                assert_eq!(
                    bits(got),
                    bits(a.polarity_scores(&text[i..j])),
                    "{:?}",
                    &text[i..j]
                );
                checked += 1;
            }
        });
    }
    assert!(checked > 20_000, "{checked}");
}

/// `count_punct` counts every '!' and '?', wherever the first of either is.
#[test]
fn count_punct_counts_both_marks_anywhere() {
    for (text, want) in [
        ("", (0, 0)),
        ("no marks at all", (0, 0)),
        ("!", (1, 0)),
        ("?", (0, 1)),
        ("what?! really!!", (3, 1)),
        ("?? then !", (1, 2)),
        ("“Why?” she asked — “now!”", (1, 1)),
    ] {
        let bytes = |c: char| text.chars().filter(|&x| x == c).count();
        assert_eq!(want, (bytes('!'), bytes('?')), "{text:?}");
        assert_eq!(count_punct(text), want, "{text:?}");
    }
}

/// `TokenWriter::push_all` (the copy of a part's inside tokens) writes what a push of each
/// token writes: records, lexicon words and counts, with room for them all and without.
#[test]
fn push_all_writes_what_pushes_write() {
    let info = |valence: f64, flags: u8, id: W| Info { valence, flags, id };
    let infos = [
        info(0.0, table::UPPER, W::Other),
        info(1.5, table::IN_LEX, W::Other),
        info(0.0, table::BUT, W::Other),
        info(-2.0, table::IN_LEX | table::UPPER, W::Kind),
        info(0.0, 0, W::Of),
    ];
    let written = |room: usize, all: bool| {
        let mut sc = Scratch::default();
        sc.room_for(room);
        let (toks, lex) = (&mut sc.toks[..room], &mut sc.lex[..room]);
        let mut w = TokenWriter::new(toks, lex);
        w.push(infos[1]);
        match all {
            true => w.push_all(&infos),
            false => infos.iter().for_each(|&i| w.push(i)),
        }
        let c = w.finish();
        let toks: Vec<(u8, W)> = sc.toks[..c.toks.min(room)]
            .iter()
            .map(|t| (t.flags, t.id))
            .collect();
        let lex = sc.lex[..c.lex.min(room)].to_vec();
        (toks, lex, (c.toks, c.lex, c.flags_any, c.flags_all))
    };
    for room in [1, 4, 6, 9] {
        assert_eq!(written(room, true), written(room, false), "room {room}");
    }
    assert_eq!(written(9, true).1, vec![(0, 1.5), (2, 1.5), (4, -2.0)]);
}

/// A cut piece read in place in its text ([`Analyzer::piece_info_in`], whole-word loads that
/// reach past it) gives the record of the piece read from a copy of its own, at every pair of
/// char boundaries: short and long words, glued marks, apostrophes, caps, non-ASCII, and
/// pieces near the text's end (where a load cannot reach past them).
#[test]
fn pieces_read_in_place_as_on_their_own() {
    let a = Analyzer::default_ref();
    let texts = [
        "“We can’t accept this,” she said. It's NOT good; isn't it? (Terrible!)",
        "Extraordinarily wonderful—unbelievably HORRIBLE outcomes,” officials said...",
        "Überraschend gut: “Great” news. don't stop, wouldn't WOULDN'T :) ok",
        "sad",
    ];
    for text in texts {
        let at = boundaries(text);
        for (x, &i) in at.iter().enumerate() {
            for &j in &at[x + 1..] {
                let own = text[i..j].to_string();
                let want = a.piece_info_in(&own, 0, own.len());
                assert_eq!(a.piece_info_in(text, i, j), want, "{:?}", &text[i..j]);
            }
        }
    }
}
