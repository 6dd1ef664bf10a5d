"""Print-ready banners and posters (PDF) for sponsors to show at their seat.

Drawn with reportlab in the active language. DejaVu Sans is embedded because the
standard PDF fonts have no Armenian letters.
"""

import io

import segno
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from common.layout import page_url
from common.urls import absolute_url
from prisoners.models import Detainee
from sponsorships.models import profile_url

CAMPAIGN_ADDRESS = "www.libertas2020.com"
RED = HexColor("#8b1a1a")
DARK = HexColor("#2a0d0d")

FORMATS = {
    "poster": {"label": gettext_lazy("A3 poster"), "size": A3},
    "a4": {"label": gettext_lazy("A4 sheet"), "size": A4},
    "rollup": {"label": gettext_lazy("Roll-up banner, 85 × 200 cm"), "size": (85 * cm, 200 * cm)},
}

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


def register_fonts():
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    fonts = settings.BASE_DIR / "static" / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts / "DejaVuSans-Bold.ttf")))


class Sheet:
    """A page and a cursor running down it; sizes are fractions of the page width."""

    def __init__(self, size):
        register_fonts()
        self.buffer = io.BytesIO()
        self.width, self.height = FORMATS[size]["size"]
        self.canvas = canvas.Canvas(self.buffer, pagesize=(self.width, self.height))
        self.margin = self.width * 0.08
        self.y = self.height

    def header(self):
        band = self.width * 0.22
        c = self.canvas
        c.setFillColor(DARK)
        c.rect(0, self.height - band, self.width, band, stroke=0, fill=1)
        c.setFillColor(white)
        self.y = self.height - band * 0.45
        self.centred("LIBERTAS", FONT_BOLD, self.width * 0.11, white)
        self.y -= self.width * 0.02
        self.centred(_("Free the Armenian prisoners"), FONT, self.width * 0.045, white)
        self.y = self.height - band - self.width * 0.06

    def centred(self, text, font, size, colour=DARK, max_lines=3):
        """Draw text centred, shrinking it to fit and wrapping what still does not fit."""
        usable = self.width - 2 * self.margin
        # Prefer one line at up to half the size; wrap only what is still too long.
        smallest = size * 0.5
        while size > smallest and pdfmetrics.stringWidth(text, font, size) > usable:
            size *= 0.95
        lines = simpleSplit(text, font, size, usable) or [""]
        self.canvas.setFont(font, size)
        self.canvas.setFillColor(colour)
        for line in lines[:max_lines]:
            self.y -= size
            self.canvas.drawCentredString(self.width / 2, self.y, line)
            self.y -= size * 0.3

    def space(self, fraction):
        self.y -= self.width * fraction

    def photo(self, field):
        try:
            with field.open("rb") as file:
                image = ImageReader(io.BytesIO(file.read()))
        except (OSError, ValueError):
            return
        image_width, image_height = image.getSize()
        box_width = self.width * 0.55
        box_height = min(self.height * 0.4, self.y - self.height * 0.35)
        scale = min(box_width / image_width, box_height / image_height)
        width, height = image_width * scale, image_height * scale
        self.y -= height
        self.canvas.drawImage(image, (self.width - width) / 2, self.y, width, height)
        self.space(0.04)

    def footer(self, url):
        """The QR code to the page, drawn as vector squares so it stays sharp at any size."""
        qr = segno.make(url, error="m")
        rows = list(qr.matrix_iter(border=2))
        side = self.width * 0.3
        module = side / len(rows)
        left = (self.width - side) / 2
        bottom = self.width * 0.16
        c = self.canvas
        c.setFillColor(white)
        c.rect(left, bottom, side, side, stroke=0, fill=1)
        c.setFillColor(DARK)
        for r, row in enumerate(rows):
            for col, dark in enumerate(row):
                if dark:
                    x = left + col * module
                    y = bottom + side - (r + 1) * module
                    c.rect(x, y, module, module, stroke=0, fill=1)
        self.y = bottom - self.width * 0.01
        self.centred(CAMPAIGN_ADDRESS, FONT_BOLD, self.width * 0.06, RED)

    def finish(self, title):
        self.canvas.setTitle(title)
        self.canvas.setAuthor("Libertas")
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def detainee_banner(detainee: Detainee, size):
    """The banner of one detainee, in the active language (photo only for PUBLIC records)."""
    detainee = detainee.public_view()
    sheet = Sheet(size)
    sheet.header()
    if detainee.public_photo:
        sheet.photo(detainee.public_photo)
    else:
        sheet.space(0.05)
    name = detainee.public_name
    sheet.centred(name, FONT_BOLD, sheet.width * 0.1, DARK, max_lines=2)
    sheet.space(0.01)
    sheet.centred(detainee.category_label, FONT, sheet.width * 0.045, RED)
    if detainee.days_held_label:
        sheet.space(0.02)
        sheet.centred(detainee.days_held_label, FONT_BOLD, sheet.width * 0.065, DARK)
    sheet.space(0.02)
    sheet.centred(_("We demand their immediate release."), FONT, sheet.width * 0.045, DARK)
    sheet.footer(absolute_url(profile_url(detainee) or "/"))
    return sheet.finish(name)


def group_banner(size):
    """The banner of sponsors of the whole group: the number of people still held."""
    held = Detainee.objects.public().held().count()
    sheet = Sheet(size)
    sheet.header()
    sheet.space(0.1)
    title = _("Freedom for all Armenian prisoners")
    sheet.centred(title, FONT_BOLD, sheet.width * 0.09, DARK)
    sheet.space(0.04)
    text = ngettext(
        "%(count)s person held in Azerbaijan",
        "%(count)s people held in Azerbaijan",
        held,
    ) % {"count": held}
    sheet.centred(text, FONT_BOLD, sheet.width * 0.065, RED)
    sheet.space(0.02)
    sheet.centred(
        _("Prisoners of war, civilians, political leaders and the forcibly disappeared."),
        FONT,
        sheet.width * 0.04,
        DARK,
    )
    sheet.footer(absolute_url(page_url("home")))
    return sheet.finish(title)
