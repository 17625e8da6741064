"""Command line of the review queue: python -m trainer.review export|import (see trainer/review/__init__.py)."""
import argparse
import sys
from pathlib import Path

from loading.paths import ROOT, tracker_store_url
from trainer.review.common import ReviewError
from trainer.review.importing import import_annotations
from trainer.review.queue import THRESHOLD, export_queue


def main(argv=None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--projet", dest="project_dir", metavar="PROJET", type=Path, default=argparse.SUPPRESS,
                        help="dossier du projet (une copie, pour les tests)")
    parser = argparse.ArgumentParser(description="File de relecture des messages d'élèves.", parents=[common])
    # Not required=True: argparse would name the missing subcommand after its destination, and its usage
    # error has always said « commande ».
    subcommands = parser.add_subparsers(dest="command")

    exp = subcommands.add_parser("export", parents=[common], help="écrit reports/a_relire.yml")
    exp.add_argument("--seuil", dest="threshold", metavar="SEUIL", type=float, default=THRESHOLD,
                     help=f"confiance sous laquelle un message est à relire (défaut {THRESHOLD})")
    exp.add_argument("--base", default=tracker_store_url(),
                     help="adresse de la base des conversations (défaut : TRACKER_STORE_URL)")
    exp.add_argument("--depuis", dest="since", metavar="DEPUIS", type=float, default=None, help="seulement les N derniers jours")
    exp.add_argument("--sortie", dest="output", metavar="SORTIE", type=Path, default=None,
                     help="fichier à écrire (défaut reports/a_relire.yml)")
    exp.add_argument("--ecraser", dest="overwrite", action="store_true", help="remplace un fichier aux annotations non importées")

    imp = subcommands.add_parser("import", parents=[common], help="ajoute les messages annotés à data/nlu/")
    imp.add_argument("--fichier", dest="queue_file", metavar="FICHIER", type=Path, default=None,
                     help="fichier annoté (défaut reports/a_relire.yml)")

    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("the following arguments are required: commande")
    if not hasattr(args, "project_dir"):
        args.project_dir = ROOT
    if not (args.project_dir / "domain.yml").exists():
        print(f"{args.project_dir} n'est pas le dossier du projet (domain.yml introuvable).")
        return 1
    try:
        if args.command == "export":
            if not 0 < args.threshold <= 1:
                raise ReviewError("le seuil est une confiance entre 0 et 1, par exemple 0.7.")
            return export_queue(args)
        return import_annotations(args)
    except ReviewError as exc:
        print(f"✗ {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
