"""The action server's school, kept in step with the knowledge folder without a restart.

A thread looks at the folder every second (the size and modification time of each .yml file). When
something changed, and stayed the same for a short moment (an editor may write a file in several
steps), the whole folder is validated by the one loader (loading/school.py, load_school):

- valid: the new School replaces the old one in one assignment (an action that is running keeps the
  School it started with), and a copy of the folder is kept as the last valid knowledge
  (var/knowledge-last-valid/, ASSISTANT_LAST_VALID_DIR elsewhere);
- invalid: the previous School stays in service and the French error (file, field, fix) is logged.
  A student never notices: no apology, no lost answer.

At start, a folder with an error is replaced by the last valid copy when there is one, and the
trainer is told so in French; with no valid copy, the server stops with the error, as before.
Messages for the trainer also go to the file descriptor KNOWLEDGE_NOTICES_FD (scripts/run.sh
points it at the terminal), so that they are seen without opening the logs.
"""
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Callable, Optional, Tuple

from core.knowledge import KnowledgeError
from core.school import School
from loading.paths import ROOT, knowledge_dir, last_valid_dir
from loading.school import load_school
from trainer.project import node_at, parse_yaml

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0
SETTLE_SECONDS = 0.3  # a change must stay the same this long before it is read
Signature = Tuple[Tuple[str, int, int], ...]


def signature(folder: Path) -> Signature:
    """Name, size and modification time of every .yml file of the folder: any edit changes it."""
    found = []
    for path in sorted(folder.rglob("*.yml")):
        try:
            stat = path.stat()
        except OSError:  # removed while listed: the next look sees it gone
            continue
        found.append((str(path.relative_to(folder)), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def status_file(last_valid: Path) -> Path:
    """Where the action server says whether the knowledge folder as it is now has an error: a small JSON
    file next to the last valid copy, which the console's trainer page reads (console/trainer_pages.py)."""
    return last_valid.with_name(last_valid.name + ".statut.json")


def status_path(folder: Path) -> Path:
    return status_file(last_valid_dir(folder))


def read_status(folder: Path) -> Optional[dict]:
    """{"erreur": the French error or None, "depuis": when (ISO)}, or None when no server wrote it."""
    try:
        data = json.loads(status_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def keep_copy(folder: Path, target: Path) -> None:
    """Replaces `target` by a copy of `folder`, never leaving a half-written copy in its place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    shutil.copytree(folder, fresh / "knowledge", ignore=shutil.ignore_patterns(".*", "*~"))
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    (fresh / "knowledge").rename(target)
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def with_lines(message: str) -> str:
    """The loader's message with the line of each field it names (« champ « salaire.confirme » (ligne
    240) »), as make check gives it; the message as it is when the file cannot be read with lines."""
    first = message.split(" : ", 1)[0].split(" ligne ")[0]
    path = Path(first) if Path(first).is_absolute() else ROOT / first
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - a YAML error already gives its line
        return message

    def lined(match):
        _, line, found = node_at(data, match.group(1))
        return f"{match.group(0)} (ligne {line})" if line and found else match.group(0)
    return re.sub(r"champ « ([^»]+) »", lined, message)


def _notices() -> Callable[[str], None]:
    """Writes a message for the trainer on KNOWLEDGE_NOTICES_FD (the terminal of make run), if set."""
    fd = os.environ.get("KNOWLEDGE_NOTICES_FD", "").strip()
    if not fd.isdigit():
        return lambda message: None
    try:
        stream = os.fdopen(int(fd), "w", encoding="utf-8", buffering=1, closefd=False)
    except OSError:
        return lambda message: None

    def write(message: str) -> None:
        try:
            stream.write(message + "\n")
        except OSError:
            pass
    return write


class LiveSchool:
    """The School in service, and the thread that keeps it in step with the folder."""

    def __init__(self, folder: Optional[Path] = None, last_valid: Optional[Path] = None,
                 poll: float = POLL_SECONDS, tell: Optional[Callable[[str], None]] = None):
        self.folder = Path(folder or knowledge_dir())
        self.last_valid = Path(last_valid or last_valid_dir(self.folder))
        self.poll = poll
        self.error: Optional[str] = None      # the error of the folder as it is now, if any
        self.loaded_at: Optional[datetime] = None
        self._tell = tell or _notices()
        self._seen: Signature = ()
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self.school: School = self._first_school()

    # -- messages -----------------------------------------------------------------------------
    def _record(self) -> None:
        """The state of the folder for the console's trainer page: its error, or none."""
        path = status_file(self.last_valid)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.tmp")
            temporary.write_text(json.dumps({"erreur": self.error, "depuis": datetime.now().isoformat(
                timespec="seconds")}, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)
        except OSError as error:
            logger.warning("État des connaissances non enregistré (%s) : %s", path, error)

    def _say(self, message: str, error: bool = False) -> None:
        (logger.error if error else logger.info)(message)
        self._tell(message)

    # -- loading --------------------------------------------------------------------------------
    def _read(self) -> Tuple[Optional[School], Optional[str]]:
        """The folder's School, or the French error that prevents it (file, field and fix)."""
        try:
            school = load_school(self.folder)
        except KnowledgeError as error:
            return None, with_lines(str(error))
        except Exception as error:  # noqa: BLE001 - whatever the file holds, the assistant stays up
            logger.exception("Lecture des connaissances impossible")
            return None, f"{self.folder} : lecture impossible ({error.__class__.__name__} : {error})."
        if school is None:
            return None, f"{self.folder} : aucun métier valide."
        school.search_index  # built before the School is in service, not during a student's first search
        return school, None

    def _first_school(self) -> School:
        self._seen = signature(self.folder)
        school, error = self._read()
        if school is not None:
            self._keep(self._seen)
            self.loaded_at = datetime.now()
            self._record()
            return school
        self.error = error
        previous = None
        if (self.last_valid / "metiers").is_dir():
            try:
                previous = load_school(self.last_valid)
            except Exception:  # noqa: BLE001 - a damaged copy is no help: stop with the real error
                previous = None
        if previous is None:
            print(f"Erreur dans les fichiers de connaissances :\n{error}", file=sys.stderr)
            raise SystemExit(1)
        saved = datetime.fromtimestamp(self.last_valid.stat().st_mtime).strftime("%d/%m/%Y à %H:%M")
        self._say(f"✗ Erreur dans les fichiers de connaissances :\n{error}\n"
                  f"L'assistant démarre sur la dernière version valide des connaissances (enregistrée le {saved}, "
                  f"copie dans {self._shown(self.last_valid)}). Corrigez le fichier : la correction sera prise en "
                  "compte en quelques secondes, sans redémarrer.", error=True)
        self.loaded_at = datetime.now()
        self._record()
        return previous

    def _keep(self, seen: Signature) -> None:
        """Copies the folder as the last valid knowledge, unless it changed while being read."""
        if signature(self.folder) != seen:
            return
        try:
            keep_copy(self.folder, self.last_valid)
        except OSError as error:
            logger.warning("Copie des dernières connaissances valides impossible (%s) : %s", self.last_valid, error)

    @staticmethod
    def _shown(path: Path) -> str:
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(path)

    def refresh(self) -> bool:
        """Looks at the folder once; reloads it if it changed. True when a new School is in service."""
        now = signature(self.folder)
        if now == self._seen:
            return False
        time.sleep(SETTLE_SECONDS)
        if signature(self.folder) != now:
            return False  # still being written: the next look reads it
        self._seen = now
        school, error = self._read()
        if school is None:
            if error != self.error:
                self._say(f"✗ Erreur dans les fichiers de connaissances :\n{error}\n"
                          "L'assistant continue de répondre avec les connaissances précédentes. Corrigez le "
                          "fichier : la correction sera prise en compte en quelques secondes.", error=True)
                self.error = error
                self._record()
            return False
        self.school = school  # one assignment: the swap is atomic for every action that starts after it
        self.error = None
        self._record()
        self.loaded_at = datetime.now()
        self._keep(now)
        self._say(f"✓ Connaissances rechargées ({len(school.professions)} métier(s)) : l'assistant répond avec "
                  "les nouveaux faits.")
        return True

    # -- the watching thread -------------------------------------------------------------------
    def start(self) -> "LiveSchool":
        if self._thread is None:
            self._thread = threading.Thread(target=self._watch, name="live-school", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _watch(self) -> None:
        while not self._stop.wait(self.poll):
            try:
                self.refresh()
            except Exception:  # noqa: BLE001 - the watcher never dies; the school in service stays
                logger.exception("Surveillance des connaissances : erreur inattendue")
