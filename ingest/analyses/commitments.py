"""Whether a sentence commits someone to do something after the meeting, and who.

`commitment_in(sentence, in_decision)` returns a `Commitment` (its shape and owner) or None.
A commitment is a clause, not a phrase: someone who can act, or a thing that can be
delivered, with a verb in the future or under obligation, or a request put to someone:

* `agent_future`: an agent (officers, the Clerk, the Chair, a named councillor, a body, "the
  team") then will / would / shall / should / is to / agreed to / undertook to / intended to /
  was asked to and a verb: "The Clerk will report this to the North Yorkshire Council",
  "Officers agreed to return to the Policy Committee with proposals", "The Clerk was asked to
  notify Councillor Peacock", "who would send a formal response" (the agent before "who").
* `delivered`: a deliverable (report, update, information, briefing, link, ...) or an agent in
  a future passive: "Information would be presented to the Committee", "Regular updates will
  be provided to Members", "Councillors will be consulted", "a report expected to be brought
  to the Committee in the autumn"; or a deliverable acting in the future ("A future report
  ... would include information on restorative approaches"). A future passive of anything
  is a commitment when it names its time ("would be considered in November 2014").
* `request`: members or a councillor asking or requesting ("Councillors asked for further
  work", "Members requested to be kept informed", "Committee Members asked officers to
  explore"), and "It was suggested (planned, proposed) that officers revisit that risk".
* `scheduled`: a meeting or update arranged for a time ("another Teams Meeting was scheduled
  for Thursday 9 October", "she had scheduled a meeting on ...", "a further update planned
  for the end of the year").
* In a decision (`in_decision`), also the decision's own instructions: a subjunctive passive
  of a deed ("that the confirmed Register ... be published", "fees of £50.00 be paid
  online"), an infinitive of a deed ("RESOLVED: to publish ...", "to bring this matter back
  to the Council's meeting in January 2026") and "the Clerk be asked to contact ...".
  Deciding and state verbs are not deeds: "be received and noted", "be accepted", "should
  remain as trustees", "RESOLVED: to support the application".

Taught by Norfolk's (2014), Bristol's (2024-2026) and Burton-cum-Walden's (2024-2025)
minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.analyses.due_dates import resolve_due

_AGENT = (
    r"(?:(?:the|The|relevant|Relevant|all|All)\s+)*"
    r"(?:(?:Town|Parish|Assistant|Deputy|Interim|Acting|Executive|Senior)\s+)?"
    r"(?:[Oo]fficers?|Clerk|Chair(?:man|person)?|Vice[- ]Chair(?:man)?|Treasurer|Secretary|RFO|"
    r"Responsible\s+Financial\s+Officer|Proper\s+Officer|"
    r"Director(?:\s+(?:of|for)\s+[A-Z][\w'’&]*(?:\s+(?:and|&|[A-Z][\w'’]*))*)?|"
    r"Head\s+of\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*|Cabinet\s+Member|Leader|Mayor|Monitoring\s+Officer|"
    r"(?:County\s+)?(?:Councillor|Cllr|Cyng|Mr|Mrs|Ms|Dr)s?\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    # "Cllrs Hayward & Ashman were asked to check the quotes"
    r"(?:\s*(?:,|&|and)\s*(?:(?:Councillor|Cllr)s?\.?\s+)?[A-Z][\w'’-]+(?=\s*(?:,|&|and|were|are|will|would|to)\b))*|"
    # The speaker of the sentence before: "... advised that he would check when the grass is cut".
    r"(?<![\w'’])(?:[Hh]e|[Ss]he)(?![\w'’])|"
    r"[Mm]embers|[Cc]ouncillors|"
    r"(?:Committee|Council|Panel|Board|Group|Cabinet|[Tt]eam|[Gg]roup|police|Police|[Pp]roject\s+manager|"
    r"[Rr]epresentatives|[Pp]artners))"
)
# Who may ask on the meeting's behalf: its members, a councillor, the meeting itself.
_REQUESTER = (
    r"(?:(?:Committee\s+|Panel\s+|Council\s+)?[Mm]embers?|[Cc]ouncillors|(?:Councillor|Cllr\.?)\s+[A-Z][\w'’-]*|They|"
    r"(?:The|the)\s+(?:Committee|Panel|Council|Board|meeting))"
)
_DELIVERABLE = (
    r"(?:reports?|updates?|information|briefings?|papers?|results?|responses?|strateg(?:y|ies)|data|"
    r"details?|notes?|letters?|links?|feedback|plans?|proposals?|answers?|breakdown|analysis|figures|"
    r"workshops?|meetings?|sessions?|emails?|scorecards?|dashboards?|reviews?|presentations?|"
    r"consultations?|evaluations?|lists?|cop(?:y|ies)|statements?|summar(?:y|ies)|recommendations?|"
    r"items?|surveys?|quotes?|quotations?|assessments?|options?|matters?|business\s+case|findings)"
)
_DELIVERABLE_RE = re.compile(rf"\b{_DELIVERABLE}\b", re.I)
# Future or obligation, after an agent or a deliverable.
_MODAL = (
    r"(?:will|would|shall|should|is\s+to|are\s+to|(?:has|have|had)?\s*(?:agreed|undertook|undertaken|offered|"
    r"intended|intends|planned|plans|promised)\s+to|(?:was|were|been|be)\s+(?:and\s+is\s+)?(?:hereby\s+)?"
    r"(?:authori[sz]ed\s+and\s+)?(?i:asked|requested|instructed|invited)\s+to|"
    r"(?:is|are|was|were)\s+(?:expected|due|scheduled|planned|going)\s+to|expected\s+to|to)"
)
_ADV = r"(?:(?:also|then|now|further|shortly|duly|hopefully|continue\s+to|be\s+able\s+to)\s+)*"
# Past participles of deeds that deliver ("be published", "be forwarded"); anything else
# ending "-ed" is taken too unless it is a deciding or state word below. An event "taking
# place" ("A Peer Review would be taking place in the week beginning 31st March") is news,
# not a commitment.
_IRREGULAR = (
    r"(?:made\s+available|sent|brought|sought|held|taken|given|shown|written|drawn\s+up|put|set\s+up|kept\s+informed|"
    r"kept\s+up\s+to\s+date|undertaken|done|paid|told|met|read|spoken|run|built|laid|reconvened)"
)
_NOT_DEEDS = {
    "noted", "received", "accepted", "approved", "adopted", "agreed", "endorsed", "supported",
    "confirmed", "ratified", "appointed", "elected", "co-opted", "coopted", "authorised",
    "authorized", "represented", "based", "involved", "required", "needed", "allowed",
    "granted", "retained", "maintained", "continued", "concerned", "interested", "pleased",
    "delighted", "disappointed", "aware", "satisfied", "prepared", "minded", "advised",
    "reminded", "expected", "delayed", "affected", "impacted", "lost", "used",
    "closed", "completed", "finished", "limited", "restricted", "reduced", "increased",
    "located", "situated", "deemed", "considered", "discussed", "welcomed", "thanked",
}  # fmt: skip
# Handled in the future, these are deliveries: "Quarterly updates would be received",
# "would be considered in November 2014", "a recommendation would be made".
_FUTURE_HANDLING = {"received", "considered", "discussed", "advised", "consulted", "made", "reviewed"}
_STATE_VERBS = {
    "be", "have", "need", "like", "love", "welcome", "remain", "continue", "cost", "mean", "seem",
    "appear", "help", "benefit", "depend", "vary", "allow", "enable", "result", "lead", "not",
    "support", "note", "accept", "approve", "adopt", "endorse", "agree", "confirm", "ratify",
    "recommend", "commend", "expect", "hope", "wish", "want", "prefer", "await", "postpone",
    "defer", "read", "must",
}  # fmt: skip

_CLAUSE_BOUNDARY = re.compile(
    r"[,;:(]|\b(?:that|and|but|which|where|while|whilst|although|because|as|if|when|so)\b", re.I
)
_EMBEDDED = re.compile(r"\b(?:how|why|what|whether|which|where|if)\s+(?:\S+\s+){0,3}$", re.I)
# What may stand before an instructed agent: a limb marker, the deciding word, "that".
_INSTRUCTED = re.compile(
    r"^[\W\d]*(?:[a-z]{1,2}[.)]\s*)?(?:(?:RESOLVED|Resolved|AGREED|Agreed|ACTION)\s*[:–-]?\s*)?(?:that\s+)?"
    # A first agent coordinated with the one that acts: "Clerk & County Cllr Webb to ask ...".
    r"(?:(?:the\s+|The\s+)?(?:Clerk|Chair(?:man|person)?|Officers?|RFO|(?:Councillor|Cllr)s?\.?\s+[A-Z][\w'’-]+)"
    r"\s*(?:&|and|,)\s*)*$"
)
# An action note in telegraphic form, an officer then a bare verb of doing: "Clerk chase Huw
# Jones for an update", "Clerk email the highways officer", "Clerk asked to contact the
# contractor" (Welsh and Norfolk community and parish councils' minutes). The verbs are a word
# class (deeds an officer does), so that "Clerk reported" or "Clerk said" is never read so.
_NOTE_ROLE = r"(?:(?:The|the)\s+)?(?:Clerk|Chair(?:man|person)?|RFO|Officers?|Proper\s+Officer)"
_NOTE_VERBS = (
    r"(?:chase|ask|email|e-mail|write|contact|circulate|arrange|send|order|check|obtain|inform|investigate|"
    r"liaise|forward|request|follow\s+up|book|reply|remind|thank|update|draft|prepare|seek|speak|raise|"
    r"organi[sz]e|pursue|source|get|place|look\s+into|notify|invite|advertise|publish|purchase|buy|renew|"
    r"apply|enquire|inquire|research|find|phone|telephone|ring|visit|respond|add|submit|distribute|"
    r"print|post|display|report)"
)
_TELEGRAPHIC = re.compile(
    rf"^[\W\d]*(?:[a-z]{{1,2}}[.)]\s*)?(?P<agent>{_NOTE_ROLE})\s+(?:also\s+)?"
    rf"(?:(?i:asked|requested|instructed)\s+to\s+(?P<verb>[a-z][\w-]*)|(?P<verb2>{_NOTE_VERBS})\b(?!\s+(?:that|to)\b)"
    # The verb's own object follows, not the rest of a noun phrase ("Clerk report attached",
    # "Clerk contact details are on the website").
    r"(?!\s+\w+ed\b|(?:\s+\w+){0,2}\s+(?:is|are|was|were|has|have|had)\b))"
)
# The Chair asking the Clerk or officers to act: "The Chairman asked the Clerk to investigate".
_CHAIR_ASKS = re.compile(
    r"\b(?:The\s+|the\s+)?Chair(?:man|person)?\s+(?:also\s+)?asked\s+(?:the\s+)?(?P<agent>Clerk|[Oo]fficers?|RFO)\s+"
    r"to\s+(?P<verb>[a-z]\w*)"
)
_PARTICIPLE = rf"(?:{_IRREGULAR}|[a-z][\w-]*(?:ed|en))"

_AGENT_FUTURE = re.compile(
    rf"(?P<agent>\b{_AGENT})\s+(?P<modal>{_MODAL})\s+{_ADV}(?P<verb>[a-z][\w-]*)(?P<rest>(?:\s+[\w-]+){{0,2}})"
)
_WHO = re.compile(
    rf"(?P<agent>\b{_AGENT}[^,;]{{0,40}}?),?\s+who\s+(?P<modal>will|would|shall|is\s+to)\s+(?P<verb>[a-z]\w*)"
)
_FUTURE_PASSIVE = re.compile(
    rf"\b(?P<modal>{_MODAL})\s+{_ADV}be\s+(?:\w+ly\s+)?(?P<verb>made|{_PARTICIPLE})\b"
)
# A deliverable "should" or "shall" do something is prescribed ("the next update report should
# include ..."); what it "will" do is a description ("The strategy would cover issues ..."),
# unless it is coming back to a meeting ("the Full Business Case would return to the Policy
# Committee").
_FUTURE_ACTIVE = re.compile(
    r"\b(?P<modal>shall|should)\s+(?:also\s+)?(?P<verb>[a-z][\w-]*)\b"
    r"|\b(?P<modal2>will|would)\s+(?:then\s+)?(?P<verb2>return|come\s+back|come|go|report\s+back|be\s+reported)\b"
)
_REPORTING_BACK = re.compile(r"\b(?:reporting|to\s+report|will\s+report|would\s+report)\s+back\b", re.I)
# "requested" takes any object ("They requested cross-party engagement"); "asked" only a
# request's ("asked for", "asked that", "asked officers to"), not "asked questions". The verb
# must be the requester's own, not a relative clause's ("the report ... which asked that").
_REQUEST = re.compile(
    rf"(?P<agent>\b{_REQUESTER})\b[^;]{{0,160}}?(?<!\bwhich\s)(?<!\bwho\s)(?<!\bthat\s)"
    r"\b(?:requested\s+\w|request(?:ed)?\s+(?:for|that|to)\b|asked\s+(?:for|that|to|(?:the\s+)?(?:[Oo]fficers?|Clerk|Chair)\b))"
)
_SUGGESTED = re.compile(
    r"\b(?:It\s+was|[A-Z]\w*)\s+(?:also\s+)?(?:suggested|planned|proposed|requested)\s+that\s+"
    r"(?P<np>[^;]{0,60}?)\s+(?:should\s+)?(?P<verb>[a-z]\w*)\b"
)
_SCHEDULED = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:scheduled|arranged|booked|planned)\s+(?:for|on)\b"
    r"|\b(?:has|have|had)\s+(?:scheduled|arranged|booked|planned)\s+(?:a|an|the|another|further)\s+"
    r"(?:\w+\s+){0,2}(?:meeting|visit|session|briefing|workshop|event)s?\b"
    rf"|\b{_DELIVERABLE}\s+(?:scheduled|planned|arranged|booked)\s+for\b",
    re.I,
)
# What may be scheduled as a commitment: a meeting or a deliverable ("Several schemes are
# scheduled for completion in 2027" describes a programme).
_SCHEDULABLE = re.compile(rf"\b(?:meeting|visit|session|briefing|workshop|event|{_DELIVERABLE})s?\b", re.I)
# In a decision: "be published", "should be forwarded", "to publish", "to have the policy
# published"; not what "will" or "can be" done, which the decision describes.
_SUBJUNCTIVE = re.compile(
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bmay\s)(?<!\bmight\s)"
    rf"\bbe\s+(?:(?:and\s+is\s+)?(?:hereby\s+)?)(?:duly\s+)?(?P<verb>{_PARTICIPLE}|made(?!\s+(?:a|an|the)\b))\b"
)
# An action note: a deliverable or task opening the sentence, then "to be" done ("The Review
# of the Standing Orders to be added as an agenda item", "The exact area ... to be
# identified and followed up").
_NOTE_PASSIVE = re.compile(
    rf"^[\W\d]*(?:[a-z]{{1,5}}\)\s*)?(?P<task>[A-Z][^;,]{{0,120}}?)\s+to\s+be\s+(?P<verb>{_PARTICIPLE})\b"
)
# The task of a note is a noun phrase; a verb in it makes the sentence prose ("Solutions
# continued to be sought", "These were available to be viewed", "Bus Gates need to be ...").
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|need|needs|"
    r"there|available|expected|likely|due|able|[a-z]+ed)\b",
    re.I,
)
# Welsh future with an agent: "Bydd y Cyng. J. Davies yn gwneud ymholiadau" (Cllr. J. Davies
# will make enquiries), "Bydd y Clerc yn ...".
_WELSH_FUTURE = re.compile(r"\b[Bb]ydd(?:ant)?\s+(?:y\s+|yr\s+)?(?:Cyng\.?|Clerc|Cadeirydd|Cynghorwyr)\b")
# "RESOLVED: to publish ...", "To bring to the next meeting ...", and the infinitives
# coordinated with the deciding one ("to adopt the draft IT Policy ..., and to have ...").
_INFINITIVE = re.compile(
    r"(?:^[\W\d]*|\b(?:RESOLVED|Resolved|AGREED|Agreed|resolved|agreed|decided|DECIDED)\b\s*[:–-]?\s*(?:unanimously\s+)?)"
    r"(?:[Tt]o)\s+(?P<verb>[a-z]\w*)\b"
)
_AND_TO = re.compile(r",?\s+and\s+to\s+(?P<verb>[a-z]\w*)\b")
_HAVE_DONE = re.compile(r"\bto\s+have\s+(?:the|it|this|these)\b[^;]{0,40}?\b(?P<verb>[a-z]\w*ed)\b")


@dataclass(frozen=True)
class Commitment:
    """A commitment found in a sentence: which shape found it and who is to act (or None)."""

    shape: str
    owner: str | None = None


def _is_deed_participle(word: str) -> bool:
    return word.lower() not in _NOT_DEEDS


def _is_deed_verb(word: str) -> bool:
    return word.lower() not in _STATE_VERBS and not word.lower().endswith("ly")


def _subject_before(sentence: str, position: int) -> str:
    """The words of the clause before `position` (its subject, in a simple clause)."""
    head = sentence[:position]
    boundaries = [m.end() for m in _CLAUSE_BOUNDARY.finditer(head)]
    return head[boundaries[-1] :] if boundaries else head


_NAMED = re.compile(r"\b(?:County\s+)?(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]*")


def _owner(agent: str, before: str = "") -> str | None:
    """Who acts: the agent, or for "he"/"she" the person the sentence named before it."""
    agent = agent.strip()
    if re.fullmatch(r"(?:[Mm]embers|[Cc]ouncillors)", agent):
        return None
    if agent.lower() in ("he", "she"):
        named = _NAMED.findall(before)
        return named[-1] if named else None
    return agent


# A person named without a title, opening the sentence: "Mark Pogmore will speak to the
# owner", "FR will speak to Wendy Baines", "G. Clere volunteered to remove the play equipment"
# (parish minutes name councillors by name or initials; Norfolk parishes, 2006-2014).
# A full name (two words, or an initial and a surname) or initials in capitals: a single
# capitalised word is as often a thing as a person ("Work will begin", "Highways will ...").
_NOT_A_NAME = r"(?!(?:The|This|That|These|Those|There|It|A|An|Our|Any|All|Each|Some|Next|Further)\b)"
_PERSON_OPENS = re.compile(
    rf"^{_NOT_A_NAME}(?P<agent>(?:[A-Z]\.\s*)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?|[A-Z]{{2,3}})\s+"
    rf"(?P<modal>will|would|is\s+to|agreed\s+to|offered\s+to|volunteered\s+to|undertook\s+to)\s+{_ADV}"
    r"(?P<verb>[a-z][\w-]*)"
)


def _agent_future(sentence: str, in_decision: bool) -> Commitment | None:
    person = _PERSON_OPENS.match(sentence)
    if person and _is_deed_verb(person.group("verb")):
        agent = person.group("agent")
        if agent.isupper() or re.search(r"\s|\.", agent):
            return Commitment("agent_future", agent)
    for m in _AGENT_FUTURE.finditer(sentence):
        verb = m.group("verb")
        if verb == "be":
            after = (m.group("rest") or "").split()
            if not after or not re.fullmatch(_PARTICIPLE + "|made", after[0]):
                continue
            if not (_is_deed_participle(after[0]) or after[0] in _FUTURE_HANDLING):
                continue
        elif not _is_deed_verb(verb):
            continue
        before = sentence[: m.start("agent")]
        if m.group("modal") == "to" and not _INSTRUCTED.search(before):
            # "X to do Y" instructs X when X opens the sentence: an action note ("Clerk to
            # gather the additional paperwork", "Agreed: the Clerk to order two benches");
            # "Authorised the Director ... to take all steps" delegates, and "asked for
            # people to leave a key" is prose.
            continue
        if _EMBEDDED.search(before):
            continue  # "ways in which ... officers would work" describes, promises nothing
        return Commitment("agent_future", _owner(m.group("agent"), before))
    note = _TELEGRAPHIC.search(sentence) or _CHAIR_ASKS.search(sentence)
    if note and _is_deed_verb(note.groupdict().get("verb") or note.groupdict().get("verb2") or "be"):
        return Commitment("agent_future", _owner(note.group("agent")))
    who = _WHO.search(sentence)
    if who and _is_deed_verb(who.group("verb")):
        return Commitment("agent_future", _owner(who.group("agent").split(",")[-1]))
    return None


def _delivered(sentence: str, in_decision: bool) -> Commitment | None:
    for m in _FUTURE_PASSIVE.finditer(sentence):
        if m.group("modal") == "to" and not re.search(
            r"\b(?:expected|due|scheduled|planned|asked|going)\s+to\s*$", sentence[: m.end("modal")]
        ):
            continue  # "to be provided" alone is an infinitive of purpose, not a promise
        participle = m.group("verb").split()[0].lower()
        if not (_is_deed_participle(participle) or participle in _FUTURE_HANDLING):
            continue
        # What a decision says "would be circulated" is promised whatever its subject ("It was
        # agreed that this would be clarified as a percentage"); in discussion the subject
        # must be a deliverable or an agent, or the sentence must name the time.
        subject = _subject_before(sentence, m.start("modal"))
        if _EMBEDDED.search(sentence[: m.start("modal")]):
            continue  # "to see how the works will be mitigated", "of which £5m will be allocated"
        if (
            in_decision
            or _DELIVERABLE_RE.search(subject)
            or re.search(rf"\b{_AGENT}\b", subject)
            # A person or firm named to do it: "The issue with the bench will be rectified by
            # CGM", "... will be checked by Cllr Hart" (a body's own programme is news).
            or re.match(
                r"\s+by\s+(?:the\s+Clerk\b|[A-Z]{2,5}\b|(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s)",
                sentence[m.end() :],
            )
            or resolve_due(sentence, None).due_text
        ):
            return Commitment("delivered")
    for m in _FUTURE_ACTIVE.finditer(sentence):
        verb = m.group("verb") or m.group("verb2")
        subject = _subject_before(sentence, m.start("modal") if m.group("modal") else m.start("modal2"))
        if verb != "be" and _is_deed_verb(verb) and _DELIVERABLE_RE.search(subject):
            return Commitment("delivered")
    scheduled = _SCHEDULED.search(sentence)
    if _REPORTING_BACK.search(sentence) or (scheduled and _SCHEDULABLE.search(sentence[: scheduled.end()])):
        return Commitment("scheduled")
    return None


def _request(sentence: str, in_decision: bool) -> Commitment | None:
    if _REQUEST.search(sentence):
        return Commitment("request")
    suggested = _SUGGESTED.search(sentence)
    if (
        suggested
        and (
            re.search(rf"\b{_AGENT}\b", suggested.group("np"))
            or _DELIVERABLE_RE.search(suggested.group("np"))
        )
        and _is_deed_verb(suggested.group("verb"))
    ):
        return Commitment("request")
    return None


def _noted_task(sentence: str, in_decision: bool) -> Commitment | None:
    note = _NOTE_PASSIVE.search(sentence)
    if note and _is_deed_participle(note.group("verb")) and not _FINITE.search(note.group("task")):
        return Commitment("decided")
    if _WELSH_FUTURE.search(sentence):
        return Commitment("agent_future")
    return None


def _decided(sentence: str, in_decision: bool) -> Commitment | None:
    if not in_decision:
        return None
    if any(_is_deed_participle(m.group("verb").split()[0]) for m in _SUBJUNCTIVE.finditer(sentence)):
        return Commitment("decided")
    frames = list(_INFINITIVE.finditer(sentence))
    if frames:
        verbs = [m.group("verb") for m in frames]
        verbs += [m.group("verb") for m in _AND_TO.finditer(sentence, frames[0].end())]
        if any(_is_deed_verb(verb) for verb in verbs):
            return Commitment("decided")
    done = _HAVE_DONE.search(sentence)
    if done and _is_deed_participle(done.group("verb")):
        return Commitment("decided")
    return None


# The shapes, tried in order; the first that finds a commitment names it (and its owner).
_SHAPES = [_agent_future, _delivered, _request, _noted_task, _decided]


def commitment_in(sentence: str, in_decision: bool = False) -> Commitment | None:
    """The commitment `sentence` records, or None (see the module doc)."""
    for shape in _SHAPES:
        found = shape(sentence, in_decision)
        if found:
            return found
    return None
