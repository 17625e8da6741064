"""The leaves of a draft: a Fact read from the fiche, or a Missing field left to a human."""
from dataclasses import dataclass
from typing import Any, Iterator, List, Tuple, Union

# The marker written for every field the importer could not find; core/knowledge.py refuses it.
MARKER = "À COMPLÉTER"

# How a value was read from the fiche, which decides how verify.py checks it:
COPIED = "copie"      # text copied from the fiche (case of the first letter and final period aside)
NUMBER = "nombre"     # an integer written in the passage (30000, 30 000)
NAMES = "noms"        # a list of names or keywords, each copied from the passage
FORM = "forme"        # built from the fiche's words (alias, "moins de 3 ans d'expérience"): every word is in the passage
DEDUCED = "deduit"    # a yes/no or a level deduced from a sentence: the sentence is in the fiche


@dataclass
class Fact:
    value: Any
    evidence: str            # the passage of the fiche the value was read from
    how: str = COPIED
    note: str = ""           # a comment for the trainer, written above the field


@dataclass
class Missing:
    hint: str                # what to write, in French, for the trainer

    @property
    def value(self) -> str:
        return f"{MARKER} : {self.hint}"


Leaf = Union[Fact, Missing]


def draft_leaves(node, path: Tuple = ()) -> Iterator[Tuple[Tuple, Leaf]]:
    """Every Fact and Missing of a draft, with its path ("salaire", "niveaux", "debutant", "min")."""
    if isinstance(node, (Fact, Missing)):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from draft_leaves(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from draft_leaves(value, path + (index,))


def dotted(path: Tuple) -> str:
    return ".".join(str(part) for part in path)


def missing(draft) -> List[Tuple[str, Missing]]:
    return [(dotted(p), leaf) for p, leaf in draft_leaves(draft) if isinstance(leaf, Missing)]


def as_yaml_data(node):
    """The draft as plain YAML data (markers as text)."""
    if isinstance(node, (Fact, Missing)):
        return node.value
    if isinstance(node, dict):
        return {key: as_yaml_data(value) for key, value in node.items()}
    if isinstance(node, list):
        return [as_yaml_data(value) for value in node]
    return node
