"""The widget on the pages where schools put it, in a real headless Chromium, against a small stub of
Rasa's REST channel (what is tested here is the widget itself: isolation from a CMS theme, the phone
modal, CSP, storage, the public API). tests/stack/test_widget.py drives the same widget against the real
stack (answers, votes, retries stored once, professions).

Screenshots: tests/artifacts/widget-cms-phone.png, widget-cms-desktop.png.
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml
from playwright.sync_api import expect

from tests.support.helpers import project_env
from tests.support.knowledge import behaviour_knowledge
from tests.support.stack import WidgetServer, free_port
from tests.support.widget import ARTIFACTS, DESKTOP, PHONE, TIMEOUT_MS, bot_messages, launcher, serious_violations

PHONE_320 = {"width": 320, "height": 640}


# ---------------------------------------------------------------- a stub of the REST channel

class StubRasa:
    """Answers "Réponse à : <message>" with two suggestions; "vide" gets [] (an empty reply)."""

    def __init__(self):
        self.bodies = []
        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), self.handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def cors(self):
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

            def do_OPTIONS(self):  # noqa: N802
                self.send_response(204)
                self.cors()
                self.end_headers()

            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.bodies.append(body)
                if (body.get("metadata") or {}).get("feedback"):
                    replies = {"status": "enregistré"}
                elif body["message"] == "vide":
                    replies = []
                else:
                    replies = [{"recipient_id": body["sender"], "text": f"Réponse à : {body['message']}",
                                "buttons": [{"title": "Le salaire", "payload": "/salaire"},
                                            {"title": "Les diplômes", "payload": "/diplome"}]}]
                data = json.dumps(replies).encode()
                self.send_response(200)
                self.cors()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler

    def messages(self):
        return [b["message"] for b in self.bodies if not (b.get("metadata") or {}).get("feedback")]


@pytest.fixture(scope="module")
def stub():
    running = StubRasa()
    yield running
    running.server.shutdown()


@pytest.fixture(scope="module")
def site(stub, tmp_path_factory):
    """widget/serve.py, its /chat page talking to the stub; returns its base URL."""
    server = WidgetServer(free_port(), stub.url, tmp_path_factory.mktemp("site") / "serve_widget.log",
                          env=project_env(ASSISTANT_KNOWLEDGE_DIR=behaviour_knowledge()))
    yield server.base
    server.stop()


def page_with(new_page, site, stub, body="", attrs="", head="", viewport=None, csp=None, path="/ecole.html",
              **options):
    """A school page (fulfilled by the test, served from the widget's origin) with the one-tag embed."""
    html = ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Lycée Exemple</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">{head}</head>'
            f'<body>{body or "<main><h1>Lycée Exemple</h1><p>Bienvenue.</p></main>"}'
            f'<script src="{site}/widget.js" data-server="{stub.url}" {attrs} defer></script></body></html>')
    headers = {"Content-Security-Policy": csp} if csp else {}
    page = new_page(viewport=viewport, permissions=["local-network-access"], **options)
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type in ("error", "warning") else None)
    page.context.route(f"{site}{path}", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=html, headers=headers))
    page.goto(f"{site}{path}")
    expect(launcher(page)).to_be_visible()
    return page


def ask(page, text):
    before = bot_messages(page).count()
    box = page.get_by_role("textbox", name="Votre question")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(
        "n => document.querySelector('assistant-widget').shadowRoot.querySelectorAll('.aw-msg--bot').length > n",
        arg=before, timeout=TIMEOUT_MS)
    return bot_messages(page).last


def active_in_widget(page) -> str:
    """The class of the focused element inside the widget ('' when the focus is in the page)."""
    return page.evaluate("""() => {
        const host = document.querySelector('assistant-widget');
        if (document.activeElement !== host) return '';
        const a = host.shadowRoot.activeElement;
        return a ? (a.className || a.tagName) : 'host';
    }""")


# A CMS-like theme (WordPress/Moodle resets) with the rules that leaked into the widget before.
HOSTILE_THEME = """<style>
  * { box-sizing: content-box !important; letter-spacing: 2px; }
  html { font-size: 10px; } body { font: italic 22px/3 "Comic Sans MS", cursive; color: #c00; text-transform: uppercase; }
  button { text-transform: uppercase !important; background: #ff0 !important; border: 5px solid #f0f !important;
           padding: 30px !important; border-radius: 0 !important; font-size: 30px !important; }
  h2::after { content: " ★★★"; } h2 { font-size: 60px !important; text-decoration: underline; }
  input[type=text]:focus { outline: 0 !important; box-shadow: none !important; }
  input, button, div, p { margin: 20px !important; }
  div { display: block; background-color: rgba(0, 128, 0, 0.1); }
  .aw-sr-only, #aw-panel, #aw-title { display: block !important; color: red !important; }
  @keyframes aw-appear { from { transform: rotate(90deg); } }
  .site-header { position: fixed; top: 0; left: 0; right: 0; height: 60px; z-index: 9999; background: #333; }
  .cookie-banner { position: fixed; left: 0; right: 0; bottom: 0; height: 140px; z-index: 99999;
                   background: #222; color: #fff; }
</style>"""
HOSTILE_BODY = """<header class="site-header"><a href="#top">Accueil</a> <a href="#news">Actualités</a></header>
<main><h1>Lycée Exemple</h1><p>Une page de thème de CMS.</p><p><a href="#admission">Admissions</a></p></main>
<div class="cookie-banner" role="region" aria-label="Cookies"><p>Ce site utilise des cookies.</p>
<button type="button" class="cookie-ok">Accepter</button></div>"""

def accept_cookies(page):
    """The student closes the consent banner, which (rightly) covers the launcher until then."""
    page.evaluate("document.querySelector('.cookie-banner').remove()")


LOOK = """() => {
    const s = document.querySelector('assistant-widget').shadowRoot;
    const pick = (sel, props) => { const e = s.querySelector(sel); const c = getComputedStyle(e);
        return Object.fromEntries(props.map(p => [p, c.getPropertyValue(p)])); };
    return {
        launcher: pick('.aw-launcher', ['text-transform', 'background-color', 'border-top-width', 'padding-top',
                                        'font-size', 'letter-spacing', 'margin-top', 'font-family']),
        title: pick('.aw-title', ['font-size', 'text-decoration-line', 'text-transform']),
        titleAfter: getComputedStyle(s.querySelector('.aw-title'), '::after').content,
        input: pick('.aw-input', ['margin-top', 'font-style', 'box-sizing']),
        panel: pick('.aw-panel', ['animation-name', 'box-sizing', 'background-color']),
        srOnly: pick('.aw-sr-only', ['position', 'width']),
    };
}"""


# ---------------------------------------------------------------- tests

def test_a_hostile_theme_changes_neither_the_look_nor_the_focus_ring(new_page, site, stub):
    clean = page_with(new_page, site, stub)
    clean.locator(".aw-launcher").click()
    expected = clean.evaluate(LOOK)
    themed = page_with(new_page, site, stub, body=HOSTILE_BODY, head=HOSTILE_THEME)
    accept_cookies(themed)
    themed.locator(".aw-launcher").click()
    assert themed.evaluate(LOOK) == expected
    assert expected["titleAfter"] == "none" and expected["launcher"]["text-transform"] == "none"
    # The focus ring of the text box survives `input[type=text]:focus { outline: 0 }`.
    themed.keyboard.press("Shift+Tab")
    themed.keyboard.press("Tab")
    ring = themed.evaluate("""() => { const a = document.querySelector('assistant-widget').shadowRoot.activeElement;
        const c = getComputedStyle(a); return [a.className, c.outlineStyle, c.outlineWidth]; }""")
    assert ring == ["aw-input", "solid", "3px"], ring
    # Nothing leaks out: the page's own classes and ids are untouched, no global widget rule applies.
    assert themed.evaluate("getComputedStyle(document.querySelector('h1')).textTransform") == "uppercase"
    assert themed.evaluate("document.querySelectorAll('#aw-panel, #aw-title, #aw-input, .aw-sr-only').length") == 0


def test_the_widget_stays_below_a_consent_banner(new_page, site, stub):
    page = page_with(new_page, site, stub, body=HOSTILE_BODY, head=HOSTILE_THEME)
    box = launcher(page).bounding_box()
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.cookie-banner') !== null",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top, "la bannière de cookies doit rester au-dessus du bouton de l'assistant"
    # ... and above the theme's fixed header (z-index 9999); data-z-index changes the order.
    assert page.evaluate("getComputedStyle(document.querySelector('assistant-widget').shadowRoot"
                         ".querySelector('.aw-root')).zIndex") == "10000"
    other = page_with(new_page, site, stub, attrs='data-z-index="5"')
    assert other.evaluate("getComputedStyle(document.querySelector('assistant-widget').shadowRoot"
                          ".querySelector('.aw-root')).zIndex") == "5"


def test_phone_modal_keeps_the_focus_inside_and_the_welcome_visible(new_page, site, stub):
    page = page_with(new_page, site, stub, body=HOSTILE_BODY, viewport=PHONE, is_mobile=True, has_touch=True)
    accept_cookies(page)
    launcher(page).tap()
    dialog = page.get_by_role("dialog", name="Assistant orientation")
    expect(dialog).to_have_attribute("aria-modal", "true")
    # The phone keyboard does not open: the focus is on the dialog's title, the welcome is visible.
    assert active_in_widget(page) == "aw-title"
    welcome = bot_messages(page).first
    expect(welcome).to_be_in_viewport()
    # The page behind is inert (a screen-reader swipe cannot reach it either).
    assert page.evaluate("[...document.body.children].filter(e => e.tagName !== 'SCRIPT'"
                         " && e.tagName !== 'ASSISTANT-WIDGET').every(e => e.inert)")
    # Tab and Shift+Tab cycle inside the dialog.
    expect(page.get_by_role("group", name="Sujets pour commencer")).to_be_visible()
    seen = set()
    for key in ["Tab"] * 25 + ["Shift+Tab"] * 25:
        page.keyboard.press(key)
        current = active_in_widget(page)
        assert current, f"{key} a fait sortir le focus du dialogue"
        seen.update(current.split())
    assert {"aw-restart", "aw-close", "aw-input", "aw-send", "aw-quick"} <= seen, seen
    assert serious_violations(page) == []
    # Closing gives the focus back to the launcher and the page back to the student.
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert active_in_widget(page).startswith("aw-launcher")
    assert page.evaluate("[...document.body.children].every(e => !e.inert)")


def test_desktop_panel_is_not_modal_and_the_api_does_not_steal_the_focus(new_page, site, stub):
    page = page_with(new_page, site, stub, body=HOSTILE_BODY)
    page.evaluate("window.__assistantWidget.open()")
    dialog = page.get_by_role("dialog", name="Assistant orientation")
    expect(dialog).to_be_visible()
    assert dialog.get_attribute("aria-modal") is None
    assert page.evaluate("[...document.body.children].every(e => !e.inert)")
    page.locator(".site-header a").first.focus()
    page.evaluate("window.__assistantWidget.close()")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Accueil"


def test_public_api_can_be_called_before_the_widget_is_built(new_page, site, stub):
    # An inline call right after the tag, before the deferred script and the DOM are ready.
    head = f'<script src="{site}/widget.js" data-server="{stub.url}"></script>'
    page = new_page(permissions=["local-network-access"])
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    html = (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>T</title>{head}</head>'
            '<body><main><h1>T</h1></main><script src="/api-early.js"></script></body></html>')
    page.route(f"{site}/early.html", lambda r: r.fulfill(status=200, content_type="text/html", body=html))
    page.route(f"{site}/api-early.js", lambda r: r.fulfill(
        status=200, content_type="text/javascript", body="window.__assistantWidget.open();"))
    page.goto(f"{site}/early.html")
    expect(page.get_by_role("dialog", name="Assistant orientation")).to_be_visible()
    assert errors == []


def test_lang_strings_and_starters(new_page, site, stub):
    page = page_with(new_page, site, stub, attrs='data-text-launcher="Une question ?" '
                     'data-text-placeholder="Votre question ici" data-privacy-url="https://ecole.example/rgpd"')
    assert page.evaluate("document.querySelector('assistant-widget').shadowRoot"
                         ".querySelector('.aw-root').getAttribute('lang')") == "fr"
    expect(launcher(page)).to_have_text("Une question ?")
    launcher(page).click()
    expect(page.get_by_role("textbox", name="Votre question")).to_have_attribute("placeholder", "Votre question ici")
    expect(page.get_by_role("link", name="Vos données")).to_have_attribute("href", "https://ecole.example/rgpd")
    # Starter topics under the welcome: « Découvrir les métiers » when the school has several (the
    # behaviour knowledge has two), then the greeting's menu from its sujets.yml.
    topics = yaml.safe_load((behaviour_knowledge() / "sujets.yml").read_text(encoding="utf-8"))
    several = len(list((behaviour_knowledge() / "metiers").glob("*.yml"))) > 1
    expected = ["Découvrir les métiers"] * several + [topics["sujets"][s]["libelle"] for s in topics["menu"]]
    starters = page.get_by_role("group", name="Sujets pour commencer").get_by_role("button")
    expect(starters).to_have_text(expected)
    starters.nth(expected.index(topics["sujets"]["salaire"]["libelle"])).click()
    expect(bot_messages(page).last).to_contain_text("Réponse à : /salaire")
    assert stub.bodies[-1]["message"] == "/salaire"
    # A JS option wins over the data- attributes.
    other = new_page(permissions=["local-network-access"])
    html = ('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>T</title></head><body><main>'
            f'<h1>T</h1></main><script src="{site}/opts.js"></script>'
            f'<script src="{site}/widget.js" data-server="{stub.url}" data-text-launcher="Ignoré"></script>'
            '</body></html>')
    other.route(f"{site}/opts.html", lambda r: r.fulfill(status=200, content_type="text/html", body=html))
    other.route(f"{site}/opts.js", lambda r: r.fulfill(status=200, content_type="text/javascript", body=(
        "window.assistantWidgetOptions = {texts: {launcher: 'Parlons métier'}};")))
    other.goto(f"{site}/opts.html")
    expect(launcher(other)).to_have_text("Parlons métier")


def test_empty_reply_shows_a_note_and_a_reply_while_closed_marks_the_launcher(new_page, site, stub):
    page = page_with(new_page, site, stub)
    launcher(page).click()
    expect(ask(page, "vide")).to_contain_text("Je n'ai pas de réponse à ce message")
    # A reply that arrives while the panel is closed: a mark on the launcher, in its name too. The
    # request is held until the student has closed the panel, so the reply always comes after.
    held = []
    page.route("**/webhooks/rest/webhook", lambda route: held.append(route))
    box = page.get_by_role("textbox", name="Votre question")
    box.fill("une question")
    box.press("Enter")
    page.keyboard.press("Escape")
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "le message de l'élève n'est jamais parti vers le serveur"
    held[0].continue_()
    expect(launcher(page)).to_have_attribute("aria-label", "Une question sur le métier ? Ouvrir l'assistant "
                                             "d'orientation (nouvelle réponse)")
    expect(page.locator(".aw-badge")).to_be_visible()
    launcher(page).click()
    expect(bot_messages(page).last).to_contain_text("Réponse à : une question")
    expect(page.locator(".aw-badge")).to_be_hidden()


def test_failed_message_is_marked_even_when_another_question_follows(new_page, site, stub):
    page = page_with(new_page, site, stub)
    launcher(page).click()
    page.route("**/webhooks/rest/webhook", lambda route: route.abort("connectionrefused"))
    box = page.get_by_role("textbox", name="Votre question")
    box.fill("première question")
    box.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("momentanément indisponible")
    page.unroute("**/webhooks/rest/webhook")
    ask(page, "deuxième question")
    # The first one stays marked, with its own retry; the same message id is sent again.
    failed = page.locator(".aw-msg--failed")
    expect(failed).to_have_count(1)
    expect(failed).to_contain_text("première question")
    first_id = [b for b in stub.bodies if b["message"] == "première question"]
    page.get_by_role("button", name="Réessayer").click()
    expect(bot_messages(page).last).to_contain_text("Réponse à : première question")
    expect(page.locator(".aw-msg--failed")).to_have_count(0)
    sent = [b for b in stub.bodies if b["message"] == "première question"]
    assert len(sent) == len(first_id) + 1 and len({b["message_id"] for b in sent}) == 1


def test_two_tabs_stay_in_sync(new_page, site, stub):
    page = page_with(new_page, site, stub)
    launcher(page).click()
    other = page.context.new_page()
    other.goto(page.url)
    other.locator(".aw-launcher").click()
    ask(page, "question de l'onglet un")
    expect(other.locator(".aw-log")).to_contain_text("Réponse à : question de l'onglet un")
    ask(other, "question de l'onglet deux")
    expect(page.locator(".aw-log")).to_contain_text("Réponse à : question de l'onglet deux")
    both = page.locator(".aw-msg--user .aw-bubble").all_inner_texts()
    assert both == ["question de l'onglet un", "question de l'onglet deux"]
    assert other.locator(".aw-msg--user .aw-bubble").all_inner_texts() == both
    # « Nouvelle conversation » in one tab: a new sender id, in both tabs.
    old = page.evaluate("window.__assistantWidget.senderId()")
    page.get_by_role("button", name="Nouvelle conversation").click()
    expect(other.locator(".aw-msg--user")).to_have_count(0)
    assert page.evaluate("window.__assistantWidget.senderId()") != old


def test_idle_expiry_and_session_storage(new_page, site, stub):
    page = page_with(new_page, site, stub)
    launcher(page).click()
    ask(page, "une question d'hier")
    old = page.evaluate("window.__assistantWidget.senderId()")
    # 31 minutes later (the default expiry is 30): a new conversation, the old one is gone.
    page.evaluate("localStorage.setItem('assistant-widget:active', String(Date.now() - 31 * 60000))")
    page.reload()
    expect(launcher(page)).to_be_visible()
    launcher(page).click() if page.locator(".aw-panel").is_hidden() else None
    expect(page.locator(".aw-log")).not_to_contain_text("une question d'hier")
    expect(bot_messages(page)).to_have_count(1)
    ask(page, "nouvelle question")
    assert stub.bodies[-1]["sender"] != old
    assert "une question d'hier" not in page.evaluate("JSON.stringify(localStorage)")

    # data-storage="session": nothing in localStorage, and a new tab starts its own conversation.
    tab = page_with(new_page, site, stub, attrs='data-storage="session"')
    launcher(tab).click()
    ask(tab, "question privée")
    assert "question privée" not in tab.evaluate("JSON.stringify(localStorage)")
    second = tab.context.new_page()
    second.goto(tab.url)
    second.locator(".aw-launcher").click()
    expect(second.locator(".aw-log")).not_to_contain_text("question privée")


def test_history_is_bounded_by_size(new_page, site, stub):
    page = page_with(new_page, site, stub)
    launcher(page).click()
    for i in range(4):
        ask(page, f"{i} " + "x" * 990)
    page.evaluate("""() => { const h = JSON.parse(localStorage.getItem('assistant-widget:history'));
        const big = []; for (let i = 0; i < 200; i++) big.push({from: 'bot', text: 'y'.repeat(1000)});
        localStorage.setItem('assistant-widget:history', JSON.stringify(big.concat(h))); }""")
    page.reload()
    ask(page, "après")
    size = page.evaluate("localStorage.getItem('assistant-widget:history').length")
    assert size <= 100_000
    assert "Réponse à : après" in page.evaluate("localStorage.getItem('assistant-widget:history')")


STRICT_CSP = ("default-src 'none'; script-src {site}; style-src {site}; connect-src {site} {server}; "
              "img-src 'none'; base-uri 'none'; form-action 'none'")


def test_strict_csp_page_works(new_page, site, stub):
    csp = STRICT_CSP.format(site=site, server=stub.url)
    page = page_with(new_page, site, stub, csp=csp)
    launcher(page).click()
    expect(page.get_by_role("group", name="Sujets pour commencer")).to_be_visible()
    expect(ask(page, "sous CSP")).to_contain_text("Réponse à : sous CSP")
    # Styled (the stylesheet loaded), and not a single CSP violation reported by Chromium.
    assert page.evaluate("getComputedStyle(document.querySelector('assistant-widget').shadowRoot"
                         ".querySelector('.aw-panel')).position") == "fixed"
    assert not [e for e in page.console_errors if "Content Security Policy" in e], page.console_errors


def test_full_page_chat_url(new_page, site, stub):
    page = new_page(viewport=PHONE_320)
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    response = page.goto(f"{site}/chat?metier=testeur_jeux_societe")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.get_by_role("heading", level=1, name="Assistant orientation")).to_be_visible()
    expect(page.locator(".aw-launcher")).to_be_hidden()
    expect(page.locator(".aw-bubble").first).to_contain_text("Bonjour")
    expect(ask(page, "question en pleine page")).to_contain_text("Réponse à : question en pleine page")
    assert stub.bodies[-1]["metadata"] == {"metier": "testeur_jeux_societe"}
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_320["width"]
    assert not [e for e in page.console_errors if "Content Security Policy" in e or "Refused" in e]
    checked = new_page(viewport=PHONE_320, bypass_csp=True)  # axe is injected as an inline script
    checked.goto(f"{site}/chat")
    expect(checked.locator(".aw-bubble").first).to_be_visible()
    assert serious_violations(checked) == []
    # Usable in an iframe of a school page.
    framed = new_page(permissions=["local-network-access"])
    framed.route(f"{site}/cadre.html", lambda r: r.fulfill(status=200, content_type="text/html", body=(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Cadre</title></head><body><main>'
        f'<h1>Orientation</h1><iframe title="Assistant" src="{site}/chat" width="400" height="600"></iframe>'
        '</main></body></html>')))
    framed.goto(f"{site}/cadre.html")
    frame = framed.frame_locator("iframe")
    frame.get_by_role("textbox", name="Votre question").fill("depuis le cadre")
    frame.get_by_role("textbox", name="Votre question").press("Enter")
    expect(frame.locator(".aw-msg--bot").last).to_contain_text("Réponse à : depuis le cadre")


def test_reflow_at_320_px_and_unknown_profession_warning(new_page, site, stub):
    page = page_with(new_page, site, stub, viewport=PHONE_320, attrs='data-metier="boulanger"')
    launcher(page).click()
    ask(page, "une question assez longue pour remplir la largeur de l'écran d'un petit téléphone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_320["width"]
    for selector in (".aw-panel", ".aw-form", ".aw-send", ".aw-close", ".aw-log"):
        box = page.locator(selector).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_320["width"] + 0.5, (selector, box)
    assert any("boulanger" in e for e in page.console_errors), page.console_errors
    assert stub.bodies[-1]["metadata"] == {"metier": "boulanger"}  # the server falls back to its default


def test_cms_theme_screenshots(new_page, site, stub):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, viewport, extra in (("phone", PHONE, {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}),
                                  ("desktop", DESKTOP, {})):
        page = page_with(new_page, site, stub, body=HOSTILE_BODY, head=HOSTILE_THEME, viewport=viewport, **extra)
        accept_cookies(page)
        launcher(page).click()
        ask(page, "combien gagne un débutant ?")
        page.wait_for_timeout(300)
        path = ARTIFACTS / f"widget-cms-{name}.png"
        page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000
