"""Rasa follows models/assistant.tar.gz while it runs: when `make train` (or the console's « appliquer »)
replaced it with a model it recorded (models/assistant.build.json: scripts/model_build.py, the same
check `make run` makes), the new model is loaded beside the one in service and swapped in; conversations
never stop. A model that does not match its record is never loaded (a model file can run code).

The state (the model in service, since when, the last refusal) is written to var/modele.statut.json for
the console's trainer page.
"""
import asyncio
import datetime
import json
import logging
import os
from pathlib import Path
from typing import Callable, Optional

from loading.paths import model_build

logger = logging.getLogger(__name__)
POLL_SECONDS = 3.0


def status_path(root: Path) -> Path:
    return root / "var" / "modele.statut.json"


def read_status(root: Path) -> dict:
    try:
        data = json.loads(status_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_status(root: Path, **values) -> None:
    path = status_path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        logger.warning("État du modèle non enregistré (%s) : %s", path, error)


class ModelWatch:
    """Looks at the model file; loads a new recorded model into the agent (`load`, blocking, in a thread)."""

    def __init__(self, root: Path, load: Callable[[Path], None], problem: Optional[Callable[[], Optional[str]]] = None):
        self.root = Path(root)
        self.model = self.root / "models" / "assistant.tar.gz"
        self.load = load
        self.problem = problem or (lambda: model_build().problem(self.root))
        self.seen = self._stamp()
        self.refused: Optional[str] = None

    def _stamp(self):
        try:
            stat = self.model.stat()
        except OSError:
            return None
        record = self.root / "models" / "assistant.build.json"
        try:
            recorded = record.stat().st_mtime_ns
        except OSError:
            recorded = None
        return stat.st_mtime_ns, stat.st_size, recorded

    def started(self) -> None:
        sha = (model_build().read_record(self.root) or {}).get("model_sha256", "")
        _write_status(self.root, modele=sha, depuis=datetime.datetime.now().isoformat(timespec="seconds"),
                      refus=None)

    async def refresh(self) -> bool:
        """One look; True when a new model was loaded."""
        now = self._stamp()
        if now is None or now == self.seen:
            return False
        problem = self.problem()
        if problem:
            # being written, or not built by make train: the model in service stays
            if problem != self.refused:
                logger.warning("Nouveau modèle non chargé : %s", problem)
                self.refused = problem
            return False
        self.seen = now
        await asyncio.get_running_loop().run_in_executor(None, self.load, self.model)
        self.refused = None
        logger.info("Nouveau modèle chargé : l'assistant l'utilise pour les messages suivants.")
        self.started()
        return True

    async def run(self) -> None:
        self.started()
        while True:
            await asyncio.sleep(POLL_SECONDS)
            try:
                await self.refresh()
            except Exception:   # noqa: BLE001 - the model in service stays; the next look tries again
                logger.exception("Chargement du nouveau modèle impossible : l'assistant garde le précédent")
