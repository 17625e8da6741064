"""Shared helpers for the tests: paths, the project's Python, and reading what a student sees
(the harness's own, stack/env.py and stack/replies.py)."""
from stack.env import BIN, PYTHON, ROOT, project_env  # noqa: F401
from stack.replies import norm, seen  # noqa: F401


def question_parts(text: str, *read: tuple) -> list:
    """The classifier's « question_parts » of a message: each (part's text, intent, confidence), found in `text`."""
    parts = []
    for said, intent, confidence in read:
        start = text.index(said)
        parts.append({"text": said, "intent": intent, "confidence": confidence, "start": start, "end": start + len(said)})
    return parts
