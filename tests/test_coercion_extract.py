"""Coercion, concession, investigation and withdrawal (PLOVER COERCE, CONCEDE, INVESTIGATE,
RETREAT): sentence -> facts on the real pinned model, with the look-alikes that must stay silent.
"""

from __future__ import annotations

import pytest

from kg.config import Settings
from kg.extract.patterns import patterns
from kg.lexicon import Trigger, load_lexicon

# fmt: off
# sentence -> the facts it states, exactly
FACTS = [
    # coerced: arrest, detention, deportation, bans, curfews, crackdowns, seizures
    ("Uganda arrested Bobi Wine.", {("uganda", "coerced", "bobi-wine")}),
    # attacks on computers and networks (CAMEO 176)
    ("Russia launched a cyberattack on Estonia's government networks.", {("russia", "coerced", "estonia")}),
    ("North Korea's hacking of Sony angered Washington.", {("north-korea", "coerced", "sony")}),
    ("Iranian police detained the British journalist Jason Rezaian.", {("iran", "coerced", "jason-rezaian")}),
    ("Kenya deported two Ugandan activists.", {("kenya", "coerced", "ugandan-activist")}),
    ("Turkey outlawed the Kurdistan Workers' Party.", {("turkiye", "coerced", "kurdistan-workers-party")}),
    ("Ethiopia declared a state of emergency in Tigray.", {("ethiopia", "coerced", "tigray")}),
    ("The arrest of Alexei Navalny by Russia shocked Europe.", {("russia", "coerced", "alexei-navalny")}),
    # occupying territory is fighting (CAMEO 192), no coercion; a crowd that occupies protests
    ("Iraq occupied Kuwait.", {("iraq", "attacked", "kuwait")}),
    ("Kenyan students occupied the Ugandan embassy.", {("kenyan-student", "protestedAgainst", "uganda")}),
    ("Iraqi demonstrators stormed the Swedish embassy.", {("iraqi-demonstrator", "protestedAgainst", "sweden")}),
    # a state's island, region or enclave is the state's
    ("Iraqi forces occupied the Kuwaiti island of Bubiyan.", {("iraq", "attacked", "kuwait")}),
    ("Turkish troops attacked the Kurdish region of northern Iraq.",
     {("turkiye", "attacked", "iraq")}),
    ("China cracked down on the Uyghurs.", {("china", "coerced", "uyghurs")}),
    ("Israel rounded up 50 Palestinians.", {("israel", "coerced", "palestine")}),
    # concededTo: eased restrictions, yielding to demands (releases: released)
    ("Turkey lifted the ban on the Kurdistan Workers' Party.", {("turkiye", "concededTo", "kurdistan-workers-party")}),
    ("The EU eased sanctions on Belarus.", {("european-union", "concededTo", "belarus")}),
    ("Israel's release of Palestinian prisoners angered settlers.", {("israel", "released", "palestine")}),
    ("Egypt legalized the Muslim Brotherhood.", {("egypt", "concededTo", "muslim-brotherhood")}),
    # met demands, gave in: a concession to the demand's author; one meets parties, not their acts
    ("Sudan met the demands of the African Union.", {("sudan", "concededTo", "african-union")}),
    ("Chile heeded Bolivia's ultimatum.", {("chile", "concededTo", "bolivia")}),
    ("The Serbian government gave in to NATO demands.", {("serbia", "concededTo", "nato")}),
    ("Chile met Bolivia's proposal.", set()),
    # dropping one's objection or veto yields to the one it stood against, and rejects no one
    ("Turkey dropped its objections to Sweden's membership.", {("turkiye", "concededTo", "sweden")}),
    ("Turkey lifted its veto on Finland's membership.", {("turkiye", "concededTo", "finland")}),
    ("Hungary abandoned its opposition to Ukraine.", {("hungary", "concededTo", "ukraine")}),
    ("Hungary maintained its opposition to Ukraine.", {("hungary", "rejected", "ukraine")}),
    # expelled people are coerced; expelled envoys and inspectors reduce relations
    ("Serbian troops expelled ethnic Albanians from their villages.", {("serbia", "coerced", "albania")}),
    ("Egypt expelled three Sudanese diplomats.", {("egypt", "sanctioned", "sudan")}),
    ("Iraq expelled UN inspectors.", {("iraq", "sanctioned", "united-nations")}),
    # troops that leave a state withdraw; a president who leaves one travels
    ("Ethiopian troops left Somalia in January.", {("ethiopia", "withdrewFrom", "somalia")}),
    ("Putin left Russia for Turkey.", set()),
    ("Syria reduced its troop presence in Lebanon.", {("syria", "withdrewFrom", "lebanon")}),
    # control handed over is conceded; offices shut down are coerced, a border shut is a sanction
    ("Israel handed over control of Jericho to the Palestinians.", {("israel", "concededTo", "palestine")}),
    ("Turkish authorities shut down the offices of the Kurdish party.", {("turkiye", "coerced", "kurdish-party")}),
    ("Turkey shut down its border with Syria.", {("turkiye", "sanctioned", "syria")}),
    ("Iranian boats were seized by the British navy.", {("united-kingdom", "coerced", "iran")}),
    ("Kenyan police fired tear gas at Somali refugees.", {("kenya", "coerced", "somalia")}),
    # protests called off concede to their target (CAMEO 082); hacked systems are coerced (176)
    ("The Tuareg ended their revolt against Mali.", {("tuareg", "concededTo", "mali")}),
    ("Russian hackers hacked the German parliament.", {("russian-hacker", "coerced", "germany")}),
    # an arrest warrant for X is legal action against X (CAMEO 173)
    ("The ICC issued an arrest warrant for Vladimir Putin.",
     {("international-criminal-court", "coerced", "vladimir-putin")}),
    # ... but people hacked (or burned, clubbed) to death are attacked
    ("Sudanese soldiers hacked two Eritrean farmers to death.", {("sudan", "attacked", "eritrea")}),
    # a state's journalists and sailors are its civilians
    ("Russia jailed a Ukrainian journalist.", {("russia", "coerced", "ukraine")}),
    ("Iran detained Indian sailors.", {("iran", "coerced", "india")}),
    # investigated
    ("The United Nations is investigating abuses by Myanmar.", {("united-nations", "investigated", "myanmar")}),
    ("The UN investigated the treatment of Afghan refugees.", {("united-nations", "investigated", "afghanistan")}),
    # an inquiry into someone's crimes investigates their author, never their victims
    ("The ICC opened an investigation into Russia's war crimes.", {("international-criminal-court", "investigated", "russia")}),
    ("The UN began an inquiry into the atrocities of Ethiopian troops.", {("united-nations", "investigated", "ethiopia")}),
    ("Russia opened an investigation into the killing of Ukrainian soldiers.", set()),
    # withdrewFrom
    ("Iraq withdrew its troops from Kuwait.", {("iraq", "withdrewFrom", "kuwait")}),
    # object_kinds + intransitive: from a state, with no object of the verb's own
    ("Russia withdrew from Syria.", {("russia", "withdrewFrom", "syria")}),
    ("Mali withdrew from the African Union.", set()),
    ("France withdrew its ambassador from Mali.", {("france", "sanctioned", "mali")}),  # no withdrawal
    # manner: custody nouns after a preposition of the verb
    ("Egypt placed Mohamed Morsi under house arrest.", {("egypt", "coerced", "mohamed-morsi")}),
    ("Egypt placed its troops under UN command.", set()),
    # released and admitted (PLOVER RETREAT)
    ("Azerbaijan freed two Armenian soldiers.", {("azerbaijan", "released", "armenia")}),
    ("Iraq returned the remains of Kuwaiti soldiers to Kuwait.", {("iraq", "released", "kuwait")}),
    ("Iraq returned Kuwaiti archives to Kuwait.", {("iraq", "concededTo", "kuwait")}),
    # whose monitors are named: 'from' is where they are expelled from; trade 'in' a state is
    # aimed at it, whoever invests
    ("Slobodan Milosevic threatened to expel NATO monitors from Kosovo.",
     {("slobodan-milosevic", "threatens", "nato")}),
    ("The US banned American investment in Iran.", {("united-states", "sanctioned", "iran")}),
    ("Radovan Karadzic threatened to expel U.N. peacekeepers from Bosnian Serb territory.",
     {("radovan-karadzic", "threatens", "united-nations")}),
    # a hostage-taking is an event whose perpetrator a condemnation names
    ("Russia condemned the hostage-taking by Chechen rebels.", {("russia", "condemned", "chechen-rebel")}),
    # demolished homes coerce their owners
    ("Israel demolished the homes of two Hamas militants.", {("israel", "coerced", "hamas")}),
    ("The city demolished old houses.", set()),
    # a sentence is a punishment, no accusation
    ("A Turkish court sentenced Abdullah Ocalan to death.", {("turkiye", "coerced", "abdullah-ocalan")}),
    # a ruler's own state is the frame of a coercion or concession, not its party
    ("Peru's President Alberto Fujimori declared a state of emergency in Lima.",
     {("alberto-fujimori", "leaderOf", "peru")}),
    # a closure's 'of' is the place closed; a number's 'of' whom it counts
    ("Israel lifted its closure of the Gaza Strip.", {("israel", "concededTo", "palestine")}),
    ("Hamas freed two of the Israeli hostages.", {("hamas", "released", "israel")}),
    ("Syria allowed UN inspectors into the site.", {("syria", "admitted", "united-nations")}),
    ("Israel's withdrawal from Lebanon ended the occupation.", {("israel", "withdrewFrom", "lebanon")}),
    ("Russia halted its offensive against Kyiv.", {("russia", "withdrewFrom", "ukraine")}),
    ("Israel ended its occupation of Lebanon.", {("israel", "withdrewFrom", "lebanon")}),
    # look-alikes: no actor, a document, talks, an envoy, an organization, a victim
    ("Police arrested 20 protesters in Istanbul.", set()),
    ("Venezuela released a statement on Colombia.", set()),
    # leaving talks is no military withdrawal; it halts them (CAMEO 164)
    ("Russia withdrew from the talks with Ukraine.", {("russia", "sanctioned", "ukraine")}),
    ("France withdrew its ambassador from Niger.", {("france", "sanctioned", "niger")}),  # CAMEO 161
    ("Burkina Faso withdrew from ECOWAS.", set()),
    ("The UN investigated the killing of Shireen Abu Akleh.", set()),
]

# sentence, (subject, relation, object), polarity, modality: kept as evidence, never a fact
CONTEXT = [
    ("Egypt did not arrest Ayman Nour.", ("egypt", "coerced", "ayman-nour"), "negated", "asserted"),
    ("Egypt may arrest Ayman Nour.", ("egypt", "coerced", "ayman-nour"), "affirmed", "hypothetical"),
    ("Serbia did not give in to NATO demands.", ("serbia", "concededTo", "nato"), "negated", "asserted"),
    ("Kenyan students did not end their protests against Uganda.",
     ("kenyan-student", "concededTo", "uganda"), "negated", "asserted"),
    ("Kenya plans to deport Ugandan activists.", ("kenya", "coerced", "ugandan-activist"), "affirmed", "planned"),
    ("Serbia refused to lift the curfew in Kosovo.", ("serbia", "concededTo", "kosovo"), "negated", "asserted"),
    ("Turkey refused to drop its objections to Sweden's bid.", ("turkiye", "concededTo", "sweden"), "negated", "asserted"),
    ("Hungary dropped its objections to Ukraine.", ("hungary", "rejected", "ukraine"), "negated", "asserted"),
    ("Hamas will release Israeli hostages.", ("hamas", "released", "israel"), "affirmed", "planned"),
    ("President Bouteflika is prepared to lift the ban on the Islamic Salvation Front.",
     ("abdelaziz-bouteflika", "concededTo", "islamic-salvation-front"), "affirmed", "planned"),
    ("The ICC declined to investigate Israel.", ("international-criminal-court", "investigated", "israel"), "negated", "asserted"),
    ("Brazil may investigate Jair Bolsonaro.", ("brazil", "investigated", "jair-bolsonaro"), "affirmed", "hypothetical"),
    ("Russia refused to withdraw its troops from Moldova.", ("russia", "withdrewFrom", "moldova"), "negated", "asserted"),
    ("Armenia could withdraw its forces from Azerbaijan.", ("armenia", "withdrewFrom", "azerbaijan"), "affirmed", "hypothetical"),
    ("Israel did not halt its offensive against Hezbollah.", ("israel", "withdrewFrom", "hezbollah"), "negated", "asserted"),
]
# fmt: on


def _facts(claims) -> set[tuple[str, str, str]]:
    return {(c.subject, c.relation, c.object) for c in claims if c.is_fact}


@pytest.mark.parametrize(("sentence", "expected"), FACTS)
def test_sentence_states_exactly_these_facts(claims_of, sentence, expected):
    assert _facts(claims_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "triple", "polarity", "modality"), CONTEXT)
def test_denied_and_unrealised_acts_are_kept_but_not_facts(
    claims_of, sentence, triple, polarity, modality
):
    claims = [c for c in claims_of(sentence) if (c.subject, c.relation, c.object) == triple]
    assert claims, f"no statement {triple}"
    assert {(c.polarity, c.modality) for c in claims} == {(polarity, modality)}
    assert triple not in _facts(claims_of(sentence))


def test_a_verb_with_object_nouns_requires_one_of_them_in_every_shape():
    lexicon = load_lexicon(Settings().ontology_dir / "lexicon")
    trigger = Trigger(
        "concededTo", "VERB", ("lift",), dobj=False, preps=("on",), object_nouns="restriction_nouns"
    )
    shapes = dict(patterns(trigger, lexicon))
    assert set(shapes) == {
        "object-prep",
        "verb-object-prep",
        "passive-prep",
        "passive-object-prep",
        "prep-object-prep",
        "verb-prep-object-prep",
        "measure-prep",
        "measure-object-prep",
        "measure-thing-prep",
        "compound-object-prep",
        "verb-compound-object-prep",
        "measure-compound-object-prep",
        "object-participle-prep",
    }
    nouns = sorted(lexicon["restriction_nouns"])
    for pattern in shapes.values():
        (thing,) = [node for node in pattern if node["RIGHT_ID"] == "thing"]
        assert thing["RIGHT_ATTRS"]["LEMMA"] == {"IN": nouns}


def test_every_object_nouns_line_names_a_context_list():
    lexicon = load_lexicon(Settings().ontology_dir / "lexicon")
    named = {t.object_nouns for t in lexicon.triggers if t.object_nouns}
    assert named and named <= lexicon.words.keys()
