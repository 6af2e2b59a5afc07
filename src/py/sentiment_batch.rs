//! The batch calls of sentiment (`polarity_scores_batch`, `polarity_scores_columns`): read
//! the texts into chunks, score chunks on all the call's threads, build the results in order.
//!
//! The texts go through the executor of every batch call ([`super::batch::run_chunks`]): a text
//! read is a pointer and a length (its UTF-8 is borrowed from the str object). The read-ahead
//! is bounded (a few chunks a thread), although reading holds no memory: a text is then scored
//! while the str it was read from is still in the core's cache. Read unbounded (every text
//! first, then scoring), a batch of 24,390 short texts (3.6 MB of str objects, more than the
//! 1 MB L2 cache) met each text again from L3 or memory: 5.9 L2 misses a text against 4.3
//! bounded (cache simulation, `--LL=1048576,16,64`), and 3-6 % more CPU time.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use super::batch::{check_threads, run_whole_chunks};
use super::errors::internal;
use super::ffi;
use super::input::{items_tuple, take_text};
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

/// Ask the core to bring the two cache lines after the first of `s` into its L2 cache.
/// Reading a str touched only the line of its header (with the first bytes of an ASCII str's
/// text); the text is scored a few chunks later, and without this its other lines came from
/// L3 or memory then, one text after another. Two lines cover most of a short text (a
/// sentence: the reference texts average 100 bytes); always two, so no branch on the length
/// (a prefetch past the text is harmless: it is only a hint).
#[inline]
fn prefetch(s: &str) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T1};
        let line = s.as_ptr().wrapping_add(64 - (s.as_ptr() as usize & 63));
        // SAFETY: a prefetch reads nothing the program sees and never faults, whatever the
        // address. (Not a CPython call.)
        #[allow(unused_unsafe)]
        unsafe {
            _mm_prefetch::<_MM_HINT_T1>(line.cast::<i8>());
            _mm_prefetch::<_MM_HINT_T1>(line.wrapping_add(64).cast::<i8>());
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = s;
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
        let item = items
            .get_borrowed_item(i)
            .map_err(|_| internal("batch index"))?;
        let t = Utf8::of(item, func, || format!("texts[{i}]"))?;
        let s = t.share();
        prefetch(t.as_str());
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
        true,
        |i| read(i).map(|t| (t, t.len)),
        // The thread's scoring buffers looked up once a chunk, not once a text.
        |chunk: Vec<SharedText>| {
            a.with_scorer(|scorer| {
                // SAFETY: every text's buffer lives until the call's threads are done (`items`
                // and `held` outlive `run_whole_chunks`, which returns only once every worker
                // has).
                (chunk.into_iter())
                    .map(|t| scorer.polarity_scores(unsafe { t.get() }))
                    .collect()
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
