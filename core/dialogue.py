"""The dialogue's decisions: what to answer to one understood message, in its conversation.

Pure functions (no Rasa): `respond(school, turn) -> Outcome`. A turn holds the understood question,
the NLU's intent and ranking, the conversation memory (slots) and the page's profession; an outcome
holds the reply and the slot changes. actions/actions.py only converts a tracker to a turn and an
outcome to messages and SlotSet events. The decision is made of small named steps:

- which profession the message is about (`which_profession`; the one in play: core/in_play.py);
- the parts of a compound message (core/gaps.py `compound_parts`);
- a detail the fiche does not give (core/gaps.py `absent_detail`);
- a thing asked that the topic's answer does not hold (core/gaps.py `gap`);
- the topic asked, when the model's intent is not enough (core/topic_reading.py: `diploma_topic`, `item_topic`…);
- a follow-up fragment (core/topic_reading.py `follow_up_topic`);
- a clarification when nothing says what to answer (`clarify`).
"""
import re
from dataclasses import dataclass, replace
from typing import Any, Optional, Sequence, Tuple

from core import exploring, pay_sums
from core.gaps import PART_CONFIDENCE, absent_detail, asked_detail, closest, compound_parts, work_study_gap
from core.in_play import current_profession, menu_professions, page_profession
from core.items import by_rank, by_score, next_to
from core.knowledge import TRAINING_IDS, Profession
from core.levels import LevelsAsk
from core.replies import DOUBTED, Reply
from core.school import School
from core.stemming import stems
from core.textnorm import fold
from core.topic_reading import (
    COMPARED_WORDS,
    COUNTED_TOPICS,
    DESCRIBED,
    DESCRIBED_TOPICS,
    DIPLOMA_TOPICS,
    ITEM_TOPICS,
    JOB_LIST_TOPICS,
    LISTED_TOPICS,
    SHORT_FOLLOW_UP,
    SHORT_RANK,
    agreed_intent,
    cited_job_topic,
    compared_topic,
    counted_topic,
    described_topic,
    diploma_topic,
    fact_topics_named,
    follow_up_topic,
    item_asked,
    item_topic,
    level_topic,
    not_cited,
    own_stepping_stone,
    ranked_topic,
    recalled_topic,
    titled_topic,
    topics_compared,
    unsure,
    written_diploma_topic,
)
from core.turn import ANSWER, CATALOGUE, CLARIFY, COUNSELLOR, HELP, OUT_OF_SCOPE, WELCOME, Outcome, Turn  # noqa: F401 - re-exported: the Rasa side builds dialogue.Turn(…, kind=dialogue.ANSWER)
from core.understanding import AbsentDetail, Question

# After a list or a search, « et il gagne combien ? » offers at most this many of the professions shown.
MOST_SHOWN = 5
# A part of an out-of-scope message answered on its own: read this surely.
ASIDE_PART_CONFIDENCE = 0.9
# A search or a comparison in a school of one profession is answered on the likeliest topic the model gave after it,
# when it gave that topic at least this much; else on what the message itself names, or a clarification.
RUNNER_UP_CONFIDENCE = 0.1


# The slot of the detail the last reply said the fiche does not give (domain.yml « precision_absente »).
ABSENT = "precision_absente"
# The slot of the one item of a list the last answer was about (its title): « elle sert à quoi ? » asks it next.
ITEM = "element"
# … or of the fiche's saying, when the last answer gave it: « ça veut dire quoi ? » asks what it means.
SAYING = "citation"
# … or of a polite refusal, when the last reply was one: « allez stp » next insists on what was refused.
REFUSED = "hors_sujet"
# … or of two skills just compared, joined (« Rédaction | Analyse de données »): « écart de combien ? » asks their gap.
PAIR = " | "


def respond(school: School, turn: Turn) -> Outcome:
    """The reply to one message; never None (a clarification at worst). The detail the fiche does not give,
    said by this reply, is remembered for the next message; forgotten by any other reply. So is the one item of a list
    the reply spoke of."""
    outcome = _respond(school, _levels_placed(turn))
    if turn.question.cues.wants_person and not outcome.handoff and turn.kind != COUNSELLOR:
        # « je sais pas quoi choisir entre bts et bachelor, je peux parler à qqn ? »: the answer, then the counsellor
        contact = school.replier.contact_reply()
        outcome = replace(outcome, reply=replace(outcome.reply, text=f"{outcome.reply.text}\n\n{contact.text}"),
                          handoff=True)
    for slot in (ABSENT, ITEM):  # (and so is the item the reply spoke of)
        if turn.slots.get(slot) and slot not in dict(outcome.slots):
            outcome = replace(outcome, slots=outcome.slots + ((slot, None),))
    return outcome


def _levels_placed(turn: Turn) -> Turn:
    """The turn whose calculation names bounds but no level (« de combien de % le haut dépasse le bas ? ») or no figure
    (« la différence ? ») on the pay the last answers were about; without a calculation when there was none. A bound
    asked alone (« et au maximum ? ») is of the level just answered."""
    q, asked = turn.question, turn.question.pay_sum
    kept = _kept_pay(turn)
    level = pay_sums.one_level(kept)
    said = tuple(a.value for a in q.numbers if a.marked)
    if asked is None and kept is not None and kept.said and len(said) == 2 and q.fragment and not q.named:
        # « et entre 40k et 60k ? » after « entre 30k et 35k, combien de % ? »: the same calculation on those amounts
        return replace(turn, question=replace(q, pay_sum=pay_sums.PaySum(kept.kind, said=said)))
    if asked is None and kept is not None and kept.kind and q.cues.whence and not q.named:
        # « c calculé par toi ou c dans la fiche ? » right after a calculation: that calculation again, which says it is one
        return replace(turn, question=replace(q, pay_sum=kept))
    monthly = pay_sums.monthly_of_middle(kept, q.folded) or pay_sums.monthly_of_gap(kept, q.folded) \
        if asked is None and not q.named else None
    if monthly is not None:
        # « par mois ? » after « le salaire moyen d'un débutant ? »: that middle by the month; « ok par mois ça fait
        # combien en plus ? » after a gap: that gap by the month
        return replace(turn, question=replace(q, pay_sum=monthly))
    other = pay_sums.on_other_bound(kept, q.folded) if q.fragment and q.experience is None and not q.named else None
    if other is not None and (asked is None or asked.kind == "milieu" and not asked.figures):
        # « et le max ? », « et pour le milieu de fourchette ? » after « de combien % augmente le min de débutant à
        # confirmé ? »: the same calculation on that bound of the same levels
        return replace(turn, question=replace(q, pay_sum=other))
    if asked is None and q.experience is None and level and (q.fragment or pay_sums.MONTHLY.search(q.folded)) \
            and pay_sums.bound_in(q.folded):
        # « et au maximum ? », « ça fait combien par mois en haut de la fourchette ? » after a confirmed's pay: the
        # confirmed's
        return replace(turn, question=replace(q, experience=level))
    if asked is not None and asked.kind == "milieu" and not asked.figures and level:
        # « et le milieu de sa fourchette ? » after a confirmed's pay: the confirmed's middle
        return replace(turn, question=replace(q, pay_sum=replace(asked, figures=((level, ""),))))
    if asked is None or all(level for level, _ in asked.figures) and asked.figures != pay_sums.UNPLACED:
        return turn
    return replace(turn, question=replace(q, pay_sum=pay_sums.placed(asked, kept)))


def _pay_kept(turn: Turn, q: Question) -> Optional[str]:
    """The figure of the pay a reply answered (its level, and the bound asked), kept for a calculation that names none;
    a bound asked with no level (« et au maximum ? ») is on the level kept."""
    kept = _kept_pay(turn)
    two = pay_sums.figures_asked(q.folded)
    if two:  # « le min débutant et le min confirmé ? »: both
        return pay_sums.remembered(pay_sums.PaySum("", two))
    level = q.experience if q.experience in pay_sums.PAY_LEVELS else None
    bound = pay_sums.bound_in(q.folded)
    if level is None and bound:
        level = pay_sums.one_level(kept)
    return pay_sums.figure_kept(kept, level, bound) if level else None


def _kept_pay(turn: Turn) -> Optional[pay_sums.PaySum]:
    """The pay figures or calculation the last answer kept, when it was on the pay."""
    return pay_sums.recalled(turn.slots.get(ITEM)) if turn.slots.get("sujet") == "salaire" else None


def saying_meant(school: School, turn: Turn) -> Optional[Outcome]:
    """« ça veut dire quoi ? », « pk il dit ça ? » right after the fiche's saying: the fiche does not explain it; the
    saying again."""
    q, profession = turn.question, current_profession(school, turn)
    if turn.slots.get(ITEM) != SAYING or not (q.cues.of_it or q.cues.explain_it or q.cues.why) \
            or turn.kind not in (ANSWER, CLARIFY, OUT_OF_SCOPE) \
            or q.named or set(q.topics_named) - {"salaire"} or profession is None or not profession.salaire \
            or not profession.salaire.citation:
        return None
    return Outcome(school.replier.saying_meaning(profession), (("sujet", "salaire"), ("incompris", 0.0), (ITEM, SAYING)),
                   profession)


def counted_lists(school: School, turn: Turn) -> Optional[Outcome]:
    """« combien de soft skills et combien de hard skills ? »: how many items of each list the message names, each
    list after its count."""
    q, profession = turn.question, current_profession(school, turn)
    topics = [t for t in dict.fromkeys(q.topics_named) if t in COUNTED_TOPICS and t in school.fact_topics
              # (« soft skills » also says « skills »: the technical skills only said « hard » or « technique »)
              and not (t == "hard_skills" and "soft_skills" in q.topics_named and not q.cues.strictly_technical)]
    if not q.counted or len(topics) < 2 or q.named or profession is None \
            or turn.kind not in (ANSWER, CLARIFY, OUT_OF_SCOPE):
        return None
    replier = school.replier
    replies = [replier.counted(profession, t, replier.answer(profession, whole_list(replace(q, topic=t)))) for t in topics]
    return Outcome(Reply("\n\n".join(r.text for r in replies), replies[-1].buttons),
                   (("sujet", topics[-1]), ("incompris", 0.0)), profession)


def both_steps(school: School, turn: Turn) -> Optional[Outcome]:
    """« quels jobs après et quels jobs avant ? »: the evolutions and the stepping stones, each answered, in the order
    asked."""
    q, profession = turn.question, current_profession(school, turn)
    steps = q.cues.job_steps
    if len(steps) < 2 or not set(steps) <= set(school.fact_topics) or profession is None \
            or set(q.named) - {profession.id} or q.about_pay:
        return None
    reply = school.replier.answer_parts(profession, [(None, replace(q, topic=t, ordinal=None)) for t in steps])
    return Outcome(reply, (("sujet", steps[-1]), ("incompris", 0.0)), profession)


def item_next(school: School, turn: Turn) -> Optional[Outcome]:
    """« et juste au-dessus ? », « la suivante ? » right after an answer about one item of a list: the item next to it
    (the technical skills by score), explained as « elle sert à quoi ? » explains one."""
    q = turn.question
    in_play = _item_in_play(school, turn) if q.cues.neighbour else None
    if in_play is None:
        return None
    profession, previous, element = in_play
    title = next_to(profession, previous, element, q.cues.neighbour)
    if title is None:
        return None
    asked = replace(q, stems=stems(fold(title)), fiche_stems=frozenset(), asks_open=True, superlative=None,
                    ordinal=None, ranked=None, premise=None, joins=False)
    return answer(school, replace(turn, question=asked, intent=previous), previous, fallback=False)


# A message that says this many words of the fiche's saying speaks of it (« la fiche dit que le travail vient avant
# le salaire ? »); two are a question on the pay (« le salaire avant impôts ? »).
SAYING_WORDS = 3


SOLE_TOPIC_WORDS = 8  # « ok ok et les missions alors ? » (its « ? » counted)


def sole_topic_named(school: School, q: Question) -> Optional[str]:
    """« ok ok et les missions alors ? » read with no confidence: the one topic of the fiche a short message names by
    its own word, else None."""
    named = fact_topics_named(school, q)
    # (« en début de carrière je veux dire » names a level of the pay, not the career's evolutions)
    return named[0] if len(named) == 1 and q.word_count <= SOLE_TOPIC_WORDS and not q.named \
        and q.experience is None and not pay_sums.level_in(q.folded) else None


def saying_quoted(school: School, turn: Turn) -> Optional[Outcome]:
    """« la fiche cite un genre de proverbe sur l'argent ? », « elle dit que dans le dico le travail vient avant le
    salaire, c'est ça ? »: the fiche's saying, whatever topic the model read, when the message calls it a saying or
    says enough of its words (the saying as written answers a misquote)."""
    q, profession = turn.question, current_profession(school, turn)
    if profession is None or not profession.salaire or not profession.salaire.citation or q.named \
            or set(q.topics_named) - {"salaire"} or turn.kind not in (ANSWER, CLARIFY, OUT_OF_SCOPE) or q.parts:
        return None
    said = len(stems(q.folded) & stems(fold(profession.salaire.citation)))
    # (« c quoi la phrase sur le dictionnaire dans la fiche ? »: a phrase, named by one word of the saying)
    quoted = said >= SAYING_WORDS or said and q.cues.phrase
    if not (quoted or q.cues.saying) or turn.intent == "salaire" and not quoted:
        return None
    asked = replace(q, cues=replace(q.cues, saying=True))
    return answer(school, replace(turn, question=asked, intent="salaire"), "salaire", fallback=False)


def _item_in_play(school: School, turn: Turn) -> Optional[Tuple[Profession, str, str]]:
    """(the profession, the list topic, the item) when the last answer spoke of one item of a list and the message
    names no other profession nor topic; None otherwise."""
    q, previous, element = turn.question, turn.slots.get("sujet"), turn.slots.get(ITEM)
    profession = current_profession(school, turn)
    if not element or previous not in ITEM_TOPICS + JOB_LIST_TOPICS or profession is None or q.named \
            or set(q.topics_named) - {previous} or turn.kind not in (ANSWER, CLARIFY, OUT_OF_SCOPE):
        return None
    return profession, previous, element


def item_position(school: School, turn: Turn) -> Optional[Outcome]:
    """« ça c'est en quelle position dans la liste ? » right after an answer about one item of a list: its place."""
    in_play = _item_in_play(school, turn) if turn.question.cues.position else None
    if in_play is None:
        return None
    profession, previous, element = in_play
    reply = school.replier.position(profession, previous, element)
    return Outcome(reply, (("sujet", previous), ("incompris", 0.0), (ITEM, element)), profession) if reply else None


def asks_quantity_of_it(q: Question) -> bool:
    """« elles représentent combien ? » right after a detail the fiche does not give: a quantity of that detail.
    Not when the message speaks of pay, a level, a skill or a profession of its own (« et il gagne combien ? »)."""
    return q.cues.quantity_of_it and not (q.about_pay or q.experience or q.skill or q.named) \
        and q.years is None and q.levels is None


def _respond(school: School, turn: Turn) -> Outcome:
    previous = turn.slots.get("sujet")
    q = turn.question
    again = pay_sums.renewed(_kept_pay(turn), q.folded, q.numbers) if q.pay_sum is None and not q.named else None
    if again is not None and "salaire" in school.fact_topics:
        # « et 35000 ? » right after « 30000 par an ça fait combien par semaine ? »: the same calculation on that amount
        q = replace(q, pay_sum=again)
        turn = replace(turn, intent="salaire", kind=ANSWER, question=q)
    elif previous == "salaire" and q.amount is None and q.bare_amount is not None and not q.named:
        # « donc 60000 c'est le minimum ? » right after the pay: an amount of money, checked against the fiche's
        turn = replace(turn, question=replace(q, amount=q.bare_amount))
    if turn.kind in (ANSWER, CLARIFY, OUT_OF_SCOPE) and q.cues.thanks_only \
            and (q.word_count <= THANKS_ALONE or q.cues.thanks_alone) \
            and not q.named and not q.topics_named:
        # « merci quand même », read by the model as the diplomas: thanks, nothing asked
        return Outcome(school.replier.thanks())
    if turn.kind in (HELP, CLARIFY, OUT_OF_SCOPE) and q.cues.acknowledges and previous in school.fact_topics \
            and not turn.slots.get("incompris"):
        # « ok », « ah ok je vois », « oui » right after an answer (not after « Vouliez-vous parler de… ? »): nothing is
        # asked, nothing refused: what else to ask
        return Outcome(school.replier.acknowledged(previous))
    if turn.kind in (HELP, CLARIFY, OUT_OF_SCOPE) and asks_what_it_varies_with(school, turn) \
            and turn.question.word_count <= SHORT_FOLLOW_UP:
        # (not the help)
        return answer(school, replace(turn, intent=previous), previous, fallback=False) or clarify(school, turn)
    recalled = saying_meant(school, turn) or item_position(school, turn) or item_next(school, turn) \
        or saying_quoted(school, turn) or counted_lists(school, turn) or both_steps(school, turn) \
        or list_again(school, turn) or insisted(school, turn)
    if recalled:
        return recalled
    if q.cues.again and turn.slots.get(ABSENT) and not q.named and not q.topics_named and turn.kind != COUNSELLOR:
        # « bah alors ? t'as pas l'info ? » right after « la fiche ne précise pas … »: still not given, said again
        absent = answer(school, turn, previous if previous in school.fact_topics else "hors_sujet", fallback=True,
                        absent_only=True)
        if absent:
            return absent
    if q.cues.again and previous in school.fact_topics and not q.named and not q.topics_named \
            and turn.kind != COUNSELLOR:
        # « j'ai pas compris, tu peux me redire ? »: the last topic's answer again
        return answer(school, replace(turn, intent=previous), previous, fallback=False) or clarify(school, turn)
    if turn.kind == CLARIFY and q.cues.summary and not q.named and not q.topics_named \
            and q.word_count <= SHORT_FOLLOW_UP and "definition" in school.fact_topics:
        # « resume en 3 points stp », read with no confidence: the fiche in short (what « résume-moi le métier » gets)
        return answer(school, replace(turn, intent="definition"), "definition", fallback=False) or clarify(school, turn)
    if (turn.kind == HELP and q.cues.a_task or turn.kind == OUT_OF_SCOPE and q.cues.ordered) and not q.about_work:
        # « aide moi à écrire un msg à ma crush » is no question on how to use the assistant, « traduis "bonjour" en
        # espagnol » none on the job's languages: out of scope
        return refused(school, turn)
    if turn.kind == HELP and previous in school.fact_topics and not q.named \
            and (shown := current_profession(school, turn)) is not None \
            and (school.replier.names_an_item(shown, previous, q) or q.cues.third_person
                 or previous in ITEM_TOPICS + JOB_LIST_TOPICS
                 and (q.ordinal is not None or q.cues.explain_it and turn.slots.get(ITEM))):
        # (« il les aide pour quoi exactement ? »: someone of the job helps, not the assistant; « la 3e tu peux
        # développer ? » after the missions: the third one; « genre ? donne un exemple » after one skill: that skill)
        # « pourquoi celui en droit ça aide ? » after the stepping stones, read as a request for help: that item
        return answer(school, replace(turn, intent=previous, kind=ANSWER), previous, fallback=False) or clarify(school, turn)
    if turn.kind in (HELP, OUT_OF_SCOPE, CLARIFY) and q.recalls and not q.named \
            and (recalled := recalled_topic(school, turn)):
        # « tu disais quoi sur les décalages déjà ? » a few answers later: the topic it names again, not the help
        return answer(school, replace(turn, intent=recalled, kind=ANSWER), recalled, fallback=False) \
            or clarify(school, turn)
    if turn.kind == HELP and not q.cues.of_the_assistant and not q.named:
        # « erasmus ça aide ? » read as a request for help: a detail the fiche does not give, said so
        absent = answer(school, replace(turn, kind=ANSWER), "hors_sujet", fallback=True, absent_only=True)
        if absent:
            return absent
    if turn.kind in (WELCOME, HELP):
        professions = menu_professions(school, turn)
        reply = school.replier.welcome(professions) if turn.kind == WELCOME else school.replier.help(professions)
        return Outcome(Reply(reply.text, school.replier.discover_buttons(len(school.professions)) + reply.buttons))
    if turn.kind == COUNSELLOR and exploring.filters_not_counsellor(school, turn):
        # « je veux commencer à plus de 35 000 dès la sortie de l'école » taken for the counsellor: a search.
        return exploring.respond(school, replace(turn, intent=exploring.SEARCH))
    if turn.kind == COUNSELLOR and not turn.question.cues.asks_person:
        # « vous avez des noms d'écoles à me conseiller ? »: a detail the fiche does not give (said so, with the
        # counsellor offered), not a request to speak to someone
        absent = answer(school, turn, "hors_sujet", fallback=True, absent_only=True)
        if absent:
            return absent
    if turn.kind == COUNSELLOR:
        return Outcome(school.replier.contact_reply(), (("incompris", 0.0),),
                       school.profession(turn.slots.get("metier_id")) or page_profession(school, turn), handoff=True)
    # « Quels métiers mènent à X ? », « comment passer de X à Y ? »: the catalogue's paths.
    explored = exploring.paths_to(school, turn)
    if explored:
        return explored
    said = turn.question.pay_sum.said if turn.question.pay_sum is not None else ()
    if turn.kind in (OUT_OF_SCOPE, CLARIFY) and len(said) == 2 and "salaire" in school.fact_topics \
            and not turn.question.named:
        # « entre 30k et 35k ça fait combien de % d'écart ? »: a calculation on the two amounts said, not out of scope
        return answer(school, replace(turn, intent="salaire"), "salaire", fallback=False) or clarify(school, turn)
    if turn.kind == CATALOGUE and turn.question.pay_sum is not None and previous == "salaire" \
            and "salaire" in school.fact_topics and not turn.question.named:
        # « la différence ? » right after two pay figures: their calculation, not two professions to compare
        return answer(school, replace(turn, intent="salaire"), "salaire", fallback=False) or clarify(school, turn)
    if turn.kind == CATALOGUE and turn.intent == exploring.LIST and previous in school.fact_topics \
            and (len(school.professions) < 2 or q.cues.relist) and not q.cues.of_jobs:
        # « vas-y liste-les » after « combien de soft skills ? »: the list just spoken of, not the school's one profession
        return answer(school, replace(turn, intent=previous, question=whole_list(q)), previous, fallback=False) \
            or clarify(school, turn)
    if turn.kind == CATALOGUE:
        step = (turn.question.cues.job_step or next((t for t in turn.question.topics_named if t in JOB_LIST_TOPICS), None)) \
            if len(school.professions) < 2 else None
        if turn.intent in (exploring.LIST, exploring.SEARCH) and step in school.fact_topics:
            # « quels métiers faire avant ? » in a school of one profession, even naming it (« X c'est un métier
            # tremplin pour quoi après ? »): its stepping stones (« après »: its evolutions), not the list of the
            # school's one profession nor its definition.
            return answer(school, replace(turn, intent=step), step, fallback=False) or clarify(school, turn)
        if turn.intent in (exploring.SEARCH, exploring.LIST) and len(turn.question.named) == 1 \
                and not exploring.criteria(school, turn):
            # « je voudrais devenir boulanger »: the catalogue has it, by name: its fiche, not a search.
            return answer(school, replace(turn, intent="definition"), "definition", fallback=False) \
                or clarify(school, turn)
        if turn.intent == exploring.COMPARE and len(school.professions) < 2:
            both = topics_compared(school, turn)
            if both:
                # « la différence entre les hard et les soft skills ? »: two topics of the one profession, each answered
                profession = current_profession(school, turn)
                parts = [(None, replace(turn.question, topic=t)) for t in both]
                return Outcome(school.replier.answer_parts(profession, parts),
                               (("sujet", both[-1]), ("incompris", 0.0)), profession)
        if turn.intent in (exploring.COMPARE, exploring.SEARCH) and len(school.professions) < 2:
            # One profession: nothing to compare it with nor to search among. « laquelle compte le plus ? »
            # asks within the previous topic (its superlative); a long message about the student's tastes
            # asks about this profession: the likeliest topic the model gave, else a clarification.
            # (a topic the model gives a few hundredths is no guess: « ya des maths ? » is no question on the missions)
            ranked = next((name for name, confidence in turn.ranking
                           if name in school.fact_topics and confidence >= RUNNER_UP_CONFIDENCE), None)
            topic = previous if turn.intent == exploring.COMPARE and previous in school.fact_topics else ranked
            if turn.intent == exploring.COMPARE and (compared := compared_topic(school, turn.question)):
                # « revenons aux scores : l'écart entre le plus haut et le plus bas ? » after the evolutions: the topic
                # the message names, not the last one
                return answer(school, replace(turn, intent=compared), compared, fallback=True) or clarify(school, turn)
            if topic in DIPLOMA_TOPICS and "diplome" in school.fact_topics and not turn.question.diplomas:
                topic = "diplome"  # « lequel des trois est le niveau de référence ? » after each diploma: all of them
            if topic is None:
                # no topic the model gave: a detail the fiche does not give (« plutôt pour les filles ou les mecs ? »),
                # else a short follow-up of the last answer (« dans un cabinet seulement ? » after the evolutions)
                absent = answer(school, turn, "hors_sujet", fallback=True, absent_only=True)
                if absent:
                    return absent
                if previous in school.fact_topics and turn.question.word_count <= DESCRIBED_WORDS:
                    topic = previous
            return answer(school, turn, topic, fallback=True) or clarify(school, turn)
        return exploring.respond(school, turn)
    # Two professions named apart, or a follow-up of a comparison: compared, or « lequel ? » asked.
    explored = exploring.follow(school, turn)
    if explored:
        return explored
    if turn.kind == CLARIFY and daily_work(school, turn.question) and current_profession(school, turn):
        # « il fait surtout de la vente, c'est ça ? »: the missions of the profession in play, not a search for « vente »
        return answer(school, replace(turn, intent="missions"), "missions", fallback=False)
    if exploring.seeks_a_profession(school, turn):
        # « avec un BTS je peux faire quoi ? », « l'écologie, c'est mon truc »: a profession to find in
        # the catalogue, not a topic of the current one.
        return exploring.respond(school, replace(turn, intent=exploring.SEARCH))
    if turn.kind == OUT_OF_SCOPE and len(turn.question.named) == 1 and len(school.professions) > 1:
        # « je voudrais devenir boulanger » taken for out of scope: the catalogue has it, by name.
        return answer(school, replace(turn, intent="definition"), "definition", fallback=False)
    checked = checked_identity(school, turn)
    if checked:
        return checked
    if turn.kind in (OUT_OF_SCOPE, CLARIFY) and previous in school.fact_topics and (
            turn.question.refers_back or turn.question.recalls
            or (turn.question.fragment and turn.question.score_asked and previous == "hard_skills")
            or (previous in ITEM_TOPICS and turn.question.superlative and not turn.question.skill)
            # « la taille de l'entreprise sa joue » after the pay, read as out of scope: the pay, with its factors
            or pay_factor_asked(school, turn.question, previous, current_profession(school, turn))
            # « classe les moi toutes stp » after the skills: that list, ranked
            or (previous in ITEM_TOPICS and turn.question.ranked and not turn.question.named
                and set(turn.question.topics_named) <= {previous})
            or (previous == "hard_skills" and (turn.question.average or turn.question.summed or turn.question.gap))
            # « ça fait +combien de % entre les 2 » after two pay figures: their calculation
            or (previous == "salaire" and turn.question.pay_sum is not None)
            # « tu calcules comment ? » after a calculation: that answer again, which says how (or its source)
            or (turn.question.cues.whence and not turn.question.named and set(turn.question.topics_named) <= {previous})
            # « mais si mon cousin il m'a dit 50k direct en sortant d'école » after the pay: that amount, checked again
            or (previous == "salaire" and turn.question.amount is not None and not turn.question.named)
            or (previous in DIPLOMA_TOPICS and turn.question.guaranteed)
            or (previous in JOB_LIST_TOPICS and turn.question.asks_compulsory)
            or (previous in DIPLOMA_TOPICS and turn.question.asks_compulsory and turn.question.fragment)
            or (turn.question.cues.it_follows and not turn.question.named and not turn.question.topics_named)
            # « lesquelles ? » alone: which ones of what was just answered
            or (turn.question.cues.which_ones and not turn.question.named and not turn.question.topics_named)
            or (turn.slots.get(ITEM) and turn.question.cues.on_it and not turn.question.named
                and not turn.question.topics_named)
            # « et le BTS ça suffit pas ? » then « pourquoi ? »: that diploma's answer says why
            or (previous in DIPLOMA_TOPICS and turn.question.cues.why)
            # « c'est le niveau de référence ? » after the Bachelor: words of what the fiche says of it
            or diploma_described(school, turn.question, previous, current_profession(school, turn))
            # « elles sont pareilles dans toutes les entreprises ? » after the missions: that list, with its caveat
            or list_caveat_asked(turn.question, previous)
            # « laquelle sert pour les contextes interculturels ? » after the qualities: the one its words describe
            # (one word is enough when the message quotes it back: « tu dis "jongler", avec quoi ? »)
            or (previous in DESCRIBED_TOPICS and not turn.question.named and not turn.question.topics_named
                and (shown := current_profession(school, turn)) is not None
                and school.replier.described_item(shown, previous, turn.question)
                >= (1 if turn.question.cues.which_one or turn.question.cues.quoted else DESCRIBED))
            # « tu dis "jongler", avec quoi ? » after the constraints: a word of that list quoted back
            or (previous == "contraintes" and turn.question.cues.quoted and not turn.question.named
                and not turn.question.topics_named and (shown := current_profession(school, turn)) is not None
                and stems(turn.question.cues.quoted) & stems(fold(" ".join(shown.contraintes.liste))))
            # « il est utile pour ce métier ? » after a diploma; « le premier tu peux détailler ? » after a list
            or (previous in DIPLOMA_TOPICS and turn.question.cues.it_first and not turn.question.named
                and not turn.question.topics_named)
            or (previous in ITEM_TOPICS + JOB_LIST_TOPICS and turn.question.ordinal is not None
                and not turn.question.named and not turn.question.topics_named)):
        # « et comment on fait pour y faire face ? » after the constraints: a follow-up of that answer.
        return answer(school, replace(turn, intent=previous), previous, fallback=False) \
            or refused(school, turn)
    if turn.kind == OUT_OF_SCOPE and q.cues.thanks_only and not q.named:
        # « merci t'es trop fort » read as out of scope: thanks
        return Outcome(school.replier.thanks())
    if turn.kind == OUT_OF_SCOPE:
        # « tu connais une recette de crêpes ? sinon dis-moi ce que fait un … »: the one part, read surely, that asks
        # about the job is answered; the rest is out of scope
        aside = [p for p in turn.question.parts if p.confidence >= ASIDE_PART_CONFIDENCE and p.intent in school.fact_topics]
        if len(aside) == 1:
            part = aside[0]
            outcome = answer(school, replace(turn, question=part.question, intent=part.intent), part.intent,
                             fallback=True)
            if outcome:
                return outcome
        # Out of scope, unless the message asks a detail the fiche does not give (then say so).
        return (answer(school, turn, "hors_sujet", fallback=True, absent_only=True)
                or refused(school, turn))
    if turn.kind in (CLARIFY, OUT_OF_SCOPE):
        listed = exploring.family_list(school, turn)
        if listed:
            return listed
    if turn.kind == CLARIFY:
        if catalogue_settled(school, turn) and len(school.professions) > 1:
            # (a school of one profession has nothing to search among: « on voyage souvent à l'étranger ? » asks
            # about that profession)
            top = next(name for name, _ in turn.ranking if name != "nlu_fallback")
            return exploring.respond(school, replace(turn, intent=top))
        agreed = agreed_intent(school, turn) or paid_amount(school, turn.question) or item_topic(school, turn) \
            or counted_topic(school, turn.question) or ranked_topic(school, turn.question, turn.slots.get("sujet")) \
            or written_diploma_topic(school, turn) or cited_job_topic(school, turn) or level_topic(school, turn.question) \
            or sole_topic_named(school, turn.question)
        outcome = answer(school, turn, agreed, fallback=agreed is None)
        return outcome or clarify(school, turn)
    return answer(school, turn, turn.intent, fallback=False)


# -- which profession ------------------------------------------------------------------------------


def reply_names_job(job: str, text: str) -> bool:
    """Whether an answer cites a job (« consultant en stratégie » in « Consultant(e) en stratégie internationale »):
    written whole, or every word of five letters or more found in it."""
    if fold(job) in fold(text):
        return True
    said = {w for w in stems(fold(job)) if len(w) >= 5}
    return bool(said) and said <= stems(fold(text))


@dataclass(frozen=True)
class Choice:
    """The profession a message is about, whether it changed, and the memory to update; or, for a
    profession no fiche covers, the reply that says so."""
    profession: Profession
    switched: bool = False
    slots: Tuple[Tuple[str, Any], ...] = ()
    reply: Optional[Outcome] = None
    # « commercial export, c'est un des postes tremplins cités ? »: a job the school has no fiche on, asked
    # as one of the jobs this fiche lists: the list answers, saying the fiche does not cite it.
    not_listed: Optional[str] = None


def daily_work(school: School, q: Question) -> bool:
    """Whether a message says what the job mostly does, in a school whose fiches give missions."""
    return "missions" in school.fact_topics and q.cues.mostly


def paid_amount(school: School, q: Question) -> Optional[str]:
    """« 60k possible ? »: an amount of money (not a price: understanding.stated_amount), or a calculation on the pay
    figures (« le milieu de la fourchette ? »), asks the pay."""
    return "salaire" if (q.amount is not None or q.pay_sum is not None or pay_sums.figures_asked(q.folded)) \
        and "salaire" in school.fact_topics else None


THANKS_ALONE = 4  # « merci quand même », « ok merci beaucoup » : thanks and nothing else
TOPIC_ALONE = 4  # a fragment that names a topic and little else (« et les hard ? », « et après le bac ? »)
BELITTLED_WORDS = 12  # « donc ça sert à rien de le faire ou pas ? » right after a diploma: that diploma
BY_DIPLOMA = "salaire_diplome"  # the detail of knowledge/hors_fiche.yml: the pay by diploma
DESCRIBED_WORDS = 9  # a follow-up on what the last answer described (« c'est une étape de fin de parcours ? »)

def pay_factor_asked(school: School, q: Question, previous: Optional[str], profession: Optional[Profession]) -> bool:
    """« et la taille de l'entreprise ça joue ? » right after the pay: something the fiche says the pay varies with,
    asked whether it counts (not by how much: « ça change combien ? » asks an amount the fiche does not give)."""
    return previous == "salaire" and (q.cues.matters or q.asks_variation) and not q.cues.how_much and profession is not None \
        and school.replier.pay_factor_said(profession, q)


def diploma_described(school: School, q: Question, previous: Optional[str], profession: Optional[Profession]) -> bool:
    """« c'est plutôt pour être autonome ? » after the BTS, « c'est le niveau de référence ? » after the Bachelor: a short
    follow-up, naming no other diploma, with a word of what the fiche says of the diploma just answered."""
    # (« et l'alternance c possible ? » after the Mastère asks work-study, not whether the Mastère makes it possible)
    return previous in DIPLOMA_TOPICS and not q.diplomas and not q.named and set(q.topics_named) <= set(DIPLOMA_TOPICS) \
        and not unsaid_work_study(school, q, previous, profession) and q.word_count <= DESCRIBED_WORDS and profession is not None \
        and school.replier.describes_diploma(profession, previous, q, any_text=True)


def unsaid_work_study(school: School, q: Question, previous: Optional[str], profession: Optional[Profession]) -> bool:
    """« et l'alternance c possible ? » right after a diploma the fiche's work-study text does not name (the Mastère):
    work-study asked of it, which the fiche does not say (not the diploma's own answer). After one it names (the BTS),
    that diploma's answer says it."""
    return q.cues.work_study and not q.diplomas and not q.written_diplomas and previous in TRAINING_IDS \
        and profession is not None and work_study_gap(school, replace(q, diplomas=(previous,)), profession) is not None


CAVEAT_WORDS = 12  # « ça dépend de la boîte ou c'est toujours pareil ? »: short, right after a list


def list_caveat_asked(q: Question, previous: Optional[str]) -> bool:
    """« elles sont pareilles dans toutes les entreprises ? » right after a list: that list, with its caveat."""
    return q.asks_variation and previous in ITEM_TOPICS and not q.named and not q.topics_named \
        and q.word_count <= CAVEAT_WORDS


def which_profession(school: School, turn: Turn, current: Optional[Profession], intent: Optional[str]) -> Choice:
    """`current`: the profession in play, or None (a catalogue where none is yet): then a message that
    names none gets « which profession? » (Choice.reply), and Choice.profession is None only then."""
    q, previous = turn.question, turn.slots.get("sujet")
    other_pending = bool(turn.slots.get("autre_metier"))
    asked = intent if intent in school.fact_topics else previous
    ambiguous = q.named if len(q.named) > 1 else q.entity_named if not q.named and len(q.entity_named) > 1 else ()
    if not ambiguous and not q.named and not q.entity_named and len(q.heads) > 1:
        ambiguous = q.heads  # « combien gagne un technicien ? »: a head noun names none alone
    if ambiguous:
        # Several professions match the name equally well: ask which one, never guess.
        professions = [school.professions[pid] for pid in ambiguous]
        return Choice(current, reply=Outcome(school.replier.which_of(professions, asked), (("sujet", asked),)))
    named = school.profession(q.named[0]) if q.named else None
    pool = exploring.in_play(school, turn) or exploring.shown(school, turn)
    if named is None and q.ordinal is not None and pool and -len(pool) <= q.ordinal < len(pool):
        named = pool[q.ordinal]  # « le deuxième » of the professions just shown or compared
    if named is None and q.profession_entity and not (q.own_job and current is not None and asked in school.fact_topics):
        # (« je suis prof d'anglais : on accompagne des gens qui partent ? »: the student's own job is no question)
        named = school.profession(q.entity_named[0]) if q.entity_named else None
        if named is None and current is not None and intent in JOB_LIST_TOPICS and intent in school.fact_topics:
            return Choice(current, not_listed=q.profession_entity.strip())
        if named is None and school.is_other_profession(q.profession_entity, current) \
                and not (q.checks_identity and current is not None):
            # (« en gros c'est comme être prof d'anglais ? »: this job likened to another, its definition answers)
            reply = school.replier.other_profession(list(school.professions.values()), q.profession_entity)
            return Choice(current, reply=Outcome(reply, (("autre_metier", q.profession_entity.strip()),
                                                         ("sujet", asked))))
    if named is None and current is not None and not q.profession_entity and q.foreign and not q.becomes \
            and not (q.checks_identity or q.own_job) and not school.names.resolve(q.foreign) \
            and school.cited_job(current, q.foreign) is None:
        # « combien gagne un chargé de communication ? »: the head of this profession's name, with another complement
        reply = school.replier.other_profession(list(school.professions.values()), q.foreign)
        return Choice(current, reply=Outcome(reply, (("autre_metier", q.foreign), ("sujet", asked))))
    if named is None and current is not None and not q.profession_entity and q.becomes and intent in JOB_LIST_TOPICS \
            and intent in school.fact_topics and not stems(fold(q.becomes)) & school.replier.name_stems(current):
        # « on peut devenir ambassadeur ? » after the evolutions: a job the model did not read as one, said as a job
        # to become; the list says whether the fiche cites it
        return Choice(current, not_listed=q.becomes)
    if named is None and current is None:
        shown = exploring.shown(school, turn)
        if len(shown) >= 2:  # after a list or a search: which of those just shown
            reply = school.replier.which_of(shown[:MOST_SHOWN], asked if asked in school.fact_topics else None)
        else:
            reply = school.replier.which_profession(school.chosen_default, len(school.professions),
                                                    asked if asked in school.fact_topics else None)
        return Choice(None, reply=Outcome(reply, (("sujet", asked),)))
    slots: Tuple[Tuple[str, Any], ...] = ()
    profession, switched = current, False
    if named is not None:
        switched = current is None or named.id != current.id or other_pending
        profession, slots = named, (("metier_id", named.id),)
        if turn.slots.get(exploring.IN_PLAY):  # one of the two chosen: the comparison is over
            slots += ((exploring.IN_PLAY, None),)
    if other_pending:
        slots += (("autre_metier", None),)
    return Choice(profession, switched, slots)


# -- the topic (the rest: core/topic_reading.py; details the fiche does not give and compound messages: core/gaps.py)
def catalogue_settled(school: School, turn: Turn) -> bool:
    """An unsure catalogue intent that the message itself settles: a search that names an interest or
    a real filter (« un truc avec les langues »), or two professions named apart."""
    top = next((name for name, _ in turn.ranking if name != "nlu_fallback"), None)
    if top == exploring.SEARCH:
        asked = turn.question.request
        return asked.asks
    return top == exploring.COMPARE and len(turn.question.compared) >= 2


def checked_identity(school: School, turn: Turn) -> Optional[Outcome]:
    """« donc en fait c'est un genre de diplomate, c'est ça ? »: the student's idea of the job, to check
    against the fiche's definition (never a « oui »); None for any other message."""
    if not turn.question.checks_identity or "definition" not in school.fact_topics:
        return None
    if turn.kind not in (CLARIFY, OUT_OF_SCOPE, ANSWER) or turn.question.skill or turn.question.named:
        return None
    # the job the student likens it to (« c'est un commercial ? ») is no profession asked about
    likened = replace(turn.question, profession_entity=None, entity_named=())
    outcome = answer(school, replace(turn, intent="definition", question=likened), "definition", fallback=True)
    return replace(outcome, reply=school.replier.checked(outcome.reply)) if outcome else None


# -- the answer ------------------------------------------------------------------------------------
def answer(school: School, turn: Turn, intent: Optional[str], fallback: bool,
           absent_only: bool = False) -> Optional[Outcome]:
    """The reply for this intent; with fallback=True (the NLU was unsure), None when nothing in the
    message itself says what to answer; with absent_only=True (an out-of-scope message), None unless
    it asks a detail the fiche does not give."""
    q, replier, facts = turn.question, school.replier, school.fact_topics
    previous = turn.slots.get("sujet")
    whole = False  # the message is one question, whatever parts the classifier cut it into
    if q.retracted and len(instead := fact_topics_named(school, q)) == 1:
        intent = instead[0]  # « le salaire... non en fait les études »: what the student asks instead
    if previous == "salaire" and "salaire" in facts and intent != "salaire" and q.pay_sum is not None \
            and q.pay_sum.figures == pay_sums.CAREER_EXTREMES and not q.topics_named and not q.named:
        intent = "salaire"  # « donc en gros on peut doubler ? » right after the pay: from its lowest figure to its highest
    if intent == "alternance" and unsaid_work_study(school, q, previous, current_profession(school, turn)) \
            and q.word_count <= SHORT_FOLLOW_UP:
        # « et l'alternance c possible ? » after the Mastère: whether the Mastère is done in work-study, which the fiche
        # does not say
        q = replace(q, diplomas=(previous,))
        turn = replace(turn, question=q)
    if previous == "alternance" and "alternance" in facts and q.fragment and (q.diplomas or q.written_diplomas) \
            and not set(q.topics_named) - set(DIPLOMA_TOPICS) - {"alternance"} and not q.named \
            and q.word_count <= SHORT_FOLLOW_UP:
        # (« et le bachelor prépare à quoi comme postes ? » asks more than work-study)
        # « et le Mastère ? » after « le BTS on peut le faire en alternance ? »: work-study again, of that diploma
        q = replace(q, cues=replace(q.cues, work_study=True))
        turn, intent = replace(turn, question=q), "alternance"
    if intent == "faq" and not q.cues.faq and previous != "faq":
        # « combien de missions la fiche liste-t-elle ? » read as the FAQ: only a message that names it (or follows
        # its answer) asks it
        intent = next((name for name, _ in turn.ranking if name in facts and name != "faq"), None)
        fallback = True
    if q.amount is not None and intent in facts and intent != "salaire" and "salaire" in facts \
            and (len(q.parts) < 2 or q.experience in pay_sums.PAY_LEVELS):
        # « un débutant commence à 45 000 € ? »: an amount of money (not a price: stated_amount) asks the pay,
        # whatever topic another word suggests (« commence »: the stepping-stone jobs), a level of pay said beside it
        # whatever parts the classifier cut (« mon cousin dit qu'un débutant commence à 40k, tu confirmes ? »).
        intent = "salaire"
    elif q.among and len(listed := [t for t in q.topics_named if t in ITEM_TOPICS and t in facts]) == 1:
        # « parmi : veille, recrutement, comptabilité, lesquelles ne sont pas des missions ? »: the list it names, one
        # question whatever parts the classifier cut
        intent, whole = listed[0], True
    elif q.pay_sum is None and q.pay_piece is not None and previous == "salaire" and "salaire" in facts and not q.named \
            and (calculated := pay_sums.recalled(turn.slots.get(ITEM))) \
            and (followed := pay_sums.continued(calculated, q.pay_piece)):
        # « et pour un confirmé ? » after the middle of the beginner's range: the same calculation on that level
        intent, whole, q = "salaire", True, replace(q, pay_sum=followed)
    elif q.pay_sum is not None and "salaire" in facts:
        # « l'écart entre le max débutant et le min confirmé ? », « 3 000 € par mois, ça fait combien par an ? »: a
        # calculation on the pay figures, one question whatever parts the classifier cut; unless a part names another
        # topic by its own words (« cb on gagne par semaine en début et c quoi les outils ? »): each part answered
        intent = "salaire"
        whole = not any(p.intent in facts and p.intent != "salaire" and p.intent in p.question.topics_named
                        and p.question.pay_sum is None for p in q.parts)
    elif previous == "hard_skills" and intent == "salaire" and q.cues.how_much and not q.about_pay \
            and q.experience is None and q.years is None and "hard_skills" in facts \
            and (shown := current_profession(school, turn)) and replier.names_an_item(shown, "hard_skills", q):
        # « la rédac c combien ? » after the skills: that skill's score, not the pay
        intent = "hard_skills"
    elif (element := turn.slots.get(ITEM)) and PAIR in element and previous == "hard_skills" and q.gap == "named" \
            and not q.named and set(q.topics_named) <= {previous} and "hard_skills" in facts \
            and q.word_count <= SHORT_RANK and (shown := current_profession(school, turn)) \
            and not replier.names_an_item(shown, previous, q):
        # « écart de combien ? » right after two skills compared: the gap between those two
        intent = previous
        q = replace(q, stems=frozenset().union(*(stems(fold(name)) for name in element.split(PAIR))), gap="named",
                    joins=True, ordinal=None)
    elif (element := turn.slots.get(ITEM)) and previous == "hard_skills" and q.gap == "named" and q.ordinal is not None \
            and q.word_count <= SHORT_RANK and not q.named and set(q.topics_named) <= {previous} \
            and "hard_skills" in facts and (shown := current_profession(school, turn)) \
            and (at := by_rank(q, len(shown.hard_skills.competences))) is not None:
        # « combien de points d'écart avec la première ? » right after one skill: that skill and the one at that rank
        intent = previous
        q = replace(q, stems=stems(fold(element)) | stems(fold(by_score(shown)[at].nom)), gap="named", joins=True,
                    ordinal=None)
    elif (element := turn.slots.get(ITEM)) and previous == "hard_skills" and intent in (previous, "relance") \
            and (q.cues.compares and q.cues.it_first or q.gap == "named") and q.word_count <= COMPARED_WORDS \
            and not q.named and set(q.topics_named) <= {previous} \
            and (shown := current_profession(school, turn)) and replier.names_an_item(shown, previous, q) \
            and len(replier.skills_named(shown, q)) < 2:
        # « elle est mieux notée que la rédaction ? », « c'est combien de points de plus que la rédaction ? » right after
        # one skill: that skill and the one named, compared by their scores (« et langues - risques, combien d'écart ? »
        # names both)
        q = replace(q, stems=q.stems | stems(fold(element)), joins=True)
    elif previous == "hard_skills" and intent != previous and "hard_skills" in facts and not q.about_pay \
            and q.experience is None and q.years is None and q.amount is None and not q.named \
            and set(q.topics_named) <= {previous} and (q.average or q.summed or q.gap or q.superlative
                                                       and q.ordinal is not None):
        # « moyenne des 6 ? », « écart entre la meilleure et la pire », « et la 2e meilleure ? » after the skills: on
        # their scores, not the pay
        intent = "hard_skills"
    elif q.premise in DOUBTED and q.skill and intent in facts and "hard_skills" in facts:
        # « avec les outils de traduction, plus besoin de maîtriser les langues ? »: the premise is about a skill
        # the fiche scores (« Non : » and its score), whatever topic the rest of the message suggests.
        intent = "hard_skills"
    elif intent != "diplome" and "diplome" in facts and (q.asks_variation or q.asks_exhaustive) \
            and q.cues.studies and not q.cues.continuing:
        # « les intitulés des formations sont les mêmes partout ? », « ce sont les seules formations ? »: what the
        # fiche says of its diplomas as a whole (its remark on them first), not continuing education; « c'est les
        # seules possibles » is no question of its own.
        intent, whole = "diplome", True
    elif q.ordinal is not None and previous in JOB_LIST_TOPICS and previous in facts and intent != previous \
            and not q.named and not q.about_pay and set(q.topics_named) <= {"missions", "definition"} \
            and q.word_count <= SHORT_RANK:
        # « le premier ça consiste en quoi au quotidien ? » after the evolutions: that job, not the first mission
        # (« au quotidien » names no topic here)
        intent, q = previous, replace(q, topics_named=())
    elif previous in TRAINING_IDS and previous in facts and q.fragment and q.cues.goes_on and not q.topics_named \
            and not q.diplomas and not q.named \
            and (following := _next_training(school, current_profession(school, turn), previous)):
        # « et si je continue encore ? » after the Bachelor: the fiche's next diploma up (the Mastère)
        intent = following
    elif previous in TRAINING_IDS and previous in facts and intent != previous and not q.topics_named \
            and not q.diplomas and not q.named and not q.skill and not q.skills \
            and not unsaid_work_study(school, q, previous, current_profession(school, turn)) \
            and (q.cues.gives or q.fragment and (q.asks_necessity or q.asks_sufficiency)
                 # « donc ça sert à rien de le faire ou pas ? »: that diploma, belittled
                 or q.premise == "secondaire" and q.word_count <= BELITTLED_WORDS):
        # (« et l'alternance c possible ? » after the Mastère asks work-study the fiche does not say of it)
        # « il prépare à quoi alors lui ? », « et c'est obligé ? », « et ça apporte quoi de le faire ? » after a diploma:
        # that diploma
        intent = previous
    elif intent == "formation_continue" and q.cues.initial_studies \
            and (q.cues.work_study and "alternance" in facts or "diplome" in facts):
        # « quelles formations la fiche recommande ? », « on peut faire ces formations en école + entreprise ? »,
        # « faut que je continue après ? » after the BTS: the studies that lead to the job (or their work-study), not
        # the training of one who has it
        intent = "alternance" if q.cues.work_study and "alternance" in facts else "diplome"
    elif intent in ("experiences", "evolutions") and "salaire" in facts and (q.experience or q.years is not None) and (
            q.about_pay or q.fragment and previous == "salaire"):
        # « j'ai 2 ans d'expérience, je suis dans quelle tranche ? », « and after 5+ years? » after the pay: a level
        # of experience asked of the pay, not the jobs that prepare for this one nor those that follow it
        intent = "salaire"
    elif intent in LISTED_TOPICS and previous in LISTED_TOPICS and previous in facts \
            and intent != previous and q.superlative and not q.skill and not q.topics_named:
        # « la plus importante c'est laquelle ? » after the qualities, « laquelle est la plus chiante ? » after the
        # constraints: within that list, not the technical skills
        intent = previous
    elif intent not in ("evolutions", "formation_continue") and "evolutions" in facts and q.cues.to_progress \
            and not q.diplomas and not q.cues.studies and not q.cues.training and not q.about_pay:
        # « qu'est-ce qu'il faut pour évoluer ? »: what the fiche says the evolutions demand, not the diplomas
        intent = "evolutions"
    elif q.cues.best_fit and "diplome" in facts and not q.named and not q.skills \
            and (q.cues.studies and set(q.topics_named) <= set(DIPLOMA_TOPICS) or len(set(q.diplomas)) > 1
                 or previous in DIPLOMA_TOPICS and not q.topics_named and not q.diplomas):
        # « lequel des 3 diplômes est le plus adapté ? », « le quel est le plus adapté pour commencer ? » after the
        # diplomas, « bts ou bachelor, lequel est la référence ? »: the fiche's reference path, not the quality
        # « adaptabilité » whose stem « adapté » shares, nor the first diploma named
        intent, q = "diplome", replace(q, diploma=None)
    elif intent == "hard_skills" and q.score_asked and "soft_skills" in q.topics_named and "soft_skills" in facts \
            and not q.skill and not q.skills and not q.named:
        # « les soft skills elles ont des notes comme les hard skills ? »: the qualities, which the fiche does not score
        intent = "soft_skills"
    elif intent in ("soft_skills", "hard_skills") and "contraintes" in facts and q.cues.facing:
        # « quelles qualités pour faire face aux difficultés du poste ? »: what the fiche says the constraints demand
        intent = "contraintes"
    elif (element := turn.slots.get(ITEM)) and q.cues.on_it and previous in facts and not q.named \
            and set(q.topics_named) <= {previous} and not q.about_pay and not q.refers_back and not q.cues.to_progress \
            and (shown := current_profession(school, turn)) and not replier.names_an_item(shown, previous, q):
        # « elle sert à quoi ? », « et sa note ? » right after an answer about one item of a list: that item, explained
        # (what it is for, its score, its key words), never a bare « Oui »
        intent, q = previous, replace(q, stems=stems(fold(element)), fiche_stems=frozenset(), asks_open=True)
    elif previous in JOB_LIST_TOPICS and previous in facts and intent != previous and not q.about_pay and not q.named \
            and (shown := current_profession(school, turn)) and (replier.naming_words(shown, previous, q) or (
                not q.topics_named and replier.described_item(shown, previous, q) >= DESCRIBED)):
        # « celui qui touche au droit, il apporte quoi ? » after the stepping stones: the one the message names by a word
        # of its name (or, naming no topic, by two of its text), not the topic another word suggests
        intent = previous
    elif q.cues.which_one and previous in ITEM_TOPICS and previous in facts and intent != previous and not q.named \
            and not q.topics_named and (shown := current_profession(school, turn)) \
            and replier.described_item(shown, previous, q) >= 1:
        # « celle qui sert pour les imprévus c laquelle ? » after the qualities: the one a word of its text says,
        # whatever topic another word suggests
        intent = previous
    elif previous in JOB_LIST_TOPICS and previous in facts and intent != previous and (q.superlative or q.ranked) \
            and not q.topics_named and not q.named and not q.about_pay and not q.score_asked:
        # (« l'écart entre le plus haut et le plus bas score ? »: the skills, the one list the fiche scores)
        # « dans l'absolu la fiche dit laquelle est la plus utile des trois ? » after the stepping stones: among them
        intent = previous
    elif q.cues.in_it and previous in ITEM_TOPICS and previous in facts and intent != previous and not q.topics_named \
            and not q.about_pay:
        # « la patience, elle y est ? » after the qualities: whether it is in that list
        intent = previous
    elif (q.threshold or q.average or q.summed or q.gap) and previous == "hard_skills" and intent != previous \
            and previous in facts and not q.about_pay:
        # « et combien sont en dessous de 90 ? », « la moyenne de ces scores ? » after the skills: their scores
        intent = previous
    elif previous in ITEM_TOPICS and previous in facts and q.cues.quantity_of_it and not q.about_pay and not q.skill \
            and q.counted is None and q.threshold is None:
        # « y en a combien en tout ? » after the missions: how many the list holds, not the pay
        intent, q = previous, replace(q, counted=previous)
    elif q.cues.saying and "salaire" in facts and (intent != "salaire" or q.parts):
        # « il paraît qu'il y a une citation dans la fiche, c'est laquelle ? »: the saying a fiche writes is beside
        # its pay figures (salaire.citation), one question whatever parts the classifier cut
        intent, whole = "salaire", True
    elif intent == "salaire" and not q.about_pay and q.amount is None and counted_topic(school, q):
        # « y en a combien en tout des missions dans la fiche ? »: how many items a list holds, never the pay
        intent = counted_topic(school, q)
    elif intent not in JOB_LIST_TOPICS and "experiences" in facts and q.topics_named == ("experiences",):
        # « commercial export fait partie des métiers tremplins ? », « combien de tremplins ? »: the stepping stones
        intent = "experiences"
    elif intent == "definition" and q.cues.about_it and previous in facts and previous != "definition" and not q.named:
        # « et ça désigne un métier précis ? » after the RNCP: that topic, not what the job is
        intent = previous
    elif intent == "definition" and q.diplomas and (q.asks_sufficiency or q.cues.can_practise) \
            and not q.checks_identity \
            and diploma_topic(replace(q, topic="diplome")).topic in facts:
        # « mon fils prépare un BTS : pourra-t-il exercer le métier dès son diplôme ? »: whether that diploma is
        # enough, not what the job is
        intent = "diplome"
    elif intent == "salaire" and "hard_skills" in facts and (q.score_asked or q.skill and not q.about_pay
                                                             and q.amount is None):
        # « elle est notée combien ? », « gestion de projet : combien ? »: « combien » with a score word or a skill
        # the fiche scores, and no word of pay, asks a skill's score, never the pay.
        intent = "hard_skills"

    current = current_profession(school, turn)
    ranked_job = intent in JOB_LIST_TOPICS and q.ordinal is not None  # « le premier … ? » of the jobs a list cites
    if current is not None and not q.skills and len(q.parts) < 2 and not ranked_job \
            and (intent in ITEM_TOPICS or intent in facts and unsure(turn, intent)):
        # « avec qui travaille-t-on dans la coopération institutionnelle ? » read, unsure, as the evolutions
        intent = titled_topic(school, current, q, intent) or intent
    if current is not None and not q.skills and len(q.parts) < 2 and intent in DESCRIBED_TOPICS and not ranked_job:
        # « c'est quoi la compétence qui consiste à comprendre les attentes des partenaires ? »: the quality so described
        intent = described_topic(school, current, q, intent, previous) or intent
    stone = own_stepping_stone(school, current, q)
    if stone:
        # « je suis assistante juridique depuis six ans : c'est un bon tremplin ? »: the student's own job is one the
        # fiche cites as preparing for this one; what the fiche says of it, not a reconversion it does not describe
        intent = "experiences"
    probe = current or (school.profession(q.named[0]) if len(q.named) == 1 else None)
    computed = intent == "salaire" and q.pay_sum is not None  # a calculation on the fiche's figures is no detail it lacks
    detail = absent_detail(school, q, probe, intent, previous) if probe and not stone and not computed else None
    said = school.detail(turn.slots.get(ABSENT))  # what the last reply said the fiche does not give
    if detail is None and probe is not None and said and not computed:
        # right after it, the conversation is the context a price or a place alone needs (« quelle école ? »
        # then « et elle coûte combien ? »), and a quantity asked of it is still not given (« elles
        # représentent combien ? »)
        # (« lesquelles ? » right after « la fiche ne précise pas quelles langues »: still not given)
        # (« 2) les études tu peux redire ? »: another topic named is asked again, not the detail)
        detail = school.absent_detail(q, probe) or (said if asks_quantity_of_it(q) or q.cues.which_ones
                                                    or q.cues.again and not set(q.topics_named) - {previous}
                                                    else None)
    if absent_only and not detail:
        return None
    if current is None and fallback and intent not in facts and not (q.named or q.entity_named or q.heads):
        return None  # nothing says which topic nor which profession: the clarification asks
    choice = which_profession(school, turn, current, intent)
    if choice.reply:
        return choice.reply
    profession, slots = choice.profession, choice.slots
    before, current = current, current or profession

    def done(reply: Reply, changes: Tuple[Tuple[str, Any], ...] = ()) -> Outcome:
        """The outcome about `profession`: « Pour le métier de … » first when the conversation moves
        to another profession than before, and the paths to other fiches of the catalogue."""
        topic = dict(changes).get("sujet")
        reply = Reply(reply.text, exploring.with_paths(school, profession, topic, reply.buttons))
        if before is None or profession.id != before.id:
            reply = replier.switched(profession, reply)
        return Outcome(reply, slots + changes, profession)

    lists = [t for t in q.topics_named if t in ITEM_TOPICS and t in facts and t != previous] if q.cues.for_it else []
    lists = [intent] if intent in lists else lists  # (« quelle hard skill il utilise pour ça ? »: not the tools)
    if not lists and q.cues.with_what and previous in ITEM_TOPICS and previous != "outils" and "outils" in facts \
            and set(q.topics_named) <= {previous}:
        # « et avec quoi on la fait, la veille ? » after the watch mission: its tools (« avec quoi » names them)
        lists, q = ["outils"], replace(q, topics_named=q.topics_named + ("outils",))
    if lists and previous in ITEM_TOPICS and (item := turn.slots.get(ITEM)) and not q.named and len(lists) == 1:
        # « ya des outils pour ça ? » after the watch mission, « quelle hard skill pour ça ? » after the reporting: the
        # item of that list the words of the thing just answered name
        q = replace(q, stems=stems(fold(item)), fiche_stems=frozenset(), refers_back=False, recalls=False,
                    cues=replace(q.cues, belongs=False))
        turn, intent = replace(turn, question=q), lists[0]
    asked = diploma_topic(replace(q, topic=intent)) if intent in facts else replace(q, topic=intent)

    work_study = None if detail else work_study_gap(school, q, profession)
    if work_study:
        # « le master se fait en alternance ? »: the fiche does not say it of that diploma; its work-study
        # text is the closest thing it says (not the diploma's own answer, nor each part on its own).
        near = closest(work_study, None, q)
        return done(replier.absent(profession, work_study, near), (("sujet", "alternance"), ("incompris", 0.0)))
    follows_diploma = previous in DIPLOMA_TOPICS and previous in facts and not q.written_diplomas and not q.diplomas
    if (q.premise == "garanti" or q.guaranteed and follows_diploma) and not detail:
        # « avec un master j'ai forcément un poste, c'est garanti ? », « et avec ça c'est garanti ? » after a diploma:
        # « Non » and what it takes, then the diploma.
        named = [d for d in (q.diplomas or q.written_diplomas) if d in facts] or [previous]
        question = diploma_topic(replace(q, topic=named[0] if len(named) == 1 else "diplome"))
        return done(replier.guarantee(profession, question), (("sujet", question.topic), ("incompris", 0.0)))
    if q.levels is not None and not detail and not stone and "salaire" in facts:
        # « débutant, ça veut dire combien d'années ? », « bac+5 donc payé comme un confirmé ? »: the fiche's
        # levels (years of experience), whatever topic the diploma or the years in the words suggest.
        question = replace(q, topic="salaire")
        # « c quoi les évolutions possibles et faut combien d'années pour être confirmé ? »: a topic of another kind
        # asked beside the levels is answered too, first as asked
        beside = [t for t in q.topics_named if t in facts and t not in ("salaire", "definition")
                  and t not in DIPLOMA_TOPICS]
        if len(beside) == 1:
            other = replace(q, topic=beside[0], levels=None, experience=None, years=None)
            return done(replier.answer_parts(profession, [(None, other), (None, question)], COUNTED_TOPICS),
                        (("sujet", "salaire"), ("incompris", 0.0)))
        return done(replier.answer(profession, question), (("sujet", "salaire"), ("incompris", 0.0)))

    # Several topics in one message: each part answered, in the order asked (a part asking a
    # detail the fiche does not give gets « La fiche ne précise pas … »).
    # « avec les outils de traduction, plus besoin de maîtriser les langues ? », « la diplomatie, c'est pour les
    # ambassadeurs, pas pour ce métier, si ? » are one premise about an item, whatever parts the classifier cut.
    items = compound_parts(school, q, profession) \
        if not (q.premise == "niee" or q.premise == "secondaire" and q.skill or whole) else []
    if detail and all(part_detail is None for part_detail, _ in items):
        # « en alternance, on est payé combien ? »: the whole message asks what the fiche does not give (the
        # work-study pay), which no part says alone; answering each part would give the salary in its place.
        items = []
    if len(items) >= 2:
        last = items[-1][1]
        return done(replier.answer_parts(profession, items, COUNTED_TOPICS),
                    (("sujet", last.topic if last else previous), ("incompris", 0.0)))

    # A detail the fiche does not give: say so, never answer another topic in its place.
    if profession.id != current.id:  # the message named another profession: its own fiche decides
        detail = absent_detail(school, q, profession, intent)
    # « quand on passe coordinateur de projets européens après avoir été <ce métier>, on gagne combien ? »: naming the
    # profession in play does not stop a job its fiche only cites from being asked
    cited = school.cited_job(profession, q.folded, bare_head=q.about_pay) if intent in facts and set(q.named) <= {profession.id} \
        else None
    if cited and (intent not in ("evolutions", "experiences") or q.about_pay and q.experience is None and q.years is None
                  # « coordinateur de projets européens, ça demande quoi comme diplôme ? »: another topic of that job
                  or set(q.topics_named) & set(school.fact_topics) - set(JOB_LIST_TOPICS) - {"definition"}
                  and not q.cues.own_past):
        # « combien gagne un consultant en stratégie ? » when the fiche only cites that job as an evolution (or
        # « ça paye combien comme assistant de direction ? » read as the stepping stones): its salary is not this
        # profession's; say the fiche does not describe it, then what it says of it.
        name, kind = cited
        detail = AbsentDetail(f"metier_cite:{kind}", replier.cited_label(name, kind), kind, None)
    if detail is None and previous in JOB_LIST_TOPICS and q.about_pay and not q.named and not choice.switched \
            and (job := turn.slots.get(ITEM)) and (q.cues.it_first or q.cues.of_it or q.cues.about_it) \
            and q.experience is None and q.years is None and q.pay_sum is None:
        # « il est payé combien ? », « il gagne combien lui ? », « ça paye combien ça ? » right after one job the fiche
        # cites: that job's pay, which the fiche does not give; never this profession's salary in its place
        detail = AbsentDetail(f"metier_cite:{previous}", replier.cited_label(job, previous), previous, None)
    if detail is None and previous in JOB_LIST_TOPICS and q.about_pay and not q.named and not choice.switched \
            and (q.cues.those_jobs or q.cues.which_one and (q.superlative or q.cues.better)
                 or q.cues.it_follows and q.word_count <= SHORT_FOLLOW_UP and not q.cues.this_job) \
            and q.experience is None and q.years is None:
        # « et ils paient combien, ces postes ? », « et ça paye ? » after the stepping stones or the evolutions: the
        # fiche gives no pay for the jobs it only cites; never this profession's salary in their place.
        detail = AbsentDetail(f"salaire_cites:{previous}", replier.cited_pay_label(previous), previous, None)
    if detail is None and previous in TRAINING_IDS and q.about_pay and not q.named and not choice.switched \
            and q.word_count <= SHORT_FOLLOW_UP and q.experience is None and q.years is None \
            and q.pay_sum is None and q.amount is None and set(q.topics_named) <= {"salaire"}:
        # « c'est le même salaire ? », « et ça paye combien ? » right after a diploma: the pay by diploma, which the fiche
        # does not give (its figures are by experience); never this profession's pay as if it were that diploma's
        detail = school.detail(BY_DIPLOMA)
    if detail is None and q.score_asked and "soft_skills" in facts and replier.skill_asked(profession, q) is None \
            and not replier.skills_named(profession, q) and replier.names_an_item(profession, "soft_skills", q):
        # « quel score a la diplomatie ? »: the fiche scores its technical skills only, never a quality.
        detail = AbsentDetail("score_qualite", replier.score_quality_label(), "soft_skills", None)
    monthly_again = False
    if detail is None and previous == "salaire" and q.fragment and q.experience and q.amount is None \
            and q.pay_sum is None and not q.named and not choice.switched \
            and (monthly := school.detail(turn.slots.get(ABSENT))) is not None and monthly.monthly:
        # « et pour un confirmé ? » right after the pay by the month (a detail the fiche lacks, with its figures divided
        # by 12): the same, for that level
        detail, monthly_again = monthly, True
    if detail:
        # (« ok et ça c'est pareil dans toute la France ? » after the pay, read as the RNCP: « ça » is the pay)
        followed = previous in facts and q.cues.it_follows and not q.topics_named and not q.named
        near = closest(detail, asked.topic if intent in facts and not followed else (previous if previous in facts else None),
                       q)
        # (« et par mois en moyenne ? » after a confirmed's pay: still the confirmed's, for « par semaine ? » next)
        kept = (_pay_kept(turn, q) or (turn.slots.get(ITEM) if _kept_pay(turn) is not None else None)) \
            if near is not None and near.topic == "salaire" else None
        return done(replier.absent(profession, detail, near, monthly_again),
                    (("sujet", near.topic if near else previous), ("incompris", 0.0), (ABSENT, detail.id))
                    + (((ITEM, kept),) if kept else ()))

    if previous == "evolutions" and intent in ("salaire", "relance") and q.fragment and q.years is not None \
            and not q.about_pay and not q.experience and "evolutions" in facts and not choice.switched:
        # « et au bout de 10 ans ? » after the evolutions: where one gets after those years, not the pay.
        question = replace(asked, topic="evolutions")
    elif intent != "salaire" and "salaire" in facts and not q.named and not choice.switched \
            and pay_factor_asked(school, q, previous, profession):
        # (« ça change combien exactement ? » asks an amount the fiche does not give)
        # « et la taille de l'entreprise ça joue ? » after the pay: the pay, with what the fiche says it varies with
        question = replace(asked, topic="salaire")
    elif previous == "salaire" and q.cues.whence and "salaire" in facts and not q.named and not choice.switched \
            and not set(q.topics_named) - {"salaire"}:
        # « ça vient d'où ce chiffre ? » after the pay: the pay again, with its source (or its calculation, said so)
        question = replace(asked, topic="salaire")
    elif previous == "salaire" and q.cues.how_long and "salaire" in facts and not q.named and not choice.switched \
            and not set(q.topics_named) - {"salaire"} and q.levels is None:
        # « au bout de cb de temps ? » after the pay: the years of experience of each level the fiche gives
        question = replace(asked, topic="salaire", levels=LevelsAsk(None, None, None))
    elif intent == "evolutions" and q.about_pay and pay_sums.bound_in(q.folded) and "salaire" in facts and not cited \
            and not q.named and not set(q.topics_named) - {"salaire"}:
        # « le max qu'on peut toucher dans ce métier c'est combien ? »: the top of the pay, not the way up
        question = replace(asked, topic="salaire")
    elif previous == "salaire" and q.cues.up_to and "salaire" in facts and not q.named and not choice.switched \
            and not set(q.topics_named) - {"salaire"}:
        # « et il peut monter jusqu'à ? » after the pay: how high the pay goes, not the evolutions
        question = replace(asked, topic="salaire")
    elif q.asks_sufficiency and not q.diplomas and previous in DIPLOMA_TOPICS and intent not in DIPLOMA_TOPICS \
            and not choice.switched and (q.fragment or q.word_count <= 9) \
            and not unsaid_work_study(school, q, previous, profession):
        # « ça suffit pour commencer ? » after a diploma: whether that diploma is enough.
        question = replace(asked, topic=previous)
    elif intent != previous and not choice.switched and diploma_described(school, q, previous, profession):
        # « c'est plutôt pour être autonome ? » after the BTS: what the fiche says of the BTS in general; « c'est le
        # niveau de référence ? » after the Bachelor, « dans quel cas serait-il pertinent ? » after the Mastère: that one
        question = replace(asked, topic=previous)
    elif q.cues.where_learnt and previous in ITEM_TOPICS + ("definition",) and "diplome" in facts and not q.named \
            and not set(q.topics_named) - {previous} and not choice.switched:
        # « ça s'apprend où tout ça ? » after the skills: the studies the fiche gives for the job
        question = replace(asked, topic="diplome")
    elif intent != previous and not choice.switched and list_caveat_asked(q, previous):
        # « elles sont pareilles dans toutes les entreprises ? » after the missions: that list, with its caveat
        question = replace(asked, topic=previous)
    elif q.refers_back and previous in facts and not choice.switched and not q.situation and not q.diplomas \
            and not ((q.cues.by_the_way or previous == "salaire") and set(q.topics_named) - {previous}) \
            and not (intent in set(q.topics_named) - {previous} and school.named_apart(profession, q, intent, previous)):
        # (« au fait, les études pour y arriver c'est quoi ? »: by the way, another topic; « et faut quel diplôme pour
        # ça ? » after the pay: the pay says what it varies with, never which studies lead to the job; « tu me conseilles
        # quoi comme études pour y arriver ? » after the evolutions: the topic the model reads and the message names by a
        # word the evolutions do not say; « il faut refaire une formation pour ça ? », whose « formation » they say, is
        # still theirs)
        # « et pour y arriver, il faut quoi ? » after the evolutions: the previous answer's topic (its
        # conditions are in it), not another topic its words may suggest.
        question = replace(asked, topic=previous)
    elif intent not in ITEM_TOPICS and not choice.switched and (ranked := ranked_topic(school, q, previous)):
        # « développe la quatrième » after the missions, « la dernière mission citée ? »: that item of that list
        question = replace(asked, topic=ranked)
    elif intent == "definition" and not q.named and not choice.switched and not q.checks_identity \
            and (item := item_asked(school, profession, q, previous, tie="missions")):
        # « et la veille, ça consiste en quoi ? » after the missions: that mission, not what the job is (a word
        # a mission and a tool share is the mission's: what the job does); « l'analyse des risques c'est quoi ? »:
        # that skill.
        question = replace(asked, topic=item)
    elif intent in ITEM_TOPICS and previous in ITEM_TOPICS and intent != previous and previous in facts \
            and not choice.switched and not q.named and not set(q.topics_named) - {previous} and not q.skills \
            and replier.names_an_item(profession, previous, q) and not replier.titled_items(profession, intent, q) \
            and (not replier.names_an_item(profession, intent, q) or replier.titled_items(profession, previous, q)
                 or q.word_count <= DESCRIBED_WORDS):
        # « j'aime pas trop parler en public, c'est grave ? » after the qualities, read as the skills: the list one item
        # of which it names (« parler en public » is said « communication »), the one just answered
        question = replace(asked, topic=previous)
    elif intent in facts and not (choice.switched and previous in facts and q.fragment):
        question = asked
    else:
        topic = follow_up_topic(asked)
        if topic is None and q.fragment and not q.named \
                and (len(re.findall(r"\w+", q.folded)) <= TOPIC_ALONE or q.cues.by_the_way) \
                and q.amount is None and len(topics := fact_topics_named(school, q)) == 1:
            # « et les hard ? » after the qualities: the topic the fragment names (sujets.yml « nomme_par ») and
            # little else (« et 45k c'est quel niveau ? » asks no diploma)
            topic = topics[0]
        if topic is None and previous == "salaire" and q.fragment and not choice.switched and pay_sums.bound_in(q.folded):
            # « et au maximum ? » after the pay of one level: that level's range (the bound asked is kept)
            topic = previous
        if topic is None and previous in facts and q.fragment and not choice.switched \
                and (replier.names_an_item(profession, previous, q) or q.superlative or q.ranked):
            # « et la veille, c'est quoi ? » after the missions: that mission; « et laquelle a la meilleure
            # note ? » after the skills: their ranking.
            topic = previous
        if topic is None and previous in facts and not choice.switched and not q.topics_named:
            # « et la mobilité internationale, c'est pour qui ? » after the tools: the one list an item of which it
            # names by its title
            titled = [t for t in ITEM_TOPICS if t in facts and (replier.titled_items(profession, t, q)
                                                                  or replier.title_phrase_said(profession, t, q))]
            if not titled and q.fiche_stems:
                # « et pour les imprévus ? »: the one list an item of which the fiche's own word for it names
                # (reformulations.yml: « imprévus » is said « problèmes »)
                reworded = replace(q, stems=frozenset(q.fiche_stems), fiche_stems=frozenset())
                titled = [t for t in ITEM_TOPICS if t in facts and replier.names_an_item(profession, t, reworded)]
            topic = titled[0] if len(titled) == 1 else None
        if topic is None and previous in facts and (choice.switched or not fallback):
            if not choice.switched:
                # "et en Suisse ?": the fiche has nothing more on the previous topic.
                return done(replier.not_specified(profession, previous))
            topic = previous  # "et pour le chargé de mission ?" continues the topic
        if topic is None:
            return None if fallback else Outcome(replier.clarify([], 0), slots, profession)
        question = replace(asked, topic=topic)
    # « quelles qualités pour faire face aux difficultés ? »: the constraints' answer says what they demand
    # a calculation on the pay figures answers what it asks (« quel pourcentage d'augmentation ? »), the first items of a
    # list are what « donne juste les 2 premières » asks
    lacking = None if question.topic == "contraintes" and q.cues.facing or question.topic == "salaire" and computed \
        or q.first_count and question.topic in ITEM_TOPICS else school.uncovered(question, profession)
    holding = school.text_holding(profession, lacking, question.folded) if lacking else None
    if holding and holding != question.topic:
        # « selon quels référentiels les formations sont-elles retenues ? » read as continuing education: the one
        # topic whose fiche text says it (the RNCP titles)
        question = replace(question, topic=holding)
        lacking = school.uncovered(question, profession)
    named = school.topic_named(lacking.key) if lacking and question.topic == turn.intent else None
    if named and named != question.topic:
        # « je prépare une grille pour mes élèves de BTS : quelles soft skills sont citées ? » read as the BTS: what
        # it asks for is the name of another topic, that topic answers (not when a reading of the message chose the
        # topic: « quelles qualités pour faire face aux difficultés ? » asks what the constraints demand)
        question = diploma_topic(replace(question, topic=named))
        lacking = school.uncovered(question, profession)
    missing = asked_detail(school, lacking) if lacking else None
    if missing:
        # The message asks for something this answer does not hold: say so, then the answer as the
        # closest thing the fiche says, never as if it were the answer.
        kept = _pay_kept(turn, q) if question.topic == "salaire" else None  # (« … ça fait combien par mois ? »)
        return done(replier.absent(profession, missing, question), (("sujet", question.topic), ("incompris", 0.0))
                    + (((ITEM, kept),) if kept else ()))
    if q.counted and question.topic in COUNTED_TOPICS:
        # « il n'y a que trois soft skills : X, Y et Z ? »: the count, then the whole list, not the three named
        question = whole_list(question)
    if q.among and question.topic in ITEM_TOPICS:
        # « parmi leadership, diplomatie et curiosité, laquelle n'est pas dans les soft skills ? »: those the list
        # lacks, then the list
        among = replier.not_among(profession, question.topic, q.among,
                                  replier.answer(profession, replace(whole_list(question), superlative=None)))
        if among:
            return done(among, (("sujet", question.topic), ("incompris", 0.0)))
    reply = replier.answer(profession, question)
    if not_cited(school, profession, question):
        # (« Non : » would be read as agreeing with « il ne fait pas de recrutement, si ? »)
        reply = replier.not_cited(question.topic, reply, q.cues.in_list and q.premise != "niee")
    if q.counted and question.topic in COUNTED_TOPICS and not q.threshold:
        # « combien de missions la fiche cite-t-elle ? »: how many, then the list
        reply = replier.counted(profession, question.topic, reply)
    if stone and question.topic == "experiences" and profession.id == current.id:
        # « je suis assistante juridique : mon profil a un intérêt ? »: yes, the fiche cites that experience
        reply = replier.own_experience(profession, stone, reply)
    if q.first_count and question.topic in ITEM_TOPICS and q.ordinal is None:
        # « cite les 3 premières » after the missions: those, in the fiche's order
        reply = replier.first_items(profession, question.topic, q.first_count, reply)
    if q.premise in DOUBTED and question.topic in LISTED_TOPICS + JOB_LIST_TOPICS \
            and question.topic in q.denied_topics and not reply.text.startswith(("Si", "Non", "Oui")) \
            and replier.item_answered(profession, question) is None:
        # « il n'y a aucun outil à maîtriser ? », « ce métier n'a aucune contrainte, j'ai bon ? »: the whole list
        # denied; the list, said to be one
        reply = replier.denied_list(reply)
    if choice.not_listed and question.topic in JOB_LIST_TOPICS and not reply_names_job(choice.not_listed, reply.text):
        reply = replier.not_listed(choice.not_listed, question.topic, reply)
    # « La fiche ne précise pas quelles langues sont attendues. » in the answer: remembered like an absent detail,
    # so that « il faut en parler combien ? » is told the same, not given the list again.
    silent = school.silent_in_answer(profession, question, reply.text)
    compared = replier.skills_named(profession, question) if question.topic == "hard_skills" and question.joins else []
    item = PAIR.join(profession.hard_skills.competences[i].nom for i in compared) if len(compared) == 2 \
        else replier.item_answered(profession, question) if question.topic in ITEM_TOPICS + JOB_LIST_TOPICS \
        else SAYING if question.topic == "salaire" and q.cues.saying and profession.salaire and profession.salaire.citation \
        else pay_sums.remembered(q.pay_sum) if question.topic == "salaire" and q.pay_sum is not None \
        else _pay_kept(turn, q) if question.topic == "salaire" else None
    return done(reply, (("sujet", question.topic), ("incompris", 0.0)) + (((ABSENT, silent),) if silent else ())
                + (((ITEM, item),) if item else ()))


# -- politeness with a question ------------------------------------------------------------------
def whole_list(q: Question) -> Question:
    """The question read for its whole list, whatever items it names (« il n'y a que trois soft skills : X, Y et Z ? »)."""
    return replace(q, stems=frozenset(), joins=False, ordinal=None)


def _next_training(school: School, profession: Optional[Profession], kind: str) -> Optional[str]:
    """The diploma topic of the fiche's path one level above the diploma `kind` (BTS -> Bachelor), if any."""
    if profession is None:
        return None
    words = school.replier.diplomas
    levels = {words.kind_of(path.nom): path.niveau for path in profession.parcours if path.niveau is not None}
    level = levels.get(kind)
    above = sorted((niveau, k) for k, niveau in levels.items() if k in TRAINING_IDS and k in school.fact_topics
                   and level is not None and niveau > level)
    return above[0][1] if above else None


def asks_what_it_varies_with(school: School, turn: Turn) -> bool:
    """« ça dépend de quoi ? » after the pay: what the previous answer says it varies with (its topic answers)."""
    return turn.slots.get("sujet") in school.fact_topics and turn.question.asks_variation


def after_thanks(school: School, turn: Turn) -> Tuple[bool, Optional[Outcome]]:
    """(whether to thank, the answer that comes with the thanks) of a message read as thanks. « ok cite les tous » thanks
    no one: a message without a word of thanks that asks something of the fiche gets that answer alone."""
    if not turn.question.cues.thanks:
        instead = asked_instead(school, turn)
        if instead is not None:
            return False, instead
    return True, question_after_politeness(school, turn)


def question_after_politeness(school: School, turn: Turn) -> Optional[Outcome]:
    """« top merci ! et pour l'alternance ? »: the answer to the question that comes with the thanks,
    or None when the message is only politeness. The parts of the message (the classifier's) that ask
    a topic, or follow up on one, are answered as a message of their own would be."""
    asked = [p for p in turn.question.parts if p.confidence >= PART_CONFIDENCE
             and (p.intent in school.fact_topics or p.intent == "relance")]
    quoted = saying_quoted(school, replace(turn, kind=ANSWER, question=replace(turn.question, parts=())))
    if quoted:  # « tu peux me recopier la citation exacte stp ? merci d'avance »
        return quoted
    if not asked:
        if asks_what_it_varies_with(school, turn):  # « merci. qu'est-ce qui fait varier ces montants ? »
            previous = turn.slots.get("sujet")
            return answer(school, replace(turn, intent=previous), previous, fallback=False)
        # « je vous remercie. est-il par ailleurs versé sur treize mois ? »: a detail the fiche does not give, said so
        return answer(school, turn, "hors_sujet", fallback=True, absent_only=True)
    if len(asked) == 1:
        part = asked[0]
        # (« merci ! et ça fait combien en % ? »: the part's calculation on the figures just given, as for a message)
        return answer(school, _levels_placed(replace(turn, question=part.question, intent=part.intent)), part.intent,
                      fallback=True)
    return answer(school, turn, asked[0].intent, fallback=True)


def list_again(school: School, turn: Turn) -> Optional[Outcome]:
    """« cite les toutes stp » after an item of a list or a count, « genre ? » after a list, whatever the model read:
    that list again (its items named or not); None otherwise."""
    q, previous = turn.question, turn.slots.get("sujet")
    if previous not in school.fact_topics or q.named or not set(q.topics_named) <= {previous} or turn.kind == COUNSELLOR:
        return None
    if q.cues.relist and previous in COUNTED_TOPICS:
        return answer(school, replace(turn, intent=previous, kind=ANSWER, question=whole_list(q)), previous, fallback=False)
    if q.cues.which_ones and not q.topics_named and turn.intent != previous and not turn.slots.get(ABSENT):
        return answer(school, replace(turn, intent=previous, kind=ANSWER), previous, fallback=False)
    return None


def insisted(school: School, turn: Turn) -> Optional[Outcome]:
    """« allez stp juste le score », « pls 🙏 » right after a polite refusal: still out of scope, whatever the model
    read; None otherwise."""
    q = turn.question
    if turn.slots.get(ITEM) != REFUSED or not q.cues.insisting or q.named or q.topics_named or q.about_work:
        return None
    return refused(school, turn)


def refused(school: School, turn: Turn) -> Outcome:
    """The polite refusal of a message out of scope, remembered (« stp » next is refused again)."""
    return Outcome(school.replier.out_of_scope(menu_professions(school, turn)), ((ITEM, REFUSED),))


def asked_instead(school: School, turn: Turn) -> Optional[Outcome]:
    """« yen a cb en tt » read as a goodbye, « qui en est l'auteur ? » as a question about the assistant: what the
    message asks of the fiche (how many items the last list holds, a detail the fiche does not give, a topic it names),
    or None for the reply the model chose. Only a message that asks (« ? », « combien »): « merci, au revoir » is one."""
    q, facts, previous = turn.question, school.fact_topics, turn.slots.get("sujet")
    again = list_again(school, turn) or insisted(school, turn)
    if again:
        return again
    if turn.intent == "question_bot" and q.cues.thanks_only and not q.named:
        # « ok merci t'es une bonne calculatrice mdr »: thanks, with a remark on the assistant
        return Outcome(school.replier.thanks())
    if q.cues.whence and previous in facts and not q.named and set(q.topics_named) <= {previous}:
        # « t'es sûr ? c'est vraiment écrit dans la fiche ? » read as a question about the assistant: the last answer
        # again, with its source
        return answer(school, replace(turn, intent=previous, kind=ANSWER), previous, fallback=False)
    if turn.intent == "question_bot" and previous in facts and not q.cues.of_the_assistant:
        # « y en a une autre qui va avec ? » after a list, read as a question about the assistant: nothing in it is of
        # the assistant, it follows up on that list
        return answer(school, replace(turn, intent=previous, kind=ANSWER), previous, fallback=False)
    if "?" not in q.text and not q.cues.how_much:
        return None
    if previous in COUNTED_TOPICS and previous in facts and q.cues.quantity_of_it and not q.about_pay:
        return answer(school, replace(turn, intent=previous), previous, fallback=False)
    absent = answer(school, turn, "hors_sujet", fallback=True, absent_only=True)
    if absent:
        return absent
    topic = next((t for t in q.topics_named if t in facts), None)
    return answer(school, replace(turn, intent=topic), topic, fallback=False) if topic else None


def clarify(school: School, turn: Turn) -> Outcome:
    """Offer the likeliest topics, and a human after two misses in a row."""
    misses = int(turn.slots.get("incompris") or 0) + 1
    likely: Sequence[str] = [name for name, _ in turn.ranking if name in school.fact_topics]
    # At the second miss the contact is given: the widget also offers to leave the question.
    return Outcome(school.replier.clarify(likely, misses), (("incompris", float(misses)),), handoff=misses >= 2)
