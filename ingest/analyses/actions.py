"""Actions: commitments to do something later, found in minutes.

Sources (the `Action.source` values), each a pattern taught by a paper:

* `resolution`: a limb or sentence of a decision that promises a later deliverable ("An
  updated report should be brought to the Committee within six months", Norfolk 17 June
  2014; "It was agreed that ... would be provided", Norfolk 13 March 2014).
* `undertaking`: an officer's promise in the discussion ("Officers advised that a written
  answer would be provided", Norfolk 17 June 2014; "A report would be presented in early
  summer", Norfolk 13 March 2014).
* `action_marker`: Bristol's inline markers, "(ACTION: EP)" and "ACTION: Officers to ...".
* `work_programme`: "July 2014 add:- free school meals; and ..." (Norfolk 13 March 2014,
  item 18): one action per subject, due by the end of that month.
* `action_log`: a row of an Action / Response table not already covered by one of the above.

Invariants: `text` is verbatim; ids are `content_id("action", body key, meeting date,
normalised text)`, so a user's correction keyed by the id survives re-ingest; `due` comes from
`ingest.analyses.due_dates.resolve_due` against the meeting date, with `due_text` the words it used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.analyses.decisions import find_decision_blocks
from ingest.analyses.due_dates import resolve_due
from ingest.analyses.passages import page_of, paragraphs, sentences
from minutebook.models import Action, Document, Item
from minutebook.text import body_key, content_id

# A promised deliverable: "would be provided", "should be brought", "be reconvened".
DELIVERABLE = re.compile(
    r"\b(?:would|will|should|to|shall)?\s*be\s+(?:provided|circulated|reported|presented|brought|produced|"
    r"made available|received|sent|scheduled|shared|submitted|reconvened|lobbied|clarified|"
    r"made|arranged|prepared|issued|returned|published)\b"
    r"|\bagreed to receive\b|\brequested\b[^.]*\b(?:updates?|reports?|information)\b"
    r"|\b(?:would|will|to) (?:bring|provide|circulate|send|submit|present|arrange|return)\b[^.]*\b(?:report|update|information|briefing|answer|response|note|details?)\b",  # noqa: E501
    re.I,
)
# Undertakings outside a decision must name a report-like deliverable or an officer subject.
UNDERTAKING = re.compile(
    r"\b(?:A|An|The)\s+(?:[\w-]+\s+){0,3}(?:report|update|answer|response|briefing|paper)\s+would\s+be\s+"
    r"(?:provided|presented|circulated|brought|sent)\b(?![^.]*\bto (?:the|their) (?!Panel|Committee|Members)[A-Z])"  # noqa: E501
    r"|\bwould be presented at the next\b"
    r"|\bOfficers?\s+(?:advised|confirmed|agreed|undertook)\s+(?:that\s+)?[^.]*?\b(?:would|to)\s+(?:be\s+)?"
    r"(?:provide|provided|circulate|circulated|share|shared|send|sent|return|report|seek|write|respond|bring)\b",
    re.I,
)
# Bristol printed minutes: "(ACTION: EP)", "ACTION: Officers to provide cost information ...".
ACTION_MARKER = re.compile(r"\(?\bACTION\s*:\s*(?P<body>[^)\n]+?)\s*(?:\)|$)")
# Norfolk forward work programme limbs: "July 2014 add:- free school meals; and ...".
WORK_PROGRAMME = re.compile(
    r"^(?P<when>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\s+add\s*:?-?\s*(?P<rest>.+)$",
    re.I,
)
# Who is to act: "the Chief Officer would bring", "from the Interim Director of ...",
# "Officers advised", "ACTION: PCO to arrange".
_ROLE = r"(?:(?:Interim|Acting|Executive|Assistant|Managing|Deputy|Corporate)\s+)*(?:Director|Chief Officer|Head of Service|Head|Monitoring Officer|Chair(?:man)?|Vice[- ]Chair(?:man)?|Cabinet Member|Leader|Clerk)(?: (?:of|for) [A-Z][\w'’&]*(?: (?:and|&) [A-Z][\w'’]*| [A-Z][\w'’]*)*)?"  # noqa: E501
_OWNER_PATTERNS = [
    re.compile(rf"\b(?:from|by)\s+the\s+(?P<owner>{_ROLE})"),
    re.compile(rf"\b[Tt]he\s+(?P<owner>{_ROLE})\s+(?:would|will|should|to|agreed|undertook)\b"),
    re.compile(r"\b(?P<owner>Officers?)\s+(?:advised|confirmed|agreed|undertook|would|to)\b"),
]
_INITIALS = re.compile(r"^(?P<owner>[A-Z]{2,4}|Officers?|[A-Z][a-z]+ [A-Z][a-z]+)(?:\s+to\b|$)")
_ACTION_LOG_HEADER = re.compile(r"\bAction\b.*\bResponse\b", re.I)


@dataclass
class _Found:
    text: str
    start: int
    source: str
    owner: str | None = None
    due_from: str | None = None


def owner_of(text: str) -> str | None:
    """Who the text says will act, when it says so."""
    for pattern in _OWNER_PATTERNS:
        m = pattern.search(text)
        if m:
            return m.group("owner").strip()
    return None


def _commitment_sentences(text: str) -> list[str]:
    """The parts of a decision that promise a later deliverable: each limb line, and inside a
    limb each sentence, that matches DELIVERABLE."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        body = re.sub(r"^(?:[-•*·]\s+|\(?[a-zA-Z0-9]{1,3}[.)]\s+)", "", line)
        if WORK_PROGRAMME.match(body):
            continue
        for _, sentence in sentences(body):
            if DELIVERABLE.search(sentence):
                out.append(sentence.strip())
    return out


def _from_decisions(item: Item) -> list[_Found]:
    found: list[_Found] = []
    for block in find_decision_blocks(item.text):
        for sentence in _commitment_sentences(block.text):
            found.append(_Found(sentence, block.start, "resolution"))
        for line in block.text.split("\n"):
            m = WORK_PROGRAMME.match(re.sub(r"^[-•*·]\s+", "", line.strip()))
            if not m:
                continue
            for subject in re.split(r";\s*(?:and\s+)?|\s+and\s+(?=[A-Z])", m.group("rest")):
                subject = subject.strip().rstrip(".;")
                if subject:
                    found.append(_Found(subject, block.start, "work_programme", due_from=m.group("when")))
    return found


def _undertakings(item: Item, decided: list[_Found]) -> list[_Found]:
    found: list[_Found] = []
    previous = ""
    for para in paragraphs(item.text):
        preceding, previous = previous, para.text
        for offset, sentence in sentences(para.body):
            if not UNDERTAKING.search(sentence):
                continue
            if any(sentence.strip() in f.text or f.text in sentence for f in decided):
                continue
            found.append(_Found(sentence.strip(), para.start + offset, "undertaking"))
        for m in ACTION_MARKER.finditer(para.text):
            marker = m.group("body").strip().rstrip(".")
            owner_match = _INITIALS.match(marker)
            owner = owner_match.group("owner") if owner_match else None
            # "(ACTION: EP)" names only the owner; the commitment is the sentence before it.
            if owner and owner == marker:
                # The marker may stand on a line of its own (Bristol 23 Oct 2025).
                before = para.text[: m.start()].strip() or preceding
                prior = sentences(before)
                text = (prior[-1][1].strip() if prior else before) + " " + m.group(0).strip()
            else:
                text = m.group(0).strip().lstrip("(").rstrip(")")
            found.append(_Found(text, para.start, "action_marker", owner=owner))
    return found


def _action_log_rows(item: Item) -> list[tuple[str | None, str, str]]:
    """(item number, action, response) rows of an Action / Response table (tab or pipe cells).
    Norfolk 13 March 2014, Appendix 1: Agenda item | Report title | Action | Response."""
    rows: list[tuple[str | None, str, str]] = []
    header: list[str] | None = None
    for line in item.text.split("\n"):
        cells = [c.strip() for c in re.split(r"\t|\s\|\s|^\||\|$", line) if c.strip()]
        if len(cells) < 2:
            continue
        if header is None:
            if _ACTION_LOG_HEADER.search(line):
                header = [c.lower() for c in cells]
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        action_col = next((k for k, h in enumerate(header) if h.startswith("action")), len(cells) - 2)
        if action_col >= len(cells):
            continue
        number = cells[0] if re.fullmatch(r"\d+(?:\.\d+)?", cells[0]) else None
        response = cells[action_col + 1] if action_col + 1 < len(cells) else ""
        rows.append((number, cells[action_col], response))
    return rows


def _overlap(a: str, b: str) -> float:
    wa = {w for w in re.findall(r"[a-z0-9]+", a.lower()) if len(w) > 3}
    wb = {w for w in re.findall(r"[a-z0-9]+", b.lower()) if len(w) > 3}
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def extract_actions(doc: Document) -> list[Action]:
    """Every commitment in a minutes document (see module doc). Other kinds record none."""
    if doc.kind not in ("minutes", "decision_notice"):
        return []
    key = body_key(doc.body) or ""
    out: list[Action] = []
    seen: set[str] = set()
    per_item: dict[str | None, list[tuple[Item, _Found]]] = {}
    for item in doc.items:
        decided = _from_decisions(item)
        for found in decided + _undertakings(item, decided):
            per_item.setdefault(item.number, []).append((item, found))
    for item in doc.items:
        for number, action_text, response in _action_log_rows(item):
            del response  # the tracker reads responses as evidence
            covered = any(_overlap(action_text, f.text) >= 0.34 for _, f in per_item.get(number, []))
            if not covered:
                per_item.setdefault(number, []).append((item, _Found(action_text, 0, "action_log")))
    for entries in per_item.values():
        for item, found in entries:
            aid = content_id("action", key, doc.meeting_date or "", found.text)
            if aid in seen:
                continue
            seen.add(aid)
            due = resolve_due(found.due_from or found.text, doc.meeting_date)
            out.append(
                Action(
                    id=aid,
                    text=found.text,
                    page=page_of(item, found.start, found.text),
                    source=found.source,
                    item_id=item.id,
                    owner=found.owner or owner_of(found.text),
                    due=due.due,
                    due_text=due.due_text,
                )
            )
    return out


def analyse_actions(doc: Document) -> None:
    """The registered analysis: every commitment of a minutes paper (after decisions)."""
    doc.actions = extract_actions(doc)


__all__ = ["analyse_actions", "extract_actions", "owner_of"]
