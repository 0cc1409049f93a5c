"""Where things live and which servers to use, from the environment with project defaults."""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NEWS_DB = "news"
AIRFLOW_DB = "airflow"


def data_dir() -> Path:
    """Runtime state (cluster, Airflow home, inbox): `NEWS_DATA_DIR`, default `.data/` in the project."""
    return Path(os.environ.get("NEWS_DATA_DIR", PROJECT_ROOT / ".data")).resolve()


def inbox_dir() -> Path:
    return Path(os.environ.get("NEWS_INBOX_DIR", data_dir() / "inbox")).resolve()


def with_database(server_url: str, database: str, driver: str | None = None) -> str:
    """The same server URL pointing at another database (and optionally a SQLAlchemy driver scheme)."""
    parts = urlsplit(server_url)
    scheme = parts.scheme.split("+")[0]
    if scheme == "postgres":
        scheme = "postgresql"
    if driver:
        scheme = f"{scheme}+{driver}"
    return urlunsplit((scheme, parts.netloc, "/" + database, parts.query, ""))


def server_url() -> str:
    """The PostgreSQL server: `DATABASE_URL` when set, else the private cluster (started on demand)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    from pipeline import cluster

    return cluster.start(data_dir())


def news_db_url() -> str:
    """URL of the pipeline database: `NEWS_DATABASE_URL`, else the `news` database on the server."""
    return os.environ.get("NEWS_DATABASE_URL") or with_database(server_url(), NEWS_DB)


def airflow_db_url() -> str:
    """Airflow's metadata database (`NEWS_AIRFLOW_DB`, default `airflow`) on the same server, via psycopg 3."""
    return with_database(server_url(), os.environ.get("NEWS_AIRFLOW_DB", AIRFLOW_DB), driver="psycopg")


def airflow_home() -> Path:
    return Path(os.environ.get("NEWS_AIRFLOW_HOME", data_dir() / "airflow")).resolve()


def _persistent_secret(name: str, nbytes: int) -> str:
    path = airflow_home() / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(nbytes))
        path.chmod(0o600)
    return path.read_text().strip()


def _passwords_file(home: Path) -> Path:
    """The simple auth manager's passwords file, with a generated admin password (never committed)."""
    path = home / "simple_auth_manager_passwords.json"
    if not path.exists():
        path.write_text('{"admin": "%s"}' % secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path


def airflow_env() -> dict[str, str]:
    """Environment for every Airflow process of this project; set by the project, never by the user."""
    home = airflow_home()
    home.mkdir(parents=True, exist_ok=True)
    news = news_db_url()
    conn = urlsplit(news)
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__CORE__PARALLELISM": "4",
        "AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG": "2",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": airflow_db_url(),
        "AIRFLOW__API_AUTH__JWT_SECRET": _persistent_secret("jwt_secret", 32),  # 64 hex chars
        "AIRFLOW__API__SECRET_KEY": _persistent_secret("api_secret", 16),
        "AIRFLOW__CORE__FERNET_KEY": "",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": os.environ.get("AIRFLOW__LOGGING__LOGGING_LEVEL", "WARNING"),
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(_passwords_file(home)),
        "AIRFLOW_CONN_NEWS_DB": urlunsplit(("postgresql", conn.netloc, conn.path, conn.query, "")),
        "NEWS_DATA_DIR": str(data_dir()),
        "NEWS_INBOX_DIR": str(inbox_dir()),
        "NEWS_DATABASE_URL": news,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")])),
    }
