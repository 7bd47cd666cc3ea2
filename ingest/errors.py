"""The one exception ingest raises for bad input: its message is the user's one-line error."""


class IngestError(Exception):
    """A file that cannot be ingested. `str(err)` says what is wrong and what to do.

    The pipeline prefixes the file's path, so messages here need not repeat it.
    """
