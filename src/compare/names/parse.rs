//! Parsing a speaker label or mention into a personal name: titles, honorifics, particles,
//! suffixes and possessives handled; descriptions and pronouns rejected.

use super::*;

fn bare(tok: &str) -> String {
    tok.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace(['.', '\u{2019}', '\''], "")
}

fn strip_possessive(tok: &str) -> &str {
    for s in ["\u{2019}s", "'s", "\u{2019}", "'"] {
        if let Some(t) = tok.strip_suffix(s) {
            if t.chars().count() > 1 {
                return t;
            }
        }
    }
    tok
}

fn starts_upper(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase)
}

fn capitalise(tok: &str) -> String {
    if tok.chars().any(char::is_uppercase) {
        return tok.to_string();
    }
    let mut c = tok.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Parse a speaker label or mention ("Russian President Vladimir V. Putin", "Mr. Trump",
/// "Sen. chris Murphy"). None for descriptions and pronouns ("the Russian leader",
/// "a White House official", "he").
pub fn parse_name(form: &str) -> Option<PersonName> {
    crate::lexicon::runtime::in_call(|| parse_name_now(form))
}

fn parse_name_now(form: &str) -> Option<PersonName> {
    let toks: Vec<&str> = form
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '"')))
        .filter(|t| !t.is_empty())
        .collect();
    // The name is the run of name-like words at the end, after the last title.
    let mut run: Vec<&str> = Vec::new();
    let mut stop: Option<&str> = None;
    for (i, &t) in toks.iter().enumerate().rev() {
        let t = if run.is_empty() {
            strip_possessive(t)
        } else {
            t
        };
        let b = bare(t);
        if b.is_empty() {
            stop = Some(t);
            break;
        }
        if TITLES.contains(b.as_str()) && !run.is_empty() {
            break;
        }
        let prev_is_title_abbrev = i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.ends_with('.') && TITLES.contains(bare(p).as_str()));
        let ok = starts_upper(t)
            || PARTICLES.contains(b.as_str()) && !run.is_empty()
            // A scrape that lost a capital: "Sen. chris Murphy".
            || (!run.is_empty() && prev_is_title_abbrev && b.chars().all(char::is_alphabetic));
        if !ok || TITLES.contains(b.as_str()) || NOT_NAMES.contains(b.as_str()) {
            stop = Some(t);
            break;
        }
        run.push(t);
    }
    if stop.is_some_and(|t| GOVERNORS.contains(t.to_lowercase().as_str())) {
        return None;
    }
    run.reverse();
    let mut parts: Vec<(String, String)> = run.iter().map(|t| (bare(t), t.to_string())).collect();
    let suffix = match parts.last() {
        Some((b, _)) if SUFFIXES.contains(b.as_str()) && parts.len() > 1 => {
            parts.pop().map(|(b, _)| b)
        }
        _ => None,
    };
    let (last, _) = parts.last()?.clone();
    if NOT_NAMES.contains(last.as_str()) || !last.chars().any(char::is_alphabetic) {
        return None;
    }
    let n = parts.len();
    let first = (n > 1)
        .then(|| parts.first().map(|p| p.0.clone()))
        .flatten();
    let middle = parts
        .get(1..n.saturating_sub(1))
        .unwrap_or(&[])
        .iter()
        .map(|p| p.0.clone())
        .collect();
    let mut display: Vec<String> = run.iter().map(|t| capitalise(t)).collect();
    if let Some(l) = display.last_mut() {
        *l = capitalise(strip_possessive(l));
    }
    Some(PersonName {
        first,
        middle,
        last,
        suffix,
        display: display.join(" "),
    })
}
