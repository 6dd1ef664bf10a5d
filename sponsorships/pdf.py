"""Print-ready banners for sponsors to show at their seat (PDF).

A detainee's banner is the person's printed sheet (prisoners.printing) with the sponsor's logo
and sentence; the whole group's banner quotes the campaign's own figures (CampaignFigure), not
a count of the registry, which holds only the people the campaign may name.
"""

from django.utils.translation import gettext as _

from common.layout import page_url
from common.urls import absolute_url
from prisoners import printing
from prisoners.models import CampaignFigure
from prisoners.printing import FORMATS  # noqa: F401  (the formats sponsors choose from)

# At most this many figures fit under the title at a readable size.
GROUP_FIGURES = 3


def sponsor_credit(sponsor, detainee=None):
    """The sponsor's sentence and logo, or nothing without a sponsor."""
    if sponsor is None:
        return "", None
    if detainee is None:
        text = _("%(sponsor)s sponsors the campaign for all Armenian prisoners") % {
            "sponsor": sponsor.name
        }
    else:
        text = _("%(sponsor)s sponsors %(name)s") % {
            "sponsor": sponsor.name,
            "name": detainee.public_view().public_name,
        }
    return text, printing.open_image(sponsor.logo)


def detainee_banner(detainee, size, sponsor=None, bleed=False):
    """The banner of one detainee in the active language, or None when none is offered.

    The photo and name follow the public view (initials and no photo for LIMITED records);
    a deceased person has none, a released one a "released" version unless staff said no.
    """
    if not detainee.is_listed or not detainee.may_print:
        return None
    text, logo = sponsor_credit(sponsor, detainee)
    return printing.detainee_sheet(detainee, size, bleed=bleed, credit=text, logo=logo)


def group_banner(size, sponsor=None, bleed=False):
    """The banner of sponsors of the whole group, with the campaign's own figures."""
    title = _("Freedom for all Armenian prisoners")
    plan = printing.Plan(FORMATS[size], bleed, title)
    safe = plan.safe
    width = safe[2] - safe[0]
    header_bottom = printing.plan_header(plan)
    footer_top = printing.plan_footer(
        plan, absolute_url(page_url("home")), _("Scan the code to read about the campaign.")
    )
    above = footer_top + width * 0.04
    text, logo = sponsor_credit(sponsor)
    if text:
        above = printing.plan_credit(plan, text, logo, above) + width * 0.04
    blocks = [(title, printing.FONT_BOLD, 0.085, printing.DARK, 3)]
    for figure in CampaignFigure.objects.all()[:GROUP_FIGURES]:
        blocks.append((figure.display, printing.FONT_BOLD, 0.1, printing.RED, 1))
        blocks.append((figure.label, printing.FONT, 0.04, printing.DARK, 3))
    blocks.append(
        (
            _("Prisoners of war, civilians, political leaders and the forcibly disappeared."),
            printing.FONT,
            0.04,
            printing.DARK,
            3,
        )
    )
    printing.plan_middle(plan, blocks, None, header_bottom, above)
    return printing.draw(plan)
