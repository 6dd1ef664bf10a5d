"""Biographies are written in the same Markdown as news, images allowed and sanitised."""

import re

from common.templatetags.common_tags import markdown
from conftest import make_detainee
from prisoners.models import Visibility


def profile_html(client, detainee, language="en"):
    return client.get(f"/{language}/prisoners/{detainee.slug}/").content.decode()


def test_bold_in_a_biography_renders_as_bold(client, db):
    detainee = make_detainee(biography_en="She is a **teacher** from Stepanakert.")
    html = profile_html(client, detainee)
    assert "<strong>teacher</strong>" in html
    assert "**teacher**" not in html


def test_script_and_event_handlers_are_stripped_from_a_biography(client, db):
    detainee = make_detainee(
        biography_en='Text <script>alert(1)</script> <img src="/media/x.png" onerror="alert(2)">'
    )
    html = profile_html(client, detainee)
    assert "<script>alert(1)" not in html
    assert "onerror" not in html
    assert "alert(2)" not in html


def test_an_image_of_our_media_is_kept_and_loads_lazily(client, db):
    detainee = make_detainee(biography_en="![At home](/media/biographies/home.webp)")
    html = profile_html(client, detainee)
    image = re.search(r"<img [^>]*>", html[html.index("Biography") :]).group(0)
    assert 'src="/media/biographies/home.webp"' in image
    assert 'alt="At home"' in image
    assert 'loading="lazy"' in image


def test_an_https_image_keeps_its_address():
    html = markdown("![Court](https://example.org/court.jpg)")
    assert 'src="https://example.org/court.jpg"' in html
    assert 'loading="lazy"' in html


def test_a_javascript_image_address_is_removed():
    html = markdown('![x](javascript:alert(1)) <img src="javascript:alert(2)">')
    assert "javascript:" not in html
    assert "<img" in html  # the image stays, with no address to load


def test_image_addresses_outside_http_and_our_media_are_removed():
    for src in ("data:image/svg+xml;base64,PHN2Zz4=", "//evil.example/x.png", "/admin/x.png"):
        html = markdown(f'<img src="{src}" alt="a">')
        assert "src=" not in html, src


def test_a_limited_profile_shows_no_biography_at_all(client, db):
    detainee = make_detainee(
        slug="a-k-limited",
        visibility=Visibility.LIMITED,
        biography_en="**Secret** life ![p](/media/p.png)",
    )
    html = profile_html(client, detainee)
    assert "Secret" not in html
    assert "/media/p.png" not in html
    assert "Biography" not in html
