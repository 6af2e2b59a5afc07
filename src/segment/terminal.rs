//! Terminal punctuation: a run of `.`, `!`, `?`, `…` (with closing quotes, brackets and
//! reference marks) and whether it ends the sentence; full-width stops; text glued after an
//! end mark.

use super::abbreviations::{abbr_class, is_speech_verb};
use super::chars::{
    char_at, char_before, citation_mark, is_closer, is_emoji, is_line_break, is_opener,
    is_quote_closer, is_wide_end, starts_sentence,
};
use super::{is_space, Splitter, LOOKBACK};
use crate::lexicon::AbbrevClass as Abbr;

impl<'a> Splitter<'a, '_> {
    /// Handle the punctuation run starting at `i`; returns where scanning resumes.
    pub(super) fn terminal(&mut self, i: usize) -> usize {
        let b = self.b;
        let t = self.t;
        // The run: . ! ? … and dots separated by single spaces (". . .").
        let mut j = i;
        let mut dots = 0usize;
        let mut qe = false;
        let mut spaced = false;
        loop {
            match b.get(j) {
                Some(b'.') => {
                    dots += 1;
                    j += 1;
                }
                Some(b'!') | Some(b'?') => {
                    qe = true;
                    j += 1;
                }
                Some(0xe2) if b.get(j + 1) == Some(&0x80) && b.get(j + 2) == Some(&0xa6) => {
                    dots += 3;
                    j += 3;
                }
                Some(b' ') if b.get(j + 1) == Some(&b'.') && j > i && b[j - 1] == b'.' => {
                    spaced = true;
                    j += 1;
                }
                _ => break,
            }
        }
        let run_end = j;
        let glued_first = b[i] == b'.' && char_before(t, i).is_some_and(|(c, _)| !is_space(c));
        // An omission mark in brackets: "[...]".
        if !qe && dots >= 3 && i > 0 && b[i - 1] == b'[' && b.get(run_end) == Some(&b']') {
            return run_end + 1;
        }
        // Closing quotes and brackets stay with the sentence.
        let mut quote_closed = false;
        let mut closers = false;
        while let Some((c, len)) = char_at(t, j) {
            if !is_closer(c) {
                break;
            }
            quote_closed |= is_quote_closer(c);
            closers = true;
            j += len;
        }
        // Reference marks after the end mark belong to the sentence: "martyr.[1] The".
        while let Some(end) = citation_mark(b, j) {
            closers = true;
            j = end;
        }
        let after = j;
        // Whitespace (not a line break).
        let mut k = after;
        while let Some((c, len)) = char_at(t, k) {
            if !is_space(c) || is_line_break(c) {
                break;
            }
            k += len;
        }
        let Some((next, _)) = char_at(t, k) else {
            return after;
        };
        if is_line_break(next) {
            return after;
        }
        if k == after {
            if self.glued_ends(i, run_end, dots, qe, after) {
                self.cut(after);
            }
            return after;
        }
        if !(starts_sentence(next) || is_emoji(next) && self.emoji_then_capital(k)) {
            return after;
        }
        let word = self.word_at(k);
        if qe {
            if quote_closed && self.attribution_follows(k) {
                return after;
            }
            self.cut(k);
            return after;
        }
        match dots {
            0 => {}
            1 => {
                if self.is_marker_dot(i) {
                    return after;
                }
                if closers || self.period_ends(i, next, word, k) {
                    self.cut(k);
                }
            }
            2 => self.cut(k),
            3 => {
                if !spaced && (next.is_uppercase() || is_opener(next)) {
                    self.cut(k);
                }
            }
            _ => {
                if spaced && glued_first && !closers {
                    // "word. . . . Next": a period, then an ellipsis opening the next sentence.
                    self.cut(i + 1);
                } else {
                    self.cut(k);
                }
            }
        }
        after
    }

    /// Emoji (and spaces) at `k`, then a capital: "Putin. 👍🏽 They talked."
    fn emoji_then_capital(&self, k: usize) -> bool {
        let mut p = k;
        while let Some((c, len)) = char_at(self.t, p) {
            if p - k > 32 {
                return false;
            }
            if is_emoji(c) || is_space(c) && !is_line_break(c) {
                p += len;
            } else {
                return c.is_uppercase() || is_opener(c);
            }
        }
        false
    }

    /// After a full-width or ideographic end mark (．。！？) ending at `p`: closing marks stay
    /// with the sentence, and the next one starts right after them (no space needed in CJK text).
    pub(super) fn wide_end(&mut self, p: usize) -> usize {
        let mut j = p;
        while let Some((c, len)) = char_at(self.t, j) {
            if !(is_closer(c) || is_wide_end(c)) {
                break;
            }
            j += len;
        }
        if let Some((c, _)) = char_at(self.t, j) {
            if !is_space(c) {
                self.cut(j);
            }
        }
        j
    }

    /// After `?`/`!` and a closing quote: `Trump asked.`, `Mr. Smith said` (up to four
    /// capitalised words, then a speech verb).
    fn attribution_follows(&self, k: usize) -> bool {
        let end = (k + 80).min(self.line_end.max(k)).min(self.b.len());
        let Some(s) = self.t.get(k..end) else {
            return false;
        };
        for (n, w) in s.split(' ').enumerate() {
            let w = w.trim_end_matches([',', '.', ';']);
            if n > 0 && is_speech_verb(w) {
                return true;
            }
            if n >= 4 || !w.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
        }
        false
    }

    /// Text glued after an end mark with no space (`rapport.Credit`): a sentence end only after a
    /// plain word of two or more letters ending in lowercase, before a capitalised word that is
    /// not part of a domain name or e-mail address.
    fn glued_ends(&self, i: usize, run_end: usize, dots: usize, qe: bool, after: usize) -> bool {
        if run_end - i != 1 || !(qe || dots == 1) {
            return false;
        }
        let b = self.b;
        // Next: [opener] Upper lower+ not followed by '@', '/', '_' or '.' + alnum.
        let mut s = after;
        if let Some((c, len)) = char_at(self.t, s) {
            if is_opener(c) {
                s += len;
            }
        }
        let mut e = s;
        if !b.get(e).is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        e += 1;
        let lower_start = e;
        while e < b.len() && e - s < 32 && b[e].is_ascii_lowercase() {
            e += 1;
        }
        if e == lower_start {
            return false;
        }
        match b.get(e) {
            Some(b'@') | Some(b'/') | Some(b'_') => return false,
            Some(b'.') if b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric) => return false,
            _ => {}
        }
        if self.number_before(i) {
            return true; // "hit 1,000.That was": a figure ends the sentence
        }
        // Previous token: letters only, at least two, last two lowercase, not an abbreviation.
        let mut p = i;
        while p > self.sent && i - p <= LOOKBACK && b[p - 1].is_ascii_alphabetic() {
            p -= 1;
        }
        if i - p < 2 || i - p > LOOKBACK {
            return false;
        }
        if p > 0 {
            match char_before(self.t, p) {
                Some((c, _)) if is_space(c) || is_opener(c) => {}
                None => {}
                _ => return false,
            }
        }
        let tok = &b[p..i];
        if !tok[tok.len() - 1].is_ascii_lowercase() || !tok[tok.len() - 2].is_ascii_lowercase() {
            return false;
        }
        if tok.len() <= 8 {
            let mut buf = [0u8; 8];
            for (d, s) in buf.iter_mut().zip(tok) {
                *d = s.to_ascii_lowercase();
            }
            let lower = &buf[..tok.len()];
            let class = abbr_class(lower, tok[0].is_ascii_uppercase());
            if matches!(class, Some(Abbr::Title | Abbr::Other)) {
                return false;
            }
        }
        true
    }
}
