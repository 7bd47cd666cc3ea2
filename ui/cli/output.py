"""How the command line prints: one JSON document on stdout (`--json`), rows as text or CSV,
and a progress bar on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def when(meeting_date: str | None) -> str:
    """A meeting date for a text line: papers with none say "undated", not None."""
    return meeting_date or "undated"


def item_label(number: str | None) -> str:
    """' item 9' after a date, or nothing for a record tied to no numbered item."""
    return f" item {number}" if number else ""


def progress(done: int, total: int, path: str, *, label: str = "ingest") -> None:
    """A one-line progress bar on stderr, redrawn in place on a terminal; `label` names the
    stage ("ingest": papers parsed and stored; "entities": the entity pass after them)."""
    if total < 2:
        return
    width = 30
    filled = int(width * done / total)
    bar = "#" * filled + "-" * (width - filled)
    end = "\n" if done == total else ""
    if sys.stderr.isatty():
        prefix = "" if label == "ingest" else f"{label} "
        sys.stderr.write(f"\r{prefix}[{bar}] {done}/{total} {Path(path).name[:40]:<40}{end}")
    elif done == total or done % max(1, total // 10) == 0:
        sys.stderr.write(f"{label}: {done}/{total} files\n")
    sys.stderr.flush()


def emit_rows(
    args: argparse.Namespace, rows: list[dict[str, Any]], line: Callable[[dict[str, Any]], str]
) -> int:
    if getattr(args, "format", None) == "csv":
        from minutebook.views import rows_to_csv

        sys.stdout.write(rows_to_csv(rows))
    elif args.json:
        print_json(rows)
    else:
        if not rows:
            print("Nothing found.")
        for row in rows:
            print(line(row))
    return 0
