"""Snippets: a few fragments of a section's text around the words a query matched.

Our own small highlighter instead of Whoosh's (which was 42% of a warm search): the text is
split into words by the index analyser's own tokenizer pattern and each distinct word is
lower-cased, checked against the stop list and stemmed once, exactly the steps of
`schema.ANALYZER`, so a word is marked when it is what the index holds for a query term.
Fragments are built around marked words with SNIPPET_SURROUND characters of context, at most
SNIPPET_CHARS long; the SNIPPET_FRAGMENTS best (most distinct terms, then most marks) are
shown in text order, joined by " … ".

Invariants (the reliability guarantees): a snippet is at most SNIPPET_MAX_CHARS characters
(+ "…") whatever the text: unbroken runs longer than LONG_WORD_CHARS are cut first; only the
first SCAN_CHARS characters are read for marks (as Whoosh's highlighter did); a text with no
marked word gives its plain opening. `spans` index the plain `snippet`; `marked` is the same
text with `**` around each span.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SNIPPET_FRAGMENTS = 3
SNIPPET_CHARS = 160
SNIPPET_SURROUND = 50
PLAIN_SNIPPET_CHARS = 240
# A snippet never grows with the paper: an unbroken run of characters (a 100,000-character
# "word", a base64 blob) is cut to LONG_WORD_CHARS, and the whole snippet to SNIPPET_MAX_CHARS.
LONG_WORD_CHARS = 60
SNIPPET_MAX_CHARS = SNIPPET_FRAGMENTS * (SNIPPET_CHARS + 2 * SNIPPET_SURROUND)
# Marks are looked for in this much of the text (Whoosh's highlighter's default limit).
SCAN_CHARS = 2**15
BETWEEN = " … "
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD_CHARS + 1},}}")


@lru_cache(maxsize=1)
def _analysis() -> tuple[re.Pattern[str], frozenset[str], Any]:
    """The analyser's tokenizer pattern, stop list and stemmer (see `schema.ANALYZER`)."""
    from whoosh.analysis import STOP_WORDS
    from whoosh.analysis.tokenizers import default_pattern
    from whoosh.lang.porter import stem

    return default_pattern, frozenset(STOP_WORDS), lru_cache(maxsize=50_000)(stem)


def analysed(word: str) -> str | None:
    """What the index holds for one token, or None for a stop word."""
    _pattern, stops, stem = _analysis()
    lower = word.lower()
    return None if lower in stops else stem(lower)


def matched_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word of the first SCAN_CHARS characters whose analysed
    form is one of `terms`."""
    pattern, _stops, _stem = _analysis()
    found: list[tuple[int, int, str]] = []
    known: dict[str, str | None] = {}
    for match in pattern.finditer(text, 0, min(len(text), SCAN_CHARS)):
        word = match.group(0)
        if word not in known:
            term = analysed(word)
            known[word] = term if term in terms else None
        term = known[word]
        if term is not None:
            found.append((match.start(), match.end(), term))
    return found


def _fragments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Fragments (start, end, marks) around the marks: each opens up to SNIPPET_SURROUND
    characters before its first mark (at a word start), takes following marks while it stays
    within SNIPPET_CHARS, and closes up to SNIPPET_SURROUND characters after its last."""
    fragments = []
    index = 0
    floor = 0  # fragments never overlap: each starts after the one before ends
    while index < len(spans):
        first_start, first_end, _term = spans[index]
        start = _word_start(text, max(floor, first_start - SNIPPET_SURROUND), first_start)
        marks = [(first_start, first_end)]
        terms = {spans[index][2]}
        index += 1
        while index < len(spans) and spans[index][1] - start <= SNIPPET_CHARS - SNIPPET_SURROUND:
            marks.append((spans[index][0], spans[index][1]))
            terms.add(spans[index][2])
            index += 1
        end = _word_end(text, marks[-1][1], min(len(text), marks[-1][1] + SNIPPET_SURROUND))
        if index < len(spans):  # context after stops short of the next fragment's first mark
            end = min(end, _word_end(text, marks[-1][1], spans[index][0]))
        floor = end
        fragments.append((len(terms) * 100 + len(marks), start, end, marks))
    best = sorted(fragments, key=lambda f: (-f[0], f[1]))[:SNIPPET_FRAGMENTS]
    return [(start, end, marks) for _score, start, end, marks in sorted(best, key=lambda f: f[1])]


def _word_start(text: str, lowest: int, mark: int) -> int:
    """The first word boundary at or after `lowest` (never past `mark`)."""
    if lowest == 0 or text[lowest - 1].isspace() or lowest == mark:
        return lowest
    space = text.find(" ", lowest, mark)
    return mark if space < 0 else space + 1


def _word_end(text: str, mark_end: int, highest: int) -> int:
    """The last word boundary at or before `highest` (never before `mark_end`)."""
    if highest >= len(text) or text[highest].isspace():
        return highest
    space = text.rfind(" ", mark_end, highest)
    return mark_end if space < 0 else space


def _shorten_words(text: str) -> str:
    """`text` with every unbroken run longer than LONG_WORD_CHARS cut to that length + "…"."""
    return _LONG_WORD.sub(lambda m: m.group(0)[:LONG_WORD_CHARS] + "…", text)


def make_snippet(text: str, terms: frozenset[str]) -> dict[str, Any]:
    """A few fragments around matched words: marked (`**`), plain, and the marks as spans.

    At most SNIPPET_MAX_CHARS characters whatever the text (long runs cut: `_shorten_words`).
    """
    # A literal "**" in the paper would read as markup: it is split ("* *") first.
    text = _shorten_words(text).replace("**", "* *")
    spans = matched_spans(text, terms) if terms and text else []
    if not spans:
        plain = " ".join(text.split())
        cut = plain[:PLAIN_SNIPPET_CHARS]
        cut = cut + "…" if len(plain) > PLAIN_SNIPPET_CHARS else cut
        return {"snippet": cut, "marked": cut, "spans": []}
    parts: list[str] = []
    for start, end, marks in _fragments(text, spans):
        position = start
        for mark_start, mark_end in marks:
            parts.append(text[position:mark_start])
            parts.append(f"**{text[mark_start:mark_end]}**")
            position = mark_end
        parts.append(text[position:end] + BETWEEN)
    marked = " ".join("".join(parts)[: -len(BETWEEN)].split())
    return _capped(marked)


def _capped(marked: str) -> dict[str, Any]:
    """Plain text, spans and `**` markup from `marked`, cut to SNIPPET_MAX_CHARS."""
    spans: list[list[int]] = []
    plain_parts: list[str] = []
    position = 0
    for index, part in enumerate(marked.split("**")):
        if position >= SNIPPET_MAX_CHARS:
            break
        part = part[: SNIPPET_MAX_CHARS - position]
        if index % 2:
            spans.append([position, position + len(part)])
        plain_parts.append(part)
        position += len(part)
    snippet = "".join(plain_parts)
    if len(snippet) >= SNIPPET_MAX_CHARS:
        snippet += "…"
    marked = "".join(f"**{part}**" if i % 2 else part for i, part in enumerate(plain_parts))
    return {"snippet": snippet, "marked": marked, "spans": spans}
