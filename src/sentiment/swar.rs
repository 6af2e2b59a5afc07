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
    let keep = keep(len);
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

/// The mask that keeps the first `len` bytes of a word (`1 <= len <= 8`).
#[inline(always)]
pub(super) fn keep(len: usize) -> u64 {
    u64::MAX >> (64 - 8 * len.clamp(1, 8))
}

/// Bit 7 set in each byte of `w` below 0x21: white space and the other control characters,
/// the candidates for a token's end.
#[inline(always)]
pub(super) fn below_space(w: u64) -> u64 {
    !at_least(w, 0x21) & HI
}

/// The end of the token that starts at `i`: the first byte from `i` on that is Python white
/// space (`is_space`), or the end of the text. Bytes below 0x21 are only candidates: the
/// control characters that are not white space stay inside the token.
#[inline(always)]
pub(super) fn token_end(text: &[u8], mut i: usize, is_space: impl Fn(u8) -> bool) -> usize {
    while let Some(w) = word_at(text, i) {
        let below = below_space(w);
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

/// What the scoring needs of a whole ASCII text, from one pass over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Marks {
    /// How many '!' and how many '?' it holds.
    pub(super) ep: usize,
    pub(super) qm: usize,
    /// Whether it has an apostrophe (without one, no token can hold "n't").
    pub(super) apos: bool,
}

/// [`Marks`] of `text`, or `None` if it is not ASCII: one pass 16 bytes at a time in
/// byte-wide lanes (the compiler turns them into vector code). '!' and '?' are counted in
/// per-lane byte counters, summed every [`BLOCK`] bytes (before a lane could pass 255): no
/// second pass over the text for texts that hold them (that pass was byte by byte).
/// Bytes after the text up to a multiple of 16 must be ASCII and none of `!?'`: with them,
/// `padded` holds whole lanes, so no byte is looked at one at a time.
pub(super) fn ascii_marks(padded: &[u8]) -> Option<Marks> {
    let (mut high, mut a) = ([0u8; 16], [0u8; 16]);
    let (mut ep, mut qm) = (0, 0);
    for block in padded.chunks(BLOCK) {
        let (mut e, mut q) = ([0u8; 16], [0u8; 16]);
        let mut lanes = block.chunks_exact(16);
        for chunk in &mut lanes {
            for j in 0..16 {
                let c = chunk[j];
                high[j] |= c;
                // A match is 0xff: subtracting it adds one.
                e[j] = e[j].wrapping_sub(u8::from(c == b'!').wrapping_neg());
                q[j] = q[j].wrapping_sub(u8::from(c == b'?').wrapping_neg());
                a[j] |= u8::from(c == b'\'').wrapping_neg();
            }
        }
        // Bytes past the last whole lane (none when padded as documented).
        for (j, &c) in lanes.remainder().iter().enumerate() {
            high[j] |= c;
            e[j] += u8::from(c == b'!');
            q[j] += u8::from(c == b'?');
            a[j] |= u8::from(c == b'\'');
        }
        // Most texts hold neither mark: the sums are skipped.
        if u128::from_le_bytes(e) | u128::from_le_bytes(q) != 0 {
            ep += lane_sum(e);
            qm += lane_sum(q);
        }
    }
    if u128::from_le_bytes(high) & (u128::MAX / 0xff * 0x80) != 0 {
        return None;
    }
    Some(Marks {
        ep,
        qm,
        apos: u128::from_le_bytes(a) != 0,
    })
}

/// Bytes of [`ascii_marks`]' count blocks: 255 lanes of 16, so no byte counter wraps.
const BLOCK: usize = 255 * 16;

/// The sum of 16 byte counters.
fn lane_sum(lanes: [u8; 16]) -> usize {
    const LOW: u64 = 0x00ff_00ff_00ff_00ff;
    let x = u128::from_le_bytes(lanes);
    let half = |w: u64| (w & LOW) + (w >> 8 & LOW);
    // Four 16-bit sums of at most 4 * 255 each; the multiply adds them in the top 16 bits.
    let pairs = half(x as u64) + half((x >> 64) as u64);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
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
        let marks = |ep, qm, apos| Some(Marks { ep, qm, apos });
        assert_eq!(ascii_marks(b"What?! Really?? no!"), marks(2, 3, false));
        assert_eq!(ascii_marks(b"don't"), marks(0, 0, true));
        assert_eq!(ascii_marks("no\u{e9}!".as_bytes()), None);
        let many = "!?!".repeat(3000);
        assert_eq!(ascii_marks(many.as_bytes()), marks(6000, 3000, false));
        // Counts against a byte-wise count: marks in one lane or spread over lanes, past
        // 255 in a lane and across count blocks, with and without a tail after whole lanes.
        let mixed = |k: usize| if k % 3 == 0 { b'?' } else { b'!' };
        for mark in [|_| b'!', |_| b'?', mixed] {
            for n in [1, 3, 15, 16, 17, 254, 255, 256, 300, 4000] {
                for stride in [1, 5, 16, 32, 33] {
                    for tail in [0, 7] {
                        let mut t = vec![b'a'; n * stride + tail];
                        for k in 0..n {
                            t[k * stride] = mark(k);
                        }
                        let byte = |m: u8| t.iter().filter(|&&c| c == m).count();
                        let (ep, qm) = (byte(b'!'), byte(b'?'));
                        let want = marks(ep, qm, false);
                        assert_eq!(ascii_marks(&t), want, "{n} {stride} {tail}");
                    }
                }
            }
        }
        let lanes: [u8; 16] = std::array::from_fn(|j| 240 + j as u8);
        assert_eq!(lane_sum(lanes), (240..256).sum::<usize>());
        assert_eq!(lane_sum([255; 16]), 16 * 255);
        // Non-ASCII in a later block, and in the tail after whole blocks.
        let late = format!("{}\u{e9}", "a".repeat(5000));
        assert_eq!(ascii_marks(late.as_bytes()), None);
        let tail = format!("{}\u{e9}", "a".repeat(4080));
        assert_eq!(ascii_marks(tail.as_bytes()), None);
    }
}
