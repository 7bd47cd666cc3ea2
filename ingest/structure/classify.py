"""Document kind, from the paper's own front matter (never the file name).

A registry of rules, each a pattern over the first lines of the paper and a score; the
highest-scoring kind wins and `other` is the fallback. Scores order the rules where two
match: an agenda pack that reprints last meeting's minutes is still an agenda, because the
front sheet's "Agenda" comes first and scores above "Minutes of" found further down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.text import clean_line, unspace_letters

FRONT_LINES = 60


@dataclass(frozen=True)
class KindRule:
    kind: str
    pattern: re.Pattern[str]
    score: int
    within: int  # only the first `within` front lines are searched
    why: str


def _rule(kind: str, pattern: str, score: int, within: int, why: str) -> KindRule:
    return KindRule(kind, re.compile(pattern, re.IGNORECASE | re.MULTILINE), score, within, why)


KIND_RULES: tuple[KindRule, ...] = (
    _rule(
        "decision_notice",
        r"^(decision recording form|decision notice|record of (executive |officer )?decision)"
        r"|^decision determined at",
        100,
        10,
        "Bristol ModernGov decision notices open 'Decision Recording Form'",
    ),
    _rule(
        "supplementary_agenda",
        r"^supplementary\s*agenda\b",
        95,
        40,
        "Norfolk prints 'S u p p l e m e n t a r y A g e n d a' on the front sheet",
    ),
    _rule(
        "minutes",
        r"^minutes of (the|a)\b|^minutes$|^printed minutes",
        90,
        15,
        "Norfolk 'Minutes of the Meeting Held on…'; Bristol 'Minutes of the Transport…'",
    ),
    _rule(
        "forward_plan",
        r"^forward (plan|work programme)\b|^work programme\b",
        88,
        5,
        "Bristol's forward plan opens 'Forward plan'",
    ),
    _rule(
        "questions",
        r"^public (forum )?questions\b|^questions (and|&) (answers|responses)",
        88,
        5,
        "WECA publishes 'Public Questions and Mayor's Responses'",
    ),
    _rule(
        "agenda",
        r"^agenda$|^agenda (item|pack|for)\b",
        85,
        FRONT_LINES,
        "Norfolk front sheets print 'A g e n d a' above the item list",
    ),
    _rule(
        "report",
        r"^report title:|^committee report\b|^report to:?|^report (by|of) the\b|^item no\b"
        r"|^\|?\s*report title:",
        70,
        30,
        "Norfolk reports open with a 'Report title:' table; WECA 'REPORT TO:'",
    ),
)


def front_lines(text: str, limit: int = FRONT_LINES) -> list[str]:
    """The first `limit` non-empty lines, markup stripped and letter-spacing joined up."""
    lines = []
    for raw in text.splitlines():
        line = unspace_letters(clean_line(raw)).lstrip("-|# ").strip()
        if line:
            lines.append(line)
        if len(lines) >= limit:
            break
    return lines


# Kinds that are packs of other papers: when a pack's heading comes before another kind's
# heading, the other paper is inside the pack (a short agenda front sheet followed by last
# meeting's minutes, reprinted for confirmation, is still an agenda).
PACK_KINDS = ("supplementary_agenda", "agenda")


def classify(text: str) -> str:
    """The kind of a paper from its first page(s) of text. Always returns a valid kind."""
    lines = front_lines(text)
    best_kind, best_score = "other", 0
    first_line: dict[str, int] = {}
    for rule in KIND_RULES:
        for i, line in enumerate(lines[: rule.within]):
            if rule.pattern.search(line):
                first_line.setdefault(rule.kind, i)
                break
        if rule.score > best_score and rule.kind in first_line:
            best_kind, best_score = rule.kind, rule.score
    for pack in PACK_KINDS:
        if best_kind not in PACK_KINDS and first_line.get(pack, len(lines)) < first_line.get(best_kind, 0):
            return pack
    return best_kind
