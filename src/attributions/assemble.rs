//! From quotes and clause rules to [`Attribution`]s: byte spans, speakers, kinds.

use super::clauses::{self, Raw};
use super::forms;
use super::lead_in::{fronted_lead_in, postposed_lead_in, reported_lead_in};
use super::lexicon;
use super::tokens::{self, Tok};
use super::{Attribution, AttributionKind, Attributions};
use crate::quotes::{self, Quote, QuoteKind, ResolvedMention};
use crate::Span;
use rustc_hash::FxHashMap;

mod after_quotes;
use after_quotes::{participles_after_quotes, quote_accounts};

pub(super) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»' | '`' | '„'
    )
}

/// The quote span widened over its quotation marks (two for the `''` pair).
fn with_marks(text: &str, s: Span) -> Span {
    let (mut a, mut b) = (s.start, s.end);
    for _ in 0..2 {
        match text.get(..a).and_then(|x| x.chars().next_back()) {
            Some(c) if is_mark(c) => a -= c.len_utf8(),
            _ => break,
        }
    }
    for _ in 0..2 {
        match text.get(b..).and_then(|x| x.chars().next()) {
            Some(c) if is_mark(c) => b += c.len_utf8(),
            _ => break,
        }
    }
    Span::new(a, b)
}

pub(super) fn sentence_of(sentences: &[Span], pos: usize) -> usize {
    let i = sentences.partition_point(|s| s.end <= pos);
    i.min(sentences.len().saturating_sub(1))
}

fn is_pronoun(w: &str) -> bool {
    lexicon::is_pronoun_source(&w.to_lowercase())
}

/// The speaker a source names: the first resolved mention inside it, else the source itself
/// (an organisation, a document, an unnamed group), or None for an unresolved pronoun.
pub(super) fn speaker_of(text: &str, source: Span, mentions: &[ResolvedMention]) -> Option<String> {
    let first = mentions.partition_point(|m| m.span.start < source.start);
    // "Ted Cruz, who said …": the relative pronoun names the mention right before it.
    // "the group that said …": a relative "that" names nobody by itself.
    if lexicon::is_relative_after_noun(source.of(text)) {
        return None;
    }
    if lexicon::is_relative_pronoun(source.of(text)) {
        let before = mentions[..first].last()?;
        let gap = text.get(before.span.end..source.start)?;
        return (before.name.as_deref())
            .filter(|_| gap.trim() == ",")
            .map(str::to_string);
    }
    for m in mentions[first..]
        .iter()
        .take_while(|m| m.span.start < source.end)
    {
        if m.span.end <= source.end {
            if let Some(n) = &m.name {
                return Some(String::from(&**n));
            }
        }
    }
    let s = source
        .of(text)
        .trim_matches(|c: char| c.is_whitespace() || c == ',');
    let (s, _) = tokens_possessive(s);
    if is_pronoun(s) {
        return None;
    }
    let lower = s.to_lowercase();
    let s = ["the ", "a ", "an "]
        .iter()
        .find(|d| lower.starts_with(*d))
        .map_or(s, |d| &s[d.len()..]);
    (!s.is_empty()).then(|| s.to_string())
}

/// "Trump's" -> ("Trump", true).
fn tokens_possessive(s: &str) -> (&str, bool) {
    for suffix in ["'s", "’s"] {
        if let Some(x) = s.strip_suffix(suffix) {
            return (x, true);
        }
    }
    (s, false)
}

/// Does quote `next` continue the split quote that `first` opened ("“A,” he said. “B.”")?
/// The same speaker mention, in one paragraph, with no reporting participle between them:
/// "“A,” he said, adding that “B”" is a second attribution.
fn continues(text: &str, first: &Quote, next: &Quote, prev_hull: Span, hull: Span) -> bool {
    if next.kind != QuoteKind::Direct || first.mention.is_none() || next.mention != first.mention {
        return false;
    }
    let Some(gap) = text.get(prev_hull.end..hull.start) else {
        return false;
    };
    // "“A,” he said, adding that B. “C.”": the participle's clause ends before C, which goes
    // on with the quote (the participle is reported speech of its own all the same).
    let closed = gap.trim_end().ends_with(['.', '!', '?']);
    let participle = gap
        .split(|c: char| !c.is_alphabetic())
        .any(|w| tokens::ing_shaped(w) && lexicon::CLAUSE_CUES.contains(w));
    !gap.contains('\n') && (!participle || closed)
}

/// Does a headline quote (`hull`, its marks included) stand as an utterance of its own
/// ("Mayor: ‘We cannot wait’", "‘Enough,’ says union chief", "‘We were lied to’: families
/// demand answers") rather than as a fragment of the headline's sentence ("Council calls plan
/// ‘a disaster’")? Then it is a direct attribution, else a mixed one, as in the body.
fn headline_utterance(text: &str, quote: &Quote, hull: Span) -> bool {
    let line_start = text[..hull.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[hull.end..]
        .find('\n')
        .map_or(text.len(), |i| hull.end + i);
    let before = text[line_start..hull.start].trim_end();
    let after = text[hull.end..line_end].trim_start();
    let inner = text
        .get(quote.span.start..quote.span.end)
        .unwrap_or("")
        .trim_end();
    (before.is_empty() || before.ends_with(':'))
        && (after.is_empty()
            || after.starts_with([',', '.', ':', ';', '!', '?', '—', '–', '-'])
            || inner.ends_with([',', '!', '?']))
}

/// One `direct` attribution per quote, or per run of quotes with the same speaker mention in
/// one paragraph ("“A,” he said. “B.”").
fn direct(
    text: &str,
    sentences: &[Span],
    qs: &[Quote],
    hulls: &[Span],
    inner: &[bool],
) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < qs.len() {
        // "“… and she told me, ‘Stay calm.’ …,” he said": a quote inside another is a part of
        // the outer speaker's words, not an attribution of its own.
        if inner[i] {
            i += 1;
            continue;
        }
        // A headline quote set off as an utterance ("Mayor: ‘…’") is a direct attribution.
        let headline_direct =
            qs[i].kind == QuoteKind::Headline && headline_utterance(text, &qs[i], hulls[i]);
        if qs[i].kind != QuoteKind::Direct && !headline_direct {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < qs.len() && continues(text, &qs[i], &qs[j], hulls[j - 1], hulls[j]) {
            j += 1;
        }
        // A quote nobody is said to have said (a title, a nickname) is not an attribution.
        if qs[i].speaker.is_none() && qs[i..j].iter().all(|q| q.cue.is_none()) {
            i = j;
            continue;
        }
        let mut parts: Vec<Span> = hulls[i..j].to_vec();
        let cue = qs[i..j].iter().find_map(|q| q.cue);
        // "He said the nation has become “…”": reported words lead into the quote, so the
        // content starts after the cue and the attribution is mixed.
        let lead = cue.and_then(|c| {
            reported_lead_in(text, c, qs[i].mention, parts[0])
                .or_else(|| postposed_lead_in(text, sentences, c, parts[0]))
        });
        if let Some(start) = lead {
            parts[0] = Span::new(start, parts[0].end);
        }
        // "An economic downturn, he said, “…”": the fronted words are a part of their own.
        let fronted = match (lead, cue) {
            (None, Some(c)) => fronted_lead_in(text, sentences, c, qs[i].mention, parts[0]),
            _ => None,
        };
        if let Some(f) = fronted {
            parts.insert(0, f);
        }
        out.push(Attribution {
            content: Span::new(parts[0].start, parts[parts.len() - 1].end),
            parts,
            source: qs[i].mention,
            speaker: qs[i].speaker.clone(),
            cue,
            kind: if lead.is_some() || fronted.is_some() {
                AttributionKind::Mixed
            } else {
                AttributionKind::Direct
            },
            quotes: (i..j).collect(),
            sentence: qs[i].sentence,
            nested_in: None,
        });
        i = j;
    }
    out
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    ranges: &'a [(usize, usize)],
    sentences: &'a [Span],
    mentions: &'a [ResolvedMention],
    hulls: &'a [Span],
}

impl Ctx<'_> {
    fn span(&self, (a, b): (usize, usize)) -> Span {
        Span::new(self.toks[a].start, self.toks[b - 1].end)
    }

    /// Quotes whose hull lies inside `content`.
    fn quotes_in(&self, content: Span) -> Vec<usize> {
        let first = self.hulls.partition_point(|h| h.start < content.start);
        (first..self.hulls.len())
            .take_while(|&q| self.hulls[q].start < content.end)
            .filter(|&q| self.hulls[q].end <= content.end)
            .collect()
    }

    fn attribution(&self, raw: &Raw) -> Attribution {
        let parts: Vec<Span> = raw.parts.iter().map(|&p| self.span(p)).collect();
        let content = Span::new(parts[0].start, parts[parts.len() - 1].end);
        let source = raw.source.map(|s| self.span(s));
        let quotes = self.quotes_in(content);
        Attribution {
            content,
            parts,
            source,
            speaker: source.and_then(|s| speaker_of(self.text, s, self.mentions)),
            cue: Some(self.span(raw.cue)),
            kind: if quotes.is_empty() {
                AttributionKind::Indirect
            } else {
                AttributionKind::Mixed
            },
            quotes,
            sentence: sentence_of(self.sentences, content.start),
            nested_in: None,
        }
    }
}

/// Quotes the quote rules gave no speaker (scare quotes, NYT-style '' quotes) that a reporting
/// clause follows ("''…,'' said Ana Ruiz."): direct attributions with that clause's source.
fn unattributed_quotes(
    text: &str,
    sentences: &[Span],
    qs: &[Quote],
    hulls: &[Span],
    toks: &[Tok],
    ranges: &[(usize, usize)],
    mentions: &[ResolvedMention],
) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut next_free = 0;
    for (q, quote) in qs.iter().enumerate() {
        // A quote with a cue but nobody named ("“…,” they said" with no antecedent) is a
        // direct attribution of `direct` already.
        let has_cue = quote.cue.is_some();
        if q < next_free || quote.speaker.is_some() || has_cue || quote.kind == QuoteKind::Partial {
            continue;
        }
        let hull = hulls[q];
        // Only a quote that opens its sentence: "''…,'' he said", not "a so-called ''deal''".
        let s = sentence_of(sentences, hull.start);
        let Some(&(lo, hi)) = ranges.get(s) else {
            continue;
        };
        if toks.get(lo).map_or(true, |t| t.start < hull.start) {
            continue;
        }
        let from = toks.partition_point(|t| t.start < hull.end);
        let Some((src, cue)) = forms::source_after_quote(toks, from, hi) else {
            continue;
        };
        let source = Span::new(toks[src.0].start, toks[src.1 - 1].end);
        let cue = Span::new(toks[cue.0].start, toks[cue.1 - 1].end);
        // "''A,'' he said. ''B.''": the next quote of the paragraph, right after the clause.
        let mut parts = vec![hull];
        let mut last = q;
        while qs
            .get(last + 1)
            .is_some_and(|n| n.speaker.is_none() && n.kind != QuoteKind::Partial)
        {
            let said_end = sentences.get(s).map_or(cue.end, |x| x.end.max(cue.end));
            let gap = text
                .get(said_end.max(hulls[last].end)..hulls[last + 1].start)
                .unwrap_or("\n");
            if hulls[last + 1].start < cue.end
                || gap.len() > 24
                || gap.contains('\n')
                || gap.contains(|c: char| c.is_alphabetic())
            {
                break;
            }
            last += 1;
            parts.push(hulls[last]);
        }
        next_free = last + 1;
        out.push(Attribution {
            content: Span::new(hull.start, parts[parts.len() - 1].end),
            parts,
            source: Some(source),
            speaker: speaker_of(text, source, mentions),
            cue: Some(cue),
            kind: AttributionKind::Direct,
            quotes: (q..=last).collect(),
            sentence: s,
            nested_in: None,
        });
    }
    out
}

/// For each hull, does it lie inside another quote's hull (a quote within a quote)? One sort and
/// one sweep: a hull is inside when a hull starting no later reaches at least as far.
fn quoted_within_quotes(hulls: &[Span]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..hulls.len()).collect();
    // By start, the longer first on a tie, so an outer hull comes before what it holds.
    order.sort_by_key(|&q| (hulls[q].start, std::cmp::Reverse(hulls[q].end)));
    let mut inner = vec![false; hulls.len()];
    let mut reach = 0;
    for (n, &q) in order.iter().enumerate() {
        inner[q] = n > 0 && hulls[q].end <= reach;
        reach = reach.max(hulls[q].end);
    }
    inner
}

/// Quote hulls sorted and with nested ones dropped, for marking quoted tokens.
fn outer_hulls(hulls: &[Span]) -> Vec<Span> {
    let mut v = hulls.to_vec();
    v.sort();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for h in v {
        match out.last_mut() {
            Some(l) if h.start < l.end => l.end = l.end.max(h.end),
            _ => out.push(h),
        }
    }
    out
}

/// The reported speech around a partial quote: from its cue to the end of the sentence
/// ("called the plan “a disaster” for workers"), or from the sentence start to the quote when
/// the cue comes after it.
fn mixed_content(text: &str, sentences: &[Span], quote: &Quote, hull: Span) -> Span {
    let Some(s) = sentences.get(quote.sentence) else {
        return hull;
    };
    let trim_end = |end: usize| {
        let body = text[..end].trim_end_matches(|c: char| {
            matches!(c, '.' | ',' | ';' | ':' | '!' | '?') || c.is_whitespace()
        });
        body.len().max(hull.end)
    };
    match quote.cue {
        Some(c) if c.end <= hull.start && c.start >= s.start => {
            let start = c.end
                + (text[c.end..hull.start].len() - text[c.end..hull.start].trim_start().len());
            Span::new(start, trim_end(s.end.max(hull.end)))
        }
        Some(c) if c.start >= hull.end && s.start <= hull.start => Span::new(s.start, hull.end),
        _ => hull,
    }
}

pub fn run(text: &str, sentences: &[Span], nested: bool) -> Attributions {
    let (analysis, mentions, plain) = quotes::analyze_with_words(text, sentences);
    let qs = &analysis.quotes;
    let hulls: Vec<Span> = qs.iter().map(|q| with_marks(text, q.span)).collect();
    let (mut toks, ranges) = tokens::tokenize_after(text, sentences, &plain);
    drop(plain);
    tokens::mark_quoted_fresh(&mut toks, &outer_hulls(&hulls));
    let inner = quoted_within_quotes(&hulls);
    let mut out = direct(text, sentences, qs, &hulls, &inner);
    out.extend(unattributed_quotes(
        text, sentences, qs, &hulls, &toks, &ranges, &mentions,
    ));
    out.sort_by_key(|a| a.content.start);
    // A direct attribution's quotes and its cue: reported speech around them reaches into
    // neither ("“A,” said X, adding that B" is not "said" + "adding that B").
    let direct_parts: Vec<Span> = out
        .iter()
        .flat_map(|a| a.parts.iter().copied().chain(a.cue))
        .collect();
    tokens::mark_direct_fresh(&mut toks, &outer_hulls(&direct_parts));
    // Sentences a direct quote touches are that quote's; reported speech is looked for elsewhere.
    let mut taken = vec![false; sentences.len()];
    for a in &out {
        let s0 = sentences.partition_point(|s| s.end <= a.content.start);
        for (i, s) in sentences.iter().enumerate().skip(s0) {
            if s.start >= a.content.end {
                break;
            }
            taken[i] = true;
        }
    }
    let cx = Ctx {
        text,
        toks: &toks,
        ranges: &ranges,
        sentences,
        mentions: &mentions,
        hulls: &hulls,
    };
    // "“…,” she said, adding that …": reported speech of the quote's source after its cue.
    let mut reported = participles_after_quotes(&cx, &out);
    // "“…,” X said, according to Y": the quote's attribution is nested in Y's account.
    let mut outer_of: Vec<Option<usize>> = vec![None; out.len()];
    for (i, a) in quote_accounts(&cx, &out) {
        outer_of[i] = Some(reported.len());
        reported.push(a);
    }
    let mut participle_cues: Vec<Span> = reported.iter().filter_map(|a| a.cue).collect();
    participle_cues.sort();
    let with_nested = |top: Vec<Raw>| match nested {
        true => clauses::with_nested(&toks, top),
        false => top.into_iter().map(|r| (r, None)).collect(),
    };
    for (i, &(lo, hi)) in ranges.iter().enumerate() {
        if !taken[i] {
            let raws = with_nested(clauses::sentence(&toks, lo, hi));
            push_nested(&cx, &mut reported, raws, |_| true);
            continue;
        }
        // "X said A and added, “B”", "Asked whether …, she said: “…”": the reported speech
        // around the quotes, but not a participle the loop above gave the quote's source.
        let raws = with_nested(clauses::sentence_around_quotes(&toks, lo, hi));
        push_nested(&cx, &mut reported, raws, |a| {
            !a.cue
                .is_some_and(|c| participle_cues.binary_search(&c).is_ok())
        });
    }
    // A partial quote with a speaker outside any reported speech and any other quote is a mixed
    // attribution of its own: "“…, the governor would not say the words ‘X.’ …,” she said" are the
    // outer speaker's words.
    let mut covered = inner;
    for a in &reported {
        for &q in &a.quotes {
            covered[q] = true;
        }
    }
    for (q, quote) in qs.iter().enumerate() {
        let fragment = quote.kind == QuoteKind::Partial
            || (quote.kind == QuoteKind::Headline && !headline_utterance(text, quote, hulls[q]));
        if fragment && !covered[q] && quote.speaker.is_some() {
            let content = mixed_content(text, sentences, quote, hulls[q]);
            reported.push(Attribution {
                content,
                parts: vec![content],
                source: quote.mention,
                speaker: quote.speaker.clone(),
                cue: quote.cue,
                kind: AttributionKind::Mixed,
                quotes: vec![q],
                sentence: quote.sentence,
                nested_in: None,
            });
        }
    }
    if nested {
        let base = out.len();
        for (a, o) in out.iter_mut().zip(&outer_of) {
            a.nested_in = o.map(|j| j + base);
        }
    } else {
        let mut held = outer_of.iter();
        out.retain(|_| held.next().is_some_and(|o| o.is_none()));
    }
    let base = out.len();
    out.extend(reported.into_iter().map(|mut a| {
        a.nested_in = a.nested_in.map(|p| p + base);
        a
    }));
    Attributions {
        attributions: in_text_order(without_duplicate_readings(out)),
        quotes: analysis,
    }
}

/// Push a sentence's attributions from [`clauses::with_nested`] onto `into`, each nested one's
/// `nested_in` the index of its parent in `into`. One `keep` rejects is dropped with all the
/// attributions nested in it.
fn push_nested(
    cx: &Ctx,
    into: &mut Vec<Attribution>,
    raws: Vec<(Raw, Option<usize>)>,
    keep: impl Fn(&Attribution) -> bool,
) {
    // Where each of `raws` went in `into` (parents come before the attributions inside them).
    let mut at: Vec<Option<usize>> = Vec::with_capacity(raws.len());
    for (raw, parent) in raws {
        let parent_at = parent.and_then(|p| at.get(p).copied().flatten());
        let a = cx.attribution(&raw);
        if (parent.is_some() && parent_at.is_none()) || !keep(&a) {
            at.push(None);
            continue;
        }
        at.push(Some(into.len()));
        into.push(Attribution {
            nested_in: parent_at,
            ..a
        });
    }
}

/// `v` without each indirect attribution whose content lies inside a mixed one of the same cue:
/// both are readings of one report ("X called his rival, the senator, a “…”" read once as mixed
/// and once as indirect "his rival"), and the mixed one holds the whole of it. An attribution nested
/// in a dropped one is re-pointed to the dropped one's parent.
fn without_duplicate_readings(v: Vec<Attribution>) -> Vec<Attribution> {
    let mut mixed_by_cue: FxHashMap<Span, Vec<Span>> = FxHashMap::default();
    for a in &v {
        if let (AttributionKind::Mixed, Some(cue)) = (a.kind, a.cue) {
            mixed_by_cue.entry(cue).or_default().push(a.content);
        }
    }
    let inside_mixed = |a: &Attribution| {
        a.kind == AttributionKind::Indirect
            && a.cue.and_then(|c| mixed_by_cue.get(&c)).is_some_and(|m| {
                m.iter()
                    .any(|s| s.start <= a.content.start && a.content.end <= s.end)
            })
    };
    let dropped: Vec<bool> = v.iter().map(inside_mixed).collect();
    if !dropped.contains(&true) {
        return v;
    }
    // The nearest kept ancestor of `i`'s parent (nesting is a forest, at most MAX_NESTING deep).
    let kept_parent = |i: usize| {
        let mut p = v[i].nested_in;
        let mut d = 0;
        while let Some(j) =
            p.filter(|&j| dropped.get(j) == Some(&true) && d <= clauses::MAX_NESTING)
        {
            p = v[j].nested_in;
            d += 1;
        }
        p.filter(|&j| dropped.get(j) == Some(&false))
    };
    let mut new_at = vec![None; v.len()];
    let mut n = 0;
    for (i, d) in dropped.iter().enumerate() {
        if !d {
            new_at[i] = Some(n);
            n += 1;
        }
    }
    let parents: Vec<Option<usize>> = (0..v.len())
        .map(|i| kept_parent(i).and_then(|j| new_at[j]))
        .collect();
    v.into_iter()
        .zip(dropped.iter().zip(parents))
        .filter(|(_, (d, _))| !**d)
        .map(|(a, (_, nested_in))| Attribution { nested_in, ..a })
        .collect()
}

/// `v` sorted by content (start, end), outer before nested on a tie, with every `nested_in`
/// re-pointed to its parent's new index.
fn in_text_order(v: Vec<Attribution>) -> Vec<Attribution> {
    let depth = |mut i: usize| {
        let mut d = 0;
        while let Some(p) = v[i].nested_in.filter(|_| d <= clauses::MAX_NESTING) {
            i = p;
            d += 1;
        }
        d
    };
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by_key(|&i| (v[i].content.start, v[i].content.end, depth(i)));
    let mut new_at = vec![0; v.len()];
    for (n, &i) in order.iter().enumerate() {
        new_at[i] = n;
    }
    let mut slots: Vec<Option<Attribution>> = v.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots[i].take())
        .map(|mut a| {
            a.nested_in = a.nested_in.map(|p| new_at[p]);
            a
        })
        .collect()
}
