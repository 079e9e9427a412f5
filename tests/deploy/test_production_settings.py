"""The production settings as a deployment sets them: `check --deploy` clean, media on
S3 when asked, security headers, the health endpoint."""

import importlib
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError

from config import csp, health

ROOT = Path(__file__).resolve().parents[2]


def deployment_env(**extra):
    """What docs/deploy.md tells a deployment to set (plus extra)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="ensemble.example",
        BASE_URL="https://ensemble.example",
        REDIS_URL="redis://127.0.0.1:6379/0",
        TASKS_BACKEND="django_tasks_rq.RQBackend",
        **extra,
    )
    return env


def test_check_deploy_gives_no_warning(tmp_path):
    # Its own empty database: the developer's (whose Site `make run` pointed at their
    # port) is not a deployment's. The Site check has its own tests (tests/home).
    database = f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=deployment_env(DATABASE_URL=database),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues (0 silenced)" in done.stdout


def production_settings(monkeypatch, **env):
    for name in ("MEDIA_STORAGE", "AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in deployment_env(**env).items():
        monkeypatch.setenv(name, value)
    return importlib.reload(importlib.import_module("config.settings.production"))


def test_production_refuses_the_public_development_twilio_token(monkeypatch):
    from django.conf import settings as current
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="TWILIO_AUTH_TOKEN"):
        production_settings(monkeypatch, TWILIO_AUTH_TOKEN=current.TWILIO_DEV_AUTH_TOKEN)
    settings = production_settings(monkeypatch, TWILIO_AUTH_TOKEN="the-accounts-own")
    assert settings.TWILIO_AUTH_TOKEN == "the-accounts-own"
    monkeypatch.delenv("TWILIO_AUTH_TOKEN")
    assert production_settings(monkeypatch).TWILIO_AUTH_TOKEN == ""


def test_media_stay_on_disk_unless_a_bucket_is_named(monkeypatch):
    settings = production_settings(monkeypatch)
    assert settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    assert settings.STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


@pytest.mark.parametrize(
    "env",
    [
        {"AWS_STORAGE_BUCKET_NAME": "ensemble-media"},
        {"MEDIA_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": "ensemble-media"},
    ],
)
def test_a_bucket_puts_media_on_s3(monkeypatch, env):
    settings = production_settings(monkeypatch, AWS_S3_ENDPOINT_URL="https://s3.example", **env)
    media = settings.STORAGES["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "ensemble-media"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example"
    from storages.backends.s3 import S3Storage

    storage = S3Storage(**media["OPTIONS"])  # builds without reaching the network
    assert storage.bucket_name == "ensemble-media"


def test_s3_without_a_bucket_is_refused(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        production_settings(monkeypatch, MEDIA_STORAGE="s3")


def test_esp_keys_come_from_the_environment(monkeypatch):
    settings = production_settings(
        monkeypatch, ANYMAIL_POSTMARK_SERVER_TOKEN="t0k", ANYMAIL_WEBHOOK_SECRET="a:b"
    )
    assert settings.ANYMAIL["POSTMARK_SERVER_TOKEN"] == "t0k"
    assert settings.ANYMAIL["WEBHOOK_SECRET"] == "a:b"


def test_production_security_headers(monkeypatch):
    settings = production_settings(monkeypatch)
    assert settings.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SECURE_SSL_REDIRECT
    assert settings.LOGGING["handlers"]["stdout"]["formatter"] == "json"


def test_the_error_page_style_is_allowed_by_its_hash():
    assert csp.inline_style_hash() in csp.public_directives()["style-src"]
    assert "'unsafe-inline'" not in csp.public_directives()["style-src"]


@pytest.mark.django_db
def test_public_pages_get_the_strict_policy(site_tree, client):
    response = client.get("/fr/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_admin_pages_get_the_admin_policy(client):
    policy = client.get("/admin/login/").headers["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "nonce-" not in policy


@pytest.mark.django_db
def test_health_answers_any_host_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
    }
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_health_says_503_when_the_database_is_gone(client, monkeypatch):
    def broken():
        raise DatabaseError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {"database": "failed", "cache": "ok"}
