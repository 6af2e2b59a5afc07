//! Eight ASCII bytes at a time in one `u64` ("SIMD within a register"), for the scan of ASCII
//! text: where a token ends, which letters it has, how many '!' and '?' a text holds.
//!
//! Every function here assumes bytes below 0x80 (the caller checked the text is ASCII): then
//! adding a constant below 0x80 to a byte cannot carry into the next byte, and bit 7 of each
//! byte of `w + (0x80 - c)` says whether that byte is at least `c`.

/// 0x01 in every byte.
const LO: u64 = 0x0101_0101_0101_0101;
/// 0x80 in every byte.
const HI: u64 = LO * 0x80;

/// Bit 7 set in each byte of `w` that is at least `c` (`c` in 1..=0x80).
#[inline(always)]
fn at_least(w: u64, c: u8) -> u64 {
    w.wrapping_add(LO * u64::from(0x80 - c)) & HI
}

/// Bit 7 set in each byte of `w` in `lo..=hi`.
#[inline(always)]
pub(super) fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    at_least(w, lo) & !at_least(w, hi + 1)
}

/// Bit 7 set in each byte of `w` equal to `c` (exact, no false positives).
#[inline(always)]
pub(super) fn equal(w: u64, c: u8) -> u64 {
    let x = w ^ (LO * u64::from(c));
    !(((x & !HI).wrapping_add(!HI)) | x) & HI
}

/// The little-endian word of `text[at..at + 8]`, or `None` past the end.
#[inline(always)]
fn word_at(text: &[u8], at: usize) -> Option<u64> {
    text.get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(u64::from_le_bytes)
}

/// `text[at..at + len]` (`1 <= len <= 8`, inside the text) as a zero-padded little-endian
/// word, read with one load even at the end of the text.
#[inline(always)]
pub(super) fn read_word(text: &[u8], at: usize, len: usize) -> u64 {
    let keep = u64::MAX >> (64 - 8 * len.clamp(1, 8));
    if let Some(w) = word_at(text, at) {
        return w & keep;
    }
    let end = text.len();
    if let Some(w) = end.checked_sub(8).and_then(|s| word_at(text, s)) {
        // The eight bytes that end the text, shifted so `at` comes first.
        return (w >> (8 * (at + 8 - end).min(7))) & keep;
    }
    let mut b = [0u8; 8];
    for (k, slot) in b.iter_mut().enumerate().take(len) {
        *slot = text.get(at + k).copied().unwrap_or(0);
    }
    u64::from_le_bytes(b)
}

/// The token that starts at `i` when it is shorter than 8 bytes and 8 bytes can be read there:
/// its length and its bytes as a zero-padded word (`None`: use [`token_end`] and [`read_word`]).
#[inline(always)]
pub(super) fn short_token(
    text: &[u8],
    i: usize,
    is_space: impl Fn(u8) -> bool,
) -> Option<(usize, u64)> {
    let w = word_at(text, i)?;
    let below = !at_least(w, 0x21) & HI;
    let len = (below.trailing_zeros() / 8) as usize;
    // No candidate (len 8) or one that is a control character, not a space: the long way.
    match text.get(i + len) {
        Some(&c) if len < 8 && is_space(c) => Some((len, w & (u64::MAX >> (64 - 8 * len.max(1))))),
        _ => None,
    }
}

/// The end of the token that starts at `i`: the first byte from `i` on that is Python white
/// space (`is_space`), or the end of the text. Bytes below 0x21 are only candidates: the
/// control characters that are not white space stay inside the token.
#[inline(always)]
pub(super) fn token_end(text: &[u8], mut i: usize, is_space: impl Fn(u8) -> bool) -> usize {
    while let Some(w) = word_at(text, i) {
        let below = !at_least(w, 0x21) & HI;
        if below == 0 {
            i += 8;
            continue;
        }
        i += (below.trailing_zeros() / 8) as usize;
        match text.get(i) {
            Some(&c) if !is_space(c) => i += 1,
            _ => return i,
        }
    }
    while let Some(&c) = text.get(i) {
        if is_space(c) {
            break;
        }
        i += 1;
    }
    i
}

/// How many '!' and how many '?' `text` holds, or `None` if it is not ASCII: one pass, in
/// chunks short enough for byte-wide counters, which the compiler turns into vector code.
pub(super) fn ascii_marks(text: &[u8]) -> Option<(usize, usize)> {
    let (mut ep, mut qm) = (0usize, 0usize);
    for chunk in text.chunks(255) {
        let (mut high, mut e, mut q) = (0u8, 0u8, 0u8);
        for &c in chunk {
            high |= c;
            e += u8::from(c == b'!');
            q += u8::from(c == b'?');
        }
        if high >= 0x80 {
            return None;
        }
        ep += usize::from(e);
        qm += usize::from(q);
    }
    Some((ep, qm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_match_bytewise() {
        let text: Vec<u8> = (0u8..0x80)
            .chain(b"Don't STOP!? ok".iter().copied())
            .collect();
        for at in 0..text.len() - 8 {
            let w = read_word(&text, at, 8);
            for k in 0..8 {
                let b = text[at + k];
                let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                assert_eq!(bit(in_range(w, b'A', b'Z')), b.is_ascii_uppercase());
                assert_eq!(bit(equal(w, b'\'')), b == b'\'');
                assert_eq!(bit(at_least(w, 0x21)), b >= 0x21);
            }
        }
    }

    #[test]
    fn read_word_at_the_end_and_in_short_texts() {
        let text = b"abcdefghij";
        assert_eq!(
            read_word(text, 8, 2),
            u64::from(b'i') | u64::from(b'j') << 8
        );
        assert_eq!(read_word(b"xy", 1, 1), u64::from(b'y'));
        assert_eq!(read_word(text, 0, 3), 0x63_6261);
    }

    #[test]
    fn token_ends_and_marks() {
        let space = |c: u8| matches!(c, b'\t'..=b'\r' | 0x1c..=0x1f | b' ');
        let t = b"abcdefghijklm\x01nop qr";
        assert_eq!(token_end(t, 0, space), 17);
        assert_eq!(token_end(t, 18, space), 20);
        assert_eq!(ascii_marks(b"What?! Really?? no!"), Some((2, 3)));
        assert_eq!(ascii_marks("no\u{e9}!".as_bytes()), None);
        let many = "!?!".repeat(300);
        assert_eq!(ascii_marks(many.as_bytes()), Some((600, 300)));
    }
}
