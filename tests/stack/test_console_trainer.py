"""The trainer's side of the console over real HTTP and in real Chromium: the review queue (/formateur)
and the dashboard (/tableau-de-bord).

`python -m console serve` runs as a subprocess on a free loopback port, on a temporary SQLite database
whose `events` table this test fills with known conversations (the columns and JSON Rasa's
SQLTrackerStore writes: user messages with their parse data, actions, bot replies, the metier_id slot,
👍/👎 as « agent » events), and on a temporary copy of the project (CONSOLE_PROJECT_DIR): a decision
writes into <copy>/data/nlu/ and the quick check runs on the copy, never on the repository.
"""
import datetime
import json
import subprocess
import uuid

import pytest
import sqlalchemy as sa
import yaml

from console import db as console_db
from tests.support.console_client import PASSWORD, address, hidden_csrf, page_text, sign_in_page, signed_in
from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_KNOWLEDGE
from tests.support.project import project_copy
from tests.support.stack import free_port, stop_process, wait_until_up
from trainer.project import block_examples, normalise

FIRST, SECOND = "testeur_jeux_societe", "charge_mission_relations_internationales"
DAY1, DAY2, BEFORE = datetime.date(2026, 11, 10), datetime.date(2026, 11, 12), datetime.date(2026, 11, 1)
TRAINING_SECONDS = 42

# The known conversations: (day, profession set by the reply, turns). A turn is
# (text, intent, confidence, ranking, action, vote); ranking lists (intent, confidence).
CLARIFIED = "et les horaires ça se passe comment le soir"
LOW = "ça consiste en quoi concrètement au jour le jour"
SMALL_TALK = "il fait beau chez toi aujourd'hui"
FLAGGED = "combien on touche quand on commence"
SCRIPT = "<script>alert(1)</script> et le salaire ?"
CONVERSATIONS = [
    (DAY1, FIRST, [
        (FLAGGED, "salaire", 0.95, [("salaire", 0.95), ("diplome", 0.02)], "action_repondre", "down"),
        (CLARIFIED, "nlu_fallback", 0.41, [("nlu_fallback", 0.41), ("contraintes", 0.38), ("missions", 0.2)],
         "action_clarifier", None),
        ("tu aimes le foot ?", "hors_sujet", 0.93, [("hors_sujet", 0.93)], "action_hors_sujet", None),
    ]),
    (DAY2, SECOND, [
        (LOW, "missions", 0.55, [("missions", 0.55), ("definition", 0.31)], "action_repondre", "up"),
        (SCRIPT, "nlu_fallback", 0.3, [("nlu_fallback", 0.3), ("salaire", 0.28)], "action_clarifier", None),
        (SMALL_TALK, "hors_sujet", 0.52, [("hors_sujet", 0.52), ("contraintes", 0.2)], "action_hors_sujet", None),
    ]),
    (BEFORE, FIRST, [   # before the period: counted nowhere
        ("quel salaire au début", "salaire", 0.97, [("salaire", 0.97)], "action_repondre", "down"),
    ]),
]


def at(day: datetime.date, hour: int, minute: int = 0) -> float:
    return datetime.datetime.combine(day, datetime.time(hour, minute)).timestamp()


def events_of(sender: str, day: datetime.date, profession: str, turns):
    """Rows of the events table, in the order Rasa writes them."""
    clock = [at(day, 10)]

    def event(kind, **data):
        clock[0] += 1
        return dict(sender_id=sender, type_name=kind, timestamp=clock[0], intent_name=data.pop("intent_name", None),
                    action_name=data.get("name") if kind in ("action", "slot") else None,
                    data=json.dumps({"event": kind, "timestamp": clock[0], **data}))

    rows = [event("action", name="action_session_start"), event("session_started"), event("action", name="action_listen")]
    votes = []
    for number, (text, intent, confidence, ranking, action, vote) in enumerate(turns):
        message_id = uuid.uuid4().hex
        rows.append(event("user", intent_name=intent, text=text, message_id=message_id, parse_data={
            "intent": {"name": intent, "confidence": confidence}, "entities": [], "text": text,
            "message_id": message_id, "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking]}))
        rows.append(event("action", name=action))
        custom = {"metier": {"id": profession, "intitule": profession}} if action == "action_repondre" else None
        rows.append(event("bot", text=f"Réponse {number}", data={"custom": custom} if custom else {}))
        if number == 0:
            rows.append(event("slot", name="metier_id", value=profession))
        rows.append(event("action", name="action_listen"))
        if vote:
            votes.append(event("agent", text=None, data={"feedback": vote, "message_id": message_id}))
    return rows + votes


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
        for day, profession, turns in CONVERSATIONS:
            conn.execute(events.insert(), events_of(f"web-{uuid.uuid4().hex[:16]}", day, profession, turns))
        # hand-off requests: one answered after 2 h, one closed without a reply after 30 min, one open;
        # one of another profession, and one before the period
        for sender, profession, created, replied, closed in (
                ("web-h1", FIRST, at(DAY1, 9), at(DAY1, 11), None),
                ("web-h2", FIRST, at(DAY1, 14), None, at(DAY1, 14, 30)),
                ("web-h3", FIRST, at(DAY2, 8), None, None),
                ("web-h4", SECOND, at(DAY2, 9), at(DAY2, 9, 10), None),
                ("web-h5", FIRST, at(BEFORE, 9), None, None)):
            request_id = conn.execute(console_db.requests.insert().values(
                sender_id=sender, question="Une question", metier=profession, created_at=created,
                status="traitee" if closed else "ouverte", closed_at=closed)).inserted_primary_key[0]
            if replied:
                conn.execute(console_db.replies.insert().values(request_id=request_id, sender_id=sender,
                                                                author="c.martin", text="Réponse", created_at=replied))


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    folder = tmp_path_factory.mktemp("console-formateur")
    project = project_copy(folder)
    (project / "models").mkdir()
    (project / "models" / "assistant.build.json").write_text(json.dumps({"training_seconds": TRAINING_SECONDS}))
    database = f"sqlite:///{folder / 'conversations.db'}"
    engine = sa.create_engine(database)
    fill_tracker(engine)
    port = free_port()
    env = project_env(TRACKER_STORE_URL=database, ASSISTANT_KNOWLEDGE_DIR=FIXTURE_KNOWLEDGE, CONSOLE_PORT=port,
                      CONSOLE_HOST="127.0.0.1", CONSOLE_PROXIES=1, CONSOLE_PROJECT_DIR=project)
    for login, role in (("f.durand", "formateur"), ("c.martin", "conseiller")):
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
        yield {"url": url, "engine": engine, "log": log, "project": project}
    finally:
        stop_process(process)


def examples(project, intent: str):
    data = yaml.safe_load((project / "data" / "nlu" / f"{intent}.yml").read_text(encoding="utf-8"))
    return [e for item in data["nlu"] if item.get("intent") == intent for e in block_examples(item["examples"])]


def nlu_snapshot(project):
    return {p.name: p.read_bytes() for p in sorted((project / "data" / "nlu").glob("*.yml"))}


def item_form(html: str, text: str) -> str:
    """The hidden key of the queue item showing this student text."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
    block = html.split(f"« {escaped} »", 1)
    assert len(block) == 2, f"« {text} » is not in the queue"
    return block[1].split('name="cle" value="', 1)[1].split('"', 1)[0]


def audited(console, login: str, action: str) -> list:
    with console["engine"].connect() as conn:
        return [r[0] for r in conn.execute(sa.text("SELECT target FROM console_audit WHERE login = :l AND action = :a"),
                                           {"l": login, "a": action})]


def board(session, console, **params):
    answer = session.get(f"{console['url']}/tableau-de-bord", params=params)
    assert answer.status_code == 200, answer.text
    return answer


def table_rows(html: str, table_id: str):
    """(header, cells…) of each body row of one table, as a reader sees them."""
    import re
    body = html.split(f'<table id="{table_id}">', 1)[1].split("</table>", 1)[0]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1], flags=re.S):
        rows.append(tuple(page_text(cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)))
    return rows


def test_a_trainer_assigns_a_topic_by_clicking_and_the_example_lands_in_data_nlu(console, new_page):
    before = examples(console["project"], "contraintes")
    assert normalise(CLARIFIED) not in {normalise(e) for e in before}
    page = new_page(extra_http_headers={"X-Forwarded-For": address()})
    sign_in_page(page, console['url'], "f.durand")
    page.wait_for_url("**/formateur")
    assert f"environ {TRAINING_SECONDS} s" in page.inner_text("main") and "make run" in page.inner_text("main")
    item = page.locator("article", has_text=CLARIFIED)
    # the likely topics of the ranking, as buttons named after sujets.yml's labels, most likely first
    assert [b.inner_text() for b in item.locator("button[name=sujet]").all()][:2] == ["Les contraintes", "Les missions"]
    item.get_by_role("button", name="Les contraintes").click()
    status = page.get_by_role("status")
    status.wait_for()
    shown = status.inner_text()
    assert "Exemple ajouté à « Les contraintes » (data/nlu/contraintes.yml)" in shown
    assert "Vérification du projet réussie." in shown and "Tout est correct" in shown
    assert examples(console["project"], "contraintes") == before + [CLARIFIED]
    assert page.locator("article", has_text=CLARIFIED).count() == 0   # it left the queue
    assert page.dialogs == [] and page.js_errors == []
    assert any(t.startswith("contraintes ← message ") for t in audited(console, "f.durand", "relecture_sujet"))
    assert audited(console, "f.durand", "verification")[-1] == "réussie"
    # the quick check passes on the copy, as make check would run it
    check = subprocess.run([PYTHON, "-m", "trainer.check", "--sans-rasa", "--projet", str(console["project"])],
                           cwd=ROOT, env=project_env(), capture_output=True, text=True, timeout=180)
    assert check.returncode == 0, check.stdout


def test_other_topic_out_of_scope_and_ignore_apply_like_review_import(console):
    trainer = signed_in(console, "f.durand")
    html = trainer.get(f"{console['url']}/formateur").text
    token = hidden_csrf(html)
    # « autre sujet… »: a topic outside the ranking, from the select
    other = trainer.post(f"{console['url']}/formateur/decision",
                         data={"csrf": token, "cle": item_form(html, LOW), "sujet": "autre", "autre": "definition"})
    assert other.status_code == 200 and "Exemple ajouté à « Le métier en bref »" in page_text(other.text)
    assert examples(console["project"], "definition")[-1] == LOW
    # « hors sujet »
    html = other.text
    out = trainer.post(f"{console['url']}/formateur/decision",
                       data={"csrf": token, "cle": item_form(html, SMALL_TALK), "sujet": "hors_sujet"})
    assert examples(console["project"], "hors_sujet")[-1] == SMALL_TALK
    assert "Vérification du projet réussie." in page_text(out.text)
    # « ignorer »: nothing written, the item leaves the queue and stays out after a reload
    snapshot = nlu_snapshot(console["project"])
    ignored = trainer.post(f"{console['url']}/formateur/decision",
                           data={"csrf": token, "cle": item_form(out.text, FLAGGED), "sujet": "ignorer"})
    assert "Message ignoré" in page_text(ignored.text)
    assert nlu_snapshot(console["project"]) == snapshot
    again = trainer.get(f"{console['url']}/formateur").text
    for gone in (LOW, SMALL_TALK, FLAGGED):
        assert f"« {gone.replace(chr(39), '&#39;')} »" not in again
    assert audited(console, "f.durand", "relecture_ignorer")
    with console["engine"].connect() as conn:   # the decisions keep a hash, never the student's words
        kept = " ".join(str(v) for row in conn.execute(sa.text("SELECT * FROM review_decisions")) for v in row)
    assert "beau" not in kept and "touche" not in kept


def test_a_decision_without_its_form_token_writes_nothing(console):
    trainer = signed_in(console, "f.durand")
    html = trainer.get(f"{console['url']}/formateur").text
    snapshot = nlu_snapshot(console["project"])
    key = html.split('name="cle" value="', 1)[1].split('"', 1)[0] if 'name="cle"' in html else "x"
    forged = trainer.post(f"{console['url']}/formateur/decision", data={"cle": key, "sujet": "salaire"})
    assert forged.status_code == 403 and "jeton de sécurité" in forged.text
    assert nlu_snapshot(console["project"]) == snapshot
    # a message that is not (or no longer) in the queue: nothing is written, whatever the form says
    gone = trainer.post(f"{console['url']}/formateur/decision",
                        data={"csrf": hidden_csrf(html), "cle": "0" * 64, "sujet": "salaire"})
    assert gone.status_code == 409 and "n'est plus dans la file" in page_text(gone.text)
    assert nlu_snapshot(console["project"]) == snapshot


def test_a_counsellor_gets_403_on_the_queue_but_sees_the_dashboard(console):
    counsellor = signed_in(console, "c.martin")
    refused = counsellor.get(f"{console['url']}/formateur")
    assert refused.status_code == 403 and "Accès refusé" in refused.text and 'lang="fr"' in refused.text
    assert CLARIFIED not in refused.text
    token = hidden_csrf(counsellor.get(f"{console['url']}/demandes").text)
    snapshot = nlu_snapshot(console["project"])
    post = counsellor.post(f"{console['url']}/formateur/decision", data={"csrf": token, "cle": "x", "sujet": "salaire"})
    assert post.status_code == 403 and nlu_snapshot(console["project"]) == snapshot
    assert board(counsellor, console, du=DAY1.isoformat(), au=DAY2.isoformat()).status_code == 200


def test_script_in_a_students_text_is_shown_as_text(console):
    html = signed_in(console, "f.durand").get(f"{console['url']}/formateur").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; et le salaire ?" in html


def test_the_dashboard_shows_the_numbers_of_the_known_tracker(console):
    trainer = signed_in(console, "f.durand")
    html = board(trainer, console, du=DAY1.isoformat(), au=DAY2.isoformat(), metier="tous").text
    assert table_rows(html, "chiffres") == [
        ("Questions des élèves", "6"),
        ("Clarifications (l'assistant n'a pas compris et a proposé des choix)", "2 (33,3 %)"),
        ("Réponses « hors sujet »", "2 (33,3 %)"),
        ("Demandes au conseiller", "4")]
    # days without a question are not rows
    assert table_rows(html, "par-jour") == [("10/11/2026", "3"), ("12/11/2026", "3")]
    # most asked first, then by intent name
    assert table_rows(html, "par-sujet") == [("Clarification (pas compris)", "2"), ("Hors sujet", "2"),
                                             ("Les missions", "1"), ("Le salaire", "1")]
    assert table_rows(html, "avis-sujets") == [("Les missions", "1", "0"), ("Le salaire", "0", "1")]
    handoffs = dict(table_rows(html, "demandes"))
    assert handoffs["Demandes"] == "4" and handoffs["Répondues ou traitées"] == "3"
    assert handoffs["Encore en attente"] == "1"
    assert handoffs["Délai médian avant la première réponse"] == "30 min"   # 10 min, 30 min, 2 h
    # every chart is drawn by the console itself: inline SVG, no script, nothing from elsewhere
    assert html.count('<svg class="chart"') == 3 and "<script" not in html and "http" not in html.split("<main", 1)[1]
    # one profession: the questions whose reply was about it
    one = board(trainer, console, du=DAY1.isoformat(), au=DAY2.isoformat(), metier=SECOND).text
    assert table_rows(one, "chiffres")[0] == ("Questions des élèves", "3")
    assert table_rows(one, "par-jour") == [("12/11/2026", "3")]
    assert table_rows(one, "avis-sujets") == [("Les missions", "1", "0")]
    assert dict(table_rows(one, "demandes"))["Demandes"] == "1"
    # the day before the period alone
    before = board(trainer, console, du=BEFORE.isoformat(), au=BEFORE.isoformat()).text
    assert table_rows(before, "par-sujet") == [("Le salaire", "1")]
    assert table_rows(before, "avis-sujets") == [("Le salaire", "0", "1")]
    assert any(t.startswith(f"{DAY1}..{DAY2}") for t in audited(console, "f.durand", "tableau_de_bord"))


def test_trainer_pages_have_no_serious_accessibility_violation(console, new_page):
    from tests.support.widget import ARTIFACTS, serious_violations
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = new_page(bypass_csp=True, extra_http_headers={"X-Forwarded-For": address()})   # axe is an inline script
    sign_in_page(page, console['url'], "f.durand")
    page.wait_for_url("**/formateur")
    page.locator("details summary").first.click()
    checked = {"formateur": serious_violations(page)}
    page.screenshot(path=str(ARTIFACTS / "console-file-relecture.png"), full_page=True)
    page.get_by_role("link", name="Tableau de bord").click()
    page.get_by_label("Du", exact=True).fill(DAY1.isoformat())
    page.get_by_label("Au", exact=True).fill(DAY2.isoformat())
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_url("**/tableau-de-bord?**")
    assert page.locator("#chiffres td").first.inner_text() == "6"
    checked["tableau-de-bord"] = serious_violations(page)
    page.screenshot(path=str(ARTIFACTS / "console-tableau-de-bord.png"), full_page=True)
    assert checked == {name: [] for name in checked}
