//! From text to token records: `str.split()`, `strip(string.punctuation)`, lower-casing and the
//! word-table lookup, in one pass over the bytes for ASCII text.
//!
//! Every byte's class (space, punctuation, upper, lower, apostrophe, '!' or '?') comes from one
//! table, so a token's flags are the OR of its bytes' classes; Python's `isupper()` and the
//! "n't" and punctuation checks then need no second look at the token in the common case.

use super::pystr::{py_isupper, py_lower, strip_punc_if_word, PySplit};
use super::swar::{self, Marks};
use super::table::{Info, Key, KEY_BYTES};
use super::{Analyzer, Counts, Scratch, Tok, TokenWriter};

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

impl Scratch {
    /// Copy `text` into `self.padded` followed by a space, so the last token ends like any
    /// other, then non-spaces: they stop the space skip right there, let 16 bytes be read from
    /// any token start and fill the last 16-byte lane of [`ascii_marks`]. The text's
    /// [`Marks`], or `None` if it is not ASCII.
    pub(super) fn pad(&mut self, text: &[u8]) -> Option<Marks> {
        // The most padding there can be (`len` below is at most text.len() + 1 + 47).
        const FILL: [u8; WINDOW + 16] = [b'x'; WINDOW + 16];
        let buf = &mut self.padded;
        buf.clear();
        buf.reserve(text.len() + 1 + FILL.len());
        buf.extend_from_slice(text);
        buf.push(b' ');
        // A fixed-size copy and a truncation: a few vector stores, where filling exactly
        // the bytes needed is a call to memset.
        buf.extend_from_slice(&FILL);
        let len = (text.len() + WINDOW + 1).next_multiple_of(16);
        buf.truncate(len);
        // The text's lanes (the padding is neither non-ASCII nor a mark).
        let lanes = (text.len() + 1).next_multiple_of(16);
        swar::ascii_marks(buf.get(..lanes).unwrap_or(buf))
    }
}

/// Bytes of the padded text looked at from a token's start.
const WINDOW: usize = 32;

/// The mask that keeps the first `len` bytes of a word (`len` in 0..=8; 0 past 8).
#[inline(always)]
fn keep(len: usize) -> u64 {
    const KEEP: [u64; 9] = {
        let mut t = [0u64; 9];
        let mut k = 1;
        while k <= 8 {
            t[k] = u64::MAX >> (64 - 8 * k);
            k += 1;
        }
        t
    };
    KEEP.get(len).copied().unwrap_or(0)
}

/// The little-endian word of `win[at..at + 8]` (0 past the window's end).
#[inline(always)]
fn word_of(win: &[u8; WINDOW], at: usize) -> u64 {
    match win
        .get(at..at + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
    {
        Some(w) => u64::from_le_bytes(w),
        None => 0,
    }
}

/// The position of the first byte below 0x21 in `win[..16]` (whose two words are `w0`,
/// `w1`), or [`WINDOW`] if there is none: where the token that starts the window ends, if it
/// ends within 16 bytes.
///
/// On x86-64 one vector compare of the 16 bytes and a bit scan of its 16-bit mask (the
/// trailing-zero count of 0 is 32, WINDOW: no branch); elsewhere both words in SWAR (both at
/// once: whether the token ends in the first word is not predictable). The vector form is
/// some 8 instructions fewer a token (the SWAR masks, their 128-bit bit scan and its select).
#[inline(always)]
fn first_below_space(win: &[u8; WINDOW], w0: u64, w1: u64) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        const _: () = assert!(WINDOW == 32);
        let _ = (w0, w1);
        // SAFETY: SSE2 is part of every x86-64 CPU; the unaligned load reads the first 16 of
        // the window's 32 bytes. The compare is signed, which is right for ASCII (the scan
        // only sees ASCII text and ASCII padding). (Not a CPython call.)
        let mask = unsafe {
            let v = _mm_loadu_si128(win.as_ptr().cast());
            _mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x21)))
        };
        (mask as u32).trailing_zeros() as usize
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let ends = u128::from(swar::below_space(w0)) | u128::from(swar::below_space(w1)) << 64;
        match ends {
            0 => WINDOW,
            m => (m.trailing_zeros() / 8) as usize,
        }
    }
}

/// What the lookup and the token flags need of a token of at most 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Cased {
    /// The token lower-cased (ASCII), zero-padded to 16 bytes, as two little-endian words.
    low: [u64; 2],
    /// Python's `isupper()`: some upper-case letter and no lower-case one.
    upper: bool,
    /// Whether it holds an apostrophe (only then can it hold "n't").
    apos: bool,
}

/// The 16 bytes of which the first `16 - len` are cut from [`KEEP16`]`[16 - len..]`'s load:
/// `len` bytes 0xff, then zeros.
#[cfg(target_arch = "x86_64")]
static KEEP16: [u8; 32] = {
    let mut t = [0u8; 32];
    let mut k = 0;
    while k < 16 {
        t[k] = 0xff;
        k += 1;
    }
    t
};

/// [`Cased`] of the token `win[o..o + len]` (`o < 16`, `1 <= len <= 16`).
///
/// On x86-64 from one pass of vector compares over its 16 bytes (zeroed past `len`, so the
/// bytes after the token count as no class): the upper- and lower-case letters by one add
/// and one signed compare each, the apostrophes by one compare, lower-cased by OR-ing 0x20
/// into the upper-case lanes. In SWAR (elsewhere) the same asks some 2 instructions a class
/// a word, and twice that for the second word of a longer token.
#[inline(always)]
fn cased(win: &[u8; WINDOW], o: usize, len: usize) -> Cased {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_add_epi8, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_cvtsi128_si64,
            _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_unpackhi_epi64,
        };
        const _: () = assert!(WINDOW >= 32);
        // SAFETY: SSE2 is part of every x86-64 CPU. The loads read win[o & 15..][..16]
        // (within its 32 bytes) and KEEP16[(16 - len) & 15..][..16] (within its 32). The
        // window is ASCII (the scan only sees ASCII text and padding), so a byte plus 0x3f
        // or 0x1f wraps into the negative lanes only from 'A' or 'a' up, and it is below
        // -102 (0x80 + 26, signed) exactly up to 'Z' or 'z'. (Not a CPython call.)
        unsafe {
            let v = _mm_loadu_si128(win.as_ptr().add(o & 15).cast());
            let keep = _mm_loadu_si128(KEEP16.as_ptr().add(16usize.wrapping_sub(len) & 15).cast());
            let x = _mm_and_si128(v, keep);
            let below = _mm_set1_epi8(-128 + 26);
            let up = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x3f)), below);
            let lo = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x1f)), below);
            let ap = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\'' as i8));
            let low = _mm_or_si128(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
            Cased {
                low: [
                    _mm_cvtsi128_si64(low) as u64,
                    _mm_cvtsi128_si64(_mm_unpackhi_epi64(low, low)) as u64,
                ],
                upper: (_mm_movemask_epi8(up) != 0) & (_mm_movemask_epi8(lo) == 0),
                apos: _mm_movemask_epi8(ap) != 0,
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        cased_swar(win, o, len)
    }
}

/// [`cased`] in SWAR, two words (the non-x86 form, and the tests' reference).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn cased_swar(win: &[u8; WINDOW], o: usize, len: usize) -> Cased {
    let x = [
        word_of(win, o) & keep(len.min(8)),
        word_of(win, o + 8) & keep(len.saturating_sub(8)),
    ];
    let up = x.map(|w| swar::in_range(w, b'A', b'Z'));
    let lower = x.map(|w| swar::in_range(w, b'a', b'z'));
    Cased {
        low: [x[0] | (up[0] >> 2), x[1] | (up[1] >> 2)],
        upper: ((up[0] | up[1]) != 0) & ((lower[0] | lower[1]) == 0),
        apos: (swar::equal(x[0], b'\'') | swar::equal(x[1], b'\'')) != 0,
    }
}

/// The OR of the classes of `bytes`.
#[inline]
fn classes(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0, |acc, &c| acc | CLASS[c as usize])
}

impl Analyzer {
    /// Token records of an ASCII `text` into `sc` (see [`TokenWriter::push`]); `None` if
    /// the text is not ASCII. (Scoring uses the marks too: see `score_with`.)
    #[cfg(test)]
    pub(super) fn tokens_ascii(&self, text: &[u8], sc: &mut Scratch) -> Option<Marks> {
        let marks = sc.pad(text)?;
        self.tokens_padded(text.len(), marks.apos, sc);
        Some(marks)
    }

    /// Token records of the ASCII text of `n` bytes that [`Scratch::pad`] put in `sc.padded`.
    ///
    /// With the padding, every token, the last one too, can be read a machine word at a time
    /// without a bounds case: a token of up to 16 bytes is found, stripped and looked up from
    /// two reads. `apos`: whether the text has an apostrophe (else no token is checked for
    /// "n't").
    #[cfg(test)]
    pub(super) fn tokens_padded(&self, n: usize, apos: bool, sc: &mut Scratch) {
        self.tokens_padded_as::<false>(n, apos, sc)
    }

    /// [`Analyzer::tokens_padded`]; with `REC`, each token's raw bytes (before the strip)
    /// are also noted in `sc.bounds` (see [`super::kept`]).
    pub(super) fn tokens_padded_as<const REC: bool>(&self, n: usize, apos: bool, sc: &mut Scratch) {
        sc.make_room(n);
        let scan = match apos {
            true => Analyzer::scan_padded::<true, REC>,
            false => Analyzer::scan_padded::<false, REC>,
        };
        // The same scan again, with room for the count, if the first did not fit.
        let run = |sc: &mut Scratch| {
            let (toks, lex, bounds) = (&mut sc.toks, &mut sc.lex, &mut sc.bounds);
            scan(self, &sc.padded, n, toks, lex, bounds, sc.origin)
        };
        let mut counts = run(sc);
        if !sc.fits(&counts) {
            sc.room_for(counts.toks);
            counts = run(sc);
        }
        sc.set_counts(counts);
    }

    /// Token records of the ASCII text `b[..n]`, padded by [`Scratch::pad`]. (A function of
    /// its own: the loop gets the registers to itself.)
    /// (`APOS`: whether the text has an apostrophe; a loop for each, so that no token asks.)
    /// (`REC`: note each raw token's bytes in `bounds`, from `off`, see
    /// [`Analyzer::tokens_padded_as`].)
    #[inline(never)]
    fn scan_padded<const APOS: bool, const REC: bool>(
        &self,
        b: &[u8],
        n: usize,
        out: &mut [Tok],
        lex: &mut [(usize, f64)],
        bounds: &mut [(usize, usize)],
        off: usize,
    ) -> Counts {
        let mut sc = TokenWriter::new(out, lex);
        let mut i = 0;
        // Cut to the text and `WINDOW - 1` bytes of its padding, the whole window from `i`
        // is there exactly when `i < n`: the bounds check of the window is the loop's test.
        // (Asked as the range `i..i + WINDOW`, it is one compare: from `i..`, two.)
        let Some(b) = b.get(..n + WINDOW - 1) else {
            return sc.finish();
        };
        while let Some(win) = b.get(i..i + WINDOW).and_then(|w| w.first_chunk::<WINDOW>()) {
            if CLASS[win[0] as usize] & SPACE != 0 {
                i += 1;
                continue;
            }
            let w0 = word_of(win, 0);
            let w1 = word_of(win, 8);
            // The token's length if it ends within 16 bytes (the first byte below 0x21 is a
            // space, not another control character), else WINDOW.
            let len = first_below_space(win, w0, w1);
            if len > 16 || CLASS[win[len & 31] as usize] & SPACE == 0 {
                let end = swar::token_end(b, i, |c| CLASS[c as usize] & SPACE != 0);
                note::<REC>(bounds, sc.k, off + i, off + end);
                sc.push(self.other_tok(b, i, end));
                i = end + 1;
                continue;
            }
            // 1 <= len <= 16 here (win[0] is not a space).
            note::<REC>(bounds, sc.k, off + i, off + i + len);
            let last = win[(len - 1) & 15];
            // Each arm pushes its own record: merged into one value first, the record
            // went through the stack.
            match (CLASS[win[0] as usize] | CLASS[last as usize]) & PUNCT {
                0 => sc.push(self.padded_tok(b, i, len, cased(win, 0, len), APOS)),
                // Stripping only ever removes punctuation at the ends.
                _ => {
                    let (s, e) = strip_ascii_punct(b, i, i + len);
                    let x = cased(win, s - i, e - s);
                    sc.push(self.padded_tok(b, s, e - s, x, APOS))
                }
            }
            // win[len] is a space: the next token starts after it at the earliest.
            i += len + 1;
        }
        sc.finish()
    }

    /// The record of the ASCII token `b[s..s + len]` (`1 <= len <= 16`), whose bytes, case
    /// and apostrophe are `c` (see [`cased`]). `apos`: whether the text has an apostrophe.
    #[inline(always)]
    fn padded_tok(&self, b: &[u8], s: usize, len: usize, c: Cased, apos: bool) -> Info {
        let info = match len <= 8 {
            true => self.words.get_short(c.low[0], len),
            false => self.words.get_medium(&c.low, len),
        };
        let nt = apos && c.apos && has_nt(&b[s..s + len], true);
        info.token(nt, c.upper)
    }

    /// The record of the ASCII token `text[start..end]` (the raw token; stripped here).
    #[inline(never)]
    fn other_tok(&self, text: &[u8], start: usize, end: usize) -> Info {
        let is_punct = |k: usize| CLASS[text[k] as usize] & PUNCT != 0;
        let (s, e) = match is_punct(start) || is_punct(end - 1) {
            true => strip_ascii_punct(text, start, end),
            false => (start, end),
        };
        self.ascii_tok(text, s, e)
    }

    /// Token records of any text (Python's `str.split()` on Unicode white space).
    #[cfg(test)]
    pub(super) fn tokens_unicode(&self, text: &str, sc: &mut Scratch) {
        self.tokens_unicode_as::<false>(text, sc)
    }

    /// [`Analyzer::tokens_unicode`]; with `REC`, each raw token's bytes are noted in
    /// `sc.bounds` (as [`Analyzer::tokens_padded_as`]).
    pub(super) fn tokens_unicode_as<const REC: bool>(&self, text: &str, sc: &mut Scratch) {
        sc.make_room(text.len());
        let mut counts = self.scan_unicode::<REC>(text, sc);
        if !sc.fits(&counts) {
            sc.room_for(counts.toks);
            counts = self.scan_unicode::<REC>(text, sc);
        }
        sc.set_counts(counts);
    }

    fn scan_unicode<const REC: bool>(&self, text: &str, sc: &mut Scratch) -> Counts {
        let mut w = TokenWriter::new(&mut sc.toks, &mut sc.lex);
        for raw in PySplit::new(text) {
            if REC {
                // `raw` is a slice of `text`: its offset is the pointers' difference.
                let s = (raw.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize) + sc.origin;
                note::<REC>(&mut sc.bounds, w.k, s, s + raw.len());
            }
            w.push(self.raw_info(raw));
        }
        w.finish()
    }

    /// The record of `text[s..e]`, a raw token cut from a longer one, read where it lies: an
    /// ASCII piece (most: a word cut from its curly quote mark) is read with whole-word loads
    /// of the text around it, which the reads mask to the piece, instead of byte by byte from
    /// a slice too short for one load. `None` when `s..e` is not on char boundaries of `text`.
    #[inline]
    pub(super) fn piece_info_in(&self, text: &str, s: usize, e: usize) -> Option<Info> {
        let raw = text.get(s..e)?;
        Some(match raw.is_ascii() && !raw.is_empty() {
            true => {
                let (s, e) = strip_ascii_punct(text.as_bytes(), s, e);
                self.ascii_tok(text.as_bytes(), s, e)
            }
            false => self.raw_info(raw),
        })
    }

    /// The record of one raw token (a piece of `str.split()`'s output, not yet stripped).
    #[inline]
    pub(super) fn raw_info(&self, raw: &str) -> Info {
        let word = strip_punc_if_word(raw);
        if word.is_ascii() {
            self.ascii_tok(word.as_bytes(), 0, word.len())
        } else {
            let lower = py_lower(word);
            let info = self.words.get(lower.as_bytes());
            info.token(has_nt(lower.as_bytes(), false), py_isupper(word))
        }
    }

    /// The record of the ASCII token `text[s..e]` (`s < e`).
    #[inline(always)]
    fn ascii_tok(&self, text: &[u8], s: usize, e: usize) -> Info {
        let len = e - s;
        if len > 8 {
            return self.ascii_tok_long(text, s, e);
        }
        self.short_tok(text, s, len, swar::read_word(text, s, len))
    }

    /// The record of the ASCII token `text[s..s + len]` (`1 <= len <= 8`), whose bytes are
    /// `x` (zero-padded).
    #[inline(always)]
    fn short_tok(&self, text: &[u8], s: usize, len: usize, x: u64) -> Info {
        let e = s + len;
        // One word: lower-cased by setting the case bit (0x20) of its upper-case letters.
        let up = swar::in_range(x, b'A', b'Z');
        let info = self.words.get_short(x | (up >> 2), len);
        let upper = (up != 0) & (swar::in_range(x, b'a', b'z') == 0);
        // negated(): a NEGATE word (the table's NEG) or "n't" anywhere in the lower-cased token.
        let nt = swar::equal(x, b'\'') != 0 && has_nt(&text[s..e], true);
        info.token(nt, upper)
    }

    /// The record of the ASCII token `text[s..s + len]` (`9 <= len <= 16`), whose bytes are
    /// `x` (zero-padded): two words, lower-cased like one in `short_tok`.
    #[inline(always)]
    fn medium_tok(&self, text: &[u8], s: usize, len: usize, x: [u64; 2]) -> Info {
        let up = x.map(|w| swar::in_range(w, b'A', b'Z'));
        let lower = x.map(|w| swar::in_range(w, b'a', b'z'));
        let apos = (swar::equal(x[0], b'\'') | swar::equal(x[1], b'\'')) != 0;
        let info = self
            .words
            .get_medium(&[x[0] | (up[0] >> 2), x[1] | (up[1] >> 2)], len);
        let upper = ((up[0] | up[1]) != 0) & ((lower[0] | lower[1]) == 0);
        info.token(apos && has_nt(&text[s..s + len], true), upper)
    }

    /// [`Analyzer::ascii_tok`] for tokens of more than 8 bytes (`s + 8 < e`).
    #[inline(never)]
    fn ascii_tok_long(&self, text: &[u8], s: usize, e: usize) -> Info {
        let len = e - s;
        let (info, upper, apos) = if len <= 16 {
            let x = [
                swar::read_word(text, s, 8),
                swar::read_word(text, s + 8, len - 8),
            ];
            return self.medium_tok(text, s, len, x);
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
        info.token(apos && has_nt(&text[s..e], true), upper)
    }
}

/// With `REC`, note the raw token `s..e` as the `k`-th token's bytes (no room: not noted, and
/// the scan runs again with room, see [`Scratch::fits`]).
#[inline(always)]
fn note<const REC: bool>(bounds: &mut [(usize, usize)], k: usize, s: usize, e: usize) {
    if REC {
        if let Some(slot) = bounds.get_mut(k) {
            *slot = (s, e);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// [`cased`] (the vector form on x86-64) agrees with a byte-by-byte reading and with
    /// [`cased_swar`], at every offset and length, for every ASCII byte in every position,
    /// bytes after the token that would change the answer included.
    #[test]
    fn cased_matches_bytewise() {
        let bytewise = |win: &[u8; WINDOW], o: usize, len: usize| {
            let tok = &win[o..o + len];
            let mut low = [0u8; 16];
            low[..len].copy_from_slice(&tok.to_ascii_lowercase());
            let word = |k: usize| u64::from_le_bytes(low[k..k + 8].try_into().unwrap());
            Cased {
                low: [word(0), word(8)],
                upper: tok.iter().any(u8::is_ascii_uppercase)
                    && !tok.iter().any(u8::is_ascii_lowercase),
                apos: tok.contains(&b'\''),
            }
        };
        let check = |win: &[u8; WINDOW], o: usize, len: usize| {
            let want = bytewise(win, o, len);
            assert_eq!(cased(win, o, len), want, "{win:?} {o} {len}");
            assert_eq!(cased_swar(win, o, len), want, "{win:?} {o} {len}");
        };
        for base in [b'X', b'x', b'5'] {
            for o in 0..16 {
                for len in 1..=16 {
                    for at in 0..WINDOW {
                        for c in 0u8..0x80 {
                            let mut win = [base; WINDOW];
                            // After the token, a lower-case letter: it must not count.
                            win[(o + len) % WINDOW] = b'q';
                            win[at] = c;
                            check(&win, o, len);
                        }
                    }
                }
            }
        }
    }

    /// The token end found by [`first_below_space`] is the first byte below 0x21 among the
    /// window's first 16, byte by byte, or WINDOW past them: every position, every byte below
    /// 0x21, with other such bytes after it.
    #[test]
    fn first_below_space_is_the_first_byte_below_0x21() {
        let bytewise = |win: &[u8; WINDOW]| win[..16].iter().position(|&c| c < 0x21);
        let check = |win: &[u8; WINDOW]| {
            let got = first_below_space(win, word_of(win, 0), word_of(win, 8));
            assert_eq!(got, bytewise(win).unwrap_or(WINDOW), "{win:?}");
        };
        let mut win = [b'x'; WINDOW];
        check(&win);
        win[16] = b' ';
        check(&win);
        for at in 0..16 {
            for c in (0u8..0x21).chain([0x21, b'~', 0x7f]) {
                let mut win = [b'a'; WINDOW];
                win[at] = c;
                check(&win);
                win[15] = b'\t';
                check(&win);
            }
        }
    }
}
