"""`make report` (python -m trainer.report): the metrics on a small case computed by hand, the files of
the report agreeing with a known small input, and the real report on the trained model."""
import csv
import re
import struct
import subprocess
from collections import Counter

import pytest

from tests.support.helpers import PYTHON, ROOT, project_env
from trainer import report
from trainer.project import Project

# A tiny evaluation, worked out by hand:
#   a: 2 sentences, 1 recognised, 1 taken for b           -> precision 1/1, recall 1/2, F1 2/3
#   b: 2 sentences, 1 recognised, 1 sent to clarification -> precision 1/2 (a's sentence), recall 1/2, F1 1/2
#   c: no test sentence, never predicted                  -> nothing defined
ROWS = [
    {"fichier": "test_nlu.yml", "phrase": "phrase a1", "attendue": "a", "reconnue": "a"},
    {"fichier": "test_nlu.yml", "phrase": "phrase a2 | barre", "attendue": "a", "reconnue": "b"},
    {"fichier": "test_nlu.yml", "phrase": "phrase b1", "attendue": "b", "reconnue": "b"},
    {"fichier": "test_nlu.yml", "phrase": "phrase b2", "attendue": "b", "reconnue": "nlu_fallback"},
]
for row in ROWS:
    row.update(confiance=0.9, plus_probable=row["attendue"], confiance_plus_probable=0.4)


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_metrics_of_a_small_case_computed_by_hand():
    table = report.metrics(ROWS, ["a", "b", "c"])
    assert (table["a"]["precision"], table["a"]["rappel"]) == (1.0, 0.5)
    assert table["a"]["f1"] == pytest.approx(2 / 3)
    assert (table["b"]["precision"], table["b"]["rappel"], table["b"]["f1"]) == (0.5, 0.5, 0.5)
    assert (table["b"]["bien_reconnues"], table["b"]["attribuees_a_tort"]) == (1, 1)
    assert table["c"] == dict(support=0, bien_reconnues=0, attribuees_a_tort=0, precision=None, rappel=None,
                              f1=None)
    s = report.summary(ROWS, table)
    assert (s["total"], s["correct"], s["accuracy"], s["fallback"]) == (4, 2, 0.5, 1)
    assert s["weighted_f1"] == pytest.approx((2 / 3 * 2 + 0.5 * 2) / 4)
    assert s["weakest"] == ["b", "a"]


def test_an_intent_predicted_but_never_expected_has_precision_zero():
    rows = [{"attendue": "a", "reconnue": "c"}]
    table = report.metrics(rows, ["a", "c"])
    assert (table["a"]["rappel"], table["a"]["f1"]) == (0.0, 0.0)
    assert (table["c"]["precision"], table["c"]["rappel"]) == (0.0, None)


@pytest.fixture
def small_report(tmp_path):
    project = tmp_path / "projet"
    (project / "tests" / "nlu").mkdir(parents=True)
    (project / "domain.yml").write_text('version: "3.1"\nintents:\n- a\n- b\n- c\n', encoding="utf-8")
    (project / "tests" / "nlu" / "test_nlu.yml").write_text(
        'version: "3.1"\nnlu:\n- intent: a\n  examples: |\n    - phrase a1\n    - phrase a2 | barre\n'
        "- intent: b\n  examples: |\n    - phrase b1\n    - phrase b2\n", encoding="utf-8")
    model = tmp_path / "modele.tar.gz"
    model.write_bytes(b"")
    out = tmp_path / "reports"
    report.write_report(out, [dict(r) for r in ROWS], Project(project), model)
    return out


def test_report_files_agree_with_the_small_case(small_report):
    out = small_report
    rows = {r["intention"]: r for r in read_csv(out / "intentions.csv")}
    assert list(rows) == ["a", "b", "c"]
    assert [rows["a"][k] for k in ("precision", "rappel", "f1", "support")] == ["1,000", "0,500", "0,667", "2"]
    assert [rows["b"][k] for k in ("precision", "rappel", "f1", "support")] == ["0,500", "0,500", "0,500", "2"]
    assert [rows["c"][k] for k in ("precision", "rappel", "f1", "support")] == ["", "", "", "0"]
    errors = read_csv(out / "erreurs.csv")
    assert [(e["phrase"], e["attendue"], e["reconnue"]) for e in errors] == [
        ("phrase a2 | barre", "a", "b"), ("phrase b2", "b", "nlu_fallback")]

    markdown = (out / "rapport.md").read_text(encoding="utf-8")
    summary = markdown.split("## En bref", 1)[1].split("\n## ", 1)[0]
    assert "**4 phrases de test**" in summary and "`tests/nlu/test_nlu.yml` : 4 phrases, 50,0\u00a0%" in summary
    assert "**Justesse : 50,0\u00a0%** : 2 phrases sur 4" in summary
    assert "**F1 pondéré : 0,58**" in summary
    assert re.findall(r"\*\*(\w+)\*\* \(F1", summary) == ["b", "a"]
    assert "**Clarification** : 1 phrase(s) sur 4" in summary
    assert "| a | 1,00 | 0,50 | 0,67 | 2 | 1 | 0 |" in markdown
    assert "Intentions sans phrase de test (à ajouter dans `tests/nlu/`) : c." in markdown
    listed = markdown.split("## Phrases mal comprises", 1)[1]
    assert listed.startswith(" (2)")
    assert "| phrase a2 \\| barre | a | b | 0,90 |" in listed          # a « | » cannot break the table
    assert "| phrase b2 | b | clarification (b ?) | 0,40 |" in listed  # the topic it thought likely


def png_size(path):
    png = path.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def test_the_confusion_picture_is_a_png(small_report):
    assert min(png_size(small_report / "confusion.png")) > 0


# -- the real report, on the trained model ---------------------------------------------------------
@pytest.fixture(scope="module")
def real_report(model_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    result = subprocess.run([PYTHON, "-m", "trainer.report", "--modele", str(model_path), "--sortie", str(out)],
                            cwd=ROOT, env=project_env(PYTHONWARNINGS="ignore"), capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out, result.stdout


def test_the_real_report_covers_every_intent_and_every_held_out_sentence(real_report):
    out, stdout = real_report
    project = Project(ROOT)
    support = Counter(s.intent for s in project.held_out())
    rows = read_csv(out / "intentions.csv")
    assert [r["intention"] for r in rows] == list(project.intents)
    assert {r["intention"]: int(r["support"]) for r in rows if int(r["support"])} == dict(support)
    errors = read_csv(out / "erreurs.csv")
    assert all(e["attendue"] != e["reconnue"] for e in errors)
    total = sum(support.values())
    markdown = (out / "rapport.md").read_text(encoding="utf-8")
    assert f"{total - len(errors)} phrases sur {total}" in markdown
    assert f"## Phrases mal comprises ({len(errors)})" in markdown
    assert "justesse" in stdout
    width, height = png_size(out / "confusion.png")
    assert width >= 900 and height >= 900  # room for every intent's label, readable
