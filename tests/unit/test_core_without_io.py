"""core/ is a domain without I/O (the rule in core/__init__.py): no module of it imports what opens files,
lists folders, reads the environment, talks to a database or the network, or starts a process. loading/
does that and hands core/ what it reads."""
import ast

from tests.support.helpers import ROOT

# Standard modules (and drivers) made for I/O: importing one of them in core/ breaks the rule.
IO_MODULES = {"os", "pathlib", "io", "shutil", "tempfile", "glob", "fileinput", "socket", "ssl", "urllib", "http",
              "sqlite3", "subprocess", "multiprocessing", "asyncio", "pickle", "shelve", "dbm", "mmap", "signal",
              "sqlalchemy", "requests", "aiohttp", "loading", "rasa", "rasa_sdk"}
# Built-in calls that do I/O.
IO_CALLS = {"open", "input", "print", "exec", "eval", "__import__"}


def io_uses(path) -> set:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names} & IO_MODULES
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module.split(".")[0]} & IO_MODULES
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in IO_CALLS:
            found.add(node.func.id + "()")
        elif isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "read_text", "read_bytes",
                                                                "write_text", "write_bytes", "iterdir", "glob"):
            found.add("." + node.attr)
    return found


def test_core_imports_nothing_that_does_io():
    files = sorted((ROOT / "core").glob("*.py"))
    assert len(files) > 10
    uses = {path.name: io_uses(path) for path in files}
    breaking = {name: sorted(found) for name, found in uses.items() if found}
    assert not breaking, f"core/ must not do I/O (core/__init__.py): {breaking}"


def test_the_rule_catches_what_it_names(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom pathlib import Path\nfrom sqlalchemy.engine import URL\n"
                      "def f(p):\n    return open(p).read() + os.environ['X'] + Path(p).read_text()\n")
    assert io_uses(sample) == {"os", "pathlib", "sqlalchemy", "open()", ".environ", ".read_text"}
