//! Run-time cue verbs and titles: `add_cue_verbs`, `add_titles`, `lexicon_additions`,
//! `reset_lexicon_additions` ([`crate::lexicon::runtime`]).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::input::{exact_str, items};
use crate::lexicon::runtime::{self, AdditionError, CueUse};

fn value_error(e: AdditionError) -> PyErr {
    PyValueError::new_err(e.0)
}

/// The words of `words`, an iterable of str (a single str is refused); TypeError names the item.
fn word_list(words: &Bound<'_, PyAny>, func: &str) -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    for (i, item) in items(words, func, "words", "an iterable of str")?.enumerate() {
        let s = exact_str(&item?, func, &format!("words[{i}]"))?;
        out.push(s.to_cow()?.into_owned());
        if out.len() > runtime::MAX_ADDITIONS {
            return Err(PyValueError::new_err(format!(
                "{func}(): more than {} words",
                runtime::MAX_ADDITIONS
            )));
        }
    }
    Ok(out)
}

/// Add cue verbs for direct quotes, reported speech or both; returns the forms added.
#[pyfunction]
#[pyo3(signature = (words, *, usage = "both", inflect = true))]
fn add_cue_verbs(words: &Bound<'_, PyAny>, usage: &str, inflect: bool) -> PyResult<Vec<String>> {
    let usage = CueUse::parse(usage).map_err(value_error)?;
    let words = word_list(words, "add_cue_verbs")?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    runtime::add_cue_verbs(&words, usage, inflect).map_err(value_error)
}

/// Add titles that go before a person's name; returns them as stored.
#[pyfunction]
fn add_titles(words: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let words = word_list(words, "add_titles")?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    runtime::add_titles(&words).map_err(value_error)
}

/// The words added at run time, sorted: `{"quote_cues": [...], "reported_cues": [...],
/// "titles": [...]}`.
#[pyfunction]
fn lexicon_additions(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    fn sorted(set: &rustc_hash::FxHashSet<String>) -> Vec<&str> {
        let mut v: Vec<&str> = set.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
    let now = runtime::snapshot();
    let out = PyDict::new(py);
    out.set_item("quote_cues", sorted(&now.quote_cues))?;
    out.set_item("reported_cues", sorted(&now.reported_cues))?;
    out.set_item("titles", sorted(&now.titles))?;
    Ok(out)
}

/// Remove every cue verb and title added at run time.
#[pyfunction]
fn reset_lexicon_additions() {
    runtime::reset();
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add_cue_verbs, m)?)?;
    m.add_function(wrap_pyfunction!(add_titles, m)?)?;
    m.add_function(wrap_pyfunction!(lexicon_additions, m)?)?;
    m.add_function(wrap_pyfunction!(reset_lexicon_additions, m)?)?;
    Ok(())
}
