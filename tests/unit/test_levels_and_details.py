"""What a student reads when a message asks what the experience levels mean or mistakes years of study or
an age for experience (core/levels.py), asks a pay detail the fiche does not give, or follows up on the
previous answer. Through core/dialogue.py on the behaviour knowledge folder: the figures are read from it."""
import pytest

from core import dialogue
from core.levels import levels_asked
from core.textnorm import fold
from core.understanding import stated_amount
from tests.support.helpers import norm
from tests.support.knowledge import amounts, default_profession, school


def reply_to(text, intent, kind=dialogue.ANSWER, slots=None, parts=(), **entities):
    """The reply read by the student; `parts`: (words of the message, intent) as the classifier splits it."""
    found = [{"entity": name, "value": value, "start": max(0, text.find(value))} for name, value in entities.items()]
    spans = [{"text": words, "intent": topic, "confidence": 0.9, "start": text.find(words),
              "end": text.find(words) + len(words)} for words, topic in parts]
    q = school().understand(text, found, intent, spans)
    return norm(dialogue.respond(school(), dialogue.Turn(q, intent, (), slots or {}, None, kind)).reply.text)


def level_years(level):
    return getattr(default_profession().salaire.niveaux, level).experience


@pytest.mark.parametrize("text, mistaken", [
    ("un bac+3, ça fait 3 ans d'expérience ?", "etudes"),
    ("avec mon master donc je serai directement senior ?", "etudes"),
    ("j'ai 30 ans, donc je compte comme confirmée ?", "age"),
    ("à partir de combien d'années on est confirmé ?", None),
    ("j'ai 4 ans d'expérience, je suis junior ou senior ?", None),
])
def test_a_question_on_the_levels_is_told_apart(text, mistaken):
    asked = levels_asked(fold(text))
    assert asked is not None and asked.mistaken == mistaken


@pytest.mark.parametrize("text", ["je suis débutant, je gagne combien ?", "un master aide à devenir senior ?",
                                  "combien gagne un confirmé ?", "le bachelor dure combien de temps ?"])
def test_a_salary_or_diploma_question_is_no_levels_question(text):
    assert levels_asked(fold(text)) is None


@pytest.mark.parametrize("text, intent, entities", [
    ("un bac+3, ça fait 3 ans d'expérience ?", "bachelor", {"diplome": "bachelor"}),
    ("avec mon master donc je serai directement senior ?", "mastere", {"diplome": "mastere"}),
    ("j'ai 30 ans, donc je compte comme confirmée ?", "salaire", {}),
])
def test_years_of_study_or_an_age_taken_for_experience_are_corrected_with_the_levels(text, intent, entities):
    reply = reply_to(text, intent, **entities)
    assert reply.startswith("non :"), reply
    assert norm(level_years("debutant")) in reply and norm(level_years("confirme")) in reply
    assert "annees d'etudes" in reply


def test_the_wrong_level_for_the_years_given_is_corrected():
    reply = reply_to("on devient confirmé au bout d'un an, c'est ça ?", "salaire", experience="confirme")
    assert reply.startswith("non :") and norm(level_years("confirme")) in reply, reply


def test_years_between_the_levels_are_said_to_have_no_level():
    reply = reply_to("avec 4 ans d'expérience je suis junior ou senior ?", "experiences")
    assert "ne donne pas de niveau pour 4 ans" in reply
    assert norm(level_years("debutant")) in reply and norm(level_years("confirme")) in reply


@pytest.mark.parametrize("text", ["à Bordeaux, un débutant touche combien ?", "le salaire d'un stagiaire, c'est combien ?",
                                  "dans la fonction publique on gagne plus ?"])
def test_a_pay_detail_the_fiche_does_not_give_shows_no_figure_that_would_pass_for_it(text):
    reply = reply_to(text, "salaire")
    assert "la fiche ne precise pas" in reply
    assert not any(amount in reply for level in ("debutant", "confirme") for amount in amounts(level)), reply


def test_the_net_pay_still_gets_the_gross_figures():
    reply = reply_to("le salaire net par mois d'un débutant ?", "salaire", experience="debutant")
    assert "la fiche ne precise pas le salaire net" in reply and amounts("debutant")[0] in reply


@pytest.mark.parametrize("text", ["en alternance on est rémunéré comment ?", "le rythme école entreprise de l'alternance ?"])
def test_work_study_pay_or_rhythm_in_any_wording_is_said_missing(text):
    reply = reply_to(text, "alternance")
    assert "la fiche ne precise pas le rythme ni la remuneration de l'alternance" in reply


def test_a_diploma_the_work_study_text_does_not_name_is_said_missing():
    assert "mastere" not in norm(default_profession().alternance)
    reply = reply_to("le mastère existe en alternance ?", "mastere", diplome="mastere")
    assert reply.startswith("la fiche ne precise pas si le mastere se prepare en alternance"), reply


def test_a_ranking_follow_up_goes_to_the_previous_list():
    best = max(default_profession().hard_skills.competences, key=lambda s: s.score)
    reply = reply_to("et celle qui a le meilleur score ?", None, kind=dialogue.CLARIFY, slots={"sujet": "hard_skills"})
    assert norm(best.nom) in reply, reply


def test_a_pronoun_follow_up_taken_for_out_of_scope_goes_back_to_the_previous_answer():
    reply = reply_to("et comment y faire face au quotidien ?", "hors_sujet", kind=dialogue.OUT_OF_SCOPE,
                     slots={"sujet": "contraintes"})
    assert norm(default_profession().contraintes.liste[0]) in reply, reply


def test_a_diploma_rightly_equated_with_a_beginner_gets_the_levels_without_a_no():
    reply = reply_to("le bachelor, ça correspond à un profil débutant ?", "bachelor", diplome="bachelor")
    assert not reply.startswith("non") and norm(level_years("debutant")) in reply, reply


def test_work_study_pay_asked_per_month_gets_no_employee_figures():
    text = "un apprenti, il touche combien net par mois ?"
    reply = reply_to(text, "salaire", parts=(("un apprenti", "alternance"), ("il touche combien net par mois", "salaire")))
    assert "la fiche ne precise pas le rythme ni la remuneration de l'alternance" in reply
    assert not any(amount in reply for level in ("debutant", "confirme") for amount in amounts(level)), reply


def test_a_city_written_apart_qualifies_the_topic_the_other_part_asks():
    text = "à Bordeaux, un débutant touche combien ?"
    reply = reply_to(text, "salaire", parts=(("à Bordeaux", "hors_sujet"), ("un débutant touche combien", "salaire")),
                     experience="debutant")
    assert reply.count("la fiche ne precise pas") == 1 and "pays ou la ville" in reply
    assert not any(amount in reply for level in ("debutant", "confirme") for amount in amounts(level)), reply


@pytest.mark.parametrize("text, intent, entities", [
    ("la gestion de projet, c'est accessoire non ?", "hard_skills", {"competence": "gestion_projet"}),
    ("l'adaptabilité, pas vraiment utile ici ?", "soft_skills", {}),
    ("pas d'alternance possible pour ce métier je suppose ?", "alternance", {}),
])
def test_a_premise_that_something_the_fiche_gives_does_not_count_is_corrected(text, intent, entities):
    assert reply_to(text, intent, **entities).startswith("non : selon la fiche")


def test_a_diploma_taken_for_a_guaranteed_job_is_corrected_with_what_evolving_takes():
    reply = reply_to("un bachelor, c'est l'assurance d'avoir un job, c'est garanti ?", "bachelor", diplome="bachelor")
    assert reply.startswith("non : la fiche ne dit pas qu'un diplome garantit un poste"), reply
    assert norm(default_profession().evolutions.conditions) in reply


def test_a_wrong_score_stated_about_a_skill_is_corrected_not_confirmed():
    skill = default_profession().hard_skills.competences[0]
    wrong = skill.score - 7 if skill.score > 50 else skill.score + 7
    text = reply_to(f"j'ai lu que {skill.nom.lower()} avait {wrong}, c'est juste ?", "hard_skills")
    assert text.startswith("non"), text
    assert str(skill.score) in text and f"pas {wrong}" in text
    right = reply_to(f"{skill.nom.lower()}, c'est bien {skill.score} ?", "hard_skills")
    assert not right.startswith("non") and str(skill.score) in right
    after_a_level = reply_to(f"{skill.nom.lower()}, ça sert après un bac+3 ?", "hard_skills")
    assert not after_a_level.startswith("non")


def test_a_rank_the_fiche_does_not_give_is_said_missing_before_its_highest_level():
    low, high = amounts("confirme")
    text = reply_to("un senior, il gagne combien ?", "salaire", experience="confirme")
    assert "ne distingue pas de niveau" in text and "senior" in text
    assert low in text and high in text
    plain = reply_to("combien gagne un confirmé ?", "salaire", experience="confirme")
    assert "ne distingue pas" not in plain and low in plain


def level_range(level):
    lvl = getattr(default_profession().salaire.niveaux, level)
    return lvl.min, lvl.max


def written(euros):
    return f"{euros:,}".replace(",", " ")


def test_an_amount_stated_for_a_level_is_checked_against_the_fiche_whatever_topic_its_verbs_suggest():
    low, high = level_range("debutant")
    wrong = reply_to(f"un débutant commence à {written(high + 10000)} €, c'est ça ?", "experiences",
                     experience="debutant")
    assert wrong.startswith("non :") and all(a in wrong for a in amounts("debutant")), wrong
    right = reply_to(f"un débutant gagne {written(low)} € ?", "salaire", experience="debutant")
    assert right.startswith("oui.") and all(a in right for a in amounts("debutant")), right
    # « au minimum X »: right only if X is the fiche's bottom figure
    above = reply_to(f"un débutant gagne au minimum {written(low + 1000)} € ?", "salaire", experience="debutant")
    assert above.startswith("non :"), above
    bottom = reply_to(f"un débutant gagne au minimum {written(low)} € ?", "salaire", experience="debutant")
    assert bottom.startswith("oui."), bottom
    # a monthly amount is not compared with yearly figures: the figures, with no verdict
    monthly = reply_to("un débutant gagne 2 000 € par mois ?", "salaire", experience="debutant")
    assert not monthly.startswith(("oui", "non")) and all(a in monthly for a in amounts("debutant")), monthly


@pytest.mark.parametrize("text, amount", [
    ("ça commence vers 45k ?", (45000, False, None)), ("2 500 euros par mois au début ?", (2500, True, None)),
    ("au minimum 50 000 € ?", (50000, False, "min")), ("jusqu'à 60k ?", (60000, False, "max")),
    ("l'école coûte 8 000 € par an ?", None), ("entre 30 000 et 35 000 € ?", None), ("un bac+5 en 2025 ?", None),
    ("la compétence notée 91 ?", None),
])
def test_an_amount_of_money_is_told_from_a_price_a_range_a_year_or_a_score(text, amount):
    assert stated_amount(fold(text)) == amount


def test_a_score_asked_after_the_skills_is_a_score_not_a_pay():
    reply = reply_to("elle est notée combien ?", "salaire", slots={"sujet": "hard_skills"})
    skills = default_profession().hard_skills.competences
    assert all(str(s.score) in reply for s in skills) and not any(a in reply for a in amounts("debutant")), reply


def test_an_age_with_the_beginner_level_gets_the_levels_without_a_no():
    reply = reply_to("j'ai 22 ans, je suis forcément dans la tranche débutant ?", "salaire", experience="debutant")
    assert not reply.startswith("non") and "annees d'experience" in reply, reply
    assert norm(level_years("debutant")) in reply and norm(level_years("confirme")) in reply


def test_how_pay_grows_with_experience_gets_both_levels():
    reply = reply_to("est-ce que le salaire augmente avec l'expérience ?", "salaire", experience="confirme")
    assert all(a in reply for a in amounts("debutant") + amounts("confirme")), reply


def test_years_after_the_evolutions_continue_the_evolutions_not_the_pay():
    reply = reply_to("et au bout de 10 ans ?", "salaire", slots={"sujet": "evolutions"})
    assert not any(a in reply for a in amounts("debutant") + amounts("confirme")), reply
    assert reply == reply_to("quelles sont les évolutions possibles ?", "evolutions"), reply
    # after the salary, the same words stay a question of pay
    assert all(a in reply_to("et au bout de 10 ans ?", "salaire", slots={"sujet": "salaire"}) for a in amounts("confirme"))


def test_a_skill_said_no_longer_needed_is_corrected_with_its_score_whatever_the_topic():
    skill = default_profession().hard_skills.competences[0]
    reply = reply_to(f"avec les logiciels d'aujourd'hui, plus besoin de {skill.nom.lower()}, non ?", "outils",
                     competence=skill.id)
    assert reply.startswith("non :") and str(skill.score) in reply, reply
