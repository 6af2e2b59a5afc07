//! Hash tables whose keys are one or two machine words held in the slot itself, next to the
//! record: a lookup is a multiply, one load and a compare or two, with no pointer to follow.
//! Most tokens are at most 8 bytes (one word) and nearly all at most 16 (two).

use super::table::Info;
use super::words::W;

/// A slot: the key's words (zero-padded), its length in bytes (0: empty slot) and its record.
#[derive(Clone, Copy, Debug)]
struct Slot<const N: usize> {
    key: [u64; N],
    valence: f64,
    len: u8,
    flags: u8,
    id: W,
}

/// Open addressing with linear probing, at a load factor of at most 1/4: most tokens miss,
/// and a miss probes on to the next empty slot (2.3 slots on average at load 1/2, 1.4 at 1/4).
#[derive(Clone, Debug)]
pub(super) struct InlineTable<const N: usize> {
    slots: Vec<Slot<N>>,
    shift: u32,
}

impl<const N: usize> Default for InlineTable<N> {
    fn default() -> Self {
        InlineTable::with_capacity(0)
    }
}

/// The zero-padded little-endian words of `bytes` (at most `8 * N` of them).
pub(super) fn words_of<const N: usize>(bytes: &[u8]) -> [u64; N] {
    let mut out = [0u64; N];
    for (w, chunk) in out.iter_mut().zip(bytes.chunks(8)) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        *w = u64::from_le_bytes(b);
    }
    out
}

impl<const N: usize> InlineTable<N> {
    const EMPTY: Slot<N> = Slot {
        key: [0; N],
        valence: 0.0,
        len: 0,
        flags: 0,
        id: W::Other,
    };

    /// A table for `n` keys.
    pub(super) fn with_capacity(n: usize) -> Self {
        let bits = (4 * n.max(4)).next_power_of_two().trailing_zeros();
        InlineTable {
            slots: vec![Self::EMPTY; 1 << bits],
            shift: 64 - bits,
        }
    }

    #[inline(always)]
    fn hash(key: &[u64; N], len: usize) -> u64 {
        let mut h = (len as u64) << 59;
        for (k, &w) in key.iter().enumerate() {
            // Each word moved by a different amount, so equal words in two places differ.
            h ^= w.rotate_left(17 * k as u32);
        }
        // The top bits of the product depend on every bit of `h`.
        h.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// Add a key of `1..=8 * N` bytes; keys are distinct (they come from a map).
    pub(super) fn insert(&mut self, key: [u64; N], len: usize, info: Info) {
        let mask = self.slots.len() - 1;
        let mut i = (Self::hash(&key, len) >> self.shift) as usize;
        while self.slots[i & mask].len != 0 {
            i += 1;
        }
        self.slots[i & mask] = Slot {
            key,
            valence: info.valence,
            len: len as u8,
            flags: info.flags,
            id: info.id,
        };
    }

    /// The record of a lower-cased key of `len` bytes (`1..=8 * N`), zero-padded in `key`.
    #[inline(always)]
    pub(super) fn get(&self, key: &[u64; N], len: usize) -> Info {
        let mask = self.slots.len() - 1;
        let mut i = (Self::hash(key, len) >> self.shift) as usize;
        loop {
            let s = &self.slots[i & mask];
            if s.key == *key && s.len as usize == len {
                return Info {
                    valence: s.valence,
                    flags: s.flags,
                    id: s.id,
                };
            }
            if s.len == 0 {
                return Info::NONE;
            }
            i += 1;
        }
    }
}
