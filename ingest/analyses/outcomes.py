"""The outcome of a decision (one of `minutebook.models.OUTCOMES`), read from its words.

`classify_outcome(text, trigger_end, default)` reads, in order:

1. A rejection anywhere decides it ("be not approved", "should not be granted", "refused",
   "LOST", "FELL"), unless another limb approves something (Bristol 12 September 2024:
   "Recommendations 4c and 5 were not approved" under eight approved limbs is approved).
2. A deferral: "deferred", "postponed", "delay ... until", "await the decision", "bring this
   matter back to the Council's meeting in January", "brought forward for the meeting in
   September". Items put on the next agenda ("the following items should be brought
   forward") are not a deferral.
3. An instruction: the decision's first sentence tells an officer to act ("That the Clerk
   should write to ...", "be passed on to the Clerk to ...") and approves nothing: other.
4. The first outcome verb after the deciding word ("RESOLVED to recommend to Cabinet" is
   recommended), except that noting is the outcome only when nothing else is decided: a
   noting with another verb in its clause or a later limb takes that verb ("RESOLVED to note
   the report and endorse the amended audit approach" is endorsed, Norfolk 13 March 2014;
   "1. Noted the background ... 2. Authorised the Executive Director ..." is approved,
   Bristol 15 May 2025).
5. Else a frame verb governing a statement ("agreed that further research was needed") is
   other, and anything else `default`: the form's own verb ("The minutes ... were agreed as
   accurate": approved; "CARRIED": approved; "LOST": rejected).
"""

from __future__ import annotations

import re

_REJECTION = re.compile(
    r"\bnot\s+(?:be\s+)?(?:approved|granted|agreed|accepted|supported|adopted|endorsed|carried)\b"
    # "The Council did not approve the request".
    r"|\bdid\s+not\s+(?:approve|grant|agree\s+to|accept|support|adopt|endorse|ratify)\b"
    r"|\b(?:rejected|refused|declined|defeated)\b|(?-i:\bFELL\b|\bLOST\b)|\b(?:was|were)\s+lost\b"
    r"|\b(?:motion|amendment|recommendation|proposal)s?\b[^;]{0,40}\bfell\b",
    re.I,
)
_DEFERRAL = re.compile(
    r"\b(?:defer(?:red|s)?|postpone[ds]?|adjourn(?:ed)?\s+(?:the|this|consideration)|await(?:s|ed|ing)?)\b"
    # "to delay Parish Council training until Autumn 2017"; "so as not to delay the programme"
    # and "works that may cause delays" defer nothing.
    r"|(?<!\bnot\s)(?<!\bnot\sto\s)\b(?:delay|delayed)\s+(?:\w+\s+){0,5}?(?:until|till)\b"
    r"|\b(?:bring|brought|come|came|return(?:ed)?|take|taken|considered)\s+(?:(?:this|the|that)\s+(?:matter|item|issue|decision|application)\s+)?"
    r"(?:back|forward)?\s*(?:to|for|at)\s+(?:a|the|its|their)\s+(?:\w+['’]s\s+)?(?:next|later|future|subsequent|further)?\s*"
    r"(?:\w+\s+)?meeting\b"
    r"|\b(?:back|forward)\s+to\s+(?:a|the)\s+(?:\w+['’]s\s+)?meeting\s+in\b",
    re.I,
)
_AGENDA_ITEMS = re.compile(r"\bfollowing\s+(?:additional\s+)?items?\b[^;]{0,40}\bbrought\s+forward\b", re.I)
# An officer by role alone (no name): "that the Clerk inform ..." cannot be a name's next word.
_ROLE = (
    r"(?:the\s+)?(?:(?:Town|Parish|Assistant|Deputy)\s+)?(?:Clerk|Officers?|Chair(?:man|person)?|"
    r"Proper\s+Officer|RFO|Responsible\s+Financial\s+Officer)"
)
_OFFICER = (
    r"(?:the\s+)?(?:(?:Town|Parish|Assistant|Deputy)\s+)?"
    r"(?:Clerk|Officers?|Chair(?:man|person)?|Vice[- ]Chair(?:man)?|"
    r"(?:\w+\s+){0,2}Director|Head\s+of\s+\w+|Proper\s+Officer|RFO|Responsible\s+Financial\s+Officer|"
    r"(?:Councillor|Cllr\.?)\s+[A-Z]\w+)"
)
_INSTRUCTION = re.compile(
    rf"^[\W\d]*(?:that\s*:?\s*|to\s+)?(?:,?\s*(?:in|following|with|subject)\b[^,]{{0,80}},\s*)?{_OFFICER}\b(?:\s+\w+){{0,3}}?\s+"
    r"(?:should|shall|must|to|will|would|be\s+asked|is\s+asked|be\s+instructed|is\s+instructed|be\s+requested|write|contact)\b"
    r"(?!\s+(?:remain|continue\s+as|be\s+(?:appointed|elected|made|co-opted|the)\b))"
    # "that the Clerk inform C.C.C. accordingly": an officer's bare verb after "that" instructs.
    rf"|^[\W\d]*that\s+{_ROLE}\s+(?!be\b|is\b|was\b|were\b|has\b|had\b|have\b|and\b|or\b)[a-z]+\b"
    r"|\b(?:passed\s+on|referred|refer)\s+to\b",
    re.I,
)
# A frame verb governing a statement, not a deed: "it was agreed that further research was
# needed" (Burton-cum-Walden, 23 April 2024) decides nothing; "that a report be provided" does.
_STATEMENT = re.compile(
    r"^\W*that\s+[^;:]{0,120}?\b(?:was|were|is|are|had|has|have)\b(?!\s+(?:to|be|been)\b)", re.I
)
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n")
# Confirming the minutes is approving them, however worded ("agreed that the minutes ... were
# correct", Manordeilo and Salem 2018-2019); planning observations ("The following observation
# was agreed: ... No Objections") are the council's comments to the planning authority: other.
_MINUTES_CONFIRMED = re.compile(
    r"\bminutes\b[^;]{0,160}?\b(?:were|was|be|are)\s+(?:a\s+)?(?:correct|true|accurate|approved|confirmed|signed)",
    re.I,
)
# Recommending that the planning authority approve or refuse an application is an observation
# too ("Approval recommended.", "Cllrs recommended refusal", "recommended for refusal").
_OBSERVATIONS = re.compile(
    r"\b(?:observations?|no\s+objections?|no\s+observations?)\b"
    r"|\b(?:approval|refusal)\s+(?:is\s+|was\s+|be\s+)?recommended\b|\brecommended\s+(?:for\s+)?(?:approval|refusal)\b"
    # A labelled one-word response under an application: "Recommendation: Approve".
    r"|^\W*(?:Recommendation|Response|Comments?|Observations?)\s*[:–—-]\s*"
    r"(?:approve|approval|refuse|refusal|support|object(?:ion)?)\s*[.!]?\s*$",
    re.I,
)
_DELEGATION = re.compile(r"\b(?:authori[sz]\w*|delegat\w*)\b", re.I)

# Verb inflections only: "approval", "appointment" and "supportive" name things, not decisions.
_OUTCOME_VERBS: list[tuple[str, re.Pattern[str]]] = [
    ("recommended", re.compile(r"\brecommend(?:ed|s)?\b(?!\s+(?:contained|of|outlined|set out|in|within|by)\b)|\brecommendation would be made\b", re.I)),  # noqa: E501
    ("endorsed", re.compile(r"\b(?:endors(?:e|es|ed|ing)|support(?:s|ed|ing)?|commend(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|agree[ds]?\s+with)\b", re.I)),  # noqa: E501
    ("noted", re.compile(r"\bnot(?:e|ed|es|ing)\b|\breceived\s+and\s+noted\b", re.I)),
    ("approved", re.compile(r"\b(?:approv(?:e|es|ed|ing)|agree[ds]?(?!\s+with\b)|adopt(?:s|ed|ing)?|accept(?:s|ed|ing)?(?!\s+that\b)|authori[sz](?:e|es|ed|ing)|delegat(?:e|es|ed|ing)|co-?opt(?:s|ed|ing)?|confirm(?:s|ed|ing)?|appoint(?:s|ed|ing)?|elect(?:ed|s)?|ratif(?:y|ies|ied)|signed|take forward|carried|meet)\b", re.I)),  # noqa: E501
]  # fmt: skip
# An approving limb or coordinated verb after a noting makes the whole decision an approval.
_APPROVING = re.compile(
    r"\b(?:approv(?:e|es|ed|ing)|authori[sz](?:e|es|ed|ing)|agree[ds]?(?!\s+with\b)|delegat(?:e|es|ed|ing)|"
    r"adopt(?:s|ed|ing)?|appoint(?:s|ed|ing)?|ratif(?:y|ies|ied))\b",
    re.I,
)
# A verb coordinated with the noting ("note the report and endorse ..."), not one in a clause
# of its own ("noted this report and accept that works ... to support the growth of the city").
# "... be noted and the Cabinet Member's decision be endorsed" coordinates a clause.
_COORDINATED = re.compile(
    r"\band\s+(?:the|that|this|its)\s[^,;.]{0,60}?\b(?:be|is|are)\s+|\band\s+(?:(?:also|further|to)\s+)?",
    re.I,
)
_LIMB_VERB = re.compile(r"^[\W\d]*(?:[a-z]{1,2}[.)]\s*)?(?P<verb>\w+)", re.I)


def _approves_elsewhere(text: str) -> bool:
    """Whether a line that rejects nothing approves something."""
    return any(_APPROVING.search(line) and not _REJECTION.search(line) for line in text.split("\n"))


def classify_outcome(text: str, trigger_end: int = 0, default: str = "other") -> str:
    """One of models.OUTCOMES for a decision's text (see the module doc)."""
    head = text.split("\n", 1)[0]
    # A noting's list records what others decided ("The following decision was noted:" /
    # "19/02121/FUL … – refused"): only the noting's own line can reject.
    rejecting = head if _NOTING.match(text, trigger_end) else text
    if _REJECTION.search(rejecting) and not _approves_elsewhere(rejecting):
        return "rejected"
    tail = text[trigger_end:]
    if _DEFERRAL.search(tail) and not _AGENDA_ITEMS.search(tail):
        return "deferred"
    clause = _FIRST_SENTENCE.split(tail, maxsplit=1)[0]
    if _MINUTES_CONFIRMED.search(head):
        return "approved"
    if _OBSERVATIONS.search(head):
        return "other"
    if (_INSTRUCTION.search(clause) or _AGENDA_ITEMS.search(tail)) and not _DELEGATION.search(clause):
        return "other"
    hits = sorted((m.start(), outcome) for outcome, p in _OUTCOME_VERBS if (m := p.search(tail)))
    if not hits:
        return "other" if _STATEMENT.match(tail) else default
    start, first = hits[0]
    if first == "noted":
        return _after_noting(tail[start:]) or first
    return first


_NOTING = re.compile(r"(?:noted|received)\b", re.I)


def _after_noting(text: str) -> str | None:
    """What a decision does besides noting: an outcome verb in the noting's own line ("notes
    the report ... and approves the approach", "note the report and endorse the amended audit
    approach") or opening a later limb ("2. Authorised the Executive Director ..."). Words
    deeper in a later line (a table of statements' titles) do not count."""
    first, _, rest = text.partition("\n")
    for m in _COORDINATED.finditer(first):
        for outcome, pattern in _OUTCOME_VERBS:
            if outcome != "noted" and pattern.match(first, m.end()):
                return outcome
    for line in rest.split("\n"):
        limb = _LIMB_VERB.match(line)
        for outcome, pattern in _OUTCOME_VERBS:
            if limb and outcome != "noted" and pattern.fullmatch(limb.group("verb")):
                return outcome
    return None
