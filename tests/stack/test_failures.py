"""The action server down, slow or back: the student gets an apology with the school's contact
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


def test_action_server_down_then_back(stack):
    sender = stack.new_sender()
    first, _ = timed_say(stack, sender, "combien gagne un junior ?")
    assert all(a in first for a in amounts("debutant"))
    stack.stop_actions()
    try:
        down, elapsed = timed_say(stack, sender, "et les missions ?")
        assert "desole" in down and CONTACT in down
        assert elapsed < 5
    finally:
        stack.start_actions()
    back, _ = timed_say(stack, sender, "et pour un senior ?")
    assert all(a in back for a in amounts("confirme"))  # the salary context survived the outage


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
