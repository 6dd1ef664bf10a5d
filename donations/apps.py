from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "donations"
    verbose_name = _("Donations")
    # Staff roles (common.groups): Finance reads donations and Stripe events; Privacy exports
    # and erases donors' data. Editors get nothing here.
    staff_groups = {
        "Finance": {"donation": ["view", "change"], "stripeevent": ["view"]},
        "Privacy": {"donation": ["view", "personal_data"]},
    }
