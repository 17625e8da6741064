"""Custom actions, run as Rasa would run them: a Tracker in, messages and events out (no server).

The actions read the behaviour knowledge folder (tests/support/knowledge.py: tests/fixtures/knowledge/,
or ASSISTANT_KNOWLEDGE_DIR); every figure expected below is read from it, none is written here.
"""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from tests.support.helpers import norm
from tests.support.knowledge import all_amounts, amounts, contact, contact_email, default_profession, school

BEGINNER, CONFIRMED = amounts("debutant"), amounts("confirme")  # (min, max) as a reply shows them
CONTACT = contact_email()


def bound(action_class):
    """The action built on the behaviour knowledge folder, as the action server builds it."""
    return lambda: action_class(school())


ActionAccueil, ActionAide, ActionClarifier, ActionConseiller, ActionDefaultFallback, ActionHorsSujet, \
    ActionRepondre = map(bound, (actions.ActionAccueil, actions.ActionAide, actions.ActionClarifier,
                                 actions.ActionConseiller, actions.ActionDefaultFallback, actions.ActionHorsSujet,
                                 actions.ActionRepondre))


def tracker(intent, text="", entities=(), slots=None, ranking=None):
    latest = {"intent": {"name": intent, "confidence": 0.9}, "text": text,
              "entities": [{"entity": e, "value": v} for e, v in entities],
              "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}]}
    return Tracker("eleve-1", slots or {}, latest, [], False, None, {}, "action_listen")


def run(action, track):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, track, {})
    assert dispatcher.messages, "the student must always get a reply"
    text = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    buttons = [b for m in dispatcher.messages for b in m.get("buttons") or []]
    return norm(text), buttons, events


def test_beginner_salary_gives_only_the_beginner_range():
    text, buttons, events = run(ActionRepondre(), tracker("salaire", "combien gagne un junior", [("experience", "debutant")]))
    assert all(a in text for a in BEGINNER)
    assert not any(a in text for a in CONFIRMED)
    assert "brut par an" in text and "source : fiche metier" in text
    assert SlotSet("sujet", "salaire") in events
    assert 2 <= len(buttons) <= 3


def test_general_salary_gives_both_ranges_and_what_it_depends_on():
    text, _, _ = run(ActionRepondre(), tracker("salaire", "ca paye bien ?"))
    for amount in all_amounts():
        assert amount in text
    assert "localisation geographique" in text and "taille de l'entreprise" in text


@pytest.mark.parametrize("message, level, other", [
    ("et apres 6 ans ?", "confirme", "debutant"),
    ("et pour 1 an d'experience ?", "debutant", "confirme"),
])
def test_follow_up_on_years_keeps_the_salary_topic(message, level, other):
    text, _, events = run(ActionRepondre(), tracker("relance", message, slots={"sujet": "salaire"}))
    assert all(a in text for a in amounts(level)) and not any(a in text for a in amounts(other))
    # The topic stays "salaire" for the next follow-up ("et pour un senior ?"), and nothing was misunderstood.
    assert SlotSet("sujet", "salaire") in events and SlotSet("incompris", 0.0) in events
    assert not [e for e in events if e["name"] == "sujet" and e["value"] != "salaire"], events


def test_years_the_fiche_does_not_cover_are_said_honestly():
    text, _, _ = run(ActionRepondre(), tracker("relance", "et au bout de 4 ans ?", slots={"sujet": "salaire"}))
    assert "ne donne pas de chiffre pour 4 ans" in text
    assert BEGINNER[0] in text and CONFIRMED[1] in text


def test_follow_up_on_a_diploma_answers_about_that_diploma():
    text, _, events = run(ActionRepondre(), tracker("relance", "et le bachelor alors ?", [("diplome", "bachelor")],
                                                     slots={"sujet": "bts"}))
    assert text.startswith("bachelor (bac+3)") and "niveau de reference" in text
    assert SlotSet("sujet", "bachelor") in events


def test_follow_up_without_qualifier_says_the_fiche_is_silent():
    text, buttons, _ = run(ActionRepondre(), tracker("relance", "et avec des enfants ?", slots={"sujet": "salaire"}))
    assert text.startswith("la fiche ne donne pas de precision sur ce point")
    assert any(b["payload"] == "/conseiller" for b in buttons)


def test_bac5_question_is_answered_no_even_when_intent_hesitates():
    text, _, _ = run(ActionRepondre(), tracker("bachelor", "un bac+5 est-il obligatoire ?", [("diplome", "mastere")]))
    assert text.startswith("non, un bac+5 n'est pas necessaire")
    assert "bachelor (bac+3)" in text and "bts (bac+2)" in text


def test_bts_sufficiency_points_to_the_bachelor():
    text, _, _ = run(ActionRepondre(), tracker("bts", "un bts ca suffit ?", [("diplome", "bts")]))
    assert text.startswith("un bts (bac+2) seul ne suffit generalement pas")
    assert "bachelor" in text


def test_other_profession_is_not_given_this_professions_figures():
    text, buttons, events = run(ActionRepondre(), tracker("salaire", "combien gagne un plombier", [("metier", "plombier")]))
    assert "plombier" in text and "charge(e) de mission relations internationales" in text
    assert not any(a in text for a in all_amounts())
    assert any(b["payload"] == "/conseiller" for b in buttons)
    # The topic asked is remembered, so that "et pour le chargé de mission ?" can continue it.
    assert SlotSet("sujet", "salaire") in events and SlotSet("autre_metier", "plombier") in events


def test_job_cited_by_the_fiche_is_not_treated_as_another_profession():
    text, _, _ = run(ActionRepondre(), tracker("experiences", "assistant de direction c'est bien ?",
                                               [("metier", "assistant de direction")]))
    assert "assistant(e) de direction" in text


def test_specific_language_question_is_answered_with_its_score():
    text, _, _ = run(ActionRepondre(), tracker("hard_skills", "faut parler anglais ?", [("competence", "langues")]))
    assert text.startswith("la fiche ne precise pas quelles langues")
    languages = next(s for s in default_profession().hard_skills.competences if s.id == "langues")
    assert norm(languages.nom) in text and f"score de {languages.score}" in text


def test_specific_task_is_confirmed_from_the_missions():
    text, _, _ = run(ActionRepondre(), tracker("missions", "il fait de la veille ?"))
    assert text.startswith("oui") and "veille sur les contextes internationaux" in text


def test_greeting_help_and_out_of_scope_show_the_topic_menu():
    for action in (ActionAccueil(), ActionAide(), ActionHorsSujet()):
        text, buttons, _ = run(action, tracker("salutation"))
        titles = [b["title"] for b in buttons]
        assert "Le salaire" in titles and "Les diplômes" in titles and "Parler à un conseiller" in titles
    text, _, _ = run(ActionHorsSujet(), tracker("hors_sujet", "la meteo demain"))
    assert "uniquement" in text and not any(a in text for a in all_amounts())


def test_out_of_scope_that_asks_a_detail_the_fiche_does_not_give_is_said_so():
    text, buttons, events = run(ActionHorsSujet(), tracker("hors_sujet", "on a combien de jours de congés ?"))
    assert text.startswith("la fiche ne precise pas le nombre de jours de conges") and "uniquement" not in text
    assert any(b["payload"] == "/conseiller" for b in buttons)
    assert SlotSet("incompris", 0.0) in events


@pytest.mark.parametrize("action", [ActionHorsSujet, ActionClarifier])
def test_a_place_alone_is_out_of_scope_but_a_place_for_the_job_is_a_detail_the_fiche_leaves_out(action):
    intent = "hors_sujet" if action is ActionHorsSujet else "nlu_fallback"
    text, _, _ = run(action(), tracker(intent, "quel temps fait-il à Paris demain ?"))
    assert "ne precise pas" not in text
    text, _, _ = run(action(), tracker(intent, "on peut bosser à Paris ?"))
    assert text.startswith("la fiche ne precise pas de difference selon le pays ou la ville")


def test_handoff_gives_the_schools_contact():
    text, _, events = run(ActionConseiller(), tracker("conseiller"))
    school = contact()
    assert CONTACT in text and norm(school.telephone) in text and norm(school.horaires) in text


def test_clarification_offers_likely_topics_then_a_human():
    ranking = [{"name": "salaire", "confidence": 0.4}, {"name": "salutation", "confidence": 0.3},
               {"name": "evolutions", "confidence": 0.2}]
    text, buttons, events = run(ActionClarifier(), tracker("nlu_fallback", "blabla", ranking=ranking))
    titles = [b["title"] for b in buttons]
    assert titles == ["Le salaire", "Les évolutions", "Autre question", "Parler à un conseiller"]
    assert CONTACT.split("@")[0] + "@" not in text
    assert SlotSet("incompris", 1.0) in events
    text, _, events = run(ActionDefaultFallback(), tracker("nlu_fallback", "blabla", slots={"incompris": 1.0},
                                                           ranking=ranking))
    assert CONTACT in text
    assert SlotSet("incompris", 2.0) in events


def test_a_failing_action_apologises_and_logs_the_conversation(monkeypatch, caplog):
    action = ActionRepondre()

    def broken(*args, **kwargs):
        raise RuntimeError("panne simulée")
    monkeypatch.setattr(action.school.replier, "answer", broken)
    with caplog.at_level("ERROR"):
        text, buttons, events = run(action, tracker("salaire", "salaire ?"))
    assert "desole" in text and CONTACT in text
    assert "traceback" not in text and "panne" not in text
    assert events == []
    assert "eleve-1" in caplog.text and "action_repondre" in caplog.text


def test_hesitation_between_intents_with_the_same_answer_is_answered():
    # The model hesitates between bachelor and diplome; the entity (bac+5) makes both the same answer.
    ranking = [{"name": "bachelor", "confidence": 0.35}, {"name": "diplome", "confidence": 0.3},
               {"name": "mastere", "confidence": 0.2}]
    text, _, events = run(ActionClarifier(), tracker("nlu_fallback", "un bac+5 c'est indispensable ?",
                                                     [("diplome", "mastere")], ranking=ranking))
    assert text.startswith("non, un bac+5 n'est pas necessaire")
    assert SlotSet("sujet", "diplome") in events


def test_hesitation_between_different_answers_still_asks():
    ranking = [{"name": "salaire", "confidence": 0.4}, {"name": "evolutions", "confidence": 0.35}]
    text, buttons, _ = run(ActionClarifier(), tracker("nlu_fallback", "et ensuite ca donne quoi", ranking=ranking))
    assert "pas sur d'avoir compris" in text
    assert [b["title"] for b in buttons][:2] == ["Le salaire", "Les évolutions"]


# -- harder student messages, at the action level -----------------------------------
def parts(*items):
    """question_parts as the NLU component gives them: (text, intent) in the order of the message."""
    text, found, start = "", [], 0
    for part, intent in items:
        found.append({"text": part, "start": start, "end": start + len(part), "intent": intent, "confidence": 0.9})
        text += part + " et "
        start = len(text)
    return text[:-4], found


def test_compound_message_answers_each_topic_in_order_with_its_source():
    text, found = parts(("quelles sont les missions", "missions"), ("combien on gagne", "salaire"))
    track = tracker("missions", text)
    track.latest_message["question_parts"] = found
    reply, _, events = run(ActionRepondre(), track)
    first_mission = norm(default_profession().missions[0].intitule)
    assert first_mission in reply and BEGINNER[0] in reply
    assert reply.index(first_mission) < reply.index(BEGINNER[0])
    assert reply.count("source : fiche metier") == 2
    assert SlotSet("sujet", "salaire") in events


def test_a_compound_part_the_fiche_does_not_cover_is_said_so():
    text, found = parts(("combien on gagne", "salaire"), ("on a des rtt", "salaire"))
    track = tracker("salaire", text)
    track.latest_message["question_parts"] = found
    reply, buttons, _ = run(ActionRepondre(), track)
    assert BEGINNER[0] in reply and "la fiche ne precise pas le nombre de jours de conges" in reply
    assert any(b["payload"] == "/conseiller" for b in buttons)


@pytest.mark.parametrize("intent", ["mastere", "diplome", "nlu_fallback"])
def test_without_a_master_the_reference_level_comes_first_whatever_the_intent(intent):
    action = ActionClarifier() if intent == "nlu_fallback" else ActionRepondre()
    reply, _, _ = run(action, tracker(intent, "je n'ai pas de master, je peux quand meme ?", [("diplome", "mastere")]))
    reference = next(x for x in default_profession().parcours if x.statut == "reference")
    # « je peux quand même ? » is answered « oui » (a « non » first would read as « you cannot »)
    assert reply.startswith("oui : un bac+5 n'est pas necessaire")
    assert norm(f"{reference.nom} (bac+{reference.niveau}) est le niveau de reference") in reply
    assert "oui, un mastere" not in reply


def test_only_a_bts_gets_the_bts_sufficiency_and_the_reference_level():
    reply, _, _ = run(ActionRepondre(), tracker("diplome", "j'ai juste un bts, ca passe ?", [("diplome", "bts")]))
    assert reply.startswith("un bts (bac+2) seul ne suffit generalement pas") and "niveau de reference" in reply


def test_the_most_and_least_important_skills_come_with_their_scores():
    skills = default_profession().hard_skills.competences
    top, low = max(skills, key=lambda s: s.score), min(skills, key=lambda s: s.score)
    reply, _, _ = run(ActionRepondre(), tracker("hard_skills", "la competence la plus importante ?"))
    assert norm(f"qui compte le plus dans la fiche : {top.nom} (score de {top.score})") in reply
    reply, _, _ = run(ActionRepondre(), tracker("hard_skills", "et celle qui compte le moins ?"))
    assert norm(f"qui compte le moins dans la fiche : {low.nom} (score de {low.score})") in reply


def test_switching_back_to_the_covered_profession_continues_the_topic():
    slots = {"sujet": "salaire", "autre_metier": "plombier"}
    reply, _, events = run(ActionClarifier(), tracker("nlu_fallback", "ok et pour le charge de mission relations internationales ?",
                                                       slots=slots))
    assert BEGINNER[0] in reply and CONFIRMED[1] in reply
    assert SlotSet("autre_metier", None) in events
