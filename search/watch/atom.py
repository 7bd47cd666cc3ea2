"""A digest as an Atom feed (RFC 4287), for a feed reader or an email bridge.

Each new hit, new action and status change is one entry. Entry ids are stable URNs made from
what the entry is about (the saved search and agenda item; the action and its new status),
so a reader that sees the same entry twice keeps one. Every entry has text content, and an
alternate link to the paper on the council's site when it was fetched from one.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from minutebook import __version__
from search.watch.digest import Digest

ATOM = "http://www.w3.org/2005/Atom"
# The namespace of minutebook's entry ids (a fixed, random UUID: ids are uuid5 under it).
_NAMESPACE = uuid.UUID("5b0c6f3e-8d1e-4c55-9f3a-1f6f0a8a9d21")


def digest_to_atom(digest: Digest, feed_key: str, origins: dict[str, str] | None = None) -> str:
    """The feed for `digest`. `feed_key` names the archive (the home), so each home's feed
    keeps one id; `origins` maps a paper's path to the URL it was fetched from."""
    origins = origins or {}
    updated = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", _urn("feed", feed_key))
    _text(feed, "title", "minutebook: what's new")
    _text(feed, "subtitle", f"New in the papers as of {digest.as_of}")
    _text(feed, "updated", updated)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "minutebook")
    generator = _text(feed, "generator", "minutebook")
    generator.set("version", __version__)
    for search in digest.searches:
        for hit in search["new"]:
            where = _where(hit)
            _entry(
                feed,
                _urn("hit", search["id"], hit["item_id"] or hit["id"]),
                f"{search['query']}: {where}",
                updated,
                f"{where}\n\n{hit['snippet'] or ''}",
                origins.get(hit.get("path") or ""),
                "search",
            )
    for label, rows, term in (
        ("New action", digest.new_actions, "new-action"),
        ("Now overdue", digest.newly_overdue, "overdue"),
        ("Done", digest.newly_done, "done"),
    ):
        for action in rows:
            text = _action_text(action)
            _entry(
                feed,
                _urn(term, action["id"], action["status"]),
                f"{label}: {_short(action['text'])}",
                updated,
                text,
                None,
                term,
            )
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(
    feed: ET.Element, entry_id: str, title: str, updated: str, content: str, link: str | None, term: str
) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "id", entry_id)
    _text(entry, "title", title)
    _text(entry, "updated", updated)
    category = ET.SubElement(entry, f"{{{ATOM}}}category")
    category.set("term", term)
    if link:
        alternate = ET.SubElement(entry, f"{{{ATOM}}}link")
        alternate.set("rel", "alternate")
        alternate.set("href", link)
    body = _text(entry, "content", content)
    body.set("type", "text")


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = value
    return element


def _urn(*parts: object) -> str:
    return uuid.uuid5(_NAMESPACE, "/".join(str(p) for p in parts)).urn


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _where(hit: dict[str, Any]) -> str:
    parts = [hit.get("meeting_date") or "undated", hit.get("body") or "unknown body"]
    if hit.get("item_title"):
        number = hit.get("item_number")
        parts.append(f"item {number}: {hit['item_title']}" if number else hit["item_title"])
    return " · ".join(parts)


def _action_text(action: dict[str, Any]) -> str:
    lines = [
        action["text"],
        f"{action.get('meeting_date') or 'undated'} · {action.get('body') or 'unknown body'}"
        + (f" · item {action['item_number']}: {action['item_title']}" if action.get("item_title") else ""),
        f"status: {action['status']}" + (f", due {action['due']}" if action.get("due") else ""),
    ]
    for evidence in action.get("evidence") or []:
        lines.append(
            f"delivered by {evidence.get('meeting_date') or 'undated'} {evidence.get('document_title') or ''}"
            f" page {evidence.get('page')}: {evidence.get('quote') or ''}"
        )
    return "\n".join(lines)
