//! The engine's global allocator (helper "stream"): mimalloc, see `GLOBAL` in lib.rs.

use std::ffi::c_void;

extern "C" {
    /// mimalloc's own test of whether `p` lies in memory it handed out (linked in with it).
    fn mi_is_in_heap_region(p: *const c_void) -> bool;
}

#[test]
fn engine_allocations_are_mimallocs() {
    // Small and large blocks, as the tokenizers' vectors and an article's buffers.
    for n in [8usize, 200, 5_000, 1 << 20] {
        let v = vec![1u8; n];
        // SAFETY: a plain query on a live pointer; mimalloc is linked in with the crate.
        assert!(
            unsafe { mi_is_in_heap_region(v.as_ptr().cast()) },
            "{n} bytes"
        );
    }
    let s = String::from("Officials said the plan would go ahead.");
    assert!(unsafe { mi_is_in_heap_region(s.as_ptr().cast()) });
}
