//! Reported speech's word lists, all loaded by the one lexicon loader
//! ([`crate::lexicon::reported`]: the cue classes of `data/lexicon/cue_verbs.txt` and the
//! closed-class words of `data/lexicon/attribution_*.txt`).

pub use crate::lexicon::reported::*;
