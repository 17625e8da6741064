"""What a student reads in the assistant's replies, normalised so that a test or a benchmark can look for it."""
import re

from core.knowledge import Profession, euros
from core.textnorm import without_accents


def seen(replies) -> str:
    """Everything a student sees in the bot's replies: texts and button titles."""
    parts = []
    for r in replies:
        if r.get("text"):
            parts.append(r["text"])
        parts.extend(str(b.get("title", "")) for b in r.get("buttons") or [])
    return "\n".join(parts)


def norm(text: str) -> str:
    """Lower-case, no accents, no thousands separators: "30 000 €" -> "30000 €"."""
    text = without_accents(text)
    text = re.sub(r"[\u00a0\u202f]", " ", text)
    return re.sub(r"(\d) (?=\d{3}\b)", r"\1", text)


def amounts(level: str, profession: Profession) -> tuple:
    """("31500", "36500"): the min and max of a salary level, as norm() shows them in a reply."""
    salary_level = getattr(profession.salaire.niveaux, level)
    return norm(euros(salary_level.min)), norm(euros(salary_level.max))
