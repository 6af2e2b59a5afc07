//! Byte searches of the quote-mark scanner: the next byte that can start a mark, and the
//! markup tag around a mark.

use crate::bytes16::{self, Block};

/// Looking from `from` up to the mark at `i`: the start of the scan window for the next call
/// and the end of the markup tag (`<name …>` or `</name>`) that holds `i`, or 0. A tag opens with
/// `<` and a letter or `/` and closes with the first `>`.
pub(super) fn markup_tag_around(bytes: &[u8], from: usize, i: usize) -> (usize, usize) {
    let mut k = from;
    while let Some(off) = memchr::memchr(b'<', &bytes[k..i]) {
        let lt = k + off;
        let opens = bytes
            .get(lt + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/');
        if !opens {
            k = lt + 1;
            continue;
        }
        match memchr::memchr(b'>', &bytes[lt..]) {
            Some(gt) if lt + gt > i => return (lt + gt + 1, lt + gt + 1),
            Some(gt) => k = lt + gt + 1,
            // No `>` left in the line: no tag can close, never look again.
            None => return (bytes.len(), 0),
        }
    }
    (i + 1, 0)
}

/// Whether a byte can start a quote mark: " ' ` and the lead bytes E2 of ‘ ’ “ ” „ ‟, C2 of « ».
#[cfg(test)]
fn is_mark_lead(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`' | 0xE2 | 0xC2)
}

const BLOCK: usize = bytes16::LEN;

/// Bit `k` set when byte `k` of `block` can start a quote mark: five compares for sixteen
/// bytes ([`bytes16`]), where the eight-byte word test this replaced cost about four
/// instructions a byte (this search passes over every byte of an article).
#[inline(always)]
fn block_mask(block: &[u8; BLOCK]) -> u32 {
    let v = Block::load(block);
    (v.eq(b'"') | v.eq(b'\'') | v.eq(b'`') | v.eq(0xE2) | v.eq(0xC2)).bits()
}

/// Position of the first byte of `bytes` that can start a quote mark (" ' ` and the lead bytes
/// E2 of ‘ ’ “ ” „ ‟, C2 of « »), sixteen bytes at a time ([`block_mask`]): most of a text
/// holds none. The last partial block is tested as a block padded with zero bytes.
pub(in crate::quotes) fn mark_lead(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(BLOCK);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let Ok(block) = <&[u8; BLOCK]>::try_from(chunk) else {
            break;
        };
        let mask = block_mask(block);
        if mask != 0 {
            return Some(BLOCK * k + mask.trailing_zeros() as usize);
        }
    }
    let rest = chunks.remainder();
    let tail = bytes.len() - rest.len();
    let mut block = [0u8; BLOCK];
    block[..rest.len()].copy_from_slice(rest);
    let mask = block_mask(&block);
    (mask != 0).then(|| tail + mask.trailing_zeros() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every position of a block, with and without a mark byte after it:
    /// the block search answers as a byte-at-a-time search (a signed compare or a wrong
    /// constant would take 0x62 for 0xE2, or 0x42 for 0xC2).
    #[test]
    fn block_search_answers_as_a_byte_search() {
        let naive = |s: &[u8]| s.iter().position(|&b| is_mark_lead(b));
        for len in [1, 7, 15, 16, 17, 31, 32, 33] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut s = vec![b'a'; len];
                    s[at] = b;
                    assert_eq!(mark_lead(&s), naive(&s), "byte {b:#x} at {at} of {len}");
                    if at + 1 < len {
                        s[at + 1] = b'"';
                        assert_eq!(mark_lead(&s), naive(&s), "byte {b:#x} at {at} of {len}");
                    }
                }
            }
        }
        assert_eq!(mark_lead(b""), None);
    }
}
