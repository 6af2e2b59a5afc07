//! Texts whose only non-ASCII characters are white space or caseless punctuation (curly quotes
//! and apostrophes, dashes, ellipses, NBSP: most news sentences) go through the ASCII scan.
//!
//! In the padded copy, each byte of such a character becomes an ASCII stand-in that the scan
//! treats exactly as VADER treats the character:
//! - Python white space (NBSP, U+2028, ...) -> one space a byte: `str.split()` splits there
//!   as on a run of spaces, so the tokens are the same.
//! - caseless punctuation outside `string.punctuation` -> DEL (0x7f) a byte: not white space,
//!   not stripped (neither char is in `string.punctuation`), no case (`isupper()` and
//!   `lower()` see only the ASCII letters either way), not `'`, `!` or `?`. A token holding one
//!   is a lexicon miss on both sides as long as no word-table key holds DEL or such a
//!   character (checked when the table is built: `Analyzer::opaque_ok`). The strip's
//!   "two characters or fewer" test counts bytes in the scan and characters in VADER, so they
//!   may keep different forms of such a token: both forms hold the character, both miss.
//!
//! Emoji (VADER replaces them by descriptions) and any other character keep the slow path.

use super::pystr::py_isspace;
use super::swar::{self, Marks};
use super::{Analyzer, Scratch};

/// Caseless punctuation and symbols outside `string.punctuation` (Python: `c.lower() == c`,
/// not cased, not white space), the candidates for a DEL stand-in.
pub(super) fn caseless_punct(c: char) -> bool {
    matches!(c,
        // Latin-1 punctuation and signs, without the letters ª µ º.
        '\u{a1}'..='\u{a9}' | '\u{ab}'..='\u{b4}' | '\u{b6}'..='\u{b9}' | '\u{bb}'..='\u{bf}'
        | '\u{d7}' | '\u{f7}'
        // General Punctuation: dashes, quotes, bullets, ellipsis, primes, guillemets ...
        // (its white space, U+2028/9, U+202F, U+205F, is tested first).
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
        // Currency signs.
        | '\u{20a0}'..='\u{20c0}')
}

/// Whether the word-table key `k` could match a token the scan sees with DEL stand-ins.
pub(super) fn key_blocks_opaque(k: &[u8]) -> bool {
    k.contains(&0x7f) || String::from_utf8_lossy(k).chars().any(caseless_punct)
}

impl Analyzer {
    /// After [`Scratch::pad`] found `text` not ASCII (the copy is in `sc.padded`): put the
    /// stand-ins in the copy and give the text's [`Marks`], or `None` (copy left as it is
    /// then) if some character needs the slow path.
    pub(super) fn pad_opaque(&self, text: &str, sc: &mut Scratch) -> Option<Marks> {
        if !self.opaque_ok {
            return None;
        }
        let n = text.len();
        let buf = sc.padded.get_mut(..n)?;
        // One pass: each character is decoded once, checked and its stand-in written. A
        // slow-path character puts the text's bytes back (the copy is left as it was).
        let mut i = 0;
        while let Some(k) = next_high(text.as_bytes(), i) {
            let c = text.get(k..).and_then(|r| r.chars().next())?;
            let e = k + c.len_utf8();
            let stand_in = if py_isspace(c) {
                b' '
            } else if caseless_punct(c) && !self.emoji_char.contains_key(&c) {
                0x7f
            } else {
                buf.get_mut(..k)?.copy_from_slice(text.as_bytes().get(..k)?);
                return None;
            };
            buf.get_mut(k..e)?.fill(stand_in);
            i = e;
        }
        let lanes = (n + 1).next_multiple_of(16);
        swar::ascii_marks(sc.padded.get(..lanes)?)
    }
}

/// The first byte at or after `i` that is not ASCII, eight bytes at a time.
#[inline]
fn next_high(b: &[u8], mut i: usize) -> Option<usize> {
    const HI: u64 = 0x8080_8080_8080_8080;
    while let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let h = u64::from_le_bytes(w) & HI;
        if h != 0 {
            return Some(i + (h.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(|&c| c >= 0x80).map(|k| i + k)
}
