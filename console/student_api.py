"""The JSON routes the widget calls, from the school's pages (another origin than the console).

    POST /api/demandes              {"sender_id", "question", "email"?, "profession"?} -> 201 {"id", "delai", "message"}
    GET  /api/reponses/<sender_id>  ?apres=<id> -> {"reponses": [{"id", "auteur": "conseiller", "texte", ...}]}

Cross-origin calls: CORS answers only the origins of CONSOLE_CORS_ORIGINS (default: RASA_CORS_ORIGINS,
the pages allowed to talk to Rasa), without credentials. These routes read no cookie and no console
session: a forged cross-site request has no ambient authority to abuse, so they take no CSRF token.
A POST must be JSON (which a plain HTML form cannot send, and which a foreign page can only send after
a CORS preflight that is refused), and a browser's Origin, when given, must be one of the allowed ones.
The conversation id is the capability, as on Rasa's REST channel: an opaque random id kept by the
widget on the student's device. Requests are limited per conversation and per address.
"""
import time
from typing import Optional

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from console import audit, auth, handoff, mail
from core.student_text import clean_text

bp = Blueprint("student_api", url_prefix="/api")
MAX_OPEN_PER_SENDER = 3
# A school's students often share one public address (the school's network): a class, not one person.
PER_ADDRESS_PER_HOUR = 30


def _ctx(request: Request):
    return request.app.ctx


def error(status: int, message: str) -> HTTPResponse:
    return response.json({"erreur": message}, status=status)


def cors_headers(request: Request) -> dict:
    origin = (request.headers.get("origin") or "").rstrip("/")
    if origin and origin in _ctx(request).settings.cors_origins:
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin",
                "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "Content-Type",
                "Access-Control-Max-Age": "600"}
    return {"Vary": "Origin"}


def foreign_origin(request: Request) -> bool:
    origin = (request.headers.get("origin") or "").rstrip("/")
    return bool(origin) and origin not in _ctx(request).settings.cors_origins


def _text(value, limit: int) -> Optional[str]:
    return clean_text(value)[:limit + 1] if isinstance(value, str) else None


def api_headers(request: Request, resp: HTTPResponse) -> None:
    """On every answer under /api/, errors included (console/app.py): the widget reads the French message."""
    resp.headers.update(cors_headers(request))
    resp.headers["Cache-Control"] = "no-store"
    resp.headers["X-Content-Type-Options"] = "nosniff"


@bp.options("/demandes")
async def preflight_requests(request: Request) -> HTTPResponse:
    return response.empty(status=204 if not foreign_origin(request) else 403)


@bp.options("/reponses/<sender_id>")
async def preflight_replies(request: Request, sender_id: str) -> HTTPResponse:
    return response.empty(status=204 if not foreign_origin(request) else 403)


@bp.post("/demandes")
async def new_request(request: Request) -> HTTPResponse:
    ctx = _ctx(request)
    if foreign_origin(request):
        return error(403, "Cette page n'est pas autorisée à envoyer des questions (CONSOLE_CORS_ORIGINS).")
    if (request.content_type or "").split(";")[0].strip().lower() != "application/json":
        return error(415, "Le corps doit être du JSON (Content-Type: application/json).")
    try:
        body = request.json
    except Exception:  # Sanic's InvalidUsage for a body that is not JSON
        body = None
    if not isinstance(body, dict):
        return error(400, 'Le corps doit être un objet JSON : {"sender_id": "...", "question": "..."}.')
    sender = _text(body.get("sender_id"), handoff.MAX_SENDER_CHARS)
    question = _text(body.get("question"), handoff.MAX_QUESTION_CHARS)
    email = _text(body.get("email"), 254) if body.get("email") not in (None, "") else ""
    metier = _text(body.get("profession"), 64) if body.get("profession") not in (None, "") else ""
    if not sender or len(sender) > handoff.MAX_SENDER_CHARS:
        return error(400, f"Le champ « sender_id » (identifiant de conversation, {handoff.MAX_SENDER_CHARS} "
                          "caractères au plus) est obligatoire.")
    if body.get("question") is not None and not isinstance(body.get("question"), str):
        return error(400, "Le champ « question » doit être du texte : la question de l'élève, entre guillemets.")
    if not question:
        return error(400, "La question est vide : écrivez la question à laisser au conseiller.")
    if len(question) > handoff.MAX_QUESTION_CHARS:
        return error(400, f"La question dépasse {handoff.MAX_QUESTION_CHARS} caractères : raccourcissez-la.")
    if email:
        email = handoff.valid_email(email) or None
    if email is None:
        return error(400, "L'adresse e-mail ne semble pas valide (par exemple prenom@exemple.fr). "
                          "Elle est facultative : laissez le champ vide si vous préférez.")
    if metier is None or (metier and not handoff.PROFESSION.match(metier)):
        return error(400, "Le champ « profession » doit être l'identifiant d'une fiche métier (par exemple "
                          "developpeur_web).")
    where = request.remote_addr or request.ip or "?"
    if ctx.request_limiter.blocked(sender, where):
        return error(429, "Trop de questions envoyées en peu de temps. Réessayez dans une heure.")
    if handoff.open_count(ctx.engine, sender) >= MAX_OPEN_PER_SENDER:
        return error(429, f"Vous avez déjà {MAX_OPEN_PER_SENDER} questions en attente : le service d'orientation "
                          "vous répondra d'abord sur celles-là.")
    ctx.request_limiter.failed(sender, where)   # counts every accepted request, not only failures
    request_id = handoff.create(ctx.engine, sender, question, email, metier)
    audit.log(ctx.engine, "eleve", "demande_creee", request_id)
    notice = mail.counsellor_notice(ctx.settings.smtp, ctx.notify_to, request_id, metier,
                                    f"{ctx.settings.public_url}/demandes/{request_id}")
    ctx.notify(notice, "eleve", f"demande {request_id}")
    delay = ctx.contact.delai_reponse
    said = f"Votre question est transmise au service d'orientation ({delay})." if delay else \
        "Votre question est transmise au service d'orientation."
    return response.json({"id": request_id, "delai": delay, "message": said}, status=201)


@bp.get("/reponses/<sender_id>")
async def replies(request: Request, sender_id: str) -> HTTPResponse:
    ctx = _ctx(request)
    if foreign_origin(request):
        return error(403, "Cette page n'est pas autorisée à lire les réponses (CONSOLE_CORS_ORIGINS).")
    if len(sender_id) > handoff.MAX_SENDER_CHARS:
        return error(400, f"Identifiant de conversation trop long ({handoff.MAX_SENDER_CHARS} caractères au plus).")
    try:
        after = max(0, int(request.args.get("apres") or 0))
        if after > handoff.MAX_ID:
            raise ValueError(after)
    except ValueError:
        return error(400, "Le paramètre « apres » doit être le numéro d'une réponse déjà lue (un entier).")
    items = [{"id": r["id"], "demande": r["request_id"], "auteur": "conseiller",
              "signature": "Le service d'orientation", "texte": r["text"], "rendez_vous": r["booking"],
              "ecrit_le": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(r["created_at"]))}
             for r in handoff.replies_for(ctx.engine, sender_id, after)]
    return response.json({"reponses": items})


def request_limiter() -> auth.LoginLimiter:
    """The login limiter's sliding window, here counting accepted requests per conversation and address."""
    return auth.LoginLimiter(attempts=PER_ADDRESS_PER_HOUR, window=3600.0)
