"""Protest, mobilisation, sanction and attack shapes: sentence -> the statement and the rule that
reads it, the context that keeps a look-alike from being a fact, and the look-alikes that state
nothing at all. On the real pinned model."""

from __future__ import annotations

import pytest

from kg.config import ONTOLOGY_DIR
from kg.lexicon import load_lexicon

LEXICON = load_lexicon(ONTOLOGY_DIR / "lexicon")

# fmt: off
# sentence -> (subject, relation, object) stated as fact, and the rule (its last part) that reads it
SHAPES = [
    ("Members of Hamas went on strike to protest Egypt's refusal to open the crossing.",
     ("hamas", "protestedAgainst", "egypt"), "dobj"),
    ("Hezbollah closed its offices to protest against Israel's policy.",
     ("hezbollah", "protestedAgainst", "israel"), "prep"),
    ("Members of the Taliban protested outside the Iranian consulate.",
     ("taliban", "protestedAgainst", "iran"), "prep"),
    ("Hamas held a demonstration outside the embassy of Jordan.",
     ("hamas", "protestedAgainst", "jordan"), "prep"),
    ("Hezbollah staged an attack on Israel.",
     ("hezbollah", "attacked", "israel"), "prep"),
    ("Moscow and Tehran signed a strategic partnership treaty.",
     ("russia", "alliedWith", "iran"), "reciprocal-compound"),
    ("Greece and Cyprus declared themselves allies.",
     ("greece", "alliedWith", "cyprus"), "members"),
    ("Syrian troops opened fire on Turkish soldiers.",
     ("syria", "attacked", "turkiye"), "light-verb"),
    ("Morocco severed diplomatic relations with Iran.",
     ("morocco", "sanctioned", "iran"), "object-prep"),
    ("Niger recalled its ambassador from France.",
     ("niger", "sanctioned", "france"), "object-prep"),
    ("Jordan withdrew its ambassador from Qatar.",
     ("jordan", "sanctioned", "qatar"), "object-prep"),
    ("Russia banned imports from Georgia.",
     ("russia", "sanctioned", "georgia"), "verb-object-prep"),
    ("Estonia's expulsion of Russian diplomats angered Moscow.",
     ("estonia", "sanctioned", "russia"), "prep"),
    ("Armenia downgraded its ties with Azerbaijan.",
     ("armenia", "sanctioned", "azerbaijan"), "object-prep"),
    ("India moved tanks to its border with China.",
     ("india", "mobilizedAgainst", "china"), "frontier"),
    ("Chinese soldiers massed along the border with India.",
     ("china", "mobilizedAgainst", "india"), "frontier-subject"),
    ("Iran massed troops on its border with Afghanistan.",
     ("iran", "mobilizedAgainst", "afghanistan"), "object-frontier"),
    # the parser hangs 'with X' on the verb and 'on the border' on the troops
    ("Iraq massed troops on the border with Kuwait.",
     ("iraq", "mobilizedAgainst", "kuwait"), "object-frontier-verb-with"),
    ("Azerbaijan placed its army on alert along the border with Armenia.",
     ("azerbaijan", "mobilizedAgainst", "armenia"), "frontier-nested"),
    ("Qatar launched a mediation effort between Sudan and Chad.",
     ("qatar", "mediatesBetween", "chad"), "compound"),
    ("Israel's bombing campaign against Hezbollah continued.",
     ("israel", "attacked", "hezbollah"), "compound"),
    ("Turkey's deployment on its border with Iraq continued.",
     ("turkiye", "mobilizedAgainst", "iraq"), "frontier"),
    ("Venezuela mobilized its army along the Colombian frontier.",
     ("venezuela", "mobilizedAgainst", "colombia"), "frontier-owner"),
    ("Russia massed troops near the Ukrainian border.",
     ("russia", "mobilizedAgainst", "ukraine"), "object-frontier-owner"),
    ("Fierce clashes broke out between Georgia and Russia.",
     ("georgia", "attacked", "russia"), "between-subject"),
    ("Heavy fighting erupted between Eritrean and Ethiopian soldiers.",
     ("eritrea", "attacked", "ethiopia"), "members"),
    ("Indian and Pakistani troops exchanged fire.",
     ("india", "attacked", "pakistan"), "members"),
    ("Lebanese youths threw stones at Israeli soldiers.",
     ("lebanon", "attacked", "israel"), "verb-object-prep"),
    ("Greek students began a hunger strike to protest against Albania.",
     ("greek-student", "protestedAgainst", "albania"), "prep"),
    ("Greek workers protested the German austerity plan.",
     ("greece", "protestedAgainst", "germany"), "dobj"),
    ("Kenyans protested Uganda's new border policy.",
     ("kenya", "protestedAgainst", "uganda"), "dobj"),
    ("Iranians held anti-Israeli demonstrations in Tehran.",
     ("iran", "protestedAgainst", "israel"), "anti"),
    ("Pakistani anti-American protests spread.",
     ("pakistan", "protestedAgainst", "united-states"), "anti"),
    ("Serbs burned the flag of NATO.",
     ("serbia", "protestedAgainst", "nato"), "object-prep"),
    ("Pakistani protesters burned American flags.",
     ("pakistani-protester", "protestedAgainst", "united-states"), "object-owner"),
    ("Chadian and Libyan forces fought for control of the strip.",
     ("chad", "attacked", "libya"), "members"),
    ("Syrian forces pulled back from Beirut.",
     ("syria", "withdrewFrom", "lebanon"), "prep-particle"),
    ("Turkey sent reinforcements to the Iraqi border.",
     ("turkiye", "mobilizedAgainst", "iraq"), "frontier-owner"),
    ("Angolan government troops retook the town from UNITA rebels.",
     ("angola", "attacked", "unita"), "prep"),
    ("Pakistani troops came under fire from Indian positions.",
     ("india", "attacked", "pakistan"), "under"),
    ("Ethiopian tanks advanced into Somalia on Sunday.",
     ("ethiopia", "attacked", "somalia"), "prep"),
    ("Azerbaijan imposed a blockade on Armenia.",
     ("azerbaijan", "attacked", "armenia"), "object-prep"),
    ("Hezbollah took two Israeli soldiers hostage.",
     ("hezbollah", "attacked", "israel"), "object-owner"),
    ("Hundreds of Iranians demonstrated at the Saudi embassy in Tehran.",
     ("iran", "protestedAgainst", "saudi-arabia"), "prep"),
    ("Greek workers protested at Germany's austerity demands.",
     ("greece", "protestedAgainst", "germany"), "prep"),
    ("Ethiopia deployed thousands of troops along its border with Eritrea.",
     ("ethiopia", "mobilizedAgainst", "eritrea"), "object-frontier-measured"),
    ("Israeli missiles hit Syrian positions.", ("israel", "attacked", "syria"), "dobj"),
    ("Syrian artillery pounded Lebanese villages.", ("syria", "attacked", "lebanon"), "dobj"),
    ("Thousands of Armenians rallied in Yerevan to denounce Azerbaijan.",
     ("armenia", "protestedAgainst", "azerbaijan"), "purpose-act"),
    ("Armenian students marched in Yerevan calling for the resignation of Prime Minister Nikol "
     "Pashinyan.", ("armenian-student", "protestedAgainst", "nikol-pashinyan"), "purpose-act"),
    ("Russia boycotted the Security Council session in protest against the United States.",
     ("russia", "protestedAgainst", "united-states"), "prep"),
    ("The Taliban seized Kabul.", ("taliban", "attacked", "afghanistan"), "dobj"),
    ("The RSF seized El Fasher from the Sudanese army.",
     ("rapid-support-forces", "attacked", "sudan"), "dobj"),
    ("Peruvian troops seized three Ecuadorean border posts.", ("peru", "attacked", "ecuador"), "dobj"),
    # the one a demonstration presses to act is what it protests against
    ("Thousands of Serbs rallied in Belgrade to press Slobodan Milosevic to resign.",
     ("serbs", "protestedAgainst", "slobodan-milosevic"), "purpose-act"),
    ("Russian miners blocked the railway to demand that the government pay their wages.",
     ("russian-miner", "protestedAgainst", "russia"), "purpose-clause"),
    # each state an unowned target lies in
    ("The United States fired cruise missiles at targets in Afghanistan and Sudan.",
     ("united-states", "attacked", "sudan"), "prep"),
]

# sentence -> a statement kept with its context but never a fact
CONTEXT = [
    ("Members of Hamas will go on strike to protest Egypt's refusal.",
     ("hamas", "protestedAgainst", "egypt"), "affirmed", "planned"),
    ("Members of Hamas did not go on strike to protest Egypt's refusal.",
     ("hamas", "protestedAgainst", "egypt"), "negated", "asserted"),
    ("Morocco might sever relations with Iran.",
     ("morocco", "sanctioned", "iran"), "affirmed", "hypothetical"),
    ("India did not move tanks to its border with China.",
     ("india", "mobilizedAgainst", "china"), "negated", "asserted"),
    ("NATO may impose a blockade on Serbia.",
     ("nato", "attacked", "serbia"), "affirmed", "hypothetical"),
    ("Russia may mass troops near the Ukrainian border.",
     ("russia", "mobilizedAgainst", "ukraine"), "affirmed", "hypothetical"),
    ("Clashes between Armenian and Azerbaijani troops could erupt.",
     ("armenia", "attacked", "azerbaijan"), "affirmed", "hypothetical"),
    ("Greek students did not stage a sit-in to protest against Albania.",
     ("greek-student", "protestedAgainst", "albania"), "negated", "asserted"),
    ("Greek workers may protest the German austerity plan.",
     ("greece", "protestedAgainst", "germany"), "affirmed", "hypothetical"),
    ("Pakistani students may stage anti-American protests.",
     ("pakistani-student", "protestedAgainst", "united-states"), "affirmed", "hypothetical"),
    ("Qatar boycotted the talks with Egypt.",
     ("qatar", "metWith", "egypt"), "negated", "asserted"),
]

# sentence -> a statement it must not make at all
LOOK_ALIKES = [
    ("Morocco cut a deal with Iran.", ("morocco", "sanctioned", "iran")),
    ("The Taliban seized Kabul.", ("taliban", "coerced", "afghanistan")),  # a city is no property
    ("Peruvian troops seized three Ecuadorean border posts.", ("peru", "coerced", "ecuador")),
    ("Kuwait hosted joint exercises with American forces.", ("kuwait", "metWith", "united-states")),
    # a demonstration 'at' an institution is held there (an embassy still stands for its state)
    ("Burmese students staged a sit-in at Rangoon University.",
     ("burmese-student", "protestedAgainst", "rangoon-university")),
    # a crowd that blockades buildings obstructs (a protest), it mounts no military blockade
    ("Thousands of Ukrainians blockaded government buildings in Kiev.",
     ("ukrainians", "attacked", "ukraine")),
    ("Mbappe scored twice as France beat Belgium.", ("france", "attacked", "belgium")),
    ("DR Congo beat Nigeria on penalties.", ("dr-congo", "attacked", "nigeria")),
    ("India beat Pakistan by seven wickets.", ("india", "attacked", "pakistan")),
    ("France beat Belgium 1-0 in Paris.", ("france", "attacked", "belgium")),  # a match score
    ("England beat Iran 6-2 in their opener.", ("england", "attacked", "iran")),
    ("Iran and the United States clashed in a World Cup match.", ("iran", "attacked", "united-states")),
    ("Pakistan clashed with India in a cricket match.", ("pakistan", "attacked", "india")),
    ("Brazil fought Argentina in the final.", ("brazil", "attacked", "argentina")),
    ("Gustavo Petro clashed with Donald Trump over the strikes.",
     ("gustavo-petro", "attacked", "donald-trump")),
    ("Georgian protesters rallied in Tbilisi calling for EU membership.",
     ("georgian-protester", "protestedAgainst", "european-union")),
    ("India sent food to its border with Nepal.", ("india", "mobilizedAgainst", "nepal")),
    ("India built a road on its border with Nepal.", ("india", "mobilizedAgainst", "nepal")),
    ("India sent food to the Nepalese border.", ("india", "mobilizedAgainst", "nepal")),
    ("India sent hundreds of tonnes of food to its border with Nepal.",
     ("india", "mobilizedAgainst", "nepal")),
    ("Western sanctions hit Iran hard.", ("united-states", "attacked", "iran")),
    ("Thousands of Serbs demonstrated to support Russia.",
     ("serbia", "protestedAgainst", "russia")),
    ("Russia massed troops near the Russian border.", ("russia", "mobilizedAgainst", "russia")),
    ("Indian and Pakistani diplomats exchanged views.", ("india", "attacked", "pakistan")),
    ("Kenyan fans threw flowers at Ugandan players.", ("kenya", "attacked", "uganda")),
    ("Pakistani students staged pro-American protests.",
     ("pakistani-student", "protestedAgainst", "united-states")),
    ("Kenyan fans waved Ugandan flags.", ("kenya", "protestedAgainst", "uganda")),
    ("Kenyan police fired tear gas at Somali refugees.", ("kenya", "attacked", "somalia")),
    ("Ugandan refugees crossed into Kenya.", ("uganda", "attacked", "kenya")),
    ("Israel holds 5,000 Palestinian prisoners.", ("israel", "attacked", "palestine")),
    ("Pakistanis rallied at the US consulate in support of American policy.",
     ("pakistan", "protestedAgainst", "united-states")),
    ("Kashmiri workers staged a general strike against India.",
     ("kashmiri-worker", "attacked", "india")),
    ("Kurdish fighters fought with US forces against Syria.",
     ("kurdish-fighter", "attacked", "united-states")),
    ("Greece rejected a call to protest against Albania.",
     ("greece", "protestedAgainst", "albania")),
    ("Members of Hamas rallied outside the Qatari embassy in solidarity with Qatar.",
     ("hamas", "protestedAgainst", "qatar")),
    ("Hamas held a vigil outside the Turkish embassy in memory of the victims.",
     ("hamas", "protestedAgainst", "turkiye")),
    ("Members of Hamas gathered outside the Qatari embassy to thank Qatar.",
     ("hamas", "protestedAgainst", "qatar")),
    # a bare 'protested X's decision' may be a complaint, not a demonstration
    ("Greece protested Turkey's decision.", ("greece", "protestedAgainst", "turkiye")),
    ("Greek officials protested Turkey's decision.", ("greece", "protestedAgainst", "turkiye")),
]
# fmt: on


def _statements(claims) -> dict[tuple[str, str, str], list]:
    found: dict[tuple[str, str, str], list] = {}
    for claim in claims:
        found.setdefault((claim.subject, claim.relation, claim.object), []).append(claim)
    return found


@pytest.mark.parametrize(("sentence", "triple", "shape"), SHAPES)
def test_the_shape_states_the_fact(claims_of, sentence, triple, shape):
    claims = _statements(claims_of(sentence)).get(triple, [])
    assert any(c.is_fact for c in claims), f"no fact {triple}"
    assert shape in {c.rule.rsplit("/", 1)[-1] for c in claims if c.is_fact}


@pytest.mark.parametrize(("sentence", "triple", "polarity", "modality"), CONTEXT)
def test_a_planned_denied_or_possible_act_is_no_fact(
    claims_of, sentence, triple, polarity, modality
):
    claims = _statements(claims_of(sentence)).get(triple, [])
    assert claims, f"no statement {triple}"
    assert {(c.polarity, c.modality) for c in claims} == {(polarity, modality)}
    assert not any(c.is_fact for c in claims)


@pytest.mark.parametrize(("sentence", "triple"), LOOK_ALIKES)
def test_a_look_alike_states_nothing(claims_of, sentence, triple):
    assert triple not in _statements(claims_of(sentence))


def test_the_lemma_corrections_fix_what_the_model_gets_wrong(nlp):
    doc = nlp("Students staged a sit-in while others were staging a march.")
    assert [t.lemma_ for t in doc if t.lower_ in ("staged", "staging")] == ["stage", "stage"]


def test_object_and_purpose_nouns_are_lowercase_lemmas():
    for trigger in LEXICON.triggers:
        nouns = LEXICON[trigger.object_nouns] if trigger.object_nouns else ()
        for word in (*nouns, *trigger.unless):
            assert " " not in word and word == word.lower()
    assert any(t.frontier for t in LEXICON.triggers) and LEXICON["frontier_nouns"]
