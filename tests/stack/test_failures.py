"""The action server restarting, slow or back: the student is told it is restarting (and can send the
question again in one click), or gets an apology with the school's contact when it is too slow;
within seconds, never silence, and the conversation goes on afterwards with its context."""
import http.server
import threading
import time

import pytest

from tests.support.helpers import norm, seen
from tests.support.knowledge import amounts, contact_email

CONTACT = contact_email()


class SlowHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server naming
        time.sleep(20)
        self.send_response(500)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def actions_stopped(stack):
    stack.stop_actions()
    try:
        yield stack
    finally:
        stack.start_actions()


def timed_say(stack, sender, message):
    start = time.monotonic()
    replies = stack.say(sender, message)
    return norm(seen(replies)), time.monotonic() - start


def test_action_server_restarting_then_back(stack):
    """While the action server restarts, the student reads that it is restarting and gets a button
    that sends the same question again; once it is back, that button gets the answer."""
    sender = stack.new_sender()
    first, _ = timed_say(stack, sender, "combien gagne un junior ?")
    assert all(a in first for a in amounts("debutant"))
    stack.stop_actions()
    try:
        start = time.monotonic()
        replies = stack.say(sender, "et pour un senior ?")
        elapsed = time.monotonic() - start
        down = norm(seen(replies))
        assert "redemarrer" in down and "quelques secondes" in down
        assert "probleme technique" not in down
        assert elapsed < 5
        resend = [b for r in replies for b in r.get("buttons") or [] if norm(b["title"]) == "renvoyer ma question"]
        assert [b["payload"] for b in resend] == ["et pour un senior ?"]
    finally:
        stack.start_actions()
    back, _ = timed_say(stack, sender, resend[0]["payload"])
    assert all(a in back for a in amounts("confirme"))  # the salary context survived the restart


def test_slow_action_server_gets_an_apology_within_seconds(actions_stopped):
    stack = actions_stopped
    slow = http.server.ThreadingHTTPServer(("127.0.0.1", stack.action_port), SlowHandler)
    thread = threading.Thread(target=slow.serve_forever, daemon=True)
    thread.start()
    try:
        reply, elapsed = timed_say(stack, stack.new_sender(), "quelles sont les missions ?")
    finally:
        slow.shutdown()
        slow.server_close()
    assert "desole" in reply and CONTACT in reply
    assert elapsed < 10
