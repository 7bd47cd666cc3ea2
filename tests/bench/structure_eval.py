"""Scoring ingest's structure against the frozen labels (tests/labels/structure.json): kind,
meeting date, body, printed item numbers, decision items and actions, per council.

Shared by the evaluation script (`eval_structure.py`) and the label tests; the labels
themselves are never edited to fit the code. Papers are ingested through the real pipeline
into a real store, and scored as a user sees them: what the store holds after the whole
batch landed (so body names resolved across a council's papers are scored as resolved).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "tests" / "labels" / "structure.json"
SHARED = REPO.parent / "shared"
FOLDERS = {
    "real-pdfs": SHARED / "real-pdfs",
    "more-councils": SHARED / "more-councils",
    "seeds": REPO / "corpus",
}
ITEM_KINDS = ("minutes", "agenda", "supplementary_agenda", "decision_notice")
DECISION_KINDS = ("minutes", "decision_notice")
MEASURES = ("kind", "date", "body", "items", "minute_items", "item_precision", "decisions",
            "decision_precision", "actions")  # fmt: skip


def load_labels(path: Path = LABELS, root: Path | None = None) -> list[dict[str, Any]]:
    """Labelled papers whose file is present (folders that are absent are left out)."""
    papers = json.loads(path.read_text())["papers"]
    out = []
    for paper in papers:
        folder = FOLDERS.get(paper["folder"], root) if root is None else root
        if folder is None:
            continue
        file = folder / paper["file"]
        if file.is_file():
            out.append({**paper, "path": str(file.resolve())})
    return out


def normalise_body(name: str | None) -> str:
    """Case, '&'/'and', a leading 'The' and punctuation do not make another body."""
    text = (name or "").casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    words = text.split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def normalise_number(number: str | None) -> str:
    """'7.', 'Item 7', 'Minute 7' and '7' are one printed number."""
    text = (number or "").strip().casefold()
    text = re.sub(r"^(?:agenda\s+)?(?:item|minute|min)\.?\s*(?:no\.?\s*)?", "", text)
    return text.strip(" .:)(")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if len(w) > 2}


@dataclass
class Tally:
    """Hits and totals per measure for one council."""

    hits: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, measure: str, hit: float, total: float = 1, miss: str | None = None) -> None:
        self.hits[measure] += hit
        self.totals[measure] += total
        if miss and hit < total:
            self.misses.append(f"{measure}: {miss}")

    def score(self, measure: str) -> float | None:
        total = self.totals[measure]
        return self.hits[measure] / total if total else None


def _multiset_hits(wanted: Iterable[str], found: Iterable[str]) -> int:
    return sum((Counter(wanted) & Counter(found)).values())


def score_paper(label: dict[str, Any], doc: dict[str, Any] | None, tally: Tally) -> None:
    """Add one paper's scores. `doc` is the stored document (None when ingest rejected it)."""
    name = Path(label["path"]).name
    if doc is None:
        for measure in ("kind", "date", "body"):
            tally.add(measure, 0, 1, f"{name} was not ingested")
        return
    tally.add("kind", doc["kind"] == label["kind"], 1, f"{name}: {doc['kind']} (want {label['kind']})")
    tally.add(
        "date",
        doc["meeting_date"] == label["meeting_date"],
        1,
        f"{name}: {doc['meeting_date']} (want {label['meeting_date']})",
    )
    accepted = {normalise_body(b) for b in [label["body"], *label.get("body_aliases", [])]}
    tally.add(
        "body",
        normalise_body(doc["body"]) in accepted,
        1,
        f"{name}: {doc['body']!r} (want {label['body']!r})",
    )
    wanted = [normalise_number(i["number"]) for i in label.get("items", [])]
    found = [normalise_number(i["number"]) for i in doc["items"] if i["number"]]
    if label["kind"] in ITEM_KINDS and wanted:
        hit = _multiset_hits(wanted, found)
        missing = sorted((Counter(wanted) - Counter(found)).elements(), key=_natural)
        tally.add("items", hit, len(wanted), f"{name}: missing {missing[:12]}")
        if label["kind"] == "minutes":
            tally.add("minute_items", hit, len(wanted), f"{name}: missing {missing[:12]}")
        extra = sorted((Counter(found) - Counter(wanted)).elements(), key=_natural)
        tally.add("item_precision", hit, max(1, len(found)), f"{name}: extra {extra[:12]}")
    if label["kind"] in DECISION_KINDS and label.get("decision_items"):
        wanted_d = {normalise_number(d["number"]) for d in label["decision_items"]}
        found_d = {normalise_number(r["item_number"]) for r in doc["resolutions"] if r["item_number"]}
        hit = len(wanted_d & found_d)
        tally.add(
            "decisions", hit, len(wanted_d), f"{name}: missing {sorted(wanted_d - found_d, key=_natural)}"
        )
        tally.add(
            "decision_precision",
            len(found_d & wanted_d),
            max(1, len(found_d)),
            f"{name}: extra {sorted(found_d - wanted_d, key=_natural)}",
        )
    if label["kind"] in DECISION_KINDS and label.get("actions"):
        extracted = [_words(a["text"]) for a in doc["actions"]]
        for action in label["actions"]:
            want = _words(action["text"])
            best = max((len(want & got) / max(1, len(want)) for got in extracted), default=0.0)
            tally.add("actions", best >= 0.5, 1, f"{name}: {action['text'][:70]!r}")


def _natural(value: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", value))


def stored_documents(home: Path) -> dict[str, dict[str, Any]]:
    """Each stored document by resolved path: kind, date, body, items, resolutions, actions."""
    from minutebook.store import open_store

    with open_store(home) as store:
        docs = {
            row["path"]: {**row, "items": [], "resolutions": [], "actions": []}
            for row in store.query("SELECT id, path, kind, body, meeting_date FROM documents")
        }
        by_id = {doc["id"]: doc for doc in docs.values()}
        for row in store.query("SELECT document_id, number, title FROM items ORDER BY document_id, position"):
            by_id[row["document_id"]]["items"].append(row)
        for row in store.query(
            "SELECT r.document_id, i.number AS item_number"
            " FROM resolutions r LEFT JOIN items i ON i.id = r.item_id"
        ):
            by_id[row["document_id"]]["resolutions"].append(row)
        for row in store.query("SELECT document_id, text FROM actions"):
            by_id[row["document_id"]]["actions"].append(row)
        for file in store.query("SELECT path, document_id FROM files"):
            docs.setdefault(file["path"], by_id[file["document_id"]])
    return docs


def ingest_labelled(papers: list[dict[str, Any]], home: Path, workers: int = 2) -> dict[str, str]:
    """Ingest every labelled paper into `home` (structure, decisions and actions; no entities).
    Returns {path: error} for the papers ingest rejected."""
    from ingest.analyses.actions import analyse_actions
    from ingest.analyses.decisions import analyse_decisions
    from ingest.pipeline import ingest_paths
    from minutebook.store import open_store

    with open_store(home) as store:
        report = ingest_paths(
            [Path(p["path"]) for p in papers],
            store,
            workers=workers,
            analyses=[analyse_decisions, analyse_actions],
        )
    return {failure.path: failure.error for failure in report.failed}


def score_all(papers: list[dict[str, Any]], home: Path) -> tuple[dict[str, Tally], dict[str, str]]:
    """Per-council tallies (and 'all') for papers already ingested into `home`."""
    docs = stored_documents(home)
    tallies: dict[str, Tally] = defaultdict(Tally)
    for paper in papers:
        doc = docs.get(paper["path"])
        score_paper(paper, doc, tallies[paper["council"]])
        score_paper(paper, doc, tallies["all"])
    return dict(tallies), {}
