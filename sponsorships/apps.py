from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorshipsConfig(AppConfig):
    name = "sponsorships"
    verbose_name = _("Sponsorships")
    # Staff roles (common.groups): Editors manage sponsors but may not delete them; Privacy
    # exports and erases sponsors' contacts and sees the sponsorships their export lists.
    staff_groups = {
        "Editors": {
            **{
                model: ["view", "add", "change"]
                for model in ["sponsor", "sponsorship", "commitment"]
            },
            # Editors review what sponsors record; a sponsor's words are never edited by staff.
            "sponsoraction": ["view", "change"],
            # Sponsors' proposed public details: approve (change) or decline (delete).
            "sponsorproposal": ["view", "change", "delete"],
        },
        "Privacy": {"sponsor": ["view", "personal_data"], "sponsorship": ["view"]},
    }

    def ready(self):
        from common import jobs, layout, trail
        from common.accounts import register_landing
        from common.overview import register_overview
        from prisoners.admin import register_detainee_list_filter, register_status_change_hook
        from prisoners.panels import register_card_marks, register_profile_panel
        from sponsorships import demo, overview, privacy, services, views
        from sponsorships.admin import SponsoredFilter, propose_ending_sponsorships
        from sponsorships.templatetags.sponsorships_tags import (
            detainee_actions,
            detainee_sponsors,
        )

        layout.register_page("sponsor", "sponsorships:signup")
        layout.register_page("sponsor_portal", "sponsorships:portal")
        # A signed-in sponsor finds the portal: first page after sign-in, and in the navigation.
        register_landing(views.portal_landing)
        layout.register_account_link(_("My sponsorship"), "sponsorships:portal", views.is_sponsor)
        trail.register_actions(
            {
                "approve_sponsor_details": _("approved the sponsor's new public details"),
                "decline_sponsor_details": _("declined the sponsor's new public details"),
                "approve_sponsor_action": _("published the sponsor's action"),
                "reject_sponsor_action": _("did not publish the sponsor's action"),
            }
        )
        register_profile_panel("sponsorships/detainee_sponsors.html", detainee_sponsors, order=10)
        register_profile_panel("sponsorships/detainee_actions.html", detainee_actions, order=12)
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
        register_card_marks("needs-sponsor", services.needs_sponsor_marks)
        jobs.register_personal_data("sponsors", privacy.export, privacy.erase, order=20)
        jobs.register_retention("sponsors", privacy.purge, order=20)
        jobs.register_demo("sponsorships", demo.load, order=30)
        register_overview(
            "sponsorships",
            overview.pending,
            order=10,
            permission="sponsorships.view_sponsorship",
            title=_("Sponsorships"),
        )
        register_overview(
            "sponsor_actions",
            overview.actions_to_review,
            order=12,
            permission="sponsorships.view_sponsoraction",
            title=_("Sponsors' record of action"),
        )
        register_overview(
            "unsponsored",
            overview.held_without_sponsor,
            order=50,
            permission=["prisoners.view_detainee", "sponsorships.view_sponsorship"],
            title=_("Detainees"),
        )
