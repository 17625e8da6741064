"""YAML documents parsed once per process, by their text and loader, with LibYAML where it is safe.

PyYAML's pure-Python parser is the slow part of reading the project (make check, the actions' start,
the tests that check dozens of copies of the project): about 40 ms for one fiche, so most of a first
start with a catalogue of hundreds. Its C parser (LibYAML) is about ten times faster but not quite the
same language: it accepts a tab inside a value, « [?x] », and some characters the Python
reader refuses, so the messages a trainer gets could change. So a text goes to the C parser only
when it has none of those (no tab, no « ? » after « [ », « { » or « , », only characters the Python reader
accepts), with the very constructors of the Python loader; a text the C parser refuses is parsed
again by the Python one, whose message the trainer reads. tests/unit/test_yamlcache.py checks that
both give the same documents, lines included, on every YAML file of the project.

A text already parsed is returned as a copy of its document. Errors are not cached: a broken file is
parsed again, and its message is the same.
"""
import copy
import re
from typing import Dict, Optional, Tuple

import yaml

_PARSED: Dict[Tuple[type, str], object] = {}
_PARSED_MAX = 512
_TWINS: Dict[type, Optional[type]] = {}
# What the Python reader refuses (yaml.reader.Reader.NON_PRINTABLE): such a text takes the Python path.
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]")


def twin(loader: type) -> Optional[type]:
    """The LibYAML loader with the same constructors as `loader` (a yaml.SafeLoader subclass), or None
    when LibYAML is not installed."""
    if loader not in _TWINS:
        if not getattr(yaml, "__with_libyaml__", False) or not issubclass(loader, yaml.SafeLoader):
            _TWINS[loader] = None
        else:
            _TWINS[loader] = type(f"{loader.__name__}C", (yaml.CSafeLoader,), {
                "yaml_constructors": dict(loader.yaml_constructors),
                "yaml_multi_constructors": dict(loader.yaml_multi_constructors)})
    return _TWINS[loader]


# A « ? » that may start a token inside [ ] or { }: the Python scanner reads it as a key there, LibYAML
# only when a space follows.
_FLOW_QUESTION = re.compile(r"[\[{,][ \n]*\?")


def same_with_libyaml(text: str) -> bool:
    """Whether LibYAML reads this text as the Python parser does (see the module's docstring)."""
    return not ("\t" in text or _NON_PRINTABLE.search(text) or _FLOW_QUESTION.search(text))


def _load(text: str, loader: type):
    fast = twin(loader) if same_with_libyaml(text) else None
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass  # the Python parser says what is wrong, in the words make check explains
    return yaml.load(text, Loader=loader)


def parse(text: str, loader: type):
    """yaml.load(text, Loader=loader), reusing the document of a text already parsed (a deep copy: callers
    may change it). Raises yaml.YAMLError as yaml.load does."""
    key = (loader, text)
    if key not in _PARSED:
        document = _load(text, loader)
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = document
    return copy.deepcopy(_PARSED[key])
