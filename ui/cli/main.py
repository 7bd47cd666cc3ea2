"""The `minutebook` command line (CONTRACT.md): the parser and the entry point. `--json`
prints exactly one JSON document on stdout; logs and progress go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from minutebook.home import resolve_home
from ui.cli.commands import (
    cmd_actions,
    cmd_ask,
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

    add("reindex", cmd_reindex, "Rebuild the search index from the record store.")
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    home = resolve_home(args.home)
    handler: Handler = args.handler
    try:
        return handler(args, home)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
