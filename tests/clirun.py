"""Run `kg` as a user does (a real process) and check the shape of its errors."""

from __future__ import annotations

import os
import subprocess
import sys


def kg(*args: object, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m kg.cli ARGS...` and capture its output; `env` adds variables."""
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "200", **env},
    )


def assert_one_error_line(run: subprocess.CompletedProcess[str], code: int) -> str:
    """The documented exit code, a single `kg: error:` line on stderr, nothing on stdout."""
    assert run.returncode == code, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("kg: error: ")
    assert run.stdout == ""
    return lines[0]
