"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh13.yml): a count asked with
« en tout » and the noun after it, a saying of the fiche asked for, hours and employers the fiche does not give.
Through core/dialogue.py on the behaviour knowledge: every expected word is read from the fixture fiche or its
templates."""
from core import dialogue
from tests.support.helpers import question_parts
from tests.support.knowledge import default_profession, replied, school, template_start


def respond(text, intent, parts=(), kind=dialogue.ANSWER, slots=None, ranking=()):
    return replied(text, intent, kind, slots, ranking, parts)


def test_a_count_with_en_tout_and_the_noun_after_it_is_the_lists_count_never_the_pay():
    p = default_profession()
    said = respond("y en a combien en tout des missions dans la fiche ?", "salaire")
    assert str(len(p.missions)) in said and p.missions[0].intitule in said, said
    assert template_start("salaire.general") not in said
    # the classifier cuts « combien » apart and reads it as the pay: one question all the same
    text = "Et la fiche en cite combien en tout, de ces qualités ?"
    parts = question_parts(text, ("Et la fiche en cite combien en tout", "salaire", 0.85),
                           ("de ces qualités", "soft_skills", 1.0))
    said = respond(text, "soft_skills", parts)
    assert str(len(p.soft_skills.qualites)) in said, said
    assert "€" not in said and template_start("hors_fiche.intro") not in said, said


def test_the_saying_of_the_fiche_asked_for_is_the_saying_whatever_the_model_reads():
    citation = default_profession().salaire.citation
    assert citation
    said = respond("il paraît qu'il y a une citation dans la fiche, c'est laquelle ?", "definition")
    assert citation in said, said
    assert default_profession().definition.resume not in said


def test_on_call_duty_and_the_hours_of_a_day_are_details_the_fiche_does_not_give():
    for text in ("y a des astreintes le soir dans ce métier ?", "il bosse genre 9h 17h ou c'est variable ?"):
        said = respond(text, "contraintes")
        assert said.startswith(template_start("hors_fiche.intro")), said


def test_a_town_hall_or_a_region_as_employer_is_a_detail_the_fiche_does_not_give():
    said = respond("est-ce qu'on peut faire ce métier dans une mairie ou un conseil régional ?", "evolutions")
    assert said.startswith(template_start("hors_fiche.intro")), said


def test_a_mission_said_reserved_to_someone_else_or_not_taken_part_in_is_corrected():
    p = default_profession()
    mission = next(m for m in p.missions if "représentation" in m.intitule.lower())
    said = respond("représenter l'organisation à l'international, c'est réservé au directeur, il n'y participe pas",
                   "missions")
    assert said.startswith(school().replier.t["missions.premisse_niee"].split("«")[0]), said
    assert mission.intitule in said, said


def test_years_of_study_after_the_bac_asked_unsure_get_the_diplomas():
    unsure = [("nlu_fallback", 0.5), ("relance", 0.51), ("diplome", 0.48)]
    said = respond("si je fais que 2 ans après le bac ?", "nlu_fallback", kind=dialogue.CLARIFY, ranking=unsure)
    assert "BTS" in said and not said.startswith(template_start("clarifier")), said


def test_a_professionals_testimony_the_date_of_the_fiche_and_a_vae_are_details_the_fiche_does_not_give():
    for text in ("dans la fiche, y a l'histoire de quelqu'un qui fait ce métier ?",
                 "c'est un pro du métier qui témoigne dans la fiche ?", "elle date de quand la fiche ? elle est à jour ?",
                 "on peut faire une VAE pour devenir chargé de mission ?", "le salaire est versé sur 13 mois ?",
                 "les femmes et les hommes sont-ils payés pareil ?", "la fiche donne un taux de burn-out ?",
                 "les notes des compétences, elles sont calculées comment ?", "la fiche donne les numéros RNCP ?",
                 "faire un service civique à l'international, c'est valorisé ?"):
        said = respond(text, "definition")
        assert said.startswith(template_start("hors_fiche.intro")), (text, said)


def test_what_is_asked_by_the_name_of_another_topic_gets_that_topic():
    """« Je prépare une grille pour mes élèves de BTS. Quelles soft skills sont citées ? » read as the BTS: the soft
    skills are asked for by their name, their answer is given, never « la fiche ne précise pas » and the BTS."""
    qualities = default_profession().soft_skills.qualites
    said = respond("Je prépare une grille pour mes élèves de BTS. Quelles soft skills sont citées pour ce métier ?", "bts")
    assert qualities[0].nom in said and not said.startswith(template_start("hors_fiche.intro")), said


def test_the_part_about_the_job_of_an_out_of_scope_message_is_answered():
    text = "tu connais une bonne recette de crêpes ? sinon dis-moi ce que fait ce métier"
    parts = question_parts(text, ("tu connais une bonne recette de crêpes", "hors_sujet", 0.99),
                           ("dis-moi ce que fait ce métier", "definition", 1.0))
    said = respond(text, "hors_sujet", parts, kind=dialogue.OUT_OF_SCOPE)
    assert default_profession().definition.resume[:40] in said, said
    # unsure of the part, the message stays out of scope
    unsure = [dict(parts[0]), dict(parts[1], confidence=0.6)]
    said = respond(text, "hors_sujet", unsure, kind=dialogue.OUT_OF_SCOPE)
    assert default_profession().definition.resume[:40] not in said, said


def test_thanks_with_a_detail_the_fiche_does_not_give_say_it_is_not_given():
    turn = dialogue.Turn(school().understand("Je vous remercie. Est-il par ailleurs versé sur treize mois ?", [],
                                             "remerciement"), "remerciement", (), {"sujet": "salaire"}, None,
                         dialogue.ANSWER)
    outcome = dialogue.question_after_politeness(school(), turn)
    assert outcome is not None and outcome.reply.text.startswith(template_start("hors_fiche.intro")), outcome


def test_the_pay_of_a_job_the_fiche_only_cites_is_not_given_even_with_the_profession_named():
    p = default_profession()
    evolution = p.evolutions.postes[0]
    said = respond(f"quand on passe {evolution.lower()} après avoir été {p.alias[0]}, on gagne combien ?", "evolutions")
    assert said.startswith(template_start("hors_fiche.intro")) and "€" not in said.split("\n")[0], said


def test_which_of_the_things_said_is_not_in_a_list_names_those_the_fiche_does_not_cite():
    qualities = default_profession().soft_skills.qualites
    text = f"parmi leadership, {qualities[0].nom.lower()} et {qualities[1].nom.lower()}, laquelle n'est pas dans les soft skills ?"
    said = respond(text, "soft_skills")
    first = said.split("\n")[0]
    assert "« leadership »" in first and qualities[0].nom.lower() not in first.lower(), said
    assert qualities[0].nom in said  # then the list
    # each named in the list: the list answers, nothing said missing
    every = respond(f"parmi {qualities[0].nom.lower()} et {qualities[1].nom.lower()}, laquelle n'est pas citée ?",
                    "soft_skills")
    assert "« " not in every.split("\n")[0], every


def test_a_skill_said_in_everyday_words_is_that_skill_not_one_sharing_a_word_with_the_message():
    """« repérer ce qui peut mal tourner dans un projet » is the risks (knowledge/reformulations.yml), not the project
    management that shares « projet » with it."""
    risks = next(s for s in default_profession().hard_skills.competences if "risque" in s.nom.lower())
    said = respond("faut savoir repérer ce qui peut mal tourner dans un projet ?", "hard_skills")
    assert risks.nom in said.split("\n")[0], said


def test_a_funny_sentence_of_the_fiche_about_pay_is_its_saying():
    said = respond("y a une phrase marrante dans la fiche à propos du salaire, c'est laquelle ?", "salaire")
    assert default_profession().salaire.citation in said, said


def test_something_asked_of_a_list_in_other_words_is_said_not_cited_with_a_no():
    """« … est-elle une des soft skills listées ? », « … fait partie des missions listées ? »: « partie », « listées » are how
    the list is spoken of, never a word that may be another form of an item's (« partenariats »)."""
    for text, topic in (("La patience est-elle une des soft skills listées ?", "soft_skills"),
                        ("Est-ce que le recrutement du personnel fait partie des missions listées ?", "missions")):
        said = respond(text, topic)
        assert said.startswith(template_start("element_hors_liste")) and said.startswith("Non"), said
    # whether something is needed, which a list that lacks it does not answer « non »
    assert not respond("faut être patient dans ce métier ?", "soft_skills").startswith("Non")
    mission = default_profession().missions[0].intitule
    assert respond(f"{mission.lower()}, ça fait partie des missions listées ?", "missions").startswith("Oui")


def test_thanks_with_what_the_last_answer_varies_with_get_that_answer_again():
    def after_pay(text):
        turn = dialogue.Turn(school().understand(text, [], "remerciement"), "remerciement", (), {"sujet": "salaire"}, None,
                             dialogue.ANSWER)
        return dialogue.question_after_politeness(school(), turn)
    outcome = after_pay("Merci. Qu'est-ce qui fait varier ces montants, selon la fiche ?")
    assert outcome is not None and default_profession().salaire.facteurs in outcome.reply.text
    assert after_pay("merci beaucoup !") is None  # only thanks: nothing more is said
