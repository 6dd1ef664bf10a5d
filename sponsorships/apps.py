from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorshipsConfig(AppConfig):
    name = "sponsorships"
    verbose_name = _("Sponsorships")
    # Staff roles (common.groups): Editors manage sponsors but may not delete them; Privacy
    # exports and erases sponsors' contacts and sees the sponsorships their export lists.
    staff_groups = {
        "Editors": {
            model: ["view", "add", "change"] for model in ["sponsor", "sponsorship", "commitment"]
        },
        "Privacy": {"sponsor": ["view", "personal_data"], "sponsorship": ["view"]},
    }

    def ready(self):
        from common import jobs, layout, trail
        from prisoners.admin import register_detainee_list_filter, register_status_change_hook
        from prisoners.panels import register_profile_panel
        from sponsorships import demo, privacy
        from sponsorships.admin import SponsoredFilter, propose_ending_sponsorships
        from sponsorships.templatetags.sponsorships_tags import detainee_sponsors

        layout.register_page("sponsor", "sponsorships:signup")
        register_profile_panel("sponsorships/detainee_sponsors.html", detainee_sponsors, order=10)
        register_detainee_list_filter(SponsoredFilter)
        register_status_change_hook(propose_ending_sponsorships)
        # Each step of the state machine (services.STEPS) writes one of these.
        trail.register_actions(
            {
                "approve_sponsorship": _("approved the sponsorship"),
                "decline_sponsorship": _("declined the sponsorship"),
                "record_signing": _("recorded the public signing"),
                "end_sponsorship": _("ended the sponsorship"),
                "send_sponsor_confirmation": _("sent the confirmation e-mail to the sponsor"),
                "confirm_on_paper": _("recorded a confirmation on paper"),
            }
        )
        jobs.register_personal_data("sponsors", privacy.export, privacy.erase, order=20)
        jobs.register_retention("sponsors", privacy.purge, order=20)
        jobs.register_demo("sponsorships", demo.load, order=30)
