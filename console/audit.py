"""Every console action, with the account that did it (SECURITY.md « La console »)."""
import time

from console import db


def log(engine, login: str, action: str, target: str = "") -> None:
    with engine.begin() as conn:
        conn.execute(db.audit.insert().values(at=time.time(), login=login, action=action, target=str(target)[:255]))


def recent(engine, limit: int = 200):
    with engine.connect() as conn:
        return conn.execute(db.audit.select().order_by(db.audit.c.id.desc()).limit(limit)).mappings().all()
