//! The subject of the clause a continuing verb belongs to ("Ana Ruiz praised the plan, saying
//! …", "… when Ruiz took the stage and said …"). Split from `sources.rs` (its size).

use super::super::lexicon;
use super::super::tokens::{class, Tok};
use super::openers::{opening_adjunct_end, past_state};
use super::{can_be_head, is_adverb, is_verb_cue, MAX_NP};

/// The subject that opens the sentence `[lo, k)`, for a reporting verb that continues its
/// predicate: "Ana Ruiz praised the plan, saying …", "The mayor spoke and said …". An opening
/// adjunct up to its comma is skipped ("On Monday, the mayor …"). Bounded by a few tokens.
pub fn sentence_subject(toks: &[Tok], lo: usize, k: usize) -> Option<(usize, usize)> {
    subordinate_subject(toks, lo, k).or_else(|| sentence_subject_plain(toks, lo, k))
}

/// [`sentence_subject`] of the sentence's own opening, subordinate clauses not looked at.
fn sentence_subject_plain(toks: &[Tok], lo: usize, k: usize) -> Option<(usize, usize)> {
    if let Some(s) = bare_time_opening_end(toks, lo, k) {
        return sentence_subject_plain(toks, s, k);
    }
    let mut s = lo;
    let opener = toks
        .get(lo)
        .is_some_and(|t| t.word && t.in_class(class::STOP | class::AUX));
    if opener {
        // "But the court overruled and said …": a coordinator joins the whole sentence, and
        // the subject follows it; after any other opener ("While …, the court said") the
        // subject follows the opening clause's comma.
        let t = &toks[lo];
        let coordinator = t.in_class(class::CLAUSE_LINK)
            && !t.in_class(class::SUBORDINATOR | class::OBJECT_RELATIVE);
        let comma = (lo + 1..(lo + 12).min(k)).find(|&j| toks[j].is_comma());
        s = match comma {
            Some(c) => past_state(toks, c + 1, k),
            None if coordinator => lo + 1,
            None => return None,
        };
    }
    if s == lo {
        if let Some(after) = opening_adjunct_end(toks, lo, k) {
            s = after;
        }
    }
    let first = toks.get(s).filter(|_| s < k)?;
    if first.in_class(class::SUBJECT_PRONOUN) && !first.in_class(class::RELATIVE_PRONOUN) {
        return Some((s, s + 1));
    }
    let mut end = s;
    while end < k && end - s < MAX_NP {
        let t = &toks[end];
        let w = t.lower.as_str();
        let joins = !t.word && matches!(w, "&" | "." | "-");
        let verbish = !t.cap
            && (t.in_class(class::AUX | class::STOP | class::IRREGULAR_PAST)
                || is_verb_cue(t)
                || w.ends_with("ed"));
        // "Ruiz only said …", "the union still hopes …", "Ruiz repeatedly said …": an adverb
        // between the subject and its verb ends the subject; after a determiner it modifies
        // the next word ("the only member"), and after "there's" the verb is already there
        // ("There's always talk").
        let before = &toks[end.saturating_sub(1)];
        // (Trimmed only when it ends in "s": the two trims build a searcher each.)
        let bare = match before.lower.ends_with('s') {
            true => before.lower.trim_end_matches("'s").trim_end_matches("’s"),
            false => before.lower.as_str(),
        };
        let adverb = !t.cap
            && (t.in_class(class::FREQUENCY_ADVERB) || is_adverb(t))
            && !before.in_class(class::DETERMINER)
            && !lexicon::is_expletive_subject(bare);
        let verbish = verbish || (end > s && adverb);
        if !(t.word || joins) || t.in_quote || (end > s && verbish) {
            break;
        }
        end += 1;
    }
    while end > s && !toks[end - 1].word {
        end -= 1;
    }
    let head = toks.get(end.checked_sub(1)?)?;
    (end > s && end < k && can_be_head(head)).then_some((s, end))
}

/// Most tokens between a subordinator and the verb that continues its clause.
const MAX_SUBORDINATE: usize = 24;

/// "The crowd cheered when Ruiz took the stage and said …", "… erupted after the mayor
/// entered the race, calling …": a verb that continues a subordinate clause inside the
/// sentence continues that clause's subject, not the main one; so does one that continues a
/// second main clause after ", and" or ", but" ("…, and the mayor sued the city, saying").
/// The subordinator's subject must be a noun phrase followed by a verb ("after the vote,
/// saying" is a preposition).
fn subordinate_subject(toks: &[Tok], lo: usize, k: usize) -> Option<(usize, usize)> {
    inner_clause_subject(toks, lo, k).map(|(_, s)| s)
}

/// "Protest groups say the rules are harsh, and the union has sued the city, saying …": a
/// participle continuing a second main clause joined by ", and" / ", but" after `from` (the
/// end of the previous attribution's cue) takes that clause's subject, not the source the
/// earlier attribution carried.
pub fn coordinated_subject(
    toks: &[Tok],
    lo: usize,
    k: usize,
    from: usize,
) -> Option<(usize, usize)> {
    let (j, s) = inner_clause_subject(toks, lo, k)?;
    (j >= from && !toks[j].in_class(class::SUBORDINATOR)).then_some(s)
}

/// "The mayor, who toured the plant and said …", "the agency, which reviewed the data but
/// found …": a verb after the coordinator at `k` that goes on with a relative clause set off
/// by a comma or dash, not closed before the coordinator, has the relative pronoun for its
/// subject (named by the noun before it), not the sentence's. A relative clause with no comma
/// before it ("mothers who lost children and said") may end before the coordinator: left
/// alone.
pub fn relative_clause_subject(toks: &[Tok], lo: usize, k: usize) -> Option<(usize, usize)> {
    let floor = k.saturating_sub(MAX_SUBORDINATE).max(lo + 1);
    for j in (floor..k).rev() {
        let t = &toks[j];
        let breaks = !t.word && matches!(t.lower.as_str(), "-" | "—" | "–" | ";" | ":" | "(" | ")");
        if t.in_quote || t.is_comma() || breaks || t.in_class(class::SUBORDINATOR) {
            return None;
        }
        if t.word && t.in_class(class::RELATIVE_PRONOUN) {
            let p = &toks[j - 1];
            let set_off = p.is_comma() || matches!(p.lower.as_str(), "-" | "—" | "–");
            return set_off.then_some((j, j + 1));
        }
    }
    None
}

/// [`subordinate_subject`] with the word that opens the inner clause.
fn inner_clause_subject(toks: &[Tok], lo: usize, k: usize) -> Option<(usize, (usize, usize))> {
    let floor = k.saturating_sub(MAX_SUBORDINATE).max(lo + 1);
    let j = (floor..k)
        .rev()
        .find(|&j| opens_inner_clause(toks, lo, j))?;
    // Inside the main clause (its subject before the subordinator: "Although they …, the
    // party …" opens the sentence), and with no comma before the cue's own one ("after it
    // rose, will fall …, implying" goes back to the main clause).
    let inside = sentence_subject_plain(toks, lo, j).is_some();
    if !inside || (j + 1..k.saturating_sub(1)).any(|c| toks[c].is_comma()) {
        return None;
    }
    let (s, end) = sentence_subject_plain(toks, j + 1, k)?;
    let v = toks.get(end).filter(|_| end < k)?;
    let verb = v.word
        && !v.cap
        && (v.in_class(class::AUX | class::IRREGULAR_PAST)
            || v.lower.ends_with("ed")
            || is_verb_cue(v));
    verb.then_some((j, (s, end)))
}

/// Does the word at `j` open a clause inside the sentence that a later verb may continue: a
/// subordinator ("when", "after"), or "and"/"but" after a comma, which join a second main
/// clause with its own subject ("Lee spoke first, and the mayor sued the city, saying …")?
fn opens_inner_clause(toks: &[Tok], lo: usize, j: usize) -> bool {
    let t = &toks[j];
    if !t.word || t.cap || t.in_quote {
        return false;
    }
    let coordinated = (t.is("and") || t.is("but")) && j > lo && toks[j - 1].is_comma();
    t.in_class(class::SUBORDINATOR) || coordinated
}

/// "On Tuesday she …", "Last week the mayor …": an opening time phrase written without a
/// comma, an [adjunct_opener] then a day name (a capitalised [adjunct_opener] inside the
/// sentence) or a [time_noun], before a subject pronoun or a determiner or capitalised word.
/// Where the subject starts, or None.
fn bare_time_opening_end(toks: &[Tok], lo: usize, k: usize) -> Option<usize> {
    let (t, when) = (toks.get(lo)?, toks.get(lo + 1)?);
    let day = when.cap && when.in_class(class::OPENS_ADJUNCT);
    let time = t.word && t.cap && t.in_class(class::OPENS_ADJUNCT) && !t.in_quote;
    if !time || !(day || when.in_class(class::TIME_NOUN)) || lo + 2 >= k {
        return None;
    }
    let next = &toks[lo + 2];
    let subject = next.in_class(class::SUBJECT_PRONOUN | class::DETERMINER) || next.cap;
    (next.word && subject && !next.in_quote).then_some(lo + 2)
}
