"""Scoring `minutebook ask` against the frozen question set (tests/labels/ask_questions.json).

Shared by the evaluation script (`eval_ask.py`) and the tests, so both score alike. The labels
are never edited to fit the code. What a right answer is:

* **typed answers** (date, money, person, count, ...): the answer contains one of the
  acceptable answers after normalising case, punctuation, spaces, "£", thousands separators
  and "m"/"million" (`normalise`), on word boundaries, and is short (at most
  `MAX_TYPED_WORDS` words), so a whole sentence cannot score as a span;
* **keyword answers** (decision, request, reason, text): the answer contains every keyword
  (as a word or the start of one: "spread" in "spreading") and is at most
  `MAX_KEYWORD_WORDS` words (a resolution with its limbs, not a whole page);
* **hard negatives**: no answer (`answer` is null).

A citation is right when its quote is verbatim text of the paper it cites (a substring of that
document's stored pages, items or sections) and it cites the labelled file, and the labelled
page where the label has one. The meeting date is reported beside it: it depends on ingest
reading the paper's own date, which this set also exposes.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "tests" / "labels" / "ask_questions.json"
# The second, independently written set: only ever scored, never read (see eval_ask.py).
HELDOUT_QUESTIONS = REPO / "tests" / "labels" / "ask_questions_heldout.json"
# The nine more councils that set draws on (text papers, one folder per council).
DEVCOUNCILS = REPO.parent / "devcouncils"
# A second development set, written by someone who never saw the code, over about fifty more
# councils (text excerpts under ../devcouncils2 .. ../devcouncils9, one folder per council):
# each question names its folder, and its file relative to that folder. Not blind: its
# misses may be listed. Its councils are split in two halves (`council_half`) so the
# confidence can be fitted on one and checked on the other.
ASKDEV2_QUESTIONS = REPO.parent / "askdev2" / "questions.json"
SHARED = REPO.parent / "shared"
# Where each council's papers are (the folders tests may read when present).
FOLDERS = (REPO / "corpus", SHARED / "real-pdfs", SHARED / "more-councils")
PAPER_SUFFIXES = (".txt", ".pdf")
# Councils rules were written against, and councils kept out of sight while writing them.
DEVELOPMENT = ("norfolk", "bristol", "burtoncumwalden")
HELD_OUT = ("weca", "manordeilo")
KEYWORD_TYPES = ("decision", "request", "reason", "text")
NEGATIVE = "negative"
MAX_TYPED_WORDS = 12
MAX_KEYWORD_WORDS = 80


@dataclass(frozen=True)
class Question:
    """One labelled question (fields as in the JSON file)."""

    id: str
    council: str
    question: str
    type: str
    answers: tuple[str, ...]
    keywords: tuple[str, ...]
    file: str
    page: int | None
    meeting_date: str | None
    quote: str
    # The folder (beside the repository) the file is relative to, for a set over several
    # folders of papers (askdev2's "devcouncils4"); "" when the file is a name in the known
    # folders.
    folder: str = ""


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        Question(
            id=q["id"],
            council=q["council"],
            question=q["question"],
            type=q["type"],
            answers=tuple(q.get("answers") or ()),
            keywords=tuple(q.get("keywords") or ()),
            file=q["file"],
            page=q.get("page"),
            meeting_date=q.get("meeting_date"),
            quote=q.get("quote") or "",
            folder=q.get("folder") or "",
        )
        for q in data["questions"]
    ]


def question_folders(questions: list[Question]) -> tuple[Path, ...]:
    """The folders of papers (beside the repository) a question set names, in order."""
    names = dict.fromkeys(q.folder for q in questions if q.folder)
    return tuple(REPO.parent / name for name in names)


def council_half(council: str) -> str:
    """ "A" or "B": a fixed split of councils into two halves, by a hash of the name (not by
    anything about the council's papers or how well ask does on them)."""
    import hashlib

    return "A" if hashlib.sha256(council.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def paper_paths(extra: tuple[Path, ...] = ()) -> list[Path]:
    """Every council paper present in the known folders (READMEs are not papers), then those
    under each `extra` folder (searched recursively: one sub-folder per council)."""
    paths: list[Path] = []
    for folder in FOLDERS:
        if folder.is_dir():
            paths += sorted(p for p in folder.iterdir() if p.suffix.lower() in PAPER_SUFFIXES)
    for folder in extra:
        if folder.is_dir():
            found = sorted(p for p in folder.rglob("*") if p.suffix.lower() in EXTRA_SUFFIXES)
            if any(p.parent != folder for p in found):
                # Papers are one folder per council; a file beside those folders is about
                # the folder (a list of its councils), not a paper.
                found = [p for p in found if p.parent != folder]
            paths += found
    return paths


EXTRA_SUFFIXES = (".txt", ".pdf", ".md")


def file_keys(path: str) -> tuple[str, str]:
    """The names a label may give a stored paper: its file name, and its folder and file name
    ("govan_cc/2024-05-13_minutes.md": papers of several councils may share a file name)."""
    stored = Path(path)
    return stored.name, f"{stored.parent.name}/{stored.name}"


# ------------------------------------------------------------ normalising

_SCALE_WORDS = (
    (re.compile(r"(\d)\s*(?:million|mn|m)\b"), r"\1m"),
    (re.compile(r"(\d)\s*(?:billion|bn)\b"), r"\1bn"),
    (re.compile(r"(\d)\s*(?:thousand|k)\b"), r"\1k"),
)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NOT_TOKEN = re.compile(r"[^a-z0-9%.]+")
_LOOSE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


def normalise(text: str) -> str:
    """Lower case; "£", punctuation and extra spaces gone; "1,900" -> "1900";
    "2.67 million" and "2.67m" -> "2.67m". Decimal points stay ("73.0%" is not "730%")."""
    out = text.lower().replace("’", "'").replace("£", " ")
    out = _THOUSANDS.sub("", out)
    for pattern, replacement in _SCALE_WORDS:
        out = pattern.sub(replacement, out)
    out = _NOT_TOKEN.sub(" ", out)
    out = _LOOSE_DOT.sub(" ", out)
    return " ".join(out.split())


def _spaceless_with_bounds(text: str) -> tuple[str, set[int]]:
    """`text` without spaces, and the offsets in it where a word starts or ends."""
    bounds: set[int] = {0}
    joined = ""
    for word in text.split():
        bounds.add(len(joined))
        joined += word
        bounds.add(len(joined))
    return joined, bounds


def contains(haystack: str, needle: str, *, prefix: bool = False) -> bool:
    """Whether normalised `needle` is in normalised `haystack` on word boundaries; spaces are
    ignored ("8.00 pm" matches "8.00pm") as long as the match starts and ends at a word edge.
    With `prefix`, the match may end inside a word (keyword "spread" in "spreading", "500" in
    "£500k")."""
    hay, want = normalise(haystack), normalise(needle)
    if not want:
        return False
    if f" {want} " in f" {hay} " or (prefix and f" {want}" in f" {hay}"):
        return True
    joined, bounds = _spaceless_with_bounds(hay)
    target = want.replace(" ", "")
    start = joined.find(target)
    while start >= 0:
        if start in bounds and (prefix or start + len(target) in bounds):
            return True
        start = joined.find(target, start + 1)
    return False


# ---------------------------------------------------------------- judging


def answer_correct(question: Question, answer: str | None) -> bool:
    """Whether `answer` is right for `question` (see the module docstring)."""
    if question.type == NEGATIVE:
        return answer is None
    if answer is None:
        return False
    words = len(answer.split())
    if question.type in KEYWORD_TYPES or not question.answers:
        return words <= MAX_KEYWORD_WORDS and all(contains(answer, k, prefix=True) for k in question.keywords)
    return words <= MAX_TYPED_WORDS and any(contains(answer, a) for a in question.answers)


@dataclass
class StoredPapers:
    """What the store holds, by document: file name, meeting date and every stored text a quote
    may come from (plain pages, items, sections)."""

    file_of: dict[str, str] = field(default_factory=dict)
    # Both names of each paper (`file_keys`), by document.
    keys_of: dict[str, tuple[str, str]] = field(default_factory=dict)
    date_of: dict[str, str | None] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # Text reachable by search (items and sections only), by file name.
    indexed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    pages: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def read_store(home: Path) -> StoredPapers:
    from minutebook.store import open_store
    from minutebook.text import plain_text

    stored = StoredPapers()
    with open_store(home) as store:
        for row in store.query("SELECT id, path, meeting_date FROM documents"):
            stored.file_of[row["id"]] = Path(row["path"]).name
            stored.keys_of[row["id"]] = file_keys(row["path"])
            stored.date_of[row["id"]] = row["meeting_date"]
        for row in store.query("SELECT document_id, text FROM sections"):
            stored.texts[row["document_id"]].append(row["text"])
            for key in stored.keys_of.get(row["document_id"], ("",)):
                stored.indexed[key].append(row["text"])
        for row in store.query("SELECT document_id, text FROM items"):
            stored.texts[row["document_id"]].append(row["text"])
            for key in stored.keys_of.get(row["document_id"], ("",)):
                stored.indexed[key].append(row["text"])
        for row in store.query("SELECT document_id, number, text FROM pages ORDER BY number"):
            page = plain_text(row["text"])
            stored.texts[row["document_id"]].append(page)
            for key in stored.keys_of.get(row["document_id"], ("",)):
                stored.pages[key].append(page)
    return stored


def same_paper(stored: StoredPapers, document_id: str, labelled: str) -> bool:
    """Whether the stored document is the labelled file (by file name, or folder/file name)."""
    return labelled in stored.keys_of.get(document_id, ())


def citation_correct(question: Question, result: dict[str, Any], stored: StoredPapers) -> bool:
    """The first citation quotes its paper verbatim and names the labelled file (and page)."""
    if question.type == NEGATIVE or not result.get("citations"):
        return False
    cite = result["citations"][0]
    doc = cite.get("document_id") or ""
    quote = cite.get("quote") or ""
    if not quote or not any(quote in text for text in stored.texts.get(doc, [])):
        return False
    if not same_paper(stored, doc, question.file):
        return False
    return question.page is None or cite.get("page") == question.page


def meeting_correct(question: Question, result: dict[str, Any]) -> bool:
    if question.type == NEGATIVE or not result.get("citations"):
        return False
    return result["citations"][0].get("meeting_date") == question.meeting_date


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[|*#]", " ", text).lower().split())


def _quote_found(quote: str, texts: list[str]) -> bool:
    """Whether most of the labelled quote's words run together in one of `texts` (the label
    was read with pdftotext, the store with pdfminer: spacing and cell order may differ)."""
    words = _squash(quote).split()
    if not words:
        return False
    probes = [" ".join(words[i : i + 4]) for i in range(0, max(1, len(words) - 3), 2)]
    for text in texts:
        squashed = _squash(text)
        if sum(p in squashed for p in probes) >= max(1, int(0.6 * len(probes))):
            return True
    return False


def diagnose(question: Question, result: dict[str, Any], stored: StoredPapers) -> str:
    """Why a miss may be structural (ingest, not ask): the labelled source text is on a stored
    page but in no item or section (never indexed), or the paper's stored meeting date is not
    the labelled one; else "" (an ask miss)."""
    if question.type == NEGATIVE:
        return ""
    notes = []
    if _quote_found(question.quote, stored.pages.get(question.file, [])) and not _quote_found(
        question.quote, stored.indexed.get(question.file, [])
    ):
        notes.append("source text outside any item (not indexed)")
    dates = {stored.date_of[d] for d in stored.file_of if same_paper(stored, d, question.file)}
    if dates and question.meeting_date not in dates:
        notes.append(f"paper stored under meeting date {sorted(map(str, dates))[0]}")
    return "; ".join(notes)


# ----------------------------------------------------------------- tallies


@dataclass
class Outcome:
    """One question's result, judged."""

    question: Question
    result: dict[str, Any]
    seconds: float
    correct: bool
    cited: bool
    meeting: bool
    confident_wrong: bool
    diagnosis: str = ""


def judge(
    question: Question, result: dict[str, Any], seconds: float, stored: StoredPapers, threshold: float
) -> Outcome:
    correct = answer_correct(question, result.get("answer"))
    confident_wrong = (
        not correct
        and result.get("answer") is not None
        and float(result.get("confidence") or 0.0) >= threshold
    )
    outcome = Outcome(
        question=question,
        result=result,
        seconds=seconds,
        correct=correct,
        cited=citation_correct(question, result, stored),
        meeting=meeting_correct(question, result),
        confident_wrong=confident_wrong,
    )
    if not correct:
        outcome.diagnosis = diagnose(question, result, stored)
    return outcome


@dataclass
class Tally:
    """Scores over a group of outcomes."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.type != NEGATIVE]

    @property
    def negatives(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.type == NEGATIVE]

    def scores(self) -> dict[str, Any]:
        answerable, negatives = self.answerable, self.negatives
        n, m = len(answerable), len(negatives)

        def share(count: int, total: int) -> float | None:
            return round(count / total, 3) if total else None

        return {
            "questions": len(self.outcomes),
            "answerable": n,
            "negatives": m,
            "accuracy": share(sum(o.correct for o in answerable), n),
            "correct_and_cited": share(sum(o.correct and o.cited for o in answerable), n),
            "cited": share(sum(o.cited for o in answerable), n),
            "right_meeting": share(sum(o.meeting for o in answerable), n),
            "abstention": share(sum(o.correct for o in negatives), m),
            "confident_wrong": share(sum(o.confident_wrong for o in self.outcomes), len(self.outcomes)),
            "structural_misses": sum(1 for o in answerable if not o.correct and o.diagnosis),
        }


def group(outcomes: list[Outcome], key: str) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for outcome in outcomes:
        tallies[getattr(outcome.question, key)].outcomes.append(outcome)
    return dict(sorted(tallies.items()))


def latency_ms(outcomes: list[Outcome]) -> tuple[float, float]:
    """(median, p95) of seconds per question, in milliseconds."""
    from tests.bench.timing import percentile

    times = [o.seconds for o in outcomes]
    if not times:
        return 0.0, 0.0
    return statistics.median(times) * 1000, percentile(times, 0.95) * 1000
