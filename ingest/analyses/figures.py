"""Figures: every number a reader may want to find again, with what it is about.

Two sources, one output (`Figure`):

* **Prose**: sentences are scanned by a registry of figure parsers (money, percentages,
  rates, counts). Each match becomes one figure with the verbatim sentence as `context`.
* **Tables** (the pipe tables the converters emit): every numeric cell becomes a figure with
  `label` = the row's first cell (the indicator), `period` = the column header, and
  `source="table"`. Blank cells, crosses ("×", "\\times", "$ \\mathbf{x} $") and words are
  not figures.

Invariants: `value` is a float in the figure's unit; money is always whole pounds (`GBP`);
percentages are in `%` (27.0% -> 27.0); `context` is a verbatim substring of the section text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from minutebook.models import Document, Figure

# ----------------------------------------------------------------- numbers

_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "billion": 1e9,
}

# A money amount as printed. Norfolk writes "£16M", "£400K", "£1.709m", "£2.67 million",
# "£11,920,000" and (a typo in the 2017 report) "£3.147.700"; the 2014 supplementary agenda
# has "£ 3,410,346" with a space after the sign.
_MONEY = re.compile(
    r"(?P<sign>[-−])?£\s?(?P<num>\d{1,3}(?:[.,]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>million|millions|thousand|billion|bn|mn|m|k)\b)?",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)\s?(?P<unit>%|per\s?cent\b|percentage points?\b)", re.IGNORECASE
)
# "68.4 per 10,000", "3.2 per 1000 children".
_RATE = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s+per\s+(?P<base>\d{1,3}(?:,\d{3})+|\d+)\b", re.IGNORECASE)
# A count: a number followed by a plural noun phrase ("239 referrals", "115 confirmed
# exclusions", "39 child protection assessments"): 2017 report and 2014 minutes.
_COUNT = re.compile(
    r"(?<![\d.,£/-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<noun>(?:[a-z][a-z'-]*\s+){0,3}?[a-z][a-z'-]*s)\b"
)
# Words that make a "count" a date, a duration or a reference rather than a quantity.
_NOT_COUNTED = {
    "years", "months", "weeks", "days", "hours", "minutes", "sessions", "items", "pages",
    "points", "terms", "decimals", "percentage points", "per cents", "olds",
}  # fmt: skip
# A number after these words names something ("Year 2 pupils", "Lot 15", "item 8"), it is no count.
_REFERENCE_BEFORE = re.compile(
    r"\b(?:year|years|key stage|lot|lots|item|items|paragraph|section|appendix|page|pages|phase)\s*$",
    re.IGNORECASE,
)

_PERIOD = re.compile(
    r"\b(?:(?:19|20)\d\d\s?[/-]\s?(?:19|20)?\d\d"  # 2015/16, 2013-14, 2013/2014
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:19|20)\d\d"  # January 2017
    r"|(?:Q[1-4]|quarter [1-4])\s+(?:19|20)\d\d(?:/\d\d)?"
    r"|(?:autumn|spring|summer) term(?: (?:19|20)\d\d)?"
    r"|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(•\-£\d])|\n+")
_STOP = {
    "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "from", "with", "was", "were",
    "is", "are", "be", "been", "has", "had", "have", "and", "or", "which", "that", "this",
    "up", "worth", "about", "around", "approximately", "some", "total", "over", "under",
    "than", "as", "it", "its", "shows", "show", "showed", "there", "we", "our",
}  # fmt: skip
# Words after a number that say how it compares, not what it counts ("2% below the average").
_COMPARATIVES = {
    "per", "below", "above", "higher", "lower", "more", "less", "fewer", "increase", "decrease",
    "rise", "fall", "reduction", "overspend", "underspend", "compared", "between", "or",
}  # fmt: skip
_ARTICLES = {"the", "a", "an", "all", "our"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’/&-]*")


def parse_money(text: str) -> tuple[float, bool] | None:
    """`(value in pounds, suspicious)` for a printed amount such as "£2.67 million".

    `suspicious` is True when the amount had to be guessed: several dots used as thousands
    separators ("£3.147.700" in the 2017 report), read as 3147700.
    """
    match = _MONEY.search(text)
    if not match:
        return None
    return _money_value(match)


def _money_value(match: re.Match[str]) -> tuple[float, bool]:
    num = match.group("num")
    # Dots as thousands separators: only a typo prints "£3.147.700" (2017 report).
    suspicious = num.count(".") > 1
    num = num.replace(",", "").replace(".", "") if suspicious else num.replace(",", "")
    value = float(num)
    scale = (match.group("scale") or "").lower()
    value *= _SCALES.get(scale, 1.0)
    if match.group("sign"):
        value = -value
    return round(value, 2), suspicious


# ----------------------------------------------------------------- prose


@dataclass
class _Hit:
    start: int
    end: int
    value: float
    unit: str
    label: str
    suspicious: bool = False


FigureParser = Callable[[str], Iterator[_Hit]]


def _money_hits(sentence: str) -> Iterator[_Hit]:
    for m in _MONEY.finditer(sentence):
        value, suspicious = _money_value(m)
        yield _Hit(m.start(), m.end(), value, "GBP", _label(sentence, m.start(), m.end()), suspicious)


def _percent_hits(sentence: str) -> Iterator[_Hit]:
    for m in _PERCENT.finditer(sentence):
        unit = "percentage points" if m.group("unit").lower().startswith("percentage") else "%"
        yield _Hit(m.start(), m.end(), float(m.group("num")), unit, _label(sentence, m.start(), m.end()))


def _rate_hits(sentence: str) -> Iterator[_Hit]:
    for m in _RATE.finditer(sentence):
        unit = f"rate per {m.group('base')}"
        yield _Hit(m.start(), m.end(), float(m.group("num")), unit, _label(sentence, m.start(), m.end()))


def _count_hits(sentence: str) -> Iterator[_Hit]:
    for m in _COUNT.finditer(sentence):
        noun = " ".join(m.group("noun").split())
        last = noun.split()[-1]
        if noun in _NOT_COUNTED or last in _NOT_COUNTED or _looks_like_year(m.group("num")):
            continue
        if _REFERENCE_BEFORE.search(sentence[: m.start()]):
            continue
        # Trim leading stop words: "3 of the families" is not captured, "20 families" is.
        words = [w for w in noun.split() if w not in _STOP]
        if not words or words[-1] != last:
            continue
        yield _Hit(m.start(), m.end(), float(m.group("num").replace(",", "")), "count", " ".join(words))


def _looks_like_year(num: str) -> bool:
    return len(num) == 4 and num[:2] in ("19", "20")


# Order matters: earlier parsers claim their spans first (a rate's number is not a count).
FIGURE_PARSERS: list[FigureParser] = [_money_hits, _percent_hits, _rate_hits, _count_hits]


def _label(sentence: str, start: int, end: int) -> str:
    """What the number is about: the words right after it, else the noun phrase before it.

    "£16M additional funding for 2015/16" -> "additional funding"; "variance of £400K under"
    -> "variance"; "school balances at 31 March 2014 is £27.019 million" -> "school balances".
    """
    after = _WORD.findall(re.split(r"[.,;:()\[\]]", sentence[end : end + 60], maxsplit=1)[0])
    # A share names its whole after "of": "79% of the FSP's" -> "FSP's" (2017 report 3.7).
    if after and after[0].lower() == "of":
        after = [w for w in after[1:4] if w.lower() not in _ARTICLES] + after[4:]
    following: list[str] = []
    for word in after[:4]:
        if word.lower() in _STOP or word.lower() in _COMPARATIVES:
            break
        following.append(word)
    if following:
        return " ".join(following)
    before = _WORD.findall(sentence[max(0, start - 80) : start])
    phrase: list[str] = []
    for word in reversed(before):
        if word.lower() in _STOP:
            if phrase:
                break
            continue
        phrase.insert(0, word)
        if len(phrase) == 4:
            break
    return " ".join(phrase) or sentence[max(0, start - 30) : start].strip()


def _period(sentence: str, start: int) -> str | None:
    """The period named nearest the number in its sentence, if any."""
    best: tuple[int, str] | None = None
    for m in _PERIOD.finditer(sentence):
        if m.start() <= start < m.end():
            continue
        distance = min(abs(m.start() - start), abs(m.end() - start))
        if best is None or distance < best[0]:
            best = (distance, m.group(0))
    return best[1] if best else None


def _sentences(text: str) -> Iterator[str]:
    for chunk in _SENTENCE_END.split(text):
        chunk = chunk.strip()
        if chunk and not chunk.startswith("|"):
            yield chunk


def figures_in_text(text: str, page: int, item_id: str | None = None) -> tuple[list[Figure], list[str]]:
    """Figures in prose (table lines skipped), and warnings for amounts that were guessed."""
    figures: list[Figure] = []
    warnings: list[str] = []
    prose = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))
    for sentence in _sentences(prose):
        if not any(ch.isdigit() for ch in sentence):
            continue
        taken: list[tuple[int, int]] = []
        for parser in FIGURE_PARSERS:
            for hit in parser(sentence):
                if any(hit.start < e and s < hit.end for s, e in taken) or _inside_date(sentence, hit):
                    continue
                taken.append((hit.start, hit.end))
                figures.append(
                    Figure(
                        label=hit.label,
                        value=hit.value,
                        unit=hit.unit,
                        page=page,
                        context=sentence,
                        period=_period(sentence, hit.start),
                        item_id=item_id,
                    )
                )
                if hit.suspicious:
                    warnings.append(
                        f"page {page}: amount '{sentence[hit.start : hit.end]}' has dots as thousands"
                        f" separators; read as £{hit.value:,.0f}"
                    )
    return figures, warnings


def _inside_date(sentence: str, hit: _Hit) -> bool:
    """A count that is really a date ("31 March", "the 17 June meeting")."""
    if hit.unit != "count":
        return False
    return bool(re.match(r"\s*(?:st|nd|rd|th)?\b", sentence[hit.end :])) and bool(
        re.match(
            r"\d+\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)",
            sentence[hit.start :],
        )
    )


# ----------------------------------------------------------------- tables

# Cells that mean "no value": blank, crosses (the 2017 dashboard prints ×, "\times" and
# "$ \mathbf{x} $" for grey cells), dashes, "n/a", bullets left by the converter.
_EMPTY_CELL = re.compile(
    r"^(?:|[×x✗•·_–—-]|\\times|\$\s*\\mathbf\{x\}\s*\$|\$\s*\\times\s*\$|n/?a|tbc|-+)$", re.IGNORECASE
)
_CELL_NUMBER = re.compile(
    r"^(?P<cmp>[<>≤≥]=?)?\s?(?P<sign>[+\-−])?\s?(?P<money>£)?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<pct>%)?$"
)
# Excel exports name unnamed columns "Column33"; the 2017 dashboard's "Column33 Jul 16".
_EXCEL_COLUMN = re.compile(r"^Column\d+\s*")
# "{ChS}" / "(ChS)": the directorate code the 2017 dashboard prefixes to each indicator.
_ROW_CODE = re.compile(r"^[({\[][A-Za-z]{2,5}[)}\]]\s*")
_SEPARATOR_ROW = re.compile(r"^\|?[\s|:-]+\|?$")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [" ".join(cell.split()) for cell in inner.split("|")]


def _cell_value(cell: str) -> tuple[float, bool, bool] | None:
    """(value, is_percent, is_money) for a numeric cell, None for anything else."""
    m = _CELL_NUMBER.match(cell.replace("−", "-"))
    if not m:
        return None
    value = float(m.group("num").replace(",", ""))
    if m.group("sign") in ("-", "−"):
        value = -value
    return value, bool(m.group("pct")), bool(m.group("money"))


def _is_header(cells: list[str]) -> bool:
    """A header row: its value cells hold no numbers (repeated mid-table headers count)."""
    values = [c for c in cells[1:] if not _EMPTY_CELL.match(c)]
    return len(values) >= max(1, (len(cells) - 1) // 2) and not any(_cell_value(c) for c in values)


def _column_scale(header: str) -> tuple[str, float] | None:
    """Money columns say their scale in the header: "Outturn £m", "Balance £000"."""
    h = header.replace(" ", "").lower()
    if "£m" in h:
        return "GBP", 1e6
    if "£000" in h or "£k" in h:
        return "GBP", 1e3
    if "£" in h:
        return "GBP", 1.0
    if "%" in h:
        return "%", 1.0
    return None


def _cell_unit(label: str, header: str, value: tuple[float, bool, bool]) -> tuple[str, float]:
    number, is_percent, is_money = value
    if is_percent:
        return "%", number
    if is_money:
        return "GBP", number
    scale = _column_scale(header)
    if scale:
        return scale[0], round(number * scale[1], 2)
    if re.search(r"\brate\b|\bper\s+[\d,]+", label, re.IGNORECASE):
        return "rate", number
    return ("count" if number.is_integer() else "number"), number


def figures_in_tables(text: str, page: int, item_id: str | None = None) -> list[Figure]:
    """Every numeric cell of every pipe table in `text`: label = row, period = column."""
    figures: list[Figure] = []
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.lstrip().startswith("|"):
            header = None  # a table ends at the first non-table line
            continue
        if _SEPARATOR_ROW.match(line.strip()):
            continue
        cells = _cells(line)
        if header is None or _is_header(cells):
            header = [_EXCEL_COLUMN.sub("", c).strip() for c in cells]
            continue
        label = _ROW_CODE.sub("", cells[0]).strip()
        if not label or _cell_value(label):
            continue
        for column, cell in enumerate(cells[1:], start=1):
            if _EMPTY_CELL.match(cell):
                continue
            value = _cell_value(cell)
            if value is None:
                continue
            period = header[column] if column < len(header) and header[column] else None
            unit, number = _cell_unit(label, period or "", value)
            figures.append(
                Figure(
                    label=label,
                    value=number,
                    unit=unit,
                    page=page,
                    context=line.strip(),
                    period=period,
                    item_id=item_id,
                    source="table",
                )
            )
    return figures


# ----------------------------------------------------------------- analysis


def extract_figures(doc: Document) -> None:
    """Analysis: fill `doc.figures` from every section (prose and tables).

    Only finite values are kept: a run of 309 or more digits (a garbled table line, "£"
    followed by a long reference number) overflows to infinity, which is no figure and
    which JSON cannot print.
    """
    for item in doc.items:
        for section in item.sections:
            found, warnings = figures_in_text(section.text, section.page, item.id)
            found += figures_in_tables(section.text, section.page, item.id)
            doc.figures.extend(f for f in found if math.isfinite(f.value))
            doc.warnings.extend(warnings)
