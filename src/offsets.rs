//! Byte offsets (Rust) to code-point offsets (Python `str` indexes).
//!
//! This is the one place where that conversion happens. Inside Rust every lone surrogate of the
//! Python string has become one U+FFFD, so one Python code point is always one Rust `char` and
//! the mapping is exact.

/// Maps byte offsets of one text to code-point offsets.
pub struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    // Sparse checkpoints: the code-point count at the first char start every STRIDE bytes.
    checkpoints: Vec<(usize, usize)>,
}

const STRIDE: usize = 256;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            // A checkpoint at the first char start at or after each STRIDE bytes from the last
            // one; the chars between are counted a block at a time.
            let bytes = text.as_bytes();
            checkpoints.reserve(bytes.len() / STRIDE + 2);
            let (mut at, mut chars) = (0usize, 0usize);
            while at < bytes.len() {
                checkpoints.push((at, chars));
                let mut next = (at + STRIDE).min(bytes.len());
                while next < bytes.len() && !is_char_start(bytes[next]) {
                    next += 1;
                }
                chars += count_chars(&bytes[at..next]);
                at = next;
            }
            checkpoints.push((bytes.len(), chars));
        }
        CharIndex {
            text,
            ascii,
            checkpoints,
        }
    }

    /// Code-point offset of byte offset `byte` (clamped to the text length).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let k = match self.checkpoints.binary_search_by(|c| c.0.cmp(&byte)) {
            Ok(k) => return self.checkpoints[k].1,
            Err(k) => k.saturating_sub(1),
        };
        let (b0, c0) = self.checkpoints[k];
        c0 + count_chars(&self.text.as_bytes()[b0..byte])
    }

    pub fn span(&self, s: crate::Span) -> (usize, usize) {
        (self.char_offset(s.start), self.char_offset(s.end))
    }
}

/// Code-point offsets of byte spans sorted by position (sentences), in one forward pass:
/// O(text + spans), and cheap enough to run off the GIL and in parallel. Spans out of order
/// are still correct (the count restarts), just slower.
pub fn char_spans_sorted(text: &str, spans: &[crate::Span]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut pos, mut chars) = (0usize, 0usize);
    let mut at = |byte: usize| {
        let byte = byte.min(bytes.len());
        if byte < pos {
            (pos, chars) = (0, 0);
        }
        chars += count_chars(&bytes[pos..byte]);
        pos = byte;
        chars
    };
    spans.iter().map(|s| (at(s.start), at(s.end))).collect()
}

/// A byte that is not a UTF-8 continuation byte starts a char.
#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// Chars in UTF-8 bytes: the bytes that are not continuation bytes. Counted in blocks with a
/// byte-wide sum, which vectorises far better than a running `usize` count.
fn count_chars(bytes: &[u8]) -> usize {
    let starts = |b: &u8| is_char_start(*b);
    let mut blocks = bytes.chunks_exact(32);
    let mut n = 0usize;
    for block in &mut blocks {
        // At most 32: fits a u8.
        n += block.iter().map(|b| u8::from(starts(b))).sum::<u8>() as usize;
    }
    n + blocks.remainder().iter().filter(|b| starts(b)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices() {
        let text = "a“b”ç😀x".repeat(200);
        let idx = CharIndex::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(bi), ci);
        }
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
        for cut in [0, 1, 31, 32, 33, 300, text.len()] {
            let cut = (0..=cut)
                .rev()
                .find(|&c| text.is_char_boundary(c))
                .unwrap_or(0);
            assert_eq!(
                count_chars(&text.as_bytes()[..cut]),
                text[..cut].chars().count()
            );
        }
        // Every width of char landing on and around the checkpoint strides.
        let widths = ['a', 'ç', '“', '😀'];
        for n in [1usize, 63, 64, 65, 200, 255, 256, 257, 700] {
            for shift in 0..widths.len() {
                let text: String = (0..n).map(|i| widths[(i * i + shift) % 4]).collect();
                let idx = CharIndex::new(&text);
                for (ci, (bi, _)) in text.char_indices().enumerate() {
                    assert_eq!(idx.char_offset(bi), ci, "n={n} shift={shift} byte {bi}");
                }
                assert_eq!(idx.char_offset(text.len() + 9), n);
            }
        }
        let ascii = "hello";
        assert_eq!(CharIndex::new(ascii).char_offset(3), 3);
    }
}
