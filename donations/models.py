import re
import uuid
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import ValidationError
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


def validate_iban(value):
    """An IBAN as banks check it: country, check digits, and the ISO 13616 mod-97 sum."""
    iban = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        raise ValidationError(_("Enter an IBAN such as FR76 3000 6000 0112 3456 7890 189."))
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    if int(digits) % 97 != 1:
        raise ValidationError(_("This IBAN's check digits are wrong: please check it."))


def validate_bic(value):
    if not re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", value.strip().upper()):
        raise ValidationError(_("Enter a BIC of 8 or 11 characters, such as AGRIFRPP."))


# The French income-tax reduction for a gift to an eligible organisation (article 200 of the
# Code général des impôts): 66 % of the gift, within 20 % of the taxable income.
TAX_REDUCTION_RATE = Decimal("0.66")
TAX_INCOME_CEILING_PERCENT = 20
TAX_EXAMPLE_GIFT = 100


class GivingDetails(models.Model):
    """How to give without paying online: one row, kept by Finance, shown on the donate page.

    Read through current() (cached), so the donate page and every profile's "donate in their
    name" panel cost no query; saving drops the cache and, like any donations model that
    visitors do not write, every cached page.
    """

    account_holder = models.CharField(_("account holder"), max_length=200, blank=True)
    iban = models.CharField(_("IBAN"), max_length=42, blank=True, validators=[validate_iban])
    bic = models.CharField(_("BIC"), max_length=11, blank=True, validators=[validate_bic])
    bank_name = models.CharField(_("bank"), max_length=200, blank=True)
    transfer_reference = models.CharField(
        _("reference to write on the transfer"),
        max_length=140,
        blank=True,
        help_text=_("For example “Don Libertas”, so the treasurer knows what the money is for."),
    )
    cheque_payee = models.CharField(_("cheques payable to"), max_length=200, blank=True)
    postal_address = models.TextField(_("postal address for cheques"), blank=True)
    tax_deductible = models.BooleanField(
        _("gifts are tax-deductible in France"),
        default=False,
        help_text=_(
            "Tick only when the beneficiary may issue tax receipts (organisation of general "
            "interest): the page then says what a French taxpayer can deduct."
        ),
    )
    tax_note = models.TextField(
        _("note on tax receipts"),
        blank=True,
        help_text=_("Shown under the deduction, for example how and when receipts are sent."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    CACHE_KEY = "donations:giving-details"

    class Meta:
        verbose_name = _("ways to give without paying online")
        verbose_name_plural = _("ways to give without paying online")

    def __str__(self):
        return str(_("Ways to give without paying online"))

    def save(self, *args, **kwargs):
        self.pk = 1  # one row, whoever saves it
        if self.iban:
            self.iban = format_iban(self.iban)
        self.bic = self.bic.strip().upper()
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    @classmethod
    def current(cls):
        """The row (unsaved and empty before Finance first fills it), from the cache."""
        details = cache.get(cls.CACHE_KEY)
        if details is None:
            details = cls.objects.filter(pk=1).first() or cls(pk=1)
            cache.set(cls.CACHE_KEY, details, 60 * 60)
        return details

    @property
    def has_transfer(self):
        return bool(self.account_holder and self.iban)

    @property
    def has_cheque(self):
        return bool(self.postal_address.strip())

    @property
    def is_published(self):
        """Whether the page shows a way to give by transfer or by cheque."""
        return self.has_transfer or self.has_cheque

    @property
    def tax_example(self):
        """A gift of TAX_EXAMPLE_GIFT euros and what it costs once the reduction is made,
        written as the page's language writes money."""
        from donations.money import format_money

        gift = TAX_EXAMPLE_GIFT * 100
        cost = gift - int(gift * TAX_REDUCTION_RATE)
        return {
            "rate": int(TAX_REDUCTION_RATE * 100),
            "ceiling": TAX_INCOME_CEILING_PERCENT,
            "gift": format_money(gift, Currency.EUR),
            "cost": format_money(cost, Currency.EUR),
        }


def format_iban(value):
    """In groups of four, as printed on a bank's statement."""
    iban = re.sub(r"\s", "", value).upper()
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
