# ruff: noqa: S603 -- runs our own programs (manage.py, gunicorn, wrk)
"""`make soak`: 64 connections for 60 s against gunicorn, across the busiest public pages.

It seeds a fresh bench database (SQLite, or PostgreSQL when DATABASE_URL points at a server),
serves it with gunicorn as `make bench` does, and drives wrk with a small Lua script that
walks home, list, profile, sponsors wall and donate in turn. Any socket error, time-out or
answer other than 2xx/3xx fails the run; it prints throughput and p99 latency.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tools import main
from tools.bench import (
    PYTHON,
    bench_database,
    bench_env,
    collectstatic,
    gunicorn,
    run,
)

DETAINEES = 1_000
CONNECTIONS = 64
SECONDS = 60
PAGES = ["/en/", "/fr/prisoners/", None, "/hy/sponsors/", "/en/donate/"]  # None: a profile

WALK = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "SOAK {\\"requests\\": %%d, \\"seconds\\": %%f, \\"connect\\": %%d, \\"read\\": %%d, " ..
    "\\"write\\": %%d, \\"status\\": %%d, \\"timeout\\": %%d, \\"p99_ms\\": %%f}\\n",
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(99) / 1000))
end
"""


class Command(BaseCommand):
    help = "Soak test: 64 concurrent connections for 60 s; fails on any error or 5xx."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=SECONDS)
        parser.add_argument("--connections", type=int, default=CONNECTIONS)

    def handle(self, *args, seconds, connections, **options):
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError("wrk is not installed: apt-get install wrk")
        server_url = os.environ.get("DATABASE_URL", "")
        server_url = server_url if server_url.startswith(("postgres://", "postgresql://")) else None
        collectstatic()
        with bench_database(server_url, DETAINEES) as url:
            env = bench_env(url)
            run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], env)
            run([PYTHON, "-m", "tools.seed_bench", f"--detainees={DETAINEES}", "-v0"], env)
            profile = json.loads(run([PYTHON, "-m", "tools.bench", "--probe"], env))["paths"][
                "profile"
            ]
            paths = [path or profile for path in PAGES]
            with tempfile.TemporaryDirectory() as tmp, gunicorn(env) as origin:
                script = Path(tmp) / "walk.lua"
                script.write_text(WALK % ", ".join(f'"{p}"' for p in paths))
                self.stdout.write(
                    f"{connections} connections for {seconds} s on {', '.join(paths)}"
                )
                output = subprocess.run(
                    [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout=10s",
                     "-s", str(script), origin],
                    capture_output=True, text=True, check=True,
                ).stdout  # fmt: skip
        result = json.loads(re.search(r"SOAK (\{.*\})", output).group(1))
        errors = {k: result[k] for k in ("connect", "read", "write", "status", "timeout")}
        self.stdout.write(
            f"{result['requests']} requests in {result['seconds']:.0f} s: "
            f"{result['requests'] / result['seconds']:.0f} requests/s, "
            f"p99 latency {result['p99_ms']:.1f} ms, errors {errors}"
        )
        if any(errors.values()):
            raise CommandError(f"The soak test saw errors: {errors}")
        self.stdout.write(self.style.SUCCESS("No error, no 5xx."))


if __name__ == "__main__":
    main(Command, "soak")
