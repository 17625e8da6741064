"""The trainer's pages: the review queue (/formateur, formateur only) and the dashboard (/tableau-de-bord,
formateur and conseiller). Every decision is a POST with the session's form token, written to the audit
log with the account."""
import asyncio
import datetime
import functools
import time
from typing import Optional, Tuple

import sqlalchemy as sa
import yaml
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from console import apply, audit, auth, dashboard, db, handoff, review_queue, web
from console.pages import current, require
from console.school_info import profession_title
from loading.paths import knowledge_dir
from trainer.review.text import shorten

bp = Blueprint("trainer")
# One decision at a time: two trainers clicking together must not both rewrite the same data/nlu/ file.
_DECISIONS = asyncio.Lock()
DEFAULT_DAYS = 30
MAX_DAYS = 366
# Dates the dashboard accepts: a period well inside what Python's dates can shift by a day or a year.
FIRST_DATE, LAST_DATE = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)


def _ctx(request: Request):
    return request.app.ctx


async def in_thread(function, *args):
    """Reading the project and the conversations, writing data/nlu/, running the check: off the event loop,
    so that the students' routes keep answering meanwhile."""
    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(function, *args))


def require_any(request: Request, roles: Tuple[str, ...]):
    session = current(request)
    return require(request, session.role if session and session.role in roles else roles[0])


def topic_labels(project_topics=None) -> dict:
    """Intent -> its readable name (« libelle » of sujets.yml), for buttons, charts and tables."""
    topics = project_topics
    if topics is None:
        try:
            topics = (yaml.safe_load((knowledge_dir() / "sujets.yml").read_text(encoding="utf-8")) or {}).get("sujets")
        except (OSError, yaml.YAMLError):
            topics = None
    labels = dict(DIALOGUE_LABELS)
    labels.update({str(k): str(v.get("libelle")) for k, v in (topics or {}).items()
                   if isinstance(v, dict) and v.get("libelle")})
    labels.update({review_queue.OUT_OF_SCOPE: "Hors sujet", dashboard.CLARIFICATION: "Clarification (pas compris)",
                   dashboard.UNKNOWN: "Sans intention"})
    return labels


# The intents of the conversation itself, which are not topics of a fiche (knowledge/sujets.yml names
# those): what a trainer reads instead of their internal names, on buttons, charts and tables.
DIALOGUE_LABELS = {
    "relance": "Question de suite (« et après 5 ans ? »)",
    "salutation": "Salutation",
    "au_revoir": "Au revoir",
    "remerciement": "Remerciement",
    "question_bot": "Question sur l'assistant",
    "aide": "Demande d'aide",
    "conseiller": "Parler à un conseiller",
    "hors_sujet": "Hors sujet",
    "catalogue_lister": "Liste des métiers",
    "catalogue_chercher": "Recherche d'un métier",
    "catalogue_comparer": "Comparaison de deux métiers",
}


def clarified(message: dict, clarify_texts) -> bool:
    """Whether the assistant really asked the student to choose (its reply is the clarification), not
    answered from the message itself after Rasa hesitated (action_clarifier answers when it can)."""
    reply = (message.get("reply") or "").strip()
    return not reply or any(text and reply.startswith(text) for text in clarify_texts)


def knowledge_problem() -> Optional[dict]:
    """The error of the knowledge folder the action server found (actions/live_school.py), if it has one
    now: the assistant answers with the previous knowledge until it is fixed."""
    from actions.live_school import read_status
    status = read_status(knowledge_dir()) or {}
    if not status.get("erreur"):
        return None
    since = str(status.get("depuis") or "")
    return {"erreur": str(status["erreur"]), "depuis": since.replace("T", " à ")[:-3] if since else ""}


def clarify_texts(project_dir) -> tuple:
    """The opening of the clarification replies (knowledge/reponses.yml « clarifier… »)."""
    try:
        data = yaml.safe_load((project_dir / "knowledge" / "reponses.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return ()
    return tuple(str(v).split("{")[0].strip() for k, v in data.items() if str(k).startswith("clarifier") and v)


def _labels_for_project(project_dir) -> dict:
    try:
        data = yaml.safe_load((project_dir / "knowledge" / "sujets.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        data = {}
    return topic_labels(data.get("sujets") if isinstance(data, dict) else None)


def read_queue(ctx) -> review_queue.Queue:
    """The review queue, with the confident answers the coverage guard doubted on the knowledge in service."""
    from trainer.review.doubt import doubt_of

    def doubted(text, intent, profession):
        # the School is read only when a confident answer is there to weigh (seconds, the first time)
        school = ctx.tryout.school()
        if school is None:
            return None
        if getattr(ctx, "doubt", (None, None))[0] is not school:
            ctx.doubt = (school, doubt_of(school))   # one per School: its messages already read are remembered
        return ctx.doubt[1](text, intent, profession)
    return review_queue.read_queue(ctx.settings.database_url, ctx.settings.project_dir, ctx.engine, doubted=doubted)


def professions_of(folder) -> list:
    """(id, title) of every profession of the knowledge folder, by title: the « mauvais métier » choices."""
    ids = sorted(p.stem for p in (folder / "metiers").glob("*.yml"))
    titles = {}
    for pid in ids:
        try:
            data = yaml.safe_load((folder / "metiers" / f"{pid}.yml").read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            data = {}
        titles[pid] = str(data.get("intitule") or pid) if isinstance(data, dict) else pid
    return sorted(titles.items(), key=lambda item: item[1].lower())


async def queue_page(request: Request, session: auth.Session, status: int = 200,
                     outcome: Optional[dict] = None, tried=None) -> HTTPResponse:
    ctx = _ctx(request)
    project_dir = ctx.settings.project_dir
    error, queue = "", None
    try:
        queue = await in_thread(read_queue, ctx)
    except review_queue.ReviewError as exc:
        error = str(exc)
    labels = _labels_for_project(project_dir)
    texts = clarify_texts(project_dir)
    return web.page("formateur.html", status=status, session=session, queue=queue, error=error, outcome=outcome,
                    labels=labels, training=review_queue.training_note(project_dir),
                    clarified=lambda m: clarified(m, texts), knowledge=knowledge_problem(),
                    professions=professions_of(ctx.settings.knowledge_dir), tried=tried)


@bp.get("/formateur")
async def trainer_home(request: Request) -> HTTPResponse:
    session, refused = require(request, "formateur")
    if refused:
        return refused
    audit.log(_ctx(request).engine, session.login, "file_relecture")
    if not getattr(_ctx(request), "warming", None):   # « essayer une phrase » answers at once afterwards
        _ctx(request).warming = request.app.add_task(in_thread(_ctx(request).tryout.warm))
    return await queue_page(request, session)


@bp.post("/formateur/decision")
async def decide(request: Request) -> HTTPResponse:
    session, refused = require(request, "formateur")
    if refused:
        return refused
    chosen = (request.form.get("sujet") or "").strip()
    if chosen == "autre":
        chosen = (request.form.get("autre") or "").strip()
    async with _DECISIONS:
        return await _decide(request, session, chosen)


async def _queued(request: Request, session: auth.Session, ctx):
    """(the queue, the queued message the form names, None), or (None, None, the French answer when the queue
    cannot be read or the message left it)."""
    try:
        queue = await in_thread(read_queue, ctx)
    except review_queue.ReviewError as exc:
        return None, None, await queue_page(request, session, 409, dict(ok=False, text=str(exc)))
    message = queue.by_hash.get(request.form.get("cle") or "")
    if message is None:
        return None, None, await queue_page(request, session, 409, dict(
            ok=False, text="Ce message n'est plus dans la file (déjà traité, peut-être par un autre formateur). "
                           "Rien n'a été changé."))
    return queue, message, None


async def _decide(request: Request, session: auth.Session, chosen: str) -> HTTPResponse:
    ctx = _ctx(request)
    project_dir = ctx.settings.project_dir
    queue, message, refused = await _queued(request, session, ctx)
    if refused is not None:
        return refused
    if not chosen:
        return await queue_page(request, session, 400, dict(
            ok=False, text="Choisissez un sujet dans la liste « Autre sujet… » avant de valider."))
    target = message["hash"][:12]
    if chosen == review_queue.IGNORE:
        review_queue.remember(ctx.engine, message["key"], review_queue.IGNORE, session.login)
        audit.log(ctx.engine, session.login, "relecture_ignorer", f"message {target}")
        return await queue_page(request, session, outcome=dict(
            ok=True, text=f"Message ignoré : « {shorten(message['text'], 80)} » quitte la file, il ne servira pas "
                          "d'exemple."))
    if chosen not in queue.topics:
        return await queue_page(request, session, 400, dict(
            ok=False, text=f"Sujet « {chosen} » inconnu : choisissez un sujet de la liste."))
    applied = await in_thread(review_queue.apply, project_dir, message, chosen)
    if applied.refusal:
        audit.log(ctx.engine, session.login, "relecture_refusee", f"{chosen} ← message {target}")
        return await queue_page(request, session, 409, dict(ok=False, text=applied.refusal + " Rien n'a été écrit."))
    review_queue.remember(ctx.engine, message["key"], chosen, session.login)
    audit.log(ctx.engine, session.login, "relecture_sujet", f"{chosen} ← message {target}")
    check = await in_thread(review_queue.quick_check, project_dir)
    audit.log(ctx.engine, session.login, "verification", "réussie" if check.passed else "échouée")
    label = _labels_for_project(project_dir).get(chosen, chosen)
    if applied.present:
        text = f"« {shorten(message['text'], 80)} » était déjà un exemple de « {label} » : rien n'a été ajouté."
    else:
        text = f"Exemple ajouté à « {label} » ({', '.join(applied.added)}) : « {shorten(message['text'], 80)} »."
    return await queue_page(request, session, outcome=dict(ok=True, text=text, check=check))


@bp.post("/formateur/essayer")
async def try_sentence(request: Request) -> HTTPResponse:
    """What the assistant would answer, and why; no conversation is recorded."""
    session, refused = require(request, "formateur")
    if refused:
        return refused
    text = request.form.get("phrase") or ""
    tried = await in_thread(_ctx(request).tryout.tried, text)
    audit.log(_ctx(request).engine, session.login, "essai_phrase", tried.intent or "")
    return await queue_page(request, session, 400 if tried.error and not tried.text else 200, tried=tried)


@bp.post("/formateur/alias")
async def wrong_profession(request: Request) -> HTTPResponse:
    """« Mauvais métier »: the name the student used becomes an alias of the right profession."""
    session, refused = require(request, "formateur")
    if refused:
        return refused
    async with _DECISIONS:
        return await _add_alias(request, session)


async def _add_alias(request: Request, session: auth.Session) -> HTTPResponse:
    from trainer import aliases
    ctx = _ctx(request)
    _, message, refused = await _queued(request, session, ctx)
    if refused is not None:
        return refused
    folder = ctx.settings.knowledge_dir
    chosen = (request.form.get("metier") or "").strip()
    if chosen not in dict(professions_of(folder)):
        return await queue_page(request, session, 400, dict(
            ok=False, text="Choisissez dans la liste le métier dont parlait l'élève, puis écrivez le nom qu'il a "
                           "utilisé."))
    alias = (request.form.get("alias") or "").strip()
    school = await in_thread(ctx.tryout.school)
    if school is None:
        return await queue_page(request, session, 409, dict(
            ok=False, text="Les fichiers de connaissances ont une erreur (voir ci-dessus) : corrigez-la d'abord, "
                           "rien n'a été écrit."))
    from loading.lexicon import ordinary_words
    refused_because = aliases.refusal(school, chosen, alias, ordinary_words())
    target = message["hash"][:12]
    if refused_because:
        audit.log(ctx.engine, session.login, "alias_refuse", f"{chosen} ← message {target}")
        return await queue_page(request, session, 400, dict(ok=False, text=refused_because + " Rien n'a été écrit."))
    added = await in_thread(aliases.add_alias, folder / "metiers" / f"{chosen}.yml", alias)
    if not added.ok:
        return await queue_page(request, session, 409, dict(ok=False, text=added.text))
    review_queue.remember(ctx.engine, message["key"], f"alias:{chosen}", session.login)
    audit.log(ctx.engine, session.login, "alias_ajoute", f"{chosen} ← message {target}")
    title = school.professions[chosen].intitule
    return await queue_page(request, session, outcome=dict(ok=True, text=(
        f"Nom ajouté : « {added.text} » désigne maintenant « {title} » (knowledge/metiers/{chosen}.yml, liste "
        "« alias »). L'assistant le prend en compte dans quelques secondes, sans redémarrer ni ré-entraîner. "
        "Vérifiez avec « Essayer une phrase » ci-dessus.")))


@bp.get("/formateur/appliquer")
async def training_page(request: Request) -> HTTPResponse:
    """Where the background training stands; the page reloads itself while it runs."""
    session, refused = require(request, "formateur")
    if refused:
        return refused
    run = _ctx(request).training.run
    now = time.time()
    return web.page("appliquer.html", session=session, run=run, steps=apply.STEPS, percent=run.percent(now),
                    elapsed=round((run.finished or now) - run.started) if run.started else 0)


@bp.post("/formateur/appliquer")
async def start_training(request: Request) -> HTTPResponse:
    """« Appliquer »: check, retrain and reload in the background; one run at a time."""
    session, refused = require(request, "formateur")
    if refused:
        return refused
    ctx = _ctx(request)
    if request.form.get("appliquer") != "oui":
        return web.error_page(400, "Formulaire incomplet", "Utilisez le bouton « Appliquer » de la page de relecture "
                              "pour lancer l'entraînement.", session)
    if ctx.training.start(session.login):
        audit.log(ctx.engine, session.login, "appliquer", "entraînement lancé")
        return web.redirect("/formateur/appliquer")
    run = ctx.training.run
    return web.page("appliquer.html", status=409, session=session, run=run, steps=apply.STEPS,
                    percent=run.percent(time.time()), elapsed=round(time.time() - run.started),
                    busy=f"Un entraînement est déjà en cours (lancé par {run.login}) : attendez qu'il finisse, "
                         "il prend en compte tout ce qui était enregistré quand il a commencé.")


# -- dashboard ---------------------------------------------------------------------------------------
def _date(value: Optional[str]) -> Optional[datetime.date]:
    try:
        day = datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None
    return day if FIRST_DATE <= day <= LAST_DATE else None


def period(args) -> Tuple[datetime.date, datetime.date, str]:
    """The period asked for (du/au, ISO dates as <input type=date> sends them); by default the last 30 days.
    A wrong or reversed period is corrected, and the correction said."""
    today = datetime.date.today()
    end = _date(args.get("au")) or today
    start = _date(args.get("du")) or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
    note = ""
    if (args.get("du") and not _date(args.get("du"))) or (args.get("au") and not _date(args.get("au"))):
        note = ("Une date n'a pas été comprise (format attendu : jj/mm/aaaa, entre 2000 et 2099) : la période "
                "par défaut est utilisée.")
    if start > end:
        start, end = end, start
        note = "La date de début était après la date de fin : elles ont été inversées."
    if (end - start).days >= MAX_DAYS:
        start = end - datetime.timedelta(days=MAX_DAYS - 1)
        note = f"La période est limitée à {MAX_DAYS} jours : elle commence le {start.strftime('%d/%m/%Y')}."
    return start, end, note


def read_rows(engine, start: datetime.date, end: datetime.date):
    """The tracker store's events up to the end of the period (the profession may be set before it)."""
    limit = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time()).timestamp()
    query = sa.text("SELECT sender_id, type_name, timestamp, data FROM events WHERE type_name IN "
                    "('user', 'action', 'slot', 'bot', 'agent') AND timestamp < :limit ORDER BY sender_id, id")
    try:
        with engine.connect() as conn:
            return list(conn.execute(query, {"limit": limit}))
    except sa.exc.OperationalError:   # no conversation yet: Rasa has not created its table
        return []


def read_requests(engine):
    first = (sa.select(sa.func.min(db.replies.c.created_at)).where(db.replies.c.request_id == db.requests.c.id)
             .scalar_subquery().label("first_reply_at"))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(db.requests.c.metier, db.requests.c.created_at,
                                                        db.requests.c.status, db.requests.c.closed_at, first)).mappings()]


@functools.lru_cache(maxsize=1)
def _known_professions(folder: str):
    return tuple(sorted(p.stem for p in (knowledge_dir() / "metiers").glob("*.yml")))


@bp.get("/tableau-de-bord")
async def board(request: Request) -> HTTPResponse:
    session, refused = require_any(request, ("formateur", "conseiller"))
    if refused:
        return refused
    ctx = _ctx(request)
    start, end, note = period(request.args)
    rows = await in_thread(read_rows, ctx.engine, start, end)
    choices = sorted(set(_known_professions(str(knowledge_dir()))) | set(dashboard.professions_seen(rows)),
                     key=lambda p: profession_title(p).lower())
    profession = request.args.get("metier") or dashboard.ALL
    if profession != dashboard.ALL and profession not in choices:
        profession, note = dashboard.ALL, "Ce métier est inconnu : tous les métiers sont affichés."
    figures = await in_thread(dashboard.figures, rows, read_requests(ctx.engine), start, end, profession, time.time())
    audit.log(ctx.engine, session.login, "tableau_de_bord", f"{start}..{end} {profession}")
    labels = topic_labels()
    unit, day_rows = dashboard.time_rows(figures.per_day)
    return web.page("tableau.html", session=session, f=figures, time_unit=unit,
                    day_rows=day_rows,
                    topic_rows=[(labels.get(t, t), n) for t, n in figures.per_topic],
                    feedback_top=max((up + down for _, up, down in figures.feedback), default=1) or 1,
                    start=start, end=end, profession=profession,
                    choices=[(p, profession_title(p)) for p in choices], note=note, labels=labels,
                    bars=dashboard.bars, percent=dashboard.percent, waited=handoff.waited,
                    title_of=profession_title)
