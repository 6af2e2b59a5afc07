//! Choosing the name each linked person is shown under: the fullest form, by input support.

use super::*;

/// The name of each person (see [`link_speakers`]). Candidates are the forms of its inputs
/// that name the input's evidence; a person with no name at all keeps its most common label.
pub(super) fn canonical_names(
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
