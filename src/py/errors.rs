//! One mapping of Rust failures to Python exceptions: panics become RuntimeError (never an
//! abort), lexicon errors ValueError, and messages name the type a caller passed.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::sentiment;

/// The type name of `obj`, for error messages.
pub(super) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// A caught panic as the RuntimeError users see.
pub(super) fn panic_error(e: Box<dyn std::any::Any + Send>) -> PyErr {
    let msg = e
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string());
    PyRuntimeError::new_err(format!("presslens internal error (please report): {msg}"))
}

/// An error that can only come from a bug in the bindings.
pub(super) fn internal(what: &str) -> PyErr {
    PyRuntimeError::new_err(format!("presslens internal error (please report): {what}"))
}

/// Run Rust work with the GIL released; a panic becomes RuntimeError instead of aborting.
pub(super) fn run<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(panic_error)
}

pub(super) fn lexicon_error(e: sentiment::LexiconError) -> PyErr {
    PyValueError::new_err(e.message)
}
