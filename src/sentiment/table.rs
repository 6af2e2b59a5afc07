//! The word table: every word the rules look up, keyed by its lower-cased bytes.
//!
//! A token is looked up once, on bytes borrowed from the text (lower-cased in a stack buffer
//! only when it has an upper-case letter), so scoring allocates nothing per token. Keys of up to
//! eight bytes (most tokens, and half of VADER's words) are one machine word: their table holds
//! the word and the record side by side, so a lookup is a multiply, a load and two compares.
//! Keys of up to [`KEY_BYTES`] bytes (all of VADER's) sit zero-padded in four machine words:
//! hashing and comparing them is a handful of word operations, with no `memcmp` and no UTF-8
//! check. Longer keys (possible in a custom lexicon) live in a side map.

use rustc_hash::FxHashMap;

use crate::lexicon::word_table::{words_of, Entry, WordTable};

use super::swar;
use super::words::W;
use super::{B_DECR, B_INCR};

/// Key bytes held inline.
pub(super) const KEY_BYTES: usize = 32;

/// A key of at most [`KEY_BYTES`] bytes, zero-padded, with its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Key {
    pub(super) words: [u64; 4],
    pub(super) len: usize,
}

impl Key {
    /// The key of `bytes` (`None` when longer than [`KEY_BYTES`]).
    #[inline]
    pub(super) fn new(bytes: &[u8]) -> Option<Key> {
        let mut buf = [0u8; KEY_BYTES];
        buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
        let word = |k: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&buf[8 * k..8 * k + 8]);
            u64::from_le_bytes(w)
        };
        Some(Key {
            words: [word(0), word(1), word(2), word(3)],
            len: bytes.len(),
        })
    }

    /// The key of ASCII `text[start..start + len]` (`1 <= len <= KEY_BYTES`, inside the
    /// text), read a word at a time, lower-cased; with whether it has upper-case letters,
    /// lower-case letters and an apostrophe.
    #[inline(always)]
    pub(super) fn load_ascii(text: &[u8], start: usize, len: usize) -> (Key, bool, bool, bool) {
        let mut words = [0u64; 4];
        let (mut upper, mut lower, mut apos) = (0, 0, 0);
        for (k, w) in words.iter_mut().enumerate() {
            if 8 * k >= len {
                break;
            }
            let x = swar::read_word(text, start + 8 * k, len - 8 * k);
            let up = swar::in_range(x, b'A', b'Z');
            upper |= up;
            lower |= swar::in_range(x, b'a', b'z');
            apos |= swar::equal(x, b'\'');
            // 0x20 is the case bit of an ASCII letter.
            *w = x | (up >> 2);
        }
        (Key { words, len }, upper != 0, lower != 0, apos != 0)
    }

    #[inline(always)]
    fn hash(&self) -> u64 {
        const K: [u64; 4] = [
            0x9e37_79b9_7f4a_7c15,
            0xc2b2_ae3d_27d4_eb4f,
            0x1656_67b1_9e37_79f9,
            0x27d4_eb2f_1656_67c5,
        ];
        let w = &self.words;
        let h = (w[0] ^ self.len as u64).wrapping_mul(K[0])
            ^ w[1].wrapping_mul(K[1])
            ^ w[2].wrapping_mul(K[2])
            ^ w[3].wrapping_mul(K[3]);
        (h ^ (h >> 29)).wrapping_mul(K[0])
    }
}

/// Bits of [`Info::flags`]: what the word is (from the table) ...
pub(super) const IN_LEX: u8 = 1;
pub(super) const NEGATE: u8 = 2;
/// BOOSTER_DICT: an intensifier (`B_INCR`) or a dampener (`B_DECR`).
pub(super) const INCR: u8 = 4;
pub(super) const DECR: u8 = 8;
/// ... and what the token is: `negated([w])` (a NEGATE word or "n't" inside), and upper case
/// in Python's `str.isupper()` sense. The table sets `NEG` on every NEGATE word already: a
/// token then only adds it for "n't" (see [`Info::token`]), and a token without an apostrophe
/// takes its word's flags as they are.
pub(super) const NEG: u8 = 16;
pub(super) const UPPER: u8 = 32;
/// The word "but" (the rules need the first one).
pub(super) const BUT: u8 = 64;
/// A word some rule names by its id, other than the inert ones (`rules::inert_word`): with
/// this bit a token's flags alone tell whether it can change a neighbour's valence.
pub(super) const RULE: u8 = 128;

/// Everything the rules need to know about one lower-cased word, or (with the token bits set)
/// about one token: 16 bytes, copied freely. `valence` means something only when the flags
/// have `IN_LEX` (a lookup that misses may leave any value there, so it need not branch).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Info {
    pub(super) valence: f64,
    pub(super) flags: u8,
    pub(super) id: W,
}

impl Info {
    pub(super) const NONE: Info = Info {
        valence: 0.0,
        flags: 0,
        id: W::Other,
    };

    #[cfg(test)]
    pub(super) fn negate(&self) -> bool {
        self.flags & NEGATE != 0
    }

    /// This word's record as the token it was read from: `nt`, whether the token holds
    /// "n't" (the table gives NEGATE words [`NEG`] already, so a token is negated when either
    /// says so), and `upper`.
    #[inline]
    pub(super) fn token(self, nt: bool, upper: bool) -> Info {
        Info {
            valence: self.valence,
            flags: self.flags | (NEG * nt as u8) | (UPPER * upper as u8),
            id: self.id,
        }
    }
}

/// What the rules need to know of one token besides its valence (which only the lexicon words
/// have, and which is kept with their positions): its [`Info::flags`] with the token bits,
/// and the id of a word the rules name. Two bytes, so a text's tokens are written cheaply.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Tok {
    pub(super) flags: u8,
    pub(super) id: W,
}

impl Tok {
    pub(super) const NONE: Tok = Tok {
        flags: 0,
        id: W::Other,
    };

    #[inline]
    pub(super) fn in_lex(&self) -> bool {
        self.flags & IN_LEX != 0
    }

    #[inline]
    pub(super) fn is_booster(&self) -> bool {
        self.flags & (INCR | DECR) != 0
    }

    /// The BOOSTER_DICT value (0.0 for a word not in it).
    #[inline]
    pub(super) fn booster(&self) -> f64 {
        if self.flags & INCR != 0 {
            B_INCR
        } else if self.flags & DECR != 0 {
            B_DECR
        } else {
            0.0
        }
    }

    /// `negated([token])`.
    #[inline]
    pub(super) fn neg(&self) -> bool {
        self.flags & NEG != 0
    }

    /// `token.isupper()`.
    #[inline]
    pub(super) fn upper(&self) -> bool {
        self.flags & UPPER != 0
    }
}

/// A word's [`Info`] as a [`WordTable`] slot keeps it, with the key's length: 16 bytes, so
/// a slot of a one-word key is 24.
#[derive(Clone, Copy, Debug)]
pub(super) struct Rec {
    valence: f64,
    len: u8,
    flags: u8,
    id: W,
}

impl Entry for Rec {
    #[inline(always)]
    fn key_len(&self) -> usize {
        usize::from(self.len)
    }
}

impl Default for Rec {
    fn default() -> Rec {
        Rec::new(Info::NONE, 0)
    }
}

impl Rec {
    fn new(info: Info, len: usize) -> Rec {
        Rec {
            valence: info.valence,
            // (At most 16: only short and medium keys are kept so.)
            len: len as u8,
            flags: info.flags,
            id: info.id,
        }
    }

    /// The record, or on a miss (`mask` 0) [`Info::NONE`]'s flags and id, without a branch
    /// (the valence is left as read: it means something only with `IN_LEX` in the flags).
    /// The id is a select of the slot's id or `W::Other` (a conditional move): masking its
    /// code and turning the code back into a `W` through a table was two more instructions
    /// and a load for every token.
    #[inline(always)]
    fn info(&self, mask: u8) -> Info {
        Info {
            valence: self.valence,
            flags: self.flags & mask,
            id: match mask {
                0 => W::Other,
                _ => self.id,
            },
        }
    }
}

/// Every word the rules look up, with its record: keys of up to 16 bytes in [`WordTable`]s
/// (perfect hashes); longer ones: open addressing, linear probing, load factor at most one
/// half.
#[derive(Clone, Debug, Default)]
pub(super) struct WordRecords {
    /// Keys of 1 to 8 bytes.
    short: WordTable<1, Rec>,
    /// Keys of 9 to 16 bytes.
    medium: WordTable<2, Rec>,
    /// 0 for an empty slot, else `(hash tag << 32) | (entry index + 1)`.
    slots: Vec<u64>,
    shift: u32,
    keys: Vec<Key>,
    infos: Vec<Info>,
    long: FxHashMap<Box<[u8]>, Info>,
    /// Longest key in bytes: longer tokens cannot match.
    max_key: usize,
}

impl WordRecords {
    pub(super) fn new(entries: FxHashMap<Box<[u8]>, Info>) -> WordRecords {
        let count = |lo: usize, hi: usize| {
            entries
                .keys()
                .filter(|k| (lo..=hi).contains(&k.len()))
                .count()
        };
        let bits = (2 * count(17, KEY_BYTES).max(8))
            .next_power_of_two()
            .trailing_zeros();
        let mut short = Vec::with_capacity(count(1, 8));
        let mut medium = Vec::with_capacity(count(9, 16));
        let mut t = WordRecords {
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
            ..WordRecords::default()
        };
        for (k, info) in entries {
            t.max_key = t.max_key.max(k.len());
            if k.is_empty() {
                // No token is empty: the key can never match.
                continue;
            }
            if k.len() <= 8 {
                short.push((words_of(&k), Rec::new(info, k.len())));
                continue;
            }
            if k.len() <= 16 {
                medium.push((words_of(&k), Rec::new(info, k.len())));
                continue;
            }
            match Key::new(&k) {
                Some(key) => t.insert(key, info),
                None => {
                    t.long.insert(k, info);
                }
            }
        }
        t.short = WordTable::build(short);
        t.medium = WordTable::build(medium);
        t
    }

    /// The record of a lower-cased key of `1..=8` bytes, zero-padded in `key`.
    #[inline(always)]
    pub(super) fn get_short(&self, key: u64, len: usize) -> Info {
        self.short.lookup(&[key], len, Rec::info)
    }

    /// The record of a lower-cased key of `9..=16` bytes, zero-padded in `key`.
    #[inline(always)]
    pub(super) fn get_medium(&self, key: &[u64; 2], len: usize) -> Info {
        self.medium.lookup(key, len, Rec::info)
    }

    /// Keys are distinct (they come from a map), so no lookup before the insert.
    fn insert(&mut self, key: Key, info: Info) {
        let h = key.hash();
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (h << 32) | (self.keys.len() as u64 + 1);
        self.keys.push(key);
        self.infos.push(info);
    }

    pub(super) fn max_key(&self) -> usize {
        self.max_key
    }

    /// The record of a lower-cased key.
    #[inline(always)]
    pub(super) fn get_key(&self, key: &Key) -> Info {
        let h = key.hash();
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let s = self.slots[i & mask];
            if s == 0 {
                return Info::NONE;
            }
            if (s ^ (h << 32)) >> 32 == 0 {
                let e = (s & 0xffff_ffff) as usize - 1;
                if self.keys[e] == *key {
                    return self.infos[e];
                }
            }
            i += 1;
        }
    }

    /// The record of lower-cased `bytes`.
    pub(super) fn get(&self, bytes: &[u8]) -> Info {
        if bytes.len() > self.max_key || bytes.is_empty() {
            return Info::NONE;
        }
        if bytes.len() <= 8 {
            return self.get_short(words_of::<1>(bytes)[0], bytes.len());
        }
        if bytes.len() <= 16 {
            return self.get_medium(&words_of(bytes), bytes.len());
        }
        match Key::new(bytes) {
            Some(key) => self.get_key(&key),
            None => self.long.get(bytes).copied().unwrap_or(Info::NONE),
        }
    }
}
