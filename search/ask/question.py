"""Stage 1: a plain question -> what it asks (`Question`): the answer type, the subject words,
the periods it names (and whether a period names the meeting or the fact), the people it
names, and what it asks about attendance.

Invariants:

* Pure and cheap: no store, no index, no model; the same question always reads the same.
* `terms` are stems of the search analyzer (`lexicon.stems`), in question order, without
  question words, period words or the words that only say which answer type is wanted.
* Periods and bodies named in the question are preferences and checks for the later stages,
  never search filters: "in January 2017" may name the month a figure describes, not the
  meeting; only a period the question ties to a meeting ("at its May 2019 meeting") must
  match the meeting's date.
* Rules read the grammar of English questions, never one council's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.ask.lexicon import stems
from search.ask.periods import Period, find_periods

# Answer types.
DATE = "date"
TIME = "time"
MONEY = "money"
PERCENT = "percentage"
COUNT = "count"
RATE = "rate"
DURATION = "duration"
FINANCIAL_YEAR = "financial_year"
VOTE = "vote"
PERSON = "person"
ORGANISATION = "organisation"
PLACE = "place"
DECISION = "decision"
REQUEST = "request"
REASON = "reason"
TEXT = "text"
# Types answered by a short span of a sentence or a table cell.
SPAN_TYPES = frozenset(
    {DATE, TIME, MONEY, PERCENT, COUNT, RATE, DURATION, FINANCIAL_YEAR, VOTE, PERSON, ORGANISATION, PLACE}
)
# Types answered by a whole sentence or resolution.
SENTENCE_TYPES = frozenset({DECISION, REQUEST, REASON, TEXT})

_PERSON_NOUNS = (
    r"councillors?|members?|officers?|person|people|clerk|chair(?:man|woman|person)?|vice[- ]chair|"
    r"director|manager|mayor|residents?|speakers?|individual|head|lead|leader|chief executive|"
    r"cabinet member|portfolio holder|named officer|senior officer|representative|trustee|auditor"
)
_ORG_NOUNS = (
    r"body|bodies|organi[sz]ations?|company|companies|firm|group|authority|council|contractor|charity|"
    r"agency|department|business|partner|provider|supplier|bank|insurer|trust|association|society|"
    r"consultancy|consultants?|operator|developer|landlord|utility|"
    r"team|service|campaign|club|school|academy|government"
)
_PLACE_NOUNS = (
    r"area|part|town|village|city|street|road|venue|location|ward|site|place|building|room|district|"
    r"parish|county|neighbourhood|zone|locality|address"
)
# Words of money, for "what ..." questions that ask for an amount without saying "how much".
_MONEY_WORDS = (
    r"cost|costs|costing|budget|budgets|budgeted|spend|spent|spending|overspend|overspent|underspend|"
    r"underspent|allocation|allocated|funding|funded|grant|price|fee|fees|paid|pay|payment|charge|"
    r"charged|value|worth|balance|balances|saving|savings|precept|income|expenditure|outturn|deficit|"
    r"surplus|reserve|reserves|sum|quote|quoted|invest|invested|investment|award|awarded|contribution|"
    r"donation|donated|rent|salary|loan|bid|variance|pounds|£|quotation|quotations|tender|invoice|"
    r"invoiced|wage|wages|levy|refund|refunded|reimbursed|reimbursement"
)

# "What (was the) [up to two words] (of)? <money noun>": the thing asked for is an amount. The
# words between may not be a decision, reason or view ("what was the decision on the budget"
# asks for the decision).
_AMOUNT_ASKED = re.compile(
    r"^(?:what|which) (?:(?:was|is|were|are|will be|would be) )?(?:the |its |their )?"
    r"(?:(?!(?:decision|decisions|outcome|resolution|reason|reasons|view|views|response|position|"
    r"impact|effect|purpose|aim|status|risk|risks|issue|issues|concern|concerns)\b)[\w-]+ ){0,2}"
    r"(?:of )?(?:amount|amounts|" + _MONEY_WORDS + r")\b(?! (?:of|by) (?:the )?(?:decision|committee))"
)

# Verbs that follow "what" in a question about something else ("what did councillors say").
_AUXILIARY = r"(?:did|does|do|was|were|is|are|has|have|had|will|would|should|could|can)\b"
# Nor is a noun after a preposition the one "which"/"what" asks for: "what information about
# school governors" asks for information, not a school.
_NOT_BETWEEN = r"(?:" + _AUXILIARY + r"|(?:about|on|for|from|regarding|concerning|with)\b)"

# (pattern over the lower-cased final sentence of the question, type): the first match wins.
_TYPE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bwho (?:voted|abstained)\b"), PERSON),
    # "How many voted against?", "how many abstained?": a count of one side of a vote.
    (re.compile(r"\bhow many\b[^?]*\b(?:vot(?:e|es|ed|ing)|abstain\w*|abstentions?)\b"), COUNT),
    (re.compile(r"\bvot(?:e|es|ed|ing)\b|\bunanimous"), VOTE),
    (
        re.compile(
            r"^how long\b|\bfor how long\b|\bhow many (?:years|months|weeks|days|hours|minutes)\b|"
            r"\bwhat (?:length of time|duration)\b|\bover what period\b"
        ),
        DURATION,
    ),
    (
        re.compile(
            r"\bwhat time\b|\bat what time\b|\btime ?slot\b|\bwhat hour\b|\bwhich time\b|"
            r"\bwhen did (?:the )?(?:meeting|session|hearing) (?:start|begin|close|end|finish)\b|"
            r"\bwhen (?:does|will|is) (?:the )?(?:meeting|session) (?:start|begin|due to start)\b"
        ),
        TIME,
    ),
    (
        re.compile(
            r"\b(?:which|what|for which) (?:financial|municipal|budget|accounting) year\b|"
            r"\bfor which year\b|\bwhich year(?:'s)? (?:accounts|budget|statements?|return|precept)\b"
        ),
        FINANCIAL_YEAR,
    ),
    (
        re.compile(
            r"\b(?:what|which) (?:\w+ )?(?:percentage|proportion|per ?cent|share|fraction)\b|"
            r"\bhow many per ?cent\b|\bwhat %|\bas a (?:percentage"
            r"|proportion)\b|\b(?:percentage|proportion) of\b"
        ),
        PERCENT,
    ),
    (
        re.compile(
            r"^how (?:often|frequently)\b|\bhow (?:often|frequently)\b|\bat what (?:frequency|intervals?)\b"
        ),
        RATE,
    ),
    (re.compile(r"\bhow many\b|\bwhat (?:was|is|were|are) the number\b|\bwhat number\b"), COUNT),
    (re.compile(r"^(?:did|were|was there|was|has|have|had) (?:any|anyone|anybody)\b"), COUNT),
    (
        re.compile(
            r"\b(?:what|which)\b(?:\s+[\w'’]+){0,5}\s+(?:rate|score"
            r"|ranking|rank|ratio|grade|pay point|scale point|"
            r"spinal (?:column )?point|band|position|rating|standing|index)\b"
        ),
        RATE,
    ),
    (re.compile(r"\bhow much\b(?! (?:time|longer|later|earlier))"), MONEY),
    (
        re.compile(
            r"^(?:when|until when|by when|since when)\b|\bwhat date\b|\bon what (?:day|date)\b|"
            r"\bwhich (?:day|date|month|year|week)\b|\bin what (?:month"
            r"|year|week)\b|\bwhat (?:day|month|year)\b|"
            r"\bwhich (?:earlier |previous |next |later |last )?(?:[\w'’-]+ ){0,3}meeting(?:'s)?\b"
            r"(?! (?:room|place|venue|hall))|(?:^|, |; )(?:and )?when\b"
        ),
        DATE,
    ),
    (re.compile(r"^(?:who|whom|whose)\b|\b(?:by|to|from|with|for) whom\b|\bwho\b|\bwhose\b"), PERSON),
    (
        re.compile(
            r"\b(?:which|what)(?: (?!" + _NOT_BETWEEN + r")\w+)? (?:" + _PERSON_NOUNS + r")\b|\bname of the\b"
        ),
        PERSON,
    ),
    (
        re.compile(r"\b(?:which|what)(?: (?!" + _NOT_BETWEEN + r")\w+){0,2} (?:" + _ORG_NOUNS + r")\b"),
        ORGANISATION,
    ),
    (
        re.compile(
            r"^where\b|\bwhere\b|\b(?:which|what)(?: (?!"
            + _NOT_BETWEEN
            + r")\w+)? (?:"
            + _PLACE_NOUNS
            + r")\b"
        ),
        PLACE,
    ),
    (re.compile(r"^why\b"), REASON),
    # "What was the approved budget for ...?", "What level of funding ...?", "What amount was
    # awarded?": the noun asked for is an amount, whatever verb of deciding follows or precedes.
    (_AMOUNT_ASKED, MONEY),
    (
        re.compile(
            r"\b(?:decide|decided|decision|decisions|resolve|resolved|resolution|agree|agreed|approve|"
            r"approved|determine|determined|conclude|concluded|vote|outcome)\b"
        ),
        DECISION,
    ),
    (
        re.compile(
            r"\b(?:ask|asked|asking|request|requested|requesting|call|called|calling|press|pressed|urge|urged)"
            r" (?:for|that|to|on)\b|\bwhat did .* (?:want|ask|request|urge|recommend|propose|suggest)\b|"
            r"\bshould happen\b|\bwhat .* (?:asking|requesting)\b"
        ),
        REQUEST,
    ),
    (
        re.compile(
            r"\bwhy\b|\bwhat (?:was|is|were|are) the reasons?\b|\bfor what reason\b|\bwhat prompted\b"
        ),
        REASON,
    ),
    (
        re.compile(
            r"^what (?:did|does|do|was|were|is|are|had|has|will|would|could|should)\b.*\b(?:"
            + _MONEY_WORDS
            + r")\b"
        ),
        MONEY,
    ),
    (re.compile(r"^(?:what|which) (?:\w+ )?(?:" + _MONEY_WORDS + r")\b"), MONEY),
    (re.compile(r"^(?:by how much|how much)\b"), MONEY),
)
# "By how much ...": money when the question is about money, else a percentage.
_BY_HOW_MUCH = re.compile(r"\bby how much\b|\bhow much (?:higher|lower|more|less|bigger|smaller)\b")
_MONEY_HINT = re.compile(r"\b(?:" + _MONEY_WORDS + r")\b")

# The word minutes record an attendance status under, searched for when a question puts it
# in other words.
_ATTENDANCE_WORD = {"apologies": "apologies", "substitute": "substitute"}
# What an attendance question asks, from its words (first match wins).
_ATTENDANCE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("declaration", re.compile(r"\bdeclar\w*\b.*\binterests?\b|\binterests?\b.*\bdeclar", re.I)),
    (
        "substitute",
        re.compile(
            r"\bsubstitut\w*|\b(?:stood|stand|standing|sat|sit"
            r"|sitting) in for\b|\bdeputi[sz]\w*|\bin place of\b",
            re.I,
        ),
    ),
    (
        "apologies",
        re.compile(
            r"\bapolog\w*|\babsent\b|\babsence\b|\bsent regrets\b|\bnot (?:attend|present)"
            r"|\b(?:unable to|not able to|could ?n[o'’]t|did ?n[o'’]t|failed to) (?:attend|come|make it)\b"
            r"|\bmissed the meeting\b",
            re.I,
        ),
    ),
    ("vice_chair", re.compile(r"\bvice[- ]chair\w*", re.I)),
    (
        "present",
        re.compile(
            r"\bwho (?:was|were) (?:present|there)\b|\bwho attended\b|\battended\b|\bpresent at\b", re.I
        ),
    ),
)
# "Who chaired the meeting", "who was in the chair", "who presided": the meeting's chair,
# unless the question names another group ("who will chair the working group").
_MEETING_CHAIR = re.compile(
    r"\bwho (?:chaired|presided|was (?:in )?the chair|took the chair"
    r"|was chair(?:man|woman|person)? (?:of|at|for))\b"
    r"|\bwho was in the chair\b|\bwho chairs? the meeting\b",
    re.I,
)
_NOT_A_MEETING = re.compile(
    r"\b(?:working|task|steering|project|advisory|member|members'?|reference|sub|focus)[- ]?(?:and finish )?"
    r"(?:group|panel|party|board)\b|\bgroup\b|\bpartnership\b|\bworkshop\b",
    re.I,
)
# Words after (or just before) a period that make it the meeting's date, not the fact's:
# "at its May 2019 meeting", "the 4 May 2019 Planning Committee", "the March 2020 forward
# plan".
_MEETING_NOUNS = (
    r"meetings?|committees?|panels?|councils?|cabinet|board|forum|agenda|minutes|plan|report|update|"
    r"paper|papers|session|hearing|discussion|debate|annual meeting|performance report"
)
_MEETING_AFTER = re.compile(r"^(?:'s)?\s*(?:[\w&'’-]+\s+){0,4}?(?:" + _MEETING_NOUNS + r")\b", re.I)
_MEETING_BEFORE = re.compile(
    r"\b(?:meeting|meetings|committee|panel|council|cabinet|board|forum)\s+(?:held\s+)?(?:on|of|in|dated)\s+(?:the\s+)?$",
    re.I,
)
# Names in a question: titled ("Ms Corlett", "Councillor Coombes") or two to three capitalised
# words that are not the question's first word ("Dan Bramall", "Alan Morris").
PERSON_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Prof|Professor|Lord|Lady)\.? (?:[A-Z]\.? ?){0,3}"
    r"[A-Z][A-Za-z'’-]+(?: [A-Z][a-z'’-]+)?"
)
# A surname may be capitalised inside too ("McGrain", "MacPhail", "O'Neill", "DeVito").
_SURNAME = r"(?:Mc|Mac|O['’]|D['’]|De|Le|La|Van|Von)?[A-Z][a-z'’-]+"
_CAPITALISED_NAME = re.compile(r"(?<![\w'’])([A-Z][a-z'’-]+(?: " + _SURNAME + r"){1,2})(?:'s|’s)?\b")
# Capitalised words that make a capitalised phrase a body, place or thing, not a person.
_NOT_NAME_WORDS = frozenset(
    """
    committee council councils panel board cabinet group services service street road lane avenue
    trust community school schools centre centres policy plan fund authority partnership team
    department office hall house park city county parish village town district ward area north
    south east west upper lower great little new old saint st annual meeting forum review report
    scheme project programme strategy profile stage health care children's childrens transport
    connectivity workplace parking levy bank ltd limited plc company society association
    """.split()
)
# Question words that ask for the last value of a change ("from 48% to 53%") or the first.
_WANTS_END = re.compile(
    r"\b(?:now|currently|current|latest|most recent|projected|forecast|expected|to be|rise to|fall to|new)\b"
)
_WANTS_START = re.compile(
    r"\b(?:originally|original|previously|previous|initially|initial|baseline|before|used to)\b"
)
_PLURAL = re.compile(r"\bwho were\b|\bwhich (?:members|councillors|officers|people)\b|\bwho (?:all|else)\b")
_YES_NO = re.compile(r"^(?:was|were|did|is|are|has|have|had|does|do)\b", re.I)
_WORDS_OF_TYPE = {
    PERCENT: "percentage proportion share per cent percent fraction",
    COUNT: "number",
    MONEY: "much amount",
    DATE: "date day month year",
    TIME: "time",
    PERSON: "person",
    RATE: "often",
}


@dataclass
class Question:
    """What `read_question` reads from a question."""

    text: str
    answer_type: str
    terms: list[str]
    periods: list[Period] = field(default_factory=list)
    meeting_periods: list[Period] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    attendance: str | None = None
    meeting_chair: bool = False
    plural: bool = False
    yes_no: bool = False
    wants: str | None = None  # "end" or "start" of a change

    @property
    def all_periods(self) -> list[Period]:
        return self.periods + self.meeting_periods

    @property
    def person_surnames(self) -> set[str]:
        return {p.replace(".", " ").split()[-1].lower() for p in self.persons}


def _final_sentence(text: str) -> str:
    """The sentence that asks (a question may open with context: "The group found X. Who ...?")."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    asking = [p for p in parts if p.rstrip().endswith("?")]
    sentence = (asking[-1] if asking else parts[-1]).strip()
    # A clause that sets the scene comes before the one that asks: "When the council approved
    # the May minutes, who seconded them?", "As of June 2024, which person ...?".
    opened = _SCENE_CLAUSE.match(sentence)
    return sentence[opened.end() :] if opened else sentence


_SCENE_CLAUSE = re.compile(
    r"^(?:when|if|after|before|as|since|while|once|although|though|given that|in|at|on|for|according to)"
    r"\b[^?]*?,\s+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)",
    re.I,
)


def classify(text: str) -> str:
    """The answer type a question asks for (see `_TYPE_RULES`)."""
    sentence = " ".join(_final_sentence(text).lower().split())
    sentence = sentence.replace("’", "'")
    if _BY_HOW_MUCH.search(sentence):
        return MONEY if _MONEY_HINT.search(sentence) else PERCENT
    for pattern, answer_type in _TYPE_RULES:
        if pattern.search(sentence):
            return answer_type
    return TEXT


def _split_periods(text: str, periods: list[Period]) -> tuple[list[Period], list[Period]]:
    """(periods of the fact, periods naming the meeting)."""
    facts: list[Period] = []
    meetings: list[Period] = []
    for period in periods:
        after = text[period.end_char : period.end_char + 60]
        before = text[max(0, period.start_char - 40) : period.start_char]
        if _MEETING_AFTER.match(after) or _MEETING_BEFORE.search(before):
            meetings.append(period)
        else:
            facts.append(period)
    return facts, meetings


def _persons(text: str) -> list[str]:
    found = [re.sub(r"['’]s$", "", m.group(0)) for m in PERSON_NAME.finditer(text)]
    first_word = re.match(r"\W*(\w+)", text)
    for m in _CAPITALISED_NAME.finditer(text):
        name = re.sub(r"['’]s$", "", m.group(1))
        if first_word and m.start() == first_word.start(1):
            continue
        if any(name in f for f in found) or find_periods(name):
            continue
        if any(
            word.lower().rstrip("'’s") in _NOT_NAME_WORDS or word.lower() in _NOT_NAME_WORDS
            for word in name.split()
        ):
            continue
        found.append(name)
    return found


_ASKS_SECONDER = re.compile(r"\bsecond(?:ed|er|ing|s)\b", re.I)
_ASKS_PROPOSER = re.compile(r"\b(?:propos(?:ed|er|ing)|mov(?:ed|er)|put forward|tabled)\b", re.I)
_ASKED_MOTION_CUE = re.compile(
    r"\b(?:(propos(?:ed|er|ing)|mov(?:ed|er)|put forward)|(second(?:ed|er)))\b", re.I
)


def asked_motion_role(question: str) -> str | None:
    """ "seconder" or "proposer" when a question asks who seconded or who proposed (moved) a
    motion ("who seconded them?", "which councillor moved that the minutes be accepted?");
    None otherwise. Where it names both ("who seconded the motion proposed by ...?"), the
    verb it asks with, the first, is the role."""
    seconder, proposer = bool(_ASKS_SECONDER.search(question)), bool(_ASKS_PROPOSER.search(question))
    if seconder and proposer:
        first = _ASKED_MOTION_CUE.search(question)
        return "seconder" if first and first.group(2) else "proposer"
    return "seconder" if seconder else "proposer" if proposer else None


# The side of a vote a count question asks about ("how many voted against?").
_VOTE_SIDE_ASKED = (
    ("abstain", re.compile(r"\babstain\w*|\babstentions?\b", re.I)),
    ("against", re.compile(r"\b(?:vot\w*|were|cast)\s+against\b|\bagainst\b", re.I)),
    ("for", re.compile(r"\bvot\w*\s+(?:for|in favour)\b|\bin favour\b", re.I)),
)
_COUNT_OF_VOTES = re.compile(r"\bhow many\b[^?]*\b(?:vot(?:e|es|ed|ing)|abstain\w*|abstentions?)\b", re.I)


def asked_vote_side(question: str) -> str | None:
    """ "for", "against" or "abstain" when a question asks how many voted one way."""
    if not _COUNT_OF_VOTES.search(question):
        return None
    return next((side for side, pattern in _VOTE_SIDE_ASKED if pattern.search(question)), None)


def read_question(question: str) -> Question:
    """Read a plain-English question (see the module docstring)."""
    text = " ".join(question.split())
    answer_type = classify(text)
    lowered = text.lower()
    periods = find_periods(text)
    facts, meetings = _split_periods(text, periods)
    period_words = {s for p in periods for s in stems(p.label)}
    type_words = set(stems(_WORDS_OF_TYPE.get(answer_type, "")))
    terms: list[str] = []
    for stem in stems(text):
        # A "word" with no letter or digit ("*", "?") carries no content: `ask "*"` must
        # abstain, not match the asterisks in a paper (issue 13).
        if (
            stem in period_words
            or stem in type_words
            or stem in terms
            or not any(ch.isalnum() for ch in stem)
        ):
            continue
        terms.append(stem)
    attendance = next((ask for ask, pattern in _ATTENDANCE if pattern.search(text)), None)
    cue = _ATTENDANCE_WORD.get(attendance or "")
    if cue and answer_type in (PERSON, COUNT) and not any(t.startswith(cue[:5]) for t in terms):
        # "Who was unable to attend?": minutes record it as apologies, whatever the question
        # calls it, so the record's own word is searched for too.
        terms.append(stems(cue)[0])
    final = _final_sentence(text)
    meeting_chair = bool(_MEETING_CHAIR.search(final)) and not _NOT_A_MEETING.search(final)
    wants = "end" if _WANTS_END.search(lowered) else "start" if _WANTS_START.search(lowered) else None
    return Question(
        text=text,
        answer_type=answer_type,
        terms=terms,
        periods=facts,
        meeting_periods=meetings,
        persons=_persons(text),
        attendance=attendance if answer_type in (PERSON, COUNT) or _YES_NO.match(text) else None,
        meeting_chair=meeting_chair,
        plural=bool(_PLURAL.search(lowered)),
        yes_no=bool(_YES_NO.match(text)),
        wants=wants,
    )
