"""`make bench` catalogue scenario: the same assistant with 1, 100, 600 and 1,600 professions, in one run.

Each catalogue has the REAL titles of the national ROME list (tests/support/rome.py: 1,584 titles,
spread over every domain for the smaller sizes; N = 1,600 is the whole list, 1,584 professions), written
at run time: nothing of it is committed. For each size N it measures, with the real stack (action
server + `rasa run` + REST channel + SQL tracker store):

- start to the first right factual answer, both servers launched at once as `make run` does: the first
  start of a catalogue (its knowledge cache empty) and a later one (cache filled);
- three kinds of request, each with its p50 / p95 and its failures:
  « fait »: « combien gagne un <masculine form> débutant ? », right when that profession's beginner figure
  is in the reply; « recherche »: an interest (« un métier dans la santé »), right when the reply lists
  professions or domains, or says that no fiche matches; « liste »: « vous avez quels métiers ? », right
  when the reply lists domains or professions. An apology (« problème technique », « redémarrer ») and,
  for a search or a list, a reply giving figures (an answer about one profession) are failures;
- saturation throughput of a mixed load (20 conversations, no pause, the three kinds shuffled);
- peak memory (RSS) of the action server and of Rasa;
- in process, the search in the action: core.dialogue.respond on ~100 varied interest messages, with the
  School that loading.school.load_school builds;
- at the largest size, `python -m trainer.check` (what `make check` runs) on a copy of the project whose
  knowledge/ is that catalogue, first with its caches empty, then filled.

The assistants run at the same time and the loads go round-robin over them, in several rounds; each
kind's p50 / p95 is over its right answers of all rounds, the throughput is the median of the rounds, and
ratios are taken against N = 1 of the same run (the machine is shared and noisy).
"""
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import unicodedata
import uuid
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np

from core.knowledge import euros
from loading.knowledge import load_profession
from loading.paths import ROOT
from stack.assistant import Stack
from stack.env import project_env
from stack.processes import wait_until_up
from stack.replies import norm, seen
from tests.support.rome import rome_titles, write_rome_catalogue

SIZES = (1, 100, 600, 1600)
APOLOGY = ("probleme technique", "redemarrer")
KINDS = ("fait", "recherche", "liste")
KIND_LABELS = {"fait": "fait d'un métier nommé", "recherche": "recherche par intérêt", "liste": "liste"}
NO_MATCH = "aucune fiche de l'ecole ne correspond"
EURO = re.compile(r"\d\s*€")
# Interests as students type them, sent over HTTP (the NLU decides the intent).
SEARCHES = [
    "un métier dans la santé", "j'aime les animaux", "un métier avec des enfants sans bac+5",
    "je cherche un métier dans le sport", "j'aime travailler le bois", "un métier dehors, dans la nature",
    "je veux travailler avec les chiffres", "un métier dans l'informatique", "j'aime écrire",
    "un métier où on voyage", "je voudrais aider les gens", "un métier dans le bâtiment", "j'aime cuisiner",
    "un métier artistique", "j'aime les langues étrangères", "un métier dans le tourisme",
    "je cherche un métier avec les enfants", "un métier dans la mode", "j'aime la musique",
    "un métier dans le commerce",
]
LISTS = ["vous avez quels métiers ?", "quels métiers présentez-vous ?", "montrez-moi la liste des métiers",
         "je peux voir tous les métiers ?"]
# In process: each interest of knowledge/interets.yml, said in these ways (plus SEARCHES).
SEARCH_TEMPLATES = ["j'aime {}", "un métier avec {} sans bac+5", "je cherche un métier : {}"]


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Catalogue:
    """One catalogue of real titles: its folder, and for each profession the name a student types and
    the figure its answer must show."""

    def __init__(self, folder: Path, size: int):
        self.folder = write_rome_catalogue(folder, size)
        self.professions = []
        self.titles, self.familles = [], set()
        for path in sorted((self.folder / "metiers").glob("*.yml")):
            p = load_profession(path)
            levels = p.salaire.niveaux
            # alias[0]: the masculine form, lowercased, without what stands in brackets
            self.professions.append((p.id, p.alias[0], norm(euros(levels.debutant.min))))
            self.titles.append(norm(p.intitule.lower()))
            self.familles.add(norm(p.famille.lower()))

    def questions(self, rng: random.Random, count: int, shuffle: bool = False) -> List[Tuple[str, str, List[str]]]:
        """(kind, message, what the reply must contain): the three kinds in turn (shuffled on demand);
        a fact names a random profession as a student types it (accents dropped for one in two)."""
        out = []
        for i in range(count):
            kind = KINDS[i % len(KINDS)]
            if kind == "fait":
                _, name, beginner = rng.choice(self.professions)
                typed = _ascii(name) if rng.random() < 0.5 else name
                out.append((kind, f"combien gagne un {typed} débutant ?", [beginner]))
            elif kind == "recherche":
                out.append((kind, rng.choice(SEARCHES), []))
            else:
                out.append((kind, rng.choice(LISTS), []))
        if shuffle:
            rng.shuffle(out)
        return out

    def lists_something(self, text: str) -> bool:
        """The reply names a domain or a profession of the catalogue."""
        text = text.lower()
        return any(f in text for f in self.familles) or any(t in text for t in self.titles)

    def verdict(self, kind: str, status: int, text: str, must: List[str]) -> Optional[str]:
        """None when the reply is right, else why it is not."""
        if status != 200:
            return f"HTTP {status}"
        low = text.lower()
        if any(w in low for w in APOLOGY):
            return "excuse"
        if kind == "fait":
            return None if all(m in text for m in must) else "pas les chiffres du métier nommé"
        if EURO.search(text):
            return "chiffres d'un métier"
        if kind == "recherche" and NO_MATCH in low:
            return None
        return None if self.lists_something(text) else "ne liste ni domaine ni métier"


def send(connection: http.client.HTTPConnection, sender: str, message: str) -> Tuple[int, str]:
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


def start_to_first_answer(stack: Stack, catalogue: Catalogue, timeout: float = 600) -> Tuple[float, Dict]:
    """Seconds from launching both servers to the first right factual answer (apologies retried), and
    when each server first answered (Rasa's webhook, the action server's /health)."""
    start = time.perf_counter()
    stack.launch_actions()
    stack.launch_rasa()
    ready = {}

    def actions_ready():  # where the start goes: the action server's own start, beside Rasa's
        try:
            wait_until_up(f"{stack.action_url}/health", stack.actions, stack.actions_log, timeout)
            ready["actions"] = time.perf_counter() - start
        except RuntimeError:
            pass
    watcher = threading.Thread(target=actions_ready, daemon=True)
    watcher.start()
    wait_until_up(f"{stack.rasa_url}/webhooks/rest/", stack.rasa, stack.rasa_log, timeout)
    ready["rasa"] = time.perf_counter() - start
    _, name, beginner = catalogue.professions[0]
    connection = http.client.HTTPConnection("127.0.0.1", stack.rasa_port, timeout=60)
    sender = f"bench-start-{uuid.uuid4().hex[:8]}"
    while time.perf_counter() - start < timeout:
        status, text = send(connection, sender, f"combien gagne un {name} débutant ?")
        if catalogue.verdict("fait", status, text, [beginner]) is None:
            watcher.join(timeout=5)
            return time.perf_counter() - start, ready
        time.sleep(0.2)
    raise RuntimeError(f"aucune réponse juste en {timeout} s :\n{stack.rasa_log.read_text()[-2000:]}")


def conversation(port: int, questions, go: threading.Event, samples: list) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    sender = f"bench-cat-{uuid.uuid4().hex[:10]}"
    go.wait()
    for kind, message, must in questions:
        t0 = time.perf_counter()
        status, text = send(connection, sender, message)
        samples.append((t0, time.perf_counter(), kind, message, must, status, text))
    connection.close()


def load(port: int, catalogue: Catalogue, conversations: int, messages: int, seed: int, shuffle: bool) -> Dict:
    """`conversations` at once, no pause; each reply judged after the load (the client's checks do not
    take the servers' CPU while they are measured)."""
    go, samples = threading.Event(), []
    threads = [threading.Thread(target=conversation, args=(
        port, catalogue.questions(random.Random(seed * 1000 + i), messages, shuffle), go, samples))
        for i in range(conversations)]
    for t in threads:
        t.start()
    go.set()
    for t in threads:
        t.join()
    wall = max(s[1] for s in samples) - min(s[0] for s in samples)
    judged = [(kind, (end - start) * 1000, catalogue.verdict(kind, status, text, must), message, text)
              for start, end, kind, message, must, status, text in samples]
    right = sum(1 for _, _, why, _, _ in judged if why is None)
    return {"messages": len(samples), "justes": right, "echecs": len(samples) - right,
            "debit_justes_msg_s": round(right / wall, 2) if wall else None,
            "par_type": {kind: {"latences_ms": [round(ms, 1) for k, ms, why, _, _ in judged if k == kind and why is None],
                                "echecs": sum(1 for k, _, why, _, _ in judged if k == kind and why is not None),
                                "raisons": dict(Counter(why for k, _, why, _, _ in judged if k == kind and why))}
                         for kind in KINDS},
            "exemples_echecs": [{"type": k, "message": m, "raison": why, "reponse": " ".join(text.split())[:300]}
                                for k, _, why, m, text in judged if why is not None][:6]}


# -- in process ------------------------------------------------------------------------------------
def interest_messages(knowledge: Path, count: int = 100) -> List[str]:
    """~100 varied interest messages: SEARCHES, then each interest's own words in SEARCH_TEMPLATES."""
    import yaml
    interests = yaml.safe_load((knowledge / "interets.yml").read_text(encoding="utf-8"))["interets"]
    words = [[w for w in entry.get("eleve", []) if "*" not in w][:3] for entry in interests.values()]
    out = list(SEARCHES)
    for i in range(max(len(w) for w in words)):
        for j, template in enumerate(SEARCH_TEMPLATES):
            for k, ws in enumerate(words):
                if i < len(ws) and (k + i) % len(SEARCH_TEMPLATES) == j:
                    out.append(template.format(ws[i]))
    return out[:count]


def search_in_process(folder: Path, cache: Path) -> Dict:
    """The interest search in the action: core.dialogue.respond on search turns, with the School that
    loading.school.load_school builds (as the action server does), p50 / p95 over ~100 messages."""
    from core import dialogue, exploring
    from loading.school import load_school
    before = os.environ.get("ASSISTANT_CACHE_DIR")
    os.environ["ASSISTANT_CACHE_DIR"] = str(cache)
    try:
        t0 = time.perf_counter()
        school = load_school(folder)
        loaded = time.perf_counter() - t0
    finally:
        if before is None:
            os.environ.pop("ASSISTANT_CACHE_DIR", None)
        else:
            os.environ["ASSISTANT_CACHE_DIR"] = before
    messages = interest_messages(folder)
    respond_ms, total_ms, slow = [], [], []
    for message in messages:
        t0 = time.perf_counter()
        q = school.understand(message, [], exploring.SEARCH)
        t1 = time.perf_counter()
        dialogue.respond(school, dialogue.Turn(q, exploring.SEARCH, ((exploring.SEARCH, 0.9),), {}, None,
                                               dialogue.CATALOGUE))
        t2 = time.perf_counter()
        respond_ms.append((t2 - t1) * 1000)
        total_ms.append((t2 - t0) * 1000)
        slow.append(((t2 - t1) * 1000, message))
    del school
    pct = lambda xs, q: round(float(np.percentile(xs, q)), 1)  # noqa: E731
    return {"messages": len(messages), "chargement_s": round(loaded, 2),
            "respond_p50_ms": pct(respond_ms, 50), "respond_p95_ms": pct(respond_ms, 95),
            "respond_max_ms": round(max(respond_ms), 1),
            "avec_comprehension_p50_ms": pct(total_ms, 50), "avec_comprehension_p95_ms": pct(total_ms, 95),
            "plus_lents": [{"message": m, "ms": round(ms, 1)} for ms, m in sorted(slow, reverse=True)[:5]]}


def check_time(work: Path, knowledge: Path) -> Dict:
    """`python -m trainer.check` (what `make check` runs after check-deps and lint) on a copy of the
    project whose knowledge/ is this catalogue, with caches of its own: empty, then filled."""
    project = work / "check-project"
    shutil.rmtree(project, ignore_errors=True)
    (project / "tests").mkdir(parents=True)
    for name in ("domain.yml", "config.yml"):
        shutil.copy(ROOT / name, project / name)
    for name in ("data", "rasa_ext"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(ROOT / "tests" / "nlu", project / "tests" / "nlu")
    shutil.copy(ROOT / "tests" / "test_stories.yml", project / "tests" / "test_stories.yml")
    (project / "knowledge").symlink_to(knowledge, target_is_directory=True)
    env = project_env(ASSISTANT_CACHE_DIR=str(work / "check-cache"))
    out = {}
    for label in ("cache_vide_s", "cache_rempli_s"):
        t0 = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "trainer.check", "--projet", str(project)], cwd=ROOT,
                                env=env, capture_output=True, text=True)
        out[label] = round(time.perf_counter() - t0, 2)
        out["code_retour"] = result.returncode
        lines = result.stdout.splitlines()
        out["erreurs"] = sum(1 for line in lines if line.startswith("✗"))
        out["avertissements"] = sum(1 for line in lines if line.startswith("⚠"))
        out["fin"] = "\n".join(lines[-2:])[-400:]
    return out


# -- the scenario ----------------------------------------------------------------------------------
def measure(work: Path, model: Path, quick: bool, log, peak_rss_mb, rounds: int = 3) -> Dict:
    """The catalogue table, for each size: the dict written to the bench's JSON.

    For each size: the catalogue is written, the search is timed in process and (largest size) make
    check is timed, all on a quiet machine; then the starts, one at a time. Then every assistant stays
    up and the loads go round-robin over them, `rounds` times, so that the other jobs of a shared
    machine fall on all sizes alike."""
    results: Dict[str, Dict] = {}
    running: Dict[int, Tuple[Stack, Catalogue]] = {}
    total = len(rome_titles())
    try:
        for size in SIZES:
            folder = work / f"catalogue-{size}"
            catalogue = Catalogue(folder / "knowledge", size)
            row = results.setdefault(str(size), {})
            row["metiers"] = len(catalogue.professions)
            row["titres_rome"] = total
            row["recherche_en_processus"] = search_in_process(catalogue.folder, folder / "cache-en-processus")
            log(f"  {size} métier(s) ({row['metiers']}), recherche en processus : {row['recherche_en_processus']}")
            if size == SIZES[-1]:
                row["make_check"] = check_time(folder, catalogue.folder)
                log(f"  {size} métier(s), trainer.check : {row['make_check']}")
            for label in ("premier_demarrage_s", "demarrage_suivant_s"):  # empty, then filled knowledge cache
                (folder / label).mkdir(parents=True, exist_ok=True)
                stack = Stack(folder / label, model, knowledge=catalogue.folder, cors=False, start_timeout=900,
                              extra_env={"ASSISTANT_CACHE_DIR": str(folder / "cache")})
                try:
                    seconds, ready = start_to_first_answer(stack, catalogue)
                    row[label] = round(seconds, 2)
                    row[label.replace("_s", "_serveurs_prets_s")] = {k: round(v, 2) for k, v in ready.items()}
                except BaseException:
                    stack.stop()
                    raise
                log(f"  {size} métier(s), {label} : {row[label]} s "
                    f"(prêts : {row[label.replace('_s', '_serveurs_prets_s')]})")
                if label == "premier_demarrage_s":
                    stack.stop()
                else:
                    running[size] = (stack, catalogue)
            for i in range(2):  # warm-up: each kind once or more
                load(running[size][0].rasa_port, catalogue, 1, 6, seed=90 + i, shuffle=False)
        runs: Dict[int, Dict[str, List[Dict]]] = {size: {"un_eleve": [], "saturation": []} for size in SIZES}
        for r in range(1 if quick else rounds):
            order = list(SIZES[r % len(SIZES):] + SIZES[:r % len(SIZES)])
            for size in order:
                stack, catalogue = running[size]
                one = load(stack.rasa_port, catalogue, 1, 15 if quick else 30, seed=10 + r, shuffle=False)
                saturation = load(stack.rasa_port, catalogue, 20, 6 if quick else 9, seed=20 + r, shuffle=True)
                runs[size]["un_eleve"].append(one)
                runs[size]["saturation"].append(saturation)
                log(f"  tour {r + 1}, {size} métier(s) : 1 élève {one['echecs']} échec(s) ; saturation "
                    f"{saturation['debit_justes_msg_s']} msg/s justes, {saturation['echecs']} échec(s)")
        for size in SIZES:
            stack, _ = running[size]
            row = results[str(size)]
            row["un_eleve"] = pooled(runs[size]["un_eleve"])
            row["saturation"] = pooled(runs[size]["saturation"])
            row["memoire_max_mb"] = {"serveur_actions": peak_rss_mb(stack.actions.pid)["total"],
                                     "rasa": peak_rss_mb(stack.rasa.pid)["total"]}
    finally:
        for stack, _ in running.values():
            stack.stop()
    return results


def pooled(runs: List[Dict]) -> Dict:
    """Per kind: p50 / p95 over the right answers of every round, failures summed; the throughput is
    the median of the rounds."""
    throughputs = [r["debit_justes_msg_s"] for r in runs if r.get("debit_justes_msg_s") is not None]
    out = {"tours": len(runs), "messages": sum(r["messages"] for r in runs),
           "echecs": sum(r["echecs"] for r in runs),
           "debit_justes_msg_s": round(float(np.median(throughputs)), 2) if throughputs else None,
           "exemples_echecs": [e for r in runs for e in r["exemples_echecs"]][:5], "par_type": {}}
    for kind in KINDS:
        latencies = [ms for r in runs for ms in r["par_type"][kind]["latences_ms"]]
        reasons: Counter = Counter()
        for r in runs:
            reasons.update(r["par_type"][kind]["raisons"])
        out["par_type"][kind] = {
            "justes": len(latencies), "echecs": sum(r["par_type"][kind]["echecs"] for r in runs),
            "raisons": dict(reasons),
            "p50_ms": round(float(np.percentile(latencies, 50)), 1) if latencies else None,
            "p95_ms": round(float(np.percentile(latencies, 95)), 1) if latencies else None}
    return out


def markdown(results: Dict) -> List[str]:
    def fmt(x, unit=""):
        return "—" if x is None else f"{x}{unit}".replace(".", ",")

    def size_label(size: str, row: Dict) -> str:
        return f"{size} (toute la liste : {row['metiers']} métiers)" if row.get("metiers") == row.get("titres_rome") \
            and row.get("metiers") != int(size) else f"{size} métier{'s' if int(size) > 1 else ''}"

    base = results.get("1", {})
    base_sat = base.get("saturation", {}).get("debit_justes_msg_s")
    sizes = ", ".join(results)
    lines = [f"## Catalogue : {sizes} métiers, titres réels du ROME (même exécution)", "",
             "Catalogues écrits au moment de la mesure avec les vrais intitulés de la liste nationale ROME "
             "(tests/support/rome.py, 1 584 titres ; 1 600 = la liste entière, soit 1 584 métiers). Trois "
             "sortes de questions : **fait** (« combien gagne un <forme masculine> débutant ? » : juste si le "
             "chiffre débutant de ce métier est dans la réponse), **recherche** par intérêt (« un métier dans "
             "la santé », « j'aime les animaux »… : juste si la réponse liste des métiers ou des domaines, ou "
             "dit qu'aucune fiche ne correspond) et **liste** (« vous avez quels métiers ? » : juste si la "
             "réponse liste des domaines ou des métiers). Une excuse (« problème technique », « redémarrer ») "
             "et une réponse sur un autre métier (ses chiffres) sont des échecs.", "",
             "Latences : 1 élève (une conversation, sans pause), sur les réponses justes des "
             f"{base.get('un_eleve', {}).get('tours', '?')} tours. Débit : charge mélangée, 20 conversations "
             "sans pause, médiane des tours. Rapports : à N = 1 de la même exécution.", "",
             "| Métiers | 1er démarrage → 1re réponse juste (cache vide) | démarrage suivant (cache rempli) | "
             "mémoire serveur d'actions | mémoire Rasa | fait p50 / p95 | recherche p50 / p95 | "
             "liste p50 / p95 | échecs fait / recherche / liste | débit à saturation (justes) | "
             "débit / 1 métier |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, row in results.items():
        one, sat, mem = row.get("un_eleve", {}), row.get("saturation", {}), row.get("memoire_max_mb", {})
        kinds = one.get("par_type", {})
        failures = " / ".join(str(kinds.get(k, {}).get("echecs", 0) + sat.get("par_type", {}).get(k, {}).get("echecs", 0))
                              for k in KINDS)
        ratio = round(sat["debit_justes_msg_s"] / base_sat, 2) if sat.get("debit_justes_msg_s") and base_sat else None
        cells = [f"{fmt(kinds.get(k, {}).get('p50_ms'), ' ms')} / {fmt(kinds.get(k, {}).get('p95_ms'), ' ms')}"
                 for k in KINDS]
        lines.append(f"| {size_label(size, row)} | {fmt(row.get('premier_demarrage_s'), ' s')} | "
                     f"{fmt(row.get('demarrage_suivant_s'), ' s')} | {fmt(mem.get('serveur_actions'), ' Mo')} | "
                     f"{fmt(mem.get('rasa'), ' Mo')} | {' | '.join(cells)} | {failures} | "
                     f"{fmt(sat.get('debit_justes_msg_s'), ' msg/s')} | {fmt(ratio, ' ×')} |")
    total = sum(r.get("un_eleve", {}).get("messages", 0) + r.get("saturation", {}).get("messages", 0)
                for r in results.values())
    lines += ["", f"Échecs : comptés sur les réponses à 1 élève et à saturation ({total} messages en tout)."]
    for size, row in results.items():
        reasons = []
        for k in KINDS:
            counted: Counter = Counter()
            for load_name in ("un_eleve", "saturation"):
                counted.update(row.get(load_name, {}).get("par_type", {}).get(k, {}).get("raisons", {}))
            reasons += [f"{KIND_LABELS[k]} : {n} × {why}" for why, n in counted.most_common()]
        if reasons:
            lines.append(f"- {size_label(size, row)} : " + " ; ".join(reasons))
    lines += ["",
              "Où va le démarrage (secondes depuis le lancement des deux serveurs : Rasa répond, le serveur "
              "d'actions répond, 1re réponse juste) :", ""]
    for size, row in results.items():
        parts = []
        for label, name in (("premier_demarrage_s", "cache vide"), ("demarrage_suivant_s", "cache rempli")):
            ready = row.get(label.replace("_s", "_serveurs_prets_s"), {})
            parts.append(f"{name} : Rasa {fmt(ready.get('rasa'), ' s')}, actions {fmt(ready.get('actions'), ' s')}, "
                         f"réponse {fmt(row.get(label), ' s')}")
        lines.append(f"- {size_label(size, row)} — " + " ; ".join(parts))
    lines.append("")
    examples = [(size, e) for size, row in results.items()
                for e in row.get("un_eleve", {}).get("exemples_echecs", []) + row.get("saturation", {}).get("exemples_echecs", [])]
    if examples:
        lines += ["Exemples d'échecs :", ""]
        seen_messages = set()
        for size, e in examples:
            if (size, e["message"]) in seen_messages or len(seen_messages) >= 8:
                continue
            seen_messages.add((size, e["message"]))
            lines.append(f"- {size_label(size, results[size])}, {KIND_LABELS[e['type']]} « {e['message']} » : "
                         f"{e['raison']} — « {' '.join(e['reponse'].split())[:160]} »")
        lines.append("")
    lines += ["### Recherche par intérêt dans l'action (en processus)", "",
              "loading.school.load_school puis core.dialogue.respond sur des tours de recherche "
              "(intention catalogue_chercher), messages variés ; « avec compréhension » ajoute "
              "School.understand.", "",
              "| Métiers | messages | respond p50 | respond p95 | respond max | avec compréhension p50 / p95 | "
              "plus lent |", "|---:|---:|---:|---:|---:|---:|---|"]
    for size, row in results.items():
        s = row.get("recherche_en_processus")
        if not s:
            continue
        slowest = s["plus_lents"][0] if s.get("plus_lents") else None
        lines.append(f"| {size_label(size, row)} | {s['messages']} | {fmt(s['respond_p50_ms'], ' ms')} | "
                     f"{fmt(s['respond_p95_ms'], ' ms')} | {fmt(s['respond_max_ms'], ' ms')} | "
                     f"{fmt(s['avec_comprehension_p50_ms'], ' ms')} / {fmt(s['avec_comprehension_p95_ms'], ' ms')} | "
                     + (f"« {slowest['message']} » {fmt(slowest['ms'], ' ms')} |" if slowest else "— |"))
    check = next((r["make_check"] for r in results.values() if r.get("make_check")), None)
    largest = list(results)[-1]
    if check:
        lines += ["", "### make check au plus grand catalogue", "",
                  f"`python -m trainer.check` (ce que lance `make check`, sans check-deps ni lint) sur une copie du "
                  f"projet dont knowledge/ est le catalogue de {largest} : {fmt(check['cache_vide_s'], ' s')} caches "
                  f"vides, **{fmt(check['cache_rempli_s'], ' s')} caches remplis** (code de retour "
                  f"{check['code_retour']} : {check['erreurs']} erreur(s), {check['avertissements']} "
                  "avertissement(s)" + (" ; les fiches du catalogue de test sont des copies des fiches d'exemple, "
                                        "que make check signale une à une : toutes les vérifications sont faites, "
                                        "rasa data validate est sauté comme il l'est, caches remplis, sur un "
                                        "projet correct)." if check["erreurs"] else ").")]
    last = results.get(largest, {})
    s = last.get("recherche_en_processus", {})
    sat = last.get("saturation", {}).get("debit_justes_msg_s")
    ratio = round(sat / base_sat, 2) if sat and base_sat else None
    targets = [
        (f"recherche dans l'action à {largest}, p95 ≤ 50 ms", fmt(s.get("respond_p95_ms"), " ms"),
         s.get("respond_p95_ms") is not None and s["respond_p95_ms"] <= 50),
        (f"débit mélangé à {largest} / à 1 ≥ 0,90", fmt(ratio, " ×"), ratio is not None and ratio >= 0.90),
        (f"démarrage → 1re réponse juste à {largest}, cache rempli ≤ 12 s", fmt(last.get("demarrage_suivant_s"), " s"),
         last.get("demarrage_suivant_s") is not None and last["demarrage_suivant_s"] <= 12),
    ]
    if check:
        targets.append((f"make check à {largest}, cache rempli ≤ 20 s", fmt(check["cache_rempli_s"], " s"),
                        check["cache_rempli_s"] <= 20))
    lines += ["", "### Objectifs du catalogue national", "", "| Objectif | mesuré | atteint |", "|---|---:|:---:|"]
    lines += [f"| {label} | {value} | {'oui' if ok else '**non**'} |" for label, value, ok in targets]
    return lines + [""]
