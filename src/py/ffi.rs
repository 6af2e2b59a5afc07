//! Every raw CPython call of the bindings, each wrapped in a safe function with its SAFETY note.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

/// `s[start:end]` of a str, as a new exact str (an `end` past the string is clamped).
pub(super) fn substring<'py>(
    s: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: s is a live str; PyUnicode_Substring returns a new reference to a str or NULL
    // with an exception set, and clamps an end past the string.
    unsafe {
        let p = pyo3::ffi::PyUnicode_Substring(s.as_ptr(), start as isize, end as isize);
        Ok(Bound::from_owned_ptr_or_err(s.py(), p)?.cast_into_unchecked::<PyString>())
    }
}

/// A new list of `n` empty slots; every slot must be filled with [`list_set`] before the list
/// reaches Python code.
pub(super) fn list_of_len(py: Python<'_>, n: usize) -> PyResult<Bound<'_, PyList>> {
    // SAFETY: PyList_New returns a new list of NULLs (or NULL and an error). A list dropped
    // half-filled is fine (its items are XDECREF'd); callers fill every slot before handing it
    // to Python.
    unsafe {
        Ok(
            Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyList_New(n as isize))?
                .cast_into_unchecked::<PyList>(),
        )
    }
}

/// Put `item` in slot `i` of a list made by [`list_of_len`].
pub(super) fn list_set(list: &Bound<'_, PyList>, i: usize, item: Bound<'_, PyAny>) -> PyResult<()> {
    // SAFETY: list is a live list; SetItem steals the reference to item (also on failure) and
    // checks the index, raising IndexError rather than writing out of bounds.
    if unsafe { pyo3::ffi::PyList_SetItem(list.as_ptr(), i as isize, item.into_ptr()) } != 0 {
        return Err(PyErr::fetch(list.py()));
    }
    Ok(())
}

/// Stop the cycle collector from tracking `obj`.
///
/// Only for objects that hold nothing but ints and exact strs, so they can never be part of a
/// reference cycle: it spares the collector from scanning every sentence again and again while
/// a large result is being built.
pub(super) fn gc_untrack(obj: &Bound<'_, PyAny>) {
    // SAFETY: obj is a live GC-tracked object (a pyclass instance); untracking only removes it
    // from the collector's lists, and callers guarantee it holds no references that could form
    // a cycle.
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(obj.as_ptr().cast()) }
}

/// Copy the `n` code points of `s` into `buf` (cleared first).
pub(super) fn widen(s: &Bound<'_, PyString>, n: usize, buf: &mut Vec<u32>) -> PyResult<()> {
    buf.clear();
    if n == 0 {
        return Ok(());
    }
    buf.reserve_exact(n);
    // SAFETY: buf has room for n code points and s has exactly n; AsUCS4 writes at most
    // `buflen` of them (no NUL: copy_null = 0) or fails with an exception set, and only then
    // are the n written values exposed by set_len.
    unsafe {
        let p = pyo3::ffi::PyUnicode_AsUCS4(s.as_ptr(), buf.as_mut_ptr(), n as isize, 0);
        if p.is_null() {
            return Err(PyErr::fetch(s.py()));
        }
        buf.set_len(n);
    }
    Ok(())
}

#[cfg(not(windows))]
extern "C" {
    // In the limited API from 3.10; in every CPython 3 (and PyPy) with this signature. On Linux
    // and macOS an extension's CPython symbols are resolved from the running interpreter, so
    // this works on 3.9 too; Windows abi3 links python3.dll, which exports it only from 3.10.
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut pyo3::ffi::PyObject,
        size: *mut pyo3::ffi::Py_ssize_t,
    ) -> *const std::os::raw::c_char;
}

/// The UTF-8 of a str, borrowed from the str: for an ASCII str, CPython's own character data
/// (no copy); otherwise the UTF-8 copy CPython keeps in the str once made (the one `"s#"`
/// argument parsing uses). `None` when the str has lone surrogates (no UTF-8; the error is
/// cleared) and on Windows, where callers encode instead.
pub(super) fn str_utf8<'a>(s: Borrowed<'a, '_, PyString>) -> Option<&'a str> {
    #[cfg(not(windows))]
    {
        let mut size: pyo3::ffi::Py_ssize_t = 0;
        // SAFETY: s is a live str; the call returns a pointer to `size` bytes of valid UTF-8
        // owned by the str (alive and unchanged while the borrow 'a of s lasts: strs are
        // immutable), or NULL with an exception set, which is cleared here.
        unsafe {
            let p = PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size);
            if p.is_null() {
                drop(PyErr::take(s.py()));
                return None;
            }
            let bytes = std::slice::from_raw_parts(p.cast::<u8>(), usize::try_from(size).ok()?);
            Some(std::str::from_utf8_unchecked(bytes))
        }
    }
    #[cfg(windows)]
    {
        let _ = s;
        None
    }
}
