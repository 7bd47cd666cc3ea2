"""Body names as users see them in the Body facet: one spelling per committee, whatever the
heading's case or its "&"."""

from __future__ import annotations

import pytest

from ingest.structure.bodies import normalise_body


@pytest.mark.parametrize(
    "printed",
    [
        "TRANSPORT & CONNECTIVITY POLICY COMMITTEE",
        "Transport & Connectivity Policy Committee",
        "Transport and Connectivity Policy Committee",
        "The Transport and Connectivity Policy Committee",
    ],
)
def test_one_committee_is_one_name_whatever_its_case_or_ampersand(printed: str) -> None:
    assert normalise_body(printed) == "Transport and Connectivity Policy Committee"


def test_a_welsh_council_in_capitals_with_an_ampersand_is_title_cased() -> None:
    assert normalise_body("MANORDEILO & SALEM COMMUNITY COUNCIL") == "Manordeilo and Salem Community Council"
