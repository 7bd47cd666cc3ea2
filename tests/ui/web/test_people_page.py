"""The People page's record of one person's meetings."""

from __future__ import annotations

from typing import Any

from ui.web.page_people import _attendance_rows


def _record(date: str | None, document: str, status: str = "present", page: int = 1) -> dict[str, Any]:
    return {
        "meeting_date": date,
        "body": "Transport Committee",
        "status": status,
        "role": None,
        "substituting_for": None,
        "document_id": document,
        "page": page,
    }


def test_a_meeting_recorded_by_two_papers_is_one_row() -> None:
    """Minutes and their printed copy both record the attendance of one meeting."""
    entity = {
        "attended": [
            _record("2025-05-15", "minutes"),
            _record("2025-05-15", "printed-minutes", page=2),
            _record("2025-10-23", "minutes-october"),
        ],
        "apologies": [_record("2026-03-19", "minutes-march", status="apologies")],
    }
    rows = _attendance_rows(entity)
    assert [(r["Date"], r["Status"]) for r in rows] == [
        ("2025-05-15", "present"),
        ("2025-10-23", "present"),
        ("2026-03-19", "apologies"),
    ]


def test_undated_papers_keep_a_row_each_after_the_dated_ones() -> None:
    attended = [_record(None, "a"), _record(None, "b"), _record("2024-01-01", "c")]
    entity = {"attended": attended, "apologies": []}
    assert [r["Date"] for r in _attendance_rows(entity)] == ["2024-01-01", "undated", "undated"]
