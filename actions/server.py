"""The action server's school: rasa_sdk builds every action without arguments when it registers
them, so they all read the one LiveSchool started here (actions/live_school.py), which follows the
knowledge folder without a restart. A folder with an error at start falls back on the last valid
copy; with none, the server stops with the trainer-readable message and no traceback."""
from functools import lru_cache

from actions.live_school import LiveSchool


@lru_cache(maxsize=1)
def live_school() -> LiveSchool:
    return LiveSchool().start()
