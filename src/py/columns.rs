//! The two forms the table columns of `analyze_columns` / `analyze_arrow` take in Python.
//!
//! [`PyCells`]: one Python object per cell (lists of str, int, float, None), for callers
//! without pyarrow (the CLI, a bare install). [`ArrowCells`]: Arrow-layout buffers, `bytes` that
//! pyarrow and numpy wrap without a copy: a string column is one UTF-8 data buffer, `n + 1` int64
//! offsets into it and a validity bitmap (Arrow's `large_string`); a number column is the native
//! bytes of its int64 or float64 values (a `bytearray`, writable). The tables code ([`super::tables`]) is written once
//! against [`Columns`] and fills either.

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString, PyTuple};

use super::ffi;
use super::input::Text;
use crate::offsets::CharIndex;
use crate::Span as ByteSpan;

/// One article, as the columns need it: its Python str (exact text, surrogates kept), its
/// UTF-8 and the byte-to-code-point index.
pub(super) struct Article<'a, 'py> {
    pub(super) text: &'a Text<'py>,
    idx: CharIndex<'a>,
}

impl<'a, 'py> Article<'a, 'py> {
    pub(super) fn new(text: &'a Text<'py>) -> Self {
        Article {
            text,
            idx: CharIndex::new(&text.s),
        }
    }

    /// Code-point offsets of a byte span.
    pub(super) fn chars(&self, s: ByteSpan) -> (usize, usize) {
        self.idx.span(s)
    }
}

/// A string column, and how the number columns of the same form are handed to Python.
pub(super) trait Columns: Default {
    /// Push the text of byte span `s` of `art`; returns its code-point offsets.
    fn push_span(&mut self, art: &Article<'_, '_>, s: ByteSpan) -> PyResult<(usize, usize)>;
    /// Push a missing value.
    fn push_null(&mut self);
    /// Push a string that is not a slice of the article (a speaker's name).
    fn push_str(&mut self, py: Python<'_>, s: Option<&str>);
    /// Push one of a few fixed strings (a kind).
    fn push_word(&mut self, py: Python<'_>, s: &'static str) {
        self.push_str(py, Some(s));
    }
    /// The column for Python.
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
    /// A column of counts, offsets or positions.
    fn ints(py: Python<'_>, v: Vec<usize>) -> PyResult<Bound<'_, PyAny>>;
    /// A column of offsets that may be missing.
    fn opt_ints(py: Python<'_>, v: Vec<Option<usize>>) -> PyResult<Bound<'_, PyAny>>;
    /// A column of scores.
    fn floats(py: Python<'_>, v: Vec<f64>) -> PyResult<Bound<'_, PyAny>>;

    /// Push the text of an optional span; its offsets, if any.
    fn push_opt_span(
        &mut self,
        art: &Article<'_, '_>,
        s: Option<ByteSpan>,
    ) -> PyResult<Option<(usize, usize)>> {
        match s {
            Some(s) => self.push_span(art, s).map(Some),
            None => {
                self.push_null();
                Ok(None)
            }
        }
    }
}

// ---------------------------------------------------------------- Python objects

/// A list of `str` (or None), each sliced from the caller's original str.
#[derive(Default)]
pub(super) struct PyCells(Vec<Option<Py<PyString>>>);

impl Columns for PyCells {
    fn push_span(&mut self, art: &Article<'_, '_>, s: ByteSpan) -> PyResult<(usize, usize)> {
        let (a, b) = art.chars(s);
        self.0
            .push(Some(ffi::substring(&art.text.obj, a, b)?.unbind()));
        Ok((a, b))
    }
    fn push_null(&mut self) {
        self.0.push(None);
    }
    fn push_str(&mut self, py: Python<'_>, s: Option<&str>) {
        self.0.push(s.map(|s| PyString::new(py, s).unbind()));
    }
    fn push_word(&mut self, py: Python<'_>, s: &'static str) {
        // Interned: one object for every "direct" of the column.
        self.0.push(Some(PyString::intern(py, s).unbind()));
    }
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyList::new(py, self.0)?.into_any())
    }
    fn ints(py: Python<'_>, v: Vec<usize>) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyList::new(py, v)?.into_any())
    }
    fn opt_ints(py: Python<'_>, v: Vec<Option<usize>>) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyList::new(py, v)?.into_any())
    }
    fn floats(py: Python<'_>, v: Vec<f64>) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyList::new(py, v)?.into_any())
    }
}

// ---------------------------------------------------------------- Arrow buffers

/// UTF-8 strings in Arrow's `large_string` layout.
#[derive(Default)]
pub(super) struct ArrowCells {
    /// `len + 1` byte offsets into `data` once anything was pushed (Arrow's layout).
    offsets: Vec<i64>,
    data: Vec<u8>,
    /// Bit `i` set: value `i` present (least significant bit first, Arrow's bit order).
    validity: Vec<u8>,
    len: usize,
    nulls: usize,
}

impl ArrowCells {
    fn push_bytes(&mut self, b: Option<&[u8]>) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        let bit = self.len % 8;
        if bit == 0 {
            self.validity.push(0);
        }
        match b {
            Some(b) => {
                self.data.extend_from_slice(b);
                if let Some(byte) = self.validity.last_mut() {
                    *byte |= 1 << bit;
                }
            }
            None => self.nulls += 1,
        }
        // A buffer never holds more than isize::MAX bytes, so this always fits.
        self.offsets
            .push(i64::try_from(self.data.len()).unwrap_or(i64::MAX));
        self.len += 1;
    }
}

/// `v` as the native bytes of its values, in a new `bytearray` (one copy, no per-value
/// objects): writable, so that numpy can take it as the column's own memory.
fn bytes_of<'py, T: Copy, const N: usize>(
    py: Python<'py>,
    v: &[T],
    to_bytes: impl Fn(T) -> [u8; N],
) -> PyResult<Bound<'py, PyAny>> {
    let out = PyByteArray::new_with(py, v.len() * N, |buf| {
        for (dst, &x) in buf.chunks_exact_mut(N).zip(v) {
            dst.copy_from_slice(&to_bytes(x));
        }
        Ok(())
    })?;
    Ok(out.into_any())
}

fn i64_of(x: usize) -> i64 {
    // Counts and offsets of in-memory text always fit.
    i64::try_from(x).unwrap_or(i64::MAX)
}

impl Columns for ArrowCells {
    fn push_span(&mut self, art: &Article<'_, '_>, s: ByteSpan) -> PyResult<(usize, usize)> {
        let text = art.text.s.get(s.start..s.end).unwrap_or("");
        self.push_bytes(Some(text.as_bytes()));
        Ok(art.chars(s))
    }
    fn push_null(&mut self) {
        self.push_bytes(None);
    }
    fn push_str(&mut self, _py: Python<'_>, s: Option<&str>) {
        self.push_bytes(s.map(str::as_bytes));
    }
    /// `(len, null_count, offsets, data, validity or None)`: the buffers of
    /// `pyarrow.Array.from_buffers(pa.large_string(), len, [validity, offsets, data], null_count)`.
    fn into_py(mut self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        let offsets = bytes_of(py, &self.offsets, i64::to_ne_bytes)?;
        drop(std::mem::take(&mut self.offsets));
        let data = PyBytes::new(py, &self.data);
        drop(std::mem::take(&mut self.data));
        let validity = if self.nulls > 0 {
            PyBytes::new(py, &self.validity).into_any()
        } else {
            py.None().into_bound(py)
        };
        Ok(PyTuple::new(
            py,
            [
                self.len.into_pyobject(py)?.into_any(),
                self.nulls.into_pyobject(py)?.into_any(),
                offsets,
                data.into_any(),
                validity,
            ],
        )?
        .into_any())
    }
    fn ints(py: Python<'_>, v: Vec<usize>) -> PyResult<Bound<'_, PyAny>> {
        bytes_of(py, &v, |x| i64_of(x).to_ne_bytes())
    }
    /// `(values, missing)`: int64 values (0 where missing) and one byte per value, 1 where
    /// missing (a numpy bool mask, as pandas' nullable Int64 keeps it).
    fn opt_ints(py: Python<'_>, v: Vec<Option<usize>>) -> PyResult<Bound<'_, PyAny>> {
        let values = bytes_of(py, &v, |x| i64_of(x.unwrap_or(0)).to_ne_bytes())?;
        let missing = bytes_of(py, &v, |x| [u8::from(x.is_none())])?;
        Ok(PyTuple::new(py, [values, missing])?.into_any())
    }
    fn floats(py: Python<'_>, v: Vec<f64>) -> PyResult<Bound<'_, PyAny>> {
        bytes_of(py, &v, f64::to_ne_bytes)
    }
}
