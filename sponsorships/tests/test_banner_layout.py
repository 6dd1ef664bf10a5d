"""Banners and posters, measured in the PDF itself: nothing overlaps, everything is in the safe
area (and the trim), every text has WCAG AA contrast on what is behind it, and the QR code
decodes to the profile.

The grid crosses every format and variant with every photo shape (and none), and cycles the
names and languages so each name meets each language; half the cases carry a sponsor with a
logo, the other half are the public poster's sheet (no sponsor). Boxes come from pdfplumber
(pdfminer's glyph boxes: ascent to descent), images from the page's image placements, the QR
code from its module squares; the QR is decoded by zbarimg (zbar-tools) on a pdftoppm render.
"""

import io
import itertools
import shutil
import subprocess

import pdfplumber
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import translation
from pypdf import PdfReader
from reportlab.lib.units import cm, mm

from common.urls import absolute_url
from conftest import image_bytes, make_detainee, make_sponsor, put_photo
from sponsorships import pdf

PHOTOS = {
    "portrait": (600, 800),
    "landscape": (1200, 500),
    "square": (700, 700),
    "small": (60, 80),
    "none": None,
}
NAMES = {
    "short": ("Ani Sé", "Ani Sé", "Անի Սե"),
    "long": (
        "Maximilian-Alexander Ter-Hovhannisyan Bagratuni de Saint-Exupéry Jr.",
        "Maximilien-Alexandre Ter-Hovhannissian Bagratouni de Saint-Exupéry fils",
        "Մաքսիմիլիան-Ալեքսանդր Տեր-Հովհաննիսյան Բագրատունի Սենտ-Էքզյուպերի կրտսեր",
    ),
    "armenian": ("Արամ Պետրոսյան", "Արամ Պետրոսյան", "Արամ Պետրոսյան"),
}
LANGUAGES = ("en", "fr", "hy")
VARIANTS = [("a4", False), ("a4", True), ("poster", False), ("poster", True), ("rollup", False)]


def grid():
    cases = []
    for n, ((size, bleed), photo) in enumerate(itertools.product(VARIANTS, PHOTOS)):
        name = list(NAMES)[n % 3]
        language = LANGUAGES[(n // 3) % 3]
        sponsored = n % 2 == 0
        cases.append(pytest.param(size, bleed, photo, name, language, sponsored, id=f"{n}"))
    return cases


def test_the_grid_meets_every_name_in_every_language():
    pairs = {(case.values[3], case.values[4]) for case in grid()}
    assert pairs == set(itertools.product(NAMES, LANGUAGES))


def pdf_box(box, height):
    """(x0, top, x1, bottom) in pdfplumber's top-down coordinates from a PDF box."""
    x0, y0, x1, y1 = (float(v) for v in box)
    return (x0, height - y1, x1, height - y0)


def inside(inner, outer, tolerance=0.01):
    return (
        inner[0] >= outer[0] - tolerance
        and inner[1] >= outer[1] - tolerance
        and inner[2] <= outer[2] + tolerance
        and inner[3] <= outer[3] + tolerance
    )


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def luminance(colour):
    def channel(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    if len(colour) == 1:
        colour = colour * 3
    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def measure(content):
    """Every drawn element's box, the page's boxes, and every character with its colours."""
    page_boxes = PdfReader(io.BytesIO(content)).pages[0]
    with pdfplumber.open(io.BytesIO(content)) as document:
        page = document.pages[0]
        height = float(page.height)
        boxes = {
            "trim": pdf_box(page_boxes.trimbox, height),
            "art": pdf_box(page_boxes.artbox, height),
            "bleed": pdf_box(page_boxes.bleedbox, height),
            "media": pdf_box(page_boxes.mediabox, height),
        }
        elements = []
        for line in page.extract_text_lines(strip=True):
            elements.append(
                ("text " + line["text"], (line["x0"], line["top"], line["x1"], line["bottom"]))
            )
        for image in page.images:
            elements.append(("image", (image["x0"], image["top"], image["x1"], image["bottom"])))
        limit = float(page.width) * 0.03
        modules = [
            r for r in page.rects if abs(r["width"] - r["height"]) < 0.01 and r["width"] < limit
        ]
        if modules:
            quiet = 4 * modules[0]["width"]  # the quiet zone the standard asks for
            qr = (
                min(r["x0"] for r in modules) - quiet,
                min(r["top"] for r in modules) - quiet,
                max(r["x1"] for r in modules) + quiet,
                max(r["bottom"] for r in modules) + quiet,
            )
            elements.append(("qr", qr))
        backgrounds = [r for r in page.rects if r not in modules and r["fill"]]
        chars = []
        for char in page.chars:
            if not char["text"].strip():
                continue
            cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
            behind = (1, 1, 1)  # the paper
            for rect in backgrounds:  # in drawing order: the last one is on top
                if rect["x0"] <= cx <= rect["x1"] and rect["top"] <= cy <= rect["bottom"]:
                    behind = tuple(rect["non_stroking_color"])
            chars.append((char["text"], tuple(char["non_stroking_color"]), behind))
        text = page.extract_text()
        lines = page.lines
    return boxes, elements, chars, text, backgrounds, lines


def decode_qr(content, width_pt, folder):
    """What zbarimg reads from the page rendered about 1,000 pixels wide."""
    dpi = max(8, round(1000 / (width_pt / 72)))
    (folder / "sheet.pdf").write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", "sheet.pdf", "sheet"],
        cwd=folder,
        check=True,
    )
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "sheet.png"], cwd=folder, capture_output=True
    )
    return result.stdout.decode().strip()


needs_tools = pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")),
    reason="zbarimg (zbar-tools) and pdftoppm (poppler-utils) are needed to decode the QR code",
)


@needs_tools
@pytest.mark.parametrize("size, bleed, photo, name, language, sponsored", grid())
def test_the_banner_lays_out_cleanly(
    db, media, tmp_path, size, bleed, photo, name, language, sponsored
):
    names = NAMES[name]
    detainee = make_detainee(slug=f"p-{name}", name_en=names[0], name_fr=names[1], name_hy=names[2])
    if PHOTOS[photo]:
        path = put_photo(media, f"detainees/{photo}.png")
        # Of this shape: put_photo's own is a portrait.
        (settings.PRIVATE_MEDIA_ROOT / path).write_bytes(image_bytes("PNG", PHOTOS[photo]))
        detainee.photo = path
        detainee.save()
    sponsor = None
    if sponsored:
        sponsor = make_sponsor("Ville de Valence")
        sponsor.logo.save("logo.png", ContentFile(image_bytes("PNG", (400, 160))))
    with translation.override(language):
        content = pdf.detainee_banner(detainee, size, sponsor, bleed)
        profile = absolute_url(detainee.get_absolute_url())
        shown_name = detainee.name
    boxes, elements, chars, text, backgrounds, lines = measure(content)

    # Everything the sheet must say is there, the whole name included.
    for word in shown_name.split():
        assert word in text.replace("\n", " "), word
    if sponsored:
        assert "Ville de Valence" in text
    images = [e for e in elements if e[0] == "image"]
    assert len(images) == bool(PHOTOS[photo]) + sponsored
    assert sum(e[0] == "qr" for e in elements) == 1

    # Nothing overlaps; everything is in the safe area, which is inside the trim.
    for (a, box_a), (b, box_b) in itertools.combinations(elements, 2):
        assert not overlap(box_a, box_b), f"{a} overlaps {b}"
    assert inside(boxes["art"], boxes["trim"])
    for what, box in elements:
        assert inside(box, boxes["art"]), f"{what} is outside the safe area"
        assert inside(box, boxes["trim"]), f"{what} is outside the trim"

    # Every character reads on what is behind it (WCAG AA: 4.5:1).
    for char, colour, behind in chars:
        assert contrast(colour, behind) >= 4.5, (char, colour, behind)

    if size == "rollup":
        # The stand's cassette hides the bottom 25 cm: the safe area starts above it.
        assert boxes["trim"][3] - boxes["art"][3] >= 25 * cm - 0.01
    if bleed:
        trim, bleed_box = boxes["trim"], boxes["bleed"]
        for n in range(4):
            assert abs(abs(trim[n] - bleed_box[n]) - 3 * mm) < 0.01
        # The header band runs into the bleed at the top and both sides.
        assert any(
            r["x0"] <= bleed_box[0] + 0.01
            and r["x1"] >= bleed_box[2] - 0.01
            and r["top"] <= bleed_box[1] + 0.01
            for r in backgrounds
        )
        # Crop marks: eight strokes, all outside the bleed.
        marks = [
            line
            for line in lines
            if not overlap(
                (line["x0"] - 0.1, line["top"] - 0.1, line["x1"] + 0.1, line["bottom"] + 0.1),
                (bleed_box[0] + 0.2, bleed_box[1] + 0.2, bleed_box[2] - 0.2, bleed_box[3] - 0.2),
            )
        ]
        assert len(marks) == 8
    else:
        assert boxes["trim"] == boxes["media"]

    assert decode_qr(content, boxes["media"][2], tmp_path) == profile
