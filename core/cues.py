"""What a message's wording tells the dialogue beyond its topic: whether it speaks of studies as a whole, asks for a
person, says who the student is, points at the jobs just listed… Read once from the folded message into
`Question.cues` (core/understanding.py); core/dialogue.py reads these answers, never the text again.

Pure functions on folded text (no Rasa, no facts, no I/O).
"""
import re
from dataclasses import dataclass
from typing import Optional, Tuple

# Words of studies as a whole (« les formations », « les diplômes »), and of continuing education.
_STUDIES = re.compile(r"\b(?:formations?|diplomes?|intitules?|cursus|etudes|ecoles?)\b")
_CONTINUING = re.compile(r"\bcontinue\b|\bevolu\w*|\bcertifica\w*|tout au long|en cours de carriere")
# « se former pour évoluer », « les certifications pour progresser »: training, not the way up itself.
_TRAINING = re.compile(r"\bforme[rz]?\b|\bformation|\bcertifica\w*|\bcontinue\b")
# « qu'est-ce qu'il faut pour évoluer ? »: the way up from this job.
_TO_PROGRESS = re.compile(r"\bpour (?:evoluer|progresser|monter en grade|avoir une promotion|prendre du galon|grimper)\b")

# A part of a message that says who the student is (« j'ai 42 ans », « 15 ans dans l'administratif », « je suis en
# BTS »): it sets the question that follows, it asks nothing itself.
_STATEMENT = re.compile(r"^\W*(?:(?:et|mais|bon|alors|donc)\W+)?(?:j'ai|je suis|j'etais|je fais|je travaille|je bosse"
                        r"|j'ai fait|je sors|moi\b|mon (?:fils|enfant)|ma fille|\d+ ans (?:dans|en|chez|comme|d'experience|de))\b")

# « j'aime pas parler en public, c'est grave ? », « je suis nul à l'écrit, ça craint ? »: whether a weakness of the student
# matters, which « Oui » would answer the wrong way round.
_WORRY = re.compile(r"\b(?:c'?est|c|ca|cela|est-ce) (?:grave|genant|bloquant|handicapant|penalisant|un (?:probleme|souci|frein|handicap))\b"
                    r"|\bca craint\b|\bc'?est mort\b|\bis (?:it|that) (?:bad|a problem)\b")

# « la gestion administrative c chiant non ? », « c'est intéressant le reporting ? »: an opinion of a thing asked, which a
# « Oui » would grant (the fiche says what the thing is, not whether it is dull)
_JUDGING = re.compile(r"\b(?:c'?est|c|ca|cest|ce sera|ca doit etre|is it) (?:pas )?(?:trop |tres |super |vraiment |hyper |un peu |assez )?"
                      r"(?:chiant|relou|ennuyeux|ennuyant|barbant|soulant|lourd|penible|dur|difficile|facile|simple|complique"
                      r"|interessant|passionnant|cool|sympa|fun|marrant|bien|stressant|fatigant|epuisant|boring|hard)\b")


# « tu dis "jongler", avec quoi ? », « "veille" ? »: a word or two of the last answer quoted back
_QUOTING = re.compile(r"[\"«“]\s*([^\"«»“”\s][^\"«»“”]{1,40}?)\s*[\"»”]")


def _quoted_words(folded: str) -> str:
    """The words a message quotes back (« tu dis "jongler", avec quoi ? »: « jongler »), joined; "" when none."""
    return " ".join(_QUOTING.findall(folded))


# « la petite citation sur le salaire », « le dicton »: a saying of the fiche.
_SAYING = re.compile(r"\bcitations?\b|\bdictons?\b|\bproverbes?\b|\bmaximes?\b|\bquotes?\b|\bquotation\b|\bpunch ?lines?\b"
                     r"|\b(?:petite|jolie|drole de) phrase\b|\bphrase (?:d'accroche|celebre)\b"
                     r"|\b(?:la|une|cette) phrase (?:sur|a propos du|au sujet du) (?:le )?salaire\b"
                     r"|\bphrases?(?: \w+){0,2} (?:marrante|drole|amusante|rigolote|connue|culte|choc)s?\b")
# « lequel est le plus adapté ? », « le plus conseillé »: which one suits best.
_BEST_FIT = re.compile(r"\b(?:le|la) (?:plus|mieux) (?:adaptee?|indiquee?|conseillee?|recommandee?|pertinente?)\b"
                       r"|\bbest suited\b|\b(?:lequel|laquelle|lesquel\w*)\b[^?.]{0,40}\breference\b")
# « la phrase sur le dictionnaire », « l'expression avec le travail »: a sentence of the fiche, named by what it says.
_PHRASE = re.compile(r"\b(?:phrases?|expressions?|formules?|slogans?|sentence)\b")
# « et il prépare à quels postes ? », « et ça, c'est obligatoire ? »: a follow-up on what was just answered.
_IT_FOLLOWS = re.compile(r"^\W*(?:et|mais|ok et|d'accord et)\W+(?:il|elle|ils|elles|ca|cela)\b")
# « il est utile pour ce métier ? », « il apprend quoi ? »: a question whose subject is what was just answered.
# (what such a question may start with: « et », « mais », « ok », « donc », « alors »)
_LEAD = r"^\W*(?:(?:et|mais|ok|donc|alors)\W+)?"
_IT_FIRST = re.compile(_LEAD + r"(?:(?:celui|celle)[- ]?(?:la|ci)\W+)?(?:il|elle)\b")  # (« et celui-là, il… »)
# « ça c'est en quelle position dans la liste ? », « elle est classée combien ? »: the rank of what was just answered.
_POSITION = re.compile(r"\b(?:en|a) quelle (?:position|place)\b|\bquel(?:le)? (?:rang|position|place)\b|\bclassee?s? combien\b"
                       r"|\bnumero combien\b|\bcombientieme\b"
                       # « elle est où alors dans le classement ? »
                       r"|\b(?:ou|where)\b.{0,25}\b(?:classement|ranking)\b")
# « et juste au-dessus ? », « la suivante ? », « et celle d'avant ? »: the item next to what was just answered, in the
# list as answers show it (the technical skills by score, best first): earlier (-1) or later (+1). Short only.
_EARLIER = re.compile(r"\b(?:au[- ]?dessus|precedente?s?|juste avant|(?:celle|celui) d'?\s?avant|d'avant)\b|\bplus haut\b")
# (« d'après » alone is « according to »: « la plus importante d'après les notes ? »)
_LATER = re.compile(r"\b(?:en[- ]?dessous|au[- ]?dessous|suivante?s?|juste apres|(?:celle|celui) d'?\s?apres"
                    r"|(?:la|le) prochaine?)\b|\bplus bas\b|^\W*(?:et\W+)?d'apres\W*$")
NEIGHBOUR_WORDS = 9
# « pourquoi ? », « pk ? », « ah bon pourquoi ça ? »: why, asked of what was just answered, and nothing else.
# (« pk il dit ça ? », « pourquoi elle écrit ça ? »: why the fiche says what was just quoted)
_WHY = re.compile(r"^\W*(?:(?:et|mais|ah|ok|ah bon|d'accord)\W+)?(?:pourquoi|pk|pq|pourquoi donc|why)"
                  r"(?:\W+(?:il|elle|on|ils|elles|la fiche) (?:dit|dis|disent|ecrit|met|mettent|affirme|a mis|ont mis))?"
                  r"(?:\W+(?:ca|cela|donc|ca dans la fiche|cette phrase))?\W*$")
# « laquelle sert pour… ? », « c'est lequel qui… ? »: which one of the list just given.
_WHICH_ONE = re.compile(r"^\W*(?:(?:et|ok|mais|donc)\W+)?(?:c'est |c )?(?:laquelle|lequel|lesquelles|lesquels)\b"
                        r"|^\W*(?:(?:et|ok|mais|donc)\W+)?(?:celle|celui|celles|ceux) (?:qui|pour|dont)\b")
# « lesquelles ? », « genre ? », « par exemple ? », « comme quoi ? »: which ones, asked alone of what was just answered
_WHICH_ONES = re.compile(r"^\W*(?:(?:et|ok|mais|donc|ah|du coup)\W+)?(?:lesquelles|lesquels|laquelle|lequel|quelles?|quels?"
                         r"|genre(?: quoi)?|par exemple|comme quoi|c'est quoi|c quoi|ou ca|c'est ou|such as|which ones?"
                         r"|like what)\W*$"
                         # « c tout ? », « y a que ça ? »: whether that was the whole list, asked of it (a question only:
                         # « ok c'est tout » closes a conversation)
                         r"|^\W*(?:(?:et|ok|mais|donc|ah|du coup)\W+)?(?:c'est|c|cest) tout\W*\?"
                         r"|^\W*(?:(?:et|ok|mais|donc|ah)\W+)?(?:il )?(?:y a|ya|y'a|il y a) (?:que|seulement)"
                         r" (?:ca|ceux-la|celles-la)\W*\?")
# « c'est mieux celle-là ou l'autre ? », « laquelle est la plus utile ? »: which is better
_BETTER = re.compile(r"\b(?:mieux|meilleure?s?|preferable|plus (?:utile|important|interessant|valorisant)e?s?)\b")
# « il les aide pour quoi ? », « elle aide qui ? »: the job's person, the subject of a question read as help
_THIRD_PERSON = re.compile(r"^\W*(?:(?:et|mais|ok|donc)\W+)?(?:il|elle|ils|elles)\b"
                           # (« qu'est-ce qui aide à tenir le coup ? »: something helps, not the assistant)
                           r"|\b(?:qu'est[- ]ce qui|ce qui|qu'est ce qui) (?:aide|aident|peut aider)\b")
# « la liste des métiers », « quels jobs ? »: professions asked for, not the items of the last answer
_OF_JOBS = re.compile(r"\b(?:metiers?|jobs?|professions?|fiches?|formations?|ecoles?)\b")
# « cite-les moi », « vas-y liste les », « tu peux me les donner ? »: the things just spoken of, again
_RELIST = re.compile(r"\b(?:cite|citez|donne|donnez|liste|listez|montre|montrez|ecris|ecrivez|enumere|balance)[- ]les\b"
                     r"|\bme les (?:citer|donner|lister|montrer|ecrire)\b")
# « au bout de cb de temps ? », « en combien de temps on y arrive ? »: how long until what was just answered. Short only.
_HOW_LONG = re.compile(r"\b(?:au bout de|apres|en|dans) (?:combien|cb|cmb) (?:de temps|d'annees|d'ans)\b"
                       r"|^\W*(?:et\W+)?(?:combien|cb|cmb) de temps\W*(?:(?:pour|avant) (?:y arriver|l'avoir|en arriver la))?\W*$"
                       r"|\bquand est[- ]ce qu'on y arrive\b|\bhow long\b")
HOW_LONG_WORDS = 9
# « c calculé par toi ou c dans la fiche ? », « ça vient d'où ce chiffre ? »: where a figure just given comes from
_WHENCE = re.compile(r"\bcalcul\w*\b[^?.!]*\b(?:toi|vous|fiche)\b|\b(?:toi|vous)\b[^?.!]*\bcalcul\w*"
                     r"|\b(?:c'est|c|est-ce)(?: vraiment| bien)? (?:ecrit|dit|marque|note) (?:dans|sur) la fiche\b|\bca vient d'ou\b"
                     r"|\bd'ou (?:vient|viennent|sort|sortent) (?:ce|ces|le|les|ton|tes|votre|vos) (?:chiffre|montant|calcul)s?\b"
                     # « tu calcules comment ? », « d'où tu sors ces chiffres ? »
                     r"|\b(?:tu|vous) (?:calcul\w*|as calcule|avez calcule) comment\b|\bcomment (?:tu|vous) (?:calcul\w*|as calcule)"
                     # « tu fais comment tes calculs ? »
                     r"|\b(?:tu|vous) fai\w* comment (?:tes|vos|les|ces|ce) calculs?\b"
                     r"|\bcomment (?:tu|vous) fai\w* (?:tes|vos|les|ces|ce) calculs?\b"
                     r"|\bc(?:'est| est)? quoi (?:le|ton|ce|votre) calcul\b|\bd'ou (?:tu|vous) (?:sors|sortez|tires|tirez)\b"
                     # « t'es sûr de ton calcul ? », « c'est fiable tes chiffres ? »
                     r"|\bsure? de (?:ton|ce|votre|tes|ces|vos) (?:calcul|chiffre|montant)s?\b"
                     r"|\bfiables? (?:tes|ces|vos|les|ce|ton) (?:calcul|chiffre|montant|info)s?\b"
                     r"|\b(?:tes|ces|vos|les) (?:calcul|chiffre|montant)s? (?:sont )?fiables?\b")
# « et la taille de l'entreprise ça joue ? », « la fiche parle de la localisation non ? »: whether something counts, or
# is said by the fiche
_MATTERS = re.compile(r"\b(?:joue|jouent|compte|comptent|influe\w*|change|changent|impact\w*)\b"
                      r"|\bla fiche (?:parle|mentionne|cite|dit|evoque)\b")
# « …, je peux parler à qqn ? », « je voudrais voir un conseiller »: a person asked for beside a question (narrower than
# _ASKS_PERSON, which reads a request that is only that)
_WANTS_PERSON = re.compile(r"\b(?:parler|discuter|echanger) (?:a|avec) (?:qqn|quelqu'un|quelqu un|une? (?:vraie? )?personne"
                           r"|une? conseill\w*|l[ea] conseill\w*|un humain|l'ecole)\b"
                           r"|\b(?:contacter|joindre|voir|rencontrer) (?:un|une|le|la|votre|ton) conseill\w*"
                           r"|\bprendre (?:un )?(?:rdv|rendez-vous)\b")
# « ça s'apprend où tout ça ? », « on apprend ça où ? »: where what was just answered is learnt (the fiche's studies)
_WHERE_LEARNT = re.compile(r"s'appren(?:d|nent)\s+(?:ou|comment)\b|\bon (?:les |l'|l )?apprend (?:ca |cela )?ou\b"
                           r"|\bou (?:est-ce qu'on |on )?(?:les |l')?appren\w*|\bwhere (?:do|can) (?:i|you|we) learn\b")
# « au fait, … », « sinon, … », « autre question : … »: by the way, another topic
_BY_THE_WAY = re.compile(r"^\W*(?:(?:et|ok|bon|alors)\W+){0,2}(?:au fait|sinon|autre question|by the way|btw|changement de sujet)\b")
# « à partir de quel niveau on est prêt ? », « quel niveau d'études minimum ? »: the level of studies the job asks
_LEVEL_NEEDED = re.compile(r"\b(?:a partir de|avec|des|dès) quel niveau\b|\bquel niveau (?:d'etudes?|faut|il faut|minimum|requis"
                           r"|demande|necessaire)\b|\bniveau (?:d'etudes? )?(?:minimum|requis|necessaire|exige)\b")
# « merci », « je vous remercie », « thx »: thanks said (« ok cite les tous », read as thanks, thanks no one)
_THANKS = re.compile(r"\b(?:merci\w*|remerci\w*|thanks?|thx|ty|cimer|mrc|mci)\b")
# « merci t'es trop fort », « ok merci t'es une bonne calculatrice mdr »: thanks, with a remark and no question
THANKS_WORDS = 10
# « ok », « d'accord », « oui », « ah ok je vois », « vas-y »: the student acknowledges, and asks nothing
_ACKNOWLEDGES = re.compile(r"^(?!.*\?)\W*(?:(?:oui|ouais|ouai|ok|okay|okk|oki|d'accord|dac|dacc|daccord|ah|bon|je vois|ca marche"
                           r"|entendu|compris|cool|super|top|parfait|nickel|vas-y|vas y|go)\W*)+$")
_THANKS_ONLY = re.compile(r"^(?!.*\?)(?!.*\b(?:comment|combien|pourquoi|quel\w*|quoi|ou|est-ce)\b)"
                          r"\W*(?:(?:ok|okay|bon|bah|ben|ah|ouais|top|super|eh)\W+){0,3}(?:merci|mercii+|thanks?|thx)\b")
# « bon bah merci qd même 🙃 », « ok merci beaucoup »: thanks and nothing else, however many little words around it
_THANKS_ALONE = re.compile(r"^\W*(?:(?:ok|okay|bon|bah|ben|ah|ouais|top|super|eh|d'accord|dac)\W+){0,3}"
                           r"(?:merci|mercii+|thanks?|thx)(?:\W+(?:beaucoup|bcp|encore|bien|qd meme|quand meme|quand"
                           r" meme|a toi|a vous|infiniment|mille fois|pour tout|c'est gentil))*\W*$")
# « allez stp juste le score », « pls 🙏 », « dis moi stp »: insisting, with nothing else asked. Short only.
_INSISTING = re.compile(r"\b(?:stp|svp|pls|plz|please|steu?pl\w*|s'il (?:te|vous) pla[iî]t|allez|aller|vas[- ]y|dis[- ]moi"
                        r"|juste|rien qu'un\w*|je t'en supplie|oh? ?(?:aller|allez))\b")
INSISTING_WORDS = 7  # (« allez stp juste un petit prono 🙏 »)
# « ya des outils pour ça ? », « quelle hard skill pour ça ? »: what serves the thing just answered
_FOR_IT = re.compile(r"\bpour (?:ca|cela|le faire|faire ca|faire cela|cette mission|cette tache)\b"
                     r"|\b(?:ca|cela) (?:rejoint|correspond a|va avec|se rattache a) (?:quel|quelle|une|un)\b")
# « et avec quoi on la fait, la veille ? »: the means of what was just answered (its tools)
_WITH_WHAT = re.compile(r"\bavec quoi\b|\bavec quels? (?:outils?|logiciels?|trucs?|applis?)\b|\bwith what\b")
# « tu peux me redire ? », « répète stp », « j'ai pas compris »: the last answer again
_AGAIN = re.compile(r"\b(?:redi(?:re|s|t)|repete[rsz]?|repeter|reexplique\w*|re-?explique\w*|say (?:it|that) again|repeat)\b"
                    r"|\b(?:j'ai|jai|j) ?(?:pas|rien) (?:compris|capte|pige)\b|\bpas (?:compris|capte|pige)\b"
                    r"|^\W*(?:bah|ben|bon|et|mais)\W+alors\b"
                    # « trop long, en 1 phrase ? », « plus court stp », « en plus simple ? »: the same answer, asked again in
                    # short or plainly
                    r"|^\W*(?:(?:ok|bon|trop long|c'est long|c long|trop complique|c complique|j'ai du mal)\W+)*"
                    r"(?:(?:tu peux |peux[- ]tu |vous pouvez )?(?:le |la |l')?(?:dire |redire |expliquer )?"
                    r"(?:en (?:une|1|deux|2|quelques) (?:phrases?|mots|lignes?)|plus court|version courte|en plus court|tldr|tl;dr"
                    r"|(?:en )?plus simple(?:ment)?|(?:en )?plus clair(?:ement)?|simplement|en (?:mots|termes) simples"
                    r"|simplifie[rz]?|in simple (?:words|terms)|simpler))\W*(?:(?:stp|svp|please|pls)\W*)?$")
# « résume-moi tout », « l'essentiel en 5 lignes »: a summary of the fiche
_SUMMARY = re.compile(r"\bresum\w*|\bl'essentiel\b|\bsummar\w*|\bsum (?:it )?up\b|\bdans les grandes lignes\b")
# « tu peux l'expliquer ? », « explique-la moi », « tu peux me la détailler ? »: what was just answered, explained.
_EXPLAIN_IT = re.compile(r"\b(?:l'|la |le |les )(?:expliqu|detaill|developp)\w*|\b(?:expliqu|detaill)\w*[- ](?:la|le|les)\b"
                         # « genre ? donne un exemple »: an example of it
                         r"|\b(?:donne|donnez|donner|un|des)\W+(?:moi\W+|nous\W+)?(?:un\W+|des\W+)?exemples?\b")
# « elle sert à quoi ? », « il a quel score ? », « et sa note ? », « qu'est-ce qu'elle apporte ? »: a short question
# on what the last answer spoke of, by a pronoun…
_OF_IT = re.compile(r"\b(?:mots?[- ]cles|score|note|points) associee?s?\b|"  # « c quoi les mots clés associés »
                    r"^\W*(?:(?:et|mais|ok|donc|alors|du coup)\W+)?(?:(?:il|elle|ca|cela|celle-ci|celui-ci|celle-la"
                    r"|celui-la)\b|(?:c'est |c )?(?:quoi )?(?:sa|son|ses)\b)|\b[a-z]+(?:-t)?-(?:il|elle)\b|\bqu'(?:il|elle)\b")
# … asking what it is for, its score, its key words, what it brings or means: not « il fait pas de compta ? », which
# names something else
_ITS = re.compile(r"\b(?:sert|servent|servir|utile|utilite|note|notee|score|points?|mots?[- ]cles|apporte\w*|veu\w*(?:-(?:il|elle))? dire"
                  r"|signifi\w*|consiste\w*|concretement|exactement|pour quoi|definition|exemples?|importan\w*|explique\w*"
                  r"|c'est quoi)\b")
OF_IT_WORDS = 10
# « et il peut monter jusqu'à ? », « ça va jusqu'à combien ? »: how high an amount goes, the amount left unsaid.
_UP_TO = re.compile(r"\bjusqu'?\s?(?:a|ou)(?: combien| quel (?:montant|salaire|niveau|chiffre))?\W*$")
# « combien » as students write it (« cb », « cmb »); core/understanding.py reads the same words for counts.
HOW_MUCH = r"(?:combien|cb|cmb|cbn|cbm|cbien)"
_HOW_MUCH = re.compile(r"\b(?:" + HOW_MUCH + r"|how much|how many)\b")
# « elles représentent combien ? », « il faut en parler combien ? », « combien en moyenne ? »: a quantity asked of
# what the last answer was about.
_QUANTITY_OF_IT = re.compile(r"^\W*(?:(?:et|mais|ok|donc)\W+)?(?:(?:il\s+)?y\s*)?(?:(?:elles?|ils?|ca|cela|en)\b.{0,40}\b"
                             + HOW_MUCH + r"\b|" + HOW_MUCH + r"\b.{0,30}\b(?:elles?|ils?|en|ca)\b|" + HOW_MUCH
                             + r"\W*(?:en moyenne|environ|en tout|en tt|au total)?\W*$"
                             r"|how (?:much|many)\b.{0,20}\b(?:they|it|them)\b)")

# « faire face aux difficultés », « tenir face à la pression »: what the constraints demand. Not « gérer les
# imprévus », which is a quality of its own in fiches.
_FACING = re.compile(r"\b(?:faire face|face (?:aux|a ces|a la|a leurs)|surmont\w*|affronter|tenir le coup|resister)\b"
                     r".{0,40}\b(?:difficult\w*|contraintes?|defis?|obstacles?|pression|stress|exigences)\b")

# « il fait surtout de la vente, c'est ça ? », « il passe ses journées à traduire ? »: what the job mostly consists of.
_MOSTLY = re.compile(r"\b(?:fait|font|fais|faire) (?:surtout|principalement|essentiellement|avant tout|seulement|uniquement)\b"
                     r"|\bpasse (?:son temps|ses journees)\b|\bmostly (?:do|does)\b"
                     r"|\b(?:fait|font|fais|faire|fera) (?:que|qu') ?(?:de|du|des|d')\b")

# « je veux parler à un conseiller », « un humain svp », « comment vous contacter ? »: a person asked for, not advice
# (« des écoles à me conseiller »).
_ASKS_PERSON = re.compile(r"\b(?:un|une|le|la|les|au|aux|du|des|mon|ma|votre|vos|ton|ta|a un|a une) conseill(?:er|ere)s?\b"
                          r"|\bconseill(?:er|ere)s? d'orientation|\bhumain|\bpersonne\b|\bquelqu'un|\bcontact\w*|\bparler a"
                          r"|\brendez-vous|\brdv\b|\bappel\w*|\btelephon\w*|\bjoindre|\be-?mail|\bcounsel+or|\bhuman\b"
                          r"|\bsomeone\b|\bperson\b")

# « pourra-t-il exercer le métier ? », « peut-elle travailler ? »: whether one can practise.
_CAN_PRACTISE = re.compile(r"\bpourr(?:a|ai|ait|as|ons|ez|ont)\b|\bpeut[- ](?:il|elle)\b|\bexercer\b")

# « quels métiers faire avant ? », « et quels postes après ? »: a step before or after this job.
_BEFORE = re.compile(r"\b(?:avant|before|en amont|au prealable|pour commencer)\b")
_AFTER = re.compile(r"\b(?:apres|ensuite|after|next|par la suite)\b")
_JOB_NOUN = re.compile(r"\b(?:metiers?|postes?|jobs?|emplois?|boulots?|taf|roles?)\b")
# Only a short question about jobs is such a step: « viser ce métier sans cinq ans d'études après le bac ? » is none.
STEP_WORDS = 10

# « et ils paient combien, ces postes ? » after a list of jobs the fiche only cites.
# (« ce poste-là » points at one of them; « ce poste » alone may be the job in play)
_THOSE_JOBS = re.compile(r"\b(?:ils|elles|eux|ces (?:postes|metiers|jobs|emplois|evolutions|experiences))\b"
                         r"|\bce (?:poste|metier|job|emploi|boulot)[- ]la\b")
# « ce métier », « le métier », « ce taf »: the profession in play itself (not « ce métier-là »)
_THIS_JOB = re.compile(r"\b(?:ce|le|ton|votre) (?:metier|job|taf|boulot|poste)\b(?![- ]la)")

# A question about where to go next (« vers quoi ? », « dans quel métier ? »): what the evolutions answer.
_DESTINATION = re.compile(r"\b(?:vers|en|dans) (?:quoi|quel(?:le)?s? (?:metier|poste|boulot|job|domaine|secteur)s?)\b")

# « en alternance », « un alternant », « en apprentissage »: the message asks about work-study.
_WORK_STUDY = re.compile(r"\baltern\w*|\bapprenti\w*|\bcontrat pro\w*|\b(?:ecole|cours|fac) ?(?:\+|et|/) ?(?:en )?entreprise"
                         r"|\bentreprise ?(?:\+|et|/) ?(?:a l')?(?:ecole|cours|fac)\b")
# « il prépare à quoi ? », « ça apporte quoi de le faire ? », « ça mène à quoi ? »: what a thing in play gives.
_GIVES = re.compile(r"\b(?:prepare\w*|mene\w*|debouche\w*|apporte\w*|donne\w* acces|sert|servent) (?:a |sur )?(?:quoi|koi)\b"
                    r"|\b(?:il|elle|ca) (?:prepare|mene|donne acces)\w* (?:a|aux|au)\b"
                    r"|\b(?:a|sur) (?:quoi|koi) (?:il|elle|ca|ils|elles) (?:prepare|mene|debouche)\w*")
# « quelles formations la fiche recommande ? », « les formations pour devenir … »: the studies that lead to the job.
_LEADING_TO = re.compile(r"\b(?:recommand\w*|conseill\w*|pour (?:devenir|commencer|faire ce (?:metier|job)|acceder|y arriver"
                         r"|entrer)|quelles? formations?)\b")
# « se former une fois en poste », « après le diplôme », « pour monter »: the training of one who has the job.
_IN_POST = re.compile(r"\bse former\b|\ben poste\b|\bapres (?:le|son|mon|les|ses) (?:diplome|etudes)|\bongoing\b"
                      r"|\btraining\b|\bmove up\b|\bmonter\b|\bpromotion\b")


def initial_studies(folded: str) -> bool:
    """Whether training asked of is the studies that lead to the job (« faut que je continue après ? », « ces
    formations en école + entreprise », « quelles formations la fiche recommande ? »), not continuing education."""
    if _STUDIES_ON.search(folded) or _WORK_STUDY.search(folded):
        return True
    return bool(_LEADING_TO.search(folded)) and not _CONTINUING.search(folded) and not _IN_POST.search(folded) \
        and not _TO_PROGRESS.search(folded)


# « ça consiste en quoi au quotidien ? », « il fait quoi concrètement ? »: what a thing is or does, described.
_DESCRIBE = re.compile(r"\bconsist\w*|\ben quoi\b|\bau quotidien\b|\bconcretement\b|\ben detail\b"
                       r"|\b(?:il|elle|on|ca) fait quoi\b")
# « aide-moi à écrire … », « tu peux m'aider pour mon exposé ? »: a task asked, not how to use the assistant.
_A_TASK = re.compile(r"\b(?:aide[sz]?[- ]?moi|aidez[- ]?moi|m'aider|help me) (?:a|pour|to|with) \w+")
# « traduis "bonjour" en espagnol », « écris-moi une lettre »: a piece of work ordered, whatever words of the job it holds
_ORDERED = re.compile(r"^\W*(?:traduis|traduisez|translate|ecris[- ]moi|redige[- ]moi|fais[- ]moi) ")
# What a question about the assistant itself says: what it is, who made it, who answers.
_OF_THE_ASSISTANT = re.compile(r"\b(?:robots?|robo|bot|chatbot|humaine?|personne|ia|ai|intelligence|machine|programm\w*"
                               r"|gpt|chatgpt|nom|appel\w*|ki|reel\w*|vrai\w*|conscient\w*|automatique\w*|cree\w*"
                               r"|derriere|quelqu'un|reflechi\w*|toi|you|human|humin|machin|assistante?|age)\b"
                               # (« tu réponds à tout ? », not « elle répond à tout ? » of the FAQ just answered)
                               r"|(?<!\belle )(?<!\bil )(?<!\belles )(?<!\bils )\brepond\w*"
                               r"|\b(?:tu es|t'es|t es|vous etes|vs etes|es-tu|etes-vous|qui (?:es|etes|t'a|vous a))\b")
# « et si je continue encore ? », « et si je poursuis ? »: more studies after the diploma in play.
_GOES_ON = re.compile(r"\b(?:je|on|tu) (?:continu|poursui)\w*(?: encore| apres| plus loin)?\s*\??$"
                      r"|^\W*(?:et )?apres,? (?:(?:il )?faut (?:faire )?quoi|on fait quoi|je fais quoi|quoi)\s*\??$")
# « faut que je continue après ? », « poursuivre mes études »: more initial studies, not continuing education.
_STUDIES_ON = re.compile(r"\bcontinu\w* (?:apres|ensuite|mes etudes|les etudes|ses etudes|a etudier|apres le|apres mon)"
                         r"|\bpoursui\w* (?:mes |les |ses |des )?etudes|\bpoursuite d'etudes|\bcontinuer? (?:en|au) "
                         r"(?:bachelor|master|mastere|licence|bac)")

# « c'est dans les qualités ? », « faut être … ? », « est-ce que ce métier inclut … ? »: whether something belongs to
# a list, asked to be answered by yes or no.
# « fait partie de », « l'une des »: one of a list
_ONE_OF = r"fait partie|font partie|fait-il partie|(?:l')?une? des"
_BELONGS = re.compile(r"^\W*(?:est[- ]ce qu|faut\b|il faut\b|faut[- ]il\b|on doit\b|doit[- ]on\b)"
                      r"|\b(?:" + _ONE_OF + r"|compte|comptent|inclut|incluent|comprend|comprennent"
                      r"|dans (?:les|ses|la liste)|parmi)\b")

# « fait partie des missions listées ? », « est-elle une des soft skills ? »: whether something is in the list, asked
# as such (« faut être résilient ? » asks whether it is needed, which a list that lacks it does not answer « non »)
_IN_LIST = re.compile(r"\b(?:" + _ONE_OF + r"|fait-elle partie|dans la liste|parmi (?:les|ses)|listee?s?|citee?s?"
                      r"|mentionnee?s?)\b")

# « la patience, elle y est ? », « c'est dedans ? », « ça en fait partie ? »: whether something is in the list the last
# answer gave.
_IN_IT = re.compile(r"\b(?:(?:il|elle|ils|elles|ca|c') ?y (?:est|sont|figure\w*|apparai\w*)|dedans|en (?:fait|font) partie)\b")

# « je suis », « j'ai bossé six ans comme », « depuis dix ans »: the student says his own job.
_OWN_PAST = re.compile(r"\b(?:je suis|j'?etais|j'?ai ete|j'?ai (?:bosse|travaille|fait)|je (?:travaille|bosse)|depuis \w+ ans"
                       r"|i am|i'm|i was|i worked)\b")

# « plus que », « moins », « mieux », « comparé à », « devant »: a comparison said, beyond a bare « lequel ? ».
_COMPARES = re.compile(r"\b(?:plus|moins|mieux|pire|davantage|compar\w*|differen\w*|que|qu'|vs|versus|devant|derriere"
                       r"|superieure?s?|inferieure?s?|more|less|better|than)\b|\+|>|<")

# « la FAQ », « la foire aux questions », « les questions-réponses »: the fiche's FAQ named.
_FAQ = re.compile(r"\bf\.?a\.?q\b|\bfoire aux questions\b|\bquestions?[- /]+reponses?\b|\bquestions frequentes\b")

# « et ça, ça désigne un métier ? »: the thing the last answer spoke of is the subject.
_ABOUT_IT = re.compile(_LEAD + r"(?:ca|cela)\b")

# « hard skills », « compétences », « techniques »: the technical skills said apart from the qualities (« soft skill »
# alone also says « skill »).
_TECHNICAL = re.compile(r"\bhard\b|\bcompetence|\btechni")
# … and only them: « compétence » alone is said of the qualities too
_STRICTLY_TECHNICAL = re.compile(r"\bhard\b|\btechni")


@dataclass(frozen=True)
class Cues:
    """The answers to the dialogue's questions about a message's wording (see the patterns above)."""
    studies: bool = False          # studies as a whole
    continuing: bool = False       # continuing education, a career's course
    studies_on: bool = False       # more initial studies (« faut que je continue après ? »)
    gives: bool = False            # what a thing in play gives or leads to (« il prépare à quoi ? »)
    initial_studies: bool = False  # the studies that lead to the job, not the training of one who has it
    goes_on: bool = False          # more studies after the diploma in play (« et si je continue encore ? »)
    describe: bool = False         # what a thing is or does, described (« ça consiste en quoi ? »)
    of_the_assistant: bool = False  # what the assistant is, who made it, who answers (« t'es un robot ? »)
    a_task: bool = False           # a task asked of the assistant (« aide-moi à écrire … », « traduis … »)
    ordered: bool = False          # a piece of work ordered (« traduis "bonjour" en espagnol »)
    training: bool = False         # training oneself (to progress)
    to_progress: bool = False      # what it takes to progress
    statement: bool = False        # says who the student is, asks nothing
    quantity_of_it: bool = False   # a quantity of what the last answer was about
    how_much: bool = False         # « combien », « cb »
    saying: bool = False           # a quotation, a saying (« la petite citation sur le salaire »)
    worry: bool = False            # whether a weakness of the student matters (« c'est grave ? »)
    judging: bool = False          # an opinion of a thing asked (« c chiant non ? »): no « Oui » grants it
    quoted: str = ""               # the words quoted back (« tu dis "jongler", avec quoi ? »: « jongler »)
    with_what: bool = False        # the means of what was just answered (« avec quoi on la fait ? »)
    it_follows: bool = False       # « et il prépare à quels postes ? »: a follow-up on what was just answered
    of_it: bool = False            # « elle sert à quoi ? »: a short question, by a pronoun, on what was just answered
    it_first: bool = False         # « il est utile ? »: what was just answered is the subject
    position: bool = False         # « en quelle position dans la liste ? »: the rank of what was just answered
    neighbour: int = 0             # « et juste au-dessus ? »: the item before (-1) or after (+1) what was just answered
    why: bool = False              # « pourquoi ? » alone: why, of what was just answered
    explain_it: bool = False       # « tu peux l'expliquer ? »: what was just answered, explained
    which_one: bool = False        # « laquelle sert pour… ? »: which one of the list just given
    which_ones: bool = False       # « lesquelles ? », « par exemple ? » alone: which ones of what was just answered
    insisting: bool = False        # « allez stp », « pls » alone: insisting (after a refusal: still refused)
    how_long: bool = False         # « au bout de cb de temps ? » alone: how long until what was just answered
    whence: bool = False           # « c calculé par toi ou c dans la fiche ? »: where a figure just given comes from
    matters: bool = False          # « la taille de l'entreprise ça joue ? »: whether something counts, or the fiche says it
    wants_person: bool = False     # « …, je peux parler à qqn ? »: a person asked for, beside a question or alone
    where_learnt: bool = False     # « ça s'apprend où ? »: where what was just answered is learnt
    by_the_way: bool = False       # « au fait, … »: another topic
    thanks_only: bool = False      # « merci t'es trop fort »: thanks with a remark, no question
    thanks_alone: bool = False     # « bon bah merci qd même »: thanks and nothing else
    acknowledges: bool = False     # « ok », « ah ok je vois », « vas-y » alone: nothing asked
    thanks: bool = False           # « merci », « thx »: thanks said (not « ok », « top » alone)
    level_needed: bool = False     # « à partir de quel niveau on est prêt ? »: the level of studies the job asks
    this_job: bool = False         # « ce métier », « le job »: the profession in play itself
    again: bool = False            # « tu peux me redire ? », « j'ai pas compris »: the last answer again
    for_it: bool = False           # « ya des outils pour ça ? »: what serves the thing just answered
    better: bool = False           # « c'est mieux celle-là ou l'autre ? »: which is better
    third_person: bool = False     # « il les aide pour quoi ? »: the job's person is the subject
    of_jobs: bool = False          # « la liste des métiers »: professions asked for
    relist: bool = False           # « cite-les moi »: the things just spoken of, again
    summary: bool = False          # « résume-moi tout »: the essentials of the fiche
    up_to: bool = False            # « jusqu'à ? »: how high an amount goes
    phrase: bool = False           # « la phrase sur … »: a sentence of the fiche
    best_fit: bool = False         # « le plus adapté »: which one suits best
    facing: bool = False           # facing the job's difficulties
    mostly: bool = False           # what the job mostly does
    asks_person: bool = False      # a person (the counsellor) asked for
    can_practise: bool = False     # whether one can practise
    job_step: Optional[str] = None  # « experiences » (jobs before) or « evolutions » (jobs after)
    job_steps: Tuple[str, ...] = ()  # both, in the order said (« quels jobs après et quels jobs avant ? »)
    those_jobs: bool = False       # the jobs just listed
    destination: bool = False      # where to go next
    work_study: bool = False       # work-study
    technical: bool = False        # the technical skills named apart
    strictly_technical: bool = False  # … by « hard » or « technique », not « compétence » alone
    faq: bool = False              # the fiche's FAQ named
    compares: bool = False         # a comparison said (« plus que », « mieux »), not only « lequel ? »
    belongs: bool = False          # whether something belongs to a list, asked yes or no
    in_list: bool = False          # … asked as being in the list (« fait partie des missions listées ? »)
    in_it: bool = False            # … in the list the last answer gave (« la patience, elle y est ? »)
    own_past: bool = False         # the student says his own job
    about_it: bool = False         # « ça », « cela » as the subject: what the last answer spoke of

    @property
    def on_it(self) -> bool:
        """A short question on what was just answered: what it is for, its score (of_it), why, or explain it."""
        return self.of_it or self.why or self.explain_it


def neighbour(folded: str) -> int:
    """« et juste au-dessus ? »: -1, « la suivante ? »: +1, in a short message that says one of the two; else 0."""
    if len(folded.split()) > NEIGHBOUR_WORDS:
        return 0
    earlier, later = bool(_EARLIER.search(folded)), bool(_LATER.search(folded))
    return -1 if earlier and not later else 1 if later and not earlier else 0


def job_steps(folded: str) -> Tuple[str, ...]:
    """« quels métiers faire avant ? »: the stepping stones; « et quels postes après ? »: the evolutions; « quels jobs
    après et quels jobs avant ? »: both, in the order said; else ()."""
    if len(folded.split()) > STEP_WORDS or not _JOB_NOUN.search(folded):
        return ()
    before, after = _BEFORE.search(folded), _AFTER.search(folded)
    if before and after:
        first, second = sorted((before, after), key=lambda m: m.start())
        joined = re.search(r"\bet\b", folded[first.end():second.start()])
        return tuple("experiences" if m is before else "evolutions" for m in (first, second)) if joined else ()
    return ("experiences",) if before else ("evolutions",) if after else ()


def cues(folded: str) -> Cues:
    """The cues of a folded message."""
    in_it = bool(_IN_IT.search(folded))
    steps = job_steps(folded)
    length = len(folded.split())
    return Cues(studies=bool(_STUDIES.search(folded)), continuing=bool(_CONTINUING.search(folded)),
                studies_on=bool(_STUDIES_ON.search(folded)), gives=bool(_GIVES.search(folded)),
                initial_studies=initial_studies(folded), goes_on=bool(_GOES_ON.search(folded)),
                describe=bool(_DESCRIBE.search(folded)), of_the_assistant=bool(_OF_THE_ASSISTANT.search(folded)),
                a_task=bool(_A_TASK.search(folded) or _ORDERED.search(folded)), ordered=bool(_ORDERED.search(folded)),
                training=bool(_TRAINING.search(folded)), to_progress=bool(_TO_PROGRESS.search(folded)),
                statement=bool(_STATEMENT.match(folded)), quantity_of_it=bool(_QUANTITY_OF_IT.search(folded)),
                how_much=bool(_HOW_MUCH.search(folded)), saying=bool(_SAYING.search(folded)), worry=bool(_WORRY.search(folded)),
                judging=bool(_JUDGING.search(folded)), quoted=_quoted_words(folded),
                with_what=bool(_WITH_WHAT.search(folded)),
                it_follows=bool(_IT_FOLLOWS.search(folded)), it_first=bool(_IT_FIRST.search(folded)),
                position=bool(_POSITION.search(folded)), neighbour=neighbour(folded), why=bool(_WHY.match(folded)),
                explain_it=length <= OF_IT_WORDS and bool(_EXPLAIN_IT.search(folded)),
                which_one=bool(_WHICH_ONE.search(folded)), which_ones=bool(_WHICH_ONES.match(folded)),
                again=bool(_AGAIN.search(folded)), for_it=bool(_FOR_IT.search(folded)), better=bool(_BETTER.search(folded)),
                third_person=bool(_THIRD_PERSON.search(folded)), of_jobs=bool(_OF_JOBS.search(folded)),
                relist=bool(_RELIST.search(folded)),
                insisting=length <= INSISTING_WORDS and bool(_INSISTING.search(folded)),
                how_long=length <= HOW_LONG_WORDS and bool(_HOW_LONG.search(folded)),
                whence=bool(_WHENCE.search(folded)),
                matters=bool(_MATTERS.search(folded)),
                wants_person=bool(_WANTS_PERSON.search(folded)),
                where_learnt=bool(_WHERE_LEARNT.search(folded)),
                by_the_way=bool(_BY_THE_WAY.search(folded)),
                thanks_only=length <= THANKS_WORDS and bool(_THANKS_ONLY.search(folded)),
                thanks_alone=bool(_THANKS_ALONE.match(folded)),
                acknowledges=bool(_ACKNOWLEDGES.match(folded)),
                thanks=bool(_THANKS.search(folded)), level_needed=bool(_LEVEL_NEEDED.search(folded)),
                this_job=bool(_THIS_JOB.search(folded)),
                summary=bool(_SUMMARY.search(folded)), up_to=bool(_UP_TO.search(folded)),
                phrase=bool(_PHRASE.search(folded)), best_fit=bool(_BEST_FIT.search(folded)),
                of_it=length <= OF_IT_WORDS and bool(_OF_IT.search(folded)) and bool(_ITS.search(folded)),
                facing=bool(_FACING.search(folded)), mostly=bool(_MOSTLY.search(folded)),
                asks_person=bool(_ASKS_PERSON.search(folded)), can_practise=bool(_CAN_PRACTISE.search(folded)),
                job_step=steps[0] if len(steps) == 1 else None, job_steps=steps, those_jobs=bool(_THOSE_JOBS.search(folded)),
                destination=bool(_DESTINATION.search(folded)), work_study=bool(_WORK_STUDY.search(folded)),
                technical=bool(_TECHNICAL.search(folded)), strictly_technical=bool(_STRICTLY_TECHNICAL.search(folded)),
                faq=bool(_FAQ.search(folded)), compares=bool(_COMPARES.search(folded)),
                belongs=bool(_BELONGS.search(folded)) or in_it, in_list=bool(_IN_LIST.search(folded)) or in_it, in_it=in_it,
                own_past=bool(_OWN_PAST.search(folded)),
                about_it=bool(_ABOUT_IT.search(folded)))
