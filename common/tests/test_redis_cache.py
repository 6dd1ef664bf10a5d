"""The Redis cache keeps one client per process: a cached page pays its round trip, not the
making of a client. Needs the Redis of TEST_REDIS_URL (its database is emptied)."""

import os

import pytest

from common.redis_cache import RedisCache

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


@pytest.fixture
def redis_db():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.flushdb()
    except redis.ConnectionError:
        pytest.fail(f"Redis does not answer at {REDIS_URL}")
    yield
    client.flushdb()


def test_every_call_of_a_process_uses_the_same_client(redis_db):
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "pages"})
    cache.set("a", b"page")
    assert cache.get_many(["a", "b"]) == {"a": b"page"}
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    cache.get("a")
    assert cache._cache.get_client("a") is client


def test_a_change_made_by_another_process_is_read_at_once(redis_db):
    worker, admin = (RedisCache(REDIS_URL, {"KEY_PREFIX": "pages"}) for _ in range(2))
    worker.set("page-gen:all", 1, None)
    assert worker.get("page-gen:all") == 1
    admin.set("page-gen:all", 2, None)
    assert worker.get("page-gen:all") == 2
