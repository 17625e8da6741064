"""Dialogue policies: every multi-turn flow of tests/test_stories.yml predicted without error, by the
trained model loaded once for the session (what `rasa test core --fail-on-prediction-errors` runs)."""

import pytest
from rasa.core import test as rasa_test

from tests.support import aio
from tests.support.helpers import ROOT

# make test's workers (pytest-xdist): the tests that parse with the loaded model run in one worker, which loads it once
pytestmark = pytest.mark.xdist_group("modele-charge")


def test_conversation_stories(agent, tmp_path):
    # A story whose next action is not the one written raises WrongPredictionException, naming it.
    summary = aio.run(rasa_test.test(str(ROOT / "tests" / "test_stories.yml"), agent, out_directory=str(tmp_path),
                                       fail_on_prediction_errors=True, disable_plotting=True))
    assert summary["actions"], "aucune action prédite : tests/test_stories.yml n'a pas été lu"
    assert summary["accuracy"] == 1.0, summary["report"]
