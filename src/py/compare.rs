//! Cross-article comparison: `cluster_quotes`, `quote_clusters`, `link_speakers`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use rustc_hash::FxHashMap;

use super::batch::run_interruptible;
use super::errors::type_name;
use super::input::{items, strings, take_text};
use super::threads::check_threads;
use crate::compare::Texts;
use crate::offsets::CharIndex;
use crate::Span as ByteSpan;

/// Texts in one UTF-8 buffer: text `i` is `buf[ends[i - 1]..ends[i]]`. A million quotes are
/// one allocation (plus 8 bytes each), not a `String` each.
#[derive(Default)]
struct Arena {
    buf: String,
    ends: Vec<usize>,
}

impl Arena {
    fn push(&mut self, s: &str) {
        self.buf.push_str(s);
        self.ends.push(self.buf.len());
    }
}

impl crate::compare::Texts for Arena {
    fn count(&self) -> usize {
        self.ends.len()
    }
    fn text(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.buf.get(start..end).unwrap_or("")
    }
}

/// Append the UTF-8 of `item` (a str; item `i` of argument `arg`) to `out`: encoded straight
/// into the buffer, no `String` per item. A non-str raises TypeError; lone surrogates take the
/// shared repairing path.
fn push_text(
    out: &mut Arena,
    item: &Bound<'_, PyAny>,
    func: &str,
    arg: &str,
    i: usize,
) -> PyResult<()> {
    let encoded = item
        .cast::<PyString>()
        .ok()
        .and_then(|s| s.encode_utf8().ok());
    match encoded.as_ref().map(|b| std::str::from_utf8(b.as_bytes())) {
        Some(Ok(s)) => out.push(s),
        _ => out.push(&take_text(item, func, &format!("{arg}[{i}]"))?.s),
    }
    Ok(())
}

/// Every item of `texts` (an iterable of str) into one [`Arena`].
fn arena_of(texts: &Bound<'_, PyAny>, func: &str, arg: &str) -> PyResult<Arena> {
    let mut out = Arena::default();
    if let Ok(n) = texts.len() {
        out.ends.reserve_exact(n);
    }
    for (i, item) in items(texts, func, arg, "an iterable of str")?.enumerate() {
        push_text(&mut out, &item?, func, arg, i)?;
    }
    out.buf.shrink_to_fit();
    Ok(out)
}

/// Per-quote speakers as distinct labels (in order of first appearance, no speaker as "")
/// and one label index per quote.
struct Labels {
    labels: Vec<String>,
    of: Vec<u32>,
}

impl Labels {
    fn id(&mut self, seen: &mut FxHashMap<String, u32>, label: &str) -> u32 {
        if let Some(&l) = seen.get(label) {
            return l;
        }
        let l = self.labels.len() as u32;
        self.labels.push(label.to_string());
        seen.insert(label.to_string(), l);
        l
    }
}

/// Optional per-quote speakers: an iterable of str or None (NaN counts as None), as long as
/// `texts`.
fn take_speakers(
    obj: Option<&Bound<'_, PyAny>>,
    n: usize,
    func: &str,
    arg: &str,
) -> PyResult<Option<Labels>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let mut out = Labels {
        labels: Vec::new(),
        of: Vec::with_capacity(n),
    };
    let mut seen: FxHashMap<String, u32> = FxHashMap::default();
    for (i, item) in items(obj, func, arg, "an iterable of str or None")?.enumerate() {
        let item = item?;
        let label = if item.is_none() {
            out.id(&mut seen, "")
        } else if let Ok(s) = item.cast::<PyString>() {
            match s.to_cow() {
                Ok(c) => out.id(&mut seen, &c),
                Err(_) => out.id(
                    &mut seen,
                    &take_text(&item, func, &format!("{arg}[{i}]"))?.s,
                ),
            }
        } else if item.extract::<f64>().is_ok_and(f64::is_nan) {
            out.id(&mut seen, "")
        } else {
            return Err(PyTypeError::new_err(format!(
                "{func}() argument '{arg}[{i}]' must be str or None, not {}",
                type_name(&item)
            )));
        };
        out.of.push(label);
    }
    if out.of.len() != n {
        return Err(PyValueError::new_err(format!(
            "{func}(): '{arg}' has {} items but 'texts' has {n}",
            out.of.len()
        )));
    }
    Ok(Some(out))
}

/// Texts, per-quote speakers and thread count, checked.
type CompareInputs = (Arena, Option<Labels>, Option<usize>);

fn compare_inputs<'py>(
    texts: &Bound<'py, PyAny>,
    speakers: Option<&Bound<'py, PyAny>>,
    n_threads: Option<&Bound<'py, PyAny>>,
    func: &str,
) -> PyResult<CompareInputs> {
    let n_threads = check_threads(n_threads)?;
    let ts = arena_of(texts, func, "texts")?;
    let sp = take_speakers(speakers, ts.ends.len(), func, "speakers")?;
    Ok((ts, sp, n_threads))
}

/// Cluster the quotes without the GIL; Ctrl-C interrupts the wait. `keep_texts`: give the
/// texts back (for offsets); otherwise they are freed as soon as they are tokenised.
fn run_match(
    py: Python<'_>,
    ts: Arena,
    sp: Option<Labels>,
    n_threads: Option<usize>,
    keep_texts: bool,
) -> PyResult<(crate::compare::QuoteClusters, Option<Arena>)> {
    run_interruptible(py, move || {
        let labels: Option<Vec<&str>> = sp
            .as_ref()
            .map(|s| s.labels.iter().map(String::as_str).collect());
        let speakers = sp
            .as_ref()
            .zip(labels.as_deref())
            .map(|(s, labels)| crate::compare::SpeakerLabels { labels, of: &s.of });
        let o = crate::compare::Options::default();
        crate::with_threads(n_threads, || {
            if keep_texts {
                let r = crate::compare::match_labelled(&ts, speakers, &o);
                (r, Some(ts))
            } else {
                (crate::compare::match_labelled_owned(ts, speakers, &o), None)
            }
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
    Ok(run_match(py, ts, sp, n_threads, false)?.0.ids)
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
    let (r, ts) = run_match(py, ts, sp, n_threads, true)?;
    let ts = ts.unwrap_or_default();
    let n = r.members.len();
    let (mut cl, mut qu, mut st, mut en) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut idx: Option<(usize, CharIndex<'_>)> = None;
    for m in &r.members {
        if m.quote >= ts.count() {
            continue;
        }
        let t = ts.text(m.quote);
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
