"""Text normalisation, written once and used by every stage (STYLE.md habit 4)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_MARKUP = re.compile(r"\*\*|__|^#{1,6}\s*", re.MULTILINE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Letter-spaced headings ("A g e n d a", "S u p p l e m e n t a r y") are how Norfolk's
# front sheets print their titles; joined up they can be matched like ordinary words.
_LETTER_SPACED = re.compile(r"\b(?:[A-Za-z] ){3,}[A-Za-z]\b")


def content_id(*parts: object) -> str:
    """A stable 16-hex-digit id from the given parts (text is normalised first).

    Ids are derived from content and position, never from file names or run order, so the
    same paper always produces the same ids.
    """
    digest = hashlib.sha256()
    for part in parts:
        digest.update(normalise_for_id(str(part)).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:16]


def normalise_for_id(text: str) -> str:
    """Case-, markup- and whitespace-insensitive form of `text` for hashing."""
    text = unicodedata.normalize("NFKC", strip_markup(text)).casefold()
    return " ".join(text.split())


def strip_markup(text: str) -> str:
    """Remove the light markup (`**bold**`, `# heading`) the page text carries."""
    return _MARKUP.sub("", text)


def clean_line(line: str) -> str:
    """One line with markup removed and runs of spaces collapsed."""
    return _SPACES.sub(" ", strip_markup(line)).strip()


def plain_text(text: str) -> str:
    """Plain text for storage and quoting: markup gone, spaces collapsed, lines kept."""
    lines = [clean_line(line) for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def unspace_letters(text: str) -> str:
    """Join letter-spaced words: "S u p p l e m e n t a r y A g e n d a" -> "SupplementaryAgenda".

    Only used for matching titles, never for stored text.
    """
    return _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def body_key(body: str | None) -> str | None:
    """Grouping key for a committee name: "Overview & Scrutiny" == "Overview and Scrutiny"."""
    if not body:
        return None
    text = unicodedata.normalize("NFKC", body).casefold()
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split()) or None


def printable(text: str) -> str:
    """`text` on one line: control and other unprintable characters escaped as Python would
    ("\\n", "\\x1b"), so a newline in a file name cannot split a one-line message."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
