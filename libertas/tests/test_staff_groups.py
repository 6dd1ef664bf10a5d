"""The staff groups a fresh migrate makes: roles are data (each app's AppConfig.staff_groups,
synced by common.groups after every migrate), and these are exactly the permissions the group
migrations used to grant."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

EXPECTED = {
    "Editors": {
        "common.view_trailentry",
        "campaign.add_messagebundle",
        "campaign.change_messagebundle",
        "campaign.change_solidaritymessage",
        "campaign.delete_messagebundle",
        "campaign.delete_solidaritymessage",
        "campaign.view_messagebundle",
        "campaign.view_solidaritymessage",
        "campaign.add_event",
        "campaign.add_lettertemplate",
        "campaign.add_newsitem",
        "campaign.add_organisation",
        "campaign.add_page",
        "campaign.add_petition",
        "campaign.change_event",
        "campaign.change_lettertemplate",
        "campaign.change_newsitem",
        "campaign.change_organisation",
        "campaign.change_page",
        "campaign.change_petition",
        "campaign.delete_event",
        "campaign.delete_follower",
        "campaign.delete_lettertemplate",
        "campaign.delete_newsitem",
        "campaign.delete_organisation",
        "campaign.delete_page",
        "campaign.delete_petition",
        "campaign.delete_signature",
        "campaign.view_event",
        "campaign.view_follower",
        "campaign.view_lettertemplate",
        "campaign.add_decisionmaker",
        "campaign.change_decisionmaker",
        "campaign.delete_decisionmaker",
        "campaign.view_decisionmaker",
        "campaign.view_newsitem",
        "campaign.view_organisation",
        "campaign.add_socialaccount",
        "campaign.change_socialaccount",
        "campaign.delete_socialaccount",
        "campaign.view_socialaccount",
        "campaign.view_page",
        "campaign.view_petition",
        "campaign.view_signature",
        "prisoners.add_campaignfigure",
        "prisoners.add_detainee",
        "prisoners.add_source",
        "prisoners.add_timelineevent",
        "prisoners.change_campaignfigure",
        "prisoners.change_correctionrequest",
        "prisoners.change_detainee",
        "prisoners.change_source",
        "prisoners.change_timelineevent",
        "prisoners.delete_timelineevent",
        "prisoners.view_campaignfigure",
        "prisoners.view_correctionrequest",
        "prisoners.view_detainee",
        "prisoners.view_historicaldetainee",
        "prisoners.view_historicaltimelineevent",
        "prisoners.view_source",
        "prisoners.view_timelineevent",
        "sponsorships.add_commitment",
        "sponsorships.add_sponsor",
        "sponsorships.add_sponsorship",
        "sponsorships.change_commitment",
        "sponsorships.change_sponsor",
        "sponsorships.change_sponsorship",
        "sponsorships.view_commitment",
        "sponsorships.view_sponsor",
        "sponsorships.view_sponsorship",
        "sponsorships.change_sponsoraction",
        "sponsorships.view_sponsoraction",
        "sponsorships.change_sponsorproposal",
        "sponsorships.delete_sponsorproposal",
        "sponsorships.view_sponsorproposal",
    },
    "Finance": {
        "common.view_trailentry",
        "donations.change_donation",
        "donations.view_donation",
        "donations.view_stripeevent",
        "donations.add_givingdetails",
        "donations.change_givingdetails",
        "donations.view_givingdetails",
    },
    "Privacy": {
        "common.view_trailentry",
        "campaign.personal_data_solidaritymessage",
        "campaign.view_solidaritymessage",
        "auth.view_user",
        "campaign.personal_data_follower",
        "campaign.personal_data_signature",
        "campaign.personal_data_subscriber",
        "campaign.view_subscriber",
        "campaign.view_follower",
        "campaign.view_signature",
        "donations.personal_data_donation",
        "donations.view_donation",
        "prisoners.personal_data_correctionrequest",
        "prisoners.view_correctionrequest",
        "sponsorships.personal_data_sponsor",
        "sponsorships.view_sponsor",
        "sponsorships.view_sponsorship",
    },
}


def dump():
    return {
        group.name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        for group in Group.objects.prefetch_related("permissions__content_type")
    }


@pytest.mark.django_db
def test_a_fresh_migrate_makes_the_groups_with_their_permissions():
    assert dump() == EXPECTED


@pytest.mark.django_db
def test_migrate_puts_a_group_back_to_its_declared_permissions():
    """A permission added by hand, or left from an older role, goes at the next migrate."""
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(*Group.objects.get(name="Finance").permissions.all())
    Group.objects.get(name="Privacy").delete()
    call_command("migrate", verbosity=0)
    assert dump() == EXPECTED
