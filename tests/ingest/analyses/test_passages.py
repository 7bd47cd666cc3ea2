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


def test_a_line_opening_with_the_meetings_verdict_starts_a_paragraph() -> None:
    text = (
        "Street light repair - £84.00 (Ch. No. 1201)\n"
        "Website domain fee – £11.99 paid by direct debit\n"
        "All approved for payment.\n"
    )
    assert texts(text)[-1] == "All approved for payment."
    # The same word carrying on a sentence is not a verdict.
    assert texts("On being put to the vote the amendment was\nCARRIED (7 for, 2 against).\n") == [
        "On being put to the vote the amendment was CARRIED (7 for, 2 against)."
    ]
    assert texts("The list of payments was checked and\nApproved by the Chair.\n") == [
        "The list of payments was checked and Approved by the Chair."
    ]


def test_a_title_opening_a_sentence_keeps_its_full_stop_inside_the_sentence() -> None:
    found = [s for _, s in sentences("No more flooding on Mill Lane. Cllr. Evans is to survey the ditch.")]
    assert found == ["No more flooding on Mill Lane.", "Cllr. Evans is to survey the ditch."]


def test_an_action_asterisk_starts_a_sentence() -> None:
    found = [s for _, s in sentences("The path is overgrown. *Clerk to report it.")]
    assert found == ["The path is overgrown.", "*Clerk to report it."]


def test_lettered_limbs_run_into_one_line_are_sentences_of_their_own() -> None:
    found = [
        s
        for _, s in sentences(
            "a. Newsletters from the police b. Letter about the flag, noted c. Tour of the range"
        )
    ]
    assert found == [
        "a. Newsletters from the police",
        "b. Letter about the flag, noted",
        "c. Tour of the range",
    ]
    found = [s for _, s in sentences("*Clerk to report it to highways. e. Email about the grass cutting")]
    assert found == ["*Clerk to report it to highways.", "e. Email about the grass cutting"]
    # Initials and "e.g." are not limbs.
    assert len(sentences("Quotes e.g. from J. Smith were read.")) == 1
