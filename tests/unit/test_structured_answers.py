"""A topic's answer carries the items it lists (core/replies.py Body, Reply.items): the coverage guard reads them
instead of scraping the bullets back out of the rendered French text."""
from core.stemming import keys
from core.understanding import Question
from tests.support.knowledge import default_profession, school


def _bulleted(replier, item):
    return replier.fill("commun.puce", texte=item)


def test_each_list_answer_carries_exactly_the_items_it_shows_as_bullets():
    s = school()
    p = default_profession()
    mark = _bulleted(s.replier, "\x00").split("\x00")[0].strip()
    for topic in ("definition", "missions", "diplome", "experiences", "salaire", "soft_skills", "hard_skills",
                  "outils", "contraintes", "evolutions"):
        reply = s.replier.answer(p, Question(topic=topic))
        shown = [line.strip() for line in reply.text.splitlines() if line.strip().startswith(mark)]
        assert reply.items, topic
        assert [_bulleted(s.replier, item).strip() for item in reply.items] == shown, topic


def test_a_text_answer_lists_nothing():
    s = school()
    assert s.replier.answer(default_profession(), Question(topic="rncp")).items == ()


def test_the_guard_reads_an_answers_items():
    s = school()
    p = default_profession()
    for topic in ("missions", "evolutions", "outils"):
        items = s.replier.answer(p, Question(topic=topic)).items
        assert keys(" ".join(items)) <= s.answer_words(p, topic), topic


def test_the_constraints_answer_ends_with_what_facing_them_brings_when_the_fiche_says_it():
    p = default_profession()
    assert p.contraintes.portee
    assert p.contraintes.portee in school().replier.answer(p, Question(topic="contraintes")).text
