"""The 1200×630 image social networks show for a profile, drawn with Pillow.

Only the public name, category and days held are drawn: nothing private, no photo.
DejaVu Sans is vendored in static/fonts because it has Armenian glyphs.
"""

import io
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
DARK = (42, 13, 13)
RED = (139, 26, 26)
WHITE = (255, 255, 255)
PALE = (241, 222, 222)
FONTS = settings.BASE_DIR / "static" / "fonts"


@lru_cache(maxsize=16)
def _font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _fit(draw, text, size, bold, max_width):
    """The largest font, from `size` down, at which `text` fits in `max_width`."""
    while size > 28:
        font = _font(size, bold)
        if draw.textlength(text, font=font) <= max_width:
            return font
        size -= 4
    return _font(size, bold)


def render_share_image(detainee):
    image = Image.new("RGB", (WIDTH, HEIGHT), DARK)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, HEIGHT - 24, WIDTH, HEIGHT], fill=RED)
    draw.rectangle([0, 0, 24, HEIGHT], fill=RED)
    margin = 80
    draw.text((margin, 60), "LIBERTAS", font=_font(40, bold=True), fill=PALE)
    draw.text((margin, 120), str(detainee.category_label), font=_font(36), fill=PALE)
    name = detainee.public_name
    draw.text((margin, 210), name, font=_fit(draw, name, 96, True, WIDTH - 2 * margin), fill=WHITE)
    line = detainee.days_held_label
    if line:
        draw.text(
            (margin, 380), line, font=_fit(draw, line, 64, True, WIDTH - 2 * margin), fill=WHITE
        )
    call = _("Free the Armenian prisoners")
    draw.text((margin, 520), call, font=_font(36), fill=PALE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
