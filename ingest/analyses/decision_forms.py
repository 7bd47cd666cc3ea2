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
    shouted,
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
# (A running minute number with no point, "682 Minutes of …", is a lead too.)
# (And a running minute number with its year: "21/3 Minutes of the previous meeting – …".)
_LEAD = (
    r"(?:(?:[-•*·▪●◦]|\(?[a-zA-Z0-9]{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,5}(?=\s+[A-Z])"
    r"|\d{1,4}/\d{1,4}(?:/\d{1,4})?(?=\s+[A-Z]))\s+)?"
)
# An opening phrase before the subject: "After some discussion, ", "Following debate, ".
_OPENER = (
    r"(?:(?:After|Following|Upon|On|Having|Accordingly|Therefore|Thereafter|Subsequently)\b"
    r"(?:[^;:]{0,80}?,\s*"
    # or with no comma, straight before the meeting as subject: "After discussion the council
    # agreed to complete the form".
    r"|[^;:,]{0,60}?\s(?=the\s+(?:council|committee|members|councillors|panel|board|cabinet)\b)))?"
)
_ADV = rf"(?:{ADVERBS}\s+)*"
# A frame verb capitalised for emphasis governs its clause: "The Council Resolved to accept".
_TITLED = r"(?:Resolved|Agreed|Decided)(?=\s+(?:to|that)\b|\s*:)"


# ------------------------------------------------------------------------------- shouted

_SHOUTED = re.compile(
    # (A licensing panel's or a Scottish council's "ORDERED that …" decides as RESOLVED does.)
    r"\b(?P<verb>RESOLVED|ORDERED)\b(?!\s+(?:ISSUES?|MATTERS?))"
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

# A resolution's own reference after the deciding word: "Resolved 15/03/11.01" (Norfolk parish
# minutes number each resolution by its minute).
_REF = r"\(?\d{1,4}(?:[/.]\d{1,4})+[a-z]?\)?"
# A run-in heading before the deciding word: "2713. Approval of minutes of previous meeting:
# Approved & signed as correct.", "To confirm the allowances: £156 per councillor: Agreed that
# this be paid." (the item's title, its particulars and its decision on one line).
# So may a heading in capitals set off by a dash: "3564 MINUTES – Resolved – That the minutes
# …" (not an application's reference and address: "21/01236/F – 2 Mill Lane – Approved.").
_RUN_IN = r"(?P<runin>[^.;!?|]{3,160}?:-?\s+|(?-i:[\dA-Z][\dA-Z &'’,/()-]{2,120})\s[–—-]\s+)?"
# A label may name whose decision it is: "Council Decision:", "Committee Resolution –".
_OWNER = r"(?P<owner>(?:Council|Committee|Meeting|Board|Panel|Cabinet)(?:['’]s)?\s+)?"
_HEADLINE = re.compile(
    rf"^{_LEAD}{_RUN_IN}{_OWNER}(?:(?:Unanimously|UNANIMOUSLY)\s+)?(?P<verb>RESOLVED|Resolved|AGREED|Agreed|DECIDED|Decided|NOTED|Noted|APPROVED|Approved|"
    r"CARRIED|Carried|LOST|Lost|DEFERRED|Deferred|REFUSED|Refused|ENDORSED|Endorsed|ACCEPTED|Accepted|"
    r"ADOPTED|Adopted|RATIFIED|Ratified|DECISION|Decision|RESOLUTION|Resolution)\b"
    r"(?P<after>\s*(?:\(?\s*(?:unanimously|UNANIMOUSLY|nem\.?\s*con\.?)\s*\)?)?\s*"
    r"(?:[:;.,–—-]|\(|\bthat\b|\bto\b|$)|\s+(?:the|a|an|this|these|all|each|its|their)\b"
    rf"|\s+(?P<ref>{_REF})(?=\s|$|\s*[:.–—-])|\s+(?:&|(?:and|as|for|by|subject|unanimously)\b)"
    # A decision without its "that": "Agreed consideration be given to …".
    r"|\s+(?=[^.;:]{1,60}?\bbe\s+[a-z]+(?:ed|en)\b))"
)
_LABEL_ONLY = {"decision", "resolution"}
_STANDALONE = {"carried", "lost"}


def _headline(sentence: str, setting: Setting) -> Hit | None:
    m = _HEADLINE.match(sentence)
    if not m:
        return None
    verb, after = m.group("verb"), m.group("after").strip()
    word = verb.lower()
    # "RESOLUTION 23/45: to accept ..." heads one by its reference.
    labelled = after.startswith((":", "–", "—", "-")) or (
        bool(m.group("ref")) and re.match(r"\s*[:.–—-]", sentence[m.end() :]) is not None
    )
    if word in _LABEL_ONLY and not labelled:
        return None  # "Resolution 5 was carried" names a resolution; "Resolution:" heads one
    if m.group("owner") and not (word in _LABEL_ONLY and labelled):
        return None  # "Council Approved Payments" is a title; "Council Decision:" heads one
    if word in _STANDALONE and re.match(r"(?:the|a|an|this|these|all|each|its|their)\b", after):
        return None  # "Lost property ..." is not a vote
    rest = sentence[m.end("verb") :]
    if word == "noted" and NOT_A_NOTING.match(rest) and not NOTED_RECEIPT.match(rest):
        return None  # "Noted that Cllr Nickles asked about the A134" reports a point
    if after.startswith("by") and not OWN_AGENT.match(sentence[m.end("verb") :]):
        return None  # "Approved by the Borough Council on 3 May" reports another body's decision
    # "RESOLVED", "Resolved:", "Resolved 15/03/11.01" or a deciding word standing alone on its
    # line heads what follows.
    announced = (
        verb.isupper()
        or after.startswith((":", "–", "—", "-", "that"))
        or bool(m.group("ref"))
        or not sentence[m.end() :].strip()
    )
    motion = word in _STANDALONE
    default = "rejected" if word == "lost" else "approved"
    return Hit("headline", m.start("verb"), m.end("verb"), verb, "paragraph" if announced else "sentence",
               motion=motion, default=default)  # fmt: skip


# ---------------------------------------------------------------------------- impersonal

# "It was resolved by a majority to accept ..." reads its agent from `rest`; "It was carried
# that the Clerk write to the MP" is a motion's fate in the impersonal; minutes in the present
# write "It is agreed that ...".
_IMPERSONAL = re.compile(
    rf"(?:\b[Ii]t\s+was\s+{_ADV}(?P<verb>{forms('resolve', 'agree', 'decide', 'determine', 'approve')}"
    rf"|{_TITLED}|carried(?=\s+(?:that|unanimously)\b))\b"
    rf"|\b[Ii]t\s+is\s+{_ADV}(?P<verb2>agreed|resolved|decided)(?=\s+(?:that|to)\b))"
    r"(?P<rest>[^;]{0,40})"
)
_COORDINATED = re.compile(
    rf"\b[Ii]t\s+was\b[^;]{{0,240}}?\band\s+{_ADV}(?P<verb>agreed|resolved|decided),?\s+(?:that|to)\b"
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
    if re.search(r"\bpreviously\b", sentence[: m.start()], re.I):
        return None  # "This matter has arisen previously and it was decided ..." recalls a decision
    group = "verb" if m.group("verb") else "verb2"
    return Hit("impersonal", _decision_start(sentence, m.start()), m.end(group), m.group(group))


# ----------------------------------------------------------------------- meeting_subject

# (An item's heading may run in first, in title case: "5. Meeting Calendar Members noted the
# schedule of meetings".)
_RUN_IN_HEADING = (
    r"(?:(?!(?:As|Since|Because|If|When|While|After|Before|Once|Although|Though|Unless|Where|All|The)\b)"
    r"(?:[A-Z][\w&'’-]*\s+){1,5}(?=(?:Members|Councillors|Cllrs)\s))?"
)
_SUBJECT_START = rf"^{_LEAD}{_RUN_IN_HEADING}{_OPENER}(?:That\s+|that\s+)?"
# Names after "Cllrs" or "Councillors" make them those councillors, not the meeting ("Cllrs
# Ames and Bell visited the site and agreed to ...").
_NOT_NAMED = r"(?!\s+(?:Mrs?|Ms|Miss|Dr|[A-Z][a-z]+)\b)"
# The verb in lower case or in capitals ("The Council NOTED the report"), after "received
# and" ("Members received and noted the correspondence") or "did not" ("The Council did not
# approve the request": the bare form, a refusal).
_BODY_VERB = rf"(?:{BODY_VERBS}|{shouted(BODY_VERBS)}|{_TITLED})"
_MEMBER_VERB = rf"(?:{MEMBER_VERBS}|{shouted(MEMBER_VERBS)}|{_TITLED})"
_AUX = r"(?:(?:received|RECEIVED)\s+(?:and|AND)\s+|did\s+not\s+)?"
_BODY_ACTIVE = re.compile(
    rf"{_SUBJECT_START}(?P<subject>{BODY_SUBJECT})\s+{_ADV}{_AUX}(?P<verb>{_BODY_VERB})\b"
    rf"|{_SUBJECT_START}(?P<subject2>{BODY_SUBJECT})\b[^;]{{0,200}}?\band\s+{_ADV}(?P<verb2>{_BODY_VERB})\b"
)
_MEMBERS_ACTIVE = re.compile(
    rf"{_SUBJECT_START}(?P<subject>{MEMBERS})\s+{_ADV}{_AUX}(?P<verb>{_MEMBER_VERB})\b"
    rf"|{_SUBJECT_START}(?P<subject2>{MEMBERS}){_NOT_NAMED}\b[^;]{{0,200}}?\band\s+{_ADV}(?P<verb2>{_MEMBER_VERB})\b"
)
# The meeting as the subject of a main clause after a comma, the clause before it no "if" or
# "whether" (conditional) and no "that," opening a reported aside: "The Clerk requested that
# the date be moved by a week, the Council agreed to move it to 12 August" (a comma splice),
# "With the hall booked, Councillors approved the hire".
_BEFORE_COMMA = r"^(?:(?!\b(?i:whether|if)\b|\bthat\s*,)[^;])*?,\s+"
_BODY_CLAUSE = re.compile(rf"{_BEFORE_COMMA}(?P<subject>{BODY_SUBJECT})\s+{_ADV}(?P<verb>{_BODY_VERB})\b")
_MEMBERS_CLAUSE = re.compile(rf"{_BEFORE_COMMA}(?P<subject>{MEMBERS})\s+{_ADV}(?P<verb>{_MEMBER_VERB})\b")
# A subordinate opening whose comma the minute-taker left out: "As £1,000 had been set aside
# for grants Councillors approved payment", "Following this amendment all agreed that ...".
# Members only (a named body there may be another's), and the verb must govern something:
# "As Members agreed, the hedge will be cut" is the subordinate clause itself.
_MEMBERS_AFTER_OPENING = re.compile(
    rf"^{_LEAD}(?:As|Since|Because|Following|After|Once|Given|Having|With|By)\b[^;,]{{1,160}}?\s"
    rf"(?P<subject>{MEMBERS}){_NOT_NAMED}\s+{_ADV}(?P<verb>{_MEMBER_VERB})\b(?!\s*(?:[,.;:]|$))"
)
# A vote that opens the sentence, its comma left out: "By a vote of 6 to 2 the Council
# approved the scheme".
_BODY_AFTER_VOTE = re.compile(
    rf"^{_LEAD}By\s+(?:a\s+)?(?:\w+\s+){{0,2}}?(?:vote|votes|majority)\b[^;,]{{0,40}}?\s"
    rf"(?P<subject>{BODY_SUBJECT})\s+{_ADV}(?P<verb>{_BODY_VERB})\b"
)
# A body's verb in the present or the bare form reads as a decision only after "That" (the
# resolution's own wording, "That the Committee notes the report"); in prose "The Council
# supports local businesses" is a description.
_PAST_ONLY = re.compile(r"(?:ed|lost|fell|chose)$", re.I)
# Minutes written in the present decide in the present with a frame verb that governs a deed:
# "The Council agrees to fund the repair", "Members resolve to write to the MP".
_PRESENT_FRAME = re.compile(r"(?:resolves|agrees|decides)\s+to\s+[a-z]", re.I)
# Verbs that take a clause are decisions only when they govern one ("agreed to", "resolved
# that") or an object; "accepted that", "confirmed that" concede a point of debate.
_CONCEDING = re.compile(r"^(?:accept|confirm|support|endorse|approv|adopt)", re.I)
# Each pattern with whether its subject is the members (else a named body, which must be the
# paper's own) and whether a leading "That" may make a present-tense verb a resolution's.
_SUBJECT_PATTERNS = (
    (_BODY_ACTIVE, False, True),
    (_MEMBERS_ACTIVE, True, True),
    (_BODY_CLAUSE, False, False),
    (_MEMBERS_CLAUSE, True, False),
    (_MEMBERS_AFTER_OPENING, True, False),
    (_BODY_AFTER_VOTE, False, False),
)


def _meeting_subject(sentence: str, setting: Setting) -> Hit | None:
    for pattern, is_members, may_lead in _SUBJECT_PATTERNS:
        m = pattern.search(sentence)
        if not m:
            continue
        subject_group, verb_group = ("subject", "verb") if m.group("verb") else ("subject2", "verb2")
        subject, verb = m.group(subject_group), m.group(verb_group)
        after = sentence[m.end(verb_group) :]
        led_by_that = may_lead and bool(re.match(rf"{_LEAD}{_OPENER}That\s", sentence))
        if not is_members and not named_body_matches(subject, setting.body):
            continue
        refused = bool(re.search(r"\bdid\s+not\s+$", sentence[: m.start(verb_group)]))
        if not (led_by_that or refused or _PAST_ONLY.search(verb) or _PRESENT_FRAME.match(verb + after)):
            continue
        if verb.lower().startswith("not") and NOT_A_NOTING.match(after) and not NOTED_RECEIPT.match(after):
            continue
        if _CONCEDING.match(verb) and re.match(r"\s*that\b", after, re.I):
            continue
        if subject.lower() == "all" and not may_lead and not re.match(r"\s*(?:to|that)\b", after):
            continue  # "with all agreed parties" is not the members agreeing
        if verb.lower().startswith("vot") and not re.match(
            r"\s*(?:to|in\s+favour|unanimously|for|against)\b", after, re.I
        ):
            continue  # fmt: skip
        if ELSEWHERE.match(after) and not OWN_AGENT.match(after):
            continue  # "Members agreed at the last meeting to ..." reports an earlier decision
        start = _decision_start(sentence, m.start(subject_group) if may_lead else 0)
        return Hit("meeting_subject", start, m.end(verb_group), verb)
    return None


# ----------------------------------------------------------------------- passive_decided

# The decided thing opens the sentence or the clause after a comma ("Requests ... were
# considered and, in line with the Council's policy ..., the following donations were agreed:").
# A first participle may be coordinated with the deciding one ("These were presented by the
# outgoing chair and approved", "copies of the figures were circulated and agreed"); "This" and
# "These" stand for the proposal just described ("This was approved."). The subject holds no
# finite verb of its own: "This was based on a framework, and assessments were carried out"
# and "identified by residents after the scheme was agreed" are two clauses.
_PASSIVE = re.compile(
    rf"(?:^{_LEAD}|[,;]\s+|\band\s+(?=(?:the|a|an)\s))(?P<that>That\s+|that\s+)?(?P<np>(?!(?:It|it|There|there|He|She|We|I|Officers?|"
    r"Members|Councillors)\b)(?:[A-Z(£]|(?:the|a|an|all|these|those|both)\s|this(?=\s))(?:(?!\b(?:was|were|had|has|have)\b)[^;:]){0,160}?)"
    r"\s+(?P<aux>was|were|be|is|are)\s+"
    rf"{_ADV}(?:(?P<first>[a-z]+(?:ed|en)|read(?:\s+out)?)\b[^;:]{{0,80}}?\band\s+{_ADV})??"
    # A list of participles before the deciding one: "were read, approved and signed".
    r"(?:(?:read|taken\s+as\s+read|[a-z]+(?:ed|en)),\s+)?"
    # (The deciding word may be set in capitals: "were ACCEPTED as a true record".)
    rf"(?P<verb>(?i:{PASSIVE_VERBS}))\b"
)
# The decided thing's second passive after a pluperfect one, its subject not repeated: "The
# minutes had been circulated prior to the meeting and were accepted as an accurate record".
_ELIDED_PASSIVE = re.compile(
    # (Its capitalised article may follow a heading run in on its line.)
    rf"(?:^{_LEAD}|(?<=\s))(?P<that>)(?P<np>(?-i:The|These|This)\s+[^;:,]{{1,60}}?)\s+(?:had|has|have)\s+been\s+"
    rf"(?P<first>[a-z]+(?:ed|en))\b[^;:]{{0,100}}?\band\b[^;:]{{0,80}}?\s(?P<aux>was|were)\s+{_ADV}"
    rf"(?P<verb>{PASSIVE_VERBS})\b"
)
# The minutes' passive with no subject at all, under their heading: "Were read out and duly
# signed off by the Chairman to be a true record."
_SUBJECTLESS_PASSIVE = re.compile(
    rf"^{_LEAD}(?P<that>)(?P<np>)(?P<aux>Were|Was)\s+(?:(?P<first>read(?:\s+out)?|[a-z]+(?:ed|en))\b[^;:]{{0,40}}?"
    rf"\band\s+{_ADV})?(?P<verb>{PASSIVE_VERBS})\b"
)
# A passive anywhere in the sentence whose agent is the meeting itself: "As £500 had been
# budgeted for the works payment was agreed by Cllrs when the invoice is received".
_BY_THE_MEETING = re.compile(
    rf"\b(?:was|were)\s+{_ADV}(?P<verb>{PASSIVE_VERBS})\s+by\s+(?:all\s+)?(?:the\s+)?"
    r"(?:(?:parish|town|community|full)\s+)?(?:council|councillors|cllrs|members|meeting|committee)(?:\s+present)?\b",
    re.I,
)


# The passive with its subject after it, as Scottish minutes put a paper to the meeting:
# "There was submitted and noted Report No 51/09 by the Director", "There were submitted and
# approved the accounts for the quarter".
_THERE_WAS = re.compile(
    rf"^{_LEAD}There\s+(?:was|were)\s+(?:submitted|circulated|presented|tabled|considered)\s+and\s+{_ADV}"
    r"(?P<verb>noted|approved|agreed|accepted|adopted|endorsed)\b"
)
_APOLOGIES = re.compile(r"\bapolog", re.I)
# Another body named in the clause of a first participle.
_OTHER_AGENT = re.compile(
    r"\b(?:by|to|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:Council|Committee|Cabinet|Authority|Board|Panel|"
    r"Inspector|Inspectorate|Secretary|Government|Department|Borough|District|County)\b"
)


# A relative clause whose antecedent is the decided thing: "Councillors were presented with a
# copy of the Annual Governance Statement which was considered and approved" (Norfolk parish
# minutes, 2019).
_WHICH_PASSIVE = re.compile(
    rf"(?P<np>\b(?:[A-Z][\w'’-]*|[a-z]+)(?:\s+[\w'’-]+){{0,4}}),?\s+(?P<that>)(?:which|that)\s+(?P<aux>was|were)\s+{_ADV}"
    rf"(?:(?P<first>[a-z]+(?:ed|en)|read)\b[^;:]{{0,40}}?\band\s+{_ADV})??(?P<verb>{PASSIVE_VERBS})\b"
)


# A relative clause set off by commas inside the decided thing: "The minutes, copies of which
# had been circulated to Members, were read, accepted as a true record and signed" (Maesteg).
_ASIDE = re.compile(r",\s+(?:copies\s+of\s+)?which\s+[^,;]{1,100},")


def _passive_decided(sentence: str, setting: Setting) -> Hit | None:
    # The aside is blanked out (same length, so offsets hold) before the subject is read.
    sentence = _ASIDE.sub(lambda aside: " " * len(aside.group()), sentence)
    m = next(
        (
            found
            for pattern in (_PASSIVE, _WHICH_PASSIVE, _ELIDED_PASSIVE, _SUBJECTLESS_PASSIVE)
            # Every passive in turn: "Three quotes were received and the contract was awarded".
            for found in pattern.finditer(sentence)
            if _passive_decides(found, sentence)
            and not _to_another_body(sentence[found.end("verb") :], setting)
        ),
        None,
    )
    if m is None and (inverted := _THERE_WAS.match(sentence)):
        return Hit(
            "passive_decided", _decision_start(sentence, 0), inverted.end("verb"), inverted.group("verb"),
            default=outcome_of(inverted.group("verb")) or "approved",
        )  # fmt: skip
    if m is None:
        agent = _BY_THE_MEETING.search(sentence)
        if (
            agent is None
            or agent.group("verb").lower() in ("noted", "given", "received", "received and noted")
            or not _participle(agent.group("verb"))
        ):
            return None
        if ELSEWHERE.match(sentence[agent.end() :]):
            return None  # "... was approved by the Council in 2019" reports an earlier decision
        return Hit("passive_decided", _decision_start(sentence, 0), agent.end("verb"), agent.group("verb"))
    start = m.start("np") if not m.group("that") else m.start("that")
    # A paper received is noted, whatever the sentence goes on to say it showed.
    default = "noted" if m.group("verb").lower() == "received" else "approved"
    return Hit("passive_decided", start, m.end("verb"), m.group("verb"), default=default)


# "elected to the District Council", "appointed to the County Council's board": a seat on
# another body, not the meeting electing someone.
_SEAT_ON = re.compile(
    r"^\s+(?:to|onto|on)\s+(?P<body>(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,5}?"
    r"(?:Council|Parliament|Senedd|Assembly|Authority|Board|Trust))\b"
)
_OTHER_TIER = re.compile(r"\b(?:District|County|Borough|City|Unitary|Parliament|Senedd|Assembly)\b")


def _to_another_body(after: str, setting: Setting) -> bool:
    seat = _SEAT_ON.match(after)
    if not seat:
        return False
    if setting.body:
        return not named_body_matches(seat.group("body"), setting.body)
    return bool(_OTHER_TIER.search(seat.group("body")))


def _decided_elsewhere(after: str) -> bool:
    """Whether the words after a passive verb give it another agent or an earlier time ("by
    Cabinet", "at the last meeting", "by the Council in 2019")."""
    own = OWN_AGENT.match(after)
    return bool(ELSEWHERE.match(after[own.end() :] if own else after))


_GIVEN_SUBJECT = re.compile(r"\b(?:approval|agreement|authority|authori[sz]ation)\s*$", re.I)


def _participle(verb: str) -> bool:
    """A past participle, not a progressive or present ("was supporting", "is adopts")."""
    return not re.search(r"(?:ing|s)$", verb, re.I)


def _passive_decides(m: re.Match[str], sentence: str) -> bool:
    """Whether a passive the pattern found records the meeting's own decision."""
    aux, verb, np = m.group("aux"), m.group("verb"), m.group("np")
    after = sentence[m.end("verb") :]
    if not _participle(verb):
        return False
    if verb.lower() == "given" and not _GIVEN_SUBJECT.search(np):
        return False  # "A presentation was given" decides nothing; "Approval was given" does
    if verb.lower() == "carried" and re.match(r"\s+(?:out|forward|over|through|on|off)\b", after):
        return False  # "assessments were carried out" is work done, not a motion carried
    if aux in ("is", "are", "be") and not m.group("that"):
        return False  # "The scheme is supported by ..." describes; "That the policy is accepted" decides
    mover = verb.lower().startswith(("moved", "proposed"))  # "by Cllr Clark" names the mover
    if (_decided_elsewhere(after) and not mover) or re.match(r"\s*that\b", after):
        return False
    receipts = ("accepted", "noted", "received", "received and noted")
    if verb.lower() in receipts and _APOLOGIES.search(sentence):
        return False  # apologies for absence received are the attendance record, not business
    if m.group("first") and _OTHER_AGENT.search(sentence, m.end("first"), m.start("verb")):
        return False  # "submitted to the Borough Council by the owners and approved" is theirs
    # "Concerns were noted" is debate; "The report was noted" decides. A bare "This was
    # noted" notes a point.
    if verb.lower() == "received" and not _RECEIVED_PAPER.fullmatch(np.strip()):
        return False
    return verb.lower() != "noted" or bool(re.search(rf"\b{PAPER_NOUNS}\b", np, re.I))


# Received decides as noted only for the item's own paper, named in a few words ("The report",
# "The Clerk's report", "The following decision"): "An update was received regarding ..." and
# "two bids for the contract were received" record what arrived.
_RECEIVED_PAPER = re.compile(
    rf"(?!(?:an?|one|two|three|four|five|several|some|\d+)\s)(?:(?:the|this|these)\s+)?(?:[\w'’-]+\s+){{0,3}}?"
    rf"{PAPER_NOUNS}",
    re.I,
)


# -------------------------------------------------------------------------------- motion

_MOTION_NOUN = r"(?:motion|resolution|recommendation|amendment|proposal|proposition)s?"
_MOTION = re.compile(
    rf"\b{_MOTION_NOUN}\b(?P<mid>[^;]{{0,60}}?)\b(?:was|were|is|are)\s+{_ADV}"
    r"(?P<verb>(?i:carried|lost|passed(?!\s+(?:on|to|through)\b)|defeated|agreed|approved|adopted|rejected|declined|noted))\b"
    rf"|\b{_MOTION_NOUN}\b[^;]{{0,60}}?\b(?P<fell>FELL|fell)\b"
    r"|\bvote\b[^;]{0,80}?\b(?P<vote>CARRIED|LOST|FELL)\b"
    # "The Chairman declared the motion carried."
    rf"|\bdeclared\s+(?:the\s+)?{_MOTION_NOUN}\s+(?:to\s+(?:be|have\s+been)\s+)?(?P<declared>carried|lost|defeated)\b"
    # A motion's fate with no auxiliary: "Motion carried.", "Amendment LOST", "Proposal defeated".
    rf"|^{_LEAD}(?:The\s+|This\s+)?{_MOTION_NOUN}\s+(?P<bare>carried|lost|passed|defeated|fell)\b(?!\s+(?:out|on|to|over|through)\b)"
    # "... seconded by Cllr Y and carried by 5 votes to 2"; "..., which was carried unanimously".
    r"|\b(?:seconded|this\s+was|which\s+was|it\s+was)\b[^;.]{0,80}?\band\s+(?P<and>carried|lost|defeated)\b"
    # "All in favour", "All Councillors present were in agreement."
    # A tally's last clause too: "…, Cllr J Middleton abstained, All other Cllrs were in favour."
    r"|(?:^|[,;]\s+)(?P<all>All\s+(?:other\s+)?(?:(?:the\s+)?(?:councillors|members|cllrs)\s+)?(?:present\s+)?"
    r"(?:were\s+)?in\s+(?:favour|agreement))\b",
    re.I,
)
_FATE = {"carried", "lost", "passed", "defeated", "fell"}


def _motion(sentence: str, setting: Setting) -> Hit | None:
    m = _MOTION.search(sentence)
    if not m:
        return None
    group = next(g for g in ("verb", "fell", "vote", "all", "declared", "bare", "and") if m.group(g))
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
    motion = word in _FATE or group in ("vote", "all", "declared", "bare", "and")
    default = "rejected" if rejected else ("noted" if word == "noted" else "approved")
    return Hit("motion", _decision_start(sentence, 0), m.end(group), verb, motion=motion, default=default)


# ------------------------------------------------------------------------- decision_noun

# A decision named by its noun rather than its verb: "A decision was made to postpone the
# event", "The decision was taken to close the toilets for winter", "Agreement was reached to
# share the cost", "Councillors were in agreement that the hedge be cut", "Councillors gave
# approval for the Clerk to order a sign", "The Council gave its support to the application".
# The decision must govern what is decided ("to", "that", "for"): "a decision was made by
# Highways" and "agreement was reached at the last meeting" are someone else's or earlier.
_DECISION_NOUN = re.compile(
    r"^[\W\d]*(?:[a-z]{1,2}[.)]\s*)?(?:(?:After|Following)\b[^;,]{0,60},\s*)?"
    r"(?i:(?:(?:A|The|An)\s+)?(?:(?:unanimous|majority|final|formal|clear|general)\s+)?"
    r"(?P<noun>decision|agreement|consensus)\s+(?:was|were)\s+(?:then\s+|duly\s+|finally\s+)?"
    r"(?P<verb>made|taken|reached|agreed)\s+(?=(?:that|to)\s))"
    rf"|^{_LEAD}(?P<subject>{MEMBERS}|{BODY_SUBJECT})\s+(?:were|was)\s+(?:all\s+|unanimously\s+|fully\s+)?"
    r"(?P<verb2>in\s+agreement)(?=\s+(?:that|to)\s|\s*[.;]?\s*$)"
    rf"|^{_LEAD}(?P<subject3>{MEMBERS}|{BODY_SUBJECT})\s+(?:then\s+|unanimously\s+)?(?P<verb3>gave)\s+"
    r"(?:(?:its|their|unanimous|full|formal)\s+)*(?P<what>approval|agreement|consent|support)\s+(?=(?:for|to)\s)"
)
_MEMBERS_ONLY = re.compile(rf"(?:{MEMBERS})")


def _decision_noun(sentence: str, setting: Setting) -> Hit | None:
    m = _DECISION_NOUN.search(sentence)
    if not m:
        return None
    group = next(g for g in ("verb", "verb2", "verb3") if m.group(g))
    subject = m.group("subject") or m.group("subject3")
    if subject and not _MEMBERS_ONLY.fullmatch(subject) and not named_body_matches(subject, setting.body):
        return None
    default = "endorsed" if (m.group("what") or "").lower() == "support" else "approved"
    return Hit("decision_noun", _decision_start(sentence, 0), m.end(group), m.group(group), default=default)


# -------------------------------------------------------------------------------- signed

# The chair signing the minutes (their confirmation) or the cheques the meeting authorised, in
# the active: "The Chairman signed the minutes as a true record", "The Chair then signed them".
_SIGNED = re.compile(
    rf"^{_LEAD}(?:The\s+|the\s+)?(?:(?:Vice|Deputy)[- ])?"
    r"(?:Chair(?:man|person|woman)?|Mayor|Presiding\s+Member)\s+(?:then\s+|duly\s+|also\s+)?(?P<verb>signed)\s+(?:them|these|(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:minutes|cheques))\b"
)


def _signed(sentence: str, setting: Setting) -> Hit | None:
    m = _SIGNED.search(sentence)
    if not m:
        return None
    return Hit("signed", _decision_start(sentence, 0), m.end("verb"), m.group("verb"))


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
# A nomination seconded is a proposal too ("David Llewellyn was nominated and seconded as
# Chairman", Norfolk parish minutes, 2019).
_PROPOSE = r"(?:(?:propos|mov)(?:ed|er|al)|nominated|cynigiwyd)"
_SECOND = r"(?:second(?:ed|er)|eiliwyd)"
_PROPOSED = re.compile(
    rf"\b{_PROPOSE}\b[^;]{{0,200}}?\b{_SECOND}\b|\b{_SECOND}\b[^;]{{0,200}}?\b{_PROPOSE}\b", re.I
)


_OWN_FATE = re.compile(
    r"\b(?:agreed|resolved|carried|approved|passed|unanimous(?:ly)?|lost|fell|defeated|in\s+favour|by\s+all|"
    # An election settled: "... and with no further nominations duly accepted the role".
    r"(?:duly\s+)?(?:elected|appointed|accepted)|no\s+(?:other|further)\s+nominations|"
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
    # The same cell flattened onto its heading's line: "2. Record of members present Noted."
    # (a lower-case word, then the capitalised verdict closing the line). "Correspondence to
    # be Noted" is an agenda's wording, not a verdict.
    r"|(?<![|\w])(?<!\bbe )(?<!\bto )(?<!\bfor )(?<!\band )(?<=[a-z)] )"
    r"(?P<flat>Noted|Agreed|Approved|Accepted|Deferred|Carried)\.?\s*$"
)


def _margin(sentence: str, setting: Setting) -> Hit | None:
    m = _MARGIN.search(sentence)
    if not m:
        return None
    group = "verb" if m.group("verb") else "flat"
    verb = m.group(group)
    return Hit(
        "margin", _decision_start(sentence, 0), m.end(group), verb, default=outcome_of(verb) or "approved"
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
    r"\bvotes?\b|\bvoted\b|\bvoting\b|\bunanimous|\bnem\.?\s*con\b|\bin\s+favour\b|\babstain", re.I
)


# A vote someone reports ("The Chair reported that 5 councillors were in favour of the idea at
# the workshop") is not one this meeting took.
_REPORTED = re.compile(
    r"\b(?:reported|said|stated|explained|informed|advised|told|mentioned|suggested|felt|thought)\b[^;]{0,60}?\bthat\b"
)


def _recorded_vote(sentence: str, setting: Setting) -> Hit | None:
    m = _VOTE_RECORD.search(sentence)
    if not m or read_votes(sentence) is None or _REPORTED.search(sentence, 0, m.start()):
        return None
    votes = read_votes(sentence)
    default = "rejected" if votes is not None and votes.result == "lost" else "approved"
    start = _decision_start(sentence, 0)
    return Hit("recorded_vote", start, m.end(), m.group(0), motion=True, default=default, fallback=True)


# ---------------------------------------------------------------------------- planning

# A council's response to a planning application is its decision (the labels' "planning
# observations"): "The Council had no objection to the application", "No objections.",
# "Members supported the application", "Councillors objected to the proposal".
# The response may follow a label ("Comments: No objections", "Observations – no objection")
# or a semicolon after the application ("... was considered; Councillors had no objections").
_RESPONSE_LABEL = (
    r"(?:(?:(?:The\s+)?(?:Council|Parish\s+Council|Town\s+Council|Community\s+Council)['’]s\s+)?"
    r"(?:Comments?|Observations?|Response|Decision|Recommendation)\s*[:–—-]\s*)?"
)
_PLANNING = re.compile(
    rf"(?:^[\W\d]*(?:[a-z]{{1,5}}\)\s*)?{_RESPONSE_LABEL}|;\s+)(?:(?:The\s+)?(?:Parish\s+|Town\s+|Community\s+)?(?:Council|Committee|Members|Councillors|"
    r"Meeting)\s+(?:had|has|raised|made|resolved\s+to\s+make|agreed)\s+)?(?P<verb>no\s+(?:objections?|observations?|comments?))\b"
    r"|(?:^[\W\d]*|;\s+)(?:The\s+)?(?:Parish\s+|Town\s+|Community\s+)?(?:Council|Committee|Members|Councillors)\s+"
    r"(?P<verb2>object(?:ed|s)|support(?:ed|s)|raised\s+(?:an\s+)?objections?)\s+(?:to\s+)?(?:the|this)\s+"
    r"(?:planning\s+)?(?:application|proposal|development)"
    # The recommendation a council sends the planning authority, in a verbless note after the
    # application ("DM/2022/01385 – conversion of a barn. Approval recommended.", "Query the
    # parking but otherwise approval recommended.").
    r"|(?:^[\W\d]*|[,;]\s*|\b(?:and|but)\s+)(?:otherwise\s+)?(?P<verb3>(?:approval|refusal)\s+(?:is\s+|was\s+)?recommended)\b"
    # "Both applications to be recommended for approval." (Norfolk parish minutes, 2006).
    r"|\b(?:applications?|plans?|proposals?)\b[^.;]{0,40}?\b(?:to\s+be|be|were|was|are|is)\s+"
    r"(?P<verb5>recommended\s+for\s+(?:approval|refusal))"
    # "... and there were no objections from the Council." (none from residents is not one).
    r"|(?:^[\W\d]*|[,;]\s*|\band\s+)(?P<verb4>there\s+(?:were|was)\s+no\s+(?:objections?|observations?))"
    r"(?=(?:\s+(?:from|by)\s+(?:the\s+)?(?:(?:parish|town|community)\s+)?(?:council|councillors|cllrs|members|meeting)\b"
    r"|\s+to\s+(?:the|this)\s+(?:application|proposal|plans?)\b)?\s*[.;]?\s*$)",
    re.I,
)


# A council's response after the application it answers, at the end of the line:
# "21/01234/F – 5 High Street, rear extension – No objection", "... – Support", "... – Object".
_RESPONSE_WORDS = (
    r"(?P<verb>support(?:ed)?|object(?:ion|ed|s)?"
    r"|no\s+(?:objections?|comments?|observations?)(?:\s+(?:made|raised))?)"
)
_PLANNING_RESPONSE = re.compile(rf"(?:\s[–—-]|:)\s*{_RESPONSE_WORDS}\s*[.!]?\s*$", re.I)
# The response straight after the application's reference, where the line that held the
# reference ran on into it: "Extension to dwelling at Ivy Farm, Wretton Road 09/01677/F No
# comment made" (Norfolk parish minutes, 2009-2011).
_AFTER_REFERENCE = re.compile(
    rf"\b(?:[A-Z]{{1,4}}/)?\d{{2,4}}/\d{{2,6}}(?:/[A-Z]{{1,4}})?\s+{_RESPONSE_WORDS}\s*[.!]?\s*$", re.I
)
# The response alone on its line, under the paragraph that named the application (see
# `decisions._hit_in`): "Support", "Object", "No objections".
BARE_RESPONSE = re.compile(rf"^[\W]*{_RESPONSE_WORDS}\s*[.!]?\s*$", re.I)
APPLICATION_MENTIONED = re.compile(
    r"\b(?:[A-Z]{1,4}/)?\d{2,4}/\d{2,6}(?:/[A-Z]{1,4})?\b|\b(?:planning\s+)?application\b", re.I
)


# A labelled one-word response alone on its line, under the application it answers:
# "Recommendation: Approve", "Comments: Support", "Response – Object".
_LABELLED_RESPONSE = re.compile(
    rf"^[\W\d]*{_RESPONSE_LABEL.removesuffix('?')}(?P<verb>support|object|objection|approve|approval|refuse|refusal)"
    r"\s*[.!]?\s*$",
    re.I,
)


def _planning(sentence: str, setting: Setting) -> Hit | None:
    labelled = _LABELLED_RESPONSE.match(sentence)
    if labelled:
        verb = labelled.group("verb")
        return Hit("planning", _decision_start(sentence, 0), labelled.end("verb"), verb, default="other")
    m = _PLANNING.search(sentence)
    if not m and not _APPLICATION_REF.match(sentence):
        after = _AFTER_REFERENCE.search(sentence)
        if after:
            verb = after.group("verb")
            return Hit("planning", _decision_start(sentence, 0), after.end("verb"), verb, default="other")
    if not m and _APPLICATION_REF.match(sentence):
        response = _PLANNING_RESPONSE.search(sentence)
        if response:
            verb = response.group("verb")
            return Hit("planning", _decision_start(sentence, 0), response.end("verb"), verb, default="other")
    if not m:
        return None
    group = next(g for g in ("verb", "verb2", "verb3", "verb4", "verb5") if m.group(g))
    return Hit("planning", _decision_start(sentence, 0), m.end(group), m.group(group), default="other")


# ------------------------------------------------------------------------------- verdict

# A verdict after the thing it decides, at the end of a line or limb: "b. Letter about the
# flag for Merchant Navy Day, noted", "... (Ch. No. 300125), – all approved.", "Glynwood Lane
# – No objections, approved.", "All agreed for payment." A verdict stands after a comma or
# semicolon, or after a dash or colon when it is the meeting's together ("– all approved") or
# a noting ("– noted"). It must end its line or limb (an inline "c. " may follow).
_VERDICT_VERB = (
    r"(?:approved|agreed|noted|accepted|deferred|carried|ratified|adopted|refused|rejected|declined)"
)
_VERDICT_TAIL = (
    r"(?:\s+(?:for\s+payment|as\s+(?:correct|presented|amended|circulated|read)|unanimously|"
    r"by\s+all(?:\s+present)?|nem\.?\s*con\.?))?"
)
_VERDICT_END = r"\s*[.!]?\s*(?:$|(?=\s+\(?[a-z]\)(?:\s|$)|\s+[a-z]\.(?:\s|$)))"
_VERDICT = re.compile(
    rf"[,;]\s*(?P<q1>(?:all|unanimously|not)\s+)?(?P<verb>{_VERDICT_VERB}){_VERDICT_TAIL}{_VERDICT_END}"
    rf"|(?:\s[–—-]|:)\s*(?:all|unanimously)\s+(?P<verb2>{_VERDICT_VERB}){_VERDICT_TAIL}{_VERDICT_END}"
    rf"|(?:\s[–—-]|:)\s*(?P<verb3>noted|received\s+and\s+noted){_VERDICT_END}"
    # A dash or a bracket before a verdict that ends the line: "£100 to the Air Ambulance –
    # agreed.", "... (agreed)", "Minutes of 4 May – approved and signed".
    rf"|(?:\s[–—-]\s*|\s\(|:\s*)(?P<verb4>agreed|approved|resolved|carried|accepted|adopted|ratified){_VERDICT_TAIL}"
    r"(?:\s+and\s+signed)?\)?\s*[.!]?\s*$"
    # A capitalised verdict after a heading's last word: "MINUTES OF PREVIOUS AGM - May 2019 Agreed."
    r"|(?-i:(?<=[A-Z0-9])\s+(?P<verb5>Agreed|Approved|Noted|Accepted|Adopted|Ratified|AGREED|APPROVED|NOTED))"
    r"\s*[.!]?\s*$",
    re.I,
)
# A line that opens with a planning application's reference lists the planning authority's
# decisions ("19/01234/F – 5 High Street, extension, approved") unless the council's own
# response is in it.
_APPLICATION_REF = re.compile(r"^[\W]*(?:[A-Z]{1,4}/)?\d{2,4}/\d{2,6}")
_OWN_RESPONSE = re.compile(r"\b(?:no\s+objections?|support|recommend|observations?|comments?)\b", re.I)


def _verdict(sentence: str, setting: Setting) -> Hit | None:
    m = _VERDICT.search(sentence)
    if not m:
        return None
    group = next(g for g in ("verb", "verb2", "verb3", "verb4", "verb5") if m.group(g))
    if _APPLICATION_REF.match(sentence) and not _OWN_RESPONSE.search(sentence, 0, m.start()):
        return None
    verb = m.group(group)
    rejected = (m.group("q1") or "").strip().lower() == "not"
    default = "rejected" if rejected else (outcome_of(verb.split()[-1]) or "approved")
    return Hit("verdict", _decision_start(sentence, 0), m.end(group), verb, default=default)


# ------------------------------------------------------------------------- bare_passive

# A decision noted without its auxiliary: "Item deferred.", "Minutes approved and signed.",
# "Budget for 2021/22 agreed at £9,500." The noun phrase is short and holds no verb. A
# planning application's fate is the planning authority's, "previously approved" an earlier
# decision, and "Nothing agreed" no decision at all.
_BARE_PASSIVE = re.compile(
    r"^[\W\d]*(?:[a-z]{1,2}[.)]\s*)?(?P<np>(?:[A-Z(£]|the\s)[^.;:!?|]{1,60}?)\s+"
    r"(?P<verb>approved|agreed|deferred|adopted|accepted|ratified|signed|refused|rejected|postponed|noted)"
    r"(?:\s+(?:and\s+signed|unanimously|by\s+all(?:\s+present)?|as\s+(?:a\s+)?(?:correct|true|presented|amended)\b[^.;]{0,20}"
    r"|at\s+£[\d,.]+|for\s+payment"
    # A condition or a purpose: "… approved subject to slight amendment", "New format of minutes
    # approved for use for Council and all committee minutes".
    r"|(?:subject\s+to|for\s+use|with)\b[^.;:]{1,80}))?\s*[.!]?\s*$"
)
_NOT_A_BARE_SUBJECT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|not|already|"
    r"previously|recently|earlier|application|permission|consent|appeal|[a-z]+ed)\b"
    r"|^(?:It|This|That|They|He|She|We|I|There|Nothing|None|No|Not)\b",
    re.I,
)


def _bare_passive(sentence: str, setting: Setting) -> Hit | None:
    m = _BARE_PASSIVE.match(sentence)
    if not m:
        return None
    np, verb = m.group("np"), m.group("verb")
    if len(np.split()) > 8 or _NOT_A_BARE_SUBJECT.search(np) or _APPLICATION_REF.match(sentence):
        return None
    if verb == "noted" and not re.search(rf"\b{PAPER_NOUNS}\b", np, re.I):
        return None
    default = outcome_of(verb) or "approved"
    return Hit("bare_passive", _decision_start(sentence, 0), m.end("verb"), verb, default=default)


# ------------------------------------------------------------------------------ deferral

# A decision put off to a later meeting or until something is known, in the words of a note
# rather than a verb of deferring: "Decision on this to be made once quotes are received.",
# "This will be discussed in more detail at a forthcoming Committee Meeting.", "Re-agenda for
# discussion in June." Another body's meeting ("at the next meeting of the Borough Planning
# Committee") is not this one's deferral.
_DEFERRAL = re.compile(
    r"\b(?P<verb>[Dd]ecision)\s+(?:on\s+[^.;]{0,40}?\s+)?(?:is\s+|was\s+)?(?:to|will|would|can|could)\s+be\s+"
    r"(?:made|taken|reached)\s+(?:once|when|after|until|at\s+(?:the|a)\b)"
    r"|\b(?:will|to|would)\s+be\s+(?P<verb2>discussed|considered|reconsidered|decided|reviewed|revisited|brought\s+back"
    r"|presented|tabled|brought)"
    r"\b[^.;]{0,20}?\b(?:at|to)\s+(?:the|a|an)\s+(?:next|future|forthcoming|later|subsequent|further|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
    r"[^.;]{0,30}?\b[Mm]eeting\b(?!\s+of\b)"
    r"|^[\W\d]*(?:[a-z]{1,5}\)\s*)?(?P<verb3>[Rr]e-?agenda(?:'?d|ed)?)\b"
    # An item held over: "This item will be carried forward to the next meeting", "To be
    # carried forward to the next agenda", "Defer to next meeting."
    r"|\b(?P<verb4>(?:carried|held|put|brought|deferred)\s+(?:forward|over)|[Dd]efer(?:red)?)\s+(?:to|until|till)\s+"
    r"(?:the\s+|a\s+)?(?:next|future|following|later|forthcoming)\s+(?:\w+\s+)?(?:meeting|agenda)\b(?!\s+of\b)"
)


# An agenda's own wording, as an item's title carries it into the minutes ("To receive
# suggested items to be considered at the next meeting"), defers nothing.
_AGENDA_WORDING = re.compile(r"^[\W\d]*To\s+(?!be\b)[a-z]+\b|\bitems?\s+$", re.I)


def _deferral(sentence: str, setting: Setting) -> Hit | None:
    m = _DEFERRAL.search(sentence)
    if not m or re.search(r"\b(?:had|has|have)\s+(?:been\s+)?$|\bnot\s+$", sentence[: m.start()]):
        return None
    if _AGENDA_WORDING.search(sentence[: m.start()]):
        return None
    group = next(g for g in ("verb", "verb2", "verb3", "verb4") if m.group(g))
    return Hit("deferral", _decision_start(sentence, 0), m.end(), m.group(group), default="deferred")


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
    DecisionForm("decision_noun", _decision_noun),
    DecisionForm("signed", _signed),
    DecisionForm("passive_decided", _passive_decided),
    DecisionForm("margin", _margin),
    DecisionForm("welsh", _welsh),
    DecisionForm("instruction", _instruction),
    DecisionForm("planning", _planning),
    DecisionForm("verdict", _verdict),
    DecisionForm("deferral", _deferral),
    DecisionForm("bare_passive", _bare_passive),
    DecisionForm("recorded_vote", _recorded_vote),
    DecisionForm("proposed_seconded", _proposed_seconded),
]


# Every form needs one of these words; a sentence without any is read no further (speed).
_ANY_DECIDING = re.compile(
    r"resolv|agree|decid|determin|approv|adopt|accept|authori|ratif|confirm|elect|appoint|opt|carr|pass|"
    r"vot|note|noted|endors|support|recommend|defer|postpon|refus|reject|lost|fell|defeat|signed|granted|"
    r"propos|moved|second|cynigiwyd|eiliwyd|wyd\b|favour|decision|resolution|that\b|instruct|asked|request|"
    r"objection|observation|comment|object|unanim|abstain|nem|declar|declin|agreement|discuss|consider|"
    r"review|revisit|brought|agenda|set\s+(?:at|for)|given|consensus|gave|chose|award|select|receiv",
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
