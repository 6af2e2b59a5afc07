//! Lists: a bullet or a numbered/lettered marker (`1.`, `2)`, `b.`) that continues the list the
//! sentence began with starts a new sentence.

use super::chars::{char_at, is_bullet, is_line_break};
use super::{is_space, Splitter, LIST_WINDOW, NONE};

/// A list item marker: 1-3 digits or one ASCII letter, then `.`, `.)` or `)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    /// The number, or the letter as a byte.
    value: u32,
    letter: bool,
    /// Byte length of the suffix form: 1 = ".", 2 = ".)", 3 = ")".
    suffix: u8,
}

impl<'a> Splitter<'a, '_> {
    /// First non-space position at or after `p` (bounded by the line), skipping one bullet.
    fn content_start(&self, p: usize) -> usize {
        let mut i = p;
        let mut bullets = 0;
        while i < self.b.len() {
            let Some((c, len)) = char_at(self.t, i) else {
                break;
            };
            if is_line_break(c) {
                break;
            }
            if is_space(c) {
                i += len;
            } else if is_bullet(c) && bullets == 0 {
                bullets += 1;
                i += len;
            } else {
                break;
            }
        }
        i
    }

    /// A list marker starting at `i`, followed by whitespace.
    fn marker_at(&self, i: usize) -> Option<(Marker, usize)> {
        let b = self.b;
        let mut j = i;
        while j < b.len() && j - i < 3 && b[j].is_ascii_digit() {
            j += 1;
        }
        let (value, letter) = if j > i {
            if j < b.len() && b[j].is_ascii_digit() {
                return None;
            }
            let v = self.t.get(i..j)?.parse::<u32>().ok()?;
            (v, false)
        } else if i < b.len() && b[i].is_ascii_alphabetic() {
            j = i + 1;
            (b[i] as u32, true)
        } else {
            return None;
        };
        let rest = b.get(j..)?;
        let suffix = if rest.starts_with(b".)") {
            2
        } else if rest.starts_with(b".") {
            1
        } else if rest.starts_with(b")") {
            3
        } else {
            return None;
        };
        let end = j + if suffix == 2 { 2 } else { 1 };
        let (c, _) = char_at(self.t, end)?;
        if !is_space(c) || is_line_break(c) {
            return None;
        }
        Some((
            Marker {
                value,
                letter,
                suffix,
            },
            end,
        ))
    }

    /// A new sentence starts at `p`: if it opens with a list marker, find the next marker.
    pub(super) fn sentence_started(&mut self, p: usize) {
        let i = self.content_start(p);
        self.content = i;
        let Some((m, end)) = self.marker_at(i) else {
            return;
        };
        // A new marker replaces the old list's pending cut.
        self.list_cut = NONE;
        let mut pat = [0u8; 8];
        let mut k = 0;
        pat[k] = b' ';
        k += 1;
        if m.letter {
            let next = m.value + 1;
            if !(next as u8).is_ascii_alphabetic() {
                return;
            }
            pat[k] = next as u8;
            k += 1;
        } else {
            let s = (m.value + 1).to_string();
            for &d in s.as_bytes() {
                pat[k] = d;
                k += 1;
            }
        }
        for &d in match m.suffix {
            1 => &b"."[..],
            2 => &b".)"[..],
            _ => &b")"[..],
        } {
            pat[k] = d;
            k += 1;
        }
        pat[k] = b' ';
        k += 1;
        let hay_end = self.line_end.min(end + LIST_WINDOW).min(self.b.len());
        if end >= hay_end {
            return;
        }
        if let Some(off) = memchr::memmem::find(&self.b[end..hay_end], &pat[..k]) {
            // Cut before the marker (after the space).
            self.list_cut = end + off + 1;
        }
    }

    /// Is the period at `i` part of a list marker opening the sentence ("1. The first item")?
    pub(super) fn is_marker_dot(&self, i: usize) -> bool {
        let s = self.content;
        if s >= i || i - s > 3 {
            return false;
        }
        let tb = &self.b[s..i];
        tb.iter().all(u8::is_ascii_digit) || tb.len() == 1 && tb[0].is_ascii_alphabetic()
    }
}
