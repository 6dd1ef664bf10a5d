"""Sample sponsors for the demo site: every organisation and person here is invented."""

import datetime

from django.utils import timezone

from common import illustrations
from prisoners.models import Detainee
from sponsorships.models import Commitment, Sponsor, SponsorAction, Sponsorship
from sponsorships.validators import clean_logo

SPONSORS = [
    {
        "name": (
            "Sample town of Valbrune",
            "Ville de Valbrune (exemple)",
            "Վալբրյուն քաղաք (օրինակ)",
        ),
        "place": (45.57, 5.92),  # where the map puts its mark (sample coordinates)
        "actions": [
            (
                "LETTER",
                datetime.date(2024, 9, 12),
                "APPROVED",
                "The mayor wrote to the French Minister for Europe and Foreign Affairs asking that Aram's case be raised in Baku.",
            ),
            (
                "EVENT",
                datetime.date(2024, 11, 9),
                "APPROVED",
                "A vigil in front of the town hall, with Aram's portrait on the banner the campaign printed.",
            ),
            (
                "MEDIA",
                datetime.date(2025, 2, 3),
                "PENDING",
                "An interview in the regional paper about the sponsorship.",
            ),
        ],
        "kind": Sponsor.Kind.CITY,
        "country": "FR",
        "city": ("Valbrune", "Valbrune", "Վալբրյուն"),
        "logo": ("emblem", "V", ""),
        "detainee": "sample-aram-petrosyan",
        "status": Sponsorship.Status.ACTIVE,
        "signed_on": datetime.date(2024, 5, 18),
        "signing_place": ("Valbrune town hall", "Mairie de Valbrune", "Վալբրյունի քաղաքապետարան"),
        "commitments": ["logo-on-website", "banners", "public-signing", "meet-family"],
    },
    {
        "name": (
            "Sample Human Rights Network",
            "Réseau pour les droits humains (exemple)",
            "Մարդու իրավունքների ցանց (օրինակ)",
        ),
        "place": (50.85, 4.35),  # where the map puts its mark (sample coordinates)
        "actions": [
            (
                "MEDIA",
                datetime.date(2025, 1, 20),
                "APPROVED",
                "A statement on Hasmik's detention, picked up by two Belgian newspapers.",
            ),
        ],
        "kind": Sponsor.Kind.NGO,
        "country": "BE",
        "city": ("Brussels", "Bruxelles", "Բրյուսել"),
        "logo": ("wordmark", "HRN", "Human Rights\nNetwork"),
        "detainee": "sample-hasmik-grigoryan",
        "status": Sponsorship.Status.ACTIVE,
        "commitments": ["media", "lobbying"],
    },
    {
        "name": (
            "Sample public figure Claire Demo",
            "Claire Démo, personnalité (exemple)",
            "Կլեր Դեմո, հասարակական գործիչ (օրինակ)",
        ),
        "place": (45.76, 4.84),  # where the map puts its mark (sample coordinates)
        "kind": Sponsor.Kind.PUBLIC_FIGURE,
        "country": "FR",
        "city": ("Lyon", "Lyon", "Լիոն"),
        "logo": ("transparent", "CD", ""),
        "detainee": "sample-levon-sargsyan",
        "status": Sponsorship.Status.ACTIVE,
        "commitments": ["public-events", "media"],
    },
    {
        "name": (
            "Sample city of Nordhaven",
            "Ville de Nordhaven (exemple)",
            "Նորդհավեն քաղաք (օրինակ)",
        ),
        "place": (53.87, 8.7),  # where the map puts its mark (sample coordinates)
        "actions": [
            (
                "RESOLUTION",
                datetime.date(2024, 10, 1),
                "APPROVED",
                "The city council voted a resolution calling for the release of every Armenian held in Azerbaijan.",
            ),
        ],
        "kind": Sponsor.Kind.CITY,
        "country": "DE",
        "city": ("Nordhaven", "Nordhaven", "Նորդհավեն"),
        "logo": ("wordmark", "N", "Nordhaven"),
        "detainee": None,
        "status": Sponsorship.Status.ACTIVE,
        "commitments": ["logo-on-website", "lobbying", "material-support"],
    },
    {
        "name": (
            "Sample Armenian Cultural Association of the Rhône Valley",
            "Association culturelle arménienne de la vallée du Rhône (exemple)",
            "Ռոնի հովտի հայկական մշակութային միություն (օրինակ)",
        ),
        "place": (44.93, 4.89),  # where the map puts its mark (sample coordinates)
        "kind": Sponsor.Kind.NGO,
        "country": "FR",
        "city": ("Valence", "Valence", "Վալանս"),
        "logo": ("wordmark-transparent", "ACA", "Armenian Cultural\nAssociation"),
        "detainee": "sample-mesrop-ter-hovhannisyan",
        "status": Sponsorship.Status.ACTIVE,
        "signed_on": datetime.date(2024, 6, 2),
        "signing_place": ("Valence town hall", "Mairie de Valence", "Վալանսի քաղաքապետարան"),
        "commitments": ["logo-on-website", "public-signing", "media"],
    },
    {
        "name": (
            "Sample pending sponsor",
            "Parrain en attente (exemple)",
            "Սպասման մեջ գտնվող հովանավոր (օրինակ)",
        ),
        "place": (40.18, 44.51),  # where the map puts its mark (sample coordinates)
        "kind": Sponsor.Kind.INDIVIDUAL,
        "country": "AM",
        "city": ("Yerevan", "Erevan", "Երևան"),
        "detainee": "sample-gevorg-mkrtchyan",
        "status": Sponsorship.Status.PENDING,
        "commitments": ["take-part-in-events"],
    },
]


# Every shape of logo the wall and the profiles must fit: square, wide, and transparent
# (drawn on the page's own background).
LOGO_DRAWINGS = {
    "emblem": lambda initials, name, seed: illustrations.emblem(initials, seed, (600, 600)),
    "transparent": lambda initials, name, seed: illustrations.emblem(
        initials, seed, (600, 600), transparent=True
    ),
    "wordmark": lambda initials, name, seed: illustrations.wordmark(
        initials, name, seed, (880, 400)
    ),
    "wordmark-transparent": lambda initials, name, seed: illustrations.wordmark(
        initials, name, seed, (1400, 400), transparent=True
    ),
}


def _logo(data):
    kind, initials, name = data["logo"]
    image = LOGO_DRAWINGS[kind](initials, name, data["name"][0])
    image_format = "PNG" if image.mode == "RGBA" else "JPEG"
    upload = illustrations.as_upload(image, f"logo.{image_format.lower()}", image_format)
    # The sign-up form's checks and re-encoding.
    return clean_logo(upload)


def load():
    """Create each sample sponsor with its agreement once; never change one that exists."""
    detainees = {d.slug: d for d in Detainee.objects.filter(slug__startswith="sample-")}
    commitments = {c.code: c for c in Commitment.objects.all()}
    for data in SPONSORS:
        slug = data["detainee"]
        if slug and slug not in detainees:
            continue
        if Sponsor.objects.filter(name_en=data["name"][0]).exists():
            continue
        sponsor = Sponsor(
            **dict(zip(("name_en", "name_fr", "name_hy"), data["name"], strict=True)),
            **dict(zip(("city_en", "city_fr", "city_hy"), data["city"], strict=True)),
            kind=data["kind"],
            country=data["country"],
            public_consent=True,
            contact_name="Sample contact",
            email=f"sponsor-{Sponsor.Kind(data['kind']).value.lower()}@example.org",
            language="en",
            email_confirmed_at=timezone.now(),
        )
        if "logo" in data:
            sponsor.logo = _logo(data)
        sponsor.latitude, sponsor.longitude = data["place"]
        sponsor.save()
        sponsorship = Sponsorship.objects.create(
            sponsor=sponsor,
            detainee=detainees[slug] if slug else None,
            status=data["status"],
            signed_on=data.get("signed_on"),
            **dict(
                zip(
                    ("signing_place_en", "signing_place_fr", "signing_place_hy"),
                    data.get("signing_place", ("", "", "")),
                    strict=True,
                )
            ),
        )
        sponsorship.commitments.set(
            [commitments[c] for c in data["commitments"] if c in commitments]
        )
        for kind, date, status, text in data.get("actions", []):
            SponsorAction.objects.create(
                sponsorship=sponsorship,
                kind=kind,
                date=date,
                status=status,
                text=text,
                language="en",
            )
