//! The one batch pipeline of the bindings: convert → `par_iter` → build, in chunks.
//!
//! Items are read (converted from Python) under the GIL a chunk at a time; a chunk is worked on
//! in parallel with the GIL released; its results are turned into Python objects under the GIL.
//! While the workers process one chunk, the calling thread builds the objects of the previous
//! chunk and reads the next, so object creation (often the slowest part) overlaps the work.
//! Chunks bound the memory held for converted text and give a point between chunks where the
//! call can stop early.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;

use super::errors::{panic_error, run};

/// A chunk ends after this many items ...
const CHUNK_ITEMS: usize = 4096;
/// ... or once its items measure this much (code points or bytes, as `read` reports).
const CHUNK_SIZE: usize = 1 << 20;

pub(super) fn check_threads(n_threads: Option<usize>) -> PyResult<Option<usize>> {
    match n_threads {
        Some(0) => Err(PyValueError::new_err(
            "n_threads must be at least 1 (or None for all cores)",
        )),
        n => Ok(n),
    }
}

/// Run a batch of `n` items: `read(i)` gives item `i` and its size under the GIL, `work` runs on
/// `n_threads` threads (None: all cores) without the GIL, and `build(i, result)` is called under
/// the GIL for every item in order. A panic in `work` becomes RuntimeError.
///
/// With `n_threads == Some(1)` everything runs on the calling thread, one chunk after another.
pub(super) fn pipeline<In: Send, Res: Send>(
    py: Python<'_>,
    n: usize,
    n_threads: Option<usize>,
    mut read: impl FnMut(usize) -> PyResult<(In, usize)>,
    work: impl Fn(In) -> Res + Sync,
    mut build: impl FnMut(usize, Res) -> PyResult<()>,
) -> PyResult<()> {
    let mut next = 0;
    let mut read_chunk = || -> PyResult<(usize, Vec<In>)> {
        let (start, mut size, mut items) = (next, 0, Vec::new());
        while next < n && items.len() < CHUNK_ITEMS && size < CHUNK_SIZE {
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
            if let Some(joined) = joined {
                let results = joined.map_err(panic_error)?.map_err(panic_error)?;
                done = Some((start, results));
            }
        }
        Ok(())
    })
}
