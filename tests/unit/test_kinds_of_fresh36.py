"""Kinds seen in a set written apart (tests/nlu/test_fresh36.yml): « écart de combien ? » right after two skills compared
is the gap between those two, and « X > Y de combien ? » a gap; « c'est vraiment écrit dans la fiche ? » repeats the
answer with its source; « faut être diplomate ? » asks a quality, not another profession; « qui a dit ça ? » of the
saying and « un métier d'homme ou de femme ? » are details the fiche does not give. Scores are read from the fixture
fiche."""
from core import dialogue
from core.understanding import understand
from tests.support.knowledge import conversation, default_profession, replied, replies_to, school, template_start

A = dialogue.ANSWER


def skill(name: str):
    return next(k for k in default_profession().hard_skills.competences if k.nom == name)


def test_the_gap_right_after_two_skills_compared_is_between_those_two():
    writing, data = skill("Rédaction"), skill("Analyse de données")
    replies = replies_to(("entre rédaction et analyse de données, laquelle compte le plus ?", "hard_skills", A),
                         ("écart de combien ?", "hard_skills", A))
    assert f"{abs(writing.score - data.score)} point(s) d'écart" in replies[1], replies[1]


def test_one_skill_greater_than_another_by_how_much_is_their_gap():
    writing, projects = skill("Rédaction"), skill("Gestion de projet")
    said = replied("donc gestion de projet > rédaction de combien ?", "hard_skills")
    assert f"{abs(projects.score - writing.score)} point(s) d'écart" in said, said


def test_is_it_really_written_in_the_fiche_repeats_the_answer_with_its_source():
    first, slots = conversation(("il faut obligatoirement un bac+5 pour ce job c ça ?", "diplome", A))
    q = school().understand("t'es sur ? c vraiment écrit dans la fiche ?", [], "question_bot", [])
    instead = dialogue.asked_instead(school(), dialogue.Turn(q, "question_bot", (("question_bot", 0.9),), slots, None, A))
    source = first[0].split("\n")[-1]
    assert instead is not None and instead.reply.text.endswith(source) and "robot" not in instead.reply.text, instead


def test_a_quality_said_with_a_word_that_is_also_a_job_is_no_other_profession():
    for text, start in (("faut etre diplomate ?", 10), ("jsp si jsuis assez diplomate pr ce metier", 19)):
        q = understand(text, [{"entity": "metier", "value": "diplomate", "start": start, "end": start + 9}], "soft_skills")
        assert q.profession_entity is None, text
    q = understand("donc pas besoin de parler des langues si on a un traducteur ?",
                   [{"entity": "metier", "value": "traducteur", "start": 49, "end": 59}], "outils")
    assert q.profession_entity is None  # a thing one has
    q = understand("et un diplomate ça gagne combien ?", [{"entity": "metier", "value": "diplomate", "start": 6,
                                                           "end": 15}], "salaire")
    assert q.profession_entity == "diplomate"


def test_who_said_the_saying_and_a_job_for_men_or_women_are_details_the_fiche_lacks():
    for text, intent in (("qui a dit ça ?", "hors_sujet"), ("c plutot un metier d'homme ou de femme ?", "contraintes")):
        said = replied(text, intent, dialogue.OUT_OF_SCOPE if intent == "hors_sujet" else A)
        assert said.startswith(template_start("hors_fiche.intro")), (text, said)


def test_whether_a_factor_of_the_pay_counts_right_after_the_pay_is_the_pay_with_its_factors():
    p = default_profession()
    factor = p.salaire.facteurs.split(",")[-1].split(" et ")[-1].strip()  # the fiche's last factor
    replies = replies_to(("quel salaire ?", "salaire", A), (f"et {factor} ça joue ?", "contraintes", A))
    assert p.salaire.facteurs in replies[1], replies[1]


def test_a_longer_question_on_a_diploma_after_work_study_is_no_longer_about_work_study():
    p = default_profession()
    bachelor = next(path for path in p.parcours if path.nom == "Bachelor")
    replies = replies_to(("on peut faire les etudes en alternance ?", "alternance", A),
                         ("et le bachelor prépare à quoi comme postes ?", "bachelor", A, ))
    assert bachelor.pour_ce_metier in replies[1], replies[1]


def test_a_person_asked_for_beside_a_question_gets_the_answer_then_the_counsellor():
    from tests.support.knowledge import contact_email
    said = replied("je sais pas trop quoi choisir entre bts et bachelor, je peux parler à qqn ?", "bts")
    assert said.index("BTS") < said.index(contact_email()), said
    assert contact_email() not in replied("une personne organisée ça aide ?", "soft_skills")


def test_the_head_of_this_professions_name_with_another_complement_is_another_profession():
    """« combien gagne un chargé de communication ? » when the school's only « chargé » is of another mission: no fiche
    for it, never this profession's pay; « chargé de projets internationaux », loosely said, shares a word with it."""
    other = replied("combien gagne un chargé de communication ?", "salaire")
    assert other.startswith(template_start("autre_metier")) and "communication" in other, other
    p = default_profession()
    loose = replied("quel salaire pour un chargé de projets internationaux ?", "salaire")
    assert p.intitule in loose and not loose.startswith(template_start("autre_metier")), loose


def test_rank_them_all_after_a_skill_is_the_skills_ranked():
    ranked = sorted(default_profession().hard_skills.competences, key=lambda k: -k.score)
    replies = replies_to(("et la moins importante de toutes ?", "hard_skills", A),
                         ("classe les moi toutes stp", "nlu_fallback", dialogue.CLARIFY))
    positions = [replies[1].index(k.nom) for k in ranked]
    assert positions == sorted(positions), replies[1]
