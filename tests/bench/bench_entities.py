"""Benchmark: entity extraction words/s against plain `nlp.pipe` of the same spaCy model.

A plain script, not a test: `python tests/bench/bench_entities.py [--repeat N]`.
The text is the section prose of the sample corpus (what ingest feeds the entity stage). In
this one process, each measured `--repeat` times (median reported):

* baseline: `spacy.load(<model>)` with its default pipeline, `list(nlp.pipe(texts))`;
* stricter baseline: `spacy.load(<model>, exclude=ingest.analyses.nlp.EXCLUDED)` (NER only: the same
  components ours runs, without our rules or post-processing), `list(nlp.pipe(texts))`;
* ours, one core: `ingest.analyses.nlp.get_nlp()` (rules + NER only) with `spans_in` junk filtering and
  name merging, as the ingest stage runs it;
* ours, two processes: the same with `nlp.pipe(..., n_process=2)`.

Targets: ours >= 0.8x baseline on one core, >= 1.5x baseline with both cores. The ratio
against the stricter baseline shows what the rules and filtering cost on their own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from ingest.analyses.entities import _texts, spans_in  # noqa: E402
from ingest.analyses.nlp import EXCLUDED, MODEL_PACKAGES, get_nlp  # noqa: E402
from ingest.pipeline import parse_file  # noqa: E402
from minutebook.names import merge_names  # noqa: E402
from tests.bench.timing import median_seconds  # noqa: E402

CORPUS = REPO / "corpus"


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        texts.extend(text for text, _, _ in _texts(parse_file(path)))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import spacy

    texts = corpus_texts()
    words = sum(len(t.split()) for t in texts)
    name = next(n for n in MODEL_PACKAGES if spacy.util.is_package(n))
    plain = spacy.load(name)
    ner_only = spacy.load(name, exclude=EXCLUDED)
    ours = get_nlp()
    list(plain.pipe(texts[:5]))  # warm all three up
    list(ner_only.pipe(texts[:5]))
    list(ours.pipe(texts[:5]))

    def baseline() -> None:
        list(plain.pipe(texts))

    def strict_baseline() -> None:
        list(ner_only.pipe(texts))

    def extract(n_process: int) -> Callable[[], None]:
        def run() -> None:
            people: list[str] = []
            for processed in ours.pipe(texts, batch_size=64, n_process=n_process):
                people.extend(s for k, s, _, _ in spans_in(processed) if k == "person")
            merge_names(people)

        return run

    base = median_seconds(baseline, args.repeat)
    strict = median_seconds(strict_baseline, args.repeat)
    one = median_seconds(extract(1), args.repeat)
    two = median_seconds(extract(2), args.repeat)
    print(f"model {name}; {len(texts)} texts, {words} words; median of {args.repeat}")
    print(f"plain nlp.pipe, full pipeline {plain.pipe_names}: {words / base:.0f} words/s")
    print(f"entity extraction, 1 process {ours.pipe_names}: {words / one:.0f} words/s")
    print(f"  ratio {base / one:.2f}x (target >= 0.8x)")
    print(f"entity extraction, 2 processes: {words / two:.0f} words/s")
    print(f"  ratio {base / two:.2f}x (target >= 1.5x)")
    print(f"plain nlp.pipe, same components {ner_only.pipe_names} (no rules, no filtering):")
    print(f"  {words / strict:.0f} words/s")
    print(f"  ours vs it: 1 process {strict / one:.2f}x, 2 processes {strict / two:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
