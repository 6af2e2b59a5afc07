//! Finding person mentions in one pass over the tokens: names with titles, pronouns,
//! role nouns and unnamed sources, each with its quote depth and subject slot.

use super::*;
use crate::attributions::tokens::ing_shaped;

pub fn extract(text: &str, toks: &[Tok]) -> Entities {
    let n = toks.len();
    // Room for the mentions and names of nearly every article at once (about one mention
    // per ten tokens, up to one per eight), instead of growing step by step.
    let mut mentions: Vec<Mention> = Vec::with_capacity(n / 8 + 4);
    let mut names = Names {
        names: Vec::with_capacity(n / 16 + 4),
        parts: Vec::with_capacity(n / 16 + 4),
    };
    // Quote depth per token.
    let in_quote = quote_depths(toks);
    let next_plural = next_plural_heads(toks);
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        if t.kind != Kind::Word {
            i += 1;
            continue;
        }
        if t.lex & (flag::HE | flag::SHE) != 0 && t.lex & flag::POSS == 0 {
            mentions.push(Mention {
                span: Span::new(t.start, t.end),
                t0: i,
                t1: i + 1,
                kind: MKind::Pron {
                    female: t.lex & flag::SHE != 0,
                },
                subject: true,
                in_quote: in_quote[i],
                ent: None,
            });
            i += 1;
            continue;
        }
        if t.lex & flag::THEY != 0 && t.lex & flag::POSS == 0 {
            mentions.push(Mention {
                span: Span::new(t.start, t.end),
                t0: i,
                t1: i + 1,
                kind: MKind::They,
                subject: true,
                in_quote: in_quote[i],
                ent: None,
            });
            i += 1;
            continue;
        }
        // A group without a determiner: "Russian officials", "federal prosecutors", "police".
        // The flag first: most words follow no determiner, and `joined` scans a range.
        let after_det = i > 0 && toks[i - 1].lex & flag::DET != 0 && joined(toks, i - 1, i);
        if !after_det {
            if let Some(h) = bare_group(text, toks, &next_plural, i) {
                let span = Span::new(t.start, strip_end(text, &toks[h]));
                mentions.push(Mention {
                    span,
                    t0: i,
                    t1: h + 1,
                    kind: MKind::Desc {
                        definite: true,
                        head: h,
                    },
                    subject: subject_after(text, toks, i, h + 1),
                    in_quote: in_quote[i],
                    ent: None,
                });
                i = h + 1;
                continue;
            }
        }
        // Description: determiner + modifiers + role head, not followed by a name.
        let poss = t.lex & flag::POSS != 0;
        let det = (t.lex & flag::DET != 0 && !poss) || (poss && t.cap);
        if det {
            let found = description_head(text, toks, i);
            if let Some(h) = found {
                let definite = !is_indefinite(word(text, t));
                let span = Span::new(t.start, toks[h].end);
                let subject = subject_after(text, toks, i, h + 1);
                mentions.push(Mention {
                    span,
                    t0: i,
                    t1: h + 1,
                    kind: MKind::Desc { definite, head: h },
                    subject,
                    in_quote: in_quote[i],
                    ent: None,
                });
                i = h + 1;
                continue;
            }
            if !t.cap || !poss {
                i += 1;
                continue;
            }
        }
        // Most words are lower case and cannot open a name: refused here, without the call.
        if !may_open_name(t) {
            i += 1;
            continue;
        }
        i = scan_name(text, toks, &in_quote, i, &mut mentions, &mut names);
    }

    let mut ents = cluster(&mut mentions, &names.names, &names.parts);
    let mut start_at = vec![NONE; n];
    let mut end_at = vec![NONE; n];
    for (k, m) in mentions.iter().enumerate() {
        start_at[m.t0] = k as u32;
        end_at[m.t1 - 1] = k as u32;
    }
    // Built once for both: appositions attach descriptions and entities, never move a mention.
    appositions(text, toks, &mut mentions, &mut ents, &start_at);
    let mut out = Entities {
        mentions,
        ents,
        start_at,
        end_at,
        unnamed_idx: FxHashMap::default(),
    };
    resolve(text, toks, &mut out);
    out
}

/// Whether each token is inside a quote (the depth resets at each paragraph).
/// Collected in one pass (no zeroed vector written again by index).
fn quote_depths(toks: &[Tok]) -> Vec<bool> {
    let mut depth = 0usize;
    toks.iter()
        .map(|t| {
            if t.nl_before {
                depth = 0;
            }
            match t.kind {
                Kind::Open(_) => depth += 1,
                Kind::Close(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0
        })
        .collect()
}

/// An indefinite determiner ("a", "An", "ONE", "another"), in any case. Compared without a
/// lower-case copy ("The" at a sentence start would allocate one): no non-ASCII word
/// lower-cases to one of these ASCII words.
fn is_indefinite(w: &str) -> bool {
    ["a", "an", "one", "another"]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d))
}

/// Whether [`scan_name`] may find a name (or a title) at token `t`: both need a capital.
/// A word refused here is one `scan_name` steps over without a mention.
fn may_open_name(t: &Tok) -> bool {
    t.cap
}

/// The role head of a description opening with the determiner at `i`: modifiers, then a role
/// noun not followed by a name.
fn description_head(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let n = toks.len();
    let mut j = i + 1;
    let mut found = None;
    while j < n && j <= i + 6 && joined(toks, i, j) && toks[j].kind == Kind::Word {
        let tj = &toks[j];
        let pj = tj.lex & flag::POSS != 0;
        if tj.lex & flag::ROLE != 0 {
            // "a senior agency official", "a campaign staffer": the head is the last of a run
            // of role nouns, not the first.
            let role_after = |k: usize| {
                toks.get(k).is_some_and(|x| {
                    x.kind == Kind::Word
                        && !x.cap
                        && x.lex & flag::ROLE != 0
                        && x.lex & flag::POSS == 0
                }) && joined(toks, k - 1, k)
            };
            while tj.lex & flag::POSS == 0 && j <= i + 6 && role_after(j + 1) {
                j += 1;
            }
            let tj = &toks[j];
            let pj = tj.lex & flag::POSS != 0;
            let next_is_name =
                toks.get(j + 1).is_some_and(|x| name_word(text, x)) && joined(toks, j, j + 1);
            if !pj && !next_is_name {
                found = Some(j);
            }
            break;
        }
        // "the department’s spokesperson": a common-noun possessor is a modifier.
        if pj && !tj.cap && tj.lex & flag::RULES & !(flag::POSS | flag::ORG) == 0 {
            j += 1;
            continue;
        }
        if tj.lex & (flag::PREP | flag::DESC_STOP) != 0 || pj {
            break;
        }
        j += 1;
    }
    found
}

/// The names of an article and the one buffer of their parts.
struct Names<'a> {
    names: Vec<RawName>,
    parts: Vec<&'a str>,
}

/// A name mention (after any titles) starting at token `i`, pushed to `mentions` and `names`
/// when there is one; returns the token to go on from.
fn scan_name<'a>(
    text: &'a str,
    toks: &[Tok],
    in_quote: &[bool],
    i: usize,
    mentions: &mut Vec<Mention>,
    names: &mut Names<'a>,
) -> usize {
    let t = &toks[i];
    if !(name_word(text, t) || (t.cap && t.lex & flag::TITLE != 0)) {
        return i + 1;
    }
    // A run of capitalised words, titles, particles and initials.
    let j = name_run_end(text, toks, i);
    if j == i {
        return i + 1;
    }
    if modifier_name(text, toks, i, j) {
        return j;
    }
    // Titles end at the last title word before the name proper.
    let mut name_t0 = i;
    for (k, tk) in toks.iter().enumerate().take(j).skip(i) {
        if tk.lex & flag::TITLE != 0 && k + 1 < j {
            name_t0 = k + 1;
        }
    }
    if toks[name_t0].lex & flag::TITLE != 0
        && name_t0 + 1 >= j
        && !surname_after_title(text, toks, in_quote, i, name_t0)
    {
        // Only titles ("The Russian President"): not a name.
        return j;
    }
    // Sentence-initial participle or adverb ("Speaking to reporters"), unless a speech cue
    // follows it: a participle or adverb does not open "… said", a name does ("Schilling
    // told reporters", "Fielding said").
    let sentence_initial = i == 0 || !joined(toks, i - 1, i);
    let first = word(text, &toks[name_t0]);
    let cue_next = toks
        .get(j)
        .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.lex & flag::CUE != 0);
    let shape = ing_shaped(first) || first.ends_with("ly");
    if sentence_initial && j == i + 1 && shape && !cue_next {
        return j;
    }
    let parts_start = names.parts.len();
    let mut org = false;
    for tk in &toks[name_t0..j] {
        let (b, _) = strip_poss(word(text, tk));
        if tk.lex & flag::ORG != 0 {
            org = true;
        }
        names.parts.push(b);
    }
    let parts = parts_start..names.parts.len();
    let (titles, countries) = titles_and_countries(text, toks, i, name_t0, j);
    let last = &toks[j - 1];
    let (lastw, _) = strip_poss(word(text, last));
    let span = Span::new(t.start, last.start + lastw.len());
    let subject = subject_after(text, toks, i, j);
    let cue_word = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.lex & flag::CUE != 0)
    };
    let speaks = cue_word(j) || (i > 0 && cue_word(i - 1) && joined(toks, i - 1, i));
    mentions.push(Mention {
        span,
        t0: i,
        t1: j,
        kind: MKind::Name { name_t0 },
        subject,
        in_quote: in_quote[i],
        ent: None,
    });
    // "Mr. Johnson’s spokesman": the role is the mention, the name its determiner.
    let role_after = toks[j - 1].lex & flag::POSS != 0
        && toks
            .get(j)
            .is_some_and(|x| x.lex & flag::ROLE != 0 && x.lex & flag::POSS == 0)
        && joined(toks, j - 1, j);
    let name_mention = mentions.len() - 1;
    if role_after {
        mentions.push(Mention {
            span: Span::new(t.start, toks[j].end),
            t0: i,
            t1: j + 1,
            kind: MKind::Desc {
                definite: true,
                head: j,
            },
            subject: subject_after(text, toks, i, j + 1),
            in_quote: in_quote[i],
            ent: None,
        });
    }
    names.names.push(RawName {
        m: name_mention,
        parts,
        titles,
        countries,
        org,
        speaks,
    });
    if role_after {
        j + 1
    } else {
        j
    }
}

/// "posted a Twitter comment", "in her Facebook post", "a Trumpian retort": a name run
/// `[i, j)` between an indefinite article or a possessive pronoun and a lower-case noun
/// describes that noun (a medium, a style) and names no one who could speak.
fn modifier_name(text: &str, toks: &[Tok], i: usize, j: usize) -> bool {
    if i == 0 || !joined(toks, i - 1, i) || toks[j - 1].lex & flag::POSS != 0 {
        return false;
    }
    let before = lower(word(text, &toks[i - 1]));
    let det = MODIFIER_NAME_LEADS.contains(&before);
    let noun = toks.get(j).is_some_and(|t| {
        t.kind == Kind::Word && !t.cap && t.lex & (flag::BRIDGE | flag::STOP | flag::PREP) == 0
    }) && joined(toks, j - 1, j);
    det && noun
}

/// "Mr. King", "Sen. Bishop", "Dr Major": a title word right after an abbreviated title is the
/// surname. Not in a quote, where "Mr. President" addresses the office; not an abbreviation
/// itself ("Lt. Gov.").
fn surname_after_title(text: &str, toks: &[Tok], in_quote: &[bool], i: usize, k: usize) -> bool {
    if k <= i || in_quote[k] || !toks[k].cap {
        return false;
    }
    let before = word(text, &toks[k - 1]);
    let abbreviated = before.ends_with('.')
        || (before.len() <= 3 && before.chars().all(|c| c.is_ascii_alphabetic()));
    toks[k - 1].lex & flag::TITLE != 0 && abbreviated && !word(text, &toks[k]).ends_with('.')
}

/// Articles and possessive pronouns before a name that modifies a noun ("a Twitter comment"):
/// `[modifier_name_lead]` of data/lexicon/quote_context.txt.
static MODIFIER_NAME_LEADS: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(
            crate::lexicon::files::QUOTE_CONTEXT,
            &["modifier_name_lead"],
        )
    });

/// Capitalised words that may not start a name but end one after a name word ("Human Rights
/// Watch", "USA Today"): `[name_end]` of data/lexicon/not_name_starts.txt.
static NAME_ENDS: once_cell::sync::Lazy<crate::lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| {
        crate::lexicon::set_of(crate::lexicon::files::NOT_NAME_STARTS, &["name_end"])
    });

/// One past the run of capitalised words, titles, particles and initials starting at `i`.
fn name_run_end(text: &str, toks: &[Tok], i: usize) -> usize {
    let n = toks.len();
    let mut j = i;
    let mut after_title = false;
    while j < n && (j == i || !toks[j].nl_before) {
        let tj = &toks[j];
        if tj.kind != Kind::Word {
            break;
        }
        let wj = word(text, tj);
        let title = tj.lex & flag::TITLE != 0;
        let next_cap = toks
            .get(j + 1)
            .is_some_and(|x| x.kind == Kind::Word && (x.cap || is_particle(word(text, x))))
            && joined(toks, j, j + 1);
        let ok = if party_tag(wj) {
            false
        } else if tj.cap {
            tj.lex & flag::STOP == 0 || title || (j > i && NAME_ENDS.contains(&*lower(wj)))
        } else {
            // "Fox News host Sean Hannity", "Sen. chris Murphy", "Charles de Gaulle".
            next_cap && j > i && (title || is_particle(wj) || after_title)
        };
        if !ok {
            break;
        }
        after_title = title && (tj.cap || j > i);
        j += 1;
        if tj.lex & flag::POSS != 0 {
            break;
        }
    }
    j
}

/// Titles before the name proper (`toks[i..name_t0]`, lower-cased) and the countries named
/// around the name.
fn titles_and_countries(
    text: &str,
    toks: &[Tok],
    i: usize,
    name_t0: usize,
    j: usize,
) -> (Vec<String>, Vec<String>) {
    let n = toks.len();
    let mut titles = Vec::new();
    let mut countries = Vec::new();
    for tk in &toks[i..name_t0] {
        let wk = word(text, tk);
        let lk = lower(wk).into_owned();
        if tk.cap && !TITLES.contains(lk.as_str()) {
            if let Some(c) = country_key(wk) {
                countries.push(c);
            }
        }
        titles.push(lk);
    }
    // "Russia’s Vladimir Putin", "President Putin of Russia".
    if i > 0 && joined(toks, i - 1, i) && toks[i - 1].cap {
        let (b, p) = strip_poss(word(text, &toks[i - 1]));
        if p {
            if let Some(c) = country_key(b) {
                countries.push(c);
            }
        }
    }
    if j + 1 < n && joined(toks, j - 1, j + 1) && word(text, &toks[j]) == "of" && toks[j + 1].cap {
        if let Some(c) = country_key(word(text, &toks[j + 1])) {
            countries.push(c);
        }
    }
    (titles, countries)
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::is_indefinite;
    use super::{may_open_name, quote_depths, scan_name, Names};
    use crate::quotes::analyze;

    /// The determiner test answers as lower-casing first did, capitals and non-ASCII words
    /// included.
    #[test]
    fn indefinite_as_lower_cased() {
        for w in [
            "a", "A", "An", "AN", "One", "ANOTHER", "another", "The", "Ánother", "an’", "ones", "",
        ] {
            let first = matches!(lower(w).as_ref(), "a" | "an" | "one" | "another");
            assert_eq!(is_indefinite(w), first, "{w}");
        }
    }

    /// Sentences of our own with names, titles, particles, initials, possessives, quotes
    /// inside quotes and paragraph breaks; tokenized as the pass sees them.
    const NAMES_TEXT: &str = "Senior Russian officials said the talks failed, \
        according to the Kremlin. “We will not,” said President Vladimir V. Putin of Russia, \
        “accept ‘any’ deal.” Mr. Johnson’s spokesman, Sen. chris Murphy (D-Conn.) and \
        Charles de Gaulle met prosecutors.\nSpeaking to reporters, the department’s \
        spokesperson said “they left” and federal prosecutors agreed.\n“Open quote never \
        closed, said Dr Major and THE PRESIDENT OF FRANCE. Lt. Gov. Ray Ortiz-Brown’s aides \
        declined; she, he and they did not.";

    fn names_toks() -> Vec<Tok> {
        let pairs = crate::quotes::marks::scan(NAMES_TEXT);
        let sentences = crate::segment::split(NAMES_TEXT);
        crate::quotes::tokens::tokenize(NAMES_TEXT, &pairs, &sentences)
    }

    /// The filter before [`scan_name`] refuses only words where `scan_name` would step over
    /// without a mention: every token of the sentences above, each asked on its own.
    #[test]
    fn name_filter_refuses_only_words_scan_name_steps_over() {
        let toks = names_toks();
        let in_quote = quote_depths(&toks);
        let (mut refused, mut opened) = (0, 0);
        for i in 0..toks.len() {
            let mut mentions = Vec::new();
            let mut names = Names {
                names: Vec::new(),
                parts: Vec::new(),
            };
            let next = scan_name(NAMES_TEXT, &toks, &in_quote, i, &mut mentions, &mut names);
            if !may_open_name(&toks[i]) {
                refused += 1;
                assert_eq!(
                    (next, mentions.len()),
                    (i + 1, 0),
                    "{}",
                    word(NAMES_TEXT, &toks[i])
                );
            } else if !mentions.is_empty() {
                opened += 1;
            }
        }
        assert!(refused > 20 && opened > 5, "{refused} {opened}");
    }

    /// The depths as first written (a zeroed vector set by index), against the collected one.
    #[test]
    fn quote_depths_as_indexed() {
        let toks = names_toks();
        let mut want = vec![false; toks.len()];
        let mut depth = 0usize;
        for (i, t) in toks.iter().enumerate() {
            if t.nl_before {
                depth = 0;
            }
            match t.kind {
                Kind::Open(_) => depth += 1,
                Kind::Close(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            want[i] = depth > 0;
        }
        assert_eq!(quote_depths(&toks), want);
        assert!(want.iter().filter(|&&q| q).count() > 10);
        let mut want = vec![0u32; toks.len()];
        for (k, w) in want.iter_mut().enumerate() {
            *w = (k..toks.len())
                .find(|&j| toks[j].lex & flag::PLURAL != 0 && toks[j].lex & flag::POSS == 0)
                .unwrap_or(toks.len()) as u32;
        }
        assert_eq!(next_plural_heads(&toks), want);
        assert!(want.iter().any(|&h| (h as usize) < toks.len()));
    }

    fn speaker_and_mention(text: &str) -> (Option<String>, Option<&str>) {
        let a = analyze(text, &crate::segment::split(text));
        let q = &a.quotes[0];
        (q.speaker.clone(), q.mention.map(|m| m.of(text)))
    }

    #[test]
    fn a_title_word_after_an_abbreviated_title_is_the_surname() {
        for (text, name, mention) in [
            (
                "“The tide is late,” Mr. Bishop said.",
                "Bishop",
                "Mr. Bishop",
            ),
            (
                "“The tide is late,” Ms. Singer, 54, said.",
                "Singer",
                "Ms. Singer",
            ),
            ("“The tide is late,” Dr Major said.", "Major", "Dr Major"),
        ] {
            assert_eq!(
                speaker_and_mention(text),
                (Some(name.to_string()), Some(mention))
            );
        }
    }

    #[test]
    fn an_office_addressed_in_a_quote_or_an_abbreviation_is_no_surname() {
        // "Mr. President" inside a quote addresses the office: the speaker is "she".
        let t = "“Thank you, Mr. President,” she said.";
        assert_eq!(speaker_and_mention(t).1, Some("she"));
        // "Lt. Gov." is two titles, no name.
        let t = "“The tide is late,” Lt. Gov. said.";
        assert_eq!(speaker_and_mention(t), (None, None));
    }
}
