"""Sample sponsors for the demo site: every organisation and person here is invented."""

import datetime

from django.utils import timezone

from prisoners.models import Detainee
from sponsorships.models import Commitment, Sponsor, Sponsorship

SPONSORS = [
    {
        "name": (
            "Sample town of Valbrune",
            "Ville de Valbrune (exemple)",
            "Վալբրյուն քաղաք (օրինակ)",
        ),
        "kind": Sponsor.Kind.CITY,
        "country": "FR",
        "city": ("Valbrune", "Valbrune", "Վալբրյուն"),
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
        "kind": Sponsor.Kind.NGO,
        "country": "BE",
        "city": ("Brussels", "Bruxelles", "Բրյուսել"),
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
        "kind": Sponsor.Kind.PUBLIC_FIGURE,
        "country": "FR",
        "city": ("Lyon", "Lyon", "Լիոն"),
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
        "kind": Sponsor.Kind.CITY,
        "country": "DE",
        "city": ("Nordhaven", "Nordhaven", "Նորդհավեն"),
        "detainee": None,
        "status": Sponsorship.Status.ACTIVE,
        "commitments": ["logo-on-website", "lobbying", "material-support"],
    },
    {
        "name": (
            "Sample pending sponsor",
            "Parrain en attente (exemple)",
            "Սպասման մեջ գտնվող հովանավոր (օրինակ)",
        ),
        "kind": Sponsor.Kind.INDIVIDUAL,
        "country": "AM",
        "city": ("Yerevan", "Erevan", "Երևան"),
        "detainee": "sample-gevorg-mkrtchyan",
        "status": Sponsorship.Status.PENDING,
        "commitments": ["take-part-in-events"],
    },
]


def load():
    detainees = {d.slug: d for d in Detainee.objects.filter(slug__startswith="sample-")}
    commitments = {c.code: c for c in Commitment.objects.all()}
    for data in SPONSORS:
        slug = data["detainee"]
        if slug and slug not in detainees:
            continue
        sponsor, _ = Sponsor.objects.update_or_create(
            name_en=data["name"][0],
            defaults={
                **dict(zip(("name_en", "name_fr", "name_hy"), data["name"], strict=True)),
                **dict(zip(("city_en", "city_fr", "city_hy"), data["city"], strict=True)),
                "kind": data["kind"],
                "country": data["country"],
                "public_consent": True,
                "contact_name": "Sample contact",
                "email": f"sponsor-{Sponsor.Kind(data['kind']).value.lower()}@example.org",
                "language": "en",
                "email_confirmed_at": timezone.now(),
            },
        )
        sponsorship, _ = Sponsorship.objects.update_or_create(
            sponsor=sponsor,
            detainee=detainees[slug] if slug else None,
            defaults={
                "status": data["status"],
                "signed_on": data.get("signed_on"),
                **dict(
                    zip(
                        ("signing_place_en", "signing_place_fr", "signing_place_hy"),
                        data.get("signing_place", ("", "", "")),
                        strict=True,
                    )
                ),
            },
        )
        sponsorship.commitments.set(
            [commitments[c] for c in data["commitments"] if c in commitments]
        )
