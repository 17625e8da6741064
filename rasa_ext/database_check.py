"""Is the conversations database usable? If not, a French message that names the setting, the fault
and the fix.

Stock Rasa 3.6 starts anyway when its SQL database cannot be used: the tables cannot be created, it
logs an error, and every conversation then goes to an InMemoryTrackerStore (FailSafeTrackerStore),
to be lost at the next restart. rasa_ext/tracker_store.py calls this module before and after Rasa
opens the database, and stops the process on a problem; scripts/serve.py (deploy/Procfile, systemd)
(used by scripts/run.sh) calls it before starting Rasa, and `python -m rasa_ext.database_check` on its own: a failure
within seconds, and a non-zero exit code even with SANIC_WORKERS > 1.
"""
import getpass
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any, Optional, Tuple

import sqlalchemy as sa

from loading.redact import scrubbed, shown_url

logger = logging.getLogger(__name__)

EXIT_CODE = 3  # scripts/serve.py refuses a listening address with 2
CONNECT_TIMEOUT_SECONDS = 10  # an address that drops packets would otherwise hang for minutes
VARIABLE = "TRACKER_STORE_URL"
STORE_CLASS = "rasa_ext.tracker_store.TunedSQLTrackerStore"
STORE_OPTIONS = ("dialect", "port", "db", "username", "password", "login_db", "query")
PROBE_SENDER = "assistant-verification-demarrage"  # an INSERT rolled back at once: nothing is kept

AUTHENTICATION = ("password authentication failed", "no password supplied", "peer authentication failed",
                  "authentification", "aucun mot de passe", 'role "', "rôle «")
MISSING_DATABASE = ("does not exist", "n'existe pas")  # checked after AUTHENTICATION ('role "x" does not exist')
UNREACHABLE = ("connection refused", "could not translate host name", "timeout expired", "no route to host",
               "network is unreachable", "could not connect", "name or service not known", "connection timed out",
               "connexion refusée", "n'a pas pu traduire", "délai", "aucun chemin")
PERMISSION = ("permission denied", "droit refusé", "must be owner", "doit être le propriétaire")
READ_ONLY = ("readonly database", "read-only database")
CANNOT_OPEN = "unable to open database file"

SHAPES = "postgresql://utilisateur:mot_de_passe@hôte:5432/base, ou sqlite:///var/conversations.db"


# The URL as it may be shown or logged, without the password (loading/redact.py); `scrubbed` for free text.
masked = shown_url


def setting(url: Any, endpoints: Optional[str] = None) -> str:
    """Where the URL was written, as the web team can find it."""
    section = (f"la section tracker_store de {endpoints}" if endpoints
               else "la section tracker_store d'endpoints.yml (deploy/endpoints.yml en production)")
    if isinstance(url, str) and VARIABLE in os.environ and os.environ[VARIABLE].strip() == url.strip():
        return (f"{VARIABLE} = {masked(url) or '(vide)'} (dans .env pour make run, /etc/assistant/assistant.env "
                f"pour les services systemd ; lu par {section})")
    return f"{section} ({masked(url) or 'adresse vide'})"


def first_line(error: BaseException) -> str:
    """The first line of what the driver said. Only driver and import errors are quoted: the text of
    a URL parsing error may hold a piece of a password (one with an unencoded @, say)."""
    if not isinstance(error, (sa.exc.DBAPIError, sa.exc.NoSuchModuleError, ImportError)):
        return type(error).__name__
    detail = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(detail).splitlines() if line.strip()]
    return scrubbed(lines[0] if lines else type(error).__name__)


def sqlite_file(url: Any) -> Optional[Path]:
    try:
        parsed = sa.engine.make_url(url)
    except Exception:  # an unreadable URL is described by the connection error itself
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database.removeprefix("file:"))  # file:path with ?uri=true


def explain(error: BaseException, url: Any) -> Tuple[str, str]:
    """(what is wrong, how to fix it) for an error raised while opening or writing the database."""
    text = first_line(error).lower()
    if isinstance(error, sa.exc.NoSuchModuleError):
        return ("le type de base de l'adresse n'est pas reconnu",
                f"l'adresse commence par postgresql:// (et non postgres://) ou sqlite:///, forme : {SHAPES}.")
    if isinstance(error, ImportError):
        return ("le pilote de cette base n'est pas installé",
                f"l'assistant est prévu pour PostgreSQL ou SQLite : {SHAPES}.")
    if isinstance(error, (sa.exc.ArgumentError, ValueError)):
        return "l'adresse de la base est mal écrite", f"forme attendue : {SHAPES}."
    path = sqlite_file(url)
    if path is not None and (CANNOT_OPEN in text or any(key in text for key in READ_ONLY)):
        folder = path.parent.resolve()
        if CANNOT_OPEN in text and not folder.is_dir():
            return (f"le dossier {folder} n'existe pas",
                    f"créez-le (mkdir -p {folder}) ou choisissez un autre chemin pour le fichier SQLite.")
        return (f"le fichier SQLite {path} ne peut pas être écrit",
                f"l'utilisateur qui lance Rasa ({getpass.getuser()}) doit pouvoir écrire dans ce fichier et dans "
                f"son dossier {folder} (chown / chmod) ; un fichier créé par « sudo make run » appartient à root.")
    if any(key in text for key in AUTHENTICATION):
        return ("la base refuse l'utilisateur ou le mot de passe",
                "écrivez l'utilisateur et le mot de passe du rôle PostgreSQL créé pour l'assistant "
                "(postgresql://utilisateur:mot_de_passe@hôte:5432/base) ; dans le mot de passe, @ : / % s'écrivent "
                "%40 %3A %2F %25.")
    if any(key in text for key in MISSING_DATABASE):
        return ("la base de données indiquée n'existe pas",
                "créez-la (createdb -O assistant assistant) ou corrigez son nom, après le dernier / de l'adresse.")
    if any(key in text for key in UNREACHABLE):
        return ("le serveur de base de données est injoignable",
                "vérifiez l'hôte et le port de l'adresse, que PostgreSQL est démarré (systemctl status postgresql) "
                "et qu'il accepte les connexions de cette machine (listen_addresses, pg_hba.conf, pare-feu).")
    if any(key in text for key in PERMISSION):
        return ("l'utilisateur n'a pas le droit de créer ou d'écrire les tables des conversations",
                "donnez-lui ces droits, par exemple : ALTER DATABASE assistant OWNER TO assistant; "
                "(ou GRANT CREATE, USAGE ON SCHEMA public TO assistant;).")
    return ("la base a répondu par une erreur inattendue",
            "vérifiez l'adresse et l'état de la base, puis relancez ; le détail ci-dessus vient de la base.")


def message(what: str, fix: str, url: Any, endpoints: Optional[str] = None, detail: str = "") -> str:
    lines = [f"L'assistant ne démarre pas : {what}.",
             f"  Réglage en cause : {setting(url, endpoints)}"]
    if detail:
        lines.append(f"  Erreur de la base : {detail}")
    lines += [f"  À corriger : {fix}",
              "  Sans base utilisable, Rasa garderait les conversations en mémoire seulement et les perdrait au "
              "prochain redémarrage : il s'arrête plutôt."]
    return "\n".join(lines)


def error_message(error: BaseException, url: Any, endpoints: Optional[str] = None) -> str:
    return message(*explain(error, url), url, endpoints, first_line(error))


def store_url(host: Optional[str], dialect: str = "sqlite", port: Any = None, db: str = "rasa.db",
              username: Optional[str] = None, password: Optional[str] = None, login_db: Optional[str] = None,
              query: Optional[dict] = None) -> Any:
    """The database URL Rasa's SQLTrackerStore opens for these settings of the tracker_store section
    (host is its `url`); "" for an empty url, which Rasa would turn into a rasa.db in the current folder."""
    from rasa.core.tracker_store import SQLTrackerStore, validate_port

    if host is not None and not host.strip():
        return ""
    if host and "://" in host:
        return host
    return SQLTrackerStore.get_db_url(dialect, host, validate_port(port), db, username, password, login_db, query)


def engine_for(url: Any) -> "sa.engine.Engine":
    """An engine for one check: a bounded connection time on PostgreSQL."""
    options = {}
    if sa.engine.make_url(url).get_backend_name() == "postgresql":
        options["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    return sa.create_engine(url, **options)


def connection_problem(url: Any, endpoints: Optional[str] = None) -> Optional[str]:
    """The message if the database cannot be reached and opened; None if it answers."""
    if not str(url).strip():
        return message("l'adresse de la base des conversations est vide",
                       f"donnez une adresse à {VARIABLE} (forme : {SHAPES}).", url, endpoints)
    engine = None
    try:
        engine = engine_for(url)
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:  # every failure here would become memory-only storage in Rasa
        return error_message(error, url, endpoints)
    finally:
        if engine is not None:
            engine.dispose()
    return None


def storage_problem(engine: "sa.engine.Engine", url: Any, table: str = "events") -> Optional[str]:
    """After Rasa created its tables: the message if they are missing or cannot be written; None if fine.

    The write is one row inserted and rolled back at once: nothing is kept."""
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table(table):
                return message(f"la table {table} des conversations n'a pas pu être créée",
                               "donnez à l'utilisateur de la base le droit de créer des tables, par exemple : "
                               "ALTER DATABASE assistant OWNER TO assistant; (les erreurs de Rasa ci-dessus "
                               "disent pourquoi).", url)
            transaction = connection.begin()
            try:
                connection.execute(sa.text(f"INSERT INTO {table} (sender_id, type_name) VALUES (:sender, :kind)"),
                                   {"sender": PROBE_SENDER, "kind": "verification"})
            finally:
                transaction.rollback()
    except Exception as error:
        return error_message(error, url)
    return None


def endpoints_problem(endpoints: str) -> Optional[str]:
    """Before `rasa run`: the message if the tracker_store section of this endpoints file would leave
    the conversations in memory (no section, a type Rasa cannot load) or its SQL database cannot be
    opened; None otherwise (other kinds of store are not checked)."""
    from rasa.shared.exceptions import RasaException
    from rasa.shared.utils.common import class_from_module_path
    from rasa.utils.endpoints import read_endpoint_config

    lost = "Rasa garderait les conversations en mémoire seulement et les perdrait au prochain redémarrage."
    if not Path(endpoints).is_file():
        return f"L'assistant ne démarre pas : le fichier {endpoints} (--endpoints) est introuvable. {lost}"
    try:
        config = read_endpoint_config(endpoints, "tracker_store")
    except RasaException as error:  # typically a ${VARIABLE} that is not set
        unset = sorted(set(re.findall(r"\$\{(\w+)\}", str(error))))
        if unset:
            names = (f"la variable {unset[0]}, utilisée par {endpoints}, n'est pas définie" if len(unset) == 1 else
                     f"les variables {', '.join(unset)}, utilisées par {endpoints}, ne sont pas définies")
            return (f"L'assistant ne démarre pas : {names}. Donnez-leur une valeur dans .env (make run) ou "
                    f"/etc/assistant/assistant.env (services systemd) ; modèles : .env.example, "
                    f"deploy/assistant.env.example.")
        return f"L'assistant ne démarre pas : le fichier {endpoints} ne se lit pas : {scrubbed(str(error))}"
    if config is None or not config.type:
        return (f"L'assistant ne démarre pas : le fichier {endpoints} n'a pas de section tracker_store avec un type "
                f"(type: {STORE_CLASS}, url: ${{{VARIABLE}}}). {lost}")
    kind = config.type.strip()
    if kind.lower() not in ("sql", STORE_CLASS.lower()):
        if kind.lower() in ("redis", "mongod", "dynamo"):
            return None
        try:
            class_from_module_path(kind)
        except (AttributeError, ImportError):
            return (f"L'assistant ne démarre pas : le type « {kind} » de la section tracker_store de {endpoints} "
                    f"est introuvable (attendu : {STORE_CLASS}). {lost}")
        return None
    options = config.kwargs
    try:
        url = store_url(config.url, **{k: options[k] for k in STORE_OPTIONS if k in options})
    except Exception as error:
        return error_message(error, config.url, endpoints)
    return connection_problem(url, endpoints)


def stop(problem: str) -> None:
    """Log the message and end the process at once, with EXIT_CODE.

    os._exit, not an exception: Rasa and Sanic catch exceptions raised while the tracker store is
    created (some to fall back to memory, others to print tracebacks), and nothing must run after this."""
    logger.critical(problem)
    for handler in logging.getLogger().handlers + logger.handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_CODE)


def main(argv: list) -> int:
    """python -m rasa_ext.database_check [endpoints.yml]: scripts/run.sh, before starting anything."""
    problem = endpoints_problem(argv[0] if argv else "endpoints.yml")
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_CODE
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
