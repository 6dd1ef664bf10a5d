"""The sponsorship workflow: it spans sponsors, sponsorships, user accounts and e-mail."""

from datetime import timedelta

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common import mail, trail
from common.forms import mail_name
from common.links import InvalidLink, make_token, read_token
from common.mail import claim_confirmation_mail
from common.timezones import city_name
from common.urls import absolute_url
from prisoners.panels import CardMark
from sponsorships.models import Sponsor, Sponsorship

CONFIRM_SALT = "sponsorships.confirm-email"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60


def send(template, to, language, context, reply_to=None):
    """E-mail sponsorships/email/<template>_subject.txt and _body.txt in one language."""
    mail.send(to, f"sponsorships/email/{template}", context, language=language, reply_to=reply_to)


def notify_sponsor(sponsorship, template, **extra):
    """E-mail the sponsor about their sponsorship, naming the detainee as the public may see
    them (initials for a LIMITED record). A reply reaches the campaign team, not no-reply@."""
    sponsor = sponsorship.sponsor
    detainee = sponsorship.detainee
    context = {
        "sponsor": sponsor,
        "sponsorship": sponsorship,
        # Evaluated as the e-mail renders, so in the sponsor's language (hy names are Armenian).
        "detainee_name": lazy(lambda: detainee.public_name, str)() if detainee else "",
        "reply_to": settings.CONTACT_EMAIL,
        **extra,
    }
    with translation.override(sponsor.language):
        context.setdefault("portal_url", absolute_url("sponsorships:portal"))
    send(template, [sponsor.email], sponsor.language, context, reply_to=[settings.CONTACT_EMAIL])


# Sign-up and confirmation


def confirmation_token(sponsor):
    return make_token(CONFIRM_SALT, {"sponsor": sponsor.pk, "email": sponsor.email})


def send_confirmation(sponsorship):
    """E-mail the confirmation link, unless this address had one in the period.

    Each sign-up is a new sponsor row, so the period counts per address, not per row. The
    e-mail repeats nothing the visitor typed but the contact's own name.
    """
    sponsor = sponsorship.sponsor
    same_address = Sponsor.objects.filter(email__iexact=sponsor.email)
    if not claim_confirmation_mail(sponsor, same_address):
        return
    _send_confirmation_link(sponsor)


def _send_confirmation_link(sponsor):
    with translation.override(sponsor.language):
        url = absolute_url("sponsorships:confirm", confirmation_token(sponsor))
    send(
        "confirm",
        [sponsor.email],
        sponsor.language,
        {"name": mail_name(sponsor.contact_name), "confirm_url": url},
    )


def sponsor_for_token(token):
    """The sponsor a confirmation link names, or InvalidLink saying why it is refused."""
    data = read_token(CONFIRM_SALT, token, max_age=CONFIRM_MAX_AGE)
    sponsor = Sponsor.objects.filter(pk=data.get("sponsor"), email=data.get("email")).first()
    if sponsor is None:
        raise InvalidLink("invalid")
    if sponsor.email_confirmed_at is not None:
        raise InvalidLink("used")
    return sponsor


@transaction.atomic
def confirm_email(token):
    """Mark the sponsor's address confirmed, then pass their requests on to staff."""
    sponsor = sponsor_for_token(token)
    # Lock the row so two clicks at once cannot both pass.
    sponsor = Sponsor.objects.select_for_update().get(pk=sponsor.pk)
    if sponsor.email_confirmed_at is not None:
        raise InvalidLink("used")
    sponsor.email_confirmed_at = timezone.now()
    sponsor.save(update_fields=["email_confirmed_at"])
    sponsorships = list(
        sponsor.sponsorships.filter(status=Sponsorship.Status.PENDING).select_related("detainee")
    )
    # Each staff member reads it in their own language, with the admin's addresses in it too.
    for language, addresses in mail.by_language(settings.STAFF_EMAILS):
        with translation.override(language):
            admin_urls = [
                absolute_url("admin:sponsorships_sponsorship_change", s.pk) for s in sponsorships
            ]
        items = list(zip(sponsorships, admin_urls, strict=True))
        send("staff_new_request", addresses, language, {"sponsor": sponsor, "items": items})
    return sponsor


# Staff decisions


def account_for(sponsor):
    """The account through which the sponsor reaches the portal. Returns (user, created).

    Only an account that verified the sponsor's address itself is linked. Any other that
    claims the address has proved nothing: anyone may sign up first with a city's address
    and wait for the approval. It loses the claim, and a new account is made, with no
    usable password: the approval e-mail carries the link to choose one.
    """
    if sponsor.email_confirmed_at is None:
        raise ValueError("A sponsor gets an account only once their address is confirmed.")
    if sponsor.user_id:
        return sponsor.user, False
    verified = EmailAddress.objects.filter(email__iexact=sponsor.email, verified=True).first()
    if verified:
        user, created = verified.user, False
    else:
        release_address(sponsor.email)
        user, created = new_account(sponsor.email), True
    sponsor.user = user
    sponsor.save(update_fields=["user"])
    return user, created


def release_address(email):
    """Take `email` from every account that claims it without having verified it.

    Their password was chosen by whoever typed the address first: it becomes unusable,
    which also ends their sessions (each session is bound to the password's hash).
    """
    claims = EmailAddress.objects.filter(email__iexact=email, verified=False)
    squatters = get_user_model().objects.filter(
        Q(email__iexact=email) | Q(pk__in=claims.values("user"))
    )
    for user in squatters:
        if user.email.lower() == email.lower():
            user.email = ""
        user.set_unusable_password()
        user.save(update_fields=["email", "password"])
    claims.delete()


def new_account(email):
    User = get_user_model()
    base = email.split("@")[0][:100] or "sponsor"
    username, n = base, 1
    while User.objects.filter(username=username).exists():
        n += 1
        username = f"{base}{n}"
    user = User.objects.create_user(username=username, email=email)  # no usable password
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def set_password_url(user, language):
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
    return absolute_url(path)


# The state machine: the one place that says which step each status may take, where it
# leads and what the trail calls it. The admin offers the steps `possible_steps()` lists and
# asks `refusal()` before one; each step function below checks again on the locked row (a
# second tab, a second staff member), raises StepRefused, and writes its trail entry with the
# staff member who took it (`actor`; None for the system).
Status = Sponsorship.Status
STEPS = {
    # step: (statuses it starts from, status it leads to or None to stay, trail action)
    "approve": ((Status.PENDING, Status.DECLINED), Status.ACTIVE, "approve_sponsorship"),
    "decline": ((Status.PENDING,), Status.DECLINED, "decline_sponsorship"),
    "sign": ((Status.ACTIVE,), None, "record_signing"),
    "end": ((Status.ACTIVE,), Status.ENDED, "end_sponsorship"),
    "send_confirmation": ((Status.PENDING,), None, "send_sponsor_confirmation"),
    "confirm_on_paper": ((Status.PENDING,), None, "confirm_on_paper"),
}

# Staff re-sending the confirmation for a sponsor they entered wait at least this long
# between two e-mails to one address (a sponsor who "got nothing" is not flooded).
STAFF_RESEND_INTERVAL = timedelta(minutes=15)


class StepRefused(ValueError):
    """A step that the sponsorship's status, or its sponsor, does not allow now."""


def possible_steps(sponsorship):
    return [step for step, (starts, _to, _action) in STEPS.items() if sponsorship.status in starts]


def refusal(sponsorship, step):
    """Why `step` cannot be taken now, or "" if it can."""
    if step not in possible_steps(sponsorship):
        return _("This step is not possible in the current status.")
    sponsor = sponsorship.sponsor
    if step == "approve" and not sponsorship.is_confirmed:
        return _(
            "The sponsor has not confirmed their e-mail address yet, and no confirmation on "
            "paper is recorded."
        )
    if step == "send_confirmation":
        if sponsor.email_confirmed_at is not None:
            return _("The sponsor has already confirmed their e-mail address.")
        sent = sponsor.confirmation_sent_at
        if sent is not None and timezone.now() - sent < STAFF_RESEND_INTERVAL:
            return _(
                "A confirmation e-mail went to this address less than %(minutes)d minutes ago."
            ) % {"minutes": STAFF_RESEND_INTERVAL.total_seconds() // 60}
    if step == "confirm_on_paper" and sponsorship.paper_confirmed_at is not None:
        return _("The confirmation on paper is already recorded.")
    return ""


def _check(sponsorship, step):
    """Lock the row, read its status as it is now, and refuse the step if it does not fit."""
    sponsorship.status = (
        Sponsorship.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=sponsorship.pk)
    )
    why = refusal(sponsorship, step)
    if why:
        raise StepRefused(why)


def _done(sponsorship, step, actor, fields, reason="", **details):
    """Move to the step's status, save `fields`, and write the trail entry."""
    _starts, leads_to, action = STEPS[step]
    old = sponsorship.status
    if leads_to is not None:
        sponsorship.status = leads_to
        fields = [*fields, "status"]
    sponsorship.save(update_fields=[*fields, "updated_at"])
    trail.record(
        actor, action, sponsorship, reason=reason, old=old, new=sponsorship.status, **details
    )


@transaction.atomic
def approve(sponsorship, message="", *, actor=None):
    # Decide on the sponsor's row as it is now, locked, so two approvals make one account.
    sponsor = Sponsor.objects.select_for_update().get(pk=sponsorship.sponsor_id)
    sponsorship.sponsor = sponsor
    _check(sponsorship, "approve")
    if sponsor.latitude is None and sponsor.locate():  # its mark on the map
        sponsor.save(update_fields=["latitude", "longitude"])
    # Only an address proved through our link gets an account (see account_for): a request
    # confirmed on paper is approved without a portal until the sponsor confirms by e-mail.
    user, created = account_for(sponsor) if sponsor.email_confirmed_at else (None, False)
    sponsorship.decision_message = message
    _done(sponsorship, "approve", actor, ["decision_message"], reason=message)
    password_url = set_password_url(user, sponsor.language) if created else ""
    with translation.override(sponsor.language):
        login_url = absolute_url("account_login") if user else ""
    notify_sponsor(
        sponsorship,
        "approved",
        password_url=password_url,
        # The token generator refuses a link older than PASSWORD_RESET_TIMEOUT seconds.
        password_url_expires=timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
        time_zone_city=lazy(city_name, str)(timezone.get_current_timezone_name()),
        login_url=login_url,
        message=message,
    )


@transaction.atomic
def decline(sponsorship, message="", *, actor=None):
    _check(sponsorship, "decline")
    sponsorship.decision_message = message
    _done(sponsorship, "decline", actor, ["decision_message"], reason=message)
    notify_sponsor(sponsorship, "declined", message=message)


@transaction.atomic
def record_signing(sponsorship, signed_on, place, agreement=None, *, actor=None):
    _check(sponsorship, "sign")
    sponsorship.signed_on = signed_on
    sponsorship.signing_place = place
    fields = ["signed_on", "signing_place"]
    if agreement:
        sponsorship.agreement = agreement
        fields.append("agreement")
    _done(sponsorship, "sign", actor, fields, signed_on=str(signed_on), agreement=bool(agreement))
    notify_sponsor(sponsorship, "signed")


def _end(sponsorship, ended_on, reason, actor, why):
    _check(sponsorship, "end")
    sponsorship.ended_on = ended_on
    sponsorship.end_reason = reason
    _done(
        sponsorship,
        "end",
        actor,
        ["ended_on", "end_reason"],
        reason=why,
        ended_on=str(ended_on),
        end_reason=str(reason),
    )


@transaction.atomic
def end(sponsorship, ended_on, reason, *, actor=None, why=""):
    _end(sponsorship, ended_on, reason, actor, why)
    notify_sponsor(sponsorship, "ended")


@transaction.atomic
def send_confirmation_for_staff(sponsorship, *, actor=None):
    """(Re)send the confirmation link to a sponsor staff entered, at most once an interval."""
    _check(sponsorship, "send_confirmation")
    sponsor = sponsorship.sponsor
    same_address = Sponsor.objects.filter(email__iexact=sponsor.email)
    if not claim_confirmation_mail(sponsor, same_address, period=STAFF_RESEND_INTERVAL):
        raise StepRefused(_("A confirmation e-mail went to this address a moment ago."))
    _send_confirmation_link(sponsor)
    _done(sponsorship, "send_confirmation", actor, [])


@transaction.atomic
def confirm_on_paper(sponsorship, scan, *, actor=None, why=""):
    """Record that the sponsor confirmed the request on a signed paper form (its scan kept
    in the private storage); approval is then allowed without the e-mail link."""
    _check(sponsorship, "confirm_on_paper")
    sponsorship.paper_confirmation = scan
    sponsorship.paper_confirmed_at = timezone.now()
    _done(
        sponsorship,
        "confirm_on_paper",
        actor,
        ["paper_confirmation", "paper_confirmed_at"],
        reason=why,
    )


# When a detainee is released or dies, their active sponsorships end, with that reason.

END_REASONS = {
    "RELEASED": Sponsorship.EndReason.RELEASE,
    "DECEASED": Sponsorship.EndReason.DECEASED,
}


def ending_for_status(detainee_ids, status):
    """The active sponsorships that a detainee's new `status` would end: only of the people
    who have that status now (a link naming others ends nothing)."""
    if status not in END_REASONS:
        return Sponsorship.objects.none()
    return (
        Sponsorship.objects.active()
        .filter(detainee__in=detainee_ids, detainee__status=status)
        .select_related("sponsor", "detainee")
        .order_by("detainee__name", "sponsor__name")
    )


@transaction.atomic
def end_for_status(sponsorships, status, *, actor=None, why=""):
    """End `sponsorships` because their detainee is now `status` (RELEASED or DECEASED).

    Each gets its trail entry; each address hears once, in one e-mail naming everyone whose
    sponsorship ended, however many rows it had. One already ended (a second run, another
    tab) is left as it is and told nothing. Returns (ended, e-mails sent).
    """
    reason = END_REASONS[status]
    today = timezone.localdate()
    ended = []
    for sponsorship in sponsorships:
        try:
            _end(sponsorship, today, reason, actor, why)
        except StepRefused:
            continue
        ended.append(sponsorship)
    by_address = {}
    for sponsorship in ended:
        by_address.setdefault(sponsorship.sponsor.email.lower(), []).append(sponsorship)
    for rows in by_address.values():
        sponsor = rows[0].sponsor
        detainees = list({row.detainee_id: row.detainee for row in rows}.values())
        context = {
            "sponsor": sponsor,
            "end_reason": reason,
            "ended_on": today,
            # A hidden record is named in no e-mail; a limited one by its initials.
            "names": lazy(lambda ds=detainees: _names(ds), str)(),
            "reply_to": settings.CONTACT_EMAIL,
        }
        send(
            "ended_by_status",
            [sponsor.email],
            sponsor.language,
            context,
            reply_to=[settings.CONTACT_EMAIL],
        )
    return ended, len(by_address)


def _names(detainees):
    listed = [d.public_name for d in detainees if d.is_listed]
    hidden = len(detainees) - len(listed)
    if hidden:
        listed.append(ngettext("the person you sponsored", "the people you sponsored", hidden))
    return ", ".join(str(name) for name in listed)


def needs_sponsor_marks(records):
    """The "needs a sponsor" mark on the cards of people still held whom no active
    sponsorship names, linking to the sign-up form with them chosen (prisoners.panels)."""
    candidates = [r for r in records if r.is_still_held]
    sponsored = Sponsorship.objects.sponsored_among(candidates)
    signup = reverse("sponsorships:signup")
    return {
        r.pk: CardMark(_("Needs a sponsor"), f"{signup}?target={r.pk}")
        for r in candidates
        if r.pk not in sponsored
    }
