"""The records and flows behind `make review` (tools/review.py), in its temporary database.

`seed()` adds, beside the demo data, records chosen to break layouts: photos of every shape
(portrait, landscape, square, a tiny 200 px one, none), a name of more than 60 characters,
each category and each status (released and deceased included), LIMITED records, and a
sponsor with a logo who sponsors several of them and the whole group.

`run_mail_flows()` then walks through what makes the site send e-mail, once per language,
and returns every message sent, tagged with its template.
"""

import datetime
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import mail as django_mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image, ImageDraw

from common import mail

PASSWORD = "review-password-1234"  # noqa: S105 -- an account in a throw-away database
LONG_NAME = (
    "Hovhannes-Mkrtich Ter-Grigoryan Baghdasaryan-Khachatryan Vardanyan",
    "Hovhannès-Mkrtitch Ter-Grigorian Baghdassarian-Khatchatrian Vardanian",
    "Հովհաննես-Մկրտիչ Տեր-Գրիգորյան Բաղդասարյան-Խաչատրյան Վարդանյան",
)
# (slug, names en/fr/hy, photo size or None, category, status, visibility, sex)
PEOPLE = [
    ("review-portrait", ("Arman Sargsyan", "Arman Sarkissian", "Արման Սարգսյան"),
     (600, 800), "POW", "HELD", "PUBLIC", "M"),
    ("review-landscape", ("Lilit Grigoryan", "Lilit Grigorian", "Լիլիթ Գրիգորյան"),
     (1200, 800), "CIVILIAN", "RELEASED", "PUBLIC", "F"),
    ("review-square", ("Samvel Avetisyan", "Samvel Avetissian", "Սամվել Ավետիսյան"),
     (900, 900), "POLITICAL_LEADER", "DECEASED", "PUBLIC", "M"),
    ("review-tiny", ("Narek Davtyan", "Narek Davtian", "Նարեկ Դավթյան"),
     (200, 250), "DISAPPEARED", "UNKNOWN", "PUBLIC", ""),
    ("review-long-name", LONG_NAME, None, "CIVILIAN", "HELD", "PUBLIC", "F"),
    ("review-limited", ("Gevorg Manukyan", "Gevorg Manoukian", "Գևորգ Մանուկյան"),
     (600, 800), "POW", "HELD", "LIMITED", "M"),
    ("review-limited-disappeared", ("Anahit Poghosyan", "Anahit Poghossian", "Անահիտ Պողոսյան"),
     None, "DISAPPEARED", "UNKNOWN", "LIMITED", "F"),
]  # fmt: skip
SPONSORED = ["review-portrait", "review-landscape", "review-tiny", "review-long-name"]


def body(response):
    """A response's bytes, streamed or not (the exports stream)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def portrait(size, seed=0):
    """A JPEG that reads as a portrait at any shape: a head and shoulders, centred."""
    width, height = size
    image = Image.new("RGB", size, (90 + seed * 20, 110, 140))
    draw = ImageDraw.Draw(image)
    unit = min(width, height)
    cx, cy = width // 2, height // 2
    draw.ellipse((cx - unit // 5, cy - unit * 2 // 5, cx + unit // 5, cy), fill=(225, 190, 160))
    draw.rectangle((cx - unit // 3, cy + unit // 20, cx + unit // 3, height), fill=(40, 40, 60))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def logo():
    image = Image.new("RGBA", (600, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((10, 10, 590, 230), 30, fill=(0, 70, 140, 255))
    draw.rectangle((40, 60, 160, 180), fill=(255, 210, 0, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def seed():
    """The review's own records; returns the ones the tool needs by name."""
    from prisoners.models import Detainee, TimelineEvent
    from sponsorships.models import Commitment, Sponsor, Sponsorship

    today = timezone.localdate()
    people = {}
    for i, (slug, names, photo, category, status, visibility, sex) in enumerate(PEOPLE):
        fields = {
            "name_en": names[0],
            "name_fr": names[1],
            "name_hy": names[2],
            "category": category,
            "status": status,
            "visibility": visibility,
            "sex": sex,
            "birth_year": 1990 + i,
            "hometown_en": "Stepanakert",
            "hometown_fr": "Stepanakert",
            "hometown_hy": "Ստեփանակերտ",
            "biography_en": "Invented for the review of layouts. " * 6,
            "biography_fr": "Inventé pour relire les mises en page. " * 6,
            "biography_hy": "Հորինված է էջադրությունները ստուգելու համար։ " * 6,
        }
        if category == "DISAPPEARED":
            fields |= {"last_seen_on": datetime.date(2020, 11, 9), "last_seen_place": "Shushi"}
        else:
            fields["captured_on"] = datetime.date(2020, 12, 13)
        if status == "RELEASED":
            fields["released_on"] = today - datetime.timedelta(days=30)
        if status == "DECEASED":
            fields["died_on"] = datetime.date(2023, 3, 2)
        person = Detainee(slug=slug, **fields)
        if photo:
            person.photo.save(f"{slug}.jpg", ContentFile(portrait(photo, i)), save=False)
            person.photo_alt = f"Portrait of {names[0]}"
        person.save()
        if fields.get("captured_on"):
            TimelineEvent.objects.create(
                detainee=person, date=fields["captured_on"], kind=TimelineEvent.Kind.CAPTURED
            )
        people[slug] = person

    user = get_user_model().objects.create_user(
        username="review-sponsor", email="mairie@valence.example.org", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    sponsor = Sponsor(
        name="Ville de Valence",
        kind=Sponsor.Kind.CITY,
        country="FR",
        city="Valence",
        public_consent=True,
        contact_name="Jeanne Maire",
        email=user.email,
        email_confirmed_at=timezone.now(),
        user=user,
        language="fr",
        website="https://valence.example.org",
    )
    sponsor.logo.save("valence.png", ContentFile(logo()), save=False)
    sponsor.save()
    commitments = list(Commitment.objects.all()[:2])
    sponsorships = []
    for slug in [*SPONSORED, None]:
        sponsorship = Sponsorship.objects.create(
            sponsor=sponsor,
            detainee=people.get(slug),
            status=Sponsorship.Status.ACTIVE,
            signed_on=today - datetime.timedelta(days=60),
            signing_place="Valence",
        )
        sponsorship.commitments.set(commitments)
        sponsorships.append(sponsorship)

    staff = get_user_model().objects.create_user(
        username="review-staff",
        email="staff@libertas.example.org",
        password=PASSWORD,
        is_staff=True,
        is_superuser=True,
    )
    EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
    return {
        "people": people,
        "sponsor": sponsor,
        "sponsor_user": user,
        "sponsorships": sponsorships,
        "staff_user": staff,
    }


# Signing in -------------------------------------------------------------------------------


def signed_in_staff(user):
    """A client signed in as staff with password and TOTP code, as the admin requires."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    client = Client(HTTP_HOST="127.0.0.1")
    # A new secret at each sign-in: the one before is not kept anywhere readable.
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    with translation.override(settings.LANGUAGE_CODE):
        client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
        code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
        client.post(reverse("mfa_authenticate"), {"code": code})
        response = client.get(reverse("admin:index"))
    if response.status_code != 200:
        raise RuntimeError(f"the review's staff account could not sign in ({response.status_code})")
    return client


# Pages ------------------------------------------------------------------------------------


def languages():
    return [code for code, _name in settings.LANGUAGES]


def public_pages(client):
    """[(language, path)]: the sitemap's addresses, and the URL conf's pages that take no
    argument (thank-you pages and the like) in each language."""
    response = client.get("/sitemap.xml")
    paths = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", response.text)}
    with_lang = []
    for path in paths:
        first = path.strip("/").split("/", 1)[0]
        if first in languages():
            with_lang.append((first, path))
    for name in names_without_arguments():
        for language in languages():
            with translation.override(language):
                path = reverse(name)
            if (language, path) not in with_lang:
                response = client.get(path)
                kind = response.get("Content-Type", "")
                if response.status_code == 200 and kind.startswith("text/html"):
                    with_lang.append((language, path))
    return sorted(with_lang, key=lambda item: (item[0], item[1]))


# Only pages for visitors: the admin, sign-in and staff pages are reviewed on their own.
SKIPPED_NAMESPACES = ("admin", "account", "mfa", "socialaccount", "usersessions")


def names_without_arguments():
    from django.urls import get_resolver

    names = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner.strip(":"))
            elif pattern.name and not pattern.pattern.regex.groups:
                names.append(f"{namespace}:{pattern.name}".strip(":"))

    walk(get_resolver().url_patterns, "")
    return [
        name
        for name in names
        if not name.startswith(SKIPPED_NAMESPACES)
        and not name.startswith(("account_", "mfa_", "staff_", "healthz", "readyz", "stripe"))
        and ":" in name  # the apps' own pages; allauth's are unnamespaced
    ]


def portal_pages(client):
    """The sponsor portal, as the review's sponsor sees it, in each language."""
    pages = []
    for language in languages():
        with translation.override(language):
            portal = reverse("sponsorships:portal")
        pages.append((language, portal))
        response = client.get(portal)
        for link in links_in(body(response).decode(), portal):
            path = urlsplit(link).path
            inside = path.startswith(portal) and path != portal and not urlsplit(link).query
            if inside and client.get(link).get("Content-Type", "").startswith("text/html"):
                pages.append((language, path))
    return sorted(set(pages))


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("href", "src"):
            if attrs.get(key):
                self.found.append(attrs[key])
        # og:image and twitter:image name the share image.
        if tag == "meta" and (attrs.get("content") or "").startswith(("http", "/")):
            self.found.append(attrs["content"])


def links_in(page, base):
    """The site's own addresses a page links to, that are not assets (static, media)."""
    parser = _Links()
    parser.feed(page)
    origin = urlsplit(settings.SITE_URL).netloc
    links = set()
    for link in parser.found:
        url = urlsplit(urljoin(base, link))
        if url.netloc not in ("", origin) or url.scheme not in ("", "http", "https"):
            continue
        if url.path.startswith(("/static/", "/media/")) or "/admin/" in url.path:
            continue
        links.add(url.path + (f"?{url.query}" if url.query else ""))
    return links


# The admin --------------------------------------------------------------------------------


def admin_pages(data):
    """(title, path) of the staff pages that matter most; the path in the default language."""
    from prisoners.models import Detainee

    pages = [("admin index", reverse("admin:index"))]
    for slug in ("review-tiny", "review-long-name"):
        person = Detainee.objects.get(slug=slug)
        pages.append(
            (f"detainee {slug}", reverse("admin:prisoners_detainee_change", args=[person.pk]))
        )
    for sponsorship in data["sponsorships"][:2] + data["sponsorships"][-1:]:
        pages.append(
            (
                f"sponsorship {sponsorship.pk}",
                reverse("admin:sponsorships_sponsorship_change", args=[sponsorship.pk]),
            )
        )
    return pages


def admin_exports(client, langs):
    """(name, language, content type, bytes) of each admin action named "export…" that
    answers with a file, run on every row of its model, in each language."""
    results = []
    for model, model_admin in admin.site._registry.items():
        request = client.get(reverse("admin:index")).wsgi_request
        actions = model_admin.get_actions(request)
        names = [name for name in actions if "export" in name]
        pks = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)[:200]]
        if not names or not pks:
            continue
        for language in langs:
            with translation.override(language):
                url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
            for name in names:
                response = client.post(url, {"action": name, "_selected_action": pks, "index": 0})
                kind = response.get("Content-Type", "").split(";")[0]
                if response.status_code == 200 and kind != "text/html":
                    label = f"admin-{model._meta.app_label}-{model._meta.model_name}-{name}"
                    results.append((label, language, kind, body(response)))
    return results


# E-mails ----------------------------------------------------------------------------------


def email_templates():
    """Every e-mail template prefix ("app/email/name") under the apps' templates."""
    base = Path(settings.BASE_DIR)
    prefixes = set()
    for subject in base.glob("*/templates/**/email*/*_subject.txt"):
        if ".venv" in subject.parts:
            continue
        template = subject.as_posix().split("/templates/", 1)[1]
        prefixes.add(template.removesuffix("_subject.txt"))
    return sorted(prefixes)


def run_mail_flows(langs, problems):
    """[(language, template prefix, message)] of each e-mail the flows send, per language."""
    original = mail.message

    def tagging(to, template_prefix, *args, **kwargs):
        message = original(to, template_prefix, *args, **kwargs)
        message.review_template = template_prefix
        return message

    mail.message = tagging
    sent = []
    try:
        for language in langs:
            for flow in FLOWS:
                django_mail.outbox = []
                try:
                    flow(language)
                except Exception as error:  # noqa: BLE001 -- report it, go on with the others
                    problems.append(f"e-mail flow {flow.__name__} ({language}): {error!r}")
                for message in django_mail.outbox:
                    template = getattr(message, "review_template", "?")
                    sent.append((language, template, message))
    finally:
        mail.message = original
    return sent


def _person(slug="review-portrait"):
    from prisoners.models import Detainee

    return Detainee.objects.get(slug=slug)


def flow_petition(language):
    from campaign import services
    from campaign.models import Petition, Signature

    petition = Petition.objects.order_by("-active", "pk").first()
    signature = Signature.objects.create(
        petition=petition,
        name="Marie-Hélène Dupont",
        email=f"signer-{language}@example.org",
        country="FR",
        language=language,
    )
    services.send_signature_confirmation(signature)


def flow_follow(language):
    """Follow a person, confirm, then staff mark them released in the admin."""
    from campaign import services
    from campaign.models import Follower
    from prisoners.models import Detainee, TimelineEvent

    person = Detainee.objects.get(slug="review-portrait")
    follower = Follower.objects.create(
        detainee=person, email=f"follower-{language}@example.org", language=language
    )
    # The one follower of this language: the earlier languages' stop following.
    Follower.objects.exclude(pk=follower.pk).filter(detainee=person).delete()
    services.send_follow_confirmation(follower)
    follower.confirmed_at = timezone.now()
    follower.save()
    TimelineEvent.objects.create(
        detainee=person,
        date=timezone.localdate(),
        kind=TimelineEvent.Kind.SENTENCED,
    )
    staff = signed_in_staff(get_user_model().objects.get(username="review-staff"))
    with translation.override(language):
        url = reverse("admin:prisoners_detainee_changelist")
    # The action asks first (common.actions): the question, then the confirming answer.
    selection = {"action": "mark_released", "_selected_action": [person.pk], "index": 0}
    staff.post(url, selection)
    staff.post(url, {**selection, "post": "yes", "reason": "Review data"})
    # Held again for the next language, and for the pages.
    Detainee.objects.filter(pk=person.pk).update(status="HELD", released_on=None)


def flow_sponsorship(language):
    """Sign up, confirm the address, then staff approve, record the signing and end it; a
    second request is declined."""
    from sponsorships import services
    from sponsorships.models import Commitment, Sponsor, Sponsorship

    def request(email, slug):
        sponsor = Sponsor.objects.create(
            name="Commune de Saint-Martin-d'Hères",
            kind=Sponsor.Kind.CITY,
            country="FR",
            city="Saint-Martin-d'Hères",
            contact_name="Jean-Baptiste Lefèvre",
            email=email,
            language=language,
            public_consent=True,
        )
        sponsorship = Sponsorship.objects.create(
            sponsor=sponsor, detainee=_person(slug), status=Sponsorship.Status.PENDING
        )
        sponsorship.commitments.set(Commitment.objects.all()[:2])
        return sponsorship

    first = request(f"mairie-{language}@saint-martin.example.org", "review-long-name")
    services.send_confirmation(first)
    services.confirm_email(services.confirmation_token(first.sponsor))
    first.refresh_from_db()
    services.approve(first, "Welcome aboard.")
    services.record_signing(first, timezone.localdate(), "Saint-Martin-d'Hères")
    services.end(first, timezone.localdate(), Sponsorship.EndReason.values[0])
    second = request(f"asso-{language}@example.org", "review-tiny")
    second.sponsor.email_confirmed_at = timezone.now()
    second.sponsor.save()
    services.decline(second, "We already have a sponsor for this person.")


def flow_donation(language):
    from django.db import transaction

    from donations import services
    from donations.models import Currency, Donation, Frequency

    for frequency in (Frequency.ONCE, Frequency.MONTHLY):
        donation = Donation.objects.create(
            amount=5000,
            currency=Currency.EUR,
            frequency=frequency,
            donor_name="Nare Sample",
            donor_email=f"donor-{language}@example.org",
            language=language,
            stripe_checkout_session_id=f"cs_review_{language}_{frequency}",
            stripe_customer_id="cus_review" if frequency == Frequency.MONTHLY else "",
            dedicated_to=_person(),
        )
        # As the webhook does: inside a transaction, so the receipt reads the saved row.
        with transaction.atomic():
            services.mark_paid(donation)


def flow_staff_invitation(language):
    from django.db import transaction

    from common.accounts import invite_staff

    with transaction.atomic():
        invite_staff(f"new-staff-{language}@libertas.example.org", language=language)


def flow_correction(language):
    person = _person("review-long-name")
    with translation.override(language):
        url = reverse("prisoners:report", args=[person.slug])
    Client(HTTP_HOST="127.0.0.1").post(
        url,
        {
            "what_is_wrong": "The birth year is 1994, not 1993; the hometown is Martuni.",
            "evidence": "https://example.org/article",
            "name": "Ani K.",
            "email": f"reader-{language}@example.org",
        },
    )


FLOWS = [
    flow_petition,
    flow_follow,
    flow_sponsorship,
    flow_donation,
    flow_staff_invitation,
    flow_correction,
]
