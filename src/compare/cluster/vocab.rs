//! Word ids by word hash, given in order of first appearance: an open-addressing table whose
//! slot for a coming word can be prefetched. At a million quotes the vocabulary is ~0.5M
//! words (16 MB of slots) and the long tail of names and numbers is looked up at random, once
//! per token; asking for the slots a few tokens ahead overlaps those misses.

use super::prefetch::prefetch_at;

pub(super) struct Vocab {
    /// (hash, id); [`FREE`] ids mark free slots.
    slots: Vec<(u64, u32)>,
    shift: u32,
    len: usize,
}

const FREE: u32 = u32::MAX;

impl Vocab {
    pub fn new() -> Vocab {
        Vocab {
            slots: vec![(0, FREE); 1 << 10],
            shift: 64 - 10,
            len: 0,
        }
    }

    /// How many words have ids.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    fn home(&self, h: u64) -> usize {
        // Top bits of a multiplicative hash: the word hashes' own low bits may be poor.
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Starts loading the slot where `h` is looked up first.
    pub fn prefetch(&self, h: u64) {
        prefetch_at(&self.slots, self.home(h));
    }

    /// The id of `h`, and whether it is new (then it is the next id, `len()` before).
    pub fn id(&mut self, h: u64) -> (u32, bool) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            let Some(s) = self.slots.get_mut(i) else {
                return (FREE, false);
            };
            if s.1 == FREE {
                let id = self.len as u32;
                *s = (h, id);
                self.len += 1;
                return (id, true);
            }
            if s.0 == h {
                return (s.1, false);
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![(0, FREE); old.len() * 2];
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for (h, id) in old.into_iter().filter(|s| s.1 != FREE) {
            let mut i = self.home(h);
            while let Some(s) = self.slots.get_mut(i) {
                if s.1 == FREE {
                    *s = (h, id);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    /// Ids in order of first appearance, as a map gives them, through many growths, with
    /// hashes that share their top or low bits.
    #[test]
    fn ids_in_order_of_first_appearance() {
        let mut v = Vocab::new();
        let mut map: FxHashMap<u64, u32> = FxHashMap::default();
        for i in 0..200_000u64 {
            let h = match i % 3 {
                0 => (i % 70_001) << 40,
                1 => i % 50_021,
                _ => (i % 90_017).wrapping_mul(0x5851_F42D_4C95_7F2D),
            };
            v.prefetch(h);
            let next = map.len() as u32;
            let want = *map.entry(h).or_insert(next);
            let (id, new) = v.id(h);
            assert_eq!(id, want);
            assert_eq!(new, want == next);
        }
        assert_eq!(v.len(), map.len());
    }
}
