"""Production nginx over HTTPS, as deploy/nginx/assistant-https.conf.template ships it, started for real on loopback.

The test makes its own self-signed certificate with openssl (CN=localhost, SAN localhost and 127.0.0.1), renders
the template on free loopback ports (not 80/443) and runs nginx as the current user in a temporary prefix. Behind
it: the real console (`python -m console serve`, temporary SQLite, CONSOLE_PROXIES=1, an account made with
`python -m console user`) and a stub of Rasa's REST channel. widget/serve.py runs beside it, as the reference for
the headers of the widget files and of the full-page chat.

Names, as a school would have two: https://localhost:<port> is the students' site (widget, widget-config.json,
/chat, webhook), https://127.0.0.1:<port> is the console (its pages, and the student API the widget calls).

Checked, over HTTPS with the certificate as the only trusted one: the headers (CSP, cache, nosniff, frame
refusal, Referrer-Policy, HSTS), the console's session cookie `Secure; HttpOnly; SameSite=Strict` after a real
login through nginx (and not Secure without nginx, so it is nginx's X-Forwarded-Proto that makes it so), the
client address the console records, and that plain HTTP is redirected (301) except Let's Encrypt's challenge.
"""
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.knowledge import FIXTURE_KNOWLEDGE
from tests.support.stack import free_port, free_ports, stop_process, wait_until_up

NGINX_DIR = ROOT / "deploy" / "nginx"
TEMPLATE = NGINX_DIR / "assistant-https.conf.template"
PASSWORD = "un-mot-de-passe-de-test-https"
LOGIN = "c.https"
STUDENTS, CONSOLE = "localhost", "127.0.0.1"   # the two server names (the certificate covers both)


def program(name: str) -> str:
    """A Debian program the test needs; a failure, never a skip, when it is missing."""
    path = shutil.which(name) or next((p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if Path(p).exists()),
                                      None)
    if not path:
        pytest.fail(f"{name} est introuvable : lancez « make system-deps » (scripts/system_deps.sh installe nginx "
                    "et openssl), puis relancez le test.", pytrace=False)
    return path


def make_certificate(folder: Path) -> tuple:
    """A self-signed certificate for localhost and 127.0.0.1 only, valid two days: (certificate, key)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    made = subprocess.run([program("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                           "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
                           "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, f"openssl n'a pas fabriqué le certificat :\n{made.stderr}"
    return cert, key


def template_variables(text: str) -> set:
    return set(re.findall(r"\$\{([A-Z0-9_]+)\}", text))


class StubRasa:
    """Rasa's REST channel, reduced to what nginx must pass: records the headers of each request, answers []."""

    def __init__(self):
        self.seen = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                stub.seen.append((self.path, dict(self.headers), json.loads(body or b"{}")))
                answer = json.dumps([{"recipient_id": "x", "text": "réponse du faux Rasa"}]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class HttpsNginx:
    """nginx in the foreground with the HTTPS template, in a temporary prefix (as tests/stack/test_deploy.py)."""

    def __init__(self, tmp: Path, values: dict):
        self.exe = program("nginx")
        self.dir = tmp / "nginx"
        self.logs = self.dir / "logs"
        for sub in ("logs", "temp"):
            (self.dir / sub).mkdir(parents=True)
        site = TEMPLATE.read_text()
        missing = template_variables(site) - set(values)
        assert not missing, f"variables du modèle sans valeur dans le test : {missing}"
        for name, value in values.items():  # what envsubst does with the list of these names
            site = site.replace("${" + name + "}", value)
        (self.dir / "assistant.conf").write_text(site)
        temp = self.dir / "temp"
        self.conf = self.dir / "nginx.conf"
        self.conf.write_text(f"""
daemon off;
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {self.dir / "nginx.pid"};
error_log {self.logs / "error.log"} warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.dir / "assistant.conf"};
}}
""")
        self.command = [self.exe, "-p", str(self.dir), "-c", str(self.conf), "-e", str(self.logs / "error.log")]
        self.process = None

    def start(self, https_port: int) -> "HttpsNginx":
        check = subprocess.run(self.command + ["-t"], capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, f"configuration nginx refusée :\n{check.stderr}"
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx s'est arrêté au démarrage :\n{(self.logs / 'error.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                return self
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"nginx n'écoute pas sur {https_port} après 30 s")
                time.sleep(0.1)

    def stop(self):
        stop_process(self.process)


def start_console(folder: Path, port: int, students_origin: str):
    """The real console on loopback, behind nginx (CONSOLE_PROXIES=1), with one counsellor account."""
    database = f"sqlite:///{folder / 'conversations.db'}"
    env = project_env(TRACKER_STORE_URL=database, ASSISTANT_KNOWLEDGE_DIR=FIXTURE_KNOWLEDGE, CONSOLE_PORT=port,
                      CONSOLE_HOST="127.0.0.1", CONSOLE_PROXIES=1, CONSOLE_CORS_ORIGINS=students_origin)
    # Secure must come from nginx (X-Forwarded-Proto), not from a setting: no https URL, no CONSOLE_HTTPS, no mail.
    for name in ("CONSOLE_HTTPS", "CONSOLE_PUBLIC_URL", "SMTP_HOST"):
        env.pop(name, None)
    made = subprocess.run([PYTHON, "-m", "console", "user", "--login", LOGIN, "--role", "conseiller"], cwd=ROOT,
                          env=dict(env, CONSOLE_PASSWORD=PASSWORD), capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    log = folder / "console.log"
    with log.open("w") as out:
        process = subprocess.Popen([PYTHON, "-m", "console", "serve"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    wait_until_up(f"http://127.0.0.1:{port}/connexion", process, log, timeout=120)
    return process, sa.create_engine(database)


def write_widget_config(folder: Path, console_url: str) -> Path:
    """deploy/widget_config.py, as the school runs it at deployment (with console.env), on the fixture knowledge."""
    target = folder / "var" / "widget-config.json"
    env = project_env(ASSISTANT_KNOWLEDGE_DIR=FIXTURE_KNOWLEDGE, CONSOLE_PUBLIC_URL=console_url)
    made = subprocess.run([PYTHON, str(ROOT / "deploy" / "widget_config.py"), str(target)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    return target


def start_widget_server(folder: Path, port: int, rasa_url: str, console_url: str):
    log = folder / "widget.log"
    env = project_env(WIDGET_QUIET=1, ASSISTANT_KNOWLEDGE_DIR=FIXTURE_KNOWLEDGE, CONSOLE_PUBLIC_URL=console_url)
    with log.open("w") as out:
        process = subprocess.Popen([PYTHON, str(ROOT / "widget" / "serve.py"), str(port), "--server", rasa_url],
                                   cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    wait_until_up(f"http://127.0.0.1:{port}/widget.js", process, log, timeout=60)
    return process


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deploy-https")
    cert, key = make_certificate(tmp)
    acme = tmp / "acme"
    (acme / ".well-known" / "acme-challenge").mkdir(parents=True)
    (acme / ".well-known" / "acme-challenge" / "jeton-de-test").write_text("preuve-acme\n")
    started = []
    # The stub Rasa binds its port first: the ports chosen next cannot be its port (a console started on the
    # stub's port would seem to answer, with the stub's replies).
    stub = StubRasa()
    started.append(stub)
    https_port, http_port, console_port, widget_port = free_ports(4)
    students, console_url = f"https://{STUDENTS}:{https_port}", f"https://{CONSOLE}:{https_port}"
    try:
        console, engine = start_console(tmp, console_port, students)
        started.append(console)
        reference = start_widget_server(tmp, widget_port, students, console_url)
        started.append(reference)
        nginx = HttpsNginx(tmp, {
            "SERVER_NAME": STUDENTS, "CONSOLE_SERVER_NAME": CONSOLE,
            "NGINX_HTTPS_LISTEN": f"127.0.0.1:{https_port}", "NGINX_HTTP_LISTEN": f"127.0.0.1:{http_port}",
            "HTTPS_PORT_SUFFIX": f":{https_port}", "TLS_CERTIFICATE": str(cert), "TLS_CERTIFICATE_KEY": str(key),
            "ACME_ROOT": str(acme), "NGINX_LOG_DIR": str(tmp / "nginx" / "logs"), "WIDGET_DIR": str(ROOT / "widget"),
            "WIDGET_CONFIG_FILE": str(write_widget_config(tmp, console_url)),
            "RASA_UPSTREAM_1": stub.address, "RASA_UPSTREAM_2": stub.address,
            "CONSOLE_UPSTREAM": f"127.0.0.1:{console_port}"}).start(https_port)
        started.append(nginx)
        yield {"students": students, "console": console_url, "cert": str(cert),
               "http_port": http_port, "https_port": https_port, "stub": stub, "engine": engine,
               "console_direct": f"http://127.0.0.1:{console_port}", "reference": f"http://127.0.0.1:{widget_port}"}
    finally:
        for server in reversed(started):
            try:
                stop_process(server) if isinstance(server, subprocess.Popen) else server.stop()
            except Exception as error:  # keep stopping the others
                print(f"arrêt de {server.__class__.__name__} : {error}")


def get(site, url: str, **options) -> requests.Response:
    return requests.get(url, verify=site["cert"], allow_redirects=False, timeout=30, **options)


def set_cookies(answer: requests.Response) -> dict:
    """name -> the raw Set-Cookie line, as the browser receives it."""
    return {line.split("=", 1)[0]: line for line in answer.raw.headers.getlist("Set-Cookie")}


def attributes(cookie_line: str) -> dict:
    found = {}
    for part in cookie_line.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        found[name.lower()] = value
    return found


HSTS = "max-age=31536000"


def test_plain_http_is_redirected_to_https_except_the_acme_challenge(site):
    http = f"http://{{}}:{site['http_port']}"
    for host, path in ((STUDENTS, "/chat?metier=developpeur_web"), (STUDENTS, "/widget.js"),
                       (CONSOLE, "/connexion"), (CONSOLE, "/demandes/3")):
        answer = requests.get(http.format(host) + path, allow_redirects=False, timeout=30)
        assert answer.status_code == 301, (host, path, answer.status_code)
        assert answer.headers["Location"] == f"https://{host}:{site['https_port']}{path}"
    # A message posted in plain HTTP is not passed to Rasa: redirected, never proxied unencrypted.
    before = len(site["stub"].seen)
    answer = requests.post(http.format(STUDENTS) + "/webhooks/rest/webhook", json={"sender": "s", "message": "m"},
                           allow_redirects=False, timeout=30)
    assert answer.status_code == 301 and len(site["stub"].seen) == before
    # certbot's check stays in HTTP (Let's Encrypt asks on port 80 before any certificate exists).
    answer = requests.get(http.format(STUDENTS) + "/.well-known/acme-challenge/jeton-de-test", timeout=30)
    assert answer.status_code == 200 and answer.text == "preuve-acme\n"


def test_an_unknown_name_gets_no_answer(site):
    for url in (f"http://127.0.0.1:{site['http_port']}/", site["students"] + "/widget.js"):
        with pytest.raises(requests.ConnectionError):
            requests.get(url, headers={"Host": "autre-site.example"}, verify=site["cert"], timeout=10)


def test_tls_1_2_and_1_3_and_http2_with_the_certificate(site):
    for version in (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3):
        context = ssl.create_default_context(cafile=site["cert"])
        context.minimum_version = context.maximum_version = version
        context.set_alpn_protocols(["h2", "http/1.1"])
        with socket.create_connection(("127.0.0.1", site["https_port"]), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname=STUDENTS) as tls:
                assert tls.version() == version.name.replace("v1_", "v1.")
                assert tls.selected_alpn_protocol() == "h2"   # HTTP/2 offered to browsers


@pytest.mark.parametrize("path", ["/widget.js", "/widget.css"])
def test_widget_files_have_the_headers_of_widget_serve(site, path):
    served = get(site, site["students"] + path)
    reference = requests.get(site["reference"] + path, timeout=30)
    assert served.status_code == 200 and served.content == (ROOT / "widget" / path[1:]).read_bytes()
    for header in ("Content-Type", "Cache-Control", "X-Content-Type-Options"):
        assert served.headers[header] == reference.headers[header], header
    assert served.headers["Cache-Control"] == "no-cache"   # revalidated: an update reaches students at once
    assert served.headers["Access-Control-Allow-Origin"] == "*"   # embedded on the school's own site
    assert served.headers["Strict-Transport-Security"] == HSTS


def test_widget_config_is_the_json_of_widget_serve(site):
    """The starter topics and professions, written by deploy/widget_config.py, as widget/serve.py serves them."""
    served = get(site, site["students"] + "/widget-config.json")
    reference = requests.get(site["reference"] + "/widget-config.json", timeout=30)
    assert served.status_code == 200 == reference.status_code
    assert served.json() == reference.json() and served.json()["metiers"], served.text[:300]
    assert served.json()["console"] == site["console"]   # where the widget leaves a question (CONSOLE_PUBLIC_URL)
    for header in ("Content-Type", "Access-Control-Allow-Origin", "X-Content-Type-Options"):
        assert served.headers[header] == reference.headers[header], header
    assert served.headers["Cache-Control"] == "no-cache"   # a new profession shows at the next page load
    assert served.headers["Strict-Transport-Security"] == HSTS


def test_full_page_chat_has_the_csp_of_widget_serve_and_talks_to_its_own_site(site):
    served = get(site, site["students"] + "/chat?metier=developpeur_web")
    reference = requests.get(site["reference"] + "/chat?metier=developpeur_web", timeout=30)
    assert served.status_code == 200 == reference.status_code
    for header in ("Content-Security-Policy", "Referrer-Policy", "Cache-Control", "X-Content-Type-Options",
                   "Content-Type"):
        assert served.headers[header] == reference.headers[header], header
    assert "frame-ancestors *" in served.headers["Content-Security-Policy"]   # the chat is made to be framed
    assert "X-Frame-Options" not in served.headers
    assert served.headers["Strict-Transport-Security"] == HSTS
    # The same page: {{server}} replaced by this site's address, which the CSP lets the widget call.
    assert served.text == reference.text
    assert f'data-server="{site["students"]}"' in served.text and "{{" not in served.text


def test_webhook_reaches_rasa_with_the_https_scheme(site):
    sender = f"https-{uuid.uuid4().hex[:12]}"
    answer = requests.post(site["students"] + "/webhooks/rest/webhook", json={"sender": sender, "message": "bonjour"},
                           verify=site["cert"], timeout=30)
    assert answer.status_code == 200 and answer.json()[0]["text"] == "réponse du faux Rasa"
    assert answer.headers["Strict-Transport-Security"] == HSTS
    path, headers, body = next(s for s in site["stub"].seen if s[2].get("sender") == sender)
    assert path == "/webhooks/rest/webhook" and headers["X-Forwarded-Proto"] == "https"
    # Only the REST channel is published: Rasa's other addresses are not reachable through nginx.
    assert get(site, site["students"] + "/model/parse").status_code == 404


def test_student_api_of_the_console_answers_the_students_pages(site):
    """The widget, on the students' site (/chat) or the school's, leaves a question and reads the reply at the
    console's origin, which the chat page's CSP names; the console answers CORS for the allowed pages only."""
    assert f"https://{CONSOLE}:{site['https_port']}" in get(site, site["students"] + "/chat").headers[
        "Content-Security-Policy"].split("connect-src")[1].split(";")[0]
    sender = f"web-{uuid.uuid4().hex[:16]}"
    origin = {"Origin": site["students"]}
    left = requests.post(site["console"] + "/api/demandes", json={"sender_id": sender, "question": "Et en alternance ?"},
                         headers=origin, verify=site["cert"], timeout=30)
    assert left.status_code == 201, left.text
    assert left.headers["Access-Control-Allow-Origin"] == site["students"]
    assert left.headers["Cache-Control"] == "no-store" and left.headers["Strict-Transport-Security"] == HSTS
    assert left.headers["X-Content-Type-Options"] == "nosniff"
    replies = get(site, f"{site['console']}/api/reponses/{sender}", headers=origin)
    assert replies.status_code == 200 and replies.headers["Access-Control-Allow-Origin"] == site["students"]
    # A page the school did not allow is refused by the console, through nginx too.
    refused = requests.post(site["console"] + "/api/demandes", json={"sender_id": sender, "question": "x"},
                            headers={"Origin": "https://autre-site.example"}, verify=site["cert"], timeout=30)
    assert refused.status_code == 403
    # Nothing of the console on the students' site: its pages and routes live under its own name.
    for path in ("/connexion", "/api/demandes"):
        assert get(site, site["students"] + path).status_code == 404, path


def test_console_pages_carry_the_security_headers(site):
    for path in ("/connexion", "/page-inconnue", "/static/console.css"):
        answer = get(site, site["console"] + path)
        assert answer.status_code in (200, 404), (path, answer.status_code)
        assert answer.headers["X-Content-Type-Options"] == "nosniff", path   # once, not « nosniff, nosniff »
        assert answer.headers["X-Frame-Options"] == "DENY", path
        assert answer.headers["Referrer-Policy"] == "no-referrer", path
        assert answer.headers["Strict-Transport-Security"] == HSTS, path
        assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"], path
    assert "Server" not in answer.headers or answer.headers["Server"] == "nginx"   # no version number


def login(base: str, verify, spoofed: str) -> tuple:
    """(login form answer, login answer) of a real sign-in; the client claims to be `spoofed`."""
    browser = requests.Session()   # verify on each request: a session's own is overridden by REQUESTS_CA_BUNDLE
    browser.headers["X-Forwarded-For"] = spoofed
    form = browser.get(base + "/connexion", verify=verify, timeout=30)
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    answer = browser.post(base + "/connexion", data={"csrf": token, "identifiant": LOGIN, "mot_de_passe": PASSWORD},
                          allow_redirects=False, verify=verify, timeout=30)
    return browser, form, answer


def test_console_session_cookie_is_secure_after_a_real_login_through_nginx(site):
    spoofed = "10.66.66.66"
    browser, form, answer = login(site["console"], site["cert"], spoofed)
    # under HTTPS the cookies carry the __Host- prefix: no sibling subdomain can set them
    assert attributes(set_cookies(form)["__Host-console_csrf"]).keys() >= {"secure", "httponly"}
    assert answer.status_code == 303, answer.text
    session = attributes(set_cookies(answer)["__Host-console_session"])
    assert "secure" in session and "httponly" in session and session["samesite"] == "Strict", session
    inbox = browser.get(site["console"] + answer.headers["Location"], verify=site["cert"], timeout=30)
    assert inbox.status_code == 200 and LOGIN in inbox.text and inbox.url.startswith("https://")
    # The console recorded the address nginx saw (loopback here), never the one the client made up.
    with site["engine"].connect() as db:
        where = db.execute(sa.text("SELECT target FROM console_audit WHERE login = :l AND action = 'connexion' "
                                   "ORDER BY id DESC LIMIT 1"), {"l": LOGIN}).scalar()
    assert where == "127.0.0.1", where


def test_without_nginx_the_same_console_does_not_mark_the_cookie_secure(site):
    """The contrast that shows Secure above comes from nginx's X-Forwarded-Proto: direct HTTP, no flag."""
    _, _, answer = login(site["console_direct"], True, "10.0.0.9")
    assert answer.status_code == 303
    assert "secure" not in attributes(set_cookies(answer)["console_session"])


def test_webhook_location_is_the_same_in_both_nginx_templates():
    """The HTTPS template repeats the REST channel's location of assistant.conf.template (used by
    test_deploy.py): they must not drift apart (only HSTS is added)."""
    def webhook_block(text: str) -> list:
        block = re.search(r"location = /webhooks/rest/webhook \{(.*?)\n    \}", text, re.S).group(1)
        return [line.strip() for line in block.splitlines() if line.strip() and "Strict-Transport" not in line]
    assert webhook_block(TEMPLATE.read_text()) == webhook_block((NGINX_DIR / "assistant.conf.template").read_text())
