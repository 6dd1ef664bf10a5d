# ruff: noqa: S603, S607 -- our own redis-server
"""Which shared cache serves a cached page fastest: `python -m tools.cache_backends`.

Times page-cache hits through the whole middleware stack (Django's test Client, one process)
with "pages" and "default" in the memory cache, in Redis over TCP and in Redis over a unix
socket (a redis-server started here for the measurement), and prints microseconds per hit.
The memory cache is one process's only: it cannot serve several workers or servers.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.core.cache import caches
from django.test import Client, RequestFactory
from django.test.utils import override_settings

from common.cache import PageCacheMiddleware
from tools import main  # noqa: F401, I001 -- sets Django up first

TCP = sys.argv[1] if len(sys.argv) > 1 else "redis://127.0.0.1:6379/8"
PATHS = ["/en/", "/en/prisoners/", "/en/petition/?fbclid=abc"]
HITS = 1000


def backends(socket):
    redis = "django.core.cache.backends.redis.RedisCache"
    return {
        "memory (locmem)": {
            alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
            for alias in ("default", "pages")
        },
        "Redis, TCP loopback": {
            alias: {"BACKEND": redis, "LOCATION": TCP, "KEY_PREFIX": alias}
            for alias in ("default", "pages")
        },
        "Redis, unix socket": {
            alias: {"BACKEND": redis, "LOCATION": f"unix://{socket}?db=0", "KEY_PREFIX": alias}
            for alias in ("default", "pages")
        },
    }


def measure(caches_setting):
    """Microseconds per hit of the page-cache middleware alone (the page is never rebuilt)."""
    with override_settings(
        CACHES=caches_setting, PAGE_CACHE_SECONDS=600, DEBUG=False, ALLOWED_HOSTS=["testserver"]
    ):
        for alias in ("default", "pages"):
            caches[alias].clear()
        client = Client(HTTP_ACCEPT_ENCODING="gzip")
        for path in PATHS:
            assert client.get(path).status_code == 200, path
        middleware = PageCacheMiddleware(lambda request: None)  # a miss would fail below
        requests = [RequestFactory().get(path, HTTP_ACCEPT_ENCODING="gzip") for path in PATHS]
        samples = []
        for _round in range(5):
            began = time.perf_counter()
            for i in range(HITS):
                response = middleware(requests[i % len(requests)])
            samples.append((time.perf_counter() - began) / HITS * 1e6)
            assert response["X-Page-Cache"] == "hit"
        for alias in ("default", "pages"):
            caches[alias].clear()
        return statistics.median(samples)


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
        for name, setting in backends(socket).items():
            print(f"{name}: {measure(setting):.0f} µs per cached page (median of 5 × {HITS})")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    run()
