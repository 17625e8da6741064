"""A throw-away PostgreSQL server from Debian's packages, on loopback, for the persistence tests."""
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


class Postgres:
    def __init__(self, port: int, password: str = None):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            raise RuntimeError("PostgreSQL est introuvable : lancez scripts/system_deps.sh (apt-get install postgresql).")
        self.bin = Path(bins[-1]).parent
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
        self.data = self.dir / "data"
        # Without a password: any local connection is trusted. With one: it is required (scram-sha-256).
        self.password = password
        self.url = f"postgresql://assistant{':' + password if password else ''}@127.0.0.1:{port}/assistant"

    def _run(self, *args) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        env = dict(os.environ, PGPASSWORD=self.password) if self.password else None
        subprocess.run(command, check=True, capture_output=True, timeout=120, env=env)

    def start(self) -> "Postgres":
        auth = ["--auth=trust"]
        if self.password:
            password_file = self.dir / "password"
            password_file.write_text(self.password + "\n")
            auth = ["--auth=scram-sha-256", f"--pwfile={password_file}"]
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            for path in [self.dir, *self.dir.iterdir()]:
                os.chown(path, user.pw_uid, user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "assistant", *auth, "-E", "UTF8")
        self.resume()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "assistant", "assistant")
        return self

    def pause(self) -> None:
        """The server stops, its data stays: a database restart or outage seen from Rasa."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "server.log"), "-w", "start", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
