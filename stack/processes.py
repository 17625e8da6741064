"""Processes of the harness: a free loopback port, waiting until a server answers, stopping a process,
which addresses listen on a port."""
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional


def free_port() -> int:
    return free_ports(1)[0]


def free_ports(count: int) -> list:
    """`count` distinct free loopback ports: every socket stays bound until all are chosen, so the system
    cannot give the same port twice."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 240) -> float:
    """Poll url until it answers (any HTTP status); the seconds it took. Fails with the end of the log."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"{url} s'est arrêté au démarrage :\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return time.perf_counter() - start
        except urllib.error.HTTPError:  # a 404 is an answer: the server is up
            return time.perf_counter() - start
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} n'a pas répondu en {timeout} s :\n{log.read_text()[-3000:]}")


def stop_process(process: Optional[subprocess.Popen], timeout: float = 30) -> None:
    """SIGTERM, then SIGKILL if it is still there after timeout seconds."""
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def listening_addresses(port: int) -> list:
    """Local addresses (hex, as in /proc/net/tcp) with a socket listening on port."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.append(address)
    return found
