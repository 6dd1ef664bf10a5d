from django.core.management import call_command

from campaign.models import Organisation, Page
from prisoners.models import Detainee, TimelineEvent


def counts():
    return (
        Organisation.objects.count(),
        Page.objects.count(),
        Detainee.objects.count(),
        TimelineEvent.objects.count(),
    )


def test_loading_the_demo_twice_changes_nothing(db):
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first
    assert first[0] == 3


def test_every_demo_detainee_is_marked_as_a_sample(db):
    call_command("load_demo", verbosity=0)
    for detainee in Detainee.objects.all():
        assert detainee.slug.startswith("sample-")
        assert detainee.biography_en.startswith("Sample record")
        assert detainee.biography_fr.startswith("Fiche d'exemple")
        assert detainee.biography_hy.startswith("Օրինակելի")
