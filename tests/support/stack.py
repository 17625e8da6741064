"""The harness (stack/) as the tests use it: a Stack reads the behaviour knowledge folder
(tests/support/knowledge.py) unless the test names another one."""
from pathlib import Path
from typing import Optional

from stack import assistant
from stack.assistant import MODEL, WidgetServer  # noqa: F401 - the tests' one import place
from stack.processes import free_port, free_ports, listening_addresses, stop_process, wait_until_up  # noqa: F401
from tests.support.knowledge import behaviour_knowledge


class Stack(assistant.Stack):
    def __init__(self, tmp: Path, model: Path = MODEL, *args, knowledge: Optional[Path] = None, **options):
        super().__init__(tmp, model, *args, knowledge=knowledge or behaviour_knowledge(), **options)
