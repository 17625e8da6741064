"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh9.yml), each through
core/dialogue.py on the behaviour knowledge: every expected word is read from the fixture fiche or its templates."""
import re
from dataclasses import replace

from core import dialogue
from core.textnorm import fold, years_in
from tests.support.helpers import norm, question_parts
from tests.support.knowledge import amounts, default_profession, school


def reply(text, intent, kind=dialogue.ANSWER, slots=None, ranking=(), **entities):
    found = [{"entity": name, "value": value, "start": max(0, text.find(value))} for name, value in entities.items()]
    q = school().understand(text, found, intent)
    return dialogue.respond(school(), dialogue.Turn(q, intent, tuple(ranking), slots or {}, None, kind)).reply.text


def template(key, **fields):
    return school().replier.fill(key, **fields)


def test_more_than_the_beginners_top_figure_is_not_what_a_beginner_earns():
    low, high = amounts("debutant")
    said = f"sans aucune expérience je peux espérer plus de {high} € ?"
    text = reply(said, "salaire")
    assert text.startswith(template("salaire.verdict_non")), text
    assert low in norm(text) and high in norm(text)
    assert amounts("confirme")[1] not in norm(text)  # the beginner's pay, since « sans aucune expérience »
    assert reply(f"un débutant peut gagner plus de {int(low) - 1000} € ?", "salaire").startswith(
        template("salaire.verdict_oui"))


def test_the_start_and_the_end_of_a_career_in_one_message_get_both_levels():
    text = norm(reply("combien on gagne au début et combien au maximum en fin de parcours ?", "salaire",
                      experience="debutant"))
    assert all(figure in text for figure in amounts("debutant") + amounts("confirme")), text


def test_years_written_with_a_plus_are_years_of_experience():
    assert years_in(fold("and after 5+ years?")) == 5
    text = norm(reply("and after 5+ years?", "evolutions", slots={"sujet": "salaire"}))
    assert amounts("confirme")[0] in norm(text), text


def test_what_the_previous_answer_varies_with_is_asked_of_it_not_the_help():
    text = reply("ça dépend de quoi ?", "aide", kind=dialogue.HELP, slots={"sujet": "salaire"})
    factors = default_profession().salaire.facteurs
    assert factors and factors in text, text


def _head(name):
    return fold(name).split()[0]


def test_a_quality_named_by_its_first_word_is_the_quality_even_when_read_as_the_skills():
    p = default_profession()
    others = {w for s in p.hard_skills.competences for w in fold(s.nom).split()} \
        | {w for m in p.missions for w in fold(m.intitule).split()} | {w for o in p.outils.categories for w in fold(o.nom).split()}
    quality = next(q for q in p.soft_skills.qualites if len(_head(q.nom)) > 5 and _head(q.nom)[:5] not in
                   {w[:5] for w in others})
    text = reply(f"la {quality.nom.split()[0].lower()} ça compte ?", "hard_skills", ranking=(("hard_skills", 0.64),))
    assert quality.nom in text, text


def test_the_intents_own_word_keeps_its_list():
    """« un logiciel à connaître ? » asks the tools, whatever skill title « connaître » starts like."""
    text = reply("y a un logiciel précis à connaître ?", "outils")
    assert all(o.nom.lower() in text.lower() for o in default_profession().outils.categories[:2]), text


def test_the_lowest_scored_item_is_a_technical_skill_without_a_topic():
    skills = default_profession().hard_skills.competences
    lowest = min(skills, key=lambda s: s.score)
    assert lowest.nom in reply("et la moins bien notée c laquelle", "relance")


def test_each_skills_importance_asked_gets_them_all_in_order():
    text = reply("je souhaiterais connaître les compétences techniques attendues et leur niveau d'importance respectif",
                 "hard_skills")
    ordered = sorted(default_profession().hard_skills.competences, key=lambda s: -s.score)
    places = [text.find(s.nom) for s in ordered]
    assert -1 not in places and places == sorted(places), text


def test_the_most_important_after_the_qualities_is_within_the_qualities():
    text = reply("la + importante ?", "hard_skills", slots={"sujet": "soft_skills"})
    assert text.startswith(template("soft_skills.sans_classement", qualites="").strip().split("\n")[0]), text


def test_the_students_idea_of_the_job_in_sms_is_checked_against_the_definition():
    opening = template("definition_verifiee", reponse="").strip()
    for said, entities in (("en gros c un commercial qui vend a letranger cest ca ?", {"metier": "commercial"}),
                           ("en fait c'est surtout un traducteur non ?", {})):
        text = reply(said, "definition", kind=dialogue.CLARIFY, **entities)
        assert text.startswith(opening), (said, text)


def test_whether_a_diploma_lets_one_practise_is_that_diplomas_answer():
    text = reply("mon fils prépare un BTS. Pourra-t-il exercer le métier dès l'obtention de son diplôme ?",
                 "definition", diplome="bts")
    bts = next(d for d in default_profession().parcours if fold(d.nom) == "bts")
    assert text.startswith(bts.nom), text


def test_advice_asked_of_the_counsellor_intent_is_a_detail_the_fiche_does_not_give():
    said = reply("vous avez des noms d'écoles à me conseiller ?", "conseiller", kind=dialogue.COUNSELLOR)
    assert said.startswith("La fiche ne précise pas"), said
    asked = reply("je veux parler à un conseiller pour choisir mon école", "conseiller", kind=dialogue.COUNSELLOR)
    assert asked.startswith(school().replier.contact_reply().text.split("\n")[0]), asked


def test_a_guarantee_asked_after_a_diploma_is_asked_of_that_diploma():
    text = reply("mais avec ça c'est garanti d'avoir un poste à responsabilité ?", "relance", kind=dialogue.CLARIFY,
                 slots={"sujet": "mastere"})
    assert text.startswith(template("diplome.garantie")), text


def test_a_phrase_the_fiche_holds_only_inside_an_exception_is_still_not_given():
    """« horaires » asks the working hours, which the fiche does not give; its « décalages horaires » (an exception
    of that detail in hors_fiche.yml) are another thing, answered with the constraints."""
    assert "horaires" in fold(str(default_profession().contraintes))
    assert reply("horaires ?", "contraintes").startswith("La fiche ne précise pas les horaires")
    assert not reply("les décalages horaires c'est dur ?", "contraintes").startswith("La fiche ne précise pas")


def test_a_question_built_again_keeps_its_reading():
    q = school().understand("sans expérience, on gagne combien ?", [], "salaire")
    assert q.experience == "debutant" and replace(q, topic="salaire").experience == "debutant"


def test_the_faq_is_answered_with_what_the_fiche_says_of_it():
    """« la FAQ a combien de questions ? »: what the fiche says of its FAQ (its count, that it does not cover
    everything), and that its questions are not given here; a fiche without one says so."""
    p = default_profession()
    count = re.search(r"\d+", p.avertissement).group()
    text = reply("combien y a-t-il de questions dans la FAQ ?", "faq")
    assert text.startswith(template("faq", avertissement=p.avertissement).split("\n")[0]) and count in text, text
    silent = school().replier.answer(p.copy(update={"avertissement": None}), replace_topic("faq")).text
    assert silent.startswith(template("fiche_muette.intro", libelle=template("fiche_muette.sujets.faq"),
                                      intitule=p.intitule)), silent


def replace_topic(topic):
    return replace(school().understand("", [], topic), topic=topic)


def test_the_faq_is_only_what_a_message_that_names_it_or_follows_it_asks():
    missions = default_profession().missions
    said = reply("combien de missions la fiche liste-t-elle ?", "faq", ranking=(("faq", 0.6), ("missions", 0.3)))
    assert str(len(missions)) in said and missions[0].intitule in said, said
    count = re.search(r"\d+", default_profession().avertissement).group()
    assert count in reply("combien de questions dedans ?", "faq", slots={"sujet": "faq"})


def test_how_many_items_asked_after_a_list_or_said_wrong_gets_the_count():
    missions = default_profession().missions
    after = reply("y en a combien en tout ?", "salaire", slots={"sujet": "missions"})
    assert after.startswith(template("nombre_elements", nombre=len(missions), rubrique="Missions").split("«")[0]), after
    assert str(len(missions)) in after and missions[0].intitule in after
    stated = reply(f"il y a {len(missions) - 2} missions principales, c'est bien ça ?", "missions")
    assert str(len(missions)) in stated.split("\n")[0], stated
    stones = default_profession().experiences
    assert str(len(stones)) in reply("combien de métiers tremplins ?", "experiences").split("\n")[0]


def test_a_job_asked_among_the_stepping_stones_by_that_word_is_checked_against_them():
    text = reply("commercial export fait partie des métiers tremplins cités, non ?", "definition", metier="commercial")
    assert text.startswith(template("metier_non_cite", metier="commercial export", rubrique="x").split("«")[0]), text
    assert default_profession().experiences[0].poste in text


def test_work_study_asked_as_compulsory_is_not_a_yes_unless_the_fiche_says_so():
    text = reply("l'alternance c'est obligatoire pour ce parcours ?", "alternance")
    assert text.startswith(template("alternance_pas_obligatoire", alternance="").split(".")[0]), text


def test_a_tool_belittled_is_a_no():
    p = default_profession()
    named = [t for t in p.outils.categories if school().replier.names_an_item(
        p, "outils", school().understand(f"les {t.nom.lower()} ça sert à rien, c'est ça ?", [], "outils"))]
    assert named, "no tool named alone"
    text = reply(f"les {named[0].nom.lower()} ça sert à rien, c'est ça ?", "outils")
    assert text.startswith("Non") and named[0].detail in text, text


def test_it_after_a_topic_is_that_topic_not_the_definition():
    text = reply("et ça désigne un métier précis ?", "definition", slots={"sujet": "rncp"})
    assert default_profession().rncp.split(":")[0] in text, text


def test_which_ones_of_a_skill_is_that_skill_not_its_rank():
    skill = next(s for s in default_profession().hard_skills.competences if s.non_precise)
    word = skill.nom.split()[-1].lower()
    text = reply(f"ok. et les {word}, lesquelles faut-il ?", "hard_skills", competence=word)
    assert skill.non_precise in text, text


def test_a_second_part_that_only_says_the_list_is_all_there_is_belongs_to_the_first():
    text = "les formations citées sur la fiche, c'est les seules possibles ?"
    parts = question_parts(text, ("les formations citées sur la fiche", "formation_continue", 1.0),
                           ("c'est les seules possibles", "contraintes", 0.75))
    q = school().understand(text, [], "formation_continue", parts)
    said = dialogue.respond(school(), dialogue.Turn(q, "formation_continue", (), {}, None, dialogue.ANSWER)).reply.text
    assert default_profession().diplome.precision.split(",")[0] in said, said
    assert "\n\n" not in said  # one answer, not one per part


def test_something_asked_of_a_list_that_names_none_of_its_items_is_said_not_cited():
    p = default_profession()
    opening = template("element_non_cite", rubrique=school().replier.topics.sujets["soft_skills"].rubrique)
    text = reply("la patience c'est dans les qualités demandées ?", "soft_skills")
    assert text.startswith(opening) and p.soft_skills.qualites[0].nom in text, text
    # an item named, even in another form of its first word, is never said missing
    quality = p.soft_skills.qualites[0].nom
    assert not reply(f"est-ce qu'il faut avoir de la {quality.lower()} ?", "soft_skills").startswith(opening)
    assert not reply(f"est-ce qu'il faut être {quality.lower()[:4]}ieux ?", "soft_skills").startswith(opening)
    assert not reply("les qualités demandées ?", "soft_skills").startswith(opening)  # asks the list


def test_the_students_own_job_that_the_fiche_cites_as_a_stepping_stone_gets_what_it_says_of_it():
    p = default_profession()
    stone = p.experiences[-1]
    job = stone.poste.split(" en ")[0].replace("(e)", "e").lower()
    said = (f"J'ai bossé 6 ans comme {job}, je voudrais me reconvertir vers ce métier. "
            "Est-ce que mon parcours a du sens ou je repars de zéro ?")
    text = reply(said, "formation_continue")
    # « Oui : la fiche cite votre expérience, « … » », then what the fiche says of the stepping stones
    assert text.startswith(template("experience_la_votre", poste=stone.poste)), text
    assert template("experiences", intitule=p.intitule, experiences="").split(":")[0] in text, text
    # asked its pay, the student's own job is not answered with the stepping stones
    assert not reply(f"je suis {job}, je gagne combien ?", "salaire").startswith(text.split(":")[0])


def test_a_country_is_no_word_of_pay():
    assert not school().understand("je travaille avec des pays étrangers", [], "missions").about_pay
    assert all(school().understand(t, [], "salaire").about_pay for t in ("ça paye bien ?", "c'est payé combien ?", "pay?"))
