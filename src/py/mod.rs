//! Python bindings (`presslens._core`): registration only.
//!
//! The bindings are the one place that converts types ([`input`]), turns byte offsets into
//! code-point offsets ([`types::Out`], through [`crate::offsets`]), releases the GIL and maps
//! errors to Python exceptions ([`errors`]). Raw CPython calls live in [`ffi`]; batch calls share
//! one pipeline ([`batch`]). Each feature has one thin file.

mod attributions;
mod batch;
mod column_buffer;
mod columns;
mod compare;
mod errors;
mod ffi;
mod gc_pause;
mod input;
mod lexicon;
mod quotes;
mod round_trip;
mod sentences;
mod sentiment;
mod sentiment_batch;
mod sentiment_floats;
mod tables;
mod tables_columns;
mod threads;
mod types;

use pyo3::prelude::*;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    threads::register(m)?;
    sentences::register(m)?;
    quotes::register(m)?;
    attributions::register(m)?;
    sentiment::register(m)?;
    compare::register(m)?;
    tables::register(m)?;
    lexicon::register(m)?;
    round_trip::register(m)?;
    Ok(())
}
