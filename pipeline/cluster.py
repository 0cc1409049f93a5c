"""A private PostgreSQL cluster under .data/ for development and tests, used when DATABASE_URL is not set."""
from __future__ import annotations

import glob
import hashlib
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SOCKET_PATH_LIMIT = 100  # Unix socket paths are capped at 107 bytes; leave room for ".s.PGSQL.NNNNN".


class ClusterError(RuntimeError):
    """The private cluster cannot be started; the message says how to get a server."""


NO_SERVER = (
    "No PostgreSQL server available: DATABASE_URL is not set and no PostgreSQL server binaries "
    "(initdb, pg_ctl) were found. Either install them (Debian/Ubuntu: `apt-get install postgresql`) "
    "or start a server with `docker compose up -d postgres` and set "
    "DATABASE_URL=postgresql://user:password@host:port/dbname."
)


def find_bin_dir() -> Path:
    """Directory holding initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/NN/bin."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parent.parent.name))
    if candidates:
        return Path(candidates[-1]).parent
    raise ClusterError(NO_SERVER)


@dataclass
class Cluster:
    """Paths and settings of the private cluster rooted at `<data_dir>/pg`."""

    data_dir: Path

    @property
    def link(self) -> Path:
        return self.data_dir / "pg"

    @property
    def root(self) -> Path:
        return self.link.resolve() if self.link.exists() else self.link

    @property
    def pgdata(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "run"

    @property
    def url_file(self) -> Path:
        return self.root / "url"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self) -> str | None:
        """Server URL (no database name) of a cluster that has been started once, else None."""
        return self.url_file.read_text().strip() if self.url_file.exists() else None


def _as_root() -> bool:
    return os.geteuid() == 0


def _run_as_owner(args: list[str], **kw) -> subprocess.CompletedProcess:
    """Run a server binary as `postgres` when we are root (initdb and pg_ctl refuse root)."""
    if _as_root():
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw)


def _postgres_can_enter(path: Path) -> bool:
    if not _as_root():
        return True
    probe = subprocess.run(["runuser", "-u", "postgres", "--", "test", "-w", str(path)], capture_output=True)
    return probe.returncode == 0


def _choose_root(data_dir: Path) -> Path:
    """Keep the cluster under .data/pg unless `postgres` cannot enter it or socket paths would be too long."""
    inside = data_dir / "pg"
    too_long = len(str(inside / "run" / ".s.PGSQL.65535")) > SOCKET_PATH_LIMIT
    data_dir.mkdir(parents=True, exist_ok=True)
    if _as_root():
        # Try making the in-tree folder ours-for-postgres; fall back to the temp dir when the path is closed to it.
        inside.mkdir(exist_ok=True)
        shutil.chown(inside, "postgres", "postgres")
    if not too_long and _postgres_can_enter(inside):
        return inside
    if inside.is_dir() and not inside.is_symlink() and not any(inside.iterdir()):
        inside.rmdir()
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    outside = Path(tempfile.gettempdir()) / f"news-pg-{digest}"
    outside.mkdir(mode=0o700, exist_ok=True)
    if _as_root():
        shutil.chown(outside, "postgres", "postgres")
    if not inside.exists():
        inside.symlink_to(outside)
    return outside


def free_port(preferred: int) -> int:
    """`preferred` when it is free on 127.0.0.1, else any free port."""
    for port in (preferred, 0):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise ClusterError("no free TCP port on 127.0.0.1")


def _chown(path: Path) -> None:
    if _as_root():
        shutil.chown(path, "postgres", "postgres")


def is_running(cluster: Cluster, bin_dir: Path | None = None) -> bool:
    if not (cluster.pgdata / "postmaster.pid").exists():
        return False
    bin_dir = bin_dir or find_bin_dir()
    try:
        _run_as_owner([str(bin_dir / "pg_ctl"), "-D", str(cluster.pgdata), "status"])
        return True
    except subprocess.CalledProcessError:
        return False


def start(data_dir: Path) -> str:
    """Start (or reuse) the private cluster and return its server URL."""
    bin_dir = find_bin_dir()
    cluster = Cluster(data_dir)
    if cluster.link.exists() and is_running(cluster, bin_dir) and cluster.url():
        return cluster.url()  # type: ignore[return-value]
    root = _choose_root(data_dir)
    cluster = Cluster(data_dir)
    password_file = root / "password"
    if not (cluster.pgdata / "PG_VERSION").exists():
        password = secrets.token_urlsafe(24)
        password_file.write_text(password)
        password_file.chmod(0o600)
        _chown(password_file)
        _run_as_owner([
            str(bin_dir / "initdb"), "-D", str(cluster.pgdata), "-U", "postgres", "-E", "UTF8",
            "--locale=C.UTF-8", "-A", "scram-sha-256", f"--pwfile={password_file}",
        ])
    password = password_file.read_text().strip()
    cluster.socket_dir.mkdir(exist_ok=True)
    _chown(cluster.socket_dir)
    port = free_port(54329)
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={cluster.socket_dir} "
        "-c max_connections=100 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=off"
    )
    if _as_root():
        cluster.log_file.touch()
        _chown(cluster.log_file)
    _run_as_owner([
        str(bin_dir / "pg_ctl"), "-D", str(cluster.pgdata), "-l", str(cluster.log_file),
        "-o", options, "-w", "-t", "60", "start",
    ])
    url = f"postgresql://postgres:{password}@127.0.0.1:{port}"
    cluster.url_file.write_text(url + "\n")
    cluster.url_file.chmod(0o600)
    return url


def stop(data_dir: Path) -> bool:
    """Stop the private cluster if it runs; True when it was running."""
    cluster = Cluster(data_dir)
    if not cluster.link.exists():
        return False
    bin_dir = find_bin_dir()
    if not is_running(cluster, bin_dir):
        return False
    _run_as_owner([str(bin_dir / "pg_ctl"), "-D", str(cluster.pgdata), "-m", "fast", "-w", "stop"])
    return True
