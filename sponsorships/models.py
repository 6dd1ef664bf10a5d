import uuid
from pathlib import PurePath

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common.storage import PrivateFileField
from prisoners.models import Detainee
from sponsorships.validators import validate_agreement_pdf


def profile_url(detainee):
    """The detainee's public profile."""
    return detainee.get_absolute_url()


def logo_path(instance, filename):
    # A fresh name: the uploader's file name may say more than we want to publish.
    return f"sponsors/logos/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def agreement_path(instance, filename):
    # Unguessable, and in the private storage: only views that check who asks serve it.
    return f"agreements/{uuid.uuid4().hex}.pdf"


class Sponsor(models.Model):
    class Kind(models.TextChoices):
        CITY = "CITY", _("City or local authority")
        NGO = "NGO", _("Non-governmental organisation")
        PUBLIC_FIGURE = "PUBLIC_FIGURE", _("Public figure")
        INDIVIDUAL = "INDIVIDUAL", _("Individual")

    kind = models.CharField(_("kind"), max_length=14, choices=Kind)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The city, organisation or person, as shown.")
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to=logo_path,
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    website = models.URLField(_("website"), blank=True)
    public_consent = models.BooleanField(
        _("may be shown publicly"),
        default=False,
        help_text=_("The sponsor agreed to have their name, place and logo published."),
    )

    # Private: never on a public page.
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sponsors",
        verbose_name=_("user account"),
    )
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)
    # When the confirmation e-mail last went out: one a period per address (common.mail).
    confirmation_sent_at = models.DateTimeField(
        _("confirmation e-mail sent"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sponsor")
        verbose_name_plural = _("sponsors")
        # Export and erasure belong to one role, Privacy (see libertas/privacy.py).
        permissions = [
            (
                "personal_data_sponsor",
                _("Can export and erase the personal data of sponsors' contacts"),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def place(self):
        return ", ".join(part for part in (self.city, self.country.name) if part)


class Commitment(models.Model):
    """One of the campaign's sponsorship formulas, chosen by sponsors at sign-up."""

    class Group(models.TextChoices):
        COMMUNICATE = "COMMUNICATE", _("Communicate")
        PLEAD = "PLEAD", _("Plead")
        SUPPORT = "SUPPORT", _("Support")

    code = models.SlugField(_("code"), max_length=50, unique=True)
    group = models.CharField(_("group"), max_length=12, choices=Group)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("offered at sign-up"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.title


class SponsorshipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Sponsorship.Status.ACTIVE)

    def public(self):
        """What a public page may show: active, consenting, about a public record or everyone."""
        return self.active().filter(
            Q(detainee__isnull=True) | Detainee.objects.public_through("detainee"),
            sponsor__public_consent=True,
        )

    def owned_by(self, user):
        """What a signed-in sponsor may open: linked to their account at approval, for an
        address they confirmed through our link and that the account has verified."""
        verified = EmailAddress.objects.filter(
            user=user, verified=True, email__iexact=OuterRef("sponsor__email")
        )
        return self.filter(
            Exists(verified), sponsor__user=user, sponsor__email_confirmed_at__isnull=False
        )

    def for_detainee(self, detainee):
        return self.filter(detainee=detainee)

    def whole_group(self):
        return self.filter(detainee__isnull=True)

    def sponsored_among(self, detainees):
        """The ids of `detainees` an active sponsorship names (a whole-group one names nobody
        in particular): one query whatever their number."""
        ids = [d.pk for d in detainees]
        return set(self.active().filter(detainee__in=ids).values_list("detainee_id", flat=True))


class Sponsorship(models.Model):
    class Status(models.TextChoices):
        PENDING = "PENDING", _("Pending")
        ACTIVE = "ACTIVE", _("Active")
        DECLINED = "DECLINED", _("Declined")
        ENDED = "ENDED", _("Ended")

    class EndReason(models.TextChoices):
        RELEASE = "RELEASE", _("The detainee was released")
        WITHDRAWAL = "WITHDRAWAL", _("The sponsor withdrew")

    sponsor = models.ForeignKey(
        Sponsor, on_delete=models.CASCADE, related_name="sponsorships", verbose_name=_("sponsor")
    )
    detainee = models.ForeignKey(
        Detainee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sponsorships",
        verbose_name=_("detainee"),
        help_text=_("Empty: the sponsor sponsors the whole group."),
    )
    commitments = models.ManyToManyField(
        Commitment, blank=True, related_name="sponsorships", verbose_name=_("commitments")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    decision_message = models.TextField(
        _("message to the sponsor"),
        blank=True,
        help_text=_("Sent with the approval or the refusal."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signing_place = models.CharField(_("place of signing"), max_length=200, blank=True)
    agreement = PrivateFileField(
        _("signed agreement (PDF)"),
        upload_to=agreement_path,
        blank=True,
        validators=[validate_agreement_pdf],
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason for ending"), max_length=10, choices=EndReason, blank=True
    )
    public_note = models.TextField(
        _("public note"), blank=True, help_text=_("Shown on the sponsors wall.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SponsorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sponsorship")
        verbose_name_plural = _("sponsorships")

    def __str__(self):
        return f"{self.sponsor} → {self.detainee or _('the whole group')}"

    @property
    def is_whole_group(self):
        return self.detainee_id is None

    @property
    def detainee_is_public(self):
        return self.detainee is not None and self.detainee.is_listed
