//! Python string semantics VADER relies on: `str.split()`, `str.isspace()`, `str.isupper()`,
//! `str.lower()` with Python 3.11's Unicode data, `strip(string.punctuation)`, `float()`.

use super::pycase;

/// Python's `str.isspace()` (what `str.split()` splits on).
#[inline]
pub fn py_isspace(c: char) -> bool {
    match c {
        '\t'..='\r' | '\x1c'..='\x1f' | ' ' => true,
        c if (c as u32) < 0x85 => false,
        '\u{85}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => true,
        _ => false,
    }
}

/// Python's `str.strip()`.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// Python 3.11's case data for `c` where it differs from Rust's (newer Unicode).
fn py_case_exception(c: char) -> Option<(bool, bool, char)> {
    if (c as u32) < 0x295 {
        return None;
    }
    pycase::PY_CASE_EXCEPTIONS
        .binary_search_by_key(&(c as u32), |e| e.0)
        .ok()
        .and_then(|i| pycase::PY_CASE_EXCEPTIONS.get(i))
        .map(|e| (e.1, e.2, e.3))
}

/// Python's `str.isupper()`: at least one upper-case character, none lower- or title-case.
pub fn py_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let (lower, upper) = match py_case_exception(c) {
            Some((l, u, _)) => (l, u),
            None => (c.is_lowercase(), c.is_uppercase()),
        };
        if lower || is_titlecase(c) {
            return false;
        }
        cased |= upper;
    }
    cased
}

/// Python's `str.lower()` (full case mapping, final sigma), with Python 3.11's Unicode data.
pub fn py_lower(s: &str) -> String {
    if !s.chars().any(|c| py_case_exception(c).is_some()) {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if let Some((_, _, m)) = py_case_exception(c) {
            out.push_str(&s[run..i].to_lowercase());
            out.push(m);
            run = i + c.len_utf8();
        }
    }
    out.push_str(&s[run..].to_lowercase());
    out
}

/// General category Lt.
fn is_titlecase(c: char) -> bool {
    matches!(c,
        '\u{1C5}' | '\u{1C8}' | '\u{1CB}' | '\u{1F2}'
        | '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}'
        | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}')
}

/// `token.strip(string.punctuation)`, unless that leaves two characters or fewer (emoticons).
pub(super) fn strip_punc_if_word(tok: &str) -> &str {
    let stripped = tok.trim_matches(|c: char| c.is_ascii_punctuation());
    let short = if stripped.is_ascii() {
        stripped.len() <= 2
    } else {
        stripped.chars().nth(2).is_none()
    };
    if short {
        tok
    } else {
        stripped
    }
}

/// Python's `str.split()` without arguments.
pub(super) struct PySplit<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> PySplit<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        PySplit { s, pos: 0 }
    }
}

#[inline]
pub(super) fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

impl<'a> Iterator for PySplit<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        let len = b.len();
        // Skip separators.
        let mut i = self.pos;
        loop {
            match b.get(i) {
                None => {
                    self.pos = len;
                    return None;
                }
                Some(&c) if c < 0x80 => {
                    if ascii_space(c) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                Some(_) => {
                    let c = self.s.get(i..).and_then(|r| r.chars().next())?;
                    if py_isspace(c) {
                        i += c.len_utf8();
                    } else {
                        break;
                    }
                }
            }
        }
        let start = i;
        while let Some(&c) = b.get(i) {
            if c < 0x80 {
                if ascii_space(c) {
                    break;
                }
                i += 1;
            } else {
                let ch = self.s.get(i..).and_then(|r| r.chars().next())?;
                if py_isspace(ch) {
                    break;
                }
                i += ch.len_utf8();
            }
        }
        self.pos = i;
        self.s.get(start..i)
    }
}

/// A valence as Python's `float()` reads it, but finite only.
pub(super) fn parse_valence(s: &str) -> Result<f64, String> {
    let t = py_strip(s);
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(format!("valence {t:?} is not a finite number")),
        Err(_) => Err(format!("valence {t:?} is not a number")),
    }
}
