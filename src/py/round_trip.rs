//! `_core_round_trip_ns()`: how long a cache line takes to go from one core to another and
//! back, for the benchmarks to print next to every thread-scaling figure.
//!
//! Two threads scale only as well as the cores hand cache lines to each other (a chunk, its
//! results, the queue between them). On a virtual machine the host may place the two vCPUs
//! close together (a round trip of some 80-120 ns) or far apart (350-390 ns), and switch
//! between the two every minute or so: on the same build, 2 threads were then 1.9x one
//! thread, or 1.65-1.75x. A scaling figure means little without the state it was taken in.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use pyo3::prelude::*;

use super::errors::internal;

/// Round trips timed together (one clock read per batch, not per trip) ...
const TRIPS: u64 = 500;
/// ... and batches; the answer is the median batch (a batch during which the scheduler took
/// one of the threads off its core is an outlier, not the interconnect).
const BATCHES: usize = 21;
/// Spins on a line that does not change before a waiting thread yields its core: two spinning
/// threads on one core would otherwise wait for each other's time slices.
const SPINS_BEFORE_YIELD: u32 = 1 << 14;

/// A cache line of its own, so the ping-pong moves one line and nothing else.
#[repr(align(128))]
struct Line(AtomicU64);

/// Wait until `line` holds `value`.
fn wait_for(line: &Line, value: u64) {
    let mut spins = 0u32;
    while line.0.load(Ordering::Acquire) != value {
        spins += 1;
        if spins >= SPINS_BEFORE_YIELD {
            spins = 0;
            std::thread::yield_now();
        } else {
            std::hint::spin_loop();
        }
    }
}

/// The median over [`BATCHES`] batches of the mean round trip in a batch, in ns: one thread
/// writes an odd count into a shared line, the other answers with the next even one.
pub(super) fn round_trip_ns() -> Option<f64> {
    let line = Line(AtomicU64::new(0));
    let total = TRIPS * BATCHES as u64;
    let mut batches = std::thread::scope(|s| {
        let pong = s.spawn(|| {
            for i in 0..total {
                wait_for(&line, 2 * i + 1);
                line.0.store(2 * i + 2, Ordering::Release);
            }
        });
        let ping = s.spawn(|| {
            let mut out = Vec::with_capacity(BATCHES);
            let mut i = 0;
            for _ in 0..BATCHES {
                let t0 = Instant::now();
                for _ in 0..TRIPS {
                    line.0.store(2 * i + 1, Ordering::Release);
                    wait_for(&line, 2 * i + 2);
                    i += 1;
                }
                out.push(t0.elapsed().as_secs_f64() * 1e9 / TRIPS as f64);
            }
            out
        });
        let batches = ping.join().ok();
        pong.join().ok().and(batches)
    })?;
    batches.sort_by(f64::total_cmp);
    batches.get(BATCHES / 2).copied()
}

/// `_core_round_trip_ns()`: the median round trip of a cache line between two threads, in
/// ns (a few ms, without the GIL). With two cores it tells how far apart they sit.
#[pyfunction]
fn _core_round_trip_ns(py: Python<'_>) -> PyResult<f64> {
    py.detach(round_trip_ns)
        .ok_or_else(|| internal("a round-trip thread stopped"))
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_core_round_trip_ns, m)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_round_trip_takes_a_positive_finite_time() {
        let ns = super::round_trip_ns();
        assert!(ns.is_some_and(|ns| ns.is_finite() && ns > 0.0), "{ns:?}");
    }
}
