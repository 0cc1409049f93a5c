"""docker-compose.yml is valid Compose and every file or folder it refers to exists (no Docker engine here)."""
from __future__ import annotations

import json

import jsonschema
import yaml

from tests.conftest import ROOT, TEST_DATA

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SCHEMA = json.loads((TEST_DATA / "compose" / "compose_spec.json").read_text(encoding="utf-8"))


def test_compose_file_matches_the_compose_specification():
    jsonschema.Draft201909Validator(SCHEMA).validate(COMPOSE)


def test_build_contexts_and_bind_mounts_exist():
    for name, service in COMPOSE["services"].items():
        build = service.get("build")
        if build:
            context = ROOT / (build if isinstance(build, str) else build.get("context", "."))
            assert context.is_dir(), name
            dockerfile = context / ("Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile"))
            assert dockerfile.is_file(), name
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith((".", "/")):
                assert (ROOT / source).exists(), f"{name}: {source}"
            else:
                assert source in COMPOSE["volumes"], f"{name}: named volume {source} not declared"


def test_dockerfile_copies_only_existing_paths_and_uses_the_locked_airflow():
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    assert lines[[i for i, l in enumerate(lines) if l.startswith("FROM")][0]].strip() == "FROM apache/airflow:3.3.2"
    assert "apache-airflow==3.3.2" in (ROOT / "requirements.lock").read_text()
    for line in lines:
        if line.startswith("COPY"):
            for source in [p for p in line.split()[1:-1] if not p.startswith("--")]:
                assert (ROOT / source).exists(), source


def test_services_wait_for_healthy_dependencies_and_the_scale_profile_adds_workers():
    services = COMPOSE["services"]
    for name in ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer"):
        assert "healthcheck" in services[name], name
        assert services[name]["depends_on"]["airflow-init"]["condition"] == "service_completed_successfully"
    assert services["airflow-init"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["airflow-worker"]["profiles"] == ["scale"] and services["redis"]["profiles"] == ["scale"]
    assert services["airflow-worker"]["deploy"]["replicas"] == 2


def test_no_secret_is_committed_in_the_compose_file():
    text = (ROOT / "docker-compose.yml").read_text()
    assert "POSTGRES_PASSWORD:?" in text and "AIRFLOW_JWT_SECRET:?" in text
