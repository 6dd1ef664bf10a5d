"""The 1200×630 image social networks show for a profile, drawn with Pillow.

Only the public view is drawn: name, category, status, days held, and the site's address;
nothing private, no photo. plan_share() places every line in a box of its own before anything
is drawn (the tests check the boxes meet nowhere and stay in the safe area); render draws them.
DejaVu Sans is vendored in static/fonts because it has Armenian glyphs.
"""

import io
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

from common.urls import site_host

WIDTH, HEIGHT = 1200, 630
DARK = (42, 13, 13)
RED = (139, 26, 26)
WHITE = (255, 255, 255)
PALE = (241, 222, 222)
FONTS = settings.BASE_DIR / "static" / "fonts"
# The text's area: inside the red bars (left 24 px, bottom 24 px) with room to breathe.
SAFE = (80, 50, WIDTH - 80, HEIGHT - 24 - 40)
GAP = 18


@lru_cache(maxsize=64)
def _font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


@dataclass
class Line:
    text: str
    font: object
    fill: tuple
    box: tuple  # (left, top, right, bottom): the line's full height, ascender to descender


def _line(text, size, bold, fill, top, max_width, smallest=6):
    """One line at the largest size from `size` down at which it fits `max_width`."""
    while True:
        font = _font(size, bold)
        width = font.getlength(text)
        if width <= max_width or size <= smallest:
            break
        size -= 2
    ascent, descent = font.getmetrics()
    left = SAFE[0]
    return Line(text, font, fill, (left, top, left + min(width, max_width), top + ascent + descent))


def _wrapped(text, size, bold, fill, top, max_width):
    """One line if it fits at 60% of `size`, else two lines, shrinking until both fit."""
    single = _line(text, size, bold, fill, top, max_width, smallest=int(size * 0.6))
    if single.font.getlength(text) <= max_width or " " not in text.strip():
        return [_line(text, size, bold, fill, top, max_width)]
    # Break only at plain spaces: the no-break spaces inside "1 132" keep the number whole.
    words = text.split(" ")
    # Break where the two halves are most even, then fit both at one size.
    best = min(
        range(1, len(words)),
        key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))),
    )
    halves = [" ".join(words[:best]), " ".join(words[best:])]
    while size > 12 and any(_font(size, bold).getlength(h) > max_width for h in halves):
        size -= 2
    first = _line(halves[0], size, bold, fill, top, max_width)
    second = _line(halves[1], size, bold, fill, first.box[3], max_width)
    return [first, second]


def _shift(lines, dy):
    for line in lines:
        left, top, right, bottom = line.box
        line.box = (left, top + dy, right, bottom + dy)
    return lines


def plan_share(detainee):
    """Every line of a detainee's share image with its box, in the active language."""
    width = SAFE[2] - SAFE[0]
    subtitle = f"{detainee.category_label} · {detainee.status_label}"
    head = [_line("LIBERTAS", 40, True, PALE, SAFE[1], width)]
    head.append(_line(subtitle, 34, False, PALE, head[-1].box[3] + 10, width))
    # The bottom, anchored to the safe area: the call (by status) and the site's address.
    foot = [_line(detainee.share_call(), 34, False, PALE, 0, width)]
    foot.append(_line(site_host(), 30, True, WHITE, foot[-1].box[3] + 6, width))
    _shift(foot, SAFE[3] - foot[-1].box[3])
    # The middle: name and days held, shrunk together until they fit between the two.
    room = (head[-1].box[3] + GAP * 2, foot[0].box[1] - GAP * 2)
    name_size, days_size = 96, 60
    while True:
        middle = _wrapped(detainee.public_name, name_size, True, WHITE, 0, width)
        if detainee.days_held_label:
            top = middle[-1].box[3] + GAP
            middle += _wrapped(detainee.days_held_label, days_size, True, WHITE, top, width)
        height = middle[-1].box[3] - middle[0].box[1]
        if height <= room[1] - room[0] or name_size <= 20:
            break
        name_size, days_size = name_size - 6, max(20, days_size - 4)
    _shift(middle, room[0] + (room[1] - room[0] - height) / 2 - middle[0].box[1])
    return head + middle + foot


def render_share_image(detainee):
    image = Image.new("RGB", (WIDTH, HEIGHT), DARK)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, HEIGHT - 24, WIDTH, HEIGHT], fill=RED)
    draw.rectangle([0, 0, 24, HEIGHT], fill=RED)
    for line in plan_share(detainee):
        draw.text(line.box[:2], line.text, font=line.font, fill=line.fill)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
