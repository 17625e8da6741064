"""What the trainer's pages of the console show instead of internal names and empty rows: human labels
for every intent, the questions over time without empty days (weeks over a long period), and a message
answered from its own words never described as « pas compris »."""
import datetime

from console import dashboard
from console.trainer_pages import clarified, clarify_texts, topic_labels
from tests.support.helpers import ROOT

DOMAIN_INTENTS = ["relance", "salutation", "au_revoir", "remerciement", "question_bot", "aide", "conseiller",
                  "hors_sujet", "catalogue_lister", "catalogue_chercher", "catalogue_comparer"]


def test_every_intent_of_the_conversation_has_a_french_label():
    labels = topic_labels({"salaire": {"libelle": "Salaire"}})
    assert labels["salaire"] == "Salaire"
    for intent in DOMAIN_INTENTS:
        assert labels.get(intent) and "_" not in labels[intent], intent


def test_days_without_questions_are_not_rows():
    start = datetime.date(2026, 11, 2)
    per_day = [(start + datetime.timedelta(days=i), n) for i, n in enumerate([3, 0, 0, 1, 0, 0, 0])]
    assert dashboard.time_rows(per_day) == ("jour", [("02/11/2026", 3), ("05/11/2026", 1)])


def test_a_long_period_is_summed_by_week_without_empty_weeks():
    start = datetime.date(2026, 9, 1)  # a Tuesday; 90 days, questions in two weeks only
    per_day = [(start + datetime.timedelta(days=i), 0) for i in range(90)]
    per_day[0] = (per_day[0][0], 2)
    per_day[5] = (per_day[5][0], 1)   # Sunday 6/9: same week as 1/9
    per_day[40] = (per_day[40][0], 4)
    unit, rows = dashboard.time_rows(per_day)
    assert unit == "semaine"
    assert rows == [("semaine du 31/08/2026", 3), ("semaine du 05/10/2026", 4)]


def test_a_message_answered_from_its_own_words_is_not_called_misunderstood():
    texts = clarify_texts(ROOT)
    assert texts and all(texts)
    asked = {"fallback": True, "reply": "Je ne suis pas sûr d'avoir compris. Vouliez-vous parler de l'un de ces sujets ?"}
    answered = {"fallback": True, "reply": "Un(e) débutant(e) gagne entre 30 000 et 35 000 € brut par an."}
    assert clarified(asked, texts) and not clarified(answered, texts)
