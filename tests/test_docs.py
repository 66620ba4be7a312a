"""The README documents what exists: every command, named query, relation and exit code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from kg.cli import app
from kg.errors import KgError
from kg.query import list_queries
from kg.schema import relations

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)
OPTIONS = [
    (name, param.opts)
    for name, command in sorted(typer.main.get_command(app).commands.items())
    for param in command.params
    if param.param_type_name == "option"
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_readme_section(command):
    assert f"### `kg {command}`" in README


@pytest.mark.parametrize(
    ("command", "names"), OPTIONS, ids=[f"{command} {names[0]}" for command, names in OPTIONS]
)
def test_every_option_is_in_the_readme(command, names):
    assert any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", README) for name in names)


@pytest.mark.parametrize("name", sorted(list_queries()))
def test_every_named_query_is_listed_in_the_readme(name):
    assert name in README


@pytest.mark.parametrize("name", sorted(relations()))
def test_every_relation_is_in_the_readme_table(name):
    assert re.search(rf"\|\s*`?(akg:)?{name}`?\s*\|", README), name


@pytest.mark.parametrize("kind", [KgError, *KgError.__subclasses__()], ids=lambda k: k.__name__)
def test_every_exit_code_is_documented(kind):
    assert re.search(rf"\|\s*{kind.exit_code}\s*\|", README)
