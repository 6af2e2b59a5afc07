//! The one batch pipeline of the bindings: read → work → build, in blocks.
//!
//! Items are read (converted from Python) under the GIL a block at a time, worked on without
//! the GIL by any of the call's threads, and turned into Python objects under the GIL, in
//! order. The calling thread alone reads and builds (it holds the GIL); between those it works
//! on blocks like the other threads, so `n_threads` threads share the work and nobody waits at
//! a barrier. Blocks bound the memory held for converted text, and between blocks the call
//! checks for signals, so Ctrl-C raises KeyboardInterrupt within about a block's work (well
//! under a second) instead of after the whole batch.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyList, PyString};

use super::errors::{internal, panic_error, type_name};
use super::ffi;
use super::input::{exact_strs, CodePoints, Text};

/// The most threads a call may ask for: more only adds overhead, and a typo such as
/// `n_threads=2000` must not start thousands of threads.
pub(super) fn max_threads() -> usize {
    4 * std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Check an `n_threads` argument: None (all cores) or an integer (anything `operator.index`
/// accepts, such as numpy integers) from 1 to [`max_threads`]; a bool is refused.
pub(super) fn check_threads(n_threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(obj) = n_threads.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if obj.is_instance_of::<PyBool>() {
        return Err(PyValueError::new_err(format!(
            "n_threads must be an integer from 1 to {}, or None for all cores; not a bool",
            max_threads()
        )));
    }
    // operator.index semantics: TypeError for floats, str and other non-integers.
    let index = obj.py().import("operator")?.call_method1("index", (obj,));
    let n = match index {
        Ok(n) => n.extract::<i64>().unwrap_or(i64::MAX),
        Err(e) if e.is_instance_of::<PyTypeError>(obj.py()) => {
            return Err(PyTypeError::new_err(format!(
                "n_threads must be an integer or None, not {}",
                type_name(obj)
            )))
        }
        Err(e) => return Err(e),
    };
    if n < 1 {
        return Err(PyValueError::new_err(format!(
            "n_threads must be at least 1 (or None for all cores), not {n}"
        )));
    }
    let max = max_threads();
    match usize::try_from(n) {
        Ok(n) if n <= max => Ok(Some(n)),
        _ => Err(PyValueError::new_err(format!(
            "n_threads={} is more than the maximum of {max} (4 x {} cores)",
            obj.str().map(|s| s.to_string()).unwrap_or_default(),
            max / 4
        ))),
    }
}

/// `_check_n_threads(n)`: the check of every `n_threads` argument, for the Python layer.
#[pyfunction]
#[pyo3(signature = (n_threads, /))]
fn _check_n_threads(n_threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    check_threads(n_threads)
}

pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("MAX_THREADS", max_threads())?;
    m.add_function(wrap_pyfunction!(_check_n_threads, m)?)
}

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

/// A block ends after this many items ...
const BLOCK_ITEMS: usize = 128;
/// ... or once its items measure this much (code points or bytes, as `read` reports): about
/// 0.1 ms of work, so that blocks balance across threads and the last one ends soon.
const BLOCK_SIZE: usize = 1 << 15;
/// Blocks kept queued for each worker while the calling thread builds or works: a worker
/// finishing a block then finds the next one without waiting (two, since the calling thread's
/// own step can take as long as a block).
const QUEUED_PER_WORKER: usize = 2;
/// Blocks read but not yet built, at most, per thread: bounds the memory held in flight.
const BLOCKS_IN_FLIGHT_PER_THREAD: usize = 8;

/// Run a batch of `n` items: `read(i)` gives item `i` and its size under the GIL, `work` runs
/// without the GIL, and `build(i, result)` is called under the GIL for every item in order. A
/// panic in `work` becomes RuntimeError. Every call of `work` has returned when this returns,
/// also on error.
///
/// Items go in blocks of about 0.1 ms of work. `n_threads - 1` workers of a rayon pool take
/// blocks from a queue; the calling thread reads blocks into the queue, builds the objects of
/// finished blocks in order and, whenever neither is possible, works on a queued block itself
/// (so `n_threads` threads work in all, not `n_threads` plus a calling thread that competes
/// with them for the cores). There is no barrier between blocks: the workers never wait for
/// the calling thread unless the queue runs dry. With `n_threads == Some(1)` everything runs on
/// the calling thread, a block at a time.
pub(super) fn pipeline<In: Send, Res: Send>(
    py: Python<'_>,
    n: usize,
    n_threads: Option<usize>,
    read: impl FnMut(usize) -> PyResult<(In, usize)>,
    work: impl Fn(In) -> Res + Sync,
    build: impl FnMut(usize, Res) -> PyResult<()>,
) -> PyResult<()> {
    let threads = n_threads.unwrap_or_else(rayon::current_num_threads).max(1);
    let shared = Shared::new(threads);
    let mut caller = Caller {
        py,
        n,
        shared: &shared,
        work: &work,
        read,
        build,
        next_item: 0,
        next_build: 0,
        next_block: 0,
        max_in_flight: BLOCKS_IN_FLIGHT_PER_THREAD * threads,
    };
    // One item is not worth waking a thread for.
    if threads == 1 || n <= 1 {
        shared.lock().running = 0;
        return caller.drive();
    }
    let pool = n_threads.and_then(crate::thread_pool);
    let (shared, work) = (&shared, &work);
    match pool {
        Some(pool) => pool.in_place_scope(|scope| {
            spawn_workers(scope, threads - 1, shared, work);
            caller.drive()
        }),
        None => rayon::in_place_scope(|scope| {
            spawn_workers(scope, threads - 1, shared, work);
            caller.drive()
        }),
    }
}

fn spawn_workers<'s, In: Send, Res: Send>(
    scope: &rayon::Scope<'s>,
    count: usize,
    shared: &'s Shared<In, Res>,
    work: &'s (impl Fn(In) -> Res + Sync),
) {
    for _ in 0..count {
        scope.spawn(move |_| shared.worker(work));
    }
}

type Panic = Box<dyn std::any::Any + Send>;

/// What the calling thread and the workers share, behind one mutex.
struct State<In, Res> {
    /// Blocks read and not yet taken: (block number, items), oldest first.
    queue: VecDeque<(usize, Vec<In>)>,
    /// The results of the blocks in flight, from the next one to build: None until worked.
    results: VecDeque<Option<Vec<Res>>>,
    /// The number of the block `results[0]` is for.
    first_result: usize,
    /// No more blocks will come: workers exit once the queue is empty.
    closed: bool,
    /// The first panic of a worker.
    panic: Option<Panic>,
    /// Worker jobs spawned and not yet returned.
    running: usize,
    /// Workers waiting for a block; the calling thread waiting for a result.
    idle_workers: usize,
    caller_waiting: bool,
}

struct Shared<In, Res> {
    state: Mutex<State<In, Res>>,
    for_workers: Condvar,
    for_caller: Condvar,
}

impl<In: Send, Res: Send> Shared<In, Res> {
    fn new(threads: usize) -> Self {
        Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                results: VecDeque::new(),
                first_result: 0,
                closed: false,
                panic: None,
                running: threads - 1,
                idle_workers: 0,
                caller_waiting: false,
            }),
            for_workers: Condvar::new(),
            for_caller: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<In, Res>> {
        // Nothing panics while holding the lock; a poisoned lock is still consistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Store the outcome of working block `block`, and wake the calling thread if it waits.
    fn finish(
        &self,
        st: &mut State<In, Res>,
        block: usize,
        outcome: std::thread::Result<Vec<Res>>,
    ) {
        match outcome {
            Ok(res) => {
                if let Some(slot) = block
                    .checked_sub(st.first_result)
                    .and_then(|k| st.results.get_mut(k))
                {
                    *slot = Some(res);
                }
            }
            Err(p) => {
                st.panic.get_or_insert(p);
            }
        }
        if st.caller_waiting {
            self.for_caller.notify_one();
        }
    }

    /// A worker: take blocks until the queue is closed and empty.
    fn worker(&self, work: &(impl Fn(In) -> Res + Sync)) {
        let mut st = self.lock();
        loop {
            if let Some((block, items)) = st.queue.pop_front() {
                drop(st);
                let outcome = work_block(work, items);
                st = self.lock();
                self.finish(&mut st, block, outcome);
            } else if st.closed {
                break;
            } else {
                st.idle_workers += 1;
                st = self.for_workers.wait(st).unwrap_or_else(|e| e.into_inner());
                st.idle_workers -= 1;
            }
        }
        st.running -= 1;
        if st.caller_waiting {
            self.for_caller.notify_one();
        }
    }
}

fn work_block<In, Res>(work: &impl Fn(In) -> Res, items: Vec<In>) -> std::thread::Result<Vec<Res>> {
    catch_unwind(AssertUnwindSafe(|| items.into_iter().map(work).collect()))
}

/// What the calling thread does next.
enum Step<In, Res> {
    Read,
    Build(Vec<Res>),
    Work(usize, Vec<In>),
    Wait,
    Done,
}

/// The calling thread of [`pipeline`]: it alone holds the GIL.
struct Caller<'a, 'py, In, Res, R, W, B> {
    py: Python<'py>,
    n: usize,
    shared: &'a Shared<In, Res>,
    work: &'a W,
    read: R,
    build: B,
    /// The next item to read, the next to build, the number of the next block read.
    next_item: usize,
    next_build: usize,
    next_block: usize,
    max_in_flight: usize,
}

impl<In, Res, R, W, B> Caller<'_, '_, In, Res, R, W, B>
where
    In: Send,
    Res: Send,
    R: FnMut(usize) -> PyResult<(In, usize)>,
    W: Fn(In) -> Res + Sync,
    B: FnMut(usize, Res) -> PyResult<()>,
{
    /// Run the batch to its end or first error, then stop the workers and wait for them.
    fn drive(&mut self) -> PyResult<()> {
        let outcome = self.steps();
        let shared = self.shared;
        let mut st = shared.lock();
        st.closed = true;
        // Blocks nobody took are dropped: their inputs are no longer needed.
        st.queue.clear();
        shared.for_workers.notify_all();
        let panic = st.panic.take();
        drop(st);
        // The workers finish the block in hand (a fraction of a millisecond) and return; only
        // then may the inputs they borrow go. Ctrl-C cannot cut this short, and need not.
        self.py.detach(|| {
            let mut st = shared.lock();
            while st.running > 0 {
                st.caller_waiting = true;
                st = shared
                    .for_caller
                    .wait(st)
                    .unwrap_or_else(|e| e.into_inner());
            }
            st.caller_waiting = false;
        });
        match panic {
            Some(p) if outcome.is_ok() => Err(panic_error(p)),
            _ => outcome,
        }
    }

    fn steps(&mut self) -> PyResult<()> {
        loop {
            match self.next_step()? {
                Step::Read => self.read_block()?,
                Step::Build(results) => {
                    for r in results {
                        (self.build)(self.next_build, r)?;
                        self.next_build += 1;
                    }
                    // Between blocks: Ctrl-C raises KeyboardInterrupt here.
                    self.py.check_signals()?;
                }
                Step::Work(block, items) => {
                    let work = self.work;
                    let outcome = self.py.detach(move || work_block(work, items));
                    let mut st = self.shared.lock();
                    self.shared.finish(&mut st, block, outcome);
                }
                Step::Wait => {
                    let shared = self.shared;
                    self.py.detach(|| {
                        let mut st = shared.lock();
                        if st.panic.is_none() && st.results.front().is_some_and(Option::is_none) {
                            st.caller_waiting = true;
                            st = shared
                                .for_caller
                                .wait_timeout(st, SIGNAL_CHECK)
                                .unwrap_or_else(|e| e.into_inner())
                                .0;
                            st.caller_waiting = false;
                        }
                    });
                    self.py.check_signals()?;
                }
                Step::Done => return Ok(()),
            }
        }
    }

    /// Choose the next step: keep every worker a block ahead, build what is finished, work
    /// on a queued block, read more; wait only when every block in flight is being worked.
    fn next_step(&mut self) -> PyResult<Step<In, Res>> {
        let mut st = self.shared.lock();
        if let Some(p) = st.panic.take() {
            return Err(panic_error(p));
        }
        let can_read = self.next_item < self.n && st.results.len() < self.max_in_flight;
        // Every worker should find a block queued whenever it finishes one, also while this
        // thread builds or works on a block of its own.
        let ahead = QUEUED_PER_WORKER * st.running;
        if can_read && st.queue.len() <= ahead {
            return Ok(Step::Read);
        }
        if st.results.front().is_some_and(Option::is_some) {
            st.first_result += 1;
            let results = st.results.pop_front().flatten().unwrap_or_default();
            return Ok(Step::Build(results));
        }
        if st.queue.len() > ahead || !can_read {
            if let Some((block, items)) = st.queue.pop_front() {
                return Ok(Step::Work(block, items));
            }
        }
        Ok(if can_read {
            Step::Read
        } else if st.results.is_empty() {
            Step::Done
        } else {
            Step::Wait
        })
    }

    /// Read the next block (under the GIL) into the queue; wake a waiting worker.
    fn read_block(&mut self) -> PyResult<()> {
        let (mut items, mut size) = (Vec::new(), 0);
        while self.next_item < self.n && items.len() < BLOCK_ITEMS && size < BLOCK_SIZE {
            let (item, item_size) = (self.read)(self.next_item)?;
            size += item_size;
            items.push(item);
            self.next_item += 1;
        }
        let mut st = self.shared.lock();
        st.results.push_back(None);
        st.queue.push_back((self.next_block, items));
        self.next_block += 1;
        if st.idle_workers > 0 {
            self.shared.for_workers.notify_one();
        }
        Ok(())
    }
}

/// [`pipeline`] over articles (exact `str`s, as `input::exact_strs` gives them): each is read as
/// code points under the GIL, `work` gets those without the GIL, and `build(i, article, result)`
/// makes the Python objects under the GIL. Every per-article batch call goes through here.
pub(super) fn articles_pipeline<'py, Res: Send>(
    py: Python<'py>,
    articles: &[Bound<'py, PyString>],
    n_threads: Option<usize>,
    work: impl Fn(CodePoints) -> Res + Sync,
    mut build: impl FnMut(usize, &Bound<'py, PyString>, Res) -> PyResult<()>,
) -> PyResult<()> {
    let article = |i: usize| articles.get(i).ok_or_else(|| internal("batch index"));
    pipeline(
        py,
        articles.len(),
        n_threads,
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
    articles_pipeline(
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
