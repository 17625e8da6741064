"""50 students at once over REST: no failed request, every reply right, no event lost or reordered."""
import json
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor

from tests.support.helpers import norm, seen
from tests.support.knowledge import amounts, qualities

CONVERSATIONS = 50
SCRIPT = [  # (message, what the reply must contain), figures read from the knowledge the stack uses
    ("quel salaire pour un débutant ?", amounts("debutant")[1]),
    ("et pour un senior ?", amounts("confirme")[1]),
    ("quelles qualités faut-il ?", qualities()[0]),
]


def converse(stack, index):
    sender = f"load-{index}-{stack.new_sender()}"
    wrong = []
    for message, expected in SCRIPT:
        reply = norm(seen(stack.say(sender, message)))
        if expected not in reply:
            wrong.append((message, reply[:120]))
    return sender, wrong


def test_fifty_concurrent_conversations(stack):
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        results = list(pool.map(lambda i: converse(stack, i), range(CONVERSATIONS)))
    elapsed = time.monotonic() - start
    print(f"\n{CONVERSATIONS} conversations x {len(SCRIPT)} messages in {elapsed:.1f} s")
    assert all(not wrong for _, wrong in results), [w for _, w in results if w]
    assert elapsed < 180

    with sqlite3.connect(stack.db_path) as db:
        for sender, _ in results:
            rows = db.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id",
                              (sender,)).fetchall()
            texts = [json.loads(d).get("text") for t, d in rows if t == "user"]
            assert texts == [m for m, _ in SCRIPT]  # every message stored, in the order sent
            assert sum(1 for t, _ in rows if t == "bot") == len(SCRIPT)
