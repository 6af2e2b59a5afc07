//! Person mentions and canonical speakers: names with titles, pronouns, role nouns ("the
//! Russian leader") and unnamed sources ("a senior official"), clustered per article.

use rustc_hash::FxHashMap;

use super::lexicon::*;
use super::tokens::{lower, strip_poss, Kind, Tok};
use crate::Span;

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
    /// Name forms without titles, with counts.
    forms: Vec<(String, usize)>,
    pub person: bool,
    pub gender: Gender,
    countries: Vec<String>,
    titles: Vec<String>,
    descriptions: Vec<Span>,
    /// Unnamed source or unresolved description: `name` is the description itself.
    pub unnamed: bool,
    name: String,
    count: usize,
}

impl Entity {
    fn new(person: bool) -> Self {
        Entity {
            forms: Vec::new(),
            person,
            gender: Gender::Unknown,
            countries: Vec::new(),
            titles: Vec::new(),
            descriptions: Vec::new(),
            unnamed: false,
            name: String::new(),
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
    /// Every mention of each entity (pronouns inside quotes left out: "he" in a quote is
    /// rarely the quoted speaker's referent we resolved).
    pub fn mentions_by_entity(&self) -> FxHashMap<usize, Vec<Span>> {
        let mut out: FxHashMap<usize, Vec<Span>> = FxHashMap::default();
        for m in &self.mentions {
            if let Some(e) = m.ent {
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
    /// An unnamed source described by `desc` (article dropped).
    pub fn unnamed(&mut self, text: &str, m: usize, toks: &[Tok]) -> usize {
        let mention = &self.mentions[m];
        let mut t0 = mention.t0;
        if let Some(t) = toks.get(t0) {
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
        ent.name = name.clone();
        ent.count = 1;
        self.ents.push(ent);
        let i = self.ents.len() - 1;
        self.unnamed_idx.insert(name, i);
        self.mentions[m].ent = Some(i);
        i
    }
}

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start..t.end]
}

/// Same paragraph (sentence boundaries from the splitter are not trusted inside names:
/// "Vladimir V. Putin", "Sen. Chris Murphy").
fn joined(toks: &[Tok], a: usize, b: usize) -> bool {
    a < b && b < toks.len() && !toks[a + 1..=b].iter().any(|t| t.nl_before)
}

fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "al"
            | "da"
            | "di"
            | "le"
            | "la"
            | "du"
            | "del"
            | "dos"
            | "ibn"
    )
}

/// Party tags after a politician's name: D-Conn., R-Texas, I-Vt.
fn party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-'
}

fn name_word(text: &str, t: &Tok) -> bool {
    t.kind == Kind::Word && t.cap && t.lex & flag::STOP == 0 && !party_tag(word(text, t))
}

fn ends_ly(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// A lower-case past form ("walked", "used").
fn ends_ed(w: &str) -> bool {
    w.len() > 3 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Is the mention [t0, t1) the subject of a clause?
fn subject_after(text: &str, toks: &[Tok], t0: usize, t1: usize) -> bool {
    if t0 > 0 && joined(toks, t0 - 1, t0) {
        let p = &toks[t0 - 1];
        // Inverted attribution: "…,” said Celeste Wallander".
        if matches!(
            word(text, p),
            "said" | "says" | "added" | "wrote" | "asked" | "replied"
        ) {
            return true;
        }
        // After a preposition or a verb ("to hear Putin say"): an object.
        if p.kind == Kind::Word
            && (p.lex & (flag::PREP | flag::BASE | flag::CUE | flag::VERBISH) != 0
                || ends_ed(word(text, p)))
        {
            return false;
        }
    }
    let mut k = t1;
    let limit = (t1 + 40).min(toks.len());
    if toks.get(k).is_some_and(|t| word(text, t) == ",") {
        // "Mr. Trump, who has long favored …": the subject of its relative clause.
        if toks.get(k + 1).is_some_and(|t| word(text, t) == "who") {
            return true;
        }
        // Apposition: ", a senior fellow at …, said".
        let mut j = k + 1;
        while j < limit && joined(toks, k, j) {
            let w = word(text, &toks[j]);
            if w == "," {
                break;
            }
            if matches!(toks[j].kind, Kind::Open(_) | Kind::Close(_)) || w == "." {
                return false;
            }
            j += 1;
        }
        k = j + 1;
    }
    let mut steps = 0;
    while k < toks.len() && steps < 4 && joined(toks, t1.saturating_sub(1), k) {
        if toks[k].kind != Kind::Word {
            return false;
        }
        let tk = &toks[k];
        let w = word(text, tk);
        if tk.lex & (flag::CUE | flag::VERBISH) != 0 || ends_ed(w) {
            return true;
        }
        if tk.lex & flag::BRIDGE != 0 || ends_ly(w) {
            k += 1;
            steps += 1;
            continue;
        }
        return false;
    }
    false
}

/// End of a token without its possessive ending.
fn strip_end(text: &str, t: &Tok) -> usize {
    t.start + strip_poss(word(text, t)).0.len()
}

/// Head of a bare plural group starting at `i` ("Senior Russian officials"): up to four
/// modifiers, then a plural head not followed by a name.
fn bare_group(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let bad = flag::STOP
        | flag::PREP
        | flag::CUE
        | flag::VERBISH
        | flag::DESC_STOP
        | flag::DET
        | flag::HE
        | flag::SHE
        | flag::THEY
        | flag::POSS;
    let mut j = i;
    while j < toks.len() && j <= i + 4 && (j == i || joined(toks, i, j)) {
        let t = &toks[j];
        if t.kind != Kind::Word {
            return None;
        }
        if t.lex & flag::PLURAL != 0 && t.lex & flag::POSS == 0 {
            let named =
                toks.get(j + 1).is_some_and(|x| name_word(text, x)) && joined(toks, j, j + 1);
            return (!named).then_some(j);
        }
        if t.lex & bad != 0 || ends_ly(word(text, t)) || party_tag(word(text, t)) {
            return None;
        }
        j += 1;
    }
    None
}

struct RawName {
    m: usize,
    /// Name tokens (without titles, possessive stripped).
    parts: Vec<String>,
    titles: Vec<String>,
    countries: Vec<String>,
    org: bool,
    /// Next to a speech verb ("Merkel replied", "said Merkel"): a person.
    speaks: bool,
}

pub fn extract(text: &str, toks: &[Tok]) -> Entities {
    let n = toks.len();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut names: Vec<RawName> = Vec::new();
    // Quote depth per token.
    let mut in_quote = vec![false; n];
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate() {
        if t.nl_before {
            depth = 0;
        }
        match t.kind {
            Kind::Open(_) => depth += 1,
            Kind::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        in_quote[i] = depth > 0;
    }
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        if t.kind != Kind::Word {
            i += 1;
            continue;
        }
        if t.lex & (flag::HE | flag::SHE) != 0 && t.lex & flag::POSS == 0 {
            mentions.push(Mention {
                span: Span::new(t.start, t.end),
                t0: i,
                t1: i + 1,
                kind: MKind::Pron {
                    female: t.lex & flag::SHE != 0,
                },
                subject: true,
                in_quote: in_quote[i],
                ent: None,
            });
            i += 1;
            continue;
        }
        if t.lex & flag::THEY != 0 && t.lex & flag::POSS == 0 {
            mentions.push(Mention {
                span: Span::new(t.start, t.end),
                t0: i,
                t1: i + 1,
                kind: MKind::They,
                subject: true,
                in_quote: in_quote[i],
                ent: None,
            });
            i += 1;
            continue;
        }
        // A group without a determiner: "Russian officials", "federal prosecutors", "police".
        let after_det = i > 0 && joined(toks, i - 1, i) && toks[i - 1].lex & flag::DET != 0;
        if !after_det {
            if let Some(h) = bare_group(text, toks, i) {
                let span = Span::new(t.start, strip_end(text, &toks[h]));
                mentions.push(Mention {
                    span,
                    t0: i,
                    t1: h + 1,
                    kind: MKind::Desc {
                        definite: true,
                        head: h,
                    },
                    subject: subject_after(text, toks, i, h + 1),
                    in_quote: in_quote[i],
                    ent: None,
                });
                i = h + 1;
                continue;
            }
        }
        // Description: determiner + modifiers + role head, not followed by a name.
        let poss = t.lex & flag::POSS != 0;
        let det = (t.lex & flag::DET != 0 && !poss) || (poss && t.cap);
        if det {
            let mut j = i + 1;
            let mut found = None;
            while j < n && j <= i + 6 && joined(toks, i, j) && toks[j].kind == Kind::Word {
                let tj = &toks[j];
                let pj = tj.lex & flag::POSS != 0;
                if tj.lex & flag::ROLE != 0 {
                    let next_is_name = toks.get(j + 1).is_some_and(|x| name_word(text, x))
                        && joined(toks, j, j + 1);
                    if !pj && !next_is_name {
                        found = Some(j);
                    }
                    break;
                }
                // "the department’s spokesperson": a common-noun possessor is a modifier.
                if pj && !tj.cap && tj.lex & !(flag::POSS | flag::ORG) == 0 {
                    j += 1;
                    continue;
                }
                if tj.lex & (flag::PREP | flag::DESC_STOP) != 0 || pj {
                    break;
                }
                j += 1;
            }
            if let Some(h) = found {
                let definite = !matches!(
                    lower(word(text, t)).as_ref(),
                    "a" | "an" | "one" | "another"
                );
                let span = Span::new(t.start, toks[h].end);
                let subject = subject_after(text, toks, i, h + 1);
                mentions.push(Mention {
                    span,
                    t0: i,
                    t1: h + 1,
                    kind: MKind::Desc { definite, head: h },
                    subject,
                    in_quote: in_quote[i],
                    ent: None,
                });
                i = h + 1;
                continue;
            }
            if !t.cap || !poss {
                i += 1;
                continue;
            }
        }
        if !(name_word(text, t) || (t.cap && t.lex & flag::TITLE != 0)) {
            i += 1;
            continue;
        }
        // A run of capitalised words, titles, particles and initials.
        let mut j = i;
        let mut after_title = false;
        while j < n && (j == i || !toks[j].nl_before) {
            let tj = &toks[j];
            if tj.kind != Kind::Word {
                break;
            }
            let wj = word(text, tj);
            let title = tj.lex & flag::TITLE != 0;
            let next_cap = toks
                .get(j + 1)
                .is_some_and(|x| x.kind == Kind::Word && (x.cap || is_particle(word(text, x))))
                && joined(toks, j, j + 1);
            let ok = if party_tag(wj) {
                false
            } else if tj.cap {
                tj.lex & flag::STOP == 0 || title
            } else {
                // "Fox News host Sean Hannity", "Sen. chris Murphy", "Charles de Gaulle".
                next_cap && j > i && (title || is_particle(wj) || after_title)
            };
            if !ok {
                break;
            }
            after_title = title && (tj.cap || j > i);
            j += 1;
            if tj.lex & flag::POSS != 0 {
                break;
            }
        }
        if j == i {
            i += 1;
            continue;
        }
        // Titles end at the last title word before the name proper.
        let mut name_t0 = i;
        for (k, tk) in toks.iter().enumerate().take(j).skip(i) {
            if tk.lex & flag::TITLE != 0 && k + 1 < j {
                name_t0 = k + 1;
            }
        }
        if toks[name_t0].lex & flag::TITLE != 0 && name_t0 + 1 >= j {
            // Only titles ("The Russian President"): not a name.
            i = j;
            continue;
        }
        // Sentence-initial participle or adverb ("Speaking to reporters").
        let sentence_initial = i == 0 || !joined(toks, i - 1, i);
        let first = word(text, &toks[name_t0]);
        if sentence_initial && j == i + 1 && (first.ends_with("ing") || first.ends_with("ly")) {
            i = j;
            continue;
        }
        let mut parts = Vec::new();
        let mut org = false;
        for tk in &toks[name_t0..j] {
            let (b, _) = strip_poss(word(text, tk));
            if tk.lex & flag::ORG != 0 {
                org = true;
            }
            parts.push(b.to_string());
        }
        let mut titles = Vec::new();
        let mut countries = Vec::new();
        for tk in &toks[i..name_t0] {
            let wk = word(text, tk);
            let lk = lower(wk).into_owned();
            if tk.cap && !TITLES.contains(lk.as_str()) {
                if let Some(c) = country_key(wk) {
                    countries.push(c);
                }
            }
            titles.push(lk);
        }
        // "Russia’s Vladimir Putin", "President Putin of Russia".
        if i > 0 && joined(toks, i - 1, i) && toks[i - 1].cap {
            let (b, p) = strip_poss(word(text, &toks[i - 1]));
            if p {
                if let Some(c) = country_key(b) {
                    countries.push(c);
                }
            }
        }
        if j + 1 < n
            && joined(toks, j - 1, j + 1)
            && word(text, &toks[j]) == "of"
            && toks[j + 1].cap
        {
            if let Some(c) = country_key(word(text, &toks[j + 1])) {
                countries.push(c);
            }
        }
        let last = &toks[j - 1];
        let (lastw, _) = strip_poss(word(text, last));
        let span = Span::new(t.start, last.start + lastw.len());
        let subject = subject_after(text, toks, i, j);
        let cue_word = |k: usize| {
            toks.get(k)
                .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.lex & flag::CUE != 0)
        };
        let speaks = cue_word(j) || (i > 0 && cue_word(i - 1) && joined(toks, i - 1, i));
        mentions.push(Mention {
            span,
            t0: i,
            t1: j,
            kind: MKind::Name { name_t0 },
            subject,
            in_quote: in_quote[i],
            ent: None,
        });
        // "Mr. Johnson’s spokesman": the role is the mention, the name its determiner.
        let role_after = toks[j - 1].lex & flag::POSS != 0
            && toks
                .get(j)
                .is_some_and(|x| x.lex & flag::ROLE != 0 && x.lex & flag::POSS == 0)
            && joined(toks, j - 1, j);
        let name_mention = mentions.len() - 1;
        if role_after {
            mentions.push(Mention {
                span: Span::new(t.start, toks[j].end),
                t0: i,
                t1: j + 1,
                kind: MKind::Desc {
                    definite: true,
                    head: j,
                },
                subject: subject_after(text, toks, i, j + 1),
                in_quote: in_quote[i],
                ent: None,
            });
        }
        names.push(RawName {
            m: name_mention,
            parts,
            titles,
            countries,
            org,
            speaks,
        });
        i = if role_after { j + 1 } else { j };
    }

    let mut ents = cluster(&mut mentions, &names);
    appositions(text, toks, &mut mentions, &mut ents);
    let mut start_at = vec![NONE; n];
    let mut end_at = vec![NONE; n];
    for (k, m) in mentions.iter().enumerate() {
        start_at[m.t0] = k as u32;
        end_at[m.t1 - 1] = k as u32;
    }
    let mut out = Entities {
        mentions,
        ents,
        start_at,
        end_at,
        unnamed_idx: FxHashMap::default(),
    };
    resolve(text, toks, &mut out);
    out
}

fn cluster(mentions: &mut [Mention], names: &[RawName]) -> Vec<Entity> {
    let mut ents: Vec<Entity> = Vec::new();
    let mut by_last: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let key = |s: &str| s.to_lowercase();
    let real = |parts: &[String]| -> Vec<String> {
        parts.iter().filter(|p| !is_initial(p)).cloned().collect()
    };
    let assign = |ents: &mut Vec<Entity>, m: &mut Mention, r: &RawName, e: usize| {
        let x = &mut ents[e];
        let full = r.parts.join(" ");
        match x.forms.iter_mut().find(|f| f.0 == full) {
            Some(f) => f.1 += 1,
            None => x.forms.push((full, 1)),
        }
        x.count += 1;
        if r.speaks && !r.org {
            x.person = true;
        }
        for t in &r.titles {
            if PERSON_TITLES.contains(t.as_str()) {
                x.person = true;
            }
            match t.as_str() {
                "mr." | "mr" => x.gender = Gender::Male,
                "mrs." | "ms." | "miss" | "mrs" | "ms" => x.gender = Gender::Female,
                _ => {}
            }
            if !x.titles.contains(t) {
                x.titles.push(t.clone());
            }
        }
        for c in &r.countries {
            if !x.countries.contains(c) {
                x.countries.push(c.clone());
            }
        }
        m.ent = Some(e);
    };
    // Full names first, so a bare surname can join them.
    for pass in 0..2 {
        for r in names {
            let parts = real(&r.parts);
            let multi = parts.len() >= 2;
            if (pass == 0) != multi {
                continue;
            }
            let Some(last) = parts.last().or(r.parts.last()) else {
                continue;
            };
            let m = &mut mentions[r.m];
            if r.org {
                let k = format!("org:{}", key(&r.parts.join(" ")));
                let e = match by_last.get(&k).and_then(|v| v.first()) {
                    Some(&e) => e,
                    None => {
                        ents.push(Entity::new(false));
                        by_last.insert(k, vec![ents.len() - 1]);
                        ents.len() - 1
                    }
                };
                assign(&mut ents, m, r, e);
                continue;
            }
            let lk = key(last);
            let e = if multi {
                let fk = key(&parts[0]);
                // Bounded: adversarial text with thousands of "X Smith" must stay linear.
                let found = by_last.get(&lk).and_then(|v| {
                    v.iter().take(16).copied().find(|&e| {
                        ents[e].forms.iter().take(16).any(|(f, _)| {
                            let fp: Vec<&str> = f.split(' ').filter(|p| !is_initial(p)).collect();
                            fp.len() < 2 || key(fp[0]) == fk
                        })
                    })
                });
                match found {
                    Some(e) => e,
                    None => {
                        ents.push(Entity::new(true));
                        let e = ents.len() - 1;
                        by_last.entry(lk).or_default().push(e);
                        by_first.entry(fk).or_default().push(e);
                        e
                    }
                }
            } else {
                let pick =
                    |v: &Vec<usize>| v.iter().take(16).copied().max_by_key(|&e| ents[e].count);
                match by_last.get(&lk).and_then(pick).or_else(|| {
                    by_first
                        .get(&lk)
                        .filter(|v| v.len() == 1)
                        .and_then(|v| v.first().copied())
                }) {
                    Some(e) => e,
                    None => {
                        ents.push(Entity::new(false));
                        let e = ents.len() - 1;
                        by_last.entry(lk).or_default().push(e);
                        e
                    }
                }
            };
            assign(&mut ents, m, r, e);
        }
    }
    for e in &mut ents {
        // Only the article's own forms: an article that never gives the full name keeps the
        // surname ("Trump"); a corpus or the user's list of people may complete it later.
        e.name = canonical(&e.forms);
        // A name only ever written in capitals (a headline, a shouted line): "JANE DOE".
        if e.person && !e.name.chars().any(char::is_lowercase) {
            e.name = e
                .name
                .split(' ')
                .map(|p| {
                    // Initials and acronyms keep their capitals ("H.R.", not "H.r.").
                    if p.contains('.') || is_initial(p) {
                        return p.to_string();
                    }
                    let mut cs = p.chars();
                    cs.next()
                        .map(|c| {
                            c.to_uppercase()
                                .chain(cs.flat_map(char::to_lowercase))
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect::<Vec<String>>()
                .join(" ");
        }
    }
    ents
}

/// Fullest name form without initials; lower-cased scrape damage ("chris") re-capitalised.
fn canonical(forms: &[(String, usize)]) -> String {
    let best = forms.iter().max_by_key(|(f, c)| {
        let n = f.split(' ').filter(|p| !is_initial(p)).count();
        (n, *c)
    });
    let Some((f, _)) = best else {
        return String::new();
    };
    // Only initials ("J. K.", "W."): the name is the initials as written, never empty.
    if f.split(' ').all(is_initial) {
        return f.clone();
    }
    f.split(' ')
        .filter(|p| !is_initial(p))
        .map(|p| {
            if is_particle(p) {
                return p.to_string();
            }
            let mut cs = p.chars();
            match cs.next() {
                Some(c) if c.is_lowercase() => c.to_uppercase().chain(cs).collect(),
                _ => p.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// ", a senior Pentagon official …," after a name, and "His press secretary, Karoline
/// Leavitt," before one: descriptions of the person.
fn appositions(text: &str, toks: &[Tok], mentions: &mut [Mention], ents: &mut [Entity]) {
    let mut start_of = vec![NONE; toks.len()];
    for (k, m) in mentions.iter().enumerate() {
        start_of[m.t0] = k as u32;
    }
    let at = |t: usize| start_of.get(t).filter(|&&m| m != NONE).map(|&m| m as usize);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.in_quote {
            continue;
        }
        let Some(e) = m.ent else {
            // "His press secretary, Karoline Leavitt," / "a senior official in the Biden
            // administration, Jane Doe, said": the description is the name's.
            if let MKind::Desc { head, .. } = m.kind {
                if toks[head].lex & flag::PLURAL != 0 || !np_slot(text, toks, m.t0) {
                    continue;
                }
                let Some(c) = desc_end(text, toks, m.t1) else {
                    continue;
                };
                let named = at(c + 1).filter(|&n| {
                    let nm = &mentions[n];
                    matches!(nm.kind, MKind::Name { .. })
                        && joined(toks, c, c + 1)
                        && toks.get(nm.t1).is_some_and(|t| {
                            let w = word(text, t);
                            matches!(w, "," | "." | ";" | "!" | "?")
                                || (t.kind == Kind::Word
                                    && !t.cap
                                    && (t.lex & (flag::CUE | flag::VERBISH) != 0 || ends_ed(w)))
                        })
                });
                if let Some(ne) = named.and_then(|n| mentions[n].ent) {
                    let span = Span::new(m.span.start, toks[c - 1].end);
                    mentions[k].ent = Some(ne);
                    ents[ne].descriptions.push(span);
                    ents[ne].person = true;
                }
            }
            continue;
        };
        if !matches!(m.kind, MKind::Name { .. }) || !ents[e].person {
            continue;
        }
        let c = m.t1;
        if !toks.get(c).is_some_and(|t| word(text, t) == ",") {
            continue;
        }
        let Some(first) = toks.get(c + 1) else {
            continue;
        };
        if first.kind != Kind::Word || !joined(toks, c, c + 1) {
            continue;
        }
        let lf = lower(word(text, first));
        let np_start = first.cap
            || matches!(
                lf.as_ref(),
                "a" | "an" | "the" | "his" | "her" | "former" | "then"
            )
            || ROLE_HEADS.contains(lf.as_ref())
            || TITLES.contains(lf.as_ref());
        if !np_start || CUES.contains(lf.as_ref()) {
            continue;
        }
        // "Trump, Secretary of State Marco Rubio and …": a list of people, not a description.
        if let Some(n) = at(c + 1) {
            let nm = &mentions[n];
            let other_person = nm.ent.is_some_and(|x| x != e && ents[x].person);
            let list = toks.get(nm.t1).map_or(true, |t| {
                matches!(word(text, t), "," | "and" | "or" | "&" | "." | ";")
            });
            if matches!(
                nm.kind,
                MKind::Name { .. } | MKind::Pron { .. } | MKind::They
            ) && (other_person || list)
            {
                continue;
            }
        }
        let mut j = c + 1;
        let mut end = None;
        while j < toks.len() && j < c + 26 && joined(toks, c, j) {
            let t = &toks[j];
            let w = word(text, t);
            if matches!(w, "," | "." | ";" | ")" | "(" | ":")
                || matches!(t.kind, Kind::Open(_) | Kind::Close(_))
            {
                end = Some(j);
                break;
            }
            if t.kind == Kind::Word && CUES.contains(lower(w).as_ref()) {
                break;
            }
            j += 1;
        }
        if let Some(end) = end {
            if end > c + 1 && !has_finite_verb(text, toks, c + 1, end) {
                // Party tags ("D-Conn.") are not descriptions.
                let span = Span::new(toks[c + 1].start, toks[end - 1].end);
                let s = span.of(text);
                let tag = s.len() <= 8 && s.contains('-') && !s.contains(' ');
                if !tag {
                    ents[e].descriptions.push(span);
                    for t in &toks[c + 1..end] {
                        if let Some(ck) = t.cap.then(|| country_key(word(text, t))).flatten() {
                            if !ents[e].countries.contains(&ck) {
                                ents[e].countries.push(ck);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A noun phrase can stand at `t0` as a subject or an inverted speaker: sentence start, after
/// a comma, a conjunction, a dash or a speech verb; not the object of a preposition or a verb
/// ("After meeting the president, Putin said").
fn np_slot(text: &str, toks: &[Tok], t0: usize) -> bool {
    if t0 == 0 || !joined(toks, t0 - 1, t0) {
        return true;
    }
    let p = &toks[t0 - 1];
    if p.sent != toks[t0].sent {
        return true;
    }
    let w = word(text, p);
    match p.kind {
        Kind::Word => {
            p.lex & flag::CUE != 0
                || matches!(
                    lower(w).as_ref(),
                    "and" | "but" | "while" | "whereas" | "so"
                )
        }
        Kind::Close(_) => true,
        Kind::Open(_) => false,
        Kind::Punct => matches!(w, "," | "—" | "–" | ";" | ":" | "(" | "." | "!" | "?"),
    }
}

/// The comma that closes a description whose head ends at `t1`, after an optional
/// prepositional phrase ("a senior official in the Biden administration,").
pub fn desc_end(text: &str, toks: &[Tok], t1: usize) -> Option<usize> {
    let is_comma = |k: usize| toks.get(k).is_some_and(|t| word(text, t) == ",");
    if is_comma(t1) {
        return Some(t1);
    }
    let prep = toks.get(t1).is_some_and(|t| {
        matches!(
            word(text, t),
            "in" | "at" | "of" | "for" | "from" | "with" | "on" | "under" | "to" | "within"
        )
    });
    if !prep {
        return None;
    }
    let mut k = t1 + 1;
    while k < toks.len() && k <= t1 + 8 && joined(toks, t1, k) {
        let t = &toks[k];
        if is_comma(k) {
            return Some(k);
        }
        if t.kind != Kind::Word || t.lex & (flag::CUE | flag::VERBISH) != 0 {
            return None;
        }
        k += 1;
    }
    None
}

/// A finite verb outside a relative clause in [a, b): "Steve Witkoff represented the
/// delegation" is a clause, "a lawyer based in Ohio who once …" a noun phrase.
fn has_finite_verb(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    for k in a..b.min(toks.len()) {
        let t = &toks[k];
        if t.kind != Kind::Word {
            continue;
        }
        let w = lower(word(text, t));
        if matches!(
            w.as_ref(),
            "who" | "which" | "that" | "whose" | "whom" | "where" | "when"
        ) {
            return false;
        }
        if FINITE.contains(w.as_ref())
            || (t.lex & flag::VERBISH != 0 && !ADVERBS.contains(w.as_ref()))
            || t.lex & (flag::HE | flag::SHE | flag::THEY) != 0
        {
            return true;
        }
        if ends_ed(&w) && k > a {
            let p = &toks[k - 1];
            let pw = lower(word(text, p));
            let adjectival = p.lex & (flag::DET | flag::POSS) != 0
                || ends_ly(&pw)
                || matches!(pw.as_ref(), "," | "and" | "or" | "former" | "most" | "well")
                || p.kind != Kind::Word;
            let participle = toks.get(k + 1).is_some_and(|n| n.lex & flag::PREP != 0);
            if !adjectival && !participle {
                return true;
            }
        }
    }
    false
}

/// Resolve pronouns and definite role nouns left to right.
fn resolve(text: &str, toks: &[Tok], out: &mut Entities) {
    // (entity, subject, sentence) of recent person mentions outside quotes.
    let mut history: Vec<(usize, bool, usize)> = Vec::new();
    // (group entity, or None for a pair of people; sentence) for "they".
    let mut groups: Vec<(Option<usize>, usize)> = Vec::new();
    for k in 0..out.mentions.len() {
        let m = out.mentions[k].clone();
        if m.in_quote {
            continue;
        }
        let sent = toks[m.t0].sent;
        match m.kind {
            MKind::Name { .. } => {
                // "Trump and Putin": a later "they" may mean the pair, not an earlier group.
                let pair = out.mentions.get(k + 1).is_some_and(|n| {
                    n.t0 == m.t1 + 1
                        && toks.get(m.t1).is_some_and(|t| word(text, t) == "and")
                        && matches!(n.kind, MKind::Name { .. } | MKind::Pron { .. })
                });
                if pair {
                    groups.push((None, sent));
                }
            }
            MKind::Pron { female } => {
                let compatible = |e: usize| {
                    let x = &out.ents[e];
                    x.person
                        && match x.gender {
                            Gender::Unknown => true,
                            Gender::Male => !female,
                            Gender::Female => female,
                        }
                };
                let mut first = None;
                let mut subj = None;
                for &(e, s, se) in history.iter().rev().take(40) {
                    if sent.saturating_sub(se) > 8 {
                        break;
                    }
                    if !compatible(e) {
                        continue;
                    }
                    if first.is_none() {
                        first = Some(e);
                    }
                    if s {
                        subj = Some(e);
                        break;
                    }
                }
                if let Some(e) = subj.or(first) {
                    out.mentions[k].ent = Some(e);
                    if out.ents[e].gender == Gender::Unknown {
                        out.ents[e].gender = if female { Gender::Female } else { Gender::Male };
                    }
                }
            }
            MKind::They => {
                // Only a clear antecedent: the last group subject within three sentences, with
                // no pair of people ("Trump and Putin") named since.
                let e = groups
                    .last()
                    .filter(|&&(_, se)| sent.saturating_sub(se) <= 3)
                    .and_then(|&(e, _)| e);
                out.mentions[k].ent = e;
                if let Some(e) = e {
                    groups.push((Some(e), sent));
                }
                continue;
            }
            MKind::Desc { head, .. } if toks[head].lex & flag::PLURAL != 0 => {
                if m.ent.is_none() && m.subject {
                    let e = out.unnamed(text, k, toks);
                    groups.push((Some(e), sent));
                }
                continue;
            }
            MKind::Desc { definite, head } => {
                if m.ent.is_none() && definite {
                    let e = resolve_role(text, toks, &m, head, &out.ents, &history);
                    out.mentions[k].ent = e;
                    // "The senator, who …, said …": a referent for a later "she said".
                    if e.is_none() && m.subject {
                        out.unnamed(text, k, toks);
                    }
                }
            }
        }
        if let Some(e) = out.mentions[k].ent {
            if out.ents[e].person {
                history.push((e, m.subject, sent));
            }
        }
    }
}

fn resolve_role(
    text: &str,
    toks: &[Tok],
    m: &Mention,
    head: usize,
    ents: &[Entity],
    history: &[(usize, bool, usize)],
) -> Option<usize> {
    let h = lower(strip_poss(word(text, &toks[head])).0).into_owned();
    let generic = matches!(h.as_str(), "leader" | "counterpart" | "host" | "guest");
    let mut mods = Vec::new();
    // "Russia’s leader": the determiner itself names the country.
    let (d, poss) = strip_poss(word(text, &toks[m.t0]));
    if poss {
        mods.extend(country_key(d));
    }
    for t in &toks[m.t0 + 1..head] {
        if t.cap || word(text, t).contains('.') {
            mods.extend(country_key(word(text, t)));
        } else if let Some(c) = country_key(word(text, t)).filter(|c| c == "us") {
            mods.push(c);
        }
    }
    // ((score, mentions, recency), entity)
    let mut best: Option<((i32, usize, usize), usize)> = None;
    let mut seen: Vec<usize> = Vec::new();
    for (rank, &(e, _, _)) in history.iter().rev().take(80).enumerate() {
        if seen.contains(&e) {
            continue;
        }
        seen.push(e);
        let x = &ents[e];
        if x.unnamed {
            continue;
        }
        let titled = x.titles.iter().any(|t| t.trim_end_matches('.') == h);
        let leaderish = x.titles.iter().any(|t| {
            matches!(
                t.as_str(),
                "president" | "minister" | "chancellor" | "premier" | "leader" | "king" | "queen"
            )
        });
        let mut score = if titled {
            3
        } else if generic && (leaderish || !mods.is_empty()) {
            2
        } else {
            continue;
        };
        if mods.is_empty() {
            if x.countries.iter().any(|c| c != "us") {
                score -= 1;
            }
        } else {
            for c in &mods {
                if x.countries.contains(c) {
                    score += 3;
                } else if !x.countries.is_empty() {
                    score -= 5;
                } else if c == "us" {
                    score += 1;
                } else {
                    // "the Russian president" is nobody we cannot place in Russia: a wrong
                    // referent is worse than none.
                    score -= 3;
                }
            }
        }
        let key = (score, x.count, usize::MAX - rank);
        if score > 0 && best.map_or(true, |b| b.0 < key) {
            best = Some((key, e));
        }
    }
    best.map(|b| b.1)
}
