//! Text from Python: one path for a `str`, one for an iterable of `str`.
//!
//! A lone surrogate (web scrapes have them) becomes one U+FFFD per code point, so one Python
//! code point is always one Rust `char` and offsets stay exact. (PyO3's `to_string_lossy` would
//! turn it into three.) Results always slice the caller's original str, so they keep the
//! surrogates.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyList, PyString, PyTuple};

use super::errors::type_name;
use super::ffi;

/// A text taken from Python: valid UTF-8 whose code points match the Python string's one to one.
pub(super) struct Text<'py> {
    // Owned: abi3 for Python 3.9 has no borrowed UTF-8 view of a str.
    pub s: String,
    pub obj: Bound<'py, PyString>,
}

// ---------------------------------------------------------------- one str

/// Take `obj` as a str, or raise TypeError naming the function, the argument and the type; a
/// str subclass is copied to an exact str, so the objects that keep it can never be part of a
/// reference cycle.
pub(super) fn exact_str<'py>(
    obj: &Bound<'py, PyAny>,
    func: &str,
    arg: &str,
) -> PyResult<Bound<'py, PyString>> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{func}() argument '{arg}' must be str, not {}",
            type_name(obj)
        )));
    };
    if s.is_exact_instance_of::<PyString>() {
        Ok(s.clone())
    } else {
        ffi::substring(s, 0, s.len()?)
    }
}

/// UTF-8 of a str. PyO3's encoder is cheapest for the short texts most calls get; only a str
/// with lone surrogates (which it rejects) goes through [`CodePoints`].
pub(super) fn utf8_of(obj: &Bound<'_, PyString>) -> PyResult<String> {
    match obj.to_cow() {
        Ok(c) => Ok(c.into_owned()),
        Err(_) => Ok(CodePoints::read(obj)?.into_utf8()),
    }
}

/// Take `obj` as a str with its UTF-8 (errors as [`exact_str`]).
pub(super) fn take_text<'py>(
    obj: &Bound<'py, PyAny>,
    func: &str,
    arg: &str,
) -> PyResult<Text<'py>> {
    let obj = exact_str(obj, func, arg)?;
    Ok(Text {
        s: utf8_of(&obj)?,
        obj,
    })
}

// ---------------------------------------------------------------- an iterable of str

/// Iterate `obj`, an iterable of `what` (a single str is refused: it is almost always a
/// mistake for a list of one); the errors name the function and the argument.
pub(super) fn items<'py>(
    obj: &Bound<'py, PyAny>,
    func: &str,
    arg: &str,
    what: &str,
) -> PyResult<Bound<'py, PyIterator>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{func}() argument '{arg}' must be {what}, not a single str"
        )));
    }
    obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{func}() argument '{arg}' must be {what}, not {}",
            type_name(obj)
        ))
    })
}

/// Every item of an iterable of str as an exact str; an error names the item's position.
pub(super) fn exact_strs<'py>(
    texts: &Bound<'py, PyAny>,
    func: &str,
    arg: &str,
) -> PyResult<Vec<Bound<'py, PyString>>> {
    let mut out = Vec::new();
    for (i, item) in items(texts, func, arg, "an iterable of str")?.enumerate() {
        out.push(exact_str(&item?, func, &format!("{arg}[{i}]"))?);
    }
    Ok(out)
}

/// Only the UTF-8 of every item (for calls that return no spans).
pub(super) fn strings(texts: &Bound<'_, PyAny>, func: &str, arg: &str) -> PyResult<Vec<String>> {
    let mut out = Vec::with_capacity(texts.len().unwrap_or(0));
    for (i, item) in items(texts, func, arg, "an iterable of str")?.enumerate() {
        out.push(string_item(&item?, func, arg, i)?);
    }
    Ok(out)
}

/// Every item of an iterable (for a batch that converts each one when it gets to it).
pub(super) fn all_items<'py>(
    texts: &Bound<'py, PyAny>,
    func: &str,
    arg: &str,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    items(texts, func, arg, "an iterable of str")?.collect()
}

/// Every item of an iterable (as [`all_items`]), held by one tuple: a tuple as it is, a list
/// copied by CPython in one call (`PyList_AsTuple`, no Python call per item), any other
/// iterable collected item by item. Items are then read borrowed from the tuple.
pub(super) fn items_tuple<'py>(
    texts: &Bound<'py, PyAny>,
    func: &str,
    arg: &str,
) -> PyResult<Bound<'py, PyTuple>> {
    if let Ok(t) = texts.cast_exact::<PyTuple>() {
        return Ok(t.clone());
    }
    if let Ok(l) = texts.cast_exact::<PyList>() {
        return Ok(l.to_tuple());
    }
    PyTuple::new(texts.py(), all_items(texts, func, arg)?)
}

/// The UTF-8 of item `i` of argument `arg`. The conversion runs under the GIL, so it is kept
/// lean: no object handles or argument names unless the item is bad.
pub(super) fn string_item(
    item: &Bound<'_, PyAny>,
    func: &str,
    arg: &str,
    i: usize,
) -> PyResult<String> {
    let fast = item
        .cast::<PyString>()
        .ok()
        .and_then(|s| s.to_cow().ok().map(|c| c.into_owned()));
    match fast {
        Some(s) => Ok(s),
        // Not a str, or lone surrogates: the shared path raises or repairs.
        None => Ok(take_text(item, func, &format!("{arg}[{i}]"))?.s),
    }
}

// ---------------------------------------------------------------- code points

/// The code points of a str, read under the GIL as cheaply as abi3 allows; [`Self::into_utf8`]
/// finishes the conversion without the GIL (and on any thread).
///
/// PyUnicode_AsUTF8String runs a char-by-char encoder on non-ASCII text (~0.3 GB/s); copying
/// the code points out with PyUnicode_AsUCS4 is a widening memcpy (~3 GB/s), and the UTF-8 is
/// then made in Rust, where it can run in parallel.
pub(super) enum CodePoints {
    Utf8(String),
    Ucs4(Vec<u32>),
}

/// Longer strs are converted piecewise under the GIL, to keep the 4-byte buffer small.
const UCS4_PIECE: usize = 1 << 20;

impl CodePoints {
    pub(super) fn read(s: &Bound<'_, PyString>) -> PyResult<Self> {
        let py = s.py();
        let n = s.len()?;
        if s.call_method0(pyo3::intern!(py, "isascii"))?.is_truthy()? {
            // ASCII: UTF-8 is a memcpy.
            let b = s.encode_utf8()?;
            return String::from_utf8(b.as_bytes().to_vec())
                .map(CodePoints::Utf8)
                .map_err(|e| PyValueError::new_err(format!("text is not valid Unicode: {e}")));
        }
        let mut buf = Vec::new();
        if n <= UCS4_PIECE {
            ffi::widen(s, n, &mut buf)?;
            return Ok(CodePoints::Ucs4(buf));
        }
        let mut out = String::with_capacity(n + n / 4);
        for a in (0..n).step_by(UCS4_PIECE) {
            let b = (a + UCS4_PIECE).min(n);
            ffi::widen(&ffi::substring(s, a, b)?, b - a, &mut buf)?;
            push_utf8(&mut out, &buf);
        }
        Ok(CodePoints::Utf8(out))
    }

    /// Size in code points (or UTF-8 bytes, when read as UTF-8): what batches count.
    pub(super) fn len(&self) -> usize {
        match self {
            CodePoints::Utf8(s) => s.len(),
            CodePoints::Ucs4(cps) => cps.len(),
        }
    }

    pub(super) fn into_utf8(self) -> String {
        match self {
            CodePoints::Utf8(s) => s,
            CodePoints::Ucs4(cps) => {
                let mut s = String::with_capacity(cps.len() + cps.len() / 4);
                push_utf8(&mut s, &cps);
                s
            }
        }
    }
}

/// Code points to UTF-8; a lone surrogate becomes one U+FFFD, so one code point is still one
/// char and offsets stay exact.
fn push_utf8(out: &mut String, cps: &[u32]) {
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.reserve(cps.len());
    let mut i = 0;
    while i < cps.len() {
        // The ASCII run from i (most of any English text): found 8 at a time, copied at once.
        let mut j = i;
        while let Some(block) = cps.get(j..j + 8) {
            if block.iter().fold(0, |acc, &c| acc | c) >= 0x80 {
                break;
            }
            j += 8;
        }
        while cps.get(j).is_some_and(|&c| c < 0x80) {
            j += 1;
        }
        bytes.extend(cps.get(i..j).unwrap_or_default().iter().map(|&c| c as u8));
        if let Some(&c) = cps.get(j) {
            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
            bytes.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
        }
        i = j + 1;
    }
    // SAFETY: only ASCII bytes and whole encoded chars were written. (Not a CPython call.)
    *out = unsafe { String::from_utf8_unchecked(bytes) };
}

#[cfg(test)]
mod tests {
    use super::push_utf8;

    #[test]
    fn surrogates_become_one_replacement_char_each() {
        let mut s = String::new();
        push_utf8(&mut s, &[0x61, 0xD800, 0x62, 0xDFFF, 0x1F600, 0xE9]);
        assert_eq!(s, "a\u{FFFD}b\u{FFFD}\u{1F600}\u{E9}");
        assert_eq!(s.chars().count(), 6);
    }

    #[test]
    fn ascii_runs_of_any_length() {
        for n in 0..20 {
            let cps: Vec<u32> = (0..n).map(|i| 0x41 + i as u32).collect();
            let mut s = String::from("x");
            push_utf8(&mut s, &cps);
            assert_eq!(s.len(), n + 1);
        }
    }
}
