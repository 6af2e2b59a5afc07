//! The batch calls of sentiment (`polarity_scores_batch`, `polarity_scores_columns`): read
//! the texts into chunks, score chunks on all the call's threads, build the results in order.
//!
//! Not the shared pipeline (`batch::pipeline`): a text scores in about half a microsecond, so
//! a block of texts is about 0.1 ms of work, and the pipeline's hand-offs (a worker put to
//! sleep whenever the queue ran dry while the calling thread built or scored, and woken
//! again) were a large share of a 2-thread call: about 120 voluntary context switches per
//! call of 24,390 texts, and a quarter more CPU time than one thread. Here the calling thread
//! first reads every text into chunks (a pointer and a length per text: their UTF-8 is
//! borrowed from the str objects), which takes a tenth of the time of scoring them, while the
//! workers already score the chunks read; then it scores chunks too, and between chunks of
//! its own builds the scored ones in order under the GIL. The queue never runs dry before the
//! end, so no thread sleeps, except the calling thread waiting for the last chunks.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, MutexGuard};
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

/// What the threads of one call share, behind one mutex (taken a few times per chunk of
/// about 0.1 ms, never held while scoring or building).
struct State {
    /// Chunks read and not yet claimed: (chunk number, texts).
    queue: VecDeque<(usize, Vec<SharedText>)>,
    /// Each chunk's outcome once scored, until the calling thread takes it to build.
    results: Vec<Option<Outcome>>,
    /// Every chunk is read (or the call is ending): workers stop once the queue is empty.
    read_all: bool,
    /// The call is ending early (an error or Ctrl-C): claim nothing more.
    stop: bool,
    /// The calling thread sleeps on `Work::ready` for a result.
    caller_waits: bool,
}

struct Work<'a> {
    analyzer: &'a sentiment::Analyzer,
    state: Mutex<State>,
    ready: Condvar,
}

impl Work<'_> {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Nothing panics while holding the lock; a poisoned lock is still consistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Read chunk `k` into the queue (the calling thread).
    fn publish(&self, k: usize, texts: Vec<SharedText>) {
        let mut st = self.lock();
        st.results.push(None);
        st.queue.push_back((k, texts));
    }

    /// Take the next chunk to score: `Err(())` when there is none and none will come.
    fn claim(&self) -> Result<Option<(usize, Vec<SharedText>)>, ()> {
        let mut st = self.lock();
        match st.queue.pop_front() {
            _ if st.stop => Err(()),
            Some(job) => Ok(Some(job)),
            None if st.read_all => Err(()),
            None => Ok(None),
        }
    }

    /// Score chunk `k` and hand its outcome to the calling thread.
    fn score(&self, k: usize, texts: Vec<SharedText>) {
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
        let mut st = self.lock();
        if let Some(slot) = st.results.get_mut(k) {
            *slot = Some(outcome);
        }
        if st.caller_waits {
            self.ready.notify_one();
        }
    }

    /// A worker thread: score chunks until none is left. The calling thread reads chunks
    /// much faster than a thread scores them, so the queue is empty only at the very start
    /// (or when the calling thread is not running): then look again after a yield.
    fn worker(&self) {
        while let Ok(job) = self.claim() {
            match job {
                Some((k, texts)) => self.score(k, texts),
                None => std::thread::yield_now(),
            }
        }
    }

    /// The outcome of chunk `k` if it is scored (taken out: the calling thread builds it).
    fn take(&self, k: usize) -> Option<Outcome> {
        self.lock().results.get_mut(k).and_then(Option::take)
    }

    /// Sleep until chunk `k` is scored (the calling thread, without the GIL).
    fn wait_for(&self, k: usize) {
        let mut st = self.lock();
        while st.results.get(k).is_some_and(Option::is_none) && !st.stop {
            st.caller_waits = true;
            st = self
                .ready
                .wait_timeout(st, WAIT_SLICE)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        st.caller_waits = false;
    }

    /// End the call early: nothing more is claimed; chunks being scored finish.
    fn stop(&self) {
        let mut st = self.lock();
        st.stop = true;
        st.read_all = true;
        st.queue.clear();
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The calling thread: read every text (`read`, under the GIL) into chunks for the queue;
/// then build the scored chunks in order (`build(i, scores)` for text `i`), scoring chunks
/// itself whenever the next one to build is not scored yet, until every chunk is built or
/// an error (Python's, or a panic while scoring) ends the call.
fn drive(
    py: Python<'_>,
    work: &Work<'_>,
    n: usize,
    mut read: impl FnMut(usize) -> PyResult<SharedText>,
    mut build: impl FnMut(usize, &sentiment::Scores) -> PyResult<()>,
) -> PyResult<()> {
    // Read: the workers start on the first chunk while the rest is read.
    let mut starts = vec![];
    let mut chunk = Vec::with_capacity(CHUNK_TEXTS);
    let mut bytes = 0;
    for i in 0..n {
        let t = read(i)?;
        bytes += t.len;
        chunk.push(t);
        if chunk.len() == CHUNK_TEXTS || bytes >= CHUNK_BYTES || i + 1 == n {
            starts.push(i + 1 - chunk.len());
            let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_TEXTS));
            work.publish(starts.len() - 1, full);
            bytes = 0;
        }
    }
    work.lock().read_all = true;
    let mut built = 0;
    while built < starts.len() {
        if let Some(outcome) = work.take(built) {
            let scores = outcome.map_err(|m| panic_error(Box::new(m)))?;
            for (j, s) in scores.iter().enumerate() {
                build(starts[built] + j, s)?;
            }
            built += 1;
            // Between chunks: Ctrl-C raises KeyboardInterrupt here.
            py.check_signals()?;
            continue;
        }
        match work.claim() {
            Ok(Some((k, texts))) => py.detach(|| work.score(k, texts)),
            // Every chunk is claimed: the next one to build is being scored elsewhere.
            _ => py.detach(|| work.wait_for(built)),
        }
    }
    Ok(())
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
    // A text's UTF-8 is the str's own (or cached) bytes, or a buffer made for it and kept
    // in `held`. `items` and `held` outlive every thread of this call.
    let mut held = Vec::new();
    let read = |i: usize| -> PyResult<SharedText> {
        let item = items.get(i).ok_or_else(|| internal("batch index"))?;
        let t = Utf8::of(item, func, || format!("texts[{i}]"))?;
        let s = t.share();
        if !matches!(t, Utf8::Borrowed(_)) {
            held.push(t);
        }
        Ok(s)
    };
    let work = Work {
        analyzer: a,
        state: Mutex::new(State {
            queue: VecDeque::new(),
            results: Vec::new(),
            read_all: false,
            stop: false,
            caller_waits: false,
        }),
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
    let workers = (threads - 1).min(n.div_ceil(CHUNK_TEXTS).saturating_sub(1));
    let outcome = match workers.checked_sub(1).and(crate::thread_pool(workers)) {
        None => drive(py, &work, n, read, build),
        Some(pool) => pool.in_place_scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|_| work.worker());
            }
            let outcome = drive(py, &work, n, read, build);
            // On an error the workers stop after the chunk in hand; the scope waits for them
            // (a fraction of a millisecond) before the texts they read may go.
            work.stop();
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
