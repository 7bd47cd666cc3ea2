"""Due dates resolved against the meeting date, from the phrases the papers use."""

from __future__ import annotations

import pytest

from ingest.analyses.due_dates import resolve_due


@pytest.mark.parametrize(
    ("phrase", "meeting", "due", "due_text"),
    [
        (
            "It was agreed that an update report would be presented in four months.",
            "2014-03-13",
            "2014-07-13",
            "in four months",
        ),
        (
            "An updated report should be brought to the Committee within six months.",
            "2014-06-17",
            "2014-12-17",
            "within six months",
        ),
        (
            "a further update report ... would be presented in the autumn.",
            "2014-03-13",
            "2014-11-30",
            "the autumn",
        ),
        (
            "a further written report be provided to the Committee in Autumn 2014",
            "2014-06-17",
            "2014-11-30",
            "Autumn 2014",
        ),
        ("made available at the July 2014 Committee meeting.", "2014-06-17", "2014-07-31", "July 2014"),
        ("A report would be presented in early summer", "2014-03-13", "2014-06-30", "early summer"),
        ("an additional meeting would be scheduled for early May", "2014-03-13", "2014-05-15", "early May"),
        ("between March and June, and ... scheduled for early May", "2014-03-13", "2014-05-15", "early May"),
        ("Quarterly updates would be received", "2014-06-17", "2014-09-17", "Quarterly"),
        ("in 3 weeks", "2014-01-30", "2014-02-20", "in 3 weeks"),
        ("within one month", "2014-01-31", "2014-02-28", "within one month"),
        ("the autumn term 2013 review ... report in November", "2014-06-17", "2014-11-30", "November"),
        ("It may be provided", "2014-06-17", None, None),
        ("A written answer would be provided.", "2014-06-17", None, None),
    ],
)
def test_phrase_resolves_to_due_date(
    phrase: str, meeting: str, due: str | None, due_text: str | None
) -> None:
    result = resolve_due(phrase, meeting)
    assert (result.due, result.due_text) == (due, due_text)


def test_next_meeting_is_left_for_the_tracker() -> None:
    result = resolve_due("would be presented at the next Panel meeting", "2014-03-13")
    assert (result.due, result.next_meeting, result.due_text) == (None, True, "at the next Panel meeting")
