"""YAML documents parsed once per process, by their text and loader.

PyYAML's pure-Python parser is the slow part of reading the project (make check, the actions' start,
the tests that check dozens of copies of the project). Its C parser (LibYAML) is faster but not the same
language: it accepts a tab inside a value or « ? » inside [ ] that the Python parser refuses, so the
messages a trainer gets would change. A text already parsed is returned as a copy of its document instead.
Errors are not cached: a broken file is parsed again, and its message is the same.
"""
import copy
from typing import Dict, Tuple

import yaml

_PARSED: Dict[Tuple[type, str], object] = {}
_PARSED_MAX = 512


def parse(text: str, loader: type):
    """yaml.load(text, Loader=loader), reusing the document of a text already parsed (a deep copy: callers
    may change it). Raises yaml.YAMLError as yaml.load does."""
    key = (loader, text)
    if key not in _PARSED:
        document = yaml.load(text, Loader=loader)
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = document
    return copy.deepcopy(_PARSED[key])
