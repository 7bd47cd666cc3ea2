"""Actions: commitments to do something later, found in minutes.

Sources (the `Action.source` values). Each reads whole sentences: lines wrapped or broken by
a page are joined first (`passages.paragraphs`), and a sentence that opens a list ("Officers
agreed to seek the following detail;") takes the list's limbs with it.

* `resolution`: a sentence or limb of a decision that instructs or promises (`commitments`:
  "RESOLVED: That the Clerk should write to ...", "that the confirmed Register ... be
  published", "An updated report should be brought to the Committee within six months").
  A resolution that instructs someone is both a decision and an action.
* `undertaking`: a commitment in the discussion (`commitments`: "Officers advised that a
  written answer would be provided", "The Clerk will report this to the North Yorkshire
  Council", "Members requested to be kept informed"); not in appendices after the items.
* `action_marker`: "ACTION: Officers to provide cost information ..." (the sentence the
  marker opens) and "(ACTION: EP)", "(ACTION: PCO to arrange Members' briefing sessions.)",
  "(ACTION)" (the sentence the marker closes, with the marker) -- Bristol printed minutes.
* `action_column`: a right-hand column naming who acts or when ("... | Clerk", "| Feb 2019";
  Manordeilo and Salem minutes): the sentence the cell ends, with that owner or due date.
* `work_programme`: "July 2014 add:- free school meals; and ..." (Norfolk 13 March 2014,
  item 18): one action per subject, due by the end of that month.
* `action_log`: a row of an Action / Response table not already covered by one of the above.

Invariants: `text` is verbatim (the paper's words, wrapped lines joined); ids are
`content_id("action", body key, meeting date, normalised text)`, so a user's correction keyed
by the id survives re-ingest (the same words promised under a second item take its number
into that one's id); `due` comes from `ingest.analyses.due_dates.resolve_due` against the
meeting date, with `due_text` the words it used, and stays None when the paper gives no date:
no due date is ever invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.analyses.commitments import commitment_in
from ingest.analyses.decisions import find_decision_blocks
from ingest.analyses.due_dates import resolve_due
from ingest.analyses.passages import STOP, Paragraph, page_of, paragraphs, sentences
from minutebook.models import Action, Document, Item
from minutebook.text import body_key, content_id

# Bristol printed minutes: "ACTION: Officers to provide ..." opens its sentence; "(ACTION: EP)"
# and "(ACTION)" close the sentence they annotate.
ACTION_OPENS = re.compile(r"(?<!\()\bACTION\s*:\s*(?P<body>[^.;]+)")
ACTION_CLOSES = re.compile(r"\(\s*ACTION\s*(?::\s*(?P<body>[^)]*?))?\s*\)")
# The same marker unbracketed after the sentence it annotates, naming who acts by initials or
# role: "... pursue the issue with Highways. Action FE", "Action FE/Clerk" (Norfolk parish
# minutes, 2015).
_OWNER_MARK = r"(?:[A-Z]{2,4}|Clerk|Chair(?:man)?|All)"
ACTION_AFTER = re.compile(
    rf"(?<=[.!?])\s+(?:ACTION|Action)\s*:?\s*(?P<body>{_OWNER_MARK}(?:\s*[/&,]\s*{_OWNER_MARK})*)\b(?![\w'’])"
)
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
# A right-hand action column (Manordeilo and Salem minutes, 2018-2019): a line's last cell
# names who is to act ("| Clerk", "| Cllr. J. Davies", "| Cllrs. G. Evans and O. Williams,
# Clerk", "| Pawb/Clerc") or when it comes back ("| Feb 2019"), and annotates the sentence it
# ends. Where the cell lost its rule, the name stands as a sentence of its own after it
# ("... Town and Community Councils. Cllr. O. Williams"). A cell naming a channel ("| Notice
# Boards", "| Website") or a decision ("| Noted") is not an action.
_NAME = r"(?:[A-Z]\.\s*)*[A-Z][\w'’-]+"
_PERSON = (
    rf"(?:(?:Cllrs?|Cyng|Councillors?|County\s+Cllr)\.?\s+{_NAME}(?:\s+{_NAME})?"
    r"|(?:The\s+|the\s+)?(?:Clerk|Clerc|Chair(?:man|person)?|Cadeirydd|RFO|All|Pawb|Officers?))"
)
_OWNER_CELL = rf"{_PERSON}(?:\s*(?:,|/|and|&|a)\s*(?:{_PERSON}|{_NAME}))*"
_WHEN_CELL = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d"
_COLUMN_CELL = re.compile(
    rf"\s\|\s*(?:(?P<owner>{_OWNER_CELL})|(?P<when>{_WHEN_CELL}))\.?(?=\s*$|\s+(?:\d|[ivxlc]+\)|[A-Z(]))"
)
_BARE_OWNER = re.compile(rf"^(?P<owner>{_OWNER_CELL})\.?$")
# A sub-heading between paragraphs ("Q9, Q10 & Q11 – Matt Sanders") ends a list of limbs.
_HEADING = re.compile(r"^[^.;:!?]{0,70}$")
_MAX_LIMBS = 8


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


# An item's title run in before its decision ("To receive & approve minutes of previous
# meeting: Approved & signed as correct."): the agenda's infinitive is not an instruction.
_RUN_IN_TITLE = re.compile(
    r"^[^.;:]{3,160}:-?\s+(?=(?:Unanimously\s+)?(?:RESOLVED|Resolved|AGREED|Agreed|APPROVED|Approved|NOTED|Noted|"
    r"Accepted|CARRIED|Carried)\b)"
)


def _units(text: str) -> list[str]:
    """A decision's sentences: each limb line, and inside a limb each sentence. A sentence
    that commits to something and opens a list ("the following items should be brought
    forward:") keeps the list's lines that commit to nothing of their own."""
    out: list[str] = []
    open_list = False
    for line in text.split("\n"):
        line = _RUN_IN_TITLE.sub("", line.strip())
        if open_list and line and commitment_in(line, in_decision=True) is None:
            out[-1] += "\n" + line
            continue
        parts = [sentence.strip() for _, sentence in sentences(line) if sentence.strip()]
        out.extend(parts)
        open_list = bool(parts) and parts[-1].endswith((":", ":-")) and bool(commitment_in(parts[-1], True))
    return out


def _from_decisions(item: Item, body: str | None) -> list[_Found]:
    found: list[_Found] = []
    for block in find_decision_blocks(item.text, body):
        for unit in _units(block.text):
            bare = re.sub(r"^(?:[-•*·]\s+|\(?[a-zA-Z0-9]{1,3}[.)]\s+)", "", unit)
            programme = WORK_PROGRAMME.match(bare)
            if programme:
                for subject in re.split(r";\s*(?:and\s+)?|\s+and\s+(?=[A-Z])", programme.group("rest")):
                    subject = subject.strip().rstrip(".;")
                    if subject:
                        found.append(
                            _Found(subject, block.start, "work_programme", due_from=programme.group("when"))
                        )
                continue
            commitment = commitment_in(unit.split("\n")[0], in_decision=True)
            if commitment:
                found.append(_Found(unit, block.start, "resolution", owner=commitment.owner))
    return found


def _with_limbs(sentence: str, paras: list[Paragraph], index: int) -> str:
    """A sentence that opens a list ("... the following detail;") with the list's limbs."""
    if not sentence.rstrip().endswith((":", ";", ":-")):
        return sentence
    limbs = []
    for para in paras[index + 1 : index + 1 + _MAX_LIMBS]:
        if para.numbered or STOP.match(para.text) or _HEADING.match(para.text) and not para.limb:
            break
        limbs.append(para.text)
    return "\n".join([sentence, *limbs])


def _markers(para: Paragraph, preceding: str) -> list[_Found]:
    """Actions an ACTION marker names in one paragraph."""
    found: list[_Found] = []
    for m in ACTION_CLOSES.finditer(para.text):
        body = (m.group("body") or "").strip().rstrip(".")
        owner_match = _INITIALS.match(body)
        before = para.text[: m.start()].strip() or preceding
        prior = sentences(before)
        sentence = prior[-1][1].strip() if prior else before
        found.append(_Found(f"{sentence} {m.group(0).strip()}", para.start, "action_marker",
                            owner=owner_match.group("owner") if owner_match else None))  # fmt: skip
    for m in ACTION_AFTER.finditer(para.text):
        prior = sentences(para.text[: m.start()].strip())
        if prior:
            found.append(_Found(f"{prior[-1][1].strip()} {m.group(0).strip()}", para.start, "action_marker",
                                owner=m.group("body")))  # fmt: skip
    for m in ACTION_OPENS.finditer(para.text):
        body = m.group("body").strip()
        owner_match = _INITIALS.match(body)
        end = para.text.find(".", m.end())
        text = para.text[m.start() : end + 1 if end >= 0 else len(para.text)].strip()
        found.append(
            _Found(
                text, para.start, "action_marker", owner=owner_match.group("owner") if owner_match else None
            )
        )
    return found


def _column(para: Paragraph) -> list[_Found]:
    """Actions an action column names in one paragraph (see `_COLUMN_CELL`)."""
    found: list[_Found] = []
    start = 0
    for m in _COLUMN_CELL.finditer(para.text):
        prior = sentences(para.text[start : m.start()].strip())
        start = m.end()
        # A sentence, not a table row whose last cell is a name ("66 | Councillors Tony ...").
        if prior and len(prior[-1][1].split()) >= 4 and re.search(r"\b[a-z]{3,}\b", prior[-1][1]):
            found.append(
                _Found(prior[-1][1].strip(), para.start, "action_column", m.group("owner"), m.group("when"))
            )
    parts = sentences(para.text)
    for (_, before), (_, after) in zip(parts, parts[1:], strict=False):
        bare = _BARE_OWNER.match(after.strip())
        if bare and not _COLUMN_CELL.search(before):
            found.append(_Found(before.strip(), para.start, "action_column", bare.group("owner")))
    return found


def _without_heading(sentence: str, item: Item) -> str:
    """`sentence` without the item's own heading, in the agenda's words, that opens it ("15/09/13
    Items for next meeting to be held on Tuesday 6th October", "23. To agree a list of items to
    be undertaken by the Rangers"; Norfolk parish minutes, 2015-2020), where a heading with no
    closing stop ran on into the minute's first sentence. The heading asks the meeting to act;
    it records no promise. "" when the sentence is the heading and little more."""
    rest = sentence
    if item.number and rest.startswith(item.number):
        rest = rest[len(item.number) :].lstrip(" .:-–)")
    title = item.title.strip(" .:-–")
    if len(title) < 12 or not rest.startswith(title):
        return sentence
    rest = rest[len(title) :].lstrip(" .:-–")
    return rest if len(rest) > 12 else ""


def _undertakings(item: Item, decided: list[_Found]) -> list[_Found]:
    found: list[_Found] = []
    paras = paragraphs(item.text)
    previous = ""
    for index, para in enumerate(paras):
        preceding, previous = previous, para.text
        markers = _markers(para, preceding) + _column(para)
        found.extend(markers)
        for offset, sentence in sentences(para.body):
            sentence = (
                _without_heading(sentence.strip(), item) if index == 0 and offset == 0 else sentence.strip()
            )
            if not sentence:
                continue
            if any(sentence in f.text or f.text in sentence for f in markers):
                continue  # the marker's action already holds this sentence
            commitment = commitment_in(sentence)
            if commitment is None:
                continue
            if any(sentence in f.text or f.text in sentence for f in decided):
                continue
            text = _with_limbs(sentence, paras, index)
            found.append(_Found(text, para.start + offset, "undertaking", owner=commitment.owner))
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
    numbered_seen = False
    for item in doc.items:
        decided = _from_decisions(item, doc.body)
        # An unnumbered part after the minutes' items is an appendix (a handout, a plan's
        # progress table, Norfolk 17 June 2014): its prose is the paper's, not the meeting's
        # undertakings. Text before the first item (public participation) is the meeting's.
        appendix = numbered_seen and item.number is None
        numbered_seen = numbered_seen or item.number is not None
        undertaken = [] if appendix else _undertakings(item, decided)
        for found in decided + undertaken:
            per_item.setdefault(item.number, []).append((item, found))
    for item in doc.items:
        for number, action_text, response in _action_log_rows(item):
            del response  # the tracker reads responses as evidence
            covered = any(_overlap(action_text, f.text) >= 0.34 for _, f in per_item.get(number, []))
            if not covered:
                per_item.setdefault(number, []).append((item, _Found(action_text, 0, "action_log")))
    for entries in per_item.values():
        for item, found in _distinct(entries):
            aid = content_id("action", key, doc.meeting_date or "", found.text)
            if aid in seen:
                aid = content_id("action", key, doc.meeting_date or "", item.number or item.id, found.text)
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


# Where two sources find one sentence, the more specific keeps it (and lends its owner).
_SPECIFICITY = {
    "action_marker": 0,
    "action_column": 0,
    "work_programme": 1,
    "resolution": 2,
    "undertaking": 3,
}


def _distinct(entries: list[tuple[Item, _Found]]) -> list[tuple[Item, _Found]]:
    """One action per sentence: an action whose words another action of the item holds (or
    that holds another's) is one action, found by the most specific source."""
    ranked = sorted(entries, key=lambda entry: _SPECIFICITY.get(entry[1].source, 4))
    kept: list[tuple[Item, _Found]] = []
    for item, found in ranked:
        flat = " ".join(found.text.split())
        twin = next(
            (
                k
                for k in kept
                if k[0].id == item.id
                and (flat in " ".join(k[1].text.split()) or " ".join(k[1].text.split()) in flat)
            ),
            None,
        )
        if twin is None:
            kept.append((item, found))
        elif twin[1].owner is None and found.owner:
            twin[1].owner = found.owner
    order = {id(found): k for k, (_, found) in enumerate(entries)}
    return sorted(kept, key=lambda entry: order[id(entry[1])])


def analyse_actions(doc: Document) -> None:
    """The registered analysis: every commitment of a minutes paper (after decisions)."""
    doc.actions = extract_actions(doc)


__all__ = ["analyse_actions", "extract_actions", "owner_of"]
