"""The profession in play in a conversation: the one the student last named or chose, the page's, or the school's
only one. Pure functions on a School and a Turn (no Rasa)."""
from typing import List, Optional

from core.knowledge import Profession
from core.school import School
from core.turn import Turn


def page_profession(school: School, turn: Turn) -> Optional[Profession]:
    return school.profession(turn.page)


def current_profession(school: School, turn: Turn) -> Optional[Profession]:
    """The profession in play: the one the student last named or chose, else the page's, else the
    school's only one, else the default a small school chose (School.small_default). None in a
    catalogue where none is in play yet: the dialogue asks which one, never guesses."""
    return (school.profession(turn.slots.get("metier_id")) or page_profession(school, turn) or school.single
            or school.small_default)


def menu_professions(school: School, turn: Turn) -> List[Profession]:
    page = page_profession(school, turn)
    return [page] if page else list(school.professions.values())
