#!/usr/bin/env python
"""`make bench`: how fast the assistant answers, against stock Rasa, measured in one run.

For each variant - ours (config.yml), the REFERENCE (bench/reference_config.yml: what `rasa init`
uses, language fr) trained on the same data, and ours with 2 Sanic workers + Redis lock store -
it starts the real stack (action server + `rasa run` + REST channel + SQL tracker store) and
measures: start time, latency per message (p50/p95/p99) for 1 student and for 20 and 50
concurrent conversations, throughput, peak memory of each process. It also trains both models
(cold cache) and measures training time and memory. Results: bench/results/<timestamp>.json,
bench/results/latest.md (table, ratios, machine) and a PNG of latency against concurrency.

    .venv/bin/python bench/run.py                   # the full run (about 40 min on 2 shared cores)
    .venv/bin/python bench/run.py --quick           # fewer messages, to try it
    .venv/bin/python bench/run.py --quick --no-train DIR   # reuse DIR/ours.tar.gz, DIR/reference.tar.gz
"""
import argparse
import datetime as dt
import http.client
import importlib.metadata
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bootstrap: the project root, for core/
from bench import catalogue  # noqa: E402
from loading.paths import KNOWLEDGE, ROOT  # noqa: E402
from loading.school import load_school  # noqa: E402

# The harness the tests share: the same start/stop of the servers, what a student reads, normalised.
from stack.assistant import Stack  # noqa: E402
from stack.env import project_env  # noqa: E402
from stack.redis import Redis  # noqa: E402
from stack.replies import amounts, norm, seen  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
RASA = str(Path(PYTHON).parent / "rasa")
THINK = (1.0, 3.0)  # seconds a student takes to read the reply and type the next question

# One student's conversation: (message, the reply must contain, must not contain). It cycles, so
# the follow-ups ("et pour un senior ?") always come after the question they follow up on.
SCHOOL_FICHE = load_school(KNOWLEDGE).default
BEGINNER, CONFIRMED = amounts("debutant", SCHOOL_FICHE), amounts("confirme", SCHOOL_FICHE)  # its figures
SCRIPT = [
    ("bonjour", ["bonjour"], []),
    ("combien gagne un débutant ?", list(BEGINNER), [CONFIRMED[1]]),
    ("et pour un senior ?", list(CONFIRMED), [BEGINNER[0]]),
    ("faut-il un bac+5 ?", ["bac+5"], []),
    ("et avec un bachelor ?", ["bachelor (bac+3)"], []),
    ("quelles qualités humaines faut-il avoir ?", ["diplomatie"], []),
    ("c'est combien le salaire d'un pompier ?", ["pompier"], [BEGINNER[0], CONFIRMED[0]]),
    ("merci beaucoup", [], []),
]

# name: (model, endpoints file, credentials file, extra environment, needs Redis)
# The reference is stock Rasa throughout: `rasa init`'s pipeline and policies, Rasa's own REST
# channel and SQL tracker store (bench/reference_*.yml), so none of our fixes applies to it.
VARIANTS = {
    "ours": ("ours", "endpoints.yml", "credentials.yml", {}, False),
    "reference": ("reference", "bench/reference_endpoints.yml", "bench/reference_credentials.yml", {}, False),
    "ours_2workers": ("ours", "deploy/endpoints.yml", "credentials.yml", {"SANIC_WORKERS": "2"}, True),
}
DEFAULT_VARIANTS = ["ours", "reference", "ours_2workers"]
LABELS = {"ours": "notre pipeline", "reference": "référence (rasa init)",
          "ours_2workers": "notre pipeline, 2 workers Sanic + Redis"}


def scenarios(quick: bool):
    """(name, conversations, messages per conversation per round, pause between messages)."""
    if quick:
        return [("1 élève", 1, 16, False), ("20 conv.", 20, 4, True), ("50 conv.", 50, 4, True),
                ("20 conv. sans pause", 20, 4, False), ("50 conv. sans pause", 50, 4, False)]
    return [("1 élève", 1, 60, False), ("20 conv.", 20, 8, True), ("50 conv.", 50, 8, True),
            ("20 conv. sans pause", 20, 8, False), ("50 conv. sans pause", 50, 8, False)]


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", flush=True)


def env(**extra) -> dict:
    return project_env(SANIC_HOST="127.0.0.1", **extra)


# --- memory ----------------------------------------------------------------------------------

def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int):
    try:
        import psutil  # more precise when installed; /proc otherwise
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except ImportError:
        pass
    except Exception:
        return []
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(kids)
            todo.extend(kids)
    return found


def peak_rss_mb(pid: int) -> dict:
    """Peak resident memory (VmHWM) of a process and of each of its children, in MB."""
    main = _status_kb(pid, "VmHWM") / 1024
    kids = [_status_kb(c, "VmHWM") / 1024 for c in _children(pid)]
    kids = [k for k in kids if k > 0]
    return {"processus": round(main, 1), "enfants": [round(k, 1) for k in kids],
            "total": round(main + sum(kids), 1)}


# --- servers ---------------------------------------------------------------------------------

class BenchStack(Stack):
    """The harness's Stack (stack/assistant.py) on the school's knowledge, timed, with its memory."""

    def __init__(self, tmp: Path, model: Path, endpoints: str, credentials: str, extra_env: dict):
        super().__init__(tmp, model, endpoints=endpoints, credentials=credentials, extra_env=extra_env,
                         knowledge=KNOWLEDGE, cors=False, start_timeout=600)

    def start(self) -> dict:
        times = {"serveur_actions_s": self.start_actions()}
        t0 = time.perf_counter()
        self.start_rasa()
        times["rasa_pret_s"] = time.perf_counter() - t0
        connection = http.client.HTTPConnection("127.0.0.1", self.rasa_port, timeout=120)
        status, _ = send(connection, "bench-demarrage", "bonjour")
        times["premiere_reponse_s"] = time.perf_counter() - t0
        if status != 200:
            raise RuntimeError(f"premier message : HTTP {status}\n{self.rasa_log.read_text()[-3000:]}")
        return {k: round(v, 2) for k, v in times.items()}

    def memory(self) -> dict:
        return {"rasa": peak_rss_mb(self.rasa.pid), "serveur_actions": peak_rss_mb(self.actions.pid)}


# --- load ------------------------------------------------------------------------------------

def send(connection: http.client.HTTPConnection, sender: str, message: str):
    body = json.dumps({"sender": sender, "message": message})
    for attempt in (1, 2):  # a kept-alive connection closed by the server: reconnect once
        try:
            connection.request("POST", "/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            data = response.read()
            return response.status, (json.loads(data) if response.status == 200 else None)
        except (http.client.HTTPException, ConnectionError, OSError):
            connection.close()
            if attempt == 2:
                return 0, None


def conversation(port: int, label: str, index: int, messages: int, pause: bool, go: threading.Event):
    rng = random.Random(index)
    sender = f"bench-{label}-{index}-{uuid.uuid4().hex[:8]}"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    samples = []
    go.wait()
    if pause:  # students do not all arrive in the same millisecond
        time.sleep(rng.uniform(0, THINK[1]))
    for k in range(messages):
        message, must, must_not = SCRIPT[k % len(SCRIPT)]
        start = time.perf_counter()
        status, replies = send(connection, sender, message)
        end = time.perf_counter()
        text = norm(seen(replies)) if replies else ""
        right = status == 200 and all(m in text for m in must) and not any(m in text for m in must_not)
        samples.append((start, end, status == 200, right))
        if pause and k < messages - 1:
            time.sleep(rng.uniform(*THINK))
    connection.close()
    return samples


def run_scenario(port: int, name: str, conversations: int, messages: int, pause: bool) -> dict:
    """One run of a scenario against one Rasa: every message's timing and correctness."""
    go = threading.Event()
    results = [None] * conversations

    def worker(i):
        results[i] = conversation(port, name.replace(" ", "_").replace(".", ""), i, messages, pause, go)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(conversations)]
    for t in threads:
        t.start()
    load = os.getloadavg()[0]
    go.set()
    for t in threads:
        t.join()
    samples = [s for r in results for s in r]
    wall = max(end for _, end, _, _ in samples) - min(start for start, _, _, _ in samples)
    return {"samples": samples, "wall": wall, "load": load}


def summarize(runs: list, conversations: int, pause: bool) -> dict:
    """Pool the rounds of one scenario of one variant."""
    samples = [s for run in runs for s in run["samples"]]
    latencies = np.array([(end - start) * 1000 for start, end, ok, _ in samples if ok])

    def pct(q):
        return round(float(np.percentile(latencies, q)), 1) if len(latencies) else None

    return {
        "conversations": conversations, "messages": len(samples), "pause_lecture": pause, "tours": len(runs),
        "echecs_http": sum(1 for s in samples if not s[2]),
        "reponses_exactes_pct": round(100 * sum(1 for s in samples if s[3]) / len(samples), 1),
        "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
        "max_ms": round(float(latencies.max()), 1) if len(latencies) else None,
        "debit_msg_s": round(len(samples) / sum(run["wall"] for run in runs), 2),
        "duree_s": round(sum(run["wall"] for run in runs), 1),
        "charge_machine_avant": [round(run["load"], 2) for run in runs],
        "latences_ms": [round(x, 1) for x in latencies.tolist()],
    }


# --- training --------------------------------------------------------------------------------

def train(config: str, name: str, out: Path) -> dict:
    """Cold training (no Rasa cache), like a first `make train`; wall time and peak memory."""
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    logfile = out / f"train-{name}.log"
    command = [RASA, "train", "--config", config, "--domain", "domain.yml", "--data", "data",
               "--out", str(out), "--fixed-model-name", name, "--num-threads", "2"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=logfile.open("w"), stderr=subprocess.STDOUT,
                               env=env(RASA_MAX_CACHE_SIZE="0", RASA_CACHE_DIRECTORY=str(cache)))
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    shutil.rmtree(cache, ignore_errors=True)
    if process.returncode != 0 or not (out / f"{name}.tar.gz").exists():
        raise RuntimeError(f"entraînement {name} en échec :\n{logfile.read_text()[-3000:]}")
    return {"duree_s": round(elapsed, 1), "memoire_max_mb": round(usage.ru_maxrss / 1024, 1),
            "taille_modele_mb": round((out / f"{name}.tar.gz").stat().st_size / 2**20, 1)}


# --- machine ---------------------------------------------------------------------------------

def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    os_name = next((line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines()
                    if line.startswith("PRETTY_NAME=")), platform.system())

    def version(package):
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return None

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
    return {
        "cpu": cpu, "coeurs": os.cpu_count(), "coeurs_utilisables": len(os.sched_getaffinity(0)),
        "memoire_go": round(mem / 2**20, 1), "systeme": f"{os_name}, noyau {platform.release()}",
        "python": platform.python_version(), "rasa": version("rasa"), "rasa_sdk": version("rasa-sdk"),
        "tensorflow": version("tensorflow"), "spacy": version("spacy"),
        "commit": commit.stdout.strip() + (" (modifié)" if dirty.stdout.strip() else ""),
        "charge_debut": [round(x, 2) for x in os.getloadavg()],
    }


# --- report ----------------------------------------------------------------------------------

def ratio(a, b):
    return round(a / b, 2) if a is not None and b not in (None, 0) else None


def fmt(x, unit=""):
    if x is None:
        return "—"
    if isinstance(x, float):
        x = round(x) if x >= 100 else round(x, 1) if x >= 10 else round(x, 2)
    return f"{x}{unit}".replace(".", ",")


def throughput(variant: dict):
    """Messages per second at saturation: the best of the runs without pause."""
    values = [s["debit_msg_s"] for s in variant["scenarios"].values() if not s["pause_lecture"]]
    return max(values) if values else None


def targets(result: dict, name: str) -> list:
    """The performance targets the bench checks (latency, throughput against the reference, start-up, memory,
    training), each as (what, the figure, whether it is met)."""
    ours, ref = result["variantes"].get(name), result["variantes"].get("reference")
    rows = []
    if ours and "scenarios" in ours:
        for scenario in ("20 conv.", "50 conv."):
            p95 = ours["scenarios"].get(scenario, {}).get("p95_ms")
            rows.append((f"p95 à {scenario[:2]} conversations (avec pause) ≤ 150 ms", fmt(p95, " ms"),
                         p95 is not None and p95 <= 150))
        if ref:
            r = ratio(throughput(ours), throughput(ref))
            rows.append(("débit à saturation, un worker, ≥ 3 × référence", f"{fmt(r)} ×", r is not None and r >= 3))
        start = ours["demarrage"]["premiere_reponse_s"]
        rows.append(("démarrage (jusqu'à la 1re réponse) ≤ 10 s", fmt(start, " s"), start <= 10))
        rss = ours["memoire_max_mb"]["rasa"]["total"]
        rows.append(("mémoire maximale de Rasa ≤ 1,0 Go", fmt(rss, " Mo"), rss <= 1024))
        training = result["entrainement"].get("ours")
        if training:
            rows.append(("entraînement sans cache ≤ 60 s", fmt(training["duree_s"], " s"), training["duree_s"] <= 60))
    return rows


def comparison_rows(left: dict, right: dict, scenario_names, ratio_of) -> list:
    """Table rows comparing two variants of one run: latencies, throughput, start, memory."""
    rows = []
    for sc in scenario_names:
        for q in ("p50_ms", "p95_ms"):
            a, b = left["scenarios"][sc][q], right["scenarios"][sc][q]
            rows.append(f"| {q[:3]} {sc} (ms) | {fmt(a)} | {fmt(b)} | {fmt(ratio_of(a, b))} |")
    measures = [("débit à saturation (msg/s)", throughput),
                ("démarrage jusqu'à la 1re réponse (s)", lambda v: v["demarrage"]["premiere_reponse_s"]),
                ("mémoire max Rasa (Mo)", lambda v: v["memoire_max_mb"]["rasa"]["total"])]
    for label, value in measures:
        a, b = value(left), value(right)
        rows.append(f"| {label} | {fmt(a)} | {fmt(b)} | {fmt(ratio_of(a, b))} |")
    return rows


def markdown(result: dict, plot_name: str) -> str:
    m, variants = result["machine"], result["variantes"]
    names = list(variants)
    scenario_names = list(next(iter(variants.values()))["scenarios"]) if variants else []
    lines = [f"# Mesures — {result['date']}{' (--quick)' if result['quick'] else ''}", "",
             f"Machine : {m['cpu']}, {m['coeurs']} cœurs ({m['coeurs_utilisables']} utilisables), "
             f"{fmt(m['memoire_go'])} Go de RAM ; {m['systeme']} ; Python {m['python']}, Rasa {m['rasa']}, "
             f"rasa-sdk {m['rasa_sdk']}, TensorFlow {m['tensorflow']}, spaCy {m['spacy']} ; commit {m['commit']}. "
             f"Charge moyenne (1 min) au début : {fmt(m['charge_debut'][0])}, à la fin : {fmt(result['charge_fin'][0])}.",
             "",
             "> Machine **partagée et bruyante** (d'autres travaux tournent sur les mêmes 2 cœurs, et le "
             "générateur de charge aussi) : comparer les variantes **mesurées dans la même exécution**, "
             "pas des exécutions différentes ; les chiffres cités sont des médianes et des rapports.",
             "", "## Latence par message (ms) et débit", "",
             "« N conv. » : N conversations ouvertes en même temps, chaque élève lit la réponse et écrit "
             f"pendant {fmt(THINK[0])} à {fmt(THINK[1])} s avant le message suivant (un élève réel met plus). "
             "« sans pause » : chaque élève renvoie un message dès la réponse reçue (saturation : "
             "le débit maximal de la machine). « exactes » : réponses qui contiennent le fait attendu.", "",
             "| Scénario | Variante | p50 | p95 | p99 | débit (msg/s) | exactes | échecs HTTP |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for s in scenario_names:
        for n in names:
            x = variants[n]["scenarios"][s]
            lines.append(f"| {s} | {LABELS[n]} | {fmt(x['p50_ms'])} | {fmt(x['p95_ms'])} | {fmt(x['p99_ms'])} | "
                         f"{fmt(x['debit_msg_s'])} | {fmt(x['reponses_exactes_pct'])} % | {x['echecs_http']} |")
    lines += ["", "## Démarrage, mémoire, entraînement", "",
              "| Variante | démarrage Rasa (prêt) | 1re réponse | serveur d'actions | mémoire max Rasa | "
              "mémoire max serveur d'actions | entraînement | mémoire max entraînement |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for n in names:
        v = variants[n]
        t = result["entrainement"].get(n)  # variants of our model share its training
        rasa_mem = v["memoire_max_mb"]["rasa"]
        detail = f" ({' + '.join(fmt(k) for k in [rasa_mem['processus']] + rasa_mem['enfants'])})" \
            if rasa_mem["enfants"] else ""
        lines.append(f"| {LABELS[n]} | {fmt(v['demarrage']['rasa_pret_s'], ' s')} | "
                     f"{fmt(v['demarrage']['premiere_reponse_s'], ' s')} | {fmt(v['demarrage']['serveur_actions_s'], ' s')} | "
                     f"{fmt(rasa_mem['total'], ' Mo')}{detail} | {fmt(v['memoire_max_mb']['serveur_actions']['total'], ' Mo')} | "
                     f"{fmt(t['duree_s'], ' s') if t else '—'} | {fmt(t['memoire_max_mb'], ' Mo') if t else '—'} |")
    if "ours" in variants and "reference" in variants:
        o, r = variants["ours"], variants["reference"]
        lines += ["", "## Rapports notre pipeline / référence (mesurés dans cette exécution)", "",
                  "Latence, démarrage, mémoire, entraînement : < 1 = nous sommes meilleurs. Débit : > 1 = meilleurs.", "",
                  "| Mesure | notre pipeline | référence | rapport |", "|---|---:|---:|---:|"]
        lines += comparison_rows(o, r, scenario_names, ratio)
        to, tr = result["entrainement"].get("ours"), result["entrainement"].get("reference")
        if to and tr:
            lines.append(f"| entraînement (s) | {fmt(to['duree_s'])} | {fmt(tr['duree_s'])} | "
                         f"{fmt(ratio(to['duree_s'], tr['duree_s']))} |")
        a = [o["scenarios"][s]["reponses_exactes_pct"] for s in scenario_names]
        b = [r["scenarios"][s]["reponses_exactes_pct"] for s in scenario_names]
        lines.append(f"| réponses exactes (%) | {fmt(min(a))}–{fmt(max(a))} | {fmt(min(b))}–{fmt(max(b))} | |")
    if "ours" in variants and "ours_2workers" in variants:
        lines += ["", f"## {LABELS['ours_2workers']} / {LABELS['ours']} (même modèle, même exécution)", "",
                  "| Mesure | notre pipeline | variante | rapport |", "|---|---:|---:|---:|"]
        lines += comparison_rows(variants["ours"], variants["ours_2workers"], scenario_names,
                                 lambda a, b: ratio(b, a))
    if result.get("catalogue"):
        lines += [""] + catalogue.markdown(result["catalogue"])
    rows = targets(result, "ours")
    if rows:
        lines += ["", "## Objectifs de performance", "", "| Objectif | mesuré | atteint |", "|---|---:|:---:|"]
        lines += [f"| {label} | {value} | {'oui' if ok else '**non**'} |" for label, value, ok in rows]
    lines += ["", f"![Latence selon le nombre de conversations]({plot_name})", "",
              f"Données complètes (toutes les latences) : `{result['fichier_json']}`. "
              "Relancer : `make bench` (complet : environ 25 min sur 2 cœurs, dont 16 min d'entraînement de "
              "la référence) ou `make bench BENCH_ARGS=--quick`.", ""]
    return "\n".join(lines)


def plot(result: dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
    for ax, pause, title in ((axes[0], True, "avec pause de lecture (1–3 s)"),
                             (axes[1], False, "sans pause (saturation)")):
        for n, v in result["variantes"].items():
            points = [(1, v["scenarios"]["1 élève"])]
            points += [(s["conversations"], s) for name, s in v["scenarios"].items()
                       if name != "1 élève" and s["pause_lecture"] == pause]
            xs = [p[0] for p in points]
            line, = ax.plot(xs, [p[1]["p50_ms"] for p in points], marker="o", label=f"{LABELS[n]} p50")
            ax.plot(xs, [p[1]["p95_ms"] for p in points], marker="^", linestyle="--", color=line.get_color(),
                    label=f"{LABELS[n]} p95")
        ax.axhline(150, color="grey", linewidth=0.8, linestyle=":")
        ax.set_title(title)
        ax.set_xlabel("conversations simultanées")
        ax.set_xticks([1, 20, 50])
        ax.set_yscale("log")
        ax.grid(True, which="both", alpha=0.3)
    axes[0].set_ylabel("latence par message (ms)")
    axes[1].legend(fontsize=7, loc="upper left")
    fig.suptitle(f"Latence selon la charge — {result['machine']['cpu']}, {result['machine']['coeurs']} cœurs "
                 f"(machine partagée)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# --- main ------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="moins de messages, pour essayer")
    parser.add_argument("--no-train", metavar="DIR", help="ne pas entraîner : DIR/ours.tar.gz et DIR/reference.tar.gz")
    parser.add_argument("--keep-models", metavar="DIR", help="entraîner dans DIR (gardé) au lieu d'un dossier temporaire")
    parser.add_argument("--variants", default=",".join(DEFAULT_VARIANTS),
                        help=f"parmi {','.join(VARIANTS)} (par défaut {','.join(DEFAULT_VARIANTS)})")
    parser.add_argument("--report", metavar="JSON", help="seulement refaire latest.md et le graphique depuis un JSON")
    parser.add_argument("--catalogue", action="store_true",
                        help="seulement le scénario catalogue (1, 100, 600 et 1 600 métiers aux titres réels du ROME), "
                             "avec le modèle de make train")
    args = parser.parse_args()
    if args.report:
        result = json.loads(Path(args.report).read_text())
        return write_report(result, Path(args.report).resolve().with_suffix(".png"))
    variants = [] if args.catalogue else [v for v in args.variants.split(",") if v]
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        parser.error(f"variantes inconnues : {', '.join(sorted(unknown))}")

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    work = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    result = {"date": dt.datetime.now().isoformat(timespec="seconds"), "quick": args.quick,
              "machine": machine(), "entrainement": {}, "variantes": {},
              "pause_lecture_s": THINK, "script": [m for m, _, _ in SCRIPT],
              "fichier_json": f"bench/results/{stamp}.json"}
    log(f"Machine : {result['machine']['cpu']}, {result['machine']['coeurs']} cœurs, "
        f"charge {result['machine']['charge_debut']}")
    redis, stacks = None, {}
    try:
        if args.catalogue:
            models = ROOT / "models"
        elif args.no_train:
            models = Path(args.no_train)
        else:
            models = Path(args.keep_models) if args.keep_models else work / "models"
            models.mkdir(parents=True, exist_ok=True)
            for name, config in (("ours", "config.yml"), ("reference", "bench/reference_config.yml")):
                if not any(VARIANTS[v][0] == name for v in variants):
                    continue
                log(f"Entraînement {name} ({config}), sans cache…")
                result["entrainement"][name] = train(config, name, models)
                log(f"  {result['entrainement'][name]}")
        # Every variant runs at the same time (idle when not measured); the scenarios then go
        # round-robin over the variants, in several rounds, so that the load of the other jobs
        # of a shared machine falls on all of them alike.
        stacks = {}
        for name in variants:
            model_name, endpoints, credentials, extra, needs_redis = VARIANTS[name]
            model = models / f"{model_name}.tar.gz"
            if args.no_train and model_name == "ours" and not model.exists():
                model = ROOT / "models" / "assistant.tar.gz"  # the model `make train` built
                log(f"{models / 'ours.tar.gz'} absent : {model.relative_to(ROOT)} à la place")
            if not model.exists():
                raise SystemExit(f"Modèle introuvable : {model}")
            if needs_redis:
                if not shutil.which("redis-server") and not os.path.exists("/usr/bin/redis-server"):
                    log(f"{name} : redis-server absent (scripts/system_deps.sh), variante sautée")
                    continue
                redis = redis or Redis(work).start()
                extra = {**extra, **redis.env()}
            tmp = work / name
            tmp.mkdir()
            stacks[name] = stack = BenchStack(tmp, model, endpoints, credentials, extra)
            log(f"{LABELS[name]} : démarrage…")
            startup = stack.start()  # started one at a time: the start time is measured alone
            log(f"  {startup}")
            for _ in range(5):  # warm-up, not measured
                send(http.client.HTTPConnection("127.0.0.1", stack.rasa_port, timeout=60),
                     f"bench-chauffe-{uuid.uuid4().hex[:6]}", "combien gagne un débutant ?")
            result["variantes"][name] = {
                "modele": model_name, "endpoints": endpoints, "demarrage": startup,
                "environnement": {k: str(v) for k, v in extra.items() if "PASSWORD" not in k}}
        plan = scenarios(args.quick)
        runs = {name: {scenario[0]: [] for scenario in plan} for name in stacks}
        rounds = 0 if not stacks else 1 if args.quick else 2
        for round_index in range(rounds):
            for scenario, conversations, messages, pause in plan:
                order = list(stacks)[round_index % len(stacks):] + list(stacks)[:round_index % len(stacks)]
                for name in order:
                    run = run_scenario(stacks[name].rasa_port, scenario, conversations, messages, pause)
                    runs[name][scenario].append(run)
                    latencies = sorted((e - s) * 1000 for s, e, ok, _ in run["samples"] if ok)
                    log(f"  tour {round_index + 1} {scenario:<20} {LABELS[name]:<42} "
                        f"médiane {latencies[len(latencies) // 2] if latencies else float('nan'):.0f} ms, "
                        f"{len(run['samples']) / run['wall']:.1f} msg/s")
        if args.catalogue or not args.quick:
            model = models / "ours.tar.gz" if (models / "ours.tar.gz").exists() else ROOT / "models" / "assistant.tar.gz"
            log(f"Catalogue : {', '.join(map(str, catalogue.SIZES))} métiers ({model.name})…")
            result["catalogue"] = catalogue.measure(work, model, args.quick, log, peak_rss_mb)
        for name, stack in stacks.items():
            result["variantes"][name]["scenarios"] = {
                scenario: summarize(runs[name][scenario], conversations, pause)
                for scenario, conversations, _, pause in plan}
            result["variantes"][name]["memoire_max_mb"] = stack.memory()
            log(f"{LABELS[name]} : mémoire max {result['variantes'][name]['memoire_max_mb']}")
    finally:
        for stack in stacks.values():
            stack.stop()
        if redis:
            redis.stop()
        shutil.rmtree(work, ignore_errors=True)

    result["charge_fin"] = [round(x, 2) for x in os.getloadavg()]
    json_path = RESULTS / f"{stamp}.json"
    json_path.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    log(f"Résultats : {json_path.relative_to(ROOT)}")
    return write_report(result, RESULTS / f"{stamp}.png")


def write_report(result: dict, png: Path) -> int:
    if not result["variantes"]:  # the catalogue scenario alone: its own report, latest.md untouched
        report = "\n".join([f"# Catalogue — {result['date']}{' (--quick)' if result['quick'] else ''}", "",
                             f"Machine : {result['machine']['cpu']}, commit {result['machine']['commit']}.", ""]
                            + catalogue.markdown(result["catalogue"]))
        (RESULTS / "latest-catalogue.md").write_text(report)
        print("\n" + report)
        log("Rapport : bench/results/latest-catalogue.md")
        return 0
    plot(result, png)
    shutil.copyfile(png, RESULTS / "latest.png")
    report = markdown(result, "latest.png")
    (RESULTS / "latest.md").write_text(report)
    print("\n" + report)
    log(f"Rapport : bench/results/latest.md, graphique : {png} et bench/results/latest.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
