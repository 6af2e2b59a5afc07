//! VADER-compatible sentiment (exact parity with vaderSentiment 3.3.2).
//!
//! A re-implementation of C.J. Hutto's VADER (MIT License, see THIRD_PARTY_NOTICES.md) that gives
//! bit-for-bit the four numbers of `vaderSentiment.SentimentIntensityAnalyzer.polarity_scores`,
//! including its quirks (they are listed on [`Analyzer::polarity_scores`]). Tokens are never
//! allocated: each token is looked up once, on its borrowed (stack-lowered) bytes, in one table
//! that holds everything the rules need (lexicon valence, booster value, negation flag, the id
//! of the few words the rules name), and the rules then run on those small records.
//!
//! Files: `words` (VADER's constant lists), `table` (the byte-keyed word table), `tokens`
//! (text to token records), `scratch` (the per-thread buffers the scans write), `kept` (the
//! token records of scanned sentences, kept to score spans inside them), `rules` (the scoring
//! rules), `pystr` (Python string semantics), `pycase` (Python 3.11 case data), `round`
//! (Python's `round`).

mod kept;
mod opaque;
mod pycase;
mod pystr;
mod round;
mod rules;
mod scratch;
mod swar;
mod table;
mod tokens;
mod words;

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use crate::Span;

pub use kept::KeptTokens;
pub use pystr::{py_isspace, py_isupper, py_lower, py_strip};
pub use round::py_round;

use pystr::parse_valence;
#[cfg(test)]
use pystr::PySplit;
use rules::{but_check, score_valence, valence_at};
use scratch::{Counts, Scratch, TokenWriter};
use table::{Info, Tok, WordRecords};
use words::{BOOSTERS_DECR, BOOSTERS_INCR, NAMED, NEGATE, W};

/// The four VADER scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Scores {
    pub neg: f64,
    pub neu: f64,
    pub pos: f64,
    pub compound: f64,
}

/// A lexicon file or mapping was malformed.
#[derive(Clone, Debug, PartialEq)]
pub struct LexiconError {
    pub message: String,
}

impl LexiconError {
    fn at(source: &str, line: usize, reason: impl std::fmt::Display) -> Self {
        LexiconError {
            message: format!("{source}, line {line}: {reason}"),
        }
    }
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for LexiconError {}

/// VADER's bundled word lexicon (vaderSentiment 3.3.2).
pub const VADER_LEXICON: &str = include_str!("../data/vader_lexicon.txt");
/// VADER's bundled emoji lexicon (emoji -> description).
pub const EMOJI_LEXICON: &str = include_str!("../data/emoji_utf8_lexicon.txt");

// ---------------------------------------------------------------- constants (vaderSentiment)

const B_INCR: f64 = 0.293;
const B_DECR: f64 = -0.293;
const C_INCR: f64 = 0.733;
const N_SCALAR: f64 = -0.74;

/// A sentiment analyzer with its lexicons.
#[derive(Clone, Debug)]
pub struct Analyzer {
    lexicon: Vec<(String, f64)>,
    lex_pos: FxHashMap<String, usize>,
    emoji: Vec<(String, String)>,
    /// Single-code-point emoji keys (only those can match: VADER looks up one char at a time).
    emoji_char: FxHashMap<char, usize>,
    words: WordRecords,
    /// Whether no word-table key could match a token with DEL stand-ins (see `opaque`).
    opaque_ok: bool,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::default_ref().clone()
    }
}

impl Analyzer {
    /// The analyzer with VADER's bundled lexicons, parsed once.
    pub fn default_ref() -> &'static Analyzer {
        Analyzer::default_arc()
    }

    /// The bundled analyzer as a shared pointer (cheap to hand to many owners).
    pub fn default_arc() -> &'static Arc<Analyzer> {
        static A: OnceLock<Arc<Analyzer>> = OnceLock::new();
        A.get_or_init(|| {
            // The bundled files are known to parse; an error here is a build defect.
            let lex = Analyzer::parse_lexicon(VADER_LEXICON, "vader_lexicon.txt")
                .unwrap_or_else(|e| panic!("bundled lexicon: {e}"));
            let emo = Analyzer::parse_emoji_lexicon(EMOJI_LEXICON, "emoji_utf8_lexicon.txt")
                .unwrap_or_else(|e| panic!("bundled emoji lexicon: {e}"));
            Arc::new(Analyzer::from_entries(lex, emo))
        })
    }

    /// Parse VADER's lexicon format: `token<TAB>valence[<TAB>...]` per line (extra fields are
    /// ignored, blank lines skipped). Errors name `source`, the 1-based line and the reason.
    pub fn parse_lexicon(text: &str, source: &str) -> Result<Vec<(String, f64)>, LexiconError> {
        let mut out = Vec::new();
        for (n, line) in text.split('\n').enumerate() {
            let line = py_strip(line);
            if line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or_default();
            let Some(measure) = fields.next() else {
                return Err(LexiconError::at(
                    source,
                    n + 1,
                    format!("expected 'token<TAB>valence', got {line:?}"),
                ));
            };
            let value =
                parse_valence(measure).map_err(|reason| LexiconError::at(source, n + 1, reason))?;
            out.push((word.to_string(), value));
        }
        Ok(out)
    }

    /// Parse VADER's emoji lexicon: `emoji<TAB>description` per line.
    pub fn parse_emoji_lexicon(
        text: &str,
        source: &str,
    ) -> Result<Vec<(String, String)>, LexiconError> {
        let mut out = Vec::new();
        for (n, line) in text.split('\n').enumerate() {
            let line = py_strip(line);
            if line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let emoji = fields.next().unwrap_or_default();
            let Some(desc) = fields.next() else {
                return Err(LexiconError::at(
                    source,
                    n + 1,
                    format!("expected 'emoji<TAB>description', got {line:?}"),
                ));
            };
            if emoji.is_empty() {
                return Err(LexiconError::at(source, n + 1, "empty emoji"));
            }
            out.push((emoji.to_string(), desc.to_string()));
        }
        Ok(out)
    }

    /// An analyzer from lexicon entries (later duplicates win, as in a Python dict).
    pub fn from_entries(lexicon: Vec<(String, f64)>, emoji: Vec<(String, String)>) -> Analyzer {
        let mut a = Analyzer {
            lexicon: Vec::with_capacity(lexicon.len()),
            lex_pos: FxHashMap::default(),
            emoji: Vec::with_capacity(emoji.len()),
            emoji_char: FxHashMap::default(),
            words: WordRecords::default(),
            opaque_ok: false,
        };
        a.merge_lexicon(lexicon);
        for (k, v) in emoji {
            a.add_emoji(k, v);
        }
        a.rebuild_words();
        a
    }

    /// Add or override lexicon entries (valences must be finite; check them first, this cannot
    /// fail half-way).
    pub fn update_lexicon(&mut self, entries: &[(String, f64)]) {
        self.merge_lexicon(entries.iter().cloned());
        self.rebuild_words();
    }

    /// The word lexicon, in file order (`token -> valence`).
    pub fn lexicon(&self) -> &[(String, f64)] {
        &self.lexicon
    }

    /// The emoji lexicon, in file order (`emoji -> description`).
    pub fn emoji_lexicon(&self) -> &[(String, String)] {
        &self.emoji
    }

    fn merge_lexicon(&mut self, entries: impl IntoIterator<Item = (String, f64)>) {
        for (k, v) in entries {
            match self.lex_pos.get(&k) {
                Some(&i) => {
                    if let Some(e) = self.lexicon.get_mut(i) {
                        e.1 = v;
                    }
                }
                None => {
                    self.lex_pos.insert(k.clone(), self.lexicon.len());
                    self.lexicon.push((k, v));
                }
            }
        }
    }

    fn add_emoji(&mut self, k: String, v: String) {
        let mut chars = k.chars();
        let single = match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
        if let Some(c) = single {
            if let Some(&i) = self.emoji_char.get(&c) {
                if let Some(e) = self.emoji.get_mut(i) {
                    e.1 = v;
                }
                return;
            }
            self.emoji_char.insert(c, self.emoji.len());
        } else if let Some(e) = self.emoji.iter_mut().find(|e| e.0 == k) {
            e.1 = v;
            return;
        }
        self.emoji.push((k, v));
    }

    fn rebuild_words(&mut self) {
        let mut words: FxHashMap<Box<[u8]>, Info> = FxHashMap::default();
        words.reserve(self.lexicon.len() + 200);
        fn entry<'m>(m: &'m mut FxHashMap<Box<[u8]>, Info>, w: &str) -> &'m mut Info {
            m.entry(w.as_bytes().into()).or_insert(Info::NONE)
        }
        for (k, v) in &self.lexicon {
            let e = entry(&mut words, k);
            e.valence = *v;
            e.flags |= table::IN_LEX;
        }
        // A NEGATE word is a negated token whatever its case or position (see `table::NEG`).
        for &w in NEGATE {
            entry(&mut words, w).flags |= table::NEGATE | table::NEG;
        }
        // BOOSTER_DICT is one dict: a later entry replaces an earlier one.
        for &w in BOOSTERS_INCR {
            let e = entry(&mut words, w);
            e.flags = (e.flags & !table::DECR) | table::INCR;
        }
        for &w in BOOSTERS_DECR {
            let e = entry(&mut words, w);
            e.flags = (e.flags & !table::INCR) | table::DECR;
        }
        for &(w, id) in NAMED {
            let e = entry(&mut words, w);
            e.id = id;
            if id == W::But {
                e.flags |= table::BUT;
            }
            if !rules::inert_word(id) {
                e.flags |= table::RULE;
            }
        }
        self.opaque_ok = !words.keys().any(|k| opaque::key_blocks_opaque(k));
        self.words = WordRecords::new(words);
    }

    /// VADER's four scores of `text`, exactly as vaderSentiment 3.3.2 gives them.
    ///
    /// Quirks kept for parity: only single-code-point emoji are replaced by their description
    /// (and the description is glued to a following non-space character); "but" rescales
    /// scores through `list.index` of their *value*, so repeated values can rescale the wrong
    /// word; `never so`/`never this` three words back boosts even without "never"; ALL-CAPS
    /// emphasis applies only when some but not all tokens are upper case; tokens whose
    /// punctuation-stripped form has at most two characters are kept unstripped.
    pub fn polarity_scores(&self, text: &str) -> Scores {
        self.with_scorer(|s| s.polarity_scores(text))
    }

    /// `f` with a [`Scorer`]: [`Analyzer::polarity_scores`] for many texts on this thread,
    /// with the thread's buffers looked up once for all of them instead of once a text.
    pub fn with_scorer<R>(&self, f: impl FnOnce(&mut Scorer<'_>) -> R) -> R {
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut sc) => f(&mut Scorer {
                a: self,
                sc: &mut sc,
            }),
            // Called from inside `f` (not expected): buffers of its own.
            Err(_) => f(&mut Scorer {
                a: self,
                sc: &mut Scratch::default(),
            }),
        })
    }

    /// VADER's scores of `text`. (`SHORTCUTS`: whether the rules may be skipped where they
    /// cannot apply, see [`valence_at`]; always but in tests, which compare both ways.)
    fn score_with<const SHORTCUTS: bool>(&self, text: &str, sc: &mut Scratch) -> Scores {
        let (ep, qm, _) = self.tokenize::<false>(text, sc);
        self.score_tokens::<SHORTCUTS>(ep, qm, sc)
    }

    /// The token records of `text` into `sc`, and its counts of '!' and '?'. With `REC`,
    /// also each raw token's bytes in `sc.bounds`; the last value says whether they are
    /// `text`'s (not those of a copy with emoji replaced by their descriptions).
    #[inline(always)]
    fn tokenize<const REC: bool>(&self, text: &str, sc: &mut Scratch) -> (usize, usize, bool) {
        sc.clear();
        let marks = match sc.pad(text.as_bytes()) {
            Some(marks) => Some(marks),
            None => self.pad_opaque(text, sc),
        };
        match marks {
            Some(marks) => {
                self.tokens_padded_as::<REC>(text.len(), marks.apos, sc);
                (marks.ep, marks.qm, true)
            }
            None => {
                // Emoji to descriptions (VADER does this char by char).
                let substituted = match self.emoji_char.is_empty() {
                    true => None,
                    false => self.replace_emoji(text),
                };
                let own = substituted.is_none();
                let text = substituted.as_deref().unwrap_or(text);
                self.tokens_unicode_as::<REC>(text, sc);
                let (ep, qm) = count_punct(text);
                (ep, qm, own)
            }
        }
    }

    /// VADER's scores from the token records in `sc` and the text's counts of '!' and '?'.
    fn score_tokens<const SHORTCUTS: bool>(
        &self,
        ep: usize,
        qm: usize,
        sc: &mut Scratch,
    ) -> Scores {
        let n = sc.n_toks;
        if n == 0 {
            return Scores::default();
        }
        // VADER's `is_cap_diff`: some tokens upper case, but not all.
        let cap_diff = sc.flags_any & table::UPPER != 0 && sc.flags_all & table::UPPER == 0;
        let first_but = sc.first_but();

        let Scratch {
            toks,
            lex,
            n_lex,
            vals,
            ..
        } = sc;
        let toks = &toks[..n];
        let lex = lex.get(..*n_lex).unwrap_or_default();
        // No token that stirs a rule (no booster, negation or non-inert named word; the
        // commonest case) and no capitals that count: every lexicon word scores its valence.
        if SHORTCUTS && sc.flags_any & rules::STIRS == 0 && !cap_diff {
            if first_but.is_none() {
                return score_valence(lex, n, ep, qm);
            }
            vals.clear();
            vals.extend_from_slice(lex);
        } else {
            // Only lexicon words can score; every other token's sentiment is 0.
            vals.clear();
            for &(i, valence) in lex.iter() {
                let t = toks[i];
                let v = if t.is_booster()
                    || (t.id == W::Kind && toks.get(i + 1).is_some_and(|u| u.id == W::Of))
                {
                    0.0
                } else if SHORTCUTS {
                    valence_at(toks, i, valence, cap_diff)
                } else {
                    rules::valence_rules(toks, i, valence, cap_diff)
                };
                vals.push((i, v));
            }
        }
        if let Some(bi) = first_but {
            but_check(bi, vals);
        }
        score_valence(vals, n, ep, qm)
    }

    fn replace_emoji(&self, text: &str) -> Option<String> {
        let first = text
            .char_indices()
            .find(|(_, c)| self.emoji_char.contains_key(c))?;
        let mut out = String::with_capacity(text.len() + 32);
        out.push_str(&text[..first.0]);
        let mut prev_space = first.0 == 0 || text[..first.0].ends_with(' ');
        for c in text[first.0..].chars() {
            match self.emoji_char.get(&c).and_then(|&i| self.emoji.get(i)) {
                Some((_, desc)) => {
                    if !prev_space {
                        out.push(' ');
                    }
                    out.push_str(desc);
                    prev_space = false;
                }
                None => {
                    out.push(c);
                    prev_space = c == ' ';
                }
            }
        }
        Some(out)
    }
}

/// [`Analyzer::polarity_scores`] for many texts (see [`Analyzer::with_scorer`]).
pub struct Scorer<'a> {
    a: &'a Analyzer,
    sc: &'a mut Scratch,
}

impl Scorer<'_> {
    /// VADER's four scores of `text` (the same as [`Analyzer::polarity_scores`]).
    pub fn polarity_scores(&mut self, text: &str) -> Scores {
        self.a.score_with::<true>(text, self.sc)
    }

    /// The scores of `text[s.start..s.end]` (a sentence), keeping its token records in
    /// `kept` so that spans inside it can be scored from them ([`Scorer::parts_scores`]).
    pub fn sentence_scores(&mut self, text: &str, s: Span, kept: &mut KeptTokens) -> Scores {
        let Some(t) = text.get(s.start..s.end) else {
            return self.polarity_scores("");
        };
        self.sc.origin = s.start;
        let (ep, qm, own) = self.a.tokenize::<true>(t, self.sc);
        if own {
            kept.keep(text, s, self.sc);
        }
        self.a.score_tokens::<true>(ep, qm, self.sc)
    }

    /// The scores of the parts of `text` joined by single spaces (one part: its text; a
    /// part out of range counts as ""), from the tokens `kept` of the sentences they lie in
    /// where it can, else by scanning the text.
    pub fn parts_scores(&mut self, text: &str, parts: &[Span], kept: &KeptTokens) -> Scores {
        match kept.fill(self.a, text, parts, self.sc) {
            Some((ep, qm)) => self.a.score_tokens::<true>(ep, qm, self.sc),
            None => {
                let slice = |p: &Span| text.get(p.start..p.end).unwrap_or("");
                match parts {
                    [p] => self.polarity_scores(slice(p)),
                    parts => {
                        let joined: Vec<&str> = parts.iter().map(slice).collect();
                        self.polarity_scores(&joined.join(" "))
                    }
                }
            }
        }
    }
}

thread_local! {
    /// The scoring buffers of this thread.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The counts of '!' and '?' in `text`. (Most texts have neither: one search says so, where
/// two counts cost twice a call each.)
fn count_punct(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let Some(b) = memchr::memchr2(b'!', b'?', b).and_then(|i| b.get(i..)) else {
        return (0, 0);
    };
    (
        memchr::memchr_iter(b'!', b).count(),
        memchr::memchr_iter(b'?', b).count(),
    )
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_opaque;
#[cfg(test)]
mod tests_stream;
