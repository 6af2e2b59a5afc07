//! The two forms the table columns of `analyze_columns` / `analyze_arrow` take in Python.
//!
//! [`PyCells`]: one Python object per cell (lists of str, int, float, None), for callers
//! without pyarrow (the CLI, a bare install). [`ArrowCells`]: Arrow-layout buffers
//! ([`ColumnBuffer`]) that pyarrow and numpy wrap without a copy: a string column is one UTF-8
//! data buffer, `n + 1` int64 offsets into it and a validity bitmap (Arrow's `large_string`); a
//! number column is its int64, int32 or float64 values (writable through numpy); a category
//! column (`kind`) its int8 codes. The tables code
//! ([`super::tables`]) is written once
//! against [`Columns`] and fills either.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use super::column_buffer::ColumnBuffer;
use super::errors::internal;
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
    /// Room for `factor` times the present values (see `tables::Reserve`).
    fn reserve_for(&mut self, factor: f64);
    /// Push a string that is not a slice of the article (a speaker's name).
    fn push_str(&mut self, py: Python<'_>, s: Option<&str>);
    /// The column for Python.
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
    /// A column of positions in the caller's texts (int64).
    fn ints(py: Python<'_>, v: Vec<usize>) -> PyResult<Bound<'_, PyAny>>;
    /// A column of offsets, counts or numbers within a document (int32, see [`i32_of`]).
    fn int32s(py: Python<'_>, v: Vec<i32>) -> PyResult<Bound<'_, PyAny>>;
    /// A column of offsets that may be missing.
    fn opt_ints(py: Python<'_>, v: OptInts) -> PyResult<Bound<'_, PyAny>>;
    /// A category column: each row's code, an index into `categories`.
    fn codes<'py>(
        py: Python<'py>,
        v: Vec<i8>,
        categories: &[&'static str],
    ) -> PyResult<Bound<'py, PyAny>>;
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
    fn reserve_for(&mut self, factor: f64) {
        reserve_vec(&mut self.0, factor);
    }
    fn push_str(&mut self, py: Python<'_>, s: Option<&str>) {
        self.0.push(s.map(|s| PyString::new(py, s).unbind()));
    }
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyList::new(py, self.0)?.into_any())
    }
    fn ints(py: Python<'_>, v: Vec<usize>) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyList::new(py, v)?.into_any())
    }
    fn int32s(py: Python<'_>, v: Vec<i32>) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyList::new(py, v)?.into_any())
    }
    fn opt_ints(py: Python<'_>, v: OptInts) -> PyResult<Bound<'_, PyAny>> {
        Ok(PyList::new(py, v.cells())?.into_any())
    }
    /// The categories' str (interned: one object for every "direct" of the column).
    fn codes<'py>(
        py: Python<'py>,
        v: Vec<i8>,
        categories: &[&'static str],
    ) -> PyResult<Bound<'py, PyAny>> {
        let word = |c: i8| {
            let c = usize::try_from(c).ok();
            let s = c
                .and_then(|c| categories.get(c))
                .ok_or_else(|| internal("code"))?;
            Ok::<_, PyErr>(PyString::intern(py, s))
        };
        Ok(PyList::new(py, v.into_iter().map(word).collect::<PyResult<Vec<_>>>()?)?.into_any())
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
    /// Value `i`: None when missing (or out of range).
    pub(super) fn get(&self, i: usize) -> Option<&str> {
        let present = self
            .validity
            .get(i / 8)
            .is_some_and(|b| b >> (i % 8) & 1 == 1);
        let at = |k: usize| self.offsets.get(k).and_then(|&o| usize::try_from(o).ok());
        let bytes = self.data.get(at(i)?..at(i + 1)?)?;
        // Every value was pushed as a str.
        present.then(|| std::str::from_utf8(bytes).ok()).flatten()
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Replace the values of some rows: `(row, new value)` in row order. The data buffer is
    /// written anew once, at its exact new size; offsets change in place.
    pub(super) fn replace_rows(&mut self, rows: &[(usize, &str)]) {
        if rows.is_empty() {
            return;
        }
        let old = |i: usize| self.get(i).unwrap_or("").len();
        let size: usize = self.data.len() + rows.iter().map(|&(_, v)| v.len()).sum::<usize>()
            - rows.iter().map(|&(i, _)| old(i)).sum::<usize>();
        let mut data = Vec::with_capacity(size);
        let mut next = rows.iter().peekable();
        // Offsets are rewritten as the rows go: the old start of row i is kept here.
        let mut old_start = 0;
        for (i, offset) in self.offsets.iter_mut().skip(1).enumerate() {
            let old_end = usize::try_from(*offset).unwrap_or(0);
            match next.next_if(|&&(row, _)| row == i) {
                Some(&(_, v)) => data.extend_from_slice(v.as_bytes()),
                None => data.extend_from_slice(self.data.get(old_start..old_end).unwrap_or(&[])),
            }
            old_start = old_end;
            *offset = i64::try_from(data.len()).unwrap_or(i64::MAX);
        }
        self.data = data;
    }

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

/// Capacity for `factor` times the present length of `v`.
pub(super) fn reserve_vec<T>(v: &mut Vec<T>, factor: f64) {
    // Float to usize saturates; the projection is a hint, bounded by the final size.
    let want = (v.len() as f64 * factor) as usize;
    if want > v.capacity() {
        v.reserve_exact(want - v.len());
    }
}

/// A column of offsets that may be missing, grown as it is handed over: int32 values (0 where
/// missing) and a missing flag per row. That is 5 bytes a row while a run's tables grow, where
/// an `Option<usize>` takes 16, and no conversion at the end. While every row is missing (a
/// run without nested attributions: all of `nested_in`) there are no values at all, only the
/// flags: the Arrow form hands over None for them (zeros that Python maps from untouched
/// pages).
#[derive(Default)]
pub(super) struct OptInts {
    /// Empty while every row is missing; else one per row.
    values: Vec<i32>,
    missing: Vec<bool>,
}

impl OptInts {
    pub(super) fn push(&mut self, v: Option<usize>) -> PyResult<()> {
        match v {
            None if self.values.is_empty() => {}
            None => self.values.push(0),
            Some(x) => {
                let x = i32_of(x)?;
                // The rows so far were all missing: their zeros now.
                self.values.resize(self.missing.len(), 0);
                self.values.push(x);
            }
        }
        self.missing.push(v.is_none());
        Ok(())
    }

    /// Room for `factor` times the present rows (see `tables::Reserve`).
    pub(super) fn reserve_for(&mut self, factor: f64) {
        if !self.values.is_empty() {
            reserve_vec(&mut self.values, factor);
        }
        reserve_vec(&mut self.missing, factor);
    }

    /// Each row's value, None where missing.
    fn cells(&self) -> impl Iterator<Item = Option<i32>> + '_ {
        let value = |i: usize| self.values.get(i).copied().unwrap_or(0);
        (self.missing.iter().enumerate()).map(move |(i, &m)| (!m).then(|| value(i)))
    }
}

/// An offset, count or number within one document as int32: the tables' dtype for them (half
/// the memory of int64). A document has fewer than 2^31 code points (`analyze` rejects longer
/// texts), so they always fit; an error, not a wrong value, if one does not.
pub(super) fn i32_of(x: usize) -> PyResult<i32> {
    i32::try_from(x).map_err(|_| {
        PyValueError::new_err(format!(
            "{x} does not fit the tables' int32 offsets and counts: texts of at most {} \
             characters only",
            i32::MAX
        ))
    })
}

fn i64_of(x: usize) -> i64 {
    // Counts and offsets of in-memory text always fit.
    i64::try_from(x).unwrap_or(i64::MAX)
}

/// `v` as int64, in its own allocation (same size and alignment: no second vector).
fn i64s(v: Vec<usize>) -> Vec<i64> {
    v.into_iter().map(i64_of).collect()
}

fn buffer(py: Python<'_>, b: ColumnBuffer) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, b)?.into_any())
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
    fn reserve_for(&mut self, factor: f64) {
        reserve_vec(&mut self.offsets, factor);
        reserve_vec(&mut self.data, factor);
        reserve_vec(&mut self.validity, factor);
    }
    fn push_str(&mut self, _py: Python<'_>, s: Option<&str>) {
        self.push_bytes(s.map(str::as_bytes));
    }
    /// `(len, null_count, offsets, data, validity or None)`: the buffers ([`ColumnBuffer`]) of
    /// `pyarrow.Array.from_buffers(pa.large_string(), len, [validity, offsets, data], null_count)`.
    fn into_py(mut self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        let offsets = buffer(py, ColumnBuffer::new(std::mem::take(&mut self.offsets)))?;
        let data = buffer(py, ColumnBuffer::new(std::mem::take(&mut self.data)))?;
        let validity = if self.nulls > 0 {
            buffer(py, ColumnBuffer::new(std::mem::take(&mut self.validity)))?
        } else {
            py.None().into_bound(py)
        };
        Ok(PyTuple::new(
            py,
            [
                self.len.into_pyobject(py)?.into_any(),
                self.nulls.into_pyobject(py)?.into_any(),
                offsets,
                data,
                validity,
            ],
        )?
        .into_any())
    }
    fn ints(py: Python<'_>, v: Vec<usize>) -> PyResult<Bound<'_, PyAny>> {
        buffer(py, ColumnBuffer::new(i64s(v)))
    }
    fn int32s(py: Python<'_>, v: Vec<i32>) -> PyResult<Bound<'_, PyAny>> {
        buffer(py, ColumnBuffer::new(v))
    }
    /// `(values, missing)`: int32 values (0 where missing; None when every value is missing)
    /// and a numpy bool per value, True where missing (the mask pandas' nullable Int32 keeps).
    fn opt_ints(py: Python<'_>, v: OptInts) -> PyResult<Bound<'_, PyAny>> {
        let values = if v.values.is_empty() {
            py.None().into_bound(py)
        } else {
            buffer(py, ColumnBuffer::new(v.values))?
        };
        let missing = buffer(py, ColumnBuffer::new(v.missing))?;
        Ok(PyTuple::new(py, [values, missing])?.into_any())
    }
    fn floats(py: Python<'_>, v: Vec<f64>) -> PyResult<Bound<'_, PyAny>> {
        buffer(py, ColumnBuffer::new(v))
    }
    /// The int8 codes as they are (Python makes the categorical over them).
    fn codes<'py>(
        py: Python<'py>,
        v: Vec<i8>,
        _categories: &[&'static str],
    ) -> PyResult<Bound<'py, PyAny>> {
        buffer(py, ColumnBuffer::new(v))
    }
}
