//! `analyze_columns` / `analyze_arrow`: the six tables of many articles as columns.
//!
//! The rows are made once, here, into columns of either form of [`super::columns`]: Python
//! lists (`analyze_columns`) or Arrow-layout buffers (`analyze_arrow`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::batch::{articles_pipeline, check_threads};
use super::columns::{reserve_vec, ArrowCells, Article, Columns, OptInts, PyCells};
use super::errors::internal;
use super::input::{exact_strs, Text};
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

#[derive(Default)]
struct DocumentCols {
    doc: Vec<usize>,
    n_sentences: Vec<usize>,
    n_quotes: Vec<usize>,
    n_speakers: Vec<usize>,
    scores: ScoreCols,
}

#[derive(Default)]
struct SentenceCols<C> {
    doc: Vec<usize>,
    idx: Vec<usize>,
    start: Vec<usize>,
    end: Vec<usize>,
    text: C,
    scores: ScoreCols,
}

#[derive(Default)]
struct MentionCols<C> {
    doc: Vec<usize>,
    speaker: C,
    start: Vec<usize>,
    end: Vec<usize>,
    text: C,
}

/// The quotes table, and the attributions table (same columns).
#[derive(Default)]
struct QuoteCols<C> {
    doc: Vec<usize>,
    idx: Vec<usize>,
    start: Vec<usize>,
    end: Vec<usize>,
    text: C,
    kind: C,
    speaker: C,
    mention: C,
    mention_start: OptInts,
    mention_end: OptInts,
    cue: C,
    sentence: Vec<usize>,
    /// Attributions only (pushed by their loop, not for quotes): the row (`attribution`) of
    /// the one holding it.
    nested_in: OptInts,
    scores: ScoreCols,
}

/// One row of the quotes or attributions table, from a quote or an attribution.
struct QuoteRow<'r> {
    content: crate::Span,
    kind: &'static str,
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
        self.idx.push(idx);
        self.start.push(start);
        self.end.push(end);
        self.kind.push_word(py, r.kind);
        self.speaker.push_str(py, r.speaker);
        let mention = self.mention.push_opt_span(art, r.mention)?;
        self.mention_start.push(mention.map(|m| m.0));
        self.mention_end.push(mention.map(|m| m.1));
        self.cue.push_opt_span(art, r.cue)?;
        self.sentence.push(r.sentence);
        self.scores.push(r.scores);
        Ok(())
    }

    /// The columns as a dict; `idx_name` names the index column ("quote", "attribution").
    fn into_dict<'py>(self, py: Python<'py>, idx_name: &str) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("doc", C::ints(py, self.doc)?)?;
        d.set_item(idx_name, C::ints(py, self.idx)?)?;
        d.set_item("start", C::ints(py, self.start)?)?;
        d.set_item("end", C::ints(py, self.end)?)?;
        d.set_item("text", self.text.into_py(py)?)?;
        d.set_item("kind", self.kind.into_py(py)?)?;
        d.set_item("speaker", self.speaker.into_py(py)?)?;
        d.set_item("mention", self.mention.into_py(py)?)?;
        d.set_item("mention_start", C::opt_ints(py, self.mention_start)?)?;
        d.set_item("mention_end", C::opt_ints(py, self.mention_end)?)?;
        d.set_item("cue", self.cue.into_py(py)?)?;
        d.set_item("sentence", C::ints(py, self.sentence)?)?;
        if idx_name == "attribution" {
            d.set_item("nested_in", C::opt_ints(py, self.nested_in)?)?;
        }
        self.scores.into_dict::<C>(&d)?;
        Ok(d)
    }
}

#[derive(Default)]
struct SpeakerCols<C> {
    doc: Vec<usize>,
    speaker: C,
    n_quotes: Vec<usize>,
    n_mentions: Vec<usize>,
    n_direct: Vec<usize>,
    n_indirect: Vec<usize>,
    descriptions: Vec<Vec<String>>,
    compound: Vec<f64>,
}

/// The six tables, filled document by document.
#[derive(Default)]
struct Tables<C> {
    documents: DocumentCols,
    sentences: SentenceCols<C>,
    quotes: QuoteCols<C>,
    speakers: SpeakerCols<C>,
    mentions: MentionCols<C>,
    attributions: QuoteCols<C>,
    /// Whether attributions nested in others' contents are rows too.
    nested: bool,
}

impl<C: Columns> Tables<C> {
    /// Room for `f` times the present rows in every column (see [`Reserve`]).
    fn reserve_for(&mut self, f: f64) {
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

    fn add(&mut self, i: usize, t: &Text<'_>, d: &tables::DocTables) -> PyResult<()> {
        let py = t.obj.py();
        let art = Article::new(t);
        let dc = &mut self.documents;
        dc.doc.push(i);
        dc.n_sentences.push(d.sentences.len());
        dc.n_quotes.push(d.analysis.quotes.len());
        dc.n_speakers
            .push(d.analysis.speakers.len() + d.reported_speakers.len());
        dc.scores.push(&d.mean);
        let sc = &mut self.sentences;
        for (j, (&s, score)) in d.sentences.iter().zip(&d.sentence_scores).enumerate() {
            let (start, end) = sc.text.push_span(&art, s)?;
            sc.doc.push(i);
            sc.idx.push(j);
            sc.start.push(start);
            sc.end.push(end);
            sc.scores.push(score);
        }
        for (j, (q, scores)) in d.analysis.quotes.iter().zip(&d.quote_scores).enumerate() {
            let row = QuoteRow {
                content: q.span,
                kind: q.kind.as_str(),
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
                kind: a.kind.as_str(),
                speaker: a.speaker.as_deref(),
                mention: a.source,
                cue: a.cue,
                sentence: a.sentence,
                scores,
            };
            self.attributions.push(&art, i, j, row)?;
            self.attributions.nested_in.push(a.nested_in);
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
            pc.speaker.push_str(py, Some(&sp.name));
            pc.n_quotes.push(sp.quotes.len());
            pc.n_mentions.push(sp.mentions.len());
            pc.descriptions.push(sp.descriptions.clone());
            pc.compound.push(compound);
        }
        // Speakers heard only in reported speech ("the ministry said …") get a row too.
        for r in &d.reported_speakers {
            pc.doc.push(i);
            pc.speaker.push_str(py, Some(&r.name));
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
            let Some(name) = d.analysis.speakers.get(sp).map(|x| x.name.as_str()) else {
                continue;
            };
            let (start, end) = mc.text.push_span(&art, m)?;
            mc.doc.push(i);
            mc.speaker.push_str(py, Some(name));
            mc.start.push(start);
            mc.end.push(end);
        }
        Ok(())
    }

    /// The six tables as dicts of columns. `with_document_ids` adds the documents table's `doc`
    /// column; `analyze_columns` leaves it out because its documents are the texts in order.
    fn into_dict(self, py: Python<'_>, with_document_ids: bool) -> PyResult<Bound<'_, PyDict>> {
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
        documents.set_item("n_sentences", C::ints(py, dc.n_sentences)?)?;
        documents.set_item("n_quotes", C::ints(py, dc.n_quotes)?)?;
        documents.set_item("n_speakers", C::ints(py, dc.n_speakers)?)?;
        dc.scores.into_dict::<C>(&documents)?;

        let sentences = PyDict::new(py);
        sentences.set_item("doc", C::ints(py, sc.doc)?)?;
        sentences.set_item("sentence", C::ints(py, sc.idx)?)?;
        sentences.set_item("start", C::ints(py, sc.start)?)?;
        sentences.set_item("end", C::ints(py, sc.end)?)?;
        sentences.set_item("text", sc.text.into_py(py)?)?;
        sc.scores.into_dict::<C>(&sentences)?;

        let quotes = qc.into_dict(py, "quote")?;
        let attributions = ac.into_dict(py, "attribution")?;

        let speakers = PyDict::new(py);
        speakers.set_item("doc", C::ints(py, pc.doc)?)?;
        speakers.set_item("speaker", pc.speaker.into_py(py)?)?;
        speakers.set_item("n_quotes", C::ints(py, pc.n_quotes)?)?;
        speakers.set_item("n_mentions", C::ints(py, pc.n_mentions)?)?;
        speakers.set_item("n_direct", C::ints(py, pc.n_direct)?)?;
        speakers.set_item("n_indirect", C::ints(py, pc.n_indirect)?)?;
        speakers.set_item("descriptions", PyList::new(py, pc.descriptions)?)?;
        speakers.set_item("compound", C::floats(py, pc.compound)?)?;

        let mentions = PyDict::new(py);
        mentions.set_item("doc", C::ints(py, mc.doc)?)?;
        mentions.set_item("speaker", mc.speaker.into_py(py)?)?;
        mentions.set_item("start", C::ints(py, mc.start)?)?;
        mentions.set_item("end", C::ints(py, mc.end)?)?;
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

/// Whether the str has lone surrogates (which the Rust text holds as U+FFFD, and UTF-8 buffers
/// cannot hold at all). Only a text with U+FFFD is asked; Python's encoder decides.
fn has_lone_surrogates(t: &Text<'_>) -> bool {
    t.s.contains('\u{FFFD}') && t.obj.to_cow().is_err()
}

/// Fill `tables` from `texts` (see `analyze_columns`); false, early, once an article has lone
/// surrogates and `exact_utf8` asks for text that UTF-8 can hold. The `doc` of `texts[i]` is
/// `positions[i]` (or `i` without positions).
fn fill<C: Columns>(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    positions: Option<&[usize]>,
    n_threads: Option<&Bound<'_, PyAny>>,
    func: &str,
    exact_utf8: bool,
    tables: &mut Tables<C>,
) -> PyResult<bool> {
    let n_threads = check_threads(n_threads)?;
    let articles = exact_strs(texts, func, "texts")?;
    if let Some(p) = positions.filter(|p| p.len() != articles.len()) {
        return Err(PyValueError::new_err(format!(
            "{func}: {} positions for {} texts",
            p.len(),
            articles.len()
        )));
    }
    let lossy = AtomicBool::new(false);
    let nested = tables.nested;
    articles_pipeline(
        py,
        &articles,
        n_threads,
        |cps| {
            let s = cps.into_utf8();
            // Once the answer is "cannot", the remaining articles are not analysed.
            let d = if lossy.load(Ordering::Relaxed) {
                tables::DocTables::default()
            } else {
                tables::analyze_doc_with(&s, nested)
            };
            (s, d)
        },
        |i, obj, (s, d)| {
            let text = Text {
                s,
                obj: obj.clone(),
            };
            if exact_utf8 && (lossy.load(Ordering::Relaxed) || has_lone_surrogates(&text)) {
                lossy.store(true, Ordering::Relaxed);
                return Ok(());
            }
            let doc = positions.map_or(Some(i), |p| p.get(i).copied());
            tables.add(doc.ok_or_else(|| internal("position"))?, &text, &d)
        },
    )?;
    Ok(!lossy.load(Ordering::Relaxed))
}

/// Analyse many articles in parallel and return the six tables as columns.
///
/// One dict per table (`documents`, `sentences`, `quotes`, `speakers`, `mentions`,
/// `attributions`), each mapping a column name to a list; `doc` is the position in `texts`.
/// Offsets are code points. `nested`: attributions nested in others' contents are rows too.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None, nested=false))]
fn analyze_columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
    nested: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let mut tables = Tables::<PyCells> {
        nested,
        ..Default::default()
    };
    fill(
        py,
        texts,
        None,
        n_threads,
        "analyze_columns",
        false,
        &mut tables,
    )?;
    tables.into_dict(py, false)
}

/// `analyze_columns` with Arrow-layout buffers instead of lists (see [`ArrowCells`]); None when
/// an article has lone surrogates, which UTF-8 buffers cannot hold exactly.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None, *, nested=false))]
fn analyze_arrow<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
    nested: bool,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let mut tables = Tables::<ArrowCells> {
        nested,
        ..Default::default()
    };
    if !fill(
        py,
        texts,
        None,
        n_threads,
        "analyze_arrow",
        true,
        &mut tables,
    )? {
        return Ok(None);
    }
    tables.into_dict(py, true).map(Some)
}

/// `analyze_arrow` over many calls: the columns of a whole run grow here, chunk by chunk
/// (`add`), and go to Python once (`finish`). Each column is then one buffer, grown in place,
/// that numpy or pyarrow takes as it is: no per-chunk buffers, no copy of a column.
#[pyclass(module = "presslens._core")]
struct ArrowTables {
    /// None once finished.
    tables: Option<Tables<ArrowCells>>,
    /// Whether the columns have room for the projected run (made after the first chunk).
    reserved: bool,
}

#[pymethods]
impl ArrowTables {
    /// `nested`: attributions nested in others' contents are rows too.
    #[new]
    #[pyo3(signature = (*, nested=false))]
    fn new(nested: bool) -> Self {
        ArrowTables {
            tables: Some(Tables {
                nested,
                ..Default::default()
            }),
            reserved: false,
        }
    }

    /// Add the rows of `texts`, whose `doc` numbers are `positions`; False (and the tables
    /// are to be dropped) when an article has lone surrogates. `done`: the share of the run's
    /// text added once this call is done (from 0 to 1); after the first call the columns get
    /// room for the rows the run is projected to have (a tenth more), in one allocation each.
    #[pyo3(signature = (texts, positions, n_threads=None, done=1.0))]
    fn add(
        &mut self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        positions: Vec<usize>,
        n_threads: Option<&Bound<'_, PyAny>>,
        done: f64,
    ) -> PyResult<bool> {
        let tables = self.tables.as_mut().ok_or_else(finished)?;
        let func = "ArrowTables.add";
        let ok = fill(py, texts, Some(&positions), n_threads, func, true, tables)?;
        if ok && !self.reserved && done > 0.0 && done < 1.0 {
            tables.reserve_for(1.1 / done);
            self.reserved = true;
        }
        Ok(ok)
    }

    /// The distinct names of the speakers table, in order of first appearance.
    fn speaker_names(&self) -> PyResult<Vec<&str>> {
        let tables = self.tables.as_ref().ok_or_else(finished)?;
        Ok(distinct(&tables.speakers.speaker))
    }

    /// `(docs, names)` of the speakers-table rows whose name is one of `names`, in row order.
    fn speakers_named(&self, names: Vec<String>) -> PyResult<(Vec<usize>, Vec<&str>)> {
        let sp = &self.tables.as_ref().ok_or_else(finished)?.speakers;
        let names: rustc_hash::FxHashSet<&str> = names.iter().map(String::as_str).collect();
        let rows = (0..sp.speaker.len())
            .filter_map(|i| Some((*sp.doc.get(i)?, sp.speaker.get(i)?)))
            .filter(|(_, s)| names.contains(s));
        Ok(rows.unzip())
    }

    /// Rename speakers in the quotes, attributions, speakers and mentions tables:
    /// `rename[(doc, name)]` is the new name of `name` in document `doc`.
    fn rename_speakers(&mut self, rename: HashMap<(usize, String), String>) -> PyResult<()> {
        let tables = self.tables.as_mut().ok_or_else(finished)?;
        let rename: rustc_hash::FxHashMap<(usize, &str), &str> = (rename.iter())
            .map(|((d, s), v)| ((*d, s.as_str()), v.as_str()))
            .collect();
        for (docs, col) in tables.speaker_columns() {
            let rows: Vec<(usize, &str)> = (0..col.len())
                .filter_map(|i| {
                    let new = rename.get(&(*docs.get(i)?, col.get(i)?))?;
                    Some((i, *new))
                })
                .collect();
            col.replace_rows(&rows);
        }
        Ok(())
    }

    /// The columns, as `analyze_arrow` gives them; the tables are handed over (a second call
    /// raises).
    fn finish<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.tables.take().ok_or_else(finished)?.into_dict(py, true)
    }
}

/// The distinct values of `col`, in order of first appearance.
fn distinct(col: &ArrowCells) -> Vec<&str> {
    let mut seen = rustc_hash::FxHashSet::default();
    (0..col.len())
        .filter_map(|i| col.get(i))
        .filter(|s| seen.insert(*s))
        .collect()
}

impl Tables<ArrowCells> {
    /// `(doc, speaker)` columns of the four tables with a speaker column.
    fn speaker_columns(&mut self) -> [(&[usize], &mut ArrowCells); 4] {
        [
            (&self.quotes.doc, &mut self.quotes.speaker),
            (&self.attributions.doc, &mut self.attributions.speaker),
            (&self.speakers.doc, &mut self.speakers.speaker),
            (&self.mentions.doc, &mut self.mentions.speaker),
        ]
    }
}

fn finished() -> PyErr {
    PyValueError::new_err("ArrowTables.finish() was called already")
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_columns, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_arrow, m)?)?;
    m.add_class::<ArrowTables>()?;
    Ok(())
}
