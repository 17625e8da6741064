"""Delete stored conversations from the tracker store (the student's right to erasure).

    python scripts/forget.py --sender ID          delete one conversation
    python scripts/forget.py --older-than DAYS    delete conversations inactive for DAYS days

The database is the one Rasa uses: TRACKER_STORE_URL (default: sqlite:///var/conversations.db).
The conversation id is passed as a bound parameter, never pasted into SQL. The console's hand-off
requests (question, email, the counsellors' replies: console/handoff.py) go with the conversation.
"""
import argparse
import sys
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bootstrap: the project root, for core/
from console import handoff  # noqa: E402
from loading.paths import VAR, tracker_store_url  # noqa: E402
from loading.redact import shown_url  # noqa: E402
from rasa_ext.database_check import explain, first_line  # noqa: E402
from scripts.purge_logs import say as purge_logs  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Supprime des conversations enregistrées.")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--sender", help="identifiant de la conversation à supprimer")
    group.add_argument("--older-than", type=float, metavar="JOURS",
                       help="supprime les conversations sans message depuis JOURS jours")
    args = parser.parse_args(argv)
    url = tracker_store_url()
    if args.older_than is not None:
        purge_logs(VAR / "logs", args.older_than)  # the logs too, whatever the database says
    try:
        return forget(sa.create_engine(url), args)
    except (sa.exc.SQLAlchemyError, ValueError) as exc:  # unreachable, refused, malformed address…
        what, fix = explain(exc, url)  # the same diagnosis as at the assistant's start
        print(f"Impossible de modifier la base des conversations {shown_url(url)} : {what} ({first_line(exc)}).\n"
              f"À corriger dans TRACKER_STORE_URL (.env ou /etc/assistant/assistant.env) : {fix}\n"
              "Rien n'a été supprimé.", file=sys.stderr)
        return 1


def forget(engine, args) -> int:
    tables = sa.inspect(engine)
    conversations, console = tables.has_table("events"), tables.has_table("handoff_requests")
    if not (conversations or console):
        print("Aucune conversation enregistrée (la table « events » n'existe pas encore).")
        return 0
    with engine.begin() as db:
        if args.sender is not None:
            deleted = db.execute(sa.text("DELETE FROM events WHERE sender_id = :sender"),
                                 {"sender": args.sender}).rowcount if conversations else 0
            print(f"Conversation « {args.sender} » : {deleted} événement(s) supprimé(s).")
            if console:
                requests = handoff.forget_sender(db, args.sender)
                print(f"Console : {requests} demande(s) au conseiller supprimée(s) (question, e-mail et réponses).")
        else:
            limit = time.time() - args.older_than * 86400
            senders = []
            if conversations:
                stale = sa.text("SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :limit")
                senders = [row[0] for row in db.execute(stale, {"limit": limit})]
                for sender in senders:
                    db.execute(sa.text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender})
            print(f"{len(senders)} conversation(s) inactive(s) depuis plus de {args.older_than:g} jours supprimée(s).")
            if console:
                requests = handoff.purge_before(db, limit)
                print(f"Console : {requests} demande(s) au conseiller sans activité depuis plus de "
                      f"{args.older_than:g} jours supprimée(s) (question, e-mail et réponses).")
            if tables.has_table("console_audit"):
                # The console's log holds the addresses of sign-in attempts: kept as long as the rest.
                logged = db.execute(sa.text("DELETE FROM console_audit WHERE at < :limit"), {"limit": limit}).rowcount
                print(f"Console : {logged} ligne(s) du journal des actions de plus de {args.older_than:g} jours "
                      "supprimée(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
