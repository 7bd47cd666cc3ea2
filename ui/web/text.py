"""Safe rendering of text taken from papers.

Invariant: paper text reaches `st.markdown` only through `escape_markdown` (every ASCII
punctuation character backslash-escaped, which CommonMark renders literally), so a paper
containing `<script>`, `**`, `[link](…)`, `$maths$` or Streamlit's `:color[…]` directives
shows those characters as text. Nothing in `ui/` uses `unsafe_allow_html`.

Escaping does not stop Streamlit's Markdown from turning bare URLs and e-mail addresses
into links (GitHub's autolink extension matches `www.`, `https:` and `x@y` whatever the
backslashes; checked in Chromium). So an invisible WORD JOINER (U+2060) goes where the
pattern would start: after a URL scheme's letters, inside `www`, after `@`. The text reads
and copies the same; nothing in a paper becomes a link.
"""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it is always safe.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# The most characters a highlighted word runs beyond the query's stem ("child" -> "children",
# "leader" -> "leaders"): an inflection, not another word that starts the same way.
SUFFIX_MAX = 4
# Symbol-font bullets that PDFs put in the Private Use Area (Bristol's minutes: U+F0B7):
# shown as the characters they draw.
_SYMBOL_FONT = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖"})
# Where GitHub-flavoured autolinks start: a scheme before ":", "www.", an address's "@".
_WORD_JOINER = "\u2060"
_SCHEME = re.compile(r"\b(https?|ftp|mailto|xmpp|file|javascript|data)(?=:)", re.IGNORECASE)
_WWW = re.compile(r"\b(w)(ww\.)", re.IGNORECASE)
_QUERY_WORD = re.compile(r"[\w][\w'’-]*")
_OPERATORS = {"and", "or", "not", "to"}
# Words too common to be worth highlighting (the index ignores them too).
_STOPWORDS = {"a", "an", "the", "of", "in", "on", "for", "is", "be", "by", "at", "with", "it", "as"}


def plain_line(text: str) -> str:
    """`text` for a table cell or a CSV field: on one line, symbol-font bullets drawn as the
    characters they stand for (a grid shows U+F0B7 as an empty box). Not Markdown: cells of
    `st.dataframe` and CSV fields are never rendered as Markdown."""
    return " ".join(text.translate(_SYMBOL_FONT).split())


def escape_markdown(text: str) -> str:
    """`text` as Markdown that renders exactly as the characters given (line breaks kept)."""
    return _escape_inline(_tidy_lines(text))


def _tidy_lines(text: str) -> str:
    # Leading spaces would start a code block (four or more) and trailing ones a hard break.
    return "\n".join(line.strip() for line in text.translate(_SYMBOL_FONT).split("\n"))


def _escape_inline(text: str) -> str:
    """Escape a fragment (which may sit mid-line): punctuation escaped, nothing left for the
    autolinker, newlines kept as hard breaks (a bare newline would be a soft break and join
    the lines)."""
    return _PUNCTUATION.sub(r"\\\1", _break_autolinks(text)).replace("\n", "  \n")


def _break_autolinks(text: str) -> str:
    """`text` with a WORD JOINER where a bare URL or e-mail address would be linked."""
    text = _SCHEME.sub(lambda m: m.group(1) + _WORD_JOINER, text)
    text = _WWW.sub(lambda m: m.group(1) + _WORD_JOINER + m.group(2), text)
    return text.replace("@", "@" + _WORD_JOINER)


def query_terms(query: str | None) -> list[str]:
    """The words of a search query worth highlighting: operators, field names and stopwords out."""
    if not query:
        return []
    terms: list[str] = []
    for token in query.split():
        # field:value -> value (the field name is not in the text).
        value = token.split(":", 1)[1] if ":" in token else token
        for word in _QUERY_WORD.findall(value):
            lowered = word.lower()
            if lowered in _OPERATORS or lowered in _STOPWORDS or lowered in terms:
                continue
            terms.append(lowered)
    return terms


def _term_pattern(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    # Match inflected forms too ("meals" finds "meal", "planning" finds "plann…"): a word that
    # starts with the term's stem and runs at most a suffix's length beyond it, so "bus"
    # marks "buses" but not "Business". Longest first so the regex prefers the fuller match.
    stems = sorted({_stem(t) for t in terms}, key=len, reverse=True)
    alternatives = "|".join(re.escape(s) for s in stems)
    return re.compile(rf"\b(?:{alternatives})\w{{0,{SUFFIX_MAX}}}\b", re.IGNORECASE)


def _stem(term: str) -> str:
    for suffix in ("ing", "ies", "es", "s", "ed"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 3:
            return term[: -len(suffix)]
    return term


def highlight_markdown(text: str, terms: list[str], strong: bool = True) -> str:
    """Escaped Markdown of `text` with each occurrence of `terms` on an orange background,
    bold unless `strong` is False (for text that is set in bold already: a heading line)."""
    text = _tidy_lines(text)
    pattern = _term_pattern(terms)
    if pattern is None:
        return _escape_inline(text)
    return _mark(text, [(m.start(), m.end()) for m in pattern.finditer(text)], strong)


# A delimiter row's cell: "---", ":--", "--:", ":-:" (or empty, beside others that are).
_DELIMITER_CELL = re.compile(r"^:?-*:?$")


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a pipe-table row ("| Date of meeting: | 14 th March 2017 |", as text
    papers and converted spreadsheets print tables: corpus/003's dashboard), else None."""
    row = line.strip()
    if len(row) < 3 or not (row.startswith("|") and row.endswith("|")) or row.count("|") < 3:
        return None
    return [cell.strip() for cell in row[1:-1].split("|")]


def _table_markdown(rows: list[list[str]], terms: list[str]) -> str:
    """A Markdown table of `rows` (the first is its header; delimiter rows dropped), each
    cell escaped and highlighted like any other paper text: only the pipes are ours."""
    rows = [r for r in rows if not (all(_DELIMITER_CELL.match(c) for c in r) and any("-" in c for c in r))]
    if not rows:
        return ""
    width = max(len(r) for r in rows)

    def line(cells: list[str]) -> str:
        padded = cells + [""] * (width - len(cells))
        return "| " + " | ".join(highlight_markdown(c, terms) if c else " " for c in padded) + " |"

    return "\n".join([line(rows[0]), "|" + " --- |" * width, *(line(r) for r in rows[1:])])


def highlight_text_markdown(text: str, terms: list[str]) -> str:
    """`highlight_markdown` for a passage of a paper, with each run of two or more pipe-table
    rows drawn as a table instead of lines of pipes. Tables stand apart (blank lines before
    and after), so the Markdown around them cannot run into a row."""
    parts: list[tuple[bool, str]] = []  # (is a table, Markdown)
    lines = text.split("\n")
    prose: list[str] = []
    i = 0
    while i < len(lines):
        rows: list[list[str]] = []
        while i + len(rows) < len(lines) and (cells := pipe_cells(lines[i + len(rows)])) is not None:
            rows.append(cells)
        if len(rows) >= 2:
            if prose:
                parts.append((False, highlight_markdown("\n".join(prose), terms)))
                prose = []
            parts.append((True, _table_markdown(rows, terms)))
            i += len(rows)
        else:
            prose.append(lines[i])
            i += 1
    if prose:
        parts.append((False, highlight_markdown("\n".join(prose), terms)))
    if not any(table for table, _ in parts):
        return parts[0][1] if parts else ""
    body = "\n\n".join(markdown for _, markdown in parts if markdown)
    return ("\n\n" if parts[0][0] else "") + body + ("\n\n" if parts[-1][0] else "")


def _mark(text: str, spans: list[tuple[int, int]], strong: bool = True) -> str:
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last or end <= start or end > len(text):
            continue
        out.append(_escape_inline(text[last:start]))
        marked = _escape_inline(text[start:end])
        out.append(f":orange-background[**{marked}**]" if strong else f":orange-background[{marked}]")
        last = end
    out.append(_escape_inline(text[last:]))
    return "".join(out)


def count_matches(text: str, terms: list[str]) -> int:
    """How many highlightable occurrences of `terms` are in `text`."""
    pattern = _term_pattern(terms)
    return len(pattern.findall(text)) if pattern else 0


def mark_spans_markdown(text: str, spans: list[list[int]] | list[tuple[int, int]]) -> str:
    """Escaped Markdown of `text` with the given [start, end) character spans highlighted.

    Spans come from the search engine (a hit's `highlights`, offsets into its plain
    `snippet`); ones out of range or overlapping an earlier span are ignored.
    """
    # Same-length clean-up keeps the offsets valid: a snippet is one line of prose.
    flat = text.translate(_SYMBOL_FONT).replace("\n", " ").replace("\t", " ")
    lead = len(flat) - len(flat.lstrip())
    pairs = [(int(s) - lead, int(e) - lead) for s, e in spans]
    return _mark(flat[lead:], [(s, e) for s, e in pairs if s >= 0])
