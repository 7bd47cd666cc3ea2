"""Ask: a plain question -> an extractive answer with verbatim, page-cited quotes.

One pipeline of typed stages (`pipeline.answer_question`), each a module with one job:
`question` (what is asked) -> `retrieve` (passages from the index, loaded from the store) ->
`candidates`, `spans`, `people`, `tables` (typed spans, table cells, sentences, attendance
records) -> `score` and `confidence` (features, calibrated probability) -> `citation` (the
answer or abstention in CONTRACT.md's shape). `passages` holds the passage and its units,
`periods` and `lexicon` the reading of dates and words every stage shares, `evidence` the
candidate they pass along.

Imports: `minutebook`, `search.engine`, `search.records` and this package only.
"""

from search.ask.confidence import ANSWER_THRESHOLD
from search.ask.pipeline import answer_question

__all__ = ["ANSWER_THRESHOLD", "answer_question"]
