"""Start Rasa or the action server, on loopback unless another interface is asked for explicitly.

    python scripts/serve.py actions --actions actions --port 5055 [other rasa_sdk options]
    python scripts/serve.py rasa run --model models/assistant.tar.gz [other `rasa run` options]

Left to themselves, `rasa run` and `python -m rasa_sdk` listen on every interface (0.0.0.0): a
forgotten variable in a .env or a systemd EnvironmentFile would put the action server, which has no
authentication, on the network (aiohttp and Sanic advisories, SECURITY.md). Here a non-loopback
address is refused unless it was set explicitly: SANIC_HOST for the action server, RASA_INTERFACE
for Rasa (which must then be the --interface given). scripts/run.sh, deploy/Procfile and
deploy/systemd/ start the servers through this file.

Before Rasa, the conversations database of the --endpoints file is checked (rasa_ext/database_check.py):
a database that cannot be used stops the start with a French message and exit code 3, within seconds,
instead of a Rasa that would keep the conversations in memory only. The tracker store checks it again
inside Rasa (`rasa run` started directly), where with SANIC_WORKERS > 1 only the workers could stop.
"""
import ipaddress
import os
import sys
from pathlib import Path
from typing import Mapping, Optional, Sequence

ALL_INTERFACES = "0.0.0.0"  # what rasa and rasa_sdk listen on when nothing is said
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bootstrap: the project root, for core/

DEFAULT_ENDPOINTS = "endpoints.yml"  # what `rasa run` reads without --endpoints


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name or an empty string: may be any interface


def interface_argument(args: Sequence[str]) -> Optional[str]:
    """The value of --interface / -i in a `rasa run` command line, or None."""
    for index, arg in enumerate(args):
        if arg in ("--interface", "-i"):
            return args[index + 1] if index + 1 < len(args) else ""
        if arg.startswith("--interface="):
            return arg.split("=", 1)[1]
    return None


def endpoints_argument(args: Sequence[str]) -> str:
    """The endpoints file a `rasa run` command line reads."""
    for index, arg in enumerate(args):
        if arg == "--endpoints" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--endpoints="):
            return arg.split("=", 1)[1]
    return DEFAULT_ENDPOINTS


def database_problem(args: Sequence[str]) -> Optional[str]:
    from rasa_ext import database_check
    return database_check.endpoints_problem(endpoints_argument(args))


def actions_problem(env: Mapping[str, str]) -> Optional[str]:
    host = env.get("SANIC_HOST")
    if host is None or not host.strip():
        return ("le serveur d'actions écouterait sur toutes les interfaces (0.0.0.0) : SANIC_HOST n'est pas "
                "défini. Il doit rester local (seul Rasa l'appelle) : SANIC_HOST=127.0.0.1 dans .env ou "
                "/etc/assistant/assistant.env (voir SECURITY.md).")
    return None  # loopback, or another address set explicitly


def rasa_problem(args: Sequence[str], env: Mapping[str, str]) -> Optional[str]:
    if not args or args[0] != "run":
        return "seule la commande `rasa run` se lance par ce script."
    interface = interface_argument(args)
    explicit = (env.get("RASA_INTERFACE") or "").strip()
    if interface is None:
        interface = explicit or ALL_INTERFACES
    if is_loopback(interface):
        return None
    if explicit and explicit == interface.strip():
        return None  # another interface, chosen explicitly (behind nginx on a private address)
    shown = interface.strip() or "toutes les interfaces"
    return (f"Rasa écouterait sur {shown} alors que RASA_INTERFACE "
            f"{'vaut ' + explicit if explicit else 'n’est pas défini'}. Rasa écoute sur 127.0.0.1 par défaut ; "
            f"pour une autre adresse (derrière nginx), écrivez-la dans RASA_INTERFACE (voir SECURITY.md).")


def wait_for_actions(env: Mapping[str, str]) -> None:
    """Rasa starts listening only once the action server answers (at most ACTIONS_WAIT seconds,
    default 120; 0: do not wait): no student message is taken before it can be answered. A
    message that arrives while the action server restarts later gets « l'assistant redémarre »."""
    from scripts.readiness import wait_until_ready
    seconds = float(env.get("ACTIONS_WAIT") or 120)
    url = (env.get("ACTION_ENDPOINT_URL") or "").strip()
    if seconds <= 0 or not url:
        return
    health = url.rsplit("/webhook", 1)[0] + "/health"
    print(f"En attente du serveur d'actions ({health}, au plus {seconds:.0f} s)...", file=sys.stderr)
    if wait_until_ready(health, seconds) != "ready":
        print(f"Le serveur d'actions ne répond pas après {seconds:.0f} s : Rasa démarre quand même ; en "
              "attendant, les élèves lisent que l'assistant redémarre.", file=sys.stderr)


def command(kind: str, args: Sequence[str]) -> list:
    python = Path(sys.executable)
    if kind == "actions":
        return [str(python), "-m", "rasa_sdk", *args]
    args = list(args)
    if interface_argument(args) is None and os.environ.get("RASA_INTERFACE", "").strip():
        args += ["--interface", os.environ["RASA_INTERFACE"].strip()]
    return [str(python.parent / "rasa"), *args]


def main(argv: Sequence[str]) -> int:
    if not argv or argv[0] not in ("actions", "rasa"):
        print("Usage : python scripts/serve.py actions|rasa [options]", file=sys.stderr)
        return 2
    kind, args = argv[0], list(argv[1:])
    problem = actions_problem(os.environ) if kind == "actions" else rasa_problem(args, os.environ)
    if problem:
        print(f"Démarrage refusé : {problem}", file=sys.stderr)
        return 2
    if kind == "rasa":
        # DATABASE_PRECHECK=0: the caller checks the database itself, at the same time (scripts/run.sh).
        problem = database_problem(args) if os.environ.get("DATABASE_PRECHECK") != "0" else None
        if problem:
            print(problem, file=sys.stderr)
            return 3  # rasa_ext.database_check.EXIT_CODE, as when the tracker store finds the database unusable
        wait_for_actions(os.environ)
    full = command(kind, args)
    os.execv(full[0], full)  # the server replaces this process: signals reach it directly


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
