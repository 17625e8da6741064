"""The action server's school: rasa_sdk builds every action without arguments when it registers
them, so they all take the one School loaded here, at start. An invalid knowledge file stops the
server there, with the trainer-readable message and no traceback."""
import sys
from functools import lru_cache

from core.knowledge import KnowledgeError
from core.school import School, load_school


@lru_cache(maxsize=1)
def server_school() -> School:
    try:
        school = load_school()
        school.search_index  # built now, at start, rather than during the first student's search
        return school
    except KnowledgeError as error:
        print(f"Erreur dans les fichiers de connaissances :\n{error}", file=sys.stderr)
        raise SystemExit(1) from None
