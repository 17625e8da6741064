"""Messages the model reads as help or as out of scope, seen in sets written apart (tests/nlu/test_fresh32.yml):
« traduis … en espagnol » is work ordered, out of scope, not the job's languages; « pourquoi celui en droit ça aide ? »
after the stepping stones is that stepping stone, not the help; « t'as une punchline sur l'argent ? » is the fiche's
saying. Names and the saying are read from the fixture fiche."""
from core import dialogue
from tests.support.knowledge import default_profession, replied, replies_to, template_start

A = dialogue.ANSWER


def test_a_translation_ordered_is_out_of_scope():
    said = replied('traduis "bonjour ça va" en espagnol stp', "hors_sujet", dialogue.OUT_OF_SCOPE)
    assert said.startswith(template_start("hors_sujet")), said


def test_a_stepping_stone_named_in_a_message_read_as_help_is_that_stepping_stone():
    p = default_profession()
    stone = next(e for e in p.experiences if "droit" in e.poste.lower())
    replies = replies_to(("ils citent quels jobs pour se faire de l'expérience avant ?", "experiences", A),
                         ("pourquoi celui en droit ca aide ?", "aide", dialogue.HELP))
    assert stone.poste in replies[1] and stone.apport in replies[1], replies[1]


def test_a_punchline_on_money_is_the_saying():
    citation = default_profession().salaire.citation
    replies = replies_to(("tu preferes fortnite ou minecraft", "hors_sujet", dialogue.OUT_OF_SCOPE),
                         ("ok ok. t'as une punchline sur l argent ?", "hors_sujet", dialogue.OUT_OF_SCOPE))
    assert citation in replies[1], replies[1]


def test_only_one_mission_is_corrected_by_the_others():
    """« on fait que de l'admin toute la journée ? »: not only, that mission among others (never a bare « Oui »)."""
    p = default_profession()
    mission = next(m for m in p.missions if "administrati" in m.intitule.lower())
    said = replied("on fait que de l admin toute la journee ou pas ?", "missions")
    assert said.startswith(template_start("missions.parmi_d_autres")) and mission.intitule in said, said
    assert any(m.intitule in said for m in p.missions if m is not mission)


def test_a_diploma_said_useless_is_corrected_with_what_the_fiche_says_it_brings():
    path = next(path for path in default_profession().parcours if path.niveau == 5)
    said = replied("ok mais le mastère il sert à rien alors ?", "mastere")
    assert said.startswith("Non") and path.en_bref in said, said
