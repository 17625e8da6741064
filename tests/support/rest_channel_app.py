"""The REST channel's handler (rasa_ext/rest_channel.py) alone, on a loopback port, for the fuzz test:
Rasa's agent replaced by an in-memory tracker and lock store, and a dialogue that answers « reçu ».
No model, no action server: what is tested is the channel's handling of what a client sends.

    python -m tests.support.rest_channel_app PORT
"""
import sys
from types import SimpleNamespace

from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from sanic import Sanic

from rasa_ext.rest_channel import SafeRestInput


def create_app() -> Sanic:
    app = Sanic("canal_rest_seul")
    app.config.REQUEST_MAX_SIZE = 1024 * 1024
    channel = SafeRestInput()

    async def on_new_message(message) -> None:
        await message.output_channel.send_text_message(message.recipient_id if hasattr(message, "recipient_id")
                                                       else message.sender_id, "reçu")

    app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/rest")
    app.ctx.agent = SimpleNamespace(lock_store=InMemoryLockStore(),
                                    tracker_store=InMemoryTrackerStore(Domain.empty()), action_endpoint=None)
    return app


if __name__ == "__main__":
    create_app().run(host="127.0.0.1", port=int(sys.argv[1]), workers=1, access_log=False, motd=False,
                     auto_reload=False)
