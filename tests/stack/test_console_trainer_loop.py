"""The trainer's loop in the console, over real HTTP and in real Chromium: « essayer une phrase » (what the
assistant would answer and why, nothing recorded), the « mauvais métier » decision (an alias added to the
right profession's knowledge file, checked against the name index, live through the action server's hot
reload) and the confident answers that enter the review queue (rephrased at once, or doubted by the
coverage guard), each with the reason a trainer reads.

The console runs on a copy of the project (CONSOLE_PROJECT_DIR, with this checkout's trained model) and
on a copy of the two-profession fixture knowledge (ASSISTANT_KNOWLEDGE_DIR): a decision writes only there.
"""
import datetime
import shutil
import subprocess
import time
import uuid

import pytest
import sqlalchemy as sa

from actions.live_school import LiveSchool
from console import db as console_db
from tests.stack.test_console_trainer import events_of
from tests.support.console_client import PASSWORD, address, hidden_csrf, page_text, sign_in_page, signed_in
from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_KNOWLEDGE
from tests.support.project import project_copy
from tests.support.stack import MODEL, free_port, stop_process, wait_until_up

# A minute or more in all, its servers shared by its tests: started first (tests/stack/conftest.py).
pytestmark = pytest.mark.long

DEFAULT, OTHER = "charge_mission_relations_internationales", "testeur_jeux_societe"
DAY = datetime.date(2026, 11, 20)
# A name of the second profession that its file does not know: the student got the default's answer.
UNKNOWN_NAME = "ludotesteur"
WRONG = f"un {UNKNOWN_NAME} ça gagne combien ?"
FIRST_TRY, REPHRASE = "tu bosses sur quoi toute la journée", "tu bosses sur quoi toute la journée en vrai"
DOUBTED = "quelles entreprises embauchent des gens comme ça"
ANSWERED = "ça consiste en quoi au quotidien"
CONVERSATIONS = [
    (DEFAULT, [(WRONG, "salaire", 0.96, [("salaire", 0.96)], "action_repondre", "down"),
               (FIRST_TRY, "missions", 0.93, [("missions", 0.93)], "action_repondre", None),
               (REPHRASE, "missions", 0.9, [("missions", 0.9)], "action_repondre", None)]),
    (DEFAULT, [(DOUBTED, "missions", 0.97, [("missions", 0.97)], "action_repondre", None),
               (ANSWERED, "missions", 0.97, [("missions", 0.97)], "action_repondre", None)]),
]


def fill_tracker(engine) -> None:
    metadata = sa.MetaData()
    events = sa.Table("events", metadata, sa.Column("id", sa.Integer, primary_key=True),
                      sa.Column("sender_id", sa.String(255), nullable=False, index=True),
                      sa.Column("type_name", sa.String(255), nullable=False), sa.Column("timestamp", sa.Float),
                      sa.Column("intent_name", sa.String(255)), sa.Column("action_name", sa.String(255)),
                      sa.Column("data", sa.Text))
    metadata.create_all(engine)
    console_db.metadata.create_all(engine)
    with engine.begin() as conn:
        for profession, turns in CONVERSATIONS:
            conn.execute(events.insert(), events_of(f"web-{uuid.uuid4().hex[:16]}", DAY, profession, turns))


def event_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT COUNT(*) FROM events")).scalar()


@pytest.fixture(scope="module")
def console(tmp_path_factory, model_path):
    folder = tmp_path_factory.mktemp("console-boucle")
    project = project_copy(folder)
    (project / "models").mkdir()
    shutil.copy(MODEL, project / "models" / MODEL.name)
    knowledge = folder / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, knowledge)
    database = f"sqlite:///{folder / 'conversations.db'}"
    engine = sa.create_engine(database)
    fill_tracker(engine)
    port = free_port()
    env = project_env(TRACKER_STORE_URL=database, ASSISTANT_KNOWLEDGE_DIR=knowledge, CONSOLE_PORT=port,
                      CONSOLE_HOST="127.0.0.1", CONSOLE_PROXIES=1, CONSOLE_PROJECT_DIR=project)
    made = subprocess.run([PYTHON, "-m", "console", "user", "--login", "f.durand", "--role", "formateur"], cwd=ROOT,
                          env=dict(env, CONSOLE_PASSWORD=PASSWORD), capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    # the action server's own reloading of the same folder, as make run starts it
    told = []
    live = LiveSchool(knowledge, folder / "derniere-version-valide", poll=0.5, tell=told.append).start()
    log = folder / "console.log"
    with log.open("w") as out:
        process = subprocess.Popen([PYTHON, "-m", "console", "serve"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/connexion", process, log, timeout=120)
        yield {"url": url, "engine": engine, "log": log, "project": project, "knowledge": knowledge, "live": live,
               "told": told}
    finally:
        live.stop()
        stop_process(process)


def queue_item(html: str, text: str) -> str:
    """The queue item (its article) that shows this student text, as text."""
    escaped = text.replace("'", "&#39;")
    parts = html.split(f"« {escaped} »", 1)
    assert len(parts) == 2, f"« {text} » is not in the queue"
    return page_text(parts[1].split("</article>", 1)[0])


def item_key(html: str, text: str) -> str:
    escaped = text.replace("'", "&#39;")
    return html.split(f"« {escaped} »", 1)[1].split('name="cle" value="', 1)[1].split('"', 1)[0]


def aliases(console, profession: str) -> list:
    import yaml
    return yaml.safe_load((console["knowledge"] / "metiers" / f"{profession}.yml").read_text(encoding="utf-8"))["alias"]


def test_confident_answers_rephrased_or_doubted_enter_the_queue_with_the_reason(console):
    html = signed_in(console, "f.durand").get(f"{console['url']}/formateur").text
    rephrased = queue_item(html, FIRST_TRY)
    assert "Pourquoi ce message est là : L'élève a reformulé sa question juste après" in rephrased
    doubted = queue_item(html, DOUBTED)
    assert "Réponse donnée avec confiance, mais le message demande « quelles entreprises embauchent" in doubted
    assert "la fiche ne le précise pas" in doubted
    # the rephrasing itself was answered and not rephrased again; a plain confident answer stays out
    for absent in (REPHRASE, ANSWERED):
        assert f"« {absent.replace(chr(39), '&#39;')} »" not in html
    # make review writes the same reason into the file a trainer annotates
    review = subprocess.run([PYTHON, "-m", "trainer.review", "export", "--projet", str(console["project"]),
                             "--base", str(console["engine"].url)], cwd=ROOT,
                            env=project_env(ASSISTANT_KNOWLEDGE_DIR=console["knowledge"]),
                            capture_output=True, text=True, timeout=300)
    assert review.returncode == 0, review.stdout + review.stderr
    written = (console["project"] / "reports" / "a_relire.yml").read_text(encoding="utf-8")
    assert "pourquoi: \"L'élève a reformulé" in written and "pourquoi: \"Réponse donnée avec confiance" in written


def test_a_wrong_profession_alias_is_refused_when_it_would_mislead(console):
    trainer = signed_in(console, "f.durand")
    html = trainer.get(f"{console['url']}/formateur").text
    token, key = hidden_csrf(html), item_key(html, WRONG)
    before = {p: aliases(console, p) for p in (DEFAULT, OTHER)}
    for alias, said in (("salaire", "un mot des questions des élèves"),
                        ("relations internationales", "désigne déjà un autre métier (Chargé(e) de mission relations "
                                                      "internationales)"),
                        ("testeur de jeux", "désigne déjà « Testeur(se) de jeux de société » : rien à ajouter"),
                        ("<b>x</b>", "ne peut pas servir de nom de métier")):
        answer = trainer.post(f"{console['url']}/formateur/alias",
                              data={"csrf": token, "cle": key, "metier": OTHER, "alias": alias})
        assert answer.status_code == 400, alias
        shown = page_text(answer.text)
        assert said in shown and "Rien n'a été écrit." in shown, shown
    unknown = trainer.post(f"{console['url']}/formateur/alias",
                           data={"csrf": token, "cle": key, "metier": "../contact", "alias": UNKNOWN_NAME})
    assert unknown.status_code == 400 and "Choisissez dans la liste le métier" in page_text(unknown.text)
    forged = trainer.post(f"{console['url']}/formateur/alias", data={"cle": key, "metier": OTHER, "alias": "abc"})
    assert forged.status_code == 403 and "jeton de sécurité" in forged.text
    assert {p: aliases(console, p) for p in (DEFAULT, OTHER)} == before
    assert f"« {WRONG} »" in trainer.get(f"{console['url']}/formateur").text   # still to decide


def test_a_trainer_tries_a_sentence_then_adds_the_alias_and_the_assistant_follows(console, new_page):
    live = console["live"]
    assert live.school.names.find(WRONG) == ()
    events = event_count(console["engine"])
    page = new_page(extra_http_headers={"X-Forwarded-For": address()})
    sign_in_page(page, console['url'], "f.durand")
    page.wait_for_url("**/formateur")

    def tried(sentence: str) -> dict:
        page.get_by_label("Phrase d'élève").fill(sentence)
        # the first try loads the model (started in the background when the page opened)
        with page.expect_navigation(timeout=180_000):
            page.get_by_role("button", name="Essayer", exact=True).click(no_wait_after=True)
        box = page.locator("section", has=page.get_by_role("heading", name="Essayer une phrase"))
        box.get_by_role("heading", name="Ce que l'assistant répondrait").wait_for()
        why = dict(zip(box.locator("#pourquoi dt").all_inner_texts(), box.locator("#pourquoi dd").all_inner_texts()))
        return {"reply": box.locator("pre").inner_text(), **why}

    before = tried(WRONG)
    assert before["Sujet compris"] == "Le salaire" and before["Métier nommé dans la phrase"] == "aucun"
    assert before["Métier de la réponse"] == "Chargé(e) de mission relations internationales"
    assert before["Sujet de la réponse"] == "Le salaire" and before["Confiance"][:2] in ("0,", "1,")
    assert "€" in before["reply"] or "gagne" in before["reply"]

    item = page.locator("article", has=page.get_by_role("heading", name=f"« {WRONG} »", exact=True))
    item.get_by_text("Mauvais métier").click()
    item.get_by_label("Le bon métier").select_option(label="Testeur(se) de jeux de société")
    item.get_by_label("Le nom utilisé par l'élève").fill(UNKNOWN_NAME.capitalize())
    item.get_by_role("button", name="Ajouter ce nom au métier").click()
    status = page.locator("section[role=status]")
    status.wait_for()
    assert (f"Nom ajouté : « {UNKNOWN_NAME} » désigne maintenant « Testeur(se) de jeux de société » "
            f"(knowledge/metiers/{OTHER}.yml") in status.inner_text()
    assert aliases(console, OTHER)[-1] == UNKNOWN_NAME
    assert page.get_by_role("heading", name=f"« {WRONG} »", exact=True).count() == 0   # decided: it left the queue
    # the action server's reload takes it without a restart, in seconds
    # (the new knowledge is swapped in, then the reload is told: both are waited for, within the 5 s)
    def reloaded() -> bool:
        return live.school.names.find(WRONG) == (OTHER,) and any("Connaissances rechargées" in said
                                                                  for said in console["told"])
    deadline = time.time() + 5
    while not reloaded() and time.time() < deadline:
        time.sleep(0.2)
    assert live.school.names.find(WRONG) == (OTHER,) and live.error is None
    assert any("Connaissances rechargées" in said for said in console["told"])

    after = tried(WRONG)
    assert after["Métier nommé dans la phrase"] == "Testeur(se) de jeux de société"
    assert after["Métier de la réponse"] == "Testeur(se) de jeux de société"
    # trying sentences records no conversation
    assert event_count(console["engine"]) == events
    assert page.dialogs == [] and page.js_errors == []


def test_a_students_markup_in_a_tried_sentence_is_text(console):
    trainer = signed_in(console, "f.durand")
    token = hidden_csrf(trainer.get(f"{console['url']}/formateur").text)
    answer = trainer.post(f"{console['url']}/formateur/essayer",
                          data={"csrf": token, "phrase": "<img src=x onerror=alert(1)> et le salaire ?"})
    assert answer.status_code == 200
    assert "<img src=x" not in answer.text and "&lt;img src=x onerror=alert(1)&gt; et le salaire ?" in answer.text
    empty = trainer.post(f"{console['url']}/formateur/essayer", data={"csrf": token, "phrase": "  "})
    assert empty.status_code == 400 and "Écrivez une phrase d'élève à essayer." in page_text(empty.text)


def test_apply_retrains_in_the_background_one_run_at_a_time_and_the_assistant_loads_it(console, new_page):
    """« Appliquer »: the new example is checked, the model retrained as make train does it (its record
    verifies), the running assistant (rasa_ext/model_reload.py, here with the agent's loading recorded)
    loads it; a second run is refused while the first goes on."""
    import asyncio
    import threading

    from playwright.sync_api import Error as PlaywrightError

    from rasa_ext.model_reload import ModelWatch
    project = console["project"]
    loaded = []
    watch = ModelWatch(project, loaded.append)
    stop = threading.Event()

    def follow():
        async def loop():
            watch.started()
            while not stop.is_set():
                await watch.refresh()
                await asyncio.sleep(0.5)
        asyncio.run(loop())

    follower = threading.Thread(target=follow, daemon=True)
    follower.start()
    try:
        trainer = signed_in(console, "f.durand")
        token = hidden_csrf(trainer.get(f"{console['url']}/formateur").text)
        page = new_page(extra_http_headers={"X-Forwarded-For": address()})
        sign_in_page(page, console['url'], "f.durand")
        page.wait_for_url("**/formateur")
        page.get_by_role("button", name="Appliquer : ré-entraîner l'assistant maintenant").click()
        page.wait_for_url("**/formateur/appliquer")
        assert page.get_by_role("progressbar").count() == 1
        again = trainer.post(f"{console['url']}/formateur/appliquer", data={"csrf": token, "appliquer": "oui"})
        assert again.status_code == 409 and "Un entraînement est déjà en cours (lancé par f.durand)" in page_text(again.text)
        shown = ""
        deadline = time.time() + 900
        while time.time() < deadline:   # the page reloads itself (every 3 s) while the run goes on
            try:
                shown = page.locator("main").inner_text()
            except PlaywrightError:   # read during one of its reloads
                continue
            if "Terminé" in shown or "Échec" in shown:
                break
            assert "l'assistant continue de répondre avec le modèle précédent" in shown or "Vérification" in shown \
                or "charge" in shown, shown
            time.sleep(2)
        assert "L'assistant utilise le nouveau modèle" in shown, shown
        assert loaded == [project / "models" / "assistant.tar.gz"]
        verified = subprocess.run([PYTHON, str(ROOT / "scripts" / "model_build.py"), "verify", "--root", str(project)],
                                  capture_output=True, text=True, timeout=120)
        assert verified.returncode == 0, verified.stdout + verified.stderr
        assert page.dialogs == [] and page.js_errors == []
    finally:
        stop.set()
        follower.join(timeout=10)
