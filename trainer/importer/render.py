"""Write a draft as a commented knowledge file (YAML), with a « À COMPLÉTER » marker per field whose text is
in the fiche but could not be placed, and a comment (no value) for each field the fiche does not give."""
import textwrap
from typing import List, Tuple

import yaml

from core import yamlcache
from trainer.importer.facts import Absent, Fact, Missing, absent, as_yaml_data, missing

WIDTH = 100
# A comment above each rubrique, for the trainer who completes the draft.
SECTION_NOTES = {
    "famille": "Famille de métiers (regroupe les métiers dans la liste que l'assistant présente).",
    "id": "Nom du fichier sans .yml : minuscules, chiffres et _, sans accent ni espace.",
    "alias": "Façons dont un élève peut nommer ce métier (sans accents ni majuscules : la comparaison les "
             "ignore). Une question qui contient l'un de ces noms est répondue avec cette fiche.",
    "definition": "Le résumé du métier et sa précision, recopiés de la fiche.",
    "missions": "Chaque mission : son intitulé et ce qu'elle permet, recopiés de la phrase de la fiche.",
    "soft_skills": "Qualités attendues (nom et à quoi elles servent), recopiées de la fiche.",
    "hard_skills": "Compétences : note sur 100 et mots-clés recopiés des lignes « 90 | Nom » de la fiche. "
                   "id : identifiant technique (minuscules et _).",
    "diplome": "Réponse à « faut-il un Bac+5 ? » telle que la fiche la donne, et les diplômes qu'elle dit suffire "
               "(l'assistant répond d'après les statuts de « parcours »).",
    "parcours": "Les diplômes qui mènent au métier, tels que la fiche les donne : nom, niveau (années d'études après "
                "le bac : -1 pour un CAP, 0 pour le bac ou un Bac pro, 2 pour Bac+2…) et statut pour ce métier (requis, "
                "reference, suffisant, insuffisant_seul ou utile_pour_evoluer), lu dans la phrase de la fiche citée "
                "au-dessus. Un diplôme dont la fiche ne dit pas ce qu'il vaut pour ce métier n'est pas écrit : son "
                "paragraphe est dans le compte rendu de l'importeur.",
    "alternance": "Ce que la fiche dit de l'alternance.",
    "rncp": "Ce que la fiche dit des titres RNCP.",
    "experiences": "Postes qui préparent au métier, et ce qu'ils apportent.",
    "outils": "Catégories d'outils, et à quoi elles servent.",
    "contraintes": "Contraintes du métier, ce qu'elles exigent, et la précision de la fiche.",
    "salaire": "Montants en chiffres, sans espace ni € : 30000 (l'assistant affiche « 30 000 »).",
    "evolutions": "Postes vers lesquels le métier peut évoluer, puis la suite et les conditions.",
    "formation_continue": "Ce que la fiche dit de la formation continue.",
    "avertissement": "La mise en garde de la fiche (sa FAQ) : un premier repère, à compléter.",
}


# LibYAML's emitter when installed (PyYAML's wheels have it): the same text for every fiche of the fixtures,
# ten times faster than the pure-Python one on the thousands of values of a draft.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _scalar(value, indent: int, one_line: bool = False) -> List[str]:
    """The YAML of a value after « key: », as lines (the first one goes on the key's line)."""
    if isinstance(value, str) and len(value) + indent > WIDTH and not one_line:
        body = textwrap.wrap(value, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False)
        return [">-"] + [" " * (indent + 2) + line for line in body]
    dumped = yaml.dump(value, Dumper=_DUMPER, allow_unicode=True, width=10 ** 6, default_flow_style=True)
    return [dumped.replace("\n...\n", "").strip()]


class Writer:
    def __init__(self):
        self.lines: List[str] = []
        self.markers: List[Tuple[int, str, str]] = []  # (line, field, hint)

    def comment(self, text: str, indent: int) -> None:
        for line in textwrap.wrap(text, WIDTH - indent - 2):
            self.lines.append(" " * indent + "# " + line)

    def leaf(self, prefix: str, leaf, indent: int, path: str) -> None:
        """« prefix value » where prefix is « key: » or « - » (already indented)."""
        if isinstance(leaf, Fact) and leaf.note:
            self.comment(leaf.note, indent)
        if isinstance(leaf, Missing):
            self.markers.append((len(self.lines) + 1, path, leaf.hint))
        value = leaf.value
        if isinstance(value, list) and path.endswith("mots_cles"):
            self.lines.append(" " * indent + prefix + " " + _scalar(value, indent)[0])
        elif isinstance(value, list):
            self.lines.append(" " * indent + prefix)
            for item in value:
                first, *rest = _scalar(item, indent + 4)
                self.lines.append(" " * (indent + 2) + "- " + first)
                self.lines.extend(rest)
        else:
            # a marker stays on its line, so that `make check` points at it
            first, *rest = _scalar(value, indent, one_line=isinstance(leaf, Missing))
            self.lines.append(" " * indent + prefix + " " + first)
            self.lines.extend(rest)

    def absent(self, key: str, leaf: Absent, indent: int) -> None:
        """No value: a comment says the fiche does not give it (the assistant will say so)."""
        self.comment(f"{key} : absent de la fiche ({leaf.what}). {leaf.advice}", indent)

    def node(self, key: str, node, indent: int, path: str) -> None:
        if isinstance(node, Absent):
            self.absent(key, node, indent)
        elif isinstance(node, (Fact, Missing)):
            self.leaf(f"{key}:", node, indent, path)
        elif isinstance(node, dict):
            self.lines.append(" " * indent + f"{key}:")
            for sub, value in node.items():
                self.node(sub, value, indent + 2, f"{path}.{sub}")
        elif isinstance(node, list):
            self.lines.append(" " * indent + f"{key}:")
            for index, item in enumerate(node):
                item_path = f"{path}.{index}"
                if isinstance(item, dict):
                    for position, (sub, value) in enumerate(item.items()):
                        start = len(self.lines)
                        self.node(sub, value, indent + 4, f"{item_path}.{sub}")
                        if position == 0:  # « - key: » on the first line of the item
                            first = next(i for i in range(start, len(self.lines))
                                         if not self.lines[i].lstrip().startswith("#"))
                            self.lines[first] = " " * (indent + 2) + "- " + self.lines[first][indent + 4:]
                else:
                    self.leaf("-", item, indent + 2, item_path)


def render(draft, source_name: str) -> Tuple[str, List[Tuple[int, str, str]]]:
    """(YAML text, markers as (line, field, hint))."""
    writer = Writer()
    title = draft["intitule"].value if isinstance(draft["intitule"], Fact) else "(intitulé à compléter)"
    for line in [f"Fiche métier : {title}",
                 f"BROUILLON créé par `make importer` à partir de {source_name}.",
                 "Chaque fait est recopié de la fiche de l'école : chiffres et noms à l'identique, textes "
                 "longs tels quels. Relisez-les et raccourcissez-les si besoin : ils sont lus dans les "
                 "phrases de knowledge/reponses.yml.",
                 *(["Un champ « À COMPLÉTER » n'a pas été trouvé dans la fiche : écrivez-le d'après la fiche de "
                    "l'école (jamais un fait inventé). `make check` les refuse tant qu'il en reste."]
                   if missing(draft) else []),
                 *([f"Absents de la fiche, donc laissés absents ({len(absent(draft))}) : "
                    + ", ".join(field for field, _ in absent(draft))
                    + ". L'assistant répond alors « La fiche ne précise pas … » et propose le conseiller. "
                    "N'écrivez jamais un fait que la fiche ne donne pas."] if absent(draft) else []),
                 "Après une modification : `make check` ; un assistant lancé par `make run` la prend en "
                 "compte tout seul en quelques secondes, sans redémarrer ni ré-entraîner."]:
        writer.comment(line, 0)
    for key, node in draft.items():
        writer.lines.append("")
        if key in SECTION_NOTES and not isinstance(node, Absent):
            writer.comment(SECTION_NOTES[key], 0)
        writer.node(key, node, 0, key)
    text = "\n".join(writer.lines).lstrip("\n") + "\n"
    # The file must read back as exactly the draft: no value lost or changed by the writing.
    if yamlcache.parse(text, yaml.SafeLoader) != as_yaml_data(draft):
        raise RuntimeError("le fichier écrit ne relit pas le brouillon à l'identique (erreur de l'importeur)")
    return text, writer.markers
