"""The console over real HTTP: `python -m console serve` as a subprocess on a free loopback port, a temporary
SQLite database holding a Rasa events table, and a real SMTP server (aiosmtpd) on loopback for the notices.

Accounts are created with `python -m console user` (what `make console-user` runs), the password in
CONSOLE_PASSWORD. CONSOLE_PROXIES=1 as behind nginx: each test signs in from its own X-Forwarded-For
address, so the per-address login limit of one test does not block another.
"""
import json
import subprocess
import time
import uuid

import pytest
import requests
import sqlalchemy as sa

from loading.knowledge import load_contact
from tests.support.console_client import PASSWORD, address, browser, hidden_csrf, page_text, signed_in, try_login
from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_KNOWLEDGE
from tests.support.mailbox import local_smtp
from tests.support.stack import free_port, stop_process, wait_until_up

WIDGET_ORIGIN = "http://ecole.test"
CONTACT = load_contact(FIXTURE_KNOWLEDGE / "contact.yml")


@pytest.fixture(scope="module")
def mailbox():
    with local_smtp() as running:
        yield running


@pytest.fixture(scope="module")
def console(tmp_path_factory, mailbox):
    folder = tmp_path_factory.mktemp("console")
    database = f"sqlite:///{folder / 'conversations.db'}"
    port = free_port()
    env = project_env(TRACKER_STORE_URL=database, ASSISTANT_KNOWLEDGE_DIR=FIXTURE_KNOWLEDGE, CONSOLE_PORT=port,
                      CONSOLE_HOST="127.0.0.1", CONSOLE_PROXIES=1, CONSOLE_CORS_ORIGINS=WIDGET_ORIGIN,
                      SMTP_HOST="127.0.0.1", SMTP_PORT=mailbox[1], SMTP_FROM="assistant@ecole.test",
                      CONSOLE_PUBLIC_URL=f"http://127.0.0.1:{port}", CONSOLE_CHAT_URL="http://ecole.test/chat")
    for login, role in (("c.martin", "conseiller"), ("f.durand", "formateur"), ("r.limite", "conseiller"),
                        ("a.partage", "conseiller")):
        made = subprocess.run([PYTHON, "-m", "console", "user", "--login", login, "--role", role], cwd=ROOT,
                              env=dict(env, CONSOLE_PASSWORD=PASSWORD), capture_output=True, text=True, timeout=120)
        assert made.returncode == 0, made.stderr
        assert "compte créé" in made.stdout
    log = folder / "console.log"
    with log.open("w") as out:
        process = subprocess.Popen([PYTHON, "-m", "console", "serve"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/connexion", process, log, timeout=120)
        yield {"url": url, "engine": sa.create_engine(database), "log": log}
    finally:
        stop_process(process)


def store_conversation(console, sender: str, turns) -> None:
    """Events as Rasa's SQLTrackerStore writes them (table `events`, JSON in `data`)."""
    metadata = sa.MetaData()
    events = sa.Table("events", metadata, sa.Column("id", sa.Integer, primary_key=True),
                      sa.Column("sender_id", sa.String(255), nullable=False, index=True),
                      sa.Column("type_name", sa.String(255), nullable=False), sa.Column("timestamp", sa.Float),
                      sa.Column("intent_name", sa.String(255)), sa.Column("action_name", sa.String(255)),
                      sa.Column("data", sa.Text))
    metadata.create_all(console["engine"])
    now = time.time() - 600
    with console["engine"].begin() as conn:
        for index, (kind, text) in enumerate(turns):
            conn.execute(events.insert().values(
                sender_id=sender, type_name=kind, timestamp=now + index,
                data=json.dumps({"event": kind, "timestamp": now + index, "text": text})))


def leave_question(console, sender: str, question: str, where: str = None, **extra) -> requests.Response:
    return requests.post(f"{console['url']}/api/demandes", json=dict(sender_id=sender, question=question, **extra),
                         headers={"Origin": WIDGET_ORIGIN, "X-Forwarded-For": where or address()}, timeout=30)


def new_request(console, question: str, turns=(), **extra):
    sender = f"web-{uuid.uuid4().hex[:16]}"
    store_conversation(console, sender, turns or [("user", "bonjour"), ("bot", "Bonjour !")])
    answer = leave_question(console, sender, question, **extra)
    assert answer.status_code == 201, answer.text
    return sender, answer.json()["id"]


def test_a_wrong_password_is_refused_in_french(console):
    session = browser()
    answer = try_login(session, console, "c.martin", "pas-le-bon-mot-de-passe")
    assert answer.status_code == 401
    assert "Identifiant ou mot de passe incorrect" in answer.text
    assert web_cookie(answer) is None
    assert session.get(f"{console['url']}/demandes", allow_redirects=False).headers["Location"].startswith(
        "/connexion")


def web_cookie(answer: requests.Response, name: str = "console_session"):
    return next((c for c in answer.headers.get("Set-Cookie", "").split(", ") if c.startswith(f"{name}=")), None)


def test_failures_delay_that_address_not_the_counsellor_elsewhere(console):
    """ASVS 2.2.1 (SECURITY.md): a progressive delay per account and address, never a lock of the account."""
    where = address()
    for _ in range(5):
        assert try_login(browser(where), console, "r.limite", "mauvais-mot-de-passe").status_code == 401
    delayed = try_login(browser(where), console, "r.limite", PASSWORD)
    assert delayed.status_code == 429
    assert "attendez 1 seconde avant de réessayer" in page_text(delayed.text)
    # the counsellor, from her own address, is not locked out by someone else's failures
    assert try_login(browser(), console, "r.limite", PASSWORD).status_code == 303
    # and the same address passes once the delay is over
    time.sleep(1.2)
    assert try_login(browser(where), console, "r.limite", PASSWORD).status_code == 303
    # per address (password spraying): 20 failures on any logins delay that address for other accounts
    other = address()
    for attempt in range(20):
        assert try_login(browser(other), console, f"inconnu{attempt}", "x" * 12).status_code == 401
    assert try_login(browser(other), console, "a.partage", PASSWORD).status_code == 429
    assert try_login(browser(), console, "a.partage", PASSWORD).status_code == 303


def test_the_link_of_a_notice_leads_to_the_request_after_signing_in(console):
    _, request_id = new_request(console, "Une question reçue par e-mail")
    session = browser()
    first = session.get(f"{console['url']}/demandes/{request_id}", allow_redirects=False)
    assert first.status_code == 303
    form = session.get(f"{console['url']}{first.headers['Location']}")
    assert f'name="suite" value="/demandes/{request_id}"' in form.text
    signed = session.post(f"{console['url']}/connexion", allow_redirects=False, data={
        "csrf": hidden_csrf(form.text), "identifiant": "c.martin", "mot_de_passe": PASSWORD,
        "suite": f"/demandes/{request_id}"})
    assert signed.headers["Location"] == f"/demandes/{request_id}"
    for elsewhere in ("//ailleurs.test/x", "https://ailleurs.test/", "/formateur"):
        other = try_login(browser(), console, "c.martin", PASSWORD, suite=elsewhere)
        assert other.headers["Location"] == "/demandes", elsewhere


def test_session_cookie_flags_and_secure_over_https(console):
    plain = try_login(browser(), console, "c.martin", PASSWORD)
    cookie = web_cookie(plain)
    assert cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie
    https = browser()
    https.headers["X-Forwarded-Proto"] = "https"
    form = https.get(f"{console['url']}/connexion")
    assert "Secure" in form.headers["Set-Cookie"]
    token = hidden_csrf(form.text)
    # requests keeps a Secure cookie for https URLs only: the login form's token is sent by hand, under the
    # __Host- name that HTTPS gives it
    answer = https.post(f"{console['url']}/connexion", allow_redirects=False,
                        cookies={"__Host-console_csrf": token},
                        data={"csrf": token, "identifiant": "c.martin", "mot_de_passe": PASSWORD})
    assert answer.status_code == 303
    secure = web_cookie(answer, "__Host-console_session")
    assert "Secure" in secure and "HttpOnly" in secure and "Path=/" in secure and "Domain" not in secure


def test_a_form_without_its_token_is_refused(console):
    session = browser()
    session.get(f"{console['url']}/connexion")
    login = session.post(f"{console['url']}/connexion", allow_redirects=False,
                         data={"identifiant": "c.martin", "mot_de_passe": PASSWORD})
    assert login.status_code == 403 and "Formulaire refusé" in login.text
    sender, request_id = new_request(console, "Quelles écoles pour ce métier près de Lyon ?")
    counsellor = signed_in(console, "c.martin")
    forged = counsellor.post(f"{console['url']}/demandes/{request_id}/repondre", data={"reponse": "piège"},
                             allow_redirects=False)
    assert forged.status_code == 403 and "jeton de sécurité" in forged.text
    wrong = counsellor.post(f"{console['url']}/demandes/{request_id}/traiter", data={"csrf": "faux"},
                            allow_redirects=False)
    assert wrong.status_code == 403
    assert requests.get(f"{console['url']}/api/reponses/{sender}").json()["reponses"] == []
    assert f"Demande n° {request_id}" in counsellor.get(f"{console['url']}/demandes").text


def test_a_trainer_cannot_read_the_requests(console):
    question = "Est-ce que je peux faire ce métier en alternance dès la seconde ?"
    _, request_id = new_request(console, question)
    trainer = signed_in(console, "f.durand")
    assert trainer.get(f"{console['url']}/", allow_redirects=False).headers["Location"] == "/formateur"
    for path in ("/demandes", f"/demandes/{request_id}"):
        refused = trainer.get(f"{console['url']}{path}")
        assert refused.status_code == 403
        assert "Accès refusé" in refused.text and 'lang="fr"' in refused.text
        assert question not in refused.text
    token = hidden_csrf(trainer.get(f"{console['url']}/formateur").text)
    post = trainer.post(f"{console['url']}/demandes/{request_id}/repondre", data={"csrf": token, "reponse": "x"})
    assert post.status_code == 403
    with console["engine"].connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM handoff_replies WHERE request_id = :r"),
                            {"r": request_id}).scalar() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM console_audit WHERE login = 'f.durand' "
                                    "AND action = 'acces_refuse'")).scalar() >= 2


def test_script_in_a_students_question_is_shown_as_text(console):
    question = "<script>alert(1)</script> et le salaire ?"
    said = '<img src=x onerror="alert(2)"> bonjour'
    _, request_id = new_request(console, question, turns=[("user", said), ("bot", "Je n'ai pas compris.")])
    counsellor = signed_in(console, "c.martin")
    for path in ("/demandes", f"/demandes/{request_id}"):
        html = counsellor.get(f"{console['url']}{path}").text
        assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; et le salaire ?" in html
        assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt; bonjour" in html


def test_a_new_request_sends_one_notice_without_the_conversation(console, mailbox):
    box, _ = mailbox
    said = "je voudrais savoir si on peut changer de voie après un bts"
    question = "Puis-je me réorienter après la première année ?"
    _, request_id = new_request(console, question, email="eleve@exemple.fr", profession="testeur_jeux_societe",
                                turns=[("user", said), ("bot", "La fiche ne précise pas les passerelles.")])
    link = f"{console['url']}/demandes/{request_id}"
    [(recipients, message)] = box.matching(lambda to, message: link in message.get_content())
    assert recipients == [CONTACT.email]
    body = message.get_content()
    assert said not in body and "passerelles" not in body and question not in body
    assert "eleve@exemple.fr" not in body
    with console["engine"].connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM console_audit WHERE action = 'avis_envoye' "
                                    "AND target LIKE :t"), {"t": f"demande {request_id} :%"}).scalar() == 1


def test_the_inbox_shows_question_profession_transcript_and_waiting_time(console):
    said = "c'est quoi les horaires de ce métier en général"
    _, request_id = new_request(console, "Y a-t-il du travail le week-end ?", profession="testeur_jeux_societe",
                                turns=[("user", said), ("bot", "La fiche ne précise pas les horaires."),
                                       ("user", "/conseiller")])
    counsellor = signed_in(console, "c.martin")
    assert counsellor.get(f"{console['url']}/", allow_redirects=False).headers["Location"] == "/demandes"
    inbox = counsellor.get(f"{console['url']}/demandes")
    assert inbox.status_code == 200
    card = page_text(inbox.text.split(f'id="demande-{request_id}"', 1)[1].split("</article>", 1)[0])
    assert "en attente depuis" in card and "Y a-t-il du travail le week-end ?" in card
    assert "Testeur(se) de jeux de société" in card and said in card
    detail = page_text(counsellor.get(f"{console['url']}/demandes/{request_id}").text)
    assert said in detail and "La fiche ne précise pas les horaires." in detail and "(bouton) conseiller" in detail


def test_a_counsellors_reply_reaches_the_student(console, mailbox):
    box, _ = mailbox
    sender, request_id = new_request(console, "Faut-il un portfolio pour entrer en école ?", email="moi@exemple.fr")
    counsellor = signed_in(console, "c.martin")
    token = hidden_csrf(counsellor.get(f"{console['url']}/demandes/{request_id}").text)
    reply = "Oui, la plupart des écoles demandent un portfolio : venez en parler au CDI mardi."
    sent = counsellor.post(f"{console['url']}/demandes/{request_id}/repondre", data={"csrf": token, "reponse": reply})
    assert sent.status_code == 200 and "Réponse envoyée : l'élève la verra" in page_text(sent.text)
    answer = requests.get(f"{console['url']}/api/reponses/{sender}", headers={"Origin": WIDGET_ORIGIN})
    assert answer.headers["Access-Control-Allow-Origin"] == WIDGET_ORIGIN
    [item] = answer.json()["reponses"]
    assert item["texte"] == reply and item["auteur"] == "conseiller" and item["rendez_vous"] is None
    assert "c.martin" not in answer.text   # the counsellor's account stays in the console
    # the student's notice: a link to the conversation, not the reply
    [(_, notice)] = box.matching(lambda to, message: to == ["moi@exemple.fr"])
    assert "http://ecole.test/chat" in notice.get_content() and "portfolio" not in notice.get_content()
    # « proposer un rendez-vous » carries the booking link of contact.yml
    counsellor.post(f"{console['url']}/demandes/{request_id}/rendez-vous", data={"csrf": token, "message": ""})
    items = requests.get(f"{console['url']}/api/reponses/{sender}", params={"apres": item["id"]}).json()["reponses"]
    assert [i["rendez_vous"] for i in items] == [CONTACT.rendez_vous]
    # « marquer traité » takes it out of the inbox
    counsellor.post(f"{console['url']}/demandes/{request_id}/traiter", data={"csrf": token})
    assert f'id="demande-{request_id}"' not in counsellor.get(f"{console['url']}/demandes").text
    with console["engine"].connect() as conn:
        actions = {row[0] for row in conn.execute(sa.text(
            "SELECT action FROM console_audit WHERE login = 'c.martin' AND target LIKE :t"),
            {"t": f"%{request_id}%"})}
    assert {"lecture_demande", "reponse", "rendez_vous", "demande_traitee"} <= actions


def test_logout_ends_the_session(console):
    counsellor = signed_in(console, "c.martin")
    stolen = counsellor.cookies.get("console_session")
    token = hidden_csrf(counsellor.get(f"{console['url']}/demandes").text)
    out = counsellor.post(f"{console['url']}/deconnexion", data={"csrf": token}, allow_redirects=False)
    assert out.status_code == 303
    assert "Max-Age=0" in web_cookie(out)
    again = requests.get(f"{console['url']}/demandes", cookies={"console_session": stolen}, allow_redirects=False)
    assert again.status_code == 303 and again.headers["Location"].startswith("/connexion")
    assert "Vous êtes déconnecté" in counsellor.get(f"{console['url']}/connexion?fin=1").text


def test_student_routes_accept_only_json_from_the_widgets_origin(console):
    sender = f"web-{uuid.uuid4().hex[:16]}"
    preflight = requests.options(f"{console['url']}/api/demandes", headers={
        "Origin": WIDGET_ORIGIN, "Access-Control-Request-Method": "POST"})
    assert preflight.headers["Access-Control-Allow-Origin"] == WIDGET_ORIGIN
    assert "Access-Control-Allow-Credentials" not in preflight.headers
    foreign = requests.post(f"{console['url']}/api/demandes", json={"sender_id": sender, "question": "x"},
                            headers={"Origin": "http://ailleurs.test"})
    assert foreign.status_code == 403 and "Access-Control-Allow-Origin" not in foreign.headers
    as_form = requests.post(f"{console['url']}/api/demandes", data={"sender_id": sender, "question": "x"},
                            headers={"Origin": WIDGET_ORIGIN})
    assert as_form.status_code == 415
    bad_email = leave_question(console, sender, "Une question", email="pas-une-adresse")
    assert bad_email.status_code == 400 and "facultative" in bad_email.json()["erreur"]
    accepted = leave_question(console, sender, "Une question")
    assert accepted.status_code == 201 and CONTACT.delai_reponse in accepted.json()["message"]


def count_rows(console, table: str, sender: str) -> int:
    with console["engine"].connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table} WHERE sender_id = :s"), {"s": sender}).scalar()


def reply_to(console, request_id: int, text: str) -> None:
    counsellor = signed_in(console, "c.martin")
    token = hidden_csrf(counsellor.get(f"{console['url']}/demandes/{request_id}").text)
    assert counsellor.post(f"{console['url']}/demandes/{request_id}/repondre",
                           data={"csrf": token, "reponse": text}).status_code == 200


def run_forget(console, *args) -> subprocess.CompletedProcess:
    database = str(console["engine"].url)
    done = subprocess.run([PYTHON, "scripts/forget.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env=project_env(TRACKER_STORE_URL=database), timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def test_make_forget_erases_the_requests_email_and_replies_of_a_conversation(console):
    sender, request_id = new_request(console, "Une question à effacer", email="efface@exemple.fr")
    kept, kept_id = new_request(console, "Une question à garder")
    reply_to(console, request_id, "Une réponse à effacer")
    reply_to(console, kept_id, "Une réponse à garder")
    done = run_forget(console, "--sender", sender)
    assert "1 demande(s) au conseiller supprimée(s)" in done.stdout
    assert count_rows(console, "handoff_requests", sender) == 0 and count_rows(console, "handoff_replies", sender) == 0
    assert count_rows(console, "events", sender) == 0
    assert requests.get(f"{console['url']}/api/reponses/{sender}").json()["reponses"] == []
    assert len(requests.get(f"{console['url']}/api/reponses/{kept}").json()["reponses"]) == 1
    assert "Une question à effacer" not in signed_in(console, "c.martin").get(f"{console['url']}/demandes").text


def test_make_purge_erases_requests_without_activity_for_the_given_days(console):
    old, old_id = new_request(console, "Une vieille question")
    recent, _ = new_request(console, "Une question récente")
    answered, answered_id = new_request(console, "Une vieille question, mais une réponse récente")
    with console["engine"].begin() as conn:
        conn.execute(sa.text("UPDATE handoff_requests SET created_at = :t WHERE id IN (:a, :b)"),
                     {"t": time.time() - 100 * 86400, "a": old_id, "b": answered_id})
    reply_to(console, answered_id, "Répondu aujourd'hui")
    marker = f"purge-{uuid.uuid4().hex[:8]}"
    with console["engine"].begin() as conn:   # the console's log: one old line, one recent
        for age, name in ((100 * 86400, "ancienne"), (0, "recente")):
            conn.execute(sa.text("INSERT INTO console_audit (at, login, action, target) VALUES (:t, 'c.martin', :a, :m)"),
                         {"t": time.time() - age, "a": name, "m": marker})
    done = run_forget(console, "--older-than", "90")
    assert count_rows(console, "handoff_requests", old) == 0
    assert count_rows(console, "handoff_requests", recent) == 1 and count_rows(console, "handoff_requests", answered) == 1
    with console["engine"].connect() as conn:
        kept = [row[0] for row in conn.execute(sa.text("SELECT action FROM console_audit WHERE target = :m"),
                                               {"m": marker})]
    assert kept == ["recente"]
    assert "ligne(s) du journal des actions" in done.stdout


def test_requests_are_limited_per_conversation_and_per_address(console):
    sender = f"web-{uuid.uuid4().hex[:16]}"
    for number in range(3):
        assert leave_question(console, sender, f"Question {number}").status_code == 201
    fourth = leave_question(console, sender, "Encore une")
    assert fourth.status_code == 429 and "3 questions en attente" in fourth.json()["erreur"]
    where = address()
    for number in range(30):
        assert leave_question(console, f"web-{uuid.uuid4().hex}", f"Question {number}", where).status_code == 201
    assert leave_question(console, f"web-{uuid.uuid4().hex}", "Une de trop", where).status_code == 429
    assert leave_question(console, f"web-{uuid.uuid4().hex}", "Une autre adresse").status_code == 201


def test_console_pages_have_no_serious_accessibility_violation(console, new_page):
    from tests.support.widget import serious_violations
    _, request_id = new_request(console, "Quels stages en première année ?", profession="testeur_jeux_societe",
                                turns=[("user", "bonjour"), ("bot", "Bonjour ! Posez votre question.")])
    reply_to(console, request_id, "Des stages de deux mois, en général.")
    page = new_page(bypass_csp=True, extra_http_headers={"X-Forwarded-For": address()})   # axe is an inline script
    page.goto(f"{console['url']}/connexion")
    page.get_by_label("Identifiant").fill("c.martin")
    page.get_by_label("Mot de passe").fill("pas-le-bon")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("alert").inner_text().startswith("Identifiant ou mot de passe incorrect")
    checked = {"connexion (erreur)": serious_violations(page)}
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/demandes")
    page.get_by_text("Conversation avec l'assistant").first.click()   # the transcript, unfolded
    checked["demandes"] = serious_violations(page)
    page.goto(f"{console['url']}/demandes/{request_id}")
    assert page.get_by_label("Votre réponse à l'élève").is_visible()
    checked["demande"] = serious_violations(page)
    page.goto(f"{console['url']}/formateur")
    assert page.get_by_role("heading", level=1).inner_text() == "Accès refusé"
    checked["403"] = serious_violations(page)
    assert checked == {name: [] for name in checked}
