"""Structure: pages -> what the paper is and how it is organised. `lines` flattens pages into
typed lines; `classify` decides the kind of paper; `meeting` reads body, date, time and venue;
`items` splits the agenda or minute items with their printed numbers and page ranges;
`sections` splits each item under its headings.

Imports: `minutebook`, `ingest.errors` and this package only.
"""
