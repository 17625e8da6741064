"""The held-out harness (tests/support/heldout_sets.py) scores what a student reads: an apology or the
« restarting » message is a failure even when the case's patterns match it, an answer that matches passes."""
from types import SimpleNamespace

import pytest

from tests.support.heldout_sets import ask
from tests.support.knowledge import school


class Replying:
    """A stand-in for the running stack that always gives the same reply."""

    def __init__(self, reply):
        self.reply = reply

    @staticmethod
    def new_sender():
        return "eleve"

    def say(self, sender, message):
        return [{"text": self.reply.text, "buttons": self.reply.buttons}]


CASE = {"id": "tout", "say": ["bonjour", "combien gagne un débutant ?"], "all": ["."]}  # any reply matches


@pytest.mark.parametrize("reply", [lambda r: r.apology(), lambda r: r.restarting("combien gagne un débutant ?")],
                         ids=["excuse", "redemarrage"])
def test_an_apology_fails_a_case_whatever_its_patterns_say(reply):
    ok, seen = ask(Replying(reply(school().replier)), CASE)
    assert not ok, seen


def test_a_matching_answer_passes():
    answer = SimpleNamespace(text=f"Le métier de {school().default.intitule}.", buttons=[])
    ok, seen = ask(Replying(answer), CASE)
    assert ok, seen


class Echoing:
    """A stand-in for the running stack whose reply says the conversation so far, and counts the messages sent."""

    def __init__(self):
        self.sent, self.senders = 0, 0
        self.conversations = {}

    def new_sender(self):
        self.senders += 1
        return f"eleve{self.senders}"

    def say(self, sender, message):
        self.sent += 1
        self.conversations.setdefault(sender, []).append(message)
        return [{"text": " / ".join(self.conversations[sender]), "buttons": []}]


def test_each_turn_of_a_conversation_is_read_at_its_reply_and_each_conversation_is_sent_once(tmp_path, monkeypatch):
    from tests.support import heldout_sets
    turns = ["premier", "deuxieme", "troisieme"]
    cases = [{"id": f"c{k}", "say": turns[:k], "all": ["^" + " / ".join(turns[:k]) + "$"]} for k in range(1, 4)]
    cases.append({"id": "seul", "say": "autre", "all": ["^autre$"]})
    (tmp_path / "jeu.yml").write_text(__import__("yaml").safe_dump(cases, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(heldout_sets, "NLU", tmp_path)
    stack = Echoing()
    result = heldout_sets.scored(stack, "jeu")
    assert (result.right, result.total) == (4, 4), result.wrong
    assert stack.sent == 4  # the three turns once, and the single message; not 1 + 2 + 3 + 1
