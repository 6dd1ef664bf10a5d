"""Flat-colour illustrations drawn by code, for sample records: people, emblems, scenes.

The demo data needs pictures so that cards, profiles, the sponsors wall and news show how they
look with images, but a photograph of a real face would put a real person on a sample record.
These drawings are plainly drawings (flat colours, no shading), and the same seed always draws
the same picture, so a demo loaded on two machines looks alike.

Every function returns a Pillow image; `as_upload()` turns one into a file that the site's
ordinary upload checks then accept or refuse like any other (common.images).
"""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

# Drawn this many times larger, then reduced: Pillow draws shapes without anti-aliasing.
SUPERSAMPLE = 2

SKIN = ["#f1c7a5", "#e0ac84", "#c98e66", "#a8714d", "#8a5a3c", "#f5d3b8"]
HAIR = ["#2b1d14", "#3b2a1e", "#5a3a22", "#1c1c1c", "#7a4b2a", "#6b6b6b"]
GREY_HAIR = ["#b9b4ad", "#d8d4ce", "#8f8a84"]
CLOTHES = ["#7a2230", "#2f4858", "#33658a", "#55505c", "#3d5a40", "#8c5a2b", "#283044"]
BACKGROUNDS = ["#e9dccb", "#d9e4ea", "#e6d5d8", "#dfe6d6", "#ebe3cf", "#d8d6e6"]
EMBLEM_COLOURS = ["#7a2230", "#1f4e79", "#2e6b4f", "#8c5a2b", "#4a3f6b", "#b5443a"]


def _random(kind, seed):
    # A drawing's choices, not a secret: the same seed must give the same picture.
    return random.Random(f"{kind}:{seed}")  # noqa: S311


def _darker(colour, factor=0.82):
    r, g, b = Image.new("RGB", (1, 1), colour).getpixel((0, 0))
    return (int(r * factor), int(g * factor), int(b * factor))


def _lighter(colour, factor=0.35):
    r, g, b = Image.new("RGB", (1, 1), colour).getpixel((0, 0))
    return (int(r + (255 - r) * factor), int(g + (255 - g) * factor), int(b + (255 - b) * factor))


def _reduce(image, size):
    # Averaging each 2 × 2 block smooths the edges as well as Lanczos here, ten times faster.
    return image.reduce(SUPERSAMPLE)


def portrait(seed, size, *, woman=False, age=40):
    """Head and shoulders of an invented person, centred so that any crop to the middle
    keeps the face (cards and profiles crop to 4:5)."""
    rnd = _random("portrait", seed)
    width, height = size
    w, h = width * SUPERSAMPLE, height * SUPERSAMPLE
    background = rnd.choice(BACKGROUNDS)
    image = Image.new("RGB", (w, h), background)
    draw = ImageDraw.Draw(image)

    _backdrop(draw, rnd, w, h, background)

    # The figure fits the middle 4:5 box, whatever the picture's shape.
    box_w = min(w, h * 4 // 5)
    cx = w // 2
    unit = box_w / 100  # the figure is drawn on a 100-unit-wide grid

    skin = rnd.choice(SKIN)
    shade = _darker(skin, 0.86)
    old = age >= 55
    hair = rnd.choice(GREY_HAIR if old else HAIR)
    clothes = rnd.choice(CLOTHES)
    head_w, head_h = 34 * unit, 43 * unit
    head_cx, head_cy = cx, h * 0.43
    head = (head_cx - head_w / 2, head_cy - head_h / 2, head_cx + head_w / 2, head_cy + head_h / 2)

    def at(x, y):
        return (head_cx + x * unit, head_cy + y * unit)

    # Hair that falls behind the head and shoulders goes first.
    long_hair = woman and rnd.random() < 0.75
    if long_hair:
        draw.rounded_rectangle((*at(-21, -24), *at(21, 32)), radius=18 * unit, fill=hair)

    # Shoulders and torso, then the neck over them.
    shoulders_top = head_cy + 27 * unit
    draw.rounded_rectangle(
        (cx - 46 * unit, shoulders_top, cx + 46 * unit, h + 40 * unit),
        radius=30 * unit,
        fill=clothes,
    )
    draw.rectangle((*at(-8, 12), *at(8, 30)), fill=shade)
    neckline = rnd.choice(["v", "round", "collar"])
    if neckline == "v":
        draw.polygon([at(-11, 27), at(11, 27), at(0, 42)], fill=shade)
    elif neckline == "round":
        draw.chord((*at(-11, 20), *at(11, 34)), 0, 180, fill=shade)
    else:
        draw.polygon([at(-9, 27), at(0, 36), at(-14, 40), at(-16, 29)], fill="#f4f1ea")
        draw.polygon([at(9, 27), at(0, 36), at(14, 40), at(16, 29)], fill="#f4f1ea")

    # The hair round the top of the head, the ears, then the face over them.
    style = rnd.choice(
        ["bald", "short", "short"] if old and not woman else ["short", "side", "crop"]
    )
    if woman:
        style = "long" if long_hair else "bun"
    if style == "bun":
        draw.ellipse((*at(-9, -33), *at(9, -17)), fill=hair)
    if style != "bald":
        lift = 3.5 if style == "crop" else 2
        draw.ellipse((*at(-18, -22.5 - lift), *at(18, 14)), fill=hair)
    if not long_hair:
        for side in (-1, 1):
            draw.ellipse((*at(side * 17 - 4, -4), *at(side * 17 + 4, 8)), fill=shade)
    draw.ellipse(head, fill=skin)
    if style == "bald":
        # A fringe of hair above the ears.
        for side in (-1, 1):
            draw.chord((*at(side * 16 - 4, -12), *at(side * 16 + 4, 4)), 0, 360, fill=hair)
    elif style == "side":
        # A side parting: the fringe sweeps from one temple across the forehead.
        draw.chord(head, 205, 335, fill=hair)
        draw.polygon([at(-17, -9), at(-2, -18), at(12, -15), at(-17, -4)], fill=hair)
    else:
        draw.chord(head, 212, 328, fill=hair)

    # Face: brows, eyes, nose, mouth; a beard or moustache for some men.
    eye_y = -1
    brow = _darker(hair, 0.8)
    for side in (-1, 1):
        ex = side * 7
        draw.ellipse((*at(ex - 2, eye_y - 1.6), *at(ex + 2, eye_y + 1.6)), fill="#2a2220")
        draw.line([at(ex - 4, eye_y - 5), at(ex + 3, eye_y - 5.6)], fill=brow, width=int(2 * unit))
    draw.line([at(0, 1), at(-1.5, 8), at(1, 8.5)], fill=_darker(skin, 0.72), width=int(unit))
    if not woman and rnd.random() < 0.45:
        beard = hair if not old else rnd.choice(GREY_HAIR)
        draw.chord((*at(-17, -6), *at(17, 22)), 20, 160, fill=beard)
        draw.ellipse((*at(-7, 10), *at(7, 14.5)), fill=beard)
        draw.arc((*at(-5, 11), *at(5, 17)), 20, 160, fill="#6e3b36", width=int(1.4 * unit))
    else:
        if not woman and rnd.random() < 0.4:
            draw.ellipse((*at(-7, 10), *at(7, 13.5)), fill=hair)
        lips = "#a4504f" if woman else _darker(skin, 0.62)
        draw.arc((*at(-5, 10), *at(5, 16)), 20, 160, fill=lips, width=int(1.6 * unit))
    if rnd.random() < 0.3:
        frame = "#2b2b2b"
        for side in (-1, 1):
            draw.ellipse(
                (*at(side * 7 - 5, eye_y - 4), *at(side * 7 + 5, eye_y + 4)),
                outline=frame,
                width=int(1.1 * unit),
            )
        draw.line([at(-2, eye_y - 1), at(2, eye_y - 1)], fill=frame, width=int(unit))
    return _reduce(image, size)


def _backdrop(draw, rnd, w, h, background):
    """A quiet background: a large disc behind the head, or hills on a wide picture."""
    tint = _darker(background, 0.92)
    if w > h * 1.2:
        # Two peaks on the horizon, as on Armenian posters, and a low hill before them.
        base = h * 0.72
        draw.polygon(
            [
                (0, base),
                (w * 0.18, h * 0.38),
                (w * 0.32, base),
                (w * 0.40, h * 0.52),
                (w * 0.55, base),
            ],
            fill=tint,
        )
        draw.polygon(
            [(w * 0.55, base), (w * 0.8, h * 0.42), (w, h * 0.6), (w, base)],
            fill=tint,
        )
        draw.rectangle((0, base, w, h), fill=_darker(background, 0.86))
    else:
        r = min(w, h) * rnd.uniform(0.34, 0.42)
        cx, cy = w / 2 + rnd.uniform(-0.08, 0.08) * w, h * 0.4
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_lighter(background, 0.45))


def _font(size):
    # Pillow's own font (Aileron): the same letters on every machine, no file to ship.
    return ImageFont.load_default(size=size)


def emblem(initials, seed, size, *, transparent=False):
    """A round or shield-shaped emblem carrying initials, for a sample sponsor's logo."""
    rnd = _random("emblem", seed)
    width, height = size
    w, h = width * SUPERSAMPLE, height * SUPERSAMPLE
    mode, blank = ("RGBA", (0, 0, 0, 0)) if transparent else ("RGB", "#ffffff")
    image = Image.new(mode, (w, h), blank)
    draw = ImageDraw.Draw(image)
    colour = rnd.choice(EMBLEM_COLOURS)
    _draw_emblem(draw, rnd, (0, 0, w, h), colour, initials)
    return _reduce(image, size)


def _draw_emblem(draw, rnd, box, colour, initials):
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0) * 0.92
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left, top = cx - side / 2, cy - side / 2
    shape = rnd.choice(["disc", "shield", "square"])
    if shape == "disc":
        draw.ellipse((left, top, left + side, top + side), fill=colour)
        inset = side * 0.07
        draw.ellipse(
            (left + inset, top + inset, left + side - inset, top + side - inset),
            outline="#ffffff",
            width=max(2, int(side * 0.025)),
        )
    elif shape == "shield":
        draw.polygon(
            [
                (left, top),
                (left + side, top),
                (left + side, top + side * 0.55),
                (cx, top + side),
                (left, top + side * 0.55),
            ],
            fill=colour,
        )
    else:
        draw.rounded_rectangle(
            (left, top, left + side, top + side), radius=side * 0.18, fill=colour
        )
    font = _font(int(side * (0.42 if len(initials) < 3 else 0.32)))
    text_y = cy - side * 0.04 if shape == "shield" else cy
    draw.text(
        (cx, text_y),
        initials,
        font=font,
        fill="#ffffff",
        anchor="mm",
        stroke_width=max(1, int(side * 0.012)),
        stroke_fill="#ffffff",
    )


def wordmark(initials, name, seed, size, *, transparent=False):
    """An emblem and a name beside it: a wide logo, as many cities and NGOs have."""
    rnd = _random("wordmark", seed)
    width, height = size
    w, h = width * SUPERSAMPLE, height * SUPERSAMPLE
    mode, blank = ("RGBA", (0, 0, 0, 0)) if transparent else ("RGB", "#ffffff")
    image = Image.new(mode, (w, h), blank)
    draw = ImageDraw.Draw(image)
    colour = rnd.choice(EMBLEM_COLOURS)
    _draw_emblem(draw, rnd, (0, 0, h, h), colour, initials)
    lines = name.split("\n")
    size_px = int(h * (0.34 if len(lines) == 1 else 0.27))
    text = "\n".join(lines)
    room = w - h * 1.18
    # As large as the room beside the emblem allows: a long name gets smaller letters.
    while True:
        font = _font(size_px)
        left, _top, right, _bottom = draw.multiline_textbbox((0, 0), text, font=font)
        if right - left <= room or size_px < 12:
            break
        size_px = int(size_px * 0.92)
    draw.multiline_text(
        (h * 1.12, h / 2),
        text,
        font=font,
        fill=_darker(colour, 0.7),
        anchor="lm",
        spacing=size_px * 0.15,
        stroke_width=max(1, size_px // 30),
        stroke_fill=_darker(colour, 0.7),
    )
    return _reduce(image, size)


def scene(seed, size):
    """A gathering with placards before two peaks: a news picture with nobody recognisable."""
    rnd = _random("scene", seed)
    width, height = size
    w, h = width * SUPERSAMPLE, height * SUPERSAMPLE
    sky = rnd.choice(["#dbe7ef", "#efe1d0", "#e3dcea"])
    image = Image.new("RGB", (w, h), sky)
    draw = ImageDraw.Draw(image)
    sun = rnd.uniform(0.6, 0.85) * w
    draw.ellipse((sun - h * 0.09, h * 0.12, sun + h * 0.09, h * 0.30), fill="#f3c969")
    _backdrop(draw, rnd, w, h, sky)
    placards = ["#ffffff", "#f3c969", "#7a2230", "#1f4e79"]
    rows = [(h * 0.70, 0.085, 11), (h * 0.84, 0.10, 9)]
    for row, (base, scale, count) in enumerate(rows):
        for i in range(count):
            x = w * (i + 0.5 + rnd.uniform(-0.25, 0.25)) / count
            r = h * scale * 0.35
            body = rnd.choice(CLOTHES)
            head = rnd.choice(HAIR + GREY_HAIR)
            if rnd.random() < 0.4:
                pole = x + r * 0.9
                board = rnd.choice(placards)
                draw.line(
                    [(pole, base - r * 5.2), (pole, base)], fill="#5b4636", width=int(r * 0.22)
                )
                draw.rectangle(
                    (pole - r * 1.6, base - r * 6.6, pole + r * 1.6, base - r * 4.4),
                    fill=board,
                    outline=_darker(board, 0.7),
                    width=max(2, int(r * 0.12)),
                )
            draw.rounded_rectangle(
                (x - r * 1.3, base - r * 1.6, x + r * 1.3, h + r), radius=r, fill=body
            )
            draw.ellipse((x - r, base - r * 3.6, x + r, base - r * 1.6), fill=head)
        if row == 0:
            draw.rectangle((0, h * 0.80, w, h), fill=_darker(sky, 0.6))
    return _reduce(image, size)


def as_upload(image, name, image_format):
    """`image` as a file a form would receive, in `image_format` (JPEG, PNG or WEBP)."""
    out = io.BytesIO()
    options = {"JPEG": {"quality": 90}, "WEBP": {"quality": 90}, "PNG": {"optimize": True}}
    image.save(out, format=image_format, **options[image_format])
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[image_format]
    return SimpleUploadedFile(name, out.getvalue(), content_type)
