"""Cue coverage of extract_attributions: the verbs, nouns and phrases that mark reported speech
(data/lexicon/cue_verbs.txt, attribution_nouns.txt, attribution_grammar.txt).

Every sentence here is written for these tests; offsets are exact Python str offsets.
"""

import pytest

from presslens import extract_attributions


def spans(text):
    """(content, source, cue) of each attribution as (start, end) str offsets, checked against
    the text they claim to cover."""
    out = []
    for a in extract_attributions(text):
        for s in (a.content, a.source, a.cue):
            if s is not None:
                assert text[s.start : s.end] == s.text
        out.append(
            (
                (a.start, a.end),
                (a.source.start, a.source.end) if a.source else None,
                (a.cue.start, a.cue.end) if a.cue else None,
            )
        )
    return out


def at(text, part, nth=0):
    """The (start, end) of the nth occurrence of `part` in `text`."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(part, i + 1)
    return (i, i + len(part))


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # Verbs of expressing and judging: the object is the content.
        ("The farmers expressed deep concern about the new water rules.",
         "deep concern about the new water rules", "The farmers", "expressed"),
        ("Ms. Varga considers the merger a serious mistake.",
         "the merger a serious mistake", "Ms. Varga", "considers"),
        ("The union voiced strong support for the hospital workers.",
         "strong support for the hospital workers", "The union", "voiced"),
        ("The bishop bemoaned the closure of the village school.",
         "the closure of the village school", "The bishop", "bemoaned"),
        # Implying and signalling: a clause.
        ("The coach implied that the referee had been bribed.",
         "that the referee had been bribed", "The coach", "implied"),
        ("The central bank signaled that rates would stay high.",
         "that rates would stay high", "The central bank", "signaled"),
        # Ordering and encouraging: an object, then the infinitive.
        ("The judge ordered the city to reopen the shelter.",
         "the city to reopen the shelter", "The judge", "ordered"),
        # Disavowing, characterizing, likening and listing: a position on the object.
        ("The candidate disavowed the flyers sent by his volunteers.",
         "the flyers sent by his volunteers", "The candidate", "disavowed"),
        ("The mayor characterized the strike as a misunderstanding.",
         "the strike as a misunderstanding", "The mayor", "characterized"),
        ("The report listed flooding among the gravest risks.",
         "flooding among the gravest risks", "The report", "listed"),
        # Speaking verbs that take a clause.
        ("The treasurer interjected that the audit was not finished.",
         "that the audit was not finished", "The treasurer", "interjected"),
        ("A neighbor recounted how the fire spread through the block.",
         "how the fire spread through the block", "A neighbor", "recounted"),
    ],
)
def test_verb_classes(text, content, source, cue):
    got = spans(text)
    assert got == [(at(text, content), at(text, source), at(text, cue))], got


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # A judgement in the passive: what is judged is the content (the subject with its
        # complement), never the source; an agent after "by" is the source.
        ("The bridge was considered unsafe after the flood.",
         "The bridge was considered unsafe", None, "was considered"),
        ("The old mill is widely considered a landmark.",
         "The old mill is widely considered a landmark", None, "is widely considered"),
        ("The new stadium is widely viewed as a waste of money, and the council is divided.",
         "The new stadium is widely viewed as a waste of money", None, "is widely viewed as"),
        ("The warning was echoed by several mayors on Tuesday.",
         "The warning", "several mayors", "was echoed by"),
        ("The ferry plan was criticized by the harbor pilots.",
         "The ferry plan", "the harbor pilots", "was criticized by"),
    ],
)
def test_passive_judgement(text, content, source, cue):
    src = at(text, source) if source else None
    assert spans(text) == [(at(text, content), src, at(text, cue))]


@pytest.mark.parametrize(
    "text",
    [
        # A reduced relative describes a noun; a modal makes the judgement the writer's own;
        # a participle before a place, a manner or an act judges nothing.
        "Rebels backed by the governor took the town.",
        "The square can be regarded as the heart of the town.",
        "The old tower was viewed from the ferry.",
        "The villagers were known to fish at night.",
    ],
)
def test_passive_participles_that_judge_nothing(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Arriving and ending up: "show up", "find itself" report nothing.
        "Hundreds of volunteers showed up at the library before dawn.",
        "The small clinic found itself at the center of the budget fight.",
        # A naming participle after an indefinite noun phrase gives the noun's name.
        "Her sister now runs a charity called Bread for Neighbors in the old mill.",
        # "showing" as a noun: an election result, not a poll showing something.
        "After a weak showing in the north, the party dropped its candidate.",
        # Labels and the writer's own lead-ins before a colon are no sources.
        "Still to come: the results from the three southern districts.",
        "The Latest: ferry crossings resume after the winter storm.",
    ],
)
def test_non_reporting_uses_are_no_cue(text):
    assert spans(text) == []


def test_naming_verb_after_a_subject_is_still_a_stance_cue():
    text = "The senator called the plan a betrayal of rural voters."
    assert spans(text) == [
        (at(text, "the plan a betrayal of rural voters"), at(text, "The senator"), at(text, "called"))
    ]


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # A verb of knowing or feeling before a clause whose "that" is left out.
        ("Most tenants feel they were never consulted.",
         "they were never consulted", "Most tenants", "feel"),
        ("The coach knew she would start the final.", "she would start the final", "The coach",
         "knew"),
    ],
)
def test_verbs_of_knowing_before_a_clause_without_that(text, content, source, cue):
    assert spans(text) == [(at(text, content), at(text, source), at(text, cue))]


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # A negated contraction makes a base form a verb and stands inside the source's reach.
        ("Most farmers don’t want the new dam.", "the new dam", "Most farmers", "want"),
        ("Local polls don't show a clear leader.", "a clear leader", "Local polls", "show"),
        ("The mayor doesn't believe the figures are right.", "the figures are right", "The mayor",
         "believe"),
    ],
)
def test_negated_contractions_before_the_verb(text, content, source, cue):
    assert spans(text) == [(at(text, content), at(text, source), at(text, cue))]


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # A possessive noun of deciding or promising before an infinitive.
        ("Nothing came of Ms. Osei's plan to close two branches.",
         "to close two branches", "Osei's", "plan"),
        ("Nothing came of his promise to lower bus fares.", "to lower bus fares", "his", "promise"),
    ],
)
def test_possessive_noun_before_an_infinitive(text, content, source, cue):
    assert spans(text) == [(at(text, content), at(text, source), at(text, cue))]


@pytest.mark.parametrize(
    "text",
    [
        # "to" before a noun phrase or a number is a preposition.
        "The win strengthened Ms. Osei's claim to the nomination.",
        "The fund raised its position to 3.4 percent.",
    ],
)
def test_possessive_noun_before_a_preposition_is_no_cue(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # An object pronoun, or the writer's inference from an event, is no such clause.
        "The coach knew it well.",
        "The late goal means they will play again on Sunday.",
    ],
)
def test_no_clause_after_knowing_without_that(text):
    assert spans(text) == []


@pytest.mark.parametrize(
    "text, content, cue",
    [
        # How something seems, with no source: "appear" before an adjective, "to" or a comma.
        ("The new bridge appeared unfinished.", "The new bridge appeared unfinished", "appeared"),
        ("The figures, gathered in May, appear to be wrong.",
         "The figures, gathered in May, appear to be wrong", "appear"),
    ],
)
def test_appearance_without_source(text, content, cue):
    assert spans(text) == [(at(text, content), None, at(text, cue))]


def test_appearing_somewhere_is_no_cue():
    assert spans("The senator appeared on television on Sunday.") == []
    assert spans("The senator appeared at a rally in Ohio.") == []


@pytest.mark.parametrize("wh", ["how", "why", "what", "whether"])
def test_verbs_of_knowing_before_a_question_word(wh):
    text = f"The auditors know {wh} the money was spent."
    content = f"{wh} the money was spent"
    assert spans(text) == [(at(text, content), at(text, "The auditors"), at(text, "know"))]


def test_verbs_of_knowing_without_a_clause_are_no_cue():
    assert spans("The auditors know the mayor well.") == []


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        ("The mayor hailed the court ruling.", "the court ruling", "The mayor", "hailed"),
        ("They want lower fuel taxes.", "lower fuel taxes", "They", "want"),
        ("The club is eager to sign new players.", "to sign new players", "The club", "eager"),
        ("The union balked at the new contract.", "the new contract", "The union", "balked at"),
        # A reporting verb after "reportedly" keeps its subject as the source.
        ("The agency reportedly said the cuts were final.",
         "the cuts were final", "The agency", "said"),
    ],
)
def test_more_verb_classes(text, content, source, cue):
    got = spans(text)
    assert got == [(at(text, content), at(text, source), at(text, cue))], got


def test_reportedly_attributes_its_clause_to_no_one():
    text = "The agency is reportedly planning deep cuts."
    content = "The agency is reportedly planning deep cuts"
    assert spans(text) == [(at(text, content), None, at(text, "reportedly"))]


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # One word standing for a whole answer or statement.
        ("At the meeting, most of them said yes.", "yes", "most of them", "said"),
        ("The referee said so.", "so", "The referee", "said"),
        # A quantifier of a plural pronoun is a source.
        ("Two of us agreed that the bus was late.", "that the bus was late", "Two of us",
         "agreed"),
    ],
)
def test_proform_contents_and_partitive_sources(text, content, source, cue):
    assert spans(text) == [(at(text, content), at(text, source), at(text, cue))]


def test_other_one_word_contents_are_too_short():
    assert spans("The manager said the.") == []


@pytest.mark.parametrize(
    "text, content, cue",
    [
        # A stance participle after a direct quote's cue takes its object, with the quote's
        # source: what the speaker referred to, cited or pointed to.
        ("“The pier is falling apart,” the captain said on Friday, referring to the old ferry dock.",
         "the old ferry dock", "referring to"),
        ("“We were ignored for years,” she said, citing the unanswered letters to the council.",
         "the unanswered letters to the council", "citing"),
    ],
)
def test_stance_participle_after_a_direct_quote(text, content, cue):
    got = [(a.kind, a.content.text, a.source.text if a.source else None, a.cue.text)
           for a in extract_attributions(text)]
    assert got[1:] == [("indirect", content, got[0][2], cue)], got
    assert got[0][0] == "direct"
    # A participle that is no cue ("smiling") adds nothing.
    assert [a.kind for a in extract_attributions("“It works,” she said, smiling at the crowd.")] == [
        "direct"
    ]


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # A time adjunct between the source and its verb is no source.
        ("The harbor authority on Monday said the ferry would resume.",
         "the ferry would resume", "The harbor authority", "said"),
        ("The council had last week warned that rents would rise.",
         "that rents would rise", "The council", "warned"),
        ("The zoning board on Tuesday night rejected the tower plan.",
         "the tower plan", "The zoning board", "rejected"),
    ],
)
def test_time_adjunct_before_the_verb_is_skipped(text, content, source, cue):
    assert spans(text) == [(at(text, content), at(text, source), at(text, cue))]


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # The subject of a passive verb of saying, asking or expecting is its hearer or topic,
        # not who speaks: no source.
        ("The mayor has been asked to release the full audit of the port.",
         "to release the full audit of the port", None, "asked"),
        # A passive of expecting is a forecast of the whole clause, its subject included.
        ("The merger is expected to close in March.", "The merger is expected to close in March",
         None, "expected"),
        ("The driver was told that the road was closed.", "that the road was closed", None,
         "told"),
        # An experiencer holds the view it is worried or convinced of.
        ("The farmers are worried that the river will flood.", "that the river will flood",
         "The farmers", "worried"),
    ],
)
def test_passive_subject_of_saying_is_no_source(text, content, source, cue):
    src = at(text, source) if source else None
    assert spans(text) == [(at(text, content), src, at(text, cue))]


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # "been" and aspectual verbs stand between a source and its participle of saying.
        ("The families have been demanding a new inquiry into the fire.",
         "a new inquiry into the fire", "The families", "demanding"),
        ("The coach keeps saying the team is ready for the final.",
         "the team is ready for the final", "The coach", "saying"),
        ("Several senators have begun urging the governor to resign.",
         "the governor to resign", "Several senators", "urging"),
    ],
)
def test_progressive_and_aspectual_verbs_before_the_cue(text, content, source, cue):
    assert spans(text) == [(at(text, content), at(text, source), at(text, cue))]


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        # A statement, speech or interview does not speak; whoever issued or gave it does.
        ("The port authority issued a statement saying the ferry would resume on Monday.",
         "the ferry would resume on Monday", "The port authority", "saying"),
        ("The senator gave a speech attacking the new tariffs on steel.",
         "the new tariffs on steel", "The senator", "attacking"),
        ("In an interview with a local radio station, the mayor laughed off the audit.",
         "the mayor laughed off the audit", "the mayor", "In"),
        # A survey does speak.
        ("In a new survey, most tenants opposed the rent increase.",
         "most tenants opposed the rent increase", "a new survey", "In"),
    ],
)
def test_the_issuer_of_a_medium_is_the_source(text, content, source, cue):
    assert spans(text) == [(at(text, content), at(text, source), at(text, cue))]


@pytest.mark.parametrize(
    "text",
    [
        "Her second campaign for the governorship began in a church basement.",
        "The senator's long campaign against the pipeline drew few donors.",
        "Organisers counted the party votes for the new chairman twice.",
    ],
)
def test_phrasal_noun_forms_head_a_noun_phrase(text):
    # "campaign for", "votes for" after an adjective, a noun or a possessive name an event.
    assert spans(text) == []


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        ("Teachers campaign for smaller classes every spring.", "smaller classes every spring",
         "Teachers", "campaign for"),
        ("Ms. Adeyemi will campaign against the new tolls.", "the new tolls", "Ms. Adeyemi",
         "campaign against"),
        ("The mayor campaigned for the bond measure.", "the bond measure", "The mayor",
         "campaigned for"),
    ],
)
def test_phrasal_noun_forms_after_a_subject_are_cues(text, content, source, cue):
    got = spans(text)
    assert (at(text, content), at(text, source), at(text, cue)) in got


@pytest.mark.parametrize(
    "text, content, source, cue",
    [
        ("Critics rushed to say he was wrong.", "he was wrong", "Critics", "say"),
        ("She took to Twitter to criticize the ruling.", "the ruling", "She", "criticize"),
    ],
)
def test_a_reporting_verb_after_to_still_reports(text, content, source, cue):
    # A verb of saying or judging in an infinitive of purpose reports its clause or object;
    # its source is the main clause's subject.
    assert spans(text) == [(at(text, content), at(text, source), at(text, cue))]
