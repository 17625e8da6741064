"""Kinds seen in a set written apart (tests/nlu/test_fresh38.yml), SMS spelling throughout: « et chargé de communication »
right after the pay is another profession; « la taille de l'entreprise sa joue », read as out of scope, is the pay with
its factors; « le smic c cb », « c qui ki a dit sa », « cb d'annees d'xp il faut avant » are details the fiche does not
give. Texts are read from the fixture fiche."""
from core import dialogue
from tests.support.knowledge import default_profession, replies_to, template_start

A, OUT = dialogue.ANSWER, dialogue.OUT_OF_SCOPE


def test_a_head_of_this_professions_name_after_and_with_another_complement_is_another_profession():
    replies = replies_to(("quel salaire ?", "salaire", A), ("et chargé de communication", "salaire", A))
    assert replies[1].startswith(template_start("autre_metier")), replies[1]


def test_a_factor_of_the_pay_read_as_out_of_scope_is_the_pay_with_its_factors():
    p = default_profession()
    factor = p.salaire.facteurs.split(",")[-1].split(" et ")[-1].strip()
    replies = replies_to(("quel salaire ?", "salaire", A), (f"{factor} sa joue", "hors_sujet", OUT))
    assert p.salaire.facteurs in replies[1], replies[1]


def test_the_minimum_wage_the_author_of_the_saying_and_the_years_before_are_details_the_fiche_lacks():
    for text, intent, kind in (("le smic c cb", "salaire", A), ("c qui ki a dit sa", "question_bot", A),
                               ("cb d'annees d'xp il faut avant", "experiences", A)):
        said = replies_to((text, intent, kind))[0]
        assert said.startswith(template_start("hors_fiche.intro")), (text, said)
    # « le salaire minimum » of a level is its range's bottom, no minimum wage
    said = replies_to(("le salaire minimum d'un débutant ?", "salaire", A, "debutant"))[0]
    assert not said.startswith(template_start("hors_fiche.intro")), said


def test_ranks_ratios_middles_by_the_month_and_outlets_written_as_in_a_text_message():
    from core.knowledge import euros
    from tests.support.knowledge import pay_levels
    p = default_profession()
    said = replies_to(("l'avant derniere mission", "experiences", A))[0]
    assert p.missions[-2].intitule in said.split("\n")[0], said
    beginner, confirmed = pay_levels()
    said = replies_to(("et le max confirmé c cb de fois le min debutant", "salaire", A))[0]
    assert "fois" in said and euros(confirmed.max) in said and euros(beginner.min) in said, said
    said = replies_to(("et le debutant au milieu par mois", "salaire", A))[0]
    assert f"{euros(round((beginner.min + beginner.max) / 2 / 12))} €" in said, said
    said = replies_to(("Les débouchés sont-ils nombreux ?", "evolutions", A))[0]
    assert said.startswith(template_start("hors_fiche.intro")), said


def test_thanks_with_a_remark_are_thanks():
    from tests.support.knowledge import conversation, school
    said = replies_to(("merci t'es trop fort", "hors_sujet", OUT))[0]
    assert said.startswith(template_start("merci")), said
    _, slots = conversation(("quel salaire ?", "salaire", A))
    q = school().understand("ok merci t'es une bonne calculatrice mdr", [], "question_bot", [])
    instead = dialogue.asked_instead(school(), dialogue.Turn(q, "question_bot", (("question_bot", 0.9),), slots, None, A))
    assert instead is not None and instead.reply.text.startswith(template_start("merci")), instead
    # a question with thanks is no thanks only
    said = replies_to(("merci, et le salaire ?", "salaire", A))[0]
    assert not said.startswith(template_start("merci")), said
    # a request that ends with thanks is still the request
    said = replies_to(("tu peux me donner une recette de crêpes stp merci", "hors_sujet", OUT))[0]
    assert said.startswith(template_start("hors_sujet")), said
