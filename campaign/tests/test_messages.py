"""Messages of solidarity (issue 18, item 3; issue 19): a supporter writes to a detainee, confirms
by e-mail, staff approve; the profile shows the count, and the texts whose writers agreed on a
PUBLIC record only. Writing never drops a cached page; approval drops that profile's only."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign import privacy, services
from campaign.models import SolidarityMessage, detect_language
from common import jobs
from common.cache import generation
from common.models import TrailEntry
from conftest import make_detainee, run_confirmed_action
from prisoners.models import Visibility

Status = SolidarityMessage.Status
TEXT = "Stay strong, we think of you every day and we will not stop asking for your release."
WRITER = {
    "text": TEXT,
    "first_name": "Claire",
    "city": "Lyon",
    "email": "claire@example.org",
    "consent_public": "on",
}


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def write(client, slug, **changes):
    return client.post(f"/en/message/{slug}/", {**WRITER, **changes})


def confirm_link():
    return re.search(r"/\w\w/message/confirm/\S+/", mail.outbox[-1].body).group(0)


def make_message(detainee, status=Status.APPROVED, consent=True, **extra):
    fields = {
        "text": TEXT,
        "language": "en",
        "first_name": "Claire",
        "city": "Lyon",
        "email": "claire@example.org",
    }
    fields.update(extra)
    return SolidarityMessage.objects.create(
        detainee=detainee, status=status, consent_public=consent, **fields
    )


def profile(client, detainee):
    return client.get(f"/en/prisoners/{detainee.slug}/").content.decode()


def count_on(page):
    return re.search(r'data-testid="message-count">(.*?)</p>', page, re.S).group(1).strip()


# The public flow


def test_a_message_is_written_confirmed_by_email_and_shown_only_once_approved(client, detainee):
    page = client.get(f"/en/message/{detainee.slug}/")
    assert page.status_code == 200
    assert write(client, detainee.slug).status_code == 302
    message = SolidarityMessage.objects.get()
    assert message.status == Status.PENDING_CONFIRMATION
    assert (message.language, message.first_name, message.city) == ("en", "Claire", "Lyon")
    assert message.consent_public is True
    assert mail.outbox[-1].to == ["claire@example.org"]
    assert "Aram Test" in mail.outbox[-1].subject
    link = confirm_link()
    # Opening the link (a mail scanner) only shows a button.
    assert client.get(link).status_code == 200
    assert SolidarityMessage.objects.get().status == Status.PENDING_CONFIRMATION
    assert TEXT not in profile(client, detainee)
    assert client.post(link).status_code == 200
    assert SolidarityMessage.objects.get().status == Status.CONFIRMED
    # Confirmed is not public: staff have not read it yet.
    page = profile(client, detainee)
    assert TEXT not in page and "Be the first" in count_on(page)
    SolidarityMessage.objects.all().moderate(Status.APPROVED)
    page = profile(client, detainee)
    assert count_on(page) == "1 message of solidarity has been written to this person."
    assert f'lang="en">{TEXT}</blockquote>' in page
    assert "— Claire, Lyon" in page
    assert "claire@example.org" not in page


def test_the_profile_links_to_the_message_page(client, detainee):
    assert f'href="/en/message/{detainee.slug}/"' in profile(client, detainee)


def test_a_text_is_shown_only_if_its_writer_agreed(client, detainee):
    make_message(detainee, consent=False, text="Private words for the family.")
    make_message(detainee, consent=True, text="Public words of hope.")
    page = profile(client, detainee)
    assert count_on(page).startswith("2 messages")
    assert "Public words of hope." in page
    assert "Private words for the family." not in page


def test_rejected_and_unconfirmed_messages_are_neither_counted_nor_shown(client, detainee):
    make_message(detainee, status=Status.REJECTED, text="Rejected words.")
    make_message(detainee, status=Status.PENDING_CONFIRMATION, text="Unconfirmed words.")
    make_message(detainee, status=Status.CONFIRMED, text="Waiting words.")
    page = profile(client, detainee)
    assert "Be the first" in count_on(page)
    for text in ["Rejected words.", "Unconfirmed words.", "Waiting words."]:
        assert text not in page


def test_the_profile_shows_at_most_five_texts(client, detainee):
    for n in range(7):
        make_message(detainee, text=f"Message number {n}.", moderated_at=timezone.now())
    page = profile(client, detainee)
    assert count_on(page).startswith("7 messages")
    assert len(re.findall(r"Message number \d\.", page)) == 5


def test_moderation_cannot_approve_an_unconfirmed_message(detainee):
    message = make_message(detainee, status=Status.PENDING_CONFIRMATION)
    assert SolidarityMessage.objects.all().moderate(Status.APPROVED) == 0
    message.refresh_from_db()
    assert message.status == Status.PENDING_CONFIRMATION


@pytest.mark.parametrize(
    "text",
    [
        "Read more at https://example.org/news",
        "See www.example.org for news",
        "Write to me: friend@example.org",
        "Visit example.com today",
        "Grüße, mehr auf HTTP://EXAMPLE.ORG",
    ],
)
def test_a_message_with_a_link_is_refused_with_a_clear_error_and_kept(client, detainee, text):
    response = write(client, detainee.slug, text=text)
    assert response.status_code == 200
    page = response.content.decode()
    assert "messages may not contain links or addresses" in page
    assert text.replace("&", "&amp;") in page  # what was typed comes back
    assert 'value="Claire"' in page and 'value="Lyon"' in page
    assert SolidarityMessage.objects.count() == 0
    assert not mail.outbox


def test_a_message_longer_than_1000_characters_is_refused(client, detainee):
    response = write(client, detainee.slug, text="a" * 1001)
    assert response.status_code == 200
    assert SolidarityMessage.objects.count() == 0


def test_a_first_name_must_be_a_name(client, detainee):
    response = write(client, detainee.slug, first_name="www.spam.example")
    assert response.status_code == 200
    assert SolidarityMessage.objects.count() == 0


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_kept(client, detainee):
    response = write(client, detainee.slug, website="http://spam.example")
    assert response.status_code == 302
    assert SolidarityMessage.objects.count() == 0
    assert not mail.outbox


def test_writing_is_rate_limited(client, detainee):
    for n in range(10):
        assert write(client, detainee.slug, email=f"w{n}@example.org").status_code == 302
    assert write(client, detainee.slug, email="w11@example.org").status_code == 429
    assert SolidarityMessage.objects.count() == 10


def test_writing_again_before_confirming_updates_the_message_and_sends_no_second_email(
    client, detainee
):
    write(client, detainee.slug)
    write(client, detainee.slug, text="A second thought: courage.")
    assert SolidarityMessage.objects.get().text == "A second thought: courage."
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Courage, we think of you.", "en"),
        ("Nous pensons à vous et nous ne vous oublions pas.", "fr"),
        ("Ամուր մնացեք, մենք ձեզ հետ ենք։", "hy"),
    ],
)
def test_the_language_is_recognised_when_not_chosen(client, detainee, text, language):
    assert detect_language(text) == language
    write(client, detainee.slug, text=text, language="")
    assert SolidarityMessage.objects.get().language == language


def test_a_chosen_language_is_kept(client, detainee):
    write(client, detainee.slug, text="Courage.", language="fr")
    assert SolidarityMessage.objects.get().language == "fr"


def test_the_confirmation_email_is_in_the_writers_language(client, detainee):
    client.post(f"/fr/message/{detainee.slug}/", WRITER)
    assert "/fr/message/confirm/" in mail.outbox[-1].body
    # Correct once translated: the French subject does not say "Confirm your message".
    client.post(f"/hy/message/{detainee.slug}/", {**WRITER, "email": "hy@example.org"})
    assert "/hy/message/confirm/" in mail.outbox[-1].body


def test_a_forged_or_other_purpose_confirmation_link_is_refused(client, detainee):
    write(client, detainee.slug)
    message = SolidarityMessage.objects.get()
    follow_token = services.make_token(services.FOLLOW_SALT, message.pk, message.email)
    assert client.post(f"/en/message/confirm/{follow_token}/").status_code == 400
    assert client.post("/en/message/confirm/forged/").status_code == 400
    assert SolidarityMessage.objects.get().status == Status.PENDING_CONFIRMATION


# HIDDEN and LIMITED records


def test_a_hidden_detainee_has_no_message_page(client, hidden_detainee):
    assert client.get(f"/en/message/{hidden_detainee.slug}/").status_code == 404
    assert write(client, hidden_detainee.slug).status_code == 404
    assert client.get(f"/en/message/{hidden_detainee.slug}/sent/").status_code == 404
    assert SolidarityMessage.objects.count() == 0


def test_a_confirmation_link_stops_working_when_the_record_is_hidden(client, detainee):
    write(client, detainee.slug)
    detainee.visibility = Visibility.HIDDEN
    detainee.save()
    assert client.post(confirm_link()).status_code == 400
    assert SolidarityMessage.objects.get().status == Status.PENDING_CONFIRMATION


def test_a_limited_record_takes_messages_but_shows_initials_and_no_text(client, limited_detainee):
    page = client.get(f"/en/message/{limited_detainee.slug}/").content.decode()
    assert "N. L." in page and "Narek" not in page and "Limited" not in page
    assert 'name="consent_public"' not in page  # its texts are never shown
    assert write(client, limited_detainee.slug).status_code == 302
    assert SolidarityMessage.objects.get().consent_public is True  # as if the box were there
    assert "Narek" not in mail.outbox[-1].subject + mail.outbox[-1].body
    client.post(confirm_link())
    SolidarityMessage.objects.all().moderate(Status.APPROVED)
    page = profile(client, limited_detainee)
    assert count_on(page) == "1 message of solidarity has been written to this person."
    # LIMITED shows no free text: a message can name or place the person.
    assert TEXT not in page and "Claire" not in page


def test_a_hidden_record_shows_no_count_anywhere(client, hidden_detainee, detainee):
    make_message(hidden_detainee, text="Words to a hidden person.")
    assert client.get(f"/en/prisoners/{hidden_detainee.slug}/").status_code == 404
    for url in ["/en/", "/en/prisoners/", "/sitemap.xml"]:
        page = client.get(url).content.decode()
        assert "Words to a hidden person." not in page
        assert hidden_detainee.slug not in page


# The page cache (issue 19)


def cached(client, url):
    return client.get(url)["X-Page-Cache"] == "hit"


def test_writing_and_confirming_a_message_drop_no_cached_page(client, page_cache, detainee):
    other = make_detainee(slug="vahagn-petrosyan", name="Vahagn Petrosyan")
    pages = [
        "/en/",
        "/en/prisoners/",
        f"/en/prisoners/{detainee.slug}/",
        f"/en/prisoners/{other.slug}/",
        f"/en/message/{detainee.slug}/",
    ]
    for url in pages:
        assert client.get(url).status_code == 200
    visitor = Client()
    assert write(visitor, detainee.slug).status_code == 302
    assert visitor.post(confirm_link()).status_code == 200
    assert SolidarityMessage.objects.get().status == Status.CONFIRMED
    for url in pages:
        assert cached(client, url), f"{url} was dropped by a visitor's message"


def test_approval_drops_that_profile_only_and_shows_the_new_count(client, page_cache, detainee):
    other = make_detainee(slug="vahagn-petrosyan", name="Vahagn Petrosyan")
    message = make_message(detainee, status=Status.CONFIRMED)
    urls = ["/en/", f"/en/prisoners/{detainee.slug}/", f"/en/prisoners/{other.slug}/"]
    for url in urls:
        client.get(url)
    before = generation("all"), generation("index")
    SolidarityMessage.objects.filter(pk=message.pk).moderate(Status.APPROVED)
    assert (generation("all"), generation("index")) == before
    assert not cached(client, f"/en/prisoners/{detainee.slug}/")
    assert count_on(profile(client, detainee)).startswith("1 message")
    assert cached(client, f"/en/prisoners/{other.slug}/")
    assert cached(client, "/en/")


def test_unapproving_or_erasing_an_approved_message_drops_its_profile(client, page_cache, detainee):
    message = make_message(detainee)
    url = f"/en/prisoners/{detainee.slug}/"
    client.get(url)
    message.status = Status.REJECTED
    message.save()  # from the admin's change form
    assert not cached(client, url)
    assert "Be the first" in count_on(profile(client, detainee))
    make_message(detainee, email="erase@example.org")
    client.get(url)
    assert cached(client, url)
    jobs.erase_all("erase@example.org")
    assert not cached(client, url)
    assert "Be the first" in count_on(profile(client, detainee))


def test_the_cached_message_page_accepts_a_valid_token_and_refuses_none(page_cache, detainee):
    url = f"/en/message/{detainee.slug}/"
    first = Client().get(url)
    assert not first.cookies
    browser = Client(enforce_csrf_checks=True)
    assert cached(browser, url)
    page = browser.get(url).content.decode()
    assert 'name="csrfmiddlewaretoken" value=""' in page and "js/live.js" in page
    assert browser.post(url, WRITER).status_code == 403
    assert SolidarityMessage.objects.count() == 0
    token = browser.get("/csrf-token").json()["token"]
    assert browser.post(url, {**WRITER, "csrfmiddlewaretoken": token}).status_code == 302
    assert SolidarityMessage.objects.count() == 1


def add_messages(detainee, count, start=0):
    statuses = list(Status)
    SolidarityMessage.objects.bulk_create(
        SolidarityMessage(
            detainee=detainee,
            text=f"Message {i}",
            language="en",
            first_name="A",
            city="B",
            email=f"m{i}@example.org",
            consent_public=bool(i % 2),
            status=statuses[i % len(statuses)] if i % 4 else Status.CONFIRMED,
        )
        for i in range(start, start + count)
    )


def queries_of(client, method, path, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
    assert response.status_code in (200, 302)
    return [query["sql"] for query in captured.captured_queries]


def test_a_message_post_and_the_profile_cost_the_same_queries_at_10_and_1000_messages(
    client, detainee
):
    url = f"/en/message/{detainee.slug}/"
    add_messages(detainee, 10)
    client.get(url)  # the footer's organisations are cached once for all pages
    client.get(f"/en/prisoners/{detainee.slug}/")  # and the ways to give, for every profile
    small_post = queries_of(client, "post", url, WRITER)
    small_profile = queries_of(client, "get", f"/en/prisoners/{detainee.slug}/")
    add_messages(detainee, 990, start=10)
    big_post = queries_of(client, "post", url, {**WRITER, "email": "other@example.org"})
    big_profile = queries_of(client, "get", f"/en/prisoners/{detainee.slug}/")
    assert SolidarityMessage.objects.count() == 1002
    assert len(big_post) == len(small_post) <= 12, big_post
    assert len(big_profile) == len(small_profile) <= 10, big_profile
    assert len(mail.outbox) == 2


# Personal data


def test_a_writer_s_messages_are_exported_and_erased(detainee):
    make_message(detainee, email="claire@example.org")
    make_message(detainee, email="someone@example.org")
    exported = jobs.export_all("Claire@Example.org")["campaign"]
    kinds = [row for row in exported if row["kind"] == "solidarity_message"]
    assert len(kinds) == 1 and kinds[0]["text"] == TEXT and kinds[0]["city"] == "Lyon"
    jobs.erase_all("claire@example.org")
    assert list(SolidarityMessage.objects.values_list("email", flat=True)) == [
        "someone@example.org"
    ]


def test_unconfirmed_and_rejected_messages_are_deleted_after_30_days(detainee):
    old = timezone.now() - timezone.timedelta(days=31)
    kept = [
        make_message(detainee, status=Status.APPROVED, email="a@example.org"),
        make_message(detainee, status=Status.CONFIRMED, email="b@example.org"),
        make_message(detainee, status=Status.PENDING_CONFIRMATION, email="c@example.org"),
        make_message(detainee, status=Status.REJECTED, email="d@example.org"),
    ]
    gone = [
        make_message(detainee, status=Status.PENDING_CONFIRMATION, email="e@example.org"),
        make_message(detainee, status=Status.REJECTED, email="f@example.org"),
    ]
    SolidarityMessage.objects.filter(pk=gone[0].pk).update(created_at=old)
    SolidarityMessage.objects.filter(pk=gone[1].pk).update(moderated_at=old)
    SolidarityMessage.objects.filter(pk=kept[0].pk).update(created_at=old, moderated_at=old)
    SolidarityMessage.objects.filter(pk=kept[3].pk).update(moderated_at=timezone.now())
    lines = privacy.purge_messages()
    assert "Deleted 2 message(s)" in lines[0]
    assert set(SolidarityMessage.objects.values_list("pk", flat=True)) == {m.pk for m in kept}


# Staff: moderation, bundles, the printed PDF


@pytest.fixture
def editor_client(editor):
    from conftest import signed_in

    return signed_in(editor)


CHANGELIST = "/en/admin/campaign/solidaritymessage/"


def test_the_moderation_list_filters_by_status_detainee_and_language(editor_client, detainee):
    make_message(detainee, status=Status.CONFIRMED, text="Waiting for a reader.")
    make_message(detainee, status=Status.APPROVED, text="Already approved.", language="fr")
    page = editor_client.get(CHANGELIST, {"status": "CONFIRMED"}).content.decode()
    assert "Waiting for a reader." in page and "Already approved." not in page
    page = editor_client.get(CHANGELIST, {"language": "fr"}).content.decode()
    assert "Already approved." in page and "Waiting for a reader." not in page
    page = editor_client.get(CHANGELIST, {"detainee__id__exact": detainee.pk}).content.decode()
    assert "Already approved." in page and "Waiting for a reader." in page


def test_bulk_approval_asks_for_confirmation_first(editor_client, page_cache, detainee):
    waiting = make_message(detainee, status=Status.CONFIRMED)
    unconfirmed = make_message(detainee, status=Status.PENDING_CONFIRMATION, email="u@example.org")
    selection = {"action": "mark_approved", "_selected_action": [waiting.pk, unconfirmed.pk]}
    asked = editor_client.post(CHANGELIST, selection)
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Approve these messages?" in page and TEXT in page
    assert "1 selected message is not confirmed" in page
    assert SolidarityMessage.objects.approved().count() == 0  # nothing yet
    done = editor_client.post(CHANGELIST, {**selection, "post": "yes", "reason": "Kind words"})
    assert done.status_code == 302
    waiting.refresh_from_db()
    unconfirmed.refresh_from_db()
    assert waiting.status == Status.APPROVED and waiting.moderated_at
    assert unconfirmed.status == Status.PENDING_CONFIRMATION
    assert count_on(profile(Client(), detainee)).startswith("1 message")
    entries = TrailEntry.objects.filter(action="mark_approved")
    assert [(e.object_id, e.reason) for e in entries] == [(str(waiting.pk), "Kind words")]


def test_bulk_rejection_hides_an_approved_message(editor_client, detainee):
    message = make_message(detainee)
    selection = {"action": "mark_rejected", "_selected_action": [message.pk], "post": "yes"}
    editor_client.post(CHANGELIST, selection)
    message.refresh_from_db()
    assert message.status == Status.REJECTED
    assert TEXT not in profile(Client(), detainee)


def test_staff_cannot_rewrite_a_writers_message(editor_client, detainee):
    message = make_message(detainee, status=Status.CONFIRMED)
    url = f"{CHANGELIST}{message.pk}/change/"
    response = editor_client.post(url, {"status": "APPROVED", "text": "Rewritten by staff."})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.text == TEXT and message.status == Status.APPROVED and message.moderated_at
    assert editor_client.get(f"{CHANGELIST}add/").status_code == 403


def pdf_text(content):
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_a_printable_bundle_per_detainee_groups_approved_messages_by_language(
    editor_client, detainee, limited_detainee
):
    from campaign.models import MessageBundle

    make_message(detainee, text="Courage from Lyon.", first_name="Claire", city="Lyon")
    make_message(detainee, text="Նամակ Երևանից։", language="hy", first_name="Անի", city="Երևան")
    make_message(detainee, text="Courage de Paris.", language="fr", first_name="Luc", city="Paris")
    make_message(detainee, status=Status.CONFIRMED, text="Not approved yet.")
    make_message(limited_detainee, text="To the other person.")
    _question, response = run_confirmed_action(
        editor_client, CHANGELIST, "make_bundles", SolidarityMessage.objects.all()
    )
    assert response.status_code == 302
    assert MessageBundle.objects.count() == 2
    bundle = MessageBundle.objects.get(detainee=detainee)
    assert bundle.messages.count() == 3
    # Made again, the same messages go in no second bundle.
    run_confirmed_action(editor_client, CHANGELIST, "make_bundles", SolidarityMessage.objects.all())
    assert MessageBundle.objects.count() == 2

    listing = editor_client.get("/en/admin/campaign/messagebundle/").content.decode()
    pdf_url = f"/en/admin/campaign/messagebundle/{bundle.pk}/pdf/"
    assert pdf_url in listing
    response = editor_client.get(pdf_url)
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Aram Test" in text
    for words in ["Courage from Lyon.", "Claire, Lyon", "Courage de Paris.", "Luc, Paris"]:
        assert words in text
    assert "Նամակ Երևանից" in text and "Անի, Երևան" in text
    assert "Not approved yet." not in text and "To the other person." not in text
    assert "claire@example.org" not in text
    # Grouped: Armenian first, then English, then French, each under its own language's name.
    order = [text.index(w) for w in ["Հայերեն", "Նամակ", "English", "Lyon.", "Français", "Paris."]]
    assert order == sorted(order)


def test_a_bundle_is_marked_delivered(editor_client, detainee):
    from campaign.models import MessageBundle

    bundle = MessageBundle.objects.create(detainee=detainee)
    _question, response = run_confirmed_action(
        editor_client, "/en/admin/campaign/messagebundle/", "mark_delivered", [bundle]
    )
    assert response.status_code == 302
    bundle.refresh_from_db()
    assert bundle.delivered_on == timezone.localdate()
    change = f"/en/admin/campaign/messagebundle/{bundle.pk}/change/"
    editor_client.post(
        change, {"delivered_on": "2026-11-30", "delivered_via": "ICRC", "note": "By hand."}
    )
    bundle.refresh_from_db()
    assert (str(bundle.delivered_on), bundle.delivered_via) == ("2026-11-30", "ICRC")


def test_visitors_and_finance_cannot_read_a_bundle(client, finance, detainee):
    from campaign.models import MessageBundle
    from conftest import signed_in

    bundle = MessageBundle.objects.create(detainee=detainee)
    url = f"/en/admin/campaign/messagebundle/{bundle.pk}/pdf/"
    assert client.get(url).status_code == 302  # to the sign-in
    assert signed_in(finance).get(url).status_code == 403
