"""Meetings page: the browser of every meeting, one meeting's page, or one paper to read.

URL: `meetings` (the browser, with its filters: `?committee=…&year=…&kind=…`),
`meetings?meeting=ID` (a meeting), `meetings?doc=ID&page=N&hl=words` (a paper to read, from
a search hit, a citation or a figure).
"""

from __future__ import annotations

import streamlit as st

from ui.web import browse, data, meeting, reader
from ui.web.common import open_home


def main() -> None:
    home, version = open_home()
    params = st.query_params
    if params.get("doc"):
        reader.show(home, version, params["doc"])
        return
    wanted = params.get("meeting")
    if wanted:
        found = next((m for m in data.meetings(home, version) if m["id"] == wanted), None)
        if found is not None:
            meeting.show(home, version, found)
            return
        st.warning("That meeting is not in the archive any more; here are the ones that are.")
    browse.show(home, version)


main()
