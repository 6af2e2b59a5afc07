//! `split_sentences`, `split_sentences_batch`.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use super::batch::articles_batch;
use super::errors::run;
use super::ffi;
use super::input::{exact_str, exact_strs, CodePoints};
use super::threads::check_threads;
use super::types::Sentence;
use crate::segment;

/// The list of Sentence objects of one article from code-point spans (converted off the GIL by
/// [`crate::offsets::char_spans_sorted`], so sorted and within the article).
fn sentence_list<'py>(
    article: &Bound<'py, PyString>,
    spans: &[(usize, usize)],
) -> PyResult<Bound<'py, PyList>> {
    let py = article.py();
    let list = ffi::list_of_len(py, spans.len())?;
    for (i, &(start, end)) in spans.iter().enumerate() {
        let s = Bound::new(
            py,
            Sentence::in_article(start, end, article.clone().unbind()),
        )?;
        // A Sentence holds only ints and an exact str: never part of a cycle.
        ffi::gc_untrack(s.as_any());
        ffi::list_set(&list, i, s.into_any())?;
    }
    Ok(list)
}

/// Sentences of one text as code-point spans; runs without the GIL.
fn split_points(cps: CodePoints) -> Vec<(usize, usize)> {
    let s = cps.into_utf8();
    crate::offsets::char_spans_sorted(&s, &segment::split(&s))
}

/// Split an article into sentences (news rules), in code-point offsets.
///
/// Every line break ends a sentence (headlines, captions, bylines stand alone); titles,
/// abbreviations, initials, numbers, URLs and e-mail addresses do not; closing quotes stay with
/// their sentence. Sentences are sorted, disjoint, stripped of whitespace, and together cover
/// every non-whitespace character: ``text[s.start:s.end] == s.text``. Raises TypeError for a
/// non-str; ``""`` gives ``[]``.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn split_sentences<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let article = exact_str(text, "split_sentences", "text")?;
    let cps = CodePoints::read(&article)?;
    let spans = run(py, move || split_points(cps))?;
    sentence_list(&article, &spans)
}

/// Split many articles in parallel (rayon, GIL released): ``[split_sentences(t) for t in
/// texts]``. ``n_threads`` threads split while the calling thread makes the Python objects of
/// articles already split; ``n_threads=1`` does everything on the calling thread; ``None`` uses
/// all cores.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn split_sentences_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let n_threads = check_threads(n_threads)?;
    let articles = exact_strs(texts, "split_sentences_batch", "texts")?;
    let out = ffi::list_of_len(py, articles.len())?;
    if n_threads == Some(1) {
        // One article at a time: its buffers are reused by the allocator for the next one,
        // where a chunk of articles (the batch executor's unit) would touch megabytes of fresh pages.
        return one_by_one(py, &articles, |i, a, spans| {
            ffi::list_set(&out, i, sentence_list(a, &spans)?.into_any())
        })
        .map(|()| out);
    }
    articles_batch(py, &articles, n_threads, split_points, |i, a, spans| {
        ffi::list_set(&out, i, sentence_list(a, &spans)?.into_any())
    })?;
    Ok(out)
}

/// Ctrl-C is looked for after at least this many bytes of articles (well under a millisecond
/// of work).
const SIGNAL_EVERY: usize = 1 << 18;

/// Split `articles` on the calling thread, in order, `build(i, article, spans)` for each.
fn one_by_one<'py>(
    py: Python<'py>,
    articles: &[Bound<'py, PyString>],
    mut build: impl FnMut(usize, &Bound<'py, PyString>, Vec<(usize, usize)>) -> PyResult<()>,
) -> PyResult<()> {
    let mut since_check = 0;
    for (i, a) in articles.iter().enumerate() {
        let cps = CodePoints::read(a)?;
        since_check += cps.len();
        let spans = run(py, move || split_points(cps))?;
        build(i, a, spans)?;
        if since_check >= SIGNAL_EVERY {
            py.check_signals()?;
            since_check = 0;
        }
    }
    Ok(())
}

/// `_split_sentences_stages(texts, stage)`: the parts of `split_sentences_batch(texts,
/// n_threads=1)` without the objects, for `scripts/benchmark_sentences.py`. `"read"` only
/// reads every text (str to UTF-8); `"scan"` also splits it and converts the spans to
/// code-point offsets. Returns the number of sentences found (0 for `"read"`).
#[pyfunction]
#[pyo3(signature = (texts, stage))]
fn _split_sentences_stages<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    stage: &str,
) -> PyResult<usize> {
    let scan = match stage {
        "read" => false,
        "scan" => true,
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "stage must be 'read' or 'scan', not {other:?}"
            )))
        }
    };
    let articles = exact_strs(texts, "_split_sentences_stages", "texts")?;
    let mut found = 0;
    for a in &articles {
        let cps = CodePoints::read(a)?;
        found += run(py, move || {
            if scan {
                split_points(cps).len()
            } else {
                std::hint::black_box(cps.into_utf8().len());
                0
            }
        })?;
    }
    Ok(found)
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Sentence>()?;
    m.add_class::<super::types::Span>()?;
    m.add_function(wrap_pyfunction!(split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(split_sentences_batch, m)?)?;
    m.add_function(wrap_pyfunction!(_split_sentences_stages, m)?)?;
    Ok(())
}
