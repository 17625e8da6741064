"""Kinds seen in a set written apart (tests/nlu/test_fresh35.yml): an average of a level's pay is the middle of its
range, and « par mois ? » next is that middle by the month; the thanks of a parent for « ces informations » are only
thanks; « allez stp » right after a polite refusal is refused again; « genre ? » and « cite-les toutes » follow the
list just answered; « le max qu'on peut toucher » asks the pay, « au bout de combien de temps ? » next its levels;
« combien de fois plus ? » is the higher over the lower. Figures are read from the fixture fiche."""
from core import dialogue
from core.courtesy import only_courtesy
from core.cues import cues
from core.knowledge import euros
from core.textnorm import years_in
from tests.support.knowledge import conversation, default_profession, pay_levels, replied, replies_to, school, template_start

A, C, OUT = dialogue.ANSWER, dialogue.CLARIFY, dialogue.OUT_OF_SCOPE


def middle(level) -> int:
    return round((level.min + level.max) / 2)


def test_the_average_pay_of_a_level_is_the_middle_of_its_range_and_shows_that_level_only():
    beginner, confirmed = pay_levels()
    said = replied("le salaire moyen d'un débutant c cb ?", "salaire")
    assert f"{euros(middle(beginner))} €" in said, said
    assert euros(confirmed.max) not in said, said  # the figures shown are the beginner's


def test_by_the_month_right_after_a_middle_is_that_middle_by_the_month():
    beginner, confirmed = pay_levels()
    replies = replies_to(("le salaire moyen d'un débutant c cb ?", "salaire", A), ("par mois ?", "salaire", A))
    assert f"{euros(round(middle(beginner) / 12))} €" in replies[1], replies[1]
    said = replied("et par semaine le confirmé moyen ?", "salaire")
    assert f"{euros(round(middle(confirmed) / 52))} €" in said, said


def test_thanks_for_the_information_are_thanks_only():
    assert only_courtesy("Je vous remercie pour ces informations, bonne journée.")
    assert only_courtesy("merci pour toutes ces explications")
    assert not only_courtesy("merci pour les infos, et le salaire ?")


def test_insisting_right_after_a_refusal_is_refused_again():
    refusal = template_start("hors_sujet")
    for insisting, intent in (("allez stp juste le score", "au_revoir"), ("pls 🙏", "outils")):
        replies = replies_to(("t'as vu le match hier ??", "hors_sujet", OUT), (insisting, intent, A))
        assert replies[1].startswith(refusal), (insisting, replies[1])
    # after an answer, « stp » is no refusal
    replies = replies_to(("quel salaire ?", "salaire", A), ("stp les missions", "missions", A))
    assert not replies[1].startswith(refusal), replies[1]


def test_for_instance_and_list_them_all_follow_the_list_just_answered():
    p = default_profession()
    replies = replies_to(("c quoi les inconvenients du metier ??", "contraintes", A), ("genre ?", "missions", A))
    assert replies[1] == replies[0], replies[1]
    quality = p.soft_skills.qualites[-1]
    replies = replies_to((f"et la {quality.nom.lower()} ça sert a quoi ?", "soft_skills", A),
                         ("cite les toutes stp", "nlu_fallback", C))
    assert all(q.nom in replies[1] for q in p.soft_skills.qualites), replies[1]


def test_the_most_one_can_earn_is_the_pay_and_how_long_next_its_levels():
    beginner, confirmed = pay_levels()
    replies = replies_to(("ça paye ?", "salaire", A), ("le max qu'on peut toucher dans ce metier c cb ?", "evolutions", A),
                         ("au bout de cb de temps ?", "contraintes", A))
    assert euros(confirmed.max) in replies[1] and not replies[1].startswith(template_start("evolutions")), replies[1]
    assert confirmed.experience in replies[2], replies[2]


def test_how_many_times_more_is_the_higher_over_the_lower_and_doubling_two_figures_is_their_ratio():
    beginner, confirmed = pay_levels()
    replies = replies_to(("entre le max d'un debutant et le max d'un confirmé ya cb de diff ?", "salaire", A),
                         ("ça fait combien de fois plus ?", "salaire", A))
    ratio = f"{confirmed.max / beginner.max:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"{ratio} fois" in replies[1], replies[1]
    said = replied("et le max confirmé c le double du min debutant ?", "salaire")
    ratio = f"{confirmed.max / beginner.min:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"{ratio} fois" in said, said


def test_on_leaving_school_is_a_beginner_and_over_years_in_all_is_a_period_of_pay():
    beginner, confirmed = pay_levels()
    replies = replies_to(("et je pourrai gagner cb en sortant ?", "salaire", A),
                         ("ça fait cb par semaine au min ?", "salaire", A),
                         ("et sur 3 ans ça fait combien au total au minimum ?", "salaire", A))
    assert euros(beginner.min) in replies[0] and euros(confirmed.max) not in replies[0], replies[0]
    assert f"{euros(round(beginner.min / 52))} €" in replies[1], replies[1]
    assert f"{euros(beginner.min * 3)} €" in replies[2], replies[2]
    assert years_in("sur 3 ans ça fait combien au total") is None and years_in("après 3 ans") == 3
    said = replies_to(("un confirmé gagne combien ?", "salaire", A, "confirme"), ("et en hebdo ?", "salaire", A))[1]
    assert f"{euros(round(confirmed.min / 52))} €" in said, said


def test_a_word_of_what_the_fiche_says_of_a_diploma_in_general_follows_that_diploma():
    p = default_profession()
    bts = next(path for path in p.parcours if path.nom == "BTS")
    replies = replies_to(("le bts ça apprend quoi ?", "bts", A), ("c'est plutot pr etre autonome ?", "soft_skills", A))
    assert bts.general in replies[1], replies[1]


def test_who_decides_it_follows_the_answer_just_given():
    replies = replies_to(("c koi le rncp ?", "rncp", A), ("c qui qui decide ça ?", "diplome", A))
    assert replies[1] == replies[0], replies[1]


def test_where_a_calculation_comes_from_is_that_calculation_again_which_says_it_is_one():
    replies = replies_to(("le salaire moyen d'un débutant c cb ?", "salaire", A),
                         ("c calculé par toi ou c dans la fiche ?", "nlu_fallback", C))
    assert replies[1] == replies[0] and replies[1].startswith(template_start("salaire.calcul")), replies[1]


def test_the_faq_answering_everything_is_asked_of_the_faq_not_of_the_assistant():
    """« elle répond à tout ? » right after the FAQ, read as a question about the assistant (domain.yml's canned reply,
    unless dialogue.asked_instead finds what it asks of the fiche)."""
    first, slots = conversation(("ya une faq ?", "faq", A))
    q = school().understand("elle repond a tout ?", [], "question_bot", [])
    instead = dialogue.asked_instead(school(), dialogue.Turn(q, "question_bot", (("question_bot", 0.9),), slots, None, A))
    assert instead is not None and first[0].split("\n")[0] in instead.reply.text, instead
    assert cues("tu reponds a tout ?").of_the_assistant and not cues("elle repond a tout ?").of_the_assistant


def test_asked_in_english_whether_a_masters_is_needed_the_answer_is_no():
    said = replied("do I need a master's degree?", "diplome")
    assert said.startswith("Non"), said
