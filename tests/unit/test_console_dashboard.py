"""The dashboard's figures (console/dashboard.py) on hand-written events, and the review queue's pieces that
need no server (console/review_queue.py): a decision applied to a copy of the project, the training note."""
import datetime
import json

import pytest
import sqlalchemy as sa

from console import dashboard, db, review_queue
from console.trainer_pages import period
from tests.support.project import project_copy
from trainer.project import Project, normalise

DAY = datetime.date(2026, 11, 10)


def at(day, hour=10, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute)).timestamp()


def row(sender, kind, when, **data):
    return (sender, kind, when, json.dumps({"event": kind, "timestamp": when, **data}))


def question(sender, when, intent, message_id=None, action="action_repondre", about=None):
    rows = [row(sender, "user", when, text="q", message_id=message_id,
                parse_data={"intent": {"name": intent, "confidence": 0.9}}),
            row(sender, "action", when + 0.1, name=action)]
    rows.append(row(sender, "bot", when + 0.2, text="r", data={"custom": {"metier": {"id": about}}} if about else {}))
    return rows + [row(sender, "action", when + 0.3, name="action_listen")]


def test_questions_topics_shares_and_votes_in_the_period():
    rows = (question("a", at(DAY, 9), "salaire", "m1", about="p1")
            + [row("a", "slot", at(DAY, 9, 1), name="metier_id", value="p1")]
            + question("a", at(DAY, 9, 5), "nlu_fallback", "m2", action="action_clarifier")
            + question("a", at(DAY, 9, 9), "hors_sujet", "m3", action="action_hors_sujet")
            + question("b", at(DAY + datetime.timedelta(days=2), 15), "salaire", "m4", about="p2")
            + question("b", at(DAY + datetime.timedelta(days=5), 15), "salaire", "m5", about="p2")   # after
            + [row("a", "agent", at(DAY, 12), data={"feedback": "up", "message_id": "m1"}),
               row("a", "agent", at(DAY, 12, 1), data={"feedback": "down", "message_id": "m1"}),   # the last counts
               row("b", "agent", at(DAY, 16), data={"feedback": "up", "message_id": "m4"})])
    end = DAY + datetime.timedelta(days=2)
    f = dashboard.figures(rows, [], DAY, end)
    assert f.questions == 4
    assert f.per_day == [(DAY, 3), (DAY + datetime.timedelta(days=1), 0), (end, 1)]
    assert f.per_topic == [("salaire", 2), ("clarification", 1), ("hors_sujet", 1)]
    assert (f.clarifications, f.out_of_scope) == (1, 1)
    assert dashboard.percent(f.clarification_share) == "25,0\u00a0%"
    assert f.feedback == [("salaire", 1, 1)]
    # a profession: the reply's own, else the metier_id slot of the conversation
    p1 = dashboard.figures(rows, [], DAY, end, "p1")
    assert p1.questions == 3 and p1.per_topic[0] == ("clarification", 1)
    assert dashboard.figures(rows, [], DAY, end, "p2").feedback == [("salaire", 1, 0)]
    assert dashboard.professions_seen(rows) == ["p1", "p2"]


def test_handoff_waiting_times():
    requests = [dict(metier="p1", created_at=at(DAY, 9), status="ouverte", closed_at=None, first_reply_at=at(DAY, 10)),
                dict(metier="p1", created_at=at(DAY, 9), status="traitee", closed_at=at(DAY, 9, 20), first_reply_at=None),
                dict(metier="p2", created_at=at(DAY, 9), status="ouverte", closed_at=None, first_reply_at=None),
                dict(metier="p2", created_at=at(DAY - datetime.timedelta(days=1)), status="ouverte", closed_at=None,
                     first_reply_at=None)]
    now = at(DAY, 12)
    everything = dashboard.handoff_figures(requests, DAY, DAY, dashboard.ALL, now)
    assert everything == dict(count=3, answered=2, waiting=1, median_answer=40 * 60.0, longest_waiting=3 * 3600.0)
    assert dashboard.handoff_figures(requests, DAY, DAY, "p1", now)["waiting"] == 0


def test_bars_are_scaled_to_the_largest_and_empty_is_flat():
    assert dashboard.bars([("a", 2), ("b", 4)]) == [("a", 2, 50.0), ("b", 4, 100.0)]
    assert dashboard.bars([("a", 0)]) == [("a", 0, 0.0)]


@pytest.mark.parametrize("args, expected", [
    ({"du": "2026-11-01", "au": "2026-11-03"}, (datetime.date(2026, 11, 1), datetime.date(2026, 11, 3), "")),
    ({"du": "2026-11-03", "au": "2026-11-01"}, (datetime.date(2026, 11, 1), datetime.date(2026, 11, 3),
                                                "La date de début était après la date de fin : elles ont été inversées.")),
])
def test_the_period_is_read_from_the_form(args, expected):
    assert period(args) == expected


def test_a_wrong_date_is_said_and_the_default_period_used():
    start, end, note = period({"du": "10/11/2026"})
    assert end == datetime.date.today() and (end - start).days == 29 and "pas été comprise" in note


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path)


def test_a_decision_is_appended_once_and_a_clash_is_refused(project):
    text = "on bosse le dimanche parfois ou jamais"
    assert normalise(text) not in Project(project).example_index()
    applied = review_queue.apply(project, {"text": text}, "contraintes")
    assert applied.added == ["data/nlu/contraintes.yml"] and not applied.refusal
    assert Project(project).examples["contraintes"][-1].text == text
    again = review_queue.apply(project, {"text": text}, "contraintes")
    assert again.present and again.added == []
    clash = review_queue.apply(project, {"text": text}, "salaire")
    assert "déjà dans data/nlu/contraintes.yml" in clash.refusal and "« contraintes »" in clash.refusal
    unknown = review_queue.apply(project, {"text": "autre chose encore"}, "salair")
    assert "n'existe pas" in unknown.refusal and "salaire" in unknown.refusal
    assert review_queue.quick_check(project).passed


def test_the_training_note_says_the_last_duration_or_the_estimate(project):
    assert "environ 90 s (estimation" in review_queue.training_note(project)
    (project / "models").mkdir()
    (project / "models" / "assistant.build.json").write_text(json.dumps({"training_seconds": 37.4}))
    note = review_queue.training_note(project)
    assert "prochain « make run »" in note and "environ 37 s (durée du dernier entraînement)" in note


def test_decided_messages_are_known_by_their_hash_only():
    engine = sa.create_engine("sqlite://")
    db.metadata.create_all(engine)
    review_queue.remember(engine, "il fait beau", "ignorer", "f.durand")
    review_queue.remember(engine, "il fait beau", "hors_sujet", "f.durand")
    assert "il fait beau" in review_queue.decided(engine) and "autre" not in review_queue.decided(engine)
    with engine.connect() as conn:
        [stored] = conn.execute(sa.select(db.review_decisions)).all()
    assert "beau" not in " ".join(map(str, stored)) and stored.decision == "hors_sujet"
