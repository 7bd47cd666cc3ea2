"""People's names as council papers print them, parsed and merged. Pure functions, no models.

Norfolk minutes name members by title, initial and surname ("Mr J Joyce", "Mrs M Dewsbury")
and later by title and surname alone ("Mrs Leggett declared an interest"); Bristol names them
by first name and surname, with or without "Councillor"/"Cllr" ("Councillor Ed Plowden",
"Ed Plowden (Chair)", "Cllr Plowden"). One person, many forms: `merge_names` maps every form
to the fullest form it unambiguously belongs to.

Invariants: `PersonName.display()` is the canonical form (first-name style drops Mr/Mrs/Ms/
Miss/Councillor, initial style keeps the title because "J Joyce" alone is ambiguous);
merging never joins two names whose surname, gendered title, initial or first name disagree,
and never picks between two candidates (an ambiguous short form stays as it is).

Organisations have one canonical spelling too (`canonical_organisation`): typographic quotes
straightened, so "Children’s Centres" and "Children's Centres" are one entry, and a leading
"the" dropped. `defined_abbreviations` reads the "Action for Children (AfC)" definitions a paper
makes, so a later bare "AfC" can be named by its expansion.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# Titles in the order they are recognised; the value is the canonical spelling.
TITLES: dict[str, str] = {
    "mr": "Mr",
    "mrs": "Mrs",
    "ms": "Ms",
    "miss": "Miss",
    "mx": "Mx",
    "dr": "Dr",
    "sir": "Sir",
    "dame": "Dame",
    "lady": "Lady",
    "lord": "Lord",
    "prof": "Professor",
    "professor": "Professor",
    "rev": "Rev",
    "cllr": "Councillor",
    "councillor": "Councillor",
}
# Titles kept in front of a first name ("Sir Paul Carter"); the others are dropped there.
_KEPT_WITH_GIVEN = {"Dr", "Sir", "Dame", "Lady", "Lord", "Professor", "Rev"}
_MALE = {"Mr", "Sir", "Lord"}
_FEMALE = {"Mrs", "Ms", "Miss", "Lady", "Dame"}

_TITLE_ALT = "|".join(sorted((re.escape(t.capitalize()) for t in TITLES), key=len, reverse=True))
_NOT_TITLE = rf"(?!(?:{_TITLE_ALT})\b)"
_CAP_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-zA-Z'’]+(?:-[A-Z][a-zA-Z'’]+)?"

# A titled name: "Mr J Joyce", "Mrs Leggett", "Councillor Ed Plowden", "Sir Paul Carter",
# "Dr M Strong", "Mr M Kiddle-Morris". Initials and a first name do not combine (the words
# after "Mr A Robinson" in Norfolk's run-together lists are roles, not more names).
TITLED_NAME = re.compile(
    rf"\b(?P<title>{_TITLE_ALT})\.?\s+"
    rf"(?:(?P<initials>(?:[A-Z]\.?\s+){{1,3}})|(?P<given>{_NOT_TITLE}[A-Z][a-z]+\s+(?={_NOT_TITLE}[A-Z])))?"
    rf"(?P<surname>{_NOT_TITLE}{_CAP_WORD})",
)
# An untitled name: two to four capitalised words ("Ed Plowden", "Patsy Mellor").
_INITIALLED_NAME = re.compile(rf"^((?:[A-Z]\.?\s*){{1,3}})\s({_CAP_WORD})$")
_PLAIN_NAME = re.compile(rf"^(?:{_CAP_WORD}\s+){{1,3}}{_CAP_WORD}$")


@dataclass(frozen=True)
class PersonName:
    """A parsed name. `initials` is a string of capital letters ("J", "JA"), maybe empty."""

    title: str | None
    initials: str
    given: str | None
    surname: str

    def display(self) -> str:
        if self.given:
            prefix = f"{self.title} " if self.title in _KEPT_WITH_GIVEN else ""
            return f"{prefix}{self.given} {self.surname}"
        parts = [self.title] if self.title else []
        parts.extend(self.initials)
        parts.append(self.surname)
        return " ".join(parts)

    @property
    def specificity(self) -> int:
        """How much of the name is known: first name > initials > title > surname only."""
        if self.given:
            return 3
        if self.initials:
            return 2
        return 1 if self.title and self.title != "Councillor" else 0

    @property
    def first_letter(self) -> str | None:
        if self.given:
            return self.given[0].upper()
        return self.initials[0] if self.initials else None


def parse_person(text: str) -> PersonName | None:
    """Parse one name ("Mr J Joyce", "Councillor Ed Plowden", "Ed Plowden"), else None."""
    text = " ".join(normalise_quotes(text).split()).strip(" ,.;:")
    m = TITLED_NAME.fullmatch(text)
    if m:
        return _from_match(m)
    initialled = _INITIALLED_NAME.match(text)
    if initialled:  # "S. Lock" (Norfolk 2014 letter signatures)
        return PersonName(None, re.sub(r"[^A-Z]", "", initialled.group(1)), None, initialled.group(2))
    if _PLAIN_NAME.match(text):
        words = text.split()
        return PersonName(None, "", " ".join(words[:-1]), words[-1])
    return None


def _from_match(m: re.Match[str]) -> PersonName:
    title = TITLES[m.group("title").lower()]
    initials = re.sub(r"[^A-Z]", "", m.group("initials") or "")
    given = (m.group("given") or "").strip() or None
    return PersonName(title, initials, given, m.group("surname"))


def canonical(text: str) -> str:
    """The display form of one name, or the text tidied when it does not parse."""
    parsed = parse_person(text)
    return parsed.display() if parsed else " ".join(text.split())


def compatible(a: PersonName, b: PersonName) -> bool:
    """Could `a` and `b` be the same person? Surname equal; nothing known disagrees."""
    if a.surname.casefold() != b.surname.casefold():
        return False
    # Mrs/Ms/Miss are used loosely for one woman across papers ("Mrs C Smith" in March is
    # "Ms Smith" in June): only a male title against a female one is a conflict.
    if a.title in _MALE and b.title in _FEMALE or a.title in _FEMALE and b.title in _MALE:
        return False
    if a.first_letter and b.first_letter and a.first_letter != b.first_letter:
        return False
    if a.given and b.given:
        ga, gb = a.given.casefold(), b.given.casefold()
        if not (ga.startswith(gb) or gb.startswith(ga)):
            return False
    return True


def merge_names(names: Iterable[str]) -> dict[str, str]:
    """Map each name to the display form of the fullest compatible name among `names`, when
    that is unique; otherwise to its own display form (unparsed names map to themselves).

    >>> merge_names(["Mr J Joyce", "Mr Joyce"])["Mr Joyce"]
    'Mr J Joyce'
    """
    names = list(names)
    parsed: dict[str, PersonName] = {}
    for name in names:
        p = parse_person(name)
        if p:
            parsed[name] = p
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name, p in parsed.items():
        by_surname[p.surname.casefold()].append(name)
    result: dict[str, str] = {name: parsed[name].display() if name in parsed else name for name in names}
    for group in by_surname.values():
        for name in group:
            me = parsed[name]
            fuller = [
                other
                for other in group
                if parsed[other].specificity > me.specificity and compatible(me, parsed[other])
            ]
            if not fuller:
                continue
            best = max(parsed[o].specificity for o in fuller)
            tops = {parsed[o].display() for o in fuller if parsed[o].specificity == best}
            # Several equally full candidates that are themselves one person (e.g. "Ed Plowden"
            # twice) are fine; two different people leave the short form alone.
            if len(tops) == 1:
                result[name] = tops.pop()
    return result


# ----------------------------------------------------------------- organisations

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'"})


def normalise_quotes(text: str) -> str:
    """Straight quotes for typographic ones: Word-made papers mix both within one document
    ("Children’s Centres" beside "Children's Centres", Norfolk 2014 supplementary agenda)."""
    return text.translate(_QUOTES)


def canonical_organisation(text: str) -> str:
    """One spelling per organisation: quotes straightened, whitespace collapsed, a spaced "&"
    written "and" (as body names are), no leading "the" ("the Youth Offending Team" -> "Youth
    Offending Team"; "Transport & Connectivity" -> "Transport and Connectivity"). An
    ampersand inside a word ("B&NES") is part of the name and stays."""
    text = " ".join(normalise_quotes(text).replace(" & ", " and ").split())
    return re.sub(r"^(?:the|The)\s+", "", text)


# "Action for Children (AfC)", "Norfolk Community Health & Care (NCHC)", "West of England
# Combined Authority (WECA)": a run of words, then a bracketed abbreviation of their initials.
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
_LINK_WORDS = {"of", "for", "and", "the", "&", "in", "on", "to"}


def defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviation -> expansion for each "Full Name (ABBR)" in `text` whose letters are the
    initials of the words before it (link words such as "for"/"of" may be skipped; the
    expansion starts with a capital). Conflicting definitions of one abbreviation are dropped.

    >>> defined_abbreviations("- Action for Children (AfC) (£4,800,452 per annum)")
    {'AfC': 'Action for Children'}
    """
    found: dict[str, set[str]] = defaultdict(set)
    for m in _ABBREVIATION.finditer(normalise_quotes(text)):
        abbr = m.group(1)
        letters = [c for c in abbr if c.isalpha()]
        if sum(c.isupper() for c in letters) < 2:
            continue
        words = text[: m.start()].split()[-12:]
        expansion = _match_initials(letters, words)
        if expansion:
            found[abbr].add(expansion)
    return {abbr: next(iter(e)) for abbr, e in found.items() if len(e) == 1}


def _match_initials(letters: list[str], words: list[str]) -> str | None:
    """The shortest run of trailing `words` whose initials spell `letters` (case-insensitive;
    link words may be skipped), or None."""
    i = len(letters) - 1
    for start in range(len(words) - 1, -1, -1):
        word = words[start].strip(",;:")
        if not word:
            return None
        if i >= 0 and word[0].lower() == letters[i].lower():
            i -= 1
            if i < 0:
                return " ".join(words[start:]).strip(",;: ") if word[0].isupper() else None
        elif word.lower() not in _LINK_WORDS:
            return None
    return None
