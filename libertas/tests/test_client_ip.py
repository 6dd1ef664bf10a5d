import pytest
from django.test import RequestFactory

from common.views import client_ip
from conftest import PASSWORD


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxy_the_connection_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_behind_one_proxy_the_address_it_saw_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = request_from("10.0.0.2", "198.51.100.77, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"


def test_a_forged_header_cannot_choose_the_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote 1.2.3.4 itself; the proxy appended the real address last.
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 203.0.113.9")) == "203.0.113.9"


def compose_web_environment():
    """The environment docker-compose.yml gives the app, as the production example sets it."""
    import yaml
    from django.conf import settings as django_settings

    compose = yaml.safe_load((django_settings.BASE_DIR / "docker-compose.yml").read_text())
    return compose["services"]["web"]["environment"]


@pytest.fixture
def behind_compose_proxy(settings):
    count = int(compose_web_environment().get("TRUSTED_PROXY_COUNT", 0))
    settings.TRUSTED_PROXY_COUNT = count
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = count


PROXY = "172.18.0.5"  # the proxy container: every request reaches the app from it


def test_rotating_forwarded_for_cannot_escape_the_limit(client, demo_data, behind_compose_proxy):
    from prisoners.models import Detainee

    url = f"/en/prisoners/{Detainee.objects.public().first().slug}/report/"
    statuses = [
        client.post(
            url, {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.9"
        ).status_code
        for n in range(8)
    ]
    assert statuses[-1] == 429


def test_wrong_passwords_from_one_address_do_not_lock_out_staff_elsewhere(
    client, alice, behind_compose_proxy
):
    from conftest import make_user

    carol = make_user("carol@example.org", is_staff=True)
    for _attempt in range(12):
        client.post(
            "/en/accounts/login/",
            {"login": "alice@example.org", "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    response = client.post(
        "/en/accounts/login/",
        {"login": carol.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code != 429
    assert "Too many" not in response.content.decode()
