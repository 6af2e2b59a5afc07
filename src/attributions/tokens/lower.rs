//! A token's lower-case form, kept inside the token: the clause rules read it as a `&str`
//! ([`Lower::as_str`], or through `Deref`) many times a token.

use std::fmt;
use std::ops::Deref;

/// Bytes kept inside the token; longer forms (URLs, long compounds) are boxed.
const INLINE: usize = 22;

/// The bytes of `str::to_lowercase` of a token: 24 bytes, inline up to [`INLINE`] bytes. Built
/// by a fixed-size copy out of the text ([`Lower::at`]), cheaper than a string type's
/// copy of a word's own length; compared and hashed as its `&str`.
#[derive(Clone)]
pub struct Lower(Repr);

#[derive(Clone)]
enum Repr {
    /// `buf[..len]` is the form; the bytes after it are whatever followed in the text.
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl Lower {
    /// `text[start..end]`, ASCII-lower-cased when `upper` (it has an ASCII capital). The range
    /// is on char boundaries of `text`.
    #[inline(always)]
    pub(super) fn at(text: &str, start: usize, end: usize, upper: bool) -> Lower {
        let bytes = text.as_bytes();
        let len = end.saturating_sub(start);
        if len > INLINE {
            return Lower::boxed_at(text, start, end, upper);
        }
        // One fixed-size copy (a few moves) where the text has the room, the bytes past the
        // word carried along; else the word's own bytes.
        let fixed =
            (bytes.get(start..start + INLINE)).and_then(|s| <[u8; INLINE]>::try_from(s).ok());
        let mut buf = fixed.unwrap_or_else(|| {
            let mut buf = [0u8; INLINE];
            let src = bytes.get(start..end).unwrap_or(&[]);
            buf[..src.len()].copy_from_slice(src);
            buf
        });
        if upper {
            // The whole buffer, a fixed length the compiler does many bytes at a time: the
            // bytes past the form are never read.
            buf.make_ascii_lowercase();
        }
        Lower(Repr::Inline {
            len: len as u8,
            buf,
        })
    }

    /// [`Lower::at`] of a form too long to keep inline (rare: kept out of the tokenizer's loop).
    #[cold]
    #[inline(never)]
    fn boxed_at(text: &str, start: usize, end: usize, upper: bool) -> Lower {
        let mut s = text.get(start..end).unwrap_or("").to_string();
        if upper {
            s.make_ascii_lowercase();
        }
        Lower(Repr::Heap(s.into_boxed_str()))
    }

    /// `s.to_lowercase()` (a word with non-ASCII chars), built inside the token when short:
    /// char by char, as `to_lowercase` does but for a capital sigma, whose form depends on its
    /// place in the word (left to `to_lowercase`).
    pub(super) fn lowered(s: &str) -> Lower {
        let boxed = || Lower(Repr::Heap(s.to_lowercase().into_boxed_str()));
        if s.len() > INLINE || s.contains('Σ') {
            return boxed();
        }
        let mut buf = [0u8; INLINE];
        let mut len = 0;
        for c in s.chars().flat_map(char::to_lowercase) {
            let Some(room) = buf.get_mut(len..).filter(|r| r.len() >= c.len_utf8()) else {
                return boxed();
            };
            len += c.encode_utf8(room).len();
        }
        Lower(Repr::Inline {
            len: len as u8,
            buf,
        })
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, buf } => {
                let b = &buf[..usize::from(*len).min(INLINE)];
                // SAFETY: `buf[..len]` is a copy of a `&str` range on char boundaries
                // ([`Lower::at`]), ASCII-lower-cased at most, which keeps it UTF-8.
                unsafe { std::str::from_utf8_unchecked(b) }
            }
            Repr::Heap(s) => s,
        }
    }
}

impl Deref for Lower {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Lower {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Lower {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower {}

impl PartialEq<str> for Lower {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::hash::Hash for Lower {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl fmt::Debug for Lower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Lower {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of every length around the inline limit, with capitals or not, at every place of
    /// a text (the end of the text leaves no room for the fixed-size copy): the form is
    /// `to_lowercase` of the word, and equal forms are equal whatever followed them.
    #[test]
    fn forms_are_the_lower_case_words() {
        let long = "Abcdefghijklmnopqrstuvwxyz0123456789";
        for n in 1..=long.len() {
            let word = &long[..n];
            for text in [
                format!("{word} said"),
                format!("x {word}"),
                word.to_string(),
            ] {
                let start = text.find(word).unwrap_or(0);
                let end = start + n;
                for upper in [true, false] {
                    let got = Lower::at(&text, start, end, upper);
                    let want = if upper {
                        word.to_lowercase()
                    } else {
                        word.to_string()
                    };
                    assert_eq!(got.as_str(), want, "{word:?} in {text:?}");
                    assert_eq!(got, Lower::at(&want, 0, want.len(), false));
                }
            }
        }
    }

    /// Non-ASCII words: as `to_lowercase`, a final capital sigma included, and forms that grow
    /// past the inline limit when lower-cased.
    #[test]
    fn non_ascii_forms_are_to_lowercase() {
        for w in [
            "Élysée",
            "don’t",
            "ΟΔΟΣ",
            "ΣΟΦΙΑ",
            "İİİİİİİİİİİ",
            "İİİİİİİİ",
            "Straße",
            "ÀÉÎÕÜÀÉÎÕÜÀ",
            "naïveté-naïveté-naïveté",
        ] {
            assert_eq!(Lower::lowered(w).as_str(), w.to_lowercase(), "{w:?}");
        }
    }
}
