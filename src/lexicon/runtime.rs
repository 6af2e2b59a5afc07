//! Cue verbs and titles added at run time, on top of the built-in word lists.
//!
//! The additions live in one process-wide value behind a lock, replaced whole on every change
//! (copy-on-write, as the sentiment analyzer's `update_lexicon`): a writer builds a new
//! [`Additions`] and swaps the `Arc`, so a reader never sees half an update. Each engine call
//! reads that value once, in [`in_call`], and keeps it for the whole call on its thread; rule
//! code asks the call's copy through [`Extensible::contains`], never the lock, so a word added
//! while a call runs shows from the next call on, and a lookup costs no lock.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, RwLock};

use once_cell::sync::Lazy;
use rustc_hash::FxHashSet;

use super::WordSet;

/// Where an added cue verb cues speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueUse {
    /// Direct quotes only: `"…," Smith harrumphed.`
    Quotes,
    /// Reported speech only: "Smith harrumphed that the plan failed."
    Reported,
    /// Both (the class of "said").
    Both,
}

impl CueUse {
    /// `"quotes"`, `"reported"` or `"both"`.
    pub fn parse(name: &str) -> Result<CueUse, AdditionError> {
        match name {
            "quotes" => Ok(CueUse::Quotes),
            "reported" => Ok(CueUse::Reported),
            "both" => Ok(CueUse::Both),
            _ => Err(AdditionError(format!(
                "usage must be 'both', 'quotes' or 'reported', not {name:?}"
            ))),
        }
    }
}

/// A word that cannot be added, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdditionError(pub String);

impl std::fmt::Display for AdditionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for AdditionError {}

/// The longest word accepted (the longest English words in news are well under it).
pub const MAX_WORD_CHARS: usize = 40;
/// The most words the additions may hold in all: a guard against a runaway loop, far above
/// any real vocabulary of cue verbs and titles.
pub const MAX_ADDITIONS: usize = 10_000;

/// The words added at run time: lower case; titles without a final period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Additions {
    pub quote_cues: FxHashSet<String>,
    pub reported_cues: FxHashSet<String>,
    pub titles: FxHashSet<String>,
}

impl Additions {
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn len(&self) -> usize {
        self.quote_cues.len() + self.reported_cues.len() + self.titles.len()
    }

    fn has(&self, kind: Added, w: &str) -> bool {
        match kind {
            Added::QuoteCue => self.quote_cues.contains(w),
            Added::ReportedCue => self.reported_cues.contains(w),
            // "Brig." as the quote tokenizer keeps it, "brig" as names are compared.
            Added::Title => self.titles.contains(w.strip_suffix('.').unwrap_or(w)),
        }
    }
}

static CURRENT: Lazy<RwLock<Arc<Additions>>> = Lazy::new(Default::default);

/// The additions as they are now (one lock read and an `Arc` clone).
pub fn snapshot() -> Arc<Additions> {
    let guard = CURRENT
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    Arc::clone(&guard)
}

/// Replace the additions by `change` applied to a copy of them; nothing changes on an error.
fn update(
    change: impl FnOnce(&mut Additions) -> Result<(), AdditionError>,
) -> Result<(), AdditionError> {
    let mut guard = CURRENT
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut next = Additions::clone(&guard);
    change(&mut next)?;
    if next.len() > MAX_ADDITIONS {
        return Err(AdditionError(format!(
            "the lexicon additions would hold {} words, more than the limit of {MAX_ADDITIONS}",
            next.len()
        )));
    }
    *guard = Arc::new(next);
    Ok(())
}

/// Add cue verbs for `usage`. With `inflect`, each word is a base form ("harrumph") and its
/// regular forms are added too (harrumphs, harrumphed, harrumphing); without it, each word is
/// taken as one form as written ("spoke"). Returns the forms added, lower case, in order.
pub fn add_cue_verbs(
    words: &[&str],
    usage: CueUse,
    inflect: bool,
) -> Result<Vec<String>, AdditionError> {
    let mut forms = Vec::new();
    for w in words {
        let w = checked_word(w, "cue verb", false)?;
        if inflect {
            forms.extend(regular_forms(&w));
        } else {
            forms.push(w);
        }
    }
    dedup_in_order(&mut forms);
    update(|a| {
        for f in &forms {
            if usage != CueUse::Reported {
                a.quote_cues.insert(f.clone());
            }
            if usage != CueUse::Quotes {
                a.reported_cues.insert(f.clone());
            }
        }
        Ok(())
    })?;
    Ok(forms)
}

/// Add titles that go before a person's name ("Archdeacon", "Cmdr."): stripped from speaker
/// names and across articles. Returns them as stored: lower case, without a final period.
pub fn add_titles(words: &[&str]) -> Result<Vec<String>, AdditionError> {
    let mut titles = Vec::new();
    for w in words {
        let w = checked_word(w, "title", true)?;
        titles.push(w.strip_suffix('.').unwrap_or(&w).to_string());
    }
    dedup_in_order(&mut titles);
    update(|a| {
        a.titles.extend(titles.iter().cloned());
        Ok(())
    })?;
    Ok(titles)
}

/// Remove every run-time addition.
pub fn reset() {
    let mut guard = CURRENT
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *guard = Arc::default();
}

fn dedup_in_order(words: &mut Vec<String>) {
    let mut seen = FxHashSet::default();
    words.retain(|w| seen.insert(w.clone()));
}

/// `w` lower-cased if it is one word: letters, inner hyphens and apostrophes, a final period
/// when `period_ok`; otherwise an error that says what is wrong.
fn checked_word(w: &str, what: &str, period_ok: bool) -> Result<String, AdditionError> {
    let bad = |why: &str| Err(AdditionError(format!("{what} {w:?} {why}")));
    if w.trim().is_empty() {
        return bad("is empty or only white space");
    }
    if w.chars().count() > MAX_WORD_CHARS {
        return Err(AdditionError(format!(
            "{what} of {} characters is longer than {MAX_WORD_CHARS}",
            w.chars().count()
        )));
    }
    if w.chars().any(char::is_whitespace) {
        return bad("must be one word without white space");
    }
    let body = if period_ok {
        w.strip_suffix('.').unwrap_or(w)
    } else {
        w
    };
    let inner = |c: char| c.is_alphabetic() || matches!(c, '-' | '\'' | '’');
    let starts_and_ends_with_letter = body.chars().next().is_some_and(char::is_alphabetic)
        && body.chars().last().is_some_and(char::is_alphabetic);
    if !body.chars().all(inner) || !starts_and_ends_with_letter {
        return bad(if period_ok {
            "must be letters (inner - or ' allowed, one final period)"
        } else {
            "must be letters (inner - or ' allowed)"
        });
    }
    Ok(w.to_lowercase())
}

/// The base form and its regular inflections: 3rd person -s, past -ed, -ing. No consonant
/// doubling (it depends on stress: "admitted" but "visited"): irregular and doubled forms are
/// added as forms.
pub fn regular_forms(base: &str) -> Vec<String> {
    let vowel = |c: char| "aeiou".contains(c);
    let stem_y = base
        .strip_suffix('y')
        .filter(|s| s.chars().last().is_some_and(|c| !vowel(c)));
    let third = if let Some(s) = stem_y {
        format!("{s}ies")
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    let past = if let Some(s) = stem_y {
        format!("{s}ied")
    } else if base.ends_with('e') {
        format!("{base}d")
    } else {
        format!("{base}ed")
    };
    let ing = if let Some(s) = base.strip_suffix("ie") {
        format!("{s}ying")
    } else if base.ends_with('e') && !["ee", "ye", "oe"].iter().any(|e| base.ends_with(e)) {
        format!("{}ing", &base[..base.len() - 1])
    } else {
        format!("{base}ing")
    };
    vec![base.to_string(), third, past, ing]
}

// ---------------------------------------------------------------- the call's additions

thread_local! {
    /// The additions of the engine call running on this thread (None: no call).
    static CALL: RefCell<Option<Arc<Additions>>> = const { RefCell::new(None) };
    /// The running call has additions: the one check a lookup makes when there are none (the
    /// usual case), so the built-in lists cost what they did before run-time additions.
    static CALL_ADDS: Cell<bool> = const { Cell::new(false) };
}

/// Run one engine call (`segment::split`, `quotes::analyze`, `attributions::extract`, …) with
/// the additions read once at its start. A call inside a call keeps the outer call's additions,
/// so one public call sees one lexicon throughout.
pub fn in_call<R>(f: impl FnOnce() -> R) -> R {
    if CALL.with(|c| c.borrow().is_some()) {
        return f();
    }
    struct EndCall;
    impl Drop for EndCall {
        fn drop(&mut self) {
            CALL_ADDS.with(|adds| adds.set(false));
            CALL.with(|c| *c.borrow_mut() = None);
        }
    }
    let current = snapshot();
    CALL_ADDS.with(|adds| adds.set(!current.is_empty()));
    CALL.with(|c| *c.borrow_mut() = Some(current));
    let _end = EndCall;
    f()
}

/// The running call has run-time additions (usually not): a caller that asks several
/// extensible lists about each word checks this once instead of once per list.
pub fn call_has_additions() -> bool {
    CALL_ADDS.with(Cell::get)
}

/// Which additions a word set takes.
#[derive(Clone, Copy, Debug)]
pub enum Added {
    QuoteCue,
    ReportedCue,
    Title,
}

/// A built-in word set that also holds the run-time additions of its kind.
pub struct Extensible {
    builtin: Lazy<WordSet>,
    added: Added,
}

impl Extensible {
    pub const fn new(builtin: Lazy<WordSet>, added: Added) -> Self {
        Extensible { builtin, added }
    }

    /// `w` is a built-in word or one added before the running call started.
    pub fn contains(&self, w: &str) -> bool {
        self.builtin.contains(w) || self.added(w)
    }

    /// `w` was added at run time (and is in the running call's additions).
    pub fn added(&self, w: &str) -> bool {
        CALL_ADDS.with(Cell::get)
            && CALL.with(|c| c.borrow().as_ref().is_some_and(|a| a.has(self.added, w)))
    }

    /// The built-in words only.
    pub fn builtin(&self) -> &WordSet {
        &self.builtin
    }
}
