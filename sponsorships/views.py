from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from common.links import InvalidLink, invalid_link
from common.storage import private_file_response
from prisoners import printing
from prisoners.models import PRIVATE_FIELDS, Detainee, Status, TimelineEvent
from sponsorships import geo, pdf, services
from sponsorships.forms import (
    WHOLE_GROUP,
    ActionFilterForm,
    SignupForm,
    SponsorActionForm,
    SponsorDetailsForm,
)
from sponsorships.models import (
    Commitment,
    Sponsor,
    SponsorAction,
    SponsorProposal,
    Sponsorship,
    profile_url,
)

SIGNUP_RATE = "10/h"
# People the sign-up page offers at a time; the search finds anyone else.
PICKER_SIZE = 12


def commitment_groups(commitments, selected=()):
    """Commitments grouped Communicate / Plead / Support, in that order."""
    order = {value: i for i, value in enumerate(Commitment.Group.values)}
    ordered = sorted(commitments, key=lambda c: (order[c.group], c.order, c.pk))
    return [
        {
            "label": Commitment.Group(group).label,
            "items": [{"commitment": c, "checked": str(c.pk) in selected} for c in items],
        }
        for group, items in groupby(ordered, key=lambda c: c.group)
    ]


def signup_candidates():
    """Detainees a sponsor may choose: every public one still held."""
    return Detainee.objects.public().exclude(status__in=[Status.RELEASED, Status.DECEASED])


def picker(query="", chosen=""):
    """The few detainees the sign-up page offers: search results, or those with no sponsor.

    Never the whole registry (the page once listed every person: 1.5 s and 127 KB at 10,000).
    Without a search, PICKER_SIZE people with no sponsor yet, by name, then sponsored ones if
    too few; with one, the matches, those with no sponsor first. `chosen` (an id: a sent
    form's choice) comes first whatever the search.
    """
    active = Sponsorship.objects.filter(detainee=OuterRef("pk"), status=Sponsorship.Status.ACTIVE)
    records = signup_candidates().annotate(sponsored=Exists(active)).defer(*PRIVATE_FIELDS)
    if query:
        found = list(
            records.search(query).order_by("sponsored", "public_sort_name", "pk")[:PICKER_SIZE]
        )
    else:
        # Two short index walks, each stopping at PICKER_SIZE rows, rather than a sort of all.
        by_name = records.order_by("public_sort_name", "pk")
        found = list(by_name.filter(sponsored=False)[:PICKER_SIZE])
        if len(found) < PICKER_SIZE:
            found += list(by_name.filter(sponsored=True)[: PICKER_SIZE - len(found)])
    if str(chosen).isdigit():
        first = records.filter(pk=chosen).first()
        if first is not None:
            found = [first] + [d for d in found if d.pk != first.pk]
    public = Sponsorship.objects.public().select_related("sponsor")
    prefetch_related_objects(
        found, Prefetch("sponsorships", queryset=public, to_attr="public_sponsorships")
    )
    return found


@ratelimit(key="ip", rate=SIGNUP_RATE, method="POST", block=True)
@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignupForm(request.POST or None, request.FILES or None, candidates=signup_candidates())
    if request.method == "POST":
        if form.is_bot:
            # Answer as if it worked: a robot learns nothing, and nothing is stored.
            return render(request, "sponsorships/signup_sent.html", {"email": ""})
        if form.is_valid():
            with transaction.atomic():
                sponsorship = form.save(language=get_language())
            services.send_confirmation(sponsorship)
            return render(
                request, "sponsorships/signup_sent.html", {"email": sponsorship.sponsor.email}
            )
    commitments = list(form.fields["commitments"].queryset)
    selected_target = form["target"].value() or ""
    query = request.GET.get("q", "").strip()[:100]
    # A sent form's choice, or a profile's "sponsor this person" link (?target=): shown first.
    chosen = selected_target if request.method == "POST" else request.GET.get("target", "")
    if request.method == "GET" and chosen.isdigit():
        selected_target = chosen
    options = [
        {
            "detainee": d,
            "value": str(d.pk),
            "checked": selected_target == str(d.pk),
            # The public copy: the original upload has no public address.
            "photo": d.photo_card if d.public_photo else None,
            "sponsors": [s.sponsor for s in d.public_sponsorships],
            "sponsored": d.sponsored,
        }
        for d in picker(query, chosen)
    ]
    return render(
        request,
        "sponsorships/signup.html",
        {
            "form": form,
            "options": options,
            "whole_group": WHOLE_GROUP,
            "query": query,
            "whole_group_checked": selected_target == WHOLE_GROUP,
            "commitment_groups": commitment_groups(
                commitments, {str(v) for v in form["commitments"].value() or []}
            ),
        },
    )


# The token is signed, so guessing is hopeless; the limit keeps a flood off the database.
@ratelimit(key="ip", rate="30/h", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        if request.method == "POST":
            sponsor = services.confirm_email(token)
            return render(request, "sponsorships/confirmed.html", {"sponsor": sponsor})
        sponsor = services.sponsor_for_token(token)
    except InvalidLink as error:
        return link_refused(request, error.reason)
    return render(request, "sponsorships/confirm.html", {"sponsor": sponsor})


def link_refused(request, reason):
    if reason == "used":
        message = _(
            "This address has already been confirmed: the link works only once. "
            "Your request is with the campaign team."
        )
    elif reason == "expired":
        message = _("This link has expired. Please fill in the sponsorship form again.")
    else:
        message = _(
            "This link is not valid. Please check that you copied it completely from the e-mail."
        )
    return invalid_link(
        request,
        reason,
        message=message,
        next_url=reverse("sponsorships:signup"),
        next_label=_("Back to the sponsorship form"),
    )


def action_counts():
    """{sponsor pk: number of published actions}, in one query."""
    return dict(
        SponsorAction.objects.public()
        .values_list("sponsorship__sponsor")
        .annotate(n=Count("pk"))
        .order_by()
    )


def sponsor_map(request):
    """The cities and organisations that sponsor, on a map drawn from bundled data, with the
    same places as a list beside it (the list is what a screen reader and a phone rely on)."""
    sponsorships = (
        Sponsorship.objects.public()
        .filter(
            sponsor__kind__in=Sponsor.MAPPED_KINDS,
            sponsor__latitude__isnull=False,
            sponsor__longitude__isnull=False,
        )
        .select_related("sponsor", "detainee")
        .order_by("sponsor__country", "sponsor__city", "sponsor__name", "sponsor__pk")
    )
    places = {}
    for sponsorship in sponsorships:
        sponsor = sponsorship.sponsor
        key = (round(sponsor.latitude, 2), round(sponsor.longitude, 2))
        place = places.setdefault(
            key, {"anchor": f"place-{len(places) + 1}", "sponsors": {}, "city": sponsor.place}
        )
        entry = place["sponsors"].setdefault(sponsor.pk, {"sponsor": sponsor, "detainees": []})
        if not sponsorship.is_whole_group:
            detainee = sponsorship.detainee
            entry["detainees"].append({"detainee": detainee, "url": profile_url(detainee)})
    counts = action_counts()
    for place in places.values():
        for entry in place["sponsors"].values():
            entry["actions"] = counts.get(entry["sponsor"].pk, 0)
    drawing = geo.draw(
        [(lat, lon, place["city"], place["anchor"]) for (lat, lon), place in places.items()]
    )
    return render(
        request,
        "sponsorships/map.html",
        {
            "drawing": drawing,
            "places": [
                {**place, "sponsors": list(place["sponsors"].values())} for place in places.values()
            ],
        },
    )


def wall(request):
    sponsorships = (
        Sponsorship.objects.public()
        .select_related("sponsor", "detainee")
        .order_by("sponsor__name", "sponsor__pk", "detainee__public_sort_name")
    )
    by_sponsor = {}
    group_sponsors = {}
    for sponsorship in sponsorships:
        sponsor = sponsorship.sponsor
        if sponsorship.is_whole_group:
            group_sponsors.setdefault(sponsor.pk, sponsor)
            continue
        entry = by_sponsor.setdefault(sponsor.pk, {"sponsor": sponsor, "detainees": []})
        detainee = sponsorship.detainee
        entry["detainees"].append({"detainee": detainee, "url": profile_url(detainee)})
    kinds = [
        {
            "kind": kind,
            "label": label,
            "entries": [e for e in by_sponsor.values() if e["sponsor"].kind == kind],
        }
        for kind, label in Sponsor.Kind.choices
    ]
    counts = action_counts()
    for entry in by_sponsor.values():
        entry["actions"] = counts.get(entry["sponsor"].pk, 0)
    return render(
        request,
        "sponsorships/wall.html",
        {
            "kinds": [k for k in kinds if k["entries"]],
            "group_sponsors": list(group_sponsors.values()),
        },
    )


# The portal of signed-in sponsors. Every query starts from the user's own sponsors,
# so another sponsor's records answer 404.


def own_sponsorships(user):
    return Sponsorship.objects.owned_by(user).select_related("sponsor", "detainee")


def own_sponsors(user):
    """The sponsors this account speaks for (approval links the account, services.account_for)."""
    return Sponsor.objects.owned_by(user)


def is_sponsor(user):
    return own_sponsors(user).exists()


def portal_landing(user):
    """Where a sponsor lands after signing in (common.accounts.register_landing)."""
    return reverse("sponsorships:portal") if is_sponsor(user) else ""


def portal(request):
    if not request.user.is_authenticated:
        # A page rather than a bare redirect: it tells a sponsor where their password comes from.
        return render(request, "sponsorships/portal_sign_in.html")
    sponsorships = own_sponsorships(request.user).prefetch_related("commitments")
    sponsors = own_sponsors(request.user).select_related("details_proposal")
    return render(
        request, "sponsorships/portal.html", {"sponsorships": sponsorships, "sponsors": sponsors}
    )


@login_required
@require_http_methods(["GET", "POST"])
def portal_details(request, pk):
    """A sponsor proposes new public details; they stay private until staff approve them."""
    sponsor = get_object_or_404(own_sponsors(request.user), pk=pk)
    pending = SponsorProposal.objects.filter(sponsor=sponsor).first()
    language = get_language()
    if pending is None:
        proposal = SponsorProposal(sponsor=sponsor)
        initial = {
            "name": getattr(sponsor, f"name_{language}") or sponsor.name,
            "website": sponsor.website,
        }
    else:
        proposal, initial = pending, {}
    old_logo = proposal.logo.name if pending else ""
    form = SponsorDetailsForm(
        request.POST or None, request.FILES or None, instance=proposal, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            proposal = form.save(commit=False)
            proposal.language = language
            proposal.proposed_by = request.user
            proposal.created_at = timezone.now()
            proposal.save()
        if old_logo and proposal.logo.name != old_logo:
            # The logo of the proposal it replaces: nobody will review it any more.
            proposal.logo.storage.delete(old_logo)
        messages.success(
            request,
            _(
                "Thank you. The campaign team checks your new details before they appear "
                "on the site."
            ),
        )
        return redirect("sponsorships:portal")
    return render(
        request,
        "sponsorships/portal_details.html",
        {"sponsor": sponsor, "form": form, "pending": pending},
    )


def pledges_and_deeds(sponsorship):
    """The commitments grouped as at sign-up, each with the actions recorded for it (those
    staff did not turn down): the portal shows each pledge next to what has been done."""
    groups = commitment_groups(sponsorship.commitments.all())
    recorded = [a for a in sponsorship.actions.all() if a.status != SponsorAction.Status.REJECTED]
    for group in groups:
        for item in group["items"]:
            code = item["commitment"].code
            item["actions"] = [a for a in recorded if code in a.commitment_codes()]
    return groups


@login_required
def portal_detail(request, pk):
    sponsorship = get_object_or_404(
        own_sponsorships(request.user).prefetch_related("commitments", "actions"), pk=pk
    )
    detainee = sponsorship.detainee if sponsorship.detainee_is_public else None
    timeline = []
    if detainee is not None and not detainee.is_limited:
        events = TimelineEvent.objects.filter(detainee=detainee).order_by("-date", "-pk")[:5]
        timeline = [detainee.public_view().event(e) for e in events]
    return render(
        request,
        "sponsorships/portal_detail.html",
        {
            "sponsorship": sponsorship,
            "detainee": detainee,
            "profile_url": profile_url(detainee) if detainee else "",
            "timeline": timeline,
            "commitment_groups": pledges_and_deeds(sponsorship),
            "actions": list(sponsorship.actions.all()),
            "may_record": sponsorship.status == Sponsorship.Status.ACTIVE,
            "formats": pdf.FORMATS,
            "languages": settings.LANGUAGES,
            "can_print": sponsorship.status == Sponsorship.Status.ACTIVE
            and (sponsorship.is_whole_group or (detainee is not None and detainee.may_print)),
            # Told to the sponsor before they pay a print shop for a blurred face.
            "photo_too_small": printing.photo_too_small(detainee) if detainee else {},
            "print_dpi": printing.PRINT_DPI,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_action(request, pk):
    """A sponsor records what they did; it waits for the campaign's review."""
    sponsorship = get_object_or_404(
        own_sponsorships(request.user).filter(status=Sponsorship.Status.ACTIVE), pk=pk
    )
    form = SponsorActionForm(
        request.POST or None, request.FILES or None, initial={"language": get_language()}
    )
    if request.method == "POST" and form.is_valid():
        action = form.save(commit=False)
        action.sponsorship = sponsorship
        action.save()
        messages.success(
            request,
            _(
                "Thank you. The campaign will read it, then publish it on the profile and the "
                "register."
            ),
        )
        return redirect("sponsorships:portal_detail", pk=sponsorship.pk)
    return render(
        request, "sponsorships/record_action.html", {"sponsorship": sponsorship, "form": form}
    )


ACTIONS_PER_PAGE = 20


def actions(request):
    """The public register of what sponsors did, filterable by kind, country and detainee."""
    form = ActionFilterForm(request.GET or None)
    found = SponsorAction.objects.public().select_related(
        "sponsorship__sponsor", "sponsorship__detainee"
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            found = found.filter(kind=data["kind"])
        if data["country"]:
            found = found.filter(sponsorship__sponsor__country=data["country"])
        if data["detainee"]:
            found = found.filter(sponsorship__detainee=data["detainee"])
    page = Paginator(found, ACTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "sponsorships/actions.html",
        {"form": form, "page_obj": page, "entries": [action.public_entry() for action in page]},
    )


@login_required
def agreement(request, pk):
    sponsorship = get_object_or_404(own_sponsorships(request.user), pk=pk)
    return agreement_file(sponsorship)


def agreement_file(sponsorship):
    """The signed agreement as a download, for whoever the calling view has let through."""
    if not sponsorship.agreement:
        raise Http404
    return private_file_response(
        sponsorship.agreement,
        f"libertas-agreement-{sponsorship.pk}.pdf",
        content_type="application/pdf",
    )


@login_required
def banner(request, pk, size):
    sponsorship = get_object_or_404(
        own_sponsorships(request.user).select_related("sponsor", "detainee"),
        pk=pk,
        status=Sponsorship.Status.ACTIVE,
    )
    if size not in pdf.FORMATS:
        raise Http404
    # The print shop's variant: 3 mm bleed and crop marks, for the formats that have one.
    bleed = request.GET.get("print") == "1"
    if bleed and not pdf.FORMATS[size].print_variant:
        raise Http404
    if not sponsorship.is_whole_group and not sponsorship.detainee_is_public:
        raise Http404
    language = request.GET.get("lang", get_language())
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        if sponsorship.is_whole_group:
            content = pdf.group_banner(size, sponsorship.sponsor, bleed)
            name = "all"
        else:
            content = pdf.detainee_banner(sponsorship.detainee, size, sponsorship.sponsor, bleed)
            name = f"detainee-{sponsorship.detainee.pk}"
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type="application/pdf")
    variant = "-print" if bleed else ""
    response["Content-Disposition"] = (
        f'attachment; filename="libertas-{size}{variant}-{name}-{language}.pdf"'
    )
    return response
