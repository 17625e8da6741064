"""What every console page shares: templates (autoescaped), cookies, the signed-in account, French
error pages and the security headers."""
import time
from pathlib import Path
from typing import Optional
from urllib.parse import parse_qs, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sanic import response
from sanic.headers import parse_content_header
from sanic.request import Request, RequestParameters, parse_multipart_form
from sanic.response import HTTPResponse

from console import auth

SESSION_COOKIE = "console_session"
TEMPLATES = Path(__file__).resolve().parent / "templates"
# Every template is escaped, whatever its name: a student's text is shown as text, never as HTML.
templates = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                        trim_blocks=True, lstrip_blocks=True)
templates.filters["date"] = lambda at: time.strftime("%d/%m/%Y à %H:%M", time.localtime(at))

# Pages of the console itself: scripts, styles and images only from here, never framed.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def page(name: str, status: int = 200, **values) -> HTTPResponse:
    return response.html(templates.get_template(name).render(**values), status=status)


def error_page(status: int, title: str, text: str, session: Optional[auth.Session] = None) -> HTTPResponse:
    return page("erreur.html", status=status, title=title, text=text, session=session)


def forbidden(session: Optional[auth.Session] = None) -> HTTPResponse:
    return error_page(403, "Accès refusé", "Cette page est réservée à un autre rôle que le vôtre. Si vous pensez "
                      "devoir y accéder, demandez à la personne qui gère la console de vérifier votre compte.",
                      session)


def bad_form() -> HTTPResponse:
    return error_page(403, "Formulaire refusé", "Le formulaire a expiré ou ne vient pas de la console (jeton de "
                      "sécurité absent ou incorrect). Revenez à la page précédente, rechargez-la, puis recommencez.")


def is_https(request: Request, forced: bool) -> bool:
    return forced or request.scheme == "https"


def cookie_name(name: str, secure: bool) -> str:
    """Under HTTPS, the __Host- prefix: the browser then accepts the cookie only from this very host, Secure,
    Path=/ and without Domain, so a sibling subdomain (or another port over plain HTTP) cannot set it."""
    return f"__Host-{name}" if secure else name


def cookie(request: Request, name: str, forced_https: bool) -> Optional[str]:
    return request.cookies.get(cookie_name(name, is_https(request, forced_https)))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def cross_site(request: Request, public_url: str) -> bool:
    """A POST that a browser says comes from another site (Sec-Fetch-Site) or from another origin (Origin):
    the console's own pages post only to themselves. A client that sends neither (a script) still needs
    the form token."""
    fetched = (request.headers.get("sec-fetch-site") or "").strip().lower()
    if fetched:   # the browser's own word decides
        return fetched not in ("same-origin", "none")
    origin = (request.headers.get("origin") or "").strip()
    if not origin or origin == "null":
        # « null »: what Chromium sends from a page with Referrer-Policy: no-referrer (the console's own)
        return False
    own = {_origin(public_url), f"{request.scheme}://{request.host}".lower()}
    return origin.rstrip("/").lower() not in own


def foreign_form() -> HTTPResponse:
    return error_page(403, "Formulaire refusé", "Ce formulaire a été envoyé depuis un autre site que la console. "
                      "Pour vous connecter ou agir, ouvrez directement l'adresse de la console dans votre navigateur.")


def set_cookie(resp: HTTPResponse, name: str, value: str, secure: bool, max_age: Optional[int] = None) -> None:
    name = cookie_name(name, secure)
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/"
    if secure:
        cookie["secure"] = True
    if max_age is not None:
        cookie["max-age"] = max_age


def clear_cookie(resp: HTTPResponse, name: str, secure: bool) -> None:
    set_cookie(resp, name, "", secure, max_age=0)


def address(request: Request) -> str:
    """The client's address: X-Forwarded-For only when CONSOLE_PROXIES says a proxy is in front."""
    return request.remote_addr or request.ip or "?"


def redirect(to: str) -> HTTPResponse:
    return response.redirect(to, status=303)


def read_form(request: Request) -> bool:
    """Parses a POSTed form before any route reads it; False when it cannot be read (not UTF-8, a broken
    multipart body). Sanic would log a traceback and hand the route an empty form."""
    kind, parameters = parse_content_header(request.headers.get("content-type") or "")
    form, files = RequestParameters(), RequestParameters()
    try:
        if kind == "application/x-www-form-urlencoded":
            form = RequestParameters(parse_qs(request.body.decode("utf-8")))
        elif kind == "multipart/form-data":
            form, files = parse_multipart_form(request.body, parameters["boundary"].encode("utf-8"))
    except (UnicodeError, LookupError, KeyError, ValueError, IndexError):
        return False
    request.parsed_form, request.parsed_files = form, files
    return True


def unreadable_form() -> HTTPResponse:
    return error_page(400, "Formulaire illisible", "Le formulaire reçu n'a pas pu être lu (il doit être encodé en "
                      "UTF-8, comme l'envoie un navigateur). Revenez à la page précédente, rechargez-la, puis recommencez.")
