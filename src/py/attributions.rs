//! `extract_attributions`, `extract_attributions_batch` and the `Attribution` class.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use super::batch::article_lists;
use super::errors::run;
use super::gc_pause::GcPause;
use super::input::{take_text, Text};
use super::quotes::{quotes_py, speakers_py};
use super::types::{Out, Quote, Span};
use crate::{attributions, segment};

fn extract_one(s: &str, nested: bool) -> attributions::Attributions {
    let sentences = segment::split(s);
    attributions::extract_with(s, &sentences, nested)
}

/// Who said (or thought, found, intends) what: a content, its source and cue.
#[pyclass(frozen, module = "presslens._core")]
pub(super) struct Attribution {
    /// The content; for a split content ("A," he said, "B") the hull of its parts.
    #[pyo3(get)]
    content: Py<Span>,
    /// The content pieces in order (one unless split).
    #[pyo3(get)]
    parts: Py<PyList>,
    /// The source as written, or None ("it is believed that …").
    #[pyo3(get)]
    source: Option<Py<Span>>,
    /// Canonical speaker name (same rules as quote speakers), or None.
    #[pyo3(get)]
    speaker: Option<String>,
    #[pyo3(get)]
    cue: Option<Py<Span>>,
    /// "direct", "mixed" or "indirect".
    #[pyo3(get)]
    kind: &'static str,
    /// The quotes inside the content.
    #[pyo3(get)]
    quotes: Py<PyList>,
    #[pyo3(get)]
    sentence: usize,
    /// Index, in the same article's list, of the attribution whose content holds this one
    /// ("the council told her that …" in "The mayor said the council told her that …"), or
    /// None for an outermost attribution.
    #[pyo3(get)]
    nested_in: Option<usize>,
}

fn kind_from(s: &str) -> PyResult<&'static str> {
    match s {
        "direct" => Ok("direct"),
        "mixed" => Ok("mixed"),
        "indirect" => Ok("indirect"),
        other => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "kind must be 'direct', 'mixed' or 'indirect', not {other:?}"
        ))),
    }
}

#[pymethods]
impl Attribution {
    #[new]
    #[pyo3(signature = (content, parts, source, speaker, cue, kind, quotes, sentence, nested_in=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        content: Py<Span>,
        parts: Py<PyList>,
        source: Option<Py<Span>>,
        speaker: Option<String>,
        cue: Option<Py<Span>>,
        kind: &str,
        quotes: Py<PyList>,
        sentence: usize,
        nested_in: Option<usize>,
    ) -> PyResult<Self> {
        Ok(Attribution {
            content,
            parts,
            source,
            speaker,
            cue,
            kind: kind_from(kind)?,
            quotes,
            sentence,
            nested_in,
        })
    }
    /// `content.start`.
    #[getter]
    fn start(&self, py: Python<'_>) -> PyResult<usize> {
        self.content.bind(py).getattr("start")?.extract()
    }
    /// `content.end`.
    #[getter]
    fn end(&self, py: Python<'_>) -> PyResult<usize> {
        self.content.bind(py).getattr("end")?.extract()
    }
    /// `content.text`.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.content.bind(py).getattr("text")
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let content = self.content.bind(py).repr()?;
        let source = match &self.source {
            Some(s) => format!("{:?}", s.bind(py).getattr("text")?.to_string()),
            None => "None".into(),
        };
        let speaker = match &self.speaker {
            Some(s) => format!("{s:?}"),
            None => "None".into(),
        };
        Ok(format!(
            "Attribution({content}, kind={:?}, source={source}, speaker={speaker})",
            self.kind
        ))
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Attribution>() else {
            return Ok(false);
        };
        let o = o.get();
        let eq = |a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>| a.eq(b);
        Ok(self.kind == o.kind
            && self.speaker == o.speaker
            && self.sentence == o.sentence
            && self.nested_in == o.nested_in
            && eq(self.content.bind(py).as_any(), o.content.bind(py).as_any())?
            && eq(self.parts.bind(py).as_any(), o.parts.bind(py).as_any())?
            && eq(&self.source.as_object(py), &o.source.as_object(py))?
            && eq(&self.cue.as_object(py), &o.cue.as_object(py))?
            && eq(self.quotes.bind(py).as_any(), o.quotes.bind(py).as_any())?)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.content.bind(py), self.kind).into_pyobject(py)?.hash()
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let args = (
            s.content.clone_ref(py),
            s.parts.clone_ref(py),
            s.source.as_ref().map(|m| m.clone_ref(py)),
            s.speaker.clone(),
            s.cue.as_ref().map(|m| m.clone_ref(py)),
            s.kind,
            s.quotes.clone_ref(py),
            s.sentence,
            s.nested_in,
        );
        (slf.get_type(), args).into_pyobject(py)
    }
}

/// `Option<Py<Span>>` as a Python object (None or the span), for comparisons.
trait OptRef {
    fn as_object<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny>;
}

impl OptRef for Option<Py<Span>> {
    fn as_object<'py>(&self, py: Python<'py>) -> Bound<'py, PyAny> {
        match self {
            Some(s) => s.bind(py).clone().into_any(),
            None => py.None().into_bound(py),
        }
    }
}

fn attributions_py<'py>(
    text: &Text<'py>,
    a: &attributions::Attributions,
) -> PyResult<Vec<Py<Attribution>>> {
    attributions_with_quotes(text, a, &quotes_py(text, &a.quotes)?)
}

/// The Attribution objects of `a`, whose `quotes` are objects of `quotes` (`a.quotes` made).
fn attributions_with_quotes<'py>(
    text: &Text<'py>,
    a: &attributions::Attributions,
    quotes: &[Py<Quote>],
) -> PyResult<Vec<Py<Attribution>>> {
    let out = Out::new(text);
    let py = out.py;
    let span = |s| -> PyResult<Py<Span>> { Py::new(py, out.span(s)?) };
    a.attributions
        .iter()
        .map(|x| {
            let parts = x
                .parts
                .iter()
                .map(|&p| span(p))
                .collect::<PyResult<Vec<_>>>()?;
            let qs: Vec<Py<Quote>> = (x.quotes.iter())
                .filter_map(|&i| quotes.get(i).map(|q| q.clone_ref(py)))
                .collect();
            // One list object: `a.parts is a.content.parts`.
            let parts = PyList::new(py, parts)?.unbind();
            let content = out.span(x.content)?;
            let content = if x.parts.len() > 1 {
                content.with_parts(parts.clone_ref(py))
            } else {
                content
            };
            Py::new(
                py,
                Attribution {
                    content: Py::new(py, content)?,
                    parts,
                    source: x.source.map(span).transpose()?,
                    speaker: x.speaker.clone(),
                    cue: x.cue.map(span).transpose()?,
                    kind: x.kind.as_str(),
                    quotes: PyList::new(py, qs)?.unbind(),
                    sentence: x.sentence,
                    nested_in: x.nested_in,
                },
            )
        })
        .collect()
}

/// Every attribution of an article (quoted or reported speech), in text order; with
/// `nested`, also the ones inside other attributions' contents.
#[pyfunction]
#[pyo3(signature = (text, /, *, nested=false))]
fn extract_attributions<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    nested: bool,
) -> PyResult<Bound<'py, PyList>> {
    // The result's objects are built in this call: no collector passes over them meanwhile.
    let _gc = GcPause::new(py)?;
    let t = take_text(text, "extract_attributions", "text")?;
    let s: &str = &t.s;
    let a = run(py, || extract_one(s, nested))?;
    PyList::new(py, attributions_py(&t, &a)?)
}

/// Attributions of many articles in parallel (rayon, GIL released).
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None, *, nested=false))]
fn extract_attributions_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
    nested: bool,
) -> PyResult<Bound<'py, PyList>> {
    article_lists(
        py,
        texts,
        "extract_attributions_batch",
        n_threads,
        |s| extract_one(s, nested),
        attributions_py,
    )
}

/// `(extract_quotes(text), speakers(text), extract_attributions(text))` from one analysis of
/// the text (three calls would run the quote pipeline three times), for `Document`; the
/// attributions' and speakers' quotes are objects of the quotes list.
#[pyfunction]
#[pyo3(signature = (text, /, *, nested=false))]
fn _quotes_speakers_attributions<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    nested: bool,
) -> PyResult<Bound<'py, PyTuple>> {
    // The result's objects are built in this call: no collector passes over them meanwhile.
    let _gc = GcPause::new(py)?;
    let t = take_text(text, "Document", "text")?;
    let s: &str = &t.s;
    let a = run(py, || extract_one(s, nested))?;
    let quotes = quotes_py(&t, &a.quotes)?;
    let speakers = speakers_py(&t, &a.quotes, &quotes)?;
    let attributions = attributions_with_quotes(&t, &a, &quotes)?;
    let quotes = PyList::new(py, quotes)?;
    (quotes, speakers, PyList::new(py, attributions)?).into_pyobject(py)
}

/// Hidden, for error analysis (scripts): every cue the clause rules turned down in `text`, as
/// `(cue span, reason)` in the order met; the reasons are `attributions::rejections`'s names.
#[pyfunction]
#[pyo3(signature = (text, /, *, nested=false))]
fn _attribution_rejections<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    nested: bool,
) -> PyResult<Bound<'py, PyList>> {
    let t = take_text(text, "_attribution_rejections", "text")?;
    let s: &str = &t.s;
    let (_, log) = run(py, || {
        attributions::rejections::recording(|| extract_one(s, nested))
    })?;
    let out = Out::new(&t);
    let rows = log
        .into_iter()
        .map(|(span, why)| (Py::new(py, out.span(span)?)?, why.as_str()).into_pyobject(py))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, rows)
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Attribution>()?;
    m.add_function(wrap_pyfunction!(_quotes_speakers_attributions, m)?)?;
    m.add_function(wrap_pyfunction!(_attribution_rejections, m)?)?;
    m.add_function(wrap_pyfunction!(extract_attributions, m)?)?;
    m.add_function(wrap_pyfunction!(extract_attributions_batch, m)?)?;
    Ok(())
}
