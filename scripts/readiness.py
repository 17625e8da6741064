"""Wait until a server answers its health check, and say so in French: nothing is announced before.

    python scripts/readiness.py --nom "Serveur d'actions" --url http://127.0.0.1:5055/health \
        --pid 1234 --journal var/logs/actions.log [--delai 180]

Exit 0 once the URL answers 200; 1 when the process stops first (the end of its log is shown, and
where the whole log is) or when it does not answer in time. scripts/run.sh announces the assistant
only after this; scripts/serve.py uses `wait_until_ready` before starting Rasa (ACTIONS_WAIT).
"""
import argparse
import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional


def answers(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, OSError, ValueError):
        return False


def alive(pid: Optional[int]) -> bool:
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a child that exited but was not reaped yet is a zombie: stopped
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except (OSError, IndexError):
        return True


def wait_until_ready(url: str, timeout: float, pid: Optional[int] = None, pause: float = 0.2) -> str:
    """"ready", "stopped" (the process exited) or "late" (no answer within timeout seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        if answers(url):
            return "ready"
        if not alive(pid):
            return "stopped"
        if time.monotonic() >= deadline:
            return "late"
        time.sleep(pause)


def tail(path: Optional[Path], lines: int = 20) -> str:
    if path is None or not path.exists():
        return ""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Attend qu'un serveur réponde à son contrôle de santé.")
    parser.add_argument("--nom", required=True, help="ce qui démarre, tel que l'utilisateur le lit")
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, default=None, help="le processus du serveur")
    parser.add_argument("--journal", type=Path, default=None, help="son journal")
    parser.add_argument("--delai", type=float, default=180, help="secondes avant d'abandonner")
    args = parser.parse_args(argv)
    start = time.monotonic()
    state = wait_until_ready(args.url, args.delai, args.pid)
    seconds = time.monotonic() - start
    if state == "ready":
        print(f"✓ {args.nom} prêt ({seconds:.0f} s)")
        return 0
    where = f" Journal complet : {args.journal}" if args.journal else ""
    if state == "stopped":
        print(f"✗ {args.nom} s'est arrêté au démarrage.{where}\n{tail(args.journal)}", file=sys.stderr)
    else:
        print(f"✗ {args.nom} ne répond pas après {args.delai:.0f} s ({args.url}).{where}\n{tail(args.journal)}",
              file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
