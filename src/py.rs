//! Python bindings: the one place that converts types, turns byte offsets into code-point
//! offsets, releases the GIL and maps errors to Python exceptions.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;

use crate::offsets::CharIndex;
use crate::{quotes, segment, sentiment, Span as ByteSpan};

// ---------------------------------------------------------------- input

/// A text taken from Python: valid UTF-8 whose code points match the Python string's one to one.
struct Text<'py> {
    // Owned: abi3 for Python 3.9 has no borrowed UTF-8 view of a str.
    s: String,
    obj: Bound<'py, PyString>,
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// Take `obj` as a str, or raise TypeError naming the function, the argument and the type.
/// Lone surrogates become one U+FFFD each (see [`CodePoints`]), so offsets stay exact.
fn take_text<'py>(obj: &Bound<'py, PyAny>, func: &str, arg: &str) -> PyResult<Text<'py>> {
    text_of(exact_str(obj, func, arg)?)
}

/// UTF-8 of an exact str. PyO3's encoder is cheapest for the short texts most calls get;
/// only a str with lone surrogates (which it rejects) goes through [`CodePoints`].
fn text_of(obj: Bound<'_, PyString>) -> PyResult<Text<'_>> {
    let s = match obj.to_cow() {
        Ok(c) => c.into_owned(),
        Err(_) => CodePoints::read(&obj)?.into_utf8(),
    };
    Ok(Text { s, obj })
}

/// Take every item of an iterable of str; the error names the item's position.
fn take_texts<'py>(texts: &Bound<'py, PyAny>, func: &str) -> PyResult<Vec<Text<'py>>> {
    exact_strs(texts, func)?.into_iter().map(text_of).collect()
}

fn check_threads(n_threads: Option<usize>) -> PyResult<Option<usize>> {
    match n_threads {
        Some(0) => Err(PyValueError::new_err(
            "n_threads must be at least 1 (or None for all cores)",
        )),
        n => Ok(n),
    }
}

/// Run Rust work with the GIL released; a panic becomes RuntimeError instead of aborting.
fn run<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(panic_error)
}

// ---------------------------------------------------------------- output

/// Builds Python objects for spans of one text, in code-point offsets.
struct Out<'a, 'py> {
    py: Python<'py>,
    obj: &'a Bound<'py, PyString>,
    idx: CharIndex<'a>,
}

impl<'a, 'py> Out<'a, 'py> {
    fn new(text: &'a Text<'py>) -> Self {
        Out {
            py: text.obj.py(),
            obj: &text.obj,
            idx: CharIndex::new(&text.s),
        }
    }

    /// `(start, end, text[start:end])` sliced from the original Python str, so the slice is
    /// exact even where the Rust side saw U+FFFD.
    fn slice(&self, s: ByteSpan) -> PyResult<(usize, usize, Py<PyString>)> {
        let (a, b) = self.idx.span(s);
        // SAFETY: obj is a live str; PyUnicode_Substring returns a new reference or NULL.
        let sub = unsafe {
            let p = pyo3::ffi::PyUnicode_Substring(self.obj.as_ptr(), a as isize, b as isize);
            Bound::from_owned_ptr_or_err(self.py, p)?
        };
        Ok((a, b, sub.cast_into::<PyString>()?.unbind()))
    }

    fn span(&self, s: ByteSpan) -> PyResult<Span> {
        let (start, end, text) = self.slice(s)?;
        Ok(Span { start, end, text })
    }
}

fn text_eq(py: Python<'_>, a: &Py<PyString>, b: &Py<PyString>) -> PyResult<bool> {
    a.bind(py).as_any().eq(b.bind(py))
}

fn repr_text(py: Python<'_>, t: &Py<PyString>, limit: usize) -> String {
    let t = t.bind(py);
    let n = t.len().unwrap_or(0);
    let r = if n > limit {
        t.as_any()
            .get_item(pyo3::types::PySlice::new(py, 0, limit as isize, 1))
            .and_then(|x| x.repr())
            .map(|r| format!("{r}…"))
    } else {
        t.as_any().repr().map(|r| r.to_string())
    };
    r.unwrap_or_default()
}

// ---------------------------------------------------------------- classes

/// A sentence: `text[start:end] == sentence.text`, offsets in code points.
///
/// Sentences made by the splitters keep the article and slice `.text` on access, so making one
/// is a single small allocation; constructed and unpickled ones hold their own text.
#[pyclass(frozen, module = "presslens._core")]
struct Sentence {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    src: SentenceText,
}

enum SentenceText {
    /// The sentence's own text.
    Own(Py<PyString>),
    /// The whole article, an exact `str` with `start <= end <= len`: the text is `[start:end]`.
    Article(Py<PyString>),
}

impl Sentence {
    /// A sentence of `article` (an exact str; `start <= end <= len(article)` in code points).
    fn in_article(start: usize, end: usize, article: Py<PyString>) -> Self {
        Sentence {
            start,
            end,
            src: SentenceText::Article(article),
        }
    }

    fn text_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        match &self.src {
            SentenceText::Own(t) => Ok(t.bind(py).clone()),
            SentenceText::Article(a) => substring(a.bind(py), self.start, self.end),
        }
    }
}

/// `s[start:end]` of a str, as a new exact str.
fn substring<'py>(
    s: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: s is a live str; PyUnicode_Substring returns a new reference or NULL, and clamps
    // an end past the string.
    unsafe {
        let p = pyo3::ffi::PyUnicode_Substring(s.as_ptr(), start as isize, end as isize);
        Ok(Bound::from_owned_ptr_or_err(s.py(), p)?.cast_into_unchecked::<PyString>())
    }
}

#[pymethods]
impl Sentence {
    /// `Sentence(start, end, text)`: also what other sections use to make one with its text.
    #[new]
    fn new(start: usize, end: usize, text: Py<PyString>) -> Self {
        Sentence {
            start,
            end,
            src: SentenceText::Own(text),
        }
    }
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        self.text_of(py)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sentence({}, {}, {})",
            self.start,
            self.end,
            repr_text(py, &self.text_of(py)?.unbind(), 60)
        ))
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Sentence>() else {
            return Ok(false);
        };
        let o = o.get();
        if self.start != o.start || self.end != o.end {
            return Ok(false);
        }
        if let (SentenceText::Article(a), SentenceText::Article(b)) = (&self.src, &o.src) {
            if a.is(b) {
                return Ok(true);
            }
        }
        self.text_of(py)?.as_any().eq(o.text_of(py)?)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.text_of(py)?)
            .into_pyobject(py)?
            .hash()
    }
    fn __len__(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// Pickles `(start, end, text)`: the sentence alone, never the whole article.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        (slf.get_type(), (s.start, s.end, s.text_of(py)?)).into_pyobject(py)
    }
}

/// A span of an article (a speaker mention, a cue): `.start`, `.end`, `.text`.
#[pyclass(frozen, module = "presslens._core")]
struct Span {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: Py<PyString>,
}

#[pymethods]
impl Span {
    #[new]
    fn new(start: usize, end: usize, text: Py<PyString>) -> Self {
        Span { start, end, text }
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Span({}, {}, {})",
            self.start,
            self.end,
            repr_text(py, &self.text, 60)
        )
    }
    fn __str__(&self, py: Python<'_>) -> String {
        self.text.bind(py).to_string()
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Span>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.start == o.start && self.end == o.end && text_eq(py, &self.text, &o.text)?)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.text.bind(py))
            .into_pyobject(py)?
            .hash()
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        (slf.get_type(), (s.start, s.end, s.text.clone_ref(py))).into_pyobject(py)
    }
}

impl Span {
    fn same(&self, py: Python<'_>, o: &Span) -> PyResult<bool> {
        Ok(self.start == o.start && self.end == o.end && text_eq(py, &self.text, &o.text)?)
    }
}

fn opt_span_eq(py: Python<'_>, a: &Option<Py<Span>>, b: &Option<Py<Span>>) -> PyResult<bool> {
    match (a, b) {
        (None, None) => Ok(true),
        (Some(a), Some(b)) => a.get().same(py, b.get()),
        _ => Ok(false),
    }
}

/// A quotation: the words between the marks, its kind, and who said it.
#[pyclass(frozen, module = "presslens._core")]
struct Quote {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: Py<PyString>,
    /// "direct", "partial" or "scare".
    #[pyo3(get)]
    kind: &'static str,
    /// Canonical speaker name, or None (scare quotes, or nobody found).
    #[pyo3(get)]
    speaker: Option<String>,
    #[pyo3(get)]
    mention: Option<Py<Span>>,
    #[pyo3(get)]
    cue: Option<Py<Span>>,
    /// Index of the quote's sentence in `split_sentences(text)`.
    #[pyo3(get)]
    sentence: usize,
}

fn kind_from(s: &str) -> PyResult<&'static str> {
    match s {
        "direct" => Ok("direct"),
        "partial" => Ok("partial"),
        "scare" => Ok("scare"),
        other => Err(PyValueError::new_err(format!(
            "kind must be 'direct', 'partial' or 'scare', not {other:?}"
        ))),
    }
}

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (start, end, text, kind, speaker=None, mention=None, cue=None, sentence=0))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        text: Py<PyString>,
        kind: &str,
        speaker: Option<String>,
        mention: Option<Py<Span>>,
        cue: Option<Py<Span>>,
        sentence: usize,
    ) -> PyResult<Self> {
        Ok(Quote {
            start,
            end,
            text,
            kind: kind_from(kind)?,
            speaker,
            mention,
            cue,
            sentence,
        })
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let speaker = match &self.speaker {
            Some(s) => format!("{s:?}"),
            None => "None".into(),
        };
        format!(
            "Quote({}, {}, {}, kind={:?}, speaker={})",
            self.start,
            self.end,
            repr_text(py, &self.text, 50),
            self.kind,
            speaker
        )
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Quote>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.start == o.start
            && self.end == o.end
            && self.kind == o.kind
            && self.speaker == o.speaker
            && self.sentence == o.sentence
            && text_eq(py, &self.text, &o.text)?
            && opt_span_eq(py, &self.mention, &o.mention)?
            && opt_span_eq(py, &self.cue, &o.cue)?)
    }
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.kind, self.text.bind(py))
            .into_pyobject(py)?
            .hash()
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let args = (
            s.start,
            s.end,
            s.text.clone_ref(py),
            s.kind,
            s.speaker.clone(),
            s.mention.as_ref().map(|m| m.clone_ref(py)),
            s.cue.as_ref().map(|m| m.clone_ref(py)),
            s.sentence,
        );
        (slf.get_type(), args).into_pyobject(py)
    }
}

/// A canonical speaker of one article.
#[pyclass(frozen, module = "presslens._core")]
struct Speaker {
    #[pyo3(get)]
    name: String,
    /// Every mention (names, pronouns and role nouns resolved to this speaker).
    #[pyo3(get)]
    mentions: Py<PyList>,
    /// Descriptions the article gives ("a senior Pentagon official in the Biden administration").
    #[pyo3(get)]
    descriptions: Py<PyList>,
    /// The speaker's quotes, in text order.
    #[pyo3(get)]
    quotes: Py<PyList>,
}

#[pymethods]
impl Speaker {
    #[new]
    fn new(
        name: String,
        mentions: Py<PyList>,
        descriptions: Py<PyList>,
        quotes: Py<PyList>,
    ) -> Self {
        Speaker {
            name,
            mentions,
            descriptions,
            quotes,
        }
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Speaker({:?}, mentions={}, quotes={})",
            self.name,
            self.mentions.bind(py).len(),
            self.quotes.bind(py).len()
        )
    }
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<Speaker>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.name == o.name
            && self.mentions.bind(py).eq(o.mentions.bind(py))?
            && self.descriptions.bind(py).eq(o.descriptions.bind(py))?
            && self.quotes.bind(py).eq(o.quotes.bind(py))?)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let args = (
            s.name.clone(),
            s.mentions.clone_ref(py),
            s.descriptions.clone_ref(py),
            s.quotes.clone_ref(py),
        );
        (slf.get_type(), args).into_pyobject(py)
    }
}

// ---------------------------------------------------------------- sentences

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Take `obj` as a str (same errors as [`take_text`]); a str subclass is copied to an exact
/// str, so the sentences that keep it can never be part of a reference cycle.
fn exact_str<'py>(
    obj: &Bound<'py, PyAny>,
    func: &str,
    arg: &str,
) -> PyResult<Bound<'py, PyString>> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{func}() argument '{arg}' must be str, not {}",
            type_name(obj)
        )));
    };
    if s.is_exact_instance_of::<PyString>() {
        Ok(s.clone())
    } else {
        substring(s, 0, s.len()?)
    }
}

/// Take every item of an iterable of str as an exact str; the error names the item's position.
fn exact_strs<'py>(texts: &Bound<'py, PyAny>, func: &str) -> PyResult<Vec<Bound<'py, PyString>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{func}() argument 'texts' must be an iterable of str, not a single str"
        )));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{func}() argument 'texts' must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        out.push(exact_str(&item?, func, &format!("texts[{i}]"))?);
    }
    Ok(out)
}

/// The code points of a str, read under the GIL as cheaply as abi3 allows; [`Self::into_utf8`]
/// finishes the conversion without the GIL (and on any thread).
///
/// PyUnicode_AsUTF8String runs a char-by-char encoder on non-ASCII text (~0.3 GB/s); copying
/// the code points out with PyUnicode_AsUCS4 is a widening memcpy (~3 GB/s), and the UTF-8 is
/// then made in Rust, where it can run in parallel.
enum CodePoints {
    Utf8(String),
    Ucs4(Vec<u32>),
}

/// Longer strs are converted piecewise under the GIL, to keep the 4-byte buffer small.
const UCS4_PIECE: usize = 1 << 20;

impl CodePoints {
    fn read(s: &Bound<'_, PyString>) -> PyResult<Self> {
        let py = s.py();
        let n = s.len()?;
        if s.call_method0(pyo3::intern!(py, "isascii"))?.is_truthy()? {
            // ASCII: UTF-8 is a memcpy.
            let b = s.encode_utf8()?;
            return String::from_utf8(b.as_bytes().to_vec())
                .map(CodePoints::Utf8)
                .map_err(|e| PyValueError::new_err(format!("text is not valid Unicode: {e}")));
        }
        let mut buf = Vec::new();
        if n <= UCS4_PIECE {
            widen(s, n, &mut buf)?;
            return Ok(CodePoints::Ucs4(buf));
        }
        let mut out = String::with_capacity(n + n / 4);
        for a in (0..n).step_by(UCS4_PIECE) {
            let b = (a + UCS4_PIECE).min(n);
            widen(&substring(s, a, b)?, b - a, &mut buf)?;
            push_utf8(&mut out, &buf);
        }
        Ok(CodePoints::Utf8(out))
    }

    /// Size in code points (or UTF-8 bytes, when read as UTF-8): what the read-ahead counts.
    fn len(&self) -> usize {
        match self {
            CodePoints::Utf8(s) => s.len(),
            CodePoints::Ucs4(cps) => cps.len(),
        }
    }

    fn into_utf8(self) -> String {
        match self {
            CodePoints::Utf8(s) => s,
            CodePoints::Ucs4(cps) => {
                let mut s = String::with_capacity(cps.len() + cps.len() / 4);
                push_utf8(&mut s, &cps);
                s
            }
        }
    }
}

/// Copy the `n` code points of `s` into `buf`.
fn widen(s: &Bound<'_, PyString>, n: usize, buf: &mut Vec<u32>) -> PyResult<()> {
    buf.clear();
    if n == 0 {
        return Ok(());
    }
    buf.reserve_exact(n);
    // SAFETY: buf has room for n code points and s has exactly n; AsUCS4 writes at most
    // `buflen` of them (no NUL: copy_null = 0) or fails with an exception set.
    unsafe {
        let p = pyo3::ffi::PyUnicode_AsUCS4(s.as_ptr(), buf.as_mut_ptr(), n as isize, 0);
        if p.is_null() {
            return Err(PyErr::fetch(s.py()));
        }
        buf.set_len(n);
    }
    Ok(())
}

/// Code points to UTF-8; a lone surrogate (web scrapes have them) becomes one U+FFFD, so one
/// code point is still one char and offsets stay exact.
fn push_utf8(out: &mut String, cps: &[u32]) {
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.reserve(cps.len());
    let mut i = 0;
    while i < cps.len() {
        // The ASCII run from i (most of any English text): found 8 at a time, copied at once.
        let mut j = i;
        while let Some(block) = cps.get(j..j + 8) {
            if block.iter().fold(0, |acc, &c| acc | c) >= 0x80 {
                break;
            }
            j += 8;
        }
        while cps.get(j).is_some_and(|&c| c < 0x80) {
            j += 1;
        }
        bytes.extend(cps.get(i..j).unwrap_or_default().iter().map(|&c| c as u8));
        if let Some(&c) = cps.get(j) {
            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
            bytes.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
        }
        i = j + 1;
    }
    // SAFETY: only ASCII bytes and whole encoded chars were written.
    *out = unsafe { String::from_utf8_unchecked(bytes) };
}

/// The list of Sentence objects of one article from code-point spans (converted off the GIL by
/// [`crate::offsets::char_spans_sorted`], so sorted and within the article).
fn sentence_list<'py>(
    article: &Bound<'py, PyString>,
    spans: &[(usize, usize)],
) -> PyResult<Bound<'py, PyList>> {
    let py = article.py();
    // SAFETY: PyList_New returns a new list of NULLs (or NULL and an error); every slot is set
    // below, and a list dropped half-filled is fine (its items are XDECREF'd).
    let list = unsafe {
        Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyList_New(spans.len() as isize))?
            .cast_into_unchecked::<PyList>()
    };
    for (i, &(start, end)) in spans.iter().enumerate() {
        let s = Bound::new(
            py,
            Sentence::in_article(start, end, article.clone().unbind()),
        )?;
        // SAFETY: a Sentence holds only ints and an exact str, so it can never be part of a
        // reference cycle: untracking spares the cycle collector from scanning every sentence
        // again and again while a large result is being built. SetItem steals the reference.
        unsafe {
            pyo3::ffi::PyObject_GC_UnTrack(s.as_ptr().cast());
            if pyo3::ffi::PyList_SetItem(list.as_ptr(), i as isize, s.into_ptr()) != 0 {
                return Err(PyErr::fetch(py));
            }
        }
    }
    Ok(list)
}

/// Sentences of one text as code-point spans; runs without the GIL.
fn split_points(cps: CodePoints) -> Vec<(usize, usize)> {
    let s = cps.into_utf8();
    crate::offsets::char_spans_sorted(&s, &segment::split(&s))
}

fn panic_error(e: Box<dyn std::any::Any + Send>) -> PyErr {
    let msg = e
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string());
    PyRuntimeError::new_err(format!("presslens internal error (please report): {msg}"))
}

/// Split an article into sentences (news rules), in code-point offsets.
///
/// Every line break ends a sentence (headlines, captions, bylines stand alone); titles,
/// abbreviations, initials, numbers, URLs and e-mail addresses do not; closing quotes stay with
/// their sentence. Sentences are sorted, disjoint, stripped of whitespace, and together cover
/// every non-whitespace character: ``text[s.start:s.end] == s.text``. Raises TypeError for a
/// non-str; ``""`` gives ``[]``.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn split_sentences<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let article = exact_str(text, "split_sentences", "text")?;
    let cps = CodePoints::read(&article)?;
    let spans = run(py, move || split_points(cps))?;
    sentence_list(&article, &spans)
}

/// A split article: its position and its spans (or the panic that stopped it).
type Split = (usize, std::thread::Result<Vec<(usize, usize)>>);

/// Split many articles in parallel (rayon, GIL released): ``[split_sentences(t) for t in
/// texts]``. ``n_threads`` counts the calling thread, which makes the Python objects of split
/// articles while the others split (and splits too when it has nothing else to do); ``None``
/// uses all cores.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn split_sentences_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let n_threads = check_threads(n_threads)?;
    let articles = exact_strs(texts, "split_sentences_batch")?;
    let n = articles.len();
    // SAFETY: as in sentence_list; every slot is set once before the list is returned.
    let out = unsafe {
        Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyList_New(n as isize))?
            .cast_into_unchecked::<PyList>()
    };
    // Threads besides this one.
    let helpers = n_threads
        .unwrap_or_else(rayon::current_num_threads)
        .saturating_sub(1)
        .min(n.saturating_sub(1));
    // Read ahead at most this many articles and code points (4 bytes each while queued).
    let (ahead, ahead_chars) = (64 * (helpers + 1), 1usize << 21);
    let chars: Vec<std::cell::Cell<usize>> = vec![Default::default(); n];
    let pending_chars = std::cell::Cell::new(0usize);
    let put = |i: usize, spans: &[(usize, usize)]| -> PyResult<()> {
        let Some(a) = articles.get(i) else {
            return Err(PyRuntimeError::new_err(
                "presslens internal error: batch index",
            ));
        };
        let list = sentence_list(a, spans)?;
        let c = chars.get(i).map_or(0, |c| c.get());
        pending_chars.set(pending_chars.get().saturating_sub(c));
        // SAFETY: i < n; SetItem steals the reference.
        if unsafe { pyo3::ffi::PyList_SetItem(out.as_ptr(), i as isize, list.into_ptr()) } != 0 {
            return Err(PyErr::fetch(py));
        }
        Ok(())
    };
    if helpers == 0 {
        // One article at a time: its objects are made while its text is still in cache.
        for (i, a) in articles.iter().enumerate() {
            let cps = CodePoints::read(a)?;
            let spans = run(py, move || split_points(cps))?;
            put(i, &spans)?;
        }
        return Ok(out);
    }

    // This thread reads articles (GIL) into a queue well ahead, the helpers split them, and
    // this thread makes the objects of each split article while the helpers go on.
    let (job_tx, job_rx) = std::sync::mpsc::channel::<(usize, CodePoints)>();
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<Split>();
    let stop = AtomicBool::new(false);
    let (jobs, stop_ref) = (&job_rx, &stop);
    std::thread::scope(|scope| -> PyResult<()> {
        let helper = scope.spawn(move || {
            crate::with_threads(Some(helpers), || {
                (0..helpers)
                    .into_par_iter()
                    .for_each_with(done_tx, |done_tx, _| loop {
                        let job = jobs.lock().unwrap_or_else(|e| e.into_inner()).recv();
                        let Ok((i, cps)) = job else { break };
                        if stop_ref.load(Ordering::Relaxed) {
                            break;
                        }
                        let r = catch_unwind(AssertUnwindSafe(|| split_points(cps)));
                        if done_tx.send((i, r)).is_err() {
                            break;
                        }
                    })
            })
        });
        let mut job_tx = Some(job_tx);
        let mut done_rx = Some(done_rx);
        let mut read = 0;
        let mut done = 0;
        let mut step = |done: usize| -> PyResult<bool> {
            // 1. Objects for an article a helper has split.
            if let Some(Ok((i, r))) = done_rx.as_ref().map(|r| r.try_recv()) {
                return put(i, &r.map_err(panic_error)?).map(|_| true);
            }
            // 2. Keep the queue filled.
            if read < n
                && (read == done || (read - done < ahead && pending_chars.get() < ahead_chars))
            {
                if let (Some(a), Some(tx)) = (articles.get(read), job_tx.as_ref()) {
                    let cps = CodePoints::read(a)?;
                    if let Some(c) = chars.get(read) {
                        c.set(cps.len());
                        pending_chars.set(pending_chars.get() + cps.len());
                    }
                    let _ = tx.send((read, cps));
                }
                read += 1;
                if read == n {
                    // Helpers stop once the queue is empty.
                    job_tx = None;
                }
                return Ok(false);
            }
            // 3. Split a queued article here rather than wait.
            let mine = jobs.try_lock().ok().and_then(|rx| rx.try_recv().ok());
            if let Some((i, cps)) = mine {
                let spans = run(py, move || split_points(cps))?;
                return put(i, &spans).map(|_| true);
            }
            // 4. Wait (GIL released) for a helper; look again after a while in case the
            // helpers are busy with other work.
            let rx = done_rx.take();
            let (rx, got) = py.detach(move || {
                let got = rx
                    .as_ref()
                    .map(|r| r.recv_timeout(std::time::Duration::from_millis(2)));
                (rx, got)
            });
            done_rx = rx;
            match got {
                Some(Ok((i, r))) => put(i, &r.map_err(panic_error)?).map(|_| true),
                Some(Err(std::sync::mpsc::RecvTimeoutError::Timeout)) => Ok(false),
                _ => Err(PyRuntimeError::new_err(
                    "presslens internal error (please report): a batch thread stopped",
                )),
            }
        };
        let mut result = Ok(());
        while done < n {
            match step(done) {
                Ok(finished) => done += usize::from(finished),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        stop.store(true, Ordering::Relaxed);
        drop(job_tx);
        drop(done_rx);
        let _ = py.detach(move || helper.join());
        result
    })?;
    Ok(out)
}

fn register_sentences(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Sentence>()?;
    m.add_class::<Span>()?;
    m.add_function(wrap_pyfunction!(split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(split_sentences_batch, m)?)?;
    Ok(())
}

// ---------------------------------------------------------------- quotes

fn analyze_one(s: &str) -> (Vec<ByteSpan>, quotes::Analysis) {
    let sentences = segment::split(s);
    let analysis = quotes::analyze(s, &sentences);
    (sentences, analysis)
}

fn quotes_py<'py>(text: &Text<'py>, a: &quotes::Analysis) -> PyResult<Vec<Py<Quote>>> {
    let out = Out::new(text);
    let py = out.py;
    a.quotes
        .iter()
        .map(|q| {
            let (start, end, qt) = out.slice(q.span)?;
            let mention = q.mention.map(|m| out.span(m)).transpose()?;
            let cue = q.cue.map(|m| out.span(m)).transpose()?;
            Py::new(
                py,
                Quote {
                    start,
                    end,
                    text: qt,
                    kind: q.kind.as_str(),
                    speaker: q.speaker.clone(),
                    mention: mention.map(|m| Py::new(py, m)).transpose()?,
                    cue: cue.map(|m| Py::new(py, m)).transpose()?,
                    sentence: q.sentence,
                },
            )
        })
        .collect()
}

fn speakers_py<'py>(
    text: &Text<'py>,
    a: &quotes::Analysis,
    quotes: &[Py<Quote>],
) -> PyResult<Bound<'py, PyList>> {
    let out = Out::new(text);
    let py = out.py;
    let items = a
        .speakers
        .iter()
        .map(|sp| {
            let mentions = sp
                .mentions
                .iter()
                .map(|&m| out.span(m))
                .collect::<PyResult<Vec<_>>>()?;
            let qs: Vec<Py<Quote>> = sp
                .quotes
                .iter()
                .filter_map(|&i| quotes.get(i).map(|q| q.clone_ref(py)))
                .collect();
            Ok(Speaker {
                name: sp.name.clone(),
                mentions: PyList::new(py, mentions)?.unbind(),
                descriptions: PyList::new(py, &sp.descriptions)?.unbind(),
                quotes: PyList::new(py, qs)?.unbind(),
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Every quotation of an article, in text order, with kind, speaker, mention and cue.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn extract_quotes<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let t = take_text(text, "extract_quotes", "text")?;
    let s: &str = &t.s;
    let (_, a) = run(py, || analyze_one(s))?;
    PyList::new(py, quotes_py(&t, &a)?)
}

/// Quotes of many articles in parallel (rayon, GIL released).
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn extract_quotes_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let n_threads = check_threads(n_threads)?;
    let ts = take_texts(texts, "extract_quotes_batch")?;
    let strs: Vec<&str> = ts.iter().map(|t| t.s.as_ref()).collect();
    let all = run(py, || {
        crate::with_threads(n_threads, || {
            strs.par_iter()
                .map(|s| analyze_one(s).1)
                .collect::<Vec<_>>()
        })
    })?;
    let lists = ts
        .iter()
        .zip(&all)
        .map(|(t, a)| PyList::new(py, quotes_py(t, a)?))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, lists)
}

/// The canonical speakers of an article, with mentions, descriptions and quotes.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn speakers<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let t = take_text(text, "speakers", "text")?;
    let s: &str = &t.s;
    let (_, a) = run(py, || analyze_one(s))?;
    let qs = quotes_py(&t, &a)?;
    speakers_py(&t, &a, &qs)
}

fn register_quotes(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Quote>()?;
    m.add_class::<Speaker>()?;
    m.add_function(wrap_pyfunction!(extract_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(extract_quotes_batch, m)?)?;
    m.add_function(wrap_pyfunction!(speakers, m)?)?;
    Ok(())
}

// ---------------------------------------------------------------- sentiment

fn scores_dict<'py>(py: Python<'py>, s: &sentiment::Scores) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("neg", s.neg)?;
    d.set_item("neu", s.neu)?;
    d.set_item("pos", s.pos)?;
    d.set_item("compound", s.compound)?;
    Ok(d)
}

/// Texts longer than this are scored with the GIL released.
const SENTIMENT_DETACH_BYTES: usize = 4096;

fn score_one<'py>(
    py: Python<'py>,
    a: &sentiment::Analyzer,
    text: &Bound<'py, PyAny>,
    func: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let t = take_text(text, func, "text")?;
    let s: &str = &t.s;
    // Short texts: releasing the GIL costs more than scoring.
    let scores = if s.len() > SENTIMENT_DETACH_BYTES {
        run(py, || a.polarity_scores(s))?
    } else {
        a.polarity_scores(s)
    };
    scores_dict(py, &scores)
}

/// Like `take_texts`, but only the strings: the conversion runs under the GIL, so it is kept
/// lean (no per-item object handles or argument names unless an item is bad).
fn sentiment_texts(texts: &Bound<'_, PyAny>, func: &str) -> PyResult<Vec<String>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{func}() argument 'texts' must be an iterable of str, not a single str"
        )));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{func}() argument 'texts' must be an iterable of str, not {}",
            type_name(texts)
        ))
    })?;
    let mut out = Vec::with_capacity(texts.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        let item = item?;
        let fast = item
            .cast::<PyString>()
            .ok()
            .and_then(|s| s.to_cow().ok().map(|c| c.into_owned()));
        match fast {
            Some(s) => out.push(s),
            // Not a str, or lone surrogates: the shared path raises or repairs.
            None => out.push(take_text(&item, func, &format!("texts[{i}]"))?.s),
        }
    }
    Ok(out)
}

fn score_batch<'py>(
    py: Python<'py>,
    a: &sentiment::Analyzer,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<usize>,
    func: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(n_threads)?;
    let strs = sentiment_texts(texts, func)?;
    let all = run(py, || {
        crate::with_threads(n_threads, || {
            strs.par_iter()
                .with_min_len(64)
                .map(|s| a.polarity_scores(s))
                .collect::<Vec<_>>()
        })
    })?;
    let d = PyDict::new(py);
    d.set_item("neg", PyList::new(py, all.iter().map(|s| s.neg))?)?;
    d.set_item("neu", PyList::new(py, all.iter().map(|s| s.neu))?)?;
    d.set_item("pos", PyList::new(py, all.iter().map(|s| s.pos))?)?;
    d.set_item("compound", PyList::new(py, all.iter().map(|s| s.compound))?)?;
    Ok(d)
}

/// VADER scores of one text: a dict with `neg`, `neu`, `pos`, `compound`.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn polarity_scores<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    score_one(
        py,
        sentiment::Analyzer::default_ref(),
        text,
        "polarity_scores",
    )
}

/// VADER scores of many texts in parallel (rayon, GIL released): a dict of four equal-length
/// lists `neg`, `neu`, `pos`, `compound`, ready for `pandas.DataFrame(result)`.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn polarity_scores_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    score_batch(
        py,
        sentiment::Analyzer::default_ref(),
        texts,
        n_threads,
        "polarity_scores_batch",
    )
}

/// Each sentence of `split_sentences(text)` with its VADER scores: a list of dicts with
/// `start`, `end`, `text` (code-point offsets) and `neg`, `neu`, `pos`, `compound`.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn sentence_sentiment<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let t = take_text(text, "sentence_sentiment", "text")?;
    let s: &str = &t.s;
    let a = sentiment::Analyzer::default_ref();
    let scored = run(py, || {
        segment::split(s)
            .into_iter()
            .map(|sp| (sp, a.polarity_scores(sp.of(s))))
            .collect::<Vec<_>>()
    })?;
    let out = Out::new(&t);
    let items = scored
        .iter()
        .map(|(sp, sc)| {
            let (start, end, st) = out.slice(*sp)?;
            let d = PyDict::new(py);
            d.set_item("start", start)?;
            d.set_item("end", end)?;
            d.set_item("text", st)?;
            d.set_item("neg", sc.neg)?;
            d.set_item("neu", sc.neu)?;
            d.set_item("pos", sc.pos)?;
            d.set_item("compound", sc.compound)?;
            Ok(d)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

fn lexicon_error(e: sentiment::LexiconError) -> PyErr {
    PyValueError::new_err(e.message)
}

/// A lexicon argument that is a path: read it, or None if `obj` is not str/PathLike.
fn lexicon_path_text(obj: &Bound<'_, PyAny>) -> PyResult<Option<(String, String)>> {
    let py = obj.py();
    let is_path =
        obj.is_instance_of::<PyString>() || obj.hasattr(pyo3::intern!(py, "__fspath__"))?;
    if !is_path {
        return Ok(None);
    }
    let os = py.import("os")?;
    let path: String = os.call_method1("fspath", (obj,))?.extract()?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| PyValueError::new_err(format!("{path}: cannot read lexicon: {e}")))?;
    Ok(Some((path, text)))
}

/// `{token: valence}` from a mapping; every value checked before anything is applied.
fn lexicon_from_mapping(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<(String, f64)>> {
    let items = obj.call_method0("items").map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} must be a path or a mapping of str to float, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
        let Ok(key) = k.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "{what}: keys must be str, not {}",
                type_name(&k)
            )));
        };
        let key = key.to_cow()?.into_owned();
        let value: f64 = v.extract().map_err(|_| {
            PyValueError::new_err(format!(
                "{what}: valence of {key:?} must be a number, not {}",
                type_name(&v)
            ))
        })?;
        if !value.is_finite() {
            return Err(PyValueError::new_err(format!(
                "{what}: valence of {key:?} must be a finite number, not {value}"
            )));
        }
        out.push((key, value));
    }
    Ok(out)
}

fn emoji_from_mapping(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let items = obj.call_method0("items").map_err(|_| {
        PyTypeError::new_err(format!(
            "emoji_lexicon must be a path or a mapping of str to str, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let (k, v): (String, Bound<'_, PyAny>) = item?.extract()?;
        let desc: String = v.extract().map_err(|_| {
            PyValueError::new_err(format!(
                "emoji_lexicon: description of {k:?} must be str, not {}",
                type_name(&v)
            ))
        })?;
        if k.is_empty() {
            return Err(PyValueError::new_err("emoji_lexicon: empty emoji key"));
        }
        out.push((k, desc));
    }
    Ok(out)
}

/// Drop-in replacement for `vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer`: the same
/// four numbers, exactly, much faster. `lexicon` / `emoji_lexicon`: a path to a file in VADER's
/// tab-separated format or a mapping; None uses VADER's bundled lexicons.
#[pyclass(subclass, module = "presslens._core")]
struct SentimentIntensityAnalyzer {
    inner: std::sync::Arc<sentiment::Analyzer>,
}

#[pymethods]
impl SentimentIntensityAnalyzer {
    #[new]
    #[pyo3(signature = (lexicon=None, emoji_lexicon=None))]
    fn new(
        lexicon: Option<&Bound<'_, PyAny>>,
        emoji_lexicon: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let default = sentiment::Analyzer::default_arc();
        if lexicon.is_none() && emoji_lexicon.is_none() {
            return Ok(SentimentIntensityAnalyzer {
                inner: std::sync::Arc::clone(default),
            });
        }
        let lex = match lexicon {
            None => default.lexicon().to_vec(),
            Some(obj) => match lexicon_path_text(obj)? {
                Some((path, text)) => {
                    sentiment::Analyzer::parse_lexicon(&text, &path).map_err(lexicon_error)?
                }
                None => lexicon_from_mapping(obj, "lexicon")?,
            },
        };
        let emo = match emoji_lexicon {
            None => default.emoji_lexicon().to_vec(),
            Some(obj) => match lexicon_path_text(obj)? {
                Some((path, text)) => {
                    sentiment::Analyzer::parse_emoji_lexicon(&text, &path).map_err(lexicon_error)?
                }
                None => emoji_from_mapping(obj)?,
            },
        };
        Ok(SentimentIntensityAnalyzer {
            inner: std::sync::Arc::new(sentiment::Analyzer::from_entries(lex, emo)),
        })
    }

    /// VADER scores of one text: a dict with `neg`, `neu`, `pos`, `compound`.
    fn polarity_scores<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        score_one(py, &self.inner, text, "polarity_scores")
    }

    /// Scores of many texts in parallel: a dict of four equal-length lists.
    #[pyo3(signature = (texts, n_threads=None))]
    fn polarity_scores_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        score_batch(py, &self.inner, texts, n_threads, "polarity_scores_batch")
    }

    /// Add or override lexicon entries `{token: valence}`. Every entry is checked first:
    /// a bad one raises ValueError naming its key and nothing is applied.
    fn update_lexicon(&mut self, mapping: &Bound<'_, PyAny>) -> PyResult<()> {
        let entries = lexicon_from_mapping(mapping, "update_lexicon()")?;
        std::sync::Arc::make_mut(&mut self.inner).update_lexicon(&entries);
        Ok(())
    }

    /// Remove lexicon entries by token (missing tokens raise KeyError; nothing is removed then).
    fn remove_lexicon(&mut self, tokens: Vec<String>) -> PyResult<()> {
        let present: rustc_hash::FxHashSet<&str> = self
            .inner
            .lexicon()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        if let Some(missing) = tokens.iter().find(|t| !present.contains(t.as_str())) {
            return Err(pyo3::exceptions::PyKeyError::new_err(missing.clone()));
        }
        let drop: rustc_hash::FxHashSet<&str> = tokens.iter().map(|t| t.as_str()).collect();
        let lex = self
            .inner
            .lexicon()
            .iter()
            .filter(|(k, _)| !drop.contains(k.as_str()))
            .cloned()
            .collect();
        let emo = self.inner.emoji_lexicon().to_vec();
        self.inner = std::sync::Arc::new(sentiment::Analyzer::from_entries(lex, emo));
        Ok(())
    }

    /// The word lexicon as a new dict `{token: valence}` (edit it through `update_lexicon`).
    #[getter]
    fn lexicon<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.inner.lexicon() {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    /// The emoji lexicon as a new dict `{emoji: description}`.
    #[getter]
    fn emojis<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in self.inner.emoji_lexicon() {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "SentimentIntensityAnalyzer(<{} words, {} emoji>)",
            self.inner.lexicon().len(),
            self.inner.emoji_lexicon().len()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.borrow();
        let lex = this.lexicon(py)?;
        let emo = this.emojis(py)?;
        (slf.get_type(), (lex, emo)).into_pyobject(py)
    }
}

fn register_sentiment(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SentimentIntensityAnalyzer>()?;
    m.add_function(wrap_pyfunction!(polarity_scores, m)?)?;
    m.add_function(wrap_pyfunction!(polarity_scores_batch, m)?)?;
    m.add_function(wrap_pyfunction!(sentence_sentiment, m)?)?;
    Ok(())
}

// ---------------------------------------------------------------- compare

/// Optional per-quote speakers: an iterable of str or None (NaN counts as None), as long as
/// `texts`.
fn take_speakers(
    obj: Option<&Bound<'_, PyAny>>,
    n: usize,
    func: &str,
    arg: &str,
) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{func}() argument '{arg}' must be an iterable of str or None, not a single str"
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{func}() argument '{arg}' must be an iterable of str or None, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::with_capacity(n);
    for (i, item) in iter.enumerate() {
        let item = item?;
        if item.is_none() {
            out.push(None);
        } else if let Ok(f) = item.extract::<f64>() {
            if f.is_nan() && !item.is_instance_of::<PyString>() {
                out.push(None);
            } else {
                return Err(PyTypeError::new_err(format!(
                    "{func}() argument '{arg}[{i}]' must be str or None, not {}",
                    type_name(&item)
                )));
            }
        } else {
            out.push(Some(take_text(&item, func, &format!("{arg}[{i}]"))?.s));
        }
    }
    if out.len() != n {
        return Err(PyValueError::new_err(format!(
            "{func}(): '{arg}' has {} items but 'texts' has {n}",
            out.len()
        )));
    }
    Ok(Some(out))
}

/// Texts, per-quote speakers and thread count, checked.
type CompareInputs<'py> = (Vec<Text<'py>>, Option<Vec<Option<String>>>, Option<usize>);

fn compare_inputs<'py>(
    texts: &Bound<'py, PyAny>,
    speakers: Option<&Bound<'py, PyAny>>,
    n_threads: Option<usize>,
    func: &str,
) -> PyResult<CompareInputs<'py>> {
    let n_threads = check_threads(n_threads)?;
    let ts = take_texts(texts, func)?;
    let sp = take_speakers(speakers, ts.len(), func, "speakers")?;
    Ok((ts, sp, n_threads))
}

fn run_match(
    py: Python<'_>,
    ts: &[Text<'_>],
    sp: &Option<Vec<Option<String>>>,
    n_threads: Option<usize>,
) -> PyResult<crate::compare::QuoteClusters> {
    let strs: Vec<&str> = ts.iter().map(|t| t.s.as_str()).collect();
    let sps: Option<Vec<Option<&str>>> = sp
        .as_ref()
        .map(|v| v.iter().map(|s| s.as_deref()).collect());
    run(py, || {
        crate::with_threads(n_threads, || {
            crate::compare::match_quotes(&strs, sps.as_deref(), &crate::compare::Options::default())
        })
    })
}

/// Cluster quotes into remarks: one id per quote, equal ids = the same remark.
#[pyfunction]
#[pyo3(signature = (texts, speakers=None, n_threads=None))]
fn cluster_quotes<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    speakers: Option<&Bound<'py, PyAny>>,
    n_threads: Option<usize>,
) -> PyResult<Vec<usize>> {
    let (ts, sp, n_threads) = compare_inputs(texts, speakers, n_threads, "cluster_quotes")?;
    Ok(run_match(py, &ts, &sp, n_threads)?.ids)
}

/// Every membership of a quote in a remark, as columns: `cluster`, `quote` (input position),
/// `start`, `end` (code-point range of the quote text that carries the remark).
#[pyfunction]
#[pyo3(signature = (texts, speakers=None, n_threads=None))]
fn quote_clusters<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    speakers: Option<&Bound<'py, PyAny>>,
    n_threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let (ts, sp, n_threads) = compare_inputs(texts, speakers, n_threads, "quote_clusters")?;
    let r = run_match(py, &ts, &sp, n_threads)?;
    let n = r.members.len();
    let (mut cl, mut qu, mut st, mut en) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut idx: Option<(usize, CharIndex<'_>)> = None;
    for m in &r.members {
        let Some(t) = ts.get(m.quote) else { continue };
        if idx.as_ref().map(|x| x.0) != Some(m.quote) {
            idx = Some((m.quote, CharIndex::new(&t.s)));
        }
        let (a, b) = idx
            .as_ref()
            .map_or((0, 0), |(_, ci)| ci.span(ByteSpan::new(m.start, m.end)));
        cl.push(m.cluster);
        qu.push(m.quote);
        st.push(a);
        en.push(b);
    }
    let d = PyDict::new(py);
    d.set_item("cluster", cl)?;
    d.set_item("quote", qu)?;
    d.set_item("start", st)?;
    d.set_item("end", en)?;
    Ok(d)
}

/// One small integer per item of `docs` (any hashable: equal items, equal codes).
fn doc_codes(docs: &Bound<'_, PyAny>, n: usize) -> PyResult<Vec<usize>> {
    let py = docs.py();
    if docs.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "link_speakers() argument 'docs' must be an iterable of document keys, not a single str",
        ));
    }
    let iter = docs.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "link_speakers() argument 'docs' must be an iterable of document keys, not {}",
            type_name(docs)
        ))
    })?;
    let seen = PyDict::new(py);
    let mut out = Vec::with_capacity(n);
    for item in iter {
        let item = item?;
        let code = match seen.get_item(&item)? {
            Some(c) => c.extract::<usize>()?,
            None => {
                let c = seen.len();
                seen.set_item(&item, c)?;
                c
            }
        };
        out.push(code);
    }
    if out.len() != n {
        return Err(PyValueError::new_err(format!(
            "link_speakers(): 'docs' has {} items but 'names' has {n}",
            out.len()
        )));
    }
    Ok(out)
}

/// Link speaker names across articles: `(ids, names)`, one id per input and the fullest name
/// of each id; inputs with the same `docs` key are never merged.
#[pyfunction]
#[pyo3(signature = (names, variants=None, n_threads=None, docs=None))]
fn link_speakers<'py>(
    py: Python<'py>,
    names: &Bound<'py, PyAny>,
    variants: Option<&Bound<'py, PyAny>>,
    n_threads: Option<usize>,
    docs: Option<&Bound<'py, PyAny>>,
) -> PyResult<(Vec<usize>, Vec<String>)> {
    let n_threads = check_threads(n_threads)?;
    let labels: Vec<String> = take_texts(names, "link_speakers")
        .map_err(|e| {
            if e.is_instance_of::<PyTypeError>(py) {
                PyTypeError::new_err(e.value(py).to_string().replace("'texts'", "'names'"))
            } else {
                e
            }
        })?
        .into_iter()
        .map(|t| t.s)
        .collect();
    let vars: Option<Vec<Vec<String>>> = match variants.filter(|v| !v.is_none()) {
        None => None,
        Some(v) => {
            let mut out = Vec::new();
            for (i, item) in v
                .try_iter()
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "link_speakers() argument 'variants' must be an iterable of lists of str, not {}",
                        type_name(v)
                    ))
                })?
                .enumerate()
            {
                let item = item?;
                let forms = if item.is_none() {
                    Vec::new()
                } else {
                    take_texts(&item, "link_speakers")
                        .map_err(|_| {
                            PyTypeError::new_err(format!(
                                "link_speakers() argument 'variants[{i}]' must be a list of str, not {}",
                                type_name(&item)
                            ))
                        })?
                        .into_iter()
                        .map(|t| t.s)
                        .collect()
                };
                out.push(forms);
            }
            if out.len() != labels.len() {
                return Err(PyValueError::new_err(format!(
                    "link_speakers(): 'variants' has {} items but 'names' has {}",
                    out.len(),
                    labels.len()
                )));
            }
            Some(out)
        }
    };
    let codes = docs
        .filter(|d| !d.is_none())
        .map(|d| doc_codes(d, labels.len()))
        .transpose()?;
    let l = run(py, || {
        crate::with_threads(n_threads, || {
            let ls: Vec<&str> = labels.iter().map(String::as_str).collect();
            let vs: Option<Vec<Vec<&str>>> = vars.as_ref().map(|v| {
                v.iter()
                    .map(|f| f.iter().map(String::as_str).collect())
                    .collect()
            });
            crate::compare::link_speakers(&ls, vs.as_deref(), codes.as_deref())
        })
    })?;
    Ok((l.ids, l.names))
}

fn register_compare(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(cluster_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(quote_clusters, m)?)?;
    m.add_function(wrap_pyfunction!(link_speakers, m)?)?;
    Ok(())
}

// ---------------------------------------------------------------- tables (columnar analyze)

use crate::tables;

/// Column lists of one table, filled row by row and handed to Python as plain lists.
#[derive(Default)]
struct TableCols<'py> {
    doc: Vec<usize>,
    /// Row number within the document (sentence / quote index).
    idx: Vec<usize>,
    start: Vec<usize>,
    end: Vec<usize>,
    text: Vec<Py<PyString>>,
    kind: Vec<&'static str>,
    speaker: Vec<Option<String>>,
    mention: Vec<Option<Py<PyString>>>,
    mention_start: Vec<Option<usize>>,
    mention_end: Vec<Option<usize>>,
    cue: Vec<Option<Py<PyString>>>,
    sentence: Vec<usize>,
    n_quotes: Vec<usize>,
    n_mentions: Vec<usize>,
    descriptions: Vec<Vec<String>>,
    neg: Vec<f64>,
    neu: Vec<f64>,
    pos: Vec<f64>,
    compound: Vec<f64>,
    _py: std::marker::PhantomData<Python<'py>>,
}

impl<'py> TableCols<'py> {
    fn scores(&mut self, s: &sentiment::Scores) {
        self.neg.push(s.neg);
        self.neu.push(s.neu);
        self.pos.push(s.pos);
        self.compound.push(s.compound);
    }

    fn set<T: IntoPyObject<'py>>(d: &Bound<'py, PyDict>, name: &str, v: Vec<T>) -> PyResult<()> {
        d.set_item(name, PyList::new(d.py(), v)?)
    }

    fn scores_into(self, d: &Bound<'py, PyDict>) -> PyResult<()> {
        Self::set(d, "neg", self.neg)?;
        Self::set(d, "neu", self.neu)?;
        Self::set(d, "pos", self.pos)?;
        Self::set(d, "compound", self.compound)
    }
}

/// Analyse many articles in parallel and return the four tables as columns.
///
/// One dict per table (`documents`, `sentences`, `quotes`, `speakers`, `mentions`), each
/// mapping a column name to a list; `doc` is the position in `texts`. Offsets are code points.
#[pyfunction]
#[pyo3(signature = (texts, n_threads=None))]
fn analyze_columns<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    n_threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let n_threads = check_threads(n_threads)?;
    let ts = take_texts(texts, "analyze_columns")?;
    let strs: Vec<&str> = ts.iter().map(|t| t.s.as_ref()).collect();
    let docs = run(py, || {
        crate::with_threads(n_threads, || {
            strs.par_iter()
                .map(|s| tables::analyze_doc(s))
                .collect::<Vec<_>>()
        })
    })?;

    let mut dc = TableCols::default();
    let mut n_sentences = Vec::with_capacity(docs.len());
    let mut n_speakers = Vec::with_capacity(docs.len());
    let mut sc = TableCols::default();
    let mut qc = TableCols::default();
    let mut pc = TableCols::default();
    let mut mc = TableCols::default();
    for (i, (t, d)) in ts.iter().zip(&docs).enumerate() {
        let out = Out::new(t);
        n_sentences.push(d.sentences.len());
        dc.n_quotes.push(d.analysis.quotes.len());
        n_speakers.push(d.analysis.speakers.len());
        dc.scores(&d.mean);
        for (j, (&s, score)) in d.sentences.iter().zip(&d.sentence_scores).enumerate() {
            let (start, end, text) = out.slice(s)?;
            sc.doc.push(i);
            sc.idx.push(j);
            sc.start.push(start);
            sc.end.push(end);
            sc.text.push(text);
            sc.scores(score);
        }
        for (j, (q, score)) in d.analysis.quotes.iter().zip(&d.quote_scores).enumerate() {
            let (start, end, text) = out.slice(q.span)?;
            qc.doc.push(i);
            qc.idx.push(j);
            qc.start.push(start);
            qc.end.push(end);
            qc.text.push(text);
            qc.kind.push(q.kind.as_str());
            qc.speaker.push(q.speaker.clone());
            match q.mention {
                Some(m) => {
                    let (a, b, mt) = out.slice(m)?;
                    qc.mention.push(Some(mt));
                    qc.mention_start.push(Some(a));
                    qc.mention_end.push(Some(b));
                }
                None => {
                    qc.mention.push(None);
                    qc.mention_start.push(None);
                    qc.mention_end.push(None);
                }
            }
            qc.cue
                .push(q.cue.map(|c| out.slice(c).map(|x| x.2)).transpose()?);
            qc.sentence.push(q.sentence);
            qc.scores(score);
        }
        for (sp, &compound) in d.analysis.speakers.iter().zip(&d.speaker_compound) {
            pc.doc.push(i);
            pc.speaker.push(Some(sp.name.clone()));
            pc.n_quotes.push(sp.quotes.len());
            pc.n_mentions.push(sp.mentions.len());
            pc.descriptions.push(sp.descriptions.clone());
            pc.compound.push(compound);
        }
        for (sp, m) in tables::mention_rows(&d.analysis) {
            let Some(name) = d.analysis.speakers.get(sp).map(|x| x.name.clone()) else {
                continue;
            };
            let (start, end, text) = out.slice(m)?;
            mc.doc.push(i);
            mc.speaker.push(Some(name));
            mc.start.push(start);
            mc.end.push(end);
            mc.text.push(text);
        }
    }
    drop(docs);

    type C<'py> = TableCols<'py>;
    let documents = PyDict::new(py);
    C::set(&documents, "n_sentences", n_sentences)?;
    C::set(&documents, "n_quotes", std::mem::take(&mut dc.n_quotes))?;
    C::set(&documents, "n_speakers", n_speakers)?;
    dc.scores_into(&documents)?;

    let sentences = PyDict::new(py);
    C::set(&sentences, "doc", std::mem::take(&mut sc.doc))?;
    C::set(&sentences, "sentence", std::mem::take(&mut sc.idx))?;
    C::set(&sentences, "start", std::mem::take(&mut sc.start))?;
    C::set(&sentences, "end", std::mem::take(&mut sc.end))?;
    C::set(&sentences, "text", std::mem::take(&mut sc.text))?;
    sc.scores_into(&sentences)?;

    let quotes = PyDict::new(py);
    C::set(&quotes, "doc", std::mem::take(&mut qc.doc))?;
    C::set(&quotes, "quote", std::mem::take(&mut qc.idx))?;
    C::set(&quotes, "start", std::mem::take(&mut qc.start))?;
    C::set(&quotes, "end", std::mem::take(&mut qc.end))?;
    C::set(&quotes, "text", std::mem::take(&mut qc.text))?;
    C::set(&quotes, "kind", std::mem::take(&mut qc.kind))?;
    C::set(&quotes, "speaker", std::mem::take(&mut qc.speaker))?;
    C::set(&quotes, "mention", std::mem::take(&mut qc.mention))?;
    C::set(
        &quotes,
        "mention_start",
        std::mem::take(&mut qc.mention_start),
    )?;
    C::set(&quotes, "mention_end", std::mem::take(&mut qc.mention_end))?;
    C::set(&quotes, "cue", std::mem::take(&mut qc.cue))?;
    C::set(&quotes, "sentence", std::mem::take(&mut qc.sentence))?;
    qc.scores_into(&quotes)?;

    let speakers = PyDict::new(py);
    C::set(&speakers, "doc", std::mem::take(&mut pc.doc))?;
    C::set(&speakers, "speaker", std::mem::take(&mut pc.speaker))?;
    C::set(&speakers, "n_quotes", std::mem::take(&mut pc.n_quotes))?;
    C::set(&speakers, "n_mentions", std::mem::take(&mut pc.n_mentions))?;
    C::set(
        &speakers,
        "descriptions",
        std::mem::take(&mut pc.descriptions),
    )?;
    C::set(&speakers, "compound", std::mem::take(&mut pc.compound))?;

    let mentions = PyDict::new(py);
    C::set(&mentions, "doc", std::mem::take(&mut mc.doc))?;
    C::set(&mentions, "speaker", std::mem::take(&mut mc.speaker))?;
    C::set(&mentions, "start", std::mem::take(&mut mc.start))?;
    C::set(&mentions, "end", std::mem::take(&mut mc.end))?;
    C::set(&mentions, "text", std::mem::take(&mut mc.text))?;

    let all = PyDict::new(py);
    all.set_item("documents", documents)?;
    all.set_item("sentences", sentences)?;
    all.set_item("quotes", quotes)?;
    all.set_item("speakers", speakers)?;
    all.set_item("mentions", mentions)?;
    Ok(all)
}

fn register_tables(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_columns, m)?)?;
    Ok(())
}

// ---------------------------------------------------------------- module

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    register_sentences(m)?;
    register_quotes(m)?;
    register_sentiment(m)?;
    register_compare(m)?;
    register_tables(m)?;
    Ok(())
}
