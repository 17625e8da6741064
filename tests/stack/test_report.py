"""`make report`: the quality report, written by trainer/report.py with the trained model.

The numbers of the report are recomputed here from the held-out files (how many sentences each intent
has) and from erreurs.csv (which sentences were misclassified, and as what).
"""
import csv
import re
import struct
import subprocess
from collections import Counter

import pytest
import yaml

from tests.support.helpers import PYTHON, ROOT, project_env

TESTS = [ROOT / "tests" / "nlu" / "test_nlu.yml", ROOT / "tests" / "nlu" / "test_robustesse.yml"]


@pytest.fixture(scope="module")
def report(model_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    result = subprocess.run([PYTHON, str(ROOT / "trainer" / "report.py"), "--modele", str(model_path),
                             "--sortie", str(out)], cwd=ROOT, env=project_env(PYTHONWARNINGS="ignore"),
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out, result.stdout


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def number(text):
    return float(text.replace(",", ".")) if text.strip() not in ("", "—") else None


def domain_intents():
    intents = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"]
    return [next(iter(i)) if isinstance(i, dict) else i for i in intents]


def held_out_support():
    support = Counter()
    for path in TESTS:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" in item:
                support[item["intent"]] += sum(1 for line in item["examples"].splitlines()
                                               if line.strip().startswith("-"))
    return support


def recomputed(errors):
    """intent -> (precision, recall, f1, support) from the held-out files and the list of errors."""
    support = held_out_support()
    missed = Counter(e["attendue"] for e in errors)
    wrongly = Counter(e["reconnue"] for e in errors)
    table = {}
    for intent in domain_intents():
        tp = support[intent] - missed[intent]
        fp = wrongly[intent]
        precision = tp / (tp + fp) if tp + fp else (0.0 if support[intent] else None)
        recall = tp / support[intent] if support[intent] else None
        f1 = None if precision is None or recall is None else (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        table[intent] = (precision, recall, f1, support[intent])
    return table


def md_table(markdown):
    section = markdown.split("## Intentions", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0] not in ("Intention", "**Total**") and not cells[0].startswith("---"):
            rows[cells[0]] = cells
    return rows


def test_report_files_exist_and_the_picture_is_a_png(report):
    out, _ = report
    for name in ("rapport.md", "intentions.csv", "erreurs.csv", "confusion.png"):
        assert (out / name).stat().st_size > 0, name
    png = (out / "confusion.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 900 and height >= 900  # room for 25 readable labels


def test_intent_table_matches_a_recomputation(report):
    out, _ = report
    errors = read_csv(out / "erreurs.csv")
    assert errors and set(errors[0]) >= {"phrase", "attendue", "reconnue", "confiance"}
    expected = recomputed(errors)
    markdown = (out / "rapport.md").read_text(encoding="utf-8")
    table = md_table(markdown)
    assert list(table) == domain_intents()  # every intent of the domain, in its order
    csv_rows = {r["intention"]: r for r in read_csv(out / "intentions.csv")}
    assert list(csv_rows) == domain_intents()
    for intent, (precision, recall, f1, support) in expected.items():
        row = csv_rows[intent]
        for name, value in (("precision", precision), ("rappel", recall), ("f1", f1)):
            got = number(row[name])
            assert (got is None) == (value is None) and (value is None or got == pytest.approx(value, abs=6e-4)), \
                (intent, name, row[name], value)
        assert int(row["support"]) == support
        cells = table[intent]
        for cell, value in zip(cells[1:4], (precision, recall, f1)):
            got = number(cell)
            assert (got is None) == (value is None) and (value is None or got == pytest.approx(value, abs=6e-3)), \
                (intent, cells, value)
        assert int(cells[4]) == support


def test_summary_states_accuracy_weakest_intents_and_clarifications(report):
    out, stdout = report
    errors = read_csv(out / "erreurs.csv")
    total = sum(held_out_support().values())
    accuracy = (total - len(errors)) / total
    markdown = (out / "rapport.md").read_text(encoding="utf-8")
    summary = markdown.split("## En bref", 1)[1].split("\n## ", 1)[0]
    assert markdown.index("## En bref") < markdown.index("## Intentions") < markdown.index("## Phrases mal comprises")

    assert f"**{total} phrases de test**" in summary
    shown = f"{accuracy * 100:.1f}".replace(".", ",")
    assert re.search(rf"Justesse : {shown}\s%", summary), summary
    assert f"{total - len(errors)} phrases sur {total}" in summary

    f1 = {i: v[2] for i, v in recomputed(errors).items() if v[3]}
    weakest = sorted(f1, key=lambda i: (f1[i], -held_out_support()[i], i))[:3]
    weak_line = next(line for line in summary.splitlines() if "plus faibles" in line)
    assert [w for w in re.findall(r"\*\*(\w+)\*\* \(F1", weak_line)] == weakest

    clarified = sum(1 for e in errors if e["reconnue"] == "nlu_fallback")
    assert f"**Clarification** : {clarified} phrase(s) sur {total}" in summary
    weighted = sum(v * held_out_support()[i] for i, v in f1.items()) / total
    assert f"F1 pondéré : {weighted:.2f}".replace(".", ",") in summary
    assert "justesse" in stdout


def test_misclassified_sentences_are_listed(report):
    out, _ = report
    errors = read_csv(out / "erreurs.csv")
    markdown = (out / "rapport.md").read_text(encoding="utf-8")
    listed = markdown.split("## Phrases mal comprises", 1)[1]
    assert f"({len(errors)})" in listed.splitlines()[0]
    for e in errors:
        assert e["phrase"].replace("|", "\\|") in listed
        assert e["attendue"] != e["reconnue"]
