from django.core.management import call_command
from django.urls import reverse

from sponsorships.models import Sponsor, Sponsorship


def test_the_demo_sponsors_load_twice_without_change_and_only_active_ones_show(client, db):
    call_command("load_demo", verbosity=0)
    first = (Sponsor.objects.count(), Sponsorship.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Sponsor.objects.count(), Sponsorship.objects.count()) == first == (6, 6)
    assert Sponsorship.objects.whole_group().active().count() == 1
    page = client.get(reverse("sponsorships:wall")).content.decode()
    assert "Sample town of Valbrune" in page
    assert "Sample pending sponsor" not in page
