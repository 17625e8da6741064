"""`make review` / `make review-import` end to end.

Real REST conversations go through the running stack into its SQLite tracker store; the export runs
on a copy of that database, the file is annotated as a trainer would (editing the text file), and the
import writes into a temporary copy of the project. What the export must contain is computed from the
confidences stored in the database, not guessed.
"""
import difflib
import hashlib
import json
import shutil
import sqlite3
import subprocess

import pytest
import yaml

from tests.support.helpers import PYTHON, ROOT, project_env
from trainer.project import Project, block_examples, normalise
from trainer.review.common import annotated_intent
from trainer.review.nlu_file import append_examples, examples_of
from trainer.review.queue import group_similar
from trainer.review.text import one_line

THRESHOLD = 0.7

# (clear question asked first, then an odd but plausible message) — one conversation each.
CONVERSATIONS = [
    ("combien gagne un débutant ?", "ma mère veut que je sois médecin"),
    ("faut-il un bac+5 ?", "je veux travailler à l'ONU"),
    ("quelles sont les missions ?", "c'est un métier d'avenir ?"),
    ("quelles qualités faut-il pour ce métier ?", "je suis nul en maths c grave ?"),
    ("quels outils on utilise", "le métier est-il menacé par l'intelligence artificielle"),
    ("c'est quoi ce métier ?", "est ce qu'on parle anglais tous les jours"),
    # The same conversation twice: one item in the export, sent twice.
    ("quelles sont les missions ?", "c'est un métier d'avenir ?"),
]
# What a trainer would answer for each message, should it be in the export.
ANNOTATION = {
    "ma mère veut que je sois médecin": "hors_sujet",
    "je veux travailler à l'ONU": "evolutions",
    "c'est un métier d'avenir ?": "evolutions",
    "je suis nul en maths c grave ?": "hard_skills",
    "le métier est-il menacé par l'intelligence artificielle": "evolutions",
    "est ce qu'on parle anglais tous les jours": "hard_skills",
    "combien gagne un débutant ?": "salaire",
    "faut-il un bac+5 ?": "diplome",
    "quelles sont les missions ?": "missions",
    "quelles qualités faut-il pour ce métier ?": "soft_skills",
    "quels outils on utilise": "outils",
    "c'est quoi ce métier ?": "definition",
}
PAYLOAD = "/nlu_fallback"  # a button payload with the fallback intent: must not be exported


def run(*args, cwd=ROOT):
    result = subprocess.run([PYTHON, "-m", "trainer.review", *map(str, args)], cwd=cwd, env=project_env(),
                            capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout + result.stderr


def items_of(path):
    return [m for g in yaml.safe_load(path.read_text(encoding="utf-8"))["groupes"] for m in g["messages"]]


def annotate(path, choices, out=None):
    """Write `intention: X` under the message whose texte is a key of choices, like a trainer would."""
    lines, text = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("texte:"):
            text = yaml.safe_load(line.strip()[len("texte:"):])
        elif line.strip().startswith("intention:") and text in choices:
            line = line[: line.index("intention:")] + f"intention: {choices[text]}"
        lines.append(line)
    (out or path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def first_text(replies):
    return one_line(next(r["text"] for r in replies if r.get("text")))


def digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.yml"))}


def check_problems(project):
    result = subprocess.run([PYTHON, "-m", "trainer.check", "--projet", str(project), "--sans-rasa"],
                            cwd=ROOT, env=project_env(), capture_output=True, text=True, timeout=120)
    return result.returncode, {line for line in result.stdout.splitlines() if line.startswith("✗")}


@pytest.fixture(scope="module")
def conversations(stack, tmp_path_factory):
    """Talk to the real stack, then copy its database keeping only these conversations."""
    senders, context = [], {}
    for clear, odd in CONVERSATIONS:
        sender = stack.new_sender()
        senders.append(sender)
        first = stack.say(sender, clear)
        second = stack.say(sender, odd)
        context.setdefault(odd, (clear, first, second))
    payload_sender = stack.new_sender()
    senders.append(payload_sender)
    stack.say(payload_sender, PAYLOAD)

    copy = tmp_path_factory.mktemp("review") / "conversations.db"
    # The running Rasa keeps writing to its own file, and its latest messages may still be in the
    # write-ahead log beside it: SQLite's backup copies the database as readers see it.
    with sqlite3.connect(stack.db_path) as live, sqlite3.connect(copy) as snapshot:
        live.backup(snapshot)
    with sqlite3.connect(copy) as db:
        db.execute(f"DELETE FROM events WHERE sender_id NOT IN ({','.join('?' * len(senders))})", senders)
    return copy, senders, context


def stored_user_messages(db_path):
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT sender_id, data FROM events WHERE type_name = 'user' ORDER BY id").fetchall()
    return [(sender, json.loads(data)) for sender, data in rows]


def expected_export(db_path, project):
    """text -> (predicted intent, its confidence, fallback?, times sent), from what Rasa stored.

    Button payloads are left out, and so are sentences that already are training examples.
    """
    existing = Project(project).example_index()
    expected = {}
    for _, data in stored_user_messages(db_path):
        if data["text"].startswith("/") or normalise(data["text"]) in existing:
            continue
        parse = data["parse_data"]
        name = parse["intent"]["name"]
        ranking = [r for r in parse["intent_ranking"] if r["name"] != "nlu_fallback"]
        best = ranking[0] if name == "nlu_fallback" else parse["intent"]
        if name == "nlu_fallback" or best["confidence"] < THRESHOLD:
            previous = expected.get(data["text"])
            expected[data["text"]] = (best["name"], best["confidence"], name == "nlu_fallback",
                                      previous[3] + 1 if previous else 1)
    return expected


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of what the import and `make check` read: data/, domain, config, knowledge, test files."""
    root = tmp_path_factory.mktemp("projet")
    for name in ("data", "knowledge", "tests/nlu"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("domain.yml", "config.yml", "tests/test_stories.yml"):
        shutil.copy(ROOT / name, root / name)
    return root


@pytest.fixture(scope="module")
def exported(conversations, project, tmp_path_factory):
    db_path, _, _ = conversations
    out = tmp_path_factory.mktemp("export") / "a_relire.yml"
    code, output = run("export", "--projet", project, "--base", f"sqlite:///{db_path}", "--sortie", out)
    assert code == 0, output
    return out, output


def test_odd_messages_are_not_training_examples(project):
    existing = Project(project).example_index()
    assert [odd for _, odd in CONVERSATIONS if normalise(odd) in existing] == []


def test_export_lists_exactly_the_low_confidence_messages(conversations, exported, project):
    db_path, senders, context = conversations
    out, output = exported
    stored = stored_user_messages(db_path)
    assert {s for s, _ in stored} == set(senders)
    assert any(d["text"] == PAYLOAD and d["parse_data"]["intent"]["name"] == "nlu_fallback" for _, d in stored)

    expected = expected_export(db_path, project)
    items = items_of(out)
    assert len(expected) >= 2, f"the model was sure of almost everything: {expected}"
    assert sorted(i["texte"] for i in items) == sorted(expected), output
    assert PAYLOAD not in {i["texte"] for i in items}
    for item in items:
        predicted, confidence, fallback, times = expected[item["texte"]]
        assert item["intention"] is None
        assert item["proposee"] == predicted
        assert item["confiance"] == pytest.approx(confidence, abs=0.006)
        assert item["repli"] == ("oui" if fallback else "non")
        assert item.get("nombre", 1) == times
        assert item["conversation"] in senders
        clear, first_reply, reply = context[item["texte"]]
        assert item["avant"]["eleve"] == clear
        assert first_text(first_reply)[:60] in item["avant"]["assistant"]
        assert first_text(reply)[:60] in item["reponse"]
    # Sent twice, listed once.
    twice = [t for t, (_, _, _, n) in expected.items() if n == 2]
    assert all(sum(i["texte"] == t for i in items) == 1 for t in twice)


def test_export_header_explains_what_to_do(exported, project):
    out, _ = exported
    text = out.read_text(encoding="utf-8")
    header = text.split("groupes:")[0]
    assert all(line.startswith("#") or not line.strip() for line in header.splitlines())
    assert "make review-import" in header and "hors_sujet" in header and "intention:" in header
    for intent in Project(project).intents:
        assert f"#   {intent} " in header


def test_import_adds_each_example_once_then_nothing(conversations, exported, project, tmp_path):
    out, _ = exported
    items = items_of(out)
    texts = [i["texte"] for i in items]
    skipped = texts[-1]
    choices = {t: ANNOTATION[t] for t in texts[:-1]}
    assert choices, "nothing to annotate"
    annotated = tmp_path / "annote.yml"
    annotate(out, choices, annotated)

    before_files = {p: p.read_text(encoding="utf-8") for p in (project / "data" / "nlu").glob("*.yml")}
    check_before = check_problems(project)
    code, output = run("import", "--projet", project, "--fichier", annotated)
    assert code == 0, output
    assert f"{len(choices)} ajouté(s), 0 déjà présent(s), 1 ignoré(s)" in output

    for text, intent in choices.items():
        target = project / "data" / "nlu" / f"{intent}.yml"
        examples = examples_of(target.read_text(encoding="utf-8"), intent)
        assert examples.count(text) == 1, (text, intent)
        everywhere = [(p.name, e) for p in (project / "data" / "nlu").glob("*.yml")
                      for item in (yaml.safe_load(p.read_text(encoding="utf-8"))["nlu"])
                      if "intent" in item for e in block_examples(item["examples"])
                      if normalise(e) == normalise(text)]
        assert everywhere == [(target.name, text)]
    assert not any(normalise(skipped) == normalise(e) for p in before_files
                   for e in block_examples(p.read_text(encoding="utf-8")))

    # The files keep their formatting: only lines inserted, in the examples' indentation.
    for path, old in before_files.items():
        new = path.read_text(encoding="utf-8")
        ops = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines()).get_opcodes()
        assert all(op in ("equal", "insert") for op, *_ in ops), path
        added = [line for op, _, _, j1, j2 in ops if op == "insert" for line in new.splitlines()[j1:j2]]
        assert all(line.startswith("    - ") for line in added), added

    # The project checks find nothing new.
    code_after, problems_after = check_problems(project)
    assert problems_after <= check_before[1], problems_after - check_before[1]
    assert code_after == 0 or check_before[0] != 0

    # Importing the same file again writes nothing.
    snapshot = digest(project / "data")
    code, output = run("import", "--projet", project, "--fichier", annotated)
    assert code == 0, output
    assert f"0 ajouté(s), {len(choices)} déjà présent(s), 1 ignoré(s)" in output
    assert digest(project / "data") == snapshot

    # An example already under one intent cannot go to another one.
    moved_text, first_intent = next(iter(choices.items()))
    other = "salaire" if first_intent != "salaire" else "bts"
    moved = tmp_path / "autre.yml"
    annotate(annotated, {moved_text: other}, moved)
    code, output = run("import", "--projet", project, "--fichier", moved)
    assert code == 1, output
    assert f"déjà dans data/nlu/{first_intent}.yml" in output and "Rien n'a été ajouté" in output
    assert digest(project / "data") == snapshot

    # An export over a file whose annotations are all imported is allowed; with pending ones it is not.
    db_path = conversations[0]
    code, output = run("export", "--projet", project, "--base", f"sqlite:///{db_path}", "--sortie", annotated)
    assert code == 0, output


def test_unknown_intent_is_refused_and_nothing_is_written(exported, project, tmp_path):
    out, _ = exported
    items = items_of(out)
    wrong = tmp_path / "faute.yml"
    choices = {items[0]["texte"]: "salair"}
    if len(items) > 1:
        choices[items[1]["texte"]] = "hors sujet"  # a valid one: still not written, the import is all or nothing
    annotate(out, choices, wrong)
    snapshot = digest(project / "data")
    code, output = run("import", "--projet", project, "--fichier", wrong)
    assert code == 1, output
    assert f"message n° {items[0]['numero']}" in output
    assert "l'intention « salair » n'existe pas" in output and "Vouliez-vous dire « salaire » ?" in output
    assert "Rien n'a été ajouté" in output
    assert digest(project / "data") == snapshot


def test_export_refuses_to_overwrite_pending_annotations(conversations, exported, project, tmp_path):
    out, _ = exported
    db_path = conversations[0]
    pending = tmp_path / "a_relire.yml"
    # A sentence that is in no data file, annotated but not imported.
    text = out.read_text(encoding="utf-8").replace("groupes:", "groupes:\n- groupe: 0\n  messages:\n"
                                                   "  - numero: 0\n    texte: \"zzz phrase jamais vue\"\n"
                                                   "    intention: salaire", 1)
    pending.write_text(text, encoding="utf-8")
    code, output = run("export", "--projet", project, "--base", f"sqlite:///{db_path}", "--sortie", pending)
    assert code == 1 and "pas encore importée" in output and "ECRASER=1" in output
    code, output = run("export", "--projet", project, "--base", f"sqlite:///{db_path}", "--sortie", pending,
                       "--ecraser")
    assert code == 0, output


def test_missing_database_is_explained(project, tmp_path):
    code, output = run("export", "--projet", project, "--base", f"sqlite:///{tmp_path / 'absente.db'}",
                       "--sortie", tmp_path / "x.yml")
    assert code == 1 and "n'existe pas" in output and "make run" in output
    assert not (tmp_path / "absente.db").exists()


# -- pure functions ----------------------------------------------------------------------------
def test_normalisation_ignores_case_accents_final_punctuation_and_entity_marks():
    # The comparison make check uses too (trainer.project.normalise): one rule for every trainer tool.
    assert normalise("Combien  gagne un [Débutant](experience) ?!") == normalise("combien gagne un debutant")
    assert normalise("C’est quoi ?") == "c'est quoi"
    assert normalise("c'est quoi") != normalise("c est quoi")  # inner punctuation: another spelling


def test_similar_messages_are_grouped_deterministically():
    texts = ["c'est un métier d'avenir ?", "je veux travailler à l'ONU", "c un metier d'avenir",
             "Je veux travailler a l'onu !", "est-ce un métier d'avenir", "ma mère veut que je sois médecin"]
    messages = [{"text": t, "key": normalise(t)} for t in texts]
    groups = [[m["text"] for m in g] for g in group_similar(messages)]
    assert groups == [[m["text"] for m in g] for g in group_similar(list(reversed(messages)))]
    assert sorted(map(sorted, groups)) == sorted(map(sorted, [
        ["c'est un métier d'avenir ?", "c un metier d'avenir", "est-ce un métier d'avenir"],
        ["je veux travailler à l'ONU", "Je veux travailler a l'onu !"],
        ["ma mère veut que je sois médecin"]]))
    assert groups[0] == sorted(groups[0], key=normalise)  # biggest group first, stable order


def test_examples_are_appended_at_the_end_of_the_intent_block():
    text = ('version: "3.1"\nnlu:\n- intent: a\n  examples: |\n    - un\n    - deux\n\n'
            '- intent: b\n  examples: |\n    - trois\n')
    new = append_examples(text, "a", ["quatre : « x » # pas un commentaire"])
    assert new == text.replace("    - deux\n", "    - deux\n    - quatre : « x » # pas un commentaire\n")
    assert examples_of(new, "a") == ["un", "deux", "quatre : « x » # pas un commentaire"]
    assert append_examples(text, "c", ["x"]) is None
    assert one_line("deux\nlignes\u2028 et\x00 un nul") == "deux lignes et un nul"


def test_annotations_are_read_as_a_trainer_writes_them():
    assert annotated_intent("Salaire ") == "salaire"
    assert annotated_intent("hors sujet") == annotated_intent("hors-sujet") == "hors_sujet"
    assert annotated_intent("") is None and annotated_intent(None) is None
