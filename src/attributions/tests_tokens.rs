//! Tests of the attribution tokenizer ([`super`]).

use super::super::lexicon::STANCE_CUES;
use super::*;

fn tokens(text: &str) -> Vec<Tok> {
    tokenize(text, &[Span::new(0, text.len())]).0
}

#[test]
fn lower_form_is_to_lowercase() {
    let text = "Said SAID ÉCOLE İstanbul ǅemal Straße ΣΟΦΙΑ \
                Internationalisationsbestrebungen-Überlegungen naïve 2024 O'Brien \
                O\u{2019}NEILL well\u{2010}Known 20,000ABC";
    for t in tokens(text) {
        let w = &text[t.start..t.end];
        assert_eq!(t.lower.as_str(), w.to_lowercase(), "{w}");
        assert!(t.is(&w.to_lowercase()));
    }
}

/// Inner joiners stay in a word only before a letter or digit; doubled marks and dashes
/// are one token; non-ASCII letters are word letters.
#[test]
fn word_boundaries() {
    let text =
        "O'Brien\u{2019}s well\u{2010}known co-op U.S. a--b it's- 3.5% ''ok'' \u{dc}n\u{ef}code.";
    let got: Vec<&str> = tokens(text).iter().map(|t| &text[t.start..t.end]).collect();
    let want = [
        "O'Brien\u{2019}s",
        "well\u{2010}known",
        "co-op",
        "U.S",
        ".",
        "a",
        "--",
        "b",
        "it's",
        "-",
        "3.5",
        "%",
        "''",
        "ok",
        "''",
        "\u{dc}n\u{ef}code",
        ".",
    ];
    assert_eq!(got, want);
}

#[test]
fn punctuation_keeps_its_chars() {
    let text = "A -- B … “C” ''D''";
    let punct: Vec<String> = tokens(text)
        .iter()
        .filter(|t| !t.word)
        .map(|t| t.lower.to_string())
        .collect();
    assert_eq!(punct, ["--", "…", "“", "”", "''", "''"]);
}

/// Every class bit says what a lookup in its word list (or its predicate) says, for every
/// listed word and for words in no list.
#[test]
fn classes_agree_with_the_word_lists() {
    let sets = class_lists();
    let mut words: Vec<&str> = sets.iter().flat_map(|(s, _)| s.iter().copied()).collect();
    words.extend(grammar_words());
    words.extend(STANCE_CUES.iter().flat_map(|k| k.split('_')));
    let others = [
        "ministry",
        "bridge",
        "zzz",
        "",
        "x",
        "'s",
        "talked_about",
        ",",
    ];
    words.extend(others);
    for w in words {
        let got = crate::lexicon::runtime::in_call(|| {
            classes_of(w, crate::lexicon::runtime::call_has_additions())
        });
        for (set, bit) in &sets {
            assert_eq!(got & bit != 0, set.contains(w), "{w:?} bit {bit}");
        }
        for (is, bit) in class_predicates() {
            assert_eq!(got & bit != 0, is(w), "{w:?} bit {bit}");
        }
        let head = STANCE_CUES
            .iter()
            .any(|k| k.split_once('_').is_some_and(|(h, _)| h == w));
        assert_eq!(got & class::PHRASAL_HEAD != 0, head, "{w:?} phrasal head");
    }
}

/// Punctuation is in no word list, so its tokens may carry no class bits.
#[test]
fn no_word_list_holds_punctuation() {
    let sets = class_lists();
    let listed = (sets.iter().flat_map(|(s, _)| s.iter().copied())).chain(grammar_words());
    for w in listed {
        let punct = tokens(w).iter().any(|t| !t.word && t.lower == w);
        assert!(!punct, "{w:?}");
    }
}

#[test]
fn title_case_headline_cues_are_lower_case() {
    let toks = tokens("Mayor Says Bridge Will Reopen in May");
    let says = toks.iter().find(|t| t.is("says")).unwrap();
    assert!(!says.cap && says.in_class(class::CLAUSE_CUE));
    assert!(toks[0].cap);
}

/// The tokens of `text` in `sentences`, with and without the quote tokenizer's plain words.
fn both_ways(text: &str, sentences: &[Span]) -> (Vec<Tok>, Vec<Tok>, usize) {
    let (_, _, plain) = crate::quotes::analyze_with_words(text, sentences);
    let after = tokenize_after(text, sentences, &plain).0;
    (tokenize(text, sentences).0, after, plain.len())
}

fn same(a: &[Tok], b: &[Tok]) -> bool {
    let key = |t: &Tok| (t.start, t.end, t.word, t.cap, t.lower.clone(), t.classes);
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
}

/// Words taken from the quote tokenizer ([`tokenize_after`]) are the words this tokenizer
/// cuts and classifies itself, wherever the two tokenizers' rules differ: possessives,
/// abbreviation periods, commas and slashes in numbers, `&`, quote marks against a word,
/// non-ASCII letters and joiners, capitals, and a sentence that ends inside a word.
#[test]
fn plain_words_are_the_words_scanned_here() {
    let text = "“We won’t stop,” Sen. Ana Ruiz, D-Conn., told AT&T’s board on 9/11. \
                The U.S. said 20,000 people’s homes were hit, the Victims’ group said. \
                'Tis the well\u{2010}known naïve Ürümqi plan, SAID THE MAYOR -- \"It \
                works\" and 'it works' said officials. Mayor Says Bridge Will Reopen";
    let whole = crate::segment::split(text);
    let (alone, after, n_plain) = both_ways(text, &whole);
    assert!(n_plain > 20, "plain words used: {n_plain}");
    assert!(same(&alone, &after), "{alone:#?}\n{after:#?}");
    // Sentences cut inside words ("Ruiz" and "homes"): a plain word of the quote tokenizer
    // reaches past the sentence end, and this tokenizer's word stops there.
    let cut = |w: &str| text.find(w).unwrap() + 2;
    let (a, b) = (cut("Ruiz"), cut("homes"));
    let parts = [Span::new(0, a), Span::new(a, b), Span::new(b, text.len())];
    let (alone, after, _) = both_ways(text, &parts);
    assert!(same(&alone, &after), "{alone:#?}\n{after:#?}");
}

/// Marking tokens in spans answers, for every token, whether it lies inside one span whole:
/// tokens before, between, across and after spans, spans without a token, and no span; the
/// same for tokens just made ([`mark_quoted_fresh`]), and for direct speech ([`mark_direct`],
/// [`mark_direct_fresh`]).
#[test]
fn marks_are_whole_tokens_inside_a_span() {
    let text = "One two “three four,” five (six) seven “eight” nine ten.";
    let whole = [Span::new(0, text.len())];
    let at = |w: &str| text.find(w).unwrap();
    let span_sets: Vec<Vec<Span>> = vec![
        vec![],
        vec![Span::new(at("“three"), at("five") - 1)],
        // A span that cuts "two" and one that cuts "seven": those tokens are outside.
        vec![
            Span::new(at("two") + 1, at("four") + 4),
            Span::new(at("seven") + 2, at("ten")),
        ],
        vec![Span::new(0, 1), Span::new(at("(six)"), at("(six)") + 5)],
        vec![
            Span::new(at("ten"), text.len()),
            Span::new(text.len(), text.len()),
        ],
        vec![Span::new(0, text.len())],
    ];
    for spans in span_sets {
        let (mut toks, _) = tokenize(text, &whole);
        mark_quoted(&mut toks, &spans);
        let (mut fresh, _) = tokenize(text, &whole);
        mark_quoted_fresh(&mut fresh, &spans);
        let marks = |v: &[Tok]| v.iter().map(|t| t.in_quote).collect::<Vec<_>>();
        assert_eq!(marks(&fresh), marks(&toks), "{spans:?}");
        // The same for direct speech ([`mark_direct_fresh`]).
        let (mut direct, _) = tokenize(text, &whole);
        mark_direct(&mut direct, &spans);
        let (mut fresh, _) = tokenize(text, &whole);
        mark_direct_fresh(&mut fresh, &spans);
        let direct_marks = |v: &[Tok]| v.iter().map(|t| t.in_direct).collect::<Vec<_>>();
        assert_eq!(direct_marks(&fresh), direct_marks(&direct), "{spans:?}");
        assert_eq!(direct_marks(&direct), marks(&toks), "{spans:?}");
        for t in &toks {
            let want = spans.iter().any(|s| s.start <= t.start && t.end <= s.end);
            assert_eq!(t.in_quote, want, "{:?} in {spans:?}", &text[t.start..t.end]);
        }
    }
}

/// Spaces, runs of them, and other white space (tab, no-break space, em space, line break)
/// separate tokens and are none: the tokenizer's shortcut past an ASCII space cuts as the
/// general white-space test does.
#[test]
fn white_space_is_between_tokens() {
    let text = " Ana  said\tit,\u{a0}twice\u{2003}— \n then left. ";
    let got: Vec<&str> = tokens(text).iter().map(|t| &text[t.start..t.end]).collect();
    assert_eq!(
        got,
        ["Ana", "said", "it", ",", "twice", "—", "then", "left", "."]
    );
}

/// The texts of the repository's test data that are not the out-of-sample yardstick: the
/// example articles, and the ICWSM 2014 snippets (editorials, reviews, tweets) grouped forty
/// lines a text, alternately joined by spaces and by line breaks.
fn corpus() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect(p);
    let dir = std::fs::read_dir(format!("{root}/examples/articles")).expect("examples/articles");
    let mut paths: Vec<_> = dir.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let mut texts: Vec<String> = (paths.iter())
        .map(|p| std::fs::read_to_string(p).expect("example article"))
        .collect();
    assert_eq!(texts.len(), 5);
    for set in ["nytEditorial", "amazonReview", "movieReview", "tweets"] {
        let name = if set == "tweets" {
            "tests/data/icwsm2014/tweets_GroundTruth.txt".to_string()
        } else {
            format!("tests/data/icwsm2014/{set}Snippets_GroundTruth.txt")
        };
        let file = read(&name);
        let lines: Vec<&str> = file
            .lines()
            .filter_map(|l| l.splitn(3, '\t').nth(2))
            .collect();
        for (k, chunk) in lines.chunks(40).enumerate() {
            texts.push(chunk.join(if k % 2 == 0 { " " } else { "\n" }));
        }
    }
    texts
}

/// Over a corpus of real text, the tokens made with the quote tokenizer's plain words are the
/// tokens this tokenizer cuts and classifies alone, token for token, sentence for sentence.
#[test]
fn plain_words_give_the_scanned_tokens_over_a_corpus() {
    let texts = corpus();
    assert!(texts.len() > 500, "{} texts", texts.len());
    let mut n_plain = 0;
    for text in &texts {
        let sentences = crate::segment::split(text);
        let (_, _, plain) = crate::quotes::analyze_with_words(text, &sentences);
        n_plain += plain.len();
        let (alone, alone_ranges) = tokenize(text, &sentences);
        let (after, after_ranges) = tokenize_after(text, &sentences, &plain);
        assert!(same(&alone, &after), "{text}");
        assert_eq!(alone_ranges, after_ranges, "{text}");
    }
    assert!(n_plain > 100_000, "plain words used: {n_plain}");
}

/// [`mark_direct_fresh`] keeps the cues found before it ([`Tok::cue_memo`]): that holds while
/// no cue rule reads `in_direct`. Over the corpus, every word of every sentence has the same
/// cue with no token marked direct, every token marked, and every other token marked.
#[test]
fn cues_do_not_depend_on_direct_marks() {
    use super::super::cues::cue_at;
    let cues = |toks: &[Tok], ranges: &[(usize, usize)]| {
        let mut v = Vec::new();
        for &(lo, hi) in ranges {
            for k in lo..hi {
                v.push(cue_at(toks, lo, hi, k).map(|c| (c.t0, c.t1, c.kind)));
            }
        }
        v
    };
    let mut n_cues = 0;
    for text in &corpus() {
        let sentences = crate::segment::split(text);
        let (toks, ranges) = tokenize(text, &sentences);
        let none = cues(&toks, &ranges);
        n_cues += none.iter().flatten().count();
        for every in [1, 2] {
            let (mut marked, _) = tokenize(text, &sentences);
            for t in marked.iter_mut().step_by(every) {
                t.in_direct = true;
            }
            assert_eq!(cues(&marked, &ranges), none, "every {every}: {text}");
        }
    }
    assert!(n_cues > 1000, "cues found: {n_cues}");
}

/// The "-ing" shape is the ending only, in any case; length, case and word lists are the
/// callers' own conditions.
#[test]
fn ing_form_is_the_ending_only() {
    let text = "Saying being king ing SINGING sing-along ringed Ing";
    let got: Vec<bool> = tokens(text).iter().map(Tok::is_ing_form).collect();
    assert_eq!(got, [true, true, true, true, true, false, false, true]);
    assert!(ing_shaped("morning") && !ing_shaped("ringed") && !ing_shaped(""));
}
