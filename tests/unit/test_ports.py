"""Custom ports: with RASA_PORT, WIDGET_PORT and CONSOLE_PORT set, what make run starts follows them
(scripts/defaults.sh): Rasa's CORS allows the demo page's port, the demo page and the full-page chat
talk to Rasa's port, the widget finds the console's. End to end: tests/stack/test_run_start.py."""
import subprocess
import sys

from tests.support.helpers import ROOT, project_env

sys.path.insert(0, str(ROOT / "widget"))
import serve  # noqa: E402 - widget/serve.py, started by path in make run


def defaults(**ports) -> dict:
    env = project_env()
    for name in ("RASA_PORT", "WIDGET_PORT", "CONSOLE_PORT", "RASA_CORS_ORIGINS", "WIDGET_SERVER_URL",
                 "CONSOLE_PUBLIC_URL"):
        env.pop(name, None)
    env.update({name: str(value) for name, value in ports.items()})
    out = subprocess.run(["bash", "-c", "source scripts/defaults.sh && env"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)


def test_the_chosen_ports_are_followed_by_cors_the_demo_page_and_the_console():
    env = defaults(RASA_PORT=6105, WIDGET_PORT=9180, CONSOLE_PORT=9190)
    assert env["RASA_CORS_ORIGINS"].split() == ["http://localhost:9180", "http://127.0.0.1:9180"]
    assert env["WIDGET_SERVER_URL"] == "http://localhost:6105"
    assert env["CONSOLE_PUBLIC_URL"] == "http://127.0.0.1:9190"


def test_the_default_ports_are_unchanged():
    env = defaults()
    assert env["RASA_CORS_ORIGINS"].split() == ["http://localhost:8080", "http://127.0.0.1:8080"]
    assert env["WIDGET_SERVER_URL"] == "http://localhost:5005"


def test_an_origin_the_school_writes_is_kept():
    env = defaults(WIDGET_PORT=9180, RASA_CORS_ORIGINS="https://www.ecole.example")
    assert env["RASA_CORS_ORIGINS"] == "https://www.ecole.example"


def test_the_demo_page_talks_to_the_rasa_server_it_was_started_for():
    page = serve.demo_page("http://localhost:6105").decode("utf-8")
    assert 'data-server="http://localhost:6105"' in page and "5005" not in page
    assert serve.demo_page("http://localhost:5005") == (serve.DEMO_DIR / "index.html").read_bytes()
