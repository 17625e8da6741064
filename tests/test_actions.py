"""Custom actions, run as Rasa would run them: a Tracker in, messages and events out (no server)."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (ActionAccueil, ActionAide, ActionClarifier, ActionConseiller,
                             ActionDefaultFallback, ActionHorsSujet, ActionRepondre)
from tests.helpers import norm


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
    assert "30000" in text and "35000" in text
    assert "40000" not in text and "60000" not in text
    assert "brut par an" in text and "source : fiche metier" in text
    assert SlotSet("sujet", "salaire") in events
    assert 2 <= len(buttons) <= 3


def test_general_salary_gives_both_ranges_and_what_it_depends_on():
    text, _, _ = run(ActionRepondre(), tracker("salaire", "ca paye bien ?"))
    for amount in ("30000", "35000", "40000", "60000"):
        assert amount in text
    assert "localisation geographique" in text and "taille de l'entreprise" in text


@pytest.mark.parametrize("message, expected, absent", [
    ("et apres 6 ans ?", ("40000", "60000"), ("30000",)),
    ("et pour 1 an d'experience ?", ("30000", "35000"), ("60000",)),
])
def test_follow_up_on_years_keeps_the_salary_topic(message, expected, absent):
    text, _, events = run(ActionRepondre(), tracker("relance", message, slots={"sujet": "salaire"}))
    assert all(e in text for e in expected) and not any(a in text for a in absent)


def test_years_the_fiche_does_not_cover_are_said_honestly():
    text, _, _ = run(ActionRepondre(), tracker("relance", "et au bout de 4 ans ?", slots={"sujet": "salaire"}))
    assert "ne donne pas de chiffre pour 4 ans" in text
    assert "30000" in text and "60000" in text


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
    assert "30000" not in text and "40000" not in text
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
    assert "competences linguistiques" in text and "90" in text


def test_specific_task_is_confirmed_from_the_missions():
    text, _, _ = run(ActionRepondre(), tracker("missions", "il fait de la veille ?"))
    assert text.startswith("oui") and "veille sur les contextes internationaux" in text


def test_greeting_help_and_out_of_scope_show_the_topic_menu():
    for action in (ActionAccueil(), ActionAide(), ActionHorsSujet()):
        text, buttons, _ = run(action, tracker("salutation"))
        titles = [b["title"] for b in buttons]
        assert "Le salaire" in titles and "Les diplômes" in titles and "Parler à un conseiller" in titles
    text, _, _ = run(ActionHorsSujet(), tracker("hors_sujet", "la meteo demain"))
    assert "uniquement" in text and "30000" not in text


def test_handoff_gives_the_schools_contact():
    text, _, events = run(ActionConseiller(), tracker("conseiller"))
    assert "orientation@ecole.example" in text and "01 23 45 67 89" in text and "9 h a 17 h" in text


def test_clarification_offers_likely_topics_then_a_human():
    ranking = [{"name": "salaire", "confidence": 0.4}, {"name": "salutation", "confidence": 0.3},
               {"name": "evolutions", "confidence": 0.2}]
    text, buttons, events = run(ActionClarifier(), tracker("nlu_fallback", "blabla", ranking=ranking))
    titles = [b["title"] for b in buttons]
    assert titles == ["Le salaire", "Les évolutions", "Autre question", "Parler à un conseiller"]
    assert "orientation@" not in text
    assert SlotSet("incompris", 1.0) in events
    text, _, events = run(ActionDefaultFallback(), tracker("nlu_fallback", "blabla", slots={"incompris": 1.0},
                                                           ranking=ranking))
    assert "orientation@ecole.example" in text
    assert SlotSet("incompris", 2.0) in events


def test_a_failing_action_apologises_and_logs_the_conversation(monkeypatch, caplog):
    action = ActionRepondre()

    def broken(*args, **kwargs):
        raise RuntimeError("panne simulée")
    monkeypatch.setattr(action.replier, "answer", broken)
    with caplog.at_level("ERROR"):
        text, buttons, events = run(action, tracker("salaire", "salaire ?"))
    assert "desole" in text and "orientation@ecole.example" in text
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
