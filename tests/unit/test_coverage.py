"""The guard against answering another question (core/coverage.py), on fixture knowledge:
what a student reads when a message asks for something its topic's answer does not hold, and that
the questions the topic really answers keep their answer."""
import pytest

from core.coverage import asked_objects, uncovered
from core.dialogue import Turn, respond
from core.stemming import key
from core.textnorm import fold
from tests.support.knowledge import school as behaviour_school


@pytest.fixture(scope="module")
def school():
    return behaviour_school()


def first_line(school, text, intent):
    return respond(school, Turn(school.understand(text, topic=intent), intent)).reply


@pytest.mark.parametrize("text,intent", [
    ("ok mais quelles agences recrutent pour ce poste ?", "missions"),
    ("vous pouvez me donner des noms d'employeurs", "definition"),
    ("quel est le pourcentage de garçons dans la profession", "contraintes"),
    ("combien de personnes travaillent dans ce secteur en france", "evolutions"),
    ("quelle est la proportion de cadres dans la profession", "soft_skills"),
    ("quelles structures proposent le plus d'offres", "salaire"),
])
def test_a_message_asking_what_the_topic_does_not_hold_gets_the_fiche_is_silent_then_the_closest_answer(
        school, text, intent):
    reply = first_line(school, text, intent)
    lines = reply.text.splitlines()
    assert lines[0].startswith("La fiche ne précise pas ce que vous demandez (« "), reply.text
    assert "Ce que la fiche dit de plus proche" in reply.text  # then the closest fact, with its source
    assert "rubrique « " in reply.text
    assert reply.buttons[0]["payload"] == "/conseiller"  # and a human


@pytest.mark.parametrize("text,intent", [
    ("c'est quoi les principales tâches au quotidien ?", "missions"),
    ("quels outils informatiques faut-il maîtriser", "outils"),
    ("combien d'années d'études après le bac ?", "diplome"),
    ("liste moi les qualités humaines attendues", "soft_skills"),
    ("quel salaire pour un junior", "salaire"),
    ("quelles sont les difficultés de ce boulot", "contraintes"),
    ("donne moi les scores des compétences techniques", "hard_skills"),
    ("quels postes après quelques années", "evolutions"),
])
def test_a_question_the_topic_answers_keeps_its_answer(school, text, intent):
    reply = first_line(school, text, intent)
    assert not reply.text.startswith("La fiche ne précise pas"), reply.text
    assert "rubrique « " + school.replier.topics.sujets[intent].rubrique + " »" in reply.text


def test_the_words_of_a_listed_item_count_as_held(school):
    # The fiche's own items answer a question about them, whatever the topic's vocabulary says.
    profession = school.default
    tool = profession.outils.categories[0].nom.split()[0]
    q = school.understand(f"quels {tool} exactement ?", topic="outils")
    assert school.uncovered(q, profession) is None


def test_the_commentary_of_an_answer_does_not_count_as_holding_what_is_asked(school):
    # The missions' closing remark says they vary « selon l'entreprise »: that names no company.
    profession = school.default
    assert "entreprise" in (profession.definition.precision or "")
    q = school.understand("quelles entreprises ?", topic="missions")
    assert school.uncovered(q, profession) is not None


def test_the_clause_quoted_is_the_students_own_words_cut_at_the_end_of_the_question():
    asked = asked_objects("Bonjour, quelles Entreprises embauchent ? merci", fold("Bonjour, quelles Entreprises embauchent ? merci"))
    assert [a.words for a in asked] == ["quelles Entreprises embauchent"]
    assert asked[0].key == key("entreprise")


def test_a_share_is_only_held_by_an_answer_that_gives_shares():
    asked = asked_objects("quel pourcentage de débutants ?", fold("quel pourcentage de débutants ?"))
    assert asked[0].share
    assert uncovered(asked, frozenset({key("debutant")})) is asked[0]
    assert uncovered(asked, frozenset({key("debutant"), key("pourcentage")})) is None


def test_words_that_ask_nothing_in_particular_are_ignored():
    text = "quelle est la différence ? donne moi des infos"
    assert uncovered(asked_objects(text, fold(text)), frozenset()) is None
