"""The container: Dockerfile, docker-compose.yml, and the image built and run with podman.

The file checks need nothing but PyYAML. The podman tests build the image once per module
from the Dockerfile on the debootstrap base that .ci/container-setup makes (no registry can
be reached here), then run `monitor check`, `monitor --help` and the service itself on a
bind-mounted SQLite archive and on a fresh database of the PostgreSQL server on
127.0.0.1:5432, stop it with SIGTERM and look at what it left in the archive. They skip,
saying why, when podman or the base image is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import time
import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from monitor.cli import cli
from monitor.config import load_config, parse_config

ROOT = Path(__file__).resolve().parent.parent
IMAGE = "localhost/monitor:test"
BASE_IMAGE = os.environ.get("MONITOR_TEST_BASE_IMAGE", "localhost/monitor-base:bookworm")
HOST_CA = Path("/etc/ssl/certs/ca-certificates.crt")
SHIPPED_SOURCES = [s["name"] for s in tomllib.loads((ROOT / "sources.toml").read_text())["sources"]]
UID = 10001  # the image's `monitor` user
TABLES = {"source", "article", "article_url", "story", "outbox", "seen_url"}


# --- docker-compose.yml and Dockerfile, read as files ------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    yaml = pytest.importorskip(
        "yaml", reason="PyYAML is not installed (it belongs in the test extra)"
    )
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert isinstance(data, dict)
    return data


def test_compose_has_the_monitor_postgres_and_mail_catcher(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"monitor", "postgres", "mailpit"}
    assert services["monitor"]["build"] == "."
    assert services["postgres"]["image"].startswith("postgres:16")
    assert services["mailpit"]["image"].startswith("axllent/mailpit")


def test_compose_monitor_keeps_its_storage_on_a_volume(compose: dict[str, Any]) -> None:
    monitor = compose["services"]["monitor"]
    assert "storage:/app/storage" in monitor["volumes"]
    assert "storage" in compose["volumes"]
    assert monitor["restart"] == "unless-stopped"
    assert "8080:8080" in monitor["ports"]
    assert monitor["env_file"] == [{"path": ".env", "required": False}]


def test_compose_monitor_waits_for_a_healthy_postgres_and_uses_it(
    compose: dict[str, Any],
) -> None:
    services = compose["services"]
    monitor = services["monitor"]
    assert monitor["depends_on"]["postgres"] == {"condition": "service_healthy"}
    assert "@postgres:5432/monitor" in monitor["environment"]["MONITOR_DATABASE_URL"]
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert "/healthz" in " ".join(monitor["healthcheck"]["test"])
    # longer than the 10 s the service waits for polls in flight after SIGTERM
    assert monitor["stop_grace_period"] == "30s"


def test_compose_mailpit_channel_example_is_a_valid_sources_toml_block() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    block = re.search(r"# --- mailpit channel ---\n(.*?)# --- end ---", text, re.S)
    assert block, "the commented channel block is missing"
    toml = "\n".join(line.removeprefix("#").removeprefix(" ") for line in block[1].splitlines())
    config = parse_config((ROOT / "sources.toml").read_text() + "\n" + toml)
    (channel,) = (c for c in config.channels if c.name == "mailpit")
    assert channel.type == "email"
    assert (channel.get("host"), channel.get("port"), channel.get("tls")) == (
        "mailpit",
        1025,
        "none",
    )
    assert [a.name for a in config.alerts if "mailpit" in a.channels] == ["try-email"]


def test_dockerfile_takes_its_base_image_as_a_build_argument() -> None:
    lines = [
        line.strip()
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines[0] == "ARG BASE_IMAGE=python:3.12-slim"
    froms = [line for line in lines if line.startswith("FROM ")]
    assert froms and all(line.split()[1] == "${BASE_IMAGE}" for line in froms)
    text = "\n".join(lines)
    assert 'CMD ["monitor", "run"]' in text
    assert "STOPSIGNAL SIGTERM" in text
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", text, re.M)
    assert "MONITOR_API_HOST=0.0.0.0" in text
    assert 'VOLUME ["/app/storage"]' in text
    assert "MONITOR_DATABASE_URL=sqlite:////app/storage/monitor.db" in text
    assert re.search(r"^USER (?!root|0\b)\w+", text, re.M)


def test_dockerignore_keeps_local_state_and_secrets_out_of_the_build() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".venv", ".env", "storage/*"} <= ignored


# --- the image, built and run with podman --------------------------------------------------


def _podman(
    *args: str, timeout: float = 120, check: bool = False
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["podman", *args], capture_output=True, text=True, timeout=timeout, check=check
    )


def _podman_unavailable_reason() -> str | None:
    if shutil.which("podman") is None:
        return "podman is not installed (.ci/container-setup installs it, as root)"
    try:
        info = _podman("info", "--format", "{{.Host.OCIRuntime.Name}}", timeout=60)
    except subprocess.TimeoutExpired:
        return "`podman info` did not answer within 60 s"
    if info.returncode != 0:
        return f"podman does not work here: {info.stderr.strip().splitlines()[-1:]}"
    if _podman("image", "exists", BASE_IMAGE).returncode != 0:
        return f"the base image {BASE_IMAGE} is missing (.ci/container-setup builds it)"
    return None


@pytest.fixture(scope="module")
def image() -> str:
    """localhost/monitor:test, built once per run; podman reuses the cached layers."""
    reason = _podman_unavailable_reason()
    if reason:
        pytest.skip(reason)
    args = [
        "build",
        "--format", "docker",  # keeps HEALTHCHECK (the OCI format drops it)
        "--network", "host",
        "--build-arg", f"BASE_IMAGE={BASE_IMAGE}",
        "--tag", IMAGE,
    ]  # fmt: skip
    if HOST_CA.is_file():  # pip inside the build needs the host's CA bundle here
        args += ["--secret", f"id=ca,src={HOST_CA}"]
    started = time.monotonic()
    built = _podman(*args, str(ROOT), timeout=1800)
    if built.returncode != 0:
        pytest.fail(f"podman build failed:\n{built.stdout[-3000:]}\n{built.stderr[-3000:]}")
    print(f"podman build: {time.monotonic() - started:.1f} s")
    return IMAGE


def _run(image: str, *command: str) -> subprocess.CompletedProcess[str]:
    return _podman("run", "--rm", "--network", "none", "--no-healthcheck", image, *command)


@pytest.mark.podman
def test_image_is_configured_to_run_the_service_as_a_non_root_user(image: str) -> None:
    inspected = _podman("image", "inspect", image, "--format", "json", check=True)
    (inspect,) = json.loads(inspected.stdout)
    config = inspect["Config"]
    assert config["Cmd"] == ["monitor", "run"]
    assert config["User"] == "monitor"
    assert config["StopSignal"] == "SIGTERM"
    # podman shows the Docker-format healthcheck beside Config, Docker inside it
    healthcheck = inspect.get("Healthcheck") or config.get("Healthcheck")
    assert "/healthz" in " ".join(healthcheck["Test"])
    assert "/app/storage" in config["Volumes"]
    assert config["WorkingDir"] == "/app"
    assert "MONITOR_DATABASE_URL=sqlite:////app/storage/monitor.db" in config["Env"]


@pytest.mark.podman
def test_image_check_validates_the_shipped_sources(image: str) -> None:
    result = _run(image, "monitor", "check")
    assert result.returncode == 0, result.stderr
    assert "/app/sources.toml: OK" in result.stdout
    assert f"sources:  {len(SHIPPED_SOURCES)} " in result.stdout
    for name in SHIPPED_SOURCES:
        assert name in result.stdout


@pytest.mark.podman
def test_image_help_lists_every_command(image: str) -> None:
    result = _run(image, "monitor", "--help")
    assert result.returncode == 0, result.stderr
    for name in cli.commands:
        assert re.search(rf"^\s+{re.escape(name)}\s", result.stdout, re.M), name


def _data_files(root: Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    }


LIST_DATA_FILES = """
import pathlib, monitor
root = pathlib.Path(monitor.__file__).parent
for p in sorted(root.rglob("*")):
    if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts:
        print(p.relative_to(root))
"""


@pytest.mark.podman
def test_image_holds_every_data_file_of_the_package(image: str) -> None:
    """Templates and static files reach a non-editable install only as package data."""
    result = _run(image, "python3", "-c", LIST_DATA_FILES)
    assert result.returncode == 0, result.stderr
    missing = _data_files(ROOT / "monitor") - set(result.stdout.split())
    assert not missing, (
        f"not in the installed package (declare them in pyproject.toml's "
        f"[tool.setuptools.package-data]): {sorted(missing)}"
    )


@pytest.fixture
def service_name() -> Iterator[str]:
    name = f"monitor-test-{uuid.uuid4().hex[:8]}"
    yield name
    _podman("rm", "--force", "--time", "0", name)


def _wait_for_polls(name: str, sources: list[str], timeout: float = 90) -> str:
    """The service's log once it has polled every source (each fails: no network)."""
    deadline = time.monotonic() + timeout
    logs = ""
    while time.monotonic() < deadline:
        result = _podman("logs", name)
        logs = result.stdout + result.stderr
        if all(f"polled {s}:" in logs for s in sources):
            return logs
        state = _podman("inspect", name, "--format", "{{.State.Running}}").stdout.strip()
        if state != "true":
            pytest.fail(f"the service exited early:\n{logs[-3000:]}")
        time.sleep(0.5)
    pytest.fail(f"no poll of every source within {timeout:.0f} s:\n{logs[-3000:]}")


def _outlet_hosts() -> set[str]:
    """Every host the shipped sources would fetch from."""
    hosts: set[str] = set()
    for source in load_config(ROOT / "sources.toml").sources:
        hosts.update(source.all_hosts)
        for url in (*source.feeds, *source.listings, *source.sitemaps):
            hosts.add(urlsplit(url).hostname or "")
    return hosts - {""}


def _tables_and_sources(database_url: str, storage: Path) -> tuple[set[str], dict[str, int]]:
    if database_url.startswith("sqlite"):
        db = storage / "monitor.db"
        assert db.is_file(), f"no archive at {db}: {sorted(storage.iterdir())}"
        with sqlite3.connect(db) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            failures = dict(conn.execute("SELECT name, consecutive_failures FROM source"))
        return tables, failures
    import psycopg

    with psycopg.connect(database_url.replace("postgresql+psycopg", "postgresql")) as conn:
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
        }
        failures = dict(conn.execute("SELECT name, consecutive_failures FROM source").fetchall())
    return tables, failures


@pytest.mark.podman
@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_service_polls_and_stops_cleanly_on_sigterm(
    image: str, backend: str, service_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    storage = tmp_path / "storage"
    storage.mkdir()
    if os.geteuid() == 0:
        os.chown(storage, UID, UID)
    else:
        storage.chmod(0o777)
    args = [
        "run", "--detach", "--name", service_name,
        "--volume", f"{storage}:/app/storage",
        # no outlet can be reached: fail fast instead of retrying
        "--env", "MONITOR_TIMEOUT=3", "--env", "MONITOR_MAX_RETRIES=0",
        "--health-interval", "disable",  # no systemd timers here; run by hand below
    ]  # fmt: skip
    if backend == "sqlite":
        database_url = "sqlite:////app/storage/monitor.db"  # the image's default
        args += ["--network", "none"]
    else:
        database_url = str(request.getfixturevalue("pg_url"))
        # the host's 127.0.0.1:5432 is the container's with the host network; the outlets
        # point at 127.0.0.1 too, so that no real outlet is polled from a networked machine
        args += ["--network", "host", "--env", f"MONITOR_DATABASE_URL={database_url}"]
        # the host network: a free port for the API, so nothing on the host's 8080 clashes
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            args += ["--env", f"MONITOR_API_PORT={sock.getsockname()[1]}"]
        for host in sorted(_outlet_hosts()):
            args += ["--add-host", f"{host}:127.0.0.1"]
    _podman(*args, image, check=True)

    logs = _wait_for_polls(service_name, SHIPPED_SOURCES)
    assert f"running: {len(SHIPPED_SOURCES)} sources, archive {backend}" in logs

    health = _podman("healthcheck", "run", service_name, timeout=60)
    assert health.returncode == 0, health.stdout + health.stderr

    stopped = _podman("stop", "--time", "30", service_name, timeout=60)
    assert stopped.returncode == 0, stopped.stderr
    state = _podman(
        "inspect", service_name, "--format", "{{.State.Status}} {{.State.ExitCode}}"
    ).stdout.split()
    logs = _podman("logs", service_name).stderr
    assert state == ["exited", "0"], logs[-3000:]
    assert "stopping: " in logs
    assert "Traceback" not in logs

    tables, failures = _tables_and_sources(database_url, storage)
    assert tables >= TABLES
    # each outlet's failed poll is recorded in the archive, not a crash
    assert failures == dict.fromkeys(SHIPPED_SOURCES, 1)
