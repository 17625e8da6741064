"""Which topic of the fiche a message asks, when the model's intent is not enough: a diploma or a situation named
(`diploma_topic`), a follow-up fragment (`follow_up_topic`), an item of a list named or described (`item_topic`,
`titled_topic`, `described_topic`), a rank, a count, a comparison, a recall. Pure functions (no Rasa): each returns a
topic id of knowledge/sujets.yml, or None when the message does not settle it.
"""
from dataclasses import replace
from typing import List, Optional

from core.in_play import current_profession
from core.knowledge import TRAINING_IDS, Profession
from core.school import School
from core.stemming import keys, starts_alike
from core.turn import Turn
from core.understanding import DiplomaSituation, Question

DIPLOMA_TOPICS = ("diplome",) + TRAINING_IDS


# The topics whose answer lists other jobs (the stepping stones, the evolutions).
JOB_LIST_TOPICS = ("experiences", "evolutions")


# Two intents that lead to the same answer, together at least this sure, need no clarification.
AGREEMENT_CONFIDENCE = 0.5


# A message of this many words or fewer that asks what something varies with (« ça dépend de quoi ? ») follows up.
SHORT_FOLLOW_UP = 6


def diploma_topic(q: Question) -> Question:
    """Within the diploma topics, the student's situation and the diploma they name win over a
    confused intent: "sans master, j'ai une chance ?" is about the level required (diplome),
    "juste un BTS ?" about the BTS, "un bac+5 est-il indispensable ?" about the level required."""
    if q.topic not in DIPLOMA_TOPICS and q.topic != "relance":
        return q
    situation = q.situation
    if situation and situation.kind == "seulement" and situation.diploma == "mastere" and q.asks_necessity:
        # « dis juste oui : le master est obligatoire ? » asks whether a Bac+5 is required: the fiche's
        # answer to that (its polarity included) wins over the words around it.
        return replace(q, topic="diplome", situation=None)
    if situation:
        if situation.kind == "seulement":
            return replace(q, topic=situation.diploma)
        if situation.diploma == "bachelor":  # without a Bachelor, the student has at most a BTS
            return replace(q, topic="bts", situation=DiplomaSituation("seulement", "bts"))
        return replace(q, topic="diplome")
    if q.topic == "relance" or q.diploma not in TRAINING_IDS:
        return q
    if len(set(q.diplomas)) >= len(TRAINING_IDS):
        # « bts bachelor mastere c quoi les niveaux de chacun » : every diploma at once, the fiche's paths
        return replace(q, topic="diplome")
    if q.diploma == "mastere" and q.asks_necessity and not q.with_diploma:
        return replace(q, topic="diplome")
    return replace(q, topic=q.diploma)


def level_topic(school: School, q: Question) -> Optional[str]:
    """« je voudrais savoir à partir de quel niveau on est prêt pour le poste », unsure: the studies the job asks, when
    nothing in it is of pay; None otherwise."""
    return "diplome" if q.cues.level_needed and not q.about_pay and "diplome" in school.fact_topics else None


def follow_up_topic(q: Question) -> Optional[str]:
    """The topic a follow-up fragment's own qualifier points to ("et après 5 ans ?" -> salaire), or
    None when it has none: the caller then says the fiche is silent on the previous topic."""
    if q.situation:
        return diploma_topic(replace(q, topic="relance", diploma=None)).topic
    named = q.diploma or next(iter(q.written_diplomas), None)
    if named in TRAINING_IDS and q.asks_necessity and not q.about_pay:
        # « et pour être confirmé faut un mastère ? »: the diploma's necessity; the level only says what for
        return diploma_topic(replace(q, topic=named, diploma=named)).topic
    if q.experience or q.years is not None:
        return "salaire"
    if q.diploma in TRAINING_IDS:
        return q.diploma
    if q.skill or q.score_asked and (q.superlative or q.ranked):
        return "hard_skills"  # « et la moins bien notée ? »: the fiche scores its technical skills only
    if q.about_pay:
        return "salaire"  # « ok merci. et niveau argent ? » after the missions
    return None


def agreed_intent(school: School, turn: Turn) -> Optional[str]:
    """When the model hesitates only between intents that lead to the same answer (bachelor or
    diplome for "un bac+5 est-il indispensable ?", whose entity settles it), there is nothing to
    ask: the first of them is answered. Otherwise None."""
    ranking = [(name, confidence) for name, confidence in turn.ranking
               if name in school.fact_topics or name == "relance"][:2]
    if len(ranking) < 2 or sum(confidence for _, confidence in ranking) < AGREEMENT_CONFIDENCE:
        return None
    if {name for name, _ in ranking} == {"definition", "missions"}:
        # « concrètement elle ferait quoi de ses journées ? »: what the job is, or its missions; the definition gives
        # both
        return "definition"
    topics = set()
    for name, _ in ranking:
        q = replace(turn.question, topic=name)
        topics.add(follow_up_topic(q) if name == "relance" else diploma_topic(q).topic)
    return ranking[0][0] if len(topics) == 1 and None not in topics else None


# The topics whose answer is a list of named items (a mission, a quality, a skill, a tool).
ITEM_TOPICS = ("missions", "soft_skills", "hard_skills", "outils")


# Words of one item's text that describe it without its name (« respecter les procédures et les obligations »).
DESCRIBED = 2


# The topics that answer with a list, ranked or not (« laquelle est la plus importante ? » asks within it).
LISTED_TOPICS = ITEM_TOPICS + ("contraintes",)


# The topics whose items can be counted (« combien de tremplins ? »).
COUNTED_TOPICS = ITEM_TOPICS + JOB_LIST_TOPICS


def item_topic(school: School, turn: Turn) -> Optional[str]:
    """« c'est plutôt de l'admin ou de la coordination ? » when the model is unsure: the one topic whose
    items (of the profession in play) the message names, else None."""
    profession = current_profession(school, turn)
    topic = item_asked(school, profession, turn.question, turn.slots.get("sujet")) if profession else None
    # one everyday word is no evidence (« quel temps fait-il ? » is not « Gestion du temps »): the message
    # speaks of work, names the item by two words, or follows that list (« la veille, c'est quoi exactement ? »)
    # (« l'appui à la mobilité internationale c'est pour qui ? »: an item named by its title is evidence)
    if topic and not turn.question.about_work and topic != turn.slots.get("sujet") \
            and school.replier.naming_words(profession, topic, turn.question) < 2 \
            and school.replier.described_item(profession, topic, turn.question) < DESCRIBED \
            and not school.replier.titled_items(profession, topic, turn.question):
        return None
    named = [t for t in turn.question.denied_topics if t in school.fact_topics]
    if topic and named and topic not in named:
        # « ce métier n'a aucune contrainte, j'ai bon ? »: the topic the message denies whole by its own word, not a
        # list one of whose items shares a stem with that word (« Contribution aux actions… »)
        return named[0] if len(named) == 1 else None
    return topic


# Below this confidence, an item named by its whole title says the topic better than the model.
UNSURE = 0.6


def unsure(turn: Turn, intent: str) -> bool:
    """Whether the model gave this intent less than UNSURE (no ranking: no sign that it was unsure)."""
    return next((confidence for name, confidence in turn.ranking if name == intent), 1.0) < UNSURE


def titled_topic(school: School, profession: Profession, q: Question, intent: str) -> Optional[str]:
    """« pourquoi la gestion du temps est importante ? » read as the technical skills: the one other list topic
    an item of which the message names by its whole title, when the intent's own list has no such item. Read as
    one list when the message names none of its items, a word of the titles of one other list only (« la
    résolution de pb ça compte ? » read as the technical skills, « collaboration avec qui ? » as the missions)."""
    def titled(topic: str) -> bool:
        return topic in school.fact_topics and bool(school.replier.titled_items(profession, topic, q))
    if titled(intent):
        return None
    others = [topic for topic in ITEM_TOPICS if topic != intent and titled(topic)]
    if others or intent not in ITEM_TOPICS or intent in q.topics_named:
        return others[0] if len(others) == 1 else None
    # a title's first word, that no title of another list has (« un logiciel à connaître » names the tools, not
    # « Connaissance des affaires internationales »: the intent's own words above keep it)
    lists = {t: school.replier.title_stems(profession, t) for t in ITEM_TOPICS if t in school.fact_topics}
    said = school.replier.said_stems(profession, q)
    if intent not in lists or said & lists[intent]:
        return None
    only = [t for t in lists if said & school.replier.title_stems(profession, t, heads=True)
            - frozenset().union(*(v for k, v in lists.items() if k != t))]
    return only[0] if len(only) == 1 else None


# The lists whose items a message may describe by the words of their text.
DESCRIBED_TOPICS = ITEM_TOPICS + ("experiences",)


def described_topic(school: School, profession: Profession, q: Question, intent: str,
                    previous: Optional[str] = None) -> Optional[str]:
    """« la compétence qui consiste à comprendre les attentes des partenaires » read as the technical skills: the one other
    list an item of which the message describes by more words of its text (two at least) than any item of the intent's
    list, when it names no item by its title. Not away from a list the message names (« laquelle des missions … »),
    but for « compétence » alone, which students say of the qualities too; nor away from the list just shown
    (`previous`: « celle pour garder de bonnes relations… » after the qualities)."""
    replier = school.replier
    if intent == previous:
        return None
    lists = [t for t in DESCRIBED_TOPICS if t in school.fact_topics]
    if any(replier.naming_words(profession, t, q) for t in lists):
        return None
    if intent in q.topics_named and not (intent == "hard_skills" and not q.cues.strictly_technical):
        return None
    own = replier.described_item(profession, intent, q)
    scored = sorted(((replier.described_item(profession, t, q), t) for t in lists if t != intent), reverse=True)
    if not scored or scored[0][0] < DESCRIBED or scored[0][0] <= own or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def item_asked(school: School, profession: Profession, q: Question, previous: Optional[str],
               tie: Optional[str] = None) -> Optional[str]:
    """The topic of the item the message names: the previous answer's topic when it names one of its items,
    else the one topic whose items it names; None when it names none, or items of several topics (then `tie`
    when it is one of them)."""
    def words(topic: str) -> int:
        return school.replier.naming_words(profession, topic, q) if topic in school.fact_topics else 0
    if previous in ITEM_TOPICS and (words(previous) or school.replier.names_an_item(profession, previous, q)):
        return previous
    named = sorted(((words(t), t) for t in ITEM_TOPICS), reverse=True)
    if not named[0][0]:
        # no title named: an item described by two words of its text or more, in one list only (« toute la paperasse,
        # respecter les procédures et les obligations »: the administrative mission)
        described = [t for t in ITEM_TOPICS if t in school.fact_topics
                     and school.replier.described_item(profession, t, q) >= DESCRIBED]
        return described[0] if len(described) == 1 else None
    # the topic most of whose words the message says; none when two say as many, unless the message says which
    # list (« la mission sur la veille », when a tool is also « de veille »)
    if named[0][0] == named[1][0]:
        tied = [t for count, t in named if count == named[0][0]]
        said = [t for t in q.topics_named if t in tied]
        if len(said) == 1:
            return said[0]
        # the one whose item the message describes by more words of its text (« la paperasse, respecter les
        # procédures et les obligations liées aux projets »: the mission, not « Gestion de projet »)
        described = sorted(((school.replier.described_item(profession, t, q), t) for t in tied), reverse=True)
        if described[0][0] >= DESCRIBED and described[0][0] > described[1][0]:
            return described[0][1]
        return tie if tie in tied else None
    return named[0][1]


def fact_topics_named(school: School, q: Question) -> List[str]:
    """The topics of the fiche a message names by their words (sujets.yml « nomme_par »), in the order named."""
    return [t for t in q.topics_named if t in school.fact_topics]


def topics_compared(school: School, turn: Turn) -> List[str]:
    """The topics a comparison names (« la différence entre les hard et les soft skills »), when two or more of
    the fiche's; else []."""
    named = fact_topics_named(school, turn.question)
    if "soft_skills" in named and "hard_skills" in named and not turn.question.cues.technical:
        named.remove("hard_skills")  # « soft skill » alone also says « skill »
    return named if len(named) >= 2 and current_profession(school, turn) else []


def cited_job_topic(school: School, turn: Turn) -> Optional[str]:
    """« un consultant en stratégie internationale, il se fait combien ? » left unclear by the model: a job the fiche
    only cites, named; asked « combien », the pay (answered: the fiche does not give that job's pay), else the rubrique
    that cites it."""
    profession, q = current_profession(school, turn), turn.question
    paid = q.about_pay or q.cues.how_much
    cited = school.cited_job(profession, q.folded, bare_head=paid) if profession is not None else None
    if cited is None:
        return None
    return "salaire" if paid and "salaire" in school.fact_topics else cited[1] if cited[1] in school.fact_topics else None


def own_stepping_stone(school: School, profession: Optional[Profession], q: Question) -> Optional[str]:
    """The student's own job (« je suis », « j'ai bossé six ans comme ») when it is one the fiche cites as preparing
    for this profession (its stepping stones), as the fiche names it; else None."""
    if profession is None or "experiences" not in school.fact_topics or not q.cues.own_past or q.about_pay \
            or set(q.named) - {profession.id}:
        return None
    cited = school.cited_job(profession, q.folded)
    return cited[0] if cited and cited[1] == "experiences" else None


def not_cited(school: School, profession: Profession, q: Question) -> bool:
    """« la patience, c'est dans les qualités demandées ? », « faut être un leader charismatique ? », « il ne fait pas de
    recrutement, si ? »: whether something belongs to a list, asked yes or no, when the message names no item of it
    and says words its answer does not hold (keys of at least five letters, beside the topic's own words)."""
    denied = q.premise == "niee"  # « il ne fait pas de recrutement, si ? »: whether it belongs, asked the other way
    if q.topic not in ITEM_TOPICS or not (q.cues.belongs or denied) or q.asks_open or q.superlative or q.ranked \
            or q.counted or q.joins or q.asks_variation or q.premise and not denied or q.skill or q.skills \
            or q.amount is not None:
        return False
    if school.replier.names_an_item(profession, q.topic, q) or school.replier.titled_items(profession, q.topic, q) \
            or denied and q.topic in q.denied_topics:  # (« il n'y a aucun outil à maîtriser ? »: the whole list denied)
        return False
    said = {k for k in keys(q.folded) if len(k) >= 5} - school.answer_words(profession, q.topic) \
        - school.common_keys(profession)
    # a word that starts like a word of a title may be another form of it (« curieux », « Curiosité »): no claim then
    titles = school.replier.title_stems(profession, q.topic)
    return bool(said) and not any(starts_alike(k, s) for k in said for s in titles)


# A comparison with the item in play (« et elle a combien de points de plus que l'analyse de données ? ») in a message
# this short.
COMPARED_WORDS = 16


# A rank with no noun (« la première que tu as citée, elle sert à quoi ? ») is one of the last list's in a message this short.
SHORT_RANK = 12


def ranked_topic(school: School, q: Question, previous: Optional[str]) -> Optional[str]:
    """« la toute première mission ? », « et la 3e ? », « cite les 3 premières » after the missions: the list whose
    items the message asks for by their rank (Question.ordinal, first_count): the one whose noun it says, else the
    previous answer's."""
    if q.ordinal is None and q.first_count is None or q.named:
        return None
    named = [t for t in q.topics_named if t in ITEM_TOPICS] or ([q.cues.job_step] if q.cues.job_step else [])
    # (« le 2e des jobs après ? »: of the evolutions, whatever list came last)
    topic = named[0] if named else previous if q.word_count <= SHORT_RANK else None
    # (« le 2e c'est lequel ? » after the evolutions: the jobs a list cites have ranks too, not a first few; « le 2e, il
    # gagne combien ? » asks that job's pay)
    ranked = ITEM_TOPICS + (JOB_LIST_TOPICS if q.first_count is None and not q.about_pay and not q.topics_named else ())
    return topic if topic in ranked and topic in school.fact_topics else None


def written_diploma_topic(school: School, turn: Turn) -> Optional[str]:
    """« si je fais que 2 ans après le bac ? » when the model is unsure: a message that writes a level of studies, with a
    topic of diplomas among the model's three likeliest, asks that topic."""
    if not turn.question.written_diplomas:
        return None
    return next((name for name, _ in turn.ranking[:3] if name in DIPLOMA_TOPICS and name in school.fact_topics), None)


def recalled_topic(school: School, turn: Turn) -> Optional[str]:
    """The one topic a message that recalls an earlier answer names (« tu disais quoi sur les décalages déjà ? »: the
    constraints, one of whose items it names), else None."""
    q = turn.question
    named = fact_topics_named(school, q)
    if len(named) == 1:
        return named[0]
    shown = current_profession(school, turn)
    return school.topic_holding(shown, q.folded) if shown is not None and not named else None


def compared_topic(school: School, q: Question) -> Optional[str]:
    """The one topic a comparison within the profession names (« l'écart entre le plus haut et le plus bas score » : the
    skills, the only list the fiche scores), else None."""
    named = fact_topics_named(school, q)
    if q.score_asked and "hard_skills" in school.fact_topics and set(named) <= {"hard_skills"}:
        return "hard_skills"
    if q.years is not None and not (q.diplomas or q.written_diplomas) and "salaire" in school.fact_topics \
            and set(named) <= {"diplome", "salaire"}:
        # « entre les deux niveaux ya un trou ? genre 4 ans d'xp »: years of experience place the pay's levels, not the
        # levels of studies
        return "salaire"
    return named[0] if len(named) == 1 else None


def counted_topic(school: School, q: Question) -> Optional[str]:
    """« combien de missions la fiche liste-t-elle ? » when the model is unsure: the topic of the noun counted."""
    topic = next(iter(school.vocabulary.topics_in(q.counted)), None) if q.counted else None
    return topic if topic in COUNTED_TOPICS and topic in school.fact_topics else None
