//! The `n_threads` argument of every batch call: its check and its upper bound.
//!
//! Each call runs on threads of its own (the batch executor, [`super::batch`]), so a bound is
//! what keeps a typo such as `n_threads=2000` from starting thousands of threads.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBool;

use super::errors::type_name;

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
