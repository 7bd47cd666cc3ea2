"""The body a paper belongs to: the committee or council its heading names, normalised.

Candidates come from the paper's heading block, each by the role its words give it:
"Minutes of the meeting of X held…", "A meeting of X will be held…", "X held their meeting…",
"Committee: X", "Decision determined at X", "Report to: X", or a heading line that is itself a
body's name. A candidate must read as a name (capitalised words ending in, or led by, a word
for a body; no pronoun or verb: "I am now able to enclose, for consideration at" is not one;
no honorific: "Mrs Sue Chandler, Cabinet" is not one).

Normalisation (`normalise_body`), so one council's bodies have one name each:
* "&" is "and", a leading "The" goes, capitals become title case ("BURTON-CUM-WALDEN" ->
  "Burton-cum-Walden");
* the kind of meeting is not the body: "Annual Parish Council Meeting" and "Extraordinary
  Meeting of the Council" are the council's; a statutory assembly ("Annual Parish Meeting")
  keeps its name;
* a generic name ("Parish Council", "the County Council", "Council") takes the specific
  council named in the same heading ("Burton-cum-Walden Parish Council"), and a meeting of its
  electors takes its place name ("Burton-cum-Walden Annual Parish Meeting");
* Welsh names are read in English ("Cyngor Cymuned X a Y" -> "X and Y Community Council"), so
  a council's Welsh and English minutes are one body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.structure.lines import Line, item_page_stamp
from ingest.structure.numbering import ITEM_LINE

BODY_NOUNS = (
    "committee", "sub-committee", "subcommittee", "panel", "cabinet", "council", "board", "authority",
    "forum", "executive", "assembly", "commission", "partnership", "group", "convention",
)  # fmt: skip
_BODY_NOUN = "|".join(BODY_NOUNS)
# Meetings of electors, which are bodies in their own right (Local Government Act 1972).
_ASSEMBLY = re.compile(r"\b(?:parish|town|community|village)\s+meeting$", re.IGNORECASE)
_MEETING_KINDS = re.compile(
    r"^(?:(?:annual|extra-?ordinary|special|ordinary|full|monthly|additional|reconvened|adjourned|virtual"
    r"|remote|informal|inaugural|budget|statutory|general)\s+)+",
    re.IGNORECASE,
)
_COUNCIL_TYPES = r"(?:parish|town|community|county|city|district|borough|metropolitan|unitary|county borough)"
# "Burton-cum-Walden Parish Council", "Kent County Council".
_SPECIFIC_COUNCIL = re.compile(rf"^(?P<place>.+?)\s+(?P<type>{_COUNCIL_TYPES}\s+)?council$", re.IGNORECASE)
_GENERIC_WORDS = {
    "the", "a", "an", "parish", "town", "community", "county", "city", "district", "borough", "metropolitan",
    "unitary", "council", "meeting", "annual", "full", "and", "of",
    # Welsh: "Cyngor Cymuned" (community council), "Cyngor Tref" (town council) with no place.
    "cyngor", "cymuned", "tref", "dref",
}  # fmt: skip
_NOT_NAME_WORDS = {
    "i", "we", "you", "am", "is", "are", "was", "were", "will", "would", "be", "been", "able", "enclose",
    "enclosed", "please", "may", "can", "attached", "now", "this", "that", "these", "following", "held",
    "none", "present", "apologies", "minutes", "minute", "agenda", "notice", "dear", "yours", "date", "time",
    "venue",
    "question", "questions", "response", "responses", "report", "decision", "decisions", "protocol",
    "above", "said", "aforementioned", "same", "its", "their", "our", "your", "his", "her",
    # A person's role ("Chair of the Scrutiny Commission") is not a body.
    "chair", "chairman", "chairperson", "clerk", "director", "officer", "councillor", "councillors",
}  # fmt: skip
# A person's office named by what it leads ("Leader of the Council", "Head of Strategic
# Support Charnwood Borough Council"); "Leader and Cabinet" is a body.
_OFFICE_OF = re.compile(r"\b(?:leader|mayor|head|deputy \w+)\s+of\b", re.IGNORECASE)
_HONORIFIC = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|cllr|councillor|sir|dame|lord|lady|prof)\b\.?", re.IGNORECASE
)
_SMALL_WORDS = {
    "of",
    "and",
    "the",
    "for",
    "to",
    "in",
    "on",
    "at",
    "a",
    "an",
    "cum",
    "upon",
    "le",
    "by",
    "with",
}
_WELSH = (
    (re.compile(r"^cyngor\s+bwrdeistref\s+sirol\s+(.+)$", re.I), "{} County Borough Council"),
    (re.compile(r"^cyngor\s+cymuned\s+(.+)$", re.I), "{} Community Council"),
    (re.compile(r"^cyngor\s+tref\s+(.+)$", re.I), "{} Town Council"),
    (re.compile(r"^cyngor\s+sir\s+(.+)$", re.I), "{} County Council"),
    (re.compile(r"^cyngor\s+dinas\s+(.+)$", re.I), "{} City Council"),
)

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

# Phrases that name the body by their role, strongest first: (pattern, strength).
_ROLE_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(
            r"\bminutes? of (?:(?:an?|the)\s+)?(?:(?P<kind>[\w ]*?)\s*meeting of\s+(?:the\s+)?)?"
            r"(?P<body>.+)$",
            re.I,
        ),
        6,
    ),
    (re.compile(r"\bmeeting of\s+(?:the\s+)?(?P<body>.+)$", re.I), 6),
    # An item's page on a committee system's site names its meeting by date and body:
    # "Meeting: 17/01/2018 - Council (Item 39)".
    (re.compile(r"^meeting\s*:\s*\d{1,2}/\d{1,2}/\d{2,4}\s*[-–—]\s*(?P<body>.+)$", re.I), 6),
    # A decision's page names the meeting that took it: "Decided at meeting: 03/02/2026 - Cabinet".
    (re.compile(r"^decided at meeting\s*:\s*\d{1,2}/\d{1,2}/\d{2,4}\s*[-–—]\s*(?P<body>.+)$", re.I), 6),
    # A decision notice names its decision maker: "RECORD OF DECISION OF THE Cabinet".
    (re.compile(r"^(?:record of )?decisions? (?:of|taken by|made by)\s+(?:the\s+)?(?P<body>.+)$", re.I), 5),
    (
        re.compile(
            r"^(?:decision determined at|decision taken at|report to|summons to|committee"
            r"|meeting(?!\s+(?:summary|details)\b)|decision maker|to the|body)\s*[:|]?\s*(?P<body>.+)$",
            re.I,
        ),
        5,
    ),  # fmt: skip
    (re.compile(r"^(?P<body>.+?)\s+(?:held (?:its|their|a|the)\b|will (?:hold|meet)\b|met\b)", re.I), 5),
    # A council's heading naming its committee after a dash: "THE FIFE COUNCIL - POLICY,
    # FINANCE & ASSET MANAGEMENT COMMITTEE - GLENROTHES".
    (re.compile(r"^(?:the\s+)?[^-–—]*\bcouncil\s+[-–—]\s+(?P<body>.+)$", re.I), 3),
    # A committee system's meeting line: "Cabinet - Tuesday, 2nd October, 2018 2.00 pm".
    (re.compile(rf"^(?:.*,\s*)?(?P<body>[^,]+?)\s+[-–—]\s+(?:{_WEEKDAYS}),?\s+\d", re.I), 5),
    # A named body's minutes or agenda run on in a heading ("… Callander Community Council
    # Minutes of the meeting: …").
    (
        re.compile(
            r"(?:^|\s)(?P<body>(?-i:[A-Z][\w'’&-]*\s+(?:(?:[A-Z][\w'’&-]*|and|of|for|&)\s+){0,7}"
            r"(?:Council|Committee|Board|Panel|Cabinet|Authority)))"
            r"\s+(?:minutes|agenda)\b",
            re.I,
        ),
        4,
    ),
    (re.compile(r"^(?:cofnodion|minutes|agenda|notice of meeting)\s*[:\-–—]?\s*(?P<body>.+)$", re.I), 4),
    # A decision's record opening with the body that took it: "Cabinet considered the report and
    # RESOLVED to approve", "The Cabinet considered the rent levels …".
    (
        re.compile(
            r"^(?:the\s+)?(?P<body>(?-i:[A-Z][\w'’&-]*\s+(?:(?:[A-Z][\w'’&-]*|and|of|for|&)\s+){0,5})?"
            r"(?-i:Cabinet|Executive|Committee|Sub-Committee|Board|Panel|Council|Authority))"
            r"\s+(?:considered|resolved|agreed|decided|approved|noted|endorsed)\b",
            re.I,
        ),
        4,
    ),
    (re.compile(r"^(?P<body>.+?)\s*[:\-–—]?\s*(?:minutes|agenda|meeting|cofnodion)\b.*$", re.I), 3),
    (re.compile(r"^(?P<body>.+)$"), 2),
)
# Where a name stops: "X held on…", "X on Tuesday…", "X, 5 June…", "X at 7pm".
_NAME_END = re.compile(
    r"\s+(?:held|will|to be|was|which|has|is|taking place|commencing|starting|cyfarfod|cofnodion"
    r")\b.*$"
    # "on", "at", "in" end a name unless a place's name goes on to its council ("Normanton on
    # Cliffe Parish Council", "Stratford on Avon District Council").
    r"|\s+(?:on|at|in)\b(?!(?:\s+[\w'’-]+){1,3}\s+(?:parish|town|community|district|borough|city|county)"
    r"\s+council\b).*$"
    r"|\s*[,(|].*$|\s+[-–—]\s+.*$|\s+\d.*$"
    r"|\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class BodyCandidate:
    name: str
    strength: int
    line: int


def normalise_body(name: str, council: str | None = None) -> str:
    """A body name as minutebook shows it (see the module docstring). `council` is the specific
    council named in the same heading, for generic names."""
    # Title case before "&" becomes "and": "TRANSPORT & CONNECTIVITY COMMITTEE" is a name in
    # capitals, "TRANSPORT and CONNECTIVITY COMMITTEE" no longer reads as one.
    name = _title_case(" ".join(name.split()).strip(" ,.:;-–—|*<>«»"))
    name = " ".join(name.replace("&", " and ").split())
    # The council's name, then its meeting's: "ARGYLL AND BUTE COUNCIL COUNCIL 30th November".
    name = re.sub(r"\b(council)\s+council\b", r"\1", name, flags=re.IGNORECASE)
    # A committee system's page title before the name ("Meeting Summary Full Council").
    name = re.sub(r"^meeting (?:summary|details)\s+", "", name, flags=re.IGNORECASE)
    # A heading printed twice over, as a page's title and its heading ("Garioch Area Committee
    # Garioch Area Committee").
    name = re.sub(r"^(.{6,}?)\s+\1$", r"\1", name, flags=re.IGNORECASE)
    name = _english(name)
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    name = (
        re.sub(r"\s+(?:meeting|minutes|agenda)$", "", name, flags=re.IGNORECASE)
        if not _ASSEMBLY.search(name)
        else name
    )
    if not _ASSEMBLY.search(name):
        name = _MEETING_KINDS.sub("", name)
    name = _title_case(name)
    if council and is_generic(name):
        name = _specific(name, council)
    return name


def _english(name: str) -> str:
    for pattern, template in _WELSH:
        match = pattern.match(name)
        if match:
            place = re.sub(r"\s+ac?\s+", " and ", match.group(1), flags=re.IGNORECASE)
            english = template.format("").strip()
            # A bilingual heading names it twice ("Cyngor Cymuned Cefn Community Council").
            if place.lower().endswith(english.lower()):
                return place
            return template.format(place)
    return name


def is_generic(name: str) -> bool:
    """A name with no word of its own: "Parish Council", "Council", "Annual Parish Meeting"."""
    words = re.findall(r"[\w'’-]+", name.lower())
    return bool(words) and all(word in _GENERIC_WORDS for word in words)


def _specific(generic: str, council: str) -> str:
    match = _SPECIFIC_COUNCIL.match(council)
    if not match:
        return generic
    lowered = generic.lower()
    if lowered == "council" or council.lower().endswith(lowered):
        return council
    if _ASSEMBLY.search(generic) or lowered.endswith("meeting"):
        return f"{match['place']} {generic}"
    return generic


def _title_case(name: str) -> str:
    """Title case for a name printed in capitals; other names keep their own case."""
    if not name.isupper():
        return name
    words = []
    for position, word in enumerate(name.lower().split()):
        parts = word.split("-")
        parts = [p if (position or k) and p in _SMALL_WORDS else p.capitalize() for k, p in enumerate(parts)]
        word = "-".join(parts)
        words.append(word if position and word in _SMALL_WORDS else word[:1].upper() + word[1:])
    return " ".join(words)


def looks_like_body(name: str) -> bool:
    """Whether `name` reads as the name of a body (see the module docstring)."""
    words = re.findall(r"[\w'’-]+", name)
    if not 1 <= len(words) <= 14 or _HONORIFIC.search(name):
        return False  # a person's title anywhere: "… Councillor Crow to the Leader of the Council"
    lowered = [w.lower() for w in words]
    if any(w in _NOT_NAME_WORDS for w in lowered):
        return False
    if not (lowered[-1] in BODY_NOUNS or _ASSEMBLY.search(name) or lowered[0] == "cyngor"):
        return False
    if _CLAUSE.search(name) or _OFFICE_OF.search(name) or re.search(r"[“”\"]", name):
        # (Quoted words are about a name: "“Town Council” and not “Parish Council”".)
        return False
    if not words[0][0].isupper():
        return False  # "a meeting of the authority at which …": a noun, not a name
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL_WORDS)
    return capitalised >= len(words) - 1 or _sentence_case(words)


def _sentence_case(words: list[str]) -> bool:
    """A short name written as a sentence, as some councils print their committees' names
    ("Planning applications committee"): a capital first, then lower-case words, no article."""
    return (
        2 <= len(words) <= 5
        and words[0][0].isupper()
        and all(w.islower() and w not in ("the", "a", "an", "this", "that") for w in words[1:])
    )


# A verb and its object inside the words: "The Chief Executive provided the Committee" is a
# sentence about a body, not its name (a name's lower-case words are its small words).
_CLAUSE = re.compile(
    r"\b(?![A-Z])(?!(?:" + "|".join(_SMALL_WORDS) + r")\b)[a-z][\w'’-]*\s+(?:the|a|an|this|its)\s"
    # A decision's verb opening the words: "Approved the recommendations of the … Panel".
    r"|^[A-Z][a-z]+ed\s+(?:the|a|an|this|its)\s"
)


_MEMBERS_OF = re.compile(r"^.*\bmembers of\s+(?=\S)(?:the\s+)?", re.IGNORECASE)
_LEADING_PREPOSITION = re.compile(
    r"^(?:at|to|for|of|by|from|before|with|under|in accordance with)\s+(?:the\s+)?", re.IGNORECASE
)


_UP_TO_BODY_NOUN = re.compile(rf"^[^–—:|\d]*?\b(?:{_BODY_NOUN})\b", re.IGNORECASE)
_NAME_SMALL_WORDS = {"and", "of", "for", "the", "&", "on", "in", "with"}


def _punctuated_name(text: str) -> str | None:
    """A name holding a comma or brackets, up to its body noun: "Licensing (Activities)
    Sub-Committee – 24 May 2019", "POLICY, FINANCE & ASSET MANAGEMENT COMMITTEE - GLENROTHES".
    Every word capitalised (or a small word), so that "Council, held at Committee Room 1" is
    cut at its comma as before. None when the name has no such punctuation."""
    found = _UP_TO_BODY_NOUN.match(text)
    if not found or not re.search(r"[,(]", found.group()):
        return None
    words = re.findall(r"[\w'’&-]+", found.group())
    if not all(w[0].isupper() or w.lower() in _NAME_SMALL_WORDS for w in words):
        return None
    return found.group().strip()


def _cut(text: str) -> str:
    """A body name cut where the sentence around it goes on. A name holds no label: in
    "…INFORMATION: For Information COMMITTEE: X" only what follows the last colon is a name."""
    # Where the name ends first, then its label: a colon further on ("… will be held … The
    # agenda is set out below:") belongs to the sentence, not to the name.
    punctuated = _punctuated_name(text.strip(" *|"))
    if punctuated:
        return punctuated
    text = _NAME_END.sub("", text.strip(" *|"))
    text = text.rsplit(":", 1)[-1]
    # Its members are not the body: "DECLARATION OF INTERESTS Members of the Cabinet are invited".
    text = _MEMBERS_OF.sub("", text)
    text = _LEADING_PREPOSITION.sub("", text.strip(" ,.:;-–—|*"))
    return text.strip(" ,.:;-–—|*")


# Words about another meeting's minutes, received or confirmed by this one: the body named
# after "To receive the minutes of", or in "The minutes of … were received".
_RECEIVES_MINUTES_OF = re.compile(
    r"\b(?:receive|confirm|approve|note|adopt)\s+(?:and\s+\w+\s+)?the\s+minutes\s+of\b", re.I
)
_MINUTES_WERE_RECEIVED = re.compile(
    r"\bminutes of\b[^.]{0,80}\b(?:were|was)\s+(?:\w+\s+)?"
    r"(?:received|approved|confirmed|noted|signed|agreed|adopted)\b",
    re.I,
)
# Lines of running prose name a body only by a strong role ("a meeting of X will be held").
_PROSE = 100


def candidates(lines: list[Line]) -> list[BodyCandidate]:
    """Body names in the heading block, each with the strength of the role naming it.

    For each line and each role pattern, strongest first, the longest reading that yields a
    name wins: the line joined with the next two, or the next one (a heading broken over lines:
    "Minutes of the Transport & Connectivity" / "Policy Committee"), else the line alone. A
    name of its own ("Llanddewi Brefi Community Council") beats a generic one ("Community
    Council") a longer reading or a stronger role found first. Item headings name items, not
    bodies.
    """
    found: list[BodyCandidate] = []
    attendance = next((i for i, line in enumerate(lines) if _ATTENDANCE_LINE.match(line.text)), None)
    for index, line in enumerate(lines):
        if (
            ITEM_LINE.match(line.text)
            and not (index == 0 and _NUMBERED_TITLE.match(line.text))
            and not _OPENS_WITH_DATE.match(line.text)
        ):
            continue
        named = [
            (name, strength - (3 if _about_other_minutes(reading, name) else 0))
            for pattern, strength in _ROLE_PATTERNS
            for reading in reversed(_readings(lines, index))
            if (name := _name_in(pattern, reading))
        ]
        if not named:
            continue
        name, strength = next(((n, s) for n, s in named if not is_generic(normalise_body(n))), named[0])
        if strength <= WEAK_ROLE and _BODY_AS_SUBJECT.match(line.text):
            continue  # a sentence about a body ("The Authority is requested to consider …")
        if len(line.text) > _PROSE and strength < 5:
            strength -= 2
        if attendance is not None and index > attendance:
            # Below the attendance block the paper's business begins: "Minute of Meeting of
            # Health Improvement Committee (Special)" there is another meeting's minute received.
            strength -= AFTER_ATTENDANCE_PENALTY
        found.append(BodyCandidate(name, strength + (1 if line.emphasised else 0), index))
    return found


# A line opening with a date ("23 March 2017 (1) MEMBERS OF THE AVON FIRE AUTHORITY …", a
# summons flattened to one line) is no item heading, though it opens with a number.
_OPENS_WITH_DATE = re.compile(
    r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b",
    re.I,
)
# An attendance block's first line ("Present:", "In attendance:", "Apologies:").
_ATTENDANCE_LINE = re.compile(r"^(?:present|in attendance|apologies|attendance)\b\s*[:\-–]", re.I)
# How much weaker a role is below the attendance block than in the heading above it.
AFTER_ATTENDANCE_PENALTY = 4

# A paper's first line that is its title behind a minute book's page number ("23 MINUTES OF
# THE MEETING OF BADBY PARISH COUNCIL HELD …", a parish's bound minutes flattened to text):
# an item heading would not open the paper with the minutes' own title.
_NUMBERED_TITLE = re.compile(
    r"^\d{1,4}\s+(?:minutes|notes|agenda)\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}meeting\b", re.I
)


def _about_other_minutes(reading: str, name: str) -> bool:
    """Whether the words naming `name` are about another meeting's minutes, received or
    confirmed by this one ("To receive the minutes of the meetings of the Cabinet held on …",
    "The minutes of the meeting of Cabinet held on 6th September were received")."""
    at = reading.find(name)
    before = reading[: at if at >= 0 else len(reading)]
    return bool(_RECEIVES_MINUTES_OF.search(before) or _MINUTES_WERE_RECEIVED.search(reading))


# A body noun that begins a term of another kind: "Council Procedure Rules", "council tax".
_TERM_AFTER_NOUN = re.compile(
    # (and its members: "Leader and Cabinet Members' Question Time")
    r"\s*\b(?:council|committee|cabinet)\s+(?:(?:procedure|rules?|tax|constitution)\b|members?['’]?(?=\s|$)).*$"
    # (and the offices that serve it: "Committee Services Team", "Committee Administrator(s)")
    r"|\s*\b(?:council|committee|cabinet)\s+(?:services|administrators?|officers?|clerks?|managers?|team|"
    r"secretar(?:y|iat)|rooms?|chamber)\b.*$",
    re.I,
)


_OFFICER_TITLE = re.compile(r"\bchief executive\b|\bexecutive (?:director|head|officer|assistant)\b", re.I)


def _name_in(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    if not match:
        return None
    name = _cut(match["body"])
    if _CLAUSE.search(name):
        return None  # a sentence about a body ("The Chief Executive provided the Committee …")
    if _OFFICER_TITLE.search(name):
        return None  # an officer's title ("Alison Ward, Chief Executive"), not a body
    name = _after_furniture(name)
    name = _TERM_AFTER_NOUN.sub("", name)
    # Cut at the last body noun: "X Committee Room 2" is not a committee's name.
    nouns = list(re.finditer(rf"\b(?:{_BODY_NOUN})\b", name, re.IGNORECASE))
    if nouns and not _ASSEMBLY.search(name):
        name = name[: nouns[-1].end()]
    return name if looks_like_body(name) else None


# What may stand before a name on its heading line and is no part of it: a page's or item's
# number, a date, a site's breadcrumb ("» Home » Official »"), a web page's labels ("Meeting
# documents", "Details"), a report's title ("Reporting to the Parish Council").
_FURNITURE_WORDS = {
    "about",
    "contact",
    "summons",
    "information",
    "details",
    "documents",
    "home",
    "next",
    "pack",
    "official",
    "page",
    "pages",
    "download",
    "view",
    "menu",
    "top",
}
# A paper's own reference before the name: "Paper C", "Appendix 2", "Item 5".
_REFERENCE_WORDS = {"paper", "appendix", "annex", "item", "enclosure"}


def _after_furniture(name: str) -> str:
    """`name` from the first word after the last word that cannot be part of a name."""
    words = name.split()
    start = 0
    for index, word in enumerate(words[:-1]):
        bare = word.strip(".,:;()»«>|/*-–—")
        if (
            not bare
            or any(char.isdigit() for char in bare)
            or re.fullmatch(r"\(?[a-z]{1,3}[.)]", word)  # a limb's marker: "a)", "(ii)"
            or re.fullmatch(_MONTH_NAMES, bare, re.IGNORECASE)
            or bare.lower() in _FURNITURE_WORDS
            or (bare.lower() in _REFERENCE_WORDS and len(words[index + 1]) <= 3)
            or (index and words[index - 1].lower() in _REFERENCE_WORDS and len(bare) <= 3)
            # A lower-case word before a capitalised one ("Meeting documents Council"); a name
            # in sentence case goes on in lower case ("Planning applications committee").
            or (bare.islower() and bare not in _SMALL_WORDS and words[index + 1][:1].isupper())
            # A verb before the name's preposition: "REPORTING TO THE PARISH COUNCIL" (but
            # "Reading Borough Council" is a name).
            or (
                bare.lower().endswith("ing") and words[index + 1].lower() in ("to", "for", "of", "with", "by")
            )
        ):
            start = index + 1
    name = " ".join(words[start:])
    return _LEADING_PREPOSITION.sub("", name)


_MONTH_NAMES = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)


def _readings(lines: list[Line], index: int) -> list[str]:
    """The line alone, then joined with the next one, then the next two (not across an item
    heading or a labelled field)."""
    texts = [_GLUED_FIGURE.sub(" ", lines[index].text)]
    for following in lines[index + 1 : index + 3]:
        if ITEM_LINE.match(following.text) or ":" in following.text[:30] or following.text in texts[-1]:
            break  # an item, a labelled field, or the same heading printed again
        if len(following.text) > _PROSE or _SENTENCE_VERB.search(following.text):
            break  # a paragraph or a sentence: a heading broken over lines runs into neither
        texts.append(f"{texts[-1]} {following.text}")
    return texts


# The strength of the roles a bare line or a title plays (a line naming a body and nothing else).
WEAK_ROLE = 3
# A sentence whose subject is a body: "The Authority is requested to consider …".
_BODY_AS_SUBJECT = re.compile(
    r"^The\s+(?:[A-Z][\w'’&-]*\s+){1,6}(?:is|are|was|were|has|have|had|will)\s+[a-z]"
)
# A finite verb: the line is a sentence ("The Authority is requested to consider …").
_SENTENCE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had)\s+[a-z]")
# A word run into the figure after it by text extraction ("Humberside Fire Authority24 June
# 2011"): the name ends at the word.
_GLUED_FIGURE = re.compile(r"(?<=[a-z]{3})(?=\d)")


def _specific_council(lines: list[Line]) -> str | None:
    """The first council the heading block names in full ("Burton-cum-Walden Parish Council")."""
    for index in range(len(lines)):
        if ITEM_LINE.match(lines[index].text):
            continue  # "1. ELECTION OF THE CHAIRMAN OF THE PARISH COUNCIL" names an item
        # The line alone, else joined with the next: a bilingual heading breaks the name over
        # lines ("CYNGOR CYMUNED" / "LLANSANFFRAID GLAN CONWY" / "COMMUNITY COUNCIL").
        for reading in _readings(lines, index):
            name = _name_in(_ROLE_PATTERNS[-1][0], reading)
            normalised = normalise_body(name) if name else ""
            if normalised and _SPECIFIC_COUNCIL.match(normalised) and not is_generic(normalised):
                return normalised
    # A council named inside a line of other words ("Minutes – Llanddewi Brefi Community Council
    # – 10/10/2022", "ST. JUST-IN-PENWITH TOWN COUNCIL Council Offices 1 Chapel Street").
    # Only above the attendance: a member's or clerk's own council ("Mr Gardiner (Clerk of
    # Yapton Parish Council)", "Cllr X (Anytown Town Council)") is not the paper's.
    for line in lines:
        if _ATTENDANCE.match(line.text):
            break
        if ITEM_LINE.match(line.text):
            continue
        for found in _COUNCIL_IN_LINE.finditer(line.text):
            normalised = normalise_body(found.group())
            bracketed = line.text[: found.start()].count("(") > line.text[: found.start()].count(")")
            if not bracketed and not is_generic(normalised) and looks_like_body(normalised):
                return normalised
    return None


_ATTENDANCE = re.compile(
    r"^(?:present|in attendance|attendance|also present|apologies|councillors present)\b", re.I
)


_MONTHS_AND_DAYS = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
# A place's name (capitalised words, or words in capitals, and the small words place names
# hold) before its council's type: "Clifton upon Teme Parish Council".
_PLACE_WORD = r"(?:[A-Z][\w'’.-]*|upon|on|in|under|by|with|cum|and|de|le)"
_COUNCIL_TYPE_WORDS = "Parish|Town|Community|City|District|Borough|County"
_COUNCIL_IN_LINE = re.compile(
    rf"(?<![\w-])(?!{_MONTHS_AND_DAYS})[A-Z][\w'’.-]*(?:\s+{_PLACE_WORD}){{0,5}}\s+"
    rf"(?:{_COUNCIL_TYPE_WORDS})\s+Council\b"
    rf"|(?<![\w-])(?!{_MONTHS_AND_DAYS})[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*){{0,5}}\s+"
    rf"(?:{_COUNCIL_TYPE_WORDS.upper()})\s+COUNCIL\b"
)


# Body nouns that are no name on their own ("Council", "Cabinet" and "Executive" are: a
# principal council's full meeting and its executive).
_BARE_NOUNS = {"committee", "sub-committee", "subcommittee", "panel", "group", "forum", "meeting"}
# "the Council", "the Parish Council"; not a full title ("the COUNCIL OF THE CITY AND COUNTY OF
# Swansea", whose meeting is the council's own) or the full council's meeting ("a Meeting of
# the Full Council"), nor "council" naming a place or a tax ("in the Council Chamber").
_THE_COUNCIL = re.compile(
    r"\bthe\s+(?!full\b)(?:[\w-]+\s+){0,2}council\b(?!\s+(?:of\s+the|chamber|offices?|tax|house|buildings?)\b)",
    re.IGNORECASE,
)


# The strength of the roles that name the meeting itself ("Minutes of the meeting of …",
# "Meeting: <date> - <body>").
MEETING_LINE_STRENGTH = 6


def find_body(lines: list[Line]) -> str | None:
    """The paper's body from its heading block (`lines`), normalised; None when none is named."""
    found = candidates(lines)
    if item_page_stamp([line.text for line in lines]) is not None:
        # One item's web page: its title names what the item is about ("Overview and Scrutiny
        # Committee Annual Report", "Cabinet Urgent Decisions"), not the meeting; only a line
        # about the meeting names that ("Meeting: 17/01/2018 - Council (Item 39)").
        found = [c for c in found if c.strength >= MEETING_LINE_STRENGTH]
    if not found:
        return None
    council = _specific_council(lines)
    # The strongest role wins; among equals, the earlier line. A specific council named only by
    # a bare heading line loses to a committee named by its role ("Bristol City Council" /
    # "Minutes of the Transport and Connectivity Policy Committee").
    best = max(found, key=lambda c: (c.strength - 0.05 * c.line, -c.line))
    name = normalise_body(best.name, council)
    # "The Parish Council", "the Council": a name with no word of its own names no one body.
    # In an archive of several councils a facet entry "Parish Council" would join them all,
    # so the paper stays unnamed, as one that names no body does.
    if name.lower() in _BARE_NOUNS:
        return None  # "Committee" alone names no committee
    if is_generic(name):
        # A principal council's full meeting is named "Council", as a name ("Agenda for Council
        # on …", "Full Council"); "the Council" and "Parish Council" with no place name no
        # one council.
        named = name.lower() == "council" and not _THE_COUNCIL.search(lines[best.line].text)
        # A meeting of the electors is a body of its own even unplaced ("Annual Parish Meeting").
        return name if named or _ASSEMBLY.search(name) else None
    return name
