# ruff: noqa: S603, S607 -- our own redis-server
"""Which shared cache serves a cached page fastest: `python -m tools.cache_backends [redis-url]`.

Puts "pages" and "default" in the memory cache, in Redis over TCP (the URL given, default
redis://127.0.0.1:6379/8; its database is emptied) and in Redis over a unix socket (a
redis-server started here for the measurement), and times cached pages (home, list, petition
with `?fbclid=`) two ways, in one process, median of ROUNDS rounds of HITS requests:
- the page-cache middleware alone: what the cache itself costs a hit;
- the whole WSGI app (every middleware, no HTTP server), with /healthz through the same app in
  the same round: the ratio is what the spike benchmark holds to its budget, without wrk and
  gunicorn, and it is robust to other work on the machine, which slows both alike.
The memory cache is one process's only: it cannot serve several workers or servers.
"""

import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client, RequestFactory
from django.test.utils import override_settings

from common.cache import PageCacheMiddleware
from tools import main  # noqa: F401, I001 -- sets Django up first

TCP = sys.argv[1] if len(sys.argv) > 1 else "redis://127.0.0.1:6379/8"
PATHS = ["/en/", "/en/prisoners/", "/en/petition/?fbclid=abc"]
HITS = 500
ROUNDS = 7


def backends(socket):
    redis = "common.redis_cache.RedisCache"
    return {
        "memory (locmem), one process only": {
            alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
            for alias in ("default", "pages")
        },
        "Redis over TCP loopback": {
            alias: {"BACKEND": redis, "LOCATION": TCP, "KEY_PREFIX": alias}
            for alias in ("default", "pages")
        },
        "Redis over a unix socket": {
            alias: {"BACKEND": redis, "LOCATION": f"unix://{socket}?db=0", "KEY_PREFIX": alias}
            for alias in ("default", "pages")
        },
    }


def environ(url):
    path, _, query = url.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate, br",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }


def per_request(call, count):
    """Microseconds per call of `call(i)`, over `count` calls."""
    began = time.perf_counter()
    for i in range(count):
        call(i)
    return (time.perf_counter() - began) / count * 1e6


def measure(caches_setting):
    """(µs per hit of the middleware, µs per hit of the app, µs per /healthz of the app)."""
    with override_settings(
        CACHES=caches_setting, PAGE_CACHE_SECONDS=600, DEBUG=False, ALLOWED_HOSTS=["testserver"]
    ):
        for alias in ("default", "pages"):
            caches[alias].clear()
        client = Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        for path in PATHS:
            assert client.get(path).status_code == 200, path
            assert client.get(path)["X-Page-Cache"] == "hit", path
        middleware = PageCacheMiddleware(lambda request: None)  # a miss would fail below
        requests = [RequestFactory().get(path, HTTP_ACCEPT_ENCODING="gzip") for path in PATHS]
        app = WSGIHandler()
        seen = {}

        def start_response(status, headers):
            seen["status"], seen["headers"] = status, dict(headers)

        def through_app(url):
            for _chunk in app(environ(url), start_response):
                pass

        alone, pages, healthz = [], [], []
        for _round in range(ROUNDS):
            alone.append(per_request(lambda i: middleware(requests[i % len(requests)]), HITS))
            pages.append(per_request(lambda i: through_app(PATHS[i % len(PATHS)]), HITS))
            assert seen["headers"]["X-Page-Cache"] == "hit"
            healthz.append(per_request(lambda i: through_app("/healthz"), HITS))
            assert seen["status"] == "200 OK"
        for alias in ("default", "pages"):
            caches[alias].clear()
        ratios = [h / p for h, p in zip(healthz, pages, strict=True)]
        return (
            statistics.median(alone),
            statistics.median(pages),
            statistics.median(healthz),
            statistics.median(ratios),
        )


def run():
    folder = Path(tempfile.mkdtemp())
    socket = folder / "redis.sock"
    server = subprocess.Popen(
        ["redis-server", "--port", "0", "--unixsocket", str(socket), "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(50):
            if socket.exists():
                break
            time.sleep(0.1)
        print(f"Median of {ROUNDS} rounds of {HITS} requests; µs per request.")
        print("| Backend | middleware alone, per hit | whole app, per hit | /healthz | ratio |")
        print("|---|---|---|---|---|")
        for name, setting in backends(socket).items():
            alone, page, healthz, ratio = measure(setting)
            print(f"| {name} | {alone:,.0f} | {page:,.0f} | {healthz:,.0f} | {ratio:.2f} |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    run()
