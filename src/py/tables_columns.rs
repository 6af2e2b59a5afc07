//! The six tables' columns, filled article by article: one struct per table, generic over the
//! form its cells take in Python ([`super::columns`]: lists or Arrow-layout buffers), and
//! handed over as dicts of columns (`into_dict`). The calls that fill them are in
//! [`super::tables`].

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::columns::{i32_of, reserve_vec, Article, Columns, OptInts};
use super::errors::internal;
use super::input::Text;
use crate::attributions::AttributionKind;
use crate::quotes::QuoteKind;
use crate::{sentiment, tables};

/// `reserve_for` on each named field.
macro_rules! reserve_fields {
    ($self:ident, $factor:ident: $($field:ident),+) => {
        $( $self.$field.reserve_for($factor); )+
    };
}

/// Room for a projected number of rows, made at once: a column that grows step by step moves
/// through ever larger blocks while it is small, and the blocks it leaves behind stay in the
/// heap between others; one early allocation of about the final size does not.
trait Reserve {
    /// Capacity for `factor` times the present length (nothing if there is room already).
    fn reserve_for(&mut self, factor: f64);
}

impl<T> Reserve for Vec<T> {
    fn reserve_for(&mut self, factor: f64) {
        reserve_vec(self, factor);
    }
}

impl Reserve for OptInts {
    fn reserve_for(&mut self, factor: f64) {
        OptInts::reserve_for(self, factor);
    }
}

impl Reserve for Descriptions {
    fn reserve_for(&mut self, factor: f64) {
        Descriptions::reserve_for(self, factor);
    }
}

impl Reserve for ScoreCols {
    fn reserve_for(&mut self, f: f64) {
        reserve_fields!(self, f: neg, neu, pos, compound);
    }
}

/// The four score columns of a table.
#[derive(Default)]
struct ScoreCols {
    neg: Vec<f64>,
    neu: Vec<f64>,
    pos: Vec<f64>,
    compound: Vec<f64>,
}

impl ScoreCols {
    fn push(&mut self, s: &sentiment::Scores) {
        self.neg.push(s.neg);
        self.neu.push(s.neu);
        self.pos.push(s.pos);
        self.compound.push(s.compound);
    }

    fn into_dict<C: Columns>(self, d: &Bound<'_, PyDict>) -> PyResult<()> {
        let py = d.py();
        d.set_item("neg", C::floats(py, self.neg)?)?;
        d.set_item("neu", C::floats(py, self.neu)?)?;
        d.set_item("pos", C::floats(py, self.pos)?)?;
        d.set_item("compound", C::floats(py, self.compound)?)
    }
}

/// The `kind` categories of the quotes table, sorted (the order pandas sorts the column in);
/// a row holds its kind's index here.
pub(super) const QUOTE_KINDS: [&str; 4] = ["direct", "headline", "partial", "scare"];
/// The `kind` categories of the attributions table, sorted.
pub(super) const ATTRIBUTION_KINDS: [&str; 3] = ["direct", "indirect", "mixed"];

/// A quote kind's code: its index in [`QUOTE_KINDS`]. A match on the enum, not a search of
/// the names: a new kind does not compile without a code (the test checks each names its kind).
fn quote_kind_code(kind: QuoteKind) -> i8 {
    match kind {
        QuoteKind::Direct => 0,
        QuoteKind::Headline => 1,
        QuoteKind::Partial => 2,
        QuoteKind::Scare => 3,
    }
}

/// An attribution kind's code: its index in [`ATTRIBUTION_KINDS`].
fn attribution_kind_code(kind: AttributionKind) -> i8 {
    match kind {
        AttributionKind::Direct => 0,
        AttributionKind::Indirect => 1,
        AttributionKind::Mixed => 2,
    }
}

// `doc` columns are positions in the caller's texts (int64); offsets, counts and numbers
// within a document are int32 ([`i32_of`]).

#[derive(Default)]
struct DocumentCols {
    doc: Vec<usize>,
    n_sentences: Vec<i32>,
    n_quotes: Vec<i32>,
    n_speakers: Vec<i32>,
    scores: ScoreCols,
}

#[derive(Default)]
struct SentenceCols<C> {
    doc: Vec<usize>,
    idx: Vec<i32>,
    start: Vec<i32>,
    end: Vec<i32>,
    text: C,
    scores: ScoreCols,
}

#[derive(Default)]
struct MentionCols<C> {
    doc: Vec<usize>,
    speaker: C,
    start: Vec<i32>,
    end: Vec<i32>,
    text: C,
}

/// The quotes table, and the attributions table (same columns).
#[derive(Default)]
struct QuoteCols<C> {
    doc: Vec<usize>,
    idx: Vec<i32>,
    start: Vec<i32>,
    end: Vec<i32>,
    text: C,
    /// Codes into the table's kinds ([`QUOTE_KINDS`], [`ATTRIBUTION_KINDS`]).
    kind: Vec<i8>,
    speaker: C,
    mention: C,
    mention_start: OptInts,
    mention_end: OptInts,
    cue: C,
    sentence: Vec<i32>,
    /// Attributions only (pushed by their loop, not for quotes): the row (`attribution`) of
    /// the one holding it.
    nested_in: OptInts,
    scores: ScoreCols,
}

/// One row of the quotes or attributions table, from a quote or an attribution.
struct QuoteRow<'r> {
    content: crate::Span,
    /// The kind's code.
    kind: i8,
    speaker: Option<&'r str>,
    mention: Option<crate::Span>,
    cue: Option<crate::Span>,
    sentence: usize,
    scores: &'r sentiment::Scores,
}

impl<C: Columns> QuoteCols<C> {
    fn reserve_for(&mut self, f: f64) {
        reserve_fields!(self, f: doc, idx, start, end, text, kind, speaker, mention);
        reserve_fields!(self, f: mention_start, mention_end, cue, sentence, nested_in, scores);
    }

    fn push(
        &mut self,
        art: &Article<'_, '_>,
        doc: usize,
        idx: usize,
        r: QuoteRow<'_>,
    ) -> PyResult<()> {
        let py = art.text.obj.py();
        let (start, end) = self.text.push_span(art, r.content)?;
        self.doc.push(doc);
        self.idx.push(i32_of(idx)?);
        self.start.push(i32_of(start)?);
        self.end.push(i32_of(end)?);
        self.kind.push(r.kind);
        self.speaker.push_str(py, r.speaker);
        let mention = self.mention.push_opt_span(art, r.mention)?;
        self.mention_start.push(mention.map(|m| m.0))?;
        self.mention_end.push(mention.map(|m| m.1))?;
        self.cue.push_opt_span(art, r.cue)?;
        self.sentence.push(i32_of(r.sentence)?);
        self.scores.push(r.scores);
        Ok(())
    }

    /// The columns as a dict; `idx_name` names the index column ("quote", "attribution"),
    /// `kinds` the categories of `kind`.
    fn into_dict<'py>(
        self,
        py: Python<'py>,
        idx_name: &str,
        kinds: &[&'static str],
    ) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("doc", C::ints(py, self.doc)?)?;
        d.set_item(idx_name, C::int32s(py, self.idx)?)?;
        d.set_item("start", C::int32s(py, self.start)?)?;
        d.set_item("end", C::int32s(py, self.end)?)?;
        d.set_item("text", self.text.into_py(py)?)?;
        d.set_item("kind", C::codes(py, self.kind, kinds)?)?;
        d.set_item("speaker", self.speaker.into_py(py)?)?;
        d.set_item("mention", self.mention.into_py(py)?)?;
        d.set_item("mention_start", C::opt_ints(py, self.mention_start)?)?;
        d.set_item("mention_end", C::opt_ints(py, self.mention_end)?)?;
        d.set_item("cue", self.cue.into_py(py)?)?;
        d.set_item("sentence", C::int32s(py, self.sentence)?)?;
        if idx_name == "attribution" {
            d.set_item("nested_in", C::opt_ints(py, self.nested_in)?)?;
        }
        self.scores.into_dict::<C>(&d)?;
        Ok(d)
    }
}

#[derive(Default)]
pub(super) struct SpeakerCols<C> {
    pub(super) doc: Vec<usize>,
    pub(super) speaker: C,
    n_quotes: Vec<i32>,
    n_mentions: Vec<i32>,
    n_direct: Vec<i32>,
    n_indirect: Vec<i32>,
    descriptions: Descriptions,
    compound: Vec<f64>,
}

/// The speakers' `descriptions` column (a list of str per row), flat while the run grows: each
/// row's number of descriptions, and their text one after another. Most speakers have none; a
/// `Vec<Vec<String>>` took 24 bytes a row and a heap block per description, all of it still
/// alive while Python's lists were made from it.
#[derive(Default)]
struct Descriptions {
    counts: Vec<u32>,
    text: String,
    /// End of each description in `text`.
    ends: Vec<usize>,
}

impl Descriptions {
    fn push(&mut self, descriptions: &[String]) -> PyResult<()> {
        let n = u32::try_from(descriptions.len()).map_err(|_| internal("descriptions"))?;
        for d in descriptions {
            self.text.push_str(d);
            self.ends.push(self.text.len());
        }
        self.counts.push(n);
        Ok(())
    }

    fn reserve_for(&mut self, factor: f64) {
        reserve_vec(&mut self.counts, factor);
    }

    /// A list of lists of str (a new list per row, as a user may change one).
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
        let out = PyList::empty(py);
        let (mut start, mut ends) = (0, self.ends.iter());
        for &n in &self.counts {
            // Each row's list at its exact size (appending would leave room to grow).
            let mut names = Vec::with_capacity(n as usize);
            for &end in ends.by_ref().take(n as usize) {
                let name = self.text.get(start..end);
                names.push(name.ok_or_else(|| internal("description"))?);
                start = end;
            }
            out.append(PyList::new(py, names)?)?;
        }
        Ok(out)
    }
}

/// The six tables, filled document by document.
#[derive(Default)]
pub(super) struct Tables<C> {
    documents: DocumentCols,
    sentences: SentenceCols<C>,
    quotes: QuoteCols<C>,
    pub(super) speakers: SpeakerCols<C>,
    mentions: MentionCols<C>,
    attributions: QuoteCols<C>,
    /// Whether attributions nested in others' contents are rows too.
    pub(super) nested: bool,
}

impl<C: Columns> Tables<C> {
    /// Empty tables; `nested`: attributions nested in others' contents are rows too.
    pub(super) fn new(nested: bool) -> Self {
        Tables {
            nested,
            ..Default::default()
        }
    }

    /// Room for `f` times the present rows in every column (see [`Reserve`]).
    pub(super) fn reserve_for(&mut self, f: f64) {
        let (dc, sc) = (&mut self.documents, &mut self.sentences);
        reserve_fields!(dc, f: doc, n_sentences, n_quotes, n_speakers, scores);
        reserve_fields!(sc, f: doc, idx, start, end, text, scores);
        self.quotes.reserve_for(f);
        self.attributions.reserve_for(f);
        let pc = &mut self.speakers;
        reserve_fields!(pc, f: doc, speaker, n_quotes, n_mentions, n_direct, n_indirect);
        reserve_fields!(pc, f: descriptions, compound);
        let mc = &mut self.mentions;
        reserve_fields!(mc, f: doc, speaker, start, end, text);
    }

    pub(super) fn add(&mut self, i: usize, t: &Text<'_>, d: &tables::DocTables) -> PyResult<()> {
        let py = t.obj.py();
        let art = Article::new(t);
        let dc = &mut self.documents;
        dc.doc.push(i);
        dc.n_sentences.push(i32_of(d.sentences.len())?);
        dc.n_quotes.push(i32_of(d.analysis.quotes.len())?);
        let n_speakers = d.analysis.speakers.len() + d.reported_speakers.len();
        dc.n_speakers.push(i32_of(n_speakers)?);
        dc.scores.push(&d.mean);
        let sc = &mut self.sentences;
        for (j, (&s, score)) in d.sentences.iter().zip(&d.sentence_scores).enumerate() {
            let (start, end) = sc.text.push_span(&art, s)?;
            sc.doc.push(i);
            sc.idx.push(i32_of(j)?);
            sc.start.push(i32_of(start)?);
            sc.end.push(i32_of(end)?);
            sc.scores.push(score);
        }
        for (j, (q, scores)) in d.analysis.quotes.iter().zip(&d.quote_scores).enumerate() {
            let row = QuoteRow {
                content: q.span,
                kind: quote_kind_code(q.kind),
                speaker: q.speaker.as_deref(),
                mention: q.mention,
                cue: q.cue,
                sentence: q.sentence,
                scores,
            };
            self.quotes.push(&art, i, j, row)?;
        }
        for (j, (a, scores)) in d.attributions.iter().zip(&d.attribution_scores).enumerate() {
            let row = QuoteRow {
                content: a.content,
                kind: attribution_kind_code(a.kind),
                speaker: a.speaker.as_deref(),
                mention: a.source,
                cue: a.cue,
                sentence: a.sentence,
                scores,
            };
            self.attributions.push(&art, i, j, row)?;
            self.attributions.nested_in.push(a.nested_in)?;
        }
        let pc = &mut self.speakers;
        for (k, (sp, &compound)) in d
            .analysis
            .speakers
            .iter()
            .zip(&d.speaker_compound)
            .enumerate()
        {
            let (n_direct, n_indirect) = d.speaker_attributions.get(k).copied().unwrap_or_default();
            pc.n_direct.push(i32_of(n_direct)?);
            pc.n_indirect.push(i32_of(n_indirect)?);
            pc.doc.push(i);
            pc.speaker.push_str(py, Some(&sp.name));
            pc.n_quotes.push(i32_of(sp.quotes.len())?);
            pc.n_mentions.push(i32_of(sp.mentions.len())?);
            pc.descriptions.push(&sp.descriptions)?;
            pc.compound.push(compound);
        }
        // Speakers heard only in reported speech ("the ministry said …") get a row too.
        for r in &d.reported_speakers {
            pc.doc.push(i);
            pc.speaker.push_str(py, Some(&r.name));
            pc.n_quotes.push(0);
            // The mentions table lists the quote pipeline's mentions only: none of theirs.
            pc.n_mentions.push(0);
            pc.n_direct.push(i32_of(r.n_direct)?);
            pc.n_indirect.push(i32_of(r.n_indirect)?);
            pc.descriptions.push(&[])?;
            pc.compound.push(r.compound);
        }
        let mc = &mut self.mentions;
        for (sp, m) in tables::mention_rows(&d.analysis) {
            let Some(name) = d.analysis.speakers.get(sp).map(|x| x.name.as_str()) else {
                continue;
            };
            let (start, end) = mc.text.push_span(&art, m)?;
            mc.doc.push(i);
            mc.speaker.push_str(py, Some(name));
            mc.start.push(i32_of(start)?);
            mc.end.push(i32_of(end)?);
        }
        Ok(())
    }

    /// The six tables as dicts of columns. `with_document_ids` adds the documents table's `doc`
    /// column; `analyze_columns` leaves it out because its documents are the texts in order.
    pub(super) fn into_dict(
        self,
        py: Python<'_>,
        with_document_ids: bool,
    ) -> PyResult<Bound<'_, PyDict>> {
        let Tables {
            documents: dc,
            sentences: sc,
            quotes: qc,
            speakers: pc,
            mentions: mc,
            attributions: ac,
            nested: _,
        } = self;
        let documents = PyDict::new(py);
        if with_document_ids {
            documents.set_item("doc", C::ints(py, dc.doc)?)?;
        }
        documents.set_item("n_sentences", C::int32s(py, dc.n_sentences)?)?;
        documents.set_item("n_quotes", C::int32s(py, dc.n_quotes)?)?;
        documents.set_item("n_speakers", C::int32s(py, dc.n_speakers)?)?;
        dc.scores.into_dict::<C>(&documents)?;

        let sentences = PyDict::new(py);
        sentences.set_item("doc", C::ints(py, sc.doc)?)?;
        sentences.set_item("sentence", C::int32s(py, sc.idx)?)?;
        sentences.set_item("start", C::int32s(py, sc.start)?)?;
        sentences.set_item("end", C::int32s(py, sc.end)?)?;
        sentences.set_item("text", sc.text.into_py(py)?)?;
        sc.scores.into_dict::<C>(&sentences)?;

        let quotes = qc.into_dict(py, "quote", &QUOTE_KINDS)?;
        let attributions = ac.into_dict(py, "attribution", &ATTRIBUTION_KINDS)?;

        let speakers = PyDict::new(py);
        speakers.set_item("doc", C::ints(py, pc.doc)?)?;
        speakers.set_item("speaker", pc.speaker.into_py(py)?)?;
        speakers.set_item("n_quotes", C::int32s(py, pc.n_quotes)?)?;
        speakers.set_item("n_mentions", C::int32s(py, pc.n_mentions)?)?;
        speakers.set_item("n_direct", C::int32s(py, pc.n_direct)?)?;
        speakers.set_item("n_indirect", C::int32s(py, pc.n_indirect)?)?;
        speakers.set_item("descriptions", pc.descriptions.into_py(py)?)?;
        speakers.set_item("compound", C::floats(py, pc.compound)?)?;

        let mentions = PyDict::new(py);
        mentions.set_item("doc", C::ints(py, mc.doc)?)?;
        mentions.set_item("speaker", mc.speaker.into_py(py)?)?;
        mentions.set_item("start", C::int32s(py, mc.start)?)?;
        mentions.set_item("end", C::int32s(py, mc.end)?)?;
        mentions.set_item("text", mc.text.into_py(py)?)?;

        let all = PyDict::new(py);
        all.set_item("documents", documents)?;
        all.set_item("sentences", sentences)?;
        all.set_item("quotes", quotes)?;
        all.set_item("speakers", speakers)?;
        all.set_item("mentions", mentions)?;
        all.set_item("attributions", attributions)?;
        Ok(all)
    }
}

impl<C> Tables<C> {
    /// `(doc, speaker)` columns of the four tables with a speaker column.
    pub(super) fn speaker_columns(&mut self) -> [(&[usize], &mut C); 4] {
        [
            (&self.quotes.doc, &mut self.quotes.speaker),
            (&self.attributions.doc, &mut self.attributions.speaker),
            (&self.speakers.doc, &mut self.speakers.speaker),
            (&self.mentions.doc, &mut self.mentions.speaker),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_code_and_the_categories_are_sorted() {
        use AttributionKind as A;
        use QuoteKind as Q;
        let quotes = [Q::Direct, Q::Partial, Q::Scare, Q::Headline];
        let codes: Vec<i8> = quotes.map(quote_kind_code).to_vec();
        assert_eq!(codes, [0, 2, 3, 1]);
        let atts = [A::Direct, A::Mixed, A::Indirect];
        let codes: Vec<i8> = atts.map(attribution_kind_code).to_vec();
        assert_eq!(codes, [0, 2, 1]);
        // Each code is the index of the kind's name in the categories Python is given.
        let name = |names: &[&'static str], c: i8| usize::try_from(c).ok().map(|c| names[c]);
        for q in quotes {
            assert_eq!(name(&QUOTE_KINDS, quote_kind_code(q)), Some(q.as_str()));
        }
        for a in atts {
            assert_eq!(
                name(&ATTRIBUTION_KINDS, attribution_kind_code(a)),
                Some(a.as_str())
            );
        }
        assert!(QUOTE_KINDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ATTRIBUTION_KINDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn offsets_and_counts_beyond_int32_are_an_error_not_a_wrong_value() {
        assert_eq!(i32_of(0).unwrap(), 0);
        assert_eq!(i32_of(i32::MAX as usize).unwrap(), i32::MAX);
        assert!(i32_of(i32::MAX as usize + 1).is_err());
        let mut o = OptInts::default();
        assert!(o.push(Some(1 << 31)).is_err());
    }
}
