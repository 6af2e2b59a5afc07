//! Cues of a verb and its particle ("pointed out", "shot back", "went on", "chimed in"):
//! `[particle_cue]` of data/lexicon/quote_context.txt, written verb_particle.

use once_cell::sync::Lazy;

use super::{lower_inline, Ctx, Kind};
use crate::lexicon::{files, section, set_of, WordSet};
use crate::Span;

/// The verb_particle phrases.
static PARTICLE_CUES: Lazy<WordSet> = Lazy::new(|| set_of(files::QUOTE_CONTEXT, &["particle_cue"]));

/// Words after the particle that make the phrase no cue ("went on about …", "went on to win").
static NOT_BEFORE: Lazy<WordSet> =
    Lazy::new(|| set_of(files::QUOTE_CONTEXT, &["particle_not_before"]));

/// The particles those phrases end with ("out", "back", ...): a word that is none of them
/// (nearly every word) is turned away without building the phrase.
static PARTICLES: Lazy<Vec<&'static str>> = Lazy::new(|| {
    let mut ps: Vec<&'static str> = section(files::QUOTE_CONTEXT, "particle_cue")
        .into_iter()
        .filter_map(|phrase| phrase.rsplit_once('_').map(|(_, p)| p))
        .collect();
    ps.sort_unstable();
    ps.dedup();
    ps
});

impl Ctx<'_> {
    /// The cue of a verb and its particle at token `k` (the verb), spanning both.
    pub(super) fn particle_cue(&self, k: usize) -> Option<(Span, bool)> {
        let p = self.toks.get(k + 1)?;
        let particle = self.w(k + 1);
        if p.kind != Kind::Word || !PARTICLES.contains(&particle) {
            return None;
        }
        // "went on about …", "went on to win": a topic or a next act, not the words said.
        if NOT_BEFORE.contains(self.w(k + 2)) {
            return None;
        }
        // Inline (no allocation): "in" and "on" follow many words the rules ask about.
        let mut phrase = lower_inline(self.w(k));
        phrase.push('_');
        phrase.push_str(particle);
        PARTICLE_CUES
            .contains(phrase.as_str())
            .then(|| (Span::new(self.toks[k].start, p.end), true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every listed phrase is a verb and one of the particles; the particles are the data's.
    #[test]
    fn the_particles_come_from_the_phrases() {
        for phrase in section(files::QUOTE_CONTEXT, "particle_cue") {
            let (verb, particle) = phrase.rsplit_once('_').expect("verb_particle");
            assert!(
                !verb.is_empty() && PARTICLES.contains(&particle),
                "{phrase}"
            );
        }
        for p in ["out", "back", "on", "in"] {
            assert!(PARTICLES.contains(&p), "{p}");
        }
    }

    /// The words that turn a particle phrase into no cue are the data's, not a list in code.
    #[test]
    fn the_words_after_a_particle_come_from_the_data() {
        for w in ["about", "to", "with", "for"] {
            assert!(NOT_BEFORE.contains(w), "{w}");
        }
        assert!(!NOT_BEFORE.contains("that"));
    }
}
