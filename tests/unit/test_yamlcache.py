"""core.yamlcache: a text parsed once per process gives each caller its own document, and a broken text
is refused every time with the same message (make check and the actions' start read through it)."""
import pytest
import yaml

from core import yamlcache
from core.knowledge import _Loader
from trainer.project import _LineLoader


@pytest.mark.parametrize("loader", [_Loader, _LineLoader])
def test_a_cached_document_is_a_copy_each_caller_may_change(loader):
    text = "salaire:\n  niveaux:\n    debutant: {min: 32.000}\n  liste: [a, b]\n"
    first = yamlcache.parse(text, loader)
    first["salaire"]["liste"].append("c")
    first["salaire"]["niveaux"]["debutant"]["min"] = 0
    again = yamlcache.parse(text, loader)
    assert again["salaire"]["liste"] == ["a", "b"]
    assert again["salaire"]["niveaux"]["debutant"]["min"] == 32.0
    assert again == yaml.load(text, Loader=loader)


def test_the_loaders_are_not_mixed_up():
    text = "montant: 32.000\n"
    assert getattr(yamlcache.parse(text, _Loader)["montant"], "written", None) == "32.000"
    assert yamlcache.parse(text, _LineLoader).lines == {"montant": 1}


def test_a_broken_text_is_refused_every_time_with_the_same_message():
    text = "a:\n  - x\n b: 1\n"
    messages = []
    for _ in range(2):
        with pytest.raises(yaml.YAMLError) as caught:
            yamlcache.parse(text, _LineLoader)
        messages.append(str(caught.value))
    assert messages[0] == messages[1] and "line 3" in messages[0]
