"""Profession names as students write them: found in a message through an index built once.

A name (intitulé or alias of a knowledge file) is indexed as its canonical words: folded, without
gender marks, singular and masculine (« chargées » and « chargé(e) » are both « charg »), and
without the small words that students change or drop (« de », « en », « du »…). A message is looked
up by its own canonical words, so its cost depends on its length, not on the catalogue's size:

1. a name written in full (its canonical words in order) is found by looking up each run of the
   message's words in a dictionary;
2. otherwise a word the index does not know is corrected to the closest word of the names
   (rapidfuzz, for typos), and a name is found when the message holds all its words, in any order
   (the candidates come from the index's postings of the message's words);
3. two professions found equally well are both returned: the dialogue asks which one, never guesses.

A word of ordinary French (`ordinary`, the frequency lexicon the loader gives) is never corrected into
a word of a name: « combien » is not a typo of « comédien ». It matches only when it is itself a word of
the name. Real titles are read as catalogues write them: « Conducteur / Conductrice de tramway » is
both its gendered forms, a complement in brackets is left out of the words to type, and an acronym in
it (« (IDE) ») is a name of its own. A head noun that starts many names (« technicien », « agent »)
names none of them alone: `heads` gives the candidates, narrowed by the rest of the message.

The thresholds were chosen on tests/fixtures/names/heldout.yml (tests/unit/test_names.py).
"""
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate, takewhile
from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from rapidfuzz import fuzz, process

from core.courtesy import masked_folded
from core.gender import without_marks
from core.textnorm import fold, words

# Words that students change, drop or add around a job title.
SMALL_WORDS = frozenset({"de", "d", "du", "des", "en", "la", "le", "l", "les", "et", "au", "aux", "un", "une",
                         "pour", "dans", "sur", "a"})
# A word of the message is corrected to a word of the names when this similar (0-100, rapidfuzz ratio).
WORD_SIMILARITY = 82
CORRECTED_MIN_LENGTH = 3     # shorter words are too easily close to another one
SOUND_SIMILARITY = 90        # a typo read by its sound key (« koreograf » for « koregraf »): as close as this
SOUND_MIN = 7                # letters of a sound key read so: shorter keys are too easily close to another one
# « je veux ramoner les cheminées », « celle qui pose les ongles »: a job told by what one does (_described)
_WISHING = frozenset({"veux", "voudrais", "aimerais", "souhaite", "souhaiterais", "reve", "revais", "vois", "verrais",
                      "envie", "adorerais", "prefere", "prefererais"})
_DREAMING = frozenset({"reve", "revais", "vois", "verrais"})
_WISH_BETWEEN = frozenset({"bien", "vraiment", "plutot", "aussi", "plus", "tard", "de", "d", "c", "est", "pouvoir",
                           "juste"})
_WISH, _STRONG_WISH, _BY_SOMEONE = 1, 2, 3
_WISH_GAP = 3  # at most this many of those words between the wish and the verb
_SOMEONE = frozenset({"celui", "celle", "ceux", "celles", "quelqu", "personne"})
_RE_VERBS = frozenset({"faire", "prendre", "mettre", "dire", "lire", "ecrire", "suivre", "rendre", "vendre"})
_VERB_ENDINGS = ("erez", "erons", "eront", "ez", "ons", "ent", "ait", "ais", "ant", "er", "es", "e")
MOST_AMBIGUOUS = 4           # at most this many professions are offered as buttons
READS_KEPT = 64              # messages whose reading is kept (a message is asked of several times in a moment)
PREFIX_MIN = 4               # « tram » for « tramway »: a message word this long may narrow by prefix
_BRACKETS = re.compile(r"\([^)]*\)")
# A head noun counts as a job asked for only after an article or a verb of becoming (« un technicien »,
# « devenir agent », « être conductrice »), or first in the message: « j'ai besoin d'aide » asks for no job.
# The strong frames alone introduce a profession by one distinctive word (« devenir légiste »): after
# « la » or « les », a word is as often a subject as a job (« j'aime la musique »).
_STRONG_FRAMES = frozenset({"un", "une", "devenir", "devenu", "devenue", "devient", "deviens", "etre", "etant",
                            "faire", "comme", "plutot"})  # (« pas ingénieur, plutôt orthophoniste »: the job chosen)
_FRAMES = _STRONG_FRAMES | {"le", "la", "l", "les"}
_ARTICLED = frozenset({"un", "une"})
# « métier de X », « en tant que X »: the word before the frame that makes « de » or « que » frame a job.
_FRAME_PAIRS = {"de": "metier", "d": "metier", "que": "tant"}
# A word that is also an everyday word (« pion », « patron ») names a job only said as one: after a verb
# of becoming or « être » (not after « un », « le », nor first: « un modèle de lettre », « le nez qui
# coule »), after « je suis », « travailler comme », « métier de », « en tant que », and with no complement
# of its own after it (« devenir patron de bar » is not the head of a company).
_AS_JOB = frozenset({"devenir", "devenu", "devenue", "devient", "deviens", "etre", "etant"})
_AS_JOB_PAIRS = {"suis": {"je"}, "comme": {"travailler", "bosser", "travaille", "bosse", "embauche", "job"},
                 "de": {"metier", "job", "boulot"}, "d": {"metier", "job", "boulot"}, "que": {"tant"},
                 "bien": {"vois", "verrais"}}  # « je me vois bien pionne »
# A word that designates a person by its ending (« légiste », « podologue », « barbier »), not an
# adjective of the title (« professionnel », « municipal »).
_AGENT = re.compile(r"(?:iste|logue|ier|eur|ien|graphe|aute|iatre)$")
# Initials of a title's words (« CRS » for compagnie républicaine de sécurité) this many letters long.
INITIALS = (3, 5)
# A run of this many words of one profession's name names it even without its head noun
# (« compagnie républicaine de sécurité »); shorter runs must hold a word that starts a name.
SHORTENED_WITHOUT_HEAD = 3
# Acronyms too common as words to name a profession alone (« si », « on »).
_SHORT_COMMON = frozenset({"si", "on", "ou", "le", "la", "les", "de", "des", "en", "un", "et", "pas", "qui"})
_ACRONYM = re.compile(r"\b[A-Z](?:&?[A-Z0-9]){1,6}\b")  # « IDE », « VTC », « V&V »

# Feminine or other endings -> the masculine singular one, longest first within each family.
_ENDINGS = (("euse", "eur"), ("trice", "teur"), ("iere", "ier"), ("ere", "er"), ("enne", "en"),
            ("onne", "on"), ("elle", "el"), ("ive", "if"), ("ffe", "f"), ("ee", "e"))


@lru_cache(maxsize=1 << 16)  # a pure function of a word, called for every word of every name at load
def canonical(word: str) -> str:
    """A folded word in the form both the names and the messages are compared in:
    « internationales » -> « international », « conseillère » -> « conseiller », « chargée » -> « charg »."""
    w = word
    if len(w) > 4 and w.endswith("aux"):
        w = w[:-3] + "al"
    elif len(w) > 3 and w[-1] in "sx" and not w.endswith("ss"):
        w = w[:-1]
    for ending, masculine in _ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 2:
            w = w[: -len(ending)] + masculine
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


@lru_cache(maxsize=1 << 14)  # the same forms come back as a title and as its aliases
def name_words(text: str) -> Tuple[str, ...]:
    """The canonical words of a name or a message, small words left out (« R&D » is one word)."""
    text = re.sub(r"(\w)&(\w)", r"\1\2", without_marks(text).translate(_LIGATURES))
    return tuple(canonical(w) for w in words(text) if w not in SMALL_WORDS)


def gendered_forms(title: str) -> List[str]:
    """« Conducteur / Conductrice de tramway » -> [« Conducteur de tramway », « Conductrice de tramway »]:
    the feminine side starts at the word it puts in the feminine (« Arbitre professionnel / professionnelle
    de discipline sportive »: the second word), each form takes what the other one adds; a title without
    « / » is itself."""
    if " / " not in title:
        return [title]
    left, right = title.split(" / ", 1)
    left_words, right_words = left.split(), right.split()
    first = name_words(right_words[0])
    at = next((i for i, word in enumerate(left_words)
               if first and name_words(word) == first and fold(word) != fold(right_words[0])), 0)
    rest = right_words[len(left_words) - at:]
    return [" ".join(left_words + rest), " ".join(left_words[:at] + right_words)]


def acronyms(title: str) -> List[str]:
    """The acronyms a title writes in capitals: « Infirmier … (IDE) » -> [« IDE »], « Chauffeur VTC », « (V&V) »."""
    return _ACRONYM.findall(title)


def typed_forms(name: str) -> List[str]:
    """The forms of a name a student types: its gendered forms, without what stands in brackets."""
    return [_BRACKETS.sub(" ", form) for form in gendered_forms(name)]




# Spellings that sound alike (« conductrise », « educatrisse » for conductrice, éducatrice): a word is
# compared by its sound key when it is not a word of the names nor of ordinary French.
_SOUND_RULES = tuple((re.compile(a), b) for a, b in (
    (r"ph", "f"), (r"qu", "k"), (r"mpt", "nt"), (r"c(?=[eiy])", "s"), (r"g(?=[eiy])", "j"), (r"c", "k"), (r"h", ""),
    (r"y", "i"), (r"e?au", "o"),
    (r"[ae]i", "e"), (r"e(?=[nm](?:[^aeiouynm]|$))", "a"), (r"z", "s"), (r"(.)\1+", r"\1"), (r"e[rtz]$", "e"), (r"[esx]+$", "")))
# The small words after which a word is the complement of the one before (« conducteur de tram »).
_COMPLEMENT = frozenset({"de", "d", "du", "des", "en"})
FIELD_MIN = 7  # letters of a field word read as its profession (« radioprotection »; not « pub », « sols »)
_THIS = frozenset({"ce", "cet", "cette"})
_JOB_NOUNS = frozenset({"metier", "job", "poste", "taf", "boulot", "travail", "profession", "emploi", "domaine"})
# After an object pronoun, a verb (« me conseiller »; not after a subject one: « comment devient-on préfète ? »);
# after a possessive, someone or something of the student's (« ma glacière », « mon conseiller m'a dit »), not a
# job asked about.
_NO_JOB_AFTER = frozenset({"me", "m", "te", "se", "s", "nous", "vous",
                      "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos"})
# « faire du VTT », « je fais de la plongée »: what one does as an activity, no job
_DOING = frozenset({"faire", "fais", "fait", "faisons", "faites", "font", "faisait", "faisais", "ferai", "ferais"})
_PARTITIVES = frozenset({"du"})
# « on a vu une dépanneuse sur l'autoroute »: a thing or someone seen, in a message of no work (« on a vu un médiateur
# familial, ça m'a donné envie de faire ce métier » is one)
_SEEING = frozenset({"vu", "vue", "vus", "voir", "vois", "voit", "croise", "croisee", "croiser"})
# « a loué une foreuse », « acheter un tailleur »: what one buys, rents or borrows is a thing
_OBJECT_VERBS = frozenset({"achete", "achetee", "acheter", "achetes", "achetez", "loue", "louee", "louer", "loues",
                           "emprunte", "empruntee", "emprunter", "commande", "commandee", "commander", "offert",
                           "offerte", "vendu", "vendue", "vendre", "pris", "prendre", "prend",
                           # « j'ai mis un tailleur », « elle porte une … »: what one wears
                           "mis", "mets", "met", "mettre", "porte", "portes", "porter", "portait", "enfile", "enfiler",
                           # « sors la crêpière », « j'ai rangé la glacière »: a thing handled
                           "sors", "sort", "sortir", "sorti", "range", "ranger", "lave", "laver", "allume", "allumer",
                           "branche", "brancher", "nettoie", "nettoyer",
                           # « utilisez une sertisseuse », « faites chauffer la crêpière », « admirer une chocolatière »: a
                           # thing used, heated, looked at
                           "utilise", "utilisez", "utiliser", "utilisent", "chauffe", "chauffez", "chauffer", "admire",
                           "admirez", "admirer",
                           # « j'apporte une IPA », « on boit une … »: a thing brought or drunk
                           "apporte", "apporter", "ramene", "ramener", "bois", "boit", "boire"}) | _SEEING
# « le voisin a une foreuse »: what someone has is a thing (« il y a un … », « ya un … » asks whether there is one)
_HAS = frozenset({"a", "ai", "as", "avons", "avez", "ont", "avait", "avais"})
_THING_ARTICLES = frozenset({"un", "une", "des", "le", "la", "l", "du"})
# « le film Sage femme », « la chanson Le Facteur »: the title of a work, no job
_WORKS = frozenset({"film", "films", "chanson", "chansons", "livre", "livres", "roman", "serie", "series", "album",
                    "bd", "manga", "piece", "tableau", "poeme", "dessin", "anime", "emission", "podcast"})
# A civility and the word right after it, a surname (« Mme Boulanger nous a donné des devoirs »), unless that word is
# an article or a pronoun (« madame la boulangère », « Bonjour Monsieur je voudrais… »).
_SURNAME = re.compile(r"\b(?:mme|mmes|madame|mr|monsieur|mlle|mademoiselle|m\.)\s+"
                      r"(?!(?:la|le|les|l|un|une|je|j|tu|il|elle|on|nous|vous|et|ou|mais)\b)([a-z][a-z-]*)")
# What follows the subject of a story told (« la dépanneuse a dû… », « Marin vient dormir… »): its verb.
_DOES = frozenset({"fait", "faisait"})
_STORY_VERBS = frozenset({"a", "avait", "aura", "est", "etait", "sera", "va", "allait", "vient", "venait",
                          "viendra", "dit", "disait", "dira"}) | _DOES
# Between the subject of a story and its verb (« Marin m'a invité »)
_OBJECT_PRONOUNS = frozenset({"m", "me", "t", "te", "nous", "vous", "l", "lui", "leur", "les"})
_ASKING = frozenset({"quoi", "comment", "combien", "koi", "quel", "quels", "quelle", "quelles", "ou", "pourquoi"})
_STOP = "."  # the end of a sentence among a message's tokens (« oui chef ! je range ma chambre »)
_COMMA = ","  # a comma (« directeur, il faut faire quelle école ? »): what follows is no complement of what comes before
_BREAKS = frozenset({_STOP, _COMMA})
# « à la pharmacie, préparatrice », « dans le bâtiment, conducteur de travaux »: the place or the sector said first, then a
# comma and the job; what the setting says narrows the job as a complement would
_SETTING = frozenset({"dans", "a", "au", "aux", "en", "chez", "sur"})
SETTING_WORDS = 4  # at most this many words between the setting's preposition and its comma
_ARTICLES = frozenset({"le", "la", "l", "les"})  # « conducteur de l'armée »: within a complement
# After a modal verb, an infinitive (« on peut reporter l'oral ? »); after a subject pronoun in its usual place (first,
# or after « comment », « si », « qu' »…), a verb (« comment on interprète un graphique ? »): no job. Not after an
# inverted one (« comment devient-on préfète ? »).
_VERB_AFTER = frozenset({"peut", "peux", "pouvez", "pourrait", "pourrais", "faut", "dois", "doit", "devrait", "vais", "va",
                         "vont", "allez"})
_SUBJECTS = frozenset({"je", "j", "tu", "il", "elle", "on", "ils", "elles"})
_NOT = frozenset({"pas", "jamais"})  # « je veux pas être boucher »
_REFUSING = frozenset({"etre", "devenir", "faire", "un", "une", "le", "la", "surtout", "du", "tout"})  # between them
_INSTEAD = frozenset({"plutot", "mais", "prefere", "preferes", "prefererais", "sinon"})  # « …, plutôt orthophoniste »
_TO_DO = frozenset({"a", "pour", "sans"})  # « appris à … le poisson », « pour … la haie »: an infinitive follows
_BEFORE_SUBJECT = frozenset({"comment", "quand", "si", "que", "qu", "pourquoi", "et", "mais", "donc", "alors", "ou",
                             "puis", "car"})
# « la crème pâtissière », « l'air marin », « la prospection commerciale »: after an article and a noun, an adjective,
# not a job; unless that noun is a person (« ma fille infirmière ») or the job itself (« le métier infirmier »).
_DETERMINERS = frozenset({"le", "la", "l", "les", "un", "une", "des", "du", "ce", "cet", "cette", "ces"})
_RELATIVES = frozenset({"que", "qu", "qui", "quoi", "dont"})
_JOINING = frozenset({"ou", "et"})  # words that join two words of a name (« mécanique marine ou navale »)
# « UX designer en alternance », « … en freelance »: how one works, no complement of a name
_CIRCUMSTANCES = frozenset(canonical(w) for w in ("alternance", "freelance", "interim", "apprentissage", "cdi", "cdd",
                                                  "stage", "liberal", "independant", "remote", "teletravail"))
# « il est … », « ma tante était … »: a verb that gives someone's job after its subject
_IS = frozenset({"est", "etait", "sera", "devient", "deviendra"})
# « je serai vétérinaire », « ils sont plombiers »: the same, after a person only (« quel travail serait bien ? » is no job)
_IS_OF_PERSONS = _IS | {"es", "sont", "etais", "serai", "seras", "serait", "serais", "serons", "seront"}
_WORK_NOUNS = frozenset({"metier", "job", "poste", "boulot", "emploi", "travail"})
_PERSONS = frozenset({"fille", "fils", "mere", "pere", "frere", "soeur", "cousin", "cousine", "copain", "copine", "ami",
                      "amie", "oncle", "tante", "mari", "femme", "homme", "enfant", "ado", "voisin", "voisine",
                      "marraine", "parrain", "papa", "maman", "daron", "daronne", "pote", "mamie", "papi"}) | _WORK_NOUNS
_PEOPLE = _PERSONS - _WORK_NOUNS  # (the persons, not the job: « quel travail serait bien ? » names no job)
# « un bon luthier », « une vraie soudeuse »: the adjectives French puts before a noun; after « un », « une », « des »,
# the name after them is framed as it would be right after the article (« le meilleur IDE » stays a thing)
_BEFORE_NOUN = frozenset({"bon", "bonne", "bons", "bonnes", "vrai", "vraie", "vrais", "vraies", "grand", "grande",
                          "grands", "grandes", "petit", "petite", "petits", "petites", "jeune", "jeunes", "futur",
                          "future", "futurs", "futures", "ancien", "ancienne", "anciens", "anciennes", "nouveau",
                          "nouvel", "nouvelle", "nouveaux", "nouvelles", "vieux", "vieil", "vieille", "vieilles",
                          "meilleur", "meilleure", "meilleurs", "meilleures", "excellent", "excellente", "mauvais",
                          "mauvaise", "veritable", "veritables", "simple", "simples", "super", "hyper"})
_INTENSIFIERS = frozenset({"tres", "trop", "vraiment", "super", "hyper", "si", "vachement"})  # « une très bonne … »
# « Marin c'est mon meilleur pote »: after « c'est mon », someone close is a person, not a job
_INDEFINITE = frozenset({"un", "une", "des"})
_POSSESSIVES = frozenset({"mon", "ma", "mes", "notre", "nos", "ton", "ta", "son", "sa"})
_OWNERS = _POSSESSIVES | {"ses", "tes", "vos", "votre", "leur", "leurs"}


# Two capitalised words inside a sentence (« l'Institut Pasteur », « avec Catherine Frot »): a proper name
_CAPITALISED_PAIR = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+)[ -]([A-ZÀ-Ý][a-zà-ÿ]+)\b")


def proper_names(text: str) -> Tuple[str, ...]:
    """The pairs of capitalised words a message writes inside a sentence (not at its start), folded: « virologue à
    l'Institut Pasteur » -> (« institut pasteur »,). What a student writes so is a place, a person or a brand."""
    found = []
    for m in _CAPITALISED_PAIR.finditer(text):
        before = text[:m.start()].rstrip(" '’\"«")
        if before and before[-1] not in ".!?:":
            found.append(fold(f"{m.group(1)} {m.group(2)}"))
    return tuple(found)


def sound(word: str) -> str:
    """A folded word's sound key: « conductrise » and « conductrice » both give « konduktris »."""
    for pattern, replacement in _SOUND_RULES:
        word = pattern.sub(replacement, word)
    return word


def _refused(tokens: Sequence[str]) -> Set[int]:
    """The tokens of a job refused, from the word after « pas être », « pas devenir », « jamais » (« pas ingénieur »,
    « surtout pas être un boucher ») to the end of its clause, when the message names another one after it
    (« …, plutôt orthophoniste »): that other one is the job named. Never a job refused alone (« pas boucher ? »)."""
    found: Set[int] = set()
    for i, token in enumerate(tokens):
        if token not in _NOT:
            continue
        start = i + 1
        while start < len(tokens) and tokens[start] in _REFUSING:
            start += 1
        end = next((j for j in range(start, len(tokens)) if tokens[j] in _BREAKS or tokens[j] in _INSTEAD), len(tokens))
        if start < end < len(tokens) and start - i <= 3:
            found.update(range(start, end))
    return found


def _story_subject(tokens: Sequence[str], at: int) -> bool:
    """Whether the word at `at` is followed by the verb of a story told (« la dépanneuse a dû remorquer… », « Marin, mon
    cousin, vient dormir… »); « a » only before a participle or « dû » and an infinitive, not « à » (« ash à
    l'hôpital »)."""
    after = tokens[at + 1:at + 4]
    if tuple(after[:3]) in {("c", "est", p) for p in _POSSESSIVES}:
        # « Marin c'est mon meilleur pote »: someone, named before what they are to the student
        return any(w in _PEOPLE for w in tokens[at + 4:at + 6])
    if tuple(after[:1]) == (_COMMA,):
        # « Marin, mon cousin, vient dormir »: the verb after an apposition between commas
        close = next((j for j in range(at + 2, min(len(tokens), at + 7)) if tokens[j] == _COMMA), None)
        after = tokens[close + 1:close + 4] if close is not None else ()
    if len(after) > 2 and after[0] in {"de", "des", "du"} and after[2] in _STORY_VERBS - {"a"}:
        after = tokens[at + 3:at + 6]  # « la foreuse des voisins fait un bruit… », « le guide du routard dit que… »
    elif len(after) > 1 and after[0] in _OBJECT_PRONOUNS and after[1] in _STORY_VERBS:
        after = tokens[at + 2:at + 5]  # « Marin m'a invité », « la dépanneuse nous a doublés »: the verb after « m' »
    if not after or after[0] not in _STORY_VERBS:
        return False
    if after[0] in _DOES:  # « la foreuse fait un bruit horrible », not « le plombier fait quoi »
        return len(after) > 1 and after[1] not in _ASKING
    if after[0] != "a":
        return True
    if len(after) < 2:
        return False
    if after[1] == "du":  # « a dû remorquer », not « à du … »
        return len(after) > 2 and after[2].endswith(("er", "ir", "re"))
    return after[1] not in SMALL_WORDS and after[1].endswith(("e", "i", "u", "is", "it", "t"))


# Letters a word of a name may start with that a student does not hear (« neumologue », « énologue »)
_SILENT_STARTS = (("pn", "n"), ("ps", "s"), ("pt", "t"), ("oe", "e"), ("h", ""))


def _same_start(word: str, written: str) -> bool:
    """Whether a word of the names starts as the word written does, in letters or in sound: a typo keeps how a word
    starts (« odioprotésiste » for audioprothésiste, « neumologue » for pneumologue), « encadreuse » is no typo of
    « cadreuse »."""
    heard = next((rest + word[len(start):] for start, rest in _SILENT_STARTS if word.startswith(start)), word)
    # (how a word starts to the ear: its sound key's first letter, « j » for « gé », « gi »: « jériatre »)
    return any(w[:1] == written[:1] or sound(w)[:1] == sound(written)[:1] for w in (word, heard))


def _in_order(run: Sequence[str], key: Sequence[str]) -> bool:
    """Whether the words of `run` all stand in `key`, in the same order."""
    rest = iter(key)
    return all(word in rest for word in run)


def _close(written: str, word: str) -> int:
    """How well a message word stands for a word of a name: 2 the same, 1 a start of it (« tram »
    for tramway) or a longer word of the same stem (« specialiser » for spécialisé), 0 otherwise."""
    if written == word:
        return 2
    if len(written) >= PREFIX_MIN and word.startswith(written) or len(word) >= 5 and written.startswith(word):
        return 1
    return 0


# Initials written with dots (« o.r.l. », « C.I.P. », « a.e.s.h »): at least three letters, each a word of its own.
_DOTTED = re.compile(r"(?<![a-z0-9.])(?:[a-z]\.){2,}[a-z]?\.?(?![a-z0-9])")


@dataclass(frozen=True)
class Read:
    """A message's words, small words left out, as the index reads them."""
    raw: Tuple[str, ...]         # canonical words as written (clipped words replaced)
    words: Tuple[str, ...]       # the same, typos corrected into words of the names
    folded: Tuple[str, ...]      # the folded word each came from
    framed: Tuple[int, ...]      # 2 after a verb of becoming, « un », « une » or first; 1 after « le », « la »
    linked: Tuple[Tuple[bool, bool], ...]  # (after « de », « du », « en »: a complement of the word before;
    #                                        after « et », « pour »…: apart from it)
    also: Tuple[str, ...]        # words that clipped words of the names also stand for (« moto »)
    clipped: Tuple[bool, ...]    # the word stands for a clipped one (« prof »)
    articled: Tuple[bool, ...] = ()  # framed only by « un », « une » (« un tailleur ou un pantalon ? »)
    tokens: Tuple[str, ...] = ()     # every word of the message, small words included (its words of work)
    sentences: Tuple[int, ...] = ()  # the sentence (or comma-separated part) each word is in, from 0
    at: Tuple[int, ...] = ()         # the token each word comes from (a clipped « com » gives « communication »)
    setting: Tuple[str, ...] = ()    # the words of a setting said first (« à la pharmacie, préparatrice »)
    after_setting: int = -1          # the token right after that setting's comma


def _setting_comma(tokens: Sequence[str]) -> int:
    """The position of the comma that ends a setting said first (see _SETTING), or -1."""
    if not tokens or tokens[0] not in _SETTING:
        return -1
    end = next((j for j in range(1, min(len(tokens), SETTING_WORDS + 2)) if tokens[j] in _BREAKS), -1)
    return end if end >= 2 and tokens[end] == _COMMA and end + 1 < len(tokens) else -1


def _wished(tokens: Sequence[str], i: int) -> int:
    """How token i (a verb) says what the student wishes to do or what someone does for a living: _BY_SOMEONE after
    « celui qui », « celle qui »; _STRONG_WISH after « mon rêve c'est de », « je me vois bien », or with « plus tard »;
    _WISH after « je veux », « je voudrais »…; 0 otherwise (« je veux me former »: no wish to form others)."""
    if i >= 2 and tokens[i - 1] == "qui" and tokens[i - 2] in _SOMEONE:
        return _BY_SOMEONE
    j = i - 1
    while j >= 0 and i - j <= _WISH_GAP and tokens[j] in _WISH_BETWEEN:
        j -= 1
    if j < 0 or i - j > _WISH_GAP + 1 or tokens[j] not in _WISHING:
        return 0
    strong = tokens[j] in _DREAMING or "tard" in tokens[max(0, j - 3):i]
    return _STRONG_WISH if strong else _WISH


def _said_as_job(tokens: Sequence[str], i: int) -> bool:
    """Whether the folded token i is said as a job (see _AS_JOB)."""
    before = tokens[i - 1] if i else ""
    framed = before in _AS_JOB or i >= 2 and tokens[i - 2] in _AS_JOB_PAIRS.get(before, ())
    return framed and (i + 1 == len(tokens) or tokens[i + 1] not in _COMPLEMENT)


class NameIndex:
    """Every name of the catalogue, by its canonical words; built once at load."""

    def __init__(self, names: Iterable[Tuple[str, str]], ordinary: FrozenSet[str] = frozenset(),
                 clippings: Optional[Mapping[str, Tuple[str, ...]]] = None, common: Optional[FrozenSet[str]] = None,
                 known: Optional[FrozenSet[str]] = None, said: Optional[Mapping[str, Tuple[str, ...]]] = None,
                 whole: Iterable[Tuple[str, str]] = (), career: FrozenSet[str] = frozenset()):
        """`names`: (profession id, name) pairs, in file order (the first file wins a tie).
        `ordinary`: folded words of ordinary French, never corrected into a word of a name.
        `clippings`: clipped words -> the words they stand for (knowledge/abreviations.yml).
        `common`: the most frequent words, never read as the initials of a title; `known`: rarer words
        of the language, corrected by sound only. `said`: everyday words that name a job only said as one
        (« pion ») -> the words of that job's name (knowledge/noms_usuels.yml's `courant`). `whole`: (profession id,
        name) pairs read only written in full, never by their first word, an everyday one (« femme de chambre »).
        `career`: the words (canonical) that say a message speaks of work or studies (knowledge/mots_du_metier.yml):
        without one, an everyday word not said as a job names none (« le serveur de l'ENT est en panne »).
        loading/usual_names.py's `reading()` reads all seven."""
        self._career = career
        self._clippings = clippings or {}
        self._said = said or {}
        common = common or frozenset()
        self._known = known or frozenset()
        self._order: Dict[str, int] = {}
        self._exact: Dict[Tuple[str, ...], List[str]] = {}
        self._names: List[Tuple[str, Tuple[str, ...]]] = []
        self._postings: Dict[str, Set[int]] = defaultdict(set)
        self._heads: Dict[str, Set[str]] = defaultdict(set)
        self._agents: Set[str] = set()
        self._joined: Set[str] = set()  # the acronyms titles write with « & » (« vv » for « V&V »), without it
        self._of_complement: Set[str] = set()  # acronyms of a title's complement (« SAV », « TIG »)
        self._ordinary = ordinary
        # The last messages read (folded -> Read): the understanding asks for the names, the heads and another job's
        # head of one message; the index reads it once.
        self._reads: Dict[str, Read] = {}
        entries = []
        folded_words: Set[str] = set()
        acronym_forms: Set[Tuple[str, str]] = set()  # (canonical, folded) of each acronym kept as a name
        for pid, name in names:
            self._order.setdefault(pid, len(self._order))
            for form, full in zip(typed_forms(name), gendered_forms(name)):
                # A form that lost a bracket keeps it when it would otherwise be the start of other
                # names (« Chef de projet (…) » among the many « Chef de projet … »).
                entries.append((pid, name_words(form), name_words(full.replace("(", " ").replace(")", " "))))
                folded_words.update(w for w in words(without_marks(full).translate(_LIGATURES))
                                    if w not in SMALL_WORDS)
            # (one written with « & » is no word of the language, however short: « V&V »)
            written = acronyms(name)
            kept = [fold(a.replace("&", "")) for a in written
                    if "&" in a or fold(a) not in ordinary or len(a) >= 3 and fold(a) not in _SHORT_COMMON]
            entries += [(pid, (canonical(a),), None) for a in kept]
            acronym_forms.update((canonical(a), a) for a in kept)
            # an acronym too common to name a job alone (« IA ») still names it after the title's first word
            # (« ingénieur IA »), unless it is a little word of every sentence (« responsable si je casse… »)
            common = [fold(a) for a in written if "&" not in a and fold(a) not in kept and fold(a) not in _SHORT_COMMON]
            first = name_words(typed_forms(name)[0])[:1] if common else ()
            entries += [(pid, first + (canonical(a),), None) for a in common if first]
            head = next(iter(words(without_marks(name))), "")
            # « SAV » in « Responsable service après-vente (SAV) … », « TIG » in « Soudeur … (TIG) »: an acronym of a
            # complement, not of the job (« IDE », « ARC » start as their title does)
            self._of_complement |= {canonical(a) for a in kept if head and a[:1].lower() != head[:1]}
            self._joined |= {fold(a.replace("&", "")) for a in written if "&" in a}
        starts: Dict[Tuple[str, ...], Set[str]] = defaultdict(set)
        for pid, key, _ in entries:
            for end in range(1, len(key)):
                starts[key[:end]].add(pid)
        weak = {(pid, key) for pid, key, full in entries if full and full != key and starts.get(key, set()) - {pid}}
        seen: Set[Tuple[str, Tuple[str, ...]]] = set()
        for pid, key, full in entries:
            if (pid, key) in weak:
                if full == key:  # the same form written without its bracket (an alias)
                    continue
                key = full
            if not key or (pid, key) in seen:
                continue
            seen.add((pid, key))
            if pid not in self._exact.setdefault(key, []):
                self._exact[key].append(pid)
            for word in key:
                self._postings[word].add(len(self._names))
            self._names.append((pid, key))
            if len(key) > 1:
                self._heads[key[0]].add(pid)
        self._starts = {key[0] for _, key in self._names}
        self._by_pid: Dict[str, List[int]] = defaultdict(list)
        for i, (pid, _) in enumerate(self._names):
            self._by_pid[pid].append(i)
        self._agents |= {canonical(w) for w in folded_words if _AGENT.search(w)}
        # An acronym is a name only as it is written: « idée » folds to a word whose canonical form is
        # « ide », which must not read as « IDE » (read() keeps such a word as written).
        self._acronyms: Dict[str, Set[str]] = defaultdict(set)
        self._acronym_keys = frozenset(key for key, _ in acronym_forms)  # every title's acronym (« dsi »)
        for key, written in acronym_forms:
            if not any(key in name_key and len(name_key) > 1 for _, name_key in self._names):
                self._acronyms[key] |= {written, written + "s"}
        # an everyday word is a name said as a job only where the index holds the title it stands for
        self._said = {word: full for word, full in self._said.items()
                      if tuple(canonical(w) for w in full if w not in SMALL_WORDS) in self._exact}
        # names read only in full: their first word is an everyday one, which alone names no job
        self._whole: Dict[Tuple[str, ...], List[str]] = {}
        for pid, name in whole:
            self._order.setdefault(pid, len(self._order))
            for form in typed_forms(name):
                key = name_words(form)
                if len(key) > 1 and pid not in self._whole.setdefault(key, []):
                    self._whole[key].append(pid)
        self._longest = max(map(len, self._exact), default=0)
        self._vocabulary = sorted(self._postings)
        self._sounds = self._sound_keys(folded_words)
        self._sound_list = list(self._sounds)
        self._initials = self._initials_of(common)

    @staticmethod
    def _sound_keys(folded_words: Iterable[str]) -> Dict[str, str]:
        """The sound key of each folded word of the names -> its canonical word; a key two words share
        is left out (it would be a guess)."""
        keys: Dict[str, Set[str]] = defaultdict(set)
        for word in folded_words:
            keys[sound(word)].add(canonical(word))
        return {key: next(iter(found)) for key, found in keys.items() if len(found) == 1 and len(key) >= 4}

    def _initials_of(self, common: FrozenSet[str]) -> Dict[str, str]:
        """A name's initials (« cpe » for conseiller principal d'éducation, « crs » for the complement
        compagnie républicaine de sécurité) -> its profession, when only one profession has them and they
        are neither a word of the names nor a frequent word."""
        found: Dict[str, Set[str]] = defaultdict(set)
        for pid, key in self._names:
            for start in range(len(key)):
                run = key[start:]
                if start == 0 or len(run) >= INITIALS[0]:
                    letters = "".join(w[0] for w in run)
                    if INITIALS[0] <= len(letters) <= INITIALS[1] and letters.isalpha():
                        found[letters].add(pid)
        return {letters: next(iter(pids)) for letters, pids in found.items()
                if len(pids) == 1 and letters not in self._postings and letters not in common
                and letters not in SMALL_WORDS and letters not in _SHORT_COMMON}

    # -- a message ------------------------------------------------------------------------------
    def read(self, folded: str) -> Read:
        """The words of a message (folded): clipped words replaced, typos corrected, each with its frame. A message
        read a moment ago is not read again."""
        read = self._reads.get(folded)
        if read is None:
            if len(self._reads) >= READS_KEPT:
                self._reads.clear()
            read = self._reads[folded] = self._read(folded)
        return read

    def _read(self, folded: str) -> Read:
        """`read`, done."""
        # « Bonjour, plombier c'est bien ? »: the greeting blanked out, the name is where the message starts.
        folded = _SURNAME.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + " " * len(m.group(1)), folded)
        text = without_marks(masked_folded(folded)).translate(_LIGATURES)
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", text)  # « o.r.l. », « a.e.s.h »: « orl »
        joined = {w.replace("&", "") for w in re.findall(r"[a-z0-9]+&[a-z0-9]+", text)}  # « v&v » as written
        text = re.sub(r"(\w)&(\w)", r"\1\2", text)
        # (the end of a sentence is kept as « . », a comma as « , »: a name does not run across them, and what follows
        # a sentence's end starts anew)
        tokens = self._unglued(re.findall(r"[a-z0-9]+|(?<=[a-z0-9 ])[.!?;,]+(?= )", text))
        tokens = self._described([_COMMA if t[0] == "," else _STOP if t[0] in ".!?;" else t for t in tokens])
        while tokens and tokens[0] in _BREAKS:  # (« Bonjour, plombier… »: the greeting blanked, the name starts it)
            tokens.pop(0)
        raw, folded, framed, linked, also, shortened, articled, sentences, at = [], [], [], [], [], [], [], [], []
        breaks_so_far = list(accumulate(t in _BREAKS for t in tokens))  # (a word's: the sentence it is in)
        gap: List[str] = []  # the small words since the last word kept
        refused = _refused(tokens)
        for i, token in enumerate(tokens):
            # « pouvez-vous me conseiller ? », « notre cuisinière à gaz »: no job (_NO_JOB_AFTER); « je ne veux pas être
            # boucher, je préfère poissonnier »: a job refused is not the one named (_refused)
            # (an acronym a title writes with « & » names it only written so: « vv » is no « V&V »)
            if i in refused or len(token) < 2 or token in SMALL_WORDS or i and tokens[i - 1] in _NO_JOB_AFTER \
                    or self._not_a_job(tokens, i) or token in self._joined and token not in joined:
                gap.append(token)
                continue
            frame = self._frame(tokens, i)
            if frame == 2 and i and tokens[i - 1] == "plutot" and self._heads.get(canonical(token)):
                frame = 1  # « plutôt agent ou je reste au lycée ? »: a head noun alone names no job, « plutôt » or not
            if frame and self._a_field(tokens, i):
                frame = 0  # « un métier d'art »: a field of work, not the art therapist
            after = bool(gap) and gap[-1] in _COMPLEMENT
            # « directeur et sport »: a word after « et », « pour »… is no complement of the one before
            apart = any(w in SMALL_WORDS and w not in _COMPLEMENT | _ARTICLES or w in _BREAKS for w in gap)
            gap = []
            clipped = self._said.get(token) if _said_as_job(tokens, i) else None
            if not clipped:
                clipped = self._clippings.get(token)
                if clipped and token in self._ordinary and not frame and not (raw and raw[-1] in self._postings):
                    clipped = None  # « c'est quoi véto ? »: an everyday word, not said as a job nor after one
            if clipped and canonical(token) in self._postings:
                also += [canonical(w) for w in clipped if w not in SMALL_WORDS]
                clipped = None
            for j, word in enumerate(w for w in clipped or (token,) if w not in SMALL_WORDS):
                key = canonical(word)
                raw.append(word if key in self._acronyms and word not in self._acronyms[key] else key)
                folded.append(word)
                framed.append(frame if j == 0 else 0)
                linked.append((after if j == 0 else True, apart and j == 0))
                shortened.append(bool(clipped))
                articled.append(j == 0 and i > 0 and (tokens[i - 1] in _ARTICLED or tokens[i - 1] in _BEFORE_NOUN
                                                      and i > 1 and tokens[i - 2] in _ARTICLED))
                sentences.append(breaks_so_far[i])
                at.append(i)
        corrected = tuple(self._corrected(w, f) for w, f in zip(raw, folded))
        comma = _setting_comma(tokens)
        setting = tuple(w for w, i in zip(corrected, at) if i < comma)
        return Read(tuple(raw), corrected, tuple(folded), tuple(framed), tuple(linked), tuple(also),
                    tuple(shortened), tuple(articled), tuple(tokens), tuple(sentences), tuple(at),
                    setting, comma + 1 if setting else -1)

    def _described(self, tokens: List[str]) -> List[str]:
        """« mon rêve c'est de conduire les trams », « celui qui ramone les cheminées »: a job told by what its holder
        does, after a wish or « celui qui », is read as the job whose name starts with the verb's agent noun
        (« conducteur », « ramoneur »), as if « devenir … » had been said, when the words after the verb tell one name
        of that agent apart, or when the agent is a name of one word and the wish is said of a job (« plus tard »,
        « mon rêve », « je me vois bien », « celui qui », a word of work). « je veux acheter une voiture » names none."""
        for i, token in enumerate(tokens):
            how = _wished(tokens, i)
            agent = self._agent_of(token, conjugated=how == _BY_SOMEONE) if how else None
            if not agent:
                continue
            told = self._told_by_object(agent, tokens, i)
            if told or (canonical(agent),) in self._exact and (how >= _STRONG_WISH or self._says_work(tokens)):
                # (the name told apart is read as said whole: « coiffer … dans un salon de barbier », coiffeur barbier)
                return tokens[:i] + ["devenir", agent] + list(told) + tokens[i + 1:]
        return tokens

    def _agent_of(self, verb: str, conjugated: bool) -> Optional[str]:
        """The agent noun of a verb (« ramoner »: « ramoneur »; « conduire »: « conducteur »; « enseigner »:
        « enseignant »; conjugated, « ramone », « conduit ») that starts a name of the index, or None."""
        if verb in self._postings or canonical(verb) in self._postings or len(verb) < 5 \
                or verb not in self._known and verb not in self._ordinary:
            return None
        endings = ("uire", "er", "ir") + (("uit", "ent", "e") if conjugated else ())
        ending = next((e for e in endings if verb.endswith(e)), None)
        if ending is None:
            return None
        stem = verb[:-len(ending)]
        agents = [stem + "ucteur"] if ending in ("uire", "uit") else \
            [stem + "eur", stem + "ateur", stem + "ant"] + ([stem + "isseur"] if ending == "ir" else [])
        return next((agent for agent in agents if canonical(agent) in self._starts), None)

    def _told_by_object(self, agent: str, tokens: Sequence[str], i: int) -> Tuple[str, ...]:
        """The other words of the one name that starts with `agent` told apart by the words after the verb at i, up to
        the end of its sentence (« conduire les trams »: « tramway »), or () when none or several are."""
        head = canonical(agent)
        objects = [canonical(t) for t in takewhile(lambda t: t not in _BREAKS, tokens[i + 1:]) if t not in SMALL_WORDS]
        told = {self._names[k][1][1:] for pid in self._heads.get(head, ()) for k in self._by_pid[pid]
                if self._names[k][1][0] == head and any(_close(o, w) for o in objects for w in self._names[k][1][1:])}
        pids = {pid for key in told for pid in self._exact.get((head,) + key, ())}
        return min(told, key=len) if len(pids) == 1 else ()

    def _unglued(self, tokens: List[str]) -> List[str]:
        """« maître dhôtel »: an elision written without its apostrophe (« d », « l ») split from the word of a name it
        is glued to, when the glued word is neither a word of the names nor of the language."""
        out: List[str] = []
        for token in tokens:
            rest = token[1:]
            if len(token) > 3 and token[0] in "dl" and rest[0] in "aeiouyh" and token not in self._postings \
                    and token not in self._ordinary and canonical(rest) in self._postings:
                out += [token[0], rest]
            else:
                out.append(token)
        return out

    def _not_a_job(self, tokens: Sequence[str], i: int) -> bool:
        """Whether token i is a verb, an adjective or an activity where it stands (_VERB_AFTER, _SUBJECTS,
        _DETERMINERS, _DOING)."""
        before = tokens[i - 1] if i else ""
        if before in _VERB_AFTER:
            return True
        if i >= 2 and before in _THING_ARTICLES and tokens[i - 2] in _OBJECT_VERBS \
                and not (tokens[i - 2] in _SEEING and self._says_work(tokens)):
            return True  # « mon père a loué une foreuse », « elle a acheté une brodeuse »: a thing bought or rented
        if i >= 3 and before in {"un", "une"} and tokens[i - 2] in _HAS and tokens[i - 3] not in {"y", "qu", "on"} \
                and not self._says_work(tokens):
            return True  # « le voisin a une foreuse dans son jardin »: a thing owned (not « il y a un … »)
        if i >= 2 and tokens[i - 2] in {"dans", "sur", "sous"} and not self._says_work(tokens) \
                and (before in {"un", "une"} or before in {"la", "le", "l"} and canonical(tokens[i]) in self._agents):
            # « des tomates dans une jardinière », « le fil dans la brodeuse »: a thing, in a message of no work (after
            # « dans la », only a word made like a job's: « officier dans l'armée » is a place)
            return True
        if i >= 2 and before in _THING_ARTICLES and tokens[i - 2] == "dans" and canonical(tokens[i]) in self._acronym_keys:
            return True  # « admin réseau dans une PME »: an acronym after « dans une » is a place (« dans l'armée » may
            # still tell a name apart)
        if i >= 2 and (before in _PARTITIVES and tokens[i - 2] in _DOING
                       or before in {"la", "l"} and tokens[i - 2] == "de" and i >= 3 and tokens[i - 3] in _DOING) \
                and not self._says_work(tokens):
            return True  # « j'ai fait du VTT ce weekend »: a pastime (« faire du VTC à côté des études » is work)
        if before in _SUBJECTS and (i == 1 or tokens[i - 2] in _BEFORE_SUBJECT or tokens[i - 2] in _BREAKS):
            return True
        if i + 2 < len(tokens) and tokens[i + 1] in {"de", "d"} and self._infinitive(tokens[i + 2]):
            return True  # « qui est responsable de sortir les poubelles ? », « chargé de surveiller »: a duty, no title
        if before in _TO_DO and tokens[i].endswith("er") and i + 1 < len(tokens) and tokens[i + 1] in _DETERMINERS \
                and not self._says_work(tokens):
            return True  # « il m'a appris à écailler le poisson »: an infinitive and its object, in a message of no work
        if any(t in _WORKS for t in tokens[max(0, i - 3):i]) and all(t in _WORKS or t in SMALL_WORDS
                                                                       for t in tokens[max(0, i - 3):i][-2:]):
            return True  # « le film Sage femme », « la chanson Le Facteur »: the title of a work
        if i >= 2 and tokens[i - 2] == "chez" and before in {"le", "la", "l"} and not self._says_work(tokens):
            return True  # « j'emmène le chat chez le véto »: a place one goes to, in a message of no work
        if before == "en" and i >= 2 and tokens[i - 2] not in _BREAKS and tokens[i - 2] not in SMALL_WORDS \
                and self._corrected(canonical(tokens[i - 2]), tokens[i - 2]) not in self._postings \
                and not self._says_work(tokens[i - 2:i - 1]) \
                and not any(canonical(w) in self._postings for w in tokens[i + 1:i + 5] if w not in SMALL_WORDS):
            # « assis en tailleur », « une formation en électricité »: a manner or a field, no one's job (« ce qu'on
            # apprend en assistant sur des projets », followed by more words of a name, is one)
            return True
        # (« est-ce que ripeur… »: « ce que » is no article and a noun)
        # (« ses taux directeurs »: after a possessive and a noun, an adjective as well)
        return i >= 2 and (tokens[i - 2] in _DETERMINERS or tokens[i - 2] in _OWNERS) and before not in SMALL_WORDS \
            and before not in _PERSONS \
            and before not in _RELATIVES and not (before in _BEFORE_NOUN and tokens[i - 2] in _INDEFINITE) \
            and before not in _STRONG_FRAMES and self._corrected(canonical(before), before) not in self._postings

    def _a_field(self, tokens: Sequence[str], i: int) -> bool:
        """Whether token i, after « métier de », is a field of work (« un métier d'art ») rather than a person: an
        everyday word that starts one longer name but is none, and has no ending of a person (« métier de marin » is;
        « métier de responsable » starts many names: which one is asked)."""
        word = tokens[i]
        key = canonical(word)
        return i >= 2 and tokens[i - 2] == _FRAME_PAIRS.get(tokens[i - 1]) == "metier" and word in self._ordinary \
            and len(self._heads.get(key, ())) == 1 and (key,) not in self._exact and key not in self._agents

    @staticmethod
    def _frame(tokens: Sequence[str], i: int) -> int:
        if i == 0 or tokens[i - 1] == _STOP:  # the start of the message or of a sentence
            return 2
        if tokens[i - 1] == _COMMA and _setting_comma(tokens) == i - 1:
            return 2  # « en cuisine, commis »: the job said after its setting
        before = tokens[i - 1]
        if before in _BEFORE_NOUN and i >= 2:
            j = i - 2
            while j > 0 and tokens[j] in _INTENSIFIERS:
                j -= 1  # « une très bonne journaliste », « une super coiffeuse »
            if tokens[j] in _INDEFINITE:
                return NameIndex._frame(tokens, j + 1)  # « un bon luthier »: as « un luthier »
        if i >= 2 and (before in _IS and tokens[i - 2] in _PERSONS
                       or before in _IS_OF_PERSONS and (tokens[i - 2] in _SUBJECTS or tokens[i - 2] in _PEOPLE)):
            return 2  # « il est ambulancier », « ma marraine est traductrice »: someone's job
        if before == "bien" and i >= 2 and tokens[i - 2] in _DREAMING:
            return 2  # « je me vois bien steward »
        if before in _FRAME_PAIRS:
            return 2 if i >= 2 and tokens[i - 2] == _FRAME_PAIRS[before] else 0
        return 2 if before in _STRONG_FRAMES else 1 if before in _FRAMES else 0

    def find(self, text: str, narrow: bool = True) -> Tuple[str, ...]:
        """The profession(s) a message names: one, several equally well (ambiguous), or none.
        `narrow`: also a head noun the rest of the message tells apart (« conductrice de tram »), and
        one distinctive word (« devenir légiste »); False for a name written in a fiche (an evolution),
        which must be a name in full."""
        return self.find_folded(fold(text), narrow, proper=proper_names(text))

    def is_whole_name(self, name: str) -> bool:
        """Whether a name is written whole as one of the index's names (« Caissier de l'emballage industriel »), not
        shortened to some of its words (« caissier »)."""
        return name_words(name) in self._exact

    def speaks_of_work(self, folded: str) -> bool:
        """Whether a message (folded) says a word of work or studies (knowledge/mots_du_metier.yml)."""
        return self._says_work(re.findall(r"[a-z0-9]+", folded))

    def _says_work(self, tokens: Iterable[str]) -> bool:
        return not self._career.isdisjoint(canonical(w) for w in tokens)

    def find_folded(self, folded: str, narrow: bool = True, at_work: bool = False,
                    proper: Sequence[str] = ()) -> Tuple[str, ...]:
        """`find` of a message already folded (the understanding folds a message once). `at_work`: the text is a part
        of a message that speaks of work or studies (« l'archi et le technicien, quels outils ? » looked up part by
        part), so an everyday word in it may be a name. `proper`: the proper names it writes (`proper_names`), left
        out unless one name holds both their words (« Infirmière Puéricultrice » typed capitalised)."""
        for name in proper:
            both = {canonical(w) for w in name.split()}
            if not any(both <= set(self._names[i][1]) for i in self._candidates(both)):
                folded = re.sub(rf"\b{re.escape(name)}\b", " " * len(name), folded)
        read = self.read(folded)
        found = self._found(read, narrow)
        if not found or not narrow or not self._career or at_work \
                or self._says_work(read.tokens):
            return found
        told = "?" not in folded  # a story told, not a question asked
        return tuple(pid for pid in found if not self._everyday(read, pid, told))

    def _everyday(self, read: Read, pid: str, told: bool = False) -> bool:
        """Whether the message names the profession by one everyday word, not said as a job (not after « devenir »,
        « un », nor first): « la fonte des glaciers », « le serveur de l'ENT », in a message that speaks of
        neither work nor studies; or, in a story told (`told`: no question asked), as the subject of what happened
        (« la dépanneuse a dû remorquer notre voiture », « Marin vient dormir à la maison »)."""
        if pid in self._longest_whole(read.raw)[0]:
            return False  # « femme de chambre » written whole
        own = self._own_words(pid)
        # (« bleu marine ou noir »: « ou » of « mécanique marine ou navale » says nothing of the name)
        said = [i for i, w in enumerate(read.words) if w in own and w not in _JOINING]
        if len(said) > 1:
            # « sur les réseaux sociaux tout le monde fait semblant »: ordinary words of a name without its head noun, none
            # said as a job, in a message of no work
            return all(self._is_ordinary(read.folded[i], told) and read.words[i] not in self._starts and read.framed[i] < 2
                       and not read.clipped[i] and read.folded[i] not in self._initials
                       and read.words[i] not in self._acronym_keys for i in said) \
                and not any(f in self._initials for f in read.folded)
        if len(said) != 1:
            return False
        i = said[0]
        if read.articled[i] and len(read.words) == 1:
            return False  # « et un archi ? »: a job asked after another, the only word of the message
        # (« mon frère est pizzaiolo à Toulouse »: a word after « est » is what someone is, not the subject of a story)
        if told and read.folded[i] in read.tokens and _story_subject(read.tokens, read.at[i]) \
                and not (read.at[i] and read.tokens[read.at[i] - 1] in _IS_OF_PERSONS):
            return True

        # an acronym (« DSI ») or initials are written as a name, never as a word of the language. (A rarer word the
        # language knows, « la foreuse », is not everyday: « le styliste » is as rare, and a job.)
        # An acronym of a title's complement is a thing as often (« le SAV de ma console », « 70 heures de TIG »).
        # (« un SFE » is a person)
        if read.words[i] in self._of_complement:
            return read.framed[i] < 2 and not read.articled[i] and not read.clipped[i]
        return (read.framed[i] < 2 or read.articled[i]) and not read.clipped[i] and self._is_ordinary(read.folded[i], told) \
            and read.words[i] not in self._acronym_keys and read.folded[i] not in self._initials

    def _found(self, read: Read, narrow: bool) -> Tuple[str, ...]:
        """`find_folded` of a message read, before everyday words are told from names."""
        exact, length = self._longest_exact(read.raw)
        whole, whole_length = self._longest_whole(read.raw)
        if whole_length > length:  # « garçon de café », read only in full
            return whole
        if read.words != read.raw:
            fixed, fixed_length = self._longest_exact(read.words)
            if fixed_length > length:  # « secretaire medicalle »: the corrected name is the longer one
                exact, length = fixed, fixed_length
        shortened, shortened_length, end = self._shortened(read.words)
        # « ux designer » for « UX - UI Designer », not « Designer »; never when a complement follows that
        # the profession's names lack (« chef de projet numérique » is not chef de projet coopération), and,
        # for a name written in a fiche, only when the run is the whole name.
        # A run without the head noun of a name does not outweigh a name said whole (« cascadeur … du sport de haut
        # niveau » names the stunt performer, not the coach)
        headless = exact and not any(w in self._starts for w in read.words[end - shortened_length:end])
        if shortened_length > length and not headless and (shortened_length == len(read.words) or narrow and not any(
                (read.linked[j][0] or read.words[j] in self._postings and not read.linked[j][1])
                and read.words[j] not in _CIRCUMSTANCES and read.words[j] not in self._career
                for j in range(end, min(end + 1, len(read.words))))):
            return shortened
        if len(exact) > 1 and narrow:
            # « technicien HSE »: an acronym two titles share, told apart by the head noun said beside it
            heads = {w for w in read.words if w in self._heads}
            told = tuple(pid for pid in exact if any(pid in self._heads[h] for h in heads))
            exact = told if len(told) == 1 else exact
        if exact and length == 1 and narrow and (self._said_of_longer(read, exact[0]) or self._set_longer(read, exact[0])):
            # « formatrice engins TP »: a one-word name followed by words of longer names of that head is one of them
            # (or the student is asked which), not the bare title
            decided, candidates = self._narrowed(read)
            return candidates if decided else ()
        if exact:
            return exact
        # every word of a name in one sentence or comma-separated part (« directeur, il faut faire quelle école ? » is
        # no « directeur d'école »)
        covered = next((found for part in sorted(set(read.sentences)) if (found := self._covered(
            {w for w, at in zip(read.words, read.sentences) if at == part}))), ())
        if covered and len(covered) == 1 and narrow and self._said_of_longer(read, covered[0]):
            # « contrôleuse défense aérienne »: every word of « contrôleur aérien » said, and a word only a longer name of
            # that head has: that name (or the student is asked which)
            decided, candidates = self._narrowed(read)
            return candidates if decided else ()
        if covered:
            return covered
        initials = self._by_initials(read)
        if initials or not narrow:
            return initials
        decided, candidates = self._narrowed(read)
        if decided:
            return candidates
        # « urgentiste, les gardes c'est comment ? »: a distinctive word said as a job is not outweighed by a
        # head noun after « le », « les » (a subject as often as a job); it is by one said as a job.
        distinctive = self._distinctive(read)
        if not distinctive and not candidates:
            # « je voudrais travailler dans la matériovigilance », « le désenfumage c'est quoi comme métier ? »: the field
            # of one profession only, a rare word, in a message that speaks of work or studies
            return self._field(read)
        return distinctive if not candidates or distinctive and not self._narrowed(read, strong=True)[1] else ()

    def _field(self, read: Read) -> Tuple[str, ...]:
        """The one profession whose names hold a rare word of the message that names no person (the field of that
        profession: « la radioprotection »), written as it is, when the message speaks of work or studies; () when
        several such words or professions are found."""
        if not self._says_work(read.tokens) or any(a in _THIS and b in _JOB_NOUNS for a, b in zip(read.tokens, read.tokens[1:])):
            return ()  # (« faut-il des connaissances en géopolitique pour ce métier ? » asks of the profession in play)
        found = set()
        for word, written, clipped in zip(read.words, read.raw, read.clipped):
            if word == written and not clipped and word not in self._agents and word not in self._starts \
                    and written not in self._ordinary and word not in self._career and len(word) >= FIELD_MIN:
                ids = self._ids(self._postings.get(word, ()))
                if len(ids) == 1:
                    found.add(ids[0])
        return tuple(found) if len(found) == 1 else ()

    def heads(self, text: str) -> Tuple[str, ...]:
        """For a message that names no profession in full but holds a head noun that starts several names
        (« combien gagne un technicien ? »): the professions of that head, those whose other words the
        message holds (or starts: « tram » for « tramway ») first; one when the rest of the message
        tells it apart. Empty when the message holds no such head."""
        return self.heads_folded(fold(text))

    def heads_folded(self, folded: str) -> Tuple[str, ...]:
        """`heads` of a message already folded."""
        return self._narrowed(self.read(folded))[1]

    def _narrowed(self, read: Read, strong: bool = False) -> Tuple[bool, Tuple[str, ...]]:
        """(whether one profession is told apart, the candidates best first) of the message's heads;
        `strong`: only the heads said as a job (after a verb of becoming, « un », « une », or first)."""
        heads = {w for w, frame in zip(read.words, read.framed) if frame > strong and self._heads.get(w)}
        set_job = {w for w, at in zip(read.words, read.at) if w in heads and at == read.after_setting}
        heads = set_job or heads  # « en cuisine, commis, c'est le premier poste ? »: the job is the one after its setting
        if not heads:
            return False, ()
        # The words that complement a head (« conducteur de tram », « mécanicienne moto »), not the rest
        # of the question (« c'est quoi les études » says nothing of which chef de projet).
        others = [read.words[j] for i in range(len(read.words)) if read.words[i] in heads
                  for j in self._complement(read, i, heads)] + list(read.also)
        if set_job:
            others += read.setting  # « à la pharmacie, préparatrice »
        # Each candidate: how well the complement matches its other words, then whether it matches them all
        # (« éducatrice spécialisée » is educateur spécialisé, not a longer name that also has spécialisé).
        scored: Dict[str, Tuple[int, int]] = {}
        for head in heads:
            for i in self._postings[head]:
                pid, key = self._names[i]
                if key[0] != head:
                    continue
                # each word of the name once: « travaux … de travaux agricoles » is not twice as close
                closeness = [max((_close(o, w) for o in others), default=0) for w in dict.fromkeys(key[1:])]
                score = (sum(closeness), int(any(closeness) and all(closeness)))
                scored[pid] = max(scored.get(pid, score), score)
        best = max(scored.values())
        top = [pid for pid, score in scored.items() if score == best]
        ranked = tuple(sorted(scored, key=lambda pid: (tuple(-x for x in scored[pid]), self._order[pid])))
        if len(top) == 1 and not self._foreign(read, heads, top[0]):
            return True, (top[0],)
        return False, ranked[:MOST_AMBIGUOUS]

    def _said_of_longer(self, read: Read, pid: str) -> bool:
        """Whether the head of `pid`'s name is followed, as its complement, by a word that is not of its names but of
        another name that starts with it (« formatrice engins » for formatrice conduite d'engins…, « contrôleuse défense
        aérienne » for contrôleur de la circulation et de la défense aérienne)."""
        own = self._own_words(pid)
        for i, word in enumerate(read.words):
            if word not in own or not self._heads.get(word):
                continue
            longer = self._longer_words(word, pid, own)
            if any(_close(read.words[j], w) for j in self._complement(read, i, {word}) for w in longer):
                return True
        return False

    def _set_longer(self, read: Read, pid: str) -> bool:
        """Whether `pid`'s one-word name is said right after a setting (« à la mairie, secrétaire ») that holds a word
        of a longer name of that head and none of `pid`'s own."""
        own = self._own_words(pid)
        for word, at in zip(read.words, read.at):
            if at == read.after_setting and word in own and self._heads.get(word):
                return any(_close(s, w) for s in read.setting for w in self._longer_words(word, pid, own))
        return False

    def _longer_words(self, head: str, pid: str, own: Set[str]) -> Set[str]:
        """The words of the other names that start with `head` (`pid`'s head noun) that `pid`'s names (`own`) lack."""
        return {w for other in self._heads[head] if other != pid for k in self._by_pid[other]
                for w in self._names[k][1]} - own

    def _own_words(self, pid: str) -> Set[str]:
        return {w for i in self._by_pid[pid] for w in self._names[i][1]}

    def _complement(self, read: Read, i: int, heads: Set[str]) -> List[int]:
        """The positions of the words that follow the head at `i` as its complement: after « de », « en »…,
        or words of names (« mécanicienne moto »), or close to a word of that head's names (« specialiser »)."""
        if not read.framed[i]:
            return []
        words_of_head = {w for h in heads for pid in self._heads[h] for k in self._by_pid[pid]
                         for w in self._names[k][1]}
        out = []
        for j in range(i + 1, len(read.words)):
            follower = read.words[j]
            linked, apart = read.linked[j]
            if read.words[j] in heads or apart or not (linked or follower in self._postings
                                                       or any(_close(follower, w) for w in words_of_head)):
                break
            out.append(j)
        return out

    def foreign_folded(self, folded: str) -> Optional[str]:
        """A head noun of the names said with a complement none of that head's names has (« combien gagne un chargé de
        communication ? » when the only « chargé » is « chargé de mission relations internationales »): the words of
        that other job, as written (folded); None otherwise."""
        read = self.read(folded)
        for i, word in enumerate(read.words):
            if word not in self._heads:
                continue
            # (« et chargé de communication ? »: a head after « et » or first, as after an article)
            framed = read if read.framed[i] or not (i == 0 or read.tokens[max(0, read.at[i] - 1)] in {"et", "ou"}) \
                else replace(read, framed=read.framed[:i] + (1,) + read.framed[i + 1:])
            after = self._complement(framed, i, {word})
            own = {w for pid in self._heads[word] for w in self._own_words(pid)}
            # (every word of the complement another's: « chargé de projets internationaux » may be this one, loosely said)
            if after and not any(_close(read.words[j], w) for j in after for w in own):
                return " ".join(read.tokens[read.at[i]:read.at[after[-1]] + 1])
        return None

    def _foreign(self, read: Read, heads: Set[str], pid: str) -> bool:
        """The words that follow a head as its complement (« dresseur de pokemon », « médiateur en
        cartographie sonore ») are not words of the profession's names: the message speaks of another job
        than the one the head alone would give."""
        own = self._own_words(pid) | set(heads)
        for i, word in enumerate(read.words):
            if word not in heads:
                continue
            for j in self._complement(read, i, heads):
                follower = read.words[j]
                if not any(_close(follower, w) for w in own) and not any(_close(a, w) for a in read.also
                                                                          for w in own):
                    return True
        return False

    def _distinctive(self, read: Read) -> Tuple[str, ...]:
        """« je veux être légiste », « barbier, c'est quel diplôme ? »: a word that designates a person
        (gendered in its title, or by its ending), introduced as a job, that only one profession's names
        have; never a word of several, nor an everyday word after « la » or « les »."""
        found = set()
        for word, written, frame, clipped in zip(read.words, read.raw, read.framed, read.clipped):
            if frame == 2 and word == written and not clipped and word in self._agents:
                ids = self._ids(self._postings.get(word, ()))
                if len(ids) == 1:
                    found.add(ids[0])
        return tuple(found) if len(found) == 1 else ()

    def _by_initials(self, read: Read) -> Tuple[str, ...]:
        """« devenir OPJ »: the initials of one profession's name (or of its complement), when no other
        profession has them and they are not a word of the language: « CFA », « SMS » or « STP » are
        everyday initials, whatever title they also abbreviate (knowledge/abreviations.yml declares those
        that name a job)."""
        found = {self._initials[f] for f in read.folded
                 if f in self._initials and f not in self._ordinary}
        return tuple(found) if len(found) == 1 else ()

    def holding(self, text: str) -> Tuple[str, ...]:
        """The professions one of whose names holds the words of `text`, in order and together (« tourisme
        durable » in « Guide de tourisme durable »)."""
        asked = name_words(text)
        if not asked:
            return ()
        n = len(asked)
        return self._ids(i for i in self._candidates(set(asked))
                         if any(self._names[i][1][k:k + n] == asked for k in range(len(self._names[i][1]) - n + 1)))

    def resolve(self, name: str) -> Tuple[str, ...]:
        """The profession(s) an extracted name refers to: as `find`, and also a part of a name
        (« chargé de mission » for « chargé de mission relations internationales ») when only
        one profession has it."""
        found = self.find(name, narrow=False)
        if found:
            return found
        asked = set(self.read(fold(name)).words)
        if not asked:
            return ()
        ids = self._ids(i for i in self._candidates(asked) if asked <= set(self._names[i][1]))
        return ids if len(ids) == 1 else ()

    # -- steps --------------------------------------------------------------------------------
    def _longest_exact(self, found: Sequence[str]) -> Tuple[Tuple[str, ...], int]:
        """The professions of the longest name written in full in the message, and its length in words."""
        best: Tuple[str, ...] = ()
        best_length = 0
        for start in range(len(found)):
            for end in range(start + 1, min(len(found), start + self._longest) + 1):
                ids = self._exact.get(tuple(found[start:end]))
                if ids and end - start > best_length:
                    best, best_length = self._ids_in_order(ids), end - start
        return best[:MOST_AMBIGUOUS], best_length

    def _longest_whole(self, found: Sequence[str]) -> Tuple[Tuple[str, ...], int]:
        """The professions of the longest name read only in full (`whole`) that the message writes, and its length."""
        best: Tuple[str, ...] = ()
        best_length = 0
        for key, ids in self._whole.items():
            n = len(key)
            if n > best_length and any(tuple(found[i:i + n]) == key for i in range(len(found) - n + 1)):
                best, best_length = self._ids_in_order(ids), n
        return best[:MOST_AMBIGUOUS], best_length

    def _shortened(self, found: Sequence[str]) -> Tuple[Tuple[str, ...], int, int]:
        """A name shortened by the student (« médecin du travail » for médecin du travail et de
        prévention): a run of two or more of the message's words, one of them the first word of a name
        (or three words or more), that stand in this order in the names of one profession only.
        The profession, the run's length and where it ends."""
        best: Tuple[str, ...] = ()
        best_length = best_end = 0
        for start in range(len(found)):
            candidates: Optional[Set[int]] = None
            for end in range(start + 1, min(len(found), start + self._longest) + 1):
                postings = self._postings.get(found[end - 1], set())
                candidates = set(postings) if candidates is None else candidates & postings
                if not candidates:
                    break
                run = found[start:end]
                if run[-1] in _JOINING:
                    continue  # « social ou … »: a joining word ends no run of a name
                if end - start < 2 or end - start <= best_length \
                        or end - start < SHORTENED_WITHOUT_HEAD and not any(w in self._starts for w in run):
                    continue
                ids = self._ids(i for i in candidates if _in_order(run, self._names[i][1]))
                if len(ids) == 1:
                    best, best_length, best_end = ids, end - start, end
        return best, best_length, best_end

    def _corrected(self, word: str, folded: str) -> str:
        """A word of the message, or the word of the names it is a typo of (never an ordinary word)."""
        # (the word as written decides: « infirmère » is no ordinary word, though its canonical form « infirmer » is a verb)
        if word in self._postings or len(word) < CORRECTED_MIN_LENGTH or folded in self._ordinary \
                or word in self._ordinary and word == folded:
            return word
        alike = self._sounds.get(sound(folded))
        # (an acronym is written, never typed by mistake: « armmes » is no « ARM »)
        alike = None if alike in self._acronym_keys else alike
        # (a plural the lexicon has not seen, of a word it knows: « néphrologues »)
        if alike or folded in self._known or folded[-1:] in ("s", "x") and folded[:-1] in self._known:
            return alike or word
        # a typo keeps how a word starts, in letters or in sound (« odioprotésiste » for audioprothésiste): « encadreuse »
        # is no typo of « cadreuse »
        spelt = next((found for found, _, _ in process.extract(word, self._vocabulary, scorer=fuzz.ratio,
                                                                score_cutoff=WORD_SIMILARITY, limit=5)
                      if _same_start(found, folded) and found not in self._acronym_keys), None)
        if spelt is not None:
            return spelt
        # a typo both in letters and in sound, close to the ear (« choréografe » for chorégraphe)
        heard = sound(folded)
        if len(heard) < SOUND_MIN or self._verb_form(folded):
            return word  # (« factorisez » is a verb the language knows, no typo of « factrice »)
        return next((self._sounds[key] for key, _, _ in process.extract(heard, self._sound_list, scorer=fuzz.ratio,
                                                                        score_cutoff=SOUND_SIMILARITY, limit=3)
                     if _same_start(self._sounds[key], folded) and self._sounds[key] not in self._acronym_keys), word)

    def _is_ordinary(self, folded: str, told: bool = False) -> bool:
        """An ordinary word; in a message that asks nothing (`told`), the plural of one too (« ce soir, moules
        marinières »; « les fleuristes travaillent le dimanche ? » asks about a job)."""
        return folded in self._ordinary or told and folded[-1:] in ("s", "x") and folded[:-1] in self._ordinary

    def _infinitive(self, folded: str) -> bool:
        """Whether a folded word is an infinitive the language knows and no word of the names (« sortir », « trier »;
        not « chantier »)."""
        return (folded.endswith(("er", "ir")) or folded in _RE_VERBS) and folded not in self._clippings \
            and (folded in self._known or folded in self._ordinary) and canonical(folded) not in self._postings

    def _verb_form(self, folded: str) -> bool:
        """Whether a folded word is a form of a verb in -er the language knows (« factorisez »: « factoriser »)."""
        stems_ = (folded[:len(folded) - len(ending)] + "er" for ending in _VERB_ENDINGS if folded.endswith(ending))
        return any(stem in self._known or stem in self._ordinary for stem in stems_)

    def _candidates(self, asked: Set[str]) -> Set[int]:
        return set().union(*(self._postings.get(word, set()) for word in asked))

    def _covered(self, asked: Set[str]) -> Tuple[str, ...]:
        """Professions one of whose names has all its words in the message; the longest names win."""
        complete = [i for i in self._candidates(asked) if set(self._names[i][1]) <= asked]
        if not complete:
            return ()
        longest = max(len(self._names[i][1]) for i in complete)
        ids = self._ids(i for i in complete if len(self._names[i][1]) == longest)
        return ids[:MOST_AMBIGUOUS]

    def _ids(self, indexes: Iterable[int]) -> Tuple[str, ...]:
        return self._ids_in_order({self._names[i][0] for i in indexes})

    def _ids_in_order(self, ids: Iterable[str]) -> Tuple[str, ...]:
        return tuple(sorted(set(ids), key=self._order.__getitem__))
