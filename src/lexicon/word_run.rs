//! The run of ASCII letters and digits that starts a word: the bulk of every word the
//! tokenizers scan.

use crate::bytes16::{self, Block};

/// Per byte: 1 for an ASCII letter or digit, 3 for an ASCII capital, 0 otherwise.
const WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_uppercase() {
            t[b] = 3;
        } else if c.is_ascii_alphanumeric() {
            t[b] = 1;
        }
        b += 1;
    }
    t
};

/// End of the run of ASCII letters and digits of `bytes` from byte `j` (`j` itself when there
/// is none), and whether the run holds a capital: the bulk of every word the tokenizers scan
/// before they look it up here, one table load per byte.
///
/// Sixteen bytes at a time where the text has them ([`run_block`]): most runs end inside the
/// first block, in a fixed number of instructions instead of a few per byte.
#[inline]
pub fn ascii_word_run(bytes: &[u8], mut j: usize) -> (usize, bool) {
    let mut seen = 0u8;
    while let Some(block) =
        (bytes.get(j..j + RUN_BLOCK)).and_then(|s| <&[u8; RUN_BLOCK]>::try_from(s).ok())
    {
        let (word, upper) = run_block(block);
        // Bytes before the first that is no letter or digit (all sixteen when none is).
        let n = (!word).trailing_zeros().min(RUN_BLOCK as u32);
        let inside = (1u32 << n) - 1;
        if upper & inside != 0 {
            seen |= 2;
        }
        j += n as usize;
        if n < RUN_BLOCK as u32 {
            return (j, seen & 2 != 0);
        }
    }
    while let Some(&b) = bytes.get(j) {
        let k = WORD_BYTE[usize::from(b)];
        if k == 0 {
            break;
        }
        seen |= k;
        j += 1;
    }
    (j, seen & 2 != 0)
}

const RUN_BLOCK: usize = bytes16::LEN;

/// Of the sixteen bytes of `block`: bit `k` of the first mask set when byte `k` is an ASCII
/// letter or digit, of the second when it is an ASCII capital ([`bytes16`]).
#[inline(always)]
fn run_block(block: &[u8; RUN_BLOCK]) -> (u32, u32) {
    let v = Block::load(block);
    // Letters of either case: the case bit set, then a..z.
    let letter = v.or_each(0x20).within(b'a', 25);
    (
        (v.within(b'0', 9) | letter).bits(),
        v.within(b'A', 25).bits(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run is every ASCII letter and digit from the start byte on, and its capital flag
    /// is `any(is_ascii_uppercase)` of the run, for every byte value after and inside it.
    #[test]
    fn ascii_word_runs() {
        for b in 0..=255u8 {
            let text = [b'a', b, b'Q', b'-', b'z'];
            let (end, upper) = ascii_word_run(&text, 1);
            let want_end = if b.is_ascii_alphanumeric() { 3 } else { 1 };
            assert_eq!(end, want_end, "{b}");
            assert_eq!(upper, want_end == 3, "{b}");
            assert_eq!(
                ascii_word_run(&[b], 0),
                (
                    usize::from(b.is_ascii_alphanumeric()),
                    b.is_ascii_uppercase()
                )
            );
        }
        assert_eq!(ascii_word_run(b"said,", 0), (4, false));
        assert_eq!(ascii_word_run(b"U2s", 0), (3, true));
        assert_eq!(ascii_word_run(b"ab", 2), (2, false));
        assert_eq!(ascii_word_run(b"ab", 7), (7, false));
    }

    /// The block search answers as a byte-at-a-time search for every byte value ending a run
    /// (or capitalising it) at every place of the first and second block, the runs starting at
    /// every offset: the block's masks and the carry of a capital past a whole block.
    #[test]
    fn ascii_word_runs_by_blocks() {
        let naive = |bytes: &[u8], j: usize| {
            let run = bytes.get(j..).unwrap_or(&[]);
            let n = run.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            (j + n, run[..n].iter().any(u8::is_ascii_uppercase))
        };
        for b in 0..=255u8 {
            for at in 0..40 {
                let mut text = [b'x'; 40];
                text[at] = b;
                for j in [0, 1, 5, at.saturating_sub(16), at] {
                    assert_eq!(
                        ascii_word_run(&text, j),
                        naive(&text, j),
                        "{b} at {at} from {j}"
                    );
                }
            }
        }
    }
}
