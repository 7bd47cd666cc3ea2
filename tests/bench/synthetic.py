"""A realistic synthetic archive for scale benchmarks: meetings of several committees, each
with agenda items and numbered sections in council-report vocabulary, written into a real
record store through `Store.replace_document` (the same path ingest uses).

Deterministic for a given seed and size. Word choice is Zipf-like (common report words are
much more frequent than topic words), so term frequencies resemble real papers.
"""

from __future__ import annotations

import random
from pathlib import Path

from minutebook.models import Action, Document, Item, Mention, Page, Resolution, Section
from minutebook.store import FileRecord, open_store
from minutebook.text import content_id

BODIES = [
    "Children's Services Committee",
    "Adult Social Care Committee",
    "Environment, Development and Transport Committee",
    "Policy and Resources Committee",
    "Communities Committee",
    "Business and Property Committee",
    "Health Overview and Scrutiny Committee",
    "Planning (Regulatory) Committee",
    "Audit Committee",
    "Pensions Committee",
]
KINDS = ["agenda", "minutes", "report", "supplementary_agenda", "decision_notice"]
TOPICS = [
    "free school meals",
    "school transport",
    "adult social care",
    "looked after children",
    "care leavers",
    "children's centres",
    "highways maintenance",
    "waste recycling",
    "library services",
    "fire and rescue",
    "public health",
    "mental health",
    "housing",
    "capital programme",
    "revenue budget",
    "treasury management",
    "pension fund",
    "flood risk",
    "broadband rollout",
    "economic development",
    "youth justice",
    "early help",
    "special educational needs",
    "school places",
    "ofsted inspection",
    "domestic abuse",
    "carers strategy",
    "minerals and waste",
    "bus services",
    "road safety",
]
TITLE_FORMS = [
    "{T} update",
    "{T}: progress report",
    "Review of {t}",
    "{T} strategy 2016-2020",
    "Performance monitoring: {t}",
    "{T} consultation outcome",
    "Proposals for {t}",
]
SECTION_TITLES = [
    "Summary",
    "Recommendation",
    "Background",
    "Financial Implications",
    "Resource Implications",
    "Equality Impact Assessment",
    "Risk Implications",
    "Legal Implications",
    "Proposals",
    "Performance",
    "Consultation",
    "Next steps",
    "Officer Contact",
    "Background Papers",
]
COMMON = (
    "the council committee report members officers service services budget plan performance "
    "year county local government funding support review update progress proposal risk "
    "impact provide include ensure continue deliver work partners community residents "
    "report period quarter target outcome data information team staff cost savings"
).split()
FILLER = (
    "is are was were will would should has have been being this that these those with within "
    "for from into across over under by on at as an and or of to in its their our"
).split()
PEOPLE = [
    "Mr J Joyce",
    "Mrs A Thomas",
    "Dr M Strong",
    "Mr R Smith",
    "Ms S Gurney",
    "Mr B Borrett",
    "Mrs J Chamberlin",
    "Mr D Roper",
    "Mrs M Dewsbury",
    "Mr T FitzPatrick",
    "Ms E Corlett",
]
ORGS = [
    "Ofsted",
    "Department for Education",
    "NHS England",
    "Norfolk Constabulary",
    "Environment Agency",
    "Local Government Association",
    "Clinical Commissioning Group",
    "Highways England",
]


def _zipf_choice(rng: random.Random, words: list[str]) -> str:
    # P(rank r) ~ 1/r: a few words dominate, as in real prose.
    return words[min(int(len(words) ** rng.random()) - 1, len(words) - 1)]


def _sentence(rng: random.Random, topic: str) -> str:
    words = []
    for _ in range(rng.randint(12, 24)):
        roll = rng.random()
        if roll < 0.45:
            words.append(_zipf_choice(rng, FILLER))
        elif roll < 0.85:
            words.append(_zipf_choice(rng, COMMON))
        elif roll < 0.95:
            words.append(topic)
        else:
            words.append(rng.choice(TOPICS))
    if rng.random() < 0.15:
        words.append(f"£{rng.randint(1, 900)}m")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def synthetic_documents(sections: int, seed: int = 7) -> list[Document]:
    """Documents totalling about `sections` sections (never fewer)."""
    rng = random.Random(seed)
    docs: list[Document] = []
    made = 0
    n = 0
    while made < sections:
        n += 1
        body = BODIES[n % len(BODIES)]
        year = 2012 + (n * 7) % 10
        date = f"{year}-{1 + (n * 5) % 12:02d}-{1 + (n * 11) % 28:02d}"
        kind = KINDS[n % len(KINDS)]
        doc_id = content_id("synthetic", n)
        items: list[Item] = []
        mentions: list[Mention] = []
        resolutions: list[Resolution] = []
        actions: list[Action] = []
        page = 1
        for position in range(rng.randint(6, 14)):
            topic = rng.choice(TOPICS)
            title = rng.choice(TITLE_FORMS).format(T=topic.capitalize(), t=topic)
            item_id = content_id(doc_id, "item", position)
            secs = []
            for s in range(rng.randint(4, 12)):
                text = " ".join(_sentence(rng, topic) for _ in range(rng.randint(2, 6)))
                secs.append(
                    Section(
                        id=content_id(item_id, "section", s),
                        number=f"{position + 1}.{s + 1}",
                        title=rng.choice(SECTION_TITLES) if rng.random() < 0.6 else None,
                        page=page,
                        text=text,
                        position=s,
                    )
                )
                page += rng.random() < 0.3
            made += len(secs)
            items.append(
                Item(
                    item_id,
                    str(position + 1),
                    title,
                    secs[0].page,
                    page,
                    "",
                    position=position,
                    sections=secs,
                )
            )
            for _ in range(rng.randint(0, 3)):
                mentions.append(Mention(rng.choice(PEOPLE), "person", "x", secs[0].page, item_id=item_id))
            if rng.random() < 0.4:
                mentions.append(Mention(rng.choice(ORGS), "organisation", "x", secs[0].page, item_id=item_id))
            if kind == "minutes" and rng.random() < 0.5:
                resolutions.append(
                    Resolution(content_id(item_id, "res"), "RESOLVED to note", "noted", page, item_id)
                )
            if kind == "minutes":
                actions.extend(_commitments(random.Random(f"{seed}/{item_id}"), item_id, topic, page))
        docs.append(
            Document(
                doc_id,
                f"/synthetic/{n}.txt",
                kind,
                f"{body} {kind}",
                body,
                date,
                None,
                None,
                [Page(p, "") for p in range(1, page + 1)],
                items=items,
                mentions=mentions,
                resolutions=resolutions,
                actions=actions,
            )
        )
    return docs


COMMITMENTS = [
    "It was agreed that an update report on {t} would be presented in six months.",
    "Officers advised that a written answer on {t} would be provided.",
    "It was agreed that further information on {t} would be circulated to Members.",
    "The Committee asked for a progress report on {t} at its next meeting.",
]


def _commitments(rng: random.Random, item_id: str, topic: str, page: int) -> list[Action]:
    """About one commitment in three minuted items, on the item's own topic (own generator,
    so adding commitments leaves every other synthetic word unchanged)."""
    if rng.random() >= 0.35:
        return []
    text = rng.choice(COMMITMENTS).format(t=topic)
    return [Action(content_id(item_id, "action"), text, page, "resolution", item_id)]


def write_archive(home: Path, sections: int, seed: int = 7) -> int:
    """Write the synthetic archive into `home`'s store (skipped when already there)."""
    with open_store(home) as store:
        have = store.counts()["sections"]
        if have >= sections:
            return have
        for doc in synthetic_documents(sections, seed):
            store.replace_document(doc, FileRecord(doc.path, doc.id, doc.id, 1, 1.0))
        return store.counts()["sections"]
