"""Analyses that run on a parsed document, after items and sections: attendance, entities,
figures, decisions, actions. A registry, so a new analysis is one line here and one module.

Each analysis fills fields of the `Document` it is given and must not touch pages, items or
sections. They run inside the ingest worker processes, so heavy models load once per worker.
"""

from __future__ import annotations

from collections.abc import Callable

from minutebook.models import Document

Analysis = Callable[[Document], None]


def registered_analyses() -> list[Analysis]:
    """The analyses to run, in order (later ones may read what earlier ones filled in)."""
    from ingest.analyses.actions import analyse_actions
    from ingest.analyses.attendance import extract_attendance
    from ingest.analyses.decisions import analyse_decisions
    from ingest.analyses.entities import extract_entities
    from ingest.analyses.figures import extract_figures
    from ingest.analyses.tables import extract_tables

    # Attendance first: entities read it to merge names and resolve "the Chairman". Actions
    # after decisions: they are a decision's promised deliverables and the officers' promises.
    return [
        extract_attendance,
        extract_entities,
        extract_figures,
        extract_tables,
        analyse_decisions,
        analyse_actions,
    ]
