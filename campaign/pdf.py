"""The printed bundle of messages of solidarity to one detainee (PDF), for delivery on paper
through the family or the ICRC.

A staff document, not a public output: it names the person in full, as the family and the
ICRC know them. It holds the messages staff approved, grouped by language (Armenian first,
the reader's own), each with its writer's first name and city, never their e-mail address.
Each group is headed by its language's name in that language. DejaVu Sans (prisoners.printing)
covers Armenian.
"""

import io
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from prisoners import printing

# The person reads Armenian first; then the other languages in the site's order.
LANGUAGE_ORDER = ["hy", *(code for code, _name in settings.LANGUAGES if code != "hy")]


def _styles():
    printing.register_fonts()
    base = {"fontName": printing.FONT, "textColor": printing.DARK}
    return {
        "title": ParagraphStyle(
            "title", fontName=printing.FONT_BOLD, fontSize=18, leading=23, textColor=printing.RED
        ),
        "subtitle": ParagraphStyle("subtitle", fontSize=11, leading=15, spaceAfter=4, **base),
        "heading": ParagraphStyle(
            "heading",
            fontName=printing.FONT_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,  # never a language's name alone at the foot of a page
            textColor=printing.RED,
        ),
        "text": ParagraphStyle("text", fontSize=11.5, leading=16, **base),
        "writer": ParagraphStyle(
            "writer", fontSize=10, leading=13, leftIndent=12 * mm, spaceAfter=9 * mm, **base
        ),
    }


def _paragraph(text, style):
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _in_each_language(text):
    """A line said in every language of the bundle: `text` is a gettext message id."""
    seen = []
    for code in LANGUAGE_ORDER:
        with translation.override(code):
            line = _(text)
        if line not in seen:
            seen.append(line)
    return " · ".join(seen)


def _names(detainee):
    """The person's name in each script it is written in, Armenian first."""
    names = [getattr(detainee, f"name_{code}", "") for code in LANGUAGE_ORDER]
    return " · ".join(dict.fromkeys(n for n in names if n)) or detainee.name


def bundle_pdf(detainee, messages, made_on=None):
    """The PDF of `messages` (approved, to `detainee`), grouped by language."""
    styles = _styles()
    made_on = made_on or timezone.localdate()
    groups = {code: [] for code in LANGUAGE_ORDER}
    for message in messages:
        groups.setdefault(message.language, []).append(message)

    story = [
        _paragraph(_in_each_language("Messages of solidarity"), styles["title"]),
        Spacer(1, 3 * mm),
        _paragraph(_names(detainee), styles["subtitle"]),
    ]
    # A date every reader reads the same way, whatever their language.
    story.append(_paragraph(made_on.isoformat(), styles["subtitle"]))
    story.append(Spacer(1, 6 * mm))
    for code, written in groups.items():
        if not written:
            continue
        # Each group is headed by its language's own name for itself: Հայերեն, English…
        heading = translation.get_language_info(code)["name_local"]
        story.append(_paragraph(heading[:1].upper() + heading[1:], styles["heading"]))
        for message in written:
            story.append(
                KeepTogether(
                    [
                        _paragraph(message.text, styles["text"]),
                        _paragraph(f"— {message.first_name}, {message.city}", styles["writer"]),
                    ]
                )
            )

    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=_in_each_language("Messages of solidarity"),
        author="Libertas",
        invariant=True,
    )

    def page_number(canvas, doc):
        canvas.setFont(printing.FONT, 9)
        canvas.setFillColor(printing.DARK)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, str(doc.page))

    document.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return out.getvalue()
