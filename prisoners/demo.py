"""Sample detainee records for the demo site.

Every person here is invented: names, dates and places are made up so that a newcomer
sees every kind of profile without publishing anything about a real person. Each
biography says so first. The campaign figures, by contrast, are the campaign's own.
"""

import datetime

from django.utils import timezone

from common import illustrations
from prisoners import photos
from prisoners.models import (
    Acknowledgement,
    CampaignFigure,
    Category,
    Detainee,
    DetaineeSource,
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

# The campaign's own figures, from its 2024 brochure (seed 004): who is held by category, and
# the range it gives for the forcibly disappeared. Armenian puts the noun after a number in
# the singular.
FIGURES = [
    {
        "key": "held",
        "label_en": "Armenians held in Azerbaijan",
        "label_fr": "Arméniens détenus en Azerbaïdjan",
        "label_hy": "հայ՝ պահվող Ադրբեջանում",
        "low": 23,
        "order": 0,
    },
    {
        "key": "prisoners-of-war",
        "label_en": "prisoners of war, captured around the 2020 ceasefire",
        "label_fr": "prisonniers de guerre, capturés autour du cessez-le-feu de 2020",
        "label_hy": "ռազմագերի՝ գերեվարված 2020 թվականի հրադադարի ժամանակ",
        "low": 9,
        "order": 2,
    },
    {
        "key": "civilians",
        "label_en": "civilians, taken in Artsakh and in Armenia",
        "label_fr": "civils, enlevés en Artsakh et en Arménie",
        "label_hy": "խաղաղ բնակիչ՝ առևանգված Արցախում և Հայաստանում",
        "low": 6,
        "order": 3,
    },
    {
        "key": "political-leaders",
        "label_en": "political leaders of Artsakh: presidents, ministers, a speaker",
        "label_fr": "dirigeants politiques de l’Artsakh : présidents, ministres, un président "
        "du Parlement",
        "label_hy": "Արցախի քաղաքական ղեկավար՝ նախագահներ, նախարարներ, խորհրդարանի նախագահ",
        "low": 8,
        "order": 4,
    },
    {
        "key": "forcibly-disappeared",
        "label_en": "forcibly disappeared, whose fate Azerbaijan does not disclose",
        "label_fr": "disparus de force, dont l'Azerbaïdjan tait le sort",
        "label_hy": "բռնի անհետացածներ, որոնց ճակատագիրը Ադրբեջանը չի բացահայտում",
        "low": 80,
        "high": 200,
        "order": 5,
    },
]

DETAINEES = [
    {
        "slug": "sample-aram-petrosyan",
        "featured": True,
        "photo": ("portrait", "JPEG"),
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
        "photo": ("landscape", "JPEG"),
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
        "featured": True,
        "photo": ("square", "PNG"),
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
        "photo": ("tall", "WEBP"),
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
        "featured": True,
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
        "photo": ("portrait", "JPEG"),
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
        "featured": True,
        "photo": ("landscape", "JPEG"),
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
            # A number is days from the day of loading: the demo always has a hearing ahead.
            (
                24,
                "HEARING",
                (
                    "Next hearing of the trial in Baku; observers have asked to attend.",
                    "Prochaine audience du procès à Bakou ; des observateurs ont demandé à y "
                    "assister.",
                    "Դատավարության հաջորդ նիստը Բաքվում. դիտորդները խնդրել են ներկա գտնվել։",
                ),
            ),
        ],
    },
    {
        "slug": "sample-vardan-ghazaryan",
        "photo": ("square", "JPEG"),
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
        "photo": ("portrait", "JPEG"),
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
        # A long name, as some families write it: cards, tabs and banners must wrap it.
        "slug": "sample-mesrop-ter-hovhannisyan",
        "featured": True,
        "sex": "M",
        "name": (
            "Mesrop-Khachatur Ter-Hovhannisyan",
            "Mesrop-Khatchatour Ter-Hovhannissian",
            "Մեսրոպ-Խաչատուր Տեր-Հովհաննիսյան",
        ),
        "category": Category.CIVILIAN,
        "status": Status.HELD,
        "visibility": Visibility.PUBLIC,
        "birth_year": 1952,
        "hometown": ("Martuni", "Martouni", "Մարտունի"),
        "captured_on": datetime.date(2023, 9, 27),
        "capture_place": (
            "Hakari bridge checkpoint",
            "poste du pont de Hakari",
            "Հակարիի կամրջի անցակետ",
        ),
        "place_of_detention": ("Baku", "Bakou", "Բաքու"),
        "icrc_registered": True,
        "timeline": [
            (datetime.date(2023, 9, 27), "CAPTURED"),
            (datetime.date(2024, 2, 20), "CHARGED"),
            (
                45,
                "HEARING",
                (
                    "Hearing on the charges; the family has asked for a lawyer of its choice.",
                    "Audience sur les chefs d’accusation ; la famille a demandé un avocat de son "
                    "choix.",
                    "Դատական նիստ մեղադրանքների վերաբերյալ. ընտանիքը խնդրել է իր ընտրած "
                    "փաստաբանին։",
                ),
            ),
        ],
    },
    {
        "slug": "sample-hidden-record",
        "photo": ("square", "JPEG"),
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

# The demo's portraits are drawings (common.illustrations), and say so wherever a photo's
# credit or description is read. The credit is one field in every language: it says it thrice.
ILLUSTRATION_ALT = (
    "Illustration — not a photograph of this person",
    "Illustration — pas une photographie de cette personne",
    "Նկարազարդում — այս անձի լուսանկարը չէ",
)
ILLUSTRATION_CREDIT = (
    "Libertas demo: illustration, not a photograph · illustration, pas une photographie · "
    "նկարազարդում, ոչ թե լուսանկար"
)
# Every shape a staff member may upload: pages crop each to their 4:5 box.
PHOTO_SIZES = {
    "portrait": (800, 1200),
    "tall": (960, 1200),
    "square": (1000, 1000),
    "landscape": (1500, 1000),
}
# The year the drawings take ages from: a fixed one, so a portrait never changes with the date.
DRAWN_IN = 2024


def _translated(field, values):
    return {f"{field}_{lang}": value for lang, value in zip(LANGS, values, strict=True)}


def _day(value):
    """A date, or a number of days from today (for what must stay ahead, like a hearing)."""
    if isinstance(value, int):
        return timezone.localdate() + datetime.timedelta(days=value)
    return value


def _illustration(data):
    shape, image_format = data["photo"]
    image = illustrations.portrait(
        data["slug"],
        PHOTO_SIZES[shape],
        woman=data.get("sex") == "F",
        age=DRAWN_IN - data.get("birth_year", DRAWN_IN - 40),
    )
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image_format]
    upload = illustrations.as_upload(image, f"illustration.{extension}", image_format)
    # The staff's upload path: checked as an image within the limits, re-encoded, renamed.
    return photos.reencode(upload)


def _citations(data):
    """The sources a profile cites, one dict per link (DetaineeSource's fields)."""
    cited = [{"source": "brochure-2024"}]
    if data["visibility"] == Visibility.PUBLIC and data["category"] != Category.DISAPPEARED:
        cited.append({"source": "sample-armenian-report"})
    return data.get("cited", cited)


def _was_made(slug):
    """Whether a record with this address exists or ever existed.

    A sample is created once and is the staff's from then on: renamed, edited, hidden (a
    record leaving PUBLIC gets a new random address) or deleted, it stays as they left it.
    The history keeps every address a record had, deleted ones included.
    """
    return (
        Detainee.objects.filter(slug=slug).exists() or Detainee.history.filter(slug=slug).exists()
    )


def load():
    """Create what is missing, by natural key; never change a row that exists."""
    sources = {}
    for data in SOURCES:
        fields = {k: v for k, v in data.items() if k != "key"}
        sources[data["key"]], _ = Source.objects.get_or_create(title=data["title"], defaults=fields)
    brochure = sources["brochure-2024"]

    for data in FIGURES:
        fields = {k: v for k, v in data.items() if k != "key"}
        CampaignFigure.objects.get_or_create(
            key=data["key"],
            defaults={**fields, "as_of": datetime.date(2024, 4, 1), "source": brochure},
        )

    for data in DETAINEES:
        if not _was_made(data["slug"]):
            _create_detainee(data, sources)


def _create_detainee(data, sources):
    special = {"timeline", "photo", "cited"}
    fields = {}
    for key, value in data.items():
        if key in special:
            continue
        if isinstance(value, tuple):
            fields.update(_translated(key, value))
        else:
            fields[key] = value
    fields.update(_translated("biography", [SAMPLE_NOTE[lang] for lang in LANGS]))
    if "photo" in data:
        fields["photo"] = _illustration(data)
        fields["photo_credit"] = ILLUSTRATION_CREDIT
        fields.update(_translated("photo_alt", ILLUSTRATION_ALT))
    detainee = Detainee(**fields)
    # The checks the admin's form runs, the photo's among them.
    detainee.full_clean()
    detainee.save()
    for citation in _citations(data):
        DetaineeSource.objects.create(
            detainee=detainee, **{**citation, "source": sources[citation["source"]]}
        )
    for day, kind, *text in data.get("timeline", []):
        TimelineEvent.objects.create(
            detainee=detainee,
            date=_day(day),
            kind=kind,
            source=sources["brochure-2024"],
            **(_translated("text", text[0]) if text else {}),
        )
