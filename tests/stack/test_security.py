"""Safe by default: CORS limited to the configured pages, no HTTP API, servers on loopback,
no secret in the repository, and a conversation can be deleted on request."""
import re
import subprocess
import urllib.error
import urllib.request

from tests.support.helpers import PYTHON, ROOT, project_env
from tests.support.stack import listening_addresses


def response_headers(url, method="POST", origin=None):
    headers = {"Content-Type": "application/json"}
    if origin:
        headers["Origin"] = origin
    request = urllib.request.Request(url, method=method, headers=headers,
                                     data=b'{"sender": "cors", "message": "bonjour"}' if method == "POST" else None)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_cors_only_for_the_configured_page(stack):
    allowed = f"http://127.0.0.1:{stack.page_port}"
    status, headers = response_headers(stack.webhook, origin=allowed)
    assert status == 200 and headers.get("Access-Control-Allow-Origin") == allowed
    status, headers = response_headers(stack.webhook, origin="http://evil.example")
    assert headers.get("Access-Control-Allow-Origin") is None


def test_rasa_http_api_is_off(stack):
    for path in ("/conversations/x/tracker", "/model/parse", "/status"):
        status, _ = response_headers(stack.rasa_url + path, method="GET")
        assert status in (404, 405), path


def test_servers_listen_on_loopback_only(stack):
    for port in (stack.rasa_port, stack.action_port):
        addresses = listening_addresses(port)
        assert addresses and all(a == "0100007F" for a in addresses), (port, addresses)


def test_no_secret_is_tracked_in_git():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert ".env" not in files and ".env.example" in files
    grep = subprocess.run(["git", "grep", "-n", "-I", "-E",
                           r"BEGIN [A-Z ]*PRIVATE KEY|postgres(ql)?://[^:@/ ]+:[^@ ]+@|(password|secret|token)\s*[:=]\s*['\"][^'\"]{6,}"],
                          cwd=ROOT, capture_output=True, text=True)
    leaks = [line for line in grep.stdout.splitlines() if "CHANGE_ME" not in line and not only_placeholders(line)]
    real = "postgresql://assistant:" + "Vr4i-m0t" + "@db:5432/assistant"  # split so that this file stays clean
    assert not only_placeholders(real) and not only_placeholders(f"{real} postgresql://a:***@db/a")
    assert not leaks, leaks


# What a documented address may hold instead of a password: masked, a template, a word saying what goes there.
PLACEHOLDERS = {"***", "mot_de_passe", "motdepasse", "password", "pw"}


def only_placeholders(line: str) -> bool:
    """True when every password written in a database address of this line is a placeholder."""
    passwords = re.findall(r"postgres(?:ql)?://[^:@/ ]+:([^@ ]+)@", line)
    return bool(passwords) and all(p in PLACEHOLDERS or p.startswith("{") for p in passwords)


def test_a_conversation_can_be_deleted(stack):
    import sqlite3
    sender, other = stack.new_sender(), stack.new_sender()
    stack.say(sender, "combien gagne un débutant ?")
    stack.say(other, "combien gagne un débutant ?")
    result = subprocess.run([PYTHON, "scripts/forget.py", "--sender", sender], cwd=ROOT, capture_output=True,
                            text=True, env=project_env(TRACKER_STORE_URL=f"sqlite:///{stack.db_path}"), timeout=60)
    assert result.returncode == 0 and "supprimé" in result.stdout
    with sqlite3.connect(stack.db_path) as db:
        def count(s):
            return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (s,)).fetchone()[0]
        assert count(sender) == 0 and count(other) > 0
    # The deleted conversation starts afresh, exactly like a brand-new one.
    fresh = stack.new_sender()
    for s in (sender, fresh):
        stack.say(s, "quelles sont les missions ?")
    with sqlite3.connect(stack.db_path) as db:
        def history(s):
            return [r[0] for r in db.execute("SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", (s,))]
        assert history(sender) == history(fresh)
