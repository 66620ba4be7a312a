"""The data that drives extraction: lexicons and gazetteer agree with the ontology and load cleanly."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
import spacy
from spacy.language import Language

from kg.config import ONTOLOGY_DIR, Settings
from kg.corpus import read_corpus
from kg.errors import KgError
from kg.extract import extract
from kg.extract.roles import _role, may_be_title
from kg.lexicon import ROLE_TITLES, Lexicon, RoleTitle, load_lexicon
from kg.model import Article
from kg.nlp import build_pipeline, newline_sentences
from kg.resolve import load_gazetteer
from kg.schema import relations

LEXICON = load_lexicon(ONTOLOGY_DIR / "lexicon")
GAZETTEER = load_gazetteer(ONTOLOGY_DIR)


def test_every_trigger_names_a_relation_of_the_ontology():
    names = set(relations())
    assert {t.relation for t in LEXICON.triggers} <= names
    assert {t.prospective for t in LEXICON.triggers if t.prospective} <= names
    assert {r.relation for r in LEXICON.roles.values()} <= names


def test_every_core_relation_has_triggers():
    core = {"alliedWith", "metWith", "spokeWith", "threatens", "condemned"}
    assert core <= {t.relation for t in LEXICON.triggers}


@pytest.mark.parametrize(
    ("marker", "within"),
    [
        # a marker list only says more about words another list already reads
        ("deed_nouns", "proposal_nouns"),
        ("affirming_negatives", "negative_verbs"),
        ("directive_verbs", "object_control_verbs"),
        ("patient_nouns", "proposal_nouns"),
    ],
)
def test_a_marker_list_is_part_of_the_list_it_marks(marker, within):
    assert LEXICON[marker] <= LEXICON[within]


def test_triggers_are_single_lowercase_lemmas():
    for trigger in LEXICON.triggers:
        # an adjective takes a preposition ('opposed to X') or states an intention ('ready to
        # ...'); a preposition is read only through its nouns ('despite American objections')
        assert (
            trigger.pos in ("VERB", "NOUN")
            or (trigger.pos == "ADJ" and (trigger.intent or (trigger.preps and not trigger.dobj)))
            or (trigger.pos == "ADP" and trigger.object_nouns)
        )
        assert all(" " not in lemma and lemma == lemma.lower() for lemma in trigger.lemmas)


def test_a_broken_lexicon_line_is_reported_with_file_and_line(tmp_path):
    lexicon_dir = tmp_path / "lexicon"
    shutil.copytree(ONTOLOGY_DIR / "lexicon", lexicon_dir)
    with (lexicon_dir / "triggers.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"relation": "metWith", \n')
    lines = (lexicon_dir / "triggers.jsonl").read_text(encoding="utf-8").splitlines()
    with pytest.raises(KgError, match=rf"triggers.jsonl:{len(lines)}: invalid lexicon line"):
        load_lexicon(lexicon_dir)


def _attackers(nlp: Language, text: str) -> set[str]:
    """Who `nlp` says attacks in `text`, whatever the modality."""
    article = Article(id="test", text=text, date=dt.date(2024, 8, 5))
    extraction = extract(nlp(text), article, nlp.get_pipe("kg_actors").gazetteer)
    return {c.subject for c in extraction.claims if c.relation == "attacked"}


def test_a_users_own_control_verbs_say_who_is_asked_to_act(nlp, tmp_path):
    """Who does what an infinitive says is data: a lexicon copy adding a verb the shipped lists
    lack ('steer', 'prevail on') makes its object act, where the shipped lexicon has the subject."""
    ontology = tmp_path / "ontology"
    shutil.copytree(Settings().ontology_dir, ontology)
    context = ontology / "lexicon" / "context.json"
    data = json.loads(context.read_text(encoding="utf-8"))
    data["object_control_verbs"].append("steer")
    data["called_on_verbs"]["prevail"] = "on"
    context.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    own = build_pipeline(Settings(ontology_dir=ontology))
    for text in (
        "Iran steered Hezbollah to attack Israel.",
        "Iran prevailed on Hezbollah to attack Israel.",
    ):
        assert "hezbollah" not in _attackers(nlp, text)
        assert _attackers(own, text) == {"hezbollah"}


@pytest.mark.parametrize(
    ("name", "key", "kind"),
    [
        ("Iran", "iran", "State"),
        ("Islamic Republic", "iran", "State"),
        ("U.S.", "united-states", "State"),
        ("the Kremlin", "russia", "State"),
        ("White House", "united-states", "State"),
        ("Netanyahu", "benjamin-netanyahu", "Person"),
        ("Hamas", "hamas", "Group"),
        ("CENTCOM", "us-central-command", "Organization"),
        ("Axios", "source/axios", "Source"),
        ("Tehran", "tehran", "Place"),
    ],
)
def test_gazetteer_resolves_names_aliases_and_metonyms(name, key, kind):
    entry = GAZETTEER.lookup(name)
    assert (entry.key, entry.kind) == (key, kind)


def test_a_capital_knows_its_state_and_a_demonym_names_its_state():
    assert GAZETTEER.lookup("Moscow").stands_for == "russia"
    brussels = GAZETTEER.lookup("Brussels")  # the EU's seat, in Belgium
    assert (brussels.stands_for, brussels.country) == ("european-union", "belgium")
    assert GAZETTEER.demonym_state("Iranian").key == "iran"


@pytest.mark.parametrize(
    ("name", "demonym"),
    [("Poland", "Polish"), ("Sweden", "Swedish"), ("Spain", "Spanish"), ("Iran", "Iranian")],
)
def test_a_state_names_its_people_by_the_adjective_not_the_noun_for_one_person(name, demonym):
    assert GAZETTEER.demonym_of(GAZETTEER.lookup(name).key) == demonym


def test_entity_ruler_patterns_carry_the_gazetteer_key():
    patterns = {(p["pattern"], p["label"]): p["id"] for p in GAZETTEER.patterns()}
    assert patterns[("Israeli", "NORP")] == "israel"
    assert patterns[("Haniyeh", "PERSON")] == "ismail-haniyeh"
    assert patterns[("the Kremlin", "ORG")] == "russia"


def test_a_line_break_starts_a_sentence_and_keeps_the_closing_quote():
    nlp = spacy.blank("en")
    doc = newline_sentences(nlp('He said "no."\nThey met.'))
    closing_quote = [t for t in doc if t.text == '"'][-1]
    assert [t.text for t in doc if t.is_sent_start] == ["He", "They"]
    assert closing_quote.is_sent_start is False


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Headline\nFirst line\n\nSecond paragraph", ["Headline", "First", "Second"]),
        ("One line\n", ["One"]),
        ("\nAfter a leading break", ["\n", "After"]),
        ("No break at all", ["No"]),
        # a wire dateline is a sentence of its own; a dash inside a story is none
        ("BEIRUT (Reuters) - Israel struck Gaza.", ["BEIRUT", "Israel"]),
        ("KABUL, Afghanistan -- The Taliban met.", ["KABUL", "The"]),
        ("Lead\nMOSCOW (AFP) \u2014 Russia met Iran.", ["Lead", "MOSCOW", "Russia"]),
        ("WASHINGTON - Biden met Xi.", ["WASHINGTON", "Biden"]),
        ("KYIV, Dec 3 (Reuters) - Russia struck Kyiv.", ["KYIV", "Russia"]),  # with its date
        ("GAZA, Oct. 9 -- Hamas met Egypt.", ["GAZA", "Hamas"]),
        ("UN 2 - 1 vote.", ["UN"]),
        ("US - China talks resumed.", ["US"]),
        ("UN-backed forces - it said - attacked.", ["UN"]),
        ("Israel - the army said - struck Gaza.", ["Israel"]),
    ],
)
def test_every_line_break_and_dateline_starts_a_sentence(text, starts):
    doc = newline_sentences(spacy.blank("en")(text))
    assert [t.text for t in doc if t.is_sent_start] == starts


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Students staged a sit-in outside the embassy.", "sit-in"),
        ("Sit-ins spread to Haifa.", "Sit-ins"),
        ("Russia began a build-up near Ukraine.", "build-up"),
        ("Norway acted as a go-between.", "go-between"),
    ],
)
def test_a_hyphenated_lexicon_word_is_one_token(nlp, text, whole):
    assert whole in [t.text for t in nlp.make_doc(text)]


def test_a_rank_in_a_names_capitals_stays_split(nlp):
    # the tagger reads 'Lieutenant - General Herzi Halevi' as a name; whole, as an adjective
    assert "Lieutenant-General" not in [
        t.text for t in nlp.make_doc("Lieutenant-General Herzi Halevi met Kurilla.")
    ]


def test_the_cheap_title_test_passes_every_noun_a_title_is_read_from(nlp, seeds_dir):
    """`may_be_title` runs first on every noun: it must never reject one `_role` reads."""
    lexicon = nlp.get_pipe("kg_relations").lexicon
    texts = [article.text for article in read_corpus([seeds_dir])]
    titled = [t for doc in nlp.pipe(texts) for t in doc if _role(t, lexicon, set()) is not None]
    assert titled
    assert all(may_be_title(t, lexicon) for t in titled)


def test_heads_are_the_last_words_of_a_lists_entries():
    lexicon = Lexicon(
        triggers=(),
        roles={
            "prime minister": RoleTitle("prime minister", "leaderOf"),
            "envoy": RoleTitle("envoy", "memberOf"),
        },
        words={"sector_nouns": frozenset({"security services", "officials"})},
    )
    assert lexicon.heads("sector_nouns") == {"services", "officials"}
    assert lexicon.heads(ROLE_TITLES) == {"minister", "envoy"}
