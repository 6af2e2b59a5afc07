"""Quotes in the styles of other outlets and years: hand-made paragraphs with exact spans,
kinds, speakers and cues, plus pathological but realistic inputs (straight quotes only, inch
marks, headlines, bullets, capitals). The rules must hold beyond the five fixture articles."""

from __future__ import annotations

import pytest

import presslens

# (paragraph, [(quoted text, kind, speaker, cue text), ...]) in text order.
STYLES = [
    # AP crime: straight quotes, "said X, a …", a continuation with no attribution of its own.
    (
        'SPRINGFIELD, Ill. (AP) — A man accused of setting fire to a church was arrested '
        'Tuesday. "We believe he acted alone," said Lt. Maria Santos, a spokeswoman for the '
        'Springfield Police Department. "There is no further threat to the public."',
        [
            ("We believe he acted alone,", "direct", "Maria Santos", "said"),
            ("There is no further threat to the public.", "direct", "Maria Santos", "said"),
        ],
    ),
    # Reuters business: "told Reuters", a sentence-initial "According to a statement from".
    (
        "Shares of Acme fell 8% on Thursday after the company cut its forecast. “Demand in "
        "China has not recovered,” Jane Liu, the chief executive, told Reuters in an "
        "interview.\nAccording to a statement from the company, “cost cuts will continue "
        "into next year.”",
        [
            ("Demand in China has not recovered,", "direct", "Jane Liu", "told"),
            ("cost cuts will continue into next year.", "direct", "company", "According to"),
        ],
    ),
    # Guardian politics: single quotes outside, double inside; "she asked"; a description
    # before the name.
    (
        "The shadow chancellor, Rachel Reeves, was unrepentant. ‘Who is going to pay for "
        "it?’ she asked. ‘They promised “growth” and delivered nothing.’",
        [
            ("Who is going to pay for it?", "direct", "Rachel Reeves", "asked"),
            ("They promised “growth” and delivered nothing.", "direct", "Rachel Reeves", "asked"),
        ],
    ),
    # Guillemets (Swiss and French outlets in English), "said X, the …".
    (
        "The minister was defiant. «We will not retreat,» said Bruno Le Maire, the finance "
        "minister.",
        [("We will not retreat,", "direct", "Bruno Le Maire", "said")],
    ),
    # Washington Post: "X (D-Wash.), who …, said" with a partial quote; then a colon after
    # "in a statement" with the pronoun subject.
    (
        "Sen. Maria Cantwell (D-Wash.), who chairs the Commerce Committee, said the bill was "
        "“a good start.” She was more cautious in a statement on Friday: “We still have work "
        "to do.”",
        [
            ("a good start.", "partial", "Maria Cantwell", "said"),
            ("We still have work to do.", "direct", "Maria Cantwell", ":"),
        ],
    ),
    # Local sports: present-tense "says coach X", a role before the name, age apposition.
    (
        "“We just didn’t execute,” says coach Dana Whitfield, whose Tigers fell to 2-5.\n"
        "Quarterback Eli Brooks, 17, agreed. “We’ll be back next week,” he said.",
        [
            ("We just didn’t execute,", "direct", "Dana Whitfield", "says"),
            ("We’ll be back next week,", "direct", "Eli Brooks", "said"),
        ],
    ),
    # Crime: "according to police", "X told CNN", "added the department's spokesperson, Name".
    (
        "Two people were injured in the shooting, according to police. “This was a targeted "
        "attack,” Police Chief Ray Ortiz told CNN on Sunday. “We are asking anyone with "
        "information to come forward,” added the department’s spokesperson, Lena Park.",
        [
            ("This was a targeted attack,", "direct", "Ray Ortiz", "told"),
            (
                "We are asking anyone with information to come forward,",
                "direct",
                "Lena Park",
                "added",
            ),
        ],
    ),
    # A company statement over two paragraphs: the second reopens the mark; one quote.
    (
        '"The plant will close in March," the company said in a statement. "About 300 '
        "workers will be offered jobs elsewhere.\n\n"
        '"We thank our employees for their years of service."',
        [
            ("The plant will close in March,", "direct", "company", "said"),
            (
                "About 300 workers will be offered jobs elsewhere.\n\n"
                '"We thank our employees for their years of service.',
                "direct",
                "company",
                "said",
            ),
        ],
    ),
    # A group and "they".
    (
        "Democratic lawmakers walked out of the chamber on Wednesday. “This is a sham,” they "
        "said in a joint statement.",
        [("This is a sham,", "direct", "Democratic lawmakers", "said")],
    ),
    # An indefinite description with the name in apposition; the surname later.
    (
        "“Nobody expected this,” a senior White House official, Mark Chen, told reporters. "
        "Chen said the decision was “final.”",
        [
            ("Nobody expected this,", "direct", "Mark Chen", "told"),
            ("final.", "partial", "Mark Chen", "said"),
        ],
    ),
    # "said Mayor X, who …", then a continuation.
    (
        '"It was a hard decision," said Mayor Karen Bass, who announced the plan Tuesday. '
        '"But it is the right one."',
        [
            ("It was a hard decision,", "direct", "Karen Bass", "said"),
            ("But it is the right one.", "direct", "Karen Bass", "said"),
        ],
    ),
    # A nested quote from an unnamed person stays inside its outer quote.
    (
        "\"When the judge said, 'You are free to go,' I cried,\" Thompson said outside the "
        "courthouse.",
        [("When the judge said, 'You are free to go,' I cried,", "direct", "Thompson", "said")],
    ),
    # BBC: "told the BBC:" and a partial after "added that".
    (
        "Health Secretary Wes Streeting told the BBC: “The NHS is broken, but it is not beyond "
        "repair.” He added that waiting lists would “come down this year”.",
        [
            ("The NHS is broken, but it is not beyond repair.", "direct", "Wes Streeting", "told"),
            ("come down this year", "partial", "Wes Streeting", "added"),
        ],
    ),
    # Attribution in the sentence before the quote, ended by a colon.
    (
        "Mayor Luis Ortega struck a defiant tone on Monday night. He told the council: "
        "“We will not close a single library.”",
        [("We will not close a single library.", "direct", "Luis Ortega", "told")],
    ),
    # Only straight marks and apostrophes: don't, '90s, rock 'n' roll, a 6' 2" cook.
    (
        "It's the '90s all over again at Joe's Diner, where rock 'n' roll still rules. "
        '"We don\'t do trends," owner Joe Russo said. The 6\' 2" cook nodded.',
        [("We don't do trends,", "direct", "Joe Russo", "said")],
    ),
    # Parentheticals between the subject and the cue: a participle phrase, age and hometown.
    (
        "Biden, speaking at the White House, said: “We will not be intimidated.”\n"
        "Dana Price, 45, of Akron, said she was “shocked.”",
        [
            ("We will not be intimidated.", "direct", "Biden", "said"),
            ("shocked.", "partial", "Dana Price", "said"),
        ],
    ),
    # A pull quote signed with a dash.
    (
        "“Every vote counts, and every vote will be counted.” — Katie Hobbs",
        [("Every vote counts, and every vote will be counted.", "direct", "Katie Hobbs", "—")],
    ),
]


def _got(text: str) -> list:
    return [
        (q.text, q.kind, q.speaker, q.cue.text if q.cue else None)
        for q in presslens.extract_quotes(text)
    ]


@pytest.mark.parametrize("text,expected", STYLES)
def test_outlet_styles(text, expected):
    assert _got(text) == expected


def test_descriptions_are_appositive_noun_phrases():
    text = (
        "Trump, Secretary of State Marco Rubio and special envoy Steve Witkoff represented the "
        "delegation. “We made progress,” Trump said.\n"
        "After meeting the president, Putin said: “It went well.”\n"
        "“It is a mess,” said Heather Conley, a senior fellow at the Institute, who spoke by "
        "phone.\n"
        "A senior Pentagon official in the Biden administration, Celeste Wallander, said it "
        "was “a dream come true.”\n"
        "“We are ready,” said Ann Lee, a lawyer based in Ohio who once ran for mayor."
    )
    sps = {s.name: s.descriptions for s in presslens.speakers(text)}
    assert sps["Trump"] == []
    assert sps["Putin"] == []
    assert "the president" not in {m.text for s in presslens.speakers(text) for m in s.mentions
                                   if s.name == "Putin"}
    assert sps["Heather Conley"] == ["a senior fellow at the Institute"]
    assert sps["Celeste Wallander"] == ["A senior Pentagon official in the Biden administration"]
    assert sps["Ann Lee"] == ["a lawyer based in Ohio who once ran for mayor"]


def test_fixture_descriptions_have_no_clauses(articles):
    for name, text in articles.items():
        for sp in presslens.speakers(text):
            for d in sp.descriptions:
                assert " represented " not in d, (name, sp.name, d)
                # Never another person's name first.
                other = [o.name for o in presslens.speakers(text) if o.name != sp.name]
                assert not any(d.startswith(o.split()[-1]) for o in other), (name, d)


def test_they_needs_a_clear_plural_antecedent():
    qs = presslens.extract_quotes(
        "Russian officials met on Monday. “The talks are over,” they said.\n"
        "Trump and Putin met later. “It was great,” they said.\n"
        "“It was fine,” they said."
    )
    assert [(q.kind, q.speaker, q.mention.text) for q in qs] == [
        ("direct", "Russian officials", "they"),
        ("direct", None, "they"),
        ("direct", None, "they"),
    ]
    sps = {s.name: s for s in presslens.speakers(
        "Police said the suspect fled. “He is armed,” they said in a statement.")}
    assert {m.text for m in sps["police"].mentions} == {"Police", "they"}


def test_unresolved_pronoun_is_still_direct():
    (q,) = presslens.extract_quotes("“I don't know,” she asked.")
    assert (q.kind, q.speaker, q.mention.text, q.cue.text) == ("direct", None, "she", "asked")


def test_indefinite_description_with_name_is_one_speaker():
    text = "“Nothing was agreed,” a senior official in the Biden administration, Jane Doe, said."
    (q,) = presslens.extract_quotes(text)
    # The mention as written spans the description before the name (newsdev's speakers do).
    assert (q.speaker, q.mention.text) == (
        "Jane Doe",
        "a senior official in the Biden administration, Jane Doe",
    )
    (sp,) = presslens.speakers(text)
    assert sp.descriptions == ["a senior official in the Biden administration"]


# --- pathological but realistic input ------------------------------------------------------


def test_straight_quotes_apostrophes_and_inch_marks():
    text = (
        "He's a 6' 2\" guard who loves rock 'n' roll and the '90s, and he won't stop.\n"
        "Fans' chants of 'MVP' rang out. \"I don't listen,\" he said.\n"
        "The 5' 11\" rookie shrugged."
    )
    got = _got(text)
    assert [g[0] for g in got] == ["MVP", "I don't listen,"]
    assert got[1][1] == "direct" and got[1][3] == "said"


def test_headline_and_bullets():
    text = (
        "'We were lied to': families demand answers\n"
        "- \"We will win\" - Smith\n"
        "* 'It's over,' Jones said\n"
        "• “No comment.”"
    )
    got = _got(text)
    assert [g[0] for g in got] == ["We were lied to", "We will win", "It's over,", "No comment."]
    assert got[0][1:] == ("direct", "families", "demand")
    assert got[1][2:] == ("Smith", "-")
    assert got[2][1:] == ("direct", "Jones", "said")


def test_all_caps_lines():
    text = 'TRUMP SAYS "NO DEAL" WITH RUSSIA\n"THERE IS NO DEAL," TRUMP SAID.'
    got = _got(text)
    assert got[1] == ("THERE IS NO DEAL,", "direct", "Trump", "SAID")
    # All lower case: no names to find, but the quotes are still found.
    assert [q.text for q in presslens.extract_quotes(text.lower())] == [
        "no deal",
        "there is no deal,",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\"" * 5000,
        "'" * 5000,
        "'90s '80s '70s " * 500,
        "6' 2\" " * 2000,
        "“" + "A" * 100_000,
        "THEY SAID THEY SAID " * 2000,
        "they said “x” " * 2000,
        "Officials, officials, officials said “no.” " * 1000,
        "- “a” - B\n" * 2000,
    ],
)
def test_hostile_inputs_finish_with_exact_offsets(text):
    for q in presslens.extract_quotes(text):
        assert text[q.start:q.end] == q.text
        for s in (q.mention, q.cue):
            if s is not None:
                assert text[s.start:s.end] == s.text
    presslens.speakers(text)
