"""Read a fiche métier (plain text) into a draft knowledge file: pure functions, no file access.

The fiche's sections are recognised by their content, not by their order: each paragraph is
classified by its first words (« Le BTS est… », « Les hard skills… », « DÉBUTANT (- de 3ans) »…).
Every value is sliced from the fiche's own text. A field the fiche does not give is Absent (left out
of the file: the assistant says « La fiche ne précise pas … »); a Missing field (« À COMPLÉTER ») is only
for text that is in the fiche but could not be placed.
"""
import re
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from core.diplomas import NOT_ENOUGH_ALONE, REFERENCE, REQUIRED, SUFFICIENT, TO_EVOLVE
from core.gender import MARK
from core.textnorm import fold
from loading.knowledge import project_diplomas
from loading.paths import NLU
from trainer.importer.clauses import VERBS, predicate, split_at_verb
from trainer.importer.contribution import contribution
from trainer.importer.facts import COPIED, DEDUCED, FORM, NAMES, NUMBER, Absent, Fact, Missing, compact, draft_leaves
from trainer.importer.text import (
    alias_of,
    content_words,
    gender_forms,
    identifier,
    lower_first,
    paragraphs,
    sentences,
    squash,
    strip_article,
    upper_first,
    without_final_period,
)

# Section of a paragraph, from its folded text. The first rule that matches wins.
SECTIONS: List[Tuple[str, str]] = [
    ("famille", r"^(?:famille(?: de metiers?| professionnelle)?|secteur(?: d'activite| professionnel)?|"
                r"domaine(?: d'activite| professionnel)?) ?: ?\S"),
    ("score", r"^\d{0,3} ?\|"),
    ("salaire_niveau", r"^[a-z]+ ?\( ?(-|\+|moins|plus) ?(de )?\d+ ?ans? ?\)"),
    ("salaire_montant", r"^de \d[\d .]* ?(€|euros?) "),
    ("diplome_reponse", r"^(?:(?:oui|non),? )?(?:il (?:n'est pas|est|n'est) .*(?:mastere|master|bac ?\+ ?5)|"
                        r"(?:un|le) (?:niveau|diplome) (?:de )?(?:mastere|master|bac ?\+ ?5)\b.*\b(?:necessaire|obligatoire|"
                        r"indispensable|exige))"),
    ("diplome_voie", r"^des diplomes de niveau"),
    ("missions_precision", r"^ces missions "),
    ("soft_precision", r"^notez que les soft skills|^(?:ces|les) (?:qualites|soft skills)(?: attendues)? (?:peuvent|varient|"
                       r"sont susceptibles)|^selon [^.]*, ces qualites"),
    ("soft", r"^le metier (?:de |d').*soft skills"),
    ("soft", r"^(?:le/la |le |la |l')[^.]{0,60}? doit (?:avant tout )?(?:faire preuve|posseder|allier)\b"),
    ("soft", r"^(?:cote (?:savoir-etre|soft skills|qualites)|pour exercer (?:comme|en tant qu)\b.*\bqualites\b)"),
    ("hard_precision", r"^la valeur de chaque hard skill"),
    ("hard", r"^les hard skills"),
    ("formations_intro", r"^(il existe une variete de formations|les formations mentionnees|la formation requise)"),
    ("bts_general", r"^le bts est"),
    ("bts_metier", r"^le niveau bts"),
    ("bachelor_general", r"^le bachelor est"),
    ("bachelor_metier", r"^le niveau bachelor"),
    ("mastere_general", r"^le mastere est"),
    ("mastere_metier", r"^le niveau mastere"),
    ("rncp", r"\brncp\b"),
    ("contraintes", r"^(?:les |des |parmi les )?(?:principales |grandes )?contraintes "
                    r"(?:du metier |de ce metier |du poste |de ce poste )?(?:sont )?"
                    r"(?:liees|dues|relatives|associees) (?:a|au|aux) "),
    ("contraintes", r"^parmi les (?:\w+ )?contraintes\b"),
    ("contraintes_precision", r"^(?:les|ces) contraintes "),
    ("contraintes", r"^(?:le|ce|l'exercice du|l'exercice de ce) metier\b.*\bcontraintes\b"),
    ("missions", r"^le metier (?:de |d').*missions"),
    # « Le métier d'X repose sur … » opens the missions even when it does not say « missions »
    ("missions", r"^le metier (?:de |d')\S.*? repose sur "),
    ("outils_intro", r"^la maitrise des outils"),
    ("outils_precision", r"^il convient de souligner que les outils"),
    ("salaire_contexte", r"^dans le monde de l'entreprise"),
    ("salaire_facteurs", r"^la remuneration varie"),
    ("citation", r"^[«\"]"),
    ("evolutions", r"peut (?:[\w']+ ){0,2}evoluer vers"),
    ("evolutions", r"\bpeut (?:[\w']+ ){0,3}devenir\b|\bpeut (?:[\w']+ ){0,2}viser (?:un poste|la fonction)\b|"
                   r"^plusieurs (?:voies|evolutions)\b"),
    # « Avec de l'expérience et une formation complémentaire, le poste d'X est accessible / il peut … comme X »
    ("evolutions", r"^avec (?:de l'|l'|davantage d')experience\b.*\b(?:peut|peuvent|accessible|"
                   r"ouvert|devenir|poste)\b"),
    ("evolutions_ensuite", r"^ensuite"),
    ("evolutions_conditions", r"^ces evolutions"),
    ("formation_continue", r"^pour evoluer"),
    ("faq", r"\bfaq\b|questions ?/ ?reponses"),
    ("experience", r"\bfutur(\(e\)|e)?\b"),
    # a job held before this one (« En travaillant comme X, », « Un poste de X », « Après quelques années
    # comme X », « L'expérience de X ») and what it teaches (« apprend », « permet d'acquérir », « apporte »…)
    ("experience", r"^(?=(?:%s)).*\b(?:%s)" % ("|".join([
        r"en (?:travaillant|exercant|officiant|evoluant) (?:comme|en tant qu|au poste d|dans un poste d)",
        r"en tant qu",
        r"(?:apres|avec) (?:quelques|plusieurs|une ou deux|deux|trois|\d+|un|une) (?:\w+ )?"
        r"(?:annees?|ans|mois|saisons?) (?:comme|en tant qu|au poste d|de |d')",
        r"(?:un|une|le|l')(?: premier| premiere)? ?(?:poste|emploi|experience|passage|stage|job)s? "
        r"(?:comme|en tant qu|de |d'|d)",
        r"(?:passer|un passage|le passage) par (?:un|une|le|la|l') ?(?:poste|emploi|experience|stage|fonction)",
        r"l'exercice des fonctions", r"(?:avoir )?(?:travaille|exerce|travailler|exercer)(?: d'abord| \w+)? comme",
        r"un\(e\) [^,.]+? (?:se familiarise|developpe|acquiert|apprend)"]),
        r"apprend|apprendre|acquier|acquerir|acquis|maitris|familiaris|developp|approfondi|apport|enseign|"
        r"prepar|initi|decouvr|utile|socle|habitu|entrain|forme a|formera|transition|porte d'entree|tremplin|"
        r"passerelle|offre un premier")),
    ("outils_categorie", r"^(les|ces) (outils|solutions|logiciels)"),
    # « Le métier d'X s'articule autour de … » then its missions, one a sentence, without the word « missions »
    # (taken only when no paragraph says « missions »)
    ("missions_sans_le_mot", r"^le metier (?:de |d')(?=.*\. .*\. )(?!.*\b(?:qualites|soft skills|savoir-etre|contraintes|hard skills|"
                 r"competences|outils|salaire|remuneration)\b)"),
]
# General texts of every fiche, about no profession in particular: not taken, not reported.
IGNORED = ("salaire_contexte",)
_LEVEL_WORDS = {"debutant": "debutant", "junior": "debutant", "confirme": "confirme", "senior": "confirme",
                "experimente": "confirme", "expert": "confirme"}


class Fiche:
    """The fiche's paragraphs, each with its section."""

    def __init__(self, text: str):
        self.paragraphs = paragraphs(text)
        self.text = "\n".join(self.paragraphs)
        self.sections = [classify(p) for p in self.paragraphs]
        self.used = set()
        self.diploma_paragraphs = set()  # paragraphs read as diploma paths (« Pour évoluer, le Diplôme … »)

    def take(self, section: str, belongs_after: Optional[Callable[[str, Optional[str]], Any]] = None
             ) -> Iterator[Tuple[str, str]]:
        """Each paragraph of a section, in order, marked used as it is taken, with the paragraph right
        after it when belongs_after(that paragraph, its section) says it goes with it (marked used
        too), else "": « 85 | Rédaction » then its keywords, « DÉBUTANT (- de 3ans) » then its amounts."""
        for index, (paragraph, found) in enumerate(zip(self.paragraphs, self.sections)):
            if found != section:
                continue
            self.used.add(index)
            after = index + 1
            if belongs_after and after < len(self.paragraphs) and \
                    belongs_after(self.paragraphs[after], self.sections[after]):
                self.used.add(after)
                yield paragraph, self.paragraphs[after]
            else:
                yield paragraph, ""

    def first(self, section: str) -> Optional[str]:
        return next((paragraph for paragraph, _ in self.take(section)), None)

    def all(self, section: str) -> List[str]:
        return [paragraph for paragraph, _ in self.take(section)]

    def unused(self) -> List[str]:
        seen = {p for i, p in enumerate(self.paragraphs) if i in self.used}
        return [p for i, p in enumerate(self.paragraphs) if i not in self.used and p not in seen
                and self.sections[i] not in IGNORED]


# « mobilise la Rigueur, … l'Esprit d'analyse » : qualities written with a capital inside a sentence (not the
# « le/la Technicien(ne) » of the title).
_CAPITAL_AFTER_ARTICLE = re.compile(r"(?<![/\w])(?:la|le|l'|l’) ?[A-ZÀ-Þ]")


def classify(paragraph: str) -> Optional[str]:
    folded = fold(paragraph)
    for section, pattern in SECTIONS:
        if re.search(pattern, folded):
            if section == "missions_sans_le_mot" and _CAPITAL_AFTER_ARTICLE.search(paragraph):
                continue  # the qualities, read by soft_skills
            return section
    return None


def copied(text: Optional[str], evidence: Optional[str] = None, note: str = "") -> Optional[Fact]:
    return Fact(text, evidence or text, COPIED, note) if text else None


def with_precision(section: dict, fiche: Fiche, key: str) -> dict:
    """The section, with the fiche's closing remark on it (passage `key`) copied as « precision » if there is one."""
    remark = copied(fiche.first(key))
    if remark:
        section["precision"] = remark
    return section


def or_absent(fact, what: str):
    """The fact, or Absent when the fiche does not give it."""
    return fact if fact is not None and fact.value not in (None, "", []) else Absent(what)


def without_enfin(sentence: str) -> str:
    return re.sub(r"^(?:enfin|ensuite|aussi|de plus),\s*", "", sentence, flags=re.I)


# -- the profession's name -----------------------------------------------------------------------
def title(fiche: Fiche) -> Optional[Fact]:
    """« Le métier de X repose / mobilise / comporte… » : the most frequent X."""
    counts: Dict[str, Tuple[int, str]] = {}
    for paragraph in fiche.paragraphs:
        folded = fold(paragraph)
        for match in re.finditer(r"le metier (?:de |d')(.+?) (?=(?:" + "|".join(sorted(VERBS)) + r")\b|s'|se |ne |n')", folded):
            name = paragraph[match.start(1): match.end(1)].strip()
            if len(name.split()) <= 8:
                count, _ = counts.get(name, (0, paragraph))
                counts[name] = (count + 1, paragraph)
    if not counts:
        return None
    name, (_, evidence) = max(counts.items(), key=lambda item: item[1][0])
    return Fact(name, evidence, COPIED)


def aliases(fiche: Fiche, name: str) -> Fact:
    """Masculine and feminine forms of the title, and the short forms of it the fiche itself uses."""
    forms = [alias_of(f) for f in gender_forms(name)]
    words = name.split()
    folded_text = fold(fiche.text)
    for size in range(len(words) - 1, 1, -1):
        short = " ".join(words[:size])
        # « le/la Chargé(e) de mission joue un rôle » : the short name followed by another word.
        pattern = re.escape(fold(short)) + r"(?! " + re.escape(fold(words[size])) + r")\b"
        if re.search(pattern, folded_text):
            forms += [alias_of(f) for f in gender_forms(short)]
            break
    unique = list(dict.fromkeys(f for f in forms if f))
    return Fact(unique, name + "\n" + fiche.text, FORM,
                "formes masculine et féminine du titre, et la forme courte que la fiche emploie : ajoutez "
                "les autres noms que les élèves utilisent")


# -- definition, missions ------------------------------------------------------------------------
_ADJECTIVE = r"[a-zà-ÿ]+(?:ique|if|ive|el|elle|al|ale|aire|é|ée)s?"
# « La sélection des blocs tient compte… », « L'évaluation des entreprises estime… » : the noun phrase that
# opens a sentence (article, noun, adjectives, complements « de/des/du/d'/en/avec/au/aux … »), whatever the verb.
_NOUN_PHRASE = re.compile(
    r"^(?:la |le |les |l')([a-zà-ÿ]+(?:-[a-zà-ÿ]+)?(?:\s+" + _ADJECTIVE + r")?"
    r"(?:\s+(?:et (?:la |le |l')?|de la |de l'|des |du |de |d'|en |avec |aux |au )[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?"
    r"(?:\s+" + _ADJECTIVE + r")?)*)(?=\s|,)", re.I)


def noun_phrase_split(sentence: str) -> Optional[Tuple[str, str]]:
    """(subject, what follows) of a sentence that opens with a noun phrase of two words or more."""
    match = _NOUN_PHRASE.match(sentence)
    if not match or len(match.group(1).split()) < 2:
        return None
    return match.group(1), sentence[match.end():].strip()


def _before_aside(subject: str) -> str:
    """« La conduite sur route, en régional » -> « La conduite sur route » ; a subject of one word before
    its comma is kept whole."""
    head = re.split(r",\s|\s\(|\s-\s", subject, maxsplit=1)[0].strip()
    return head if len(strip_article(head).split()) >= 2 else subject


def article_list(text: str) -> List[str]:
    """« la X, le Y et le Z, la W et le V » -> items cut at each comma before an article, and at the last
    « et » of the last one only (« le relevé et le métré », inside the list, is one item)."""
    parts = re.split(r",\s+(?:et\s+)?(?=(?:la|le|les|l'|l’)\b)", text, flags=re.I)
    last = list(re.finditer(r"\s+(?:et|ainsi que)\s+(?=(?:la|le|les|l'|l’)\b)", parts[-1], flags=re.I))
    if len(parts) > 1 and last:
        parts[-1:] = [parts[-1][: last[-1].start()], parts[-1][last[-1].end():]]
    return [part.strip() for part in parts if strip_article(part.strip())]


def missions(fiche: Fiche):
    paragraph = fiche.first("missions") or fiche.first("missions_sans_le_mot")
    precision = fiche.first("missions_precision")
    definition = {"resume": Missing("une phrase qui résume le métier (« Le métier de … repose sur … »)")}
    items = Absent("la fiche ne détaille aucune mission")
    if paragraph:
        parts = sentences(paragraph)
        definition["resume"] = copied(parts[0], paragraph)
        found = []
        for sentence in parts[1:]:
            listed = re.match(r"^(?:ses|les|leurs|ces) missions (?:couvrent|comprennent|regroupent|incluent|englobent)"
                              r"\s*:?\s*", fold(sentence))
            if listed:  # « Ses missions couvrent la planification des cultures, la préparation des sols et … »
                items = re.split(r",\s+(?:et\s+)?|\s+et\s+(?=(?:la|le|les|l')\b)|\s+ainsi\s+que\s+",
                                 without_final_period(sentence[listed.end():]))
                found += [{"intitule": Fact(upper_first(strip_article(item)), sentence, COPIED),
                           "detail": Missing(f"ce que comprend « {strip_article(item)} », d'après la fiche")}
                          for item in items if strip_article(item)]
                continue
            pronoun = re.match(r"^(?:il/elle|elle/il|il|elle) (?:[\w'-]+ ){1,3}?(?=(?:la|le|les|l')\b)", fold(sentence))
            if pronoun and sentence.count(",") >= 2:  # « Il/elle prend en charge l'analyse X, le relevé Y et … »
                found += [{"intitule": Fact(upper_first(strip_article(item)), sentence, COPIED),
                           "detail": Missing(f"ce que comprend « {strip_article(item)} », d'après la fiche")}
                          for item in article_list(without_final_period(sentence[pronoun.end():]))]
                continue
            split = split_at_verb(without_enfin(sentence), lexicon=True)
            noun = noun_phrase_split(without_enfin(sentence))
            if split:  # « La conduite sur route, en régional ou à l'international, constitue … » : the mission
                split = (_before_aside(split[0]),) + split[1:]  # is what comes before the aside
            if noun and not split:
                found.append({"intitule": Fact(upper_first(noun[0]), sentence, COPIED),
                              "detail": Fact(without_final_period(noun[1]), sentence, COPIED)})
                continue
            if not split:
                continue
            subject, verb, rest = split
            found.append({"intitule": Fact(upper_first(strip_article(subject)), sentence, COPIED),
                          "detail": Fact(predicate(verb, rest), sentence, COPIED)})
        if found:
            items = found
        elif parts[1:]:  # sentences after the summary, none read as « La X permet… »
            items = [{"intitule": Missing(f"une mission, d'après : « {parts[1][:90]}… »"),
                      "detail": Missing("ce que la mission permet de faire, d'après la même phrase")}]
    if precision:
        definition["precision"] = copied(precision)
    return definition, items


# -- soft skills -----------------------------------------------------------------------------------
_WITH_PURPOSE = re.compile(r"(?:^|,? et )((?:la |le |les |l')?[^,]+?), (?:pour|afin de|afin d') ?([^,]+)")


# A quality written with a capital letter inside a sentence (« la Rigueur », « l'Esprit d'équipe », « le Sens
# du contact », « Esprit critique ») : the capitalised word, then « de/du/des/d'/au/aux + word », « -word » or
# an adjective in -ique/-if/-ive/-el/-al, nothing else (the verb after it is left).
_CAPITALISED_QUALITY = re.compile(
    r"(?<![\w(/-])([A-ZÀ-Þ][a-zà-ÿ]+(?:-[a-zà-ÿ]+)?(?:\s+(?:de la\s+|de l'|de\s+|du\s+|des\s+|au\s+|aux\s+|d')"
    r"[a-zà-ÿ]+|\s+[a-zà-ÿ]+(?:ique|if|ive|el|elle|al|ale))?)(?![\w(])")
# Capitalised words that open a sentence or a clause without being a quality.
_NOT_QUALITIES = {"la", "le", "les", "l", "un", "une", "ces", "ce", "cette", "cote", "pour", "enfin", "notez",
                  "il", "elle", "elles", "ils", "on", "au", "aux", "dans", "avec", "sur", "en", "de", "des", "du",
                  "par", "sans", "tandis", "quant", "ainsi", "face", "lors", "qualites", "soft", "skills"}


def capitalised_qualities(paragraph: str, name: Optional[str]) -> List[Tuple[str, str]]:
    """(quality, sentence) of each quality a soft-skills paragraph writes with a capital letter, once each:
    « La Ponctualité, la Discrétion et l'Esprit d'équipe complètent le profil. », « … mobilise Curiosité,
    Esprit critique et Rigueur. »."""
    found, seen = [], set()
    title_words = set(re.findall(r"[a-z]+", fold(name or "")))
    for sentence in sentences(paragraph):
        for match in _CAPITALISED_QUALITY.finditer(sentence):
            quality = match.group(1)
            first = fold(quality.split()[0].split("-")[0])
            if first in _NOT_QUALITIES or first in title_words or fold(quality) in seen:
                continue
            if match.start(1) == 0 and not re.match(r"\s*(?:,|et\b)", sentence[match.end(1):]):
                continue  # a sentence's first word is a quality only in a list (« Vigilance et Maîtrise de soi »)
            seen.add(fold(quality))
            found.append((quality, sentence))
    return found


# The opening of a paragraph on qualities whose wording the sections above do not know: « Le métier de X fait
# appel à des qualités humaines … », « Pour exercer comme X, il faut allier Créativité et … », « X doit réunir
# plusieurs soft skills : … » (on the folded first sentence).
_QUALITIES_OPENING = re.compile(r"\bqualites\b|\bsoft skills\b|\bsavoir-etre\b|\bil faut allier\b|"
                                r"\bdoit (?:reunir|allier|faire preuve|posseder)\b")


# « X mobilise la Rigueur, … » : a quality written with a capital right after « mobilise ».
_MOBILISES_QUALITY = re.compile(r"\bmobilisen?t? (?:la |le |l'|l’)?[A-ZÀ-Þ][a-zà-ÿ]")


def qualities_paragraph(fiche: Fiche, name: Optional[str]) -> Optional[str]:
    """The first paragraph no section took that opens on qualities and names two of them with a capital."""
    for index, (paragraph, section) in enumerate(zip(fiche.paragraphs, fiche.sections)):
        first = sentences(paragraph)[0]
        opens = _QUALITIES_OPENING.search(fold(first)) or _MOBILISES_QUALITY.search(first)
        if section is None and opens and len(capitalised_qualities(paragraph, name)) >= 2:
            fiche.used.add(index)
            return paragraph
    return None


def soft_skills(fiche: Fiche, name: Optional[str] = None):
    paragraph = fiche.first("soft") or qualities_paragraph(fiche, name)
    qualities = []
    rest = sentences(paragraph)[1:] if paragraph else []
    for sentence in rest:
        sentence = without_enfin(sentence)
        folded = fold(sentence)
        matches = list(_WITH_PURPOSE.finditer(folded))
        if matches:  # « Adaptabilité, pour ajuster…, et Communication, pour transmettre…, sont centrales »
            for match in matches:
                quality = strip_article(sentence[match.start(1): match.end(1)])
                detail = without_final_period(sentence[match.start(2): match.end(2)])
                qualities.append({"nom": Fact(upper_first(quality), sentence), "detail": Fact(detail, sentence)})
            continue
        split = split_at_verb(sentence)
        if not split:
            continue
        subject, verb, rest = split
        for quality in re.split(r",\s+|\s+et\s+(?=(?:la |le |les |l')?\S)", subject):
            quality = strip_article(quality)
            if quality:
                qualities.append({"nom": Fact(upper_first(quality), sentence),
                                  "detail": Fact(predicate(verb, rest), sentence)})
    capitalised = capitalised_qualities(paragraph, name) if paragraph else []
    # « La Curiosité pousse à explorer… » has no verb the importer knows: a « name » of more than four words is
    # a sentence, and the qualities are then the capitalised words of the paragraph.
    read = len(qualities) >= 2 and all(len(q["nom"].value.split()) <= 4 for q in qualities)
    if len(capitalised) >= 2 and (not read or len(capitalised) > len(qualities)):
        qualities = [{"nom": Fact(quality, sentence), "detail": Fact(without_final_period(sentence), sentence)}
                     for quality, sentence in capitalised]
    if qualities:
        section = {"qualites": qualities}
    elif rest:  # the fiche names qualities in sentences the importer could not read
        section = {"qualites": [{"nom": Missing(f"une qualité (soft skill), d'après : « {rest[0][:90]}… »"),
                                 "detail": Missing("à quoi elle sert dans le métier, d'après la même phrase")}]}
    else:
        section = {"qualites": Absent("la fiche ne nomme aucune qualité (soft skill)")}
    return with_precision(section, fiche, "soft_precision")


# -- hard skills -----------------------------------------------------------------------------------
def known_skill_ids() -> List[str]:
    """Skill ids the NLU already recognises (entity « competence » of data/nlu), to reuse them."""
    folder = NLU
    ids = set()
    for path in folder.glob("*.yml"):
        ids.update(re.findall(r'"entity": ?"competence", ?"value": ?"(\w+)"', path.read_text(encoding="utf-8")))
    return sorted(ids, key=len, reverse=True)


def skill_id(name: str, known: List[str]) -> str:
    own = identifier(name)
    for other in known:
        if set(other.split("_")) <= set(own.split("_")):
            return other
    return own


def hard_skills(fiche: Fiche):
    scores = []
    # « 85 | Rédaction », then the line of its keywords (a paragraph of no section).
    for line, keywords_line in fiche.take("score", lambda _, section: section is None):
        match = re.match(r"^(\d{0,3})\s*\|\s*(.*)$", line)
        scores.append((match.group(1), match.group(2).strip(), line, keywords_line))

    paragraph = fiche.first("hard")
    details = [without_enfin(s) for s in sentences(paragraph)[1:]] if paragraph else []
    known = known_skill_ids()
    skills, unmatched = [], []
    for score, name, line, keywords_line in scores:
        skill = {"id": Fact(skill_id(name, known), name, FORM) if name else Missing(
                     "un identifiant en minuscules, sans accent ni espace (par exemple redaction)"),
                 "nom": Fact(name, line) if name else Missing(f"le nom de la compétence notée « {line} »"),
                 "score": Fact(int(score), line, NUMBER) if score else Missing(
                     f"la note sur 100 de la compétence « {name} », en chiffres"),
                 "mots_cles": Absent("la fiche ne donne pas de mots-clés pour cette compétence"),
                 "detail": Absent("la fiche n'a pas de phrase sur cette compétence"), "score_line": line}
        keywords = [k.strip() for k in re.sub(r"(\.\.\.|…)\s*$", "", keywords_line).split(",") if k.strip()]
        if keywords:
            skill["mots_cles"] = Fact(keywords, keywords_line, NAMES)
        wanted = set(content_words(name))
        for sentence in details:
            if name and wanted and wanted <= set(content_words(sentence)):
                skill["detail"] = Fact(lower_first(without_final_period(sentence)), sentence)
                details.remove(sentence)
                break
        else:
            unmatched.append(skill)
        skills.append(skill)
    # One skill and one sentence left: they go together (the sentence may name it differently).
    if len(unmatched) == 1 and len(details) == 1 and not isinstance(unmatched[0]["nom"], Missing):
        sentence = details.pop()
        unmatched[0]["detail"] = Fact(lower_first(without_final_period(sentence)), sentence, COPIED,
                                      "seule phrase restante de la fiche, rattachée à cette compétence : vérifiez")
    if details:  # sentences of the fiche on skills that no skill took: each unmatched skill may be one of them
        fewer = len(details) < len(unmatched)  # then some skill has no sentence: its line is to be deleted
        for skill in unmatched:
            label = skill["nom"].value if isinstance(skill["nom"], Fact) else skill["score_line"]
            skill["detail"] = Missing(f"la phrase de la fiche sur « {label} », après « Les hard skills… »" + (
                " ; si la fiche n'en a pas pour cette compétence, supprimez cette ligne" if fewer else ""))
    for skill in skills:
        del skill["score_line"]
    if skills:
        section = {"competences": skills}
    elif paragraph and details:  # sentences on skills, but no « 90 | Nom » line
        section = {"competences": [{
            "id": Missing("identifiant de la compétence"), "nom": Missing("nom de la compétence"),
            "score": Missing("note sur 100 (la fiche écrit « 90 | Nom »)"),
            "detail": Missing(f"ce que la compétence permet, d'après : « {details[0][:90]}… »")}]}
    else:
        section = {"competences": Absent("la fiche ne note aucune compétence technique (hard skill)")}
    return with_precision(section, fiche, "hard_precision")


# -- diploma and its paths -------------------------------------------------------------------------
# French RNCP levels (« diplôme de niveau 4 ») as years of study after the bac (3 = CAP, 4 = bac…).
_RNCP_LEVELS = {3: -1, 4: 0, 5: 2, 6: 3, 7: 5, 8: 8}
# A level written in a diploma's paragraph: « Bac+3 », « de niveau 4 », « équivalent au baccalauréat ».
_LEVEL = re.compile(r"\bbac ?\+ ?(?P<plus>\d)\b|\bniveau (?P<rncp>[3-8])\b(?! ?\+)"
                    r"|\bequivalent (?:au |a un |a )?(?P<bac>bac(?:calaureat)?|cap)\b")
# The words that end a diploma's name in « Le BTS Bâtiment forme à … », « Le CAP Boulanger se prépare … ».
_NAME_END = VERBS | set("""forme forment approfondit approfondissent constitue suffit suffisent associe associent
ajoute reste restent depasse se s n ne vise delivre combine conjugue devient ouvre integre atteste alterne
transmet confere peut peuvent""".split())
# After a comma, the words that open a clause about the diploma rather than continue its name
# (« Le Master Finance, notamment … », « Le BTS MOS, de niveau Bac +2, … »).
_CLAUSE_AFTER_COMMA = set("""de d du des notamment obtenu obtenue delivre delivree prepare preparee en dans
equivalent accessible plus tres qui il elle ce c par pour avec apres sans a au aux le la les un une lui surtout
puis mais donc souvent generalement parfois seul seule""".split())
# What a fiche says of a diploma for the profession, strongest first (on the folded paragraph, negations
# such as « n'est pas exigé » taken out before the « requis » cues are read).
_NOT_NEEDED = re.compile(r"(?:n'est pas (?:\w+ )?|\bsans (?:[\w']+ ){0,3})(?:necessaire|exigee?|requise?|obligatoire|indispensable)")
_STATUS_CUES = [
    (NOT_ENOUGH_ALONE, r"ne suffi(?:t|sent) (?:\w+ )?pas|insuffisante?|etape (?:initiale|intermediaire)|"
                       r"premiere etape|a completer|doit etre completee?|ne permett?e?n?t?(?: pas)?,? (?:a lui seul|seule?)|"
                       r"necessite une poursuite|poursuite d'etudes (?:\w+ ){0,3}est necessaire|ne remplacent? en aucun cas"),
    (REQUIRED, r"\bobligatoire\b|\bexigee?s?\b|\bexigent\b|\brequise?s?\b|\bindispensable\b|autorise l'exercice"),
    (REFERENCE, r"\b(?:niveau|diplome|voie) de reference\b|\bniveau attendu\b"),
    (TO_EVOLVE, r"pour evoluer|voie d'evolution|evoluer (?:\w+ )?vers|\butile pour\b"),
    (SUFFICIENT, r"\bsuffi(?:t|sent)\b|\bpermett?e?n?t? (?:\w+ ){0,3}?(?:d'exercer|d'acceder|d'occuper)|"
                 r"\bouvre (?:\w+ ){0,3}l'acces\b|\begalement accepte"),
]
_GENERAL = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:est|sont) (?:un|une|le|la|delivre)\b")
_OPENING = re.compile(r"^(?:le |la |l'|les |un |une |ce |seul )?(?:niveau )?")


def path_status(text: str) -> Optional[Tuple[str, str]]:
    """(status, sentence that says it) of what a diploma's paragraph says of it for the profession."""
    for status, cue in _STATUS_CUES:
        for sentence in sentences(text):
            folded = fold(sentence)
            if status == REQUIRED:
                folded = _NOT_NEEDED.sub("", folded)
            if re.search(cue, folded):
                return status, sentence
    return None


def level_written_in(text: str, kind: Optional[str]) -> Optional[Tuple[int, str]]:
    """(level, sentence) of the first level a diploma's text gives for it, not another diploma's: a level
    after another diploma's name in the same sentence is that diploma's."""
    phrases = [(level, fold(phrase)) for level, items in project_diplomas().words.etudes.items() for phrase in items]
    for sentence in sentences(text):
        folded = fold(sentence)
        found = [(m.start(), m) for m in _LEVEL.finditer(folded)]
        found += [(m.start(), level) for level, phrase in phrases
                  for m in re.finditer(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", folded)]
        for start, match in sorted(found, key=lambda item: item[0]):
            others = [m for m in project_diplomas().mentions(sentence) if m.kind and m.kind != kind and m.end <= start
                      and m.kind not in ("bac",)]
            if others:
                continue
            if isinstance(match, int):
                return match, sentence
            if match.group("plus"):
                return int(match.group("plus")), sentence
            if match.group("rncp"):
                return _RNCP_LEVELS[int(match.group("rncp"))], sentence
            return (0 if match.group("bac").startswith("bac") else -1), sentence
    return None


def path_name(paragraph: str, start: int) -> str:
    """The diploma's name as the fiche writes it, from `start` up to the verb or the clause that follows."""
    first = sentences(paragraph[start:])[0]
    tokens = list(re.finditer(r"\([^)]*\)|[^\s,()]+|,", first))
    words: List[str] = []
    for index, token in enumerate(tokens):
        text = token.group(0)
        folded = fold(text).split("'")[0]
        if text == ",":
            after = fold(tokens[index + 1].group(0)).split("'")[0] if index + 1 < len(tokens) else ""
            if not after or after in _CLAUSE_AFTER_COMMA or after in _NAME_END:
                break
            words.append(",")
            continue
        if words and folded in _NAME_END and not text[:1].isupper():
            break
        if text.startswith("(") and len(text.split()) >= 3:
            continue  # « (Bachelor universitaire de technologie) » spells the acronym out
        words.append(text)
    return without_final_period(" ".join(words).replace(" ,", ","))


def diploma_paragraph(paragraph: str) -> Optional[Tuple[Any, int]]:
    """(mention, start) when a paragraph opens on a diploma: « Le BTS … », « La Licence … », « Le niveau BTS … »."""
    folded = fold(paragraph)
    opening = _OPENING.match(folded).end()
    found = [m for m in project_diplomas().mentions(paragraph) if m.kind]
    if found and found[0].start == opening:
        return found[0], opening
    return None


def diploma_paths(fiche: Fiche, name: Optional[str], skipped: set) -> List[dict]:
    """The diploma paths of the fiche, each with its name, level and status as the fiche says them. A general
    paragraph on a kind of diploma (« Le CAP est un diplôme de niveau 3 … ») goes with the next path of that
    kind. A path whose status the fiche does not give is left out (its paragraphs reported unused)."""
    read = []  # (index, kind, name, start, general?)
    for index, (paragraph, section) in enumerate(zip(fiche.paragraphs, fiche.sections)):
        if index in skipped or section not in (None, "bts_general", "bts_metier", "bachelor_general",
                                               "bachelor_metier", "mastere_general", "mastere_metier"):
            continue
        opening = diploma_paragraph(paragraph)
        if not opening:
            continue
        mention, start = opening
        label = path_name(paragraph, start)
        kinds = list(dict.fromkeys(m.kind for m in project_diplomas().mentions(label) if m.kind and m.kind != "bac"))
        general = bool(_GENERAL.match(fold(paragraph[start + len(label):]))) and \
            len(content_words(label)) <= len(content_words(paragraph[mention.start:mention.end])) + 1
        read.append((index, mention.kind, label, kinds, general))
    paths, attached = evolving_paths(fiche, skipped), set()
    for position, (index, kind, label, kinds, general) in enumerate(read):
        if general and any(k == kind and not g for _, k, _, _, g in read[position + 1:]):
            continue  # read with the next path of its kind
        paragraph = fiche.paragraphs[index]
        before = next((i for i, k, _, _, g in reversed(read[:position]) if g and k == kind and i not in attached), None)
        status = path_status(paragraph)
        if status is None:
            continue
        texts = [fiche.paragraphs[before]] if before is not None else []
        level = level_written_in(paragraph, kind) or (level_written_in(texts[0], kind) if texts else None)
        names = [(label, kind)]
        if len(kinds) > 1 and fold(paragraph).startswith("les "):  # « Les BTS … et les Bachelors … ne permettent pas »
            names = [(project_diplomas().kind_name(k), k) for k in kinds]
        for label_, kind_ in names:
            entry = {"nom": Fact(upper_first(label_), paragraph, COPIED if len(names) == 1 else FORM),
                     "niveau": Absent("la fiche ne donne pas le niveau de ce diplôme"),
                     "statut": Fact(status[0], status[1], DEDUCED, "la fiche : « " + status[1] + " »")}
            own_level = level if len(names) == 1 else None
            if own_level is not None:
                entry["niveau"] = Fact(own_level[0], own_level[1], DEDUCED, "la fiche : « " + own_level[1] + " »")
            elif project_diplomas().level_of(kind_) is not None:
                entry["niveau"] = Fact(project_diplomas().level_of(kind_), paragraph, DEDUCED,
                                       f"niveau habituel d'un diplôme « {project_diplomas().kind_name(kind_)} » (knowledge/diplomes.yml) : "
                                       "vérifiez-le")
            entry["en_bref"] = Fact(lower_first(without_final_period(status[1])), status[1], COPIED,
                                    "lu après « {nom} ({niveau}) : » : raccourcissez si besoin")
            if texts:
                entry["general"] = copied(texts[0])
            entry["pour_ce_metier"] = copied(paragraph)
            paths.append(entry)
        fiche.used.add(index)
        if before is not None:
            fiche.used.add(before)
            attached.add(before)
    return paths


def evolving_paths(fiche: Fiche, skipped: set) -> List[dict]:
    """« Pour évoluer, le Diplôme d'État de X, de niveau 4, permet … Le Diplôme d'État de Y, de niveau Bac +3,
    ouvre … » : each sentence that opens on a diploma is a path, `utile_pour_evoluer` unless its own sentence
    says otherwise. The paragraph is then read as paths, not as continuing education."""
    paths = []
    for index, (paragraph, section) in enumerate(zip(fiche.paragraphs, fiche.sections)):
        lead = re.match(r"^pour (?:evoluer|progresser)[^,.]*,\s*", fold(paragraph))
        if index in skipped or section not in (None, "formation_continue") or not lead:
            continue
        found = []
        for number, sentence in enumerate(sentences(paragraph)):
            text = sentence[lead.end():] if number == 0 else sentence
            opening = diploma_paragraph(text)
            if not opening:
                continue
            mention, start = opening
            status = path_status(text) or (TO_EVOLVE, sentences(paragraph)[0])
            entry = {"nom": Fact(upper_first(path_name(text, start)), paragraph),
                     "niveau": Absent("la fiche ne donne pas le niveau de ce diplôme"),
                     "statut": Fact(status[0], status[1], DEDUCED, "la fiche : « " + status[1] + " »")}
            level = level_written_in(text, mention.kind)
            if level is not None:
                entry["niveau"] = Fact(level[0], level[1], DEDUCED, "la fiche : « " + level[1] + " »")
            elif project_diplomas().level_of(mention.kind) is not None:
                entry["niveau"] = Fact(project_diplomas().level_of(mention.kind), sentence, DEDUCED,
                                       f"niveau habituel d'un diplôme « {project_diplomas().kind_name(mention.kind)} » "
                                       "(knowledge/diplomes.yml) : vérifiez-le")
            entry["en_bref"] = Fact(lower_first(without_final_period(sentence)), sentence, COPIED,
                                    "lu après « {nom} ({niveau}) : » : raccourcissez si besoin")
            entry["pour_ce_metier"] = copied(sentence, paragraph)
            found.append(entry)
        if found:
            paths += found
            fiche.used.add(index)
            fiche.diploma_paragraphs.add(index)
    return paths


def diploma_and_paths(fiche: Fiche, name: Optional[str]):
    """`diplome` (the fiche's answer to « faut-il un Bac+5 ? », the diplomas it says suffice, its remark) and
    `parcours`. The paragraph right after the answer is the fiche's word on the diplomas (« Un CAP suffit … »)."""
    answers = [i for i, s in enumerate(fiche.sections) if s == "diplome_reponse"]
    routes = [i + 1 for i in answers if i + 1 < len(fiche.paragraphs) and fiche.sections[i + 1] in (None, "diplome_voie")]
    routes += [i for i, s in enumerate(fiche.sections) if s == "diplome_voie" and i not in routes]
    fiche.used.update(answers + routes)
    diploma = {"reponse": Absent("la fiche ne répond pas à « faut-il un Bac+5 ? »"),
               "voie": Absent("la fiche ne dit pas quels diplômes mènent au métier")}
    if answers:
        diploma["reponse"] = copied(fiche.paragraphs[answers[0]])
    if routes:
        diploma["voie"] = copied(fiche.paragraphs[sorted(routes)[0]])
    intro = fiche.all("formations_intro")
    if intro:
        diploma["precision"] = Fact(" ".join(intro), "\n".join(intro), COPIED)
    paths = diploma_paths(fiche, name, set(answers + routes))
    return diploma, paths or Absent("la fiche ne dit d'aucun diplôme ce qu'il vaut pour ce métier")


def work_study(fiche: Fiche) -> Optional[Fact]:
    found = [s for p in fiche.paragraphs for s in sentences(p) if "alternance" in fold(s)]
    found = list(dict.fromkeys(found))
    return Fact(" ".join(found), "\n".join(found), COPIED) if found else None


# -- stepping stones, tools, constraints ------------------------------------------------------------
_GENDERED = re.compile(rf"\b({MARK.pattern})", re.I)
_NOT_A_JOB = {"un(e)", "futur(e)", "candidat(e)", "le/la", "il/elle", "interesse(e)", "specialise(e)",
              "certain(e)", "professionnel(le)"}  # people (« certain(e)s professionnel(le)s »), not a job held


# Words that introduce the job held before this one, in the first clause of a stepping-stone paragraph.
_JOB_CUE = re.compile(r"\b(?:comme|en tant que?|en tant qu'|(?:poste|emploi|fonctions|experience|stage|passage)s?"
                      r" (?:de |d'|comme ))\s*")


def _position_at(sentence: str, start: int) -> Optional[str]:
    """The job named from `start` to the first comma or verb: « Animateur(trice) nature, le/la… », « Commis de
    cuisine habitue aux horaires … » (any conjugated verb, from the verb tables)."""
    clause = sentence[start:].split(",")[0].strip()
    split = split_at_verb(clause, lexicon=True)
    position = (split[0] if split else clause).strip()
    return without_final_period(position) or None


def stepping_stone(paragraph: str, name: Optional[str], jobs_in_fiche: Iterable[str]):
    first = sentences(paragraph)[0]
    title_folded = fold(name or "\0")
    folded = fold(first)
    # « En travaillant comme X, », « Un poste de X permet », « Après quelques années comme X, »,
    # « L'expérience de X apporte », « L'exercice des fonctions d'X expose » : the cue, in the first clause.
    cue = _JOB_CUE.search(folded.split(",")[0])
    if cue:
        position = _position_at(first, cue.end())
        if position and not title_folded.startswith(fold(position)):  # the profession itself is no stepping stone
            return Fact(upper_first(position), first, COPIED)
    for match in _GENDERED.finditer(first):
        word = fold(match.group(1))
        if word in _NOT_A_JOB:
            continue
        position = _position_at(first, match.start())
        if position and title_folded.startswith(fold(position)):
            continue
        return Fact(position, first, COPIED) if position else None
    # « En assistant dans la gestion de projets…, le/la candidat(e) apprend » : the job named by the gerund.
    match = re.match(r"^en (\w+ant) (.+?),", folded)
    if match:
        gerund = match.group(1)
        for job in jobs_in_fiche:
            if fold(job).startswith(gerund + "("):
                position = job + " " + first[match.start(2): match.end(2)]
                return Fact(position, first, FORM, f"intitulé reconstitué à partir de « {first[:match.end(2)]} » : "
                                                "relisez-le")
    return None


def experiences(fiche: Fiche, name: Optional[str]):
    """The jobs that prepare for the profession. A paragraph that names no job (« Pratiquer soi-même un sport … »)
    is left out: never a title to write; it is in the report of the passages no field took."""
    jobs = list(dict.fromkeys(m.group(1) for m in _GENDERED.finditer(fiche.text)
                              if fold(m.group(1)) not in _NOT_A_JOB))
    found = []
    for index, (paragraph, section) in enumerate(zip(fiche.paragraphs, fiche.sections)):
        if section != "experience":
            continue
        position = stepping_stone(paragraph, name, jobs)
        if position is None:
            continue  # not taken: reported unused
        fiche.used.add(index)
        parts = sentences(paragraph)
        read = contribution(parts, str(position.value), name)
        if read:  # read after « {poste} : pour », followed by the paragraph's other sentences as they are
            phrase, index = read
            others = [s for i, s in enumerate(parts) if i not in (0, index)]
            value = phrase + ("".join(". " + s.rstrip(".") for s in others) + "." if others else "")
            brings = Fact(value, "\n".join(parts[i] for i in sorted({0, index})) + "".join("\n" + s for s in others),
                          FORM, "réécrit à l'infinitif à partir de la fiche : relisez-le")
        else:  # the fiche's sentences as they are, shown after « {poste} : »
            brings = Fact(paragraph if paragraph.rstrip()[-1:] in ".!?" else paragraph + ".", paragraph, COPIED)
        found.append({"poste": position, "apport": brings})
    return found or Absent("la fiche ne cite aucun poste qui prépare au métier")


def _tool_items(intro: str) -> List[Tuple[str, str]]:
    """(name, sentence) of each tool category the introduction lists: « Les outils de A, de B et de C… »."""
    items = []
    for sentence in sentences(intro):
        folded = fold(sentence)
        for match in re.finditer(r"\b(outils|solutions|logiciels) (de .+?) (?=" + "|".join(sorted(VERBS)) + r")\b",
                                 folded):
            kind = sentence[match.start(1): match.end(1)]
            for part in re.finditer(r"(?:^|, | et )(de |d')(.+?)(?=, d| et d|$)", folded[match.start(2): match.end(2)]):
                start = match.start(2) + part.start(1)
                end = match.start(2) + part.end(2)
                items.append((upper_first(kind) + " " + sentence[start:end], sentence))
    return items


# A sentence that lists tools (on the folded text): « X utilise (au quotidien) … », « X travaille avec … : a, b »,
# « Les a, b et c composent son environnement », « Les outils de X sont surtout des équipements : a, b ».
_TOOLS_AFTER = re.compile(
    r"\b(?:utilise|utilisent|manie|manient|emploie|emploient|travaillen?t? (?:principalement |surtout |essentiellement "
    r"|notamment |aussi |egalement |au quotidien |d'abord )?(?:avec|sur)|"
    r"s'appuie sur|s'appuient sur)\b(?: (?:au quotidien|surtout|aussi|egalement|principalement|notamment|"
    r"couramment|d'abord))*\s*(?:[^:,]{0,90}?:\s*)?"
    r"|^(?:les |ses )?(?:principaux |principales )?(?:outils|equipements|logiciels|instruments)\b[^:]{0,80}?(?<! ne) sont "
    r"(?:surtout |principalement |avant tout |d'abord )?(?:des (?:equipements|outils|logiciels) ?: ?)?")
_TOOL_WORDS = r"\b(?:outils?|outillages?|logiciels?|materiels?|equipements?|instruments?|appareils?|machines?)\b"
# (the object is the work as a whole: « … structurent les actions de dépistage » lists no tool)
_TOOLS_BEFORE = re.compile(r"^(.+?) (?:composent|structurent|constituent|forment|completent) (?:(?:son|leur|le|les) |l')?"
                           r"(?:environnement|equipement|outillage|quotidien|travail|poste|materiel|outils)")
# Where a tool's name ends inside its item: « un terminal embarqué relié au service … », « … pour la manutention ».
_TOOL_END = re.compile(r"\s+(?:pour|qui|que|afin|relie|reliee|relies|reliees|selon|lors|tres|apprecie|appreciee)\b"
                       r"|\s*,\s*(?:qui|tres|apprecie)\b")
_NAMES_IN = re.compile(r"\(([^)]*)\)|\bcomme (.+)$")


def _split_protected(text: str) -> List[str]:
    """The items of a list, the commas inside parentheses kept (« les logiciels de DAO (AutoCAD, Revit) »)."""
    protected = re.sub(r"\([^)]*\)", lambda m: m.group(0).replace(",", "\0"), text)
    head = _ARTICLE if re.match(_ARTICLE, fold(protected)) else r""
    return [item.replace("\0", ",") for item in listed_items(protected, head)]


def tool_items(sentence: str) -> List[str]:
    """The tools a sentence lists, each as the fiche writes it, without its article; the proper names a
    parenthesis or « comme » gives stand for the kind they illustrate (« bases de données comme Légifrance, Navis »)."""
    folded = fold(without_final_period(sentence))
    text = None
    after = _TOOLS_AFTER.search(folded)
    if after and "s'appuie" in after.group(0) and not re.search(_TOOL_WORDS, folded):
        after = None  # « s'appuie sur l'Écoute et la Patience » : qualities, not tools
    if after:
        text = without_final_period(sentence)[after.end():]
    else:
        before = _TOOLS_BEFORE.match(folded)
        if before:  # « Git assure …, tandis que les plateformes et les outils complètent … » : the last clause
            text = re.split(r",?\s+(?:tandis|alors|pendant) que\s+", sentence[before.start(1):before.end(1)])[-1]
    if not text:
        return []
    # « la scie et, dans les entreprises les mieux équipées, des machines … » : the aside is no tool
    text = re.sub(r"\bet,\s+(?:dans|en|selon|pour|chez|sur|avec|parfois|souvent)\b[^,]*,\s*", "et ", text)
    text = re.split(r",?\s+ainsi que\s+(?=(?:le|la|les|l'|un|une|des|du)\b)", text)
    items = [item for part in text for item in _split_protected(part.strip())]
    found = []
    capitals = sum(1 for i in items if i[:1].isupper())
    for item in items:
        names = _NAMES_IN.search(item)
        if names and len(re.split(r",\s*|\s+ou\s+|\s+et\s+", names.group(1) or names.group(2))) >= 2:
            found += [n.strip() for n in re.split(r",\s*|\s+ou\s+|\s+et\s+", names.group(1) or names.group(2)) if n.strip()]
            continue
        end = _TOOL_END.search(fold(item))
        item = strip_article(item[:end.start()] if end else item).strip(" ,")
        item = re.sub(r"^(?:des |du |de la |de l'|ses |son |sa |leurs? )", "", item, flags=re.I)
        if not item or (capitals * 2 > len(items) and not re.search(r"\b[A-ZÀ-Þ]", item)):
            continue  # « très présent à la télévision » between two software names
        if re.match(r"(?:a|au|aux|en|sur|dans)\b", fold(item)):
            continue
        found.append(item)
    return found if len(found) >= 2 else []


def tools_as_subjects(paragraph: str) -> List[Tuple[str, str]]:
    """(tool, sentence) of a paragraph that opens on the tools as a whole (« Les outils occupent une place
    essentielle … ») then names them as the subjects of its clauses: « Python et R sont les langages …, SQL sert
    à …, et des bibliothèques comme scikit-learn ou PyTorch permettent … ». Nothing unless two are named."""
    parts = sentences(paragraph)
    if not parts or not re.search(_TOOL_WORDS, fold(parts[0])):
        return []
    found = []
    for sentence in parts[1:]:
        for clause in re.split(r",?\s+tandis\s+que\s+|,\s+(?:et\s+)?|\s*;\s*", without_final_period(sentence)):
            split = split_at_verb(clause, lexicon=True)
            if not split or not split[0] or len(split[0].split()) > 6:
                continue
            names = _NAMES_IN.search(split[0])
            if names:  # « des bibliothèques comme scikit-learn ou PyTorch » : the names
                items = re.split(r",\s*|\s+ou\s+|\s+et\s+", names.group(1) or names.group(2))
            else:
                items = re.split(r"\s+et\s+|\s+ou\s+", split[0])
            found += [(strip_article(item.strip()), sentence) for item in items if strip_article(item.strip())]
    return found if len(found) >= 2 else []


_INFINITIVE_AHEAD = r"(?=(?:se |s')?[^\W\d_]+(?:er|ir|re)\b)"


def infinitives_alone(rest: str) -> str:
    """What « permettent de … », « servent à … » lead to, shown after « Outils de X : »: the infinitives without
    their « de » / « à », each one (« à dessiner …, à présenter … et à préparer … » -> « dessiner …, présenter …
    et préparer … »)."""
    lead = re.match(r"^(?:de |d'|à )" + _INFINITIVE_AHEAD, rest)
    if not lead:
        return rest
    marker = r"(?:de |d')" if lead.group(0) != "à " else r"à "
    return re.sub(r"(,| et| ou) " + marker + _INFINITIVE_AHEAD, r"\1 ", rest[lead.end():])


def tools(fiche: Fiche, name: Optional[str]):
    categories, unnamed = [], []
    for paragraph in fiche.all("outils_categorie"):
        first = sentences(paragraph)[0]
        folded = fold(first)
        match = re.match(r"^les ((?:outils|solutions|logiciels) (?:de |d').+?) (?:permett?ent?|facilitent|servent|aident)\b",
                         folded)
        if not match:
            unnamed.append(paragraph)
            continue
        label = upper_first(first[match.start(1): match.end(1)])
        rest = first[match.end():]
        if name and fold(name) in fold(rest):
            rest = rest[fold(rest).index(fold(name)) + len(name):]
        rest = re.sub(r"^\s*(?:au/à la|au/a la|au|à la|a la|aux)?\s*", "", rest)
        rest = infinitives_alone(rest.strip())
        detail = " ".join([without_final_period(rest) + "."] + sentences(paragraph)[1:])
        # « à présenter … et à préparer » became « présenter … et préparer »: built from the fiche's words
        rewritten = squash(without_final_period(rest)) not in squash(first)
        categories.append({"nom": Fact(label, first), "detail": Fact(
            without_final_period(detail), paragraph, *((FORM, "réécrit à l'infinitif : relisez-le") if rewritten else ()))})
    intro = fiche.first("outils_intro")
    listed = _tool_items(intro) if intro else []
    named = " ".join(fold(c["nom"].value) for c in categories)
    remarks = []
    for paragraph in unnamed:  # « Ces outils sont cruciaux pour… » : which category of the introduction?
        candidates = [(label, s) for label, s in listed if fold(label).split(" ", 1)[1] not in named
                      and set(content_words(label)) - {"outil", "solution", "logiciel"}
                      <= set(content_words(paragraph))]
        if len(candidates) == 1:
            label, sentence = candidates[0]
            categories.append({"nom": Fact(label, sentence, FORM,
                                           f"nom pris dans l'introduction des outils (« {sentence} ») : vérifiez"),
                               "detail": Fact(without_final_period(paragraph), paragraph)})
        elif tools_as_subjects(paragraph):  # « Les outils occupent une place … Python et R sont …, SQL sert … »
            for item, sentence in tools_as_subjects(paragraph):
                categories.append({"nom": Fact(upper_first(item), sentence),
                                   "detail": Fact(without_final_period(sentence), sentence)})
        elif tool_items(paragraph):
            remarks.append(paragraph)  # « Les outils de X sont surtout des équipements : a, b » : read below
        else:  # a remark on the tools as a whole, no tool named: the rubrique's precision
            remarks.append(paragraph)
    for category in categories:  # a category the introduction names: the introduction is read for it too
        name_ = category["nom"]
        for label, sentence in listed:
            # « Les solutions de veille stratégique soutiennent … » is about « Outils de veille stratégique »
            if isinstance(name_, Fact) and set(content_words(label)) - {"outil", "solution", "logiciel"} \
                    <= set(content_words(name_.value)) and sentence not in name_.evidence:
                name_.evidence += "\n" + sentence
    if not categories and listed:  # the introduction names categories, but no paragraph says what they are for
        categories = [{"nom": Fact(label, sentence, FORM), "detail": Fact(without_final_period(sentence), sentence)}
                      for label, sentence in listed]
    # Tools listed in a sentence (« X utilise a, b et c », « Les a, b et c composent son environnement »), each
    # with the paragraph of the fiche that opens on it, else the sentence that lists it.
    taken = {i for i, s in enumerate(fiche.sections) if s not in (None, "outils_intro", "outils_categorie")}
    for index, paragraph in enumerate(fiche.paragraphs):
        if index in taken:
            continue
        for sentence in sentences(paragraph):
            for item in tool_items(sentence):
                if any(fold(item) in fold(c["nom"].value) or fold(c["nom"].value) in fold(item)
                       for c in categories if isinstance(c["nom"], Fact)):
                    continue
                detail = Fact(without_final_period(sentence), sentence)
                for other, section in zip(fiche.paragraphs, fiche.sections):
                    if section in (None, "outils_categorie") and re.match(
                            r"(?:le |la |les |l')?" + re.escape(fold(item)) + r"\b", fold(other)):
                        detail = Fact(without_final_period(other), other)
                        break
                categories.append({"nom": Fact(upper_first(item), sentence), "detail": detail})
    if categories:
        section = {"categories": categories}
    else:
        section = {"categories": Absent("la fiche ne décrit aucune catégorie d'outils")}
    section = with_precision(section, fiche, "outils_precision")
    remarks = [r for r in remarks if not any(r in str(c["detail"].evidence) for c in categories
                                             if isinstance(c.get("detail"), Fact))]
    if remarks:
        own = section.get("precision")
        texts = ([own.value] if isinstance(own, Fact) else []) + remarks
        section["precision"] = Fact(" ".join(texts), "\n".join(([own.evidence] if isinstance(own, Fact) else [])
                                                               + remarks), COPIED)
    return section


# « contraintes liées à la X, aux Y et aux Z » / « contraintes telles que la X, le Y ou les Z » (folded text)
_CONSTRAINT_LIST = re.compile(r"\bcontraintes(?: [\w'/()-]+){0,9}?(?: (?:liees|dues|relatives|associees|propres)"
                              r" (?=(?:a|au|aux) )|,? (?:telles que|comme|notamment|parmi lesquelles) |\s?: ?|"
                              r",? (?:on (?:trouve|compte|peut citer)|figurent|citons) )")
# Where the list of a sentence stops: « …, ce qui demande… », « …, qui… ».
_LIST_END = re.compile(r",\s+(?=(?:ce|cela|ces|qui|elles?|il|ils|autant|toutes?|mais)\b)")
# Between two items: a comma, « et », « ou », « ainsi que », when the next item starts as the first one does.
_BETWEEN = r"(?:\s*,\s*(?:et\s+|ou\s+|ainsi\s+qu(?:e\s+|'))?|\s+(?:et|ou)\s+|\s+ainsi\s+qu(?:e\s+|'))"
_PREPOSITION = r"(?:a|au|aux)\b"
_ARTICLE = r"(?:la|le|les|l'|un|une|des|du|de la|de l'|leur|leurs|ses|son|sa)\b"
_INDEFINITE = r"(?:un|une|des)\b"


def listed_items(text: str, head: str) -> List[str]:
    """The items of « X, Y et Z » (also « ou », « ainsi que »), cut only where the next item starts with `head`
    (so « la gestion des stocks et des livraisons » stays one item when the items start with « à »)."""
    folded = fold(text)
    cuts = [0] + [m.end() for m in re.finditer(_BETWEEN + "(?=" + head + ")", folded)]
    starts = [m.start() for m in re.finditer(_BETWEEN + "(?=" + head + ")", folded)] + [len(text)]
    return [text[a:b].strip() for a, b in zip(cuts, starts) if text[a:b].strip()]


# The leading preposition of an item, and the article it becomes: « à la saisonnalité » -> « la saisonnalité »,
# « aux déplacements » -> « les déplacements », « au froid » -> « le froid » (on the folded item).
_PREPOSITION_ARTICLE = [(re.compile(r"^a (?=la |l'|des |une? )"), ""), (re.compile(r"^aux "), "les "),
                        (re.compile(r"^au "), "le "), (re.compile(r"^a "), "")]


def without_preposition(item: str) -> str:
    """The item read as a noun phrase, its own words kept as the fiche writes them (accents)."""
    for pattern, article in _PREPOSITION_ARTICLE:
        match = pattern.match(fold(item))
        if match:
            return article + item[match.end():]
    return item


_PREPOSITION_START = re.compile(r"(?:a|au|aux|de|des|du|d')\b|a l'")
_ADVERB = re.compile(r"^(?:parfois|souvent|surtout|notamment|meme|aussi|plus rarement)\s+")  # « et parfois au … »
_LEAD_IN = re.compile(r"^(?:sans oublier|ainsi que|mais aussi|et|enfin)\s+(?:(?:la|le|les|l')\s*)?", re.I)


def bare_items(text: str) -> List[str]:
    """The items of a list whose items have no article, cut at the commas only: « astreintes et interventions
    d'urgence » is one item. A part that opens on a preposition continues the item before it (« confrontation à
    la dépendance, à la maladie et à la fin de vie »); the last part is cut at its last « et » when what follows
    is another item, not a complement (« travail en extérieur et travail en hauteur », not « au gaz et à
    l'électricité »); a relative clause (« … qui impose … ») is not part of the item."""
    parts: List[str] = []
    for part in re.split(r"\s*,\s*", text):
        part = part.strip()
        if not part:
            continue
        if parts and _PREPOSITION_START.match(fold(part)):
            parts[-1] += ", " + part
        else:
            parts.append(part)
    if len(parts) >= 2 and not fold(parts[-1]).startswith("et "):
        last = parts[-1]
        cut = [m for m in re.finditer(r"\s+et\s+", last)
               if not _PREPOSITION_START.match(_ADVERB.sub("", fold(last[m.end():])))]
        if cut and len(parts) >= 2:
            parts[-1:] = [last[:cut[-1].start()], last[cut[-1].end():]]
    items = []
    for part in parts:
        part = _LEAD_IN.sub("", part).strip()
        part = re.split(r"\s+qui\s+", part)[0].strip()
        if part:
            items.append(part)
    return items


def constraints_in_one_sentence(paragraph: str) -> Optional[Tuple[List[str], str]]:
    """(items, sentence) of « contraintes liées à la X, aux Y et aux Z » or « contraintes telles que … »."""
    for sentence in sentences(paragraph):
        folded = fold(without_final_period(sentence))
        match = _CONSTRAINT_LIST.search(folded)
        if not match:
            continue
        text = without_final_period(sentence)[match.end():]
        end = _LIST_END.search(fold(text))
        text = text[: end.start()] if end else text
        if text.count(";") >= 2:  # « : des horaires …, week-ends et nuits ; la confrontation … ; l'exposition … »
            items = [without_preposition(part.strip()) for part in text.split(";") if part.strip()]
        elif re.match(_PREPOSITION, fold(text)):
            items = [without_preposition(i) for i in listed_items(text, _PREPOSITION)]
        elif re.match(_INDEFINITE, fold(text)) and not re.search(r",\s+(?:et\s+)?(?:la|le|les|l')\b", fold(text)):
            # « un volume X, une position entre la direction et les représentants » : « les » starts no item
            items = listed_items(text, _INDEFINITE)
        elif re.match(_ARTICLE, fold(text)):
            items = listed_items(text, _ARTICLE)
        else:  # « : horaires décalés, bruit et poussières, travail en hauteur » : items without an article
            items = bare_items(text)
        if items:
            return items, sentence
    return None


# Where a constraint named as a subject stops: « La responsabilité X, avec des dosages …, impose … ».
_SUBJECT_ASIDE = re.compile(r",\s+(?:avec|notamment|selon|surtout|en particulier|comme|qu'il|lorsqu|quand)\b")


def constraints_as_subjects(paragraph: str) -> List[Fact]:
    """« Le travail de nuit est fréquent. La charge émotionnelle liée à X peut être lourde. Enfin, la station
    debout et les déplacements ajoutent une fatigue » : each sentence after the first names its constraints
    as its subject (the first says the métier « comporte des contraintes »)."""
    found = []
    for sentence in sentences(paragraph)[1:]:
        sentence = without_enfin(sentence)
        split = split_at_verb(sentence, lexicon=True)
        if not split or not re.match(r"(?:la|le|les|l')\b", fold(split[0])):
            continue
        subject = split[0]
        aside = _SUBJECT_ASIDE.search(fold(subject))
        subject = subject[: aside.start()] if aside else subject
        # « la station debout et les déplacements » names two; « le travail en horaires décalés, de nuit, le
        # week-end et les jours fériés » one (the « et » closes the circumstances listed after a comma)
        both = re.search(r"\s+et\s+(?=(?:la|le|les|l')\b)", subject)
        items = [subject[: both.start()], subject[both.end():]] if both and "," not in subject[: both.start()] \
            else [subject]
        found += [Fact(upper_first(strip_article(item.strip())), sentence, COPIED) for item in items]
    return found


# A sentence of the constraints that says what facing them brings.
_WORTH = re.compile(r"^en surmontant\b|\brole cle\b|\bgratifiant|\benrichissant|\bvalorisant|\bepanouissant"
                    r"|\bpassionnant|\bstimulant")


def constraints(fiche: Fiche):
    paragraph = fiche.first("contraintes")
    if not paragraph:
        return with_precision({"liste": Absent("la fiche ne décrit pas les contraintes du métier")},
                              fiche, "contraintes_precision")
    section = {"liste": Missing(f"les contraintes que cite la fiche : « {paragraph[:90]}… »")}
    folded = fold(paragraph)
    match = re.search(r"qu'il s'agisse (?:de |d')(.+?), (?=ce |cela |le |la |il )", folded)
    one_sentence = constraints_in_one_sentence(paragraph)
    if match:
        text = paragraph[match.start(1): match.end(1)]
        parts = [p.strip() for p in re.split(r",\s+|\s+ou\s+|\s+ainsi que\s+|\s+et\s+(?=des |de |du |la |le |les |l')",
                                              text)]
        # « de travailler…, de respirer… » : each item is an infinitive ; « de gérer X, des Y » : the verb is shared
        parts = [parts[0]] + [re.sub(r"^(?:de |d')", "", p) for p in parts[1:]]
        verb = parts[0].split()[0] if re.search(r"(er|ir|re)$", fold(parts[0].split()[0])) else ""
        items = [f"{verb} {p}" if verb and i and re.match(r"(des|du|la|le|les|l'|un|une)\b", fold(p)) else p
                 for i, p in enumerate(parts) if p]
        sentence = next(s for s in sentences(paragraph) if fold(text) in fold(s))
        section["liste"] = [Fact(item, sentence, FORM if item not in text else COPIED) for item in items]
    elif one_sentence:
        items, sentence = one_sentence
        section["liste"] = [Fact(item, sentence, COPIED if item in sentence else FORM) for item in items]
    elif constraints_as_subjects(paragraph):
        section["liste"] = constraints_as_subjects(paragraph)
    demands = [s for s in sentences(paragraph) if re.search(r"\b(exige|necessite|demande)", fold(s))]
    if demands:
        section["exigences"] = Fact(" ".join(demands), paragraph, COPIED)
    worth = [s for s in sentences(paragraph) if s not in demands and _WORTH.search(fold(s))]
    if worth:  # « En surmontant ces obstacles, il/elle joue un rôle clé … »: what facing them brings
        section["portee"] = Fact(" ".join(worth), paragraph, COPIED)
    if isinstance(section["liste"], Missing):
        # nothing listed: a marker only if some sentence is more than « comporte des contraintes » or a demand
        others = [s for s in sentences(paragraph) if s not in demands
                  and not re.search(r"\bcontraintes(?: \w+)?\.?$", fold(without_final_period(s)))]
        if not others:
            section["liste"] = Absent("la fiche ne cite pas de contrainte précise")
    return with_precision(section, fiche, "contraintes_precision")


# -- salary ----------------------------------------------------------------------------------------
_AMOUNT = re.compile(r"^de (\d[\d .]*?) ?(?:€|euros?) (?:a|à) (\d[\d .]*?) ?(?:€|euros?) (brut|net)s? par (an|mois)")


def salary(fiche: Fiche):
    levels, unit = {}, None
    # « DÉBUTANT (- de 3ans) », then « De 30 000 € à 35 000 € brut par an ».
    for line, amount_line in fiche.take("salaire_niveau", lambda after, _: _AMOUNT.match(fold(after))):
        folded = fold(line)
        match = re.match(r"^([a-z]+) ?\( ?(-|\+|moins|plus) ?(?:de )?(\d+) ?ans? ?\)", folded)
        word, sign, years = match.group(1), match.group(2), int(match.group(3))
        key = _LEVEL_WORDS.get(word) or ("debutant" if sign in ("-", "moins") else "confirme")
        label = lower_first(line[: match.end(1)].lower())
        label = label + "(e)" if fold(label)[-1] in "te" else label  # « débutant(e) », « confirmé(e) »
        more = sign in ("+", "plus")
        level = {"libelle": Fact(label, line, FORM),
                 "experience": Fact(f"{'plus' if more else 'moins'} de {years} ans d'expérience", line, FORM),
                 "annees_min" if more else "annees_max": Fact(years, line, NUMBER),
                 "min": Missing(f"le salaire minimum du niveau « {line} », en chiffres sans espace ni € (ex. 30000)"),
                 "max": Missing(f"le salaire maximum du niveau « {line} », en chiffres sans espace ni € (ex. 35000)")}
        amount = _AMOUNT.match(fold(amount_line))
        if amount:
            level["min"] = Fact(int(re.sub(r"[ .]", "", amount.group(1))), amount_line, NUMBER)
            level["max"] = Fact(int(re.sub(r"[ .]", "", amount.group(2))), amount_line, NUMBER)
            unit = unit or Fact(f"€ {amount.group(3)} par {amount.group(4)}", amount_line, FORM)
        levels[key] = level
    if not levels:  # no salary line at all: the whole rubrique is left out (the factors, if any, are reported)
        return Absent("la fiche ne donne aucun salaire")
    for key, label in (("debutant", "débutant"), ("confirme", "confirmé")):
        if key not in levels:
            levels[key] = Absent(f"la fiche ne donne pas de salaire {label}")
    section = {"unite": unit or Missing("l'unité des montants, par exemple « € brut par an »"),
               "niveaux": {"debutant": levels["debutant"], "confirme": levels["confirme"]},
               "facteurs": Absent("la fiche ne dit pas ce qui fait varier le salaire")}
    paragraph = fiche.first("salaire_facteurs")
    if paragraph:
        first = sentences(paragraph)[0]
        match = re.search(r"varie (?:selon|en fonction de) (.+)$", fold(without_final_period(first)))
        if match:
            section["facteurs"] = Fact(without_final_period(first)[match.start(1):], first)
        else:
            section["facteurs"] = Missing(f"ce qui fait varier le salaire, d'après : « {first[:90]}… »")
        rest = sentences(paragraph)[1:]
        if rest:
            section["precision"] = Fact(" ".join(rest), paragraph)
    saying = fiche.first("citation")
    if saying:  # « Il n'y a que dans le dictionnaire que le Salaire vient avant le Travail ! », beside the figures
        section["citation"] = Fact(saying.strip(), saying)
    return section


# -- evolutions, continuing education, caveats -------------------------------------------------------
# A job title in a sentence: a capitalised word (« Chef(fe) », « Exploitant(e) », « Responsable »), then its
# words up to a comma, a period or a word that links two titles or opens what the job does.
_STOP = r"(?!(?:ou|et|puis|voire|sur|dans|pour|par|avec|charg[eé]|afin|lorsque|apr[eè]s|sans|qui|peut|peuvent|devenir|" \
        r"se|s'|un|une|le|la|les|en charge|en encadrant|[àa] leur|[àa] son|devient|deviennent|est|sont|au sein)\b)"
_JOB_TITLE = re.compile(r"(?<![\w(/'-])[A-ZÀ-Þ][a-zà-ÿ]*(?:\([a-zè]+\))?(?:-[\wÀ-ÿ]+(?:\([a-zè]+\))?)?"
                        r"(?:\s+" + _STOP + r"(?:de la\s+|de l'|d'|l')?[\wÀ-ÿ]+(?:\([a-zè]+\))?(?:-[\wÀ-ÿ]+)?)*")
_NOT_TITLES = {"un", "une", "un(e)", "il", "elle", "certain", "certaine", "certain(e)s", "plusieurs", "avec", "apres",
               "beaucoup", "la", "le", "les", "l", "a", "au", "ces", "ce", "cette", "sa", "son", "ses", "de", "en"}


def job_titles(paragraph: str, name: Optional[str]) -> List[Tuple[str, str]]:
    """(title, sentence) of each job title a paragraph names, not its own profession: « … peut devenir Chef(fe)
    d'atelier, en charge de …, ou se spécialiser comme Restaurateur(trice) de mobilier ancien. »."""
    found = []
    for sentence in sentences(paragraph):
        for match in _JOB_TITLE.finditer(sentence):
            if match.start() == 0:
                continue  # the word that opens a sentence
            title = " ".join(match.group(0).split()[:7])
            if not title or fold(title.split()[0].split("'")[0]) in _NOT_TITLES or "(" not in title and \
                    not title.split()[0][0].isupper():
                continue
            if not any(part[:1].isupper() for part in title.split()[:1]):
                continue
            if name and (fold(name).startswith(fold(title)) or fold(title).startswith(fold(name))):
                continue
            if not re.search(r"\([a-zè]+\)|^[A-ZÀ-Þ][a-zà-ÿ]+ [a-zà-ÿ]", title) and len(title.split()) < 2:
                if not re.search(r"\b(?:devenir|de|d'|comme|vers)\s*$", fold(sentence[:match.start()])):
                    continue
            found.append((title, sentence))
    return found


def evolutions(fiche: Fiche, name: Optional[str] = None):
    """The posts the profession leads to, from every paragraph on evolutions (« peut évoluer vers », « peut aussi
    devenir », « peut viser un poste de »), each once."""
    paragraphs_ = fiche.all("evolutions")
    then = fiche.first("evolutions_ensuite")
    section = {"postes": Absent("la fiche ne cite aucun poste d'évolution")}
    found: List[Fact] = []
    for paragraph in paragraphs_:
        read: List[Fact] = []
        for sentence in sentences(paragraph):
            folded = fold(sentence)
            match = re.search(r"peut (?:aussi |egalement |ensuite |encore )?evoluer vers "
                              r"(?:un poste |des postes |les postes )?(?:de |d')?(.+?)"
                              r"(?:,? par exemple)?\.?$", folded)
            if match:
                text = sentence[match.start(1): match.end(1)]
                parts = re.split(r",\s+(?:de |d')?|\s+ou\s+(?:de |d')?|\s+et\s+(?:de |d')", text)
                read += [Fact(p.strip(), sentence) for p in parts if p.strip()]
        titles = [Fact(title, sentence) for title, sentence in job_titles(paragraph, name)]
        if titles and (not read or any(not p.value[:1].isupper() for p in read)):
            read = titles
        else:
            read += [t for t in titles if not any(fold(t.value) in fold(r.value) or fold(r.value) in fold(t.value)
                                                  for r in read)]
        found += [r for r in read if not any(fold(r.value) == fold(f.value) for f in found)]
    if found:
        section["postes"] = found
    elif paragraphs_:
        section["postes"] = Missing(f"un poste vers lequel le métier peut évoluer, d'après : « {paragraphs_[0][:90]}… »")
    if then:
        section["ensuite"] = copied(then)
    conditions = fiche.first("evolutions_conditions")
    if conditions:
        section["conditions"] = copied(conditions)
    return section


def caveats(fiche: Fiche) -> Optional[Fact]:
    paragraph = fiche.first("faq")
    if not paragraph:
        return None
    # who and what the FAQ is for, how many questions it has, and that it does not cover everything
    found = [s for s in sentences(paragraph)
             if re.search(r"vocation|encourage|ne couvre|completer|\d+ questions|pensee? (?:comme|pour)|s'adresse", fold(s))]
    return Fact(" ".join(found), paragraph) if found else None


# -- the family of professions -----------------------------------------------------------------------
FAMILY_ADVICE = ("Vous pouvez l'écrire vous-même (par exemple « famille: tourisme ») : c'est le classement des "
                 "métiers de l'école, qui les regroupe dans la liste de l'assistant, pas un fait sur le métier.")


def family(fiche: Fiche):
    """« Famille : Tourisme », « Secteur : … », « Domaine : … » : the words after the colon."""
    line = fiche.first("famille")
    if not line:
        return Absent("la fiche n'indique ni famille, ni secteur, ni domaine", FAMILY_ADVICE, fact=False)
    value = without_final_period(line.split(":", 1)[1].strip())
    return Fact(lower_first(value), line, COPIED) if value else \
        Absent("la ligne de famille est vide", FAMILY_ADVICE, fact=False)


# -- the whole draft --------------------------------------------------------------------------------
def read_fiche(text: str):
    """(draft, unused passages): the knowledge file as nested dicts of Fact / Missing, and the
    paragraphs of the fiche that no field took (for the trainer to check)."""
    fiche = Fiche(text)
    name = title(fiche)
    draft = {"id": Fact(identifier(name.value), name.value, FORM) if name else Missing(
                 "identifiant du métier : minuscules, chiffres et _, le nom du fichier sans .yml"),
             "intitule": name or Missing("le nom du métier, par exemple « Chargé(e) de mission … »"),
             "famille": family(fiche),
             "alias": aliases(fiche, name.value) if name else [Missing("un nom du métier, sans accents")]}
    name_text = name.value if name else None
    draft["definition"], draft["missions"] = missions(fiche)
    draft["soft_skills"] = soft_skills(fiche, name.value if name else None)
    draft["hard_skills"] = hard_skills(fiche)
    draft["diplome"], draft["parcours"] = diploma_and_paths(fiche, name_text)
    draft["alternance"] = or_absent(work_study(fiche), "la fiche ne parle pas d'alternance")
    draft["rncp"] = or_absent(copied(fiche.first("rncp")), "la fiche ne parle pas des titres RNCP")
    draft["experiences"] = experiences(fiche, name_text)
    draft["outils"] = tools(fiche, name_text)
    draft["contraintes"] = constraints(fiche)
    draft["salaire"] = salary(fiche)
    draft["evolutions"] = evolutions(fiche, name_text)
    continuing = [p for i, p in enumerate(fiche.paragraphs)
                  if fiche.sections[i] == "formation_continue" and i not in fiche.diploma_paragraphs]
    if continuing:
        fiche.used.add(fiche.paragraphs.index(continuing[0]))
    draft["formation_continue"] = or_absent(copied(continuing[0] if continuing else None),
                                            "la fiche ne parle pas de formation continue")
    warning = caveats(fiche)
    if warning:
        draft["avertissement"] = warning
    draft = compact(draft)
    return draft, unused_passages(fiche, draft)


def unused_passages(fiche: Fiche, draft) -> List[str]:
    """The passages of the fiche that no read fact comes from and no « À COMPLÉTER » quotes: each sentence of
    a paragraph is in a fact's evidence or in the report (a paragraph read in part gives the sentences it left),
    so that every sentence of the fiche is in a field or in the report (the aliases, built from the title and
    the whole text, take no paragraph)."""
    evidence, hints = [], []
    for path, leaf in draft_leaves(draft):
        if isinstance(leaf, Fact) and path[0] != "alias":
            evidence += [squash(line) for line in leaf.evidence.split("\n")]
        elif isinstance(leaf, Missing):
            hints.append(squash(leaf.hint))
    found = []
    for paragraph in fiche.unused() + [p for i, p in enumerate(fiche.paragraphs) if i in fiche.used]:
        if paragraph in [p for p, _ in found] or classify(paragraph) in IGNORED:
            continue
        if any(squash(paragraph[:60]) in hint for hint in hints):
            continue
        # each sentence no fact comes from: a paragraph read in part reports the sentences it left
        left = [sentence for sentence in sentences(paragraph)
                if not any(squash(sentence) in e or squash(without_enfin(sentence)) in e for e in evidence)
                and not any(squash(sentence[:60]) in hint for hint in hints)]
        parts = sentences(paragraph)
        if left and len(left) < len(parts) and left[0] == parts[0]:
            left = left[1:]  # « Plusieurs voies sont possibles. » : it opens the facts read after it
        if left:
            found.append((paragraph, " ".join(left)))
    return [passage for _, passage in sorted(found, key=lambda item: fiche.paragraphs.index(item[0]))]
