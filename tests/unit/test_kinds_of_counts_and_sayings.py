"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh13.yml): a count asked with
« en tout » and the noun after it, a saying of the fiche asked for, hours and employers the fiche does not give.
Through core/dialogue.py on the behaviour knowledge: every expected word is read from the fixture fiche or its
templates."""
from core import dialogue
from tests.support.knowledge import default_profession, school


def respond(text, intent, parts=(), kind=dialogue.ANSWER, slots=None, ranking=()):
    q = school().understand(text, [], intent, list(parts))
    return dialogue.respond(school(), dialogue.Turn(q, intent, tuple(ranking), slots or {}, None, kind)).reply.text


def template_start(key):
    return school().replier.t[key].split("{")[0]


def test_a_count_with_en_tout_and_the_noun_after_it_is_the_lists_count_never_the_pay():
    p = default_profession()
    said = respond("y en a combien en tout des missions dans la fiche ?", "salaire")
    assert str(len(p.missions)) in said and p.missions[0].intitule in said, said
    assert template_start("salaire.general") not in said
    # the classifier cuts « combien » apart and reads it as the pay: one question all the same
    text = "Et la fiche en cite combien en tout, de ces qualités ?"
    parts = [{"text": "Et la fiche en cite combien en tout", "intent": "salaire", "confidence": 0.85, "start": 0, "end": 35},
             {"text": "de ces qualités", "intent": "soft_skills", "confidence": 1.0, "start": 37, "end": 52}]
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
