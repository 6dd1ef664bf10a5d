"""Cost at 1,000 / 10,000 / 100,000 detainees: uncached server time of the pages whose work
could grow with the registry, on PostgreSQL, with the plans of their slowest queries.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres python -m tools.scale

For each size: a database `<prefix><size>` on that server (made and seeded with
tools.seed_bench, or reused with --reuse when it is already seeded), migrated, then measured in
a child process the way `make bench` measures server time: Django's test Client in one
process, page cache off and emptied, the median of REPEAT requests after a warm-up. The
section "Cost at 1,000 / 10,000 / 100,000 detainees" of BENCHMARKS.md is rewritten.
"""

import json
import os
import re
import statistics
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from django.core.management.base import BaseCommand, CommandError

from tools import main
from tools.bench import BASE, PYTHON, bench_env, collectstatic, run

SIZES = (1_000, 10_000, 100_000)
REPEAT = 10
BUDGET_MS = 100
PAGES = {
    "list": "/en/prisoners/",
    "list, page 20": "/en/prisoners/?page=20",
    "filtered list": "/en/prisoners/?category=POW&status=HELD",
    "search, common name": "/en/prisoners/?q=petrosyan",
    "search, no match": "/en/prisoners/?q=zzzyxq",
    "search, one typo": "/en/prisoners/?q=petrosyam",
    "search, Cyrillic, surname first": "/en/prisoners/?q=Петросян+Арам",
    "sponsor sign-up": "/en/sponsor/",
    "sponsor sign-up, search": "/en/sponsor/?q=petrosyan",
    "sitemap index": "/sitemap.xml",
    "sitemap of profiles, page 2": "/sitemap-detainees.xml?p=2",
}
# Pages whose slowest queries are explained in BENCHMARKS.md.
EXPLAINED = (
    "list",
    "search, common name",
    "search, no match",
    "search, one typo",
    "sponsor sign-up, search",
)
# Debug off as in production; this key encrypts nothing real (the test settings' own).
TEST_KEYS = {"MFA_ENCRYPTION_KEY": "3vFFYtVShA33uiiXDNynPMLpR_F1Od5Zz0oQKolJqeY="}
SECTION = "## Cost at 1,000 / 10,000 / 100,000 detainees"


class Command(BaseCommand):
    help = "Measure the pages that could grow with the registry at three sizes on PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
        parser.add_argument("--prefix", default="libertas_scale_", help="database name prefix")
        parser.add_argument("--reuse", action="store_true", help="keep seeded databases")
        parser.add_argument("--output", default=str(BASE / "BENCHMARKS.md"))
        parser.add_argument("--probe", action="store_true", help="(internal) measure pages")

    def handle(self, *args, sizes, prefix, reuse, output, probe, **options):
        if probe:
            return self.probe()
        server = os.environ.get("DATABASE_URL", "")
        if not server.startswith(("postgres://", "postgresql://")):
            raise CommandError("Set DATABASE_URL to a PostgreSQL server (any database on it).")
        for key, value in TEST_KEYS.items():
            os.environ.setdefault(key, value)  # bench_env passes the environment on
        collectstatic()  # debug off: pages name their static files through the manifest
        results = {}
        for size in sorted(sizes):
            url = database(server, f"{prefix}{size}", reuse)
            env = bench_env(url, CACHE_URL="locmem://", WEB_CONCURRENCY="1")
            run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
            if not seeded(env):
                self.stdout.write(f"{size} detainees: seeding…")
                run([PYTHON, "-m", "tools.seed_bench", f"--detainees={size}", "--sponsors=300",
                     "--donations=500", "-v0"], env)  # fmt: skip
            # VACUUM too: a GIN index keeps a just-seeded table's rows in its pending list,
            # which every search then reads in full, until autovacuum runs as it would in use.
            run([PYTHON, "manage.py", "dbshell", "--", "-c", "VACUUM ANALYZE"], env)
            self.stdout.write(f"{size} detainees: measuring…")
            results[size] = json.loads(run([PYTHON, "-m", "tools.scale", "--probe"], env))
        write_section(Path(output), results)
        self.stdout.write(f"Wrote {output}")
        largest = results[max(results)]["pages"]
        slow = [name for name, page in largest.items() if page["median"] > BUDGET_MS]
        if slow:
            raise CommandError(f"Over {BUDGET_MS} ms at {max(results):,}: {', '.join(slow)}")

    def probe(self):
        """In the child process: queries, size, server time and plans, as JSON on stdout."""
        from django.core.cache import caches
        from django.db import connection
        from django.test import Client
        from django.test.utils import override_settings

        from prisoners.models import Detainee

        client = Client()
        result = {"detainees": Detainee.objects.count(), "pages": {}, "plans": {}}
        with override_settings(PAGE_CACHE_SECONDS=0):
            for name, path in PAGES.items():
                for cache in caches.all():
                    cache.clear()
                captured = []
                with connection.execute_wrapper(Recorder(captured)):
                    response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
                samples = []
                for _ in range(REPEAT + 1):
                    began = time.perf_counter()
                    client.get(path)
                    samples.append((time.perf_counter() - began) * 1000)
                samples = sorted(samples[1:])
                result["pages"][name] = {
                    "path": path,
                    "queries": len(captured),
                    "kb": len(response.content) / 1024,
                    "median": statistics.median(samples),
                    "max": samples[-1],
                }
                if name in EXPLAINED:
                    result["plans"][name] = explain(connection, captured)
        self.stdout.write(json.dumps(result))


class Recorder:
    """Every query of a request with its time (a wrapper sees them whatever DEBUG says)."""

    def __init__(self, log):
        self.log = log

    def __call__(self, execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.log.append({"sql": sql, "params": params, "time": time.perf_counter() - began})


def explain(connection, queries, count=2):
    """EXPLAIN ANALYZE of the slowest queries of a page."""
    plans = []
    slowest = sorted(queries, key=lambda q: float(q["time"]), reverse=True)[:count]
    for query in slowest:
        if not query["sql"].lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS OFF) " + query["sql"], query["params"])
            plan = "\n".join(row[0] for row in cursor.fetchall())
            plans.append(
                {"sql": cursor.mogrify(query["sql"], query["params"]).decode(), "plan": plan}
            )
    return plans


def database(server, name, reuse):
    import psycopg2

    parts = urlparse(server)
    admin = psycopg2.connect(urlunparse(parts._replace(path="/postgres")))
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            exists = cursor.fetchone() is not None
            if exists and not reuse:
                cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            if not exists or not reuse:
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        admin.close()
    return urlunparse(parts._replace(path=f"/{name}"))


def seeded(env):
    code = "from prisoners.models import Detainee; print(Detainee.objects.exists())"
    return run([PYTHON, "manage.py", "shell", "-c", code], env).strip().endswith("True")


def write_section(path, results):
    sizes = sorted(results)
    lines = [
        SECTION,
        "",
        f"Made by `DATABASE_URL=postgresql://…/postgres python -m tools.scale` on "
        f"{datetime.now():%Y-%m-%d %H:%M}. PostgreSQL, data from tools.seed_bench; server time "
        f"with Django's test Client in one process, page cache off, median of {REPEAT} requests "
        f"after one warm-up (ms). Budget: {BUDGET_MS} ms at {sizes[-1]:,}. The machine is shared "
        "(2 cores), so single figures move by a few ms.",
        "",
        "| Page | Path | " + " | ".join(f"{s:,}: ms / SQL / KB" for s in sizes) + " |",
        "|---|---|" + "---|" * len(sizes),
    ]
    for name, page in results[sizes[0]]["pages"].items():
        cells = []
        for size in sizes:
            p = results[size]["pages"][name]
            cells.append(f"{p['median']:.1f} / {p['queries']} / {p['kb']:.0f}")
        lines.append(f"| {name} | `{page['path']}` | " + " | ".join(cells) + " |")
    lines += ["", f"### Plans at {sizes[-1]:,} detainees (EXPLAIN ANALYZE of the slowest queries)"]
    for name, plans in results[sizes[-1]]["plans"].items():
        lines += ["", f"#### {name}", ""]
        for plan in plans:
            lines += ["```", shorten(plan["sql"]), "", plan["plan"], "```"]
    section = "\n".join(lines) + "\n"
    text = path.read_text() if path.exists() else ""
    if SECTION in text:
        before, after = text.split(SECTION, 1)
        following = re.search(r"^## ", after, flags=re.MULTILINE)
        text = before + section + ("\n" + after[following.start() :] if following else "")
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text)


def shorten(sql):
    # The column lists say nothing about the plan.
    return re.sub(r"SELECT .*? FROM", "SELECT … FROM", sql, count=1, flags=re.DOTALL)


if __name__ == "__main__":
    main(Command, "scale")
