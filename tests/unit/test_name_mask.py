"""The professions' names taken out of a message before its intent is read (rasa_ext/nlu/name_mask.py): read from the
fiches' names only, the same names as when each fiche is read whole, and taken out of a message whole words only."""
import shutil

import yaml

from core.gender import gender_forms
from core.names import typed_forms
from core.textnorm import fold
from rasa_ext.nlu.name_mask import MIN_NAME_LENGTH, NameMask, knowledge_names
from tests.support.knowledge import FIXTURE_KNOWLEDGE


def names_read_whole(folder) -> list:
    """The names as the whole fiches give them (title forms and aliases)."""
    names = set()
    for path in sorted((folder / "metiers").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        forms = [t for g in gender_forms(data["intitule"]) for t in typed_forms(g)] + list(data.get("alias") or ())
        names |= {" ".join(fold(f).split()) for f in forms}
    return sorted(n for n in names if len(n) >= MIN_NAME_LENGTH)


def test_the_names_read_apart_are_those_of_the_whole_fiches(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder)
    expected = names_read_whole(folder)
    assert expected and knowledge_names(folder) == expected
    # a fiche whose names are written as a flow mapping is read whole, its names the same
    (folder / "metiers" / "flux.yml").write_text("{id: flux, intitule: Guide de rivière, alias: [guide rafting]}\n",
                                                encoding="utf-8")
    assert {"guide de riviere", "guide rafting"} <= set(knowledge_names(folder))


def test_an_unreadable_fiche_is_left_out_and_the_others_names_are_read(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder)
    expected = names_read_whole(folder)
    (folder / "metiers" / "casse.yml").write_text("intitule: [pas fermé\n", encoding="utf-8")
    assert knowledge_names(folder) == expected


def test_a_name_is_taken_out_whole_words_only():
    mask = NameMask(["conducteur de tramway"])
    assert "conducteur de tramway" not in mask("combien gagne un conducteur de tramway a lyon ?")
    assert mask("le conducteur de tramways anciens") == "le conducteur de tramways anciens"
