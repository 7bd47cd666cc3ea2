"""Resolutions (minutes, decision notices) and officers' recommendations (reports).

`extract_resolutions(doc)` and `extract_recommendations(doc)` read each item's plain text as
paragraphs (wrapped lines and page breaks joined, list limbs kept apart) and return model
objects. `analyse_decisions(doc)` is the registered analysis: it fills `doc.resolutions` and
`doc.recommendations` (actions are `ingest.analyses.actions`, which runs after it). Invariants:

* A resolution's `text` is verbatim plain text of the paper: the sentence that carries the
  trigger word ("RESOLVED", "It was agreed", "Agreed unanimously", "(d) Decision taken") to
  the end of its paragraph, plus every limb of a list it introduces ("that:-", bullets,
  numbered limbs), even when the list runs on past a page break.
* `item_id` is the Item whose text contains the resolution; `page` is the page of the
  section it starts in.
* Ids are `content_id(kind, body key, meeting date, normalised text)`: stable across
  re-ingest and across the two papers (minutes, decision notice) that record one decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.analyses.passages import STOP, Paragraph, page_of, paragraphs, sentences
from minutebook.models import Document, Recommendation, Resolution
from minutebook.text import body_key, content_id, normalise_for_id

# ----------------------------------------------------------------- resolutions


@dataclass(frozen=True)
class Trigger:
    """A decision pattern. `whole_paragraph`: the decision runs to the paragraph's end (a
    RESOLVED clause); otherwise it is the one sentence carrying the trigger ("It was agreed")."""

    name: str
    pattern: re.Pattern[str]
    whole_paragraph: bool


# Registry of decision wordings, each from the paper that taught it.
TRIGGERS: list[Trigger] = [
    # Norfolk "The Panel **RESOLVED** to note"; Kent "RESOLVED that"; Bristol "The Policy
    # Committee RESOLVED:" and "It was RESOLVED that" (12 Sep 2024). Capitals only: a lower-case
    # "resolved" in prose ("all were resolved", Norfolk 13 March 2014 item 11) is not a decision.
    Trigger("resolved", re.compile(r"\bRESOLVED\b"), True),
    # Bristol printed minutes: "It was APPROVED that;" and "It was AGREED that" (2025-2026).
    Trigger("approved", re.compile(r"\bIt was (?:APPROVED|AGREED)\b"), True),
    # Bristol: "Agreed unanimously" as a paragraph of its own.
    Trigger("agreed_unanimously", re.compile(r"^Agreed(?: unanimously)?\b"), True),
    # Bristol printed minutes end an item with the meeting's own verb, unannounced: "The
    # Transport and Connectivity Committee noted the report." (12 September 2024, item 11).
    # A "noted" must take a paper as its object; "The Committee noted that ..." is discussion.
    Trigger(
        "committee_verb",
        re.compile(
            # Matches the subject only, so the outcome is read from the verb that follows.
            r"^The (?:(?:[A-Z][\w&',]*|and|of) ){0,6}(?:Committee|Panel|Cabinet|Board)"
            r"(?: for(?: [A-Z]\w*| and)+)?"
            r"(?= (?:approved|endorsed|agreed|deferred|rejected|noted (?:the|this) (?:[\w-]+ ){0,3}"
            r"(?:report|update|information|contents|programme|petition))\b)"
        ),
        True,
    ),
    # Norfolk "It was **agreed** that ..." and "... and **agreed** that/to ..." inside a
    # discussion bullet (13 March 2014); Bristol "The Committee agreed to receive" (23 Oct 2025).
    Trigger(
        "agreed",
        re.compile(
            r"\b(?:[Ii]t was|and|(?:Panel|Committee|Cabinet|Board|Council|Members) (?:also )?)\s*agreed\s+(?:that|to)\b"  # noqa: E501
        ),
        False,
    ),
]

# A paragraph that announces the decision in the next one (Bristol printed minutes, 19 March
# 2026): "Following the discussion;" then "The Committee ... noted this update report.", and
# "On being put to the vote the recommendations were CARRIED (unanimously)." then "That the
# Committee ...:" with numbered limbs. The CARRIED sentence is kept as the decision's first line.
LEAD_IN = re.compile(r"^Following (?:the|a|further) discussions?\s*[;:,.]?$", re.I)
CARRIED = re.compile(r"^(?i:on being put to (?:the |a )?vote)\b.*\b(?:CARRIED|carried)\b")

# Bristol decision notices (ModernGov decision recording forms): "(d) Decision taken" then the
# decision until "(e) Exempt Information?".
DECISION_TAKEN = re.compile(r"^\(?d\)\s*\|?\s*Decision taken\b", re.I)
NOTICE_FIELD = re.compile(r"^\*{0,2}\(?[e-z]\)\s*\|?")

# Outcome words, tried in order of strength: a rejection or deferral anywhere in the decision
# wins; otherwise the first outcome verb after the trigger decides ("RESOLVED to note the
# report and support ..." is noted; "RESOLVED to recommend to Cabinet" is recommended).
_STRONG_OUTCOMES: list[tuple[str, re.Pattern[str]]] = [
    ("rejected", re.compile(r"\b(?:not (?:be )?approved|rejected|refused|declined|FELL|LOST|was lost)\b")),
    ("deferred", re.compile(r"\b(?:defer(?:red)?|postponed?|adjourned)\b", re.I)),
]
_OUTCOME_VERBS: list[tuple[str, re.Pattern[str]]] = [
    ("recommended", re.compile(r"\brecommend(?:ed|s)?\b(?!\s+(?:contained|of|outlined|set out|in)\b)|\brecommendation would be made\b", re.I)),  # noqa: E501
    ("endorsed", re.compile(r"\b(?:endors\w*|support\w*|commend\w*|welcom\w*)\b", re.I)),
    ("noted", re.compile(r"\bnot(?:e|ed|es|ing)\b", re.I)),
    ("approved", re.compile(r"\b(?:approv\w*|agree[ds]?|adopt\w*|accept\w*|authori[sz]\w*|delegat\w*|co-opt\w*|confirm\w*|appoint\w*|take forward|carried|meet)\b", re.I)),  # noqa: E501
]  # fmt: skip
_VOTES_FOR = re.compile(r"\b(\d+)\s+(?:voting\s+|votes?\s+)?for\b", re.I)
_VOTES_AGAINST = re.compile(r"\b(\d+)\s+(?:voting\s+|votes?\s+)?against\b", re.I)
_ABSTAIN = re.compile(r"\b(\d+)\s+abstention|\babstentions?\s*[:=]?\s*(\d+)", re.I)


def classify_outcome(text: str, trigger_end: int = 0, default: str = "other") -> str:
    """One of models.OUTCOMES for a decision's text (see the comment above the tables)."""
    for outcome, pattern in _STRONG_OUTCOMES:
        if pattern.search(text) and not (outcome == "rejected" and _approves_elsewhere(text, pattern)):
            return outcome
    tail = text[trigger_end:]
    hits = [(m.start(), outcome) for outcome, p in _OUTCOME_VERBS if (m := p.search(tail))]
    return min(hits)[1] if hits else default


_APPROVING = re.compile(r"\b(?:approv\w*|authori[sz]\w*|agreed|delegat\w*)\b", re.I)


def _approves_elsewhere(text: str, rejection: re.Pattern[str]) -> bool:
    """Whether a line other than the rejected ones approves something: a decision on several
    recommendations where one "was not approved" is still, as a whole, approved (Bristol 12
    September 2024: "Recommendations 4c and 5 were not approved" under eight approved limbs)."""
    return any(_APPROVING.search(line) and not rejection.search(line) for line in text.split("\n"))


def read_votes(text: str) -> tuple[int | None, int | None, int | None]:
    """(for, against, abstentions) where the paper records counts ("2 For, 7 Against")."""
    if not re.search(r"\bvot(?:e|es|ed|ing)\b|\bagainst\b", text, re.I):
        return (None, None, None)
    vf, va, ab = _VOTES_FOR.search(text), _VOTES_AGAINST.search(text), _ABSTAIN.search(text)
    abstentions = int(ab.group(1) or ab.group(2)) if ab else None
    return (int(vf.group(1)) if vf else None, int(va.group(1)) if va else None, abstentions)


@dataclass
class Block:
    """A decision found in an item: its text, where it starts in item.text, its trigger."""

    text: str
    start: int
    trigger: str
    trigger_end: int
    context: str


def _limbs_after(paras: list[Paragraph], index: int) -> tuple[list[str], int]:
    """The limbs of a list introduced by paras[index] (which ends with ':', ':-' or ';')."""
    limbs: list[str] = []
    opened = paras[index].text.rstrip().endswith((":", ":-", ";", "that", "follows"))
    j = index + 1
    while j < len(paras):
        para = paras[j]
        if para.numbered or STOP.match(para.text) or DECISION_TAKEN.match(para.text):
            break
        # Limbs lose their bullets in items' text, so after "that:-" every paragraph up to the
        # next numbered paragraph is a limb (Norfolk 17 June 2014, 9.2). A decision that does
        # not introduce a list takes only marked limbs.
        if not (para.limb or opened) or _first_trigger(para.body):
            break
        limbs.append(para.text)
        j += 1
    return limbs, j


def find_decision_blocks(text: str) -> list[Block]:
    """Every decision in an item's text, in order, none inside another."""
    paras = paragraphs(text)
    blocks: list[Block] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        if DECISION_TAKEN.match(para.text):
            parts: list[str] = []
            j = i + 1
            while j < len(paras) and not NOTICE_FIELD.match(paras[j].text):
                parts.append(paras[j].text)
                j += 1
            if parts:
                blocks.append(Block("\n".join(parts), paras[i + 1].start, "decision_notice", 0, para.text))
            i = j
            continue
        announced = _announced_block(paras, i)
        if announced is not None:
            block, i = announced
            blocks.append(block)
            continue
        found = _first_trigger(para.body)
        if found is None:
            i += 1
            continue
        trigger, m = found
        body = para.body
        offset = len(para.text) - len(body)
        starts = [s for s, _ in sentences(body) if s <= m.start()]
        sentence_start = starts[-1] if starts else 0
        if trigger.whole_paragraph:
            head = body[sentence_start:]
        else:
            head = next(s for s0, s in sentences(body) if s0 == sentence_start)
        parts = [head.strip()]
        j = i + 1
        if trigger.whole_paragraph or head.rstrip().endswith((":", ":-", ";")):
            limbs, j = _limbs_after(paras, i)
            parts.extend(limbs)
        # The decision's own trigger position, relative to its text, for the outcome reader.
        trigger_end = m.end() - sentence_start
        blocks.append(
            Block(
                "\n".join(parts), para.start + offset + sentence_start, trigger.name, trigger_end, para.body
            )
        )
        if not trigger.whole_paragraph:
            # Another "agreed" later in the same paragraph is a separate decision.
            rest = body[sentence_start + len(head) :]
            if rest.strip() and _first_trigger(rest):
                paras[i] = Paragraph(
                    rest.strip(), para.start + offset + sentence_start + len(head), False, False
                )
                continue
        i = j
    return blocks


def _announced_block(paras: list[Paragraph], i: int) -> tuple[Block, int] | None:
    """The decision a lead-in paragraph announces (see LEAD_IN), and the index after it."""
    lead = paras[i]
    carried = bool(CARRIED.match(lead.text))
    if not (carried or LEAD_IN.match(lead.text)) or i + 1 >= len(paras):
        return None
    decision = paras[i + 1]
    if decision.numbered or STOP.match(decision.text) or _first_trigger(decision.body):
        return None  # an ordinary trigger follows; let it speak for itself
    limbs, j = _limbs_after(paras, i + 1)
    parts = ([lead.text] if carried else []) + [decision.body.strip(), *limbs]
    trigger = "carried" if carried else "following_discussion"
    start = lead.start if carried else decision.start
    # The outcome is read from the start: "CARRIED" is the verb that decides it (approved).
    return Block("\n".join(parts), start, trigger, 0, lead.text), j


def _first_trigger(text: str) -> tuple[Trigger, re.Match[str]] | None:
    hits = [(m.start(), k, t, m) for k, t in enumerate(TRIGGERS) if (m := t.pattern.search(text))]
    if not hits:
        return None
    _, _, trigger, m = min(hits, key=lambda h: (h[0], h[1]))
    return trigger, m


# An agreement with no outcome verb ("It was agreed that a breakdown ... be provided") is the
# meeting approving a request.
_DEFAULT_OUTCOME = {
    "agreed": "approved",
    "approved": "approved",
    "agreed_unanimously": "approved",
    "carried": "approved",
}


def extract_resolutions(doc: Document) -> list[Resolution]:
    """Every decision recorded in a minutes or decision-notice document (see module doc)."""
    if doc.kind not in ("minutes", "decision_notice"):
        return []
    key = body_key(doc.body) or ""
    out: list[Resolution] = []
    seen: set[str] = set()
    for item in doc.items:
        for block in find_decision_blocks(item.text):
            rid = content_id("resolution", key, doc.meeting_date or "", block.text)
            if rid in seen:
                continue
            seen.add(rid)
            votes = read_votes(block.context + "\n" + block.text)
            out.append(
                Resolution(
                    id=rid,
                    text=block.text,
                    outcome=classify_outcome(
                        block.text, block.trigger_end, _DEFAULT_OUTCOME.get(block.trigger, "other")
                    ),
                    page=page_of(item, block.start, block.text),
                    item_id=item.id,
                    votes_for=votes[0],
                    votes_against=votes[1],
                    abstentions=votes[2],
                )
            )
    return out


# ------------------------------------------------------------- recommendations

# Norfolk report cover sheets: "Recommendation:", "Recommendations:", "9. Recommendation",
# "Recommendation – Members are asked to ..." (1 May 2014 item 10). "Recommendations from the
# review:" (same paper, 2.23) reports someone else's recommendations and is not the ask.
RECOMMENDATION_HEAD = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s*)?Recommendations?(?!\s+(?:from|of|\d))\b\s*(?:[:–—-]\s*)?", re.I
)
# "The Committee is asked to ...", "Panel are asked to", "It is recommended that ...",
# "That Committee: 1) Notes ..." (Norfolk 2014 and later report templates).
ASK = re.compile(
    r"\b(?:(?:is|are) asked to|It is recommended that)\b|^That (?:the )?(?:\w+ ){0,4}(?:Committee|Panel|Cabinet|Council)\b"  # noqa: E501
)


def _recommendation_blocks(text: str) -> Iterator[tuple[int, str]]:
    paras = paragraphs(text)
    i = 0
    while i < len(paras):
        para = paras[i]
        body = para.body
        head = RECOMMENDATION_HEAD.match(body)
        if head and len(body) < 300 or ASK.search(body):
            rest = body[head.end() :].strip() if head else body
            parts = [rest] if rest else []
            j = i + 1
            if not rest and j < len(paras):
                parts.append(paras[j].body)
                j += 1
            # A list follows when the ask opens one ("is asked to:") or is itself a limb; a
            # numbered line after a finished sentence is the report's next heading ("...asked to
            # note the report." then "1. Background", Norfolk 17 June 2014 item 9).
            opens_list = bool(parts) and parts[-1].rstrip().endswith((":", ":-"))
            in_list = paras[j - 1].limb or not parts[-1].rstrip().endswith(".") if parts else False
            if opens_list or (j < len(paras) and paras[j].limb and in_list):
                limbs, j = _limbs_after(paras, j - 1)
                parts.extend(limbs)
            if parts:
                yield para.start, "\n".join(parts)
            i = max(j, i + 1)
            continue
        i += 1


def extract_recommendations(doc: Document) -> list[Recommendation]:
    """What officers asked the meeting to decide, from agenda items and reports."""
    if doc.kind not in ("agenda", "supplementary_agenda", "report"):
        return []
    key = body_key(doc.body) or ""
    out: list[Recommendation] = []
    for item in doc.items:
        seen: set[str] = set()
        for start, text in _recommendation_blocks(item.text):
            norm = normalise_for_id(text)
            if norm in seen or len(norm) < 12:
                continue
            seen.add(norm)
            rid = content_id("recommendation", key, doc.meeting_date or "", item.number or "", text)
            out.append(Recommendation(id=rid, text=text, page=page_of(item, start, text), item_id=item.id))
    return out


def analyse_decisions(doc: Document) -> None:
    """The registered analysis: resolutions and recommendations."""
    doc.resolutions = extract_resolutions(doc)
    doc.recommendations = extract_recommendations(doc)
