"""Careless or hostile input through the real REST channel: a clear 4xx JSON error or a sensible
French reply, never a 500, never silence, and the next real question is still answered."""
import json

import pytest

from tests.support.helpers import norm, seen
from tests.support.knowledge import amounts

REAL_QUESTION = "quel salaire pour un débutant ?"
BEGINNER, CONFIRMED = amounts("debutant"), amounts("confirme")  # read from the knowledge the stack uses


def assert_still_healthy(stack):
    replies = stack.say(stack.new_sender(), REAL_QUESTION)
    assert BEGINNER[0] in norm(seen(replies))


@pytest.mark.parametrize("body, status, says", [
    (b"ceci n'est pas du json", 400, "json"),
    (b'["sender", "message"]', 400, "objet json"),
    (b'{"sender": "a"}', 400, "message"),
    (b'{"sender": "a", "message": 42}', 400, "message"),
    (b'{"sender": "a", "message": null}', 400, "message"),
    (b'{"message": "bonjour"}', 400, "sender"),
    (b'{"sender": 12, "message": "bonjour"}', 400, "sender"),
    (json.dumps({"sender": "x" * 5000, "message": "bonjour"}).encode(), 400, "sender"),
    (json.dumps({"sender": "a", "message": "x" * 200_000}).encode(), 413, "trop grande"),
    (b"", 400, "json"),
])
def test_malformed_requests_get_a_json_error(stack, body, status, says):
    code, raw = stack.post(body)
    assert code == status
    assert says in norm(json.loads(raw)["error"])
    assert_still_healthy(stack)


@pytest.mark.parametrize("message, expected", [
    ("", "votre message est vide"),
    ("   \n\t  ", "votre message est vide"),
    ("\u0000\u0000", "votre message est vide"),
    ("x" * 1001, "votre message est trop long (1001 caracteres, maximum 1000)"),
])
def test_empty_or_too_long_messages_are_explained(stack, message, expected):
    replies = stack.say(stack.new_sender(), message)
    assert expected in norm(seen(replies))


@pytest.mark.parametrize("message", [
    "quel sal\u0000aire pour un débutant ?",
    "quel salaire\u0007\u001b[31m pour un débutant ?",
    "quel salaire pour un débutant ?\ud800",
])
def test_control_characters_and_lone_surrogates_are_removed(stack, message):
    body = json.dumps({"sender": stack.new_sender(), "message": message}).encode()
    code, raw = stack.post(body)
    assert code == 200
    assert BEGINNER[0] in norm(seen(json.loads(raw)))


@pytest.mark.parametrize("message", [
    "这个工作的工资是多少？",
    "ما هو الراتب؟",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE events; --",
    "1 OR 1=1",
    "{{7*7}} ${jndi:ldap://x}",
    "🙂🙂🙂",
])
def test_strange_text_gets_a_sensible_reply(stack, message):
    replies = stack.say(stack.new_sender(), message)
    assert replies and all(r.get("text") for r in replies)
    text = seen(replies)
    assert "<script" not in text and "onerror" not in text and "Traceback" not in text
    assert_still_healthy(stack)


def test_conversation_ids_are_opaque_strings(stack):
    import sqlite3
    for sender in ("../../etc/passwd", "'; DROP TABLE events; --", "élève 😀 #1"):
        first = stack.say(sender, REAL_QUESTION)
        follow = stack.say(sender, "et pour un senior ?")
        assert BEGINNER[0] in norm(seen(first)) and CONFIRMED[1] in norm(seen(follow))
        with sqlite3.connect(stack.db_path) as db:
            count = db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ? AND type_name = 'user'",
                               (sender,)).fetchone()[0]
        assert count == 2
