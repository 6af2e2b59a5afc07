//! The result classes (Sentence, Span, Quote, Speaker) and [`Out`], which makes their spans
//! from Rust byte spans of one text.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use super::ffi;
use super::input::Text;
use crate::offsets::CharIndex;
use crate::Span as ByteSpan;

/// Builds Python objects for spans of one text, in code-point offsets.
pub(super) struct Out<'a, 'py> {
    pub(super) py: Python<'py>,
    obj: &'a Bound<'py, PyString>,
    idx: CharIndex<'a>,
}

impl<'a, 'py> Out<'a, 'py> {
    pub(super) fn new(text: &'a Text<'py>) -> Self {
        Out {
            py: text.obj.py(),
            obj: &text.obj,
            idx: CharIndex::new(&text.s),
        }
    }

    /// `(start, end, text[start:end])` sliced from the original Python str, so the slice is
    /// exact even where the Rust side saw U+FFFD.
    pub(super) fn slice(&self, s: ByteSpan) -> PyResult<(usize, usize, Py<PyString>)> {
        let (a, b) = self.idx.span(s);
        Ok((a, b, ffi::substring(self.obj, a, b)?.unbind()))
    }

    pub(super) fn span(&self, s: ByteSpan) -> PyResult<Span> {
        let (start, end, text) = self.slice(s)?;
        Ok(Span {
            start,
            end,
            text,
            parts: None,
        })
    }
}

fn text_eq(py: Python<'_>, a: &Py<PyString>, b: &Py<PyString>) -> PyResult<bool> {
    a.bind(py).as_any().eq(b.bind(py))
}

fn repr_text(py: Python<'_>, t: &Py<PyString>, limit: usize) -> String {
    let t = t.bind(py);
    let n = t.len().unwrap_or(0);
    let r = if n > limit {
        t.as_any()
            .get_item(pyo3::types::PySlice::new(py, 0, limit as isize, 1))
            .and_then(|x| x.repr())
            .map(|r| format!("{r}…"))
    } else {
        t.as_any().repr().map(|r| r.to_string())
    };
    r.unwrap_or_default()
}

/// A sentence: `text[start:end] == sentence.text`, offsets in code points.
///
/// Sentences made by the splitters keep the article and slice `.text` on access, so making one
/// is a single small allocation; constructed and unpickled ones hold their own text.
#[pyclass(frozen, module = "presslens._core")]
pub(super) struct Sentence {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    src: SentenceText,
}

pub(super) enum SentenceText {
    /// The sentence's own text.
    Own(Py<PyString>),
    /// The whole article, an exact `str` with `start <= end <= len`: the text is `[start:end]`.
    Article(Py<PyString>),
}

impl Sentence {
    /// A sentence of `article` (an exact str; `start <= end <= len(article)` in code points).
    pub(super) fn in_article(start: usize, end: usize, article: Py<PyString>) -> Self {
        Sentence {
            start,
            end,
            src: SentenceText::Article(article),
        }
    }

    fn text_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        match &self.src {
            SentenceText::Own(t) => Ok(t.bind(py).clone()),
            SentenceText::Article(a) => ffi::substring(a.bind(py), self.start, self.end),
        }
    }
}

#[pymethods]
impl Sentence {
    /// `Sentence(start, end, text)`: also what other sections use to make one with its text.
    #[new]
    fn new(start: usize, end: usize, text: Py<PyString>) -> Self {
        Sentence {
            start,
            end,
            src: SentenceText::Own(text),
        }
    }
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        self.text_of(py)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sentence({}, {}, {})",
            self.start,
            self.end,
            repr_text(py, &self.text_of(py)?.unbind(), 60)
        ))
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Sentence>() else {
            return Ok(false);
        };
        let o = o.get();
        if self.start != o.start || self.end != o.end {
            return Ok(false);
        }
        if let (SentenceText::Article(a), SentenceText::Article(b)) = (&self.src, &o.src) {
            if a.is(b) {
                return Ok(true);
            }
        }
        self.text_of(py)?.as_any().eq(o.text_of(py)?)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.text_of(py)?)
            .into_pyobject(py)?
            .hash()
    }
    fn __len__(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// Pickles `(start, end, text)`: the sentence alone, never the whole article.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        (slf.get_type(), (s.start, s.end, s.text_of(py)?)).into_pyobject(py)
    }
}

/// A span of an article (a speaker mention, a cue): `.start`, `.end`, `.text`; an
/// attribution's content split by "he said" is the hull of its `.parts`.
#[pyclass(frozen, module = "presslens._core")]
pub(super) struct Span {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: Py<PyString>,
    /// The pieces of a split content (shared with `Attribution.parts`); None for one piece.
    parts: Option<Py<PyList>>,
}

#[pymethods]
impl Span {
    #[new]
    #[pyo3(signature = (start, end, text, parts=None))]
    fn new(start: usize, end: usize, text: Py<PyString>, parts: Option<Py<PyList>>) -> Self {
        Span {
            start,
            end,
            text,
            parts,
        }
    }
    /// The pieces in order of a split content (`"A," he said, "B"`); empty for a span in one
    /// piece. Not `[self]`: a span listing itself would be a cycle that recursive walkers
    /// (serialisers, `copy.deepcopy`-like code) never leave.
    #[getter]
    fn parts<'py>(slf: &Bound<'py, Self>) -> Bound<'py, PyList> {
        match &slf.get().parts {
            Some(p) => p.bind(slf.py()).clone(),
            None => PyList::empty(slf.py()),
        }
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Span({}, {}, {})",
            self.start,
            self.end,
            repr_text(py, &self.text, 60)
        )
    }
    fn __str__(&self, py: Python<'_>) -> String {
        self.text.bind(py).to_string()
    }
    /// Spans compare (and hash) by start, end and text; `parts` follow from them.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Span>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.start == o.start && self.end == o.end && text_eq(py, &self.text, &o.text)?)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.text.bind(py))
            .into_pyobject(py)?
            .hash()
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let parts = s.parts.as_ref().map(|p| p.clone_ref(py));
        (
            slf.get_type(),
            (s.start, s.end, s.text.clone_ref(py), parts),
        )
            .into_pyobject(py)
    }
}

impl Span {
    /// The same span holding the pieces of a split content.
    pub(super) fn with_parts(self, parts: Py<PyList>) -> Self {
        Span {
            parts: Some(parts),
            ..self
        }
    }
}

impl Span {
    fn same(&self, py: Python<'_>, o: &Span) -> PyResult<bool> {
        Ok(self.start == o.start && self.end == o.end && text_eq(py, &self.text, &o.text)?)
    }
}

fn opt_span_eq(py: Python<'_>, a: &Option<Py<Span>>, b: &Option<Py<Span>>) -> PyResult<bool> {
    match (a, b) {
        (None, None) => Ok(true),
        (Some(a), Some(b)) => a.get().same(py, b.get()),
        _ => Ok(false),
    }
}

/// A quotation: the words between the marks, its kind, and who said it.
#[pyclass(frozen, module = "presslens._core")]
pub(super) struct Quote {
    #[pyo3(get)]
    pub(super) start: usize,
    #[pyo3(get)]
    pub(super) end: usize,
    #[pyo3(get)]
    pub(super) text: Py<PyString>,
    /// "direct", "partial", "scare" or "headline".
    #[pyo3(get)]
    pub(super) kind: &'static str,
    /// Canonical speaker name, or None (scare quotes, or nobody found).
    #[pyo3(get)]
    pub(super) speaker: Option<String>,
    #[pyo3(get)]
    pub(super) mention: Option<Py<Span>>,
    #[pyo3(get)]
    pub(super) cue: Option<Py<Span>>,
    /// Index of the quote's sentence in `split_sentences(text)`.
    #[pyo3(get)]
    pub(super) sentence: usize,
}

pub(super) fn kind_from(s: &str) -> PyResult<&'static str> {
    match s {
        "direct" => Ok("direct"),
        "partial" => Ok("partial"),
        "scare" => Ok("scare"),
        "headline" => Ok("headline"),
        other => Err(PyValueError::new_err(format!(
            "kind must be 'direct', 'partial', 'scare' or 'headline', not {other:?}"
        ))),
    }
}

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (start, end, text, kind, speaker=None, mention=None, cue=None, sentence=0))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        text: Py<PyString>,
        kind: &str,
        speaker: Option<String>,
        mention: Option<Py<Span>>,
        cue: Option<Py<Span>>,
        sentence: usize,
    ) -> PyResult<Self> {
        Ok(Quote {
            start,
            end,
            text,
            kind: kind_from(kind)?,
            speaker,
            mention,
            cue,
            sentence,
        })
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let speaker = match &self.speaker {
            Some(s) => format!("{s:?}"),
            None => "None".into(),
        };
        format!(
            "Quote({}, {}, {}, kind={:?}, speaker={})",
            self.start,
            self.end,
            repr_text(py, &self.text, 50),
            self.kind,
            speaker
        )
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Quote>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.start == o.start
            && self.end == o.end
            && self.kind == o.kind
            && self.speaker == o.speaker
            && self.sentence == o.sentence
            && text_eq(py, &self.text, &o.text)?
            && opt_span_eq(py, &self.mention, &o.mention)?
            && opt_span_eq(py, &self.cue, &o.cue)?)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.kind, self.text.bind(py))
            .into_pyobject(py)?
            .hash()
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let args = (
            s.start,
            s.end,
            s.text.clone_ref(py),
            s.kind,
            s.speaker.clone(),
            s.mention.as_ref().map(|m| m.clone_ref(py)),
            s.cue.as_ref().map(|m| m.clone_ref(py)),
            s.sentence,
        );
        (slf.get_type(), args).into_pyobject(py)
    }
}

/// A canonical speaker of one article.
#[pyclass(frozen, module = "presslens._core")]
pub(super) struct Speaker {
    #[pyo3(get)]
    pub(super) name: String,
    /// Every mention (names, pronouns and role nouns resolved to this speaker).
    #[pyo3(get)]
    pub(super) mentions: Py<PyList>,
    /// Descriptions the article gives ("a senior Pentagon official in the Biden administration").
    #[pyo3(get)]
    pub(super) descriptions: Py<PyList>,
    /// The speaker's quotes, in text order.
    #[pyo3(get)]
    pub(super) quotes: Py<PyList>,
}

#[pymethods]
impl Speaker {
    #[new]
    fn new(
        name: String,
        mentions: Py<PyList>,
        descriptions: Py<PyList>,
        quotes: Py<PyList>,
    ) -> Self {
        Speaker {
            name,
            mentions,
            descriptions,
            quotes,
        }
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Speaker({:?}, mentions={}, quotes={})",
            self.name,
            self.mentions.bind(py).len(),
            self.quotes.bind(py).len()
        )
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Speaker>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.name == o.name
            && self.mentions.bind(py).eq(o.mentions.bind(py))?
            && self.descriptions.bind(py).eq(o.descriptions.bind(py))?
            && self.quotes.bind(py).eq(o.quotes.bind(py))?)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let args = (
            s.name.clone(),
            s.mentions.clone_ref(py),
            s.descriptions.clone_ref(py),
            s.quotes.clone_ref(py),
        );
        (slf.get_type(), args).into_pyobject(py)
    }
}
