"""Which unit test files read the project's live knowledge/ folder, recorded during the run.

tests/stack/test_school_updates.py edits a copy of the project's knowledge/ as a school would, then
reruns on that copy every unit test file that could depend on those facts: the files whose tests
opened a file under knowledge/, or started a child process in this folder (which may read it
unseen; a child started in a copy of the project reads the copy's). Recorded by
an audit hook (sys.addaudithook), so a new test that reads knowledge/ is rerun without a list to keep.
When the rest of the unit suite has not run in this session (the file run alone), the whole suite is.
"""
import os
import sys
from typing import Optional, Set

from tests.support.helpers import ROOT

LIVE = os.path.join(str(ROOT), "knowledge") + os.sep
NESTED = "tests/stack/test_school_updates.py"
SPAWNS = ("os.system", "os.posix_spawn", "os.exec")

current: list = [None]      # the test running now (its node id)
readers: Set[str] = set()   # node ids of the tests that read knowledge/ or started a process
seen: Set[str] = set()      # node ids of the tests run so far
expected: Set[str] = set()  # the unit tests of this session, but the nested one's file


def _hook(event: str, args) -> None:
    test = current[0]
    if test is None:
        return
    try:
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            if os.path.abspath(os.fsdecode(args[0])).startswith(LIVE):
                readers.add(test)
        elif event == "subprocess.Popen":
            # A child started in another folder (a copy of the project) reads that folder's knowledge/.
            cwd = args[2]
            if cwd is None or os.path.abspath(os.fsdecode(cwd)) == str(ROOT):
                readers.add(test)
        elif event in SPAWNS:
            readers.add(test)
    except Exception:  # noqa: BLE001 - an audit hook must never break the code it watches
        pass


def install() -> None:
    sys.addaudithook(_hook)


def unit_file(nodeid: str) -> Optional[str]:
    path = nodeid.split("::", 1)[0]
    return path if path.startswith("tests/unit/") and path != NESTED else None


def files_to_rerun() -> Optional[list]:
    """The unit test files to rerun on the edited copy, or None when the rest of the unit suite has
    not run in this session (then: all of it)."""
    if not expected or not expected <= seen:
        return None
    return sorted({unit_file(t) for t in readers} - {None})
