"""Finding a PostgreSQL server: DATABASE_URL wins; without it and without server binaries, a clear way out."""
from __future__ import annotations

import pytest

from pipeline import cluster, settings


def test_database_url_is_used_as_is_and_nothing_is_started(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u:p@db.example:5433/postgres")
    monkeypatch.delenv("NEWS_DATABASE_URL", raising=False)
    monkeypatch.delenv("NEWS_AIRFLOW_DB", raising=False)  # the DAG tests point Airflow at airflow_test
    monkeypatch.setattr(cluster, "start", lambda *_: pytest.fail("must not start a private cluster"))
    assert settings.news_db_url() == "postgresql://u:p@db.example:5433/news"
    assert settings.airflow_db_url() == "postgresql+psycopg://u:p@db.example:5433/airflow"


def test_no_binaries_names_both_ways_out(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(cluster.glob, "glob", lambda pattern: [])
    with pytest.raises(cluster.ClusterError) as err:
        cluster.find_bin_dir()
    message = str(err.value)
    assert "apt-get install postgresql" in message and "DATABASE_URL" in message and "docker compose" in message


def test_debian_versioned_folder_is_found_without_path(monkeypatch, tmp_path):
    for version in ("13", "15"):
        (tmp_path / version / "bin").mkdir(parents=True)
        (tmp_path / version / "bin" / "pg_ctl").touch()
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(cluster.glob, "glob", lambda pattern: [str(tmp_path / v / "bin" / "pg_ctl") for v in ("13", "15")])
    found = cluster.find_bin_dir()
    assert found == tmp_path / "15" / "bin"


def test_socket_paths_that_would_be_too_long_move_to_the_temp_dir(tmp_path):
    deep = tmp_path / ("x" * 60) / ("y" * 60)
    root = cluster._choose_root(deep)
    try:
        assert len(str(root / "run" / ".s.PGSQL.65535")) <= cluster.SOCKET_PATH_LIMIT + 1
        assert (deep / "pg").is_symlink() and (deep / "pg").resolve() == root
    finally:
        root.rmdir()
