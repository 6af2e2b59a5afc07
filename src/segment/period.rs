//! A single period followed by whitespace: abbreviations, initials, dotted acronyms, clock
//! times, figures and bracketed abbreviations decide whether it ends the sentence.

use super::abbreviations::{abbr_class, continues_time, is_phrase_final, is_starter};
use super::chars::{char_at, char_before, is_currency, is_dotted, is_opener};
use super::{is_space, Splitter, LOOKBACK, WORDS_BACK};
use crate::lexicon::AbbrevClass as Abbr;

impl<'a> Splitter<'a, '_> {
    /// The word (ASCII letters and apostrophes, at most 16 bytes) at `k`, skipping one opener.
    pub(super) fn word_at(&self, k: usize) -> &'a str {
        let mut s = k;
        if let Some((c, len)) = char_at(self.t, s) {
            if is_opener(c) {
                s += len;
            }
        }
        let b = self.b;
        let mut e = s;
        while e < b.len() && e - s < 16 && b[e].is_ascii_alphabetic() {
            e += 1;
        }
        self.t.get(s..e).unwrap_or("")
    }

    /// The token ending at the period at `i`: back to whitespace, an opener or a dash.
    /// `None` if it is longer than the look-back bound.
    fn token_before(&self, i: usize) -> Option<&'a str> {
        let t = self.t;
        let mut s = i;
        while s > self.sent {
            let (c, p) = char_before(t, s)?;
            if is_space(c) || is_opener(c) || matches!(c, '—' | '–' | '/') {
                break;
            }
            s = p;
            if i - s > LOOKBACK {
                return None;
            }
        }
        t.get(s..i)
    }

    /// Does the period at `i` (followed by whitespace, then `next` at `k`) end the sentence?
    pub(super) fn period_ends(&self, i: usize, next: char, word: &str, k: usize) -> bool {
        let Some(tok) = self.token_before(i) else {
            return true;
        };
        if tok.is_empty() {
            return true;
        }
        let tb = tok.as_bytes();
        let tok_start = i - tok.len();
        // An e-mail address or a URL is no abbreviation (byte tests: a substring search costs
        // more to set up than these short tokens are long).
        if tb.contains(&b'@') || tb.windows(3).any(|w| w == b"://") {
            return true;
        }
        // Dotted acronyms and times: U.S, E.U, J.R.R, a.m, p.m, e.g.
        if tb.len() >= 3 && is_dotted(tb) {
            let lower: Vec<u8> = tb.iter().map(u8::to_ascii_lowercase).collect();
            return match lower.as_slice() {
                b"a.m" | b"p.m" => self.time_ends(i, next, word, k),
                b"e.g" | b"i.e" => false,
                // Degrees and eras close a noun phrase: "her Ph.D. Tom", "753 B.C. Augustus".
                l if is_phrase_final(l) => next.is_uppercase() || is_starter(word),
                _ => is_starter(word),
            };
        }
        if tb.len() == 1 && tb[0].is_ascii_alphabetic() {
            if tb[0].is_ascii_lowercase() {
                // p. 55, v. Wade; a lone lowercase letter ends a sentence only before a starter.
                return is_starter(word);
            }
            // Initials (George W. Bush) end a sentence only where a name cannot continue:
            // after a lowercase word or a number ("you and I. Did ...").
            return is_starter(word) && !self.prev_word_capitalised(tok_start);
        }
        // Party-state tags: D-Conn., R-Ky.
        if tb.len() >= 4
            && matches!(tb[0], b'D' | b'R' | b'I')
            && tb[1] == b'-'
            && tb[2].is_ascii_uppercase()
        {
            return is_starter(word);
        }
        if tb.len() <= 8 {
            let mut buf = [0u8; 8];
            for (d, s) in buf.iter_mut().zip(tb) {
                *d = s.to_ascii_lowercase();
            }
            let lower = &buf[..tb.len()];
            let class = abbr_class(lower, tb[0].is_ascii_uppercase());
            if let Some(class) = class {
                return match class {
                    Abbr::Title => false,
                    Abbr::Other => is_starter(word),
                    // "No. 5", "no. A13", "Rs. 16720": a number or code follows.
                    Abbr::Numeric => !next.is_ascii_digit() && !self.token_has_digit(k),
                };
            }
        }
        // Inside brackets a short capitalised word before a period is an abbreviation far more
        // often than a sentence end: "(Phil. 4:8)", "(Ala. and Ga.)".
        if tb.len() <= 5
            && tb[0].is_ascii_uppercase()
            && tb.iter().all(u8::is_ascii_alphabetic)
            && self.inside_brackets(tok_start)
        {
            return is_starter(word);
        }
        true
    }

    /// Is the token ending at `i` a plain figure ("1,000", "$250"), standing after a space, an
    /// opener or a currency sign (not "v1.2" or "3.14")?
    pub(super) fn number_before(&self, i: usize) -> bool {
        let b = self.b;
        let mut p = i;
        while p > self.sent && i - p <= LOOKBACK && (b[p - 1].is_ascii_digit() || b[p - 1] == b',')
        {
            p -= 1;
        }
        if p == i || !b[i - 1].is_ascii_digit() || !b[p].is_ascii_digit() {
            return false;
        }
        match char_before(self.t, p) {
            None => true,
            Some((c, _)) => is_space(c) || is_opener(c) || is_currency(c),
        }
    }

    /// Does the token at `k` (up to whitespace, at most 16 bytes) contain a digit ("A13")?
    fn token_has_digit(&self, k: usize) -> bool {
        self.b[k.min(self.b.len())..]
            .iter()
            .take(16)
            .take_while(|c| !c.is_ascii_whitespace())
            .any(u8::is_ascii_digit)
    }

    /// Is byte `p` inside a bracket opened earlier in the sentence (bounded look-back)?
    fn inside_brackets(&self, p: usize) -> bool {
        let lo = self.sent.max(p.saturating_sub(WORDS_BACK));
        let mut depth = 0i32;
        for &c in self.b[lo..p].iter().rev() {
            match c {
                b')' | b']' => depth += 1,
                b'(' | b'[' if depth == 0 => return true,
                b'(' | b'[' => depth -= 1,
                _ => {}
            }
        }
        false
    }

    /// After a.m./p.m.: a starter always begins a sentence; another capitalised word does unless
    /// it continues the time (Friday, ET, Eastern time) or the sentence so far is too short to be
    /// one ("At 5 a.m. Mr. Smith went ...").
    fn time_ends(&self, i: usize, next: char, word: &str, k: usize) -> bool {
        if is_starter(word) {
            return true;
        }
        if !next.is_uppercase() || word.is_empty() {
            return false;
        }
        if continues_time(word) {
            return false;
        }
        if word.len() <= 4 && word.bytes().all(|c| c.is_ascii_uppercase()) {
            return false; // ET, EST, GMT, UTC
        }
        // "... Moscow time", "... Alaska Daylight Time"
        let after = &self.b[(k + word.len()).min(self.b.len())..];
        let after = &after[..after.len().min(24)];
        if after.starts_with(b" time") || after.starts_with(b" Time") {
            return false;
        }
        self.words_back(i) >= 4
    }

    /// Number of words in the current sentence before `i` (counting stops at 4 or after the
    /// look-back bound, which counts as many).
    fn words_back(&self, i: usize) -> usize {
        let lo = self.sent.max(i.saturating_sub(WORDS_BACK));
        if lo > self.sent {
            return usize::MAX;
        }
        let seg = &self.b[lo..i];
        let mut words = 0;
        let mut in_word = false;
        for &c in seg {
            let sp = c == b' ' || c == b'\t';
            if !sp && !in_word {
                words += 1;
            }
            in_word = !sp;
        }
        words
    }

    /// Is the word before the token starting at `tok_start` capitalised (a name going on)?
    fn prev_word_capitalised(&self, tok_start: usize) -> bool {
        let lo = self.sent.max(tok_start.saturating_sub(LOOKBACK));
        let Some(seg) = self.t.get(lo..tok_start) else {
            return false;
        };
        let seg = seg.trim_end_matches(is_space);
        let word_start = seg
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let w = &seg[word_start..];
        let w = w.trim_start_matches(is_opener);
        match w.chars().next() {
            // Sentence start: "I. Smith" is a name.
            None => true,
            Some(c) => c.is_uppercase(),
        }
    }
}
