//! Cross-article comparison: `cluster_quotes`, `quote_clusters`, `link_speakers`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use std::sync::Arc;

use super::batch::{check_threads, run_interruptible};
use super::errors::type_name;
use super::input::{items, strings, take_text};
use crate::offsets::CharIndex;
use crate::Span as ByteSpan;

/// Optional per-quote speakers: an iterable of str or None (NaN counts as None), as long as
/// `texts`.
fn take_speakers(
    obj: Option<&Bound<'_, PyAny>>,
    n: usize,
    func: &str,
    arg: &str,
) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let mut out = Vec::with_capacity(n);
    for (i, item) in items(obj, func, arg, "an iterable of str or None")?.enumerate() {
        let item = item?;
        if item.is_none() {
            out.push(None);
        } else if let Ok(f) = item.extract::<f64>() {
            if f.is_nan() && !item.is_instance_of::<PyString>() {
                out.push(None);
            } else {
                return Err(PyTypeError::new_err(format!(
                    "{func}() argument '{arg}[{i}]' must be str or None, not {}",
                    type_name(&item)
                )));
            }
        } else {
            out.push(Some(take_text(&item, func, &format!("{arg}[{i}]"))?.s));
        }
    }
    if out.len() != n {
        return Err(PyValueError::new_err(format!(
            "{func}(): '{arg}' has {} items but 'texts' has {n}",
            out.len()
        )));
    }
    Ok(Some(out))
}

/// Texts, per-quote speakers and thread count, checked.
type CompareInputs = (Arc<Vec<String>>, Option<Vec<Option<String>>>, Option<usize>);

fn compare_inputs<'py>(
    texts: &Bound<'py, PyAny>,
    speakers: Option<&Bound<'py, PyAny>>,
    n_threads: Option<&Bound<'py, PyAny>>,
    func: &str,
) -> PyResult<CompareInputs> {
    let n_threads = check_threads(n_threads)?;
    let ts = strings(texts, func, "texts")?;
    let sp = take_speakers(speakers, ts.len(), func, "speakers")?;
    Ok((Arc::new(ts), sp, n_threads))
}

/// Cluster the quotes without the GIL; Ctrl-C interrupts the wait.
fn run_match(
    py: Python<'_>,
    ts: &Arc<Vec<String>>,
    sp: Option<Vec<Option<String>>>,
    n_threads: Option<usize>,
) -> PyResult<crate::compare::QuoteClusters> {
    let ts = Arc::clone(ts);
    run_interruptible(py, move || {
        let strs: Vec<&str> = ts.iter().map(String::as_str).collect();
        let sps: Option<Vec<Option<&str>>> = sp
            .as_ref()
            .map(|v| v.iter().map(|s| s.as_deref()).collect());
        crate::with_threads(n_threads, || {
            crate::compare::match_quotes(&strs, sps.as_deref(), &crate::compare::Options::default())
        })
    })
}

/// Cluster quotes into remarks: one id per quote, equal ids = the same remark.
#[pyfunction]
#[pyo3(signature = (texts, speakers=None, n_threads=None))]
fn cluster_quotes<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    speakers: Option<&Bound<'py, PyAny>>,
    n_threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<usize>> {
    let (ts, sp, n_threads) = compare_inputs(texts, speakers, n_threads, "cluster_quotes")?;
    Ok(run_match(py, &ts, sp, n_threads)?.ids)
}

/// Every membership of a quote in a remark (the detail behind `cluster_quotes`), as columns: `cluster`, `quote` (input position),
/// `start`, `end` (code-point range of the quote text that carries the remark).
#[pyfunction]
#[pyo3(signature = (texts, speakers=None, n_threads=None))]
fn cluster_members<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    speakers: Option<&Bound<'py, PyAny>>,
    n_threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (ts, sp, n_threads) = compare_inputs(texts, speakers, n_threads, "cluster_members")?;
    let r = run_match(py, &ts, sp, n_threads)?;
    let n = r.members.len();
    let (mut cl, mut qu, mut st, mut en) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut idx: Option<(usize, CharIndex<'_>)> = None;
    for m in &r.members {
        let Some(t) = ts.get(m.quote) else { continue };
        if idx.as_ref().map(|x| x.0) != Some(m.quote) {
            idx = Some((m.quote, CharIndex::new(t)));
        }
        let (a, b) = idx
            .as_ref()
            .map_or((0, 0), |(_, ci)| ci.span(ByteSpan::new(m.start, m.end)));
        cl.push(m.cluster);
        qu.push(m.quote);
        st.push(a);
        en.push(b);
    }
    let d = PyDict::new(py);
    d.set_item("cluster", cl)?;
    d.set_item("quote", qu)?;
    d.set_item("start", st)?;
    d.set_item("end", en)?;
    Ok(d)
}

/// One small integer per item of `docs` (any hashable: equal items, equal codes).
fn doc_codes(docs: &Bound<'_, PyAny>, n: usize) -> PyResult<Vec<usize>> {
    let py = docs.py();
    let seen = PyDict::new(py);
    let mut out = Vec::with_capacity(n);
    for item in items(
        docs,
        "link_speakers",
        "docs",
        "an iterable of document keys",
    )? {
        let item = item?;
        let code = match seen.get_item(&item)? {
            Some(c) => c.extract::<usize>()?,
            None => {
                let c = seen.len();
                seen.set_item(&item, c)?;
                c
            }
        };
        out.push(code);
    }
    if out.len() != n {
        return Err(PyValueError::new_err(format!(
            "link_speakers(): 'docs' has {} items but 'names' has {n}",
            out.len()
        )));
    }
    Ok(out)
}

/// Optional known variants per name: an iterable (as long as `names`) of lists of str or None.
fn take_variants(v: &Bound<'_, PyAny>, n: usize) -> PyResult<Vec<Vec<String>>> {
    let iter = v.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "link_speakers() argument 'variants' must be an iterable of lists of str, not {}",
            type_name(v)
        ))
    })?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        let forms = if item.is_none() {
            Vec::new()
        } else {
            strings(&item, "link_speakers", "texts").map_err(|_| {
                PyTypeError::new_err(format!(
                    "link_speakers() argument 'variants[{i}]' must be a list of str, not {}",
                    type_name(&item)
                ))
            })?
        };
        out.push(forms);
    }
    if out.len() != n {
        return Err(PyValueError::new_err(format!(
            "link_speakers(): 'variants' has {} items but 'names' has {n}",
            out.len(),
        )));
    }
    Ok(out)
}

/// Link speaker names across articles: `(ids, names)`, one id per input and the fullest name
/// of each id; inputs with the same `docs` key are never merged.
#[pyfunction]
#[pyo3(signature = (names, variants=None, n_threads=None, docs=None))]
fn link_speakers<'py>(
    py: Python<'py>,
    names: &Bound<'py, PyAny>,
    variants: Option<&Bound<'py, PyAny>>,
    n_threads: Option<&Bound<'py, PyAny>>,
    docs: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Vec<usize>, Vec<String>)> {
    let n_threads = check_threads(n_threads)?;
    let labels = strings(names, "link_speakers", "names")?;
    let vars = variants
        .filter(|v| !v.is_none())
        .map(|v| take_variants(v, labels.len()))
        .transpose()?;
    let codes = docs
        .filter(|d| !d.is_none())
        .map(|d| doc_codes(d, labels.len()))
        .transpose()?;
    let l = run_interruptible(py, move || {
        crate::with_threads(n_threads, || {
            let ls: Vec<&str> = labels.iter().map(String::as_str).collect();
            let vs: Option<Vec<Vec<&str>>> = vars.as_ref().map(|v| {
                v.iter()
                    .map(|f| f.iter().map(String::as_str).collect())
                    .collect()
            });
            crate::compare::link_speakers(&ls, vs.as_deref(), codes.as_deref())
        })
    })?;
    Ok((l.ids, l.names))
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(cluster_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_members, m)?)?;
    m.add_function(wrap_pyfunction!(link_speakers, m)?)?;
    Ok(())
}
