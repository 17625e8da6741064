"""Kinds seen in a set written apart (tests/nlu/test_fresh39.yml): another job named with a clipped word (« un chargé
de com »). Texts are read from the fixture fiche."""
from core import dialogue
from tests.support.knowledge import replies_to, template_start

A = dialogue.ANSWER


def test_another_job_named_with_a_clipped_word_is_another_profession_not_a_failure():
    """« com » stands for « communication »: the index reads one word for it, and the other job is named as written."""
    replies = replies_to(("combien gagne un plombier ?", "salaire", A), ("ok et un chargé de com ?", "salaire", A))
    assert replies[1].startswith(template_start("autre_metier")) and "com" in replies[1], replies[1]
