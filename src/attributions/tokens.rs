//! Word and punctuation tokens, grouped by sentence, for the clause rules.
//!
//! The rules look at every token's lower-case form many times (each cue test asks several
//! word lists), so a token carries its lower-case form inline ([`Lower`], no allocation for
//! the words of news) and the word lists it is in ([`class`], one hash lookup per token).

use std::cell::Cell;

use super::cues::Cue;
use crate::lexicon::word_table::ascii_word_run;
use crate::lexicon::TITLE_MINOR;
use crate::quotes::tokens::{char_at, is_word_char, PlainWalk, PlainWord};
use crate::Span;

mod classes;
pub(crate) use classes::class_words;
pub use classes::{class, Classes};
#[cfg(test)]
use classes::{class_lists, class_predicates, grammar_words};
use classes::{classes_of, with_added};
mod lower;
pub use lower::Lower;

#[derive(Clone, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// A word (letters or digits, with inner apostrophes, hyphens and periods).
    pub word: bool,
    /// First char is upper case.
    pub cap: bool,
    /// Lower-case form (words only; punctuation keeps its char).
    pub lower: Lower,
    /// Inside quotation marks (set by the caller from the quote pairs).
    pub in_quote: bool,
    /// Inside a direct attribution's content or cue (a quote with its speaker, set by the caller):
    /// reported speech around it may not reach into it.
    pub in_direct: bool,
    /// The reported-speech word lists the lower-case form is in ([`class`]); 0 for punctuation.
    pub classes: Classes,
    /// The cue found at this token for one sentence range, kept by [`super::cues::cue_at`]:
    /// the passes over a sentence (postposed, then preposed) ask every word for its cue.
    pub cue_memo: Cell<CueMemo>,
}

/// [`super::cues::cue_at`]'s answer for the sentence range `[lo, hi)`; `None`: not asked yet.
/// Cleared whenever the quote marks of the tokens change ([`mark`]).
pub type CueMemo = Option<(u32, u32, Option<Cue>)>;

/// `text[start..end].to_lowercase()` (a word), without allocating for a short ASCII word.
/// `shape` is what [`word_end`] saw of the word's bytes on its way, so no second pass over them
/// is needed here.
fn lower_of(text: &str, start: usize, end: usize, shape: Shape) -> Lower {
    if shape.non_ascii {
        return Lower::lowered(text.get(start..end).unwrap_or(""));
    }
    // Most words are lower case already.
    Lower::at(text, start, end, shape.upper)
}

/// Of a word's bytes: any ASCII capital, any non-ASCII char.
#[derive(Clone, Copy, Default)]
struct Shape {
    upper: bool,
    non_ascii: bool,
}

impl Shape {
    fn of_char(c: char) -> Shape {
        Shape {
            upper: c.is_ascii_uppercase(),
            non_ascii: !c.is_ascii(),
        }
    }
}

/// The "-ing" shape of a participle or gerund ("saying", "being"): the shape only, so "king"
/// and "morning" have it too; each rule adds its own length, case or word-list condition.
pub fn ing_shaped(w: &str) -> bool {
    w.ends_with("ing")
}

impl Tok {
    pub fn is(&self, s: &str) -> bool {
        self.lower == *s
    }
    /// The lower-case form has the "-ing" shape ([`ing_shaped`]).
    pub fn is_ing_form(&self) -> bool {
        ing_shaped(&self.lower)
    }
    /// A word written in lower case with the "-ing" shape: a participle or gerund inside a
    /// sentence ("adding", "backing"), not a capitalised name or sentence opener ("Fleming",
    /// "Saying").
    pub fn is_uncapitalised_ing_word(&self) -> bool {
        self.word && !self.cap && self.is_ing_form()
    }
    /// In the word list of `class` ([`class`]): one bit test instead of a lookup.
    pub fn in_class(&self, class: Classes) -> bool {
        self.classes & class != 0
    }
    /// A comma, semicolon or dash: the punctuation that closes a clause or an apposition.
    pub fn is_clause_punct(&self) -> bool {
        !self.word && matches!(self.lower.as_str(), "," | ";" | "—" | "–" | "--")
    }
    pub fn is_comma(&self) -> bool {
        !self.word && matches!(self.lower.as_str(), "," | "—" | "–" | "--")
    }
    pub fn is_quote_mark(&self) -> bool {
        !self.word
            && matches!(
                self.lower.as_str(),
                "\"" | "“" | "”" | "''" | "``" | "‘" | "’" | "'" | "«" | "»"
            )
    }
}

fn inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‐')
}

/// Tokens of `text` inside `sentences`; returns the tokens and, per sentence, its token range.
#[cfg(test)]
pub fn tokenize(text: &str, sentences: &[Span]) -> (Vec<Tok>, Vec<(usize, usize)>) {
    tokenize_after(text, sentences, &[])
}

/// [`tokenize`], given the quote tokenizer's plain words of the same text (in text order): a
/// word starting where one of them does ends where it ends, and has the classes its lookup
/// found ([`PlainWord`]), so it is neither scanned nor looked up again here.
pub fn tokenize_after(
    text: &str,
    sentences: &[Span],
    plain: &[PlainWord],
) -> (Vec<Tok>, Vec<(usize, usize)>) {
    let mut known = PlainWalk::new(plain);
    // One check for the call instead of one per word (run-time cue verbs are rare).
    let adds = crate::lexicon::runtime::call_has_additions();
    // News text has a token per five bytes or so, denser in some articles (numbers, lists):
    // room for those too, as a token vector that outgrows its room is copied whole.
    let mut toks = Vec::with_capacity(text.len() / 4 + 1);
    let mut ranges = Vec::with_capacity(sentences.len());
    for s in sentences {
        let t0 = toks.len();
        if let Some(slice) = text.get(s.start..s.end) {
            sentence_tokens(text, slice, s.start, adds, &mut known, &mut toks);
        }
        let t1 = toks.len();
        if is_title_case(&toks[t0..t1]) {
            lower_title_cues(&mut toks[t0..t1]);
        }
        ranges.push((t0, t1));
    }
    (toks, ranges)
}

/// Push the tokens of one sentence, `slice`, which starts at byte `base` of `text`.
fn sentence_tokens(
    text: &str,
    slice: &str,
    base: usize,
    adds: bool,
    known: &mut PlainWalk,
    toks: &mut Vec<Tok>,
) {
    let bytes = slice.as_bytes();
    let stop = base + slice.len();
    // The start of the next plain word (`usize::MAX` after the last): a plain word that ends
    // inside this sentence is this tokenizer's word as it is, taken without looking at its
    // chars. Plain words are ASCII words, never at a space.
    let mut plain_at = known.next_start(base);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // The space between words, most of the chars passed here, without decoding a char.
        if b == b' ' {
            i += 1;
            continue;
        }
        if base + i >= plain_at {
            // A plain word starting before `i` lies inside a token already made ("000" of
            // "20,000"): the walk moves past it.
            if plain_at < base + i {
                plain_at = known.next_start(base + i);
            }
            if plain_at == base + i {
                let taken = known.take().filter(|w| w.end <= stop);
                plain_at = known.start();
                if let Some(w) = taken {
                    toks.push(plain_tok(text, w, b.is_ascii_uppercase(), adds));
                    i = w.end - base;
                    continue;
                }
            }
        }
        let Some(c) = char_at(slice, i) else { break };
        let n = c.len_utf8();
        if c.is_whitespace() {
            i += n;
            continue;
        }
        if is_word_char(c) {
            let (end, shape) = word_end(slice, i + n, Shape::of_char(c));
            let span = Span::new(base + i, base + end);
            toks.push(word_tok(text, span, c, shape, adds));
            i = end;
            continue;
        }
        let mut end = i + n;
        // Two apostrophes or backticks are one quote mark; "--" is one dash.
        if matches!(c, '\'' | '`' | '-') && bytes.get(end) == Some(&(c as u8)) {
            end += 1;
        }
        toks.push(Tok {
            start: base + i,
            end: base + end,
            word: false,
            cap: false,
            lower: Lower::at(text, base + i, base + end, false),
            in_quote: false,
            classes: 0,
            in_direct: false,
            cue_memo: Cell::new(None),
        });
        i = end;
    }
}

/// The token of plain word `w` ([`PlainWord`]): its end, its capital (`cap`, the first byte)
/// and its classes are the quote tokenizer's.
#[inline(always)]
fn plain_tok(text: &str, w: &PlainWord, cap: bool, adds: bool) -> Tok {
    let lower = Lower::at(text, w.start, w.end, w.upper);
    // The form is read only when there are run-time cue verbs: not built as a `&str` else.
    let classes = if adds {
        with_added(w.classes, &lower, adds)
    } else {
        w.classes
    };
    Tok {
        start: w.start,
        end: w.end,
        word: true,
        cap,
        classes,
        lower,
        in_quote: false,
        in_direct: false,
        cue_memo: Cell::new(None),
    }
}

/// End of the word whose first char ends at byte `j` of `s`: letters and digits, an inner
/// joiner when a letter or digit follows it, and a comma between digits. `shape` (of the
/// first char) grows by every byte passed.
fn word_end(s: &str, mut j: usize, mut shape: Shape) -> (usize, Shape) {
    let bytes = s.as_bytes();
    loop {
        // ASCII letters and digits, the bulk of any word, without decoding.
        let (run_end, upper) = ascii_word_run(bytes, j);
        j = run_end;
        shape.upper |= upper;
        let Some(&b) = bytes.get(j) else { break };
        // A comma only between digits ("20,000" is one number, not a clause break).
        let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
        if b == b',' && j.checked_sub(1).is_some_and(digit_at) && digit_at(j + 1) {
            j += 1;
            continue;
        }
        let Some(d) = char_at(s, j) else { break };
        let n = d.len_utf8();
        let joins = || inner_joiner(d) && char_at(s, j + n).is_some_and(is_word_char);
        if is_word_char(d) || joins() {
            shape.non_ascii |= !d.is_ascii();
            j += n;
            continue;
        }
        break;
    }
    (j, shape)
}

/// The token of the word at `span` of `text`, whose first char is `first`.
fn word_tok(text: &str, span: Span, first: char, shape: Shape, adds: bool) -> Tok {
    let lower = lower_of(text, span.start, span.end, shape);
    let classes = classes_of(&lower, adds);
    Tok {
        start: span.start,
        end: span.end,
        word: true,
        cap: first.is_uppercase(),
        classes,
        lower,
        in_quote: false,
        in_direct: false,
        cue_memo: Cell::new(None),
    }
}

/// A headline in Title Case ("Mayor Says Bridge Will Reopen"): short, and every word but the
/// minor ones capitalised.
fn is_title_case(toks: &[Tok]) -> bool {
    let words = || {
        toks.iter()
            .filter(|t| t.word && t.lower.starts_with(char::is_alphabetic))
    };
    let minor = |t: &Tok| TITLE_MINOR.contains(t.lower.as_str());
    // One pass that stops at the first lower-case word that is not a minor one, or at the
    // 26th word: either answers no, and a sentence (nearly always the answer) reaches one
    // within its first words instead of being walked whole.
    let mut n = 0;
    for t in words() {
        n += 1;
        if n > 25 || (!t.cap && !minor(t)) {
            return false;
        }
    }
    n >= 4 && words().filter(|t| !minor(t)).count() >= 3
}

/// In a Title Case headline a reporting verb is capitalised like the names around it: treat
/// it as lower case, so "Mayor Says …" has a cue and "Mayor" is its source.
fn lower_title_cues(toks: &mut [Tok]) {
    let cues =
        class::CLAUSE_CUE | class::OBJECT_CUE | class::TO_CUE | class::STANCE_CUE | class::THAT_CUE;
    for i in 0..toks.len() {
        if toks[i].word && toks[i].cap && toks[i].in_class(cues) {
            toks[i].cap = false;
            // "Mayor Just Praised …": the adverb before the verb is no part of the name.
            if let Some(p) = i.checked_sub(1).map(|p| &mut toks[p]) {
                if p.word && p.in_class(class::FREQUENCY_ADVERB) {
                    p.cap = false;
                }
            }
        }
    }
}

/// Mark tokens inside any of the sorted, disjoint `quoted` spans (marks included).
#[cfg(test)]
pub fn mark_quoted(toks: &mut [Tok], quoted: &[Span]) {
    mark(toks, quoted, |t, inside| t.in_quote = inside);
}

/// [`mark_quoted`] of tokens just made (sorted by start, none marked, no cue kept): only the
/// tokens starting inside a span are visited, found by a binary search per span, instead of
/// a walk over every token of the article.
pub fn mark_quoted_fresh(toks: &mut [Tok], quoted: &[Span]) {
    mark_fresh(toks, quoted, |t, inside| t.in_quote = inside);
}

/// Mark tokens inside any of the sorted, disjoint `direct` spans (direct attributions' parts).
#[cfg(test)]
pub fn mark_direct(toks: &mut [Tok], direct: &[Span]) {
    mark(toks, direct, |t, inside| t.in_direct = inside);
}

/// [`mark_direct`] of tokens none of which is marked direct yet: only the tokens starting
/// inside a span are visited (a binary search per span), not every token of the article.
/// The cues kept ([`Tok::cue_memo`]) stay: no cue rule reads `in_direct` (a cue is found at
/// a word whatever direct speech lies around it), which
/// `tests::cues_do_not_depend_on_direct_marks` holds over a corpus.
pub fn mark_direct_fresh(toks: &mut [Tok], direct: &[Span]) {
    mark_fresh(toks, direct, |t, inside| t.in_direct = inside);
}

/// The marking of [`mark_quoted_fresh`] and [`mark_direct_fresh`]: for each span, a binary
/// search to its first token, then `set` on the tokens starting inside it (true for those
/// that also end inside it).
fn mark_fresh(toks: &mut [Tok], spans: &[Span], mut set: impl FnMut(&mut Tok, bool)) {
    for s in spans {
        let from = toks.partition_point(|t| t.start < s.start);
        for t in toks[from..].iter_mut().take_while(|t| t.start < s.end) {
            let inside = t.end <= s.end;
            set(t, inside);
        }
    }
}

/// One merge-walk over the tokens and the sorted, disjoint `spans`: linear in both. The cues
/// kept for the old marks are dropped. The general marking, which the fresh ones
/// ([`mark_quoted_fresh`], [`mark_direct_fresh`]) are tested against.
#[cfg(test)]
fn mark(toks: &mut [Tok], spans: &[Span], mut set: impl FnMut(&mut Tok, bool)) {
    let mut q = 0;
    // A token starting before `lo`, the start of span `q`, is in no span: one compare for
    // the tokens between spans, most of an article's.
    let mut lo = spans.first().map_or(usize::MAX, |s| s.start);
    for t in toks.iter_mut() {
        t.cue_memo.set(None);
        if t.start < lo {
            set(t, false);
            continue;
        }
        while q < spans.len() && spans[q].end <= t.start {
            q += 1;
            lo = spans.get(q).map_or(usize::MAX, |s| s.start);
        }
        let inside = spans
            .get(q)
            .is_some_and(|s| s.start <= t.start && t.end <= s.end);
        set(t, inside);
    }
}

#[cfg(test)]
#[path = "tests_tokens.rs"]
mod tests;
