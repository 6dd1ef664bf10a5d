import re
import unicodedata
import zoneinfo
from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from common.cache import invalidate_tags, profile_tag
from common.languages import shown
from common.timezones import city_name
from prisoners.models import Detainee, TimelineEvent
from prisoners.search import armenian_to_latin

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class SlugFromTitle(models.Model):
    """A record whose address, left empty, is made from whichever title staff wrote (English,
    else French, else Armenian transliterated), as the admin's page does while they type."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._slug_from_title()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "slug"]
        super().save(*args, **kwargs)

    def _slug_from_title(self):
        titles = (getattr(self, f"title_{code}", "") for code in LANGUAGE_CODES)
        title = next((t for t in titles if t), "") or self.title or ""
        latin = armenian_to_latin(unicodedata.normalize("NFKC", title).lower())
        base = slugify(latin)[:100].strip("-") or type(self)._meta.model_name
        slug, n = base, 1
        while type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug


class Page(models.Model):
    """A content page staff write in three languages (about, privacy, contact…)."""

    class Slug(models.TextChoices):
        ABOUT = "about", _("About the collective")
        SPONSORSHIP = "sponsorship", _("How sponsorship works")
        PRIVACY = "privacy", _("Privacy policy")
        CONTACT = "contact", _("Contact")

    slug = models.SlugField(_("page"), max_length=50, unique=True, choices=Slug)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("Shown to search engines.")
    )
    body = models.TextField(_("body"), help_text=_("Markdown: headings, lists, links, emphasis."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"campaign:{self.slug}")


class Organisation(models.Model):
    """One of the NGOs of the collective, shown in the footer and on the about page."""

    # An organisation's name is another word than a person's in Armenian (անվանում, անուն).
    name = models.CharField(pgettext_lazy("organisation", "name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    founded = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


FOOTER_CACHE_KEY = "campaign:footer-organisations:{}"


def footer_organisations():
    """The NGOs of the collective for the footer (offered to the layout in CampaignConfig.ready),
    cached: the footer is on every page."""
    key = FOOTER_CACHE_KEY.format(get_language())
    organisations = cache.get(key)
    if organisations is None:
        organisations = [
            {
                # Marked when it falls back to another language (common.languages.Shown).
                "name": shown(o, "name"),
                "contact_name": o.contact_name,
                "email": o.email,
                "website": o.website,
            }
            for o in Organisation.objects.all()
        ]
        cache.set(key, organisations, 60 * 60)
    return organisations


@receiver([post_save, post_delete], sender=Organisation)
def forget_footer(**kwargs):
    cache.delete_many([FOOTER_CACHE_KEY.format(code) for code, _name in settings.LANGUAGES])


class SocialAccount(models.Model):
    """One of the campaign's own accounts on a network, linked from every page's footer."""

    class Network(models.TextChoices):
        FACEBOOK = "FACEBOOK", "Facebook"
        X = "X", "X"
        INSTAGRAM = "INSTAGRAM", "Instagram"
        TELEGRAM = "TELEGRAM", "Telegram"
        YOUTUBE = "YOUTUBE", "YouTube"
        LINKEDIN = "LINKEDIN", "LinkedIn"
        TIKTOK = "TIKTOK", "TikTok"
        BLUESKY = "BLUESKY", "Bluesky"
        MASTODON = "MASTODON", "Mastodon"

    network = models.CharField(_("network"), max_length=12, choices=Network)
    url = models.URLField(_("address of the account"))
    handle = models.CharField(
        _("account name"), max_length=100, blank=True, help_text=_("For example @libertas2020.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "network"]
        verbose_name = _("social network account")
        verbose_name_plural = _("social network accounts")

    def __str__(self):
        return f"{self.get_network_display()} {self.handle}".strip()


SOCIAL_CACHE_KEY = "campaign:footer-social-accounts"


def footer_social_accounts():
    """The campaign's accounts for the footer (offered to the layout in CampaignConfig.ready),
    cached: the footer is on every page."""
    accounts = cache.get(SOCIAL_CACHE_KEY)
    if accounts is None:
        accounts = [
            {
                "network": a.network.lower(),
                "label": a.get_network_display(),
                "url": a.url,
                "handle": a.handle,
            }
            for a in SocialAccount.objects.all()
        ]
        cache.set(SOCIAL_CACHE_KEY, accounts, 60 * 60)
    return accounts


@receiver([post_save, post_delete], sender=SocialAccount)
def forget_social_accounts(**kwargs):
    cache.delete(SOCIAL_CACHE_KEY)


# The countries a visitor may pick for a letter or give with a signature. Kept short on
# purpose: the campaign writes to decision makers where it has supporters.
class Country(models.TextChoices):
    AM = "AM", _("Armenia")
    AR = "AR", _("Argentina")
    AU = "AU", _("Australia")
    AT = "AT", _("Austria")
    BE = "BE", _("Belgium")
    BR = "BR", _("Brazil")
    CA = "CA", _("Canada")
    CY = "CY", _("Cyprus")
    CZ = "CZ", _("Czechia")
    DK = "DK", _("Denmark")
    FR = "FR", _("France")
    GE = "GE", _("Georgia")
    DE = "DE", _("Germany")
    GR = "GR", _("Greece")
    IE = "IE", _("Ireland")
    IT = "IT", _("Italy")
    LB = "LB", _("Lebanon")
    LU = "LU", _("Luxembourg")
    NL = "NL", _("Netherlands")
    NO = "NO", _("Norway")
    PL = "PL", _("Poland")
    PT = "PT", _("Portugal")
    RU = "RU", _("Russia")
    ES = "ES", _("Spain")
    SE = "SE", _("Sweden")
    CH = "CH", _("Switzerland")
    GB = "GB", _("United Kingdom")
    US = "US", _("United States")
    UY = "UY", _("Uruguay")
    OTHER = "ZZ", _("Another country")


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


SLUG_HELP = _("Leave empty to make it from the title, in whichever language it is written.")


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True, published_at__lte=timezone.now())


class NewsItem(SlugFromTitle):
    """News, press releases and statements, written by staff in three languages."""

    class Kind(models.TextChoices):
        NEWS = "NEWS", _("News")
        PRESS_RELEASE = "PRESS_RELEASE", _("Press release")
        STATEMENT = "STATEMENT", _("Statement")

    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True, help_text=SLUG_HELP)
    kind = models.CharField(_("kind"), max_length=14, choices=Kind, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences, shown in lists.")
    )
    body = models.TextField(_("body"), help_text=_("Markdown: headings, lists, links, emphasis."))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published = models.BooleanField(
        _("published"), default=True, help_text=_("Untick to keep it as a draft.")
    )
    detainees = models.ManyToManyField(
        Detainee,
        blank=True,
        related_name="news_items",
        verbose_name=_("related detainees"),
        help_text=_("Hidden records are never shown, even when chosen here."),
    )
    image = models.ImageField(_("image"), upload_to="news/", blank=True)
    image_alt = models.CharField(_("image description (alt text)"), max_length=300, blank=True)
    email_subscribers = models.BooleanField(
        _("e-mail it to subscribers"),
        default=False,
        help_text=_(
            "When ticked, the item goes once by e-mail to every confirmed subscriber, in their "
            "language, as soon as it is published."
        ),
    )
    emailed_at = models.DateTimeField(
        _("e-mailed to subscribers"), null=True, blank=True, editable=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news and press releases")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaign:news_detail", args=[self.slug])


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def upcoming(self):
        return self.published().filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.published().filter(ends_at__lt=timezone.now()).order_by("-starts_at")


class Event(SlugFromTitle):
    """A protest, a public signing, a conference: something people can come to."""

    class Kind(models.TextChoices):
        PROTEST = "PROTEST", _("Protest")
        SIGNING = "SIGNING", _("Sponsorship signing")
        CONFERENCE = "CONFERENCE", _("Conference")
        OTHER = "OTHER", _("Other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True, help_text=SLUG_HELP)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), help_text=_("Markdown: headings, lists, links, emphasis.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Paris",
        validators=[validate_time_zone],
        help_text=_("Where the event takes place, for example Europe/Paris or Asia/Yerevan."),
    )
    place = models.CharField(_("place"), max_length=200, help_text=_("Venue and street."))
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, choices=Country)
    detainees = models.ManyToManyField(
        Detainee, blank=True, related_name="events", verbose_name=_("related detainees")
    )
    sponsors = models.CharField(
        _("sponsors taking part"),
        max_length=300,
        blank=True,
        help_text=_("Free text, for example the cities or organisations that co-host it."),
    )
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaign:event_detail", args=[self.slug])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def zone_city(self):
        """The zone as people know it: its city's name in the active language."""
        return city_name(self.time_zone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)


class PetitionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Petition(models.Model):
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Markdown: headings, lists, links, emphasis."))
    addressees = models.TextField(
        _("addressed to"), help_text=_("The decision makers, one per line.")
    )
    goal = models.PositiveIntegerField(_("goal"), help_text=_("Number of signatures aimed for."))
    active = models.BooleanField(
        _("active"), default=True, help_text=_("The page shows the newest active petition.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The number of confirmed signatures, kept here so the page never counts them (a COUNT
    # over a million rows took 357 ms on every view). Moved only with F() in the transaction
    # that confirms or deletes a signature (Signature.confirm, the post_delete receiver), so
    # concurrent confirmations never lose one; `recount()` rebuilds it if ever in doubt.
    confirmed_count = models.PositiveIntegerField(
        _("confirmed signatures"), default=0, editable=False
    )

    objects = PetitionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaign:petition")

    @property
    def addressee_list(self):
        return [line.strip() for line in self.addressees.splitlines() if line.strip()]

    def recount(self):
        """Set the counter from the signatures themselves (a full count: for repairs only)."""
        count = self.signatures.confirmed().count()
        Petition.objects.filter(pk=self.pk).update(confirmed_count=count)
        self.confirmed_count = count


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)

    def stale(self, days=30):
        """Unconfirmed signatures old enough to forget."""
        return self.unconfirmed().filter(created_at__lt=timezone.now() - timedelta(days=days))

    def sign(self, petition, email, **details):
        """The signature for this address: new, or the existing one (signing twice counts once)."""
        email = email.strip().lower()
        try:
            with transaction.atomic():
                signature, created = self.get_or_create(
                    petition=petition, email=email, defaults=details
                )
        except IntegrityError:  # the same address, signed at the same instant
            return self.get(petition=petition, email=email)
        if not created and not signature.is_confirmed:
            # The latest details win until the signature is confirmed.
            for field, value in details.items():
                setattr(signature, field, value)
            signature.save(update_fields=list(details))
        return signature


def normalise_email(email):
    # Case-insensitive in practice everywhere: one person, one signature.
    return email.strip().lower()


class Signature(models.Model):
    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="signatures", verbose_name=_("petition")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    country = models.CharField(_("country"), max_length=2, choices=Country)
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # When the confirmation e-mail last went out: one a period (common.mail).
    confirmation_sent_at = models.DateTimeField(
        _("confirmation e-mail sent"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("signed"), auto_now_add=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        # Export and erasure belong to one role, Privacy (see libertas/privacy.py).
        permissions = [
            ("personal_data_signature", _("Can export and erase the personal data of signers"))
        ]
        constraints = [
            models.UniqueConstraint(fields=["petition", "email"], name="one_signature_per_email")
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        if not (self._state.adding and self.confirmed_at):
            super().save(*args, **kwargs)
            return
        # A signature created already confirmed (imports, tests) counts at once.
        with transaction.atomic():
            super().save(*args, **kwargs)
            Petition.objects.filter(pk=self.petition_id).update(
                confirmed_count=F("confirmed_count") + 1
            )

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def confirm(self):
        """Confirm the signature and count it, once, in one short transaction.

        The conditional UPDATE lets only one of two simultaneous confirmations through, so
        the counter moves once; True if this call confirmed it.
        """
        now = timezone.now()
        with transaction.atomic():
            confirmed = Signature.objects.filter(pk=self.pk, confirmed_at__isnull=True).update(
                confirmed_at=now
            )
            if confirmed:
                Petition.objects.filter(pk=self.petition_id).update(
                    confirmed_count=F("confirmed_count") + 1
                )
        if confirmed:
            self.confirmed_at = now
        return bool(confirmed)


@receiver(post_delete, sender=Signature)
def uncount_signature(sender, instance, **kwargs):
    # A confirmed signature deleted (by staff; erasure anonymises instead) stops counting.
    if instance.confirmed_at is not None:
        Petition.objects.filter(pk=instance.petition_id).update(
            confirmed_count=Greatest(F("confirmed_count") - 1, 0)
        )


class DecisionMakerKind(models.TextChoices):
    EMBASSY = "EMBASSY", _("Embassy of Azerbaijan in the country")
    FOREIGN_MINISTRY = "FOREIGN_MINISTRY", _("Foreign ministry")
    MEMBER_OF_PARLIAMENT = "MP", _("Member of parliament")
    MEMBER_OF_EUROPEAN_PARLIAMENT = "MEP", _("Member of the European Parliament")
    OTHER = "OTHER", _("Other")


class LetterTemplateQuerySet(models.QuerySet):
    def for_country(self, country, language, kind=""):
        """The letter for a country and a kind of recipient, in the visitor's language if staff
        wrote one.

        A country with no letter of its own gets the one for "another country" (to
        Azerbaijan's ambassador wherever the visitor lives), so every country offered has one.
        """
        letters = list(self.filter(country__in=[country, Country.OTHER]))
        own = [letter for letter in letters if letter.country == country]
        letters = own or letters
        # The letter written for this kind of recipient, else the one for any recipient.
        for kinds in ([kind], ["", kind] if kind else [""]):
            fitting = [letter for letter in letters if letter.recipient_kind in kinds]
            if fitting:
                letters = fitting
                break
        for wanted in (language, settings.LANGUAGE_CODE):
            for letter in letters:
                if letter.language == wanted:
                    return letter
        return letters[0] if letters else None


class LetterTemplate(models.Model):
    """A letter a visitor sends, in their own name, to a decision maker of their country."""

    SENDER = "{sender_name}"
    DETAINEES = "{detainees}"

    country = models.CharField(_("country"), max_length=2, choices=Country)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    recipient_kind = models.CharField(
        _("for"),
        max_length=20,
        choices=DecisionMakerKind,
        blank=True,
        default="",
        help_text=_(
            "The kind of decision maker this letter is written for. Left empty: for every "
            "decision maker of the country that has no letter of their own kind."
        ),
    )
    recipient_name = models.CharField(_("recipient"), max_length=200)
    recipient_title = models.CharField(_("recipient's title"), max_length=200, blank=True)
    recipient_email = models.EmailField(_("recipient's e-mail"), blank=True)
    recipient_address = models.TextField(_("recipient's postal address"), blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("letter"),
        help_text=_(
            "Plain text. {sender_name} is replaced by the visitor's name, {detainees} by the "
            "list of people held."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = LetterTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["country", "language"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "recipient_kind", "language"],
                name="one_letter_per_country_kind_and_language",
            )
        ]

    def __str__(self):
        return f"{self.get_country_display()} ({self.language}): {self.recipient_name}"

    def render(self, sender_name, detainees):
        # str.replace, not str.format: staff text may contain other braces.
        return self.body.replace(self.SENDER, sender_name).replace(self.DETAINEES, detainees)

    def recipient(self, decision_maker=None):
        """Whom the letter goes to: the decision maker the visitor chose, else the letter's
        own recipient. Read in the letter's language (translation.override) for its script."""
        if decision_maker is None:
            return {
                "name": self.recipient_name,
                "title": self.recipient_title,
                "email": self.recipient_email,
                "address": self.recipient_address,
            }
        return {
            "name": decision_maker.name,
            "title": decision_maker.title,
            "email": decision_maker.email,
            "address": decision_maker.postal_address,
        }

    def mailto(self, body, email=None):
        """A mailto: link that opens the letter, with `body`, in the visitor's mail client,
        to `email` (the letter's own recipient's when not given)."""
        email = self.recipient_email if email is None else email
        crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
        return (
            f"mailto:{quote(email, safe='@')}"
            f"?subject={quote(self.subject, safe='')}&body={quote(crlf, safe='')}"
        )


class DecisionMakerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class DecisionMaker(models.Model):
    """Someone a visitor of a country may write to: staff keep the list, the letter's words
    stay in LetterTemplate (per country and language), the recipient comes from here."""

    Kind = DecisionMakerKind

    country = models.CharField(_("country"), max_length=2, choices=Country)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.EMBASSY)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("A person's name or an institution's.")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("As it goes on the envelope, one line per line. Only a published address."),
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Only an address the recipient publishes.")
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Offered to visitors."))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are offered first.")
    )

    objects = DecisionMakerQuerySet.as_manager()

    class Meta:
        ordering = ["country", "order", "pk"]
        verbose_name = _("decision maker")
        verbose_name_plural = _("decision makers")

    def __str__(self):
        return f"{self.get_country_display()}: {self.name}"


class LettersOpened(models.Model):
    """How many letters visitors opened in their e-mail program or printed, per country and
    decision maker (none: the letter's own recipient). A number only: nothing of the visitor.
    Moved only with F() by `press`, so simultaneous presses are all counted."""

    country = models.CharField(_("country"), max_length=2, choices=Country)
    decision_maker = models.ForeignKey(
        DecisionMaker,
        verbose_name=_("decision maker"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="letters_opened",
    )
    count = models.PositiveIntegerField(_("letters opened"), default=0)

    class Meta:
        verbose_name = _("letters opened")
        verbose_name_plural = _("letters opened")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "decision_maker"], name="one_letter_counter_per_decision_maker"
            ),
            # NULLs are distinct in a unique index: the letter's own recipient needs its own.
            models.UniqueConstraint(
                fields=["country"],
                condition=models.Q(decision_maker__isnull=True),
                name="one_letter_counter_per_country_without_decision_maker",
            ),
        ]

    def __str__(self):
        return f"{self.country}: {self.count}"

    @classmethod
    def press(cls, country, decision_maker=None):
        rows = cls.objects.filter(country=country, decision_maker=decision_maker)
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(country=country, decision_maker=decision_maker, count=1)
        except IntegrityError:
            # Another press created the row between our update and create.
            rows.update(count=F("count") + 1)

    @classmethod
    def for_country(cls, country):
        return cls.objects.filter(country=country).aggregate(n=models.Sum("count"))["n"] or 0


class FollowerQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def follow(self, detainee, email, language):
        """The follow of `detainee` by this address: new, or the existing one."""
        email = email.strip().lower()
        try:
            with transaction.atomic():
                follower, _created = self.get_or_create(
                    detainee=detainee, email=email, defaults={"language": language}
                )
        except IntegrityError:  # the same address, at the same instant
            follower = self.get(detainee=detainee, email=email)
        return follower


class Follower(models.Model):
    """Someone who asked for an e-mail when a detainee's record changes."""

    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="followers", verbose_name=_("detainee")
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # When the confirmation e-mail last went out: one a period (common.mail).
    confirmation_sent_at = models.DateTimeField(
        _("confirmation e-mail sent"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = FollowerQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        # Export and erasure belong to one role, Privacy (see libertas/privacy.py).
        permissions = [
            ("personal_data_follower", _("Can export and erase the personal data of followers"))
        ]
        constraints = [
            models.UniqueConstraint(fields=["detainee", "email"], name="one_follow_per_email")
        ]

    def __str__(self):
        return f"{self.email} → {self.detainee}"

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


# Hearings


class HearingReminder(models.Model):
    """That followers were reminded of a hearing: one reminder per hearing, whoever sends it."""

    event = models.OneToOneField(
        TimelineEvent,
        on_delete=models.CASCADE,
        related_name="reminder",
        verbose_name=_("hearing"),
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("hearing reminder")
        verbose_name_plural = _("hearing reminders")

    def __str__(self):
        return f"{self.event} ({self.sent_at:%Y-%m-%d})"


# Campaign news by e-mail


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def subscribe(self, email, language):
        """The subscription of this address: new, or the existing one in the language asked
        for now (a confirmed one stays confirmed)."""
        email = normalise_email(email)
        try:
            with transaction.atomic():
                subscriber, created = self.get_or_create(
                    email=email, defaults={"language": language}
                )
        except IntegrityError:  # the same address, at the same instant
            subscriber, created = self.get(email=email), False
        if not created and subscriber.language != language:
            subscriber.language = language
            subscriber.save(update_fields=["language"])
        return subscriber

    def stale(self, days):
        """Never confirmed, and old enough to forget."""
        since = timezone.now() - timedelta(days=days)
        return self.filter(confirmed_at__isnull=True, created_at__lt=since)


class Subscriber(models.Model):
    """Someone who asked for the campaign's news by e-mail, in one language.

    Counted only once the address is confirmed (double opt-in); unsubscribing deletes the row.
    """

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # When the confirmation e-mail last went out: one a period (common.mail).
    confirmation_sent_at = models.DateTimeField(
        _("confirmation e-mail sent"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("news subscriber")
        verbose_name_plural = _("news subscribers")
        permissions = [
            (
                "personal_data_subscriber",
                _("Can export and erase the personal data of news subscribers"),
            )
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


# Messages of solidarity

MESSAGE_MAX_LENGTH = 1000
# What makes a text a link: a scheme, "www.", an e-mail address, or a bare domain name with a
# usual ending. Messages go on paper to a detainee and on a public page: no address of any kind.
LINK_PATTERN = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|\bwww\.|[^\s@]+@[^\s@]+\.[^\s@]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|io|ru|az|am|fr|be|ch|de|uk|us|eu|ly|me|co)\b)",
    re.IGNORECASE,
)


def validate_no_link(value):
    if LINK_PATTERN.search(value or ""):
        raise ValidationError(
            _(
                "Please remove the web or e-mail address from your message: messages may not "
                "contain links or addresses."
            ),
            code="link",
        )


ARMENIAN_LETTER = re.compile(r"[\u0531-\u0587]")
FRENCH_HINTS = re.compile(
    r"[àâçéèêëîïôûùüÿœ]|\b(?:le|la|les|des|vous|nous|est|et|pour|avec|courage|pensons)\b",
    re.IGNORECASE,
)


def detect_language(text):
    """The language of a short message, guessed from its script and a few common words."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(bool(ARMENIAN_LETTER.match(c)) for c in letters) * 2 >= len(letters):
        return "hy"
    return "fr" if len(FRENCH_HINTS.findall(text)) >= 2 else "en"


class MessageBundle(models.Model):
    """The approved messages to one detainee, printed together for delivery."""

    class Via(models.TextChoices):
        FAMILY = "FAMILY", _("Through the family")
        ICRC = "ICRC", _("Through the ICRC")
        LAWYER = "LAWYER", _("Through a lawyer")
        OTHER = "OTHER", _("Other")

    detainee = models.ForeignKey(
        Detainee,
        on_delete=models.CASCADE,
        related_name="message_bundles",
        verbose_name=_("detainee"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    delivered_via = models.CharField(_("delivered via"), max_length=8, choices=Via, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message bundle")
        verbose_name_plural = _("message bundles")

    def __str__(self):
        return _("Messages to %(name)s, %(date)s") % {
            "name": self.detainee,
            "date": timezone.localtime(self.created_at).date() if self.created_at else "",
        }


class SolidarityMessageQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=SolidarityMessage.Status.APPROVED)

    def shown_in_full(self):
        """Approved messages whose writers agreed to show their text on the profile."""
        return self.approved().filter(consent_public=True)

    def stale(self, days):
        """Unconfirmed messages, or rejected ones, old enough to forget."""
        since = timezone.now() - timedelta(days=days)
        Status = SolidarityMessage.Status
        return self.filter(
            models.Q(status=Status.PENDING_CONFIRMATION, created_at__lt=since)
            | models.Q(status=Status.REJECTED, moderated_at__lt=since)
        )

    def write(self, detainee, email, **details):
        """The message from this address to `detainee`: new, or the one still waiting for its
        confirmation, with the latest details (sending again re-sends no e-mail in the period,
        so one address gets at most one e-mail per detainee and period)."""
        email = normalise_email(email)
        pending = SolidarityMessage.Status.PENDING_CONFIRMATION
        try:
            with transaction.atomic():
                message, created = self.get_or_create(
                    detainee=detainee, email=email, status=pending, defaults=details
                )
        except IntegrityError:  # the same address, at the same instant
            message, created = self.get(detainee=detainee, email=email, status=pending), False
        if not created:
            for field, value in details.items():
                setattr(message, field, value)
            message.save(update_fields=list(details))
        return message

    def moderate(self, status):
        """Approve or reject the confirmed messages among these (not unconfirmed ones).

        The profiles whose approved messages changed drop their cached page: their count and
        texts are on it. Returns the number of messages moderated.
        """
        Status = SolidarityMessage.Status
        messages = self.exclude(status=Status.PENDING_CONFIRMATION).exclude(status=status)
        slugs = list(messages.order_by().values_list("detainee__slug", flat=True).distinct())
        count = messages.update(status=status, moderated_at=timezone.now())
        if count:
            invalidate_tags([profile_tag(slug) for slug in slugs])
        return count


class SolidarityMessage(models.Model):
    """A short message a supporter writes to a detainee, delivered on paper once approved."""

    class Status(models.TextChoices):
        PENDING_CONFIRMATION = "PENDING_CONFIRMATION", _("Waiting for the writer's confirmation")
        CONFIRMED = "CONFIRMED", _("Confirmed, waiting for moderation")
        APPROVED = "APPROVED", _("Approved")
        REJECTED = "REJECTED", _("Rejected")

    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="messages", verbose_name=_("detainee")
    )
    text = models.TextField(
        pgettext_lazy("solidarity", "message"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[validate_no_link],
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    first_name = models.CharField(_("first name"), max_length=70)
    city = models.CharField(_("city"), max_length=100, validators=[validate_no_link])
    email = models.EmailField(_("e-mail"))
    consent_public = models.BooleanField(
        _("text may be shown on the profile"),
        default=False,
        help_text=_("The writer agreed that the text, first name and city be shown publicly."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING_CONFIRMATION
    )
    bundle = models.ForeignKey(
        MessageBundle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("bundle"),
    )
    # When the confirmation e-mail last went out: one a period (common.mail).
    confirmation_sent_at = models.DateTimeField(
        _("confirmation e-mail sent"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)

    objects = SolidarityMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message of solidarity")
        verbose_name_plural = _("messages of solidarity")
        # Export and erasure belong to one role, Privacy (see libertas/privacy.py).
        permissions = [
            (
                "personal_data_solidaritymessage",
                _("Can export and erase the personal data of writers"),
            )
        ]
        indexes = [models.Index(fields=["detainee", "status"], name="message_detainee_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["detainee", "email"],
                condition=models.Q(status="PENDING_CONFIRMATION"),
                name="one_unconfirmed_message_per_email",
            )
        ]

    def __str__(self):
        return f"{self.first_name}, {self.city} → {self.detainee}"

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)
        self._loaded_status = self.status  # what the row says now (see from_db)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the row said when read: a save that leaves or reaches APPROVED drops the profile.
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    def confirm(self):
        """The writer followed the link: the message waits for moderation. True the first time."""
        now = timezone.now()
        confirmed = SolidarityMessage.objects.filter(
            pk=self.pk, status=self.Status.PENDING_CONFIRMATION
        ).update(status=self.Status.CONFIRMED, confirmed_at=now)
        if confirmed:
            self.status, self.confirmed_at = self.Status.CONFIRMED, now
        return bool(confirmed)


@receiver([post_save, post_delete], sender=SolidarityMessage)
def drop_profile_of_approved_message(sender, instance, **kwargs):
    # Messages are left out of the page cache's rule (a visitor writing drops nothing); only
    # a message that is, or was, approved changes what the profile shows.
    Status = SolidarityMessage.Status
    if Status.APPROVED in (instance.status, getattr(instance, "_loaded_status", None)):
        slug = Detainee.objects.filter(pk=instance.detainee_id).values_list("slug", flat=True)
        invalidate_tags([profile_tag(s) for s in slug])
