"""Text helpers of the review queue: one-line messages, similarity, and test or attack messages."""
import re
import unicodedata
from typing import Optional, Set


def _printable(c: str) -> bool:
    """A character YAML allows in a file (line breaks are already removed)."""
    o = ord(c)
    return (0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000) and o != 0xFEFF


def one_line(text: str) -> str:
    """The message on one line, without control characters (it becomes a line of YAML)."""
    return "".join(c for c in " ".join(str(text).split()) if _printable(c))


def trigrams(key: str) -> Set[str]:
    s = f" {key} "
    return {s[i:i + 3] for i in range(max(1, len(s) - 2))}


def jaccard(a: Set[str], b: Set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def shorten(text: str, n: int = 220) -> str:
    text = one_line(text)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# The assistant handles them correctly by design (they are never shown as markup nor executed, and it
# answers in French): they must not become examples. They are listed apart, at the end of the file,
# under a heading the trainer can skip.
_PROBES = [
    (re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>"), "balise HTML ou script : jamais affichée telle quelle"),
    (re.compile(r"(?i)\b(drop|delete|truncate)\s+table\b|\bunion\s+(all\s+)?select\b|\b(or|and)\s+\d+\s*=\s*\d+"
                r"|'\s*(;|--|or\b)"), "injection SQL : les messages ne sont jamais exécutés"),
    (re.compile(r"\{\{.*\}\}|\$\{.*\}|\bjndi:"), "injection de code : les messages ne sont jamais exécutés"),
]


def probe_reason(text: str) -> Optional[str]:
    """Why a message is a test or an attack the assistant handled as designed (French, shown to the trainer),
    or None for a real question."""
    for pattern, reason in _PROBES:
        if pattern.search(text):
            return reason
    letters = [c for c in text if c.isalpha()]
    if letters and not any("LATIN" in unicodedata.name(c, "") for c in letters):
        return "autre écriture (arabe, chinois…) : l'assistant répond en français"
    return None
