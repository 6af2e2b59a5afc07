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

mod abbreviations;
mod chars;
mod datelines;
mod lists;
mod period;
mod terminal;
#[cfg(test)]
mod tests;

use crate::bytes16::{self, Block};
use crate::Span;
use chars::{char_at, char_before, is_bullet, is_line_break, is_wide_end};

/// Split `text` into sentences: trimmed, sorted, disjoint byte spans that together cover every
/// non-whitespace character.
pub fn split(text: &str) -> Vec<Span> {
    // Run-time cue verbs keep `"Why?" Smith harrumphed.` one sentence too.
    crate::lexicon::runtime::in_call(|| {
        let mut out = Vec::with_capacity(text.len() / 100 + 1);
        Splitter::new(text, &mut out).run();
        out
    })
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

const BLOCK: usize = bytes16::LEN;

/// Bit `k` is set when byte `k` of `block` may matter: a superset of the bytes whose [`CLASS`] is
/// not `C_NONE` (every lead byte of a multi-byte char stands in for the few that matter):
/// about one instruction per byte ([`bytes16`]).
#[inline(always)]
fn block_mask(block: &[u8; BLOCK]) -> u32 {
    let v = Block::load(block);
    let punct = v.eq(b'.') | v.eq(b'!') | v.eq(b'?');
    // \n VT FF \r.
    let breaks = v.within(0x0a, 3);
    // Lead bytes of multi-byte chars, 0xc2 and up.
    (punct | breaks | v.at_least(0xc2)).bits()
}

/// The first byte in `i..stop` whose [`CLASS`] is not `C_NONE`, or `stop`. News text has such a
/// byte every 40 bytes or so: blocks of 16 bytes are tested at once ([`block_mask`]), and only
/// the bytes the mask flags are looked up in the table.
#[inline]
fn next_candidate(b: &[u8], mut i: usize, stop: usize) -> usize {
    let stop = stop.min(b.len());
    while i + BLOCK <= stop {
        let Some(block) = b
            .get(i..i + BLOCK)
            .and_then(|s| <&[u8; BLOCK]>::try_from(s).ok())
        else {
            break;
        };
        let mut mask = block_mask(block);
        while mask != 0 {
            let k = mask.trailing_zeros() as usize;
            if CLASS[block[k] as usize] != C_NONE {
                return i + k;
            }
            mask &= mask - 1;
        }
        i += BLOCK;
    }
    while i < stop && CLASS[b[i] as usize] == C_NONE {
        i += 1;
    }
    i
}

// How far a decision may look back or ahead, in bytes; keeps every decision O(1).
const LOOKBACK: usize = 48;
const WORDS_BACK: usize = 200;
const LIST_WINDOW: usize = 600;
const DATELINE_WINDOW: usize = 160;

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
            i = next_candidate(self.b, i, stop);
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
        if self.t.get(s..e).is_none() {
            return;
        }
        // Trimmed as `str::trim_matches(is_space)` would, a char at a time from each end (the
        // ASCII fast path of `char_at`/`char_before` makes this cheap).
        let mut a = s;
        while let Some((c, len)) = char_at(self.t, a).filter(|_| a < e) {
            if !is_space(c) {
                break;
            }
            a += len;
        }
        let mut z = e;
        while let Some((c, p)) = char_before(self.t, z).filter(|_| z > a) {
            if !is_space(c) {
                break;
            }
            z = p;
        }
        if z > a {
            self.out.push(Span::new(a, z));
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
        self.list_cut = NONE;
        // A blank line (half the lines of news text, between paragraphs) ends where it starts
        // and has no dateline: neither search is needed (a line break at `p` means the last
        // bound is at most `p`). Nor is the list-marker look-ahead: the main loop's next stop
        // is the break at `p`, whose `end_line` starts the next line and redoes it there.
        if matches!(self.b.get(p), Some(b'\n' | b'\r')) {
            self.line_end = p;
            self.date_cut = NONE;
            return;
        }
        // Only bounds the look-ahead of list, dateline and attribution checks, so the search is
        // bounded too (rare separators such as U+2028 are found by the main loop).
        // A line started by a rare separator may reuse the last bound (no \n or \r before it),
        // which keeps text made of U+2028 linear.
        if p >= self.line_end {
            let hi = self.b.len().min(p + LIST_WINDOW);
            self.line_end = memchr::memchr2(b'\n', b'\r', &self.b[p..hi]).map_or(hi, |k| p + k);
        }
        self.sentence_started(p);
        self.date_cut = self.dateline(p).unwrap_or(NONE);
    }

    /// Is `i` preceded by a space and non-space text of the current sentence?
    fn mid_sentence(&self, i: usize) -> bool {
        self.content < i && char_before(self.t, i).is_some_and(|(c, _)| is_space(c))
    }
}
