"""A fictional catalogue of N professions, generated at run time from the fixture knowledge.

`make bench` and the catalogue tests need hundreds of professions; committing them would be 600
files of copies. Each generated profession is a fixture profession with another id, name, aliases
and salary figures, so that a question names exactly one of them and its answer shows its own
figures. The shared files (sujets.yml, reponses.yml…) are the fixture's.
"""
import shutil
from pathlib import Path
from typing import List

import yaml

from loading.knowledge import load_profession
from tests.support.knowledge import FIXTURE_KNOWLEDGE

# Job titles x fields: 24 x 30 = 720 distinct names, each a plausible French job title.
JOBS = ["Chargé(e) d'études", "Technicien(ne)", "Conseiller(ère)", "Coordinateur(trice)", "Responsable",
        "Assistant(e)", "Animateur(trice)", "Consultant(e)", "Gestionnaire", "Médiateur(trice)",
        "Analyste", "Formateur(trice)", "Chef(fe) de produit", "Acheteur(se)", "Inspecteur(trice)",
        "Rédacteur(trice)", "Juriste", "Ingénieur(e)", "Designer", "Agent(e)", "Opérateur(trice)",
        "Contrôleur(se)", "Délégué(e)", "Superviseur(se)"]
FIELDS = ["en énergies marines", "du patrimoine fluvial", "en apiculture urbaine", "des parcs éoliens",
          "en cartographie sonore", "du recyclage textile", "des fermes verticales", "en météo agricole",
          "de la logistique polaire", "en lutherie numérique", "des jardins botaniques", "en optique marine",
          "du tourisme spatial", "de la restauration de vitraux", "en hydrologie alpine", "des théâtres d'ombres",
          "en acoustique navale", "de la pêche durable", "des archives sonores", "en mobilité douce",
          "de la forêt urbaine", "en chimie des parfums", "des réseaux de chaleur", "en sécurité des ponts",
          "de la viticulture bio", "en robotique sous-marine", "des musées de sciences", "en typographie",
          "de la glaciologie", "en compostage collectif"]


def masculine(title: str) -> str:
    """« Conseiller(ère) en x » -> « conseiller en x », as a student types it."""
    import re
    return re.sub(r"\([^)]*\)", "", title).lower()


def names(n: int) -> List[str]:
    if n > len(JOBS) * len(FIELDS):
        raise ValueError(f"at most {len(JOBS) * len(FIELDS)} generated professions")
    # i = 24 q + r: job r with field (q + r) mod 30, so that every (job, field) pair comes once.
    return [f"{JOBS[i % len(JOBS)]} {FIELDS[(i // len(JOBS) + i % len(JOBS)) % len(FIELDS)]}" for i in range(n)]


def write_catalogue(folder: Path, n: int) -> Path:
    """A knowledge folder at `folder` with n generated professions (the first is the default one)."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(FIXTURE_KNOWLEDGE, folder, ignore=shutil.ignore_patterns("metiers"))
    (folder / "metiers").mkdir()
    sources = sorted((FIXTURE_KNOWLEDGE / "metiers").glob("*.yml"))
    for i, title in enumerate(names(n)):
        source = sources[i % len(sources)]
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        pid = f"metier_{i:03d}"
        data.update(id=pid, intitule=title, alias=[masculine(title)])
        levels = data["salaire"]["niveaux"]
        shift = 100 * (i % 50)  # other figures for each profession, so an answer shows whose they are
        for level in ("debutant", "confirme"):
            levels[level]["min"] += shift
            levels[level]["max"] += shift
        (folder / "metiers" / f"{pid}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                        encoding="utf-8")
    sujets = folder / "sujets.yml"
    topics = yaml.safe_load(sujets.read_text(encoding="utf-8"))
    topics["metier_par_defaut"] = "metier_000"
    sujets.write_text(yaml.safe_dump(topics, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_profession(folder / "metiers" / "metier_000.yml")  # a generated file that does not validate stops here
    return folder
