"""Fixtures of the tests that need the trained model, the running servers, a browser or a database.

The harness itself (starting and stopping the servers) is stack/ (stack/assistant.py), through tests/support/stack.py.
"""
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.support.catalogue_knowledge import write_catalogue_knowledge
from tests.support.stack import MODEL, Stack, WidgetServer


def pytest_collection_modifyitems(items):
    """make test's workers (pytest-xdist, --dist loadgroup) take whole modules of tests/stack: their
    servers (module fixtures: a console, a deployment, a database) start once, in one worker. A module
    that says otherwise (an xdist_group mark) is left as it says. The long tests (mark `long`) come
    first, so that a minute-long test taken last does not leave the other worker idle meanwhile.
    The browser tests may run in any order with the others: the tests that run a coroutine do it in
    a thread of their own (tests/support/aio.py). Stable order otherwise."""
    for item in items:
        if "tests/stack/" in item.nodeid and item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__.rsplit(".", 1)[-1]))
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture(scope="session")
def model_path() -> Path:
    if not MODEL.exists():
        pytest.fail("Aucun modèle entraîné : lancez `make test` (il entraîne d'abord) ou `make train`.")
    return MODEL


@pytest.fixture(scope="session")
def agent(model_path):
    """The trained model loaded in this process (NLU and policies), once for every test that parses with it."""
    from rasa.core.agent import Agent
    return Agent.load(str(model_path))


@pytest.fixture(scope="session")
def stack(tmp_path_factory, model_path):
    """The assistant on the behaviour knowledge folder (tests/support/knowledge.py), started once."""
    running = Stack(tmp_path_factory.mktemp("stack"), model_path).start()
    yield running
    running.stop()


# The fixture catalogue (tests/fixtures/catalogue, 8 fictional professions) as a knowledge folder,
# its School, and the stack on it: started once, for the REST and the widget tests of the catalogue.
# Its Rasa also serves the tests that need a knowledge folder of their own: `with cat_stack.serving(folder)`
# restarts only its action server, on that folder, and back on the catalogue afterwards.
@pytest.fixture(scope="session")
def catalogue_knowledge(tmp_path_factory):
    return write_catalogue_knowledge(tmp_path_factory.mktemp("catalogue-knowledge") / "knowledge")


@pytest.fixture(scope="session")
def catalogue_school(catalogue_knowledge):
    from loading.school import load_school
    return load_school(catalogue_knowledge)


@pytest.fixture(scope="session")
def cat_stack(tmp_path_factory, model_path, catalogue_knowledge):
    running = Stack(tmp_path_factory.mktemp("catalogue-stack"), model_path, knowledge=catalogue_knowledge,
                    name="catalogue").start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def widget_site(stack, tmp_path_factory):
    """widget/serve.py on the port Rasa allows (CORS), same knowledge folder; returns the demo page URL.
    One per session: every widget test shares it (a second server could not take the same port)."""
    server = WidgetServer(stack.page_port, stack.rasa_url, tmp_path_factory.mktemp("widget") / "serve_widget.log",
                          env=stack.env)
    with urllib.request.urlopen(server.base + "/widget.js", timeout=5) as response:
        assert response.headers["Content-Type"].startswith("text/javascript")
    yield f"{server.base}/?server={quote(stack.rasa_url, safe='')}"
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    executable = shutil.which("chromium")
    assert executable, "Chromium est introuvable : lancez `make system-deps` (apt-get install chromium)."
    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=executable, timeout=60_000,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield launched
        launched.close()


@pytest.fixture
def new_page(browser):
    """Pages in fresh browser contexts (empty localStorage), closed after the test."""
    from tests.support.widget import DESKTOP, TIMEOUT_MS
    contexts = []

    def make(viewport=None, **options):
        context = browser.new_context(viewport=viewport or DESKTOP, locale="fr-FR", **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.dialogs = []  # any alert()/confirm() would be an injected script: record it
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.js_errors = []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
