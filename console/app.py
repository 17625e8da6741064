"""The console's Sanic application: settings, database, the HTML pages and the widget's JSON routes.

    python -m console serve     (make console) on http://127.0.0.1:8090/ unless CONSOLE_HOST/CONSOLE_PORT
"""
import asyncio
import logging
from pathlib import Path
from types import SimpleNamespace

from sanic import Sanic, response
from sanic.exceptions import MethodNotSupported, NotFound, SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from console import apply, audit, auth, config, db, mail, pages, review_queue, school_info, student_api, trainer_pages, tryout, web

logger = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
# The only files /static/ serves: named here, so a folder, a NUL byte or a made-up name is a plain 404.
STATIC_FILES = {"console.css": "text/css; charset=utf-8"}
MAX_BODY_BYTES = 64 * 1024   # a form or a question; nothing larger is read


def create_app(settings: config.Settings, name: str = "console") -> Sanic:
    app = Sanic(name)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    app.config.PROXIES_COUNT = settings.proxies   # 0: X-Forwarded-* headers are ignored
    app.config.FALLBACK_ERROR_FORMAT = "html"
    contact = school_info.contact()
    app.ctx = SimpleNamespace(
        settings=settings, engine=db.engine_for(settings.database_url), contact=contact,
        notify_to=settings.notify_to or contact.email,
        limiter=auth.LoginThrottle(), request_limiter=student_api.request_limiter(),
        tryout=tryout.Tryout(settings.project_dir, settings.knowledge_dir))
    app.ctx.training = apply.Trainer(settings.project_dir, review_queue.quick_check,
                                     apply.assistant_uses_recorded_model, app.ctx.tryout.reset)

    async def send_and_log(message, login: str, target: str) -> None:
        # smtplib blocks (up to its timeout): in a thread, after the answer, so nobody waits for the mail server
        sent = await asyncio.get_running_loop().run_in_executor(None, mail.send, settings.smtp, message)
        audit.log(app.ctx.engine, login, "avis_envoye" if sent else "avis_non_envoye", f"{target} : {message['Subject']}")

    def notify(message, login: str, target: str) -> None:
        app.add_task(send_and_log(message, login, target))

    app.ctx.notify = notify
    app.blueprint(pages.bp)
    app.blueprint(student_api.bp)
    app.blueprint(trainer_pages.bp)

    @app.get("/static/<name:path>")
    async def static_file(request: Request, name: str) -> HTTPResponse:
        if name not in STATIC_FILES:
            raise NotFound("Fichier inconnu")
        return response.raw((STATIC / name).read_bytes(), content_type=STATIC_FILES[name],
                            headers={"Cache-Control": "no-cache"})

    @app.middleware("request")
    async def forms(request: Request):
        if request.method != "POST" or request.path.startswith("/api/"):
            return None   # the API checks the widget's origin itself (console/student_api.py)
        if web.cross_site(request, settings.public_url):
            return web.foreign_form()
        if not web.read_form(request):
            return web.unreadable_form()
        return None

    @app.middleware("response")
    async def page_headers(request: Request, resp: HTTPResponse) -> None:
        if request.path.startswith("/api/"):
            # errors raised before a route of the API ran (405, a body too large) get them too
            student_api.api_headers(request, resp)
            return
        for header, value in web.PAGE_HEADERS.items():
            resp.headers.setdefault(header, value)

    @app.exception(NotFound)
    async def not_found(request: Request, exception: Exception) -> HTTPResponse:
        if request.path.startswith("/api/"):
            return student_api.error(404, "Adresse inconnue.")
        return web.error_page(404, "Page introuvable", "Cette adresse n'existe pas dans la console. "
                              "Revenez à l'accueil : /")

    @app.exception(MethodNotSupported)
    async def wrong_method(request: Request, exception: Exception) -> HTTPResponse:
        if request.path.startswith("/api/"):
            return student_api.error(405, "Méthode refusée : ces adresses s'appellent en GET ou en POST "
                                          "depuis le widget.")
        return web.error_page(405, "Action impossible", "Cette page ne s'utilise pas ainsi : revenez à l'accueil.")

    @app.exception(SanicException)
    async def client_error(request: Request, exception: SanicException) -> HTTPResponse:
        status = getattr(exception, "status_code", 400) or 400
        if request.path.startswith("/api/"):
            return student_api.error(status, "Requête refusée (trop grande ou mal formée).")
        return web.error_page(status, "Requête refusée", "La requête est trop grande ou mal formée. "
                              "Revenez à la page précédente et recommencez.")

    @app.exception(Exception)
    async def failure(request: Request, exception: Exception) -> HTTPResponse:
        logger.exception("Erreur de la console sur %s", request.path)
        if request.path.startswith("/api/"):
            return student_api.error(500, "Erreur du serveur : réessayez dans quelques instants.")
        return web.error_page(500, "Erreur de la console", "Une erreur s'est produite de notre côté ; rien n'a été "
                              "perdu de ce qui était déjà enregistré. Réessayez, et si cela recommence, donnez "
                              "l'heure à la personne qui gère la console (journal de la console).")

    return app


def serve(settings: config.Settings) -> None:
    app = create_app(settings)
    logger.info("Console sur http://%s:%s/", settings.host, settings.port)
    app.run(host=settings.host, port=settings.port, workers=1, access_log=False, motd=False,
            auto_reload=False)
