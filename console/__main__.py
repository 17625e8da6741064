"""python -m console serve                      start the console (make console)
python -m console user --login L --role R     create an account, or give it a new password
                                              (make console-user LOGIN=c.martin ROLE=conseiller)

The password is read from CONSOLE_PASSWORD, else typed twice at the terminal (never on the command line,
where other users of the machine and the shell history would see it).
"""
import argparse
import getpass
import logging
import os
import sys

from sqlalchemy.exc import SQLAlchemyError

from console import auth, config, db


def read_password() -> str:
    given = os.environ.get("CONSOLE_PASSWORD")
    if given:
        return given
    if not sys.stdin.isatty():
        raise auth.AccountError("Aucun terminal pour taper le mot de passe : lancez la commande dans un terminal, "
                                "ou donnez-le dans la variable CONSOLE_PASSWORD.")
    first = getpass.getpass(f"Mot de passe (au moins {auth.MIN_PASSWORD} caractères) : ")
    if getpass.getpass("Le même mot de passe, encore une fois : ") != first:
        raise auth.AccountError("Les deux mots de passe diffèrent : recommencez.")
    return first


def create_user(login: str, role: str) -> int:
    try:
        if role not in auth.ROLES:   # before asking for a password that would be refused anyway
            raise auth.AccountError(f"Rôle « {role} » inconnu : ROLE=conseiller ou ROLE=formateur.")
        engine = db.engine_for(config.from_environment().database_url)
        existed = auth.account_exists(engine, login)
        auth.create_account(engine, login, role, read_password())
    except auth.AccountError as error:
        print(error, file=sys.stderr)
        return 2
    except SQLAlchemyError as error:   # the database cannot be opened or written
        from loading.redact import shown_url
        url = config.from_environment().database_url
        print(f"Impossible d'écrire le compte dans la base {shown_url(url)} ({type(error).__name__}). Vérifiez "
              "TRACKER_STORE_URL (.env) et que le dossier de la base existe et vous est accessible. Aucun compte "
              "n'a été créé.", file=sys.stderr)
        return 1
    done = "mot de passe changé (ses sessions ouvertes sont fermées)" if existed else "compte créé"
    print(f"Console : {done} pour « {login} », rôle {auth.ROLE_NAMES[role]}.")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m console", description="La console de l'école.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="démarre la console")
    user = commands.add_parser("user", help="crée un compte ou change son mot de passe")
    user.add_argument("--login", required=True, help="identifiant, par exemple c.martin")
    user.add_argument("--role", required=True, help="conseiller ou formateur")
    args = parser.parse_args(argv)
    if args.command == "user":
        return create_user(args.login.strip().lower(), args.role.strip().lower())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from console.app import serve  # Sanic only for the server
    serve(config.from_environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
