"""Signing in to the console as a student's counsellor or a trainer does, for the stack tests: with HTTP
(requests, the form and its token) or in the browser (Playwright, by the labels a person reads)."""
import re
import uuid
from html import unescape

import requests

PASSWORD = "un-mot-de-passe-de-test"


def address() -> str:
    """A fresh client address for X-Forwarded-For (10.x.y.z, never reused in a run)."""
    n = uuid.uuid4().int
    return f"10.{n % 250}.{(n >> 8) % 250}.{(n >> 16) % 250 + 1}"


def browser(where: str = None) -> requests.Session:
    session = requests.Session()
    session.headers["X-Forwarded-For"] = where or address()
    return session


def hidden_csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no form token in the page"
    return found.group(1)


def page_text(html: str) -> str:
    """What a reader sees: the text without tags, entities decoded."""
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def try_login(session: requests.Session, console, login: str, password: str, **extra) -> requests.Response:
    form = session.get(f"{console['url']}/connexion")
    return session.post(f"{console['url']}/connexion", allow_redirects=False,
                        data={"csrf": hidden_csrf(form.text), "identifiant": login, "mot_de_passe": password, **extra})


def signed_in(console, login: str, password: str = PASSWORD) -> requests.Session:
    """An HTTP session signed in as `login`."""
    session = browser()
    answer = try_login(session, console, login, password)
    assert answer.status_code == 303, page_text(answer.text)
    return session


def sign_in_page(page, url: str, login: str, password: str = PASSWORD) -> None:
    """Fills the console's sign-in form in the browser and sends it (the caller waits for where it lands)."""
    page.goto(f"{url}/connexion")
    page.get_by_label("Identifiant").fill(login)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
