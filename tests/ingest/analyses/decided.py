"""The decisions the tests read from an item's text: the form and the outcome of each decision
block found, for a paper of one body."""

from __future__ import annotations

from ingest.analyses.decisions import classify_outcome, find_decision_blocks

BODY = "Llanfair Community Council"


def decided(text: str, body: str | None = BODY) -> list[tuple[str, str]]:
    """(form, outcome) of each decision found in an item's text."""
    return [
        (b.trigger, classify_outcome(b.text, b.trigger_end, b.default))
        for b in find_decision_blocks(text + "\n", body)
    ]
