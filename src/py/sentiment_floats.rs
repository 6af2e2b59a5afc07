//! The float objects of sentiment scores, shared.
//!
//! Every score is rounded to a multiple of 1/10,000 (`compound` to 4 decimals, `neg`, `neu`
//! and `pos` to 3) from -1 to 1: one of 20,001 values. Each value's float object is made the
//! first time a score has it and then shared (floats are immutable), so a text's four scores
//! cost no float allocation, and no free when the results go: of the work of a batch outside
//! the scoring itself, making and freeing floats was the largest part.

use std::sync::atomic::{AtomicPtr, Ordering};

use pyo3::prelude::*;
use pyo3::types::PyFloat;

/// Multiples of 1/10,000 per unit.
const STEPS: usize = 10_000;

/// The float of `k / 10,000 - 1` in slot `k`, once made (a strong reference, never released:
/// at most 20,001 floats, about 0.5 MB).
static SHARED: [AtomicPtr<pyo3::ffi::PyObject>; 2 * STEPS + 1] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; 2 * STEPS + 1];

/// `v` as a float object: the shared one when `v` is bit for bit one of the 20,001 values
/// (not -0.0, not a NaN), else a new one.
#[inline]
pub(super) fn share_float(py: Python<'_>, v: f64) -> Bound<'_, PyAny> {
    const UNIT: f64 = STEPS as f64;
    // The slot of the nearest multiple (a NaN gives slot 0, which the check below refuses;
    // an i32, not a usize: the conversion is then one instruction and a saturation check).
    let k = (v * UNIT + (UNIT + 0.5)) as i32;
    let Some(slot) = usize::try_from(k).ok().and_then(|k| SHARED.get(k)) else {
        return PyFloat::new(py, v).into_any();
    };
    // The double nearest to the decimal k / 10,000 - 1: what Python's `round` gives for it.
    let x = (k as f64 - UNIT) / UNIT;
    if x.to_bits() != v.to_bits() {
        return PyFloat::new(py, v).into_any();
    }
    let p = slot.load(Ordering::Acquire);
    if !p.is_null() {
        // SAFETY: a non-null slot holds a strong reference to a float that is never released,
        // so the object is alive; this takes a new reference to it.
        return unsafe { Bound::from_borrowed_ptr(py, p) };
    }
    let made = PyFloat::new(py, x).into_any();
    let kept = made.clone().into_ptr();
    // Callers hold the GIL, so no other thread fills the slot meanwhile; the exchange costs
    // nothing more than a store and stays right without that guarantee.
    match slot.compare_exchange(
        std::ptr::null_mut(),
        kept,
        Ordering::AcqRel,
        Ordering::Acquire,
    ) {
        Ok(_) => made,
        Err(theirs) => {
            // SAFETY: `kept` is the strong reference made above, which no slot took: release it.
            drop(unsafe { Bound::from_owned_ptr(py, kept) });
            // SAFETY: as for `p` above.
            unsafe { Bound::from_borrowed_ptr(py, theirs) }
        }
    }
}
