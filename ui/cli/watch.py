"""`minutebook watch`: saved searches and what is new since the last look.

`watch add QUERY [filters]`, `watch list`, `watch remove ID`, and `watch run` (also plain
`watch`): the digest of new hits per saved search, new actions, actions newly overdue or
done, which is then remembered, so each appears once. `--format atom --out FILE` writes the
digest as an Atom feed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ui.cli.output import print_json


def add_watch_arguments(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="watch_action", metavar="ACTION")
    parser.set_defaults(watch_action="run", format="text", out=None, as_of=None)
    add = actions.add_parser("add", parents=[common], help="save a search (any query and search filters)")
    add.add_argument("query", metavar="QUERY")
    add.add_argument("--body", help="committee or panel")
    add.add_argument("--committee", dest="body", help="the same as --body")
    add.add_argument("--kind", help="document kind (agenda, minutes, report, …)")
    add.add_argument("--from", dest="date_from", metavar="DATE", help="meetings on or after DATE")
    add.add_argument("--to", dest="date_to", metavar="DATE", help="meetings on or before DATE")
    add.add_argument("--person", help="papers naming this person")
    add.add_argument("--org", help="papers naming this organisation")
    add.add_argument(
        "--as-of", dest="as_of", metavar="DATE", help="the first time: judge actions' statuses as of DATE"
    )
    actions.add_parser("list", parents=[common], help="list the saved searches")
    remove = actions.add_parser("remove", parents=[common], help="forget a saved search")
    remove.add_argument("watch_id", type=int, metavar="ID")
    run = actions.add_parser(
        "run", parents=[common], help="what is new since the last run (then remember it)"
    )
    run.add_argument("--format", choices=["text", "atom"], default="text", help="atom writes an Atom feed")
    run.add_argument("--out", metavar="FILE", help="write the digest to FILE instead of stdout")
    run.add_argument(
        "--as-of", dest="as_of", metavar="DATE", help="judge overdue as of DATE (default: today)"
    )


def cmd_watch(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store

    with open_store(home) as store:
        if args.watch_action == "add":
            return _add(args, home, store)
        if args.watch_action == "list":
            return _list(args, store)
        if args.watch_action == "remove":
            return _remove(args, store)
        return _run(args, home, store)


def _add(args: argparse.Namespace, home: Path, store: Any) -> int:
    from search.watch import add_watch

    filters = {key: getattr(args, key) for key in ("body", "kind", "date_from", "date_to", "person", "org")}
    try:
        watch = add_watch(home, store, args.query, filters, as_of=args.as_of)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print_json(watch)
    else:
        print(f"saved search {watch['id']}: {_describe(watch)}")
    return 0


def _list(args: argparse.Namespace, store: Any) -> int:
    from search.watch import list_watches

    watches = list_watches(store)
    if args.json:
        print_json(watches)
        return 0
    if not watches:
        print('No saved searches: add one with `minutebook watch add "QUERY"`.')
    for watch in watches:
        print(f"{watch['id']:>4}  {_describe(watch)}  (last run {watch['last_run_at'] or 'never'})")
    return 0


def _remove(args: argparse.Namespace, store: Any) -> int:
    from search.watch import remove_watch

    removed = remove_watch(store, args.watch_id)
    if args.json:
        print_json({"removed": args.watch_id if removed else None})
    elif removed:
        print(f"removed saved search {args.watch_id}")
    if not removed:
        print(
            f"error: there is no saved search {args.watch_id} (see `minutebook watch list`)", file=sys.stderr
        )
        return 1
    return 0


def _run(args: argparse.Namespace, home: Path, store: Any) -> int:
    from search.watch import run_watches

    digest = run_watches(home, store, args.as_of)
    if args.format == "atom":
        from minutebook.provenance import origins
        from search.watch.atom import digest_to_atom

        text = digest_to_atom(digest, str(home.resolve()), origins(store))
    elif args.json:
        import json

        text = json.dumps(digest.view(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = _digest_text(digest.view())
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {digest.count} new entries to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _describe(watch: dict[str, Any]) -> str:
    filters = " ".join(f"--{key.replace('date_', '')} {value!r}" for key, value in watch["filters"].items())
    return f"{watch['query']!r}" + (f" {filters}" if filters else "")


def _digest_text(view: dict[str, Any]) -> str:
    lines: list[str] = []
    if view["baseline"]:
        lines.append("First look: the actions' statuses are remembered from now on.")
    for search in view["searches"]:
        lines.append(f"\n{search['query']!r}: {len(search['new'])} new of {search['total']} hits")
        for hit in search["new"]:
            item = f"item {hit['item_number']}: " if hit["item_number"] else ""
            lines.append(
                f"  {hit['meeting_date'] or 'undated'} {hit['body'] or ''} · {item}{hit['item_title'] or ''}"
                f" (page {hit['page']})\n    {hit['snippet']}"
            )
    for title, key in (
        ("New actions", "new_actions"),
        ("Newly overdue", "newly_overdue"),
        ("Newly done", "newly_done"),
    ):
        if view[key]:
            lines.append(f"\n{title}:")
        for action in view[key]:
            lines.append(
                f"  [{action['status']}] {action['meeting_date']} {action['body'] or ''}: {action['text']}"
            )
            for evidence in action["evidence"][:1]:
                lines.append(
                    f"    delivered by {evidence['meeting_date']} {evidence['document_title'] or ''}"
                    f" p{evidence['page']}: {evidence['quote'][:120]}"
                )
    if not view["new"]:
        lines.append("Nothing new since the last look.")
    return "\n".join(lines).lstrip("\n") + "\n"
