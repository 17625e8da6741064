"""Run a coroutine to its end from a test, whatever runs in the test's thread.

Playwright's sync API keeps an event loop running in the thread that started the browser, and
asyncio.run() refuses to start inside a running loop. Each coroutine gets a thread of its own (and a
new loop there), so a test that parses with the model may run after the browser tests in the same
process, in any order make test's workers (pytest-xdist) choose."""
import asyncio
import threading
from typing import Any, Awaitable


def run(coroutine: Awaitable) -> Any:
    outcome = {}

    def target():
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=target, name="coroutine-de-test")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
