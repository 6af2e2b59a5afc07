//! Word and punctuation tokens, grouped by sentence, for the clause rules.
//!
//! The rules look at every token's lower-case form many times (each cue test asks several
//! word lists), so a token carries its lower-case form inline ([`Lower`], no allocation for
//! the words of news) and the word lists it is in ([`class`], one hash lookup per token).

use compact_str::CompactString;
use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::lexicon::{
    ARTICLES, AUX, CLAUSE_CUES, MEDIA, NOUNS, NOUN_VERBS, OBJECT_CUES, PREPOSITIONS, STANCE_CUES,
    STOP, THAT_CUES, TO_CUES,
};
use crate::lexicon::{WordSet, TITLE_MINOR};
use crate::Span;

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
    pub classes: u16,
}

/// Word lists of [`super::lexicon`] as bits of [`Tok::classes`]: `t.in_class(class::CLAUSE_CUE)`
/// is `CLAUSE_CUES.contains(t.lower.as_str())` (run-time additions included) without a lookup.
pub mod class {
    pub const CLAUSE_CUE: u16 = 1;
    pub const OBJECT_CUE: u16 = 1 << 1;
    pub const TO_CUE: u16 = 1 << 2;
    pub const STANCE_CUE: u16 = 1 << 3;
    pub const NOUN_VERB: u16 = 1 << 4;
    pub const THAT_CUE: u16 = 1 << 5;
    pub const AUX: u16 = 1 << 6;
    pub const NOUN: u16 = 1 << 7;
    pub const STOP: u16 = 1 << 8;
    pub const ARTICLE: u16 = 1 << 9;
    pub const PREPOSITION: u16 = 1 << 10;
    pub const MEDIUM: u16 = 1 << 11;
}

/// The built-in word list behind each bit of [`class`].
fn class_lists() -> [(&'static WordSet, u16); 12] {
    [
        (CLAUSE_CUES.builtin(), class::CLAUSE_CUE),
        (&OBJECT_CUES, class::OBJECT_CUE),
        (&TO_CUES, class::TO_CUE),
        (&STANCE_CUES, class::STANCE_CUE),
        (&NOUN_VERBS, class::NOUN_VERB),
        (&THAT_CUES, class::THAT_CUE),
        (&AUX, class::AUX),
        (&NOUNS, class::NOUN),
        (&STOP, class::STOP),
        (&ARTICLES, class::ARTICLE),
        (&PREPOSITIONS, class::PREPOSITION),
        (&MEDIA, class::MEDIUM),
    ]
}

/// Every built-in word of the lists of [`class`], with its class bits.
static CLASSES: Lazy<FxHashMap<&'static str, u16>> = Lazy::new(|| {
    let sets = class_lists();
    let mut m = FxHashMap::default();
    for (set, bit) in sets {
        for &w in set {
            *m.entry(w).or_insert(0) |= bit;
        }
    }
    m
});

/// The classes of a lower-case word: the built-in lists, and the cue verbs added at run time
/// when the running engine call has additions (`adds`, read once per call like every lookup
/// of [`CLAUSE_CUES`]).
fn classes_of(lower: &str, adds: bool) -> u16 {
    let builtin = CLASSES.get(lower).copied().unwrap_or(0);
    if adds && CLAUSE_CUES.added(lower) {
        builtin | class::CLAUSE_CUE
    } else {
        builtin
    }
}

/// A token's lower-case form: the bytes of `str::to_lowercase`, kept inside the token when
/// short (up to 24 bytes), so tokenizing allocates nothing for ordinary words.
pub type Lower = CompactString;

/// `s.to_lowercase()`, without allocating for a short ASCII word.
fn lower_of(s: &str) -> Lower {
    if !s.is_ascii() {
        return CompactString::from(s.to_lowercase());
    }
    let mut lower = CompactString::new(s);
    // Most words are lower case already.
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        lower.make_ascii_lowercase();
    }
    lower
}

impl Tok {
    pub fn is(&self, s: &str) -> bool {
        self.lower == *s
    }
    /// In the word list of `class` ([`class`]): one bit test instead of a lookup.
    pub fn in_class(&self, class: u16) -> bool {
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
pub fn tokenize(text: &str, sentences: &[Span]) -> (Vec<Tok>, Vec<(usize, usize)>) {
    // One check for the call instead of one per word (run-time cue verbs are rare).
    let adds = crate::lexicon::runtime::call_has_additions();
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut ranges = Vec::with_capacity(sentences.len());
    for s in sentences {
        let t0 = toks.len();
        if let Some(slice) = text.get(s.start..s.end) {
            sentence_tokens(slice, s.start, adds, &mut toks);
        }
        let t1 = toks.len();
        if is_title_case(&toks[t0..t1]) {
            lower_title_cues(&mut toks[t0..t1]);
        }
        ranges.push((t0, t1));
    }
    (toks, ranges)
}

/// The char at byte `i` of `s` (ASCII without decoding); `i` is on a char boundary.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// Push the tokens of one sentence, `slice`, which starts at byte `base` of the text.
fn sentence_tokens(slice: &str, base: usize, adds: bool, toks: &mut Vec<Tok>) {
    let bytes = slice.as_bytes();
    let mut i = 0;
    while let Some(c) = char_at(slice, i) {
        let n = c.len_utf8();
        if c.is_whitespace() {
            i += n;
            continue;
        }
        if c.is_alphanumeric() {
            let end = word_end(slice, i + n);
            toks.push(word_tok(&slice[i..end], base + i, c, adds));
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
            lower: CompactString::new(&slice[i..end]),
            in_quote: false,
            classes: 0,
            in_direct: false,
        });
        i = end;
    }
}

/// End of the word whose first char ends at byte `j` of `s`: letters and digits, an inner
/// joiner when a letter or digit follows it, and a comma between digits.
fn word_end(s: &str, mut j: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(j) {
        // ASCII letters and digits, the bulk of any word, without decoding.
        if b.is_ascii_alphanumeric() {
            j += 1;
            continue;
        }
        // A comma only between digits ("20,000" is one number, not a clause break).
        let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
        if b == b',' && j.checked_sub(1).is_some_and(digit_at) && digit_at(j + 1) {
            j += 1;
            continue;
        }
        let Some(d) = char_at(s, j) else { break };
        let n = d.len_utf8();
        let joins = || inner_joiner(d) && char_at(s, j + n).is_some_and(char::is_alphanumeric);
        if d.is_alphanumeric() || joins() {
            j += n;
            continue;
        }
        break;
    }
    j
}

/// The token of word `w` at byte `start`, whose first char is `first`.
fn word_tok(w: &str, start: usize, first: char, adds: bool) -> Tok {
    let lower = lower_of(w);
    Tok {
        start,
        end: start + w.len(),
        word: true,
        cap: first.is_uppercase(),
        classes: classes_of(&lower, adds),
        lower,
        in_quote: false,
        in_direct: false,
    }
}

/// A headline in Title Case ("Mayor Says Bridge Will Reopen"): short, and every word but the
/// minor ones capitalised.
fn is_title_case(toks: &[Tok]) -> bool {
    let words = || {
        toks.iter()
            .filter(|t| t.word && t.lower.starts_with(char::is_alphabetic))
    };
    let n = words().count();
    if !(4..=25).contains(&n) {
        return false;
    }
    let minor = |t: &Tok| TITLE_MINOR.contains(t.lower.as_str());
    // A lower-case word that is not a minor one: not Title Case. Asked first, so that a
    // sentence (nearly always the answer) looks up only its words up to the first such one.
    if words().any(|t| !t.cap && !minor(t)) {
        return false;
    }
    words().filter(|t| !minor(t)).count() >= 3
}

/// In a Title Case headline a reporting verb is capitalised like the names around it: treat
/// it as lower case, so "Mayor Says …" has a cue and "Mayor" is its source.
fn lower_title_cues(toks: &mut [Tok]) {
    let cues =
        class::CLAUSE_CUE | class::OBJECT_CUE | class::TO_CUE | class::STANCE_CUE | class::THAT_CUE;
    for t in toks.iter_mut().filter(|t| t.word && t.cap) {
        if t.in_class(cues) {
            t.cap = false;
        }
    }
}

/// Mark tokens inside any of the sorted, disjoint `quoted` spans (marks included).
pub fn mark_quoted(toks: &mut [Tok], quoted: &[Span]) {
    mark(toks, quoted, |t, inside| t.in_quote = inside);
}

/// Mark tokens inside any of the sorted, disjoint `direct` spans (direct attributions' parts).
pub fn mark_direct(toks: &mut [Tok], direct: &[Span]) {
    mark(toks, direct, |t, inside| t.in_direct = inside);
}

/// One merge-walk over the tokens and the sorted, disjoint `spans`: linear in both.
fn mark(toks: &mut [Tok], spans: &[Span], mut set: impl FnMut(&mut Tok, bool)) {
    let mut q = 0;
    for t in toks.iter_mut() {
        while q < spans.len() && spans[q].end <= t.start {
            q += 1;
        }
        let inside = spans
            .get(q)
            .is_some_and(|s| s.start <= t.start && t.end <= s.end);
        set(t, inside);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Tok> {
        tokenize(text, &[Span::new(0, text.len())]).0
    }

    #[test]
    fn lower_form_is_to_lowercase() {
        let text = "Said SAID ÉCOLE İstanbul ǅemal Straße ΣΟΦΙΑ \
                    Internationalisationsbestrebungen-Überlegungen naïve 2024 O'Brien";
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
        let text = "O'Brien\u{2019}s well\u{2010}known co-op U.S. a--b it's- 3.5% ''ok'' \u{dc}n\u{ef}code.";
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

    /// Every class bit says what a lookup in its word list says, for every listed word and
    /// for words in no list.
    #[test]
    fn classes_agree_with_the_word_lists() {
        let sets = class_lists();
        let mut words: Vec<&str> = sets.iter().flat_map(|(s, _)| s.iter().copied()).collect();
        words.extend(["ministry", "bridge", "zzz", "", "x"]);
        for w in words {
            let got = crate::lexicon::runtime::in_call(|| {
                classes_of(w, crate::lexicon::runtime::call_has_additions())
            });
            for (set, bit) in &sets {
                assert_eq!(got & bit != 0, set.contains(w), "{w:?} bit {bit}");
            }
        }
    }

    #[test]
    fn title_case_headline_cues_are_lower_case() {
        let toks = tokens("Mayor Says Bridge Will Reopen in May");
        let says = toks.iter().find(|t| t.is("says")).unwrap();
        assert!(!says.cap && says.in_class(class::CLAUSE_CUE));
        assert!(toks[0].cap);
    }
}
