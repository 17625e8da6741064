"""Every optional field of every fixture fiche, removed in turn: nothing a student or a trainer does
raises. A fiche may leave out any field the schema allows it to (the importer never invents one), and
one absent field in one fiche must not break the catalogue: the replies on every topic, the coverage
guard, the search (interest, salary, diploma), the comparison on every topic and the paths to other
fiches all run, and the missing topic is answered « la fiche ne précise pas … ».
"""
import copy

import pytest
import yaml
from pydantic import ValidationError

from core import catalogue, compare
from core.knowledge import Profession
from core.school import School
from core.textnorm import fold
from core.understanding import Question
from loading.knowledge import project_diplomas
from tests.support.helpers import ROOT, norm
from tests.support.knowledge import school as fixture_school

FICHES = sorted((ROOT / "tests" / "fixtures" / "catalogue" / "metiers").glob("*.yml")) + sorted(
    (ROOT / "tests" / "fixtures" / "knowledge" / "metiers").glob("*.yml"))


def paths(node, prefix=()):
    """Every key path of a YAML document (lists by index)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield prefix + (key,)
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, prefix + (i,))


def without(data, path):
    out = copy.deepcopy(data)
    node = out
    for part in path[:-1]:
        node = node[part]
    if isinstance(node, dict):
        del node[path[-1]]
    return out


def optional_removals():
    """(fiche, path, Profession without that field) for every path the schema lets a fiche leave out,
    each path once (in the first fiche that has it: the fixtures share their structure)."""
    seen = set()
    for fiche in FICHES:
        data = yaml.safe_load(fiche.read_text(encoding="utf-8"))
        for path in paths(data):
            if isinstance(path[-1], int):
                continue
            name = ".".join(str(p) if not isinstance(p, int) else "*" for p in path)
            if name in seen:
                continue
            try:
                profession = Profession.parse_obj(without(data, path))
                seen.add(name)
                yield fiche.stem, name, profession
            except ValidationError:
                continue  # a required field: make check names it, the loader refuses the file


REMOVALS = list(optional_removals())


def test_the_fixtures_have_many_optional_fields_to_remove():
    assert len(REMOVALS) >= 30
    assert {"salaire.niveaux.confirme", "salaire", "missions", "outils"} <= {path for _, path, _ in REMOVALS}


@pytest.mark.parametrize("fiche,path,profession", REMOVALS, ids=[f"{f}:{p}" for f, p, _ in REMOVALS])
def test_a_fiche_without_an_optional_field_breaks_nothing(fiche, path, profession):
    base = fixture_school()
    other = next(p for p in base.professions.values() if p.id != profession.id)
    school = School({profession.id: profession, other.id: other}, base.replier, base.absent_details, {},
                    interests=base.interests)
    replier = school.replier
    asked = school.understand("quelles entreprises recrutent ?").asked
    for topic in school.fact_topics:
        if topic in BUILDERS_TOPICS or topic in profession.autres_sujets:
            question = Question(topic=topic, asked=asked)
            reply = replier.answer(profession, question)
            assert reply.text.strip()
            school.uncovered(question, profession)
    for level in ("debutant", "confirme"):
        assert replier.answer(profession, Question(topic="salaire", experience=level)).text.strip()
    for text in ("un métier avec plus de 30000 euros", "sans bac+5", "les langues", "juste un BTS et plus de 2000 par mois"):
        everyone = list(school.professions.values())
        found = catalogue.search(everyone, school.vocabulary.catalogue_request(fold(text)), index=school.search_index,
                                 interests=school.interests)
        reply = replier.search_results(everyone, text, found)
        assert reply.text.strip()
    for topic in compare.TOPICS + (None,):
        assert replier.comparison(profession, other, topic, ["langues"], school.interests).text.strip()
        assert replier.comparison(other, profession, topic).text.strip()
    replier.path_buttons(profession, school.names.resolve, school.professions)
    catalogue.linked(profession, school.names.resolve, school.professions)


def test_a_fiche_without_a_confirmed_salary_is_said_so_and_not_compared_on_a_figure_it_lacks():
    fiche, path, profession = next(r for r in REMOVALS if r[1] == "salaire.niveaux.confirme")
    base = fixture_school()
    other = next(p for p in base.professions.values() if p.id != profession.id)
    school = School({profession.id: profession, other.id: other}, base.replier, base.absent_details, {},
                    interests=base.interests)
    text = norm(school.replier.answer(profession, Question(topic="salaire", experience="confirme")).text)
    assert "ne precise pas" in text
    side = compare.side(profession, "salaire", project_diplomas())
    assert side.figure == profession.salaire.niveaux.debutant.max


from core.replies import BUILDERS  # noqa: E402

BUILDERS_TOPICS = set(BUILDERS)
