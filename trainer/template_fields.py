"""Which fields the code gives each template of knowledge/reponses.yml, read from the code itself.

make check refuses a {champ} that the code does not pass, so the list must be exactly what the
builders pass. Reading it from their ``self.fill("nom", champ=…)`` calls, instead of keeping a
second copy by hand, means it cannot drift: a builder that passes a new field makes it allowed.
"""
import ast
from typing import Dict, FrozenSet, Optional, Set

from loading.paths import ROOT


class TemplateNameError(ValueError):
    """A fill() call whose template name cannot be read from the code."""


def _names(node: ast.AST, function: Optional[ast.FunctionDef]) -> Set[str]:
    """Every template name an expression can take: a literal, either branch of ``a if c else b``,
    or a local variable assigned such values in the same function."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _names(node.body, function) | _names(node.orelse, function)
    if isinstance(node, ast.Name) and function is not None:
        values = [a.value for a in ast.walk(function) if isinstance(a, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)]
        if values:
            return set().union(*(_names(v, function) for v in values))
    raise TemplateNameError(f"ligne {node.lineno} : fill() doit recevoir un nom de modèle écrit dans le code")


def _is_self_attribute(node: ast.AST, attribute: str) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == attribute
            and isinstance(node.value, ast.Name) and node.value.id == "self")


def fields_filled(source: str) -> Dict[str, FrozenSet[str]]:
    """{template name: fields} for every ``self.fill(...)`` call of ``source``, and an empty set for
    every template read as it is (``self.t["boutons.…"]``, a button title)."""
    fields: Dict[str, FrozenSet[str]] = {}

    def record(name: str, given: FrozenSet[str], line: int) -> None:
        if fields.get(name, given) != given:
            raise TemplateNameError(f"ligne {line} : le modèle {name} reçoit {sorted(given)} ici "
                                    f"et {sorted(fields[name])} ailleurs")
        fields[name] = given

    def visit(node: ast.AST, function: Optional[ast.FunctionDef]) -> None:
        if isinstance(node, ast.FunctionDef):
            function = node
        if isinstance(node, ast.Call) and _is_self_attribute(node.func, "fill") and node.args:
            if any(k.arg is None for k in node.keywords):
                raise TemplateNameError(f"ligne {node.lineno} : fill() reçoit ses champs par leur nom, pas **")
            given = frozenset(k.arg for k in node.keywords)
            for name in _names(node.args[0], function):
                record(name, given, node.lineno)
        if (isinstance(node, ast.Subscript) and _is_self_attribute(node.value, "t")
                and isinstance(node.slice, ast.Constant)):
            record(node.slice.value, frozenset(), node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(source), None)
    return fields


def _replies_fields() -> Dict[str, FrozenSet[str]]:
    return fields_filled((ROOT / "core" / "replies.py").read_text(encoding="utf-8"))


# The fields the code gives each template of knowledge/reponses.yml, read from the fill() calls of
# core/replies.py (make check refuses a {champ} outside this list). Button titles are read as they are.
TEMPLATE_FIELDS = _replies_fields()
