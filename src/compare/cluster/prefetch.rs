//! A hint to the CPU to start loading a cache line that will be read soon. At a million
//! quotes the candidate lookups and verifications read units, postings and word ids at
//! random across hundreds of MB; asking for the next ones while the current one is worked on
//! overlaps the cache misses instead of waiting for each in turn.

/// Starts loading the cache line holding `x` (x86-64; elsewhere a no-op). Never changes
/// what any read returns.
#[inline(always)]
pub(super) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let ptr = (x as *const T).cast::<i8>();
        // SAFETY: a prefetch is a hint that neither reads nor writes memory as far as the
        // program can tell and never faults; `ptr` comes from a live reference anyway.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(ptr) };
        // A value larger than its alignment can end in the next line (a 24-byte unit at
        // byte 48 of a line): its last byte too. Decided at compile time per type.
        if std::mem::size_of::<T>() > std::mem::align_of::<T>() {
            let last = ptr.wrapping_add(std::mem::size_of::<T>() - 1);
            // SAFETY: as above; `last` is the last byte of the same live value.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(last) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Prefetches element `i` of `xs` if there is one.
#[inline(always)]
pub(super) fn prefetch_at<T>(xs: &[T], i: usize) {
    if let Some(x) = xs.get(i) {
        prefetch(x);
    }
}

/// Prefetches the elements `from..to` of `xs` (those there are), one per cache line.
#[inline(always)]
pub(super) fn prefetch_lines<T>(xs: &[T], from: usize, to: usize) {
    let step = (64 / std::mem::size_of::<T>().max(1)).max(1);
    let to = to.min(xs.len());
    let mut i = from;
    while i < to {
        prefetch_at(xs, i);
        i += step;
    }
    // The last element may start a line the steps skipped.
    if to > from {
        prefetch_at(xs, to - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prefetching any element (first, last, past the end, of an empty slice, of a zero-sized
    /// type) changes nothing that is read.
    #[test]
    fn prefetch_changes_no_value() {
        let xs: Vec<u64> = (0..1000).map(|i| i * 3).collect();
        for i in [0, 1, 7, 63, 500, 999, 1000, usize::MAX] {
            prefetch_at(&xs, i);
        }
        prefetch_at::<u32>(&[], 0);
        prefetch_at(&[(), ()], 1);
        prefetch(&xs);
        prefetch_lines(&xs, 0, 1000);
        prefetch_lines(&xs, 990, usize::MAX);
        prefetch_lines(&xs, 5, 3);
        prefetch_lines::<u8>(&[], 0, 10);
        assert!(xs.iter().enumerate().all(|(i, &x)| x == 3 * i as u64));
    }
}
