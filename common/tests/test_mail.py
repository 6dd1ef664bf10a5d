"""common.mail.send: the one way an e-mail leaves the site."""

import pytest
from django.core import mail as outbox

from common import mail


@pytest.fixture
def templates(settings, tmp_path):
    """A <prefix>_subject.txt, _body.txt and _body.html in a folder of the test's own."""
    folder = tmp_path / "templates" / "hello"
    folder.mkdir(parents=True)
    (folder / "note_subject.txt").write_text(
        '{% load i18n %}{% translate "Home page" %}\n  for {{ name }}\n'
    )
    (folder / "note_body.txt").write_text("{% load i18n %}{% translate 'Contact us' %}, {{ name }}")
    (folder / "note_body.html").write_text("<p>{{ name }}</p>")
    (folder / "plain_subject.txt").write_text("Plain")
    (folder / "plain_body.txt").write_text("Only text")
    engine = {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]


def test_an_email_has_a_one_line_subject_text_and_html_in_the_recipients_language(templates):
    mail.send("ani@example.org", "hello/note", {"name": "Ani"}, language="fr")
    [message] = outbox.outbox
    assert message.to == ["ani@example.org"]
    assert message.subject == "Page d’accueil for Ani"
    assert message.body == "Nous contacter, Ani"
    assert message.alternatives[0][0] == "<p>Ani</p>"
    assert message.alternatives[0][1] == "text/html"


def test_an_email_without_an_html_template_is_text_only(templates):
    mail.send(["a@example.org", "b@example.org"], "hello/plain", {})
    [message] = outbox.outbox
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.body == "Only text" and message.alternatives == []


def test_an_email_carries_reply_to_and_headers(templates):
    mail.send(
        "a@example.org",
        "hello/plain",
        {},
        reply_to=["team@example.org"],
        headers={"List-Unsubscribe": "<https://example.org/u/>"},
    )
    [message] = outbox.outbox
    assert message.reply_to == ["team@example.org"]
    assert message.extra_headers["List-Unsubscribe"] == "<https://example.org/u/>"


def test_an_email_goes_through_the_queue_when_the_site_has_one(templates, settings, db):
    from mailer.models import Message

    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    mail.send("a@example.org", "hello/note", {"name": "Ani"}, language="en")
    assert outbox.outbox == []
    [queued] = Message.objects.all()
    assert queued.email.subject == "Home page for Ani"


def test_several_emails_go_out_over_one_connection(templates):
    messages = [mail.message(f"{n}@example.org", "hello/plain", {}) for n in range(3)]
    mail.send_many(messages)
    assert [m.to for m in outbox.outbox] == [[f"{n}@example.org"] for n in range(3)]


def test_no_app_sends_an_email_by_itself():
    """Every e-mail goes through common.mail, so language, queue and Reply-To are one rule."""
    from common.tests.sources import app_sources

    found = [
        f"{path}: {word}"
        for path, text in app_sources()
        if path.name != "mail.py"
        for word in ("send_mail", "EmailMessage", "EmailMultiAlternatives", "mail_admins")
        if word in text
    ]
    assert found == []
