"""The `minutebook` command line (CONTRACT.md). A thin layer: parse arguments, call the
library, print. `--json` prints exactly one JSON document on stdout; logs and progress go to
stderr. Heavy libraries (spaCy, Whoosh, Streamlit) are imported inside the commands that
need them, so `minutebook --help` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from minutebook.home import resolve_home

Handler = Callable[[argparse.Namespace, Path], int]


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _progress(done: int, total: int, path: str) -> None:
    """A one-line progress bar on stderr, redrawn in place on a terminal."""
    if total < 2:
        return
    width = 30
    filled = int(width * done / total)
    bar = "#" * filled + "-" * (width - filled)
    end = "\n" if done == total else ""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r[{bar}] {done}/{total} {Path(path).name[:40]:<40}{end}")
    elif done == total or done % max(1, total // 10) == 0:
        sys.stderr.write(f"ingest: {done}/{total} files\n")
    sys.stderr.flush()


# ------------------------------------------------------------------ ingest


def cmd_ingest(args: argparse.Namespace, home: Path) -> int:
    from ingest.pipeline import ingest_paths
    from minutebook.store import open_store
    from minutebook.views import document_summary

    with open_store(home) as store:
        report = ingest_paths([Path(p) for p in args.paths], store, workers=args.workers, progress=_progress)
        _refresh_derived(home, store, report.changed, report.removed)
    result: dict[str, Any] = {
        "ingested": len(report.ingested),
        "unchanged": len(report.unchanged),
        "failed": [{"path": f.path, "error": f.error} for f in report.failed],
        "documents": [document_summary(doc) for doc in report.ingested],
    }
    if args.json:
        _print_json(result)
    else:
        for doc in result["documents"]:
            print(
                f"ingested  {doc['kind']:<20} {doc['meeting_date'] or '????-??-??'}  "
                f"{doc['pages']:>3}p {doc['items']:>3} items  {doc['path']}"
            )
        print(f"{result['ingested']} ingested, {result['unchanged']} unchanged, {len(report.failed)} failed")
    for failure in report.failed:
        print(f"error: {failure.path}: {failure.error}", file=sys.stderr)
    return 1 if report.failed else 0


def _refresh_derived(home: Path, store: Any, changed: list[str], removed: list[str]) -> None:
    """Bring what is derived from the store (index, tracker evidence) up to date."""
    if not changed and not removed:
        return
    from search import refresh_after_ingest

    refresh_after_ingest(home, store, changed, removed)


def cmd_reindex(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search import rebuild

    with open_store(home) as store:
        count = rebuild(home, store)
    if args.json:
        _print_json({"indexed_sections": count})
    else:
        print(f"index rebuilt: {count} sections")
    return 0


# ---------------------------------------------------------------- meetings


def cmd_meetings(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from minutebook.views import meetings_view

    with open_store(home) as store:
        meetings = meetings_view(store)
    if args.json:
        _print_json(meetings)
        return 0
    if not meetings:
        print("No papers yet: run `minutebook ingest PATH`.")
    for meeting in meetings:
        when = " ".join(filter(None, [meeting["date"] or "undated", meeting["time"]]))
        print(
            f"{when}  {meeting['body'] or 'Unknown body'}"
            + (f"  ({meeting['venue']})" if meeting["venue"] else "")
        )
        for doc in meeting["documents"]:
            print(f"    {doc['kind']:<20} {doc['pages']:>3}p  {doc['title'] or ''}  {doc['path']}")
        for item in meeting["items"]:
            pages = f"p{item['page_start']}" if item["page_start"] else "no pages"
            if item["page_end"] and item["page_end"] != item["page_start"]:
                pages += f"-{item['page_end']}"
            print(f"      {item['number'] or '-':>5}  {item['title'][:80]}  [{pages}]")
    return 0


# ------------------------------------------------------------------ search


def cmd_search(args: argparse.Namespace, home: Path) -> int:
    from search import SearchRequest, search_papers

    request = SearchRequest(
        query=args.query,
        body=args.body,
        kind=args.kind,
        date_from=args.date_from,
        date_to=args.date_to,
        person=args.person,
        org=args.org,
        sort=args.sort,
        limit=args.limit,
        offset=args.offset,
    )
    result = search_papers(home, request)
    if args.format == "csv":
        from search import hits_to_csv

        sys.stdout.write(hits_to_csv(result["hits"]))
        return 0
    if args.json:
        _print_json(result)
        return 0
    for note in result.get("notes", []):
        print(f"note: {note}", file=sys.stderr)
    print(f"{result['total']} results for {result['query']!r}")
    for hit in result["hits"]:
        where = f"{hit['meeting_date'] or '?'} {hit['body'] or ''} · {hit['document_kind']}"
        item = f"item {hit['item_number']}: " if hit["item_number"] else ""
        print(f"\n{where}\n  {item}{hit['item_title'] or ''} (page {hit['page']})\n  {hit['snippet']}")
    return 0


# --------------------------------------------------------------------- ask


def cmd_ask(args: argparse.Namespace, home: Path) -> int:
    from search.ask import answer_question

    result = answer_question(home, args.question)
    if args.json:
        _print_json(result)
        return 0
    if result["answer"] is None:
        print("The papers do not answer that question.")
    else:
        print(f"{result['answer']}  (confidence {result['confidence']:.2f})")
    for cite in result["citations"]:
        source = f"{cite['body']}, {cite['meeting_date']}, {cite['document_title']}, page {cite['page']}"
        print(f"\n  “{cite['quote']}”\n  — {source}")
    return 0


# ------------------------------------------------------ resolutions, actions


def cmd_resolutions(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search.decisions import list_resolutions

    with open_store(home) as store:
        rows = list_resolutions(store, body=args.body, date_from=args.date_from, date_to=args.date_to)
    return _emit_rows(
        args, rows, lambda r: f"{r['meeting_date']} item {r['item_number']}: [{r['outcome']}] {r['text']}"
    )


def cmd_actions(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search.tracker import list_actions

    with open_store(home) as store:
        rows = list_actions(store, status=args.status, as_of=args.as_of)

    def line(row: dict[str, Any]) -> str:
        head = f"[{row['status']}] {row['meeting_date']} item {row['item_number']}: {row['text']}"
        due = f"\n    due {row['due']}" if row["due"] else ""
        evidence = "".join(
            f"\n    delivered by {e['meeting_date']} {e['document_title']} p{e['page']}: {e['quote'][:100]}"
            for e in row["evidence"]
        )
        return head + due + evidence

    return _emit_rows(args, rows, line)


# ------------------------------------------------------- entities, figures


def cmd_entities(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search.entities import list_entities

    with open_store(home) as store:
        rows = list_entities(store, entity_type=args.type)
    return _emit_rows(
        args,
        rows,
        lambda r: f"{r['name']} ({r['type']}): {r['mentions']} mentions, {len(r['meetings'])} meetings",
    )


def cmd_figures(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search.figures import find_figures

    with open_store(home) as store:
        rows = find_figures(store, args.query)
    return _emit_rows(
        args,
        rows,
        lambda r: (
            f"{r['label']}: {r['value']:g} {r['unit']}"
            + (f" ({r['period']})" if r["period"] else "")
            + f"  {r['meeting_date']} p{r['page']}"
        ),
    )


def _emit_rows(
    args: argparse.Namespace, rows: list[dict[str, Any]], line: Callable[[dict[str, Any]], str]
) -> int:
    if getattr(args, "format", None) == "csv":
        from minutebook.views import rows_to_csv

        sys.stdout.write(rows_to_csv(rows))
    elif args.json:
        _print_json(rows)
    else:
        if not rows:
            print("Nothing found.")
        for row in rows:
            print(line(row))
    return 0


# ---------------------------------------------------------------------- ui


def cmd_ui(args: argparse.Namespace, home: Path) -> int:
    from ui.launch import launch

    return launch(home, port=args.port)


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
