"""core/yamlcache.py on every YAML file of the project (and a generated catalogue): LibYAML, where it is
used, gives the very documents PyYAML's Python parser gives. Each file is parsed by both parsers, which
takes seconds: moved from tests/unit/test_yamlcache.py to keep `make test-unit` under a minute."""
import pytest
import yaml

from core import yamlcache
from core.knowledge import FactLoader
from tests.support.catalogue import write_catalogue
from tests.unit.test_yamlcache import project_yaml_files, same
from trainer.project import _LineLoader


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    files = project_yaml_files()
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
