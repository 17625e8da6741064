"""core/yamlcache.py: LibYAML, used where it reads a text as PyYAML's Python parser does, gives the very
same documents (lines and written numbers included) on every YAML file of the project; the texts it
would read otherwise, and every broken text, go to the Python parser and keep its messages. The check
over every YAML file of the project (seconds: each parsed by both parsers) is in tests/stack/test_yamlcache_project.py."""
from pathlib import Path

import pytest
import yaml

from core import yamlcache
from core.knowledge import FactLoader
from trainer.project import Mapping, Sequence, _LineLoader

ROOT = Path(__file__).resolve().parents[2]


def project_yaml_files():
    files = [ROOT / "domain.yml", ROOT / "config.yml", ROOT / "endpoints.yml", ROOT / "credentials.yml"]
    for folder in ("knowledge", "data", "tests/fixtures", "tests/nlu", "deploy"):
        files += sorted((ROOT / folder).rglob("*.yml"))
    return files


def same(a, b) -> bool:
    """Equal documents, with the lines the trainer's messages quote and the numbers as written."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping):
        return (a.line, a.lines, a.value_lines) == (b.line, b.lines, b.value_lines) and list(a) == list(b) \
            and all(same(a[k], b[k]) for k in a)
    if isinstance(a, Sequence):
        return (a.line, a.lines) == (b.line, b.lines) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    return a == b and getattr(a, "written", None) == getattr(b, "written", None)


@pytest.mark.parametrize("text", ["a: b\tc\n", "a: [x, ?y]\n", "a: [?y]\n", "a: \x07\n"])
def test_texts_libyaml_reads_otherwise_take_the_python_parser(text):
    assert not yamlcache.same_with_libyaml(text)

    def outcome(read):
        try:
            return read()
        except yaml.YAMLError as error:
            return str(error)
    assert outcome(lambda: yamlcache.parse(text, _LineLoader)) == outcome(lambda: yaml.load(text, Loader=_LineLoader))


def test_a_broken_text_gets_the_python_parser_s_message():
    text = "a: 1\n b: 2\n"
    assert yamlcache.same_with_libyaml(text)
    with pytest.raises(yaml.YAMLError) as python:
        yaml.load(text, Loader=FactLoader)
    with pytest.raises(yaml.YAMLError) as through_cache:
        yamlcache.parse(text, FactLoader)
    assert str(through_cache.value) == str(python.value)
