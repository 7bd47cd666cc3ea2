"""Entity extraction against the hand-labelled set: precision/recall per type, and every miss.

A plain script, not a test: `python tests/bench/eval_entities.py [--subset NAME] [--sample]`.

For each labelled passage of tests/ingest/analyses/labels_entities.py the ingest pipeline
(`ingest.analyses.nlp.get_nlp` + `ingest.analyses.entities.spans_in`, people merged within the passage by
`minutebook.names.merge_names`, organisations by their canonical name) gives a set of people
and a set of organisations; these are compared with the labels as sets, per passage. Prints
precision and recall per type over the whole set and per subset (hand-picked / every-nth /
titled / held-out), then each false positive and false negative with its source.

`--filter-impact` measures, in one run, what reading only the text that can hold names
(`ingest.analyses.entities.name_bearing`) costs and saves: P/R on the labelled passages read
whole and read through the filter, then over every corpus paper and real PDF the mentions
(kind, name, item) found reading all prose ("before") against reading through the filter
("after"), with the characters and spaCy CPU seconds of each.

`--sample` instead reprints the passages the sampling rule picks (needs
/work/shared/real-pdfs), so a reviewer can check the sampled lists were not cherry-picked.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from ingest.analyses.entities import _texts  # noqa: E402
from tests.ingest.analyses.labels_entities import (  # noqa: E402
    HAND_PICKED,
    SAMPLED_EVERY_NTH,
    SAMPLED_HELD_OUT,
    SAMPLED_TITLED,
    extract,
)

Labelled = list[tuple[str, str, set[str], set[str]]]
SUBSETS: dict[str, Labelled] = {
    "hand-picked": HAND_PICKED,
    "every-nth": SAMPLED_EVERY_NTH,
    "titled": SAMPLED_TITLED,
    "held-out": SAMPLED_HELD_OUT,
}
REAL_PDFS = Path("/work/shared/real-pdfs")
SAMPLE_SOURCES = {p.name[:3]: p for p in sorted((REPO / "corpus").glob("*.txt"))} | {
    "bristol-2024-09-12": REAL_PDFS / "bristol_tcpc_2024-09-12_printed_minutes.pdf",
    "bristol-2025-05-15": REAL_PDFS / "bristol_tcpc_2025-05-15_printed_minutes.pdf",
    "bristol-2025-10-23 (held out)": REAL_PDFS / "bristol_tcpc_2025-10-23_printed_minutes.pdf",
}
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir)\b")


def prf(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float, int, int, int]:
    """(precision, recall, true positives, found, gold) over (found, gold) set pairs."""
    tp = sum(len(found & gold) for found, gold in pairs)
    found_n = sum(len(found) for found, _ in pairs)
    gold_n = sum(len(gold) for _, gold in pairs)
    return (tp / found_n if found_n else 1.0), (tp / gold_n if gold_n else 1.0), tp, found_n, gold_n


def sample_lines(path: Path, per_source: int = 9, titled: int = 4) -> tuple[list[str], list[str]]:
    """The sampling rule of labels_entities.py: every nth prose line, then titled lines."""
    from ingest.pipeline import parse_file

    lines = []
    # Every prose line, as when the labels were sampled (before `name_bearing` existed).
    for text, _page, _item in _texts(parse_file(path), all_text=True):
        for line in text.splitlines():
            line = " ".join(line.split())
            if 8 <= len(line.split()) <= 70:
                lines.append(line)
    step = len(lines) // per_source
    picked = [lines[step // 2 + k * step] for k in range(per_source)]
    with_title = [line for line in lines if TITLED.search(line) and line not in picked]
    tstep = max(1, len(with_title) // titled)
    return picked, [with_title[tstep // 2 + k * tstep] for k in range(min(titled, len(with_title)))]


def filter_impact() -> int:
    import time

    from ingest.analyses import registered_analyses
    from ingest.analyses.entities import extract_entities, name_bearing
    from ingest.pipeline import parse_file

    labelled = [row for rows in SUBSETS.values() for row in rows]
    whole = extract([text for _, text, _, _ in labelled])
    filtered = extract([name_bearing(text) for _, text, _, _ in labelled])
    print(f"labelled passages: {len(labelled)}")
    for index, kind in ((0, "people"), (1, "organisations")):
        for label, results in (("whole", whole), ("filtered", filtered)):
            pairs = [(found[index], row[2 + index]) for found, row in zip(results, labelled, strict=True)]
            p, r, tp, found_n, gold_n = prf(pairs)
            print(f"  {kind:14} {label:9} P {p:.3f} ({tp}/{found_n})  R {r:.3f} ({tp}/{gold_n})")
    others = registered_analyses()  # every analysis but entities (read below, twice)
    papers = sorted((REPO / "corpus").glob("*.txt"))
    for folder in (REAL_PDFS, REAL_PDFS.parent / "more-councils"):
        papers += sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    totals = {"before": [0, 0.0], "after": [0, 0.0]}
    kept = lost = gained = 0
    lost_lines: list[str] = []
    per_paper: list[str] = []
    for path in papers:
        doc = parse_file(path, analyses=others)
        found = {}
        for label, all_text in (("before", True), ("after", False)):
            chars = sum(len(t) for t, _, _ in _texts(doc, all_text=all_text))
            start = time.process_time()
            extract_entities(doc, all_text=all_text)
            totals[label][0] += chars
            totals[label][1] += time.process_time() - start
            found[label] = {(m.type, m.name, m.item_id) for m in doc.mentions}
        distinct = {
            label: {(kind, name) for kind, name, _ in found[label] if kind in ("person", "organisation")}
            for label in found
        }
        counts = [
            sum(1 for kind, _ in distinct[label] if kind == wanted)
            for wanted in ("person", "organisation")
            for label in ("before", "after")
        ]
        gone = sorted(distinct["before"] - distinct["after"])
        per_paper.append(
            f"  {path.name:58} people {counts[0]:3} -> {counts[1]:3}"
            f"  organisations {counts[2]:3} -> {counts[3]:3}"
            + (f"  lost: {', '.join(f'{kind} {name!r}' for kind, name in gone)}" if gone else "")
        )
        kept += len(found["before"] & found["after"])
        lost += len(found["before"] - found["after"])
        gained += len(found["after"] - found["before"])
        lost_lines += [
            f"  {path.name}: lost {m[0]} {m[1]!r}" for m in sorted(found["before"] - found["after"], key=str)
        ]
        lost_lines += [
            f"  {path.name}: new  {m[0]} {m[1]!r}" for m in sorted(found["after"] - found["before"], key=str)
        ]
    (chars_b, cpu_b), (chars_a, cpu_a) = totals["before"], totals["after"]
    print(
        f"\n{len(papers)} papers: characters read {chars_b:,} -> {chars_a:,} ({chars_a / chars_b:.0%});"
        f" entity CPU {cpu_b:.1f} s -> {cpu_a:.1f} s ({cpu_a / cpu_b:.0%})"
    )
    total = kept + lost
    print(f"mentions (kind, name, item): kept {kept}/{total} ({kept / total:.1%}), lost {lost}, new {gained}")
    print("\ndistinct people and organisations per paper, all prose -> name-bearing text:")
    print("\n".join(per_paper))
    print("\nmentions lost or new (kind, name, item):")
    print("\n".join(lost_lines))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subset", choices=sorted(SUBSETS), help="evaluate one subset only")
    parser.add_argument("--sample", action="store_true", help="reprint the sampled passages")
    parser.add_argument("--filter-impact", action="store_true", help="before/after the name-bearing filter")
    args = parser.parse_args()
    if args.filter_impact:
        return filter_impact()
    if args.sample:
        for key, path in SAMPLE_SOURCES.items():
            every, titled = sample_lines(path)
            print(f"== {key}")
            for line in every:
                print("  nth   ", line)
            for line in titled:
                print("  titled", line)
        return 0

    subsets = {args.subset: SUBSETS[args.subset]} if args.subset else SUBSETS
    labelled = [row for rows in subsets.values() for row in rows]
    results = extract([text for _, text, _, _ in labelled])
    print(f"{len(labelled)} passages ({', '.join(f'{k}: {len(v)}' for k, v in subsets.items())})")
    start = 0
    for name, rows in [("all", labelled), *subsets.items()] if len(subsets) > 1 else [("all", labelled)]:
        if name == "all":
            part, offset = results, 0
        else:
            part, offset = results[start : start + len(rows)], start
            start += len(rows)
        del offset
        for index, kind in ((0, "people"), (1, "organisations")):
            pairs = [(found[index], row[2 + index]) for found, row in zip(part, rows, strict=True)]
            p, r, tp, found_n, gold_n = prf(pairs)
            print(f"{name:12} {kind:14} P {p:.3f} ({tp}/{found_n})  R {r:.3f} ({tp}/{gold_n})")
    for index, kind in ((0, "people"), (1, "organisations")):
        print(f"\n{kind}: false positives / false negatives")
        for found, (source, text, *gold) in zip(results, labelled, strict=True):
            extra, missed = found[index] - gold[index], gold[index] - found[index]
            if extra or missed:
                print(f"  [{source}] {text[:90]!r}")
                for name in sorted(extra):
                    print(f"      FP {name}")
                for name in sorted(missed):
                    print(f"      FN {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
