"""Fill a database with generated records for the benchmark (`make bench`).

Every record is invented and marked as such: detainee and news slugs start with "bench-",
sponsor and donor addresses end with "@bench.invalid". Rows go in with bulk_create, so no
save() runs: what save() would compute (the folded search text) is computed here, and the
few dozen photos are shared by many records, so their WebP renditions are made once.
"""

import datetime
import io
import random
import time

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from campaign.models import Event, NewsItem, Organisation, Page
from common.cache import invalidate
from common.storage import private_storage
from donations.models import Currency, Donation, DonationStatus, Frequency
from prisoners.models import (
    Acknowledgement,
    CampaignFigure,
    Category,
    Detainee,
    Reliability,
    Source,
    Status,
    TimelineEvent,
    Visibility,
)
from prisoners.photos import publish
from sponsorships.models import Commitment, Sponsor, Sponsorship
from tools import main

MARK = "bench-"
EMAIL_DOMAIN = "@bench.invalid"
BATCH = 1000
PHOTOS = 36
PHOTO_DIR = "bench"

# (Latin, Armenian): the Latin form folds to the Armenian one in prisoners.search.
FIRST_NAMES = [
    ("Aram", "Արամ"), ("Armen", "Արմեն"), ("Arsen", "Արսեն"), ("Davit", "Դավիթ"),
    ("Gevorg", "Գևորգ"), ("Hayk", "Հայկ"), ("Karen", "Կարեն"), ("Levon", "Լևոն"),
    ("Narek", "Նարեկ"), ("Ruben", "Ռուբեն"), ("Samvel", "Սամվել"), ("Tigran", "Տիգրան"),
    ("Vahe", "Վահե"), ("Vardan", "Վարդան"), ("Ashot", "Աշոտ"), ("Arayik", "Արայիկ"),
    ("Mher", "Մհեր"), ("Sargis", "Սարգիս"), ("Anahit", "Անահիտ"), ("Lilit", "Լիլիթ"),
    ("Mariam", "Մարիամ"), ("Nare", "Նարե"), ("Sona", "Սոնա"), ("Vika", "Վիկա"),
]  # fmt: skip
SURNAMES = [
    ("Petrosyan", "Պետրոսյան"), ("Hakobyan", "Հակոբյան"), ("Sargsyan", "Սարգսյան"),
    ("Grigoryan", "Գրիգորյան"), ("Harutyunyan", "Հարությունյան"), ("Mkrtchyan", "Մկրտչյան"),
    ("Khachatryan", "Խաչատրյան"), ("Avetisyan", "Ավետիսյան"), ("Karapetyan", "Կարապետյան"),
    ("Gasparyan", "Գասպարյան"), ("Manukyan", "Մանուկյան"), ("Vardanyan", "Վարդանյան"),
    ("Baghdasaryan", "Բաղդասարյան"), ("Ghazaryan", "Ղազարյան"), ("Martirosyan", "Մարտիրոսյան"),
    ("Simonyan", "Սիմոնյան"), ("Davtyan", "Դավթյան"), ("Poghosyan", "Պողոսյան"),
    ("Melkonyan", "Մելքոնյան"), ("Arakelyan", "Առաքելյան"), ("Zakaryan", "Զաքարյան"),
    ("Abrahamyan", "Աբրահամյան"), ("Galstyan", "Գալստյան"), ("Stepanyan", "Ստեփանյան"),
]  # fmt: skip
TOWNS = [
    ("Goris", "Goris", "Գորիս"), ("Stepanakert", "Stepanakert", "Ստեփանակերտ"),
    ("Martuni", "Martouni", "Մարտունի"), ("Hadrut", "Hadrout", "Հադրութ"),
    ("Shushi", "Chouchi", "Շուշի"), ("Yerevan", "Erevan", "Երևան"),
    ("Askeran", "Askeran", "Ասկերան"), ("Martakert", "Martakert", "Մարտակերտ"),
]  # fmt: skip
PRISON = ("Baku pre-trial detention centre", "centre de détention provisoire de Bakou",
          "Բաքվի նախնական կալանքի կենտրոն")  # fmt: skip
BIOGRAPHY = (
    "Generated record for the benchmark: this person does not exist. {name} was born in "
    "{town}. Family and friends describe a quiet, generous person who worked the land and "
    "looked after younger relatives. Since the capture, the family has had almost no news.",
    "Fiche générée pour le banc d'essai : cette personne n'existe pas. {name} est né à "
    "{town}. Sa famille et ses amis décrivent une personne calme et généreuse, qui travaillait "
    "la terre et veillait sur les plus jeunes. Depuis la capture, la famille n'a presque aucune "
    "nouvelle.",
    "Թեստի համար ստեղծված գրառում. այս անձը գոյություն չունի։ {name}-ը ծնվել է {town}-ում։ "
    "Ընտանիքն ու ընկերները նկարագրում են հանգիստ և առատաձեռն մարդու։ Գերեվարումից ի վեր "
    "ընտանիքը գրեթե լուր չունի։",
)
CHARGES = (
    "Illegal crossing of the border, terrorism (contested)",
    "Franchissement illégal de la frontière, terrorisme (contesté)",
    "Սահմանի ապօրինի հատում, ահաբեկչություն (վիճարկվում է)",
)
SENTENCE = ("15 years", "15 ans", "15 տարի")
TIMELINE_TEXT = {
    TimelineEvent.Kind.CAPTURED: ("Captured near {town}.", "Capturé près de {town}.",
                                  "Գերեվարվել է {town}-ի մոտ։"),
    TimelineEvent.Kind.ICRC_VISIT: ("Visited by the ICRC.", "Visite du CICR.",
                                    "ԿԽՄԿ-ի այց։"),
    TimelineEvent.Kind.HEARING: ("Court hearing in Baku.", "Audience au tribunal de Bakou.",
                                 "Դատական նիստ Բաքվում։"),
    TimelineEvent.Kind.SENTENCED: ("Sentenced.", "Condamné.", "Դատապարտվել է։"),
}  # fmt: skip
NEWS = (
    ("Update on the detainees, week {n}", "Point sur les détenus, semaine {n}",
     "Թարմացում կալանավորների մասին, շաբաթ {n}"),
    ("Generated news item for the benchmark.", "Actualité générée pour le banc d'essai.",
     "Թեստի համար ստեղծված նորություն։"),
)  # fmt: skip
CITIES = [("Paris", "FR"), ("Lyon", "FR"), ("Marseille", "FR"), ("Brussels", "BE"),
          ("Geneva", "CH"), ("Yerevan", "AM"), ("Los Angeles", "US"), ("Berlin", "DE")]  # fmt: skip


class Command(BaseCommand):
    help = "Fill the database with generated records for the benchmark (see README)."

    def add_arguments(self, parser):
        parser.add_argument("--detainees", type=int, default=10_000)
        parser.add_argument("--sponsors", type=int, default=300)
        parser.add_argument("--donations", type=int, default=5_000)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even though the database holds records seed_bench did not make.",
        )

    def handle(self, *args, detainees, sponsors, donations, force, **options):
        if not force and self.has_other_data():
            raise CommandError(
                "This database already holds records that seed_bench did not make. "
                "Seed an empty database (for example a copy), or pass --force to add the "
                "generated records alongside them."
            )
        started = time.monotonic()
        self.random = random.Random(8)  # noqa: S311 -- the same data on every run
        with transaction.atomic():
            self.delete_previous()
            photos = self.make_photos()
            sources = self.make_sources(max(5, detainees // 20))
            people = self.make_detainees(detainees, photos, sources)
            self.make_timelines(people, sources)
            self.make_campaign(people, max(12, detainees // 100))
            self.make_sponsorships(people, sponsors)
            self.make_donations(people, donations)
        # Fresh statistics, as autovacuum would gather in production: without them PostgreSQL
        # plans a join over 10,000 freshly inserted rows as if the tables were empty.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        invalidate()
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {detainees} detainees, {sponsors} sponsors, {donations} donations "
                f"in {time.monotonic() - started:.1f} s."
            )
        )

    def has_other_data(self):
        return (
            Detainee.objects.exclude(slug__startswith=MARK).exists()
            or Sponsor.objects.exclude(email__endswith=EMAIL_DOMAIN).exists()
            or Donation.objects.exclude(donor_email__endswith=EMAIL_DOMAIN).exists()
            or NewsItem.objects.exclude(slug__startswith=MARK).exists()
            or Event.objects.exclude(slug__startswith=MARK).exists()
        )

    def delete_previous(self):
        Donation.objects.filter(donor_email__endswith=EMAIL_DOMAIN).delete()
        Sponsorship.objects.filter(sponsor__email__endswith=EMAIL_DOMAIN).delete()
        Sponsor.objects.filter(email__endswith=EMAIL_DOMAIN).delete()
        NewsItem.objects.filter(slug__startswith=MARK).delete()
        Event.objects.filter(slug__startswith=MARK).delete()
        Detainee.objects.filter(slug__startswith=MARK).delete()
        Source.objects.filter(title__startswith="Bench report").delete()
        CampaignFigure.objects.filter(key__startswith=MARK).delete()

    # Photos: a few dozen real images, shared by many records.

    def make_photos(self):
        """The shared photos, each published once: {private name: token of its public copies}."""
        storage = private_storage()
        names = []
        for i in range(PHOTOS):
            extension = "png" if i % 6 == 0 else "jpg"
            name = f"{PHOTO_DIR}/portrait-{i:02d}.{extension}"
            names.append(name)
            if storage.exists(name):
                continue
            image = Image.new("RGB", (480, 600), self.colour(i))
            draw = ImageDraw.Draw(image)
            draw.ellipse((140, 90, 340, 330), fill=self.colour(i + 7))
            draw.rectangle((90, 360, 390, 600), fill=self.colour(i + 13))
            out = io.BytesIO()
            image.save(out, format="PNG" if extension == "png" else "JPEG", quality=85)
            storage.save(name, ContentFile(out.getvalue()))
        # The pages link the public copies by token, with no file check, so they must exist
        # before a page is served; the PUBLIC records that share a photo share its copies.
        return {name: publish(storage.open(name)) for name in names}

    def colour(self, i):
        rng = random.Random(i)  # noqa: S311
        return tuple(rng.randrange(40, 220) for _ in range(3))

    # The registry.

    def make_sources(self, count):
        rng = self.random
        return Source.objects.bulk_create(
            Source(
                title=f"Bench report {i}",
                publisher=rng.choice(["Human Rights Watch", "ICRC", "Le Monde", "Azatutyun"]),
                url=f"https://example.org/report-{i}",
                published_on=datetime.date(2021, 1, 1) + datetime.timedelta(days=i % 1200),
                reliability=rng.choice(Reliability.values),
            )
            for i in range(count)
        )

    def make_detainees(self, count, photos, sources):
        rng = self.random
        categories = Category.values
        statuses = [Status.HELD] * 6 + [Status.RELEASED] * 2 + [Status.DECEASED, Status.UNKNOWN]
        people = []
        photo_names = list(photos)
        for i in range(count):
            first, first_hy = FIRST_NAMES[(i // len(SURNAMES)) % len(FIRST_NAMES)]
            last, last_hy = SURNAMES[i % len(SURNAMES)]
            town = TOWNS[i % len(TOWNS)]
            category = categories[i % len(categories)]
            status = statuses[i % len(statuses)]
            name_en = f"{first} {last}"
            captured = datetime.date(2020, 9, 27) + datetime.timedelta(days=rng.randrange(1200))
            visibility = (
                Visibility.HIDDEN if i % 20 == 19 else Visibility.LIMITED if i % 10 == 9 else
                Visibility.PUBLIC
            )  # fmt: skip
            photo = photo_names[i % len(photo_names)] if i % 3 != 2 else ""
            person = Detainee(
                slug=f"{MARK}{i:05d}-{first.lower()}-{last.lower()}",
                name_en=name_en,
                name_fr=name_en.replace("yan", "ian"),
                name_hy=f"{first_hy} {last_hy}",
                category=category,
                status=status,
                visibility=visibility,
                sex="F" if first in ("Anahit", "Lilit", "Mariam", "Nare", "Sona", "Vika") else "M",
                birth_year=1950 + rng.randrange(55),
                hometown_en=town[0],
                hometown_fr=town[1],
                hometown_hy=town[2],
                captured_on=None if category == Category.DISAPPEARED else captured,
                capture_place_en=town[0],
                capture_place_fr=town[1],
                capture_place_hy=town[2],
                last_seen_on=captured if category == Category.DISAPPEARED else None,
                last_seen_place_en=town[0] if category == Category.DISAPPEARED else "",
                detention_acknowledged=rng.choice(Acknowledgement.values),
                charges_en=CHARGES[0],
                charges_fr=CHARGES[1],
                charges_hy=CHARGES[2],
                criminal_code_articles="214, 318",
                sentence_en=SENTENCE[0],
                sentence_fr=SENTENCE[1],
                sentence_hy=SENTENCE[2],
                place_of_detention_en=PRISON[0],
                place_of_detention_fr=PRISON[1],
                place_of_detention_hy=PRISON[2],
                icrc_registered=rng.choice([True, False, None]),
                echr_application_number=f"{rng.randrange(10000, 99999)}/21" if i % 4 == 0 else "",
                echr_interim_measures=i % 4 == 0,
                released_on=captured + datetime.timedelta(days=400)
                if status == Status.RELEASED
                else None,
                died_on=captured + datetime.timedelta(days=200)
                if status == Status.DECEASED
                else None,
                biography_en=BIOGRAPHY[0].format(name=name_en, town=town[0]),
                biography_fr=BIOGRAPHY[1].format(name=name_en, town=town[1]),
                biography_hy=BIOGRAPHY[2].format(name=f"{first_hy} {last_hy}", town=town[2]),
                photo=photo,
                photo_token=photos[photo] if photo and visibility == Visibility.PUBLIC else "",
                photo_published_from=photo if photo and visibility == Visibility.PUBLIC else "",
                photo_credit="Family archive",
                photo_alt_en=f"Portrait of {name_en}",
                photo_alt_fr=f"Portrait de {name_en}",
                photo_alt_hy=f"{first_hy} {last_hy}-ի դիմանկարը",
                family_contact="Generated: no one to contact.",
            )
            person.search_text = person.build_search_text()
            # The list's order, as save() sets it: without it every record shares one sort
            # key and the list's cost at scale is not what a real registry's would be.
            for field, value in person._sort_names().items():
                setattr(person, field, value)
            people.append(person)
        Detainee.objects.bulk_create(people, batch_size=BATCH)
        links = Detainee.sources.through
        links.objects.bulk_create(
            (
                links(detainee_id=person.pk, source_id=sources[(i + k) % len(sources)].pk)
                for i, person in enumerate(people)
                for k in range(1 + i % 2)
            ),
            batch_size=BATCH,
        )
        return people

    def make_timelines(self, people, sources):
        kinds = list(TIMELINE_TEXT)
        events = []
        for i, person in enumerate(people):
            start = person.captured_on or person.last_seen_on
            for k in range(2 + i % 3):
                kind = kinds[k % len(kinds)]
                text = TIMELINE_TEXT[kind]
                town = person.hometown_en
                events.append(
                    TimelineEvent(
                        detainee_id=person.pk,
                        date=start + datetime.timedelta(days=90 * k),
                        kind=kind,
                        text_en=text[0].format(town=town),
                        text_fr=text[1].format(town=person.hometown_fr),
                        text_hy=text[2].format(town=person.hometown_hy),
                        source_id=sources[(i + k) % len(sources)].pk,
                    )
                )
        TimelineEvent.objects.bulk_create(events, batch_size=BATCH)

    # Campaign content: figures, organisations, pages, news, events.

    def make_campaign(self, people, news_count):
        CampaignFigure.objects.bulk_create(
            CampaignFigure(
                key=f"{MARK}{key}",
                label_en=label[0],
                label_fr=label[1],
                label_hy=label[2],
                low=low,
                high=high,
                as_of=datetime.date(2024, 4, 1),
                order=order,
            )
            for order, (key, label, low, high) in enumerate(
                [
                    (
                        "disappeared",
                        ("forcibly disappeared", "disparus forcés", "բռնի անհետացածներ"),
                        80,
                        200,
                    ),
                    (
                        "missing",
                        ("missing since 2020", "disparus depuis 2020", "անհայտ կորած 2020-ից"),
                        300,
                        None,
                    ),
                ]  # fmt: skip
            )
        )
        if not Organisation.objects.exists():
            Organisation.objects.bulk_create(
                Organisation(name_en=name, name_fr=name, name_hy=name, order=i)
                for i, name in enumerate(["Bench Association One", "Bench Association Two"])
            )
        for slug in Page.Slug.values:
            Page.objects.get_or_create(
                slug=slug,
                defaults={"title": slug.title(), "summary": slug.title(), "body": slug.title()},
            )
        public = [p for p in people if p.visibility != Visibility.HIDDEN]
        now = timezone.now()
        items = NewsItem.objects.bulk_create(
            NewsItem(
                slug=f"{MARK}news-{i:04d}",
                kind=NewsItem.Kind.values[i % 3],
                title_en=NEWS[0][0].format(n=i),
                title_fr=NEWS[0][1].format(n=i),
                title_hy=NEWS[0][2].format(n=i),
                summary_en=NEWS[1][0],
                summary_fr=NEWS[1][1],
                summary_hy=NEWS[1][2],
                body_en=NEWS[1][0] * 5,
                body_fr=NEWS[1][1] * 5,
                body_hy=NEWS[1][2] * 5,
                published_at=now - datetime.timedelta(days=3 * i + 1),
                published=i % 15 != 14,
            )
            for i in range(news_count)
        )
        links = NewsItem.detainees.through
        links.objects.bulk_create(
            links(newsitem_id=item.pk, detainee_id=public[(i * 7 + k) % len(public)].pk)
            for i, item in enumerate(items)
            for k in range(3)
            if public
        )
        events = Event.objects.bulk_create(
            Event(
                slug=f"{MARK}event-{i:03d}",
                kind=Event.Kind.values[i % 4],
                title_en=f"Gathering for the prisoners, {city}",
                title_fr=f"Rassemblement pour les prisonniers, {city}",
                title_hy=f"Հավաք բանտարկյալների համար, {city}",
                description_en="Generated event for the benchmark.",
                description_fr="Événement généré pour le banc d'essai.",
                description_hy="Թեստի համար ստեղծված միջոցառում։",
                starts_at=now + datetime.timedelta(days=14 * i - 100),
                ends_at=now + datetime.timedelta(days=14 * i - 100, hours=2),
                place_en="Town hall square",
                place_fr="Place de la mairie",
                place_hy="Քաղաքապետարանի հրապարակ",
                city=city,
                country=country,
            )
            for i, (city, country) in enumerate(CITIES * 3)
        )
        links = Event.detainees.through
        links.objects.bulk_create(
            links(event_id=event.pk, detainee_id=public[i % len(public)].pk)
            for i, event in enumerate(events)
            if public
        )

    # Sponsors and donations.

    def make_sponsorships(self, people, count):
        rng = self.random
        kinds = Sponsor.Kind.values
        sponsors = Sponsor.objects.bulk_create(
            Sponsor(
                kind=kinds[i % len(kinds)],
                name=f"{CITIES[i % len(CITIES)][0]} sponsor {i}",
                country=CITIES[i % len(CITIES)][1],
                city=CITIES[i % len(CITIES)][0],
                public_consent=i % 5 != 4,
                contact_name=f"Contact {i}",
                email=f"sponsor-{i}{EMAIL_DOMAIN}",
                language=["en", "fr", "hy"][i % 3],
                email_confirmed_at=timezone.now(),
            )
            for i in range(count)
        )
        commitments = list(Commitment.objects.filter(active=True))
        public = [p for p in people if p.visibility != Visibility.HIDDEN]
        statuses = [Sponsorship.Status.ACTIVE] * 6 + [
            Sponsorship.Status.PENDING,
            Sponsorship.Status.DECLINED,
            Sponsorship.Status.ENDED,
        ]
        sponsorships = []
        for i, sponsor in enumerate(sponsors):
            for k in range(1 + i % 3):
                whole_group = k == 0 and i % 10 == 0
                sponsorships.append(
                    Sponsorship(
                        sponsor=sponsor,
                        detainee=None if whole_group or not public else rng.choice(public),
                        status=statuses[(i + k) % len(statuses)],
                        signed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 600),
                        signing_place=sponsor.city,
                        public_note_en="Signed in the town hall." if i % 4 == 0 else "",
                        public_note_fr="Signé à la mairie." if i % 4 == 0 else "",
                        public_note_hy="Ստորագրվել է քաղաքապետարանում։" if i % 4 == 0 else "",
                    )
                )
        Sponsorship.objects.bulk_create(sponsorships, batch_size=BATCH)
        if commitments:
            links = Sponsorship.commitments.through
            links.objects.bulk_create(
                (
                    links(sponsorship_id=s.pk, commitment_id=commitments[i % len(commitments)].pk)
                    for i, s in enumerate(sponsorships)
                ),
                batch_size=BATCH,
            )

    def make_donations(self, people, count):
        rng = self.random
        public = [p for p in people if p.visibility == Visibility.PUBLIC]
        statuses = [DonationStatus.PAID] * 7 + [
            DonationStatus.PENDING,
            DonationStatus.FAILED,
            DonationStatus.REFUNDED,
        ]
        now = timezone.now()
        Donation.objects.bulk_create(
            (
                Donation(
                    amount=rng.choice([1000, 2000, 5000, 10000, 2500, 15000]),
                    currency=Currency.EUR if i % 4 else Currency.USD,
                    frequency=Frequency.MONTHLY if i % 6 == 0 else Frequency.ONCE,
                    status=statuses[i % len(statuses)],
                    donor_name=f"Donor {i}" if i % 3 else "",
                    donor_email=f"donor-{i}{EMAIL_DOMAIN}",
                    show_on_wall=i % 2 == 0,
                    dedicated_to_id=public[i % len(public)].pk if public and i % 5 == 0 else None,
                    language=["en", "fr", "hy"][i % 3],
                    created_at=now - datetime.timedelta(hours=i),
                    paid_at=now - datetime.timedelta(hours=i),
                )
                for i in range(count)
            ),
            batch_size=BATCH,
        )


if __name__ == "__main__":
    main(Command, "seed_bench")
