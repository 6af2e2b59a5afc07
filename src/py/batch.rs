//! The one batch executor of the bindings ([`run_chunks`]): read → work → build, in chunks.
//!
//! Items are read (converted from Python) under the GIL a chunk at a time, worked on without
//! the GIL by any of the call's threads, and turned into Python objects under the GIL, in
//! order. The calling thread alone reads and builds (it holds the GIL); between those it works
//! on chunks like the other threads, so `n_threads` threads share the work. Chunks bound the
//! memory held for converted text, and between chunks the call checks for signals, so Ctrl-C
//! raises KeyboardInterrupt within about a chunk's work (well under a second) instead of after
//! the whole batch.
//!
//! Workers are kept busy rather than put to sleep and woken (the executor this replaced let a
//! worker sleep whenever the queue ran dry and woke it for each new block: about 120 voluntary
//! context switches per 2-thread sentiment call, and a quarter more CPU time than one thread).

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use super::errors::{internal, panic_error};
use super::ffi;
use super::gc_pause::GcPause;
use super::input::{exact_strs, CodePoints, Text};
use super::threads::check_threads;

/// Wait for `f`, run on its own thread without the GIL, checking for Ctrl-C (and other
/// signals) every [`SIGNAL_CHECK`]. On KeyboardInterrupt the call returns at once; the thread
/// finishes its work in the background and its result is dropped. For work that does not come
/// in items, such as clustering all quotes at once.
pub(super) fn run_interruptible<T: Send + 'static>(
    py: Python<'_>,
    f: impl FnOnce() -> T + Send + 'static,
) -> PyResult<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("presslens-work".into())
        .spawn(move || {
            let _ = tx.send(catch_unwind(AssertUnwindSafe(f)));
        })
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
    let mut rx = rx;
    loop {
        // The receiver is moved in and out: it is Send but not Sync.
        let (back, got) = py.detach(move || {
            let got = rx.recv_timeout(SIGNAL_CHECK);
            (rx, got)
        });
        rx = back;
        match got {
            Ok(result) => return result.map_err(panic_error),
            Err(RecvTimeoutError::Timeout) => py.check_signals()?,
            Err(RecvTimeoutError::Disconnected) => return Err(internal("a worker thread stopped")),
        }
    }
}

/// How often a waiting call looks for Ctrl-C.
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// A chunk ends after this many items ...
pub(super) const CHUNK_ITEMS: usize = 128;
/// ... or once its items measure this much (code points or bytes, as `read` reports): about
/// 0.1 ms of work for the cheapest work (sentiment scores), so that chunks balance across
/// threads, the last one ends soon, and Ctrl-C is seen within a chunk's work.
pub(super) const CHUNK_SIZE: usize = 1 << 15;
/// How a batch call cuts its items into chunks: a chunk ends after `items` items or once they
/// measure `size`; `bounded`: see [`run_chunks`]; `taper`: see [`Chunking::cap`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Chunking {
    pub(super) items: usize,
    pub(super) size: usize,
    pub(super) bounded: bool,
    pub(super) taper: bool,
}

impl Chunking {
    /// The items of the next chunk, at most, with `left` items still to read on `threads`
    /// threads. Tapered, chunks near a batch's end hold a share of what is left (half a
    /// thread's, no less than an eighth of `items`), so the threads run out of work together:
    /// with whole chunks to the end, one thread idled while the other scored the last chunk
    /// (a chunk of 512 texts is ~4 % of a 24,390-text batch's 2-thread time). Only for items
    /// alike in cost (sentiment's short texts), where what is left is a count of items.
    fn cap(&self, left: usize, threads: usize) -> usize {
        match self.taper && threads > 1 {
            true => (left.div_ceil(2 * threads))
                .max(self.items / 8)
                .min(self.items),
            false => self.items,
        }
    }
}

/// The chunks of every batch call but sentiment's ([`CHUNK_ITEMS`], [`CHUNK_SIZE`]).
const CHUNKS: Chunking = Chunking {
    items: CHUNK_ITEMS,
    size: CHUNK_SIZE,
    bounded: true,
    taper: false,
};

/// Chunks read but not yet built, at most, per thread, when the call bounds them: bounds the
/// memory held for converted articles. A few chunks ahead keep every thread fed (the calling
/// thread reads one in a fraction of a chunk's work); more only hold more memory. 8 (up to
/// 1 MiB of 4-byte code points a thread) made a 2 MB sentence batch on 2 threads slower than
/// on one in some processes: the allocator gave the read-ahead back to the system after a
/// call and the next call page-faulted it in again (~400 faults and ~11 context switches a
/// call). 2-4 measured alike, without those faults.
pub(super) const UNBUILT_PER_THREAD: usize = 4;
// The read-ahead stays at most 512 KiB of code points a thread (see above).
const _: () = assert!(UNBUILT_PER_THREAD * CHUNK_SIZE * 4 <= 1 << 19);
/// A worker that finds the queue empty yields this many times before it sleeps: the calling
/// thread usually refills the queue within a yield or two (it reads a chunk in a fraction of
/// the time a thread works on one), and a sleep and wake-up costs two context switches. (16
/// and 64 measured alike on the 840 newsdev train articles: 0-2 switches a sentence batch;
/// busy-waiting instead of yielding cost 1.4x the CPU.)
const SPINS_BEFORE_SLEEP: usize = 16;
/// Chunks queued before a sleeping worker is woken (see `Shared::publish`).
const WAKE_AT: usize = 4;
/// The longest any thread sleeps before looking again (a safety net: sleepers are woken).
const WAIT_SLICE: Duration = Duration::from_millis(10);

type Panic = Box<dyn std::any::Any + Send>;

/// A chunk's results, or the panic while working on it.
type Outcome<Res> = Result<Vec<Res>, Panic>;

/// What the threads of one call share, behind one mutex (taken a few times per chunk, never
/// held while working or building).
struct State<In, Res> {
    /// Chunks read and not yet claimed: (chunk number, items), oldest first.
    queue: VecDeque<(usize, Vec<In>)>,
    /// Each chunk's outcome once worked, from chunk `first_result` on, until the calling
    /// thread takes it to build.
    results: VecDeque<Option<Outcome<Res>>>,
    first_result: usize,
    /// Every chunk is read (or the call is ending): workers stop once the queue is empty.
    read_all: bool,
    /// The call is ending early (an error or Ctrl-C): claim nothing more.
    stop: bool,
    /// Worker jobs spawned and not yet returned.
    running: usize,
    /// Workers asleep on `for_workers`; the calling thread asleep on `for_caller`.
    sleeping_workers: usize,
    caller_waits: bool,
}

struct Shared<In, Res> {
    state: Mutex<State<In, Res>>,
    for_workers: Condvar,
    for_caller: Condvar,
}

impl<In: Send, Res: Send> Shared<In, Res> {
    /// Nothing read, queued or running yet (`read_all`: there is nothing to read).
    fn new(read_all: bool) -> Self {
        Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                results: VecDeque::new(),
                first_result: 0,
                read_all,
                stop: false,
                running: 0,
                sleeping_workers: 0,
                caller_waits: false,
            }),
            for_workers: Condvar::new(),
            for_caller: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<In, Res>> {
        // Nothing panics while holding the lock; a poisoned lock is still consistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queue chunk `k` (the calling thread; `last`: no more will come). A sleeping worker is
    /// woken once [`WAKE_AT`] chunks wait for it, or by the last chunk: a worker asleep is one
    /// that works faster than this thread builds, and each wake-up costs two context switches.
    fn publish(&self, k: usize, items: Vec<In>, last: bool) {
        let mut st = self.lock();
        st.results.push_back(None);
        st.queue.push_back((k, items));
        st.read_all |= last;
        if last {
            self.for_workers.notify_all();
        } else if st.sleeping_workers > 0 && st.queue.len() >= WAKE_AT {
            self.for_workers.notify_one();
        }
    }

    /// Take the next chunk to work on: `Err(())` when there is none and none will come.
    fn claim(&self) -> Result<Option<(usize, Vec<In>)>, ()> {
        let mut st = self.lock();
        match st.queue.pop_front() {
            _ if st.stop => Err(()),
            Some(job) => Ok(Some(job)),
            None if st.read_all => Err(()),
            None => Ok(None),
        }
    }

    /// Work on chunk `k` and hand its outcome to the calling thread.
    fn work_on(&self, work: &(impl Fn(Vec<In>) -> Vec<Res> + Sync), k: usize, items: Vec<In>) {
        let len = items.len();
        let outcome = match catch_unwind(AssertUnwindSafe(|| work(items))) {
            // Every item gets its result: the build fills every slot of a list it made.
            Ok(results) if results.len() != len => {
                Err(Box::new("a chunk's results are not one an item") as Panic)
            }
            other => other,
        };
        let mut st = self.lock();
        if let Some(slot) = k
            .checked_sub(st.first_result)
            .and_then(|i| st.results.get_mut(i))
        {
            *slot = Some(outcome);
        }
        if st.caller_waits {
            self.for_caller.notify_one();
        }
    }

    /// A worker: work on chunks until none is left. An empty queue before the end means the
    /// calling thread is building or working: look again after a yield, and sleep only when
    /// it stays empty (the calling thread builds slower than this thread works).
    fn worker(&self, work: &(impl Fn(Vec<In>) -> Vec<Res> + Sync)) {
        let mut empty = 0;
        while let Ok(job) = self.claim() {
            match job {
                Some((k, items)) => {
                    empty = 0;
                    self.work_on(work, k, items);
                }
                None if empty < SPINS_BEFORE_SLEEP => {
                    empty += 1;
                    std::thread::yield_now();
                }
                None => {
                    let mut st = self.lock();
                    if st.queue.is_empty() && !st.read_all && !st.stop {
                        st.sleeping_workers += 1;
                        st = (self.for_workers.wait_timeout(st, WAIT_SLICE))
                            .unwrap_or_else(|e| e.into_inner())
                            .0;
                        st.sleeping_workers -= 1;
                    }
                }
            }
        }
        let mut st = self.lock();
        st.running -= 1;
        if st.caller_waits {
            self.for_caller.notify_one();
        }
    }

    /// The outcome of the next chunk to build, if it is worked (taken out).
    fn take_next(&self) -> Option<Outcome<Res>> {
        let mut st = self.lock();
        let outcome = st.results.front_mut().and_then(Option::take)?;
        st.results.pop_front();
        st.first_result += 1;
        Some(outcome)
    }

    /// Sleep until the next chunk to build is worked, for at most [`WAIT_SLICE`] (the calling
    /// thread, without the GIL).
    fn wait_for_next(&self) {
        let mut st = self.lock();
        if st.results.front().is_some_and(Option::is_none) && !st.stop {
            st.caller_waits = true;
            st = (self.for_caller.wait_timeout(st, WAIT_SLICE))
                .unwrap_or_else(|e| e.into_inner())
                .0;
            st.caller_waits = false;
        }
    }

    /// End the call (done, an error or Ctrl-C): nothing more is claimed; wake the sleepers.
    fn stop(&self) {
        let mut st = self.lock();
        st.stop = true;
        st.read_all = true;
        st.queue.clear();
        self.for_workers.notify_all();
    }

    /// Wait until every worker has returned (chunks in hand finish: a fraction of a
    /// millisecond); only then may the inputs they borrow go.
    fn join(&self) {
        let mut st = self.lock();
        while st.running > 0 {
            st.caller_waits = true;
            st = (self.for_caller.wait_timeout(st, WAIT_SLICE))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        st.caller_waits = false;
    }
}

/// The calling thread of [`run_chunks`]: it alone holds the GIL, reads and builds.
struct Caller<'a, In, Res, R, B> {
    shared: &'a Shared<In, Res>,
    n: usize,
    read: R,
    build: B,
    /// The next item to read; the first item of every chunk not yet built; chunks read.
    next_item: usize,
    starts: VecDeque<usize>,
    chunks: usize,
    /// Chunks read and not built, at most.
    max_unbuilt: usize,
    limits: Chunking,
    threads: usize,
}

impl<In, Res, R, B> Caller<'_, In, Res, R, B>
where
    In: Send,
    Res: Send,
    R: FnMut(usize) -> PyResult<(In, usize)>,
    B: FnMut(usize, Res) -> PyResult<()>,
{
    fn can_read(&self) -> bool {
        self.next_item < self.n && self.starts.len() < self.max_unbuilt
    }

    /// Read the next chunk (under the GIL) into the queue.
    fn read_chunk(&mut self) -> PyResult<()> {
        let limits = self.limits;
        let cap = limits.cap(self.n - self.next_item, self.threads);
        let (mut items, mut size) = (Vec::with_capacity(cap), 0);
        let first = self.next_item;
        while self.next_item < self.n && items.len() < cap && size < limits.size {
            let (item, item_size) = (self.read)(self.next_item)?;
            size += item_size;
            items.push(item);
            self.next_item += 1;
        }
        self.starts.push_back(first);
        self.shared
            .publish(self.chunks, items, self.next_item == self.n);
        self.chunks += 1;
        Ok(())
    }

    /// Read chunks while it is allowed (the workers start on the first while the rest are
    /// read); build the worked ones in order, reading more after each; when the next one to
    /// build is not worked yet, work on a queued chunk, or else wait for it.
    fn drive(
        &mut self,
        py: Python<'_>,
        work: &(impl Fn(Vec<In>) -> Vec<Res> + Sync),
    ) -> PyResult<()> {
        loop {
            if self.can_read() {
                self.read_chunk()?;
                continue;
            }
            if let Some(outcome) = self.shared.take_next() {
                let first = self
                    .starts
                    .pop_front()
                    .ok_or_else(|| internal("chunk start"))?;
                for (j, r) in outcome.map_err(panic_error)?.into_iter().enumerate() {
                    (self.build)(first + j, r)?;
                }
                // Between chunks: Ctrl-C raises KeyboardInterrupt here.
                py.check_signals()?;
                continue;
            }
            if self.starts.is_empty() {
                return Ok(());
            }
            let shared = self.shared;
            match shared.claim() {
                Ok(Some((k, items))) => py.detach(|| shared.work_on(work, k, items)),
                // Every chunk is claimed: the next one to build is being worked elsewhere.
                _ => {
                    py.detach(|| shared.wait_for_next());
                    py.check_signals()?;
                }
            }
        }
    }
}

/// Run a batch of `n` items on `n_threads` threads (None: all cores): `read(i)` gives item `i`
/// and its size under the GIL, `work` runs without the GIL, and `build(i, result)` is called
/// under the GIL for every item in order. `bounded`: at most [`UNBUILT_PER_THREAD`] chunks per
/// thread are read and not built (for items that hold converted text, and for items whose
/// str objects should still be in cache when worked on: sentiment's); else every item is read
/// first. A panic in `work` becomes
/// RuntimeError. Every call of `work` has returned when this returns, also on error.
///
/// Items go in chunks ([`CHUNK_ITEMS`], [`CHUNK_SIZE`]). `n_threads - 1` workers of a pool take
/// chunks from one queue; the calling thread reads chunks into it, builds finished chunks in
/// order between chunks of its own, and works on queued chunks whenever the next one to build
/// is not finished (so `n_threads` threads work in all). The calling thread reads a chunk in a
/// fraction of the time a worker works on one, so the queue is rarely empty and workers seldom
/// sleep (a sleep and wake-up is two context switches). A batch of one chunk runs on the
/// calling thread alone.
pub(super) fn run_chunks<In: Send, Res: Send>(
    py: Python<'_>,
    n: usize,
    n_threads: Option<usize>,
    bounded: bool,
    read: impl FnMut(usize) -> PyResult<(In, usize)>,
    work: impl Fn(In) -> Res + Sync,
    build: impl FnMut(usize, Res) -> PyResult<()>,
) -> PyResult<()> {
    let work_chunk = |items: Vec<In>| items.into_iter().map(&work).collect();
    let chunking = Chunking { bounded, ..CHUNKS };
    run_whole_chunks(py, n, n_threads, chunking, read, work_chunk, build)
}

/// [`run_chunks`] with `work` given a whole chunk's items (it must return one result an item,
/// in order; else the call raises RuntimeError): for work that sets up something per chunk,
/// such as buffers reused from item to item; chunks cut as `chunking` says.
pub(super) fn run_whole_chunks<In: Send, Res: Send>(
    py: Python<'_>,
    n: usize,
    n_threads: Option<usize>,
    chunking: Chunking,
    read: impl FnMut(usize) -> PyResult<(In, usize)>,
    work: impl Fn(Vec<In>) -> Vec<Res> + Sync,
    build: impl FnMut(usize, Res) -> PyResult<()>,
) -> PyResult<()> {
    let threads = n_threads.unwrap_or_else(rayon::current_num_threads).max(1);
    let shared = Shared::new(n == 0);
    let mut caller = Caller {
        shared: &shared,
        n,
        read,
        build,
        next_item: 0,
        starts: VecDeque::new(),
        chunks: 0,
        max_unbuilt: if chunking.bounded {
            UNBUILT_PER_THREAD * threads
        } else {
            usize::MAX
        },
        limits: chunking,
        threads,
    };
    // The first chunk is read before any worker starts: a batch of one chunk is not worth
    // waking a thread for.
    if n > 0 {
        caller.read_chunk()?;
    }
    let workers = if caller.next_item < n { threads - 1 } else { 0 };
    let Some(pool) = (workers.checked_sub(1)).and_then(|_| crate::thread_pool(workers)) else {
        let outcome = caller.drive(py, &work);
        shared.stop();
        return outcome;
    };
    shared.lock().running = workers;
    let (shared, work) = (&shared, &work);
    pool.in_place_scope(|scope| {
        for _ in 0..workers {
            scope.spawn(move |_| shared.worker(work));
        }
        let outcome = caller.drive(py, work);
        // On an error the workers stop after the chunk in hand; wait for them without the GIL.
        shared.stop();
        py.detach(|| shared.join());
        outcome
    })
}

/// [`run_chunks`] over articles (exact `str`s, as `input::exact_strs` gives them): each is read
/// as code points under the GIL, `work` gets those without the GIL, and `build(i, article,
/// result)` makes the Python objects under the GIL. Every per-article batch call goes through
/// here; chunks read and not built are bounded, as they hold a copy of their articles.
pub(super) fn articles_batch<'py, Res: Send>(
    py: Python<'py>,
    articles: &[Bound<'py, PyString>],
    n_threads: Option<usize>,
    work: impl Fn(CodePoints) -> Res + Sync,
    mut build: impl FnMut(usize, &Bound<'py, PyString>, Res) -> PyResult<()>,
) -> PyResult<()> {
    let article = |i: usize| articles.get(i).ok_or_else(|| internal("batch index"));
    run_chunks(
        py,
        articles.len(),
        n_threads,
        true,
        |i| {
            let cps = CodePoints::read(article(i)?)?;
            let size = cps.len();
            Ok((cps, size))
        },
        work,
        |i, result| build(i, article(i)?, result),
    )
}

/// The batch form of a per-article function that returns a list: `analyze` each article's
/// text without the GIL, then `to_py` its objects; one list per article, in input order.
/// `func` names the calling function in error messages.
pub(super) fn article_lists<'py, A: Send, T: IntoPyObject<'py>>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    func: &str,
    n_threads: Option<&Bound<'py, PyAny>>,
    analyze: impl Fn(&str) -> A + Sync,
    to_py: impl Fn(&Text<'py>, &A) -> PyResult<Vec<T>>,
) -> PyResult<Bound<'py, PyList>> {
    let n_threads = check_threads(n_threads)?;
    let articles = exact_strs(texts, func, "texts")?;
    let out = ffi::list_of_len(py, articles.len())?;
    // Every article's objects are built in this call: no collector passes over them meanwhile.
    let _gc = GcPause::new(py)?;
    articles_batch(
        py,
        &articles,
        n_threads,
        |cps| {
            let s = cps.into_utf8();
            let a = analyze(&s);
            (s, a)
        },
        |i, obj, (s, a)| {
            let text = Text {
                s,
                obj: obj.clone(),
            };
            let list = PyList::new(py, to_py(&text, &a)?)?;
            ffi::list_set(&out, i, list.into_any())
        },
    )?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared() -> Shared<u32, u32> {
        let s = Shared::new(false);
        s.lock().results = VecDeque::from([None, None]);
        s
    }

    /// A chunk's work must give one result an item: fewer would leave list slots unfilled.
    #[test]
    fn a_chunk_with_a_result_missing_is_an_error() {
        let s = shared();
        s.work_on(
            &|items: Vec<u32>| items.iter().map(|x| x * 2).collect(),
            0,
            vec![1, 2, 3],
        );
        s.work_on(&|items: Vec<u32>| items[1..].to_vec(), 1, vec![1, 2, 3]);
        assert!(matches!(s.take_next(), Some(Ok(v)) if v == [2, 4, 6]));
        assert!(matches!(s.take_next(), Some(Err(_))));
    }
}

#[cfg(test)]
#[path = "batch_chunking_tests.rs"]
mod chunking_tests;
