"""Records as users read them: resolutions (with their recommendations and votes), entities
(people merged across papers), figures (money, percentages, indicator cells). Each module
reads the record store and returns CONTRACT.md's rows.

Imports: `minutebook`, `search.engine` and this package only.
"""
