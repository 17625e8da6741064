"""Shared helpers for the tests: paths, the project's Python, and reading what a student sees
(the harness's own, stack/env.py and stack/replies.py)."""
from stack.env import BIN, PYTHON, ROOT, project_env  # noqa: F401
from stack.replies import norm, seen  # noqa: F401
