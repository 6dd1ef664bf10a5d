# ruff: noqa: S603, S607 -- runs our own programs (manage.py, tools, gunicorn, wrk, lighthouse, git)
"""The benchmark behind the speed budgets of DESIGN.md: `make bench` (see README).

For each database engine (SQLite, and PostgreSQL when DATABASE_URL points at one) it makes a
fresh bench database per size, migrates and seeds it (`seed_bench`), then measures:

- SQL queries and server time of every public page, in a child process (`bench --probe`)
  whose DATABASE_URL is the bench database, through Django's test Client;
- at the largest size, under gunicorn (2 workers, loopback, DEBUG off, collected static
  files, page cache on): throughput of cached pages against /healthz with wrk, bytes of a
  first load in Chromium, and Lighthouse's mobile scores.

It writes BENCHMARKS.md and exits non-zero, naming each budget missed. It never imports the
apps' models: the seeding is tools/seed_bench.py, run in the bench database's process.
"""

import base64
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse, urlunparse
from urllib.request import urlopen

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tools import main

BASE = Path(settings.BASE_DIR)
PYTHON = sys.executable
SIZES = (10, 10_000)
SPONSORS = {10: 5, 10_000: 300}
DONATIONS = {10: 20, 10_000: 5_000}
MEDIA = Path(tempfile.gettempdir()) / "libertas-bench-media"
LIGHTHOUSE = BASE / ".bench" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# As the browser tests launch it (libertas/tests/conftest.py): no name resolves but our own,
# so a measured page loads only what the site serves.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
LIGHTHOUSE_CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)

PAGES = {
    "home": "/en/",
    "list": "/en/prisoners/",
    "filtered list": "/en/prisoners/?category=POW&status=HELD",
    "search": "/en/prisoners/?q=petrosyan",
    "profile": None,  # the first profile of the list, found at run time
    "sponsors wall": "/en/sponsors/",
    "news": "/en/news/",
    "donate": "/en/donate/",
}
THROUGHPUT_PAGES = ("home", "list", "profile")
LIGHTHOUSE_PAGES = ("home", "list", "profile", "donate")

MAX_QUERIES = 10
MIN_THROUGHPUT_RATIO = 0.8
MAX_KB = 150
LIGHTHOUSE_MIN = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
SEED_SECONDS = 120
REPEAT = 30
# What browsers send: the cached pages are the compressed ones.
ACCEPT_ENCODING = "gzip, deflate, br"
WRK = {"threads": 2, "connections": 16, "seconds": 10}


class Command(BaseCommand):
    help = "Measure every public page against the speed budgets and write BENCHMARKS.md."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
        parser.add_argument("--output", default=str(BASE / "BENCHMARKS.md"))
        parser.add_argument("--probe", action="store_true", help="(internal) measure pages")

    def handle(self, *args, sizes, output, probe, **options):
        if probe:
            return self.probe()
        runs = [("SQLite", None)]
        database_url = os.environ.get("DATABASE_URL", "")
        if database_url.startswith(("postgres://", "postgresql://")):
            runs.append(("PostgreSQL", database_url))
        started = datetime.now()
        load_before = os.getloadavg()
        collectstatic()
        reports, missed = [], []
        for engine, server_url in runs:
            report = self.run_engine(engine, server_url, sorted(sizes))
            reports.append(report)
            missed += [f"{engine}: {miss}" for miss in report["missed"]]
        write_markdown(Path(output), reports, started, load_before, os.getloadavg())
        self.stdout.write(f"Wrote {output}")
        if missed:
            raise CommandError("Budgets missed:\n  " + "\n  ".join(missed))
        self.stdout.write(self.style.SUCCESS("Every budget is met."))

    def run_engine(self, engine, server_url, sizes):
        report = {"engine": engine, "sizes": sizes, "seed": {}, "probe": {}, "missed": []}
        for size in sizes:
            self.stdout.write(f"{engine}, {size} detainees: seeding…")
            with bench_database(server_url, size) as url:
                env = bench_env(url)
                run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
                began = time.monotonic()
                run(
                    [PYTHON, "-m", "tools.seed_bench", f"--detainees={size}",
                     f"--sponsors={SPONSORS.get(size, 300)}",
                     f"--donations={DONATIONS.get(size, 5000)}", "-v0"],
                    env,
                )  # fmt: skip
                report["seed"][size] = time.monotonic() - began
                self.stdout.write(f"  seeded in {report['seed'][size]:.1f} s; measuring pages…")
                report["probe"][size] = json.loads(
                    run([PYTHON, "-m", "tools.bench", "--probe"], env)
                )
                if size == sizes[-1]:
                    self.stdout.write("  gunicorn: wrk, Chromium, Lighthouse…")
                    with gunicorn(env) as origin:
                        paths = report["probe"][size]["paths"]
                        report["throughput"] = measure_throughput(origin, paths)
                        report["transfer"] = measure_transfer(origin, paths)
                        report["lighthouse"] = measure_lighthouse(origin, paths)
        report["missed"] = check_budgets(report)
        return report

    def probe(self):
        """In the child process: queries and server time of each page, as JSON on stdout."""
        from django.core.cache import caches
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, override_settings

        client = Client()
        paths = dict(PAGES)
        listing = client.get(PAGES["list"]).content.decode()
        paths["profile"] = re.search(r'href="(/en/prisoners/[\w-]+/)"', listing).group(1)
        result = {"paths": paths, "queries": {}, "uncached": {}, "cached": {}, "cacheable": {}}
        for name, path in paths.items():
            with override_settings(PAGE_CACHE_SECONDS=0):
                for cache in caches.all():
                    cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
                result["queries"][name] = len(queries)
                result["uncached"][name] = timings(client, path)
            with override_settings(PAGE_CACHE_SECONDS=600):
                for cache in caches.all():
                    cache.clear()
                client.get(path)
                result["cacheable"][name] = client.get(path).get("X-Page-Cache") == "hit"
                result["cached"][name] = timings(client, path)
        self.stdout.write(json.dumps(result))


def timings(client, path):
    client.get(path)  # warm-up
    samples = []
    for _ in range(REPEAT):
        began = time.perf_counter()
        client.get(path)
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return {"median": statistics.median(samples), "p95": samples[int(len(samples) * 0.95) - 1]}


# Databases, processes and the server.


def run(command, env):
    done = subprocess.run(command, cwd=BASE, env=env, capture_output=True, text=True)
    if done.returncode:
        raise CommandError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


@contextmanager
def bench_database(server_url, size, name=None):
    """A fresh database for one size: a SQLite file, or a PostgreSQL database on the server."""
    if server_url is None:
        path = Path(tempfile.gettempdir()) / f"libertas-bench-{size}.sqlite3"
        path.unlink(missing_ok=True)
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        return
    import psycopg2

    name = name or f"libertas_bench_{size}"
    parts = urlparse(server_url)
    admin = psycopg2.connect(urlunparse(parts._replace(path="/postgres")))
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield urlunparse(parts._replace(path=f"/{name}"))
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def bench_env(database_url, **extra):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-for-production",
        # A fixed Fernet key (32 bytes): production refuses to start without one.
        "MFA_ENCRYPTION_KEY": base64.urlsafe_b64encode(
            b"bench-only-mfa-key-not-for-use!!"
        ).decode(),
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_PLAIN": "0",
        "MEDIA_ROOT": str(MEDIA),
        "CACHE_URL": "",
        "EMAIL_HOST": "",
        # A placeholder key shows the donate form as visitors see it; a GET never calls Stripe.
        "STRIPE_SECRET_KEY": "sk_test_bench_placeholder",
        "PAGE_CACHE_SECONDS": "600",
        "LOG_LEVEL": "WARNING",
    }
    env.update(extra)
    return env


def collectstatic():
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], bench_env("sqlite://"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env):
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    # Photos are served by Django here (SERVE_MEDIA), as a web server would in production.
    server_env = {**env, "SITE_URL": origin, "SERVE_MEDIA": "1"}
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "libertas.wsgi:application", "--workers=2",
         f"--bind=127.0.0.1:{port}", "--log-level=warning"],
        cwd=BASE, env=server_env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urlopen(f"{origin}/healthz", timeout=1).read()  # noqa: S310 -- our own server
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise CommandError("gunicorn did not start")
        yield origin
    finally:
        process.terminate()
        process.wait(timeout=30)


# Measurements against the running server.


def measure_throughput(origin, paths):
    wrk = shutil.which("wrk")
    if not wrk:
        raise CommandError(
            "wrk is not installed: apt-get install wrk (make bench installs it when run as root)"
        )
    result = {}
    for name in ("healthz", *THROUGHPUT_PAGES):
        url = origin + ("/healthz" if name == "healthz" else paths[name])
        for _ in range(2):  # every worker fills its page cache before the timed run
            urlopen(url).read()  # noqa: S310 -- our own server
        output = subprocess.run(
            [wrk, "-H", f"Accept-Encoding: {ACCEPT_ENCODING}", f"-t{WRK['threads']}",
             f"-c{WRK['connections']}", f"-d{WRK['seconds']}s", url],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        result[name] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return result


def measure_transfer(origin, paths):
    from playwright.sync_api import sync_playwright

    result = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, path in paths.items():
            context = browser.new_context(viewport={"width": 412, "height": 823})
            page = context.new_page()
            requests = []
            page.on("requestfinished", lambda request, seen=requests: seen.append(request))
            page.goto(origin + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            other, images, total = 0, 0, 0
            for request in requests:
                if not request.url.startswith(origin):
                    other += not request.url.startswith("data:")
                    continue
                sizes = request.sizes()
                size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                if request.resource_type == "image":
                    images += size
                else:
                    total += size
            result[name] = {
                "kb": total / 1024,
                "image_kb": images / 1024,
                "requests": len(requests),
                "other_origins": other,
            }
            context.close()
        browser.close()
    return result


def measure_lighthouse(origin, paths):
    if not LIGHTHOUSE.exists():
        raise CommandError(
            f"Lighthouse is missing: npm install --prefix {LIGHTHOUSE.parents[2]} lighthouse"
        )
    result = {}
    with tempfile.TemporaryDirectory() as folder:
        for name in LIGHTHOUSE_PAGES:
            report = Path(folder) / f"{name}.json"
            command = [
                str(LIGHTHOUSE), origin + paths[name], "--quiet", "--output=json",
                f"--output-path={report}", "--form-factor=mobile",
                "--only-categories=performance,accessibility,best-practices,seo",
                f"--chrome-flags={LIGHTHOUSE_CHROME_FLAGS}",
            ]  # fmt: skip
            # Chromium now and then fails to start under load; a page is tried three times.
            for _attempt in range(3):
                done = subprocess.run(
                    command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True,
                    text=True,
                )  # fmt: skip
                if done.returncode == 0:
                    break
            else:
                raise CommandError(f"Lighthouse failed on {name}:\n{done.stderr[-2000:]}")
            data = json.loads(report.read_text())
            result[name] = {
                key: round(category["score"] * 100) for key, category in data["categories"].items()
            }
            result[name]["failing"] = [
                audit_id
                for audit_id, audit in data["audits"].items()
                if audit.get("score") is not None
                and audit["score"] < 0.9
                and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
            ]
    return result


# Budgets and the report.


def check_budgets(report):
    missed = []
    small, large = report["probe"][report["sizes"][0]], report["probe"][report["sizes"][-1]]
    for name in PAGES:
        counts = [report["probe"][size]["queries"][name] for size in report["sizes"]]
        if max(counts) > MAX_QUERIES:
            missed.append(f"{name}: {max(counts)} SQL queries (budget {MAX_QUERIES})")
        if small["queries"][name] != large["queries"][name]:
            missed.append(
                f"{name}: SQL queries grow with the data ({' → '.join(map(str, counts))})"
            )
    largest = report["sizes"][-1]
    if largest >= 10_000 and report["seed"][largest] > SEED_SECONDS:
        missed.append(f"seed_bench took {report['seed'][largest]:.0f} s (budget {SEED_SECONDS})")
    healthz = report["throughput"]["healthz"]
    for name in THROUGHPUT_PAGES:
        ratio = report["throughput"][name] / healthz
        if ratio < MIN_THROUGHPUT_RATIO:
            missed.append(f"{name}: cached throughput {ratio:.2f} × /healthz (budget 0.8)")
    for name, transfer in report["transfer"].items():
        if transfer["kb"] > MAX_KB:
            missed.append(f"{name}: {transfer['kb']:.0f} KB on first load (budget {MAX_KB})")
        if transfer["other_origins"]:
            missed.append(f"{name}: {transfer['other_origins']} requests to other origins")
    for name, scores in report["lighthouse"].items():
        for category, minimum in LIGHTHOUSE_MIN.items():
            if scores[category] < minimum:
                missed.append(
                    f"{name}: Lighthouse {category} {scores[category]} (budget {minimum}; "
                    f"audits below 0.9: {', '.join(scores['failing']) or 'none'})"
                )
    return missed


def write_markdown(path, reports, started, load_before, load_after):
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=BASE, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (libertas/management/commands/bench.py); the budgets are in",
        "DESIGN.md, “Speed budgets”. Every record is generated by `python -m tools.seed_bench`.",
        "",
        f"- Run {started:%Y-%m-%d %H:%M}, commit `{commit}`, {os.cpu_count()} CPU cores, "
        f"load average {load_before[0]:.2f} before and {load_after[0]:.2f} after "
        "(other work shared the machine).",
        f"- Server time: Django's test Client in one process, {REPEAT} requests per page after "
        "a warm-up; uncached means `PAGE_CACHE_SECONDS=0`.",
        f"- Throughput: gunicorn, 2 workers, loopback, `DJANGO_DEBUG=0`, collected static "
        f"files, page cache on; `wrk -H 'Accept-Encoding: {ACCEPT_ENCODING}' "
        f"-t{WRK['threads']} -c{WRK['connections']} -d{WRK['seconds']}s`, as a browser asks.",
        "- Transfer: first load in Chromium (Playwright), a 412 px wide window, encoded "
        "response bodies plus headers; photos counted apart.",
        "- Lighthouse: mobile form factor, default simulated throttling, Debian's Chromium.",
        "",
    ]
    for report in reports:
        sizes = report["sizes"]
        small, large = report["probe"][sizes[0]], report["probe"][sizes[-1]]
        lines += [f"## {report['engine']}", ""]
        seeds = ", ".join(f"{size:,} in {report['seed'][size]:.1f} s" for size in sizes)
        lines += [f"`seed_bench` (detainees): {seeds}.", ""]
        lines += [
            f"| Page | Path | SQL at {sizes[0]:,} | SQL at {sizes[-1]:,} | Uncached median / "
            f"p95 (ms) | Cached median / p95 (ms) |",
            "|---|---|---|---|---|---|",
        ]
        for name in PAGES:
            un, ca = large["uncached"][name], large["cached"][name]
            cached = (
                f"{ca['median']:.1f} / {ca['p95']:.1f}"
                if large["cacheable"][name]
                else "not cached (form with CSRF token)"
            )
            lines.append(
                f"| {name} | `{large['paths'][name]}` | {small['queries'][name]} | "
                f"{large['queries'][name]} | {un['median']:.1f} / {un['p95']:.1f} | {cached} |"
            )
        lines += ["", f"Times at {sizes[-1]:,} detainees. Budget: at most 10 queries, equal "
                  "in both columns.", ""]  # fmt: skip
        healthz = report["throughput"]["healthz"]
        lines += ["| Throughput | Requests/s | Ratio to /healthz |", "|---|---|---|"]
        lines.append(f"| /healthz | {healthz:,.0f} | 1.00 |")
        for name in THROUGHPUT_PAGES:
            rate = report["throughput"][name]
            lines.append(f"| {name} (cached) | {rate:,.0f} | {rate / healthz:.2f} |")
        lines += ["", "Budget: at least 0.80.", ""]
        lines += [
            "| First load | KB (photos apart) | Photos KB | Requests | Other origins |",
            "|---|---|---|---|---|",
        ]
        for name, t in report["transfer"].items():
            lines.append(
                f"| {name} | {t['kb']:.1f} | {t['image_kb']:.1f} | {t['requests']} | "
                f"{t['other_origins']} |"
            )
        lines += ["", f"Budget: at most {MAX_KB} KB and no other origin.", ""]
        lines += [
            "| Lighthouse (mobile) | Performance | Accessibility | Best practices | SEO |",
            "|---|---|---|---|---|",
        ]
        for name, s in report["lighthouse"].items():
            lines.append(
                f"| {name} | {s['performance']} | {s['accessibility']} | "
                f"{s['best-practices']} | {s['seo']} |"
            )
        lines += ["", "Budget: performance ≥ 95, accessibility 100, best practices ≥ 95, "
                  "SEO 100.", ""]  # fmt: skip
        if report["missed"]:
            lines += ["**Budgets missed:**", ""] + [f"- {m}" for m in report["missed"]] + [""]
        else:
            lines += ["Every budget is met.", ""]
    path.write_text("\n".join(lines))


if __name__ == "__main__":
    main(Command, "bench")
