"""docker-compose.yml is a safe production example: only the proxy faces the world."""

import re

import pytest
import yaml
from django.conf import settings


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load((settings.BASE_DIR / "docker-compose.yml").read_text())["services"]


def proxy_config():
    return (settings.BASE_DIR / "deploy" / "nginx.conf").read_text()


def test_only_the_proxy_publishes_a_port(services):
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    assert services["proxy"]["image"].startswith("nginx:")


def test_the_app_trusts_exactly_the_one_proxy_in_front(services):
    assert str(services["web"]["environment"]["TRUSTED_PROXY_COUNT"]) == "1"
    # The proxy appends the address it saw, which the app reads as the right-most entry.
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in proxy_config()


def test_the_app_servers_share_a_redis_cache(services):
    assert services["web"]["environment"]["CACHE_URL"].startswith("redis://redis:")


def test_pages_cannot_fill_the_cache_that_holds_the_rate_limits(services):
    # Endless ?q= or ?page= values make endless pages: they go to a Redis of their own that
    # forgets the oldest, while counters sit in one that never evicts.
    pages = services["web"]["environment"]["PAGE_CACHE_URL"]
    assert pages.startswith("redis://redis-pages:")
    assert "--maxmemory-policy allkeys-lru" in " ".join(services["redis-pages"]["command"])
    assert "--maxmemory-policy noeviction" in " ".join(services["redis"]["command"])


def test_the_proxy_refuses_large_requests_as_the_app_does(services):
    size = re.search(r"client_max_body_size (\d+)m;", proxy_config())
    assert size, "no client_max_body_size in deploy/nginx.conf"
    app_limit = int(services["web"]["environment"].get("MAX_REQUEST_BYTES", 12 * 1024 * 1024))
    assert int(size.group(1)) * 1024 * 1024 == app_limit


def test_the_proxy_serves_only_the_public_media_folder(services):
    volumes = services["proxy"]["volumes"]
    media = [volume for volume in volumes if volume.split(":")[0] == "media"]
    assert media == ["media:/srv/media:ro"]
    assert "private" not in " ".join(volumes)
    assert "alias /srv/media/;" in proxy_config()


def test_personal_data_is_purged_daily(services):
    command = " ".join(services["purge"]["command"])
    assert "purge_personal_data" in command
    assert "sleep 86400" in command
