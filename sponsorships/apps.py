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
        from common import jobs, layout
        from prisoners.admin import register_detainee_list_filter
        from prisoners.panels import register_card_marks, register_profile_panel
        from sponsorships import demo, privacy, services
        from sponsorships.admin import SponsoredFilter
        from sponsorships.templatetags.sponsorships_tags import detainee_sponsors

        layout.register_page("sponsor", "sponsorships:signup")
        register_profile_panel("sponsorships/detainee_sponsors.html", detainee_sponsors, order=10)
        register_detainee_list_filter(SponsoredFilter)
        register_card_marks("needs-sponsor", services.needs_sponsor_marks)
        jobs.register_personal_data("sponsors", privacy.export, privacy.erase, order=20)
        jobs.register_retention("sponsors", privacy.purge, order=20)
        jobs.register_demo("sponsorships", demo.load, order=30)
