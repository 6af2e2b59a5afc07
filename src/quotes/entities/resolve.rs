//! Resolving pronouns and definite role nouns ("the Russian leader") to entities, left to
//! right.

use super::*;

/// Resolve pronouns and definite role nouns left to right.
pub(super) fn resolve(text: &str, toks: &[Tok], out: &mut Entities) {
    // (entity, subject, sentence) of recent person mentions outside quotes.
    // Sized once: nearly every mention outside quotes lands here, and growing step by step
    // copies it several times over.
    let mut history: Vec<(usize, bool, usize)> = Vec::with_capacity(out.mentions.len());
    // (group entity, or None for a pair of people; sentence) for "they".
    let mut groups: Vec<(Option<usize>, usize)> = Vec::new();
    for k in 0..out.mentions.len() {
        let m = out.mentions[k].clone();
        if m.in_quote {
            continue;
        }
        let sent = toks[m.t0].sent;
        match m.kind {
            MKind::Name { .. } => {
                // "Trump and Putin": a later "they" may mean the pair, not an earlier group.
                let pair = out.mentions.get(k + 1).is_some_and(|n| {
                    n.t0 == m.t1 + 1
                        && toks.get(m.t1).is_some_and(|t| word(text, t) == "and")
                        && matches!(n.kind, MKind::Name { .. } | MKind::Pron { .. })
                });
                if pair {
                    groups.push((None, sent));
                }
            }
            MKind::Pron { female } => {
                let compatible = |e: usize| {
                    let x = &out.ents[e];
                    x.person
                        && match x.gender {
                            Gender::Unknown => true,
                            Gender::Male => !female,
                            Gender::Female => female,
                        }
                };
                let mut first = None;
                let mut subj = None;
                for &(e, s, se) in history.iter().rev().take(40) {
                    if sent.saturating_sub(se) > 8 {
                        break;
                    }
                    if !compatible(e) {
                        continue;
                    }
                    if first.is_none() {
                        first = Some(e);
                    }
                    if s {
                        subj = Some(e);
                        break;
                    }
                }
                if let Some(e) = subj.or(first) {
                    out.mentions[k].ent = Some(e);
                    if out.ents[e].gender == Gender::Unknown {
                        out.ents[e].gender = if female { Gender::Female } else { Gender::Male };
                    }
                }
            }
            MKind::They => {
                // Only a clear antecedent: the last group subject within three sentences, with
                // no pair of people ("Trump and Putin") named since.
                let e = groups
                    .last()
                    .filter(|&&(_, se)| sent.saturating_sub(se) <= 3)
                    .and_then(|&(e, _)| e);
                out.mentions[k].ent = e;
                if let Some(e) = e {
                    groups.push((Some(e), sent));
                }
                continue;
            }
            MKind::Desc { head, .. } if toks[head].lex & flag::PLURAL != 0 => {
                if m.ent.is_none() && m.subject {
                    let e = out.unnamed(text, k, toks);
                    groups.push((Some(e), sent));
                }
                continue;
            }
            MKind::Desc { definite, head } => {
                if m.ent.is_none() && definite {
                    let e = resolve_role(text, toks, &m, head, &out.ents, &history);
                    out.mentions[k].ent = e;
                    // "The senator, who …, said …": a referent for a later "she said".
                    if e.is_none() && m.subject {
                        out.unnamed(text, k, toks);
                    }
                }
            }
        }
        if let Some(e) = out.mentions[k].ent {
            if out.ents[e].person {
                history.push((e, m.subject, sent));
            }
        }
    }
}

fn resolve_role(
    text: &str,
    toks: &[Tok],
    m: &Mention,
    head: usize,
    ents: &[Entity],
    history: &[(usize, bool, usize)],
) -> Option<usize> {
    let h = lower(strip_poss(word(text, &toks[head])).0).into_owned();
    let generic = RELATIONAL_HEADS.contains(h.as_str());
    let mut mods = Vec::new();
    // "Russia’s leader": the determiner itself names the country.
    let (d, poss) = strip_poss(word(text, &toks[m.t0]));
    if poss {
        mods.extend(country_key(d));
    }
    for t in &toks[m.t0 + 1..head] {
        if t.cap || word(text, t).contains('.') {
            mods.extend(country_key(word(text, t)));
        } else if let Some(c) = country_key(word(text, t)).filter(|c| c == "us") {
            mods.push(c);
        }
    }
    // ((score, mentions, recency), entity)
    let mut best: Option<((i32, usize, usize), usize)> = None;
    // Sized once for the entities the walk below may meet (at most 80).
    let mut seen: Vec<usize> = Vec::with_capacity(history.len().min(80));
    for (rank, &(e, _, _)) in history.iter().rev().take(80).enumerate() {
        if seen.contains(&e) {
            continue;
        }
        seen.push(e);
        let x = &ents[e];
        if x.unnamed {
            continue;
        }
        let titled = x.titles.iter().any(|t| t.trim_end_matches('.') == h);
        let leaderish = x.titles.iter().any(|t| LEADER_TITLES.contains(t.as_str()));
        let mut score = if titled {
            3
        } else if generic && (leaderish || !mods.is_empty()) {
            2
        } else {
            continue;
        };
        if mods.is_empty() {
            if x.countries.iter().any(|c| c != "us") {
                score -= 1;
            }
        } else {
            for c in &mods {
                if x.countries.contains(c) {
                    score += 3;
                } else if !x.countries.is_empty() {
                    score -= 5;
                } else if c == "us" {
                    score += 1;
                } else {
                    // "the Russian president" is nobody we cannot place in Russia: a wrong
                    // referent is worse than none.
                    score -= 3;
                }
            }
        }
        let key = (score, x.count, usize::MAX - rank);
        if score > 0 && best.map_or(true, |b| b.0 < key) {
            best = Some((key, e));
        }
    }
    best.map(|b| b.1)
}
