"""The production server (gunicorn, three workers, debug off) shares one page cache.

A record hidden from another process (a shell, a command) disappears from every worker at once,
and a configuration whose cache lives in each process does not start.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

GUNICORN = Path(sys.executable).parent / "gunicorn"
SLUG = "anahit-public-test"
CREATE = f"""
import datetime
from prisoners.models import Category, Detainee, Status, Visibility
Detainee.objects.create(
    slug="{SLUG}", name_en="Anahit Public", category=Category.CIVILIAN, status=Status.HELD,
    visibility=Visibility.PUBLIC, captured_on=datetime.date(2023, 9, 28),
)
"""
HIDE = f"""
from prisoners.models import Detainee, Visibility
detainee = Detainee.objects.get(slug="{SLUG}")
detainee.visibility = Visibility.HIDDEN
detainee.save()
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp_path, port, **extra):
    """Debug off, a file database of its own; nothing inherited from the test settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CACHE_", "PAGE_CACHE", "DATABASE_", "WEB_CONC"))
    }
    env.update(
        DJANGO_DEBUG="0",
        SECRET_KEY="production-server-test-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",
        STATIC_PLAIN="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PAGE_CACHE_SECONDS="600",
        WEB_CONCURRENCY="3",
    )
    env.update(extra)
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def start_gunicorn(env, port, access_log):
    return subprocess.Popen(
        [
            str(GUNICORN),
            "libertas.wsgi",
            "-c",
            "python:libertas.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            str(access_log),
            # The worker's process id, so the test sees that every worker answered.
            "--access-logformat",
            "%(p)s %(s)s %(U)s",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our own server)
            return response.status, response.headers.get("X-Page-Cache")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache")


def wait_until_up(server, base):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped: {server.stdout.read()}")
        try:
            if fetch(base + "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer within a minute")


def worker_pids(access_log, path, status):
    lines = access_log.read_text().splitlines()
    return {line.split()[0] for line in lines if line.split()[1:] == [str(status), path]}


def fetch_many(url, count):
    # Several at once, so every worker is busy and each one answers some.
    with ThreadPoolExecutor(max_workers=6) as pool:
        return list(pool.map(fetch, [url] * count))


@pytest.mark.parametrize(
    "cache_url",
    ["", os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")],
    ids=["default", "redis"],
)
def test_a_record_hidden_from_another_process_is_gone_from_every_worker_at_once(
    tmp_path, cache_url
):
    if cache_url:
        redis = pytest.importorskip("redis")
        client = redis.Redis.from_url(cache_url)
        try:
            client.flushdb()
        except redis.ConnectionError:
            pytest.fail(f"Redis does not answer at {cache_url}")
    port = free_port()
    # The default configuration, with its cache folder inside this test's temporary folder.
    cache = cache_url or f"file://{tmp_path / 'cache'}"
    env = production_env(tmp_path, port, CACHE_URL=cache)
    manage(env, "migrate", "--no-input")
    manage(env, "shell", "-c", CREATE)
    access_log = tmp_path / "access.log"
    server = start_gunicorn(env, port, access_log)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(server, base)
        path = f"/en/prisoners/{SLUG}/"
        answers = fetch_many(base + path, 60)
        assert {status for status, _cache in answers} == {200}
        assert "hit" in {cache for _status, cache in answers}
        assert len(worker_pids(access_log, path, 200)) == 3, "not every worker answered"

        manage(env, "shell", "-c", HIDE)

        answers = [fetch(base + path) for _request in range(30)]
        answers += fetch_many(base + path, 30)
        assert [status for status, _cache in answers] == [404] * 60
        assert len(worker_pids(access_log, path, 404)) == 3, "not every worker answered"
    finally:
        server.terminate()
        server.wait(timeout=30)
        if cache_url:
            client.flushdb()


def test_production_refuses_to_start_several_workers_with_a_cache_in_each_process(tmp_path):
    port = free_port()
    env = production_env(tmp_path, port, CACHE_URL="locmem://")
    server = start_gunicorn(env, port, tmp_path / "access.log")
    try:
        output, _ = server.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        pytest.fail("gunicorn started with a cache in each of its three workers")
    assert server.returncode != 0
    assert "common.E001" in output
    assert "WEB_CONCURRENCY" in output


def test_manage_check_refuses_the_same_configuration(tmp_path):
    env = production_env(tmp_path, free_port(), CACHE_URL="locmem://")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "common.E001" in result.stderr


def test_one_process_may_keep_its_cache_in_memory(tmp_path):
    env = production_env(tmp_path, free_port(), CACHE_URL="locmem://", WEB_CONCURRENCY="1")
    manage(env, "check")
