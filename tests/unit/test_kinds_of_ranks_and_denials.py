"""Kinds of message read from the misses of a set written apart (tests/nlu/test_fresh11.yml): an item asked by its
rank, an item said not to be part of the job, a count in SMS, a story before the question, a score out of 100.
Through core/dialogue.py on the behaviour knowledge: every expected word is read from the fixture fiche or its
templates."""
import shutil

import yaml

from core import dialogue
from core.items import best_match
from core.replies import stated_score
from core.stemming import stems
from core.textnorm import fold
from loading.school import load_school
from tests.support.heldout_sets import seed_knowledge
from tests.support.helpers import norm
from tests.support.knowledge import amounts, behaviour_knowledge, default_profession, school, template_start
from tests.support.knowledge import replied as reply


def test_a_mission_asked_by_its_rank_is_that_mission_without_a_yes():
    missions = default_profession().missions
    unsure = [("nlu_fallback", 0.5), ("definition", 0.3)]
    first = reply("c'est quoi la toute première mission de la liste ?", "nlu_fallback", dialogue.CLARIFY, ranking=unsure)
    assert first.startswith(f"« {missions[0].intitule} »"), first
    third = reply("et la 3e ?", "nlu_fallback", dialogue.CLARIFY, slots={"sujet": "missions"}, ranking=unsure)
    assert third.startswith(f"« {missions[2].intitule} »"), third
    last = reply("quelle est la dernière mission citée dans la fiche ?", "missions")
    assert last.startswith(f"« {missions[-1].intitule} »"), last


def test_the_second_skill_after_the_best_scored_is_the_second_by_score():
    skills = sorted(default_profession().hard_skills.competences, key=lambda s: -s.score)
    text = reply("et la deuxième ?", "hard_skills", slots={"sujet": "hard_skills"})
    assert text.startswith(skills[1].nom) and str(skills[1].score) in text, text


def test_an_item_said_not_to_be_part_of_the_job_gets_si_and_what_the_fiche_says():
    p = default_profession()
    mission = p.missions[-1]
    text = reply(f"il ne s'occupe pas de {mission.intitule.lower()}, c'est bien ça ?", "missions")
    assert text.startswith(template_start("missions.premisse_niee")) and mission.intitule in text, text
    names = [c.nom for c in p.outils.categories]
    word = next(w for name in names for w in fold(name).split()
                if len(w) > 5 and sum(stems(w) <= stems(fold(other)) for other in names) == 1)
    text = reply(f"il n'y a aucun outil de {word} dans ce métier, c'est ça ?", "outils")
    assert text.startswith(template_start("outils.premisse_niee")), text
    # a thing said to count for nothing keeps « Non : »
    text = reply(f"{mission.intitule.lower()}, ça sert à rien ?", "missions")
    assert text.startswith(template_start("missions.premisse_secondaire")), text


def test_a_count_asked_in_sms_is_a_count():
    p = default_profession()
    text = reply("ya cb de missions en tt ?", "missions")
    assert str(len(p.missions)) in text.split("\n")[0], text
    text = reply("cb de soft skills ds la fiche ?", "soft_skills")
    assert str(len(p.soft_skills.qualites)) in text.split("\n")[0], text


def test_a_story_told_before_the_question_does_not_ask_what_it_mentions():
    story = ("Bonjour, j'ai passé un an au Canada et je travaille depuis six ans dans la logistique. "
             "J'envisage de me reconvertir. Combien gagne un débutant dans ce métier ?")
    text = norm(reply(story, "salaire"))
    assert all(figure in text for figure in amounts("debutant")), text
    assert "ne precise pas" not in text, text
    # a question that only points at the story still asks about it
    assert school().understand("Je voudrais travailler au Canada. C'est possible pour moi ?", [], "definition").phrases


def test_a_score_out_of_100_is_the_score_stated():
    assert stated_score(fold("les compétences linguistiques c'est 98/100 non ?")) == 98
    assert stated_score(fold("c'est noté 88 sur 100 ?")) == 88


def test_many_words_of_an_items_text_outweigh_one_word_of_another_items_title():
    titles = ["Communication avec les partenaires étrangers", "Appui à la mobilité internationale"]
    items = [f"{titles[0]} entretenir des échanges clairs et réguliers",
             f"{titles[1]} accompagner les publics dans leurs démarches et leur intégration"]
    asked = stems(fold("un volet d'accompagnement des publics dans leurs démarches d'intégration à l'étranger ?"))
    assert best_match(asked, items, titles) == 1
    assert best_match(stems(fold("on parle aux étrangers ?")), items, titles) == 0


def outcome(text, intent, kind=dialogue.ANSWER, slots=None, ranking=()):
    q = school().understand(text, [], intent)
    return dialogue.respond(school(), dialogue.Turn(q, intent, tuple(ranking), slots or {}, None, kind))


def test_a_quantity_of_something_a_list_only_names_is_a_detail_the_fiche_does_not_give():
    p = default_profession()
    word = next(w for m in p.missions for w in fold(m.intitule).split() if len(w) > 7 and w.endswith("s"))
    text = reply(f"combien de {word} il suit en moyenne ?", "missions")
    assert text.startswith(school().replier.fill("hors_fiche.intro", libelle="x", remarque="").split("x")[0]), text
    # the list's own things are counted
    assert str(len(p.missions)) in reply("combien de missions ?", "missions").split("\n")[0]


def test_a_number_alone_right_after_the_pay_is_an_amount_checked_against_the_fiche():
    low, high = amounts("confirme")
    text = reply(f"donc {high} c'est le minimum ?", "diplome", slots={"sujet": "salaire"})
    assert text.startswith(school().replier.fill("salaire.verdict_non")), text
    assert low in norm(text), text


def test_how_much_of_a_skill_after_the_skills_is_its_score():
    skill = default_profession().hard_skills.competences[-1]
    text = reply(f"la {fold(skill.nom)[:5]} c combien ?", "salaire", slots={"sujet": "hard_skills"})
    assert skill.nom in text and str(skill.score) in text, text


def test_what_only_the_rncp_text_says_is_answered_from_it_not_said_missing():
    p = default_profession()
    common = school().common_keys(p)
    words = [w for w in fold(p.rncp).replace("'", " ").split() if len(w) >= 9 and w.isalpha() and w not in common][:2]
    said = outcome(f"selon quels {words[0]} et quels {words[1]} ?", "formation_continue")
    assert dict(said.slots)["sujet"] == "rncp", said.reply.text


def test_an_item_word_two_lists_share_is_read_in_the_list_the_message_names():
    p = default_profession()
    tools = {w for c in p.outils.categories for w in fold(c.nom).split() if len(w) > 5}
    shared = next(w for m in p.missions for w in fold(m.intitule).split() if w in tools)
    mission = next(m for m in p.missions if shared in fold(m.intitule).split())
    unsure = [("nlu_fallback", 0.5), ("outils", 0.2)]
    text = reply(f"ok et la mission sur la {shared} elle sert à quoi ?", "nlu_fallback", dialogue.CLARIFY,
                 slots={"sujet": "salaire"}, ranking=unsure)
    assert mission.intitule in text, text


def test_qualities_told_in_a_story_are_not_the_ones_a_question_after_it_asks_about():
    qualities = default_profession().soft_skills.qualites
    first, second = qualities[0].nom.lower(), qualities[-1].nom.lower()
    told = f"On me dit souvent que j'ai {first} et {second}. Quelles qualités sont attendues dans ce métier ?"
    text = reply(told, "soft_skills")
    assert all(q.nom in text for q in qualities), text
    # a question about the story itself keeps what it tells
    text = reply(f"J'ai beaucoup de {first}. Est-ce que ça compte dans ce métier ?", "soft_skills")
    assert text.split("\n")[0].count("«") == 1 and qualities[0].nom in text.split("\n")[0], text


def test_a_word_a_mission_and_a_tool_share_asked_what_it_is_is_the_mission():
    p = default_profession()
    tools = {w for c in p.outils.categories for w in fold(c.nom).split() if len(w) > 5}
    shared = next(w for m in p.missions for w in fold(m.intitule).split() if w in tools)
    mission = next(m for m in p.missions if shared in fold(m.intitule).split())
    text = reply(f"la {shared}, dans ce métier, ça consiste en quoi ?", "definition")
    assert text.startswith(f"« {mission.intitule} »"), text


def test_the_saying_beside_the_salary_is_given_when_asked_not_the_figures():
    p = default_profession()
    assert p.salaire.citation
    text = reply("c'est quoi la petite citation sur le salaire dans la fiche ?", "salaire")
    assert p.salaire.citation in text and amounts("debutant")[0] not in norm(text), text


def test_more_ways_of_saying_an_item_is_not_part_of_the_job_are_contradicted():
    p = default_profession()
    mission, quality = p.missions[-1], p.soft_skills.qualites[-1]
    for said, intent, topic, name in (
            (f"il ne touche pas du tout à {mission.intitule.lower()}, j'imagine ?", "missions", "missions", mission.intitule),
            (f"{quality.nom}, c'est pour les ambassadeurs, pas pour ce métier, si ?", "soft_skills", "soft_skills", quality.nom),
            (f"je crois que {quality.nom.lower()} n'est pas vraiment attendue dans ce poste.", "soft_skills", "soft_skills",
             quality.nom),
            (f"{quality.nom}, ça n'a rien à voir avec ce métier.", "soft_skills", "soft_skills", quality.nom)):
        text = reply(said, intent)
        assert text.startswith((template_start(f"{topic}.premisse_niee"), template_start(f"{topic}.premisse_secondaire"))), text
        assert name in text, text


def test_an_item_described_by_words_of_its_text_without_its_name_is_that_item():
    p = default_profession()

    def own_words(mission):  # words of its detail no other mission's text has
        others = stems(fold(" ".join(f"{m.intitule} {m.detail}" for m in p.missions if m is not mission)))
        return [w for w in fold(mission.detail).split() if len(w) > 6 and not stems(w) & others]
    mission = next(m for m in p.missions if len(own_words(m)) >= 2)
    words = own_words(mission)[:3]
    unsure = [("nlu_fallback", 0.5), ("missions", 0.3)]
    text = reply(f"{', '.join(words)}, ça fait partie de son rôle ?", "nlu_fallback", dialogue.CLARIFY, ranking=unsure)
    assert mission.intitule in text.split("\n")[0], text


def test_follow_ups_on_the_last_answer():
    p = default_profession()
    unsure = [("nlu_fallback", 0.5), ("definition", 0.3)]
    first = p.soft_skills.qualites[0]
    text = reply("et la première que tu as donnée, c'est quoi au juste ?", "nlu_fallback", dialogue.CLARIFY,
                 slots={"sujet": "soft_skills"}, ranking=unsure)
    assert text.startswith(f"« {first.nom} »"), text
    # « et il est obligatoire ? » after a diploma: that diploma, not a clarification
    text = reply("et il est obligatoire ?", "nlu_fallback", dialogue.CLARIFY, slots={"sujet": "mastere"}, ranking=unsure)
    assert not text.startswith(template_start("clarifier")), text
    # « et qu'est-ce qu'il faut pour les surmonter ? » after the constraints: what they demand
    text = reply("et qu'est-ce qu'il faut pour les surmonter ?", "nlu_fallback", dialogue.CLARIFY,
                 slots={"sujet": "contraintes"}, ranking=unsure)
    assert p.contraintes.liste[0] in text, text


def test_a_count_with_a_wrong_number_gets_the_count_and_the_whole_list():
    qualities = default_profession().soft_skills.qualites
    named = ", ".join(q.nom.lower() for q in qualities[:3])
    text = reply(f"il n'y a que trois soft skills dans la fiche : {named}, c'est bien ça ?", "soft_skills")
    assert str(len(qualities)) in text.split("\n")[0] and all(q.nom in text for q in qualities), text


def test_an_item_said_not_to_be_part_of_the_job_is_one_claim_whatever_parts_the_classifier_cut():
    quality = default_profession().soft_skills.qualites[-1]
    text = f"{quality.nom}, c'est pour les ambassadeurs, pas pour ce métier, si ?"
    cut = len(quality.nom) + 1
    parts = [{"text": text[:cut], "intent": "soft_skills", "confidence": 0.9, "start": 0, "end": cut},
             {"text": text[cut:], "intent": "definition", "confidence": 0.8, "start": cut, "end": len(text)}]
    q = school().understand(text, [], "soft_skills", parts)
    said = dialogue.respond(school(), dialogue.Turn(q, "soft_skills", (), {}, None, dialogue.ANSWER)).reply.text
    assert said.startswith(template_start("soft_skills.premisse_niee")) and quality.nom in said, said


def test_which_cities_is_a_detail_the_fiche_does_not_give():
    unsure = [("nlu_fallback", 0.5), ("definition", 0.3)]
    text = reply("dans quelles villes il y a des postes pour ce métier ?", "nlu_fallback", dialogue.CLARIFY, ranking=unsure)
    assert text.startswith(school().replier.fill("hors_fiche.intro", libelle="x", remarque="").split("x")[0]), text
    assert not reply("quel temps fait-il dans quelle ville ?", "hors_sujet", dialogue.OUT_OF_SCOPE).startswith(
        school().replier.fill("hors_fiche.intro", libelle="x", remarque="").split("x")[0])


def test_an_everyday_phrase_is_read_in_the_fiches_words_to_find_an_item():
    """knowledge/reformulations.yml (the fixture's copy): « qui partent à l'étranger » is the mobility, whatever
    other item shares a word with it; the everyday phrase and its word are read from the file."""
    p = default_profession()
    entries = yaml.safe_load((behaviour_knowledge() / "reformulations.yml").read_text(encoding="utf-8"))["reformulations"]
    for entry in entries:
        word = stems(fold(entry["mot"]))
        item = next((m for m in p.missions if word & stems(fold(m.intitule))), None)
        if item is None:
            continue  # no mission of the fixture uses that word
        for expression in entry["expressions"][:2]:
            text = reply(f"est-ce qu'il aide les gens, {expression} ?", "missions")
            assert f"« {item.intitule} »" in text.split("\n")[0], (expression, text)


def test_a_school_folder_without_reformulations_reads_the_projects(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(behaviour_knowledge(), folder)
    (folder / "reformulations.yml").unlink()
    assert load_school(folder).vocabulary.reformulations


def test_a_title_word_several_lists_share_is_read_in_the_list_whose_item_the_message_describes():
    p = default_profession()
    others = {w for s in p.hard_skills.competences for w in fold(s.nom).split() if len(w) > 5}

    def own_words(mission):  # words of its detail no other mission's text has
        rest = stems(fold(" ".join(f"{m.intitule} {m.detail}" for m in p.missions if m is not mission)))
        return [w for w in fold(mission.detail).split() if len(w) > 6 and not stems(w) & rest]
    def one_mission(word):  # the word's stem is in one mission's title only, and not in the profession's name
        return stems(word) and not stems(word) & stems(fold(p.intitule)) and \
            sum(bool(stems(word) & stems(fold(m.intitule))) for m in p.missions) == 1
    mission, shared = next((m, w) for m in p.missions for w in fold(m.intitule).split()
                           if stems(w) & stems(" ".join(others)) and one_mission(w) and len(own_words(m)) >= 2)
    unsure = [("nlu_fallback", 0.5), ("missions", 0.3)]
    text = reply(f"{', '.join(own_words(mission)[:2])} liés aux {shared}, c'est pour lui aussi ?", "nlu_fallback",
                 dialogue.CLARIFY, ranking=unsure)
    assert mission.intitule in text.split("\n")[0], text


def test_a_school_of_one_profession_has_nothing_to_search_among(tmp_path):
    """A message the model is unsure of, that reads like a search (an interest, « l'étranger »), asks about the one
    profession of the school: never « les fiches de ces métiers correspondent à votre demande »."""
    one = load_school(seed_knowledge(tmp_path / "knowledge"))
    assert len(one.professions) == 1
    q = one.understand("on voyage souvent à l'étranger dans ce travail, genre combien de fois par an ?", [], "nlu_fallback")
    assert q.request.asks
    turn = dialogue.Turn(q, "nlu_fallback", (("nlu_fallback", 0.5), ("catalogue_chercher", 0.3), ("missions", 0.1)),
                         {}, None, dialogue.CLARIFY)
    text = dialogue.respond(one, turn).reply.text
    searched = one.replier.fill("catalogue.resultats", demande="x", metiers="y").split("«")[0]
    assert not text.startswith(searched), text
