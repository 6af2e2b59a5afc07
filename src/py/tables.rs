//! `analyze_columns`: the six tables of many articles as column lists (pandas-ready).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use super::batch::{articles_pipeline, check_threads};
use super::input::{exact_strs, Text};
use super::types::Out;
use crate::{sentiment, tables};

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

    fn into_dict(self, d: &Bound<'_, PyDict>) -> PyResult<()> {
        set(d, "neg", self.neg)?;
        set(d, "neu", self.neu)?;
        set(d, "pos", self.pos)?;
        set(d, "compound", self.compound)
    }
}

fn set<'py, T: IntoPyObject<'py>>(d: &Bound<'py, PyDict>, name: &str, v: Vec<T>) -> PyResult<()> {
    d.set_item(name, PyList::new(d.py(), v)?)
}

#[derive(Default)]
struct DocumentCols {
    n_sentences: Vec<usize>,
    n_quotes: Vec<usize>,
    n_speakers: Vec<usize>,
    scores: ScoreCols,
}

/// Columns of the sentences table, and of the mentions table (which has no sentence index and
/// no scores).
#[derive(Default)]
struct SpanCols {
    doc: Vec<usize>,
    speaker: Vec<Option<String>>,
    idx: Vec<usize>,
    start: Vec<usize>,
    end: Vec<usize>,
    text: Vec<Py<PyString>>,
    scores: ScoreCols,
}

#[derive(Default)]
struct QuoteCols {
    doc: Vec<usize>,
    idx: Vec<usize>,
    start: Vec<usize>,
    end: Vec<usize>,
    text: Vec<Py<PyString>>,
    kind: Vec<&'static str>,
    speaker: Vec<Option<String>>,
    mention: Vec<Option<Py<PyString>>>,
    mention_start: Vec<Option<usize>>,
    mention_end: Vec<Option<usize>>,
    cue: Vec<Option<Py<PyString>>>,
    sentence: Vec<usize>,
    scores: ScoreCols,
}

impl QuoteCols {
    /// The columns as a dict; `idx_name` names the index column ("quote", "attribution").
    fn into_dict<'py>(self, py: Python<'py>, idx_name: &str) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        set(&d, "doc", self.doc)?;
        set(&d, idx_name, self.idx)?;
        set(&d, "start", self.start)?;
        set(&d, "end", self.end)?;
        set(&d, "text", self.text)?;
        set(&d, "kind", self.kind)?;
        set(&d, "speaker", self.speaker)?;
        set(&d, "mention", self.mention)?;
        set(&d, "mention_start", self.mention_start)?;
        set(&d, "mention_end", self.mention_end)?;
        set(&d, "cue", self.cue)?;
        set(&d, "sentence", self.sentence)?;
        self.scores.into_dict(&d)?;
        Ok(d)
    }
}

#[derive(Default)]
struct SpeakerCols {
    doc: Vec<usize>,
    speaker: Vec<String>,
    n_quotes: Vec<usize>,
    n_mentions: Vec<usize>,
    n_direct: Vec<usize>,
    n_indirect: Vec<usize>,
    descriptions: Vec<Vec<String>>,
    compound: Vec<f64>,
}

/// The five tables, filled document by document.
#[derive(Default)]
struct Tables {
    documents: DocumentCols,
    sentences: SpanCols,
    quotes: QuoteCols,
    speakers: SpeakerCols,
    mentions: SpanCols,
    attributions: QuoteCols,
}

impl Tables {
    fn add(&mut self, i: usize, t: &Text<'_>, d: &tables::DocTables) -> PyResult<()> {
        let out = Out::new(t);
        let dc = &mut self.documents;
        dc.n_sentences.push(d.sentences.len());
        dc.n_quotes.push(d.analysis.quotes.len());
        dc.n_speakers
            .push(d.analysis.speakers.len() + d.reported_speakers.len());
        dc.scores.push(&d.mean);
        let sc = &mut self.sentences;
        for (j, (&s, score)) in d.sentences.iter().zip(&d.sentence_scores).enumerate() {
            let (start, end, text) = out.slice(s)?;
            sc.doc.push(i);
            sc.idx.push(j);
            sc.start.push(start);
            sc.end.push(end);
            sc.text.push(text);
            sc.scores.push(score);
        }
        let qc = &mut self.quotes;
        for (j, (q, score)) in d.analysis.quotes.iter().zip(&d.quote_scores).enumerate() {
            let (start, end, text) = out.slice(q.span)?;
            qc.doc.push(i);
            qc.idx.push(j);
            qc.start.push(start);
            qc.end.push(end);
            qc.text.push(text);
            qc.kind.push(q.kind.as_str());
            qc.speaker.push(q.speaker.clone());
            let mention = q.mention.map(|m| out.slice(m)).transpose()?;
            qc.mention_start.push(mention.as_ref().map(|m| m.0));
            qc.mention_end.push(mention.as_ref().map(|m| m.1));
            qc.mention.push(mention.map(|m| m.2));
            qc.cue
                .push(q.cue.map(|c| out.slice(c).map(|x| x.2)).transpose()?);
            qc.sentence.push(q.sentence);
            qc.scores.push(score);
        }
        let ac = &mut self.attributions;
        for (j, (a, score)) in d.attributions.iter().zip(&d.attribution_scores).enumerate() {
            let (start, end, text) = out.slice(a.content)?;
            ac.doc.push(i);
            ac.idx.push(j);
            ac.start.push(start);
            ac.end.push(end);
            ac.text.push(text);
            ac.kind.push(a.kind.as_str());
            ac.speaker.push(a.speaker.clone());
            let mention = a.source.map(|m| out.slice(m)).transpose()?;
            ac.mention_start.push(mention.as_ref().map(|m| m.0));
            ac.mention_end.push(mention.as_ref().map(|m| m.1));
            ac.mention.push(mention.map(|m| m.2));
            ac.cue
                .push(a.cue.map(|c| out.slice(c).map(|x| x.2)).transpose()?);
            ac.sentence.push(a.sentence);
            ac.scores.push(score);
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
            pc.n_direct.push(n_direct);
            pc.n_indirect.push(n_indirect);
            pc.doc.push(i);
            pc.speaker.push(sp.name.clone());
            pc.n_quotes.push(sp.quotes.len());
            pc.n_mentions.push(sp.mentions.len());
            pc.descriptions.push(sp.descriptions.clone());
            pc.compound.push(compound);
        }
        // Speakers heard only in reported speech ("the ministry said …") get a row too.
        for r in &d.reported_speakers {
            pc.doc.push(i);
            pc.speaker.push(r.name.clone());
            pc.n_quotes.push(0);
            // The mentions table lists the quote pipeline's mentions only: none of theirs.
            pc.n_mentions.push(0);
            pc.n_direct.push(r.n_direct);
            pc.n_indirect.push(r.n_indirect);
            pc.descriptions.push(Vec::new());
            pc.compound.push(r.compound);
        }
        let mc = &mut self.mentions;
        for (sp, m) in tables::mention_rows(&d.analysis) {
            let Some(name) = d.analysis.speakers.get(sp).map(|x| x.name.clone()) else {
                continue;
            };
            let (start, end, text) = out.slice(m)?;
            mc.doc.push(i);
            mc.speaker.push(Some(name));
            mc.start.push(start);
            mc.end.push(end);
            mc.text.push(text);
        }
        Ok(())
    }

    fn into_dict(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let Tables {
            documents: dc,
            sentences: sc,
            quotes: qc,
            speakers: pc,
            mentions: mc,
            attributions: ac,
        } = self;
        let documents = PyDict::new(py);
        set(&documents, "n_sentences", dc.n_sentences)?;
        set(&documents, "n_quotes", dc.n_quotes)?;
        set(&documents, "n_speakers", dc.n_speakers)?;
        dc.scores.into_dict(&documents)?;

        let sentences = PyDict::new(py);
        set(&sentences, "doc", sc.doc)?;
        set(&sentences, "sentence", sc.idx)?;
        set(&sentences, "start", sc.start)?;
        set(&sentences, "end", sc.end)?;
        set(&sentences, "text", sc.text)?;
        sc.scores.into_dict(&sentences)?;

        let quotes = qc.into_dict(py, "quote")?;
        let attributions = ac.into_dict(py, "attribution")?;

        let speakers = PyDict::new(py);
        set(&speakers, "doc", pc.doc)?;
        set(&speakers, "speaker", pc.speaker)?;
        set(&speakers, "n_quotes", pc.n_quotes)?;
        set(&speakers, "n_mentions", pc.n_mentions)?;
        set(&speakers, "n_direct", pc.n_direct)?;
        set(&speakers, "n_indirect", pc.n_indirect)?;
        set(&speakers, "descriptions", pc.descriptions)?;
        set(&speakers, "compound", pc.compound)?;

        let mentions = PyDict::new(py);
        set(&mentions, "doc", mc.doc)?;
        set(&mentions, "speaker", mc.speaker)?;
        set(&mentions, "start", mc.start)?;
        set(&mentions, "end", mc.end)?;
        set(&mentions, "text", mc.text)?;

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

/// Analyse many articles in parallel and return the four tables as columns.
///
/// One dict per table (`documents`, `sentences`, `quotes`, `speakers`, `mentions`), each
/// mapping a column name to a list; `doc` is the position in `texts`. Offsets are code points.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn analyze_columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(n_threads)?;
    let articles = exact_strs(texts, "analyze_columns", "texts")?;
    let mut tables = Tables::default();
    articles_pipeline(
        py,
        &articles,
        n_threads,
        |cps| {
            let s = cps.into_utf8();
            let d = tables::analyze_doc(&s);
            (s, d)
        },
        |i, obj, (s, d)| {
            tables.add(
                i,
                &Text {
                    s,
                    obj: obj.clone(),
                },
                &d,
            )
        },
    )?;
    tables.into_dict(py)
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_columns, m)?)?;
    Ok(())
}
