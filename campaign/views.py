from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from campaign import calendar, services
from campaign.forms import (
    FollowForm,
    LetterForm,
    NewsFilterForm,
    SignatureForm,
    SolidarityMessageForm,
    SubscribeForm,
)
from campaign.models import (
    Country,
    DecisionMaker,
    Event,
    Follower,
    LettersOpened,
    LetterTemplate,
    NewsItem,
    Organisation,
    Page,
    Petition,
    Signature,
    SolidarityMessage,
    Subscriber,
)
from common.languages import Shown
from common.links import InvalidLink, invalid_link
from common.urls import absolute_url
from prisoners.models import (
    CampaignFigure,
    Detainee,
    Status,
    TimelineEvent,
)
from prisoners.panels import card_marks
from sponsorships.models import Sponsor, Sponsorship, without_sponsor

# Public forms: enough for a family signing from one home connection, not for a script.
FORM_RATE = "10/h"
NEWS_PER_PAGE = 10


# Faces on the home page: two rows of four on a desktop.
HOME_FACES = 8
HOME_NEWS = 3
HOME_LOGOS = 12


def home(request):
    """The campaign's front page: its own figures, faces, what to do, and what is going on.

    A fixed number of queries whatever the size of the registry (see test_home).
    """
    figures = CampaignFigure.objects.select_related("source")
    # The faces staff feature, then (to fill the rows) others still held; through the one
    # public rule: HIDDEN never, LIMITED as initials without a photo (public_view()).
    still_held = [Status.HELD, Status.UNKNOWN]
    records = list(
        Detainee.objects.for_public_pages()
        .filter(Q(featured=True) | Q(status__in=still_held))
        .order_by("-featured", "public_sort_name", "pk")[:HOME_FACES]
    )
    # Marks other apps put on a card ("needs a sponsor"): one query for the faces shown.
    marks = card_marks(records)
    faces = [{"detainee": d.public_view(), "marks": marks.get(d.pk, [])} for d in records]
    petition = Petition.objects.active().first()
    progress = 0
    if petition:
        progress = min(100, round(100 * petition.confirmed_count / max(petition.goal, 1)))
    logos = list(
        Sponsor.objects.filter(
            pk__in=Sponsorship.objects.public().values("sponsor"), public_consent=True
        )
        .exclude(logo="")
        .order_by("name", "pk")[:HOME_LOGOS]
    )
    # Who can be helped now, in short (the faces above carry "needs a sponsor"): one query.
    next_hearing = (
        TimelineEvent.objects.upcoming_hearings(timezone.localdate(), HELP_NOW_DAYS)
        .select_related("detainee")
        .first()
    )
    return render(
        request,
        "campaign/home.html",
        {
            "next_hearing": next_hearing,
            "next_hearing_person": next_hearing.detainee.public_view() if next_hearing else None,
            "figures": figures,
            "faces": faces,
            "petition": petition,
            "progress": progress,
            "next_event": Event.objects.upcoming().first(),
            "news": list(NewsItem.objects.published()[:HOME_NEWS]),
            "logos": logos,
        },
    )


# Who you can help now: each list leads to the one action that helps that person most.
HELP_NOW_DAYS = 30
HELP_NOW_SHOWN = 8


def help_now(request):
    today = timezone.localdate()
    public = Detainee.objects.for_public_pages().still_held()
    waiting = without_sponsor(public).order_by(
        Coalesce("captured_on", "last_seen_on").asc(nulls_last=True), "public_sort_name", "pk"
    )
    waiting_count = waiting.count()
    hearings = TimelineEvent.objects.upcoming_hearings(today, HELP_NOW_DAYS).select_related(
        "detainee"
    )
    birthdays = public.birthdays_within(today, HELP_NOW_DAYS)
    quiet = public.longest_without_news()[:HELP_NOW_SHOWN]
    return render(
        request,
        "campaign/help_now.html",
        {
            "days": HELP_NOW_DAYS,
            "waiting": [d.public_view() for d in waiting[:HELP_NOW_SHOWN]],
            "waiting_more": max(waiting_count - HELP_NOW_SHOWN, 0),
            "hearings": [(e.date, e.detainee.public_view()) for e in hearings],
            "birthdays": [(day, d.public_view()) for day, d in birthdays[:HELP_NOW_SHOWN]],
            "quiet": [(d.last_news, d.public_view()) for d in quiet],
        },
    )


def page(request, slug):
    content = get_object_or_404(Page, slug=slug)
    context = {"page": content}
    if slug == Page.Slug.ABOUT or slug == Page.Slug.CONTACT:
        context["organisations"] = Organisation.objects.all()
    return render(request, "campaign/page.html", context)


def public_detainees():
    return Prefetch(
        "detainees",
        # PUBLIC only: a news item or event written about a limited record would name it.
        queryset=Detainee.objects.in_full().order_by("public_sort_name", "pk"),
        to_attr="public_detainees",
    )


# News


def news(request):
    filter_form = NewsFilterForm(request.GET or None)
    items = NewsItem.objects.published()
    kind = ""
    if filter_form.is_valid() and filter_form.cleaned_data["kind"]:
        kind = filter_form.cleaned_data["kind"]
        items = items.filter(kind=kind)
    paginator = Paginator(items, NEWS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "campaign/news_list.html",
        {"page_obj": page_obj, "filter_form": filter_form, "kind": kind},
    )


def news_detail(request, slug):
    item = get_object_or_404(
        NewsItem.objects.published().prefetch_related(public_detainees()), slug=slug
    )
    return render(request, "campaign/news_detail.html", {"item": item})


# Events


def events(request):
    return render(
        request,
        "campaign/events.html",
        {
            "upcoming": list(Event.objects.upcoming()),
            "past": list(Event.objects.past()[:20]),
        },
    )


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.published().prefetch_related(public_detainees()), slug=slug
    )
    return render(request, "campaign/event_detail.html", {"event": event})


def ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return ics_response(calendar.build([event]), f"{event.slug}.ics")


# Hearings
HEARINGS_PAST_SHOWN = 20


def public_hearing(event):
    """(the person's public view, the hearing as the public sees it)."""
    detainee = event.detainee.public_view()
    return detainee, detainee.event(event)


def hearings(request):
    today = timezone.localdate()
    found = TimelineEvent.objects.hearings().select_related("detainee")
    upcoming = found.filter(date__gte=today).order_by("date", "pk")
    past = found.filter(date__lt=today).order_by("-date", "-pk")[:HEARINGS_PAST_SHOWN]
    return render(
        request,
        "campaign/hearings.html",
        {
            "upcoming": [public_hearing(e) for e in upcoming],
            "past": [public_hearing(e) for e in past],
        },
    )


def hearings_calendar(request):
    today = timezone.localdate()
    found = TimelineEvent.objects.hearings().filter(date__gte=today).select_related("detainee")
    content = calendar.build_hearings(found.order_by("date", "pk"), _("Libertas: hearings"))
    return ics_response(content, "libertas-hearings.ics")


def detainee_hearings_calendar(request, slug):
    detainee = get_object_or_404(Detainee.objects.public(), slug=slug)
    found = TimelineEvent.objects.hearings().filter(detainee=detainee).select_related("detainee")
    name = _("Hearings: %(name)s") % {"name": detainee.public_name}
    return ics_response(
        calendar.build_hearings(found.order_by("date", "pk"), name), f"hearings-{slug}.ics"
    )


def events_calendar(request):
    return ics_response(calendar.build(Event.objects.upcoming()), "libertas-events.ics")


# Petition


@ratelimit(key="ip", rate=FORM_RATE, method="POST", block=True)
def petition(request):
    # The count is the petition's own counter: reading it costs nothing however many signed.
    current = Petition.objects.active().first()
    form = SignatureForm(request.POST or None)
    if current and request.method == "POST" and form.is_valid():
        if not form.is_bot:
            data = form.cleaned_data
            # One short transaction: the signature and its queued e-mail, or neither.
            with transaction.atomic():
                signature = Signature.objects.sign(
                    current,
                    data["email"],
                    name=data["name"],
                    country=data["country"],
                    comment=data["comment"],
                    language=get_language(),
                )
                if not signature.is_confirmed:
                    services.send_signature_confirmation(signature)
        return redirect("campaign:petition_sent")
    context = {"petition": current, "form": form}
    if current:
        context["progress"] = min(100, round(100 * current.confirmed_count / max(current.goal, 1)))
    return render(request, "campaign/petition.html", context)


# The petition page is cached until its content changes, not at each signature: the page's
# script reads the counter here, cached PETITION_COUNT_SECONDS by the page cache, so a
# confirmed signature shows within that delay and costs no page rebuild.
PETITION_COUNT_SECONDS = 5


@cache_control(max_age=PETITION_COUNT_SECONDS)
def petition_count(request):
    current = Petition.objects.active().first()
    if current is None:
        raise Http404
    count = current.confirmed_count
    sentence = ngettext(
        "confirmed signature out of a goal of %(goal)s",
        "confirmed signatures out of a goal of %(goal)s",
        count,
    ) % {"goal": intcomma(current.goal)}
    progress = min(100, round(100 * count / max(current.goal, 1)))
    return JsonResponse(
        {"count": intcomma(count), "sentence": sentence, "progress": progress, "value": count}
    )


def petition_sent(request):
    return render(request, "campaign/petition_sent.html")


# A mail scanner fetches every link in an e-mail: opening the link only shows a button,
# and only the POST of that button (with its CSRF token) confirms. Never cached: the page
# holds the visitor's CSRF token.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def petition_confirm(request, token):
    try:
        pk, email = services.read_token(
            services.SIGNATURE_SALT, token, max_age=services.CONFIRMATION_MAX_AGE
        )
    except InvalidLink as error:
        return invalid_link(request, error.reason)
    signature = Signature.objects.filter(pk=pk, email=email).select_related("petition").first()
    if signature is None:
        return invalid_link(request, "expired")
    already = signature.is_confirmed
    if request.method != "POST" and not already:
        return render(request, "campaign/petition_confirm.html", {"signature": signature})
    if not already:
        signature.confirm()
    return render(
        request,
        "campaign/petition_confirmed.html",
        {"signature": signature, "already": already},
    )


# Take action


# The country suggested before the visitor picks one: where most readers of each language live.
COUNTRY_OF_LANGUAGE = {"fr": Country.FR, "hy": Country.AM, "en": Country.GB}


def letter_context(request):
    """Everything the take-action page and the printable letter show, from the query string.

    Three queries whatever the numbers: the country's letters, its decision makers, and the
    people held whom the public may see (named by the public rule: initials for LIMITED).
    """
    data = request.GET.copy()
    if not data.get("country"):
        data["country"] = COUNTRY_OF_LANGUAGE.get(get_language(), Country.GB)
    country = data["country"] if data["country"] in Country.values else None
    decision_makers = list(DecisionMaker.objects.active().filter(country=country or ""))
    held = list(Detainee.objects.public().still_held().order_by("public_sort_name", "pk"))
    form = LetterForm(data, decision_makers=decision_makers, detainees=held)
    context = {"form": form, "decision_makers": decision_makers}
    if not form.is_valid():
        return context
    country = form.cleaned_data["country"]
    context["chosen_country"] = dict(form.fields["country"].choices)[country]
    decision_maker = next(
        (dm for dm in decision_makers if dm.pk == form.cleaned_data["to"]),
        decision_makers[0] if decision_makers else None,
    )
    kind = decision_maker.kind if decision_maker else ""
    letter = LetterTemplate.objects.for_country(country, get_language(), kind)
    if not letter:
        return context
    chosen = form.cleaned_data["detainee"]
    # Everything in the letter is in its language, the names in its script too: an
    # Armenian letter names people in Armenian letters, an English one in Latin ones.
    with translation.override(letter.language):
        sender = form.cleaned_data["name"] or _("[Your name]")
        if chosen:
            # One person the visitor chose: initials if their record is limited.
            named = [d for d in held if d.slug == chosen]
        else:
            # The whole group: only records shown in full, as in every list a letter carries.
            named = [d for d in held if not d.is_limited]
        detainees = "\n".join(f"- {d.public_name}" for d in named)
        recipient = letter.recipient(decision_maker)
        today = date_format(timezone.localdate(), "DATE_FORMAT")
        # The printed letter's own words, in its language: the sender fills these in.
        printed = {
            "sender": form.cleaned_data["name"] or _("[Your name]"),
            "sender_address": _("[Your postal address]"),
            "subject": pgettext("letter", "Subject:"),
        }
    body = letter.render(sender, detainees)
    # A letter in another language than the page's (none written in it yet) says so.
    shown_in = None if letter.language == get_language() else letter.language
    context["letter_text"] = Shown(body, shown_in)
    context.update(
        letter=letter,
        body=body,
        recipient=recipient,
        decision_maker=decision_maker,
        sender=form.cleaned_data["name"],
        today=today,
        printed=printed,
        mailto=letter.mailto(body, recipient["email"]),
        opened=LettersOpened.for_country(country),
        query=request.GET.urlencode(),
    )
    return context


def take_action(request):
    return render(request, "campaign/take_action.html", letter_context(request))


def take_action_letter(request):
    """The letter on a page of its own, laid out to be printed and posted."""
    context = letter_context(request)
    if "letter" not in context:
        return redirect(f"{reverse('campaign:take_action')}?{request.GET.urlencode()}")
    return render(request, "campaign/take_action_letter.html", context)


# The counter of letters opened. A press on "open in my e-mail program" or "print" POSTs here
# (static/js/campaign.js, with sendBeacon): the country and decision maker, nothing of the
# visitor. No CSRF token: a beacon from a cached page has none, and a forged press can only add
# one to a public number, at most LETTER_PRESS_RATE times an hour from one address (then
# common.views.ratelimited answers 429, and nothing is counted). A GET reads
# the country's number for the page, which stays cached: a few seconds old at most.
LETTER_PRESS_RATE = "30/h"


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=LETTER_PRESS_RATE, method="POST", block=True)
def letters_opened(request):
    default = COUNTRY_OF_LANGUAGE.get(get_language(), Country.GB)
    country = request.POST.get("country", "") if request.method == "POST" else default
    country = request.GET.get("country", country)
    if country not in Country.values:
        return HttpResponse(status=400)
    if request.method != "POST":
        count = LettersOpened.for_country(country)
        response = JsonResponse(
            {"count": intcomma(count), "sentence": letters_opened_sentence(count)}
        )
        patch_cache_control(response, max_age=PETITION_COUNT_SECONDS)
        return response
    to = request.POST.get("to", "")
    chosen = None
    if to.isdigit():
        chosen = DecisionMaker.objects.active().filter(country=country, pk=to).first()
    LettersOpened.press(country, chosen)
    response = HttpResponse(status=204)
    add_never_cache_headers(response)
    return response


def letters_opened_sentence(count):
    return ngettext(
        "%(count)s letter opened from this country",
        "%(count)s letters opened from this country",
        count,
    ) % {"count": intcomma(count)}


# Follow a detainee


@ratelimit(key="ip", rate=FORM_RATE, method="POST", block=True)
@require_http_methods(["GET", "POST"])
def follow(request, slug):
    detainee = get_object_or_404(Detainee.objects.public(), slug=slug)
    form = FollowForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot:
            # One short transaction: the follow and its queued e-mail, or neither.
            with transaction.atomic():
                email = form.cleaned_data["email"]
                follower = Follower.objects.follow(detainee, email, get_language())
                if not follower.confirmed_at:
                    services.send_follow_confirmation(follower)
        return redirect("campaign:follow_sent", slug=detainee.slug)
    return render(
        request,
        "campaign/follow.html",
        {"detainee": detainee, "form": form, "profile_url": detainee.get_absolute_url()},
    )


def follow_sent(request, slug):
    detainee = get_object_or_404(Detainee.objects.public(), slug=slug)
    return render(
        request,
        "campaign/follow_sent.html",
        {"detainee": detainee, "profile_url": detainee.get_absolute_url()},
    )


# Like petition_confirm: the link shows a button, and only its POST confirms.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def follow_confirm(request, token):
    try:
        pk, email = services.read_token(
            services.FOLLOW_SALT, token, max_age=services.CONFIRMATION_MAX_AGE
        )
    except InvalidLink as error:
        return invalid_link(request, error.reason)
    follower = (
        Follower.objects.filter(pk=pk, email=email)
        .filter(detainee__in=Detainee.objects.public())
        .select_related("detainee")
        .first()
    )
    if follower is None:
        return invalid_link(request, "expired")
    already = follower.confirmed_at is not None
    if request.method != "POST" and not already:
        return render(
            request,
            "campaign/follow_confirm.html",
            {"detainee": follower.detainee, "profile_url": follower.detainee.get_absolute_url()},
        )
    if not already:
        follower.confirmed_at = timezone.now()
        follower.save(update_fields=["confirmed_at"])
    return render(
        request,
        "campaign/follow_confirmed.html",
        {
            "detainee": follower.detainee,
            "already": already,
            "profile_url": follower.detainee.get_absolute_url(),
        },
    )


# Messages of solidarity


@ratelimit(key="ip", rate=FORM_RATE, method="POST", block=True)
@require_http_methods(["GET", "HEAD", "POST"])
def message(request, slug):
    # HIDDEN: 404. LIMITED: the page shows what the public view shows (initials, no photo).
    detainee = get_object_or_404(Detainee.objects.for_public_pages(), slug=slug)
    form = SolidarityMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot:
            data = form.cleaned_data
            # One short transaction: the message and its queued e-mail, or neither.
            with transaction.atomic():
                written = SolidarityMessage.objects.write(
                    detainee,
                    data["email"],
                    text=data["text"],
                    language=data["language"],
                    first_name=data["first_name"],
                    city=data["city"],
                    consent_public=data["consent_public"],
                )
                services.send_message_confirmation(written, get_language())
        return redirect("campaign:message_sent", slug=detainee.slug)
    return render(
        request,
        "campaign/message.html",
        {"detainee": detainee.public_view(), "form": form},
    )


def message_sent(request, slug):
    detainee = get_object_or_404(Detainee.objects.for_public_pages(), slug=slug)
    return render(request, "campaign/message_sent.html", {"detainee": detainee.public_view()})


# Like petition_confirm: the link shows a button, and only its POST confirms.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def message_confirm(request, token):
    try:
        pk, email = services.read_token(
            services.MESSAGE_SALT, token, max_age=services.CONFIRMATION_MAX_AGE
        )
    except InvalidLink as error:
        return invalid_link(request, error.reason)
    written = (
        SolidarityMessage.objects.filter(pk=pk, email=email)
        .filter(detainee__in=Detainee.objects.public())
        .select_related("detainee")
        .first()
    )
    if written is None:
        return invalid_link(request, "expired")
    already = written.status != SolidarityMessage.Status.PENDING_CONFIRMATION
    context = {"detainee": written.detainee.public_view(), "already": already}
    if request.method != "POST" and not already:
        return render(request, "campaign/message_confirm.html", context)
    if not already:
        written.confirm()
    return render(request, "campaign/message_confirmed.html", context)


# Mail clients POST here without a CSRF token (RFC 8058 one-click); the signed token
# is the proof. A GET only shows a button, so link scanners unsubscribe nobody.
# A forged POST can do no harm: it needs a token we signed, and it only removes a follow.
@csrf_exempt
@ratelimit(key="ip", rate="30/h", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        pk, email = services.read_token(services.UNSUBSCRIBE_SALT, token)
    except InvalidLink:
        return invalid_link(request)
    if request.method == "POST":
        Follower.objects.filter(pk=pk, email=email).delete()
        return render(request, "campaign/unsubscribed.html")
    return render(request, "campaign/unsubscribe.html", {"email": email})


# Campaign news by e-mail


@ratelimit(key="ip", rate=FORM_RATE, method="POST", block=True)
@require_http_methods(["GET", "HEAD", "POST"])
def newsletter(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot:
            # One short transaction: the subscription and its queued e-mail, or neither.
            with transaction.atomic():
                subscriber = Subscriber.objects.subscribe(
                    form.cleaned_data["email"], get_language()
                )
                if not subscriber.confirmed_at:
                    services.send_subscription_confirmation(subscriber)
        # The same answer whether the address was new, waiting or subscribed already.
        return redirect("campaign:newsletter_sent")
    return render(request, "campaign/newsletter.html", {"form": form})


def newsletter_sent(request):
    return render(request, "campaign/newsletter_sent.html")


# Like petition_confirm: the link shows a button, and only its POST confirms.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def newsletter_confirm(request, token):
    try:
        pk, email = services.read_token(
            services.NEWSLETTER_SALT, token, max_age=services.CONFIRMATION_MAX_AGE
        )
    except InvalidLink as error:
        return invalid_link(request, error.reason)
    subscriber = Subscriber.objects.filter(pk=pk, email=email).first()
    if subscriber is None:
        return invalid_link(request, "expired")
    already = subscriber.confirmed_at is not None
    if request.method != "POST" and not already:
        return render(request, "campaign/newsletter_confirm.html")
    if not already:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return render(request, "campaign/newsletter_confirmed.html", {"already": already})


# As `unsubscribe`: one-click POST from mail clients (RFC 8058), a button for a GET.
@csrf_exempt
@ratelimit(key="ip", rate="30/h", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def newsletter_unsubscribe(request, token):
    try:
        pk, email = services.read_token(services.NEWSLETTER_UNSUBSCRIBE_SALT, token)
    except InvalidLink:
        return invalid_link(request)
    if request.method == "POST":
        Subscriber.objects.filter(pk=pk, email=email).delete()
        return render(request, "campaign/newsletter_unsubscribed.html")
    return render(request, "campaign/newsletter_unsubscribe.html", {"email": email})


def robots_txt(request):
    languages = [code for code, _name in settings.LANGUAGES]
    lines = ["User-agent: *"]
    for prefix in ["", *(f"/{code}" for code in languages)]:
        lines += [f"Disallow: {prefix}/admin/", f"Disallow: {prefix}/accounts/"]
    lines.append(f"Sitemap: {absolute_url('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
