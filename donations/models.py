import uuid

from django.db import models
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prisoners.models import Detainee


class Currency(models.TextChoices):
    EUR = "EUR", _("Euro (€)")
    USD = "USD", _("US dollar ($)")


class Frequency(models.TextChoices):
    ONCE = "ONCE", _("Once")
    MONTHLY = "MONTHLY", _("Monthly")


class DonationStatus(models.TextChoices):
    PENDING = "PENDING", _("Pending")
    PAID = "PAID", _("Paid")
    FAILED = "FAILED", _("Failed")
    REFUNDED = "REFUNDED", _("Refunded")
    DISPUTED = "DISPUTED", _("Disputed")
    CANCELED = "CANCELED", _("Canceled")


class DonationQuerySet(models.QuerySet):
    def paid(self):
        return self.filter(status=DonationStatus.PAID)

    def pending(self):
        return self.filter(status=DonationStatus.PENDING)

    def on_wall(self):
        """Paid donations whose donors agreed to be named on the public list."""
        return self.paid().filter(show_on_wall=True).exclude(donor_name="")

    def received(self):
        """Donations whose money arrived, whatever happened after: paid, later refunded (in
        part or in full) or disputed. Refunds are subtracted by the sums below, so a refunded
        month keeps its line, at its net."""
        return self.filter(
            paid_at__isnull=False,
            status__in=[DonationStatus.PAID, DonationStatus.REFUNDED, DonationStatus.DISPUTED],
        )

    def _sums(self):
        return {
            "count": Count("pk"),
            "gross": Sum("amount"),
            "refunded": Sum("amount_refunded"),
            "net": Sum(F("amount") - F("amount_refunded")),
        }

    def net_by_month(self):
        """Received money per month of PAYMENT (in the site's time zone) and currency, newest
        first: count, gross, refunded and net, in minor units. A refund counts against the
        month of the payment it refunds, however much later Stripe made it."""
        return (
            self.received()
            .annotate(month=TruncMonth("paid_at"))
            .values("month", "currency")
            .annotate(**self._sums())
            .order_by("-month", "currency")
        )

    def net_by_currency(self, start, end):
        """{currency: net in minor units} of the money paid in [start, end), net of refunds.

        The overview's "this month" figure: `net_by_currency(first_of_month, first_of_next)`.
        """
        rows = (
            self.received()
            .filter(paid_at__gte=start, paid_at__lt=end)
            .values("currency")
            .annotate(net=Sum(F("amount") - F("amount_refunded")))
            .order_by("currency")
        )
        return {row["currency"]: row["net"] for row in rows}

    def monthly_gifts(self):
        """One row per monthly gift: the donation made through Checkout, which holds the
        subscription; each renewal is a donation of its own, without a Checkout session."""
        return (
            self.filter(frequency=Frequency.MONTHLY, stripe_checkout_session_id__isnull=False)
            .exclude(stripe_subscription_id="")
            .filter(paid_at__isnull=False)
        )

    def active_monthly(self):
        """Monthly gifts that Stripe still collects: paid once, subscription not ended."""
        return self.monthly_gifts().filter(subscription_ended_at__isnull=True)

    def cancelled_monthly(self):
        return self.monthly_gifts().filter(subscription_ended_at__isnull=False)

    def monthly_income_by_currency(self):
        """{currency: (active gifts, monthly income in minor units)}: a gift's amount is fixed
        at Checkout, so its first donation says what each month brings."""
        rows = (
            self.active_monthly()
            .values("currency")
            .annotate(count=Count("pk"), total=Sum("amount"))
            .order_by("currency")
        )
        return {row["currency"]: (row["count"], row["total"]) for row in rows}


class Donation(models.Model):
    # The donor's links (receipt, manage) carry a signature over this, never the numeric id.
    uuid = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    amount = models.PositiveIntegerField(_("amount (in cents)"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    frequency = models.CharField(
        _("frequency"), max_length=7, choices=Frequency, default=Frequency.ONCE
    )
    status = models.CharField(
        _("status"), max_length=8, choices=DonationStatus, default=DonationStatus.PENDING
    )
    donor_name = models.CharField(_("donor's name"), max_length=200, blank=True)
    donor_email = models.EmailField(_("donor's e-mail"))
    show_on_wall = models.BooleanField(_("named on the donors list"), default=False)
    dedicated_to = models.ForeignKey(
        Detainee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dedicated to"),
    )
    language = models.CharField(_("language"), max_length=7, default="en")

    stripe_checkout_session_id = models.CharField(
        _("Stripe Checkout session"), max_length=255, unique=True, null=True, blank=True
    )
    stripe_payment_intent_id = models.CharField(
        _("Stripe payment intent"), max_length=255, blank=True, db_index=True
    )
    stripe_customer_id = models.CharField(_("Stripe customer"), max_length=255, blank=True)
    stripe_subscription_id = models.CharField(
        _("Stripe subscription"), max_length=255, blank=True, db_index=True
    )
    # Set on each monthly payment: one invoice, one donation.
    stripe_invoice_id = models.CharField(
        _("Stripe invoice"), max_length=255, unique=True, null=True, blank=True
    )
    amount_refunded = models.PositiveIntegerField(_("refunded (in cents)"), default=0)

    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    receipt_sent_at = models.DateTimeField(_("receipt sent"), null=True, blank=True)
    subscription_ended_at = models.DateTimeField(_("monthly gift ended"), null=True, blank=True)

    objects = DonationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        # Export and erasure belong to one role, Privacy (see libertas/privacy.py).
        permissions = [
            ("personal_data_donation", _("Can export and erase the personal data of donors"))
        ]

    def __str__(self):
        from donations.money import format_money

        return f"{format_money(self.amount, self.currency)} · {self.donor_email}"

    @property
    def is_monthly(self):
        return self.frequency == Frequency.MONTHLY

    @property
    def net_amount(self):
        return self.amount - self.amount_refunded


class StripeEvent(models.Model):
    """Every webhook event, stored once by its id: a repeat is recognised and ignored."""

    event_id = models.CharField(_("event id"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=100)
    payload = models.JSONField(_("payload"))
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.type} {self.event_id}"
