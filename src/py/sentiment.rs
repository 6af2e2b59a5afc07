//! VADER sentiment: `polarity_scores`, `polarity_scores_batch`, `sentence_sentiment` and the
//! `SentimentIntensityAnalyzer` class (custom lexicons).

use std::sync::{Arc, RwLock};

use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use super::errors::{lexicon_error, run, type_name};
use super::input::take_text;
use super::sentiment_batch::{score_batch, Shape, Utf8};
use super::sentiment_floats::share_float;
use super::types::Out;
use crate::{segment, sentiment};

/// A new `{neg, neu, pos, compound}` dict of `s`: a copy of a template that already holds the
/// four (interned) keys and the scores of a text without sentiment (0, 1, 0, 0), with only the
/// values that differ set. Building a dict key by key costs four inserts, the first of which
/// allocates the key table; a copy of a small dict is one allocation and a `memcpy`, and most
/// texts differ from the template in two or three values, not four.
pub(super) fn scores_dict<'py>(
    py: Python<'py>,
    s: &sentiment::Scores,
) -> PyResult<Bound<'py, PyDict>> {
    static TEMPLATE: PyOnceLock<Py<PyDict>> = PyOnceLock::new();
    const NEUTRAL: [f64; 4] = [0.0, 1.0, 0.0, 0.0];
    let keys = [
        pyo3::intern!(py, "neg"),
        pyo3::intern!(py, "neu"),
        pyo3::intern!(py, "pos"),
        pyo3::intern!(py, "compound"),
    ];
    let template = TEMPLATE.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
        let d = PyDict::new(py);
        for (key, v) in keys.iter().zip(NEUTRAL) {
            d.set_item(key, share_float(py, v))?;
        }
        Ok(d.unbind())
    })?;
    let d = template.bind(py).copy()?;
    let values = [s.neg, s.neu, s.pos, s.compound];
    for (k, (key, v)) in keys.iter().zip(values).enumerate() {
        // Bit for bit: a -0.0 compound is not the template's 0.0.
        if v.to_bits() != NEUTRAL[k].to_bits() {
            d.set_item(key, share_float(py, v))?;
        }
    }
    Ok(d)
}

/// Texts longer than this are scored with the GIL released.
const SENTIMENT_DETACH_BYTES: usize = 4096;

fn score_one<'py>(
    py: Python<'py>,
    a: &sentiment::Analyzer,
    text: &Bound<'py, PyAny>,
    func: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let t = Utf8::of(text.as_borrowed(), func, || "text".to_string())?;
    let s = t.as_str();
    // Short texts: releasing the GIL costs more than scoring.
    let scores = if s.len() > SENTIMENT_DETACH_BYTES {
        run(py, || a.polarity_scores(s))?
    } else {
        a.polarity_scores(s)
    };
    scores_dict(py, &scores)
}

/// `polarity_scores(text, /)`: VADER scores of one text, a dict with `neg`, `neu`, `pos`,
/// `compound`; the module's function (`_module` is NULL) and the method of
/// `SentimentIntensityAnalyzer` (`slf` is the analyzer).
///
/// A builtin of one argument (`METH_O`) rather than a `#[pyfunction]`/`#[pymethods]` entry:
/// under the stable ABI for Python 3.9 those are called with an argument tuple and keyword
/// dict, which CPython builds (and frees) for every call and PyO3 then unpacks; with `METH_O`
/// CPython passes the one argument as is. This is the call made once per text in a loop.
///
/// # Safety
/// Called by CPython only, with the GIL held, `arg` a live object and `slf` NULL or (through
/// the method descriptor, which checks the type) a `SentimentIntensityAnalyzer`.
unsafe extern "C" fn polarity_scores_o(
    slf: *mut pyo3::ffi::PyObject,
    arg: *mut pyo3::ffi::PyObject,
) -> *mut pyo3::ffi::PyObject {
    // SAFETY: CPython calls this with the GIL held. (Not a CPython call.)
    let py = unsafe { Python::assume_attached() };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: `arg` is a live object borrowed for the call (METH_O). (Not a CPython call.)
        let text = unsafe { Bound::from_borrowed_ptr(py, arg) };
        if slf.is_null() {
            return score_one(
                py,
                sentiment::Analyzer::default_ref(),
                &text,
                "polarity_scores",
            );
        }
        // SAFETY: `slf` is a live object borrowed for the call. (Not a CPython call.)
        let slf = unsafe { Bound::from_borrowed_ptr(py, slf) };
        let sia = slf.cast::<SentimentIntensityAnalyzer>()?;
        score_one(py, &sia.get().current(), &text, "polarity_scores")
    }));
    let err = match outcome {
        Ok(Ok(d)) => return d.into_ptr(),
        Ok(Err(e)) => e,
        // A panic must not unwind into CPython: raise it as PyO3 does.
        Err(_) => pyo3::panic::PanicException::new_err("polarity_scores panicked"),
    };
    err.restore(py);
    std::ptr::null_mut()
}

/// A `METH_O` definition of [`polarity_scores_o`] with docstring `doc`. CPython keeps a
/// pointer to it for the function's life: made once per module, never freed (a few dozen
/// bytes).
fn polarity_scores_def(doc: &'static std::ffi::CStr) -> &'static mut pyo3::ffi::PyMethodDef {
    Box::leak(Box::new(pyo3::ffi::PyMethodDef {
        ml_name: c"polarity_scores".as_ptr(),
        ml_meth: pyo3::ffi::PyMethodDefPointer {
            PyCFunction: polarity_scores_o,
        },
        ml_flags: pyo3::ffi::METH_O,
        ml_doc: doc.as_ptr(),
    }))
}

/// Add `polarity_scores` ([`polarity_scores_o`]) to the module, and as a method to
/// `SentimentIntensityAnalyzer` (added before).
fn add_polarity_scores(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let name = m.name()?;
    // SAFETY: the definition lives forever; `name` is a live str (the module name, for
    // __module__); the call returns a new reference or NULL with an exception set.
    let f = unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            pyo3::ffi::PyCFunction_NewEx(
                // The first line gives `inspect.signature` the signature.
                polarity_scores_def(
                    c"polarity_scores(text, /)\n--\n\nVADER scores of one text: a dict with \
`neg`, `neu`, `pos`, `compound`.",
                ),
                std::ptr::null_mut(),
                name.as_ptr(),
            ),
        )
    }?;
    m.add("polarity_scores", f)?;
    let ty = py.get_type::<SentimentIntensityAnalyzer>();
    // SAFETY: `ty` is a live type object and the definition lives forever; the call returns
    // a new reference (a method descriptor) or NULL with an exception set.
    let method = unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            pyo3::ffi::PyDescr_NewMethod(
                ty.as_type_ptr(),
                polarity_scores_def(
                    c"polarity_scores($self, text, /)\n--\n\nVADER scores of one text: a dict \
with `neg`, `neu`, `pos`, `compound`.",
                ),
            ),
        )
    }?;
    ty.setattr("polarity_scores", method)
}

/// VADER scores of many texts in parallel (rayon, GIL released): one dict per text,
/// ``[polarity_scores(t) for t in texts]``.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn polarity_scores_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = sentiment::Analyzer::default_ref();
    score_batch(
        py,
        a,
        texts,
        n_threads,
        "polarity_scores_batch",
        Shape::Rows,
    )
}

/// VADER scores of many texts as columns: a dict of four equal-length lists `neg`, `neu`,
/// `pos`, `compound`, ready for `pandas.DataFrame(result)` (no dict per text: the fastest).
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn polarity_scores_columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = sentiment::Analyzer::default_ref();
    score_batch(
        py,
        a,
        texts,
        n_threads,
        "polarity_scores_columns",
        Shape::Columns,
    )
}

/// Each sentence of `split_sentences(text)` with its VADER scores: a list of dicts with
/// `start`, `end`, `text` (code-point offsets) and `neg`, `neu`, `pos`, `compound`.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn sentence_sentiment<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let t = take_text(text, "sentence_sentiment", "text")?;
    let s: &str = &t.s;
    let a = sentiment::Analyzer::default_ref();
    let scored = run(py, || {
        segment::split(s)
            .into_iter()
            .map(|sp| (sp, a.polarity_scores(sp.of(s))))
            .collect::<Vec<_>>()
    })?;
    let out = Out::new(&t);
    let items = scored
        .iter()
        .map(|(sp, sc)| {
            let (start, end, st) = out.slice(*sp)?;
            let d = PyDict::new(py);
            d.set_item("start", start)?;
            d.set_item("end", end)?;
            d.set_item("text", st)?;
            d.set_item("neg", sc.neg)?;
            d.set_item("neu", sc.neu)?;
            d.set_item("pos", sc.pos)?;
            d.set_item("compound", sc.compound)?;
            Ok(d)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// A lexicon argument that is a path: read it, or None if `obj` is not str/PathLike.
fn lexicon_path_text(obj: &Bound<'_, PyAny>) -> PyResult<Option<(String, String)>> {
    let py = obj.py();
    let is_path =
        obj.is_instance_of::<PyString>() || obj.hasattr(pyo3::intern!(py, "__fspath__"))?;
    if !is_path {
        return Ok(None);
    }
    let os = py.import("os")?;
    let path: String = os.call_method1("fspath", (obj,))?.extract()?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| PyValueError::new_err(format!("{path}: cannot read lexicon: {e}")))?;
    Ok(Some((path, text)))
}

/// `{token: valence}` from a mapping; every value checked before anything is applied.
fn lexicon_from_mapping(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<(String, f64)>> {
    let items = obj.call_method0("items").map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a path or a mapping of str to float, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
        let Ok(key) = k.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "{what}: keys must be str, not {}",
                type_name(&k)
            )));
        };
        let key = key.to_cow()?.into_owned();
        let value: f64 = v.extract().map_err(|_| {
            PyValueError::new_err(format!(
                "{what}: valence of {key:?} must be a number, not {}",
                type_name(&v)
            ))
        })?;
        check_valence(&key, value, what)?;
        out.push((key, value));
    }
    Ok(out)
}

/// The largest valence magnitude accepted (VADER's own lexicon stays within 4).
///
/// Scores add valences (times booster and emphasis factors) over a text and normalise with
/// `x / sqrt(x * x + 15)`; up to this bound the square stays finite for any text that fits in
/// memory, so every score is a number in its documented range and equals vaderSentiment's.
/// vaderSentiment itself takes any float: 1e200 gives `compound == 0.0` with `pos == 1.0`
/// (the square overflows to inf), 1e308 and inf give NaN.
const MAX_VALENCE: f64 = 1e100;

fn check_valence(key: &str, value: f64, what: &str) -> PyResult<()> {
    if !value.is_finite() {
        return Err(PyValueError::new_err(format!(
            "{what}: valence of {key:?} must be a finite number, not {value}"
        )));
    }
    if value.abs() > MAX_VALENCE {
        return Err(PyValueError::new_err(format!(
            "{what}: valence of {key:?} is {value:e}, beyond the supported range \
             [-1e100, 1e100] (scores would overflow)"
        )));
    }
    Ok(())
}

/// Check the valences of a lexicon read from a file.
fn check_lexicon_file(lex: Vec<(String, f64)>, path: &str) -> PyResult<Vec<(String, f64)>> {
    for (key, value) in &lex {
        check_valence(key, *value, path)?;
    }
    Ok(lex)
}

fn emoji_from_mapping(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let items = obj.call_method0("items").map_err(|_| {
        PyTypeError::new_err(format!(
            "emoji_lexicon must be a path or a mapping of str to str, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let (k, v): (String, Bound<'_, PyAny>) = item?.extract()?;
        let desc: String = v.extract().map_err(|_| {
            PyValueError::new_err(format!(
                "emoji_lexicon: description of {k:?} must be str, not {}",
                type_name(&v)
            ))
        })?;
        if k.is_empty() {
            return Err(PyValueError::new_err("emoji_lexicon: empty emoji key"));
        }
        out.push((k, desc));
    }
    Ok(out)
}

/// Drop-in replacement for `vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer`: the same
/// four numbers, exactly, much faster. `lexicon` / `emoji_lexicon`: a path to a file in VADER's
/// tab-separated format or a mapping; None uses VADER's bundled lexicons.
///
/// Safe to share between threads and to edit while a batch runs: the lexicon is copied on
/// write, and a call scores with the lexicon it started with.
#[pyclass(subclass, frozen, module = "presslens._core")]
struct SentimentIntensityAnalyzer {
    inner: RwLock<Arc<sentiment::Analyzer>>,
}

impl SentimentIntensityAnalyzer {
    fn with(analyzer: Arc<sentiment::Analyzer>) -> Self {
        SentimentIntensityAnalyzer {
            inner: RwLock::new(analyzer),
        }
    }

    /// The analyzer as it is now; later edits do not change it.
    fn current(&self) -> Arc<sentiment::Analyzer> {
        Arc::clone(&self.inner.read().unwrap_or_else(|e| e.into_inner()))
    }

    fn replace(&self, edit: impl FnOnce(&mut Arc<sentiment::Analyzer>)) {
        edit(&mut self.inner.write().unwrap_or_else(|e| e.into_inner()));
    }
}

#[pymethods]
impl SentimentIntensityAnalyzer {
    #[new]
    #[pyo3(signature = (lexicon=None, emoji_lexicon=None))]
    fn new(
        lexicon: Option<&Bound<'_, PyAny>>,
        emoji_lexicon: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let default = sentiment::Analyzer::default_arc();
        if lexicon.is_none() && emoji_lexicon.is_none() {
            return Ok(Self::with(Arc::clone(default)));
        }
        let lex = match lexicon {
            None => default.lexicon().to_vec(),
            Some(obj) => match lexicon_path_text(obj)? {
                Some((path, text)) => check_lexicon_file(
                    sentiment::Analyzer::parse_lexicon(&text, &path).map_err(lexicon_error)?,
                    &path,
                )?,
                None => lexicon_from_mapping(obj, "lexicon")?,
            },
        };
        let emo = match emoji_lexicon {
            None => default.emoji_lexicon().to_vec(),
            Some(obj) => match lexicon_path_text(obj)? {
                Some((path, text)) => {
                    sentiment::Analyzer::parse_emoji_lexicon(&text, &path).map_err(lexicon_error)?
                }
                None => emoji_from_mapping(obj)?,
            },
        };
        Ok(Self::with(Arc::new(sentiment::Analyzer::from_entries(
            lex, emo,
        ))))
    }

    /// Scores of many texts in parallel: one dict per text.
    #[pyo3(signature = (texts, n_threads=None))]
    fn polarity_scores_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let a = self.current();
        score_batch(
            py,
            &a,
            texts,
            n_threads,
            "polarity_scores_batch",
            Shape::Rows,
        )
    }

    /// Scores of many texts in parallel as columns: a dict of four equal-length lists.
    #[pyo3(signature = (texts, n_threads=None))]
    fn polarity_scores_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let a = self.current();
        score_batch(
            py,
            &a,
            texts,
            n_threads,
            "polarity_scores_columns",
            Shape::Columns,
        )
    }

    /// Add or override lexicon entries `{token: valence}`. Every entry is checked first:
    /// a bad one raises ValueError naming its key and nothing is applied.
    /// A batch running meanwhile keeps the lexicon it started with.
    fn update_lexicon(&self, mapping: &Bound<'_, PyAny>) -> PyResult<()> {
        let entries = lexicon_from_mapping(mapping, "update_lexicon()")?;
        // Copies the analyzer only while a call is using it.
        self.replace(|a| Arc::make_mut(a).update_lexicon(&entries));
        Ok(())
    }

    /// Remove lexicon entries by token (missing tokens raise KeyError; nothing is removed then).
    fn remove_lexicon(&self, tokens: Vec<String>) -> PyResult<()> {
        let mut result = Ok(());
        self.replace(|a| {
            let present: rustc_hash::FxHashSet<&str> =
                a.lexicon().iter().map(|(k, _)| k.as_str()).collect();
            if let Some(missing) = tokens.iter().find(|t| !present.contains(t.as_str())) {
                result = Err(PyKeyError::new_err(missing.clone()));
                return;
            }
            let drop: rustc_hash::FxHashSet<&str> = tokens.iter().map(|t| t.as_str()).collect();
            let lex = a
                .lexicon()
                .iter()
                .filter(|(k, _)| !drop.contains(k.as_str()))
                .cloned()
                .collect();
            let emo = a.emoji_lexicon().to_vec();
            *a = Arc::new(sentiment::Analyzer::from_entries(lex, emo));
        });
        result
    }

    /// The word lexicon as a new dict `{token: valence}` (edit it through `update_lexicon`).
    #[getter]
    fn lexicon<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.current().lexicon() {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    /// The emoji lexicon as a new dict `{emoji: description}`.
    #[getter]
    fn emojis<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.current().emoji_lexicon() {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let a = self.current();
        format!(
            "SentimentIntensityAnalyzer(<{} words, {} emoji>)",
            a.lexicon().len(),
            a.emoji_lexicon().len()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let lex = this.lexicon(py)?;
        let emo = this.emojis(py)?;
        (slf.get_type(), (lex, emo)).into_pyobject(py)
    }
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SentimentIntensityAnalyzer>()?;
    add_polarity_scores(m)?;
    m.add_function(wrap_pyfunction!(polarity_scores_batch, m)?)?;
    m.add_function(wrap_pyfunction!(polarity_scores_columns, m)?)?;
    m.add_function(wrap_pyfunction!(sentence_sentiment, m)?)?;
    Ok(())
}
