"""One school's knowledge: professions, reply builder, topics, contact and the details fiches do not
give, built from what it is given. loading/school.py's `load_school` is the one loader: the action
server, the REST channel, the trainer tools, the widget server and the tests build their School through
it and pass it on. No Rasa here: tests build one on fixture knowledge folders.
"""
import functools
import re
from typing import Callable, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

from core.catalogue import BY_FAMILY, Interests, SearchIndex, request
from core.coverage import NEUTRAL_KEYS, Asked, uncovered
from core.items import posts_in
from core.knowledge import Profession
from core.names import NameIndex, canonical, name_words
from core.replies import Replier
from core.stemming import keys
from core.textnorm import fold
from core.understanding import AbsentDetail, Question, Vocabulary, phrase_pattern, phrase_word, understand


def profession_text(p: Profession) -> str:
    """Every text of a profession's file, to tell what its fiche mentions."""
    return " ".join(str(value) for value in _strings(p.dict()))


def _strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif node is not None:
        yield node


class School:
    """Professions by id, the reply builder, and the details the fiches do not give."""

    def __init__(self, professions: Dict[str, Profession], replier: Replier,
                 absent_details: Sequence[AbsentDetail], absent_phrases: Dict[str, Sequence[str]],
                 ordinary: FrozenSet[str] = frozenset(), interests: Interests = Interests(),
                 lexicon: Optional[Mapping[str, object]] = None,
                 absent_exceptions: Optional[Dict[str, Sequence[str]]] = None,
                 reformulations: Optional[Dict[str, Sequence[str]]] = None):
        self.professions = professions
        self.replier = replier
        self.absent_details = list(absent_details)
        self._details = {d.id: d for d in self.absent_details}
        self._order = {d.id: i for i, d in enumerate(self.absent_details)}
        self.fact_topics = [t for t in replier.topics.sujets if t != "conseiller"]
        self.interests = interests  # knowledge/interets.yml: the search's vocabulary of interests
        # Every name (intitulé and aliases), indexed once: a message is looked up by its own words,
        # whatever the size of the catalogue (core/names.py).
        # `ordinary`: words of ordinary French, never corrected into a profession's name; `lexicon`: the rest
        # of the language data the index reads (loading/lexicon.py for_names(), whose `ordinary` wins).
        lexicon = dict(lexicon or {})
        lexicon.setdefault("ordinary", ordinary)
        self.names = NameIndex(((p.id, name) for p in professions.values() for name in [p.intitule] + p.alias),
                               **lexicon)

        # Each phrase of hors_fiche.yml once, for every profession: a message is matched against them
        # once, whatever the size of the catalogue; what a profession's own fiche mentions is found
        # when that profession is first talked about (_covered).
        listed_phrases = [(name, phrase) for name, listed in absent_phrases.items() for phrase in listed]
        phrases = tuple((name, phrase_pattern(phrase)) for name, phrase in listed_phrases)
        # each phrase's longest word, looked for first (phrase_word): the phrases that hold it, by word
        by_word: Dict[str, List[int]] = {}
        for i, (_, phrase) in enumerate(listed_phrases):
            by_word.setdefault(phrase_word(phrase), []).append(i)
        phrase_words = tuple((word, tuple(indexes)) for word, indexes in by_word.items())
        # « il aide les gens qui partent à l'étranger ? » asks a mission, not whether one works abroad (« sauf »)
        exceptions = tuple((name, phrase_pattern(phrase)) for name, listed in (absent_exceptions or {}).items()
                           for phrase in listed)
        # « qui partent à l'étranger » read as « mobilité » when an item of a list is looked for (reformulations.yml)
        said = tuple((phrase_pattern(expression), f" {fold(word)} ") for word, listed in (reformulations or {}).items()
                     for expression in listed)
        # the words that name each topic (sujets.yml « nomme_par »: « gagn » for the pay), one pattern per topic
        topics = replier.topics
        first = [t for t in topics.sujets_nommes_en_premier if t in topics.sujets]
        ordered = first + [t for t in topics.sujets if t not in first]
        named_by = tuple((name, re.compile(r"\b(?:" + "|".join(re.escape(fold(w)) for w in topics.sujets[name].nomme_par) + ")"))
                         for name in ordered if topics.sujets[name].nomme_par)
        self.vocabulary = Vocabulary(phrases=phrases, phrase_words=phrase_words, exceptions=exceptions, reformulations=said,
                                     topic_words=named_by,
                                     find_profession=self.names.find_folded,
                                     speaks_of_work=self.names.speaks_of_work,
                                     resolve_profession=self.names.resolve, profession_heads=self.names.heads_folded,
                                     foreign_profession=self.names.foreign_folded,
                                     diplomas=replier.diplomas,
                                     catalogue_request=functools.partial(request, interests=interests,
                                                                         diploma_words=replier.diplomas))
        self._covered: Dict[str, Dict[int, bool]] = {}
        self._texts: Dict[str, str] = {}
        self._answer_words: Dict[Tuple[str, str], FrozenSet[str]] = {}
        self._name_words: Dict[str, FrozenSet[str]] = {}
        self._topic_words: Optional[FrozenSet[str]] = None
        self._own_words: Dict[str, FrozenSet[str]] = {}
        self._name_keys: Dict[str, FrozenSet[str]] = {}
        self._texts_keys: Dict[Tuple[str, str], FrozenSet[str]] = {}
        self._search_index: Optional[SearchIndex] = None
        self._cited: Dict[str, Tuple[list, NameIndex]] = {}
    # -- understanding ---------------------------------------------------------------------------
    def understand(self, text: str, entities: Sequence[dict] = (), topic: Optional[str] = None,
                   parts: Sequence[dict] = ()) -> Question:
        return understand(text, entities, topic, parts, self.vocabulary)

    # -- professions -------------------------------------------------------------------------
    @property
    def default(self) -> Profession:
        chosen = self.replier.topics.metier_par_defaut
        return self.professions.get(chosen) or next(iter(self.professions.values()))

    @property
    def chosen_default(self) -> Optional[Profession]:
        """The profession the school chose as its default (sujets.yml metier_par_defaut), if it has it."""
        return self.profession(self.replier.topics.metier_par_defaut)

    @property
    def search_index(self) -> SearchIndex:
        """The catalogue's searched words, indexed when the first search is made (core/catalogue.py)."""
        if self._search_index is None:
            index = SearchIndex(list(self.professions.values()))
            for interest in self.interests.said:  # every interest's evidence, once: no search pays for it
                index.hits(interest, self.interests)
            self._search_index = index
        return self._search_index

    @property
    def small_default(self) -> Optional[Profession]:
        """The default the school chose, answered until the student names another, in a small school
        (catalogue.BY_FAMILY professions at most: one main profession and a few others). In a larger
        catalogue a default is a guess among many: the dialogue asks which profession, the default
        first among its buttons."""
        return self.chosen_default if len(self.professions) <= BY_FAMILY else None

    @property
    def single(self) -> Optional[Profession]:
        """The school's one profession, when it has only one: then every question is about it."""
        return next(iter(self.professions.values())) if len(self.professions) == 1 else None

    def profession(self, profession_id: Optional[str]) -> Optional[Profession]:
        return self.professions.get(profession_id) if isinstance(profession_id, str) else None

    def named(self, name: str) -> Optional[Profession]:
        """The profession an extracted name refers to ("chargée de mission"), if one file covers it."""
        found = self.names.resolve(name)
        return self.professions[found[0]] if len(found) == 1 else None

    def named_in(self, text: str) -> Optional[Profession]:
        """The profession whose name (an alias of its knowledge file) the message contains, if only one.

        A new profession file is understood at once, without retraining: its aliases are enough.
        """
        found = self.names.find(text)
        return self.professions[found[0]] if len(found) == 1 else None

    def is_other_profession(self, name: str, profession: Optional[Profession]) -> bool:
        """A profession the student named that no knowledge file covers (nor a job the fiche of the
        profession in play, if any, cites)."""
        folded = fold(name).strip()
        if not folded or self.names.resolve(folded):
            return False
        if profession is None:
            return True
        related = fold(" ".join(profession.evolutions.postes + [profession.evolutions.ensuite or ""]
                                + [e.poste for e in profession.experiences]))
        return not any(word in related for word in folded.split() if len(word) > 3)

    def cited_job(self, profession: Profession, folded: str, bare_head: bool = False) -> Optional[Tuple[str, str]]:
        """A job this profession's fiche only cites (an evolution, a stepping stone), named in the message
        (folded) and not itself a profession of the school: (its name as the fiche writes it, "evolutions" or
        "experiences"). The fiche says nothing of that job's salary, missions or diplomas. `bare_head`: the first
        word of its name alone, with no article, names it too (a question of pay)."""
        if profession.id not in self._cited:
            cited = [(name, "evolutions") for name in profession.evolutions.postes + posts_in(profession.evolutions.ensuite)]
            cited += [(e.poste, "experiences") for e in profession.experiences]
            cited = [(name, kind) for name, kind in cited if not self.names.find(name, narrow=False)]
            self._cited[profession.id] = (cited, NameIndex((str(i), name) for i, (name, _) in enumerate(cited)))
        cited, index = self._cited[profession.id]
        # narrowed (« assistant de direction » for « Assistant(e) de direction dans un contexte multinational »):
        # the few jobs one fiche cites, each told apart by the rest of its name
        found = index.find_folded(folded)
        if not found and bare_head:
            # « et ça paye combien consultant ? »: the first word of one cited job's name, said bare (never a word of the
            # rest of a name: « la communication »)
            said = {canonical(w) for w in re.findall(r"[a-z0-9]+", folded)}
            found = tuple(str(i) for i, (name, _) in enumerate(cited) if name_words(name)[:1] and name_words(name)[0] in said)
        return cited[int(found[0])] if len(found) == 1 else None

    # -- details the fiche does not give ---------------------------------------------------------
    def detail(self, detail_id: Optional[str]) -> Optional[AbsentDetail]:
        """The detail of knowledge/hors_fiche.yml with this id, or one a fiche says it does not give
        (`fiche_silent_id`), None for another id or none."""
        if detail_id and detail_id.startswith(_FICHE_SILENT):
            topic, _, label = detail_id[len(_FICHE_SILENT):].partition(":")
            return AbsentDetail(detail_id, label, topic, None) if topic in self.fact_topics and label else None
        return self._details.get(detail_id) if detail_id else None

    def silent_in_answer(self, profession: Profession, question: Question, text: str) -> Optional[str]:
        """The memory id of a detail the answer's text says the fiche does not give (a skill's « La fiche
        ne précise pas quelles langues sont attendues. »), for the follow-up « il en faut combien ? »."""
        if question.topic != "hard_skills":
            return None
        index = self.replier.skill_asked(profession, question)
        skill = profession.hard_skills.competences[index] if index is not None else None
        if skill is None or not skill.non_precise or skill.non_precise not in text:
            return None
        return fiche_silent_id("hard_skills", skill.non_precise)

    def absent_detail(self, question: Question, profession: Profession) -> Optional[AbsentDetail]:
        """The first detail (in hors_fiche.yml's order) the question asks about that this profession's
        fiche does not mention: a fiche that mentions remote work is answered normally."""
        found = [self.vocabulary.phrases[i][0] for i in question.phrases if not self._mentions(profession, i)]
        return self._details[min(found, key=self._order.__getitem__)] if found else None

    def uncovered(self, question: Question, profession: Profession) -> Optional[Asked]:
        """What the message asks for that this topic's answer, for this profession, does not hold
        (« quelles entreprises recrutent ? » classified as the missions), if anything."""
        if not question.asked or question.topic not in self.fact_topics:
            return None
        return uncovered(question.asked, self.answer_words(profession, question.topic),
                         self._names_of(profession), self.topic_names(question.topic))

    def answer_words(self, profession: Profession, topic: str) -> FrozenSet[str]:
        """The word keys a topic's answer holds for a profession: the topic's names and vocabulary
        (sujets.yml), the items its answer lists, or its fiche text (_TEXT_FIELDS). Not its commentary (« selon l'entreprise »), which
        answers nothing. Computed when the topic is first asked about that profession."""
        cached = self._answer_words.get((profession.id, topic))
        if cached is None:
            items = self.replier.answer(profession, Question(topic=topic)).items
            said = self._text_keys(profession, topic) if topic in _TEXT_FIELDS else frozenset()  # a text is its answer
            cached = self._answer_words[(profession.id, topic)] = self.topic_words(topic) | keys(" ".join(items)) | said
        return cached

    def topic_holding(self, profession: Profession, folded: str) -> Optional[str]:
        """The one topic whose answer holds the most words of the message (`folded`), none of them neutral nor the
        profession's name (« tu disais quoi sur les décalages déjà ? »: the constraints); None on a tie or none."""
        said = {k for k in keys(folded) if len(k) >= 5} - NEUTRAL_KEYS - self._names_of(profession)
        held = {t: len(said & self.answer_words(profession, t)) for t in self.fact_topics}
        best = max(held.values(), default=0)
        found = [t for t, n in held.items() if n == best]
        return found[0] if best and len(found) == 1 else None

    def text_holding(self, profession: Profession, asked: Asked, folded: str) -> Optional[str]:
        """The one topic answered by a text of the fiche (the RNCP titles, work-study, continuing education, the FAQ
        remark) that holds what the student asks for, which the answer of the topic asked lacks: its word in that
        topic's own words (sujets.yml) or text, with at least another word of the message (`folded`) (« selon quels
        référentiels les formations sont-elles retenues ? »: the RNCP titles)."""
        said = {k for k in keys(folded) if len(k) >= 5} - NEUTRAL_KEYS - self._names_of(profession)
        holding = []
        for topic in _TEXT_FIELDS:
            if topic not in self.fact_topics or topic not in self.replier.topics.sujets:
                continue
            held = self.topic_words(topic) | self._text_keys(profession, topic)
            if asked.key in held and len(said & held) >= 2:
                holding.append(topic)
        return holding[0] if len(holding) == 1 else None

    def _text_keys(self, profession: Profession, topic: str) -> FrozenSet[str]:
        cached = self._texts_keys.get((profession.id, topic))
        if cached is None:
            cached = self._texts_keys[(profession.id, topic)] = keys(_TEXT_FIELDS[topic](profession) or "")
        return cached

    def topic_names(self, topic: str) -> FrozenSet[str]:
        """The word keys of a topic's names (sujets.yml libelle, question, rubrique): what its answer counts
        (« combien de missions ? »), not everything its vocabulary says (« projets »)."""
        if topic not in self._name_keys:
            t = self.replier.topics.sujets[topic]
            self._name_keys[topic] = keys(" ".join([t.libelle, t.question, t.rubrique]))
        return self._name_keys[topic]

    def topic_named(self, key: str) -> Optional[str]:
        """The one topic whose names (sujets.yml libelle, question, rubrique) have this word key (« soft » of « soft
        skills »), or None when none or several have it."""
        named = [t for t in self.fact_topics if t in self.replier.topics.sujets and key in self.topic_names(t)]
        return named[0] if len(named) == 1 else None

    def topic_words(self, topic: str) -> FrozenSet[str]:
        """The word keys of a topic's own names and vocabulary (sujets.yml), not of its items."""
        if topic not in self._own_words:
            self._own_words[topic] = self.topic_names(topic) | keys(" ".join(self.replier.topics.sujets[topic].vocabulaire))
        return self._own_words[topic]

    def named_apart(self, profession: Profession, question: Question, topic: str, previous: str) -> bool:
        """Whether a message names `topic` by a word of its own (sujets.yml) that the answer on `previous` does not
        hold (« quoi comme études ? » after the evolutions; not « une formation », which the evolutions speak of)."""
        said = keys(question.folded) & self.topic_words(topic) - self.answer_words(profession, previous)
        return bool(said - keys(fold(self.replier.answer(profession, Question(topic=previous)).text)))

    def common_keys(self, profession: Profession) -> FrozenSet[str]:
        """Word keys that name nothing in particular in a question about this profession: the words that ask nothing
        (core/coverage.py NEUTRAL), the profession's names, and the words of every topic (sujets.yml)."""
        if self._topic_words is None:
            self._topic_words = frozenset().union(*(self.topic_words(t) for t in self.replier.topics.sujets))
        return NEUTRAL_KEYS | self._topic_words | self._names_of(profession)

    def _names_of(self, profession: Profession) -> FrozenSet[str]:
        if profession.id not in self._name_words:
            self._name_words[profession.id] = keys(" ".join([profession.intitule] + profession.alias))
        return self._name_words[profession.id]

    def _mentions(self, profession: Profession, phrase: int) -> bool:
        """Whether the profession's fiche holds the phrase, but within one of its detail's exceptions (« sauf »:
        a fiche that speaks of « décalages horaires » says nothing of the working hours)."""
        covered = self._covered.setdefault(profession.id, {})
        if phrase not in covered:
            if profession.id not in self._texts:
                self._texts[profession.id] = fold(profession_text(profession))
            name, pattern = self.vocabulary.phrases[phrase]
            text = self._texts[profession.id]
            for other, exception in self.vocabulary.exceptions:
                text = exception.sub(" ", text) if other == name else text
            covered[phrase] = bool(pattern.search(text))
        return covered[phrase]


# The topics answered by one text of the knowledge file, as the fiche says it.
_TEXT_FIELDS: Dict[str, Callable[[Profession], Optional[str]]] = {
    "rncp": lambda p: p.rncp, "alternance": lambda p: p.alternance, "formation_continue": lambda p: p.formation_continue,
    "faq": lambda p: p.avertissement,
}


# The memory of a detail a fiche itself says it does not give (« La fiche ne précise pas quelles langues sont
# attendues. »): « fiche:<topic>:<what> », read back by School.detail.
_FICHE_SILENT = "fiche:"
_SILENT_SENTENCE = re.compile(r"^\s*la fiche ne (?:précise|donne|dit|mentionne|indique) pas (.+?)\s*\.?\s*$", re.IGNORECASE)


def fiche_silent_id(topic: str, sentence: Optional[str]) -> Optional[str]:
    """The memory id of what a fiche's sentence says it does not give, None when the sentence says
    something else."""
    found = _SILENT_SENTENCE.match(sentence or "")
    return f"{_FICHE_SILENT}{topic}:{found.group(1)}" if found else None



