"""Large papers made at run time, each line of which a search can check (issue 13).

* `agenda_pack_pdf(path, pages)`: an agenda pack of `pages` pages in the shape of a ModernGov
  pack: a front sheet listing the items with their page numbers, then one report per item
  ("Report by …", numbered paragraphs), a running header and a page-number footer on every
  page. Every body page carries one invented word (`page_word(n)`) in a numbered paragraph,
  so a search for it must land on that page.
* `long_text_paper(path, megabytes)`: minutes of that size as text, numbered minutes with
  numbered paragraphs, one invented word per paragraph (`paragraph_word(n)`).

Sentences are drawn from a fixed vocabulary with a fixed seed: the same arguments always give
the same file.
"""

from __future__ import annotations

import random
from pathlib import Path

_VOCABULARY = (
    "council committee report budget school transport member officer parking scheme consultation"
    " review funding capital revenue highways planning policy housing children services strategy"
    " residents ward bus route cycle lane junction safety maintenance contract tender delivery"
    " programme performance target quarter forecast variance reserve savings proposal option"
).split()
_LETTERS = "bcdfghjklmnpqrstvwxz"


def _word(prefix: str, n: int) -> str:
    letters = ""
    for _ in range(4):
        letters += _LETTERS[n % len(_LETTERS)]
        n //= len(_LETTERS)
    return prefix + letters


def page_word(page: int) -> str:
    """The invented word printed on body page `page` of an agenda pack."""
    return _word("pgq", page)


def paragraph_word(n: int) -> str:
    """The invented word in paragraph `n` of a long text paper."""
    return _word("prq", n)


def _sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(_VOCABULARY) for _ in range(words)).capitalize() + "."


PAGES_PER_REPORT = 20


def agenda_pack_pdf(path: Path, pages: int, seed: int = 13) -> dict[int, str]:
    """Write the pack; returns body page -> its word. The front sheet is page 1."""
    from fpdf import FPDF

    rng = random.Random(seed)
    reports = max(1, (pages - 1) // PAGES_PER_REPORT)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    words: dict[int, str] = {}

    def furniture(number: int) -> None:
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(15, 10)
        pdf.cell(w=180, h=4, text="Transport and Connectivity Committee - 17 June 2024", align="C")
        pdf.set_xy(15, 284)
        pdf.cell(w=180, h=4, text=f"Page {number}", align="C")

    pdf.add_page()
    furniture(1)
    pdf.set_xy(15, 22)
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(w=180, h=7, text="Transport and Connectivity Committee")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(w=180, h=5, text="Date: Monday 17 June 2024\nTime: 10.00 am\nVenue: City Hall\n\nAgenda")
    lines_left = 44
    for item in range(1, reports + 1):
        if lines_left == 0:
            break
        first = 2 + (item - 1) * PAGES_PER_REPORT
        pdf.set_x(15)
        last = first + PAGES_PER_REPORT - 1
        pdf.multi_cell(
            w=180, h=5, text=f"{item} Report on scheme {_word('ttl', item)} (Pages {first} - {last})"
        )
        lines_left -= 1
    number = 1
    for item in range(1, reports + 1):
        for offset in range(PAGES_PER_REPORT):
            number += 1
            if number > pages:
                break
            pdf.add_page()
            furniture(number)
            pdf.set_xy(15, 22)
            if offset == 0:
                pdf.set_font("Helvetica", "B", 12)
                pdf.multi_cell(w=180, h=6, text=f"Report on scheme {_word('ttl', item)}")
                pdf.set_font("Helvetica", size=10)
                pdf.multi_cell(w=180, h=5, text="Report by the Director of Transport")
            pdf.set_font("Helvetica", size=10)
            words[number] = page_word(number)
            for paragraph in range(1, 7):
                text = " ".join(_sentence(rng) for _ in range(3))
                if paragraph == 1:
                    text = f"The {words[number]} figures were noted. " + text
                pdf.set_x(15)
                pdf.multi_cell(w=180, h=5, text=f"{offset + 1}.{paragraph} {text}")
                pdf.set_y(pdf.get_y() + 2)
    extra = PAGES_PER_REPORT
    while number < pages:  # pages past the last whole report: an appendix to it, paragraphs numbered on
        number += 1
        extra += 1
        pdf.add_page()
        furniture(number)
        pdf.set_xy(15, 22)
        pdf.set_font("Helvetica", size=10)
        words[number] = page_word(number)
        text = f"The {words[number]} figures were noted. " + _sentence(rng)
        pdf.multi_cell(w=180, h=5, text=f"{extra}.1 {text}")
    pdf.output(str(path))
    return words


def long_text_paper(path: Path, megabytes: float, seed: int = 17) -> dict[int, str]:
    """Write minutes of about `megabytes` MB; returns paragraph number -> its word."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    parts = [
        "Transport and Connectivity Committee\n\nMinutes of the meeting held on Monday 17 June 2024\n\n"
        "Present: Councillor A Smith (Chair), Councillor B Jones\n\n"
    ]
    size = len(parts[0])
    words: dict[int, str] = {}
    minute = paragraph = 0
    while size < target:
        minute += 1
        heading = f"{minute}. Report on scheme {_word('ttl', minute)}\n\n"
        parts.append(heading)
        size += len(heading)
        for number in range(1, 21):
            paragraph += 1
            words[paragraph] = paragraph_word(paragraph)
            text = f"{minute}.{number} The {words[paragraph]} figures were noted. " + " ".join(
                _sentence(rng) for _ in range(4)
            )
            parts.append(text + "\n\n")
            size += len(text) + 2
    parts.append("The meeting closed at 12.30 pm.\n")
    path.write_text("".join(parts), encoding="utf-8")
    return words
