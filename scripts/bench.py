"""`make bench`: run every benchmark section and write BENCHMARKS.md (atomically).

Each section is a module `scripts/bench_<name>.py` with `run(quick: bool = False) -> str` that
returns Markdown; SECTIONS lists them in report order. `--quick` runs small versions (minutes)
and writes out/BENCHMARKS.quick.md, so a quick run never replaces the committed figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("throughput", "scaling", "store", "view", "extraction")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024**2:.1f} GB"
    except OSError:
        pass
    return "unknown"


def machine() -> str:
    """The Markdown description of this machine and software, with the load when we started."""
    import spacy

    from kg.config import Settings

    model = Settings().model
    meta = spacy.util.get_model_meta(spacy.util.get_package_path(model))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return "\n".join(
        [
            "## Machine",
            "",
            f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
            f"- CPU: {_cpu_model()}, {os.cpu_count()} logical cores",
            f"- RAM: {_memory_gb()}",
            f"- load average at start (1, 5, 15 min): {load}",
            f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
            f"- spaCy {spacy.__version__}, model {model} {meta['version']}",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small versions of every section")
    parser.add_argument("--output", type=Path, help="default: BENCHMARKS.md (quick: out/...)")
    args = parser.parse_args()
    output = args.output or ROOT / ("out/BENCHMARKS.quick.md" if args.quick else "BENCHMARKS.md")

    from kg.files import write_atomic

    parts = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`scripts/bench.py`)"
        + (" in quick mode: small inputs, figures only indicative." if args.quick else ".")
        + " Ratios are taken within one run, so they compare like with like on this machine.",
        "",
        machine(),
    ]
    for name in SECTIONS:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        parts.append(importlib.import_module(f"bench_{name}").run(quick=args.quick))
    write_atomic(output, "\n".join(parts))
    print(f"wrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
