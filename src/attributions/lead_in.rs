//! Where a quote's content starts when reported words lead into it: after a preposed cue
//! ("said the plan is “a disaster”"), before a postposed one ("The plan “will not work,” she
//! said") or around a cue set off by commas ("An economic downturn, he said, “…”").

use super::assemble::{is_mark, sentence_of};
use super::lexicon;
use crate::Span;

/// Longest run of reported words between a cue and its quote that still leads into it.
const MAX_LEAD_IN: usize = 200;

/// Most words an adjunct or hearer may take between a cue and the "that" of its clause
/// ("told reporters outside a polling station in May that …").
const MAX_PREAMBLE_WORDS: usize = 12;

/// Fewest words of a lead-in that ends in a comma before the quote ("said its plan would
/// work, “…”"): fewer may be the speaker or an adjunct ("said the mayor, “…”").
const MIN_COMMA_LEAD_IN: usize = 5;

/// The words of `gap` with their byte offsets in it.
fn words_at(gap: &str) -> impl Iterator<Item = (usize, &str)> {
    gap.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - gap.as_ptr() as usize, w))
}

/// How a hearer phrase after a cue that takes one opens: a hearer word ("told reporters",
/// "told them"), a determiner ("told the paper") or a name ("told CNN", "told Ana Ruiz").
#[derive(Clone, Copy, PartialEq, Eq)]
enum HearerStart {
    Word,
    Determiner,
    Name,
}

fn hearer_start(w: &str) -> Option<HearerStart> {
    let lower = w.to_lowercase();
    if lexicon::is_hearer_word(&lower) {
        Some(HearerStart::Word)
    } else if lexicon::is_determiner(&lower) {
        Some(HearerStart::Determiner)
    } else if w.starts_with(char::is_uppercase) {
        Some(HearerStart::Name)
    } else {
        None
    }
}

/// The offset in `gap` of a "that" that opens the clause holding the quote, when only a hearer
/// or an adjunct stands before it ("told reporters that “…”", "said on Monday that “…”",
/// "acknowledged Sunday that “…”"). `object` says the cue takes a hearer ("told").
fn that_clause_at(gap: &str, object: bool) -> Option<usize> {
    for (i, (off, w)) in words_at(gap).take(MAX_PREAMBLE_WORDS).enumerate() {
        // A clause mark before "that" ends the preamble: "said on Monday, in a speech that …".
        if gap[..off].contains([',', ':', ';', '\n']) {
            return None;
        }
        if w == "that" {
            return Some(off);
        }
        let opens =
            lexicon::opens_adjunct(&w.to_lowercase()) || (object && hearer_start(w).is_some());
        if i == 0 && !opens {
            return None;
        }
    }
    None
}

/// Where the content starts when words of reported speech stand between a preposed cue and
/// its quote ("said the plan is “a disaster”", "tweeted that “…”", "told reporters that “…”",
/// "said on Monday that “…”", "pledged to make the city “…”"); None when only a colon, an
/// adjunct ("said on Monday, “…”"), a hearer ("told reporters: “…”") or the inverted source
/// ("said Ana Ruiz, “…”") does.
pub(super) fn reported_lead_in(
    text: &str,
    cue: Span,
    mention: Option<Span>,
    hull: Span,
) -> Option<usize> {
    if cue.end > hull.start || hull.start - cue.end > MAX_LEAD_IN {
        return None;
    }
    let from = match mention {
        Some(m) if m.start >= cue.end && m.end <= hull.start => m.end,
        _ => cue.end,
    };
    let gap = text.get(from..hull.start)?;
    if gap.contains('\n') {
        return None;
    }
    let cue_word = cue.of(text).to_lowercase();
    let object = lexicon::OBJECT_CUES.contains(cue_word.as_str());
    // "said (on Monday) that whatever happens, “…”": the "that" clause holds the quote however
    // it ends.
    if let Some(at) = that_clause_at(gap, object) {
        return Some(from + at);
    }
    let trimmed = gap.trim();
    let n_words = words_at(trimmed).take(MIN_COMMA_LEAD_IN).count();
    // "told reporters on Monday: “…”" is direct; "said she has one quality: “…”" is not.
    let short_colon = trimmed.ends_with(':') && n_words <= 3;
    let short_comma = trimmed.ends_with(',') && n_words < MIN_COMMA_LEAD_IN;
    if short_colon || short_comma {
        return None;
    }
    let mut words = words_at(gap);
    let (mut off, mut first) = words.next()?;
    // "told them the plan was “…”": the hearer ("them", "the paper", "CNN") is no part of
    // what was said; a hearer alone ("told reporters “…”") leaves the quote direct.
    if object {
        match hearer_start(first) {
            Some(HearerStart::Word) => (off, first) = words.next()?,
            Some(HearerStart::Determiner) => {
                words.next()?;
                (off, first) = words.next()?;
            }
            Some(HearerStart::Name) => {
                while first.starts_with(char::is_uppercase) {
                    (off, first) = words.next()?;
                }
            }
            None => {}
        }
    }
    let first = first.to_lowercase();
    // "pledged to make the city “…”": after an infinitive cue "to" opens the content.
    let infinitive = first == "to" && lexicon::TO_CUES.contains(cue_word.as_str());
    if (lexicon::opens_adjunct(&first) && !infinitive) || lexicon::is_hearer_word(&first) {
        return None;
    }
    Some(from + off)
}

/// Does `words` hold a reporting verb of its own ("X said A because", "he warned")?
fn has_reporting_verb(words: &str) -> bool {
    words_at(words).any(|(_, w)| {
        !w.starts_with(char::is_uppercase)
            && (lexicon::CLAUSE_CUES.contains(w) || lexicon::OBJECT_CUES.contains(w))
    })
}

/// Where the content starts when words of the quote's own sentence lead into a quote whose
/// cue follows it ("The plan “will not work,” she said", "Voters think “…,” he said"): at the
/// sentence start, a fronted adjunct included ("At the hearing, “…,” he said": annotators count
/// it in on newsdev train). None when the quote opens its sentence, follows a colon, another
/// quote or a reporting verb, or its cue is in another sentence.
pub(super) fn postposed_lead_in(
    text: &str,
    sentences: &[Span],
    cue: Span,
    hull: Span,
) -> Option<usize> {
    if cue.start < hull.end {
        return None;
    }
    let s = sentences.get(sentence_of(sentences, hull.start))?;
    if s.start > hull.start || cue.start >= s.end {
        return None;
    }
    let before = text.get(s.start..hull.start)?;
    let words = before.trim_end();
    // "…, he warned, “…,” she said" and "X said A because “…,” she said": a quote after a
    // reporting verb of its own is no continuation of the words before it.
    if before.contains('\n')
        || words.ends_with(':')
        || before.contains(is_mark)
        || has_reporting_verb(words)
    {
        return None;
    }
    words
        .contains(char::is_alphanumeric)
        .then(|| s.start + (before.len() - before.trim_start().len()))
}

/// The fronted words of a quote's sentence when its cue stands between them and the quote,
/// set off by commas ("An economic downturn, he said, “could be a good time to borrow”",
/// "Instead, Ana Ruiz said, “…”"): the content's first part. None when the cue opens the
/// sentence, a colon or other words follow the cue, or the fronted words hold a quote.
pub(super) fn fronted_lead_in(
    text: &str,
    sentences: &[Span],
    cue: Span,
    mention: Option<Span>,
    hull: Span,
) -> Option<Span> {
    if cue.end > hull.start {
        return None;
    }
    let (mut from, mut to) = (cue.start, cue.end);
    // The cue and its source stand together ("he said", "said Ana Ruiz"): "she sent an email
    // saying, “…”" is a clause of its own.
    if let Some(m) = mention.filter(|m| m.end <= hull.start) {
        let between = text.get(m.end.min(cue.end)..m.start.max(cue.start))?;
        if !between.trim().is_empty() {
            return None;
        }
        (from, to) = (from.min(m.start), to.max(m.end));
    }
    let s = sentences.get(sentence_of(sentences, hull.start))?;
    if s.start >= from || text.get(to..hull.start)?.trim() != "," {
        return None;
    }
    let before = text.get(s.start..from)?;
    let words = before.trim_end();
    if !words.ends_with(',')
        || before.contains(is_mark)
        || before.contains('\n')
        || has_reporting_verb(words)
    {
        return None;
    }
    // A quote opening with a capital is a sentence of its own after scene-setting words ("In a
    // statement, she said, “We …”"); a lower-case one continues the fronted words.
    let opens_lower = text
        .get(hull.start..hull.end)?
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase);
    if !opens_lower {
        return None;
    }
    let words = words.trim_end_matches(',').trim_end();
    let start = s.start + (before.len() - before.trim_start().len());
    (words.contains(char::is_alphanumeric) && start < s.start + words.len())
        .then(|| Span::new(start, s.start + words.len()))
}
