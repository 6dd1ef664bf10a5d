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

    def ready(self):
        from common import jobs, layout, trail
        from common.overview import register_overview
        from prisoners import demo, overview, privacy
        from prisoners.panels import register_profile_panel
        from prisoners.views import share_panel_context

        layout.register_page("prisoners", "prisoners:list")
        # After the panels of sponsors (10), news (20) and follow (30), before donate (50).
        register_profile_panel("prisoners/_share.html", share_panel_context, order=40)
        jobs.register_personal_data("correction_requests", privacy.export, privacy.erase, order=30)
        # Demo records: the detainees, before the sponsorships and actions that name them.
        jobs.register_demo("prisoners", demo.load, order=20)
        trail.register_actions(
            {"mark_released": _("marked as released"), "change_status": _("changed the status")}
        )
        # The staff overview: what waits for the registry's editors.
        register_overview(
            "corrections",
            overview.corrections,
            order=20,
            permission="prisoners.view_correctionrequest",
            title=_("Registry"),
        )
        register_overview(
            "hearings",
            overview.upcoming_hearings,
            order=60,
            permission="prisoners.view_detainee",
            title=_("Hearings"),
        )
