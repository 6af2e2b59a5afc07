//! Sixteen bytes tested at once: the byte scans that skip most of a text (the sentence
//! splitter's candidates, the quote marks' lead bytes, the letters of a word) ask which of 16
//! bytes may matter and get a bit mask back. SSE2 on x86-64 (part of its baseline, so always
//! there); elsewhere the same answers a byte at a time. The one place of the scans' `unsafe`.

/// Bytes in a [`Block`].
pub const LEN: usize = 16;

/// Sixteen bytes of a text, loaded once and asked several questions ([`Block::eq`],
/// [`Block::within`], [`Block::at_least`]) whose answers are OR-ed as [`Lanes`] before one
/// [`Lanes::bits`].
#[derive(Clone, Copy)]
pub struct Block(imp::Vector);

/// Which bytes of a [`Block`] answered yes; `|` joins two answers.
#[derive(Clone, Copy)]
pub struct Lanes(imp::Mask);

impl Block {
    #[inline(always)]
    pub fn load(bytes: &[u8; LEN]) -> Block {
        Block(imp::load(bytes))
    }

    /// The block with `bits` OR-ed into every byte (`0x20`: ASCII letters folded to lower case).
    #[inline(always)]
    pub fn or_each(self, bits: u8) -> Block {
        Block(imp::or_each(self.0, bits))
    }

    /// Bytes equal to `c`.
    #[inline(always)]
    pub fn eq(self, c: u8) -> Lanes {
        Lanes(imp::eq(self.0, c))
    }

    /// Bytes in `lo..=lo + n` (unsigned; `lo + n` at most 255).
    #[inline(always)]
    pub fn within(self, lo: u8, n: u8) -> Lanes {
        Lanes(imp::within(self.0, lo, n))
    }

    /// Bytes at least `c`.
    #[inline(always)]
    pub fn at_least(self, c: u8) -> Lanes {
        Lanes(imp::at_least(self.0, c))
    }
}

impl std::ops::BitOr for Lanes {
    type Output = Lanes;
    #[inline(always)]
    fn bitor(self, other: Lanes) -> Lanes {
        Lanes(imp::or(self.0, other.0))
    }
}

impl Lanes {
    /// Bit `k` set when byte `k` answered yes.
    #[inline(always)]
    pub fn bits(self) -> u32 {
        imp::bits(self.0)
    }
}

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::x86_64::*;

    pub type Vector = __m128i;
    pub type Mask = __m128i;

    // SAFETY (every block below): SSE2 is part of the x86-64 baseline, always enabled on this
    // target; the load reads the 16 bytes of its array with no alignment requirement, and the
    // other intrinsics only compute on registers.

    #[inline(always)]
    pub fn load(bytes: &[u8; super::LEN]) -> Vector {
        unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) }
    }

    #[inline(always)]
    pub fn or_each(v: Vector, bits: u8) -> Vector {
        unsafe { _mm_or_si128(v, _mm_set1_epi8(bits as i8)) }
    }

    #[inline(always)]
    pub fn eq(v: Vector, c: u8) -> Mask {
        unsafe { _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8)) }
    }

    /// `c - lo <= n` (unsigned) as `min(c - lo, n) == c - lo`.
    #[inline(always)]
    pub fn within(v: Vector, lo: u8, n: u8) -> Mask {
        unsafe {
            let d = _mm_sub_epi8(v, _mm_set1_epi8(lo as i8));
            _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(n as i8)), d)
        }
    }

    /// `max(c, lo) == c`.
    #[inline(always)]
    pub fn at_least(v: Vector, c: u8) -> Mask {
        unsafe { _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(c as i8)), v) }
    }

    #[inline(always)]
    pub fn or(a: Mask, b: Mask) -> Mask {
        unsafe { _mm_or_si128(a, b) }
    }

    #[inline(always)]
    pub fn bits(m: Mask) -> u32 {
        unsafe { _mm_movemask_epi8(m) as u32 }
    }
}

/// The same answers a byte at a time: the form other targets build, and the reference the
/// tests hold the SSE2 form to.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
mod portable {
    pub type Vector = [u8; super::LEN];
    pub type Mask = u32;

    #[inline(always)]
    fn each(v: Vector, yes: impl Fn(u8) -> bool) -> Mask {
        (v.iter().enumerate()).fold(0, |m, (k, &c)| m | u32::from(yes(c)) << k)
    }

    #[inline(always)]
    pub fn load(bytes: &[u8; super::LEN]) -> Vector {
        *bytes
    }

    #[inline(always)]
    pub fn or_each(v: Vector, bits: u8) -> Vector {
        v.map(|c| c | bits)
    }

    #[inline(always)]
    pub fn eq(v: Vector, c: u8) -> Mask {
        each(v, |x| x == c)
    }

    #[inline(always)]
    pub fn within(v: Vector, lo: u8, n: u8) -> Mask {
        each(v, |x| x.wrapping_sub(lo) <= n)
    }

    #[inline(always)]
    pub fn at_least(v: Vector, c: u8) -> Mask {
        each(v, |x| x >= c)
    }

    #[inline(always)]
    pub fn or(a: Mask, b: Mask) -> Mask {
        a | b
    }

    #[inline(always)]
    pub fn bits(m: Mask) -> u32 {
        m
    }
}

#[cfg(not(target_arch = "x86_64"))]
use portable as imp;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every question answers as the byte-at-a-time form for every byte value in every lane,
    /// with other bytes around it, and OR-ed answers are the OR of the bits.
    #[test]
    fn blocks_answer_as_bytes() {
        for b in 0..=255u8 {
            for at in 0..LEN {
                let mut bytes = [b'x'; LEN];
                bytes[at] = b;
                bytes[(at + 7) % LEN] = 0xc3;
                let block = Block::load(&bytes);
                let slow = portable::load(&bytes);
                for c in [0u8, b'"', b'.', 0x0a, 0xc2, 0xe2, b, 255] {
                    assert_eq!(
                        block.eq(c).bits(),
                        portable::eq(slow, c),
                        "{b} at {at} eq {c}"
                    );
                    assert_eq!(block.at_least(c).bits(), portable::at_least(slow, c));
                }
                for (lo, n) in [
                    (b'0', 9),
                    (b'a', 25),
                    (b'A', 25),
                    (0x0a, 3),
                    (b, 0),
                    (0, 255),
                ] {
                    assert_eq!(
                        block.within(lo, n).bits(),
                        portable::within(slow, lo, n),
                        "{b} at {at} within {lo}+{n}"
                    );
                }
                let folded = block.or_each(0x20).within(b'a', 25).bits();
                let want = portable::within(portable::or_each(slow, 0x20), b'a', 25);
                assert_eq!(folded, want, "{b} at {at} folded");
                let joined = (block.eq(b'.') | block.within(b'0', 9)).bits();
                assert_eq!(joined, block.eq(b'.').bits() | block.within(b'0', 9).bits());
            }
        }
        // The portable form itself, on bytes whose answers are known.
        let bytes = *b"A.z09\n\xe2\"  \x0b\x0c\x0d\xc2\xff\x00";
        let slow = portable::load(&bytes);
        assert_eq!(portable::eq(slow, b'.'), 1 << 1);
        assert_eq!(
            portable::within(slow, 0x0a, 3),
            1 << 5 | 1 << 10 | 1 << 11 | 1 << 12
        );
        assert_eq!(portable::at_least(slow, 0xc2), 1 << 6 | 1 << 13 | 1 << 14);
    }
}
