"""Verbal conflict (demand, reject, threaten, disapprove): the shapes beyond a plain object, on
the real pinned model. Sentence-level scores are in tests/gold/speech.jsonl; these tests pin the
statements themselves (which word triggers them, their polarity and modality).
"""

from __future__ import annotations

import pytest

from kg.config import ONTOLOGY_DIR
from kg.lexicon import load_lexicon
from kg.schema import relations

LEXICON = load_lexicon(ONTOLOGY_DIR / "lexicon")


def _facts(claims) -> set[tuple[str, str, str]]:
    return {(c.subject, c.relation, c.object) for c in claims if c.is_fact}


# fmt: off
# sentence -> the facts it states, exactly
SHAPES = [
    ("Kenya called for Uganda to free the reporters.", {("kenya", "demanded", "uganda")}),
    # a leader's own troops are the means of the threatened act, not its target
    ("Trump threatened to send US troops into Nigeria.", {("donald-trump", "threatens", "nigeria")}),
    ("Orban said he would not back new sanctions unless Budapest received guarantees.", set()),
    ("Norway told Russia to return the trawler.", {("norway", "demanded", "russia")}),
    ("Egypt appealed to Sudan to reopen the border.", {("egypt", "demanded", "sudan")}),
    ("China demanded the withdrawal of Indian troops.", {("china", "demanded", "india")}),
    ("Ethiopia demanded a truce with Eritrea.", {("ethiopia", "demanded", "eritrea")}),
    ("Serbia repeated its demand that Kosovo dismantle the units.",
     {("serbia", "demanded", "kosovo")}),
    ("Greece issued a statement demanding that Turkey halt the drilling.",
     {("greece", "demanded", "turkiye")}),
    ("Iran threatened to close the strait if the United States attacked.",
     {("iran", "threatens", "united-states")}),
    ("Iran warned of retaliation against Israel.", {("iran", "threatens", "israel")}),
    ("Chile turned down Peru's offer.", {("chile", "rejected", "peru")}),
    ("Chile hit out at Peru.", {("chile", "condemned", "peru")}),
    ("Qatar sued the United Arab Emirates.", {("qatar", "accused", "united-arab-emirates")}),
    ("Japan lambasted North Korea.", {("japan", "condemned", "north-korea")}),
    ("Poland summoned the Belarusian ambassador.", {("poland", "condemned", "belarus")}),
    ("Latvia summoned the envoy of Russia.", {("latvia", "condemned", "russia")}),
    ("Canada imposed tariffs on Mexico.", {("canada", "sanctioned", "mexico")}),
    ("Sanctions were imposed on Belarus by Lithuania.", {("lithuania", "sanctioned", "belarus")}),
    ("Hezbollah launched rockets at Israel.", {("hezbollah", "attacked", "israel")}),
    ("Bolivia warned it would leave the talks unless Peru withdrew.",
     {("bolivia", "threatens", "peru")}),
    # look-alikes: the release of X does not ask X to act; a particle verb needs its particle;
    # the subject of a condition naming the threatener itself; a resolution's demand
    ("Norway demanded the release of Russian fishermen.", set()),
    ("Chile turned to Peru.", set()),
    ("Iran threatened to walk out if it was not consulted.", set()),
    ("Israel rejected a resolution demanding that Syria withdraw.", set()),
    # one's own envoy; a curfew is no sanction; an inquiry or a campaign is no attack
    ("Hungary summoned its ambassador to Sweden.", set()),
    ("Ethiopia imposed a curfew on Eritrea.", {("ethiopia", "coerced", "eritrea")}),
    # a deed's 'of' is its author; what an occupation or a detention is 'of' was done to
    ("Germany condemned the policies of China.", {("germany", "condemned", "china")}),
    ("France criticized the actions of Israel in Gaza.", {("france", "condemned", "israel")}),
    # a rejection or refusal is its author's deed
    ("Egypt criticised Israel's refusal to withdraw.", {("egypt", "condemned", "israel")}),
    # a presence or deployment 'of' troops is their state's
    ("Russia condemned the deployment of NATO troops.", {("russia", "condemned", "nato")}),
    ("South Koreans protested the presence of US troops.",
     {("south-korea", "protestedAgainst", "united-states")}),
    ("Germany condemned Russia's atrocities.", {("germany", "condemned", "russia")}),
    ("Germany condemned war crimes committed by Russia.", {("germany", "condemned", "russia")}),
    ("Egypt condemned the occupation of Lebanon.", set()),
    # a concession or an admission denied for the future is a refusal (CAMEO 124): rejected
    ("Serbia will not give in to NATO demands.", {("serbia", "rejected", "nato")}),
    ("Iran will not admit IAEA inspectors.", {("iran", "rejected", "international-atomic-energy-agency")}),
    ("Serbia did not give in to NATO demands.", set()),
    # names of the archive's states
    ("Greece condemned Macedonia.", {("greece", "condemned", "north-macedonia")}),
    ("Uganda condemned Zairean troops.", {("uganda", "condemned", "dr-congo")}),
    # a label that censures, as the predicate or its modifier
    ("Iran called Israel a terrorist state.", {("iran", "condemned", "israel")}),
    ("Putin called Zelensky a Nazi.", {("vladimir-putin", "condemned", "volodymyr-zelensky")}),
    ("The UN called Israel a state.", set()),
    # disapproval of an act, concern over troop movements, a verdict of guilt
    ("France voiced its disapproval of Italy's migration policy.", {("france", "condemned", "italy")}),
    ("The Kenyan government expressed concern over Uganda's troop movements.", {("kenya", "condemned", "uganda")}),
    ("A Turkish court found Demirtas guilty.", {("turkiye", "accused", "demirtas")}),
    ("Egypt deemed Israel responsible for the attack.", {("egypt", "accused", "israel")}),
    ("Egypt deemed Israel responsible for security in Gaza.", set()),
    ("Kenya condemned the detention of Ugandan activists.", set()),
    ("Chile launched an inquiry into Peru.", {("chile", "investigated", "peru")}),
    ("Pakistan launched a diplomatic campaign against India.", set()),
    # an ultimatum is the speaker's own act on 'unless': not a forecast, not an offer
    ("The IMF said Greece would default unless the European Union agreed.", set()),
    ("Colombia said it would resume the talks if Ecuador agreed.", set()),
    # the mandative subjunctive is a demand, and what is demanded is not done
    ("Japan insisted that China stop its incursions.", {("japan", "demanded", "china")}),
    ("India insisted that Pakistan recognise Israel.", {("india", "demanded", "pakistan")}),
    ("Brazil said Paraguay must recognise Bolivia.", {("brazil", "demanded", "paraguay")}),
    ("Germany insisted that Greece would repay its debts.", set()),
    ("Russia insisted that Ukraine attacked first.", set()),
    # disapproval as a feeling voiced about an act, an objection, a warning noun
    ("Norway expressed concern over Russia's treatment of the dissidents.",
     {("norway", "condemned", "russia")}),
    ("Sudan voiced anger at Chad's decision.", {("sudan", "condemned", "chad")}),
    ("Fiji strongly objected to New Zealand's decision.", {("fiji", "condemned", "new-zealand")}),
    ("Eritrea issued a stern warning to Djibouti.", {("eritrea", "threatens", "djibouti")}),
    ("Ministers expressed concern over the situation in Yemen.", set()),
    ("Iran expressed concern over Israeli civilians killed in the attack.", set()),
    # an end to an act is demanded of its author; a charge accuses; blocking a proposal rejects
    ("Syria demanded an end to Israel's occupation of the Golan.",
     {("syria", "demanded", "israel")}),
    ("Qatar called for an end to the Saudi blockade.", {("qatar", "demanded", "saudi-arabia")}),
    ("The envoy called for an end to the violence in Darfur.", set()),
    ("Libya charged that Egypt was arming Chadian rebels.", {("libya", "accused", "egypt")}),
    ("Turkey blocked Sweden's bid to join NATO.", {("turkiye", "rejected", "sweden")}),
    ("Protesters blocked the road to the Iranian embassy.", set()),
    # an act or an actor described with a word of the line's `predicate` list
    ("Jordan called Israel's decision unacceptable.", {("jordan", "condemned", "israel")}),
    ("Iran described the American move as a provocation.",
     {("iran", "condemned", "united-states")}),
    ("Oman said the Israeli decision was illegal.", {("oman", "condemned", "israel")}),
    ("Russia held Ukraine responsible for the attack.", {("russia", "accused", "ukraine")}),
    ("Peru called the Chilean accusations absurd.", {("peru", "rejected", "chile")}),
    ("Syria rejected the demands of Turkey.", {("syria", "rejected", "turkiye")}),
    ("Israel rejected the ceasefire proposed by Egypt.", {("israel", "rejected", "egypt")}),
    ("Iran condemned the occupation of Iraq.", set()),
    ("Oman said the Israeli decision was not illegal.", set()),
    ("Kenya said Uganda was responsible for security at the border.", set()),
    ("Kenya called the Ugandan proposal reasonable.", set()),
    # a warned or vowed act of the speaker's own against X; an act no line reads is the threat's
    ("Iran warned it would close the Strait of Hormuz if the United States attacked.",
     {("iran", "threatens", "united-states")}),
    ("China warned that it would take strong countermeasures against Japan.",
     {("china", "threatens", "japan")}),
    ("Serbia threatened to impose an economic blockade on Montenegro.",
     {("serbia", "threatens", "montenegro")}),
    ("Turkey threatened to deploy troops in Iraq.", {("turkiye", "threatens", "iraq")}),
    ("Iran warned that the talks would collapse if the United States left.", set()),
    ("Oman vowed to help Yemen.", set()),
    ("Russia warned that NATO would pay a heavy price.", {("russia", "threatens", "nato")}),
    ("Iran said Iraq would pay its debts.", set()),
    ("Russia threatened Ukraine's sovereignty.", {("russia", "threatens", "ukraine")}),
    ("Israel said the deal threatened its security.", set()),
    # a reluctance verb denies what it governs unless itself negated
    ("The United States will not hesitate to strike Iraq.",
     {("united-states", "threatens", "iraq")}),
    ("Iran did not hesitate to attack Israel.", {("iran", "attacked", "israel")}),
    # a threat noun's infinitive; a withdrawal called for is demanded of its owner
    ("Iran renewed its threat to close the strait to American ships.",
     {("iran", "threatens", "united-states")}),
    ("The Arab League called for Israel's withdrawal from Lebanon.",
     {("arab-league", "demanded", "israel")}),
    # what one says another was behind; denied accusations reject their author
    ("Ukraine said Russia was behind the cyberattack.", {("ukraine", "accused", "russia")}),
    ("Saudi Arabia denied the Qatari accusations.", {("saudi-arabia", "rejected", "qatar")}),
    ("Iran denied that it had attacked the ship.", set()),
    ("Iran dismissed Israel's accusations against Hezbollah.",
     {("iran", "rejected", "israel"), ("israel", "accused", "hezbollah")}),
    ("South Korea renewed its call for North Korea to return to talks.",
     {("south-korea", "demanded", "north-korea")}),
    # acting or refusing to act despite another's demands defies them
    ("Iran refused to halt enrichment despite pressure from the United States.",
     {("iran", "rejected", "united-states")}),
    ("Despite American objections, Israel continued the strikes.",
     {("israel", "rejected", "united-states")}),
    ("Despite Chinese support, Pakistan lost the vote.", set()),
    # signing an accord its author drafted agrees with the author
    ("The KLA signed the peace accord drafted by the United States.",
     {("kosovo-liberation-army", "agreedWith", "united-states")}),
    ("Putin signed a decree banning Western imports.", set()),
    # a person held is no party to a refused release
    ("Hamas refused to free Gilad Shalit.", set()),
]
# (sentence, the refusal word, the refused friendly relation)
REFUSALS = [
    ("Cuba refused to meet Spain.", "refused", "metWith"),
    ("Hungary declined to negotiate with Ukraine.", "declined", "metWith"),
    ("Serbia refused to cooperate with Croatia.", "refused", "cooperatesWith"),
    ("Cuba rejected talks with Spain.", "rejected", "metWith"),
    ("Cuba boycotted talks with Spain.", "boycotted", "metWith"),
    ("China ruled out talks with Taiwan.", "ruled", "metWith"),
    ("Egypt refused to send peacekeepers to Somalia.", "refused", "aided"),
    ("Serbia snubbed a meeting with Kosovo.", "snubbed", "metWith"),
    ("Spain ruled out any dialogue with ETA.", "ruled", "metWith"),
    ("Britain refused to sit down with Sinn Fein.", "refused", "metWith"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), SHAPES)
def test_sentence_states_exactly_these_facts(claims_of, sentence, expected):
    assert _facts(claims_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "word", "friendly"), REFUSALS)
def test_refusing_a_friendly_act_rejects_its_object_and_keeps_the_act_negated(
    claims_of, sentence, word, friendly
):
    claims = claims_of(sentence)
    (rejection,) = [c for c in claims if c.relation == "rejected"]
    assert rejection.is_fact
    assert rejection.trigger == word
    assert rejection.rule.startswith("rejected/refusal-")
    (act,) = [c for c in claims if c.relation == friendly]
    assert (act.subject, act.object) == (rejection.subject, rejection.object)
    assert act.polarity == "negated"


@pytest.mark.parametrize(
    "sentence", ["Mexico refused to condemn Venezuela.", "Venezuela declined to criticise Cuba."]
)
def test_refusing_a_hostile_act_is_only_its_negation(claims_of, sentence):
    claims = claims_of(sentence)
    assert [c.relation for c in claims] == ["condemned"]
    assert claims[0].polarity == "negated"


@pytest.mark.parametrize(
    ("sentence", "polarity", "modality"),
    [
        ("Cuba did not refuse to meet Spain.", "negated", "asserted"),
        ("Cuba may refuse to meet Spain.", "affirmed", "hypothetical"),
    ],
)
def test_a_refusal_carries_its_own_context(claims_of, sentence, polarity, modality):
    (rejection,) = [c for c in claims_of(sentence) if c.relation == "rejected"]
    assert (rejection.polarity, rejection.modality) == (polarity, modality)


def test_refusal_verbs_name_hostile_relations_and_lines_name_word_lists():
    ontology = relations()
    assert {ontology[r].sign for r in LEXICON.tables["refusal_verbs"].values()} == {-1}
    named = {t.object_nouns for t in LEXICON.triggers if t.object_nouns}
    named |= {t.predicate for t in LEXICON.triggers if t.predicate}
    assert named and all(LEXICON[name] for name in named)
    assert LEXICON["threat_condition_marks"]
