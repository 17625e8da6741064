"""rasa_ext/tracker_store.py on real databases (a SQLite file, a throw-away PostgreSQL): it stores and
reads back exactly what stock Rasa's SQLTrackerStore does, keeps SQLite connections open, and two
Rasa processes sharing one database still see each other's messages at once.

Here rather than in tests/unit because PostgreSQL is started for real (stack/postgres.py).
"""

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.events import deserialise_events as rasa_deserialise
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.pool import QueuePool

from rasa_ext.tracker_store import TunedSQLTrackerStore, deserialise_events
from stack.postgres import Postgres
from tests.support import aio
from tests.support.helpers import ROOT
from tests.support.stack import free_port


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(scope="module")
def postgres():
    server = Postgres(free_port()).start()
    yield server
    server.stop()


def run(coroutine):
    return aio.run(coroutine)


def turn(text, intent, answer, slot=None, timestamp=None):
    """One student's turn as Rasa logs it: message (with the parse data the actions read), action, reply."""
    parse = {"intent": {"name": intent, "confidence": 0.93}, "entities": [],
             "question_parts": [{"text": text, "intent": intent, "confidence": 0.93}]}
    events = [UserUttered(text, parse["intent"], [], parse, timestamp=timestamp),
              ActionExecuted("action_repondre", timestamp=timestamp)]
    if slot:
        events.append(SlotSet(*slot, timestamp=timestamp))
    events += [BotUttered(answer, {"buttons": [{"title": "Et après 5 ans ?", "payload": "/evolutions"}]},
                          timestamp=timestamp),
               ActionExecuted("action_listen", timestamp=timestamp)]
    return events


def conversation(sender, domain, sessions=1):
    tracker = DialogueStateTracker(sender, domain.slots)
    clock = 1_700_000_000.0
    for session in range(sessions):
        tracker.update(ActionExecuted("action_session_start", timestamp=clock))
        tracker.update(SessionStarted(timestamp=clock))
        tracker.update(ActionExecuted("action_listen", timestamp=clock))
        for k, (text, intent) in enumerate([("combien gagne un débutant ?", "salaire"),
                                            ("et après 5 ans ?", "relance"), ("merci", "remerciement")]):
            clock += 10
            for event in turn(text, intent, f"réponse {session}.{k}", ("sujet", intent), timestamp=clock):
                tracker.update(event)
        clock += 3600
    return tracker


def stores(url, domain):
    return TunedSQLTrackerStore(domain, host=url), SQLTrackerStore(domain, host=url)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'conversations.db'}"
    return request.getfixturevalue("postgres").url


def test_reads_back_what_stock_rasa_reads(url, domain):
    ours, stock = stores(url, domain)
    for sessions in (1, 2):  # with two sessions, only the last one is read back, as stock Rasa does
        sender = f"eleve-{sessions}-{free_port()}"
        run(ours.save(conversation(sender, domain, sessions)))
        mine, theirs = run(ours.retrieve(sender)), run(stock.retrieve(sender))
        assert list(mine.events) == list(theirs.events)
        assert mine.current_state() == theirs.current_state()
        assert [e.type_name for e in mine.events].count("session_started") == 1
        full = run(ours.retrieve_full_tracker(sender))
        assert list(full.events) == list(run(stock.retrieve_full_tracker(sender)).events)
        assert [e.type_name for e in full.events].count("session_started") == sessions


def test_a_turn_saved_by_one_store_is_stored_once_and_read_by_the_other(url, domain):
    ours, stock = stores(url, domain)
    sender = f"eleve-{free_port()}"
    tracker = conversation(sender, domain)
    run(stock.save(tracker))
    tracker = run(ours.retrieve(sender))
    for event in turn("faut-il un bac+5 ?", "diplome", "Non, un Bac+5 n'est pas nécessaire"):
        tracker.update(event)
    run(ours.save(tracker))
    assert list(run(stock.retrieve(sender)).events) == list(tracker.events)
    engine = sa.create_engine(url)
    with engine.connect() as db:
        count = db.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()
    engine.dispose()
    assert count == len(tracker.events)  # nothing written twice


def test_two_processes_on_one_sqlite_file_see_each_others_messages(tmp_path, domain):
    url = f"sqlite:///{tmp_path / 'conversations.db'}"
    first, second = TunedSQLTrackerStore(domain, host=url), TunedSQLTrackerStore(domain, host=url)
    sender = "eleve-partage"
    assert run(second.retrieve(sender)) is None  # second's pooled connection has read the empty table
    run(first.save(conversation(sender, domain)))
    seen_by_second = run(second.retrieve(sender))
    assert seen_by_second is not None and list(seen_by_second.events) == list(run(first.retrieve(sender)).events)


def test_sqlite_connections_stay_open_between_messages(tmp_path, domain):
    url = f"sqlite:///{tmp_path / 'conversations.db'}"
    store = TunedSQLTrackerStore(domain, host=url)
    connects = []
    sa.event.listen(store.engine, "connect", lambda *_: connects.append(1))
    sender = "eleve-pool"
    tracker = conversation(sender, domain)
    for k in range(10):
        run(store.save(tracker))
        tracker = run(store.retrieve(sender))
        for event in turn(f"question {k}", "salaire", f"réponse {k}"):
            tracker.update(event)
    assert isinstance(store.engine.pool, QueuePool)
    assert len(connects) == 1  # stock Rasa (NullPool): one connection opened and closed per read and write
    mode = store.engine.execute(sa.text("PRAGMA journal_mode")).scalar()
    assert mode == "wal"


def test_events_are_rebuilt_as_rasa_rebuilds_them(domain):
    tracker = conversation("eleve-evenements", domain, sessions=2)
    stored = [event.as_dict() for event in tracker.events] + [{"event": "topic", "topic": "ancien"}, {"texte": "?"}]
    assert deserialise_events(stored) == rasa_deserialise(stored)


def test_the_rows_written_are_those_stock_rasa_writes(url, domain):
    """Same columns, same values, same order, for a conversation of two sessions saved as Rasa saves it: the
    tracker read back, a few events added, written."""
    ours, stock = stores(url, domain)
    senders = {store: f"eleve-lignes-{name}-{free_port()}" for name, store in (("ours", ours), ("stock", stock))}
    events = list(conversation("modele", domain, sessions=2).events)
    for store, sender in senders.items():
        for start in range(0, len(events), 5):
            tracker = run(store.retrieve(sender)) or DialogueStateTracker(sender, domain.slots)
            for event in events[start:start + 5]:
                tracker.update(event)
            run(store.save(tracker))
    engine = sa.create_engine(url)
    with engine.connect() as db:
        rows = {store: db.execute(sa.text("SELECT type_name, timestamp, intent_name, action_name, data FROM events "
                                          "WHERE sender_id = :s ORDER BY id"), {"s": sender}).fetchall()
                for store, sender in senders.items()}
    engine.dispose()
    assert len(rows[ours]) == len(events)  # each event once
    assert [tuple(row) for row in rows[ours]] == [tuple(row) for row in rows[stock]]
