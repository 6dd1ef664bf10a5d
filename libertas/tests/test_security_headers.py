"""Every public page carries the security headers and loads nothing from another origin."""

import re

import pytest

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize("url", ["/en/", "/fr/about/", "/hy/privacy/", "/en/accounts/login/"])
def test_public_page_carries_the_security_headers(client, demo_data, url):
    response = client.get(url, secure=True)
    for header, value in EXPECTED.items():
        assert response[header] == value
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_https_responses_carry_hsts(client, demo_data, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_public_pages_have_no_inline_script_and_load_nothing_from_elsewhere(client, demo_data):
    html = client.get("/en/").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script found"
    assert " style=" not in html
    for source in re.findall(r'\bsrc="([^"]+)"', html):
        assert source.startswith(("/", "data:")), source
    for tag in re.findall(r"<link\b[^>]*>", html):
        if 'rel="alternate"' in tag or 'rel="canonical"' in tag:
            continue  # addresses of this page, not requests the browser makes
        assert re.search(r'href="/', tag), tag


def test_session_and_csrf_cookies_are_protected(settings):
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SECURE
    assert settings.CSRF_COOKIE_SECURE
