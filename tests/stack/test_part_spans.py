"""Where a compound message is cut into parts (rasa_ext/nlu/linear_intent_classifier.py: part_spans)."""
import pytest

pytest.importorskip("rasa")

from rasa_ext.nlu.linear_intent_classifier import part_spans, spelled_plus  # noqa: E402


def parts(text):
    return [text[a:b] for a, b in part_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("le salaire au début + les missions principales", ["le salaire au début", "les missions principales"]),
    ("les outils utilisés & les contraintes du poste ?", ["les outils utilisés", "les contraintes du poste"]),
    ("quel salaire / quelles évolutions ?", ["quel salaire", "quelles évolutions"]),
    ("salaire/missions du poste", ["salaire", "missions du poste"]),
    ("salaire, missions, diplômes ?", ["salaire", "missions", "diplômes"]),
    ("les qualités, les outils et le salaire", ["les qualités", "les outils", "le salaire"]),
    # a range of years is one thing asked; a tag asking to confirm is no part
    ("entre 2 et 4 ans de métier, les missions changent ?", ["entre 2 et 4 ans de métier", "les missions changent"]),
    ("les outils, c'est surtout Excel, c'est ça ?", ["les outils", "c'est surtout Excel"]),
    ("le salaire monte vite, non ?", ["le salaire monte vite"]),
])
def test_separators_between_topics(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text", ["faut-il un bac+5 pour ce poste ?", "un bac + 5 est-il utile ?",
                                  "disponible 24/7 pour les partenaires ?", "combien gagne un débutant ?"])
def test_no_cut_inside_a_diploma_or_a_figure(text):
    assert len(parts(text)) <= 1


@pytest.mark.parametrize("text", ["classe moi les hard skills du + important au -", "le + payé des deux ?"])
def test_a_plus_after_an_article_is_the_word_plus(text):
    """« du + important »: a « + » after « du », « le », « les »… says « plus », it joins no two topics."""
    assert len(parts(text)) <= 1
    assert "plus" in spelled_plus(text)
