"""Kinds seen in sets written apart (tests/nlu/test_fresh31.yml to test_fresh32.yml): « ya des outils pour ça ? » right
after a mission asks the tool its words name; « on peut doubler son salaire ? » is checked from the lowest figure of the
fiche to the highest, said to be a calculation; « laquelle de ces expériences est la plus importante ? » is told the
fiche ranks none; a mission named by its title is evidence enough for the model's unsure reading. Names and figures are
read from the fixture fiche."""
from core import dialogue
from core.knowledge import euros
from core.pay_sums import decimal
from tests.support.knowledge import default_profession, one_profession_school, replied, replies_to, template_start

A = dialogue.ANSWER


def test_tools_for_the_mission_just_answered_are_the_tool_its_words_name():
    p = default_profession()
    mission = next(m for m in p.missions if "veille" in m.intitule.lower())
    tool = next(c for c in p.outils.categories if "veille" in c.nom.lower())
    replies = replies_to(("c'est quoi la veille ?", "missions", A), ("ya des outils pour ça ?", "outils", A))
    assert mission.intitule in replies[0] and tool.nom.lower() in replies[1].lower(), replies[1]
    assert not replies[1].startswith(template_start("missions.ciblee").split("«")[0] + "« " + mission.intitule)


def test_doubling_the_pay_is_computed_from_the_lowest_figure_to_the_highest():
    levels = default_profession().salaire.niveaux
    ratio = decimal(levels.confirme.max / levels.debutant.min)
    said = replied("on m'a dit au forum qu'au bout de 5 ans on double son salaire, ça colle avec la fiche ?", "salaire")
    assert said.startswith(template_start("salaire.calcul")) and f"{ratio} fois" in said, said
    replies = replies_to(("et en début de carrière, le salaire ?", "salaire", A, "debutant"),
                         ("donc en gros on peut doubler ?", "evolutions", A))
    assert f"{ratio} fois" in replies[1] and euros(levels.confirme.max) in replies[1], replies[1]
    # a short message, or a word of pay: « le nombre de missions double avec l'expérience ? » is no pay
    assert "€" not in replied("le nombre de missions double avec l'expérience ?", "missions")


def test_which_stepping_stone_is_best_is_not_ranked_by_the_fiche():
    p = default_profession()
    for text in ("parmi ces expériences, laquelle est la plus importante selon la fiche ?",
                 f"c'est mieux {p.experiences[0].poste} ou {p.experiences[-1].poste} pour commencer ?"):
        said = replied(text, "experiences")
        assert template_start("experiences_sans_classement") in said, (text, said)
        assert all(e.poste in said for e in p.experiences)


def test_a_mission_named_by_its_title_is_that_mission_when_the_model_is_unsure(tmp_path):
    one = one_profession_school(tmp_path)
    mission = next(m for m in default_profession().missions if "mobilit" in m.intitule.lower())
    q = one.understand(f"l'{mission.intitule.lower()} c'est pour qui ?", [], "nlu_fallback", [])
    outcome = dialogue.respond(one, dialogue.Turn(q, "nlu_fallback", (("nlu_fallback", 0.5), ("hard_skills", 0.33)),
                                                  {}, None, dialogue.CLARIFY))
    assert mission.intitule in outcome.reply.text and mission.detail in outcome.reply.text, outcome.reply.text


def test_an_item_of_another_list_named_in_a_follow_up_is_that_item():
    """« et la mobilité internationale, c'est pour qui ? » right after the tools: the mission it names, not « la fiche ne
    donne pas de précision » on the tools."""
    mission = next(m for m in default_profession().missions if "mobilit" in m.intitule.lower())
    replies = replies_to(("c'est quoi les outils ?", "outils", A),
                         ("et la mobilité internationale, c'est pour qui ?", "relance", A))
    assert mission.intitule in replies[1] and mission.detail in replies[1], replies[1]


def test_an_item_said_in_the_fiches_own_word_after_another_list_is_that_item():
    """« et pour les imprévus ? » after the constraints: the quality the fiche's word for it names (reformulations.yml:
    « imprévus » is said « problèmes »), not « la fiche ne donne pas de précision » on the constraints; « et pour écrire
    les documents ? » names no title and stays on the list in play."""
    quality = next(q for q in default_profession().soft_skills.qualites if "probl" in q.nom.lower())
    replies = replies_to(("c'est quoi les difficultés du métier ?", "contraintes", A),
                         ("et pour les imprevus ?", "relance", A))
    assert quality.nom in replies[1], replies[1]
