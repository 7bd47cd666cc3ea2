"""Named entities: people, organisations and places, with people merged across name forms.

The stage (alephdata/ingest-file's `analysis/extract.py` shape): section prose goes through
`nlp.pipe` in batches (tables skipped: their cells are figures, not names); the domain
`entity_ruler` marks council naming before the statistical model sees it; spaCy labels map to
our types by one table; a filter drops the model's junk; people are merged by
`minutebook.names.merge_names` together with the names in the attendance block, and "the
Chairman" becomes the meeting's chair when the attendance block says who chaired.

Invariants: every `Mention.name` is canonical (one spelling per person/organisation within a
document: quotes straightened, defined abbreviations expanded); nothing that fails `_keep`
reaches `doc.mentions`; `surface` is verbatim text. Organisations whose every content word is a
generic noun ("Quality Assurance", "Lead Partners") are headings or kinds of body, not names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ingest.analyses.attendance import chair_of
from ingest.analyses.entity_patterns import (
    BODY_NOUNS,
    KNOWN_ORGANISATIONS,
    ROLE,
    RULE_BROAD,
    RULE_SPECIFIC,
    TITLES,
)
from minutebook.models import Document, Mention
from minutebook.names import (
    canonical_organisation,
    defined_abbreviations,
    merge_names,
    normalise_quotes,
    parse_person,
)

# spaCy labels -> our entity types. Anything else (DATE, MONEY, CARDINAL, …) is not an entity
# here: figures.py reads numbers. ROLE comes from our own rules and is attached to people.
LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
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
    # The accessibility notice on every Norfolk paper: "in large print, audio, Braille, …".
    "braille",
}  # fmt: skip
# An organisation's name does not end in these ("Peer Review", "Early Help Offer").
_NOT_ORG_ENDINGS = {
    "plan", "plans", "report", "dashboard", "scorecard", "item", "review", "offer", "strategy",
    "purpose", "reduction", "grant", "update", "policy", "programme", "scheme",
    # Schemes, legislation and document parts (Bristol "East Bristol Liveable Neighbourhood
    # Trial"; Norfolk "Crime and Disorder Act", "Statutory Framework Requirements").
    "neighbourhood", "trial", "project", "act", "requirements", "framework", "implications",
    "assessment", "information", "fund", "premium", "credit", "agreement", "survey", "process",
    "conference", "study", "representatives", "contacts", "census", "balances", "meals",
    "criteria", "figures", "meetings", "visits",
    # Bristol 2024-09-12 minutes: "Outline Business Case", "Customer, Medical & Trader Permits";
    # Norfolk 2014: "Children's Centres A Service Specification".
    "case", "specification", "permits",
}  # fmt: skip
_STRIP = " \t\n.,;:()[]'\"‘’“”-–—*|"


# Words no untitled person's name contains: place-name elements and plural nouns the model takes
# for surnames in children's centre tables ("Catton Grove", "Downham Market", "Framingham
# Earl", "Fakenham Gateway", "Workless Households", "Jobcentre Plus": Norfolk 2014
# supplementary agenda; "Young People": Norfolk 2017 performance report).
_NOT_IN_PERSON = {
    "grove", "market", "green", "heath", "earl", "cross", "common", "gateway", "households",
    "plus", "people", "young", "braille",
}  # fmt: skip
# Common nouns that make up headings, kinds of body, programmes and benefits rather than names
# of organisations: "Equality Impact Assessment", "Quality Assurance", "Monitoring
# Information", "Levels of Social Work", "Nursery School", "Lead Partners", "Universal Credit",
# "Children's Centres" (Norfolk 2014 papers); "Task and Finish Group", "Combined Authority"
# (Bristol minutes). With `_JUNK_WORDS`, an organisation made only of these is not a name.
_GENERIC_WORDS = _JUNK_WORDS | {
    "equality", "impact", "quality", "assurance", "information", "level", "levels", "work",
    "school", "free", "supporting", "small", "good", "lead", "partner", "partners", "leaders",
    "centre", "centres", "universal", "credit", "tax", "working", "home", "learning",
    "environment", "practice", "protection", "projected", "development", "professional",
    "continuous", "foundation", "operational", "partnership", "task", "finish", "combined",
    "o&s", "overview", "scrutiny", "planning", "quarterly", "termly", "annual", "management",
    "national", "steering", "board", "health", "safeguarding", "voice", "disabilities",
    "council", "councils", "authorities", "government", "steps", "step", "downs", "village",
    "city", "county", "district", "region", "regional", "community", "communities", "fund",
    "hardship", "excluded", "integrated", "business", "intelligence", "system", "network",
    # More of the same from the Norfolk 2014 children's centre report and 2017 dashboard:
    # "Workless Households", "Early Help Providers", "Leadership Team", "Lone Parent Families".
    "workless", "households", "deprivation", "multiple", "index", "provider", "providers",
    "leadership", "advisers", "advisors", "adviser", "workers", "worker", "coordinator",
    "officers", "managers", "standards", "criteria", "visits", "meetings", "figures",
    "contract", "contracts", "lot", "lots", "profiles", "feedback", "survey", "process",
    "conference", "block", "census", "balances", "agreement", "representatives", "bodies",
    "governing", "spokespersons", "phase", "position", "latest", "specialist", "workforce",
    "complaints", "compliments", "internal", "external", "financial", "detailed", "frequency",
    "improving", "personal", "intensive", "independent", "lone", "parent", "diverse",
    "cultural", "effectiveness", "achievement", "intervention", "prevention", "enabling",
    "operations", "residential", "order", "guardianship", "hub", "temporary", "champion",
    "pupil", "premium", "healthy", "meals", "area", "areas", "locality", "results", "years",
    # Kinds of council ("the Parish Council", "a Town Council", "Borough Council"): a council
    # named by its kind alone is no particular one, as with body names.
    "parish", "town", "borough",
}  # fmt: skip
# Characters a name does not contain: heading and table fragments ("Risk
# Implications/Assessment", "Capital Programme - Variances", "Learning , Inclusion": Norfolk).
_NOT_IN_NAME = re.compile(r"/| - | , | – ")
_LINKS = {"and", "of", "the", "for", "&", "in", "on", "to", "a", "an"}
# A run of this many content words names something specific even when each word is common
# ("Pathway Planning for Care Leavers Scrutiny Task & Finish Group", Norfolk 2014).
_SPECIFIC_LENGTH = 5
# Leading words that are not part of a body's name: sentence openers the broad rule picks up
# ("As Corporate Parenting Board chair", Norfolk 2017) and qualifiers the model includes
# ("General Children's Services reserves", "Overall Lead Partners": Norfolk 2014).
_LEADING = {
    "as", "in", "at", "by", "on", "for", "to", "from", "with", "of", "and", "if", "when", "all",
    "a", "an", "each", "every", "this", "that", "these", "our", "their", "its", "general",
    "overall", "projected", "current", "existing", "new", "relevant", "termly", "quarterly",
    "monthly", "annual", "following", "both", "any", "whole", "local", "within",
}  # fmt: skip
# "Chair of the Transport and Connectivity Committee" (Bristol 2025-05-15 minutes): the office
# is a role; the body after it is the organisation.
_ROLE_PREFIX = re.compile(
    r"^(?:Vice[- ]?)?(?:Chair(?:man|woman|person)?|Leader|Members?|Mayor)\s+of\s+(?:the\s+)?"
)
_GENERIC_PLACES = {"city", "county", "district", "region", "borough", "town", "village", "country"}
_PLURAL_ABBREVIATION = re.compile(r"^[A-Z]{2,}s$")  # "LAs", "CCGs" (Norfolk 2014 agenda)


def _content_words(text: str) -> list[str]:
    words = [re.sub(r"['’]s$", "", w.lower().strip(_STRIP)) for w in text.split()]
    return [w for w in words if w and w not in _LINKS]


def is_generic_organisation(text: str) -> bool:
    """Whether a would-be organisation is only common nouns ("Quality Assurance")."""
    content = _content_words(text)
    return len(content) < _SPECIFIC_LENGTH and all(w in _GENERIC_WORDS for w in content)


def _keep(kind: str, text: str, known_org: bool) -> bool:
    """Whether a span is a real entity of `kind` (the junk filter)."""
    if known_org:
        return True
    if not text or any(ch.isdigit() for ch in text) or "|" in text or "\n" in text:
        return False
    if text.count("(") != text.count(")"):
        return False  # cut mid-bracket: "Great Yarmouth (Priory", "Social Care (Step Downs"
    if _NOT_IN_NAME.search(text):
        return False
    words = text.split()
    if len(words) > (4 if kind == "person" else 12):
        return False
    if text.isupper() and len(text) > 3 and kind != "organisation":
        return False  # an all-caps heading
    if text.isupper() and " " in text:
        return False
    if not text[0].isupper():
        return False
    lowered = [w.lower().strip(_STRIP) for w in words]
    if kind == "person":
        if not all(w[:1].isupper() or w in ("de", "van", "von", "la", "le") for w in words):
            return False
        parsed = parse_person(text)
        if parsed is None and words[0].strip(".") in TITLES:
            return False  # "Mr J" with its surname taken by a longer span
        if parsed is None or parsed.title is None:
            # Untitled: the model's guess, so headings and place names are ruled out. A titled
            # name ("Mr J Hill", "Mrs Street") is a person whatever its surname means.
            if any(w in _GENERIC_WORDS or w in _NOT_IN_PERSON for w in lowered):
                return False
        return len(words) >= 2
    if kind == "organisation":
        if len(words) == 1:
            return False  # single words are headings or acronyms; known ones are in the rules
        if is_generic_organisation(text):
            return False
        if lowered[-1] in _LINKS or lowered[0] in ("a", "an", "each", "mr", "mrs", "ms"):
            return False  # cut short: "Independent Chair of the", "Norfolk In"
        if re.search(r"['’]s$", words[-1]):
            return False  # a possessive is followed by what it owns: "Norfolk Children's"
        return lowered[-1] not in _NOT_ORG_ENDINGS
    # places
    if text.isupper() or _PLURAL_ABBREVIATION.match(text):
        return False
    if len(words) == 1 and lowered[0] in _GENERIC_PLACES:
        return False  # "City", "County" alone (Norfolk 2014 agenda)
    return not any(w in _JUNK_WORDS for w in lowered) and len(words) <= 4


def _trim_person(text: str) -> str:
    """Cut what the model runs on past a name in run-together lists: "Chrissie Smith Special
    Needs", "Alex Robinson Post-16" (Norfolk co-option lists)."""
    words = text.split()
    # "Name Anne Gibson" (Norfolk 2014 report front sheets: "Officer Name<tab>Anne Gibson").
    while len(words) > 2 and words[0].lower().strip(_STRIP) in _CONTACT_LABELS:
        words.pop(0)
    for index, word in enumerate(words[2:], start=2):
        lowered = word.lower().strip(_STRIP)
        if any(ch.isdigit() for ch in word) or lowered in _GENERIC_WORDS or lowered in _CONTACT_LABELS:
            return " ".join(words[:index])
    return " ".join(words)


# Labels printed beside officers' names ("Richard Snowden Tel No", "Ali MacPhail June":
# Norfolk 2014 contact blocks and action tables).
_CONTACT_LABELS = {
    "name", "tel", "no", "email", "contact", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip


# ----------------------------------------------------------------- extraction


@dataclass
class _Found:
    kind: str
    surface: str
    page: int
    item_id: str | None
    role: str | None
    canonical: str | None = None  # organisations' and places' canonical names


def prose_of(text: str) -> str:
    """Section text without its table lines (cells are figures, not prose)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))


# A table cell that is a figure: amounts, percentages, counts, dashes, bracketed negatives.
_FIGURE_CELL = re.compile(r"[\s£$€%()+\-\u2013.,/0-9]*(?:k|m|bn|K|M)?[\s%)]*")
_CELL_SPLIT = re.compile(r"\s+\|\s+")
_CAPITAL = re.compile(r"[A-Z]")


def _without_figures(line: str) -> str:
    """A table row of figures ("Delivery Sub Total | 134,708 | 140,591 | 84%") without its
    figure cells; other lines as they are. The row's labels stay: a payments table names its
    payees ("Jane Davies - Clerk's salary | 412.50", Manordeilo and Salem's minutes).

    A row that began with a figure keeps a leading "| ": the model reads across line breaks,
    and "52, 53, 54 | Brendon Taylor | Transport issues" under a row ending "Workplace
    Parking Levy" became the person "Levy Brendon Taylor" once its numbers were gone (Bristol
    Transport committee, 2025-10-23, public forum).
    """
    if " | " not in line:
        return line
    cells = _CELL_SPLIT.split(line.strip())
    words = [cell for cell in cells if not _FIGURE_CELL.fullmatch(cell.strip("*# "))]
    if len(words) == len(cells) or not words:
        return line if words else ""
    return ("| " if words[0] is not cells[0] else "") + " | ".join(words)


# The end of a sentence: a full stop, question or exclamation mark after a lower-case letter,
# a digit or a closing bracket, then white space (line breaks included: PDF text breaks lines
# inside sentences). Not after a title or "No." ("Mr. Smith", "Minute No. 12"), and never
# after an initial ("J. Smith": the letter before the stop is a capital).
_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9)\]][.!?])(?<!\bMrs\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bCllr\.)(?<!\bNo\.)(?<!\bSt\.)\s+"
)
_TOKEN = re.compile(r"\S+")
# What may open a token before its first letter: "(Bristol", "“Homes", "*Mr".
_OPENERS = "(\"'“‘[*-–"
# Words kept either side of a capitalised word. en_core_web_sm's NER sees each token through
# a window of four tokens either side (its CNN: window 1, depth 4), so a word further than
# that from every capitalised word cannot change what the model says about the names. Over
# every real folder (26 PDFs, 1,992 mentions) windows of 4 kept 98.9% of the mentions read
# from whole sentences, and most of the 22 lost were junk the model read in tables of figures
# ("Recharge Income" as a person); spaCy's time fell by a third (tests/bench/eval_entities.py
# --filter-impact prints both).
NAME_WINDOW = 4


def _capitalised(token: str) -> bool:
    stripped = token.lstrip(_OPENERS)
    return bool(stripped) and stripped[0].isupper()


def _name_windows(sentence: str) -> list[str]:
    """The stretches of `sentence` within NAME_WINDOW words of a capitalised word that is not
    the sentence's first: nothing when there is none. A capital that only opens a sentence
    ("The report was noted.") is no name; a name that opens one is read through the capital
    beside it ("Bristol City Council agreed", "Councillor Smith said")."""
    tokens = list(_TOKEN.finditer(sentence))
    ranges: list[list[int]] = []
    for index in range(1, len(tokens)):
        if not _capitalised(tokens[index].group()):
            continue
        low, high = max(0, index - NAME_WINDOW), min(len(tokens) - 1, index + NAME_WINDOW)
        if ranges and low <= ranges[-1][1] + 1:
            ranges[-1][1] = high
        else:
            ranges.append([low, high])
    return [sentence[tokens[low].start() : tokens[high].end()] for low, high in ranges]


def _name_bearing_prose(paragraph: str) -> str:
    """`_name_windows` of each sentence of `paragraph`, one stretch a line."""
    stretches: list[str] = []
    start = 0
    for end in [*_SENTENCE_END.finditer(paragraph), None]:
        stretches += _name_windows(paragraph[start : end.start() if end else len(paragraph)])
        if end is not None:
            start = end.end()
    return "\n".join(stretches)


def name_bearing(text: str) -> str:
    """The part of `text` that can hold names, for the model: markdown table lines, the
    figure cells of table rows and paragraphs without a capital letter dropped; of the rest,
    only the words around capitalised words (`_name_windows`), so sentences with no capital
    but their first go too. Paragraph breaks are kept; stretches of one paragraph are
    separate lines.

    Repeated boilerplate (a decision notice's form, repeated on every decision) is still
    read each time: skipping repeats lost the names they carry on later items (the chair's
    name under every Bristol minute), 4.7% of mentions, for 5% of the characters.
    """
    kept: list[str] = []
    for paragraph in text.split("\n\n"):
        if not _CAPITAL.search(paragraph):
            continue
        lines = [
            _without_figures(line) for line in paragraph.split("\n") if not line.lstrip().startswith("|")
        ]
        prose = _name_bearing_prose("\n".join(line for line in lines if line.strip()))
        if prose.strip():
            kept.append(prose)
    return "\n\n".join(kept)


def _texts(doc: Document, *, all_text: bool = False) -> Iterator[tuple[str, int, str | None]]:
    """Prose for the model, in pieces spaCy can take (`nlp.pieces`: long ones are cut at
    paragraph breaks, so a huge item is read in parts instead of refused).

    Only text that can hold names is read (`name_bearing`); `all_text` reads every prose
    line instead (the benchmark's "before").
    """
    from ingest.analyses.nlp import pieces

    worth = prose_of if all_text else name_bearing

    for item in doc.items:
        if item.sections:
            for section in item.sections:
                text = worth(section.text)
                if text.strip():
                    for piece in pieces(text):
                        yield piece, section.page, item.id
        elif item.text.strip():
            text = worth(item.text)
            if text.strip():
                for piece in pieces(text):
                    yield piece, item.page_start or 1, item.id


def spans_in(
    spacy_doc: Any, abbreviations: Mapping[str, str] | None = None
) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(kind, surface, role, canonical) for each kept entity of one processed text.

    `canonical` is the canonical name of an organisation or place (None for people: they are
    merged later by `merge_names`). `abbreviations` (abbreviation -> expansion, as
    `defined_abbreviations` reads them from the whole paper) defaults to those defined in this
    text: "AfC" after "Action for Children (AfC)" is the organisation Action for Children, and
    an abbreviation that expands to something that is not an organisation ("Looked After
    Children (LAC)") is no entity at all.
    """
    if abbreviations is None:
        abbreviations = defined_abbreviations(spacy_doc.text)
    ents = list(spacy_doc.ents)
    for index, ent in enumerate(ents):
        kind = LABEL_TYPES.get(ent.label_)
        if kind is None:
            continue
        rule = ent.ent_id_ or ""
        known = rule not in ("", RULE_SPECIFIC, RULE_BROAD)
        surface = ent.text.strip(_STRIP)
        surface = re.sub(r"^(?:the|The)\s+", "", surface)
        if surface in abbreviations:
            expansion = canonical_organisation(abbreviations[surface])
            if expansion in _KNOWN_NAMES or _keep("organisation", expansion, False):
                yield "organisation", surface, None, expansion
            continue
        if kind == "person":
            couple = _COUPLE.match(surface)
            if couple:
                for title in (couple.group(1), couple.group(2)):
                    yield kind, f"{title} {couple.group(3)}", None, None
                continue
            surface = _trim_person(surface)
            if not _keep(kind, surface, False) or _is_row_label(spacy_doc, ent, surface):
                continue
            role = None
            if index + 1 < len(ents) and ents[index + 1].label_ == ROLE:
                gap = spacy_doc.text[ent.end_char : ents[index + 1].start_char]
                if gap.strip() in ("", "(", ",", "-", "–"):
                    role = ents[index + 1].text.strip(_STRIP)
            yield kind, surface, None if role is None else role, None
        elif kind == "organisation":
            if known:
                yield kind, surface, None, canonical_organisation(rule)
                continue
            yield from _organisations(spacy_doc, ent, surface, trusted=rule == RULE_SPECIFIC)
        elif _keep(kind, surface, False):
            yield kind, surface, None, normalise_quotes(surface)


_KNOWN_NAMES = set(KNOWN_ORGANISATIONS.values())


def _organisations(
    spacy_doc: Any, ent: Any, surface: str, *, trusted: bool
) -> Iterator[tuple[str, str, str | None, str | None]]:
    """The organisations (and a person the broad rule ran over) in one ORG span."""
    before = _title_before(spacy_doc, ent.start)
    if before and not trusted:
        # "Councillor Plowden and Bristol Cycling Campaign", "Mr J Joyce and …": the broad
        # rule began inside a titled name, which ends at the first "and".
        pieces = re.split(r"\s+(?:and|&)\s+", surface, maxsplit=1)
        yield "person", f"{before} {pieces[0]}", None, None
        if len(pieces) == 1:
            return
        surface = pieces[1]
    if not trusted:
        stripped = _ROLE_PREFIX.sub("", surface)
        if stripped != surface and stripped.split()[-1:] != [
            w for w in stripped.split()[-1:] if w in BODY_NOUNS
        ]:
            return  # "Chair of the Transport & Connectivity" cut by a line break
        surface = stripped
        words = surface.split()
        while words and words[0].lower() in _LEADING:
            words.pop(0)
        surface = " ".join(words)
    parts = [surface]
    # "the Youth Offending Team and Probation services" (Norfolk 2014 agenda): a body's name
    # ends at its body noun, so what follows "and" is another candidate.
    split = re.match(rf"^(.+?\b(?:{'|'.join(BODY_NOUNS)}))\s+(?:and|&)\s+(.+)$", surface)
    if split and not trusted:
        parts = [split.group(1), split.group(2)]
    for part in parts:
        if trusted or _keep("organisation", part, False):
            yield "organisation", part, None, canonical_organisation(part)


def _title_before(spacy_doc: Any, start: int) -> str:
    """The title and initials just before token `start` ("Mr J", "Councillor"), or ""."""
    for k in range(start - 1, max(start - 4, -1), -1):
        token = spacy_doc[k]
        if token.text in TITLES:
            return spacy_doc[k:start].text
        if not re.fullmatch(r"[A-Z]\.?|\.", token.text):
            return ""
    return ""


def _is_row_label(spacy_doc: Any, ent: Any, surface: str) -> bool:
    """An untitled "name" followed on its line by a number is a table row label ("Fakenham
    Gateway 26 9.5%", "Downham Market\t10\t45": Norfolk 2014 children's centre tables)."""
    parsed = parse_person(surface)
    if parsed is not None and parsed.title is not None:
        return False
    after = spacy_doc.text[ent.end_char : ent.end_char + 12].lstrip(" \t:")
    return bool(after) and (after[0].isdigit() or after[0] == "%")


_COUPLE = re.compile(r"^(\w+)\.? (?:&|and) (\w+)\.? (.+)$")
_CHAIR_REF = re.compile(r"\bthe (?:Chairman|Chair|Chairwoman)\b(?!\s+of\b)")


def extract_entities(doc: Document, *, all_text: bool = False) -> None:
    """Analysis: fill `doc.mentions` (run after attendance: it reads `doc.attendance`).
    `all_text` reads every prose line, not only those that can hold names (benchmarks)."""
    from ingest.analyses.nlp import get_nlp, process

    nlp = get_nlp()
    sources = list(_texts(doc, all_text=all_text))
    # A paper defines an abbreviation once ("Action for Children (AfC)") and uses it bare in
    # later sections and tables (Norfolk 2014 supplementary agenda), so read them paper-wide.
    abbreviations = defined_abbreviations("\n".join(t for t, _, _ in sources))
    found: list[_Found] = []
    for (_text, page, item_id), processed in zip(
        sources, process(nlp, (t for t, _, _ in sources)), strict=True
    ):
        for kind, surface, role, canonical in spans_in(processed, abbreviations):
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
            name = f.canonical or canonical_organisation(f.surface)
            mentions.append(Mention(name, f.kind, f.surface, f.page, f.item_id))  # type: ignore[arg-type]
    chair = chair_of(doc.attendance)
    if chair:
        for text, page, item_id in sources:
            for m in _CHAIR_REF.finditer(text):
                mentions.append(Mention(chair, "person", m.group(0), page, item_id, "Chair"))
    return mentions
