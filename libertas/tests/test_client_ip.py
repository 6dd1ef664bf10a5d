from django.test import RequestFactory

from libertas.views import client_ip


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
