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
    // Refuses NaNs and everything off [-1, 1] with two compares (no saturating conversion).
    if !(-1.0..=1.0).contains(&v) {
        return new_float(py, v);
    }
    // The slot of the nearest multiple.
    // SAFETY: v * UNIT + UNIT + 0.5 lies in [0.5, 20,000.5], so its integer part fits a u32.
    let k = unsafe { (v * UNIT + (UNIT + 0.5)).to_int_unchecked::<u32>() } as usize;
    // The double nearest to the decimal k / 10,000 - 1: what Python's `round` gives for it.
    let x = (k as f64 - UNIT) / UNIT;
    let Some(slot) = SHARED.get(k).filter(|_| x.to_bits() == v.to_bits()) else {
        return new_float(py, v);
    };
    let p = slot.load(Ordering::Acquire);
    if p.is_null() {
        return fill(py, slot, x);
    }
    // SAFETY: a non-null slot holds a strong reference to a float that is never released, so
    // the object is alive; this takes a new reference to it (through pyo3: the count is not
    // bumped by hand, whatever the layout of the Python it runs on).
    unsafe { Bound::from_borrowed_ptr(py, p) }
}

/// A new float object for `v` (not one of the shared values).
#[cold]
#[inline(never)]
fn new_float(py: Python<'_>, v: f64) -> Bound<'_, PyAny> {
    PyFloat::new(py, v).into_any()
}

/// Make the shared float `x` for the empty `slot` (once per value).
#[cold]
#[inline(never)]
fn fill<'py>(py: Python<'py>, slot: &AtomicPtr<pyo3::ffi::PyObject>, x: f64) -> Bound<'py, PyAny> {
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
            // SAFETY: a slot's float is never released (see `share_float`): a new reference.
            unsafe { Bound::from_borrowed_ptr(py, theirs) }
        }
    }
}
