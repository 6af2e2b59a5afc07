//! Python's cyclic garbage collector paused while a call builds its result objects.
//!
//! A quote or an attribution becomes a few Python objects the collector tracks (the object,
//! its lists of spans and quotes). Building tens of thousands of them in one call lets the
//! collector run its generation-0 pass every 700 new objects and, as the heap grows, full
//! passes over every object of the process: on one 320,000-quote text `extract_attributions`
//! took 5.3 s with the collector on and 1.4 s with it paused, and `extract_attributions_batch`
//! on 840 news articles 0.32 s against 0.25 s. None of the objects built here can be garbage
//! while the call runs (the call holds them all), so the passes find nothing to free.
//!
//! The pause is process-wide for the length of the call (CPython has one switch), the way a
//! caller's own `gc.disable()` around a loop is: the collector is switched back on when the
//! call returns or fails, and only if it was on when the call began, so a caller who turned
//! it off keeps it off. A thread that runs while the call waits for its workers (GIL released)
//! collects nothing meanwhile; allocation still works and the next pass after the call finds
//! whatever is due.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

/// While alive, the collector is off; dropped, it is switched back on if this guard turned it
/// off. Under the stable ABI for Python 3.9 `PyGC_Disable` is not available, so the `gc`
/// module's functions are called (three calls a guarded call: well under a microsecond).
pub(super) struct GcPause<'py> {
    /// The `gc` module when this guard switched the collector off (and must switch it on).
    resume: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    /// Pause the collector if it is on. Fails only if `gc` cannot be imported or called.
    pub(super) fn new(py: Python<'py>) -> PyResult<Self> {
        static GC: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
        let gc = GC.get_or_try_init(py, || py.import("gc").map(Bound::unbind))?;
        let gc = gc.bind(py);
        if !gc
            .call_method0(pyo3::intern!(py, "isenabled"))?
            .is_truthy()?
        {
            return Ok(GcPause { resume: None });
        }
        gc.call_method0(pyo3::intern!(py, "disable"))?;
        Ok(GcPause {
            resume: Some(gc.clone()),
        })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = self.resume.take() {
            // `gc.enable()` does not fail; if it ever did, the error is not this call's to
            // raise (the call's own result or error is what the caller gets).
            if let Err(e) = gc.call_method0(pyo3::intern!(gc.py(), "enable")) {
                e.write_unraisable(gc.py(), None);
            }
        }
    }
}
