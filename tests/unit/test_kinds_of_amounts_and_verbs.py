"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh27.yml), which earlier sets share:
two amounts said with an operation, read out of scope by the model, then other amounts (« et entre 40k et 60k ? »); a
bare « et le milieu ? » after a level's pay; a subtraction of two figures (« le min confirmé moins le min débutant »);
how wide a range « fait de large »; the qualities asked their scores as a list; « c quoi ses mots clés » of the item in
play; a verb after its subject that is no level (« tu confirmes ? ») and an adverb that is no item (« direct »).
Through core/dialogue.py on the behaviour knowledge: every expected figure or name is read from the fixture fiche or its
templates."""
from core import dialogue
from core.items import by_score
from core.knowledge import euros
from tests.support.knowledge import default_profession, school, template_start
from tests.support.knowledge import pay_levels as levels
from tests.support.knowledge import replied as reply
from tests.support.knowledge import replies_to as conversation

A, C, OUT = dialogue.ANSWER, dialogue.CLARIFY, dialogue.OUT_OF_SCOPE


def test_two_amounts_and_an_operation_read_out_of_scope_are_computed_then_other_amounts_the_same_way():
    replies = conversation(("entre 30k et 35k ca fait combien de % d ecart ?", "hors_sujet", OUT),
                           ("et entre 40k et 60k ?", "relance", A))
    assert f"de {euros(30000)} € à {euros(35000)} €" in replies[0] and "16,67 %" in replies[0], replies[0]
    assert f"de {euros(40000)} € à {euros(60000)} €" in replies[1] and "50 %" in replies[1], replies[1]


def test_a_bare_middle_after_a_levels_pay_is_that_levels_middle():
    beginner, _ = levels()
    replies = conversation(("le salaire debutant c quoi la fourchette", "salaire", A, "debutant"), ("et le milieu ?", "relance", A))
    assert f"{euros((beginner.min + beginner.max) // 2)} €" in replies[1], replies[1]


def test_a_figure_minus_another_is_their_gap():
    beginner, confirmed = levels()
    text = reply("ok donc le min confirmé moins le min debutant ?", "relance")
    assert f"{euros(confirmed.min - beginner.min)} € d'écart" in text, text


def test_how_wide_a_range_is_said_de_large():
    _, confirmed = levels()
    text = talk_level("la fourchette des confirmés elle fait combien de large ?", "confirme")
    assert f"{euros(confirmed.max - confirmed.min)} € d'écart" in text, text


def talk_level(text: str, level: str) -> str:
    return conversation((text, "salaire", A, level))[0]


def test_the_qualities_asked_their_scores_as_a_list_are_not_scored_then_not_ranked():
    replies = conversation(("les soft skills elles ont des notes comme les hard skills ?", "hard_skills", A),
                           ("bon alors laquelle est la + importante ?", "hard_skills", A))
    assert replies[0].startswith(template_start("soft_skills.sans_score")), replies[0]
    assert replies[1].startswith(template_start("soft_skills.sans_classement")), replies[1]


def test_the_key_words_of_the_item_in_play_asked_c_quoi_ses():
    second = by_score(default_profession())[1]
    replies = conversation(("c quoi la hard skill avec le meilleur score ?", "hard_skills", A), ("et la 2e ?", "relance", A),
                           ("c quoi ses mots cles a celle la ?", "nlu_fallback", C))
    assert replies[2].startswith(f"{second.nom} : ") and all(k.lower() in replies[2] for k in second.mots_cles), replies[2]


def test_a_verb_after_its_subject_is_no_level_and_an_adverb_no_item():
    beginner, _ = levels()
    text = "mon cousin dit qu un debutant commence direct a 40k dans ce metier, tu confirmes ?"
    entities = [{"entity": "experience", "value": "debutant", "start": text.index("debutant")},
                {"entity": "experience", "value": "confirme", "start": text.index("confirmes")}]
    parts = [{"text": text[:text.index(",")], "start": 0, "end": text.index(","), "intent": "experiences", "confidence": 0.96},
             {"text": "tu confirmes", "start": text.index("tu"), "end": len(text) - 2, "intent": "hors_sujet",
              "confidence": 0.5}]
    q = school().understand(text, entities, "experiences", parts)
    assert q.experience == "debutant", q.experience
    out = dialogue.respond(school(), dialogue.Turn(q, "experiences", (("experiences", 0.7),), {}, None, A)).reply.text
    assert out.startswith(template_start("salaire.verdict_non").strip()) and euros(beginner.max) in out, out
