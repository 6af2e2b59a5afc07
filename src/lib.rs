//! presslens: news articles to structured evidence.
//!
//! The pure-Rust engine. Data flows one way:
//! text -> [`segment`] (sentences) -> [`quotes`] (quotes, speakers) -> [`sentiment`] -> [`compare`].
//! Every span here is a *byte* range into the `&str` it came from; the Python bindings turn
//! them into code-point offsets in one place ([`offsets`]).

pub mod attributions;
pub(crate) mod bytes16;
pub mod compare;
pub mod lexicon;
pub mod offsets;
pub mod quotes;
pub mod segment;
pub mod sentiment;
pub mod tables;

#[cfg(feature = "python")]
mod py;

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end == self.start
    }
    /// The slice of `text` this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Pools kept for reuse: the most recently used sizes. A program uses one or two sizes;
/// anything beyond is dropped (its threads exit), so varying `n_threads` never piles up threads.
const CACHED_POOLS: usize = 2;

/// Run `f` on a rayon pool with `n_threads` threads (`None`: all cores, the global pool).
/// Pools are cached per size (see [`thread_pool`]).
pub fn with_threads<R: Send>(n_threads: Option<usize>, f: impl FnOnce() -> R + Send) -> R {
    match n_threads.and_then(thread_pool) {
        Some(pool) => pool.install(f),
        // All cores, or could not spawn threads: the global pool rather than fail.
        None => f(),
    }
}

/// The rayon pool of `n` threads (at least 1), or None if its threads cannot be started.
/// Pools are cached per size (building one costs a thread spawn per worker), at most
/// [`CACHED_POOLS`] of them.
pub fn thread_pool(n: usize) -> Option<std::sync::Arc<rayon::ThreadPool>> {
    use std::sync::{Arc, Mutex};
    type Pools = Vec<(usize, Arc<rayon::ThreadPool>)>;
    static POOLS: Mutex<Pools> = Mutex::new(Vec::new());
    let n = n.max(1);
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    // Most recently used last.
    if let Some(i) = pools.iter().position(|(size, _)| *size == n) {
        let entry = pools.remove(i);
        let pool = Arc::clone(&entry.1);
        pools.push(entry);
        return Some(pool);
    }
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .ok()?,
    );
    if pools.len() >= CACHED_POOLS {
        // Dropped when its last running call ends; its threads then exit.
        pools.remove(0);
    }
    pools.push((n, Arc::clone(&pool)));
    Some(pool)
}

#[cfg(test)]
mod tests {
    #[test]
    fn with_threads_runs_on_a_pool_of_that_size() {
        for n in [1, 3, 2, 5, 3, 1] {
            assert_eq!(super::with_threads(Some(n), rayon::current_num_threads), n);
        }
    }
}
