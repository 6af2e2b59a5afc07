//! Character and byte predicates of the splitter: line breaks, quotes and brackets, bullets,
//! currency, emoji, reference marks and dotted tokens.

pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '»' | '›' | '」' | '』'
    )
}

pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '"' | '\'' | '(' | '[' | '{' | '«' | '‹' | '„' | '¿' | '¡' | '「' | '『'
    )
}

pub(super) fn is_quote_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '»' | '›')
}

pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '◆'
            | '❖'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '⦁'
    )
}

pub(super) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₽' | '₴')
}

/// Char at byte `i` (a char boundary) and its length; `None` at the end.
#[inline]
pub(super) fn char_at(t: &str, i: usize) -> Option<(char, usize)> {
    // ASCII, most of any news text, without the boundary check and the decoder (an ASCII byte
    // always starts a char).
    let b = *t.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    t.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

/// Char ending at byte `i` (a char boundary) and its start.
#[inline]
pub(super) fn char_before(t: &str, i: usize) -> Option<(char, usize)> {
    // An ASCII byte before `i` is a whole char, and `i` is then a boundary.
    let b = *t.as_bytes().get(i.checked_sub(1)?)?;
    if b.is_ascii() {
        return Some((char::from(b), i - 1));
    }
    let c = t.get(..i)?.chars().next_back()?;
    Some((c, i - c.len_utf8()))
}

/// Full-width and ideographic sentence end marks: unambiguous, unlike the ASCII period.
pub(super) fn is_wide_end(c: char) -> bool {
    matches!(c, '．' | '。' | '！' | '？')
}

/// A reference mark at byte `j`: `[1]`, `[12]`, `[a]`, `[note 3]` (at most 12 bytes); returns
/// the byte after its `]`.
pub(super) fn citation_mark(b: &[u8], j: usize) -> Option<usize> {
    if b.get(j) != Some(&b'[') {
        return None;
    }
    let inner = b.get(j + 1..)?;
    let close = inner.iter().take(12).position(|&c| c == b']')?;
    let body = &inner[..close];
    let ok = !body.is_empty()
        && body.iter().any(u8::is_ascii_alphanumeric)
        && body.iter().all(|c| c.is_ascii_alphanumeric() || *c == b' ');
    ok.then_some(j + 2 + close)
}

/// Can a sentence start with this char (after an end mark and whitespace)?
pub(super) fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || is_opener(c)
        || is_currency(c)
        || is_bullet(c)
        || c.is_alphabetic() && !c.is_lowercase() // scripts without case
}

/// Emoji and their modifiers (skin tones, flags, ZWJ sequences, variation selectors).
pub(super) fn is_emoji(c: char) -> bool {
    let u = c as u32;
    u >= 0x1f000
        || (0x2600..=0x27bf).contains(&u)
        || (0x2b00..=0x2bff).contains(&u)
        || u == 0x200d
        || (0xfe00..=0xfe0f).contains(&u)
}

/// `x.y.z`: two or more dot-separated parts of one or two ASCII letters (U.S, a.m, Ph.D).
pub(super) fn is_dotted(tb: &[u8]) -> bool {
    let mut parts = 0;
    for part in tb.split(|&c| c == b'.') {
        if part.is_empty() || part.len() > 2 || !part.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}
