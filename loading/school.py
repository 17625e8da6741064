"""Reading one school's knowledge folder into a School (core/school.py): every file read and validated,
each problem reported with its file, field and fix. `load_school` is the one loader: the action server,
the REST channel, the trainer tools, the widget server and the tests build their School through it.
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Optional, Union

from core.catalogue import Interests
from core.diplomas import Diplomas
from core.knowledge import AbsentDetails, Contact, InterestsFile, KnowledgeError, Profession, ReformulationsFile, Topics
from core.replies import Replier
from core.school import School
from core.understanding import AbsentDetail
from loading.knowledge import (
    load_absent_details,
    load_contact,
    load_diplomas,
    load_interests,
    load_profession,
    load_professions,
    load_reformulations,
    load_templates,
    load_topics,
)
from loading.knowledge_cache import default_cache
from loading.paths import KNOWLEDGE, knowledge_dir, school_file
from loading.usual_names import reading, whole_pairs


@dataclass
class SchoolFiles:
    """The knowledge files of a folder, each validated on its own (None: invalid, and reported)."""
    folder: Path
    professions: Dict[str, Profession] = field(default_factory=dict)
    profession_files: Dict[str, Path] = field(default_factory=dict)
    topics: Optional[Topics] = None
    templates: Optional[Dict[str, str]] = None
    contact: Optional[Contact] = None
    details: Optional[AbsentDetails] = None
    interests: Optional[InterestsFile] = None
    reformulations: Optional[ReformulationsFile] = None
    diplomas: Optional[Diplomas] = None

    def school(self) -> Optional[School]:
        """The School, when every shared file and at least one profession are valid."""
        if None in (self.topics, self.templates, self.contact, self.details, self.diplomas) or not self.professions:
            return None
        absent = [AbsentDetail(name, d.libelle, d.proche, d.remarque, d.avec_contexte, d.chiffres, tuple(d.inclut),
                                 tuple(d.par_mois))
                  for name, d in self.details.precisions.items()]
        phrases = {name: d.expressions for name, d in self.details.precisions.items()}
        exceptions = {name: d.sauf for name, d in self.details.precisions.items() if d.sauf}
        entries = {k: (e.libelle, e.eleve, e.fiche) for k, e in (self.interests.interets.items() if self.interests else ())}
        said = {r.mot: r.expressions for r in (self.reformulations.reformulations if self.reformulations else ())}
        return School(self.professions, Replier(self.templates, self.topics, self.contact, self.diplomas), absent, phrases,
                      interests=Interests.of(entries), absent_exceptions=exceptions, reformulations=said,
                      lexicon={**reading(self.folder), "whole": whole_pairs((p.id, p.intitule) for p in self.professions.values())})


def read_school(folder: Union[str, Path, None] = None,
                report: Optional[Callable[[KnowledgeError, Path], None]] = None,
                skip: Callable[[Path], bool] = lambda path: False, cache=None) -> SchoolFiles:
    """Reads and validates every knowledge file of the folder. Without `report`, the first invalid
    file raises its KnowledgeError (file, field and fix); with it, each is reported and left out, so
    that make check can list every problem at once. `skip`: files whose problem is already known.
    `cache`: validated profession files by content (loading/knowledge_cache.py; default: var/cache/)."""
    folder = Path(folder) if folder else knowledge_dir()
    cache = default_cache() if cache is None else cache
    files = SchoolFiles(folder)

    def validated(loader, path: Path, *args):
        if skip(path):
            return None
        if report is None:
            return loader(path, *args)
        try:
            return loader(path, *args)
        except KnowledgeError as error:
            report(error, path)
            return None

    if report is None:
        files.professions = load_professions(folder / "metiers", cache)
        files.profession_files = {pid: folder / "metiers" / f"{pid}.yml" for pid in files.professions}
    else:
        for path in sorted((folder / "metiers").glob("*.yml")):
            profession = validated(load_profession, path, cache)
            if profession is not None:
                files.professions[profession.id] = profession
                files.profession_files[profession.id] = path
        cache.save()
    files.topics = validated(load_topics, folder / "sujets.yml")
    files.templates = validated(load_templates, folder / "reponses.yml")
    files.contact = validated(load_contact, folder / "contact.yml")
    if files.topics is not None:
        files.details = validated(load_absent_details, folder / "hors_fiche.yml", files.topics)
    # The school's vocabulary of interests; a folder without one uses the project's (knowledge/interets.yml).
    files.interests = validated(load_interests, school_file(folder, KNOWLEDGE / "interets.yml"))
    # Everyday ways of saying the fiches' words; a folder without them uses the project's.
    files.reformulations = validated(load_reformulations, school_file(folder, KNOWLEDGE / "reformulations.yml"))
    # The diploma words (« CAP », « licence pro », « bac+3 »); a folder without them uses the project's.
    files.diplomas = validated(load_diplomas, school_file(folder, KNOWLEDGE / "diplomes.yml"))
    return files


def load_replier(folder: Union[str, Path, None] = None) -> Replier:
    """Only what the REST channel needs for its own replies (templates, topics, contact): the Rasa
    process does not hold the catalogue, the action server does."""
    folder = Path(folder) if folder else knowledge_dir()
    return Replier(load_templates(folder / "reponses.yml"), load_topics(folder / "sujets.yml"),
                   load_contact(folder / "contact.yml"), load_diplomas(school_file(folder, KNOWLEDGE / "diplomes.yml")))


def load_school(folder: Union[str, Path, None] = None) -> School:
    """Reads and validates every knowledge file; KnowledgeError names the file, field and fix."""
    return read_school(folder).school()
