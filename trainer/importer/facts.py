"""The leaves of a draft: a Fact read from the fiche, a Missing field left to a human (text of the fiche
that could not be placed), or an Absent field (the fiche says nothing of it: left out of the file)."""
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


@dataclass
class Absent:
    """A field the fiche does not give: not written (the schema allows it), never to be invented.
    The assistant then answers « La fiche ne précise pas … » with the counsellor button."""
    what: str                # what the fiche does not say, in French, for the trainer
    advice: str = "Laissé absent : n'écrivez rien que la fiche ne dit pas."
    fact: bool = True        # False for a school's own classification (famille), which a trainer may set

    @property
    def value(self) -> None:
        return None


Leaf = Union[Fact, Missing, Absent]
LEAVES = (Fact, Missing, Absent)


def draft_leaves(node, path: Tuple = ()) -> Iterator[Tuple[Tuple, Leaf]]:
    """Every Fact and Missing of a draft, with its path ("salaire", "niveaux", "debutant", "min")."""
    if isinstance(node, LEAVES):
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


def absent(draft) -> List[Tuple[str, Absent]]:
    """The facts the fiche does not give (not the classification a trainer may set, such as famille)."""
    return [(dotted(p), leaf) for p, leaf in draft_leaves(draft) if isinstance(leaf, Absent) and leaf.fact]


def compact(node):
    """The draft with every dict whose fields are all Absent made one Absent itself (a rubrique the
    fiche does not give at all is left out whole, not written empty)."""
    if isinstance(node, dict):
        node = {key: compact(value) for key, value in node.items()}
        if node and all(isinstance(value, Absent) for value in node.values()):
            first = next(iter(node.values()))
            return Absent(" ; ".join(dict.fromkeys(value.what for value in node.values())), first.advice, first.fact)
        return node
    if isinstance(node, list):
        return [compact(value) for value in node]
    return node


def as_yaml_data(node):
    """The draft as plain YAML data (markers as text, absent fields left out)."""
    if isinstance(node, (Fact, Missing)):
        return node.value
    if isinstance(node, dict):
        return {key: as_yaml_data(value) for key, value in node.items() if not isinstance(value, Absent)}
    if isinstance(node, list):
        return [as_yaml_data(value) for value in node]
    return node
