"""`minutebook figures [QUERY]`: numbers from the papers, each with its context and page.

The query is words matched against each figure's label and context (all words must occur),
plus optional filters written in plain English and removed from the words:

* a kind: "money" (GBP), "percent"/"percentage" (%), "count", "rate";
* a threshold: "over £1m", "above 50%", "under 1000", "at least 2.5 million";
* a year: "2014" or "in 2014" matches the meeting year (or the figure's period).

Rows come out oldest meeting first, then by document, page and position.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from minutebook.store import Store

_KINDS = {
    "money": "GBP",
    "gbp": "GBP",
    "percent": "%",
    "percentage": "%",
    "percentages": "%",
    "count": "count",
    "counts": "count",
    "rate": "rate",
    "rates": "rate",
}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_THRESHOLD = re.compile(
    r"\b(?P<op>over|above|more than|greater than|at least|under|below|less than|at most)\s+"
    r"£?(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?P<scale>k|thousand|m|million|bn|billion)?\b\s?%?",
    re.I,
)
_YEAR = re.compile(r"\b(?:in\s+)?(?P<year>(?:19|20)\d\d)\b")


@dataclass
class FigureQuery:
    words: list[str] = field(default_factory=list)
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    year: str | None = None


def parse_figure_query(query: str | None) -> FigureQuery:
    """Split a query into filters and the remaining words (see the module docstring)."""
    parsed = FigureQuery()
    text = query or ""
    m = _THRESHOLD.search(text)
    if m:
        value = float(m.group("num").replace(",", "")) * _SCALE.get((m.group("scale") or "").lower(), 1.0)
        if m.group("op").lower() in ("over", "above", "more than", "greater than", "at least"):
            parsed.minimum = value
        else:
            parsed.maximum = value
        text = text[: m.start()] + " " + text[m.end() :]
    y = _YEAR.search(text)
    if y:
        parsed.year = y.group("year")
        text = text[: y.start()] + " " + text[y.end() :]
    for word in re.findall(r"[\w£%/'-]+", text.lower()):
        if word in _KINDS and parsed.unit is None:
            parsed.unit = _KINDS[word]
        elif word not in ("of", "the", "every", "all", "sum", "sums", "figures", "figure", "in"):
            parsed.words.append(word)
    return parsed


def find_figures(store: Store, query: str | None = None) -> list[dict[str, Any]]:
    """CONTRACT `figures --json`: label, value, unit, period, meeting_date, document_id, page,
    context (+ source, item_id, body)."""
    q = parse_figure_query(query)
    sql = (
        "SELECT f.label, f.value, f.unit, f.period, d.meeting_date, f.document_id, f.page, f.context,"
        " f.source, f.item_id, d.body FROM figures f JOIN documents d ON d.id = f.document_id WHERE 1=1"
    )
    params: list[Any] = []
    if q.unit == "rate":
        sql += " AND f.unit LIKE 'rate%'"
    elif q.unit:
        sql += " AND f.unit = ?"
        params.append(q.unit)
    if q.minimum is not None:
        sql += " AND f.value > ?"
        params.append(q.minimum)
    if q.maximum is not None:
        sql += " AND f.value < ?"
        params.append(q.maximum)
    if q.year:
        sql += " AND (substr(d.meeting_date, 1, 4) = ? OR f.period LIKE ?)"
        params.extend([q.year, f"%{q.year}%"])
    for word in q.words:
        sql += " AND (lower(f.label) LIKE ? OR lower(f.context) LIKE ?)"
        params.extend([f"%{word}%", f"%{word}%"])
    sql += " ORDER BY d.meeting_date IS NULL, d.meeting_date, f.document_id, f.page, f.rowid"
    # An infinite value is an overflowed number (a store written before ingest dropped them),
    # not a figure; JSON cannot print it.
    rows = [row for row in store.query(sql, params) if math.isfinite(row["value"])]
    for row in rows:
        # CONTRACT: a missing value is null, never "" (a number nothing in its sentence names).
        row["label"] = row["label"] or None
    return rows
