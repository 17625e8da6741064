"""knowledge/noms_usuels.yml read by loading/usual_names.py: the names people use for a title of the national list
become aliases only when they read no ordinary word and no other title. A small list written here (the real one
is data a school may change)."""
import pytest

from loading.usual_names import names_of, usual_names

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
  courant: [pion]
"""


@pytest.fixture()
def lexicon(tmp_path):
    path = tmp_path / "noms_usuels.yml"
    path.write_text(LIST, encoding="utf-8")
    return path


def test_a_usual_name_is_kept_for_its_title_and_found_from_a_fiches_spelling(lexicon):
    assert names_of("Enquêteur privé / Enquêtrice privée", lexicon) == ("détective privé",)
    # « surveillant … » starts with the head noun of another title: left out
    assert names_of("Contrôleur(se) aérien(ne)", lexicon) == ("radariste",)
    assert names_of("Boulanger / Boulangère", lexicon) == ()


def test_a_name_that_would_read_an_ordinary_word_or_another_title_is_left_out(lexicon):
    kept = usual_names(lexicon)
    everything = {name for names in kept.values() for name in names}
    assert "garde du corps" not in everything      # « garde » alone would name it
    assert "aiguilleur de filatures" not in everything  # starts with the head noun of another title
    assert "aed" not in everything and "pion" not in everything  # an acronym; an ordinary word
    assert "bodyguard" in everything
