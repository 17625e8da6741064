"""core/yamlcache.py on every YAML file of the project (the held-out sets sampled, and a generated catalogue): LibYAML,
where it is used, gives the very documents PyYAML's Python parser gives. Each file is parsed by both parsers, which
takes seconds: moved from tests/unit/test_yamlcache.py to keep `make test-unit` under a minute."""
import pytest
import yaml

from core import yamlcache
from core.knowledge import FactLoader
from tests.support.catalogue import write_catalogue
from tests.unit.test_yamlcache import project_yaml_files, same
from trainer.project import _LineLoader

# The held-out sets (tests/nlu/test_fresh*.yml, tests/fixtures/names/rome_heldout*.yml) are one shape of file, written
# the same way set after set (a list of cases, quoted strings): the first two and the last of each family stand for the
# rest, which would take two thirds of this test's time and grow with every set.
HELDOUT_FAMILIES = ("test_fresh", "rome_heldout")


def sampled(files):
    kept = [f for f in files if not f.name.startswith(HELDOUT_FAMILIES)]
    for family in HELDOUT_FAMILIES:
        members = sorted((f for f in files if f.name.startswith(family)),
                         key=lambda f: int("".join(c for c in f.stem if c.isdigit()) or 1))
        kept += members[:2] + members[-1:] if len(members) > 3 else members
    return kept


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    files = sampled(project_yaml_files())
    catalogue = write_catalogue(tmp_path_factory.mktemp("cat") / "knowledge", 12)
    files += sorted((catalogue / "metiers").glob("*.yml"))
    return [path.read_text(encoding="utf-8") for path in files]


@pytest.mark.parametrize("loader", [FactLoader, _LineLoader], ids=["knowledge", "trainer"])
def test_libyaml_gives_the_same_documents_on_every_project_file(texts, loader):
    fast_read = [t for t in texts if yamlcache.same_with_libyaml(t)]
    assert len(fast_read) >= 0.8 * len(texts)  # most files do take the fast path
    for text in fast_read:
        try:
            expected = yaml.load(text, Loader=loader)
        except yaml.YAMLError:
            continue
        assert same(yaml.load(text, Loader=yamlcache.twin(loader)), expected), text[:200]
