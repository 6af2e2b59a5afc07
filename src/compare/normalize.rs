//! Word-level normalisation of quote text: case, punctuation, apostrophes, contractions,
//! hyphens and stretched letters, so that two renderings of one remark give the same words.

// Word lists: data/lexicon/quote_comparison.txt and abbreviations.txt.
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
    for c in raw.chars().flat_map(char::to_lowercase) {
        let c = if is_apostrophe(c) { '\'' } else { c };
        if is_hyphen(c) {
            continue;
        }
        if Some(c) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(c);
        }
        if run <= 2 || !c.is_alphabetic() {
            s.push(c);
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
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut buf = String::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(start, c)) = chars.get(i) else {
            break;
        };
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // Apostrophes, hyphens and dots stay inside a word when letters follow them.
        while let Some(&(_, c)) = chars.get(j) {
            if c.is_alphanumeric() {
                j += 1;
            } else if (is_apostrophe(c) || is_hyphen(c) || c == '.')
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
            {
                j += 2;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        clean(&text[start..end], &mut buf);
        expand(&buf, start, end, &mut f);
        i = j;
    }
}

/// Byte offsets where a new sentence starts inside a quote: after `.`, `!`, `?` or `…`
/// (plus closing marks) and whitespace, when an upper-case letter, digit or opening mark follows.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        if c == '.' && is_abbreviation(text.get(..i).unwrap_or("")) {
            continue;
        }
        while it.peek().is_some_and(|&(_, n)| {
            matches!(n, '.' | '!' | '?' | '…' | '”' | '’' | '"' | '\'' | ')')
        }) {
            it.next();
        }
        if !it.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
            continue;
        }
        while it.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
            it.next();
        }
        if let Some(&(b, n)) = it.peek() {
            if n.is_uppercase() || n.is_ascii_digit() || matches!(n, '“' | '‘' | '"' | '\'' | '(')
            {
                starts.push(b);
            }
        }
    }
    starts
}

/// Whether the word ending `before` (just before a period) is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let w = word.to_lowercase();
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
    fn spans_point_at_original_words() {
        let t = "“It’s fine,” he said";
        for x in words(t) {
            assert!(t.get(x.start..x.end).is_some());
        }
    }

    #[test]
    fn sentences_inside_quote() {
        let t = "I don’t know. I’ll get a little heat on that one, with the U.S. and Europe, Mr. Putin and Vladimir V. Putin.";
        assert_eq!(sentence_starts(t), vec![t.find("I’ll").unwrap_or(0)]);
    }
}
