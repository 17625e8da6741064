"""The console's HTML routes: sign in and out, and the counsellor's inbox of hand-off requests.

Every POST carries a form token (console/csrf.py); every action is written to the audit log with the
account (console/audit.py). A page of the other role answers 403 with a French page.
"""
import re
import time
from typing import Optional, Tuple
from urllib.parse import quote

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from console import audit, auth, csrf, handoff, mail, transcript, web
from console.school_info import profession_title

bp = Blueprint("pages")
HOME = {"conseiller": "/demandes", "formateur": "/formateur"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LOCAL_PATH = re.compile(r"^/[a-z0-9_-]+(?:/[a-z0-9_-]+)*$")   # where to go after signing in: a page of the console


def next_page(wanted: Optional[str], role: str) -> str:
    """The page asked for before signing in, when it is one of this role's; else the role's home."""
    home = HOME[role]
    if wanted and _LOCAL_PATH.match(wanted) and (wanted == home or wanted.startswith(home + "/")):
        return wanted
    return home


def _ctx(request: Request):
    return request.app.ctx


def current(request: Request) -> Optional[auth.Session]:
    return auth.session_for(_ctx(request).engine, web.cookie(request, web.SESSION_COOKIE, _ctx(request).settings.https))


def require(request: Request, role: str) -> Tuple[Optional[auth.Session], Optional[HTTPResponse]]:
    """(session, None) for an account of `role`; else (session or None, the response to send)."""
    session = current(request)
    if session is None:
        # back here after signing in (the link of a notice email opens the console without the
        # SameSite=Strict cookie: the counsellor signs in and lands on the request)
        then = request.path if request.method == "GET" and request.path != "/" else ""
        return None, web.redirect(f"/connexion?suite={quote(then)}" if then else "/connexion")
    if session.role != role:
        audit.log(_ctx(request).engine, session.login, "acces_refuse", request.path)
        return session, web.forbidden(session)
    if request.method == "POST" and not csrf.same(session.csrf, request.form.get("csrf")):
        audit.log(_ctx(request).engine, session.login, "formulaire_refuse", request.path)
        return session, web.bad_form()
    return session, None


def login_form(request: Request, status: int = 200, error: str = "", login: str = "",
               notice: str = "", then: str = "") -> HTTPResponse:
    token = csrf.new_token()
    then = then if _LOCAL_PATH.match(then or "") else ""
    resp = web.page("connexion.html", status=status, csrf=token, error=error, login=login, notice=notice,
                    then=then, session=None)
    web.set_cookie(resp, csrf.LOGIN_COOKIE, token, web.is_https(request, _ctx(request).settings.https))
    return resp


@bp.get("/connexion")
async def login_page(request: Request) -> HTTPResponse:
    if current(request):
        return web.redirect("/")
    notice = "Vous êtes déconnecté." if request.args.get("fin") else ""
    return login_form(request, notice=notice, then=request.args.get("suite") or "")


@bp.post("/connexion")
async def login(request: Request) -> HTTPResponse:
    ctx = _ctx(request)
    if not csrf.same(web.cookie(request, csrf.LOGIN_COOKIE, ctx.settings.https), request.form.get("csrf")):
        return web.bad_form()
    already = current(request)
    if already is not None:
        # Never replaced silently: a forged login would otherwise swap the counsellor's session for another.
        audit.log(ctx.engine, already.login, "connexion_refusee_session_ouverte", web.address(request))
        return web.error_page(409, "Déjà connecté", f"Vous êtes déjà connecté avec le compte « {already.login} ». "
                              "Pour changer de compte, utilisez d'abord « Se déconnecter ».", already)
    name = (request.form.get("identifiant") or "").strip().lower()[:64]
    password = request.form.get("mot_de_passe") or ""
    then = request.form.get("suite") or ""
    where = web.address(request)
    wait = ctx.limiter.wait(name, where)
    if wait > 0:
        audit.log(ctx.engine, name if auth.account_exists(ctx.engine, name) else "?", "connexion_retardee", where)
        return login_form(request, 429, f"Trop d'essais de connexion manqués depuis cet appareil. Pour protéger le "
                                        f"compte, attendez {auth.wait_in_french(wait)} avant de réessayer. Si vous "
                                        "avez oublié votre mot de passe, demandez à la personne qui gère la console "
                                        "de le changer.", name, then=then)
    role = auth.check_password(ctx.engine, name, password)
    if role is None:
        ctx.limiter.failed(name, where)
        # the login typed is kept only when it is an account: a password typed in the wrong field is not
        audit.log(ctx.engine, name if auth.account_exists(ctx.engine, name) else "?", "connexion_refusee", where)
        return login_form(request, 401, "Identifiant ou mot de passe incorrect. Vérifiez les majuscules et "
                                        "réessayez.", name, then=then)
    ctx.limiter.succeeded(name, where)
    token = auth.open_session(ctx.engine, name, ctx.settings.session_hours)
    audit.log(ctx.engine, name, "connexion", where)
    resp = web.redirect(next_page(then, role))
    secure = web.is_https(request, ctx.settings.https)
    web.set_cookie(resp, web.SESSION_COOKIE, token, secure)
    web.clear_cookie(resp, csrf.LOGIN_COOKIE, secure)
    return resp


@bp.post("/deconnexion")
async def logout(request: Request) -> HTTPResponse:
    ctx = _ctx(request)
    session = current(request)
    if session is None:
        return web.redirect("/connexion")
    if not csrf.same(session.csrf, request.form.get("csrf")):
        return web.bad_form()
    auth.close_session(ctx.engine, web.cookie(request, web.SESSION_COOKIE, ctx.settings.https))
    audit.log(ctx.engine, session.login, "deconnexion")
    resp = web.redirect("/connexion?fin=1")
    web.clear_cookie(resp, web.SESSION_COOKIE, web.is_https(request, ctx.settings.https))
    return resp


def _password_page(session: auth.Session, status: int = 200, error: str = "", notice: str = "") -> HTTPResponse:
    return web.page("mot-de-passe.html", status=status, session=session, error=error, notice=notice,
                    minimum=auth.MIN_PASSWORD)


@bp.get("/mot-de-passe")
async def password_page(request: Request) -> HTTPResponse:
    session = current(request)
    if session is None:
        return web.redirect("/connexion?suite=/mot-de-passe")
    return _password_page(session)


@bp.post("/mot-de-passe")
async def change_password(request: Request) -> HTTPResponse:
    ctx = _ctx(request)
    session, refused = require(request, current(request).role if current(request) else "conseiller")
    if refused:
        return refused
    token = web.cookie(request, web.SESSION_COOKIE, ctx.settings.https)
    try:
        auth.change_password(ctx.engine, session.login, request.form.get("actuel") or "",
                             request.form.get("nouveau") or "", request.form.get("confirmation") or "", token)
    except auth.AccountError as error:
        audit.log(ctx.engine, session.login, "mot_de_passe_refuse")
        return _password_page(session, 400, error=str(error))
    audit.log(ctx.engine, session.login, "mot_de_passe_change")
    return _password_page(session, notice="Mot de passe changé. Vos autres sessions sont fermées.")


@bp.get("/")
async def home(request: Request) -> HTTPResponse:
    session = current(request)
    return web.redirect(HOME[session.role] if session else "/connexion")


def _request_or_404(request: Request, request_id: int, session: auth.Session):
    found = handoff.get(_ctx(request).engine, request_id)
    if found is None:
        return None, web.error_page(404, "Demande introuvable", f"Aucune demande n° {request_id}. Elle a peut-être "
                                    "été effacée (make forget ou make purge).", session)
    return found, None


@bp.get("/demandes")
async def inbox(request: Request) -> HTTPResponse:
    session, refused = require(request, "conseiller")
    if refused:
        return refused
    ctx = _ctx(request)
    now = time.time()
    items = [dict(item, waited=handoff.waited(now - item["created_at"]), title=profession_title(item["metier"]),
                  lines=transcript.read(ctx.engine, item["sender_id"]))
             for item in handoff.open_requests(ctx.engine)]
    audit.log(ctx.engine, session.login, "liste_demandes", f"{len(items)} ouvertes")
    return web.page("demandes.html", session=session, items=items,
                    notice="La demande est marquée traitée." if request.args.get("traitee") else "")


def _detail(request: Request, session: auth.Session, found: dict, status: int = 200, error: str = "",
            notice: str = "", draft: str = "") -> HTTPResponse:
    ctx = _ctx(request)
    return web.page("demande.html", status=status, session=session, item=found, error=error, notice=notice,
                    draft=draft, title=profession_title(found["metier"]),
                    waited=handoff.waited(time.time() - found["created_at"]),
                    lines=transcript.read(ctx.engine, found["sender_id"]),
                    replies=handoff.replies_to(ctx.engine, found["id"]), booking=ctx.contact.rendez_vous)


@bp.get("/demandes/<request_id:int>")
async def detail(request: Request, request_id: int) -> HTTPResponse:
    session, refused = require(request, "conseiller")
    if refused:
        return refused
    found, missing = _request_or_404(request, request_id, session)
    if missing:
        return missing
    audit.log(_ctx(request).engine, session.login, "lecture_demande", request_id)
    notice = {"1": "Réponse envoyée : l'élève la verra en rouvrant la conversation."}.get(request.args.get("envoye"), "")
    return _detail(request, session, found, notice=notice)


def _reply_text(raw: Optional[str]) -> str:
    text = _CONTROL.sub("", (raw or "").replace("\r\n", "\n")).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


async def _send_reply(request: Request, session: auth.Session, found: dict, text: str,
                      booking: Optional[str], action: str) -> HTTPResponse:
    ctx = _ctx(request)
    reply_id = handoff.reply(ctx.engine, found, session.login, text, booking)
    audit.log(ctx.engine, session.login, action, f"demande {found['id']}, réponse {reply_id}")
    if found["email"]:
        notice = mail.student_notice(ctx.settings.smtp, found["email"], ctx.settings.chat_url)
        ctx.notify(notice, session.login, f"demande {found['id']}")
    return web.redirect(f"/demandes/{found['id']}?envoye=1")


@bp.post("/demandes/<request_id:int>/repondre")
async def answer(request: Request, request_id: int) -> HTTPResponse:
    session, refused = require(request, "conseiller")
    if refused:
        return refused
    found, missing = _request_or_404(request, request_id, session)
    if missing:
        return missing
    text = _reply_text(request.form.get("reponse"))
    if not text:
        return _detail(request, session, found, 400, "La réponse est vide : écrivez votre réponse à l'élève.")
    if len(text) > handoff.MAX_REPLY_CHARS:
        return _detail(request, session, found, 400, f"La réponse dépasse {handoff.MAX_REPLY_CHARS} caractères "
                       f"({len(text)}) : raccourcissez-la, ou proposez un rendez-vous.", draft=text)
    return await _send_reply(request, session, found, text, None, "reponse")


@bp.post("/demandes/<request_id:int>/rendez-vous")
async def appointment(request: Request, request_id: int) -> HTTPResponse:
    session, refused = require(request, "conseiller")
    if refused:
        return refused
    found, missing = _request_or_404(request, request_id, session)
    if missing:
        return missing
    link = _ctx(request).contact.rendez_vous
    if not link:
        return _detail(request, session, found, 409, "Aucun lien de prise de rendez-vous : ajoutez « rendez_vous: "
                       "https://… » dans knowledge/contact.yml, puis redémarrez la console.")
    text = _reply_text(request.form.get("message")) or \
        "Votre question mérite qu'on en parle ensemble. Je vous propose un rendez-vous : choisissez un créneau."
    return await _send_reply(request, session, found, text[:handoff.MAX_REPLY_CHARS], link, "rendez_vous")


@bp.post("/demandes/<request_id:int>/traiter")
async def mark_done(request: Request, request_id: int) -> HTTPResponse:
    session, refused = require(request, "conseiller")
    if refused:
        return refused
    found, missing = _request_or_404(request, request_id, session)
    if missing:
        return missing
    handoff.close(_ctx(request).engine, request_id)
    audit.log(_ctx(request).engine, session.login, "demande_traitee", request_id)
    return web.redirect("/demandes?traitee=1")
