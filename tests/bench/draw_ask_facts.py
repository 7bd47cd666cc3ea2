"""Draw random sentences and table rows from the test papers, to write ask questions from.

A plain script: `python tests/bench/draw_ask_facts.py [--council NAME] [--n 60] [--seed 20240611]`.
It does not use the project's code: each paper's text comes straight from `pdftotext -layout`
(or the seed .txt files), is split into table rows (lines with pipes, tabs or wide column gaps)
and prose sentences, and a fixed-seed random sample is printed per council with file and page.
The questions in tests/labels/ask_questions.json were written from this output (seed 20240611).
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
COUNCILS = {
    "norfolk": sorted((SHARED / "seeds").glob("*.txt")),
    "bristol": sorted((SHARED / "real-pdfs").glob("bristol_*.pdf")),
    "weca": sorted((SHARED / "real-pdfs").glob("weca_*.pdf")),
    "burtoncumwalden": sorted((SHARED / "more-councils").glob("burtoncumwalden_*.pdf")),
    # The 2019-01-09 minutes are in Welsh: left out.
    "manordeilo": [
        p for p in sorted((SHARED / "more-councils").glob("manordeilo_*.pdf")) if "2019-01-09" not in p.name
    ],
}
ROW = re.compile(r"\||\t|\S {3,}\S.* {3,}\S")  # pipes, tabs, or two wide column gaps
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(•\-])")


def pages(path: Path) -> list[tuple[int | None, str]]:
    """(page number, text) per physical page; None for the seed .txt files, which have no pages."""
    if path.suffix == ".txt":
        return [(None, path.read_text(encoding="utf-8"))]
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return [(i, text) for i, text in enumerate(out.stdout.split("\f"), start=1) if text.strip()]


def units(text: str) -> list[str]:
    """Table rows as they stand, and prose (paragraphs joined across lines) split into sentences."""
    found: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        prose = " ".join(paragraph)
        found.extend(" ".join(s.split()) for s in SENTENCE_END.split(prose))
        paragraph.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
        elif ROW.search(line.strip()):
            flush()
            found.append(" ".join(line.split()))
        else:
            paragraph.append(line.strip())
    flush()
    return [u for u in found if len(u.split()) >= 4]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--council", choices=sorted(COUNCILS), action="append")
    parser.add_argument("--n", type=int, default=60, help="units drawn per council")
    parser.add_argument("--seed", type=int, default=20240611)
    args = parser.parse_args()
    for council in args.council or list(COUNCILS):
        pool = [
            (path.name, page, unit)
            for path in COUNCILS[council]
            for page, text in pages(path)
            for unit in units(text)
        ]
        rng = random.Random(f"{args.seed}-{council}")
        print(f"# {council}: {len(pool)} units, {args.n} drawn")
        for k, (name, page, unit) in enumerate(rng.sample(pool, min(args.n, len(pool))), start=1):
            print(f"{council} {k:3d} {name} p{page}: {unit}")


if __name__ == "__main__":
    main()
