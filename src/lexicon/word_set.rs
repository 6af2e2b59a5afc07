//! [`WordSet`]: a fixed set of lexicon words whose membership test is one [`WordMap`] lookup.

use std::fmt;

use super::word_table::WordMap;

/// A set of lexicon words, fixed once built. The words are kept once, sorted and without
/// repeats (iteration, `len`); [`WordSet::contains`] asks a [`WordMap`] built from that list:
/// the rules ask these sets of the words around every candidate, and a `WordMap` lookup (two
/// loads, two multiplies, one slot compared) is about half the instructions of hashing the
/// `&str`. Only [`FromIterator`] builds one, so the table and the list hold the same words.
pub struct WordSet {
    words: Vec<&'static str>,
    table: WordMap<()>,
    /// Per first byte, bit `min(len, 31)` set for each length of the set's words that open
    /// with it. Most sets are a few dozen grammar words, and the rules ask them of every word
    /// of a clause: two loads and a bit test turn most words away before the table lookup
    /// (a call, two multiplies and a slot compare).
    starts: [u32; 256],
}

/// The bit of [`WordSet::starts`] for a word of `len` bytes.
#[inline(always)]
fn len_bit(len: usize) -> u32 {
    1 << len.min(31)
}

impl WordSet {
    /// Is `w` in the set?
    #[inline]
    pub fn contains<Q: AsRef<str> + ?Sized>(&self, w: &Q) -> bool {
        let w = w.as_ref();
        match w.as_bytes().first() {
            Some(&b) if self.starts[usize::from(b)] & len_bit(w.len()) == 0 => false,
            _ => self.table.get(w).is_some(),
        }
    }

    /// The words, in byte order.
    pub fn iter(&self) -> std::slice::Iter<'_, &'static str> {
        self.words.iter()
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet::from_iter([])
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let mut words: Vec<&'static str> = iter.into_iter().collect();
        words.sort_unstable();
        words.dedup();
        let table = WordMap::new(words.iter().map(|&w| (w, ())));
        let mut starts = [0u32; 256];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                starts[usize::from(b)] |= len_bit(w.len());
            }
        }
        WordSet {
            words,
            table,
            starts,
        }
    }
}

impl<'a> IntoIterator for &'a WordSet {
    type Item = &'a &'static str;
    type IntoIter = std::slice::Iter<'a, &'static str>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

impl Clone for WordSet {
    fn clone(&self) -> Self {
        self.words.iter().copied().collect()
    }
}

impl fmt::Debug for WordSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.words.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet;

    /// Iteration and membership tell of the same words, for every section of every lexicon
    /// file: each word iterated once, in byte order, and found by `contains`; `len` counts the
    /// section's distinct words; and no word of the section is missing from the iteration.
    #[test]
    fn iteration_and_membership_agree() {
        let mut sections = 0;
        for &(_, file) in super::super::files::ALL {
            for name in super::super::section_names(file) {
                let words = super::super::section(file, name);
                let set: WordSet = words.iter().copied().collect();
                let listed: Vec<&str> = set.iter().copied().collect();
                assert!(
                    listed.windows(2).all(|p| p[0] < p[1]),
                    "{name}: order, repeats"
                );
                let distinct: FxHashSet<&str> = words.iter().copied().collect();
                assert_eq!(set.len(), distinct.len(), "{name}");
                assert_eq!(set.is_empty(), words.is_empty(), "{name}");
                assert_eq!((&set).into_iter().count(), set.len(), "{name}");
                for &w in &listed {
                    assert!(set.contains(w), "{name}: {w:?} listed, not contained");
                }
                for &w in &words {
                    assert!(listed.binary_search(&w).is_ok(), "{name}: {w:?} not listed");
                }
                assert_eq!(
                    set.clone().iter().collect::<Vec<_>>(),
                    set.iter().collect::<Vec<_>>()
                );
                sections += 1;
            }
        }
        assert!(sections > 50, "{sections} sections");
    }

    /// Membership as the hash set answers it: every word of every lexicon file's sections, the
    /// same words with a letter added or dropped, changed case, the empty word and a long one.
    #[test]
    fn contains_answers_as_the_hash_set() {
        let mut n = 0;
        for &(_, file) in super::super::files::ALL {
            for name in super::super::section_names(file) {
                let words = super::super::section(file, name);
                let hashed: FxHashSet<&str> = words.iter().copied().collect();
                let set: WordSet = words.into_iter().collect();
                let mut probes: Vec<String> = Vec::new();
                for &w in &set {
                    probes.push(w.to_string());
                    probes.push(format!("{w}s"));
                    probes.push(w.to_uppercase());
                    let mut shorter = w.to_string();
                    shorter.pop();
                    probes.push(shorter);
                }
                probes.extend(["", "the", "said", &"x".repeat(40)].map(String::from));
                for p in &probes {
                    assert_eq!(
                        set.contains(p.as_str()),
                        hashed.contains(p.as_str()),
                        "{p:?}"
                    );
                    assert_eq!(
                        set.contains(&p.as_str()),
                        hashed.contains(p.as_str()),
                        "{p:?}"
                    );
                    n += 1;
                }
            }
        }
        assert!(n > 10_000, "{n} probes");
        let set: WordSet = ["alpha", "delta-epsilon-zeta-eta-theta"]
            .into_iter()
            .collect();
        assert!(set.contains("alpha") && !set.contains("gamma"));
        assert!(set.contains("delta-epsilon-zeta-eta-theta"));
        assert!(!WordSet::default().contains("alpha"));
    }

    /// The first-byte/length filter turns away only words the table would: same first byte
    /// with another length, another first byte with the same length, and lengths past the
    /// filter's last bit (31), which share that bit and go on to the table.
    #[test]
    fn start_filter_keeps_every_member() {
        let long = "a".repeat(35);
        let longer = "a".repeat(40);
        let set: WordSet = ["may", "monday", "ago", long.as_str().to_owned().leak()]
            .into_iter()
            .collect();
        for w in ["may", "monday", "ago", long.as_str()] {
            assert!(set.contains(w), "{w:?}");
        }
        for w in [
            "ma",
            "mays",
            "mon",
            "bay",
            "day",
            "",
            "agos",
            "a",
            longer.as_str(),
        ] {
            assert!(!set.contains(w), "{w:?}");
        }
        assert_eq!(set.starts[usize::from(b'm')], (1 << 3) | (1 << 6));
        assert_eq!(set.starts[usize::from(b'a')], (1 << 3) | (1 << 31));
    }
}
