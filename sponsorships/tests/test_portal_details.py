"""A sponsor proposes new public details from the portal; nothing of it is public until staff
approve it, and nobody can propose for a sponsor that is not theirs."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.models import TrailEntry
from conftest import make_sponsor, make_sponsorship, make_staff, make_user, signed_in
from sponsorships.models import Sponsor, SponsorProposal
from sponsorships.tests.conftest import png_bytes

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PROPOSALS = "/en/admin/sponsorships/sponsorproposal/"


@pytest.fixture
def valbrune(aram):
    user = make_user("mairie@valbrune.example.org")
    sponsor = make_sponsor("Ville de Valbrune", user=user, website="https://valbrune.example.org")
    make_sponsorship(sponsor, aram)
    return sponsor


@pytest.fixture
def other(aram):
    sponsor = make_sponsor("Ville Voisine", user=make_user("voisine@voisine.example.org"))
    make_sponsorship(sponsor, aram)
    return sponsor


def details_url(sponsor):
    return reverse("sponsorships:portal_details", args=[sponsor.pk])


def propose(
    client, sponsor, name="Commune de Valbrune", website="https://new.example.org", logo=None
):
    data = {"name": name, "website": website}
    if logo is not None:
        data["logo"] = logo
    return client.post(details_url(sponsor), data)


def new_logo():
    return SimpleUploadedFile("logo.png", png_bytes(size=(64, 64)), "image/png")


def public_pages(client, aram):
    client.logout()
    return client.get(reverse("sponsorships:wall")).text + client.get(aram.get_absolute_url()).text


def test_the_portal_links_to_the_public_details_form(client, valbrune):
    client.force_login(valbrune.user)
    page = client.get(reverse("sponsorships:portal")).text
    assert f'href="{details_url(valbrune)}"' in page
    form = client.get(details_url(valbrune)).text
    assert 'value="Ville de Valbrune"' in form


def test_a_proposal_is_stored_and_nothing_of_it_is_public_before_approval(
    client, aram, valbrune, media
):
    client.force_login(valbrune.user)
    response = propose(client, valbrune, logo=new_logo())
    assert response.status_code == 302
    proposal = SponsorProposal.objects.get(sponsor=valbrune)
    assert (proposal.name, proposal.website, proposal.language) == (
        "Commune de Valbrune",
        "https://new.example.org",
        "en",
    )
    valbrune.refresh_from_db()
    assert valbrune.name == "Ville de Valbrune"
    assert not valbrune.logo
    # Attack: the pending name, website and logo must not show on the wall or the profile.
    public = public_pages(client, aram)
    assert "Ville de Valbrune" in public
    assert "Commune de Valbrune" not in public
    assert "new.example.org" not in public
    assert "Logo of" not in public  # the sponsor has no public logo yet
    # The pending logo has no public address: it lives outside MEDIA_ROOT.
    assert not list(media.rglob("*.png"))
    with pytest.raises(ValueError):
        proposal.logo.url  # noqa: B018


def test_another_sponsor_cannot_propose_for_a_sponsor_not_theirs(client, valbrune, other):
    client.force_login(other.user)
    assert client.get(details_url(valbrune)).status_code == 404
    assert propose(client, valbrune).status_code == 404
    assert not SponsorProposal.objects.exists()


def test_an_account_linked_without_a_verified_address_cannot_propose(client, valbrune):
    # Linked by hand, or the address changed since: the account proves nothing.
    Sponsor.objects.filter(pk=valbrune.pk).update(email="town-hall@valbrune.example.org")
    client.force_login(valbrune.user)
    assert propose(client, valbrune).status_code == 404
    assert not SponsorProposal.objects.exists()
    assert "My sponsorship" not in client.get(reverse("sponsorships:wall")).text


def test_a_visitor_is_sent_to_sign_in(client, valbrune):
    response = propose(client, valbrune)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not SponsorProposal.objects.exists()


def test_the_logo_goes_through_the_sign_up_image_checks(client, valbrune):
    client.force_login(valbrune.user)
    bad = SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")
    page = propose(client, valbrune, logo=bad).text
    assert "The logo must be a PNG, JPEG or WebP image." in page
    assert 'value="Commune de Valbrune"' in page  # what was typed is kept
    assert not SponsorProposal.objects.exists()


def test_a_new_proposal_replaces_the_one_waiting(client, valbrune):
    client.force_login(valbrune.user)
    propose(client, valbrune, logo=new_logo())
    first_logo = SponsorProposal.objects.get().logo.name
    propose(client, valbrune, name="Valbrune")
    proposal = SponsorProposal.objects.get()
    assert proposal.name == "Valbrune"
    assert proposal.logo.name == first_logo  # kept: no new file chosen
    assert "waiting for the campaign team" in client.get(details_url(valbrune)).text


def test_staff_approval_makes_the_details_public_and_leaves_a_trail(client, aram, valbrune, media):
    sponsor_client = client
    sponsor_client.force_login(valbrune.user)
    propose(sponsor_client, valbrune, logo=new_logo())
    proposal = SponsorProposal.objects.get()
    editor = make_staff("editor@example.org", "Editors")
    staff = signed_in(editor)
    page = staff.get(f"{PROPOSALS}{proposal.pk}/change/").text
    assert "Commune de Valbrune" in page and "Approve" in page
    assert staff.get(f"{PROPOSALS}{proposal.pk}/logo/").status_code == 200
    response = staff.post(f"{PROPOSALS}{proposal.pk}/approve/")
    assert response.status_code == 302
    valbrune.refresh_from_db()
    assert (valbrune.name, valbrune.website) == ("Commune de Valbrune", "https://new.example.org")
    assert valbrune.logo and valbrune.logo.storage.exists(valbrune.logo.name)
    assert not SponsorProposal.objects.exists()
    [entry] = TrailEntry.objects.filter(action="approve_sponsor_details")
    assert entry.actor == editor and entry.object_id == str(valbrune.pk)
    assert "mairie" not in str(entry.details)
    public = public_pages(client, aram)
    assert "Commune de Valbrune" in public
    assert "Logo of" in public


def test_staff_decline_discards_the_proposal(client, aram, valbrune):
    client.force_login(valbrune.user)
    propose(client, valbrune, logo=new_logo())
    proposal = SponsorProposal.objects.get()
    logo = proposal.logo
    staff = signed_in(make_staff("editor@example.org", "Editors"))
    staff.post(f"{PROPOSALS}{proposal.pk}/decline/")
    assert not SponsorProposal.objects.exists()
    assert not logo.storage.exists(logo.name)
    assert Sponsor.objects.get(pk=valbrune.pk).name == "Ville de Valbrune"
    assert TrailEntry.objects.filter(action="decline_sponsor_details").count() == 1
    assert "Commune de Valbrune" not in public_pages(client, aram)


def test_finance_cannot_approve_a_proposal(client, valbrune, finance):
    client.force_login(valbrune.user)
    propose(client, valbrune)
    proposal = SponsorProposal.objects.get()
    staff = signed_in(finance)
    assert staff.post(f"{PROPOSALS}{proposal.pk}/approve/").status_code == 403
    assert staff.get(PROPOSALS).status_code == 403
    assert SponsorProposal.objects.exists()
    assert (
        Group.objects.get(name="Editors")
        .permissions.filter(codename="change_sponsorproposal")
        .exists()
    )
