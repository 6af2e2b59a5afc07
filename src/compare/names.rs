//! Linking speaker names across articles: one person under titles, honorifics, middle
//! initials, spelling variants and surname-only mentions; never two people who merely share a
//! surname.

use rustc_hash::FxHashMap;

/// Words that precede a name without being part of it.
const TITLES: &[&str] = &[
    "acting",
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "attorney",
    "bishop",
    "brig",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cmdr",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "coach",
    "councilman",
    "councilwoman",
    "crown",
    "dame",
    "defense",
    "deputy",
    "director",
    "dr",
    "elder",
    "emir",
    "envoy",
    "father",
    "first",
    "foreign",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lady",
    "leader",
    "lord",
    "lt",
    "madam",
    "maj",
    "major",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "mx",
    "pastor",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sr",
    "state",
    "sultan",
    "supt",
    "then",
    "vice",
];

const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "van", "von",
];

const SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "sr"];

const NOT_NAMES: &[&str] = &[
    "a", "an", "he", "her", "him", "his", "i", "it", "its", "she", "that", "the", "their", "they",
    "this", "we", "you",
];

/// (first, middle, last, suffix): equal keys are one person outright.
type NameKey = (Option<String>, Vec<String>, String, Option<String>);
/// How full a name form is; see [`PersonName::fullness`].
type Fullness = (bool, usize, bool, usize);

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
    /// How full the name is: first name, middle parts, length.
    fn fullness(&self) -> Fullness {
        (
            self.first.as_ref().is_some_and(|f| f.chars().count() > 1),
            self.middle.len(),
            self.suffix.is_some(),
            self.display.len(),
        )
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
    for (i, &t) in toks.iter().enumerate().rev() {
        let t = if run.is_empty() {
            strip_possessive(t)
        } else {
            t
        };
        let b = bare(t);
        if b.is_empty() {
            break;
        }
        if TITLES.contains(&b.as_str()) && !run.is_empty() {
            break;
        }
        let prev_is_title_abbrev = i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.ends_with('.') && TITLES.contains(&bare(p).as_str()));
        let ok = starts_upper(t)
            || PARTICLES.contains(&b.as_str()) && !run.is_empty()
            // A scrape that lost a capital: "Sen. chris Murphy".
            || (!run.is_empty() && prev_is_title_abbrev && b.chars().all(char::is_alphabetic));
        if !ok || TITLES.contains(&b.as_str()) || NOT_NAMES.contains(&b.as_str()) {
            break;
        }
        run.push(t);
    }
    run.reverse();
    let mut parts: Vec<(String, String)> = run.iter().map(|t| (bare(t), t.to_string())).collect();
    let suffix = match parts.last() {
        Some((b, _)) if SUFFIXES.contains(&b.as_str()) && parts.len() > 1 => {
            parts.pop().map(|(b, _)| b)
        }
        _ => None,
    };
    let (last, _) = parts.last()?.clone();
    if NOT_NAMES.contains(&last.as_str()) || !last.chars().any(char::is_alphabetic) {
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

struct Uf(Vec<usize>);

impl Uf {
    fn new(n: usize) -> Self {
        Uf((0..n).collect())
    }
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.0.get(x) {
            if p == x {
                break;
            }
            let gp = self.0.get(p).copied().unwrap_or(p);
            if let Some(s) = self.0.get_mut(x) {
                *s = gp;
            }
            x = gp;
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            if let Some(s) = self.0.get_mut(hi) {
                *s = lo;
            }
        }
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
/// are other forms that article uses for the same speaker ("Mr. Putin", "the Russian leader").
/// The fullest name form among label and variants is the speaker's evidence. Descriptions with
/// no name ("a White House official") are never merged with anything but the same label.
pub fn link_speakers(labels: &[&str], variants: Option<&[Vec<&str>]>) -> Linked {
    let n = labels.len();
    // The fullest name form of each entry.
    let parsed: Vec<Option<PersonName>> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let extra = variants.and_then(|v| v.get(i)).map_or(&[][..], |v| &v[..]);
            std::iter::once(*l)
                .chain(extra.iter().copied())
                .filter_map(parse_name)
                .max_by_key(|p| p.fullness())
        })
        .collect();
    let mut uf = Uf::new(n);

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
    for k in block_keys {
        let Some(members) = blocks.get(k) else {
            continue;
        };
        let name = |i: usize| parsed.get(i).and_then(|p| p.as_ref());
        let full: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| name(i).is_some_and(|p| p.first.as_ref().is_some_and(|f| f.len() > 1)))
            .collect();
        for (x, &a) in full.iter().enumerate() {
            for &b in full.iter().skip(x + 1) {
                if let (Some(pa), Some(pb)) = (name(a), name(b)) {
                    if compatible(pa, pb) {
                        uf.union(a, b);
                    }
                }
            }
        }
        // Initials and bare surnames join a full name only when exactly one person fits.
        for &i in members {
            let Some(p) = name(i) else { continue };
            if full.contains(&i) {
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

    // Dense ids and the fullest display name per person (ties: the most frequent form).
    let mut dense: FxHashMap<usize, usize> = FxHashMap::default();
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let r = uf.find(i);
        let next = dense.len();
        ids.push(*dense.entry(r).or_insert(next));
    }
    let mut best: Vec<Option<(Fullness, usize, String)>> = vec![None; dense.len()];
    let mut counts: FxHashMap<(usize, &str), usize> = FxHashMap::default();
    for (i, p) in parsed.iter().enumerate() {
        if let (Some(p), Some(&id)) = (p, ids.get(i)) {
            *counts.entry((id, p.display.as_str())).or_default() += 1;
        }
    }
    for (i, p) in parsed.iter().enumerate() {
        let Some(&id) = ids.get(i) else { continue };
        let (rank, form) = match p {
            Some(p) => (p.fullness(), p.display.clone()),
            None => (
                (false, 0, false, 0),
                labels.get(i).map_or("", |l| l.trim()).to_string(),
            ),
        };
        let c = counts.get(&(id, form.as_str())).copied().unwrap_or(0);
        // Prefer forms written with capitals over scrape-lowered ones at equal fullness.
        let cased = labels.get(i).is_some_and(|l| l.contains(form.as_str()));
        let score = (rank, c + usize::from(cased));
        if let Some(slot) = best.get_mut(id) {
            let better = match slot {
                None => true,
                Some((r, cc, _)) => (score.0, score.1) > (*r, *cc),
            };
            if better {
                *slot = Some((score.0, score.1, form));
            }
        }
    }
    let names = best
        .into_iter()
        .map(|b| b.map(|b| b.2).unwrap_or_default())
        .collect();
    Linked { ids, names }
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
        let l = link_speakers(&["Trump", "Donald Trump", "Mr. Trump"], None);
        assert_eq!(l.ids, vec![0, 0, 0]);
        assert_eq!(l.names, vec!["Donald Trump".to_string()]);
    }
}
