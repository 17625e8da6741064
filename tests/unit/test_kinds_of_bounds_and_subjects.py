"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh26.yml), which earlier sets share:
a calculation across the levels repeated on another bound (« et le max ? », « et pour le milieu ? »), the width of a
range said « l'écart de la fourchette », a count asked after its noun (« les soft skills y en a combien ? »), « sur un
an » that is no year of experience, the skill in play compared in a longer message, someone of the student's named by
a job (« mon prof dit que… »), the saying called « la phrase sur … », a job the fiche only cites asked another topic,
« le plus adapté » of the diplomas, the constraints asked a superlative, details the fiche does not give (who does the
job, the country, the pay by diploma). Through core/dialogue.py on the behaviour knowledge: every expected figure or
name is read from the fixture fiche or its templates."""
from core import dialogue
from core.items import by_score
from core.knowledge import euros
from tests.support.knowledge import default_profession, school, template_start
from tests.support.knowledge import pay_levels as levels
from tests.support.knowledge import replied as reply
from tests.support.knowledge import replies_to as conversation

A, C, OUT = dialogue.ANSWER, dialogue.CLARIFY, dialogue.OUT_OF_SCOPE


def test_a_calculation_across_levels_is_repeated_on_the_bound_a_follow_up_names():
    beginner, confirmed = levels()
    replies = conversation(("de combien % augmente le salaire min quand on passe de debutant a conf", "salaire", A),
                           ("et le max ?", "relance", A), ("et pour le milieu de fourchette ?", "relance", A))
    assert f"de {euros(beginner.min)} € à {euros(confirmed.min)} €" in replies[0], replies[0]
    assert f"de {euros(beginner.max)} € à {euros(confirmed.max)} €" in replies[1], replies[1]
    middles = [(lvl.min + lvl.max) / 2 for lvl in (beginner, confirmed)]
    assert f"de {euros(int(middles[0]))} € à {euros(int(middles[1]))} €" in replies[2], replies[2]


def test_the_gap_of_a_range_is_its_width():
    beginner, _ = levels()
    text = reply("bon et l ecart de la fourchette debutant alors", "salaire")
    assert f"{euros(beginner.max - beginner.min)} € d'écart" in text, text


def test_a_count_asked_after_its_noun_is_the_number_of_items():
    p = default_profession()
    assert f"en cite {len(p.soft_skills.qualites)}" in reply("les soft skills y en a combien ?", "soft_skills")
    assert f"en cite {len(p.experiences)}" in reply("combien d experiences ils conseillent ?", "experiences")


def test_one_year_as_a_period_of_pay_is_no_year_of_experience():
    _, confirmed = levels()
    replies = conversation(("un confirmé touche combien par mois brut au minimum et au max", "salaire", A, "confirme"),
                           ("et sur un an c combien en tout au max deja ?", "salaire", A))
    assert euros(confirmed.max) in replies[1], replies[1]


def test_the_skill_in_play_compared_with_another_in_a_longer_message():
    ranked = by_score(default_profession())
    first, last = ranked[0], ranked[-1]
    replies = conversation((f"la {first.nom.lower()} elle a combien ?", "hard_skills", A),
                           (f"et elle a combien de points de plus que la {last.nom.lower()} ?", "relance", A))
    assert f"{first.score - last.score} point(s) d'écart" in replies[1], replies[1]


def test_someone_of_the_students_named_by_a_job_is_no_profession_asked():
    text = "mon prof dit qu avec ce metier on finit ambassadeur, c vrai ??"
    entities = [{"entity": "metier", "value": "prof", "start": text.index("prof")}]
    q = school().understand(text, entities, "evolutions", [])
    assert q.profession_entity is None, q
    # said as a job, the same word is one
    asked = "je veux devenir prof"
    q = school().understand(asked, [{"entity": "metier", "value": "prof", "start": asked.index("prof")}], "definition", [])
    assert q.profession_entity == "prof", q


def test_the_saying_called_the_phrase_on_one_of_its_words():
    p = default_profession()
    word = max(p.salaire.citation.split(), key=len).strip("!«».,").lower()
    text = reply(f"c quoi la phrase sur le {word} dans la fiche mdr", "nlu_fallback", C)
    assert p.salaire.citation in text, text


def test_a_job_the_fiche_only_cites_asked_its_diploma_is_not_described():
    job = default_profession().evolutions.postes[0]
    text = reply(f"{job} ca demande quoi comme diplome ?", "evolutions")
    assert job in text and not text.startswith(template_start("evolution_nommee")), text
    assert not any(path.nom in text.split("\n")[0] for path in default_profession().parcours), text


def test_the_best_suited_of_the_diplomas_is_the_reference_path_not_a_quality():
    p = default_profession()
    text = reply("lequel des 3 diplomes est le plus adapté alors ?", "catalogue_comparer")
    reference = [path.nom for path in p.parcours if path.statut in ("reference", "requis")]
    assert reference and all(name in text for name in reference), text
    assert not any(q.nom in text.split("\n")[0] for q in p.soft_skills.qualites), text


def test_the_constraints_asked_which_is_worst_are_not_ranked():
    replies = conversation(("y a pas de contraintes dans ce metier hein ?", "contraintes", A),
                           ("laquelle est la plus chiante selon toi ?", "hard_skills", A))
    assert replies[1].startswith(template_start("contraintes_sans_classement")), replies[1]


def test_who_does_the_job_the_country_and_the_pay_by_diploma_are_not_given():
    for text, intent in (("y a plus de meufs ou de mecs dans ce metier ?", "nlu_fallback"),
                         ("dans quel pays c le mieux payé ?", "salaire"), ("avec juste un bts on gagne combien ?", "salaire")):
        answer = reply(text, intent)
        assert answer.startswith("La fiche ne précise pas"), (text, answer)
        assert euros(levels()[1].max) not in answer.split("\n")[0], (text, answer)
