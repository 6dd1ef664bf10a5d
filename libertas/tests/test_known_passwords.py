"""No account with a published password outside debug (issue 12, point 2)."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from libertas.tests.test_settings import PRODUCTION, run_django

MAKE_DEMO_STAFF = (
    "from django.contrib.auth import get_user_model; from django.conf import settings; "
    "get_user_model().objects.create_superuser('demo-staff', settings.DEMO_STAFF_EMAIL, "
    "settings.DEMO_STAFF_PASSWORD)"
)


def test_load_demo_without_debug_makes_no_demo_staff(db, settings):
    settings.DEBUG = False
    call_command("load_demo", verbosity=0)
    assert not get_user_model().objects.filter(email=settings.DEMO_STAFF_EMAIL).exists()


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "migrated.sqlite3"
    result = run_django("migrate", "--no-input", DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{path}")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def production_with_demo_staff(migrated_database, tmp_path):
    path = tmp_path / "db.sqlite3"
    shutil.copy(migrated_database, path)
    url = f"sqlite:///{path}"
    result = run_django("shell", "-c", MAKE_DEMO_STAFF, DJANGO_DEBUG="1", DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    return {**PRODUCTION, "DATABASE_URL": url}


def test_production_checks_fail_while_the_demo_staff_exists(production_with_demo_staff):
    for command in (["check"], ["check", "--deploy"]):
        result = run_django(*command, **production_with_demo_staff)
        assert result.returncode != 0, command
        assert "common.E002" in result.stderr
    assert (
        run_django("check", **{**production_with_demo_staff, "DJANGO_DEBUG": "1"}).returncode == 0
    )


def test_gunicorn_refuses_to_start_while_the_demo_staff_exists(production_with_demo_staff):
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION and k != "STATIC_PLAIN"}
    env.update(production_with_demo_staff)
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "libertas.wsgi", "-c", "python:libertas.gunicorn_conf",
         "--bind", "127.0.0.1:0", "--workers", "2"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "common.E002" in result.stderr


def test_production_start_needs_the_totp_encryption_key():
    result = run_django("check", **PRODUCTION, MFA_ENCRYPTION_KEY="")
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY is required when DJANGO_DEBUG is off" in result.stderr
    result = run_django("check", **PRODUCTION, MFA_ENCRYPTION_KEY="not-a-key")
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY must be a Fernet key" in result.stderr
