//! Sentence splitting tuned for news text.
//!
//! One forward pass over the bytes. Only a few bytes can matter (`.`, `!`, `?`, line breaks and
//! the lead bytes of `…`, bullets and Unicode line separators); everything else is skipped with a
//! table lookup. At a candidate, the decision looks a bounded distance back (the token before the
//! period) and forward (the next word), so the whole split is linear in the text length.
//!
//! Rules, in the order they are applied:
//! * every line break (`\n`, `\r\n`, `\r`, VT, FF, NEL, U+2028, U+2029) ends a sentence;
//! * `.`, `!`, `?`, `…` plus any closing quotes/brackets end a sentence when the next token starts
//!   with a capital letter, a digit, an opening quote or bracket, a currency sign or a bullet;
//! * a period after a title (Mr., Sen., Gov.) never ends a sentence; after another abbreviation
//!   (U.S., Inc., Co., Jr., Aug.), a dotted acronym or an initial it does only when the next word
//!   is a common sentence starter (a pronoun, determiner, conjunction, ...); after a.m./p.m. also
//!   before a capitalised word that does not continue the time, once the sentence has a verb's
//!   worth of words; after No./vol./p. never before a number;
//! * `?`/`!` inside a quote followed by `Name said` stays one sentence;
//! * ellipses: `...`/`…` end a sentence before a capital, spaced `. . .` never does, four dots do;
//! * text glued after a sentence end (`rapport.Credit`) is split when a lowercase word is followed
//!   by a capitalised word (not a domain name, e-mail, abbreviation or initial);
//! * a bullet in the middle of a line starts a new item, and so do numbered or lettered list
//!   markers (`1.`, `2)`, `b.`) that continue a list the sentence began with;
//! * a wire dateline (`ANCHORAGE, Alaska—`, `KYIV (AP) —`) glued to scraped metadata starts a
//!   sentence.

use crate::lexicon::AbbrevClass as Abbr;
use crate::Span;

/// Split `text` into sentences: trimmed, sorted, disjoint byte spans that together cover every
/// non-whitespace character.
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    Splitter::new(text, &mut out).run();
    out
}

/// Whitespace as Python's `str.isspace` sees it (so Python's `strip()` agrees with our trimming).
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

// Byte classes of the hot loop.
const C_NONE: u8 = 0;
const C_PUNCT: u8 = 1; // . ! ?
const C_NL: u8 = 2; // \n \r VT FF
const C_LEAD: u8 = 3; // lead byte of a char that may matter: C2 (NEL), E2 (… • U+2028 ...)

static CLASS: [u8; 256] = {
    let mut t = [C_NONE; 256];
    t[b'.' as usize] = C_PUNCT;
    t[b'!' as usize] = C_PUNCT;
    t[b'?' as usize] = C_PUNCT;
    t[b'\n' as usize] = C_NL;
    t[b'\r' as usize] = C_NL;
    t[0x0b] = C_NL;
    t[0x0c] = C_NL;
    t[0xc2] = C_LEAD;
    t[0xe2] = C_LEAD;
    t[0xe3] = C_LEAD; // 。 U+3002
    t[0xef] = C_LEAD; // ． ！ ？ U+FF0E U+FF01 U+FF1F
    t
};

// How far a decision may look back or ahead, in bytes; keeps every decision O(1).
const LOOKBACK: usize = 48;
const WORDS_BACK: usize = 200;
const LIST_WINDOW: usize = 600;
const DATELINE_WINDOW: usize = 160;

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '»' | '›' | '」' | '』'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '"' | '\'' | '(' | '[' | '{' | '«' | '‹' | '„' | '¿' | '¡' | '「' | '『'
    )
}

fn is_quote_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '»' | '›')
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '◆'
            | '❖'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '⦁'
    )
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₽' | '₴')
}

/// Char at byte `i` (a char boundary) and its length; `None` at the end.
#[inline]
fn char_at(t: &str, i: usize) -> Option<(char, usize)> {
    t.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

/// Char ending at byte `i` (a char boundary) and its start.
#[inline]
fn char_before(t: &str, i: usize) -> Option<(char, usize)> {
    let c = t.get(..i)?.chars().next_back()?;
    Some((c, i - c.len_utf8()))
}

/// The class of an abbreviation given lower-cased ASCII bytes; `capitalised` says whether the
/// text wrote it with a capital (data/lexicon/abbreviations.txt).
fn abbr_class(lower: &[u8], capitalised: bool) -> Option<Abbr> {
    crate::lexicon::abbreviation_class(std::str::from_utf8(lower).ok()?, capitalised)
}

/// Words that clearly start a sentence, so that an abbreviation before them ends one.
/// (Contractions are cut at the apostrophe: "Didn’t" is looked up as "Didn".)
fn is_starter(w: &str) -> bool {
    crate::lexicon::SENTENCE_STARTERS.contains(w)
}

/// Capitalised words that continue a clock time (7 p.m. Friday, 10 a.m. Eastern time).
fn continues_time(w: &str) -> bool {
    crate::lexicon::TIME_WORDS.contains(w)
}

/// Lowercase speech verbs: `“Why?” Trump asked.` is one sentence.
fn is_speech_verb(w: &str) -> bool {
    crate::lexicon::REPORTING_CUES.contains(w)
}

/// A list item marker: 1-3 digits or one ASCII letter, then `.`, `.)` or `)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    /// The number, or the letter as a byte.
    value: u32,
    letter: bool,
    /// Byte length of the suffix form: 1 = ".", 2 = ".)", 3 = ")".
    suffix: u8,
}

struct Splitter<'a, 'o> {
    t: &'a str,
    b: &'a [u8],
    out: &'o mut Vec<Span>,
    /// Where the current sentence starts (untrimmed).
    sent: usize,
    /// Its first non-space char after an optional bullet.
    content: usize,
    /// End of the current line (first line-break byte or text end).
    line_end: usize,
    /// Forced cut before a list marker that continues the sentence's list.
    list_cut: usize,
    /// Forced cut before a dateline glued to metadata.
    date_cut: usize,
}

const NONE: usize = usize::MAX;

impl<'a, 'o> Splitter<'a, 'o> {
    fn new(t: &'a str, out: &'o mut Vec<Span>) -> Self {
        Splitter {
            t,
            b: t.as_bytes(),
            out,
            sent: 0,
            content: 0,
            line_end: 0,
            list_cut: NONE,
            date_cut: NONE,
        }
    }

    fn run(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        self.start_line(0);
        while i < n {
            let forced = self.list_cut.min(self.date_cut);
            if i >= forced {
                if forced > self.sent {
                    self.cut(forced);
                } else {
                    self.list_cut = if self.list_cut <= i {
                        NONE
                    } else {
                        self.list_cut
                    };
                    self.date_cut = if self.date_cut <= i {
                        NONE
                    } else {
                        self.date_cut
                    };
                }
                continue;
            }
            // Hot path: skip bytes that cannot matter, stopping at the next forced cut.
            let stop = forced.min(n);
            while i < stop && CLASS[self.b[i] as usize] == C_NONE {
                i += 1;
            }
            if i >= stop {
                continue;
            }
            match CLASS[self.b[i] as usize] {
                C_PUNCT => i = self.terminal(i),
                C_NL => {
                    let mut next = i + 1;
                    if self.b[i] == b'\r' && self.b.get(next) == Some(&b'\n') {
                        next += 1;
                    }
                    self.end_line(i, next);
                    i = next;
                }
                _ => {
                    // Curly quotes and dashes are frequent and never matter here.
                    if self.b[i] == 0xe2
                        && self.b.get(i + 1) == Some(&0x80)
                        && matches!(self.b.get(i + 2), Some(0x93..=0x9d))
                    {
                        i += 3;
                        continue;
                    }
                    let Some((c, len)) = char_at(self.t, i) else {
                        break;
                    };
                    if is_line_break(c) {
                        self.end_line(i, i + len);
                        i += len;
                    } else if c == '…' {
                        i = self.terminal(i);
                    } else if is_wide_end(c) {
                        i = self.wide_end(i + len);
                    } else {
                        if is_bullet(c) && self.mid_sentence(i) {
                            self.cut(i);
                        }
                        i += len;
                    }
                }
            }
        }
        self.push(self.sent, n);
    }

    // ------------------------------------------------------------ sentences and lines

    fn push(&mut self, s: usize, e: usize) {
        let Some(seg) = self.t.get(s..e) else {
            return;
        };
        let lead = seg.len() - seg.trim_start_matches(is_space).len();
        let core = seg[lead..].trim_end_matches(is_space);
        if !core.is_empty() {
            self.out.push(Span::new(s + lead, s + lead + core.len()));
        }
    }

    /// End the current sentence before `p`; the next one starts at `p`.
    fn cut(&mut self, p: usize) {
        self.push(self.sent, p);
        self.sent = p;
        if self.date_cut <= p {
            self.date_cut = NONE;
        }
        if self.list_cut <= p {
            self.list_cut = NONE;
        }
        self.sentence_started(p);
    }

    fn end_line(&mut self, brk: usize, next: usize) {
        self.push(self.sent, brk);
        self.start_line(next);
    }

    fn start_line(&mut self, p: usize) {
        self.sent = p;
        // Only bounds the look-ahead of list, dateline and attribution checks, so the search is
        // bounded too (rare separators such as U+2028 are found by the main loop).
        // A line started by a rare separator may reuse the last bound (no \n or \r before it),
        // which keeps text made of U+2028 linear.
        if p >= self.line_end {
            let hi = self.b.len().min(p + LIST_WINDOW);
            self.line_end = memchr::memchr2(b'\n', b'\r', &self.b[p..hi]).map_or(hi, |k| p + k);
        }
        self.list_cut = NONE;
        self.sentence_started(p);
        self.date_cut = self.dateline(p).unwrap_or(NONE);
    }

    /// Is `i` preceded by a space and non-space text of the current sentence?
    fn mid_sentence(&self, i: usize) -> bool {
        self.content < i && char_before(self.t, i).is_some_and(|(c, _)| is_space(c))
    }

    // ------------------------------------------------------------ lists

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
    fn sentence_started(&mut self, p: usize) {
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

    // ------------------------------------------------------------ datelines

    /// `ANCHORAGE, Alaska—` or `KYIV (Reuters) —` glued after scraped metadata on the line that
    /// starts at `p`: the position where the dateline starts.
    fn dateline(&self, p: usize) -> Option<usize> {
        let end = self.line_end.min(p + DATELINE_WINDOW).min(self.b.len());
        let win = self.b.get(p..end)?;
        // The dash: "—", "–" or "--".
        let d = p + memchr::memchr2_iter(b'-', 0xe2, win).find(|&k| {
            let r = &win[k..];
            r.starts_with(b"--") || r.starts_with("—".as_bytes()) || r.starts_with("–".as_bytes())
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

    // ------------------------------------------------------------ terminal punctuation

    /// Handle the punctuation run starting at `i`; returns where scanning resumes.
    fn terminal(&mut self, i: usize) -> usize {
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

    /// Is the period at `i` part of a list marker opening the sentence ("1. The first item")?
    fn is_marker_dot(&self, i: usize) -> bool {
        let s = self.content;
        if s >= i || i - s > 3 {
            return false;
        }
        let tb = &self.b[s..i];
        tb.iter().all(u8::is_ascii_digit) || tb.len() == 1 && tb[0].is_ascii_alphabetic()
    }

    /// The word (ASCII letters and apostrophes, at most 16 bytes) at `k`, skipping one opener.
    fn word_at(&self, k: usize) -> &'a str {
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
    fn period_ends(&self, i: usize, next: char, word: &str, k: usize) -> bool {
        let Some(tok) = self.token_before(i) else {
            return true;
        };
        if tok.is_empty() {
            return true;
        }
        let tb = tok.as_bytes();
        let tok_start = i - tok.len();
        // A list marker opening the sentence: "1. The first item", "a. The first item".
        if tok.contains('@') || tok.contains("://") {
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
    fn number_before(&self, i: usize) -> bool {
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

    /// After a full-width or ideographic end mark (．。！？) ending at `p`: closing marks stay
    /// with the sentence, and the next one starts right after them (no space needed in CJK text).
    fn wide_end(&mut self, p: usize) -> usize {
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

/// Full-width and ideographic sentence end marks: unambiguous, unlike the ASCII period.
fn is_wide_end(c: char) -> bool {
    matches!(c, '．' | '。' | '！' | '？')
}

/// A reference mark at byte `j`: `[1]`, `[12]`, `[a]`, `[note 3]` (at most 12 bytes); returns
/// the byte after its `]`.
fn citation_mark(b: &[u8], j: usize) -> Option<usize> {
    if b.get(j) != Some(&b'[') {
        return None;
    }
    let inner = b.get(j + 1..)?;
    let close = inner.iter().take(12).position(|&c| c == b']')?;
    let body = &inner[..close];
    let ok = !body.is_empty()
        && body.iter().any(u8::is_ascii_alphanumeric)
        && body.iter().all(|c| c.is_ascii_alphanumeric() || *c == b' ');
    ok.then_some(j + 2 + close)
}

/// Dotted abbreviations that close a noun phrase (degrees, eras), lower case without the final
/// period: a capitalised word after them starts a sentence.
fn is_phrase_final(lower: &[u8]) -> bool {
    std::str::from_utf8(lower).is_ok_and(|w| crate::lexicon::PHRASE_FINAL_ABBREVIATIONS.contains(w))
}

/// Can a sentence start with this char (after an end mark and whitespace)?
fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || is_opener(c)
        || is_currency(c)
        || is_bullet(c)
        || c.is_alphabetic() && !c.is_lowercase() // scripts without case
}

/// Emoji and their modifiers (skin tones, flags, ZWJ sequences, variation selectors).
fn is_emoji(c: char) -> bool {
    let u = c as u32;
    u >= 0x1f000
        || (0x2600..=0x27bf).contains(&u)
        || (0x2b00..=0x2bff).contains(&u)
        || u == 0x200d
        || (0xfe00..=0xfe0f).contains(&u)
}

/// `x.y.z`: two or more dot-separated parts of one or two ASCII letters (U.S, a.m, Ph.D).
fn is_dotted(tb: &[u8]) -> bool {
    let mut parts = 0;
    for part in tb.split(|&c| c == b'.') {
        if part.is_empty() || part.len() > 2 || !part.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.of(text)).collect()
    }

    #[track_caller]
    fn check(text: &str, want: &[&str]) {
        assert_eq!(sents(text), want, "text: {text:?}");
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split(" \n\u{a0}\r\n\t\u{2028}").is_empty());
    }

    #[test]
    fn line_breaks_end_sentences() {
        check(
            "Trump and Putin meet\nANCHORAGE — They met. It ended.\n\nMore in News",
            &[
                "Trump and Putin meet",
                "ANCHORAGE — They met.",
                "It ended.",
                "More in News",
            ],
        );
        check(
            "One\r\nTwo\rThree\u{2028}Four\u{85}Five",
            &["One", "Two", "Three", "Four", "Five"],
        );
    }

    #[test]
    fn whitespace_is_trimmed_including_nbsp() {
        check(
            "\u{a0} Hello there.\u{a0}\u{2009}World. \u{3000}",
            &["Hello there.", "World."],
        );
    }

    #[test]
    fn titles_and_abbreviations() {
        check(
            "Mr. Trump met Sen. Chris Murphy, D-Conn., and Gov. Abbott in St. Louis on Aug. 15. \
             Rep. Smith, R-Texas, and Dr. Jones of the U.N. agency came.",
            &[
                "Mr. Trump met Sen. Chris Murphy, D-Conn., and Gov. Abbott in St. Louis on Aug. 15.",
                "Rep. Smith, R-Texas, and Dr. Jones of the U.N. agency came.",
            ],
        );
        check(
            "He works for the U.S. Government in Virginia. He left the U.S. The end came.",
            &[
                "He works for the U.S. Government in Virginia.",
                "He left the U.S.",
                "The end came.",
            ],
        );
        check(
            "Apple Inc. Chief Executive Tim Cook spoke. He met Acme Co. It closed.",
            &[
                "Apple Inc. Chief Executive Tim Cook spoke.",
                "He met Acme Co.",
                "It closed.",
            ],
        );
        check(
            "It ranked No. 1 in Sept. 2024 with Jr. members.",
            &["It ranked No. 1 in Sept. 2024 with Jr. members."],
        );
    }

    #[test]
    fn initials() {
        check(
            "Vladimir V. Putin met George W. Bush and read J.R.R. Tolkien. You and I. Did it?",
            &[
                "Vladimir V. Putin met George W. Bush and read J.R.R. Tolkien.",
                "You and I.",
                "Did it?",
            ],
        );
    }

    #[test]
    fn numbers_money_times_versions() {
        check(
            "It cost $7.2 million, or 1.5 million euros, at 10:13 p.m. ET in version 2.0 with 3½ \
             points. Rates rose 0.25%. Then 2025. 2026 came.",
            &[
                "It cost $7.2 million, or 1.5 million euros, at 10:13 p.m. ET in version 2.0 with \
                 3½ points.",
                "Rates rose 0.25%.",
                "Then 2025.",
                "2026 came.",
            ],
        );
    }

    #[test]
    fn clock_times_can_end_a_sentence() {
        check(
            "The play will open on Nov. 14 at 7 p.m. Photo courtesy of Travis Lawson",
            &[
                "The play will open on Nov. 14 at 7 p.m.",
                "Photo courtesy of Travis Lawson",
            ],
        );
        check(
            "At 5 a.m. Mr. Smith left. The meeting is at 3 p.m. Friday in Anchorage.",
            &[
                "At 5 a.m. Mr. Smith left.",
                "The meeting is at 3 p.m. Friday in Anchorage.",
            ],
        );
        check(
            "It starts at 9 a.m. Eastern time.",
            &["It starts at 9 a.m. Eastern time."],
        );
    }

    #[test]
    fn emoji_between_sentences() {
        check(
            "Trump 😀 met Putin. 👍🏽 They talked. 🇺🇸 U.S. flags flew. Nice 🎉.",
            &[
                "Trump 😀 met Putin.",
                "👍🏽 They talked.",
                "🇺🇸 U.S. flags flew.",
                "Nice 🎉.",
            ],
        );
    }

    #[test]
    fn quotes() {
        check(
            "“There’s no deal until there’s a deal.” But talks went on. “Next time in Moscow,” he \
             said. “I don’t know. I’ll get a little heat.” Then silence.",
            &[
                "“There’s no deal until there’s a deal.”",
                "But talks went on.",
                "“Next time in Moscow,” he said.",
                "“I don’t know.",
                "I’ll get a little heat.”",
                "Then silence.",
            ],
        );
        check(
            "“Is it happening?” Trump asked. “High stakes!!!” he wrote. \"Yes.\" She nodded.",
            &[
                "“Is it happening?” Trump asked.",
                "“High stakes!!!” he wrote.",
                "\"Yes.\"",
                "She nodded.",
            ],
        );
    }

    #[test]
    fn parentheses() {
        check(
            "It has a warrant. (The U.S. is not a signatory to the court.) What’s more, it sold. \
             He teaches science (He was an engineer.) at the school.",
            &[
                "It has a warrant.",
                "(The U.S. is not a signatory to the court.)",
                "What’s more, it sold.",
                "He teaches science (He was an engineer.) at the school.",
            ],
        );
        check(
            "Alaska, on Friday, Aug. 15, 2025. (Doug Mills/The New York Times)",
            &[
                "Alaska, on Friday, Aug. 15, 2025.",
                "(Doug Mills/The New York Times)",
            ],
        );
    }

    #[test]
    fn ellipses() {
        check(
            "Credit...Doug Mills/The New York Times",
            &["Credit...Doug Mills/The New York Times"],
        );
        check(
            "I don’t know… We’ll see. Well ... maybe.",
            &["I don’t know…", "We’ll see.", "Well ... maybe."],
        );
        check(
            "Bohr [...] said [...]. Then left.",
            &["Bohr [...] said [...].", "Then left."],
        );
    }

    #[test]
    fn glued_sentences() {
        check(
            "They left with a warm rapport.Credit...Doug Mills/The New York Times",
            &[
                "They left with a warm rapport.",
                "Credit...Doug Mills/The New York Times",
            ],
        );
        check(
            "Mail Jane.Doe@example.com or see nytimes.com.Also www.Example.com and U.S.Army.",
            &["Mail Jane.Doe@example.com or see nytimes.com.Also www.Example.com and U.S.Army."],
        );
        check(
            "He said no.“We will,” she said.",
            &["He said no.", "“We will,” she said."],
        );
    }

    #[test]
    fn urls_handles_emails() {
        check(
            "Read https://www.example.com/a.b/c.html?x=1. Follow @nytimes. Mail a.b@c.org. Done.",
            &[
                "Read https://www.example.com/a.b/c.html?x=1.",
                "Follow @nytimes.",
                "Mail a.b@c.org.",
                "Done.",
            ],
        );
    }

    #[test]
    fn lists_and_bullets() {
        check(
            "• First point • Second point ▪ Third",
            &["• First point", "• Second point", "▪ Third"],
        );
        check(
            "1. Ceasefire now 2. Talks later 3. Sanctions",
            &["1. Ceasefire now", "2. Talks later", "3. Sanctions"],
        );
        check(
            "The plan: 1) a ceasefire and 2) talks.",
            &["The plan: 1) a ceasefire and 2) talks."],
        );
    }

    #[test]
    fn datelines() {
        check(
            "By JOHN SMITH, Associated Press — Rain fell.",
            &["By JOHN SMITH, Associated Press — Rain fell."],
        );
        check(
            " date 2025-08-17 ANCHORAGE, Alaska—President Trump met Putin.",
            &[
                "date 2025-08-17",
                "ANCHORAGE, Alaska—President Trump met Putin.",
            ],
        );
        check(
            "KYIV, Ukraine (AP) — Drones hit.",
            &["KYIV, Ukraine (AP) — Drones hit."],
        );
        check(
            "The head of NATO — Mark Rutte — spoke. NEW YORK, N.Y. — Rain.",
            &[
                "The head of NATO — Mark Rutte — spoke.",
                "NEW YORK, N.Y. — Rain.",
            ],
        );
    }

    #[test]
    fn abbreviations_before_numbers_and_codes_do_not_end() {
        check(
            "It costs Rs. 16720 in all.",
            &["It costs Rs. 16720 in all."],
        );
        check("He is 5 ft. 6 in. tall.", &["He is 5 ft. 6 in. tall."]);
        check("See no. A13 on the list.", &["See no. A13 on the list."]);
        // Capitalised, the unit words are other words.
        check("They drove to Ft. Worth.", &["They drove to Ft. Worth."]);
    }

    #[test]
    fn abbreviations_inside_brackets_do_not_end() {
        check(
            "Read the verse (Phil. 4:8) again. It helps.",
            &["Read the verse (Phil. 4:8) again.", "It helps."],
        );
        check(
            "The team (Ala. and Ga. players) won.",
            &["The team (Ala. and Ga. players) won."],
        );
        // A sentence starter inside brackets still ends one.
        check(
            "(The talks failed. Both sides left.)",
            &["(The talks failed.", "Both sides left.)"],
        );
    }

    #[test]
    fn degrees_eras_and_quantities_close_a_sentence() {
        check(
            "The city was founded in 753 B.C. Augustus came later.",
            &["The city was founded in 753 B.C.", "Augustus came later."],
        );
        check(
            "She finished her Ph.D. Tom was proud.",
            &["She finished her Ph.D.", "Tom was proud."],
        );
        check(
            "Rallies spread across the U.S. Millions attended.",
            &["Rallies spread across the U.S.", "Millions attended."],
        );
        check("The U.S. Army left.", &["The U.S. Army left."]);
        check(
            "In A.D. 79 the city was buried.",
            &["In A.D. 79 the city was buried."],
        );
    }

    #[test]
    fn reference_marks_glued_numbers_and_wide_stops() {
        check(
            "He died a martyr.[1] The church grew.[2][3] Others followed.",
            &[
                "He died a martyr.[1]",
                "The church grew.[2][3]",
                "Others followed.",
            ],
        );
        check(
            "Sales hit 1,000.That was a record.",
            &["Sales hit 1,000.", "That was a record."],
        );
        check("Growth was 1.5 percent.", &["Growth was 1.5 percent."]);
        check(
            "First one．Second one。Third！",
            &["First one．", "Second one。", "Third！"],
        );
        check(
            "これは文です。次の文です。",
            &["これは文です。", "次の文です。"],
        );
    }

    #[test]
    fn pathological_inputs_stay_valid() {
        for unit in [
            "“", ".", "Mr. ", "a", ". ", "U.S. ", "1. ", "• ", "?!", " \u{a0}", "A.", "…",
        ] {
            let text = unit.repeat(200_000 / unit.len());
            let spans = split(&text);
            let mut last = 0;
            for s in &spans {
                assert!(s.start >= last && s.end > s.start);
                last = s.end;
            }
        }
    }
}
