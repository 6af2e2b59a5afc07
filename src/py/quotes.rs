//! `extract_quotes`, `extract_quotes_batch`, `speakers`.

use pyo3::prelude::*;
use pyo3::types::PyList;

use super::batch::article_lists;
use super::errors::run;
use super::gc_pause::GcPause;
use super::input::{take_text, Text};
use super::types::{Out, Quote, Speaker};
use crate::{quotes, segment};

fn analyze_one(s: &str) -> quotes::Analysis {
    let sentences = segment::split(s);
    quotes::analyze(s, &sentences)
}

pub(super) fn quotes_py<'py>(text: &Text<'py>, a: &quotes::Analysis) -> PyResult<Vec<Py<Quote>>> {
    let out = Out::new(text);
    let py = out.py;
    a.quotes
        .iter()
        .map(|q| {
            let (start, end, qt) = out.slice(q.span)?;
            let mention = q.mention.map(|m| out.span(m)).transpose()?;
            let cue = q.cue.map(|m| out.span(m)).transpose()?;
            Py::new(
                py,
                Quote {
                    start,
                    end,
                    text: qt,
                    kind: q.kind.as_str(),
                    speaker: q.speaker.clone(),
                    mention: mention.map(|m| Py::new(py, m)).transpose()?,
                    cue: cue.map(|m| Py::new(py, m)).transpose()?,
                    sentence: q.sentence,
                },
            )
        })
        .collect()
}

pub(super) fn speakers_py<'py>(
    text: &Text<'py>,
    a: &quotes::Analysis,
    quotes: &[Py<Quote>],
) -> PyResult<Bound<'py, PyList>> {
    let out = Out::new(text);
    let py = out.py;
    let items = a
        .speakers
        .iter()
        .map(|sp| {
            let mentions = sp
                .mentions
                .iter()
                .map(|&m| out.span(m))
                .collect::<PyResult<Vec<_>>>()?;
            let qs: Vec<Py<Quote>> = sp
                .quotes
                .iter()
                .filter_map(|&i| quotes.get(i).map(|q| q.clone_ref(py)))
                .collect();
            Ok(Speaker {
                name: sp.name.clone(),
                mentions: PyList::new(py, mentions)?.unbind(),
                descriptions: PyList::new(py, &sp.descriptions)?.unbind(),
                quotes: PyList::new(py, qs)?.unbind(),
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Every quotation of an article, in text order, with kind, speaker, mention and cue.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn extract_quotes<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    // The result's objects are built in this call: no collector passes over them meanwhile.
    let _gc = GcPause::new(py)?;
    let t = take_text(text, "extract_quotes", "text")?;
    let s: &str = &t.s;
    let a = run(py, || analyze_one(s))?;
    PyList::new(py, quotes_py(&t, &a)?)
}

/// Quotes of many articles in parallel (rayon, GIL released).
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn extract_quotes_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    article_lists(
        py,
        texts,
        "extract_quotes_batch",
        n_threads,
        analyze_one,
        quotes_py,
    )
}

/// The canonical speakers of an article, with mentions, descriptions and quotes.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn speakers<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    // The result's objects are built in this call: no collector passes over them meanwhile.
    let _gc = GcPause::new(py)?;
    let t = take_text(text, "speakers", "text")?;
    let s: &str = &t.s;
    let a = run(py, || analyze_one(s))?;
    let qs = quotes_py(&t, &a)?;
    speakers_py(&t, &a, &qs)
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Quote>()?;
    m.add_class::<Speaker>()?;
    m.add_function(wrap_pyfunction!(extract_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(extract_quotes_batch, m)?)?;
    m.add_function(wrap_pyfunction!(speakers, m)?)?;
    Ok(())
}
