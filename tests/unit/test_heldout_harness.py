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
