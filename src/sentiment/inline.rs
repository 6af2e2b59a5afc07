//! Hash tables whose keys are one or two machine words held in the slot itself, next to the
//! record. Most tokens are at most 8 bytes (one word) and nearly all at most 16 (two).
//!
//! The key set is fixed when the table is built, so the table is a perfect hash ("hash and
//! displace"): a key's hash picks a bucket, the bucket's displacement moves the key to a slot
//! no other key has. A lookup then reads exactly one slot and compares it, with no probe loop:
//! whether a token is a known word is data the scan cannot predict, and a probe loop spends a
//! mispredicted branch on it for a large share of tokens. Hit or miss is folded into the
//! record with masks instead.
//!
//! Why not a perfect-hash crate. Measured against `phf` (0.13: the map `phf_codegen` would
//! generate from the lexicon file in a build script, searched with `phf::Map::get`'s steps;
//! test `word_table_against_phf`, `cargo test --release --lib word_table_against_phf --
//! --ignored --nocapture`, the 417,277 tokens of up to 16 bytes of the reference texts,
//! 43,528 of them lexicon words, same answers for all): this table 43.6 instructions and
//! 7.0-9.0 ns per lookup, `phf` 184.3 instructions and 50.8-67.4 ns (7.3-7.5x slower; callgrind
//! instruction counts, best-of-15 wall clock on a loaded 2-core machine, two runs). `phf`
//! hashes the key's bytes with SipHash-1-3 and compares bytes; here the scan already holds
//! the token lower-cased in one or two machine words, so hashing is one multiply and the
//! comparison two word compares. A compile-time map would also cover only the bundled
//! lexicon: custom lexicons (`SentimentIntensityAnalyzer(lexicon=...)`, `update_lexicon`)
//! need a table built at run time, which this is. `ptr_hash` and `boomphf` (minimal perfect
//! hashes built at run time) were not measured: they return an index, so a lookup would still
//! need the key comparison and the record, one more dependent load than a slot holding both.

use rustc_hash::FxHashMap;

use super::table::Info;
use super::words::{BY_CODE, W};

/// A slot: the key's words (zero-padded), its length in bytes (0: empty slot) and its record.
#[derive(Clone, Copy, Debug)]
struct Slot<const N: usize> {
    key: [u64; N],
    valence: f64,
    len: u8,
    flags: u8,
    id: W,
}

/// The displacement of a bucket whose keys are in `overflow` (keys whose hashes coincide in
/// the slot bits cannot be told apart by any displacement; not expected for real words).
const OVERFLOW: u32 = u32::MAX;

/// Displacements tried per bucket before it goes to `overflow` (at a load of at most one half,
/// a bucket of k keys finds free slots within about 2^k tries).
const MAX_TRIES: u32 = 1 << 14;

/// A perfect hash over the keys it was built with, at a load factor of at most one half.
#[derive(Clone, Debug)]
pub(super) struct InlineTable<const N: usize> {
    slots: Vec<Slot<N>>,
    /// `64 - log2(slots.len())`: a slot index is the top bits of the slot hash.
    slot_shift: u32,
    /// Per bucket, the XOR that moves its keys' slot indices to free slots, or [`OVERFLOW`].
    disp: Vec<u32>,
    bucket_shift: u32,
    overflow: FxHashMap<([u64; N], u8), Info>,
}

impl<const N: usize> Default for InlineTable<N> {
    fn default() -> Self {
        InlineTable::build(Vec::new())
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

/// The key and its length folded into one word (multiplied below, so the top bits of each
/// product depend on every bit of it).
#[inline(always)]
fn fold<const N: usize>(key: &[u64; N], len: usize) -> u64 {
    let mut h = (len as u64) << 59;
    for (k, &w) in key.iter().enumerate() {
        // Each word moved by a different amount, so equal words in two places differ.
        h ^= w.rotate_left(17 * k as u32);
    }
    h
}

/// Two independent multipliers: one picks the bucket, the other the slot within reach of
/// the displacement.
const BUCKET_MUL: u64 = 0x9e37_79b9_7f4a_7c15;
const SLOT_MUL: u64 = 0xc2b2_ae3d_27d4_eb4f;

/// `ceil(log2(n))`, at least `min`.
fn bits_for(n: usize, min: u32) -> u32 {
    n.next_power_of_two().trailing_zeros().max(min)
}

impl<const N: usize> InlineTable<N> {
    const EMPTY: Slot<N> = Slot {
        key: [0; N],
        valence: 0.0,
        len: 0,
        flags: 0,
        id: W::Other,
    };

    #[inline(always)]
    fn bucket_of(&self, x: u64) -> usize {
        (x.wrapping_mul(BUCKET_MUL) >> self.bucket_shift) as usize
    }

    #[inline(always)]
    fn slot_hash(&self, x: u64) -> u32 {
        (x.wrapping_mul(SLOT_MUL) >> self.slot_shift) as u32
    }

    /// A table of `entries` (key words, length `1..=8 * N` in bytes, record); keys are
    /// distinct (they come from a map).
    pub(super) fn build(entries: Vec<([u64; N], usize, Info)>) -> Self {
        let n = entries.len();
        // Load at most 1/2; about one or two keys per bucket.
        let slot_bits = bits_for(2 * n, 3);
        let bucket_bits = bits_for(n / 2, 1);
        let mut t = InlineTable {
            slots: vec![Self::EMPTY; 1 << slot_bits],
            slot_shift: 64 - slot_bits,
            disp: vec![0; 1 << bucket_bits],
            bucket_shift: 64 - bucket_bits,
            overflow: FxHashMap::default(),
        };
        let mut buckets: Vec<Vec<(u32, usize)>> = vec![Vec::new(); t.disp.len()];
        for (e, (key, len, _)) in entries.iter().enumerate() {
            let x = fold(key, *len);
            buckets[t.bucket_of(x)].push((t.slot_hash(x), e));
        }
        // Fullest buckets first, while the table is emptiest.
        let mut order: Vec<usize> = (0..buckets.len()).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
        let tries = MAX_TRIES.min(t.slots.len() as u32);
        for b in order {
            let keys = &buckets[b];
            if keys.is_empty() {
                continue;
            }
            let free = |d: u32| {
                keys.iter().enumerate().all(|(k, &(h, _))| {
                    let pos = (h ^ d) as usize;
                    t.slots[pos].len == 0 && keys[..k].iter().all(|&(g, _)| g != h)
                })
            };
            match (0..tries).find(|&d| free(d)) {
                Some(d) => {
                    t.disp[b] = d;
                    for &(h, e) in keys {
                        let (key, len, info) = entries[e];
                        t.slots[(h ^ d) as usize] = Slot {
                            key,
                            valence: info.valence,
                            len: len as u8,
                            flags: info.flags,
                            id: info.id,
                        };
                    }
                }
                None => {
                    t.disp[b] = OVERFLOW;
                    for &(_, e) in keys {
                        let (key, len, info) = entries[e];
                        t.overflow.insert((key, len as u8), info);
                    }
                }
            }
        }
        t
    }

    /// The record of a lower-cased key of `len` bytes (`1..=8 * N`), zero-padded in `key`.
    #[inline(always)]
    pub(super) fn get(&self, key: &[u64; N], len: usize) -> Info {
        let x = fold(key, len);
        let d = self
            .disp
            .get(self.bucket_of(x))
            .copied()
            .unwrap_or(OVERFLOW);
        if d == OVERFLOW {
            return self.get_overflow(key, len);
        }
        let Some(s) = self.slots.get((self.slot_hash(x) ^ d) as usize) else {
            return Info::NONE;
        };
        // Compared without early exits, and the flags and id masked to NONE's on a miss (the
        // valence is left as read: it means something only with `IN_LEX` in the flags).
        let diff = key.iter().zip(&s.key).fold(0, |acc, (a, b)| acc | (a ^ b));
        let hit = (diff == 0) & (usize::from(s.len) == len);
        let mask = u8::from(hit).wrapping_neg();
        Info {
            valence: s.valence,
            flags: s.flags & mask,
            id: BY_CODE[usize::from(s.id as u8 & mask)],
        }
    }

    #[cold]
    #[inline(never)]
    fn get_overflow(&self, key: &[u64; N], len: usize) -> Info {
        let len = u8::try_from(len).unwrap_or(0);
        self.overflow
            .get(&(*key, len))
            .copied()
            .unwrap_or(Info::NONE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentiment::table::IN_LEX;

    fn info(v: f64) -> Info {
        Info {
            valence: v,
            flags: IN_LEX,
            id: W::Other,
        }
    }

    /// A miss: no flags and no id (the valence is then meaningless).
    fn missed(i: Info) -> bool {
        i.flags == 0 && i.id == W::Other
    }

    #[test]
    fn every_key_found_and_others_missed() {
        let words: Vec<String> = (0..5000).map(|k| format!("w{k}x")).collect();
        let entries = words
            .iter()
            .enumerate()
            .map(|(k, w)| (words_of::<1>(w.as_bytes()), w.len(), info(k as f64)))
            .collect();
        let t = InlineTable::<1>::build(entries);
        for (k, w) in words.iter().enumerate() {
            assert_eq!(
                t.get(&words_of(w.as_bytes()), w.len()),
                info(k as f64),
                "{w}"
            );
        }
        for w in ["w5000x", "w1", "x", "w12x\0"] {
            assert!(missed(t.get(&words_of(w.as_bytes()), w.len())), "{w}");
        }
        let empty = InlineTable::<2>::default();
        assert!(missed(empty.get(&[1, 2], 9)));
    }

    #[test]
    fn keys_no_displacement_separates_go_to_overflow() {
        // Keys whose folded hashes are equal: "a" (length 1) and the same word with the
        // length bits XORed into its top byte (length 8) collide in every bucket and slot.
        let a = words_of::<1>(b"a");
        let b = [a[0] ^ ((1u64 ^ 8) << 59)];
        let t = InlineTable::<1>::build(vec![(a, 1, info(1.0)), (b, 8, info(2.0))]);
        assert_eq!(t.get(&a, 1), info(1.0));
        assert_eq!(t.get(&b, 8), info(2.0));
        assert!(missed(t.get(&a, 8)));
        assert!(!t.overflow.is_empty());
    }
}
