import datetime
import re

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import translation

from campaign import services
from campaign.models import Follower
from conftest import confirm, csv_file, dry_run, run_confirmed_action, signed_in
from prisoners.models import Sex, Status, TimelineEvent, Visibility


def link(message, kind):
    return re.search(rf"https?://[^/\s]+(/\S+/{kind}/\S+/)", message.body).group(1)


@pytest.fixture
def follower(client, detainee):
    client.post(f"/fr/follow/{detainee.slug}/", {"email": "Fan@Example.org"})
    # Opening the link shows a button; pressing it (a POST) confirms.
    client.post(link(mail.outbox[0], "confirm"))
    mail.outbox.clear()
    return Follower.objects.get()


def add_event(detainee, captures, **fields):
    with captures(execute=True):
        return TimelineEvent.objects.create(detainee=detainee, date="2024-01-02", **fields)


def test_following_asks_for_confirmation_first(
    client, detainee, django_capture_on_commit_callbacks
):
    response = client.post(f"/en/follow/{detainee.slug}/", {"email": "fan@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert Follower.objects.get().confirmed_at is None
    mail.outbox.clear()
    add_event(detainee, django_capture_on_commit_callbacks, kind="HEARING")
    assert mail.outbox == []


def test_a_follower_gets_exactly_one_email_per_new_timeline_event(
    client, follower, detainee, django_capture_on_commit_callbacks
):
    add_event(detainee, django_capture_on_commit_callbacks, kind="HEARING", text="Court hearing.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fan@example.org"]
    assert "Audience" in message.subject  # the follower's language: French
    assert "Court hearing." in message.body
    assert "/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    # Editing the event again is not a new event.
    event = TimelineEvent.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        event.text = "Edited"
        event.save()
    add_event(detainee, django_capture_on_commit_callbacks, kind="ICRC_VISIT")
    assert len(mail.outbox) == 2


def test_a_follower_gets_one_email_per_status_change(
    follower, detainee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        detainee.name = "Renamed"
        detainee.save()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        detainee.status = Status.RELEASED
        detainee.save()
    assert len(mail.outbox) == 1
    # Aram's sex is not recorded: French says it in the neutral form.
    assert "En liberté" in mail.outbox[0].subject


def test_the_status_in_a_follow_email_agrees_with_a_woman(
    follower, detainee, django_capture_on_commit_callbacks
):
    detainee.sex = Sex.FEMALE
    detainee.save()
    with django_capture_on_commit_callbacks(execute=True):
        detainee.status = Status.RELEASED
        detainee.save()
    assert "Libérée" in mail.outbox[0].subject and "Libérée" in mail.outbox[0].body


def test_no_email_about_a_hidden_detainee(follower, detainee, django_capture_on_commit_callbacks):
    detainee.visibility = Visibility.HIDDEN
    detainee.save()
    add_event(detainee, django_capture_on_commit_callbacks, kind="HEARING")
    with django_capture_on_commit_callbacks(execute=True):
        detainee.status = Status.RELEASED
        detainee.save()
    assert mail.outbox == []


def test_no_email_after_unsubscribing(
    client, follower, detainee, django_capture_on_commit_callbacks
):
    add_event(detainee, django_capture_on_commit_callbacks, kind="HEARING")
    unsubscribe = link(mail.outbox[0], "unsubscribe")
    # A GET (a link scanner) only shows the button.
    assert client.get(unsubscribe).status_code == 200
    assert Follower.objects.exists()
    # The one-click POST from a mail client carries no CSRF token.
    client = type(client)(enforce_csrf_checks=True)
    assert client.post(unsubscribe).status_code == 200
    assert not Follower.objects.exists()
    mail.outbox.clear()
    add_event(detainee, django_capture_on_commit_callbacks, kind="SENTENCED")
    assert mail.outbox == []
    assert client.post(unsubscribe).status_code == 200


def test_a_forged_follow_or_unsubscribe_link_is_refused(client, follower):
    forged = services.make_token("campaign.signature.confirm", follower.pk, follower.email)
    assert client.get(f"/en/follow/confirm/{forged}/").status_code == 400
    assert client.post(f"/en/unsubscribe/{forged}/").status_code == 400
    assert Follower.objects.exists()


def test_following_twice_keeps_one_follower(client, follower, detainee):
    client.post(f"/en/follow/{detainee.slug}/", {"email": "FAN@example.org"})
    assert Follower.objects.count() == 1
    assert mail.outbox == []  # already confirmed: nothing to send


def test_the_follow_form_keeps_input_on_error(client, detainee):
    response = client.post(f"/en/follow/{detainee.slug}/", {"email": "fan@"})
    html = response.content.decode()
    assert 'value="fan@"' in html
    assert "valid email" in html
    assert not Follower.objects.exists()


def test_a_hidden_detainee_cannot_be_followed(client, hidden_detainee):
    response = client.post(f"/en/follow/{hidden_detainee.slug}/", {"email": "a@example.org"})
    assert response.status_code == 404


def test_follow_honeypot_and_rate_limit(client, detainee):
    client.post(f"/en/follow/{detainee.slug}/", {"email": "bot@example.org", "website": "x"})
    assert not Follower.objects.exists()
    for i in range(9):
        client.post(f"/en/follow/{detainee.slug}/", {"email": f"f{i}@example.org"})
    response = client.post(f"/en/follow/{detainee.slug}/", {"email": "late@example.org"})
    assert response.status_code == 429


def test_follow_link_tag_leads_to_the_follow_form(client, detainee, hidden_detainee):
    template = Template("{% load campaign_tags %}{% follow_link d %}")
    html = template.render(Context({"d": detainee}))
    assert 'href="/en/follow/test-aram/"' in html
    assert "csrfmiddlewaretoken" not in html
    assert template.render(Context({"d": hidden_detainee})).strip() == ""
    form_page = client.get("/en/follow/test-aram/").content.decode()
    assert 'name="email"' in form_page and "csrfmiddlewaretoken" in form_page


def test_the_status_e_mail_says_the_days_held_as_the_profile_does(
    follower, detainee, django_capture_on_commit_callbacks
):
    detainee.captured_on = datetime.date(2021, 1, 1)
    detainee.save()
    with django_capture_on_commit_callbacks(execute=True):
        detainee.status = Status.RELEASED
        detainee.released_on = datetime.date(2024, 1, 1)
        detainee.save()
    with translation.override(follower.language):
        label = detainee.days_held_label
    assert "1095" in label.replace("\xa0", "").replace("\u202f", "").replace(" ", "")
    assert label in mail.outbox[0].body


def test_marking_released_in_the_admin_sends_one_email_per_follower(
    staff_client, detainee, django_capture_on_commit_callbacks
):
    # The action changes the status and adds a "released" event: one thing happened.
    for address, language in [("fan@example.org", "fr"), ("other@example.org", "hy")]:
        Follower.objects.create(
            detainee=detainee, email=address, language=language, confirmed_at="2024-01-01T00:00Z"
        )
    with django_capture_on_commit_callbacks(execute=True):
        run_confirmed_action(
            staff_client, "/en/admin/prisoners/detainee/", "mark_released", [detainee]
        )
    assert sorted(message.to[0] for message in mail.outbox) == [
        "fan@example.org",
        "other@example.org",
    ]
    french = next(m for m in mail.outbox if m.to == ["fan@example.org"])
    assert "En liberté" in french.subject  # the status leads (neutral: sex not recorded)
    assert french.body.count("Aram Test") == 2  # the status, then the dated event


def test_a_dry_run_of_a_timeline_import_e_mails_nobody_and_its_confirmation_once(
    follower, detainee, alice, django_capture_on_commit_callbacks
):
    staff = signed_in(alice)
    header = ["detainee", "date", "kind", "text_en", "text_fr", "text_hy"]
    row = [detainee.slug, "2024-05-14", "HEARING", "Hearing in Baku", "Audience à Bakou", ""]
    url = "/en/admin/prisoners/timelineevent/"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = dry_run(staff, url + "import/", csv_file([header, row]))
    assert response.context["result"].totals["new"] == 1
    assert mail.outbox == []  # the dry run was rolled back, its e-mail with it
    with django_capture_on_commit_callbacks(execute=True):
        confirm(staff, url + "process_import/", response)
    assert TimelineEvent.objects.get().text_fr == "Audience à Bakou"
    assert [message.to for message in mail.outbox] == [["fan@example.org"]]
