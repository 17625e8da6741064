"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh19.yml), which earlier sets share:
a job the last answer listed, named by a word of its name (« celui qui touche au droit ? »); the pay of a cited job
said with no article (« ça paye combien consultant ? ») or as « ce poste-là »; a count asked « combien il y a de … »;
the first items of the last list asked with a word the list lacks (« donne juste les 2 premières »); an item said not
to be part of a list (« ça fait pas partie de ses missions ? »). Through core/dialogue.py on the behaviour knowledge:
every expected word is read from the fixture fiche or its templates."""
from core import dialogue
from core.names import name_words
from tests.support.knowledge import conversation, default_profession, school, template_start
from tests.support.knowledge import replied as reply


def distinctive_word(names, index):
    """A word of one name of a list that no other name of it has (as a student would name it)."""
    others = {w for i, name in enumerate(names) if i != index for w in name_words(name)}
    return next(w for w in name_words(names[index]) if w not in others)


def test_a_stepping_stone_named_by_a_word_of_its_name_is_that_one_whatever_topic_the_model_read():
    experiences = default_profession().experiences
    postes = [e.poste for e in experiences]
    for index in range(len(postes)):
        word = distinctive_word(postes, index)
        text = reply(f"et celui qui touche au {word}, il apporte quoi concrètement ?", "missions",
                     slots={"sujet": "experiences"})
        assert text.startswith(template_start("experience_nommee")) and experiences[index].poste in text, text


def test_an_evolution_named_by_a_word_of_its_name_is_that_one():
    postes = default_profession().evolutions.postes
    word = distinctive_word(postes, 0)
    text = reply(f"et celle qui porte sur le {word} ?", "salaire", slots={"sujet": "evolutions"})
    assert text.startswith(template_start("evolution_nommee") + postes[0]), text


def test_the_pay_of_a_cited_job_is_not_given_whether_named_bare_or_as_ce_poste_la():
    for text in ("et ça paye combien consultant ?", "et c'est quoi le salaire de ce poste-là ?"):
        answer = reply(text, "salaire", slots={"sujet": "evolutions"})
        assert answer.startswith("La fiche ne précise pas"), (text, answer)
        assert template_start("salaire.general") not in answer, (text, answer)
    # « ce poste » alone is the job in play
    assert reply("le salaire de ce poste ?", "salaire").startswith(template_start("salaire.general"))


def test_a_count_asked_combien_il_y_a_de_is_the_count_never_the_pay():
    missions = default_profession().missions
    text = reply("combien il y a de missions en tout ?", "salaire")
    assert text.startswith(template_start("nombre_elements")) and str(len(missions)) in text, text


def test_the_first_items_asked_with_a_word_the_list_lacks_are_given():
    missions = [m.intitule for m in default_profession().missions]
    text = reply("donne juste les 2 premières", "nlu_fallback", dialogue.CLARIFY, slots={"sujet": "missions"},
                 ranking=(("nlu_fallback", 0.5), ("bts", 0.3)))
    assert text.startswith(template_start("premiers_elements")), text
    assert all(m in text for m in missions[:2]) and missions[2] not in text, text


def test_an_item_said_not_to_be_part_of_the_list_gets_si():
    mission = default_profession().missions[-2]
    text = reply(f"la {mission.intitule.lower()} ca fait pas partie de ses missions hein ?", "missions")
    assert text.startswith("Si") and mission.intitule in text, text


def test_a_pronoun_right_after_an_answer_about_one_item_asks_that_item():
    quality = default_profession().soft_skills.qualites[-1]
    replies, slots = conversation(("c quoi la dernière de la liste des qualités ?", "soft_skills", dialogue.ANSWER),
                                  ("elle sert à quoi ?", "definition", dialogue.ANSWER))
    assert slots[dialogue.ITEM] == quality.nom and quality.detail in replies[-1], replies
    skill = default_profession().hard_skills.competences[0]
    replies, _ = conversation((f"c'est quoi {skill.nom.lower()} ?", "hard_skills", dialogue.ANSWER),
                              ("il a quel points ?", "nlu_fallback", dialogue.CLARIFY),
                              ("et ses mots-clés ?", "hors_sujet", dialogue.OUT_OF_SCOPE))
    for answer in replies[1:]:
        assert answer.startswith(f"{skill.nom} : ") and f"Score de {skill.score}" in answer, answer


def test_a_pronoun_after_a_whole_list_or_naming_something_else_is_not_taken_for_an_item():
    replies, slots = conversation(("les missions ?", "missions", dialogue.ANSWER),
                                  ("elle sert à quoi ?", "definition", dialogue.ANSWER))
    assert not slots.get(dialogue.ITEM) and replies[-1].startswith(template_start("definition").split("{")[0]), replies
    skill = default_profession().hard_skills.competences[0]
    _, slots = conversation((f"c'est quoi {skill.nom.lower()} ?", "hard_skills", dialogue.ANSWER))
    assert slots[dialogue.ITEM] == skill.nom
    assert not school().understand("il faut savoir coder en python ?", [], "hard_skills", []).cues.of_it


def test_what_the_saying_means_right_after_it_is_that_the_fiche_does_not_explain_it():
    citation = default_profession().salaire.citation
    replies, slots = conversation(("y a une citation dans la fiche ? laquelle", "salaire", dialogue.ANSWER),
                                  ("que veut-elle dire selon vous ?", "nlu_fallback", dialogue.CLARIFY))
    assert replies[-1].startswith(template_start("salaire.citation_sens")) and citation in replies[-1], replies
    # after the pay figures, « ça veut dire quoi ? » is no question on a saying
    replies, _ = conversation(("c quoi le salaire", "salaire", dialogue.ANSWER),
                              ("ça veut dire quoi brut ?", "definition", dialogue.ANSWER))
    assert not replies[-1].startswith(template_start("salaire.citation_sens")), replies


def asked_instead(text, intent, slots):
    q = school().understand(text, [], intent, [])
    outcome = dialogue.asked_instead(school(), dialogue.Turn(q, intent, ((intent, 0.9),), slots, None, dialogue.ANSWER))
    return outcome.reply.text if outcome else None


def test_a_question_read_as_a_goodbye_or_about_the_assistant_is_answered():
    qualities = default_profession().soft_skills.qualites
    assert asked_instead("yen a cb en tt", "au_revoir", {"sujet": "soft_skills"}).startswith(
        template_start("nombre_elements") + str(len(qualities)))
    assert asked_instead("qui en est l'auteur ?", "question_bot", {"sujet": "salaire"}).startswith("La fiche ne précise pas")
    # a goodbye, and a question about the assistant, keep the reply the model chose
    for text, intent in (("merci au revoir", "au_revoir"), ("bye !", "au_revoir"), ("tu es un robot ?", "question_bot"),
                         ("t'es une vraie personne ou pas ?", "question_bot")):
        assert asked_instead(text, intent, {"sujet": "soft_skills"}) is None, text


def test_items_said_among_others_after_a_colon_and_a_dash_are_checked_against_the_list_named():
    missions = default_profession().missions
    text = reply(f"parmi : {missions[0].intitule.lower()}, recrutement, comptabilité — lesquelles ne sont PAS des missions "
                 "de la fiche ?", "outils")
    assert text.startswith(template_start("element_non_cite_parmi")) and "recrutement" in text, text
    assert "Missions" in text.split("\n")[0], text
    assert f"« {missions[0].intitule.lower()}" not in text.split("\n")[0], text


def test_the_place_of_the_item_in_play_is_its_rank_in_the_list():
    missions = default_profession().missions
    replies, _ = conversation((f"et la {missions[4].intitule.lower()} ?", "missions", dialogue.ANSWER),
                              ("ça c'est en quelle position dans la liste des missions ?", "missions", dialogue.ANSWER))
    assert replies[-1].startswith(template_start("rang_element") + missions[4].intitule), replies
    assert f"place 5 sur {len(missions)}" in replies[-1], replies
    by_score = sorted(default_profession().hard_skills.competences, key=lambda k: -k.score)
    replies, _ = conversation((f"c'est quoi {by_score[2].nom.lower()} ?", "hard_skills", dialogue.ANSWER),
                              ("elle est classée combien sur les 6 ?", "nlu_fallback", dialogue.CLARIFY))
    assert f"place 3 sur {len(by_score)}" in replies[-1] and f"le sien : {by_score[2].score}" in replies[-1], replies


def test_a_diploma_or_a_rank_as_the_subject_of_a_follow_up_is_the_last_answer_s():
    replies, _ = conversation(("le mastère c quel niveau ?", "mastere", dialogue.ANSWER),
                              ("il est utile pour ce metier ?", "nlu_fallback", dialogue.CLARIFY))
    assert replies[-1].split("\n")[0] == replies[0].split("\n")[0], replies  # that diploma again, no clarification
    assert not replies[-1].startswith(template_start("clarifier")), replies
    experiences = default_profession().experiences
    replies, _ = conversation(("quels postes faire avant ?", "experiences", dialogue.ANSWER),
                              ("le premier tu peux détailler ?", "hors_sujet", dialogue.OUT_OF_SCOPE))
    assert replies[-1].startswith(template_start("experiences_rang")) and experiences[0].poste in replies[-1], replies


def test_the_evolutions_counted_are_every_job_the_fiche_cites_after_this_one():
    from core.items import posts_in
    evolutions = default_profession().evolutions
    text = reply("combien de postes d'évolution sont cités par la fiche ?", "evolutions")
    assert text.startswith(template_start("nombre_elements") + str(len(evolutions.postes + posts_in(evolutions.ensuite)))), text
    # the number of jobs on the market is still a detail the fiche does not give
    assert reply("y a combien de postes en tout dans ce secteur ?", "evolutions").startswith("La fiche ne précise pas")
