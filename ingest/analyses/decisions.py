"""Resolutions (minutes, decision notices) and officers' recommendations (reports).

`extract_resolutions(doc)` and `extract_recommendations(doc)` read each item's plain text as
paragraphs (wrapped lines and page breaks joined, list limbs kept apart) and return model
objects. `analyse_decisions(doc)` is the registered analysis: it fills `doc.resolutions` and
`doc.recommendations` (actions are `ingest.analyses.actions`, which runs after it).

A decision is found by structure, not by phrase: `decision_forms` holds the registry of forms
(a deciding verb in any case and voice with the meeting as its subject, a decided thing in
the passive, a motion's fate, ...), `outcomes` reads the outcome, `votes` the vote.
Invariants:

* A resolution's `text` is verbatim plain text of the paper: the sentence that carries the
  decision (to the end of its paragraph for a RESOLVED clause), plus every limb of a list it
  introduces ("that:-", bullets, numbered limbs), even when the list runs on past a page
  break. A vote's fate that announces the decision after it ("On being put to the vote the
  recommendations were CARRIED (5 voting FOR, 4 voting AGAINST)." then "It was APPROVED
  that; ...") is the decision's first line.
* `item_id` is the Item whose text contains the resolution; `page` is the page of the
  section it starts in.
* Ids are `content_id(kind, body key, meeting date, normalised text)`: stable across
  re-ingest and across the two papers (minutes, decision notice) that record one decision.
  The same words decided under a second item of one paper (two petitions "debated and
  noted", Bristol 23 October 2025) take the item number into that one's id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ingest.analyses.deciding import BODY_VERBS, outcome_of
from ingest.analyses.decision_forms import APPLICATION_MENTIONED, BARE_RESPONSE, Hit, Setting, find_form
from ingest.analyses.outcomes import classify_outcome
from ingest.analyses.passages import STOP, Paragraph, page_of, paragraphs, sentences
from ingest.analyses.votes import TALLY_LINE, Votes, read_votes, vote_segments
from minutebook.models import Document, Recommendation, Resolution
from minutebook.text import body_key, content_id, normalise_for_id

__all__ = [
    "Block",
    "analyse_decisions",
    "classify_outcome",
    "extract_recommendations",
    "extract_resolutions",
    "find_decision_blocks",
    "read_votes",
]

# ----------------------------------------------------------------- resolutions

# Bristol decision notices (ModernGov decision recording forms): "(d) Decision taken" then the
# decision until "(e) Exempt Information?".
DECISION_TAKEN = re.compile(r"^\(?d\)\s*\|?\s*Decision taken\b", re.I)
NOTICE_FIELD = re.compile(r"^\*{0,2}\(?[e-z]\)\s*\|?")
# A limb that carries its own deciding verb: "1. Noted the membership ...", "2. Authorised ...".
_DECIDING_LIMB = re.compile(rf"^[\W\d]*(?:[a-z]{{1,2}}[.)]\s*)?(?:{BODY_VERBS})\b", re.I)
# Forms a limb of a decision's list may take without starting a decision of its own.
_LIMB_FORMS = {"headline", "passive_decided", "meeting_subject", "that_body"}
_OPENS_LIST = (":", ":-", ";", "that", "follows")
# A deciding word alone on its line ("RESOLVED", "Agreed") heads the paragraphs after it.
# "Resolved 15/03/11.01" alone on its line is one too (a resolution's reference after it).
_BARE_HEADLINE = re.compile(
    r"^(?:Unanimously\s+)?(?:RESOLVED|Resolved|AGREED|Agreed|DECIDED|Decided)"
    r"(?:\s+\(?\d{1,4}(?:[/.]\d{1,4})+[a-z]?\)?)?\s*[.:]?\s*$",
    re.I,
)
# "Resolved 15/03/11.01" heads the one paragraph its reference numbers.
_REF_HEADLINE = re.compile(r"^(?:RESOLVED|Resolved)\s+\(?\d{1,4}(?:[/.]\d{1,4})+[a-z]?\)?\s*[.:]?\s*$")
# A vote's fate in a few words, all the sentence says: "Carried.", "All in favour", "All
# Councillors present were in agreement.", "Unanimously agreed." It records the fate of the
# decision or proposal just before it, unless a decision follows that it announces.
_MAX_FATE_WORDS = 8


@dataclass
class Block:
    """A decision found in an item: its text, where it starts in item.text, the form that
    found it, where its deciding word ends in `text` (the outcome is read from there), the
    outcome when no verb says one, and whether it only records a motion's fate."""

    text: str
    start: int
    trigger: str
    trigger_end: int
    context: str
    default: str = "approved"
    motion: bool = False
    needs_fate: bool = False


@dataclass
class _Found:
    """A form's hit at sentence `offset` of paragraph `index`."""

    index: int
    offset: int
    sentence: str
    hit: Hit


def _hit_in(paras: list[Paragraph], index: int, offset: int, setting: Setting) -> _Found | None:
    """The first decision in paragraph `index` at or after sentence offset `offset`."""
    para = paras[index]
    bare = BARE_RESPONSE.match(para.body)
    if bare and offset == 0 and index > 0 and APPLICATION_MENTIONED.search(paras[index - 1].text):
        # "Support" alone under the application it answers (Norfolk parish minutes, 2011).
        response = Hit("planning", 0, bare.end("verb"), bare.group("verb"), default="other")
        return _Found(index, 0, para.body, response)
    for start, sentence in sentences(para.body):
        if start < offset:
            continue
        hit = find_form(sentence, setting)
        if hit is None:
            continue
        if hit.form == "that_body" and not (
            index + 1 < len(paras) and _DECIDING_LIMB.match(paras[index + 1].body)
        ):
            continue  # "That the Committee" heads an amendment's text, not a decision
        return _Found(index, start, sentence, hit)
    return None


def _limbs_after(paras: list[Paragraph], index: int, setting: Setting) -> tuple[list[str], int]:
    """The limbs of a list introduced by paras[index] (which ends with ':', ':-' or ';')."""
    limbs: list[str] = []
    opened = paras[index].text.rstrip().endswith(_OPENS_LIST) or bool(_BARE_HEADLINE.match(paras[index].body))
    j = index + 1
    while j < len(paras):
        para = paras[j]
        if para.numbered or STOP.match(para.text) or DECISION_TAKEN.match(para.text):
            break
        if _ends_list(para, limbs, paras[j + 1] if j + 1 < len(paras) else None):
            break
        # Limbs lose their bullets in items' text, so after "that:-" every paragraph up to the
        # next numbered paragraph is a limb (Norfolk 17 June 2014, 9.2). A decision that does
        # not introduce a list takes only marked limbs. A limb may word its own decision
        # ("(1) that the Certificate ... be accepted", "1. Noted ..."); another kind of
        # decision ("The recommendation was moved ...", "RESOLVED") ends the list.
        if not (para.limb or opened):
            break
        found = _hit_in(paras, j, 0, setting)
        if found and not _limb_like(found.hit):
            break
        limbs.append(para.text)
        j += 1
    return limbs, j


_VERBISH = re.compile(r"\b(?:be|is|are|was|were|should|will|would|shall|to|has|have|had)\b|\w{3,}ed\b", re.I)


def _ends_list(para: Paragraph, limbs: list[str], following: Paragraph | None) -> bool:
    """Whether `para` is past the end of an unmarked list: prose after a table's rows
    ("Statements were received and noted as follows:" then the table, then "Statements 5
    and 6 were spoken to ...", Bristol 15 May 2025), or a sub-heading that opens prose
    ("Public Forum Questions", "Q9, Q10 & Q11 – Matt Sanders")."""
    if para.limb:
        return False
    if limbs and " | " in limbs[-1] and " | " not in para.text:
        return True
    heading = (
        " | " not in para.text
        and len(para.text) <= 60
        and not para.text.rstrip().endswith((".", ";", ":", "!", "?"))
        and not _VERBISH.search(para.text)
    )
    return heading and following is not None and len(following.text) >= 60


def _limb_like(hit: Hit) -> bool:
    """Whether a hit may be a limb of a decision's list rather than a decision of its own:
    a limb's own verb ("1. Noted ...", "(1) that the Certificate be accepted", "That the
    Committee:") or a limb's verdict ("* Recommendations 4c and 5 were not approved")."""
    if hit.form == "motion":
        return not hit.motion
    return hit.form in _LIMB_FORMS and (hit.scope == "sentence" or hit.form == "that_body")


def _take(paras: list[Paragraph], found: _Found, setting: Setting) -> tuple[Block, int, int]:
    """The block a hit starts, and where scanning resumes (paragraph index, sentence offset)."""
    para = paras[found.index]
    body = para.body
    offset = len(para.text) - len(body)
    hit = found.hit
    if hit.scope == "paragraph":
        head = body[found.offset :].strip()
    else:
        head = found.sentence.strip()
    parts = [head]
    resume = (found.index, found.offset + len(found.sentence))
    if _REF_HEADLINE.match(head) and found.index + 1 < len(paras):
        # The numbered resolution reads as one sentence: "Resolved 15/03/11.01 15/00243/F – No objections".
        parts = [f"{head} {paras[found.index + 1].text}"]
        resume = (found.index + 2, 0)
    elif hit.scope == "paragraph" or head.endswith(_OPENS_LIST):
        limbs, j = _limbs_after(paras, found.index, setting)
        parts.extend(limbs)
        resume = (j, 0)
    # The outcome is read from the deciding word itself when it gives one ("noted"), else from
    # what the frame verb governs ("RESOLVED to note ...").
    trigger_end = hit.end - (len(hit.verb) if outcome_of(hit.verb.split()[-1]) else 0)
    block = Block(
        "\n".join(parts),
        para.start + offset + found.offset,
        hit.form,
        trigger_end - (len(found.sentence) - len(found.sentence.lstrip())),
        para.body,
        hit.default,
        hit.motion,
        hit.needs_fate,
    )
    return block, *resume


def _next_found(paras: list[Paragraph], index: int, offset: int, setting: Setting) -> _Found | None:
    """The decision at the very next sentence: the rest of this paragraph, else the next one."""
    if index < len(paras):
        rest = [s for s, _ in sentences(paras[index].body) if s >= offset]
        if rest:
            found = _hit_in(paras, index, rest[0], setting)
            return found if found and found.offset == rest[0] else None
        index += 1
    if index < len(paras):
        found = _hit_in(paras, index, 0, setting)
        return found if found and found.offset == 0 else None
    return None


def _bare_fate_after(paras: list[Paragraph], index: int, offset: int, setting: Setting) -> _Found | None:
    """The next sentence when it is a bare fate (see `_MAX_FATE_WORDS`) that announces no
    decision after it."""
    fate = _next_found(paras, index, offset, setting)
    if fate is None or len(fate.sentence.split()) > _MAX_FATE_WORDS:
        return None
    if fate.offset == 0 and _tally_after(paras, fate.index) > fate.index:
        return None  # "For: 6" opens a tally, read whole as the proposal's fate
    if re.search(r"\b(?:that|to)\b", fate.sentence, re.I) or fate.hit.default == "rejected":
        return None
    votes = read_votes(fate.sentence)
    if votes is None or votes.result != "carried":
        return None
    following = _next_found(paras, fate.index, fate.offset + len(fate.sentence), setting)
    if following and not (following.hit.motion or following.hit.needs_fate):
        return None  # "Carried." then "RESOLVED that ...": the fate announces that decision
    return fate


def _merge(vote: Block, decision: Block, same_paragraph: bool) -> Block:
    """A vote's fate and the decision it announces, as one block that starts at the vote."""
    joiner = " " if same_paragraph else "\n"
    prefix = vote.text + joiner
    return Block(
        prefix + decision.text,
        vote.start,
        decision.trigger,
        len(prefix) + decision.trigger_end,
        vote.context,
        decision.default,
    )


def _tally_after(paras: list[Paragraph], index: int) -> int:
    """Where a tally that starts at paras[index] ends (exclusive): two or more counts one to a
    line ("For: 5" / "Against: 2" / "Abstain: 1"), then a bare fate ("Carried.") if one
    follows. `index` itself when paras[index] starts no tally."""
    j = index
    while j < len(paras) and TALLY_LINE.match(paras[j].text):
        j += 1
    if j - index < 2:
        return index
    if j < len(paras) and _BARE_FATE.match(paras[j].text):
        j += 1
    return j


_BARE_FATE = re.compile(
    r"^\W*(?:motion\s+|proposal\s+)?(?:carried|lost|defeated|fell|passed|agreed|approved)(?:\s+unanimously)?\s*[.!]?\s*$",
    re.I,
)


def _tally_block(paras: list[Paragraph], start: int, end: int, blocks: list[Block], ends: list[int]) -> Block:
    """A tally as a decision: the fate of the proposal just before it when one waits for its
    fate (at most two paragraphs before: "Cllr Ames proposed ..." / "Cllr Bell seconded." /
    "For: 6" / "Against: 1"), else a recorded vote of its own."""
    text = "\n".join(p.text for p in paras[start:end])
    votes = read_votes(text)
    default = "rejected" if votes is not None and votes.result == "lost" else "approved"
    if blocks and blocks[-1].needs_fate and start - ends[-1] <= 2:
        proposal = blocks.pop()
        ends.pop()
        return Block(
            proposal.text + "\n" + text, proposal.start, proposal.trigger, proposal.trigger_end,
            proposal.context, default,
        )  # fmt: skip
    return Block(text, paras[start].start, "recorded_vote", 0, paras[start].text, default, motion=True)


def find_decision_blocks(text: str, body: str | None = None) -> list[Block]:
    """Every decision in an item's text, in order, none inside another. `body` is the paper's
    body: a subject naming another body is not this meeting deciding."""
    return list(_decision_blocks(text, body))


@lru_cache(maxsize=64)
def _decision_blocks(text: str, body: str | None) -> tuple[Block, ...]:
    """`find_decision_blocks`, cached: decisions and actions both read an item's decisions."""
    setting = Setting(body)
    paras = paragraphs(text)
    blocks: list[Block] = []
    ends: list[int] = []  # the paragraph after each block, for a tally that settles a proposal
    i, offset = 0, 0
    while i < len(paras):
        para = paras[i]
        if offset == 0 and (tally_end := _tally_after(paras, i)) > i:
            blocks.append(_tally_block(paras, i, tally_end, blocks, ends))
            ends.append(tally_end)
            i = tally_end
            continue
        if offset == 0 and DECISION_TAKEN.match(para.text):
            parts: list[str] = []
            j = i + 1
            while j < len(paras) and not NOTICE_FIELD.match(paras[j].text):
                parts.append(paras[j].text)
                j += 1
            if parts:
                blocks.append(Block("\n".join(parts), paras[i + 1].start, "decision_notice", 0, para.text))
                ends.append(j)
            i, offset = j, 0
            continue
        found = _hit_in(paras, i, offset, setting)
        if found is None:
            i, offset = i + 1, 0
            continue
        block, i, offset = _take(paras, found, setting)
        if found.hit.form == "recorded_vote":
            # A count ("For (12) Against (3)") then its fate ("CARRIED.") is one vote.
            fate = _next_found(paras, i, offset, setting)
            if fate and fate.hit.form == "headline" and fate.hit.motion:
                decided, i, offset = _take(paras, fate, setting)
                block = _merge(block, decided, same_paragraph=fate.index == found.index)
                block.motion = True
        # A motion carried announces the decision that follows it; a motion lost does not.
        if block.motion and block.default != "rejected" and "\n" not in block.text:
            following = _next_found(paras, i, offset, setting)
            if following and not (following.hit.motion or following.hit.needs_fate):
                decision, i, offset = _take(paras, following, setting)
                block = _merge(block, decision, same_paragraph=following.index == found.index)
        elif not block.motion:
            # A bare fate after a decision or a proposal is that one's ("Cllr A proposed that
            # the hall be hired, seconded by Cllr B." then "All in favour").
            fate = _bare_fate_after(paras, i, offset, setting)
            if fate is not None:
                joiner = " " if fate.index == i and offset > 0 else "\n"
                block.text += joiner + fate.sentence.strip()
                block.needs_fate = False
                i, offset = fate.index, fate.offset + len(fate.sentence)
        blocks.append(block)
        ends.append(i if offset == 0 else i + 1)
    return tuple(_drop_settled_proposals(blocks))


def _drop_settled_proposals(blocks: list[Block]) -> list[Block]:
    """A motion proposed and seconded is the decision only when no other decision records its
    fate before the next proposal ("The recommendation was moved by ... and seconded by ...",
    then "On being put to the vote the recommendation was CARRIED")."""
    kept = []
    for k, block in enumerate(blocks):
        following = blocks[k + 1] if k + 1 < len(blocks) else None
        if block.needs_fate and following is not None and not following.needs_fate:
            continue
        kept.append(block)
    return kept


def _votes_of(block: Block, previous: str) -> Votes | None:
    """The vote a decision records, or the vote the sentence before it records ("For (41)
    Against (3) Abstentions (2)." then "CARRIED.")."""
    votes = read_votes(block.text)
    before = read_votes(previous) if previous and len(vote_segments(previous)) == 1 else None
    if votes is None:
        return before if not vote_segments(block.text) else None
    if before and votes.counts == (None, None, None) and before.result in (None, votes.result):
        # The counts printed before the fate: "For (41) Against (3) Abstentions (2). CARRIED."
        return Votes(before.votes_for, before.against, before.abstentions, votes.result)
    return votes


def extract_resolutions(doc: Document) -> list[Resolution]:
    """Every decision recorded in a minutes or decision-notice document (see module doc)."""
    if doc.kind not in ("minutes", "decision_notice"):
        return []
    key = body_key(doc.body) or ""
    out: list[Resolution] = []
    seen: set[str] = set()
    for item in doc.items:
        for block in find_decision_blocks(item.text, doc.body):
            rid = content_id("resolution", key, doc.meeting_date or "", block.text)
            if rid in seen:
                rid = content_id(
                    "resolution", key, doc.meeting_date or "", item.number or item.id, block.text
                )
                if rid in seen:
                    continue
            seen.add(rid)
            previous = _previous_sentence(item.text, block.start)
            votes = _votes_of(block, previous)
            out.append(
                Resolution(
                    id=rid,
                    text=block.text,
                    outcome=classify_outcome(block.text, block.trigger_end, block.default),
                    page=page_of(item, block.start, block.text),
                    item_id=item.id,
                    votes_for=votes.votes_for if votes else None,
                    votes_against=votes.against if votes else None,
                    abstentions=votes.abstentions if votes else None,
                    vote_result=votes.result if votes else None,
                )
            )
    return out


def _previous_sentence(text: str, start: int) -> str:
    """The sentence that ends just before offset `start` of an item's text (in the same
    paragraph, else the paragraph before): "For (41) Against (3) Abstentions (2)." before
    "CARRIED."."""
    before = [p for p in paragraphs(text[:start]) if p.text.strip()]
    if not before:
        return ""
    found = sentences(before[-1].text)
    return found[-1][1] if found else before[-1].text


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
                limbs, j = _limbs_after(paras, j - 1, Setting())
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
