"""Ingest: PDF or text -> pages -> kind and meeting -> items -> sections -> analyses -> store.

`ingest.pipeline.parse_file` turns one file into a `Document`; `ingest.pipeline.ingest_paths`
writes many into the store, in parallel. This package never imports `search/`.
"""
