//! The article's headline: the title-like line(s) at the top of the text, before its first
//! body paragraph. Quotes there are headline quotes ([`super::QuoteKind::Headline`]), set in
//! the headline's own style (single marks in US news, Title Case), not the body's scare quotes.
//!
//! The rule, on the first non-blank lines of the text (blank lines between them are skipped):
//! a line is title-like when it is not a list item, has at most [`MAX_WORDS`] words, and
//! - does not end like a sentence (`.`, `!`, `?`, `…`, before any closing marks), or
//! - is one sentence in Title Case (every word but the minor ones capitalised), or
//! - is one sentence whose quotes all use single marks while the text after it quotes with
//!   double marks (the US convention: single marks in headlines, double in the body).
//!
//! The headline is the run of up to [`MAX_LINES`] title-like lines from the top, and only
//! when a body follows: after the first line that is not title-like, a paragraph of at least
//! [`BODY_WORDS`] words. A text of one line, or of short lines only (a list, a poem, bullets,
//! quotes signed off "“…” — Name"), has no headline.

use super::marks::Pair;
use crate::lexicon::TITLE_MINOR;
use crate::Span;

/// A headline, kicker and subhead stacked: more title-like lines than this are not a headline.
const MAX_LINES: usize = 3;
/// Headlines are short; a lead paragraph is longer.
const MAX_WORDS: usize = 25;
/// The shortest paragraph that shows a body below the headline.
const BODY_WORDS: usize = 10;

/// Byte offset where the headline ends (0 when the text has none).
pub fn headline_end(text: &str, sentences: &[Span], pairs: &[Pair]) -> usize {
    let mut end = 0;
    let mut n = 0;
    let mut pos = 0;
    while pos < text.len() {
        let line_end =
            memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        let line = Span::new(pos, line_end);
        pos = line_end + 1;
        if text[line.start..line.end].trim().is_empty() {
            continue;
        }
        if !title_like(text, line, sentences, pairs) {
            // The headline ends here; it is one if a body paragraph follows.
            return if has_body(&text[line.start..]) {
                end
            } else {
                0
            };
        }
        if n == MAX_LINES {
            // More short lines than a headline has: a list or a poem, not an article's top.
            return 0;
        }
        n += 1;
        end = line.end;
    }
    // Title-like lines to the end of the text: no body, so no headline either.
    0
}

/// Is there a line of at least [`BODY_WORDS`] words in `rest`?
fn has_body(rest: &str) -> bool {
    rest.split('\n')
        .any(|line| line.split_whitespace().nth(BODY_WORDS - 1).is_some())
}

fn title_like(text: &str, line: Span, sentences: &[Span], pairs: &[Pair]) -> bool {
    let words: Vec<&str> = text[line.start..line.end]
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let first = text[line.start..line.end].trim_start();
    let bullet = ["- ", "* ", "• ", "– ", "— ", "· "]
        .iter()
        .any(|b| first.starts_with(b));
    if bullet || words.is_empty() || words.len() > MAX_WORDS {
        return false;
    }
    if !ends_like_sentence(&text[line.start..line.end]) {
        return true;
    }
    let starts = sentences.partition_point(|s| s.start < line.end)
        - sentences.partition_point(|s| s.start < line.start);
    starts <= 1 && (title_case(&words) || single_marks_over_double(text, line, pairs))
}

/// Does the line end with `.`, `!`, `?` or `…`, before any closing marks and brackets?
fn ends_like_sentence(line: &str) -> bool {
    let core = line
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '»', ')', ']']);
    core.ends_with(['.', '!', '?', '…'])
}

/// Every word that starts with a letter, minor words apart, starts with a capital; at least
/// three such words.
fn title_case(words: &[&str]) -> bool {
    let mut major = 0;
    for w in words {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(c) = w.chars().next() else {
            continue;
        };
        if !c.is_alphabetic() || TITLE_MINOR.contains(w) {
            continue;
        }
        if !c.is_uppercase() {
            return false;
        }
        major += 1;
    }
    major >= 3
}

/// A single (‘ ’ or ') opening mark, not the doubled '' of wire text.
fn single_mark(text: &str, open: Span) -> bool {
    let m = &text[open.start..open.end];
    matches!(m, "‘" | "’" | "'")
}

/// The line quotes with single marks only, and some quote after it opens with a double mark.
fn single_marks_over_double(text: &str, line: Span, pairs: &[Pair]) -> bool {
    let mut in_line = pairs
        .iter()
        .filter(|p| p.open.start >= line.start && p.open.start < line.end)
        .peekable();
    if in_line.peek().is_none() || !in_line.all(|p| single_mark(text, p.open)) {
        return false;
    }
    pairs
        .iter()
        .any(|p| p.open.start >= line.end && !single_mark(text, p.open))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end_of(text: &str) -> &str {
        let sentences = crate::segment::split(text);
        let pairs = super::super::marks::scan(text);
        &text[..headline_end(text, &sentences, &pairs)]
    }

    #[test]
    fn a_title_line_before_the_body_is_the_headline() {
        let body = "\n\nThe council met on Monday night. “We cannot wait,” the mayor said.";
        let t = format!("Mayor on budget: ‘We cannot wait’{body}");
        assert_eq!(end_of(&t), "Mayor on budget: ‘We cannot wait’");
        // Title Case, and single marks over a body in double marks, even with a full stop.
        let t = format!("Union Chief Warns of ‘Long Strike.’{body}");
        assert_eq!(end_of(&t), "Union Chief Warns of ‘Long Strike.’");
        let t = format!("Union chief warns of a ‘long strike’ in spring.{body}");
        assert_eq!(
            end_of(&t),
            "Union chief warns of a ‘long strike’ in spring."
        );
        // A kicker above the title.
        let t = format!("ELECTION 2030\nCandidates Trade ‘Barbs’ in Debate{body}");
        assert_eq!(
            end_of(&t),
            "ELECTION 2030\nCandidates Trade ‘Barbs’ in Debate"
        );
    }

    #[test]
    fn body_lines_and_lone_lines_are_no_headline() {
        // A lead paragraph, a one-line text, a list of short lines.
        let t = "“We cannot wait,” the mayor said on Monday.\nThe council will vote on Friday, its chair told reporters.";
        assert_eq!(end_of(t), "");
        assert_eq!(end_of("‘Enough is enough,’ says union chief"), "");
        assert_eq!(end_of("Apples\nPears\n“Plums”\nFigs"), "");
        // Two sentences, or a sentence-case line in double marks.
        let t =
            "The strike goes on. Talks failed.\nMore text here, in the body of the article below.";
        assert_eq!(end_of(t), "");
        let t = "The union warns of a “long strike” in spring.\nThe body “goes” on here, for ten words at least.";
        assert_eq!(end_of(t), "");
        // A bullet is not a title.
        let t = "- “We will win” - Lee\nThe body goes on here, for ten words or more.";
        assert_eq!(end_of(t), "");
        // Quotes signed off with a dash, and no body paragraph below.
        assert_eq!(end_of("“We won.” — Ada Lee\n“Vote early.” — Sam Rook."), "");
    }
}
