//! VADER-compatible sentiment (exact parity with vaderSentiment 3.3.2).
//!
//! A re-implementation of C.J. Hutto's VADER (MIT License, see THIRD_PARTY_NOTICES.md) that gives
//! bit-for-bit the four numbers of `vaderSentiment.SentimentIntensityAnalyzer.polarity_scores`,
//! including its quirks (they are listed on [`Analyzer::polarity_scores`]). Tokens are never
//! allocated: each token is looked up once in one hash map that holds everything the rules need
//! (lexicon valence, booster value, negation flag, the id of the few words the rules name), and
//! the rules then run on those small records.

mod pycase;
mod round;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

pub use round::py_round;

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

const NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

const BOOSTERS_INCR: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

// Single-token dampeners; the two-word ones ("just enough", "kind of", "sort of") are matched
// by word id in the idiom check, since a token never holds a space.
const BOOSTERS_DECR: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sorta",
    "sortof",
    "sort-of",
];

/// Words the rules compare against by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum W {
    Other,
    No,
    Or,
    Nor,
    Kind,
    Of,
    Least,
    At,
    Very,
    Never,
    So,
    This,
    Without,
    Doubt,
    But,
    The,
    Shit,
    Bomb,
    Bad,
    Ass,
    Bus,
    Stop,
    Yeah,
    Right,
    Kiss,
    Death,
    To,
    Die,
    For,
    Beating,
    Heart,
    Just,
    Enough,
    Sort,
}

const NAMED: &[(&str, W)] = &[
    ("no", W::No),
    ("or", W::Or),
    ("nor", W::Nor),
    ("kind", W::Kind),
    ("of", W::Of),
    ("least", W::Least),
    ("at", W::At),
    ("very", W::Very),
    ("never", W::Never),
    ("so", W::So),
    ("this", W::This),
    ("without", W::Without),
    ("doubt", W::Doubt),
    ("but", W::But),
    ("the", W::The),
    ("shit", W::Shit),
    ("bomb", W::Bomb),
    ("bad", W::Bad),
    ("ass", W::Ass),
    ("bus", W::Bus),
    ("stop", W::Stop),
    ("yeah", W::Yeah),
    ("right", W::Right),
    ("kiss", W::Kiss),
    ("death", W::Death),
    ("to", W::To),
    ("die", W::Die),
    ("for", W::For),
    ("beating", W::Beating),
    ("heart", W::Heart),
    ("just", W::Just),
    ("enough", W::Enough),
    ("sort", W::Sort),
];

/// SPECIAL_CASES entries of two words.
fn special2(a: W, b: W) -> Option<f64> {
    match (a, b) {
        (W::The, W::Shit) | (W::The, W::Bomb) => Some(3.0),
        (W::Bad, W::Ass) => Some(1.5),
        (W::Bus, W::Stop) => Some(0.0),
        (W::Yeah, W::Right) => Some(-2.0),
        (W::Beating, W::Heart) => Some(3.5),
        _ => None,
    }
}

/// SPECIAL_CASES entries of three words.
fn special3(a: W, b: W, c: W) -> Option<f64> {
    match (a, b, c) {
        (W::Kiss, W::Of, W::Death) => Some(-1.5),
        (W::To, W::Die, W::For) => Some(3.0),
        _ => None,
    }
}

/// Two-word BOOSTER_DICT entries (all dampeners).
fn booster2(a: W, b: W) -> Option<f64> {
    match (a, b) {
        (W::Just, W::Enough) | (W::Kind, W::Of) | (W::Sort, W::Of) => Some(B_DECR),
        _ => None,
    }
}

/// Everything the rules need to know about one lower-cased word.
#[derive(Clone, Copy, Debug)]
struct Info {
    valence: f64,
    in_lex: bool,
    booster: Option<f64>,
    negate: bool,
    id: W,
}

impl Info {
    const NONE: Info = Info {
        valence: 0.0,
        in_lex: false,
        booster: None,
        negate: false,
        id: W::Other,
    };
}

/// One token of a text.
#[derive(Clone, Copy, Debug)]
struct Tok {
    info: Info,
    /// `negated([w])`: a NEGATE word or contains "n't".
    neg: bool,
    /// Python's `str.isupper()` of the token.
    upper: bool,
}

/// A sentiment analyzer with its lexicons.
#[derive(Clone, Debug)]
pub struct Analyzer {
    lexicon: Vec<(String, f64)>,
    lex_pos: FxHashMap<String, usize>,
    emoji: Vec<(String, String)>,
    /// Single-code-point emoji keys (only those can match: VADER looks up one char at a time).
    emoji_char: FxHashMap<char, usize>,
    words: FxHashMap<Box<str>, Info>,
    /// Longest key of `words` in bytes (longer ASCII tokens skip the lookup).
    max_key: usize,
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
            words: FxHashMap::default(),
            max_key: 0,
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
        let mut words: FxHashMap<Box<str>, Info> = FxHashMap::default();
        words.reserve(self.lexicon.len() + 200);
        for (k, v) in &self.lexicon {
            let e = words.entry(k.as_str().into()).or_insert(Info::NONE);
            e.valence = *v;
            e.in_lex = true;
        }
        for &w in NEGATE {
            words.entry(w.into()).or_insert(Info::NONE).negate = true;
        }
        for &w in BOOSTERS_INCR {
            words.entry(w.into()).or_insert(Info::NONE).booster = Some(B_INCR);
        }
        for &w in BOOSTERS_DECR {
            words.entry(w.into()).or_insert(Info::NONE).booster = Some(B_DECR);
        }
        for &(w, id) in NAMED {
            words.entry(w.into()).or_insert(Info::NONE).id = id;
        }
        self.max_key = words.keys().map(|k| k.len()).max().unwrap_or(0);
        self.words = words;
    }

    fn info(&self, lower: &str) -> Info {
        self.words.get(lower).copied().unwrap_or(Info::NONE)
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
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.score_with(text, &mut s),
            Err(_) => self.score_with(text, &mut Scratch::default()),
        })
    }

    fn score_with(&self, text: &str, sc: &mut Scratch) -> Scores {
        // Emoji to descriptions (VADER does this char by char).
        let substituted;
        let text = if text.is_ascii() || self.emoji_char.is_empty() {
            text
        } else {
            match self.replace_emoji(text) {
                Some(s) => {
                    substituted = s;
                    substituted.as_str()
                }
                None => text,
            }
        };

        sc.toks.clear();
        let mut n_upper = 0usize;
        for raw in PySplit::new(text) {
            let tok = strip_punc_if_word(raw);
            let (lower_info, upper) = if tok.is_ascii() {
                let b = tok.as_bytes();
                let (mut has_upper, mut has_lower, mut apos) = (false, false, false);
                for &c in b {
                    has_upper |= c.is_ascii_uppercase();
                    has_lower |= c.is_ascii_lowercase();
                    apos |= c == b'\'';
                }
                let mut buf = [0u8; 32];
                let info = match buf.get_mut(..b.len()) {
                    // No key is longer than `max_key`: skip the lowering and the lookup.
                    Some(dst) if b.len() <= self.max_key => {
                        for (d, &c) in dst.iter_mut().zip(b) {
                            *d = c.to_ascii_lowercase();
                        }
                        std::str::from_utf8(dst).map_or(Info::NONE, |l| self.info(l))
                    }
                    _ if b.len() <= self.max_key => self.info(&tok.to_ascii_lowercase()),
                    _ => Info::NONE,
                };
                // negated(): a NEGATE word or "n't" anywhere in the lower-cased token.
                let neg =
                    info.negate || (apos && b.windows(3).any(|w| w.eq_ignore_ascii_case(b"n't")));
                ((info, neg), has_upper && !has_lower)
            } else {
                let lower = py_lower(tok);
                (self.word_info(&lower), py_isupper(tok))
            };
            n_upper += upper as usize;
            sc.toks.push(Tok {
                info: lower_info.0,
                neg: lower_info.1,
                upper,
            });
        }
        let n = sc.toks.len();
        if n == 0 {
            return Scores::default();
        }
        let cap_diff = n_upper > 0 && n_upper < n;

        let toks = &sc.toks;
        sc.sent.clear();
        for i in 0..n {
            let t = toks[i];
            if t.info.booster.is_some()
                || (t.info.id == W::Kind && i + 1 < n && toks[i + 1].info.id == W::Of)
                || !t.info.in_lex
            {
                sc.sent.push(0.0);
                continue;
            }
            sc.sent.push(valence_at(toks, i, cap_diff));
        }
        but_check(toks, &mut sc.sent);

        let (ep, qm) = count_punct(text);
        score_valence(&sc.sent, ep, qm)
    }

    /// (Info, negated) of a lower-cased token.
    fn word_info(&self, lower: &str) -> (Info, bool) {
        let info = self.info(lower);
        let b = lower.as_bytes();
        // Most tokens have no apostrophe; a memmem Finder would cost more than the token.
        let neg = info.negate
            || (memchr::memchr(b'\'', b).is_some() && b.windows(3).any(|w| w == b"n't"));
        (info, neg)
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

#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    sent: Vec<f64>,
}

/// `sentiment_valence` for a lexicon word at `i`.
fn valence_at(toks: &[Tok], i: usize, cap_diff: bool) -> f64 {
    let n = toks.len();
    let t = toks[i];
    let id = |k: usize| toks[k].info.id;
    let mut v = t.info.valence;
    if t.info.id == W::No && i != n - 1 && toks[i + 1].info.in_lex {
        v = 0.0;
    }
    if (i > 0 && id(i - 1) == W::No)
        || (i > 1 && id(i - 2) == W::No)
        || (i > 2 && id(i - 3) == W::No && matches!(id(i - 1), W::Or | W::Nor))
    {
        v = t.info.valence * N_SCALAR;
    }
    if t.upper && cap_diff {
        if v > 0.0 {
            v += C_INCR;
        } else {
            v -= C_INCR;
        }
    }
    for start_i in 0..3 {
        if i > start_i && !toks[i - (start_i + 1)].info.in_lex {
            let mut s = scalar_inc_dec(&toks[i - (start_i + 1)], v, cap_diff);
            if start_i == 1 && s != 0.0 {
                s *= 0.95;
            }
            if start_i == 2 && s != 0.0 {
                s *= 0.9;
            }
            v += s;
            v = negation_check(v, toks, start_i, i);
            if start_i == 2 {
                v = special_idioms_check(v, toks, i);
            }
        }
    }
    // _least_check
    if i > 1 && !toks[i - 1].info.in_lex && id(i - 1) == W::Least {
        if id(i - 2) != W::At && id(i - 2) != W::Very {
            v *= N_SCALAR;
        }
    } else if i > 0 && !toks[i - 1].info.in_lex && id(i - 1) == W::Least {
        v *= N_SCALAR;
    }
    v
}

fn scalar_inc_dec(t: &Tok, valence: f64, cap_diff: bool) -> f64 {
    let Some(mut scalar) = t.info.booster else {
        return 0.0;
    };
    if valence < 0.0 {
        scalar = -scalar;
    }
    if t.upper && cap_diff {
        if valence > 0.0 {
            scalar += C_INCR;
        } else {
            scalar -= C_INCR;
        }
    }
    scalar
}

fn negation_check(v: f64, toks: &[Tok], start_i: usize, i: usize) -> f64 {
    let id = |k: usize| toks[k].info.id;
    let so_this = |w: W| w == W::So || w == W::This;
    match start_i {
        0 => {
            if toks[i - 1].neg {
                return v * N_SCALAR;
            }
        }
        1 => {
            if id(i - 2) == W::Never && so_this(id(i - 1)) {
                return v * 1.25;
            } else if id(i - 2) == W::Without && id(i - 1) == W::Doubt {
                return v;
            } else if toks[i - 2].neg {
                return v * N_SCALAR;
            }
        }
        _ => {
            // `A and B or C` in the original: "so"/"this" right before boosts on its own.
            if (id(i - 3) == W::Never && so_this(id(i - 2))) || so_this(id(i - 1)) {
                return v * 1.25;
            } else if id(i - 3) == W::Without && (id(i - 2) == W::Doubt || id(i - 1) == W::Doubt) {
                return v;
            } else if toks[i - 3].neg {
                return v * N_SCALAR;
            }
        }
    }
    v
}

fn special_idioms_check(mut v: f64, toks: &[Tok], i: usize) -> f64 {
    let n = toks.len();
    let id = |k: usize| toks[k].info.id;
    let (w0, w1, w2, w3) = (id(i), id(i - 1), id(i - 2), id(i - 3));
    let first = special2(w1, w0)
        .or_else(|| special3(w2, w1, w0))
        .or_else(|| special2(w2, w1))
        .or_else(|| special3(w3, w2, w1))
        .or_else(|| special2(w3, w2));
    if let Some(x) = first {
        v = x;
    }
    if n - 1 > i {
        if let Some(x) = special2(w0, id(i + 1)) {
            v = x;
        }
    }
    if n - 1 > i + 1 {
        if let Some(x) = special3(w0, id(i + 1), id(i + 2)) {
            v = x;
        }
    }
    if let Some(b) = booster2(w3, w2) {
        v += b;
    }
    if let Some(b) = booster2(w2, w1) {
        v += b;
    }
    v
}

/// `_but_check`, including its `list.index(value)` quirk: each score is rescaled at the first
/// position that currently holds an equal value, which need not be its own.
fn but_check(toks: &[Tok], sent: &mut [f64]) {
    let Some(bi) = toks.iter().position(|t| t.info.id == W::But) else {
        return;
    };
    let rescale = |si: usize, v: f64| -> Option<f64> {
        match si.cmp(&bi) {
            std::cmp::Ordering::Less => Some(v * 0.5),
            std::cmp::Ordering::Greater => Some(v * 1.5),
            std::cmp::Ordering::Equal => None,
        }
    };
    let n = sent.len();
    if n <= 64 {
        for k in 0..n {
            let v = sent[k];
            let si = sent[..=k].iter().position(|&x| x == v).unwrap_or(k);
            if let Some(nv) = rescale(si, v) {
                sent[si] = nv;
            }
        }
        return;
    }
    // Long texts: positions by value, so the first equal position is found in O(log n).
    let key = |x: f64| (x + 0.0).to_bits();
    let mut at: FxHashMap<u64, BTreeSet<usize>> = FxHashMap::default();
    for (j, &x) in sent.iter().enumerate() {
        if !x.is_nan() {
            at.entry(key(x)).or_default().insert(j);
        }
    }
    for k in 0..n {
        let v = sent[k];
        let si = if v.is_nan() {
            k
        } else {
            at.get(&key(v))
                .and_then(|s| s.first().copied())
                .unwrap_or(k)
        };
        if let Some(nv) = rescale(si, v) {
            let old = sent[si];
            if !old.is_nan() {
                if let Some(s) = at.get_mut(&key(old)) {
                    s.remove(&si);
                }
            }
            if !nv.is_nan() {
                at.entry(key(nv)).or_default().insert(si);
            }
            sent[si] = nv;
        }
    }
}

fn count_punct(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    (
        memchr::memchr_iter(b'!', b).count(),
        memchr::memchr_iter(b'?', b).count(),
    )
}

fn score_valence(sent: &[f64], ep: usize, qm: usize) -> Scores {
    let ep_amp = ep.min(4) as f64 * 0.292;
    let qm_amp = if qm > 1 {
        if qm <= 3 {
            qm as f64 * 0.18
        } else {
            0.96
        }
    } else {
        0.0
    };
    let amp = ep_amp + qm_amp;
    let mut sum_s = 0.0;
    for &s in sent {
        sum_s += s;
    }
    if sum_s > 0.0 {
        sum_s += amp;
    } else if sum_s < 0.0 {
        sum_s -= amp;
    }
    let compound = normalize(sum_s);

    let (mut pos_sum, mut neg_sum, mut neu) = (0.0f64, 0.0f64, 0usize);
    for &s in sent {
        if s > 0.0 {
            pos_sum += s + 1.0;
        }
        if s < 0.0 {
            neg_sum += s - 1.0;
        }
        if s == 0.0 {
            neu += 1;
        }
    }
    if pos_sum > neg_sum.abs() {
        pos_sum += amp;
    } else if pos_sum < neg_sum.abs() {
        neg_sum -= amp;
    }
    let total = pos_sum + neg_sum.abs() + neu as f64;
    Scores {
        neg: py_round((neg_sum / total).abs(), 3),
        neu: py_round((neu as f64 / total).abs(), 3),
        pos: py_round((pos_sum / total).abs(), 3),
        compound: py_round(compound, 4),
    }
}

fn normalize(score: f64) -> f64 {
    (score / (score * score + 15.0).sqrt()).clamp(-1.0, 1.0)
}

// ---------------------------------------------------------------- Python string semantics

/// Python's `str.isspace()` (what `str.split()` splits on).
#[inline]
pub fn py_isspace(c: char) -> bool {
    match c {
        '\t'..='\r' | '\x1c'..='\x1f' | ' ' => true,
        c if (c as u32) < 0x85 => false,
        '\u{85}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => true,
        _ => false,
    }
}

/// Python's `str.strip()`.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// Python 3.11's case data for `c` where it differs from Rust's (newer Unicode).
fn py_case_exception(c: char) -> Option<(bool, bool, char)> {
    if (c as u32) < 0x295 {
        return None;
    }
    pycase::PY_CASE_EXCEPTIONS
        .binary_search_by_key(&(c as u32), |e| e.0)
        .ok()
        .and_then(|i| pycase::PY_CASE_EXCEPTIONS.get(i))
        .map(|e| (e.1, e.2, e.3))
}

/// Python's `str.isupper()`: at least one upper-case character, none lower- or title-case.
pub fn py_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let (lower, upper) = match py_case_exception(c) {
            Some((l, u, _)) => (l, u),
            None => (c.is_lowercase(), c.is_uppercase()),
        };
        if lower || is_titlecase(c) {
            return false;
        }
        cased |= upper;
    }
    cased
}

/// Python's `str.lower()` (full case mapping, final sigma), with Python 3.11's Unicode data.
pub fn py_lower(s: &str) -> String {
    if !s.chars().any(|c| py_case_exception(c).is_some()) {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if let Some((_, _, m)) = py_case_exception(c) {
            out.push_str(&s[run..i].to_lowercase());
            out.push(m);
            run = i + c.len_utf8();
        }
    }
    out.push_str(&s[run..].to_lowercase());
    out
}

/// General category Lt.
fn is_titlecase(c: char) -> bool {
    matches!(c,
        '\u{1C5}' | '\u{1C8}' | '\u{1CB}' | '\u{1F2}'
        | '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}'
        | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}')
}

/// `token.strip(string.punctuation)`, unless that leaves two characters or fewer (emoticons).
fn strip_punc_if_word(tok: &str) -> &str {
    let stripped = tok.trim_matches(|c: char| c.is_ascii_punctuation());
    let short = if stripped.is_ascii() {
        stripped.len() <= 2
    } else {
        stripped.chars().nth(2).is_none()
    };
    if short {
        tok
    } else {
        stripped
    }
}

/// Python's `str.split()` without arguments.
struct PySplit<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> PySplit<'a> {
    fn new(s: &'a str) -> Self {
        PySplit { s, pos: 0 }
    }
}

#[inline]
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

impl<'a> Iterator for PySplit<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        let len = b.len();
        // Skip separators.
        let mut i = self.pos;
        loop {
            match b.get(i) {
                None => {
                    self.pos = len;
                    return None;
                }
                Some(&c) if c < 0x80 => {
                    if ascii_space(c) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                Some(_) => {
                    let c = self.s.get(i..).and_then(|r| r.chars().next())?;
                    if py_isspace(c) {
                        i += c.len_utf8();
                    } else {
                        break;
                    }
                }
            }
        }
        let start = i;
        while let Some(&c) = b.get(i) {
            if c < 0x80 {
                if ascii_space(c) {
                    break;
                }
                i += 1;
            } else {
                let ch = self.s.get(i..).and_then(|r| r.chars().next())?;
                if py_isspace(ch) {
                    break;
                }
                i += ch.len_utf8();
            }
        }
        self.pos = i;
        self.s.get(start..i)
    }
}

/// A valence as Python's `float()` reads it, but finite only.
fn parse_valence(s: &str) -> Result<f64, String> {
    let t = py_strip(s);
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(format!("valence {t:?} is not a finite number")),
        Err(_) => Err(format!("valence {t:?} is not a number")),
    }
}

#[cfg(test)]
mod tests;
