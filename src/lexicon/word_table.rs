//! Read-only tables from words to a small value, for the lookups every word of an article
//! makes: the sentiment scan asks one of every token, the tokenizers one of every word.
//!
//! [`WordTable`] is keyed by one or two machine words (a word of up to 8 or 16 bytes) and its
//! length; the key and the value sit side by side in the slot. The key set is fixed when the
//! table is built, so the table is a perfect hash ("hash and displace"): a key's hash picks a
//! bucket, the bucket's displacement moves the key to a slot no other key has. A lookup then
//! reads exactly one slot and compares it, with no probe loop: whether a token is a known word
//! is data a scan cannot predict, and a probe loop spends a mispredicted branch on it for a
//! large share of tokens. [`WordTable::lookup`] folds hit or miss into a mask instead of a
//! branch. [`WordMap`] keys a `WordTable` by `&str`, for the tokenizers.
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

pub use super::word_run::ascii_word_run;
use rustc_hash::FxHashMap;

/// What a [`WordTable`] slot holds besides the key's words: a value that also keeps the
/// key's length in bytes (0 in `V::default()`, the empty slot). The length lives in the
/// value so that it can fill the value's padding: the sentiment record (an `f64` and three
/// bytes) and a length make a 16-byte value, where a separate length field would make its
/// slots 32 bytes instead of 24.
pub trait Entry: Copy + Default {
    fn key_len(&self) -> usize;
}

/// A slot: the key's words (zero-padded) and the value with the key's length.
#[derive(Clone, Copy, Debug)]
struct Slot<const N: usize, V> {
    key: [u64; N],
    val: V,
}

/// The displacement of a bucket whose keys are in `overflow` (keys whose hashes coincide in
/// the slot bits cannot be told apart by any displacement; not expected for real words).
const OVERFLOW: u32 = u32::MAX;

/// Displacements tried per bucket before it goes to `overflow` (at a load of at most one half,
/// a bucket of k keys finds free slots within about 2^k tries).
const MAX_TRIES: u32 = 1 << 14;

/// A perfect hash over the keys it was built with, at a load factor of at most one half: keys
/// of `1..=8 * N` bytes as `N` zero-padded little-endian words and a length (see the module
/// documentation).
#[derive(Clone, Debug)]
pub struct WordTable<const N: usize, V> {
    slots: Vec<Slot<N, V>>,
    /// `64 - log2(slots.len())`: a slot index is the top bits of the slot hash.
    slot_shift: u32,
    /// Per bucket, the XOR that moves its keys' slot indices to free slots, or [`OVERFLOW`].
    disp: Vec<u32>,
    bucket_shift: u32,
    overflow: FxHashMap<([u64; N], u8), V>,
}

impl<const N: usize, V: Entry> Default for WordTable<N, V> {
    fn default() -> Self {
        WordTable::build(Vec::new())
    }
}

/// The zero-padded little-endian words of `bytes` (at most `8 * N` of them).
pub fn words_of<const N: usize>(bytes: &[u8]) -> [u64; N] {
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

impl<const N: usize, V: Entry> WordTable<N, V> {
    #[inline(always)]
    fn bucket_of(&self, x: u64) -> usize {
        (x.wrapping_mul(BUCKET_MUL) >> self.bucket_shift) as usize
    }

    #[inline(always)]
    fn slot_hash(&self, x: u64) -> u32 {
        (x.wrapping_mul(SLOT_MUL) >> self.slot_shift) as u32
    }

    /// A table of `entries` (key words, value with the key's length `1..=8 * N` in
    /// bytes); keys are distinct (they come from a map).
    pub fn build(entries: Vec<([u64; N], V)>) -> Self {
        let n = entries.len();
        // Load at most 1/2; about one or two keys per bucket.
        let slot_bits = bits_for(n + n / 4, 3);
        let bucket_bits = bits_for(n / 2, 1);
        let empty = Slot {
            key: [0; N],
            val: V::default(),
        };
        let mut t = WordTable {
            slots: vec![empty; 1 << slot_bits],
            slot_shift: 64 - slot_bits,
            disp: vec![0; 1 << bucket_bits],
            bucket_shift: 64 - bucket_bits,
            overflow: FxHashMap::default(),
        };
        let mut buckets: Vec<Vec<(u32, usize)>> = vec![Vec::new(); t.disp.len()];
        for (e, (key, val)) in entries.iter().enumerate() {
            let x = fold(key, val.key_len());
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
                    t.slots[pos].val.key_len() == 0 && keys[..k].iter().all(|&(g, _)| g != h)
                })
            };
            match (0..tries).find(|&d| free(d)) {
                Some(d) => {
                    t.disp[b] = d;
                    for &(h, e) in keys {
                        let (key, val) = entries[e];
                        t.slots[(h ^ d) as usize] = Slot { key, val };
                    }
                }
                None => {
                    t.disp[b] = OVERFLOW;
                    for &(_, e) in keys {
                        let (key, val) = entries[e];
                        t.overflow.insert((key, val.key_len() as u8), val);
                    }
                }
            }
        }
        t
    }

    /// `then(value, mask)` for the key of `len` bytes (`1..=8 * N`), zero-padded in `key`:
    /// the key's value and mask `0xff` if the table has it, else mask 0 with a value of no
    /// meaning, with no branch on which (the caller masks what it needs). `then` is applied
    /// on each way out, so the misses that return early become constants.
    #[inline(always)]
    pub fn lookup<R>(&self, key: &[u64; N], len: usize, then: impl Fn(&V, u8) -> R) -> R {
        let x = fold(key, len);
        let b = self.bucket_of(x);
        debug_assert!(b < self.disp.len());
        // SAFETY: `bucket_of` is the top `64 - bucket_shift` bits of a product, and `build`
        // (the only constructor; the fields are private to this module and never changed
        // after it) makes `disp` exactly `1 << (64 - bucket_shift)` long.
        let d = unsafe { *self.disp.get_unchecked(b) };
        if d == OVERFLOW {
            return self.overflow_then(key, len, &then);
        }
        let at = (self.slot_hash(x) ^ d) as usize;
        debug_assert!(at < self.slots.len());
        // SAFETY: `slot_hash` is the top `64 - slot_shift` bits of a product and `d`, not
        // OVERFLOW, is below the number of tries, at most `slots.len()`; `build` makes
        // `slots` exactly `1 << (64 - slot_shift)` long, a power of two, so their XOR is
        // below it too.
        let s = unsafe { self.slots.get_unchecked(at) };
        // Compared without early exits.
        let diff = key.iter().zip(&s.key).fold(0, |acc, (a, b)| acc | (a ^ b));
        let hit = (diff == 0) & (s.val.key_len() == len);
        then(&s.val, u8::from(hit).wrapping_neg())
    }

    /// The value of the key of `len` bytes (`1..=8 * N`), zero-padded in `key`.
    #[inline]
    pub fn get(&self, key: &[u64; N], len: usize) -> Option<V> {
        self.lookup(key, len, |&v, mask| (mask != 0).then_some(v))
    }

    /// [`WordTable::lookup`] for a key in an overflowing bucket (out of line, so the hot
    /// lookup has one way to a record).
    #[cold]
    #[inline(never)]
    fn overflow_then<R>(&self, key: &[u64; N], len: usize, then: &impl Fn(&V, u8) -> R) -> R {
        let found = u8::try_from(len)
            .ok()
            .and_then(|len| self.overflow.get(&(*key, len)));
        match found {
            Some(v) => then(v, u8::MAX),
            None => then(&V::default(), 0),
        }
    }
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
/// equal keys and lengths are equal words.
fn key(b: &[u8]) -> Option<[u64; 2]> {
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
    Some([lo, hi])
}

/// A [`WordTable`] keyed by `&str`, for the tokenizers: a word of up to 16 bytes is keyed by
/// two 64-bit loads (the first and last eight bytes, or four, or single bytes for the
/// shortest) and its length, so a lookup is two loads, two multiplies and one slot compared,
/// with no string hashing and no `memcmp` call. Longer words, rare in news text, go to a
/// hash map.
pub struct WordMap<V> {
    table: WordTable<2, Keyed<V>>,
    /// Words over 16 bytes, and the empty word.
    long: FxHashMap<&'static str, V>,
}

/// A [`WordMap`] value with its word's length.
#[derive(Clone, Copy, Debug, Default)]
struct Keyed<V> {
    val: V,
    len: u8,
}

impl<V: Copy + Default> Entry for Keyed<V> {
    #[inline(always)]
    fn key_len(&self) -> usize {
        usize::from(self.len)
    }
}

impl<V: Copy + Default> WordMap<V> {
    /// The table of `words`; a word given twice keeps its last value.
    pub fn new(words: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        let mut short: FxHashMap<([u64; 2], u8), V> = FxHashMap::default();
        let mut long = FxHashMap::default();
        for (w, v) in words {
            match key(w.as_bytes()) {
                // (A key is at most 16 bytes.)
                Some(k) => short.insert((k, w.len() as u8), v),
                None => long.insert(w, v),
            };
        }
        let entries = (short.into_iter())
            .map(|((k, len), val)| (k, Keyed { val, len }))
            .collect();
        WordMap {
            table: WordTable::build(entries),
            long,
        }
    }

    /// The value of `w`, if it is in the table.
    #[inline]
    pub fn get(&self, w: &str) -> Option<V> {
        match key(w.as_bytes()) {
            Some(k) => self.table.get(&k, w.len()).map(|e| e.val),
            None => self.long.get(w).copied(),
        }
    }

    /// [`WordMap::get`] of a word of 1 to 16 bytes, given as bytes (None for any other).
    #[inline]
    pub fn get_short(&self, w: &[u8]) -> Option<V> {
        self.table.get(&key(w)?, w.len()).map(|e| e.val)
    }
}

impl<V: Copy + Default> WordMap<V> {
    /// The value of the lower-case form of `w`, a word of ASCII letters and digits only (any
    /// case): its key is lower-cased in place, each byte ORed with `0x20` (which lower-cases
    /// a letter and leaves a digit as it is), so no lower-case copy is built. None for a word
    /// over 16 bytes (not in the table's words; [`WordMap::get`] of its lower-case form).
    #[inline]
    pub fn get_alnum_folded(&self, w: &str) -> Option<V> {
        self.get_alnum_folded_bytes(w.as_bytes())
    }

    /// [`WordMap::get_alnum_folded`] of the word's bytes.
    #[inline]
    pub fn get_alnum_folded_bytes(&self, w: &[u8]) -> Option<V> {
        debug_assert!(w.iter().all(u8::is_ascii_alphanumeric));
        let k = key(w)?;
        // Every byte of the key words is a byte of `w` or zero padding; the padding of the
        // shorter keys stays zero.
        let (lo, hi) = match w.len() {
            8..=16 => (0x2020_2020_2020_2020, 0x2020_2020_2020_2020),
            4..=7 => (0x2020_2020, 0x2020_2020),
            _ => (0x2020, 0x20),
        };
        self.table
            .get(&[k[0] | lo, k[1] | hi], w.len())
            .map(|e| e.val)
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
        let t = WordMap::new(words.iter().enumerate().map(|(i, &w)| (w, i as u32 + 1)));
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

    /// A word of ASCII letters and digits in any case finds the value of its lower-case form,
    /// for every key length (1 to 16 bytes) and none over 16.
    #[test]
    fn alnum_words_found_by_their_lower_case_form() {
        let words = [
            "a",
            "i",
            "ab",
            "u2",
            "abc",
            "9th",
            "said",
            "sai",
            "saidx",
            "claimed",
            "g20s",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "internationally",
            "internationalise",
        ];
        let t = WordMap::new(words.iter().enumerate().map(|(i, &w)| (w, i as u32 + 1)));
        for (i, w) in words.iter().enumerate() {
            for form in [w.to_string(), w.to_ascii_uppercase(), capitalised(w)] {
                assert_eq!(t.get_alnum_folded(&form), Some(i as u32 + 1), "{form:?}");
            }
        }
        for miss in [
            "B",
            "Aa",
            "ABD",
            "Saie",
            "CLAIMEZ",
            "Spokesmen",
            "X",
            "U3",
            "G20",
        ] {
            assert_eq!(t.get_alnum_folded(miss), None, "{miss:?}");
        }
        // Over 16 bytes: never in the table's short keys.
        let long = WordMap::new([("internationalised", 1u32)]);
        assert_eq!(long.get_alnum_folded("Internationalised"), None);
    }

    fn capitalised(w: &str) -> String {
        let mut s = w.to_string();
        s[..1].make_ascii_uppercase();
        s
    }

    /// Words whose two reads are equal and differ only in length, at every length up to
    /// 16 and past it: each answers its own value, and the lengths not in the table none.
    #[test]
    fn same_reads_different_lengths() {
        let words: Vec<&'static str> = (1..=20)
            .filter(|n| n % 3 != 0)
            .map(|n| &*"a".repeat(n).leak())
            .collect();
        let t = WordMap::new(words.iter().map(|&w| (w, w.len())));
        for n in 1..=20 {
            let w = "a".repeat(n);
            assert_eq!(t.get(&w), (n % 3 != 0).then_some(n), "{n}");
        }
    }

    /// A table fuller than its first slots still finds every word (probing past collisions).
    #[test]
    fn many_words() {
        let words: Vec<&'static str> = (0..5000)
            .map(|i| &*format!("w{i}").leak())
            .collect::<Vec<_>>();
        let t = WordMap::new(words.iter().map(|&w| (w, w.len())));
        for w in &words {
            assert_eq!(t.get(w), Some(w.len()));
        }
        assert_eq!(t.get("w5000"), None);
        assert_eq!(t.get("v1"), None);
    }

    fn keyed(val: u32, len: usize) -> Keyed<u32> {
        Keyed {
            val,
            len: len as u8,
        }
    }

    #[test]
    fn every_key_found_and_others_missed() {
        let words: Vec<String> = (0..5000).map(|k| format!("w{k}x")).collect();
        let entries = words
            .iter()
            .enumerate()
            .map(|(k, w)| (words_of::<1>(w.as_bytes()), keyed(k as u32 + 1, w.len())))
            .collect();
        let t = WordTable::<1, Keyed<u32>>::build(entries);
        for (k, w) in words.iter().enumerate() {
            let got = t.lookup(&words_of(w.as_bytes()), w.len(), |&v, mask| (v.val, mask));
            assert_eq!(got, (k as u32 + 1, 0xff), "{w}");
        }
        for w in ["w5000x", "w1", "x", "w12x\0"] {
            let got = t.lookup(&words_of(w.as_bytes()), w.len(), |_, mask| mask);
            assert_eq!(got, 0, "{w}");
        }
        let empty = WordTable::<2, Keyed<u32>>::default();
        assert!(empty.get(&[1, 2], 9).is_none());
    }

    #[test]
    fn keys_no_displacement_separates_go_to_overflow() {
        // Keys whose folded hashes are equal: "a" (length 1) and the same word with the
        // length bits XORed into its top byte (length 8) collide in every bucket and slot.
        let a = words_of::<1>(b"a");
        let b = [a[0] ^ ((1u64 ^ 8) << 59)];
        let t = WordTable::<1, Keyed<u32>>::build(vec![(a, keyed(1, 1)), (b, keyed(2, 8))]);
        assert_eq!(t.get(&a, 1).map(|e| e.val), Some(1));
        assert_eq!(t.get(&b, 8).map(|e| e.val), Some(2));
        assert!(t.get(&a, 8).is_none());
        assert!(!t.overflow.is_empty());
    }
}
