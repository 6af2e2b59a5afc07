//! A list of word prefixes grouped by first byte: a word is compared only with the prefixes
//! that open with its own first byte, not with the whole list; and most words are turned
//! away before any comparison, on their first two bytes.

/// Prefixes, each asked with `str::starts_with`, grouped by their first byte.
#[derive(Debug)]
pub struct PrefixIndex {
    /// An empty prefix is listed: every word starts with it.
    any_empty: bool,
    /// The non-empty prefixes, sorted (so grouped by first byte), each once.
    sorted: Vec<Prefix>,
    /// `sorted[at[b]..at[b + 1]]` are the prefixes whose first byte is `b`.
    at: Box<[u32; 257]>,
    /// Bit `b0 << 8 | b1`: some word opening with bytes `b0 b1` may start with a prefix (one
    /// opens with them, or is `b0` alone).
    pairs: Box<[u64; 1024]>,
    /// Per byte: the one-byte word of it starts with a prefix (it is one).
    singles: Box<[bool; 256]>,
}

/// A prefix with its first eight bytes as a number: a word's first eight bytes, masked to the
/// prefix's length, are compared with it in one instruction instead of a byte comparison call.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Prefix {
    text: &'static str,
    /// Its bytes (up to eight), little-endian.
    head: u64,
    /// Ones over those bytes.
    mask: u64,
}

impl Prefix {
    fn new(text: &'static str) -> Self {
        let n = text.len().min(8);
        Prefix {
            text,
            head: head8(text.as_bytes()),
            mask: if n == 8 {
                u64::MAX
            } else {
                (1u64 << (8 * n)) - 1
            },
        }
    }

    /// Is it a prefix of `w`, whose first eight bytes are `w_head`?
    #[inline]
    fn starts(&self, w: &str, w_head: u64) -> bool {
        w.len() >= self.text.len()
            && w_head & self.mask == self.head
            && (self.text.len() <= 8 || w.starts_with(self.text))
    }
}

/// The first eight bytes of `b` (fewer when it is shorter, the rest zero), little-endian: by
/// fixed-size loads (a copy of a variable length is a call).
#[inline]
fn head8(b: &[u8]) -> u64 {
    let word = |k: usize| b.get(k..k + 4).and_then(|s| <[u8; 4]>::try_from(s).ok());
    let read4 = |k: usize| word(k).map_or(0, |w| u64::from(u32::from_le_bytes(w)));
    match b.len() {
        8.. => b
            .get(..8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map_or(0, u64::from_le_bytes),
        // Two loads that overlap in the middle: the bytes they share are the same.
        n @ 4..=7 => read4(0) | read4(n - 4) << (8 * (n - 4)),
        _ => (b.iter().rev()).fold(0, |h, &x| h << 8 | u64::from(x)),
    }
}

impl PrefixIndex {
    pub fn new(prefixes: impl IntoIterator<Item = &'static str>) -> Self {
        let mut texts: Vec<&'static str> = prefixes.into_iter().collect();
        let any_empty = texts.iter().any(|p| p.is_empty());
        texts.retain(|p| !p.is_empty());
        texts.sort_unstable();
        texts.dedup();
        let mut at = Box::new([0u32; 257]);
        for b in 0..256 {
            let below = texts.partition_point(|p| usize::from(p.as_bytes()[0]) < b + 1);
            at[b + 1] = below as u32;
        }
        let mut pairs = Box::new([0u64; 1024]);
        let mut singles = Box::new([false; 256]);
        let mut set = |pair: usize| pairs[pair / 64] |= 1 << (pair % 64);
        for p in &texts {
            match *p.as_bytes() {
                [b0] => {
                    singles[usize::from(b0)] = true;
                    (0..256).for_each(|b1| set(usize::from(b0) << 8 | b1));
                }
                [b0, b1, ..] => set(usize::from(b0) << 8 | usize::from(b1)),
                [] => {}
            }
        }
        PrefixIndex {
            any_empty,
            sorted: texts.into_iter().map(Prefix::new).collect(),
            at,
            pairs,
            singles,
        }
    }

    /// Whether `w` may start with a prefix: false answers [`PrefixIndex::any_prefix_of`] (no
    /// prefix opens with its first two bytes), true asks it. Two table loads, to be inlined
    /// before that call.
    #[inline]
    pub fn may_start(&self, w: &str) -> bool {
        self.any_empty
            || match *w.as_bytes() {
                [b0, b1, ..] => {
                    let pair = usize::from(b0) << 8 | usize::from(b1);
                    self.pairs[pair / 64] & (1 << (pair % 64)) != 0
                }
                [b0] => self.singles[usize::from(b0)],
                [] => false,
            }
    }

    /// Does `w` start with one of the prefixes? The same answer as asking `starts_with` of
    /// every prefix of the list.
    pub fn any_prefix_of(&self, w: &str) -> bool {
        if self.any_empty {
            return true;
        }
        let Some(&b) = w.as_bytes().first() else {
            return false;
        };
        let b = usize::from(b);
        let (lo, hi) = (self.at[b] as usize, self.at[b + 1] as usize);
        let group = self.sorted.get(lo..hi).unwrap_or(&[]);
        if group.is_empty() {
            return false;
        }
        let w_head = head8(w.as_bytes());
        group.iter().any(|p| p.starts(w, w_head))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(list: &[&str], w: &str) -> bool {
        list.iter().any(|p| w.starts_with(p))
    }

    /// The grouped search answers as a comparison with every prefix: first bytes shared or
    /// not, prefixes repeated, non-ASCII first bytes, words shorter than a prefix, prefixes of
    /// eight bytes and of more (compared past their first eight), the empty word, and a list
    /// with an empty prefix.
    /// A word's first eight bytes as a number, for every length up to and past eight.
    #[test]
    fn heads_are_the_first_eight_bytes() {
        let text = b"abcdefghij";
        for n in 0..=text.len() {
            let mut want = [0u8; 8];
            let k = n.min(8);
            want[..k].copy_from_slice(&text[..k]);
            assert_eq!(head8(&text[..n]), u64::from_le_bytes(want), "{n}");
        }
    }

    #[test]
    fn answers_as_every_prefix_would() {
        let list = [
            "call",
            "ca",
            "co",
            "zz",
            "é",
            "call",
            "b",
            "bring",
            "weighted",
            "pointedly",
        ];
        let words = [
            "",
            "c",
            "ca",
            "call",
            "called",
            "cold",
            "court",
            "co",
            "z",
            "zz",
            "zzz",
            "é",
            "éclat",
            "e",
            "b",
            "br",
            "brought",
            "a",
            "ÿ",
            "weighte",
            "weighted",
            "weightedly",
            "weigh",
            "pointed",
            "pointedly",
            "pointedlyx",
            "pointedlx",
        ];
        let index = PrefixIndex::new(list);
        for w in words {
            assert_eq!(index.any_prefix_of(w), naive(&list, w), "{w:?}");
            // The filter may let a word through, never turn one away that has a prefix.
            let filtered = index.may_start(w) && index.any_prefix_of(w);
            assert_eq!(filtered, naive(&list, w), "{w:?}");
        }
        // Turned away on the first two bytes: none opens a prefix ("cold" opens "co").
        for w in ["zoo", "ex", "cup", "ça", "c"] {
            assert!(!index.may_start(w), "{w:?}");
        }
        let with_empty = ["x", "", "call"];
        let index = PrefixIndex::new(with_empty);
        for w in words {
            assert_eq!(index.any_prefix_of(w), naive(&with_empty, w), "{w:?}");
            assert!(index.may_start(w), "{w:?}");
        }
        let none = PrefixIndex::new([]);
        assert!(!none.any_prefix_of("call") && !none.may_start("call") && !none.may_start(""));
    }
}
