"""The action tracker: follow each commitment to the later paper that delivers it.

Modules: `subjects` (the words a commitment or title is about), `archive` (what matching
reads from the store, due dates), `evidence` (matching; `refresh_evidence`), `worklist`
(statuses, corrections; `list_actions`). Imports `minutebook` and `search.engine` only.

`refresh_evidence(home, store)` recomputes the derived `action_evidence` table from the
store (run after every ingest); `list_actions(store, status, as_of)` reads actions with their
evidence, applies the user's corrections and judges each one done / open / overdue;
`record_correction(store, action_id, document_id, verdict)` stores a user's verdict.

How a match is found (each rule explained in the stored `explanation`):

* Where to look: papers of the same body and of its *lineage*, dated after the commitment,
  plus the appendices of the minutes that made it (an action log's Response column, a letter
  attached "see Appendix 2"). Lineage rule: two bodies belong to one line when their names
  share the same topic once the words naming a kind of body are removed ("Children's
  Services Overview and Scrutiny Panel" and "Children's Services Committee" are both
  "children's services") *and* one starts meeting no earlier than three months before the
  other stops: a successor taking over the work, not two bodies sitting side by side.
* What counts: a later item whose title covers the commitment's subject. Subject words are the
  commitment's own words, the paragraph it sits in and the title of its item (stemmed, with
  words that only describe the reporting itself removed); the candidate title must be mostly
  covered by them (idf-weighted, so "Children's" everywhere counts for little). When the
  commitment names its own subject ("an update on this partnership"), the title must share a
  word with that subject, not only with the item it came from: a regular performance report is
  not an update on every topic discussed under the last one.
* A commitment to hold a meeting ("an additional meeting would be scheduled for early May") is
  delivered by papers of the body dated within the promised window.
* Status: `done` with evidence; else `overdue` when `as_of` is past the due date, else `open`.
  The due date is the one the papers give; "at the next meeting" is the body's next meeting
  in the store. A commitment with no date has `due: null` and is `open`, never `overdue`;
  one committee cycle (three months) after the meeting is shown as `implied_due`, for
  information, and bounds the window in which a promised meeting counts as held.
* A user's "wrong" verdict drops that document's match; a "right" verdict keeps it even when
  a re-match would not find it. Verdicts live in `corrections`, keyed by content ids, and
  survive re-ingest.
"""

from search.tracker.evidence import refresh_evidence
from search.tracker.worklist import list_actions, record_correction

__all__ = ["list_actions", "record_correction", "refresh_evidence"]
