from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "donations"
    verbose_name = _("Donations")
    # Staff roles (common.groups): Finance reads donations and Stripe events; Privacy exports
    # and erases donors' data. Editors get nothing here.
    staff_groups = {
        "Finance": {
            "donation": ["view", "change"],
            "stripeevent": ["view"],
            # The one row of bank and postal details (its admin offers no add or delete).
            "givingdetails": ["view", "add", "change"],
        },
        "Privacy": {"donation": ["view", "personal_data"]},
    }

    def ready(self):
        from common import jobs, layout, trail
        from common.overview import register_overview
        from donations import demo, overview, privacy
        from donations.services import profile_donate_context
        from prisoners.panels import register_profile_panel

        layout.register_page("donate", "donations:donate")
        # "Donate in their name", last of the profile's panels.
        register_profile_panel("donations/_profile_donate.html", profile_donate_context, order=50)
        jobs.register_personal_data("donations", privacy.export, privacy.erase, order=10)
        jobs.register_demo("donations", demo.load, order=50)
        register_overview(
            "donations",
            overview.money,
            order=40,
            permission="donations.view_donation",
            title=_("Donations"),
        )
        register_overview(
            "stripe",
            overview.stripe_errors,
            order=45,
            permission="donations.view_stripeevent",
            title=_("Payments"),
        )
        trail.register_actions({"resend_receipt": _("resent the receipt")})
