//! The batch calls of sentiment (`polarity_scores_batch`, `polarity_scores_columns`): read
//! the texts into chunks, score chunks on all the call's threads, build the results in order.
//!
//! The texts go through the executor of every batch call ([`super::batch::run_chunks`]): a text
//! read is a pointer and a length (its UTF-8 is borrowed from the str object). The read-ahead
//! is bounded (a few chunks a thread), although reading holds no memory: a text is then scored
//! while the str's header line, read with it, is still in the cache. Read unbounded (every text
//! first, then scoring), a batch of 24,390 short texts (3.6 MB of str objects, more than the
//! 1 MB L2 cache) met each text again from L3 or memory: 5.9 L2 misses a text against 4.3
//! bounded (cache simulation, `--LL=1048576,16,64`), and 3-6 % more CPU time.

use std::cell::RefCell;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use super::batch::{run_whole_chunks, Chunking};
use super::errors::internal;
use super::ffi;
use super::input::{items_tuple, take_text};
use super::sentiment::scores_dict;
use super::sentiment_floats::share_float;
use super::threads::check_threads;
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
        obj: Borrowed<'a, 'py, PyAny>,
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
        Ok(Utf8::Owned(take_text(&obj, func, &arg())?.s))
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

/// Ask this core to bring the cache line at `p` into its L1 cache: only a hint, so any
/// address will do (a prefetch never faults and reads nothing the program sees).
#[inline]
fn prefetch_line(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch reads nothing the program sees and never faults, whatever the
        // address. (Not a CPython call.)
        #[allow(unused_unsafe)]
        unsafe {
            _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>());
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Items ahead of the one being read whose object header is prefetched: the str objects of a
/// batch lie all over memory, and reading one (its type, length and UTF-8 pointer) waited for
/// its header line from L3 or memory, on the thread that every other thread waits for. (A read
/// is some 25-60 cycles when the line is there, so 8 items ahead is a few hundred cycles:
/// about a trip to memory.)
const HEADERS_AHEAD: usize = 8;

/// Texts of a chunk ahead of the one being scored whose first cache lines are prefetched, by
/// the thread that scores them (a text takes some 700-800 cycles to score, so 2 ahead hides a
/// trip to memory). A text is scored on whichever thread takes its chunk: when the calling
/// thread prefetched the texts as it read them, a chunk scored on the other core found them
/// in the wrong core's cache (a worker took 1,000-1,070 cycles a text against 830-860 on the
/// calling thread, in traces of 2-thread calls; 790-860 against 740-780 with this).
const TEXTS_AHEAD: usize = 2;

/// Texts in a chunk of a sentiment batch, at most ... Four times the other batch calls'
/// chunks: each chunk is handed from the reading thread to a worker and its results back,
/// and with the two cores far apart (a cache line's round trip 360-390 ns, see
/// `_core_round_trip_ns`) each handoff costs several such trips. 2 threads over 1 on the
/// 24,390 reference texts, short interleaved runs: far state 1.59-1.80x (median ~1.67) with
/// 128 texts a chunk, 1.65-1.84x (median ~1.71) with 512 (48 chunks for the batch); near
/// state (76 ns) 1.88-1.92x either way. Bigger is worse when near: 2,048 gave 1.84-1.87x
/// (the last chunk leaves one thread idle longer).
const CHUNK_TEXTS: usize = 512;
/// ... and bytes of UTF-8: long texts (articles) still come some 0.4 ms of work a chunk, so
/// the threads end together and Ctrl-C is seen within a chunk.
const CHUNK_BYTES: usize = 1 << 17;

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

    /// Prefetch the first three cache lines of the text (a short text's whole UTF-8: the
    /// reference texts average 100 bytes): always three, so no branch on the length.
    fn prefetch(self) {
        let line = self.ptr.wrapping_sub(self.ptr as usize & 63);
        for k in 0..3 {
            prefetch_line(line.wrapping_add(64 * k));
        }
    }
}

thread_local! {
    /// The scores of the chunk being scored on this thread (see [`collect_here`]).
    static SCORED: RefCell<Vec<sentiment::Scores>> = const { RefCell::new(Vec::new()) };
}

/// Collect a chunk's scores in this thread's own buffer, then copy them out at once.
///
/// The chunk's result vector is freed by the calling thread once it has built the chunk, and
/// the allocator hands the same memory to the next chunk's results, wherever that chunk is
/// scored: a worker writing its scores there one text at a time wrote into lines held by the
/// other core, and each waited for those lines to come over. That cost nothing when the two
/// cores sat next to each other, but this machine's two cores are now and then placed far
/// apart (a cache line's round trip between them 350-370 ns instead of 77-81): then a worker
/// took 840-940 cycles a text against 700-810 on the calling thread, and 2 threads were
/// 1.55-1.6x faster than one instead of 1.9x. Scored into a buffer that stays in this core's
/// cache and copied in one burst, the worker's texts cost what the caller's do (710-830).
fn collect_here(scores: impl Iterator<Item = sentiment::Scores>) -> Vec<sentiment::Scores> {
    SCORED.with(|buf| match buf.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            buf.extend(scores);
            buf.to_vec()
        }
        // Not expected (scoring does not call back here): straight into a new vector.
        Err(_) => scores.collect(),
    })
}

/// The two shapes of a batch of scores.
#[derive(Clone, Copy)]
pub(super) enum Shape {
    /// One dict per text, as `polarity_scores` gives: the shape of every `*_batch` call.
    Rows,
    /// One list per score (`*_columns`): no dict per text, ready for a DataFrame.
    Columns,
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
    // The texts held by one tuple (a list's is made in C, with no Python call per item), so
    // each is read as a borrowed item, with no reference count changed per text.
    let items = items_tuple(texts, func, "texts")?;
    let n = items.len();
    // A text's UTF-8 is the str's own (or cached) bytes, or a buffer made for it and kept
    // in `held`. `items` and `held` outlive every thread of this call.
    let mut held = Vec::new();
    let mut read = |i: usize| -> PyResult<SharedText> {
        if i + HEADERS_AHEAD < n {
            if let Ok(ahead) = items.get_borrowed_item(i + HEADERS_AHEAD) {
                prefetch_line(ahead.as_ptr().cast::<u8>());
            }
        }
        let item = items
            .get_borrowed_item(i)
            .map_err(|_| internal("batch index"))?;
        let t = Utf8::of(item, func, || format!("texts[{i}]"))?;
        let s = t.share();
        if !matches!(t, Utf8::Borrowed(_)) {
            held.push(t);
        }
        Ok(s)
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
    // Read a few chunks ahead of the scoring (see the module documentation).
    let outcome = run_whole_chunks(
        py,
        n,
        n_threads,
        Chunking {
            items: CHUNK_TEXTS,
            size: CHUNK_BYTES,
            bounded: true,
            taper: true,
        },
        |i| read(i).map(|t| (t, t.len)),
        // The thread's scoring buffers looked up once a chunk, not once a text.
        |chunk: Vec<SharedText>| {
            a.with_scorer(|scorer| {
                chunk.iter().take(TEXTS_AHEAD).for_each(|t| t.prefetch());
                let scores = (chunk.iter().enumerate()).map(|(i, t)| {
                    if let Some(ahead) = chunk.get(i + TEXTS_AHEAD) {
                        ahead.prefetch();
                    }
                    // SAFETY: every text's buffer lives until the call's threads are done
                    // (`items` and `held` outlive `run_whole_chunks`, which returns only once
                    // every worker has).
                    scorer.polarity_scores(unsafe { t.get() })
                });
                collect_here(scores)
            })
        },
        |i, s| build(i, &s),
    );
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
