"""The `minutebook` command line: `main` parses (`main.py`), each command lives in
`commands.py`, and `output.py` prints (JSON, text rows, CSV, progress).

Imports: `minutebook`, `ingest`, `search` and `ui.web.launch` (to start the app).
"""

from ui.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
