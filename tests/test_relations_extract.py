"""Relations beyond the core, their noun and apposition forms, their context, and objects that
are events: sentence -> claims, on the real pinned model.

A claim is (subject, relation, object, polarity, modality); facts are affirmed, asserted or
reported claims. Every event relation of the ontology has a row here.
"""

from __future__ import annotations

import json
import re

import pytest
from rdflib import Graph, Literal

from kg.config import Settings
from kg.graph import build_graph
from kg.lexicon import load_lexicon
from kg.schema import load_ontology, relations
from kg.validate import validate
from kg.view import render_html
from kg.vocab import AKG, RDF, SKOS, actor_iri, event_iri

# fmt: off
# sentence -> the facts it states, exactly
RELATIONS = [
    # thanks praise the thanked (CAMEO 051), who supports the thanker in what it is thanked for
    ("Zelensky thanked Germany for its support.",
     {("germany", "supports", "volodymyr-zelensky"), ("volodymyr-zelensky", "supports", "germany")}),
    ("Erdogan praised Qatar for its mediation.", {("recep-tayyip-erdogan", "supports", "qatar")}),
    # an attack one prepares for is a mobilization against its target; one vowed a threat
    ("Russia is preparing to invade Ukraine.", {("russia", "mobilizedAgainst", "ukraine")}),
    ("Iran vowed to attack Israel.", {("iran", "threatens", "israel")}),
    ("China deployed missiles opposite Taiwan.", {("china", "mobilizedAgainst", "taiwan")}),
    # targets in a state are its, also where the parser hangs the place on the verb
    ("Israel struck targets in Lebanon on Monday.", {("israel", "attacked", "lebanon")}),
    ("Russia shelled a hospital in Kharkiv.", {("russia", "attacked", "ukraine")}),
    # a hyphenated holding participle names the asset's holder
    ("Iran seized a Greek-flagged tanker.", {("iran", "coerced", "greece")}),
    ("The Houthis attacked a British-owned ship.", {("houthis", "attacked", "united-kingdom")}),
    ("Russia attacked Ukrainian-held positions.", {("russia", "attacked", "ukraine")}),
    # regret and concern over an act condemn its author
    ("The Vatican regretted Israel's decision.", {("vatican", "condemned", "israel")}),
    ("Britain expressed concern over the arrest of opposition leaders by the Kenyan government.",
     {("united-kingdom", "condemned", "kenya")}),
    # ending one's support or aid for X is a sanction (CAMEO 16: reduce relations)
    ("Saudi Arabia halted its support for Hamas.", {("saudi-arabia", "sanctioned", "hamas")}),
    # a state's trade and economy are its assets; banning them is a sanction, no coercion; the
    # 'Union' of 'European Union' is no crowd
    ("The United States imposed sanctions on Iranian oil exports.",
     {("united-states", "sanctioned", "iran")}),
    ("The European Union banned imports of Russian oil.",
     {("european-union", "sanctioned", "russia")}),
    ("China banned Japanese goods.", {("china", "sanctioned", "japan")}),
    ("Serbia rejected the peace plan of Croatia.", {("serbia", "rejected", "croatia")}),
    ("France signed a joint declaration with Germany.", {("france", "agreedWith", "germany")}),
    # a relative pronoun stands for the name its clause hangs on
    ("Syria, which was condemned by the Arab League, rejected the criticism.",
     {("arab-league", "condemned", "syria")}),
    ("Hezbollah, which Israel attacked on Monday, vowed revenge.",
     {("israel", "attacked", "hezbollah")}),
    # a named agent outranks the possessor of an act noun, who underwent it
    ("Palestinians protested against their detention by Israel.",
     {("palestine", "protestedAgainst", "israel")}),
    # mediatesBetween: one statement per party
    ("Qatar mediated between Israel and Hamas.",
     {("qatar", "mediatesBetween", "israel"), ("qatar", "mediatesBetween", "hamas")}),
    ("Egypt brokered talks between Sudan and Ethiopia.",
     {("egypt", "mediatesBetween", "sudan"), ("egypt", "mediatesBetween", "ethiopia"),
      ("sudan", "metWith", "ethiopia")}),
    # ... and a mediation participle on talks between two parties, hyphenated or with 'by'
    ("Qatar-mediated talks between Israel and Hamas resumed.",
     {("qatar", "mediatesBetween", "israel"), ("qatar", "mediatesBetween", "hamas"),
      ("israel", "metWith", "hamas")}),
    ("The truce between Israel and Hezbollah, brokered by France, held.",
     {("france", "mediatesBetween", "israel"), ("france", "mediatesBetween", "hezbollah"),
      ("israel", "agreedWith", "hezbollah")}),
    ("The truce between Israel and Hamas allows aid into Gaza.", {("israel", "agreedWith", "hamas")}),
    ("The Houthis tried to attack a US destroyer.", {("houthis", "attacked", "united-states")}),
    # failing to meet, refusing to mediate: no one rebuffed (failing to agree is: ctx-034)
    ("Zelenskiy failed to meet Putin.", set()),
    ("Egypt refused to mediate between Ethiopia and Sudan.", set()),
    # a team beaten in a match; sanctions announced are imposed, no threat
    ("Pakistan beat India by five wickets in the Champions Trophy match.", set()),
    ("Britain announced sanctions against Iran.", {("united-kingdom", "sanctioned", "iran")}),
    # suspending a ban lifts a measure; a court dismissing another's case concedes nothing; a
    # forum or an unknown kind compounded to a light verb's event noun is no party
    ("China suspended its export ban on gallium to the United States.", set()),
    ("The ICJ dismissed Nicaragua's case against Germany.", {("nicaragua", "accused", "germany")}),
    ("Qatar signed an LNG deal with Germany.", {("qatar", "agreedWith", "germany")}),
    ("China filed a WTO complaint against Canada.", {("china", "condemned", "canada")}),
    # ... but not one that denies another act, nor one that does not deny
    ("Russia shelled Kharkiv. Moscow denied targeting civilians.", {("russia", "attacked", "ukraine")}),
    ("Iran supplied drones to Russia. Tehran did not deny it.", {("iran", "aided", "russia")}),
    # tariffs are sanctions: imposed, raised, retaliated with (also on imports from X); lifted
    # or reduced, a concession
    ("Washington's tariffs on Chinese goods rose to 145 percent.", {("united-states", "sanctioned", "china")}),
    ("The US imposed tariffs on imports from Canada and Mexico.",
     {("united-states", "sanctioned", "canada"), ("united-states", "sanctioned", "mexico")}),
    ("Canada responded with retaliatory tariffs on US goods.", {("canada", "sanctioned", "united-states")}),
    ("The United States raised tariffs on Chinese goods.", {("united-states", "sanctioned", "china")}),
    ("The United States lifted its tariffs on China.", {("united-states", "concededTo", "china")}),
    ("The US reduced tariffs on Chinese imports.", {("united-states", "concededTo", "china")}),
    ("The EU adopted a new package of sanctions against Russia.", {("european-union", "sanctioned", "russia")}),
    # goods named as an asset are no people of their own state
    ("Japan and the United States reached a deal lowering tariffs on Japanese cars.",
     {("japan", "agreedWith", "united-states"), ("united-states", "concededTo", "japan")}),
    # look-alikes: no uncertain terms, appearing somewhere; indirect or phone talks are no
    # meeting; a war a decision provoked in a state is no attack by it; a time zone, a region
    # named by a demonym and an intermediary handed captives are no parties
    ("China condemned Russia in no uncertain terms.", {("china", "condemned", "russia")}),
    ("Putin appeared at the summit with Xi.", {("vladimir-putin", "metWith", "xi-jinping")}),
    ("Iran and the United States held indirect talks in Muscat.", set()),
    ("Moscow insists that NATO provoked the war in Ukraine.", set()),
    ("14:32 GMT \u2013 Hamas fires rockets at Tel Aviv", {("hamas", "attacked", "israel")}),
    ("Latin American leaders condemned Israel.", set()),
    ("Hamas hands over four Israeli hostages to the Red Cross", {("hamas", "released", "israel")}),
    # a person called on with nothing asked of them is visited, not asked
    ("Prime Minister Shehbaz Sharif called on President Xi Jinping in Beijing.", {("xi-jinping", "leaderOf", "china")}),
    ("The US called on Netanyahu to accept the deal.", {("united-states", "demanded", "benjamin-netanyahu")}),
    # a headline lists names with a comma; a reaction at home to one's own leader is no state's
    ("US, UK strike Houthi targets in Yemen",
     {("united-states", "attacked", "houthis"), ("united-kingdom", "attacked", "houthis")}),
    ("Iran threatens Canada, Mexico with tariffs", {("iran", "threatens", "canada"), ("iran", "threatens", "mexico")}),
    ("Israel, Syria hold rare direct talks in Baku", {("israel", "metWith", "syria")}),
    ("Putin, Modi hold phone talks on Ukraine", {("vladimir-putin", "spokeWith", "narendra-modi")}),
    # an encounter at a distance is a conversation, no meeting
    ("Putin held talks by telephone with Modi.", {("vladimir-putin", "spokeWith", "narendra-modi")}),
    ("Putin and Xi held a video summit.", {("vladimir-putin", "spokeWith", "xi-jinping")}),
    ("Senegal's President Macky Sall postponed the election, sparking protests in Dakar.",
     {("macky-sall", "leaderOf", "senegal")}),
    # a state that joins an organization, or is (becomes) a member of it, is its member; a
    # relational noun with a name or demonym before it reads as the possessive does
    ("Sweden joined NATO.", {("sweden", "memberOf", "nato")}),
    ("The Kremlin condemned Finland's decision to join NATO.", {("russia", "condemned", "finland")}),
    ("Turkey, a NATO member, hosted the summit.", {("turkiye", "memberOf", "nato")}),
    ("Belarus, a Russian ally, hosted the talks.", {("belarus", "alliedWith", "russia")}),
    ("Iran became a member of BRICS.", {("iran", "memberOf", "brics")}),
    # a charge denied after the accusation: the parser may make the denial the root
    ("Congo accused Rwanda of arming the rebels, a charge Kigali denies.", {("dr-congo", "accused", "rwanda")}),
    # an apposition the parser made a second subject is no actor of its own
    ("Hezbollah, the Lebanese group armed and funded by Tehran, fired rockets at Israel.",
     {("hezbollah", "attacked", "israel")}),
    ("Iran announced it would retaliate against Israel.", {("iran", "threatens", "israel")}),
    # a lodged protest is a complaint to its addressee; a broker is no party to what it brokered
    ("China lodged a protest with Japan over the Taiwan remarks.", {("china", "condemned", "japan")}),
    ("Israel and Hezbollah accepted a ceasefire brokered by the United States.",
     {("united-states", "mediatesBetween", "israel"), ("united-states", "mediatesBetween", "hezbollah"),
      ("israel", "agreedWith", "hezbollah")}),
    ("Israel and Hezbollah rejected a ceasefire brokered by France.", set()),  # no deal made
    ("Israel and Hamas agreed a ceasefire.", {("israel", "agreedWith", "hamas")}),
    # no one visits their own state
    ("Saudi Crown Prince Mohammed bin Salman praised Trump during his visit to Riyadh.",
     {("mohammed-bin-salman", "memberOf", "saudi-arabia"), ("mohammed-bin-salman", "supports", "donald-trump")}),
    # accused (CAMEO 112) is not condemned (111)
    ("Iran accused Israel of sabotage.", {("iran", "accused", "israel")}),
    ("Russia blamed Ukraine for the blackout.", {("russia", "accused", "ukraine")}),
    # a proposal noun stands for its author, but those whose 'of' undergoes them name none there
    ("The US welcomed the expulsion of Russian diplomats by Germany.",
     {("united-states", "supports", "germany"), ("germany", "sanctioned", "russia")}),
    ("NATO welcomed the accession of Finland.", {("nato", "supports", "finland")}),
    ("China condemned American arms sales to Taiwan.", {("china", "condemned", "united-states")}),
    ("Hungary blocked the accession of Sweden.", {("hungary", "rejected", "sweden")}),
    # a hyphenated word is one token and one entry: 'self-rule' as 'rule' was
    ("Palestinian self-rule was suspended by Israel.", {("israel", "sanctioned", "palestine")}),
    ("Ukraine condemned the shelling of Kharkiv, which Kyiv blamed on Russian forces.",
     {("ukraine", "accused", "russia")}),
    ("Israel was accused by Turkey of war crimes.", {("turkiye", "accused", "israel")}),
    # demanded: urge, press, call on, demand that
    ("The United States urged Israel to halt the offensive.", {("united-states", "demanded", "israel")}),
    # an object-first relative after the clause denies the charge, not that it was made
    ("Russia accused Ukraine of shelling the plant, a charge Kyiv denied.",
     {("russia", "accused", "ukraine")}),
    # claiming an attack admits it, in the claimant's words
    ("The Houthis claimed an attack on a British tanker.", {("houthis", "attacked", "united-kingdom")}),
    # a violent event talked of happened; a topic verb does not scope over its own subject
    ("The Security Council discussed Russia's attack on a children's hospital in Kyiv.",
     {("russia", "attacked", "ukraine")}),
    ("Israel focused its attacks on Hezbollah.", {("israel", "attacked", "hezbollah")}),
    # what happened before a plan or a request is no part of it
    ("Ukraine demanded compensation after Russia attacked Kyiv.", {("russia", "attacked", "ukraine")}),
    ("Iran planned a response after Israel attacked Tehran.", {("israel", "attacked", "iran")}),
    # an act one forces, persuades or prompts another to do is done (one ordered is asked for)
    ("Iran persuaded Hezbollah to attack Israel.", {("hezbollah", "attacked", "israel")}),
    ("The raid prompted Israel to strike Gaza.", {("israel", "attacked", "palestine")}),
    ("Turkey called on Russia to withdraw.", {("turkiye", "demanded", "russia")}),
    ("France demanded that Iran free the hostages.", {("france", "demanded", "iran")}),
    # rejected: the actor, or the actor's proposal
    ("Moscow rebuffed Kyiv.", {("russia", "rejected", "ukraine")}),
    ("Israel rejected Hamas's proposal.", {("israel", "rejected", "hamas")}),
    ("Iran dismissed the Saudi offer.", {("iran", "rejected", "saudi-arabia")}),
    # sanctioned
    ("The United States sanctioned Iran.", {("united-states", "sanctioned", "iran")}),
    ("The EU imposed sanctions on Belarus.", {("european-union", "sanctioned", "belarus")}),
    ("Britain expelled Russian diplomats.", {("united-kingdom", "sanctioned", "russia")}),
    # aided
    ("Germany sent humanitarian aid to Ukraine.", {("germany", "aided", "ukraine")}),
    ("The United States supplied Ukraine with weapons.", {("united-states", "aided", "ukraine")}),
    ("Japan delivered medicine to Syria.", {("japan", "aided", "syria")}),
    # cooperatesWith (symmetric)
    ("Iran cooperates with Russia on drones.", {("iran", "cooperatesWith", "russia")}),
    ("China held joint naval exercises with Pakistan.", {("china", "cooperatesWith", "pakistan")}),
    # agreedWith (symmetric)
    ("Turkey signed an agreement with Libya.", {("turkiye", "agreedWith", "libya")}),
    ("Israel and Hamas agreed to a truce.", {("israel", "agreedWith", "hamas")}),
    ("Russia and China condemned the strike and met in Moscow.", {("russia", "metWith", "china")}),
    # X and Y doing a directed act to each other: both ways
    ("Israel and Hamas accused each other of violating the truce.",
     {("israel", "accused", "hamas"), ("hamas", "accused", "israel")}),
    ("Armenia and Azerbaijan accused one another of shelling.",
     {("armenia", "accused", "azerbaijan"), ("azerbaijan", "accused", "armenia")}),
    ("Serbia and Kosovo traded accusations.",
     {("serbia", "accused", "kosovo"), ("kosovo", "accused", "serbia")}),
    # 'of' on the thing exchanged names another party only if it is an actor
    ("Russia and Ukraine exchanged prisoners of war on Friday.",
     {("russia", "released", "ukraine"), ("ukraine", "released", "russia")}),
    # a noun that ends right before a coordinated verb with no subject is that verb's subject
    ("Russia attacked Ukraine and Belarus condemned Poland.",
     {("russia", "attacked", "ukraine"), ("belarus", "condemned", "poland")}),
    ("Israel bombed Gaza and the United States condemned Israel.",
     {("israel", "attacked", "palestine"), ("united-states", "condemned", "israel")}),
    # ... but not with 'and' before the verb: a shared subject
    ("Russia attacked Ukraine and Belarus and condemned Poland.",
     {("russia", "attacked", "ukraine"), ("russia", "attacked", "belarus"),
      ("russia", "condemned", "poland")}),
    # protestedAgainst
    ("Greece protested against Turkey.", {("greece", "protestedAgainst", "turkiye")}),
    # mobilizedAgainst
    ("Azerbaijan mobilized against Armenia.", {("azerbaijan", "mobilizedAgainst", "armenia")}),
    ("Russia deployed troops against Ukraine.", {("russia", "mobilizedAgainst", "ukraine")}),
    # a build-up of forces at a state's border or massed around the state itself
    ("Armenia boosted its troop deployments near the Azerbaijani border.",
     {("armenia", "mobilizedAgainst", "azerbaijan")}),
    ("India built up its forces along the border with China.",
     {("india", "mobilizedAgainst", "china")}),
    ("China massed warships near Taiwan.", {("china", "mobilizedAgainst", "taiwan")}),
    ("Russia began a military build-up near Ukraine.", {("russia", "mobilizedAgainst", "ukraine")}),
    # a reaction a participle draws is to the act of its clause's subject
    ("North Korea fired a missile on Monday, drawing condemnation from Japan.",
     {("japan", "condemned", "north-korea")}),
    ("Russia annexed the region, earning sanctions from the European Union.",
     {("european-union", "sanctioned", "russia")}),
    # ... but not to the act of a subject that underwent something
    ("Ukraine came under heavy Russian shelling, drawing condemnation from the UN.",
     {("russia", "attacked", "ukraine")}),
    # a finding that X is responsible for a harm blames X; an inquiry into X's espionage
    ("The OPCW concluded that Syrian forces were responsible for the chlorine attack.",
     {("opcw", "accused", "syria")}),
    ("Germany opened a criminal investigation into Chinese espionage.", {("germany", "investigated", "china")}),
    # aid airdropped into a place, sums donated, debts written off
    ("Jordan airdropped food into Gaza.", {("jordan", "aided", "palestine")}),
    ("Japan donated 10 million dollars to Nepal.", {("japan", "aided", "nepal")}),
    # a relative clause on a body an actor owns is the actor's ('a resolution that ...' is none)
    ("Sudan's army, which is fighting the Rapid Support Forces, rejected the offer.",
     {("sudan", "attacked", "rapid-support-forces")}),
    # one's support stands for its author, as a decision does
    ("Russia condemned American support for Ukraine.",
     {("russia", "condemned", "united-states"), ("united-states", "supports", "ukraine")}),
    ("Armenia welcomed France's support.", {("armenia", "supports", "france")}),
    # a subject the parser hangs on the auxiliary is the verb's
    ("Egypt and Qatar are mediating between Israel and Hamas.",
     {("egypt", "mediatesBetween", "israel"), ("egypt", "mediatesBetween", "hamas"),
      ("qatar", "mediatesBetween", "israel"), ("qatar", "mediatesBetween", "hamas")}),
    # the Gaza Strip is Palestine's (as CAMEO codes it)
    ("Israel struck the Gaza Strip on Friday.", {("israel", "attacked", "palestine")}),
    # a count of the weapons or strikes names them ('hundreds of', 'dozens of')
    ("Iran launched hundreds of drones and missiles at Israel.", {("iran", "attacked", "israel")}),
    ("Israel carried out dozens of strikes on Lebanon.", {("israel", "attacked", "lebanon")}),
    ("The US carried out hundreds of airstrikes against the Islamic State.",
     {("united-states", "attacked", "islamic-state")}),
    # 'in aid' after a sum names what is given, wherever the parser hangs it
    ("Japan provided 10 million dollars in emergency aid to Bangladesh.", {("japan", "aided", "bangladesh")}),
    ("Russia wrote off Cuba's debt.", {("russia", "aided", "cuba")}),
    # the talks a series counts, between the subjects of its light verb
    ("India and China held a new round of border talks.", {("india", "metWith", "china")}),
    # what a body approves or ratifies is its act
    ("Lebanon ratified the maritime border deal with Israel.", {("lebanon", "agreedWith", "israel")}),
    # strikes, missiles, shells two sides exchange are fighting
    ("Iran and Pakistan exchanged missile strikes in January.",
     {("iran", "attacked", "pakistan"), ("pakistan", "attacked", "iran")}),
    # a state's goods are its own: bans and tariffs on them sanction it, lifting them concedes
    ("China banned imports of Japanese seafood.", {("china", "sanctioned", "japan")}),
    ("The US imposed tariffs on Chinese steel.", {("united-states", "sanctioned", "china")}),
    ("The EU launched an investigation into Chinese subsidies.",
     {("european-union", "investigated", "china")}),
    ("Russia pulled its troops back from Kyiv.", {("russia", "withdrewFrom", "ukraine")}),
    # closing one's airspace or ports to X
    ("Pakistan closed its airspace to Indian airlines.", {("pakistan", "sanctioned", "india")}),
    # a 'move', a 'ban' in the clause cancels no shooting
    ("North Korea fired a ballistic missile toward Japan in a move condemned by Tokyo.",
     {("north-korea", "attacked", "japan")}),
    # a coming response with force threatens; the owner of 'the US strike' is the United States
    ("Iran vowed to respond to the Israeli strike with force.", {("iran", "threatens", "israel")}),
    # retaliating against trade measures is a sanction, no armed attack
    ("Canada retaliated against the US tariffs.", {("canada", "sanctioned", "united-states")}),
    ("Iran retaliated against Israel.", {("iran", "attacked", "israel")}),
    # a denial above the verb that takes a hostile act a name owns does not deny the act
    ("India refused to condemn Russia's invasion of Ukraine.", {("russia", "attacked", "ukraine")}),
    # ... nor does a plain 'not' on the verb that speaks of it, of a definite act a name owns
    ("China did not condemn Russia's invasion of Ukraine.", {("russia", "attacked", "ukraine")}),
    ("Germany did not protest the U.S. strike on Iraq.", {("united-states", "attacked", "iraq")}),
    # 'nor' denies only the verb right after it
    ("Egypt neither condemned nor supported the strike, and Jordan criticized Israel.",
     {("jordan", "condemned", "israel")}),
    # 'likely' hedges a role, not the act
    ("Likely Republican nominee Donald Trump criticized China.", {("donald-trump", "condemned", "china")}),
    # a conjunct a 'not' excludes is no party
    ("Israel attacked Hezbollah but not Hamas.", {("israel", "attacked", "hezbollah")}),
    ("Germany and France, but not Italy, condemned Russia.",
     {("germany", "condemned", "russia"), ("france", "condemned", "russia")}),
    ("Turkey condemned not Russia but Iran.", {("turkiye", "condemned", "iran")}),
    ("Turkey condemned not only Russia but also Iran.",
     {("turkiye", "condemned", "russia"), ("turkiye", "condemned", "iran")}),
    # a named group's own body acts for it
    ("Al-Qaeda's branch in Yemen kidnapped a French aid worker.", {("al-qaeda", "attacked", "france")}),
    ("The military wing of Hezbollah attacked Israel.", {("hezbollah", "attacked", "israel")}),
    # claiming responsibility for an attack admits it
    ("Hamas claimed responsibility for the attack on Israeli soldiers.", {("hamas", "attacked", "israel")}),
    # the means of a negative verb's act took place ('violated the truce *by* shelling X')
    ("Azerbaijani forces violated the ceasefire by shelling Armenian villages.",
     {("azerbaijan", "attacked", "armenia")}),
    ("Turkish troops occupied a strip of northern Syria.", {("turkiye", "attacked", "syria")}),
    # one's own coming response to another's hostile act threatens its owner or agent
    ("Iran warned it would respond to any Israeli attack.", {("iran", "threatens", "israel")}),
    ("China vowed to respond to American sanctions.", {("china", "threatens", "united-states")}),
    # returning to talks holds them; withdrawing from talks halts them (CAMEO 16)
    ("North Korea returned to talks with Washington.", {("north-korea", "metWith", "united-states")}),
    ("Hamas withdrew from the negotiations with Israel.", {("hamas", "sanctioned", "israel")}),
    # welcoming or greeting a person is meeting them; welcoming a decision praises it
    ("Putin welcomed Kim Jong Un at the airport.", {("vladimir-putin", "metWith", "kim-jong-un")}),
    ("France welcomed Germany's decision.", {("france", "supports", "germany")}),
    ("Scholz welcomed Biden's statement.", {("olaf-scholz", "supports", "joe-biden")}),
    # lifting a suspension of X eases it for X
    ("The African Union lifted the suspension of Mali.", {("african-union", "concededTo", "mali")}),
    # a resolution passed or sanctions adopted are their body's acts
    ("The IAEA board passed a resolution censuring Iran.",
     {("international-atomic-energy-agency", "condemned", "iran")}),
    ("The EU adopted new sanctions against Russia.", {("european-union", "sanctioned", "russia")}),
    # the victims of an attack they fell in: its modifier attacked them
    ("Three Israeli soldiers were killed in a Hezbollah ambush.", {("hezbollah", "attacked", "israel")}),
    ("Two Turkish soldiers died in a PKK attack.", {("kurdistan-workers-party", "attacked", "turkiye")}),
    # ... and whom the event's relative clause says it killed or wounded
    ("Hamas claimed responsibility for a suicide bombing that killed 15 Israelis.",
     {("hamas", "attacked", "israel")}),
    ("A Hezbollah ambush which wounded three Israeli soldiers drew condemnation from Egypt.",
     {("hezbollah", "attacked", "israel"), ("egypt", "condemned", "hezbollah")}),
    # an active subject with an object is the killer, no victim
    ("Afghan troops killed 20 Taliban fighters in an American airstrike.",
     {("afghanistan", "attacked", "taliban")}),
    # support for a cause of X's; aid given as a sum 'in' aid
    ("Turkey voiced support for Azerbaijan's territorial integrity.", {("turkiye", "supports", "azerbaijan")}),
    ("Japan provided Ukraine with $4.5 billion in aid.", {("japan", "aided", "ukraine")}),
    # rallying others against X is opposition to X, no street protest or mobilization
    ("Brazil rallied Latin American leaders against Argentina.", {("brazil", "condemned", "argentina")}),
    ("Ukraine mobilized international support against Russia.", {("ukraine", "condemned", "russia")}),
    ("Argentina complained about Britain's military exercises.", {("argentina", "condemned", "united-kingdom")}),
    # a possessor owns the measure, not the names compounded on it
    ("Turkey's parliament approved Sweden's NATO membership bid.", {("turkiye", "agreedWith", "sweden")}),
    # what two sides exchange: accusations, threats (not views)
    ("Israel traded threats with Iran.", {("israel", "threatens", "iran")}),
    ("India exchanged accusations with Pakistan.", {("india", "accused", "pakistan")}),
    # the event noun a response takes with 'with' is the responder's act
    ("The United States responded with strikes on Houthi targets in Yemen.",
     {("united-states", "attacked", "houthis")}),
    ("The EU retaliated with sanctions against Belarus.", {("european-union", "sanctioned", "belarus")}),
    # an invasion 'of' its target; an act that fails or collapses took place
    ("Russia's invasion of Ukraine failed.", {("russia", "attacked", "ukraine")}),
    ("The invasion of Kuwait by Iraq triggered a war.", {("iraq", "attacked", "kuwait")}),
    ("The talks between Iran and the United States collapsed.",
     {("iran", "metWith", "united-states")}),
    # rejecting another's act answers it, which takes it as made
    ("Japan's protest against China was rejected.", {("japan", "protestedAgainst", "china")}),
    ("Washington dismissed Beijing's criticism of Taiwan.",
     {("united-states", "rejected", "china"), ("china", "condemned", "taiwan")}),
    # supports: backing, arming, funding, praise
    ("Iran armed Hezbollah.", {("iran", "supports", "hezbollah")}),
    ("Qatar financed Hamas.", {("qatar", "supports", "hamas")}),
    ("Erdogan praised Azerbaijan.", {("recep-tayyip-erdogan", "supports", "azerbaijan")}),
    ("Turkey defended Azerbaijan against the criticism.", {("turkiye", "supports", "azerbaijan")}),
    ("Russia commended China's efforts.", {("russia", "supports", "china")}),
    # attacked: struck, bombed, shelled, killed, assassinated, fired missiles at
    ("Israel bombed Hezbollah.", {("israel", "attacked", "hezbollah")}),
    ("Russia shelled Ukraine overnight.", {("russia", "attacked", "ukraine")}),
    ("Israel killed Hezbollah commanders in Beirut.", {("israel", "attacked", "hezbollah")}),
    ("Israel assassinated Haniyeh in Tehran.", {("israel", "attacked", "ismail-haniyeh")}),
    ("The Houthis launched drones at Israel.", {("houthis", "attacked", "israel")}),
    # strikes, raids, offensives in or inside a state attack it (as event coders code them)
    ("Pakistan launched air strikes inside Afghanistan on Monday.", {("pakistan", "attacked", "afghanistan")}),
    ("Israel carried out airstrikes in Syria overnight.", {("israel", "attacked", "syria")}),
    ("Turkey conducted drone strikes in northern Iraq.", {("turkiye", "attacked", "iraq")}),
    # a participle between commas after the subject describes it, whatever the parser hangs
    # it on: its agent does not do the main verb's act
    (
        "Israel, helped by the United States, shot down Iranian drones.",
        {("united-states", "aided", "israel"), ("israel", "attacked", "iran")},
    ),
    (
        "Israel, aided by the US and Britain, intercepted Iranian missiles.",
        {("united-states", "aided", "israel"), ("united-kingdom", "aided", "israel")},
    ),
    # 'despite' on a report whose content is hedged defies no one
    ("Iran is unlikely to resume talks, officials said, despite pressure from the EU.", set()),
    # a protest lodged with a forum about another's doing condemns no forum
    ("Israel protested to the United Nations about Hezbollah attacks.", set()),
    ("China protested to the EU over the listing of Chinese companies.", {("china", "condemned", "european-union")}),
    # a deal struck with X
    ("Jordan struck a trade deal with Iraq.", {("jordan", "agreedWith", "iraq")}),
    ("Israeli jets struck a Hamas training camp.", {("israel", "attacked", "hamas")}),
    # a deal with X that Y brokered is X's: Y is no party to it
    (
        "Hezbollah accepted a ceasefire with Israel brokered by the United States and France.",
        {("hezbollah", "agreedWith", "israel")},
    ),
    # blockades by crowds are protests against whom their purpose names (CAMEO 144)
    ("Kenyan farmers blocked the highway to denounce the government.", {("kenyan-farmer", "protestedAgainst", "kenya")}),
    ("Young Algerians blocked roads demanding the resignation of President Bouteflika.",
     {("algerians", "protestedAgainst", "abdelaziz-bouteflika")}),
    ("Ukrainian miners staged a strike against the government.", {("ukrainian-miner", "protestedAgainst", "ukraine")}),
    ("Kenyans marched to press their demands for reform from Moi.", {("kenyans", "protestedAgainst", "daniel-arap-moi")}),
    # ... and so does the one a crowd calls on to yield, not one it asks for help
    ("Serbs marched, calling on Milosevic to resign.", {("serbs", "protestedAgainst", "slobodan-milosevic")}),
    ("Albanians marched, calling on NATO to intervene.", set()),
    ("Albanians marched, urging NATO to intervene.", set()),
    # a victory or a re-election is its winner's deed
    ("Serbs protested against Milosevic's re-election.", {("serbs", "protestedAgainst", "slobodan-milosevic")}),
    ("Kenyans rallied against the election victory of Moi.", {("kenyans", "protestedAgainst", "daniel-arap-moi")}),
    ("India threatened to scrap the Indus Waters Treaty with Pakistan.", {("india", "threatens", "pakistan")}),
    # a two-word person is no town of that name
    ("The United States sanctioned Juan Diaz, a Venezuelan judge.", {("united-states", "sanctioned", "juan-diaz")}),
    # a city's office is no state's
    ("Delhi Chief Minister Arvind Kejriwal criticised Narendra Modi.", {("arvind-kejriwal", "condemned", "narendra-modi")}),
    # a name compounded to a plan is its proposer
    ("Hamas rejected the Witkoff plan.", {("hamas", "rejected", "steve-witkoff")}),
    # an agreement the clause is done under is its subject's
    ("Under a deal with Israel, Hezbollah freed two Israeli soldiers.", {("hezbollah", "agreedWith", "israel"), ("hezbollah", "released", "israel")}),
    # ... but a city compounded to one is where it was made
    ("UNITA signed the Lusaka protocol with Angola.", {("unita", "agreedWith", "angola")}),
    ("Hamas rejected the Cairo agreement with Israel.", {("hamas", "rejected", "israel")}),
    # a call to urge something asks it
    # a person called is phoned (no demand: the one 'called on' is asked); named, not phoned
    ("Biden called Netanyahu to discuss the hostage talks.", {("joe-biden", "spokeWith", "benjamin-netanyahu")}),
    ("Macron called Putin on Friday.", {("emmanuel-macron", "spokeWith", "vladimir-putin")}),
    # ... as a name the parser reads as an adverbial right after the verb is its object
    (
        "South Korean President Yoon Suk Yeol visited Washington.",
        {("yoon-suk-yeol", "leaderOf", "south-korea"), ("yoon-suk-yeol", "visited", "united-states")},
    ),
    ("Erdogan called Netanyahu a butcher.", {("recep-tayyip-erdogan", "condemned", "benjamin-netanyahu")}),
    ("Trump called Zelensky a dictator.", set()),
    (
        "Biden called Netanyahu to urge a ceasefire.",
        {("joe-biden", "demanded", "benjamin-netanyahu"), ("joe-biden", "spokeWith", "benjamin-netanyahu")},
    ),
    # the possessor of the forces or assets a verb attacks is not its subject: the reporter
    ("Israel said Hezbollah had attacked its troops.", {("hezbollah", "attacked", "israel")}),
    ("The UN said Russia had attacked its convoy in Aleppo.", {("russia", "attacked", "united-nations")}),
    # the infinitive of a decision is its owner's act, a modifier's too, not the speaker's
    ("Xinhua condemned the U.S. decision to sanction Chinese firms.", {("united-states", "sanctioned", "china")}),
    # taking X to court (a tribunal, arbitration) is a lawsuit against X (CAMEO 115)
    ("The Philippines took China to an international tribunal over the South China Sea.",
     {("philippines", "accused", "china")}),
    ("South Africa took Israel to the International Court of Justice.", {("south-africa", "accused", "israel")}),
    # 'protested to X' lodges a complaint with X; 'protested the sale ... to X' does not
    ("Japan protested to China over the riots.", {("japan", "condemned", "china")}),
    # demanding the ouster (removal, impeachment) of X is a demand on X, and a crowd's protest
    ("Thousands of Filipinos demanded the ouster of President Joseph Estrada.",
     {("filipinos", "demanded", "joseph-estrada")}),
    ("Thousands of Kenyans rallied in Nairobi demanding the ouster of President Daniel arap Moi.",
     {("kenyans", "protestedAgainst", "daniel-arap-moi")}),
    # a manner phrase's preposition the parser hangs on the verb; its noun on an adjunct's noun
    ("Syria recalled its ambassador in protest at Israeli policies.", {("syria", "protestedAgainst", "israel")}),
    ("Members of Hezbollah demonstrated outside the Iranian embassy in support of Iran.",
     {("hezbollah", "supports", "iran")}),
    # a strike one goes on, the preposition on the verb; a bill stands for whom it names its author
    ("Serbian workers went on strike over a bill proposed by the Serbian government.",
     {("serb-worker", "protestedAgainst", "serbia")}),
    # against a leader the text titles as their own state's: a group, not the state
    ("Thousands of Serbians marched in Belgrade against Serbian President Aleksandar Vucic.",
     {("serbians", "protestedAgainst", "aleksandar-vucic"), ("aleksandar-vucic", "leaderOf", "serbia")}),
    # crowds that take to the streets, or gather, against someone or to denounce them
    ("Thousands of Kenyans took to the streets against President Ruto.",
     {("kenya", "protestedAgainst", "ruto")}),
    ("Thousands of Kenyans poured into the streets to denounce President Ruto.",
     {("kenya", "protestedAgainst", "ruto")}),
    ("Kenyan students gathered in Nairobi to denounce Israel.",
     {("kenyan-student", "protestedAgainst", "israel")}),
    # a hyphenated lexicon word is one token: 'sit-in' is no 'in'
    ("Iranian students staged a sit-in at the British embassy.",
     {("iranian-student", "protestedAgainst", "united-kingdom")}),
    # a measure not lifted or not halted goes on
    ("India refused to end its support for Russia.", {("india", "supports", "russia")}),
    ("The US did not lift its sanctions on Iran.", {("united-states", "sanctioned", "iran")}),
    ("Israel did not halt its offensive against Hezbollah.", {("israel", "attacked", "hezbollah")}),
    # three who meet or drill together: every two of them
    ("France, Germany and Italy met in Rome.",
     {("france", "metWith", "germany"), ("france", "metWith", "italy"), ("germany", "metWith", "italy")}),
    ("Why did Israel strike Iran?", {("israel", "attacked", "iran")}),  # a wh-question presupposes
    # what an act serves as is its subject's; walking out of talks halts them (CAMEO 164)
    ("Israel struck Hezbollah as a warning to Iran.",
     {("israel", "attacked", "hezbollah"), ("israel", "threatens", "iran")}),
    ("The US described China as a threat to Taiwan.", set()),
    ("Iran walked out of talks with the United States.", {("iran", "sanctioned", "united-states")}),
    # a state's grid, plants, dams and buildings are its own; weapon systems given are aid
    ("Russia launched a massive missile attack on Ukraine's energy grid.", {("russia", "attacked", "ukraine")}),
    ("Russian missiles hit an apartment block in Kyiv.", {("russia", "attacked", "ukraine")}),
    ("Germany delivered rocket launchers to Ukraine.", {("germany", "aided", "ukraine")}),
    ("China delivered 10,000 vehicles to Russia.", set()),
    ("The US provided HIMARS launchers to Ukraine.", {("united-states", "aided", "ukraine")}),
    ("North Korean troops are fighting alongside Russian forces in Kursk.", {("north-korea", "cooperatesWith", "russia")}),
    # aid cut in a state, also as aid deliveries or shipments (a compound head)
    ("The UN suspended food aid in Somalia.", {("united-nations", "sanctioned", "somalia")}),
    ("The UN halted food shipments to Yemen.", {("united-nations", "sanctioned", "yemen")}),
    ("The United States suspended part of a military aid program for Bosnia.",
     {("united-states", "sanctioned", "bosnia-and-herzegovina")}),
    # the review's look-alikes: an objection's owner is not conceded to; a named actor loyal to
    # another stays itself; a citation is no act; a trade war is no war
    ("Sweden finally overcame Turkey's objections.", set()),
    ("Hezbollah, loyal to Iran, fired rockets at Israel.", {("hezbollah", "attacked", "israel")}),
    ("The United States cited Iran as a threat to Israel.", set()),
    ("The United States interpreted the Chinese missile test as a warning to Japan.", set()),
    ("Hezbollah fighters, loyal to Iran, fired rockets at Israel.", {("hezbollah", "attacked", "israel")}),
    ("Kenyan doctors ended their strike against the government.", set()),
    ("The United States waged a trade war on China.", set()),
    ("Israel launched a strike on Hezbollah to end the rocket fire.", {("israel", "attacked", "hezbollah")}),
    # a body that suspends a state suspends its membership
    ("The African Union suspended Niger.", {("african-union", "sanctioned", "niger")}),
    # war waged or fought, battles fought by two sides, forces that engage or move into a state
    ("Russia waged war on Ukraine.", {("russia", "attacked", "ukraine")}),
    ("India and Pakistan fought a war in 1971.",
     {("india", "attacked", "pakistan"), ("pakistan", "attacked", "india")}),
    ("The Sri Lankan army and Tamil Tiger rebels fought fierce battles in the north.",
     {("sri-lanka", "attacked", "liberation-tigers-of-tamil-eelam"),
      ("liberation-tigers-of-tamil-eelam", "attacked", "sri-lanka")}),
    ("Ethiopian troops engaged Eritrean forces near Badme.", {("ethiopia", "attacked", "eritrea")}),
    ("Turkish troops moved into northern Syria.", {("turkiye", "attacked", "syria")}),
    ("The Chinese coast guard rammed a Philippine boat.", {("china", "attacked", "philippines")}),
    # guards are a state's forces: their posts are the state's
    ("North Korean soldiers opened fire on South Korean guard posts.", {("north-korea", "attacked", "south-korea")}),
    ("Iran fired missiles at Israel.", {("iran", "attacked", "israel")}),
    ("The Saudi-led coalition struck the Houthis.", {("saudi-arabia", "attacked", "houthis")}),
    # the threat of a conflictual act is a threat
    ("Turkey threatened to sanction Sweden.", {("turkiye", "threatens", "sweden")}),
    ("Iran warned the United States.", {("iran", "threatens", "united-states")}),
    ("Russia threatened to cut gas supplies to Moldova.", {("russia", "threatens", "moldova")}),
    ("China threatened countermeasures against Lithuania.", {("china", "threatens", "lithuania")}),
    # a demand in reported speech
    ("Britain said Iran must release the tanker.", {("united-kingdom", "demanded", "iran")}),
    # a proposal's author after 'by'/'from'; vetoing and opposing reject
    ("Syria rejected calls by Turkey for a ceasefire.", {("syria", "rejected", "turkiye")}),
    ("Armenia dismissed an appeal from Russia to withdraw.", {("armenia", "rejected", "russia")}),
    ("Washington vetoed a Security Council resolution.",
     {("united-states", "rejected", "security-council")}),
    ("Hungary opposed the Ukrainian proposal.", {("hungary", "rejected", "ukraine")}),
    ("Zelensky rejected Putin's proposal for a truce.",
     {("volodymyr-zelensky", "rejected", "vladimir-putin")}),
    # accepting a proposal or agreeing to it is agreeing with its author
    ("Egypt accepted the Qatari offer.", {("egypt", "agreedWith", "qatar")}),
    ("Israel agreed to Egypt's proposal.", {("israel", "agreedWith", "egypt")}),
    # asking someone to act is a demand
    ("Sudan asked Chad to close the border.", {("sudan", "demanded", "chad")}),
    # giving to a recipient: 'to' (which the parser may call a dative) or the indirect object
    ("Canada provided intelligence to Ukraine.", {("canada", "aided", "ukraine")}),
    ("Norway granted Jordan a loan.", {("norway", "aided", "jordan")}),
    # cutting something off from an actor sanctions it; threatening to do so threatens it
    ("Poland suspended flights to Belarus.", {("poland", "sanctioned", "belarus")}),
    ("Lithuania froze relations with China.", {("lithuania", "sanctioned", "china")}),
    ("The EU imposed restrictions on Russia.", {("european-union", "sanctioned", "russia")}),
    ("Serbia threatened to break relations with Kosovo.", {("serbia", "threatens", "kosovo")}),
    ("Kenya threatened to impose tariffs on Uganda.", {("kenya", "threatens", "uganda")}),
    # fighting: clashes, wounding, kidnapping
    ("Azerbaijani troops clashed with Armenian forces.", {("azerbaijan", "attacked", "armenia")}),
    ("ISIS kidnapped Turkish diplomats.", {("islamic-state", "attacked", "turkiye")}),
    ("Ukraine's army repelled Russian forces.", {("ukraine", "attacked", "russia")}),
    # reaching a compromise or an understanding is agreeing
    ("Spain and Morocco reached a compromise on fishing.", {("spain", "agreedWith", "morocco")}),
    ("Chile reached an understanding with Peru.", {("chile", "agreedWith", "peru")}),
    # a protest lodged with or made to a government is a formal complaint (CAMEO 114), not a
    # demonstration
    ("Jordan lodged a protest with Israel.", {("jordan", "condemned", "israel")}),
    ("Venezuela protested to Guyana over the oil deal.", {("venezuela", "condemned", "guyana")}),
    # sharing with someone is cooperating; 'the army of X' is X
    ("Israel shared intelligence with the United States.",
     {("israel", "cooperatesWith", "united-states")}),
    ("Kenyan rebels attacked the army of Uganda.", {("kenyan-rebel", "attacked", "uganda")}),
    # 'a group of X', 'members of X' stand for X
    ("A group of Iranian diplomats met Saudi officials.", {("iran", "metWith", "saudi-arabia")}),
    ("Members of Hamas attacked Israeli soldiers.", {("hamas", "attacked", "israel")}),
    # an ultimatum demands and threatens; a planned war is a threat
    ("Chad issued an ultimatum to Niger.",
     {("chad", "demanded", "niger"), ("chad", "threatens", "niger")}),
    ("Eritrea threatened to start a war with Ethiopia.", {("eritrea", "threatens", "ethiopia")}),
    # demanding something from someone
    ("Kuwait demanded compensation from Iraq.", {("kuwait", "demanded", "iraq")}),
    ("Ukraine sought more weapons from Germany.", {("ukraine", "demanded", "germany")}),
    # a strike to press or force X to act protests against X; so does demanding an end to X's act
    ("Kenyan teachers began a strike to press the government to raise pay.",
     {("kenyan-teacher", "protestedAgainst", "kenya")}),
    ("Kenyan teachers launched a strike to force the government to raise pay.",
     {("kenyan-teacher", "protestedAgainst", "kenya")}),
    ("Egyptians rallied in Cairo to demand an end to the Israeli occupation of Gaza.",
     {("egypt", "protestedAgainst", "israel")}),
    ("Kenyan students held a rally to demand the resignation of President Daniel Moi.",
     {("kenyan-student", "protestedAgainst", "daniel-moi")}),
    ("Albanian students rallied in Tirana to topple President Sali Berisha.",
     {("albanian-student", "protestedAgainst", "sali-berisha")}),
    ("Tamils rallied in Jaffna demanding independence from Sri Lanka.",
     {("tamils", "protestedAgainst", "sri-lanka")}),
    # forces driven out of a place are attacked; 'anti-aircraft' is no stance
    ("Ugandan troops drove Sudanese rebels out of Gulu.", {("uganda", "attacked", "sudanese-rebel")}),
    ("Syrian anti-aircraft batteries fired on Israeli jets.", {("syria", "attacked", "israel")}),
    # a vehicle stands for whom it carries; a mob for its people
    ("A convoy carrying Turkish troops was ambushed by PKK guerrillas.",
     {("kurdistan-workers-party", "attacked", "turkiye")}),
    ("An Israeli mob attacked Palestinian villagers.", {("israel", "attacked", "palestine")}),
    # pulling back from a neighbour's border; men 'from' a named group are its
    ("Syrian troops pulled back from the Turkish border.", {("syria", "withdrewFrom", "turkiye")}),
    ("Iraqi troops withdrew from the border with Kuwait.", {("iraq", "withdrewFrom", "kuwait")}),
    ("Lebanese gunmen from Hezbollah ambushed an Israeli patrol.",
     {("hezbollah", "attacked", "israel")}),
    # an object the parser hangs on a fronted predicate ('as baseless') is the verb's
    ("Iran dismissed as baseless the American charges.", {("iran", "rejected", "united-states")}),
    # a mayor named by a state's adjective is its official; villagers near a city its people
    ("ETA gunmen shot dead a Spanish mayor.", {("eta", "attacked", "spain")}),
    ("Hutu rebels killed 30 villagers near Bujumbura.", {("hutu-rebel", "attacked", "burundi")}),
    # ground ceded or a zone handed over concedes it to a group as to a state
    ("The Sudanese government ceded a zone to the SPLA.", {("sudan", "concededTo", "sudan-peoples-liberation-movement")}),
    # a deal in a relative clause of its light verb; mediators are their state's diplomats
    ("The truce that Israel signed with Hezbollah held.", {("israel", "agreedWith", "hezbollah")}),
    ("Hamas agreed with Qatari mediators to a truce.", {("hamas", "agreedWith", "qatar")}),
    # what hits a passive subject is done to it (a hostile act only)
    ("Iran was hit by new American sanctions.", {("united-states", "sanctioned", "iran")}),
    # what belongs to X is X's
    ("Britain froze assets belonging to the Iraqi government.", {("united-kingdom", "sanctioned", "iraq")}),
    # an attribute's infinitive the parser hangs on its verb
    ("Italy became the first European country to recognise Croatia.", {("italy", "supports", "croatia")}),
    # an object the parser makes its particle's ('wrote off X's debt') is the verb's
    ("Japan wrote off Vietnam's debt.", {("japan", "aided", "vietnam")}),
    # the speaker's own act may name his state, as a pronoun does
    ("Iraq warned that Baghdad would use force against Kuwait.", {("iraq", "threatens", "kuwait")}),
    # a coming response 'for' a provocation threatens its author
    ("Hamas vowed to retaliate for the Israeli raid.", {("hamas", "threatens", "israel")}),
    # a threatened arrest or expulsion threatens its target
    ("Israel threatened to expel Arafat.", {("israel", "threatens", "yasser-arafat")}),
    # diplomats ordered out are expelled
    ("Moscow ordered two British diplomats out.", {("russia", "sanctioned", "united-kingdom")}),
    # a visit stands for its traveller
    ("Egypt condemned the visit of the Israeli foreign minister to Ethiopia.",
     {("egypt", "condemned", "israel"), ("israel", "visited", "ethiopia")}),
]

# noun and apposition forms, through the same generated patterns
NOUN_FORMS = [
    ("Belarus, a close ally of Moscow, abstained.", {("belarus", "alliedWith", "russia")}),
    ("Serbia's ally Russia vetoed the resolution.", {("russia", "alliedWith", "serbia")}),
    ("Russia, Serbia's closest partner, vetoed the resolution.", {("russia", "alliedWith", "serbia")}),
    ("The talks between Armenia and Azerbaijan stalled.", {("armenia", "metWith", "azerbaijan")}),
    ("Russia's condemnation of NATO surprised nobody.", {("russia", "condemned", "nato")}),
    ("Putin spoke to reporters after a meeting with Xi.", {("vladimir-putin", "metWith", "xi-jinping")}),
    ("The EU's sanctions on Russia hurt its economy.", {("european-union", "sanctioned", "russia")}),
    ("Washington's support for Ukraine continues.", {("united-states", "supports", "ukraine")}),
    ("Egypt's mediation between Israel and Hamas stalled.",
     {("egypt", "mediatesBetween", "israel"), ("egypt", "mediatesBetween", "hamas")}),
    ("Armenia formed an alliance with France.", {("armenia", "alliedWith", "france")}),
    # 'X-backed Y': supports(X, Y) when Y is an actor
    ("The Iran-backed Houthis seized a ship.", {("iran", "supports", "houthis")}),
    ("Hezbollah, an Iran-backed group, fired rockets at Israel.",
     {("iran", "supports", "hezbollah"), ("hezbollah", "attacked", "israel")}),
    ("Hamas, backed by Qatar, rejected the plan.", {("qatar", "supports", "hamas")}),
    # ... and nothing when the backed noun is no actor
    ("Russian-backed separatists seized the airport.", set()),
    ("Turkish-backed rebels took the town.", set()),
]

# sentence, (subject, relation, object), polarity, modality: kept as evidence, never a fact
CONTEXT = [
    # what one has or needs to do is owed, not done
    ("Turkey said Syria has to expel Ocalan.", ("syria", "coerced", "abdullah-ocalan"), "affirmed", "hypothetical"),
    # agreeing to let X act is a stated intention toward X; so is letting X act a permission
    ("Jordan agreed to let U.S. warplanes use its air bases.", ("jordan", "agreedWith", "united-states"), "affirmed", "planned"),
    ("Egypt let Israel attack Hamas.", ("israel", "attacked", "hamas"), "affirmed", "hypothetical"),
    # a plot is a plan, not the act
    ("Iran plotted to kill Trump.", ("iran", "attacked", "donald-trump"), "affirmed", "planned"),
    # what commentators say is their reading of events, not a report of them
    ("Historians say Russia invaded Georgia in 2008.", ("russia", "attacked", "georgia"), "affirmed", "hypothetical"),
    ("According to analysts, Iran armed the Houthis.", ("iran", "supports", "houthis"), "affirmed", "hypothetical"),
    # one prepares for another's act: it is expected of the other, not its plan
    ("Ukraine prepared for Russia's offensive on Kharkiv.", ("russia", "attacked", "ukraine"), "affirmed", "hypothetical"),
    # 'called on X to ...': X is asked to, and does not yet
    ("Zelensky called on Germany to supply tanks to Ukraine.", ("germany", "aided", "ukraine"), "affirmed", "hypothetical"),
    ("The EU called on Russia to withdraw from Georgia.", ("russia", "withdrewFrom", "georgia"), "affirmed", "hypothetical"),
    # a verb's own 'not' excludes no conjunct: it denies them all
    ("Israel did not attack Hezbollah or Hamas.", ("israel", "attacked", "hezbollah"), "negated", "asserted"),
    # 'neither ... nor' denies both verbs
    ("Egypt neither condemned nor supported Israel.", ("egypt", "supports", "israel"), "negated", "asserted"),
    # a denial of an owned act that no verb speaks of still denies it; a hedge on the attack itself
    ("There was no sign of Russia's offensive on Kharkiv.", ("russia", "attacked", "ukraine"), "negated", "asserted"),
    ("Seven people were killed in a suspected Israeli airstrike on Damascus.", ("israel", "attacked", "syria"), "affirmed", "hypothetical"),
    # a suspected attacker is not a known one; responsibility denied is no attack
    ("Suspected Houthi drones targeted a Saudi oil facility.", ("houthis", "attacked", "saudi-arabia"), "affirmed", "hypothetical"),
    ("Iran denied responsibility for the attack on the US base.", ("iran", "attacked", "united-states"), "negated", "asserted"),
    ("Blinken is set to visit Israel.", ("antony-blinken", "visited", "israel"), "affirmed", "planned"),
    ("The Kremlin said it was open to talks with Washington.", ("russia", "metWith", "united-states"), "affirmed", "planned"),
    ("Iran pledged 50 million dollars in aid to Afghanistan.", ("iran", "aided", "afghanistan"), "affirmed", "planned"),
    # 'agreed to talks', which the parser reads as an infinitive: talks are planned with X
    ("Iran agreed to talks with the United States.", ("iran", "metWith", "united-states"), "affirmed", "planned"),
    # a condition stated by inversion, like one with 'if'
    ("Had Israel attacked Iran, oil prices would have soared.", ("israel", "attacked", "iran"), "affirmed", "hypothetical"),
    ("Should Russia attack Poland, NATO would defend it.", ("russia", "attacked", "poland"), "affirmed", "hypothetical"),
    # rejecting one's own agreement undoes it (another's act it answers: RELATIONS); rejecting
    # another's friendly act refuses it, and the refusal is the rejecter's
    ("Israel rejected Egypt's aid to Gaza.", ("egypt", "aided", "palestine"), "negated", "asserted"),
    # an act that fails to happen did not
    ("The deal between Israel and Hamas failed to materialize.", ("israel", "agreedWith", "hamas"), "negated", "asserted"),
    ("Israel rejected its agreement with Hamas.", ("israel", "agreedWith", "hamas"), "negated", "asserted"),
    # what one waits or prepares for has not happened
    ("The United States waited for talks with Iran.", ("united-states", "metWith", "iran"), "affirmed", "planned"),
    ("Israel is preparing for a ground offensive against Hamas.", ("israel", "attacked", "hamas"), "affirmed", "planned"),
    # what reports say is hearsay; no plain negation above it denies it, a denial verb does
    ("The Kremlin has not commented on reports that North Korean troops are fighting alongside Russian forces.",
     ("north-korea", "cooperatesWith", "russia"), "affirmed", "hypothetical"),
    ("There were no reports that Iran attacked Israel.", ("iran", "attacked", "israel"), "affirmed", "hypothetical"),
    ("Russia denied reports that Iran supplied drones to Russia.", ("iran", "aided", "russia"), "negated", "hypothetical"),
    # a yes/no question asks, it states nothing
    ("Did Russia attack Ukraine?", ("russia", "attacked", "ukraine"), "affirmed", "hypothetical"),
    ("Will China invade Taiwan?", ("china", "threatens", "taiwan"), "affirmed", "hypothetical"),
    # a hedge is speculation, never a fact ('reportedly' only attributes)
    ("Ukraine possibly attacked a Russian airbase.", ("ukraine", "attacked", "russia"), "affirmed", "hypothetical"),
    ("Ukraine allegedly attacked a Russian airbase.", ("ukraine", "attacked", "russia"), "affirmed", "hypothetical"),
    ("Israel apparently struck Iran.", ("israel", "attacked", "iran"), "affirmed", "hypothetical"),
    # a negated denial denies nothing: what it governs is possible; a refuted report is denied
    ("Russia has not ruled out an attack on Ukraine.", ("russia", "attacked", "ukraine"), "affirmed", "hypothetical"),
    ("Iran did not deny meeting Saudi officials.", ("iran", "metWith", "saudi-arabia"), "affirmed", "hypothetical"),
    ("Russia did not postpone its talks with Ukraine.", ("russia", "metWith", "ukraine"), "affirmed", "hypothetical"),
    ("Reports that Putin met Xi were false.", ("vladimir-putin", "metWith", "xi-jinping"), "negated", "asserted"),
    ("It is untrue that Iran attacked Israel.", ("iran", "attacked", "israel"), "negated", "asserted"),
    # support that ended or no longer holds is no support
    ("India no longer supports the Palestinian Authority.", ("india", "supports", "palestinian-authority"), "negated", "asserted"),
    ("Saudi Arabia ended its support for Hamas.", ("saudi-arabia", "supports", "hamas"), "negated", "asserted"),
    # the object of 'urge', 'ask', 'allow' does what their infinitive says, and has not done it
    ("The United States urged Russia to withdraw its troops from Georgia.", ("russia", "withdrewFrom", "georgia"), "affirmed", "hypothetical"),
    # a clause a charge describes is an allegation
    ("Iran attacked Israel, an accusation Tehran denied.", ("iran", "attacked", "israel"), "affirmed", "hypothetical"),
    # an act talked of is not done: discussed, debated, focused on
    ("The talks focused on Russia's withdrawal from Moldova.", ("russia", "withdrewFrom", "moldova"), "affirmed", "hypothetical"),
    ("Egypt and Israel discussed Israel's withdrawal from Sinai.", ("israel", "withdrewFrom", "sinai"), "affirmed", "hypothetical"),
    ("US officials are contemplating Israel's strike on Iranian oil facilities.", ("israel", "attacked", "iran"), "affirmed", "hypothetical"),
    ("The Israeli cabinet debated an attack by Israel on Iran.", ("israel", "attacked", "iran"), "affirmed", "hypothetical"),
    ("Kohl held talks with Gorbachev on the withdrawal of Russian troops from Germany.", ("russia", "withdrewFrom", "germany"), "affirmed", "hypothetical"),
    # a cancelled or postponed act did not happen
    ("Israel announced the cancellation of Netanyahu's visit to Egypt.", ("benjamin-netanyahu", "visited", "egypt"), "negated", "reported"),
    ("The postponement of the talks between Israel and Syria angered Washington.", ("israel", "metWith", "syria"), "negated", "asserted"),
    # what a copula says is due is scheduled
    ("Tariq Aziz is due in Moscow for talks with Russian officials.", ("tariq-aziz", "metWith", "russia"), "affirmed", "planned"),
    # what one is accused of is alleged
    ("Moscow accused Washington of provoking Kyiv to attack Belarus.", ("ukraine", "attacked", "belarus"), "affirmed", "hypothetical"),
    # an act one orders or incites another to do is asked of it (one forced or persuaded is done)
    ("Iran ordered Hezbollah to attack Israel.", ("hezbollah", "attacked", "israel"), "affirmed", "hypothetical"),
    ("Iran goaded Hezbollah to attack Israel.", ("hezbollah", "attacked", "israel"), "affirmed", "hypothetical"),
    ("Iran advised Hezbollah to attack Israel.", ("hezbollah", "attacked", "israel"), "affirmed", "hypothetical"),
    ("The United States allowed Israel to attack Iran.", ("israel", "attacked", "iran"), "affirmed", "hypothetical"),
    ("The UN authorized NATO to strike Serbian positions.", ("nato", "attacked", "serbia"), "affirmed", "hypothetical"),
    # ... but a permission verb's own subject is no permitted act (the truce was made: a fact)
    ("Talks between Iran and Oman are planned for May.", ("iran", "metWith", "oman"), "affirmed", "planned"),
    # an actor that denies the report, the claim or 'it' (later, or in the next sentence)
    # disputes what it was said to have done
    ("Iran supplied drones to Russia. Tehran denied it.", ("iran", "aided", "russia"), "affirmed", "hypothetical"),
    ("Iran supplied drones to Russia, a claim Tehran denied.", ("iran", "aided", "russia"), "affirmed", "hypothetical"),
    ("HTS attacked Aleppo. HTS denied launching any offensive.", ("hayat-tahrir-al-sham", "attacked", "syria"), "affirmed", "hypothetical"),
    # a headline's bare infinitive is planned; a subject or phrase that says no one denies;
    # 'appears to', critics' arguments, a former ally: no fact
    ("Macron to visit China next month", ("emmanuel-macron", "visited", "china"), "affirmed", "planned"),
    ("Not a single African Union member has sanctioned Russia.", ("african-union", "sanctioned", "russia"), "negated", "asserted"),
    ("At no point did China condemn Russia.", ("china", "condemned", "russia"), "negated", "asserted"),
    ("Israel appears to have struck Iran.", ("israel", "attacked", "iran"), "affirmed", "hypothetical"),
    ("Critics argue that Qatar funds Hamas.", ("qatar", "supports", "hamas"), "affirmed", "hypothetical"),
    ("Beijing's critics say China is arming Russia.", ("china", "supports", "russia"), "affirmed", "hypothetical"),
    ("Armenia, formerly a close ally of Russia, met France.", ("armenia", "alliedWith", "russia"), "negated", "asserted"),
    # a friendly act attempted is not done (a hostile one attempted was: 'tried to kill X')
    ("Zelenskiy tried to meet Putin in Istanbul.", ("volodymyr-zelensky", "metWith", "vladimir-putin"), "affirmed", "planned"),
    ("Turkey attempted to mediate between Russia and Ukraine.", ("turkiye", "mediatesBetween", "russia"), "affirmed", "planned"),
    ("Germany declined to condemn Russia.", ("germany", "condemned", "russia"), "negated", "asserted"),
    ("Iran denied any plan to attack Israel.", ("iran", "attacked", "israel"), "negated", "planned"),
    ("Egypt ruled out a meeting with Hamas.", ("egypt", "metWith", "hamas"), "negated", "asserted"),
    ("Qatar was not invited to the talks with Israel.", ("qatar", "metWith", "israel"), "negated", "asserted"),
    ("Egypt refused to mediate between Israel and Hamas.", ("egypt", "mediatesBetween", "israel"), "negated", "asserted"),
    ("Japan never sanctioned Russia.", ("japan", "sanctioned", "russia"), "negated", "asserted"),
    ("Israel did not reject Hamas.", ("israel", "rejected", "hamas"), "negated", "asserted"),
    ("Iran hesitated to attack Israel.", ("iran", "attacked", "israel"), "negated", "asserted"),
    ("Russia could sanction Moldova.", ("russia", "sanctioned", "moldova"), "affirmed", "hypothetical"),
    ("Israel may strike Iran.", ("israel", "attacked", "iran"), "affirmed", "hypothetical"),
    ("Analysts fear that China could blockade Taiwan.", ("china", "attacked", "taiwan"), "affirmed", "hypothetical"),
    ("Washington is considering sanctions on Georgia.", ("united-states", "sanctioned", "georgia"), "affirmed", "hypothetical"),
    ("Kenya hopes to sign a trade deal with Britain.", ("kenya", "agreedWith", "united-kingdom"), "affirmed", "hypothetical"),
    ("Putin is expected to visit Turkey.", ("vladimir-putin", "visited", "turkiye"), "affirmed", "planned"),
    # reluctance denies what it governs
    ("Germany was reluctant to send weapons to Ukraine.", ("germany", "aided", "ukraine"), "negated", "asserted"),
    # an attack others expect is no threat its subject made
    ("Israel is expected to strike Iran.", ("israel", "threatens", "iran"), "affirmed", "hypothetical"),
    ("Russia is expected to launch an offensive against Ukraine.", ("russia", "threatens", "ukraine"), "affirmed", "hypothetical"),
    ("Iran plans to aid Hezbollah.", ("iran", "aided", "hezbollah"), "affirmed", "planned"),
    ("The EU will impose sanctions on Iran.", ("european-union", "sanctioned", "iran"), "affirmed", "planned"),
    ("Iran vowed to retaliate against Israel.", ("iran", "attacked", "israel"), "affirmed", "planned"),
    ("Iran warned it would attack Israel.", ("iran", "attacked", "israel"), "affirmed", "planned"),
    ("Sources close to the Kremlin said Russia would cooperate with China.",
     ("russia", "cooperatesWith", "china"), "affirmed", "planned"),    ("Russia would suspend gas deliveries to Moldova.",
     ("russia", "sanctioned", "moldova"), "affirmed", "hypothetical"),
    ("Jordan will provide aid to Syria.", ("jordan", "aided", "syria"), "affirmed", "planned"),
]

# a threat is itself asserted, the threatened act is not: (sentence, facts)
THREATS = [
    ("Iran warned it would attack Israel.", {("iran", "threatens", "israel")}),
    ("Iran warned that it would strike Israel.", {("iran", "threatens", "israel")}),
    ("Iran vowed to retaliate against Israel.", {("iran", "threatens", "israel")}),
    ("Russia could sanction Moldova.", set()),
    # a time given to act is an ultimatum; days given with no act are not
    ("Bush gave Saddam Hussein 48 hours to leave Iraq.", {("bush", "demanded", "saddam-hussein"), ("bush", "threatens", "saddam-hussein")}),
    ("Egypt gave Sudan two days of food.", set()),
]

# sentence, (subject, relation, object), source: a reported fact names its source, never as a party
ATTRIBUTION = [
    # a report the parser hangs on the clause it reports
    ("Israel attacked Hezbollah, Hamas said, citing witnesses.", ("israel", "attacked", "hezbollah"), "Hamas"),
    ("According to Reuters, Russia sanctioned Japan.", ("russia", "sanctioned", "japan"), "Reuters"),
    ("Axios reported that Qatar mediated between Israel and Hamas.",
     ("qatar", "mediatesBetween", "hamas"), "Axios"),
    ("Officials say Hamas rejected the Egyptian proposal, according to Al Jazeera.",
     ("hamas", "rejected", "egypt"), "Al Jazeera"),
    # state news agencies report; they are no parties
    ("Russia attacked Ukraine, Interfax reported.", ("russia", "attacked", "ukraine"), "Interfax"),
]

NOTHING = [
    # a labour strike in a state is no military strike on it
    "A general strike in Nigeria paralysed the economy.",
    "French workers staged a strike in Paris.",
    "Kenyan teachers began a strike to demand higher pay.",
    "France and Italy agreed to play a friendly in Paris.",
    # whoever detains a person, the one detained is not condemned nor protested against
    "The European Union condemned Ekrem Imamoglu's detention.",
    "Turkish students protested against Ekrem Imamoglu's arrest.",
    "The US set new sanctions on Iran.",
    "North Korea traded missiles with Iran for oil.",
    "The panel concluded that Russia was responsible for security.",
    "Israel dropped leaflets over Gaza.",
    "Israel and Hamas launched a wave of strikes.",
    # a place compound is no provocation's owner; a response whose means is named is no threat
    "Iran vowed to respond to the Damascus strike.",
    "Lebanon said it would respond to the Israeli strike with a complaint to the UN.",
    # a mediator leaving talks between two parties sanctions neither
    "Qatar withdrew from the talks between Israel and Hamas.",
    # ... not to a proposal, nor a response denied
    "Iran said it would respond to the American proposal.",
    "Russia said it would not respond to Ukraine's provocations.",
    "Iran warned it would not take action against Israel.",
    "Thousands of Syrian refugees massed near Turkey.",
    # streets and gatherings with no protest: a celebration, leaders who meet
    "Thousands of Kenyans took to the streets to celebrate the victory of President Ruto.",
    "European leaders gathered in Brussels to denounce Russia.",
    "Kenya took steps to denounce Israel.",
    # demanding a membership is no protest against the body joined
    "Georgians took to the streets to demand EU membership.",
    "The US welcomed the expulsion of Russian diplomats.",
    "Israel protested the sale of Russian missiles to Syria.",
    # blocking another's aid to X is no sanction of the giver
    "Hungary blocked EU aid to Ukraine.",
    # one hosts parties, not their offices
    "Qatar hosts Hamas's political office.",
    # a possessor of what a verb attacks that is the attacker's own is no one else's
    "The US said the Syrian regime attacked its own people.",
    # a manner phrase on an act the verb takes describes that act, not the verb's subject
    "Iran arrested students at a protest in support of Israel.",
    "Germany banned protests in solidarity with the Palestinians.",
    # a news outlet's own words name it no party (its report stands for no one)
    "Al Manar, Hezbollah's television station, threatened Israel.",
    # an unknown name of a treaty or plan is no actor
    "Hezbollah rejected the Taif Agreement.",
    # the ouster of X is done to X: welcoming it backs no X
    "Russia welcomed the ouster of Bashar al-Assad.",
    "Iran pinned its hopes on China.",
    # vetoing or blocking a sanction relieves its target: a threat to do so threatens no one there
    "Hungary threatened to veto the EU sanctions against Russia.",
    "Germany declined to block sanctions on China.",
    "India stepped up patrols along its border with Nepal to curb smuggling.",
    "No Israeli soldiers were killed in the Hezbollah attack.",
    "A Hezbollah attack that killed no Israeli soldiers was reported on Monday.",
    "Three soldiers were killed in an attack.",
    "India exchanged views with Pakistan.",
    "North Korea fired a missile, drawing condemnation.",
    "Supporters massed around the embassy.",
    # paying for an attack names no attacker
    "Iran paid for the attack on Israel.",
    # troops near a capital are no show of force against its state
    "Turkey deployed troops near Kabul.",
    # 'by X' is the killings' agent, hung on 'inquiry': X inquired into nothing
    "An inquiry into the killings by Indonesian troops was opened on Monday.",
    "Iran vowed revenge after the strike on Tehran.",
    "The Russian-backed separatists shelled the airport.",
    "Protesters marched against the war.",
    "The talks blew up over Iran.",
    "Israel blocked roads in the West Bank.",
    "Iran engaged the United States in talks.",
    "Putin moved into the Kremlin.",
    "The US declared war on terror.",
    "The ministry urged calm.",
    "Reuters accused the agency of bias.",
    "Iran rejected the proposal.",
    "The sanctions took effect on Monday.",
    "Aid arrived in the port city.",
    "Officials agreed to meet again.",
    "Iran said the talks must continue.",
    "Ukraine defended Kyiv.",
    "Italy refused to condemn Israel.",
    "The president gave a warm welcome to the visitors.",
    "Britain sent two inspectors to the port.",
    "Ukraine sought refuge from the storm.",
    "A group of experts met in Geneva.",
]

# events as objects: (sentence, subject, relation, event type, victim, perpetrators, facts)
EVENTS = [
    # a definite attack that names no party is the one the text told of just before it
    ("Israel struck Beirut on Monday. Iran condemned the attack.",
     "iran", "condemned", "attack", "lebanon", ("israel",),
     {("israel", "attacked", "lebanon"), ("iran", "condemned", "israel")}),
    ("Israel struck Iran's nuclear sites. Saudi Arabia condemned the strikes.",
     "saudi-arabia", "condemned", "strike", "iran", ("israel",),
     {("israel", "attacked", "iran"), ("saudi-arabia", "condemned", "israel")}),
    # ... not one two sentences back, one with another violent act told after it, nor one a
    # date may set apart
    ("Russia shelled the Ukrainian city of Kharkiv. The strike killed seven civilians. Germany condemned the attack.",
     "germany", "condemned", "attack", None, (), {("russia", "attacked", "ukraine")}),
    ("Russia struck Kyiv on Monday. Gunmen attacked a concert hall near Moscow. The US condemned the attack.",
     "united-states", "condemned", "attack", None, (), {("russia", "attacked", "ukraine")}),
    ("Israel struck Gaza on Monday. Hamas defended the attack on October 7.",
     "hamas", "supports", "attack", None, (), {("israel", "attacked", "palestine")}),
    # ... only one stated as fact, and only a definite one
    ("Israel struck Lebanon. Hezbollah fired rockets at Israel. Iran condemned the attack.",
     "iran", "condemned", "attack", None, (), {("israel", "attacked", "lebanon"), ("hezbollah", "attacked", "israel")}),
    ("Israel may strike Beirut. Iran condemned the attack.",
     "iran", "condemned", "attack", None, (), set()),
    ("Israel struck Beirut. Iran condemned an attack.",
     "iran", "condemned", "attack", None, (), {("israel", "attacked", "lebanon")}),
    # whom a relative clause says the event killed is its victim, never the condemned
    ("Egypt condemned the bombing, which killed 30 Iraqi soldiers.",
     "egypt", "condemned", "bombing", "iraq", (), set()),
    ("Israel condemned a Hamas bombing that killed 15 Israelis.",
     "israel", "condemned", "bombing", "israel", ("hamas",),
     {("israel", "condemned", "hamas"), ("hamas", "attacked", "israel")}),
    # what one blames on Y is Y's in its words: an accusation of Y, never an attack on Y
    ("Moscow blamed the Crocus attack on Ukraine.",
     "russia", "accused", "attack", None, ("ukraine",), {("russia", "accused", "ukraine")}),
    # a capital stands for its government; the one blamed is never the victim
    ("Tehran blamed the assassination on Washington.",
     "iran", "accused", "assassination", None, ("united-states",),
     {("iran", "accused", "united-states")}),
    ("The Kremlin blamed the attack on Kyiv.",
     "russia", "accused", "attack", None, ("ukraine",), {("russia", "accused", "ukraine")}),
    # ... but a place after 'on' is what was struck: no one is blamed
    ("Zelensky blamed the strike on a children's hospital in Kyiv.",
     "volodymyr-zelensky", "accused", "strike", None, (), set()),
    ("Israel blamed the bombing on Iran.",
     "israel", "accused", "bombing", None, ("iran",), {("israel", "accused", "iran")}),
    ("Russia condemned the killing of Ismail Haniyeh.",
     "russia", "condemned", "killing", "ismail-haniyeh", (), set()),
    ("Iran condemned the assassination of Haniyeh in Tehran.",
     "iran", "condemned", "assassination", "ismail-haniyeh", (), set()),
    # a person's possessive on an act a person undergoes is the victim, never its author
    ("The EU condemned Haniyeh's killing.",
     "european-union", "condemned", "killing", "ismail-haniyeh", (), set()),
    ("Iran condemned Nasrallah's assassination by Israel.",
     "iran", "condemned", "assassination", "hassan-nasrallah", ("israel",),
     {("iran", "condemned", "israel")}),
    ("Russia condemned the killing of Haniyeh by Israel.",
     "russia", "condemned", "killing", "ismail-haniyeh", ("israel",),
     {("russia", "condemned", "israel"), ("israel", "attacked", "ismail-haniyeh")}),
    ("Egypt deplored the bombing of the embassy, which al-Shabaab claimed.",
     "egypt", "condemned", "bombing", None, ("al-shabaab",), {("egypt", "condemned", "al-shabaab")}),
    ("Turkey condemned Israel's strike on Hezbollah.",
     "turkiye", "condemned", "strike", "hezbollah", ("israel",),
     {("turkiye", "condemned", "israel"), ("israel", "attacked", "hezbollah")}),
    ("Jordan denounced the murder of Palestinian civilians by Israeli settlers.",
     "jordan", "condemned", "killing", "palestine", ("israel",), {("jordan", "condemned", "israel")}),
    ("France criticized the shelling of the hospital.",
     "france", "condemned", "shelling", None, (), set()),
    ("Iran protested against the bombing of its embassy by Israel.",
     "iran", "protestedAgainst", "bombing", None, ("israel",), {("iran", "protestedAgainst", "israel")}),
    ("Belarus backed the invasion of Ukraine.",
     "belarus", "supports", "invasion", "ukraine", (), set()),
    ("France deplored the violence by Serb forces in Kosovo.",
     "france", "condemned", "violence", None, ("serbia",), {("france", "condemned", "serbia")}),
    ("The United Nations opened an inquiry into the killings by Indonesian troops.",
     "united-nations", "investigated", "killing", None, ("indonesia",),
     {("united-nations", "investigated", "indonesia")}),
]
# fmt: on


def _facts(claims) -> set[tuple[str, str, str]]:
    return {(c.subject, c.relation, c.object) for c in claims if c.is_fact}


@pytest.mark.parametrize(("sentence", "expected"), RELATIONS + NOUN_FORMS + THREATS)
def test_sentence_states_exactly_these_facts(claims_of, sentence, expected):
    assert _facts(claims_of(sentence)) == expected


@pytest.mark.parametrize(("sentence", "triple", "polarity", "modality"), CONTEXT)
def test_denied_and_unrealised_relations_are_kept_but_not_facts(
    claims_of, sentence, triple, polarity, modality
):
    claims = [c for c in claims_of(sentence) if (c.subject, c.relation, c.object) == triple]
    assert claims, f"no statement {triple}"
    assert {(c.polarity, c.modality) for c in claims} == {(polarity, modality)}
    assert triple not in _facts(claims_of(sentence))


@pytest.mark.parametrize(("sentence", "triple", "source"), ATTRIBUTION)
def test_a_reported_fact_names_its_source_and_the_source_is_no_party(
    claims_of, sentence, triple, source
):
    claims = claims_of(sentence)
    (claim,) = [c for c in claims if (c.subject, c.relation, c.object) == triple]
    assert (claim.modality, claim.attribution) == ("reported", source)
    parties = {c.subject for c in claims} | {c.object for c in claims}
    assert not any(source.lower().replace(" ", "-") in party for party in parties)


@pytest.mark.parametrize("sentence", NOTHING)
def test_sentence_states_no_fact(claims_of, sentence):
    assert _facts(claims_of(sentence)) == set()


@pytest.mark.parametrize(
    ("sentence", "subject", "relation", "kind", "victim", "perpetrators", "facts"), EVENTS
)
def test_an_event_object_is_an_event_node_and_never_condemns_the_victim(
    extraction_of, sentence, subject, relation, kind, victim, perpetrators, facts
):
    extraction = extraction_of(sentence)
    (event,) = extraction.events
    assert (event.type, event.victim, event.perpetrators) == (kind, victim, perpetrators)
    assert event.date is not None
    (about,) = [c for c in extraction.claims if c.object_is_event]
    assert (about.subject, about.relation, about.object) == (subject, relation, event.key)
    assert _facts(c for c in extraction.claims if not c.object_is_event) == facts
    assert all(
        c.object != victim for c in extraction.claims if c.relation in ("condemned", "accused")
    )


def test_one_event_in_two_reports_of_a_day_is_one_node(extraction_of):
    first = extraction_of("Russia condemned the killing of Haniyeh.").events
    second = extraction_of("Turkey deplored the assassination of Ismail Haniyeh.").events
    assert first[0].victim == second[0].victim
    assert extraction_of("Qatar condemned the killing of Haniyeh.").events == first


def test_the_graph_writes_the_event_and_no_edge_to_it(extraction_of):
    extraction = extraction_of("Russia condemned the killing of Haniyeh by Israel.")
    graph = build_graph([extraction])
    (event,) = extraction.events
    node = event_iri(event.key)
    assert (node, RDF.type, AKG.Event) in graph
    assert (node, AKG.eventType, Literal("killing")) in graph
    assert (node, AKG.victim, actor_iri("ismail-haniyeh")) in graph
    assert (node, AKG.perpetrator, actor_iri("israel")) in graph
    assert (node, SKOS.prefLabel, Literal("killing of Haniyeh")) in graph
    (statement,) = graph.subjects(RDF.object, node)
    assert graph.value(statement, RDF.predicate) == AKG.condemned
    assert (None, None, node) in graph
    assert set(graph.subject_predicates(node)) == {(statement, RDF.object)}
    assert (actor_iri("russia"), AKG.condemned, actor_iri("israel")) in graph
    assert (actor_iri("russia"), AKG.condemned, actor_iri("ismail-haniyeh")) not in graph
    assert validate(graph).conforms


def test_the_view_shows_a_statement_about_an_event_on_the_actor_not_as_an_edge(extraction_of):
    graph = build_graph([extraction_of("Russia condemned the killing of Haniyeh.")])
    html = render_html(graph)
    data = json.loads(
        re.search(r'id="kg-data" type="application/json">(.*?)</script>', html, re.S)[1]
    )
    assert data["edges"] == []
    (evidence,) = data["notAsserted"][str(actor_iri("russia"))]
    assert evidence["sentence"] == "Russia condemned the killing of Haniyeh."


NEW_RELATIONS = [
    "mediatesBetween",
    "accused",
    "demanded",
    "rejected",
    "sanctioned",
    "aided",
    "cooperatesWith",
    "agreedWith",
    "protestedAgainst",
    "mobilizedAgainst",
    "coerced",
    "concededTo",
    "investigated",
    "withdrewFrom",
    "released",
    "admitted",
]


@pytest.mark.parametrize("name", NEW_RELATIONS)
def test_a_new_relation_has_a_sign_and_its_examples_yield_it(claims_of, name):
    ontology: Graph = load_ontology()
    info = relations()[name]
    assert info.event and info.plover and info.cameo
    assert int(ontology.value(info.iri, AKG.sign)) in (1, -1)
    examples = [str(e) for e in ontology.objects(info.iri, SKOS.example)]
    assert examples
    for example in examples:
        assert name in {c.relation for c in claims_of(example) if c.is_fact}, example


@pytest.mark.parametrize("name", sorted(n for n, info in relations().items() if info.event))
def test_every_event_relation_has_trigger_words(name):
    lexicon = load_lexicon(Settings().ontology_dir / "lexicon")
    assert name in {t.relation for t in lexicon.triggers}


def test_what_one_is_said_to_have_done_is_reported_by_no_one_named(claims_of):
    (claim,) = [
        c
        for c in claims_of("Qatar is said to have hosted Hamas leaders.")
        if (c.subject, c.relation, c.object) == ("qatar", "metWith", "hamas")
    ]
    assert (claim.modality, claim.attribution) == ("reported", None)
