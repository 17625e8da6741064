"""make purge also empties var/logs/ of what is older than the chosen delay (scripts/purge_logs.py): a log
not written for that long is deleted, older dated lines (and the undated lines under them) are removed."""
import os
import time

from scripts.purge_logs import purge_logs

DAY = 86400


def test_old_log_lines_and_old_log_files_are_removed_recent_ones_kept(tmp_path):
    now = time.time()
    old_day = time.strftime("%Y-%m-%d", time.gmtime(now - 200 * DAY))
    new_day = time.strftime("%Y-%m-%d", time.gmtime(now - 1 * DAY))
    console = tmp_path / "console.log"
    console.write_text(f"[{old_day} 10:00:00 +0000] [1] [INFO] GET /api/reponses/eleve-123 404\n"
                       f"{old_day} 10:00:01,5 ERROR console: échec\n"
                       "Traceback (most recent call last):\n  File x\n"
                       f"[{new_day} 09:00:00 +0000] [1] [INFO] GET /connexion 200\n"
                       "  une ligne de suite récente\n", encoding="utf-8")
    stale = tmp_path / "widget.log"
    stale.write_text("GET /chat?metier=x\n", encoding="utf-8")
    os.utime(stale, (now - 200 * DAY, now - 200 * DAY))

    files, lines = purge_logs(tmp_path, now - 90 * DAY)

    assert (files, lines) == (1, 4)
    assert not stale.exists()
    text = console.read_text(encoding="utf-8")
    assert "eleve-123" not in text and "Traceback" not in text
    assert "GET /connexion 200" in text and "une ligne de suite récente" in text


def test_a_missing_folder_is_nothing_to_purge(tmp_path):
    assert purge_logs(tmp_path / "absent", time.time()) == (0, 0)
