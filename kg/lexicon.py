"""Load the data that drives extraction: trigger lexicon, role titles, context words.

All of it lives in `ontology/lexicon/` as JSONL/JSON a user can extend; nothing here is hard-coded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import KgError

__all__ = ["ROLE_TITLES", "Lexicon", "RoleTitle", "Trigger", "load_lexicon"]

# The name `Lexicon.heads` gives the role titles (roles.jsonl), beside the word lists.
ROLE_TITLES = "roles.jsonl"


@dataclass(frozen=True)
class Trigger:
    """One line of triggers.jsonl: words of one part of speech that signal one relation.

    `frame` is "event" (verb or event noun with its arguments) or "relational" ("ally of X").
    An "ADP" line is a preposition whose noun (one of its `object_nouns`) the clause's subject
    acts toward ("went ahead *despite* American objections": a defiance of the United States).
    `prospective` names the relation a planned or feared instance also signals
    ("attack" -> threatens); `events` lets the object be an event ("condemned the killing of X");
    `clausal` lets it be the subject of a that-clause ("demanded that Iran release ..."), and
    `clause_aux` requires the clause to carry one of these auxiliaries ("said Sudan *must* ...");
    `clause_verbs` names the context.json list the clause's verb (or a `complement` line's act)
    must come from ("warned that X would *pay* ...", "warned it would *respond* to ...");
    `subjunctive` also reads a clause whose verb is a bare base form with
    no auxiliary at all (the mandative subjunctive: "insisted that Iran *release* the sailors");
    `complement` lets it be the object of the verb's infinitive ("threatened to cut ties with X");
    `infinitive` makes the object the one asked to act ("ordered X to leave", "called for X to
    leave"); `object_nouns` names the context.json list the object's own noun must come from when
    the preposition hangs on it ("demanded the withdrawal of X"); `particle` is the verb particle
    the trigger needs ("turned down"); `condition` makes the subject of an if/unless clause the
    party threatened ("threatened to leave the talks unless X ..."), `condition_marks` names the
    context.json list of its conjunctions, and with `clause_aux` the condition must hang on the
    speaker's own act in those auxiliaries ("said *it would* leave unless X ..."), with
    `object_nouns` on the verb that names one of them ("warned of *retaliation* if X ..."). A line
    with `object_nouns` is read only through those nouns: "lifted the *curfew* in X", "withdrew
    its *troops* from X" (on a `complement` line, the nouns after the act's preposition, whose
    owner or agent is the object: "vowed to respond to any Israeli *attack*"); `owner` makes the
    owner of such a noun the object ("demanded *Russia's* withdrawal", "froze assets *belonging to*
    the Taliban").
    `purpose` reads the trigger only as an infinitive of purpose, with its clause's subject: the
    act done is the relation ("went on strike to protest X"; a bare "X protested Y's decision" may
    be a complaint); `frontier` lets the object be the neighbour across a frontier noun ("massed
    troops on the border with X"; the troops one of its `object_nouns`, if given); `unless` are
    purposes that cancel it ("rallied outside the embassy *in support* of X", "... to *celebrate*").
    `object_kinds` limits the object to actors of these kinds ("withdrew from *Syria*", not from
    the African Union; "Place": a city, read as its state, "exploded a bomb in *Madrid*", not a
    state named as where, "in southern Lebanon"); `intransitive` reads the line only on a verb
    without a direct object ("withdrew from X", not "withdrew its ambassador from X"). With
    `manner` the nouns follow a preposition of the verb and its direct object is the object
    ("placed X under house *arrest*", "held X as human *shields*"); with `inverse` too, that
    object is the one who did what the noun names, for the verb's subject ("thanked *X* for its
    *support*": X supports the subject). With `casualties` the noun is read only as the event a
    casualty verb's victims fell in, their attacker its modifier ("three soldiers were killed
    *in* a Hezbollah *ambush*": Hezbollah attacked them) or its relative clause killed ("a
    Hamas *bombing* that killed 15 Israelis"). With `deadline` the nouns are a time given to
    someone to act, read only as 'give' with an infinitive ("gave Iraq 48 *hours* to leave
    Kuwait": an ultimatum to Iraq; "gave refugees three days of food" is none). `intent` reads,
    through the `complement` shapes of a verb (or of an adjective after 'be', "is ready to ...",
    or a noun, "its willingness to ..."), only an act no line names, as a stated intention toward
    the act's party ("agreed to extend the mandate of X", "offered to hand the suspects over to
    X"): always planned, never a direct edge.
    `predicate` names the context.json list of words a verb's object must be described with
    ("called Israel's decision *unacceptable*", "dismissed the claims as *baseless*", "held X
    *responsible*", "said the move was *illegal*"): the line is read only through them.
    `crowd` true reads the line only with a crowd as its subject, one of `crowd_nouns` or a people
    ("students protested X's decision", "Kenyans protested X"; a state that protests lodges a
    complaint), false only without one ("Iran boycotted American goods" sanctions; merchants who
    boycott them protest); `subject_nouns` names the context.json list its subject's noun must
    come from ("Ethiopian *troops* left Somalia"; a president who leaves a capital travels);
    `site` true reads the line only when the verb's direct object names a city, by name or after
    a place noun, or ground held by force ("seized Goma", "seized the town of Uvira", "seized three
    Ecuadorean border posts": an attack on its state), false only
    when it names none ("seized a British-flagged tanker": coercion);
    `purposes` names the context.json list of verbs whose infinitive of purpose names the object
    ("rallied *to denounce* X": a protest against X; on a noun line, the infinitive of its light
    verb: "began a strike *to press* X to ..."). `via` adds prepositions by which the verb
    takes its object noun to 'of', 'with', 'on' and 'for' ("agreed *to* X's demands"; a noun
    line's to 'of', 'into' and 'for': "a freeze *on* aid to X").
    """

    relation: str
    pos: str
    lemmas: tuple[str, ...]
    dobj: bool = True
    preps: tuple[str, ...] = ()
    frame: str = "event"
    confidence: float = 0.8
    prospective: str | None = None
    events: bool = False
    clausal: bool = False
    clause_aux: tuple[str, ...] = ()
    clause_verbs: str | None = None
    subjunctive: bool = False
    complement: bool = False
    infinitive: bool = False
    object_nouns: str | None = None
    particle: str | None = None
    condition: bool = False
    condition_marks: str = "threat_condition_marks"
    owner: bool = False
    purpose: bool = False
    frontier: bool = False
    unless: tuple[str, ...] = ()
    object_kinds: tuple[str, ...] = ()
    intransitive: bool = False
    manner: bool = False
    inverse: bool = False
    casualties: bool = False
    deadline: bool = False
    intent: bool = False
    predicate: str | None = None
    crowd: bool | None = None
    site: bool | None = None
    subject_nouns: str | None = None
    purposes: str | None = None
    via: tuple[str, ...] = ()

    @property
    def rule(self) -> str:
        return f"{self.relation}/{self.pos.lower()}-{self.frame}"


@dataclass(frozen=True)
class RoleTitle:
    """A title word and the structural relation it implies ("chief" -> leaderOf)."""

    title: str
    relation: str
    head_of_state: bool = False


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    roles: dict[str, RoleTitle]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    particles: dict[str, str] = field(default_factory=dict)
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    event_types: dict[str, str] = field(default_factory=dict)
    # name -> the last words of its entries, computed on first use (see `heads`)
    _heads: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, name: str) -> frozenset[str]:
        """A named word list of context.json, e.g. `lexicon["negative_verbs"]`."""
        return self.words[name]

    def matches(self, name: str, *words: str) -> bool:
        """Whether any of the words (a lemma, a lower-cased form) is in the named word list."""
        return not self.words[name].isdisjoint(words)

    def lookup(self, name: str, *words: str) -> str | None:
        """The value of the first word found in a named table of context.json, e.g. the sector
        code of 'officials' in `lexicon.lookup("sector_nouns", "official", "officials")`."""
        table = self.tables[name]
        return next((table[word] for word in words if word in table), None)

    def role(self, text: str) -> RoleTitle | None:
        return self.roles.get(text.lower())

    def trigger_lemmas(self, relation: str, pos: str) -> frozenset[str]:
        """The lemmas of a relation's trigger lines of one part of speech ('attacked', 'VERB':
        the verbs that attack)."""
        return frozenset(
            lemma
            for line in self.triggers
            if line.relation == relation and line.pos == pos
            for lemma in line.lemmas
        )

    def heads(self, name: str) -> frozenset[str]:
        """The last word of each entry of a named word list (ROLE_TITLES: of the role titles):
        a look-up of a word, alone or after its modifiers ('security services', 'prime
        minister'), can only find an entry ending in it, so components test this first on every
        token and skip the look-up."""
        found = self._heads.get(name)
        if found is None:
            entries = self.roles if name == ROLE_TITLES else self.words[name]
            found = self._heads[name] = frozenset(e.rsplit(" ", 1)[-1] for e in entries)
        return found

    def measures(self) -> frozenset[str]:
        """The words that measure what follows their 'of' or 'in' (`measure_nouns`, and the sums
        of `money_nouns`): '700 kg of medicine', '$5 million in aid', 'dozens of strikes'."""
        return self["measure_nouns"] | self["money_nouns"]

    def hyphenated(self) -> frozenset[str]:
        """The one-word entries with a hyphen ('sit-in', 'build-up', 'cease-fire'): the tokenizer
        splits such words at the hyphen, so the pipeline keeps them whole for the lexicon to
        find them."""
        entries = [
            *(lemma for trigger in self.triggers for lemma in trigger.lemmas),
            *(word for trigger in self.triggers for word in trigger.unless),
            *self.roles,
            *self.event_types,
            *(word for words in self.words.values() for word in words),
        ]
        return frozenset(e for e in entries if "-" in e.strip("-") and " " not in e)


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise KgError(f"{path}:{number}: invalid lexicon line ({error.msg})") from None
    return rows


@cache
def load_lexicon(lexicon_dir: Path) -> Lexicon:
    """Read triggers.jsonl, roles.jsonl and context.json once per directory."""
    triggers = tuple(
        Trigger(
            relation=row["relation"],
            pos=row["pos"],
            lemmas=tuple(row["lemmas"]),
            dobj=row.get("dobj", True),
            preps=tuple(row.get("preps", ())),
            frame=row.get("frame", "event"),
            confidence=float(row.get("confidence", 0.8)),
            prospective=row.get("prospective"),
            events=row.get("events", False),
            clausal=row.get("clausal", False),
            clause_aux=tuple(row.get("clause_aux", ())),
            clause_verbs=row.get("clause_verbs"),
            subjunctive=row.get("subjunctive", False),
            complement=row.get("complement", False),
            infinitive=row.get("infinitive", False),
            object_nouns=row.get("object_nouns"),
            particle=row.get("particle"),
            condition=row.get("condition", False),
            condition_marks=row.get("condition_marks", "threat_condition_marks"),
            owner=row.get("owner", False),
            purpose=row.get("purpose", False),
            frontier=row.get("frontier", False),
            unless=tuple(row.get("unless", ())),
            object_kinds=tuple(row.get("object_kinds", ())),
            intransitive=row.get("intransitive", False),
            manner=row.get("manner", False),
            inverse=row.get("inverse", False),
            casualties=row.get("casualties", False),
            deadline=row.get("deadline", False),
            intent=row.get("intent", False),
            predicate=row.get("predicate"),
            via=tuple(row.get("via", ())),
            crowd=row.get("crowd"),
            site=row.get("site"),
            subject_nouns=row.get("subject_nouns"),
            purposes=row.get("purposes"),
        )
        for row in _read_jsonl(lexicon_dir / "triggers.jsonl")
    )
    roles = {
        row["title"]: RoleTitle(row["title"], row["relation"], row.get("head_of_state", False))
        for row in _read_jsonl(lexicon_dir / "roles.jsonl")
    }
    context = json.loads((lexicon_dir / "context.json").read_text(encoding="utf-8"))
    particles = context.pop("negative_verb_particles", {})
    # A word list is a JSON list; a table ({word: value}) is also the word list of its keys.
    tables = {name: values for name, values in context.items() if isinstance(values, dict)}
    event_types = context.pop("event_types", {})
    words = {
        name: frozenset(values)
        for name, values in context.items()
        if isinstance(values, list | dict)
    }
    return Lexicon(
        triggers=triggers,
        roles=roles,
        words=words,
        particles=particles,
        tables=tables,
        event_types=event_types,
    )
