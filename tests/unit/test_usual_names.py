"""knowledge/noms_usuels.yml read by loading/usual_names.py: the names people use for a title of the national list
become aliases only when they read no ordinary word and no other title. A small list written here (the real one
is data a school may change). Everyday words (`courant`) are names only said as a job."""
import pytest

from core.names import NameIndex
from loading.lexicon import for_names
from loading.usual_names import names_of, said_as_job, usual_names

LIST = """
noms_usuels:
- titre: Contrôleur aérien / Contrôleuse aérienne
  noms: [radariste, surveillant du trafic aérien]
- titre: Aiguilleur / Aiguilleuse du rail
  noms: []
- titre: Agent / Agente de protection rapprochée
  noms: [bodyguard, garde du corps]
- titre: Enquêteur privé / Enquêtrice privée
  noms: [détective privé, aiguilleur de filatures]
- titre: Surveillant / Surveillante en milieu scolaire
  noms: [aed]
  courant: [pion, pionne]
"""


@pytest.fixture()
def lexicon(tmp_path):
    path = tmp_path / "noms_usuels.yml"
    path.write_text(LIST, encoding="utf-8")
    return path


def test_a_usual_name_is_kept_for_its_title_and_found_from_a_fiches_spelling(lexicon):
    # « surveillant du trafic aérien » starts with another title's head noun: its complement tells them apart
    assert names_of("Contrôleur(se) aérien(ne)", lexicon) == ("radariste", "surveillant du trafic aérien")
    assert names_of("Enquêteur privé / Enquêtrice privée", lexicon) == ("détective privé", "aiguilleur de filatures")
    assert names_of("Boulanger / Boulangère", lexicon) == ()


def test_a_name_that_would_read_an_ordinary_word_or_another_title_is_left_out(lexicon):
    kept = usual_names(lexicon)
    everything = {name for names in kept.values() for name in names}
    assert "garde du corps" not in everything      # « garde » alone would name it
    assert "aed" not in everything and "pion" not in everything  # an acronym; an everyday word
    assert "bodyguard" in everything


def test_an_ordinary_first_word_that_already_starts_titles_names_none_alone(tmp_path):
    path = tmp_path / "noms_usuels.yml"
    path.write_text(LIST + "- titre: Garde d'enfant\n  noms: []\n", encoding="utf-8")
    assert "garde du corps" in names_of("Agent / Agente de protection rapprochée", path)


def test_an_everyday_name_is_read_only_said_as_a_job_and_only_for_a_title_the_school_has(lexicon):
    said = said_as_job(lexicon)
    school = NameIndex([("aed", "Surveillant / Surveillante en milieu scolaire"), ("baignade", "Surveillant de baignade")],
                       **for_names(), said=said)
    for text in ("je veux devenir pion", "je suis pionne dans un lycée, c'est payé combien ?",
                 "travailler comme pion pendant mes études ?", "le métier de pion, c'est quoi ?"):
        assert school.find(text) == ("aed",), text
    for text in ("c'est quoi un pion ?", "pion, dame, roi : les échecs c'est un métier ?", "le pion avance"):
        assert school.find(text) == (), text
    other = NameIndex([("baignade", "Surveillant de baignade")], **for_names(), said=said)
    assert other.find("je veux devenir pion") == () and other.heads("je veux devenir pion") == ()


def test_a_usual_name_that_is_only_the_head_of_a_longer_title_names_the_usual_job(tmp_path):
    """« caissière » is what everyone calls the supermarket's cashier, though a longer title starts with it
    (« Caissier / Caissière de l'emballage industriel »): the usual name is kept, and the longer title is still read
    written whole. A name that is a whole title of another job is left out."""
    path = tmp_path / "noms_usuels.yml"
    path.write_text("""
noms_usuels:
- titre: Hôte / Hôtesse de caisse
  noms: [caissière, caissier, cuisinier]
- titre: Caissier / Caissière de l'emballage industriel
  noms: []
- titre: Cuisinier / Cuisinière
  noms: []
""", encoding="utf-8")
    assert names_of("Hôte / Hôtesse de caisse", path) == ("caissière", "caissier")
    titles = [("hote", "Hôte / Hôtesse de caisse"), ("emballage", "Caissier / Caissière de l'emballage industriel")]
    school = NameIndex(titles + [(key, name) for key, title in titles[:1] for name in names_of(title, path)],
                       **for_names())
    assert school.find("ma tante est caissière au supermarché") == ("hote",)
    assert school.find("caissière de l'emballage industriel, ça consiste en quoi ?") == ("emballage",)
