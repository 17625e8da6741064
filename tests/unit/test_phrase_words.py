"""A message is read against every phrase of hors_fiche.yml: each phrase's longest word (core/understanding.py
phrase_word) is looked for first. That first look must never lose a phrase the pattern alone finds."""
import dataclasses

import yaml

from core.textnorm import fold
from core.understanding import absent_phrases, phrase_pattern, phrase_word
from tests.support.heldout_sets import NLU, says_of
from tests.support.knowledge import school


def test_a_phrases_word_is_in_every_text_its_pattern_matches():
    for phrase, text in (("offres d'emploi", "les offres demploi"), ("combien de stages", "cb de stages"),
                         ("stagiaire + rémunér*", "un stagiaire est remunere ?"), ("+ de filles", "+ de filles")):
        assert phrase_pattern(phrase).search(fold(text)) and phrase_word(phrase) in fold(text), phrase
    assert phrase_word("combien de stages") == "stages"  # « combien » matches « cb » too: never the word looked for


def test_the_phrases_found_are_the_same_as_without_the_first_look():
    vocabulary = school().vocabulary
    every = dataclasses.replace(vocabulary, phrase_words=())
    messages = {fold(m) for name in ("test_fresh13", "test_fresh22", "test_fresh33", "test_fresh41")
                for case in yaml.safe_load((NLU / f"{name}.yml").read_text(encoding="utf-8")) for m in says_of(case)}
    found = [absent_phrases(vocabulary, m) for m in sorted(messages)]
    assert found == [absent_phrases(every, m) for m in sorted(messages)]
    assert sum(map(bool, found)) > 50  # the sets ask many details the fiche lacks: the comparison is no empty one
