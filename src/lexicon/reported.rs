//! The word lists of reported speech ([`crate::attributions`]): cue classes from the one cue
//! table (`cue_verbs.txt`) and the closed-class words of `attribution_*.txt`.

use once_cell::sync::Lazy;

use super::phrases::{first_bytes, phrases, Phrase};
use super::runtime::{Added, Extensible};
use super::{cue_set, files, section, set_of, WordSet};

cue_set!(
    /// Verbs introducing a clause: "said", "believes", "found".
    CLAUSE_CUES = ["clause"] + ReportedCue
);
cue_set!(
    /// Verbs with a hearer before the clause: "told", "assured".
    OBJECT_CUES = ["object"]
);
cue_set!(
    /// Verbs introducing an infinitive: "plans to", "refused to".
    TO_CUES = ["infinitive"]
);
cue_set!(
    /// Verbs whose object is the content: "endorsed Clinton", "criticized the deal".
    STANCE_CUES = ["stance"]
);
cue_set!(
    /// Cue forms that are mostly nouns ("attacks", "support"): cues only after a name or pronoun.
    NOUN_VERBS = ["noun"]
);
cue_set!(
    /// Verbs of knowing and perceiving, cues only before "that", "whether" or "if".
    THAT_CUES = ["that"]
);

/// Auxiliaries and adverbs between a source and its verb: "has also said".
pub static AUX: Lazy<WordSet> =
    Lazy::new(|| section(files::ATTRIBUTION_AUX, "").into_iter().collect());
/// Nouns with a "that" clause: "the claim that".
pub static NOUNS: Lazy<WordSet> =
    Lazy::new(|| section(files::ATTRIBUTION_NOUNS, "").into_iter().collect());
/// Words a source never extends left over.
pub static STOP: Lazy<WordSet> =
    Lazy::new(|| section(files::ATTRIBUTION_STOP, "").into_iter().collect());

/// `pub fn name(w: &str) -> bool`: is `w` in these sections of `attribution_grammar.txt`?
/// (The set is built on first use.)
macro_rules! grammar_words {
    ($(#[$doc:meta])* $name:ident = [$($section:literal),+]) => {
        $(#[$doc])*
        pub fn $name(w: &str) -> bool {
            static SET: Lazy<WordSet> = Lazy::new(|| grammar(&[$($section),+]));
            SET.contains(w)
        }
    };
}

fn grammar(sections: &[&str]) -> WordSet {
    set_of(files::ATTRIBUTION_GRAMMAR, sections)
}

/// Articles and possessives, after which a word is a noun ("the report", "his claim").
pub static ARTICLES: Lazy<WordSet> = Lazy::new(|| grammar(&["article"]));
/// Prepositions, which never end a source ("pitched himself to voters by").
pub static PREPOSITIONS: Lazy<WordSet> = Lazy::new(|| grammar(&["preposition"]));

grammar_words!(
    /// Conjunctions opening a subordinate clause: "because", "while", "although".
    is_subordinator = ["subordinator"]
);

grammar_words!(
    /// A modal, "do" or "not"/"also" before a base form makes it a verb: "polls could show".
    marks_base_form_verb = ["modal", "verb_adverb"]
);

grammar_words!(
    /// Participles whose passive subject holds the view: "is worried that", "was convinced".
    is_experiencer = ["experiencer"]
);

grammar_words!(
    /// Past participles of reporting verbs without -ed/-en: "told", "said".
    is_irregular_participle = ["irregular_participle"]
);

grammar_words!(
    /// Nouns that end a time adjunct: "last month", "on Monday night".
    is_time_noun = ["time_noun"]
);

grammar_words!(
    /// Prepositions of a short adjunct that places an inverted source: "said Ana Ruiz in Oslo".
    is_placing_preposition = ["placing_preposition"]
);

grammar_words!(
    /// Prepositions that open a tail describing an inverted source: "says one analyst at a firm".
    opens_source_tail = ["source_tail_preposition"]
);

grammar_words!(
    /// Modal and "do" auxiliaries: "can", "would", "didn't".
    is_modal = ["modal"]
);

grammar_words!(
    /// Auxiliary verbs: an apposition ("then 38", "however") holds none of them.
    is_auxiliary_verb = ["modal", "auxiliary"]
);

grammar_words!(
    /// Words that open the clause of a verb of knowing: "knows that", "saw how", "asked why".
    opens_complement = ["complementizer"]
);

grammar_words!(
    /// Adverbs that attribute their clause to unnamed reports: "is reportedly planning".
    is_evidential_adverb = ["evidential"]
);

grammar_words!(
    /// Forms of "be" and "get" that make a following participle passive: "was considered".
    is_passive_auxiliary = ["passive"]
);

grammar_words!(
    /// Words that open an approximate count: "nearly 6 in 10", "about a third".
    is_approximator = ["approximator"]
);

grammar_words!(
    /// Participles that report a judgement in the passive, with or without an agent: "is widely
    /// seen as", "was deemed unfit", "is known for".
    is_judged_participle = ["judged"]
);

grammar_words!(
    /// Participles of expecting and forecasting whose passive reports the whole clause, subject
    /// and all, with no source: "turnout is expected to be high", "the deficit is projected to".
    is_expectation_participle = ["expectation"]
);

grammar_words!(
    /// Documents that speak through an opening "In …, CONTENT": "In a CNN poll released Monday,
    /// …".
    is_speaking_document = ["speaking_document"]
);

grammar_words!(
    /// Written works whose author, named in the clause after "In …,", speaks rather than the
    /// work: "In an opinion piece, the senator wrote that …", "In a study, researchers found …".
    is_authored_document = ["authored_document"]
);

grammar_words!(
    /// Documents and counts after which a noun-like cue form is a verb: "a poll shows", "64
    /// percent call him competent".
    is_finding_subject = ["finding_subject"]
);

grammar_words!(
    /// Adverbs of frequency that are never a source's last word: "the union always hoped".
    is_frequency_adverb = ["frequency_adverb"]
);

grammar_words!(
    /// Relative pronouns that stand for the noun before them, a source of their own: "Ted
    /// Cruz, who said …", "the agency, which said …".
    is_relative_pronoun = ["relative_pronoun"]
);

grammar_words!(
    /// Relative words that open a relative clause but are no source: "the mayor, whose term …".
    is_relative_determiner = ["relative_determiner"]
);

grammar_words!(
    /// Pronouns that, as a whole source, name no one without the mention they refer to: "he
    /// said", "who said".
    is_pronoun_source = ["pronoun_source"]
);

grammar_words!(
    /// The participle of putting a question that reports a question with no source: "when
    /// asked whether …", "Asked about the vote, …".
    is_question_cue = ["question_cue"]
);

grammar_words!(
    /// Past tenses without -ed that are never a source's last word, though a particle or an
    /// adjunct may stand between them and a cue: "the unions came out against", "the board met
    /// on Monday to discuss". Words also read as modifiers ("left", "paid", "held") stay out.
    is_irregular_past = ["irregular_past"]
);

grammar_words!(
    /// Verbs of judging that take "X as Y": "see", "view", "regard".
    is_seeing = ["seeing"]
);

grammar_words!(
    /// Words the cue rules name beside the other word lists: a cue starts only at a listed word.
    is_cue_word = ["cue_word", "seeing", "receiving", "stance_noun", "judged_as"]
);

grammar_words!(
    /// Possessive pronouns: "his", "their".
    is_possessive = ["possessive"]
);

grammar_words!(
    /// Prepositions that may complete a phrasal stance verb: "talked about", "railed against".
    is_phrasal_particle = ["phrasal_particle"]
);

grammar_words!(
    /// Participles that give a new noun's name: "a group called …", "a program named …".
    is_naming_participle = ["naming_participle"]
);

grammar_words!(
    /// Subordinators that may open a sentence before the question cue: "When asked whether …".
    is_question_opener = ["question_opener"]
);

/// The sections of `attribution_grammar.txt` that hold phrases ([`super::phrases`]), one a line.
pub const PHRASE_SECTIONS: &[&str] = &["phrasal_cue", "clause_phrase", "not_cue", "medium_lead"];

/// Phrasal stance verbs the cue rules name beside `cue_verbs.txt`: "called for", "referring to".
pub static PHRASAL_CUES: Lazy<Vec<Phrase>> =
    Lazy::new(|| phrases(files::ATTRIBUTION_GRAMMAR, "phrasal_cue"));

/// Starts of the [`PHRASAL_CUES`] ("call", "refer"): a cue may start at a word with one.
pub static CUE_PREFIXES: Lazy<Vec<&'static str>> = Lazy::new(|| {
    (PHRASAL_CUES.iter())
        .flat_map(|p| p.focus_slot().prefixes())
        .collect()
});

/// Idioms of saying before a clause: "made clear that", "makes it clear whether". The last slot
/// opens the clause; the words before it are the cue.
pub static CLAUSE_PHRASES: Lazy<Vec<Phrase>> =
    Lazy::new(|| phrases(files::ATTRIBUTION_GRAMMAR, "clause_phrase"));

/// Per byte: whether a [`CUE_PREFIXES`] entry starts with it (every byte for an empty one).
static CUE_PREFIX_FIRST: Lazy<[bool; 256]> =
    Lazy::new(|| first_bytes(CUE_PREFIXES.iter().copied()));

/// [`CUE_PREFIXES`] grouped by first byte, with a filter on words' first two bytes.
static CUE_PREFIX_INDEX: Lazy<super::prefixes::PrefixIndex> =
    Lazy::new(|| super::prefixes::PrefixIndex::new(CUE_PREFIXES.iter().copied()));

/// Does `w` start with one of the [`CUE_PREFIXES`]? Asked of nearly every word the cue rules
/// look at: a word whose first byte starts none of them (most words) is answered by one
/// table load, without a comparison per prefix. Inlined, with the comparisons out of line
/// ([`compare_cue_prefixes`]): the call frame cost more than the table test.
#[inline]
pub fn has_cue_prefix(w: &str) -> bool {
    let first = w
        .as_bytes()
        .first()
        .map_or(true, |&b| CUE_PREFIX_FIRST[usize::from(b)]);
    first && compare_cue_prefixes(w)
}

/// [`has_cue_prefix`] for a word the first-byte table let through: most are turned away on
/// their first two bytes ("would", "was" of the prefix "weigh"), the others compared only
/// with the prefixes that open with their first byte ("court" with "call" only).
#[inline(never)]
fn compare_cue_prefixes(w: &str) -> bool {
    let index = &*CUE_PREFIX_INDEX;
    index.may_start(w) && index.any_prefix_of(w)
}

/// Cue forms in a phrase that reports nothing: "showed up", "found itself", "helped found".
pub static NOT_CUES: Lazy<Vec<Phrase>> =
    Lazy::new(|| phrases(files::ATTRIBUTION_GRAMMAR, "not_cue"));

/// What opens a medium named right after a cue: "said in a statement".
pub static MEDIUM_LEADS: Lazy<Vec<Phrase>> =
    Lazy::new(|| phrases(files::ATTRIBUTION_GRAMMAR, "medium_lead"));

/// Media named after "in a": "said in a statement".
pub static MEDIA: Lazy<WordSet> = Lazy::new(|| grammar(&["medium"]));

grammar_words!(
    /// Words that open an adjunct after a reporting verb ("said on Monday", "said in a statement",
    /// "said last week"): a verb followed only by one is not followed by its content.
    opens_adjunct = ["adjunct_opener"]
);

grammar_words!(
    /// Object pronouns and hearer nouns skipped after "told": "told reporters", "told him".
    is_hearer_word = ["hearer"]
);

grammar_words!(
    /// Participles of reporting whose subject is an impersonal "it": "it was reported that".
    impersonal_participle = ["impersonal"]
);

grammar_words!(
    /// Determiners and pronouns that may start a source noun phrase.
    is_determiner = ["article", "quantifier"]
);

grammar_words!(
    /// Pronouns that may be a source on their own.
    is_subject_pronoun = ["subject_pronoun"]
);

grammar_words!(
    /// Words of a label before a colon that introduces no one's words: "Update:", "The Latest:".
    is_colon_label = ["colon_label"]
);

grammar_words!(
    /// Subordinators that open a reduced passive: "when asked", "if pressed".
    is_reduced_passive_lead = ["reduced_passive_lead"]
);

grammar_words!(
    /// Words that open a sentence with a participle's phrase: "After thanking the crowd, …".
    is_participle_phrase_lead = ["participle_phrase_lead"]
);

grammar_words!(
    /// Prepositions whose sentence-opening phrase holds a cue only up to its comma: "Despite
    /// polls showing …, she …".
    is_opening_preposition = ["opening_preposition"]
);

grammar_words!(
    /// Time and medium nouns that alone make no content: "issued a statement", "in May".
    is_empty_content = ["empty_content"]
);

grammar_words!(
    /// Determiners, prepositions and numbers that go with [`is_empty_content`] words.
    is_empty_content_filler = ["empty_content_filler"]
);

grammar_words!(
    /// One-word contents that stand for a whole statement: "said yes", "said so".
    is_proform = ["proform"]
);

grammar_words!(
    /// Object pronouns, which never end a source: "told him".
    is_object_pronoun = ["object_pronoun"]
);

grammar_words!(
    /// Words in -ly that are no adverbs: "rally", "family", "July".
    is_ly_noun = ["ly_noun"]
);

grammar_words!(
    /// Words that join another clause or adjunct after a comma, opening no noun phrase:
    /// "…, and the city said", "…, according to …".
    is_clause_link = ["clause_link"]
);

grammar_words!(
    /// Words besides the prepositions that hang a modifier on a source's head: "people familiar
    /// with | the talks", "members and | leaders".
    is_modifier_link = ["modifier_link"]
);

grammar_words!(
    /// Prepositions that hang no modifier on a head: "more than | the mayor".
    is_not_modifier_link = ["not_modifier_link"]
);

grammar_words!(
    /// Words that go on with the noun phrase before a comma: "cited several factors, including
    /// the weather", "wants talks, not sanctions".
    continues_list = ["list_continuation"]
);

grammar_words!(
    /// Pronouns that are only ever subjects: "… and she called it …" opens a new clause.
    is_nominative = ["nominative"]
);

grammar_words!(
    /// Prepositions naming the topic of a stance verb: "complained about the plan".
    is_topic_preposition = ["topic_preposition"]
);

grammar_words!(
    /// Prepositions that open an adjunct of a stance verb's act: "thanked supporters at a rally".
    opens_act_adjunct = ["act_adjunct"]
);

grammar_words!(
    /// Relative words standing for what a source said or named: "what the mayor called …".
    is_object_relative = ["object_relative"]
);

grammar_words!(
    /// Relative words only after a noun ("the plan that voters believe is needed"); after a verb
    /// they open its complement.
    is_relative_after_noun = ["relative_after_noun"]
);

grammar_words!(
    /// Prepositions that, right after an object pronoun, open an adjunct of the act: "supported
    /// her by a wide margin", "thanked them in a speech".
    opens_pronoun_adjunct = ["pronoun_adjunct"]
);

grammar_words!(
    /// Participles of consequence after a comma: "…, prompting a recount", "…, leading to".
    is_consequence_participle = ["consequence_participle"]
);

grammar_words!(
    /// Words after a comma that open a poll's comparison: "…, compared with 40 percent who say
    /// …", "…, double the number who said …".
    opens_comparison = ["comparison_opener"]
);

grammar_words!(
    /// Words besides [complementizer] that open an indirect question after a verb of knowing:
    /// "does not know which company ran the survey".
    opens_indirect_question = ["indirect_question"]
);

grammar_words!(
    /// Verbs of receiving a judgement from someone: "drew criticism from", "won the backing of".
    is_receiving_verb = ["receiving"]
);

grammar_words!(
    /// Prepositions opening who gave a received judgement: "criticism from", "the backing of".
    is_judgement_giver = ["judgement_giver"]
);

grammar_words!(
    /// "a", "an": an indefinite noun phrase opens at them.
    is_indefinite_article = ["indefinite_article"]
);

grammar_words!(
    /// Pronouns as often objects as subjects ("it", "you"): no bare clause opens at them.
    is_expletive_object = ["expletive_object"]
);

grammar_words!(
    /// Judgements received from someone: "drew criticism from", "won the backing of".
    is_received_judgement = ["received_judgement"]
);

grammar_words!(
    /// Nouns of a stance whose object follows a preposition: "his attack on the governor".
    is_stance_noun = ["stance_noun"]
);

grammar_words!(
    /// The prepositions that open a stance noun's object: "her support for", "criticism of".
    opens_stance_noun_object = ["stance_noun_object"]
);

grammar_words!(
    /// Verbs that meet a stance noun with no holder: "faced criticism for", "endured attacks on".
    meets_stance_noun = ["facing"]
);

grammar_words!(
    /// Doubts someone raises about a topic: "raised questions about the deal".
    is_raised_doubt = ["raised_doubt"]
);

grammar_words!(
    /// Verbs whose subject holds the doubt they raise: "the senator raised concerns about".
    is_raising_verb = ["raising_verb"]
);

grammar_words!(
    /// Words of a verb group whose subject holds the infinitive after it: "more likely to back".
    is_infinitive_group_word = ["infinitive_group"]
);

grammar_words!(
    /// Verbs whose object holds the infinitive after it: "prompted voters to reconsider".
    is_object_control_verb = ["object_control"]
);

grammar_words!(
    /// Participles that judge in the passive only before "as" or "by": "is widely seen as".
    is_judged_as_participle = ["judged_as"]
);

grammar_words!(
    /// Adverbs without "-ly" inside a passive of saying: "is not expected", "was also asked".
    is_passive_adverb = ["passive_adverb"]
);

grammar_words!(
    /// Quantifiers floated after a subject: "Ruiz and Lee have both said".
    is_floating_quantifier = ["floating_quantifier"]
);

grammar_words!(
    /// Subjects that refer to nothing: "There are fears the bridge will close".
    is_expletive_subject = ["expletive_subject"]
);

grammar_words!(
    /// Verbs of spending time on an activity: "spent much of her speech praising".
    is_spending_verb = ["spending_verb"]
);

grammar_words!(
    /// Words that end an opening time phrase: "A month later, …", "The day before, …".
    is_relative_time = ["relative_time"]
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The first-byte filter answers as the comparison with every prefix: words with and
    /// without a prefix, words sharing only a prefix's first byte, shorter than a prefix,
    /// empty.
    #[test]
    fn cue_prefix_filter_answers_as_the_prefixes() {
        let mut words = vec![
            "call",
            "called",
            "calls",
            "cal",
            "c",
            "can",
            "refer",
            "referring",
            "ref",
            "point",
            "pointed",
            "poin",
            "p",
            "said",
            "",
            "recall",
            "appoint",
            "Called",
            "ça",
        ];
        let own: Vec<String> = CUE_PREFIXES.iter().map(|p| format!("{p}x")).collect();
        words.extend(CUE_PREFIXES.iter().copied());
        words.extend(own.iter().map(String::as_str));
        assert!(CUE_PREFIXES.len() >= 3, "{:?}", *CUE_PREFIXES);
        for w in words {
            let want = CUE_PREFIXES.iter().any(|p| w.starts_with(p));
            assert_eq!(has_cue_prefix(w), want, "{w:?}");
        }
        assert!(has_cue_prefix("called") && !has_cue_prefix("said"));
    }
}
