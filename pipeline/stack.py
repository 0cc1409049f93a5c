"""The local Airflow stack: api-server, scheduler, dag-processor and triggerer as background processes.

`make up` starts them against the private PostgreSQL with settings that fit 2 cores, waits until the
health endpoint reports every component with a fresh heartbeat, and prints the UI address and login.
`make down` stops exactly the processes it started (pid files; TERM, then KILL after a timeout).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pipeline import settings
from pipeline.cluster import free_port

COMPONENTS = ("api-server", "scheduler", "dag-processor", "triggerer")
HEALTH_KEYS = {"scheduler": "latest_scheduler_heartbeat", "triggerer": "latest_triggerer_heartbeat",
               "dag_processor": "latest_dag_processor_heartbeat"}
ADMIN_USER = "admin"


@dataclass
class Stack:
    home: Path

    @property
    def run_dir(self) -> Path:
        return self.home / "run"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs" / "components"

    @property
    def port_file(self) -> Path:
        return self.run_dir / "port"

    def pid_file(self, component: str) -> Path:
        return self.run_dir / f"{component}.pid"

    def log_file(self, component: str) -> Path:
        return self.log_dir / f"{component}.log"

    def port(self) -> int | None:
        return int(self.port_file.read_text()) if self.port_file.exists() else None

    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port()}"


def current() -> Stack:
    return Stack(settings.airflow_home())


def _alive(pid: int) -> bool:
    """True while the process runs; a zombie counts as gone (and is reaped when it is our child)."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    try:
        with open(f"/proc/{pid}/stat") as stat:
            if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                return False
    except (FileNotFoundError, IndexError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_pids(stack: Stack) -> dict[str, int]:
    pids = {}
    for component in COMPONENTS:
        path = stack.pid_file(component)
        if path.exists():
            pid = int(path.read_text())
            if _alive(pid):
                pids[component] = pid
    return pids


def admin_password() -> str:
    """The generated admin password from the simple auth manager's passwords file."""
    env = settings.airflow_env()
    return json.loads(Path(env["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"]).read_text())[ADMIN_USER]


def stack_env(port: int) -> dict[str, str]:
    """Environment shared by every component: one api worker, DAG folder rescans every few seconds."""
    base = f"http://127.0.0.1:{port}"
    return {
        **os.environ,
        **settings.airflow_env(),
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__API__WORKERS": "1",
        "AIRFLOW__API__BASE_URL": base,
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{base}/execution/",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "5",
        "AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES": "1",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
        "AIRFLOW__TRIGGERER__CAPACITY": "50",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{ADMIN_USER}:admin",
    }


def health(stack: Stack) -> dict | None:
    try:
        with urllib.request.urlopen(f"{stack.base_url()}/api/v2/monitor/health", timeout=3) as resp:
            return json.loads(resp.read())
    except (OSError, ValueError):
        return None


def healthy(report: dict | None, max_age_s: float = 60) -> bool:
    """Every component healthy with a heartbeat younger than `max_age_s`."""
    if not report or report.get("metadatabase", {}).get("status") != "healthy":
        return False
    now = datetime.now(timezone.utc)
    for key, beat_key in HEALTH_KEYS.items():
        part = report.get(key) or {}
        beat = part.get(beat_key)
        if part.get("status") != "healthy" or not beat:
            return False
        if (now - datetime.fromisoformat(beat.replace("Z", "+00:00"))).total_seconds() > max_age_s:
            return False
    return True


def up(timeout_s: float = 240) -> Stack:
    """Start the components not already running and wait until all are healthy."""
    from pipeline import airflow_cli, db

    db.setup()
    airflow_cli.migrate()
    stack = current()
    stack.run_dir.mkdir(parents=True, exist_ok=True)
    stack.log_dir.mkdir(parents=True, exist_ok=True)
    pids = running_pids(stack)
    if not pids or stack.port() is None:
        stack.port_file.write_text(str(free_port(8080)))
    env = stack_env(stack.port())  # type: ignore[arg-type]
    airflow = str(Path(sys.executable).with_name("airflow"))
    for component in COMPONENTS:
        if component in pids:
            continue
        args = [airflow, component] + (["--port", str(stack.port())] if component == "api-server" else [])
        with stack.log_file(component).open("ab") as log:
            proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        stack.pid_file(component).write_text(str(proc.pid))
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if healthy(health(stack)):
            return stack
        dead = [c for c in COMPONENTS if c not in running_pids(stack)]
        if dead:
            raise RuntimeError(f"{', '.join(dead)} exited; see {stack.log_dir}")
        time.sleep(2)
    raise RuntimeError(f"the stack did not become healthy within {timeout_s:.0f}s; see {stack.log_dir}")


def down(timeout_s: float = 20) -> list[str]:
    """Stop the components this project started: TERM every process group, KILL what is left after a timeout."""
    stack = current()
    pids = running_pids(stack)
    for pid in pids.values():
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + timeout_s
    while any(_alive(pid) for pid in pids.values()) and time.monotonic() < deadline:
        time.sleep(0.2)
    for component, pid in pids.items():
        if _alive(pid):
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        stack.pid_file(component).unlink(missing_ok=True)
    return list(pids)
