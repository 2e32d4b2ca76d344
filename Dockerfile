# The monitor as a container service.
#
#   docker build -t monitor .            # or: podman build -t localhost/monitor .
#   docker run -v monitor-storage:/app/storage monitor
#
# Build arguments
#   BASE_IMAGE  any Debian-like image with Python 3.11+ and its venv module (default
#               python:3.12-slim). Where no registry can be reached, a debootstrap image
#               with Debian's python3 + python3-venv works too (.ci/container-setup makes
#               localhost/monitor-base:bookworm); pip need not be in the base image.
#
# An extra CA certificate for pip (behind a TLS-inspecting proxy), added to pip's bundle
# for the install step only; it never ends up in the image. Either as a build secret
#   docker build --secret id=ca,src=/path/ca.pem .        (podman build takes the same)
# or, with podman, mounted at /etc/ssl/certs/host-ca.crt for the build:
#   podman build -v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/host-ca.crt:ro .
# Without either the build uses pip's own bundle, as usual.

ARG BASE_IMAGE=python:3.12-slim

# --- build: a virtualenv in /opt/venv with the dependencies, then the project ----------
FROM ${BASE_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore \
    PYTHONDONTWRITEBYTECODE=1
RUN python3 -m venv /opt/venv
WORKDIR /src

# Dependencies first, read from pyproject.toml alone, so that a change to the code reuses
# this (slow) layer. The build backend is installed here too, so the project's own install
# below needs no network.
COPY pyproject.toml ./
RUN --mount=type=secret,id=ca \
    set -eu; \
    /opt/venv/bin/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb")); print("\n".join(p["build-system"]["requires"] + p["project"]["dependencies"]))' > /tmp/requirements.txt; \
    bundle="$(/opt/venv/bin/python -c 'from pip._vendor import certifi; print(certifi.where())')"; \
    for extra in /run/secrets/ca /etc/ssl/certs/host-ca.crt; do \
        if [ -s "$extra" ]; then \
            cat "$bundle" "$extra" > /tmp/ca-bundle.pem; \
            bundle=/tmp/ca-bundle.pem; \
            echo "pip trusts the extra CA in $extra"; \
            break; \
        fi; \
    done; \
    /opt/venv/bin/pip install -q --cert "$bundle" -r /tmp/requirements.txt; \
    rm -f /tmp/requirements.txt /tmp/ca-bundle.pem

COPY README.md ./
COPY monitor/ monitor/
RUN /opt/venv/bin/pip install -q --no-deps --no-build-isolation . \
    && /opt/venv/bin/monitor --version

# --- runtime ------------------------------------------------------------------------------
FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="monitor" \
      org.opencontainers.image.description="A self-hosted news monitor" \
      org.opencontainers.image.licenses="MIT"

RUN groupadd --gid 10001 monitor \
    && useradd --uid 10001 --gid monitor --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin monitor \
    && mkdir -p /app/storage \
    && chown monitor:monitor /app/storage

COPY --from=build /opt/venv /opt/venv
COPY sources.toml /app/sources.toml

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MONITOR_CONFIG=/app/sources.toml \
    MONITOR_DATABASE_URL=sqlite:////app/storage/monitor.db \
    MONITOR_API_HOST=0.0.0.0

WORKDIR /app
USER monitor
# The archive (SQLite default) and raw pages; keep it on a volume.
VOLUME ["/app/storage"]
# The HTTP API, web page and Atom feeds.
EXPOSE 8080

# The service is healthy when its HTTP API answers /healthz (it checks the archive too);
# there is no curl in these images, Python does it.
HEALTHCHECK --interval=60s --timeout=30s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('MONITOR_API_PORT', '8080'), timeout=5)"]

# On SIGTERM `monitor run` waits up to 10 s for the polls in flight, then exits 0: give
# `docker stop` more than that (`-t 30`; stop_grace_period in docker-compose.yml).
STOPSIGNAL SIGTERM
CMD ["monitor", "run"]
