"""The console's answers to what an attacker or a clumsy client sends: never a 500, login CSRF
closed, lockout resistance, the password policy and its change page, one e-mail address, minimal logs.

One console per module, as tests/stack/test_console.py starts it (`python -m console serve`, a temporary
SQLite database, CONSOLE_PROXIES=1 so each test signs in from its own X-Forwarded-For address).
"""
import contextlib
import subprocess
import uuid

import pytest
import requests
import sqlalchemy as sa

from tests.stack.test_console import WIDGET_ORIGIN
from tests.support.console_client import PASSWORD, address, browser, hidden_csrf, page_text, signed_in, try_login
from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_KNOWLEDGE
from tests.support.stack import free_port, stop_process, wait_until_up

ACCOUNTS = (("c.martin", "conseiller"), ("f.durand", "formateur"), ("v.cible", "conseiller"),
            ("m.change", "conseiller"), ("s.deja", "conseiller"))


@contextlib.contextmanager
def running_console(folder, accounts=ACCOUNTS, **extra):
    database = f"sqlite:///{folder / 'conversations.db'}"
    port = free_port()
    env = project_env(TRACKER_STORE_URL=database, ASSISTANT_KNOWLEDGE_DIR=FIXTURE_KNOWLEDGE, CONSOLE_PORT=port,
                      CONSOLE_HOST="127.0.0.1", CONSOLE_PROXIES=1, CONSOLE_CORS_ORIGINS=WIDGET_ORIGIN,
                      CONSOLE_PUBLIC_URL=f"http://127.0.0.1:{port}", **extra)
    for login, role in accounts:
        made = subprocess.run([PYTHON, "-m", "console", "user", "--login", login, "--role", role], cwd=ROOT,
                              env=dict(env, CONSOLE_PASSWORD=PASSWORD), capture_output=True, text=True, timeout=120)
        assert made.returncode == 0, made.stderr
    log = folder / "console.log"
    with log.open("w") as out:
        process = subprocess.Popen([PYTHON, "-m", "console", "serve"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/connexion", process, log, timeout=120)
        yield {"url": url, "engine": sa.create_engine(database), "log": log, "env": env}
    finally:
        stop_process(process)


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    with running_console(tmp_path_factory.mktemp("console-hardening")) as running:
        yield running


# -- never a 500 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", [
    "/api/reponses/web-abc?apres=99999999999999999999999",   # overflowing integer
    "/static/",                                               # a folder
    "/static/console%00.css",                                 # a NUL byte
    "/static/../app.py",
])
def test_odd_requests_without_signing_in_get_a_french_4xx(console, path):
    answer = requests.get(f"{console['url']}{path}", timeout=30)
    assert 400 <= answer.status_code < 500, (path, answer.status_code)
    shown = answer.json()["erreur"] if path.startswith("/api/") else page_text(answer.text)
    assert any(word in shown for word in ("introuvable", "entier", "refusée", "inconnue")), shown
    assert requests.get(f"{console['url']}/static/console.css", timeout=30).status_code == 200


@pytest.mark.parametrize("path, shown", [
    ("/demandes/99999999999999999999999", "Demande introuvable"),      # a request id beyond 64 bits
    ("/tableau-de-bord?au=9999-12-31", "Une date n'a pas été comprise"),  # dates out of range
    ("/tableau-de-bord?du=0001-01-01&au=0001-01-05", "Une date n'a pas été comprise"),
])
def test_odd_requests_of_a_signed_in_counsellor_get_a_french_answer(console, path, shown):
    answer = signed_in(console, "c.martin").get(f"{console['url']}{path}", timeout=30)
    assert answer.status_code in (200, 404), (path, answer.status_code)
    assert shown in page_text(answer.text)


def test_a_wrong_method_on_the_api_answers_json_with_the_apis_headers(console):
    answer = requests.put(f"{console['url']}/api/demandes", headers={"Origin": WIDGET_ORIGIN}, timeout=30)
    assert answer.status_code == 405
    assert "Méthode refusée" in answer.json()["erreur"]
    assert answer.headers["Access-Control-Allow-Origin"] == WIDGET_ORIGIN
    assert answer.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("question", [42, ["une", "liste"], {"texte": "x"}, True])
def test_a_question_that_is_not_text_gets_a_clear_400(console, question):
    answer = requests.post(f"{console['url']}/api/demandes", json={"sender_id": "web-x", "question": question},
                           headers={"Origin": WIDGET_ORIGIN, "X-Forwarded-For": address()}, timeout=30)
    assert answer.status_code == 400
    assert "doit être du texte" in answer.json()["erreur"]


# -- login CSRF ----------------------------------------------------------------------------------------
def login_with(console, headers: dict, login: str = "c.martin") -> requests.Response:
    session = browser()
    form = session.get(f"{console['url']}/connexion")
    return session.post(f"{console['url']}/connexion", allow_redirects=False, headers=headers,
                        data={"csrf": hidden_csrf(form.text), "identifiant": login, "mot_de_passe": PASSWORD})


@pytest.mark.parametrize("headers", [
    {"Origin": "http://127.0.0.1:1"},                 # a page on another port of the same host
    {"Origin": "https://voisin.ecole.test"},          # a sibling subdomain
    {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_a_login_posted_from_another_site_is_refused_even_with_the_right_token(console, headers):
    answer = login_with(console, headers)
    assert answer.status_code == 403
    assert "envoyé depuis un autre site" in page_text(answer.text)
    assert "console_session" not in answer.headers.get("Set-Cookie", "")


@pytest.mark.parametrize("own", [
    {"Origin": "{url}", "Sec-Fetch-Site": "same-origin"},
    {"Origin": "null", "Sec-Fetch-Site": "same-origin"},   # Chromium, from a page with Referrer-Policy: no-referrer
    {"Origin": "{url}"},
])
def test_a_login_from_the_consoles_own_page_passes(console, own):
    headers = {k: v.replace("{url}", console["url"]) for k, v in own.items()}
    assert login_with(console, headers).status_code == 303


def test_a_signed_in_form_posted_from_another_site_is_refused(console):
    counsellor = signed_in(console, "c.martin")
    token = hidden_csrf(counsellor.get(f"{console['url']}/demandes").text)
    out = counsellor.post(f"{console['url']}/deconnexion", data={"csrf": token}, allow_redirects=False,
                          headers={"Origin": "http://127.0.0.1:1"})
    assert out.status_code == 403 and "envoyé depuis un autre site" in page_text(out.text)
    assert counsellor.get(f"{console['url']}/demandes", allow_redirects=False).status_code == 200


def test_under_https_the_cookies_take_the_host_prefix_and_a_tossed_plain_cookie_is_ignored(console):
    https = browser()
    https.headers["X-Forwarded-Proto"] = "https"
    form = https.get(f"{console['url']}/connexion")
    set_cookie = form.headers["Set-Cookie"]
    assert set_cookie.startswith("__Host-console_csrf=") and "Secure" in set_cookie and "Path=/" in set_cookie
    assert "Domain" not in set_cookie
    token = hidden_csrf(form.text)
    # cookie tossing: a sibling can set « console_csrf », not « __Host-console_csrf »
    tossed = https.post(f"{console['url']}/connexion", allow_redirects=False, cookies={"console_csrf": token},
                        data={"csrf": token, "identifiant": "c.martin", "mot_de_passe": PASSWORD})
    assert tossed.status_code == 403 and "Formulaire refusé" in page_text(tossed.text)


def test_signing_in_never_replaces_an_open_session(console):
    counsellor = signed_in(console, "c.martin")
    tossed = "jeton-pose-par-un-voisin"
    counsellor.cookies.set("console_csrf", tossed)   # as a page of another port could set it
    forged = counsellor.post(f"{console['url']}/connexion", allow_redirects=False,
                             data={"csrf": tossed, "identifiant": "s.deja", "mot_de_passe": PASSWORD})
    assert forged.status_code == 409
    assert "déjà connecté avec le compte « c.martin »" in page_text(forged.text)
    assert "console_session" not in forged.headers.get("Set-Cookie", "")
    assert "Connecté : c.martin" in page_text(counsellor.get(f"{console['url']}/demandes").text)


# -- logs ----------------------------------------------------------------------------------------------
def test_the_failed_login_audit_keeps_no_text_that_is_not_an_account(console):
    typed_password = f"MotDePasseTapeDansLIdentifiant{uuid.uuid4().hex[:6]}"
    assert try_login(browser(), console, typed_password, "x" * 12).status_code == 401
    assert try_login(browser(), console, "v.cible", "pas-le-bon-mot-de-passe").status_code == 401
    with console["engine"].connect() as conn:
        rows = [tuple(r) for r in conn.execute(sa.text(
            "SELECT login, action, target FROM console_audit WHERE action = 'connexion_refusee'"))]
    assert not [r for r in rows if typed_password.lower() in " ".join(r).lower()], rows
    assert ("v.cible", "connexion_refusee") in [r[:2] for r in rows]
    assert ("?", "connexion_refusee") in [r[:2] for r in rows]


# -- passwords -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("weak, said", [
    ("aaaaaaaaaa", "trop court"), ("password12", "trop court"), (" " * 10 + "x", "trop court"),
    ("aaaaaaaaaaaa", "trop courant"), ("password1234", "trop courant"), ("azertyuiop123", "trop courant"),
    ("v.cible-2026-ok", "trop courant"),   # the login inside
])
def test_make_console_user_refuses_short_and_common_passwords(console, weak, said):
    made = subprocess.run([PYTHON, "-m", "console", "user", "--login", "v.cible", "--role", "conseiller"], cwd=ROOT,
                          env=dict(console["env"], CONSOLE_PASSWORD=weak), capture_output=True, text=True, timeout=120)
    assert made.returncode == 2 and said in made.stderr and "Traceback" not in made.stderr
    assert try_login(browser(), console, "v.cible", PASSWORD).status_code == 303   # unchanged


def change_form(session, console) -> str:
    page = session.get(f"{console['url']}/mot-de-passe")
    assert page.status_code == 200 and "Changer mon mot de passe" in page_text(page.text)
    return hidden_csrf(page.text)


def test_a_counsellor_changes_her_password_and_her_other_sessions_close(console):
    here, elsewhere = signed_in(console, "m.change"), signed_in(console, "m.change")
    token = change_form(here, console)
    new = "trois-mots-sans-rapport-citron"
    for fields, said in (({"actuel": "faux", "nouveau": new, "confirmation": new}, "actuel est incorrect"),
                         ({"actuel": PASSWORD, "nouveau": "password1234", "confirmation": "password1234"},
                          "trop courant"),
                         ({"actuel": PASSWORD, "nouveau": new, "confirmation": new + "x"}, "diffèrent")):
        refused = here.post(f"{console['url']}/mot-de-passe", data=dict(fields, csrf=token))
        assert refused.status_code == 400 and said in page_text(refused.text)
    changed = here.post(f"{console['url']}/mot-de-passe",
                        data={"csrf": token, "actuel": PASSWORD, "nouveau": new, "confirmation": new})
    assert changed.status_code == 200 and "Mot de passe changé" in page_text(changed.text)
    assert here.get(f"{console['url']}/demandes", allow_redirects=False).status_code == 200   # this one stays
    assert elsewhere.get(f"{console['url']}/demandes", allow_redirects=False).status_code == 303   # closed
    assert try_login(browser(), console, "m.change", PASSWORD).status_code == 401
    assert try_login(browser(), console, "m.change", new).status_code == 303


# -- the student's e-mail ------------------------------------------------------------------------------
@pytest.mark.parametrize("email", ["eleve@exemple.fr,root", "eleve@exemple.fr,admin,postmaster",
                                   "a@exemple.fr, b@exemple.fr", "a@exemple.fr,b@exemple.fr", "a@exemple.fr;b@x.fr",
                                   "root@localhost", "root", "Élève <eleve@exemple.fr>", "a@exemple.fr\nBcc: b@x.fr"])
def test_the_email_field_takes_one_deliverable_address_only(console, email):
    sender = f"web-{uuid.uuid4().hex[:16]}"
    answer = requests.post(f"{console['url']}/api/demandes", json={"sender_id": sender, "question": "Une question",
                                                                   "email": email},
                           headers={"Origin": WIDGET_ORIGIN, "X-Forwarded-For": address()}, timeout=30)
    assert answer.status_code == 400 and "ne semble pas valide" in answer.json()["erreur"]
    with console["engine"].connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM handoff_requests WHERE sender_id = :s"),
                            {"s": sender}).scalar() == 0


def test_one_address_is_accepted_and_kept(console):
    sender = f"web-{uuid.uuid4().hex[:16]}"
    answer = requests.post(f"{console['url']}/api/demandes", json={"sender_id": sender, "question": "Une question",
                                                                   "email": "prenom.nom@exemple.fr"},
                           headers={"Origin": WIDGET_ORIGIN, "X-Forwarded-For": address()}, timeout=30)
    assert answer.status_code == 201
    with console["engine"].connect() as conn:
        assert conn.execute(sa.text("SELECT email FROM handoff_requests WHERE sender_id = :s"),
                            {"s": sender}).scalar() == "prenom.nom@exemple.fr"
