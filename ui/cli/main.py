"""The `minutebook` command line (CONTRACT.md): the parser and the entry point. `--json`
prints exactly one JSON document on stdout; logs and progress go to stderr.
"""

from __future__ import annotations

import argparse
import errno
import gc
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from minutebook.home import resolve_home, store_path
from minutebook.settings import SettingsError
from minutebook.text import printable
from ui.cli.commands import (
    cmd_actions,
    cmd_ask,
    cmd_check,
    cmd_entities,
    cmd_figures,
    cmd_ingest,
    cmd_meetings,
    cmd_reindex,
    cmd_resolutions,
    cmd_search,
    cmd_ui,
)
from ui.cli.fetch import add_fetch_arguments, cmd_fetch
from ui.cli.watch import add_watch_arguments, cmd_watch

Handler = Callable[[argparse.Namespace, Path], int]


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    # --home and --json work before or after the command name. The subcommands' copies
    # default to SUPPRESS so they do not overwrite a value given before the command.
    parser = argparse.ArgumentParser(
        prog="minutebook",
        description="Search, question answering and follow-up tracking for council committee papers.",
    )
    parser.add_argument("--home", help="data folder (default: $MINUTEBOOK_HOME or ./minutebook-data)")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=argparse.SUPPRESS, help="data folder")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    p = add("ingest", cmd_ingest, "Ingest papers (.pdf, .txt, .md; folders searched recursively).")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--workers", type=int, default=None, help="parallel worker processes (default: CPU cores)")
    p.add_argument("--prune", action="store_true", help="forget stored papers whose files are gone")
    p.add_argument(
        "--pdf-engine",
        choices=["pdfminer", "pdfium"],
        default=None,
        help="library that reads PDF layout: pdfium (default, faster; falls back to pdfminer per"
        " file) or pdfminer (the reference); also MINUTEBOOK_PDF_ENGINE, settings.toml [ingest]",
    )
    _add_limit_flags(p)

    add("reindex", cmd_reindex, "Rebuild the search index from the record store.")
    p = add("check", cmd_check, "Check the record store and the search index; --repair fixes what it can.")
    p.add_argument(
        "--repair",
        action="store_true",
        help="rebuild a damaged or incomplete index; recover a damaged store into a new file"
        " (the damaged one is kept)",
    )
    add("meetings", cmd_meetings, "List meetings with their documents and agenda items, oldest first.")

    p = add("search", cmd_search, 'Full-text search: words, "phrases", AND/OR/NOT, field:value.')
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--body", help="committee or panel")
    p.add_argument("--kind", help="document kind (agenda, minutes, report, …)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="meetings on or after DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="meetings on or before DATE")
    p.add_argument("--person", help="papers naming this person")
    p.add_argument("--org", help="papers naming this organisation")
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument(
        "--any",
        dest="any_word",
        action="store_true",
        help="match any of the words, most matched first (default: every word is required)",
    )
    p.add_argument("--format", choices=["text", "csv"], default="text", help="csv exports the hits")

    p = add("ask", cmd_ask, "Answer a plain question with verbatim, page-cited quotes.")
    p.add_argument("question", metavar="QUESTION")

    p = add("resolutions", cmd_resolutions, "Resolutions recorded in minutes and decision notices.")
    p.add_argument("--body")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--format", choices=["text", "csv"], default="text")

    p = add("actions", cmd_actions, "Actions and commitments, with the paper that delivered each.")
    p.add_argument("--status", choices=["open", "overdue", "done", "all"], default="all")
    p.add_argument("--as-of", dest="as_of", metavar="DATE", help="judge overdue as of DATE (default: today)")
    p.add_argument("--format", choices=["text", "csv"], default="text")

    p = add("entities", cmd_entities, "People, organisations and places named in the papers.")
    p.add_argument("--type", choices=["person", "organisation", "place"])

    p = add("figures", cmd_figures, "Money, percentages, counts and indicator-table cells.")
    p.add_argument("query", nargs="?", metavar="QUERY")

    p = add(
        "fetch",
        cmd_fetch,
        "Fetch a council's papers from its ModernGov site into the home, then ingest them.",
    )
    add_fetch_arguments(p)

    p = add(
        "watch", cmd_watch, "Saved searches: what is new since the last look (watch add|list|remove|run)."
    )
    add_watch_arguments(p, common)

    p = add("ui", cmd_ui, "Start the Streamlit interface over the same home.")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 shares it"
        " with the network, and it has no login)",
    )
    return parser


_LIMIT_HELP = {
    "memory_mb": "memory per worker process, MB (default 1536)",
    "time_per_file": "seconds per file (default 300), plus --time-per-mb",
    "time_per_mb": "extra seconds per MB of the file (default 120)",
    "stream_mb": "MB one PDF stream may inflate to (default 256)",
    "item_chars": "characters spaCy reads at once; longer items in pieces (default 10000)",
}


def _add_limit_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per limit (`minutebook.settings`); 0 turns a limit off. Unset flags defer to
    MINUTEBOOK_* variables, then the home's settings.toml, then the defaults."""
    for name, text in _LIMIT_HELP.items():
        parser.add_argument(
            "--" + name.replace("_", "-"), dest=name, type=int, default=None, metavar="N", help=text
        )


def _log_to_stderr() -> None:
    """Notes from the library (the index caught up, a damaged index rebuilt, pdfminer's
    warnings named by file) go to stderr, one line each."""
    root = logging.getLogger()
    if not any(getattr(h, "_minutebook", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler._minutebook = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)


# Commands that, run as the program, end it without Python's interpreter teardown: a search
# is over once its answer is printed, and the teardown (freeing every object of NumPy, Whoosh
# and the searcher, a last garbage collection) was a sixth of a one-shot search's wall time
# (about 20 ms of 140 on the sample home). They also run without the cyclic garbage
# collector, whose passes over the freshly imported modules cost a few ms more; such a
# process is short and makes few cycles. Only reading commands belong here: they have
# closed the store and any index writer (context managers) before they return.
QUICK_EXIT_COMMANDS = frozenset({"search"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; `argv` None means this is the program (`sys.argv`), which lets the
    commands of `QUICK_EXIT_COMMANDS` end the process as soon as their output is flushed.
    Called with a list (tests, scripts), it always returns."""
    parser = build_parser()
    args = parser.parse_args(argv)
    quick = argv is None and args.command in QUICK_EXIT_COMMANDS
    if quick:
        gc.disable()
    code = _run(args)
    if quick:
        _exit_now(code)
    return code


def _exit_now(code: int) -> NoReturn:
    """End the process with `code` once stdout and stderr are flushed (a reader that closed
    the pipe early is no error, as in `_run`)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = 0
    os._exit(code)


def _run(args: argparse.Namespace) -> int:
    home = resolve_home(args.home)
    handler: Handler = args.handler
    _log_to_stderr()
    try:
        return handler(args, home)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except SettingsError as err:
        return _fail(str(err))
    except sqlite3.DatabaseError as err:
        from minutebook.recovery import damage_hint, is_damage

        if is_damage(err):
            return _fail(damage_hint(store_path(home), err))
        return _fail(f"the record store {store_path(home)} cannot be used ({err})")
    except OSError as err:
        if err.errno in (errno.ENOSPC, errno.EDQUOT):
            where = f" writing {err.filename}" if err.filename else ""
            return _fail(
                f"the disk is full{where}; free some space and run the command again"
                " (nothing stored was lost)"
            )
        raise


def _fail(message: str) -> int:
    print(f"error: {printable(message)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
