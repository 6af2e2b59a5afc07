//! Quotation-mark scanner: pairs “ ” " ‘ ’ ' « » per paragraph, tells apostrophes from quote
//! marks, and recovers from unbalanced marks at the paragraph end. One pass, bounded stack.

mod bytes;

use crate::Span;
pub(super) use bytes::mark_lead;
use bytes::markup_tag_around;

mod wire;

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
    /// A transcript's speaker label right after the opening mark ("“SMITH: …"), outside
    /// `content`.
    pub label: Option<Span>,
}

#[derive(Clone, Copy)]
struct Open {
    mark: Span,
    family: Family,
    /// A curly quote that a second curly opener found still open: nesting if a closing mark
    /// comes for it in its paragraph, else a quote that never closed (dropped at the end of
    /// the paragraph, as if the second opener had replaced it).
    tentative: bool,
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

/// After a word (or the punctuation that ends one) and before a space, punctuation or the line's
/// end: where a closing mark stands.
fn closes_here(prev: Option<char>, next: Option<char>) -> bool {
    let after_word = prev.is_some_and(|c| c.is_alphanumeric() || ".,!?;…".contains(c));
    let before_gap = next.map_or(true, |c| c.is_whitespace() || ",.;:!?)—–".contains(c));
    after_word && before_gap
}

/// Do marks `outer` and `inner` of one family nest ("She called it "a disaster" today," he
/// said), or does the second opener mean the first never closed? Writers nest double marks of
/// the same style, straight in straight and curly in curly (either way round); other
/// mixtures are not nesting.
fn straight(text: &str, mark: Span) -> bool {
    text.as_bytes().get(mark.start) == Some(&b'"')
}

fn nests(text: &str, outer: Span, inner: Span) -> bool {
    let style = |m: Span| match text.get(m.start..m.end) {
        Some("\"") => 1,
        Some("“" | "”") => 2,
        _ => 0,
    };
    style(outer) != 0 && style(outer) == style(inner)
}

/// Elisions written with a leading apostrophe: 'em, 'til, 'cause, 'n', 'tis, 'twas.
fn is_elision(rest: &str) -> bool {
    let lower: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(6)
        .flat_map(char::to_lowercase)
        .collect();
    crate::lexicon::ELIDED_WORDS.contains(lower.as_str())
}

fn classify(c: char, prev: Option<char>, next: Option<char>, rest: &str) -> Option<Mark> {
    Some(match c {
        // An opening mark where only a closer fits (after a word or a sentence's end, before a
        // space or punctuation) points the wrong way: “…, ”a disaster“ yesterday,” closes.
        '“' if closes_here(prev, next) => Mark::Close(Family::Double),
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
    // Room for the quotes of a usual article (a dozen or so) without regrowing.
    let mut out = Vec::with_capacity(16);
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    let mut line_start = 0;
    let len = text.len();
    // A quote running over paragraphs: its first opening mark, the end of the last paragraph
    // it covers so far, and where the next paragraph's reopening mark starts.
    let mut run: Option<(Open, usize, usize)> = None;
    while line_start <= len {
        let line_end =
            memchr::memchr(b'\n', &text.as_bytes()[line_start..]).map_or(len, |i| line_start + i);
        if text[line_start..line_end].trim().is_empty() {
            // Blank lines between paragraphs change nothing (a quote may run on over them).
            line_start = line_end + 1;
            continue;
        }
        let first_new = out.len();
        scan_line(text, line_start, line_end, &mut stack, &mut out);
        if let Some((open, _, reopen)) = run {
            // The reopened quote closes in this paragraph: one quote from the first mark.
            if let Some(p) = out[first_new..].iter_mut().find(|p| p.open.start == reopen) {
                p.open = open.mark;
                p.label = speaker_label(text, open.mark.end);
                p.content.start = label_end(text, open.mark.end);
                run = None;
            }
        }
        if !stack.is_empty() && run.is_none() && wraps(text, line_end) {
            // A line break inside a sentence ("…will win this\nrace," she said): the quote
            // goes on in the next line.
            line_start = line_end + 1;
            continue;
        }
        // A curly quote found open by a nested one that never closed: it never opened.
        stack.retain(|o| !o.tentative);
        let bottom = stack.first().copied();
        let next = text[line_end..].trim_start();
        let reopen_at = len - next.len();
        // A quote that runs on: the next paragraph reopens it with a mark of its family. A
        // transcript's next turn ("“JONES: …") starts a quote of its own.
        let reopened = bottom
            .filter(|b| reopens(next, &text[b.mark.start..b.mark.end]))
            .is_some();
        let next_turn = reopened && {
            let after = reopen_at + mark_len(next);
            let para = &text[after
                ..memchr::memchr(b'\n', &text.as_bytes()[after..]).map_or(len, |i| after + i)];
            speaker_label(text, after).is_some() || stage_direction(para)
        };
        match bottom {
            Some(b) if reopened && !next_turn => {
                let first = run.map_or(b, |r| r.0);
                run = Some((first, line_end, reopen_at));
            }
            _ => {
                // Never closed: the paragraphs it covered, as a run-on quote; up to this
                // paragraph's end when the next turn of a transcript follows.
                let turn_end = bottom.and(next_turn.then_some(line_end));
                if let Some((open, end, _)) = run.take() {
                    push(text, &mut out, open, None, turn_end.unwrap_or(end));
                } else if let (Some(b), Some(end)) = (bottom, turn_end) {
                    push(text, &mut out, b, None, end);
                }
            }
        }
        stack.clear();
        line_start = line_end + 1;
    }
    out.sort_by_key(|p| (p.content.start, std::cmp::Reverse(p.content.end)));
    out
}

/// Is the line break at `line_end` inside a sentence: the line stops without a sentence's end
/// or a closing mark, and the next line goes on in words (no blank line, no opening mark)?
fn wraps(text: &str, line_end: usize) -> bool {
    let ends = text[..line_end].trim_end().chars().next_back();
    let mid_sentence = ends.is_some_and(|c| {
        !matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | '\'' | '»' | ')' | '…'
        )
    });
    let next = text.get(line_end + 1..).unwrap_or("");
    let first = next.trim_start_matches([' ', '\t']).chars().next();
    mid_sentence && first.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '—' | '-'))
}

/// Does the paragraph `next` reopen a quote opened with `mark`? Only with a mark of the same
/// style: an excerpt whose paragraphs all open with a straight mark may hold curly quotes of
/// its own, which are not its continuation.
fn reopens(next: &str, mark: &str) -> bool {
    let style = |m: &str| match m.chars().next() {
        Some('“' | '”' | '„' | '‟') => 1,
        Some('"') => 2,
        Some('‘' | '’') => 3,
        Some('«' | '»') => 4,
        Some('\'') if m.starts_with("''") => 5,
        Some('\'') => 6,
        Some('`') => 7,
        _ => 0,
    };
    let s = style(mark);
    s != 0 && s == style(next)
}

/// A stage direction of a transcript, “(CROSSTALK.)” or “[Applause]”: nobody's words.
fn stage_direction(words: &str) -> bool {
    let inner = words.trim().trim_end_matches(['.', '"', '”']);
    inner.len() > 2
        && inner.starts_with(['(', '['])
        && inner.ends_with([')', ']'])
        && !inner[1..inner.len() - 1].contains(['(', ')', '[', ']'])
}

/// Byte length of the mark `next` starts with.
fn mark_len(next: &str) -> usize {
    if next.starts_with("''") || next.starts_with("``") {
        2
    } else {
        next.chars().next().map_or(0, char::len_utf8)
    }
}

/// A transcript's speaker label at `at` (right after an opening mark): one to three words in
/// capitals, then a colon and a space ("JONES: …", "SEN. KIM: …", "Q: …"). Its span, without
/// the colon.
pub fn speaker_label(text: &str, at: usize) -> Option<Span> {
    let rest = text.get(at..)?;
    // The first char within 32 that is neither a capital nor a label's punctuation must be the
    // colon: most quotes answer no within their first word, without a search for a colon.
    let (colon, c) = (rest.char_indices().take(32))
        .find(|&(_, c)| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-')))?;
    if c != ':' {
        return None;
    }
    let label = &rest[..colon];
    let words = label.split(' ').count();
    let after = rest[colon + 1..].chars().next();
    let starts = label.chars().next().is_some_and(char::is_uppercase);
    (starts && words <= 3 && after == Some(' ')).then(|| Span::new(at, at + colon))
}

/// Where the words after a speaker label at `at` start.
fn label_end(text: &str, at: usize) -> usize {
    match speaker_label(text, at) {
        Some(l) => l.end + 1 + (text[l.end + 1..].len() - text[l.end + 1..].trim_start().len()),
        None => at,
    }
}

fn push(text: &str, out: &mut Vec<Pair>, open: Open, close: Option<Span>, end: usize) {
    let raw = &text[open.mark.end..end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    if stage_direction(trimmed) {
        return;
    }
    let start = open.mark.end + lead;
    let mut content = if close.is_some() {
        // Content is everything strictly between the marks (spaces inside are the writer's).
        Span::new(open.mark.end, end)
    } else {
        Span::new(start, start + trimmed.len())
    };
    let label = speaker_label(text, open.mark.end);
    if label.is_some() {
        content.start = label_end(text, open.mark.end).min(content.end);
        if content.start >= content.end {
            return;
        }
    }
    out.push(Pair {
        open: open.mark,
        close,
        content,
        label,
    });
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
    while let Some(off) = mark_lead(&bytes[i..]) {
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
        let (c, len) = match c {
            '\'' => wire::apostrophe_run(line, i),
            _ => None,
        }
        .unwrap_or_else(|| doubled_mark(c, &bytes[i..]));
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
                    // A second opener of the family on top means the first one never closed;
                    // except double marks of one style, which writers also nest ("She called
                    // it "a disaster" today," he said): the inner pair closes first.
                    if let Some(top) = stack.last_mut() {
                        if top.family == f {
                            if !nests(text, top.mark, mark) {
                                stack.pop();
                            } else if !straight(text, top.mark) {
                                top.tentative = true;
                            }
                        }
                    }
                    if stack.len() >= MAX_DEPTH {
                        stack.remove(0);
                    }
                    stack.push(Open {
                        mark,
                        family: f,
                        tentative: false,
                    });
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
    fn a_quote_over_paragraphs_is_one_quote() {
        let t = "“First part.\n\n“Second part.\n“Third part.” Then prose.";
        assert_eq!(
            contents(t),
            vec!["First part.\n\n“Second part.\n“Third part."]
        );
        let p = &scan(t)[0];
        assert_eq!((p.open.start, p.close.map(|c| c.start)), (0, Some(46)));
    }

    #[test]
    fn a_quote_over_paragraphs_never_closed_keeps_the_paragraphs_it_covered() {
        let t = "“First part.\n“Second part.\nProse.";
        assert_eq!(contents(t), vec!["First part."]);
    }

    #[test]
    fn only_a_mark_of_the_same_style_reopens() {
        // An excerpt in straight marks holding a curly quote of its own.
        let t = "\"Excerpt part.\n\n“Inner words,” she said.";
        assert_eq!(contents(t), vec!["Inner words,"]);
    }

    #[test]
    fn transcript_turns_are_quotes_of_their_own_without_the_label() {
        let t =
            "\"HOST: Ready?\n\"SEN. KIM: Yes.\n\"More from me.\n\"(LAUGHTER)\n\"HOST: Thanks.\"";
        assert_eq!(
            contents(t),
            vec!["Ready?", "Yes.\n\"More from me.", "Thanks."]
        );
        let labels: Vec<_> = scan(t).iter().map(|p| p.label.map(|l| l.of(t))).collect();
        assert_eq!(labels, vec![Some("HOST"), Some("SEN. KIM"), Some("HOST")]);
    }

    #[test]
    fn straight_marks_nest() {
        let t = "\"She called it \"a disaster\" today,\" Ed said. \"Open. Then \"fine\" here.";
        assert_eq!(
            contents(t),
            vec!["She called it \"a disaster\" today,", "a disaster", "fine"]
        );
    }

    #[test]
    fn curly_marks_nest_either_way_round() {
        let t = "“She called it “a disaster” today,” Ed said. “Then ”fine“ here,” he said.";
        assert_eq!(
            contents(t),
            vec![
                "She called it “a disaster” today,",
                "a disaster",
                "Then ”fine“ here,",
                "fine"
            ]
        );
        // Straight inside curly is not nesting: the unclosed curly mark is dropped.
        assert_eq!(contents("“Open \"a\" and “b” here."), vec!["a", "b"]);
        // A closer after a word is still a closer, an opener after a space an opener.
        assert_eq!(contents("“Yes“ she said, “no.“"), vec!["Yes", "no."]);
    }

    #[test]
    fn a_line_break_inside_a_sentence_keeps_the_quote_open() {
        let t = "“We will win this\nrace,” she said. “Never closed\nNext “fine” here.\n“Ends.\nNew line.”";
        assert_eq!(contents(t), vec!["We will win this\nrace,", "fine"]);
    }

    #[test]
    fn speaker_labels() {
        assert!(speaker_label("Q: Why?", 0).is_some());
        assert!(speaker_label("DR. O’NEIL: Yes.", 0).is_some());
        assert!(speaker_label("The rule: no.", 0).is_none());
        assert!(speaker_label("NOTE:no space", 0).is_none());
        assert!(speaker_label("ONE TWO THREE FOUR: five", 0).is_none());
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
