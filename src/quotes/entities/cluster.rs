//! Clustering name mentions into entities and choosing each entity's canonical name.

use super::*;

use std::collections::hash_map::Entry;

use compact_str::CompactString;

use super::super::tokens::lower_key as key;

/// `s.to_lowercase() == lower` without building the lower-case string for ASCII `s`.
fn lower_eq(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.len() == lower.len()
            && s.bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        s.to_lowercase() == lower
    }
}

/// `f.split(' ')`, found byte by byte: name forms are a few short words, where the general
/// char searcher costs more than the scan.
fn spaced_parts(f: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(f);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(k) => {
                rest = r.get(k + 1..);
                r.get(..k)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// An entity's name forms with their counts, in the order first seen: the first (most
/// entities have only one) without a heap allocation.
#[derive(Clone, Debug, Default)]
pub(super) struct Forms {
    first: Option<(CompactString, usize)>,
    more: Vec<(CompactString, usize)>,
}

impl Forms {
    fn iter(&self) -> impl Iterator<Item = &(CompactString, usize)> {
        self.first.iter().chain(self.more.iter())
    }
    fn iter_mut(&mut self) -> impl Iterator<Item = &mut (CompactString, usize)> {
        self.first.iter_mut().chain(self.more.iter_mut())
    }
    fn push(&mut self, form: (CompactString, usize)) {
        if self.first.is_none() {
            self.first = Some(form);
        } else {
            self.more.push(form);
        }
    }
}

/// The entities filed under one name key, in the order filed: the first (most keys have only
/// one) without a heap allocation.
#[derive(Default)]
struct Filed {
    first: Option<usize>,
    more: Vec<usize>,
}

impl Filed {
    fn push(&mut self, e: usize) {
        if self.first.is_none() {
            self.first = Some(e);
        } else {
            self.more.push(e);
        }
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.first.into_iter().chain(self.more.iter().copied())
    }
    fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.more.len()
    }
}

pub(super) fn cluster(
    mentions: &mut [Mention],
    names: &[RawName],
    all_parts: &[&str],
) -> Vec<Entity> {
    // At most one new entity per name (plus the unnamed sources added later): sized once,
    // since an `Entity` is large and each doubling would copy all of them.
    let mut ents: Vec<Entity> = Vec::with_capacity(names.len() + 4);
    // Sized once for every name (the maps are only probed, never walked, so their capacity
    // changes no answer): growing them rehashed every key several times an article.
    let mut by_last: FxHashMap<CompactString, Filed> =
        FxHashMap::with_capacity_and_hasher(names.len(), Default::default());
    let mut by_first: FxHashMap<CompactString, Filed> =
        FxHashMap::with_capacity_and_hasher(names.len(), Default::default());
    // Organisations by their whole lower-case name (a map of their own: their keys are never
    // a person's surname); sized like the others.
    let mut orgs: FxHashMap<String, usize> =
        FxHashMap::with_capacity_and_hasher(names.len(), Default::default());
    // Name parts without initials, one buffer for every name.
    let mut parts: Vec<&str> = Vec::new();
    // Full names first, so a bare surname can join them.
    for pass in 0..2 {
        for r in names {
            let r_parts = all_parts.get(r.parts.clone()).unwrap_or(&[]);
            parts.clear();
            parts.extend(r_parts.iter().copied().filter(|p| !is_initial(p)));
            let multi = parts.len() >= 2;
            if (pass == 0) != multi {
                continue;
            }
            let Some(last) = parts.last().or(r_parts.last()) else {
                continue;
            };
            let m = &mut mentions[r.m];
            if r.org {
                let k = org_key(r_parts);
                let n = ents.len();
                let e = *orgs.entry(k).or_insert(n);
                if e == n {
                    ents.push(Entity::new(false));
                }
                assign(&mut ents, m, r, r_parts, e);
                continue;
            }
            let lk = key(last);
            let e = if multi {
                let fk = key(parts[0]);
                // One probe of the surname map for both the search and the filing: a key
                // filed empty is as good as absent (no search finds anything in it), and a
                // new entity is always filed under it.
                let filed = by_last.entry(lk).or_default();
                // Bounded: adversarial text with thousands of "X Smith" must stay linear.
                let found = filed.iter().take(16).find(|&e| {
                    ents[e].forms.iter().take(16).any(|(f, _)| {
                        let mut fp = spaced_parts(f).filter(|p| !is_initial(p));
                        let first = fp.next();
                        fp.next().is_none() || first.is_some_and(|p| lower_eq(p, &fk))
                    })
                });
                match found {
                    Some(e) => e,
                    None => {
                        ents.push(Entity::new(true));
                        let e = ents.len() - 1;
                        filed.push(e);
                        by_first.entry(fk).or_default().push(e);
                        e
                    }
                }
            } else {
                // One probe of the surname map: the entry found (or the vacancy) is where a new
                // entity is filed.
                let new_single = |ents: &mut Vec<Entity>| {
                    ents.push(Entity::new(false));
                    ents.len() - 1
                };
                match by_last.entry(lk) {
                    Entry::Occupied(o) => {
                        let found = o
                            .get()
                            .iter()
                            .take(16)
                            .max_by_key(|&e| ents[e].count)
                            .or_else(|| sole_first(&by_first, o.key()));
                        match found {
                            Some(e) => e,
                            None => {
                                let e = new_single(&mut ents);
                                o.into_mut().push(e);
                                e
                            }
                        }
                    }
                    Entry::Vacant(v) => match sole_first(&by_first, v.key()) {
                        Some(e) => e,
                        None => {
                            let e = new_single(&mut ents);
                            v.insert(Filed::default()).push(e);
                            e
                        }
                    },
                }
            };
            assign(&mut ents, m, r, r_parts, e);
        }
    }
    for e in &mut ents {
        // Only the article's own forms: an article that never gives the full name keeps the
        // surname ("Trump"); a corpus or the user's list of people may complete it later.
        e.name = canonical(&e.forms);
        // A name only ever written in capitals (a headline, a shouted line): "JANE DOE".
        if e.person && !e.name.chars().any(char::is_lowercase) {
            e.name = e
                .name
                .split(' ')
                .map(|p| {
                    // Initials and acronyms keep their capitals ("H.R.", not "H.r.").
                    if p.contains('.') || is_initial(p) {
                        return p.to_string();
                    }
                    let mut cs = p.chars();
                    cs.next()
                        .map(|c| {
                            c.to_uppercase()
                                .chain(cs.flat_map(char::to_lowercase))
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect::<Vec<String>>()
                .join(" ")
                .into();
        }
    }
    ents
}

/// The one entity filed under first name `k`, when only one is.
fn sole_first(by_first: &FxHashMap<CompactString, Filed>, k: &CompactString) -> Option<usize> {
    by_first
        .get(k)
        .filter(|v| v.len() == 1)
        .and_then(|v| v.iter().next())
}

/// `parts.join(" ").to_lowercase()`, lower-cased in place when the name is ASCII (nearly
/// every organisation's) instead of into a second string.
fn org_key(parts: &[&str]) -> String {
    let mut k = parts.join(" ");
    if k.is_ascii() {
        k.make_ascii_lowercase();
        k
    } else {
        k.to_lowercase()
    }
}

/// Add the name `r` (mention `m`, name parts `r_parts`) to entity `e`: its form, titles, countries, person and
/// gender evidence.
fn assign(ents: &mut [Entity], m: &mut Mention, r: &RawName, r_parts: &[&str], e: usize) {
    let x = &mut ents[e];
    // The form is built only when it is new.
    let seen = x.forms.iter_mut().find(|f| spaced_eq(&f.0, r_parts));
    match seen {
        Some(f) => f.1 += 1,
        None => x.forms.push((spaced(r_parts), 1)),
    }
    x.count += 1;
    if r.speaks && !r.org {
        x.person = true;
    }
    for t in &r.titles {
        if PERSON_TITLES.contains(t.as_str()) {
            x.person = true;
        }
        if MALE_TITLES.contains(t.as_str()) {
            x.gender = Gender::Male;
        } else if FEMALE_TITLES.contains(t.as_str()) {
            x.gender = Gender::Female;
        }
        if !x.titles.contains(t) {
            x.titles.push(t.clone());
        }
    }
    for c in &r.countries {
        if !x.countries.contains(c) {
            x.countries.push(c.clone());
        }
    }
    m.ent = Some(e);
}

/// `parts.join(" ")`, inline when short (most names).
fn spaced(parts: &[&str]) -> CompactString {
    let mut form = CompactString::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            form.push(' ');
        }
        form.push_str(p);
    }
    form
}

/// `form == parts.join(" ")`, without joining.
fn spaced_eq(form: &str, parts: &[&str]) -> bool {
    let mut rest = form;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            let Some(r) = rest.strip_prefix(' ') else {
                return false;
            };
            rest = r;
        }
        let Some(r) = rest.strip_prefix(p) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

/// Fullest name form without initials; lower-cased scrape damage ("chris") re-capitalised.
fn canonical(forms: &Forms) -> CompactString {
    // One form (most entities): nothing to weigh, no part count.
    let best = if forms.more.is_empty() {
        forms.first.as_ref()
    } else {
        forms.iter().max_by_key(|(f, c)| {
            let n = spaced_parts(f).filter(|p| !is_initial(p)).count();
            (n, *c)
        })
    };
    let Some((f, _)) = best else {
        return CompactString::default();
    };
    // Built in one string rather than a string per part joined, in the same pass that finds
    // whether any part is more than an initial.
    let mut name = CompactString::with_capacity(f.len());
    let mut kept = 0;
    for p in spaced_parts(f).filter(|p| !is_initial(p)) {
        if kept > 0 {
            name.push(' ');
        }
        kept += 1;
        let mut cs = p.chars();
        match cs.next() {
            Some(c) if c.is_lowercase() && !is_particle(p) => {
                name.extend(c.to_uppercase());
                name.push_str(cs.as_str());
            }
            _ => name.push_str(p),
        }
    }
    // Only initials ("J. K.", "W."): the name is the initials as written, never empty.
    if kept == 0 {
        return f.clone();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte scan cuts a form where `split(' ')` does: empty parts, edge spaces, non-ASCII.
    #[test]
    fn spaced_parts_cut_as_split() {
        for f in [
            "",
            " ",
            "a",
            "Doe",
            "Jane Doe",
            " Jane",
            "Jane ",
            "Jane  Doe",
            "J. K. Rowling",
            "José María Aznar",
            "Charles de Gaulle",
            "Ángela Merkel ",
        ] {
            let want: Vec<&str> = f.split(' ').collect();
            assert_eq!(spaced_parts(f).collect::<Vec<_>>(), want, "{f:?}");
        }
    }

    /// The canonical name as first written: the fullest form by a count of its parts, then
    /// the initials-only test, then the name built.
    fn canonical_as_first_written(forms: &Forms) -> String {
        let best = forms.iter().max_by_key(|(f, c)| {
            let n = f.split(' ').filter(|p| !is_initial(p)).count();
            (n, *c)
        });
        let Some((f, _)) = best else {
            return String::new();
        };
        if f.split(' ').all(is_initial) {
            return f.to_string();
        }
        let parts: Vec<String> = f
            .split(' ')
            .filter(|p| !is_initial(p))
            .map(|p| {
                let mut cs = p.chars();
                match cs.next() {
                    Some(c) if c.is_lowercase() && !is_particle(p) => {
                        c.to_uppercase().chain(cs).collect()
                    }
                    _ => p.to_string(),
                }
            })
            .collect();
        parts.join(" ")
    }

    /// One form or several, initials only, empty, lower-cased scrape damage, particles: the
    /// one-pass canonical name answers as the first definition.
    #[test]
    fn canonical_names_as_first_written() {
        let lists: [&[(&str, usize)]; 10] = [
            &[],
            &[("", 1)],
            &[("J. K.", 1)],
            &[("W.", 2), ("George W. Bush", 1)],
            &[("chris murphy", 1)],
            &[("Charles de Gaulle", 1)],
            &[("de", 1)],
            &[("Doe", 3), ("Jane Doe", 1), ("J. Doe", 4)],
            &[("J. Doe", 1), ("K. Doe", 1)],
            &[("émile zola", 1), ("Zola", 5)],
        ];
        for list in lists {
            let mut forms = Forms::default();
            for &(f, c) in list {
                forms.push((CompactString::from(f), c));
            }
            assert_eq!(
                canonical(&forms),
                canonical_as_first_written(&forms),
                "{list:?}"
            );
        }
    }

    /// The in-place key is `to_lowercase`'s: capitalised, all-capital, lower-case, mixed,
    /// punctuated and non-ASCII parts, and parts longer than an inline string.
    #[test]
    fn keys_as_to_lowercase() {
        for p in [
            "",
            "Doe",
            "DOE",
            "doe",
            "McDonald",
            "O'Neill",
            "J.",
            "H.R.",
            "al-Assad",
            "Smith-Jones",
            "X",
            "de",
            "Ángela",
            "ÉMILE",
            "İstanbul",
            "Wolfeschlegelsteinhausenbergerdorff",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "Zoë",
        ] {
            assert_eq!(key(p), p.to_lowercase(), "{p:?}");
        }
    }

    /// The one-string organisation key is the joined, lower-cased name, ASCII or not.
    #[test]
    fn org_keys_as_joined_and_lower_cased() {
        let names: [&[&str]; 7] = [
            &[],
            &["NATO"],
            &["Fox", "News"],
            &["U.S.", "Department", "of", "State"],
            &["Électricité", "de", "France"],
            &["ΟΔΥΣΣΕΥΣ", "Holdings"],
            &["", "Acme", "Co."],
        ];
        for parts in names {
            assert_eq!(org_key(parts), parts.join(" ").to_lowercase(), "{parts:?}");
        }
    }

    /// Forms are kept in the order first seen, so the canonical name breaks ties as the list
    /// of forms did (the last of the fullest, most frequent forms).
    #[test]
    fn forms_keep_their_order_for_the_canonical_name() {
        let mut forms = Forms::default();
        let list = [
            ("Doe", 3),
            ("Jane Doe", 1),
            ("J. Doe", 1),
            ("Jan Doe", 1),
            ("Doe", 1),
        ];
        for (f, c) in list {
            forms.push((CompactString::from(f), c));
        }
        let seen: Vec<(&str, usize)> = forms.iter().map(|(f, c)| (f.as_str(), *c)).collect();
        assert_eq!(seen, list);
        assert_eq!(canonical(&forms), "Jan Doe");
        for f in forms.iter_mut() {
            f.1 += usize::from(f.0 == "Jane Doe");
        }
        assert_eq!(canonical(&forms), "Jane Doe");
        assert_eq!(canonical(&Forms::default()), "");
    }
}
