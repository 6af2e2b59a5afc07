//! How batch calls cut their items into chunks ([`super::Chunking`]).

use super::*;

/// A call's chunks end where its `Chunking` says: after `items` items, or once their
/// sizes reach `size` (sentiment cuts bigger chunks than the other batch calls).
#[test]
fn chunks_end_at_the_calls_own_limits() {
    Python::initialize();
    Python::attach(|py| {
        let chunk_lens = |chunking: Chunking, sizes: &[usize], threads: usize| {
            let lens = Mutex::new(Vec::new());
            let read = |i: usize| Ok((i, sizes[i]));
            let work = |items: Vec<usize>| {
                let first = items.first().copied().unwrap_or(0);
                lens.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((first, items.len()));
                items
            };
            let mut built = Vec::new();
            let build = |i: usize, r: usize| {
                built.push((i, r));
                Ok(())
            };
            run_whole_chunks(py, sizes.len(), Some(threads), chunking, read, work, build)
                .map_err(|e| e.to_string())?;
            assert!(built.iter().all(|&(i, r)| i == r));
            assert_eq!(built.len(), sizes.len());
            // In the order of the items (threads finish chunks in any order).
            let mut lens = lens.into_inner().unwrap_or_else(|e| e.into_inner());
            lens.sort_unstable();
            Ok::<_, String>(lens.into_iter().map(|(_, len)| len).collect::<Vec<_>>())
        };
        let by_items = Chunking {
            items: 5,
            size: 1000,
            bounded: true,
            taper: false,
        };
        assert_eq!(chunk_lens(by_items, &[1; 12], 1), Ok(vec![5, 5, 2]));
        assert_eq!(chunk_lens(by_items, &[1; 12], 2), Ok(vec![5, 5, 2]));
        let by_size = Chunking {
            items: 5,
            size: 10,
            bounded: false,
            taper: false,
        };
        assert_eq!(chunk_lens(by_size, &[4; 7], 1), Ok(vec![3, 3, 1]));
        assert_eq!(
            chunk_lens(CHUNKS, &[1; 300], 2),
            Ok(vec![CHUNK_ITEMS, CHUNK_ITEMS, 300 - 2 * CHUNK_ITEMS])
        );
    });
}

/// Tapered (sentiment's batches), the chunks near the end of a batch on 2 threads hold a
/// quarter of what is left (half a thread's share), no fewer than an eighth of a full chunk,
/// so neither thread is left alone with a full last chunk; on one thread nothing tapers.
#[test]
fn tapered_chunks_shrink_at_a_batchs_end() {
    Python::initialize();
    Python::attach(|py| {
        let taper = Chunking {
            items: 64,
            size: 1 << 20,
            bounded: true,
            taper: true,
        };
        let lens = |threads: usize| {
            let lens = Mutex::new(Vec::new());
            let work = |items: Vec<usize>| {
                let first = items.first().copied().unwrap_or(0);
                lens.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((first, items.len()));
                items
            };
            let mut built = 0;
            let build = |i: usize, r: usize| {
                assert_eq!(i, r);
                built += 1;
                Ok(())
            };
            let read = |i: usize| Ok((i, 1));
            let done = run_whole_chunks(py, 1000, Some(threads), taper, read, work, build);
            assert!(done.is_ok());
            assert_eq!(built, 1000);
            let mut lens = lens.into_inner().unwrap_or_else(|e| e.into_inner());
            lens.sort_unstable();
            lens.into_iter().map(|(_, len)| len).collect::<Vec<_>>()
        };
        let mut two = vec![64; 12];
        two.extend([58, 44, 33, 25, 18, 14, 10, 8, 8, 8, 6]);
        assert_eq!(lens(2), two);
        let mut one = vec![64; 15];
        one.push(40);
        assert_eq!(lens(1), one);
    });
}
