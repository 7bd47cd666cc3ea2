"""Failures as sentences: what happened and what to do, with the detail folded away.

Rules:
* Every page runs inside `shown_as_sentences()` (app.py wraps the navigation), so an error
  anywhere ends the page with one `st.error` sentence and an expander holding the exception
  (type, message, traceback), never Streamlit's raw red traceback.
* A sentence is chosen by a registry of (test, sentence) pairs, first match wins; the last
  says "something went wrong" with the page to reload. Tests look at the exception itself
  (type, errno, message, and the module it was raised from), so `ui` still imports neither
  whoosh nor pdfminer.
* Streamlit's own control flow (`st.stop`, `st.rerun`, page switches) derives from
  BaseException, not Exception, and passes through untouched.
"""

from __future__ import annotations

import errno
import sqlite3
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from minutebook.home import index_path, resolve_home, store_path
from minutebook.recovery import damage_hint, is_damage


@dataclass(frozen=True)
class Sentence:
    """What happened (`what`) and what to do about it (`todo`), for a person, not a log."""

    what: str
    todo: str

    def text(self) -> str:
        return f"{self.what} {self.todo}"


def _home() -> Path:
    return resolve_home(None).resolve()


def _raised_in(err: BaseException, package: str) -> bool:
    """Whether `err` was raised from inside `package` (its type's module or any frame's)."""
    if type(err).__module__.split(".")[0] == package:
        return True
    frames = traceback.extract_tb(err.__traceback__)
    return any(f"/{package}/" in frame.filename for frame in frames)


def _store_damaged(err: BaseException) -> Sentence | None:
    if not isinstance(err, sqlite3.DatabaseError):
        return None
    path = store_path(_home())
    if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
        return Sentence(
            f"The record store `{path}` is busy: another minutebook command is writing to it.",
            "Wait for it to finish, then reload this page.",
        )
    if is_damage(err):
        # The command line's own words for it (minutebook.recovery), as a sentence.
        hint = damage_hint(path, err)
        return Sentence(hint[0].upper() + hint[1:] + ".", "Nothing else in the home was changed.")
    return Sentence(
        f"The record store `{path}` cannot be used ({err}).",
        "Run `minutebook check --repair` (it keeps the damaged file), or ingest the papers again"
        " into a new home.",
    )


def _index_damaged(err: BaseException) -> Sentence | None:
    if not _raised_in(err, "whoosh"):
        return None
    return Sentence(
        f"The search index `{index_path(_home())}` cannot be read: it is damaged or out of date.",
        "Run `minutebook reindex` to rebuild it from the record store; nothing stored is lost.",
    )


def _disk_full(err: BaseException) -> Sentence | None:
    if not (isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT)):
        return None
    return Sentence("The disk is full.", "Free some space, then reload this page.")


def _file_unreadable(err: BaseException) -> Sentence | None:
    if not isinstance(err, PermissionError | FileNotFoundError):
        return None
    name = f" `{err.filename}`" if getattr(err, "filename", None) else ""
    return Sentence(
        f"A file this page needs{name} could not be opened ({err.strerror or err}).",
        "Check that the home folder and the papers are still there and readable, then reload.",
    )


def _out_of_memory(err: BaseException) -> Sentence | None:
    if not isinstance(err, MemoryError):
        return None
    return Sentence(
        "This page ran out of memory.", "Narrow the view (a filter or a shorter date range) and try again."
    )


def _anything(err: BaseException) -> Sentence:
    return Sentence(
        f"Something went wrong on this page ({type(err).__name__}).",
        "Reload the page; if it happens again, run `minutebook check` and report the details below.",
    )


SENTENCES: list[Callable[[BaseException], Sentence | None]] = [
    _store_damaged,
    _index_damaged,
    _disk_full,
    _file_unreadable,
    _out_of_memory,
]


def sentence_for(err: BaseException) -> Sentence:
    """The first sentence of `SENTENCES` that fits `err`, else the general one."""
    for test in SENTENCES:
        found = test(err)
        if found is not None:
            return found
    return _anything(err)


def show(err: BaseException) -> None:
    """The sentence as an error box, the exception folded away under "Details"."""
    st.error(sentence_for(err).text(), icon=":material/error:")
    with st.expander("Details"):
        st.code("".join(traceback.format_exception(err)).rstrip(), language=None)


@contextmanager
def shown_as_sentences() -> Iterator[None]:
    """Run a page; an Exception ends it with a sentence (`show`), never a traceback."""
    try:
        yield
    except Exception as err:  # every failure is shown, as a sentence
        show(err)
