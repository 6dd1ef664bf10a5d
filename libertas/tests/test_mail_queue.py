"""A failing mail server loses nothing: mail waits in the queue and is retried."""

import smtplib

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from mailer.models import Message

QUEUED = {
    "EMAIL_BACKEND": "mailer.backend.DbBackend",
    "MAILER_EMAIL_BACKEND": "libertas.tests.test_mail_queue.BrokenServer",
}


class BrokenServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def test_mail_is_kept_when_the_server_fails_and_sent_on_retry(db, settings):
    settings.EMAIL_BACKEND = QUEUED["EMAIL_BACKEND"]
    settings.MAILER_EMAIL_BACKEND = QUEUED["MAILER_EMAIL_BACKEND"]

    mail.send_mail("Receipt", "Thank you", "from@example.org", ["donor@example.org"])
    assert Message.objects.count() == 1  # saved before any attempt to send

    call_command("send_mail", verbosity=0)
    assert Message.objects.deferred().count() == 1  # failed, kept
    assert mail.outbox == []

    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_deferred", verbosity=0)
    call_command("send_mail", verbosity=0)
    assert Message.objects.count() == 0
    assert [m.to for m in mail.outbox] == [["donor@example.org"]]
