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
