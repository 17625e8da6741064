#!/usr/bin/env python3
"""Serve the chat widget and its demo school page (standard library only).

    python widget/serve.py [PORT] [--host HOST] [--server URL]

PORT defaults to $WIDGET_PORT, then 8080; HOST to $WIDGET_HOST, then 127.0.0.1 (loopback only);
URL (the Rasa server the full-page chat talks to) to $WIDGET_SERVER_URL, then http://localhost:5005.

    /                       -> widget/demo/index.html (the demo page), its snippet's data-server set to URL
    /widget.js, /widget.css -> the widget itself (what a school embeds with one <script> tag)
    /chat                   -> the full-page chat (a link or an <iframe> for a CMS that refuses
                               <script>), ?metier=<id> for a profession; sent with a strict CSP
    /widget-config.json     -> the starter topics (knowledge/sujets.yml menu) and the professions
                               (knowledge/metiers/*.yml ids and titles), read once at start
    /<file>                 -> other files directly inside widget/demo/

Nothing else is served: no directory listing, no path outside those files.
"""
import argparse
import html
import json
import os
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bootstrap: the project root, for core/
from loading.paths import ROOT  # noqa: E402

WIDGET_DIR = ROOT / "widget"
DEMO_DIR = WIDGET_DIR / "demo"
WIDGET_FILES = {"/widget.js": WIDGET_DIR / "widget.js", "/widget.css": WIDGET_DIR / "widget.css"}
CHAT_PAGE = WIDGET_DIR / "chat.html"
CONFIG_PATH = "/widget-config.json"
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
    try:
        if candidate.suffix not in CONTENT_TYPES or not candidate.is_file():
            return None
    except (OSError, ValueError):   # a name too long for the file system, an odd character
        return None
    return candidate


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def console_url() -> str:
    """The school's console (CONSOLE_PUBLIC_URL, set by make run), where a student leaves a question to
    the counsellor and reads the reply; empty: the widget offers the contact only."""
    url = (os.environ.get("CONSOLE_PUBLIC_URL") or "").rstrip("/")
    return url if url.startswith(("http://", "https://")) else ""


def chat_csp(server: str, console: str = "") -> str:
    """The strict policy of the full-page chat: the same one the README gives schools (plus the
    console's origin, which the widget calls for the hand-off)."""
    extra = f" {origin(console)}" if console else ""
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"connect-src 'self' {origin(server)}{extra}; img-src 'self'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors *")


def chat_page(server: str) -> bytes:
    return CHAT_PAGE.read_text(encoding="utf-8").replace(
        "{{server}}", html.escape(server, quote=True)).encode("utf-8")


DEMO_SERVER = 'data-server="http://localhost:5005"'


def demo_page(server: str) -> bytes:
    """The demo page, its embed snippet talking to the Rasa server this page was started for (make run
    with another RASA_PORT): the page shows the snippet a school copies, with the right address."""
    page = (DEMO_DIR / "index.html").read_text(encoding="utf-8")
    return page.replace(DEMO_SERVER, f'data-server="{html.escape(server, quote=True)}"', 1).encode("utf-8")


def widget_config(school) -> bytes:
    """Starter topics (« Découvrir les métiers » first when the catalogue has several) and professions
    of a School (core/school.py)."""
    topics = school.replier.topics
    return json.dumps({
        "sujets": school.replier.discover_buttons(len(school.professions))
        + [{"title": topics.sujets[s].libelle, "payload": f"/{s}"} for s in topics.menu],
        "metiers": [{"id": p.id, "titre": p.intitule} for p in school.professions.values()],
        "metier_par_defaut": school.default.id,
        **({"console": console_url()} if console_url() else {}),
    }, ensure_ascii=False).encode("utf-8")


def load_config():
    """The widget's configuration from the knowledge folder (ASSISTANT_KNOWLEDGE_DIR or knowledge/),
    or None when it cannot be read: the widget then works without starter topics."""
    try:
        from loading.school import load_school  # needs the project's virtualenv
        return widget_config(load_school())
    except Exception as exc:  # noqa: BLE001 - said once at start, the widget works without it
        print(f"widget-config.json indisponible (fichiers de connaissances illisibles) : {exc}", file=sys.stderr)
        return None


# What http.server itself refuses (a malformed request line, a header too long...), said in French.
ERRORS = {
    HTTPStatus.BAD_REQUEST: "Requête mal formée.",
    HTTPStatus.REQUEST_URI_TOO_LONG: "Adresse trop longue.",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: "En-têtes de la requête trop longs.",
    HTTPStatus.METHOD_NOT_ALLOWED: "Méthode refusée : ce serveur ne fait que servir des pages (GET ou HEAD).",
}


class Handler(BaseHTTPRequestHandler):
    server_version = "WidgetDemo"
    sys_version = ""
    rasa_server = "http://localhost:5005"
    config = None  # widget-config.json, built once at start (main)

    def _dynamic(self):
        """(body, content type, extra headers) of /chat and /widget-config.json, or None."""
        path = unquote(urlsplit(self.path).path)
        if path in ("", "/", "/index.html"):
            return demo_page(self.rasa_server), CONTENT_TYPES[".html"], {}
        if path in ("/chat", "/chat.html"):
            return chat_page(self.rasa_server), CONTENT_TYPES[".html"], {
                "Content-Security-Policy": chat_csp(self.rasa_server, console_url()), "Referrer-Policy": "no-referrer"}
        if path == CONFIG_PATH and self.config is not None:
            # The widget may be embedded on another site: anyone may read this public menu.
            return self.config, "application/json; charset=utf-8", {"Access-Control-Allow-Origin": "*"}
        return None

    def _send(self, head_only: bool) -> None:
        dynamic = self._dynamic()
        target = resolve(self.path) if dynamic is None else None
        extra = {}
        if dynamic is not None:
            body, kind, extra = dynamic
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
        elif target is None:
            body = "Page introuvable.\n".encode()
            self.send_response(HTTPStatus.NOT_FOUND)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        else:
            body = target.read_bytes()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", CONTENT_TYPES[target.suffix])
        for name, value in extra.items():
            self.send_header(name, value)
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

    def refuse_method(self) -> None:
        self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = refuse_method  # noqa: N815

    def send_error(self, code: int, message=None, explain=None) -> None:
        """A short French text instead of http.server's English page; a method it does not know (501)
        is a 405 like the others."""
        if code == HTTPStatus.NOT_IMPLEMENTED:
            code = HTTPStatus.METHOD_NOT_ALLOWED
        body = (ERRORS.get(code) or "Requête refusée.").encode("utf-8") + b"\n"
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if code == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "GET, HEAD")
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (HTTPStatus.NO_CONTENT, HTTPStatus.NOT_MODIFIED):
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if os.environ.get("WIDGET_QUIET") != "1":
            super().log_message(format, *args)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Sert le widget et la page de démonstration.")
    parser.add_argument("port", nargs="?", type=int, default=int(os.environ.get("WIDGET_PORT", "8080")))
    parser.add_argument("--host", default=os.environ.get("WIDGET_HOST", "127.0.0.1"))
    parser.add_argument("--server", default=os.environ.get("WIDGET_SERVER_URL", "http://localhost:5005"),
                        help="adresse du serveur Rasa utilisée par la page /chat")
    args = parser.parse_args(argv)
    if urlsplit(args.server).scheme not in ("http", "https") or not urlsplit(args.server).netloc:
        parser.error(f"--server {args.server} : attendu une adresse http(s)://hôte:port du serveur Rasa.")
    Handler.rasa_server = args.server.rstrip("/")
    Handler.config = load_config()
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    server.daemon_threads = True
    shown = "localhost" if args.host in ("127.0.0.1", "0.0.0.0", "") else args.host
    print(f"Page de démonstration avec l'assistant : http://{shown}:{args.port}/", flush=True)
    print(f"Widget à intégrer : http://{shown}:{args.port}/widget.js", flush=True)
    print(f"Conversation en pleine page (lien ou iframe) : http://{shown}:{args.port}/chat", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
