"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh21.yml), which earlier sets share:
the item next to the one just answered (« et juste au-dessus ? », « la suivante ? »), « pourquoi ? » about it, the skill
in play compared with another (« elle est mieux notée que la rédaction ? »), the saying called a proverb or quoted, the
qualities asked their score, an amount said of the first job (« on commence à 45k »), a quality said « pas demandée ».
Through core/dialogue.py on the behaviour knowledge: every expected word is read from the fixture fiche or its
templates."""
from core import dialogue
from core.items import by_score
from core.knowledge import euros
from tests.support.knowledge import conversation as talk
from tests.support.knowledge import default_profession, school, template_start
from tests.support.knowledge import replied as reply

A, C, OUT = dialogue.ANSWER, dialogue.CLARIFY, dialogue.OUT_OF_SCOPE


def conversation(*turns):
    """The replies to messages sent in order (each (text, intent, kind))."""
    return talk(*turns)[0]


def test_the_skill_just_above_or_below_the_one_answered_is_the_next_by_score():
    ranked = by_score(default_profession())
    replies = conversation(("quelle hard skill a la plus petite note ?", "hard_skills", A),
                           ("et juste au dessus ?", "nlu_fallback", C),
                           ("elle a quoi comme mots-clés celle-là ?", "hors_sujet", OUT))
    above = ranked[-2]
    for text in replies[1:]:
        assert text.startswith(f"{above.nom} : ") and f"Score de {above.score}" in text, text
    replies = conversation(("la plus importante des hard skills ?", "hard_skills", A), ("et la suivante ?", "nlu_fallback", C),
                           ("et en dessous ?", "nlu_fallback", C))
    assert replies[1].startswith(f"{ranked[1].nom} : ") and replies[2].startswith(f"{ranked[2].nom} : "), replies


def test_the_mission_after_or_before_the_one_answered_is_in_the_fiche_order():
    missions = default_profession().missions
    replies = conversation(("c quoi la 1ere mission ?", "missions", A), ("et la suivante ?", "nlu_fallback", C),
                           ("et celle d avant ?", "nlu_fallback", C))
    assert f"« {missions[1].intitule} »" in replies[1] and missions[1].detail in replies[1], replies[1]
    assert f"« {missions[0].intitule} »" in replies[2], replies[2]
    # nothing before the first: no other mission is given in its place
    replies = conversation(("c quoi la 1ere mission ?", "missions", A), ("la précédente ?", "nlu_fallback", C))
    assert not any(f"« {m.intitule} » est une" in replies[1] for m in missions[1:]), replies[1]


def test_why_alone_after_a_stepping_stone_gets_what_the_fiche_says_it_brings():
    stone = default_profession().experiences[0]
    replies = conversation((f"{stone.poste.lower()} ça aide ?", "experiences", A), ("pourquoi ?", "hors_sujet", OUT))
    assert stone.poste in replies[1] and not replies[1].startswith(template_start("hors_sujet")), replies[1]


def test_the_skill_in_play_is_compared_with_the_one_the_message_names():
    skills = default_profession().hard_skills.competences
    for first in skills:
        for second in (s for s in skills if s is not first):
            replies = conversation((f"c quoi les mots clés de {first.nom.lower()} ?", "hard_skills", A),
                                   (f"elle est mieux notée que {second.nom.lower()} ?", "hard_skills", A))
            assert f"{first.nom} ({first.score})" in replies[1] and f"{second.nom} ({second.score})" in replies[1], \
                replies[1]


def test_the_saying_called_a_proverb_or_quoted_by_its_words_is_given_as_written():
    saying = default_profession().salaire.citation
    for text, intent, kind in (("la fiche cite un genre de proverbe sur l'argent je crois ?", "hors_sujet", OUT),
                               ("la fiche dit que dans le dico le travail vient avant le salaire c ça ?", "salaire", A)):
        assert saying in reply(text, intent, kind), text
    # two of its words are a question on the pay
    assert saying not in reply("le salaire c'est avant impôts ?", "salaire")


def test_the_qualities_asked_their_score_are_said_to_have_none():
    text = reply("les qualités elles ont un score ?", "soft_skills")
    assert text.startswith(template_start("soft_skills.sans_score")), text
    assert all(q.nom in text for q in default_profession().soft_skills.qualites), text


def test_an_amount_said_of_the_start_is_checked_against_the_beginners_pay():
    beginner = default_profession().salaire.niveaux.debutant
    text = reply(f"ma pote dit qu'on commence à {beginner.max // 1000 + 10}k direct c vrai ??", "salaire")
    assert text.startswith("Non") and euros(beginner.min) in text, text


def test_a_quality_said_not_asked_for_gets_si():
    quality = default_profession().soft_skills.qualites[0]
    text = reply(f"{quality.nom.lower()} c pas demandé si ?", "soft_skills")
    assert text.startswith("Si : ") and quality.nom in text, text


def test_a_whole_list_denied_gets_the_list_said_to_be_one():
    """« ce métier n'a aucune contrainte, j'ai bon ? », « y a aucun outil à maîtriser si ? »: never « Oui », nor a
    mission one of whose words starts like « contrainte »; a thing denied that the list lacks is still said not cited."""
    denied = template_start("liste_niee")
    for text, intent, kind in (("D'après la fiche ce métier n'a aucune contrainte particulière, j'ai bon ?", "nlu_fallback", C),
                               ("y a aucun outil à maîtriser si ?", "outils", A),
                               ("on n'a pas besoin de qualités particulières pour ce métier ?", "soft_skills", A)):
        assert reply(text, intent, kind).startswith(denied), text
    text = reply("il ne fait pas de recrutement parmi ses missions ?", "missions")
    assert text.startswith(template_start("element_non_cite")), text


def test_a_cited_job_asked_its_pay_by_a_pronoun_is_said_not_to_be_given():
    """(tests/nlu/test_fresh22.yml) « le 3e il consiste en quoi » then « il est payé combien ? »: that job's pay, which
    the fiche does not give; never this profession's salary."""
    stone = default_profession().experiences[2]
    beginner = default_profession().salaire.niveaux.debutant
    replies = conversation(("je peux faire quoi avant ?", "experiences", A), ("le 3e il consiste en quoi", "nlu_fallback", C),
                           ("il est payé combien ?", "salaire", A))
    assert replies[2].startswith("La fiche ne précise pas") and stone.poste in replies[2], replies[2]
    assert euros(beginner.min) not in replies[2], replies[2]


def test_someone_of_the_students_named_by_a_job_is_no_profession_asked():
    from core import dialogue as d
    text = "mon prof principal dit qu'il faut OBLIGATOIREMENT un bac+5 pour ce metier, c vrai ?"
    q = school().understand(text, [{"entity": "metier", "value": "prof"}], "diplome", [])
    answer = d.respond(school(), d.Turn(q, "diplome", (), {}, None, A)).reply.text
    assert not answer.startswith(template_start("autre_metier")), answer


def test_explain_it_and_why_follow_the_saying_and_the_diploma_just_answered():
    replies = conversation(("y a une phrase marrante sur le salaire dans la fiche ?", "salaire", A),
                           ("tu peux l'expliquer ?", "nlu_fallback", C))
    assert replies[1].startswith(template_start("salaire.citation_sens")), replies[1]
    replies = conversation(("et le bts ça suffit pas ?", "bts", A), ("pourquoi ?", "hors_sujet", OUT))
    assert not replies[1].startswith(template_start("hors_sujet")) and "BTS" in replies[1], replies[1]


def test_the_points_between_the_skill_in_play_and_another_are_their_gap():
    ranked = by_score(default_profession())
    best, other = ranked[0], ranked[-2]
    replies = conversation(("la compétence la mieux notée ?", "hard_skills", A),
                           (f"c'est combien de points de plus que {other.nom.lower()} ?", "hard_skills", A))
    assert f"{best.score - other.score} point(s)" in replies[1], replies[1]


def test_how_many_skills_are_scored_is_a_count_not_the_scale():
    text = reply("il y a combien de hard skills notées sur la fiche ?", "hard_skills")
    assert str(len(default_profession().hard_skills.competences)) in text.split("\n")[0], text


def test_which_one_of_the_list_just_given_is_found_by_one_word_of_its_text():
    """« laquelle sert pour … ? » after the qualities: the one quality a word of the message says in its text (a word
    no other quality has); without « laquelle », one word is not enough."""
    from core.items import item_texts, unique_stems
    from core.stemming import stems
    from core.textnorm import fold
    p = default_profession()
    texts = item_texts(p, "soft_skills")[0]
    unique = unique_stems([stems(fold(t)) for t in texts])
    index, word = next((i, w) for i, q in enumerate(p.soft_skills.qualites) for w in fold(q.detail).split()
                       if len(w) > 6 and stems(w) and stems(w) <= unique and not stems(w) & stems(fold(p.intitule)))
    replies = conversation(("donne moi les soft skills stp", "soft_skills", A),
                           (f"laquelle sert pour {word} ?", "nlu_fallback", C))
    assert replies[1].startswith(f"« {p.soft_skills.qualites[index].nom} »"), (word, replies[1])


def test_two_lists_counted_in_one_message_are_each_counted_and_soft_skills_alone_is_one_list():
    p = default_profession()
    text = reply("combien de soft skills et combien de hard skills au total", "soft_skills")
    assert f"La fiche en cite {len(p.soft_skills.qualites)} " in text and f"La fiche en cite {len(p.hard_skills.competences)} " \
        in text, text
    replies = conversation(("combien y a de soft skills en tout", "soft_skills", A), ("cite les 3 premieres", "nlu_fallback", C))
    assert all(q.nom in replies[1] for q in p.soft_skills.qualites[:3]), replies[1]


def test_a_job_one_would_end_up_as_that_the_fiche_does_not_cite_is_said_not_cited():
    for text in ("on peut finir ambassadeur avec ce parcours ?",
                 "en fait on peut devenir directeur d'ecole apres ce metier non ? c ce que dit la fiche"):
        assert reply(text, "evolutions").startswith("Non : la fiche ne cite pas"), text
    assert not reply("je veux finir mes études d'abord, c'est quoi les évolutions ?", "evolutions").startswith("Non")
    assert not reply("on peut evoluer vers quoi apres", "evolutions").startswith("Non")


def test_calculations_and_ranks_on_the_scores_right_after_the_skills_are_not_the_pay():
    """(tests/nlu/test_fresh18.yml) « moyenne des 6 ? », « écart entre la meilleure et la pire », « et la 2e
    meilleure ? » after the technical skills, whatever topic the model read: their scores, never the pay."""
    ranked = by_score(default_profession())
    beginner = default_profession().salaire.niveaux.debutant
    replies = conversation(("classe les hard skills du + fort au + faible", "hard_skills", A), ("moyenne des 6 ?", "salaire", A),
                           ("ecart entre la meilleure et la pire", "hors_sujet", OUT), ("et la 2e meilleure ?", "salaire", A))
    assert replies[1].startswith(template_start("hard_skills.moyenne")), replies[1]
    assert f"{ranked[0].score - ranked[-1].score} point(s)" in replies[2], replies[2]
    assert replies[3].startswith(f"{ranked[1].nom} : "), replies[3]
    assert not any(euros(beginner.min) in r for r in replies), replies
    assert reply("la 2e moins bien notée ?", "hard_skills").startswith(f"{ranked[-2].nom} : ")


def test_the_last_list_asked_again_and_the_saying_asked_with_thanks():
    from core import dialogue as d
    p = default_profession()
    slots = {"sujet": "soft_skills"}
    q = school().understand("cite les moi stp 🙏", [], "question_bot", [])
    text = d.asked_instead(school(), d.Turn(q, "question_bot", (("question_bot", 0.9),), slots, None, A)).reply.text
    assert all(x.nom in text for x in p.soft_skills.qualites), text
    q = school().understand("tu peux me recopier la citation exacte stp ? merci d'avance", [], "merci", [])
    text = d.question_after_politeness(school(), d.Turn(q, "merci", (("merci", 0.9),), {}, None, A)).reply.text
    assert p.salaire.citation in text, text


def test_the_key_words_associated_follow_the_skill_and_the_diplomas_are_no_quality():
    skill = default_profession().hard_skills.competences[-1]
    replies = conversation((f"la {skill.nom.lower()} c'est noté combien", "hard_skills", A),
                           ("c quoi les mots clés associés", "definition", A))
    assert replies[1].startswith(f"{skill.nom} : "), replies[1]
    text = reply("classe moi les diplômes de la fiche du plus court au plus long", "diplome")
    assert not any(q.nom in text.split("\n")[0] for q in default_profession().soft_skills.qualites), text
