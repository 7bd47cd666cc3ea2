"""The words of deciding, as the decision forms and the outcome reader share them.

Minutes record a decision as a clause: a subject that is the meeting (the body, its members,
or the impersonal "it"), a verb of deciding in any case, voice or tense the record uses, and
its limbs. This module holds those parts, each as a small table, so `decision_forms` can name
structures ("the meeting's subject, then a deciding verb") instead of phrases:

* `VERBS`: the verbs of deciding, lemma -> the outcome the verb itself gives (None for a
  frame verb such as "resolve" or "agree", whose outcome is read from what it governs).
* `forms(lemma, ...)`: a regex alternation of a lemma's inflections.
* `BODY_NOUNS` and `MEMBERS`: what names the meeting; `named_body_matches` tells the meeting's
  own name ("The Transport and Connectivity Committee") from another body's ("North
  Yorkshire Council") by the paper's body.
* `PAPER_NOUNS`: what a meeting notes when noting is a decision ("noted the report", "the
  dates of future meetings"); "noted that ..." is discussion.
"""

from __future__ import annotations

import re

# lemma -> (stem regex that every inflection starts with, outcome or None for a frame verb).
VERBS: dict[str, tuple[str, str | None]] = {
    "resolve": (r"resolv(?:e|es|ed|ing)", None),
    "agree": (r"agree(?:s|d|ing)?", None),
    "decide": (r"decid(?:e|es|ed|ing)", None),
    "determine": (r"determin(?:e|es|ed|ing)", None),
    "approve": (r"approv(?:e|es|ed|ing)", "approved"),
    "adopt": (r"adopt(?:s|ed|ing)?", "approved"),
    "accept": (r"accept(?:s|ed|ing)?", "approved"),
    "authorise": (r"authori[sz](?:e|es|ed|ing)", "approved"),
    "ratify": (r"ratif(?:y|ies|ied|ying)", "approved"),
    "confirm": (r"confirm(?:s|ed|ing)?", "approved"),
    "elect": (r"elect(?:s|ed|ing)?", "approved"),
    "appoint": (r"appoint(?:s|ed|ing)?", "approved"),
    "co-opt": (r"co-?opt(?:s|ed|ing)?", "approved"),
    "carry": (r"carr(?:y|ies|ied)", "approved"),
    "pass": (r"pass(?:es|ed)?", "approved"),
    "vote": (r"vot(?:e|es|ed|ing)", None),
    "note": (r"not(?:e|es|ed|ing)", "noted"),
    # Only in the passive: "The report was received" (see PASSIVE_VERBS).
    "receive": (r"receiv(?:e|es|ed|ing)", "noted"),
    "endorse": (r"endors(?:e|es|ed|ing)", "endorsed"),
    "support": (r"support(?:s|ed|ing)?", "endorsed"),
    "recommend": (r"recommend(?:s|ed|ing)?", "recommended"),
    "defer": (r"defer(?:s|red|ring)?", "deferred"),
    "postpone": (r"postpon(?:e|es|ed|ing)", "deferred"),
    "refuse": (r"refus(?:e|es|ed|ing)", "rejected"),
    "reject": (r"reject(?:s|ed|ing)?", "rejected"),
    "decline": (r"declin(?:e|es|ed|ing)", "rejected"),
    # Choosing among quotes or bidders: "The council chose the lowest quote", "Council
    # selected Green Ltd", "the contract was awarded to Green Ltd".
    "award": (r"award(?:s|ed|ing)?", "approved"),
    "select": (r"select(?:s|ed|ing)?", "approved"),
    "choose": (r"(?:chose|chooses|choosing)", "approved"),
    "lose": (r"lost", "rejected"),
    "fall": (r"fell", "rejected"),
    "defeat": (r"defeated", "rejected"),
}


def forms(*lemmas: str) -> str:
    """A regex alternation of every inflection of `lemmas` (no group, no word boundaries)."""
    return "|".join(VERBS[lemma][0] for lemma in lemmas)


def outcome_of(verb: str) -> str | None:
    """The outcome a deciding verb gives by itself (None for frame verbs and unknown words)."""
    if verb.lower() in WELSH_VERBS:
        return WELSH_VERBS[verb.lower()]
    for stem, outcome in VERBS.values():
        if re.fullmatch(stem, verb, re.I):
            return outcome
    return None


# Verbs a body decides with in the active voice ("The Committee noted the report", "That the
# Parish Council support these plans", "Committee resolved to approve").
BODY_VERBS = forms(
    "resolve", "agree", "decide", "determine", "approve", "adopt", "accept", "authorise",
    "ratify", "confirm", "elect", "appoint", "co-opt", "vote", "note", "endorse", "support",
    "recommend", "defer", "postpone", "refuse", "reject", "decline", "award", "select", "choose",
)  # fmt: skip
# Members speak for the meeting only through its formal verbs: "Members supported the idea" is
# debate, "Members agreed that ..." and "Councillors noted the dates ..." are decisions.
# "Cllrs recommended refusal" is the meeting's response to a planning application.
# The formal verbs of electing, confirming, refusing and putting off are the meeting's too ("The
# members refused the request", "Members deferred a decision until the quotes are in").
MEMBER_VERBS = forms(
    "resolve", "agree", "decide", "vote", "approve", "note", "accept", "adopt", "recommend", "ratify",
    "authorise", "confirm", "elect", "appoint", "co-opt", "defer", "postpone", "refuse", "reject",
    "decline", "award", "select", "choose",
)  # fmt: skip


def shouted(alternation: str) -> str:
    """The same verbs in capitals ("The Council NOTED the report", "Members AGREED"): minutes
    print the deciding word in capitals after any subject, not only RESOLVED. `alternation` is
    one of `forms`' (letters, groups and "?", no escapes, so upper case changes only letters)."""
    return alternation.upper()


# The passive of a decided thing: "The minutes ... were confirmed as a true copy", "Cheques in
# payment of the following invoices were signed", "An online payment was authorised".
PASSIVE_VERBS = (
    forms("approve", "agree", "adopt", "accept", "authorise", "ratify", "elect", "appoint", "co-opt",
          "carry", "endorse", "support", "defer", "postpone", "refuse", "reject", "decline", "select")
    # "confirmed as a true record"; "This was confirmed." (the proposal just described).
    + r"|confirmed(?=\s+as\b|\s*[.;]?\s*$)|signed|granted|passed(?!\s+(?:on|to|through|back)\b)"
    # Re-elected, re-appointed: "Cllr Holt was re-elected as Chairman".
    + r"|re-?(?:elected|appointed|adopted)"
    # Approval given: "Approval was given for the purchase of a bench" (`decision_forms` takes
    # "given" only with such a subject).
    + r"|given"
    # A sum fixed: "The precept for 2019/20 was set at £10,000".
    + r"|set(?=\s+(?:at\s+£|for\s+(?:the\s+(?:year|financial\s+year)\s+)?\d{4}))"
    # A contract let: "the contract was awarded to Green Ltd".
    + r"|awarded(?=\s+to\b)"
    # A result declared: "were declared elected", "The new membership ... was then declared as:"
    # (an interest "declared" is not a decision).
    + r"|declared(?=\s+(?:duly\s+)?(?:elected|appointed|carried|lost|as\b))"
    # Minutes moved as a correct record: "These were moved as correct by Cllr Clark and Cllr Ross".
    + r"|(?:moved|proposed)(?=\s+as\s+(?:a\s+)?(?:correct|true|accurate)\b)"
    + r"|received\s+and\s+noted|noted"
    # A paper formally received is noted ("The report was received showing that ..."); mail
    # "received from" someone, or "received since" the last meeting, is correspondence.
    + r"|received(?!\s+(?:from|since|after|before|late|by|in|at|on|via|with|back)\b)"
)  # fmt: skip

# Adverbs that may stand between the subject (or auxiliary) and the deciding verb.
ADVERBS = (
    r"(?:also|then|further|therefore|thereupon|subsequently|accordingly|formally|duly|hereby|"
    r"unanimously|UNANIMOUSLY|now|finally|nevertheless|however|and\s+is|be\s+and\s+is|not)"
)

# What names the meeting itself. A named body must be the paper's own (see
# `named_body_matches`): an officer reporting that "North Yorkshire Council agreed" is not a
# decision of the parish council whose minutes these are.
BODY_NOUNS = (
    r"(?:Sub-Committee|Subcommittee|Committee|Panel|Cabinet|Board|Council|Forum|Executive|"
    r"Assembly|Commission|Authority|Partnership|Meeting|Group)"
)
_NAME_WORD = r"(?:[A-Z][\w'’&-]*|and|of|for|&)"
BODY_SUBJECT = (
    rf"(?:(?:(?:The|This|the|this)\s+)?(?:{_NAME_WORD}\s+){{0,8}}?{BODY_NOUNS}"
    # "The Committee for Transport and connectivity noted the report" (Bristol 15 May 2025).
    r"(?:\s+(?:for|of)\s+[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,5}?)?"
    # Minutes that write the body in lower case: "the parish council resolved to ...".
    r"|(?:The|the)\s+(?:(?:parish|town|community|county|district|city|borough|full)\s+)?"
    r"(?:council|committee|sub-committee|panel|board|meeting)"
    # The council by its initials, as its own minutes write it: "The PC agreed to fund ...",
    # "TC resolved to ..." (`named_body_matches` reads them against the paper's body).
    r"|(?:(?:The|the)\s+)?(?:PC|TC|CC)(?=\s))"
)
# Councillors as minutes abbreviate them ("Cllrs agreed to look at the matter", Welsh and
# English community councils alike).
_MEMBER_NOUN = r"(?:Members|members|Councillors|councillors|Cllrs|cllrs)"
MEMBERS = (
    rf"(?:(?:The|the)\s+)?(?:(?:Committee|Council|Panel|Board|Parish|Town|Community)\s+)?{_MEMBER_NOUN}(?:\s+present)?"
    r"|(?:All|all|Those|those)\s+(?:members\s+|councillors\s+|those\s+)?present"
    # "All Cllrs agreed to ...", "All Councillors present agreed."
    rf"|(?:All|all)\s+(?:the\s+)?{_MEMBER_NOUN}(?:\s+present)?"
    # "A majority voted in favour", "The majority of Councillors agreed to ..."
    rf"|(?:A|a|The|the)\s+majority(?:\s+of\s+(?:the\s+)?(?:{_MEMBER_NOUN}|those\s+present))?"
    r"|(?:The|the)\s+meeting"
    # Minutes in the first person plural (community councils': "We agreed to write to ...").
    r"|We|we"
    # "All agreed." and "All in favour" are the members deciding together.
    r"|All|all"
)

# Generic words that do not make a body name another body's ("The Full Council" is the
# council itself; "The Committee for Transport" is the Transport committee).
_GENERIC = {
    "the", "this", "and", "of", "for", "full", "policy", "sub", "committee", "subcommittee",
    "panel", "cabinet", "board", "council", "forum", "executive", "assembly", "commission",
    "authority", "partnership", "meeting", "group", "members", "councillors", "present",
}  # fmt: skip
# A bare noun that always means the meeting itself, whatever the paper's body is called.
_ALWAYS_SELF = {"committee", "meeting"}


# A council's initials stand for its kind: "PC" is the parish council, "CC" the community
# council (never the county council: a county's minutes do not call themselves "CC").
_INITIALS = {"pc": ("parish", "council"), "tc": ("town", "council"), "cc": ("community", "council")}


def _words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.casefold().replace("&", " and ").replace("’", "'"))
    return {expanded for word in words for expanded in _INITIALS.get(word, (word,))}


def named_body_matches(subject: str, body: str | None) -> bool:
    """Whether `subject` ("The Policy Committee for Transport and Connectivity") names the
    paper's own body (`body`, e.g. "Transport and Connectivity Policy Committee"). An unknown
    body accepts every subject; a bare "The Committee" or "the meeting" is always the meeting's
    own; another bare noun ("Cabinet", "Council") must be the body's own kind."""
    if not body:
        return True
    words = _words(subject) - {"the", "this"}
    body_words = _words(body)
    specific = words - _GENERIC
    if specific:
        return specific <= body_words
    nouns = words & (_GENERIC - {"and", "of", "for", "full", "policy", "sub", "present"})
    return not nouns or bool(nouns & (_ALWAYS_SELF | body_words))


# What a meeting notes when noting is a decision. "noted that ..." reports a point of debate,
# and so do "The following comments or clarifications were noted:" (Bristol 23 October 2025).
PAPER_NOUNS = (
    r"(?:report|reports|update|updates|information|contents?|programme|petitions?|forum|minutes|"
    r"correspondence|letters?|accounts?|statements?|dates?|schedule|list|papers?|presentation|"
    r"responses?|budget|plan|figures|reconciliation|notes|return|membership|appointments?|"
    r"terms of reference|summary|position|recommendations?|register|policy|review|notices?|decisions?|"
    r"arrangements|receipt|work programme|action log|item|items|scheme)"
)
NOT_A_NOTING = re.compile(
    r"^\s*(?:,|that\b|with\b|how\b|why\b|what\b|whether\b|concerns?\b|the\s+(?:need|importance|point|"
    r"risk|fact|concern|view|suggestion)s?\b)",
    re.I,
)
# "The Committee noted that the following Public Forum had been received" notes papers.
NOTED_RECEIPT = re.compile(
    r"^\s*that\s+the\s+following\b[^;]{0,80}\b(?:received|submitted|tabled|made|appointed|elected)\b", re.I
)

# An agent after a passive that is not the meeting makes it someone else's decision ("approved
# by the previous administration", "signed by 1,870 petitioners").
OWN_AGENT = re.compile(
    r"^\s*by\s+(?:the\s+)?(?:(?:parish|town|community|full)\s+)?(?:meeting|committee|council|panel|board|"
    r"cabinet|members|councillors|cllrs|all|(?:a\s+)?resolution|"
    r"those\s+present|a\s+majority|majority|chair(?:man|person)?|mayor|show\s+of\s+hands|\d+\s+votes?|"
    # Cheques signed by the councillors the meeting names to sign: "signed by two signatories".
    r"(?:two|2|both|the)\s+(?:authorised\s+)?signatories)\b",
    re.I,
)
ELSEWHERE = re.compile(
    r"^\s*(?:by\b|(?:in|at|on|during)\s+(?:the\s+)?(?:last|previous|earlier|prior|\d{4}\b|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))",
    re.I,
)


# Welsh minutes record decisions in the impersonal past, the verb standing for "it was ...-ed"
# ("Cytunwyd y dylid gwneud y sylw canlynol": it was agreed that the following observation
# be made; "| Nodwyd" in the margin: noted). Manordeilo and Salem Community Council, 2019.
# "Derbyniwyd" (received) is left out: "Derbyniwyd ymddiheuriadau" receives apologies.
WELSH_VERBS: dict[str, str | None] = {
    "penderfynwyd": None,  # it was resolved / decided
    "cytunwyd": None,  # it was agreed
    "cymeradwywyd": "approved",
    "mabwysiadwyd": "approved",
    "awdurdodwyd": "approved",
    "etholwyd": "approved",
    "penodwyd": "approved",
    "cadarnhawyd": "approved",
    "nodwyd": "noted",
    "gohiriwyd": "deferred",
    "gwrthodwyd": "rejected",
}
WELSH_DECIDING = "|".join(WELSH_VERBS)
