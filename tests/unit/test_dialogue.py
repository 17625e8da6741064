"""core/dialogue.py as pure functions: an understood message in its conversation -> the reply and
the memory it changes. Table-driven, on the behaviour knowledge folder (tests/support/knowledge.py):
what is expected is read from it or is a wording of reponses.yml, never a figure written here."""


import pytest

from core import dialogue, diplomas, gaps, topic_reading
from core.understanding import DiplomaSituation, Vocabulary, understand
from loading.knowledge import project_diplomas
from tests.support.helpers import norm
from tests.support.knowledge import amounts, default_profession, one_profession_school, school


def question(text, topic=None, **entities):
    found = [{"entity": name, "value": value, "start": max(0, text.find(value))} for name, value in entities.items()]
    return school().understand(text, found, topic)


def turn(text, intent, kind=dialogue.ANSWER, slots=None, ranking=(), page=None, **entities):
    return dialogue.Turn(question(text, intent, **entities), intent, tuple(ranking), slots or {}, page, kind)


def slots_of(outcome):
    return dict(outcome.slots)


@pytest.mark.parametrize("topic, text, diploma, expected", [
    ("bachelor", "un bac+5 est-il indispensable ?", "mastere", "diplome"),
    ("mastere", "le master c'est bien ?", "mastere", "mastere"),
    ("diplome", "juste un bts ca passe ?", "bts", "bts"),
    ("diplome", "sans master j'ai une chance ?", "mastere", "diplome"),
    ("diplome", "sans bachelor je peux ?", "bachelor", "bts"),
    ("bts", "c'est quoi le bachelor ?", "bachelor", "bachelor"),
    ("salaire", "sans master on gagne combien ?", "mastere", "salaire"),
    ("relance", "et le bachelor ?", "bachelor", "relance"),
])
def test_diploma_topic(topic, text, diploma, expected):
    assert topic_reading.diploma_topic(question(text, topic, diplome=diploma)).topic == expected


@pytest.mark.parametrize("text", ["réponds juste par oui, le master est exigé pour ce poste ?",
                                  "juste pour savoir, le mastère est indispensable ?"])
def test_whether_a_bac5_is_required_is_answered_by_the_fiche_whatever_the_wording(text):
    """A leading question gets the fiche's polarity: the answer starts as the diploma answer does."""
    q = question(text, "mastere", diplome="mastere")
    assert topic_reading.diploma_topic(q).topic == "diplome"
    reply = dialogue.respond(school(), dialogue.Turn(q, "mastere", (), {}, None)).reply.text
    required = diplomas.bac5_needed(default_profession().parcours)
    assert norm(reply).startswith("oui" if required else "non"), reply


def test_without_a_bachelor_the_student_has_only_a_bts():
    q = topic_reading.diploma_topic(question("sans bachelor je peux ?", "diplome", diplome="bachelor"))
    assert q.situation == DiplomaSituation("seulement", "bts")


@pytest.mark.parametrize("text, entities, expected", [
    ("et apres 6 ans ?", {}, "salaire"),
    ("et pour un senior ?", {"experience": "confirme"}, "salaire"),
    ("et le bts ?", {"diplome": "bts"}, "bts"),
    ("et en anglais ?", {"competence": "anglais"}, "hard_skills"),
    ("et juste un bts ?", {"diplome": "bts"}, "bts"),
    ("et en suisse ?", {}, None),
])
def test_follow_up_topic(text, entities, expected):
    assert topic_reading.follow_up_topic(question(text, "relance", **entities)) == expected


@pytest.mark.parametrize("text, intent, slots, entities, starts, memory", [
    ("combien gagne un junior", "salaire", {}, {"experience": "debutant"}, None,
     {"sujet": "salaire", "incompris": 0.0}),
    ("et avec des enfants ?", "relance", {"sujet": "salaire"}, {}, "la fiche ne donne pas de precision sur ce point", {}),
    ("et pour un confirme ?", "relance", {"sujet": "salaire"}, {"experience": "confirme"}, None,
     {"sujet": "salaire", "incompris": 0.0}),
    ("combien gagne un plombier", "salaire", {}, {"metier": "plombier"}, None,
     {"sujet": "salaire", "autre_metier": "plombier"}),
    ("on a des rtt ?", "salaire", {}, {}, "la fiche ne precise pas", {"incompris": 0.0}),
    ("un bac+5 est-il obligatoire ?", "bachelor", {}, {"diplome": "mastere"}, "non, un bac+5 n'est pas necessaire",
     {"sujet": "diplome"}),
])
def test_answer_steps(text, intent, slots, entities, starts, memory):
    outcome = dialogue.respond(school(), turn(text, intent, slots=slots, **entities))
    if starts:
        assert norm(outcome.reply.text).startswith(starts), outcome.reply.text
    for name, value in memory.items():
        assert slots_of(outcome)[name] == value, outcome.slots


def test_the_beginner_salary_gives_the_beginner_range_only():
    outcome = dialogue.respond(school(), turn("combien gagne un junior", "salaire", experience="debutant"))
    text = norm(outcome.reply.text)
    assert all(a in text for a in amounts("debutant")) and not any(a in text for a in amounts("confirme"))


def test_clarification_counts_misses_and_offers_a_human_at_the_second():
    ranking = [("salaire", 0.4), ("evolutions", 0.35)]
    first = dialogue.respond(school(), turn("et ensuite ca donne quoi", "nlu_fallback", dialogue.CLARIFY,
                                            ranking=ranking))
    assert slots_of(first) == {"incompris": 1.0}
    assert [b["payload"] for b in first.reply.buttons][:2] == ["/salaire", "/evolutions"]
    second = dialogue.respond(school(), turn("bof", "nlu_fallback", dialogue.CLARIFY, slots={"incompris": 1.0}))
    assert slots_of(second) == {"incompris": 2.0}
    assert any(b["payload"] == "/conseiller" for b in second.reply.buttons)
    assert school().replier.contact.email in second.reply.text


def test_intents_that_lead_to_the_same_answer_need_no_clarification():
    t = turn("un bac+5 est-il indispensable ?", "nlu_fallback", dialogue.CLARIFY,
             ranking=[("bachelor", 0.3), ("diplome", 0.3)], diplome="mastere")
    assert topic_reading.agreed_intent(school(), t) == "bachelor"
    assert norm(dialogue.respond(school(), t).reply.text).startswith("non, un bac+5")


def test_out_of_scope_unless_it_asks_a_detail_the_fiche_does_not_give():
    plain = dialogue.respond(school(), turn("quel temps fait-il a paris ?", "hors_sujet", dialogue.OUT_OF_SCOPE))
    # (the refusal is remembered: « allez stp » next is refused again)
    assert not norm(plain.reply.text).startswith("la fiche ne precise pas") \
        and plain.slots == ((dialogue.ITEM, dialogue.REFUSED),)
    remote = dialogue.respond(school(), turn("on peut faire du teletravail ?", "hors_sujet", dialogue.OUT_OF_SCOPE))
    assert norm(remote.reply.text).startswith("la fiche ne precise pas")


def test_the_page_profession_and_a_named_one():
    other = next(p for p in school().professions.values() if p.id != school().default.id)
    page = dialogue.respond(school(), turn("combien gagne un debutant ?", "salaire", page=other.id,
                                           experience="debutant"))
    assert all(a in norm(page.reply.text) for a in amounts("debutant", other))
    named = dialogue.respond(school(), turn(f"et pour un {default_profession().alias[0]} ?", "relance",
                                            slots={"sujet": "salaire", "metier_id": other.id}))
    assert slots_of(named)["metier_id"] == default_profession().id


def test_compound_parts_in_order():
    text = "quelles sont les missions et combien on gagne"
    parts = [{"text": "quelles sont les missions", "start": 0, "end": 25, "intent": "missions", "confidence": 0.9},
             {"text": "combien on gagne", "start": 29, "end": len(text), "intent": "salaire", "confidence": 0.9}]
    q = school().understand(text, [], "missions", parts)
    items = gaps.compound_parts(school(), q, default_profession())
    assert [item[1].topic for item in items] == ["missions", "salaire"]
    assert [p.question.text for p in q.parts] == ["quelles sont les missions", "combien on gagne"]


def test_understanding_with_only_the_diploma_words():
    words = Vocabulary(diplomas=project_diplomas())
    q = understand("Juste un BTS, ça suffit ?", [{"entity": "diplome", "value": "bts", "start": 8}], "bts", vocabulary=words)
    assert q.situation == DiplomaSituation("seulement", "bts") and q.asks_sufficiency and q.folded.startswith("juste")
    # a level alone, a diploma asked under another's topic (diplomes.yml « sujet »)
    assert understand("sans bac+5 c'est possible ?", vocabulary=words).situation == DiplomaSituation("sans", "mastere")
    assert understand("avec juste une licence ?", vocabulary=words).written_diplomas == ("bachelor",)
    # without them, no diploma is read
    assert understand("Juste un BTS, ça suffit ?").situation is None


def test_a_profession_is_found_by_its_name_in_a_large_catalogue():
    """The name index gives what a scan of every alias gave: the longest name in the message wins,
    among hundreds of professions, and a message without a name finds none."""
    base = school()
    tester = base.professions["testeur_jeux_societe"]
    catalogue = {p.id: p for p in base.professions.values()}
    for i in range(300):
        copy = tester.copy(update={"id": f"metier_{i}", "intitule": f"Métier numéro {i}",
                                   "alias": [f"specialiste {i} des jeux", f"metier {i}"]})
        catalogue[copy.id] = copy
    big = type(base)(catalogue, base.replier, base.absent_details,
                     {d.id: [] for d in base.absent_details})
    assert big.named_in("je voudrais devenir specialiste 217 des jeux plus tard").id == "metier_217"
    assert big.named_in(f"combien gagne un {tester.alias[0]} ?").id == tester.id
    assert big.named_in("combien gagne un debutant ?") is None
    default = base.default
    assert big.named_in(f"et pour un {default.alias[0]} ?").id == default.id


def test_a_question_that_comes_with_thanks_is_answered_and_thanks_alone_get_nothing_more():
    text = "génial merci, et niveau salaire pour un débutant ?"
    cut = text.index(", et ")
    parts = [{"text": text[:cut], "start": 0, "end": cut, "intent": "remerciement", "confidence": 0.9},
             {"text": text[cut + 5:], "start": cut + 5, "end": len(text), "intent": "salaire", "confidence": 0.8}]
    q = school().understand(text, [{"entity": "experience", "value": "debutant", "start": text.index("débutant")}],
                            "remerciement", parts)
    outcome = dialogue.question_after_politeness(school(), dialogue.Turn(q, "remerciement", (), {}, None))
    assert all(a in norm(outcome.reply.text) for a in amounts("debutant"))
    assert dict(outcome.slots)["sujet"] == "salaire"
    thanks = school().understand("merci beaucoup", [], "remerciement", [])
    assert dialogue.question_after_politeness(school(), dialogue.Turn(thanks, "remerciement", (), {}, None)) is None


@pytest.mark.parametrize("text", ["tu peux me les classer, les compétences techniques ?",
                                  "compétences techniques de la plus utile à la moins utile stp"])
def test_a_ranking_request_gets_the_hard_skills_sorted_by_their_score(text):
    reply = dialogue.respond(school(), turn(text, "hard_skills")).reply.text
    skills = default_profession().hard_skills.competences
    positions = [reply.index(f"{s.nom} ({s.score})") for s in skills]
    by_score = [reply.index(f"{s.nom} ({s.score})") for s in sorted(skills, key=lambda s: -s.score)]
    assert by_score == sorted(positions)


def test_a_request_verb_never_picks_an_item_by_its_letters():
    """« donne » is how the student asks, not the skill « Analyse de données »."""
    reply = dialogue.respond(school(), turn("donne moi les compétences techniques", "hard_skills")).reply.text
    assert all(f"{s.nom} ({s.score})" in reply for s in default_profession().hard_skills.competences)


@pytest.mark.parametrize("text, intent", [("et du coup pour y parvenir, on fait comment ?", "diplome"),
                                          ("il faut quoi pour accéder à ces postes ?", "relance")])
def test_what_the_previous_answer_requires_is_asked_of_its_topic(text, intent):
    """After the evolutions, « pour y arriver » asks what they require: the evolutions answer, which
    gives the fiche's conditions, not another topic."""
    outcome = dialogue.respond(school(), turn(text, intent, slots={"sujet": "evolutions"}))
    conditions = default_profession().evolutions.conditions
    assert conditions and norm(conditions)[:40] in norm(outcome.reply.text)
    assert dict(outcome.slots)["sujet"] == "evolutions"


# -- a quantity asked of the detail the fiche does not give ---------------------------------------
def test_a_quantity_asked_of_a_detail_the_fiche_does_not_give_is_still_not_given():
    """« on a des primes ? » then « elles représentent combien ? »: the fiche still does not say it; never the
    salary figures as if they answered."""
    first = dialogue.respond(school(), turn("on a un 13e mois ?", "salaire"))
    said = slots_of(first)[dialogue.ABSENT]
    assert said == "avantages"
    after = dialogue.respond(school(), turn("elles représentent combien en moyenne ?", "salaire",
                                            slots={"sujet": "salaire", dialogue.ABSENT: said}))
    label = school().detail(said).label
    assert norm(label) in norm(after.reply.text) and slots_of(after)[dialogue.ABSENT] == said


def test_a_question_on_pay_after_a_missing_detail_gets_the_pay():
    """« et il gagne combien ? » speaks of pay itself: the fiche's figures, and the missing detail forgotten."""
    low, _ = amounts("debutant")
    after = dialogue.respond(school(), turn("et il gagne combien ?", "salaire",
                                            slots={"sujet": "salaire", dialogue.ABSENT: "avantages"}))
    assert low in norm(after.reply.text)
    assert slots_of(after)[dialogue.ABSENT] is None


def test_right_after_a_missing_detail_a_price_alone_is_the_cost_of_studies():
    """« quelle école ? » then « et elle coûte combien ? »: the cost is what is asked (a price alone needs the
    conversation as context), not the school again."""
    first = dialogue.respond(school(), turn("quelle école pour ce métier ?", "diplome"))
    assert slots_of(first)[dialogue.ABSENT] == "ecole"
    after = dialogue.respond(school(), turn("et elle coûte combien ?", "hors_sujet", kind=dialogue.OUT_OF_SCOPE,
                                            slots={"sujet": "diplome", dialogue.ABSENT: "ecole"}))
    assert norm(school().detail("cout_formation").label) in norm(after.reply.text)


# -- fresh kinds of messages (tests/nlu/test_fresh5.yml): items named, open questions, premises ----------
def test_two_missions_named_as_a_choice_are_both_answered_never_a_yes_to_the_first():
    """« c'est plutôt X ou Y ? »: each mission named, with what the fiche says of it."""
    first, last = default_profession().missions[0], default_profession().missions[-1]
    reply = dialogue.respond(school(), turn(f"c'est plutôt {first.intitule.lower()} ou {last.intitule.lower()} ?",
                                            "missions")).reply.text
    assert norm(first.detail) in norm(reply) and norm(last.detail) in norm(reply)
    assert not norm(reply).startswith("oui")


def test_two_skills_named_as_a_choice_get_both_scores_and_the_higher_one():
    skills = default_profession().hard_skills.competences[:2]
    reply = dialogue.respond(school(), turn(f"plutôt {skills[0].nom} ou {skills[1].nom} ?", "hard_skills")).reply.text
    assert all(f"{s.nom} ({s.score})" in reply for s in skills)
    higher = max(skills, key=lambda s: s.score)
    assert f"{higher.nom} (score de {higher.score})" in reply and not norm(reply).startswith("oui")


def test_an_open_question_on_an_item_after_its_list_explains_that_item():
    """« et la veille, ça consiste en quoi ? » after the missions, taken by the model for the definition: that
    mission, explained (no « oui »), not the definition of the job."""
    mission = default_profession().missions[-1]
    word = mission.intitule.split()[0]
    outcome = dialogue.respond(school(), turn(f"et {word.lower()} ça consiste en quoi", "definition",
                                              slots={"sujet": "missions"}))
    assert norm(mission.detail) in norm(outcome.reply.text) and not norm(outcome.reply.text).startswith("oui")
    assert slots_of(outcome)["sujet"] == "missions"


def test_an_item_named_by_its_title_settles_a_clarification_but_an_everyday_word_does_not(tmp_path):
    """In a school of one profession (in a catalogue, a message of a mission's words is a search)."""
    alone = one_profession_school(tmp_path)
    mission = alone.default.missions[-1]

    def clarified(text):
        return dialogue.respond(alone, dialogue.Turn(alone.understand(text, [], "nlu_fallback"), "nlu_fallback", (),
                                                     {}, None, dialogue.CLARIFY)).reply.text
    assert norm(mission.detail) in norm(clarified(f"donne un exemple de mission : {mission.intitule.lower()}"))
    quality = next(x for x in alone.default.soft_skills.qualites if len(x.nom.split()) > 1)
    weather = clarified(f"quel {quality.nom.split()[-1].lower()} fait-il demain ?")
    assert norm(quality.detail) not in norm(weather)


def test_a_step_asked_as_compulsory_is_not_said_to_be():
    reply = dialogue.respond(school(), turn("faut-il forcément passer par un de ces postes avant ?",
                                            "experiences")).reply.text
    assert norm(reply).startswith("pas forcement")
    assert all(norm(e.poste) in norm(reply) for e in default_profession().experiences)


def test_the_students_idea_of_the_job_is_checked_against_the_definition_never_confirmed():
    profession = default_profession()
    for kind, intent in ((dialogue.CLARIFY, "nlu_fallback"), (dialogue.ANSWER, "outils")):
        reply = dialogue.respond(school(), turn("donc en fait c'est un traducteur qui bosse dans une ambassade, "
                                                "c'est ça ?", intent, kind=kind)).reply.text
        assert norm(profession.definition.resume)[:60] in norm(reply) and not norm(reply).startswith("oui"), kind


def test_a_score_asked_of_a_quality_says_the_fiche_scores_technical_skills_only():
    quality = default_profession().soft_skills.qualites[0]
    outcome = dialogue.respond(school(), turn(f"quel score a {quality.nom.lower()} sur 100 ?", "hard_skills"))
    text = norm(outcome.reply.text)
    assert text.startswith("la fiche ne precise pas") and norm(school().replier.score_quality_label()) in text
    assert norm(quality.detail) in text
    assert not any(f"({s.score})" in outcome.reply.text for s in default_profession().hard_skills.competences)


def test_a_job_the_fiche_does_not_cite_as_a_stepping_stone_is_said_so_then_those_it_cites():
    reply = dialogue.respond(school(), turn("boulanger, c'est un des postes tremplins cités ?", "experiences",
                                            metier="boulanger")).reply.text
    assert norm(reply).startswith("non") and "boulanger" in norm(reply)
    assert all(norm(e.poste) in norm(reply) for e in default_profession().experiences)


def test_what_was_said_earlier_is_asked_of_that_answer():
    low, high = amounts("debutant")
    outcome = dialogue.respond(school(), turn("tu m'as dit quoi pour le haut de la fourchette débutant ?",
                                              "hors_sujet", kind=dialogue.OUT_OF_SCOPE, slots={"sujet": "salaire"},
                                              experience="debutant"))
    assert high in norm(outcome.reply.text)


def test_a_premise_belittling_one_quality_while_naming_another_is_about_the_first():
    first, second = default_profession().soft_skills.qualites[:2]
    reply = dialogue.respond(school(), turn(f"pas besoin de {first.nom.lower()} si on a {second.nom.lower()}, si ?",
                                            "soft_skills")).reply.text
    assert norm(reply).startswith("non") and norm(first.detail) in norm(reply)


def test_how_many_of_a_detail_a_skill_leaves_out_is_still_not_given():
    """« les langues c'est important ? » answered with the fiche's « La fiche ne précise pas quelles langues … »,
    then « il faut en parler combien ? »: the same, not the list of skills as if it answered."""
    skill = next(s for s in default_profession().hard_skills.competences if s.non_precise)
    first = dialogue.respond(school(), turn(f"{skill.nom} c'est important ?", "hard_skills", competence=skill.id))
    said = slots_of(first)[dialogue.ABSENT]
    assert said and said.startswith("fiche:hard_skills:")
    after = dialogue.respond(school(), turn("il faut en parler combien ?", "hard_skills",
                                            slots={"sujet": "hard_skills", dialogue.ABSENT: said}))
    assert norm(after.reply.text).startswith(norm(skill.non_precise).rstrip("."))


@pytest.mark.parametrize("text, intent", [("les intitulés des formations sont les mêmes partout ?", "formation_continue"),
                                          ("les diplômes ont-ils le même intitulé dans toutes les écoles ?", "diplome"),
                                          ("les formations dont tu parles sont les seules possibles ?", "formation_continue")])
def test_whether_the_diplomas_vary_or_are_the_only_ones_is_the_fiches_remark_on_them(text, intent):
    """Not continuing education: what the fiche says of its diplomas as a whole, its remark first."""
    remark = default_profession().diplome.precision
    outcome = dialogue.respond(school(), turn(text, intent))
    assert remark and norm(remark)[:50] in norm(outcome.reply.text)[:120]
    assert slots_of(outcome)["sujet"] == "diplome"


def test_how_many_items_a_list_has_is_counted_then_listed():
    missions = default_profession().missions
    reply = dialogue.respond(school(), turn("combien de missions la fiche cite-t-elle ?", "missions")).reply.text
    assert str(len(missions)) in reply.split("\n")[0]
    assert all(m.intitule in reply for m in missions)


def test_a_skill_compared_with_the_one_before_is_placed_among_all_never_a_yes():
    """« gestion de projet, c'est combien ? » then « c'est plus que la rédaction ? »: that skill's score and the
    ranking of all of them (the other one's score in it)."""
    skills = default_profession().hard_skills.competences
    named = skills[-1]
    reply = dialogue.respond(school(), turn(f"c'est plus que {named.nom.lower()} ?", "hard_skills",
                                            slots={"sujet": "hard_skills"}, competence=named.id)).reply.text
    assert not norm(reply).startswith("oui") and f"score de {named.score}" in reply
    assert all(f"{s.nom} ({s.score})" in reply for s in skills)


def test_who_the_student_is_is_no_part_to_answer():
    """« j'ai 42 ans, 15 ans dans la gestion, quel niveau de diplôme viser ? »: the diploma, not a mission the
    background's words happen to name."""
    mission = default_profession().missions[0]
    text = f"j'ai 42 ans, 15 ans dans {mission.intitule.lower()}, quel niveau de diplôme dois-je viser ?"
    parts = [{"intent": "missions", "confidence": 0.96, "text": f"15 ans dans {mission.intitule.lower()}",
              "start": 15, "end": 16 + len(mission.intitule)},
             {"intent": "diplome", "confidence": 1.0, "text": "quel niveau de diplôme dois-je viser ?",
              "start": text.index("quel"), "end": len(text)}]
    q = school().understand(text, [], "diplome", parts)
    outcome = dialogue.respond(school(), dialogue.Turn(q, "diplome", (), {}, None))
    assert slots_of(outcome)["sujet"] == "diplome" and norm(mission.detail) not in norm(outcome.reply.text)


def test_two_topics_compared_in_a_school_of_one_profession_are_both_answered(tmp_path):
    alone = one_profession_school(tmp_path)
    text = "c'est quoi la différence entre les hard et les soft skills ?"
    outcome = dialogue.respond(alone, dialogue.Turn(alone.understand(text, [], "catalogue_comparer"), "catalogue_comparer",
                                                    (), {}, None, dialogue.CATALOGUE))
    reply = outcome.reply.text
    assert alone.default.soft_skills.qualites[0].nom in reply
    assert f"{alone.default.hard_skills.competences[0].nom} ({alone.default.hard_skills.competences[0].score})" in reply


def test_a_detail_asked_across_the_parts_of_a_message_is_said_absent_not_answered_by_each_part():
    """« en alternance, on est payé combien ? »: the model splits it into the work-study and the pay; the
    work-study pay is what is asked, and the fiche does not give it: never the salary figures."""
    text = "en alternance, on est payé combien ?"
    parts = [{"intent": "alternance", "confidence": 1.0, "text": "en alternance", "start": 0, "end": 13},
             {"intent": "salaire", "confidence": 1.0, "text": "on est payé combien ?", "start": 15, "end": len(text)}]
    q = school().understand(text, [], "alternance", parts)
    reply = dialogue.respond(school(), dialogue.Turn(q, "alternance", (), {}, None)).reply.text
    assert norm(reply).startswith("la fiche ne precise pas")
    assert not any(amount in norm(reply) for amount in amounts("debutant") + amounts("confirme"))


def test_being_sure_of_a_job_after_a_diploma_is_no_guarantee():
    reply = dialogue.respond(school(), turn("si je fais mon bachelor en alternance, je suis sûr d'être embauché "
                                            "derrière ?", "alternance", diplome="bachelor")).reply.text
    assert norm(reply).startswith("non")


def test_which_of_two_qualities_counts_most_the_fiche_does_not_rank_them():
    first, second = default_profession().soft_skills.qualites[:2]
    reply = dialogue.respond(school(), turn(f"entre {first.nom.lower()} et {second.nom.lower()}, laquelle compte le "
                                            "plus ?", "soft_skills")).reply.text
    assert norm(reply).startswith("la fiche ne classe pas") and norm(first.detail) in norm(reply)
    assert norm(second.detail) in norm(reply)


def test_one_end_of_the_ranking_asked_of_a_skill_is_checked_against_the_scores():
    skills = default_profession().hard_skills.competences
    lowest = min(skills, key=lambda s: s.score)
    other = next(s for s in skills if s.score > lowest.score)
    reply = dialogue.respond(school(), turn(f"{other.nom.lower()}, c'est la compétence la plus faible du classement ?",
                                            "hard_skills", competence=other.id)).reply.text
    assert norm(reply).startswith("non") and f"{lowest.nom} (score de {lowest.score})" in reply


def test_the_pay_of_the_jobs_a_list_cites_is_not_this_professions_salary():
    """« et ils paient combien, ces postes ? » after the stepping stones: the fiche does not say; never the salary
    of the profession itself as if it were theirs."""
    outcome = dialogue.respond(school(), turn("et ils paient combien ces postes ?", "salaire",
                                              slots={"sujet": "experiences"}))
    text = norm(outcome.reply.text)
    assert text.startswith("la fiche ne precise pas ce que gagnent")
    assert not any(amount in text for amount in amounts("debutant") + amounts("confirme"))
    assert all(norm(e.poste) in text for e in default_profession().experiences)


def test_jobs_before_or_after_in_a_school_of_one_profession_are_its_stepping_stones_or_evolutions(tmp_path):
    alone = one_profession_school(tmp_path)

    def listed(text):
        return dialogue.respond(alone, dialogue.Turn(alone.understand(text, [], "catalogue_lister"), "catalogue_lister",
                                                     (), {}, None, dialogue.CATALOGUE))
    before = listed("quels métiers faire avant ?")
    assert dict(before.slots)["sujet"] == "experiences"
    assert all(norm(e.poste) in norm(before.reply.text) for e in alone.default.experiences)
    assert dict(listed("et quels postes après ?").slots)["sujet"] == "evolutions"


def test_an_amount_stated_with_no_level_is_placed_in_the_level_that_holds_it_or_corrected():
    """« 60k possible ? », « donc N c'est le minimum ? »: the level whose range holds the amount, « Oui. » first; a
    bound that is not the fiche's lowest figure gets « Non : » and both levels."""
    top = default_profession().salaire.niveaux.confirme.max
    bottom = default_profession().salaire.niveaux.debutant
    reply = norm(dialogue.respond(school(), turn(f"{top // 1000}k possible ?", None, kind=dialogue.CLARIFY)).reply.text)
    assert reply.startswith("oui.") and all(a in reply for a in amounts("confirme"))
    wrong = dialogue.respond(school(), turn(f"donc {bottom.max} € c'est le minimum ?", "diplome",
                                            slots={"sujet": "salaire"})).reply.text
    assert norm(wrong).startswith("non :") and all(a in norm(wrong) for a in amounts("debutant"))


def test_a_ceiling_below_the_fiches_top_figure_is_corrected():
    low = default_profession().salaire.niveaux.debutant.min
    reply = dialogue.respond(school(), turn(f"on gagne pas plus de {low} € en débutant c'est ça ?", "salaire",
                                            experience="debutant")).reply.text
    assert norm(reply).startswith("non :") and all(a in norm(reply) for a in amounts("debutant"))


def test_a_skill_and_combien_with_no_word_of_pay_asks_its_score():
    skill = default_profession().hard_skills.competences[0]
    reply = dialogue.respond(school(), turn(f"{skill.nom.lower()} : combien ?", "salaire", competence=skill.id)).reply.text
    assert f"score de {skill.score}" in reply
    assert not any(a in norm(reply) for a in amounts("debutant"))


def test_the_students_own_job_is_no_profession_asked(tmp_path):
    """« je suis prof d'anglais, … » in a school of one profession: its missions, not « no fiche on prof »."""
    alone = one_profession_school(tmp_path)
    text = "je suis prof d'anglais et je me demande quelles sont les missions ?"
    q = alone.understand(text, [{"entity": "metier", "value": "prof", "start": 8}], "missions")
    reply = dialogue.respond(alone, dialogue.Turn(q, "missions", (), {}, None)).reply.text
    assert norm(alone.default.missions[0].intitule) in norm(reply) and "prof" not in norm(reply)


def test_helping_people_who_go_abroad_is_no_question_on_working_abroad():
    abroad = norm(school().detail("etranger").label)
    helping = dialogue.respond(school(), turn("il aide les gens qui partent à l'étranger ?", "missions")).reply.text
    assert abroad not in norm(helping)
    working = dialogue.respond(school(), turn("on part souvent à l'étranger dans ce métier ?", "missions")).reply.text
    assert abroad in norm(working)


def test_an_age_limit_is_a_detail_the_fiche_does_not_give():
    reply = dialogue.respond(school(), turn("y a-t-il une limite d'âge pour commencer ?", "experiences")).reply.text
    assert norm(reply).startswith("la fiche ne precise pas") and norm(school().detail("age").label) in norm(reply)


def test_an_item_named_by_its_title_in_another_list_is_answered_from_that_list():
    """A quality asked while the model reads the technical skills (« pourquoi la gestion du temps compte ? »):
    the quality whose title the message names, not a skill that shares one of its words."""
    quality = next(x for x in default_profession().soft_skills.qualites if len(x.nom.split()) >= 2)
    reply = dialogue.respond(school(), turn(f"pourquoi {quality.nom.lower()} est importante dans ce job ?", "hard_skills",
                                            ranking=[("hard_skills", 0.55)])).reply.text
    assert norm(quality.detail) in norm(reply)


def test_two_skills_compared_by_mieux_que_get_both_scores():
    first, second = default_profession().hard_skills.competences[:2]
    reply = dialogue.respond(school(), turn(f"{first.nom.lower()} est-elle mieux notée que {second.nom.lower()} ?",
                                            "hard_skills", competence=first.id)).reply.text
    assert f"({first.score})" in reply and f"({second.score})" in reply
    assert not norm(reply).startswith(("oui", "non"))


@pytest.mark.parametrize("text, start", [("je n'ai pas de master, je peux quand même faire ce métier ?", "oui"),
                                         ("pas besoin de master alors ?", "non"),
                                         ("sans master on reste assistant toute sa vie, non ?", "non")])
def test_without_a_master_the_answer_says_yes_to_can_i_and_no_to_a_need(text, start):
    if diplomas.bac5_needed(default_profession().parcours):
        pytest.skip("the default fiche requires a Bac+5")
    reply = dialogue.respond(school(), turn(text, "diplome", diplome="mastere")).reply.text
    assert norm(reply).startswith(start) and "bac+5 n'est pas necessaire" in norm(reply)


def test_the_job_likened_to_another_is_checked_against_the_definition():
    reply = dialogue.respond(school(), turn("c'est un peu comme être ambassadeur, on représente son pays ?", None,
                                            kind=dialogue.CLARIFY)).reply.text
    assert not norm(reply).startswith("oui")
    assert norm(default_profession().definition.resume)[:40] in norm(reply)


def test_the_qualities_to_face_the_constraints_are_what_the_fiche_says_they_demand():
    demands = default_profession().contraintes.exigences
    assert demands, "the fixture fiche says what its constraints demand"
    reply = dialogue.respond(school(), turn("quelles qualités permettent de faire face aux difficultés de ce poste ?",
                                            "soft_skills")).reply.text
    assert norm(demands) in norm(reply)


def test_what_the_job_mostly_does_unplaced_by_the_model_gets_the_missions_never_a_yes():
    reply = dialogue.respond(school(), turn("en fait il fait surtout de la vente à l'export, c'est ça ?", None,
                                            kind=dialogue.CLARIFY, slots={"metier_id": default_profession().id,
                                                                          "sujet": "definition"})).reply.text
    assert all(norm(m.intitule) in norm(reply) for m in default_profession().missions[:3])
    assert not norm(reply).startswith("oui")


def test_the_job_reduced_to_one_thing_is_checked_against_the_definition_never_confirmed():
    reply = dialogue.respond(school(), turn("en gros ce métier c'est juste traduire des docs non ?", "outils")).reply.text
    assert not norm(reply).startswith("oui")
    assert norm(default_profession().definition.resume)[:40] in norm(reply)


def test_one_word_of_an_item_right_after_its_list_explains_that_item():
    missions = default_profession().missions
    # a word of one mission's title that no other title has (« la veille »)
    mission, word = next((m, w.lower()) for m in missions for w in m.intitule.split() if len(w) > 4
                         and not any(w.lower()[:5] in norm(o.intitule) for o in missions if o is not m))
    reply = dialogue.respond(school(), turn(f"la {word}, c'est quoi exactement ?", None, kind=dialogue.CLARIFY,
                                            slots={"sujet": "missions",
                                                   "metier_id": default_profession().id})).reply.text
    assert norm(mission.detail) in norm(reply)


@pytest.mark.parametrize("text", ["and for someone experienced?", "et pour quelqu'un d'expérimenté ?"])
def test_a_level_of_experience_after_the_pay_asks_that_levels_pay_not_the_stepping_stones(text):
    reply = dialogue.respond(school(), turn(text, "experiences", slots={"sujet": "salaire"},
                                            experience="confirme")).reply.text
    assert all(a in norm(reply) for a in amounts("confirme"))
    assert not any(norm(e.poste) in norm(reply) for e in default_profession().experiences)


def test_the_pay_of_a_stepping_stone_named_short_is_not_this_professions_salary():
    job = default_profession().experiences[0].poste
    short = " ".join(job.replace("(e)", "").split()[:3]).lower()  # « assistant de direction »
    reply = norm(dialogue.respond(school(), turn(f"combien gagne un {short} ?", "salaire")).reply.text)
    assert reply.startswith("la fiche ne precise pas") and norm(job) in reply
    assert not any(a in reply.split("ce que la fiche dit de plus proche")[0] for a in amounts("debutant"))


def test_the_most_important_right_after_a_list_is_asked_within_that_list():
    reply = dialogue.respond(school(), turn("la plus importante c'est laquelle ?", "hard_skills",
                                            slots={"sujet": "soft_skills"})).reply.text
    assert norm(default_profession().soft_skills.qualites[0].detail) in norm(reply)
    unsure = dialogue.respond(school(), turn("laquelle a le meilleur score ?", None, kind=dialogue.CLARIFY,
                                             slots={"sujet": "hard_skills", "metier_id": default_profession().id}))
    top = max(default_profession().hard_skills.competences, key=lambda s: s.score)
    assert f"{top.nom} (score de {top.score})" in unsure.reply.text


def test_what_it_takes_to_progress_is_what_the_evolutions_demand():
    conditions = default_profession().evolutions.conditions
    assert conditions, "the fixture fiche says what its evolutions demand"
    reply = dialogue.respond(school(), turn("qu'est-ce qu'il faut pour évoluer ?", "diplome")).reply.text
    assert norm(conditions) in norm(reply)


def test_a_level_defined_by_the_wrong_number_of_years_is_corrected():
    beginner = default_profession().salaire.niveaux.debutant
    wrong = beginner.annees_max + 2
    reply = dialogue.respond(school(), turn(f"un débutant c'est moins de {wrong} ans d'expérience, non ?", "salaire",
                                            experience="debutant")).reply.text
    assert norm(reply).startswith("non") and norm(beginner.experience) in norm(reply)


def test_a_skill_said_ahead_of_another_gets_both_scores_never_a_yes():
    first, second = default_profession().hard_skills.competences[:2]
    reply = dialogue.respond(school(), turn(f"donc {first.nom.lower()} est devant {second.nom.lower()} ?", "hard_skills",
                                            competence=first.id)).reply.text
    assert f"({first.score})" in reply and f"({second.score})" in reply and not norm(reply).startswith("oui")


@pytest.mark.parametrize("text", ["faut-il continuer à se former une fois en poste pour évoluer ?",
                                  "les certifications, ça aide vraiment pour progresser ?"])
def test_training_to_progress_is_continuing_education_not_the_evolutions(text):
    reply = dialogue.respond(school(), turn(text, "formation_continue")).reply.text
    assert norm(default_profession().formation_continue)[:60] in norm(reply)
