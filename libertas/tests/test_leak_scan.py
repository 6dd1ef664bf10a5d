"""The leak scan: a LIMITED and a HIDDEN record, distinctive in every field, appear in no
public output beyond what the public view allows.

Pages are discovered, not listed: the scan crawls every same-site link from the home page in
each language, and every address of the sitemap, so a new page is scanned without a change
here. Outputs no page links to (searches by the hidden names, e-mails, banners, the text
drawn on share images) are added by hand below.
"""

import datetime
import html
import io
import re
from urllib.parse import parse_qsl, quote, quote_plus, unquote, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone, translation
from django.views.static import serve
from PIL import ImageDraw
from pypdf import PdfReader

from campaign import services as campaign_services
from campaign.models import Event, Follower, LetterTemplate, NewsItem, SolidarityMessage
from conftest import make_detainee, put_photo
from prisoners import photos
from prisoners.models import Category, Source, Status, TimelineEvent, Visibility
from sponsorships import pdf
from sponsorships.models import Sponsor, Sponsorship

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MAX_PAGES = 400
SKIPPED = ("/static/", "/admin/", "/accounts/", "/media/")


@pytest.fixture(autouse=True)
def english_afterwards():
    # A request to /hy/ leaves Armenian active in the thread, which would change what
    # reverse() returns in the tests that run next.
    yield
    translation.activate(settings.LANGUAGE_CODE)


def secret_fields(tag):
    """A value in every field the public view keeps from a LIMITED record, marked by `tag`."""
    return {
        "hometown_en": f"{tag}-HOMETOWN",
        "hometown_hy": f"{tag}-HOMETOWN-HY",
        "capture_place_en": f"{tag}-CAPTUREPLACE",
        "capture_circumstances_en": f"{tag}-CIRCUMSTANCES",
        "capture_circumstances_fr": f"{tag}-CIRCONSTANCES",
        "last_seen_place_en": f"{tag}-LASTSEEN",
        "charges_en": f"{tag}-CHARGES",
        "echr_application_number": f"{tag}-ECHR",
        "biography_en": f"{tag}-BIOGRAPHY",
        "biography_fr": f"{tag}-BIOGRAPHIE",
        "biography_hy": f"{tag}-ԿԵՆՍԱԳՐՈՒԹՅՈՒՆ",
        "photo_alt_en": f"{tag}-PHOTOALT",
        "photo_credit": f"{tag}-PHOTOCREDIT",
        "birth_date": datetime.date(1961, 7, 19),
        "consent_given_by": f"{tag}-CONSENT",
        "consent_scope": f"{tag}-SCOPE",
        "family_contact": f"{tag}-FAMILY",
        "internal_notes": f"{tag}-NOTES",
        "category": Category.DISAPPEARED,  # shows the last-seen place on a PUBLIC profile
    }


LIMITED_NAMES = {
    "name_en": "Xerxes Quillanyan",
    "name_fr": "Xerxès Quillanian",
    "name_hy": "Քսերքս Քուիլլանյան",
}
HIDDEN_NAMES = {
    "name_en": "Yervandos Hiddenyan",
    "name_fr": "Yervandos Hiddenian",
    "name_hy": "Երվանդոս Հիդդենյան",
}


def markers(tag, names, *extra):
    found = [v for v in secret_fields(tag).values() if isinstance(v, str) and "-" in v]
    parts = {part for name in names.values() for part in name.split()}
    folded = {"quillan", "xerx", "hiddeny", "hiddeni", "yervandos"}
    return [*found, *parts, *(f for f in folded if f[:4] in " ".join(parts).lower()), *extra]


@pytest.fixture
def records(media, django_capture_on_commit_callbacks):
    put_photo(media, "detainees/limited-secret-photo.jpg")
    put_photo(media, "detainees/hidden-secret-photo.jpg")
    make_detainee(slug="someone-public")  # so lists, feeds and exports are not empty
    # Published first under a name address, then limited: the old address is a secret too.
    limited = make_detainee(
        slug="xerxes-quillanyan",
        photo="detainees/limited-secret-photo.jpg",
        sentence_en="Sentenced to 15 years",
        **LIMITED_NAMES,
        **secret_fields("LTD"),
    )
    # The addresses its photo had while it was public: a visitor may have kept them.
    limited.published_photo_addresses = [
        limited.public_rendition(kind).url for kind in photos.RENDITIONS
    ]
    assert all(media_status(url) == 200 for url in limited.published_photo_addresses)
    limited.visibility = Visibility.LIMITED
    limited.save()
    hidden = make_detainee(
        slug="hidden-7",
        visibility=Visibility.HIDDEN,
        photo="detainees/hidden-secret-photo.jpg",
        sentence_en="HID-SENTENCE",
        place_of_detention_en="HID-PRISON",
        **HIDDEN_NAMES,
        **secret_fields("HID"),
    )
    for record, tag, name in [(limited, "LTD", "Quillanyan"), (hidden, "HID", "Hiddenyan")]:
        source = Source.objects.create(
            title=f"{name} sentenced {tag}-SOURCETITLE",
            url=f"https://press.example/{tag.lower()}-source-link",
            publisher=f"{tag}-PUBLISHER",
        )
        record.sources.add(source)
        TimelineEvent.objects.create(
            detainee=record,
            date=datetime.date(2024, 3, 1),
            kind=TimelineEvent.Kind.HEARING,
            text_en=f"{tag}-TIMELINE {name} heard in court",
            text_hy=f"{tag}-TIMELINE-HY",
            source=source,
        )
        news = NewsItem.objects.create(
            slug=f"news-{tag.lower()}", title="A hearing", summary="Summary", body="Body"
        )
        news.detainees.add(record)
        starts = timezone.now() + datetime.timedelta(days=5)
        event = Event.objects.create(
            slug=f"vigil-{tag.lower()}",
            title="Vigil",
            description="Come along.",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            time_zone="Asia/Yerevan",
            place="Square",
            city="Yerevan",
            country="AM",
        )
        event.detainees.add(record)
        sponsor = Sponsor.objects.create(
            name=f"City for {tag}",
            kind=Sponsor.Kind.CITY,
            country="FR",
            city="Testville",
            public_consent=True,
            email=f"{tag.lower()}@example.org",
        )
        Sponsorship.objects.create(
            sponsor=sponsor, detainee=record, status=Sponsorship.Status.ACTIVE
        )
        # A message staff approved, whose writer agreed to show it: shown on a PUBLIC
        # profile only. Its text may name or place the person.
        SolidarityMessage.objects.create(
            detainee=record,
            text=f"{tag}-MESSAGE to {name} in his town",
            language="en",
            first_name="Writer",
            city=f"{tag}-WRITERCITY",
            email=f"{tag.lower()}-writer@example.org",
            consent_public=True,
            status=SolidarityMessage.Status.APPROVED,
        )
        for language in LANGUAGES:
            Follower.objects.create(
                detainee=record,
                email=f"{tag.lower()}-{language}@example.org",
                language=language,
                confirmed_at=timezone.now(),
            )
    # What a writer is told: the confirmation of a message to the limited record.
    for language in LANGUAGES:
        written = SolidarityMessage.objects.create(
            detainee=limited,
            text="Courage.",
            language=language,
            first_name="Writer",
            city="Lyon",
            email=f"writer-{language}@example.org",
        )
        campaign_services.send_message_confirmation(written, language)
    # What followers are told when the records change.
    with django_capture_on_commit_callbacks(execute=True):
        for record, tag in [(limited, "LTD"), (hidden, "HID")]:
            TimelineEvent.objects.create(
                detainee=record,
                date=datetime.date(2024, 4, 2),
                kind=TimelineEvent.Kind.TRANSFER,
                text_en=f"{tag}-TIMELINE moved",
            )
            record.status = Status.RELEASED
            record.released_on = datetime.date(2024, 5, 1)
            record.save()
    return limited, hidden


def media_status(url):
    """What the public gets for a /media/ address, served as the web server serves MEDIA_ROOT."""
    try:
        request = RequestFactory().get(url)
        return serve(request, url.removeprefix(settings.MEDIA_URL), settings.MEDIA_ROOT).status_code
    except Http404:
        return 404


def links(body, base):
    for ref in re.findall(r'(?:href|src|action)="([^"#]+)', body) + re.findall(
        r"<loc>([^<]+)</loc>", body
    ):
        url = urljoin(base, html.unescape(ref))
        parts = urlsplit(url)
        if parts.netloc and parts.netloc not in ("testserver", urlsplit(settings.SITE_URL).netloc):
            continue
        if parts.scheme not in ("", "http", "https"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        # Searches are probed by hand below; their links only repeat the query.
        if not path.startswith(SKIPPED) and "/logout" not in path and "q=" not in parts.query:
            yield path


def crawl(client, start):
    """Every same-site page reachable from `start`, as (path, status, text scanned)."""
    seen, queue, found = set(), list(start), []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        kind = response.get("Content-Type", "")
        if kind.startswith("application/pdf"):
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
        elif kind.startswith("image/"):
            text = ""  # what an image shows is read from the drawing calls, below
        else:
            text = response.content.decode("utf-8", "replace")
        found.append((path, response.status_code, text + str(response.headers)))
        if response.status_code == 200 and not kind.startswith(("image/", "application/pdf")):
            queue.extend(links(text, path))
    return found


@pytest.fixture
def drawn_text(monkeypatch):
    """Every string drawn on a share image."""
    drawn = []
    original = ImageDraw.ImageDraw.text

    def text(self, xy, string, *args, **kwargs):
        drawn.append(string)
        return original(self, xy, string, *args, **kwargs)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", text)
    return drawn


def banner_text(detainee):
    texts = []
    for language in LANGUAGES:
        with translation.override(language):
            for size in pdf.FORMATS:
                reader = PdfReader(io.BytesIO(pdf.detainee_banner(detainee, size)))
                texts.append("".join(p.extract_text() for p in reader.pages))
                texts.append(str(reader.metadata))
    return "\n".join(texts)


def scan(text, path=""):
    """Also as a visitor would read it: entities and %-escapes decoded, case folded.

    What the visitor typed (the page's own address and query, echoed back in a search box
    or a language switcher) is taken out first: that is no leak.
    """
    text = (text + html.unescape(text) + unquote(text)).casefold()
    parts = urlsplit(path)
    echoes = [path, *parts.path.split("/"), *(v for _k, v in parse_qsl(parts.query))]
    for echo in sorted(echoes, key=len, reverse=True):
        for form in (echo, quote(echo), quote_plus(echo), html.escape(echo), unquote(echo)):
            if form:
                text = text.replace(form.casefold(), "")
    return text


def test_no_limited_or_hidden_secret_reaches_any_public_output(client, records, drawn_text):
    limited, hidden = records
    start = [f"/{language}/" for language in LANGUAGES] + ["/sitemap.xml"]
    # Outputs no page links to: searches for the hidden names, the addresses a guess would try.
    for language in LANGUAGES:
        for query in ["Quillanyan", "Xerxes", "Քուիլլանյան", "Hiddenyan", "X. Q.", "Y. H."]:
            start.append(f"/{language}/prisoners/?{urlencode({'q': query})}")
        for slug in ["xerxes-quillanyan", hidden.slug]:
            start.append(f"/{language}/prisoners/{slug}/")
            start.append(f"/{language}/prisoners/{slug}/share.png")
        # A letter about one person, on the page and printable: the limited one by initials.
        LetterTemplate.objects.create(
            country="FR", language=language, recipient_name="R", subject="S", body="{detainees}"
        )
        for slug in [limited.slug, hidden.slug]:
            for page in ("take-action", "take-action/letter"):
                start.append(
                    f"/{language}/{page}/?{urlencode({'country': 'FR', 'detainee': slug})}"
                )
    pages = crawl(client, start)

    paths = {path for path, status, _text in pages if status == 200}
    for language in LANGUAGES:
        # The scan reached what it must scan: the limited profile, its image, lists and feeds.
        assert f"/{language}/prisoners/{limited.slug}/" in paths
        assert f"/{language}/prisoners/{limited.slug}/share.png" in paths
        assert f"/{language}/prisoners/export.csv" in paths
        assert f"/{language}/message/{limited.slug}/" in paths
        assert f"/{language}/take-action/?country=FR&detainee={limited.slug}" in paths
    assert any("sitemap" in p for p in paths) and any("feed" in p or "rss" in p for p in paths)
    assert len(paths) > 40, sorted(paths)

    outputs = [(path, text) for path, _status, text in pages]
    outputs += [("share images (drawn text)", "\n".join(drawn_text))]
    outputs += [("banners", banner_text(limited))]
    assert mail.outbox, "the follow e-mails were not sent"
    outputs += [
        (f"e-mail to {m.to[0]}", m.subject + m.body + str(m.extra_headers)) for m in mail.outbox
    ]

    secrets = markers("LTD", LIMITED_NAMES, "xerxes-quillanyan", "limited-secret-photo")
    secrets += markers("HID", HIDDEN_NAMES, hidden.slug, "hidden-secret-photo")
    secrets += ["HID-SENTENCE", "HID-PRISON", "ltd-source-link", "hid-source-link"]
    secrets += ["LTD-MESSAGE", "LTD-WRITERCITY", "HID-MESSAGE", "HID-WRITERCITY"]
    secrets += ["1961-07-19", "19 July 1961", "July 19, 1961", "19 juillet 1961"]
    leaks = [
        f"{secret!r} on {where}"
        for where, text in outputs
        for secret in secrets
        if secret.casefold() in scan(text, where)
    ]
    assert not leaks, "\n".join(leaks)

    # Media addresses: none of the photos answers at any address, the ones it once had
    # included, and the public folder holds no copy of them under another name.
    given = {url for _where, text in outputs for url in re.findall(r"/media/[^\"'\s,)<]+", text)}
    served = {
        url for url in given | set(limited.published_photo_addresses) if media_status(url) == 200
    }
    assert not served, served
    public_files = [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]
    assert not public_files, "only the two secret records have photos here: " + str(public_files)
    # The public view still shows what it should: initials and the facts of the detention.
    profile = dict(outputs)[f"/en/prisoners/{limited.slug}/"]
    assert "X. Q." in profile and "Sentenced to 15 years" in profile
