"""Addresses that may be printed: a database URL with its password replaced by ***."""


def shown_url(url: str) -> str:
    """`url` as an error message may show it (never the password)."""
    from sqlalchemy.engine import make_url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL at all: say nothing of what was written
        return "(adresse illisible)"
