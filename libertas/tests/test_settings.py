"""Settings come from the environment; a bad value stops start-up and names the variable."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "libertas.example.org",
    "SITE_URL": "https://libertas.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_django(*args, **env):
    """Start a fresh interpreter, so the settings module is read again with this environment."""
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION and k != "STATIC_PLAIN"}
    clean.update(env)
    clean.pop("SECURE_SSL_REDIRECT", None)
    clean.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' fixture
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_malformed_boolean_is_refused_and_names_the_variable():
    result = run_django("check", **{**PRODUCTION, "DJANGO_DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr
    assert "'maybe'" in result.stderr


def test_malformed_number_is_refused_and_names_the_variable():
    result = run_django("check", **{**PRODUCTION, "EMAIL_PORT": "twenty-five"})
    assert result.returncode != 0
    assert "EMAIL_PORT must be a whole number" in result.stderr


def test_production_without_secret_key_stops_with_a_clear_message():
    env = {**PRODUCTION}
    del env["SECRET_KEY"]
    result = run_django("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY is required when DJANGO_DEBUG is off" in result.stderr


def test_debug_mode_runs_without_secret_key():
    result = run_django("check", DJANGO_DEBUG="1", DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stderr


def test_unreadable_database_url_names_the_variable():
    result = run_django("check", **{**PRODUCTION, "DATABASE_URL": "nosuchdb://x"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_check_deploy_is_silent_with_production_values():
    result = run_django("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("postgres://user@127.0.0.1:5432/libertas", "django.db.backends.postgresql"),
        ("sqlite:////tmp/x.sqlite3", "django.db.backends.sqlite3"),
    ],
)
def test_database_url_chooses_the_engine(url, engine):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = run_django("shell", "-c", code, **{**PRODUCTION, "DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(engine)


def test_private_files_inside_the_public_media_folder_stop_start_up(tmp_path):
    # A web server publishes MEDIA_ROOT: private files there would be anyone's.
    result = run_django(
        "check",
        **PRODUCTION,
        MEDIA_ROOT=str(tmp_path),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
    )
    assert result.returncode != 0
    assert "PRIVATE_MEDIA_ROOT" in result.stderr
