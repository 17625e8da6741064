"""The search (core/catalogue.py) scored on held-out requests (tests/nlu/test_catalogue_search.yml)
over the fixture catalogue: a request is right when the professions suggested are exactly those
the file expects (none: the reply says no fiche matches). Floor below the measured score."""
import yaml

from core import catalogue, compare
from core.textnorm import fold
from tests.support.catalogue_knowledge import catalogue_school
from tests.support.helpers import ROOT

# Floors a little below the scores in README « Mesures ».
SEARCH_FLOOR = 0.70


def test_search_on_held_out_requests(tmp_path):
    school = catalogue_school(tmp_path)
    cases = yaml.safe_load((ROOT / "tests" / "nlu" / "test_catalogue_search.yml").read_text(encoding="utf-8"))["search"]
    right, misses = 0, []
    for case in cases:
        got = {m.profession.id for m in catalogue.search(list(school.professions.values()),
                                                          school.vocabulary.catalogue_request(fold(case["text"])), limit=8,
                                                          interests=school.interests)}
        if got == set(case["metiers"]):
            right += 1
        else:
            misses.append((case["text"], sorted(set(case["metiers"]) - got), sorted(got - set(case["metiers"]))))
    score = right / len(cases)
    print(f"\ntest_catalogue_search.yml: {right}/{len(cases)} = {score:.3f}")
    for miss in misses:
        print("  ", miss)
    assert len(cases) >= 30
    assert score >= SEARCH_FLOOR


COMPARE_FLOOR = 0.85


def test_compare_on_held_out_requests(tmp_path):
    school = catalogue_school(tmp_path)
    cases = yaml.safe_load((ROOT / "tests" / "nlu" / "test_catalogue_compare.yml").read_text(encoding="utf-8"))["compare"]
    right, misses = 0, []
    for case in cases:
        got = compare.asked(case["text"], school.vocabulary)
        if got == (tuple(case["metiers"]), case["sujet"]):
            right += 1
        else:
            misses.append((case["text"], got))
    score = right / len(cases)
    print(f"\ntest_catalogue_compare.yml: {right}/{len(cases)} = {score:.3f}")
    for miss in misses:
        print("  ", miss)
    assert len(cases) >= 20
    assert score >= COMPARE_FLOOR
