"""What the console reads from the school's knowledge files (ASSISTANT_KNOWLEDGE_DIR or knowledge/):
the contact (booking link, promised delay, counsellors' address) and the professions' titles."""
import functools
import re
from typing import Optional

import yaml

from core.knowledge import Contact
from loading.knowledge import load_contact
from loading.paths import knowledge_dir


def contact() -> Contact:
    """Validated like the action server does: a wrong contact.yml stops the console with the file and field."""
    return load_contact(knowledge_dir() / "contact.yml")


@functools.lru_cache(maxsize=256)
def profession_title(metier: Optional[str]) -> str:
    """« Testeur(se) de jeux de société » for testeur_jeux_societe; the id itself when the file is missing."""
    if not metier:
        return "non précisé"
    if not re.fullmatch(r"[a-z0-9_]{1,64}", metier):   # a file name, never a path
        return metier
    path = knowledge_dir() / "metiers" / f"{metier}.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return metier
    return str(data.get("intitule") or metier) if isinstance(data, dict) else metier
