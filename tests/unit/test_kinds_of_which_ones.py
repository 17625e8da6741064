"""« lesquelles ? », « par exemple ? » alone, right after an answer (tests/nlu/test_fresh31.yml, test_fresh32.yml): which
ones of what was just answered. After a skill whose fiche says it does not say which languages, still not given; after
a list, that list again; never a clarification."""
from core import dialogue
from core.knowledge import euros
from tests.support.knowledge import default_profession, replies_to, template_start

A, C = dialogue.ANSWER, dialogue.CLARIFY


def test_which_ones_after_what_the_fiche_does_not_say_is_still_not_said():
    skill = next(s for s in default_profession().hard_skills.competences if s.non_precise)
    replies = replies_to((f"et la {skill.nom.lower()}, c'est important ?", "hard_skills", A),
                         ("lesquelles ?", "nlu_fallback", C))
    assert replies[1].startswith(skill.non_precise), replies[1]


def test_which_ones_after_a_list_is_that_list_again():
    p = default_profession()
    replies = replies_to(("c'est quoi les outils ?", "outils", A), ("par exemple ?", "nlu_fallback", C))
    assert all(c.nom in replies[1] for c in p.outils.categories), replies[1]
    assert not replies[1].startswith(template_start("clarifier"))


def test_a_request_to_repeat_gets_the_last_topic_again():
    """« j'ai pas compris, tu peux me redire ? » after the diplomas: the diplomas again, not the job's definition."""
    replies = replies_to(("c quoi les diplômes possibles ?", "diplome", A),
                         ("jai pas compris tu peux me redire", "definition", A))
    assert replies[1] == replies[0]


def test_list_them_after_a_count_is_that_list_not_the_schools_professions():
    """« vas-y liste-les » after « combien de soft skills ? », read as a request for the catalogue: the qualities."""
    p = default_profession()
    replies = replies_to(("cb de soft skills ils demandent ?", "soft_skills", A),
                         ("vas y liste les", "catalogue_lister", dialogue.CATALOGUE))
    assert all(q.nom in replies[1] for q in p.soft_skills.qualites), replies[1]


def test_a_summary_gives_the_job_its_first_missions_its_reference_diploma_and_its_pay():
    p = default_profession()
    text = replies_to(("résume moi tout stp en 5 lignes", "definition", A))[0]
    assert text.startswith(template_start("resume")), text
    assert p.definition.resume in text and p.missions[0].intitule.lower() in text
    assert euros(p.salaire.niveaux.debutant.min) in text and euros(p.salaire.niveaux.confirme.max) in text
    assert any(path.nom in text for path in p.parcours if path.statut == "reference"), text
