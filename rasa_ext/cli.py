"""`python -m rasa_ext.cli <rasa arguments>`: Rasa's own command line, with the project's changes to Rasa
installed first (rasa_ext.patches). make train, make check and the console's « Appliquer » run Rasa this
way; the arguments and the output are exactly those of the `rasa` command."""
import sys


def main() -> None:
    from rasa_ext import patches
    patches.install()
    from rasa.__main__ import main as rasa_main
    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
