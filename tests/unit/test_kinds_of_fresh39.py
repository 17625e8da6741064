"""Kinds seen in a set written apart (tests/nlu/test_fresh39.yml): another job named with a clipped word (« un chargé
de com »); a request read as thanks; « c tout ? », « en 1 phrase ? »; details the fiche lacks as students write them;
the start of a career with no level word; a diploma needed for a level; « pk il dit ça ? » after the saying; « et ça
paye ? » after the evolutions. Texts are read from the fixture fiche."""
import re

from core import dialogue
from tests.support.knowledge import amounts, conversation, default_profession, replied, replies_to, school, template_start

A = dialogue.ANSWER


def test_another_job_named_with_a_clipped_word_is_another_profession_not_a_failure():
    """« com » stands for « communication »: the index reads one word for it, and the other job is named as written."""
    replies = replies_to(("combien gagne un plombier ?", "salaire", A), ("ok et un chargé de com ?", "salaire", A))
    assert replies[1].startswith(template_start("autre_metier")) and "com" in replies[1], replies[1]


def _said(figure: str, reply: str) -> bool:
    """Whether a reply shows a figure (as `amounts` gives it: « 31500 »), whatever its thousands separator."""
    return figure in re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", "", reply)


def test_a_request_read_as_thanks_without_a_word_of_thanks_gets_only_its_answer():
    """« ok cite les tous » after a tool, read as thanks: the tools, and no « avec plaisir »; « merci ! » still thanks."""
    _, slots = conversation(("à quoi servent les outils ?", "outils", A))
    q = school().understand("ok cite les tous", [], "remerciement", [])
    thank, outcome = dialogue.after_thanks(school(), dialogue.Turn(q, "remerciement", (("remerciement", 0.6),), slots,
                                                                     None, A))
    assert not thank and outcome is not None
    assert all(c.nom in outcome.reply.text for c in default_profession().outils.categories), outcome.reply.text
    q = school().understand("merci beaucoup !", [], "remerciement", [])
    assert dialogue.after_thanks(school(), dialogue.Turn(q, "remerciement", (("remerciement", 0.9),), slots, None, A))[0]


def test_is_that_all_after_a_list_is_that_list_whole_whatever_the_model_read():
    replies = replies_to(("on fait quoi concrètement ?", "missions", A), ("c tout ?", "contraintes", A))
    assert all(m.intitule in replies[1] for m in default_profession().missions), replies[1]
    # without a question mark it closes the conversation: not the list again
    assert not replies_to(("on fait quoi concrètement ?", "missions", A),
                          ("ok c'est tout", "au_revoir", dialogue.OUT_OF_SCOPE))[1].startswith(replies[1][:30])


def test_in_one_sentence_after_an_answer_is_that_answer_again_not_a_clarification():
    replies = replies_to(("c'est quoi ce métier en gros ?", "definition", A),
                         ("trop long, en 1 phrase ?", "nlu_fallback", dialogue.CLARIFY))
    assert replies[1] == replies[0], replies[1]


def test_details_the_fiche_lacks_said_as_students_write_them():
    intro = template_start("hors_fiche.intro")
    assert replied("c plus un métier de filles ou de gars ?", "contraintes").startswith(intro)
    assert replied("qui recrute ce genre de profil ?", "nlu_fallback", dialogue.CLARIFY).startswith(intro)
    for follow_up in ("donc à paris c plus ?", "compare au smic ?"):
        said = replies_to(("le salaire dépend de quoi ?", "salaire", A), (follow_up, "nlu_fallback", dialogue.CLARIFY))[1]
        assert said.startswith(intro), (follow_up, said)
    # a place alone, with no topic before it, is still out of scope
    assert not replied("il fait beau à paris ?", "nlu_fallback", dialogue.CLARIFY).startswith(intro)
    # « payé au smic, c'est vrai ? » doubts a figure: the fiche's pay answers it
    assert not replied("on m'a dit qu'au début c'est payé au smic, c'est vrai ?", "salaire").startswith(intro)


def test_the_start_of_a_career_said_without_a_level_word_is_the_beginner():
    (beginner, _), (_, top) = amounts("debutant"), amounts("confirme")
    for text, intent, kind in (("hi, what's the starting salary for this job?", "salaire", A),
                               ("tu m'as dit combien pour le début déjà ?", "hors_sujet", dialogue.OUT_OF_SCOPE)):
        said = replies_to(("quel salaire ?", "salaire", A), (text, intent, kind))[1]
        assert _said(beginner, said) and not _said(top, said), (text, said)


def test_a_diploma_asked_as_needed_for_a_level_is_the_diploma_not_the_pay():
    _, top = amounts("confirme")
    said = replies_to(("combien gagne un confirmé ?", "salaire", A, "confirme"),
                      ("et pour être confirmé faut un mastère ?", "relance", A, "confirme"))[1]
    assert not _said(top, said) and replied("faut-il un mastère ?", "diplome") == said, said
    unsure = replied("je voudrais savoir à partir de quel niveau on est prêt pour le poste", "nlu_fallback",
                     dialogue.CLARIFY)
    assert unsure == replied("quel niveau d'études faut-il ?", "diplome"), unsure


def test_why_it_says_that_after_the_saying_is_the_saying_unexplained():
    p = default_profession()
    said = replies_to(("c koi le proverbe sur le salaire ?", "salaire", A), ("pk il dit ca ?", "missions", A))[1]
    assert said == school().replier.saying_meaning(p).text, said


def test_does_it_pay_after_the_evolutions_is_the_pay_of_those_jobs_which_the_fiche_lacks():
    beginner, _ = amounts("debutant")
    said = replies_to(("on peut évoluer vers quoi ?", "evolutions", A), ("et ça paye ?", "salaire", A))[1]
    assert school().replier.cited_pay_label("evolutions") in said and not _said(beginner, said), said
    # the profession in play named: its own pay
    said = replies_to(("on peut évoluer vers quoi ?", "evolutions", A), ("et ça paye bien ce métier ?", "salaire", A))[1]
    assert _said(beginner, said), said


def test_what_a_diploma_prepares_for_exactly_is_that_diploma_not_its_specialty():
    said = replied("le bts il prépare à quoi exactement ?", "bts")
    assert said == replied("le bts il prépare à quoi ?", "bts"), said
    assert replied("quel bts exactement ?", "bts").startswith(template_start("hors_fiche.intro"))


def test_from_the_very_start_to_the_very_top_is_the_whole_career():
    (low, _), (_, high) = amounts("debutant"), amounts("confirme")
    said = replied("ça fait quel pourcentage d'augmentation du tout début au tout max ?", "salaire")
    rise = f"{(int(high) - int(low)) * 100 / int(low):.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert _said(low, said) and _said(high, said) and f"{rise} %" in said.replace("\u00a0", " "), said


def test_an_average_by_the_month_rounded_and_the_gap_between_two_averages():
    confirmed = [int(a) for a in amounts("confirme")]
    replies = replies_to(("le salaire du confirmé ?", "salaire", A, "confirme"), ("et la moyenne de ça ?", "salaire", A),
                         ("en chiffre rond par mois ?", "salaire", A))
    monthly = round(sum(confirmed) / 2 / 12)
    assert _said(str(monthly), replies[2]), replies[2]
    beginner = [int(a) for a in amounts("debutant")]
    gap = round(sum(confirmed) / 2 - sum(beginner) / 2)
    said = replied("et la diff entre les deux moyennes débutant et confirmé ?", "salaire")
    assert _said(str(gap), said), said


def test_work_study_asked_after_a_diploma_the_fiche_does_not_say_it_of_is_said_not_given():
    """« et l'alternance c possible ? » after the Mastère (the fiche's work-study text names the BTS and the Bachelor):
    the fiche does not say it of the Mastère, never « Oui, un Mastère permet d'exercer… »; after the BTS, it does."""
    intro = template_start("hors_fiche.intro")
    master = replied("le mastère ça sert à quoi ?", "mastere")
    said = replies_to(("le mastère ça sert à quoi ?", "mastere", A), ("et l'alternance c possible ?", "alternance", A))[1]
    assert said.startswith(intro) and master[:40] not in said, said
    said = replies_to(("le bts c'est quoi ?", "bts", A), ("et l'alternance c possible ?", "alternance", A))[1]
    assert not said.startswith(intro), said
