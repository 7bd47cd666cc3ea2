"""Scoring ingest's structure against the frozen labels (tests/labels/structure.json): kind,
meeting date, body, printed item numbers, decision items and actions, per council.

Decision items are scored by item number: `decisions` is the share of labelled decision items
that hold at least one extracted resolution, `decision_precision` the share of items holding
resolutions that are labelled decision items. Where a labelled item was found, `outcome` and
`votes` compare the item's decision with the label (`votes_stated` only where the label
records a vote): an item's outcome is its last resolution's
(minutes close an item with its formal resolution, after any votes on amendments) unless all
agree; its votes are the one vote recorded (a vote on an amendment gives way to the substantive
vote; several different votes make the item's votes null, as the labels do). `actions` is the
share of labelled actions with an extracted action covering half its words, and
`action_precision` the share of extracted actions half of whose words a labelled action holds.

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
            "decision_precision", "outcome", "votes", "votes_stated", "actions",
            "action_precision")  # fmt: skip


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
    """'7.', '(7)', '[7]', 'Item 7', 'Minute 7' and '7' are one printed number."""
    text = (number or "").strip().casefold()
    text = re.sub(r"^(?:agenda\s+)?(?:item|minute|min)\.?\s*(?:no\.?\s*)?", "", text)
    return text.strip(" .:)([]")


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
        # A paper with no numbered items (labelled `items: []`, its decisions numbered null)
        # is one unnumbered item: its decisions are the resolutions outside any numbered item.
        unnumbered = not label.get("items")
        found_d = {
            normalise_number(r["item_number"]) for r in doc["resolutions"] if r["item_number"] or unnumbered
        }
        # A decision labelled outside any numbered item, in a paper that numbers others (a
        # heading the paper left unnumbered): found when a resolution sits outside them too.
        if "" in wanted_d and any(not r["item_number"] for r in doc["resolutions"]):
            found_d.add("")
        hit = len(wanted_d & found_d)
        tally.add(
            "decisions", hit, len(wanted_d), f"{name}: missing {sorted(wanted_d - found_d, key=_natural)}"
        )
        # A paper where nothing was found adds nothing to precision (its misses are recall's).
        tally.add(
            "decision_precision",
            len(found_d & wanted_d),
            len(found_d),
            f"{name}: extra {sorted(found_d - wanted_d, key=_natural)}",
        )
    if label["kind"] in DECISION_KINDS and label.get("decision_items"):
        _score_decided_items(label, doc, tally)
    if label["kind"] in DECISION_KINDS:
        wanted_a = [_words(a["text"]) for a in label.get("actions") or []]
        extracted = [(a["text"], _words(a["text"])) for a in doc["actions"]]
        for action in label.get("actions") or []:
            want = _words(action["text"])
            best = max((len(want & got) / max(1, len(want)) for _, got in extracted), default=0.0)
            tally.add("actions", best >= 0.5, 1, f"{name}: {action['text'][:70]!r}")
        for text, got in extracted:
            best = max((len(want & got) / max(1, len(got)) for want in wanted_a), default=0.0)
            tally.add("action_precision", best >= 0.5, 1, f"{name}: extra {text[:70]!r}")


def _item_outcome(resolutions: list[dict[str, Any]]) -> str:
    """An item's outcome: its last resolution's, the one minutes close the item with."""
    return resolutions[-1]["outcome"]


def _item_votes(resolutions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The item's one recorded vote (see the module doc), or None."""
    voted = [r for r in resolutions if r["votes"] is not None]
    substantive = [r for r in voted if not re.search(r"\bamendment\b", r["text"], re.I)]
    distinct = {tuple(sorted(r["votes"].items())) for r in substantive or voted}
    return dict(distinct.pop()) if len(distinct) == 1 else None


def _score_decided_items(label: dict[str, Any], doc: dict[str, Any], tally: Tally) -> None:
    name = Path(label["path"]).name
    by_item: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in doc["resolutions"]:
        if r["item_number"]:
            by_item[normalise_number(r["item_number"])].append(r)
    for decided in label["decision_items"]:
        found = by_item.get(normalise_number(decided["number"]))
        if not found:
            continue
        outcome = _item_outcome(found)
        tally.add(
            "outcome",
            outcome == decided["outcome"],
            1,
            f"{name}: item {decided['number']} {outcome} (want {decided['outcome']})",
        )
        votes = _item_votes(found)
        miss = f"{name}: item {decided['number']} {votes} (want {decided['votes']})"
        tally.add("votes", votes == decided["votes"], 1, miss)
        if decided["votes"] is not None:
            tally.add("votes_stated", votes == decided["votes"], 1, miss)


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
            "SELECT r.document_id, i.number AS item_number, r.text, r.outcome, r.votes_for, r.votes_against,"
            " r.abstentions, r.vote_result FROM resolutions r LEFT JOIN items i ON i.id = r.item_id"
            " ORDER BY r.rowid"
        ):
            counts = (row.pop("votes_for"), row.pop("votes_against"), row.pop("abstentions"))
            result = row.pop("vote_result")
            row["votes"] = (
                None
                if result is None and counts == (None, None, None)
                else dict(zip(("for", "against", "abstentions", "result"), (*counts, result), strict=True))
            )
            by_id[row["document_id"]]["resolutions"].append(row)
        for row in store.query("SELECT document_id, text FROM actions"):
            by_id[row["document_id"]]["actions"].append(row)
        for file in store.query("SELECT path, document_id FROM files"):
            docs.setdefault(file["path"], by_id[file["document_id"]])
    return docs


def ingest_labelled(
    papers: list[dict[str, Any]], home: Path, workers: int = 2, pdf_engine: str = "pdfminer"
) -> dict[str, str]:
    """Ingest every labelled paper into `home` (structure, decisions and actions; no entities)
    with `pdf_engine`. Returns {path: error} for the papers ingest rejected."""
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
            pdf_engine=pdf_engine,
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


def score_oracle(papers: list[dict[str, Any]]) -> dict[str, Tally]:
    """Per-council tallies of the analyses run on each paper's labelled structure."""
    from tests.bench.oracle_structure import oracle_stored

    tallies: dict[str, Tally] = defaultdict(Tally)
    for paper in papers:
        doc = oracle_stored(paper)
        score_paper(paper, doc, tallies[paper["council"]])
        score_paper(paper, doc, tallies["all"])
    return dict(tallies)
