"""Words as ask compares them: the search analyzer's stems, the words that shape a question
rather than say what it is about, and how two stems may still be one word.

Invariants:

* `stems` uses the index's own analyzer (`search.engine.schema.ANALYZER`), so a question's
  stems compare equal to the papers' (STYLE.md habit 4). Words are dropped as stop words by
  their printed form, before stemming (stemming "was" gives "wa", which no stop list holds).
* Everything here is general English: no word list names one council's phrases, bodies or
  abbreviations.
"""

from __future__ import annotations

import re
from functools import lru_cache

from search.engine.schema import ANALYZER

# Words that shape a question (its type, its grammar) but say nothing about what it asks.
QUESTION_WORDS = frozenset(
    """
    a about according actually after all also an and any are as at be been being both but by can
    could did do does done during each either else ever exactly for from get got had has have
    having he her here him his how i if in into is it its itself just me more most much my
    no nor not now of on once only or other our out over own please s same she should so
    some such than that the their them then there these they this those through to too under
    until up us very was we were what whatever when where whether which while who whom whose
    why will with would you your yours
    tell say says said give gave know find show shown happen happened happens
    many number amount figure total value level percentage proportion per cent percent share
    mr mrs ms miss dr cllr
    """.split()
)

# Irregular forms the stemmer leaves apart from their base word (general English only).
_IRREGULAR = {
    "spent": "spend",
    "paid": "pay",
    "met": "meet",
    "held": "hold",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "chose": "choose",
    "chosen": "choose",
    "sent": "send",
    "bought": "buy",
    "sold": "sell",
    "told": "tell",
    "began": "begin",
    "begun": "begin",
    "won": "win",
    "lost": "lose",
    "brought": "bring",
    "thought": "think",
    "sought": "seek",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "grew": "grow",
    "grown": "grow",
    "chaired": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chairmen": "chair",
    "children": "child",
    "childrens": "child",
    "people": "person",
    "women": "woman",
    "men": "man",
}
# Words of general English that name the same thing, by stem (the question may say "reply"
# where the paper says "response"). Checked both ways.
_SAME_MEANING: tuple[tuple[str, ...], ...] = (
    ("decide", "decision", "determine"),
    ("ask", "request"),
    ("spend", "expenditure"),
    ("reply", "respond", "response", "answer"),
    ("choose", "elect", "appoint"),
    ("close", "end", "finish"),
    ("start", "begin", "commence"),
    ("cost", "price"),
    ("say", "state"),
    ("lead", "head"),
    ("councillor", "member"),
    ("total", "altogether", "overall", "combined"),
    ("outturn", "actual", "final"),
    ("overspend", "variance"),
    ("underspend", "variance"),
    ("forecast", "projected", "predicted", "expected"),
    # General English a question writer reaches for where the paper has its own word
    # (the independently written question sets put "aiming for" against "target", "speak"
    # against "address the Council", "approve" against "agreed").
    ("aim", "target", "goal"),
    ("speak", "address"),
    ("approve", "agree", "endorse", "accept", "adopt"),
    ("refuse", "reject", "decline"),
    ("increase", "rise", "grow"),
    ("reduce", "decrease", "cut", "fall", "drop"),
    ("buy", "purchase"),
    ("repair", "fix", "mend"),
    ("postpone", "defer", "delay"),
    ("help", "support", "assist"),
    ("hire", "employ", "recruit"),
    ("fee", "charge"),
    ("salary", "wage"),
    ("staff", "employee", "workforce"),
    ("annual", "yearly", "annum", "annually"),
    ("car", "vehicle"),
    ("rubbish", "litter", "waste"),
    ("quote", "quotation", "tender", "bid"),
    ("contractor", "supplier"),
    ("survey", "questionnaire", "consultation"),
    ("complete", "finish"),
    ("certify", "accredit"),
    ("money", "funding", "fund"),
    # The words of meeting procedure every council's minutes use in one of its forms: a
    # motion "moved" or "proposed", minutes "accurate", "correct" or "a true record", a
    # member "absent" or sending "apologies".
    ("propose", "move"),
    ("accurate", "correct", "true"),
    ("apologies", "absent", "absence"),
)
# How much longer one stem may be than another it starts with and still be the same word
# ("regist"/"registr": registered/registration), and how long the shorter must be.
PREFIX_SLACK = 2
PREFIX_MIN = 5


@lru_cache(maxsize=1 << 16)
def _stem_of(word: str) -> str:
    """The analyzer's stem of one lower-cased word (its stop words kept)."""
    found = [t.text for t in ANALYZER(word, removestops=False)]
    return found[0] if found else word


@lru_cache(maxsize=1 << 16)
def _base_stem(word: str) -> str:
    return _stem_of(_IRREGULAR.get(word, word))


def _tokenizer() -> re.Pattern[str]:
    """The analyzer's own tokenizer pattern, so words split here as they split in the index."""
    for part in getattr(ANALYZER, "items", ()):
        expression = getattr(part, "expression", None)
        if expression is not None:
            return re.compile(expression.pattern, re.UNICODE)
    return re.compile(r"\w+(?:\.?\w+)*", re.UNICODE)


_WORD = _tokenizer()


def stem_word(word: str) -> str:
    """The analyzer's stem of one printed word, irregular forms mapped to their base."""
    return _base_stem(word.lower())


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of every word of `text`, stop words included. Words are split by the
    index analyzer's own tokenizer and stemmed by its stemmer, one word at a time (cached)."""
    return [(_base_stem(m.group(0).lower()), m.start(), m.end()) for m in _WORD.finditer(text)]


def stems(text: str) -> list[str]:
    """Stems of `text`'s words, dropping the analyzer's stop words and question words."""
    out = []
    for stem, start, end in tokens(text):
        word = text[start:end].lower()
        if word in QUESTION_WORDS or _is_stop(word):
            continue
        out.append(stem)
    return out


def stem_set(text: str) -> frozenset[str]:
    """Every stem of `text` (stop words too), for matching a question's stems against."""
    return frozenset(stem for stem, _, _ in tokens(text))


@lru_cache(maxsize=1)
def _analyzer_stops() -> frozenset[str]:
    stop = getattr(ANALYZER, "items", None)
    words: set[str] = set()
    for part in stop or ():
        words |= set(getattr(part, "stops", ()) or ())
    return frozenset(words)


def _is_stop(word: str) -> bool:
    return word in _analyzer_stops()


def same_word(a: str, b: str) -> bool:
    """Whether two stems are one word: equal, or one extends the other by a letter or two."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= PREFIX_MIN and long_.startswith(short) and len(long_) - len(short) <= PREFIX_SLACK


@lru_cache(maxsize=1)
def _meaning_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, frozenset[str]] = {}
    for words in _SAME_MEANING:
        group = frozenset(_stem_of(w) for w in words)
        for stem in group:
            groups[stem] = groups.get(stem, frozenset()) | group
    return groups


@lru_cache(maxsize=1)
def _irregular_by_base() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for word, base in _IRREGULAR.items():
        for stem in {t.text for t in ANALYZER(word)}:
            out.setdefault(_stem_of(base), set()).add(stem)
    return {k: frozenset(v) for k, v in out.items()}


def variants(stem: str) -> frozenset[str]:
    """Stems the index may hold for the same word: irregular forms the index stems apart
    ("chairman" for "chair", "child" for "children") and general words of the same meaning."""
    return (_irregular_by_base().get(stem, frozenset()) | _meaning_groups().get(stem, frozenset())) - {stem}


class TermMatcher:
    """Which of a question's terms a paper's stem is (exactly, as a form or as a synonym),
    remembered per stem: matching a passage costs one lookup per word."""

    def __init__(self, terms: list[str]) -> None:
        self.terms = terms
        self._seen: dict[str, str | None] = {}
        groups = _meaning_groups()
        for term in reversed(terms):  # the first term wins where two share a form
            self._seen[term] = term
            for other in groups.get(term, ()):
                self._seen.setdefault(other, term)
        self._by_prefix: dict[str, list[str]] = {}
        for term in terms:
            if len(term) >= PREFIX_MIN:
                self._by_prefix.setdefault(term[:PREFIX_MIN], []).append(term)

    def term_for(self, stem: str) -> str | None:
        seen = self._seen.get(stem, "")
        if seen != "":
            return seen
        found = None
        if len(stem) >= PREFIX_MIN:
            found = next((t for t in self._by_prefix.get(stem[:PREFIX_MIN], ()) if same_word(t, stem)), None)
        self._seen[stem] = found
        return found

    def found_in(self, have: frozenset[str]) -> set[str]:
        return {t for t in (self.term_for(s) for s in have) if t is not None}

    @property
    def probes(self) -> frozenset[str]:
        """Lower-case beginnings of the words the terms (and their variants) come from: a text
        holding none of them holds none of the terms."""
        found = {t[:4] for t in self.terms}
        for term in self.terms:
            found |= {v[:4] for v in variants(term)}
        return frozenset(found)

    def found_in_text(self, lowered: str) -> set[str]:
        """Terms whose stem (or a variant's) begins a word of `lowered` text: a cheap reading
        of a whole passage, good enough for the passage-wide share of the question's words."""
        out = set()
        for term in self.terms:
            forms = (term, *variants(term))
            if any(re.search(r"\b" + re.escape(f), lowered) for f in forms if f in lowered):
                out.add(term)
        return out


def matches(stem: str, have: frozenset[str] | set[str]) -> bool:
    """Whether `stem` or a form or synonym of the same word is among `have`."""
    if stem in have:
        return True
    if any(v in have for v in _meaning_groups().get(stem, ())):
        return True
    if len(stem) < PREFIX_MIN:
        return False
    return any(same_word(stem, other) for other in have if other[:PREFIX_MIN] == stem[:PREFIX_MIN])
