"""Campaign news by e-mail: double opt-in in the subscriber's language, one e-mail per item and
subscriber through the queue, one-click unsubscribe that deletes the address."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from campaign import services
from campaign.models import NewsItem, Subscriber
from campaign.privacy import SUBSCRIBER_DAYS
from common import jobs
from common.models import TrailEntry
from conftest import signed_in

pytestmark = pytest.mark.django_db


def link(message, kind):
    return re.search(rf"https?://[^/\s]+(/\S+/newsletter/{kind}/\S+/)", message.body).group(1)


def subscribe(client, email="reader@example.org", language="fr"):
    client.post(f"/{language}/newsletter/", {"email": email})
    client.post(link(mail.outbox[-1], "confirm"))
    mail.outbox.clear()
    return Subscriber.objects.get(email=email)


def news(**fields):
    values = {
        "title_en": "A hearing in Baku",
        "title_fr": "Une audience à Bakou",
        "title_hy": "Դատական նիստ Բաքվում",
        "summary_en": "The court met again.",
        "summary_fr": "Le tribunal s’est réuni de nouveau.",
        "summary_hy": "Դատարանը կրկին հավաքվեց։",
        "body_en": "Text.",
        "email_subscribers": True,
    }
    values.update(fields)
    return NewsItem.objects.create(**values)


def test_subscribing_asks_for_confirmation_in_the_page_language(client):
    response = client.post("/hy/newsletter/", {"email": "Reader@Example.org"})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language, subscriber.confirmed_at) == (
        "reader@example.org",
        "hy",
        None,
    )
    (message,) = mail.outbox
    assert "/hy/newsletter/confirm/" in message.body
    # Opening the link (a GET, as a link scanner does) confirms nothing; the button does.
    client.get(link(message, "confirm"))
    assert Subscriber.objects.confirmed().count() == 0
    client.post(link(message, "confirm"))
    assert Subscriber.objects.confirmed().count() == 1


def test_asking_again_sends_no_second_email_and_says_the_same(client):
    first = client.post("/en/newsletter/", {"email": "reader@example.org"})
    second = client.post("/en/newsletter/", {"email": "reader@example.org"})
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 1


def test_a_bad_address_keeps_what_was_typed(client):
    response = client.post("/fr/newsletter/", {"email": "not an address"})
    assert response.status_code == 200
    assert 'value="not an address"' in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_forged_or_foreign_link_confirms_nothing(client):
    client.post("/en/newsletter/", {"email": "reader@example.org"})
    subscriber = Subscriber.objects.get()
    follow_token = services.make_token(services.FOLLOW_SALT, subscriber.pk, subscriber.email)
    assert client.post(f"/en/newsletter/confirm/{follow_token}/").status_code == 400
    assert client.post("/en/newsletter/confirm/forged/").status_code == 400
    assert Subscriber.objects.confirmed().count() == 0


def test_published_news_goes_once_to_each_confirmed_subscriber_in_their_language(client):
    subscribe(client, "fr@example.org", "fr")
    subscribe(client, "hy@example.org", "hy")
    client.post("/en/newsletter/", {"email": "waiting@example.org"})  # never confirmed
    mail.outbox.clear()
    item = news()
    assert [count for _item, count in services.email_news()] == [2]
    assert services.email_news() == []  # once
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"fr@example.org", "hy@example.org"}
    assert by_address["fr@example.org"].subject == "Une audience à Bakou"
    assert by_address["hy@example.org"].subject == "Դատական նիստ Բաքվում"
    message = by_address["fr@example.org"]
    assert f"/fr/news/{item.slug}/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/newsletter/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_news_not_marked_a_draft_or_not_yet_published_is_not_sent(client):
    subscribe(client)
    news(title_en="Not for e-mail", email_subscribers=False)
    news(title_en="Draft", published=False)
    later = news(title_fr="Plus tard", published_at=timezone.now() + timedelta(hours=2))
    assert services.email_news() == []
    later.published_at = timezone.now() - timedelta(minutes=1)
    later.save()
    call_command("email_news", stdout=StringIO())
    assert [m.subject for m in mail.outbox] == ["Plus tard"]


def test_staff_publishing_a_marked_item_queues_it_and_leaves_a_trail(
    client, alice, django_capture_on_commit_callbacks
):
    subscribe(client)
    staff = signed_in(alice)
    form = staff.get("/en/admin/campaign/newsitem/add/").context["adminform"].form
    data = {
        "kind": "NEWS",
        "title_en": "Released today",
        "summary_en": "Good news.",
        "body_en": "Text.",
        "published_at_0": timezone.localdate().isoformat(),
        "published_at_1": "00:00:00",
        "published": "on",
        "email_subscribers": "on",
    }
    assert "email_subscribers" in form.fields
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post("/en/admin/campaign/newsitem/add/", data)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    entry = TrailEntry.objects.get(action="email_news")
    assert entry.actor == alice and entry.details == {"recipients": 1}


def test_one_click_unsubscribe_deletes_the_address(client):
    subscriber = subscribe(client)
    news()
    services.email_news()
    url = link(mail.outbox[0], "unsubscribe")
    assert client.get(url).status_code == 200
    assert Subscriber.objects.exists()  # a GET only shows the button
    # Mail clients POST without a CSRF token (RFC 8058).
    client.handler.enforce_csrf_checks = True
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_a_subscription_never_confirmed_is_forgotten_after_its_period(client):
    client.post("/en/newsletter/", {"email": "late@example.org"})
    Subscriber.objects.update(created_at=timezone.now() - timedelta(days=SUBSCRIBER_DAYS + 1))
    subscribe(client, "kept@example.org")
    Subscriber.objects.filter(email="kept@example.org").update(
        created_at=timezone.now() - timedelta(days=SUBSCRIBER_DAYS + 1)
    )
    jobs.purge_all()
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["kept@example.org"]


def test_a_subscriber_is_exported_and_erased_with_everything_else(client):
    subscribe(client)
    exported = jobs.export_all("reader@example.org")
    assert "news_subscription" in str(exported)
    jobs.erase_all("reader@example.org")
    assert not Subscriber.objects.exists()


def test_a_bot_filling_the_hidden_field_is_answered_alike_and_kept_nowhere(client):
    page = client.get("/en/newsletter/")
    honeypot = page.context["form"].honeypot_name
    response = client.post("/en/newsletter/", {"email": "bot@example.org", honeypot: "x"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and mail.outbox == []
