"""The hand-off to a counsellor, end to end in real Chromium: a student leaves a question in the
widget, a counsellor signs in to the console, reads it with its transcript and answers, and the
student sees the answer, marked as the counsellor's, on reopening the page (same device, same
conversation), the launcher showing the unread mark. The notices go through a real SMTP server on
loopback; none carries the question or the transcript. The counsellor's inbox is saved as
tests/artifacts/console-demandes.png.

Started here: the console (`python -m console serve`) on the behaviour stack's conversations
database; the widget is the session's demo page, told where the console is (data-console).
"""
import re
import subprocess
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.support.console_client import sign_in_page
from tests.support.helpers import PYTHON, ROOT
from tests.support.knowledge import contact
from tests.support.mailbox import local_smtp
from tests.support.stack import free_port, stop_process, wait_until_up
from tests.support.widget import ARTIFACTS, ask, bot_messages, chat_log, launcher, open_chat

PASSWORD = "mot-de-passe-de-la-conseillere"


@pytest.fixture(scope="module")
def mailbox():
    with local_smtp() as running:
        yield running


@pytest.fixture(scope="module")
def console_url(stack, mailbox, tmp_path_factory):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(stack.env, CONSOLE_PORT=str(port), CONSOLE_HOST="127.0.0.1", CONSOLE_PUBLIC_URL=url,
               CONSOLE_CORS_ORIGINS=f"http://127.0.0.1:{stack.page_port}", SMTP_HOST="127.0.0.1",
               SMTP_PORT=str(mailbox[1]), SMTP_FROM="assistant@ecole.test",
               CONSOLE_CHAT_URL=f"http://127.0.0.1:{stack.page_port}/chat")
    made = subprocess.run([PYTHON, "-m", "console", "user", "--login", "c.martin", "--role", "conseiller"],
                          cwd=ROOT, env=dict(env, CONSOLE_PASSWORD=PASSWORD), capture_output=True, text=True,
                          timeout=120)
    assert made.returncode == 0, made.stdout + made.stderr
    log = tmp_path_factory.mktemp("handoff-console") / "console.log"
    with log.open("w") as out:
        process = subprocess.Popen([PYTHON, "-m", "console", "serve"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"{url}/connexion", process, log, timeout=120)
        yield url
    finally:
        stop_process(process)


@pytest.fixture(scope="module")
def site(widget_site, console_url):
    """The demo page of the session's widget server, the console named as the school would name it in
    the snippet (data-console, here through the demo page's ?console=)."""
    return f"{widget_site}&console={quote(console_url, safe='')}"


def test_a_question_left_in_the_widget_is_answered_by_a_counsellor_and_read_on_reopening(
        new_page, site, console_url, mailbox):
    box, _ = mailbox
    student = new_page()
    student.goto(site)
    open_chat(student)
    ask(student, "est-ce qu'on peut faire ce métier en télétravail depuis la Réunion ?")
    ask(student, "je voudrais parler à un conseiller")
    offer = chat_log(student).get_by_role("button", name="Laisser ma question au conseiller")
    offer.click()
    question = student.get_by_label("Votre question pour le conseiller (vous pouvez la modifier)")
    expect(question).to_have_value("est-ce qu'on peut faire ce métier en télétravail depuis la Réunion ?")
    question.fill("Peut-on faire ce métier en télétravail depuis la Réunion ? <script>alert(1)</script>")
    expect(student.get_by_text("Facultatif : il sert seulement à vous prévenir")).to_be_visible()
    student.get_by_label("Votre e-mail (facultatif)").fill("eleve@exemple.fr")
    before = bot_messages(student).count()
    student.get_by_role("button", name="Envoyer au conseiller").click()
    expect(bot_messages(student)).to_have_count(before + 1)
    promise = contact().delai_reponse
    expect(bot_messages(student).last).to_contain_text(f"Votre question est transmise au service d'orientation ({promise})")
    expect(bot_messages(student).last).to_contain_text("La réponse s'affichera ici")
    student.get_by_role("button", name="Fermer l'assistant").click()   # the student closes the chat and leaves
    expect(student.locator(".aw-panel")).to_be_hidden()
    # The counsellor is told by email: a link, not the question.
    notices = box.matching(lambda to, m: "/demandes/" in m.get_body(("plain",)).get_content())
    assert notices and "Réunion" not in notices[0][1].get_body(("plain",)).get_content()

    counsellor = new_page()
    sign_in_page(counsellor, console_url, "c.martin", PASSWORD)
    ARTIFACTS.mkdir(exist_ok=True)
    counsellor.screenshot(path=str(ARTIFACTS / "console-demandes.png"), full_page=True)
    card = counsellor.locator("article").filter(has_text="depuis la Réunion")
    expect(card.locator(".question")).to_have_text(
        "Peut-on faire ce métier en télétravail depuis la Réunion ? <script>alert(1)</script>")
    expect(card).to_contain_text("en attente depuis")
    card.get_by_role("link", name="Répondre à la demande").click()
    # The question as text (the script is shown, never run), and the transcript of the conversation.
    expect(counsellor.locator(".question")).to_have_text(
        "Peut-on faire ce métier en télétravail depuis la Réunion ? <script>alert(1)</script>")
    expect(counsellor.get_by_text("je voudrais parler à un conseiller")).to_be_visible()
    counsellor.get_by_label("Votre réponse à l'élève").fill("Oui, en partie : venez en parler au CIO jeudi.")
    counsellor.get_by_role("button", name="Envoyer la réponse").click()
    expect(counsellor.get_by_text("Oui, en partie : venez en parler au CIO jeudi.")).to_be_visible()
    # The student is told by email too: a link back to the conversation, not the answer.
    told = box.matching(lambda to, m: "eleve@exemple.fr" in to)
    assert told and "CIO" not in told[0][1].get_body(("plain",)).get_content()

    # The student comes back later on the same device: unread mark, then the answer in the conversation.
    student.reload()
    expect(launcher(student)).to_have_class(re.compile(r"\baw-unread\b"))
    open_chat(student)
    reply = student.locator(".aw-msg--counsellor")
    expect(reply).to_contain_text("Réponse du service d'orientation")
    expect(reply).to_contain_text("Oui, en partie : venez en parler au CIO jeudi.")
    assert student.dialogs == []
