//! The one batch pipeline of the bindings: convert → `par_iter` → build, in chunks.
//!
//! Items are read (converted from Python) under the GIL a chunk at a time; a chunk is worked on
//! in parallel with the GIL released; its results are turned into Python objects under the GIL.
//! While the workers process one chunk, the calling thread builds the objects of the previous
//! chunk and reads the next, so object creation (often the slowest part) overlaps the work.
//! Chunks bound the memory held for converted text, and between chunks the call checks for
//! signals, so Ctrl-C raises KeyboardInterrupt within about a chunk's work (well under a
//! second) instead of after the whole batch.

use std::panic::{catch_unwind, AssertUnwindSafe};

use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyList, PyString};
use rayon::prelude::*;

use super::errors::{internal, panic_error, run, type_name};
use super::ffi;
use super::input::{exact_strs, CodePoints, Text};

/// A chunk ends after this many items ...
const CHUNK_ITEMS: usize = 4096;
/// ... or once its items measure this much (code points or bytes, as `read` reports).
const CHUNK_SIZE: usize = 1 << 20;
/// Smaller batches are cut into about this many chunks per thread, so that reading, work and
/// object building overlap on a few MB too (two 1 MB chunks of a 2 MB batch barely overlap) ...
const CHUNKS_PER_THREAD: usize = 4;
/// ... but chunks no smaller than this (each costs a thread start and a signal check).
const MIN_CHUNK_ITEMS: usize = 16;
const MIN_CHUNK_SIZE: usize = 1 << 16;

/// The item and size limits of a chunk, for `n` items measuring `total` (when known) on
/// `n_threads` threads.
fn chunk_limits(n: usize, total: Option<usize>, n_threads: Option<usize>) -> (usize, usize) {
    let pieces = CHUNKS_PER_THREAD * n_threads.unwrap_or_else(rayon::current_num_threads).max(1);
    let items = n.div_ceil(pieces).clamp(MIN_CHUNK_ITEMS, CHUNK_ITEMS);
    let size = total.map_or(CHUNK_SIZE, |t| {
        t.div_ceil(pieces).clamp(MIN_CHUNK_SIZE, CHUNK_SIZE)
    });
    (items, size)
}

/// The most threads a call may ask for: more only adds overhead, and a typo such as
/// `n_threads=2000` must not start thousands of threads.
pub(super) fn max_threads() -> usize {
    4 * std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Check an `n_threads` argument: None (all cores) or an integer (anything `operator.index`
/// accepts, such as numpy integers) from 1 to [`max_threads`]; a bool is refused.
pub(super) fn check_threads(n_threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(obj) = n_threads.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if obj.is_instance_of::<PyBool>() {
        return Err(PyValueError::new_err(format!(
            "n_threads must be an integer from 1 to {}, or None for all cores; not a bool",
            max_threads()
        )));
    }
    // operator.index semantics: TypeError for floats, str and other non-integers.
    let index = obj.py().import("operator")?.call_method1("index", (obj,));
    let n = match index {
        Ok(n) => n.extract::<i64>().unwrap_or(i64::MAX),
        Err(e) if e.is_instance_of::<PyTypeError>(obj.py()) => {
            return Err(PyTypeError::new_err(format!(
                "n_threads must be an integer or None, not {}",
                type_name(obj)
            )))
        }
        Err(e) => return Err(e),
    };
    if n < 1 {
        return Err(PyValueError::new_err(format!(
            "n_threads must be at least 1 (or None for all cores), not {n}"
        )));
    }
    let max = max_threads();
    match usize::try_from(n) {
        Ok(n) if n <= max => Ok(Some(n)),
        _ => Err(PyValueError::new_err(format!(
            "n_threads={} is more than the maximum of {max} (4 x {} cores)",
            obj.str().map(|s| s.to_string()).unwrap_or_default(),
            max / 4
        ))),
    }
}

/// `_check_n_threads(n)`: the check of every `n_threads` argument, for the Python layer.
#[pyfunction]
#[pyo3(signature = (n_threads, /))]
fn _check_n_threads(n_threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    check_threads(n_threads)
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("MAX_THREADS", max_threads())?;
    m.add_function(wrap_pyfunction!(_check_n_threads, m)?)
}

/// Wait for `f`, run on its own thread without the GIL, checking for Ctrl-C (and other
/// signals) every [`SIGNAL_CHECK`]. On KeyboardInterrupt the call returns at once; the thread
/// finishes its work in the background and its result is dropped. For work that does not come
/// in items, such as clustering all quotes at once.
pub(super) fn run_interruptible<T: Send + 'static>(
    py: Python<'_>,
    f: impl FnOnce() -> T + Send + 'static,
) -> PyResult<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("presslens-work".into())
        .spawn(move || {
            let _ = tx.send(catch_unwind(AssertUnwindSafe(f)));
        })
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
    let mut rx = rx;
    loop {
        // The receiver is moved in and out: it is Send but not Sync.
        let (back, got) = py.detach(move || {
            let got = rx.recv_timeout(SIGNAL_CHECK);
            (rx, got)
        });
        rx = back;
        match got {
            Ok(result) => return result.map_err(panic_error),
            Err(RecvTimeoutError::Timeout) => py.check_signals()?,
            Err(RecvTimeoutError::Disconnected) => return Err(internal("a worker thread stopped")),
        }
    }
}

/// How often a waiting call looks for Ctrl-C.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// Run a batch of `n` items: `read(i)` gives item `i` and its size under the GIL, `work` runs on
/// `n_threads` threads (None: all cores) without the GIL, and `build(i, result)` is called under
/// the GIL for every item in order. A panic in `work` becomes RuntimeError.
///
/// With `n_threads == Some(1)` everything runs on the calling thread, one chunk after another.
pub(super) fn pipeline<In: Send, Res: Send>(
    py: Python<'_>,
    n: usize,
    n_threads: Option<usize>,
    read: impl FnMut(usize) -> PyResult<(In, usize)>,
    work: impl Fn(In) -> Res + Sync,
    build: impl FnMut(usize, Res) -> PyResult<()>,
) -> PyResult<()> {
    pipeline_sized(py, n, None, n_threads, read, work, build)
}

/// [`pipeline`] for items that measure `total` in all (as `read` counts), which sizes the
/// chunks of a batch of a few MB.
fn pipeline_sized<In: Send, Res: Send>(
    py: Python<'_>,
    n: usize,
    total: Option<usize>,
    n_threads: Option<usize>,
    mut read: impl FnMut(usize) -> PyResult<(In, usize)>,
    work: impl Fn(In) -> Res + Sync,
    mut build: impl FnMut(usize, Res) -> PyResult<()>,
) -> PyResult<()> {
    let (chunk_items, chunk_size) = chunk_limits(n, total, n_threads);
    let mut next = 0;
    let mut read_chunk = || -> PyResult<(usize, Vec<In>)> {
        let (start, mut size, mut items) = (next, 0, Vec::new());
        while next < n && items.len() < chunk_items && size < chunk_size {
            let (item, item_size) = read(next)?;
            size += item_size;
            items.push(item);
            next += 1;
        }
        Ok((start, items))
    };
    let mut build_chunk = |start: usize, results: Vec<Res>| -> PyResult<()> {
        for (k, r) in results.into_iter().enumerate() {
            build(start + k, r)?;
        }
        Ok(())
    };
    if n_threads == Some(1) {
        loop {
            let (start, items) = read_chunk()?;
            if items.is_empty() {
                return Ok(());
            }
            let results = run(py, || items.into_iter().map(&work).collect())?;
            build_chunk(start, results)?;
            py.check_signals()?;
        }
    }
    let work_chunk = |items: Vec<In>| -> std::thread::Result<Vec<Res>> {
        catch_unwind(AssertUnwindSafe(|| {
            crate::with_threads(n_threads, || items.into_par_iter().map(&work).collect())
        }))
    };
    let mut current = read_chunk()?;
    let mut done: Option<(usize, Vec<Res>)> = None;
    std::thread::scope(|scope| -> PyResult<()> {
        while !current.1.is_empty() || done.is_some() {
            let (start, items) = std::mem::take(&mut current);
            let work_chunk = &work_chunk;
            let worker = (!items.is_empty()).then(|| scope.spawn(move || work_chunk(items)));
            // Meanwhile, on this thread: objects of the previous chunk, then the next chunk.
            let meanwhile = match done.take() {
                Some((s, results)) => build_chunk(s, results),
                None => Ok(()),
            }
            .and_then(|()| {
                current = read_chunk()?;
                Ok(())
            });
            let joined = worker.map(|w| py.detach(move || w.join()));
            meanwhile?;
            // Between chunks: Ctrl-C raises KeyboardInterrupt here.
            py.check_signals()?;
            if let Some(joined) = joined {
                let results = joined.map_err(panic_error)?.map_err(panic_error)?;
                done = Some((start, results));
            }
        }
        Ok(())
    })
}

/// [`pipeline`] over articles (exact `str`s, as `input::exact_strs` gives them): each is read as
/// code points under the GIL, `work` gets those without the GIL, and `build(i, article, result)`
/// makes the Python objects under the GIL. Every per-article batch call goes through here.
pub(super) fn articles_pipeline<'py, Res: Send>(
    py: Python<'py>,
    articles: &[Bound<'py, PyString>],
    n_threads: Option<usize>,
    work: impl Fn(CodePoints) -> Res + Sync,
    mut build: impl FnMut(usize, &Bound<'py, PyString>, Res) -> PyResult<()>,
) -> PyResult<()> {
    let article = |i: usize| articles.get(i).ok_or_else(|| internal("batch index"));
    // Code points, as `read` measures them (a length lookup per article).
    let mut total = 0usize;
    for a in articles {
        total = total.saturating_add(a.len()?);
    }
    pipeline_sized(
        py,
        articles.len(),
        Some(total),
        n_threads,
        |i| {
            let cps = CodePoints::read(article(i)?)?;
            let size = cps.len();
            Ok((cps, size))
        },
        work,
        |i, result| build(i, article(i)?, result),
    )
}

/// The batch form of a per-article function that returns a list: `analyze` each article's
/// text without the GIL, then `to_py` its objects; one list per article, in input order.
/// `func` names the calling function in error messages.
pub(super) fn article_lists<'py, A: Send, T: IntoPyObject<'py>>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    func: &str,
    n_threads: Option<&Bound<'py, PyAny>>,
    analyze: impl Fn(&str) -> A + Sync,
    to_py: impl Fn(&Text<'py>, &A) -> PyResult<Vec<T>>,
) -> PyResult<Bound<'py, PyList>> {
    let n_threads = check_threads(n_threads)?;
    let articles = exact_strs(texts, func, "texts")?;
    let out = ffi::list_of_len(py, articles.len())?;
    articles_pipeline(
        py,
        &articles,
        n_threads,
        |cps| {
            let s = cps.into_utf8();
            let a = analyze(&s);
            (s, a)
        },
        |i, obj, (s, a)| {
            let text = Text {
                s,
                obj: obj.clone(),
            };
            let list = PyList::new(py, to_py(&text, &a)?)?;
            ffi::list_set(&out, i, list.into_any())
        },
    )?;
    Ok(out)
}
