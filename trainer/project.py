"""The one reader of the project for every trainer tool (make check, review, report, tune).

It reads, once, what a trainer edits: domain.yml (intents with their lines, responses, actions),
the NLU blocks of data/ with the line of each example, the rules and stories, the held-out sentences
of tests/nlu/, and the knowledge files (validated by core.knowledge, as the assistant loads them).
Reading never reports: an unreadable file gets a French message in `unreadable`, an invalid knowledge
file one in `knowledge_problems`; the checks (trainer/check.py) turn them into problems.

Paths are said relative to the project (`rel`, `at`), as a trainer sees them in their editor.
"""
import difflib
import functools
import re
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, NamedTuple, Optional, Tuple

import yaml

from core import yamlcache
from core.knowledge import KnowledgeError, Profession, yaml_problem
from core.textnorm import without_accents
from loading.paths import ROOT
from loading.school import read_school
from trainer.parsed_cache import ParsedCache

TOPIC_ACTION = "action_repondre"
# Actions Rasa provides itself (rasa.shared.core.constants), without declaring them.
RASA_ACTIONS = {"action_listen", "action_restart", "action_session_start", "action_default_fallback",
                "action_deactivate_loop", "action_revert_fallback_events", "action_default_ask_affirmation",
                "action_default_ask_rephrase", "action_two_stage_fallback", "action_unlikely_intent",
                "action_back", "...", "action_extract_slots"}
HELD_OUT_DIR = "tests/nlu"
TEST_STORIES = "tests/test_stories.yml"
_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")

# -- YAML with line numbers ----------------------------------------------------------------------
class Mapping(dict):
    """A YAML mapping that remembers the line of each key and of each value (1-based)."""

    def __init__(self, line: int = 0):
        super().__init__()
        self.line = line
        self.lines: Dict[object, int] = {}
        self.value_lines: Dict[object, int] = {}


class Sequence(list):
    """A YAML list that remembers the line of each item."""

    def __init__(self, line: int = 0):
        super().__init__()
        self.line = line
        self.lines: List[int] = []


class _LineLoader(yaml.SafeLoader):
    """PyYAML keeping the lines, and refusing a key written twice (Rasa refuses it too)."""


def _mapping(loader, node):
    loader.flatten_mapping(node)
    result = Mapping(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"la clé « {key} » est écrite deux fois au même niveau", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
        result.value_lines[key] = value_node.start_mark.line + 1
    return result


def _sequence(loader, node):
    result = Sequence(node.start_mark.line + 1)
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)

def parse_yaml(text: str):
    """The document of a YAML text, with its lines (raises yaml.YAMLError). Parsed once per process
    (core.yamlcache): the tests check dozens of copies of the project, made of the same texts."""
    return yamlcache.parse(text, _LineLoader)


class Said(list):
    """A held-out set of conversations (a list of cases, each with its « say »): [(sentence, line)] of every
    message a student sends in it. The rest of its cases (what the reply must say) is its test's business."""


def is_case_list(text: str) -> bool:
    """A YAML text whose document is a list (its first line that is no comment starts with « - »)."""
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return line.startswith("-")
    return False


def said_sentences(text: str) -> list:
    """[[sentence, line]] of the « say » of each case of a list (raises yaml.YAMLError). Composed by libyaml
    when PyYAML has it, without building the document: the 45 sets of about 200 cases each were most of
    make check's reading through the line-aware loader, which only needs the sentences and their lines."""
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    said = []
    for case in root.value if isinstance(root, yaml.SequenceNode) else []:
        for key, value in case.value if isinstance(case, yaml.MappingNode) else []:
            if isinstance(key, yaml.ScalarNode) and key.value == "say":
                values = value.value if isinstance(value, yaml.SequenceNode) else [value]
                said += [[node.value, node.start_mark.line + 1] for node in values if isinstance(node, yaml.ScalarNode)]
    return said


# -- examples ------------------------------------------------------------------------------------
class Example(NamedTuple):
    text: str
    path: Path
    line: int


class HeldOut(NamedTuple):
    """A sentence of tests/nlu/: what a student writes (entity marks removed) and the intent expected."""
    text: str
    intent: str
    path: Path
    line: int


class Place(NamedTuple):
    path: Path
    line: Optional[int]


def plain(text: str) -> str:
    """The sentence as a student types it: « un [plombier](metier) » -> « un plombier »."""
    return _ANNOTATION.sub(r"\1", text)


@functools.lru_cache(maxsize=65536)   # every tool compares the same examples many times
def normalise(text: str) -> str:
    """The one comparison key of two examples, for every trainer tool: make check (an example written
    twice, a test sentence copied into data/nlu/), make review (a message already an example) and
    make review-import (never write a duplicate). Entity marks, case, accents, spacing and the final
    punctuation are ignored; inner punctuation is kept. Why: a final « ? » or « ! » is how a student
    ends any question, and « merci » / « merci ! » are one example for the assistant; inside a sentence,
    an apostrophe or a « + » changes the words the classifier sees (« c'est » / « c est », « bac+5 » /
    « bac 5 » are two spellings students really use, both worth keeping as examples)."""
    text = plain(text).replace("\u2019", "'").replace("\u00a0", " ")
    text = without_accents(text)
    text = " ".join(text.split())
    return text.strip(" ?!.…,;:") or text


def example_text(raw: str) -> Optional[str]:
    """The example of a line « - question », or None when the line is not one."""
    if not raw.startswith("-"):
        return None
    return raw[1:].strip() or None


def block_examples(block) -> List[str]:
    """The examples of an « examples: | » block, in order."""
    return [text for raw in (block or "").splitlines() for text in [example_text(raw.strip())] if text]


def close_name(name: str, names) -> Optional[str]:
    """The one known name a misspelt one most likely means, if any."""
    found = difflib.get_close_matches(str(name), sorted(set(map(str, names)) - {str(name)}), n=1, cutoff=0.75)
    return found[0] if found else None


def did_you_mean(name: str, names) -> str:
    close = close_name(name, names)
    return f" Vouliez-vous dire « {close} » ?" if close else ""


def node_at(data, dotted: str) -> Tuple[object, Optional[int], bool]:
    """(node, line, found) for the field « a.b.0.c »; when missing, the line of the closest parent."""
    line, node = None, data
    for part in dotted.split("."):
        if isinstance(node, dict) and part in node:
            line, node = node.lines.get(part, line), node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            line, node = node.lines[int(part)], node[int(part)]
        else:
            return None, line, False
    return node, line, True


def leaves(node, prefix: str = "", line: int = 0) -> Iterator[Tuple[str, object, int]]:
    """(dotted name, value, line) of every scalar of a YAML document read with lines."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, f"{prefix}.{key}" if prefix else str(key), node.lines.get(key, line))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, f"{prefix}.{index}", node.lines[index])
    else:
        yield prefix, node, line



# -- the project, read once ------------------------------------------------------------------------
class Project:
    """Everything the trainer tools read: YAML files with their lines, the validated knowledge files,
    the examples, the held-out sentences, the domain and the steps of rules and stories. Reading never
    reports; the tools do."""

    def __init__(self, root: Path = ROOT):
        self.root = root.resolve()
        self._relative: Dict[Path, str] = {}   # rel() of each path said: one resolve per file, not per line
        self.documents: Dict[Path, object] = {}
        self.unreadable: Dict[Path, str] = {}   # file -> French message
        self._parsed = ParsedCache(Path(__file__).read_bytes(), Mapping, Sequence)
        for path in self._edited_files():
            self.read(path)
        self._parsed.save()
        knowledge = self.root / "knowledge"
        self.knowledge_problems: List[str] = []
        files = read_school(knowledge, report=self._report, skip=lambda path: path in self.unreadable)
        self.profession_files: Dict[str, Path] = files.profession_files
        self.professions: Dict[str, Profession] = files.professions
        self.topics_model = files.topics
        self.templates: Dict[str, str] = files.templates or {}
        self.contact = files.contact
        self.diplomas = files.diplomas
        # What the assistant would load (None while a shared knowledge file is invalid).
        self.school = files.school()
        topics = self.mapping(knowledge / "sujets.yml").get("sujets")
        self.topics: Mapping = topics if isinstance(topics, dict) else Mapping()
        default = self.mapping(knowledge / "sujets.yml").get("metier_par_defaut")
        self.default_profession: Optional[str] = str(default) if default else None

        self.example_lines: List[Tuple[str, Path, int, str]] = []   # (intent, file, line, raw line)
        self.intent_headers: Dict[str, List[Place]] = defaultdict(list)
        self.intents_without_examples: List[Tuple[str, Place]] = []
        for path in self.files("data"):
            for intent, header, lines in self.nlu_blocks(path):
                self.intent_headers[intent].append(header)
                if lines is None:
                    self.intents_without_examples.append((intent, header))
                self.example_lines += [(intent, path, line, raw) for line, raw in lines or []]
        self.examples: Dict[str, List[Example]] = defaultdict(list)
        for intent, path, line, raw in self.example_lines:
            text = example_text(raw)
            if text:
                self.examples[intent].append(Example(text, path, line))

        self.domain_path = self.root / "domain.yml"
        domain = self.mapping(self.domain_path)
        self.intents: Dict[str, int] = {}
        intents = domain.get("intents") or Sequence()
        for value, line in zip(intents, getattr(intents, "lines", [])):
            self.intents[next(iter(value)) if isinstance(value, dict) else str(value)] = line
        responses = domain.get("responses")
        self.responses: Mapping = responses if isinstance(responses, dict) else Mapping()
        self.actions = {str(a) for a in (domain.get("actions") or [])} | set(self.responses) | RASA_ACTIONS

        # Steps of every rule and story (and of the test stories): (rules, stories or tests; steps; file).
        self.steps: List[Tuple[str, list, Path]] = []
        test_stories = self.root / TEST_STORIES
        for path in self.files("data") + [test_stories]:
            data = self.mapping(path)
            for kind in ("rules", "stories"):
                for block in data.get(kind) or []:
                    if isinstance(block, dict) and isinstance(block.get("steps"), list):
                        self.steps.append((kind if path != test_stories else "tests", block["steps"], path))

    # reading
    def _edited_files(self) -> List[Path]:
        files = [self.root / "domain.yml", self.root / "config.yml"]
        files += self.files("data") + self.files("knowledge")
        return files + [self.root / TEST_STORIES] + self.files(HELD_OUT_DIR)

    def read(self, path: Path):
        if path in self.documents:
            return self.documents[path]
        data = None
        if path.exists():
            try:
                text = path.read_text(encoding="utf-8")
                if path.is_relative_to(self.root / HELD_OUT_DIR) and is_case_list(text):
                    data = Said((sentence, line) for sentence, line in self._parsed.parse_plain(text, said_sentences))
                else:
                    data = self._parsed.parse(text, parse_yaml)
            except yaml.YAMLError as exc:
                self.unreadable[path] = (
                    f"{self.yaml_message(path, exc, text)}. Vérifiez cette ligne et celle du dessus : indentation "
                    "avec des espaces (jamais de tabulation), alignée sur les lignes voisines, et « : » après "
                    "chaque nom de rubrique.")
            except UnicodeDecodeError:
                self.unreadable[path] = (f"{self.rel(path)} : le fichier n'est pas enregistré en UTF-8. "
                                         "Enregistrez-le en UTF-8 depuis votre éditeur.")
        self.documents[path] = data
        return data

    def yaml_message(self, path: Path, exc: yaml.YAMLError, text: str = "") -> str:
        """« fichier ligne L, colonne C : YAML invalide (what is wrong, in French) », for every tool."""
        mark = getattr(exc, "problem_mark", None)
        where = f" ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else ""
        return f"{self.rel(path)}{where} : YAML invalide ({yaml_problem(exc, text)})"

    def mapping(self, path: Path) -> Mapping:
        """The content of a file made of sections, or an empty one (missing, invalid or a list)."""
        data = self.read(path)
        return data if isinstance(data, dict) else Mapping()

    def files(self, folder: str) -> List[Path]:
        return sorted((self.root / folder).rglob("*.yml")) if (self.root / folder).is_dir() else []

    def rel(self, path: Path) -> str:
        if path not in self._relative:
            try:
                self._relative[path] = str(Path(path).resolve().relative_to(self.root))
            except ValueError:
                self._relative[path] = str(path)
        return self._relative[path]

    def at(self, path: Path, line: Optional[int] = None) -> str:
        return f"{self.rel(path)} ligne {line}" if line else self.rel(path)

    def nlu_blocks(self, path: Path):
        """(intent, place of « - intent: », [(line, raw line)] or None) for each intent of an NLU file."""
        nlu = self.mapping(path).get("nlu")
        for item in nlu if isinstance(nlu, list) else []:
            if not isinstance(item, dict) or "intent" not in item:
                continue
            header = Place(path, item.lines.get("intent"))
            examples = item.get("examples")
            if not isinstance(examples, str):
                yield str(item["intent"]), header, None
                continue
            first = item.value_lines["examples"] + 1   # with « examples: | », the text starts below « | »
            yield str(item["intent"]), header, [(first + offset, raw) for offset, raw
                                                in enumerate(examples.splitlines()) if raw.strip()]

    def _report(self, error: KnowledgeError, path: Path) -> None:
        message = str(error).replace(str(path.resolve()), self.rel(path)).replace(str(path), self.rel(path))
        self.knowledge_problems.append(self._with_lines(message, path))

    def _with_lines(self, message: str, path: Path) -> str:
        """Adds to a loader's message the line of each field or topic it names, when the file gives it."""
        data = self.read(path)

        def named_field(match):
            _, line, found = node_at(data, match.group(1))
            if not line:
                return match.group(0)
            return f"{match.group(0)} (ligne {line})" if found else f"{match.group(0)} (à écrire sous la ligne {line})"

        def citation(match):
            cited, _, _ = node_at(data, match.group(1))
            lines = [ln for v, ln in zip(cited or [], getattr(cited, "lines", [])) if v == match.group(2)]
            where = f"ligne {lines[0]} ; " if lines else ""
            topics = (data or {}).get("sujets") if isinstance(data, dict) else None
            guess = close_name(match.group(2), topics or [])
            fix = f"vouliez-vous dire « {guess} » ? " if guess else ""
            return f"{match.group(0)} ({where}{fix}corrigez le nom, ou créez ce sujet sous « sujets: »)"

        message = re.sub(r"champ « ([^»]+) »", named_field, message)
        return re.sub(r"([\w.]+) cite « ([^»]+) »(, qui n'est pas un sujet défini)?", citation, message)

    # derived facts
    def nlu_files(self) -> List[Path]:
        """The files of data/ that hold NLU examples."""
        return [path for path in self.files("data") if isinstance(self.mapping(path).get("nlu"), list)]

    def unreadable_nlu(self) -> List[str]:
        """The French message of each file of data/ that cannot be read."""
        return [message for path, message in self.unreadable.items()
                if self.rel(path).startswith("data/")]

    def intent_file(self, intent: str) -> Path:
        """data/nlu/<intent>.yml, or the file of data/ that already declares this intent."""
        expected = self.root / "data" / "nlu" / f"{intent}.yml"
        if expected.exists() or intent not in self.intent_headers:
            return expected
        return self.intent_headers[intent][0].path

    def example_index(self) -> Dict[str, List[Tuple[str, Example]]]:
        """normalise(example) -> [(intent, example)] for every example of data/."""
        index: Dict[str, List[Tuple[str, Example]]] = defaultdict(list)
        for intent, examples in self.examples.items():
            for example in examples:
                index[normalise(example.text)].append((intent, example))
        return index

    def held_out_files(self) -> List[Path]:
        """The files of tests/nlu/ written as NLU data (« nlu: » with intents and examples). A file of
        tests/nlu/ in another format (compound or absent-detail sentences) is read by its own test."""
        return [path for path in self.files(HELD_OUT_DIR)
                if any(isinstance(item, dict) and "intent" in item for item in self.mapping(path).get("nlu") or [])]

    def held_out(self) -> List[HeldOut]:
        """Every held-out sentence of tests/nlu/, in file order: the measure of sentences never seen."""
        sentences = []
        for path in self.held_out_files():
            for intent, _, lines in self.nlu_blocks(path):
                for line, raw in lines or []:
                    text = example_text(raw)
                    if text:
                        sentences.append(HeldOut(plain(text), intent, path, line))
        return sentences

    def held_out_messages(self) -> List[HeldOut]:
        """The sentences of tests/nlu/ files in other formats (compound questions, details the fiche
        does not give: lists of « text: » entries under one section); intent is the section's name.
        Not the messages of its conversation sets (Said): everyday messages (« bonjour », « salaire ? »…) were
        examples of data/nlu/ before the sets were written, and their writers wrote them again."""
        nlu_files = set(self.held_out_files())
        sentences = []
        for path in self.files(HELD_OUT_DIR):
            if path in nlu_files or isinstance(self.read(path), Said):
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for section, items in self.mapping(path).items():
                for item in items if isinstance(items, list) else []:
                    text = item.get("text") if isinstance(item, dict) else None
                    if isinstance(text, str) and text.strip():
                        line = next((i for i, raw in enumerate(lines, 1) if text in raw), 0)
                        sentences.append(HeldOut(plain(text), str(section), path, line))
        return sentences

    def intent_places(self) -> Dict[str, List[Place]]:
        """Every place an intent name is written, outside domain.yml: NLU files, steps, topics."""
        places: Dict[str, List[Place]] = defaultdict(list)
        for intent, headers in self.intent_headers.items():
            places[intent] += headers
        for _, steps, path in self.steps:
            for intent, line, _ in step_intents(steps):
                places[intent].append(Place(path, line))
        for topic, line in self.topics.lines.items():
            places[str(topic)].append(Place(self.root / "knowledge" / "sujets.yml", line))
        return places

    def topic_rules(self) -> Tuple[set, List[Tuple[str, Path, int]]]:
        """(intents with a rule to action_repondre, [(intent, file, line)] of every step to it)."""
        with_rule, to_topic_action = set(), []
        for kind, steps, path in self.steps:
            for intent, line, position in step_intents(steps):
                following = steps[position + 1] if position + 1 < len(steps) else None
                if isinstance(following, dict) and following.get("action") == TOPIC_ACTION:
                    to_topic_action.append((intent, path, line))
                    if kind == "rules":
                        with_rule.add(intent)
        return with_rule, to_topic_action



def step_intents(steps) -> Iterator[Tuple[str, int, int]]:
    """(intent, line, position of the step); an « or: » gives each of its intents."""
    for position, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        if "intent" in step:
            yield str(step["intent"]), step.lines["intent"], position
        for alternative in step.get("or") or []:
            if isinstance(alternative, dict) and "intent" in alternative:
                yield str(alternative["intent"]), alternative.lines["intent"], position

