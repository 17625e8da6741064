"""A field the schema knows, written at the wrong indentation: where it belongs.

A `confirme:` block moved two spaces left lands under `salaire` instead of `salaire.niveaux`; pydantic
calls it an unknown field. It is not unknown: the schema has it one level down. Telling the trainer
to delete it would lose a fact, so the message says where to align it instead.
"""
from typing import List, Optional, Sequence, Tuple, Type

from pydantic import BaseModel


def _model_of(field) -> Optional[Type[BaseModel]]:
    kind = getattr(field, "type_", None)
    return kind if isinstance(kind, type) and issubclass(kind, BaseModel) else None


def field_paths(model: Type[BaseModel], prefix: Tuple[str, ...] = ()) -> List[Tuple[str, ...]]:
    """Every field of the schema as a path of names (list items have no index: « missions.detail »)."""
    paths = []
    for name, field in model.__fields__.items():
        path = prefix + (name,)
        paths.append(path)
        inner = _model_of(field)
        if inner is not None:
            paths.extend(field_paths(inner, path))
    return paths


def _shared(a: Sequence[str], b: Sequence[str]) -> int:
    count = 0
    for x, y in zip(a, b):
        if x != y:
            break
        count += 1
    return count


def misplaced_hint(model: Type[BaseModel], loc: Sequence) -> Optional[str]:
    """For an unknown field at `loc` that the schema knows elsewhere: « ce bloc est mal aligné : … »."""
    names = tuple(str(part) for part in loc if not isinstance(part, int) and part != "__root__")
    if not names:
        return None
    key, parent = names[-1], names[:-1]
    places = [p for p in field_paths(model) if p[-1] == key and p[:-1] != parent]
    if not places:
        return None
    best = max(places, key=lambda p: (_shared(p[:-1], parent), -abs(len(p) - len(names))))
    home = best[:-1]
    siblings = [p[-1] for p in field_paths(model) if p[:-1] == home and p[-1] != key]
    where = f"sous « {'.'.join(home)} »" if home else "tout à gauche, au premier niveau du fichier"
    align = f" : alignez-le sur « {siblings[0]} » (même retrait)" if siblings else ""
    return (f"ce bloc est mal aligné : « {key} » est un champ connu, qui va {where}{align}. "
            "Ne le supprimez pas : déplacez-le, avec les lignes qu'il contient")
