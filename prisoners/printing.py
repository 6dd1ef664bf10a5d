"""Printed sheets of a detainee (PDF): the public A4 poster, and the page sponsors' banners use.

A sheet is planned before it is drawn: plan_sheet() places every text, picture and the QR code
in a box of its own, top-down inside the format's safe area, with the QR code and address
anchored at the bottom and the photo given the height that remains. Text shrinks and wraps to
its box, so no name, language or photo shape makes two boxes meet; the tests measure the boxes
in the PDF itself. A print variant adds 3 mm of bleed (the header band runs into it), crop
marks, and the TrimBox and BleedBox a print shop reads; every variant's ArtBox is its safe area.

DejaVu Sans is embedded because the standard PDF fonts have no Armenian letters.
"""

import io
from dataclasses import dataclass, field

import segno
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps
from reportlab.lib.colors import HexColor, black, white
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from common.urls import absolute_url, site_host

# Dark red on white and white on near-black: both far above WCAG AA's 4.5:1.
DARK = HexColor("#2a0d0d")
RED = HexColor("#8b1a1a")
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
LEADING = 1.2  # line height as a multiple of the font size
BLEED = 3 * mm
SLUG = 10 * mm  # room outside the bleed for the crop marks
PRINT_DPI = 150  # below this a photo prints visibly soft


@dataclass(frozen=True)
class Format:
    label: str
    width: float
    height: float
    margin: float  # the safe area's distance from the trim on every side
    bottom_clear: float = 0  # kept empty above the bottom margin (a roll-up's cassette)
    print_variant: bool = True  # offered with bleed and crop marks


FORMATS = {
    "poster": Format(gettext_lazy("A3 poster"), *A3, margin=15 * mm),
    "a4": Format(gettext_lazy("A4 sheet"), *A4, margin=12 * mm),
    # The stand's cassette hides the bottom 25 cm: nothing but the background goes there.
    "rollup": Format(
        gettext_lazy("Roll-up banner, 85 × 200 cm"),
        85 * cm,
        200 * cm,
        margin=4 * cm,
        bottom_clear=21 * cm,
        print_variant=False,
    ),
}


def register_fonts():
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    fonts = settings.BASE_DIR / "static" / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts / "DejaVuSans-Bold.ttf")))


# What a sheet is made of. Boxes are (x0, y0, x1, y1) in points from the trim's bottom left.


@dataclass
class Text:
    lines: list
    font: str
    size: float
    colour: object
    box: tuple
    align: str = "centre"


@dataclass
class Picture:
    image: Image.Image
    box: tuple
    kind: str  # "photo" or "logo"


@dataclass
class Code:
    url: str
    box: tuple


@dataclass
class Fill:
    colour: object
    box: tuple


@dataclass
class Plan:
    format: Format
    bleed: bool
    title: str
    items: list = field(default_factory=list)

    @property
    def safe(self):
        f = self.format
        return (f.margin, f.margin + f.bottom_clear, f.width - f.margin, f.height - f.margin)

    def photo_dpi(self):
        """The photo's resolution as printed, or None without a photo."""
        for item in self.items:
            if isinstance(item, Picture) and item.kind == "photo":
                return item.image.width / ((item.box[2] - item.box[0]) / 72)
        return None


def fit(text, font, size, width, max_lines=2):
    """The lines and size at which `text` fits `width` in at most `max_lines` lines.

    One line is preferred down to 60% of `size`; then the text wraps; below that it shrinks
    until it fits, however long the name: a small name is better than one over the photo.
    """
    register_fonts()
    smallest_single = size * 0.6
    while size > 2:
        lines = simpleSplit(text, font, size, width) or [""]
        fits = all(pdfmetrics.stringWidth(line, font, size) <= width for line in lines)
        if fits and (len(lines) == 1 or (size < smallest_single and len(lines) <= max_lines)):
            return lines, size
        size *= 0.95
    return lines[:max_lines], size


def text_block(text, font, size, colour, x0, x1, top, max_lines=2, align="centre"):
    lines, size = fit(text, font, size, x1 - x0, max_lines)
    height = len(lines) * size * LEADING
    return Text(lines, font, size, colour, (x0, top - height, x1, top), align)


def move(item, dy):
    x0, y0, x1, y1 = item.box
    item.box = (x0, y0 + dy, x1, y1 + dy)
    return item


def open_image(file):
    """The image of a stored file, upright, or None when it cannot be read."""
    if not file:
        return None
    try:
        with file.open("rb") as handle:
            image = Image.open(io.BytesIO(handle.read()))
            image.load()
    except (OSError, ValueError):
        return None
    return ImageOps.exif_transpose(image)


@dataclass
class SheetContent:
    """What a detainee's sheet says, in the active language."""

    name: str
    subtitle: str
    days: str
    call: str
    url: str
    photo: Image.Image | None = None
    credit: str = ""
    logo: Image.Image | None = None


def detainee_content(detainee, credit="", logo=None):
    """The content of a person's sheet, from their public view only."""
    view = detainee.public_view()
    parts = [str(view.category_label), str(view.status_label)]
    return SheetContent(
        name=view.public_name,
        subtitle=" · ".join(parts),
        days=view.days_held_label,
        call=view.print_call(),
        url=absolute_url(view.get_absolute_url()),
        photo=open_image(view.public_photo),
        credit=credit,
        logo=logo,
    )


def plan_header(plan):
    """The dark band with the campaign's name, running into the bleed; returns its bottom."""
    x0, _y0, x1, top = plan.safe
    width = x1 - x0
    title = text_block("LIBERTAS", FONT_BOLD, width * 0.09, white, x0, x1, top, 1)
    tagline = text_block(
        _("Campaign for the Armenian prisoners held in Azerbaijan"),
        FONT,
        width * 0.032,
        white,
        x0,
        x1,
        title.box[1] - width * 0.01,
    )
    bottom = tagline.box[1] - width * 0.03
    f = plan.format
    extra = BLEED if plan.bleed else 0
    band = Fill(DARK, (-extra, bottom, f.width + extra, f.height + extra))
    plan.items += [band, title, tagline]
    return bottom


def plan_footer(plan, url, hint):
    """The QR code to `url` on the left of the address and a hint; returns the footer's top."""
    x0, bottom, x1, _y1 = plan.safe
    width = x1 - x0
    side = width * 0.26
    code = Code(url, (x0, bottom, x0 + side, bottom + side))
    left = x0 + side + width * 0.04
    address = text_block(site_host(), FONT_BOLD, width * 0.06, RED, left, x1, 0, 1, "left")
    hint = text_block(hint, FONT, width * 0.03, DARK, left, x1, 0, 3, "left")
    # The two lines centred on the code.
    stack = (address.box[3] - address.box[1]) + width * 0.015 + (hint.box[3] - hint.box[1])
    top = bottom + (side + stack) / 2
    move(address, top)
    move(hint, address.box[1] - width * 0.015)
    plan.items += [code, address, hint]
    return bottom + side


def plan_credit(plan, text, logo, bottom):
    """The sponsor's logo and sentence above the footer; returns the top of the strip."""
    x0, _y0, x1, _y1 = plan.safe
    width = x1 - x0
    height = width * 0.1
    left = x0
    if logo is not None:
        ratio = logo.width / logo.height
        logo_w = min(width * 0.3, height * ratio)
        logo_h = logo_w / ratio
        y = bottom + (height - logo_h) / 2
        plan.items.append(Picture(logo, (x0, y, x0 + logo_w, y + logo_h), "logo"))
        left = x0 + logo_w + width * 0.04
    align = "left" if logo is not None else "centre"
    sentence = text_block(text, FONT_BOLD, width * 0.04, DARK, left, x1, 0, 2, align)
    text_h = sentence.box[3] - sentence.box[1]
    move(sentence, bottom + max(height, text_h) / 2 + text_h / 2)
    plan.items.append(sentence)
    return bottom + max(height, text_h)


def plan_middle(plan, blocks, photo, top, bottom):
    """Photo on top, the text blocks under it, all between `top` and `bottom`.

    `blocks` are (text, font, relative size, colour, max lines). The text shrinks until the
    photo has at least a third of the safe width in height, so a long name never reaches it.
    """
    x0, _y0, x1, _y1 = plan.safe
    width = x1 - x0
    gap = width * 0.025
    for attempt in range(40):
        scale = 0.93**attempt
        texts = []
        y = 0
        for text, font, size, colour, lines in blocks:
            if not text:
                continue
            block = text_block(text, font, width * size * scale, colour, x0, x1, y, lines)
            texts.append(block)
            y = block.box[1] - gap
        text_h = -y - gap if texts else 0
        room = top - bottom - text_h - 2 * gap
        if photo is None or room >= width / 3 or attempt == 39:
            break
    if photo is not None and room > 0:
        box_w, box_h = width * 0.8, min(room, width * 1.1)
        ratio = photo.width / photo.height
        w = min(box_w, box_h * ratio)
        h = w / ratio
        spare = (top - bottom - h - text_h - 2 * gap) / 3
        left = (x0 + x1 - w) / 2
        photo_top = top - gap - spare
        plan.items.append(Picture(photo, (left, photo_top - h, left + w, photo_top), "photo"))
        text_top = photo_top - h - gap - spare
    else:
        # No photo: the text in the middle of the space.
        text_top = top - (top - bottom - text_h) / 2
    for block in texts:
        plan.items.append(move(block, text_top))


def plan_detainee_sheet(content, size, bleed=False):
    plan = Plan(FORMATS[size], bleed, content.name)
    width = plan.safe[2] - plan.safe[0]
    header_bottom = plan_header(plan)
    footer_top = plan_footer(plan, content.url, _("Scan the code to read the profile."))
    above = footer_top + width * 0.04
    if content.credit:
        above = plan_credit(plan, content.credit, content.logo, above) + width * 0.04
    blocks = [
        (content.name, FONT_BOLD, 0.1, DARK, 2),
        (content.subtitle, FONT, 0.04, RED, 2),
        (content.days, FONT_BOLD, 0.06, DARK, 2),
        (content.call, FONT, 0.04, DARK, 3),
    ]
    plan_middle(plan, blocks, content.photo, header_bottom, above)
    return plan


def draw(plan):
    """The PDF of a plan."""
    register_fonts()
    f = plan.format
    offset = BLEED + SLUG if plan.bleed else 0
    page = (f.width + 2 * offset, f.height + 2 * offset)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=page, invariant=True)
    c.setTitle(plan.title)
    c.setAuthor("Libertas")
    trim = (offset, offset, offset + f.width, offset + f.height)
    x0, y0, x1, y1 = plan.safe
    c.setTrimBox(trim)
    c.setArtBox((x0 + offset, y0 + offset, x1 + offset, y1 + offset))
    if plan.bleed:
        c.setBleedBox((SLUG, SLUG, page[0] - SLUG, page[1] - SLUG))
    c.translate(offset, offset)
    for item in plan.items:
        if isinstance(item, Fill):
            c.setFillColor(item.colour)
            bx0, by0, bx1, by1 = item.box
            c.rect(bx0, by0, bx1 - bx0, by1 - by0, stroke=0, fill=1)
        elif isinstance(item, Text):
            draw_text(c, item)
        elif isinstance(item, Picture):
            bx0, by0, bx1, by1 = item.box
            c.drawImage(ImageReader(item.image), bx0, by0, bx1 - bx0, by1 - by0, mask="auto")
        elif isinstance(item, Code):
            draw_code(c, item)
    if plan.bleed:
        draw_crop_marks(c, f.width, f.height)
    c.showPage()
    c.save()
    return out.getvalue()


def draw_text(c, item):
    c.setFont(item.font, item.size)
    c.setFillColor(item.colour)
    x0, _y0, x1, top = item.box
    for n, line in enumerate(item.lines):
        # The glyphs' box (ascent and descent) stays inside the line's share of the box.
        baseline = top - n * item.size * LEADING - item.size * 0.95
        if item.align == "left":
            c.drawString(x0, baseline, line)
        else:
            c.drawCentredString((x0 + x1) / 2, baseline, line)


def draw_code(c, item):
    """The QR code as vector squares, so it stays sharp at any size; 4 modules of quiet zone."""
    rows = list(segno.make(item.url, error="m").matrix_iter(border=4))
    x0, y0, x1, y1 = item.box
    module = (x1 - x0) / len(rows)
    c.setFillColor(white)
    c.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
    c.setFillColor(DARK)
    for r, row in enumerate(rows):
        for col, dark in enumerate(row):
            if dark:
                c.rect(x0 + col * module, y1 - (r + 1) * module, module, module, stroke=0, fill=1)


def draw_crop_marks(c, width, height):
    """Marks at the trim lines, outside the bleed so none prints on the sheet."""
    c.setStrokeColor(black)
    c.setLineWidth(0.25)
    start, end = BLEED, BLEED + SLUG - 2 * mm
    for x in (0, width):
        for y, sign in ((0, -1), (height, 1)):
            c.line(x, y + sign * start, x, y + sign * end)
    for y in (0, height):
        for x, sign in ((0, -1), (width, 1)):
            c.line(x + sign * start, y, x + sign * end, y)


def detainee_sheet(detainee, size, bleed=False, credit="", logo=None):
    """The PDF of a person's sheet in the active language (the public view's data only)."""
    return draw(plan_detainee_sheet(detainee_content(detainee, credit, logo), size, bleed))


def poster(detainee):
    """The A4 poster any supporter may print from a public profile."""
    return detainee_sheet(detainee, "a4")


def photo_too_small(detainee):
    """{format label: dpi} for each format where the photo prints below PRINT_DPI."""
    content = detainee_content(detainee)
    if content.photo is None:
        return {}
    found = {}
    for size, fmt in FORMATS.items():
        dpi = plan_detainee_sheet(content, size).photo_dpi()
        if dpi is not None and dpi < PRINT_DPI:
            found[str(fmt.label)] = round(dpi)
    return found


def photo_warning(detainee):
    """What staff read in the admin about the photo's print quality."""
    if not detainee.public_photo:
        return _("No photo is printed (none, or the record is not public).")
    found = photo_too_small(detainee)
    if not found:
        return _("Sharp enough for every format (at least %(dpi)s dpi).") % {"dpi": PRINT_DPI}
    formats = ", ".join(
        _("%(format)s: %(dpi)s dpi") % {"format": label, "dpi": dpi} for label, dpi in found.items()
    )
    return _("Too small to print sharply (below %(dpi)s dpi) on: %(formats)s.") % {
        "dpi": PRINT_DPI,
        "formats": formats,
    }
