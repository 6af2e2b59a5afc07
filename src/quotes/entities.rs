//! Person mentions and canonical speakers: names with titles, pronouns, role nouns ("the
//! Russian leader") and unnamed sources ("a senior official"), clustered per article.

use rustc_hash::FxHashMap;

use super::lexicon::*;
use super::tokens::{lower, strip_poss, Kind, Tok};
use crate::Span;

mod appositions;
mod cluster;
mod extract;
mod resolve;
mod words;

use self::appositions::appositions;
pub use self::appositions::desc_end;
use self::cluster::cluster;
pub use self::extract::extract;
use self::resolve::resolve;
use self::words::{
    bare_group, ends_ed, ends_ly, is_initial, is_particle, joined, name_word, next_plural_heads,
    party_tag, strip_end, subject_after, word,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MKind {
    /// A name; `name_t0` is its first token after any titles.
    Name {
        name_t0: usize,
    },
    Pron {
        female: bool,
    },
    /// "they": resolved only to a group mentioned just before.
    They,
    /// A description; `head` is the token of its head noun.
    Desc {
        definite: bool,
        head: usize,
    },
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    pub kind: MKind,
    /// Looks like the subject of a clause (nominative pronoun, or followed by a verb).
    pub subject: bool,
    pub in_quote: bool,
    pub ent: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Unknown,
    Male,
    Female,
}

#[derive(Clone, Debug)]
pub struct Entity {
    /// Name forms without titles, with counts (inline strings: most names are short).
    forms: cluster::Forms,
    pub person: bool,
    pub gender: Gender,
    countries: Vec<String>,
    titles: Vec<String>,
    descriptions: Vec<Span>,
    /// Unnamed source or unresolved description: `name` is the description itself.
    pub unnamed: bool,
    /// Inline when short (most names): no allocation per entity.
    name: compact_str::CompactString,
    count: usize,
}

impl Entity {
    fn new(person: bool) -> Self {
        Entity {
            forms: cluster::Forms::default(),
            person,
            gender: Gender::Unknown,
            countries: Vec::new(),
            titles: Vec::new(),
            descriptions: Vec::new(),
            unnamed: false,
            name: compact_str::CompactString::default(),
            count: 0,
        }
    }
}

pub struct Entities {
    pub mentions: Vec<Mention>,
    pub ents: Vec<Entity>,
    /// Mention starting at token i (index into `mentions`).
    start_at: Vec<u32>,
    /// Mention whose last token is token i.
    end_at: Vec<u32>,
    /// Unnamed sources by description.
    unnamed_idx: FxHashMap<String, usize>,
}

const NONE: u32 = u32::MAX;

impl Entities {
    pub fn starting_at(&self, t: usize) -> Option<usize> {
        self.start_at
            .get(t)
            .filter(|&&m| m != NONE)
            .map(|&m| m as usize)
    }
    pub fn ending_at(&self, t: usize) -> Option<usize> {
        self.end_at
            .get(t)
            .filter(|&&m| m != NONE)
            .map(|&m| m as usize)
    }
    pub fn name(&self, e: usize) -> &str {
        self.ents.get(e).map_or("", |x| x.name.as_str())
    }
    /// Every mention of each entity of `wanted` (pronouns inside quotes left out: "he" in a
    /// quote is rarely the quoted speaker's referent we resolved). Only the entities asked
    /// for: an article names many more people and places than it quotes.
    pub fn mentions_by_entity(
        &self,
        wanted: impl IntoIterator<Item = usize>,
    ) -> FxHashMap<usize, Vec<Span>> {
        let mut asked = vec![false; self.ents.len()];
        for e in wanted {
            if let Some(a) = asked.get_mut(e) {
                *a = true;
            }
        }
        let mut out: FxHashMap<usize, Vec<Span>> = FxHashMap::default();
        for m in &self.mentions {
            if let Some(e) = m.ent.filter(|&e| asked.get(e) == Some(&true)) {
                if !(m.in_quote && matches!(m.kind, MKind::Pron { .. })) {
                    out.entry(e).or_default().push(m.span);
                }
            }
        }
        out
    }
    pub fn descriptions_of(&self, text: &str, e: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(ent) = self.ents.get(e) {
            for d in &ent.descriptions {
                let s = d.of(text).to_string();
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        out
    }
    /// A description found by its place next to a cue ("“…,” the moderator said"), tokens
    /// `t0..t1`, added as a mention; None when a mention already starts or ends there.
    pub fn add_desc(&mut self, toks: &[Tok], t0: usize, t1: usize) -> Option<usize> {
        if t1 <= t0 || t1 > toks.len() {
            return None;
        }
        // A capitalised word run inside it ("a Nevada Democrat") may have been read as a
        // name: the description holds it and takes its end.
        let inner = |m: &u32| *m == NONE || self.mentions[*m as usize].t0 > t0;
        // So may a possessor opening it ("Voss’s office", "Acme's lawyers") or a shorter
        // description ("the Ohio senator and former mayor"): the inner mention stays one of
        // its own, ending where it did.
        let opens = |m: &u32| {
            *m == NONE || {
                let mm = &self.mentions[*m as usize];
                mm.t1 < t1
                    && (toks[mm.t1 - 1].lex & flag::POSS != 0
                        || matches!(mm.kind, MKind::Desc { .. }))
            }
        };
        if !self.start_at.get(t0).is_some_and(opens) || !self.end_at.get(t1 - 1).is_some_and(inner)
        {
            return None;
        }
        let m = self.mentions.len();
        self.mentions.push(Mention {
            span: Span::new(toks[t0].start, toks[t1 - 1].end),
            t0,
            t1,
            kind: MKind::Desc {
                definite: true,
                head: t1 - 1,
            },
            subject: true,
            in_quote: false,
            ent: None,
        });
        self.start_at[t0] = m as u32;
        self.end_at[t1 - 1] = m as u32;
        Some(m)
    }
    /// An unnamed source described by `desc` (article dropped).
    pub fn unnamed(&mut self, text: &str, m: usize, toks: &[Tok]) -> usize {
        let mention = &self.mentions[m];
        let mut t0 = mention.t0;
        // A mention that is only the article ("“The" ending a text) keeps it: dropping it
        // would leave nothing, and a start past the mention's end.
        if let Some(t) = toks.get(t0).filter(|_| t0 + 1 < mention.t1) {
            let w = lower(&text[t.start..t.end]);
            if matches!(
                w.as_ref(),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "one" | "another"
            ) {
                t0 += 1;
            }
        }
        let start = toks.get(t0).map_or(mention.span.start, |t| t.start);
        let mut name = text[start..mention.span.end].to_string();
        // "Senior officials said" and "senior officials" are one source: a capital that only
        // marks the sentence start is dropped from a common word.
        if let Some(t) = toks.get(t0) {
            let w = lower(word(text, t));
            let common = (t.lex & (flag::ROLE | flag::PLURAL) != 0
                || COMMON_MODIFIERS.contains(w.as_ref()))
                && t.lex & (flag::TITLE | flag::ORG) == 0;
            let sentence_start =
                t0 == 0 || !joined(toks, t0 - 1, t0) || toks[t0 - 1].sent != t.sent;
            if t.cap
                && common
                && sentence_start
                && word(text, t).chars().skip(1).any(char::is_lowercase)
            {
                let mut cs = name.chars();
                if let Some(c) = cs.next() {
                    name = c.to_lowercase().chain(cs).collect();
                }
            }
        }
        if let Some(&i) = self.unnamed_idx.get(&name) {
            self.mentions[m].ent = Some(i);
            return i;
        }
        let mut ent = Entity::new(true);
        ent.unnamed = true;
        ent.name = name.as_str().into();
        ent.count = 1;
        self.ents.push(ent);
        let i = self.ents.len() - 1;
        self.unnamed_idx.insert(name, i);
        self.mentions[m].ent = Some(i);
        i
    }
}

struct RawName {
    m: usize,
    /// Name tokens (without titles, possessive stripped), borrowed from the text: this range
    /// of the one buffer all names of the article share (no vector per name).
    parts: std::ops::Range<usize>,
    titles: Vec<String>,
    countries: Vec<String>,
    org: bool,
    /// Next to a speech verb ("Merkel replied", "said Merkel"): a person.
    speaks: bool,
}
