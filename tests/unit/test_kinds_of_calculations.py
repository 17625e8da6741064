"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh17.yml): calculations on the
fiche's figures, said as calculations (the sum and the gap of the scores, the yearly pay divided by 12), rankings and
denials as students write them. Through core/dialogue.py on the behaviour knowledge: every expected figure is
computed from the fixture fiche."""
from core import dialogue
from core.knowledge import euros
from core.textnorm import fold
from core.understanding import own_job
from tests.support.helpers import question_parts
from tests.support.knowledge import default_profession, school, template_start
from tests.support.knowledge import replied as reply


def test_the_gap_asked_between_the_two_just_given_is_between_the_best_and_the_worst():
    by_score = sorted(default_profession().hard_skills.competences, key=lambda k: -k.score)
    text = reply("ecart entre les 2 ?", "hard_skills", slots={"sujet": "hard_skills"})
    assert f"{by_score[0].score - by_score[-1].score} point(s) d'écart" in text, text


def test_the_sum_of_the_scores_is_a_calculation_even_when_the_model_reads_the_pay():
    skills = default_profession().hard_skills.competences
    text = reply("et la somme de tous les scores ?", "salaire", slots={"sujet": "hard_skills"})
    assert text.startswith(template_start("hard_skills.somme")) and str(sum(k.score for k in skills)) in text, text
    # « au total » counts the skills
    text = reply("y en a combien au total ?", "hard_skills", slots={"sujet": "hard_skills"})
    assert text.startswith(template_start("nombre_elements")), text


def test_skills_that_go_beyond_a_score_are_those():
    skills = default_profession().hard_skills.competences
    limit = sorted(k.score for k in skills)[len(skills) // 2]
    text = reply(f"lesquelles dépassent strictement {limit} ?", "hard_skills", slots={"sujet": "hard_skills"})
    assert all(k.nom in text for k in skills if k.score > limit), text
    assert not any(k.nom in text for k in skills if k.score <= limit), text


def test_from_the_best_to_the_worst_is_the_ranking():
    by_score = sorted(default_profession().hard_skills.competences, key=lambda k: -k.score)
    text = reply("classe-les de la meilleure à la moins bonne", "hard_skills", slots={"sujet": "hard_skills"})
    assert text.startswith(template_start("hard_skills.classement")), text
    assert text.index(by_score[0].nom) < text.index(by_score[-1].nom), text


def test_a_task_said_not_done_without_ne_is_a_denial_too():
    text = reply("il fait pas de recrutement quand meme ?", "missions")
    assert text.startswith(template_start("element_non_cite")), text


def test_the_yearly_pay_asked_by_month_is_divided_by_12_and_said_to_be_a_calculation():
    beginner = default_profession().salaire.niveaux.debutant
    text = reply("ça fait combien par mois au minimum ?", "salaire", slots={"sujet": "salaire"})
    assert euros(round(beginner.min / 12)) in text and "un calcul" in text, text
    # asked net, not by month: no monthly figures that would pass for net ones
    text = reply("c'est en net ?", "salaire", slots={"sujet": "salaire"})
    assert euros(round(beginner.min / 12)) not in text, text


def test_a_teachers_own_role_is_no_profession_asked_about():
    text = "Madame, Monsieur, en ma qualité de professeur principal, je souhaiterais connaître le niveau de diplôme"
    assert own_job(fold(text), "professeur principal")


def test_an_item_asked_to_be_in_the_last_list_is_looked_for_in_that_list():
    p = default_profession()
    text = reply("la patience elle y est ?", "faq", slots={"sujet": "soft_skills"})
    assert text.startswith(template_start("element_hors_liste")), text
    quality = p.soft_skills.qualites[0].nom
    text = reply(f"et {quality.lower()}, elle y est ?", "salaire", slots={"sujet": "soft_skills"})
    assert text.startswith(f"Oui, « {quality} »"), text


def test_the_saying_asked_with_the_pay_in_a_part_of_its_own_is_the_saying():
    text = "y a une citation dans la fiche ? sur le salaire"
    parts = question_parts(text, ("y a une citation dans la fiche", "definition", 0.84), ("sur le salaire", "salaire", 1.0))
    said = reply(text, "salaire", parts=parts)
    assert said.startswith(template_start("salaire.citation")), said


def test_the_pay_by_month_of_one_level_is_that_levels_only():
    levels = default_profession().salaire.niveaux
    text = "le salaire débutant c'est combien par mois ?"
    start = text.index("débutant")
    q = school().understand(text, [{"entity": "experience", "value": "debutant", "start": start, "end": start + 8}],
                            "salaire", [])
    said = dialogue.respond(school(), dialogue.Turn(q, "salaire", (("salaire", 0.9),), {}, None, dialogue.ANSWER)).reply.text
    monthly = said.split(school().replier.t["hors_fiche.proche"].split("{")[0])[0]
    assert euros(round(levels.debutant.min / 12)) in monthly and euros(round(levels.confirme.min / 12)) not in monthly, said


def test_a_job_of_the_evolutions_asked_by_its_rank_is_that_job():
    postes = default_profession().evolutions.postes
    text = reply("le 2e c'est lequel ?", "contraintes", slots={"sujet": "evolutions"})
    assert text.startswith(template_start("evolutions_rang")) and postes[1] in text.split("\n")[0], text
    experiences = default_profession().experiences
    text = reply("et la deuxième ?", "relance", slots={"sujet": "experiences"})
    assert text.startswith(template_start("experiences_rang")) and experiences[1].poste in text.split("\n")[0], text


def test_helping_people_settle_abroad_is_the_mobility_mission_and_a_feminine_job_a_detail_not_given():
    mobility = next(m.intitule for m in default_profession().missions if "mobilit" in fold(m.intitule))
    text = reply("est-ce qu'il aide les gens à s'installer quand ils partent à l'étranger ?", "missions")
    assert mobility in text.split("\n")[0], text
    label = next(d.label for d in school().absent_details if d.id == "population")
    assert label in reply("c'est un métier plutôt féminin ?", "contraintes")


def test_at_least_a_score_counts_that_score():
    skills = default_profession().hard_skills.competences
    limit = sorted(k.score for k in skills)[len(skills) // 2]
    text = reply(f"combien de compétences ont au moins {limit} ?", "hard_skills", slots={"sujet": "hard_skills"})
    kept = [k for k in skills if k.score >= limit]
    assert text.startswith(template_start("hard_skills.seuil")) and f" {len(kept)} " in text.split("\n")[0], text


def test_the_students_own_experience_cited_by_the_fiche_gets_yes_first():
    job = default_profession().experiences[-1].poste
    said = job.replace("(e)", "e").lower()
    text = reply(f"Je suis {said}. Mon profil a-t-il un intérêt pour ce métier ?", "experiences")
    assert text.startswith(template_start("experience_la_votre")) and job in text.split("\n")[0], text
