"""The house rules of the layout: no import runs upward, sideways between rooms, or in a circle.

Every module of `minutebook`, `ingest`, `search` and `ui` is read with `ast` (imports inside
functions and `TYPE_CHECKING` blocks count too: they are dependencies all the same), and each
import is checked against the rules the packages' `__init__.py` docstrings state:

* between packages: `minutebook` imports nothing of ours; `ingest` and `search` import
  `minutebook` only; `ui` imports all three, but only `ui.cli` imports `ingest`;
* inside a package, each room (a sub-package or a top-level module) has a rank: a module may
  import its own room or a room of lower rank, never a higher one or a sibling of equal rank;
* no cycles between modules;
* third-party libraries stay in their room: the core is standard library only, `ui` never
  imports whoosh or pdfminer, `ingest` never whoosh or streamlit, `search` never pdfminer,
  spaCy or streamlit.

The checker is tested on a small made-up tree with an upward import and a circle, so this
test cannot pass by finding nothing.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("minutebook", "ingest", "search", "ui")

# Which of our top-level packages each may import (its own always).
ALLOWED_PACKAGES = {
    "minutebook": set(),
    "ingest": {"minutebook"},
    "search": {"minutebook"},
    "ui": {"minutebook", "search", "ingest"},
}
# Rooms inside each package, by rank: a module imports its own room or lower ranks only.
# Equal ranks are siblings, which never import each other.
ROOM_RANKS = {
    "minutebook": 0,
    "ingest.errors": 0,
    "ingest.workers": 0,
    "ingest.sources": 1,
    "ingest.pages": 1,
    "ingest.structure": 1,
    "ingest.analyses": 1,
    # The entity pass runs an analysis on stored documents; the pipeline runs it after parsing.
    "ingest.entity_pass": 2,
    "ingest.pipeline": 3,
    "ingest": 4,
    "search.engine": 0,
    "search.records": 1,
    "search.tracker": 2,
    "search.ask": 2,
    # watch reports the tracker's verdicts, so it sits above tracker (beside derived).
    "search.watch": 3,
    "search.derived": 3,
    "search": 4,
    "ui.web": 0,
    "ui.cli": 1,
    "ui": 2,
}
# Imports across packages that the package table allows but a room does not.
ROOM_FORBIDS = {"ui.web": {"ingest"}}
THIRD_PARTY_FORBIDDEN = {
    "ingest": {"whoosh", "streamlit"},
    "search": {"pdfminer", "spacy", "streamlit"},
    "ui": {"whoosh", "pdfminer"},
}


@dataclass(frozen=True)
class Import:
    importer: str
    target: str
    line: int


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def find_modules(root: Path, packages: tuple[str, ...]) -> dict[str, Path]:
    return {
        module_name(root, path): path
        for package in packages
        for path in sorted((root / package).rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def _resolve(name: str, modules: dict[str, Path]) -> str:
    """The longest prefix of `name` that is one of our modules (an attribute import names its
    module), or `name` itself for a third-party import."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return name


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, _resolve(alias.name, modules), node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield Import(name, _resolve(f"{base}.{alias.name}", modules), node.lineno)


def room_of(module: str) -> str:
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in ROOM_RANKS:
            return candidate
    raise AssertionError(f"{module} is in no room of ROOM_RANKS: add its room to the table")


def rule_violations(imports: list[Import], modules: dict[str, Path]) -> list[str]:
    problems: list[str] = []
    for imp in imports:
        source_package = imp.importer.split(".")[0]
        target_top = imp.target.split(".")[0]
        where = f"{modules[imp.importer]}:{imp.line}: {imp.importer} imports {imp.target}"
        if imp.target not in modules:
            banned = THIRD_PARTY_FORBIDDEN.get(source_package, set())
            if target_top in banned:
                problems.append(f"{where} ({target_top} is not for {source_package})")
            elif source_package == "minutebook" and target_top not in sys.stdlib_module_names:
                problems.append(f"{where} (the core imports the standard library only)")
            continue
        if target_top != source_package:
            if target_top not in ALLOWED_PACKAGES[source_package]:
                problems.append(f"{where} ({source_package} may not import {target_top})")
            elif target_top in ROOM_FORBIDS.get(room_of(imp.importer), set()):
                problems.append(f"{where} ({room_of(imp.importer)} may not import {target_top})")
            continue
        source_room, target_room = room_of(imp.importer), room_of(imp.target)
        if source_room == target_room:
            continue
        if ROOM_RANKS[target_room] >= ROOM_RANKS[source_room]:
            direction = "upward" if ROOM_RANKS[target_room] > ROOM_RANKS[source_room] else "sideways"
            problems.append(f"{where} ({direction}: {source_room} -> {target_room})")
    return problems


def cycles(imports: list[Import], modules: dict[str, Path]) -> list[list[str]]:
    """Strongly connected components of more than one module (or a module importing itself)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for imp in imports:
        if imp.target in modules:
            graph[imp.importer].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the graph is small enough to recurse
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def check_tree(root: Path, packages: tuple[str, ...] = PACKAGES) -> list[str]:
    modules = find_modules(root, packages)
    imports = [imp for name, path in modules.items() for imp in imports_of(name, path, modules)]
    problems = rule_violations(imports, modules)
    problems += [f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(imports, modules)]
    return problems


def test_the_project_keeps_its_import_rules() -> None:
    problems = check_tree(REPO)
    assert not problems, "\n".join(problems)


def test_every_package_says_what_it_does_and_may_import() -> None:
    inits = sorted(path for package in PACKAGES for path in (REPO / package).rglob("__init__.py"))
    undocumented = [
        str(path.relative_to(REPO))
        for path in inits
        if not (ast.get_docstring(ast.parse(path.read_text())) or "").strip()
        or "import" not in (ast.get_docstring(ast.parse(path.read_text())) or "").lower()
    ]
    assert not undocumented, f"package docstrings must say what the package may import: {undocumented}"


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_the_checker_catches_an_upward_import_a_sideways_one_and_a_circle(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "minutebook/__init__.py": '"""core"""\n',
            "minutebook/models.py": "from search.engine import papers\n",  # the core reaching up
            "search/__init__.py": '"""front"""\n',
            "search/engine/__init__.py": "",
            "search/engine/papers.py": "import search.ask.pipeline\n",  # engine -> ask: upward
            "search/ask/__init__.py": "",
            "search/ask/pipeline.py": "from search.tracker import worklist\n",  # ask -> tracker: sideways
            "search/tracker/__init__.py": "",
            "search/tracker/worklist.py": "from search.tracker import evidence\n",
            "search/tracker/evidence.py": "from search.tracker.worklist import x\n",  # a circle
            "ingest/__init__.py": "",
            "ingest/pipeline.py": "import search\n",  # ingest never imports search
            "ui/__init__.py": "",
            "ui/web/__init__.py": "",
            "ui/web/page.py": "import whoosh.index\nfrom ingest import pipeline\n",
        },
    )
    problems = "\n".join(check_tree(tmp_path))
    assert "minutebook.models imports search.engine.papers (minutebook may not import search)" in problems
    assert "(upward: search.engine -> search.ask)" in problems
    assert "(sideways: search.ask -> search.tracker)" in problems
    assert "import cycle: search.tracker.evidence -> search.tracker.worklist" in problems
    assert "ingest.pipeline imports search (ingest may not import search)" in problems
    assert "(whoosh is not for ui)" in problems
    assert "(ui.web may not import ingest)" in problems


def test_a_clean_made_up_tree_has_no_problems(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "minutebook/__init__.py": "import sqlite3\n",
            "search/__init__.py": "from search.derived import refresh\n",
            "search/derived.py": "from search.engine import backend\nfrom search.tracker import evidence\n",
            "search/engine/__init__.py": "",
            "search/engine/backend.py": "import whoosh\nfrom minutebook import models\n",
            "search/tracker/__init__.py": "",
            "search/tracker/evidence.py": "from search.engine.backend import searcher\n",
            "ui/__init__.py": "",
            "ui/cli/__init__.py": "from ingest.pipeline import ingest_paths\nfrom ui.web import launch\n",
            "ui/web/__init__.py": "",
            "ui/web/launch.py": "",
            "ingest/__init__.py": "",
            "ingest/pipeline.py": "",
        },
    )
    assert check_tree(tmp_path) == []
