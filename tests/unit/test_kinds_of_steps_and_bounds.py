"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh25.yml), which earlier sets share:
how wide a level's range is (« large de combien ? »), the two tops (« les 2 plafonds »), where a level's pay starts
(« un confirmé commence à 45k ? »), how high it goes (« et il peut monter jusqu'à ? »), the jobs before and after asked
together or by rank, a cited job asked yes or no, then its pay by « ça », the gap between the skill in play and the
one at a rank, « d'après » that is no « next », and every diploma named at once.
Through core/dialogue.py on the behaviour knowledge: every expected figure or name is read from the fixture fiche or
its templates."""
from core import dialogue
from core.items import by_score
from core.knowledge import TRAINING_IDS, euros
from tests.support.knowledge import default_profession, school, template_start
from tests.support.knowledge import pay_levels as levels
from tests.support.knowledge import replied as reply
from tests.support.knowledge import replies_to as conversation

A, C, OUT = dialogue.ANSWER, dialogue.CLARIFY, dialogue.OUT_OF_SCOPE


def test_how_wide_a_range_is_the_gap_from_its_bottom_to_its_top_then_on_the_other_level():
    beginner, confirmed = levels()
    replies = conversation(("la fourchette des confirmés elle est large non ?", "salaire", A, "confirme"),
                           ("large de combien ?", "salaire", A),
                           ("et celle des debutants ?", "relance", A, "debutant"))
    assert f"{euros(confirmed.max - confirmed.min)} € d'écart" in replies[1], replies[1]
    assert f"{euros(beginner.max - beginner.min)} € d'écart" in replies[2], replies[2]


def test_the_two_tops_are_the_maxima_of_both_levels():
    beginner, confirmed = levels()
    text = reply("ca fait combien d'ecart entre les 2 plafonds ?", "salaire")
    assert f"{euros(confirmed.max - beginner.max)} € d'écart" in text, text


def test_where_a_levels_pay_starts_is_its_bottom_figure():
    _, confirmed = levels()
    wrong = conversation((f"un confirme commence a {confirmed.min + 2500} € c'est bien ca ?", "salaire", A, "confirme"))[0]
    right = conversation((f"un confirme commence a {confirmed.min} € c'est bien ca ?", "salaire", A, "confirme"))[0]
    assert wrong.startswith(template_start("salaire.verdict_non").strip()), wrong
    assert right.startswith(template_start("salaire.verdict_oui").strip()), right


def test_how_high_the_pay_goes_after_the_pay_is_its_top_not_the_evolutions():
    _, confirmed = levels()
    replies = conversation(("un confirmé il gagne combien ?", "salaire", A, "confirme"),
                           ("et il peut monter jusqu'à ?", "evolutions", A))
    assert euros(confirmed.max) in replies[1], replies[1]
    assert not any(job in replies[1] for job in default_profession().evolutions.postes), replies[1]


def test_a_count_asked_with_ya_is_the_number_of_items():
    count = len(default_profession().hard_skills.competences)
    text = reply("combien ya de hard skills avec une note", "hard_skills")
    assert f"en cite {count}" in text, text


def test_the_jobs_after_and_before_asked_together_are_both_answered_in_that_order():
    p = default_profession()
    text = reply("quels jobs apres et quels jobs avant ?", "experiences")
    after, before = text.find(p.evolutions.postes[0]), text.find(p.experiences[0].poste)
    assert 0 <= after < before, text


def test_a_rank_of_the_jobs_after_is_an_evolution_whatever_list_came_last():
    p = default_profession()
    replies = conversation(("quels postes avant ?", "experiences", A), ("le 2e des jobs apres ?", "experiences", A))
    first_line = replies[1].split("\n")[0]
    assert p.evolutions.postes[1] in first_line and not any(e.poste in first_line for e in p.experiences), replies[1]


def test_a_cited_job_asked_yes_or_no_is_confirmed_then_its_pay_is_not_this_professions():
    p = default_profession()
    job = p.evolutions.postes[0]
    replies = conversation((f"{job} c'est une évolution possible ?", "evolutions", A), ("ça paye combien ça ?", "salaire", A))
    assert replies[0].startswith(template_start("evolution_confirmee")), replies[0]
    assert job in replies[1] and euros(p.salaire.niveaux.confirme.max) not in replies[1], replies[1]


def test_according_to_the_scores_is_no_next_item():
    top = by_score(default_profession())[0]
    replies = conversation((f"et {top.nom.lower()}, ça compte ?", "hard_skills", A),
                           ("c'est la plus importante d'après les notes ?", "hard_skills", A))
    assert f"{top.nom} (score de {top.score})" in replies[1], replies[1]


def test_the_gap_between_the_skill_in_play_and_the_one_at_a_rank():
    ranked = by_score(default_profession())
    second, first = ranked[1], ranked[0]
    replies = conversation((f"{second.nom.lower()} c'est la compétence la mieux notée non ?", "hard_skills", A),
                           ("combien de points d'écart avec la première ?", "salaire", A))
    assert f"{first.score - second.score} point(s) d'écart" in replies[1] and second.nom in replies[1], replies[1]


def test_the_rank_of_the_skill_in_play_asked_where_it_stands():
    ranked = by_score(default_profession())
    replies = conversation((f"{ranked[1].nom.lower()} c'est la compétence la mieux notée non ?", "hard_skills", A),
                           ("elle est où alors dans le classement ?", "nlu_fallback", C))
    assert f"« {ranked[1].nom} »" in replies[1] and f"2 sur {len(ranked)}" in replies[1], replies[1]


def test_every_diploma_named_at_once_gets_every_path_with_its_level():
    p, named = default_profession(), [{"entity": "diplome", "value": d} for d in TRAINING_IDS]
    q = school().understand("bts bachelor mastere c quoi les niveaux de chacun", named, "bachelor", [])
    text = dialogue.respond(school(), dialogue.Turn(q, "bachelor", (), {}, None, A)).reply.text
    assert all(path.nom in text for path in p.parcours), text
