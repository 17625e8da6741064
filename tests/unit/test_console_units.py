"""Console pieces that need no server: waiting times in French, templates that escape every value,
email notices and their links, and the optional fields of contact.yml."""
import re
import shutil

import pytest

from console import handoff, mail, web
from console.auth import Session
from console.config import Smtp
from core.knowledge import KnowledgeError
from loading.knowledge import load_contact
from tests.support.knowledge import FIXTURE_KNOWLEDGE

HOSTILE = '<script>alert("x")</script>'


@pytest.mark.parametrize("seconds, shown", [
    (20, "moins d'une minute"), (5 * 60, "5 min"), (3 * 3600 + 12 * 60, "3 h 12 min"), (7200, "2 h"),
    (86400, "1 jour"), (2 * 86400 + 4 * 3600 + 59, "2 jours et 4 h"),
])
def test_waiting_time_is_written_in_french(seconds, shown):
    assert handoff.waited(seconds) == shown


def test_every_template_escapes_what_it_shows():
    session = Session(HOSTILE, "conseiller", HOSTILE)
    item = dict(id=1, question=HOSTILE, metier=HOSTILE, email=None, status="ouverte", created_at=0.0, replies=0,
                waited=HOSTILE, title=HOSTILE, lines=[])
    line = type("Line", (), {"speaker": "eleve", "text": HOSTILE})
    reply = dict(author=HOSTILE, created_at=0.0, text=HOSTILE, booking=HOSTILE)
    values = dict(session=session, item=item, items=[dict(item, lines=[line])], lines=[line], replies=[reply],
                  title=HOSTILE, text=HOSTILE, error=HOSTILE, notice=HOSTILE, login=HOSTILE, csrf=HOSTILE,
                  draft=HOSTILE, waited=HOSTILE, booking=HOSTILE, then=HOSTILE, minimum=12)
    values.update(trainer_values())
    names = sorted(p.name for p in web.TEMPLATES.glob("*.html") if not p.name.startswith(("_", "base")))
    assert names == ["connexion.html", "demande.html", "demandes.html", "erreur.html", "formateur.html",
                     "mot-de-passe.html", "tableau.html"]
    for name in names:
        html = web.templates.get_template(name).render(**values)
        assert "<script" not in html, name
        assert 'lang="fr"' in html and re.search(r"<h1>[^<]+</h1>", html), name


def trainer_values() -> dict:
    """What the trainer's pages show, every text a student's or a file's: hostile."""
    import datetime

    from console import dashboard
    from console.review_queue import Check, Queue
    message = dict(text=HOSTILE, hash="a" * 64, key=HOSTILE, flagged=True, fallback=False, proposed=HOSTILE,
                   confidence=0.5, count=2, previous_student=HOSTILE, previous_assistant=HOSTILE, reply=HOSTILE,
                   likely=[HOSTILE], reason=HOSTILE)
    queue = Queue([[message]], [message], 0, [HOSTILE], {message["hash"]: message})
    day = datetime.date(2026, 11, 10)
    figures = dashboard.Figures(1, [(day, 1)], [(HOSTILE, 1)], 0, 0, [(HOSTILE, 1, 1)],
                                dict(count=1, answered=0, waiting=1, median_answer=None, longest_waiting=60.0))
    return dict(queue=queue, outcome=dict(ok=False, text=HOSTILE, check=Check(False, HOSTILE)), labels={HOSTILE: HOSTILE},
                training=HOSTILE, f=figures, start=day, end=day, profession=HOSTILE, choices=[(HOSTILE, HOSTILE)],
                note=HOSTILE, day_rows=[(HOSTILE, 1)], topic_rows=[(HOSTILE, 1)], feedback_top=2, bars=dashboard.bars,
                percent=dashboard.percent, waited=handoff.waited, title_of=lambda p: HOSTILE, time_unit="jour",
                clarified=lambda m: False, knowledge=dict(erreur=HOSTILE, depuis=HOSTILE))


def test_notices_give_the_link_to_where_the_text_is_read():
    smtp = Smtp(host="127.0.0.1", sender="assistant@ecole.test")
    counsellor = mail.counsellor_notice(smtp, "orientation@ecole.test", 12, "testeur_jeux_societe",
                                        "https://console.ecole.test/demandes/12")
    assert counsellor["To"] == "orientation@ecole.test" and "n° 12" in counsellor["Subject"]
    assert "https://console.ecole.test/demandes/12" in counsellor.get_content()
    student = mail.student_notice(smtp, "eleve@exemple.fr", "https://ecole.test/chat")
    assert "https://ecole.test/chat" in student.get_content()


def test_a_booking_link_must_be_a_web_address(tmp_path):
    path = tmp_path / "contact.yml"
    shutil.copy(FIXTURE_KNOWLEDGE / "contact.yml", path)
    assert load_contact(path).rendez_vous.startswith("https://")
    path.write_text(re.sub(r"(?m)^rendez_vous:.*$", "rendez_vous: www.ecole.example/rdv", path.read_text()))
    with pytest.raises(KnowledgeError, match="rendez_vous"):
        load_contact(path)
    path.write_text(re.sub(r"(?m)^(rendez_vous|delai_reponse):.*$", "", path.read_text()))
    contact = load_contact(path)
    assert contact.rendez_vous is None and contact.delai_reponse is None


def test_the_login_throttle_delays_an_address_and_never_locks_the_account(monkeypatch):
    from console import auth
    now = [1000.0]
    monkeypatch.setattr(auth.time, "time", lambda: now[0])
    throttle = auth.LoginThrottle()
    throttle.succeeded("c.martin", "ecole")           # the counsellor's usual address
    for _ in range(5):
        throttle.failed("c.martin", "pirate")
    assert throttle.wait("c.martin", "pirate") == 1.0
    assert throttle.wait("c.martin", "maison") == 0.0   # a new address of the counsellor: no delay
    now[0] += 1.0
    throttle.failed("c.martin", "pirate")
    assert throttle.wait("c.martin", "pirate") == 2.0   # doubles after each failure
    for _ in range(20):
        throttle.failed("c.martin", "pirate")
    assert throttle.wait("c.martin", "pirate") == 900.0  # capped at 15 minutes
    # ASVS 2.2.1: at most 100 failures an hour on one account, from any number of addresses;
    # beyond, new addresses wait, the address that already signed in does not
    for n in range(100):
        throttle.failed("c.martin", f"botnet-{n}")
    assert throttle.wait("c.martin", "maison") > 3000
    assert throttle.wait("c.martin", "ecole") == 0.0
    now[0] += 3601
    assert throttle.wait("c.martin", "maison") == 0.0
    assert auth.wait_in_french(1.0) == "1 seconde" and auth.wait_in_french(900) == "15 minutes"
