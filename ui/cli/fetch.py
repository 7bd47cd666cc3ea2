"""`minutebook fetch`: a council's site -> papers in the home's library -> the store.

One run, in order (each step's failures are one-line errors; the rest of the run goes on):

1. open the source for the address (`ingest.sources.registry`: ModernGov for a site, the
   plain-folder source for a local path) and list its committees (`--list` stops here);
2. list the chosen committees' meetings in the date range, then each meeting's papers;
3. land each paper in `HOME/library/<council>/<committee>/<date>/` (`ingest.sources.download`:
   conditional request, temporary name, PDF and sha256 checks, atomic move) and record where
   it came from (`minutebook.provenance`) as soon as it lands, so an interrupted run resumes
   where it stopped;
4. ingest every paper of the range that is on disk (`ingest.pipeline.ingest_paths`: unchanged
   files are skipped, a changed file replaces its old version; so a paper that landed before
   an interrupted ingest is ingested now) and bring the index and tracker up to date.

`fetch --check` lists papers whose meeting date or committee on the site differ from what
ingest read on the paper (the paper's reading is what the store keeps).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import sys
import time
from pathlib import Path
from typing import Any

from ui.cli.output import print_json

DEFAULT_DAYS_BACK = 365
# Agendas are published about a week ahead; a month covers the next meeting of most bodies.
DEFAULT_DAYS_AHEAD = 31


def add_fetch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "url", nargs="?", metavar="URL", help="the council's ModernGov site (or a local folder)"
    )
    parser.add_argument("--list", action="store_true", help="list the site's committees and stop")
    parser.add_argument(
        "--committee",
        action="append",
        metavar="NAME",
        help="committee name or id (repeatable; default: every committee)",
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help=f"meetings on or after DATE (default: {DEFAULT_DAYS_BACK} days ago)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help=f"meetings on or before DATE (default: {DEFAULT_DAYS_AHEAD} days ahead)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="list papers whose date or committee on the site differ from the paper",
    )
    parser.add_argument(
        "--rate", type=float, default=1.0, help="requests per second to the site (default 1; 0 for no limit)"
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds to wait for an answer (default 30)"
    )
    parser.add_argument(
        "--retries", type=int, default=3, help="retries after a failure or HTTP 429/5xx (default 3)"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="parallel ingest processes (default: CPU cores)"
    )


def cmd_fetch(args: argparse.Namespace, home: Path) -> int:
    if args.check:
        return _check(args, home)
    if not args.url:
        print("error: fetch needs the site's address (or --check)", file=sys.stderr)
        return 2
    try:
        date_from, date_to = _date_range(args.date_from, args.date_to)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    from ingest.sources.base import SourceError
    from ingest.sources.http import ClientOptions, HttpClient
    from ingest.sources.registry import open_source

    options = ClientOptions(rate=max(0.0, args.rate), timeout=args.timeout, retries=max(0, args.retries))
    with HttpClient(options) as client:
        try:
            source = open_source(args.url, client)
            committees = source.committees()
        except SourceError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        if args.list:
            return _print_committees(args, source, committees)
        chosen, unknown = pick_committees(committees, args.committee or [])
        if unknown:
            for name, suggestions in unknown.items():
                hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
                print(f"error: no committee called {name!r} on {source.location}{hint}", file=sys.stderr)
            return 2
        result = run_fetch(home, source, client, chosen, date_from, date_to, workers=args.workers)
    return _print_result(args, result)


def _date_range(date_from: str | None, date_to: str | None) -> tuple[str, str]:
    today = dt.date.today()
    start = date_from or (today - dt.timedelta(days=DEFAULT_DAYS_BACK)).isoformat()
    end = date_to or (today + dt.timedelta(days=DEFAULT_DAYS_AHEAD)).isoformat()
    for value in (start, end):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    if start > end:
        raise ValueError(f"--from {start} is after --to {end}")
    return start, end


def pick_committees(committees: list[Any], wanted: list[str]) -> tuple[list[Any], dict[str, list[str]]]:
    """The committees `wanted` names (by id, by exact title, else every title containing all
    its words), in site order; and each name that matched none, with close titles."""
    if not wanted:
        return list(committees), {}
    chosen: dict[str, Any] = {}
    unknown: dict[str, list[str]] = {}
    titles = [c.title for c in committees]
    for name in wanted:
        key = name.casefold().strip()
        matches = [c for c in committees if c.id == name.strip() or c.title.casefold() == key]
        if not matches:
            words = key.split()
            matches = [c for c in committees if all(word in c.title.casefold() for word in words)]
        if not matches:
            unknown[name] = difflib.get_close_matches(name, titles, n=3, cutoff=0.5)
        for committee in matches:
            chosen.setdefault(committee.id, committee)
    order = {c.id: index for index, c in enumerate(committees)}
    return sorted(chosen.values(), key=lambda c: order[c.id]), unknown


def run_fetch(
    home: Path,
    source: Any,
    client: Any,
    committees: list[Any],
    date_from: str,
    date_to: str,
    *,
    workers: int | None = None,
) -> dict[str, Any]:
    """Steps 2-4 of the module docstring; returns `fetch --json`'s shape (README.md)."""
    from ingest.pipeline import ingest_paths
    from ingest.sources.base import SourceError
    from ingest.sources.download import LIBRARY_DIRNAME, council_folder, land, library_path
    from ingest.sources.http import FetchError
    from minutebook import provenance
    from minutebook.store import open_store
    from minutebook.views import document_summary

    council = council_folder(source.location)
    library = home.resolve() / LIBRARY_DIRNAME
    errors: list[str] = []
    clock = time.perf_counter()
    seconds: dict[str, float] = {}
    # Step 2: meetings in range, then each meeting's papers (a paper two meetings link, such
    # as minutes attached to the next agenda, is taken once: under the first meeting).
    documents: dict[str, Any] = {}
    meetings = 0
    for committee in committees:
        try:
            for meeting in source.meetings(committee, date_from, date_to):
                meetings += 1
                try:
                    for document in source.documents(meeting):
                        documents.setdefault(document.url, document)
                except SourceError as err:
                    errors.append(str(err))
        except SourceError as err:
            errors.append(str(err))
    seconds["list"] = _lap(clock)
    # Step 3: land each paper, recording its provenance as it lands.
    files: list[dict[str, Any]] = []
    to_ingest: list[Path] = []
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    failed: list[dict[str, str]] = []
    with open_store(home) as store:
        for done, document in enumerate(documents.values(), start=1):
            _progress("fetch", done, len(documents), document.title or document.url)
            if document.path is not None:  # already a local file: ingest it where it is
                to_ingest.append(document.path)
                continue
            known = provenance.known_copy(store, document.url)
            target = Path(known["path"]) if known else library_path(library, council, document)
            record = _record(source.location, target, document)
            try:
                landed = land(client, document, target, _known(known))
            except FetchError as err:
                provenance.record_failed(store, record, str(err))
                failed.append({"url": document.url, "error": str(err)})
                if target.is_file():
                    to_ingest.append(target)  # the copy that landed before is still good
                files.append(_file_row(document, target, "failed"))
                continue
            provenance.record_landed(
                store,
                record,
                sha256=landed.sha256,
                size=landed.size,
                etag=landed.etag,
                last_modified=landed.last_modified,
                fetched=landed.status in ("new", "changed"),
            )
            status = "unchanged" if landed.status == "not_modified" else landed.status
            counts[status] += 1
            to_ingest.append(target)
            files.append(_file_row(document, target, status))
        seconds["download"] = _lap(clock + seconds["list"])
        # Step 4: ingest what is on disk (unchanged files are skipped), then derived data.
        report = ingest_paths(
            to_ingest,
            store,
            workers=workers,
            progress=lambda d, t, p: _progress("ingest", d, t, p),
            keep_documents=False,
        )
        if report.changed or report.removed:
            from search import refresh_after_ingest

            refresh_after_ingest(home, store, report.changed, report.removed)
        seconds["ingest"] = _lap(clock + seconds["list"] + seconds["download"])
        provenance.record_source(
            store,
            source.location,
            source.kind,
            council,
            source.mode,
            [(c.id, c.title) for c in committees],
            errors + [f["error"] for f in failed],
        )
    return {
        "source": {"url": source.location, "kind": source.kind, "council": council, "mode": source.mode},
        "from": date_from,
        "to": date_to,
        "committees": [{"id": c.id, "title": c.title} for c in committees],
        "meetings": meetings,
        "documents": len(documents),
        "downloaded": counts["new"] + counts["changed"],
        **counts,
        "failed": failed,
        "errors": errors,
        "files": files,
        "ingest": {
            "ingested": len(report.ingested),
            "unchanged": len(report.unchanged),
            "failed": [{"path": f.path, "error": f.error} for f in report.failed],
            "documents": [document_summary(doc) for doc in report.ingested],
        },
        "notes": list(getattr(source, "notes", [])),
        "requests": client.requests,
        "waited_seconds": round(client.waited, 3),
        # Wall seconds of each step: listing the site, landing papers, ingest and the index.
        "seconds": {step: round(value, 3) for step, value in seconds.items()},
    }


def _lap(since: float) -> float:
    return time.perf_counter() - since


def _record(source_id: str, target: Path, document: Any) -> Any:
    from minutebook.provenance import FetchRecord

    meeting = document.meeting
    return FetchRecord(
        url=document.url,
        source_id=source_id,
        path=str(target),
        title=document.title or None,
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        committee=meeting.committee,
        meeting_date=meeting.date,
        item_number=document.item_number,
        item_title=document.item_title,
    )


def _known(row: dict[str, Any] | None) -> Any:
    from ingest.sources.download import KnownCopy

    if row is None or row["sha256"] is None:
        return None
    return KnownCopy(Path(row["path"]), row["sha256"], row["etag"], row["last_modified"])


def _file_row(document: Any, target: Path, status: str) -> dict[str, Any]:
    meeting = document.meeting
    return {
        "url": document.url,
        "path": str(target),
        "title": document.title or None,
        "committee": meeting.committee,
        "meeting_id": meeting.id,
        "meeting_date": meeting.date,
        "item_number": document.item_number,
        "status": status,
    }


def _progress(label: str, done: int, total: int, what: str) -> None:
    """A one-line progress bar on stderr, redrawn in place on a terminal."""
    if total < 2:
        return
    width = 30
    filled = int(width * done / total)
    end = "\n" if done == total else ""
    if sys.stderr.isatty():
        name = Path(what).name if "://" not in what else what.rsplit("/", 1)[-1]
        sys.stderr.write(
            f"\r{label:<6} [{'#' * filled}{'-' * (width - filled)}] {done}/{total} {name[:40]:<40}{end}"
        )
    elif done == total or done % max(1, total // 10) == 0:
        sys.stderr.write(f"{label}: {done}/{total}\n")
    sys.stderr.flush()


# ------------------------------------------------------------------ output


def _print_committees(args: argparse.Namespace, source: Any, committees: list[Any]) -> int:
    rows = [{"id": c.id, "title": c.title, "category": c.category, "expired": c.expired} for c in committees]
    if args.json:
        print_json(
            {"source": {"url": source.location, "kind": source.kind, "mode": source.mode}, "committees": rows}
        )
        return 0
    for note in getattr(source, "notes", []):
        print(f"note: {note}", file=sys.stderr)
    for row in rows:
        print(f"{row['id']:>6}  {row['title']}" + ("  (expired)" if row["expired"] else ""))
    print(f"{len(rows)} committees on {source.location}")
    return 0


def _print_result(args: argparse.Namespace, result: dict[str, Any]) -> int:
    failed = result["failed"] or result["errors"] or result["ingest"]["failed"]
    if args.json:
        print_json(result)
    else:
        for note in result["notes"]:
            print(f"note: {note}", file=sys.stderr)
        for row in result["files"]:
            if row["status"] in ("new", "changed"):
                when = row["meeting_date"] or "undated"
                print(f"{row['status']:<8} {when}  {row['committee']}  {row['title'] or row['url']}")
        ingest = result["ingest"]
        print(
            f"{result['meetings']} meetings, {result['documents']} papers: {result['new']} new,"
            f" {result['changed']} changed, {result['unchanged']} unchanged, {len(result['failed'])} failed;"
            f" ingested {ingest['ingested']}, {len(ingest['failed'])} could not be read"
        )
    for error in result["errors"]:
        print(f"error: {error}", file=sys.stderr)
    for failure in result["failed"]:
        print(f"error: {failure['error']}", file=sys.stderr)
    for failure in result["ingest"]["failed"]:
        print(f"error: {failure['path']}: {failure['error']}", file=sys.stderr)
    return 1 if failed else 0


def _check(args: argparse.Namespace, home: Path) -> int:
    from minutebook.home import store_path
    from minutebook.provenance import disagreements
    from minutebook.store import open_store

    if not store_path(home).exists():
        checked, rows = 0, list[dict[str, Any]]()
    else:
        with open_store(home) as store:
            checked, rows = disagreements(store)
    if args.json:
        print_json({"checked": checked, "disagreements": rows})
        return 0
    for row in rows:
        site, paper = row["site"], row["paper"]
        print(f"{row['url']}\n    {row['path']}")
        if "meeting_date" in row["fields"]:
            print(
                f"    date:      site {site['meeting_date']}, paper {paper['meeting_date'] or 'gives none'}"
            )
        if "committee" in row["fields"]:
            print(f"    committee: site {site['committee']!r}, paper {paper['body']!r}")
    print(f"{len(rows)} of {checked} fetched papers disagree with the site; the paper's own reading is kept")
    return 0
