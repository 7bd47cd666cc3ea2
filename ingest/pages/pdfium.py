"""PDF -> page layouts with PDFium (pypdfium2): the same `PageLayout`s pdfminer gives, in C.

pdfminer.six spends most of an ingest's CPU laying out characters in Python; PDFium hands over
each page's characters with their boxes, type size and font in a few C calls per character.
To give the same documents, this module rebuilds exactly what `ingest.pages.pdf` takes from
pdfminer (its `LAParams` defaults, `boxes_flow=None`):

* characters are grouped into text lines as pdfminer's `group_objects` does, in content order:
  a character joins the line when it overlaps the previous one vertically by more than half
  the smaller height (`line_overlap`) and lies within twice the wider width of it
  (`char_margin`); a word space is inserted where the gap passes a tenth of the character's
  size (`word_margin`). PDFium's generated characters (the spaces and line breaks it infers)
  are skipped: the gaps decide, as in pdfminer;
* a character's box is pdfminer's: from its origin's descent up by the type size, across its
  advance (PDFium's loose box gives the descent and advance; the origin is asked for, as the
  loose box also covers ink left of it);
* the spaces PDFium leaves out are put back, as pdfminer keeps every space and spaces
  decide what is one line: a run of spaces inside an object (PDFium keeps its first), the
  spaces that end an object, and objects of spaces only (which PDFium bounds by their ink:
  no width), each as wide as its font's space. What PDFium does not keep cannot always be
  rebuilt: a run with positioning jumps between its spaces (Manordeilo and Salem's action
  column) gives the same characters as a run without, so only whole, short runs are filled;
* characters are taken in the order their text objects are drawn, as pdfminer takes them:
  PDFium's text page merges objects that overlap on one line by position (`_content_order`);
* a line is cut into runs of ink and each run's size and weight sampled from its inked
  characters, as `ingest.pages.pdf` does for pdfminer's lines (`ingest.pages.layout`), bold by
  the font's name (`ingest.pages.layout.is_bold_font`); unmapped glyphs (PDFium's control
  characters, pdfminer's "(cid:N)") are dropped by both;
* table rules are painted subpaths taller than 5pt (pdfminer splits a path at each move),
  including those inside form XObjects;
* coordinates are moved as pdfminer's device moves them: to the media box's origin, with the
  page's rotation applied.

Anything PDFium cannot read raises `PdfiumFailed`; `ingest.pages.pdf` then reads the file with
pdfminer. PDFium objects are not thread-safe: each ingest worker is its own process.

Imports: `ingest.pages.layout`, pypdfium2, the standard library.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ingest.pages.layout import (
    PageLayout,
    Rule,
    Segment,
    clean_text,
    is_bold_font,
    is_cell_gap,
    is_unmapped,
    sampled,
)

# pdfminer's LAParams defaults.
LINE_OVERLAP = 0.5
CHAR_MARGIN = 2.0
WORD_MARGIN = 0.1
# A painted path taller than this is a table border (as in `ingest.pages.pdf`).
RULE_MIN_HEIGHT = 5.0
RULE_MIN_WIDTH = 2.0
# Form XObjects nest; deeper than this is a malformed file, not a layout.
MAX_FORM_DEPTH = 16

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class PdfiumFailed(Exception):
    """PDFium could not open or read the file (the message says what PDFium said)."""


@dataclass(slots=True)
class _Char:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    font: str
    obj: int = 0  # the address of its text object
    overhang: float = 0.0  # how far its ink reaches left of its origin

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def pdfium_layouts(data: bytes) -> list[PageLayout]:
    """One `PageLayout` per page of the PDF in `data`. Raises `PdfiumFailed`."""
    try:
        document = pdfium.PdfDocument(data, password="")
    except pdfium.PdfiumError as err:
        raise PdfiumFailed(str(err).splitlines()[0] if str(err) else "cannot open it") from err
    try:
        return [_page_layout(document, index) for index in range(len(document))]
    except pdfium.PdfiumError as err:
        raise PdfiumFailed(str(err).splitlines()[0] if str(err) else "cannot read a page") from err
    finally:
        document.close()


def _page_layout(document: pdfium.PdfDocument, index: int) -> PageLayout:
    page = document[index]
    try:
        device, height = _device(page)
        text_page = raw.FPDFText_LoadPage(page.raw)
        if not text_page:
            raise PdfiumFailed(f"cannot read the text of page {index + 1}")
        try:
            rules: list[Rule] = []
            texts: _Texts = []
            _collect_objects(page.raw, device, rules, texts)
            chars = list(_chars(text_page, device, {key: rank for rank, (key, _) in enumerate(texts)}))
        finally:
            raw.FPDFText_ClosePage(text_page)
        chars = _with_dropped_spaces(chars, texts)
        return PageLayout(height, [seg for line in _group_lines(chars) for seg in _segments(line)], rules)
    finally:
        page.close()


def _device(page: pdfium.PdfPage) -> tuple[_Matrix, float]:
    """pdfminer's device matrix for the page (media box origin moved to 0, rotation applied)
    and the page's height in that space."""
    # PDFium reads a MediaBox only from the page itself (crbug.com/pdfium/1786); an inherited
    # one (fpdf2 puts A4 on the page tree) is in the page's bounding box (media box ∩ crop box).
    x0, y0, x1, y1 = page.get_mediabox(fallback_ok=False) or page.get_bbox()
    rotation = page.get_rotation() % 360
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1), abs(x1 - x0)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1), abs(y1 - y0)
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0), abs(x1 - x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0), abs(y1 - y0)


def _apply(m: _Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _box(m: _Matrix, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    if m[1] == 0.0 and m[2] == 0.0 and m[0] > 0 and m[3] > 0:  # the usual case: a shift
        return m[0] * x0 + m[4], m[3] * y0 + m[5], m[0] * x1 + m[4], m[3] * y1 + m[5]
    points = [_apply(m, x, y) for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


# --- characters ------------------------------------------------------------------------------


def _chars(text_page: object, device: _Matrix, ranks: dict[int, int]) -> Iterator[_Char]:
    """The page's characters in content order (`_content_order`; `ranks`: each text object's
    place in the content), generated ones (PDFium's inferred spaces and line breaks) left
    out, each with pdfminer's box.

    PDFium drops the spaces that end a text object (it puts a generated space of no width in
    their place), which pdfminer keeps: they bridge the gap to the next object when lines are
    grouped (Bristol's decision forms set "(c) " and "Declarations of interest:" as two
    objects 17pt apart; the space makes them one line). They are put back here, each
    `_SPACE_ADVANCE` of the type size wide.
    """
    count = raw.FPDFText_CountChars(text_page)
    if count <= 0:
        return
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = raw.FPDFText_GetText(text_page, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:  # characters outside the BMP take two units: ask one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(text_page, i) or 0xFFFD) for i in range(count))
    loose = raw.FS_RECTF()
    objects: dict[int, _TextObject] = {}
    last: _Char | None = None
    last_object: _TextObject | None = None
    last_key = -1
    spaced_gap = False  # PDFium generated a space in the gap after `last` (no real one)
    is_generated = raw.FPDFText_IsGenerated
    loose_box = raw.FPDFText_GetLooseCharBox
    origin = raw.FPDFText_GetCharOrigin
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    keys = [_object_at(text_page, i) or 0 for i in range(count)]
    for i in _content_order(keys, ranks):
        char = text[i]
        if char in "\r\n\x00":
            continue
        if is_generated(text_page, i) == 1:
            if char == " " and last is not None and loose_box(text_page, i, loose):
                spaced_gap = _box(device, loose.left, loose.bottom, loose.right, loose.top)[0] > last.x1 + 0.1
            continue
        if char == "\ufffe":  # PDFium's mark for a hyphen that ends a line ("in-" / "line")
            char = "-"
        if not loose_box(text_page, i, loose):
            continue
        key = keys[i]
        if key == last_key and last_object is not None:
            current = last_object
        else:
            current = objects.get(key) or _text_object(text_page, i, key, objects)
            last_key = key
        # pdfminer's box: from the descent (PDFium's loose bottom) up by the type size, from
        # the origin across the advance. PDFium's loose box also covers ink that overhangs
        # the origin (a script face's swash "J": Burton-cum-Walden's signed minutes).
        left = loose.left
        if origin(text_page, i, origin_x, origin_y) and origin_x.value > left:
            left = origin_x.value
        x0, y0, x1, _y1 = _box(device, left, loose.bottom, loose.right, loose.top)
        overhang = left - loose.left
        if last is not None and last_object is not None and current is not last_object:
            # The space PDFium counts as the object's last may be the next object's first
            # (WECA's answers switch from bold to regular at "examples| of").
            taken = char == " " and abs(x0 - last.x1) < 0.5
            yield from _trailing_spaces(last, last_object, spaced_gap or taken)
        size = current.size
        if last is not None and current is last_object and last.text == " ":
            yield from _collapsed_spaces(last, x0, y0)
        last = _Char(x0, y0, x1, y0 + size, char, size, current.font, key, overhang)
        last_object = current
        spaced_gap = False
        yield last
    if last is not None and last_object is not None:
        yield from _trailing_spaces(last, last_object, spaced_gap)


def _content_order(keys: list[int], ranks: dict[int, int]) -> list[int] | range:
    """PDFium's character indices in the order their text objects are drawn (`keys`: each
    character's object, `ranks`: each object's place in the content), each object's characters
    in PDFium's order. PDFium's text page merges objects that overlap on one line by position,
    character by character (WECA's outturn tables print a project's description across the
    figures' columns: "Sus2ta5inable"); pdfminer groups characters in content order. A character
    of no object (PDFium's generated ones) keeps its place after the one before it."""
    order: list[int] = []
    rank = -1
    ordered = True
    for key in keys:
        here = ranks.get(key, rank)
        ordered = ordered and here >= rank
        rank = here
        order.append(here)
    if ordered:
        return range(len(keys))
    return sorted(range(len(keys)), key=order.__getitem__)


# A folded run is whole spaces: its gap is within a tenth of a space of a whole number of
# them, and at most `_RUN_MAX` of them. Longer or uneven gaps hold a positioning jump (a
# tab) that pdfminer leaves empty: Manordeilo and Salem's minutes move to their action
# column ("Noted", "Clerk") with jumps among kerned spaces, 45 to 160 spaces' width.
_RUN_TOLERANCE = 0.1
_RUN_MAX = 16


def _collapsed_spaces(space: _Char, x0: float, y0: float) -> Iterator[_Char]:
    """The spaces PDFium folded into `space`: it gives one character for a run of spaces
    inside a text object, and the next character where the run ends. pdfminer keeps each
    space, and the run bridges the gap when lines are grouped (Word sets a form's answer
    apart with spaces: WECA's "Key Decision" + 10 spaces + "No"; Manordeilo and Salem's
    minutes put "Clerk" 8 spaces after its sentence). The gap after the space, on its line,
    becomes spaces of its width."""
    width = space.width
    gap = x0 - space.x1
    if width <= 0 or gap < 0.5 * width or abs(y0 - space.y0) > 0.5:
        return
    count = round(gap / width)
    if abs(gap / width - count) > _RUN_TOLERANCE or count > _RUN_MAX:
        return  # not whole spaces: a positioning jump (a tab) that pdfminer leaves as a gap
    step = gap / count
    for k in range(count):
        left = space.x1 + k * step
        yield _Char(left, space.y0, left + step, space.y1, " ", space.size, space.font, space.obj)


# A space's advance as a share of the type size (Arial's and Helvetica's 0.278, Times' 0.25).
_SPACE_ADVANCE = 0.25


def _trailing_spaces(last: _Char, obj: _TextObject, spaced_gap: bool) -> Iterator[_Char]:
    """The spaces that end `obj`'s text after its last character `last`, as wide as the
    font's space. When PDFium generated a space in the gap after `last` (where no character
    is: WECA's tables set each digit as an object of its own) that space is in the object's
    text but not in the content, so it is not put back."""
    if last.text.isspace():
        return
    x = last.x1
    width = (obj.space or _SPACE_ADVANCE) * last.size
    for _ in range(obj.trailing_spaces - (1 if spaced_gap else 0)):
        yield _Char(x, last.y0, x + width, last.y1, " ", last.size, last.font, last.obj)
        x += width


@dataclass(slots=True)
class _TextObject:
    font: str
    trailing_spaces: int
    size: float  # the type size on the page (pdfminer's `LTChar.size`)
    space: float = 0.0  # the font's space advance per point of type size (0: unknown)


# `FPDFText_GetTextObject` returning the object's address as an int: the per-character call
# then costs no pointer object and no cast (it was the reader's largest cost).
_object_at = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
)


def _text_object(text_page: object, index: int, key: int, objects: dict[int, _TextObject]) -> _TextObject:
    """The text object at address `key` of the character at `index`: its base font name, how
    many spaces end its text and its type size (cached per object)."""
    obj = ctypes.cast(ctypes.c_void_p(key), raw.FPDF_PAGEOBJECT) if key else None
    name = ""
    trailing = 0
    space = 0.0
    matrix = raw.FS_MATRIX()
    scale = 1.0
    if raw.FPDFText_GetMatrix(text_page, index, matrix):
        scale = abs(matrix.d) if matrix.b == 0 and matrix.c == 0 else math.hypot(matrix.c, matrix.d)
    if obj:
        font = raw.FPDFTextObj_GetFont(obj)
        if font:
            advance = ctypes.c_float()
            if raw.FPDFFont_GetGlyphWidth(font, ord(" "), 1.0, advance):
                space = advance.value
            length = raw.FPDFFont_GetBaseFontName(font, None, 0)
            if length > 1:
                buffer = ctypes.create_string_buffer(length)
                raw.FPDFFont_GetBaseFontName(font, buffer, length)
                name = buffer.value.decode("utf-8", errors="replace")
        size = raw.FPDFTextObj_GetText(obj, text_page, None, 0)
        if size > 2:
            units = ctypes.create_string_buffer(size)
            raw.FPDFTextObj_GetText(obj, text_page, ctypes.cast(units, ctypes.POINTER(ctypes.c_ushort)), size)
            content = units.raw.decode("utf-16-le", errors="replace").split("\x00", 1)[0]
            trailing = len(content) - len(content.rstrip(" "))
    # PDFium's font size is the Tf operand; pdfminer's is the size on the page.
    known = objects[key] = _TextObject(
        name, trailing, raw.FPDFText_GetFontSize(text_page, index) * (scale or 1.0), space
    )
    return known


# --- characters -> lines (pdfminer's group_objects) ---------------------------------------------


def _halign(a: _Char, b: _Char) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    if overlap < 0 or overlap <= LINE_OVERLAP * min(a.height, b.height):
        return False
    distance = 0.0 if (a.x0 <= b.x1 and b.x0 <= a.x1) else min(abs(a.x0 - b.x1), abs(a.x1 - b.x0))
    return distance < CHAR_MARGIN * max(a.width, b.width)


def _group_lines(chars: list[_Char]) -> Iterator[list[_Char]]:
    line: list[_Char] | None = None
    previous: _Char | None = None
    for char in chars:
        if previous is not None:
            aligned = _halign(previous, char)
            if line is not None and aligned:
                line.append(char)
            elif line is not None:
                yield line
                line = None
            elif aligned:
                line = [previous, char]
            else:
                yield [previous]
        previous = char
    if line is None and previous is not None:
        line = [previous]
    if line:
        yield line


def _segments(line: list[_Char]) -> Iterator[Segment]:
    """A line as `Segment`s, one per run of ink (cut at every cell gap, as `ingest.pages.pdf`
    cuts pdfminer's lines): each with its text (pdfminer's word spaces inserted), the line's
    height, its inked characters' extent, and the style of a sample of them
    (`ingest.pages.layout.sampled`)."""
    pieces: list[str] = []
    runs: list[tuple[int, list[_Char]]] = []  # (where in `pieces` a run starts, its inked characters)
    right: float | None = None
    for char in line:
        if right is not None and right < char.x0 - WORD_MARGIN * max(char.width, char.height):
            pieces.append(" ")
        if not char.text.isspace() and not is_unmapped(char.text):
            inked = runs[-1][1] if runs else None
            if inked is None or is_cell_gap(inked[-1].x1, char.x0, max(inked[-1].size, char.size)):
                runs.append((len(pieces), [char]))
            else:
                inked.append(char)
        pieces.append(char.text)
        right = char.x1
    if not runs:
        return
    y0 = min(c.y0 for c in line)
    y1 = max(c.y1 for c in line)
    ends = [start for start, _ in runs[1:]] + [len(pieces)]
    for (start, inked), end in zip(runs, ends, strict=True):
        text = clean_text("".join(pieces[start:end]))
        if text:
            picks = sampled(inked)
            size = max(c.size for c in picks)
            bold = all(is_bold_font(c.font) for c in picks)
            yield Segment(min(c.x0 for c in inked), y0, max(c.x1 for c in inked), y1, text, size, bold)


# --- the spaces PDFium drops -----------------------------------------------------------------

_Texts = list[tuple[int, tuple[float, float, float, float]]]


def _with_dropped_spaces(chars: list[_Char], texts: _Texts) -> list[_Char]:
    """`chars` with the runs of spaces PDFium leaves out of its text put back where the content
    has them.

    PDFium gives no characters for text objects that hold only spaces, but pdfminer keeps
    every space, and a run of spaces that spans a gap makes both sides one line: Manordeilo
    and Salem's minutes set "Signed by the Chair" 70pt right of its sentence with space
    objects between, and with spaces that open the next object. A text object that gave no
    characters and has width is such a run; it becomes spaces across its width (`_spaces`),
    on the line of the character before it, between that character and the next in content
    order. An object whose box starts left of its first character opened with spaces: they
    fill the difference.
    """
    seen = {char.obj for char in chars}
    order = {key: index for index, (key, _) in enumerate(texts)}
    boxes = dict(texts)
    runs = [
        (index, box) for index, (key, box) in enumerate(texts) if key not in seen and box[2] - box[0] > 0.5
    ]
    out: list[_Char] = []
    pending = 0
    previous: _Char | None = None
    previous_index = -1
    for char in chars:
        index = order.get(char.obj, previous_index)
        while pending < len(runs) and runs[pending][0] < index:
            run_index, (x0, y0, x1, _y1) = runs[pending]
            if previous is not None and run_index > previous_index and previous.y0 <= y0 <= previous.y1:
                out += _spaces(x0, x1, previous)
            pending += 1
        # The object's own leading spaces: its box starts left of its first character.
        if (previous is None or previous.obj != char.obj) and char.obj in boxes:
            left = boxes[char.obj][0]
            if char.x0 - char.overhang - left > 1.0 and (previous is None or left >= previous.x1 - 0.5):
                out += _spaces(left, char.x0, char)
        out.append(char)
        previous, previous_index = char, max(previous_index, index)
    return out


def _spaces(x0: float, x1: float, previous: _Char) -> list[_Char]:
    """A run of spaces from x0 to x1 on `previous`'s line, as pdfminer has it: one character
    per space, each about `_SPACE_ADVANCE` of the type size (one wide space would bridge a
    gap pdfminer's last space does not)."""
    count = max(1, round((x1 - x0) / (_SPACE_ADVANCE * previous.size or 1.0)))
    width = (x1 - x0) / count
    return [
        _Char(
            x0 + k * width,
            previous.y0,
            x0 + (k + 1) * width,
            previous.y1,
            " ",
            previous.size,
            previous.font,
            -1,
        )
        for k in range(count)
    ]


# --- rules ----------------------------------------------------------------------------------


def _matrix(obj: object) -> _Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """inner then outer (PDF's row-vector convention: inner x outer)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _collect_objects(page: object, device: _Matrix, rules: list[Rule], texts: _Texts) -> None:
    """The page's table rules, and its text objects in content order with their boxes."""
    for i in range(raw.FPDFPage_CountObjects(page)):
        _walk_object(raw.FPDFPage_GetObject(page, i), device, rules, texts, 0)


def _walk_object(obj: object, outer: _Matrix, rules: list[Rule], texts: _Texts, depth: int) -> None:
    kind = raw.FPDFPageObj_GetType(obj)
    if kind == raw.FPDF_PAGEOBJ_TEXT:
        left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            box = _box(outer, left.value, bottom.value, right.value, top.value)
            if box[2] - box[0] < 0.5:  # no ink: a run of spaces, as wide as its advance
                box = (box[0], box[1], box[0] + _space_advance(obj, outer), box[3])
            texts.append((ctypes.cast(obj, ctypes.c_void_p).value or 0, box))  # type: ignore[arg-type]
    elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
        inner = _compose(_matrix(obj), outer)
        for i in range(raw.FPDFFormObj_CountObjects(obj)):
            _walk_object(raw.FPDFFormObj_GetObject(obj, i), inner, rules, texts, depth + 1)
    elif kind == raw.FPDF_PAGEOBJ_PATH:
        to_page = _compose(_matrix(obj), outer)
        for x0, y0, x1, y1 in _subpath_boxes(obj, to_page):
            if y1 - y0 > RULE_MIN_HEIGHT:
                rules.append((x0, y0, y1))
                if x1 - x0 > RULE_MIN_WIDTH:
                    rules.append((x1, y0, y1))


def _space_advance(obj: object, outer: _Matrix) -> float:
    """The advance of one space in the text object's font and size on the page (0 when the
    font has no space). PDFium bounds a text object by its ink, so an object of spaces has
    no width; pdfminer's spaces are their advance wide (WECA's tables set each word's
    closing space as an object of its own: "Approved " then "Current ")."""
    font = raw.FPDFTextObj_GetFont(obj)
    size = ctypes.c_float()
    width = ctypes.c_float()
    if not font or not raw.FPDFTextObj_GetFontSize(obj, size):
        return 0.0
    if not raw.FPDFFont_GetGlyphWidth(font, ord(" "), size.value, width):
        return 0.0
    m = _compose(_matrix(obj), outer)
    return max(0.0, width.value * math.hypot(m[0], m[1]))


def _subpath_boxes(path: object, m: _Matrix) -> Iterator[tuple[float, float, float, float]]:
    """The page-space box of each subpath (split at every move, as pdfminer does)."""
    x = ctypes.c_float()
    y = ctypes.c_float()
    xs: list[float] = []
    ys: list[float] = []
    for i in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, i)
        if not segment or not raw.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO and len(xs) > 1:
            yield min(xs), min(ys), max(xs), max(ys)
            xs, ys = [], []
        elif raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO:
            xs, ys = [], []
        px, py = _apply(m, x.value, y.value)
        xs.append(px)
        ys.append(py)
    if len(xs) > 1:
        yield min(xs), min(ys), max(xs), max(ys)
