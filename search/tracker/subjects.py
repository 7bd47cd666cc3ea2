"""The subject of a commitment or an item title: its stemmed content words, without the
words that only describe reporting ("an update report would be provided"), and a body's
topic (its name without the words for a kind of body)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from minutebook.text import body_key

# Words that describe reporting rather than a subject ("an update report would be provided").
_GENERIC = {
    "report", "reports", "update", "updates", "updated", "progress", "provide", "provided", "member", "members",  # noqa: E501
    "panel", "committee", "meeting", "would", "should", "further", "information", "agreed", "agree",
    "present", "presented", "brought", "circulated", "next", "future", "receive", "received", "written",
    "interim", "director", "officer", "officers", "item", "items", "new", "subject", "resolved", "also",
    "give", "giving", "made", "make", "draft", "response", "add", "may", "note", "noted", "minutes", "appendix",  # noqa: E501
    "detailed", "regular", "council", "county", "norfolk", "within", "months", "month", "monitoring",
    # Function words Whoosh's short stop list keeps.
    "was", "were", "been", "being", "their", "them", "they", "than", "there", "which", "who", "whom", "its",
    "had", "has", "have", "did", "does", "not", "all", "any", "some", "such", "these", "those", "this",
    "into", "over", "upon", "about", "after", "before", "between", "where", "when", "what", "see", "could", "shall", "must", "might", "other", "own", "same", "both", "each", "more", "most", "very", "it",  # noqa: E501
}  # fmt: skip
# Words naming a kind of body, removed to find the topic a body's name is about.
_BODY_KIND_WORDS = {
    "overview", "scrutiny", "panel", "committee", "sub", "select", "policy", "board", "cabinet", "the", "and",
    "of", "for", "joint", "working", "group", "advisory", "forum", "meeting",
}  # fmt: skip


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from whoosh.analysis import StemmingAnalyzer

    return StemmingAnalyzer()


@lru_cache(maxsize=1 << 16)
def stems(text: str) -> frozenset[str]:
    """Stemmed content words of `text`, without stop words and reporting words.

    Cached: item titles and explanation words recur across every refresh and action."""
    generic = _generic_stems()
    return frozenset(
        t.text
        for t in _analyzer()(text)
        if len(t.text) > 1 and t.text not in generic and not t.text.isdigit()
    )


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(t.text for w in _GENERIC for t in _analyzer()(w))


def surface_words(text: str, wanted: frozenset[str]) -> list[str]:
    """The words of `text` whose stems are in `wanted`, as printed (for explanations)."""
    out: list[str] = []
    for word in re.findall(r"[\w'’-]+", text):
        if stems(word) & wanted and word not in out:
            out.append(word)
    return out


def topic_of(body: str | None) -> str:
    """A body's topic: its name without the words for a kind of body."""
    words = (body_key(body) or "").replace("-", " ").split()
    return " ".join(w for w in words if w not in _BODY_KIND_WORDS)
