//! Linking speaker names across articles: one person under titles, honorifics, middle
//! initials, spelling variants and surname-only mentions; never two people who merely share a
//! surname.

use rustc_hash::{FxHashMap, FxHashSet};

// Word lists (data/lexicon/titles.txt and name_parts.txt): words before a name that are not part
// of it; name particles and suffixes; words after which a capitalised run is an object or a
// conjunct ("scientist at Rand Corporation", "Trump and Putin"), not the person's own name;
// words that are never a name part.
use crate::lexicon::{
    NAME_GOVERNORS as GOVERNORS, NAME_PARTICLES as PARTICLES, NAME_SUFFIXES as SUFFIXES, NOT_NAMES,
    TITLE_WORDS as TITLES,
};

/// (first, middle, last, suffix): equal keys are one person outright.
type NameKey = (Option<String>, Vec<String>, String, Option<String>);
/// How full a name form is: first name, middle parts, suffix.
type Fullness = (bool, usize, bool);

/// A parsed personal name. Name parts are lower-case for comparison.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PersonName {
    pub first: Option<String>,
    /// Middle names or initials.
    pub middle: Vec<String>,
    pub last: String,
    pub suffix: Option<String>,
    /// The name without titles, as written (words that were all lower-case get a capital).
    pub display: String,
}

impl PersonName {
    /// How full the name is: a first name (not an initial), middle parts, suffix. Spelling
    /// and length do not count: "Zelenskyy" is not fuller than "Zelensky".
    fn fullness(&self) -> Fullness {
        (
            self.first.as_ref().is_some_and(|f| f.chars().count() > 1),
            self.middle.len(),
            self.suffix.is_some(),
        )
    }

    /// `other` names the same person as `self`, possibly more fully: "Donald Trump" for
    /// "Trump", "Vladimir V. Putin" for "Vladimir Putin".
    fn extended_by(&self, other: &PersonName) -> bool {
        if !surnames_match(&self.last, &other.last) || self.suffix != other.suffix {
            return false;
        }
        match &self.first {
            None => true,
            Some(_) => compatible(self, other),
        }
    }
}

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

/// Levenshtein distance, giving up (returning `max + 1`) once it exceeds `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut best = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            best = best.min(cur[j + 1]);
        }
        if best > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Surnames that are spellings of one another: Zelensky/Zelenskyy/Zelenskiy.
fn surnames_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let n = a.chars().count().min(b.chars().count());
    let max = if n >= 8 {
        2
    } else if n >= 5 {
        1
    } else {
        0
    };
    max > 0 && a.chars().next() == b.chars().next() && edit_distance(a, b, max) <= max
}

fn firsts_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    // An initial matches its name.
    if la == 1 || lb == 1 {
        return a.chars().next() == b.chars().next();
    }
    // Chris / Christopher.
    if la.min(lb) >= 3 && (a.starts_with(b) || b.starts_with(a)) {
        return true;
    }
    la.min(lb) >= 6 && edit_distance(a, b, 1) <= 1
}

/// Two full names (both with a first name) that may be one person.
fn compatible(a: &PersonName, b: &PersonName) -> bool {
    let (Some(fa), Some(fb)) = (&a.first, &b.first) else {
        return false;
    };
    if !surnames_match(&a.last, &b.last) || !firsts_match(fa, fb) || a.suffix != b.suffix {
        return false;
    }
    // George W. Bush is not George H. W. Bush: when both give middle initials they must agree.
    if !a.middle.is_empty() && !b.middle.is_empty() {
        let ia: Vec<Option<char>> = a.middle.iter().map(|m| m.chars().next()).collect();
        let ib: Vec<Option<char>> = b.middle.iter().map(|m| m.chars().next()).collect();
        return ia == ib;
    }
    true
}

/// Union-find whose sets remember their documents: two canonical speakers of one article are
/// two people, so sets sharing a document never merge.
struct Uf {
    parent: Vec<usize>,
    docs: Vec<FxHashSet<usize>>,
}

impl Uf {
    fn new(n: usize, docs: Option<&[usize]>) -> Self {
        let docs = (0..n)
            .map(|i| docs.and_then(|d| d.get(i)).copied().into_iter().collect())
            .collect();
        Uf {
            parent: (0..n).collect(),
            docs,
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(s) = self.parent.get_mut(x) {
                *s = gp;
            }
            x = gp;
        }
        x
    }
    /// Merge the sets of `a` and `b` unless they hold a document in common; false if refused.
    /// Small-to-large, so the document checks cost O(n log n) over all unions.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let size = |r: usize, u: &Uf| u.docs.get(r).map_or(0, |d| d.len());
        let (big, small) = if size(ra, self) >= size(rb, self) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(
            self.docs
                .get_mut(small)
                .unwrap_or(&mut FxHashSet::default()),
        );
        let Some(target) = self.docs.get_mut(big) else {
            return false;
        };
        if moved.iter().any(|d| target.contains(d)) {
            if let Some(slot) = self.docs.get_mut(small) {
                *slot = moved;
            }
            return false;
        }
        target.extend(moved);
        if let Some(p) = self.parent.get_mut(small) {
            *p = big;
        }
        true
    }
}

/// Speakers linked across articles: `ids[i]` is the person of input `i` (dense, in order of
/// first appearance) and `names[id]` that person's fullest name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linked {
    pub ids: Vec<usize>,
    pub names: Vec<String>,
}

/// Link speakers. `labels[i]` is a speaker as one article names it; `variants[i]` (optional)
/// are other forms that article uses for the same speaker ("Mr. Putin", "the Russian leader");
/// `docs[i]` (optional) is the article, and two inputs of one article are never merged (an
/// article that tells two speakers apart knows they are two people).
///
/// Each input's evidence is its label's name, made fuller by variants that name the same
/// person ("Trump" + "President Donald Trump"); a label that is no name ("his press
/// secretary") takes its fullest variant. Descriptions with no name ("a White House
/// official") only merge with the same description.
///
/// A person's name is the fullest name form among the labels and variants of its inputs (first
/// name, middle names or initials, suffix), never a description. Among equally full forms the
/// one whose surname spelling most inputs (articles) use wins, then the form most inputs use,
/// then forms written with capitals over scrape-lowered ones: "Volodymyr Zelenskyy" (three
/// articles) over "Volodymyr Zelensky" (one).
pub fn link_speakers(
    labels: &[&str],
    variants: Option<&[Vec<&str>]>,
    docs: Option<&[usize]>,
) -> Linked {
    let n = labels.len();
    let extra = |i: usize| variants.and_then(|v| v.get(i)).map_or(&[][..], |v| &v[..]);
    // Every name form of each input (label first), and the input's evidence.
    // Each label is parsed once: its name is the first form when it has one.
    let label_names: Vec<Option<PersonName>> = (0..n)
        .map(|i| labels.get(i).and_then(|l| parse_name(l)))
        .collect();
    let forms: Vec<Vec<(PersonName, bool)>> = (0..n)
        .map(|i| {
            let label = labels.get(i).copied().unwrap_or("");
            let own = label_names.get(i).cloned().flatten().map(|p| (label, p));
            own.into_iter()
                .chain(
                    extra(i)
                        .iter()
                        .filter_map(|&f| parse_name(f).map(|p| (f, p))),
                )
                .map(|(f, p)| (f.contains(p.display.as_str()), p))
                .map(|(cased, p)| (p, cased))
                .collect()
        })
        .collect();
    let parsed: Vec<Option<PersonName>> = (0..n)
        .map(|i| {
            let label = label_names.get(i).cloned().flatten();
            let fs = forms.get(i).map_or(&[][..], |f| &f[..]);
            match label {
                // Ties keep the label (the last of equal maxima).
                Some(b) => fs
                    .iter()
                    .map(|(p, _)| p)
                    .filter(|p| b.extended_by(p))
                    .chain(std::iter::once(&b))
                    .max_by_key(|p| p.fullness())
                    .cloned(),
                None => fs
                    .iter()
                    .map(|(p, _)| p)
                    .max_by_key(|p| p.fullness())
                    .cloned(),
            }
        })
        .collect();
    let mut uf = Uf::new(n, docs);

    // Distinct name keys; identical keys are one person outright.
    let mut by_key: FxHashMap<NameKey, usize> = FxHashMap::default();
    let mut desc: FxHashMap<String, usize> = FxHashMap::default();
    for (i, p) in parsed.iter().enumerate() {
        match p {
            Some(p) => {
                let key = (
                    p.first.clone(),
                    p.middle.clone(),
                    p.last.clone(),
                    p.suffix.clone(),
                );
                let r = *by_key.entry(key).or_insert(i);
                uf.union(r, i);
            }
            None => {
                let l = labels
                    .get(i)
                    .map_or(String::new(), |l| l.trim().to_lowercase());
                let r = *desc.entry(l).or_insert(i);
                uf.union(r, i);
            }
        }
    }

    // Block distinct keys by surname prefix; compare within a block only.
    let mut reps: Vec<usize> = by_key.values().copied().collect();
    reps.sort_unstable();
    let mut blocks: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for &r in &reps {
        if let Some(Some(p)) = parsed.get(r) {
            let k: String = p.last.chars().take(3).collect();
            blocks.entry(k).or_default().push(r);
        }
    }
    let mut block_keys: Vec<&String> = blocks.keys().collect();
    block_keys.sort();
    let name = |i: usize| parsed.get(i).and_then(|p| p.as_ref());
    for k in block_keys {
        let Some(members) = blocks.get(k) else {
            continue;
        };
        let full: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| name(i).is_some_and(|p| p.first.as_ref().is_some_and(|f| f.len() > 1)))
            .collect();
        // In the order of an all-pairs loop (unions can be refused, so order matters).
        for (x, y) in compatible_pairs(&full, name) {
            if let (Some(&a), Some(&b)) = (full.get(x), full.get(y)) {
                uf.union(a, b);
            }
        }
        // Initials and bare surnames join a full name only when exactly one person fits.
        let is_full: FxHashSet<usize> = full.iter().copied().collect();
        for &i in members {
            let Some(p) = name(i) else { continue };
            if is_full.contains(&i) {
                continue;
            }
            let mut fits: Vec<usize> = full
                .iter()
                .copied()
                .filter(|&f| {
                    name(f).is_some_and(|q| {
                        surnames_match(&p.last, &q.last)
                            && p.suffix == q.suffix
                            && p.first.as_ref().map_or(true, |pf| {
                                q.first.as_ref().is_some_and(|qf| firsts_match(pf, qf))
                            })
                    })
                })
                .map(|f| uf.find(f))
                .collect();
            fits.sort_unstable();
            fits.dedup();
            if let [only] = fits[..] {
                uf.union(only, i);
            }
        }
        // Bare surnames with no full name to join: spelling variants are one person.
        let bare: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| name(i).is_some_and(|p| p.first.is_none()) && uf.find(i) == i)
            .collect();
        for (x, &a) in bare.iter().enumerate() {
            for &b in bare.iter().skip(x + 1) {
                if let (Some(pa), Some(pb)) = (name(a), name(b)) {
                    if uf.find(b) == b && surnames_match(&pa.last, &pb.last) {
                        uf.union(a, b);
                    }
                }
            }
        }
    }

    // Dense ids in order of first appearance.
    let mut dense: FxHashMap<usize, usize> = FxHashMap::default();
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let r = uf.find(i);
        let next = dense.len();
        ids.push(*dense.entry(r).or_insert(next));
    }
    let names = canonical_names(labels, &forms, &parsed, &ids, dense.len());
    Linked { ids, names }
}

/// The pairs `(x, y)`, `x < y`, of `full` (inputs with a first name) whose names are
/// [`compatible`], sorted. Not all pairs: many different people share a surname ("Smith"), so
/// only pairs whose first names can match are tried. [`firsts_match`] holds only for equal
/// names, an initial and a name with its letter, a name and its prefix of three or more
/// letters, or names one edit apart; the candidates come from indexes of exactly those (first
/// letter of one-letter names, whole names for prefixes, one-deletion variants for edits).
fn compatible_pairs<'a>(
    full: &[usize],
    name: impl Fn(usize) -> Option<&'a PersonName>,
) -> Vec<(usize, usize)> {
    let first = |x: usize| -> Option<&'a str> {
        full.get(x)
            .and_then(|&i| name(i))
            .and_then(|p| p.first.as_deref())
    };
    let mut by_letter: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    let mut whole: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut variants: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for x in 0..full.len() {
        let Some(f) = first(x) else { continue };
        if let Some(c) = f.chars().next() {
            by_letter.entry(c).or_default().push(x);
        }
        whole.entry(f).or_default().push(x);
        for v in deletion_variants(f) {
            variants.entry(v).or_default().push(x);
        }
    }
    let mut cands: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for x in 0..full.len() {
        let Some(f) = first(x) else { continue };
        cands.clear();
        let chars: Vec<(usize, char)> = f.char_indices().collect();
        if let [(_, c)] = chars[..] {
            cands.extend(by_letter.get(&c).into_iter().flatten());
        }
        // Shorter names that are a prefix of this one.
        for &(at, _) in chars.iter().skip(3) {
            cands.extend(f.get(..at).and_then(|p| whole.get(p)).into_iter().flatten());
        }
        for v in deletion_variants(f) {
            cands.extend(variants.get(&v).into_iter().flatten());
        }
        cands.sort_unstable();
        cands.dedup();
        for &y in &cands {
            let (a, b) = (x.min(y), x.max(y));
            if a == b {
                continue;
            }
            let (Some(pa), Some(pb)) = (full.get(a), full.get(b)) else {
                continue;
            };
            if let (Some(na), Some(nb)) = (name(*pa), name(*pb)) {
                if compatible(na, nb) {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Hashes of `f` itself and of `f` with one character deleted, for each character (two names
/// within one edit share one of these). Hashes, not strings: no allocation, and a collision
/// only adds a candidate that [`compatible`] then rejects.
fn deletion_variants(f: &str) -> impl Iterator<Item = u64> + '_ {
    // Byte by byte, so the hash is that of the joined string wherever the cut is.
    let hash = |a: &str, b: &str| {
        a.bytes()
            .chain(b.bytes())
            .fold(0xcbf2_9ce4_8422_2325u64, |h, c| {
                (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            })
    };
    std::iter::once(hash(f, "")).chain(f.char_indices().map(move |(at, c)| {
        hash(
            f.get(..at).unwrap_or(""),
            f.get(at + c.len_utf8()..).unwrap_or(""),
        )
    }))
}

/// The name of each person (see [`link_speakers`]). Candidates are the forms of its inputs
/// that name the input's evidence; a person with no name at all keeps its most common label.
fn canonical_names(
    labels: &[&str],
    forms: &[Vec<(PersonName, bool)>],
    parsed: &[Option<PersonName>],
    ids: &[usize],
    n_people: usize,
) -> Vec<String> {
    // Per person: inputs using each surname spelling / each display form (cased or not).
    let mut surname_inputs: FxHashMap<(usize, &str), usize> = FxHashMap::default();
    let mut display_inputs: FxHashMap<(usize, &str), (usize, usize)> = FxHashMap::default();
    let mut label_inputs: FxHashMap<(usize, String), usize> = FxHashMap::default();
    let candidates = |i: usize| {
        let ev = parsed.get(i).and_then(|p| p.as_ref());
        forms
            .get(i)
            .map_or(&[][..], |f| &f[..])
            .iter()
            .filter(move |(p, _)| ev.is_some_and(|e| e.extended_by(p) || p.extended_by(e)))
    };
    for (i, &id) in ids.iter().enumerate() {
        let mut seen_s: Vec<&str> = Vec::new();
        let mut seen_d: Vec<&str> = Vec::new();
        let mut cased_d: Vec<&str> = Vec::new();
        for (p, cased) in candidates(i) {
            if !seen_s.contains(&p.last.as_str()) {
                seen_s.push(&p.last);
            }
            if !seen_d.contains(&p.display.as_str()) {
                seen_d.push(&p.display);
            }
            if *cased && !cased_d.contains(&p.display.as_str()) {
                cased_d.push(&p.display);
            }
        }
        for s in seen_s {
            *surname_inputs.entry((id, s)).or_default() += 1;
        }
        for d in seen_d {
            let e = display_inputs.entry((id, d)).or_default();
            e.0 += 1;
            e.1 += usize::from(cased_d.contains(&d));
        }
        if parsed.get(i).is_some_and(|p| p.is_none()) {
            let l = labels.get(i).map_or("", |l| l.trim()).to_string();
            *label_inputs.entry((id, l)).or_default() += 1;
        }
    }
    // (fullness, surname inputs, display inputs, cased inputs), then the smaller display.
    type Score = (Fullness, usize, usize, usize);
    let mut best: Vec<Option<(Score, String)>> = vec![None; n_people];
    for (i, &id) in ids.iter().enumerate() {
        for (p, _) in candidates(i) {
            let s = surname_inputs
                .get(&(id, p.last.as_str()))
                .copied()
                .unwrap_or(0);
            let (d, c) = display_inputs
                .get(&(id, p.display.as_str()))
                .copied()
                .unwrap_or((0, 0));
            let score = (p.fullness(), s, d, c);
            if let Some(slot) = best.get_mut(id) {
                let better = match slot {
                    None => true,
                    Some((bs, bn)) => score > *bs || (score == *bs && p.display < *bn),
                };
                if better {
                    *slot = Some((score, p.display.clone()));
                }
            }
        }
    }
    // Nameless people: the most common label (ties: the first seen).
    let mut label_best: Vec<Option<(usize, String)>> = vec![None; n_people];
    for (i, &id) in ids.iter().enumerate() {
        let l = labels.get(i).map_or("", |l| l.trim());
        let c = label_inputs.get(&(id, l.to_string())).copied().unwrap_or(0);
        if let Some(slot) = label_best.get_mut(id) {
            if slot.as_ref().map_or(true, |(bc, _)| c > *bc) {
                *slot = Some((c, l.to_string()));
            }
        }
    }
    best.into_iter()
        .zip(label_best)
        .map(|(b, l)| match b {
            Some((_, name)) => name,
            None => l.map(|l| l.1).unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(Option<String>, String)> {
        parse_name(s).map(|p| (p.first, p.last))
    }

    #[test]
    fn parses_titles_and_descriptions() {
        let some = |f: &str, l: &str| Some((Some(f.to_string()), l.to_string()));
        assert_eq!(
            p("Russian President Vladimir Putin"),
            some("vladimir", "putin")
        );
        assert_eq!(p("Sen. chris Murphy"), some("chris", "murphy"));
        assert_eq!(p("Robert O’Brien"), some("robert", "obrien"));
        assert_eq!(p("Mr. Trump’s"), Some((None, "trump".into())));
        assert_eq!(
            parse_name("President Vladimir V. Putin").map(|p| p.middle),
            Some(vec!["v".into()])
        );
        assert_eq!(
            parse_name("Sen. chris Murphy").map(|p| p.display),
            Some("Chris Murphy".into())
        );
        for d in [
            "the Russian leader",
            "a White House official",
            "he",
            "He",
            "senior Trump administration official",
            "his press secretary",
        ] {
            assert_eq!(p(d), None, "{d}");
        }
    }

    #[test]
    fn links_variants_not_namesakes() {
        let l = link_speakers(
            &[
                "Volodymyr Zelenskyy",
                "Mr. Zelensky",
                "President Vladimir V. Putin",
                "Vladimir Putin",
                "Donald Trump",
                "Melania Trump",
                "Trump",
                "George W. Bush",
                "George H. W. Bush",
                "a White House official",
            ],
            None,
            None,
        );
        let id = &l.ids;
        assert_eq!(id[0], id[1]);
        assert_eq!(id[2], id[3]);
        assert_ne!(id[4], id[5]);
        assert_ne!(id[6], id[4]);
        assert_ne!(id[6], id[5]);
        assert_ne!(id[7], id[8]);
        assert_eq!(l.names[id[2]], "Vladimir V. Putin");
        assert_eq!(l.names[id[9]], "a White House official");
    }

    #[test]
    fn surname_joins_the_only_fitting_person() {
        let l = link_speakers(&["Trump", "Donald Trump", "Mr. Trump"], None, None);
        assert_eq!(l.ids, vec![0, 0, 0]);
        assert_eq!(l.names, vec!["Donald Trump".to_string()]);
    }

    #[test]
    fn names_governed_by_a_preposition_are_not_the_person() {
        for d in [
            "a veteran Russia watcher and senior political scientist at Rand Corporation",
            "founder of Moscow-based defense think tank Center for the Analysis of Strategies and Technologies",
            "Trump and Putin",
        ] {
            assert_eq!(p(d), None, "{d}");
        }
        assert!(p("Secretary of State Marco Rubio").is_some());
        assert!(p("economist Paul Krugman").is_some());
        // A description among the variants never becomes the name.
        let l = link_speakers(
            &["Samuel Charap"],
            Some(&[vec![
                "a veteran Russia watcher and senior political scientist at Rand Corporation",
                "Charap",
            ]]),
            None,
        );
        assert_eq!(l.names, vec!["Samuel Charap".to_string()]);
    }

    #[test]
    fn two_speakers_of_one_article_are_two_people() {
        // Without documents, the full names are compatible (initial vs name) and merge.
        let labels = ["Donald Trump", "D. Trump", "Donald Trump"];
        assert_eq!(link_speakers(&labels, None, None).ids, vec![0, 0, 0]);
        // Article 7 tells "Donald Trump" and "D. Trump" apart: never one person.
        let l = link_speakers(&labels, None, Some(&[7, 7, 8]));
        assert_ne!(l.ids[0], l.ids[1]);
        assert_eq!(l.ids[0], l.ids[2]);
        // A surname that fits one person, who already has a speaker in the same article.
        let l = link_speakers(&["Donald Trump", "Trump"], None, Some(&[1, 1]));
        assert_ne!(l.ids[0], l.ids[1]);
        let l = link_speakers(&["Donald Trump", "Trump"], None, Some(&[1, 2]));
        assert_eq!(l.ids[0], l.ids[1]);
    }

    #[test]
    fn name_is_fullest_form_in_the_most_common_spelling() {
        let v = |xs: &[&'static str]| xs.to_vec();
        let labels = [
            "Volodymyr Zelenskyy",
            "Volodymyr Zelensky",
            "Zelenskyy",
            "Zelenskyy",
        ];
        let variants = vec![
            v(&["Ukrainian President Volodymyr Zelenskyy", "Zelenskyy"]),
            v(&["President Volodymyr Zelensky", "Mr. Zelensky"]),
            v(&["Zelenskyy"]),
            v(&["President Zelenskyy"]),
        ];
        let l = link_speakers(&labels, Some(&variants), Some(&[0, 1, 2, 3]));
        assert_eq!(l.ids, vec![0, 0, 0, 0]);
        assert_eq!(l.names, vec!["Volodymyr Zelenskyy".to_string()]);
        // Spelling majority, not length: three articles write "Zelensky".
        let labels = [
            "Volodymyr Zelenskyy",
            "Volodymyr Zelensky",
            "Zelensky",
            "Zelensky",
        ];
        let l = link_speakers(&labels, None, Some(&[0, 1, 2, 3]));
        assert_eq!(l.names, vec!["Volodymyr Zelensky".to_string()]);
        // Fuller beats more common; a middle initial is fuller.
        let l = link_speakers(
            &["Vladimir Putin", "Vladimir Putin", "Putin"],
            Some(&[vec![], vec!["President Vladimir V. Putin"], vec![]]),
            Some(&[0, 1, 2]),
        );
        assert_eq!(l.names, vec!["Vladimir V. Putin".to_string()]);
        // A label that is no name takes its variant's name.
        let l = link_speakers(
            &["His press secretary"],
            Some(&[vec!["Karoline Leavitt"]]),
            None,
        );
        assert_eq!(l.names, vec!["Karoline Leavitt".to_string()]);
    }

    #[test]
    fn compatible_pairs_are_all_the_compatible_pairs() {
        // First names that match by equality, initial, prefix and one edit (first letter
        // included), next to many that do not, all sharing a surname.
        let firsts = [
            "John",
            "Jon",
            "Johnny",
            "Chris",
            "Christopher",
            "Christine",
            "Kristine",
            "Sabrina",
            "Zabrina",
            "Sabrinna",
            "Abrina",
            "Ana",
            "Anna",
            "Hanna",
            "Jonathan",
            "Jonathon",
            "Élodie",
            "É",
            "Eloise",
            "Bo",
            "Bob",
            "Bobby",
            "Alexander",
            "Alexandra",
        ];
        let middles = ["", " A.", " B.", " A. B."];
        let surnames = ["Smith", "Smyth", "Smithers", "Smith Jr."];
        let mut names: Vec<PersonName> = Vec::new();
        for f in firsts {
            for (k, m) in middles.iter().enumerate() {
                let last = surnames[(k + f.len()) % surnames.len()];
                if let Some(p) = parse_name(&format!("{f}{m} {last}")) {
                    names.push(p);
                }
            }
        }
        let full: Vec<usize> = (0..names.len()).collect();
        let name = |i: usize| names.get(i);
        let mut all = Vec::new();
        for a in 0..full.len() {
            for b in a + 1..full.len() {
                if compatible(&names[a], &names[b]) {
                    all.push((a, b));
                }
            }
        }
        assert!(all.len() > 20, "the set exercises matches: {}", all.len());
        assert_eq!(compatible_pairs(&full, name), all);
    }

    #[test]
    fn many_people_sharing_a_surname_link_fast_and_apart() {
        // 20k different first names with one surname, any two at least two edits apart:
        // no two merge (and the all-pairs loop this replaced took minutes here).
        let letters = |i: usize| -> String {
            (0..4)
                .map(|k| char::from(b'a' + ((i / 26usize.pow(k)) % 26) as u8))
                .collect()
        };
        let firsts: Vec<String> = (0..20_000)
            .map(|i| {
                let l = letters(i);
                format!("{}{l}", l.to_uppercase())
            })
            .collect();
        let labels: Vec<String> = firsts.iter().map(|f| format!("{f} Smith")).collect();
        let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
        let linked = link_speakers(&refs, None, None);
        assert_eq!(linked.names.len(), refs.len());
    }
}
