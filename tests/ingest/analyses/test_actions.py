"""Commitments found in minutes, one source at a time, with owner and due date."""

from __future__ import annotations

from pathlib import Path

from ingest.analyses.actions import extract_actions, owner_of
from tests.ingest.documents import minutes


def found(*items: tuple[str, str]) -> list[tuple[str, str, str | None, str | None]]:
    """(source, text, owner, due) of every action in minutes of 17 June 2014."""
    return [(a.source, a.text, a.owner, a.due) for a in extract_actions(minutes(*items))]


def test_a_resolution_limb_promising_a_report_is_an_action_due_when_it_says() -> None:
    actions = found(
        (
            "9",
            "9.2 The Committee RESOLVED that:-\n"
            "The Government should be lobbied to fund the shortfall.\n"
            "An updated report should be brought to the Committee within six months.\n",
        )
    )
    assert (
        "resolution",
        "An updated report should be brought to the Committee within six months.",
        None,
        "2014-12-17",
    ) in actions


def test_an_officers_undertaking_in_discussion_is_an_action_owned_by_officers() -> None:
    [action] = found(
        (
            "5",
            "5.2 Ms Corlett asked why speech and language therapy had been restricted. Officers advised"
            " that a written answer would be provided.\n",
        )
    )
    promise = "Officers advised that a written answer would be provided."
    assert action[:3] == ("undertaking", promise, "Officers")


def test_an_action_marker_names_its_owner_and_takes_the_sentence_before_it() -> None:
    [action] = found(
        (
            "7",
            "Members asked for the cycle lane data to be shared with the ward councillors. (ACTION: EP)\n",
        )
    )
    source, text, owner, _ = action
    assert (source, owner) == ("action_marker", "EP")
    assert text.startswith("Members asked for the cycle lane data") and text.endswith("(ACTION: EP)")


def test_a_work_programme_line_is_one_action_per_subject_due_by_that_month() -> None:
    actions = found(
        (
            "18",
            "18.1 The Panel RESOLVED to recommend the forward work programme to the new committee:-\n"
            "- July 2014 add:- free school meals; and Children with Disabilities: progress update\n",
        )
    )
    programme = [(text, due) for source, text, _, due in actions if source == "work_programme"]
    assert programme == [
        ("free school meals", "2014-07-31"),
        ("Children with Disabilities: progress update", "2014-07-31"),
    ]


def test_action_log_rows_not_minuted_elsewhere_are_actions() -> None:
    actions = found(
        (
            "19",
            "Appendix 1: Action log\n"
            "Agenda item | Action | Response\n"
            "8 | Circulate the adoption scorecard to Members | Sent on 20 March\n",
        )
    )
    rows = [(source, text) for source, text, _, _ in actions]
    assert rows == [("action_log", "Circulate the adoption scorecard to Members")]


def test_discussion_without_a_promise_records_no_action() -> None:
    assert found(("6", "6.1 Members discussed the report and thanked the officers for their work.\n")) == []


def test_owner_is_read_from_the_role_the_text_names() -> None:
    assert owner_of("The Interim Director of Children's Services would bring a report in July.") == (
        "Interim Director of Children's Services"
    )
    assert owner_of("A report would be presented in early summer.") is None


# ---------------------------------------------------------------- whole sentences (issue 12)


def texts(*items: tuple[str, str]) -> list[str]:
    return [a.text for a in extract_actions(minutes(*items))]


def test_an_action_marker_takes_the_whole_sentence_across_a_line_break() -> None:
    actions = texts(
        (
            "11",
            "On roadworks there had been a request for a briefing on how maintenance is prioritised and how\n"
            "officers assess new techniques for repairs across the city network. (ACTION: PCO to arrange\n"
            "Members' briefing sessions.)\n",
        )
    )
    assert actions == [
        "On roadworks there had been a request for a briefing on how maintenance is prioritised and how"
        " officers assess new techniques for repairs across the city network. (ACTION: PCO to arrange"
        " Members' briefing sessions.)"
    ]


def test_a_commitment_that_opens_a_list_keeps_the_list() -> None:
    [action] = texts(
        (
            "6",
            "Officers agreed to find out the following;\n"
            "When the new signs had been installed and at what cost.\n"
            "Why the yellow boards had been added a year later.\n",
        )
    )
    assert action.splitlines() == [
        "Officers agreed to find out the following;",
        "When the new signs had been installed and at what cost.",
        "Why the yellow boards had been added a year later.",
    ]


def test_no_fragment_of_a_sentence_broken_by_a_line_is_an_action() -> None:
    actions = texts(
        (
            "4",
            "The revised walking guide for the county's footpaths\n"
            "(spiral bound) is due to be published in March and copies would be sent to every Member.\n",
        )
    )
    assert actions == [
        "The revised walking guide for the county's footpaths (spiral bound) is due to be published in March"
        " and copies would be sent to every Member."
    ]


def test_a_resolution_that_instructs_the_clerk_is_both_a_decision_and_an_action() -> None:
    actions = found(
        ("7", "RESOLVED: That the quotation be accepted, and that the Clerk should renew the insurance.\n")
    )
    assert actions == [
        (
            "resolution",
            "RESOLVED: That the quotation be accepted, and that the Clerk should renew the insurance.",
            "the Clerk",
            None,
        )
    ]


def test_an_action_column_names_the_owner_of_the_sentence_it_ends() -> None:
    actions = found(
        (
            "5",
            "i) Letter from the county about the litter bins on the green. | Noted\n"
            "ii) The Clerk had sourced prices for new grit bins for the village. | Clerk\n"
            "iii) Request for a donation from the carnival committee. | Feb 2015\n"
            "iv) Consultation on rural bus services in the county. | Notice Boards\n",
        )
    )
    assert [(source, owner, due) for source, _, owner, due in actions] == [
        ("action_column", "Clerk", None),
        ("action_column", None, "2015-02-28"),
    ]


def test_an_undated_commitment_has_no_due_date() -> None:
    [action] = found(("5", "Officers advised that a written answer would be provided to the questioner.\n"))
    assert action[3] is None


def test_an_unbracketed_action_marker_after_a_sentence_names_its_owner() -> None:
    actions = found(
        (
            "7",
            "The ditch still fills in heavy rain. The gulleys need clearing. Action FE/Clerk"
            " ii) Sign on Mill Road The sign has been repaired.\n",
        )
    )
    assert (
        "action_marker",
        "The gulleys need clearing. Action FE/Clerk",
        "FE/Clerk",
        None,
    ) in actions


def test_an_asterisk_opens_an_action_in_the_middle_of_a_paragraph() -> None:
    actions = found(("8", "d. Email about the footpath being overgrown. *Clerk to report it to highways.\n"))
    assert [(a[1], a[2]) for a in actions] == [("*Clerk to report it to highways.", "Clerk")]


def test_a_run_in_title_before_its_decision_is_not_an_instruction() -> None:
    assert (
        found(
            ("3", "3. To receive & approve the minutes of the last meeting: Approved & signed as correct.\n")
        )
        == []
    )


def test_a_person_named_without_a_title_who_will_act_owns_an_action() -> None:
    # Parish minutes name councillors by name or initials, without "Cllr".
    actions = found(
        (
            "10",
            "The horse chestnut tree on the green is unsafe. Mark Pogmore will speak to the owner about"
            " the seat. FR will ask the tree surgeon for a quote. Work will begin in the spring.\n",
        )
    )
    owned = {(text, owner) for _, text, owner, _ in actions}
    assert ("Mark Pogmore will speak to the owner about the seat.", "Mark Pogmore") in owned
    assert ("FR will ask the tree surgeon for a quote.", "FR") in owned
    assert not any(text.startswith("Work will begin") for _, text, _, _ in actions)


def test_the_agenda_wording_of_an_item_heading_is_no_action(tmp_path: Path) -> None:
    from ingest.pipeline import parse_file

    paper = tmp_path / "minutes.md"
    paper.write_text(
        "Ashwell Parish Council\n\nMinutes of the meeting held on Wednesday 7 June 2017 in the Hall\n\n"
        "22\\. Apologies\n\nCllr Hart sent apologies.\n\n"
        "23\\. To agree a list of items to be undertaken by the Rangers during their visit\n\n"
        "The list was discussed and the Clerk will send it to the Rangers.\n\n"
        "24\\. Items for the next meeting to be held on 5 July 2017\n\nFootpaths.\n",
        encoding="utf-8",
    )
    doc = parse_file(paper, analyses=[])
    texts_found = [action.text for action in extract_actions(doc)]
    assert "The list was discussed and the Clerk will send it to the Rangers." in texts_found
    assert not any(text.startswith(("To agree", "23", "24", "Items for")) for text in texts_found)
