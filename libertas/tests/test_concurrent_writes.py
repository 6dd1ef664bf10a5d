"""No write is lost: many visitors signing, following and reporting at once, on a live server.

gunicorn with 2 workers (the production server, debug off) on SQLite, the default database, and
on PostgreSQL. 20 signers, 10 followers, 10 writers of messages of solidarity and 5 correction
reports arrive at the same instant, then the 20 signatures are confirmed at the same instant:
every answer is a success (never a 500, nor a 503 with this little traffic: writers wait for
each other), every row is there and the petition's counter holds exactly the 20 confirmed
signatures.
"""

import json
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from libertas.tests.test_production_server import (
    free_port,
    manage,
    production_env,
    start_gunicorn,
    wait_until_up,
)

SIGNERS = 20
FOLLOWERS = 10
WRITERS = 10
REPORTS = 5
SLUG = "anahit-concurrent-test"
SETUP = f"""
import datetime
from campaign.models import Petition
from prisoners.models import Category, Detainee, Status, Visibility
Petition.objects.create(title="Free them", text="Now.", addressees="A minister", goal=100)
Detainee.objects.create(
    slug="{SLUG}", name_en="Anahit Concurrent", category=Category.CIVILIAN, status=Status.HELD,
    visibility=Visibility.PUBLIC, captured_on=datetime.date(2023, 9, 28),
)
"""
TOKENS = """
import json
from campaign import services
from campaign.models import Signature
print(json.dumps([services.make_token(services.SIGNATURE_SALT, s.pk, s.email)
                  for s in Signature.objects.all()]))
"""
COUNTS = """
import json
from campaign.models import Follower, Petition, Signature, SolidarityMessage
from prisoners.models import CorrectionRequest
petition = Petition.objects.get()
print(json.dumps({
    "signatures": Signature.objects.count(),
    "confirmed": Signature.objects.confirmed().count(),
    "counter": petition.confirmed_count,
    "followers": Follower.objects.count(),
    "messages": SolidarityMessage.objects.count(),
    "reports": CorrectionRequest.objects.count(),
}))
"""


def postgres_url():
    """A fresh database on the local PostgreSQL, or None when none is reachable."""
    import psycopg2

    # A prefix of its own per machine user, when several runs share one PostgreSQL.
    prefix = os.environ.get("TEST_POSTGRES_DB_PREFIX", "libertas_i19writes_")
    name = f"{prefix}{uuid.uuid4().hex[:8]}"
    admin = os.environ.get(
        "TEST_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
    )
    try:
        connection = psycopg2.connect(admin, connect_timeout=3)
    except psycopg2.OperationalError:
        return None
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return admin.rsplit("/", 1)[0] + "/" + name, admin, name


def drop_postgres(admin, name):
    import psycopg2

    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


class Visitor:
    """One browser: its own cookies and its own address (through the trusted proxy header)."""

    def __init__(self, base, number):
        self.base = base
        self.address = f"10.1.{number // 250}.{number % 250 + 1}"
        self.cookies = {}

    def request(self, path, data=None):
        if data is not None and not getattr(self, "token", ""):
            # As static/js/live.js does: cached form pages carry no token of their own.
            self.token = json.loads(self.request("/csrf-token")[1])["token"]
        headers = {"X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.token}
            body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310 (our own server)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value.strip()
        content = response.read().decode(errors="replace")
        return response.status, content

    def form(self, path, data):
        status, _ = self.request(path)  # the form page, as the page cache serves it
        assert status == 200, (path, status)
        return self.request(path, data)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def all_at_once(jobs):
    """Run the callables together, each waiting at a barrier so they really start at once."""
    barrier = threading.Barrier(len(jobs))

    def run(job):
        barrier.wait()
        return job()

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(run, jobs))


def shell(env, code):
    return json.loads(manage(env, "shell", "-c", code).stdout.strip().splitlines()[-1])


def run_the_crowd(env, tmp_path):
    port = int(env["SITE_URL"].rsplit(":", 1)[1])
    manage(env, "migrate", "--no-input")
    manage(env, "shell", "-c", SETUP)
    server = start_gunicorn(env, port, tmp_path / "access.log")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(server, base)
        visitors = [Visitor(base, n) for n in range(SIGNERS + FOLLOWERS + WRITERS + REPORTS)]
        # Each visitor first fetches its form (its CSRF cookie), then all send at once.
        jobs = []
        for n, visitor in enumerate(visitors[:SIGNERS]):
            visitor.request("/en/petition/")
            name, email = f"Signer {chr(65 + n)}", f"signer{n}@example.org"
            data = {"name": name, "email": email, "country": "FR"}
            jobs.append(lambda v=visitor, d=data: v.request("/en/petition/", d))
        for n, visitor in enumerate(visitors[SIGNERS : SIGNERS + FOLLOWERS]):
            path = f"/en/follow/{SLUG}/"
            visitor.request(path)
            data = {"email": f"follower{n}@example.org"}
            jobs.append(lambda v=visitor, p=path, d=data: v.request(p, d))
        writers = visitors[SIGNERS + FOLLOWERS : SIGNERS + FOLLOWERS + WRITERS]
        for n, visitor in enumerate(writers):
            path = f"/en/message/{SLUG}/"
            visitor.request(path)
            data = {"text": "Courage.", "first_name": "Anna", "city": "Lyon"}
            data["email"] = f"writer{n}@example.org"
            jobs.append(lambda v=visitor, p=path, d=data: v.request(p, d))
        for n, visitor in enumerate(visitors[SIGNERS + FOLLOWERS + WRITERS :]):
            path = f"/en/prisoners/{SLUG}/report/"
            visitor.request(path)
            data = {"what_is_wrong": f"Report {n}: the date of capture is wrong."}
            jobs.append(lambda v=visitor, p=path, d=data: v.request(p, d))
        answers = all_at_once(jobs)
        statuses = [status for status, _ in answers]
        # Each form answers with its redirect to the thank-you page: saved, nothing refused.
        assert statuses == [302] * len(jobs), statuses

        # Confirm every signature at the same instant: the counter must not lose one.
        tokens = shell(env, TOKENS)
        assert len(tokens) == SIGNERS
        confirmers = [Visitor(base, 100 + n) for n in range(SIGNERS)]
        jobs = []
        for visitor, token in zip(confirmers, tokens, strict=True):
            path = f"/en/petition/confirm/{token}/"
            visitor.request(path)
            jobs.append(lambda v=visitor, p=path: v.request(p, {}))
        statuses = [status for status, _ in all_at_once(jobs)]
        assert statuses == [200] * SIGNERS, statuses
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
        print(output)  # shown when the test fails: the server's own account
    assert "database is locked" not in output, output[-3000:]
    assert shell(env, COUNTS) == {
        "signatures": SIGNERS,
        "confirmed": SIGNERS,
        "counter": SIGNERS,
        "followers": FOLLOWERS,
        "messages": WRITERS,
        "reports": REPORTS,
    }


def crowd_env(tmp_path, **extra):
    port = free_port()
    return production_env(
        tmp_path,
        port,
        WEB_CONCURRENCY="2",
        TRUSTED_PROXY_COUNT="1",  # one address per visitor, so no rate limit is shared
        CACHE_URL=f"file://{tmp_path / 'cache'}",  # counters of this run only
        **extra,
    )


def test_a_crowd_of_writers_on_sqlite_loses_nothing(tmp_path):
    run_the_crowd(crowd_env(tmp_path), tmp_path)


def test_a_crowd_of_writers_on_postgresql_loses_nothing(tmp_path):
    found = postgres_url()
    if found is None:
        pytest.skip("No PostgreSQL reachable at 127.0.0.1:5432 (CI has one): not tested here.")
    url, admin, name = found
    try:
        run_the_crowd(crowd_env(tmp_path, DATABASE_URL=url), tmp_path)
    finally:
        drop_postgres(admin, name)
