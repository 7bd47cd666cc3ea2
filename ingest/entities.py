"""Named entities: people, organisations and places, with people merged across name forms.

The stage (alephdata/ingest-file's `analysis/extract.py` shape): section prose goes through
`nlp.pipe` in batches (tables skipped: their cells are figures, not names); the domain
`entity_ruler` marks council naming before the statistical model sees it; spaCy labels map to
our types by one table; a filter drops the model's junk; people are merged by
`minutebook.names.merge_names` together with the names in the attendance block, and "the
Chairman" becomes the meeting's chair when the attendance block says who chaired.

Invariants: every `Mention.name` is canonical (one spelling per person/organisation within a
document); nothing that fails `_keep` reaches `doc.mentions`; `surface` is verbatim text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ingest.attendance import chair_of
from minutebook.models import Document, Mention
from minutebook.names import merge_names

# spaCy labels -> our entity types. Anything else (DATE, MONEY, CARDINAL, …) is not an entity
# here: figures.py reads numbers. ROLE comes from our own rules and is attached to people.
LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
ROLE = "ROLE"

_TITLES = [
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Sir",
    "Dame",
    "Lady",
    "Lord",
    "Cllr",
    "Councillor",
    "Professor",
]
_NOT_SURNAME = _TITLES + ["Chair", "Chairman", "Mayor", "Member", "Members", "Leader", "Cabinet"]
_CAP = {"IS_TITLE": True, "ORTH": {"NOT_IN": _NOT_SURNAME}}
_INITIAL = {"TEXT": {"REGEX": r"^[A-Z]\.?$"}}
_TITLE = {"ORTH": {"IN": _TITLES}}
_DOT = {"ORTH": ".", "OP": "?"}
# Words that may sit inside an organisation's or a role's name.
_NAME_WORD = {"TEXT": {"REGEX": r"^(?:[A-Z][\w’'-]*|'s|’s|&|of|for|and|the)$"}, "OP": "*"}

# Organisations every English council paper names, as printed -> canonical name.
KNOWN_ORGANISATIONS = {
    "Ofsted": "Ofsted",
    "OFSTED": "Ofsted",
    "DfE": "Department for Education",
    "DFE": "Department for Education",
    "Department for Education": "Department for Education",
    "NHS": "NHS",
    "NHS England": "NHS England",
    "Care Quality Commission": "Care Quality Commission",
    "CQC": "Care Quality Commission",
    "Local Government Association": "Local Government Association",
    "NSPCC": "NSPCC",
    "Barnardo's": "Barnardo's",
    "Action for Children": "Action for Children",
    "Department for Transport": "Department for Transport",
    "DfT": "Department for Transport",
    "Home Office": "Home Office",
    "Environment Agency": "Environment Agency",
}


def ruler_patterns() -> list[dict[str, Any]]:
    """The domain rules, each taught by a paper (see comments)."""
    people: list[list[dict[str, Any]]] = []
    # "Mr M Kiddle-Morris": the hyphen touches both halves (no space), unlike "Jemphrey - East".
    hyphenated = [{**_CAP, "SPACY": False}, {"ORTH": "-", "SPACY": False}, _CAP]
    for surname in ([_CAP], hyphenated):
        people += [
            # "Mr J Joyce", "Mrs M Dewsbury", "Dr M Strong" (Norfolk 2014).
            [_TITLE, _DOT, {**_INITIAL, "OP": "{1,3}"}, *surname],
            # "Councillor Ed Plowden", "Cllr Roger Smith", "Sir Paul Carter" (Bristol, Norfolk 2017).
            [_TITLE, _DOT, _CAP, *surname],
            # "Mrs Leggett declared…", "Councillor Coombes" (Norfolk, Bristol minutes).
            [_TITLE, _DOT, *surname],
            # "the teachers, Mr & Mrs Higdon," (Norfolk 2014 minutes): two people, split later.
            [_TITLE, {"ORTH": {"IN": ["&", "and"]}}, _TITLE, *surname],
        ]
    organisations: list[list[dict[str, Any]]] = [
        # "Norfolk County Council", "Essex County Council", "Bristol City Council".
        [
            {"IS_TITLE": True, "OP": "+"},
            {"ORTH": {"IN": ["County", "City", "District", "Borough", "Parish", "Town"]}},
            {"ORTH": "Council"},
        ],
        # NHS trusts: "Norfolk and Norwich University Hospitals NHS Foundation Trust".
        [
            {"IS_TITLE": True, "OP": "*"},
            {"ORTH": "NHS"},
            {"ORTH": "Foundation", "OP": "?"},
            {"ORTH": "Trust"},
        ],
        # Named providers and schools: "Great Yarmouth Community Trust", "Burston Primary
        # School", "University of East Anglia" (Norfolk 2014 papers).
        [
            {"IS_TITLE": True, "OP": "+"},
            {
                "ORTH": {
                    "IN": ["Trust", "School", "Academy", "College", "Partnership", "Foundation", "Network"]
                }
            },
        ],
        [{"ORTH": "University"}, {"ORTH": "of"}, {"IS_TITLE": True, "OP": "+"}],
    ]
    roles: list[list[dict[str, Any]]] = [
        # "Interim Director of Children's Services", "Head of Democratic Services",
        # "Executive Director: Growth & Regeneration", "Cabinet Member for Safeguarding".
        [
            {
                "ORTH": {
                    "IN": ["Interim", "Acting", "Deputy", "Assistant", "Executive", "Chief", "Strategic"]
                },
                "OP": "*",
            },
            {"ORTH": {"IN": ["Director", "Head", "Manager", "Officer", "Member", "Lead"]}},
            {"ORTH": {"IN": ["of", "for", ":"]}},
            {"IS_TITLE": True},
            _NAME_WORD,
        ],
        [{"ORTH": {"IN": ["Chief", "Managing"]}}, {"ORTH": {"IN": ["Executive", "Director", "Officer"]}}],
    ]
    patterns: list[dict[str, Any]] = [{"label": "PERSON", "pattern": p} for p in people]
    patterns += [{"label": "ORG", "pattern": p} for p in organisations]
    patterns += [{"label": ROLE, "pattern": p} for p in roles]
    patterns += [{"label": "ORG", "pattern": text, "id": name} for text, name in KNOWN_ORGANISATIONS.items()]
    return patterns


# ----------------------------------------------------------------- filtering

# Capitalised words council papers use as headings and titles; the model calls them people,
# organisations or places ("Plans", "Early Help", "Looked After Children"). Norfolk 2014-2017.
_JUNK_WORDS = {
    "plan", "plans", "report", "reports", "item", "items", "appendix", "agenda", "minutes",
    "recommendation", "recommendations", "dashboard", "scorecard", "table", "total", "action",
    "actions", "review", "strategy", "policy", "programme", "budget", "scheme", "performance",
    "improvement", "children", "child", "looked", "care", "leavers", "help", "early", "social",
    "services", "service", "panel", "committee", "members", "member", "cabinet", "chair",
    "chairman", "director", "head", "officer", "team", "vital", "signs", "data", "key",
    "stage", "year", "group", "update", "outcomes", "pathway", "assessment", "assessments",
    "monitoring", "finance", "risk", "register", "education", "schools", "families", "family",
    "focus", "interim", "executive", "strategic", "local", "authority", "ward", "subject",
    "decision", "forum", "public", "question", "questions", "statement", "statements",
    # Streets and sites the model takes for people ("Ferry Road", "Storey Car Parks": Bristol).
    "road", "street", "lane", "avenue", "way", "park", "parks", "car", "gate", "bridge",
    "centre", "rate", "permits", "permit", "cycleways", "transport", "bus", "parking",
    "primary", "secondary", "special", "needs", "nursery", "infant", "post-16",
}  # fmt: skip
# An organisation's name does not end in these ("Peer Review", "Early Help Offer").
_NOT_ORG_ENDINGS = {
    "plan", "plans", "report", "dashboard", "scorecard", "item", "review", "offer", "strategy",
    "purpose", "reduction", "grant", "update", "policy", "programme", "scheme",
}  # fmt: skip
_STRIP = " \t\n.,;:()[]'\"‘’“”-–—*|"


def _keep(kind: str, text: str, known_org: bool) -> bool:
    """Whether a span is a real entity of `kind` (the junk filter)."""
    if known_org:
        return True
    if not text or any(ch.isdigit() for ch in text) or "|" in text or "\n" in text:
        return False
    words = text.split()
    if len(words) > (4 if kind == "person" else 8):
        return False
    if text.isupper() and len(text) > 3 and kind != "organisation":
        return False  # an all-caps heading
    if text.isupper() and " " in text:
        return False
    if not text[0].isupper():
        return False
    lowered = [w.lower().strip(_STRIP) for w in words]
    if kind == "person":
        if any(w in _JUNK_WORDS for w in lowered):
            return False
        if not all(w[:1].isupper() or w in ("de", "van", "von", "la", "le") for w in words):
            return False
        return len(words) >= 2
    if kind == "organisation":
        if len(words) == 1:
            return False  # single words are headings or acronyms; known ones are in the rules
        if all(w in _JUNK_WORDS or w in ("and", "of", "the", "for", "&") for w in lowered):
            return False
        if lowered[-1] in ("and", "&", "of") or lowered[0] in ("a", "an", "each", "mr", "mrs", "ms"):
            return False
        return lowered[-1] not in _NOT_ORG_ENDINGS
    # places
    if text.isupper():
        return False
    return not any(w in _JUNK_WORDS for w in lowered) and len(words) <= 4


def _trim_person(text: str) -> str:
    """Cut what the model runs on past a name in run-together lists: "Chrissie Smith Special
    Needs", "Alex Robinson Post-16" (Norfolk co-option lists)."""
    words = text.split()
    for index, word in enumerate(words[2:], start=2):
        if any(ch.isdigit() for ch in word) or word.lower().strip(_STRIP) in _JUNK_WORDS:
            return " ".join(words[:index])
    return text


# ----------------------------------------------------------------- extraction


@dataclass
class _Found:
    kind: str
    surface: str
    page: int
    item_id: str | None
    role: str | None
    canonical: str | None = None  # for organisations matched by the known list


def prose_of(text: str) -> str:
    """Section text without its table lines (cells are figures, not prose)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))


def _texts(doc: Document) -> Iterator[tuple[str, int, str | None]]:
    for item in doc.items:
        if item.sections:
            for section in item.sections:
                text = prose_of(section.text)
                if text.strip():
                    yield text, section.page, item.id
        elif item.text.strip():
            yield prose_of(item.text), item.page_start or 1, item.id


def spans_in(spacy_doc: Any) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(kind, surface, role, canonical) for each kept entity of one processed text."""
    ents = list(spacy_doc.ents)
    for index, ent in enumerate(ents):
        kind = LABEL_TYPES.get(ent.label_)
        if kind is None:
            continue
        canonical = ent.ent_id_ or None
        surface = ent.text.strip(_STRIP)
        surface = re.sub(r"^(?:the|The)\s+", "", surface)
        if kind == "person":
            couple = _COUPLE.match(surface)
            if couple:
                for title in (couple.group(1), couple.group(2)):
                    yield kind, f"{title} {couple.group(3)}", None, None
                continue
            surface = _trim_person(surface)
        if not _keep(kind, surface, canonical is not None):
            continue
        role = None
        if kind == "person" and index + 1 < len(ents) and ents[index + 1].label_ == ROLE:
            gap = spacy_doc.text[ent.end_char : ents[index + 1].start_char]
            if gap.strip() in ("", "(", ",", "-", "–"):
                role = ents[index + 1].text.strip(_STRIP)
        yield kind, surface, role, canonical


_COUPLE = re.compile(r"^(\w+)\.? (?:&|and) (\w+)\.? (.+)$")
_CHAIR_REF = re.compile(r"\bthe (?:Chairman|Chair|Chairwoman)\b(?!\s+of\b)")


def extract_entities(doc: Document) -> None:
    """Analysis: fill `doc.mentions` (run after attendance: it reads `doc.attendance`)."""
    from ingest.nlp import BATCH_SIZE, get_nlp

    nlp = get_nlp()
    sources = list(_texts(doc))
    found: list[_Found] = []
    for (_text, page, item_id), processed in zip(
        sources, nlp.pipe((t for t, _, _ in sources), batch_size=BATCH_SIZE), strict=True
    ):
        for kind, surface, role, canonical in spans_in(processed):
            found.append(_Found(kind, surface, page, item_id, role, canonical))
    doc.mentions = build_mentions(doc, found, sources)


def build_mentions(
    doc: Document, found: list[_Found], sources: Iterable[tuple[str, int, str | None]]
) -> list[Mention]:
    """Merge names and add the attendance block's people and "the Chairman" references."""
    attendance_names = [a.person for a in doc.attendance]
    people = merge_names([f.surface for f in found if f.kind == "person"] + attendance_names)
    mentions: list[Mention] = []
    for a in doc.attendance:
        mentions.append(Mention(people.get(a.person, a.person), "person", a.person, a.page, None, a.role))
    for f in found:
        if f.kind == "person":
            name = people.get(f.surface, f.surface)
            mentions.append(Mention(name, "person", f.surface, f.page, f.item_id, f.role))
        else:
            mentions.append(Mention(f.canonical or f.surface, f.kind, f.surface, f.page, f.item_id))  # type: ignore[arg-type]
    chair = chair_of(doc.attendance)
    if chair:
        for text, page, item_id in sources:
            for m in _CHAIR_REF.finditer(text):
                mentions.append(Mention(chair, "person", m.group(0), page, item_id, "Chair"))
    return mentions
