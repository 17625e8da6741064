"""What a message asks that the fiche does not give (a detail of knowledge/hors_fiche.yml, a thing its topic's answer
does not hold), and the distinct things a compound message asks, each with its gap. Pure functions (no Rasa).
"""
import re
from dataclasses import replace
from typing import List, Optional

from core.coverage import Asked
from core.knowledge import TRAINING_IDS, Profession
from core.school import School
from core.textnorm import fold
from core.topic_reading import DIPLOMA_TOPICS, SHORT_FOLLOW_UP, diploma_topic
from core.understanding import AbsentDetail, Question

# A part of a compound message is answered only when the classifier is this sure of its topic.
PART_CONFIDENCE = 0.5


def absent_detail(school: School, q: Question, profession: Profession,
                  intent: Optional[str], previous: Optional[str] = None) -> Optional[AbsentDetail]:
    """The detail the fiche does not give that the message asks about, if any. A place or a price
    alone, with no topic and nothing about work or studies (« quel temps fait-il à Paris ? »), is
    out of scope, not a detail the fiche leaves out; a short follow-up right after a topic (`previous`: « donc à Paris
    c'est plus ? » after the pay) has that topic for context."""
    detail = school.absent_detail(q, profession)
    if detail and intent == "evolutions" and q.cues.destination:
        return None  # « me reconvertir vers quoi ? » asks where to go: the evolutions say it
    followed = previous in school.fact_topics and q.word_count <= SHORT_FOLLOW_UP
    if detail and detail.needs_context and intent not in school.fact_topics and intent != "relance" \
            and not q.about_work and not followed:
        return None
    return detail


def gap(school: School, q: Question, profession: Profession) -> Optional[AbsentDetail]:
    """When the message asks for something the answer of its topic does not hold (« quelles
    entreprises recrutent ? » classified as the missions), the detail to say the fiche does not give,
    the topic's answer being only the closest thing it says. None when the answer holds it."""
    asked = school.uncovered(q, profession)
    return asked_detail(school, asked) if asked else None


def asked_detail(school: School, asked: Asked) -> AbsentDetail:
    """What the message asks that the answer does not hold, as a detail the fiche does not give."""
    return AbsentDetail(f"demande:{asked.key}", school.replier.asked_label(asked.words), "question", None)


def work_study_gap(school: School, q: Question, profession: Profession) -> Optional[AbsentDetail]:
    """« le mastère se fait en alternance ? » when the fiche's work-study text names other diplomas only:
    the fiche does not say it of that diploma (its alternance text is the closest thing it says)."""
    if "alternance" not in school.fact_topics or not profession.alternance or not q.cues.work_study:
        return None
    said = fold(profession.alternance)
    for diploma in q.diplomas or q.written_diplomas:
        topic = school.replier.topics.sujets.get(diploma)
        if diploma not in TRAINING_IDS or topic is None:
            continue
        names = {fold(diploma), fold(topic.libelle.split()[-1])}
        if not any(re.search(rf"\b{re.escape(name)}", said) for name in names):
            return AbsentDetail(f"alternance:{diploma}", school.replier.work_study_label(topic.libelle), "alternance",
                                None)
    return None


def closest(detail: AbsentDetail, asked: Optional[str], q: Question) -> Optional[Question]:
    """What the fiche says that is closest to a detail it does not give, as a question to answer."""
    topic = asked if detail.closest == "question" else detail.closest
    return replace(q, topic=topic) if topic else None


def compound_parts(school: School, q: Question, profession: Profession) -> List[tuple]:
    """(detail or None, question) for each distinct thing a compound message asks, in order."""
    items: List[tuple] = []
    for part in q.parts:
        if part.question.cues.statement and "?" not in part.question.text:
            continue  # « j'ai 42 ans, 15 ans dans l'administratif, quel diplôme viser ? »: who asks, not a question
        pq = part.question
        if items and (pq.cues.which_ones or pq.cues.which_one and not pq.topics_named
                      and (pq.superlative or pq.ranked or pq.word_count <= 3)):
            # « combien de jobs ils citent, et c'est quoi ? », « ces expériences, laquelle est la plus importante ? »:
            # which ones of what the part before asks
            continue
        topic = part.intent if part.confidence >= PART_CONFIDENCE else None
        topic = topic if topic in school.fact_topics else None
        if topic and topic != "salaire" and part.question.amount is not None and "salaire" in school.fact_topics:
            topic = "salaire"  # « … un débutant commence direct à 40k, tu confirmes ? »: an amount of money asks the pay
        detail = school.absent_detail(part.question, profession)
        if detail:
            item = (detail, closest(detail, topic, part.question))
        elif topic:
            asked = replace(part.question, topic=topic)
            if asked.diploma is None and topic in DIPLOMA_TOPICS:
                # "le bachelor c'est utile et suffisant ?": the diploma named once counts for both parts.
                asked = replace(asked, diploma=q.diplomas[0] if len(q.diplomas) == 1 else None)
            asked = diploma_topic(asked)
            missing = gap(school, asked, profession)
            item = (missing, asked) if missing else (None, asked)
        else:
            continue
        key = item[0].id if item[0] else item[1].topic
        if key not in [i[0].id if i[0] else i[1].topic for i in items]:
            items.append(item)
    included = {name for detail, _ in items if detail is not None for name in detail.includes}
    return attached([item for item in items if item[0] is None or item[0].id not in included])


def attached(items: List[tuple]) -> List[tuple]:
    """« à Lyon, un débutant gagne combien ? »: a part that is only a place, a price or an employer the fiche
    does not give (hors_fiche.yml avec_contexte), with no topic of its own, qualifies the part that asks a
    topic: one answer, the detail said missing and that topic as the closest thing, never the topic's
    answer as if it held the detail. Another detail (« et on a des RTT ? ») stays a question of its own."""
    bare = next((i for i, (detail, near) in enumerate(items)
                 if detail is not None and near is None and detail.needs_context), None)
    asked = next((i for i, (detail, near) in enumerate(items) if detail is None), None)
    if bare is None or asked is None:
        return items
    merged = [(items[bare][0], items[asked][1]) if i == bare else item
              for i, item in enumerate(items) if i != asked]
    return merged
