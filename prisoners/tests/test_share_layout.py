"""Share images, measured through the drawing code's boxes: no two lines meet, every line is in
the safe area, the ink of each line is inside its box; the image states the status and the
site's address, and only says "Free the Armenian prisoners" while the person is held."""

import datetime
import io
import itertools

import pytest
from django.utils import translation
from PIL import Image, ImageDraw

from common.urls import site_host
from prisoners.models import Category, Detainee, Status, Visibility
from prisoners.share import HEIGHT, SAFE, WIDTH, plan_share, render_share_image

NAMES = {
    "short": "Ani Sé",
    "long": "Maximilian-Alexander Ter-Hovhannisyan Bagratuni de Saint-Exupéry Junior",
    "one-long-word": "Ter-Hovhannisyan-Bagratuni-Saint-Exupéry-Melkonyan-Karapetyan",
    "armenian": "Մաքսիմիլիան-Ալեքսանդր Տեր-Հովհաննիսյան Բագրատունի",
}
STATUSES = {
    "held": {"status": Status.HELD, "captured_on": datetime.date(2020, 12, 13)},
    "disappeared": {
        "status": Status.UNKNOWN,
        "category": Category.DISAPPEARED,
        "last_seen_on": datetime.date(2020, 10, 1),
    },
    "released": {
        "status": Status.RELEASED,
        "captured_on": datetime.date(2020, 12, 13),
        "released_on": datetime.date(2024, 1, 19),
    },
    "deceased": {
        "status": Status.DECEASED,
        "captured_on": datetime.date(2020, 12, 13),
        "died_on": datetime.date(2022, 5, 1),
    },
}


def person(name, status):
    fields = {"category": Category.POW, **STATUSES[status]}
    return Detainee(slug="x", name=name, visibility=Visibility.PUBLIC, **fields).public_view()


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(
    "name, status, language", list(itertools.product(NAMES, STATUSES, ("en", "fr", "hy")))
)
def test_the_share_image_lays_out_cleanly(name, status, language):
    detainee = person(NAMES[name], status)
    with translation.override(language):
        lines = plan_share(detainee)
        status_label = str(detainee.status_label)
        held_call = translation.gettext("Free the Armenian prisoners")
        label = detainee.days_held_label
    draw = ImageDraw.Draw(Image.new("RGB", (WIDTH, HEIGHT)))
    for a, b in itertools.combinations(lines, 2):
        assert not overlap(a.box, b.box), (a.text, b.text)
    for line in lines:
        left, top, right, bottom = line.box
        assert SAFE[0] <= left and right <= SAFE[2] and SAFE[1] <= top and bottom <= SAFE[3]
        # What Pillow actually inks stays in the box the plan gave the line.
        ink = draw.textbbox((left, top), line.text, font=line.font)
        assert left - 1 <= ink[0] and ink[2] <= right + 1, line.text
        assert top - 1 <= ink[1] and ink[3] <= bottom + 1, line.text
    text = " ".join(line.text for line in lines)
    for word in NAMES[name].split():
        assert word in text
    assert status_label in text
    assert label in [line.text for line in lines] or label in text
    assert site_host() in [line.text for line in lines]
    assert (held_call in text) == (status in ("held", "disappeared"))


def test_the_share_image_is_drawn_as_planned(db):
    png = render_share_image(person(NAMES["short"], "released"))
    image = Image.open(io.BytesIO(png))
    assert image.size == (WIDTH, HEIGHT)
