//! Word and punctuation tokens, grouped by sentence, for the clause rules.

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
                });
            }
        }
        ranges.push((t0, toks.len()));
    }
    (toks, ranges)
}

/// Mark tokens inside any of the sorted, disjoint `quoted` spans (marks included).
pub fn mark_quoted(toks: &mut [Tok], quoted: &[Span]) {
    let mut q = 0;
    for t in toks.iter_mut() {
        while q < quoted.len() && quoted[q].end <= t.start {
            q += 1;
        }
        if let Some(s) = quoted.get(q) {
            t.in_quote = s.start <= t.start && t.end <= s.end;
        }
    }
}
