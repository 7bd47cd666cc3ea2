"""The entity ruler's patterns: council naming marked before the statistical model sees it
(people with titles, named bodies, councils, NHS trusts, officers' roles, known
organisations). Each pattern cites the paper that taught it. `ingest.analyses.nlp` adds them
to the pipeline; `ingest.analyses.entities` reads the same vocabularies to filter spans.
"""

from __future__ import annotations

from typing import Any

ROLE = "ROLE"

TITLES = [
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
_NOT_SURNAME = TITLES + ["Chair", "Chairman", "Mayor", "Member", "Members", "Leader", "Cabinet"]
_CAP = {"IS_TITLE": True, "ORTH": {"NOT_IN": _NOT_SURNAME}}
_INITIAL = {"TEXT": {"REGEX": r"^[A-Z]\.?$"}}
_TITLE = {"ORTH": {"IN": TITLES}}
_DOT = {"ORTH": ".", "OP": "?"}
# Words that may sit inside an organisation's or a role's name.
_NAME_WORD = {"TEXT": {"REGEX": r"^(?:[A-Z][\w’'-]*|'s|’s|&|of|for|and|the)$"}, "OP": "*"}

# Words inside a body's name; not "the", so "Sheila Lock and the Corporate Parenting Board" is
# not one name.
_BODY_WORD = {"TEXT": {"REGEX": r"^(?:[A-Z][\w’'-]*|'s|’s|&|of|for|and)$"}, "OP": "*"}

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
    # Directorates every county council has, named as actors ("Children's Services intends to
    # take forward the recommendations", Norfolk 2014); generic words, so listed, not inferred.
    "Children's Services": "Children's Services",
    "Children's Social Care": "Children's Social Care",
    "Adult Social Care": "Adult Social Care",
    "Adult Social Services": "Adult Social Services",
    "Community Services": "Community Services",
}
# Ruler pattern ids: a specific rule (councils, NHS trusts, universities) is trusted; a broad one
# (any capitalised run ending in a body noun) still has to pass the generic-name filter.
RULE_SPECIFIC = "rule:specific"
RULE_BROAD = "rule:broad"
# Nouns that end the name of a body: "Corporate Parenting Board", "Bristol Cycling Campaign".
BODY_NOUNS = [
    "Board", "Committee", "Panel", "Forum", "Group", "Team", "Network", "Partnership", "Trust",
    "School", "Academy", "College", "Foundation", "Council", "Service", "Unit", "Agency",
    "Authority", "Campaign", "Commission", "Office",
]  # fmt: skip


def ruler_patterns() -> list[dict[str, Any]]:
    """The domain rules, each taught by a paper (see comments)."""
    people: list[list[dict[str, Any]]] = []
    # "Mr M Kiddle-Morris": the hyphen touches both halves (no space), unlike "Jemphrey - East".
    hyphenated = [{**_CAP, "SPACY": False}, {"ORTH": "-", "SPACY": False}, _CAP]
    # "Cllr Patrick McAllister" (Bristol 2025-10-23 minutes): not title case, still a surname.
    prefixed = [{"TEXT": {"REGEX": r"^(?:Mc|Mac|O['’])[A-Z][a-z]+$"}}]
    for surname in ([_CAP], hyphenated, prefixed):
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
    not_title = {"LOWER": {"NOT_IN": [w.lower() for w in _NOT_SURNAME]}}
    broad: list[list[dict[str, Any]]] = [
        # Named bodies: "Corporate Parenting Board", "Performance and Challenge Board",
        # "Children's Services Overview and Scrutiny Panel", "Pathway Planning for Care Leavers
        # Scrutiny Task & Finish Group" (Norfolk 2014), "Transport and Connectivity Committee",
        # "Bristol Cycling Campaign" (Bristol minutes). No personal title inside, so
        # "Mr Smith would replace Mr Iles on the Capital Priorities Group" keeps its people.
        [
            {"IS_TITLE": True, "LENGTH": {">=": 2}, **not_title},
            {**_BODY_WORD, **not_title},
            {"ORTH": {"IN": BODY_NOUNS}},
        ],
    ]
    organisations: list[list[dict[str, Any]]] = [
        # "Norfolk County Council", "Essex County Council", "Bristol City Council". A place
        # must come first: "The Parish Council" names no council (an article is no place).
        [
            {
                "IS_TITLE": True,
                "LOWER": {"NOT_IN": ["the", "a", "an", "this", "that", "our", "each"]},
                "OP": "+",
            },
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
        # "University of East Anglia" (Norfolk 2014 papers). Named providers and schools
        # ("Great Yarmouth Community Trust", "Burston Primary School") are the broad pattern.
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
        # "Patsy Mellor (Director, Management of Place)" (Bristol 2026-03-19 minutes): the
        # comma form; the word after the comma is not a title ("the Director, Mr Joyce").
        [
            {"ORTH": {"IN": ["Director", "Head", "Manager"]}},
            {"ORTH": ","},
            {"IS_TITLE": True, "ORTH": {"NOT_IN": _NOT_SURNAME}},
            {**_NAME_WORD, **not_title},
        ],
        [{"ORTH": {"IN": ["Chief", "Managing"]}}, {"ORTH": {"IN": ["Executive", "Director", "Officer"]}}],
    ]
    patterns: list[dict[str, Any]] = [{"label": "PERSON", "pattern": p} for p in people]
    patterns += [{"label": "ORG", "pattern": p, "id": RULE_SPECIFIC} for p in organisations]
    patterns += [{"label": "ORG", "pattern": p, "id": RULE_BROAD} for p in broad]
    patterns += [{"label": ROLE, "pattern": p} for p in roles]
    # Each known name as typed and with a typographic apostrophe (Word-made papers use both).
    patterns += [
        {"label": "ORG", "pattern": form, "id": name}
        for text, name in KNOWN_ORGANISATIONS.items()
        for form in dict.fromkeys([text, text.replace("'", "’")])
    ]
    return patterns
