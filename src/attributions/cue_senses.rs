//! Is a cue word used as a reporting verb here? A cue form that is more often a noun ("attacks",
//! "campaign for"), a phrasal stance verb, a judgement in the passive ("is widely seen as"), and
//! the uses of cue words that report nothing ("appeared on television", "showed up", "a group
//! called …"). [`super::cues::find_cue`] asks these of the sentence around the word.

use super::cues::{lw, near, possessive, Cue, CueKind};
use super::lexicon::{self, NOUN_VERBS, STANCE_CUES};
use super::sources::{after_passive_auxiliary, is_adverb, participle_form};
use super::tokens::{class, ing_shaped, Tok};

/// Prepositions that complete a phrasal stance verb ("talked about", "railed against").
pub(super) fn is_particle(w: &str) -> bool {
    lexicon::is_phrasal_particle(w)
}

/// Is "`verb`_`particle`" a phrasal stance cue of the lexicon (`cue_verbs.txt` joins the two
/// words with "_")? A form the lexicon also marks `noun` ("campaign for", "votes for") is more
/// often a noun phrase in news ("his presidential campaign for the nomination"): it is a verb
/// only after a subject or a verb marker (`noun_phrasal_is_verb`). The key is built on the
/// stack: this runs for every word before a preposition.
pub(super) fn phrasal_stance(toks: &[Tok], lo: usize, k: usize, particle: &str) -> bool {
    let verb = toks[k].lower.as_str();
    let mut buf = [0u8; 40];
    let n = verb.len() + 1 + particle.len();
    if n > buf.len() {
        return false;
    }
    buf[..verb.len()].copy_from_slice(verb.as_bytes());
    buf[verb.len()] = b'_';
    buf[verb.len() + 1..n].copy_from_slice(particle.as_bytes());
    std::str::from_utf8(&buf[..n]).is_ok_and(|key| {
        STANCE_CUES.contains(key)
            && (!NOUN_VERBS.contains(key) || noun_phrasal_is_verb(toks, lo, k))
    })
}

/// Is the noun-like word at `k` a verb because the adverb particle "out" of a listed phrasal
/// cue follows ("Labor leaders point out that …", "the group points out")? A noun takes "out
/// of" ("8 points out of 10"), never "out" alone.
pub(super) fn out_particle_follows(toks: &[Tok], lo: usize, k: usize, hi: usize) -> bool {
    k + 2 < hi
        && lw(toks, k + 1) == "out"
        && lw(toks, k + 2) != "of"
        && lexicon::PHRASAL_CUES
            .iter()
            .any(|p| p.matches(near(toks, lo, k)))
}

/// Is the noun-like first word of a phrasal cue at `k` a verb? Only after its subject (a name
/// that is no possessive, a subject pronoun, "who") or a word that makes a base form a verb
/// ("will campaign for", "did not vote for"); after an adjective, a noun or a possessive it
/// heads a noun phrase ("the Senate campaign for", "her campaign for").
pub(super) fn noun_phrasal_is_verb(toks: &[Tok], lo: usize, k: usize) -> bool {
    if k == lo {
        return false;
    }
    let p = &toks[k - 1];
    p.word
        && ((p.cap && !possessive(p))
            || p.in_class(class::SUBJECT_PRONOUN)
            || p.in_class(class::RELATIVE_PRONOUN)
            || p.in_class(class::MARKS_BASE_FORM_VERB))
}

/// A cue form that is more often a noun in news ("attacks", "plans", "show") is a verb only
/// after a subject, before an object, or closing a clause after a plural subject.
pub(super) fn noun_form_is_verb(toks: &[Tok], lo: usize, k: usize, prev: &str, w: &str) -> bool {
    // "Most voters still want Ruiz to run", "voters overwhelmingly support the dam": the
    // subject tests look through one adverb that stands between a subject and its verb
    // ([frequency_adverb] or "-ly") to the word before it (`s` is where the verb group
    // starts). The adverb alone makes nothing a verb ("There's always talk of …").
    let s = if k > lo + 1
        && toks[k - 1].word
        && (toks[k - 1].in_class(class::FREQUENCY_ADVERB) || is_adverb(&toks[k - 1]))
    {
        k - 1
    } else {
        k
    };
    let prev = if s < k { lw(toks, s - 1) } else { prev };
    // A capitalised possessive is no subject: "Ms. Osei's plan" is a noun.
    let after_subject = s > lo && {
        let p = &toks[s - 1];
        p.word
            && ((p.cap && !possessive(p))
                || p.in_class(class::SUBJECT_PRONOUN | class::FINDING_SUBJECT))
    };
    // "the poll shows Trump ahead", "the campaign plans to": a verb before its object.
    let next = toks.get(k + 1);
    let object_follows = next.is_some_and(|n| {
        n.word
            && (n.cap
                || n.in_class(class::DETERMINER | class::SUBJECT_PRONOUN | class::OBJECT_PRONOUN)
                || n.lower.chars().all(char::is_numeric))
            || matches!(n.lower.as_str(), "that" | "to")
    });
    // "senators support reforming the system": a stance verb's gerund object. Not after a verb
    // of saying ("calls saying …": the "-ing" word is a cue of its own), nor an "-ing" word
    // that is a preposition ("support during the strike") or another cue.
    let stance_only = toks[k].in_class(class::STANCE_CUE)
        && !toks[k].in_class(class::CLAUSE_CUE | class::OBJECT_CUE);
    let object_follows = object_follows
        || (stance_only
            && next.is_some_and(|n| {
                let not_gerund = class::PREPOSITION
                    | class::STOP
                    | class::CLAUSE_CUE
                    | class::OBJECT_CUE
                    | class::STANCE_CUE;
                n.word
                    && !n.cap
                    && !n.in_quote
                    && n.lower.len() > 5
                    && n.is_ing_form()
                    && !n.in_class(not_gerund)
            }));
    // "…, campaign records show.": a plural subject and nothing after the verb.
    let clause_ends = next.map_or(true, |n| !n.word && !n.is_quote_mark());
    // A possessive is no plural ("Editor's note:").
    let plural_subject = prev.ends_with('s')
        && !prev.ends_with("ss")
        && s > lo
        && toks[s - 1].word
        && !possessive(&toks[s - 1]);
    let verb_here = after_subject || object_follows || (clause_ends && plural_subject);
    if !verb_here {
        return false;
    }
    // After a name with nothing it could take ("Trump support is strong", "Latino support,
    // faces …"): a noun modified by the name. No verb is followed by an auxiliary, and a stance
    // verb needs its object (a verb of saying may close a clause: "…, Ruiz claims.").
    let takes_no_object = !toks[k].in_class(class::CLAUSE_CUE | class::OBJECT_CUE);
    let nothing_taken = next.map_or(takes_no_object, |n| {
        (takes_no_object && !n.word && !n.is_quote_mark())
            || (n.word && !n.cap && n.in_class(class::AUXILIARY_VERB))
    });
    if after_subject && !object_follows && nothing_taken {
        return false;
    }
    // A base form after a singular noun is a noun too ("a radio show", "the state plan");
    // as a verb it follows a plural, a pronoun or an auxiliary ("polls show", "they plan").
    let base = !(w.ends_with('s') || w.ends_with("ed") || ing_shaped(w));
    if base && !after_subject {
        // `prev` is the word before the verb group in the sentence ("" at its start).
        let prev_marks_base_form = s > lo && toks[s - 1].in_class(class::MARKS_BASE_FORM_VERB);
        // "likely to oppose the bill", "willing to back Ruiz": after "to" that an
        // [infinitive_group] word governs, a base form with an object is a verb.
        let to_inf = prev == "to"
            && object_follows
            && s >= lo + 2
            && toks[s - 2].word
            && !toks[s - 2].cap
            && lexicon::is_infinitive_group_word(&toks[s - 2].lower);
        // "polls that show Ruiz ahead": a relative pronoun after a plural finding noun
        // ([finding_subject]) stands for it.
        let finding_relative = s >= lo + 2
            && relative_for_finding(toks, lo, s - 1)
            && toks[s - 2].lower.ends_with('s');
        let plural_or_aux = prev.ends_with('s') && !prev.ends_with("ss")
            || prev_marks_base_form
            || to_inf
            || finding_relative;
        if !plural_or_aux {
            return false;
        }
    }
    true
}

/// Is the participle at `k` passive ("was considered a risk", "is widely seen as", "echoed by
/// the party")? Its subject is then what is judged, not who judges.
pub(super) fn passive_participle(toks: &[Tok], lo: usize, k: usize) -> bool {
    if !participle_form(&toks[k]) {
        return false;
    }
    lw(toks, k + 1) == "by" || after_passive_auxiliary(toks, lo, k)
}

/// Longest verb group before a passive participle ("has long been widely seen"), in tokens.
const MAX_VERB_GROUP: usize = 5;

/// A judgement in the passive at the participle `k`: "is widely seen as", "were deemed", "was
/// backed by" (any stance verb with an agent), "was reported by" (a verb of saying with one).
/// The cue spans the verb group and a following "as" ("is seen as a moderate"), not "by": the
/// agent after it is the source.
pub(super) fn passive_judgement(toks: &[Tok], lo: usize, k: usize, t: &Tok) -> Option<Cue> {
    // A cheap test first: this runs for every word that reaches it.
    if !participle_form(t) || k <= lo {
        return None;
    }
    let by = lw(toks, k + 1) == "by";
    let judged = t.in_class(class::JUDGED_PARTICIPLE)
        || ((by || lw(toks, k + 1) == "as") && lexicon::is_judged_as_participle(&t.lower));
    // "was first reported by the Ledger": a verb of saying with its agent reports the subject
    // (not a hearer's passive: "was told by aides that …", "was asked by reporters whether …").
    let reported =
        t.in_class(class::CLAUSE_CUE) && !t.in_class(class::OBJECT_CUE | class::QUESTION_CUE);
    if !(judged || (by && (t.in_class(class::STANCE_CUE) || reported))) {
        return None;
    }
    // Passive: after a form of "be". Not a reduced relative ("rebels backed by Ankara"), which
    // describes a noun rather than report a judgement; a verb of saying with its agent reports
    // its noun all the same ("a number of arrests documented by the Ledger").
    // An active verb after its subject takes "by" + a gerund ("the mayor responded by saying").
    let gerund = toks.get(k + 2).is_some_and(|a| a.is_ing_form());
    let reduced = by
        && !gerund
        && ((reported && !t.in_class(class::STANCE_CUE) && after_common_noun(toks, lo, k))
            || (t.in_class(class::STANCE_CUE) && appositive_participle(toks, lo, k)));
    if !reduced && !after_passive_auxiliary(toks, lo, k) {
        return None;
    }
    // Without an agent, a complement follows: "seen as", "known for", "deemed unfit"; not a
    // place, a manner or an act ("was seen on camera", "seen walking", "known to fib"). "Of"
    // names the charge ("was accused of lying").
    if !by {
        let n = toks.get(k + 1)?;
        let complement = n.word
            && (n.is("as")
                || n.is("for")
                || n.is("of")
                || !(n.in_class(class::PREPOSITION | class::OPENS_ADJUNCT)
                    || n.is_ing_form()
                    || n.is("to")));
        if !complement {
            return None;
        }
    }
    // The verb group: auxiliaries, "not", adverbs ("has not yet been formally").
    let floor = k.saturating_sub(MAX_VERB_GROUP).max(lo);
    let mut t0 = k;
    while t0 > floor {
        let p = &toks[t0 - 1];
        let part_of_group = p.word
            && !p.cap
            && (p.in_class(class::AUX | class::PASSIVE_AUXILIARY) || p.lower.ends_with("ly"));
        if !part_of_group {
            break;
        }
        // "can be seen as", "will be considered": a modal makes it the writer's own judgement
        // or forecast, nobody's reported view.
        if p.in_class(class::MODAL) {
            return None;
        }
        t0 -= 1;
    }
    let t1 = if lw(toks, k + 1) == "as" {
        k + 2
    } else {
        k + 1
    };
    Some(Cue {
        t0,
        t1,
        kind: CueKind::Passive,
    })
}

/// Most lower-case words of the noun an appositive opens with "a"/"an" before its participle
/// (", a practice criticized by", ", a sentiment widely endorsed by").
const MAX_APPOSITIVE_NOUN: usize = 2;

/// Does the participle `k` (past "-ly" adverbs) open an appositive after a comma (", opposed by
/// the union,") or close one that names a kind of thing (", a call echoed by Japan")? Set off
/// by its comma, the phrase judges the noun phrase before it rather than pick out which one
/// ("rebels backed by Ankara"), so a stance verb with its agent reports that judgement.
fn appositive_participle(toks: &[Tok], lo: usize, k: usize) -> bool {
    let mut j = k;
    while j > lo && toks[j - 1].word && !toks[j - 1].cap && is_adverb(&toks[j - 1]) {
        j -= 1;
    }
    if j > lo && toks[j - 1].is(",") {
        return true;
    }
    let floor = j.saturating_sub(MAX_APPOSITIVE_NOUN + 1).max(lo + 1);
    for a in (floor..j.saturating_sub(1)).rev() {
        let t = &toks[a];
        if lexicon::is_indefinite_article(&t.lower) {
            return toks[a - 1].is(",")
                && toks[a + 1..j]
                    .iter()
                    .all(|n| n.word && !n.cap && !n.in_quote && !n.in_class(class::STOP));
        }
        if !t.word || t.cap {
            return false;
        }
    }
    false
}

/// Is the word before the participle `k` (past "-ly" and [passive_adverb] words: "first")
/// a lower-case word that can end a noun phrase: no auxiliary, preposition, article or stop
/// word ("arrests documented by", "the fee first reported by")?
fn after_common_noun(toks: &[Tok], lo: usize, k: usize) -> bool {
    let adverb = |t: &Tok| {
        t.word && !t.cap && (t.lower.ends_with("ly") || lexicon::is_passive_adverb(&t.lower))
    };
    let mut j = k;
    while j > lo && adverb(&toks[j - 1]) {
        j -= 1;
    }
    let noun_end = class::AUX | class::PREPOSITION | class::ARTICLE | class::STOP;
    j > lo && {
        let p = &toks[j - 1];
        p.word && !p.cap && !p.in_quote && !p.in_class(noun_end)
    }
}

/// "appears to …", "appeared paralyzed", "it appears, though, that …": a judgement of how
/// something seems; not "appeared on television" or "appeared at a rally" (a preposition,
/// article or adjunct after it).
pub(super) fn appearance_judged(toks: &[Tok], k: usize, hi: usize) -> bool {
    let Some(n) = toks.get(k + 1).filter(|_| k + 1 < hi) else {
        return false;
    };
    if n.is("to") || n.is("that") || n.is(",") {
        return true;
    }
    n.word
        && !n.cap
        && !n.in_quote
        && !n.in_class(class::PREPOSITION | class::OPENS_ADJUNCT | class::DETERMINER)
}

/// "showed up at the rally" (arrived), "found itself at the center of" (ended up): uses of cue
/// forms that report nothing, the phrases of [not_cue] in `attribution_grammar.txt`.
pub(super) fn reports_nothing(toks: &[Tok], lo: usize, k: usize) -> bool {
    lexicon::NOT_CUES
        .iter()
        .any(|p| p.matches(near(toks, lo, k)))
}

/// "a group called Citizens for X", "a program named Y": a naming participle right after an
/// indefinite noun phrase introduces the noun's name, not anybody's stance.
pub(super) fn names_a_new_noun(toks: &[Tok], lo: usize, k: usize, w: &str) -> bool {
    if !lexicon::is_naming_participle(w) {
        return false;
    }
    let floor = k.saturating_sub(5).max(lo);
    for j in (floor..k).rev() {
        let t = &toks[j];
        if lexicon::is_indefinite_article(&t.lower) {
            return true;
        }
        if !t.word || t.in_class(class::AUX | class::SUBJECT_PRONOUN) {
            return false;
        }
    }
    false
}

/// Most words between a verb of receiving and the judgement it receives ("drew sharp,
/// bipartisan criticism").
const MAX_RECEIVED_GAP: usize = 3;

/// "The plan drew sharp criticism from the union", "Ruiz has won the backing of two unions": a
/// judgement received from someone. Like a passive with "by" ([`CueKind::Passive`]), the
/// subject is the content and the phrase after "from" or "of" the source; the cue runs from the
/// verb to the noun.
pub(super) fn received_judgement(toks: &[Tok], lo: usize, hi: usize, k: usize) -> Option<Cue> {
    if k <= lo || !lexicon::is_receiving_verb(&toks[k].lower) {
        return None;
    }
    for j in k + 1..(k + 2 + MAX_RECEIVED_GAP).min(hi) {
        let t = &toks[j];
        if !t.word || t.in_quote || t.cap {
            return None;
        }
        if lexicon::is_received_judgement(&t.lower) {
            let by = lexicon::is_judgement_giver(lw(toks, j + 1));
            return (by && j + 2 < hi).then_some(Cue {
                t0: k,
                t1: j + 1,
                kind: CueKind::Passive,
            });
        }
    }
    None
}

/// "polls that show Ruiz ahead": a relative pronoun source that stands for a finding noun
/// ([finding_subject]) right before it gives way to the noun, which names what found it.
pub(super) fn finding_antecedent(
    toks: &[Tok],
    lo: usize,
    s: (usize, usize),
) -> Option<(usize, usize)> {
    let (a, b) = s;
    (b == a + 1 && relative_for_finding(toks, lo, a)).then(|| (a - 1, a))
}

/// Is the token at `a` a relative "that"/"which" right after a [finding_subject] noun, standing
/// for it ("polls that show …")?
fn relative_for_finding(toks: &[Tok], lo: usize, a: usize) -> bool {
    a > lo
        && matches!(toks[a].lower.as_str(), "that" | "which")
        && toks[a - 1].word
        && toks[a - 1].in_class(class::FINDING_SUBJECT)
}
