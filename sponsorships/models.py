import uuid
from pathlib import PurePath

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from common.storage import PrivateFileField, PrivateImageField
from prisoners.models import Detainee
from sponsorships.validators import validate_agreement_pdf, validate_scan


def profile_url(detainee):
    """The detainee's public profile."""
    return detainee.get_absolute_url()


def logo_path(instance, filename):
    # A fresh name: the uploader's file name may say more than we want to publish.
    return f"sponsors/logos/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def proposed_logo_path(instance, filename):
    # Private until staff approve it: approval copies it to the sponsor's public logo.
    return f"sponsors/proposed-logos/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def agreement_path(instance, filename):
    # Unguessable, and in the private storage: only views that check who asks serve it.
    return f"agreements/{uuid.uuid4().hex}.pdf"


class SponsorQuerySet(models.QuerySet):
    def owned_by(self, user):
        """The sponsors a signed-in account speaks for: linked to it at approval, for an
        address the sponsor confirmed through our link and that the account has verified."""
        verified = EmailAddress.objects.filter(
            user=user, verified=True, email__iexact=OuterRef("email")
        )
        return self.filter(Exists(verified), user=user, email_confirmed_at__isnull=False)


def paper_confirmation_path(instance, filename):
    # Private too: a scanned form carries a signature and a contact's details.
    return f"confirmations/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


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
    # Where the map puts a city's or an organisation's mark (sponsorships.geo).
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        help_text=_(
            "Filled from the city when staff save or approve the sponsor; correct it if the mark "
            "on the map is in the wrong place (decimal degrees, north positive)."
        ),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        help_text=_("Decimal degrees, east positive."),
    )
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

    objects = SponsorQuerySet.as_manager()

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

    # Only these are marked on the map: a public figure's or an individual's town is theirs.
    MAPPED_KINDS = (Kind.CITY, Kind.NGO)

    def locate(self):
        """Fill the coordinates from the city if staff have not set them; True if found."""
        if self.latitude is not None and self.longitude is not None:
            return True
        from sponsorships.geo import city_location

        found = city_location(self.city, self.country.code)
        if found:
            self.latitude, self.longitude = found
        return found is not None

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
        """What a signed-in sponsor may open: the sponsorships of their sponsors (one rule,
        Sponsor.objects.owned_by)."""
        return self.filter(sponsor__in=Sponsor.objects.owned_by(user))

    def for_detainee(self, detainee):
        return self.filter(detainee=detainee)

    def whole_group(self):
        return self.filter(detainee__isnull=True)

    def sponsored_among(self, detainees):
        """The ids of `detainees` an active sponsorship names (a whole-group one names nobody
        in particular): one query whatever their number."""
        ids = [d.pk for d in detainees]
        return set(self.active().filter(detainee__in=ids).values_list("detainee_id", flat=True))


def without_sponsor(detainees):
    """Of `detainees`, those no active sponsorship names (the whole group's does not count:
    a person of their own is what protects them). The same rule as `sponsored_among`, for a
    QuerySet rather than a page's records."""
    active = Sponsorship.objects.active().filter(detainee=models.OuterRef("pk"))
    return detainees.exclude(models.Exists(active))


class Sponsorship(models.Model):
    class Status(models.TextChoices):
        PENDING = "PENDING", _("Pending")
        ACTIVE = "ACTIVE", _("Active")
        DECLINED = "DECLINED", _("Declined")
        ENDED = "ENDED", _("Ended")

    class EndReason(models.TextChoices):
        RELEASE = "RELEASE", _("The detainee was released")
        DECEASED = "DECEASED", _("The detainee died")
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
    # A sponsor staff entered (cities often sign on paper) may confirm the request on a
    # signed form instead of through the e-mail link; approval then needs this scan.
    paper_confirmation = PrivateFileField(
        _("confirmation on paper (scan)"),
        upload_to=paper_confirmation_path,
        blank=True,
        validators=[validate_scan],
    )
    paper_confirmed_at = models.DateTimeField(
        _("confirmed on paper"), null=True, blank=True, editable=False
    )
    # Private: for staff only, never on a public page or in an e-mail.
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("For staff only: never published or sent.")
    )
    follow_up_on = models.DateField(
        _("follow up on"),
        null=True,
        blank=True,
        help_text=_("The day someone should look at this request again."),
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
    def is_confirmed(self):
        """Whether the request is confirmed: by the sponsor's e-mail link or on paper."""
        return self.sponsor.email_confirmed_at is not None or self.paper_confirmed_at is not None

    @property
    def is_whole_group(self):
        return self.detainee_id is None

    @property
    def detainee_is_public(self):
        return self.detainee is not None and self.detainee.is_listed


def action_photo_path(instance, filename):
    # A random name: the photo of an action staff have not approved is never linked from a page.
    return f"sponsors/actions/{uuid.uuid4().hex}.jpg"


class SponsorActionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=SponsorAction.Status.APPROVED)

    def public(self):
        """Approved actions of sponsorships the public may see (Sponsorship.objects.public)."""
        return self.approved().filter(sponsorship__in=Sponsorship.objects.public())


class SponsorAction(models.Model):
    """What a sponsor did for their detainee, recorded in the portal; public once staff approve.

    Each kind answers one of the brochure's commitments (COMMITMENTS), so the portal can show
    each pledge next to what has been done.
    """

    class Kind(models.TextChoices):
        LETTER = "LETTER", _("Letter to a decision maker")
        RESOLUTION = "RESOLUTION", _("Council resolution or public signing")
        EVENT = "EVENT", _("Public event")
        MEDIA = "MEDIA", _("Media appearance")
        BANNER = "BANNER", _("Banner or portrait displayed")
        FAMILY = "FAMILY", _("Meeting with the family")
        SUPPORT = "SUPPORT", _("Material support")
        OTHER = "OTHER", _("Other action")

    class Status(models.TextChoices):
        PENDING = "PENDING", _("Waiting for the campaign's review")
        APPROVED = "APPROVED", _("Published")
        REJECTED = "REJECTED", _("Not published")

    # The commitments (codes of Commitment) each kind of action fulfils.
    COMMITMENTS = {
        Kind.LETTER: ["lobbying"],
        Kind.RESOLUTION: ["public-signing"],
        Kind.EVENT: ["public-events", "take-part-in-events"],
        Kind.MEDIA: ["media"],
        Kind.BANNER: ["banners"],
        Kind.FAMILY: ["meet-family"],
        Kind.SUPPORT: ["material-support"],
    }
    TEXT_MAX_LENGTH = 1000

    sponsorship = models.ForeignKey(
        Sponsorship,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("sponsorship"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    date = models.DateField(_("date"))
    text = models.TextField(_("what was done"), max_length=TEXT_MAX_LENGTH)
    # The language the sponsor wrote in: pages mark the text with it (lang="…").
    language = models.CharField(
        _("language of the text"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    link = models.URLField(_("link"), blank=True, help_text=_("An article, a video, a post."))
    photo = models.ImageField(_("photo"), upload_to=action_photo_path, blank=True)
    photo_alt = models.CharField(_("photo description"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    objects = SponsorActionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("sponsor's action")
        verbose_name_plural = _("sponsors' actions")

    def __str__(self):
        return f"{self.date} {self.get_kind_display()} — {self.sponsorship}"

    def commitment_codes(self):
        return self.COMMITMENTS.get(self.kind, [])

    def public_entry(self):
        """What the public sees of an approved action: its kind, date and sponsor always; its
        text, link and photo only when it is about a PUBLIC record or the whole group (a
        LIMITED record shows no free text: a sponsor's words could name the person)."""
        detainee = self.sponsorship.detainee
        view = detainee.public_view() if detainee is not None else None
        in_full = view is None or not view.is_limited
        return {
            "sponsor": self.sponsorship.sponsor,
            "detainee": view,
            "kind": self.kind,
            "kind_label": self.get_kind_display(),
            "date": self.date,
            "text": self.text if in_full else "",
            "language": self.language,
            "link": self.link if in_full else "",
            "photo": self.photo if in_full and self.photo else None,
            "photo_alt": self.photo_alt if in_full else "",
        }


class SponsorProposal(models.Model):
    """Public details a sponsor proposes from the portal: a name, a website, a logo.

    Nothing of it is public, the logo sits in the private storage: the wall and the profiles
    read the Sponsor only. Staff approve it (applied to the sponsor, then gone) or decline it
    (gone). One per sponsor: a new proposal replaces the one still waiting.
    """

    sponsor = models.OneToOneField(
        Sponsor,
        on_delete=models.CASCADE,
        related_name="details_proposal",
        verbose_name=_("sponsor"),
    )
    name = models.CharField(_("name"), max_length=200)
    # The name is translated (Sponsor.name_en, _fr, _hy): the one proposed is in this language.
    language = models.CharField(_("language of the name"), max_length=8, choices=settings.LANGUAGES)
    website = models.URLField(_("website"), blank=True)
    logo = PrivateImageField(_("new logo"), upload_to=proposed_logo_path, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("proposed change of public details")
        verbose_name_plural = _("proposed changes of public details")

    def __str__(self):
        return str(self.sponsor)

    def current_name(self):
        return getattr(self.sponsor, f"name_{self.language}") or self.sponsor.name

    def changed_fields(self):
        """The names of the sponsor's fields this proposal would change."""
        changed = []
        if self.name != self.current_name():
            changed.append("name")
        if self.website != self.sponsor.website:
            changed.append("website")
        if self.logo:
            changed.append("logo")
        return changed

    def apply(self):
        """Make the proposal the sponsor's public details, then forget it."""
        sponsor = self.sponsor
        setattr(sponsor, f"name_{self.language}", self.name)
        sponsor.website = self.website
        if self.logo:
            with self.logo.open("rb") as logo:
                # A copy in the public storage, under a new name: the private one goes.
                sponsor.logo.save(PurePath(self.logo.name).name, logo, save=False)
        sponsor.save()
        self.discard()

    def discard(self):
        if self.logo:
            self.logo.delete(save=False)
        self.delete()
