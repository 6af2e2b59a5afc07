//! presslens: news articles to structured evidence.
//!
//! The pure-Rust engine. Data flows one way:
//! text -> [`segment`] (sentences) -> [`quotes`] (quotes, speakers) -> [`sentiment`] -> [`compare`].
//! Every span here is a *byte* range into the `&str` it came from; the Python bindings turn
//! them into code-point offsets in one place ([`offsets`]).

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

/// Run `f` on a rayon pool with `n_threads` threads (`None`: all cores).
/// Pools are cached per size, since building one costs a thread spawn per worker.
pub fn with_threads<R: Send>(n_threads: Option<usize>, f: impl FnOnce() -> R + Send) -> R {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let Some(n) = n_threads else {
        return f();
    };
    let n = n.max(1);
    let pool = {
        let mut pools = POOLS
            .get_or_init(|| Mutex::new(HashMap::new()))
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match pools.get(&n) {
            Some(p) => Arc::clone(p),
            None => match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
                Ok(p) => {
                    let p = Arc::new(p);
                    pools.insert(n, Arc::clone(&p));
                    p
                }
                // Could not spawn threads: run on the global pool rather than fail.
                Err(_) => return f(),
            },
        }
    };
    pool.install(f)
}
