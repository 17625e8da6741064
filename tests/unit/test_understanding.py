"""core/understanding.py: what a message says beyond its topic (pure functions on text)."""
import shutil

import pytest
import yaml

from core.textnorm import fold
from core.understanding import phrase_pattern, superlative
from loading.school import load_school
from tests.support.knowledge import behaviour_knowledge, default_profession, school


@pytest.mark.parametrize("text", ["quelle compétence est la mieux notée ?", "celle qui a la note la plus haute",
                                  "le score le plus élevé c'est lequel", "which skill has the highest score?"])
def test_ways_of_asking_for_the_top_scored_skill(text):
    assert superlative(fold(text)) == "max"


@pytest.mark.parametrize("text", ["la plus petite note ?", "celle qui compte le moins", "the lowest score?"])
def test_ways_of_asking_for_the_lowest_scored_skill(text):
    assert superlative(fold(text)) == "min"


def test_a_plain_question_has_no_superlative():
    assert superlative(fold("quelles compétences techniques faut-il ?")) is None


@pytest.mark.parametrize("text", ["on peut bosser à Lyon ?", "le bachelor coûte combien ?", "un salaire à Genève ?",
                                  "les écoles à Paris"])
def test_work_or_studies_words_tie_a_message_to_the_job(text):
    """The words of work and studies are knowledge/mots_du_metier.yml's, the school's professions' names too."""
    assert school().understand(text, [], None, []).about_work


@pytest.mark.parametrize("text", ["quel temps fait-il à Paris ?", "combien coûte un kebab", "la capitale du Canada"])
def test_a_place_or_a_price_alone_is_not_about_the_job(text):
    assert not school().understand(text, [], None, []).about_work


@pytest.mark.parametrize("text", ["j'ai pas le bac, c'est possible ?", "sans le bac pro", "pas de bac du tout"])
def test_a_phrase_ending_with_bac_matches_the_bac_itself(text):
    assert phrase_pattern("pas le bac").search(fold(text)) or phrase_pattern("sans le bac").search(fold(text)) \
        or phrase_pattern("pas de bac").search(fold(text))


@pytest.mark.parametrize("text", ["j'ai pas le bac+5", "pas le bac +3 ?", "jai pas le bac 5 c grave", "pas le bac2"])
def test_a_phrase_ending_with_bac_never_matches_a_level_after_it(text):
    assert not phrase_pattern("pas le bac").search(fold(text))


def test_other_phrases_still_match_before_a_number():
    assert phrase_pattern("trop jeune").search(fold("trop jeune 16 ans c'est possible ?"))


@pytest.mark.parametrize("text, topics", [
    ("le salaire et les missions, c'est quoi ?", ["salaire", "missions"]),
    ("les missions et le salaire, c'est quoi ?", ["salaire", "missions"]),
    ("en début de carrière, lequel touche le plus ?", ["salaire", "evolutions"]),
    ("entre les deux, lequel demande le plus d'études ?", ["diplome"]),
    ("il fait beau aujourd'hui", []),
])
def test_the_topics_a_message_names_come_first_asked_first(text, topics):
    """sujets.yml « sujets_nommes_en_premier »: « en début de carrière » says a career, the pay is what is compared."""
    assert school().understand(text, [], None, []).topics_named == tuple(topics)


def test_the_words_that_name_a_topic_are_read_from_sujets_yml(tmp_path):
    """A school that adds « oseille » to the pay's words in sujets.yml has it read as asking the pay."""
    folder = tmp_path / "knowledge"
    shutil.copytree(behaviour_knowledge(), folder)
    sujets = folder / "sujets.yml"
    data = yaml.safe_load(sujets.read_text(encoding="utf-8"))
    assert load_school(folder).understand("et l'oseille ?", [], None, []).topics_named == ()
    data["sujets"]["salaire"]["nomme_par"].append("oseille")
    sujets.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load_school(folder).understand("et l'oseille ?", [], None, []).topics_named == ("salaire",)


def test_a_professions_name_ties_a_message_to_the_job():
    """« <profession> à Lyon ? » speaks of that job, though it holds no word of work."""
    name = default_profession().intitule
    assert school().understand(f"{name} à Lyon ?", [], None, []).about_work
