"""Analyses that run on a parsed document, after items and sections: attendance, figures,
tables, decisions, actions; and entities, which run apart. A registry, so a new analysis is
one line here and one module.

Each analysis fills fields of the `Document` it is given and must not touch pages, items or
sections. `registered_analyses` run inside the parsing workers; `entity_analysis` (spaCy)
runs as a second pass over stored documents in one process (`ingest.entity_pass`), so the
model is loaded once per ingest, not once per worker. It reads only a document's items,
sections and attendance, and no other analysis reads what it fills (`mentions`).
"""

from __future__ import annotations

from collections.abc import Callable

from minutebook.models import Document

Analysis = Callable[[Document], None]


def registered_analyses() -> list[Analysis]:
    """The analyses the parsing workers run, in order (later ones may read what earlier ones
    filled in). Entities are not among them: see `entity_analysis`."""
    from ingest.analyses.actions import analyse_actions
    from ingest.analyses.attendance import extract_attendance
    from ingest.analyses.decisions import analyse_decisions
    from ingest.analyses.figures import extract_figures
    from ingest.analyses.tables import extract_tables

    # Attendance first: entities read it to merge names and resolve "the Chairman". Actions
    # after decisions: they are a decision's promised deliverables and the officers' promises.
    return [
        extract_attendance,
        extract_figures,
        extract_tables,
        analyse_decisions,
        analyse_actions,
    ]


def entity_analysis() -> Analysis:
    """Entity extraction (fills `mentions`; reads items, sections and attendance, so it runs
    after `extract_attendance`)."""
    from ingest.analyses.entities import extract_entities

    return extract_entities


def all_analyses() -> list[Analysis]:
    """Every analysis in one list, entities included, for reading a paper in one go
    (`parse_file(..., analyses=all_analyses())`: benchmarks, evaluations)."""
    first, *rest = registered_analyses()
    return [first, entity_analysis(), *rest]
