"""Paragraphs and sentences as decisions and actions read them: wrapped lines and page
breaks joined back into whole sentences, limbs and tables kept apart, abbreviations kept
inside their sentence."""

from __future__ import annotations

from ingest.analyses.passages import paragraphs, sentences

# Lines as a PDF wraps them at about 95 characters.
WRAPPED = (
    "Members were told that the review of maintenance standards had started in the spring and\n"
    "that a further briefing would follow on the programme of repairs for the coming winter.\n"
    "Officers would arrange the sessions for Members in good time (ACTION: PCO to arrange\n"
    "Members' briefing sessions.)\n"
    "The Chair closed the item.\n"
)


def texts(text: str) -> list[str]:
    return [p.text for p in paragraphs(text)]


def test_a_line_that_fills_the_wrap_width_carries_on_into_the_next() -> None:
    found = texts(WRAPPED)
    assert found[0].endswith("the programme of repairs for the coming winter.")
    assert found[1] == (
        "Officers would arrange the sessions for Members in good time (ACTION: PCO to arrange"
        " Members' briefing sessions.)"
    )
    assert found[2] == "The Chair closed the item."


def test_a_lower_case_or_bracketed_lower_case_start_carries_on_a_sentence() -> None:
    assert texts("The new leaflet for residents\n(green cover) is due to be published in May.\n") == [
        "The new leaflet for residents (green cover) is due to be published in May."
    ]


def test_a_page_break_inside_a_sentence_is_joined() -> None:
    assert texts("It was agreed that the results would be shared with the\n\nPanel in July.\n") == [
        "It was agreed that the results would be shared with the Panel in July."
    ]


def test_limbs_numbered_and_roman_and_table_rows_stay_apart() -> None:
    text = (
        "RESOLVED that:\n1. the budget be approved\nii) the precept be set\n"
        "01 Ann Bell | Road safety\n02 Carl Dunn | Parking\n"
    )
    assert texts(text) == [
        "RESOLVED that:",
        "1. the budget be approved",
        "ii) the precept be set",
        "01 Ann Bell | Road safety",
        "02 Carl Dunn | Parking",
    ]


def test_a_line_ending_in_an_initial_carries_on() -> None:
    assert texts("It was proposed by Cllr. W.\nLoynton and seconded by Cllr. J. Davies.\n") == [
        "It was proposed by Cllr. W. Loynton and seconded by Cllr. J. Davies."
    ]


def test_a_text_file_with_a_paragraph_per_line_is_not_rejoined() -> None:
    text = (
        "The contents of the progress report be noted\n"
        "The model outlined in section 2 of the report be supported, with its focus on the risk assessment of"
        " schools, the executive leadership of more than one school and strong governance throughout\n"
    )
    assert len(texts(text)) == 2


def test_sentences_do_not_end_at_titles_initials_or_initialisms() -> None:
    found = [
        s
        for _, s in sentences(
            "Proposed by Cllr. O. Williams and seconded by Mr. K. Davies. C.C.C. had replied."
        )
    ]
    assert found == ["Proposed by Cllr. O. Williams and seconded by Mr. K. Davies.", "C.C.C. had replied."]
