//! A read-only table from words to a small value, for the lookups every word of an article
//! makes (a tokenizer asks it once per word).
//!
//! A word of up to 16 bytes is keyed by its length and two 64-bit loads (the first and last
//! eight bytes, or four, or single bytes for the shortest), which identify it exactly: a
//! lookup is two loads, one multiply and a compare of three integers per probe, with no string
//! hashing and no `memcmp` call. Longer words, rare in news text, go to a hash map.

use rustc_hash::FxHashMap;

/// See the module documentation.
pub struct WordTable<V: Copy> {
    /// Open addressing with linear probing; a power of two long, at most half full.
    slots: Vec<Slot<V>>,
    mask: usize,
    /// Words over 16 bytes, and the empty word.
    long: FxHashMap<&'static str, V>,
}

#[derive(Clone, Copy)]
struct Slot<V: Copy> {
    key: Key,
    val: V,
}

/// A word of 1 to 16 bytes as its length and two integers; `len == 0` marks an empty slot.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Key {
    lo: u64,
    hi: u64,
    len: usize,
}

fn read8(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

fn read4(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u64::from(u32::from_le_bytes(a))
}

/// The key of a word of 1 to 16 bytes, else None. For each length the pair of integers is a
/// one-to-one image of the bytes (the two reads overlap and together cover every byte), so
/// equal keys are equal words.
fn key(b: &[u8]) -> Option<Key> {
    let len = b.len();
    let (lo, hi) = match len {
        8..=16 => (read8(b, 0), read8(b, len - 8)),
        4..=7 => (read4(b, 0), read4(b, len - 4)),
        1..=3 => (
            u64::from(b[0]) | u64::from(b[len / 2]) << 8,
            u64::from(b[len - 1]),
        ),
        _ => return None,
    };
    Some(Key { lo, hi, len })
}

fn slot_of(k: &Key, mask: usize) -> usize {
    let h = (k.lo ^ k.hi.rotate_left(29) ^ k.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32) as usize & mask
}

impl<V: Copy + Default> WordTable<V> {
    /// The table of `words`; a word given twice keeps its last value.
    pub fn new(words: impl IntoIterator<Item = (&'static str, V)>) -> WordTable<V> {
        let words: Vec<(&'static str, V)> = words.into_iter().collect();
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![
                Slot {
                    key: Key::default(),
                    val: V::default(),
                };
                size
            ],
            mask: size - 1,
            long: FxHashMap::default(),
        };
        for (w, v) in words {
            let Some(k) = key(w.as_bytes()) else {
                t.long.insert(w, v);
                continue;
            };
            let mut i = slot_of(&k, t.mask);
            while t.slots[i].key.len != 0 && t.slots[i].key != k {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = Slot { key: k, val: v };
        }
        t
    }

    /// The value of `w`, if it is in the table.
    #[inline]
    pub fn get(&self, w: &str) -> Option<V> {
        let Some(k) = key(w.as_bytes()) else {
            return self.long.get(w).copied();
        };
        let mut i = slot_of(&k, self.mask);
        loop {
            let s = &self.slots[i];
            if s.key == k {
                return Some(s.val);
            }
            if s.key.len == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every length class answers its own value, and words that differ in one
    /// byte, or only in length, or that are absent answer correctly.
    #[test]
    fn answers_like_a_hash_map() {
        let words: Vec<&'static str> = vec![
            "",
            "a",
            "i",
            "ab",
            "ba",
            "abc",
            "acb",
            "said",
            "sai",
            "saidx",
            "claimed",
            "claimes",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "internationally",
            "internationalise",
            "internationalised",
            "über",
            "naïve",
            "’s",
            "o’brien",
        ];
        let t = WordTable::new(words.iter().enumerate().map(|(i, &w)| (w, i as u32 + 1)));
        let m: FxHashMap<&str, u32> = (words.iter().enumerate())
            .map(|(i, &w)| (w, i as u32 + 1))
            .collect();
        let probes = words.iter().copied().chain([
            "b",
            "aa",
            "abd",
            "saie",
            "claimez",
            "spokesmen",
            "internationalisd",
            "x".repeat(40).leak(),
            "uber",
            "naive",
            "s",
            "o’brie",
        ]);
        for w in probes {
            assert_eq!(t.get(w), m.get(w).copied(), "{w:?}");
        }
    }

    /// A table fuller than its first slots still finds every word (probing past collisions).
    #[test]
    fn many_words() {
        let words: Vec<&'static str> = (0..5000)
            .map(|i| &*format!("w{i}").leak())
            .collect::<Vec<_>>();
        let t = WordTable::new(words.iter().map(|&w| (w, w.len())));
        for w in &words {
            assert_eq!(t.get(w), Some(w.len()));
        }
        assert_eq!(t.get("w5000"), None);
        assert_eq!(t.get("v1"), None);
    }
}
