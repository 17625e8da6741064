"""The catalogue in the widget, in real Chromium, against the stack on the fixture catalogue
(fixture `cat_stack`, tests/stack/conftest.py): the starter « Découvrir les métiers », the list, the
header that says which profession the conversation is about, a comparison and « lequel ? ».

The conversation as the widget shows it is written to tests/artifacts/widget-catalogue.txt, with a
screenshot (widget-catalogue.png).
"""
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from core import gender
from tests.support.stack import WidgetServer
from tests.support.widget import ARTIFACTS, SHADOW, ask, bot_messages, chat_log, launcher, open_chat, wait_for_answer


@pytest.fixture
def school(catalogue_school):
    return catalogue_school


def two_with_different_salaries(school):
    ps = sorted(school.professions.values(), key=lambda p: p.salaire.niveaux.confirme.max)
    return ps[0], ps[-1]


@pytest.fixture(scope="module")
def cat_site(cat_stack, tmp_path_factory):
    server = WidgetServer(cat_stack.page_port, cat_stack.rasa_url,
                          tmp_path_factory.mktemp("cat-widget") / "serve_widget.log", env=cat_stack.env)
    yield f"{server.base}/?server={quote(cat_stack.rasa_url, safe='')}"
    server.stop()


def profession_header(page):
    return page.locator(".aw-profession")


def log_text(page) -> str:
    return page.evaluate(f"{SHADOW}.querySelector('.aw-log').innerText")


def test_the_widget_discovers_the_catalogue_and_shows_the_profession(new_page, cat_site, school):
    page = new_page()
    page.goto(cat_site)
    expect(launcher(page)).to_be_visible()
    open_chat(page)
    starters = chat_log(page).get_by_role("group", name="Sujets pour commencer")
    discover = starters.get_by_role("button", name="Découvrir les métiers")
    expect(discover).to_be_visible()
    before = bot_messages(page).count()
    discover.click()
    listed = wait_for_answer(page, before)
    for p in school.professions.values():
        expect(listed).to_contain_text(p.intitule)
    low, high = two_with_different_salaries(school)
    before = bot_messages(page).count()
    chat_log(page).get_by_role("button", name=low.intitule, exact=True).click()
    opened = wait_for_answer(page, before)
    expect(opened).to_contain_text(f"Pour le métier {gender.of(low.intitule)}")
    expect(profession_header(page)).to_have_text(f"Métier : {low.intitule}")
    compared = ask(page, f"{low.intitule} ou {high.intitule}, lequel paye le mieux ?")
    expect(compared).to_contain_text(f"c'est {high.intitule} qui est le plus élevé")
    which = ask(page, "et les missions ?")
    expect(which).to_contain_text("Pour lequel")
    before = bot_messages(page).count()
    chat_log(page).get_by_role("button", name=high.intitule, exact=True).click()
    wait_for_answer(page, before)
    expect(profession_header(page)).to_have_text(f"Métier : {high.intitule}")
    # The header survives a reload (it is read from the stored conversation).
    page.reload()
    if not page.locator(".aw-panel").is_visible():
        open_chat(page)
    expect(profession_header(page)).to_have_text(f"Métier : {high.intitule}")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-catalogue.png"))
    (ARTIFACTS / "widget-catalogue.txt").write_text(log_text(page), encoding="utf-8")


def test_the_widget_finds_a_profession_then_follows_a_career_path(new_page, cat_site, school):
    p, q = next((p, q) for p in school.professions.values() for q in school.professions.values()
                if q.id != p.id and q.intitule in p.evolutions.postes)
    page = new_page()
    page.goto(cat_site)
    open_chat(page)
    found = ask(page, f"je cherche un métier, domaine {p.famille}")  # its famille: the search cites it
    expect(found).to_contain_text(p.intitule)
    before = bot_messages(page).count()
    chat_log(page).get_by_role("button", name=p.intitule, exact=True).click()
    wait_for_answer(page, before)
    expect(profession_header(page)).to_have_text(f"Métier : {p.intitule}")
    ask(page, "et ensuite on peut évoluer vers quoi ?")
    path = chat_log(page).get_by_role("button", name=f"Ouvrir la fiche {q.intitule}")
    expect(path).to_be_visible()
    before = bot_messages(page).count()
    path.click()
    opened = wait_for_answer(page, before)
    expect(opened).to_contain_text(f"Pour le métier {gender.of(q.intitule)}")
    expect(profession_header(page)).to_have_text(f"Métier : {q.intitule}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "widget-catalogue-parcours.txt").write_text(log_text(page), encoding="utf-8")


def test_the_widget_compares_two_professions_for_an_interest(new_page, cat_site, school):
    speaks = next(p for p in school.professions.values() if "langues" in str(p.dict()).lower())
    silent = next(p for p in school.professions.values()
                  if "langue" not in str(p.dict()).lower() and "anglais" not in str(p.dict()).lower())
    page = new_page()
    page.goto(cat_site)
    open_chat(page)
    compared = ask(page, f"{speaks.intitule} ou {silent.intitule} pour quelqu'un qui aime les langues ?")
    expect(compared).to_contain_text("Comparaison rapide")
    expect(compared).to_contain_text("langues : la fiche en parle")
    expect(compared).to_contain_text("langues : la fiche n'en parle pas")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "widget-catalogue-interet.txt").write_text(log_text(page), encoding="utf-8")
