"""Text papers: UTF-16 (what Notepad and Word save as "Unicode") is read, with or without its
byte-order mark, not called binary (issue 13, failure 7); real binary still is."""

from __future__ import annotations

import pytest

from ingest.errors import IngestError
from ingest.pages.read_text import decode_text
from tests.conftest import MARCH_2014_PANEL_MINUTES

TEXT = MARCH_2014_PANEL_MINUTES.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_wide_unicode_text_is_decoded(encoding: str) -> None:
    assert decode_text(TEXT.encode(encoding)) == TEXT


def test_binary_data_is_still_refused_as_binary() -> None:
    with pytest.raises(IngestError, match="binary"):
        decode_text(bytes(range(256)) * 40)
