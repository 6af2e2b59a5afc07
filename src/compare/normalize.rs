//! Word-level normalisation of quote text: case, punctuation, apostrophes, contractions,
//! hyphens and stretched letters, so that two renderings of one remark give the same words.

// Word lists: data/lexicon/quote_comparison.txt and abbreviations.txt.
use std::borrow::Cow;

use crate::lexicon::{STOPWORDS, S_IS};

/// A normalised word and the byte range of the original word it came from. A contraction
/// gives two words with the same range ("there’s" -> "there", "is").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}' | '\u{00B4}' | '`'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn expand(raw: &str, start: usize, end: usize, out: &mut impl FnMut(&str, usize, usize)) {
    let mut push = |t: &str| {
        if !t.is_empty() {
            out(t, start, end)
        }
    };
    let pair = match raw {
        "cannot" => Some(("can", "not")),
        "gonna" => Some(("going", "to")),
        "wanna" => Some(("want", "to")),
        "gotta" => Some(("got", "to")),
        _ => None,
    };
    if let Some((a, b)) = pair {
        push(a);
        push(b);
        return;
    }
    let Some(pos) = raw.rfind('\'') else {
        push(raw);
        return;
    };
    let (base, suffix) = (&raw[..pos], &raw[pos + 1..]);
    match suffix {
        "s" if S_IS.contains(base) => {
            push(base);
            push("is");
        }
        "s" => push(&base.replace('\'', "")),
        "t" if base.ends_with('n') => {
            let stem = &base[..base.len() - 1];
            push(match stem {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                "ai" => "am",
                s => s,
            });
            push("not");
        }
        "re" => {
            push(base);
            push("are");
        }
        "ve" => {
            push(base);
            push("have");
        }
        "ll" => {
            push(base);
            push("will");
        }
        "m" => {
            push(base);
            push("am");
        }
        "d" => {
            push(base);
            push("would");
        }
        // O’Brien, rock ’n’ roll: the apostrophe is part of the word.
        _ => push(&raw.replace('\'', "")),
    }
}

/// Lower-case, unify apostrophes, drop hyphens, squeeze runs of 3+ equal letters to 2
/// ("Oooh" -> "ooh").
fn clean(raw: &str, s: &mut String) {
    s.clear();
    let mut last: Option<char> = None;
    let mut run = 0;
    // `c` is lower-cased, with apostrophes unified and hyphens dropped.
    let mut keep = |c: char| {
        if Some(c) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(c);
        }
        if run <= 2 || !c.is_alphabetic() {
            s.push(c);
        }
    };
    // Most words are ASCII: lower-casing them is one byte each, with no case table.
    if raw.is_ascii() {
        for b in raw.bytes() {
            match b {
                b'-' => {}
                b'`' => keep('\''),
                b => keep(char::from(b.to_ascii_lowercase())),
            }
        }
    } else {
        for c in raw.chars().flat_map(char::to_lowercase) {
            if is_apostrophe(c) {
                keep('\'');
            } else if !is_hyphen(c) {
                keep(c);
            }
        }
    }
}

/// The normalised words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(text, |t, start, end| {
        out.push(Word {
            text: t.to_string(),
            start,
            end,
        })
    });
    out
}

/// [`words`] without a `String` per word: `f(word, start, end)` sees each normalised word,
/// in order, borrowed from one reused buffer (clustering a million quotes only hashes them).
pub fn for_each_word(text: &str, f: impl FnMut(&str, usize, usize)) {
    for_each_word_in(text, &mut String::new(), f);
}

/// The character at byte `i` of `text` (None at the end or inside a character).
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// [`for_each_word`] with the caller's buffer for the normalised word, so a caller walking
/// many texts allocates nothing per text; the text is scanned in place, without a list of
/// its characters.
pub fn for_each_word_in(text: &str, buf: &mut String, mut f: impl FnMut(&str, usize, usize)) {
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        // Apostrophes, hyphens and dots stay inside a word when letters follow them.
        while let Some(c) = char_at(text, end) {
            if c.is_alphanumeric() {
                end += c.len_utf8();
            } else if is_apostrophe(c) || is_hyphen(c) || c == '.' {
                let after = end + c.len_utf8();
                match char_at(text, after) {
                    Some(n) if n.is_alphanumeric() => end = after + n.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        clean(text.get(start..end).unwrap_or(""), buf);
        expand(buf, start, end, &mut f);
        i = end;
    }
}

/// Byte offsets where a new sentence starts inside a quote: after `.`, `!`, `?` or `…`
/// (plus closing marks) and whitespace, when an upper-case letter, digit or opening mark follows.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    sentence_starts_into(text, &mut starts);
    starts
}

/// [`sentence_starts`] into the caller's reused list (cleared first).
pub fn sentence_starts_into(text: &str, starts: &mut Vec<usize>) {
    starts.clear();
    let mut pos = 0;
    while let Some((i, c)) = next_terminator(text, pos) {
        pos = i + c.len_utf8();
        if c == '.' && is_abbreviation(text.get(..i).unwrap_or("")) {
            continue;
        }
        while let Some(n) = char_at(text, pos)
            .filter(|n| matches!(n, '.' | '!' | '?' | '…' | '”' | '’' | '"' | '\'' | ')'))
        {
            pos += n.len_utf8();
        }
        if !char_at(text, pos).is_some_and(char::is_whitespace) {
            continue;
        }
        while let Some(n) = char_at(text, pos).filter(|n| n.is_whitespace()) {
            pos += n.len_utf8();
        }
        if let Some(n) = char_at(text, pos) {
            if n.is_uppercase() || n.is_ascii_digit() || matches!(n, '“' | '‘' | '"' | '\'' | '(')
            {
                starts.push(pos);
            }
        }
    }
}

/// The next `.`, `!`, `?` or `…` at or after byte `from`, found by bytes: the text between
/// sentence ends is skipped without decoding it.
fn next_terminator(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        let off =
            (bytes.get(at..)?.iter()).position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))?;
        let i = at + off;
        match char_at(text, i)? {
            c @ ('.' | '!' | '?' | '…') => return Some((i, c)),
            // Another character with the same lead byte as `…`.
            _ => at = i + 1,
        }
    }
}

/// Whether the word ending `before` (just before a period) is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let head = before.trim_end_matches(|c: char| c.is_alphanumeric() || c == '.');
    let word = before.get(head.len()..).unwrap_or("");
    // Lower-cased only when it changes something: a period ends most words of a quote.
    let w: Cow<str> = if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    letters == 1 || w.contains('.') || crate::lexicon::is_abbreviation(&w, capitalised)
}

pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn contractions_and_apostrophes() {
        assert_eq!(
            w("There’s no deal until there is a deal."),
            w("there's no deal until there’s a deal,")
        );
        assert_eq!(w("We’ll"), vec!["we", "will"]);
        assert_eq!(
            w("haven’t won’t can't"),
            vec!["have", "not", "will", "not", "can", "not"]
        );
        assert_eq!(
            w("Trump’s O’Brien weʼve"),
            vec!["trump", "obrien", "we", "have"]
        );
        assert_eq!(
            w("Oooh, business-like U.S."),
            vec!["ooh", "businesslike", "u.s"]
        );
    }

    #[test]
    fn reused_buffer_gives_each_text_its_own_words() {
        let texts = [
            "Über-cool NAÏVE İstanbul caféééé won’t",
            "We’re here. Sooo good, U.S. ’n’ roll",
            "",
            "ǅemal’s 3-2 win… “Yes.”",
        ];
        let mut buf = String::from("left over");
        for t in texts {
            let mut got = Vec::new();
            for_each_word_in(t, &mut buf, |w, start, end| {
                got.push(Word {
                    text: w.to_string(),
                    start,
                    end,
                })
            });
            assert_eq!(got, words(t), "{t}");
        }
        assert_eq!(w("Oooh NAÏVE"), vec!["ooh", "naïve"]);
        let mut starts = vec![99];
        sentence_starts_into("It works. Yes.", &mut starts);
        assert_eq!(starts, vec![10]);
    }

    #[test]
    fn spans_point_at_original_words() {
        let t = "“It’s fine,” he said";
        for x in words(t) {
            assert!(t.get(x.start..x.end).is_some());
        }
    }

    /// Sentence starts by decoding every character: what the byte scan must agree with.
    fn starts_by_chars(text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if !matches!(c, '.' | '!' | '?' | '…')
                || c == '.' && is_abbreviation(text.get(..i).unwrap_or(""))
            {
                continue;
            }
            let closer =
                |n: char| matches!(n, '.' | '!' | '?' | '…' | '”' | '’' | '"' | '\'' | ')');
            while it.peek().is_some_and(|&(_, n)| closer(n)) {
                it.next();
            }
            if !it.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                continue;
            }
            while it.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                it.next();
            }
            if let Some(&(b, n)) = it.peek() {
                if n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '“' | '‘' | '"' | '\'' | '(')
                {
                    starts.push(b);
                }
            }
        }
        starts
    }

    #[test]
    fn byte_scan_finds_the_sentence_starts_of_a_char_scan() {
        for t in [
            "Wait… Then — “Go.” Now! Really?! (Yes.) ‘No’ 5 more.",
            "He left—“twice.” Then… “Maybe.”   Ok?’ Fine",
            "Mr. Smith met Dr. Jones. Later, U.S. troops left. Ümit came.",
            "…“",
            "",
            "end.",
        ] {
            assert_eq!(sentence_starts(t), starts_by_chars(t), "{t}");
        }
        assert_eq!(sentence_starts("Wait… Then"), vec!["Wait… ".len()]);
    }

    #[test]
    fn sentences_inside_quote() {
        let t = "I don’t know. I’ll get a little heat on that one, with the U.S. and Europe, Mr. Putin and Vladimir V. Putin.";
        assert_eq!(sentence_starts(t), vec![t.find("I’ll").unwrap_or(0)]);
    }
}
