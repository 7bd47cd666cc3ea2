"""Document kind by evidence: every kind is scored from several signals, none decisive alone.

A signal is a function of the paper's lines that returns evidence for one kind with a weight
and a reason. Signals read the paper's structure as much as its words:

* its title in the heading block ("Minutes", "Agenda", "Decision Recording Form", "Forward
  Plan", "Public questions", "Report to:"), weighted by how early and how prominently it is set;
* minutes' anatomy: an attendance block ("Present:", "Members present", "In attendance"),
  apologies reported in the past tense, numbered items carrying decisions ("RESOLVED", "it was
  agreed", "proposed … seconded"), "The meeting closed at";
* an agenda's anatomy: an item list with page references, items in the imperative ("To
  receive…", "To consider…"), a notice that a meeting "will be held";
* a report's anatomy: "Agenda Item N" at its top with recommendations, "Purpose of report",
  implications sections, a report author;
* a decision notice's fields ("Decision taken", "Reasons for the decision", "Alternative
  options"), a forward plan's key-decision table, a questions pack's numbered questions with
  responses.

`SIGNALS` is a registry: a new template joins by adding a signal, without touching the others.
The kind with the highest total wins; `other` when nothing reaches `MIN_SCORE`. A pack (an
agenda or supplementary agenda) whose own title comes before another paper's heading keeps its
kind: an agenda front sheet that reprints last meeting's minutes is still an agenda.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ingest.structure.lines import Line, item_page_stamp
from ingest.structure.numbering import ITEM_LINE, best_chain, candidates
from minutebook.text import unspace_letters

KINDS = (
    "agenda",
    "supplementary_agenda",
    "minutes",
    "report",
    "decision_notice",
    "forward_plan",
    "questions",
)
MIN_SCORE = 3.0
# The opening characters of an overlong heading line that may hold the paper's title.
TITLE_HEAD = 100
# How much of the paper the anatomy signals read: its first pages, where a pack's own paper is.
BODY_LINES = 400


@dataclass(frozen=True)
class Evidence:
    kind: str
    weight: float
    why: str
    line: int = 0


@dataclass(frozen=True)
class Paper:
    """What signals read: the lines (letter-spaced titles joined up), the heading block
    (`texts[:heading]`) and the paper's own part (`texts[:own_end]`): a pack's front sheet and
    items end where a page opens with another paper's title (reprinted minutes, a report)."""

    lines: list[Line]
    texts: list[str]
    heading: int
    own_end: int

    @property
    def own(self) -> list[str]:
        return self.texts[: min(self.own_end, BODY_LINES)]


Signal = Callable[[Paper], Iterator[Evidence]]
SIGNALS: list[Signal] = []


def signal(function: Signal) -> Signal:
    SIGNALS.append(function)
    return function


def _title_lines(paper: Paper) -> Iterator[tuple[int, str, float]]:
    """(index, text, prominence) of the heading block's lines: earlier and bolder count more."""
    for index in range(min(paper.heading, len(paper.texts))):
        if _IMPERATIVE_LINE.match(paper.texts[index]) or _TITLE_THEN_BUSINESS.match(paper.texts[index]):
            # Business in the imperative ("To approve the minutes of the meeting held on ...",
            # an unnumbered agenda's line, or after its item's title: "Minutes To adopt and
            # sign the minutes …") is not what the paper calls itself.
            continue
        line = paper.lines[index]
        prominence = (
            1.0 + (0.5 if line.emphasised or line.heading else 0.0) - 0.5 * index / max(paper.heading, 1)
        )
        yield index, paper.texts[index], prominence


# What a paper calls itself in its heading block: (kind, weight, why, alternatives). Each
# alternative is one way councils title that kind of paper; a title line is short.
_TITLE_WORDS: tuple[tuple[str, float, str, tuple[str, ...]], ...] = (
    ("minutes", 6, "titled minutes", (
        r"^(?:(?:printed|draft|confirmed|signed|approved)\s+)?minutes\b(?! of the (?:last|previous))",
        r"\bminutes of (?:an?|the)\b(?! (?:last|previous))",
        # With no article: "TRELLECH UNITED COUNCIL MINUTES OF MEETING held at …".
        r"\bminutes of meeting\b",
        # Scottish councils record a meeting as its "Minute": "Minute of the … Meeting held on".
        r"(?:^|\s)minute of (?:an?|the)\b(?! (?:last|previous))",
        r"^(?:draft\s+|approved\s+|confirmed\s+)?minute$",
        r"\bminutes$",
        r"^cofnodion\b",  # Welsh
    )),
    ("agenda", 5, "titled agenda", (
        r"^agenda\b(?!\s+item)",
        r"\bagenda$",
        r"^agenda (?:pack|for)\b",
        r"\bagenda (?:and|&) (?:reports|papers)\b",
        # The agenda of a named meeting and its date: "Community Committee Agenda 20.06.17",
        # "Executive Agenda - 6 November 2018".
        r"\bagenda\s*[-–—:]?\s*\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}|(?:st|nd|rd|th)?\s+[A-Z][a-z]+)",
        r"^(?:public )?notice of (?:the )?meeting\b",
        # A committee system's pack of the papers for a meeting (an agenda, or a supplement).
        r"\bpublic document pack\b",
        r"^public notice\b",
        r"^summons\b",
        # A summons addresses the members: summoned, requested or invited to the meeting.
        r"\byou are (?:hereby )?(?:summoned|(?:required|requested) to attend|invited to (?:attend|the|a)\b)",
    )),
    ("supplementary_agenda", 7, "titled supplementary", (
        r"\bsupplement(?:ary|al)?(?:\b|(?=agenda))",  # "S u p p l e m e n t a r y A g e n d a"
        r"\baddendum\b",
        r"\badditional (?:papers|information)\b",
        r"\b(?:to follow|late) (?:items|papers|reports)\b",
    )),
    ("report", 5, "titled report", (
        r"^(?:committee |officer |cabinet )?report\b",
        r"^report (?:to|of|by|title)\b",
        r"^agenda item\s+\d",
        r"^item no\.?\s*\d",
        r"^purpose of (?:the )?report\b",
        r"\bbriefing (?:note|paper)\b",
        # An officer's report to the meeting: "Clerk's Report", "Chairman's report".
        r"\b(?:clerk|chair(?:man|person)?|treasurer|director|officer)['’]?s report\b",
    )),
    ("decision_notice", 8, "titled decisions", (
        r"^decision (?:recording form|notice|record|sheet|list)\b",
        r"^record of (?:\w+ )?decisions?\b",
        r"^decisions? (?:taken|determined|made)\b",
        # A committee system's web page of an issue's decisions ("Issue - decisions").
        r"^issue\s*[-–—:]\s*decisions?$",
        # A register of decisions: "Officer delegated decisions", "Decisions published".
        r"^(?:officer\s+|delegated\s+|executive\s+)+decisions?\b",
        r"^decisions? published\b",
        r"^decision details$",
        r"^notice of (?:\w+ )?decisions? taken\b",
    )),
    ("forward_plan", 7, "titled forward plan", (
        r"^forward (?:plan|work programme)\b",
        r"^(?:notice of )?(?:anticipated )?key decisions\b",
        r"^work programme\b",
        r"^plan of key decisions\b",
        # A key decision taken without the plan's notice is announced by a notice of its own.
        r"\bgeneral exception\b",
    )),
    ("questions", 7, "titled questions", (
        r"\bpublic questions\b",
        r"^questions? (?:and|&) (?:answers|responses)\b",
        r"^questions? from (?:the )?public\b",
        r"^written questions\b",
        r"\bquestion (?:and|&) answer(?:s| session)?\b",
        # "Questions to Cabinet Members", "Questions by Elected Members", "Members' Questions".
        r"^questions (?:to|by|for|on notice|from (?:the )?(?:public|members|councillors|residents))\b",
        r"^members['’]? questions\b",
        r"\bquestion time\b",
    )),
)  # fmt: skip
_TITLES: tuple[tuple[str, re.Pattern[str], float, str], ...] = tuple(
    (kind, re.compile("|".join(alternatives), re.IGNORECASE), weight, why)
    for kind, weight, why, alternatives in _TITLE_WORDS
)


@signal
def titles(paper: Paper) -> Iterator[Evidence]:
    seen: set[str] = set()
    for index, text, prominence in _title_lines(paper):
        if len(text) > 140:
            # A heading run on into the first sentence ("Milnathort Community Council Minute of
            # the … Meeting held on Thursday, 12th February 2015, in …"): its opening words,
            # set less prominently than a title line of its own.
            text, prominence = text[:TITLE_HEAD], prominence * 0.7
        for kind, pattern, weight, why in _TITLES:
            if kind not in seen and pattern.search(text):
                seen.add(kind)
                yield Evidence(kind, weight * prominence, why, index)


_ATTENDANCE = re.compile(
    # After the item label a paper may give attendance ("1. Present:", "Cou/285/07-08 Present").
    r"^(?:\S*\d\S*\s+)?(?:(?:members|councillors|those)\s+)?"
    r"(?:present|in attendance|also (?:present|in attendance)|attendance)\b"
    r"|^(?:yn bresennol|presennol)\b|^members of the (?:council|committee) present\b"
    # A body's members present under its initials or name: "SCC Members Present:".
    r"|^(?:[A-Z][\w&.'’-]*\s+){1,3}(?:members|councillors)\s+present\b",
    re.IGNORECASE,
)
_APOLOGIES_PAST = re.compile(
    r"\bapologies (?:were|had been) (?:received|given|noted|accepted)\b|\bthere were no apologies\b"
    r"|\bapologies for absence were\b|\bno apologies were\b",
    re.IGNORECASE,
)
_DECIDED = re.compile(
    r"\bresolved\b|\bit was (?:agreed|proposed|noted|moved)\b|\b(?:proposed|moved) by\b.*\bseconded\b"
    r"|\bseconded by\b|\bunanimously\b|\b(?:was|were) (?:agreed|approved|carried|adopted|noted)\b"
    r"|\bagreed that\b|\bcarried\b|\bmotion (?:was )?lost\b",
    re.IGNORECASE,
)
_MINUTES_FIELD = re.compile(r"^minutes\s*:", re.IGNORECASE)
# What the meeting did, in the past tense, as minutes record it ("The Clerk reported", "Committee
# considered", "approved subject to"). Not "received" or "circulated": agendas list papers
# "received" and "previously circulated"; nor a verb after "to be" ("to be approved").
_RECORDED = re.compile(
    r"(?<!\bto be )(?<!\bbe )\b(?:reported|considered|discussed|agreed|approved|explained|advised|informed"
    r"|stated|thanked|welcomed|presented|declared|confirmed|questioned|raised|suggested)\b",
    re.IGNORECASE,
)
# A meeting told of in the past tense in a paper's opening words, as minutes open ("A meeting
# of the Community Council took place on Thursday 31st March 2022", "The meeting was held at
# the Village Hall"); an agenda's meeting "will be held".
_WAS_HELD = re.compile(
    r"^.{0,120}\bmeeting\b[^.]{0,80}\b(?:(?:was|were) held|took place)\b|\ba gynhaliwyd\b", re.IGNORECASE
)
# A report told of in the third person and the past ("The Chief Officers Executive submitted a
# report (previously circulated)", "Members considered the report of the Director"): only a
# record of the meeting speaks of a report so; a report speaks of "this report".
_REPORT_TOLD = re.compile(
    r"\b(?:submitted|presented|introduced|considered|received|noted) (?:a|the|an|their|his|her)"
    r" (?:joint |written |verbal |annual )?report\b",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    r"\b(?:the )?meeting (?:closed|ended|finished|was closed) at\b|\bdaeth y cyfarfod i ben\b", re.I
)


@signal
def minutes_anatomy(paper: Paper) -> Iterator[Evidence]:
    """An attendance block near the top, apologies in the past tense, decisions, a closing
    time: what minutes record, whatever they call themselves."""
    texts = paper.own
    attendance = next((i for i, t in enumerate(texts[:60]) if _ATTENDANCE.search(t)), None)
    if attendance is not None:
        yield Evidence("minutes", 3.0, "an attendance block near the top", attendance)
    if any(_APOLOGIES_PAST.search(t) for t in texts):
        yield Evidence("minutes", 1.5, "apologies reported in the past tense")
    decided = sum(1 for t in texts if _DECIDED.search(t))
    if decided:
        yield Evidence("minutes", min(4.0, 1.0 * decided), f"{decided} lines recording decisions")
    if any(_CLOSED.search(t) for t in texts):
        yield Evidence("minutes", 2.5, "a closing time")
    # A web page of "agenda and minutes" (ModernGov) sets each item's record under a field
    # "Minutes:"; an agenda has no such field.
    fields = sum(1 for t in texts if _MINUTES_FIELD.match(t))
    if fields >= 2:
        yield Evidence("minutes", min(6.0, 2.0 * fields), f"{fields} items with a minutes field")
    stamp = item_page_stamp(texts)
    if stamp is not None and any(_RECORDED.search(t) or _DECIDED.search(t) for t in texts[stamp + 1 :]):
        # One item's web page telling what the meeting did ("Agenda item" / "Questions from
        # Electors" / "The Mayor advised that two questions had been received"): the minute.
        yield Evidence("minutes", 3.0, "an item's page recording what was done", stamp)
    held = next((i for i, t in enumerate(texts[:10]) if _WAS_HELD.search(t)), None)
    if held is not None:
        yield Evidence("minutes", 2.0, "a meeting told of in the past tense", held)
    told = sum(1 for t in texts if _REPORT_TOLD.search(t) and not _IMPERATIVE_LINE.match(t))
    if told:
        yield Evidence("minutes", min(4.0, 3.0 * told), f"{told} reports told of in the past tense")
    recorded = sum(1 for t in texts if _RECORDED.search(t) and not _IMPERATIVE_LINE.match(t))
    if recorded >= 3:
        yield Evidence("minutes", min(3.0, 0.5 * recorded), f"{recorded} lines recording what was done")


# A supplement's covering letter: papers sent after the agenda ("I am now able to enclose, for
# consideration at the next meeting …, the minutes … that were unavailable when the agenda was
# printed").
_SUPPLEMENT_LETTER = re.compile(
    r"\b(?:now )?able to enclose\b[^.]{0,80}\bfor consideration\b"
    r"|\b(?:unavailable|not available) when the agenda was (?:printed|published|despatched|dispatched)\b",
    re.IGNORECASE,
)


@signal
def supplement_letter(paper: Paper) -> Iterator[Evidence]:
    letter = next((i for i, t in enumerate(paper.texts[:40]) if _SUPPLEMENT_LETTER.search(t)), None)
    if letter is not None:
        yield Evidence("supplementary_agenda", 6.0, "a letter enclosing papers after the agenda", letter)


_PAGE_REFERENCE = re.compile(r"\(\s*pages?\s+[A-Z]?\d+|\bpages?\s+\d+\s*[-–]\s*\d+\b|\.{4,}\s*\d+\s*$", re.I)
# An agenda's business in the imperative: "To receive apologies", "To approve the minutes".
_TO_DO = (
    r"to\s+(?:receive|consider|approve|confirm|note|agree|discuss|resolve|elect|appoint|review|adopt"
    r"|authorise|determine|decide|ratify|sign)\b"
)
_BUSINESS_VERBS = _TO_DO.removeprefix(r"to\s+")
_TITLE_THEN_BUSINESS = re.compile(
    rf"^[A-Z][\w'’,&-]*(?:\s+[\w'’,&()-]+){{0,10}}?\s+To\s+(?i:{_BUSINESS_VERBS}|record)"
)
_IMPERATIVE_LINE = re.compile(rf"^(?:[a-z][.)]\s+)?{_TO_DO}", re.IGNORECASE)
_IMPERATIVE_ITEM = re.compile(rf"^(?:item\s+)?\d{{1,4}}[a-z]?[.)]?\s+{_TO_DO}", re.IGNORECASE)
_ASKED_TO = re.compile(
    r"\b(?:members|councillors|the (?:committee|council|authority|panel|board|cabinet|sub-committee))"
    r" (?:is|are) (?:asked|requested|invited|recommended|reminded)\b",
    re.I,
)
_WILL_BE_HELD = re.compile(
    r"\bwill be held\b|\bis to be held\b|\bwill take place\b"
    r"|\byou are (?:hereby )?(?:summoned|required to attend)\b",
    re.I,
)
# A summons: the members called to the meeting, and the business it will transact. An agenda
# opens so; minutes, which record the meeting, never do. A long line, so never a title.
_SUMMONS = re.compile(
    r"\byou are (?:hereby )?(?:summoned|(?:required|requested) to attend|invited to (?:attend|the|a)\b)"
    r"|\bthe following (?:business|issues|items|matters) (?:will|is to|are to)"
    r" be (?:considered|transacted)\b",
    re.I,
)


# Words per numbered item below which a paper is a list of items rather than a record of
# them. Over every labelled and development paper (eight councils), agendas run 10-20 words
# per item (their titles and short sub-lists) and minutes 40 or more (what was said and
# decided, whether under each heading or run in after it).
LIST_WORDS_PER_ITEM = 30.0


@signal
def agenda_anatomy(paper: Paper) -> Iterator[Evidence]:
    """Page references against listed items, items in the imperative, a meeting to come, a
    list of items with little under them."""
    texts = paper.own
    summons = next((i for i, t in enumerate(texts[:10]) if _SUMMONS.search(t)), None)
    if summons is not None:
        yield Evidence("agenda", 4.0, "a summons to the meeting", summons)
    references = sum(1 for t in texts[:150] if _PAGE_REFERENCE.search(t))
    if references >= 2:
        yield Evidence("agenda", min(4.0, 1.0 * references), f"{references} page references")
    scheme = _main_scheme(paper)
    # Items and words over the same lines (the paper's own part, as far as signals read).
    numbered = [c for c in candidates(paper.lines[: len(texts)]) if c.scheme == scheme]
    words = sum(len(t.split()) for t in texts[numbered[0].index if numbered else paper.heading :])
    listed = len(numbered) >= 4 and words <= LIST_WORDS_PER_ITEM * len(numbered)
    # Minutes often keep the agenda's wording as their item titles ("To receive apologies for
    # absence: Cllrs …"), so the imperative is an agenda's mark only where items are listed.
    imperatives = sum(1 for t in texts if _IMPERATIVE_ITEM.search(t))
    # The business in the imperative on the line under its numbered heading ("1 Apologies" /
    # "To receive apologies for absence"), as a committee system prints an agenda.
    numbered_at = {c.index for c in numbered}
    under = sum(
        1
        for i, t in enumerate(texts)
        if i
        and (i - 1 in numbered_at or ITEM_LINE.match(texts[i - 1]))
        and i not in numbered_at
        and _IMPERATIVE_LINE.match(t)
    )
    if under >= 2:
        yield Evidence("agenda", min(4.0, 1.5 * under), f"{under} items' business in the imperative")
    # A table of items saved from a web page: the title, then its business in the imperative
    # in the same cell ("Apologies for absence To record apologies for absence. |").
    described = sum(1 for t in texts if _TITLE_THEN_BUSINESS.search(t))
    if described >= 3:
        yield Evidence("agenda", min(4.0, 1.0 * described), f"{described} item titles with their business")
    if imperatives >= 2 and (listed or not numbered):
        yield Evidence("agenda", min(4.0, 1.0 * imperatives), f"{imperatives} items in the imperative")
    if any(_WILL_BE_HELD.search(t) for t in texts[:40]):
        yield Evidence("agenda", 2.0, "a meeting that will be held")
    # The business put to the meeting in the present tense: "Members are asked to agree the
    # minutes", "The Committee is recommended to note"; minutes record that members were.
    asked = sum(1 for t in texts if _ASKED_TO.search(t))
    if asked >= 2:
        yield Evidence("agenda", min(3.0, 1.0 * asked), f"{asked} lines asking the meeting to act")
    # An agenda with no heading at all is still a numbered list of short item titles, one per
    # line, with little recorded under them; minutes have text after each heading.
    rows = sum(1 for c in numbered if c.list_row)
    if listed or (rows >= 4 and rows >= 0.6 * len(numbered)):
        count = max(rows, len(numbered) if listed else 0)
        yield Evidence("agenda", min(4.0, 0.6 * count), f"a bare list of {count} numbered items")


_REPORT_SECTIONS = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:recommendations?|purpose of (?:the )?report|executive summary"
    r"|financial implications|legal implications|background papers|report author|contact officer"
    r"|risk (?:management|implications)"
    r"|equalit(?:y|ies) (?:impact|implications)|consultation|options considered|reasons? for (?:the )?"
    r"recommendations?|summary)\s*:?$",
    re.IGNORECASE,
)
_THIS_REPORT = re.compile(r"\b(?:this|the attached) report\b", re.IGNORECASE)
_ITEM_AT_TOP = re.compile(r"^(?:agenda\s+)?item(?: no\.?)?\s*[:.]?\s*\d+[a-z]?\b", re.IGNORECASE)


@signal
def report_anatomy(paper: Paper) -> Iterator[Evidence]:
    """A report's sections (recommendations, implications, background papers) and its item
    number at the top ("Agenda Item 166")."""
    texts = paper.own
    sections = {t.lower().strip(" :") for t in texts if len(t) < 60 and _REPORT_SECTIONS.match(t)}
    if sections:
        yield Evidence("report", min(4.5, 1.5 * len(sections)), f"report sections: {sorted(sections)[:3]}")
    if any(_ITEM_AT_TOP.match(t) for t in texts[:8]):
        yield Evidence("report", 3.0, "an agenda item number at the top")
    # A report speaks of itself: "Attached to this report", "The purpose of this report".
    # It does so from its opening paragraphs; a pack speaks of the reports it encloses later.
    mentions = sum(1 for t in texts[:40] if _THIS_REPORT.search(t))
    if mentions:
        yield Evidence("report", min(3.0, 1.5 * mentions), f"{mentions} lines about this report")


_DECISION_FIELDS = re.compile(
    r"^(?:\(?[a-z]\)\s*\|?\s*)?(?:decision(?:s)? taken|decision maker|reasons? for (?:the )?decision"
    r"|(?:alternative|other) options (?:considered|rejected)|date of decision|call[- ]in|decision published"
    r"|made at meeting|effective from|decision status|is key decision|is subject to call[- ]in"
    r"|decided at meeting"
    r"|conflicts? of interest declared|decision (?:reference|number|no))\b",
    re.IGNORECASE,
)


@signal
def decision_fields(paper: Paper) -> Iterator[Evidence]:
    fields = {t.lower()[:25] for t in paper.own if _DECISION_FIELDS.match(t)}
    if len(fields) >= 2:
        yield Evidence("decision_notice", min(6.0, 2.0 * len(fields)), "decision notice fields")


_QUESTION_FIELD = re.compile(
    r"^(?:question(?:ed)? by|asked (?:of|by)|answered by|questioner|respondent|response from)\s*:", re.I
)
_QUESTION = re.compile(r"^(?:public\s+)?question\s*(?:no\.?\s*)?\d+\b", re.IGNORECASE)
_ANSWER = re.compile(r"^(?:response|answer|reply)\b", re.IGNORECASE)


@signal
def questions_anatomy(paper: Paper) -> Iterator[Evidence]:
    questions = sum(1 for t in paper.texts if _QUESTION.match(t))
    answers = sum(1 for t in paper.texts if _ANSWER.match(t))
    if questions >= 2 and (answers or questions >= 4):
        yield Evidence("questions", min(5.0, 1.0 * questions), f"{questions} numbered questions")
    # A question's record: who asked, of whom, who answered ("Question By:", "Asked Of:").
    fields = {t.lower()[:8] for t in paper.own if _QUESTION_FIELD.match(t)}
    if len(fields) >= 2:
        yield Evidence("questions", min(6.0, 2.0 * len(fields)), "question fields")


_KEY_DECISION = re.compile(r"\bkey decision\b|\bdecision maker\b|\bdate of decision\b", re.IGNORECASE)


# What a notice of decisions to come is made of, by statute (the Executive Arrangements
# Regulations 2012): key decisions, who takes them and when, published 28 clear days ahead.
_PLAN_CUES = {
    "key decision": re.compile(r"\bkey decisions?\b", re.IGNORECASE),
    "decision maker": re.compile(r"\bdecision[- ]maker\b|\bwho will take the decision\b", re.IGNORECASE),
    "when due": re.compile(r"\bdecision due\b|\bdate of decision\b|\bearliest date\b", re.IGNORECASE),
    "notice": re.compile(
        r"\bnotice of (?:the )?(?:(?:proposed|intended)\s+)?decision\b|\bforward plan\b", re.IGNORECASE
    ),
    "28 days": re.compile(
        r"\b28 (?:clear )?(?:working )?days\b|\btwenty[- ]eight (?:clear )?days\b", re.IGNORECASE
    ),
}


@signal
def forward_plan_anatomy(paper: Paper) -> Iterator[Evidence]:
    rows = sum(1 for t in paper.own if _KEY_DECISION.search(t))
    if rows >= 3:
        yield Evidence("forward_plan", min(4.0, 0.5 * rows), f"{rows} key-decision lines")
    # A short plan or a notice of one decision has few rows but names the plan's parts.
    text = " ".join(paper.own)
    cues = [name for name, cue in _PLAN_CUES.items() if cue.search(text)]
    if len(cues) >= 3:
        yield Evidence("forward_plan", min(4.0, 1.0 * len(cues)), f"a plan's parts: {', '.join(cues)}")


def _main_scheme(paper: Paper) -> str | None:
    chain = best_chain(paper.lines[: paper.own_end], lists_are_items=True)
    return chain.scheme if chain else None


# Kinds that are packs of other papers (see the module docstring).
PACK_KINDS = ("supplementary_agenda", "agenda")


def read_paper(lines: list[Line], heading: int) -> Paper:
    texts = [unspace_letters(line.text) for line in lines]
    return Paper(lines, texts, heading, _own_end(lines, texts, heading))


_PACK_STAMP = re.compile(r"^agenda item\s+\d+[a-z]?$", re.IGNORECASE)
_LEFT_BLANK = re.compile(r"\bintentionally (?:left )?blank\b", re.IGNORECASE)


def _titled_kinds(text: str) -> set[str]:
    return {kind for kind, pattern, _, _ in _TITLES if len(text) <= 140 and pattern.search(text)}


def _own_end(lines: list[Line], texts: list[str], heading: int) -> int:
    """Where a later page opens with the title of a kind the heading block did not name, or
    with a pack's stamp on an enclosed paper ("Agenda Item 5" alone on its line, after a page
    left blank)."""
    own = set().union(*(_titled_kinds(t) for t in texts[:heading]))
    for index in range(1, len(lines)):
        if _PACK_STAMP.match(texts[index]) and any(
            _LEFT_BLANK.search(t) for t in texts[max(0, index - 3) : index]
        ):
            return index
        if index < heading:
            continue
        if lines[index].page == lines[index - 1].page:
            continue
        for text in texts[index : index + 3]:
            if _titled_kinds(text) - own - {"report"} and own:
                return index
    return len(lines)


def weigh(paper: Paper) -> dict[str, list[Evidence]]:
    """Every signal's evidence, by kind."""
    found: dict[str, list[Evidence]] = defaultdict(list)
    for run in SIGNALS:
        for evidence in run(paper):
            found[evidence.kind].append(evidence)
    return found


def classify(lines: list[Line], heading: int) -> str:
    """The kind of a paper from its lines and the end of its heading block. Always a kind of
    CONTRACT.md; `other` when no kind has enough evidence."""
    paper = read_paper(lines, heading)
    found = weigh(paper)
    totals = {kind: sum(e.weight for e in evidence) for kind, evidence in found.items()}
    if "supplementary_agenda" in totals:
        # "Supplementary" names a pack of agenda papers: it takes the agenda's evidence too.
        totals["supplementary_agenda"] += totals.get("agenda", 0.0)
    if not totals or max(totals.values()) < MIN_SCORE:
        return "other"
    best = max(totals, key=lambda kind: (totals[kind], -KINDS.index(kind)))
    return _pack_rule(best, found)


def _pack_rule(best: str, found: dict[str, list[Evidence]]) -> str:
    """An agenda pack titled before the paper it reprints is the pack; but a page whose
    items carry their own minutes ("Agenda and minutes") is the minutes."""
    if best in PACK_KINDS or any(e.why.endswith("with a minutes field") for e in found.get(best, [])):
        return best
    own_title = min((e.line for e in found.get(best, []) if e.why.startswith("titled")), default=None)
    for pack in PACK_KINDS:
        pack_title = min((e.line for e in found.get(pack, []) if e.why.startswith("titled")), default=None)
        if pack_title is not None and own_title is not None and pack_title < own_title:
            return pack
    return best
