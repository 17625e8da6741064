#!/usr/bin/env python3
"""`make report` : le rapport de qualité de la compréhension, lisible par un formateur.

Le modèle entraîné lit chaque phrase des fichiers de test (`tests/nlu/`, des phrases jamais vues à
l'entraînement) et on compare l'intention reconnue à l'intention attendue. Le dossier `reports/`
reçoit :

    rapport.md      le résumé en tête, le tableau par intention, les phrases mal comprises
    intentions.csv  précision, rappel, F1 et nombre de phrases de test de chaque intention
    erreurs.csv     les phrases mal comprises (attendue, reconnue, confiance)
    confusion.png   la matrice de confusion

Les CSV sont au format d'Excel en français : séparateur « ; », virgule décimale, UTF-8.
Une phrase envoyée à la clarification (confiance sous le seuil, intention `nlu_fallback`) compte
comme une erreur, comme dans tests/stack/test_nlu.py.

    python -m trainer.report                                  # modèle et dossier par défaut
    python -m trainer.report --modele m.tar.gz --sortie /tmp/r
"""
import argparse
import asyncio
import csv
import datetime
import logging
import os
import sys
import warnings
from pathlib import Path
from typing import Dict, List, Optional

from trainer.project import HELD_OUT_DIR, ROOT, Project

FALLBACK = "nlu_fallback"
CLARIFICATION = "clarification"  # nom lisible de nlu_fallback dans le rapport


# -- lecture ------------------------------------------------------------------------------------
def held_out(project: Project) -> List[dict]:
    """Les phrases de test de tests/nlu/ : [{fichier, phrase, attendue}]."""
    return [{"fichier": s.path.name, "phrase": s.text, "attendue": s.intent} for s in project.held_out()]


def predict(model: Path, rows: List[dict]) -> None:
    """Ajoute à chaque ligne : reconnue, confiance, plus_probable, confiance_plus_probable."""
    from rasa.core.agent import Agent
    agent = Agent.load(str(model))

    async def parse_all():
        return [await agent.parse_message(row["phrase"]) for row in rows]

    for row, parsed in zip(rows, asyncio.run(parse_all())):
        intent = parsed.get("intent") or {}
        row["reconnue"] = intent.get("name") or FALLBACK
        row["confiance"] = float(intent.get("confidence") or 0.0)
        # Sous le seuil, l'intention est nlu_fallback ; on garde le sujet que le modèle pensait probable.
        ranking = [r for r in parsed.get("intent_ranking") or [] if r.get("name") != FALLBACK]
        best = ranking[0] if ranking else {"name": "", "confidence": 0.0}
        row["plus_probable"] = best["name"]
        row["confiance_plus_probable"] = float(best["confidence"] or 0.0)


# -- calculs ------------------------------------------------------------------------------------
def metrics(rows: List[dict], labels: List[str]) -> Dict[str, dict]:
    """Par intention : support, bien_reconnues, attribuees_a_tort, precision, rappel, f1 (None si indéfini)."""
    table = {}
    for label in labels:
        support = sum(1 for r in rows if r["attendue"] == label)
        tp = sum(1 for r in rows if r["attendue"] == label and r["reconnue"] == label)
        fp = sum(1 for r in rows if r["attendue"] != label and r["reconnue"] == label)
        precision = tp / (tp + fp) if tp + fp else (0.0 if support else None)
        recall = tp / support if support else None
        if precision is None or recall is None:
            f1 = None
        else:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = dict(support=support, bien_reconnues=tp, attribuees_a_tort=fp,
                            precision=precision, rappel=recall, f1=f1)
    return table


def summary(rows: List[dict], table: Dict[str, dict]) -> dict:
    total = len(rows)
    correct = sum(1 for r in rows if r["reconnue"] == r["attendue"])
    supported = {k: v for k, v in table.items() if v["support"]}
    weighted_f1 = sum(v["f1"] * v["support"] for v in supported.values()) / max(1, total)
    weakest = sorted(supported, key=lambda k: (supported[k]["f1"], -supported[k]["support"], k))[:3]
    fallback = sum(1 for r in rows if r["reconnue"] == FALLBACK)
    return dict(total=total, correct=correct, accuracy=correct / max(1, total), weighted_f1=weighted_f1,
                weakest=weakest, fallback=fallback)


# -- mise en forme ------------------------------------------------------------------------------
def dec(value: Optional[float], digits: int = 2) -> str:
    """0.9456 -> "0,95" ; None -> "—"."""
    return "—" if value is None else f"{value:.{digits}f}".replace(".", ",")


def pct(value: float) -> str:
    """0.9456 -> "94,6 %"."""
    return f"{value * 100:.1f}".replace(".", ",") + "\u00a0%"


def label_of(intent: str) -> str:
    return CLARIFICATION if intent == FALLBACK else intent


def md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_csv(path: Path, header: List[str], lines: List[list]) -> None:
    # UTF-8 avec BOM et « ; » : Excel en français l'ouvre directement en colonnes.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(lines)


def write_intentions_csv(path: Path, table: Dict[str, dict]) -> None:
    write_csv(path, ["intention", "precision", "rappel", "f1", "support", "bien_reconnues", "attribuees_a_tort"],
              [[k, "" if v["precision"] is None else dec(v["precision"], 3),
                "" if v["rappel"] is None else dec(v["rappel"], 3),
                "" if v["f1"] is None else dec(v["f1"], 3), v["support"], v["bien_reconnues"],
                v["attribuees_a_tort"]] for k, v in table.items()])


def errors_of(rows: List[dict]) -> List[dict]:
    wrong = [r for r in rows if r["reconnue"] != r["attendue"]]
    return sorted(wrong, key=lambda r: (r["attendue"], -r["confiance"], r["phrase"]))


def write_errors_csv(path: Path, errors: List[dict]) -> None:
    write_csv(path, ["fichier", "phrase", "attendue", "reconnue", "confiance", "plus_probable",
                     "confiance_plus_probable"],
              [[r["fichier"], r["phrase"], r["attendue"], r["reconnue"], dec(r["confiance"], 3),
                r["plus_probable"], dec(r["confiance_plus_probable"], 3)] for r in errors])


def plot_confusion(path: Path, rows: List[dict], labels: List[str]) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    columns = labels + [FALLBACK]
    index = {label: i for i, label in enumerate(columns)}
    counts = np.zeros((len(labels), len(columns)), dtype=int)
    for r in rows:
        if r["attendue"] in index and r["reconnue"] in index:
            counts[index[r["attendue"]], index[r["reconnue"]]] += 1
    # Couleur : part des phrases de la ligne (la diagonale foncée = bien reconnue).
    shares = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)

    size = max(8.0, 0.42 * len(columns) + 3)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    for i in range(counts.shape[0]):
        for j in range(counts.shape[1]):
            if counts[i, j]:
                off_diagonal = i != j
                ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=8,
                        fontweight="bold" if off_diagonal else "normal",
                        color="white" if shares[i, j] > 0.5 else ("#b00020" if off_diagonal else "black"))
    ax.set_xticks(range(len(columns)))
    ax.set_xticklabels([label_of(c) for c in columns], rotation=60, ha="right", rotation_mode="anchor",
                       fontsize=9)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels, fontsize=9)
    ax.set_xlabel("Intention reconnue par l'assistant", fontsize=11)
    ax.set_ylabel("Intention attendue", fontsize=11)
    ax.set_title("Matrice de confusion : chaque case hors de la diagonale (en rouge)\n"
                 "est un sujet pris pour un autre. Nombre de phrases de test.", fontsize=12)
    ax.set_xticks(np.arange(-0.5, len(columns)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(labels)), minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    bar = fig.colorbar(image, ax=ax, fraction=0.035, pad=0.02)
    bar.set_label("Part des phrases de l'intention attendue", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def report_markdown(rows: List[dict], table: Dict[str, dict], s: dict, project: Project, model: Path) -> str:
    rel = project.rel
    trained = datetime.datetime.fromtimestamp(model.stat().st_mtime).strftime("%d/%m/%Y à %H:%M")
    now = datetime.datetime.now().strftime("%d/%m/%Y à %H:%M")
    out = ["# Rapport de qualité de l'assistant", "",
           f"_Rapport du {now}, modèle `{rel(model)}` entraîné le {trained}._", "",
           "## En bref", ""]
    per_file = []
    for path in project.held_out_files():
        mine = [r for r in rows if r["fichier"] == path.name]
        ok = sum(1 for r in mine if r["reconnue"] == r["attendue"])
        per_file.append(f"`{rel(path)}` : {len(mine)} phrases, {pct(ok / max(1, len(mine)))} de justesse")
    out.append(f"- **{s['total']} phrases de test**, jamais vues à l'entraînement ({' ; '.join(per_file)}).")
    out.append(f"- **Justesse : {pct(s['accuracy'])}** : {s['correct']} phrases sur {s['total']} "
               "reconnues avec la bonne intention.")
    out.append(f"- **F1 pondéré : {dec(s['weighted_f1'])}** (1 = parfait ; moyenne des F1 de chaque intention, "
               "pondérée par son nombre de phrases).")
    weak = [f"**{k}** (F1 {dec(table[k]['f1'])}, {table[k]['support'] - table[k]['bien_reconnues']} phrase(s) "
            f"sur {table[k]['support']} non reconnue(s))" for k in s["weakest"]]
    out.append(f"- **Les 3 intentions les plus faibles** : {', '.join(weak)}.")
    out.append(f"- **Clarification** : {s['fallback']} phrase(s) sur {s['total']} "
               f"({pct(s['fallback'] / max(1, s['total']))}) sont allées à la clarification : l'assistant, pas "
               "assez sûr, a proposé des sujets au lieu de répondre. Elles comptent comme des erreurs ici.")
    out += ["",
            "Fichiers : `intentions.csv` (le tableau ci-dessous), `erreurs.csv` (les phrases mal comprises), "
            "`confusion.png` (la matrice de confusion). Les CSV s'ouvrent dans Excel ou LibreOffice "
            "(séparateur « ; »).", "",
            "## Comment lire ce rapport", "",
            "- **Précision** : quand l'assistant choisit ce sujet, a-t-il raison ? (0,90 = 9 fois sur 10)",
            "- **Rappel** : quand un élève parle de ce sujet, l'assistant le reconnaît-il ?",
            "- **F1** : les deux ensemble, 1 = parfait. Un sujet sous 0,85 mérite des exemples en plus.",
            "- Pour améliorer un sujet faible ou confondu avec un autre : ajoutez des exemples variés dans "
            "`data/nlu/<sujet>.yml`, en pensant à ce qui le distingue de l'autre, puis `make check`, "
            "`make train` et `make report` pour comparer.", "",
            "![Matrice de confusion](confusion.png)", "",
            "## Intentions", "",
            "| Intention | Précision | Rappel | F1 | Phrases de test | Bien reconnues | Attribuées à tort |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for k, v in table.items():
        out.append(f"| {k} | {dec(v['precision'])} | {dec(v['rappel'])} | {dec(v['f1'])} | {v['support']} | "
                   f"{v['bien_reconnues']} | {v['attribuees_a_tort']} |")
    out.append(f"| **Total** | | | **{dec(s['weighted_f1'])}** (pondéré) | **{s['total']}** | "
               f"**{s['correct']}** | |")
    no_test = [k for k, v in table.items() if not v["support"]]
    if no_test:
        out += ["", f"Intentions sans phrase de test (à ajouter dans `tests/nlu/`) : {', '.join(no_test)}."]

    errors = errors_of(rows)
    out += ["", f"## Phrases mal comprises ({len(errors)})", ""]
    if not errors:
        out.append("Aucune : toutes les phrases de test sont reconnues.")
    else:
        out += ["« clarification » : l'assistant n'était pas assez sûr ; entre parenthèses, le sujet qu'il "
                "pensait le plus probable.", "",
                "| Phrase | Attendue | Reconnue | Confiance | Fichier |", "|---|---|---|---:|---|"]
        for r in errors:
            got = r["reconnue"]
            if got == FALLBACK:
                got = f"clarification ({r['plus_probable']} ?)"
                confidence = dec(r["confiance_plus_probable"])
            else:
                confidence = dec(r["confiance"])
            out.append(f"| {md_cell(r['phrase'])} | {r['attendue']} | {md_cell(got)} | {confidence} | "
                       f"{r['fichier']} |")
    return "\n".join(out) + "\n"


def write_report(out: Path, rows: List[dict], project: Project, model: Path) -> dict:
    """Writes rapport.md, intentions.csv, erreurs.csv and confusion.png from the predicted rows; returns
    the summary. Every intent of domain.yml is a row of the table, in its order."""
    labels = list(project.intents)
    labels += sorted({r["attendue"] for r in rows} - set(labels))
    table = metrics(rows, labels)
    s = summary(rows, table)
    out.mkdir(parents=True, exist_ok=True)
    write_intentions_csv(out / "intentions.csv", table)
    write_errors_csv(out / "erreurs.csv", errors_of(rows))
    plot_confusion(out / "confusion.png", rows, labels)
    (out / "rapport.md").write_text(report_markdown(rows, table, s, project, model), encoding="utf-8")
    return s


def quiet_rasa() -> None:
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # Les bibliothèques (pyparsing, TensorFlow…) annoncent leurs changements futurs, parfois en passant
    # outre les filtres : rien de cela n'intéresse le lecteur du rapport.
    warnings.filterwarnings("ignore")
    warnings.showwarning = lambda *args, **kwargs: None
    logging.basicConfig(level=logging.WARNING)
    for name in ("rasa", "tensorflow", "absl"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    try:
        from rasa.utils.log_utils import configure_structlog
        configure_structlog(logging.WARNING)
    except Exception:  # noqa: BLE001 - le rapport reste utile même si Rasa est bavard
        pass


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Rapport de qualité de la compréhension (reports/).")
    parser.add_argument("--modele", dest="model", metavar="MODELE", type=Path, default=ROOT / "models" / "assistant.tar.gz")
    parser.add_argument("--sortie", dest="output", metavar="SORTIE", type=Path, default=ROOT / "reports", help="dossier du rapport")
    parser.add_argument("--projet", dest="project_dir", metavar="PROJET", type=Path, default=ROOT,
                        help="dossier du projet (domain.yml, tests/nlu/)")
    args = parser.parse_args(argv)

    if not args.model.exists():
        print(f"Aucun modèle : {args.model} n'existe pas. Lancez `make train` (ou `make report`, qui entraîne "
              "d'abord).")
        return 1
    project = Project(args.project_dir)
    rows = held_out(project)
    if not rows:
        print(f"Aucune phrase de test dans {project.rel(project.root / HELD_OUT_DIR)}/ : ajoutez-y des phrases "
              "jamais vues à l'entraînement (voir docs/guide-formateurs.md).")
        return 1
    quiet_rasa()
    print(f"Évaluation de {args.model} sur {', '.join(p.name for p in project.held_out_files())} "
          "(chargement du modèle : environ une minute)…", flush=True)
    predict(args.model, rows)

    s = write_report(args.output, rows, project, args.model)

    print(f"{s['total']} phrases, justesse {pct(s['accuracy'])}, F1 pondéré {dec(s['weighted_f1'])}, "
          f"{s['fallback']} vers la clarification ; plus faibles : {', '.join(s['weakest'])}.")
    print(f"Rapport écrit dans {args.output}/ : rapport.md (à lire d'abord), intentions.csv, erreurs.csv, "
          "confusion.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
