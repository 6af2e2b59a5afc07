//! The batch calls of sentiment (`polarity_scores_batch`, `polarity_scores_columns`): read
//! every text, score chunks of texts on all the call's threads, build the results in order.
//!
//! Not the shared pipeline (`batch::pipeline`): a text scores in about half a microsecond, so
//! a block of texts is about 0.1 ms of work, and the pipeline's hand-offs per block (a mutex,
//! a condition variable, a worker put to sleep and woken when the calling thread falls
//! behind) were a large share of a 2-thread call: about 120 voluntary context switches per
//! call of 24,390 texts and a quarter more CPU time than on one thread. Here the calling
//! thread first reads every text (a pointer and a length each: their UTF-8 is borrowed from
//! the str objects); then every thread, the calling one included, claims chunks from one
//! atomic counter and scores them without the GIL, and each chunk's scores come back through
//! a `OnceLock`. Between chunks of its own the calling thread builds the scored chunks in
//! order under the GIL. No thread ever waits for another, except the calling thread for the
//! last chunks of the call.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{fence, AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use super::batch::check_threads;
use super::errors::{internal, panic_error};
use super::ffi;
use super::input::{all_items, take_text};
use super::sentiment::scores_dict;
use super::sentiment_floats::share_float;
use crate::sentiment;

/// The UTF-8 of one text: borrowed from the str where CPython has it (an ASCII str's own
/// data, or the UTF-8 it caches), else made by CPython's encoder and used in place (no copy
/// into Rust), or repaired by the shared input path when the str has lone surrogates (the
/// encoder refuses them).
pub(super) enum Utf8<'a, 'py> {
    Borrowed(&'a str),
    Bytes(Bound<'py, PyBytes>),
    Owned(String),
}

impl<'a, 'py> Utf8<'a, 'py> {
    /// Item `obj` as UTF-8; a non-str raises TypeError naming `func` and the argument `arg()`.
    pub(super) fn of(
        obj: &'a Bound<'py, PyAny>,
        func: &str,
        arg: impl FnOnce() -> String,
    ) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            if let Some(text) = ffi::str_utf8(s) {
                return Ok(Utf8::Borrowed(text));
            }
            if let Ok(b) = s.encode_utf8() {
                return Ok(Utf8::Bytes(b));
            }
        }
        Ok(Utf8::Owned(take_text(obj, func, &arg())?.s))
    }

    pub(super) fn as_str(&self) -> &str {
        match self {
            Utf8::Borrowed(s) => s,
            // SAFETY: PyUnicode_AsUTF8String with its strict error handler only returns valid
            // UTF-8 (a lone surrogate makes it fail instead). (Not a CPython call.)
            Utf8::Bytes(b) => unsafe { std::str::from_utf8_unchecked(b.as_bytes()) },
            Utf8::Owned(s) => s,
        }
    }

    /// A handle on this text for the worker threads; the buffer must outlive its use: for a
    /// borrowed text the str it borrows from, else `self`.
    fn share(&self) -> SharedText {
        let s = self.as_str();
        SharedText {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }
}

/// A text of a batch as the worker threads see it: its UTF-8 in a buffer that the calling
/// thread keeps alive, unchanged, until every thread is done (the str in `items`, and a
/// buffer made for it in `held`, in [`score_batch`]), so no text is copied to cross threads.
#[derive(Clone, Copy)]
struct SharedText {
    ptr: *const u8,
    len: usize,
}

// SAFETY: the buffer behind a SharedText is immutable (a str's, a bytes object's or a
// String's that nobody changes) and outlives every thread that reads it (see `score_batch`).
unsafe impl Send for SharedText {}
// SAFETY: as for Send: shared references only read the immutable buffer.
unsafe impl Sync for SharedText {}

impl SharedText {
    /// The text.
    ///
    /// # Safety
    /// The buffer this came from must still be alive (see [`Utf8::share`]).
    unsafe fn get<'a>(self) -> &'a str {
        // SAFETY: ptr/len are a &str's, still alive by the caller's promise. (Not a CPython call.)
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.len)) }
    }
}

/// The two shapes of a batch of scores.
#[derive(Clone, Copy)]
pub(super) enum Shape {
    /// One dict per text, as `polarity_scores` gives: the shape of every `*_batch` call.
    Rows,
    /// One list per score (`*_columns`): no dict per text, ready for a DataFrame.
    Columns,
}

/// A chunk ends after this many texts ...
const CHUNK_TEXTS: usize = 128;
/// ... or once its texts hold this many bytes: about 0.1 ms of scoring, so that chunks
/// balance across threads, the last one ends soon, and Ctrl-C is seen within a chunk's work.
const CHUNK_BYTES: usize = 1 << 15;
/// The longest the calling thread sleeps for a chunk before looking again (a safety net:
/// the thread that scores it wakes it).
const WAIT_SLICE: Duration = Duration::from_millis(10);

/// A chunk's scores, or the message of a panic while scoring it.
type Outcome = Result<Vec<sentiment::Scores>, String>;

/// What the threads of one batch call share.
struct Work<'a> {
    analyzer: &'a sentiment::Analyzer,
    texts: &'a [SharedText],
    /// Chunk `k` is `texts[bounds[k]..bounds[k + 1]]`.
    bounds: &'a [usize],
    /// The next chunk nobody has claimed.
    next: AtomicUsize,
    /// The call is ending early (an error or Ctrl-C): claim nothing more.
    stop: AtomicBool,
    /// Each chunk's outcome, set once by the thread that scored it.
    done: Vec<OnceLock<Outcome>>,
    /// The calling thread sleeps on `ready` (holding `lock` while it checks) for a chunk.
    caller_waits: AtomicBool,
    lock: Mutex<()>,
    ready: Condvar,
}

impl Work<'_> {
    fn chunks(&self) -> usize {
        self.done.len()
    }

    /// Claim the next chunk and score it; false when none is left (or the call stops).
    fn score_next(&self) -> bool {
        if self.stop.load(Ordering::Relaxed) {
            return false;
        }
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        let (Some(&start), Some(&end), Some(cell)) =
            (self.bounds.get(k), self.bounds.get(k + 1), self.done.get(k))
        else {
            return false;
        };
        let texts = self.texts.get(start..end).unwrap_or_default();
        let a = self.analyzer;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            texts
                .iter()
                // SAFETY: every text's buffer lives until the call's threads are done
                // (see `score_batch`).
                .map(|t| a.polarity_scores(unsafe { t.get() }))
                .collect::<Vec<_>>()
        }))
        .map_err(|p| panic_message(p.as_ref()));
        let _ = cell.set(outcome);
        // Either this thread sees the calling thread's flag, or the calling thread (which
        // sets the flag, then fences, then looks) sees the outcome.
        fence(Ordering::SeqCst);
        if self.caller_waits.load(Ordering::Relaxed) {
            let _held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
            self.ready.notify_all();
        }
        true
    }

    /// A worker thread: score chunks until none is left.
    fn worker(&self) {
        while self.score_next() {}
    }

    /// Sleep until chunk `k` is scored (the calling thread, without the GIL).
    fn wait_for(&self, k: usize) {
        let Some(cell) = self.done.get(k) else {
            return;
        };
        let mut held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.caller_waits.store(true, Ordering::Relaxed);
        fence(Ordering::SeqCst);
        while cell.get().is_none() {
            held = self
                .ready
                .wait_timeout(held, WAIT_SLICE)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        self.caller_waits.store(false, Ordering::Relaxed);
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The calling thread: build the scored chunks in order (`build(i, scores)` for text `i`),
/// scoring chunks itself whenever the next one to build is not scored yet, until every
/// chunk is built or an error (Python's, or a panic while scoring) ends the call.
fn drive(
    py: Python<'_>,
    work: &Work<'_>,
    mut build: impl FnMut(usize, &sentiment::Scores) -> PyResult<()>,
) -> PyResult<()> {
    let mut built = 0;
    loop {
        while let Some(outcome) = work.done.get(built).and_then(OnceLock::get) {
            let scores = outcome
                .as_ref()
                .map_err(|m| panic_error(Box::new(m.clone())))?;
            let start = *work.bounds.get(built).ok_or_else(|| internal("chunk"))?;
            for (j, s) in scores.iter().enumerate() {
                build(start + j, s)?;
            }
            built += 1;
            // Between chunks: Ctrl-C raises KeyboardInterrupt here.
            py.check_signals()?;
        }
        if built >= work.chunks() {
            return Ok(());
        }
        if !py.detach(|| work.score_next()) {
            // Every chunk is claimed: the next one to build is being scored elsewhere.
            py.detach(|| work.wait_for(built));
        }
    }
}

/// Score `texts` (an iterable of str) with `a` on `n_threads` threads, as one dict per text
/// (`Rows`) or as a dict of four lists (`Columns`). `func` names the calling function in
/// error messages.
pub(super) fn score_batch<'py>(
    py: Python<'py>,
    a: &sentiment::Analyzer,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<&Bound<'py, PyAny>>,
    func: &str,
    shape: Shape,
) -> PyResult<Bound<'py, PyAny>> {
    let n_threads = check_threads(n_threads)?;
    let items = all_items(texts, func, "texts")?;
    let n = items.len();
    // Every text, read now: its UTF-8 is the str's own (or cached) bytes, or a buffer made
    // for it and kept in `held`. `items` and `held` outlive every thread of this call.
    let mut shared = Vec::with_capacity(n);
    let mut held = Vec::new();
    let mut bounds = vec![0];
    let (mut in_chunk, mut bytes) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        let t = Utf8::of(item, func, || format!("texts[{i}]"))?;
        let s = t.share();
        shared.push(s);
        if !matches!(t, Utf8::Borrowed(_)) {
            held.push(t);
        }
        in_chunk += 1;
        bytes += s.len;
        if in_chunk == CHUNK_TEXTS || bytes >= CHUNK_BYTES {
            bounds.push(i + 1);
            (in_chunk, bytes) = (0, 0);
        }
    }
    if in_chunk > 0 {
        bounds.push(n);
    }
    let work = Work {
        analyzer: a,
        texts: &shared,
        bounds: &bounds,
        next: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        done: (1..bounds.len()).map(|_| OnceLock::new()).collect(),
        caller_waits: AtomicBool::new(false),
        lock: Mutex::new(()),
        ready: Condvar::new(),
    };
    // Rows: one list of dicts; columns: four lists of floats. Filled in place, in order.
    let lists = match shape {
        Shape::Rows => vec![ffi::list_of_len(py, n)?],
        Shape::Columns => (0..4)
            .map(|_| ffi::list_of_len(py, n))
            .collect::<PyResult<Vec<_>>>()?,
    };
    let build = |i: usize, s: &sentiment::Scores| match shape {
        Shape::Rows => ffi::list_set(&lists[0], i, scores_dict(py, s)?.into_any()),
        Shape::Columns => {
            for (list, v) in lists.iter().zip([s.neg, s.neu, s.pos, s.compound]) {
                ffi::list_set(list, i, share_float(py, v))?;
            }
            Ok(())
        }
    };
    // The calling thread scores too: `n_threads - 1` workers, none for a single chunk.
    let threads = n_threads.unwrap_or_else(rayon::current_num_threads).max(1);
    let workers = (threads - 1).min(work.chunks().saturating_sub(1));
    let outcome = match workers.checked_sub(1).and(crate::thread_pool(workers)) {
        None => drive(py, &work, build),
        Some(pool) => pool.in_place_scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|_| work.worker());
            }
            let outcome = drive(py, &work, build);
            // On an error the workers stop after the chunk in hand; the scope waits for them
            // (a fraction of a millisecond) before the texts they read may go.
            work.stop.store(true, Ordering::Relaxed);
            outcome
        }),
    };
    outcome?;
    drop(held);
    let mut lists = lists.into_iter();
    match shape {
        Shape::Rows => Ok(lists.next().ok_or_else(|| internal("rows"))?.into_any()),
        Shape::Columns => {
            let d = PyDict::new(py);
            for (name, list) in ["neg", "neu", "pos", "compound"].into_iter().zip(lists) {
                d.set_item(name, list)?;
            }
            Ok(d.into_any())
        }
    }
}
