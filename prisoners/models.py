import functools
from dataclasses import dataclass
from datetime import timedelta

from django.conf import global_settings, settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Max, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext, npgettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from common.languages import LANGUAGE_CODES, InLanguage, Shown, shown, translated_fields
from common.storage import PrivateImageField
from prisoners import photos
from prisoners import search as name_search
from prisoners.photos import validate_photo
from prisoners.slugs import random_slug, reveals_name


class Category(models.TextChoices):
    POW = "POW", _("Prisoner of war")
    CIVILIAN = "CIVILIAN", _("Civilian")
    POLITICAL_LEADER = "POLITICAL_LEADER", _("Political leader")
    DISAPPEARED = "DISAPPEARED", _("Forcibly disappeared")


class Status(models.TextChoices):
    HELD = "HELD", _("Held")
    RELEASED = "RELEASED", _("Released")
    DECEASED = "DECEASED", _("Deceased")
    UNKNOWN = "UNKNOWN", _("Fate unknown")


class Visibility(models.TextChoices):
    PUBLIC = "PUBLIC", _("Public: shown in full")
    LIMITED = "LIMITED", _("Limited: initials only, no photo")
    HIDDEN = "HIDDEN", _("Hidden: shown nowhere")


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    UNSTATED = "", _("Not stated")


def by_sex(sex, *, woman, man, person):
    """The form of a phrase that agrees with the person's sex (French needs it; English does not).

    Callers pass three literal translations with the contexts "woman", "man" and "person", so
    each language can agree with the person, and the neutral form stands where sex is unknown.
    """
    return {Sex.FEMALE: woman, Sex.MALE: man}.get(sex, person)


def category_label(category, sex):
    """A category said of one person of this sex ("Civile" for a woman in French).

    Category.label stays the name of the group (list tabs, admin filters).
    """
    forms = {
        Category.POW: (
            pgettext("woman", "Prisoner of war"),
            pgettext("man", "Prisoner of war"),
            pgettext("person", "Prisoner of war"),
        ),
        Category.CIVILIAN: (
            pgettext("woman", "Civilian"),
            pgettext("man", "Civilian"),
            pgettext("person", "Civilian"),
        ),
        Category.POLITICAL_LEADER: (
            pgettext("woman", "Political leader"),
            pgettext("man", "Political leader"),
            pgettext("person", "Political leader"),
        ),
        Category.DISAPPEARED: (
            pgettext("woman", "Forcibly disappeared"),
            pgettext("man", "Forcibly disappeared"),
            pgettext("person", "Forcibly disappeared"),
        ),
    }.get(category)
    if forms is None:
        return ""
    woman, man, person = forms
    return by_sex(sex, woman=woman, man=man, person=person)


class FigureKind(models.TextChoices):
    """Who a campaign figure counts: everyone held, or one category."""

    HELD = "HELD", _("People held (every category)")
    POW = Category.POW.value, Category.POW.label
    CIVILIAN = Category.CIVILIAN.value, Category.CIVILIAN.label
    POLITICAL_LEADER = Category.POLITICAL_LEADER.value, Category.POLITICAL_LEADER.label
    DISAPPEARED = Category.DISAPPEARED.value, Category.DISAPPEARED.label


def category_count_label(category, count):
    """What follows a number of people of one category ("12 prisoners of war", "1 civilian")."""
    if category == Category.POW:
        return ngettext("prisoner of war", "prisoners of war", count)
    if category == Category.CIVILIAN:
        return ngettext("civilian", "civilians", count)
    if category == Category.POLITICAL_LEADER:
        return ngettext("political leader", "political leaders", count)
    if category == Category.DISAPPEARED:
        return ngettext("forcibly disappeared person", "forcibly disappeared people", count)
    return ""


def status_label(status, sex):
    """A status said of one person of this sex ("Libérée" for a woman in French)."""
    forms = {
        Status.HELD: (
            pgettext("woman", "Held"),
            pgettext("man", "Held"),
            pgettext("person", "Held"),
        ),
        Status.RELEASED: (
            pgettext("woman", "Released"),
            pgettext("man", "Released"),
            pgettext("person", "Released"),
        ),
        Status.DECEASED: (
            pgettext("woman", "Deceased"),
            pgettext("man", "Deceased"),
            pgettext("person", "Deceased"),
        ),
        Status.UNKNOWN: (
            pgettext("woman", "Fate unknown"),
            pgettext("man", "Fate unknown"),
            pgettext("person", "Fate unknown"),
        ),
    }.get(status)
    if forms is None:
        return ""
    woman, man, person = forms
    return by_sex(sex, woman=woman, man=man, person=person)


class Acknowledgement(models.TextChoices):
    ACKNOWLEDGED = "ACKNOWLEDGED", _("Acknowledged by Azerbaijan")
    DENIED = "DENIED", _("Denied by Azerbaijan")
    UNKNOWN = "UNKNOWN", _("No statement")


class Reliability(models.TextChoices):
    CONFIRMED = "CONFIRMED", _("Confirmed by an official body")
    RELIABLE = "RELIABLE", _("Reliable: human-rights organisation or established media")
    REPORTED = "REPORTED", _("Reported, not yet confirmed")


# Every language Django knows, for a source's title: sources are in Russian, Azerbaijani or
# Turkish as often as in our three. The names are Django's, translated by its own catalogue.
TITLE_LANGUAGES = [(code, _(name)) for code, name in global_settings.LANGUAGES if "-" not in code]


class Source(models.Model):
    url = models.URLField(_("address"), max_length=500, blank=True)
    # Not translated: a source is cited by its own title, in its own language (pages mark it
    # with `lang`, so a reader's screen reader and browser read it right).
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(
        _("language of the title"),
        max_length=8,
        choices=TITLE_LANGUAGES,
        blank=True,
        help_text=_("The language the title and publisher are written in."),
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("date"), null=True, blank=True)
    reliability = models.CharField(
        _("reliability"), max_length=12, choices=Reliability, default=Reliability.REPORTED
    )

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        # Cited in its own language: wherever the admin shows it, it can say so with `lang`.
        text = f"{self.publisher}: {self.title}" if self.publisher else self.title
        return InLanguage(text, self.language)


# Fields whose change alters what the public sees of a record, beyond its own value.
PUBLIC_VIEW_INPUTS = {"visibility", "photo", "name", "name_en", "name_fr", "name_hy"}


class Like(models.Lookup):
    """`field LIKE pattern` with the pattern as given: `contains` would escape its _ wildcard.

    Patterns come from prisoners.search (letters, digits, "_" and "%"), never from a visitor.
    SQLite's LIKE ignores the case of ASCII letters and PostgreSQL's does not: the keys are
    lower case, so both answer alike.
    """

    lookup_name = "like"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} LIKE {rhs}", [*lhs_params, *rhs_params]


class DetaineeQuerySet(models.QuerySet):
    def public(self):
        """Records the public may see at all: PUBLIC in full, LIMITED as their public view.

        HIDDEN records are left out. What each record shows is Detainee.public_view().
        """
        return self.exclude(visibility=Visibility.HIDDEN)

    @staticmethod
    def public_through(relation):
        """The rule of public() as a Q on another model's relation to Detainee.

        Said positively (PUBLIC or LIMITED): a negated condition on a nullable join becomes a
        NOT IN subquery that PostgreSQL plans badly on a large registry.
        """
        return Q(**{f"{relation}__visibility__in": [Visibility.PUBLIC, Visibility.LIMITED]})

    def in_full(self):
        """Records shown in full (exports, letters, dedications): PUBLIC ones only."""
        return self.filter(visibility=Visibility.PUBLIC)

    def held(self):
        return self.filter(status=Status.HELD)

    def still_held(self):
        """Held or of unknown fate: the people the campaign still calls for (is_still_held)."""
        return self.filter(status__in=[Status.HELD, Status.UNKNOWN])

    def longest_without_news(self):
        """Oldest last timeline event first; a record with no event at all before any."""
        return self.annotate(last_news=Max("timeline__date")).order_by(
            F("last_news").asc(nulls_first=True), "public_sort_name", "pk"
        )

    def birthdays_within(self, today, days):
        """[(next birthday, record)] of PUBLIC records whose birthday falls in the next `days`
        days, soonest first (a birth date is shown only in full; one query, sorted here)."""
        found = []
        for record in self.in_full().exclude(birth_date=None):
            birthday = next_birthday(record.birth_date, today)
            if (birthday - today).days <= days:
                found.append((birthday, record))
        return sorted(found, key=lambda pair: (pair[0], pair[1].public_sort_name))

    def by_category(self, category):
        return self.filter(category=category)

    def search(self, query):
        """PUBLIC records whose name matches `query` in any script and spelling, words in any
        order; if none does, those one typo per word away (see prisoners.search).

        save() stores only the shown name (initials for LIMITED records), and LIMITED records
        are not searched at all: a bulk import that bypassed save() still finds no full name,
        and a match on initials would confirm little but narrow much. A query with no letters
        finds nobody (the list says so rather than showing everyone as found).
        """
        words = name_search.query_words(query)
        if not words or not all(word.key for word in words):
            return self.none()
        records = self.in_full()
        exact = records.filter(*[Q(search_text__like=name_search.like(w.key)) for w in words])
        if exact.exists():
            return exact
        return records.filter(*[self._one_typo_from(word.key) for word in words])

    @staticmethod
    def _one_typo_from(word_key):
        q = Q()
        for pattern in name_search.typo_patterns(word_key):
            q |= Q(search_text__like=name_search.like(pattern))
        return q

    def update(self, **kwargs):
        """A bulk change of what decides the public view (visibility, name, photo) is saved
        record by record afterwards, as from the admin: the address, sort key, search text,
        photo copies and page cache follow at once, from a shell or a command too."""
        if not PUBLIC_VIEW_INPUTS & kwargs.keys():
            return super().update(**kwargs)
        visibility_before = dict(self.values_list("pk", "visibility"))
        count = super().update(**kwargs)
        for detainee in Detainee.objects.filter(pk__in=visibility_before):
            detainee.visibility_before = visibility_before[detainee.pk]
            detainee.save()
        return count

    def for_public_pages(self):
        """Public records without the private columns, so a template cannot reach them."""
        return self.public().defer(*PRIVATE_FIELDS)


# Never on a public page, feed, export, sitemap or share image.
PRIVATE_FIELDS = (
    "consent_given_by",
    "consent_given_on",
    "consent_scope",
    "family_contact",
    "internal_notes",
)


class Detainee(models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Leave empty for a random address. Limited records never show the name."),
    )
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=Category)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.HELD)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.HIDDEN
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex, blank=True, default="")
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), null=True, blank=True, help_text=_("When only the year is known.")
    )
    hometown = models.CharField(_("hometown"), max_length=200, blank=True)

    captured_on = models.DateField(_("captured on"), null=True, blank=True)
    capture_place = models.CharField(_("place of capture"), max_length=200, blank=True)
    capture_circumstances = models.TextField(_("circumstances of capture"), blank=True)

    # For the forcibly disappeared.
    last_seen_on = models.DateField(_("last seen on"), null=True, blank=True)
    last_seen_place = models.CharField(_("last seen at"), max_length=200, blank=True)
    detention_acknowledged = models.CharField(
        _("detention acknowledged by Azerbaijan"),
        max_length=12,
        choices=Acknowledgement,
        default=Acknowledgement.UNKNOWN,
    )

    charges = models.TextField(_("charges"), blank=True)
    criminal_code_articles = models.CharField(
        _("articles of the criminal code"), max_length=200, blank=True
    )
    sentence = models.CharField(_("sentence"), max_length=200, blank=True)
    place_of_detention = models.CharField(_("place of detention"), max_length=200, blank=True)
    icrc_registered = models.BooleanField(
        _("registered by the ICRC"), null=True, blank=True, help_text=_("Leave empty if unknown.")
    )
    echr_application_number = models.CharField(
        _("ECHR application number"), max_length=50, blank=True
    )
    echr_interim_measures = models.BooleanField(_("ECHR interim measures"), default=False)
    released_on = models.DateField(_("released on"), null=True, blank=True)
    died_on = models.DateField(_("died on"), null=True, blank=True)
    featured = models.BooleanField(
        _("featured on the home page"),
        default=False,
        help_text=_(
            "Shown among the faces of the home page (only while the record is public or "
            "limited; a limited record shows its initials, never a photo)."
        ),
    )
    print_after_release = models.BooleanField(
        _('offer a "released" poster and banner after release'),
        default=True,
        help_text=_(
            "After release, supporters and sponsors can print a version that says the person "
            "was released. Untick to offer none (for example when the family asks for quiet)."
        ),
    )

    biography = models.TextField(_("biography"), blank=True)
    # The upload itself is private; pages show the public copies that sync_public_photo()
    # makes while the record is PUBLIC, under a random token.
    photo = PrivateImageField(
        _("photo"),
        upload_to="detainees/",
        blank=True,
        validators=[validate_photo],
    )
    photo_token = models.CharField(max_length=32, blank=True, editable=False)
    photo_published_from = models.CharField(max_length=100, blank=True, editable=False)
    photo_credit = models.CharField(_("photo credit"), max_length=200, blank=True)
    photo_alt = models.CharField(_("photo description (alt text)"), max_length=300, blank=True)
    sources = models.ManyToManyField(
        Source, blank=True, through="DetaineeSource", verbose_name=_("sources")
    )

    # Private: never rendered on a public page, feed, export, sitemap or share image.
    consent_given_by = models.CharField(_("consent given by"), max_length=200, blank=True)
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_scope = models.TextField(_("scope of consent"), blank=True)
    family_contact = models.TextField(_("family contact"), blank=True)
    internal_notes = models.TextField(_("internal notes"), blank=True)

    # Derived from the public view by save(), so lists, search and the sitemap never use
    # what the public does not see: the shown name in every language and script, as the
    # sound keys of prisoners.search; the shown name to sort by (translated, like the name);
    # the time a field the public sees last changed.
    search_text = models.TextField(_("search text"), blank=True, editable=False)
    public_sort_name = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
    public_updated_at = models.DateTimeField(null=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # WebP renditions at the sizes pages display, or None while none is published.
    photo_card = property(lambda self: self.public_rendition("card"))
    photo_card_2x = property(lambda self: self.public_rendition("card_2x"))
    photo_profile = property(lambda self: self.public_rendition("profile"))
    photo_profile_md = property(lambda self: self.public_rendition("profile_md"))
    photo_profile_2x = property(lambda self: self.public_rendition("profile_2x"))

    objects = DetaineeQuerySet.as_manager()

    class Meta:
        # By what the public sees: initials sort as initials, wherever a list forgets to order.
        ordering = ["public_sort_name", "pk"]
        verbose_name = _("detainee")
        verbose_name_plural = _("detainees")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        before = None
        if self.pk and not kwargs.get("force_insert"):
            before = type(self).objects.filter(pk=self.pk).first()
        derived = ["search_text", "public_sort_name", *self._sort_name_fields()]
        if self._needs_new_slug(before):
            # A random address, never one that redirects from the old: that would link them.
            self.slug = random_slug(self._slug_taken, self._names())
            derived.append("slug")
        elif not self.slug:
            self.slug = self._slug_from_name()
            derived.append("slug")
        self.search_text = self.build_search_text()
        for field, sort_name in self._sort_names().items():
            setattr(self, field, sort_name)
        if before is None or before.public_view_data() != self.public_view_data():
            self.public_updated_at = timezone.now()
            derived.append("public_updated_at")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = list(dict.fromkeys([*update_fields, *derived]))
        super().save(*args, **kwargs)
        self.sync_public_photo()

    def get_absolute_url(self):
        return reverse("prisoners:detail", args=[self.slug])

    def sync_public_photo(self):
        """Publish the photo's renditions while the record is PUBLIC, and only then.

        Called after every save and bulk update(), so no way of saving leaves a public copy
        of a HIDDEN or LIMITED record's photo. Copies are deleted at once, not on commit:
        a rolled-back hide costs broken images until the next save, never a leak.
        """
        wanted = self.visibility == Visibility.PUBLIC and bool(self.photo)
        if wanted and self.photo_published_from == self.photo.name:
            if photos.is_published(self.photo_token):
                return
        elif not wanted and not self.photo_token:
            return
        photos.unpublish(self.photo_token)
        self.photo_token = photos.publish(self.photo) if wanted else ""
        self.photo_published_from = self.photo.name if wanted else ""
        # update(), not save(): no history entry, no new modification date for a copy.
        Detainee.objects.filter(pk=self.pk).update(
            photo_token=self.photo_token, photo_published_from=self.photo_published_from
        )

    def public_rendition(self, kind):
        return photos.Rendition(self.photo_token, kind) if self.photo_token else None

    def clean(self):
        super().clean()
        # A record leaving PUBLIC is given a new address by save(): nothing to ask of staff.
        stored = type(self).objects.filter(pk=self.pk, visibility=Visibility.PUBLIC)
        leaving_public = self.pk is not None and stored.exists()
        if (
            self.visibility != Visibility.PUBLIC
            and self.slug
            and self.slug_reveals_name()
            and not leaving_public
        ):
            raise ValidationError(
                {"slug": _("A limited profile's address must not contain the person's name.")}
            )

    def _names(self):
        return [getattr(self, f"name_{code}", "") or "" for code in ("en", "fr", "hy")]

    def slug_reveals_name(self):
        return reveals_name(self.slug, self._names())

    def _slug_taken(self, slug):
        return type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists()

    def _needs_new_slug(self, before):
        if self.visibility == Visibility.PUBLIC:
            return False
        # After a bulk update() the row already holds the new visibility: it says the old one.
        previous = getattr(self, "visibility_before", before and before.visibility)
        was_public = previous == Visibility.PUBLIC
        return not self.slug or was_public or self.slug_reveals_name()

    def _slug_from_name(self):
        base = slugify(self.name_en or self.name or "")[:100] or "d"
        slug, n = base, 1
        while self._slug_taken(slug):
            n += 1
            slug = f"{base}-{n}"
        return slug

    def _sort_name_fields(self):
        return [f"public_sort_name_{code}" for code, _name in settings.LANGUAGES]

    def _sort_names(self):
        names = {}
        for code, _name in settings.LANGUAGES:
            # In each language as the public reads it there (with the name's fallback).
            with translation.override(code):
                names[f"public_sort_name_{code}"] = self.public_name.casefold()[:200]
        return names

    def build_search_text(self):
        """The sound keys of the names the public sees; nothing for a hidden record."""
        if not self.is_listed:
            return ""
        return name_search.search_text(initials(n) if self.is_limited else n for n in self._names())

    def public_view(self):
        """What the public may see of this record: see PublicDetainee."""
        return PublicDetainee(self)

    def public_view_data(self):
        """Every value the public view shows, in every language: what the sitemap dates."""
        if not self.is_listed:
            return None
        view = self.public_view()
        data = {"photo": str(view.photo or "")}
        # Values derived from today's date or from other fields would move it every day.
        derived = {"pk", "public_photo", "public_updated_at", "held_since", "days_held"}
        derived |= {"public_initials"}  # the name's letters: the name is already there
        derived |= {"days_held_label", "is_disappeared", "is_still_held", "may_print"}
        derived |= {"may_be_sponsored", "may_be_followed", "may_receive_gifts"}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for field in (PublicDetainee.FIELDS | PublicDetainee.IN_FULL_FIELDS) - derived:
                    data[f"{field}:{code}"] = str(getattr(view, field))
        return data

    @property
    def is_listed(self):
        """Whether the public sees this record at all (the rule of DetaineeQuerySet.public)."""
        return self.visibility != Visibility.HIDDEN

    @property
    def is_limited(self):
        return self.visibility == Visibility.LIMITED

    @property
    def public_name(self):
        """The name as a public page may show it: initials for limited records."""
        return initials(self.name) if self.is_limited else self.name

    @property
    def public_initials(self):
        """Up to two letters for a card without a photo ("AP"), from the name the public sees."""
        letters = [word.strip(".")[:1] for word in self.public_name.split()]
        return "".join(letter.upper() for letter in letters if letter)[:2]

    @property
    def held_since(self):
        """The date captivity (or absence) began, as far as we know it."""
        return self.captured_on or self.last_seen_on

    @property
    def public_photo(self):
        """The photo if this record may show one."""
        if self.visibility == Visibility.PUBLIC and self.photo and self.photo_token:
            return self.photo
        return None

    @property
    def is_disappeared(self):
        return self.category == Category.DISAPPEARED

    @property
    def days_held(self):
        start = self.held_since
        if start is None:
            return None
        end = self.released_on or self.died_on or timezone.localdate()
        return (end - start).days

    @property
    def agreement_sex(self):
        """The sex that phrases about this person agree with (French: "Libérée", "Né").

        Unstated on a LIMITED record: its public view shows initials and the facts of the
        detention only, and a feminine ending would tell the public one more fact.
        """
        return Sex.UNSTATED if self.is_limited else self.sex

    @property
    def category_label(self):
        """The category as said of this one person (profile, card, share image, banner)."""
        return category_label(self.category, self.agreement_sex)

    @property
    def status_label(self):
        """The status as said of this one person; the admin keeps get_status_display()."""
        return status_label(self.status, self.agreement_sex)

    @property
    def born_label(self):
        """The heading of the birth date on a profile ("Née", "Né", or neutral)."""
        return by_sex(
            self.agreement_sex,
            woman=pgettext("woman", "Born"),
            man=pgettext("man", "Born"),
            person=pgettext("person", "Born"),
        )

    @property
    def days_held_label(self):
        """The days held as every output says them: see days_held_phrase()."""
        return self.days_held_phrase().text

    def days_held_phrase(self):
        """The number of days held and the one phrase every output says it with.

        Profile, list cards, share image, banner, poster and e-mails call this, so a person's
        count reads the same everywhere: "N days in captivity" while held, "N days since last
        seen" for the disappeared with no known capture, "Held for N days until release" or
        "… until death" once it ended. The text is empty with no start date.
        """
        days = self.days_held
        if days is None:
            return DaysHeld(None, "")
        values = {"number": intcomma(days)}  # grouped as the active language groups thousands
        if self.status == Status.RELEASED:
            text = by_sex(
                self.agreement_sex,
                woman=npgettext(
                    "woman",
                    "Held for %(number)s day until release",
                    "Held for %(number)s days until release",
                    days,
                ),
                man=npgettext(
                    "man",
                    "Held for %(number)s day until release",
                    "Held for %(number)s days until release",
                    days,
                ),
                person=npgettext(
                    "person",
                    "Held for %(number)s day until release",
                    "Held for %(number)s days until release",
                    days,
                ),
            )
        elif self.status == Status.DECEASED:
            text = by_sex(
                self.agreement_sex,
                woman=npgettext(
                    "woman",
                    "Held for %(number)s day until death",
                    "Held for %(number)s days until death",
                    days,
                ),
                man=npgettext(
                    "man",
                    "Held for %(number)s day until death",
                    "Held for %(number)s days until death",
                    days,
                ),
                person=npgettext(
                    "person",
                    "Held for %(number)s day until death",
                    "Held for %(number)s days until death",
                    days,
                ),
            )
        elif self.is_disappeared and not self.captured_on:
            text = ngettext(
                "%(number)s day since last seen", "%(number)s days since last seen", days
            )
        else:
            text = ngettext("%(number)s day in captivity", "%(number)s days in captivity", days)
        return DaysHeld(days, text % values)

    @property
    def is_still_held(self):
        """Held or of unknown fate: the outputs still call for release."""
        return self.status in (Status.HELD, Status.UNKNOWN)

    # What a profile offers, by status (issue 17): only the actions that can still help.
    @property
    def may_be_sponsored(self):
        """A sponsor campaigns for a release: offered while held or of unknown fate."""
        return self.is_still_held

    @property
    def may_be_followed(self):
        """Following brings news of hearings and changes: none is coming for the deceased."""
        return self.status != Status.DECEASED

    @property
    def may_receive_gifts(self):
        """A gift "in their name" helps the living and their case: never for the deceased."""
        return self.status != Status.DECEASED

    @property
    def may_print(self):
        """Whether posters and banners of this person are offered at all.

        Never for the deceased (a campaign poster's call is wrong for them, and a memorial is
        a different publication that needs the family's word); after release only when staff
        keep the "released" version on.
        """
        if self.status == Status.DECEASED:
            return False
        if self.status == Status.RELEASED:
            return self.print_after_release
        return True

    def print_call(self):
        """The call to action printed under the days held, by status."""
        if self.status == Status.RELEASED:
            return gettext("Released. Others are still held: we demand their release too.")
        if self.status == Status.UNKNOWN:
            return gettext("We demand the truth about their fate, and their release.")
        return gettext("We demand their immediate release.")

    def share_call(self):
        """The line under a share image: the campaign's call only while the person is held."""
        if self.status == Status.RELEASED:
            return gettext("Released. Others are still held.")
        if self.status == Status.DECEASED:
            return pgettext("share image", "In memory")
        return gettext("Free the Armenian prisoners")


@dataclass(frozen=True)
class DaysHeld:
    """How long someone was held, and how every output says it."""

    number: int | None
    text: str

    def __str__(self):
        return self.text


# Only on this field: its patterns are ours (see Like).
Detainee._meta.get_field("search_text").register_lookup(Like)


def next_birthday(born, today):
    """The next date (today included) that is `born`'s birthday; 29 February counts on the
    28th in other years."""
    for year in (today.year, today.year + 1):
        try:
            birthday = born.replace(year=year)
        except ValueError:
            birthday = born.replace(year=year, day=28)
        if birthday >= today:
            return birthday
    raise AssertionError("unreachable")


def initials(name):
    return " ".join(f"{part[0]}." for part in (name or "").split())


@dataclass(frozen=True)
class SourceReliability:
    """What a LIMITED profile shows of a source: how reliable it is, never what it is."""

    reliability: str
    reliability_label: str


@dataclass(frozen=True)
class PublicEvent:
    date: object
    kind: str
    kind_label: str
    text: str
    source: object
    outcome: str = ""


class PublicDetainee:
    """What the public may see of one record: the one rule every output follows.

    Profiles, list cards, follow e-mails, share images, banners and exports read a record
    through this view, never through the model, so a field that is not named here cannot
    reach the public by mistake (a template asking for it gets nothing).

    PUBLIC records show every published field. LIMITED records show their initials and the
    facts of the detention, and no free text, photo, hometown, place of capture, ECHR
    application number (public at the Court with the applicant's name) or source (titles and
    links carry names): any of them can name or place the person. HIDDEN records have none.
    """

    # Shown for PUBLIC and LIMITED records alike.
    FIELDS = frozenset(
        {
            "pk",
            "slug",
            "visibility",
            "is_limited",
            "is_listed",
            "category",
            "status",
            "captured_on",
            "last_seen_on",
            "detention_acknowledged",
            "criminal_code_articles",
            "sentence",
            "place_of_detention",
            "icrc_registered",
            "echr_interim_measures",
            "released_on",
            "died_on",
            "public_name",
            "public_initials",
            "public_photo",
            "public_updated_at",
            "held_since",
            "days_held",
            "days_held_label",
            "category_label",
            "status_label",
            "born_label",
            "is_disappeared",
            "is_still_held",
            "may_print",
            "may_be_sponsored",
            "may_be_followed",
            "may_receive_gifts",
        }
    )
    METHODS = frozenset(
        {
            "get_absolute_url",
            "days_held_phrase",
            "print_call",
            "share_call",
            "get_category_display",
            "get_status_display",
            "get_detention_acknowledged_display",
        }
    )
    # Shown for PUBLIC records only; empty on a LIMITED one.
    IN_FULL_FIELDS = frozenset(
        {
            "name_en",
            "name_fr",
            "name_hy",
            "birth_date",
            "birth_year",
            "hometown",
            "capture_place",
            "capture_circumstances",
            "last_seen_place",
            "charges",
            "echr_application_number",
            "biography",
            "photo_credit",
            "photo_alt",
        }
    )
    IN_FULL_OBJECTS = frozenset(
        {
            "photo",
            "photo_card",
            "photo_card_2x",
            "photo_profile",
            "photo_profile_md",
            "photo_profile_2x",
        }
    )

    def __init__(self, detainee):
        if not detainee.is_listed:
            raise ValueError("A hidden record has no public view.")
        # A leading underscore: templates cannot reach the record behind the view.
        self._record = detainee

    def __getattr__(self, attr):
        # A translated field in one language ("biography_fr", asked by common.languages.shown)
        # follows the rule of the field itself.
        rule = attr
        base, _sep, code = attr.rpartition("_")
        if code in LANGUAGE_CODES and base in translated_fields(Detainee) and base != "name":
            rule = base  # the name has its own rule (public_name) and its own entries
        if rule in self.FIELDS or rule in self.METHODS:
            return getattr(self._record, attr)
        if rule in self.IN_FULL_FIELDS or rule in self.IN_FULL_OBJECTS:
            if self._record.is_limited:
                return "" if rule in self.IN_FULL_FIELDS else None
            return getattr(self._record, attr)
        raise AttributeError(attr)

    @property
    def name(self):
        return self._record.public_name

    @property
    def sources(self):
        """The sources of the profile as a whole (not of one fact): none on a LIMITED record."""
        if self._record.is_limited:
            return []
        return [link.source for link in self._source_links if link.fact == Fact.GENERAL]

    @property
    def fact_sources(self):
        """The sources of each fact ({Fact value: [...]}), shown next to it on the profile.

        A LIMITED record shows only how reliable each source is: a title or a link can name
        the person behind the initials.
        """
        facts = {}
        for link in self._source_links:
            if link.fact == Fact.GENERAL:
                continue
            source = link.source
            if self._record.is_limited:
                source = SourceReliability(source.reliability, source.get_reliability_display())
            facts.setdefault(link.fact, []).append(source)
        return facts

    @functools.cached_property
    def _source_links(self):
        # One query for the general list and every fact's.
        links = DetaineeSource.objects.filter(detainee_id=self._record.pk).select_related("source")
        return list(links.order_by("-source__published_on", "source__title", "pk"))

    @property
    def timeline(self):
        events = self._record.timeline.select_related("source")
        return [self.event(e) for e in events]

    def event(self, event):
        """One timeline event as the public sees it: date and kind only for LIMITED records."""
        limited = self._record.is_limited
        return PublicEvent(
            date=event.date,
            kind=event.kind,
            kind_label=event.get_kind_display(),
            text=Shown("") if limited else shown(event, "text"),
            source=None if limited else event.source,
            outcome=Shown("") if limited else shown(event, "outcome"),
        )


@receiver(post_delete, sender=Detainee)
def unpublish_deleted_photo(sender, instance, **kwargs):
    # A signal, not delete(): a QuerySet's delete() never calls the model's.
    photos.unpublish(instance.photo_token)


class TimelineEventQuerySet(models.QuerySet):
    def hearings(self):
        """Hearings of records the public may see."""
        return self.filter(kind=TimelineEvent.Kind.HEARING, detainee__in=Detainee.objects.public())

    def upcoming_hearings(self, today, days):
        """Hearings from `today` to `days` days on, of records the public may see."""
        return (
            self.hearings()
            .filter(date__gte=today, date__lte=today + timedelta(days=days))
            .order_by("date", "pk")
        )


class TimelineEvent(models.Model):
    class Kind(models.TextChoices):
        CAPTURED = "CAPTURED", _("Captured")
        CHARGED = "CHARGED", _("Charged")
        HEARING = "HEARING", _("Hearing")
        SENTENCED = "SENTENCED", _("Sentenced")
        ICRC_VISIT = "ICRC_VISIT", _("ICRC visit")
        ECHR_MEASURE = "ECHR_MEASURE", _("ECHR measure")
        TRANSFER = "TRANSFER", _("Transfer")
        # The event, not the state: "Libération" in French, whoever was released.
        RELEASED = "RELEASED", pgettext_lazy("event", "Released")
        DIED = "DIED", _("Died")
        OTHER = "OTHER", _("Other")

    detainee = models.ForeignKey(
        Detainee, on_delete=models.CASCADE, related_name="timeline", verbose_name=_("detainee")
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=14, choices=Kind, default=Kind.OTHER)
    text = models.TextField(_("what happened"), blank=True)
    outcome = models.TextField(
        _("outcome"),
        blank=True,
        help_text=_(
            "For a hearing: what the court decided, once known. Followers of the person get an "
            "e-mail when it is first written."
        ),
    )
    source = models.ForeignKey(
        Source, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("source")
    )

    objects = TimelineEventQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self):
        return f"{self.date} {self.get_kind_display()}"


class Fact(models.TextChoices):
    """The fact of a profile a source backs: the profile shows the source next to it."""

    CAPTURE = "CAPTURE", _("Capture")
    CHARGES = "CHARGES", _("Charges")
    SENTENCE = "SENTENCE", _("Sentence")
    PLACE_OF_DETENTION = "PLACE_OF_DETENTION", _("Place of detention")
    LAST_SEEN = "LAST_SEEN", _("Last seen")
    GENERAL = "GENERAL", _("The profile as a whole")


class DetaineeSource(models.Model):
    """A source cited on a profile, for one of its facts or for the whole: Django's own link
    table, named so the admin's inline reads in the staff member's language."""

    id = models.AutoField(primary_key=True)  # the table Django made for the link had this one
    detainee = models.ForeignKey(Detainee, on_delete=models.CASCADE, verbose_name=_("detainee"))
    source = models.ForeignKey(Source, on_delete=models.CASCADE, verbose_name=_("source"))
    fact = models.CharField(
        _("backs"),
        max_length=20,
        choices=Fact,
        default=Fact.GENERAL,
        help_text=_("The fact this source backs: the profile shows it next to that fact."),
    )

    class Meta:
        db_table = "prisoners_detainee_sources"
        # One source may back several facts of a profile, each once.
        unique_together = [("detainee", "source", "fact")]
        ordering = ["pk"]
        verbose_name = _("source of the profile")
        verbose_name_plural = _("sources of the profile")

    def __str__(self):
        return gettext("Source no. %(number)s") % {"number": self.pk}


class CampaignFigure(models.Model):
    """A headline figure that is not one record per person, such as an estimate."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    # Who is counted: with a kind, the words after the number follow it in each language's
    # plural ("1 civilian", "6 civilians"); the label is then only a fallback.
    counts = models.CharField(
        _("who is counted"),
        max_length=20,
        choices=FigureKind,
        blank=True,
        help_text=_(
            "Choose who the figure counts and the site writes the words after the number, "
            "in the right plural in every language. Leave empty to use the label."
        ),
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("The words after the number, when no kind is chosen (e.g. 'people held')."),
    )
    low = models.PositiveIntegerField(_("low estimate"))
    high = models.PositiveIntegerField(_("high estimate"), null=True, blank=True)
    as_of = models.DateField(_("as of"))
    source = models.ForeignKey(
        Source, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("source")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("campaign figure")
        verbose_name_plural = _("campaign figures")

    def __str__(self):
        return self.label or self.get_counts_display()

    def clean(self):
        super().clean()
        if not self.counts and not self.label:
            raise ValidationError(_("Choose who the figure counts, or write a label."))
        if self.high is not None and self.high < self.low:
            raise ValidationError({"high": _("The high estimate cannot be below the low one.")})

    @property
    def plural_number(self):
        """The number the words agree with: the upper bound of a range ("80 to 200 people")."""
        return self.high if self.high and self.high > self.low else self.low

    @property
    def noun(self):
        """The words after the number, in the plural the number asks for ("6 civilians")."""
        if self.counts == FigureKind.HELD:
            return ngettext("person held", "people held", self.plural_number)
        if self.counts:
            return category_count_label(self.counts, self.plural_number)
        return ""

    @property
    def display(self):
        """The figure as the campaign quotes it: "80 to 200", or one number."""
        if self.high and self.high != self.low:
            return gettext("%(low)s to %(high)s") % {
                "low": intcomma(self.low),
                "high": intcomma(self.high),
            }
        return intcomma(self.low)


class CorrectionRequest(models.Model):
    """A visitor's report that something on a profile is wrong, for staff to check."""

    detainee = models.ForeignKey(
        Detainee,
        on_delete=models.CASCADE,
        related_name="correction_requests",
        verbose_name=_("detainee"),
    )
    what_is_wrong = models.TextField(_("what is wrong"), max_length=4000)
    evidence = models.TextField(
        _("source or evidence"),
        max_length=4000,
        blank=True,
        help_text=_("A link or a reference that shows the correct information."),
    )
    name = models.CharField(_("your name"), max_length=200, blank=True)
    email = models.EmailField(_("your e-mail address"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        ordering = ["handled", "-created_at"]
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        # Export and erasure belong to one role, Privacy (see libertas/privacy.py).
        permissions = [
            (
                "personal_data_correctionrequest",
                _("Can export and erase the personal data of people who reported an inaccuracy"),
            )
        ]

    def __str__(self):
        return f"{self.detainee} ({self.created_at:%Y-%m-%d})" if self.created_at else "—"


# The counts of the public list (a COUNT over every public record: 100 ms at 100,000 on
# PostgreSQL) are kept in the cache under a version that any saved or deleted record moves,
# so the list shows a change at once and counts only once between changes.
LIST_COUNTS_VERSION = "prisoners:list-counts-version"


def list_counts_version():
    return cache.get_or_set(LIST_COUNTS_VERSION, 1)


@receiver(post_save, sender=Detainee)
@receiver(post_delete, sender=Detainee)
def move_list_counts_version(sender, **kwargs):
    try:
        cache.incr(LIST_COUNTS_VERSION)
    except ValueError:  # not there (evicted, or never read): a new one
        cache.set(LIST_COUNTS_VERSION, 2)
