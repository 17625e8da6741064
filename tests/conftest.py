"""Shared by tests/unit and tests/stack. Fixtures of the running stack: tests/stack/conftest.py; the
harness: stack/; the tests' helpers: tests/support/."""
from tests.support.knowledge import behaviour_knowledge


def pytest_report_header(config):
    return f"connaissances des tests de comportement : {behaviour_knowledge()}"
