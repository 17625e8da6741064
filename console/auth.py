"""Console accounts: two roles, Argon2 password hashes, server-side sessions and a login rate limit.

The session cookie holds a random token; the database keeps only its SHA-256, with the account, the
form token (console/csrf.py) and an expiry. Logging out deletes the row.
"""
import functools
import hashlib
import re
import secrets
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Deque, Dict, Optional, Set, Tuple

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from console import db

ROLES = ("conseiller", "formateur")
ROLE_NAMES = {"conseiller": "conseiller ou conseillère", "formateur": "formateur ou formatrice"}
LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 12
MAX_PASSWORD = 256
_hasher = PasswordHasher()   # argon2id, the library's recommended parameters
# Checked against when the login does not exist, so a wrong login takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A French sentence saying what is wrong and how to fix it."""


@dataclass(frozen=True)
class Session:
    login: str
    role: str
    csrf: str


def create_account(engine, login: str, role: str, password: str) -> None:
    if not LOGIN_PATTERN.match(login or ""):
        raise AccountError(f"Identifiant « {login} » refusé : 2 à 64 caractères, minuscules, chiffres, « . », "
                           "« _ » ou « - » (par exemple LOGIN=c.martin).")
    if role not in ROLES:
        raise AccountError(f"Rôle « {role} » inconnu : ROLE=conseiller ou ROLE=formateur.")
    problem = password_problem(password, login)
    if problem:
        raise AccountError(problem)
    values = dict(role=role, password_hash=_hasher.hash(password), created_at=time.time())
    with engine.begin() as conn:
        if conn.execute(sa.select(db.accounts.c.login).where(db.accounts.c.login == login)).first():
            conn.execute(db.accounts.update().where(db.accounts.c.login == login).values(**values))
            # A new password closes the account's open sessions.
            conn.execute(db.sessions.delete().where(db.sessions.c.login == login))
        else:
            conn.execute(db.accounts.insert().values(login=login, **values))


@functools.lru_cache(maxsize=1)
def common_passwords() -> frozenset:
    """The 30,000 most common passwords of the zxcvbn package (its « passwords » frequency list)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS
    return frozenset(FREQUENCY_LISTS["passwords"])


_AROUND = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def password_problem(password: Optional[str], login: str = "") -> Optional[str]:
    """What is wrong with a new password, in French; None when it may be used. No composition rule
    (ASVS 2.1.9): a length, and no common or guessable password (ASVS 2.1.7)."""
    password = password or ""
    if len(password) < MIN_PASSWORD:
        return f"Mot de passe trop court : au moins {MIN_PASSWORD} caractères (une phrase courte convient)."
    if len(password) > MAX_PASSWORD:
        return f"Mot de passe trop long : {MAX_PASSWORD} caractères au plus."
    lowered = password.lower()
    core = _AROUND.sub("", lowered)   # « password1234 », « !!soleil2024 » : the word inside
    if (lowered in common_passwords() or core in common_passwords() or len(set(lowered)) < 5
            or (login and login.lower() in lowered)):
        return ("Mot de passe trop courant ou trop facile à deviner (il figure parmi les mots de passe les plus "
                "utilisés, répète quelques caractères ou contient l'identifiant). Choisissez-en un autre, par "
                "exemple quelques mots sans rapport entre eux.")
    return None


def change_password(engine, login: str, current: str, new: str, new_again: str, keep_token: Optional[str]) -> None:
    """A counsellor's own change: the current password, then the new one twice. Every other session of the
    account is closed; the one in use (keep_token) stays open."""
    if check_password(engine, login, current or "") is None:
        raise AccountError("Le mot de passe actuel est incorrect : rien n'a été changé.")
    if new != new_again:
        raise AccountError("Les deux nouveaux mots de passe diffèrent : rien n'a été changé.")
    if new == current:
        raise AccountError("Le nouveau mot de passe est celui d'aujourd'hui : choisissez-en un autre.")
    problem = password_problem(new, login)
    if problem:
        raise AccountError(problem)
    with engine.begin() as conn:
        conn.execute(db.accounts.update().where(db.accounts.c.login == login)
                     .values(password_hash=_hasher.hash(new)))
        others = db.sessions.delete().where(db.sessions.c.login == login)
        if keep_token:
            others = others.where(db.sessions.c.token_hash != _digest(keep_token))
        conn.execute(others)


def account_exists(engine, login: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(sa.select(db.accounts.c.login).where(db.accounts.c.login == login)).first() is not None


def check_password(engine, login: str, password: str) -> Optional[str]:
    """The account's role when the password is right, else None."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(db.accounts.c.password_hash, db.accounts.c.role)
                           .where(db.accounts.c.login == login)).first()
    try:
        _hasher.verify(row[0] if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return row[1] if row else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(engine, login: str, hours: float) -> str:
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(db.sessions.delete().where(db.sessions.c.expires_at < time.time()))
        conn.execute(db.sessions.insert().values(token_hash=_digest(token), login=login,
                                                 csrf=secrets.token_urlsafe(32),
                                                 expires_at=time.time() + hours * 3600))
    return token


def session_for(engine, token: Optional[str]) -> Optional[Session]:
    if not token:
        return None
    query = (sa.select(db.sessions.c.login, db.accounts.c.role, db.sessions.c.csrf)
             .join(db.accounts, db.accounts.c.login == db.sessions.c.login)
             .where(db.sessions.c.token_hash == _digest(token), db.sessions.c.expires_at > time.time()))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return Session(*row) if row else None


def close_session(engine, token: Optional[str]) -> None:
    if token:
        with engine.begin() as conn:
            conn.execute(db.sessions.delete().where(db.sessions.c.token_hash == _digest(token)))


class LoginLimiter:
    """At most `attempts` failed logins per account and per address within `window` seconds."""

    MAX_KEYS = 10_000

    def __init__(self, attempts: int = 5, window: float = 900.0):
        self.attempts, self.window = attempts, window
        self.failures: Dict[str, Deque[float]] = defaultdict(deque)

    def _recent(self, key: str, now: float) -> Deque[float]:
        times = self.failures[key]
        while times and times[0] < now - self.window:
            times.popleft()
        return times

    def blocked(self, login: str, address: str) -> bool:
        now = time.time()
        return any(len(self._recent(k, now)) >= self.attempts for k in (f"login:{login}", f"ip:{address}"))

    def failed(self, login: str, address: str) -> None:
        now = time.time()
        if len(self.failures) > self.MAX_KEYS:   # many made-up logins: forget those with no recent failure
            for key in [k for k in self.failures if not self._recent(k, now)]:
                del self.failures[key]
        for key in (f"login:{login}", f"ip:{address}"):
            self._recent(key, now).append(now)

    def succeeded(self, login: str) -> None:
        self.failures.pop(f"login:{login}", None)


class LoginThrottle:
    """Sign-in attempts, against guessing without letting anyone lock a counsellor out (ASVS 2.2.1).

    - Per account and address: the first `free` failures cost nothing; then each new attempt from that
      address on that account waits a delay that doubles after each failure (1 s, 2 s, 4 s... up to
      `cap`). The right password from another address is never delayed by them.
    - Per address, whatever the account (password spraying): the same, after `address_free` failures.
    - Per account, from all addresses: at most `account_cap` failures per `window` (ASVS: 100 an hour);
      beyond, only the addresses that already signed in to that account may try until the oldest
      failure leaves the window.
    An address that signed in to an account (a counsellor's usual place) is spared the last two.
    Kept in memory: a restart of the console forgets it."""

    MAX_KEYS = 10_000

    def __init__(self, free: int = 5, base: float = 1.0, cap: float = 900.0, address_free: int = 20,
                 account_cap: int = 100, window: float = 3600.0):
        self.free, self.base, self.cap, self.address_free = free, base, cap, address_free
        self.account_cap, self.window = account_cap, window
        self.failures: Dict[str, Deque[float]] = defaultdict(deque)
        self.known: Set[Tuple[str, str]] = set()

    def _recent(self, key: str, now: float) -> Deque[float]:
        times = self.failures[key]
        while times and times[0] < now - self.window:
            times.popleft()
        return times

    def _delay(self, times: Deque[float], free: int, now: float) -> float:
        if len(times) < free:
            return 0.0
        return max(0.0, times[-1] + min(self.cap, self.base * 2 ** (len(times) - free)) - now)

    def wait(self, login: str, address: str) -> float:
        """Seconds before this address may try this account again; 0: now."""
        now = time.time()
        waits = [self._delay(self._recent(f"pair:{login}\n{address}", now), self.free, now)]
        if (login, address) not in self.known:
            waits.append(self._delay(self._recent(f"ip:{address}", now), self.address_free, now))
            account = self._recent(f"login:{login}", now)
            if len(account) >= self.account_cap:
                waits.append(max(0.0, account[0] + self.window - now))
        return max(waits)

    def failed(self, login: str, address: str) -> None:
        now = time.time()
        if len(self.failures) > self.MAX_KEYS:   # many made-up logins: forget those with no recent failure
            for key in [k for k in self.failures if not self._recent(k, now)]:
                del self.failures[key]
        for key in (f"pair:{login}\n{address}", f"ip:{address}", f"login:{login}"):
            self._recent(key, now).append(now)

    def succeeded(self, login: str, address: str) -> None:
        self.failures.pop(f"pair:{login}\n{address}", None)
        if len(self.known) > self.MAX_KEYS:
            self.known.clear()
        self.known.add((login, address))


def wait_in_french(seconds: float) -> str:
    seconds = max(1, int(seconds + 0.999))
    if seconds < 60:
        return f"{seconds} seconde{'s' if seconds > 1 else ''}"
    minutes = (seconds + 59) // 60
    return f"{minutes} minute{'s' if minutes > 1 else ''}"
