"""The console's settings, all from the environment (defaults: scripts/defaults.sh and .env.example)."""
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Tuple

from loading.paths import ROOT, tracker_store_url


def _flag(name: str, default: str = "0") -> bool:
    return (os.environ.get(name) or default).strip().lower() in ("1", "true", "yes", "oui")


@dataclass(frozen=True)
class Smtp:
    host: str = ""
    port: int = 25
    user: str = ""
    password: str = field(default="", repr=False)
    starttls: bool = False
    sender: str = "assistant-orientation@localhost"

    @property
    def enabled(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True)
class Settings:
    database_url: str
    host: str = "127.0.0.1"
    port: int = 8090
    # Secure cookies: on when the console is served over HTTPS (behind nginx, deploy/nginx).
    https: bool = False
    # Where the console is reached (links in the counsellor's notice) and where students chat
    # (the link in the student's notice: the conversation page, on the same device).
    public_url: str = "http://127.0.0.1:8090"
    chat_url: str = "http://localhost:8080/chat"
    # Pages allowed to call the student routes from a browser (the widget's pages, like RASA_CORS_ORIGINS).
    cors_origins: Tuple[str, ...] = ()
    notify_to: Optional[str] = None    # the counsellors' address; default: the email of contact.yml
    smtp: Smtp = Smtp()
    session_hours: float = 8.0
    # Reverse proxies in front of the console (nginx: 1). Only then are X-Forwarded-For (the address the
    # login limit counts) and X-Forwarded-Proto (Secure cookies) believed; 0: a direct connection.
    proxies: int = 0
    # The project the review queue writes into (data/nlu/) and checks (python -m trainer.check):
    # CONSOLE_PROJECT_DIR, the repository itself by default; the tests give a temporary copy.
    project_dir: Path = ROOT


def from_environment() -> Settings:
    public = os.environ.get("CONSOLE_PUBLIC_URL") or f"http://127.0.0.1:{os.environ.get('CONSOLE_PORT') or 8090}"
    origins = os.environ.get("CONSOLE_CORS_ORIGINS") or os.environ.get("RASA_CORS_ORIGINS") or \
        "http://localhost:8080 http://127.0.0.1:8080"
    return Settings(
        database_url=tracker_store_url(),
        host=os.environ.get("CONSOLE_HOST") or "127.0.0.1",
        port=int(os.environ.get("CONSOLE_PORT") or 8090),
        https=_flag("CONSOLE_HTTPS") or public.startswith("https://"),
        public_url=public.rstrip("/"),
        chat_url=os.environ.get("CONSOLE_CHAT_URL") or
        f"http://localhost:{os.environ.get('WIDGET_PORT') or 8080}/chat",
        cors_origins=tuple(o.rstrip("/") for o in origins.split() if o),
        notify_to=os.environ.get("CONSOLE_NOTIFY_TO") or None,
        smtp=Smtp(host=os.environ.get("SMTP_HOST") or "", port=int(os.environ.get("SMTP_PORT") or 25),
                  user=os.environ.get("SMTP_USER") or "", password=os.environ.get("SMTP_PASSWORD") or "",
                  starttls=_flag("SMTP_STARTTLS"),
                  sender=os.environ.get("SMTP_FROM") or "assistant-orientation@localhost"),
        session_hours=float(os.environ.get("CONSOLE_SESSION_HOURS") or 8),
        proxies=int(os.environ.get("CONSOLE_PROXIES") or 0),
        project_dir=Path(os.environ.get("CONSOLE_PROJECT_DIR") or ROOT).resolve(),
    )
