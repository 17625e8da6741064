"""What may be printed of a database address or a driver's message: never the password.

The one place that masks passwords: make forget, make review and the start-up database check use it.
"""
import re
from typing import Any

# user:password@ up to the last @: a password with an unencoded @ is hidden whole.
_CREDENTIALS = re.compile(r"(://[^:/@\s]*:)\S*@")


def shown_url(url: Any) -> str:
    """`url` (text or a SQLAlchemy URL) as a message may show it, the password replaced by ***; an
    address that does not read as a URL is not repeated at all."""
    from sqlalchemy.engine import URL, make_url
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    if not str(url).strip():
        return ""
    try:
        return make_url(str(url)).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL at all: say nothing of what was written
        return "(adresse illisible)"


def scrubbed(text: str) -> str:
    """Free text (a driver's message) with any user:password@ in it masked."""
    return _CREDENTIALS.sub(r"\1***@", text)
