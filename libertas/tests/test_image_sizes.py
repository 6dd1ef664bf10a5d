"""Every image on every public page is a copy of about the size it is drawn at.

A crawl in Chromium at phone and desktop width, on ordinary and retina screens: each <img>
the browser loaded must come from a rendition (or our static files), never an original
upload, and its file be at most twice as wide, in pixels, as the box it is drawn in; on a
retina screen, which asks for twice the box, at most one step of the width ladder (25%)
above that (a full-width news image is offered in steps, common.images.WIDE_WIDTHS).
"""

import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from campaign.models import NewsItem
from conftest import image_bytes, make_detainee, make_sponsor, make_sponsorship, put_photo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Where a page may take an image from: detainees' published photos, renditions of logos and
# news images, our own static files. Never sponsors/logos/ or news/ (the uploads).
ALLOWED_SOURCE = re.compile(r"^/(media/photos/|media/renditions/|static/)")

# The file's own width: an <img> with a srcset reports a width corrected by the chosen
# density, so each source is loaded again in a plain Image to read its pixels.
MEASURE = """async () => Promise.all(Array.from(document.images).map(async img => {
    const probe = new Image();
    probe.src = img.currentSrc || img.src;
    await probe.decode().catch(() => null);
    return {
        src: new URL(img.currentSrc || img.src).pathname,
        file: probe.naturalWidth,
        box: img.getBoundingClientRect().width,
    };
}))"""


def serve_media(context):
    """The test server does not serve /media/ (SERVE_MEDIA is off): the browser reads the
    files from the test's media folder instead, so what it measures is what we wrote."""

    def fulfil(route):
        path = re.sub(r"^https?://[^/]+/media/", "", route.request.url).split("?")[0]
        file = settings.MEDIA_ROOT / path
        if file.is_file():
            route.fulfill(status=200, body=file.read_bytes(), content_type="image/webp")
        else:
            route.fulfill(status=404, body=b"")

    context.route("**/media/**", fulfil)


@pytest.fixture
def records(media):
    detainee = make_detainee(photo=put_photo(media))
    logo = SimpleUploadedFile("logo.png", image_bytes("PNG", (1800, 900)), "image/png")
    make_sponsorship(make_sponsor(logo=logo), detainee)
    photo = SimpleUploadedFile("photo.jpg", image_bytes("JPEG", (4000, 2600)), "image/jpeg")
    NewsItem.objects.create(slug="vigil", title="Vigil", summary="S", body="B", image=photo)
    return detainee


@pytest.mark.parametrize("scale", [1, 2])
def test_every_image_is_a_rendition_at_most_twice_its_box(browser, live_server, records, scale):
    pages = ["/", "/prisoners/", f"/prisoners/{records.slug}/", "/sponsors/", "/news/vigil/"]
    seen = 0
    for width in (390, 1280):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, device_scale_factor=scale
        )
        serve_media(context)
        page = context.new_page()
        for language in ("en", "hy"):
            for path in pages:
                page.goto(f"{live_server.url}/{language}{path}")
                # Load the lazy ones too, then wait until every image has arrived.
                page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
                # Polled from here: wait_for_function's own polling evaluates a string, which
                # the page's Content-Security-Policy (no 'unsafe-eval') refuses.
                for _ in range(100):
                    if page.evaluate("Array.from(document.images).every(i => i.complete)"):
                        break
                    page.wait_for_timeout(100)
                for img in page.evaluate(MEASURE):
                    where = f"{img['src']} on {language}{path} at {width}px ×{scale}"
                    assert ALLOWED_SOURCE.match(img["src"]), where
                    assert img["file"] > 0, f"not loaded: {where}"
                    if img["box"] == 0:
                        continue  # not drawn at this width
                    assert img["file"] <= max(2, 1.25 * scale) * img["box"] + 1, (img, where)
                    seen += 1
        context.close()
    assert seen >= 16  # the photo, the logo and the news image, on each pass
