"""Stage 3b: people, organisations and places in a unit, and answers from attendance records.

People are read from their role in the paper, with or without an honorific: a title ("Mrs J
Chamberlin", "Councillor Coombes"), a role in brackets after a name ("Ed Plowden (Chair)"),
a name the paper's own analyses already know (its attendance block and named-entity
mentions), a name after a cue ("Question by", "proposed by", "Councillors:"), a cell under a
column of names ("Name", "Officer", "Lead"); failing a name, the role the sentence gives
("the Assistant Director", "operational leads"). Organisations: names the paper knows,
capitalised phrases ending in a word for a body ("... Ltd", "... Registry", "... Alliance")
and acronyms. Places: names the paper knows, capitalised names after "in"/"at", compass
parts ("in the north").

"Who chaired the meeting?" is answered from the attendance record of the meeting's minutes
(`attendance_candidates`), and only when the question asks who chaired *the meeting*
(`question.Question.meeting_chair`); a question about who chairs a working group is read
from the papers' sentences like any other.

Invariants: every span is a verbatim piece of its text (`Span.role` holds how it was found:
"titled", "known", "named_role", "cue", "cell", "role", "pattern", "acronym", "direction");
nothing here names one council's people or phrases.
"""

from __future__ import annotations

import re
from typing import Any

from minutebook.store import Store
from minutebook.text import plain_text
from search.ask.evidence import Candidate
from search.ask.lexicon import stems
from search.ask.passages import Passage
from search.ask.periods import find_periods
from search.ask.question import ORGANISATION, PERSON, PLACE, Question
from search.ask.retrieve import Retrieved
from search.ask.spans import Span

_TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Prof|Professor|Lord|Lady|Rev|Revd|County Councillor)"
)
TITLED = re.compile(
    r"\b"
    + _TITLES
    + r"\.? (?:[A-Z]\.? ?){0,3}[A-Z][A-Za-z'’-]+(?: [A-Z][a-z'’-]+)?(?! (?:Council|Committee|Group)\b)"
)
_NAME = r"[A-Z][a-z'’-]+(?: (?:[A-Z]\.? )?[A-Z][A-Za-z'’-]+){1,2}"
_NAME_ROLE = re.compile(r"\b(" + _NAME + r")\s*\((?:[^()]{2,60})\)")
# Cues after which a list of people follows ("Question by", "proposed by", "Councillors:").
_CUE = re.compile(
    r"\b(?i:(?:question|statement|petition|presented|proposed|seconded|moved|introduced|submitted|asked|"
    r"raised|reported|led|chaired|signed)\s+by|councillors?:|present:|from|cllrs?\.?)\s+(" + _NAME + r")"
)
# Initials a proposer/seconder clause names a member by: "seconded by EMW", "Proposed (AH) &
# Seconded (SB)" (a parish's minutes of a Welsh community council).
_MOTION_INITIALS = re.compile(
    r"\b(?i:proposed|seconded|moved)(?:\s+(?i:by))?\s*(?:[:–—-]\s*)?\(?([A-Z]{2,4})\b(?![a-z'’])"
)
# A role as a label, the name after it as its value: "Lead officer | John Brown", "Chair:
# Jane Smith", "Proposed – A Jones" (tables of contacts, lists of who moved what).
_ROLE_LABEL = re.compile(
    r"\b(?i:(?:lead|contact|responsible|report(?:ing)?|named)?\s*(?:officer|member|councillor|author|lead|contact)s?"
    r"|chair(?:man|woman|person)?|vice[- ]chair|clerk|secretary|treasurer|presenter|speaker|proposer|"
    r"seconder|proposed(?: by)?|seconded(?: by)?|mover|moved(?: by)?|owner|responsible)"
    r"\s*(?:\||:|\t|–|—| - )\s*"
    r"((?:[A-Z]\.? ?){0,2}" + _NAME + r"|(?:[A-Z]\.? ?){1,3}[A-Z][a-z'’-]+)"
)
# A signature: a name (initials allowed) alone on its line, its role on the next line
# ("A B Other" / "Clerk to the Council", as parish notices are signed).
_SIGNATURE = re.compile(
    r"(?:^|\n)((?:[A-Z]\.? ){0,3}[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?|(?:[A-Z]\.? ){1,3}[A-Z][a-z'’-]+)\s*\n"
    r"(?=[^\n]*\b(?:Clerk|Secretary|Chair(?:man)?|Director|Officer|Executive|Manager|Mayor|Treasurer)\b)"
)
_SIGNATURE_NAME = re.compile(
    r"\s*(?:(?:[A-Z]\.? ){0,3}[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?|(?:[A-Z]\.? ){1,3}[A-Z][a-z'’-]+)\s*"
)
_SIGNS_AS = re.compile(
    r"^\W*(?:[A-Z][a-z]+ )?"
    r"(?:Clerk|Secretary|Chair(?:man)?|Director|Officer|Executive|Manager|Mayor|Treasurer)\b"
)


def signature_name(line: str) -> bool:
    """Whether a line is a name alone, as a signature prints it ("R C Nolan", "Jane Smith")."""
    return bool(_SIGNATURE_NAME.fullmatch(line)) and line.strip().split()[0] not in _STARTS_SENTENCE_WORDS


def signs_as(line: str) -> bool:
    """Whether a line opens with the role a signature's name holds ("Clerk to the Council")."""
    return bool(_SIGNS_AS.match(line))


_NAME_COLUMN = re.compile(
    r"\b(?:name|names|officer|officers|lead|contact|author|by|member|members|councillor|speaker|presenter|person|clerk|chair)\b",
    re.I,
)
_ROLE_WORDS = (
    r"Directors?|Managers?|managers|Officers?|officers|Clerk|clerk|Chair(?:man|woman|person)?|chair(?:man)?|"
    r"Leaders?|leaders|Leads?|leads|Heads?|Executive|Mayor|Treasurer|Auditor|auditor|Solicitor|Lawyer|"
    r"Coordinator|Co-ordinator|Advisers?|Advisors?|Commissioner|Secretary|Caretaker|Inspector|Team|team"
)
_ROLE_PHRASE = re.compile(
    r"(?:\b[Tt]he\s+)?(?:\b[A-Z][\w'’&-]*\s+){0,4}(?:\b[a-z]{3,}\s+)?"
    r"\b(?:(?:[Vv]ice|[Dd]eputy|[Aa]ssistant|[Ii]nterim|[Aa]cting)[- ])?(?:" + _ROLE_WORDS + r")\b"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\b\s?){1,5})?(?:\s*\([^()]{2,40}\))?"
)
# Lower-case words that cannot begin a role ("provided to the Director").
_NOT_ROLE_START = frozenset(
    "and or but the to of for with from by in on at as is are was were be been that this which who".split()
)
_ORG_ENDINGS = (
    r"Ltd|Limited|PLC|plc|LLP|Council|Authority|Trust|Association|Group|Partnership|Alliance|Agency|Company|"
    r"Registry|Bank|Services|Service|Network|Forum|Board|Committee|Society|Club|Foundation|Federation|Academy|"
    r"School|College|University|Department|Office|Commission|Municipal|Fund|Charity|Church|Police|Constabulary|"
    r"Water|Energy|Power|Rail|Railway|Watch|Surfacing|Contractors|Builders|Consultants|Solutions|"
    r"Insurance|Centre|Campaign|Institute|Union|Party|Government|NHS"
)
_ORGANISATION = re.compile(r"\b(?:[A-Z][\w'’&.-]*\s+){0,5}(?:" + _ORG_ENDINGS + r")\b")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,5}\b")
_NOT_ACRONYM = frozenset(
    "I II III IV V AM PM UK GB EU OK TBC TBA NB PS RAG ID NA NO AND THE FOR OF TO IN ON A AN".split()
)
_CAPITAL_WORD = re.compile(r"\b[A-Z]{3,}\b")
# "managed by NPS", "a report from YDNPA", "NPS, who charge": where an acronym names who.
_BODY_CUE_BEFORE = re.compile(r"\b(?:by|from|with|to|of)\s+(?:the\s+)?$", re.I)
_PLACE_AFTER = re.compile(
    r"\b(?:in|at|near|around|outside|within|of)[ \t]+((?:[A-Z][\w'’-]+(?:[ \t]+|,[ \t]+)?){1,4})"
)
# Where a meeting is held: "held in the United Reformed Church Hall, Fore Street", "will take
# place at the Sports Pavilion, Perry Lane", "7.15 p.m. in the Old School", and the label a
# summons or minutes print ("Venue: Council Chamber - Oxford Town Hall"). A venue may end in
# a word for a body ("the Old School", "Church Hall"); the words up to the next comma run,
# "on" or the end of the line are its name.
_VENUE = re.compile(
    r"(?:\b(?:held|meet|meets|met|meeting|take place|takes place|took place|convened|p\.?m\.?|a\.?m\.?)"
    r"[ \t]+(?:in|at)[ \t]+(?:the[ \t]+)?"
    r"|\b(?:Venue|Location|Place of meeting|Meeting place)[ \t]*[:|–-][ \t]*)"
    r"((?:[A-Z0-9][\w'’.&-]*(?:[ \t]+(?:-[ \t]+)?|,[ \t]+)?){1,9})"
)
# A capitalised name ending in a word for a body is an organisation, not a place ("in
# Children's Services", "at the Parish Council").
_BODY_ENDING = re.compile(r"\b(?:" + _ORG_ENDINGS + r"|Committee|Panel)$")
_DIRECTION = re.compile(
    r"\b(?:in|for|across) the ((?:north|south|east|west|central)(?:[- ](?:east|west))?)\b", re.I
)
_STARTS_SENTENCE_WORDS = frozenset("The This That These Those It In At On Of For And But A An".split())


# What follows a word that opens a label rather than ends a name: "title:" in "Job title:".
_LABEL_AFTER = re.compile(r" [a-z]+(?: [a-z]+)?\s*:")


def _without_next_label(text: str, start: int, piece: str) -> str:
    """A name of three words or more whose last word opens the next label is cut before it:
    "Adam Crowther Job" in "Adam Crowther Job title: Head of ..." (a report's front sheet)."""
    words = piece.split(" ")
    if len(words) >= 3 and _LABEL_AFTER.match(text, start + len(piece)):
        return " ".join(words[:-1])
    return piece


def _spans_of(pattern: re.Pattern[str], kind: str, text: str, role: str, group: int = 0) -> list[Span]:
    out = []
    for m in pattern.finditer(text):
        start, end = m.start(group), m.end(group)
        piece = text[start:end].rstrip(" ,.\n\t")
        if kind == PERSON:
            piece = _without_next_label(text, start, piece)
        if piece:
            out.append(Span(kind, start, start + len(piece), piece, role))
    return out


def _known(kind: str, text: str, names: list[tuple[str, str]]) -> list[Span]:
    out = []
    for surface, name_type in names:
        if name_type != kind or len(surface) < 3 or surface not in text:
            continue
        for m in re.finditer(r"(?<![\w])" + re.escape(surface) + r"(?![\w])", text):
            piece = _without_next_label(text, m.start(), m.group(0)) if kind == PERSON else m.group(0)
            out.append(Span(kind, m.start(), m.start() + len(piece), piece, "known"))
    return out


def _unique(spans: list[Span]) -> list[Span]:
    """Longest first wins where spans overlap; returned in reading order."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def person_spans(text: str, names: list[tuple[str, str]], *, roles: bool = True) -> list[Span]:
    """People in `text`: titled names, names the paper knows, "Name (Role)", names after a
    cue, a signature; with `roles`, the roles a sentence names when it names nobody."""
    found = _spans_of(TITLED, PERSON, text, "titled")
    found += _spans_of(_SIGNATURE, PERSON, text, "signature", 1)
    found += _known(PERSON, text, names)
    found += _spans_of(_NAME_ROLE, PERSON, text, "named_role", 1)
    found += _spans_of(_CUE, PERSON, text, "cue", 1)
    found += _spans_of(_ROLE_LABEL, PERSON, text, "cue", 1)
    found += _spans_of(_MOTION_INITIALS, PERSON, text, "cue", 1)
    people = _unique(found)
    if people or not roles:
        return people
    found = []
    for span in _spans_of(_ROLE_PHRASE, PERSON, text, "role"):
        words = span.text.split()
        while words and words[0].lower() in _NOT_ROLE_START and len(words) > 1:
            words = words[1:]
        start = span.end - len(" ".join(words)) if words else span.end
        if words and text[start : span.end] == " ".join(words):
            found.append(Span(PERSON, start, span.end, text[start : span.end], "role"))
        else:
            found.append(span)
    return _unique(found)


def organisation_spans(text: str, names: list[tuple[str, str]]) -> list[Span]:
    found = _known(ORGANISATION, text, names)
    for span in _spans_of(_ORGANISATION, ORGANISATION, text, "pattern"):
        words = span.text.split()
        while words and words[0] in _STARTS_SENTENCE_WORDS:
            words = words[1:]
        if len(words) >= 2:
            start = span.end - len(" ".join(words))
            found.append(Span(ORGANISATION, start, span.end, text[start : span.end], "pattern"))
    shouting = len(_CAPITAL_WORD.findall(text)) >= 3
    for span in _spans_of(_ACRONYM, ORGANISATION, text, "acronym"):
        # In a line of capitals ("MINUTES OF THE MEETING HELD ON") every word looks like one.
        if span.text not in _NOT_ACRONYM and not shouting:
            found.append(span)
    return _unique(found)


def place_spans(text: str, names: list[tuple[str, str]]) -> list[Span]:
    found = _known(PLACE, text, names)
    for span in _spans_of(_PLACE_AFTER, PLACE, text, "pattern", 1):
        if (
            span.text.split()[0] not in _STARTS_SENTENCE_WORDS
            and not _BODY_ENDING.search(span.text)
            and not find_periods(span.text)  # "in June", "at 31 March 2024"
        ):
            found.append(span)
    found += _spans_of(_DIRECTION, PLACE, text, "direction", 1)
    for span in _spans_of(_VENUE, PLACE, text, "venue", 1):
        piece = re.split(r",?[ \t]+(?:on|at)[ \t]+|\s*[.;]\s*$", span.text)[0].rstrip(" ,-")
        if piece and not find_periods(piece[:12]):
            found.append(Span(PLACE, span.start, span.start + len(piece), piece, "venue"))
    return _unique(found)


def cell_is_person_column(header: str | None) -> bool:
    return bool(header and _NAME_COLUMN.search(header))


def name_spans(kind: str, text: str, names: list[tuple[str, str]]) -> list[Span]:
    """The spans a question of type `kind` may be answered with. "Who" may be answered by a
    body ("Who manages the fund?" "NPS") as well as a person. A "name" that is a date ("1st
    June 2015", which a name tagger read as a person in parish minutes) is none."""
    return [s for s in _name_spans(kind, text, names) if not _is_date(s.text)]


def _is_date(text: str) -> bool:
    """Whether a date or period with a day or year covers most of `text`."""
    covered = sum(p.end_char - p.start_char for p in find_periods(text) if p.kind not in ("month_only",))
    return covered >= 0.6 * len(text.strip())


def _name_spans(kind: str, text: str, names: list[tuple[str, str]]) -> list[Span]:
    if kind == PERSON:
        people = person_spans(text, names)
        if people and any(s.role != "role" for s in people):
            return people
        # "Who ...?" is answered by a body only where the sentence says it acted: "managed
        # by NPS", "a letter from the Land Registry", "NPS, who charge ...".
        bodies = [
            s
            for s in organisation_spans(text, names)
            if _BODY_CUE_BEFORE.search(text[max(0, s.start - 12) : s.start])
            or text[s.end : s.end + 6].startswith(", who")
        ]
        return _unique(people + bodies)
    if kind == ORGANISATION:
        return organisation_spans(text, names)
    if kind == PLACE:
        return place_spans(text, names)
    return []


# ------------------------------------------------------------------ attendance

# How much of a page the attendance lines are looked for in (a text paper is one long page).
ATTENDANCE_CHARS = 20000
_CHAIR_ROLE = re.compile(r"^(?:the\s+)?chair(?:man|woman|person)?\b", re.I)
_VICE_ROLE = re.compile(r"^vice[- ]chair", re.I)


def _surname(name: str) -> str | None:
    """The last word of a name; None for a row with no name (stores may hold one)."""
    words = name.replace(".", " ").split()
    return words[-1] if words else None


def _page_lines(store: Store, document_id: str) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    # Attendance is printed at the start of minutes: their first two pages.
    for page in store.query(
        "SELECT number, text FROM pages WHERE document_id = ? ORDER BY number LIMIT 2", (document_id,)
    ):
        text = plain_text(page["text"][:ATTENDANCE_CHARS])
        lines += [(int(page["number"]), raw.strip()) for raw in text.splitlines() if raw.strip()]
    return lines


def _line_naming(
    lines: list[tuple[int, str]], person: str, cue: re.Pattern[str] | None
) -> tuple[int, str] | None:
    surname = _surname(person)
    if surname is None:
        return None
    for page, line in lines:
        if re.search(r"\b" + re.escape(surname) + r"\b", line) and (cue is None or cue.search(line)):
            return page, line
    return None


def _name_as_printed(line: str, person: str) -> str:
    surname = _surname(person)
    if surname is None:
        return person
    for m in TITLED.finditer(line):
        if _surname(m.group(0)) == surname:
            return m.group(0)
    found = re.search(r"(?:[A-Z][a-z'’-]+\s+)?(?:[A-Z]\.?\s+)*" + re.escape(surname) + r"\b", line)
    return found.group(0) if found else person


def _passage_for(doc: dict[str, Any], line: str, page: int, fronts: dict[str, Passage]) -> Passage:
    """The front-matter passage holding the line, or a passage of that one line of its page."""
    front = fronts.get(doc["document_id"])
    if front is not None and line in front.text:
        return front
    return Passage(
        id=f"attendance:{doc['document_id']}:{page}",
        text=line,
        document_id=doc["document_id"],
        document_title=doc["document_title"],
        document_kind=doc["document_kind"],
        body=doc["body"],
        meeting_date=doc["meeting_date"],
        page=page,
        section_title="Attendance",
        kind="front",
    )


def attendance_candidates(store: Store, question: Question, retrieved: Retrieved) -> list[Candidate]:
    """Answers from the attendance records of the papers of the meeting the question asks
    about: who chaired it (only when the question asks who chaired the meeting), the vice
    chair, who substituted for whom, who sent apologies."""
    ask = "chair" if question.meeting_chair else question.attendance
    if ask not in ("chair", "vice_chair", "substitute", "apologies"):
        return []
    docs = {p.document_id: p for p in retrieved.passages}
    fronts = {p.document_id: p for p in retrieved.passages if p.kind == "front"}
    asked = {s for s in question.person_surnames}
    out: list[Candidate] = []
    read_from_text = _text_read_documents(question, retrieved, docs)
    for doc_id in _of_dated_meeting(question, retrieved.documents, docs):
        rows = retrieved.attendance.get(doc_id) or []
        if doc_id not in docs or not (rows or doc_id in read_from_text):
            continue
        source = docs[doc_id]
        doc = {
            "document_id": doc_id,
            "document_title": source.document_title,
            "document_kind": source.document_kind,
            "body": source.body,
            "meeting_date": source.meeting_date,
        }
        chosen, cue = _chosen(ask, rows, asked)
        if not chosen:
            if doc_id in read_from_text:
                found_in_text = printed_attendance(ask, _page_lines(store, doc_id), asked, question.terms)
                if found_in_text is not None:
                    page, line, answer = found_in_text
                    out.append(_attendance_candidate(doc, line, page, fronts, answer, ask))
            continue
        lines = _page_lines(store, doc_id)
        names: list[str] = []
        where: tuple[int, str] | None = None
        for row in chosen:
            found = _line_naming(lines, row["person"], cue) or _line_naming(lines, row["person"], None)
            if found is None:
                continue
            where = where or found
            if found[1] == where[1]:
                names.append(_name_as_printed(found[1], row["person"]))
        if where is None or not names:
            continue
        page, line = where
        answer = names[0] if len(names) == 1 else _span_of_names(line, names)
        out.append(
            Candidate(
                passage=_passage_for(doc, line, page, fronts),
                quote=line,
                answer=answer,
                answer_type=PERSON,
                source="attendance",
                extra={"attendance": chosen[0]["status"], "role": chosen[0]["role"], "page": page},
            )
        )
    return out


def _chosen(
    ask: str, rows: list[dict[str, Any]], asked: set[str]
) -> tuple[list[dict[str, Any]], re.Pattern[str] | None]:
    if ask == "chair":
        return [r for r in rows if r["role"] and _CHAIR_ROLE.match(r["role"])], re.compile(
            r"\(\s*chair", re.I
        )
    if ask == "vice_chair":
        return [r for r in rows if r["role"] and _VICE_ROLE.match(r["role"])], re.compile(
            r"vice[- ]chair", re.I
        )
    if ask == "substitute":
        chosen = [
            r
            for r in rows
            if r["status"] == "substitute"
            and (not asked or any(s in (r["substituting_for"] or "").lower() for s in asked))
        ]
        return chosen, re.compile(r"substitut", re.I)
    chosen = [r for r in rows if r["status"] == "apologies"]
    if asked:
        chosen = [r for r in chosen if (_surname(r["person"]) or "").lower() in asked] or []
    return chosen, re.compile(r"apolog", re.I)


def _span_of_names(line: str, names: list[str]) -> str:
    """From the first name to the last as the line prints them (a list of absentees)."""
    starts = [line.find(n) for n in names if n in line]
    ends = [line.find(n) + len(n) for n in names if n in line]
    if not starts:
        return ", ".join(names)
    return line[min(starts) : max(ends)]


# ------------------------------------------------------------- attendance blocks as printed

# Where ingest kept no attendance record for a paper (a parish's "Councillors, Mr Tim Owen
# (Chair), ..." run-on line, an agenda's "Apologies for Absence: Councillor Steady", a
# supplement's "Present: Councillor Mrs Soyke (Chairman)"), its attendance block is read
# from the printed lines of its first pages: at most this many papers per question, those of
# the meeting the question dates first.
TEXT_ATTENDANCE_DOCS = 8
# A name with its chair role in brackets: "Mr Tim Owen (Chair)", "Councillor Mrs Soyke
# (Chairman)", "Cllr. Buckenham (Chair)"; the vice chair's "(Vice-Chairman)" likewise.
_PERSON_BEFORE = (
    r"\b((?:(?:" + _TITLES + r")\.?\s+){0,2}(?:[A-Z]\.?\s?){0,3}"
    r"[A-Z][A-Za-z'’-]+(?:\s[A-Z][A-Za-z'’-]+){0,2})"
)
_BRACKETED = {
    "chair": re.compile(
        _PERSON_BEFORE + r"\s*\(\s*(?i:(?:the\s+)?(?:chair(?:man|woman|person)?|presiding))\s*\)"
    ),
    "vice_chair": re.compile(_PERSON_BEFORE + r"\s*\(\s*(?i:vice[- ]?chair(?:man|woman|person)?)\s*\)"),
}
# The same role as a label before the name: "Chairman: Cllr J Smith", "Chair – Jane Smith".
_LABELLED = {
    "chair": re.compile(r"^\W*(?:the\s+)?chair(?:man|woman|person)?\s*[:|–—-]\s*(.+)$", re.I),
    "vice_chair": re.compile(r"^\W*vice[- ]?chair(?:man|woman|person)?\s*[:|–—-]\s*(.+)$", re.I),
}
# An apologies line, numbered or not, with what follows the heading on it: "Apologies:
# Cllr Ivor Machin, ...", "1. Apologies for Absence: Councillor Steady", "Apologies were
# received from Councillors A and B"; a heading alone ("2 Apologies") takes the next line
# ("were received from: Councillors Mr Gareth Evans & Mr Les Thomas").
_APOLOGIES_LINE = re.compile(
    r"^\W*(?:\d{1,3}[.)]?\s*)?(?:\(?[a-z]\)\s*)?apolog(?:y|ies)\b(?:\s+for\s+absence)?\s*(.*)$", re.I
)
_RECEIVED_FROM = re.compile(
    r"^\W*(?:(?:were|was|had been|have been)\s+)?(?:received|given|tendered|noted|offered|sent)?\s*"
    r"(?:and accepted\s+)?(?:from|by)?\s*[:–—-]?\s*",
    re.I,
)


def _dated(question: Question, passage: Passage) -> bool:
    wanted = question.meeting_periods or question.periods
    return bool(passage.meeting_date) and any(w.contains_date(passage.meeting_date or "") for w in wanted)


def _of_dated_meeting(question: Question, documents: list[str], docs: dict[str, Passage]) -> list[str]:
    """The papers whose attendance may answer: where the question dates the meeting and some
    paper retrieved is of that meeting, only those (another meeting's chair or absentees
    answer nothing); else all."""
    dated = [d for d in documents if d in docs and _dated(question, docs[d])]
    return dated or documents


def _text_read_documents(question: Question, retrieved: Retrieved, docs: dict[str, Passage]) -> set[str]:
    """The papers whose printed attendance block is read: those of the meeting the question
    dates (any number), else the first few retrieved; never more than `TEXT_ATTENDANCE_DOCS`."""
    candidates = [d for d in retrieved.documents if d in docs and not retrieved.attendance.get(d)]
    if question.meeting_periods or question.periods:
        dated = [d for d in candidates if _dated(question, docs[d])]
        if dated:
            return set(dated[:TEXT_ATTENDANCE_DOCS])
    # No paper of the dated meeting (its minutes may be printed in the next meeting's pack):
    # the first few retrieved, whose meeting the ranking weighs.
    return set(candidates[:TEXT_ATTENDANCE_DOCS])


def printed_attendance(
    ask: str, lines: list[tuple[int, str]], asked: set[str], terms: list[str]
) -> tuple[int, str, str] | None:
    """(page, line, answer) from a paper's printed attendance block, or None."""
    if ask in _BRACKETED:
        for page, line in lines:
            m = _BRACKETED[ask].search(line)
            if m:  # "(Vice-Chairman)" never matches the chair's pattern
                return page, line, _trim_list_word(m.group(1))
            labelled = _LABELLED[ask].match(line)
            if labelled:
                people = person_spans(labelled.group(1), [], roles=False)
                if people:
                    return page, line, people[0].text
        return None
    if ask != "apologies":
        return None
    for index, (page, line) in enumerate(lines):
        m = _APOLOGIES_LINE.match(line)
        if not m:
            continue
        rest, quoted = m.group(1), line
        if not person_spans(rest, [], roles=False) and index + 1 < len(lines):
            rest = quoted = lines[index + 1][1]
        received = _RECEIVED_FROM.match(rest)  # it may match nothing: then it is empty
        rest = rest[received.end() :] if received else rest
        people = [_whole_name(rest, p) for p in person_spans(rest, [], roles=False)]
        if asked:
            people = [p for p in people if (_surname(p.text) or "").lower() in asked]
        people = _qualified(rest, people, terms)
        if people:
            start, end = people[0].start, people[-1].end
            return page, quoted, rest[start:end]
    return None


# Capitalised words that go on a name in a list ("Mr John Ifan Jones": a title takes two
# words, a Welsh or double name has three or more).
_NAME_GOES_ON = re.compile(r" [A-Z][a-z'’-]+\b")
_NOT_NAME_WORDS = frozenset("Also And Apologies Present Councillor Councillors Cllr Cllrs Clerk".split())


def _whole_name(text: str, span: Span) -> Span:
    end = span.end
    while (m := _NAME_GOES_ON.match(text, end)) and m.group(0).strip() not in _NOT_NAME_WORDS:
        end = m.end()
    return Span(span.kind, span.start, end, text[span.start : end], span.role)


def _qualified(text: str, people: list[Span], terms: list[str]) -> list[Span]:
    """Of a list of names, those a word of the question labels when it labels some but not
    all ("Which county councillor sent apologies?" over "Councillors Mr Gareth Evans & Mr
    Les Thomas. Also: County Councilor Mr John Ifan Jones"): the words from the name before
    it to the end of a name are its label."""
    if len(people) < 2 or not terms:
        return people
    labels = []
    previous_end = 0
    for person in people:
        # The name's own title is label too ("County Councillor Mr ... " is one span).
        labels.append(set(stems(text[previous_end : person.end])))
        previous_end = person.end
    for term in terms:
        labelled = [p for p, label in zip(people, labels, strict=True) if term in label]
        if labelled and len(labelled) < len(people):
            return labelled
    return people


# Words a run of names opens with that are not part of the first name ("Councillors, Mr Tim
# Owen", "Present: Councillor Mrs Soyke").
_LIST_WORDS = re.compile(r"^(?:Councillors|Present|Members|Also)\b[:,]?\s*")


def _trim_list_word(name: str) -> str:
    return _LIST_WORDS.sub("", name).strip()


def _attendance_candidate(
    doc: dict[str, Any], line: str, page: int, fronts: dict[str, Passage], answer: str, ask: str
) -> Candidate:
    return Candidate(
        passage=_passage_for(doc, line, page, fronts),
        quote=line,
        answer=answer,
        answer_type=PERSON,
        source="attendance",
        extra={"attendance": "apologies" if ask == "apologies" else "present", "role": ask, "page": page},
    )
