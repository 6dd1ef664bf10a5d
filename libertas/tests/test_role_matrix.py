"""Who reaches what in the admin and the portal: the role matrix, object by object.

For the changelist and the change page of every registered model: an `Editors` member,
a `Finance` member, a sponsor with an account, and an anonymous visitor. Staff sign in
with a TOTP code, as the admin requires. Then a sweep of every admin page, action and
export (spreadsheets included), for each group: none shows data of a model the group may
not view.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from conftest import export_form_data, make_staff, make_user, sign_in, signed_in
from donations.models import Donation
from prisoners.models import Category, Detainee, Visibility
from sponsorships.models import Sponsor, Sponsorship

# Models whose records hold donors' data: editors never see them.
FINANCE_ONLY = {"donations.donation", "donations.stripeevent"}
# What the registry holds: finance never edits it.
PROFILES = {"prisoners.detainee", "prisoners.timelineevent", "prisoners.source"}


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    detainee = Detainee.objects.create(
        slug="aram-test", name_en="Aram Test", category=Category.POW, visibility=Visibility.PUBLIC
    )
    Donation.objects.create(
        amount=5000, currency="EUR", frequency="ONCE", donor_name="Nare Secret",
        donor_email="nare@example.org", language="en", stripe_checkout_session_id="cs_test_x",
    )  # fmt: skip
    return detainee


def registered_models():
    return sorted((model._meta.label_lower, model) for model in admin.site._registry)


def admin_urls(model):
    info = (model._meta.app_label, model._meta.model_name)
    changelist = reverse(f"admin:{info[0]}_{info[1]}_changelist")
    record = model._default_manager.first()
    change = reverse(f"admin:{info[0]}_{info[1]}_change", args=[record.pk]) if record else None
    return changelist, change


def can_open(client, url):
    response = client.get(url)
    return response.status_code == 200


def test_editors_reach_the_registry_and_campaign_but_never_donors_data(world, editor):
    editor = signed_in(editor)
    for label, model in registered_models():
        changelist, change = admin_urls(model)
        expected = label not in FINANCE_ONLY and editor_may_view(label)
        assert can_open(editor, changelist) == expected, label
        if change:
            assert can_open(editor, change) == expected, label
    assert "Nare Secret" not in editor.get("/en/admin/").content.decode()
    assert editor.get("/en/admin/donations/donation/").status_code == 403


def editor_may_view(label):
    group = Group.objects.get(name="Editors")
    app, model = label.split(".")
    return group.permissions.filter(
        content_type__app_label=app, codename__in=[f"view_{model}", f"change_{model}"]
    ).exists()


def test_finance_sees_donations_and_does_not_edit_profiles(world, finance):
    finance = signed_in(finance)
    assert "Nare Secret" in finance.get("/en/admin/donations/donation/").content.decode()
    for label, model in registered_models():
        changelist, change = admin_urls(model)
        if label in PROFILES:
            if change:
                response = finance.get(change)
                # At most a read-only view: no form that could save a change.
                assert response.status_code in (200, 403), label
                if response.status_code == 200:
                    assert 'name="_save"' not in response.content.decode(), label
            assert finance.post(reverse("admin:prisoners_detainee_add"), {}).status_code == 403
    detainee = Detainee.objects.get()
    response = finance.post(
        reverse("admin:prisoners_detainee_change", args=[detainee.pk]), {"name_en": "Changed"}
    )
    assert response.status_code == 403
    detainee.refresh_from_db()
    assert detainee.name_en == "Aram Test"


@pytest.mark.parametrize("who", ["sponsor", "anonymous"])
def test_sponsors_and_visitors_reach_no_admin_page(world, who):
    client = Client()
    if who == "sponsor":
        user = make_user("sponsor@example.org")
        Sponsor.objects.create(
            kind=Sponsor.Kind.CITY, name="Ville", country="FR", contact_name="J",
            email=user.email, user=user,
        )  # fmt: skip
        sign_in(client, user)
    for label, model in registered_models():
        for url in admin_urls(model):
            if url:
                response = client.get(url)
                # Sent to sign in (the admin's login hands over to allauth), never shown.
                assert response.status_code == 302, (label, url)
                assert "login" in response["Location"], label


def test_staff_without_second_factor_reach_no_admin_page(world):
    user = make_user("editor@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    sign_in(client, user)
    for _label, model in registered_models():
        assert client.get(admin_urls(model)[0]).status_code == 302


def test_a_sponsor_cannot_open_another_sponsor_s_pages_by_changing_the_id(world):
    from django.utils import timezone

    mine, theirs = make_user("mine@example.org"), make_user("theirs@example.org")
    own = Sponsorship.objects.create(
        sponsor=Sponsor.objects.create(
            kind="CITY",
            name="Mine",
            country="FR",
            contact_name="M",
            email=mine.email,
            user=mine,
            email_confirmed_at=timezone.now(),
        ),
        detainee=world,
    )
    other = Sponsorship.objects.create(
        sponsor=Sponsor.objects.create(
            kind="CITY", name="Theirs", country="FR", contact_name="T", email=theirs.email,
            user=theirs, email_confirmed_at=timezone.now(),
        ),
        detainee=world,
        agreement="private/agreements/theirs.pdf",
    )  # fmt: skip
    client = Client()
    sign_in(client, mine)
    assert client.get(reverse("sponsorships:portal_detail", args=[own.pk])).status_code == 200
    for name, extra in [("portal_detail", []), ("agreement", []), ("banner", ["a4"])]:
        url = reverse(f"sponsorships:{name}", args=[other.pk, *extra])
        assert client.get(url).status_code == 404, name
    assert "Theirs" not in client.get(reverse("sponsorships:portal")).content.decode()


def test_tokens_in_addresses_cannot_be_forged_or_swapped(world):
    from campaign import services as campaign_services
    from campaign.models import Follower
    from donations import services as donations_services

    client = Client()
    donation = Donation.objects.get()
    # A manage link for a donation is signed: changing the id inside it breaks it.
    assert client.get("/en/donate/manage/1/").status_code == 400
    assert donations_services.donation_from_manage_token(f"{donation.pk}:forged") is None
    follower = Follower.objects.create(detainee=world, email="anna@example.org", language="en")
    token = campaign_services.make_token(
        campaign_services.FOLLOW_SALT, follower.pk + 1, follower.email
    )
    # Signed for another record that does not exist: refused, nothing confirmed.
    assert client.get(f"/en/follow/confirm/{token}/").status_code == 400
    # A token made for follows does not confirm a signature.
    token = campaign_services.make_token(campaign_services.FOLLOW_SALT, follower.pk, follower.email)
    assert client.get(f"/en/petition/confirm/{token}/").status_code == 400
    assert client.get("/en/sponsor/confirm/1/").status_code == 400


# The sweep: for each group, every admin page, action and export it can reach, checked
# for data of models the group may not view. Each model holding private data gets a
# record with distinctive values; the person behind them has one address everywhere, as a
# real donor who also follows a detainee does, so that a cross-app export would show.

GROUPS = ["Editors", "Finance", "Privacy"]
PERSON = "anna.marker@example.org"
# Model label → values only that model's records hold.
MARKERS = {
    "donations.donation": ["Donorname Qzx", "cus_Qzxdonation"],
    "donations.stripeevent": ["evt_Qzxstripe"],
    "sponsorships.sponsor": ["Contact Qzxsponsor", "+374 10 55 01 99"],
    "sponsorships.sponsorship": ["Decision Qzxmessage"],
    "campaign.signature": ["Signer Qzxname", "Comment Qzxsigned"],
    "prisoners.correctionrequest": ["Report Qzxwrong", "Reporter Qzxname"],
    "prisoners.detainee": ["Family Qzxcontact", "Internal Qzxnotes"],
    "auth.user": ["Lastname Qzxuser"],
    "mailer.message": ["Queued Qzxbody"],
}


@pytest.fixture
def marked(world):
    from mailer import send_mail

    from campaign.models import Follower, Petition, Signature
    from donations.models import StripeEvent
    from prisoners.models import CorrectionRequest

    person = make_user(PERSON, last_name="Lastname Qzxuser")
    world.family_contact, world.internal_notes = "Family Qzxcontact", "Internal Qzxnotes"
    world.save()
    Donation.objects.create(
        amount=2500,
        currency="EUR",
        frequency="ONCE",
        donor_name="Donorname Qzx",
        donor_email=PERSON,
        language="en",
        stripe_checkout_session_id="cs_test_marker",
        stripe_customer_id="cus_Qzxdonation",
    )
    StripeEvent.objects.create(
        event_id="evt_Qzxstripe", type="checkout.session.completed", payload={"id": "evt_Qzxstripe"}
    )
    sponsor = Sponsor.objects.create(
        kind=Sponsor.Kind.CITY,
        name="Marker City",
        country="FR",
        contact_name="Contact Qzxsponsor",
        email=PERSON,
        phone="+374 10 55 01 99",
        user=person,
    )
    Sponsorship.objects.create(
        sponsor=sponsor, detainee=world, decision_message="Decision Qzxmessage"
    )
    petition = Petition.objects.create(title="Free them", text="x", addressees="y", goal=10)
    Signature.objects.create(
        petition=petition,
        name="Signer Qzxname",
        email=PERSON,
        country="FR",
        comment="Comment Qzxsigned",
        language="en",
    )
    Follower.objects.create(detainee=world, email=PERSON, language="en")
    CorrectionRequest.objects.create(
        detainee=world, what_is_wrong="Report Qzxwrong", name="Reporter Qzxname", email=PERSON
    )
    send_mail("Hello", "Queued Qzxbody", "from@example.org", [PERSON])
    return person


def content(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def reachable_outputs(client):
    """What a staff client gets back from every admin page, action and export."""
    outputs = {"index": content(client.get(reverse("admin:index")))}
    for label, model in registered_models():
        model_admin = admin.site._registry[model]
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        changelist = reverse(f"{info}_changelist")
        outputs[changelist] = content(client.get(changelist))
        pks = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)]
        for pk in pks[:1]:
            for page in ("change", "history", "delete"):
                url = reverse(f"{info}_{page}", args=[pk])
                outputs[url] = content(client.get(url))
        history = getattr(model, "history", None)
        if history is not None and history.exists():
            record = history.first()
            url = reverse(f"{info}_simple_history", args=[record.pk, record.history_id])
            outputs[url] = content(client.get(url))
        for name in autocomplete_fields(model_admin):
            query = {"app_label": model._meta.app_label, "model_name": model._meta.model_name,
                     "field_name": name, "term": ""}  # fmt: skip
            outputs[f"autocomplete {label}.{name}"] = content(
                client.get(reverse("admin:autocomplete"), query)
            )
        # Every spreadsheet export (common.imports), with each set of columns offered.
        if hasattr(model_admin, "export_action"):
            url = reverse(f"{info}_export")
            response = client.get(url)
            outputs[url] = content(response)
            if response.status_code == 200:
                form = response.context["form"]
                for index, _name in form.fields["resource"].choices:
                    data = export_form_data(form, resource=str(index))
                    outputs[f"{url} {index}"] = content(client.post(url, data))
        # Every action, offered or not: a hidden action must refuse as well. Erasure last,
        # so that what it removes is first looked for everywhere else.
        actions = sorted(model_admin._get_base_actions(), key=lambda a: "erase" in a[1])
        for _func, name, _description in actions:
            response = client.post(changelist, {"action": name, "_selected_action": pks})
            outputs[f"action {label}.{name}"] = content(response)
    # The admin's own views beyond the standard pages.
    for sponsorship in Sponsorship.objects.all():
        for step in ("approve", "decline", "sign", "end"):
            url = reverse("admin:sponsorships_sponsorship_workflow", args=[sponsorship.pk, step])
            outputs[url] = content(client.get(url))
    return outputs


def autocomplete_fields(model_admin):
    inlines = [inline(model_admin.model, admin.site) for inline in model_admin.inlines]
    return [
        name
        for each in [model_admin, *inlines]
        for name in each.autocomplete_fields
        if each.model is model_admin.model
    ]


def leaks(user, outputs):
    """(where, model, value) for each value shown of a model the user may not view."""
    found = []
    for label, values in MARKERS.items():
        app, model = label.split(".")
        if user.has_perm(f"{app}.view_{model}") or user.has_perm(f"{app}.change_{model}"):
            continue
        for where, text in outputs.items():
            found += [(where, label, value) for value in values if value in text]
    return found


def test_the_sweep_covers_every_group_and_reaches_every_marked_value(marked, alice):
    assert set(Group.objects.values_list("name", flat=True)) == set(GROUPS)
    outputs = reachable_outputs(signed_in(alice))
    text = "\n".join(outputs.values())
    assert [v for values in MARKERS.values() for v in values if v not in text] == []


@pytest.mark.parametrize("group", GROUPS)
def test_each_group_sees_through_the_admin_only_models_it_may_view(marked, group):
    client = signed_in(make_staff(f"{group.lower()}@example.org", group))
    user = Group.objects.get(name=group).user_set.get()
    assert leaks(user, reachable_outputs(client)) == []
