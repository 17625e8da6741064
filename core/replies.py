"""Turn a question (topic + qualifiers) into the French reply a student reads.

Pure functions: facts come from a Profession (knowledge file), wording from the templates
(knowledge/reponses.yml), button texts from the topics (knowledge/sujets.yml). No Rasa here.
"""
import json
import operator
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple

from core import catalogue, compare, diplomas, gender
from core.diplomas import Diplomas
from core.items import Said, best_match, by_rank, by_score, item_texts, named_items, posts_in, shown_titles, text_scores, unique_stems
from core.knowledge import TRAINING_IDS, Contact, Profession, Topics, euros
from core.levels import LevelsAsk, level_beyond
from core.pay_sums import DAYS_A_YEAR, GAP_PER_MONTH, MIDDLE, PER_DAY, PER_MONTH, PER_WEEK, PERIODS, WEEKS_A_YEAR, PaySum, change, decimal
from core.stemming import folded_key, stem, stems
from core.textnorm import fold, folded_words, listed
from core.understanding import AbsentDetail, Question, phrase_pattern

NAMED_IN_FULL = 4  # professions named one by one in a sentence; beyond, « A, B, C et N autres métiers »
# A topic added by trainers (not in BUILDERS): its template is named after the topic.
TOPIC_TEMPLATE_FIELDS = frozenset({"intitule", "texte"})


@dataclass
class Reply:
    text: str
    buttons: List[Dict[str, str]] = field(default_factory=list)
    # The items a factual answer lists, as written in its bullets: what it covers (core/school.py answer_words).
    items: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Body:
    """A topic's answer as a builder makes it, before its source line: its text and the items its list shows."""
    text: str
    items: Tuple[str, ...] = ()


# A number the student states as a score: not part of a level (« bac+3 »), a decimal, an amount or a duration.
_STATED_SCORE = re.compile(r"(?<![\d+])(?<!\d[.,])(\d{1,3})(?!\d|[.,]\d|\s*(?:%|ans?\b|mois\b|semaines?\b|jours?\b"
                           r"|heures?\b|h\b|k\b|000|€|euros?|e\b|eme\b|er\b))")


# « la dernière de la liste », « la deuxième citée »: a rank in the fiche's order, not in the scores'.
_AS_LISTED = re.compile(r"\bliste\b|\bcite(?:e|s|es)?\b|\bordre de la fiche\b")
# The premises that a thing the fiche lists does not count or is not part of the job (Question.premise): answered
# « Non : » or « Si : » and what the fiche says of it.
DOUBTED = ("secondaire", "niee")
_OUT_OF_100 = re.compile(r"\s*(?:/|sur)\s*100\b")


# « Oui, … », « Non : … » at the start of a fiche's sentence that a template already opens with its verdict.
_VERDICT_START = re.compile(r"^\s*(?:oui|non)\s*[,:.!]\s*", re.IGNORECASE)


def stated_score(folded: str) -> Optional[int]:
    """A score out of 100 the student states about a skill (« elle a 95 ? »), if one number alone is given."""
    folded = _OUT_OF_100.sub(" ", folded)  # « 98/100 », « 98 sur 100 »: the scale is no score
    found = [int(n) for n in _STATED_SCORE.findall(folded) if 0 < int(n) <= 100]
    return found[0] if len(found) == 1 else None


# A score threshold (Question.threshold): how a score is kept, and how the reply says it.
_THRESHOLDS = {">": (operator.gt, "supérieur à"), ">=": (operator.ge, "d'au moins"), "<": (operator.lt, "inférieur à"),
               "<=": (operator.le, "d'au plus")}


def _figure(level, bound: str) -> int:
    """A figure of a level's range: its minimum, its maximum or its middle (core/pay_sums.MIDDLE)."""
    return round((level.min + level.max) / 2) if bound == MIDDLE else getattr(level, bound)


class Replier:
    """Builds replies for one school: templates, topics and contact loaded once."""

    def __init__(self, templates: Dict[str, str], topics: Topics, contact: Contact, diplomas: Diplomas):
        self.t = templates
        self.topics = topics
        self.contact = contact
        self.diplomas = diplomas  # knowledge/diplomes.yml: which diploma a message names, how answers name one
        self._name_stems: Dict[str, FrozenSet[str]] = {}  # by profession id: the stems of its names (said_stems)
        self._name_keys: Dict[str, FrozenSet[str]] = {}  # by profession id: the keys of its names' words

    # -- helpers -------------------------------------------------------------------------------
    def fill(self, name: str, **values) -> str:
        return self._filled(self.t[name], values)

    def fill_topic(self, topic: str, **values) -> str:
        """The template of a topic added by trainers (named after it, fields TOPIC_TEMPLATE_FIELDS)."""
        return self._filled(self.t[topic], values)

    @staticmethod
    def _filled(template: str, values: Dict[str, object]) -> str:
        text = template.format(**values).replace(" ()", "")  # « ({mots_cles}) » of a skill without keywords
        return re.sub(r"[ \t]+\n", "\n", re.sub(r" {2,}", " ", text)).strip()

    def bullets(self, items: Sequence[str]) -> str:
        return "\n".join(self.fill("commun.puce", texte=i) for i in items)

    def topic_button(self, topic: str, payload: Optional[str] = None) -> Dict[str, str]:
        return {"title": self.topics.sujets[topic].question, "payload": payload or f"/{topic}"}

    def counsellor_button(self) -> Dict[str, str]:
        """The button that gives the counsellor's contact (its text: the topic's question)."""
        return self.topic_button("conseiller", "/conseiller")

    def other_question_button(self) -> Dict[str, str]:
        """« Autre question »: back to the help and its menu."""
        return {"title": self.t["boutons.autre_question"], "payload": "/aide"}

    def menu_buttons(self) -> List[Dict[str, str]]:
        return [{"title": self.topics.sujets[s].libelle, "payload": f"/{s}"} for s in self.topics.menu]

    def suggestions(self, topic: str) -> List[Dict[str, str]]:
        return [self.topic_button(s) for s in self.topics.sujets[topic].suggestions]

    def source(self, profession: Profession, topic: str) -> str:
        return self.fill("commun.source", intitule=profession.intitule,
                         rubrique=self.topics.sujets[topic].rubrique)

    def names(self, professions: Sequence[Profession]) -> str:
        """« A », « A et B », … ; a catalogue longer than NAMED_IN_FULL: its first names and how many others."""
        titles = [p.intitule for p in professions]
        if len(titles) > NAMED_IN_FULL:
            return self.fill("commun.catalogue", exemples=", ".join(titles[:NAMED_IN_FULL - 1]),
                             autres=len(titles) - NAMED_IN_FULL + 1)
        return listed(titles)

    # -- factual answers -----------------------------------------------------------------------
    def answer(self, profession: Profession, question: Question) -> Reply:
        topic = question.topic
        if silent_on(profession, topic):
            return self.silent(profession, topic)
        builder = BUILDERS.get(topic)
        body = builder(self, profession, question) if builder else Body(self._other_topic(profession, question))
        return Reply(f"{body.text}\n{self.source(profession, topic)}", self.suggestions(topic), body.items)

    def answer_parts(self, profession: Profession, items: Sequence[tuple], counted: Sequence[str] = ()) -> Reply:
        """A compound message: (None, question) parts answered as topics, (detail, closest) parts as
        details the fiche does not give; in the order asked, the counsellor offered if any is absent. A part that
        counts a list of `counted` (« et combien de missions ya en tout ? ») says how many first."""
        def answered(q: Question) -> Reply:
            reply = self.answer(profession, q)
            return self.counted(profession, q.topic, reply) if q.counted and q.topic in counted and not q.threshold \
                else reply
        replies = [answered(q) if detail is None else self.absent(profession, detail, q) for detail, q in items]
        asked = {f"/{q.topic}" for _, q in items if q is not None}
        buttons = [b for b in replies[-1].buttons if b["payload"] not in asked]
        if any(detail for detail, _ in items) and not any(b["payload"] == "/conseiller" for b in buttons):
            buttons.insert(0, self.counsellor_button())
        return Reply("\n\n".join(r.text for r in replies), buttons)

    def absent(self, profession: Profession, detail: AbsentDetail, closest: Optional[Question],
               monthly_asked: bool = False) -> Reply:
        """A detail the fiche does not give: say so, then what it says that is closest, and a human. `monthly_asked`:
        the pay by the month was asked before, and a level is now (« et pour un confirmé ? »)."""
        intro = self.fill("hors_fiche.intro", libelle=detail.label, remarque=detail.note or "")
        counsellor = self.counsellor_button()
        if closest is None:
            text = f"{intro}\n{self.fill('hors_fiche.conseiller')}"
            return Reply(text, [counsellor] + self.menu_buttons()[:3])
        if closest.topic == "salaire" and not detail.figures and not silent_on(profession, "salaire"):
            # A city, a sector, an intern: the fiche's figures do not answer it, and read under « Ce que la
            # fiche dit de plus proche » they would pass for the answer. What makes pay vary is closest.
            body = self.fill("salaire.facteurs", facteurs=self._factors(profession))
            answer = Reply(f"{body}\n{self.source(profession, 'salaire')}", self.suggestions("salaire"))
        else:
            answer = self.answer(profession, closest)
        asked_monthly = monthly_asked or any(phrase_pattern(p).search(closest.folded) for p in detail.monthly)
        monthly = self._monthly(profession, closest.experience) if asked_monthly and closest.topic == "salaire" else ""
        if monthly:  # « ça fait combien par mois ? »: the yearly figures divided by 12, said as a calculation
            intro = f"{intro}\n{monthly}"
        text = f"{intro}\n{self.fill('hors_fiche.proche')}\n{answer.text}"
        return Reply(text, [counsellor] + answer.buttons[:2])

    def counted(self, p: Profession, topic: str, reply: Reply) -> Reply:
        """« combien de missions ? »: how many items the fiche gives for the topic, then its answer."""
        # (the evolutions: the jobs the fiche cites after this one, those of its sentence on what comes next too)
        number = len(p.experiences) if topic == "experiences" else \
            len(p.evolutions.postes + posts_in(p.evolutions.ensuite)) if topic == "evolutions" else len(item_texts(p, topic)[0])
        if not number:
            return reply
        intro = self.fill("nombre_elements", nombre=number, rubrique=self.topics.sujets[topic].rubrique)
        return Reply(f"{intro}\n{reply.text}", reply.buttons)

    def position(self, p: Profession, topic: str, title: str) -> Optional[Reply]:
        """« ça c'est en quelle position dans la liste ? » right after an answer about one item: its place in the list,
        by score for the technical skills (the order the fiche ranks them in), else in the fiche's order; None when the
        item is no longer in the list."""
        names = shown_titles(p, topic)
        if title not in names:
            return None
        text = self.fill("rang_element", element=title, rang=names.index(title) + 1, total=len(names),
                         rubrique=self.topics.sujets[topic].rubrique,
                         ordre=self.fill("rang_par_score", score=_score_of(p, title)) if topic == "hard_skills"
                         else self.fill("rang_ordre_fiche"))
        return Reply(f"{text}\n{self.source(p, topic)}", self.suggestions(topic))

    def own_experience(self, p: Profession, job: str, reply: Reply) -> Reply:
        """« je suis assistante juridique : mon profil a un intérêt ? »: the fiche cites that experience, said first."""
        cited = next((e for e in p.experiences if e.poste == job), None)
        if cited is None:
            return reply
        return Reply(f"{self.fill('experience_la_votre', poste=cited.poste)}\n{reply.text}", reply.buttons)

    def first_items(self, p: Profession, topic: str, count: int, reply: Reply) -> Reply:
        """« cite les 3 premières »: the first items of the topic's list, in the fiche's order (the skills by score);
        the whole answer when the list has no more."""
        texts, titles = item_texts(p, topic)
        names = titles or texts
        if topic == "hard_skills":  # shown and ranked by score (« la deuxième » is the second best)
            names = [s.nom for s in by_score(p)]
        if len(names) <= count:
            return reply
        return Reply(self.fill("premiers_elements", nombre=count, rubrique=self.topics.sujets[topic].rubrique,
                               elements=self.bullets(names[:count])), reply.buttons)

    def not_cited(self, topic: str, reply: Reply, in_list: bool = False) -> Reply:
        """« la patience, c'est dans les qualités demandées ? » when no item of the list is named: said first, then
        the list the fiche gives; `in_list`: asked as being in the list, « Non : » first."""
        intro = self.fill("element_hors_liste" if in_list else "element_non_cite", rubrique=self.topics.sujets[topic].rubrique)
        return Reply(f"{intro}\n{reply.text}", reply.buttons)

    def not_among(self, profession: Profession, topic: str, said: Sequence[str], reply: Reply) -> Optional[Reply]:
        """« parmi leadership, diplomatie et curiosité, laquelle n'est pas dans les soft skills ? »: the things said that
        name no item of the list, then the list; None when each names one (the list answers)."""
        items, titles = item_texts(profession, topic)
        missing = [s for s in said if best_match(stems(s), items, titles) is None]
        if not missing or len(missing) == len(said):
            return None
        intro = self.fill("element_non_cite_parmi", absents=listed([f"« {m} »" for m in missing]),
                          rubrique=self.topics.sujets[topic].rubrique)
        return Reply(f"{intro}\n{reply.text}", reply.buttons)

    def denied_list(self, reply: Reply) -> Reply:
        """« ce métier n'a aucune contrainte, j'ai bon ? »: the fiche's list, said first to be one (never « Oui »)."""
        return Reply(f"{self.fill('liste_niee')}\n{reply.text}", reply.buttons)

    def not_listed(self, job: str, topic: str, reply: Reply) -> Reply:
        """« commercial export, c'est un des postes tremplins cités ? » when the fiche does not cite it: said
        first, then the jobs it does cite."""
        intro = self.fill("metier_non_cite", metier=job, rubrique=self.topics.sujets[topic].rubrique)
        return Reply(f"{intro}\n{reply.text}", reply.buttons)

    def checked(self, reply: Reply) -> Reply:
        """« donc c'est un genre de diplomate, c'est ça ? »: the definition, said as the fiche's, to check by."""
        return Reply(self.fill("definition_verifiee", reponse=reply.text), reply.buttons)

    def guarantee(self, profession: Profession, question: Question) -> Reply:
        """« avec un master j'ai forcément un poste ? »: no diploma guarantees one; what the fiche says the
        evolutions demand, then the diploma's answer."""
        answer = self.answer(profession, question)
        conditions = profession.evolutions.conditions
        intro = self.fill("diplome.garantie_conditions", conditions=conditions) if conditions \
            else self.fill("diplome.garantie")
        return Reply(f"{intro}\n{answer.text}", answer.buttons)

    def name_stems(self, p: Profession) -> FrozenSet[str]:
        """The stems of a profession's title and aliases."""
        if p.id not in self._name_stems:
            self._name_stems[p.id] = stems(fold(" ".join([p.intitule] + list(p.alias))))
        return self._name_stems[p.id]

    def said_stems(self, p: Profession, q: Question) -> FrozenSet[str]:
        """The stems of the message that can name an item of this profession's lists: not those of its own names
        (« relations internationales » names no « gestion de la relation client »), unless another word says that stem
        (« interculturels » is no « internationales »); those of the fiche words it says in everyday words are preferred
        (`Said`)."""
        own = self.name_stems(p) & q.stems
        if own:
            name_keys = self.name_keys(p)
            own = {s for s in own if all(folded_key(w) in name_keys for w in folded_words(q.folded) if stem(w) == s)}
        return Said(q.stems - own, q.fiche_stems)

    def name_keys(self, p: Profession) -> FrozenSet[str]:
        """The keys of the words of a profession's title and aliases (« internationales » -> « international »)."""
        if p.id not in self._name_keys:
            self._name_keys[p.id] = frozenset(folded_key(w) for w in folded_words(fold(" ".join([p.intitule] + list(p.alias)))))
        return self._name_keys[p.id]

    def names_an_item(self, p: Profession, topic: str, q: Question) -> bool:
        """Whether the message names one item of the topic's list (a mission, a quality, a skill, a tool)."""
        items, titles = item_texts(p, topic)
        return bool(items) and best_match(self.said_stems(p, q), items, titles) is not None

    def described_item(self, p: Profession, topic: str, q: Question) -> int:
        """How many words of the message say one item of the topic's list, and only that one, in its text (title and
        detail): « respecter les procédures et les obligations » says two of the administrative mission; 0 when no
        one item stands out."""
        scores = text_scores(self.said_stems(p, q), item_texts(p, topic)[0])
        best = max(scores, default=0)
        return best if scores.count(best) == 1 else 0

    def naming_words(self, p: Profession, topic: str, q: Question) -> int:
        """How many words of the message name an item of the topic's list by its title (a stem no other
        title of the list has): « l'admin ou la coordination » names two missions by two words. Words of
        the items' details do not count: « préserver » in a quality's detail is no « présentation »."""
        items, titles = item_texts(p, topic)
        return len(self.said_stems(p, q) & unique_stems([stems(fold(t)) for t in (titles if titles is not None else items)]))

    def title_stems(self, p: Profession, topic: str, heads: bool = False) -> FrozenSet[str]:
        """The stems of the titles of the topic's items (a mission, a quality, a skill, a tool); `heads`: of their
        first word only (« Résolution » of « Résolution de problèmes »)."""
        items, titles = item_texts(p, topic)
        found = set()
        for title in titles if titles is not None else items:
            said = [stems(w) for w in fold(title).split() if stems(w)]  # each word's stem, small words left out
            found |= (said[0] if said else set()) if heads else stems(fold(title))
        return frozenset(found)

    def title_phrase_said(self, p: Profession, topic: str, q: Question) -> bool:
        """Whether the message says two words of one title of the topic's list one after the other, as the title does
        (« la mobilité internationale » for « Appui à la mobilité internationale »), small words aside."""
        def content(text: str) -> List[str]:
            return [folded_key(w) for w in folded_words(text) if len(w) >= 3]
        said = content(q.folded)
        pairs = set(zip(said, said[1:]))
        return any(pairs & set(zip(words, words[1:])) for words in (content(fold(t)) for t in shown_titles(p, topic)))

    def titled_items(self, p: Profession, topic: str, q: Question) -> List[int]:
        """The items of the topic's list the message names by their title: two of its words at least, and all
        but one (« la coopération institutionnelle » for « Appui à la coopération institutionnelle »; « la gestion
        du temps » is the quality, not « Gestion de projet », which shares one word)."""
        items, titles = item_texts(p, topic)
        found = [stems(fold(t)) for t in (titles if titles is not None else items)]
        return [i for i, title in enumerate(found) if len(title & self.said_stems(p, q)) >= max(2, len(title) - 1)]

    def cited_label(self, name: str, kind: str) -> str:
        """A job the fiche only cites, as the end of « La fiche ne précise pas … »."""
        return self.fill("hors_fiche.metier_cite", metier=name, rubrique=self.topics.sujets[kind].rubrique)

    def work_study_label(self, diploma: str) -> str:
        """« si le Mastère se prépare en alternance », from the diploma topic's libelle (« Le Mastère »)."""
        return self.fill("hors_fiche.alternance_diplome", le_diplome=diploma[:1].lower() + diploma[1:])

    def cited_pay_label(self, topic: str) -> str:
        """« et ils paient combien, ces postes ? »: the pay of the jobs the fiche only lists under a topic."""
        return self.fill("hors_fiche.salaire_cites", rubrique=self.topics.sujets[topic].rubrique)

    def score_quality_label(self) -> str:
        """« quel score a la diplomatie ? »: the fiche scores its technical skills only."""
        return self.fill("hors_fiche.score_qualite")

    def asked_label(self, words: str) -> str:
        """What the student asked for, as the end of « La fiche ne précise pas … »."""
        return self.fill("hors_fiche.demande", demande=words)

    def silent_label(self, what: str) -> str:
        """What the fiche does not give, as reponses.yml names it (« si l'alternance est possible »)."""
        return {
            "missions": self.t["fiche_muette.sujets.missions"],
            "soft_skills": self.t["fiche_muette.sujets.soft_skills"],
            "hard_skills": self.t["fiche_muette.sujets.hard_skills"],
            "alternance": self.t["fiche_muette.sujets.alternance"],
            "rncp": self.t["fiche_muette.sujets.rncp"],
            "formation_continue": self.t["fiche_muette.sujets.formation_continue"],
            "faq": self.t["fiche_muette.sujets.faq"],
            "experiences": self.t["fiche_muette.sujets.experiences"],
            "outils": self.t["fiche_muette.sujets.outils"],
            "contraintes": self.t["fiche_muette.sujets.contraintes"],
            "salaire": self.t["fiche_muette.sujets.salaire"],
            "evolutions": self.t["fiche_muette.sujets.evolutions"],
            "debutant": self.t["fiche_muette.sujets.salaire_debutant"],
            "confirme": self.t["fiche_muette.sujets.salaire_confirme"],
        }[what]

    def silent_sentence(self, p: Profession, what: str) -> str:
        return self.fill("fiche_muette.intro", libelle=self.silent_label(what), intitule=p.intitule)

    def silent(self, profession: Profession, topic: str) -> Reply:
        """A topic the fiche does not give (the field is absent from the knowledge file): say so, never
        answer something else in its place, and offer a human."""
        text = f"{self.silent_sentence(profession, topic)}\n{self.fill('hors_fiche.conseiller')}"
        buttons = [self.counsellor_button()]
        buttons += [b for b in self.suggestions(topic) if b["payload"] != "/conseiller"][:2]
        return Reply(text, buttons)

    def _other_topic(self, p: Profession, q: Question) -> str:
        """A topic added by trainers: its text in the profession file, its wording in reponses.yml."""
        return self.fill_topic(q.topic, intitule=p.intitule, texte=p.autres_sujets[q.topic])

    def _definition(self, p: Profession, q: Question) -> Body:
        if q.cues.summary:
            return self._summary(p)
        shown = [m.intitule for m in p.missions[:4]]
        return Body(self.fill("definition", intitule=p.intitule, resume=p.definition.resume,
                              missions=self.bullets(shown), precision=p.definition.precision or ""), tuple(shown))

    def _summary(self, p: Profession) -> Body:
        """« résume-moi tout »: the job, its first missions, the reference diploma and the pay, each line only when the
        fiche gives it."""
        lines = [self.fill("resume_metier", resume=p.definition.resume)]
        if p.missions:
            lines.append(self.fill("resume_missions", missions=", ".join(m.intitule.lower() for m in p.missions[:3])))
        reference = self._reference(p)
        if reference:
            lines.append(self.fill("resume_diplome", reference_en_tete=capitalized(reference)))
        if p.salaire:
            levels = [self.fill("salaire.resume_niveau", libelle=lvl.libelle, min=euros(lvl.min), max=euros(lvl.max),
                                unite=p.salaire.unite)
                      for lvl in (p.salaire.niveaux.debutant, p.salaire.niveaux.confirme) if lvl is not None]
            if levels:
                lines.append(self.fill("resume_salaire", niveaux="; ".join(levels)))
        return Body(self.fill("resume", intitule=p.intitule, lignes=self.bullets(lines)), tuple(lines))

    def _missions(self, p: Profession, q: Question) -> Body:
        # « c'est pareil dans toutes les entreprises ? »: the whole list with the fiche's caveat, not one item.
        texts, titles = item_texts(p, "missions")
        several = named_items(self.said_stems(p, q), texts, titles) if q.joins and not q.asks_variation else []
        if len(several) >= 2:
            # « c'est plutôt de l'admin ou de la coordination ? »: each mission named, as the fiche says it.
            named = [self.fill("missions.item", mission=p.missions[i].intitule, detail=p.missions[i].detail)
                     for i in several]
            others = [m.intitule for i, m in enumerate(p.missions) if i not in several][:4]
            return Body(self.fill("missions.plusieurs", missions=self.bullets(named), autres=self.bullets(others)),
                        tuple(named + others))
        hit = None if q.asks_variation else best_match(self.said_stems(p, q), texts, titles)
        ranked = by_rank(q, len(p.missions)) if hit is None else None
        hit = ranked if ranked is not None else hit
        if hit is None:
            every = [m.intitule for m in p.missions]
            if q.superlative or q.ranked:  # « laquelle est la plus importante ? »: the fiche ranks none
                return Body(self.fill("missions.sans_classement", missions=self.bullets(every)), tuple(every))
            return Body(self.fill("missions.liste", intitule=p.intitule, missions=self.bullets(every),
                                  precision=p.definition.precision or ""), tuple(every))
        mission = p.missions[hit]
        others = [m.intitule for i, m in enumerate(p.missions) if i != hit][:4]
        # « la troisième ? »: the item at that rank, as the fiche says it; no « Oui » to a claim about it
        key = "missions.premisse_niee" if q.premise == "niee" and ranked is None \
            else "missions.premisse_secondaire" if q.premise == "secondaire" and ranked is None \
            else "missions.parmi_d_autres" if q.cues.mostly and ranked is None and len(p.missions) > 1 \
            else "missions.expliquee" if q.asks_open or ranked is not None or q.cues.judging else "missions.ciblee"
        return Body(self.fill(key, mission=mission.intitule, detail=mission.detail, missions=self.bullets(others)),
                    tuple(others))

    # -- diplomas: the fiche's paths (core/diplomas.py) ------------------------------------------
    def _path_line(self, path) -> str:
        level = self.diplomas.level_label(path.niveau)
        return self.fill("diplome.niveau", nom=path.nom, niveau=level, en_bref=self._in_short(path))

    def _level_lines(self, p: Profession) -> List[str]:
        return [self._path_line(path) for path in p.parcours]

    def _levels(self, p: Profession) -> str:
        return self.bullets(self._level_lines(p))

    def _in_short(self, path) -> str:
        """The fiche's short sentence on a path, or what its status says."""
        if path.en_bref:
            return path.en_bref
        return {
            diplomas.REQUIRED: self.fill("statuts.requis"),
            diplomas.REFERENCE: self.fill("statuts.reference"),
            diplomas.SUFFICIENT: self.fill("statuts.suffisant"),
            diplomas.NOT_ENOUGH_ALONE: self.fill("statuts.insuffisant_seul"),
            diplomas.TO_EVOLVE: self.fill("statuts.utile_pour_evoluer"),
        }[path.statut]

    def _reference(self, p: Profession, which: str = "le") -> str:
        """The reference (or required) paths, « le Bachelor (Bac+3) » or « le BTS (Bac+2) ou le Bachelor (Bac+3) »;
        of two diplomas required in turn, the one at the level needed (« le Diplôme d'État de … (Bac+4) »)."""
        paths = diplomas.references(p.parcours)
        if diplomas.required(p.parcours):
            level = diplomas.needed_level(p.parcours)
            paths = [path for path in paths if path.niveau == level] or paths
        return f" {self.fill('diplome.ou')} ".join(self.diplomas.labelled(path, which) for path in paths)

    def _required_first(self, p: Profession, subject=None) -> str:
        """« Il faut le Diplôme d'État … (Bac+3) pour exercer ce métier ; ni un BTS ni un Bachelor ne
        suffisent. » when the fiche requires a diploma (and the answer is not about that diploma), else ""."""
        needed = diplomas.required(p.parcours)
        if not needed or subject in needed:
            return ""
        alone = [path for path in p.parcours if path.statut == diplomas.NOT_ENOUGH_ALONE]
        others = ""
        if len(alone) == 1:
            path = alone[0]
            others = self.fill("diplome.insuffisant_un", un_diplome=self.diplomas.labelled(path, "un"),
                               seul=self.diplomas.article(self.diplomas.kind_of(path.nom), "seul"))
        elif alone:
            others = self.fill("diplome.insuffisants", liste=" ".join(
                self.fill("diplome.ni", un_diplome=f"{self.diplomas.article(self.diplomas.kind_of(x.nom), 'un')} {x.nom}")
                for x in alone))
        required = f" {self.fill('diplome.et')} ".join(self.diplomas.labelled(x, "le") for x in needed)  # each one is needed
        if others:
            return self.fill("diplome.requis_sauf", le_requis=required, insuffisants=others) + "\n"
        return self.fill("diplome.requis", le_requis=required) + "\n"

    def _diploma_text(self, p: Profession, bac5_asked: bool, lacks_bac5: bool, possible: bool = False) -> str:
        """The answer on the diplomas as a whole: « faut-il un Bac+5 ? » (yes only when a required or
        reference path is at Bac+5), « sans master ? » (« je peux quand même ? »: `possible`), or the paths;
        the required diploma first."""
        bac5 = diplomas.bac5_needed(p.parcours)
        if lacks_bac5:
            name = "diplome.sans_bac5_necessaire" if bac5 else \
                "diplome.sans_bac5_possible" if possible else "diplome.pas_bac5"
        elif bac5_asked:
            name = "diplome.bac5" if bac5 else "diplome.pas_bac5"
        else:
            name = "diplome.general"
        reference = self._reference(p)
        reponse = p.diplome.reponse
        if name != "diplome.general" and reponse:
            # the template says « Oui : » itself: the fiche's « Oui, un Bac+5 est nécessaire » is not said twice
            reponse = _VERDICT_START.sub("", reponse) or reponse
        return self._required_first(p) + self.fill(
            name, voie=p.diplome.voie, reponse=reponse, le_reference=reference,
            le_reference_en_tete=capitalized(reference), niveaux=self._levels(p))

    def _asked(self, q: Question, topic: Optional[str]) -> Optional[diplomas.Mention]:
        """The diploma or level the message is about: one the student lacks or holds only, else the
        topic's diploma when named, else the first named; None when none is."""
        # « le bac » without « juste » / « sans » is when the studies start (« après le bac »), not a diploma asked.
        found = [m for m in self.diplomas.mentions(q.text, folded=q.folded) if m.kind != "bac" or m.situation]
        for m in found:
            if m.situation:
                return m
        for m in found:
            if topic in TRAINING_IDS and m.kind in self.diplomas.close_kinds(topic):
                return m
        return found[0] if found else None

    def _diploma(self, p: Profession, q: Question) -> Body:
        return self._diploma_body(p, q, "diplome")

    def _diploma_body(self, p: Profession, q: Question, topic: str) -> Body:
        """A diploma topic's answer; its items: the fiche's paths it lists (_levels), when it lists them."""
        text = self._diploma_answer(p, q, topic)
        return Body(text, tuple(line for line in self._level_lines(p) if line in text))

    def _diploma_answer(self, p: Profession, q: Question, topic: str) -> str:
        if topic == "diplome" and (q.asks_variation or q.asks_exhaustive) and p.diplome and p.diplome.precision \
                and not q.diplomas:
            # « les intitulés sont les mêmes partout ? », « ce sont les seules formations ? »: the fiche's remark
            # on its diplomas answers, then what it says of them.
            return self.fill("diplome.remarque_en_tete", precision=p.diplome.precision,
                             reponse=self._diploma_text(p, False, False))
        asked = self._asked(q, topic)
        if asked is None and topic in TRAINING_IDS:
            asked = diplomas.Mention(topic, self.diplomas.level_of(topic), 0, 0)
        at_bac5 = asked is not None and asked.level is not None and asked.level >= diplomas.BAC5
        if asked is not None and asked.situation == "sans":
            return self._diploma_text(p, True, True, q.asks_possible) if at_bac5 else self._without(p, asked)
        about_bac5 = at_bac5 and asked.kind in (None, "master", "mastere") and (q.asks_necessity or topic == "diplome")
        if about_bac5 or (asked is None and q.asks_bac5):
            return self._diploma_text(p, True, False)
        if asked is None or (topic == "diplome" and asked.situation is None and not q.asks_sufficiency
                             and not q.asks_necessity):
            return self._diploma_text(p, False, False)
        return self._path_answer(p, q, asked)

    def _paths_asked(self, p: Profession, asked: diplomas.Mention):
        """The fiche's path for the diploma asked (a bare level: the fiche's path at that level, when one)."""
        if asked.kind is not None:
            return self.diplomas.path_of(p.parcours, asked.kind)
        at_level = [path for path in p.parcours if path.niveau == asked.level]
        return at_level[0] if len(at_level) == 1 else None

    def _asked_named(self, asked: diplomas.Mention, which: str) -> str:
        name = self.diplomas.kind_name(asked.kind) if asked.kind else self.diplomas.level_label(asked.level)
        level = asked.level if asked.kind else None
        return self.diplomas.named(name, level, asked.kind, which)

    def _without(self, p: Profession, asked: diplomas.Mention) -> str:
        """« sans bac+3 je peux ? » (a level: the student has less), « sans BTS ? » (a diploma: its status),
        from what the fiche requires or gives as its reference."""
        path = self._paths_asked(p, asked)
        needed = diplomas.needed_level(p.parcours)
        required = diplomas.required(p.parcours)
        reference = self._reference(p)
        if asked.kind is not None:
            lacked = self.diplomas.labelled(path, "le") if path else self._asked_named(asked, "le")
            if path is not None and path in required:
                name = "diplome.sans_requis"
            elif path is not None and path.statut == diplomas.REFERENCE:
                name = "diplome.sans_reference"
            elif path is not None:
                name = "diplome.sans_autre"
            else:
                name = "diplome.sans_absent"
        else:
            lacked = self._asked_named(asked, "le")
            if needed is None:
                return self._diploma_text(p, False, False)
            if required and asked.level <= needed:
                name = "diplome.sans_requis"
            else:
                name = "diplome.sans_non" if asked.level <= needed else "diplome.sans_oui"
        return self._required_first(p) + self.fill(name, le_diplome=lacked, le_reference=reference,
                                                   niveaux=self._levels(p))

    def pay_factor_said(self, p: Profession, q: Question) -> bool:
        """Whether the message names something the fiche says the pay varies with (« la taille de l'entreprise »)."""
        factors = p.salaire.facteurs if p.salaire is not None else None
        return bool(factors) and bool(stems(q.folded) & stems(fold(factors)))

    def describes_diploma(self, p: Profession, topic: str, q: Question, any_text: bool = False) -> bool:
        """Whether the message names a word of what the fiche says of the diploma `topic` in general (« c'est plutôt
        pour être autonome ? » after the BTS: « prépare rarement à une forte autonomie »); `any_text`: or of what it
        says of it for this job (« c'est le niveau de référence ? » after the Bachelor)."""
        path = self.diplomas.path_of(p.parcours, topic)
        if path is None:
            return False
        if any_text and stems(q.folded) & stems(fold(f"{path.pour_ce_metier or ''} {path.en_bref or ''}")) - _DIPLOMA_GENERIC:
            return True
        return bool(path.general) and self._general_said(path, q)

    @staticmethod
    def _general_said(path, q: Question) -> bool:
        """A word of the message in the diploma's general text and not in what it says of it for this job."""
        own = stems(fold(f"{path.pour_ce_metier or ''} {path.en_bref or ''}"))
        return bool(stems(q.folded) & (stems(fold(path.general)) - own - _DIPLOMA_GENERIC))

    def _path_answer(self, p: Profession, q: Question, asked: diplomas.Mention) -> str:
        """A diploma named: its status for this profession (the required diploma first), or, when the
        fiche does not name it, that it does not and how its level compares with the reference."""
        path = self._paths_asked(p, asked)
        first = self._required_first(p, path)
        reference = self._reference(p)
        if path is None:
            asked_le = self._asked_named(asked, "le")
            text = self.fill("formation.absente", le_diplome=asked_le)
            needed = diplomas.needed_level(p.parcours)
            if first:
                return first + text  # a regulated profession: only its required diploma qualifies
            if asked.level is not None and needed is not None:
                name = "formation.niveau_au_moins" if asked.level >= needed else "formation.niveau_inferieur"
                text += " " + self.fill(name, le_diplome_en_tete=capitalized(asked_le), le_reference=reference)
            else:
                text += " " + self.fill("formation.reference", le_reference_en_tete=capitalized(reference))
            return first + text
        only = asked.situation == "seulement"
        values = dict(un_diplome=self.diplomas.labelled(path, "un"), en_bref=self._in_short(path),
                      pour_ce_metier=path.pour_ce_metier or "")
        values["un_diplome_en_tete"] = capitalized(values["un_diplome"])
        if path.statut == diplomas.REQUIRED:
            text = self.fill("formation.requis", le_diplome=self.diplomas.labelled(path, "le"),
                             en_bref=values["en_bref"], pour_ce_metier=values["pour_ce_metier"])
        elif q.premise == "secondaire" and not only:
            # « le mastère il sert à rien alors ? »: what the fiche says it brings, « Non » first
            text = self.fill("formation.utile", un_diplome=values["un_diplome"], en_bref=values["en_bref"],
                             pour_ce_metier=values["pour_ce_metier"])
        elif (only or q.asks_sufficiency) and not (path.general and self._general_said(path, q)):
            if diplomas.suffices(path, p.parcours):
                text = self.fill("formation.suffisant", un_diplome=values["un_diplome"], en_bref=values["en_bref"],
                                 pour_ce_metier=values["pour_ce_metier"])
            else:
                text = self.fill("formation.insuffisant", un_diplome_en_tete=values["un_diplome_en_tete"],
                                 seul=self.diplomas.article(self.diplomas.kind_of(path.nom), "seul"),
                                 en_bref=values["en_bref"], pour_ce_metier=values["pour_ce_metier"])
        else:
            label = self.diplomas.level_label(path.niveau)
            if path.general:
                text = self.fill("formation.presentation", nom=path.nom, niveau=label, en_bref=values["en_bref"],
                                 pour_ce_metier=values["pour_ce_metier"], general=path.general)
            else:
                text = self.fill("formation.presentation_courte", nom=path.nom, niveau=label,
                                 en_bref=values["en_bref"], pour_ce_metier=values["pour_ce_metier"])
        if path in diplomas.references(p.parcours):
            return first + text
        if path.niveau is not None and path.niveau >= diplomas.BAC5 and not diplomas.bac5_needed(p.parcours):
            # Never let a Bac+5 answer suggest it is required: say what the reference level is.
            level = self.fill("formation.mastere_pas_necessaire", reponse=p.diplome.reponse,
                              le_reference_en_tete=capitalized(reference))
            return first + f"{text}\n{level}"
        return first + f"{text}\n{self.fill('formation.reference', le_reference_en_tete=capitalized(reference))}"

    def _bts(self, p: Profession, q: Question) -> Body:
        return self._diploma_body(p, q, "bts")

    def _bachelor(self, p: Profession, q: Question) -> Body:
        return self._diploma_body(p, q, "bachelor")

    def _mastere(self, p: Profession, q: Question) -> Body:
        return self._diploma_body(p, q, "mastere")

    def _work_study(self, p: Profession, q: Question) -> Body:
        # « c'est impossible en alternance j'imagine ? »: the fiche says it is possible, « Non » first; « c'est
        # obligatoire ? »: not a « oui », unless the fiche's own text says it is compulsory.
        if q.asks_compulsory and not _COMPULSORY_SAID.search(fold(p.alternance)):
            return Body(self.fill("alternance_pas_obligatoire", alternance=p.alternance))
        return Body(self.fill("alternance_premisse_non" if q.premise == "impossible" else "alternance",
                              alternance=p.alternance))

    def _rncp(self, p: Profession, q: Question) -> Body:
        return Body(self.fill("rncp", rncp=p.rncp))

    def _continuing_education(self, p: Profession, q: Question) -> Body:
        return Body(self.fill("formation_continue", formation_continue=p.formation_continue))

    def _faq(self, p: Profession, q: Question) -> Body:
        """« la FAQ a combien de questions ? », « elle couvre tout ? »: what the fiche says of its FAQ, whose
        questions the knowledge file does not hold."""
        return Body(self.fill("faq", avertissement=p.avertissement))

    def _experiences(self, p: Profession, q: Question) -> Body:
        # « apport » is what the job brings at the infinitive (« pour … »), or the fiche's own sentences
        items = [self.fill("experience_phrase" if e.apport[:1].isupper() else "experience_item",
                           poste=e.poste, apport=e.apport) for e in p.experiences]
        # « faut-il forcément passer par un poste d'assistant avant ? »: the fiche cites them, it requires none
        rank = by_rank(q, len(items))
        if rank is None and not q.asks_compulsory and (q.superlative or q.ranked or q.cues.better and q.joins):
            # « laquelle est la plus importante ? », « c'est mieux celle-là ou assistante de direction ? »: none ranked
            return Body(self.fill("experiences_sans_classement", experiences=self.bullets(items)), tuple(items))
        if rank is None and not q.asks_compulsory and not q.cues.own_past:
            # « celui qui touche au droit, il apporte quoi ? »: the experience the message names by its words (the
            # student's own one gets the whole list after « Oui », core/dialogue.py)
            rank = best_match(self.said_stems(p, q), *item_texts(p, "experiences"))
            if rank is not None:
                return Body(self.fill("experience_confirmee" if _asks_if_listed(q, "experiences", p.experiences[rank].poste)
                                      else "experience_nommee",
                                      experience=items[rank], experiences=self.bullets(items)), tuple(items))
        if rank is not None and not q.asks_compulsory:  # « la 2e ? »: that experience, then all of them
            return Body(self.fill("experiences_rang", numero=rank + 1, experience=items[rank],
                                  experiences=self.bullets(items)), tuple(items))
        key = "experiences_pas_obligatoires" if q.asks_compulsory else "experiences"
        return Body(self.fill(key, intitule=p.intitule, experiences=self.bullets(items)), tuple(items))

    def _factors(self, p: Profession) -> str:
        return p.salaire.facteurs or self.t["fiche_muette.facteurs"]

    def _monthly(self, p: Profession, level: Optional[str]) -> str:
        """The fiche's yearly pay divided by 12, for the level asked or level by level, said as a calculation; ""
        when its figures are not yearly (their unit says « par an »)."""
        s = p.salaire
        if s is None or "an" not in fold(s.unite).split():
            return ""
        asked = getattr(s.niveaux, level) if level in ("debutant", "confirme") else None
        levels = [asked] if asked is not None else [s.niveaux.debutant, s.niveaux.confirme]
        lines = [self.fill("salaire.par_mois_niveau", libelle=lvl.libelle, min=euros(round(lvl.min / 12)),
                           max=euros(round(lvl.max / 12))) for lvl in levels if lvl is not None]
        return self.fill("salaire.par_mois", niveaux=self.bullets(lines))

    def _pay_sum(self, p: Profession, asked: PaySum) -> str:
        """A calculation asked of the fiche's pay figures (core/pay_sums.py), said to be one, with the figures it is
        made on; "" when the fiche's figures do not allow it (a level it lacks, a monthly amount beside figures
        that are not yearly)."""
        s = p.salaire
        ranges = {name: lvl for name in ("debutant", "confirme") if (lvl := getattr(s.niveaux, name)) is not None}
        if not ranges or any(level not in ranges for level, _ in asked.figures):  # (a level it lacks, or none placed)
            return ""
        lines: List[str] = []
        if asked.kind in PERIODS:
            # « ça fait combien par semaine ? », « en 18 mois au max ? »: each figure over that period; « 35000 / 12 ça
            # fait combien ? », « 30000 par an par semaine ? »: the student's own amount (whatever the fiche's unit)
            if asked.said:
                shown = [(f"{euros(asked.said[0])} €", asked.said[0])]
            elif "an" in fold(s.unite).split() and all(bound for _, bound in asked.figures):
                shown = [(self._figure_named(ranges[level], bound, value), value)
                         for level, bound in asked.figures for value in (_figure(ranges[level], bound),)]
            else:
                return ""
            lines = [self._over_period(asked, chiffre, value) for chiffre, value in shown]
        elif asked.kind == "par_an":
            if "an" not in fold(s.unite).split():
                return ""
            yearly = asked.said[0] * 12
            lines.append(self.fill("salaire.calcul_par_an", mensuel=euros(asked.said[0]), annuel=euros(yearly)))
            for lvl in ranges.values():
                lines.append(self.fill("salaire.calcul_dans" if lvl.min <= yearly <= lvl.max
                                       else "salaire.calcul_au_dessus" if yearly > lvl.max else "salaire.calcul_en_dessous",
                                       libelle=lvl.libelle, min=euros(lvl.min), max=euros(lvl.max)))
        elif asked.kind == "milieu":
            for lvl in [ranges[level] for level, _ in asked.figures] or ranges.values():
                lines.append(self.fill("salaire.calcul_milieu", libelle=lvl.libelle, min=euros(lvl.min), max=euros(lvl.max),
                                       resultat=euros(round((lvl.min + lvl.max) / 2)), unite=s.unite))
        elif asked.figures and not all(bound for _, bound in asked.figures):
            # « la différence entre débutant et confirmé ? »: the gap on each bound
            a, b = (ranges[level] for level, _ in asked.figures)
            if asked.kind == GAP_PER_MONTH:
                lines.append(self.fill("salaire.calcul_ecart_fourchettes_par_mois", a=a.libelle, b=b.libelle,
                                       min=euros(abs(b.min - a.min)), max=euros(abs(b.max - a.max)),
                                       min_mois=euros(round(abs(b.min - a.min) / 12)),
                                       max_mois=euros(round(abs(b.max - a.max) / 12))))
            else:
                lines.append(self.fill("salaire.calcul_ecart_fourchettes", a=a.libelle, b=b.libelle,
                                       min=euros(abs(b.min - a.min)), max=euros(abs(b.max - a.max))))
        else:
            figures = asked.figures
            if asked.kind == "pourcentage" and not asked.said:  # « de combien de % le haut dépasse le bas ? »: a rise
                figures = tuple(sorted(figures, key=lambda f: _figure(ranges[f[0]], f[1])))
            values = asked.said or tuple(_figure(ranges[level], bound) for level, bound in figures)
            if len(values) != 2:
                return ""
            labels = [f"{euros(v)} €" for v in values] if asked.said else [
                self._figure_named(ranges[level], bound, v) for (level, bound), v in zip(figures, values)]
            first, second = values
            if asked.kind == "ecart":
                lines.append(self.fill("salaire.calcul_ecart", a=labels[0], b=labels[1], resultat=euros(abs(second - first))))
            elif asked.kind == GAP_PER_MONTH:
                lines.append(self.fill("salaire.calcul_ecart_par_mois", a=labels[0], b=labels[1],
                                       resultat=euros(abs(second - first)), mensuel=euros(round(abs(second - first) / 12))))
            elif asked.kind == "rapport" and first == 2 * second:
                # « c'est le double ? »: said in words when it is
                lines.append(self.fill("salaire.calcul_rapport_double", a=labels[0], b=labels[1]))
            elif asked.kind == "rapport":
                lines.append(self.fill("salaire.calcul_rapport", a=labels[0], b=labels[1], resultat=decimal(first / second)))
            else:
                rise = change(first, second)
                lines.append(self.fill("salaire.calcul_hausse" if rise >= 0 else "salaire.calcul_baisse", a=euros(first),
                                       b=euros(second), ecart=euros(abs(second - first)), resultat=decimal(abs(rise))))
        figures = [self._salary_level(p, name) for name in _levels_of(asked, ranges)]
        return self.fill("salaire.calcul_montants_dits" if asked.said else "salaire.calcul", calculs=self.bullets(lines),
                         niveaux=self.bullets(figures))

    def _over_period(self, asked: PaySum, chiffre: str, value: int) -> str:
        """One amount of a year (a figure of the fiche, named, or the student's own) over the period asked."""
        if asked.kind == PER_WEEK:
            return self.fill("salaire.calcul_par_semaine", chiffre=chiffre, semaines=WEEKS_A_YEAR,
                             resultat=euros(round(value / WEEKS_A_YEAR)))
        if asked.kind == PER_DAY:
            return self.fill("salaire.calcul_par_jour", chiffre=chiffre, jours=DAYS_A_YEAR,
                             resultat=euros(round(value / DAYS_A_YEAR)))
        if asked.kind == PER_MONTH:
            # (the student's amount may be net or gross: « brut » only of the fiche's figures)
            return self.fill("salaire.calcul_par_mois_dit" if asked.said else "salaire.calcul_par_mois", chiffre=chiffre,
                             resultat=euros(round(value / 12)))
        return self.fill("salaire.calcul_sur_mois", chiffre=chiffre, mois=asked.months,
                         resultat=euros(round(value * asked.months / 12)))

    def _figure_named(self, level, bound: str, value: int) -> str:
        """« le minimum débutant(e) (30 000 €) »: a figure of a level's range, named."""
        return self.fill("salaire.calcul_chiffre", libelle=level.libelle, montant=euros(value),
                         borne=self.fill("salaire.calcul_borne_min" if bound == "min" else "salaire.calcul_borne_milieu"
                                         if bound == MIDDLE else "salaire.calcul_borne_max"))

    def saying_meaning(self, p: Profession) -> Reply:
        """What the fiche's saying means, asked right after it: the fiche gives it as it is, without explaining it."""
        text = self.fill("salaire.citation_sens", citation=p.salaire.citation)
        return Reply(f"{text}\n{self.source(p, 'salaire')}", self.suggestions("salaire"))

    def _salary_level(self, p: Profession, level: str, alone: bool = False) -> str:
        s = p.salaire
        lvl = getattr(s.niveaux, level)
        if lvl is None:  # the fiche gives the other level only
            return self.silent_sentence(p, level)
        return self.fill("salaire.niveau" if alone else "salaire.niveau_item",
                         intitule=p.intitule, libelle=lvl.libelle, experience=lvl.experience,
                         min=euros(lvl.min), max=euros(lvl.max), unite=s.unite, facteurs=self._factors(p))

    def _experience_levels(self, p: Profession, asked: LevelsAsk) -> Body:
        """What the fiche's levels are (years of experience), « Non : » first when the student took years
        of study or an age for experience, or named the wrong level for their years."""
        levels = p.salaire.niveaux
        present = [name for name in ("debutant", "confirme") if getattr(levels, name) is not None]
        verdict = ""
        if asked.mistaken:
            verdict = self.fill("salaire.verdict_non")
        elif asked.years is not None:
            actual = salary_level(p, Question(topic="salaire", years=asked.years))
            if actual == "entre_deux":
                verdict = self.fill("salaire.verdict_entre_deux", annees=asked.years)
            elif asked.level is not None:
                verdict = self.fill("salaire.verdict_oui" if actual == asked.level else "salaire.verdict_non")
        lines = [self._salary_level(p, name) for name in present]
        return Body(self.fill("salaire.niveaux_definition", verdict=verdict, niveaux=self.bullets(lines)), tuple(lines))

    def _amount_verdict(self, p: Profession, q: Question, level: str) -> str:
        """« Oui. » or « Non : » for an amount the student states about a level, when it can be compared with
        the fiche's figures (same period: a monthly amount is not compared with yearly figures); else ""."""
        lvl = getattr(p.salaire.niveaux, level)
        if q.amount is None or lvl is None:
            return ""
        value, monthly, bound = q.amount
        if not _same_period(p, monthly):
            return ""
        right = _holds(lvl.min, lvl.max, value, bound)
        if right and bound is None and (q.asks_compulsory or q.guaranteed) and lvl.min != lvl.max:
            # « je gagne forcément 40k ? »: an amount the range holds is possible, not certain
            return self.fill("salaire.verdict_pas_forcement")
        return self.fill("salaire.verdict_oui" if right else "salaire.verdict_non")

    def _amount_anywhere(self, p: Profession, q: Question) -> Tuple[Optional[str], str]:
        """For an amount stated with no level (« 60k possible ? », « 35 000 c'est le minimum ? »): (the one level
        whose range holds it, « Oui. ») when it is no bound; else (None, « Oui. » or « Non : ») for a bound
        checked against the fiche's lowest or highest figure, or for an amount no level holds; (None, "")
        when it cannot be compared (another period, no figures)."""
        value, monthly, bound = q.amount
        levels = {name: getattr(p.salaire.niveaux, name) for name in ("debutant", "confirme")
                  if getattr(p.salaire.niveaux, name) is not None}
        if not levels or not _same_period(p, monthly):
            return None, ""
        if "debutant" in levels and q.of_first_job:
            # « le salaire de départ c'est 45 000 € ? »: the beginner's pay, whatever level the amount would fit
            return "debutant", self._amount_verdict(p, q, "debutant")
        if bound is not None:
            right = _holds(min(x.min for x in levels.values()), max(x.max for x in levels.values()), value, bound)
            return None, self.fill("salaire.verdict_oui" if right else "salaire.verdict_non")
        holding = [name for name, lvl in levels.items() if lvl.min <= value <= lvl.max]
        if len(holding) == 1:
            return holding[0], self._amount_verdict(p, q, holding[0])
        return None, "" if holding else self.fill("salaire.verdict_non")

    def _salary(self, p: Profession, q: Question) -> Body:
        s = p.salaire
        if q.cues.saying:
            # « c'est quoi la petite citation sur le salaire ? »: the fiche's saying, not its figures
            return Body(self.fill("salaire.citation", citation=s.citation) if s.citation
                        else self.fill("salaire.sans_citation"))
        computed = self._pay_sum(p, q.pay_sum) if q.pay_sum is not None else ""
        if computed:
            return Body(computed)
        if q.levels is not None:
            return self._experience_levels(p, q.levels)
        # « le salaire augmente avec l'expérience ? »: both levels show how it grows (unless years are given)
        level = None if q.progression and q.years is None and q.amount is None else salary_level(p, q)
        if level in ("debutant", "confirme"):
            text = self._salary_level(p, level, alone=True)
            verdict = self._amount_verdict(p, q, level)
            if verdict:
                # « un débutant commence à 45 000 €, c'est ça ? »: the stated amount checked against the fiche.
                text = f"{verdict} {text}"
            highest = s.niveaux.confirme
            beyond = level == "confirme" and highest is not None and level_beyond(
                q.folded, [fold(x.libelle) for x in (s.niveaux.debutant, highest) if x is not None])
            if beyond:
                # « un senior ? »: the fiche's highest level, said to be the highest, not a senior's pay.
                text = self.fill("salaire.niveau_absent", mot=beyond, libelle=highest.libelle,
                                 experience=highest.experience) + "\n" + text
            if getattr(s.niveaux, level) is None:  # what the fiche does give
                other = self._salary_level(p, "confirme" if level == "debutant" else "debutant")
                return Body(text + "\n" + self.bullets([other]), (other,))
            return Body(text)
        verdict = ""
        if level is None and q.amount is not None:
            fitting, verdict = self._amount_anywhere(p, q)
            if fitting is not None:
                # « 60k possible ? »: the level whose range holds the amount, « Oui. » first
                return Body(f"{verdict} {self._salary_level(p, fitting, alone=True)}")
        lines = (self._salary_level(p, "debutant"), self._salary_level(p, "confirme"))
        if level == "entre_deux":
            return Body(self.fill("salaire.entre_deux", annees=q.years, niveaux=self.bullets(lines),
                                  facteurs=self._factors(p)), lines)
        general = self.fill("salaire.general", intitule=p.intitule, niveaux=self.bullets(lines), facteurs=self._factors(p),
                            precision=s.precision or "")
        # « donc 35 000 c'est le minimum ? »: « Non : » before both levels
        return Body(f"{verdict} {general}" if verdict else general, lines)

    def _soft_skills(self, p: Profession, q: Question) -> Body:
        qualities = p.soft_skills.qualites
        texts, titles = item_texts(p, "soft_skills")
        if q.premise in DOUBTED and named_items(q.premise_stems, texts, titles):
            # « pas besoin d'être adaptable si on est organisé ? »: the quality belittled, not the other one
            q = replace(q, stems=q.premise_stems)
        several = [] if q.asks_variation or q.ranked or q.premise or not q.joins else named_items(self.said_stems(p, q), texts, titles)
        if len(several) >= 2:
            # « l'écoute ou la diplomatie ? »: each one named; « laquelle compte le plus ? »: the fiche ranks none
            named = [self.fill("soft_skills.item", nom=qualities[i].nom, detail=qualities[i].detail) for i in several]
            return Body(self.fill("soft_skills.sans_classement" if q.superlative else "soft_skills.plusieurs",
                                  qualites=self.bullets(named)), tuple(named))
        hit = None if q.asks_variation else best_match(self.said_stems(p, q), texts, titles)
        ranked = by_rank(q, len(qualities)) if hit is None else None
        hit = ranked if ranked is not None else hit
        if hit is None:
            items = [self.fill("soft_skills.item", nom=x.nom, detail=x.detail) for x in qualities]
            if q.superlative or q.ranked:
                return Body(self.fill("soft_skills.sans_classement", qualites=self.bullets(items)), tuple(items))
            if q.score_asked:  # « les qualités elles ont une note aussi ? »: the fiche scores only the technical skills
                return Body(self.fill("soft_skills.sans_score", qualites=self.bullets(items)), tuple(items))
            return Body(self.fill("soft_skills.liste", qualites=self.bullets(items),
                                  precision=p.soft_skills.precision or ""), tuple(items))
        chosen = qualities[hit]
        others = ", ".join(x.nom for i, x in enumerate(qualities) if i != hit)
        # « l'écoute, c'est secondaire ? »: the quality is one the fiche expects, « Non » first.
        return Body(self.fill("soft_skills.premisse_niee" if q.premise == "niee"
                              else "soft_skills.premisse_secondaire" if q.premise == "secondaire"
                              # (« je suis nul à l'oral, c'est grave ? »: no « Oui »)
                              else "soft_skills.expliquee" if q.asks_open or ranked is not None or q.cues.worry
                              or q.cues.judging
                              else "soft_skills.ciblee",
                              qualite=chosen.nom, detail=chosen.detail, autres=others))

    def item_answered(self, p: Profession, q: Question) -> Optional[str]:
        """The title of the one item of a list the answer to this question is about (a mission, a quality, a skill, a
        tool, a job the fiche cites), which « elle sert à quoi ? » asks next; None for a whole list, several items or
        another topic."""
        texts, titles = item_texts(p, q.topic)
        names = titles if titles is not None else texts
        # (« l'écoute ou la diplomatie ? » names two, each answered)
        if not names or q.ranked or q.joins and len(named_items(self.said_stems(p, q), texts, titles)) >= 2 \
                or len(q.skills) >= 2:
            return None
        if q.topic == "hard_skills":
            index = self.skill_asked(p, q)
            if index is None and q.superlative in ("min", "max"):  # « la moins bien notée »
                scores = [s.score for s in p.hard_skills.competences]
                best = (min if q.superlative == "min" else max)(scores)
                index = scores.index(best) if scores.count(best) == 1 else None
        else:
            index = best_match(self.said_stems(p, q), texts, titles)
            index = by_rank(q, len(names)) if index is None else index
            later = posts_in(p.evolutions.ensuite) if q.topic == "evolutions" and index is None else []
            after = best_match(self.said_stems(p, q), later) if later else None
            if after is not None:  # a job the fiche cites for later: « il gagne combien lui ? » asks its pay next
                return later[after]
        return names[index] if index is not None else None

    def skill_asked(self, p: Profession, q: Question) -> Optional[int]:
        """Index of the one hard skill the message asks about (its entity, else its words), None for none."""
        index = next((i for i, s in enumerate(p.hard_skills.competences) if s.id == q.skill), None)
        index = index if index is not None else best_match(self.said_stems(p, q), *item_texts(p, "hard_skills"))
        rank = by_rank(q, len(p.hard_skills.competences)) if index is None else None
        if rank is None or _AS_LISTED.search(q.folded):
            return index if index is not None else rank
        # « et la deuxième ? » after the best scored: the fiche scores them, a rank is in the order of the scores
        return sorted(range(len(p.hard_skills.competences)), key=lambda i: -p.hard_skills.competences[i].score)[rank]

    def skills_named(self, p: Profession, q: Question) -> List[int]:
        """Indexes of the hard skills the message names (its « competence » entities, or a stem only one
        skill has), in the fiche's order."""
        by_entity = {i for i, s in enumerate(p.hard_skills.competences) if s.id in q.skills}
        return sorted(by_entity.union(named_items(self.said_stems(p, q), *item_texts(p, "hard_skills"))))

    def _skill_lines(self, skills) -> List[str]:
        return [self.fill("hard_skills.item", nom=s.nom, score=s.score, mots_cles=", ".join(s.mots_cles)) if s.mots_cles
                else self.fill("hard_skills.item_sans_mots_cles", nom=s.nom, score=s.score) for s in skills]

    def _skill_detail(self, skill) -> str:
        """The fiche's sentence on a skill, capitalised; or that the fiche gives none."""
        detail = skill.detail or self.t["fiche_muette.detail_competence"]
        return detail[:1].upper() + detail[1:]

    def _gap_pair(self, p: Profession, q: Question):
        """The two skills whose scores a gap is asked between: the two named, else the first and the last by score;
        None when one only is named."""
        skills = p.hard_skills.competences
        named = self.skills_named(p, q) if q.gap == "named" else []
        if len(named) == 2:
            return skills[named[0]], skills[named[1]]
        if named or len(skills) < 2:
            return None
        # « l'écart entre la 1re et la dernière », « écart entre les 2 ? » after the best and the worst
        ranked = by_score(p)
        return ranked[0], ranked[-1]

    def _hard_skills(self, p: Profession, q: Question) -> Body:
        skills = p.hard_skills.competences
        ranked = self._skill_lines(by_score(p))  # the fiche's list, by score
        if q.threshold and skills:
            # « combien sont en dessous de 90 ? »: those, counted
            sign, limit = q.threshold
            kept, said = _THRESHOLDS[sign]
            chosen = [k for k in by_score(p) if kept(k.score, limit)]
            lines = self._skill_lines(chosen)
            return Body(self.fill("hard_skills.seuil", nombre=len(chosen), total=len(skills), seuil=limit, sens=said,
                                  competences=self.bullets(lines)), tuple(lines))
        if q.summed and skills and q.skill is None and not q.skills:
            # « la somme de tous les scores ? »: computed from the fiche's scores, said as such
            return Body(self.fill("hard_skills.somme", total=len(skills), somme=sum(k.score for k in skills),
                                  competences=self.bullets(ranked)), tuple(ranked))
        if q.average and skills and q.skill is None and not q.skills:
            # « la moyenne de ces scores ? »: computed from the fiche's scores, said as such
            mean = sum(k.score for k in skills) / len(skills)
            return Body(self.fill("hard_skills.moyenne", total=len(skills), moyenne=f"{mean:.1f}".replace(".", ",").replace(",0", ""),
                                  competences=self.bullets(ranked)), tuple(ranked))
        pair = self._gap_pair(p, q) if q.gap else None
        if pair:
            # « l'écart entre la 1re et la dernière ? »: the two scores and their difference
            a, b = pair
            return Body(self.fill("hard_skills.ecart", a=a.nom, score_a=a.score, b=b.nom, score_b=b.score,
                                  ecart=abs(a.score - b.score), competences=self.bullets(ranked)), tuple(ranked))
        if q.ranked and q.skill is None:
            return Body(self.fill("hard_skills.classement", competences=self.bullets(ranked),
                                  precision=p.hard_skills.precision or ""), tuple(ranked))
        several = self.skills_named(p, q) if q.joins else []
        if len(several) >= 2 and not q.ranked:
            # « c'est plutôt rédaction ou analyse de données ? »: each skill named with its score, and which
            # one the fiche scores higher; never « oui » to the first one alone.
            chosen = [skills[i] for i in several]
            best = max(s.score for s in chosen)
            top = [s for s in chosen if s.score == best]
            verdict = self.fill("hard_skills.plusieurs_egal" if len(top) == len(chosen) else "hard_skills.plusieurs_plus",
                                nom=top[0].nom, score=best)
            lines = self._skill_lines(chosen)
            return Body(self.fill("hard_skills.plusieurs", competences=self.bullets(lines), verdict=verdict,
                                  autres=", ".join(s.nom for i, s in enumerate(skills) if i not in several)), tuple(lines))
        named = next((i for i, s in enumerate(skills) if s.id == q.skill), None)
        if named is None and q.superlative:
            named = best_match(self.said_stems(p, q), item_texts(p, "hard_skills")[0])
        if named is not None and q.superlative and skills:
            # « la rédaction, c'est la plus importante ? »: the premise checked against the scores, never
            # confirmed because the skill is in the list.
            best = (min if q.superlative == "min" else max)(s.score for s in skills)
            chosen = [s for s in skills if s.score == best]
            s = skills[named]
            name = "hard_skills.premisse_oui" if s.score == best else "hard_skills.premisse_non"
            return Body(self.fill(name, nom=s.nom, score=s.score, noms=", ".join(c.nom for c in chosen), meilleur=best,
                                  sens="la plus" if q.superlative == "max" else "la moins",
                                  competences=self.bullets(ranked)), tuple(ranked))
        if q.superlative and q.ordinal not in (None, 0, -1) and q.skill is None:  # (« la dernière » is the least)
            # « et la 2e meilleure ? », « la 2e moins bien notée ? »: that rank by score, from the best or the worst
            q = replace(q, superlative=None, ordinal=q.ordinal if q.superlative == "max" or q.ordinal < 0 else -(q.ordinal + 1))
        extreme = q.superlative if q.skill is None else None
        if extreme:
            score = (min if extreme == "min" else max)(s.score for s in skills)
            chosen = [s for s in skills if s.score == score]
            return Body(self.fill("hard_skills.min" if extreme == "min" else "hard_skills.max",
                                  noms=", ".join(s.nom for s in chosen), score=score,
                                  detail_majuscule=self._skill_detail(chosen[0]),
                                  competences=self.bullets(ranked)), tuple(ranked))
        index = self.skill_asked(p, q)
        if index is None:
            listed = self._skill_lines(skills)
            return Body(self.fill("hard_skills.liste", competences=self.bullets(listed),
                                  precision=p.hard_skills.precision or ""), tuple(listed))
        s = skills[index]
        stated = stated_score(q.folded)
        if stated is not None and stated != s.score:
            # « l'analyse de données a 95, c'est juste ? »: a wrong score is corrected, never confirmed.
            return Body(self.fill("hard_skills.premisse_score", nom=s.nom, score=s.score, annonce=stated,
                                  detail_majuscule=self._skill_detail(s), competences=self.bullets(ranked)), tuple(ranked))
        if q.comparative and q.cues.compares and q.premise is None:
            # « c'est plus que la rédaction ? » (after another skill): its score among all, ranked; never « oui »;
            # not « les langues, lesquelles faut-il ? », which asks which ones
            return Body(self.fill("hard_skills.comparee", nom=s.nom, score=s.score, competences=self.bullets(ranked)),
                        tuple(ranked))
        others = ", ".join(x.nom for i, x in enumerate(skills) if i != index)
        # « les langues, c'est secondaire ? »: a skill the fiche scores is expected, « Non » first.
        return Body(self.fill("hard_skills.premisse_niee" if q.premise == "niee"
                              else "hard_skills.premisse_secondaire" if q.premise == "secondaire"
                              # (« elle est notée combien ? » asks its score, no « Oui »)
                              else "hard_skills.expliquee" if q.asks_open or q.ordinal is not None or q.score_asked
                              or q.cues.worry or q.cues.judging
                              else "hard_skills.ciblee",
                              nom=s.nom, score=s.score,
                              mots_cles=", ".join(k.lower() for k in s.mots_cles),
                              detail_majuscule=self._skill_detail(s),
                              non_precise=s.non_precise or "", autres=others))

    def _tools(self, p: Profession, q: Question) -> Body:
        cats = p.outils.categories
        hit = None if q.asks_variation else best_match(self.said_stems(p, q), [c.nom for c in cats])
        hit = by_rank(q, len(cats)) if hit is None else hit
        if hit is None:
            items = [self.fill("outils.item", nom=c.nom, detail=c.detail) for c in cats]
            if q.superlative or q.ranked:  # « le plus utilisé ? »: the fiche ranks none
                return Body(self.fill("outils.sans_classement", categories=self.bullets(items)), tuple(items))
            return Body(self.fill("outils.liste", categories=self.bullets(items), precision=p.outils.precision or ""),
                        tuple(items))
        chosen = cats[hit]
        others = ", ".join(c.nom.lower() for i, c in enumerate(cats) if i != hit)
        # « le CRM ça sert à rien ici, c'est ça ? »: the fiche cites it, « Non » first
        key = "outils.premisse_niee" if q.premise == "niee" else \
            "outils.premisse_secondaire" if q.premise == "secondaire" else \
            "outils.expliquee" if q.cues.judging or q.cues.with_what else "outils.ciblee"
        return Body(self.fill(key, categorie=chosen.nom.lower(), detail=chosen.detail, autres=others,
                              precision=p.outils.precision or ""))

    def _constraints(self, p: Profession, q: Question) -> Body:
        c = p.contraintes
        if q.superlative and not q.skill and c.liste:
            # « laquelle est la plus chiante ? »: the fiche does not rank its constraints
            return Body(self.fill("contraintes_sans_classement", contraintes=self.bullets(c.liste)), tuple(c.liste))
        return Body(self.fill("contraintes", contraintes=self.bullets(c.liste), exigences=c.exigences or "",
                              portee=c.portee or "", precision=c.precision or ""), tuple(c.liste))

    def _evolutions(self, p: Profession, q: Question) -> Body:
        e = p.evolutions
        rank = by_rank(q, len(e.postes))
        named = best_match(self.said_stems(p, q), *item_texts(p, "evolutions")) if rank is None else None
        if rank is not None and q.cues.describe:
            named = rank  # « le premier, ça consiste en quoi au quotidien ? »: that job, which the fiche does not describe
        if named is not None:  # « et celle qui porte sur l'Europe ? »: the evolution the message names by its words
            return Body(self.fill("evolution_confirmee" if _asks_if_listed(q, "evolutions", e.postes[named])
                                  else "evolution_nommee", poste=e.postes[named],
                                  postes=self.bullets(e.postes), ensuite=e.ensuite or ""), tuple(e.postes))
        later = posts_in(e.ensuite) if rank is None and not q.asks_variation else []
        after = best_match(self.said_stems(p, q), later) if later else None
        if after is not None:  # « et consultant c'est possible ? »: a job the fiche cites for later
            return Body(self.fill("evolution_plus_tard_confirmee" if _asks_if_listed(q, "evolutions", later[after])
                                  else "evolution_plus_tard", poste=later[after], ensuite=e.ensuite,
                                  postes=self.bullets(e.postes)), tuple(e.postes) + (later[after],))
        if rank is not None:  # « le 2e c'est lequel ? »: that job, then the whole answer
            return Body(self.fill("evolutions_rang", numero=rank + 1, poste=e.postes[rank], postes=self.bullets(e.postes),
                                  ensuite=e.ensuite or ""), tuple(e.postes))
        return Body(self.fill("evolutions", postes=self.bullets(e.postes), ensuite=e.ensuite or "",
                              conditions=e.conditions or ""), tuple(e.postes))

    # -- conversation replies ------------------------------------------------------------------
    def not_specified(self, profession: Profession, topic: str) -> Reply:
        """A follow-up the fiche cannot answer: say so, repeat what it does say, offer a human."""
        intro = self.fill("non_precise", libelle=self.topics.sujets[topic].libelle)
        answer = self.answer(profession, Question(topic=topic))
        return Reply(f"{intro}\n{answer.text}", answer.buttons + [self.counsellor_button()])

    def which_of(self, professions: Sequence[Profession], topic: Optional[str] = None) -> Reply:
        """A name several professions match equally well: one button per profession; each button
        names it (entity « metier ») with the topic asked (else the conversation keeps it, slot « sujet »)."""
        titles = [p.intitule for p in professions]
        text = self.fill("plusieurs_metiers", metiers=", ".join(titles[:-1]) + " ou " + titles[-1])
        return Reply(text, [topic_profession_button(p, topic) for p in professions])

    def which_profession(self, default: Optional[Profession], total: int, topic: Optional[str]) -> Reply:
        """A question on a topic in a catalogue where no profession is in play yet: which one? The
        school's default first (when it set one), the list of the catalogue, never a guess."""
        text = self.fill("catalogue.quel_metier", total=total)
        buttons = [topic_profession_button(default, topic)] if default is not None else []
        return Reply(text, buttons + self.discover_buttons(total))

    def other_profession(self, professions: Sequence[Profession], named: str) -> Reply:
        """A profession the school has no fiche on: said plainly, never another profession's facts; in a
        catalogue, the search and the list are offered with the counsellor."""
        if len(professions) > NAMED_IN_FULL:  # too many to name: how many, the search and the list
            text = self.fill("autre_metier_catalogue", metier=named.strip(), total=len(professions))
            return Reply(text, [self.counsellor_button()] + self.discover_buttons(len(professions)))
        text = self.fill("autre_metier", metiers=self.names(professions), metier=named.strip())
        return Reply(text, [self.counsellor_button()] + self.menu_buttons()[:3])

    def contact_reply(self) -> Reply:
        c = self.contact
        text = self.fill("conseiller", nom=c.nom, service=c.service, email=c.email,
                         telephone=c.telephone, horaires=c.horaires, page=c.page)
        return Reply(text, [self.other_question_button()])

    def empty_message(self) -> Reply:
        return Reply(self.fill("message_vide"), [self.other_question_button()])

    def too_long(self, length: int, maximum: int) -> Reply:
        return Reply(self.fill("message_trop_long", longueur=length, maximum=maximum),
                     [self.other_question_button()])

    def restarting(self, question: str) -> Reply:
        """The action server is restarting: the student is told to send the question again, in one click."""
        return Reply(self.fill("redemarrage"), [{"title": self.t["boutons.renvoyer"], "payload": question},
                                                {"title": self.t["boutons.conseiller"], "payload": "/conseiller"}])

    def apology(self) -> Reply:
        """Something failed on our side: say so, and give the human contact."""
        return Reply(f"{self.fill('indisponible')}\n{self.contact_reply().text}",
                     [self.other_question_button()])

    def discover_buttons(self, catalogue_size: int) -> List[Dict[str, str]]:
        """« Découvrir les métiers » (the list of the catalogue), when the school has several."""
        return [{"title": self.t["boutons.decouvrir_metiers"], "payload": "/catalogue_lister"}] if catalogue_size > 1 else []

    def welcome(self, professions: Sequence[Profession]) -> Reply:
        return Reply(self.fill("accueil", metiers=self.names(professions)), self.menu_buttons())

    def help(self, professions: Sequence[Profession]) -> Reply:
        return Reply(self.fill("aide", metiers=self.names(professions)), self.menu_buttons())

    def thanks(self) -> Reply:
        return Reply(self.fill("merci"), self.menu_buttons()[:3])

    def acknowledged(self, topic: Optional[str]) -> Reply:
        """« ok », « ah ok je vois » after an answer: what else to ask (that topic's next questions, else the menu)."""
        return Reply(self.fill("bien_recu"), self.suggestions(topic) if topic in self.topics.sujets else self.menu_buttons())

    def out_of_scope(self, professions: Sequence[Profession]) -> Reply:
        return Reply(self.fill("hors_sujet", metiers=self.names(professions)), self.menu_buttons())

    def clarify(self, candidate_topics: Sequence[str], misunderstandings: int) -> Reply:
        """Two-stage fallback: likeliest topics as readable buttons, and a way out."""
        buttons = [{"title": self.topics.sujets[t].libelle, "payload": f"/{t}"}
                   for t in candidate_topics if t in self.topics.sujets and t != "conseiller"][:3]
        buttons.append(self.other_question_button())
        buttons.append({"title": self.t["boutons.conseiller"], "payload": "/conseiller"})
        name = "clarifier_conseiller" if misunderstandings >= 2 else "clarifier"
        text = self.fill(name)
        if misunderstandings >= 2:
            text = f"{text}\n{self.contact_reply().text}"
        return Reply(text, buttons)


    # -- the catalogue (core/catalogue.py, core/compare.py) -------------------------------------
    def catalogue_page(self, professions: Sequence[Profession], number: int = 0,
                       famille: Optional[str] = None) -> Reply:
        """The school's professions grouped by famille, one button each, and « Voir plus de métiers ».
        A catalogue too long to page through (catalogue.BY_FAMILY) starts by its familles, each a button
        with its count; `famille` then lists that one."""
        if famille is None and catalogue.by_family(professions):
            return self.familles_reply(professions)
        if len(professions) == 1 and famille is None:
            # « tu connais d'autres métiers ? » in a school of one profession: that one, and no other
            return Reply(self.fill("catalogue.un_seul", intitule=professions[0].intitule), [open_button(professions[0])])
        shown = catalogue.page(professions, number)
        groups = self.bullets([self.fill("catalogue.famille", famille=famille_.capitalize(),
                                         metiers=", ".join(p.intitule for p in group))
                               for famille_, group in shown.groups])
        buttons = [open_button(p) for _, group in shown.groups for p in group]
        if shown.more:
            more = {"page": number + 1, **({"famille": famille} if famille else {})}
            buttons.append({"title": self.t["boutons.voir_plus"],
                            "payload": "/catalogue_lister" + json.dumps(more, ensure_ascii=False)})
        return Reply(self.fill("catalogue.liste", total=len(professions), groupes=groups), buttons)

    def familles_reply(self, professions: Sequence[Profession]) -> Reply:
        """The familles of a long catalogue, each a button with how many professions it has."""
        groups = catalogue.families(professions)
        buttons = [{"title": self.fill("catalogue.domaine", famille=name.capitalize(), nombre=len(group)),
                    "payload": "/catalogue_lister" + json.dumps({"famille": name}, ensure_ascii=False)}
                   for name, group in groups.items()]
        return Reply(self.fill("catalogue.domaines", total=len(professions), nombre=len(groups)), buttons)

    def search_results(self, professions: Sequence[Profession], text: str,
                       found: Sequence[catalogue.Match], ranked: bool = False) -> Reply:
        """The professions whose fiche supports the request (`found`, catalogue.search), with the fiche's
        words and rubriques; none: said plainly, and the list. `ranked`: in the order of a superlative."""
        demand = text.strip().rstrip("?!. ")
        if not found:
            listed = self.catalogue_page(professions)
            return Reply(f"{self.fill('catalogue.aucun', demande=demand)}\n{listed.text}", listed.buttons)
        items = [self.fill("catalogue.resultat", intitule=m.profession.intitule,
                           preuves="; ".join(self.fill("catalogue.preuve", mots=words, rubrique=self._rubrique(where))
                                             for words, where in m.evidence[:3]))
                 for m in found]
        return Reply(self.fill("catalogue.classement" if ranked else "catalogue.resultats", demande=demand,
                               metiers=self.bullets(items)),
                     [open_button(m.profession) for m in found])

    def comparison(self, a: Profession, b: Profession, topic: Optional[str],
                   interests: Sequence[str] = (), vocabulary: catalogue.Interests = catalogue.Interests()) -> Reply:
        """Two professions side by side on the topic (a short card without one), each cited from its
        fiche; for each interest named (« pour quelqu'un qui aime les langues »), what each fiche says
        of it, or that it says nothing."""
        c = compare.compare(a, b, self.diplomas, topic)
        where = self._rubrique(c.topic or "diplome") if c.topic else "Diplôme, Salaire, Hard skills"
        sides = "\n".join(self.fill("catalogue.cote", intitule=s.profession.intitule, rubrique=where,
                                     lignes=self.bullets(list(s.lines) + self._interest_lines(s.profession, interests, vocabulary)))
                          for s in c.sides)
        if c.topic:
            text = self.fill("catalogue.comparaison", sujet=self.topics.sujets[c.topic].libelle, cotes=sides)
        else:
            text = self.fill("catalogue.carte", cotes=sides)
        if c.higher is not None:
            text += "\n" + self.fill("catalogue.plus_haut", intitule=c.higher.intitule)
        elif c.sides[0].figure is not None and c.sides[0].figure == c.sides[1].figure:
            text += "\n" + self.fill("catalogue.egal")
        return Reply(text, [open_button(a), open_button(b)])

    def _interest_lines(self, p: Profession, interests: Sequence[str], vocabulary: catalogue.Interests) -> List[str]:
        lines = []
        for interest in interests:
            label = vocabulary.label(interest)
            found = catalogue.evidence(p, interest, vocabulary)
            if found:
                words, where = found[0]
                lines.append(self.fill("catalogue.interet_oui", interet=label,
                                       preuve=self.fill("catalogue.preuve", mots=words, rubrique=self._rubrique(where))))
            else:
                lines.append(self.fill("catalogue.interet_non", interet=label))
        return lines

    def compare_which(self, professions: Sequence[Profession]) -> Reply:
        """A comparison with fewer than two professions named: ask for them, with the list."""
        listed = self.catalogue_page(professions)
        return Reply(f"{self.fill('catalogue.quels_metiers')}\n{listed.text}", listed.buttons)

    def which_of_two(self, pair: Sequence[Profession], topic: str) -> Reply:
        """After a comparison, a topic asked without a profession: which of the two, one button each
        (the topic and the profession named), never both mixed in one answer."""
        text = self.fill("catalogue.lequel", metiers=" et ".join(p.intitule for p in pair),
                         libelle=self.topics.sujets[topic].libelle)
        return Reply(text, [{"title": p.intitule,
                             "payload": f"/{topic}" + json.dumps({"metier": p.intitule}, ensure_ascii=False)}
                            for p in pair])

    def path_buttons(self, profession: Profession, find, professions: Dict[str, Profession],
                     topic: Optional[str] = None) -> List[Dict[str, str]]:
        """« Ouvrir la fiche … » for each evolution or stepping-stone job that is itself a profession of
        the catalogue (`find`: the name index's resolve); with a topic, those of that rubrique only (an
        evolutions answer never offers a stepping stone as where to go next)."""
        linked = {"evolutions": catalogue.linked_evolutions, "experiences": catalogue.linked_experiences}.get(
            topic, catalogue.linked)
        return [{"title": self.fill("catalogue.parcours", intitule=p.intitule), "payload": open_button(p)["payload"]}
                for p in linked(profession, find, professions)]

    def paths_to(self, target: Profession, sources: Sequence[tuple]) -> Reply:
        """The professions that lead to `target` ((profession, rubrique) pairs), each with where its fiche
        or the target's says so; none: said plainly, with the target's own stepping stones."""
        if not sources:
            text = self.fill("catalogue.menent_a_aucun", intitule=target.intitule)
            if target.experiences:  # the target's own stepping stones, named at once
                postes = ", ".join(e.poste for e in target.experiences)
                text += "\n" + self.fill("catalogue.experiences_seules", postes=postes)
            return Reply(text, [open_button(target)])
        items = [self.fill("catalogue.mene_par", intitule=p.intitule, rubrique=self.topics.sujets[where].rubrique,
                           fiche=p.intitule if where == "evolutions" else target.intitule)
                 for p, where in sources]
        text = self.fill("catalogue.menent_a", intitule=target.intitule, metiers=self.bullets(items))
        # The stepping stones the target's fiche cites that are no fiche of the school: named too.
        others = [e.poste for e in target.experiences
                  if e.poste not in [p.intitule for p, _ in sources]]
        if others:
            text += "\n" + self.fill("catalogue.experiences_utiles", postes=", ".join(others))
        return Reply(text, [open_button(p) for p, _ in sources] + [open_button(target)])

    def path_between(self, start: Profession, end: Profession, steps: Sequence[tuple]) -> Reply:
        """How the fiches lead from `start` to `end`: each step (from, to, rubrique) cited; none: said plainly,
        with the start's evolutions."""
        if not steps:
            text = self.fill("catalogue.chemin_aucun", de_depart=gender.of(start.intitule), depart=start.intitule,
                             arrivee=end.intitule)
            return Reply(text + "\n" + self.bullets(start.evolutions.postes),
                         [open_button(start), open_button(end)])
        lines = [self.fill("catalogue.etape", depuis=a.intitule, vers=b.intitule,
                           fiche=(a if where == "evolutions" else b).intitule,
                           rubrique=self.topics.sujets[where].rubrique) for a, b, where in steps]
        text = self.fill("catalogue.chemin", de_depart=gender.of(start.intitule), arrivee=end.intitule,
                         etapes=self.bullets(lines))
        shown = [start] + [b for _, b, _ in steps]
        return Reply(text, [open_button(p) for p in shown])

    def switched(self, profession: Profession, reply: Reply) -> Reply:
        """A reply about another profession than before begins « Pour le métier de … »."""
        return Reply(f"{self.fill('catalogue.pour_le_metier', de_intitule=gender.of(profession.intitule))}\n{reply.text}",
                     reply.buttons)

    def _rubrique(self, where: str) -> str:
        """Where a fiche's words were found, as the student reads it: the topic's rubrique (sujets.yml), the famille's."""
        topic = self.topics.sujets.get(where)
        return topic.rubrique if topic else self.fill("catalogue.rubrique_famille") if where == "famille" else where


# Each topic the code answers, and its builder; any other topic of sujets.yml is a topic added by
# trainers, answered from the profession file's « autres_sujets » section (make check uses this table).
# Each fact topic's builder: its answer's text and the items it lists (Body), rendered with its source by answer().
BUILDERS: Dict[str, Callable[[Replier, Profession, Question], Body]] = {
    "definition": Replier._definition, "missions": Replier._missions, "diplome": Replier._diploma,
    "bts": Replier._bts, "bachelor": Replier._bachelor, "mastere": Replier._mastere,
    "alternance": Replier._work_study, "rncp": Replier._rncp, "formation_continue": Replier._continuing_education,
    "faq": Replier._faq,
    "experiences": Replier._experiences, "salaire": Replier._salary, "soft_skills": Replier._soft_skills,
    "hard_skills": Replier._hard_skills, "outils": Replier._tools, "contraintes": Replier._constraints,
    "evolutions": Replier._evolutions,
}

def topic_profession_button(p: Profession, topic: Optional[str]) -> Dict[str, str]:
    """A button that answers a topic for a profession (its definition without a topic)."""
    return {"title": p.intitule,
            "payload": f"/{topic or 'relance'}" + json.dumps({"metier": p.intitule}, ensure_ascii=False)}


def open_button(p: Profession) -> Dict[str, str]:
    """A button that opens a profession's fiche (its definition, entity « metier »)."""
    return {"title": p.intitule, "payload": "/definition" + json.dumps({"metier": p.intitule}, ensure_ascii=False)}

# When a topic's field is absent from the knowledge file (the fiche does not give it): the reply says
# « La fiche ne précise pas … » instead of an empty answer (Replier.silent).
SILENT_WHEN: Dict[str, Callable[[Profession], bool]] = {
    "missions": lambda p: not p.missions,
    "soft_skills": lambda p: not p.soft_skills.qualites,
    "hard_skills": lambda p: not p.hard_skills.competences,
    "alternance": lambda p: not p.alternance,
    "rncp": lambda p: not p.rncp,
    "formation_continue": lambda p: not p.formation_continue,
    "faq": lambda p: not p.avertissement,
    "experiences": lambda p: not p.experiences,
    "outils": lambda p: not p.outils.categories,
    "contraintes": lambda p: not (p.contraintes.liste or p.contraintes.exigences),
    "salaire": lambda p: p.salaire is None,
    "evolutions": lambda p: not (p.evolutions.postes or p.evolutions.ensuite),
}


def silent_on(profession: Profession, topic: Optional[str]) -> bool:
    """Whether the profession's fiche gives nothing on this topic."""
    return topic in SILENT_WHEN and SILENT_WHEN[topic](profession)


def capitalized(text: str) -> str:
    """« le Bachelor (Bac+3) » -> « Le Bachelor (Bac+3) », at the start of a sentence."""
    return text[:1].upper() + text[1:]


# What says a fiche's text makes something compulsory (« obligatoire », « imposée », « exigée »), folded.
_COMPULSORY_SAID = re.compile(r"\bobligatoire\w*|\bimpos\w*|\bexig\w*|\brequis\w*")


def _score_of(p: Profession, title: str) -> Optional[int]:
    """The score the fiche gives the technical skill of this name."""
    return next((k.score for k in p.hard_skills.competences if k.nom == title), None)


def _asks_if_listed(q: Question, topic: str, job: str) -> bool:
    """« coordinateur de projets européens, c'est une évolution possible ? »: whether a job is among those the fiche
    cites (`topic`), asked yes or no and naming it in full (answered « Oui » then; not « assistante de direction dans
    une PME, la fiche le cite ? » when it cites one in a multinational context)."""
    return not q.asks_open and not q.about_pay and not q.premise \
        and (topic in q.topics_named or q.cues.belongs or q.cues.in_list) \
        and stems(fold(re.sub(r"\(\w+\)", "", job))) <= q.stems


def _holds(low: int, high: int, value: int, bound: Optional[str]) -> bool:
    """Whether the pay from `low` to `high` is what the student says of `value`: « au minimum 50 000 € » is right
    only if it is the bottom figure, « jusqu'à » the top one; « plus de 35k » if some of it is above, « moins de »
    below; an amount alone if the range holds it."""
    if bound in ("min", "max"):
        return value == (low if bound == "min" else high)
    if bound in ("above", "below"):
        return high > value if bound == "above" else low < value
    return low <= value <= high


# Words every diploma's text has, which tell no follow-up apart (« métier », « études », « niveau »)
_DIPLOMA_GENERIC = frozenset(stems("metier metiers etudes niveau diplome formation exercer poste elle elles ils leur leurs "
                                   "cette ces son ses notre votre tout tous toute toutes"))


def _levels_of(asked: PaySum, ranges: dict) -> List[str]:
    """The levels a calculation is made on, for the figures shown beside it (« le salaire moyen d'un débutant » shows
    the beginner's range only); every level of the fiche for a calculation on amounts the student said."""
    named = [level for level in ranges if any(level == lvl for lvl, _ in asked.figures)]
    return named or list(ranges)


def _same_period(p: Profession, monthly: bool) -> bool:
    """Whether an amount stated per month (or per year) can be compared with the fiche's figures."""
    return monthly == bool(re.search(r"\bmois\b", fold(p.salaire.unite or "")))


def salary_level(p: Profession, q: Question) -> Optional[str]:
    """debutant, confirme, entre_deux (years the fiche does not cover) or None (general)."""
    if q.years is not None:
        levels = p.salaire.niveaux
        if levels.debutant and levels.debutant.annees_max is not None and q.years < levels.debutant.annees_max:
            return "debutant"
        if levels.confirme and levels.confirme.annees_min is not None and q.years >= levels.confirme.annees_min:
            return "confirme"
        return "entre_deux"
    return q.experience if q.experience in ("debutant", "confirme") else None
