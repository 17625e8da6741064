#!/usr/bin/env python3
"""Write widget-config.json (the widget's starter topics and professions) for nginx to serve next to widget.js.

    .venv/bin/python deploy/widget_config.py /opt/assistant/var/widget-config.json

The same JSON that widget/serve.py serves at /widget-config.json, built from the knowledge folder
(ASSISTANT_KNOWLEDGE_DIR, else knowledge/) and, for the counsellor hand-off, the console's address
(CONSOLE_PUBLIC_URL: run it with /etc/assistant/console.env loaded). Run it again after each change of
knowledge/ (no reload of nginx needed). The file is replaced in one step: nginx never serves half of it.
"""
import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # bootstrap: the project root, for core/


def widget_serve():
    """widget/serve.py as a module (widget/ is not a package): the one place that builds the JSON."""
    spec = importlib.util.spec_from_file_location("widget_serve", ROOT / "widget" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("Usage : deploy/widget_config.py FICHIER (par exemple /opt/assistant/var/widget-config.json)",
              file=sys.stderr)
        return 2
    target = Path(args[0])
    from loading.school import load_school
    try:
        body = widget_serve().widget_config(load_school())
    except Exception as error:  # noqa: BLE001 - the knowledge loader names the file and the field
        print(f"widget-config.json non écrit : fichiers de connaissances illisibles ({error}). Corrigez-les "
              "(make check le dit aussi), puis relancez cette commande.", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_bytes(body)
    partial.chmod(0o644)   # nginx (www-data) reads it
    partial.replace(target)
    print(f"{target} écrit ({len(body)} octets) : nginx le sert à /widget-config.json.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
