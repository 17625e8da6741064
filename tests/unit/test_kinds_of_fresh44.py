"""Kinds seen in a set written apart (tests/nlu/test_fresh44.yml): how many times one level's pay is the other's; « le
max c'est genre 2 fois le début ? »; « la 2 tu peux développer » after a list; a last sentence with no « ? » that goes on
with the question (« ya du taf ? genre combien de postes »); « forcément » beside an amount the range holds; the schools
that teach a diploma; the gap between two skills named while a third is in play; years of experience compared after the
pay; a request to shape the answer (« fais-moi une liste numérotée ») is no question the fiche leaves unanswered; the
studies to get there after the evolutions; « les perspectives de rémunération »; « donne un exemple » after one skill;
« ok », « ah ok je vois » after an answer; a gap asked by the month. Texts and figures are read from the fixture fiche."""
import re

from core import dialogue, topic_reading
from core.pay_sums import decimal
from tests.support.knowledge import default_profession, pay_levels, replied, replies_to, school, template_start

A, CLARIFY, OUT = dialogue.ANSWER, dialogue.CLARIFY, dialogue.OUT_OF_SCOPE


def plain(text: str) -> str:
    """A reply with its thousands separators removed (« 30 000 » → « 30000 »)."""
    return re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", text)


def test_how_many_times_one_level_earns_the_other_compares_the_middles():
    beginner, confirmed = pay_levels()
    said = plain(replied("un confirmé gagne combien de fois plus qu'un débutant ?", "salaire"))
    middles = (confirmed.min + confirmed.max) / 2, (beginner.min + beginner.max) / 2
    assert decimal(middles[0] / middles[1]) in said and str(round(middles[0])) in said, said


def test_the_top_said_to_be_twice_the_start_is_checked_on_the_career_ends():
    beginner, confirmed = pay_levels()
    said = plain(replies_to(("on gagne combien au début ?", "salaire", A),
                            ("donc le max c'est genre 2 fois le début ?", "nlu_fallback", CLARIFY))[1])
    assert str(confirmed.max) in said and str(beginner.min) in said and "fois" in said, said


def test_a_bare_rank_after_a_list_is_that_item():
    second = default_profession().experiences[1].poste
    said = replies_to(("faut avoir fait quoi avant pour postuler ?", "experiences", A),
                      ("la 2 tu peux développer", "hors_sujet", OUT))[1]
    assert said.startswith(template_start("experiences_rang")) and second in said, said


def test_a_last_sentence_without_a_question_mark_goes_on_with_the_question():
    said = replied("ya du taf ? genre combien de postes", "nlu_fallback", CLARIFY)
    assert said.startswith("La fiche ne précise pas") and "emploi" in said, said
    # a story after the question is still no question
    assert not replied("Combien gagne un débutant ? Je suis en reconversion à 35 ans.", "salaire") \
        .startswith("La fiche ne précise pas")


def test_an_amount_said_to_be_certain_is_possible_not_certain():
    _, confirmed = pay_levels()
    inside = (confirmed.min + confirmed.max) // 2
    assert replied(f"un confirmé gagne forcément {inside} € ?", "salaire").startswith(
        school().replier.t["salaire.verdict_pas_forcement"])
    assert replied(f"un confirmé gagne {inside} € ?", "salaire").startswith(school().replier.t["salaire.verdict_oui"])


def test_the_schools_that_teach_a_diploma_are_not_in_the_fiche():
    said = replied("c'est quoi les écoles qui font le bachelor ?", "bachelor")
    assert said.startswith("La fiche ne précise pas") and "école" in said, said


def test_the_gap_between_two_skills_named_is_theirs_not_the_one_in_play():
    skills = {s.id: s for s in default_profession().hard_skills.competences}
    first = replies_to(("la compétence la plus notée c'est la rédaction non ?", "hard_skills", A))[0]
    assert "Rédaction" in first
    slots = {"sujet": "hard_skills", "element": skills["redaction"].nom}
    q = school().understand("et langues - risques ça fait combien d'écart",
                            [{"entity": "competence", "value": "langues"}], "hard_skills", [])
    said = dialogue.respond(school(), dialogue.Turn(q, "hard_skills", (("hard_skills", 0.98),), slots, None, A)).reply.text
    gap = abs(skills["langues"].score - skills["analyse_risques"].score)
    assert f"{gap} point" in said and said.index(skills["langues"].nom) < said.index("écart"), said


def test_years_of_experience_compared_after_the_pay_are_the_pay_levels():
    q = school().understand("et entre les deux niveaux ya un trou non ? genre 4 ans d'xp", [], "catalogue_comparer", [])
    assert topic_reading.compared_topic(school(), q) == "salaire"
    q = school().understand("entre les deux niveaux d'études, lequel ?", [], "catalogue_comparer", [])
    assert topic_reading.compared_topic(school(), q) == "diplome"


def test_a_request_to_shape_the_answer_asks_nothing_the_fiche_lacks():
    said = replied("faut avoir fait quoi avant pour postuler ? fais moi une liste numérotée stp", "experiences")
    assert not said.startswith("La fiche ne précise pas") and default_profession().experiences[0].poste in said, said


def test_studies_to_get_there_after_the_evolutions_are_the_diplomas_but_training_they_speak_of_stays_theirs():
    evolutions = ("et ça évolue vers quoi après ?", "evolutions", A)
    diplomas = replies_to(evolutions, ("tu me conseilles quoi comme études pour y arriver ?", "diplome", A))[1]
    assert diplomas[:60] == replied("quelles études faut-il faire ?", "diplome")[:60], diplomas
    again = replies_to(evolutions, ("il faut refaire une formation pour ça ?", "diplome", A))[1]
    assert default_profession().evolutions.postes[0] in again, again


def test_the_prospects_of_pay_are_the_pay():
    beginner, confirmed = pay_levels()
    said = plain(replied("Quelles sont les perspectives de rémunération, en début de carrière puis avec de l'expérience ?",
                         "salaire"))
    assert not said.startswith("La fiche ne précise pas") and str(beginner.min) in said and str(confirmed.max) in said, said


def test_an_example_asked_right_after_one_skill_is_that_skill_not_the_help():
    skill = next(s for s in default_profession().hard_skills.competences if s.id == "gestion_projet")
    said = replies_to(("les compétences techniques ?", "hard_skills", A),
                      ("la gestion de projet c'est important ?", "hard_skills", A),
                      ("genre ? donne un exemple", "aide", dialogue.HELP))[2]
    assert said.startswith(skill.nom) and skill.detail[:20].lower() in said.lower(), said


def test_an_acknowledgement_after_an_answer_offers_what_to_ask_next_and_refuses_nothing():
    acknowledged = school().replier.t["bien_recu"]
    for text in ("oui", "ah ok je vois", "ok cool", "vas-y"):
        assert replies_to(("c'est quoi les outils ?", "outils", A), (text, "hors_sujet", OUT))[1] == acknowledged, text
    # surprise is no acknowledgement; after « Vouliez-vous parler de… ? », « oui » is no acknowledgement either
    assert replies_to(("c'est quoi les outils ?", "outils", A), ("ah bon ?", "hors_sujet", OUT))[1] != acknowledged


def test_a_gap_asked_by_the_month_is_said_by_the_year_and_by_the_month():
    beginner, confirmed = pay_levels()
    gap = confirmed.min - beginner.max
    said = plain(replies_to(("l'écart entre le max débutant et le min confirmé ?", "salaire", A),
                            ("ok par mois ça fait combien en plus ?", "salaire", A))[1])
    assert f"{gap} €" in said and f"{round(gap / 12)} €" in said, said
    said = plain(replied("l'écart par mois entre débutant et confirmé ?", "salaire"))
    assert f"{round((confirmed.min - beginner.min) / 12)} €" in said, said
