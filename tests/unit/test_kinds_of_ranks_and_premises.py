"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh29.yml), which earlier sets share:
« le premier, ça consiste en quoi au quotidien ? » after the evolutions (that job, which the fiche does not describe);
« lesquelles sont les + importantes ? » after the qualities, read as the constraints; « bts ou bachelor, lequel est le
niveau de référence ? »; « et il prépare à des postes … ? » of the diploma in play; details the fiche lacks (physical
demands, the pay of a diploma said « mieux payé »); « cbm » for « combien »; « ça compte pas trop » belittled. Through
core/dialogue.py on the behaviour knowledge: every expected name is read from the fixture fiche or its templates."""
from core import dialogue
from core.stemming import stems
from core.understanding import fold, understand
from tests.support.knowledge import default_profession, school, template_start
from tests.support.knowledge import replies_to as conversation

A = dialogue.ANSWER


def _details(text: str) -> set:
    q = school().understand(text, [], None, [])
    return {school().vocabulary.phrases[i][0] for i in q.phrases}


def test_a_job_of_the_evolutions_asked_by_its_rank_to_be_described_is_said_undescribed():
    first = default_profession().evolutions.postes[0]
    replies = conversation(("on peut evoluer vers quoi ?", "evolutions", A),
                           ("le premier ça consiste en quoi exactement au quotidien ?", "missions", A))
    assert replies[1].startswith(template_start("evolution_nommee")) and first in replies[1], replies[1]


def test_the_most_important_after_the_qualities_is_of_the_qualities_not_the_constraints():
    replies = conversation(("y a combien de soft skills ds la fiche", "soft_skills", A),
                           ("lesquelles sont les + importantes ?", "contraintes", A))
    assert replies[1].startswith(template_start("soft_skills.sans_classement")), replies[1]


def test_which_of_two_diplomas_is_the_reference_is_the_fiches_reference():
    words = school().replier.diplomas
    reference = next(p for p in default_profession().parcours if p.statut == "reference")
    other = next(p for p in default_profession().parcours if p.statut != "reference" and p.niveau is not None)
    kinds = [words.kind_of(other.nom), words.kind_of(reference.nom)]
    q = school().understand(f"{other.nom} ou {reference.nom}, lequel des deux est le niveau de reference ?",
                            [{"entity": "diplome", "value": k} for k in kinds], kinds[0], [])
    text = dialogue.respond(school(), dialogue.Turn(q, kinds[0], ((kinds[0], 0.9),), {}, None, A)).reply.text
    first = text.split("\n")[0]
    assert words.labelled(reference) in first and not first.startswith(other.nom), text


def test_what_the_diploma_in_play_prepares_for_is_that_diplomas_answer():
    words = school().replier.diplomas
    path = max((p for p in default_profession().parcours if p.niveau is not None), key=lambda p: p.niveau)
    kind = words.kind_of(path.nom)
    replies = conversation((f"c'est quoi le {kind}", kind, A), ("et il prépare à des postes stratégiques ?", "missions", A))
    assert replies[1].startswith(path.nom), replies[1]


def test_physical_demands_and_the_pay_of_a_diploma_are_details_the_fiche_lacks():
    assert "physique" in _details("y a des contraintes physiques genre porter des trucs lourds ?")
    assert "salaire_diplome" in _details("si je fais un mastere je serai mieux payé ?")


def test_cbm_is_how_many():
    assert understand("ils conseillent cbm d'experiences avant ?").counted == "experiences"


def test_a_skill_said_not_to_count_much_is_belittled():
    assert understand("il a dit aussi que les langues ça compte pas trop").premise == "secondaire"


def test_working_in_a_group_is_said_in_the_words_of_the_fiches_teams_and_coding_is_a_detail_it_lacks():
    q = school().understand("jaime pas trop bosser en groupe, c'est chaud pour ce metier ?", [], None, [])
    assert q.fiche_stems & stems(fold("équipes")), q.fiche_stems
    assert "programmation" in _details("faut savoir coder en python pour l'analyse de données ?")
