"""Limits on what one file may cost an ingest, as settings with defaults for a small machine.

Where a limit comes from, first found wins:

1. a command-line flag (`minutebook ingest --memory-mb 2048 …`);
2. an environment variable (`MINUTEBOOK_MEMORY_MB=2048`);
3. the home's settings file, `settings.toml`, table `[limits]` (`memory_mb = 2048`);
4. the default below.

The defaults suit a 2-core machine with a few GB of memory running two workers: together they
stay under about 3 GB, a file gets minutes (more for a big one), no PDF stream may inflate
past 256 MB, and spaCy reads long items in pieces. 0 turns a limit off.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

SETTINGS_FILENAME = "settings.toml"
ENV_PREFIX = "MINUTEBOOK_"


class SettingsError(ValueError):
    """A settings file or variable that cannot be read; `str(err)` names it and the problem."""


@dataclass(frozen=True)
class Limits:
    """What one file may cost. Every field is an int; 0 means no limit."""

    # Memory per worker process, in MB (the worker's data segment: RLIMIT_DATA on Linux).
    memory_mb: int = 1536
    # Wall-clock seconds per file: `time_per_file` plus `time_per_mb` for each MB of the file,
    # so a large pack gets time in proportion to its size and a tiny hostile file does not.
    time_per_file: int = 300
    time_per_mb: int = 120
    # Bytes one PDF stream may decompress to, in MB: beyond it the file is a decompression
    # bomb (a few KB that inflate to gigabytes), refused before it is inflated.
    stream_mb: int = 256
    # Characters of one item handed to spaCy at once: longer items are read in pieces cut at
    # paragraph or line breaks (spaCy refuses texts over 1,000,000 characters, and its memory
    # grows with the length of each text).
    item_chars: int = 10_000

    def seconds_for(self, size_bytes: int) -> float | None:
        """The time limit for a file of `size_bytes`, or None when time is unlimited."""
        if not self.time_per_file and not self.time_per_mb:
            return None
        return self.time_per_file + self.time_per_mb * size_bytes / 1_000_000


# How each limit is named to a user: flag, variable, settings key.
LIMIT_NAMES = {field.name: field.name for field in fields(Limits)}


def flag_name(limit: str) -> str:
    return "--" + limit.replace("_", "-")


def env_name(limit: str) -> str:
    return ENV_PREFIX + limit.upper()


def describe(limit: str, value: int) -> str:
    """'memory limit 1536 MB per worker (--memory-mb, MINUTEBOOK_MEMORY_MB)' for messages."""
    units = {
        "memory_mb": f"{value} MB per worker",
        "time_per_file": f"{value} s per file",
        "time_per_mb": f"{value} s per MB",
        "stream_mb": f"{value} MB per PDF stream",
        "item_chars": f"{value:,} characters per piece",
    }
    return f"{units[limit]}; raise it with {flag_name(limit)} or {env_name(limit)}"


def load_limits(
    home: Path | None,
    overrides: Mapping[str, int | None] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Limits:
    """The limits in force: flags (`overrides`, None = not given) over environment variables
    over `home/settings.toml` over the defaults. Raises `SettingsError` for a bad value."""
    environ = os.environ if environ is None else environ
    limits = Limits()
    if home is not None:
        limits = replace(limits, **_from_file(home / SETTINGS_FILENAME))
    from_env = {}
    for name in LIMIT_NAMES:
        raw = environ.get(env_name(name))
        if raw is not None and raw.strip():
            from_env[name] = _as_limit(raw.strip(), env_name(name))
    limits = replace(limits, **from_env)
    given = {
        name: _as_limit(value, flag_name(name))
        for name, value in (overrides or {}).items()
        if value is not None
    }
    return replace(limits, **given)


def _from_file(path: Path) -> dict[str, int]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as err:
        raise SettingsError(f"{path}: cannot read the settings file ({err})") from err
    try:
        table = tomllib.loads(text).get("limits", {})
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{path}: not valid TOML ({err})") from err
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [limits] must be a table")
    unknown = sorted(set(table) - set(LIMIT_NAMES))
    if unknown:
        raise SettingsError(f"{path}: unknown limit {', '.join(unknown)} (known: {', '.join(LIMIT_NAMES)})")
    return {name: _as_limit(value, f"{path} [limits] {name}") for name, value in table.items()}


def _as_limit(value: object, where: str) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise SettingsError(f"{where}: {value!r} is not a whole number (0 means no limit)") from None
    if number < 0 or isinstance(value, bool):
        raise SettingsError(f"{where}: {value!r} must be 0 (no limit) or more")
    return number


# --- the PDF engine -------------------------------------------------------------------------

# Which library reads a PDF's page layout (`ingest.pages.pdf`): PDFium (the default) reads it in
# C and falls back to pdfminer for any file it cannot read; pdfminer.six is the reference the
# tests compare against. PDFium became the default when the agreement report
# (tests/bench/pdf_engine_agreement.py) showed both give the same documents (issue 17: 403 of
# 403 items over every real folder and the rendered test PDFs, section texts included).
PDF_ENGINES = ("pdfminer", "pdfium")
DEFAULT_PDF_ENGINE = "pdfium"
PDF_ENGINE_ENV = ENV_PREFIX + "PDF_ENGINE"


def load_pdf_engine(
    home: Path | None, flag: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """The PDF engine in force: the flag, then MINUTEBOOK_PDF_ENGINE, then `pdf_engine` in the
    home's settings.toml table `[ingest]`, then the default. Raises `SettingsError` for an
    unknown name."""
    environ = os.environ if environ is None else environ
    where, value = "--pdf-engine", flag
    if not value and environ.get(PDF_ENGINE_ENV, "").strip():
        where, value = PDF_ENGINE_ENV, environ[PDF_ENGINE_ENV].strip()
    if not value and home is not None:
        where, value = (
            f"{home / SETTINGS_FILENAME} [ingest] pdf_engine",
            _engine_from_file(home / SETTINGS_FILENAME),
        )
    if not value:
        return DEFAULT_PDF_ENGINE
    if value not in PDF_ENGINES:
        raise SettingsError(f"{where}: unknown PDF engine {value!r} (known: {', '.join(PDF_ENGINES)})")
    return value


def _engine_from_file(path: Path) -> str | None:
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("ingest", {})
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise SettingsError(f"{path}: cannot read the settings file ({err})") from err
    value = table.get("pdf_engine") if isinstance(table, dict) else None
    return str(value) if value is not None else None
