"""The ask page shows what the command line prints (issue 15): when ask abstains, the quotes
`minutebook ask` prints as its nearest passages are on the page too, each with its page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.web.test_app import captions, run_page
from ui.cli import main
from ui.web.text import escape_markdown


@pytest.mark.parametrize(
    "question",
    [
        "What was the percentage of LAC with up to date Health Assessment in June 2017?",
        "Who is the chair of the planning committee in Leeds?",
    ],
)
def test_when_ask_abstains_the_page_quotes_what_the_command_line_prints(
    monkeypatch: pytest.MonkeyPatch, corpus_home: Path, capsys: pytest.CaptureFixture[str], question: str
) -> None:
    assert main(["--home", str(corpus_home), "ask", question]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("The papers do not answer that question.")
    # The command line's quotes: “…” on the line after a blank one, then "— source, page N".
    quotes = [
        line.strip()[1:].removesuffix("”") for line in printed.splitlines() if line.strip().startswith("“")
    ]
    assert quotes, printed
    at = run_page(monkeypatch, corpus_home, "page_ask.py", q=question)
    assert [w.value for w in at.warning] == ["The papers do not answer that question."]
    shown = [m.value for m in at.markdown if m.value.startswith("> ")]
    for quote in quotes:
        assert any(escape_markdown(quote) in block for block in shown), (quote, shown)
    pages = [line.rsplit("page ", 1)[1] for line in printed.splitlines() if line.strip().startswith("—")]
    assert all(f"page {page}" in captions(at) for page in pages)
