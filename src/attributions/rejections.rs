//! Why a clause rule turned a cue down: a record for error analysis, off unless [`recording`]
//! runs the extraction. A cue word that [`super::cues::cue_at`] accepts can still give no
//! attribution (no source found, no content after it, …); counting those reasons against the
//! gold's missed attributions shows which rule to look at. Off, a rejection costs one store to
//! a thread-local cell.

use std::cell::{Cell, RefCell};

use super::clauses::Raw;
use super::cues::Cue;
use super::tokens::Tok;
use crate::Span;

/// Why [`super::clauses`] gave a cue no attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rejection {
    /// A stance noun with no possessive or article to hold it ("criticism of" alone).
    NoHolder,
    /// Neither the words before the cue nor the sentence's subject make a source.
    NoSource,
    /// The content would start past the sentence's end (a sentence-final cue).
    NoContent,
    /// The content is empty or shorter than the cue's kind needs.
    TooShort,
    /// Only an adjunct follows the cue ("said on Monday."): the content is before it.
    AdjunctOnly,
    /// A fixed form ("according to", "seems", a passive judgement) did not fit.
    Form,
}

impl Rejection {
    pub fn as_str(self) -> &'static str {
        match self {
            Rejection::NoHolder => "no_holder",
            Rejection::NoSource => "no_source",
            Rejection::NoContent => "no_content",
            Rejection::TooShort => "too_short",
            Rejection::AdjunctOnly => "adjunct_only",
            Rejection::Form => "form",
        }
    }
}

thread_local! {
    /// The reason of the last rejection in this thread, read by [`note`].
    static LAST: Cell<Option<Rejection>> = const { Cell::new(None) };
    /// The rejections of the extraction [`recording`] runs, None when none does.
    static LOG: RefCell<Option<Vec<(Span, Rejection)>>> = const { RefCell::new(None) };
}

/// `None`, remembering why: `rule(…).or_else(|| reject(Rejection::NoSource))?`.
pub(super) fn reject<T>(why: Rejection) -> Option<T> {
    LAST.with(|c| c.set(Some(why)));
    None
}

/// The clause rules gave `cue` no attribution (`got` is None): log the last reason when a
/// [`recording`] runs. Passes `got` through.
pub(super) fn note(toks: &[Tok], cue: &Cue, got: Option<(Raw, usize)>) -> Option<(Raw, usize)> {
    if got.is_none() {
        let why = LAST.with(|c| c.take()).unwrap_or(Rejection::Form);
        LOG.with(|l| {
            if let Some(v) = l.borrow_mut().as_mut() {
                let span = Span::new(toks[cue.t0].start, toks[cue.t1 - 1].end);
                v.push((span, why));
            }
        });
    }
    got
}

/// Run `f` (an extraction on this thread) and return what it returns with every cue the clause
/// rules turned down on the way: the cue's byte span and why, in the order met (a cue may be
/// met again when nested contents are searched).
pub fn recording<R>(f: impl FnOnce() -> R) -> (R, Vec<(Span, Rejection)>) {
    let before = LOG.with(|l| l.borrow_mut().replace(Vec::new()));
    let out = f();
    let log = LOG.with(|l| std::mem::replace(&mut *l.borrow_mut(), before));
    (out, log.unwrap_or_default())
}
