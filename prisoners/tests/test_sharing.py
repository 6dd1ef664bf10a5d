"""Each public profile has Open Graph tags and a 1200×630 share image in the page's language."""

import io

from django.conf import settings
from PIL import Image, ImageChops, ImageDraw, ImageFont

from conftest import make_detainee
from prisoners.models import Visibility


def test_the_share_image_is_a_1200_by_630_png(client, db):
    detainee = make_detainee()
    response = client.get(f"/hy/prisoners/{detainee.slug}/share.png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)


def test_the_share_image_follows_the_page_language(client, db):
    detainee = make_detainee()
    english = Image.open(io.BytesIO(client.get(f"/en/prisoners/{detainee.slug}/share.png").content))
    armenian = Image.open(
        io.BytesIO(client.get(f"/hy/prisoners/{detainee.slug}/share.png").content)
    )
    assert ImageChops.difference(english.convert("RGB"), armenian.convert("RGB")).getbbox()


def test_the_vendored_font_draws_armenian_letters():
    font = ImageFont.truetype(str(settings.BASE_DIR / "static/fonts/DejaVuSans.ttf"), 40)

    def drawn(text):
        image = Image.new("L", (60, 60))
        ImageDraw.Draw(image).text((5, 5), text, font=font, fill=255)
        return image.tobytes()

    missing = drawn("\ue000")  # a private-use character: the font's empty box
    for letter in "ԱՍաղթյն":
        assert drawn(letter) != missing


def test_the_profile_has_open_graph_tags_pointing_to_the_share_image(client, db):
    detainee = make_detainee()
    html = client.get(f"/fr/prisoners/{detainee.slug}/").content.decode()
    image_url = f"{settings.SITE_URL}/fr/prisoners/{detainee.slug}/share.png"
    assert f'<meta property="og:image" content="{image_url}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:title" content="Ani Karapetian' in html


def test_share_links_need_no_third_party_script(client, db):
    detainee = make_detainee()
    html = client.get(detainee.get_absolute_url()).content.decode()
    assert "https://t.me/share/url?url=" in html and "mailto:?subject=" in html
    assert "facebook.com/sharer" in html
    scripts = [part.split('"')[1] for part in html.split("<script src=")[1:]]
    assert all(src.startswith("/static/") for src in scripts)


def test_a_limited_share_image_shows_initials_only(client, db):
    detainee = make_detainee(slug="record-17", visibility=Visibility.LIMITED)
    html = client.get(detainee.get_absolute_url()).content.decode()
    assert 'content="A. K.' in html and "Karapetyan" not in html
    assert client.get(f"/en/prisoners/{detainee.slug}/share.png").status_code == 200
