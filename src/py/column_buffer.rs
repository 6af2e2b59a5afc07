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

/// An element type a buffer may hold: numpy's `typestr` for it (native byte order, kind,
/// size). Sealed to the types below: `typestr` must describe `Self` exactly.
pub(super) trait Element: Copy + private::Sealed {
    const TYPESTR: &'static str;
}

mod private {
    pub trait Sealed {}
}

macro_rules! element {
    ($($t:ty => $little:literal, $big:literal;)+) => {$(
        impl private::Sealed for $t {}
        impl Element for $t {
            const TYPESTR: &'static str = if cfg!(target_endian = "little") { $little } else { $big };
        }
    )+};
}

element! {
    i64 => "<i8", ">i8";
    i32 => "<i4", ">i4";
    i8 => "|i1", "|i1";
    f64 => "<f8", ">f8";
    u8 => "|u1", "|u1";
    bool => "|b1", "|b1";
}

/// A vector's memory, owned here and written only through the arrays made over it (Rust never
/// reads it again: it holds the raw parts, not the vector, and rebuilds the vector to free it).
#[pyclass(frozen, module = "presslens._core")]
pub(super) struct ColumnBuffer {
    ptr: *mut u8,
    /// Elements, and the vector's capacity in elements (to free it as it was allocated).
    len: usize,
    cap: usize,
    elem_size: usize,
    typestr: &'static str,
    /// Rebuilds the vector of the element type from `ptr`, `len`, `cap` and drops it.
    free: unsafe fn(*mut u8, usize, usize),
}

// SAFETY: the buffer is a plain heap allocation with no thread affinity; Rust never touches
// its contents after construction (only `Drop` frees it, once nothing else can refer to it).
unsafe impl Send for ColumnBuffer {}
// SAFETY: as above; shared access only reads the raw parts, never the memory.
unsafe impl Sync for ColumnBuffer {}

/// Frees the raw parts of a `Vec<T>`.
///
/// # Safety
/// `ptr`, `len`, `cap` are the raw parts of a `Vec<T>`, taken apart once and not used after.
unsafe fn free_vec<T>(ptr: *mut u8, len: usize, cap: usize) {
    drop(Vec::from_raw_parts(ptr.cast::<T>(), len, cap));
}

impl ColumnBuffer {
    /// The vector's values (counts, offsets, scores, UTF-8 data, validity bitmaps, numpy
    /// bools, category codes); its spare capacity is given back.
    pub(super) fn new<T: Element>(mut v: Vec<T>) -> Self {
        v.shrink_to_fit();
        let mut v = ManuallyDrop::new(v);
        ColumnBuffer {
            ptr: v.as_mut_ptr().cast::<u8>(),
            len: v.len(),
            cap: v.capacity(),
            elem_size: std::mem::size_of::<T>(),
            typestr: T::TYPESTR,
            free: free_vec::<T>,
        }
    }
}

impl Drop for ColumnBuffer {
    fn drop(&mut self) {
        // SAFETY: ptr, len and cap are the raw parts of the Vec whose element type `free` was
        // made for, taken apart once in `new`; this is the only place they are used again.
        unsafe { (self.free)(self.ptr, self.len, self.cap) }
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
        self.len * self.elem_size
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
        d.set_item("typestr", self.typestr)?;
        d.set_item("data", (self.ptr as usize, false))?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "ColumnBuffer({} x {}, {} bytes)",
            self.len,
            self.typestr,
            self.size()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_keeps_the_values_and_sizes_of_its_vector() {
        let b = ColumnBuffer::new(vec![1i64, -2, 3]);
        assert_eq!((b.len, b.size()), (3, 24));
        // SAFETY: the buffer holds three i64 at ptr.
        let values = unsafe { std::slice::from_raw_parts(b.ptr.cast::<i64>(), 3) };
        assert_eq!(values, [1, -2, 3]);
        let e = ColumnBuffer::new(Vec::<u8>::new());
        assert_eq!((e.len, e.size()), (0, 0));
        assert_eq!(ColumnBuffer::new(vec![true, false]).size(), 2);
        let b = ColumnBuffer::new(vec![7i32, -1]);
        assert_eq!((b.len, b.size(), &b.typestr[1..]), (2, 8, "i4"));
        // SAFETY: the buffer holds two i32 at ptr.
        let values = unsafe { std::slice::from_raw_parts(b.ptr.cast::<i32>(), 2) };
        assert_eq!(values, [7, -1]);
        let c = ColumnBuffer::new(vec![0i8, 2, 1]);
        assert_eq!((c.len, c.size(), c.typestr), (3, 3, "|i1"));
    }
}
