"""A throw-away redis-server with deploy/redis/assistant-verrous.conf (the lock store of deploy/),
on a free loopback port, with a password and a directory of its own."""
import os
import secrets
import shutil
import subprocess
import time
from pathlib import Path

from stack.env import ROOT
from stack.processes import free_port, stop_process


def require(program: str, package: str) -> str:
    """The path of a Debian program the harness needs, or a French message saying how to install it."""
    path = shutil.which(program) or next((p for p in (f"/usr/sbin/{program}", f"/usr/bin/{program}")
                                          if os.path.exists(p)), None)
    if not path:
        raise RuntimeError(f"{program} est introuvable : lancez scripts/system_deps.sh (apt-get install {package}).")
    return path


class Redis:
    def __init__(self, tmp: Path):
        self.exe = require("redis-server", "redis-server")
        self.port = free_port()
        self.password = secrets.token_hex(16)
        self.dir = Path(tmp) / "redis"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.conf = self.dir / "redis.conf"
        self.conf.write_text((ROOT / "deploy" / "redis" / "assistant-verrous.conf").read_text() + (
            f"\n# test: later directives win\nbind 127.0.0.1\nport {self.port}\nrequirepass {self.password}\n"
            f"dir {self.dir}\nlogfile {self.dir / 'redis.log'}\ndaemonize no\n"))
        self.process = None

    def client(self):
        import redis
        return redis.Redis(host="127.0.0.1", port=self.port, password=self.password, socket_timeout=2)

    def start(self) -> "Redis":
        import redis
        self.process = subprocess.Popen([self.exe, str(self.conf)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.STDOUT)
        client = self.client()
        deadline = time.time() + 30
        while True:
            try:
                client.ping()
                return self
            except redis.exceptions.RedisError:
                if self.process.poll() is not None or time.time() > deadline:
                    log = self.dir / "redis.log"
                    raise RuntimeError("Redis n'a pas démarré :\n" + (log.read_text()[-2000:] if log.exists() else ""))
                time.sleep(0.2)

    def env(self) -> dict:
        """What Rasa reads to use it as its lock store (deploy/endpoints.yml)."""
        return {"REDIS_HOST": "127.0.0.1", "REDIS_PORT": self.port, "REDIS_PASSWORD": self.password,
                "REDIS_DB": 1}

    def commands(self) -> int:
        return self.client().info("stats")["total_commands_processed"]

    def stop(self) -> None:
        stop_process(self.process)
