#!/usr/bin/env python3
"""Serve the chat widget and its demo school page (standard library only).

    python scripts/serve_widget.py [PORT] [--host HOST]

PORT defaults to $WIDGET_PORT, then 8080; HOST to $WIDGET_HOST, then 127.0.0.1 (loopback only).

    /                     -> widget/demo/index.html (the demo page)
    /widget.js, /widget.css -> the widget itself (what a school embeds with one <script> tag)
    /<file>               -> other files directly inside widget/demo/

Nothing else is served: no directory listing, no path outside those files.
"""
import argparse
import os
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

WIDGET_DIR = Path(__file__).resolve().parent.parent / "widget"
DEMO_DIR = WIDGET_DIR / "demo"
WIDGET_FILES = {"/widget.js": WIDGET_DIR / "widget.js", "/widget.css": WIDGET_DIR / "widget.css"}
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}


def resolve(url_path: str):
    """The file to send for a URL path, or None (unknown, hidden, or outside the served files)."""
    path = unquote(urlsplit(url_path).path)
    if path in ("", "/"):
        path = "/index.html"
    if path in WIDGET_FILES:
        return WIDGET_FILES[path]
    name = path[1:]
    # Only plain file names directly inside widget/demo/: no sub-folder, no "..", no dot-file.
    if not name or "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        return None
    candidate = DEMO_DIR / name
    if candidate.suffix not in CONTENT_TYPES or not candidate.is_file():
        return None
    return candidate


class Handler(BaseHTTPRequestHandler):
    server_version = "WidgetDemo"
    sys_version = ""

    def _send(self, head_only: bool) -> None:
        target = resolve(self.path)
        if target is None:
            body = "Page introuvable.\n".encode()
            self.send_response(HTTPStatus.NOT_FOUND)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        else:
            body = target.read_bytes()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", CONTENT_TYPES[target.suffix])
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._send(head_only=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._send(head_only=True)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if os.environ.get("WIDGET_QUIET") != "1":
            super().log_message(format, *args)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Sert le widget et la page de démonstration.")
    parser.add_argument("port", nargs="?", type=int, default=int(os.environ.get("WIDGET_PORT", "8080")))
    parser.add_argument("--host", default=os.environ.get("WIDGET_HOST", "127.0.0.1"))
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    shown = "localhost" if args.host in ("127.0.0.1", "0.0.0.0", "") else args.host
    print(f"Page de démonstration avec l'assistant : http://{shown}:{args.port}/", flush=True)
    print(f"Widget à intégrer : http://{shown}:{args.port}/widget.js", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
