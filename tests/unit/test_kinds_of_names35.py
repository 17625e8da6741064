"""Kinds of messages seen in the thirty-fifth held-out names set (core/names.py): the place or the sector said first,
a comma, then the job (« à la pharmacie, préparatrice »)."""
from core.names import NameIndex


def _index() -> NameIndex:
    return NameIndex([("pharma", "Préparateur / Préparatrice en pharmacie"),
                      ("culinaire", "Préparateur / Préparatrice culinaire"),
                      ("bat", "Conducteur / Conductrice de travaux du bâtiment"),
                      ("tp", "Conducteur / Conductrice de travaux publics"),
                      ("cuisine", "Commis / Commise de cuisine"), ("douane", "Commis coursier / Commise coursière en douane"),
                      ("atelier", "Premier / Première d'atelier"),
                      ("secr", "Secrétaire"), ("mairie", "Secrétaire de mairie")])


def test_a_setting_said_before_the_job_narrows_it_as_a_complement_would():
    """The setting (« à la », « dans le », « en »… and up to four words, then a comma) tells which of a head's names
    the student means; a job said after another head (« le premier poste ») does not compete with it."""
    index = _index()
    assert index.find("à la pharmacie, préparatrice, c'est quel diplôme ?") == ("pharma",)
    assert index.find("dans le bâtiment, conducteur de travaux, il faut quel bac ?") == ("bat",)
    assert index.find("en cuisine, commis, c'est le premier poste ?") == ("cuisine",)


def test_a_one_word_name_after_a_setting_of_a_longer_name_is_that_longer_name():
    """« à la mairie, secrétaire » is the town hall's secretary; a setting that names none of the head's longer names
    leaves the one-word name (« au bureau, secrétaire »)."""
    index = _index()
    assert index.find("à la mairie, secrétaire, c'est sur concours ?") == ("mairie",)
    assert index.find("au bureau, secrétaire, c'est sur concours ?") == ("secr",)


def test_a_setting_that_is_no_name_of_the_head_leaves_it_undecided():
    """« préparatrice » alone, or after a setting none of its names holds (« au lycée, préparatrice »), stays
    undecided between its names: the student is asked which."""
    index = _index()
    for message in ("préparatrice, c'est quel diplôme ?", "au lycée, préparatrice, c'est quel diplôme ?"):
        assert index.find(message) == ()
        assert set(index.heads(message)) == {"pharma", "culinaire"}


def test_a_head_followed_by_de_and_an_infinitive_is_a_duty_no_title():
    """« responsable de sortir les poubelles », « chargée de surveiller la cour »: a duty of everyday life, no job;
    « responsable des déchets », « responsable de chantier » (nouns) stay titles."""
    index = NameIndex([("dechets", "Responsable des déchets"), ("chantier", "Responsable de chantier"),
                       ("crm", "Chargé / Chargée de surveillance")],
                      known=frozenset({"sortir", "trier", "surveiller", "poubelles", "cour", "semaine"}))
    assert index.find("Qui est responsable de sortir les poubelles et de trier les déchets cette semaine ?") == ()
    assert index.find("elle est chargée de surveiller la cour") == ()
    assert index.find("responsable des déchets, ça gagne combien ?") == ("dechets",)
    assert index.find("il est responsable de chantier") == ("chantier",)
