//! Phrase sections of a lexicon file: each line one short pattern of words, for rules that need
//! a word together with its neighbours ("called for", "showed up", "helped found") rather than
//! a word alone.
//!
//! A line is a sequence of slots, one word each, separated by spaces. A slot is one or more
//! alternatives joined by `|`: a word ("up"), a prefix ending in `*` ("call*": "called",
//! "calls"), or `[name]`, any word of that section of the same file. The slot in parentheses is
//! the focus, the word a rule asks about ("help* (found)": "found" after a help- form); without
//! parentheses the first slot is. A line may not start with `[` (it would read as a header).

use super::{section, section_lines, WordSet};

/// One alternative of a slot.
/// (A section is boxed: a [`WordSet`] holds its 1 KB first-byte filter inline.)
#[derive(Debug)]
enum Alt {
    Word(&'static str),
    Prefix(&'static str),
    Section(Box<WordSet>),
}

/// Per byte: whether one of `starts` begins with it, so that a word whose first byte is false
/// starts with none of them (every byte is true when one is empty: it starts every word).
pub fn first_bytes<'a>(starts: impl IntoIterator<Item = &'a str>) -> [bool; 256] {
    let mut first = [false; 256];
    for x in starts {
        match x.as_bytes().first() {
            Some(&b) => first[usize::from(b)] = true,
            None => return [true; 256],
        }
    }
    first
}

/// Most plain words a slot compares one by one; more are gathered into one [`WordSet`]
/// ("most|more|less (promising|telling|demanding|…)": one lookup instead of a string compare
/// per word).
const MAX_LISTED_WORDS: usize = 3;

/// The slot's alternatives with its plain words gathered into one section when there are more
/// than [`MAX_LISTED_WORDS`] of them (the words a slot takes are the same).
fn gather_words(alts: Vec<Alt>) -> Vec<Alt> {
    let n_words = alts.iter().filter(|a| matches!(a, Alt::Word(_))).count();
    if n_words <= MAX_LISTED_WORDS {
        return alts;
    }
    let (words, mut rest): (Vec<Alt>, Vec<Alt>) =
        alts.into_iter().partition(|a| matches!(a, Alt::Word(_)));
    let set: WordSet = words
        .into_iter()
        .filter_map(|a| match a {
            Alt::Word(x) => Some(x),
            _ => None,
        })
        .collect();
    rest.insert(0, Alt::Section(Box::new(set)));
    rest
}

/// Any of its alternatives.
#[derive(Debug)]
pub struct Slot {
    alts: Vec<Alt>,
    /// Per byte: whether some word an alternative takes may start with it. A rule asks a
    /// phrase's focus slot of nearly every word it passes, and most words start otherwise.
    first: [bool; 256],
}

impl Slot {
    fn new(alts: Vec<Alt>) -> Slot {
        let alts = gather_words(alts);
        let starts = alts.iter().flat_map(|a| match a {
            Alt::Word(x) | Alt::Prefix(x) => vec![*x],
            Alt::Section(s) => s.iter().copied().collect(),
        });
        let first = first_bytes(starts);
        Slot { alts, first }
    }

    pub fn matches(&self, w: &str) -> bool {
        self.may_take(w) && self.any_alternative(w)
    }

    /// The first-byte filter of [`Slot::matches`]: false only when no alternative takes `w`.
    #[inline]
    fn may_take(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .map_or(true, |&b| self.first[usize::from(b)])
    }

    /// [`Slot::matches`] without the first-byte filter.
    pub(super) fn any_alternative(&self, w: &str) -> bool {
        self.alts.iter().any(|a| match a {
            Alt::Word(x) => *x == w,
            Alt::Prefix(p) => w.starts_with(p),
            Alt::Section(s) => s.contains(w),
        })
    }

    /// The prefixes among the alternatives ("call*" -> "call").
    pub fn prefixes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.alts.iter().filter_map(|a| match a {
            Alt::Prefix(p) => Some(*p),
            _ => None,
        })
    }
}

/// One line of a phrase section.
#[derive(Debug)]
pub struct Phrase {
    pub slots: Vec<Slot>,
    /// Index of the focus slot in `slots`.
    pub focus: usize,
}

impl Phrase {
    /// Does the phrase hold with its focus at the word `word_at(0)`? `word_at(i)` is the lower-
    /// case word `i` words after the focus (before it for negative `i`), `""` past an edge.
    ///
    /// Inlined up to the focus slot's first-byte filter, which turns away most words: the rules
    /// ask every phrase of a section of each candidate word.
    #[inline(always)]
    pub fn matches<'a>(&self, word_at: impl Fn(isize) -> &'a str) -> bool {
        let w = word_at(0);
        self.slots[self.focus].may_take(w) && self.matches_past_filter(w, word_at)
    }

    /// [`Phrase::matches`] once the focus word `w` passed its slot's first-byte filter.
    #[inline(never)]
    fn matches_past_filter<'a>(&self, w: &str, word_at: impl Fn(isize) -> &'a str) -> bool {
        // The focus first: for most words it fails there.
        self.slots[self.focus].any_alternative(w)
            && self.slots.iter().enumerate().all(|(j, s)| {
                j == self.focus || s.matches(word_at(j as isize - self.focus as isize))
            })
    }

    /// The focus slot.
    pub fn focus_slot(&self) -> &Slot {
        &self.slots[self.focus]
    }
}

/// The phrases of section `name` of `file` (the `[name]` slots read from the same file).
/// A malformed line (a slot with no alternative, two foci) is a data bug the lexicon tests catch:
/// such a line is left out here.
pub fn phrases(file: &'static str, name: &str) -> Vec<Phrase> {
    section_lines(file, name)
        .into_iter()
        .filter_map(|l| parse(file, l))
        .collect()
}

/// One line as a phrase; `None` when malformed.
pub fn parse(file: &'static str, line: &'static str) -> Option<Phrase> {
    let mut slots = Vec::new();
    let mut focus = None;
    for raw in line.split_whitespace() {
        let inner = raw.strip_prefix('(').and_then(|s| s.strip_suffix(')'));
        if inner.is_some() {
            if focus.is_some() {
                return None;
            }
            focus = Some(slots.len());
        }
        let mut alts = Vec::new();
        for a in inner.unwrap_or(raw).split('|') {
            let alt = if let Some(n) = a.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                let words: WordSet = section(file, n).into_iter().collect();
                if words.is_empty() {
                    return None;
                }
                Alt::Section(Box::new(words))
            } else if let Some(p) = a.strip_suffix('*') {
                Alt::Prefix(p)
            } else if a.is_empty() {
                return None;
            } else {
                Alt::Word(a)
            };
            alts.push(alt);
        }
        slots.push(Slot::new(alts));
    }
    if slots.is_empty() {
        return None;
    }
    Some(Phrase {
        slots,
        focus: focus.unwrap_or(0),
    })
}
