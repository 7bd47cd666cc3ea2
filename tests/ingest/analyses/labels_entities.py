# ruff: noqa: E501  (verbatim quotations are kept on one line each)
"""Hand-labelled passages for entity and money extraction, quoted verbatim from the sample
corpus (Norfolk, corpus/*.txt) and two real Bristol minutes (/work/shared/real-pdfs, text as
`ingest.pipeline.parse_file` extracts it). Each: (source, text, people, organisations). The
passages are quoted text, so nothing here needs the PDFs at runtime.

How the passages were chosen (so the set is a sample, not a showcase):

* `HAND_PICKED`: the original passages, each chosen to exercise one rule (kept as regressions).
* `SAMPLED_EVERY_NTH`: for each of the seven sources, the section prose that the entity stage
  reads (`ingest.analyses.entities._texts`), split into lines, keeping lines of 8-70 words; with n lines
  and step = n // 9, the lines at step//2 + k*step for k = 0..8. Chosen before running the
  extractor on them; most contain no names at all, which is the point (precision on ordinary
  prose).
* `SAMPLED_TITLED`: among the remaining lines that contain a personal title (Mr, Mrs, Ms, Miss,
  Dr, Cllr, Councillor, Sir), up to four per source at the same kind of regular step, so that
  people recall is measured on more than a handful of names. Lines already quoted in
  `HAND_PICKED` are not repeated. `python tests/bench/eval_entities.py --sample` reprints both.
* `SAMPLED_HELD_OUT`: the same rule on a third Bristol minutes, labelled after the extraction
  rules were tuned on the lists above (they were used for development; this one was not).

Labelling guideline (people and organisations were labelled by reading each passage):

* People: every named individual, in the canonical form of `minutebook.names` ("Mr A Mash",
  "Councillor Leggett" for "Cllr Leggett", "Mark Weston" for "Councillor Mark Weston"); forms of
  one person within a passage count once. Officer titles without a name are not people.
* Organisations count: named bodies (Ofsted, Department for Education), councils (Essex
  County Council), agencies and services with a proper name (Youth Offending Team, Virtual
  School), named council departments (Children's Services, Children's Social Care) including
  where the name modifies a noun ("the Children's Services capital budget"), named providers,
  schools and children's centres (Leeway, Fakenham Gateway), and named boards, committees,
  forums and groups (Corporate Parenting Board, Schools Forum, Supported Bus Services
  Priorities Task and Finish Group). Canonical form: the name as printed without a leading
  "the", a spaced "&" written "and" (as `canonical_organisation` writes it), with the defined
  expansion for a known abbreviation (OFSTED -> Ofsted).
* Organisations do not count: generic nouns and kinds of body, even capitalised ("Children's
  Centres", "Lead Partners", "Local Authority", "the Panel", "Cabinet", "Task and Finish
  Group", "Social Care"); headings and document titles as such ("Equality Impact
  Assessment"); programmes, grants, funds and benefits ("Troubled Families programme",
  "Pupil Premium", "Universal Credit"); legislation ("Crime and Disorder Act"); a department
  named only inside an officer's title ("Director of Children's Services"); truncated names
  cut by a PDF line break.
* Places are not labelled (not measured here)."""

from __future__ import annotations

from ingest.analyses.entities import spans_in
from ingest.analyses.nlp import get_nlp
from minutebook.names import merge_names

HAND_PICKED: list[tuple[str, str, set[str], set[str]]] = [
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

SAMPLED_EVERY_NTH: list[tuple[str, str, set[str], set[str]]] = [
    ("000", "Lack of analysis, being reactive to presenting concerns and not investigating and analysing the root cause.", set(), set()),
    ("000", "5.1 There are no implications for the Crime and Disorder Act", set(), set()),
    ("000", "5.1 The Troubled Families programme has a key focus on reducing youth crime and anti-social behaviour, and it works in partnership with Operational Partnership Teams, the Youth Offending Team and Probation services.", set(), {"Youth Offending Team"}),
    ("000", "Dual discrimination (*Currently delayed while government considers how the mechanics of this form of discrimination will be implemented*)", set(), set()),
    ("000", "School funding for FSM forms part of the overall school budget allocation. The pupil premium is calculated as an additional schools grant", set(), set()),
    ("000", "Officers have considered all the implications which members should be aware of. Apart from those listed in the report (above), there are no other implications to take into account.", set(), set()),
    ("000", "Looked After Children numbers have increased since last month and appropriate and proportionate actions are being taken to address this.", set(), set()),
    ("000", "3. There is a backlog of reporting that is temporarily inflating the figure. Reviews that have taken place have not yet shown on the system. Team managers are now focused on improving reporting.", set(), set()),
    ("000", "The table has been divided between those reserves and provisions relating to Schools and those that are General Children's Services reserves and provisions.", set(), {"Children's Services"}),
    ("001", "There is further work to do to ensure that the refocusing of the Early Years Adviser role and in particular our approach to developing the Home Learning Environment, maximises the impact that Children's Centres can make in getting children ready for school and improving outcomes for children at the end of the Foundation Stage.", set(), set()),
    ("001", "2.17 Linked Social Worker - at an inspection in July 2013 Ofsted identified that the Local Authority was not good at sharing information about families that could benefit from being supported by their local Children’s Centre. As a result of this every centre now has a linked social worker whose role it is to:", set(), {"Ofsted"}),
    ("001", "By July 2014 – 10% improvement in current EYFSP outcomes – 55%", set(), set()),
    ("001", "Families with Only a Registered Male Carer 64.6% 25.9% 70.7% 43.9% 70.5% 29.5% 50.0% 19.2% 77.7% 45.9%", set(), set()),
    ("001", "Maintain pressure on Lead Partners to increase levels and quality of meaningful contacts", set(), set()),
    ("001", "Families with English as a Second Language 206 159 110 101 71 45 28 26 21 13 10 7 367 280 206", set(), set()),
    ("001", "Fakenham Gateway 26 9.5% 249 90.5% 275 Very Large Majority", set(), {"Fakenham Gateway"}),
    ("001", "Whilst we do appreciate that there are times when this has been used for other support – this may inadvertently plug a gap and prevent a proper needs analysis which should be highlighted within Norfolk.", set(), set()),
    ("001", "The report outlines how Children's Services intends to take forward the recommendations detailed in the report produced by the Pathway Planning working-group.", set(), {"Children's Services"}),
    ("002", "5.3 It was noted that the protocol around public and Member questions would be considered in November 2014 as part of the committee system review. In the meantime questions could be asked to the Leader of the Council during full Council meetings and to Committee chairs at committee meetings, as long as the required notice of two working days was given.", set(), set()),
    ("002", "The report be noted and that a further written report be provided to the", set(), set()),
    ("002", "Improvements in Ofsted ratings of 10% for primary schools and 18% 0 for secondary schools.", set(), {"Ofsted"}),
    ("002", "The regular spokesperson briefings will include prior to the committee, discussion on the key papers, there formulation, the issues and challenges. In addition there will be an opportunity for regular briefings outside of committee on issues that are particularly sensitive or difficult.", set(), set()),
    ("002", "Do children's Centres enhance the preparedness of children's readiness for school under the current contract arrangements ?", set(), set()),
    ("002", "Rigorously and robustly quality assure Social Care Practice via a cohesive, well managed and consistently delivered suite o quality checks and audits", set(), set()),
    ("002", "All staff can identify risks, assess them and appropriately challenge and raise concerns Plans are in place for a random sampling of supervision on a monthly basis and the evaluations will be fed back to staff via monthly Performance and Quality meetings and quarterly to the Performance and Challenge Board", set(), {"Performance and Challenge Board"}),
    ("002", "Practice Standards Listening to the views and wishes of the child and acting on their views must be central to all of our work with every child we with", set(), set()),
    ("002", "Managers routinely challenge individuals on their performance using current performance data and quality assurance evidence Plans are in place for a random sampling of supervision on a monthly basis and the evaluations will be fed back to staff via monthly Performance and Quality meetings and quarterly to the Performance and Challenge Board", set(), {"Performance and Challenge Board"}),
    ("003", "Review and comment on the performance data, information and analysis presented in the vital sign report cards and determine whether the recommended actions identified are appropriate or whether another course of action is required.", set(), set()),
    ("003", "2.1.1 The percentage of schools judged to be Good or Outstanding remains in line with the national average at 89%.", set(), set()),
    ("003", "3.5 In January 2017 we saw 20 families transferring from Social Care (Step Downs) and 3 families step up to Social Care.", set(), set()),
    ("003", "The expansion of the qualifying criteria from 2 to 6 measurable outcomes means achieving 100% in this programme is proving a significant challenge for Norfolk and the eastern region.", set(), set()),
    ("003", "4.5.1 The number of children subject to Child Protection plans has risen over the past year and although the figure has dropped slightly from the peak of 557 in September 16 it still equates to 63 more children that in January 16.", set(), set()),
    ("003", "* Former relevant care leavers are Young People aged 18-21 who have been eligible and/or relevant care leavers", set(), set()),
    ("003", "practice to ensure families receive help as soon as it is required, working", set(), set()),
    ("003", "The Children's Services capital budget shows a projected balanced budget for the year.", set(), {"Children's Services"}),
    ("003", "5.7 Projected School Balances as at 31 March 2017", set(), set()),
    ("004", "8. Children's Services Integrated Performance and Finance Monitoring Report for 2013-2014", set(), {"Children's Services"}),
    ("004", "9. Update on Quality Assurance Activity within Children's Social Care", set(), {"Children's Social Care"}),
    ("004", "11.2 During the discussion the following points were noted:", set(), set()),
    ("004", "It was confirmed that some of the schools with less than 50 pupils were federated, and agreed that the number would be reported in the minutes (see Appendix 1).", set(), set()),
    ("004", "13.3 The Panel RESOLVED to commend the performance of the Youth Offending Team and agreed to recommend the Plan to Cabinet.", set(), {"Youth Offending Team"}),
    ("004", "The Virtual School in Norfolk was held up by the Department for Education as a national exemplar. This success needed to be built upon, including the best use of the looked after child pupil premium. It was anticipated that a proposal for governors and head teachers would be ready soon.", set(), {"Department for Education", "Virtual School"}),
    ("004", "The implementation of the immediate re-focusing of the roles of the Early Years Adviser and Development Worker towards key improvement targets.", set(), set()),
    ("004", "8 Children's Services Integrated Performance and Finance Monitoring Report for 2013-2014 Provide confirmation of 39 child protection assessments not carried out, as a percentage. Approximately 20% of child protection assessments have not been carried out.", set(), {"Children's Services"}),
    ("004", "The key 2 performance indicators measure the days in the children's experience from entering care to moving in with their adopters, and from placement order to match. The next page provides further analysis on these measures;", set(), set()),
    ("bristol-2024-09-12", "Chris Whitfield - EV Charging for terraced homes", {"Chris Whitfield"}, set()),
    ("bristol-2024-09-12", "would cover issues on the road and pavement including how to use streetspace and make space healthy", set(), set()),
    ("bristol-2024-09-12", "prevailing rates for other RPS over a two year period to remove the pricing anomaly, noting that", set(), set()),
    ("bristol-2024-09-12", "Approve implementation of charging at the District Car Parks as soon as possible, subject to free parking", set(), set()),
    ("bristol-2024-09-12", "7. Implement an inflation-based charge only. Refer consideration of a change to linear charging to the", set(), set()),
    ("bristol-2024-09-12", "8 Supported Bus Services Priorities Task and Finish Group", set(), {"Supported Bus Services Priorities Task and Finish Group"}),
    ("bristol-2024-09-12", "3. Authorised the Executive Director Growth and Regeneration, in consultation with the Chair of", set(), set()),
    ("bristol-2024-09-12", "2. Approve, subject to suitable resource being available, so as not to delay the implementation of", set(), set()),
    ("bristol-2024-09-12", "Officers confirmed that with many programmes grant funded and working to differing timelines there", set(), set()),
    ("bristol-2025-05-15", "10 Simon Easton | East Bristol Liveable Neighbourhood", {"Simon Easton"}, set()),
    ("bristol-2025-05-15", "The Committee considered a report that presented the Annual Business information at the", set(), set()),
    ("bristol-2025-05-15", "Growth & Regeneration in consultation with the Chair of the Transport & Connectivity Policy", set(), set()),
    ("bristol-2025-05-15", "possible and that modelling showed that any delay on Newfoundland Way approach would be reduced", set(), set()),
    ("bristol-2025-05-15", "3. Authorised the Executive Director for Growth and Regeneration in consultation with the Chair of", set(), set()),
    ("bristol-2025-05-15", "specifically defined in the contract(s) being awarded, up to the maximum budget envelope", set(), set()),
    ("bristol-2025-05-15", "Regeneration in consultation with Chair of the Transport and Connectivity Committee.", set(), {"Transport and Connectivity Committee"}),
    ("bristol-2025-05-15", "3. Authorised the Executive Director Growth and Regeneration to take all steps required to extend", set(), set()),
    ("bristol-2025-05-15", "The Chair of the Task and Finish Group, Councillor Bryher introduced and outlined the report.", {"Councillor Bryher"}, set()),
]  # fmt: skip

SAMPLED_TITLED: list[tuple[str, str, set[str], set[str]]] = [
    ("001", "The report also outlines, as an appendix, responses to ten further points raised by Cllr Leggett in a letter to Sheila Lock. This letter was reviewed by the Corporate Parenting Board and Cllr Leggett agreed a response could be offered as an appendix to this report.", {"Councillor Leggett", "Sheila Lock"}, {"Corporate Parenting Board"}),
    ("001", "Cllr Leggett has reviewed the action plan and letter response and is satisfied they adequately address the issues raised", {"Councillor Leggett"}, set()),
    ("001", "The O&S Panel is asked to consider and agree on the proposed action plan and to acknowledge the response provided in respect of Cllr Leggett's letter.", {"Councillor Leggett"}, set()),
    ("001", "Response to Points raised by Cllr Leggett, Chairman of the Pathway Planning for Care Leavers Scrutiny Task & Finish Group", {"Councillor Leggett"}, {"Pathway Planning for Care Leavers Scrutiny Task and Finish Group"}),
    ("002", "1.1 Apologies were received from Mrs Chamberlin (Mr Northam substituting), Mr Mash, Ms Smith and Ms Humber.", {"Mr Mash", "Mr Northam", "Mrs Chamberlin", "Ms Humber", "Ms Smith"}, set()),
    ("004", "1.1 Apologies were received from Ms D Gihawi (Ms E Corlett substituting), Dr M Strong (Mr E Seward substituting), Mrs S Vertigan, Mrs H Bates, Dr L Poliakoff, and Ms T Humber.", {"Dr L Poliakoff", "Dr M Strong", "Mr E Seward", "Mrs H Bates", "Mrs S Vertigan", "Ms D Gihawi", "Ms E Corlett", "Ms T Humber"}, set()),
    ("bristol-2024-09-12", "The recommendation was moved by Councillor Plowden and seconded by Councillor Edwards. On being", {"Councillor Edwards", "Councillor Plowden"}, set()),
    ("bristol-2024-09-12", "Recommendation 3A was moved by Councillor Plowden and seconded by Councillor Bryher. On being put", {"Councillor Bryher", "Councillor Plowden"}, set()),
    ("bristol-2024-09-12", "Councillor Clark highlighted that people who may not be able to use public transport would be", {"Councillor Clark"}, set()),
    ("bristol-2024-09-12", "The report and recommendations were moved by Councillor Plowden and seconded by Councillor", {"Councillor Plowden"}, set()),
    ("bristol-2025-05-15", "The Committee considered a petition submitted by Councillor Mark Weston titled ‘Stop the Roadworks –", {"Mark Weston"}, set()),
    ("bristol-2025-05-15", "An amendment was moved by Councillor Coombes as follows:", {"Councillor Coombes"}, set()),
    ("bristol-2025-05-15", "Following Councillor questions, the officers confirmed the following:", set(), set()),
    ("bristol-2025-05-15", "Cllr Rippington thanked the members of the Task and Finish Group for their diligence and officers for their", {"Councillor Rippington"}, set()),
]  # fmt: skip

# The same rule applied to a third Bristol minutes (2025-10-23), labelled after the extraction
# rules were written and never used to develop them: a held-out check on the numbers above.
SAMPLED_HELD_OUT: list[tuple[str, str, set[str], set[str]]] = [
    ("bristol-2025-10-23", "07 | Mike Gifford | No to rpz", {"Mike Gifford"}, set()),
    ("bristol-2025-10-23", "43 | Lynda Keeys | South Bristol Liveable Neighbourhood (SBLN)", {"Lynda Keeys"}, set()),
    ("bristol-2025-10-23", "23, 24, 25 | Juliette Britton | Residents parking", {"Juliette Britton"}, set()),
    ("bristol-2025-10-23", "It was AGREED that the Policy Committee debated and noted the petition. The topic of the debate, the", set(), set()),
    ("bristol-2025-10-23", "briefing, with a further update planned for the end of the year. Detailed proposals have not yet", set(), set()),
    ("bristol-2025-10-23", "Strategy Task and Finish Group, it had been agreed they should be addressed separately from the", set(), set()),
    ("bristol-2025-10-23", "be addressed within the Bus Gate Exemption Policy, which is scheduled to be presented to the", set(), set()),
    ("bristol-2025-10-23", "This was a key decision report as it impacted 2 or more wards.", set(), set()),
    ("bristol-2025-10-23", "Following the discussion, the report recommendations were moved by Councillor Plowden and seconded", {"Councillor Plowden"}, set()),
    ("bristol-2025-10-23", "01 | Cllr Patrick McAllister | Spike Island Congestion Assessment", {"Patrick McAllister"}, set()),
    ("bristol-2025-10-23", "46, 47 | Dr Suzanne Audrey | South Bristol Liveable Neighbourhood", {"Dr Suzanne Audrey"}, set()),
    ("bristol-2025-10-23", "Officers and Councillor Plowden confirmed that there is regular engagement with neighbouring unitary", {"Councillor Plowden"}, set()),
    ("bristol-2025-10-23", "Councillor support and appropriateness, as a potential income source.", set(), set()),
]  # fmt: skip

PEOPLE_AND_ORGS = HAND_PICKED + SAMPLED_EVERY_NTH + SAMPLED_TITLED + SAMPLED_HELD_OUT

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


def extract(texts: list[str]) -> list[tuple[set[str], set[str]]]:
    """(people, organisations) per text, as the ingest stage would name them."""
    out = []
    for processed in get_nlp().pipe(texts):
        people, orgs = [], set()
        for kind, surface, _role, canonical in spans_in(processed):
            if kind == "person":
                people.append(surface)
            elif kind == "organisation":
                orgs.add(canonical or surface)
        merged = merge_names(people)
        out.append(({merged[p] for p in people}, orgs))
    return out
