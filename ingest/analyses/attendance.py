"""Attendance and declarations of interest, read from minutes and decision notices.

Where they are printed:

* The attendance block before the first minute: a "Present:" heading (Norfolk), "Members
  Present:-" with a "Councillors:" list (Bristol printed minutes), or "Committee Members
  present:" one per line (Bristol decision recording forms), followed by groups with their own
  headings ("Parent Governor Representatives:", "Also in attendance:", "Officers in
  Attendance:-", "Apologies:").
* The apologies minute: "Apologies were received from Ms D Gihawi (Ms E Corlett
  substituting), Dr M Strong, …" (Norfolk); "Apologies were received from Councillor Coombes.
  Councillor Jos Clark attended as substitute." (Bristol).
* The declarations minute: "Mrs Leggett declared an interest as a member of …"; "No
  declarations made." / "There were none." mean none.

Invariants: one `Attendance` row per person per document; a substitute is a present member
with `status="substitute"` and `substituting_for` set; names are canonical
(`minutebook.names`) and short forms are resolved against the attendance block's full forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.models import Attendance, Declaration, Document
from minutebook.names import TITLED_NAME, canonical, merge_names, parse_person
from minutebook.text import plain_text

ATTENDANCE_KINDS = {"minutes", "decision_notice"}

# Group headings of the attendance block: (pattern, status, role). First match wins.
# The role is what the heading says the people in it are (Norfolk 2014 minutes).
_GROUPS: list[tuple[re.Pattern[str], str, str | None]] = [
    (re.compile(r"^(?:committee\s+|members\s+)*present\b", re.I), "present", None),
    (re.compile(r"^councillors?$", re.I), "present", None),
    (re.compile(r"^apolog", re.I), "apologies", None),
    (re.compile(r"^absent", re.I), "absent", None),
    (re.compile(r"^officers?\b.*\battendance", re.I), "in_attendance", "Officer"),
    (re.compile(r"\battendance\b|^in attendance", re.I), "in_attendance", None),
    (re.compile(r"^substitut", re.I), "substitute", None),
]
# Any other "Something:" line inside the block is a group of present members with that role.
_HEADING = re.compile(r"^(?P<head>[A-Z][A-Za-z' /&-]{2,60}?)\s*:-?\s*(?P<rest>.*)$")
# Where the block ends: the first numbered minute ("1. Apologies", "1 Welcome, …") or the
# decision form's "Deadline for …"/"(a) | Subject" lines.
_BLOCK_END = re.compile(r"^(?:\d+\.?\d*\s+[A-Z]|\(a\)|Deadline\b)")
_ROLE_AFTER = re.compile(
    # "(Chair)" after a name, or ", Leader of the Green Group" (Bristol decision forms), or
    # ", Clerk" / ", Councillors" after a name or a list of them (Burton-cum-Walden minutes).
    r"^\s*\((?P<paren>[^()]{1,80})\)"
    r"|^\s*,\s*(?P<comma>(?:Leader|Chair|Vice|Deputy|Cabinet|Lord Mayor|Mayor|Clerk|Assistant Clerk|"
    r"Responsible Financial Officer|Secretary|Treasurer|Councillors?|Parish Councillors?|Director|"
    r"Head|Officer|Manager)\b[^,\n]{0,60}?)(?=,|\.|$|\n| and )"
)
# A role after a list of names belongs to all of them ("A, B and C, Councillors").
_PLURAL_ROLE = re.compile(r"^(?:Parish )?Councillors$|^Members$", re.I)
# A line ending in a title or a given name ("... and Mr", "... Mrs Victoria") continues on the
# next line with the name ("David Dent, ...", "Whitehead, Councillors").
_ENDS_WITH_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|and)\.?$")
_ENDS_WITH_GIVEN_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.? [A-Z][a-z'’-]+$")
_STARTS_WITH_SURNAME = re.compile(r"^[A-Z][a-z'’-]+,")
_CHAIR_ROLES = re.compile(r"^(?:chair|chairman|chairwoman|chairperson)$", re.I)


@dataclass
class _Row:
    surface: str
    status: str
    role: str | None
    page: int
    substituting_for: str | None = None


def extract_attendance(doc: Document) -> None:
    """Analysis: fill `doc.attendance` and `doc.declarations` for minutes and decision notices."""
    if doc.kind not in ATTENDANCE_KINDS:
        return
    rows = _block_rows(doc)
    rows.extend(_apology_rows(doc))
    doc.attendance = _resolve(rows)
    doc.declarations = _declarations(doc, {a.person for a in doc.attendance})


# ----------------------------------------------------------------- the block


def _block_rows(doc: Document) -> list[_Row]:
    rows: list[_Row] = []
    status, role = "", None
    in_block = False
    for page in doc.pages[:3]:
        for raw in _joined_lines(plain_text(page.text).splitlines()):
            line = raw.strip()
            if not line:
                continue
            heading = _HEADING.match(line)
            group = _group_for(heading.group("head")) if heading else None
            if not in_block:
                if group and group[0] == "present":
                    in_block = True
                    status, role = group
                    line = heading.group("rest") if heading else ""
                    rows.extend(_names_in(line, status, role, page.number))
                continue
            if _BLOCK_END.match(line):
                return _pair_roles(rows)
            if heading and (group or not TITLED_NAME.match(line)):
                status, role = group or ("present", _singular(heading.group("head")))
                line = heading.group("rest")
                if not line:
                    continue
            titled_only = any(TITLED_NAME.fullmatch(r.surface) for r in rows if r.status)
            found = _names_in(line, status, role, page.number, titled_only=titled_only)
            if found:
                rows.extend(found)
            else:
                rows.append(_Row(line, "", role, page.number))  # a role line, paired below
        if in_block and doc.kind == "decision_notice":
            break
    return _pair_roles(rows)


def _joined_lines(lines: list[str]) -> list[str]:
    """Lines with a name broken after its title ("... and Mr" / "David Dent, ...") rejoined."""
    out: list[str] = []
    for line in lines:
        previous = out[-1].rstrip() if out else ""
        broken = _ENDS_WITH_TITLE.search(previous) or (
            _ENDS_WITH_GIVEN_NAME.search(previous) and _STARTS_WITH_SURNAME.match(line.strip())
        )
        if out and broken and line.strip():
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def _group_for(head: str) -> tuple[str, str | None] | None:
    head = head.strip()
    for pattern, status, role in _GROUPS:
        if pattern.search(head):
            return status, role
    return None


def _singular(head: str) -> str:
    head = head.strip()
    return re.sub(r"(?<=[a-z])s$", "", head) if not head.endswith("ss") else head


def _pair_roles(rows: list[_Row]) -> list[_Row]:
    """Norfolk's two-column groups come out as names, then their roles, one per line:
    "Mr M Castle / Mr J Joyce / Education and Schools / Safeguarding". Pair them in order
    when the counts match; otherwise drop the loose role lines."""
    out: list[_Row] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j].status and rows[j].role == rows[i].role:
            j += 1
        names = rows[i:j]
        k = j
        while k < len(rows) and not rows[k].status:
            k += 1
        loose = rows[j:k]
        if names and len(loose) == len(names) and all(len(r.surface.split()) <= 6 for r in loose):
            for person, extra in zip(names, loose, strict=True):
                person.role = f"{person.role} ({extra.surface})" if person.role else extra.surface
        out.extend(names)
        i = k if k > i else i + 1
    return out


def _names_in(
    text: str, status: str, role: str | None, page: int, *, titled_only: bool = False
) -> list[_Row]:
    """People named in one line of a group, each with a role in brackets if printed.

    With `titled_only` (the block names people "Mr J Joyce"-style), a line without a title
    is a role line ("Norfolk Governor Network"), never a name.
    """
    rows: list[_Row] = []
    text = re.sub(r"^Councillors?\s*:\s*", "", text.strip())
    titled = list(TITLED_NAME.finditer(text))
    if titled:
        for m in titled:
            own = _role_after(text[m.end() :], role)
            if own and own != role and _PLURAL_ROLE.match(own.split(" (")[-1].strip("()")):
                # "A, B and C, Councillors": the listed people before this one share it.
                for earlier in reversed(rows):
                    if earlier.role != role:
                        break
                    earlier.role = own
            rows.append(_Row(m.group(0), status, own, page))
        return rows
    if titled_only:
        return rows
    for chunk in _split_list(text):
        name, _, rest = chunk.partition("(")
        if parse_person(name) is None or any(ch.isdigit() for ch in chunk):
            continue
        own = rest.rstrip(") ").strip() or None
        rows.append(_Row(name.strip(), status, _combine(role, own), page))
    return rows


def _role_after(tail: str, group_role: str | None) -> str | None:
    m = _ROLE_AFTER.match(tail)
    if not m:
        return group_role
    own = (m.group("paren") or m.group("comma") or "").strip()
    if TITLED_NAME.search(own):
        return group_role
    return _combine(group_role, own)


def _combine(group_role: str | None, own: str | None) -> str | None:
    if own and group_role:
        return f"{group_role} ({own})"
    return own or group_role


def _split_list(text: str) -> list[str]:
    """Split "A (Chair), B, C and D" on commas and "and" outside brackets."""
    parts: list[str] = []
    depth, start = 0, 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == "," or text.startswith(" and ", i)):
            parts.append(text[start:i])
            i += 5 if ch == " " else 1
            start = i
            continue
        i += 1
    parts.append(text[start:])
    parts = [re.sub(r"^and\s+", "", p.strip(" .;")) for p in parts]
    return [p for p in parts if p]


# ----------------------------------------------------------------- apologies

_APOLOGIES = re.compile(
    r"(?:apologies(?: for absence)? (?:were|was) (?:received|given|noted) (?:from|for)|"
    r"there were apologies (?:from|for)|apologies:)\s+(?P<list>.+?)(?:\.(?:\s|$)|$)",
    re.I | re.S,
)
_NO_APOLOGIES = re.compile(r"\b(?:no apologies|there were none|none)\b", re.I)
# "(Mr Northam substituting)", "(Ms E Corlett substituting)": Norfolk 2014 minutes.
_SUBSTITUTING = re.compile(r"\((?P<sub>[^()]+?)\s+substitut\w*\)", re.I)
# "Councillor Jos Clark attended as substitute (for Councillor Coombes)": Bristol minutes.
_ATTENDED_AS_SUB = re.compile(
    r"(?P<sub>(?:Councillor|Cllr)\.?\s+[A-Z][\w' -]+?)\s+(?:attended|was present)\s+as\s+(?:a\s+)?substitute"
    r"(?:\s+for\s+(?P<for>(?:Councillor|Cllr)\.?\s+[A-Z][\w' -]+?))?[.,]",
)


def _apology_rows(doc: Document) -> list[_Row]:
    rows: list[_Row] = []
    for item in doc.items:
        if not re.search(r"apolog", item.title, re.I):
            continue
        page = item.page_start or 1
        text = " ".join(plain_text(item.text).split())
        for m in _APOLOGIES.finditer(text):
            for chunk in _split_list(m.group("list")):
                absentee = TITLED_NAME.match(chunk) or (
                    None if parse_person(chunk.split("(")[0]) is None else re.match(r"[^(]+", chunk)
                )
                if not absentee:
                    continue
                name = absentee.group(0).strip()
                rows.append(_Row(name, "apologies", None, page))
                sub = _SUBSTITUTING.search(chunk)
                if sub:
                    rows.append(_Row(sub.group("sub").strip(), "substitute", None, page, name))
        for m in _ATTENDED_AS_SUB.finditer(text):
            absentees = [r.surface for r in rows if r.status == "apologies"]
            target = m.group("for") or (absentees[0] if len(absentees) == 1 else None)
            rows.append(_Row(m.group("sub").strip(), "substitute", None, page, target))
    return rows


# ----------------------------------------------------------------- resolution


def _resolve(rows: list[_Row]) -> list[Attendance]:
    """Canonical names, short forms merged into full ones, one row per person."""
    names = merge_names([r.surface for r in rows] + [r.substituting_for for r in rows if r.substituting_for])
    out: dict[str, Attendance] = {}
    for row in rows:
        person = names.get(row.surface, canonical(row.surface))
        sub_for = (
            names.get(row.substituting_for, canonical(row.substituting_for)) if row.substituting_for else None
        )
        existing = out.get(person)
        if existing is None:
            out[person] = Attendance(person, row.status or "present", row.role, sub_for, row.page)  # type: ignore[arg-type]
        elif row.status == "substitute":
            existing.status = "substitute"
            existing.substituting_for = sub_for
        elif row.role and not existing.role:
            existing.role = row.role
    return list(out.values())


def chair_of(attendance: list[Attendance]) -> str | None:
    """The person who chaired the meeting, when the attendance block says so."""
    for row in attendance:
        if row.role and _CHAIR_ROLES.match(row.role.strip()):
            return row.person
    return None


# ----------------------------------------------------------------- declarations

_DECLARED = re.compile(
    r"(?P<who>(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Sir)\.?\s+[^.]*?)\s+declared\s+(?P<what>an?\s+[^.]*?interest[^.]*)\.",
)
_ITEM_REF = re.compile(r"\b(?:agenda\s+)?item\s+(?P<num>\d+[A-Za-z]?(?:\.\d+)?)", re.I)


def _declarations(doc: Document, present: set[str]) -> list[Declaration]:
    found: list[Declaration] = []
    for item in doc.items:
        if not re.search(r"declarations?\s+of\s+interest", item.title, re.I):
            continue
        text = " ".join(plain_text(item.text).split())
        for m in _DECLARED.finditer(text):
            who = TITLED_NAME.search(m.group("who"))
            if not who:
                continue
            names = merge_names([who.group(0), *present])
            item_ref = _ITEM_REF.search(m.group("what"))
            interest = re.sub(r"^an?\s+(?:\w+\s+)*?interest\s*", "", m.group("what")).strip(" ,")
            found.append(
                Declaration(
                    person=names[who.group(0)],
                    interest=interest or m.group("what").strip(),
                    item_number=item_ref.group("num") if item_ref else None,
                    page=item.page_start or 1,
                )
            )
    return found
