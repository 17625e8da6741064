"""The chat widget in a browser (Playwright + Chromium): constants and the locators the widget tests share."""
import json
import shutil
import subprocess

from playwright.sync_api import expect

from tests.support.helpers import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
AXE_DIR = ROOT / "widget" / "tests"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WEBHOOK = "**/webhooks/rest/webhook"
# The widget lives in a shadow root: Playwright's locators pierce it, page scripts go through this.
SHADOW = "document.querySelector('assistant-widget').shadowRoot"
ERROR_TEXT = "Le service est momentanément indisponible"
TIMEOUT_MS = 20_000  # any single wait in a test (the bot answers in about a second)
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
expect.set_options(timeout=TIMEOUT_MS)


def launcher(page):
    return page.locator(".aw-launcher")


def panel(page):
    return page.get_by_role("dialog", name="Assistant orientation")


def textbox(page):
    return page.get_by_role("textbox", name="Votre question")


def chat_log(page):
    return page.get_by_role("log")


def bot_messages(page):
    return page.locator(".aw-msg--bot")


def user_messages(page):
    """The students' bubbles (without the screen-reader prefix "Vous :")."""
    return page.locator(".aw-msg--user .aw-bubble")


def open_chat(page):
    launcher(page).click()
    expect(panel(page)).to_be_visible()
    if page.viewport_size["width"] > 600:
        expect(textbox(page)).to_be_focused()
    else:  # on a phone the keyboard stays closed: the focus is on the dialog's title
        expect(page.get_by_role("heading", name="Assistant orientation")).to_be_focused()


def wait_for_answer(page, bots_before: int):
    """Wait until a new bot message is shown and the typing indicator is gone."""
    page.wait_for_function(
        f"n => {SHADOW}.querySelectorAll('.aw-msg--bot').length > n"
        f" && {SHADOW}.querySelector('.aw-typing').hidden", arg=bots_before, timeout=TIMEOUT_MS)
    return bot_messages(page).last


def ask(page, question: str):
    before = bot_messages(page).count()
    textbox(page).fill(question)
    textbox(page).press("Enter")
    return wait_for_answer(page, before)


def sender_id(page) -> str:
    return page.evaluate("localStorage.getItem('assistant-widget:sender')")


def webhook_bodies(page) -> list:
    """The JSON bodies the page posts to the webhook (recorded from now on)."""
    bodies = []
    page.on("request", lambda request: bodies.append(json.loads(request.post_data))
            if request.url.endswith("/webhooks/rest/webhook") and request.method == "POST" else None)
    return bodies


# ---------------------------------------------------------------- tests


def axe_source() -> str:
    if not AXE_JS.exists():
        npm = shutil.which("npm")
        assert npm, "npm est introuvable : il faut Node.js pour installer axe-core."
        subprocess.run([npm, "ci", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund"],
                       cwd=ROOT, check=True, timeout=300, capture_output=True)
    return AXE_JS.read_text()


def serious_violations(page) -> list:
    page.add_script_tag(content=axe_source())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"])
        for v in results["violations"] if v["impact"] in ("serious", "critical")
    ]
