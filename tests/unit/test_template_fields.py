"""TEMPLATE_FIELDS (trainer/template_fields.py, read from the code of core/replies.py) is the list make check
uses to refuse an unknown {champ}: every reply the assistant builds fills its template with exactly
those fields."""
import re
from dataclasses import replace

import pytest

from core import catalogue
from core.cues import Cues
from core.items import posts_in
from core.knowledge import Evolutions
from core.levels import LevelsAsk
from core.pay_sums import MIDDLE, PER_MONTH, PaySum
from core.replies import Replier
from core.textnorm import fold
from core.understanding import AbsentDetail, DiplomaSituation, Question, Vocabulary
from core.understanding import understand as understood
from loading.knowledge import load_contact, load_professions, load_templates, load_topics, project_diplomas
from tests.support.helpers import ROOT
from tests.support.knowledge import behaviour_knowledge, without_facts
from tests.support.knowledge import school as behaviour_school
from trainer.template_fields import TEMPLATE_FIELDS, TemplateNameError, fields_filled

TEXTS = ["", "faut-il un bac+5 ou un master ?", "est-ce que c'est suffisant ?", "la plus importante ?",
         "celle qui compte le moins ?", "range-les par ordre d'importance", "l'écart entre la première et la dernière ?",
         "combien sont en dessous de 90 ?", "la moyenne des scores ?", "la somme des scores ?",
         "l'écart entre le max débutant et le min confirmé ?", "le milieu de la fourchette ?",
         "de combien augmente le milieu de la fourchette entre les deux ?", "elles ont une note aussi ?",
         "le haut confirmé fait combien de fois le bas débutant ?", "de 30 000 € à 40 000 €, quel pourcentage ?",
         "de 40 000 € à 30 000 €, quel pourcentage ?", "la différence entre débutant et confirmé ?",
         "2 800 € par mois, c'est combien par an ?", "et celui qui touche au droit ?", "et celle qui porte sur l'Europe ?",
         "résume-moi tout", "on fait que de la coordination ?", "35 000 par an, ça fait combien par mois ?",
         "un confirmé gagne forcément 45 000 € ?", "l'écart par mois entre débutant et confirmé ?",
         "l'écart par mois entre le max débutant et le min confirmé ?"]
DIPLOMA_TEXTS = ["", "faut-il un bac+5 ?", "un BTS suffit ?", "sans bac+3 je peux ?", "sans bac+2 je peux ?",
                 "juste un CAP ?", "une licence ça suffit ?", "faut-il un DE ?", "sans le DE ?", "c'est quoi le BTS ?",
                 "sans BTS je peux ?", "sans CAP je peux ?", "sans master ?", "le master ça sert à rien ?",
                 "je n'ai pas de master", "sans master je peux quand même ?", "juste un bac pro", "un doctorat suffit ?"]
SITUATIONS = [DiplomaSituation(kind, diploma) for kind in ("sans", "seulement") for diploma in ("bts", "bachelor", "mastere")]


def understand(text: str, **given):
    """A message understood with the project's diploma words (what a School hands the understanding)."""
    return understood(text, vocabulary=Vocabulary(diplomas=project_diplomas()), **given)


@pytest.fixture(scope="module")
def filled():
    """{template: fields given} for the templates filled while building every kind of reply, for every
    profession (a template given two different sets of fields fails here)."""
    folder = behaviour_knowledge()
    replier = Replier(load_templates(folder / "reponses.yml"), load_topics(folder / "sujets.yml"),
                      load_contact(folder / "contact.yml"), project_diplomas())
    given = {}
    original = replier.fill

    def spy(name, **values):
        assert given.setdefault(name, frozenset(values)) == frozenset(values), name
        return original(name, **values)

    replier.fill = spy
    professions = list(load_professions(folder / "metiers").values())
    # and as imported from fiches that leave facts out: « La fiche ne précise pas … »
    for profession in professions + [without_facts(p, partly) for p in professions for partly in (False, True)]:
        for topic in replier.topics.sujets:
            if topic == "conseiller":
                continue
            texts = TEXTS + [m.intitule for m in profession.missions[:1]] + [
                q.nom for q in profession.soft_skills.qualites[:1]] + [c.nom for c in profession.outils.categories[:1]]
            levels = profession.salaire.niveaux if profession.salaire else None
            for text in texts:
                for experience, years in ((None, None), ("debutant", None), ("confirme", None), (None, 99),
                                          (None, levels.debutant.annees_max if levels else 1)):
                    replier.answer(profession, replace(understand(text, topic=topic), experience=experience, years=years))
            for skill in profession.hard_skills.competences:  # the named skill asked as the most or least important
                replier.answer(profession, Question(topic="hard_skills", skill=skill.id))
                for extreme in ("max", "min"):
                    replier.answer(profession, Question(topic="hard_skills", skill=skill.id, superlative=extreme))
            replier.not_specified(profession, topic)
        # a job the fiche cites, named and asked yes or no: « Oui : la fiche la cite »
        for topic, jobs in (("evolutions", profession.evolutions.postes), ("experiences", [e.poste for e in profession.experiences])):
            for job in jobs[:1]:
                replier.answer(profession, understand(f"{job}, la fiche le cite ?", topic=topic))
                replier.answer(profession, understand(f"et {job} ?", topic=topic))
            for situation in SITUATIONS:
                replier.answer(profession, Question(topic=topic, text="", situation=situation))
        for job in posts_in(profession.evolutions.ensuite)[:1]:  # a job cited for later: « et consultant ? »
            replier.answer(profession, understand(f"{job}, la fiche le cite ?", topic="evolutions"))
            replier.answer(profession, understand(f"et {job} ?", topic="evolutions"))
        detail = AbsentDetail("conges", "les congés", None, "Remarque.")
        replier.absent(profession, detail, None)
        replier.absent(profession, detail, Question(topic="salaire"))
        monthly = AbsentDetail("salaire_net", "le salaire par mois", "salaire", None, figures=True, monthly=("par mois",))
        replier.absent(profession, monthly, understand("ça fait combien par mois ?", topic="salaire"))
        replier.absent(profession, AbsentDetail("demande:x", replier.asked_label("combien de femmes"), "question", None),
                       Question(topic="definition"))
        replier.answer_parts(profession, [(None, Question(topic="salaire")), (None, Question(topic="missions"))])
        # The experience levels asked or mistaken; premises corrected; a diploma asked in work-study; a guarantee.
        for asked in (LevelsAsk("etudes", "confirme", None), LevelsAsk(None, "confirme", 1), LevelsAsk(None, None, 4),
                      LevelsAsk(None, "debutant", 1), LevelsAsk(None, None, None)):
            replier.answer(profession, Question(topic="salaire", levels=asked))
        for quality in profession.soft_skills.qualites[:1]:
            replier.answer(profession, understand(f"{quality.nom} c'est secondaire ?", topic="soft_skills"))
        for skill in profession.hard_skills.competences[:1]:
            replier.answer(profession, Question(topic="hard_skills", skill=skill.id, premise="secondaire"))
            replier.answer(profession, Question(topic="hard_skills", skill=skill.id, premise="niee"))
        # An item said not to count (« Non : ») or not to be part of the job (« Si : »).
        for topic, items in (("missions", [m.intitule for m in profession.missions[:1]]),
                             ("soft_skills", [x.nom for x in profession.soft_skills.qualites[:1]]),
                             ("outils", [c.nom for c in profession.outils.categories])):  # some share words
            for name in items:
                replier.answer(profession, understand(f"{name}, ça sert à rien ?", topic=topic))
                replier.answer(profession, understand(f"il ne fait pas de {name}, si ?", topic=topic))
            replier.answer(profession, Question(topic="hard_skills", skill=skill.id,
                                                folded=f"elle a {100 - skill.score // 2}, c'est juste ?"))
        replier.answer(profession, Question(topic="salaire", experience="confirme", folded="un senior gagne combien ?"))
        for period in ("par semaine", "par jour", "en 18 mois"):  # a level's pay over another period
            replier.answer(profession, understand(f"un débutant gagne combien {period} ?", topic="salaire"))
        replier.thanks()  # « merci t'es trop fort »
        replier.acknowledged("outils"), replier.acknowledged(None)  # « ah ok je vois »
        # « par mois ? » after the middle of a range: that middle by the month
        replier.answer(profession, Question(topic="salaire", pay_sum=PaySum(PER_MONTH, (("debutant", MIDDLE),))))
        if profession.salaire and profession.salaire.niveaux.debutant:  # a ratio of exactly two: « le double »
            low = profession.salaire.niveaux.debutant
            doubled = profession.copy(update={"salaire": profession.salaire.copy(update={"niveaux": profession.salaire.niveaux.copy(
                update={"debutant": low.copy(update={"max": 2 * low.min})})})})
            replier.answer(doubled, Question(topic="salaire", pay_sum=PaySum("rapport", (("debutant", "max"), ("debutant", "min")))))
        replier.answer(profession, Question(topic="alternance", premise="impossible"))
        # the fiche's saying beside its figures, and a fiche with none
        said = understand("c'est quoi la citation sur le salaire ?", topic="salaire")
        replier.answer(profession, said)
        if profession.salaire and profession.salaire.citation:  # « ça veut dire quoi ? » right after it
            replier.saying_meaning(profession)
        for topic, items in (("missions", profession.missions[:1]), ("hard_skills", profession.hard_skills.competences[:1])):
            for item in items:  # « ça c'est en quelle position dans la liste ? »
                replier.position(profession, topic, getattr(item, "intitule", None) or item.nom)
        # Two items named (« X ou Y ? »), one asked openly (« X, c'est quoi ? »), a step asked as compulsory,
        # the student's own idea of the job, a score asked of a quality.
        for topic, names in (("missions", [m.intitule for m in profession.missions[:1] + profession.missions[-1:]]),
                             ("soft_skills", [x.nom for x in profession.soft_skills.qualites[:2]]),
                             ("hard_skills", [k.nom for k in profession.hard_skills.competences[:2]])):
            replier.answer(profession, understand(" ou ".join(names) + " ?", topic=topic))
            if names:
                replier.answer(profession, understand(f"{names[0]}, c'est quoi ?", topic=topic))
        skills = profession.hard_skills.competences[:2]
        if len(skills) == 2:
            replier.answer(profession, Question(topic="hard_skills", skills=tuple(k.id for k in skills), joins=True))
            same = [k.copy(update={"score": 50}) for k in skills]
            replier.answer(profession.copy(update={"hard_skills": profession.hard_skills.copy(update={"competences": same})}),
                           Question(topic="hard_skills", skills=tuple(k.id for k in skills), joins=True))
        replier.answer(profession, understand("faut-il forcément passer par là avant ?", topic="experiences"))
        replier.answer(profession, understand("l'alternance c'est obligatoire ?", topic="alternance"))
        for tool in profession.outils.categories:  # one of them named alone
            replier.answer(profession, understand(f"les {tool.nom.lower()} ça sert à rien ici ?", topic="outils"))
            replier.answer(profession, understand(f"les {tool.nom.lower()} c'est chiant ?", topic="outils"))  # an opinion
        replier.checked(replier.answer(profession, Question(topic="definition")))
        replier.score_quality_label(), replier.cited_pay_label("experiences")
        for skill in profession.hard_skills.competences[:1]:
            replier.answer(profession, Question(topic="hard_skills", skill=skill.id, comparative=True,
                                                cues=Cues(compares=True)))
        replier.counted(profession, "missions", replier.answer(profession, Question(topic="missions")))
        replier.first_items(profession, "missions", 2, replier.answer(profession, Question(topic="missions")))
        for stone in profession.experiences[:1]:
            replier.own_experience(profession, stone.poste, replier.answer(profession, Question(topic="experiences")))
        replier.answer(profession, understand("les intitulés des formations sont les mêmes partout ?", topic="diplome"))
        replier.not_listed("commercial", "experiences", replier.answer(profession, Question(topic="experiences")))
        replier.not_cited("missions", replier.answer(profession, Question(topic="missions")))
        replier.not_cited("missions", replier.answer(profession, Question(topic="missions")), in_list=True)
        if profession.missions:
            replier.not_among(profession, "missions", ("leadership", fold(profession.missions[0].intitule)),
                              replier.answer(profession, Question(topic="missions")))
        replier.work_study_label("Le Mastère")
        # a stepping stone given by the fiche's own sentence (« {poste} : {apport} », no « pour »)
        replier.answer(profession.copy(update={"experiences": [e.copy(update={"apport": "Une phrase de la fiche."})
                                                               for e in profession.experiences]}),
                       Question(topic="experiences"))
        replier.guarantee(profession, Question(topic="diplome"))
        replier.guarantee(profession.copy(update={"evolutions": Evolutions()}), Question(topic="diplome"))
        bac5 = profession.copy(update={"parcours": [path.copy(update={"statut": "reference" if path.niveau == 5 else
                                                                      "insuffisant_seul"}) for path in profession.parcours]})
        replier.answer(bac5, understand("faut-il un bac+5 ?", topic="diplome"))
        replier.answer(bac5, understand("je n'ai pas de master", topic="diplome"))
    # Other diploma models (tests/fixtures/parcours): a required State diploma, a CAP reference, a Bac+5
    # reference; the diplomas a student names, held, lacked or asked about.
    for fixture in load_professions(ROOT / "tests" / "fixtures" / "parcours").values():
        main = [x for x in fixture.parcours if x.statut in ("requis", "reference")]
        alone = [x for x in fixture.parcours if x.statut == "insuffisant_seul"][:1]
        variants = [fixture, fixture.copy(update={"parcours": [x.copy(update={"en_bref": None, "general": "En bref."})
                                                               for x in fixture.parcours]}),
                    fixture.copy(update={"parcours": main + alone}), fixture.copy(update={"parcours": main})]
        for profession, topic in ((v, t) for v in variants for t in ("diplome", "bts", "bachelor", "mastere")):
            for text in DIPLOMA_TEXTS:
                replier.answer(profession, understand(text, topic=topic))
    replier.other_profession(professions, "boulanger"), replier.which_of(professions)
    replier.other_profession(professions * 5, "boulanger")
    replier.welcome(professions * 5)  # a catalogue too long to be named in full
    replier.welcome(professions), replier.help(professions), replier.out_of_scope(professions)
    replier.clarify(["salaire"], 0), replier.clarify([], 2), replier.apology(), replier.denied_list(replier.apology())
    replier.empty_message(), replier.too_long(1001, 1000), replier.restarting("et le salaire ?")
    # The catalogue conversations: a list with more pages, a search found or not, comparisons.
    replier.catalogue_page(professions * 9), replier.catalogue_page(professions[:1])  # (a school of one profession)
    replier.search_results(professions, "plus de 20000 euros", catalogue.search(
        professions, catalogue.request(fold("plus de 20000 euros"))))
    replier.search_results(professions, "un métier de boulanger", [])
    # a result found by the words of its famille (no topic of sujets.yml: « Famille »)
    replier.search_results(professions, "un métier du sport", [catalogue.Match(professions[0], 1.0, (("sport", "famille"),))])
    replier.familles_reply(professions)
    a = professions[0]
    b = a.copy(update={"id": "autre", "intitule": "Autre métier", "salaire": a.salaire.copy(update={
        "niveaux": a.salaire.niveaux.copy(update={"confirme": a.salaire.niveaux.confirme.copy(
            update={"max": a.salaire.niveaux.confirme.max + 1000})})})})
    for topic in ("salaire", "diplome", "hard_skills", "missions", None):
        replier.comparison(a, b, topic), replier.comparison(a, a, topic)
    # An interest the fiche speaks of (its own first mission's words), and one it does not.
    vocabulary = behaviour_school().interests
    replier.comparison(a, b, None, ["langues", "jeux_video"], vocabulary)
    replier.compare_which(professions), replier.which_of_two((a, b), "salaire")
    # A catalogue with no profession in play: which one; a long list by famille; a job the fiche only cites.
    replier.which_profession(a, 30, "salaire"), replier.which_profession(None, 30, None)
    replier.catalogue_page([a.copy(update={"id": f"m{i}", "famille": f"famille {i % 3}"}) for i in range(25)])
    replier.cited_label("Consultant(e)", "evolutions")
    replier.paths_to(a, [(b, "evolutions"), (b, "experiences")]), replier.paths_to(a, [])
    replier.paths_to(a.copy(update={"experiences": []}), [])
    replier.path_between(a, b, [(a, b, "evolutions"), (b, a, "experiences")]), replier.path_between(a, b, [])
    replier.search_results(professions, "le métier le mieux payé", catalogue.search(
        professions, catalogue.request(fold("le métier le mieux payé"))), ranked=True)
    replier.path_buttons(a, lambda name: (b.id,), {b.id: b}), replier.switched(a, replier.apology())
    return given


def test_every_template_with_fields_is_filled_with_exactly_the_fields_read_from_the_code(filled):
    # Button titles are shown as they are, never filled.
    # Button titles and the names of what a fiche leaves out (fiche_muette.sujets…) are read as they are.
    read_as_they_are = {name for name in TEMPLATE_FIELDS if name.startswith("boutons.")
                        or name.startswith("fiche_muette.") and name != "fiche_muette.intro"}
    assert filled == {name: fields for name, fields in TEMPLATE_FIELDS.items() if name not in read_as_they_are}


def test_every_template_of_the_school_is_declared():
    topics = set(load_topics().sujets)
    assert set(load_templates()) <= set(TEMPLATE_FIELDS) | topics


def test_fields_are_read_from_literal_names_branches_and_local_names():
    source = """
class R:
    def a(self, p):
        return self.fill("un", x=1, y=2)

    def b(self, p):
        name = "deux" if p else "trois"
        return self.fill(name, z=3) + self.fill("quatre" if p else "cinq") + self.t["bouton"]
"""
    assert fields_filled(source) == {"un": {"x", "y"}, "deux": {"z"}, "trois": {"z"}, "quatre": set(),
                                     "cinq": set(), "bouton": set()}


@pytest.mark.parametrize("body, says", [
    ('return self.fill(p.topic, x=1)', "nom de modèle écrit dans le code"),
    ('return self.fill("un", **p)', "par leur nom"),
    ('return self.fill("un", x=1) + self.fill("un", y=1)', "reçoit ['y'] ici et ['x'] ailleurs"),
])
def test_a_fill_call_the_list_cannot_be_read_from_is_refused(body, says):
    with pytest.raises(TemplateNameError, match=re.escape(says)):
        fields_filled(f"class R:\n    def a(self, p):\n        {body}\n")
