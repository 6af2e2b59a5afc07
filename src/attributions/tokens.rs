//! Word and punctuation tokens, grouped by sentence, for the clause rules.

use super::lexicon::{CLAUSE_CUES, OBJECT_CUES, STANCE_CUES, THAT_CUES, TO_CUES};
use crate::Span;

#[derive(Clone, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// A word (letters or digits, with inner apostrophes, hyphens and periods).
    pub word: bool,
    /// First char is upper case.
    pub cap: bool,
    /// Lower-case form (words only; punctuation keeps its char).
    pub lower: String,
    /// Inside quotation marks (set by the caller from the quote pairs).
    pub in_quote: bool,
    /// Inside a direct attribution's content or cue (a quote with its speaker, set by the caller):
    /// reported speech around it may not reach into it.
    pub in_direct: bool,
}

impl Tok {
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    /// A comma, semicolon or dash: the punctuation that closes a clause or an apposition.
    pub fn is_clause_punct(&self) -> bool {
        !self.word && matches!(self.lower.as_str(), "," | ";" | "—" | "–" | "--")
    }
    pub fn is_comma(&self) -> bool {
        !self.word && matches!(self.lower.as_str(), "," | "—" | "–" | "--")
    }
    pub fn is_quote_mark(&self) -> bool {
        !self.word
            && matches!(
                self.lower.as_str(),
                "\"" | "“" | "”" | "''" | "``" | "‘" | "’" | "'" | "«" | "»"
            )
    }
}

fn inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‐')
}

/// Tokens of `text` inside `sentences`; returns the tokens and, per sentence, its token range.
pub fn tokenize(text: &str, sentences: &[Span]) -> (Vec<Tok>, Vec<(usize, usize)>) {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut ranges = Vec::with_capacity(sentences.len());
    for s in sentences {
        let t0 = toks.len();
        let Some(slice) = text.get(s.start..s.end) else {
            ranges.push((t0, t0));
            continue;
        };
        let mut it = slice.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            let start = s.start + i;
            if c.is_alphanumeric() {
                let mut end = start + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_alphanumeric() {
                        end = s.start + j + d.len_utf8();
                        it.next();
                    } else if inner_joiner(d) {
                        // Keep the joiner only when a letter or digit follows it.
                        let after = slice[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(char::is_alphanumeric) {
                            end = s.start + j + d.len_utf8();
                            it.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                let w = &text[start..end];
                toks.push(Tok {
                    start,
                    end,
                    word: true,
                    cap: c.is_uppercase(),
                    lower: w.to_lowercase(),
                    in_quote: false,
                    in_direct: false,
                });
            } else {
                let mut end = start + c.len_utf8();
                // Two apostrophes or backticks are one quote mark; "--" is one dash.
                if matches!(c, '\'' | '`' | '-') {
                    if let Some(&(j, d)) = it.peek() {
                        if d == c {
                            end = s.start + j + d.len_utf8();
                            it.next();
                        }
                    }
                }
                toks.push(Tok {
                    start,
                    end,
                    word: false,
                    cap: false,
                    lower: text[start..end].to_string(),
                    in_quote: false,
                    in_direct: false,
                });
            }
        }
        let t1 = toks.len();
        if is_title_case(&toks[t0..t1]) {
            lower_title_cues(&mut toks[t0..t1]);
        }
        ranges.push((t0, t1));
    }
    (toks, ranges)
}

/// Words a Title Case headline capitalises that other styles leave in lower case.
fn minor_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "to"
            | "in"
            | "on"
            | "for"
            | "and"
            | "or"
            | "but"
            | "at"
            | "by"
            | "with"
            | "as"
            | "from"
    )
}

/// A headline in Title Case ("Mayor Says Bridge Will Reopen"): short, and every word but the
/// minor ones capitalised.
fn is_title_case(toks: &[Tok]) -> bool {
    let words = || {
        toks.iter()
            .filter(|t| t.word && t.lower.starts_with(char::is_alphabetic))
    };
    let n = words().count();
    if !(4..=25).contains(&n) {
        return false;
    }
    let major = words().filter(|t| !minor_word(&t.lower));
    let (mut caps, mut all) = (0, 0);
    for t in major {
        all += 1;
        caps += usize::from(t.cap);
    }
    all >= 3 && caps == all
}

/// In a Title Case headline a reporting verb is capitalised like the names around it: treat
/// it as lower case, so "Mayor Says …" has a cue and "Mayor" is its source.
fn lower_title_cues(toks: &mut [Tok]) {
    for t in toks.iter_mut().filter(|t| t.word && t.cap) {
        let w = t.lower.as_str();
        // Each list is its own type (some take run-time additions), so no array of them.
        if CLAUSE_CUES.contains(w)
            || OBJECT_CUES.contains(w)
            || TO_CUES.contains(w)
            || STANCE_CUES.contains(w)
            || THAT_CUES.contains(w)
        {
            t.cap = false;
        }
    }
}

/// Mark tokens inside any of the sorted, disjoint `quoted` spans (marks included).
pub fn mark_quoted(toks: &mut [Tok], quoted: &[Span]) {
    mark(toks, quoted, |t, inside| t.in_quote = inside);
}

/// Mark tokens inside any of the sorted, disjoint `direct` spans (direct attributions' parts).
pub fn mark_direct(toks: &mut [Tok], direct: &[Span]) {
    mark(toks, direct, |t, inside| t.in_direct = inside);
}

/// One merge-walk over the tokens and the sorted, disjoint `spans`: linear in both.
fn mark(toks: &mut [Tok], spans: &[Span], mut set: impl FnMut(&mut Tok, bool)) {
    let mut q = 0;
    for t in toks.iter_mut() {
        while q < spans.len() && spans[q].end <= t.start {
            q += 1;
        }
        let inside = spans
            .get(q)
            .is_some_and(|s| s.start <= t.start && t.end <= s.end);
        set(t, inside);
    }
}
