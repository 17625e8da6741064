"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh28.yml), which earlier sets share:
« et si je continue encore ? » after a diploma (the fiche's next one up); the studies that lead to the job read as
continuing education (« quelles formations la fiche recommande ? »); « il prépare à quoi lui ? » and « et c'est
obligé ? » of the diploma in play; « bac+ combien » that asks a level, not the pay; a part the classifier reads as the
pay with nothing of pay in it; « c'est pas une vraie compétence » belittled (« Non : »); a follow-up taken for a
question about the assistant; how many « métiers d'évolution »; a phrase of a detail the fiche lacks typed without its
apostrophe (« offres d emploi »). Through core/dialogue.py on the behaviour knowledge: every expected name is read from
the fixture fiche."""
from core import dialogue
from core.knowledge import euros
from core.understanding import Part, understand
from tests.support.knowledge import default_profession, school, template_start
from tests.support.knowledge import pay_levels as levels
from tests.support.knowledge import replied as reply
from tests.support.knowledge import replies_to as conversation

A = dialogue.ANSWER


def _paths_by_level():
    words = school().replier.diplomas
    return sorted((path.niveau, words.kind_of(path.nom), path.nom) for path in default_profession().parcours
                  if path.niveau is not None)


def test_going_on_after_a_diploma_is_the_fiches_next_one_up():
    (_, first, _), (_, _, second_name), *rest = _paths_by_level()
    replies = conversation((f"c'est quoi le {first}", first, A), ("et si je continue encore ?", "relance", A))
    assert replies[1].startswith(second_name), replies[1]
    replies = conversation((f"c'est quoi le {first}", first, A), ("et apres il faut faire quoi ?", "relance", A))
    assert replies[1].startswith(second_name), replies[1]


def test_the_studies_that_lead_to_the_job_are_not_continuing_education():
    continuing = default_profession().formation_continue
    recommended = reply("Quelles formations la fiche recommande pour ce métier ?", "formation_continue")
    assert continuing[:40] not in recommended and any(p.nom in recommended for p in default_profession().parcours)
    # training once in post, or to move up, is
    for text in ("faut continuer a se former une fois en poste ?", "quelles formations pour évoluer ?"):
        assert continuing[:40] in reply(text, "formation_continue"), text


def test_what_the_diploma_in_play_prepares_for_and_whether_it_is_required():
    (_, first, name), *_ = _paths_by_level()
    replies = conversation((f"c'est quoi le {first}", first, A), ("il prepare a quoi alors lui ?", "missions", A))
    assert replies[1].startswith(name), replies[1]


def test_bac_plus_how_much_asks_a_level_not_the_pay():
    parts = [{"intent": "mastere", "confidence": 1.0, "start": 0, "end": 13},
             {"intent": "salaire", "confidence": 1.0, "start": 14, "end": 21}]
    assert understand("mastere c bac+ combien", parts=parts).parts == ()


def test_a_part_read_as_the_pay_with_nothing_of_pay_in_it_asks_no_pay():
    text = "ecoute active et communication c pareil non ?"
    parts = [{"intent": "soft_skills", "confidence": 0.98, "start": 0, "end": 13},
             {"intent": "salaire", "confidence": 0.93, "start": 17, "end": 43}]
    q = understand(text, parts=parts)
    assert [p.intent for p in q.parts] == ["soft_skills", None], q.parts
    # « combien on gagne » keeps its pay
    q = understand("c quoi les missions et combien on gagne", parts=[
        {"intent": "missions", "confidence": 1.0, "start": 0, "end": 19},
        {"intent": "salaire", "confidence": 1.0, "start": 23, "end": 39}])
    assert [p.intent for p in q.parts] == ["missions", "salaire"], q.parts
    assert isinstance(q.parts[0], Part)


def test_not_a_real_skill_is_answered_no_with_its_score():
    skill = default_profession().hard_skills.competences[-1]
    text = reply(f"la {skill.nom.lower()} c pas une vraie competence du metier hein", "hard_skills")
    assert text.startswith(template_start("hard_skills.premisse_secondaire")) and str(skill.score) in text, text


def test_a_follow_up_read_as_a_question_about_the_assistant_follows_the_list():
    first = reply("c'est quoi les qualites attendues ?", "soft_skills")
    q = school().understand("y en a une autre qui va avec ?", [], "question_bot", [])
    outcome = dialogue.asked_instead(school(), dialogue.Turn(q, "question_bot", (("question_bot", 0.88),),
                                                             {"sujet": "soft_skills"}, None, A))
    assert outcome is not None and outcome.reply.text == first, (outcome, first)
    # « t'es un robot ? » is a question about the assistant: the model's reply
    q = school().understand("t'es un robot ?", [], "question_bot", [])
    assert dialogue.asked_instead(school(), dialogue.Turn(q, "question_bot", (("question_bot", 0.9),),
                                                          {"sujet": "soft_skills"}, None, A)) is None


def test_how_many_jobs_of_evolution_are_counted():
    assert understand("combien de metiers d evolution sont cites").counted == "metiers d evolution"


def test_a_phrase_of_a_detail_typed_without_its_apostrophe_is_that_detail():
    q = school().understand("il y a beaucoup d offres d emploi en ce moment pour ce metier ?", [], None, [])
    with_apostrophe = school().understand("il y a beaucoup d'offres d'emploi en ce moment pour ce métier ?", [], None, [])
    assert q.phrases and {school().vocabulary.phrases[i][0] for i in q.phrases} \
        == {school().vocabulary.phrases[i][0] for i in with_apostrophe.phrases}


def test_how_much_more_written_with_a_plus_sign_is_a_gap():
    beginner, confirmed = levels()
    text = reply("de debutant max a confirme max ca fait combien de + ?", "salaire")
    assert f"{euros(confirmed.max - beginner.max)} € d'écart" in text, text


def test_a_percentage_on_the_minimum_after_a_levels_pay_is_on_both_minimums():
    beginner, confirmed = levels()
    replies = conversation(("la rémunération d'un confirmé ?", "salaire", A, "confirme"),
                           ("Et quel est l'écart avec un débutant, en pourcentage, sur le salaire minimum ?", "salaire",
                            A, "debutant"))
    percent = f"{(confirmed.min - beginner.min) / beginner.min * 100:.2f}".replace(".", ",").rstrip("0").rstrip(",")
    assert f"{euros(beginner.min)} € à {euros(confirmed.min)} €" in replies[1] and percent in replies[1], replies[1]
