"""One indicator's values as a time series, from the rows `search.records.figures.find_figures` returns.

Rules:
* A point's period is read from its column label when that label is a date ("Jun 14",
  "March 2015", "2014", "2013/14"): KPI dashboards print periods as table columns
  (corpus/003, the 2017 performance report's vital-signs dashboard).
* When an indicator has dated columns, the columns that are not dates ("Target", "<55")
  are references (drawn as lines across the chart), not points in time.
* When none of its columns is a date (a budget table's "Approved budget £m", "Forecast
  Outturn £m"), the points keep the paper's column order and the meeting date orders papers.
* One point per period: when two papers print the same period, the later paper's value wins
  (monitoring reports restate and revise earlier months).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from minutebook.text import MONTHS

# "Jun 14", "Sept. 2016", "March 2015" (corpus/003 prints dashboard months as "Mon YY").
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s+'?(\d{2}|\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
# Financial years ("2012/13", "2013-14"): placed at their start, 1 April.
_FINANCIAL_YEAR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")


def period_date(label: str | None) -> dt.date | None:
    """The date a column label names (first day of its month or year), or None if it is not one."""
    text = (label or "").strip().lower()
    if m := _MONTH_YEAR.match(text):
        month = MONTHS.get(m.group(1))
        year = int(m.group(2))
        if month is None:
            return None
        return dt.date(year + 2000 if year < 100 else year, month, 1)
    if m := _YEAR.match(text):
        return dt.date(int(m.group(1)), 1, 1)
    if m := _FINANCIAL_YEAR.match(text):
        return dt.date(int(m.group(1)), 4, 1)
    return None


@dataclass
class Series:
    """`points` in time order, each a figure row plus `period` (its label) and, when dated,
    `when` (ISO date); `references` are the indicator's undated values (targets)."""

    points: list[dict[str, Any]] = field(default_factory=list)
    references: list[dict[str, Any]] = field(default_factory=list)
    dated: bool = False


def series(rows: list[dict[str, Any]], label: str) -> Series:
    """The values of indicator `label` among `rows` (see the module rules)."""
    chosen = [
        dict(r, period=r.get("period") or r.get("meeting_date") or "") for r in rows if r["label"] == label
    ]
    for row in chosen:
        when = period_date(row["period"]) if row.get("period") else None
        row["when"] = when.isoformat() if when else None
    dated = [r for r in chosen if r["when"]]
    if not dated:
        # Stable sort: within one paper the column order is the paper's own order.
        return Series(points=sorted(chosen, key=lambda r: r.get("meeting_date") or ""))
    latest: dict[str, dict[str, Any]] = {}
    for row in sorted(dated, key=lambda r: r.get("meeting_date") or ""):
        latest[row["when"]] = row
    references = [r for r in chosen if not r["when"]]
    return Series(points=[latest[k] for k in sorted(latest)], references=references, dated=True)


# An indicator's name has words: at least two of three letters or more ("Rate of Looked-After
# Children …", "Workless Households"). Table debris ("s s s s", "m", "Total", a bare "%")
# does not, and the figures page never opens on it.
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
# A series worth opening on has at least this many periods.
MIN_PERIODS = 3


def names_indicator(label: str | None) -> bool:
    """Whether `label` reads as the name of an indicator (see `_NAME_WORD`)."""
    words = {w.casefold() for w in _NAME_WORD.findall(label or "")}
    return len(words) >= 2


@dataclass(frozen=True)
class Indicator:
    """One label's values: how many, over how many periods, and whether they are dated."""

    label: str
    values: int
    periods: int
    dated: bool

    @property
    def worth_opening(self) -> bool:
        return self.periods >= MIN_PERIODS and names_indicator(self.label)


def indicators(rows: list[dict[str, Any]]) -> list[Indicator]:
    """Every label among `rows`, best to open first: those worth opening (a named indicator
    with several periods), dated series before undated, more periods first; then the rest,
    most values first."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row.get("label"):
            by_label.setdefault(row["label"], []).append(row)
    found = []
    for label, members in by_label.items():
        shape = series(members, label)
        periods = len({p.get("when") or p.get("period") for p in shape.points})
        found.append(Indicator(label, len(members), periods, shape.dated))
    return sorted(
        found,
        key=lambda i: (
            not i.worth_opening,
            not i.dated if i.worth_opening else False,
            -i.periods if i.worth_opening else -i.values,
            -len(_NAME_WORD.findall(i.label)),
            i.label,
        ),
    )
