"""Golden retrieval set over the sample corpus (haystack-style: query -> expected item).

Each entry: a query a council officer or member might type -> (meeting date, a fragment of
the expected item's title). A hit matches when its meeting date is that date and its item
title contains the fragment (case-insensitive), whatever the document kind (an agenda item
and its minute are the same business). Written from corpus/README's threads and the papers'
contents, not from the engine's output.
"""

from __future__ import annotations

GOLDEN: list[tuple[str, tuple[str, str]]] = [
    ("free school meals eligibility", ("2014-06-17", "Free School Meals")),
    ("universal infant free school meals", ("2014-06-17", "Free School Meals")),
    ("pupil premium funding for schools", ("2014-06-17", "Free School Meals")),
    ("pathway planning for care leavers", ("2014-03-13", "Pathway Planning")),
    ("response to the pathway planning group recommendations", ("2014-05-01", "Pathway Planning")),
    ("performance of children's centres", ("2014-05-01", "Children's Centre")),
    ("children's centre lead partner contracts", ("2014-05-01", "Children's Centre")),
    ("senior management arrangements", ("2014-05-01", "Senior Management")),
    ("interim management structure improvement programme", ("2014-05-01", "Senior Management")),
    ("leadership in Norfolk schools progress", ("2014-06-17", "Leadership")),
    ("sustaining high quality school leadership", ("2014-03-13", "Leadership")),
    ("troubled families programme", ("2014-06-17", "Family Focus")),
    ("payment by results families", ("2014-06-17", "Family Focus")),
    ("norfolk family focus", ("2014-06-17", "Family Focus")),
    ("quality assurance audits peer review", ("2014-06-17", "Quality Assurance")),
    ("quality assurance in children's social care", ("2014-03-13", "Quality Assurance")),
    ("co-opted parent governor representatives", ("2014-06-17", "Co-option")),
    ("diocesan representative non-voting adviser", ("2014-06-17", "Co-option")),
    ("school admission arrangements 2015", ("2014-03-13", "Admission Arrangements")),
    ("youth justice plan", ("2014-03-13", "Youth Justice")),
    ("children with disabilities", ("2014-03-13", "Children with Disabilities")),
    ("looked after children reduction strategy", ("2014-03-13", "Looked After Children Reduction")),
    ("early help offer", ("2014-03-13", "Early Help Offer")),
    ("new strategy for early years services", ("2014-03-13", "Early Years")),
    ("scrutiny forward work programme", ("2014-03-13", "Forward Work Programme")),
    ("cabinet member feedback on safeguarding", ("2014-03-13", "Cabinet Member Feedback")),
    ("ways of working for the new committee", ("2014-06-17", "Ways of working")),
    ("appointments to internal and external bodies", ("2014-06-17", "Appointments")),
    ("unaccompanied asylum seeking children", ("2017-03-14", "Integrated Performance")),
    ("NEET participation exclusions", ("2017-03-14", "Integrated Performance")),
    ("performance dashboard report cards", ("2017-03-14", "Integrated Performance")),
    ("levels of staff sickness compliments complaints", ("2014-06-17", "Integrated Performance")),
    ("panel action log responses", ("2014-03-13", "Action log")),
    ("public question time", ("2014-03-13", "Public Question Time")),
]
