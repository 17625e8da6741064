"""Conversations through the real REST channel, Rasa server and action server (started once).

Each test asserts what the student reads: the reply text and the buttons.
"""
import sqlite3

from tests.support.helpers import norm, seen
from tests.support.knowledge import all_amounts, amounts, contact, qualities

BEGINNER, CONFIRMED = amounts("debutant"), amounts("confirme")  # read from the knowledge the stack uses


def chat(stack, *messages):
    """Send messages in one conversation; return what the student saw after each."""
    sender = stack.new_sender()
    return [norm(seen(stack.say(sender, m))) for m in messages]


def test_greeting_introduces_the_assistant_with_a_topic_menu(stack):
    replies = stack.say(stack.new_sender(), "salut !")
    text = norm(seen(replies))
    assert "bonjour" in text and "assistant" in text
    titles = [b["title"] for r in replies for b in r.get("buttons") or []]
    assert "Le salaire" in titles and "Parler à un conseiller" in titles


def test_master_not_required(stack):
    (reply,) = chat(stack, "c'est obligatoire d'avoir un master pour bosser dans ce domaine ?")
    assert reply.startswith("non, un bac+5 n'est pas necessaire")
    assert "bachelor (bac+3)" in reply and "bts (bac+2)" in reply


def test_salary_follow_ups_keep_the_topic(stack):
    start, senior, two_years = chat(stack, "ça gagne combien quand on commence ?", "et pour un senior ?",
                                    "et au bout de 2 ans ?")
    assert all(a in start for a in BEGINNER) and CONFIRMED[1] not in start
    assert all(a in senior for a in CONFIRMED) and BEGINNER[0] not in senior
    assert BEGINNER[0] in two_years and CONFIRMED[1] not in two_years


def test_diploma_follow_up_switches_to_the_named_diploma(stack):
    bts, bachelor = chat(stack, "est-ce qu'un BTS permet de faire ce métier ?", "et avec un bachelor ?")
    assert "bts" in bts and "bachelor" in bts
    assert bachelor.startswith("bachelor (bac+3)") and "niveau de reference" in bachelor


def test_out_of_scope_then_a_real_question_is_answered(stack):
    off, real = chat(stack, "tu connais une bonne recette de crêpes ?", "quelles qualités humaines faut-il avoir ?")
    assert "uniquement" in off and not any(a in off for a in all_amounts())
    assert all(quality in real for quality in qualities()[:2])


def test_other_profession_gets_no_borrowed_figures(stack):
    (reply,) = chat(stack, "c'est combien le salaire d'un pompier ?")
    assert "pompier" in reply
    assert not any(a in reply for a in all_amounts())


def test_handoff_gives_the_school_contact(stack):
    (reply,) = chat(stack, "je voudrais parler à un conseiller d'orientation")
    assert contact().email in reply and norm(contact().telephone) in reply


def test_gibberish_gets_a_way_forward(stack):
    # Whatever the model makes of it (out of scope, clarification, contact), the student is not stuck:
    # a French text and at least one button to go on.
    replies = stack.say(stack.new_sender(), "zxqv blorp wizz")
    assert replies and all(r.get("text") for r in replies)
    assert any(r.get("buttons") for r in replies)


def test_repeated_misunderstanding_offers_a_human(stack):
    # "/nlu_fallback" is what Rasa's FallbackClassifier produces for a low-confidence message.
    first, second = chat(stack, "/nlu_fallback", "/nlu_fallback")
    for reply in (first, second):
        assert "autre question" in reply and "parler a un conseiller" in reply
    assert contact().email not in first
    assert contact().email in second


def test_small_talk(stack):
    bot, thanks, bye = chat(stack, "t'es un robot ou un humain ?", "merci beaucoup", "allez bye")
    assert "assistant virtuel" in bot
    assert "avec plaisir" in thanks
    assert "au revoir" in bye


def test_thanks_with_a_question_get_the_answer_and_thanks_alone_get_thanks(stack):
    said = norm(seen(stack.say(stack.new_sender(), "merci bien ! au fait, on gagne combien en début de carrière ?")))
    assert all(a in said for a in amounts("debutant")), said
    alone = norm(seen(stack.say(stack.new_sender(), "un grand merci")))
    assert "plaisir" in alone and not any(a in alone for a in all_amounts())


def test_conversation_is_stored_in_the_sql_tracker_store(stack):
    sender = stack.new_sender()
    stack.say(sender, "quels outils utilise-t-on ?")
    with sqlite3.connect(stack.db_path) as db:
        types = [row[0] for row in db.execute(
            "SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", (sender,))]
    assert "user" in types and "bot" in types
