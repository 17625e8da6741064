"""Shared by tests/unit and tests/stack. Fixtures of the running stack: tests/stack/conftest.py; the
harness and helpers: tests/support/."""
from tests.support import knowledge_reads
from tests.support.knowledge import behaviour_knowledge

knowledge_reads.install()


def pytest_report_header(config):
    return f"connaissances des tests de comportement : {behaviour_knowledge()}"


def pytest_collection_modifyitems(items):
    """tests/stack/test_school_updates.py runs after every other test: it reruns, on a copy whose
    facts a school edited, the unit test files seen reading knowledge/ (tests/support/knowledge_reads.py)."""
    items.sort(key=lambda item: item.nodeid.startswith(knowledge_reads.NESTED))


def pytest_collection_finish(session):
    knowledge_reads.expected.update(
        item.nodeid for item in session.items if knowledge_reads.unit_file(item.nodeid))


def pytest_runtest_logstart(nodeid, location):
    knowledge_reads.current[0] = nodeid


def pytest_runtest_logfinish(nodeid, location):
    knowledge_reads.seen.add(nodeid)
    knowledge_reads.current[0] = None
