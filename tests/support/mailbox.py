"""A real SMTP server on loopback (aiosmtpd) that keeps every message the console sends, parsed."""
import time
from contextlib import contextmanager
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from tests.support.stack import free_port


class Mailbox:
    """aiosmtpd handler: every message the console sends, parsed."""

    def __init__(self):
        self.messages = []

    def matching(self, wanted, timeout: float = 15):
        """The messages for which wanted(recipients, message) is true. The console sends after answering:
        wait for a first one, then a moment for a second that should not come."""
        deadline = time.time() + timeout
        while not any(wanted(*m) for m in self.messages) and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        return [m for m in self.messages if wanted(*m)]

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


@contextmanager
def local_smtp():
    """(Mailbox, port) of an SMTP server on 127.0.0.1, stopped on exit."""
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield box, controller.port
    finally:
        controller.stop()
