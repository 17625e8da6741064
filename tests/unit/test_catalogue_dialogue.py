"""The catalogue conversations as the dialogue decides them (core/exploring.py via dialogue.respond),
on the fixture catalogue (tests/fixtures/catalogue: 8 fictional professions). Each test plays the
turns a student would, and asserts what the student reads and what the conversation remembers.
Expected professions and figures are read from the fiches, never written here."""
import json

import pytest

from core import dialogue, gender
from tests.support.catalogue_knowledge import catalogue_school
from tests.support.helpers import norm


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    return catalogue_school(tmp_path_factory.mktemp("cat-dialogue"))


class Conversation:
    """Turns of one conversation: the memory (slots) carried from one turn to the next."""

    def __init__(self, school):
        self.school, self.slots = school, {}

    def say(self, text, intent, kind=dialogue.ANSWER, page_number=None, **entities):
        ents = [{"entity": k, "value": v} for k, v in entities.items()]
        q = self.school.understand(text, ents, intent)
        outcome = dialogue.respond(self.school, dialogue.Turn(q, intent, ((intent, 0.9),), dict(self.slots),
                                                              None, kind, page_number, entities.get("famille")))
        self.slots.update(dict(outcome.slots))
        return outcome


def by_name(school, fragment):
    return next(p for p in school.professions.values() if fragment in p.intitule)


def two_with_different_salaries(school):
    ps = sorted(school.professions.values(), key=lambda p: p.salaire.niveaux.confirme.max)
    return ps[0], ps[-1]


def test_the_list_offers_one_button_per_profession_and_the_welcome_offers_to_discover_them(school):
    c = Conversation(school)
    welcome = c.say("bonjour", "salutation", dialogue.WELCOME)
    assert welcome.reply.buttons[0] == {"title": "Découvrir les métiers", "payload": "/catalogue_lister"}
    listed = c.say("/catalogue_lister", "catalogue_lister", dialogue.CATALOGUE)
    for p in school.professions.values():
        assert p.intitule in listed.reply.text
        assert {"title": p.intitule, "payload": "/definition" + json.dumps({"metier": p.intitule}, ensure_ascii=False)} \
            in listed.reply.buttons


def test_a_later_page_of_the_list_is_the_page_asked(school):
    big = catalogue_school_of(school, copies=11)  # a famille of two fixtures has 22 professions: two pages
    famille = next(f for f in {p.famille for p in big.professions.values()}
                   if sum(p.famille == f for p in big.professions.values()) > 20)
    first = Conversation(big).say("/catalogue_lister", "catalogue_lister", dialogue.CATALOGUE, famille=famille)
    second = Conversation(big).say("/catalogue_lister", "catalogue_lister", dialogue.CATALOGUE, page_number=1,
                                   famille=famille)
    more = "/catalogue_lister" + json.dumps({"page": 1, "famille": famille}, ensure_ascii=False)
    assert any(b["payload"] == more for b in first.reply.buttons)
    shown_first = {b["title"] for b in first.reply.buttons if b["payload"].startswith("/definition")}
    shown_second = {b["title"] for b in second.reply.buttons if b["payload"].startswith("/definition")}
    assert shown_first and shown_second and not shown_first & shown_second


def catalogue_school_of(school, copies):
    """The same school with each profession `copies` times (other ids and names): a long catalogue."""
    from core.school import School
    professions = {}
    for i in range(copies):
        for p in school.professions.values():
            q = p.copy(update={"id": f"{p.id}_{i}", "intitule": f"{p.intitule} {i}", "alias": []})
            professions[q.id] = q
    return School(professions, school.replier, school.absent_details, {}, interests=school.interests)


def test_a_search_lists_only_fiches_that_say_it_with_their_words(school):
    reply = Conversation(school).say("je cherche un truc avec le bois", "catalogue_chercher",
                                     dialogue.CATALOGUE).reply
    wooden = [p for p in school.professions.values()
              if any("bois" in m.detail.lower() or "bois" in m.intitule.lower() for m in p.missions)
              or "bois" in p.definition.resume.lower()]
    assert wooden
    for p in school.professions.values():
        assert (f"• {p.intitule} —" in reply.text) == (p in wooden)
    assert "rubrique" in reply.text


def test_a_search_no_fiche_supports_says_so_plainly(school):
    reply = Conversation(school).say("un métier dans l'aéronautique qui paye plus de 900000 euros",
                                     "catalogue_chercher", dialogue.CATALOGUE).reply
    assert reply.text.startswith("Aucune fiche de l'école ne correspond à votre demande")


def test_two_professions_named_get_the_topic_side_by_side_and_which_is_higher(school):
    low, high = two_with_different_salaries(school)
    c = Conversation(school)
    out = c.say(f"{low.intitule} ou {high.intitule}, on gagne combien ?", "salaire")
    text = out.reply.text
    assert text.index(low.intitule) < text.index(high.intitule)
    for p in (low, high):
        assert f"{p.salaire.niveaux.debutant.min:,}".replace(",", "\u00a0") in text
        assert f"source : fiche « {p.intitule} », rubrique « Salaire »" in text
    assert f"c'est {high.intitule} qui est le plus élevé" in text
    assert c.slots["comparaison"] == [low.id, high.id]


def test_after_a_comparison_a_topic_asks_which_profession_and_never_mixes_them(school):
    low, high = two_with_different_salaries(school)
    c = Conversation(school)
    c.say(f"différence entre {low.intitule} et {high.intitule}", "catalogue_comparer", dialogue.CATALOGUE)
    which = c.say("et les missions ?", "missions")
    assert "Pour lequel" in which.reply.text
    assert [b["title"] for b in which.reply.buttons] == [low.intitule, high.intitule]
    assert which.reply.buttons[1]["payload"] == "/missions" + json.dumps({"metier": high.intitule}, ensure_ascii=False)
    assert not any(m.intitule in which.reply.text for m in low.missions + high.missions)
    chosen = c.say("/missions", "missions", metier=high.intitule)
    assert chosen.reply.text.startswith(f"Pour le métier {gender.of(high.intitule)} :")
    assert all(m.intitule in chosen.reply.text for m in high.missions)
    assert not any(m.intitule in chosen.reply.text for m in low.missions if m not in high.missions)
    assert c.slots["comparaison"] is None and c.slots["metier_id"] == high.id
    # The comparison is over: the next topic is about the profession chosen, without asking again.
    assert c.say("et le salaire ?", "salaire").profession.id == high.id


def test_which_pays_more_after_two_were_named_compares_their_salaries(school):
    low, high = two_with_different_salaries(school)
    c = Conversation(school)
    c.say(f"{high.intitule} vs {low.intitule}", "catalogue_comparer", dialogue.CATALOGUE)
    out = c.say("lequel paye le mieux ?", "catalogue_comparer", dialogue.CATALOGUE)
    assert out.reply.text.startswith("Comparaison sur « Le salaire »")
    assert f"c'est {high.intitule} qui est le plus élevé" in out.reply.text


def test_without_a_topic_the_comparison_is_a_short_card(school):
    a, b = list(school.professions.values())[:2]
    out = Conversation(school).say(f"comparer {a.intitule} et {b.intitule}", "catalogue_comparer",
                                   dialogue.CATALOGUE)
    for p in (a, b):
        ref = next(x for x in p.parcours if x.statut == "reference")
        assert f"Bac+{ref.niveau}" in out.reply.text
        assert max(p.hard_skills.competences, key=lambda k: k.score).nom in out.reply.text


def test_an_interest_in_a_comparison_is_said_for_each_side_from_its_fiche(school):
    speaks = [p for p in school.professions.values() if any("anglais" in s.nom.lower() or "anglais" in " ".join(s.mots_cles).lower()
                                                           for s in p.hard_skills.competences)]
    silent = [p for p in school.professions.values() if "langue" not in str(p.dict()).lower()
              and "anglais" not in str(p.dict()).lower()]
    assert speaks and silent
    out = Conversation(school).say(f"{speaks[0].intitule} ou {silent[0].intitule} pour quelqu'un qui aime les langues ?",
                                   "catalogue_comparer", dialogue.CATALOGUE)
    first, second = out.reply.text.split(f"{silent[0].intitule} (source", 1)
    assert "langues : la fiche en parle" in first
    assert "langues : la fiche n'en parle pas" in second


def test_a_comparison_with_one_name_compares_it_with_the_profession_in_the_conversation(school):
    low, high = two_with_different_salaries(school)
    c = Conversation(school)
    c.say("/definition", "definition", metier=low.intitule)
    out = c.say(f"et par rapport à {high.intitule}, lequel gagne le plus ?", "catalogue_comparer", dialogue.CATALOGUE)
    assert c.slots["comparaison"] == [low.id, high.id]
    assert f"c'est {high.intitule} qui est le plus élevé" in out.reply.text


def test_a_comparison_naming_nobody_asks_which_two(school):
    out = Conversation(school).say("compare les deux", "catalogue_comparer", dialogue.CATALOGUE)
    assert out.reply.text.startswith("Quels métiers voulez-vous comparer ?")
    assert len(out.reply.buttons) == len(school.professions)


def test_an_evolution_that_is_a_profession_of_the_catalogue_offers_its_fiche(school):
    linked = [(p, q) for p in school.professions.values() for q in school.professions.values()
              if q.id != p.id and q.intitule in p.evolutions.postes]
    assert linked, "the fixture catalogue has an evolution towards another of its fiches"
    p, q = linked[0]
    out = Conversation(school).say("/evolutions", "evolutions", metier=p.intitule)
    assert {"title": f"Ouvrir la fiche {q.intitule}",
            "payload": "/definition" + json.dumps({"metier": q.intitule}, ensure_ascii=False)} in out.reply.buttons


def test_changing_profession_begins_with_its_name_and_staying_does_not(school):
    a, b = list(school.professions.values())[:2]
    c = Conversation(school)
    first = c.say("/salaire", "salaire", metier=a.intitule)
    again = c.say("et pour un débutant ?", "salaire")
    other = c.say("/salaire", "salaire", metier=b.intitule)
    assert not again.reply.text.startswith("Pour le métier de")
    assert other.reply.text.startswith(f"Pour le métier {gender.of(b.intitule)} :")
    assert (first.profession.id, again.profession.id, other.profession.id) == (a.id, a.id, b.id)


def test_a_long_list_starts_by_its_familles_with_counts_then_lists_the_one_chosen(school):
    big = catalogue_school_of(school, copies=3)  # 24 professions, more than BY_FAMILY
    first = Conversation(big).say("/catalogue_lister", "catalogue_lister", dialogue.CATALOGUE)
    assert "24 metiers" in norm(first.reply.text) and not any(
        b["payload"].startswith("/definition") for b in first.reply.buttons)
    counts = {b["title"]: b["payload"] for b in first.reply.buttons}
    famille = sorted({p.famille for p in big.professions.values()})[0]
    members = [p for p in big.professions.values() if p.famille == famille]
    title = f"{famille.capitalize()} ({len(members)} métiers)"
    assert counts[title] == "/catalogue_lister" + json.dumps({"famille": famille}, ensure_ascii=False)
    chosen = Conversation(big).say(counts[title], "catalogue_lister", dialogue.CATALOGUE, famille=famille)
    shown = {b["title"] for b in chosen.reply.buttons if b["payload"].startswith("/definition")}
    assert shown == {p.intitule for p in members}
