"""Converted papers (Markdown from pandoc or a web site, text with HTML left in) brought to the
light markup the rest of ingest reads: `# ` for a heading, `**…**` for bold, plain text else.

Councils that publish on web sites keep minutes as Markdown or HTML-ish text: a converter's
escapes ("1\\." for a numbered heading, "\\*" for an asterisk), hard line breaks (a trailing
"\\"), block quotes ("> "), HTML comments and tags ("<h1 class=…>", "<td>") would otherwise
hide the numbering and headings the structure stage reads.
"""

from __future__ import annotations

import html
import re

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING_TAG = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_BOLD_TAG = re.compile(r"</?(?:strong|b)\b[^>]*>", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:p|div|tr|li|table|thead|tbody)\s*>|<br\s*/?>", re.IGNORECASE)
_ANY_TAG = re.compile(
    r"</?(?:p|div|span|br|table|thead|tbody|tr|td|th|ul|ol|li|em|i|u|font|a|img|hr|section|article)\b[^>]*>",
    re.IGNORECASE,
)
# Any of these tags means the text carries HTML (a table cell holding only "<u> </u>" too).
_HTML_PRESENT = re.compile(
    r"<(?:h[1-6]|p|br|div|span|table|tr|td|strong|b|em|i|u|font)\b[^>]*>|<!--", re.IGNORECASE
)
# Markdown's backslash escapes (CommonMark: any ASCII punctuation may be escaped).
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])")
_HARD_BREAK = re.compile(r"\\$", re.MULTILINE)
_QUOTE = re.compile(r"^(?:\s*>)+ ?", re.MULTILINE)
# Markdown's single emphasis ("*Agreed* to buy a mower", "_Resolved_ that ...",
# "**_Financial Report_**" where a heading is bold and italic): the markers go, the words stay.
# An escaped asterisk ("\\*Clerk to ...", an action marker) and the light markup's "**bold**"
# are not emphasis, nor is a marker inside a word ("snake_case").
_EMPHASIS = re.compile(
    r"(?<![\\*\w])\*(?![\s*])([^*\n]{1,200}?)(?<![\s\\*])\*(?![*\w])"
    r"|(?<![\\\w])_(?![\s_])([^_\n]{1,200}?)(?<![\s\\_])_(?![_\w])"
)
# A web site's metadata block ("---\ntitle: …\ndate: <when it was posted>\n---"): only its
# title is the paper's (its date is when the page was posted, not the meeting).
_FRONT_MATTER = re.compile(r"\A\s*---\s*\n(?P<meta>.*?)\n---\s*\n", re.DOTALL)
_META_TITLE = re.compile(r"^title:\s*[\"']?(?P<title>.*?)[\"']?\s*$", re.MULTILINE)


def has_html(text: str) -> bool:
    return bool(_HTML_PRESENT.search(text))


def strip_html(text: str) -> str:
    """HTML tags to light markup: headings to `# `, bold to `**`, cells to " | ", blocks to
    new lines, other tags dropped, entities decoded."""
    text = _COMMENT.sub("", text)
    text = _HEADING_TAG.sub(
        lambda m: "\n" + "#" * int(m.group(1)) + " " + " ".join(m.group(2).split()) + "\n", text
    )
    text = _BOLD_TAG.sub("**", text)
    text = _CELL_END.sub(" | ", text)
    text = _BLOCK_END.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    return html.unescape(text)


def _title_only(match: re.Match[str]) -> str:
    title = _META_TITLE.search(match["meta"])
    return f"# {title['title']}\n\n" if title and title["title"] else ""


def plain_markdown(text: str) -> str:
    """A Markdown paper in light markup: a site's metadata block dropped; escapes, hard breaks,
    quotes and HTML undone."""
    text = _FRONT_MATTER.sub(_title_only, text, count=1)
    if has_html(text):
        text = strip_html(text)
    text = _HARD_BREAK.sub("", text)
    text = _QUOTE.sub("", text)
    text = _EMPHASIS.sub(lambda m: m[1] if m[1] is not None else m[2], text)
    return _ESCAPE.sub(r"\1", text)
