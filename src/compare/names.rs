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

mod canonical;
mod matching;
mod parse;

use self::canonical::canonical_names;
use self::matching::{compatible, compatible_pairs, firsts_match, surnames_match};
pub use self::parse::parse_name;

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
    // Run-time titles are titles here too, one lexicon for the whole call.
    crate::lexicon::runtime::in_call(|| link_speakers_now(labels, variants, docs))
}

fn link_speakers_now(
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
    for k in block_keys {
        let Some(members) = blocks.get(k) else {
            continue;
        };
        link_block(members, &parsed, &mut uf);
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

/// Union the inputs of one surname block: compatible full names, then initials and bare
/// surnames that fit exactly one person, then bare surnames spelt alike.
fn link_block(members: &[usize], parsed: &[Option<PersonName>], uf: &mut Uf) {
    let name = |i: usize| parsed.get(i).and_then(|p| p.as_ref());
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
