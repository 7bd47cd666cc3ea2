"""The query syntax as users are told it: how plain words combine and which `field:` names
they may type. Plain data, no Whoosh, so the interface can show it without loading the engine.

Invariant: every name in `USER_FIELDS` is a schema field or one of `query.FIELD_ALIASES`
(tests/search/engine/test_query.py checks).
"""

from __future__ import annotations

# How plain words combine: every one required, or any one enough (ranked by how many match).
MATCH_MODES = ("all", "any")

# What the help lists: the names a user types, each with what it narrows to. Every name here
# is a schema field or one of its aliases (tests/search/engine/test_query.py checks).
USER_FIELDS: tuple[tuple[str, str], ...] = (
    ("title:", "words of the item's title"),
    ("section:", "words of a section heading"),
    ("item:", "the item number as printed (item:9)"),
    ("committee: or body:", "words of the committee's name"),
    ("kind: or type:", "kind of paper: agenda, minutes, report, decision_notice, …"),
    ("date:", "a day, month or year (date:2014-06), or a range date:[2014-01-01 TO 2014-06-30]"),
    ("year:", "the year of the meeting (year:2014)"),
    ("person:", 'papers naming a person, the whole name as listed (person:"mrs j leggett")'),
    ("org:", 'papers naming an organisation, the whole name (org:ofsted, org:"norfolk county council")'),
    ("resolved:", "items with a resolution (resolved:true)"),
)
