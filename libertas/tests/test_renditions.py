"""Public pages draw logos and news images from WebP renditions that fit their box, never
from the original upload."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campaign.models import NewsItem
from common import images
from conftest import image_bytes, make_detainee, make_sponsor, make_sponsorship


def upload(name, size, fmt="PNG"):
    return SimpleUploadedFile(name, image_bytes(fmt, size), f"image/{fmt.lower()}")


def img_tags(html):
    return re.findall(r"<img\b[^>]*>", html)


def attribute(tag, name):
    match = re.search(rf'\b{name}="([^"]*)"', tag)
    return match.group(1) if match else None


def test_a_rendition_fits_its_box_keeps_proportions_and_is_never_enlarged(media, db):
    sponsor = make_sponsor(logo=upload("wide.png", (2000, 1000)))
    picture = images.fixed_box(sponsor.logo, 96, 96)
    assert (picture.width, picture.height) == (96, 48)
    one, two = (url.split()[0] for url in picture.srcset.split(", "))
    for url, size in [(one, (96, 48)), (two, (192, 96))]:
        with Image.open(media / url.removeprefix("/media/")) as image:
            assert (image.format, image.size) == ("WEBP", size)
    small = make_sponsor("Petite", logo=upload("small.png", (40, 20)))
    kept = images.fixed_box(small.logo, 96, 96)
    assert (kept.width, kept.height) == (40, 20)


def test_sponsor_logos_on_the_wall_and_the_profile_are_renditions(client, media, db):
    detainee = make_detainee()
    sponsor = make_sponsor(logo=upload("logo.png", (1600, 1600)))
    make_sponsorship(sponsor, detainee)
    original = sponsor.logo.url
    for url, box in [("/en/sponsors/", 96), (f"/en/prisoners/{detainee.slug}/", 48)]:
        html = client.get(url).content.decode()
        assert original not in html
        [logo] = [tag for tag in img_tags(html) if "/media/renditions/" in tag]
        assert (attribute(logo, "width"), attribute(logo, "height")) == (str(box), str(box))
        assert f"-{box * 2}x{box * 2}.webp 2x" in attribute(logo, "srcset")


def test_a_news_image_is_offered_by_widths_and_the_original_is_never_sent(client, media, db):
    item = NewsItem.objects.create(
        slug="n",
        title="News",
        summary="S",
        body="B",
        image=upload("photo.jpg", (3000, 2000), "JPEG"),
    )
    html = client.get("/en/news/n/").content.decode()
    assert item.image.url not in html
    [tag] = img_tags(html)
    assert attribute(tag, "src").endswith("-1296x4000.webp")
    assert (attribute(tag, "width"), attribute(tag, "height")) == ("1296", "864")
    widths = [int(entry.split()[1][:-1]) for entry in attribute(tag, "srcset").split(", ")]
    assert widths == [360, 450, 560, 700, 880, 1100, 1296, 1620, 2048, 2592]
    assert re.search(r'og:image" content="http[^"]+-1200x1200\.webp"', html)


def test_a_missing_logo_file_shows_no_image_rather_than_an_error(client, media, db):
    sponsor = make_sponsor(logo=upload("gone.png", (300, 300)))
    sponsor.logo.storage.delete(sponsor.logo.name)
    response = client.get("/en/sponsors/")
    assert response.status_code == 200
    assert "sponsor-logo" not in response.content.decode()
