"""The Streamlit entry point (`streamlit run ui/web/app.py`, or `minutebook ui`).

One navigation over the pages, each a module `page_*.py` beside this file. The search page
is the default, so `/?q=free+school+meals&kind=minutes` opens a search straight from a link.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run` puts this folder, not the project root, on sys.path. The pages import
# `ui.*`, `search` and `minutebook`: take them from the same copy as this file, first,
# so a checkout in the working directory never mixes with an installed build.
_ROOT = str(Path(__file__).resolve().parents[2])
if sys.path[:1] != [_ROOT]:
    sys.path.insert(0, _ROOT)

HERE = Path(__file__).parent

PAGES = [
    st.Page(HERE / "page_search.py", title="Search", icon=":material/search:", default=True),
    st.Page(HERE / "page_meetings.py", title="Meetings", icon=":material/event:", url_path="meetings"),
    st.Page(HERE / "page_tracker.py", title="Tracker", icon=":material/task_alt:", url_path="tracker"),
    st.Page(HERE / "page_ask.py", title="Ask", icon=":material/question_answer:", url_path="ask"),
    st.Page(
        HERE / "page_people.py", title="People & organisations", icon=":material/groups:", url_path="people"
    ),
    st.Page(HERE / "page_figures.py", title="Figures", icon=":material/monitoring:", url_path="figures"),
    st.Page(
        HERE / "page_whats_new.py", title="What's new", icon=":material/notifications:", url_path="whats-new"
    ),
    st.Page(HERE / "page_sources.py", title="Sources", icon=":material/cloud_download:", url_path="sources"),
]

from ui.web.errors import shown_as_sentences  # noqa: E402 - after the path fix above

st.set_page_config(page_title="minutebook", page_icon=":material/menu_book:", layout="wide")
with shown_as_sentences():
    st.navigation(PAGES).run()
