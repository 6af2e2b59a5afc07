//! From text to token records: `str.split()`, `strip(string.punctuation)`, lower-casing and the
//! word-table lookup, in one pass over the bytes for ASCII text.
//!
//! Every byte's class (space, punctuation, upper, lower, apostrophe, '!' or '?') comes from one
//! table, so a token's flags are the OR of its bytes' classes; Python's `isupper()` and the
//! "n't" and punctuation checks then need no second look at the token in the common case.

use super::pystr::{py_isupper, py_lower, strip_punc_if_word, PySplit};
use super::swar;
use super::table::{Info, Key, KEY_BYTES};
use super::{Analyzer, Scratch, Tok};

const SPACE: u8 = 1;
const PUNCT: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
const APOS: u8 = 16;

/// The class bits of each byte (0 for bytes >= 0x80).
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b'\t'..=b'\r' | 0x1c..=0x1f | b' ') {
            SPACE
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_punctuation() {
            // string.punctuation is exactly ASCII punctuation.
            PUNCT
                | match c {
                    b'\'' => APOS,
                    _ => 0,
                }
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The OR of the classes of `bytes`.
#[inline]
fn classes(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0, |acc, &c| acc | CLASS[c as usize])
}

impl Analyzer {
    /// Token records of an ASCII `text` into `sc` (see [`Scratch::push`]).
    pub(super) fn tokens_ascii(&self, text: &[u8], sc: &mut Scratch) {
        let n = text.len();
        // Tokens are separated by spaces: at most one per two bytes, so no push reallocates.
        sc.toks.reserve(n / 2 + 1);
        let is_space = |c: u8| CLASS[c as usize] & SPACE != 0;
        let is_punct = |k: usize| text.get(k).is_some_and(|&c| CLASS[c as usize] & PUNCT != 0);
        let mut i = 0;
        loop {
            while i < n && is_space(text[i]) {
                i += 1;
            }
            if i >= n {
                break;
            }
            let start = i;
            // Most tokens are short words: one read gives their end and their bytes.
            let short = swar::short_token(text, i, is_space);
            i = match short {
                Some((len, _)) => start + len,
                None => swar::token_end(text, i, is_space),
            };
            // Stripping only ever removes punctuation at the ends.
            let tok = match short {
                Some((len, x)) if !is_punct(start) && !is_punct(i - 1) => {
                    self.short_tok(text, start, len, x)
                }
                _ => self.other_tok(text, start, i),
            };
            sc.push(tok);
            // text[i] is a space (or the end): the next token starts after it at the earliest.
            i += 1;
        }
    }

    /// The record of the ASCII token `text[start..end]` (the raw token; stripped here).
    #[inline(never)]
    fn other_tok(&self, text: &[u8], start: usize, end: usize) -> Tok {
        let is_punct = |k: usize| CLASS[text[k] as usize] & PUNCT != 0;
        let (s, e) = match is_punct(start) || is_punct(end - 1) {
            true => strip_ascii_punct(text, start, end),
            false => (start, end),
        };
        self.ascii_tok(text, s, e)
    }

    /// Token records of any text (Python's `str.split()` on Unicode white space).
    pub(super) fn tokens_unicode(&self, text: &str, sc: &mut Scratch) {
        for raw in PySplit::new(text) {
            let word = strip_punc_if_word(raw);
            let tok = if word.is_ascii() {
                self.ascii_tok(word.as_bytes(), 0, word.len())
            } else {
                let lower = py_lower(word);
                let info = self.words.get(lower.as_bytes());
                info.token(
                    info.negate() || has_nt(lower.as_bytes(), false),
                    py_isupper(word),
                )
            };
            sc.push(tok);
        }
    }

    /// The record of the ASCII token `text[s..e]` (`s < e`).
    #[inline(always)]
    fn ascii_tok(&self, text: &[u8], s: usize, e: usize) -> Tok {
        let len = e - s;
        if len > 8 {
            return self.ascii_tok_long(text, s, e);
        }
        self.short_tok(text, s, len, swar::read_word(text, s, len))
    }

    /// The record of the ASCII token `text[s..s + len]` (`1 <= len <= 8`), whose bytes are
    /// `x` (zero-padded).
    #[inline(always)]
    fn short_tok(&self, text: &[u8], s: usize, len: usize, x: u64) -> Tok {
        let e = s + len;
        // One word: lower-cased by setting the case bit (0x20) of its upper-case letters.
        let up = swar::in_range(x, b'A', b'Z');
        let info = self.words.get_short(x | (up >> 2), len);
        let upper = up != 0 && swar::in_range(x, b'a', b'z') == 0;
        // negated(): a NEGATE word or "n't" anywhere in the lower-cased token.
        let neg = info.negate() || (swar::equal(x, b'\'') != 0 && has_nt(&text[s..e], true));
        info.token(neg, upper)
    }

    /// [`Analyzer::ascii_tok`] for tokens of more than 8 bytes (`s + 8 < e`).
    #[inline(never)]
    fn ascii_tok_long(&self, text: &[u8], s: usize, e: usize) -> Tok {
        let len = e - s;
        let (info, upper, apos) = if len <= 16 {
            // Two words, lower-cased like one in `short_tok`.
            let x = [
                swar::read_word(text, s, 8),
                swar::read_word(text, s + 8, len - 8),
            ];
            let up = x.map(|w| swar::in_range(w, b'A', b'Z'));
            let lower = x.map(|w| swar::in_range(w, b'a', b'z'));
            let apos = x.map(|w| swar::equal(w, b'\''));
            let info = self
                .words
                .get_medium(&[x[0] | (up[0] >> 2), x[1] | (up[1] >> 2)], len);
            let upper = (up[0] | up[1]) != 0 && (lower[0] | lower[1]) == 0;
            (info, upper, (apos[0] | apos[1]) != 0)
        } else if len <= KEY_BYTES {
            let (key, has_upper, has_lower, apos) = Key::load_ascii(text, s, len);
            let info = match len <= self.words.max_key() {
                true => self.words.get_key(&key),
                false => Info::NONE,
            };
            (info, has_upper && !has_lower, apos)
        } else {
            let word = &text[s..e];
            let acc = classes(word);
            let info = match len <= self.words.max_key() {
                true => self.words.get(&word.to_ascii_lowercase()),
                false => Info::NONE,
            };
            (info, acc & UPPER != 0 && acc & LOWER == 0, acc & APOS != 0)
        };
        info.token(info.negate() || (apos && has_nt(&text[s..e], true)), upper)
    }
}

/// `"n't" in word.lower()` (`ascii_case`: compare ignoring ASCII case, for unlowered bytes).
fn has_nt(word: &[u8], ascii_case: bool) -> bool {
    if memchr::memchr(b'\'', word).is_none() {
        return false;
    }
    word.windows(3).any(|w| {
        if ascii_case {
            w.eq_ignore_ascii_case(b"n't")
        } else {
            w == b"n't"
        }
    })
}

/// `strip_punc_if_word` on the ASCII token `text[start..end]`: the range left by
/// `strip(string.punctuation)`, unless that leaves two bytes or fewer.
#[inline]
fn strip_ascii_punct(text: &[u8], start: usize, end: usize) -> (usize, usize) {
    let is_punct = |k: usize| CLASS[text[k] as usize] & PUNCT != 0;
    let (mut s, mut e) = (start, end);
    while s < e && is_punct(s) {
        s += 1;
    }
    while e > s && is_punct(e - 1) {
        e -= 1;
    }
    if e - s > 2 {
        (s, e)
    } else {
        (start, end)
    }
}
