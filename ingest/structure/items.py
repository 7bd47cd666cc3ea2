"""Split a paper into items: agenda items of a pack, numbered minutes, forms, questions.

One splitter per document kind, chosen from `SPLITTERS`. Each returns `ItemSpan`s (where an
item starts and ends in the line list); `build_items` turns spans into `Item`s with pages and
ids. Item numbers are kept exactly as the paper prints them; which lines are item headings is
decided by the paper's numbering scheme (`ingest.structure.numbering`), whatever it is.

Invariant: every line of the paper belongs to exactly one item. Lines no splitter claims (a
heading block, an attendance list, a covering letter, pages of a pack between reports) become
unnumbered items of part "front_matter" or "pages", so all of a paper's text is searchable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.structure.lines import Line, join_text
from ingest.structure.numbering import (
    NOT_A_TITLE,
    Chain,
    best_chain,
    lone_heading,
    numbering_runs,
    split_run_in_numbers,
)
from minutebook.models import Item
from minutebook.text import content_id

# "7. Quality Assurance Update", "292. Children's Services (Item 1)", Bristol "6 Public Forum".
# A title may open with a year ("11 2024/25 P3 Finance Forecast Report") or a measure
# ("8 20 mph Review") but not with a bare number (table rows, "3 4 5").
_NUMBERED_HEADING = re.compile(
    r"^(?P<number>\d{1,3})\.?\s+(?P<title>(?:(?!\d)|(?=(?:19|20)\d\d)|(?=\d+\s?[a-z]{2,}\b))\S.*)$"
)
_DATE_START = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(19|20)\d\d\b", re.IGNORECASE
)
_NUMBER_ONLY = re.compile(r"^(?P<number>\d{1,3})\.?$")
# Minutes end here; what follows is appendices (action logs, letters, handouts).
_END_OF_MINUTES = re.compile(r"^(the meeting (closed|ended|finished) at\b|chairman$|chair$)", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(chairman|chair|date|signed|\.{3,}|_{3,})\s*:?$", re.IGNORECASE)
_APPENDIX_HEADING = re.compile(r"^appendix\s+(?P<label>[A-Z0-9]{1,3})\b\.?\s*[:\-–]?\s*(?P<title>.*)$", re.I)
_PAGE_REF = re.compile(r"\(\s*pages?\s+(?P<page>[A-Z]?\d+)\s*(?:[-–]\s*[A-Z]?\d+)?\s*\)", re.IGNORECASE)
_TO_FOLLOW = re.compile(r"\(\s*to follow\s*\)", re.IGNORECASE)
_REPORT_BY = re.compile(r"\b(report (?:by|of|from) (?:the )?.+)$", re.IGNORECASE)
_FRONT_SHEET_END = re.compile(r"^(date agenda published|item no\b|\|?\s*report title\s*:)", re.IGNORECASE)
# Norfolk "Minutes of the Meeting Held on Thursday 13 March 2014", Bristol "Minutes of the
# Transport & Connectivity Policy Committee": where reprinted minutes start in an agenda pack.
_MINUTES_HEADING = re.compile(r"^minutes of (?:the|a)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "of", "and", "a", "an", "in", "on", "for", "to", "report", "update", "s"}


@dataclass
class ItemSpan:
    """An item found in the line list: lines[start:end] are its text (end exclusive).

    `start` is None for an item listed on the front sheet whose report is not in the pack.
    """

    number: str | None
    title: str
    start: int | None
    end: int | None = None
    presenter: str | None = None
    to_follow: bool = False
    listed_text: str = ""
    part: str = "item"


def _chain_spans(chain: Chain | None) -> list[ItemSpan]:
    return [ItemSpan(number=m.number, title=m.title, start=m.index) for m in chain.members] if chain else []


# A committee system's page for one item of one meeting: "Meeting: 20/03/2024 - Audit and
# Governance Board (Item 28)", the item's title on the line above.
_ITEM_OF_MEETING = re.compile(
    r"^meeting\s*:\s*\d{1,2}/\d{1,2}/\d{2,4}\s*[-–—].*\(item\s+(\w{1,6})\)\s*$", re.I
)


# How far down an item's page its meeting line may be.
_ITEM_PAGE_LINES = 10


def _item_page(lines: list[Line]) -> list[ItemSpan]:
    """The one item of an item's page whose number is printed only in its meeting line; the
    item's text starts below that line."""
    for index, line in enumerate(lines[:_ITEM_PAGE_LINES]):
        found = _ITEM_OF_MEETING.match(line.text)
        if found:
            title = lines[index - 1].text if index else ""
            return [ItemSpan(found.group(1), title, index + 1 if index + 1 < len(lines) else index)]
    return []


# A heading set apart without a number: short, bold or in capitals, not a sentence.
_UNNUMBERED_HEADING_MAX = 80


def _unnumbered_headings(lines: list[Line], start: int) -> list[ItemSpan]:
    """Minutes whose items are headings without numbers ("APOLOGIES", "PLANNING"): every
    short line set in bold or capitals after the heading block."""
    spans = []
    for index in range(start, len(lines)):
        text = lines[index].text
        capitals = text.isupper() and len(re.findall(r"[A-Z]{2,}", text)) >= 1
        if (
            len(text) <= _UNNUMBERED_HEADING_MAX
            and (capitals or lines[index].emphasised)
            and not text.endswith((".", ",", ";"))
            and re.search(r"[A-Za-z]{3,}", text)
        ):
            spans.append(ItemSpan(None, text.strip(" :"), index))
    return spans if len(spans) >= 3 else []


def _close_spans(spans: list[ItemSpan], stop: int) -> list[ItemSpan]:
    located = [s for s in spans if s.start is not None]
    located.sort(key=lambda s: s.start or 0)
    if not located:
        return spans
    for here, following in zip(located, located[1:] + [None], strict=True):
        here.end = following.start if following else stop
    return spans


def _appendix_spans(lines: list[Line], start: int) -> list[ItemSpan]:
    """Appendices after the end of the minutes, one item each, unnumbered.

    Norfolk's March 2014 minutes carry an unheaded action log, then "Appendix 2" (a letter);
    the June 2014 minutes carry two unheaded handouts. An unheaded first appendix takes the
    label before the first printed one ("Appendix 1" before "Appendix 2").
    """
    if start >= len(lines):
        return []
    heads = [i for i in range(start, len(lines)) if _APPENDIX_HEADING.match(lines[i].text)]
    spans: list[ItemSpan] = []
    if not heads or heads[0] > start:
        first_label = "Appendix"
        if heads:
            label = _APPENDIX_HEADING.match(lines[heads[0]].text)["label"]  # type: ignore[index]
            if label.isdigit() and int(label) > 1:
                first_label = f"Appendix {int(label) - 1}"
            elif len(label) == 1 and label.isalpha() and label.upper() > "A":
                first_label = f"Appendix {chr(ord(label.upper()) - 1)}"
        heading = _first_heading(lines, start, heads[0] if heads else len(lines))
        spans.append(
            ItemSpan(None, f"{first_label}: {heading}" if heading else first_label, start, part="appendix")
        )
    for i in heads:
        match = _APPENDIX_HEADING.match(lines[i].text)
        assert match
        rest = match["title"].strip() or _first_heading(lines, i + 1, min(len(lines), i + 12))
        title = f"Appendix {match['label']}" + (f": {rest}" if rest else "")
        spans.append(ItemSpan(None, title, i, part="appendix"))
    return spans


def _first_heading(lines: list[Line], start: int, stop: int) -> str | None:
    """A name for an unheaded block: its first emphasised line, else its first short line."""
    block = lines[start:stop][:15]
    for line in block:
        if line.emphasised and 3 < len(line.text) < 100:
            return re.sub(r"^title:\s*", "", line.text, flags=re.IGNORECASE)
    # Norfolk's action logs have no heading, only a table whose columns say what it is.
    if any(re.search(r"\baction\b.*\bresponse\b", line.text, re.IGNORECASE) for line in block):
        return "Action log"
    return None


def _first_prose(lines: list[Line]) -> int:
    """The first line of running prose (the heading block is above it)."""
    return next((i for i, line in enumerate(lines) if len(line.text) > 60), 0)


def split_minutes(lines: list[Line]) -> list[ItemSpan]:
    runs = numbering_runs(lines)
    lone = None if runs else lone_heading(lines)
    spans = [span for run in (runs or ([lone] if lone else [])) for span in _chain_spans(run)]
    if not spans:
        spans = _item_page(lines) or _unnumbered_headings(lines, _first_prose(lines))
    end = len(lines)
    # The minutes end after their last minute: a "Chair" line in an attendance list or a
    # minute's text is not the signature block.
    last = spans[-1].start if spans and spans[-1].start is not None else 0
    for i in range(last, len(lines)):
        if _END_OF_MINUTES.match(lines[i].text):
            end = i + 1
            # The signature block ("CHAIRMAN", "Date") belongs to the minutes, not an appendix.
            while end < len(lines) and _SIGNATURE.match(lines[end].text):
                end += 1
            break
    spans = [s for s in spans if (s.start or 0) < end]
    _close_spans(spans, end)
    appendices = _appendix_spans(lines, end)
    _close_spans(appendices, len(lines))
    return spans + appendices


def _tokens(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def similarity(a: str, b: str) -> float:
    """Share of the shorter title's words found in the longer one (word order ignored)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def parse_front_sheet(lines: list[Line]) -> tuple[list[ItemSpan], int]:
    """Items listed on an agenda's front sheet, and the line index where the sheet ends.

    Entries look like "1 Co-option of Non-Voting Advisers / Report by … / (Page 5)", or a
    table row "| 7 | Quality Assurance Update Report by the Interim Director … | (Page 8) |".
    """
    end = next((i for i, line in enumerate(lines) if _FRONT_SHEET_END.match(line.text)), None)
    if end is None:
        end = min(len(lines), 300)
    entries: list[ItemSpan] = []
    last = 0
    for i in range(end):
        text = lines[i].text
        cells = [c.strip() for c in text.strip("|").split("|")] if "|" in text else []
        if len(cells) >= 2 and re.fullmatch(r"\d{1,3}[A-Za-z]?", cells[0]):
            number, body, rest = cells[0], cells[1], " ".join(cells[2:])
        else:
            match = _NUMBERED_HEADING.match(text)
            if not match:
                continue
            number, body, rest = match["number"], match["title"], ""
        if NOT_A_TITLE.match(body):
            continue  # a date ("3 March 2015", a covering letter's) or a figure, not an entry
        value = int(re.sub(r"\D", "", number))
        if not (value == last + 1 or (last == 0 and value < 100) or last < value <= last + 8):
            continue
        entry = _front_sheet_entry(number, body, rest, _own_lines(lines[i + 1 : min(end, i + 4)]))
        if entry:
            entries.append(entry)
            last = value
    return entries, end


def _own_lines(following: list[Line]) -> list[str]:
    """The lines after a front-sheet entry up to the next numbered entry."""
    own = []
    for line in following:
        if _NUMBERED_HEADING.match(line.text) or line.text.startswith("|"):
            break
        own.append(line.text)
    return own


def _front_sheet_entry(number: str, body: str, rest: str, follow_lines: list[str]) -> ItemSpan | None:
    body_wo_ref = _PAGE_REF.sub("", body).strip(" *")
    presenter = None
    match = _REPORT_BY.search(body_wo_ref)
    title = body_wo_ref
    if match:
        presenter, title = match.group(1).strip(" ."), body_wo_ref[: match.start()].strip()
    else:
        for line in follow_lines:
            follow_match = re.match(r"^(report (?:by|of|from) .+?)\s*(?:\(|$)", line, re.IGNORECASE)
            if follow_match:
                presenter = follow_match.group(1).strip(" .")
                break
    if not title or len(title) > 200:
        return None
    own_follow = " ".join(follow_lines)
    to_follow = bool(_TO_FOLLOW.search(rest + " " + own_follow))
    ref = _PAGE_REF.search(body + " " + rest) or _PAGE_REF.search(own_follow)
    listed = f"{number} {title}" + (f"\n{presenter}" if presenter else "")
    span = ItemSpan(number, title.rstrip(" .*"), None, presenter=presenter, to_follow=to_follow)
    span.listed_text = listed + (f"\n(Page {ref['page']})" if ref else "")
    return span


def _locate_reports(lines: list[Line], entries: list[ItemSpan], front_end: int) -> None:
    """Find where each listed item's report starts in the pack, in listed order.

    A report starts at "Item No N", at a "Report title: X" row, or at a title line followed
    within three lines by "Report by…"; the candidate must resemble the listed title.
    """
    candidates: list[tuple[int, str]] = []
    for i in range(front_end, len(lines)):
        text = lines[i].text
        item_no = re.match(r"^item no\.?\s*(\d+)", text, re.IGNORECASE)
        if item_no:
            candidates.append((i, f"#item {item_no.group(1)}"))
            continue
        title_row = re.match(r"^\|?\s*report title\s*:?\s*\|\s*(.+?)\s*\|?$", text, re.IGNORECASE)
        if title_row:
            candidates.append((i, title_row.group(1)))
            continue
        if _MINUTES_HEADING.match(text):
            # Last meeting's minutes reprinted for confirmation have no "Report by" line.
            candidates.append((i, text))
            continue
        near = " ".join(line.text for line in lines[i + 1 : i + 4])
        if len(text) < 150 and re.search(r"\breport (by|of|from)\b", near, re.IGNORECASE):
            if not re.match(r"^report (by|of|from)\b", text, re.IGNORECASE):
                candidates.append((i, text))
    cursor = front_end
    for entry in entries:
        if entry.to_follow and not entry.presenter:
            continue
        best: tuple[float, int] | None = None
        for index, text in candidates:
            if index < cursor:
                continue
            score = 1.0 if text == f"#item {entry.number}" else similarity(entry.title, text)
            if score >= 0.6 and (best is None or score > best[0] + 0.15):
                best = (score, index)
                if score >= 0.99:
                    break
        if best:
            entry.start = _report_start(lines, best[1])
            cursor = best[1] + 1


def _report_start(lines: list[Line], index: int) -> int:
    """Step back over a report's heading block ("Children's Services Committee / Item No 1")."""
    start = index
    while start > 0 and index - start < 3:
        previous = lines[start - 1].text
        if re.match(r"^item no\b", previous, re.IGNORECASE) or (
            lines[start - 1].page == lines[index].page
            and len(previous) < 60
            and previous.endswith(("Committee", "Panel", "Services"))
        ):
            start -= 1
        else:
            break
    return start


def split_agenda(lines: list[Line]) -> list[ItemSpan]:
    """An agenda's items from its front sheet, each located at its report in the pack; a
    one-page agenda (a parish council's public notice) is its own list, each item at its line."""
    entries, front_end = parse_front_sheet(lines)
    chain = best_chain(lines, stop=front_end, lists_are_items=True)
    if chain and (len(entries) < 2 or _fills_in(chain, entries)):
        # The list's numbering holds items the front sheet's rows left out (an item whose
        # text runs on for a paragraph is no row): every item of the run, the front sheet's
        # reading where it has one.
        known = {entry.number: entry for entry in entries}
        entries = [
            known.get(m.number) or _chain_entry(lines, m.index, m.number, m.title) for m in chain.members
        ]
    _locate_reports(lines, entries, front_end)
    if entries and all(entry.start is None for entry in entries):
        _locate_in_list(lines, entries, front_end)
    return _close_spans(entries, len(lines))


def _fills_in(chain: Chain, entries: list[ItemSpan]) -> bool:
    """Whether the chain holds every front-sheet entry and more."""
    numbers = [m.number for m in chain.members]
    return len(numbers) > len(entries) and {entry.number for entry in entries} <= set(numbers)


def _chain_entry(lines: list[Line], index: int, number: str, title: str) -> ItemSpan:
    entry = _front_sheet_entry(number, title, "", _own_lines(lines[index + 1 : index + 4]))
    return entry or ItemSpan(number, title, None)


def _locate_in_list(lines: list[Line], entries: list[ItemSpan], stop: int) -> None:
    """No report of the pack was found: each item is its own line of the list."""
    cursor = 0
    for entry in entries:
        for index in range(cursor, min(stop, len(lines))):
            text = lines[index].text
            if (
                # "7 Planning", "7. Planning", "7Planning" (a web page's number in its own cell)
                re.match(rf"{re.escape(entry.number or '')}(?:[ .)]|(?=[A-Za-z]))", text)
                or (text.startswith("|") and f"| {entry.number} |" in text)
            ):
                entry.start, cursor = index, index + 1
                break


def split_other(lines: list[Line]) -> list[ItemSpan]:
    """A paper of no known kind: its numbered headings when it has a clear scheme of three or
    more, else one item."""
    chain = best_chain(lines, minimum=3)
    if chain:
        return _close_spans(_chain_spans(chain), len(lines))
    return split_single(lines)


def split_single(lines: list[Line]) -> list[ItemSpan]:
    """A stand-alone report or plan: one item spanning the paper; its number if printed."""
    if not lines:
        return []
    number = None
    for line in lines[:20]:
        match = re.match(r"^(?:agenda )?item(?: no\.?)?\s*(\d+[A-Za-z]?)\b", line.text, re.IGNORECASE)
        if match:
            number = match.group(1)
            break
    return [ItemSpan(number, "", 0, len(lines))]


def split_decision_forms(lines: list[Line]) -> list[ItemSpan]:
    """Bristol's decision notices: one form per agenda item, whose "(a) Subject:" names the
    item and ends "(agenda item 7)".

    Forms are found by their Subject line, not their "Decision Recording Form" title: that
    title repeats at the top of many pages, so furniture removal rightly strips it.
    """
    subject = re.compile(r"^(\(a\)\s*)?subject\s*:?\s*", re.IGNORECASE)
    # ModernGov prints the form as a table: "(a) | Subject: | Opportunities to…".
    flat = [re.sub(r"\s*\|\s*", " ", line.text) for line in lines]
    starts = [i for i, text in enumerate(flat) if subject.match(text)]
    if not starts:
        return split_single(lines)
    spans = []
    for n, start in enumerate(starts):
        parts = [subject.sub("", flat[start])]
        for text in flat[start + 1 : start + 6]:
            if re.match(r"^\(\w\)", text):
                break
            parts.append(text)
        heading = " ".join(p for p in parts if p)
        ref = re.search(r"\(agenda item (\d+[A-Za-z]?)\)", heading, re.IGNORECASE)
        title = re.sub(r"\s*\(agenda item [^)]*\)", "", heading, flags=re.IGNORECASE).strip()
        # The first form's header (members present, apologies) belongs to it.
        spans.append(ItemSpan(ref.group(1) if ref else None, title or "Decision", 0 if n == 0 else start))
    for span in spans[1:]:
        span.start = _page_top_if_near(lines, span.start or 0)
    return _close_spans(spans, len(lines))


# Lines a form may print above its subject ("Deadline for Escalation Panel referral …").
_FORM_PREAMBLE = 3


def _page_top_if_near(lines: list[Line], start: int) -> int:
    """Where a form starts: the top of its page when the form opens a new page (its subject
    within the page's first few lines), so the previous form does not end on that page.
    Bristol's forms each open a page with "Deadline for…" printed above "(a) Subject:"."""
    top = start
    while top > 0 and lines[top - 1].page == lines[start].page:
        top -= 1
    return top if start - top <= _FORM_PREAMBLE else start


def split_questions(lines: list[Line]) -> list[ItemSpan]:
    """Public questions papers: one item per "Question N – Name" (WECA)."""
    spans = []
    for i, line in enumerate(lines):
        match = re.match(r"^question\s+(\d+)\b\s*[-–:]?\s*(.*)$", line.text, re.IGNORECASE)
        if match and len(line.text) < 120:
            spans.append(ItemSpan(match.group(1), line.text, i))
    if not spans:
        return split_single(lines)
    return _close_spans(spans, len(lines))


SPLITTERS: dict[str, Callable[[list[Line]], list[ItemSpan]]] = {
    "minutes": split_minutes,
    "agenda": split_agenda,
    "supplementary_agenda": split_agenda,
    "decision_notice": split_decision_forms,
    "questions": split_questions,
    "report": split_single,
    "forward_plan": split_single,
}


def cover_every_line(spans: list[ItemSpan], lines: list[Line]) -> list[ItemSpan]:
    """`spans` plus unnumbered spans for every run of lines no span claims (see module doc)."""
    claimed = [False] * len(lines)
    for span in spans:
        if span.start is not None and span.end is not None:
            for index in range(span.start, min(span.end, len(lines))):
                claimed[index] = True
    extra: list[ItemSpan] = []
    index = 0
    while index < len(lines):
        if claimed[index]:
            index += 1
            continue
        start = index
        while index < len(lines) and not claimed[index]:
            index += 1
        first = start == 0 or not any(claimed[:start])
        extra.append(_unclaimed_span(lines, start, index, front=first))
    if not extra:
        return spans
    # Keep the splitter's order (items "to follow" keep their listed place); each unclaimed
    # run goes before the first located span that starts after it.
    merged: list[ItemSpan] = []
    pending = sorted(extra, key=lambda span: span.start or 0)
    for span in spans:
        while span.start is not None and pending and (pending[0].start or 0) < span.start:
            merged.append(pending.pop(0))
        merged.append(span)
    return merged + pending


def _unclaimed_span(lines: list[Line], start: int, end: int, *, front: bool) -> ItemSpan:
    if front:
        return ItemSpan(None, "Front sheet", start, end, part="front_matter")
    heading = _first_heading(lines, start, min(end, start + 15))
    pages = (
        f"Pages {lines[start].page}-{lines[end - 1].page}"
        if lines[end - 1].page != lines[start].page
        else (f"Page {lines[start].page}")
    )
    return ItemSpan(None, heading or pages, start, end, part="pages")


def build_items(
    document_id: str, kind: str, lines: list[Line], title: str | None
) -> list[tuple[Item, list[Line]]]:
    """Items of a paper in printed order, each with its page range, plain text and lines
    (the lines are what the section splitter reads; empty for items not in this paper)."""
    lines = split_run_in_numbers(lines)
    spans = cover_every_line(SPLITTERS.get(kind, split_other)(lines), lines)
    items = []
    for position, span in enumerate(spans):
        block: list[Line] = []
        page_start: int | None
        page_end: int | None
        if span.start is not None and span.end is not None and span.end > span.start:
            block = lines[span.start : span.end]
            page_start, page_end, text = block[0].page, block[-1].page, join_text(block)
        else:
            page_start = page_end = None
            text = span.listed_text
        item_title = span.title or title or "Untitled"
        items.append(
            (
                Item(
                    id=content_id(document_id, "item", position, span.number, item_title),
                    number=span.number,
                    title=item_title,
                    page_start=page_start,
                    page_end=page_end,
                    text=text,
                    presenter=span.presenter,
                    to_follow=span.to_follow,
                    position=position,
                    part=span.part,
                ),
                block,
            )
        )
    return items
