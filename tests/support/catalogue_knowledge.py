"""The fixture catalogue (tests/fixtures/catalogue/metiers, 8 fictional professions) as a knowledge
folder: the fixture's shared files (sujets, reponses, contact, hors_fiche) with those professions."""
import shutil
from pathlib import Path

from core.school import School
from loading.school import load_school
from tests.support.helpers import ROOT
from tests.support.knowledge import FIXTURE_KNOWLEDGE

CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue" / "metiers"


def write_catalogue_knowledge(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(FIXTURE_KNOWLEDGE, folder, ignore=shutil.ignore_patterns("metiers"))
    shutil.copytree(CATALOGUE, folder / "metiers")
    return folder


def catalogue_school(tmp: Path) -> School:
    return load_school(write_catalogue_knowledge(Path(tmp) / "catalogue"))
