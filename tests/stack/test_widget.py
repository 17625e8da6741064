"""The chat widget in a real headless Chromium (Debian's package, driven by Playwright), against the
real stack (action server + Rasa), with the demo page served by widget/serve.py.

Screenshots are written to tests/artifacts/ (widget-phone.png, widget-desktop.png).
"""
import json
import re
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request

import pytest
import yaml
from playwright.sync_api import Page, expect

from tests.support.helpers import PYTHON, ROOT, norm, project_env
from tests.support.knowledge import amounts, school
from tests.support.widget import (
    ARTIFACTS,
    DESKTOP,
    ERROR_TEXT,
    PHONE,
    SHADOW,
    WEBHOOK,
    ask,
    bot_messages,
    chat_log,
    launcher,
    open_chat,
    panel,
    sender_id,
    serious_violations,
    textbox,
    user_messages,
    wait_for_answer,
    webhook_bodies,
)


@pytest.fixture
def page(new_page, widget_site) -> Page:
    page = new_page()
    page.goto(widget_site)
    expect(launcher(page)).to_be_visible()
    return page


def test_static_server_serves_only_the_widget_and_demo(widget_site, stack):
    base = f"http://127.0.0.1:{stack.page_port}"

    def get(path):
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                return response.status, response.headers["Content-Type"], response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers["Content-Type"], error.read()

    status, kind, body = get("/")
    assert (status, kind) == (200, "text/html; charset=utf-8") and b'src="widget.js"' in body
    assert get("/widget.js")[:2] == (200, "text/javascript; charset=utf-8")
    assert get("/widget.css")[:2] == (200, "text/css; charset=utf-8")
    for path in ("/../README.md", "/%2e%2e/README.md", "/..%2fREADME.md", "/tests/package.json",
                 "/demo/", "/demo/index.html", "/tests/node_modules/axe-core/axe.min.js", "/.git/config"):
        assert get(path)[0] == 404, path


def test_keyboard_only_question_and_answer(page):
    # Tab from the top of the page until the launcher has the focus, then Enter opens it.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(f"!!{SHADOW}.activeElement && {SHADOW}.activeElement.classList.contains('aw-launcher')"):
            break
    else:
        pytest.fail("La touche Tab n'atteint pas le bouton de l'assistant.")
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(panel(page)).to_be_visible()
    expect(launcher(page)).to_have_attribute("aria-expanded", "true")
    expect(textbox(page)).to_be_focused()
    # The welcome text is shown locally: nothing was sent to the server.
    expect(bot_messages(page)).to_have_count(1)
    expect(bot_messages(page).first).to_contain_text("assistant d'orientation")

    log = chat_log(page)
    expect(log).to_have_attribute("aria-live", "polite")
    page.keyboard.type("faut-il un Bac+5 ?")
    page.keyboard.press("Enter")
    answer = wait_for_answer(page, 1)
    expect(answer).to_contain_text("Bac+5")
    expect(answer).to_contain_text("Bachelor")
    expect(user_messages(page).last).to_have_text(re.compile(r"faut-il un Bac\+5 \?"))
    # Bullet lines "• ..." became a list.
    assert answer.locator("li").count() >= 2
    expect(textbox(page)).to_be_focused()
    expect(textbox(page)).to_have_value("")

    # The suggestions are reachable with the keyboard (just above the text box), focus is visible.
    page.keyboard.press("Shift+Tab")
    focused = page.locator(".aw-root :focus")
    expect(focused).to_have_class(re.compile(r"\baw-quick\b"))
    outline = page.evaluate(f"getComputedStyle({SHADOW}.activeElement).outlineStyle")
    assert outline not in ("none", ""), "le focus doit être visible"
    title = focused.inner_text()
    before = bot_messages(page).count()
    page.keyboard.press("Enter")
    expect(user_messages(page).last).to_have_text(title)
    wait_for_answer(page, before)

    # Escape closes the panel and gives the focus back to the launcher.
    textbox(page).focus()
    page.keyboard.press("Escape")
    expect(panel(page)).to_be_hidden()
    expect(launcher(page)).to_be_focused()
    # Enter on the launcher opens it again, with the conversation; Enter again closes it.
    page.keyboard.press("Enter")
    expect(panel(page)).to_be_visible()
    expect(chat_log(page)).to_contain_text("faut-il un Bac+5 ?")
    launcher(page).focus()
    page.keyboard.press("Enter")
    expect(panel(page)).to_be_hidden()
    assert not page.js_errors


def test_click_suggestion_sends_payload_and_shows_title(page):
    open_chat(page)
    ask(page, "faut-il un Bac+5 ?")
    bodies = webhook_bodies(page)
    suggestion = chat_log(page).get_by_role("group", name="Questions suggérées").get_by_role("button").first
    title = suggestion.inner_text()
    before = bot_messages(page).count()
    suggestion.click()
    answer = wait_for_answer(page, before)
    # The title is shown as the student's message; the payload ("/...") is what was sent.
    expect(user_messages(page).last).to_have_text(title)
    assert bodies and bodies[-1]["message"].startswith("/"), bodies
    assert bodies[-1]["message"] != title
    assert answer.inner_text().strip()
    # Older suggestions are gone: only those of the last answer can be clicked.
    assert chat_log(page).get_by_role("group", name="Questions suggérées").count() <= 1


def test_reload_and_navigation_keep_the_conversation(page, new_page, widget_site):
    open_chat(page)
    ask(page, "faut-il un Bac+5 ?")
    first_id = sender_id(page)
    assert first_id and first_id.startswith("web-")
    texts = chat_log(page).inner_text()

    page.reload()
    # The panel was open: it is open again, with the whole history.
    expect(panel(page)).to_be_visible()
    expect(chat_log(page)).to_contain_text("faut-il un Bac+5 ?")
    expect(chat_log(page)).to_contain_text("Bachelor")
    assert chat_log(page).inner_text() == texts
    page.wait_for_function(  # scrolled to the last message
        f"() => {{ const log = {SHADOW}.querySelector('.aw-log');"
        " return log.scrollHeight > log.clientHeight && log.scrollTop + log.clientHeight >= log.scrollHeight - 2; }")
    assert sender_id(page) == first_id

    # The conversation goes on with the same id on the server.
    bodies = webhook_bodies(page)
    answer = ask(page, "combien gagne un débutant ?")
    expect(answer).to_contain_text("€")
    assert bodies[-1]["sender"] == first_id

    # Another page of the site in the same browser (new tab): same conversation.
    other = page.context.new_page()
    other.goto(widget_site + "#contact")
    expect(other.locator(".aw-panel")).to_be_hidden()
    other.locator(".aw-launcher").click()
    expect(other.get_by_role("log")).to_contain_text("combien gagne un débutant ?")
    assert sender_id(other) == first_id
    # A different browser (fresh storage) starts its own conversation.
    stranger = new_page()
    stranger.goto(widget_site)
    open_chat(stranger)
    assert sender_id(stranger) != first_id
    expect(chat_log(stranger)).not_to_contain_text("Bac+5 ?")


def test_server_down_then_back(page):
    open_chat(page)
    # Server unreachable: the connection is refused.
    page.route(WEBHOOK, lambda route: route.abort("connectionrefused"))
    textbox(page).fill("faut-il un Bac+5 ?")
    textbox(page).press("Enter")
    error = page.get_by_role("alert")
    expect(error).to_be_visible()
    expect(error).to_contain_text(ERROR_TEXT)
    expect(page.locator(".aw-typing")).to_be_hidden()
    expect(bot_messages(page)).to_have_count(1)  # only the welcome

    # Retry while still down: the error stays.
    page.get_by_role("button", name="Réessayer").click()
    expect(error).to_contain_text(ERROR_TEXT)
    expect(bot_messages(page)).to_have_count(1)

    # Server back: the same question is sent again and answered.
    page.unroute(WEBHOOK)
    page.get_by_role("button", name="Réessayer").click()
    answer = wait_for_answer(page, 1)
    expect(answer).to_contain_text("Bachelor")
    expect(page.locator(".aw-error")).to_be_hidden()
    expect(user_messages(page)).to_have_count(1)  # the question is not duplicated


def test_slow_server_shows_error_then_retry_works(new_page, widget_site):
    page = new_page()
    page.goto(widget_site + "&timeout=1500")
    open_chat(page)
    held = []
    page.route(WEBHOOK, lambda route: held.append(route))  # never answered: a server that hangs
    started = time.time()
    textbox(page).fill("faut-il un Bac+5 ?")
    textbox(page).press("Enter")
    expect(page.locator(".aw-typing")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text(ERROR_TEXT, timeout=10_000)
    assert time.time() - started >= 1.4
    assert held, "la requête n'a pas été interceptée"
    page.unroute_all(behavior="ignoreErrors")
    page.get_by_role("button", name="Réessayer").click()
    expect(wait_for_answer(page, 1)).to_contain_text("Bachelor")


MALICIOUS = (
    "Attention <img src=x onerror=\"window.__pwned=1;alert(1)\"> et <script>window.__pwned=2;alert(2)</script>\n"
    "• [lien piégé](javascript:alert(3)) et javascript:alert(4)\n"
    "• [données](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==) "
    "<a href=\"javascript:alert(6)\">clic</a>\n"
    "**Important** : voir https://www.ecole.example/orientation. ou écrire à orientation@ecole.example\n"
    "<svg onload=alert(7)></svg><iframe src=\"javascript:alert(8)\"></iframe>"
)


def test_malicious_bot_message_is_inert(page):
    open_chat(page)
    reply = [{"recipient_id": "x", "text": MALICIOUS,
              "buttons": [{"title": "<img src=x onerror=alert(9)>", "payload": "/aide"}]}]
    page.route(WEBHOOK, lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(reply),
        headers={"Access-Control-Allow-Origin": "*"}))
    answer = ask(page, "bonjour")
    page.wait_for_timeout(500)  # give any injected handler a chance to run

    def assert_inert():
        log = chat_log(page)
        expect(log).to_contain_text("<img src=x onerror=")  # shown as text...
        expect(log).to_contain_text("<script>window.__pwned=2")
        for tag in ("img", "script", "svg", "iframe", "object", "embed"):
            # (the widget's own icons, e.g. the vote buttons, are not in the messages)
            assert log.locator(f".aw-bubble {tag}, .aw-buttons {tag}").count() == 0, \
                f"élément <{tag}> créé dans la conversation"
        assert log.locator("img, script, iframe, object, embed").count() == 0
        hrefs = log.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert all(re.match(r"^(https?:|mailto:)", h) for h in hrefs), hrefs
        assert "https://www.ecole.example/orientation" in hrefs
        assert "mailto:orientation@ecole.example" in hrefs
        assert not any(re.search(r"javascript:|data:", h, re.I) for h in hrefs), hrefs
        # The forbidden links keep only their label, as text.
        expect(log).to_contain_text("lien piégé")
        expect(log.locator("strong")).to_have_text("Important")
        expect(log.get_by_role("button", name="<img src=x onerror=alert(9)>")).to_be_visible()
        assert page.evaluate("window.__pwned === undefined")
        assert page.dialogs == []

    answer.wait_for()
    assert_inert()
    # The same message rendered again from the stored history is still inert.
    page.unroute(WEBHOOK)
    page.reload()
    expect(panel(page)).to_be_visible()
    page.wait_for_timeout(300)
    assert_inert()
    assert not page.js_errors


def test_phone_and_desktop_layouts(new_page, widget_site):
    ARTIFACTS.mkdir(exist_ok=True)

    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    phone.goto(widget_site)
    expect(launcher(phone)).to_be_visible()
    box = launcher(phone).bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"] and box["y"] + box["height"] <= PHONE["height"]
    launcher(phone).tap()
    expect(panel(phone)).to_be_visible()
    ask(phone, "faut-il un Bac+5 ?")
    phone.wait_for_timeout(300)
    phone.screenshot(path=str(ARTIFACTS / "widget-phone.png"))
    box = panel(phone).bounding_box()
    assert (round(box["x"]), round(box["y"])) == (0, 0), box
    assert (round(box["width"]), round(box["height"])) == (PHONE["width"], PHONE["height"]), box
    expect(launcher(phone)).to_be_hidden()  # the full-screen panel has its own close button
    expect(phone.get_by_role("button", name="Fermer l'assistant")).to_be_visible()
    # Nothing overflows horizontally on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    desktop = new_page(viewport=DESKTOP)
    desktop.goto(widget_site)
    open_chat(desktop)
    ask(desktop, "faut-il un Bac+5 ?")
    desktop.wait_for_timeout(300)
    desktop.screenshot(path=str(ARTIFACTS / "widget-desktop.png"))
    box = panel(desktop).bounding_box()
    assert 300 <= box["width"] <= 480 and 400 <= box["height"] < DESKTOP["height"] - 100, box
    assert box["x"] > DESKTOP["width"] / 2, box  # floats in the bottom-right corner
    assert DESKTOP["width"] - 48 <= box["x"] + box["width"] <= DESKTOP["width"], box
    assert box["y"] > 0
    expect(launcher(desktop)).to_be_visible()
    # The page behind stays visible and usable.
    expect(desktop.get_by_role("heading", level=1)).to_be_visible()

    for name in ("widget-phone.png", "widget-desktop.png"):
        assert (ARTIFACTS / name).stat().st_size > 10_000


def test_one_tag_snippet_on_a_plain_page(new_page, widget_site, stack):
    """What a school does: one <script> tag in its own page (here in <head>, without defer),
    no other attribute than the server, and a light brand colour: defaults and contrast hold."""
    origin = f"http://127.0.0.1:{stack.page_port}"
    html = (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Lycée Exemple</title>'
        f'<script src="{origin}/widget.js" data-server="{stack.rasa_url}" data-color="#ffd400"></script>'
        "</head><body><main><h1>Lycée Exemple</h1><p>Bienvenue.</p></main></body></html>")
    # A page fulfilled by page.route counts as "public" for Chromium's Local Network Access
    # checks, which then block its calls to Rasa on 127.0.0.1: the test grants that permission
    # (pages really served from 127.0.0.1, like the demo page, need nothing).
    page = new_page(permissions=["local-network-access"])
    page.route(f"{origin}/lycee.html", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(f"{origin}/lycee.html")
    open_chat(page)
    expect(panel(page)).to_have_accessible_name("Assistant orientation")
    expect(bot_messages(page).first).to_contain_text("Bonjour")
    expect(ask(page, "combien gagne un débutant ?")).to_contain_text("€")
    # A light colour gets dark text on it, and darker text on white.
    colors = page.evaluate(f"""() => [
        getComputedStyle({SHADOW}.querySelector('.aw-launcher')).color,
        getComputedStyle({SHADOW}.querySelector('.aw-quick')).color]""")
    assert colors[0] == "rgb(31, 35, 40)", colors
    assert serious_violations(page) == []
    # Included twice by mistake: still one widget.
    page.add_script_tag(url=f"{origin}/widget.js")
    assert page.locator(".aw-root").count() == 1


def test_reduced_motion_is_respected(new_page, widget_site):
    page = new_page(reduced_motion="reduce")
    page.goto(widget_site)
    open_chat(page)
    names = page.evaluate(f"""() => [
        getComputedStyle({SHADOW}.querySelector('.aw-panel')).animationName,
        getComputedStyle({SHADOW}.querySelector('.aw-dots span')).animationName]""")
    assert names == ["none", "none"], names


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_accessibility_axe(new_page, widget_site, viewport):
    page = new_page(viewport=viewport)
    page.goto(widget_site)
    open_chat(page)
    ask(page, "faut-il un Bac+5 ?")
    ask(page, "je veux parler à un conseiller")  # contact: links and an e-mail address
    expect(page.locator(".aw-quick").first).to_be_visible()
    assert serious_violations(page) == []
    # The error state too.
    page.route(WEBHOOK, lambda route: route.abort("connectionrefused"))
    textbox(page).fill("et le salaire ?")
    textbox(page).press("Enter")
    expect(page.get_by_role("alert")).to_be_visible()
    assert serious_violations(page) == []


# ---------------------------------------------------------------- votes, retries, professions

def tracker_events(stack, sender: str, kind: str) -> list:
    """The events of one type ("user", "bot", "agent") stored for a conversation."""
    with sqlite3.connect(f"file:{stack.db_path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = ? ORDER BY id",
                          (sender, kind)).fetchall()
    return [json.loads(row[0]) for row in rows]


def test_retry_after_a_timeout_stores_the_message_once(new_page, widget_site, stack):
    page = new_page()
    page.goto(widget_site + "&timeout=1500")
    open_chat(page)
    bodies = webhook_bodies(page)
    held = []

    def processed_but_lost(route):
        route.fetch()        # Rasa receives and processes the message...
        held.append(route)   # ...but its answer never reaches the page: the widget times out

    page.route(WEBHOOK, processed_but_lost)
    textbox(page).fill("faut-il un Bac+5 ?")
    textbox(page).press("Enter")
    expect(page.get_by_role("alert")).to_contain_text(ERROR_TEXT, timeout=10_000)
    assert held, "la requête n'a pas atteint le serveur"
    page.unroute_all(behavior="ignoreErrors")
    page.get_by_role("button", name="Réessayer").click()
    expect(wait_for_answer(page, 1)).to_contain_text("Bachelor")
    # The same message id was sent twice; the conversation holds the question once.
    assert len(bodies) == 2 and bodies[0]["message_id"] == bodies[1]["message_id"]
    stored = [e for e in tracker_events(stack, sender_id(page), "user") if e["text"] == "faut-il un Bac+5 ?"]
    assert len(stored) == 1, stored
    assert stored[0]["message_id"] == bodies[0]["message_id"]


def test_a_thumbs_down_reaches_make_review(page, stack, tmp_path):
    open_chat(page)
    ask(page, "faut-il un Bac+5 ?")
    votes = page.get_by_role("group", name="Cette réponse vous aide-t-elle ?")
    expect(votes).to_have_count(1)
    down = votes.get_by_role("button", name="Réponse fausse ou inutile")
    down.click()
    expect(down).to_have_attribute("aria-pressed", "true")
    expect(votes.get_by_role("button", name="Réponse utile")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("[role=status]").filter(has_text="Merci, votre avis est enregistré.")).to_have_count(1)
    # Stored in the tracker, naming the question whose answer it judges.
    sender = sender_id(page)
    question = [e for e in tracker_events(stack, sender, "user") if e["text"] == "faut-il un Bac+5 ?"][-1]
    assert tracker_events(stack, sender, "agent")[-1]["data"] == {"feedback": "down",
                                                                  "message_id": question["message_id"]}
    # The dialogue is not disturbed: the next question gets its usual answer.
    expect(ask(page, "combien gagne un débutant ?")).to_contain_text("€")
    assert serious_violations(page) == []
    # The vote survives a reload (pressed button) and make review lists the answer judged wrong.
    page.reload()
    expect(page.get_by_role("button", name="Réponse fausse ou inutile").first).to_have_attribute("aria-pressed", "true")
    out = tmp_path / "a_relire.yml"
    result = subprocess.run([PYTHON, "-m", "trainer.review", "export", "--base",
                             f"sqlite:///{stack.db_path}", "--sortie", str(out), "--ecraser"],
                            cwd=ROOT, env=project_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "jugée(s) fausse(s)" in result.stdout and "faut-il un Bac+5 ?" in result.stdout
    flagged = [m for g in yaml.safe_load(out.read_text(encoding="utf-8"))["groupes"] for m in g["messages"]
               if m.get("signalee") == "oui"]
    assert [m["texte"] for m in flagged] == ["faut-il un Bac+5 ?"], flagged
    assert "Bachelor" in flagged[0]["reponse"]


def test_each_page_answers_for_its_own_profession(new_page, widget_site, stack):
    """The page says which profession it presents (data-metier / ?metier=): the answer uses that file.

    The stack runs on the behaviour knowledge folder, which holds two professions.
    """
    professions = school(stack.knowledge).professions
    figures = {pid: amounts("debutant", p) for pid, p in professions.items()}
    assert len(figures) >= 2 and len(set(figures.values())) == len(figures), figures
    for profession_id, (low, high) in figures.items():
        page = new_page()
        page.goto(f"{widget_site}&metier={profession_id}")
        open_chat(page)
        bodies = webhook_bodies(page)
        answer = norm(ask(page, "combien gagne un débutant ?").inner_text())
        assert bodies[-1]["metadata"] == {"metier": profession_id}
        assert low in answer and high in answer, (profession_id, answer)
        for other, (other_low, _) in figures.items():
            if other != profession_id:
                assert other_low not in answer, (profession_id, other, answer)
