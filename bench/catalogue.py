"""`make bench` catalogue scenario: the same assistant with 1, 100 and 600 professions, in one run.

Each catalogue is generated at run time from the fixture knowledge (tests/support/catalogue.py):
nothing of it is committed. For each size N it measures, with the real stack (action server +
`rasa run` + REST channel + SQL tracker store):

- start to the first factual answer, both servers launched at once as `make run` does: the first
  start of a catalogue (its knowledge cache empty) and a later one (cache filled);
- peak memory (RSS) of the action server and of Rasa;
- one student's p50 and p95, on questions that each name a random profession of the catalogue;
- saturation throughput (20 conversations, no pause), counting as failures an apology, a
  « redémarrage » reply and any reply without the named profession's own figures.

The three assistants run at the same time and the loads go round-robin over them, in several
rounds; figures are medians of the rounds, and ratios are taken against N = 1 of the same run
(the machine is shared and noisy).
"""
import http.client
import random
import threading
import time
import unicodedata
import uuid
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np

from core.knowledge import load_profession
from core.replies import euros
from tests.support.catalogue import masculine, write_catalogue
from tests.support.helpers import norm, seen
from tests.support.stack import Stack, wait_until_up

SIZES = (1, 100, 600)
FAILURE_WORDS = ("probleme technique", "redemarrer", "desole")


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Catalogue:
    """One generated catalogue: its folder, and for each profession the name a student types and
    the figures its answers must show."""

    def __init__(self, folder: Path, size: int):
        self.folder = write_catalogue(folder, size)
        self.professions = []
        for path in sorted((self.folder / "metiers").glob("*.yml")):
            p = load_profession(path)
            levels = p.salaire.niveaux
            self.professions.append((p.id, masculine(p.intitule),
                                     norm(euros(levels.debutant.min)), norm(euros(levels.confirme.min))))

    def questions(self, rng: random.Random, count: int) -> List[Tuple[str, List[str]]]:
        """(message, what the reply must contain): the beginner then the confirmed salary of a random
        profession, named as a student would type it (accents dropped for one in two)."""
        out = []
        while len(out) < count:
            _, name, beginner, confirmed = rng.choice(self.professions)
            typed = _ascii(name) if rng.random() < 0.5 else name
            out.append((f"combien gagne un {typed} debutant ?", [beginner]))
            out.append(("et pour un confirmé ?", [confirmed]))
        return out[:count]


def send(connection: http.client.HTTPConnection, sender: str, message: str) -> Tuple[int, str]:
    import json
    body = json.dumps({"sender": sender, "message": message})
    for attempt in (1, 2):
        try:
            connection.request("POST", "/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            data = response.read()
            return response.status, norm(seen(json.loads(data))) if response.status == 200 else ""
        except (http.client.HTTPException, ConnectionError, OSError):
            connection.close()
            if attempt == 2:
                return 0, ""
    return 0, ""


def right(status: int, text: str, must: List[str]) -> bool:
    return status == 200 and all(m in text for m in must) and not any(w in text for w in FAILURE_WORDS)


def start_to_first_answer(stack: Stack, catalogue: Catalogue, timeout: float = 300) -> float:
    """Seconds from launching both servers to the first right factual answer (apologies retried)."""
    start = time.perf_counter()
    stack.launch_actions()
    stack.launch_rasa()
    wait_until_up(f"{stack.rasa_url}/webhooks/rest/", stack.rasa, stack.rasa_log, timeout)
    _, name, beginner, _ = catalogue.professions[0]
    connection = http.client.HTTPConnection("127.0.0.1", stack.rasa_port, timeout=60)
    sender = f"bench-start-{uuid.uuid4().hex[:8]}"
    while time.perf_counter() - start < timeout:
        status, text = send(connection, sender, f"combien gagne un {name} debutant ?")
        if right(status, text, [beginner]):
            return time.perf_counter() - start
        time.sleep(0.2)
    raise RuntimeError(f"aucune réponse juste en {timeout} s :\n{stack.rasa_log.read_text()[-2000:]}")


def conversation(port: int, questions, pause: bool, go: threading.Event, samples: list) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    sender = f"bench-cat-{uuid.uuid4().hex[:10]}"
    go.wait()
    for message, must in questions:
        t0 = time.perf_counter()
        status, text = send(connection, sender, message)
        samples.append((t0, time.perf_counter(), right(status, text, must)))
    connection.close()


def load(port: int, catalogue: Catalogue, conversations: int, messages: int, seed: int) -> Dict:
    go, samples = threading.Event(), []
    threads = [threading.Thread(target=conversation, args=(
        port, catalogue.questions(random.Random(seed * 1000 + i), messages), False, go, samples))
        for i in range(conversations)]
    for t in threads:
        t.start()
    go.set()
    for t in threads:
        t.join()
    ok = [(e - s) * 1000 for s, e, good in samples if good]
    wall = max(e for _, e, _ in samples) - min(s for s, _, _ in samples)
    return {"messages": len(samples), "justes": len(ok), "echecs": len(samples) - len(ok),
            "p50_ms": round(float(np.percentile(ok, 50)), 1) if ok else None,
            "p95_ms": round(float(np.percentile(ok, 95)), 1) if ok else None,
            "debit_justes_msg_s": round(len(ok) / wall, 2) if wall else None}


def measure(work: Path, model: Path, quick: bool, log, peak_rss_mb, rounds: int = 3) -> Dict:
    """The catalogue table, for each size: the dict written to the bench's JSON.

    The starts are measured one at a time; then the three assistants stay up and the loads go
    round-robin over them, `rounds` times, so that the other jobs of a shared machine fall on all
    sizes alike; each figure is the median of the rounds."""
    results: Dict[str, Dict] = {}
    running: Dict[int, Tuple[Stack, Catalogue]] = {}
    try:
        for size in SIZES:
            folder = work / f"catalogue-{size}"
            catalogue = Catalogue(folder / "knowledge", size)
            row = results.setdefault(str(size), {})
            for label in ("premier_demarrage_s", "demarrage_suivant_s"):  # empty, then filled knowledge cache
                (folder / label).mkdir(parents=True, exist_ok=True)
                stack = Stack(folder / label, model, knowledge=catalogue.folder, cors=False, start_timeout=600,
                              extra_env={"ASSISTANT_CACHE_DIR": str(folder / "cache")})
                try:
                    row[label] = round(start_to_first_answer(stack, catalogue), 2)
                except BaseException:
                    stack.stop()
                    raise
                log(f"  {size} métier(s), {label} : {row[label]} s")
                if label == "premier_demarrage_s":
                    stack.stop()
                else:
                    running[size] = (stack, catalogue)
            for i in range(3):  # warm-up
                load(running[size][0].rasa_port, catalogue, 1, 4, seed=90 + i)
        samples: Dict[int, Dict[str, List[Dict]]] = {size: {"un_eleve": [], "saturation": []} for size in SIZES}
        for r in range(1 if quick else rounds):
            order = list(SIZES[r % len(SIZES):] + SIZES[:r % len(SIZES)])
            for size in order:
                stack, catalogue = running[size]
                one = load(stack.rasa_port, catalogue, 1, 20 if quick else 40, seed=10 + r)
                saturation = load(stack.rasa_port, catalogue, 20, 4 if quick else 8, seed=20 + r)
                samples[size]["un_eleve"].append(one)
                samples[size]["saturation"].append(saturation)
                log(f"  tour {r + 1}, {size} métier(s) : 1 élève p50 {one['p50_ms']} ms ; "
                    f"saturation {saturation['debit_justes_msg_s']} msg/s justes, {saturation['echecs']} échec(s)")
        for size in SIZES:
            stack, _ = running[size]
            row = results[str(size)]
            row["un_eleve"] = pooled(samples[size]["un_eleve"])
            row["saturation"] = pooled(samples[size]["saturation"])
            row["memoire_max_mb"] = {"serveur_actions": peak_rss_mb(stack.actions.pid)["total"],
                                     "rasa": peak_rss_mb(stack.rasa.pid)["total"]}
    finally:
        for stack, _ in running.values():
            stack.stop()
    return results


def pooled(runs: List[Dict]) -> Dict:
    """The median of each figure over the rounds; failures and messages summed."""
    def median(key):
        values = [r[key] for r in runs if r.get(key) is not None]
        return round(float(np.median(values)), 2) if values else None
    return {"tours": len(runs), "messages": sum(r["messages"] for r in runs),
            "echecs": sum(r["echecs"] for r in runs), "p50_ms": median("p50_ms"), "p95_ms": median("p95_ms"),
            "debit_justes_msg_s": median("debit_justes_msg_s")}


def markdown(results: Dict) -> List[str]:
    def fmt(x, unit=""):
        return "—" if x is None else f"{x}{unit}".replace(".", ",")

    base = results.get("1", {})
    lines = ["## Catalogue : 1, 100 et 600 métiers (même exécution)", "",
             "Catalogues fictifs générés à partir des fiches de test (tests/support/catalogue.py). Chaque question "
             "nomme un métier tiré au hasard ; une réponse est juste si elle donne les chiffres de ce métier "
             "(une excuse, « redémarrage » ou un autre métier comptent comme des échecs).", "",
             "| Métiers | 1er démarrage → 1re réponse juste | démarrage suivant | mémoire serveur d'actions | "
             "mémoire Rasa | p50 1 élève | p95 1 élève | débit à saturation (justes) | échecs | "
             "débit / 1 métier | p50 − p50 à 1 métier |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, row in results.items():
        one, sat, mem = row.get("un_eleve", {}), row.get("saturation", {}), row.get("memoire_max_mb", {})
        base_sat, base_one = base.get("saturation", {}), base.get("un_eleve", {})
        ratio = (round(sat["debit_justes_msg_s"] / base_sat["debit_justes_msg_s"], 2)
                 if sat.get("debit_justes_msg_s") and base_sat.get("debit_justes_msg_s") else None)
        delta = (round(one["p50_ms"] - base_one["p50_ms"], 1)
                 if one.get("p50_ms") is not None and base_one.get("p50_ms") is not None else None)
        lines.append(f"| {size} | {fmt(row.get('premier_demarrage_s'), ' s')} | {fmt(row.get('demarrage_suivant_s'), ' s')} | "
                     f"{fmt(mem.get('serveur_actions'), ' Mo')} | {fmt(mem.get('rasa'), ' Mo')} | "
                     f"{fmt(one.get('p50_ms'), ' ms')} | {fmt(one.get('p95_ms'), ' ms')} | "
                     f"{fmt(sat.get('debit_justes_msg_s'), ' msg/s')} | "
                     f"{(one.get('echecs') or 0) + (sat.get('echecs') or 0)} | {fmt(ratio, ' ×')} | {fmt(delta, ' ms')} |")
    return lines + [""]
