"""The forms in which minutes record a decision: a registry a new template joins by appending
one `DecisionForm`, without touching the others.

Each form reads one sentence (verbatim, with any paragraph number or limb marker) and returns
a `Hit` or None. Forms are structures built from `deciding`'s parts, not phrases:

* `shouted`: the deciding word in capitals anywhere ("The Panel RESOLVED to", "It was
  APPROVED that;") -- Norfolk, Kent and Bristol print the decision this way.
* `headline`: a sentence that opens with the deciding word ("RESOLVED:", "Resolved – that",
  "Agreed:", "Noted.", "Approved the proposed approach", "CARRIED").
* `impersonal`: "it was resolved to apply for ...", "It was unanimously agreed that", and a
  coordinated "..., and agreed that" in a sentence the impersonal "It was" opens.
* `meeting_subject`: the meeting, its body or its members as subject, then a deciding verb
  ("The Councillors resolved to accept", "Committee resolved to approve", "That the Transport
  and Connectivity Committee noted the report", "Members discussed ... and agreed that").
* `passive_decided`: a decided thing in the passive ("The minutes ... were confirmed as a true
  copy", "Cheques ... were signed", "An online payment was authorised", "That the quotation be
  accepted").
* `motion`: the fate of a motion, amendment or recommendation ("this resolution was passed
  unanimously", "the recommendation was LOST (4 in favour, 5 against)", "the amendment FELL").
* `that_body`: "That the Committee for Transport and Connectivity:" whose limbs carry the verbs.
* `proposed_seconded`: a motion proposed and seconded whose fate is not recorded apart.
* `margin`: a deciding word alone in the right-hand cell of a line ("... | Noted", "| Nodwyd").
* `welsh`: a Welsh impersonal deciding verb ("Cytunwyd y dylid ...", "Penderfynwyd ...").
* `instruction`: the meeting instructing its officer ("The Clerk was instructed to ...").
* `planning`: a response to a planning application ("No objections.", "The Council had no
  objection to the application", "Members supported the application").
* `recorded_vote`: any sentence that records a vote ("A vote was taken: 5 for, 2 against").

What no form accepts: a subject that is an officer or another body ("The Clerk reported that
North Yorkshire Council had agreed"), pluperfect and future ("had approved", "would
consider"), a passive with another agent ("approved by the previous administration"),
"noted that ..." (debate) and lower-case "resolved" in prose ("all complaints were resolved").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.analyses.deciding import (
    ADVERBS,
    BODY_SUBJECT,
    BODY_VERBS,
    ELSEWHERE,
    MEMBER_VERBS,
    MEMBERS,
    NOT_A_NOTING,
    NOTED_RECEIPT,
    OWN_AGENT,
    PAPER_NOUNS,
    PASSIVE_VERBS,
    WELSH_DECIDING,
    forms,
    named_body_matches,
    outcome_of,
)
from ingest.analyses.votes import read_votes


@dataclass(frozen=True)
class Hit:
    """Where a form found a decision in a sentence.

    `start`: where the decision's own words start (a leading paragraph number or limb marker
    is kept out); `end`: the end of the deciding word, from where the outcome is read.
    `scope`: "paragraph" (the decision runs to the end of its paragraph: a RESOLVED clause) or
    "sentence". `motion`: the hit records a vote's fate ("CARRIED"), which announces the
    decision that follows it when one does. `default`: the outcome when no verb says one.
    `needs_fate`: the hit is a motion proposed and seconded; it is a decision only when no
    other decision follows it (then that one records its fate). `fallback`: the hit stands only
    when no other form finds the sentence.
    """

    form: str
    start: int
    end: int
    verb: str
    scope: str = "sentence"
    motion: bool = False
    default: str = "approved"
    needs_fate: bool = False
    fallback: bool = False


@dataclass(frozen=True)
class Setting:
    """What a form may know about the paper: its body's name (None when unknown)."""

    body: str | None = None


@dataclass(frozen=True)
class DecisionForm:
    """One way of recording a decision: `find(sentence, setting)` -> Hit or None."""

    name: str
    find: Callable[[str, Setting], Hit | None]


# A paragraph number or limb marker a sentence may open with ("9.2 ", "- ", "(1) ", "a) ").
_LEAD = r"(?:(?:[-•*·▪●◦]|\(?[a-zA-Z0-9]{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?)\s+)?"
# An opening phrase before the subject: "After some discussion, ", "Following debate, ".
_OPENER = (
    r"(?:(?:After|Following|Upon|On|Having|Accordingly|Therefore|Thereafter|Subsequently)\b"
    r"[^;:]{0,80}?,\s*)?"
)
_ADV = rf"(?:{ADVERBS}\s+)*"


# ------------------------------------------------------------------------------- shouted

_SHOUTED = re.compile(
    r"\b(?P<verb>RESOLVED)\b(?!\s+(?:ISSUES?|MATTERS?))"
    r"|\b(?:was|were|is|are|and|be)\s+(?:UNANIMOUSLY\s+)?(?P<verb2>AGREED|APPROVED|DECIDED)\b"
    r"|\b(?P<verb3>AGREED|APPROVED|DECIDED)\s*(?:that\b|to\b|[:;]|\bunanimously\b|$)"
)


def _shouted(sentence: str, setting: Setting) -> Hit | None:
    m = _SHOUTED.search(sentence)
    if not m:
        return None
    group = next(g for g in ("verb", "verb2", "verb3") if m.group(g))
    return Hit("shouted", _decision_start(sentence, m.start()), m.end(group), m.group(group), "paragraph")


# ------------------------------------------------------------------------------ headline

_HEADLINE = re.compile(
    rf"^{_LEAD}(?:(?:Unanimously|UNANIMOUSLY)\s+)?(?P<verb>RESOLVED|Resolved|AGREED|Agreed|DECIDED|Decided|NOTED|Noted|APPROVED|Approved|"
    r"CARRIED|Carried|LOST|Lost|DEFERRED|Deferred|REFUSED|Refused|ENDORSED|Endorsed|ACCEPTED|Accepted|"
    r"ADOPTED|Adopted|RATIFIED|Ratified|DECISION|Decision|RESOLUTION|Resolution)\b"
    r"(?P<after>\s*(?:\(?\s*(?:unanimously|UNANIMOUSLY|nem\.?\s*con\.?)\s*\)?)?\s*"
    r"(?:[:;.,–—-]|\(|\bthat\b|\bto\b|$)|\s+(?:the|a|an|this|these|all|each|its|their)\b)"
)
_LABEL_ONLY = {"decision", "resolution"}
_STANDALONE = {"carried", "lost"}


def _headline(sentence: str, setting: Setting) -> Hit | None:
    m = _HEADLINE.match(sentence)
    if not m:
        return None
    verb, after = m.group("verb"), m.group("after").strip()
    word = verb.lower()
    if word in _LABEL_ONLY and not after.startswith((":", "–", "—", "-")):
        return None  # "Resolution 5 was carried" names a resolution; "Resolution:" heads one
    if word in _STANDALONE and re.match(r"(?:the|a|an|this|these|all|each|its|their)\b", after):
        return None  # "Lost property ..." is not a vote
    # "RESOLVED", "Resolved:" or a deciding word standing alone on its line heads what follows.
    announced = (
        verb.isupper() or after.startswith((":", "–", "—", "-", "that")) or not sentence[m.end() :].strip()
    )
    motion = word in _STANDALONE
    default = "rejected" if word == "lost" else "approved"
    return Hit("headline", m.start("verb"), m.end("verb"), verb, "paragraph" if announced else "sentence",
               motion=motion, default=default)  # fmt: skip


# ---------------------------------------------------------------------------- impersonal

_IMPERSONAL = re.compile(
    rf"\b[Ii]t\s+was\s+{_ADV}(?P<verb>{forms('resolve', 'agree', 'decide', 'determine', 'approve')})\b"
    r"(?P<rest>[^;]{0,12})"
)
_COORDINATED = re.compile(
    rf"\b[Ii]t\s+was\b[^;]{{0,240}}?\band\s+{_ADV}(?P<verb>agreed|resolved|decided)\s+(?:that|to)\b"
)


def _impersonal(sentence: str, setting: Setting) -> Hit | None:
    m = _IMPERSONAL.search(sentence)
    if m and not OWN_AGENT.match(m.group("rest")) and ELSEWHERE.match(m.group("rest")):
        m = None  # "It was approved by Cabinet in March" reports another body's decision
    if m is None:
        m = _COORDINATED.search(sentence)
        if m is None:
            return None
        return Hit("impersonal", _decision_start(sentence, 0), m.end("verb"), m.group("verb"))
    return Hit("impersonal", _decision_start(sentence, m.start()), m.end("verb"), m.group("verb"))


# ----------------------------------------------------------------------- meeting_subject

_SUBJECT_START = rf"^{_LEAD}{_OPENER}(?:That\s+|that\s+)?"
_BODY_ACTIVE = re.compile(
    rf"{_SUBJECT_START}(?P<subject>{BODY_SUBJECT})\s+{_ADV}(?P<verb>{BODY_VERBS})\b"
    rf"|{_SUBJECT_START}(?P<subject2>{BODY_SUBJECT})\b[^;]{{0,200}}?\band\s+{_ADV}(?P<verb2>{BODY_VERBS})\b"
)
_MEMBERS_ACTIVE = re.compile(
    rf"{_SUBJECT_START}(?P<subject>{MEMBERS})\s+{_ADV}(?P<verb>{MEMBER_VERBS})\b"
    rf"|{_SUBJECT_START}(?P<subject2>{MEMBERS})\b[^;]{{0,200}}?\band\s+{_ADV}(?P<verb2>{MEMBER_VERBS})\b"
)
# A body's verb in the present or the bare form reads as a decision only after "That" (the
# resolution's own wording, "That the Committee notes the report"); in prose "The Council
# supports local businesses" is a description.
_PAST_ONLY = re.compile(r"(?:ed|lost|fell)$", re.I)
# Verbs that take a clause are decisions only when they govern one ("agreed to", "resolved
# that") or an object; "accepted that", "confirmed that" concede a point of debate.
_CONCEDING = re.compile(r"^(?:accept|confirm|support|endorse|approv|adopt)", re.I)


def _meeting_subject(sentence: str, setting: Setting) -> Hit | None:
    for pattern, is_members in ((_BODY_ACTIVE, False), (_MEMBERS_ACTIVE, True)):
        m = pattern.search(sentence)
        if not m:
            continue
        subject_group, verb_group = ("subject", "verb") if m.group("verb") else ("subject2", "verb2")
        subject, verb = m.group(subject_group), m.group(verb_group)
        after = sentence[m.end(verb_group) :]
        led_by_that = bool(re.match(rf"{_LEAD}{_OPENER}That\s", sentence))
        if not is_members and not named_body_matches(subject, setting.body):
            continue
        if not led_by_that and not _PAST_ONLY.search(verb):
            continue
        if verb.lower().startswith("not") and NOT_A_NOTING.match(after) and not NOTED_RECEIPT.match(after):
            continue
        if _CONCEDING.match(verb) and re.match(r"\s*that\b", after, re.I):
            continue
        if verb.lower().startswith("vot") and not re.match(
            r"\s*(?:to|in\s+favour|unanimously|for|against)\b", after, re.I
        ):
            continue  # fmt: skip
        start = _decision_start(sentence, m.start(subject_group))
        return Hit("meeting_subject", start, m.end(verb_group), verb)
    return None


# ----------------------------------------------------------------------- passive_decided

# The decided thing opens the sentence or the clause after a comma ("Requests ... were
# considered and, in line with the Council's policy ..., the following donations were agreed:").
_PASSIVE = re.compile(
    rf"(?:^{_LEAD}|,\s+)(?P<that>That\s+|that\s+)?(?P<np>(?!(?:It|it|There|there|This|He|She|They|We|I|Officers?|"
    r"Members|Councillors)\b)(?:[A-Z(£]|(?:the|a|an|all|these|those|both)\s)[^;:]{0,160}?)\s+(?P<aux>was|were|be|is|are)\s+"
    rf"{_ADV}(?P<verb>{PASSIVE_VERBS})\b"
)


def _passive_decided(sentence: str, setting: Setting) -> Hit | None:
    m = _PASSIVE.search(sentence)
    if not m:
        return None
    aux, verb, np = m.group("aux"), m.group("verb"), m.group("np")
    after = sentence[m.end("verb") :]
    if aux in ("is", "are", "be") and not m.group("that"):
        return None  # "The scheme is supported by ..." describes; "That the policy is accepted" decides
    if (ELSEWHERE.match(after) and not OWN_AGENT.match(after)) or re.match(r"\s*that\b", after):
        return None
    if verb.lower() == "noted" and not re.search(rf"\b{PAPER_NOUNS}\b", np, re.I):
        return None  # "Concerns were noted" is debate; "The report was noted" decides
    return Hit(
        "passive_decided", m.start("np") if not m.group("that") else m.start("that"), m.end("verb"), verb
    )


# -------------------------------------------------------------------------------- motion

_MOTION_NOUN = r"(?:motion|resolution|recommendation|amendment|proposal|proposition)s?"
_MOTION = re.compile(
    rf"\b{_MOTION_NOUN}\b(?P<mid>[^;]{{0,60}}?)\b(?:was|were|is|are)\s+{_ADV}"
    r"(?P<verb>(?i:carried|lost|passed(?!\s+(?:on|to|through)\b)|defeated|agreed|approved|adopted|rejected|declined|noted))\b"
    rf"|\b{_MOTION_NOUN}\b[^;]{{0,60}}?\b(?P<fell>FELL|fell)\b"
    r"|\bvote\b[^;]{0,80}?\b(?P<vote>CARRIED|LOST|FELL)\b"
    r"|^(?P<all>All\s+(?:were\s+)?in\s+favour)\b",
    re.I,
)
_FATE = {"carried", "lost", "passed", "defeated", "fell"}


def _motion(sentence: str, setting: Setting) -> Hit | None:
    m = _MOTION.search(sentence)
    if not m:
        return None
    group = next(g for g in ("verb", "fell", "vote", "all") if m.group(g))
    verb = m.group(group)
    after = sentence[m.end(group) :]
    if ELSEWHERE.match(after) and not OWN_AGENT.match(after):
        return None  # "the recommendations were approved by Cabinet" is another body's
    if re.search(r"\b(?:had|has|have)\s+been\s*$|\bwould\b", sentence[: m.start(group)]):
        return None
    word = verb.lower()
    rejected = word in ("lost", "fell", "defeated", "rejected", "declined") or bool(
        re.search(r"\bnot\s+$", sentence[: m.start(group)])
    )
    motion = word in _FATE or group in ("vote", "all")
    default = "rejected" if rejected else ("noted" if word == "noted" else "approved")
    return Hit("motion", _decision_start(sentence, 0), m.end(group), verb, motion=motion, default=default)


# ----------------------------------------------------------------------------- that_body

_THAT_BODY = re.compile(
    rf"^{_LEAD}That\s+(?P<subject>{BODY_SUBJECT})\s*(?:\(\s*[^)]{{0,40}}\))?\s*[:;,–—-]*\s*$"
)


def _that_body(sentence: str, setting: Setting) -> Hit | None:
    """ "That the Committee for Transport and Connectivity:" -- its limbs carry the verbs; the
    block finder takes it as a decision only when a limb opens with a deciding verb."""
    m = _THAT_BODY.match(sentence)
    if not m or not named_body_matches(m.group("subject"), setting.body):
        return None
    return Hit("that_body", _decision_start(sentence, 0), m.end(), "That", "paragraph")


# --------------------------------------------------------------------- proposed_seconded

# In English or Welsh ("cynigiwyd gan y Cyng. P. Harries, eiliwyd gan y Cyng. O. Williams").
_PROPOSE = r"(?:(?:propos|mov)(?:ed|er|al)|cynigiwyd)"
_SECOND = r"(?:second(?:ed|er)|eiliwyd)"
_PROPOSED = re.compile(
    rf"\b{_PROPOSE}\b[^;]{{0,200}}?\b{_SECOND}\b|\b{_SECOND}\b[^;]{{0,200}}?\b{_PROPOSE}\b", re.I
)


_OWN_FATE = re.compile(
    r"\b(?:agreed|resolved|carried|approved|passed|unanimous(?:ly)?|lost|fell|defeated|in\s+favour|by\s+all|"
    r"pawb\s+yn\s+gyt[uû]n|yn\s+unfrydol|cytunwyd)\b",
    re.I,
)


def _proposed_seconded(sentence: str, setting: Setting) -> Hit | None:
    m = _PROPOSED.search(sentence)
    if not m:
        return None
    # "It was proposed by ..., seconded by ... and unanimously agreed that ..." records its own
    # fate; a bare proposal waits for the sentence that does.
    settled = bool(_OWN_FATE.search(sentence, m.end()))
    return Hit("proposed_seconded", _decision_start(sentence, 0), m.end(), "proposed", needs_fate=not settled)


# -------------------------------------------------------------------------------- margin

_MARGIN = re.compile(
    r"\|\s*(?P<verb>Noted|Agreed|Resolved|Approved|Accepted|Deferred|Carried|NOTED|AGREED|RESOLVED|APPROVED|"
    r"Nodwyd|Cytunwyd|Penderfynwyd)"
    r"\.?\s*(?=\||$)"
)


def _margin(sentence: str, setting: Setting) -> Hit | None:
    m = _MARGIN.search(sentence)
    if not m:
        return None
    verb = m.group("verb")
    return Hit(
        "margin", _decision_start(sentence, 0), m.end("verb"), verb, default=outcome_of(verb) or "approved"
    )


# --------------------------------------------------------------------------- instruction

# The meeting instructing its officer: "The Clerk was instructed to write to ...", "The Clerk
# was asked to obtain three quotes" -- a decision whose outcome is "other" (the labels'
# instructions to clerk or officers). A councillor asked in debate is not instructed.
_INSTRUCTION = re.compile(
    r"^[\W\d]*(?:[a-z]{1,5}\)\s*)?(?:The\s+|the\s+)?(?:(?:Town|Parish|Assistant|Deputy|Locum)\s+)?"
    r"(?:Clerk|Proper\s+Officer|RFO|Responsible\s+Financial\s+Officer)\s+(?:was|were|is|be)\s+"
    r"(?:duly\s+)?(?P<verb>instructed|asked|requested|authori[sz]ed|delegated)\s+to\b"
)


def _instruction(sentence: str, setting: Setting) -> Hit | None:
    m = _INSTRUCTION.search(sentence)
    if not m:
        return None
    default = "approved" if m.group("verb").lower().startswith(("authori", "delegat")) else "other"
    return Hit("instruction", _decision_start(sentence, 0), m.end("verb"), m.group("verb"), default=default)


# --------------------------------------------------------------------------- recorded vote

# A sentence that records a vote is the meeting deciding, whatever else it says: "A vote was
# taken: 5 for, 2 against", "Members voted unanimously".
_VOTE_RECORD = re.compile(
    r"\bvote\b|\bvoted\b|\bvoting\b|\bunanimous|\bnem\.?\s*con\b|\bin\s+favour\b|\babstain", re.I
)


def _recorded_vote(sentence: str, setting: Setting) -> Hit | None:
    m = _VOTE_RECORD.search(sentence)
    if not m or read_votes(sentence) is None:
        return None
    votes = read_votes(sentence)
    default = "rejected" if votes is not None and votes.result == "lost" else "approved"
    start = _decision_start(sentence, 0)
    return Hit("recorded_vote", start, m.end(), m.group(0), motion=True, default=default, fallback=True)


# ---------------------------------------------------------------------------- planning

# A council's response to a planning application is its decision (the labels' "planning
# observations"): "The Council had no objection to the application", "No objections.",
# "Members supported the application", "Councillors objected to the proposal".
_PLANNING = re.compile(
    r"^[\W\d]*(?:[a-z]{1,5}\)\s*)?(?:(?:The\s+)?(?:Parish\s+|Town\s+|Community\s+)?(?:Council|Committee|Members|Councillors|"
    r"Meeting)\s+(?:had|has|raised|made|resolved\s+to\s+make|agreed)\s+)?(?P<verb>no\s+(?:objections?|observations?|comments?))\b"
    r"|^[\W\d]*(?:The\s+)?(?:Parish\s+|Town\s+|Community\s+)?(?:Council|Committee|Members|Councillors)\s+"
    r"(?P<verb2>object(?:ed|s)|support(?:ed|s)|raised\s+(?:an\s+)?objections?)\s+(?:to\s+)?(?:the|this)\s+"
    r"(?:planning\s+)?(?:application|proposal|development)",
    re.I,
)


def _planning(sentence: str, setting: Setting) -> Hit | None:
    m = _PLANNING.search(sentence)
    if not m:
        return None
    group = "verb" if m.group("verb") else "verb2"
    return Hit("planning", _decision_start(sentence, 0), m.end(group), m.group(group), default="other")


# --------------------------------------------------------------------------------- welsh

_WELSH = re.compile(rf"(?:^{_LEAD}|[,;:]\s+)(?P<verb>(?i:{WELSH_DECIDING}))\b(?P<after>\s*\S*)")


def _welsh(sentence: str, setting: Setting) -> Hit | None:
    """A Welsh impersonal deciding verb opening a sentence or clause ("Cytunwyd y dylid ...",
    "Penderfynwyd ..."). "Nodwyd" alone is a noting; "Nodwyd bod ..." (it was noted that)
    reports a point, like "noted that"."""
    m = _WELSH.search(sentence)
    if not m:
        return None
    verb = m.group("verb")
    if verb.lower() == "nodwyd" and m.group("after").strip(" .").lower() in ("bod", "fod", "y", "yr", "mai"):
        return None
    default = "noted" if verb.lower() == "nodwyd" else "approved"
    return Hit("welsh", m.start("verb"), m.end("verb"), verb, default=default)


# ------------------------------------------------------------------------------ registry

_LEAD_RE = re.compile(_LEAD)


def _decision_start(sentence: str, position: int) -> int:
    """Where the decision's words start: after a leading paragraph number or limb marker."""
    if position == 0:
        return _LEAD_RE.match(sentence).end()  # type: ignore[union-attr]
    return position if position > _LEAD_RE.match(sentence).end() else _LEAD_RE.match(sentence).end()  # type: ignore[union-attr]


# In order of precedence: where two forms find the same sentence, the earlier in the
# sentence wins, then the earlier in this list.
FORMS: list[DecisionForm] = [
    DecisionForm("shouted", _shouted),
    DecisionForm("headline", _headline),
    DecisionForm("motion", _motion),
    DecisionForm("impersonal", _impersonal),
    DecisionForm("meeting_subject", _meeting_subject),
    DecisionForm("that_body", _that_body),
    DecisionForm("passive_decided", _passive_decided),
    DecisionForm("margin", _margin),
    DecisionForm("welsh", _welsh),
    DecisionForm("instruction", _instruction),
    DecisionForm("planning", _planning),
    DecisionForm("recorded_vote", _recorded_vote),
    DecisionForm("proposed_seconded", _proposed_seconded),
]


# Every form needs one of these words; a sentence without any is read no further (speed).
_ANY_DECIDING = re.compile(
    r"resolv|agree|decid|determin|approv|adopt|accept|authori|ratif|confirm|elect|appoint|opt|carr|pass|"
    r"vot|note|noted|endors|support|recommend|defer|postpon|refus|reject|lost|fell|defeat|signed|granted|"
    r"propos|moved|second|cynigiwyd|eiliwyd|wyd\b|favour|decision|resolution|that\b|instruct|asked|request|"
    r"objection|observation|comment|object|unanim|abstain|nem",
    re.I,
)


def find_form(sentence: str, setting: Setting) -> Hit | None:
    """The first decision form in `sentence`: the earliest deciding word, then registry order
    ("The Panel RESOLVED to endorse ... and agreed to receive" is RESOLVED's decision)."""
    if not _ANY_DECIDING.search(sentence):
        return None
    hits = [
        (hit.end - len(hit.verb), k, hit)
        for k, form in enumerate(FORMS)
        if (hit := form.find(sentence, setting))
    ]
    if not hits:
        return None
    # A proposal whose fate the same sentence records is that fate ("... seconded, that X be
    # elected, and this resolution was passed unanimously").
    hits.sort(key=lambda h: (h[2].needs_fate, h[2].fallback, h[0], h[1]))
    return hits[0][2]
