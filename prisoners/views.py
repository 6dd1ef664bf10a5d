import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from common import mail
from common.exports import CSV_CONTENT_TYPE, SafeWriter
from common.urls import absolute_url
from common.views import ratelimited
from prisoners import panels, printing
from prisoners import search as name_search
from prisoners.forms import CorrectionForm
from prisoners.models import PRIVATE_FIELDS, Category, Detainee, Status, list_counts_version
from prisoners.share import render_share_image

PER_PAGE = 24
# A bulk QuerySet.update() of status or category moves no version: counts catch up within this.
LIST_COUNTS_SECONDS = 600
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


# The list's default: those the campaign still fights for. Released and deceased people are
# one choice away, counted next to it, never mixed in among those held.
STILL_HELD = "STILL_HELD"
EVERY_STATUS = "ALL"
STATUS_SCOPES = {
    STILL_HELD: (Status.HELD, Status.UNKNOWN),
    EVERY_STATUS: tuple(Status.values),
    **{value: (value,) for value in Status.values},
}


def status_choices():
    return [
        (STILL_HELD, _("Held or fate unknown")),
        *Status.choices,
        (EVERY_STATUS, _("Any status")),
    ]


def group_labels():
    """A status said of a group of people ("Libérés" in French), for the links apart."""
    return {
        Status.HELD: pgettext("people", "Held"),
        Status.UNKNOWN: pgettext("people", "Fate unknown"),
        Status.RELEASED: pgettext("people", "Released"),
        Status.DECEASED: pgettext("people", "Deceased"),
    }


def detainee_list(request):
    category = request.GET.get("category", "")
    if category not in Category.values:
        category = ""
    query = request.GET.get("q", "").strip()[:100]
    # A search looks through everyone (a released man is still looked for by name); a plain
    # visit starts with those still held.
    status = request.GET.get("status", "")
    if status not in STATUS_SCOPES:
        status = EVERY_STATUS if query else STILL_HELD

    # A query of punctuation or digits alone names nobody: the list says so and shows everyone,
    # rather than "N people found" for all.
    words = name_search.query_words(query)
    no_letters = bool(query) and not words

    records = Detainee.objects.for_public_pages()
    if words:
        records = records.search(query)

    # One query for every tab's count and every status's, whatever the number of records, and
    # only once until a record changes (prisoners.models.list_counts_version).
    searched = " ".join(word.key or word.typed for word in words)
    digest = hashlib.sha256(f"by-status|{searched}".encode()).hexdigest()
    key = f"prisoners:list-counts:{list_counts_version()}:{digest[:32]}"
    by_status = cache.get(key)
    if by_status is None:
        rows = records.values_list("category", "status").annotate(n=Count("pk")).order_by()
        by_status = {f"{c}|{s}": n for c, s, n in rows}
        cache.set(key, by_status, LIST_COUNTS_SECONDS)

    def count(categories, statuses):
        return sum(by_status.get(f"{c}|{s}", 0) for c in categories for s in statuses)

    in_scope = STATUS_SCOPES[status]
    counts = {value: count([value], in_scope) for value in Category.values}
    tabs = [
        {"value": value, "label": label, "count": counts[value]}
        for value, label in Category.choices
    ]
    shown_categories = [category] if category else Category.values
    # Those the default leaves out, counted and one click away.
    apart = []
    if status == STILL_HELD:
        apart = [
            {"value": value, "label": label, "count": count(shown_categories, [value])}
            for value, label in group_labels().items()
            if value not in in_scope
        ]

    if status != EVERY_STATUS:
        records = records.filter(status__in=in_scope)
    if category:
        records = records.by_category(category)
    # By the name the public sees: initials sort as initials, not where the hidden name would.
    # The paginator takes its count from the tabs' counts: no second COUNT of every record.
    paginator = Paginator(records.order_by("public_sort_name", "pk"), PER_PAGE)
    paginator.count = counts[category] if category else sum(counts.values())
    page = paginator.get_page(request.GET.get("page"))
    # What the apps above add to a card ("needs a sponsor"), one query for the page.
    marks = panels.card_marks(page.object_list)

    return render(
        request,
        "prisoners/list.html",
        {
            "page": page,
            "results": [
                (d.public_view(), match_notes(query, d) if words else [], marks.get(d.pk, []))
                for d in page
            ],
            "tabs": tabs,
            "total": sum(counts.values()),
            "apart": apart,
            "category": category,
            "status": status,
            # In links, only a status other than the default one (the addresses stay short).
            "status_param": "" if status == (EVERY_STATUS if query else STILL_HELD) else status,
            "query": query,
            "no_letters": no_letters,
            "statuses": status_choices(),
        },
    )


def match_notes(query, detainee):
    """Why a result matched, where its name is spelt otherwise than the query: the name as
    this page shows it first. Search finds PUBLIC records only, whose names are all public."""
    return name_search.explain(query, [detainee.public_name, *detainee._names()])


def share_url(detainee):
    return absolute_url(detainee.get_absolute_url())


def share_panel_context(detainee):
    """The profile's "Share" panel (registered in PrisonersConfig.ready)."""
    return {"detainee": detainee, "share_url": share_url(detainee)}


def _profile_context(detainee):
    view = detainee.public_view()
    timeline = view.timeline
    # A released person's page tells what happened since, apart from the captivity.
    since_release = []
    if detainee.status == Status.RELEASED and detainee.released_on:
        since_release = [e for e in timeline if e.date > detainee.released_on]
        timeline = [e for e in timeline if e.date <= detainee.released_on]
    return {
        "detainee": view,
        "timeline": timeline,
        "since_release": since_release,
        "sources": view.sources,
        "fact_sources": view.fact_sources,
        "share_url": share_url(detainee),
        "share_image_url": absolute_url("prisoners:share_image", detainee.slug),
    }


def _get_public(slug):
    return get_object_or_404(Detainee.objects.for_public_pages(), slug=slug)


def detainee_detail(request, slug):
    detainee = _get_public(slug)
    # No form on the profile itself: a page without a CSRF token can be cached for everyone.
    return render(request, "prisoners/detail.html", _profile_context(detainee))


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="5/h", method="POST", block=False)
def report_correction(request, slug):
    detainee = _get_public(slug)
    if request.method == "GET":
        return render(
            request,
            "prisoners/report.html",
            # Bound when common.middleware.DatabaseBusyMiddleware shows a refused report again.
            {"detainee": detainee.public_view(), "form": CorrectionForm(request.POST or None)},
        )
    form = CorrectionForm(request.POST)
    if getattr(request, "limited", False):
        # 429 with the form as it was typed, so nothing is lost when the limit lifts.
        messages.error(
            request,
            _("You have sent several reports in a short time. Please try again in an hour."),
        )
        context = {"detainee": detainee.public_view(), "form": form}
        return ratelimited(request, template="prisoners/report.html", context=context)
    if not form.is_valid():
        context = {"detainee": detainee.public_view(), "form": form}
        return render(request, "prisoners/report.html", context, status=400)
    # A filled honeypot is a bot: thank it as if it were a person, and keep nothing.
    if not form.is_bot:
        # One short transaction: the report and its queued e-mail, or neither.
        with transaction.atomic():
            correction = form.save(commit=False)
            correction.detainee = detainee
            correction.save()
            notify_staff(correction)
    messages.success(
        request,
        _("Thank you. Your report has been sent to the team, who will check it."),
    )
    return redirect(detainee)


def notify_staff(correction):
    # Each staff member reads it in their own language, with the admin's address in it too.
    for language, addresses in mail.by_language(settings.STAFF_EMAILS):
        with translation.override(language):
            admin_url = absolute_url("admin:prisoners_correctionrequest_change", correction.pk)
        context = {"correction": correction, "admin_url": admin_url}
        mail.send(addresses, "prisoners/email/correction", context, language=language)


def share_image(request, slug):
    view = _get_public(slug).public_view()
    language = get_language()
    # Keyed on what the image shows, so a change the public sees draws a new one.
    changed = view.public_updated_at.timestamp() if view.public_updated_at else 0
    version = f"{view.slug}:{view.days_held}:{changed:.0f}"
    key = f"prisoners:share:{view.pk}:{language}:{version}"
    png = cache.get(key)
    if png is None:
        png = render_share_image(view)
        cache.set(key, png, 60 * 60 * 24)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def poster(request, slug):
    """The A4 poster of a PUBLIC record, for any supporter to print.

    LIMITED records have none: a poster is made to be put up in the street, and initials
    with dates on a wall name no one the campaign may name. None for the deceased either.
    """
    detainee = get_object_or_404(Detainee.objects.in_full().defer(*PRIVATE_FIELDS), slug=slug)
    if not detainee.may_print:
        raise Http404
    language = get_language()
    changed = detainee.public_updated_at.timestamp() if detainee.public_updated_at else 0
    key = f"prisoners:poster:{detainee.pk}:{language}:{detainee.days_held}:{changed:.0f}"
    content = cache.get(key)
    if content is None:
        content = printing.poster(detainee)
        cache.set(key, content, 60 * 60 * 24)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="libertas-{detainee.slug}-{language}.pdf"'
    response["Cache-Control"] = "public, max-age=3600"
    return response


# Open data. LIMITED records are left out of the exports altogether: a file is copied and
# cross-referenced far from our pages, and even initials with dates could identify someone.
EXPORT_FIELDS = [
    "slug",
    "name_en",
    "name_fr",
    "name_hy",
    "category",
    "status",
    "birth_year",
    "hometown",
    "captured_on",
    "capture_place",
    "last_seen_on",
    "last_seen_place",
    "detention_acknowledged",
    "charges",
    "criminal_code_articles",
    "sentence",
    "place_of_detention",
    "icrc_registered",
    "echr_application_number",
    "echr_interim_measures",
    "released_on",
    "died_on",
]


def _export_rows():
    records = Detainee.objects.for_public_pages().in_full()
    for detainee in (record.public_view() for record in records.order_by("slug")):
        row = {}
        for field in EXPORT_FIELDS:
            # Translated fields come in the page's language, with modeltranslation's fallback.
            value = getattr(detainee, field)
            row[field] = value.isoformat() if hasattr(value, "isoformat") else value
        row["days_held"] = detainee.days_held
        row["url"] = absolute_url(detainee.get_absolute_url())
        yield row


def export_json(request):
    data = {
        "title": _("Libertas: Armenian detainees held in Azerbaijan"),
        "publisher": "Libertas",
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "language": get_language(),
        "generated_on": timezone.localdate().isoformat(),
        "records": list(_export_rows()),
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["Content-Disposition"] = 'inline; filename="libertas-detainees.json"'
    return response


def export_csv(request):
    # RFC 4180: the header row first, nothing before it (CSV has no comments; a "# licence"
    # line would be read as the header). The licence is in the Link header, in the JSON
    # export's metadata and on the page that offers both files. Not streamed: the registry is
    # small, and the page cache keeps the file for every visitor.
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["Content-Disposition"] = 'attachment; filename="libertas-detainees.csv"'
    writer = SafeWriter(response)
    writer.writerow([*EXPORT_FIELDS, "days_held", "url"])
    for row in _export_rows():
        writer.writerow(["" if v is None else v for v in row.values()])
    return response
