//! Word tokens with quote-mark, paragraph and sentence information.

use std::borrow::Cow;

use compact_str::CompactString;

use super::marks::Pair;
use crate::attributions::tokens::Classes;
use crate::lexicon::word_table::ascii_word_run;
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    /// Opening mark of pair `usize`.
    Open(usize),
    /// Closing mark of pair `usize`.
    Close(usize),
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First char is upper case.
    pub cap: bool,
    /// A line break lies between the previous token and this one.
    pub nl_before: bool,
    /// Index of the sentence holding the token.
    pub sent: usize,
    /// Lexicon flags of the word without its possessive ending ([`super::lexicon::flag`]).
    pub lex: u32,
}

/// A word the attribution tokenizer cuts exactly as this one does, with what it needs of it
/// ([`crate::attributions::tokens::tokenize_after`]): ASCII letters and digits only, and
/// followed by no byte either tokenizer may join a word across (`'`, `-`, `&`, `/`, any
/// non-ASCII char, a period before a letter or digit, a comma between digits: [`free_after`]).
/// Both then end it at the same byte, and look up the same lower-case form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlainWord {
    pub start: usize,
    pub end: usize,
    /// It has a capital (its lower-case form is not itself).
    pub upper: bool,
    /// Its classes in the attribution tokenizer's built-in lists, from this tokenizer's lookup
    /// ([`super::lexicon::flags_and_classes`]).
    pub classes: Classes,
}

/// [`PlainWord`]s walked in step with another tokenizer's words, in text order.
pub struct PlainWalk<'a> {
    /// The words that may still start at or after the next position asked for.
    rest: &'a [PlainWord],
}

impl<'a> PlainWalk<'a> {
    pub fn new(words: &'a [PlainWord]) -> Self {
        PlainWalk { rest: words }
    }

    /// The start of the first plain word starting at or after byte `at` (`usize::MAX` when
    /// none), the words before it passed; asked at increasing `at`s.
    #[inline]
    pub fn next_start(&mut self, at: usize) -> usize {
        while let Some((w, rest)) = self.rest.split_first() {
            if w.start >= at {
                return w.start;
            }
            self.rest = rest;
        }
        usize::MAX
    }

    /// The start of the next plain word (`usize::MAX` when none).
    #[inline]
    pub fn start(&self) -> usize {
        self.rest.first().map_or(usize::MAX, |w| w.start)
    }

    /// The next plain word (the one [`PlainWalk::next_start`] answered), and the walk past it.
    #[inline]
    pub fn take(&mut self) -> Option<&'a PlainWord> {
        let (w, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(w)
    }
}

fn takes_period(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    if word.contains('.') {
        return true;
    }
    // D-Conn., R-Texas.
    let last = word.rsplit('-').next().unwrap_or(word);
    // Most words before a period are longer than any abbreviation: no copy, no lookup.
    if last.len() > crate::lexicon::longest_abbreviation() {
        return false;
    }
    // Lower-cased inline (no allocation up to 24 bytes): this is asked at every period.
    let mut lower = CompactString::new(last);
    lower.as_mut_str().make_ascii_lowercase();
    // The state of a party tag counts as capitalised whatever its case ("D-conn.").
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    crate::lexicon::is_abbreviation(&lower, capitalised)
}

/// Tokenise `text`. Quote marks of `pairs` become Open/Close tokens.
pub fn tokenize(text: &str, pairs: &[Pair], sentences: &[Span]) -> Vec<Tok> {
    tokenize_with(text, pairs, sentences, None)
}

/// [`tokenize`]; with `plain`, the [`PlainWord`]s pushed there in text order as well.
pub fn tokenize_with(
    text: &str,
    pairs: &[Pair],
    sentences: &[Span],
    mut plain: Option<&mut Vec<PlainWord>>,
) -> Vec<Tok> {
    // Mark positions in text order.
    let mut marks: Vec<(usize, usize, Kind)> = Vec::with_capacity(pairs.len() * 2);
    for (i, p) in pairs.iter().enumerate() {
        marks.push((p.open.start, p.open.end, Kind::Open(i)));
        if let Some(c) = p.close {
            marks.push((c.start, c.end, Kind::Close(i)));
        }
    }
    marks.sort_by_key(|m| m.0);
    let mut mi = 0;
    // Start of mark `mi` (usize::MAX after the last): one compare per char instead of two.
    let mark_at = |mi: usize| marks.get(mi).map_or(usize::MAX, |m| m.0);
    let mut next_mark = mark_at(0);
    // News text has a token per five bytes or so, denser in some articles (numbers, lists):
    // room for those too, as a token vector that outgrows its room is copied whole.
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut nl = false;
    // One check for the call instead of one per word (run-time additions are rare).
    let adds = crate::lexicon::runtime::call_has_additions();
    // The sentence of the next token: `si`, until a token starts at or after `sent_limit`
    // (the end of sentence `si`; none for the last one), one compare per token.
    let mut si = 0;
    let limit_of = |si: usize| {
        if si + 1 < sentences.len() {
            sentences[si].end
        } else {
            usize::MAX
        }
    };
    let mut sent_limit = limit_of(0);
    let bytes = text.as_bytes();
    let mut i = 0;
    // Byte where the current line ends, and whether it is written in capitals only
    // ("“THERE IS NO DEAL,” TRUMP SAID."): there, known words read as lower case.
    let mut line_end = 0;
    let mut all_caps = false;
    let mut scratch = String::new();
    while let Some(c) = char_at(text, i) {
        // Spaces, a sixth of news text: no mark or line starts there.
        if c == ' ' {
            i += 1;
            continue;
        }
        while next_mark < i {
            mi += 1;
            next_mark = mark_at(mi);
        }
        if i >= line_end {
            line_end = memchr::memchr(b'\n', &bytes[i..]).map_or(text.len(), |k| i + k);
            let line = text.get(i..line_end).unwrap_or("");
            all_caps = !line.chars().any(char::is_lowercase)
                && line.chars().filter(|c| c.is_uppercase()).nth(3).is_some();
        }
        if c == '\n' {
            nl = true;
            i += 1;
            line_end = i;
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        // A word with neither a capital nor a non-ASCII char is its own lower-case form.
        let mut seen = WordEnd {
            end: i,
            lower_ascii: false,
            plain: false,
            one_run: false,
        };
        let (start, end, kind) = if next_mark == i {
            let (s, e, k) = marks[mi];
            mi += 1;
            next_mark = mark_at(mi);
            (s, e, k)
        } else if is_word_char(c) {
            seen = word_end(text, i, c, next_mark);
            (i, seen.end, Kind::Word)
        } else {
            (i, i + c.len_utf8(), Kind::Punct)
        };
        let (lower_ascii, plain_word) = (seen.lower_ascii, seen.plain);
        let (cap, lex) = if kind == Kind::Word {
            let (lex, classes) = if seen.one_run {
                run_flags(text, Span::new(start, end), lower_ascii, adds, &mut scratch)
            } else {
                word_flags(&text[start..end], lower_ascii, adds, &mut scratch)
            };
            use super::lexicon::flag;
            let shouted =
                all_caps && lex & flag::RULES != 0 && lex & (flag::TITLE | flag::ORG) == 0;
            if let Some(plain) = plain.as_deref_mut().filter(|_| plain_word) {
                plain.push(PlainWord {
                    start,
                    end,
                    upper: !lower_ascii,
                    classes,
                });
            }
            (c.is_uppercase() && !shouted, lex)
        } else {
            (false, 0)
        };
        if start >= sent_limit {
            while si + 1 < sentences.len() && sentences[si].end <= start {
                si += 1;
            }
            sent_limit = limit_of(si);
        }
        toks.push(Tok {
            start,
            end,
            kind,
            cap,
            nl_before: nl,
            sent: si,
            lex,
        });
        nl = false;
        // The space after a token, most tokens' next byte, passed here rather than by a
        // round of the loop (no mark or line starts at a space).
        i = end + usize::from(bytes.get(end) == Some(&b' '));
    }
    toks
}

/// The char at byte `i` of `text` (ASCII without decoding); `i` is on a char boundary.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// `c.is_alphanumeric()`, answered without Unicode's tables for ASCII and for the General
/// Punctuation block (U+2000-U+206F: curly quotes, dashes, the ellipsis, spaces), which holds
/// no letter or digit: most non-ASCII chars of news text are there, and the tables' search
/// costs a few hundred instructions a char.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206f}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// End of the word starting with `c` at byte `start`, its abbreviation period included; a
/// quote mark (at `next_mark`) ends it. And whether the word is ASCII without a capital (its
/// own lower-case form), seen on the way so that [`word_flags`] need not look again; and
/// whether it is a [`PlainWord`].
fn word_end(text: &str, start: usize, c: char, next_mark: usize) -> WordEnd {
    if c.is_ascii() {
        let head = &text.as_bytes()[..next_mark.min(text.len())];
        // Most words: one ASCII run, then a byte that joins nothing and is no period (a space,
        // a comma, a closing bracket): every check of the general scan would answer no.
        let (run_end, run_upper) = ascii_word_run(head, start + 1);
        if let Some(&b) = head.get(run_end) {
            if b < 0x80 && !matches!(b, b'\'' | b'-' | b'.' | b'&' | b'/') {
                let upper = c.is_ascii_uppercase() || run_upper;
                return WordEnd {
                    end: run_end,
                    lower_ascii: !upper,
                    plain: b != b',' || free_after(text, run_end),
                    one_run: true,
                };
            }
            // A period ending a sentence after a word longer than any abbreviation (so it
            // takes no period) and before no letter or digit (so it joins nothing): the
            // general scan would end the word at the period, as a free one-run word.
            if b == b'.'
                && run_end - start > crate::lexicon::longest_abbreviation()
                && !char_at(text, run_end + 1).is_some_and(is_word_char)
            {
                let upper = c.is_ascii_uppercase() || run_upper;
                return WordEnd {
                    end: run_end,
                    lower_ascii: !upper,
                    plain: true,
                    one_run: true,
                };
            }
        }
    }
    word_end_scanned(text, start, c, next_mark)
}

/// [`word_end`] for any word, char by char past its first ASCII run.
fn word_end_scanned(text: &str, start: usize, c: char, next_mark: usize) -> WordEnd {
    let bytes = text.as_bytes();
    // Anything but one run of ASCII letters and digits taken into the word.
    let mut joined = false;
    let mut j = start + c.len_utf8();
    let mut prev = c;
    let mut upper = c.is_ascii_uppercase();
    let mut non_ascii = !c.is_ascii();
    // The next quote mark ends the word (marks start on char boundaries after `start`).
    let head = &bytes[..next_mark.min(bytes.len())];
    loop {
        // ASCII letters and digits, the bulk of any word, without decoding.
        let (run_end, run_upper) = ascii_word_run(head, j);
        if run_end > j {
            prev = char::from(head[run_end - 1]);
            j = run_end;
            upper |= run_upper;
        }
        if j >= head.len() {
            break;
        }
        let Some(d) = char_at(text, j) else { break };
        if is_word_char(d) {
            non_ascii |= !d.is_ascii();
            joined = true;
            j += d.len_utf8();
            prev = d;
            continue;
        }
        // Joiners inside a word: don’t, O’Brien, U.S, D-Conn, AT&T; a trailing
        // apostrophe of a possessive (Victims’).
        if matches!(d, '’' | '\'' | '-' | '.' | '&' | '‑') && is_word_char(prev) {
            let after = char_at(text, j + d.len_utf8());
            let next_word = after.is_some_and(is_word_char);
            let poss = matches!(d, '’' | '\'') && (prev == 's' || prev == 'S');
            if next_word || poss {
                non_ascii |= !d.is_ascii();
                joined = true;
                j += d.len_utf8();
                prev = d;
                continue;
            }
        }
        // A slash between digits is inside one number ("9/11 widow", "24/7", "11/8/2016"), so
        // a date can describe the person named after it like any other modifier.
        if d == '/' && prev.is_ascii_digit() && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
            joined = true;
            j += 1;
            prev = d;
            continue;
        }
        break;
    }
    // Abbreviation period.
    if bytes.get(j) == Some(&b'.') && takes_period(&text[start..j]) {
        j += 1;
        joined = true;
    }
    WordEnd {
        end: j,
        lower_ascii: !upper && !non_ascii,
        plain: !joined && c.is_ascii() && free_after(text, j),
        one_run: !joined && c.is_ascii(),
    }
}

/// Whether a word of ASCII letters and digits ending at byte `j` of `text` ends there in
/// both tokenizers. The attribution tokenizer joins across `'`, `-`, `.` and non-ASCII
/// joiners before a letter and `,` between digits; this one `&` and `/` too, and an
/// abbreviation's period (taken before this is asked). So the word is free when followed by
/// none of these bytes, by a comma not between digits, or by a period before no letter or
/// digit (which neither tokenizer joins).
fn free_after(text: &str, j: usize) -> bool {
    let bytes = text.as_bytes();
    let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    match bytes.get(j) {
        None => true,
        Some(b',') => !(j.checked_sub(1).is_some_and(digit_at) && digit_at(j + 1)),
        Some(b'.') => !char_at(text, j + 1).is_some_and(is_word_char),
        Some(&b) => b < 0x80 && !matches!(b, b'\'' | b'-' | b'&' | b'/'),
    }
}

/// What [`word_end`] saw of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordEnd {
    end: usize,
    /// ASCII without a capital: its own lower-case form.
    lower_ascii: bool,
    /// A [`PlainWord`].
    plain: bool,
    /// One run of ASCII letters and digits (so no possessive ending to strip).
    one_run: bool,
}

/// Lexicon flags of a word, looked up as it is when already lower case (most words: then
/// `lower_ascii`, from [`word_end`]), else lower-cased without allocating when short.
/// With the flags, the attribution classes of the same form ([`Tok::classes`]).
fn word_flags(w: &str, lower_ascii: bool, adds: bool, scratch: &mut String) -> (u32, Classes) {
    use super::lexicon::flag;
    let (base, poss) = strip_poss(w);
    let p = if poss { flag::POSS } else { 0 };
    let flags_of = |lower: &str| {
        let (f, c) = super::lexicon::flags_and_classes(lower, adds);
        (f | p, c)
    };
    // The part before a possessive ending of a lower-case ASCII word is one too.
    if lower_ascii {
        return flags_of(base);
    }
    // One pass over the bytes for both questions (ASCII? any capital?), without branches: a
    // word is a few bytes, and two early-exit scans cost more than one full one.
    let (mut high, mut upper) = (0u8, false);
    for &b in base.as_bytes() {
        high |= b;
        upper |= b.is_ascii_uppercase();
    }
    if high < 0x80 {
        if !upper {
            return flags_of(base);
        }
        // Lower-cased in the tokenizer's one buffer: a capitalised word (a third of news
        // words) builds no string of its own just to be looked up.
        scratch.clear();
        scratch.push_str(base);
        scratch.make_ascii_lowercase();
        return flags_of(scratch);
    }
    // Borrowed when it has no capital ("don’t"), as most such words.
    flags_of(&lower(base))
}

/// [`word_flags`] of a word made of one run of ASCII letters and digits: no possessive ending
/// to strip, and looked up in its lower-case form without building it
/// ([`super::lexicon::alnum_flags_and_classes`]).
fn run_flags(
    text: &str,
    at: Span,
    lower_ascii: bool,
    adds: bool,
    scratch: &mut String,
) -> (u32, Classes) {
    // A short word (nearly all) looked up by its bytes: no `str` slice of the text to check.
    let bytes = text.as_bytes().get(at.start..at.end).unwrap_or(&[]);
    if !adds && (1..=16).contains(&bytes.len()) {
        return super::lexicon::short_alnum_flags_and_classes(bytes, !lower_ascii);
    }
    let w = text.get(at.start..at.end).unwrap_or("");
    if lower_ascii {
        return super::lexicon::flags_and_classes(w, adds);
    }
    super::lexicon::alnum_flags_and_classes(w, adds, scratch)
}

/// [`lower`] kept inline (no allocation) when short: the words and name parts that rules
/// compare and look up are nearly all under 24 bytes.
pub fn lower_inline(s: &str) -> CompactString {
    if s.is_ascii() {
        // A lower-case word (most words the quote rules ask for) is its own form: one test a
        // byte until a capital, instead of lower-casing every byte.
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return CompactString::new(s);
        }
        let mut l = CompactString::new(s);
        l.as_mut_str().make_ascii_lowercase();
        l
    } else {
        CompactString::new(lower(s))
    }
}

/// `s.to_lowercase()` kept inline (no allocation up to 24 bytes): an ASCII word is copied and
/// lower-cased in place without first looking for a capital, since the name parts and country
/// words keyed this way nearly always open with one ([`lower_inline`] looks first).
pub fn lower_key(s: &str) -> CompactString {
    if s.is_ascii() {
        let mut k = CompactString::new(s);
        k.as_mut_str().make_ascii_lowercase();
        k
    } else {
        CompactString::from(s.to_lowercase())
    }
}

/// Lower-case form of a token (borrowed when already lower case).
pub fn lower(s: &str) -> Cow<'_, str> {
    // Most words: ASCII, tested a byte at a time, and lower-cased by `to_ascii_lowercase` (the
    // bytes `to_lowercase` gives an ASCII word, without its per-char mapping).
    if s.is_ascii() {
        return if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        };
    }
    if s.chars().any(|c| c.is_uppercase()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Strip a possessive ending: "Trump’s" -> ("Trump", true).
pub fn strip_poss(s: &str) -> (&str, bool) {
    // Every ending below ends in `s`, `S`, `'` or the last byte of `’`: most words end
    // otherwise and skip the six comparisons.
    if !matches!(s.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return (s, false);
    }
    for suf in ["’s", "'s", "’S", "'S"] {
        if let Some(b) = s.strip_suffix(suf) {
            if !b.is_empty() {
                return (b, true);
            }
        }
    }
    for suf in ["’", "'"] {
        if let Some(b) = s.strip_suffix(suf) {
            return (b, true);
        }
    }
    (s, false)
}

#[cfg(test)]
#[path = "tests_tokens.rs"]
mod tests;
