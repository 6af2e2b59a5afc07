//! Attributions whose source comes after (the first part of) their content: the postposed
//! reporting clause ("CONTENT, the ministry said.", "CONTENT, said X", "A, he said, B") and
//! "according to X" before, after or inside its content.

use super::clauses::Raw;
use super::content_bounds::{
    account_end, adjunct_only, content_end, is_participle_cue, n_words, skip_hearer, trim_end,
    trim_start,
};
use super::cues::{cue_at, Cue, CueKind};
use super::lexicon;
use super::sources::{apposition_after, post_modifier_end, source_left, source_right};
use super::tokens::{class, Tok};

/// The postposed attribution of `[lo, e)`, if any, and the token to continue from.
pub(super) fn postposed(toks: &[Tok], lo: usize, e: usize) -> Option<(Raw, usize)> {
    for j in lo + 2..e {
        // A content from `lo` to a cue past a direct quote would hold that quote.
        if toks[j].in_direct {
            break;
        }
        if !toks[j].word || toks[j].cap || toks[j].in_quote {
            continue;
        }
        let Some(cue) = cue_at(toks, lo, e, j) else {
            continue;
        };
        if !matches!(cue.kind, CueKind::Clause | CueKind::Object) {
            continue;
        }
        let after = if cue.kind == CueKind::Object {
            skip_hearer(toks, cue.t1, e)
        } else {
            cue.t1
        };
        // "…, said the spokesman (, a former aide)." A participle is no inverted cue: "…,
        // noting the size of the crowd, said" has its object after it, not its source. The
        // comma may close a quoted phrase: "The mayor is ''not a quitter,'' said Ruiz."
        let quote_comma = j >= lo + 3 && toks[j - 1].is_quote_mark() && toks[j - 2].is_comma();
        if (toks[j - 1].is_comma() || quote_comma)
            && !is_participle_cue(&toks[j])
            && !subject_apposition(toks, lo, j)
        {
            // A tail after the source is only sought after a verb of saying with no object
            // ("told Ana Ruiz that …" has its content there).
            let tail = |s1: usize| {
                (cue.kind == CueKind::Clause)
                    .then(|| tail_to_end(toks, s1, e))
                    .flatten()
            };
            // The source ends the sentence, opens an apposition or is placed by a short
            // adjunct: "…, said X(, the CEO).", "…, said X in Oslo."
            // or is described by a tail to the sentence end: "…, said X who saw it."
            let ends = |src: &(usize, usize)| {
                src.1 == e
                    || toks[src.1].is_comma()
                    || {
                        let placed = lexicon::is_placing_preposition(&toks[src.1].lower);
                        let (adj, seg) = adjunct_only(toks, src.1, e);
                        placed && adj && (seg == e || toks[seg].is_comma())
                    }
                    || tail(src.1).is_some()
            };
            if let Some(src) = source_right(toks, cue.t1, e).filter(ends) {
                let close = if quote_comma { j } else { j - 1 };
                let content = (lo, trim_end(toks, lo, close));
                if n_words(toks, content.0, content.1) >= 2 {
                    let mut raw = Raw {
                        parts: vec![content],
                        source: Some(src),
                        cue: (cue.t0, cue.t1),
                    };
                    let (_, seg) = adjunct_only(toks, src.1, e);
                    let tail_end = tail(src.1);
                    // "The plan, said Ana Ruiz, would fail": the content goes on after the
                    // source when a verb, not an apposition, follows it.
                    let resumes = tail_end.is_none()
                        && toks
                            .get(src.1 + 1)
                            .filter(|_| src.1 < e)
                            .is_some_and(|t| t.word && !t.cap && t.in_class(class::AUX));
                    if resumes {
                        let b1 = content_end(toks, src.1 + 1, e);
                        if b1 > src.1 + 1 {
                            raw.parts.push((src.1 + 1, b1));
                            return Some((raw, b1));
                        }
                    }
                    // A relative clause or prepositional tail describing the source is no
                    // content of its own: go on after it.
                    let next = tail_end.unwrap_or(seg.max(src.1));
                    return Some((raw, next));
                }
            }
        }
        let Some(src) = source_left(toks, lo, cue.t0) else {
            continue;
        };
        let clause_cue = cue.kind == CueKind::Clause;
        let after_comma = |s: (usize, usize)| comma_before(toks, lo, s.0, clause_cue).is_some();
        let Some(src) = Some(src)
            .filter(|&s| after_comma(s))
            // A cue that is more often a noun ("show", "report") needs its source right before.
            .or_else(|| {
                let verb = !toks[cue.t0].in_class(class::NOUN_VERB);
                postmodified_source(toks, lo, src).filter(|&s| verb && after_comma(s))
            })
        else {
            continue;
        };
        let Some(comma) = comma_before(toks, lo, src.0, clause_cue) else {
            continue;
        };
        let (adj, seg) = adjunct_only(toks, after, e);
        if !adj {
            continue;
        }
        let first = (trim_start(toks, lo, comma), trim_end(toks, lo, comma));
        if n_words(toks, first.0, first.1) < 2 {
            continue;
        }
        let cue_span = (cue.t0, cue.t1.max(after));
        let mut raw = Raw {
            parts: vec![first],
            source: Some(src),
            cue: cue_span,
        };
        let mut next = seg;
        // "A, he said, B": the content goes on after the parenthetical.
        if seg < e && !toks.get(seg + 1).is_some_and(is_participle_cue) {
            let b0 = trim_start(toks, seg + 1, e);
            let b1 = content_end(toks, b0, e);
            if b1 > b0 && n_words(toks, b0, b1) >= 1 {
                raw.parts.push((b0, b1));
                next = b1;
            }
        }
        return Some((raw, next));
    }
    None
}

/// Most tokens of a relative clause or prepositional tail after an inverted source.
const MAX_SOURCE_TAIL: usize = 20;

/// "…, said a group of farmers who met the minister.", "…, says one analyst at a shipping
/// firm who tracks freight rates.": after an inverted source (ending at `s1`), a relative
/// clause or a prepositional phrase that runs to the sentence end `e`, with no clause
/// punctuation or quote in it, describes the source. The source keeps its head phrase (its
/// speaker), and the tail is skipped: returns the end of the tail.
fn tail_to_end(toks: &[Tok], s1: usize, e: usize) -> Option<usize> {
    let first = toks.get(s1).filter(|_| s1 < e)?;
    let opens = first.word
        && !first.cap
        && (first.in_class(class::RELATIVE_PRONOUN | class::PREPOSITION)
            || lexicon::opens_source_tail(&first.lower));
    let end = trim_end(toks, s1, e);
    if !opens || end - s1 > MAX_SOURCE_TAIL {
        return None;
    }
    let plain = toks[s1..end]
        .iter()
        .all(|t| !t.is_clause_punct() && !t.in_quote && !t.in_direct);
    plain.then_some(end)
}

/// The comma that sets off a postposed source starting at `s0`: right before it ("A, the
/// mayor said") or, for a verb of saying, before an "as" ("A, as the mayor has said", "A, as
/// some have speculated": the writer states A and credits it to the source).
fn comma_before(toks: &[Tok], lo: usize, s0: usize, clause_cue: bool) -> Option<usize> {
    if s0 >= lo + 2 && toks[s0 - 1].is_comma() {
        return Some(s0 - 1);
    }
    if clause_cue && s0 >= lo + 3 && toks[s0 - 1].is("as") && toks[s0 - 2].is_comma() {
        return Some(s0 - 2);
    }
    None
}

/// "Ana Ruiz, a Democrat who represents the district, said the mayor lied": everything before
/// the comma ahead of the cue at `j` is one noun phrase with an apposition, so it is the
/// subject of the cue (the source), not a content whose source follows the cue.
fn subject_apposition(toks: &[Tok], lo: usize, j: usize) -> bool {
    let end = trim_end(toks, lo, j - 1);
    let inner_comma = toks[lo..end].iter().any(|t| t.is_comma());
    inner_comma && source_left(toks, lo, j) == Some((lo, end))
}

/// Most words before the noun phrase that ends a source with a modifier after its head ("a
/// spokesman for | the city").
const MAX_MODIFIER: usize = 10;

/// "…, a spokesman for the city said.", "…, people familiar with the talks said.", "…,
/// officials who attended the meeting said.": the noun phrase right before the cue (`src`,
/// "the city") ends a modifier of the source's head, and the source is the whole phrase from
/// the comma before it. Its first word opens a noun phrase, not another clause or an adjunct
/// ("…, and the city said", "…, as the mayor said", "…, on Monday the mayor said"), and it
/// holds no auxiliary outside a relative clause ("…, the levy will rise the mayor said").
fn postmodified_source(toks: &[Tok], lo: usize, src: (usize, usize)) -> Option<(usize, usize)> {
    let floor = src.0.saturating_sub(MAX_MODIFIER).max(lo + 2);
    let mut c = src.0;
    while c > floor && toks[c - 1].word && !toks[c - 1].in_quote {
        c -= 1;
    }
    if c == src.0 || !toks[c - 1].is_comma() || toks[c - 1].in_quote {
        return None;
    }
    let first = &toks[c];
    let opens_other = first.in_class(
        class::SUBORDINATOR
            | class::OPENS_ADJUNCT
            | class::OPENS_COMPLEMENT
            | class::PREPOSITION
            | class::AUX
            | class::CLAUSE_LINK,
    );
    // The phrase before the cue hangs on the head by a preposition ("an aide to | the mayor")
    // or a coordination ("union members and | leaders"), or a relative clause holds it
    // ("officials who attended | the meeting"); a relative word is no source of its own.
    let link = &toks[src.0 - 1];
    let hangs = (link.in_class(class::PREPOSITION) && !link.in_class(class::NOT_MODIFIER_LINK))
        || link.in_class(class::MODIFIER_LINK);
    let relative_word = |t: &Tok| t.in_class(class::RELATIVE_PRONOUN | class::RELATIVE_AFTER_NOUN);
    if opens_other || toks[src.0].in_class(class::OPENS_COMPLEMENT) {
        return None;
    }
    // What comes before the comma must be a content: not an opening adjunct ("On Monday, …",
    // "Earlier this week, …") nor a name the phrase is an apposition of ("Sam Lee, the director
    // of the agency, said").
    let (adjunct, end) = adjunct_only(toks, lo, c - 1);
    let name = toks[lo..c - 1].iter().all(|t| t.cap || !t.word);
    if (adjunct && end == c - 1) || name {
        return None;
    }
    let mut relative = false;
    for t in &toks[c..src.0] {
        relative |= relative_word(t);
        // A verb of the clause before ("…, wondering what he believes"), or a reporting verb
        // (the stretch is a clause, not a noun phrase).
        let verb = t.is_ing_form() || t.in_class(class::CLAUSE_CUE | class::STANCE_CUE);
        if verb || (!relative && t.in_class(class::AUX | class::AUXILIARY_VERB)) {
            return None;
        }
    }
    if !hangs && !relative {
        return None;
    }
    Some((c, src.1))
}

/// "according to X, CONTENT" / "CONTENT, according to X" / "A, according to X, B".
pub(super) fn according(toks: &[Tok], lo: usize, e: usize, cue: &Cue) -> Option<(Raw, usize)> {
    // `lo` is where the sentence's last attribution ended: the content before "according to"
    // starts there, not inside an earlier content.
    let s0 = cue.t1;
    let mut parts = Vec::new();
    let before = trim_end(toks, lo, cue.t0);
    let has_before = n_words(toks, lo, before) >= 2;
    if has_before {
        parts.push((trim_start(toks, lo, before), before));
    }
    let s1 = according_source_end(toks, s0, e, has_before)?;
    let a0 = trim_start(toks, s1, e);
    let a1 = account_end(toks, a0, e);
    // "A rose, according to the count, but the rival has vowed to …": after a content before
    // the source, ", but" opens the writer's next clause, no more of the account.
    let contrast = has_before && toks.get(a0).is_some_and(|t| t.is("but") && !t.in_quote);
    if s1 < e && !contrast && n_words(toks, a0, a1) >= 2 {
        parts.push((a0, a1));
    }
    if parts.is_empty() {
        return None;
    }
    let next = parts.last().map_or(e, |p| p.1).max(s1);
    Some((
        Raw {
            parts,
            source: Some((s0, s1)),
            cue: (cue.t0, cue.t1),
        },
        next,
    ))
}

/// The end of the source of "according to" at `s0` (its first word): at the next clause
/// punctuation, with an apposition or a relative clause describing it.
fn according_source_end(toks: &[Tok], s0: usize, e: usize, has_before: bool) -> Option<usize> {
    let mut s1 = s0;
    while s1 < e && !toks[s1].is_clause_punct() && s1 - s0 < 12 {
        s1 += 1;
    }
    if s1 == s0 {
        return None;
    }
    // "…, according to Ana Ruiz, a spokeswoman for the city." and "According to Ana Ruiz, a
    // spokeswoman for the city, the talks …": the apposition belongs to the source. After a
    // content it must end the sentence; before one it must end at a comma.
    if let Some(q) = apposition_after(toks, s1, e) {
        let at_end = toks[q..e].iter().all(|t| !t.word);
        let closes = if has_before {
            at_end
        } else {
            toks.get(q).is_some_and(|t| t.is_comma()) && q + 1 < e
        };
        if closes {
            s1 = q;
        }
    }
    // "…, according to the group, which tracks them." and "According to the group, which
    // tracks them, the talks …": a relative clause after the source describes it.
    if let Some(q) = relative_after(toks, s1, e) {
        let closes = if has_before {
            q == e
        } else {
            toks.get(q).is_some_and(|t| t.is_comma()) && q + 1 < e
        };
        if closes {
            s1 = q;
        }
    }
    Some(s1)
}

/// Most tokens between a direct quote's cue and ", according to" ("said Monday at a
/// briefing in the capital").
const MAX_QUOTE_ADJUNCT: usize = 10;

/// "“…,” the mayor said at a briefing, according to the paper.": the paper reports the quote
/// and its whole reporting clause. `from` is the token after the quote's cue, `e` the end of
/// the sentence (or the quote's next part). Returns the comma before "according", the cue and
/// the source.
pub(super) fn according_after_quote(
    toks: &[Tok],
    from: usize,
    e: usize,
) -> Option<(usize, Cue, (usize, usize))> {
    let e = trim_end(toks, from, e);
    let c = (from..e.min(from + MAX_QUOTE_ADJUNCT)).find(|&k| toks[k].is_clause_punct())?;
    let plain = toks[from..c].iter().all(|t| !t.in_quote && !t.in_direct);
    if !toks[c].is_comma() || !plain || !toks.get(c + 1).is_some_and(|t| t.is("according")) {
        return None;
    }
    let cue = cue_at(toks, from, e, c + 1).filter(|c| c.kind == CueKind::According)?;
    let s1 = according_source_end(toks, cue.t1, e, true)?;
    // The account ends with its source: "…, according to the paper, and she left" is more.
    if toks[s1..e].iter().any(|t| t.word) {
        return None;
    }
    Some((c, cue, (cue.t1, s1)))
}

/// Most tokens of a relative clause describing a source after its relative word ("which |
/// monitors extremist sites").
const MAX_RELATIVE: usize = 16;

/// The end (exclusive, at the next clause punctuation or `e`) of a relative clause "who …" or
/// "which …" opened at the comma `c` right after a source ([`post_modifier_end`]).
fn relative_after(toks: &[Tok], c: usize, e: usize) -> Option<usize> {
    let rel = toks
        .get(c + 1)
        .filter(|_| c + 1 < e)
        .is_some_and(|t| t.in_class(class::RELATIVE_PRONOUN));
    if !rel {
        return None;
    }
    post_modifier_end(toks, c, e, MAX_RELATIVE + 1)
}

/// "CONTENT, according to X." and "A, according to X, B": an "according to" after a comma
/// makes everything before it its content, the outermost attribution of the sentence ("The
/// rebels called for attacks, according to a monitor": the monitor reports the call), so cues
/// inside that content are not attributions of their own. Not past a direct quote, whose own
/// speaker reports it.
pub(super) fn according_tag(toks: &[Tok], lo: usize, e: usize) -> Option<(Raw, usize)> {
    let mut k = lo + 2;
    while k < e {
        let t = &toks[k];
        if t.in_direct {
            return None;
        }
        if t.is("according") && !t.in_quote && toks[k - 1].is_comma() && !toks[k - 1].in_quote {
            let cue = cue_at(toks, lo, e, k).filter(|c| c.kind == CueKind::According)?;
            return according(toks, lo, e, &cue);
        }
        k += 1;
    }
    None
}
