"""The logs' share of `make purge`: var/logs/ keeps nothing older than the conversations it kept.

The logs can hold what a student or a counsellor sent (a failed request's path holds a conversation id,
a sign-in attempt an address). A log file not written for DAYS days is deleted; in the others, the lines
dated before the limit (« 2026-12-05 16:25:29 … » or « [2026-12-05 16:25:30 +0000] … ») are removed with
the undated lines that follow them (a traceback belongs to the line above it). Standard library only.
"""
import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Tuple

DATED = re.compile(r"^\[?(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})")


def purge_logs(folder: Path, limit: float) -> Tuple[int, int]:
    """(files deleted, lines removed) from the logs of `folder` older than the timestamp `limit`."""
    if not folder.is_dir():
        return 0, 0
    files, lines = 0, 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.stat().st_mtime < limit:
            path.unlink()
            files += 1
            continue
        kept, removed, old = [], 0, False
        with path.open(encoding="utf-8", errors="replace") as log:
            for line in log:
                dated = DATED.match(line)
                if dated:
                    when = datetime.strptime(" ".join(dated.groups()), "%Y-%m-%d %H:%M:%S")
                    old = when.replace(tzinfo=timezone.utc).timestamp() < limit
                if old:
                    removed += 1
                else:
                    kept.append(line)
        if removed:
            fresh = path.with_name(path.name + ".purge")
            fresh.write_text("".join(kept), encoding="utf-8")
            os.replace(fresh, path)
            lines += removed
    return files, lines


def say(folder: Path, days: float) -> None:
    files, lines = purge_logs(folder, time.time() - days * 86400)
    print(f"Journaux ({folder}) : {files} fichier(s) sans écriture depuis plus de {days:g} jours supprimé(s), "
          f"{lines} ligne(s) plus ancienne(s) retirée(s).")
