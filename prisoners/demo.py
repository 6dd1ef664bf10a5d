"""Sample detainee records for the demo site.

Every person here is invented: names, dates and places are made up so that a newcomer
sees every kind of profile without publishing anything about a real person. Each
biography says so first. The campaign figures, by contrast, are the campaign's own.
"""

import datetime

from prisoners.models import (
    Acknowledgement,
    CampaignFigure,
    Category,
    Detainee,
    Source,
    Status,
    TimelineEvent,
    Visibility,
)

SAMPLE_NOTE = {
    "en": "Sample record: this person is invented for the demonstration.",
    "fr": "Fiche d'exemple : cette personne est inventée pour la démonstration.",
    "hy": "Օրինակելի գրառում. այս անձը հորինված է ցուցադրության համար։",
}

SOURCES = [
    {
        "key": "brochure-2024",
        "title": "Libertas: a fight for liberation (campaign brochure)",
        "publisher": "Libertas collective",
        "published_on": datetime.date(2024, 4, 1),
        "reliability": "RELIABLE",
        "url": "",
        "language": "en",
    },
    {
        # A source keeps its own title in its own language; pages mark it with `lang`.
        "key": "sample-armenian-report",
        "title": "Ադրբեջանում պահվող հայերի ցուցակը (օրինակ)",
        "publisher": "Օրինակելի լրատու",
        "published_on": datetime.date(2024, 2, 12),
        "reliability": "REPORTED",
        "url": "",
        "language": "hy",
    },
]

FIGURES = [
    {
        "key": "forcibly-disappeared",
        "label_en": "forcibly disappeared, whose fate Azerbaijan does not disclose",
        "label_fr": "disparus de force, dont l'Azerbaïdjan tait le sort",
        "label_hy": "բռնի անհետացածներ, որոնց ճակատագիրը Ադրբեջանը չի բացահայտում",
        "low": 80,
        "high": 200,
        "as_of": datetime.date(2024, 4, 1),
        "order": 1,
    },
]

DETAINEES = [
    {
        "slug": "sample-aram-petrosyan",
        "sex": "M",
        "name": ("Aram Petrosyan", "Aram Petrossian", "Արամ Պետրոսյան"),
        "category": Category.POW,
        "status": Status.HELD,
        "visibility": Visibility.PUBLIC,
        "birth_year": 1998,
        "hometown": ("Goris", "Goris", "Գորիս"),
        "captured_on": datetime.date(2020, 12, 13),
        "capture_place": ("Hadrut region", "région de Hadrout", "Հադրութի շրջան"),
        "charges": ("Terrorism", "Terrorisme", "Ահաբեկչություն"),
        "criminal_code_articles": "214",
        "sentence": ("15 years", "15 ans", "15 տարի"),
        "place_of_detention": ("Baku", "Bakou", "Բաքու"),
        "icrc_registered": True,
        "echr_interim_measures": True,
        "echr_application_number": "00000/20",
        "timeline": [
            (datetime.date(2020, 12, 13), "CAPTURED"),
            (datetime.date(2021, 6, 1), "SENTENCED"),
        ],
    },
    {
        "slug": "sample-davit-hakobyan",
        "sex": "M",
        "name": ("Davit Hakobyan", "Davit Hakobian", "Դավիթ Հակոբյան"),
        "category": Category.POW,
        "status": Status.RELEASED,
        "visibility": Visibility.PUBLIC,
        "birth_year": 2001,
        "hometown": ("Sisian", "Sissian", "Սիսիան"),
        "captured_on": datetime.date(2021, 5, 27),
        "released_on": datetime.date(2023, 12, 13),
        "timeline": [
            (datetime.date(2021, 5, 27), "CAPTURED"),
            (datetime.date(2023, 12, 13), "RELEASED"),
        ],
    },
    {
        "slug": "sample-hasmik-grigoryan",
        "sex": "F",
        "name": ("Hasmik Grigoryan", "Hasmik Grigorian", "Հասմիկ Գրիգորյան"),
        "category": Category.CIVILIAN,
        "status": Status.HELD,
        "visibility": Visibility.PUBLIC,
        "birth_year": 1957,
        "hometown": ("Stepanakert", "Stepanakert", "Ստեփանակերտ"),
        "captured_on": datetime.date(2023, 7, 29),
        "capture_place": (
            "Lachin corridor checkpoint",
            "poste du corridor de Latchine",
            "Լաչինի միջանցքի անցակետ",
        ),
        "place_of_detention": ("Baku", "Bakou", "Բաքու"),
        "icrc_registered": True,
        "timeline": [(datetime.date(2023, 7, 29), "CAPTURED")],
    },
    {
        "slug": "sample-levon-sargsyan",
        "sex": "M",
        "name": ("Levon Sargsyan", "Levon Sarkissian", "Լևոն Սարգսյան"),
        "category": Category.POLITICAL_LEADER,
        "status": Status.HELD,
        "visibility": Visibility.PUBLIC,
        "birth_year": 1960,
        "captured_on": datetime.date(2023, 10, 3),
        "charges": (
            "Financing of terrorism; illegal crossing of the border",
            "Financement du terrorisme ; franchissement illégal de la frontière",
            "Ահաբեկչության ֆինանսավորում. սահմանի ապօրինի հատում",
        ),
        "criminal_code_articles": "214-1, 318.1",
        "place_of_detention": ("Baku", "Bakou", "Բաքու"),
        "icrc_registered": False,
        "timeline": [(datetime.date(2023, 10, 3), "CAPTURED")],
    },
    {
        "slug": "sample-gevorg-mkrtchyan",
        "sex": "M",
        "name": ("Gevorg Mkrtchyan", "Guevorg Mkrtchian", "Գևորգ Մկրտչյան"),
        "category": Category.DISAPPEARED,
        "status": Status.UNKNOWN,
        "visibility": Visibility.PUBLIC,
        "birth_year": 1994,
        "last_seen_on": datetime.date(2020, 11, 2),
        "last_seen_place": ("near Shushi", "près de Chouchi", "Շուշիի մոտ"),
        "detention_acknowledged": Acknowledgement.DENIED,
        "timeline": [(datetime.date(2020, 11, 2), "OTHER")],
    },
    {
        "slug": "sample-limited-record",
        "name": ("Narek Avetisyan", "Narek Avetissian", "Նարեկ Ավետիսյան"),
        "category": Category.CIVILIAN,
        "status": Status.HELD,
        "visibility": Visibility.LIMITED,
        "birth_year": 1985,
        "captured_on": datetime.date(2022, 9, 13),
        "timeline": [(datetime.date(2022, 9, 13), "CAPTURED")],
    },
    {
        "slug": "sample-armen-saghatelyan",
        "sex": "M",
        "name": ("Armen Saghatelyan", "Armen Saghatélian", "Արմեն Սաղաթելյան"),
        "category": Category.POLITICAL_LEADER,
        "status": Status.HELD,
        "visibility": Visibility.PUBLIC,
        "birth_year": 1966,
        "hometown": ("Martakert", "Martakert", "Մարտակերտ"),
        "captured_on": datetime.date(2023, 10, 5),
        "capture_place": (
            "Hakari bridge checkpoint",
            "poste du pont de Hakari",
            "Հակարիի կամրջի անցակետ",
        ),
        "charges": (
            "Waging a war of aggression; creation of armed groups",
            "Conduite d'une guerre d'agression ; création de groupes armés",
            "Ագրեսիվ պատերազմ վարել. զինված խմբավորումների ստեղծում",
        ),
        "criminal_code_articles": "100.2, 279.1",
        "place_of_detention": ("Baku", "Bakou", "Բաքու"),
        "icrc_registered": True,
        "echr_application_number": "00001/23",
        "timeline": [
            (
                datetime.date(2023, 10, 5),
                "CAPTURED",
                (
                    "Detained while leaving with the displaced population.",
                    "Arrêté en partant avec la population déplacée.",
                    "Ձերբակալվել է տեղահանված բնակչության հետ հեռանալիս։",
                ),
            ),
            (
                datetime.date(2024, 1, 17),
                "HEARING",
                (
                    "First hearing, held behind closed doors.",
                    "Première audience, à huis clos.",
                    "Առաջին դատական նիստը՝ դռնփակ։",
                ),
            ),
        ],
    },
    {
        "slug": "sample-vardan-ghazaryan",
        "sex": "M",
        "name": ("Vardan Ghazaryan", "Vardan Ghazarian", "Վարդան Ղազարյան"),
        "category": Category.POW,
        "status": Status.DECEASED,
        "visibility": Visibility.PUBLIC,
        "birth_year": 1999,
        "hometown": ("Vanadzor", "Vanadzor", "Վանաձոր"),
        "captured_on": datetime.date(2020, 11, 9),
        "died_on": datetime.date(2022, 3, 1),
        "icrc_registered": True,
        "timeline": [
            (datetime.date(2020, 11, 9), "CAPTURED"),
            (
                datetime.date(2022, 3, 1),
                "DIED",
                (
                    "Death in custody announced; the family asks for an independent inquiry.",
                    "Décès en détention annoncé ; la famille demande une enquête indépendante.",
                    "Հայտարարվել է կալանքում մահվան մասին. ընտանիքը պահանջում է անկախ հետաքննություն։",
                ),
            ),
        ],
    },
    {
        "slug": "sample-anahit-hovhannisyan",
        "name": ("Anahit Hovhannisyan", "Anahit Hovhannissian", "Անահիտ Հովհաննիսյան"),
        "category": Category.CIVILIAN,
        "status": Status.RELEASED,
        "visibility": Visibility.PUBLIC,
        "sex": "F",
        "birth_year": 1971,
        "hometown": ("Askeran", "Askeran", "Ասկերան"),
        "captured_on": datetime.date(2020, 12, 20),
        "released_on": datetime.date(2021, 12, 15),
        "timeline": [
            (datetime.date(2020, 12, 20), "CAPTURED"),
            (datetime.date(2021, 3, 2), "ICRC_VISIT"),
            (datetime.date(2021, 12, 15), "RELEASED"),
        ],
    },
    {
        "slug": "sample-karen-hovsepyan",
        "name": ("Karen Hovsepyan", "Karen Hovsepian", "Կարեն Հովսեփյան"),
        "category": Category.DISAPPEARED,
        "status": Status.UNKNOWN,
        "visibility": Visibility.PUBLIC,
        "birth_year": 1989,
        "last_seen_on": datetime.date(2023, 9, 20),
        "last_seen_place": ("Stepanakert", "Stepanakert", "Ստեփանակերտ"),
        "detention_acknowledged": Acknowledgement.ACKNOWLEDGED,
        "timeline": [
            (
                datetime.date(2023, 9, 20),
                "OTHER",
                (
                    "Last seen by neighbours, taken away by soldiers.",
                    "Vu pour la dernière fois par des voisins, emmené par des soldats.",
                    "Վերջին անգամ տեսել են հարևանները. տարել են զինվորները։",
                ),
            ),
        ],
    },
    {
        "slug": "sample-hidden-record",
        # No part of the name in the address: the model would give it a random one.
        "name": ("Tigran Melkonyan", "Tigran Melkonian", "Տիգրան Մելքոնյան"),
        "category": Category.CIVILIAN,
        "status": Status.HELD,
        "visibility": Visibility.HIDDEN,
        "captured_on": datetime.date(2023, 9, 28),
        "internal_notes": "Sample: kept hidden at the family's request.",
    },
]

LANGS = ("en", "fr", "hy")


def _translated(field, values):
    return {f"{field}_{lang}": value for lang, value in zip(LANGS, values, strict=True)}


def load():
    sources = {}
    for data in SOURCES:
        fields = {k: v for k, v in data.items() if k != "key"}
        sources[data["key"]], _ = Source.objects.update_or_create(
            title=data["title"], defaults=fields
        )
    brochure = sources["brochure-2024"]

    for data in FIGURES:
        fields = {k: v for k, v in data.items() if k != "key"}
        CampaignFigure.objects.update_or_create(
            key=data["key"], defaults={**fields, "source": brochure}
        )

    for data in DETAINEES:
        data = dict(data)
        timeline = data.pop("timeline", [])
        fields = {}
        for key, value in data.items():
            if isinstance(value, tuple):
                fields.update(_translated(key, value))
            else:
                fields[key] = value
        fields.update(_translated("biography", [SAMPLE_NOTE[lang] for lang in LANGS]))
        detainee, _ = Detainee.objects.update_or_create(slug=data["slug"], defaults=fields)
        detainee.sources.add(brochure)
        if detainee.visibility == Visibility.PUBLIC and not detainee.is_disappeared:
            detainee.sources.add(sources["sample-armenian-report"])
        for date, kind, *text in timeline:
            defaults = {"source": brochure}
            if text:
                defaults.update(_translated("text", text[0]))
            TimelineEvent.objects.update_or_create(
                detainee=detainee, date=date, kind=kind, defaults=defaults
            )
