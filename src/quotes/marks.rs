//! Quotation-mark scanner: pairs “ ” " ‘ ’ ' « » per paragraph, tells apostrophes from quote
//! marks, and recovers from unbalanced marks at the paragraph end. One pass, bounded stack.

use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// One pair of marks (or a paragraph-long segment of a quote that runs on).
#[derive(Clone, Debug)]
pub struct Pair {
    /// Byte range of the opening mark.
    pub open: Span,
    /// Byte range of the closing mark; None when the quote runs on into the next paragraph.
    pub close: Option<Span>,
    /// The words between the marks.
    pub content: Span,
}

#[derive(Clone, Copy)]
struct Open {
    mark: Span,
    family: Family,
}

enum Mark {
    Open(Family),
    Close(Family),
    /// A straight mark whose role depends on whether a quote of its family is open.
    Ambiguous(Family),
}

// Deeper nesting than this is noise (or an attack); the oldest opens are dropped.
const MAX_DEPTH: usize = 4;

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn is_space(c: Option<char>) -> bool {
    c.map_or(true, |c| c.is_whitespace())
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/“‘«\"'".contains(c),
    }
}

/// Elisions written with a leading apostrophe: 'em, 'til, 'cause, 'n', 'tis, 'twas.
fn is_elision(rest: &str) -> bool {
    let lower: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(6)
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        lower.as_str(),
        "em" | "til" | "cause" | "n" | "tis" | "twas" | "bout" | "round" | "s"
    )
}

fn classify(c: char, prev: Option<char>, next: Option<char>, rest: &str) -> Option<Mark> {
    Some(match c {
        '“' | '„' | '«' | '‟' => Mark::Open(Family::Double),
        // A closing mark where only an opener fits (line start or after a space, a word
        // right after it) points the wrong way: ”Mr. Smith said … is an opening quote.
        '”' if is_opening_context(prev) && is_word(next) => Mark::Open(Family::Double),
        '”' | '»' => Mark::Close(Family::Double),
        '"' => {
            let opener = is_opening_context(prev) && !is_space(next);
            let closer = !is_space(prev) && !is_word(next);
            match (opener, closer) {
                (true, false) => Mark::Open(Family::Double),
                (false, true) => Mark::Close(Family::Double),
                _ => Mark::Ambiguous(Family::Double),
            }
        }
        '‘' => {
            // ‘90s written with the wrong mark is still an apostrophe.
            if next.is_some_and(|n| n.is_ascii_digit()) || is_space(next) {
                return None;
            }
            Mark::Open(Family::Single)
        }
        '’' | '\'' => {
            if is_word(prev) && is_word(next) {
                return None; // don’t, O’Brien
            }
            if is_opening_context(prev) {
                // ’90s, ’em; a straight ' may open a quote.
                if c == '’' || next.map_or(true, |n| !n.is_alphabetic()) || is_elision(rest) {
                    return None;
                }
                return Some(Mark::Open(Family::Single));
            }
            if is_space(prev) {
                return None;
            }
            // After a word and before space/punctuation: a closing mark if a single quote is
            // open, else a possessive (Victims’).
            Mark::Ambiguous(Family::Single)
        }
        _ => return None,
    })
}

/// Two-character marks of wire and typeset text: `''` (two apostrophes, NYT wire copy) reads as
/// a straight double quote `"`, and the TeX opener ``` `` ``` as `“`; a single backtick is no
/// mark. Returns the mark as one char and its byte length.
fn doubled_mark(c: char, rest: &[u8]) -> (char, usize) {
    match (c, rest.get(1)) {
        ('\'', Some(b'\'')) => ('"', 2),
        ('`', Some(b'`')) => ('“', 2),
        ('`', _) => ('`', 1),
        _ => (c, c.len_utf8()),
    }
}

/// Scan all paragraphs (lines) of `text`.
pub fn scan(text: &str) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    let mut line_start = 0;
    let len = text.len();
    while line_start <= len {
        let line_end =
            memchr::memchr(b'\n', &text.as_bytes()[line_start..]).map_or(len, |i| line_start + i);
        scan_line(text, line_start, line_end, &mut stack, &mut out);
        if let Some(bottom) = stack.first().copied() {
            // A quote that runs on: the next paragraph reopens it with a mark of its family.
            let next = text[line_end..].trim_start();
            let reopened = next.chars().next().is_some_and(|c| match bottom.family {
                Family::Double => {
                    matches!(c, '“' | '"' | '«' | '„')
                        || next.starts_with("''")
                        || next.starts_with("``")
                }
                Family::Single => matches!(c, '‘' | '\''),
            });
            if reopened {
                push(text, &mut out, bottom, None, line_end);
            }
        }
        stack.clear();
        line_start = line_end + 1;
    }
    out.sort_by_key(|p| (p.content.start, std::cmp::Reverse(p.content.end)));
    out
}

fn push(text: &str, out: &mut Vec<Pair>, open: Open, close: Option<Span>, end: usize) {
    let raw = &text[open.mark.end..end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = open.mark.end + lead;
    let content = if close.is_some() {
        // Content is everything strictly between the marks (spaces inside are the writer's).
        Span::new(open.mark.end, end)
    } else {
        Span::new(start, start + trimmed.len())
    };
    out.push(Pair {
        open: open.mark,
        close,
        content,
    });
}

/// Looking from `from` up to the mark at `i`: the start of the scan window for the next call
/// and the end of the markup tag (`<name …>` or `</name>`) that holds `i`, or 0. A tag opens with
/// `<` and a letter or `/` and closes with the first `>`.
fn markup_tag_around(bytes: &[u8], from: usize, i: usize) -> (usize, usize) {
    let mut k = from;
    while let Some(off) = memchr::memchr(b'<', &bytes[k..i]) {
        let lt = k + off;
        let opens = bytes
            .get(lt + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/');
        if !opens {
            k = lt + 1;
            continue;
        }
        match memchr::memchr(b'>', &bytes[lt..]) {
            Some(gt) if lt + gt > i => return (lt + gt + 1, lt + gt + 1),
            Some(gt) => k = lt + gt + 1,
            // No `>` left in the line: no tag can close, never look again.
            None => return (bytes.len(), 0),
        }
    }
    (i + 1, 0)
}

fn scan_line(text: &str, start: usize, end: usize, stack: &mut Vec<Open>, out: &mut Vec<Pair>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut i = 0;
    // Only bytes that can start a quote mark are looked at: " ' and the lead bytes of
    // ‘ ’ “ ” „ ‟ (E2) and « » (C2). Everything else is skipped without decoding.
    // End of the markup tag the scan is inside (`<tweet pic="…">`): its marks are attribute
    // delimiters, not quotation marks. Found lazily, so each byte is looked at a bounded number
    // of times.
    let mut tag_end = 0;
    let mut tag_scan = 0;
    while let Some(off) = bytes[i..]
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b'`' | 0xE2 | 0xC2))
    {
        i += off;
        if i >= tag_scan {
            (tag_scan, tag_end) = markup_tag_around(bytes, tag_scan.max(tag_end), i);
        }
        if i < tag_end {
            i += 1;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        let (c, len) = doubled_mark(c, &bytes[i..]);
        let prev = line[..i].chars().next_back();
        let next = line[i + len..].chars().next();
        let at = start + i;
        let mark = Span::new(at, at + len);
        if let Some(m) = classify(c, prev, next, &line[i + len..]) {
            let open_pos =
                |fam: Family, stack: &Vec<Open>| stack.iter().rposition(|o| o.family == fam);
            let m = match m {
                Mark::Ambiguous(f) => {
                    if open_pos(f, stack).is_some() {
                        Mark::Close(f)
                    } else if f == Family::Double {
                        Mark::Open(f)
                    } else {
                        Mark::Ambiguous(f)
                    }
                }
                m => m,
            };
            match m {
                Mark::Open(f) => {
                    // A second opener of the family on top means the first one never closed.
                    if let Some(top) = stack.last() {
                        if top.family == f {
                            stack.pop();
                        }
                    }
                    if stack.len() >= MAX_DEPTH {
                        stack.remove(0);
                    }
                    stack.push(Open { mark, family: f });
                }
                Mark::Close(f) => {
                    if let Some(p) = open_pos(f, stack) {
                        let open = stack[p];
                        stack.truncate(p);
                        push(text, out, open, Some(mark), at);
                    }
                }
                Mark::Ambiguous(_) => {}
            }
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(t: &str) -> Vec<&str> {
        scan(t).iter().map(|p| p.content.of(t)).collect()
    }

    #[test]
    fn curly_and_apostrophes() {
        let t = "“We don’t know,” he said of the ’90s and the Victims’ fund. ‘A Night’s Dream’";
        assert_eq!(contents(t), vec!["We don’t know,", "A Night’s Dream"]);
    }

    #[test]
    fn straight_and_nested() {
        let t = "\"I said 'no' to him,\" she said, \"and left.\"";
        assert_eq!(contents(t), vec!["I said 'no' to him,", "no", "and left."]);
    }

    #[test]
    fn unbalanced_recovers_at_paragraph_end() {
        let t = "“Open and never closed.\nNext “fine” here.";
        assert_eq!(contents(t), vec!["fine"]);
    }

    #[test]
    fn runs_on_across_paragraphs() {
        let t = "“First part.\n\n“Second part.”";
        assert_eq!(contents(t), vec!["First part.", "Second part."]);
    }

    #[test]
    fn doubled_apostrophes_and_tex_marks_are_double_quotes() {
        let t = "''We won,'' she said. ``Fine,'' he said of the candidates'' pledge.";
        assert_eq!(contents(t), vec!["We won,", "Fine,"]);
    }

    #[test]
    fn marks_inside_markup_are_not_quotes() {
        let t =
            "<tweet pic=\"x.png\" author=\"jo\">The bill “passed” today.</tweet> \"Yes,\" he said.";
        assert_eq!(contents(t), vec!["passed", "Yes,"]);
        // A lone "<" or an unclosed tag hides nothing.
        assert_eq!(contents("a < b \"c\" <d \"e\""), vec!["c", "e"]);
    }

    #[test]
    fn wrong_way_curly_mark_opens() {
        let t = "”We will be back next year,” she said.";
        assert_eq!(contents(t), vec!["We will be back next year,"]);
    }

    #[test]
    fn guillemets() {
        assert_eq!(contents("Il a dit « oui » hier."), vec![" oui "]);
    }
}
