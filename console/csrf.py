"""Form tokens against cross-site requests (besides SameSite=Strict cookies).

Signed-in forms carry the session's own token (console_sessions.csrf). The login form, before any
session, uses a double-submit token: a random cookie and the same value in a hidden field.
"""
import hmac
import secrets
from typing import Optional

LOGIN_COOKIE = "console_csrf"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same(expected: Optional[str], given: Optional[str]) -> bool:
    # as bytes: compare_digest refuses str with non-ASCII characters (a forged field could hold « \x80 »)
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected).encode("utf-8", "surrogatepass"),
                                                                  str(given).encode("utf-8", "surrogatepass"))
