"""Analyses: what ingest reads out of a paper once its items and sections are known.

Attendance and declarations, entities (spaCy), figures (money, percentages, indicator tables),
tables (every row with its column headers), resolutions and recommendations, and actions
(commitments), each a module, run in the order `registry.registered_analyses()` gives;
entities run apart, as a second pass over stored documents (`registry.entity_analysis()`,
run by `ingest.entity_pass`). `passages` holds the paragraph and sentence reading that
decisions and actions share; `nlp` loads the spaCy model, `entity_patterns` the rules.

Imports: `minutebook`, `ingest.errors` and this package; never `ingest.pages`,
`ingest.structure`, `ingest.pipeline`, `search` or `ui`.
"""

from ingest.analyses.registry import Analysis, all_analyses, entity_analysis, registered_analyses

__all__ = ["Analysis", "all_analyses", "entity_analysis", "registered_analyses"]
