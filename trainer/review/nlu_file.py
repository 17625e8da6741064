"""The one writer of NLU example files: new examples appended at the end of an intent's block, the rest of
the file (comments, order, quotes) left byte for byte as the trainer wrote it."""
import re
from typing import List, Optional, Tuple

import yaml

from trainer.project import block_examples


def find_block(lines: List[str], intent: str) -> Optional[Tuple[int, str]]:
    """(index of the line after which to insert, indentation of the examples) for this intent."""
    block_start = re.compile(r"^(\s*)-\s+intent:\s*([\"']?)" + re.escape(intent) + r"\2\s*(#.*)?$")
    for i, line in enumerate(lines):
        m = block_start.match(line.rstrip("\r\n"))
        if not m:
            continue
        item_indent = len(m.group(1))
        j = i + 1
        while j < len(lines):
            current = lines[j].rstrip("\r\n")
            indent = len(current) - len(current.lstrip(" "))
            if current.strip() and not current.lstrip().startswith("#") and indent <= item_indent:
                return None  # end of the item without « examples: | »
            key = re.match(r"^(\s*)examples:\s*\|[-+]?\s*(#.*)?$", current)
            if key:
                key_indent = len(key.group(1))
                last, example_indent = j, None
                k = j + 1
                while k < len(lines):
                    content = lines[k].rstrip("\r\n")
                    if content.strip():
                        r = len(content) - len(content.lstrip(" "))
                        if r <= key_indent:
                            break
                        last = k
                        if example_indent is None:
                            example_indent = r
                    k += 1
                return last, " " * (example_indent if example_indent is not None else key_indent + 2)
            j += 1
        return None
    return None


def append_examples(text: str, intent: str, new_examples: List[str]) -> Optional[str]:
    """The file with the new examples at the end of the intent's block, or None when it has none."""
    lines = text.splitlines(keepends=True)
    found_block = find_block(lines, intent)
    if found_block is None:
        return None
    after, indent = found_block
    eol = "\r\n" if lines[after].endswith("\r\n") else "\n"
    if not lines[after].endswith(("\n", "\r")):
        lines[after] += eol
    appended = [f"{indent}- {example}{eol}" for example in new_examples]
    return "".join(lines[: after + 1] + appended + lines[after + 1:])


def examples_of(text: str, intent: str) -> Optional[List[str]]:
    """The examples of an intent in the text of an NLU file, or None when the intent is not there."""
    data = yaml.safe_load(text) or {}
    for item in data.get("nlu") or []:
        if isinstance(item, dict) and str(item.get("intent")) == intent:
            return block_examples(item.get("examples"))
    return None


def new_file(intent: str, examples: List[str]) -> str:
    """A new data/nlu/<intent>.yml holding only these examples."""
    return 'version: "3.1"\nnlu:\n' + f"- intent: {intent}\n  examples: |\n" + "".join(f"    - {e}\n" for e in examples)
