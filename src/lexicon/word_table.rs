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
#[inline]
pub fn ascii_word_run(bytes: &[u8], mut j: usize) -> (usize, bool) {
    let mut seen = 0u8;
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
