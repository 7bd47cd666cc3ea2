"""The commands of CONTRACT.md, one function each: parse nothing, call the library, print.

Heavy libraries (spaCy, Whoosh, Streamlit) are imported inside the commands that need them,
so `minutebook --help` stays fast.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import Any

from minutebook.text import printable
from ui.cli.output import emit_rows, item_label, print_json, progress, when

# ------------------------------------------------------------------ ingest


def cmd_ingest(args: argparse.Namespace, home: Path) -> int:
    from ingest.pipeline import ingest_paths
    from minutebook.settings import LIMIT_NAMES, load_limits, load_pdf_engine
    from minutebook.store import open_store
    from minutebook.views import document_summary
    from search import bring_index_up_to_date, ensure_evidence

    limits = load_limits(home, {name: getattr(args, name, None) for name in LIMIT_NAMES})
    pdf_engine = load_pdf_engine(home, getattr(args, "pdf_engine", None))
    with open_store(home) as store:

        def index_stored() -> None:
            # What has landed becomes searchable as the ingest goes (every few documents);
            # the sections the entity pass replaces are purged once, at the end (below).
            bring_index_up_to_date(home, store, quiet=True, settle=False)

        try:
            report = ingest_paths(
                [Path(p) for p in args.paths],
                store,
                workers=args.workers,
                progress=progress,
                limits=limits,
                on_stored=index_stored,
                prune=args.prune,
                pdf_engine=pdf_engine,
                entity_progress=functools.partial(progress, label="entities"),
                keep_documents=False,
            )
        except KeyboardInterrupt:
            print("interrupted: making the papers stored so far searchable", file=sys.stderr)
            bring_index_up_to_date(home, store, quiet=True)
            raise
        # Settles the index: its statistics as a fresh `reindex` would make them.
        bring_index_up_to_date(home, store, quiet=True)
        ensure_evidence(home, store)
    result: dict[str, Any] = {
        "ingested": len(report.ingested),
        "unchanged": len(report.unchanged),
        "failed": [{"path": f.path, "error": f.error} for f in report.failed],
        "documents": [document_summary(doc) for doc in report.ingested],
        "renamed": [{"from": old, "to": new} for old, new in report.renamed],
        "pruned": report.pruned,
        "entities": len(report.entities),
    }
    if args.json:
        print_json(result)
    else:
        for doc in result["documents"]:
            print(
                f"ingested  {doc['kind']:<20} {doc['meeting_date'] or '????-??-??'}  "
                f"{doc['pages']:>3}p {doc['items']:>3} items  {printable(doc['path'])}"
            )
        for old, new in report.renamed:
            print(f"renamed   {printable(old)} -> {printable(new)}")
        for path in report.pruned:
            print(f"pruned    {printable(path)} (file gone)")
        summary = (
            f"{result['ingested']} ingested, {result['unchanged']} unchanged, {len(report.failed)} failed"
        )
        if args.prune:
            summary += f", {len(report.pruned)} pruned"
        print(summary)
    for failure in report.failed:
        print(f"error: {printable(failure.path)}: {printable(failure.error)}", file=sys.stderr)
    return 1 if report.failed else 0


def cmd_reindex(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search import rebuild

    with open_store(home) as store:
        count = rebuild(home, store)
    if args.json:
        print_json({"indexed_sections": count})
    else:
        print(f"index rebuilt: {count} sections")
    return 0


def cmd_check(args: argparse.Namespace, home: Path) -> int:
    """Health of the store and the index; `--repair` fixes what it can (see README)."""
    from ui.cli.check import run_check

    result = run_check(home, repair=args.repair)
    if args.json:
        print_json(result)
    else:
        store, index = result["store"], result["index"]
        print(f"record store  {printable(store['path'])}: integrity {store['integrity']}")
        if store["counts"]:
            counts = store["counts"]
            print(f"  {counts.get('documents', 0)} documents, {counts.get('sections', 0)} sections")
        print(f"search index  {printable(index['path'] or '(none)')}: " + (index["problem"] or "readable"))
        # The index also holds one entry for each item with no text of its own (searchable by
        # its title), so it may count a few more than the store's sections.
        entries, documents = index["sections"], index["documents"]
        print(f"  {entries} entries (sections, and items with no text) of {documents} documents")
        for problem in result["problems"]:
            print(f"problem: {problem}")
        for repair in result["repairs"]:
            print(f"repaired: {repair}")
        for path in result["reingest"]:
            print(f"re-ingest: {printable(path)}")
        print(
            "ok"
            if result["ok"]
            else "problems found" + ("" if args.repair else ": run `minutebook check --repair`")
        )
    return 0 if result["ok"] else 1


# ---------------------------------------------------------------- meetings


def cmd_meetings(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from minutebook.views import meetings_view

    with open_store(home) as store:
        meetings = meetings_view(store)
    if args.json:
        print_json(meetings)
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
    import os

    # A search does no linear algebra: one BLAS thread, not a pool started with NumPy (its
    # start-up was a third of a one-shot search's wall time on a busy machine).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
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
        match="any" if args.any_word else "all",
    )
    result = search_papers(home, request)
    if args.format == "csv":
        from search import hits_to_csv

        sys.stdout.write(hits_to_csv(result["hits"]))
        return 0
    if args.json:
        print_json(result)
        return 0
    for note in result.get("notes", []):
        print(f"note: {note}", file=sys.stderr)
    print(f"{result['total']} results for {result['query']!r}")
    for hit in result["hits"]:
        where = f"{when(hit['meeting_date'])} {hit['body'] or ''} · {hit['document_kind']}"
        item = f"item {hit['item_number']}: " if hit["item_number"] else ""
        print(f"\n{where}\n  {item}{hit['item_title'] or ''} (page {hit['page']})\n  {hit['snippet']}")
    return 0


# --------------------------------------------------------------------- ask


def cmd_ask(args: argparse.Namespace, home: Path) -> int:
    from search.ask import answer_question

    result = answer_question(home, args.question)
    if args.json:
        print_json(result)
        return 0
    if result["answer"] is None:
        print("The papers do not answer that question.")
    else:
        print(f"{result['answer']}  (confidence {result['confidence']:.2f})")
    for cite in result["citations"]:
        print_citation(cite)
    if result.get("nearest"):
        print("\nNearest passages:")
        for cite in result["nearest"]:
            print_citation(cite)
    return 0


def print_citation(cite: dict[str, Any]) -> None:
    item = f", item {cite['item_number']}" if cite.get("item_number") else ""
    body, title = cite["body"] or "unknown body", cite["document_title"] or ""
    source = f"{body}, {when(cite['meeting_date'])}, {title}{item}, page {cite['page']}"
    print(f"\n  “{cite['quote']}”\n  — {source}")


# ------------------------------------------------------ resolutions, actions


def cmd_resolutions(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search.records.decisions import list_resolutions

    with open_store(home) as store:
        rows = list_resolutions(store, body=args.body, date_from=args.date_from, date_to=args.date_to)
    return emit_rows(
        args,
        rows,
        lambda r: f"{when(r['meeting_date'])}{item_label(r['item_number'])}: [{r['outcome']}] {r['text']}",
    )


def cmd_actions(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search import ensure_evidence
    from search.tracker import list_actions

    with open_store(home) as store:
        ensure_evidence(home, store)  # an interrupted ingest may have left it behind
        rows = list_actions(store, status=args.status, as_of=args.as_of)

    def line(row: dict[str, Any]) -> str:
        head = f"[{row['status']}] {when(row['meeting_date'])}{item_label(row['item_number'])}: {row['text']}"
        due = f"\n    due {row['due']}" if row["due"] else ""
        evidence = "".join(
            f"\n    delivered by {when(e['meeting_date'])} {e['document_title'] or ''} p{e['page']}:"
            f" {e['quote'][:100]}"
            for e in row["evidence"]
        )
        return head + due + evidence

    return emit_rows(args, rows, line)


# ------------------------------------------------------- entities, figures


def cmd_entities(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search.records.entities import list_entities

    with open_store(home) as store:
        rows = list_entities(store, entity_type=args.type)
    return emit_rows(
        args,
        rows,
        lambda r: f"{r['name']} ({r['type']}): {r['mentions']} mentions, {len(r['meetings'])} meetings",
    )


def cmd_figures(args: argparse.Namespace, home: Path) -> int:
    from minutebook.store import open_store
    from search.records.figures import find_figures

    with open_store(home) as store:
        rows = find_figures(store, args.query)
    return emit_rows(
        args,
        rows,
        lambda r: (
            f"{r['label'] or 'unlabelled'}: {r['value']:g} {r['unit']}"
            + (f" ({r['period']})" if r["period"] else "")
            + f"  {when(r['meeting_date'])} p{r['page']}"
        ),
    )


# ---------------------------------------------------------------------- ui


def cmd_ui(args: argparse.Namespace, home: Path) -> int:
    from ui.web.launch import launch

    return launch(home, port=args.port, host=args.host)
