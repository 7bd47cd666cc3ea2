# ruff: noqa: E501  (verbatim quotations are kept on one line each)
"""Hand-labelled passages for entity and money extraction, quoted verbatim from the sample
corpus (Norfolk) and the real Bristol/WECA PDFs. Each: (source, text, people, organisations).
People are written in their canonical form (minutebook.names): "Mr A Mash", "Ed Plowden"."""

from __future__ import annotations

PEOPLE_AND_ORGS: list[tuple[str, str, set[str], set[str]]] = [
    ("003", "2.4.4 As Corporate Parenting Board chair, Cllr Roger Smith requested expectation for zero"
     " exclusions of LAC.", {"Roger Smith"}, {"Corporate Parenting Board"}),
    ("004", "Children were shown the minutes of the meeting which had taken place 100 years earlier,"
     " reporting that the teachers, Mr & Mrs Higdon, had been asked by the then Norfolk Education"
     " Committee to leave the school. The policy of Norfolk County Council now reflected that there"
     " should be a Good School for Every Norfolk Learner.",
     {"Mr Higdon", "Mrs Higdon"}, {"Norfolk Education Committee", "Norfolk County Council"}),
    ("000", "These representatives are Mr A. Mash and Mrs H. Bates respectively.",
     {"Mr A Mash", "Mrs H Bates"}, set()),
    ("004", "3.1 Mrs Leggett declared an interest as a member of the management committee of Leeway,"
     " which was mentioned at various points within the agenda.", {"Mrs Leggett"}, {"Leeway"}),
    ("002", "5.2 Ms Corlett asked why speech and language therapy in schools had been restricted to four"
     " sessions per pupil. Officers advised that a written answer would be provided.", {"Ms Corlett"}, set()),
    ("002", "Mr Smith would replace Mr Iles on the Capital Priorities Group.",
     {"Mr Smith", "Mr Iles"}, {"Capital Priorities Group"}),
    ("002", "Schools Forum – Nomination to be confirmed Norfolk Governors Network – Alex Robinson Post-16"
     " Education – Nomination to be confirmed Primary Education – Vicky Aldous Secondary Education –"
     " Chrissie Smith Special Needs Education – Tina Humber",
     {"Alex Robinson", "Vicky Aldous", "Chrissie Smith", "Tina Humber"}, {"Schools Forum", "Norfolk Governors Network"}),
    ("003", "Performance Officer Name: Don Evans: Tel: 223909 don.evans@norfolk.gov.uk", {"Don Evans"}, set()),
    ("000", "Further work to do on this and this is being developed with Ingson's and Dr Alex Chard",
     {"Dr Alex Chard"}, set()),
    ("004", "The Improvement Plan had been submitted on 24th February and was available to all staff and"
     " Members on the Intranet. No official feedback had been received from the Department for Education.",
     set(), {"Department for Education"}),
    ("004", "A Peer Review would be taking place in the week beginning 31st March 2014, undertaken by the"
     " Director of Children's Services at Essex County Council.", set(), {"Essex County Council"}),
    ("004", "2.1 The minutes of the meeting held on 23rd January 2014 were received and signed as an"
     " accurate record. It was agreed that a breakdown of the number of schools in each OFSTED category"
     " be provided in tabular format to Members on a monthly basis.", set(), {"Ofsted"}),
    ("004", "8.1 The annexed report (item 8) by the Interim Director of Children's Services was received.",
     set(), set()),
    ("000", "Mr D Crawford Mrs M Dewsbury Mr C Foulger", {"Mr D Crawford", "Mrs M Dewsbury", "Mr C Foulger"},
     set()),
    ("kent", "Sir Paul Carter, CBE, Leader of Kent County Council, wrote to the Secretary of State.",
     {"Sir Paul Carter"}, {"Kent County Council"}),
    ("bristol-2024-09-12", "Questions 6, 7 & 8 - Ian Pond, Bristol Cycling Campaign Bristol Cycleways",
     {"Ian Pond"}, {"Bristol Cycling Campaign"}),
    ("bristol-2024-09-12", "Question 12 - Cllr Shona Jemphrey - East Bristol Liveable Neighbourhood Trial",
     {"Shona Jemphrey"}, set()),
    ("bristol-2024-09-12", "Apologies were received from Councillor Coombes. Councillor Jos Clark attended"
     " as substitute.", {"Councillor Coombes", "Jos Clark"}, set()),
    ("bristol-2026-03-19", "John Smith (Executive Director: Growth & Regeneration), Patsy Mellor (Director,"
     " Management of Place) and Adam Crowther (Head of City Transport)",
     {"John Smith", "Patsy Mellor", "Adam Crowther"}, set()),
    ("bristol-2024-09-12", "Officers confirmed that engagement and conversations with WECA continued to take"
     " place.", set(), {"WECA"}),
    ("bristol-2025-05-15", "The Chair intended to raise this with the new Mayor of the Combined Authority.",
     set(), set()),
]  # fmt: skip

# (source, sentence, expected money values in GBP, in order).
MONEY: list[tuple[str, str, list[float]]] = [
    ("004", "£16M additional funding for 2015/16 onwards had been announced from the government.", [16e6]),
    ("004", "Norfolk had traditionally been £200 per pupil below the national average.", [200.0]),
    ("004", "The variance of £400K under the disabilities joint protocol with Community Services related to"
     " a contribution.", [400e3]),
    ("000", "3.3 Norfolk's capital allocation is £1.709m. An additional sum of £230,225 is available for"
     " Norfolk VA schools but this does not come to the LA.", [1_709_000.0, 230_225.0]),
    ("004", "The budget savings of £2.67 million, which will be achieved by reductions.", [2_670_000.0]),
    ("003", "For 2016/17 this means a maximum funding of £3.147.700.uo", [3_147_700.0]),
    ("003", "The Troubled Families grant is worth up to £11,920,000 to Norfolk over five years.", [11_920_000.0]),
    ("000", "The Children's Services revenue budget shows a £1.338 million or 0.7% overspend for the year.",
     [1_338_000.0]),
    ("001", "11 Schools (£ 3,410,346 per annum)", [3_410_346.0]),
    ("001", "The total value of all contracts is £50 million over 4 years (approximately £12.5m per annum).",
     [50e6, 12.5e6]),
    ("000", "have an annual gross income of no more than £16,190)", [16_190.0]),
    ("003", "This is made up of £0.094million of Dedicated Schools Grant reserves.", [94_000.0]),
    ("000", "7.1 The original 2013/14 Children’s Services revenue budget was £176.637 million.", [176_637_000.0]),
    ("001", "CF435 Action for Children 1 July12-31 Mar16 2 £1,596,228.00 £425,080.00", [1_596_228.0, 425_080.0]),
    ("000", "This year end outturn report shows an overspend of £1.338m for the year.", [1_338_000.0]),
    ("weca", "Interest and Treasury Management: The Treasury return outturn is £22.3m, which is", [22.3e6]),
    ("brief", "A charge of £56 applies.", [56.0]),
    ("001", "The cost of the project was estimated as £270,000.", [270_000.0]),
]  # fmt: skip

# (sentence, expected percentages in order).
PERCENTAGES: list[tuple[str, list[float]]] = [
    ("has increased from 57% in 2015 to 61%, maintaining a gap of 2 percentage points", [57.0, 61.0]),
    ("This year end outturn report shows a £0.759 million or 1.6 % underspend for the year.", [1.6]),
    ("3.7 79% of the FSP's that are currently being worked with are lead by NEHFF practitioners.", [79.0]),
    ("Within our Universal Partners 11% have come from schools, 4.3% have come from Children Centres", [11.0, 4.3]),
]  # fmt: skip
