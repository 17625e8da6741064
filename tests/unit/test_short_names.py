"""A profession is found by the words that end its title (« droit social » for « Juriste en droit social »)
once imported, when no other profession of the school is read from them; `make check` warns when words of a
title are read as another profession (trainer/short_names.py)."""
import re
import shutil

from core.names import NameIndex
from loading.lexicon import for_names
from tests.support.helpers import ROOT
from tests.support.knowledge import FIXTURE_PROFESSION, school
from tests.support.project import project_copy, run_check
from trainer.importer.__main__ import main
from trainer.short_names import complements, designating

LAWYER = ROOT / "tests" / "fixtures" / "fiches" / "heldout" / "a10_juriste_droit_social.txt"


def test_the_complements_of_a_title_start_on_a_word_of_meaning():
    assert complements("Chargé(e) de projets tourisme durable") == ["projets tourisme durable", "tourisme durable"]
    assert complements("Infirmier / Infirmière en soins généraux (IDE)") == ["soins generaux"]  # not « generaux »
    assert complements("Boulanger / Boulangère") == [] and complements("Conducteur / Conductrice de tramway") == []


def test_a_complement_another_profession_holds_is_no_short_name():
    index = NameIndex([("a", "Guide de tourisme durable")], **for_names())
    assert designating("Chargé(e) de projets tourisme durable", "b", index) == ["projets tourisme durable"]
    assert index.holding("tourisme durable") == ("a",)
    alone = NameIndex([("a", "Boulanger / Boulangère")], **for_names())
    assert designating("Chargé(e) de projets tourisme durable", "b", alone) == [
        "projets tourisme durable", "tourisme durable"]
    # a word of a question is never part of a short name (« salaire », « métier »)
    assert designating("Agent(e) de salaire minimum", "b", alone, question_words={"salair"}) == []


def test_an_imported_profession_is_found_by_the_end_of_its_title(tmp_path, capsys):
    project = project_copy(tmp_path)
    assert main([str(LAWYER), "--dossier", str(project / "knowledge" / "metiers")]) == 0
    capsys.readouterr()
    written = (project / "knowledge" / "metiers" / "juriste_droit_social.yml").read_text(encoding="utf-8")
    assert "- droit social" in written
    names = school(project / "knowledge").names
    assert names.find("le droit social ça paie bien ?") == ("juriste_droit_social",)


def test_a_short_name_already_held_elsewhere_is_not_added(tmp_path, capsys):
    project = project_copy(tmp_path)
    other = project / "knowledge" / "metiers" / "testeur_jeux_societe.yml"
    shutil.copy(FIXTURE_PROFESSION, other)
    other.write_text(other.read_text(encoding="utf-8").replace(
        "alias:\n", "alias:\n  - testeur en droit social\n  - droit social\n", 1), encoding="utf-8")
    assert main([str(LAWYER), "--dossier", str(project / "knowledge" / "metiers")]) == 0
    capsys.readouterr()
    written = (project / "knowledge" / "metiers" / "juriste_droit_social.yml").read_text(encoding="utf-8")
    assert "- droit social" not in written


def _with_the_lawyer(tmp_path, capsys):
    """A copy of the project with a second profession, imported from a held-out fiche."""
    project = project_copy(tmp_path)
    assert main([str(LAWYER), "--dossier", str(project / "knowledge" / "metiers")]) == 0
    capsys.readouterr()
    return project, project / "knowledge" / "metiers" / "juriste_droit_social.yml"


def test_make_check_warns_when_words_of_a_title_are_read_as_another_profession(tmp_path, capsys):
    project, lawyer = _with_the_lawyer(tmp_path, capsys)
    lawyer.write_text(lawyer.read_text(encoding="utf-8").replace(
        "alias:\n", "alias:\n  - mission relations internationales\n", 1), encoding="utf-8")
    result = run_check(project)
    assert "« mission relations internationales », des mots du titre « Chargé(e) de mission relations internationales », " \
           "est lu comme le métier « Juriste en droit social »" in result.stdout, result.stdout
    assert result.returncode == 0  # a warning: the trainer decides


def test_a_title_that_holds_another_profession_s_full_name_is_not_warned(tmp_path, capsys):
    project, lawyer = _with_the_lawyer(tmp_path, capsys)
    assert "est lu comme le métier" not in run_check(project).stdout
    chief = lawyer.read_text(encoding="utf-8").replace("id: juriste_droit_social", "id: chef_juriste_droit_social") \
        .replace("intitule: Juriste en droit social", "intitule: Chef juriste / Cheffe juriste en droit social")
    chief = re.sub(r"(?m)^alias:\n(?:  - .*\n)+", "alias:\n  - chef juriste en droit social\n", chief)
    (lawyer.parent / "chef_juriste_droit_social.yml").write_text(chief, encoding="utf-8")
    result = run_check(project)
    # read as the other profession, rightly: « juriste en droit social » is its name in full
    assert school(project / "knowledge").names.find("juriste en droit social") == ("juriste_droit_social",)
    assert "est lu comme le métier" not in result.stdout, result.stdout


def test_a_surname_after_a_civility_and_a_name_across_two_sentences_name_no_job():
    """(tests/fixtures/names/rome_heldout12.yml) « Mme Boulanger nous a donné des devoirs » names a teacher; « oui
    chef ! je range ma chambre » is no « Chef de rang »: a name does not run across the end of a sentence, and a word
    after « je » that starts a sentence is a verb. The job said after a civility and a comma is still found."""
    index = NameIndex([("b", "Boulanger / Boulangère"), ("c", "Chef / Cheffe de rang")], **for_names())
    assert index.find("Mme Boulanger nous a donné trop de devoirs pour lundi") == ()
    assert index.find("M. Boulanger est sympa") == ()
    assert index.find("oui chef ! je range ma chambre") == ()
    assert index.find("bonjour madame, boulanger ça paye ?") == ("b",)
    assert index.find("madame, je voudrais devenir boulangère") == ("b",)
    assert index.find("salut ! chef de rang ça paye ?") == ("c",)


def test_an_acronym_written_with_an_ampersand_names_its_title_only_so_written():
    """« un poste en V&V » is the title that writes « (V&V) »; « vv » alone is no acronym."""
    index = NameIndex([("v", "Ingénieur / Ingénieure essais vérification et validation (V&V) en milieu nucléaire")],
                      **for_names())
    assert index.find("un poste en V&V dans le nucléaire, ça consiste en quoi ?") == ("v",)
    assert index.find("mdr vv") == ()


def test_a_name_is_read_within_one_sentence_or_comma_separated_part():
    """(tests/fixtures/names/rome_heldout13.yml) « directeur, il faut faire quelle école ? »: no « Directeur d'école »,
    whose words stand in two parts; « avec les bébés, animatrice petite enfance »: the word after a comma starts anew
    (no adjective of « bébés »); a greeting and its comma before the name leave it first."""
    index = NameIndex([("d", "Directeur / Directrice d'école primaire"), ("e", "Directeur / Directrice environnement"),
                       ("a", "Animateur / Animatrice petite enfance"),
                       ("p", "Plombier / Plombière sanitaire")], **for_names())
    assert index.find("directeur, il faut faire quelle école ?") == ()
    assert index.find("je veux être directrice d'école primaire") == ("d",)
    assert index.find("je veux bosser avec les bébés, animatrice petite enfance c'est bien ?") == ("a",)
    assert index.heads("Bonjour, plombier c'est un bon métier ?") == ("p",)
