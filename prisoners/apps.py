from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrisonersConfig(AppConfig):
    name = "prisoners"
    verbose_name = _("Prisoners")
    # Staff roles (common.groups): Editors keep the registry; Privacy exports and erases who
    # reported an inaccuracy.
    staff_groups = {
        "Editors": {
            "detainee": ["view", "add", "change"],
            "timelineevent": ["view", "add", "change", "delete"],
            "source": ["view", "add", "change"],
            "campaignfigure": ["view", "add", "change"],
            "correctionrequest": ["view", "change"],
            "historicaldetainee": ["view"],
            "historicaltimelineevent": ["view"],
        },
        "Privacy": {"correctionrequest": ["view", "personal_data"]},
    }
