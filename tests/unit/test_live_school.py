"""The knowledge folder reloads without a restart (actions/live_school.py): a fact a trainer changes is
what the next student reads; a file with an error keeps the previous facts in service, with the French
error for the trainer, and no apology for the student. On copies of tests/fixtures/knowledge/."""
import re
import shutil
import time

import pytest

import actions.actions as actions_module
from actions.actions import ActionRepondre
from actions.live_school import LiveSchool
from core.knowledge import euros
from tests.support.actions import ask
from tests.support.helpers import norm
from tests.support.knowledge import FIXTURE_KNOWLEDGE, school


@pytest.fixture
def knowledge(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, folder)
    return folder


@pytest.fixture
def told():
    return []


def live(knowledge, told, **options) -> LiveSchool:
    return LiveSchool(knowledge, last_valid=knowledge.parent / "derniere-valide", poll=0.2, tell=told.append,
                      **options)


def default_file(knowledge):
    return knowledge / "metiers" / f"{school(FIXTURE_KNOWLEDGE).default.id}.yml"


def beginner_min(knowledge) -> int:
    return school(FIXTURE_KNOWLEDGE).default.salaire.niveaux.debutant.min


def set_beginner_min(knowledge, value) -> None:
    path = default_file(knowledge)
    text = path.read_text(encoding="utf-8")
    start = text.index("\n    debutant:")
    edited, count = re.subn(r"(?m)^(\s+min:) .+$", rf"\g<1> {value}", text[start:], count=1)
    assert count == 1
    path.write_text(text[:start] + edited, encoding="utf-8")


def student_reads(monkeypatch, holder: LiveSchool) -> str:
    """What a student reads for « combien gagne un débutant ? » from the action server's action."""
    monkeypatch.setattr(actions_module, "live_school", lambda: holder)
    text, _ = ask(None, "salaire", "combien gagne un débutant ?", action=ActionRepondre)
    return text


def test_a_salary_change_is_what_the_next_student_reads(knowledge, told, monkeypatch):
    holder = live(knowledge, told)
    old = beginner_min(knowledge)
    assert norm(euros(old)) in student_reads(monkeypatch, holder)
    set_beginner_min(knowledge, old + 1700)
    assert holder.refresh()
    reply = student_reads(monkeypatch, holder)
    assert norm(euros(old + 1700)) in reply and norm(euros(old)) not in reply
    assert told[-1].startswith("✓ Connaissances rechargées")


def test_a_broken_file_keeps_the_previous_facts_and_says_what_to_fix(knowledge, told, monkeypatch):
    holder = live(knowledge, told)
    old = beginner_min(knowledge)
    set_beginner_min(knowledge, "32 000 €")
    assert not holder.refresh()
    reply = student_reads(monkeypatch, holder)
    assert norm(euros(old)) in reply
    assert "désolé" not in reply.lower() and "probleme technique" not in reply
    [message] = told
    assert default_file(knowledge).name in message and "champ « salaire.niveaux.debutant.min » (ligne " in message
    assert "écrivez 32000" in message
    assert "continue de répondre avec les connaissances précédentes" in message
    assert not holder.refresh() and len(told) == 1  # said once, not every second

    set_beginner_min(knowledge, 32000)  # fixed: taken into account
    assert holder.refresh() and norm(euros(32000)) in student_reads(monkeypatch, holder)
    assert holder.error is None


def test_a_start_on_a_broken_folder_uses_the_last_valid_copy_and_says_so(knowledge, told, monkeypatch):
    live(knowledge, told)  # a valid start keeps a copy
    assert (knowledge.parent / "derniere-valide" / "metiers").is_dir()
    old = beginner_min(knowledge)
    path = default_file(knowledge)
    path.write_text(path.read_text(encoding="utf-8").replace("salaire:", "salaire:\n  - ", 1), encoding="utf-8")

    told.clear()
    holder = live(knowledge, told)
    assert norm(euros(old)) in student_reads(monkeypatch, holder)
    [message] = told
    assert message.startswith("✗ Erreur dans les fichiers de connaissances :") and path.name in message
    assert "L'assistant démarre sur la dernière version valide des connaissances" in message
    # The broken folder never replaced the valid copy.
    assert (knowledge.parent / "derniere-valide" / "metiers" / path.name).read_text(encoding="utf-8") != \
        path.read_text(encoding="utf-8")


def test_a_start_on_a_broken_folder_without_a_valid_copy_stops_in_french(knowledge, told, capsys):
    path = default_file(knowledge)
    path.write_text(path.read_text(encoding="utf-8").replace("  unite: € brut par an\n", ""), encoding="utf-8")
    with pytest.raises(SystemExit):
        live(knowledge, told)
    err = capsys.readouterr().err
    assert err.startswith("Erreur dans les fichiers de connaissances :") and "salaire.unite" in err
    assert "champ obligatoire absent" in err and "Traceback" not in err


def test_the_watching_thread_serves_a_change_within_five_seconds(knowledge, told, monkeypatch):
    holder = live(knowledge, told).start()
    try:
        new = beginner_min(knowledge) + 900
        set_beginner_min(knowledge, new)
        changed = time.monotonic()
        while norm(euros(new)) not in student_reads(monkeypatch, holder):
            assert time.monotonic() - changed < 5, "le changement n'est pas servi en 5 s"
            time.sleep(0.1)
    finally:
        holder.stop()


def test_a_removed_profession_file_is_noticed(knowledge, told):
    holder = live(knowledge, told)
    before = set(holder.school.professions)
    extra = [p for p in (knowledge / "metiers").glob("*.yml") if p.stem != holder.school.default.id]
    assert extra, "les connaissances des tests ont un second métier"
    extra[0].unlink()
    assert holder.refresh() and set(holder.school.professions) == before - {extra[0].stem}


def test_the_guide_quotes_the_message_a_trainer_reads(knowledge, told):
    from tests.unit.test_guide import _blocks, without_line_numbers
    [quoted] = [b.strip() for b in _blocks("") if "continue de répondre avec les connaissances précédentes" in b]
    holder = live(knowledge, told)
    set_beginner_min(knowledge, "32 000 €")
    holder.refresh()
    [message] = told
    assert without_line_numbers(message.replace(str(knowledge), "knowledge")) == without_line_numbers(quoted)


def test_the_console_s_trainer_page_shows_the_error_until_it_is_fixed(knowledge, told, monkeypatch):
    from console import trainer_pages
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(knowledge))
    monkeypatch.setenv("ASSISTANT_LAST_VALID_DIR", str(knowledge.parent / "derniere-valide"))
    holder = live(knowledge, told)
    assert trainer_pages.knowledge_problem() is None
    set_beginner_min(knowledge, "32k")
    holder.refresh()
    problem = trainer_pages.knowledge_problem()
    assert "écrivez 32000" in problem["erreur"] and default_file(knowledge).name in problem["erreur"]
    assert problem["depuis"]
    set_beginner_min(knowledge, 32000)
    holder.refresh()
    assert trainer_pages.knowledge_problem() is None
