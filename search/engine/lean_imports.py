"""Importing Whoosh without the modules a search never uses.

whoosh-reloaded 2.7 imports `urllib.request` (and through it `http.client`, `ssl`, `email`)
for a download helper no one calls, and its `cached_property` dependency imports `asyncio`
to recognise coroutine methods Whoosh does not have: together about a fifth of a one-shot
search's imports. `import_whoosh()` imports Whoosh with stand-ins for those two modules:

* `urllib.request`'s stand-in lives only while Whoosh is imported (then it leaves
  `sys.modules`, so anything importing it later gets the real module); Whoosh keeps a
  `urlretrieve` that imports the real one when called.
* `whoosh.lang.morph_en` (English word variations, for a query type minutebook never
  builds; its tables are compiled regular expressions) is likewise imported when first used.
* `cached_property` keeps an `asyncio` stand-in whose `iscoroutinefunction` is
  `inspect.iscoroutinefunction` (what asyncio's is on Python 3.11+) and whose every other
  attribute is the real asyncio's, imported on first use.

Nothing changes when Whoosh or those modules were imported already.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import types
from typing import Any

_DEFERRED = ("urllib.request", "asyncio", "whoosh.lang.morph_en")


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    return importlib.import_module("urllib.request").urlretrieve(*args, **kwargs)


def _variations(*args: Any, **kwargs: Any) -> Any:
    return importlib.import_module("whoosh.lang.morph_en").variations(*args, **kwargs)


class _LazyModule(types.ModuleType):
    """Stands in for a module: attributes it does not define come from the real module."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            raise AttributeError(name)  # still standing in: the real one cannot load yet
        return getattr(importlib.import_module(self.__name__), name)


def import_whoosh() -> None:
    """Import the parts of Whoosh a search uses, without `_DEFERRED` (see the docstring)."""
    if "whoosh" in sys.modules:
        return
    stubs: dict[str, types.ModuleType] = {}
    for name in _DEFERRED:
        if name not in sys.modules:
            stubs[name] = sys.modules[name] = _LazyModule(name)
    if "urllib.request" in stubs:
        stubs["urllib.request"].urlretrieve = _urlretrieve  # type: ignore[attr-defined]
    if "whoosh.lang.morph_en" in stubs:
        stubs["whoosh.lang.morph_en"].variations = _variations  # type: ignore[attr-defined]
    if "asyncio" in stubs:
        stubs["asyncio"].iscoroutinefunction = inspect.iscoroutinefunction  # type: ignore[attr-defined]
    try:
        importlib.import_module("whoosh.compat")
        importlib.import_module("whoosh.reading")
        importlib.import_module("whoosh.query")
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
