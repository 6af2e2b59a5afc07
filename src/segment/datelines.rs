//! Wire datelines (`ANCHORAGE, Alaska—`, `KYIV (AP) —`) glued to scraped metadata start a
//! sentence.

use super::{is_space, Splitter, DATELINE_WINDOW};

impl<'a> Splitter<'a, '_> {
    /// `ANCHORAGE, Alaska—` or `KYIV (Reuters) —` glued after scraped metadata on the line that
    /// starts at `p`: the position where the dateline starts.
    pub(super) fn dateline(&self, p: usize) -> Option<usize> {
        let end = self.line_end.min(p + DATELINE_WINDOW).min(self.b.len());
        let win = self.b.get(p..end)?;
        // The first dash: "—", "–" or "--". The search looks for the last byte of "—" (E2 80 94)
        // and "–" (E2 80 93), rare in English text, rather than their lead byte E2, which every
        // curly quote and apostrophe shares; a dash found by its last byte starts two bytes
        // earlier, and no "--" can start between those two.
        let d = p + memchr::memchr3_iter(b'-', 0x93, 0x94, win).find_map(|k| match win[k] {
            b'-' => (win.get(k + 1) == Some(&b'-')).then_some(k),
            _ => (k >= 2 && win[k - 2..k] == [0xe2, 0x80]).then(|| k - 2),
        })?;
        let first = self.content;
        // Candidates: an uppercase ASCII letter after a space, past the line's first token and
        // not inside a run of caps words ("NEW YORK").
        let mut q = first + 2;
        while q < d {
            if self.b[q].is_ascii_uppercase()
                && self.b[q - 1] == b' '
                && !self.b[q - 2].is_ascii_uppercase()
                && self.dateline_at(first, q, d)
            {
                return Some(q);
            }
            q += 1;
        }
        None
    }

    /// Does `[q, d)` read `CAPS[ CAPS][, Place][ (Agency)]`, after a place, an agency or a
    /// timestamp-like token?
    fn dateline_at(&self, first: usize, q: usize, d: usize) -> bool {
        // A byline ("By JOHN SMITH, Associated Press —") is not a dateline.
        let before = self
            .t
            .get(first..q)
            .unwrap_or("")
            .trim_end_matches(is_space);
        let byline = before
            .rsplit(' ')
            .next()
            .is_some_and(|w| w == "By" || w == "by");
        !byline && self.dateline_match(first, q, d) == Some(true)
    }

    fn dateline_match(&self, first: usize, q: usize, d: usize) -> Option<bool> {
        let s = self.t.get(q..d)?.trim_end_matches(is_space);
        let bytes = s.as_bytes();
        let mut i = 0;
        let mut letters = 0;
        // Caps words.
        loop {
            let st = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_uppercase() || matches!(bytes[i], b'.' | b'\'' | b'-'))
            {
                if bytes[i].is_ascii_uppercase() {
                    letters += 1;
                }
                i += 1;
            }
            if i == st {
                return None;
            }
            if i < bytes.len() && bytes[i].is_ascii_lowercase() {
                return None;
            }
            if i + 1 < bytes.len() && bytes[i] == b' ' && bytes[i + 1].is_ascii_uppercase() {
                // Another caps word, or the start of something else.
                let mut k = i + 1;
                while k < bytes.len() && bytes[k].is_ascii_uppercase() {
                    k += 1;
                }
                if k - (i + 1) >= 2 && (k == bytes.len() || !bytes[k].is_ascii_lowercase()) {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        if letters < 3 {
            return None;
        }
        let mut place = false;
        let mut agency = false;
        if bytes[i..].starts_with(b", ") {
            i += 2;
            let mut words = 0;
            loop {
                if i >= bytes.len() || !bytes[i].is_ascii_uppercase() {
                    return Some(false);
                }
                while i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'.') {
                    i += 1;
                }
                words += 1;
                if words < 4
                    && i + 1 < bytes.len()
                    && bytes[i] == b' '
                    && bytes[i + 1].is_ascii_uppercase()
                {
                    i += 1;
                    continue;
                }
                break;
            }
            place = true;
        }
        if bytes[i..].starts_with(b" (") {
            let close = bytes[i..].iter().position(|&c| c == b')')?;
            let inner = &bytes[i + 2..i + close];
            if inner.is_empty() || !inner.iter().all(|c| c.is_ascii_alphabetic() || *c == b' ') {
                return Some(false);
            }
            i += close + 1;
            agency = true;
        }
        if i != bytes.len() {
            return Some(false);
        }
        // Without a place or agency, only after a timestamp-like token ("2025-08-17 KYIV —").
        let after_number = self
            .t
            .get(first..q)
            .map(|s| s.trim_end_matches(is_space))
            .and_then(|s| s.chars().next_back())
            .is_some_and(|c| c.is_ascii_digit());
        Some(place || agency || after_number)
    }
}
