"""Ask: a plain question -> an extractive answer with verbatim, page-cited quotes.

The pipeline (`pipeline.answer_question`): `question` reads what is asked (answer type,
period, subject); `candidates` retrieves passages from the index; `retrieve` loads them from
the store; `attendance` answers from attendance and declaration tables; `rank` and `text`
score sentences and cut the answer span.

Imports: `minutebook`, `search.engine`, `search.records` and this package only.
"""

from search.ask.pipeline import answer_question

__all__ = ["answer_question"]
