"""`make check` (python -m trainer.check): the project passes, and each broken copy gets a French message that
names the file, the line when there is one, and what to do."""
import re
from pathlib import Path

import pytest
import yaml

from core.gender import without_marks
from tests.support.helpers import ROOT
from tests.support.project import PROFESSION_FILE, PROFESSION_SOURCE, project_copy, run_check


def failing_output(project: Path) -> str:
    """The output of a check that must fail."""
    result = run_check(project)
    assert result.returncode == 1, result.stdout + result.stderr
    count = re.match(r"(\d+) problèmes? à corriger", result.stdout)
    assert count, result.stdout
    assert ("problèmes" in count.group(0)) == (int(count.group(1)) > 1), "singulier pour un seul problème"
    return result.stdout


def edit(project: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} absent de {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(project: Path, name: str, text: str, exact: bool = False) -> int:
    """1-based number of the first line of a file that contains text (or is text, stripped)."""
    lines = (project / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, ln in enumerate(lines, 1) if (ln.strip() == text if exact else text in ln))


@pytest.fixture
def project(tmp_path):
    return project_copy(tmp_path)


# -- the project as it is ------------------------------------------------------------------------
def test_the_project_passes_the_quick_checks():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    intents = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"]
    assert re.search(rf"^Tout est correct : {len(intents)} intentions, \d+ exemples", result.stdout, re.M)


def test_a_copy_passes_too(project):
    assert run_check(project).returncode == 0


# -- YAML syntax ---------------------------------------------------------------------------------
def test_bad_indentation_in_an_nlu_file(project):
    edit(project, "data/nlu/salaire.yml", "    - salaire ?\n    - c koi", "    - salaire ?\n   - c koi")
    out = failing_output(project)
    line = line_of(project, "data/nlu/salaire.yml", "   - c koi")
    assert f"data/nlu/salaire.yml ligne {line}, colonne 4 : YAML invalide" in out
    assert "indentation" in out and "espaces" in out
    # An unreadable file is reported alone: no "salaire has no examples" as a consequence.
    assert "aucun exemple" not in out and "quand le YAML sera corrigé" in out


def test_a_tab_in_a_knowledge_file(project):
    edit(project, PROFESSION_FILE, "  unite: € brut par an", "\tunite: € brut par an")
    out = failing_output(project)
    assert f"{PROFESSION_FILE} ligne {line_of(project, PROFESSION_FILE, 'unite: €')}" in out and "tabulation" in out


def test_a_key_written_twice(project):
    edit(project, "knowledge/sujets.yml", "  rncp:\n", "  rncp:\n    libelle: Les titres\n")
    out = failing_output(project)
    assert "knowledge/sujets.yml ligne" in out and "la clé « libelle » est écrite deux fois" in out


CONVERSATIONS = """# a conversation set, as the helpers write them
- id: c1
  say: 'c''est bien payé ?'
  all: ['\\d']
- id: c2
  say:
    - "bonjour"
    - et après 5 ans ?
  all: []
"""


def test_a_conversation_set_is_read_for_its_messages_and_their_lines(project):
    from trainer.project import Project, Said
    (project / "tests" / "nlu" / "test_conversations_demo.yml").write_text(CONVERSATIONS, encoding="utf-8")
    read = Project(project).read(project / "tests" / "nlu" / "test_conversations_demo.yml")
    assert isinstance(read, Said)
    assert list(read) == [("c'est bien payé ?", 3), ("bonjour", 7), ("et après 5 ans ?", 8)]


def test_a_conversation_set_that_is_no_valid_yaml_is_named_with_its_line(project):
    broken = CONVERSATIONS.replace("  all: []", "  all: [")
    (project / "tests" / "nlu" / "test_conversations_demo.yml").write_text(broken, encoding="utf-8")
    out = failing_output(project)
    assert "tests/nlu/test_conversations_demo.yml ligne" in out and "YAML invalide" in out


# -- knowledge files -----------------------------------------------------------------------------
def test_a_knowledge_file_with_a_missing_field(project):
    edit(project, PROFESSION_FILE, "  unite: € brut par an\n", "")
    out = failing_output(project)
    assert f"✗ {PROFESSION_FILE} : fichier invalide." in out
    salary_line = line_of(project, PROFESSION_FILE, "salaire:")
    assert f"champ « salaire.unite » (à écrire sous la ligne {salary_line}) : champ obligatoire absent : ajoutez-le" in out


def salary_levels() -> dict:
    return yaml.safe_load(PROFESSION_SOURCE.read_text(encoding="utf-8"))["salaire"]["niveaux"]


def write_amount(project: Path, level: str, key: str, written: str) -> int:
    """Writes the amount of one salary level as a trainer would; returns its line."""
    path = project / PROFESSION_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index(f"    {level}:")
    old = f"      {key}: {salary_levels()[level][key]}\n"
    position = text.index(old, start)
    path.write_text(text[:position] + f"      {key}: {written}\n" + text[position + len(old):], encoding="utf-8")
    return text[:position].count("\n") + 1


@pytest.mark.parametrize("form", ["point", "espace", "k", "euro"])
def test_an_amount_written_as_french_text_says_the_number_to_write(project, form):
    amount = salary_levels()["debutant"]["min"]
    thousands, rest = divmod(amount, 1000)
    written = {"point": f"{thousands}.{rest:03d}", "espace": f"{thousands} {rest:03d}",
               "k": f"{thousands}k" if not rest else f"{thousands},{rest:03d}k".rstrip("0"),
               "euro": f"{thousands} {rest:03d} €"}[form]
    line = write_amount(project, "debutant", "min", written)
    out = failing_output(project)
    assert (f"champ « salaire.niveaux.debutant.min » (ligne {line}) : « {written} » : un nombre entier est attendu, "
            f"en chiffres seulement (sans espace, point, « k » ni « € ») : écrivez {amount}") in out


@pytest.mark.parametrize("level, key, written, advice", [
    ("debutant", "max", lambda amount: amount // 1000,
     lambda value: f"Écrivez le montant entier (pour {value} 000 € : écrivez {value * 1000})"),
    ("confirme", "max", lambda amount: amount * 100, lambda value: "Vérifiez le nombre de zéros"),
], ids=["en-milliers", "deux-zeros-de-trop"])
def test_an_implausible_amount_says_how_to_write_it(project, level, key, written, advice):
    value = written(salary_levels()[level][key])
    line = write_amount(project, level, key, str(value))
    out = failing_output(project)
    assert (f"champ « salaire.niveaux.{level}.{key} » (ligne {line}) : {value} n'est pas un salaire plausible : "
            f"les montants sont en euros brut par an, entre 10000 et 300000. {advice(value)}") in out


def test_a_minimum_above_the_maximum(project):
    levels = salary_levels()["debutant"]
    write_amount(project, "debutant", "min", str(levels["max"] + 1000))
    out = failing_output(project)
    assert (f"champ « salaire.niveaux.debutant » (ligne {line_of(project, PROFESSION_FILE, 'debutant:')}) : « min » "
            f"({levels['max'] + 1000}) est plus grand que « max » ({levels['max']}) : inversez les deux montants") in out


def test_experience_bounds_that_overlap(project):
    end = salary_levels()["debutant"]["annees_max"]
    write_amount(project, "confirme", "annees_min", str(end - 1))
    out = failing_output(project)
    assert (f"champ « salaire.niveaux » (ligne {line_of(project, PROFESSION_FILE, 'niveaux:')}) : les niveaux se chevauchent : "
            f"debutant.annees_max vaut {end} et confirme.annees_min vaut {end - 1}") in out
    assert f"Écrivez pour confirme.annees_min un nombre au moins égal à {end}" in out


def test_a_profession_file_named_differently_from_its_id(project):
    (project / PROFESSION_FILE).rename(project / "knowledge/metiers/charge_ri.yml")
    out = failing_output(project)
    assert "knowledge/metiers/charge_ri.yml" in out
    assert "Donnez au fichier le nom charge_mission_relations_internationales.yml" in out


def test_a_suggestion_citing_an_unknown_topic(project):
    edit(project, "knowledge/sujets.yml", "suggestions: [evolutions, rncp, salaire]",
           "suggestions: [evolutions, rncpp, salaire]")
    out = failing_output(project)
    line = line_of(project, "knowledge/sujets.yml", "rncpp")
    assert (f"sujets.mastere.suggestions cite « rncpp », qui n'est pas un sujet défini (ligne {line} ; "
            "vouliez-vous dire « rncp » ? corrigez le nom") in out


# -- examples ------------------------------------------------------------------------------------
def test_an_intent_with_three_examples(project):
    path = project / "data/nlu/rncp.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip() == "examples: |") + 1
    path.write_text("\n".join(lines[:start + 3]) + "\n", encoding="utf-8")
    out = failing_output(project)
    line = line_of(project, "data/nlu/rncp.yml", "- intent: rncp")
    assert (f"data/nlu/rncp.yml ligne {line} : l'intention « rncp » n'a que 3 exemple(s) ; il en faut au "
            "moins 25. Ajoutez-en 22 ou plus") in out


def test_an_example_under_two_intents(project):
    # The same question as in salaire.yml, with other capitals, accents and final punctuation.
    original = "combien on gagne dans ce métier ?"
    assert original in (project / "data/nlu/salaire.yml").read_text(encoding="utf-8")
    with (project / "data/nlu/bts.yml").open("a", encoding="utf-8") as f:
        f.write("    - Combien on gagne dans ce metier\n")
    out = failing_output(project)
    salary_line = line_of(project, "data/nlu/salaire.yml", original)
    bts = line_of(project, "data/nlu/bts.yml", "- Combien on gagne dans ce metier")
    assert f"data/nlu/salaire.yml ligne {salary_line} (intention « salaire »)" in out
    assert f"data/nlu/bts.yml ligne {bts} (intention « bts »)" in out
    assert "est dans deux intentions" in out and "Gardez-le dans le seul fichier du bon sujet" in out


@pytest.mark.parametrize("added", ["salaire ?", "Salaire ?", "salaire !"],
                         ids=["identique", "majuscule", "ponctuation-finale"])
def test_an_example_written_twice_in_one_intent(project, added):
    path = project / "data/nlu/salaire.yml"
    first = line_of(project, "data/nlu/salaire.yml", "- salaire ?", exact=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(f"    - {added}\n")
    line = len(path.read_text(encoding="utf-8").splitlines())  # the line just added, the last one
    same = "" if added == "salaire ?" else \
        " (« salaire ? » : majuscules, accents et ponctuation finale ne comptent pas)"
    out = failing_output(project)
    assert (f"data/nlu/salaire.yml ligne {line} : l'exemple « {added} » est déjà écrit plus haut (ligne {first})"
            f"{same}. Supprimez l'une des deux lignes.") in out


def test_an_example_line_without_a_dash(project):
    with (project / "data/nlu/salaire.yml").open("a", encoding="utf-8") as f:
        f.write("    combien pour un junior\n")
    out = failing_output(project)
    line = line_of(project, "data/nlu/salaire.yml", "combien pour un junior")
    assert f"data/nlu/salaire.yml ligne {line} : « combien pour un junior » ne commence pas par « - »" in out


# -- domain, rules and stories -------------------------------------------------------------------
def test_an_intent_of_the_domain_without_a_rule(project):
    edit(project, "data/rules/conversation.yml",
           "- rule: dire que c'est un assistant virtuel\n  steps:\n  - intent: question_bot\n"
           "  - action: action_question_bot\n", "")
    out = failing_output(project)
    line = line_of(project, "domain.yml", "- question_bot")
    assert (f"domain.yml ligne {line} : l'intention « question_bot » n'est utilisée par aucune règle ni "
            "histoire") in out
    assert "Ajoutez une règle dans data/rules/" in out


def test_a_knowledge_topic_without_its_rule(project):
    edit(project, "data/rules/sujets.yml",
           "- rule: répondre sur « rncp »\n  steps:\n  - intent: rncp\n  - action: action_repondre\n", "")
    out = failing_output(project)
    line = line_of(project, "knowledge/sujets.yml", "  rncp:")
    assert (f"knowledge/sujets.yml ligne {line} : le sujet « rncp » n'a pas de règle vers action_repondre. "
            "Ajoutez dans data/rules/sujets.yml, à la fin :\n- rule: répondre sur « rncp »\n  steps:\n"
            "  - intent: rncp\n  - action: action_repondre") in out


def test_an_intent_of_the_data_missing_from_the_domain(project):
    edit(project, "domain.yml", "  - rncp\n", "")
    out = failing_output(project)
    assert (f"data/nlu/rncp.yml ligne {line_of(project, 'data/nlu/rncp.yml', '- intent: rncp')} : l'intention "
            "« rncp » n'est pas déclarée dans domain.yml. Ajoutez la ligne « - rncp » sous « intents: »") in out
    assert f"data/rules/sujets.yml ligne {line_of(project, 'data/rules/sujets.yml', 'intent: rncp')}" in out


def test_a_misspelt_action_in_a_story(project):
    edit(project, "data/stories/relances.yml", "  - action: action_conseiller", "  - action: action_conseiler")
    out = failing_output(project)
    line = line_of(project, "data/stories/relances.yml", "action_conseiler")
    assert (f"data/stories/relances.yml ligne {line} : l'action « action_conseiler » n'existe pas dans "
            "domain.yml. Vérifiez l'orthographe") in out
    assert "Vouliez-vous dire « action_conseiller » ?" in out


def test_a_misspelt_intent_in_a_test_story(project):
    with (project / "tests/test_stories.yml").open("a", encoding="utf-8") as f:
        f.write("\n- story: faute\n  steps:\n  - intent: salair\n  - action: action_repondre\n")
    out = failing_output(project)
    line = line_of(project, "tests/test_stories.yml", "- intent: salair", exact=True)
    assert f"tests/test_stories.yml ligne {line} : l'intention « salair » n'existe pas dans domain.yml" in out


# -- topics, buttons, templates ------------------------------------------------------------------
def test_a_topic_without_an_intent(project):
    edit(project, "knowledge/sujets.yml", "  conseiller:\n",
           "  teletravail:\n    libelle: Le télétravail\n    question: Peut-on télétravailler ?\n"
           "    rubrique: Contraintes\n    suggestions: [salaire]\n  conseiller:\n")
    out = failing_output(project)
    line = line_of(project, "knowledge/sujets.yml", "  teletravail:")
    assert (f"knowledge/sujets.yml ligne {line} : le sujet « teletravail » n'est pas une intention de domain.yml "
            ": aucune question d'élève ne peut y mener. Pour un nouveau sujet, ajoutez « - teletravail » sous "
            "« intents: » dans domain.yml, le fichier data/nlu/teletravail.yml et une règle") in out


def test_a_rule_to_action_repondre_for_an_intent_that_is_not_a_topic(project):
    edit(project, "data/rules/conversation.yml", "  - intent: question_bot\n  - action: action_question_bot",
           "  - intent: question_bot\n  - action: action_repondre")
    out = failing_output(project)
    line = line_of(project, "data/rules/conversation.yml", "intent: question_bot")
    assert (f"data/rules/conversation.yml ligne {line} : « question_bot » va à action_repondre, mais n'est pas "
            "un sujet de knowledge/sujets.yml") in out


def test_a_button_to_an_unknown_intent(project):
    edit(project, "domain.yml", "  utter_au_revoir:\n    - text: \"Au revoir, et bonne continuation",
           "  utter_au_revoir:\n    - buttons:\n        - title: Le salaire\n          payload: /salair\n"
           "      text: \"Au revoir, et bonne continuation")
    out = failing_output(project)
    line = line_of(project, "domain.yml", "payload: /salair")
    assert (f"domain.yml ligne {line} : le bouton « Le salaire » de utter_au_revoir mène à « /salair », mais "
            "« salair » n'est pas une intention de domain.yml. Corrigez le nom après « / »") in out


def test_an_intent_the_assistant_buttons_need(project):
    # « Autre question » sends /aide (core/replies.py): removing the intent breaks that button.
    edit(project, "domain.yml", "  - aide\n", "")
    for name in ("data/nlu/aide.yml",):
        (project / name).unlink()
    edit(project, "data/rules/conversation.yml",
           "- rule: présenter ce que sait faire l'assistant\n  steps:\n  - intent: aide\n  - action: action_aide\n", "")
    out = failing_output(project)
    assert "domain.yml : l'intention « aide » manque ; les boutons de l'assistant (core/replies.py) y mènent" in out


def test_a_template_with_a_lone_brace(project):
    edit(project, "knowledge/reponses.yml", 'rncp: "Non, un titre RNCP', 'rncp: "Non, {un titre RNCP')
    out = failing_output(project)
    line = line_of(project, "knowledge/reponses.yml", 'rncp: "Non, {un')
    assert (f"knowledge/reponses.yml ligne {line} : le modèle « rncp » a une accolade {{ ou }} seule. Écrivez "
            "les champs ainsi : {nom_du_champ}") in out


# -- rasa data validate, last ---------------------------------------------------------------------
def test_rasa_is_not_run_while_the_own_checks_fail(project):
    edit(project, "domain.yml", "  - rncp\n", "")
    result = run_check(project, rasa=True, in_process=True)
    assert result.returncode == 1
    assert "rasa data validate n'a pas été lancé" in result.stdout and "Vérification par Rasa" not in result.stdout


@pytest.mark.long
@pytest.mark.rasa_cli
def test_rasa_data_validate_problems_are_reported(project):
    # A story that contradicts a rule: only Rasa sees it.
    with (project / "data/stories/relances.yml").open("a", encoding="utf-8") as f:
        f.write("\n- story: conflit\n  steps:\n  - intent: salaire\n  - action: utter_au_revoir\n")
    assert run_check(project).returncode == 0
    result = run_check(project, rasa=True)
    assert result.returncode == 1
    # Said in French, with the file and line of the story (trainer/story_conflicts.py), not Rasa's English.
    line = line_of(project, "data/stories/relances.yml", "- story: conflit")
    assert "✗ Deux suites différentes après l'intention « salaire »" in result.stdout
    assert f"data/stories/relances.yml ligne {line} (l’histoire « conflit ») mène à utter_au_revoir" in result.stdout
    assert "Story structure conflict" not in result.stdout and "DeprecationWarning" not in result.stdout
    assert "predicted in" not in result.stdout and "en anglais" not in result.stdout


# -- what trainers really get wrong ---------------------------------------------------------------------
def test_an_unknown_template_field_is_named_with_the_valid_ones(project):
    edit(project, "knowledge/reponses.yml", 'puce: "• {texte}"', 'puce: "• {text}"')
    out = failing_output(project)
    line = line_of(project, "knowledge/reponses.yml", 'puce: "• {text}"')
    assert (f"knowledge/reponses.yml ligne {line} : le modèle « commun.puce » contient {{text}}, qui n'est pas un "
            "champ de ce modèle : l'élève lirait « problème technique ». Vouliez-vous dire {texte} ? Champs "
            "possibles pour ce modèle : {texte}.") in out


def test_a_template_field_of_another_template(project):
    from trainer.template_fields import TEMPLATE_FIELDS
    edit(project, "knowledge/reponses.yml", "rncp: \"Non, un titre RNCP", "rncp: \"Non, {intitule}, un titre RNCP")
    out = failing_output(project)
    valid = ", ".join(f"{{{f}}}" for f in sorted(TEMPLATE_FIELDS["rncp"]))
    assert "le modèle « rncp » contient {intitule}, qui n'est pas un champ de ce modèle" in out
    assert f"Champs possibles pour ce modèle : {valid}." in out


def test_a_misspelt_template_name(project):
    edit(project, "knowledge/reponses.yml", "\nrncp: ", "\nrncpp: ")
    out = failing_output(project)
    line = line_of(project, "knowledge/reponses.yml", "rncpp:")
    assert (f"knowledge/reponses.yml ligne {line} : le modèle « rncpp » n'est utilisé par aucune réponse de "
            "l'assistant. Vouliez-vous dire « rncp » ? Corrigez le nom.") in out
    assert "le modèle « rncp » manque" not in out   # the same mistake, said once


def test_a_missing_template(project):
    path = project / "knowledge/reponses.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(ln for ln in lines if not ln.startswith("rncp:")), encoding="utf-8")
    out = failing_output(project)
    assert "knowledge/reponses.yml : le modèle « rncp » manque ; l'assistant s'en sert (core/replies.py)" in out


def new_profession(project: Path, header: str) -> Path:
    """The guide's « nouveau métier »: a copy of the fiche under a new name, with a new header."""
    new_id = yaml.safe_load(header)["id"]
    path = project / "knowledge/metiers" / f"{new_id}.yml"
    original = (project / PROFESSION_FILE).read_text(encoding="utf-8")
    body = original[original.index("\ndefinition:"):]
    path.write_text(header + body, encoding="utf-8")
    return path


HEADER = ("id: testeur_jeux_societe\nintitule: Testeur(se) de jeux de société\nalias:\n"
          "  - testeur de jeux de societe\n  - testeuse de jeux de societe\n")


def test_an_unchanged_copied_fiche_is_refused(project):
    path = new_profession(project, HEADER)
    out = failing_output(project)
    assert (f"✗ {path.relative_to(project)} : ce fichier reprend encore les textes de {PROFESSION_FILE} (") in out
    assert "remplacez-les par les faits de la fiche du métier « Testeur(se) de jeux de société »" in out
    first = line_of(project, str(path.relative_to(project)), "resume:")
    assert f"« definition.resume » ligne {first}" in out


def test_the_fixture_profession_has_its_short_feminine_alias():
    fixture = yaml.safe_load((ROOT / "tests/fixtures/metiers/testeur_jeux_societe.yml").read_text(encoding="utf-8"))
    assert {"testeur de jeux", "testeuse de jeux"} <= set(fixture["alias"])


def test_a_feminine_title_is_recognised_without_its_alias_and_a_shared_name_is_warned(project):
    new_profession(project, HEADER.replace("  - testeuse de jeux de societe\n", ""))
    result = run_check(project)
    assert "testeuse" not in result.stdout  # core/names.py reads « testeuse » as « testeur »
    path = project / "knowledge" / "metiers" / "testeur_jeux_societe.yml"
    title = yaml.safe_load((project / PROFESSION_FILE).read_text(encoding="utf-8"))["intitule"]
    path.write_text(path.read_text(encoding="utf-8").replace("intitule: Testeur(se) de jeux de société",
                                                             f"intitule: {title}"), encoding="utf-8")
    result = run_check(project)
    assert (f"⚠ knowledge/metiers/testeur_jeux_societe.yml ligne 3 : « {without_marks(title)} » ne "
            "désigne pas ce seul métier") in result.stdout, result.stdout


def test_a_profession_id_with_accents_says_the_id_to_write(project):
    path = new_profession(project, HEADER.replace("id: testeur_jeux_societe", "id: testeur_jeux_société"))
    out = failing_output(project)
    assert (f"{path.relative_to(project)} : fichier invalide.\n  - champ « id » (ligne 1) : « testeur_jeux_société » : "
            "seulement des lettres minuscules sans accent (a à z), des chiffres et « _ », sans espace ni tiret. "
            "Écrivez « testeur_jeux_societe » (et nommez le fichier testeur_jeux_societe.yml)") in out


def test_a_diploma_path_with_a_level_in_words_or_an_unknown_status_gets_its_line_and_fix(project):
    edit(project, PROFESSION_FILE, "niveau: 2\n", "niveau: Bac+2\n")
    edit(project, PROFESSION_FILE, "statut: reference", "statut: référence")
    edit(project, PROFESSION_FILE, "statut: insuffisant_seul", "statut: obligatoire")
    out = failing_output(project)
    level = line_of(project, PROFESSION_FILE, "niveau: Bac+2")
    status = line_of(project, PROFESSION_FILE, "statut: référence")
    unknown = line_of(project, PROFESSION_FILE, "statut: obligatoire")
    assert (f"champ « parcours.0.niveau » (ligne {level}) : « Bac+2 » : le niveau est un nombre d'années d'études "
            "après le bac : écrivez 2") in out
    assert f"champ « parcours.1.statut » (ligne {status}) : statut « référence » : écrivez reference" in out
    assert (f"champ « parcours.0.statut » (ligne {unknown}) : statut « obligatoire » inconnu : choisissez requis, "
            "reference, suffisant, insuffisant_seul ou utile_pour_evoluer") in out


def test_a_misspelt_intent_in_the_domain_is_one_problem_saying_did_you_mean(project):
    edit(project, "domain.yml", "  - rncp\n", "  - rnpc\n")
    out = failing_output(project)
    line = line_of(project, "domain.yml", "- rnpc", exact=True)
    first = out.split("✗ ", 1)[1]
    assert first.startswith(f"domain.yml ligne {line} : l'intention « rnpc » n'est écrite nulle part ailleurs, et "
                            "« rncp » est utilisée sans être déclarée")
    assert f"vouliez-vous dire « rncp » ? Corrigez la ligne {line} de domain.yml : « - rncp »." in first
    assert out.startswith("1 problème à corriger (et ")
    assert out.count("✗") == 1 and out.count("↳ conséquence") >= 3


def test_a_misspelt_intent_in_a_rule_gets_did_you_mean(project):
    edit(project, "data/rules/sujets.yml", "  - intent: rncp\n", "  - intent: rnpc\n")
    out = failing_output(project)
    assert "l'intention « rnpc » n'existe pas dans domain.yml" in out and "Vouliez-vous dire « rncp » ?" in out


def test_a_guide_comment_pasted_into_examples(project):
    with (project / "data/nlu/salaire.yml").open("a", encoding="utf-8") as f:
        f.write("    # exemple: ajouter-des-exemples\n    - c'est payé combien au début\n")
    out = failing_output(project)
    line = line_of(project, "data/nlu/salaire.yml", "# exemple:")
    assert (f"data/nlu/salaire.yml ligne {line} : « # exemple: ajouter-des-exemples » est une ligne du guide, pas "
            "un exemple : supprimez cette ligne") in out
    assert "Ajoutez « - »" not in out


def test_a_markdown_fence_pasted_at_the_top_of_a_file(project):
    path = project / "data/nlu/salaire.yml"
    path.write_text("```yaml\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    out = failing_output(project)
    assert ("data/nlu/salaire.yml ligne 1, colonne 1 : YAML invalide (la ligne « ``` » vient du guide (elle encadre "
            "les extraits) : supprimez-la") in out
    assert "cannot start any token" not in out


@pytest.mark.parametrize("text, expected", [
    ("a: b: c\n", "un « : » inattendu"),
    ("a:\n\tb: 1\n", "une tabulation : utilisez des espaces"),
    ("a: \"x\n", "un guillemet n'est pas fermé"),
    ("a: @x\n", "mettez le texte entre guillemets"),
    ("a: \"x\\q\"\n", "une barre « \\ »"),
    ("a: [x\n", "une liste entre crochets [ ] n'est pas fermée"),
    ("a: 1\n---\nb: 2\n", "une ligne « --- » coupe le fichier en deux : supprimez-la"),
    ("a: {x\n", "un texte qui commence par « { » doit être mis entre guillemets"),
    ("a: !x y\n", "un « ! » en début de texte"),
    ("a: \x07\n", "un caractère invisible interdit"),
    ("a:\n  - x\n b: 1\n", "l'indentation ne correspond pas aux lignes voisines"),
    ("a: *x\n", "un « * » en début de texte"),
])
def test_every_yaml_parser_message_is_in_french(text, expected):
    from core.knowledge import yaml_problem
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.safe_load(text)
    message = yaml_problem(caught.value, text)
    assert expected in message
    assert not re.search(r"\b(found|expected|could not|while|allowed)\b", message)


def held_out_sentence(held_out: str, section: str) -> tuple:
    """(the first sentence of a held-out file, the intent file it is copied into, its line marker)."""
    first = yaml.safe_load((ROOT / "tests/nlu" / held_out).read_text(encoding="utf-8"))[section][0]
    if section == "nlu":  # Rasa's format: examples of one intent
        sentence = first["examples"].splitlines()[0][2:].strip()
        return sentence, first["intent"], f"- {sentence}"
    return first["text"], "salaire", first["text"]


@pytest.mark.parametrize("held_out, section", [
    ("test_nlu.yml", "nlu"), ("test_compound.yml", "compound"), ("test_absent.yml", "absent"),
], ids=["phrases", "questions-composees", "details-absents"])
def test_a_held_out_sentence_copied_into_training(project, held_out, section):
    sentence, intent, marker = held_out_sentence(held_out, section)
    with (project / f"data/nlu/{intent}.yml").open("a", encoding="utf-8") as f:
        f.write(f"    - {sentence}\n")
    out = failing_output(project)
    train_line = line_of(project, f"data/nlu/{intent}.yml", f"- {sentence}")
    test_line = line_of(project, f"tests/nlu/{held_out}", marker)
    assert (f"data/nlu/{intent}.yml ligne {train_line} : l'exemple « {sentence} » est une phrase de test "
            f"(tests/nlu/{held_out} ligne {test_line}). Les phrases de tests/nlu/ mesurent l'assistant sur des "
            f"phrases qu'il n'a jamais vues : supprimez cette ligne de data/nlu/{intent}.yml") in out


# rasa data validate's reuse of an earlier success is tested with the guide's procedures, in one run of it:
# tests/unit/test_guide.py test_all_procedures_together_pass_rasa_data_validate_which_is_not_run_again_on_the_same_files.


def test_a_profession_annotated_that_the_lookup_does_not_list(project):
    """« combien gagne un [luthier](metier) ? » with no « luthier » in the lookup: the annotation would never be read, and
    the question answered with the school's own profession's pay."""
    with (project / "data/nlu/salaire.yml").open("a", encoding="utf-8") as f:
        f.write("    - et un [luthier](metier) il gagne combien\n")
    out = failing_output(project)
    line = line_of(project, "data/nlu/salaire.yml", "- et un [luthier](metier) il gagne combien")
    assert (f"data/nlu/salaire.yml ligne {line} : « luthier » est annoté comme « metier », mais la liste « lookup: "
            "metier » ne le contient pas") in out
