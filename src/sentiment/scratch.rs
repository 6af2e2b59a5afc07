//! The per-thread scoring buffers ([`Scratch`]) and the writer the token scans append their
//! records with ([`TokenWriter`]). Split from `sentiment.rs` (its size).

use super::table::{self, Info, Tok};

/// Per-thread buffers of one scoring, reused from text to text.
#[derive(Default)]
pub(super) struct Scratch {
    /// The text's token records are the first `n_toks` (the rest is room kept from earlier
    /// texts, so no text pays to clear it).
    pub(super) toks: Vec<Tok>,
    pub(super) n_toks: usize,
    /// Position and valence of each token that is a lexicon word (only they can score): the
    /// first `n_lex` (the rest is room, as in `toks`).
    pub(super) lex: Vec<(usize, f64)>,
    pub(super) n_lex: usize,
    /// The OR and the AND of the tokens' flags: whether any token, or every one, is upper
    /// case or a "but" (kept by two bit operations per token, where counting upper-case
    /// tokens and noting the first "but" cost more on every token of every text).
    pub(super) flags_any: u8,
    pub(super) flags_all: u8,
    /// (position, sentiment) of each lexicon word, in token order.
    pub(super) vals: Vec<(usize, f64)>,
    /// The text followed by padding, for the word-at-a-time token scan (see `Scratch::pad`).
    pub(super) padded: Vec<u8>,
    /// The raw bytes (start, end in the text) of each token, where a scan was asked to note
    /// them (see [`super::kept`]); sized like `toks`.
    pub(super) bounds: Vec<(usize, usize)>,
    /// Where the text being scanned starts in its article: `bounds` are noted from there.
    pub(super) origin: usize,
}

/// What a token scan counted (see [`TokenWriter::finish`]).
pub(super) struct Counts {
    pub(super) toks: usize,
    pub(super) lex: usize,
    pub(super) flags_any: u8,
    pub(super) flags_all: u8,
}

impl Scratch {
    pub(super) fn clear(&mut self) {
        self.n_toks = 0;
        self.n_lex = 0;
        self.flags_any = 0;
        self.flags_all = u8::MAX;
    }

    /// The position of the first "but" among the text's tokens (looked for only in texts
    /// that have one).
    pub(super) fn first_but(&self) -> Option<usize> {
        if self.flags_any & table::BUT == 0 {
            return None;
        }
        let toks = self.toks.get(..self.n_toks).unwrap_or_default();
        toks.iter().position(|t| t.flags & table::BUT != 0)
    }

    /// The lexicon words of the text: (token position, valence).
    #[cfg(test)]
    pub(super) fn lex(&self) -> &[(usize, f64)] {
        self.lex.get(..self.n_lex).unwrap_or_default()
    }

    /// Make room for the token records of a text of `len` bytes. Tokens are separated by
    /// white space: at most one per two bytes. Every token writes a `lex` entry (kept only
    /// for lexicon words), so `lex` has room for all of them.
    #[inline(always)]
    pub(super) fn make_room(&mut self, len: usize) {
        self.room_for(len / 2 + 1);
    }

    /// Room for `toks` token records (and as many `lex` entries).
    #[inline(always)]
    pub(super) fn room_for(&mut self, toks: usize) {
        if self.toks.len() < toks || self.lex.len() < toks || self.bounds.len() < toks {
            self.toks.resize(toks.max(self.toks.len()), Tok::NONE);
            self.lex.resize(toks.max(self.lex.len()), (0, 0.0));
            self.bounds.resize(toks.max(self.bounds.len()), (0, 0));
        }
    }

    /// Whether the last scan's records all fit (else it must run again after
    /// [`Scratch::room_for`] the count it found).
    #[inline(always)]
    pub(super) fn fits(&self, counts: &Counts) -> bool {
        counts.toks <= self.toks.len()
            && counts.toks <= self.lex.len()
            && counts.toks <= self.bounds.len()
    }

    /// Keep what a token scan counted. (The scans write into `toks` and `lex` through a
    /// [`TokenWriter`] of their own, borrowed field by field: the counters then live in
    /// registers, and the buffers are not moved out of `self` and back for every text.)
    #[inline(always)]
    pub(super) fn set_counts(&mut self, counts: Counts) {
        self.n_toks = counts.toks;
        self.n_lex = counts.lex;
        self.flags_any = counts.flags_any;
        self.flags_all = counts.flags_all;
    }
}

/// Appends token records to a [`Scratch`].
///
/// It writes into slices, not the vectors: a record is a byte store, which may alias any
/// memory as far as the compiler knows, so through a `&mut Vec` the vector's pointer and
/// length were read again after every token.
pub(super) struct TokenWriter<'a> {
    /// Records are written over these (sized beforehand), `k` of them so far. A token past
    /// the end (not expected: [`Scratch::make_room`]) is counted but not written, and the
    /// caller scans again with room for the count (see [`Scratch::fits`]).
    pub(super) out: &'a mut [Tok],
    pub(super) k: usize,
    /// Each token's (position, valence) is written at `lex[n_lex]`, and `n_lex` moves on
    /// only for a lexicon word: no branch on whether a token is one (the scan cannot
    /// predict it). Sized like `out`.
    pub(super) lex: &'a mut [(usize, f64)],
    pub(super) n_lex: usize,
    /// The OR and the AND of the flags of the tokens so far.
    pub(super) flags_any: u8,
    pub(super) flags_all: u8,
}

impl<'a> TokenWriter<'a> {
    #[inline(always)]
    pub(super) fn new(out: &'a mut [Tok], lex: &'a mut [(usize, f64)]) -> Self {
        TokenWriter {
            out,
            k: 0,
            lex,
            n_lex: 0,
            flags_any: 0,
            flags_all: u8::MAX,
        }
    }

    /// How many tokens and lexicon words, and the OR and AND of their flags.
    #[inline(always)]
    pub(super) fn finish(self) -> Counts {
        Counts {
            toks: self.k,
            lex: self.n_lex,
            flags_any: self.flags_any,
            flags_all: self.flags_all,
        }
    }

    /// Append a token (its word's record with the token bits set), noting what the rules will
    /// ask of the whole text.
    #[inline(always)]
    pub(super) fn push(&mut self, info: Info) {
        let k = self.k;
        if let Some(slot) = self.lex.get_mut(self.n_lex) {
            *slot = (k, info.valence);
        }
        self.n_lex += usize::from(info.flags & table::IN_LEX != 0);
        self.flags_any |= info.flags;
        self.flags_all &= info.flags;
        if let Some(slot) = self.out.get_mut(k) {
            *slot = Tok {
                flags: info.flags,
                id: info.id,
            };
        }
        self.k = k + 1;
    }

    /// Append whole tokens (kept ones, see [`super::kept`]), as [`TokenWriter::push`] each. With room
    /// for them all, the records and flags are copied in one pass and the lexicon words
    /// looked for in a second: some 6 instructions a token fewer than a checked push each.
    #[inline(always)]
    pub(super) fn push_all(&mut self, infos: &[Info]) {
        let k0 = self.k;
        let Some(out) = self.out.get_mut(k0..k0 + infos.len()) else {
            for &info in infos {
                self.push(info);
            }
            return;
        };
        let (mut any, mut all) = (self.flags_any, self.flags_all);
        for (slot, info) in out.iter_mut().zip(infos) {
            *slot = Tok {
                flags: info.flags,
                id: info.id,
            };
            any |= info.flags;
            all &= info.flags;
        }
        (self.flags_any, self.flags_all) = (any, all);
        for (j, info) in infos.iter().enumerate() {
            if info.flags & table::IN_LEX != 0 {
                if let Some(slot) = self.lex.get_mut(self.n_lex) {
                    *slot = (k0 + j, info.valence);
                }
                self.n_lex += 1;
            }
        }
        self.k = k0 + infos.len();
    }
}
