//! `ColumnBuffer`: a column's memory, built in Rust, handed to numpy and pyarrow without a copy.
//!
//! The table columns of a whole `analyze` run grow in Rust vectors (a large vector grows in
//! place: the allocator remaps its pages, nothing is copied and no freed block stays behind).
//! At the end each vector becomes the memory of its pandas column as it is: numpy wraps it
//! through `__array_interface__` (a writable array whose `base` is the buffer) and pyarrow
//! through `pyarrow.foreign_buffer(buffer.address, buffer.size, base=buffer)`. The memory is
//! freed when the last array over it goes. No copy means no second copy of a column at the
//! peak, and no per-chunk buffers whose freed space the heap keeps.

use std::mem::ManuallyDrop;

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The element type of a buffer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Elem {
    I64,
    I32,
    I8,
    F64,
    U8,
    Bool,
}

impl Elem {
    /// numpy's `typestr`: byte order (native), kind, size.
    fn typestr(self) -> &'static str {
        let little = cfg!(target_endian = "little");
        match self {
            Elem::I64 if little => "<i8",
            Elem::I64 => ">i8",
            Elem::I32 if little => "<i4",
            Elem::I32 => ">i4",
            Elem::I8 => "|i1",
            Elem::F64 if little => "<f8",
            Elem::F64 => ">f8",
            Elem::U8 => "|u1",
            Elem::Bool => "|b1",
        }
    }
}

/// A vector's memory, owned here and written only through the arrays made over it (Rust never
/// reads it again: it holds the raw parts, not the vector, and rebuilds the vector to free it).
#[pyclass(frozen, module = "presslens._core")]
pub(super) struct ColumnBuffer {
    ptr: *mut u8,
    /// Elements, and the vector's capacity in elements (to free it as it was allocated).
    len: usize,
    cap: usize,
    elem: Elem,
}

// SAFETY: the buffer is a plain heap allocation with no thread affinity; Rust never touches
// its contents after construction (only `Drop` frees it, once nothing else can refer to it).
unsafe impl Send for ColumnBuffer {}
unsafe impl Sync for ColumnBuffer {}

impl ColumnBuffer {
    fn from_vec<T>(v: Vec<T>, elem: Elem) -> Self {
        let mut v = ManuallyDrop::new(v);
        ColumnBuffer {
            ptr: v.as_mut_ptr().cast::<u8>(),
            len: v.len(),
            cap: v.capacity(),
            elem,
        }
    }

    /// int64 values (counts, offsets, positions); the vector's spare capacity is given back.
    pub(super) fn i64s(mut v: Vec<i64>) -> Self {
        v.shrink_to_fit();
        Self::from_vec(v, Elem::I64)
    }

    /// int32 values (offsets within a document, counts, numbers within a document).
    pub(super) fn i32s(mut v: Vec<i32>) -> Self {
        v.shrink_to_fit();
        Self::from_vec(v, Elem::I32)
    }

    /// int8 values (category codes).
    pub(super) fn i8s(mut v: Vec<i8>) -> Self {
        v.shrink_to_fit();
        Self::from_vec(v, Elem::I8)
    }

    pub(super) fn f64s(mut v: Vec<f64>) -> Self {
        v.shrink_to_fit();
        Self::from_vec(v, Elem::F64)
    }

    /// Bytes (UTF-8 data, validity bitmaps).
    pub(super) fn bytes(mut v: Vec<u8>) -> Self {
        v.shrink_to_fit();
        Self::from_vec(v, Elem::U8)
    }

    /// numpy bools (one byte each, 0 or 1).
    pub(super) fn bools(mut v: Vec<bool>) -> Self {
        v.shrink_to_fit();
        Self::from_vec(v, Elem::Bool)
    }

    fn elem_size(&self) -> usize {
        match self.elem {
            Elem::I64 | Elem::F64 => 8,
            Elem::I32 => 4,
            Elem::I8 | Elem::U8 | Elem::Bool => 1,
        }
    }
}

impl Drop for ColumnBuffer {
    fn drop(&mut self) {
        // SAFETY: ptr, len and cap are the raw parts of a Vec of this element type, taken
        // apart once in `from_vec`; this is the only place they are put together again.
        unsafe {
            match self.elem {
                Elem::I64 => drop(Vec::from_raw_parts(
                    self.ptr.cast::<i64>(),
                    self.len,
                    self.cap,
                )),
                Elem::I32 => drop(Vec::from_raw_parts(
                    self.ptr.cast::<i32>(),
                    self.len,
                    self.cap,
                )),
                Elem::I8 => drop(Vec::from_raw_parts(
                    self.ptr.cast::<i8>(),
                    self.len,
                    self.cap,
                )),
                Elem::F64 => drop(Vec::from_raw_parts(
                    self.ptr.cast::<f64>(),
                    self.len,
                    self.cap,
                )),
                Elem::U8 => drop(Vec::from_raw_parts(self.ptr, self.len, self.cap)),
                Elem::Bool => drop(Vec::from_raw_parts(
                    self.ptr.cast::<bool>(),
                    self.len,
                    self.cap,
                )),
            }
        }
    }
}

#[pymethods]
impl ColumnBuffer {
    /// The address of the first byte (for `pyarrow.foreign_buffer`).
    #[getter]
    fn address(&self) -> usize {
        self.ptr as usize
    }

    /// Size in bytes.
    #[getter]
    fn size(&self) -> usize {
        self.len * self.elem_size()
    }

    fn __len__(&self) -> usize {
        self.len
    }

    /// numpy's array interface (version 3): a one-dimensional, writable array over the buffer.
    #[getter]
    fn __array_interface__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("version", 3)?;
        d.set_item("shape", (self.len,))?;
        d.set_item("typestr", self.elem.typestr())?;
        d.set_item("data", (self.ptr as usize, false))?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "ColumnBuffer({} x {}, {} bytes)",
            self.len,
            self.elem.typestr(),
            self.size()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_keeps_the_values_and_sizes_of_its_vector() {
        let b = ColumnBuffer::i64s(vec![1, -2, 3]);
        assert_eq!((b.len, b.size()), (3, 24));
        // SAFETY: the buffer holds three i64 at ptr.
        let values = unsafe { std::slice::from_raw_parts(b.ptr.cast::<i64>(), 3) };
        assert_eq!(values, [1, -2, 3]);
        let e = ColumnBuffer::bytes(Vec::new());
        assert_eq!((e.len, e.size()), (0, 0));
        assert_eq!(ColumnBuffer::bools(vec![true, false]).size(), 2);
        let b = ColumnBuffer::i32s(vec![7, -1]);
        assert_eq!((b.len, b.size(), &b.elem.typestr()[1..]), (2, 8, "i4"));
        // SAFETY: the buffer holds two i32 at ptr.
        let values = unsafe { std::slice::from_raw_parts(b.ptr.cast::<i32>(), 2) };
        assert_eq!(values, [7, -1]);
        let c = ColumnBuffer::i8s(vec![0, 2, 1]);
        assert_eq!((c.len, c.size(), c.elem.typestr()), (3, 3, "|i1"));
    }
}
