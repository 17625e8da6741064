"""« Appliquer » on the trainer's page: the project is checked, the model retrained in the background as
`make train` does it (same `rasa train` command, same record in models/assistant.build.json), and the
running assistant loads it without a restart (rasa_ext/model_reload.py); the console's « essayer une
phrase » uses it at once. One run at a time; what it does is shown as it goes, its errors in French.

The model is built in a folder of its own and moved into models/ in one step: the assistant never sees
half a file, and keeps answering with the previous model until the new one is loaded.
"""
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

from loading.paths import ROOT, model_build

CHECK, TRAIN, LOAD, DONE, FAILED = "verification", "entrainement", "chargement", "termine", "echec"
STEPS = {CHECK: "Vérification du projet (comme make check, rapide)", TRAIN: "Entraînement du modèle (comme make train)",
         LOAD: "Chargement du nouveau modèle par l'assistant", DONE: "Terminé", FAILED: "Échec"}
TRAIN_TIMEOUT = 3600


@dataclass
class Run:
    step: str = ""
    started: float = 0.0
    finished: Optional[float] = None
    estimated: float = 0.0
    message: str = ""
    details: str = ""
    login: str = ""
    history: List[str] = field(default_factory=list)

    @property
    def running(self) -> bool:
        return bool(self.step) and self.step not in (DONE, FAILED)

    def percent(self, now: float) -> int:
        if self.step == DONE:
            return 100
        if self.step == CHECK:
            return 2
        if self.step == LOAD:
            return 97
        if not self.estimated:
            return 50
        return max(5, min(95, round(5 + 90 * (now - self.started) / self.estimated)))


class Trainer:
    """The one training run of the console, in a thread."""

    def __init__(self, project_dir: Path, check: Callable, loaded: Callable[[Path], bool], on_model: Callable[[], None]):
        self.project_dir = Path(project_dir)
        self.check = check            # project -> review_queue.Check
        self.loaded = loaded          # project -> whether the running assistant uses the recorded model
        self.on_model = on_model      # called once the new model is in models/ (the console's tries)
        self.run = Run()
        self._lock = threading.Lock()

    def start(self, login: str) -> bool:
        """False when a run is already going on."""
        with self._lock:
            if self.run.running:
                return False
            record = model_build().read_record(self.project_dir) or {}
            estimated = float(record.get("training_seconds") or model_build().ESTIMATED_SECONDS)
            self.run = Run(step=CHECK, started=time.time(), estimated=estimated, login=login,
                           message="Vérification du projet…")
        threading.Thread(target=self._work, name="appliquer", daemon=True).start()
        return True

    def _step(self, step: str, message: str, details: str = "") -> None:
        self.run.step, self.run.message = step, message
        if details:
            self.run.details = details
        self.run.history.append(f"{time.strftime('%H:%M:%S')} {message}")
        if step in (DONE, FAILED):
            self.run.finished = time.time()

    def _work(self) -> None:
        try:
            self._steps()
        except Exception as error:   # noqa: BLE001 - said on the page; the assistant keeps its model
            self._step(FAILED, f"L'entraînement s'est arrêté sur une erreur inattendue ({error.__class__.__name__}). "
                               "L'assistant continue avec le modèle précédent. Lancez « make train » dans un terminal "
                               "pour voir le message complet.")

    def _steps(self) -> None:
        checked = self.check(self.project_dir)
        if not checked.passed:
            self._step(FAILED, "La vérification du projet a trouvé un problème : rien n'a été entraîné, l'assistant "
                               "continue avec le modèle précédent. Corrigez ce qui est indiqué, puis recommencez.",
                       checked.output)
            return
        build = model_build()
        if build.problem(self.project_dir) is None:
            self._step(DONE, "Le modèle est déjà à jour : aucun exemple, règle ou histoire n'a changé depuis le "
                             "dernier entraînement. Les fiches métier, elles, sont prises en compte sans "
                             "entraînement, en quelques secondes.")
            return
        self.run.started = time.time()
        self._step(TRAIN, "Entraînement du modèle en cours : l'assistant continue de répondre avec le modèle "
                          "précédent pendant ce temps.")
        models = self.project_dir / "models"
        models.mkdir(parents=True, exist_ok=True)
        logs = self.project_dir / "var" / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        out = Path(tempfile.mkdtemp(prefix=".entrainement-", dir=models))
        inputs = build.input_hashes(self.project_dir)   # what this model learns: an edit saved meanwhile is not in it
        started = time.time()
        try:
            with (logs / "train.log").open("w", encoding="utf-8") as log:
                done = subprocess.run(
                    [sys.executable, "-m", "rasa_ext.cli", "train", "--fixed-model-name", "assistant", "--out", str(out),
                     "--num-threads", "2"], cwd=self.project_dir, stdout=log, stderr=subprocess.STDOUT,
                    timeout=TRAIN_TIMEOUT, env=_training_env())
            built = out / "assistant.tar.gz"
            if done.returncode != 0 or not built.exists():
                tail = "\n".join((logs / "train.log").read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
                self._step(FAILED, "L'entraînement a échoué : l'assistant continue avec le modèle précédent. La fin "
                                   "du journal (var/logs/train.log) est ci-dessous ; « make check » dit souvent "
                                   "ce qu'il faut corriger.", tail)
                return
            seconds = round(time.time() - started)
            built.replace(models / "assistant.tar.gz")   # one step: never half a model in models/
            build.record(self.project_dir, seconds, inputs)
        except subprocess.TimeoutExpired:
            self._step(FAILED, f"L'entraînement n'a pas fini en {TRAIN_TIMEOUT // 60} minutes : il a été arrêté, "
                               "l'assistant continue avec le modèle précédent. Lancez « make train » dans un terminal.")
            return
        finally:
            shutil.rmtree(out, ignore_errors=True)
        self.on_model()
        self._step(LOAD, f"Modèle entraîné en {seconds} s. L'assistant le charge (quelques secondes)…")
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.loaded(self.project_dir):
                self._step(DONE, "L'assistant utilise le nouveau modèle : les nouveaux exemples sont appris. "
                                 "Essayez une phrase pour le vérifier.")
                return
            time.sleep(1)
        self._step(DONE, "Le nouveau modèle est prêt (models/assistant.tar.gz) et « essayer une phrase » l'utilise. "
                         "L'assistant ne l'a pas encore chargé : s'il ne tourne pas, il le prendra au prochain "
                         "« make run ».")


def _training_env() -> dict:
    import os
    env = dict(os.environ)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def assistant_uses_recorded_model(project_dir: Path) -> bool:
    """Whether the running assistant says (var/modele.statut.json) it serves the model of the record."""
    from rasa_ext.model_reload import read_status
    record = model_build().read_record(project_dir) or {}
    return bool(record.get("model_sha256")) and read_status(project_dir).get("modele") == record["model_sha256"]
